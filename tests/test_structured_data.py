"""Previews (Open Graph) and schema.org JSON-LD on the public pages."""

import json
import re

import pytest

from tests.conftest import ANCHORAGE

pytestmark = pytest.mark.django_db


def ld(page: str) -> dict:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(found) == 1
    return json.loads(found[0])


def meta(page: str, prop: str) -> str:
    match = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)"', page)
    assert match, prop
    return match.group(1)


def test_a_claim_is_a_quotation_in_a_report(client, biggest_lie):
    page = client.get(f"/claims/{biggest_lie.pk}/").content.decode()
    data = ld(page)
    assert data["@type"] == "Quotation"
    assert data["text"] == biggest_lie.text
    assert data["spokenByCharacter"] == {"@type": "Organization", "name": "Delegation of China"}
    assert data["isPartOf"]["@type"] == "Report"
    assert data["isPartOf"]["reportNumber"] == "Special Dispatch No. 9249"
    assert meta(page, "og:type") == "article"
    assert "biggest lie of the century" in meta(page, "og:description")
    assert meta(page, "og:site_name") == "Bilateral Meeting Archive"
    assert meta(page, "twitter:card") == "summary"


def test_a_named_speaker_is_a_person_with_the_title_then(client, blinken_speaking):
    data = ld(client.get(blinken_speaking.get_absolute_url()).content.decode())
    assert data["spokenByCharacter"]["@type"] == "Person"
    assert data["spokenByCharacter"]["name"] == "Antony Blinken"
    assert data["spokenByCharacter"]["jobTitle"] == "Secretary of State"


def test_a_meeting_is_an_event_with_location_and_attendees(client, seed):
    page = client.get(f"/meetings/{ANCHORAGE}/").content.decode()
    data = ld(page)
    assert data["@type"] == "Event"
    assert (data["startDate"], data["endDate"]) == ("2021-03-18", "2021-03-19")
    assert "Anchorage" in data["location"]["name"]
    assert {a["name"] for a in data["attendee"]} == {
        "Yang Jiechi",
        "Wang Yi",
        "Antony Blinken",
        "Jake Sullivan",
    }
    assert meta(page, "og:title").startswith("China-U.S. High-Level Strategic Dialogue")


def test_an_official_is_a_person_with_other_spellings(client, blinken):
    page = client.get(blinken.get_absolute_url()).content.decode()
    data = ld(page)
    assert data["@type"] == "Person"
    assert "Anthony Blinken" in data["alternateName"]
    assert meta(page, "og:type") == "profile"


def test_json_ld_cannot_be_closed_by_stored_text(client, dispatch, biggest_lie):
    dispatch.body += "\n\nA </script><script>alert(1)</script> & more."
    dispatch.save()
    from archive.models import Claim

    claim = Claim.objects.create(
        report=dispatch,
        text="A </script><script>alert(1)</script> & more.",
        delegation=biggest_lie.delegation,
    )
    page = client.get(claim.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in page
    assert ld(page)["text"] == claim.text


@pytest.mark.parametrize("url", ["/", f"/meetings/{ANCHORAGE}/", "/issues/taiwan/", "/officials/"])
def test_every_page_names_its_canonical_address(client, seed, url):
    page = client.get(url + "?utm_source=x&page=2").content.decode()
    match = re.search(r'<link rel="canonical" href="([^"]+)">', page)
    assert match and match.group(1) == f"http://testserver{url}?page=2"


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("/meetings/?utm_source=x&page=9", "/meetings/"),
        ("/claims/?utm_source=x&page=2&country=CN", "/claims/?country=CN&page=2"),
        (
            "/claims/?kind=demand&issue=taiwan&kind=warning",
            "/claims/?issue=taiwan&kind=demand&kind=warning",
        ),
        ("/claims/?country=CN&issue=taiwan", "/claims/?country=CN&issue=taiwan"),
    ],
)
def test_listings_name_the_page_they_show_with_sorted_filters(client, seed, url, canonical):
    """A listing's canonical address holds its filters in one order, and the page it
    actually shows (a page past the end shows the last)."""
    page = client.get(url).content.decode()
    match = re.search(r'<link rel="canonical" href="([^"]+)">', page)
    assert match and match.group(1).replace("&amp;", "&") == f"http://testserver{canonical}"
