from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "Archive"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from archive import signals
        from archive.search import indexes

        signals.connect()
        post_migrate.connect(install_search_indexes, sender=self)
        self.search_indexes = indexes


def install_search_indexes(sender, using: str, **kwargs) -> None:
    """Full-text objects are made by raw SQL; make sure they exist after every migrate (SQLite
    drops a table's triggers when a migration rebuilds the table)."""
    from django.db import connections

    from archive.search import indexes

    indexes.install(connections[using])
