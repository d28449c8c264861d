"""Database triggers that keep `Claim.is_public` equal to "the claim's report and meeting are
both published" (and a claim's `meeting` and `meeting_date` equal to its report's meeting's),
and that refuse a claim whose text is not its report's words at its offsets (the archive's
verbatim rule, `claim.text == report.body[start:end]`), on every path that writes rows:
save(), QuerySet.update(), bulk_create() and loaddata.

Migration 0021 made them, in fixed SQL; these definitions are what `rebuild_search_index`
makes again, and tests/test_migrations.py checks that they are still the ones the migrations
made. Changing one is a new migration. A migration that drops or retypes a column a trigger
watches drops the trigger first (PostgreSQL refuses otherwise) and makes it again after."""

PUBLISHED = "'published'"

CLAIM_IS_PUBLIC = (
    "(SELECT r.status = {p} AND m.status = {p} FROM archive_report r "
    "JOIN archive_meeting m ON m.id = r.meeting_id WHERE r.id = {report})"
)


def claim_is_public(report: str) -> str:
    return "COALESCE(" + CLAIM_IS_PUBLIC.format(p=PUBLISHED, report=report) + ", FALSE)"


MEETING_DATE = (
    "(SELECT m.start_date FROM archive_report r JOIN archive_meeting m ON m.id = r.meeting_id "
    "WHERE r.id = {report})"
)


def meeting_date(report: str) -> str:
    return MEETING_DATE.format(report=report)


# The report's words at the claim's offsets (SQL counts from 1, Python from 0).
WORDS_AT = (
    '(SELECT substr(r.body, {claim}.start + 1, {claim}."end" - {claim}.start) '
    "FROM archive_report r WHERE r.id = {claim}.report_id)"
)
NOT_VERBATIM = "verbatim rule: a claim's text must be its report's words at its offsets"
QUOTED = NOT_VERBATIM.replace("'", "''")  # inside an SQL string
WATCHED = 'text, start, "end", report_id'  # the columns the rule reads

SQLITE = [
    "CREATE TRIGGER IF NOT EXISTS archive_claim_verbatim_insert BEFORE INSERT ON archive_claim "
    f"WHEN new.text IS NOT {WORDS_AT.format(claim='new')} "
    f"BEGIN SELECT RAISE(ABORT, '{QUOTED}'); END",
    "CREATE TRIGGER IF NOT EXISTS archive_claim_verbatim_update BEFORE UPDATE OF "
    f"{WATCHED} ON archive_claim WHEN new.text IS NOT {WORDS_AT.format(claim='new')} "
    f"BEGIN SELECT RAISE(ABORT, '{QUOTED}'); END",
    "CREATE TRIGGER IF NOT EXISTS archive_claim_public_insert AFTER INSERT ON archive_claim "
    f"BEGIN UPDATE archive_claim SET is_public = {claim_is_public('new.report_id')}, "
    f"meeting_date = {meeting_date('new.report_id')} WHERE id = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS archive_claim_public_move AFTER UPDATE OF report_id, "
    f"is_public, meeting_date ON archive_claim "
    f"WHEN new.is_public IS NOT {claim_is_public('new.report_id')} "
    f"OR new.meeting_date IS NOT {meeting_date('new.report_id')} "
    f"BEGIN UPDATE archive_claim SET is_public = {claim_is_public('new.report_id')}, "
    f"meeting_date = {meeting_date('new.report_id')} WHERE id = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS archive_report_public AFTER UPDATE OF status, meeting_id "
    "ON archive_report BEGIN UPDATE archive_claim SET meeting_id = new.meeting_id, "
    f"is_public = {claim_is_public('new.id')}, meeting_date = {meeting_date('new.id')} "
    "WHERE report_id = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS archive_meeting_public AFTER UPDATE OF status, start_date "
    f"ON archive_meeting BEGIN UPDATE archive_claim SET is_public = "
    f"{claim_is_public('archive_claim.report_id')}, meeting_date = new.start_date "
    "WHERE meeting_id = new.id; END",
]

POSTGRES = [
    f"""CREATE OR REPLACE FUNCTION archive_claim_verbatim() RETURNS trigger AS $$
    BEGIN
        IF NEW.text IS DISTINCT FROM {WORDS_AT.format(claim="NEW")} THEN
            RAISE EXCEPTION '{QUOTED}' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    f"CREATE OR REPLACE TRIGGER archive_claim_verbatim BEFORE INSERT OR UPDATE OF {WATCHED} "
    "ON archive_claim FOR EACH ROW EXECUTE FUNCTION archive_claim_verbatim()",
    f"""CREATE OR REPLACE FUNCTION archive_claim_public() RETURNS trigger AS $$
    BEGIN
        NEW.is_public := {claim_is_public("NEW.report_id")};
        NEW.meeting_date := {meeting_date("NEW.report_id")};
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    f"""CREATE OR REPLACE FUNCTION archive_report_public() RETURNS trigger AS $$
    BEGIN
        UPDATE archive_claim
        SET meeting_id = NEW.meeting_id, is_public = {claim_is_public("NEW.id")},
            meeting_date = {meeting_date("NEW.id")}
        WHERE report_id = NEW.id;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    f"""CREATE OR REPLACE FUNCTION archive_meeting_public() RETURNS trigger AS $$
    BEGIN
        UPDATE archive_claim c SET is_public = {claim_is_public("c.report_id")},
            meeting_date = NEW.start_date
        WHERE c.meeting_id = NEW.id;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    "CREATE OR REPLACE TRIGGER archive_claim_public BEFORE INSERT OR UPDATE OF report_id, "
    "is_public, meeting_date ON archive_claim FOR EACH ROW EXECUTE FUNCTION archive_claim_public()",
    "CREATE OR REPLACE TRIGGER archive_report_public AFTER UPDATE OF status, meeting_id "
    "ON archive_report FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status "
    "OR OLD.meeting_id IS DISTINCT FROM NEW.meeting_id) "
    "EXECUTE FUNCTION archive_report_public()",
    "CREATE OR REPLACE TRIGGER archive_meeting_public AFTER UPDATE OF status, start_date "
    "ON archive_meeting FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status "
    "OR OLD.start_date IS DISTINCT FROM NEW.start_date) "
    "EXECUTE FUNCTION archive_meeting_public()",
]


TRIGGERS = {
    "archive_claim_verbatim_insert": "archive_claim",
    "archive_claim_verbatim_update": "archive_claim",
    "archive_claim_verbatim": "archive_claim",
    "archive_claim_public_insert": "archive_claim",
    "archive_claim_public_move": "archive_claim",
    "archive_claim_public": "archive_claim",
    "archive_report_public": "archive_report",
    "archive_meeting_public": "archive_meeting",
}


def uninstall(connection) -> None:
    """Drop the triggers (`install` does first on SQLite, which cannot replace a trigger)."""
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        for name, table in TRIGGERS.items():
            if connection.vendor == "sqlite":
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            elif connection.vendor == "postgresql" and table in tables:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")


def install(connection) -> None:
    """Create or replace the triggers (SQLite has no CREATE OR REPLACE: drop them first)."""
    if connection.vendor == "sqlite":
        uninstall(connection)
    statements = {"sqlite": SQLITE, "postgresql": POSTGRES}.get(connection.vendor, [])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def resync(connection) -> None:
    """Recompute every claim's flag and meeting date (after the triggers were off), writing
    only the rows that change: rewriting a million unchanged rows would also recompute their
    search vectors."""
    public = claim_is_public("archive_claim.report_id")
    date = meeting_date("archive_claim.report_id")
    differs = "IS NOT" if connection.vendor == "sqlite" else "IS DISTINCT FROM"
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE archive_claim SET is_public = {public}, meeting_date = {date} "
            f"WHERE is_public {differs} {public} OR meeting_date {differs} {date}"
        )
