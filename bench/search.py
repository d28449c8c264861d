"""Search benchmark: the full /search/ view (rendered page: top 20 with highlights, total,
reports and meetings) against the bare SQL it needs (the count and the ranked top 20), in
the same run, interleaved so machine noise hits both alike.

    .venv/bin/python bench/search.py --claims 200000
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/archive_bench \\
        .venv/bin/python bench/search.py --claims 1000000
"""

import argparse
import datetime

from common import ensure_archive, interleaved, machine, p50, p95, setup_django

# (label, query): the shapes the search issue asks for, in the generator's vocabulary.
QUERIES = [
    ("common word", "development"),
    ("rare word", "fentanyl"),
    ("two words", "nuclear sanctions"),
    ("phrase", '"territorial integrity"'),
    ("synonym (issue alias)", "chips"),
    ("OR of three words", "Tibet OR Xinjiang OR Taiwan"),
    ("prefix", "sovereign*"),
]


def bare_sql(text: str):
    """The statements the view's claim search runs, as SQL to execute directly."""
    from django.db import connection

    from archive.models import Claim
    from archive.search import ClaimSearch, prepare

    search = ClaimSearch(prepare(text).parsed, Claim.objects.published())
    count_sql, count_params = search.matched.values("pk").query.sql_with_params()
    top_sql, top_params = search.ordered().values_list("pk")[:20].query.sql_with_params()
    statements = [
        (f"SELECT COUNT(*) FROM ({count_sql}) matched", count_params),
        (top_sql, top_params),
    ]

    def run() -> int:
        with connection.cursor() as cursor:
            cursor.execute(*statements[0])
            total = cursor.fetchone()[0]
            cursor.execute(*statements[1])
            cursor.fetchall()
        return total

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=30)
    options = parser.parse_args()

    setup_django(options.claims)
    size = ensure_archive(options.claims)
    from django.test import Client

    client = Client()
    print(f"# Search benchmark, {datetime.date.today()}: {size:,} claims, {machine()}")
    print(f"# {options.repeat} timed runs each, milliseconds")
    header = ("query", "matches", "view p50", "view p95", "SQL p50", "SQL p95", "ratio p50")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for label, text in QUERIES:
        bare = bare_sql(text)
        total = bare()

        def view(text=text):
            response = client.get("/search/", {"q": text})
            assert response.status_code == 200, response.status_code

        view_ms, sql_ms = interleaved([view, bare], options.repeat)
        print(
            f"| {label}: `{text}` | {total:,} | {p50(view_ms):.1f} | {p95(view_ms):.1f} | "
            f"{p50(sql_ms):.1f} | {p95(sql_ms):.1f} | {p50(view_ms) / p50(sql_ms):.2f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
