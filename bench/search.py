"""Search benchmark: the full /search/ view (rendered page: top 20 with highlights, total,
facets, reports and meetings) against the bare SQL it runs, in the same run, interleaved so
machine noise hits both alike; then the same page again ("again": its matches and counts
kept by the facet values' copy, as when a reader pages or narrows a search).

    .venv/bin/python bench/search.py --claims 200000
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/archive_bench \\
        .venv/bin/python bench/search.py --claims 1000000
"""

import argparse
import datetime

from common import (
    ensure_archive,
    interleaved,
    machine,
    p50,
    p95,
    replay,
    setup_django,
    vacuum,
)

# (label, query, filters): the shapes the search issue asks for, in the generator's
# vocabulary.
QUERIES = [
    ("common word", "development", {}),
    ("rare word", "fentanyl", {}),
    ("two words", "nuclear sanctions", {}),
    ("phrase", '"territorial integrity"', {}),
    ("synonym (issue alias)", "chips", {}),
    ("OR of three words", "Tibet OR Xinjiang OR Taiwan", {}),
    ("prefix", "sovereign*", {}),
    (
        "word + issue + date range",
        "sovereignty",
        {"issue": "taiwan", "from": "2015", "to": "2016"},
    ),
]


def first_visit() -> None:
    """No counts or matches kept from an earlier request: as a reader meets a search no one
    has made since the last save."""
    from archive import facet_tables

    facet_tables.forget_counts()


def captured(client, params: dict):
    """The statements the search page runs on a first visit, to execute directly, and the
    number of matches."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first_visit()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {**params, "format": "json"})
    assert response.status_code == 200, response.content[:300]
    return replay(queries.captured_queries), response.json()["total"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=30)
    options = parser.parse_args()

    setup_django(options.claims)
    size = ensure_archive(options.claims)
    vacuum()
    from django.test import Client

    from archive import facet_tables

    facet_tables.current()  # this process's facet tables, read once
    client = Client()
    print(f"# Search benchmark, {datetime.date.today()}: {size:,} claims, {machine()}")
    print(f"# {options.repeat} timed runs each, milliseconds; SQL = every statement the page ran")
    header = ("query", "matches", "view p50", "view p95", "SQL p50", "SQL p95", "ratio p50")
    header += ("again p50",)
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for label, text, filters in QUERIES:
        params = {"q": text, **filters}
        bare, total = captured(client, params)

        def view(params=params):
            response = client.get("/search/", params)
            assert response.status_code == 200, response.status_code

        view_ms, sql_ms = interleaved([view, bare], options.repeat, first_visit)
        (again_ms,) = interleaved([view], options.repeat)
        shown = text + "".join(f" {k}={v}" for k, v in filters.items())
        print(
            f"| {label}: `{shown}` | {total:,} | {p50(view_ms):.1f} | {p95(view_ms):.1f} | "
            f"{p50(sql_ms):.1f} | {p95(sql_ms):.1f} | {p50(view_ms) / p50(sql_ms):.2f} | "
            f"{p50(again_ms):.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
