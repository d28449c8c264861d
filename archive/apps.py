from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "Archive"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from archive import signals

        signals.connect()
        pre_migrate.connect(remove_triggers, sender=self)
        post_migrate.connect(install_database_objects, sender=self)


def touches_archive(plan) -> bool:
    return any(migration.app_label == "archive" for migration, _ in plan or [])


def remove_triggers(sender, using: str, plan=None, **kwargs) -> None:
    """Only when the archive's own tables are about to change (see publication.uninstall)."""
    from django.db import connections

    from archive import publication

    if touches_archive(plan):
        publication.uninstall(connections[using])


def install_database_objects(sender, using: str, plan=None, **kwargs) -> None:
    """Full-text indexes and publication triggers are made by raw SQL; make sure they exist
    after every migrate (SQLite drops a table's triggers when a migration rebuilds it)."""
    from django.db import connections

    from archive import publication
    from archive.search import indexes

    connection = connections[using]
    with connection.cursor() as cursor:
        if "archive_claim" not in connection.introspection.table_names(cursor):
            return  # migrated back to before the archive's tables
        columns = {
            c.name for c in connection.introspection.get_table_description(cursor, "archive_claim")
        }
    if "search_context" in columns:
        indexes.install(connection)
    if {"is_public", "meeting_date"} <= columns:
        publication.install(connection)
        if touches_archive(plan):
            publication.resync(connection)  # the triggers were off during the migration
