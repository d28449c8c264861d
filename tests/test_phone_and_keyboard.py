"""The listings on a phone and from a keyboard, in a real browser (Debian's Chromium) with
JavaScript off: the in-page links need none. "Filters" reaches the facets that a phone shows
after the results; "Skip to results" puts the next Tab in the first result; chips and other
tap targets are at least 24 by 24 CSS pixels (WCAG 2.5.8)."""

import pytest

from tests.conftest import ANCHORAGE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}
LISTINGS = ["/claims/", "/meetings/", "/search/?q=taiwan"]
# Links a finger taps, and the badges beside them.
TAP_TARGETS = [".tag", ".chip a", ".clear-all", ".facet li a", ".facet .more", ".badge"]


@pytest.fixture
def archive(transactional_db) -> None:
    """The seed, loaded before the browser starts (see `spoken_by_blinken` in
    tests/test_browser.py)."""
    from django.core.management import call_command

    call_command("loaddata", "anchorage-2021", verbosity=0)


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", LISTINGS)
def test_on_a_phone_the_filters_link_shows_and_reaches_the_facets(
    live_server, archive, phone, path
):
    phone.goto(live_server.url + path)
    facets = phone.locator("#facets").bounding_box()
    assert facets["y"] > phone.locator("#results-list").bounding_box()["y"]
    assert facets["y"] > PHONE["height"]  # below the results, out of sight

    filters = phone.get_by_role("link", name="Filters")
    assert filters.is_visible()
    assert filters.bounding_box()["y"] < PHONE["height"]  # on the first screen
    filters.click()

    top = phone.evaluate("document.getElementById('facets').getBoundingClientRect().top")
    assert 0 <= top < PHONE["height"] / 2
    assert phone.evaluate("document.activeElement.id") == "facets"
    # The next Tab goes to the facets' first link: back to the results.
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.textContent") == "Back to the results"


def test_on_a_wide_screen_the_facets_are_beside_the_results_and_need_no_link(
    live_server, archive, browser
):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/claims/")
    assert page.locator("#facets").is_visible()
    assert not page.get_by_role("link", name="Filters").is_visible()
    page.close()


@pytest.mark.parametrize("path", LISTINGS)
def test_skip_to_results_then_one_tab_lands_in_the_first_result(live_server, archive, phone, path):
    phone.goto(live_server.url + path)
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.textContent") == "Skip to content"
    phone.keyboard.press("Tab")
    skip = phone.get_by_role("link", name="Skip to results")
    assert skip.evaluate("link => link === document.activeElement")
    assert skip.is_visible()  # shown while it has the focus

    phone.keyboard.press("Enter")
    assert phone.evaluate("document.activeElement.id") == "results-list"
    phone.keyboard.press("Tab")

    in_first_result = phone.evaluate(
        """() => {
            const first = document.querySelector('#results-list > .claim, #results-list > li');
            return first.contains(document.activeElement);
        }"""
    )
    assert in_first_result


@pytest.mark.parametrize(
    "path", ["/claims/?issue=xinjiang", "/search/?q=taiwan", f"/meetings/{ANCHORAGE}/"]
)
def test_chips_and_badges_are_at_least_24_by_24_pixels(live_server, archive, phone, path):
    phone.goto(live_server.url + path)
    sizes = {
        selector: phone.locator(selector).evaluate_all(
            """elements => elements.filter(e => e.offsetParent).map(e => {
                const box = e.getBoundingClientRect();
                return [box.width, box.height];
            })"""
        )
        for selector in TAP_TARGETS
    }
    measured = [size for found in sizes.values() for size in found]
    assert measured, f"no chip nor badge on {path}"
    small = {
        selector: found for selector, found in sizes.items() if found and min(map(min, found)) < 24
    }
    assert small == {}


@pytest.mark.parametrize(
    "path",
    [
        f"/meetings/{ANCHORAGE}/",
        f"/meetings/{ANCHORAGE}/compare/",
        "/countries/cn-us/",
        "/claims/24/",
        "/reports/memri-special-dispatch-9249/",
        *LISTINGS,
    ],
)
def test_no_page_scrolls_sideways_on_a_phone(live_server, archive, phone, path):
    phone.goto(live_server.url + path)
    # A wide table scrolls in its own box (.table-scroll), never the page.
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
