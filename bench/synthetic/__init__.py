"""A synthetic archive for benchmarks and tests, deterministic from a seed.

It has the shape of the real one: twenty years of bilateral meetings between ~40 countries,
two delegations each with their officials, one or two published reports per meeting whose
body is made of the claims, and claims whose words follow a Zipf-like distribution with real
search terms at known rates (common, middle and rare), so searches see realistic numbers of
matches.

The small tables (officials, issues, publishers) are made with the tests' factories; the
large ones are inserted in bulk, which skips `save()` and the signals, so what those would
compute is asked of the code that computes it (a claim's search text of
`archive/search/document.py`, the report's digest of `archive/text.py`) and the revision is
moved on once at the end. The database's triggers make claims public (archive/publication.py).
"""

import time

from django.db import transaction
from django.test.utils import override_settings

from archive.models import Meeting, Publisher, Revision
from bench.synthetic.cast import create_cast
from bench.synthetic.meetings import GEN_PREFIX, Batch, Planner
from bench.synthetic.world import PUBLISHERS

# Claims per transaction: large enough to amortise the commit, small enough to bound memory
# (and at most a tenth of the run, so progress shows every ~10%).
MAX_CLAIMS_PER_TRANSACTION = 10_000
MIN_CLAIMS_PER_TRANSACTION = 1_000


class GeneratedAlready(Exception):
    """The database holds a generated archive already."""


def generate(claims: int, seed: int = 1) -> None:
    """Add an archive of `claims` claims to the database, printing its progress. Refuses a
    database that holds one already (its officials and publishers would be made twice)."""
    if claims < 1:
        raise ValueError("An archive needs at least one claim.")
    if (
        Meeting.objects.filter(slug__startswith=GEN_PREFIX).exists()
        or Publisher.objects.filter(name__in=[p.name for p in PUBLISHERS]).exists()
    ):
        raise GeneratedAlready(
            "This database already holds a generated archive: use a fresh one (an empty "
            "BENCH_DATABASE_URL, or delete bench/out/)."
        )
    started = time.monotonic()
    # DEBUG would keep every statement's SQL: gigabytes for a million rows.
    with override_settings(DEBUG=False):
        with transaction.atomic():
            cast = create_cast(seed, claims)
        print(
            f"Made {cast.people:,} officials, {len(cast.issues)} issues and "
            f"{len(cast.publishers)} publishers.",
            flush=True,
        )
        meetings, reports, links = write_meetings(Planner(seed, cast), claims, started)
        Revision.bump()  # bulk_create sends no signals: everything counts as changed
    elapsed = time.monotonic() - started
    print(
        f"Generated {meetings:,} meetings, {reports:,} reports, {claims:,} claims "
        f"({links:,} claim-issue links) in {elapsed:.1f}s ({claims / elapsed:,.0f} claims/s).",
        flush=True,
    )


def write_meetings(planner: Planner, claims: int, started: float) -> tuple[int, int, int]:
    """Meetings in transactions of up to MAX_CLAIMS_PER_TRANSACTION claims; returns the
    counts of meetings, reports and claim-issue links."""
    left, meetings, reports, links = claims, 0, 0, 0
    step = max(1, claims // 10)
    per_transaction = max(MIN_CLAIMS_PER_TRANSACTION, min(MAX_CLAIMS_PER_TRANSACTION, step))
    next_report = step
    while left:
        batch = Batch()
        while left and len(batch.claims) < per_transaction:
            left -= planner.add_meeting(batch, meetings, left)
            meetings += 1
        with transaction.atomic():
            links += batch.save()
        reports += len(batch.reports)
        done = claims - left
        if done >= next_report or not left:
            elapsed = time.monotonic() - started
            print(f"  {done:,}/{claims:,} claims ({100 * done // claims}%), {elapsed:.0f}s")
            next_report = (done // step + 1) * step
    return meetings, reports, links
