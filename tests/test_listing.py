"""A listing's own parameters, read by its form: what a reader or a script asks for, and
what the listing says when it cannot use what was given."""

from django.http import QueryDict

from archive.listing import JSON_PAGE_SIZE, ListingForm

SORTS = {"newest": "Newest first", "oldest": "Oldest first"}


def wanted(query: str, per_page: int = 25):
    return ListingForm(QueryDict(query), SORTS, per_page).wanted()


def test_nothing_given_is_the_first_html_page_in_the_first_order():
    listing = wanted("")
    assert (listing.format, listing.sort, listing.page, listing.per_page) == (
        "html",
        "newest",
        1,
        25,
    )
    assert listing.problems == [] and not listing.is_machine


def test_a_repeated_parameter_uses_its_first_value_and_says_so():
    listing = wanted("sort=oldest&sort=newest&q=China&q=Taiwan")
    assert (listing.sort, listing.q) == ("oldest", "China")
    assert listing.problems == [
        "\u201cq\u201d was given 2 times; the first value (\u201cChina\u201d) is used.",
        "\u201csort\u201d was given 2 times; the first value (\u201coldest\u201d) is used.",
    ]
    assert wanted("page=2&page=2").problems == []  # the same value twice is no question


def test_what_is_not_understood_falls_back_with_a_message():
    listing = wanted("sort=loudest&page=abc")
    assert (listing.sort, listing.page) == ("newest", 1)
    assert listing.problems == [
        "There is no sort order \u201cloudest\u201d; showing newest first.",
        "There is no page \u201cabc\u201d; this is the first page.",
    ]
    for odd in ("0", "-1", "\u00b2", "1234567"):
        assert wanted(f"page={odd}").page == 1


def test_an_unknown_format_names_the_known_ones():
    form = ListingForm(QueryDict("format=xml&format=json"), SORTS, 25)
    assert form.unknown_format == "There is no format \u201cxml\u201d; use one of: html, csv, json."
    assert ListingForm(QueryDict("format=json"), SORTS, 25).unknown_format == ""


def test_only_json_chooses_its_page_size_and_a_csv_has_no_pages():
    assert wanted("format=json").per_page == JSON_PAGE_SIZE
    assert wanted("format=json&per_page=100").per_page == 100
    refused = wanted("format=json&per_page=101")
    assert refused.per_page == JSON_PAGE_SIZE
    assert refused.problems == ["per_page must be a number from 1 to 100."]
    assert wanted("per_page=100").per_page == 25 and wanted("per_page=x").problems == []
    assert wanted("format=csv&page=abc&page=2").problems == []


def test_the_date_range_is_read_by_the_filters_but_a_repeated_bound_is_noted():
    assert wanted("from=2021&from=2030").problems == [
        "\u201cfrom\u201d was given 2 times; the first value (\u201c2021\u201d) is used."
    ]
