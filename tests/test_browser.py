"""A reader's walk through the archive in a real browser (Debian's Chromium)."""

import re
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

    # The issues at the top narrow the page to their claims; each claim is shown once.
    page.locator(".issue-index").get_by_role("link", name="Xinjiang").click()
    page.wait_for_url("**/?issue=xinjiang*")
    lie = page.locator("article.claim", has_text="biggest lie of the century")
    assert lie.count() == 1
    lie.get_by_role("link", name=re.compile(r"^Claim \d+")).click()
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


@pytest.fixture
def editor_and_vocabulary(transactional_db, django_user_model):
    """An editor and an archive that knows MEMRI and two issues. Made before the browser
    starts (see `spoken_by_blinken`)."""
    from archive.models import Issue, Publisher

    django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-12345!")
    Publisher.objects.create(name="Middle East Media Research Institute (MEMRI)")
    for name in ["Taiwan", "Climate change"]:
        Issue.objects.create(name=name)


def test_an_editor_imports_the_seed_fixes_an_issue_and_publishes_it(
    live_server, editor_and_vocabulary, browser
):
    seed = (Path(__file__).parents[1] / "seeds" / "memri-special-dispatch-9249.txt").read_text()
    page = browser.new_page()
    page.goto(live_server.url + "/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("pw-12345!")
    page.get_by_role("button", name="Log in").click()

    page.goto(live_server.url + "/admin/archive/report/")
    page.get_by_role("link", name="Import a report").click()
    page.get_by_label("Paste the text").fill(seed)
    page.get_by_role("button", name="Read the text").click()
    page.wait_for_url("**/admin/archive/report/import/")
    assert page.locator("#id_title").input_value().startswith("Chinese Foreign")
    assert page.locator("#id_place").input_value() == "Anchorage, Alaska"

    page.get_by_label("Publisher:", exact=True).select_option(
        label="Middle East Media Research Institute (MEMRI)"
    )
    # The proposal tags no issue on the U.S. side's one claim: the editor adds Taiwan.
    row = page.locator("tr", has=page.locator("textarea", has_text="reiterated its adherence"))
    row.locator("select[name$='-issues']").select_option(label="Taiwan")
    page.get_by_role("button", name="Save as drafts").click()
    page.wait_for_url("**/admin/archive/report/*/change/")
    assert "as a draft with" in page.locator(".messagelist").inner_text()

    page.goto(live_server.url + "/admin/archive/report/")
    page.locator("input[name='_selected_action']").first.check()
    page.locator("select[name='action']").select_option(label="Publish selected reports")
    page.get_by_role("button", name="Run").click()
    assert "Published" in page.locator(".messagelist").inner_text()

    page.goto(live_server.url + "/admin/archive/claim/?q=reiterated+its+adherence")
    page.locator("#result_list tbody a").first.click()
    page.wait_for_url(re.compile(r".*/admin/archive/claim/\d+/change/.*"))
    claim_id = re.search(r"/claim/(\d+)/change/", page.url).group(1)
    page.close()

    visitor = browser.new_context().new_page()
    visitor.goto(f"{live_server.url}/claims/{claim_id}/")
    quote = visitor.locator("blockquote").inner_text()
    assert "The United States reiterated its adherence to the one-China policy" in quote
    assert visitor.get_by_role("link", name="Taiwan").first.is_visible()
    visitor.close()
