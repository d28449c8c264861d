"""Facets benchmark: the /claims/ and /search/ pages with their facet counts, against the
bare SQL they run, in the same run, interleaved so machine noise hits both alike.

    .venv/bin/python bench/facets.py --claims 200000
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/archive_bench \\
        .venv/bin/python bench/facets.py --claims 1000000

Each row names the state of the count cache before every timed request (see PAGES).
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

# (label, path, parameters, cache state before each request): the shapes the
# faceted-browsing issue names. "warm": the same page was just counted; "primed": counts
# cleared, then the unfiltered listings recounted and the facet values' copy rebuilt, as
# after an editor's save (archive/recount.py); "cold": nothing cached and no copy, so every
# count is taken in SQL (as while the copy is rebuilt).
PAGES = [
    ("/claims/ no filter", "/claims/", {}, "primed"),
    ("/claims/ no filter", "/claims/", {}, "cold"),
    ("/claims/ one facet", "/claims/", {"issue": "gen-taiwan"}, "primed"),
    ("/claims/ one facet", "/claims/", {"issue": "gen-taiwan"}, "warm"),
    (
        "/claims/ three facets",
        "/claims/",
        {"issue": "gen-taiwan", "country": "CN", "kind": "position"},
        "primed",
    ),
    (
        "/search/ word + issue + date range",
        "/search/",
        {"q": "sovereignty", "issue": "gen-taiwan", "from": "2015-01", "to": "2016-12"},
        "primed",
    ),
    (
        "/search/ common word + 2 facets",
        "/search/",
        {"q": "development", "country": "CN", "kind": "position"},
        "primed",
    ),
    (
        "/search/ selective + 2 facets",
        "/search/",
        {"q": "nuclear sanctions", "country": "US", "year": "2018"},
        "primed",
    ),
    ("/search/ broadest, all facets", "/search/", {"q": "Tibet OR Xinjiang OR Taiwan"}, "primed"),
]


def prepare_cache(mode: str, warm_up) -> None:
    from django.conf import settings
    from django.core.cache import cache

    from archive import recount

    # "cold": as while this process rebuilds its copy of the facet values after a save.
    settings.FACET_INDEX = mode != "cold"
    if mode == "warm":
        warm_up()
        return
    cache.clear()
    if mode == "primed":
        recount.recount()


def captured(client, path: str, params: dict, prepare):
    """The statements a request runs, to execute directly, and the result's total."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    prepare()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, {**params, "format": "json"})
    assert response.status_code == 200, response.content[:300]
    total = response.json()["total"]
    return replay(queries.captured_queries), total, len(queries.captured_queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=20)
    options = parser.parse_args()

    setup_django(options.claims)
    size = ensure_archive(options.claims)
    vacuum()
    from django.test import Client

    client = Client()
    print(f"# Facets benchmark, {datetime.date.today()}: {size:,} claims, {machine()}")
    print(f"# {options.repeat} timed runs each, milliseconds; SQL = every statement the page ran")
    header = ("page", "results", "queries", "page p50", "page p95", "SQL p50", "SQL p95")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for label, path, params, mode in PAGES:

        def page(path=path, params=params):
            response = client.get(path, params)
            assert response.status_code == 200, response.status_code

        def prepare(mode=mode, page=page):
            prepare_cache(mode, page)

        bare, total, statements = captured(client, path, params, prepare)
        page_ms, sql_ms = interleaved([page, bare], options.repeat, prepare)
        shown = "&".join(f"{k}={v}" for k, v in params.items())
        print(
            f"| {label} `{shown}`, {mode} | {total:,} | {statements} | {p50(page_ms):.1f} | "
            f"{p95(page_ms):.1f} | {p50(sql_ms):.1f} | {p95(sql_ms):.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
