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


def test_each_note_marker_links_to_its_note_and_the_note_back(client, dispatch):
    page = client.get(URL).content.decode()
    for number in (1, 3, 4):  # the dispatch's notes; [2] has none
        assert (
            f'<a href="#fn-{number}" id="fn-ref-{number}" aria-label="Footnote {number}">' in page
        )
        note = page[page.index(f'<li id="fn-{number}"') :]
        note = note[: note.index("</li>")]
        assert f'<a href="#fn-ref-{number}" aria-label="Back to the text">' in note
    assert 'id="fn-ref-2"' not in page


def test_a_note_cited_twice_links_back_to_each_citation(client, dispatch):
    dispatch.body += "\n\nAs the ministry said again.[3]"
    dispatch.save()
    page = client.get(URL).content.decode()
    assert 'id="fn-ref-3"' in page and '<a href="#fn-3" id="fn-ref-3-2"' in page
    note = page[page.index('<li id="fn-3"') :]
    note = note[: note.index("</li>")]
    assert 'href="#fn-ref-3" aria-label="Back to the text, citation 1"' in note
    assert 'href="#fn-ref-3-2" aria-label="Back to the text, citation 2"' in note


def test_a_note_without_its_sources_name_says_so(client, dispatch):
    """The copy the seed was made from lost the names before the notes' dates."""
    page = client.get(URL).content.decode()
    note = page[page.index('<li id="fn-1"') :]
    assert note.startswith(
        '<li id="fn-1" value="1"><span class="note-gap">[source not named in the archived '
        "text]</span>, March 19, 2021."
    )


def test_the_report_links_to_its_original(client, dispatch):
    page = client.get(URL).content.decode()
    assert (
        f'<a href="{dispatch.url}" rel="nofollow noopener">Read the original at memri.org</a>'
        in page
    )
    dispatch.url = ""
    dispatch.save()
    assert "Read the original" not in client.get(URL).content.decode()


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
