"""Full-text search: one interface, a PostgreSQL and a SQLite backend.

Views call `prepare(text)` once, then hand `FoundClaims` to the claims' filter set, which
narrows, counts, ranks and pages the matches in memory (archive/facet_index.py), and
`with_highlights` to mark a page of them; `newest_records` finds reports and meetings. The
backend is picked from the database connection, and views never see either engine's syntax.
The search knows nothing of facets, pages or filters.
"""

from dataclasses import dataclass
from types import ModuleType

import numpy as np
from django.db import connection
from django.db.models import Model, QuerySet

from archive.search import indexes
from archive.search.highlight import to_html
from archive.search.query import ParsedQuery, expand, parse
from archive.search.synonyms import Matches, lookup

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
    """What a query matches among all claims, published or not, as arrays: the ids alone,
    and the relevance of every match or of just those a narrowed search leaves. Ranking
    costs most of a search's SQL (bm25 is 80% of an FTS5 query)."""

    def __init__(self, query: ParsedQuery):
        self.query = query

    def ids(self) -> np.ndarray:
        from archive.models import Claim

        return backend().matched_ids(Claim, self.query, indexes.CLAIMS)

    def scored(self, among: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Ids and relevance of every match, or of the matches whose ids are in `among`."""
        from archive.models import Claim

        return backend().scored(Claim, self.query, indexes.CLAIMS, among)


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
