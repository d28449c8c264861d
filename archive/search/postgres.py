"""PostgreSQL backend: tsquery built from the parsed tree, ranked with ts_rank."""

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext

import numpy as np
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.db import connections, transaction
from django.db.models import Expression, F, QuerySet

from archive import db_router
from archive.search.highlight import START, STOP
from archive.search.indexes import PG_CONFIG, SearchIndex
from archive.search.query import AllOf, AnyOf, Node, ParsedQuery, Phrase, Term

SUGGESTION_THRESHOLD = 0.5


class SearchVectorColumn(Expression):
    """The table's generated `search_vector` column, which the models do not declare (it only
    exists on PostgreSQL)."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        alias = compiler.query.get_initial_alias()
        return f"{compiler.quote_name(alias)}.search_vector", []


def compile_node(node: Node) -> SearchQuery:
    if isinstance(node, Term):
        if node.prefix:
            # Safe as raw tsquery syntax: the parser's words hold only letters and digits.
            return SearchQuery(f"{node.word}:*", search_type="raw", config=PG_CONFIG)
        return SearchQuery(node.word, search_type="plain", config=PG_CONFIG)
    if isinstance(node, Phrase):
        return SearchQuery(" ".join(node.words), search_type="phrase", config=PG_CONFIG)
    if isinstance(node, AllOf):
        combined = compile_node(node.parts[0])
        for part in node.parts[1:]:
            combined &= compile_node(part)
        return combined
    combined = compile_node(node.options[0])
    for option in node.options[1:]:
        combined |= compile_node(option)
    return combined


def compile_query(query: ParsedQuery) -> SearchQuery:
    combined = compile_node(query.include[0])
    for node in query.include[1:]:
        combined &= compile_node(node)
    for node in query.exclude:
        combined &= ~compile_node(node)
    return combined


def matching(queryset: QuerySet, query: ParsedQuery, index: SearchIndex) -> QuerySet:
    return queryset.alias(document=SearchVectorColumn()).filter(document=compile_query(query))


def ranked(queryset: QuerySet, query: ParsedQuery, index: SearchIndex) -> QuerySet:
    rank = SearchRank(F("document"), compile_query(query), weights=index.pg_rank_weights)
    return queryset.annotate(rank=rank).order_by("-rank", "-pk")


def matched_ids(model, query: ParsedQuery, index: SearchIndex) -> np.ndarray:
    """Ids of every record the query matches, published or not, unranked."""
    ids = matching(model.objects.order_by(), query, index).values_list("pk")
    return copied_columns(ids, ID_FIELD)["id"].astype(np.int64)


def scored(
    model, query: ParsedQuery, index: SearchIndex, among: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Ids and relevance (`ranked`'s) of every record the query matches, or of those whose
    ids are in `among`, published or not."""
    matched = matching(model.objects.order_by(), query, index)
    if among is not None:
        table = connections[db_router.reading_database()].ops.quote_name(model._meta.db_table)
        matched = matched.extra(where=[f"{table}.id = ANY(%s)"], params=[among.tolist()])
    scores = ranked(matched, query, index).order_by().values_list("pk", "rank")
    rows = copied_columns(scores, ID_FIELD + RANK_FIELD)
    return rows["id"].astype(np.int64), rows["rank"].astype(np.float64)


# A binary COPY: a header (signature and flags, then the length of an extension area), rows
# of fields each preceded by its length (big-endian), and a trailer (a field count of -1).
COPY_SIGNATURE_FLAGS = 11 + 4
COPY_TRAILER = 2
ID_FIELD = (("id", ">i8"),)
RANK_FIELD = (("rank", ">f4"),)


def copied_columns(values: QuerySet, fields: tuple[tuple[str, str], ...]) -> np.ndarray:
    """The rows of a `values_list` query as a structured array, read with a binary COPY:
    a broad search's 100,000 rows cost 40-60 ms more as Python tuples (bench/search.py).
    `fields` gives each column's name and big-endian numpy type, in the query's order."""
    row = np.dtype(
        [("fields", ">i2")]
        + [part for name, kind in fields for part in ((f"{name}_size", ">i4"), (name, kind))]
    )
    select, params = values.query.sql_with_params()
    connection = connections[db_router.reading_database()]
    data = copied(connection.ops.compose_sql(f"COPY ({select}) TO STDOUT (FORMAT BINARY)", params))
    extension = data[COPY_SIGNATURE_FLAGS : COPY_SIGNATURE_FLAGS + 4]
    header = COPY_SIGNATURE_FLAGS + 4 + int.from_bytes(extension, "big")
    rows = np.frombuffer(
        data, row, count=(len(data) - header - COPY_TRAILER) // row.itemsize, offset=header
    )
    expected = rows["fields"] == len(fields)
    for name, kind in fields:
        expected &= rows[f"{name}_size"] == np.dtype(kind).itemsize
    if not expected.all():
        raise ValueError("Unexpected row layout in a binary COPY.")
    return rows


def copied(statement: str) -> bytearray:
    """The output of a COPY ... TO STDOUT statement, logged as a query where Django logs
    them (tests' query counts, the benchmarks' captured statements)."""
    with connections[db_router.reading_database()].cursor() as cursor:
        log = getattr(cursor, "debug_sql", None)  # only on Django's debug cursor
        with log(statement) if log else nullcontext():
            data = bytearray()
            with cursor.cursor.copy(statement) as copy:
                for block in copy:
                    data += block
    return data


def highlights(
    model, ids: list[int], query: ParsedQuery, index: SearchIndex, fragments: bool
) -> dict[int, str]:
    column = index.columns[index.highlight_column]
    options = {"max_words": 35, "min_words": 15, "max_fragments": 2} if fragments else {}
    headline = SearchHeadline(
        column,
        compile_query(query),
        config=PG_CONFIG,
        start_sel=START,
        stop_sel=STOP,
        highlight_all=not fragments,
        fragment_delimiter=" \u2026 ",
        **options,
    )
    rows = model.objects.filter(pk__in=ids).annotate(headline=headline)
    return dict(rows.values_list("pk", "headline"))


def suggest_people(people: QuerySet, text: str) -> QuerySet:
    """Officials whose name (or an alias) is close to `text` by trigram word similarity."""
    from django.db.models import Max
    from django.db.models.functions import Greatest, Lower

    return (
        people.annotate(
            closeness=Greatest(
                TrigramWordSimilarity(text.lower(), Lower("name")),
                Max(TrigramWordSimilarity(text.lower(), Lower("aliases__name"))),
            )
        )
        .filter(closeness__gte=SUGGESTION_THRESHOLD, closeness__lt=1)
        .order_by("-closeness", "name")
    )


def newest_ids(
    sources: list[tuple[QuerySet, SearchIndex, tuple[str, ...]]], query: ParsedQuery, limit: int
) -> list[list[int]]:
    """For each (queryset, index, order) of reports or meetings, ids of the newest few
    records (by `order`) the query matches."""
    with through_the_index():
        return [newest(queryset, query, index, order, limit) for queryset, index, order in sources]


def newest(queryset, query: ParsedQuery, index: SearchIndex, order, limit: int) -> list[int]:
    """A phrase must be checked in each match's whole vector, out of line for a report:
    16,000 reports hold "territorial integrity", 200 ms. So the newest records that hold
    the phrase's words, which the GIN index answers alone, are found first, and the phrase
    is checked in those (CANDIDATES of them; in all matches only if too few pass)."""
    if query.has_phrase:
        loose = ParsedQuery(query.text, include=[words_of(n) for n in query.include])
        found = matching(queryset, loose, index).order_by(*order).values_list("pk", flat=True)
        candidates = list(found[:CANDIDATES])
        exact = matching(queryset.filter(pk__in=candidates), query, index)
        ids = list(exact.order_by(*order).values_list("pk", flat=True)[:limit])
        if len(ids) == limit or len(candidates) < CANDIDATES:
            return ids
    exact = matching(queryset, query, index).order_by(*order)
    return list(exact.values_list("pk", flat=True)[:limit])


CANDIDATES = 200


def words_of(node: Node) -> Node:
    """A node that matches wherever `node` does, and needs no position: a phrase becomes
    all of its words."""
    if isinstance(node, Phrase):
        return AllOf(tuple(Term(word) for word in node.words))
    if isinstance(node, Term):
        return node
    if isinstance(node, AnyOf):
        return AnyOf(tuple(map(words_of, node.options)))
    return AllOf(tuple(map(words_of, node.parts)))


@contextmanager
def through_the_index() -> Iterator[None]:
    """Statements run here find their matches through the GIN index. A report's vector is
    its whole text, stored out of line: when most reports hold a common word PostgreSQL
    picks a sequential scan, which reads every vector (1.3 s for 33,000 reports against
    30 ms through the index). SET LOCAL lasts until the transaction ends: in a caller's
    transaction it is undone at once (on an error that transaction is rolled back anyway)."""
    alias = db_router.reading_database()
    connection = connections[alias]
    inside = connection.in_atomic_block
    atomic = nullcontext() if inside else transaction.atomic(using=alias)
    with atomic, connection.cursor() as cursor:
        # Both: without a sequential scan the planner walks a whole btree index instead,
        # reading every row all the same (300 ms). The statements read one table each.
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
        yield
        if inside:
            cursor.execute(
                "SET LOCAL enable_seqscan TO DEFAULT; SET LOCAL enable_indexscan TO DEFAULT"
            )
