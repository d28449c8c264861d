"""Full-text search: one interface, a PostgreSQL and a SQLite backend.

Views call `prepare(text)` once, then `ClaimSearch` (or `newest_records` for reports and
meetings) with the querysets they may show; the backend is picked from the database
connection, and views never see either engine's syntax.
"""

from dataclasses import dataclass
from types import ModuleType
from typing import Protocol

import numpy as np
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, Model, QuerySet, Window

from archive.search import indexes
from archive.search.highlight import to_html
from archive.search.query import ParsedQuery, expand, parse
from archive.search.synonyms import Matches, lookup


class RankedCounter(Protocol):
    """What a search asks of a counter that already holds its matches (the facet index's
    `Counter`): the order to keep, a page of ids in that order, and the total."""

    ranked: bool

    def ordered_ids(self, order: str, offset: int, limit: int) -> list[int]: ...

    def total(self) -> int: ...


ORDERS = {
    "relevance": "Most relevant first",
    "newest": "Newest meeting first",
    "oldest": "Oldest meeting first",
}


def backend() -> ModuleType:
    if connection.vendor == "postgresql":
        from archive.search import postgres

        return postgres
    from archive.search import sqlite

    return sqlite


@dataclass
class PreparedQuery:
    parsed: ParsedQuery
    matches: Matches

    @property
    def is_empty(self) -> bool:
        return self.parsed.is_empty


def prepare(text: str) -> PreparedQuery:
    """Parse the user's text and widen it with synonyms, aliases and officials' names."""
    parsed = parse(text)
    matches = lookup(parsed)
    expand(parsed, matches.equivalents)
    return PreparedQuery(parsed, matches)


class FoundClaims:
    """What a query matches among all claims, published or not, read as arrays for the
    facet copy (`archive/facet_index.py`), which counts, totals and ranks in memory: the ids
    alone, and the relevance of every match or of just those a narrowed search leaves.
    Ranking costs most of a search's SQL (bm25 is 80% of an FTS5 query)."""

    def __init__(self, query: ParsedQuery):
        self.query = query

    def ids(self) -> np.ndarray:
        from archive.models import Claim

        return backend().matched_ids(Claim, self.query, indexes.CLAIMS)

    def scored(self, among: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Ids and relevance of every match, or of the matches whose ids are in `among`."""
        from archive.models import Claim

        return backend().scored(Claim, self.query, indexes.CLAIMS, among)


class ClaimSearch:
    """Claims matching a query. `page()` fetches one page and the total: from the listing's
    in-memory counter when there is one (which has every match and its relevance), else in
    SQL, in a single query where a window count can ride along with the ranking, which must
    visit every match anyway. Only the page's claims are highlighted."""

    def __init__(
        self,
        query: ParsedQuery,
        claims: QuerySet,
        order: str = "relevance",
        counter: RankedCounter | None = None,
    ):
        self.query = query
        self.order = order if order in ORDERS else "relevance"
        self.matched = backend().matching(claims.order_by(), query, indexes.CLAIMS)
        self.counter = counter
        if counter is not None:
            counter.ranked = self.order == "relevance"

    def ordered(self) -> QuerySet:
        if self.order == "newest":
            return self.matched.order_by("-meeting_date", "-pk")
        if self.order == "oldest":
            return self.matched.order_by("meeting_date", "pk")
        return backend().ranked(self.matched, self.query, indexes.CLAIMS)

    def ids_and_total(self, offset: int, limit: int) -> tuple[list[int], int]:
        if self.counter is not None:
            ids = self.counter.ordered_ids(self.order, offset, limit)
            return ids, self.counter.total()
        if not backend().COUNT_IN_WINDOW:
            ids = [row[0] for row in self.ordered().values_list("pk")[offset : offset + limit]]
            return ids, self.matched.count()
        rows = list(
            self.ordered()
            .annotate(total=Window(Count("pk")))
            .values_list("pk", "total")[offset : offset + limit]
        )
        if rows:
            return [pk for pk, _ in rows], rows[0][1]
        return [], (self.matched.count() if offset else 0)

    def page(self, number: int, per_page: int) -> Page:
        """Page `number` (the last page when past the end), claims with `highlighted`."""
        from archive.models import Claim

        ids, total = self.ids_and_total((number - 1) * per_page, per_page)
        last = max(1, -(-total // per_page))
        if number > last:
            number = last
            ids, total = self.ids_and_total((number - 1) * per_page, per_page)
        claims = with_highlights(Claim, Claim.objects.for_display(), ids, self.query, False)
        return Page(claims, number, Paginator(KnownCount(total), per_page))

    def __getitem__(self, window: slice) -> list:
        """Claims in a slice of the ordered results (for scripts and tests)."""
        from archive.models import Claim

        ids = [row[0] for row in self.ordered().values_list("pk")[window]]
        return with_highlights(Claim, Claim.objects.for_display(), ids, self.query, False)

    def count(self) -> int:
        return self.matched.count()

    def iterate(self, chunk_size: int = 2000):
        """Every matching claim in order, fetched a chunk at a time (for exports)."""
        return self.ordered().for_display().iterator(chunk_size=chunk_size)


class KnownCount:
    """Stands in for an object list whose size is already known, for Django's Paginator."""

    def __init__(self, total: int):
        self.total = total

    def count(self) -> int:
        return self.total


def with_highlights(
    model: type[Model], display: QuerySet, ids: list[int], query: ParsedQuery, fragments: bool
) -> list:
    """Records in the order of `ids`, each with `highlighted` (safe HTML with <mark>)."""
    index = indexes.for_model(model)
    column = index.columns[index.highlight_column]
    marked = backend().highlights(model, ids, query, index, fragments)
    records = display.in_bulk(ids)
    result = []
    for pk in ids:
        record = records.get(pk)
        if record is None:  # deleted between the two queries
            continue
        record.highlighted = to_html(marked.get(pk) or getattr(record, column)[:300])
        result.append(record)
    return result


@dataclass
class RecordSource:
    """Reports or meetings to search (`searched`, one table), those that may be shown, and
    the order that puts the newest first."""

    searched: QuerySet
    shown: QuerySet
    order: tuple[str, ...]

    @property
    def model(self) -> type[Model]:
        return self.shown.model


def newest_records(query: ParsedQuery, *sources: RecordSource, limit: int = 5) -> list[list]:
    """For each source of reports or meetings, the newest few records (by its order) that
    hold the words anywhere, their whole text included, each with its highlighted passages.
    Newest, not most relevant: ranking would read the whole text of every match (25,000 of
    33,000 reports hold a common word), where newest first sorts the index's matches by date
    and reads the text of five. The search reads one table (`searched`); `shown` decides
    what may appear (a report of a draft meeting may not), among twice as many."""
    found = backend().newest_ids(
        [(s.searched.order_by(), indexes.for_model(s.model), s.order) for s in sources],
        query,
        limit * 2,
    )
    result = []
    for source, ids in zip(sources, found, strict=True):
        visible = set(source.shown.filter(pk__in=ids).values_list("pk", flat=True))
        kept = [pk for pk in ids if pk in visible][:limit]
        result.append(with_highlights(source.model, source.shown, kept, query, fragments=True))
    return result


FEW_RESULTS = 5


def suggest_people(prepared: PreparedQuery, people: QuerySet, found: int = 0) -> list:
    """'Did you mean' officials, when the words look like a misspelt name: a short query that
    names no official, not even in part, and finds (almost) nothing."""
    words = prepared.parsed.plain_words
    named = prepared.matches.people or prepared.matches.all_words_name_someone
    if named or found >= FEW_RESULTS or not 1 <= len(words) <= 4:
        return []
    return list(backend().suggest_people(people, " ".join(words))[:3])
