"""The search and publication schema as of this migration, in fixed SQL for each engine.

Until now a post-migrate hook made these objects from live code after every migrate, so what
a migration left behind depended on the code of the day. Here they are made once, from text
that does not change: on SQLite the FTS5 tables with their sync triggers, and the triggers
that keep `Claim.is_public` and `Claim.meeting_date` and hold the verbatim rule; on
PostgreSQL the extensions, the text search configuration, the generated `search_vector`
columns with their GIN indexes, the trigram indexes on names, and the same triggers as
functions. Every statement is idempotent: a database migrated before has all of them.

archive/publication.py and archive/search/indexes.py keep the same definitions for
`rebuild_search_index`; tests/test_migrations.py checks they have not drifted from these. A
later change to them is a new migration, never an edit here."""

from django.db import migrations

# -- SQLite ------------------------------------------------------------------------------

# Each FTS5 table and the triggers that keep it in step with its table (made by 0002).
SQLITE_SEARCH = {
    "archive_claim_fts": [
        "CREATE VIRTUAL TABLE IF NOT EXISTS archive_claim_fts USING fts5(text, search_context, "
        "search_source, content='archive_claim', content_rowid='id', "
        "tokenize='porter unicode61 remove_diacritics 2')",
        "CREATE TRIGGER IF NOT EXISTS archive_claim_fts_insert AFTER INSERT ON archive_claim "
        "BEGIN INSERT INTO archive_claim_fts(rowid, text, search_context, search_source) "
        "VALUES (new.id, new.text, new.search_context, new.search_source); END",
        "CREATE TRIGGER IF NOT EXISTS archive_claim_fts_delete AFTER DELETE ON archive_claim "
        "BEGIN INSERT INTO archive_claim_fts(archive_claim_fts, rowid, text, search_context, "
        "search_source) VALUES ('delete', old.id, old.text, old.search_context, "
        "old.search_source); END",
        "CREATE TRIGGER IF NOT EXISTS archive_claim_fts_update AFTER UPDATE OF text, "
        "search_context, search_source ON archive_claim BEGIN INSERT INTO "
        "archive_claim_fts(archive_claim_fts, rowid, text, search_context, search_source) "
        "VALUES ('delete', old.id, old.text, old.search_context, old.search_source); "
        "INSERT INTO archive_claim_fts(rowid, text, search_context, search_source) "
        "VALUES (new.id, new.text, new.search_context, new.search_source); END",
    ],
    "archive_report_fts": [
        "CREATE VIRTUAL TABLE IF NOT EXISTS archive_report_fts USING fts5(title, "
        "original_source, body, content='archive_report', content_rowid='id', "
        "tokenize='porter unicode61 remove_diacritics 2')",
        "CREATE TRIGGER IF NOT EXISTS archive_report_fts_insert AFTER INSERT ON archive_report "
        "BEGIN INSERT INTO archive_report_fts(rowid, title, original_source, body) "
        "VALUES (new.id, new.title, new.original_source, new.body); END",
        "CREATE TRIGGER IF NOT EXISTS archive_report_fts_delete AFTER DELETE ON archive_report "
        "BEGIN INSERT INTO archive_report_fts(archive_report_fts, rowid, title, "
        "original_source, body) VALUES ('delete', old.id, old.title, old.original_source, "
        "old.body); END",
        "CREATE TRIGGER IF NOT EXISTS archive_report_fts_update AFTER UPDATE OF title, "
        "original_source, body ON archive_report BEGIN INSERT INTO "
        "archive_report_fts(archive_report_fts, rowid, title, original_source, body) "
        "VALUES ('delete', old.id, old.title, old.original_source, old.body); "
        "INSERT INTO archive_report_fts(rowid, title, original_source, body) "
        "VALUES (new.id, new.title, new.original_source, new.body); END",
    ],
    "archive_meeting_fts": [
        "CREATE VIRTUAL TABLE IF NOT EXISTS archive_meeting_fts USING fts5(title, place, "
        "summary, content='archive_meeting', content_rowid='id', "
        "tokenize='porter unicode61 remove_diacritics 2')",
        "CREATE TRIGGER IF NOT EXISTS archive_meeting_fts_insert AFTER INSERT ON "
        "archive_meeting BEGIN INSERT INTO archive_meeting_fts(rowid, title, place, summary) "
        "VALUES (new.id, new.title, new.place, new.summary); END",
        "CREATE TRIGGER IF NOT EXISTS archive_meeting_fts_delete AFTER DELETE ON "
        "archive_meeting BEGIN INSERT INTO archive_meeting_fts(archive_meeting_fts, rowid, "
        "title, place, summary) VALUES ('delete', old.id, old.title, old.place, "
        "old.summary); END",
        "CREATE TRIGGER IF NOT EXISTS archive_meeting_fts_update AFTER UPDATE OF title, place, "
        "summary ON archive_meeting BEGIN INSERT INTO archive_meeting_fts(archive_meeting_fts, "
        "rowid, title, place, summary) VALUES ('delete', old.id, old.title, old.place, "
        "old.summary); INSERT INTO archive_meeting_fts(rowid, title, place, summary) "
        "VALUES (new.id, new.title, new.place, new.summary); END",
    ],
}

# Whether a claim is public, and its meeting's date, from its report (in the statements below
# with the report's id written in: new.report_id, new.id or archive_claim.report_id).
SQLITE_PUBLICATION = {
    "archive_claim_verbatim_insert": "CREATE TRIGGER IF NOT EXISTS "
    "archive_claim_verbatim_insert BEFORE INSERT ON archive_claim WHEN new.text IS NOT "
    '(SELECT substr(r.body, new.start + 1, new."end" - new.start) FROM archive_report r '
    "WHERE r.id = new.report_id) BEGIN SELECT RAISE(ABORT, 'verbatim rule: a claim''s text "
    "must be its report''s words at its offsets'); END",
    "archive_claim_verbatim_update": "CREATE TRIGGER IF NOT EXISTS "
    'archive_claim_verbatim_update BEFORE UPDATE OF text, start, "end", report_id ON '
    "archive_claim WHEN new.text IS NOT (SELECT substr(r.body, new.start + 1, "
    'new."end" - new.start) FROM archive_report r WHERE r.id = new.report_id) BEGIN SELECT '
    "RAISE(ABORT, 'verbatim rule: a claim''s text must be its report''s words at its "
    "offsets'); END",
    "archive_claim_public_insert": "CREATE TRIGGER IF NOT EXISTS archive_claim_public_insert "
    "AFTER INSERT ON archive_claim BEGIN UPDATE archive_claim SET is_public = COALESCE(("
    "SELECT r.status = 'published' AND m.status = 'published' FROM archive_report r JOIN "
    "archive_meeting m ON m.id = r.meeting_id WHERE r.id = new.report_id), FALSE), "
    "meeting_date = (SELECT m.start_date FROM archive_report r JOIN archive_meeting m "
    "ON m.id = r.meeting_id WHERE r.id = new.report_id) WHERE id = new.id; END",
    "archive_claim_public_move": "CREATE TRIGGER IF NOT EXISTS archive_claim_public_move "
    "AFTER UPDATE OF report_id, is_public, meeting_date ON archive_claim WHEN new.is_public "
    "IS NOT COALESCE((SELECT r.status = 'published' AND m.status = 'published' FROM "
    "archive_report r JOIN archive_meeting m ON m.id = r.meeting_id WHERE "
    "r.id = new.report_id), FALSE) OR new.meeting_date IS NOT (SELECT m.start_date FROM "
    "archive_report r JOIN archive_meeting m ON m.id = r.meeting_id WHERE "
    "r.id = new.report_id) BEGIN UPDATE archive_claim SET is_public = COALESCE((SELECT "
    "r.status = 'published' AND m.status = 'published' FROM archive_report r JOIN "
    "archive_meeting m ON m.id = r.meeting_id WHERE r.id = new.report_id), FALSE), "
    "meeting_date = (SELECT m.start_date FROM archive_report r JOIN archive_meeting m "
    "ON m.id = r.meeting_id WHERE r.id = new.report_id) WHERE id = new.id; END",
    "archive_report_public": "CREATE TRIGGER IF NOT EXISTS archive_report_public AFTER "
    "UPDATE OF status, meeting_id ON archive_report BEGIN UPDATE archive_claim SET "
    "meeting_id = new.meeting_id, is_public = COALESCE((SELECT r.status = 'published' AND "
    "m.status = 'published' FROM archive_report r JOIN archive_meeting m ON "
    "m.id = r.meeting_id WHERE r.id = new.id), FALSE), meeting_date = (SELECT m.start_date "
    "FROM archive_report r JOIN archive_meeting m ON m.id = r.meeting_id WHERE "
    "r.id = new.id) WHERE report_id = new.id; END",
    "archive_meeting_public": "CREATE TRIGGER IF NOT EXISTS archive_meeting_public AFTER "
    "UPDATE OF status, start_date ON archive_meeting BEGIN UPDATE archive_claim SET "
    "is_public = COALESCE((SELECT r.status = 'published' AND m.status = 'published' FROM "
    "archive_report r JOIN archive_meeting m ON m.id = r.meeting_id WHERE "
    "r.id = archive_claim.report_id), FALSE), meeting_date = new.start_date WHERE "
    "meeting_id = new.id; END",
}

# Every claim's flag and date once, now that the triggers keep them (0008 left the date
# empty); only the rows that differ are written.
CLAIM_IS_PUBLIC = (
    "COALESCE((SELECT r.status = 'published' AND m.status = 'published' FROM archive_report r "
    "JOIN archive_meeting m ON m.id = r.meeting_id WHERE r.id = archive_claim.report_id), "
    "FALSE)"
)
CLAIM_MEETING_DATE = (
    "(SELECT m.start_date FROM archive_report r JOIN archive_meeting m "
    "ON m.id = r.meeting_id WHERE r.id = archive_claim.report_id)"
)
SQLITE_RESYNC = (
    f"UPDATE archive_claim SET is_public = {CLAIM_IS_PUBLIC}, "
    f"meeting_date = {CLAIM_MEETING_DATE} WHERE is_public IS NOT {CLAIM_IS_PUBLIC} "
    f"OR meeting_date IS NOT {CLAIM_MEETING_DATE}"
)

# -- PostgreSQL --------------------------------------------------------------------------


def search_vector(table, a, b, c):
    return (
        f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED "
        f"ALWAYS AS (setweight(to_tsvector('archive_english', coalesce({a}, '')), 'A') || "
        f"setweight(to_tsvector('archive_english', coalesce({b}, '')), 'B') || "
        f"setweight(to_tsvector('archive_english', coalesce({c}, '')), 'C')) STORED"
    )


POSTGRES_SEARCH = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'archive_english') THEN
            CREATE TEXT SEARCH CONFIGURATION archive_english (COPY = english);
            ALTER TEXT SEARCH CONFIGURATION archive_english
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
        END IF;
    END $$""",
    # "Did you mean": officials' names and aliases by trigram word similarity.
    "CREATE INDEX IF NOT EXISTS archive_person_name_trgm ON archive_person "
    "USING gin (lower(name) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS archive_personalias_name_trgm ON archive_personalias "
    "USING gin (lower(name) gin_trgm_ops)",
    # First in this migration's transaction: ALTER TABLE fails once it has pending
    # constraint checks, even where the column exists.
    search_vector("archive_claim", "text", "search_context", "search_source"),
    "CREATE INDEX IF NOT EXISTS archive_claim_search_gin ON archive_claim "
    "USING gin (search_vector)",
    search_vector("archive_report", "title", "original_source", "body"),
    "CREATE INDEX IF NOT EXISTS archive_report_search_gin ON archive_report "
    "USING gin (search_vector)",
    search_vector("archive_meeting", "title", "place", "summary"),
    "CREATE INDEX IF NOT EXISTS archive_meeting_search_gin ON archive_meeting "
    "USING gin (search_vector)",
]

# PostgreSQL stores a function's body as written: these are the bodies the hook wrote.
POSTGRES_PUBLICATION = [
    """CREATE OR REPLACE FUNCTION archive_claim_verbatim() RETURNS trigger AS $$
    BEGIN
        IF NEW.text IS DISTINCT FROM (SELECT substr(r.body, NEW.start + 1, NEW."end" - NEW.start) FROM archive_report r WHERE r.id = NEW.report_id) THEN
            RAISE EXCEPTION 'verbatim rule: a claim''s text must be its report''s words at its offsets' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    "CREATE OR REPLACE TRIGGER archive_claim_verbatim BEFORE INSERT OR UPDATE OF text, start, "
    '"end", report_id ON archive_claim FOR EACH ROW EXECUTE FUNCTION archive_claim_verbatim()',
    """CREATE OR REPLACE FUNCTION archive_claim_public() RETURNS trigger AS $$
    BEGIN
        NEW.is_public := COALESCE((SELECT r.status = 'published' AND m.status = 'published' FROM archive_report r JOIN archive_meeting m ON m.id = r.meeting_id WHERE r.id = NEW.report_id), FALSE);
        NEW.meeting_date := (SELECT m.start_date FROM archive_report r JOIN archive_meeting m ON m.id = r.meeting_id WHERE r.id = NEW.report_id);
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION archive_report_public() RETURNS trigger AS $$
    BEGIN
        UPDATE archive_claim
        SET meeting_id = NEW.meeting_id, is_public = COALESCE((SELECT r.status = 'published' AND m.status = 'published' FROM archive_report r JOIN archive_meeting m ON m.id = r.meeting_id WHERE r.id = NEW.id), FALSE),
            meeting_date = (SELECT m.start_date FROM archive_report r JOIN archive_meeting m ON m.id = r.meeting_id WHERE r.id = NEW.id)
        WHERE report_id = NEW.id;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION archive_meeting_public() RETURNS trigger AS $$
    BEGIN
        UPDATE archive_claim c SET is_public = COALESCE((SELECT r.status = 'published' AND m.status = 'published' FROM archive_report r JOIN archive_meeting m ON m.id = r.meeting_id WHERE r.id = c.report_id), FALSE),
            meeting_date = NEW.start_date
        WHERE c.meeting_id = NEW.id;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    "CREATE OR REPLACE TRIGGER archive_claim_public BEFORE INSERT OR UPDATE OF report_id, "
    "is_public, meeting_date ON archive_claim FOR EACH ROW EXECUTE FUNCTION "
    "archive_claim_public()",
    "CREATE OR REPLACE TRIGGER archive_report_public AFTER UPDATE OF status, meeting_id "
    "ON archive_report FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status "
    "OR OLD.meeting_id IS DISTINCT FROM NEW.meeting_id) "
    "EXECUTE FUNCTION archive_report_public()",
    "CREATE OR REPLACE TRIGGER archive_meeting_public AFTER UPDATE OF status, start_date "
    "ON archive_meeting FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status "
    "OR OLD.start_date IS DISTINCT FROM NEW.start_date) "
    "EXECUTE FUNCTION archive_meeting_public()",
]

POSTGRES_RESYNC = (
    f"UPDATE archive_claim SET is_public = {CLAIM_IS_PUBLIC}, "
    f"meeting_date = {CLAIM_MEETING_DATE} WHERE is_public IS DISTINCT FROM {CLAIM_IS_PUBLIC} "
    f"OR meeting_date IS DISTINCT FROM {CLAIM_MEETING_DATE}"
)

POSTGRES_UNPUBLICATION = [
    "DROP TRIGGER IF EXISTS archive_claim_verbatim ON archive_claim",
    "DROP TRIGGER IF EXISTS archive_claim_public ON archive_claim",
    "DROP TRIGGER IF EXISTS archive_report_public ON archive_report",
    "DROP TRIGGER IF EXISTS archive_meeting_public ON archive_meeting",
    "DROP FUNCTION IF EXISTS archive_claim_verbatim()",
    "DROP FUNCTION IF EXISTS archive_claim_public()",
    "DROP FUNCTION IF EXISTS archive_report_public()",
    "DROP FUNCTION IF EXISTS archive_meeting_public()",
]


def sqlite_triggers(cursor):
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    return {name for (name,) in cursor.fetchall()}


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite":
            before = sqlite_triggers(cursor)
            for fts, statements in SQLITE_SEARCH.items():
                for statement in statements:
                    cursor.execute(statement)
                # A sync trigger that was missing (a table rebuild drops the triggers on the
                # table) let writes past the index: read the table again.
                if not {f"{fts}_insert", f"{fts}_delete", f"{fts}_update"} <= before:
                    cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
            for statement in SQLITE_PUBLICATION.values():
                cursor.execute(statement)
            cursor.execute(SQLITE_RESYNC)
        elif vendor == "postgresql":
            for statement in [*POSTGRES_SEARCH, *POSTGRES_PUBLICATION, POSTGRES_RESYNC]:
                cursor.execute(statement)


def remove(apps, schema_editor):
    """Only the publication triggers: the search objects are 0002's and stay with it."""
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite":
            for name in SQLITE_PUBLICATION:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        elif vendor == "postgresql":
            for statement in POSTGRES_UNPUBLICATION:
                cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("archive", "0020_report_relayed_from")]

    operations = [migrations.RunPython(create, remove)]
