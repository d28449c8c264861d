import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET

import pytest

from archive.exports import CLAIM_COLUMNS
from archive.models import Claim, Issue
from tests.factories import make_meeting

ATOM = "{http://www.w3.org/2005/Atom}"


def page_of(client, query: str = "") -> str:
    response = client.get("/claims/?" + query)
    assert response.status_code == 200
    return response.content.decode()


def json_of(client, query: str = "") -> dict:
    response = client.get("/claims/?format=json&" + query)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def csv_of(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_list_shows_every_published_claim_with_facets(client, seed):
    page = page_of(client)
    assert "70 claims" in page
    assert 'id="facet-issue"' in page and 'id="facet-kind"' in page
    assert "Page 1 of 3" in page
    assert 'href="/claims/?issue=bilateral-relations"' in page


def test_choosing_values_narrows_and_shows_removable_chips(client, seed):
    page = page_of(client, "issue=taiwan&country=CN")
    taiwan_by_china = Claim.objects.published().filter(
        issues__slug="taiwan", delegation__country="CN"
    )
    assert f"{taiwan_by_china.count()} claims" in page
    chips = page[page.index('class="chips"') :]
    assert 'aria-label="Remove Issue: Taiwan" ' not in chips  # the label is on the link
    assert 'href="/claims/?country=CN" rel="nofollow" aria-label="Remove Issue: Taiwan"' in chips
    assert 'href="/claims/" rel="nofollow">Clear all</a>' in chips


def test_a_chosen_value_with_no_results_stays_so_it_can_be_removed(client, seed):
    data = json_of(client, "country=US&kind=warning&issue=taiwan")
    assert data["total"] == 0
    kinds = {c["value"]: c for c in data["facets"]["kind"]}
    assert kinds["warning"] == {
        "value": "warning",
        "label": "Warning",
        "count": 0,
        "selected": True,
    }
    page = page_of(client, "country=US&kind=warning&issue=taiwan")
    assert 'href="/claims/?country=US&amp;issue=taiwan" aria-current="true"' in page
    assert "No claim matches all these filters." in page


def test_json_carries_total_links_facets_and_rows(client, seed):
    data = json_of(client, "issue=taiwan")
    assert data["total"] == 4 and data["pages"] == 1
    assert data["filters"] == {"issue": ["taiwan"]}
    assert data["links"]["self"] == "http://testserver/claims/?format=json&issue=taiwan"
    assert data["links"]["csv"] == "http://testserver/claims/?format=csv&issue=taiwan"
    issue_values = {c["value"]: c for c in data["facets"]["issue"]}
    assert issue_values["taiwan"]["selected"] and issue_values["hong-kong"]["count"] == 6
    assert {"2021"} == {c["value"] for c in data["facets"]["year"]}
    row = data["results"][0]
    assert list(row) == list(CLAIM_COLUMNS)
    assert row["permalink"].startswith("http://testserver/claims/")
    assert "Taiwan" in row["issues"]


def test_json_pages_link_to_each_other(client, seed):
    first = json_of(client, "per_page=30")
    assert first["pages"] == 3 and first["links"]["previous"] is None
    second = client.get(first["links"]["next"].removeprefix("http://testserver"))
    data = json.loads(second.content)
    assert data["page"] == 2 and data["links"]["previous"] == first["links"]["self"]
    ids = {r["claim_id"] for r in first["results"]} | {r["claim_id"] for r in data["results"]}
    assert len(ids) == 60


def test_csv_holds_every_matching_claim_with_the_documented_columns(client, seed):
    rows = csv_of(client, "/claims/?format=csv&country=CN")
    assert len(rows) == 58
    assert list(rows[0]) == list(CLAIM_COLUMNS)
    lie = next(r for r in rows if "biggest lie" in r["text"])
    assert lie["side"] == "China" and lie["side_country"] == "CN"
    assert lie["meeting_start"] == "2021-03-18" and lie["report_date"]
    assert "MEMRI" in lie["publisher"]
    assert lie["issues"]


def test_csv_streams_without_loading_everything(client, seed, django_assert_max_num_queries):
    for _ in range(3):
        make_meeting(claims=30)
    client.get("/claims/")  # brings the facet tables to the new revision
    with django_assert_max_num_queries(6):
        rows = csv_of(client, "/claims/?format=csv")
    assert len(rows) == 160


def test_the_feed_follows_the_filters(client, seed):
    page = page_of(client, "issue=taiwan&country=CN")
    assert (
        '<link rel="alternate" type="application/atom+xml" title="New claims in this list" '
        'href="/claims/feed/?country=CN&amp;issue=taiwan">' in page
    )
    response = client.get("/claims/feed/?issue=taiwan&country=CN")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert (
        len(entries)
        == Claim.objects.published().filter(issues__slug="taiwan", delegation__country="CN").count()
    )
    assert "Taiwan" in feed.find(f"{ATOM}title").text
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link.startswith("http://testserver/claims/")
    # Atom: ids are absolute, and the feed's own address keeps its filters.
    assert all(e.find(f"{ATOM}id").text.startswith("http://testserver/claims/") for e in entries)
    self_link = next(x for x in feed.findall(f"{ATOM}link") if x.get("rel") == "self")
    assert self_link.get("href") == "http://testserver/claims/feed/?country=CN&issue=taiwan"


def test_a_feed_of_a_search(client, seed):
    feed = ET.fromstring(client.get("/claims/feed/?q=biggest+lie").content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1 and "biggest lie" in entries[0].find(f"{ATOM}summary").text
    self_link = next(x for x in feed.findall(f"{ATOM}link") if x.get("rel") == "self")
    assert self_link.get("href") == "http://testserver/claims/feed/?q=biggest+lie"


def test_a_feed_of_words_that_search_nothing_is_refused_not_widened(client, seed):
    response = client.get("/claims/feed/?q=*")
    assert response.status_code == 400
    assert "holds no word to look for" in response.content.decode()
    assert client.get("/claims/feed/?q=").status_code == 200  # no words: every claim


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("issue=atlantis", "There is no issue \u201catlantis\u201d in the archive"),
        ("country=ZZ", "There is no side \u201cZZ\u201d"),
        ("from=yesterday", "\u201cyesterday\u201d is not a date"),
        ("from=2022&to=2021", "the two dates were swapped"),
        ("sort=random", "There is no sort order \u201crandom\u201d"),
        ("sort=newest&sort=oldest", "\u201csort\u201d was given 2 times"),
        ("page=999", "There is no page 999 of this list"),
        ("page=abc", "There is no page \u201cabc\u201d"),
    ],
)
def test_bad_input_gets_a_message_on_the_page_and_a_400_for_machines(client, seed, query, message):
    response = client.get("/claims/?" + query)
    assert response.status_code == 200
    assert message in response.content.decode()
    for fmt in ("json",) if "page" in query else ("json", "csv"):  # a CSV has no pages
        machine = client.get(f"/claims/?format={fmt}&" + query)
        assert machine.status_code == 400
        assert any(message in e for e in json.loads(machine.content)["errors"])


def test_an_unknown_format_is_a_400_that_names_the_formats(client, seed):
    response = client.get("/claims/?format=xml")
    assert response.status_code == 400
    assert "use one of: html, csv, json" in response.content.decode()
    assert client.get("/claims/feed/?issue=atlantis").status_code == 400


def test_parameter_order_does_not_change_the_result(client, seed):
    one = json_of(client, "issue=taiwan&kind=position&country=CN")
    other = json_of(client, "country=CN&kind=position&issue=taiwan")
    assert one == other


def test_query_count_is_fixed_as_the_archive_grows(client, seed, django_assert_max_num_queries):
    # The first request after a change brings the facet tables to the current revision: the
    # changes, the labels of the changed rows, the changed claims with their sides,
    # speakers, reports and issues, the changed meetings with theirs; whatever the size.
    # Then the chosen values, the revision, the page and its issues.
    after_a_change, otherwise = 20, 4
    query = "/claims/?issue=taiwan&issue=hong-kong&country=CN&from=2020"
    with django_assert_max_num_queries(after_a_change):
        client.get(query)
    with django_assert_max_num_queries(otherwise):
        client.get("/claims/?format=json&kind=position")
    for _ in range(4):
        make_meeting(claims=30)
    with django_assert_max_num_queries(after_a_change):
        client.get(query.replace("issue=taiwan&", "") + "&page=2")
    with django_assert_max_num_queries(otherwise):
        client.get(query + "&sort=oldest")


def test_a_second_visit_uses_the_kept_counts(client, seed, django_assert_max_num_queries):
    client.get("/claims/")
    with django_assert_max_num_queries(4):  # revision, ids, page, issues: nothing counted
        client.get("/claims/?page=2")


def test_the_histogram_bars_narrow_to_their_period(client, seed):
    make_meeting(claims=2, start=datetime.date(2025, 1, 9))
    page = page_of(client)
    # Over three years: one bar per year, each linking to its year.
    assert 'href="/claims/?year=2021" rel="nofollow" aria-label="2021: 70 results"' in page
    assert 'href="/claims/?year=2025" rel="nofollow" aria-label="2025: 2 results"' in page
    narrowed = page_of(client, "year=2021")
    assert "70 claims" in narrowed
    # Within a year: by month, linking to a from/to range.
    assert 'href="/claims/?from=2021-03&amp;to=2021-03"' in narrowed


def test_a_facet_shows_its_leading_values_and_a_link_to_all(client, seed):
    page = page_of(client)
    facet = page[page.index('id="facet-issue"') : page.index('id="facet-official"')]
    assert facet.count("<li") == 8
    assert 'href="/claims/?more=issue#facet-issue" rel="nofollow">22 more</a>' in facet
    whole = page_of(client, "more=issue")
    facet = whole[whole.index('id="facet-issue"') : whole.index('id="facet-official"')]
    assert facet.count("<li") == 30 and "more</a>" not in facet
    # A chosen value far down the list is shown too.
    last = json_of(client)["facets"]["issue"][-1]
    chosen = page_of(client, f"issue={last['value']}")
    facet = chosen[chosen.index('id="facet-issue"') : chosen.index('id="facet-official"')]
    assert facet.count("<li") == 9 and 'aria-current="true"' in facet


def test_a_repeated_date_uses_the_first_value_as_the_message_says(client, seed):
    page = page_of(client, "from=2021&from=2030")
    assert "\u201cfrom\u201d was given 2 times; the first value (\u201c2021\u201d) is used." in page
    assert "70 claims" in page


@pytest.mark.parametrize(
    "url",
    [
        "/claims/",
        "/claims/?format=csv",
        "/claims/?format=json",
        "/search/?q=China",
        "/claims/feed/",
    ],
)
def test_claim_listings_do_not_read_the_reports_whole_text(client, seed, url):
    """A dispatch's body (17 kB for the seed's) would otherwise come with every claim. (The
    search's passages of matching reports are cut from it in the database, by ts_headline.)"""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:  # the export's rows are read as it streams
            b"".join(response.streaming_content)
    assert response.status_code == 200
    read = [q["sql"] for q in queries.captured_queries if "ts_headline" not in q["sql"]]
    assert not [sql for sql in read if '"archive_report"."body"' in sql]


def test_a_claims_own_page_still_quotes_its_report_around_it(client, seed, biggest_lie):
    page = client.get(biggest_lie.get_absolute_url()).content.decode()
    report = biggest_lie.report.body
    before = report[max(0, biggest_lie.start - 60) : biggest_lie.start].split()[-3:]
    assert " ".join(before) in " ".join(page.split())


def test_a_renamed_records_old_slug_still_filters_lists_and_feeds(client, seed):
    """Bookmarked filters and feed subscriptions outlive a rename, as pages do."""
    taiwan = Issue.objects.get(slug="taiwan")
    before = json.loads(client.get("/claims/?format=json&issue=taiwan").content)["total"]
    taiwan.slug = "taiwan-question"
    taiwan.save()
    page = page_of(client, "issue=taiwan")
    assert "There is no issue" not in page
    assert 'href="/claims/feed/?issue=taiwan-question"' in page  # links use the slug now
    assert json.loads(client.get("/claims/?format=json&issue=taiwan").content)["total"] == before
    assert client.get("/claims/feed/?issue=taiwan").status_code == 200
    assert client.get("/meetings/?issue=taiwan&format=json").status_code == 200


def test_words_given_to_the_claims_list_go_to_the_search_with_the_filters(client, seed):
    response = client.get("/claims/?q=Taiwan&country=CN")
    assert response.status_code == 302
    assert response["Location"] == "/search/?q=Taiwan&country=CN"
