from django.apps import AppConfig
from django.db.models.signals import pre_migrate


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "Archive"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from archive import signals

        signals.connect()
        pre_migrate.connect(keep_triggers_through_rebuilds, sender=self)


def keep_triggers_through_rebuilds(sender, using: str, **kwargs) -> None:
    """The search and publication schema is made by migrations (0002, 0021), and nothing
    makes it again after a migrate. The one thing a migrate would otherwise lose is on
    SQLite: a migration that rebuilds a table drops the triggers on it, and cannot rename the
    rebuilt table while a trigger on another table names it. For the migrate, table rebuilds
    set those triggers aside and make them again (archive/sqlite_rebuilds.py). PostgreSQL
    alters a table in place and keeps its triggers: nothing to do there."""
    from django.db import connections

    from archive.sqlite_rebuilds import TriggerKeepingSchemaEditor

    connection = connections[using]
    if connection.vendor == "sqlite":
        connection.SchemaEditorClass = TriggerKeepingSchemaEditor
