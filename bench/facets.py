"""Facets benchmark: the /claims/ and /search/ pages with their facet counts, against the
bare SQL they run, in the same run, interleaved so machine noise hits both alike.

    .venv/bin/python bench/facets.py --claims 200000
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/archive_bench \\
        .venv/bin/python bench/facets.py --claims 1000000

"cold" clears the count cache before every request (a combination nobody asked for since
the last save); "warm" leaves it (the counts that do not depend on the request are cached
until an editor saves).
"""

import argparse
import datetime

from common import ensure_archive, interleaved, machine, p50, p95, setup_django, vacuum

# (label, path, parameters, cache): the shapes the faceted-browsing issue names.
PAGES = [
    ("/claims/ no filter, warm", "/claims/", {}, "warm"),
    ("/claims/ no filter, cold", "/claims/", {}, "cold"),
    ("/claims/ one facet", "/claims/", {"issue": "gen-taiwan"}, "cold"),
    (
        "/claims/ three facets",
        "/claims/",
        {"issue": "gen-taiwan", "country": "CN", "kind": "position"},
        "cold",
    ),
    (
        "/claims/ word + issue + date range",
        "/search/",
        {"q": "sovereignty", "issue": "gen-taiwan", "from": "2015-01", "to": "2016-12"},
        "cold",
    ),
    (
        "/search/ common word + 2 facets",
        "/search/",
        {"q": "development", "country": "CN", "kind": "position"},
        "cold",
    ),
    (
        "/search/ selective + 2 facets",
        "/search/",
        {"q": "nuclear sanctions", "country": "US", "year": "2018"},
        "cold",
    ),
    ("/search/ broadest, all facets", "/search/", {"q": "Tibet OR Xinjiang OR Taiwan"}, "cold"),
]


def captured(client, path: str, params: dict, mode: str):
    """The statements a request runs, to execute directly, and the result's total."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    if mode == "warm":
        client.get(path, {**params, "format": "json"})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, {**params, "format": "json"})
    assert response.status_code == 200, response.content[:300]
    total = response.json()["total"]
    statements = [query["sql"] for query in queries.captured_queries]

    def run() -> None:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
                cursor.fetchall()

    return run, total, len(statements)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=20)
    options = parser.parse_args()

    setup_django(options.claims)
    size = ensure_archive(options.claims)
    vacuum()
    from django.core.cache import cache
    from django.test import Client

    client = Client()
    print(f"# Facets benchmark, {datetime.date.today()}: {size:,} claims, {machine()}")
    print(f"# {options.repeat} timed runs each, milliseconds; SQL = every statement the page ran")
    header = ("page", "results", "queries", "page p50", "page p95", "SQL p50", "SQL p95")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for label, path, params, mode in PAGES:
        bare, total, statements = captured(client, path, params, mode)

        def page(path=path, params=params, mode=mode):
            if mode == "cold":
                cache.clear()
            response = client.get(path, params)
            assert response.status_code == 200, response.status_code

        page_ms, sql_ms = interleaved([page, bare], options.repeat)
        shown = "&".join(f"{k}={v}" for k, v in params.items())
        print(
            f"| {label} `{shown}` | {total:,} | {statements} | {p50(page_ms):.1f} | "
            f"{p95(page_ms):.1f} | {p50(sql_ms):.1f} | {p95(sql_ms):.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
