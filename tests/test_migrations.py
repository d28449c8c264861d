"""The search and publication schema comes from the migrations alone, and the code's own
copy of it (what rebuild_search_index makes again) has not drifted from theirs; on SQLite a
migration that rebuilds a table keeps the triggers that name it."""

import pytest
from django.apps.registry import Apps
from django.db import OperationalError, connection, models
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.db.backends.sqlite3.schema import DatabaseSchemaEditor

from archive import publication
from archive.search import indexes
from archive.sqlite_rebuilds import TriggerKeepingSchemaEditor

pytestmark = pytest.mark.django_db

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's triggers and table rebuilds"
)


def stored(statement: str) -> str:
    """A CREATE statement as SQLite keeps it in sqlite_master (without IF NOT EXISTS)."""
    return statement.replace(" IF NOT EXISTS", "", 1)


@sqlite_only
def test_the_migrated_triggers_are_the_ones_the_code_describes():
    described = [
        *(statement for index in indexes.ALL for statement in indexes.sqlite_sql(index)),
        *publication.SQLITE,
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' OR sql LIKE 'CREATE VIRTUAL%'"
        )
        migrated = {sql for (sql,) in cursor.fetchall()}
    assert migrated == {stored(statement) for statement in described}


@pytest.fixture
def scratch(tmp_path):
    """A SQLite database of its own, with a parent and a child table, and a trigger on each
    that names the other one. (Its schema editors run outside atomic(), which looks a
    database up among the project's own.)"""
    database = DatabaseWrapper(
        {**connection.settings_dict, "NAME": str(tmp_path / "scratch.sqlite3")}, "scratch"
    )
    registry = Apps()

    class Parent(models.Model):  # noqa: DJ008 (a scratch table)
        name = models.TextField()

        class Meta:
            app_label = "scratch"
            apps = registry
            db_table = "parent"

    class Child(models.Model):  # noqa: DJ008
        parent = models.ForeignKey(Parent, models.CASCADE)
        text = models.TextField()

        class Meta:
            app_label = "scratch"
            apps = registry
            db_table = "child"

    with TriggerKeepingSchemaEditor(database, atomic=False) as editor:
        editor.create_model(Parent)
        editor.create_model(Child)
    with database.cursor() as cursor:
        cursor.execute(
            "CREATE TRIGGER child_counted AFTER INSERT ON child BEGIN "
            "UPDATE parent SET name = name || '+' WHERE id = new.parent_id; END"
        )
        cursor.execute(
            "CREATE TRIGGER parent_renamed AFTER UPDATE OF name ON parent BEGIN "
            "UPDATE child SET text = new.name WHERE parent_id = new.id; END"
        )
    yield database, Child
    database.close()


def flag() -> models.BooleanField:
    """A NOT NULL column: SQLite cannot add it in place, so the table is rebuilt."""
    field = models.BooleanField(default=False)
    field.set_attributes_from_name("flag")
    return field


def triggers(database) -> dict[str, str]:
    with database.cursor() as cursor:
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        return dict(cursor.fetchall())


@sqlite_only
def test_a_rebuilt_table_keeps_its_triggers_and_those_that_name_it(scratch):
    database, Child = scratch
    before = triggers(database)
    with TriggerKeepingSchemaEditor(database, atomic=False) as editor:
        editor.add_field(Child, flag())
    assert triggers(database) == before
    with database.cursor() as cursor:
        cursor.execute("INSERT INTO parent (id, name) VALUES (1, 'p')")
        cursor.execute("INSERT INTO child (parent_id, text, flag) VALUES (1, 'c', 0)")
        cursor.execute("SELECT name FROM parent")
        assert cursor.fetchone() == ("p+",)


@sqlite_only
def test_a_plain_rebuild_fails_while_another_tables_trigger_names_the_table(scratch):
    """Why the archive's migrations need their own schema editor on SQLite."""
    database, Child = scratch
    with (
        pytest.raises(OperationalError, match="parent_renamed"),
        DatabaseSchemaEditor(database, atomic=False) as editor,
    ):
        editor.add_field(Child, flag())
