"""The published claims' facet values held in memory, column by column, for counting.

Counting facets in SQL visits every claim the other filters leave, once per set of filters:
with three facets chosen at a million claims that is four passes over hundreds of thousands
of rows (0.8 s on PostgreSQL). Held as numpy arrays aligned by claim (its kind, side's
country, speaker, meeting, publisher, date, and the claim-issue links), the same counts
are a few vector operations: milliseconds, whatever is chosen. The claims listing's pages
come from the copy too, and so do a search's total, counts and ranking once its matches
and their relevance are read (`archive.search.FoundClaims`).

The copy belongs to one revision of the archive (`archive.models.Revision`): any save makes
it stale in every process at once. A process whose copy is stale builds a new one in a
background thread (a few seconds at a million claims) and meanwhile counts in SQL
(`archive/claim_counts.py`), so counts are exact at every moment. Small archives (under
`INLINE_CLAIMS`) are rebuilt at once, in the request.

Every facet's meaning here mirrors its SQL in `archive/facets.py`; `tests/test_facet_index.py`
checks that both give the same counts.
"""

import datetime
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
from django.db import connection
from django_countries import countries

from archive.choices import JOINT, JOINT_LABEL, Choice
from archive.models import (
    Claim,
    Delegation,
    Issue,
    Meeting,
    Participation,
    Person,
    Publisher,
    Report,
    Revision,
)

if TYPE_CHECKING:
    from archive.search import FoundClaims

logger = logging.getLogger(__name__)

# Rebuilding this many claims takes about 0.1 s: cheaper in the request than a SQL count.
INLINE_CLAIMS = 20_000
CHUNK = 50_000
REMEMBERED = 1000  # listing states whose counts a copy keeps (a few kB each)
MATCHES_KEPT = 64 * 2**20  # bytes of searches' matches a copy keeps (12 bytes a match)
EPOCH = datetime.date(1970, 1, 1).toordinal()
KINDS = dict(Claim.Kind.choices)
NO_ID = 0  # no speaker (ids start at 1)
NO_DATE = np.iinfo(np.int32).min
# A selection of fewer than 1/SPARSE of the claims is gathered, not masked.
SPARSE = 8
# A narrowed search ranks (in SQL) only the matches its filters leave while they are at most
# 1/RANK_ALL_ABOVE of its matches and at most RANK_AMONG claims (the ids go into the SQL).
RANK_ALL_ABOVE = 4
RANK_AMONG = 20_000

Row = tuple[str, str, int]  # (value, label, records): a facet's row, as the filters keep it


@dataclass(frozen=True)
class Labels:
    """A small table's rows by id: the value a URL holds (a slug) and the label shown."""

    by_id: dict[int, tuple[str, str]]
    ids_by_slug: dict[str, int] = field(init=False)
    rank: np.ndarray = field(init=False)  # by id: its place in the order of `by_count`

    def __post_init__(self):
        object.__setattr__(self, "ids_by_slug", {s: pk for pk, (s, _) in self.by_id.items()})
        ordered = sorted(self.by_id, key=lambda pk: (self.by_id[pk][1].lower(), self.by_id[pk][0]))
        rank = np.full(max(self.by_id, default=0) + 1, -1, dtype=np.int64)
        rank[ordered] = np.arange(len(ordered))
        object.__setattr__(self, "rank", rank)

    def rows(self, ids: np.ndarray, records: np.ndarray) -> "LabelledRows":
        """Rows for ids with their records, most records first, then by label (as
        `choices.by_count` orders them); ids the table does not hold are left out."""
        known = (ids < len(self.rank)) & (self.rank[np.minimum(ids, len(self.rank) - 1)] >= 0)
        ids, records = ids[known], records[known]
        order = np.lexsort((self.rank[ids], -records))
        return LabelledRows(self, ids[order], records[order])

    def ids(self, slugs: Iterable[str]) -> list[int]:
        return [self.ids_by_slug[s] for s in slugs if s in self.ids_by_slug]


class LabelledRows(Sequence):
    """A facet's rows in order, each made into a (value, label, records) tuple only when it
    is read: a million claims' meeting facet has 25,000 rows, and a page shows eight."""

    def __init__(self, labels: Labels, ids: np.ndarray, records: np.ndarray):
        self.labels, self.ids, self.records = labels, ids, records

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            ids, records = self.ids[index].tolist(), self.records[index].tolist()
            return [(*self.labels.by_id[pk], n) for pk, n in zip(ids, records, strict=True)]
        pk, n = int(self.ids[index]), int(self.records[index])
        return (*self.labels.by_id[pk], n)

    def __iter__(self):
        return iter(self[:])

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)


@dataclass(frozen=True, eq=False)
class ClaimColumns:
    """Published claims in id order, one array per facet; never changed once built."""

    revision: int
    ids: np.ndarray  # int64
    kind: np.ndarray  # index into `kinds`
    country: np.ndarray  # index into `country_codes`; "" is no side's country (joint)
    joint: np.ndarray  # bool
    person: np.ndarray  # the speaker's person id, or NO_ID
    meeting: np.ndarray
    publisher: np.ndarray
    day: np.ndarray  # days since 1970-01-01 of the meeting's start, or NO_DATE
    year: np.ndarray  # its year, or 0
    newest: np.ndarray  # positions in the claims listing's order, newest meetings first
    oldest: np.ndarray  # ... and oldest first
    link_claim: np.ndarray  # position in `ids` of each claim-issue link's claim (ascending)
    link_start: np.ndarray  # by claim position: where its links begin (one more at the end)
    link_issue: np.ndarray  # its issue id
    link_family: np.ndarray  # the family's key of the link's issue (NO_ID: in no family)
    first_in_family: np.ndarray  # whether the link is its claim's first into its family
    kinds: tuple[str, ...]
    country_codes: tuple[str, ...]
    officials: Labels
    meetings: Labels
    publishers: Labels
    issues: Labels

    remembered: dict = field(default_factory=dict)
    remembered_matches: OrderedDict = field(default_factory=OrderedDict)
    # Threaded servers (runserver, gunicorn --threads) share a copy between requests; a count
    # is taken outside the lock (two threads may take the same one, harmlessly).
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def size(self) -> int:
        return len(self.ids)

    def remember(self, key: Hashable, count: Callable[[], object]):
        """Counts taken at this revision, kept: they cannot change until it moves on."""
        with self.lock:
            if key in self.remembered:
                return self.remembered[key]
        counted = count()
        with self.lock:
            if len(self.remembered) >= REMEMBERED:
                self.remembered.clear()
            self.remembered[key] = counted
        return counted

    def remember_matches(self, key: Hashable, find: Callable[[], tuple[np.ndarray, ...]]):
        """A search's matches (arrays), kept while they fit in MATCHES_KEPT bytes with those
        of the searches used since (a researcher pages and narrows the same search)."""
        kept = self.remembered_matches
        with self.lock:
            if key in kept:
                kept.move_to_end(key)
                return kept[key]
        found = find()
        with self.lock:
            kept[key] = found
            while len(kept) > 1 and sum(a.nbytes for v in kept.values() for a in v) > MATCHES_KEPT:
                kept.popitem(last=False)
        return found


# Building --------------------------------------------------------------------------------


def build() -> ClaimColumns:
    """Read the published claims and the tables their labels come from.

    No transaction (on SQLite it would hold the write lock for seconds): the revision is
    read first, so a save made while the rest is read leaves a copy of an older revision,
    which no request uses."""
    revision = Revision.current()
    claims = claim_arrays()
    link_claim, link_issue = link_arrays(claims["ids"])
    issues = list(Issue.objects.values_list("pk", "slug", "name", "parent_id"))
    link_family = family_of(issues)[link_issue] if len(link_issue) else link_issue
    people = Person.objects.values_list("pk", "slug", "name")
    meetings = Meeting.objects.published().values_list("pk", "slug", "title", "start_date")
    publishers = Publisher.objects.values_list("pk", "slug", "name")
    return ClaimColumns(
        revision=revision,
        link_claim=link_claim,
        link_start=np.searchsorted(link_claim, np.arange(len(claims["ids"]) + 1)),
        link_issue=link_issue,
        link_family=link_family,
        first_in_family=first_in_family(link_claim, link_family),
        issues=Labels({pk: (slug, name) for pk, slug, name, _ in issues}),
        officials=Labels({pk: (slug, name) for pk, slug, name in people}),
        meetings=Labels(
            {pk: (slug, f"{title} ({start:%Y})") for pk, slug, title, start in meetings}
        ),
        publishers=Labels({pk: (slug, name) for pk, slug, name in publishers}),
        **claims,
    )


def claim_arrays() -> dict:
    """The published claims' columns, from the claims table alone; the side's country, the
    speaker's person and the report's publisher are then looked up, by id, in arrays read
    from those (much smaller) tables: three joins per claim cost three times the scan."""
    columns = {name: [np.zeros(0, dtype)] for name, dtype in COLUMN_TYPES.items()}
    kinds: dict[str, int] = {}
    # Raw rows, the date as a day number: Django's per-value converters would double the
    # time of a million rows. A server-side cursor on PostgreSQL, read a chunk at a time.
    with connection.chunked_cursor() as cursor:
        cursor.execute(CLAIM_ROWS.format(day=DAY_NUMBER[connection.vendor]))
        while chunk := cursor.fetchmany(CHUNK):
            add_chunk(columns, chunk, kinds)
    arrays = {name: np.concatenate(parts) for name, parts in columns.items()}

    codes = {"": 0}  # no delegation: a joint claim
    delegations = Delegation.objects.values_list("pk", "country")
    country_of = by_id({pk: codes.setdefault(code, len(codes)) for pk, code in delegations})
    arrays["country"] = country_of[arrays.pop("delegation")].astype(np.int16)
    speakers = Participation.objects.values_list("pk", "person_id")
    arrays["person"] = by_id(dict(speakers))[arrays.pop("speaker")]
    publishers = Report.objects.values_list("pk", "publisher_id")
    arrays["publisher"] = by_id(dict(publishers))[arrays.pop("report_id")]

    years = arrays["day"].astype("datetime64[D]").astype("datetime64[Y]").astype(np.int16) + 1970
    arrays["year"] = np.where(arrays["day"] == NO_DATE, 0, years).astype(np.int16)
    # The claims listing's orders (archive/views/claims.py): meetings newest or oldest
    # first, each meeting's claims as its reports tell them.
    report, start = arrays.pop("report"), arrays.pop("start")
    arrays["newest"] = np.lexsort((start, report, -arrays["meeting"], -arrays["day"]))
    arrays["oldest"] = np.lexsort((start, report, arrays["meeting"], arrays["day"]))
    arrays["kinds"] = tuple(kinds)
    arrays["country_codes"] = tuple(codes)
    return arrays


def by_id(values: dict[int, int]) -> np.ndarray:
    """A lookup array: `values[id]` at index id, NO_ID elsewhere (and at index NO_ID, which
    stands for no row)."""
    table = np.full(max(values, default=0) + 1, NO_ID, dtype=np.int64)
    table[list(values)] = [v if v is not None else NO_ID for v in values.values()]
    return table


COLUMN_TYPES = {
    "ids": np.int64,
    "kind": np.int16,
    "delegation": np.int64,
    "joint": bool,
    "speaker": np.int64,
    "meeting": np.int64,
    "report_id": np.int64,
    "day": np.int32,
    "report": np.int64,
    "start": np.int64,
}
CLAIM_ROWS = """
    SELECT id, kind, delegation_id, joint, speaker_id, meeting_id, report_id, {day},
           report_id, start
    FROM archive_claim WHERE is_public ORDER BY id
"""
DAY_NUMBER = {
    "postgresql": "meeting_date - DATE '1970-01-01'",
    "sqlite": "CAST(julianday(meeting_date) - 2440587.5 AS INTEGER)",
}


def add_chunk(columns: dict, chunk: list[tuple], kinds: dict) -> None:
    values = dict(zip(COLUMN_TYPES, zip(*chunk, strict=True), strict=True))
    values["kind"] = [kinds.setdefault(k, len(kinds)) for k in values["kind"]]
    for name in ("delegation", "speaker"):  # NO_ID for none
        values[name] = [NO_ID if pk is None else pk for pk in values[name]]
    values["day"] = [NO_DATE if d is None else d for d in values["day"]]
    for name, dtype in COLUMN_TYPES.items():
        columns[name].append(np.array(values[name], dtype=dtype))


def link_arrays(ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The claim-issue links of published claims, as (claim position, issue id), in the
    order of the claims."""
    links = Claim.issues.through.objects.order_by().values_list("claim_id", "issue_id")
    pairs = np.array(list(links.iterator(chunk_size=CHUNK)), dtype=np.int64).reshape(-1, 2)
    positions, published = located(ids, pairs[:, 0])
    positions, issues = positions.astype(np.int64), pairs[published, 1]
    order = np.argsort(positions, kind="stable")
    return positions[order], issues[order]


def first_in_family(link_claim: np.ndarray, link_family: np.ndarray) -> np.ndarray:
    """By link: whether it is its claim's first link into its issue family (so that a claim
    on Taiwan and on the Taiwan Strait counts once for the family)."""
    order = np.lexsort((link_family, link_claim))
    claims, families = link_claim[order], link_family[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = (claims[1:] != claims[:-1]) | (families[1:] != families[:-1])
    flags = np.zeros(len(order), dtype=bool)
    flags[order] = first & (families != NO_ID)
    return flags


def family_of(issues: list[tuple]) -> np.ndarray:
    """By issue id: the key of the issue's family (its parent's id, or its own when it has
    narrower issues), or NO_ID; as `claim_counts` groups them."""
    parents = {parent for *_, parent in issues if parent}
    keys = np.full(max((pk for pk, *_ in issues), default=0) + 1, NO_ID, dtype=np.int64)
    for pk, _, _, parent in issues:
        if parent or pk in parents:
            keys[pk] = parent or pk
    return keys


# The copy of this process ------------------------------------------------------------------

_lock = threading.Lock()
_state: dict = {"columns": None, "started": 0.0, "building": False, "next_build": 0.0}
# After a build in the background, wait this many times its length before the next: under a
# run of saves, rebuilding takes at most a fifth of a core, and counts come from SQL meanwhile.
PAUSE_AFTER_BUILD = 4


def current(revision: int) -> ClaimColumns | None:
    """This process's copy if it holds `revision`, else None while a fresh copy is built in
    a background thread; a small archive's copy is rebuilt at once instead."""
    columns = _state["columns"]
    if columns is not None and columns.revision == revision:
        return columns
    small = columns.size <= INLINE_CLAIMS if columns is not None else is_small()
    if not small:
        start_building()
        return None
    try:
        columns = refresh()
    except Exception:  # the counts can still be taken in SQL: no error page for this
        logger.exception("Copying the facet values failed; facets are counted in SQL.")
        return None
    return columns if columns.revision == revision else None


def refresh() -> ClaimColumns:
    """Build this process's copy now (a small archive's, or after an editor's save, in the
    recount's thread). A copy whose build started before that of the copy in place (two
    builds overlapped) is not put in its place."""
    started = time.monotonic()
    columns = build()
    with _lock:
        if started >= _state["started"]:
            _state.update(columns=columns, started=started)
    return columns


def is_small() -> bool:
    """Whether the archive has at most INLINE_CLAIMS published claims (counting no further)."""
    return Claim.objects.published().values("pk")[: INLINE_CLAIMS + 1].count() <= INLINE_CLAIMS


def start_building() -> None:
    with _lock:
        if _state["building"] or time.monotonic() < _state["next_build"]:
            return
        _state["building"] = True
    threading.Thread(target=build_in_background, name="archive-facet-index", daemon=True).start()


def build_in_background() -> None:
    started = time.monotonic()
    try:
        refresh()
    except Exception:
        logger.exception("Building the facet index failed; facets are counted in SQL.")
    finally:
        with _lock:
            _state["building"] = False
            finished = time.monotonic()
            _state["next_build"] = finished + PAUSE_AFTER_BUILD * (finished - started)
        connection.close()


def forget() -> None:
    """Drop this process's copy and forget its builds (tests)."""
    with _lock:
        _state.update(columns=None, started=0.0, building=False, next_build=0.0)


def forget_counts() -> None:
    """Drop the counts and matches this process's copy keeps (benchmarks: a first visit)."""
    columns = _state["columns"]
    if columns is not None:
        with columns.lock:
            columns.remembered.clear()
            columns.remembered_matches.clear()


# Counting ----------------------------------------------------------------------------------


class Counter:
    """The facet counts of one listing's state: the chosen values (as the filter set resolved
    them), the date bounds, and what a full-text search found (None: no search; else it
    reads the matches' ids and relevance), read only when a count needs it."""

    def __init__(
        self,
        columns: ClaimColumns,
        chosen: dict[str, list[Choice]],
        bounds: dict[str, datetime.date],
        found: "FoundClaims | None" = None,
        found_key: Hashable = "",
    ):
        self.columns = columns
        self.chosen = chosen
        self.bounds = bounds
        self.found = found
        self.found_key = found_key  # the search, as a key for `remember_matches`
        self.ranked = True  # the page is ordered by relevance (`ClaimSearch` says)

    def counts(self, name: str):
        """The rows of a facet, of "months", or the "total"."""
        if name == "total":
            return self.total()
        return self.months() if name == "months" else self.rows(name)

    @cached_property
    def masks(self) -> dict[str, np.ndarray]:
        masks = {name: self.narrowed(name, values) for name, values in self.chosen.items()}
        days = self.columns.day
        if "from" in self.bounds:
            masks["from"] = days >= self.bounds["from"].toordinal() - EPOCH
        if "to" in self.bounds:
            masks["to"] = (days <= self.bounds["to"].toordinal() - EPOCH) & (days != NO_DATE)
        return masks

    @cached_property
    def matches(self) -> np.ndarray | None:
        """Positions in the copy (ascending) of the search's published matches (None: no
        search). A search by relevance with no filter ranks all its matches: they are read
        with their relevance, in one pass, unless they are already known."""
        if self.found is None:
            return None
        unread = self.found_key not in self.columns.remembered_matches
        if self.ranked and not self.masks and unread:
            return self.every_relevance[0]
        (positions,) = self.columns.remember_matches(self.found_key, self.published_matches)
        return positions

    def published_matches(self) -> tuple[np.ndarray]:
        positions, _ = self.published(self.found.ids())
        return (np.sort(positions),)

    @cached_property
    def every_relevance(self) -> tuple[np.ndarray, np.ndarray]:
        """Every published match's position (ascending) and relevance; the positions are
        the search's `matches` too."""
        key = ("relevance", self.found_key)
        scored = self.columns.remember_matches(key, lambda: self.scored(None))
        self.columns.remember_matches(self.found_key, lambda: scored[:1])  # the positions
        return scored

    def relevance(self, positions: np.ndarray) -> np.ndarray:
        """The relevance of the matches at `positions` (ascending, among `matches`). A
        narrowed search ranks only the matches its filters leave, when they are few."""
        if not len(positions):
            return np.zeros(0)
        if len(positions) * RANK_ALL_ABOVE > len(self.matches) or len(positions) > RANK_AMONG:
            scored_positions, scores = self.every_relevance
        else:
            key = ("relevance", self.found_key, positions.tobytes())
            among = self.columns.ids[positions]
            scored_positions, scores = self.columns.remember_matches(
                key, lambda: self.scored(among)
            )
        # A match edited since the search was read has no score: it goes last.
        return looked_up(scored_positions, scores, positions, missing=-np.inf)

    def scored(self, among: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        """Positions (ascending) and relevance of the published matches (among `among`)."""
        ids, scores = self.found.scored(among)
        positions, kept = self.published(ids)
        order = np.argsort(positions)
        return positions[order], scores[kept][order]

    def published(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The positions in the copy of those `ids` that are in it (published), and where
        in `ids` each of them is."""
        positions, kept = located(self.columns.ids, ids)
        return positions.astype(np.int32), kept

    def listed_ids(self, order: str, offset: int, limit: int) -> list[int]:
        """A page of the selected claims' ids in the claims listing's `order` ("newest" or
        "oldest")."""
        listed = self.columns.oldest if order == "oldest" else self.columns.newest
        selected = np.zeros(self.columns.size, dtype=bool)
        selected[self.selection()] = True
        positions = listed[selected[listed]]
        return self.columns.ids[positions[offset : offset + limit]].tolist()

    def ordered_ids(self, order: str, offset: int, limit: int) -> list[int]:
        """A page of the selected claims' ids, most relevant first (ties: the newer id
        first), or by meeting date ("newest", "oldest"; ties by id): as the search's SQL
        orders them."""
        positions = self.selection()
        ids = self.columns.ids[positions]
        if order == "relevance" and self.matches is not None:
            ranking = np.lexsort((-ids, -self.relevance(positions)))
        elif order == "oldest":
            ranking = np.lexsort((ids, self.columns.day[positions]))
        else:
            ranking = np.lexsort((-ids, -self.columns.day[positions].astype(np.int64)))
        return ids[ranking[offset : offset + limit]].tolist()

    def narrowed(self, name: str, chosen: list[Choice]) -> np.ndarray:
        c = self.columns
        values = [choice.value for choice in chosen]
        if name == "issue":
            ids = [pk for choice in chosen for pk in choice.ids]
            mask = np.zeros(c.size, dtype=bool)
            mask[c.link_claim[among(c.link_issue, ids)]] = True
            return mask
        if name == "official":
            return among(c.person, c.officials.ids(values))
        if name == "meeting":
            return among(c.meeting, c.meetings.ids(values))
        if name == "publisher":
            return among(c.publisher, c.publishers.ids(values))
        if name == "kind":
            return among(c.kind, [c.kinds.index(v) for v in values if v in c.kinds])
        if name == "country":
            codes = [c.country_codes.index(v) for v in values if v in c.country_codes and v]
            mask = among(c.country, codes)
            return mask | c.joint if JOINT in values else mask
        if name == "year":
            return among(c.year, [int(v) for v in values])
        raise ValueError(f"No facet {name!r} in the index.")

    def selection(self, skip: str = "") -> np.ndarray:
        """Positions (ascending) of the claims passing every filter but `skip` ("year"
        leaves out all the dates). A search's are found among its matches only: a few
        thousand lookups instead of a pass over every claim."""
        masks = [
            mask
            for name, mask in self.masks.items()
            if name != skip and not (skip == "year" and name in ("from", "to"))
        ]
        if self.matches is not None:
            positions = self.matches
            for mask in masks:
                positions = positions[mask[positions]]
            return positions
        selected = np.ones(self.columns.size, dtype=bool)
        for mask in masks:
            selected &= mask
        return np.flatnonzero(selected)

    def total(self) -> int:
        return len(self.selection())

    def months(self) -> list[tuple[datetime.date, int]]:
        days = self.columns.day[self.selection(skip="year")]
        months = days[days != NO_DATE].astype("datetime64[D]").astype("datetime64[M]")
        months = months.astype(np.int64)  # months since January 1970
        if not len(months):
            return []
        first = int(months.min())
        return [
            (datetime.date(1970 + month // 12, month % 12 + 1, 1), n)
            for month, n in ((first + offset, n) for offset, n in tallied(months - first))
        ]

    def rows(self, name: str) -> list[Row]:
        """The facet's values with records, most first: as `claim_counts.count` gives them."""
        c = self.columns
        positions = self.selection(skip=name)
        if name == "issue":
            counted = self.issue_records(positions)
            rows = [(*c.issues.by_id[pk], n) for pk, n in counted.items()]
        elif name == "kind":
            rows = [
                (c.kinds[i], KINDS.get(c.kinds[i], c.kinds[i]), n)
                for i, n in tallied(c.kind[positions])
            ]
        elif name == "country":
            rows = [
                (code, countries.name(code), n) if code else (JOINT, JOINT_LABEL, n)
                for code, n in ((c.country_codes[i], n) for i, n in tallied(c.country[positions]))
            ]
        else:
            labels, column = {
                "official": (c.officials, c.person),
                "meeting": (c.meetings, c.meeting),
                "publisher": (c.publishers, c.publisher),
            }[name]
            records = np.bincount(column[positions])
            present = np.flatnonzero(records)
            return labels.rows(present, records[present])
        return sorted(rows, key=lambda row: (-row[2], row[1].lower(), row[0]))

    def issue_records(self, positions: np.ndarray) -> dict[int, int]:
        """Claims per issue; a broader issue counts the distinct claims of its family."""
        c = self.columns
        if len(positions) * SPARSE < c.size:  # a few claims: gather their links
            kept = links_of(c.link_start, positions)
        else:  # most claims: a pass over every link costs less than gathering them
            selected = np.zeros(c.size, dtype=bool)
            selected[positions] = True
            kept = np.flatnonzero(selected[c.link_claim])
        counted = dict(tallied(c.link_issue[kept]))
        counted.update(tallied(c.link_family[kept[c.first_in_family[kept]]]))
        return counted


def links_of(link_start: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """The indexes of the claim-issue links of the claims at `positions`."""
    starts = link_start[positions]
    lengths = link_start[positions + 1] - starts
    ends = np.cumsum(lengths)
    return np.repeat(starts - ends + lengths, lengths) + np.arange(ends[-1] if len(ends) else 0)


def looked_up(keys: np.ndarray, values: np.ndarray, wanted: np.ndarray, missing) -> np.ndarray:
    """For each of `wanted`, its value where it is among `keys` (ascending), else `missing`."""
    found = np.full(len(wanted), missing, dtype=values.dtype if len(values) else float)
    at, kept = located(keys, wanted)
    found[kept] = values[at]
    return found


def located(keys: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where those of `wanted` that are among `keys` (ascending) are in `keys`, and which of
    `wanted` they are (indexes into it)."""
    if not len(keys):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    kept = np.flatnonzero(keys[at] == wanted)
    return at[kept], kept


def among(column: np.ndarray, values: list[int]) -> np.ndarray:
    """Where `column` (small ids or codes) holds one of `values`: a lookup in a table as
    long as the largest id, which costs a tenth of np.isin's sort at a million rows."""
    table = np.zeros(max(int(column.max(initial=0)), *values, 0) + 1, dtype=bool)
    table[values] = True
    return table[column]


def tallied(values: np.ndarray) -> list[tuple[int, int]]:
    """(value, occurrences) of each value present; the values are small ids or codes."""
    if not len(values):
        return []
    occurrences = np.bincount(values)
    present = np.flatnonzero(occurrences)
    return list(zip(present.tolist(), occurrences[present].tolist(), strict=True))
