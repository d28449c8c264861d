"""A reader's walk through the archive in a real browser (Debian's Chromium)."""

from pathlib import Path

import pytest

from tests.conftest import ANCHORAGE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reader_walks_from_home_to_meeting_claim_official_and_issue(live_server, browser):
    from django.core.management import call_command

    call_command("loaddata", "anchorage-2021", verbosity=0)
    page = browser.new_page()
    page.goto(live_server.url + "/")
    assert "What each side said" in page.locator("h1").inner_text()

    page.get_by_role("link", name="China-U.S. High-Level Strategic Dialogue").first.click()
    page.wait_for_url(f"**/meetings/{ANCHORAGE}/")
    assert page.get_by_role("heading", name="Delegations").is_visible()
    assert page.get_by_text("State Councilor and Foreign Minister").is_visible()

    page.locator("#issue-xinjiang").get_by_role("link", name="Claim").first.click()
    page.wait_for_url("**/claims/*/")
    assert "biggest lie of the century" in page.locator("blockquote").inner_text()
    assert page.locator(".context mark").inner_text().startswith("the claim that there is")

    page.get_by_role("link", name="Xinjiang").first.click()
    page.wait_for_url("**/issues/xinjiang/")
    assert page.locator("h1").inner_text() == "Xinjiang"

    page.get_by_role("link", name="Officials").click()
    page.get_by_role("link", name="Antony Blinken").click()
    page.wait_for_url("**/officials/antony-blinken/")
    assert "Also written: Anthony Blinken" in page.content()

    # The search box in the header: results with highlights, then a claim's citation.
    page.get_by_label("Search the archive").fill("biggest lie")
    page.get_by_label("Search the archive").press("Enter")
    page.wait_for_url("**/search/?q=biggest+lie")
    assert page.locator(".search-claims mark").first.inner_text().lower() == "biggest"
    page.locator(".search-claims").get_by_role("link", name="Claim").first.click()
    page.wait_for_url("**/claims/*/")
    assert page.get_by_role("button", name="Copy Chicago citation").is_visible()
    assert page.locator("#cite-chicago").inner_text().startswith("Delegation of China.")

    # The phone layout folds the delegations into one column.
    page.set_viewport_size({"width": 380, "height": 800})
    page.goto(live_server.url + f"/meetings/{ANCHORAGE}/")
    boxes = [page.locator(".delegation").nth(i).bounding_box() for i in range(2)]
    assert boxes[1]["y"] > boxes[0]["y"]
    page.close()


@pytest.fixture
def spoken_by_blinken(transactional_db):
    """The seed and one claim attributed to Blinken by name. Made before the browser starts:
    ORM calls made while Playwright's event loop runs leave a database session open."""
    from django.core.management import call_command

    from archive.models import Claim, Issue, Participation, Report

    call_command("loaddata", "anchorage-2021", verbosity=0)
    blinken = Participation.objects.get(person__slug="antony-blinken", meeting__slug=ANCHORAGE)
    said = Claim.objects.create(
        report=Report.objects.get(slug="memri-special-dispatch-9249"),
        text="tough and direct",
        delegation=blinken.delegation,
        speaker=blinken,
    )
    said.issues.set([Issue.objects.get(slug="bilateral-relations")])


def test_a_researcher_narrows_the_claims_and_downloads_them(
    live_server, spoken_by_blinken, browser
):
    page = browser.new_page()
    page.goto(live_server.url + "/claims/")
    assert page.locator("#results-heading").inner_text() == "71 claims"

    issue_facet = page.locator("#facet-issue")
    issue_facet.get_by_role("link", name="Bilateral relations").click()
    page.wait_for_url("**/claims/?issue=bilateral-relations")
    assert page.locator("#results-heading").inner_text() == "29 claims"
    official = page.locator("#facet-official li", has_text="Antony Blinken")
    assert official.locator(".count").inner_text() == "1"

    official.get_by_role("link").click()
    page.wait_for_url("**/claims/?issue=bilateral-relations&official=antony-blinken")
    assert page.locator("#results-heading").inner_text() == "1 claim"
    assert page.locator(".claim blockquote").inner_text() == "tough and direct"
    assert page.locator(".chip").count() == 2

    page.get_by_role("link", name="Remove Issue: Bilateral relations").click()
    page.wait_for_url("**/claims/?official=antony-blinken")
    assert page.locator(".chip").count() == 1
    # The issue facet now counts within Blinken's claims.
    assert page.locator("#facet-issue li").count() == 1

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    header, row = text.splitlines()[:2]
    assert header.startswith("claim_id,permalink,text,side,")
    assert "tough and direct" in row and "Antony Blinken" in row
    page.close()
