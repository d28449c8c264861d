import datetime
import json

import pytest
from django.db.models import Q

from archive.filters import most_discussed, with_claim_counts
from archive.models import Claim, Issue
from archive.views.issues import claims_on
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def test_the_list_nests_narrower_issues_under_broader_ones(client, seed):
    page = client.get("/issues/").content.decode()
    assert page.index("Public health") < page.index("COVID-19")
    assert page.index("Regional issues") < page.index("Myanmar")
    assert "Antarctica" not in page


def test_the_issue_page_lists_claims_across_meetings_by_side_and_date(client, seed):
    taiwan = Issue.objects.get(slug="taiwan")
    later = make_meeting(issue=taiwan, claims=3)
    page = client.get("/issues/taiwan/").content.decode()
    assert "Also called:" in page and "Taiwan question" in page
    assert "7 claims" in page  # four from Anchorage, three from the later meeting
    assert page.index(later.title) < page.index("China-U.S. High-Level Strategic Dialogue")
    assert "reiterated its adherence to the one-China policy" in page
    assert 'class="side-mark mark-0">United States of America<' in page


def test_a_broader_issue_includes_its_narrower_issues_claims(client, seed):
    page = client.get("/issues/public-health/").content.decode()
    assert "COVID-19 vaccination of each side" in page
    assert 'href="/issues/covid-19/"' in page


def test_an_issue_without_published_claims_is_not_found(client, seed):
    Issue.objects.create(name="Antarctica")
    assert client.get("/issues/antarctica/").status_code == 404


def test_query_counts_are_fixed(client, seed, django_assert_max_num_queries):
    # The issue's timeline, claims and narrower issues' counts come from the facet tables,
    # brought up to date by the first request after a change (see the claims list); then
    # the issue and its aliases, the revision and the chosen issue for each of its three
    # filter sets (timeline, list, narrower issues' counts), the page's claims and issues.
    taiwan = Issue.objects.get(slug="taiwan")
    client.get("/claims/")
    with django_assert_max_num_queries(10):
        client.get("/issues/taiwan/")
    with django_assert_max_num_queries(2):
        client.get("/issues/")
    for _ in range(5):
        make_meeting(issue=taiwan, claims=12)
    client.get("/claims/")
    with django_assert_max_num_queries(10):
        assert client.get("/issues/taiwan/?page=2").status_code == 200
    with django_assert_max_num_queries(2):
        client.get("/issues/")


def test_a_bad_page_number_gets_a_real_page(client, seed):
    for page in ("abc", "999", "-1", "1.5"):
        response = client.get(f"/issues/taiwan/?page={page}")
        assert response.status_code == 200


def test_the_timeline_counts_the_issues_claims_by_month_and_side(client, seed):
    page = client.get("/issues/taiwan/").content.decode()
    assert 'role="img"' in page and '<title id="timeline-title">' in page
    assert 'href="?month=2021-03#claims-list"' in page
    assert "<td>3</td><td>1</td><td>0</td>" in page  # China, United States, joint


def test_a_bar_narrows_the_list_to_its_month(client, seed):
    from archive.models import Issue

    make_meeting(issue=Issue.objects.get(slug="taiwan"), claims=3)
    page = client.get("/issues/taiwan/?month=2021-03").content.decode()
    assert "4 claims at meetings of March 2021" in page
    assert "Test talks" not in page.split('id="claims-list"')[1]
    assert "is not a month" in client.get("/issues/taiwan/?month=2021-13").content.decode()


def test_timeline_counts_equal_the_facet_counts_for_the_same_filter(client, seed):
    """Each bar of an issue's timeline counts what the claims listing finds for that issue,
    side's country and month."""
    taiwan = Issue.objects.get(slug="taiwan")
    for start in (datetime.date(2022, 1, 5), datetime.date(2022, 1, 20), datetime.date(2022, 3, 2)):
        make_meeting(claims=4, start=start, issue=taiwan)
    rows = claims_on(taiwan).monthly_counts_by("country")
    assert len(rows) >= 5
    for month, country, claims in rows:
        query = f"issue=taiwan&country={country}&from={month:%Y-%m}&to={month:%Y-%m}"
        data = json.loads(client.get("/claims/?format=json&" + query).content)
        assert data["total"] == claims, query


def test_a_claim_tagged_with_two_narrower_issues_counts_once_everywhere(client, seed):
    """Bilateral relations holds claims tagged with several of its narrower issues: its
    timeline, its list, the issues list and the home page all count each such claim once."""
    broader = Issue.objects.get(slug="bilateral-relations")
    family = Claim.objects.published().filter(Q(issues=broader) | Q(issues__parent=broader))
    distinct = family.distinct().count()
    assert family.count() > distinct  # the seed has such claims: the test means something
    assert claims_on(broader).total() == distinct
    timeline_total = sum(n for _, _, n in claims_on(broader).monthly_counts_by("country"))
    assert timeline_total == distinct
    (counted,) = with_claim_counts([broader])
    assert counted.claim_count == distinct
    page = client.get("/issues/bilateral-relations/").content.decode()
    assert f"{distinct} claims" in page
    listed = most_discussed(Issue.objects.published())
    assert next(i for i in listed if i.pk == broader.pk).claim_count == distinct
    assert f"{distinct} claims" in client.get("/").content.decode()
