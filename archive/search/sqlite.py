"""SQLite backend: an FTS5 MATCH expression built from the parsed tree, ranked with bm25."""

import difflib
import json

import numpy as np
from django.db import connection
from django.db.models import QuerySet

from archive.search.highlight import START, STOP
from archive.search.indexes import SearchIndex
from archive.search.query import AllOf, Node, ParsedQuery, Phrase, Term

SUGGESTION_THRESHOLD = 0.75


def quoted(words: tuple[str, ...]) -> str:
    # The parser's words hold only letters and digits; doubling quotes is belt and braces.
    return '"' + " ".join(words).replace('"', '""') + '"'


def compile_node(node: Node) -> str:
    if isinstance(node, Term):
        return quoted((node.word,)) + (" *" if node.prefix else "")
    if isinstance(node, Phrase):
        return quoted(node.words)
    if isinstance(node, AllOf):
        return "(" + " AND ".join(compile_node(part) for part in node.parts) + ")"
    return "(" + " OR ".join(compile_node(option) for option in node.options) + ")"


def compile_query(query: ParsedQuery) -> str:
    expression = " AND ".join(compile_node(node) for node in query.include)
    if query.exclude:
        expression = f"({expression})" + "".join(
            f" NOT {compile_node(node)}" for node in query.exclude
        )
    return expression


def matching(queryset: QuerySet, query: ParsedQuery, index: SearchIndex) -> QuerySet:
    """Join the FTS table to the record's table and filter with MATCH: NOTES.md measured a
    join as 100 times faster than `rowid IN (subquery)`."""
    fts = index.fts_table
    return queryset.extra(
        tables=[fts],
        where=[f"{fts}.rowid = {index.table}.id", f"{fts} MATCH %s"],
        params=[compile_query(query)],
    )


def newest_ids(
    sources: list[tuple[QuerySet, SearchIndex, tuple[str, ...]]], query: ParsedQuery, limit: int
) -> list[list[int]]:
    """For each (queryset, index, order) of reports or meetings, ids of the newest few
    records (by `order`) the query matches: FTS5 finds them in its index, phrases too."""
    return [
        list(matching(qs, query, index).order_by(*order).values_list("pk", flat=True)[:limit])
        for qs, index, order in sources
    ]


def ranked(queryset: QuerySet, query: ParsedQuery, index: SearchIndex) -> QuerySet:
    rank = f"bm25({index.fts_table}, {index.bm25_weights})"
    # bm25 is lower for better matches.
    return queryset.extra(select={"rank": rank}).order_by("rank", "-pk")


def matched_ids(model, query: ParsedQuery, index: SearchIndex) -> np.ndarray:
    """Ids of every record the query matches, published or not, unranked: a fifth of the
    time of `scored` (bm25 reads each match's column sizes)."""
    fts = index.fts_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s", [compile_query(query)])
        return np.array([row[0] for row in cursor.fetchall()], dtype=np.int64)


def scored(
    model, query: ParsedQuery, index: SearchIndex, among: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Ids and relevance of every record the query matches (or of those whose ids are in
    `among`), published or not: read from the FTS table alone, without the join `matching`
    needs. Higher is more relevant (-bm25)."""
    fts = index.fts_table
    sql = f"SELECT rowid, -bm25({fts}, {index.bm25_weights}) FROM {fts} WHERE {fts} MATCH %s"
    params = [compile_query(query)]
    if among is not None:
        # bm25 runs for the rows the whole WHERE keeps; `+rowid` keeps the list out of FTS5,
        # which would seek each id.
        sql += " AND +rowid IN (SELECT value FROM json_each(%s))"
        params.append(json.dumps(among.tolist()))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        # Ids are exact in a double below 2**53.
        rows = np.array(cursor.fetchall(), dtype=np.float64).reshape(-1, 2)
    return rows[:, 0].astype(np.int64), rows[:, 1]


def highlights(
    model, ids: list[int], query: ParsedQuery, index: SearchIndex, fragments: bool
) -> dict[int, str]:
    if not ids:
        return {}
    fts, column = index.fts_table, index.highlight_column
    if fragments:
        function = f"snippet({fts}, {column}, %s, %s, ' \u2026 ', 40)"
    else:
        function = f"highlight({fts}, {column}, %s, %s)"
    select = f"SELECT rowid, {function} FROM {fts} WHERE {fts} MATCH %s"
    expression = compile_query(query)
    with connection.cursor() as cursor:
        if query.has_prefix:
            # FTS5 expands a prefix into its terms' merged matches again at every seek
            # (20 seeks of `sovereign*`: 20-40 ms at 200,000 claims); one pass over the
            # matches between the first and the last id costs 3 ms. `+rowid` keeps the
            # list out of FTS5, which would seek each id.
            marks = ", ".join("%s" for _ in ids)
            cursor.execute(
                f"{select} AND rowid BETWEEN %s AND %s AND +rowid IN ({marks})",
                [START, STOP, expression, min(ids), max(ids), *ids],
            )
        else:
            # One seek per record, the cheapest for plain words and phrases.
            cursor.execute(
                " UNION ALL ".join(f"{select} AND rowid = %s" for _ in ids),
                [value for pk in ids for value in (START, STOP, expression, pk)],
            )
        return dict(cursor.fetchall())


def suggest_people(people: QuerySet, text: str) -> list:
    """Officials whose name or alias is close to `text`: the names table is small enough to
    compare in Python, word window by word window ("Blinkin" against "Blinken")."""
    from archive.models import PersonAlias

    wanted = " ".join(text.lower().split())
    names = [(pk, name) for pk, name in people.values_list("pk", "name")]
    names += list(
        PersonAlias.objects.filter(person__in=people.values("pk")).values_list("person", "name")
    )
    best: dict[int, float] = {}
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    size = len(wanted.split())
    for pk, name in names:
        words = name.lower().split()
        for start in range(max(1, len(words) - size + 1)):
            matcher.set_seq1(" ".join(words[start : start + size]))
            if matcher.real_quick_ratio() < SUGGESTION_THRESHOLD:
                continue
            if matcher.quick_ratio() < SUGGESTION_THRESHOLD:
                continue
            score = matcher.ratio()
            if SUGGESTION_THRESHOLD <= score < 1 and score > best.get(pk, 0):
                best[pk] = score
    ranked = sorted(best, key=lambda pk: -best[pk])[:3]
    found = people.in_bulk(ranked)
    return [found[pk] for pk in ranked if pk in found]
