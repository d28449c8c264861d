import re

import pytest

from archive.models import Claim, Issue, Person, Status
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def test_the_list_shows_officials_with_their_latest_title(client, seed):
    page = client.get("/officials/").content.decode()
    assert "6 officials" in page
    assert "Antony Blinken" in page and "Secretary of State" in page
    assert "Xi Jinping" in page


def row_of(page: str, name: str) -> list[str]:
    """The cells after the name in an official's row of the list."""
    row = page[page.index(f">{name}<") :]
    return re.findall(r"<td>(.*?)</td>", row[: row.index("</tr>")])


def test_the_list_counts_the_claims_of_each_officials_side(client, seed):
    page = client.get("/officials/").content.decode()
    # One meeting; the U.S. side's two claims at Anchorage; none names him.
    _title, meetings, side, by_name = row_of(page, "Antony Blinken")
    assert (meetings, side) == ("1", "2")
    assert "—" in by_name and "none" in by_name
    assert row_of(page, "Wang Yi")[1:3] == ["1", "58"]
    assert row_of(page, "Joe Biden")[1:3] == ["1", "0"]  # the call: no claim in the archive


def test_the_list_counts_the_claims_that_name_an_official(client, blinken_speaking):
    page = client.get("/officials/").content.decode()
    assert row_of(page, "Antony Blinken")[1:] == ["1", "3", "1"]


def test_the_official_page_shows_aliases_meetings_and_titles_then(client, blinken):
    page = client.get("/officials/antony-blinken/").content.decode()
    assert "Also written: Anthony Blinken" in page
    assert "China-U.S. High-Level Strategic Dialogue" in page
    assert "Secretary of State" in page
    assert "No claim in the archive is attributed to Antony Blinken by name" in page


def test_attributed_claims_are_grouped_by_issue(client, db):
    meeting = make_meeting(claims=6)
    speaker = meeting.claims.filter(speaker__isnull=False).first().speaker.person
    page = client.get(speaker.get_absolute_url()).content.decode()
    issue = meeting.claims.first().issues.get()
    assert f'<a href="{issue.get_absolute_url()}">{issue.name}</a>' in page
    for claim in meeting.claims.filter(speaker__person=speaker):
        assert claim.get_absolute_url() in page


def test_officials_of_draft_meetings_are_not_found(client, db):
    draft = make_meeting(status=Status.DRAFT)
    person = draft.participations.first().person
    assert client.get(person.get_absolute_url()).status_code == 404
    assert person.name not in client.get("/officials/").content.decode()


def test_query_counts_are_fixed(client, blinken, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        client.get("/officials/antony-blinken/")
    with django_assert_max_num_queries(3):
        client.get("/officials/")
    busy = make_meeting(claims=40)
    for _ in range(4):
        make_meeting()
    person = busy.participations.first().person
    with django_assert_max_num_queries(7):  # with claims: count, page, timeline, issue names
        assert client.get(person.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(3):
        client.get("/officials/")


def test_an_officials_timeline_splits_their_claims_by_issue(client, db):
    meeting = make_meeting(claims=6)
    speaker = meeting.claims.filter(speaker__isnull=False).first().speaker.person
    page = client.get(speaker.get_absolute_url()).content.decode()
    issue = meeting.claims.first().issues.get()
    assert 'role="img"' in page
    assert f"</span>{issue.name}</li>" in page  # the legend names the issue
    assert "?month=" not in page  # the official page has no month filter to link to


def test_the_side_claim_counts_link_to_the_claims_they_count(client, seed):
    import re

    page = client.get("/officials/wang-yi/").content.decode()
    links = re.findall(r'<a href="(/claims/\?meeting=[^"]+)">(\d+)<', page)
    assert links
    for url, count in links:
        listed = client.get(url.replace("&amp;", "&")).content.decode()
        assert f">{count} claim" in listed, url


@pytest.fixture
def blinken_on_two_issues(blinken_speaking) -> Claim:
    """Blinken's claim on Taiwan and on trade, and one on trade alone."""
    taiwan, trade = Issue.objects.get(slug="taiwan"), Issue.objects.get(slug="trade-and-economy")
    blinken_speaking.issues.set([taiwan, trade])
    also = Claim.objects.create(
        report=blinken_speaking.report,
        text="the United States",
        delegation=blinken_speaking.delegation,
        speaker=blinken_speaking.speaker,
    )
    also.issues.set([trade])
    return blinken_speaking


def test_a_claim_on_two_issues_is_counted_once_in_its_bar(client, blinken_on_two_issues):
    """Two claims in March 2021, one on two issues: the bar has two claims, not three."""
    page = client.get("/officials/antony-blinken/").content.decode()
    assert "the busiest month has 2." in page
    # Trade and economy, the issue of both, comes first and takes both: Taiwan has no
    # claim of its own left to show (the old counting drew a bar of three).
    assert '<th scope="row">March 2021</th><td>2</td><td>2</td></tr>' in page
    assert "Taiwan" not in page[page.index('<ul class="legend">') : page.index("</ul>")]


def test_an_officials_months_are_counted_in_two_queries(blinken_on_two_issues):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from archive.views.officials import issue_timeline

    attributed = Claim.objects.published().by(Person.objects.get(slug="antony-blinken"))
    with CaptureQueriesContext(connection) as queries:
        timeline = issue_timeline(attributed)
    assert len(queries) == 2
    assert [bar.total for bar in timeline.bars if bar.total] == [2]
