import pytest

from archive.models import Report, Status
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def test_the_claim_page_shows_quote_context_side_and_citation(client, biggest_lie):
    page = client.get(f"/claims/{biggest_lie.pk}/").content.decode()
    for text in (
        "the claim that there is genocide in China&#x27;s Xinjiang is the biggest lie",
        "The Chinese side pointed out, <mark>the claim that there is genocide",
        "no individual speaker named in the report",
        "Denial",
        "Xinjiang",
        "Human rights",
        "China-U.S. High-Level Strategic Dialogue",
        "Special Dispatch No. 9249",
        "Anchorage, Alaska",
        f"/reports/memri-special-dispatch-9249/#claim-{biggest_lie.pk}",
        f"http://testserver/claims/{biggest_lie.pk}/",
        "Accessed",
    ):
        assert text in page, text
    assert 'rel="prev"' in page and 'rel="next"' in page


def test_a_named_speaker_is_shown_with_the_title_then(client, db):
    meeting = make_meeting()
    claim = meeting.claims.filter(speaker__isnull=False).first()
    page = client.get(claim.get_absolute_url()).content.decode()
    assert f"{claim.speaker.person.name}</a>, Minister" in page


def test_claims_of_unpublished_reports_are_not_found(client, dispatch, biggest_lie):
    Report.objects.filter(pk=dispatch.pk).update(status=Status.DRAFT)
    assert client.get(f"/claims/{biggest_lie.pk}/").status_code == 404
    assert client.get("/claims/999999/").status_code == 404


def test_query_count_is_fixed(client, biggest_lie, django_assert_max_num_queries):
    # The claim with its report, meeting and side; its issues; its corrections; its
    # neighbours in the report.
    with django_assert_max_num_queries(5):
        client.get(f"/claims/{biggest_lie.pk}/")


def test_a_claim_without_a_named_speaker_names_the_delegation_readably(client, biggest_lie):
    page = client.get(biggest_lie.get_absolute_url()).content.decode()
    assert "the delegation of China (no individual speaker named" in page
