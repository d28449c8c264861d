"""Listing and search pages, timed as a reader meets them: the same page again, and the first
page after an editor's save. Imports only what every version of the archive has (the test
client and the Claim model), so `bench/compare.py` runs it on the old code and the new, on
one database, side by side.

    BENCH_DATABASE_URL=... python bench/pages.py --root /path/to/a/checkout --claims N

Prints one JSON line per page, then the process's peak memory.
"""

import argparse
import json
import os
import resource
import sys
from pathlib import Path

# (label, path, parameters): the listing shapes of issue 20 and the selective searches.
PAGES = [
    ("/claims/ no filter", "/claims/", {}),
    ("/claims/ three facets", "/claims/", {"issue": "taiwan", "country": "CN", "kind": "position"}),
    ("/meetings/ no filter", "/meetings/", {}),
    ("/search/ rare word", "/search/", {"q": "fentanyl"}),
    ("/search/ two words", "/search/", {"q": "nuclear sanctions"}),
    (
        "/search/ word + two facets",
        "/search/",
        {"q": "sovereignty", "country": "CN", "kind": "position"},
    ),
    ("/search/ common word", "/search/", {"q": "development"}),
]


def an_editors_save() -> None:
    """What an editor's save does to the archive: one claim changed, through save()."""
    from archive.models import Claim

    claim = Claim.objects.filter(is_public=True).order_by("pk").first()
    kinds = ["position", "statement"]
    claim.kind = kinds[1 - kinds.index(claim.kind)] if claim.kind in kinds else "position"
    claim.save()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", required=True, help="the checkout whose code to time")
    parser.add_argument("--claims", type=int, required=True)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--after-save", type=int, default=5)
    options = parser.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import interleaved, p50, replay, setup_django

    os.environ["SEARCHES_PER_MINUTE"] = os.environ["EXPORTS_PER_MINUTE"] = "0"
    setup_django(options.claims, root=Path(options.root).resolve())
    import time

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("collectstatic", interactive=False, verbosity=0)  # DEBUG is off
    client = Client()
    started = time.perf_counter()
    client.get("/claims/")  # the process's first request reads what it keeps
    first_ms = (time.perf_counter() - started) * 1000
    for label, path, params in PAGES:

        def page(path=path, params=params):
            response = client.get(path, params)
            assert response.status_code == 200, (path, response.status_code)

        (again,) = interleaved([page], options.repeat)
        after = []
        for _ in range(options.after_save):
            an_editors_save()
            started = time.perf_counter()
            page()
            after.append((time.perf_counter() - started) * 1000)
        # The statements the page runs right after a save, run again on their own.
        an_editors_save()
        with CaptureQueriesContext(connection) as queries:
            page()
        (sql,) = interleaved([replay(queries.captured_queries)], options.repeat)
        print(
            json.dumps(
                {
                    "page": label,
                    "params": params,
                    "again": p50(again),
                    "after_save": p50(after),
                    "sql_after_save": p50(sql),
                    "queries": len(queries.captured_queries),
                }
            ),
            flush=True,
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"first_request": first_ms, "peak_rss_mb": peak}), flush=True)


if __name__ == "__main__":
    main()
