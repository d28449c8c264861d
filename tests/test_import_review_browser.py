"""The import review in a real browser (Debian's Chromium): the seed's dispatch fits a
1280-pixel screen with the admin's sidebar open and a phone without sideways scrolling, the
importer's doubts stay beside their claims, and a claim's issues are found by typing, as on
the claim's own form, and saved."""

from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

SEED = Path(__file__).parents[1] / "seeds" / "memri-special-dispatch-9249.txt"
PASSWORD = "pw-12345!"


@pytest.fixture
def editor_and_vocabulary(transactional_db, django_user_model) -> None:
    """An editor and an archive that knows MEMRI and a few issues, made before the browser
    starts (see `spoken_by_blinken` in tests/test_browser.py)."""
    from archive.models import Issue, Publisher

    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    Publisher.objects.create(name="Middle East Media Research Institute (MEMRI)")
    for name in ["Taiwan", "Climate change", "Xinjiang", "Hong Kong", "Consular affairs"]:
        Issue.objects.create(name=name)


def test_the_review_fits_the_screen_and_finds_issues_by_typing(
    live_server, editor_and_vocabulary, browser
):
    from archive.models import Claim

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: refused.append(str(error)))
    page.goto(live_server.url + "/admin/login/?next=/admin/archive/report/import/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("Paste the text").fill(SEED.read_text())
    page.get_by_role("button", name="Read the text").click()
    page.wait_for_selector("#claim-0")

    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    # The importer's doubt is shown with its claim, within the screen.
    doubtful = page.locator("tr[id^=claim-].doubtful").first
    note = doubtful.locator(".import-doubt")
    assert note.inner_text().startswith("Check who said it:")
    doubtful.scroll_into_view_if_needed()
    assert note.is_visible()
    box = note.bounding_box()
    assert box["x"] + box["width"] <= 1280

    # A claim the importer tagged with no issue: the editor types and picks one.
    row = page.locator("tr", has=page.locator("textarea", has_text="consular missions"))
    row.locator(".select2-selection").click()
    with page.expect_response(lambda response: "term=consul" in response.url):
        page.keyboard.type("consul")
    page.locator(".select2-results__option", has_text="Consular affairs").click()
    row.locator(".select2-selection__choice", has_text="Consular affairs").wait_for()

    page.get_by_label("Publisher:", exact=True).select_option(
        label="Middle East Media Research Institute (MEMRI)"
    )
    page.get_by_role("button", name="Save as drafts").click()
    page.wait_for_url("**/admin/archive/report/*/change/")
    assert refused == []
    claim = Claim.objects.get(text__contains="consular missions")
    assert list(claim.issues.values_list("name", flat=True)) == ["Consular affairs"]
    page.close()


def test_on_a_phone_the_review_folds_into_labelled_fields(
    live_server, editor_and_vocabulary, browser
):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(live_server.url + "/admin/login/?next=/admin/archive/report/import/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("Paste the text").fill(SEED.read_text())
    page.get_by_role("button", name="Read the text").click()
    page.wait_for_selector("#claim-0")

    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    claim = page.locator("#claim-0")
    assert claim.get_by_text("Text (verbatim from the report)").is_visible()
    assert claim.get_by_label("Speaker").is_visible()
    page.close()
