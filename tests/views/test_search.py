import csv
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_meeting

pytestmark = pytest.mark.django_db

HOSTILE = [
    '"unbalanced',
    "-",
    "OR OR",
    "*",
    "NEAR(",
    "AND",
    "column:value",
    "'; DROP TABLE archive_claim; --",
    "x" * 10_000,
    "",
    "the of",
    "\U0001f600\U0001f30f",
    "\u4e2d\u56fd\u5916\u4ea4\u90e8",
    "climate\x00change",
    "\x00",
    "%",
    "_",
    "\\",
    "{text}: climate",
    "^climate",
    "climate NOT change",
    '""',
    "a*b*c",
    "-the",
    "((((",
]


def get(client, **params):
    return client.get("/search/", params)


def test_results_show_quote_side_meeting_and_permalink(client, biggest_lie):
    response = get(client, q="biggest lie")
    page = response.content.decode()
    assert response.status_code == 200
    assert "1 claim<" in page
    assert "the <mark>biggest</mark> <mark>lie</mark> of the century" in page
    assert 'class="side-mark mark-6">China<' in page
    assert "China-U.S. High-Level Strategic Dialogue" in page
    assert 'datetime="2021-03-18"' in page
    assert f'href="/claims/{biggest_lie.pk}/"' in page
    assert 'value="biggest lie"' in page  # the query stays in the box


def test_the_reports_and_meetings_of_the_results_are_beside_them(client, seed):
    later = make_meeting(claims=3)
    page = get(client, q="Anchorage OR restraint").content.decode()
    side = page[page.index('id="sources-heading"') :]
    assert 'href="/reports/memri-special-dispatch-9249/"' in side
    assert 'href="/meetings/2021-03-18-china-us-high-level-strategic-dialogue/"' in side
    assert f'href="{later.reports.get().get_absolute_url()}"' in side
    assert "1 of the claims on this page" in side  # one of its three says "restraint"


def test_a_report_is_listed_once_with_its_passage(client, seed):
    """The dispatch holds the words and is the source of the claim found: one entry, among
    the sources, with the passage of its text."""
    page = get(client, q="biggest lie").content.decode()
    assert page.count('<h3><a href="/reports/memri-special-dispatch-9249/">') == 1
    sources = page[page.index('id="sources-heading"') :]
    assert "1 of the claims on this page" in sources
    assert "is the <mark>biggest</mark> <mark>lie</mark> of the century" in sources
    assert 'id="records-heading"' not in page  # no other report or meeting holds the words


def test_officials_and_issues_named_in_the_query_are_quick_links(client, seed):
    page = get(client, q="Wang Yi Xinjiang").content.decode()
    assert 'href="/officials/wang-yi/">Official: Wang Yi<' in page
    assert 'href="/issues/xinjiang/">Issue: Xinjiang<' in page


def test_the_page_says_which_equivalents_were_searched(client, seed):
    page = get(client, q="CCP").content.decode()
    assert "Also searched:" in page
    assert "\u201cCPC\u201d" in page and "\u201cCommunist Party of China\u201d" in page
    page = get(client, q="HKSAR").content.decode()
    assert "\u201cHong Kong\u201d" in page


def test_a_misspelt_official_offers_did_you_mean(client, seed):
    page = get(client, q="Blinkin").content.decode()
    assert "Did you mean" in page
    assert 'href="/officials/antony-blinken/"' in page


def test_nothing_found_explains_how_to_search(client, seed):
    page = get(client, q="zebra").content.decode()
    assert "No claim matches zebra" in page
    assert "How to search" in page


def test_stopwords_only_get_a_clear_message(client, seed):
    page = get(client, q="the of").content.decode()
    assert "are not searched on their own" in page
    assert "How to search" in page


def test_a_very_long_query_is_truncated_with_a_notice(client, seed):
    page = get(client, q="climate " * 2000).content.decode()
    assert "only the beginning was searched" in page


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_answer_200(client, seed, text):
    response = get(client, q=text)
    assert response.status_code == 200


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99", "1e9", "", "2.5", "\x00"])
def test_bad_page_numbers_get_a_real_page(client, seed, page):
    response = get(client, q="China", page=page)
    assert response.status_code == 200
    if page not in {"", "1"}:
        assert "There is no page" in response.content.decode()


def test_an_unknown_sort_falls_back_to_relevance(client, seed):
    page = get(client, q="climate", sort="loudest").content.decode()
    assert "There is no sort order \u201cloudest\u201d" in page
    assert "3 claims" in page


def test_sort_by_newest_and_paging(client, seed):
    later = make_meeting(claims=30)
    response = get(client, q="restraint OR climate OR talking", sort="newest")
    page = response.content.decode()
    results = page[page.index('id="claims-heading"') : page.index('id="records-heading"')]
    assert later.title in results and "High-Level Strategic Dialogue" not in results
    second = get(client, q="restraint OR climate OR talking", sort="newest", page="2")
    assert "High-Level Strategic Dialogue" in second.content.decode()
    assert "Page 1 of 2" in page
    assert 'href="/search/?page=2&amp;q=restraint+OR+climate+OR+talking&amp;sort=newest"' in page
    assert get(client, q="restraint OR climate OR talking", page="2").status_code == 200


def test_every_page_has_a_search_box(client, seed):
    for url in ("/", "/meetings/", "/issues/taiwan/"):
        assert 'action="/search/" role="search"' in client.get(url).content.decode()


def test_query_count_is_fixed(client, seed, django_assert_max_num_queries):
    # The first search after a change reads the catalogue of names (six queries, and two
    # to find whether a name changed) and brings
    # the facet tables to the current revision (the changes, then the changed claims and
    # meetings with their rows: at most fifteen, whatever the archive's size); later ones
    # read the search's matches, rank
    # those the filters leave, highlight the page and read its claims, and two more when the
    # page asked for is past the end; then the newest reports and meetings holding the words
    # (four queries each: the matches, which may be shown, their passages and the records;
    # and two on PostgreSQL to make it use the index).
    with django_assert_max_num_queries(38):
        get(client, q="China OR climate", issue="taiwan", country="CN")
    with django_assert_max_num_queries(20):
        get(client, q="restraint OR China", page="2", kind="position", issue="taiwan")
    for _ in range(4):
        make_meeting(claims=25)
    with django_assert_max_num_queries(42):
        get(client, q="restraint OR China", page="2", kind="position", issue="taiwan")
    with django_assert_max_num_queries(20):
        get(client, q="restraint OR Chinese", page="99", kind="position", issue="taiwan")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.text(max_size=80), sort=st.sampled_from(["relevance", "newest", "x"]))
def test_any_text_answers_200(client, seed, text, sort):
    response = get(client, q=text, sort=sort)
    assert response.status_code == 200


@pytest.mark.parametrize("page", ["\u00b2", "9" * 5000, "9999999999999999999", "\u0663"])
def test_odd_page_numbers_answer_200(client, seed, page):
    assert get(client, q="China", page=page).status_code == 200


def test_facets_narrow_a_search_and_count_within_it(client, seed):
    words = "China"
    everything = json.loads(get(client, q=words, format="json").content)
    narrowed = json.loads(get(client, q=words, issue="taiwan", format="json").content)
    assert 0 < narrowed["total"] < everything["total"]
    # The issue facet of the narrowed search still counts the whole search's issues.
    assert narrowed["facets"]["issue"] == [
        {**c, "selected": c["value"] == "taiwan"} for c in everything["facets"]["issue"]
    ]
    kinds = sum(c["count"] for c in narrowed["facets"]["kind"])
    assert kinds == narrowed["total"]
    page = get(client, q=words, issue="taiwan").content.decode()
    assert 'aria-label="Remove Issue: Taiwan"' in page
    assert '<input type="hidden" name="issue" value="taiwan">' in page  # kept by a new search


def test_a_search_exports_every_match_as_csv(client, seed):
    response = get(client, q="Taiwan OR Tibet", format="csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    total = json.loads(get(client, q="Taiwan OR Tibet", format="json").content)["total"]
    assert len(rows) == total > 0
    assert all(("Taiwan" in r["text"]) or ("Tibet" in r["text"]) or r["issues"] for r in rows)


def test_machine_formats_need_words(client, seed):
    response = get(client, q="", format="json")
    assert response.status_code == 400
    assert json.loads(response.content) == {"errors": ["Give words to search for in q."]}


def test_a_surname_alone_is_a_quick_link_to_the_official(client, seed):
    page = get(client, q="Blinken").content.decode()
    assert 'href="/officials/antony-blinken/">Official: Antony Blinken<' in page
    assert "Did you mean" not in page


def test_a_search_of_signs_alone_says_why_nothing_was_searched(client, seed):
    for typed in ("*", "OR OR", "\U0001f600", "\x00"):
        page = get(client, q=typed).content.decode()
        assert "holds no word to look for" in page, typed


def test_reports_and_meetings_that_hold_the_words_are_shown_even_without_claims(client, seed):
    """The report and the meeting summary name Jake Sullivan; no claim quotes him."""
    page = get(client, q="Jake Sullivan").content.decode()
    assert "No claim matches" in page
    records = page[page.index('id="records-heading"') :]
    assert 'href="/reports/memri-special-dispatch-9249/"' in records
    assert 'href="/meetings/2021-03-18-china-us-high-level-strategic-dialogue/"' in records
    assert "<mark>Sullivan</mark>" in records
    data = get(client, q="Jake Sullivan", format="json").json()
    assert data["total"] == 0
    assert [r["url"] for r in data["reports"]] == [
        "http://testserver/reports/memri-special-dispatch-9249/"
    ]
    assert data["meetings"][0]["start_date"] == "2021-03-18"


def test_the_json_links_to_the_html_page_that_holds_its_first_result(client, seed):
    data = get(client, q="China", format="json", per_page="5", page="5").json()
    assert data["links"]["html"] == "http://testserver/search/?page=2&q=China"  # 21st of 20s


def test_reports_and_meetings_stand_on_the_first_page_only(client, seed):
    make_meeting(claims=30)
    first = get(client, q="restraint OR climate OR talking").content.decode()
    second = get(client, q="restraint OR climate OR talking", page="2").content.decode()
    assert 'id="records-heading"' in first and 'id="records-heading"' not in second
