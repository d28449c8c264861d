"""Editors may read the corrections (they make them on a claim's form)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAME = "view_correction"


def grant(apps, schema_editor):
    # Permissions are normally created after the whole migrate; create the archive's now.
    archive = apps.get_app_config("archive")
    archive.models_module = True
    create_permissions(archive, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    archive.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    permission = Permission.objects.using(db).get(
        content_type__app_label="archive", codename=CODENAME
    )
    for group in Group.objects.using(db).filter(name="Editors"):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.using(schema_editor.connection.alias).filter(name="Editors"):
        group.permissions.remove(*group.permissions.filter(codename=CODENAME))


class Migration(migrations.Migration):
    dependencies = [("archive", "0016_corrections")]

    operations = [migrations.RunPython(grant, revoke)]
