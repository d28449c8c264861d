import csv
import io
import json

import pytest

from archive.models import Claim, Meeting, Status
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


def test_each_claim_appears_once_with_its_issues_and_sides_told_apart(
    client, anchorage, biggest_lie
):
    page = client.get(URL).content.decode()
    claims = Claim.objects.filter(meeting=anchorage)
    for claim in claims:
        assert page.count(f'id="claim-{claim.pk}"') == 1
        assert page.count(f'href="/claims/{claim.pk}/"') == 1  # one card per claim
    assert page.count('<article class="claim ') == claims.count()
    assert "the biggest lie of the century" in page
    assert 'class="side-mark mark-6">China<' in page
    assert 'class="side-mark mark-0">United States of America<' in page
    assert 'class="side-mark side-joint">Both sides<' in page
    # The biggest lie's issues are chips on its one card.
    card = page.split(f'id="claim-{biggest_lie.pk}"')[1].split("</article>")[0]
    for issue in biggest_lie.issues.all():
        assert f'href="{issue.get_absolute_url()}"' in card


def test_the_issues_at_the_top_narrow_the_page_to_their_claims(client, anchorage, biggest_lie):
    page = client.get(URL).content.decode()
    assert 'href="?issue=xinjiang#claims-heading"' in page
    # What the archive holds and does not know comes before the claims.
    assert page.index("What the archive does not know") < page.index('id="claims-heading"')
    narrowed = client.get(URL + "?issue=xinjiang").content.decode()
    on_xinjiang = Claim.objects.filter(meeting=anchorage, issues__slug="xinjiang").distinct()
    assert narrowed.count('<article class="claim ') == on_xinjiang.count()
    assert f'id="claim-{biggest_lie.pk}"' in narrowed
    assert f"Show all {Claim.objects.filter(meeting=anchorage).count()} claims" in narrowed
    wrong = client.get(URL + "?issue=no-such-issue")
    assert wrong.status_code == 400
    assert "all its claims are shown" in wrong.content.decode()
    assert (
        wrong.content.decode().count('<article class="claim ')
        == Claim.objects.filter(meeting=anchorage).count()
    )


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
    # The list's first visit reads the facet tables (14 queries); then the chosen values,
    # the revision, the page, its delegations and their people.
    client.get("/meetings/")
    with django_assert_max_num_queries(6):
        client.get("/meetings/?issue=taiwan&country=CN")
    big = make_meeting(claims=60)
    for _ in range(5):
        make_meeting(claims=5)
    with django_assert_max_num_queries(7):
        assert client.get(big.get_absolute_url()).status_code == 200
    # The first visit after the changes reads them (see the claims list).
    with django_assert_max_num_queries(20):
        client.get("/meetings/?issue=taiwan&country=CN&page=2")
    with django_assert_max_num_queries(6):
        client.get("/meetings/?issue=taiwan&country=CN&page=2")


def test_the_page_says_whose_account_is_missing(client, seed):
    page = client.get(URL).content.decode()
    coverage = page[page.index('id="coverage-heading"') :]
    assert "Only China\u2019s account of this meeting is in the archive" in coverage
    assert "what United States of America said here is as China reports it" in coverage
    assert "70 of the 70 claims name no individual speaker" in coverage


def test_the_list_narrows_by_facets_and_exports(client, seed, anchorage):
    other = make_meeting(countries=("RU", "US"), claims=3)
    page = client.get("/meetings/?country=RU").content.decode()
    assert "1 meeting" in page and other.title in page and anchorage.title not in page
    data = json.loads(client.get("/meetings/?format=json&pair=us-ru").content)
    assert data["total"] == 1 and data["results"][0]["countries"] == ["RU", "US"]
    assert {c["value"]: c["count"] for c in data["facets"]["pair"]} == {"cn-us": 2, "ru-us": 1}
    response = client.get("/meetings/?format=csv&country=US")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {r["title"] for r in rows} == {m.title for m in Meeting.objects.published()}
    assert client.get("/meetings/?format=json&accounts=never").status_code == 400
    assert (
        "There is no choice of accounts \u201cnever\u201d"
        in client.get("/meetings/?accounts=never").content.decode()
    )


def test_the_accounts_facet_is_offered(client, seed):
    page = client.get("/meetings/").content.decode()
    assert "Accounts of the meeting" in page
    assert "One side\u2019s account missing" in page
