import pytest

from archive.models import Meeting, Status
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db

URL = "/reports/memri-special-dispatch-9249/"


def test_the_report_page_shows_metadata_body_and_footnotes(client, dispatch):
    page = client.get(URL).content.decode()
    for text in (
        "Middle East Media Research Institute",
        "Special Dispatch No. 9249",
        "March 23, 2021",
        "Chinese Foreign Ministry report on the meeting, via Xinhua",
        "China-U.S. High-Level Strategic Dialogue",
        'id="fn-3"',
        "Communist Party of China (CPC)",
    ):
        assert text in page, text
    assert '<a href="#fn-1" id="fn-ref-1"' in page
    assert "[2]" in page and 'href="#fn-2"' not in page  # marker without a footnote


def test_each_claim_is_marked_in_place_and_linked(client, dispatch, biggest_lie):
    page = client.get(URL).content.decode()
    assert f'id="claim-{biggest_lie.pk}">the claim that there is genocide' in page
    assert f'href="/claims/{biggest_lie.pk}/">China \u00b7 denial' in page
    assert page.count('class="claim-inline') == dispatch.claims.count()


def test_body_text_is_escaped(client, dispatch):
    dispatch.body += '\n\nA <script>alert("x")</script> line.'
    dispatch.save()
    page = client.get(URL).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


def test_a_report_of_a_draft_meeting_or_a_draft_report_is_not_found(client, dispatch):
    Meeting.objects.filter(pk=dispatch.meeting_id).update(status=Status.DRAFT)
    assert client.get(URL).status_code == 404
    Meeting.objects.filter(pk=dispatch.meeting_id).update(status=Status.PUBLISHED)
    dispatch.status = Status.DRAFT
    dispatch.save()
    assert client.get(URL).status_code == 404


def test_query_count_is_fixed(client, dispatch, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        client.get(URL)
    url = make_meeting(claims=80).reports.get().get_absolute_url()
    with django_assert_max_num_queries(4):
        assert client.get(url).status_code == 200
