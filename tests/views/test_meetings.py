import pytest

from archive.models import Claim, Status
from tests.conftest import ANCHORAGE
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db

URL = f"/meetings/{ANCHORAGE}/"


def test_the_meeting_page_shows_delegations_with_heads_and_titles(client, seed):
    page = client.get(URL).content.decode()
    for text in (
        "March 18\u201319, 2021",
        "Anchorage, Alaska",
        "Yang Jiechi",
        "State Councilor and Foreign Minister",
        "Antony Blinken",
        "Secretary of State",
        "National Security Advisor",
        "Head of delegation",
    ):
        assert text in page, text
    assert page.index("Yang Jiechi") < page.index("Wang Yi")


def test_claims_are_grouped_by_issue_with_sides_told_apart(client, anchorage, biggest_lie):
    page = client.get(URL).content.decode()
    assert 'id="issue-xinjiang"' in page
    assert f'id="claim-{biggest_lie.pk}"' in page
    assert page.count(f'id="claim-{biggest_lie.pk}"') == 1  # one anchor per claim
    assert f'href="/claims/{biggest_lie.pk}/"' in page
    assert "the biggest lie of the century" in page
    assert 'class="side-mark side-1">China<' in page
    assert 'class="side-mark side-2">United States of America<' in page
    assert 'class="side-mark side-joint">Both sides<' in page
    for claim in Claim.objects.filter(meeting=anchorage):
        assert f'id="claim-{claim.pk}"' in page


def test_the_meeting_lists_its_reports_and_related_meetings(client, seed):
    page = client.get(URL).content.decode()
    assert 'href="/reports/memri-special-dispatch-9249/"' in page
    assert "Special Dispatch No. 9249" in page
    assert "Xi Jinping-Joe Biden telephone call" in page


def test_a_draft_meeting_is_not_found(client, seed):
    draft = make_meeting(status=Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get("/meetings/no-such-meeting/").status_code == 404


def test_the_list_shows_published_meetings_newest_first(client, seed):
    make_meeting(status=Status.DRAFT)
    page = client.get("/meetings/").content.decode()
    assert "2 meetings" in page
    assert page.index("High-Level Strategic Dialogue") < page.index("telephone call")
    assert "Test talks" not in page


def test_query_counts_stay_fixed_as_the_archive_grows(client, seed, django_assert_max_num_queries):
    with django_assert_max_num_queries(7):
        client.get(URL)
    # The list: chosen values, revision, total, page, delegations and their people, six
    # facets and the months.
    with django_assert_max_num_queries(13):
        client.get("/meetings/?issue=taiwan&country=CN")
    big = make_meeting(claims=60)
    for _ in range(5):
        make_meeting(claims=5)
    with django_assert_max_num_queries(7):
        assert client.get(big.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(13):
        client.get("/meetings/?issue=taiwan&country=CN&page=2")


def test_the_page_says_whose_account_is_missing(client, seed):
    page = client.get(URL).content.decode()
    coverage = page[page.index('id="coverage-heading"') :]
    assert "No account of this meeting from United States of America is in the archive" in (
        coverage
    )
    assert "from China is in" not in coverage
    assert "70 of the 70 claims name no individual speaker" in coverage
