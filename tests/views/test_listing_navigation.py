"""Phones and keyboards on the faceted listings (claims, meetings, search): "Skip to results"
right after the site's skip link, and a "Filters" link to the facets; both plain in-page
links to elements the page has. tests/test_phone_and_keyboard.py walks them in a browser."""

from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db

LISTINGS = [
    "/claims/",
    "/meetings/",
    "/search/?q=taiwan",
    "/search/?q=zzzzqqq",  # no claim: the list says so, and how to search otherwise
    "/claims/?issue=xinjiang",
]


class Page(HTMLParser):
    """The ids of a page's elements, and its links and focusable elements in document order
    (each a tag and its attributes)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: dict[str, tuple[str, dict]] = {}
        self.links: list[tuple[dict, str]] = []  # (attributes, text)
        self.focusable: list[dict] = []
        self._open_link: tuple[dict, list[str]] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if "id" in attributes:
            self.ids[attributes["id"]] = (tag, attributes)
        if (
            tag in ("a", "button", "input", "select", "summary")
            and attributes.get("type") != "hidden"
        ):
            self.focusable.append(attributes)
        if tag == "a":
            self._open_link = (attributes, [])

    def handle_data(self, data: str) -> None:
        if self._open_link is not None:
            self._open_link[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open_link is not None:
            attributes, text = self._open_link
            self.links.append((attributes, "".join(text).strip()))
            self._open_link = None

    def link(self, text: str) -> dict:
        found = [attributes for attributes, label in self.links if label.startswith(text)]
        assert len(found) == 1, f"{len(found)} links say {text!r}"
        return found[0]


def page_of(client, url: str) -> Page:
    response = client.get(url)
    assert response.status_code == 200
    return Page(response.content.decode())


@pytest.mark.parametrize("url", LISTINGS)
def test_skip_to_results_comes_right_after_the_sites_skip_link_and_lands_on_the_list(
    client, seed, url
):
    page = page_of(client, url)

    first, second = page.focusable[:2]
    assert first["href"] == "#main"
    assert second == page.link("Skip to results")
    _, target = page.ids[second["href"].removeprefix("#")]
    # A list focusable by script only (tabindex -1), so that the next Tab is its first link.
    assert target["tabindex"] == "-1"
    assert "results-list" in target["class"]
    assert target["aria-labelledby"] in page.ids  # named by the results' count


@pytest.mark.parametrize("url", LISTINGS)
def test_a_filters_link_leads_to_the_facets_and_back(client, seed, url):
    page = page_of(client, url)

    filters = page.link("Filters")
    tag, facets = page.ids[filters["href"].removeprefix("#")]
    assert (tag, facets["class"], facets["tabindex"]) == ("aside", "facets", "-1")
    back = page.link("Back to the results")
    assert back["href"].removeprefix("#") in page.ids


def test_the_filters_link_says_how_many_filters_are_chosen(client, seed):
    assert page_of(client, "/claims/").link("Filters")
    chosen = page_of(client, "/claims/?issue=xinjiang&kind=denial")
    assert [text for _, text in chosen.links if text.startswith("Filters")] == [
        "Filters (2 chosen)"
    ]


def test_the_search_page_before_a_search_offers_no_skip_to_results(client, seed):
    page = page_of(client, "/search/")
    assert not [text for _, text in page.links if text == "Skip to results"]
    assert "results-list" not in page.ids
