"""The benchmarks' synthetic archive (bench/synthetic/) holds what saving each row would."""

import pytest
from django.db import transaction

from archive.models import Claim, Issue, Report, Revision
from archive.search.document import refresh_claims
from archive.text import fingerprint
from bench.synthetic import GeneratedAlready, generate


@pytest.fixture
def generated(db):
    generate(claims=300, seed=3)


def test_every_claim_is_public_with_the_search_text_its_rows_give(generated):
    assert Claim.objects.published().count() == 300
    assert refresh_claims(Claim.objects.all()) == 0
    assert Claim.objects.filter(speaker__isnull=False).exists()
    assert Claim.objects.filter(joint=True).exists()


def test_reports_are_their_claims_with_the_digest_a_save_stores(generated):
    for report in Report.objects.prefetch_related("claims"):
        assert report.body_digest == fingerprint(report.body)
        assert "\n\n".join(c.text for c in report.claims.all()) == report.body


def test_it_has_narrower_issues_and_moves_the_revision_on(generated):
    assert Issue.objects.filter(parent__isnull=False).exists()
    assert Revision.current() > 0


def contents() -> list[tuple]:
    return list(
        Claim.objects.order_by("pk").values_list(
            "meeting__title", "report__title", "text", "kind", "search_context", "search_issues"
        )
    )


def test_the_same_seed_makes_the_same_archive(db):
    class Undone(Exception):
        pass

    with pytest.raises(Undone), transaction.atomic():
        generate(claims=300, seed=3)
        first = contents()
        raise Undone
    assert not Claim.objects.exists()

    generate(claims=300, seed=3)
    assert contents() == first


def test_a_second_archive_is_refused(generated):
    with pytest.raises(GeneratedAlready):
        generate(claims=300, seed=4)
