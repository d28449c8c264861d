"""What the in-memory tables of claims and meetings hold (archive/facet_index.py), how they
are read, and how an editor's save reaches them.

Each process keeps one `Copy`: both tables at one revision of the archive. A request first
brings it to the current revision (`current()`): it reads the `Change` rows recorded since
(archive/signals.py names every row a save touches), reads those rows again, and makes new
tables with them; a request already counting on the old tables is not disturbed. Only a bulk
change (a load, raw SQL: a `Change` with no table) or a new process reads everything.

The meaning of every facet is here, once:
- claims: `kind`, `country` (the side's country, or `joint`), `official` (the speaker),
  `meeting`, `publisher`, `issue` (an issue stands for itself and its narrower issues: a claim
  is linked to its issues and to their broader issues, once each), the year of its meeting;
- meetings: `country` (either side), `pair` (the two countries), `official` (who took part),
  `issue` (what its public claims are about, with the broader issues), `type` (the format),
  `accounts` (whether both sides' governments issued a published report), the year.
"""

import datetime
import functools
import logging
import threading
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, replace

import numpy as np
from django.db import connections
from django.db.models import Q
from django_countries import countries

from archive import db_router
from archive.choices import JOINT, JOINT_LABEL
from archive.facet_index import NO_DATE, NO_ID, Labels, Links, Table, located
from archive.models import (
    Change,
    Claim,
    Delegation,
    Issue,
    Meeting,
    Participation,
    Person,
    Publisher,
    Report,
    Revision,
    Status,
)

logger = logging.getLogger(__name__)

CHUNK = 50_000
BOTH, NOT_BOTH = "both", "missing"  # the meetings' accounts facet
ACCOUNTS = {BOTH: "Reports from both sides", NOT_BOTH: "One side\u2019s account missing"}
# More changed rows than this since a copy's revision: read everything again instead.
MOST_CHANGES = 20_000


def fixed_labels(choices: list[tuple[str, str]]) -> Labels:
    """Codes 1.. for values known in advance (kinds, formats, countries)."""
    return Labels({code: pair for code, pair in enumerate(choices, start=1)})


KINDS = fixed_labels(list(Claim.Kind.choices))
FORMATS = fixed_labels(list(Meeting.Format.choices))
ACCOUNT_LABELS = fixed_labels(list(ACCOUNTS.items()))
# The side's country by ISO code, `joint` first; a meeting's pair is two countries' codes.
COUNTRIES = fixed_labels([(JOINT, JOINT_LABEL), *((code, name) for code, name in countries)])
PAIR_BASE = len(COUNTRIES.by_id) + 1


def country_code(iso: str | None) -> int:
    return COUNTRIES.ids_by_slug.get(iso or JOINT, NO_ID)


def pair_value(first: str, second: str) -> str:
    return "-".join(sorted([first.lower(), second.lower()]))


@functools.cache
def pair_of(first: str, second: str) -> tuple[int, tuple[str, str]]:
    """A pair's code and its row: (`cn-us`, "China \u2013 United States"); kept, since a
    million claims' meetings name a few hundred pairs and a country's name is translated."""
    a, b = sorted([first.upper(), second.upper()])
    code = country_code(a) * PAIR_BASE + country_code(b)
    return code, (pair_value(a, b), f"{countries.name(a)} \u2013 {countries.name(b)}")


@dataclass(frozen=True)
class Copy:
    """Both tables at one revision, with the rows of the small tables they were made from."""

    revision: int
    claims: Table
    meetings: Table
    parents: dict[int, int]  # issue id -> its broader issue's id


# Reading ---------------------------------------------------------------------------------


def day_number(value: datetime.date | None) -> int:
    return NO_DATE if value is None else value.toordinal() - datetime.date(1970, 1, 1).toordinal()


def labels_of(model, rows: list[tuple]) -> dict[int, tuple[str, str] | None]:
    return {pk: (slug, label) for pk, slug, label in rows}


def person_labels(ids=None) -> dict:
    people = subset(Person.objects, None if ids is None else np.array(sorted(ids)))
    return labels_of(Person, people.values_list("pk", "slug", "name"))


def publisher_labels(ids=None) -> dict:
    rows = subset(Publisher.objects, None if ids is None else np.array(sorted(ids)))
    return labels_of(Publisher, rows.values_list("pk", "slug", "name"))


def issue_rows(ids=None) -> tuple[dict, dict[int, int | None]]:
    rows = subset(Issue.objects, None if ids is None else np.array(sorted(ids)))
    rows = list(rows.values_list("pk", "slug", "name", "parent_id"))
    return {pk: (slug, name) for pk, slug, name, _ in rows}, {pk: p for pk, *_, p in rows}


def meeting_labels(ids=None) -> dict:
    meetings = subset(Meeting.objects.published(), None if ids is None else np.array(sorted(ids)))
    rows = meetings.values_list("pk", "slug", "title", "start_date")
    return {pk: (slug, f"{title} ({start:%Y})") for pk, slug, title, start in rows}


CLAIM_ROWS = """
    SELECT id, kind, delegation_id, speaker_id, meeting_id, report_id, {day}, start
    FROM archive_claim WHERE is_public {only} ORDER BY id
"""
DAY_NUMBER = {
    "postgresql": "meeting_date - DATE '1970-01-01'",
    "sqlite": "CAST(julianday(meeting_date) - 2440587.5 AS INTEGER)",
}
CLAIM_COLUMNS = ("ids", "kind", "delegation", "speaker", "meeting", "report", "day", "start")


def claim_columns(only: Q | None) -> dict[str, np.ndarray]:
    """The published claims' own columns (those `only` selects), read in raw rows: Django's
    per-value converters would double the time of a million rows."""
    connection = connections[db_router.reading_database()]
    sql, params = CLAIM_ROWS.format(day=DAY_NUMBER[connection.vendor], only=""), []
    if only is not None:
        subquery, params = Claim.objects.filter(only).values("pk").query.sql_with_params()
        sql = CLAIM_ROWS.format(day=DAY_NUMBER[connection.vendor], only=f"AND id IN ({subquery})")
    parts: dict[str, list] = {name: [] for name in CLAIM_COLUMNS}
    kinds = KINDS.ids_by_slug
    # A server-side cursor on PostgreSQL, read a chunk at a time.
    with connection.chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(CHUNK):
            for name, values in zip(CLAIM_COLUMNS, zip(*chunk, strict=True), strict=True):
                if name == "kind":
                    values = [kinds.get(k, NO_ID) for k in values]
                elif name == "day":
                    values = [NO_DATE if d is None else d for d in values]
                else:
                    values = [NO_ID if v is None else v for v in values]
                parts[name].append(np.array(values, dtype=np.int64))
    return {
        name: np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int64)
        for name, chunks in parts.items()
    }


def looked_up_by_id(rows, size: int = 0) -> np.ndarray:
    """A lookup array: the value at index id, NO_ID elsewhere."""
    rows = [(pk, NO_ID if value is None else value) for pk, value in rows]
    table = np.full(max([pk for pk, _ in rows] + [size]) + 1, NO_ID, dtype=np.int64)
    if rows:
        ids, values = zip(*rows, strict=True)
        table[list(ids)] = values
    return table


def subset(queryset, ids: np.ndarray | None):
    """The rows of `ids` (all when None), in no order (an ordering by a related table
    would join it)."""
    queryset = queryset.order_by()
    return queryset if ids is None else queryset.filter(pk__in=np.unique(ids).tolist())


def read_claims(only: Q | None, labels: dict[str, Labels], parents: dict) -> Table:
    """The published claims `only` selects (all when None) as a table; the side's country,
    the speaker's person and the report's publisher are looked up by id in the (much smaller)
    tables they come from: three joins per claim would cost three times the scan."""
    c = claim_columns(only)
    partial = only is not None
    delegations = subset(Delegation.objects, c["delegation"] if partial else None)
    sides = list(delegations.values_list("pk", "country", "side"))
    country_of = looked_up_by_id((pk, country_code(code)) for pk, code, _ in sides)
    country_of[NO_ID] = country_code(JOINT)  # no side: a joint claim
    side_of = looked_up_by_id((pk, side) for pk, _, side in sides)
    side_of[NO_ID] = JOINT_SIDE
    speakers = subset(Participation.objects, c["speaker"] if partial else None)
    person_of = looked_up_by_id(speakers.values_list("pk", "person_id"))
    reports = list(
        subset(Report.objects, c["report"] if partial else None).values_list(
            "pk", "publisher_id", "published_at"
        )
    )
    publisher_of = looked_up_by_id((pk, publisher) for pk, publisher, _ in reports)
    published_of = looked_up_by_id(
        (pk, round(at.timestamp() * 1e6) if at else 0) for pk, _, at in reports
    )
    pairs = claim_issue_pairs(c["ids"] if partial else None)
    positions, kept = located(c["ids"], pairs[:, 0])
    direct = Links.of(positions, pairs[kept, 1])
    return Table(
        ids=c["ids"],
        live=np.ones(len(c["ids"]), dtype=bool),
        day=c["day"].astype(np.int32),
        single={
            "kind": c["kind"],
            "country": country_of[c["delegation"]],
            "official": person_of[c["speaker"]],
            "meeting": c["meeting"],
            "publisher": publisher_of[c["report"]],
        },
        multi={"issue": with_broader(direct, parents)},
        labels=labels,
        orders={},
        raw={
            "delegation": c["delegation"],
            "side": side_of[c["delegation"]],
            "speaker": c["speaker"],
            "report": c["report"],
            "start": c["start"],
            "published": published_of[c["report"]],
            "issue": direct,
        },
    )


def claim_issue_pairs(claims: np.ndarray | None) -> np.ndarray:
    """(claim id, issue id) rows of the claims' issue links (of all claims when None), read
    in raw rows a chunk at a time like the claims."""
    chunks = [np.zeros((0, 2), dtype=np.int64)]
    if claims is not None and not len(claims):
        return chunks[0]
    links = Claim.issues.through.objects.order_by()
    if claims is not None:
        links = links.filter(claim_id__in=claims.tolist())
    sql, params = links.values_list("claim_id", "issue_id").query.sql_with_params()
    with connections[db_router.reading_database()].chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(CHUNK):
            chunks.append(np.array(chunk, dtype=np.int64))
    return np.concatenate(chunks)


def with_broader(direct: Links, parents: dict) -> Links:
    """The live links, each record's issues and their broader issues, once each."""
    record, code = direct.record[direct.live], direct.code[direct.live]
    parent_of = looked_up_by_id(parents.items(), int(code.max(initial=0)))
    broader = parent_of[code]
    has = broader != NO_ID
    return unique_links(np.concatenate([record, record[has]]), np.concatenate([code, broader[has]]))


def unique_links(record: np.ndarray, code: np.ndarray) -> Links:
    """Links of each distinct (record, code) pair, in record order (a sort, then the first
    of each run: np.unique hashes, several times slower on millions of pairs)."""
    keys = np.sort(packed(record, code))
    if len(keys):
        keys = keys[np.concatenate([[True], keys[1:] != keys[:-1]])]
    return Links.of(keys >> 32, keys & 0xFFFFFFFF)


def read_meetings(only: list[int] | None, claims: Table, labels: dict[str, Labels]) -> Table:
    """The published meetings (those in `only`, all when None) as a table; their issues come
    from the claims table, which holds exactly their public claims."""
    meetings = Meeting.objects.published().order_by("pk")
    if only is not None:
        meetings = meetings.filter(pk__in=only)
    rows = list(meetings.values_list("pk", "start_date", "format", "title"))
    ids = np.array([pk for pk, *_ in rows], dtype=np.int64)
    in_table = Q(meeting_id__in=ids.tolist()) if only is not None else Q()
    sides: dict[int, dict[int, str]] = defaultdict(dict)
    for meeting, side, country in (
        Delegation.objects.order_by().filter(in_table).values_list("meeting_id", "side", "country")
    ):
        sides[meeting][side] = country
    issued: dict[int, set[str]] = defaultdict(set)
    reports = Report.objects.order_by().filter(in_table, status=Status.PUBLISHED)
    for meeting, country in reports.values_list("meeting_id", "issued_by"):
        issued[meeting].add(country)
    pair_codes, pair_rows, accounts = [], {}, []
    for pk, *_ in rows:
        both = len(sides[pk]) == 2
        code, row = pair_of(*sides[pk].values()) if both else (NO_ID, None)
        pair_codes.append(code)
        if row:
            pair_rows[code] = row
        complete = both and all(c in issued[pk] for c in sides[pk].values())
        accounts.append(ACCOUNT_LABELS.ids_by_slug[BOTH if complete else NOT_BOTH])
    countries_links = [
        (meeting, country_code(country))
        for meeting, by_side in sides.items()
        for country in by_side.values()
    ]
    attended = list(
        Participation.objects.order_by().filter(in_table).values_list("meeting_id", "person_id")
    )
    labels = labels | {"pair": labels["pair"].changed(pair_rows)} if pair_rows else labels
    return Table(
        ids=ids,
        live=np.ones(len(ids), dtype=bool),
        day=np.array([day_number(start) for _, start, *_ in rows], dtype=np.int32),
        single={
            "type": np.array(
                [FORMATS.ids_by_slug.get(f, NO_ID) for _, _, f, _ in rows], dtype=np.int64
            ),
            "pair": np.array(pair_codes, dtype=np.int64),
            "accounts": np.array(accounts, dtype=np.int64),
        },
        multi={
            "country": links_by_id(ids, np.array(countries_links, dtype=np.int64)),
            "official": links_by_id(ids, np.array(attended, dtype=np.int64)),
            "issue": meeting_issues(ids, claims),
        },
        labels=labels,
        orders={},
        raw={"title": np.array([title for *_, title in rows], dtype=object)},
    )


def links_by_id(ids: np.ndarray, pairs: np.ndarray) -> Links:
    """(record id, code) rows as links of the records at their positions in `ids`, each
    distinct pair once."""
    pairs = pairs.reshape(-1, 2)
    positions, kept = located(ids, pairs[:, 0])
    return unique_links(positions, pairs[kept, 1])


def meeting_issues(ids: np.ndarray, claims: Table) -> Links:
    """The issues of the public claims of the meetings `ids`."""
    links = claims.multi["issue"]
    meeting = claims.single["meeting"][links.record]
    live = links.live & claims.live[links.record] & np.isin(meeting, ids)
    return links_by_id(ids, np.stack([meeting[live], links.code[live]], axis=1))


# Orders ----------------------------------------------------------------------------------


def packed(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """One sort key for (first, second): second is an id, under 2**31."""
    return (first.astype(np.int64) << 32) + second


ORDER_COLUMNS = ("report", "start", "published", "side")  # with the day and the meeting
JOINT_SIDE = 9  # a joint claim's side in the "sides" order: after both sides'


def claim_orders(t: Table) -> dict:
    """As the claims listing reads them: meetings newest (or oldest) first, each meeting's
    claims as its reports tell them; the feed's newest published report first; and as an
    issue's page lists them, newest meeting first, each side's claims together, then the
    joint ones."""
    meeting, day = t.single["meeting"], t.day
    report, start = t.raw["report"], t.raw["start"]
    return {
        "newest": (start, report, -packed(day, meeting)),
        "oldest": (start, report, packed(day, meeting)),
        "published": (start, report, -day.astype(np.int64), -t.raw["published"]),
        "sides": (start, report, t.raw["side"], packed(-day.astype(np.int64), meeting)),
    }


def meeting_orders(t: Table) -> dict:
    """Newest (or oldest) first; meetings of one day by title, then by id."""
    title_rank = np.zeros(t.size, dtype=np.int64)
    title_rank[np.argsort(t.raw["title"], kind="stable")] = np.arange(t.size)
    return {
        "newest": (t.ids, packed(-t.day.astype(np.int64), title_rank)),
        "oldest": (t.ids, packed(t.day, title_rank)),
    }


def ordered(table: Table, orders) -> Table:
    """With its orders made, and nothing remembered: counts taken on the table it replaces
    may have changed."""
    return replace(
        table,
        orders=orders(table),
        remembered={},
        remembered_matches=OrderedDict(),
        lock=threading.Lock(),
    )


# Building and changing -------------------------------------------------------------------


def build() -> Copy:
    """Read every published claim and meeting, and the small tables their labels come from.
    The revision is read first: a save made while the rest is read is read again later."""
    revision = Revision.current()
    issues, parents = issue_rows()
    people = Labels(person_labels())
    issue_labels = Labels(issues)
    claims = read_claims(
        None,
        {
            "kind": KINDS,
            "country": COUNTRIES,
            "official": people,
            "meeting": Labels(meeting_labels()),
            "publisher": Labels(publisher_labels()),
            "issue": issue_labels,
        },
        parents,
    )
    claims = ordered(claims, claim_orders)
    meeting_labels_ = {
        "country": COUNTRIES,
        "pair": Labels({}),
        "official": people,
        "issue": issue_labels,
        "type": FORMATS,
        "accounts": ACCOUNT_LABELS,
    }
    meetings = ordered(read_meetings(None, claims, meeting_labels_), meeting_orders)
    return Copy(revision, claims, meetings, {pk: p for pk, p in parents.items() if p})


def changes_since(revision: int) -> tuple[int, dict[str, set[int]] | None]:
    """The newest revision recorded and the rows changed after `revision`, by table (None:
    read everything again)."""
    rows = Change.objects.filter(revision__gt=revision).order_by("revision")
    changed: dict[str, set[int]] = defaultdict(set)
    newest = revision
    rows = rows.values_list("revision", "table", "row")[: MOST_CHANGES + 1]
    for count, (number, table, row) in enumerate(rows):
        if count == 0 and number > revision + 1:  # pruned: what came between is unknown
            return Revision.current(), None
        newest = max(newest, number)
        if not table or count == MOST_CHANGES:
            return Revision.current(), None
        changed[table].add(row)
    return newest, changed


def advanced(copy: Copy) -> Copy:
    """The copy at the current revision: the rows changed since its own read again."""
    revision = Revision.current()
    if revision == copy.revision:
        return copy
    newest, changed = changes_since(copy.revision)
    if changed is None:
        return build()
    return applied(copy, max(newest, revision), changed)


def applied(copy: Copy, revision: int, changed: dict[str, set[int]]) -> Copy:
    claims, meetings, parents = copy.claims, copy.meetings, copy.parents
    labels = dict(claims.labels)
    if changed.get("person"):
        labels["official"] = labels["official"].changed(
            {pk: None for pk in changed["person"]} | person_labels(changed["person"])
        )
    if changed.get("publisher"):
        labels["publisher"] = labels["publisher"].changed(
            {pk: None for pk in changed["publisher"]} | publisher_labels(changed["publisher"])
        )
    touched_meetings = set(changed.get("meeting", ()))
    if touched_meetings:
        labels["meeting"] = labels["meeting"].changed(
            {pk: None for pk in touched_meetings} | meeting_labels(touched_meetings)
        )
    reissued = False
    if changed.get("issue"):
        rows, new_parents = issue_rows(changed["issue"])
        labels["issue"] = labels["issue"].changed({pk: None for pk in changed["issue"]} | rows)
        updated = {pk: p for pk, p in parents.items() if pk not in changed["issue"]}
        updated |= {pk: p for pk, p in new_parents.items() if p}
        reissued = updated != parents
        parents = updated
    claims = replace(claims, labels=labels)

    before = claims
    affected = affected_claims(claims, changed)
    if affected is not None:
        old_meetings = set(claims.single["meeting"][affected & claims.live].tolist())
        claims, fresh_meetings = merged_claims(claims, affected, changed, parents)
        # A meeting's issues come from its public claims: only they can change it here.
        if not same_arrays(before, claims, single=("meeting",), multi=("issue",)):
            touched_meetings |= old_meetings | fresh_meetings
    if reissued:  # a broader issue changed: every claim's links to broader issues do too
        issue_links = with_broader(claims.raw["issue"], parents)
        claims = replace(claims, multi={**claims.multi, "issue": issue_links})
        touched_meetings |= set(claims.single["meeting"][issue_links.record].tolist())
    in_order = same_arrays(before, claims, single=("meeting",), raw=ORDER_COLUMNS)
    claims = ordered(claims, (lambda table: before.orders) if in_order else claim_orders)

    meeting_labels_ = meetings.labels | {
        "official": labels["official"],
        "issue": labels["issue"],
    }
    meetings = replace(meetings, labels=meeting_labels_)
    if touched_meetings:
        fresh = read_meetings(sorted(touched_meetings), claims, meeting_labels_)
        meetings = merged(meetings, np.isin(meetings.ids, sorted(touched_meetings)), fresh)
        meetings = ordered(meetings, meeting_orders)
    else:  # the same meetings in the same order; their counts' labels may have changed
        meetings = ordered(meetings, lambda table: table.orders)
    return Copy(revision, claims, meetings, parents)


def affected_claims(claims: Table, changed: dict[str, set[int]]) -> np.ndarray | None:
    """By position: the claims a change may have touched (None: none), as `changed_claims`
    selects them in the database."""
    raw, single = claims.raw, claims.single
    tests = [
        (claims.ids, "claim"),
        (raw["report"], "report"),
        (single["meeting"], "meeting"),
        (raw["delegation"], "delegation"),
        (raw["speaker"], "participation"),
    ]
    mask = np.zeros(claims.size, dtype=bool)
    for column, table in tests:
        if changed.get(table):
            mask |= np.isin(column, sorted(changed[table]))
    if changed.get("issue_claims"):
        direct = raw["issue"]
        hit = direct.live & np.isin(direct.code, sorted(changed["issue_claims"]))
        mask[direct.record[hit]] = True
    if not any(changed.get(t) for _, t in tests) and not changed.get("issue_claims"):
        return None
    return mask


def changed_claims(changed: dict[str, set[int]], held: np.ndarray) -> Q:
    """The claims to read again: those the changed rows name now, and those `held` (ids)
    that a copy found touched (an issue's claims after it was cleared name it no more)."""
    q = Q(pk__in=held.tolist())
    for field, table in (
        ("pk", "claim"),
        ("report_id", "report"),
        ("meeting_id", "meeting"),
        ("delegation_id", "delegation"),
        ("speaker_id", "participation"),
    ):
        if changed.get(table):
            q |= Q(**{f"{field}__in": sorted(changed[table])})
    return q


def merged_claims(claims: Table, affected: np.ndarray, changed, parents) -> tuple[Table, set]:
    fresh = read_claims(changed_claims(changed, claims.ids[affected]), claims.labels, parents)
    return merged(claims, affected, fresh), set(fresh.single["meeting"].tolist())


def merged(table: Table, removed: np.ndarray, fresh: Table) -> Table:
    """`table` without the records at `removed` (a mask), with `fresh`'s records in their
    place (same id) or added; links follow their records. An array the change leaves as it
    was is the old array itself (an editor's save changes a column or two of one record:
    copying the others would cost more than the rest of the request)."""
    at, kept = located(table.ids, fresh.ids)
    in_place = np.zeros(len(fresh.ids), dtype=bool)
    in_place[kept] = True
    new_ids = fresh.ids[~in_place]
    # Where each fresh record goes: its old slot, or a new one at the end.
    slot = np.empty(len(fresh.ids), dtype=np.int64)
    slot[kept] = at
    slot[~in_place] = table.size + np.arange(len(new_ids))

    def column(old: np.ndarray, new: np.ndarray) -> np.ndarray:
        if not len(new_ids) and np.array_equal(old[slot], new):
            return old
        grown = np.concatenate([old, np.zeros(len(new_ids), dtype=old.dtype)])
        grown[slot] = new
        return grown

    live = np.concatenate([table.live & ~removed, np.zeros(len(new_ids), dtype=bool)])
    live[slot] = True
    if np.array_equal(live, table.live):
        live = table.live
    touched = np.concatenate([removed, np.zeros(len(new_ids), dtype=bool)])
    touched[slot] = True  # a fresh record's old links go: its new ones come with it

    def links(old: Links, new: Links) -> Links:
        held = old.of_records(touched[: len(touched) - len(new_ids)]) if len(old.record) else []
        fresh_pairs = sorted(zip(slot[new.record].tolist(), new.code.tolist(), strict=True))
        if not len(new_ids) and live is table.live:
            old_pairs = sorted(zip(old.record[held].tolist(), old.code[held].tolist(), strict=True))
            if old_pairs == fresh_pairs:
                return old
        kept = old.without(touched) if len(old.record) else old
        return kept.plus(Links(slot[new.record], new.code, new.live)).compacted()

    day = column(table.day, fresh.day)
    result = replace(
        table,
        ids=np.concatenate([table.ids, new_ids]) if len(new_ids) else table.ids,
        live=live,
        day=day,
        calendar=table.calendar if day is table.day else [],
        single={name: column(v, fresh.single[name]) for name, v in table.single.items()},
        multi={name: links(v, fresh.multi[name]) for name, v in table.multi.items()},
        labels=fresh.labels if fresh.labels is not table.labels else table.labels,
        raw={
            name: links(v, fresh.raw[name]) if isinstance(v, Links) else column(v, fresh.raw[name])
            for name, v in table.raw.items()
        },
    )
    if len(new_ids) and len(table.ids) and new_ids.min() < table.ids[-1]:
        return in_id_order(result)  # a claim published again among older ones
    return result


def same_arrays(old: Table, new: Table, single: tuple = (), raw: tuple = (), multi=()) -> bool:
    """Whether `new` holds the very arrays of `old` for these columns (merged keeps an
    array an edit did not change)."""
    return (
        new.live is old.live
        and new.day is old.day
        and all(new.single[name] is old.single[name] for name in single)
        and all(new.raw[name] is old.raw[name] for name in raw)
        and all(new.multi[name] is old.multi[name] for name in multi)
    )


def in_id_order(table: Table) -> Table:
    order = np.argsort(table.ids, kind="stable")
    position = np.empty(len(order), dtype=np.int64)
    position[order] = np.arange(len(order))

    def moved(links: Links) -> Links:
        return Links(position[links.record], links.code, links.live)

    return replace(
        table,
        ids=table.ids[order],
        live=table.live[order],
        day=table.day[order],
        calendar=[],
        single={name: v[order] for name, v in table.single.items()},
        multi={name: moved(v) for name, v in table.multi.items()},
        raw={name: moved(v) if isinstance(v, Links) else v[order] for name, v in table.raw.items()},
    )


# The copy of this process ------------------------------------------------------------------

_lock = threading.Lock()
_state: dict = {"copy": None}


def current() -> Copy:
    """This process's copy, brought to the archive's current revision first (one request at
    a time does that; the others wait for it rather than read the same rows again).

    The revision, the changes and the rows come from the database this request reads
    (a replica for a public page: archive/db_router.py) in one snapshot. A replica behind
    the copy (another request read a newer one) leaves the copy as it is and sends the rest
    of the request's reads to the primary, so a page never mixes two revisions."""
    with _lock:
        copy = _state["copy"]
        revision = Revision.current()
        if copy is not None and revision <= copy.revision:
            if revision < copy.revision:
                db_router.read_from_primary()
            return copy
        with db_router.snapshot(db_router.reading_database()):
            copy = build() if copy is None else advanced(copy)
        _state["copy"] = copy
        return copy


def forget() -> None:
    """Drop this process's copy (tests)."""
    with _lock:
        _state["copy"] = None


def forget_counts() -> None:
    """Drop the counts and matches this process's tables keep (a benchmark's first visit)."""
    copy = _state["copy"]
    for table in (copy.claims, copy.meetings) if copy is not None else ():
        with table.lock:
            table.remembered.clear()
            table.remembered_matches.clear()
