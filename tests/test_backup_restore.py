"""The documented restore path: `manage.py export_archive --output file`, an empty archive,
`manage.py import_reports file`; every permanent address then answers exactly as before."""

import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command

from archive.models import Claim, Issue, Meeting, Person, Report
from tests.ingest.test_archive_file import CALL, renamed_and_withdrawn, wipe_archive

pytestmark = pytest.mark.django_db

__all__ = ["renamed_and_withdrawn"]  # a fixture, requested by name below

CITATION_FORMATS = ("bib", "ris", "json")

# What may differ between two renderings of the same archive: anchors that only link inside
# their page and are built from database ids, which a restore does not keep (only claims keep
# theirs).
PAGE_ANCHOR = re.compile(rb"\b(delegation|issue-meeting|cite-report)-\d+\b")


def permalinks(withdrawn_id: int) -> list[str]:
    """Every address the archive promises to keep: its records' pages, the claims' and
    reports' citations, the country pairs, the renamed meeting's old slug and the withdrawn
    claim's tombstone; with the listings that link to them."""
    urls = ["/", "/meetings/", "/claims/", "/officials/", "/issues/", "/sitemap.xml"]
    for meeting in Meeting.objects.published().prefetch_related("delegations"):
        urls += [meeting.get_absolute_url(), f"{meeting.get_absolute_url()}compare/"]
        pair = sorted(d.country.code.lower() for d in meeting.delegations.all())
        urls.append(f"/countries/{'-'.join(pair)}/")
    for report in Report.objects.published():
        urls.append(report.get_absolute_url())
        urls += [f"{report.get_absolute_url()}cite.{fmt}" for fmt in CITATION_FORMATS]
    for n, claim in enumerate(Claim.objects.published().order_by("pk")):
        # Every claim's citation, in each format in turn: all three for all claims would
        # double the test's time for no new code path.
        fmt = CITATION_FORMATS[n % len(CITATION_FORMATS)]
        urls += [claim.get_absolute_url(), f"/claims/{claim.pk}/cite.{fmt}"]
    urls += [person.get_absolute_url() for person in Person.objects.published()]
    urls += [issue.get_absolute_url() for issue in Issue.objects.all()]
    urls += [f"/meetings/{CALL}/", f"/claims/{withdrawn_id}/"]
    return sorted(set(urls))


def masked(body: bytes) -> bytes:
    return PAGE_ANCHOR.sub(rb"\1-(id)", body)


def rendered(client, urls: list[str]) -> dict[str, tuple[int, str, bytes]]:
    """Status, redirect target and (masked) body of each address, counted afresh."""
    cache.clear()  # counts are cached under the revision number, which a restore restarts
    answers = {}
    for url in urls:
        response = client.get(url)
        answers[url] = (response.status_code, response.get("Location", ""), response.content)
    return answers


def restore_from_export(tmp_path, capture_on_commit) -> None:
    backup = tmp_path / "archive.json"
    call_command("export_archive", "--output", str(backup), stderr=io.StringIO())
    wipe_archive()
    # The loader leaves the claims' search text to on_commit hooks, as in production; tests
    # never commit, so run them here.
    with capture_on_commit(execute=True):
        call_command("import_reports", str(backup), stdout=io.StringIO(), stderr=io.StringIO())


def test_every_permalink_answers_the_same_after_an_export_and_a_restore(
    client, renamed_and_withdrawn, tmp_path, django_capture_on_commit_callbacks
):
    urls = permalinks(renamed_and_withdrawn)
    before = rendered(client, urls)
    assert before[f"/meetings/{CALL}/"][:2] == (301, "/meetings/xi-biden-call-2021/")
    assert before[f"/claims/{renamed_and_withdrawn}/"][0] == 410
    assert sum(status == 200 for status, _, _ in before.values()) > 150

    restore_from_export(tmp_path, django_capture_on_commit_callbacks)

    after = rendered(client, urls)
    changed = [
        url
        for url in urls
        if after[url][:2] != before[url][:2] or masked(after[url][2]) != masked(before[url][2])
    ]
    assert changed == []
