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


def test_every_claim_says_whose_account_it_comes_from(client, seed):
    from archive.models import Claim

    us = Claim.objects.get(text__startswith="The United States reiterated its adherence")
    china = Claim.objects.filter(delegation__country="CN").first()
    line = "China\u2019s account, via Xinhua, published by MEMRI"
    assert us.report.provenance == line
    # China's account puts these words in the U.S. side's mouth: the page says so.
    assert us.reported_by == "China"
    assert china.reported_by == ""
    page = client.get(us.get_absolute_url()).content.decode()
    assert line.replace("\u2019", "&#x27;") in page or line in page
    assert "as reported by China" in page
    for listing in ("/claims/", "/search/?q=one-China+policy", "/issues/taiwan/"):
        shown = client.get(listing).content.decode()
        assert "as reported by China" in shown, listing
        assert "via Xinhua, published by MEMRI" in shown, listing
    # The citation names the account: on the page and in the file a reference manager reads.
    chicago = page.split('id="cite-chicago">')[1].split("</p>")[0]
    assert "via Xinhua, published by MEMRI, as reported by China." in chicago
    ris = client.get(f"/claims/{us.pk}/cite.ris").content.decode()
    assert "as reported by China" in ris
    exported = client.get("/claims/?format=json&country=US").json()["results"]
    row = next(r for r in exported if r["claim_id"] == us.pk)
    assert (row["account"], row["reported_by"]) == (line, "China")


def test_an_independent_report_is_its_publishers_report(db):
    meeting = make_meeting()
    report = meeting.reports.first()
    report.issued_by = ""
    report.relayed_by = None
    assert report.provenance == f"{report.publisher.short_name}\u2019s report"
    claim = report.claims.first()
    claim.report = report
    assert claim.reported_by == ""


def test_a_claim_in_the_publishers_introduction_is_nobodys_account(client, seed):
    from archive.models import Claim

    # "talks described by Washington as 'tough and direct'": MEMRI's words, before the
    # ministry's account it relays.
    tough = Claim.objects.get(text="tough and direct")
    assert tough.in_introduction
    assert tough.reported_by == ""
    assert tough.provenance == "MEMRI\u2019s introduction to the account it relays"
    page = client.get(tough.get_absolute_url()).content.decode()
    assert "as reported by China" not in page
    assert "China\u2019s account" not in page.split('class="provenance">')[1].split("<")[0]
    feed = client.get("/claims/feed/?country=US").content.decode()
    assert "tough and direct" in feed and "as reported by China: \u201cThe United States" in feed
