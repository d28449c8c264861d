"""Table rebuilds on SQLite that keep the triggers the migrations made.

SQLite changes most columns by rebuilding the table: create `new__t`, copy the rows, drop
`t`, rename `new__t` to `t` (https://www.sqlite.org/lang_altertable.html#otheralter).
Dropping `t` drops the triggers on it, and the rename fails while a trigger on another table
names `t` (the publication triggers name the claim, report and meeting tables). So a rebuild
sets aside every trigger whose SQL names the table and creates it again, in the words the
migrations wrote, once the table is back: the triggers keep working for the migrations that
follow, data migrations included. The FTS5 tables are tables of their own and outlive the
rebuild, and the copied rows keep their ids, so the full-text indexes stay right.
"""

import re

from django.db.backends.sqlite3.schema import DatabaseSchemaEditor


class TriggerKeepingSchemaEditor(DatabaseSchemaEditor):
    def _remake_table(self, model, create_field=None, delete_field=None, alter_fields=None):
        kept = triggers_naming(self.connection, model._meta.db_table)
        for name in kept:
            self.execute(f"DROP TRIGGER {self.quote_name(name)}", None)
        super()._remake_table(model, create_field, delete_field, alter_fields)
        for statement in kept.values():
            self.execute(statement, None)  # no parameters: a % in a trigger stays as it is


def triggers_naming(connection, table: str) -> dict[str, str]:
    """Each trigger whose SQL names `table` (as a whole word: not `table_fts`), with its
    CREATE statement, in the order they were made."""
    names_table = re.compile(rf"\b{re.escape(table)}\b", re.IGNORECASE)
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid")
        return {name: sql for name, sql in cursor.fetchall() if names_table.search(sql)}
