"""The "Editors" group: what the people who enter and publish dispatches may do in the admin,
and nothing of django.contrib.auth (they do not manage users or groups)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"

FULL = ["add", "change", "delete", "view"]

PERMISSIONS = {
    **{
        model: FULL
        for model in [
            "publisher",
            "report",
            "footnote",
            "meeting",
            "delegation",
            "person",
            "personalias",
            "participation",
            "issue",
            "issuealias",
            "claim",
            "synonym",
        ]
    },
    # Tombstones are made by deleting a claim; editors may correct the reason shown.
    "withdrawnclaim": ["view", "change"],
    # Old slugs are kept automatically when a slug changes.
    "oldslug": ["view"],
    # simple_history's records (the claim's issues have their own table).
    "historicalmeeting": ["view"],
    "historicalperson": ["view"],
    "historicalreport": ["view"],
    "historicalclaim": ["view"],
    "historicalclaim_issues": ["view"],
}

CODENAMES = [f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions]


def create_editors(apps, schema_editor):
    # Permissions are normally created after the whole migrate (post_migrate): on a new
    # database they do not exist yet, so create the archive's now.
    archive = apps.get_app_config("archive")
    archive.models_module = True
    create_permissions(archive, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    archive.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    permissions = list(
        Permission.objects.using(db).filter(
            content_type__app_label="archive", codename__in=CODENAMES
        )
    )
    missing = set(CODENAMES) - {p.codename for p in permissions}
    if missing:
        raise RuntimeError(f"Permissions missing for the Editors group: {sorted(missing)}")
    group, _ = Group.objects.using(db).get_or_create(name=EDITORS)
    group.permissions.set(permissions)


def remove_editors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0009_facet_indexes"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_editors, remove_editors),
    ]
