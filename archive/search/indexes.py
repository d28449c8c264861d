"""The searchable records, their weighted columns, and the database objects that index them.

Both engines read the same spec: on PostgreSQL a stored generated `search_vector` column per
table with a GIN index; on SQLite an external-content FTS5 table kept in sync by triggers.
Column weights are written here once: the first column ranks highest.
"""

from dataclasses import dataclass

PG_CONFIG = "archive_english"
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"
PG_WEIGHT_LETTERS = ("A", "B", "C")


@dataclass(frozen=True)
class SearchIndex:
    table: str
    columns: tuple[str, str, str]
    weights: tuple[float, float, float]
    highlight_column: int

    @property
    def fts_table(self) -> str:
        return f"{self.table}_fts"

    @property
    def pg_rank_weights(self) -> list[float]:
        """ts_rank's weight array is ordered D, C, B, A."""
        return [0.0, *reversed(self.weights)]

    @property
    def bm25_weights(self) -> str:
        return ", ".join(f"{w * 10:.1f}" for w in self.weights)


# A claim's own words first, then who said it, then the issues an editor filed it under.
CLAIMS = SearchIndex(
    "archive_claim", ("text", "search_context", "search_source"), (1.0, 0.4, 0.1), 0
)
REPORTS = SearchIndex("archive_report", ("title", "original_source", "body"), (1.0, 0.4, 0.1), 2)
MEETINGS = SearchIndex("archive_meeting", ("title", "place", "summary"), (1.0, 0.4, 0.1), 2)
ALL = (CLAIMS, REPORTS, MEETINGS)


def for_model(model) -> SearchIndex:
    """The index of a model's table (claims, reports or meetings)."""
    return next(index for index in ALL if index.table == model._meta.db_table)


def postgres_sql(index: SearchIndex) -> list[str]:
    vector = " || ".join(
        f"setweight(to_tsvector('{PG_CONFIG}', coalesce({column}, '')), '{letter}')"
        for column, letter in zip(index.columns, PG_WEIGHT_LETTERS, strict=True)
    )
    return [
        f"ALTER TABLE {index.table} ADD COLUMN IF NOT EXISTS search_vector tsvector "
        f"GENERATED ALWAYS AS ({vector}) STORED",
        f"CREATE INDEX IF NOT EXISTS {index.table}_search_gin ON {index.table} "
        "USING gin (search_vector)",
    ]


POSTGRES_SETUP = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"""DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{PG_CONFIG}') THEN
            CREATE TEXT SEARCH CONFIGURATION {PG_CONFIG} (COPY = english);
            ALTER TEXT SEARCH CONFIGURATION {PG_CONFIG}
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
        END IF;
    END $$""",
    # "Did you mean": officials' names and aliases by trigram word similarity.
    "CREATE INDEX IF NOT EXISTS archive_person_name_trgm ON archive_person "
    "USING gin (lower(name) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS archive_personalias_name_trgm ON archive_personalias "
    "USING gin (lower(name) gin_trgm_ops)",
]


def sqlite_sql(index: SearchIndex) -> list[str]:
    fts, table = index.fts_table, index.table
    columns = ", ".join(index.columns)
    new = ", ".join(f"new.{c}" for c in index.columns)
    old = ", ".join(f"old.{c}" for c in index.columns)
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({columns}, "
        f"content='{table}', content_rowid='id', tokenize='{FTS_TOKENIZER}')",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {columns}) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {columns}) VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE OF {columns} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {columns}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {fts}(rowid, {columns}) VALUES (new.id, {new}); END",
    ]


def missing_vector_tables(cursor) -> set[str]:
    cursor.execute(
        "SELECT table_name FROM information_schema.columns "
        "WHERE column_name = 'search_vector' AND table_schema = current_schema()"
    )
    return {index.table for index in ALL} - {row[0] for row in cursor.fetchall()}


def install(connection) -> None:
    """Create what is missing (idempotent), for `rebuild_search_index`: the migrations made
    them (0002, 0021), and tests/test_migrations.py checks these are the ones they made."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # ALTER TABLE only where the column is missing: it cannot run inside a
            # transaction that has pending constraint checks.
            missing = missing_vector_tables(cursor)
            statements = POSTGRES_SETUP + [
                s for index in ALL if index.table in missing for s in postgres_sql(index)
            ]
        elif connection.vendor == "sqlite":
            statements = [s for index in ALL for s in sqlite_sql(index)]
        else:
            return
        for statement in statements:
            cursor.execute(statement)


def rebuild(connection) -> list[str]:
    """Rebuild the engine's full-text indexes from the tables, then merge them; says what it
    did."""
    return on_each_index(connection, REBUILD) + optimize(connection)


def optimize(connection) -> list[str]:
    """Merge what a bulk load left in pieces; says what it did. FTS5 keeps new rows in
    segments that a query reads one by one until they are merged (at 200,000 generated claims
    a broad query took 30% less once merged); GIN keeps them in a pending list that every
    query scans."""
    return on_each_index(connection, MERGE)


# By engine: a statement and what it did, for each index ({fts}: its FTS5 table, {table}: the
# indexed table).
REBUILD = {
    "sqlite": ("INSERT INTO {fts}({fts}) VALUES ('rebuild')", "rebuilt the FTS5 index {fts}"),
    "postgresql": ("REINDEX INDEX {table}_search_gin", "reindexed {table}_search_gin"),
}
MERGE = {
    "sqlite": (
        "INSERT INTO {fts}({fts}) VALUES ('optimize')",
        "merged the FTS5 index {fts} into one segment",
    ),
    "postgresql": (
        "SELECT gin_clean_pending_list('{table}_search_gin')",
        "moved the pending entries of {table}_search_gin into it",
    ),
}


def on_each_index(connection, statements: dict[str, tuple[str, str]]) -> list[str]:
    if connection.vendor not in statements:
        return []
    statement, done = statements[connection.vendor]
    said = []
    with connection.cursor() as cursor:
        for index in ALL:
            names = {"fts": index.fts_table, "table": index.table}
            cursor.execute(statement.format(**names))
            said.append(done.format(**names))
    return said
