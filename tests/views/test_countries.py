"""The country-pair page: meetings of two countries and whose claims are on which issue."""

import re

import pytest

from archive.models import Issue
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def row(page: str, issue: str) -> list[str]:
    match = re.search(rf">{re.escape(issue)}</a></th>(.*?)</tr>", page, re.S)
    assert match, issue
    return re.findall(r"<td>(?:<a [^>]*>)?(\d+)", match.group(1))


def test_the_pair_page_counts_each_sides_claims_per_issue(client, seed):
    page = client.get("/countries/cn-us/").content.decode()
    assert "<h1>China and United States of America</h1>" in page
    assert "2 meetings" in page and "70 claims" in page
    assert row(page, "Taiwan") == ["3", "1", "0", "4"]
    assert row(page, "Climate change") == ["1", "0", "2", "3"]
    assert "70 of the 70 claims name no individual speaker" in page


def test_counts_agree_with_the_issue_pages(client, seed):
    page = client.get("/countries/cn-us/").content.decode()
    total = int(row(page, "Xinjiang")[-1])
    issue_page = client.get("/issues/xinjiang/").content.decode()
    assert f"{total} claim" in issue_page


def test_other_pairs_stay_apart(client, seed):
    taiwan = Issue.objects.get(slug="taiwan")
    make_meeting(countries=("GB", "US"), claims=3, issue=taiwan)
    page = client.get("/countries/cn-us/").content.decode()
    assert row(page, "Taiwan") == ["3", "1", "0", "4"]
    other = client.get("/countries/gb-us/").content.decode()
    assert "1 meeting" in other


def test_addresses_are_canonical_and_bad_ones_explained(client, seed):
    response = client.get("/countries/us-cn/")
    assert response.status_code == 301 and response["Location"] == "/countries/cn-us/"
    assert client.get("/countries/CN-US/")["Location"] == "/countries/cn-us/"
    for bad in ("xx-us", "cn", "cn-cn", "cn-us-fr", "fr-de"):
        assert client.get(f"/countries/{bad}/").status_code in {301, 404}
    assert client.get("/countries/de-fr/").status_code == 404


def test_the_meeting_page_links_to_its_pair(client, seed):
    page = client.get("/meetings/2021-03-18-china-us-high-level-strategic-dialogue/")
    assert 'href="/countries/cn-us/"' in page.content.decode()


def test_query_count_is_fixed(client, seed, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):
        client.get("/countries/cn-us/")
    for _ in range(4):
        make_meeting(claims=10)
    with django_assert_max_num_queries(9):
        client.get("/countries/cn-us/")


def test_the_pair_page_counts_meetings_with_both_governments_accounts(client, seed):
    from archive.models import Publisher, Report

    page = client.get("/countries/cn-us/").content.decode()
    assert "0 of the 2 meetings have a report from each government" in page
    meeting = make_meeting(claims=2)
    first = meeting.reports.get()
    first.issued_by = "CN"
    first.save()
    Report.objects.create(
        publisher=Publisher.objects.create(name="State Department"),
        meeting=meeting,
        title="Readout",
        date=first.date,
        body="Text.",
        issued_by="US",
        status="published",
    )
    page = client.get("/countries/cn-us/").content.decode()
    assert "1 of the 3 meetings has a report from each government" in page


def test_every_count_on_the_pair_page_links_to_the_claims_it_counts(client, seed):
    import re

    page = client.get("/countries/cn-us/").content.decode()
    links = re.findall(r'<a href="(/countries/cn-us/claims/\?[^"]+)">(\d+)<', page)
    assert links, "the table's counts are links"
    assert any("side=joint" in url for url, _ in links)
    assert any("side=us" in url for url, _ in links)
    for url, count in links:
        listed = client.get(url.replace("&amp;", "&"))
        assert listed.status_code == 200
        heading = re.search(r"<h1>(\d+) claim", listed.content.decode())
        assert heading.group(1) == count, url


def test_the_pair_claims_page_refuses_what_it_does_not_know(client, seed):
    response = client.get("/countries/cn-us/claims/?side=ru&issue=no-such-issue")
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is no issue \u201cno-such-issue\u201d." in page
    assert "neither of the two countries" in page
    assert client.get("/countries/us-cn/claims/?issue=taiwan")["Location"] == (
        "/countries/cn-us/claims/?issue=taiwan"
    )
    assert client.get("/countries/cn-xx/claims/").status_code == 404


def test_the_pair_claims_page_of_countries_that_never_met_is_not_found(client, seed):
    assert client.get("/countries/de-fr/claims/").status_code == 404
    upper = client.get("/countries/cn-us/claims/?side=CN")
    assert upper.status_code == 200
    assert "claims by China" in upper.content.decode()
    joint = client.get("/countries/cn-us/claims/?side=joint").content.decode()
    assert "of both sides" in joint and "by Both sides" not in joint
