"""Search benchmark: the full /search/ view (rendered page: top 20 with highlights, total,
reports and meetings) against the bare SQL it needs (the count and the ranked top 20), in
the same run, interleaved so machine noise hits both alike.

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
        {"issue": "gen-taiwan", "from": "2015", "to": "2016"},
    ),
]


def bare_sql(text: str, filters: dict):
    """The statements the view runs to find the page of claims and their total, captured
    from the search itself, to execute directly."""
    from django.db import connection
    from django.http import QueryDict
    from django.test.utils import CaptureQueriesContext

    from archive.filters import ClaimFilter
    from archive.models import Claim
    from archive.search import ClaimSearch, prepare

    data = QueryDict(mutable=True)
    data.update(filters)
    claims = ClaimFilter(data, queryset=Claim.objects.published()).qs
    search = ClaimSearch(prepare(text).parsed, claims)
    with CaptureQueriesContext(connection) as captured:
        _, total = search.ids_and_total(0, 20)
    replayed = replay(captured.captured_queries)

    def run() -> int:
        replayed()
        return total

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=30)
    options = parser.parse_args()

    setup_django(options.claims)
    size = ensure_archive(options.claims)
    vacuum()
    from django.test import Client

    client = Client()
    print(f"# Search benchmark, {datetime.date.today()}: {size:,} claims, {machine()}")
    print(f"# {options.repeat} timed runs each, milliseconds")
    header = ("query", "matches", "view p50", "view p95", "SQL p50", "SQL p95", "ratio p50")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for label, text, filters in QUERIES:
        bare = bare_sql(text, filters)
        total = bare()

        def view(text=text, filters=filters):
            response = client.get("/search/", {"q": text, **filters})
            assert response.status_code == 200, response.status_code

        view_ms, sql_ms = interleaved([view, bare], options.repeat)
        shown = text + "".join(f" {k}={v}" for k, v in filters.items())
        print(
            f"| {label}: `{shown}` | {total:,} | {p50(view_ms):.1f} | {p95(view_ms):.1f} | "
            f"{p50(sql_ms):.1f} | {p95(sql_ms):.1f} | {p50(view_ms) / p50(sql_ms):.2f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
