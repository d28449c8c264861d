"""Both sides of one meeting side by side."""

import re

import pytest

from archive.models import Claim, Issue, Publisher, Report, Status
from tests.conftest import ANCHORAGE
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db

URL = f"/meetings/{ANCHORAGE}/compare/"


def section(page: str, slug: str) -> str:
    start = page.index(f'id="compare-{slug}"')
    following = page.find('<section class="compare-row"', start)
    return page[start : following if following > 0 else len(page)]


def columns(html: str) -> list[str]:
    return re.split(r'<div class="compare-column(?:"| )', html)[1:]


def test_each_sides_claims_stand_in_its_own_column(client, seed):
    page = client.get(URL).content.decode()
    china, america = columns(section(page, "taiwan"))
    assert "the Taiwan question bears on China" in china
    assert "reiterated its adherence to the one-China policy" in america
    assert "reiterated its adherence" not in china


def test_with_one_sides_account_only_the_page_never_says_only_that_side_raised_it(client, seed):
    page = client.get(URL).content.decode()
    # The seed holds China's account only: the U.S. may have raised Tibet in its own.
    assert "Only China\u2019s account of this meeting is in the archive" in page
    assert "raised Tibet" not in page
    assert "Nothing from this side on Tibet in the accounts the archive holds." in section(
        page, "tibet"
    )


def test_with_both_accounts_an_issue_raised_by_one_side_only_is_marked(client, db):
    meeting = make_meeting(claims=2, issue=Issue.objects.create(name="Fisheries"))
    first = meeting.reports.get()
    first.issued_by = "CN"
    first.save()
    Report.objects.create(
        publisher=first.publisher,
        meeting=meeting,
        title="The other side's readout",
        date=first.date,
        body="The talks were held.",
        issued_by="US",
        status=Status.PUBLISHED,
    )
    second_side_issue = Issue.objects.create(name="Whaling")
    meeting.claims.filter(delegation__side=1).first().issues.set([second_side_issue])
    page = client.get(f"/meetings/{meeting.slug}/compare/").content.decode()
    assert "account of this meeting is in the archive" not in page
    assert "Only China\u2019s claims are on Whaling, in both sides\u2019 accounts." in page


def test_joint_agreements_stand_across_both_columns(client, seed):
    climate = section(client.get(URL).content.decode(), "climate-change")
    joint = climate[climate.index('class="compare-joint"') :]
    assert "agreed to establish a joint working group on climate change" in joint


def test_the_meeting_page_links_to_the_comparison(client, seed):
    assert f'href="{URL}"' in client.get(f"/meetings/{ANCHORAGE}/").content.decode()


def test_by_report_shows_what_each_report_leaves_out(client, db):
    meeting = make_meeting(claims=3)
    first = meeting.reports.get()
    issue = Issue.objects.create(name="Fisheries")
    second = Report.objects.create(
        publisher=Publisher.objects.create(name="Other Wire"),
        meeting=meeting,
        title="Another readout",
        date=first.date,
        body="Both sides discussed fisheries.",
        status="published",
    )
    claim = Claim.objects.create(report=second, text="Both sides discussed fisheries.", joint=True)
    claim.issues.add(issue)
    page = client.get(f"{meeting.get_absolute_url()}compare/?by=report").content.decode()
    assert "What each report says" in page
    fisheries = section(page, "fisheries")
    other_wire, test_wire = sorted(columns(fisheries), key=lambda c: "Test Wire" in c)
    assert "This report says nothing on Fisheries." in test_wire
    assert "Both sides discussed fisheries." in other_wire
    assert "Only Other Wire reports on Fisheries." in fisheries


def test_an_old_slug_redirects_to_the_comparison(client, seed):
    from archive.models import Meeting

    meeting = Meeting.objects.get(slug=ANCHORAGE)
    meeting.slug = "anchorage-2021"
    meeting.save()
    response = client.get(URL)
    assert response.status_code == 301
    assert response["Location"] == "/meetings/anchorage-2021/compare/"


def test_query_count_is_fixed(client, seed, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get(URL)
    big = make_meeting(claims=60)
    url = f"{big.get_absolute_url()}compare/"
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200


def test_claims_without_an_issue_are_listed_last_not_left_out(client, seed, biggest_lie):
    """An import may save claims before an editor tags them."""
    biggest_lie.issues.clear()
    for url in (f"/meetings/{ANCHORAGE}/compare/", f"/meetings/{ANCHORAGE}/"):
        page = client.get(url).content.decode()
        assert "Not yet assigned to an issue" in page, url
        assert page.rindex("biggest lie") > page.index("Not yet assigned to an issue"), url
        assert f'href="/claims/{biggest_lie.pk}/"' in page, url


def test_a_third_governments_account_is_no_sides_own(client, db):
    meeting = make_meeting(claims=2)
    report = meeting.reports.get()
    report.issued_by = "JP"
    report.save()
    page = client.get(f"/meetings/{meeting.slug}/compare/").content.decode()
    assert "Neither side\u2019s own account of this meeting is in the archive" in page
