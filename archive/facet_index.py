"""Counting, narrowing and ordering a listing's records in memory: the one implementation
behind the claims and meetings listings, the search's facets and pages, the exports, the
feeds and the issue counts of the home and issue pages.

A `Table` holds one kind of record (published claims, published meetings) as numpy arrays
aligned by record: each facet is a code per record (`single`: its kind, its side's country,
its speaker) or a set of (record, code) links (`multi`: a claim's issues with their broader
issues, a meeting's countries). What a URL's value selects, and what a facet's counts mean,
are then the same few vector operations for every facet: `Counter.narrowed` and
`Counter.rows`. What each table holds, how it is read and how an editor's save changes it is
in `archive/facet_tables.py`.
"""

import datetime
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Protocol

import numpy as np

REMEMBERED = 1000  # listing states whose counts a copy keeps (a few kB each)
MATCHES_KEPT = 64 * 2**20  # bytes of searches' matches a copy keeps (12 bytes a match)
EPOCH = datetime.date(1970, 1, 1).toordinal()
NO_ID = 0  # no value (ids start at 1)
NO_DATE = np.iinfo(np.int32).min
YEAR = "year"  # the facet read from the records' dates

Row = tuple[str, str, int]  # (value, label, records): a facet's row, as the filters keep it


@dataclass(frozen=True)
class Labels:
    """A facet's values by code: the value a URL holds (a slug, a country code) and the
    label shown."""

    by_id: dict[int, tuple[str, str]]
    ids_by_slug: dict[str, int] = field(init=False)
    rank: np.ndarray = field(init=False)  # by code: its place in the order of `by_count`

    def __post_init__(self):
        object.__setattr__(self, "ids_by_slug", {s: pk for pk, (s, _) in self.by_id.items()})
        ordered = sorted(self.by_id, key=lambda pk: (self.by_id[pk][1].lower(), self.by_id[pk][0]))
        rank = np.full(max(self.by_id, default=0) + 1, -1, dtype=np.int64)
        rank[ordered] = np.arange(len(ordered))
        object.__setattr__(self, "rank", rank)

    def changed(self, rows: dict[int, tuple[str, str] | None]) -> "Labels":
        """With these codes' rows replaced (None: the row is gone)."""
        by_id = {**self.by_id, **rows}
        return Labels({pk: row for pk, row in by_id.items() if row is not None})

    def rows(self, ids: np.ndarray, records: np.ndarray) -> "LabelledRows":
        """Rows for codes with their records, most records first, then by label (as
        `choices.by_count` orders them); codes without a row are left out."""
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
class Links:
    """A multi-valued facet: (record position, code) pairs; `live` is False for a pair an
    edit has since removed (kept in place: removing it would move every later pair)."""

    record: np.ndarray  # int64
    code: np.ndarray  # int64
    live: np.ndarray  # bool

    @classmethod
    def of(cls, record: np.ndarray, code: np.ndarray) -> "Links":
        record, code = record.astype(np.int64), code.astype(np.int64)
        return cls(record, code, np.ones(len(record), dtype=bool))

    def without(self, records: np.ndarray) -> "Links":
        """Every pair of the records at `records` (a mask by position) marked removed."""
        if not len(self.record):
            return self
        return replace(self, live=self.live & ~records[self.record])

    def plus(self, other: "Links") -> "Links":
        return Links(
            np.concatenate([self.record, other.record]),
            np.concatenate([self.code, other.code]),
            np.concatenate([self.live, other.live]),
        )

    def compacted(self) -> "Links":
        """Without the removed pairs, once they are most of them."""
        if self.live.all() or self.live.mean() > 0.5:
            return self
        return Links(self.record[self.live], self.code[self.live], self.live[self.live])

    def of_records(self, selected: np.ndarray) -> np.ndarray:
        """The live pairs' indexes whose record is selected (a mask by position)."""
        return np.flatnonzero(self.live & selected[self.record])


@dataclass(frozen=True, eq=False)
class Table:
    """One kind of record in id order, one array per facet; never changed once built (an
    edit makes a new table, so a request counting on this one is never disturbed)."""

    ids: np.ndarray  # int64, ascending
    live: np.ndarray  # bool: False for a record removed since the table was read
    day: np.ndarray  # int32: days since 1970-01-01 of the record's date, or NO_DATE
    single: dict[str, np.ndarray]  # facet -> code by record (NO_ID: none)
    multi: dict[str, Links]
    labels: dict[str, Labels]  # facet -> its codes' values and labels
    # sort -> keys by record, most significant last (as np.lexsort takes them); the first
    # of them with the fewest ties is the last.
    orders: dict[str, tuple[np.ndarray, ...]]
    # What the table's reader needs to apply an edit (archive/facet_tables.py): columns by
    # record, or Links.
    raw: dict = field(default_factory=dict)
    # [month, year] by record once first needed; a new table with other days starts empty.
    calendar: list = field(default_factory=list)

    remembered: dict = field(default_factory=dict)
    remembered_matches: OrderedDict = field(default_factory=OrderedDict)
    # Threaded servers (runserver, gunicorn --threads) share a table between requests; a
    # count is taken outside the lock (two threads may take the same one, harmlessly).
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def size(self) -> int:
        return len(self.ids)

    @property
    def month(self) -> np.ndarray:
        """Months since January 1970 by record (-1: no date)."""
        return self.dates()[0]

    @property
    def year(self) -> np.ndarray:
        return self.dates()[1]

    def dates(self) -> tuple[np.ndarray, np.ndarray]:
        """The month and the year of each record's day, made once for these days (a table
        made with the same `day` array shares them: see facet_tables.merged)."""
        if not self.calendar:
            months = self.day.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
            months = np.where(self.day == NO_DATE, -1, months)
            years = np.where(months < 0, 0, months // 12 + 1970).astype(np.int16)
            self.calendar[:] = [months, years]
        return self.calendar[0], self.calendar[1]

    @cached_property
    def live_count(self) -> int:
        return int(np.count_nonzero(self.live))

    def positions(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The positions of those `ids` that are live records, and where in `ids` each is."""
        at, kept = located(self.ids, ids)
        alive = self.live[at]
        return at[alive], kept[alive]

    def remember(self, key: Hashable, count: Callable[[], object]):
        """Counts taken on this table, kept: they cannot change until it is replaced."""
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


class Matches(Protocol):
    """What a full-text search found (archive.search.FoundClaims): every match's id, and the
    ids and relevance of every match or of those among some ids."""

    def ids(self) -> np.ndarray: ...

    def scored(self, among: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]: ...


# A narrowed search ranks only the matches its filters leave while they are at most
# 1/RANK_ALL_ABOVE of its matches and at most RANK_AMONG records (the ids go into the SQL).
RANK_ALL_ABOVE = 4
RANK_AMONG = 20_000


class Counter:
    """One listing's state over a table: the chosen values (as the filter set resolved them:
    Choice objects), the date bounds, and what a full-text search found (None: no search),
    read only when a count or a page needs it."""

    def __init__(
        self,
        table: Table,
        chosen: dict[str, list],
        bounds: dict[str, datetime.date],
        found: Matches | None = None,
        found_key: Hashable = "",
    ):
        self.table = table
        self.chosen = chosen
        self.bounds = bounds
        self.found = found
        self.found_key = found_key  # the search, as a key for `remember_matches`
        self.ranked = True  # the page is ordered by relevance
        self.selections: dict[tuple[str, ...], np.ndarray] = {}

    def counts(self, name: str):
        """The rows of a facet, of "months", or the "total"."""
        if name == "total":
            return self.total()
        return self.months() if name == "months" else self.rows(name)

    # Selecting ----------------------------------------------------------------------------

    @cached_property
    def masks(self) -> dict[str, np.ndarray]:
        masks = {name: self.narrowed(name, values) for name, values in self.chosen.items()}
        days = self.table.day
        if "from" in self.bounds:
            masks["from"] = days >= self.bounds["from"].toordinal() - EPOCH
        if "to" in self.bounds:
            masks["to"] = (days <= self.bounds["to"].toordinal() - EPOCH) & (days != NO_DATE)
        return masks

    def narrowed(self, name: str, chosen: list) -> np.ndarray:
        """Where a record has one of the chosen values (several values are OR-ed)."""
        t = self.table
        values = [choice.value for choice in chosen]
        if name == YEAR:
            return among(t.year, [int(v) for v in values])
        codes = t.labels[name].ids(values)
        if name in t.single:
            return among(t.single[name], codes)
        links = t.multi[name]
        mask = np.zeros(t.size, dtype=bool)
        mask[links.record[links.live & among(links.code, codes)]] = True
        return mask

    def selection(self, skip: str = "") -> np.ndarray:
        """Positions (ascending) of the live records passing every filter but `skip`
        ("year" leaves out all the dates). A search's are found among its matches only: a
        few thousand lookups instead of a pass over every record."""
        applied = tuple(
            name
            for name in self.masks
            if name != skip and not (skip == YEAR and name in ("from", "to"))
        )
        if applied not in self.selections:  # facets with no filter of their own share one
            self.selections[applied] = self.selected(applied)
        return self.selections[applied]

    def selected(self, applied: tuple[str, ...]) -> np.ndarray:
        masks = [self.masks[name] for name in applied]
        if self.matches is not None:
            positions = self.matches
            for mask in masks:
                positions = positions[mask[positions]]
            return positions
        selected = self.table.live.copy()
        for mask in masks:
            selected &= mask
        return np.flatnonzero(selected)

    @cached_property
    def matches(self) -> np.ndarray | None:
        """Positions (ascending) of the search's live matches (None: no search). A search
        by relevance with no filter ranks all its matches: they are read with their
        relevance, in one pass, unless they are already known."""
        if self.found is None:
            return None
        unread = self.found_key not in self.table.remembered_matches
        if self.ranked and not self.masks and unread:
            return self.every_relevance[0]
        (positions,) = self.table.remember_matches(self.found_key, self.matched_positions)
        return positions

    def matched_positions(self) -> tuple[np.ndarray]:
        positions, _ = self.table.positions(self.found.ids())
        return (np.sort(positions),)

    @cached_property
    def every_relevance(self) -> tuple[np.ndarray, np.ndarray]:
        """Every live match's position (ascending) and relevance; the positions are the
        search's `matches` too."""
        key = ("relevance", self.found_key)
        scored = self.table.remember_matches(key, lambda: self.scored(None))
        self.table.remember_matches(self.found_key, lambda: scored[:1])  # the positions
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
            among_ids = self.table.ids[positions]
            scored_positions, scores = self.table.remember_matches(
                key, lambda: self.scored(among_ids)
            )
        # A match edited since the search was read has no score: it goes last.
        return looked_up(scored_positions, scores, positions, missing=-np.inf)

    def scored(self, among_ids: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        """Positions (ascending) and relevance of the live matches (among `among_ids`)."""
        ids, scores = self.found.scored(among_ids)
        positions, kept = self.table.positions(ids)
        order = np.argsort(positions)
        return positions[order], scores[kept][order]

    # Pages --------------------------------------------------------------------------------

    def ordered_ids(self, order: str, offset: int, limit: int | None) -> list[int]:
        """A page of the selected records' ids (all of them when `limit` is None): most
        relevant first (ties: the newer id first) when searched, else in the table's
        `order`."""
        positions = self.selection()
        if order == "relevance" and self.matches is not None:
            ids = self.table.ids[positions]
            ranking = np.lexsort((-ids, -self.relevance(positions)))
            end = None if limit is None else offset + limit
            return ids[ranking[offset:end]].tolist()
        keys = self.table.orders[order]
        return self.table.ids[first_by(positions, keys, offset, limit)].tolist()

    def total(self) -> int:
        return len(self.selection())

    # Counts -------------------------------------------------------------------------------

    def months(self) -> list[tuple[datetime.date, int]]:
        months = self.table.month[self.selection(skip=YEAR)]
        months = months[months >= 0]
        if not len(months):
            return []
        first = int(months.min())
        return [
            (datetime.date(1970 + month // 12, month % 12 + 1, 1), n)
            for month, n in ((first + offset, n) for offset, n in tallied(months - first))
        ]

    def months_by(self, name: str) -> list[tuple[datetime.date, str, int]]:
        """(month, value, records) of the selected records with a date, by a single-valued
        facet's value, every filter but the dates applied: the timelines."""
        t = self.table
        positions = self.selection(skip=YEAR)
        positions = positions[t.month[positions] >= 0]
        pairs = packed_pairs(t.month[positions], t.single[name][positions])
        keys, records = np.unique(pairs, return_counts=True)
        labels = t.labels[name].by_id
        return [
            (datetime.date(1970 + month // 12, month % 12 + 1, 1), labels[code][0], n)
            for month, code, n in zip(
                (keys >> 32).tolist(), (keys & 0xFFFFFFFF).tolist(), records.tolist(), strict=True
            )
            if code in labels
        ]

    def rows(self, name: str) -> "LabelledRows":
        """The facet's values with records, most first; a record counts once for a value
        however many of its links hold it (a claim on Taiwan and on the Taiwan Strait
        counts once for Taiwan: see `facet_tables.with_broader`)."""
        t = self.table
        positions = self.selection(skip=name)
        # Every live record (a listing with no other filter): no positions to gather.
        everything = self.matches is None and len(positions) == t.live_count
        if name in t.single:
            column = t.single[name]
            if not everything:
                codes = column[positions]
            else:
                codes = column if t.live_count == t.size else column[t.live]
        else:
            links = t.multi[name]
            if everything:
                kept = links.live & t.live[links.record]
            else:
                selected = np.zeros(t.size, dtype=bool)
                selected[positions] = True
                kept = links.live & selected[links.record]
            codes = links.code[kept]
        records = np.bincount(codes)
        present = np.flatnonzero(records)
        return t.labels[name].rows(present, records[present])


def first_by(positions: np.ndarray, keys: tuple[np.ndarray, ...], offset: int, limit) -> np.ndarray:
    """`positions` ordered by `keys` (most significant last), from `offset`, `limit` of
    them: the most significant key is partitioned first, so a page of a million records
    sorts only the records that can be on it."""
    wanted = len(positions) if limit is None else min(offset + limit, len(positions))
    if wanted <= 0:
        return positions[:0]
    primary = keys[-1][positions]
    if wanted < len(positions):
        bound = np.partition(primary, wanted - 1)[wanted - 1]
        near = primary <= bound
        positions, primary = positions[near], primary[near]
    ranking = np.lexsort([key[positions] for key in keys[:-1]] + [primary])
    return positions[ranking][offset:wanted]


def packed_pairs(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """One int64 per (first, second) pair of small non-negative numbers, in their order."""
    return (first.astype(np.int64) << 32) + second


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
