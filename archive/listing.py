"""What a listing page (claims, meetings, search) reads from its query string beside the
filters, through a form, and the links it makes: canonical, with sorted parameters, so that
one view of the archive has one URL."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.http import QueryDict

from archive import charts
from archive.choices import Choice
from archive.filters import (
    DATE_PARAMETERS,
    DATES,
    Counted,
    FacetedFilterSet,
    FirstValue,
    mark_chosen,
)

FORMATS = {"html": "Web page", "csv": "CSV", "json": "JSON"}
# The single-valued parameters, in the order their messages are given.
SINGLE_VALUED = ("q", "from", "to", "format", "sort", "page", "per_page", "more")
# The filter set reads these; the listing only says which value of a repeated one it used.
READ_BY_FILTERS = ("from", "to")
FACET_TOP = 8
JSON_PAGE_SIZE, JSON_MAX_PAGE_SIZE = 20, 100
MAX_QUERY_PARAMETER = 1000  # characters of `q` searched for


@dataclass
class ListingRequest:
    format: str = "html"
    sort: str = ""
    page: int = 1
    per_page: int = 0
    more: str = ""
    q: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def is_machine(self) -> bool:
        return self.format != "html"


class Parameter(forms.Field):
    """A single-valued parameter as it was written (its first value), cut to `length`
    characters: what reads it decides what it means."""

    widget = FirstValue

    def __init__(self, length: int | None = None, **kwargs):
        super().__init__(required=False, **kwargs)
        self.length = length

    def to_python(self, value) -> str:
        return (value or "")[: self.length]


class OneOf(forms.ChoiceField):
    """One of a few names; one it does not know is quoted in its message, cut short."""

    widget = FirstValue

    def __init__(self, message: str, **kwargs):
        super().__init__(required=False, error_messages={"invalid_choice": message}, **kwargs)

    def validate(self, value: str) -> None:
        if value and not self.valid_value(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], params={"value": value[:20]}
            )


class PageField(Parameter):
    """A page number; the first page when there is none or it is not one."""

    def to_python(self, value) -> int:
        raw = value or ""
        if raw in {"", "1"}:
            return 1
        # isdigit() alone accepts "²"; six digits bound the offset the database is asked for.
        if raw.isascii() and raw.isdigit() and len(raw) <= 6 and int(raw) >= 1:
            return int(raw)
        raise forms.ValidationError(
            f"There is no page \u201c{raw[:20]}\u201d; this is the first page."
        )


class PageSizeField(Parameter):
    """How many records a JSON page holds."""

    def to_python(self, value) -> int:
        raw = value or ""
        if not raw:
            return JSON_PAGE_SIZE
        if raw.isascii() and raw.isdigit() and 1 <= int(raw) <= JSON_MAX_PAGE_SIZE:
            return int(raw)
        raise forms.ValidationError(f"per_page must be a number from 1 to {JSON_MAX_PAGE_SIZE}.")


class ListingForm(forms.Form):
    """A listing's own parameters: the words to search for (the search's), the format, the
    sort order among the listing's `sorts` (the first is the default), the page (and a JSON
    page's size: an HTML page holds `per_page`), and the facet shown whole. What it cannot
    use falls back to the field's initial value and is explained in `problems()`, as is a
    single-valued parameter given more than once, of which the first value is used."""

    q = Parameter(MAX_QUERY_PARAMETER)
    format = OneOf(
        "There is no format \u201c%(value)s\u201d; use one of: " + ", ".join(FORMATS) + ".",
        choices=FORMATS.items(),
        initial="html",
    )
    sort = OneOf("")  # its choices and message are the listing's
    page = PageField(initial=1)
    per_page = PageSizeField(initial=JSON_PAGE_SIZE)
    more = Parameter(20)

    def __init__(self, data: QueryDict, sorts: dict[str, str], per_page: int):
        super().__init__(data)
        default = next(iter(sorts))
        sort = self.fields["sort"]
        sort.choices, sort.initial = sorts.items(), default
        sort.error_messages["invalid_choice"] = (
            f"There is no sort order \u201c%(value)s\u201d; showing {sorts[default].lower()}."
        )
        self.per_page = per_page
        if self["format"].data == "csv":  # a CSV holds every page
            del self.fields["page"]
        if self["format"].data != "json":  # an HTML page's size is the listing's
            del self.fields["per_page"]

    @property
    def unknown_format(self) -> str:
        """The message for a format there is none of (a 400, whatever the rest), or ""."""
        return self.errors["format"][0] if self.has_error("format") else ""

    def wanted(self) -> ListingRequest:
        """What the request asks for, with what is not understood left at its default."""
        self.is_valid()
        return ListingRequest(
            format=self.value("format"),
            sort=self.value("sort"),
            page=self.value("page") if "page" in self.fields else 1,
            per_page=self.value("per_page") if "per_page" in self.fields else self.per_page,
            more=self.value("more"),
            q=self.value("q"),
            problems=self.problems(),
        )

    def value(self, name: str):
        """A field's value; its initial one when it is missing or not understood."""
        return self.cleaned_data.get(name) or self.fields[name].initial or ""

    def problems(self) -> list[str]:
        """What could not be used as given, each parameter's in turn."""
        problems: list[str] = []
        for name in SINGLE_VALUED:
            if name in self.fields or name in READ_BY_FILTERS:
                problems += self.repeated(name)
                problems.extend(self.errors.get(name, []))  # the messages, as text
        return problems

    def repeated(self, name: str) -> list[str]:
        values = self.data.getlist(name)
        if len(set(values)) < 2:
            return []
        return [
            f"\u201c{name}\u201d was given {len(values)} times; the first value "
            f"(\u201c{values[0][:30]}\u201d) is used."
        ]


class Links:
    """URLs of one listing in its current state, with one change each."""

    def __init__(self, path: str, filters: FacetedFilterSet, keep: list[tuple[str, str]]):
        self.path = path
        self.filters = filters
        self.keep = keep  # the query and a sort order that is not the default
        self.state = filters.items()

    def url(self, items: list[tuple[str, str]], path: str = "") -> str:
        items = sorted(set(items))
        return (path or self.path) + ("?" + urlencode(items) if items else "")

    def elsewhere(self, path: str) -> str:
        """The same filters (and query) on another address: the feed of this listing."""
        return self.url([p for p in self.keep if p[0] == "q"] + self.state, path)

    def current(self, **extra: str) -> str:
        extras = [(k, str(v)) for k, v in extra.items() if v not in ("", None)]
        return self.url(self.keep + self.state + extras)

    def page(self, number: int) -> str:
        return self.current(page=number if number > 1 else "")

    def toggle(self, name: str, value: str) -> str:
        pair = (name, value)
        state = [p for p in self.state if p != pair] if pair in self.state else [*self.state, pair]
        return self.url(self.keep + state)

    def remove(self, name: str, value: str) -> str:
        return self.url(self.keep + [p for p in self.state if p != (name, value)])

    def clear(self) -> str:
        return self.url(self.keep)

    def dates(self, **values: str) -> str:
        """The listing narrowed to other dates (the year or a from/to range)."""
        state = [p for p in self.state if p[0] not in DATE_PARAMETERS]
        return self.url(self.keep + state + list(values.items()))

    def more(self, name: str) -> str:
        return self.current(more=name) + f"#facet-{name}"


@dataclass
class FacetView:
    name: str
    title: str
    choices: list[tuple[Choice, str]]  # (choice, link; empty when it has no results)
    more_url: str = ""
    hidden: int = 0


def facet_views(counts: dict, filters: FacetedFilterSet, links: Links) -> list[FacetView]:
    views = []
    for name, counted in counts.items():
        view = FacetView(
            name,
            filters.facets[name].title,
            [
                (c, links.toggle(name, c.value) if c.count or c.selected else "")
                for c in counted.choices
            ],
        )
        if counted.hidden:
            view.more_url, view.hidden = links.more(name), counted.hidden
        views.append(view)
    return views


def date_histogram(filters: FacetedFilterSet, links: Links) -> charts.Chart | None:
    years = {int(c.value) for c in filters.chosen.get(DATES, [])}
    start = filters.bounds.get("from", (None, None))[1]
    end = filters.bounds.get("to", (None, None))[1]
    return charts.histogram(
        filters.monthly_counts(),
        start,
        end,
        years,
        url_for_year=lambda year: links.dates(year=str(year)),
        url_for_month=lambda month: links.dates(
            **{"from": f"{month:%Y-%m}", "to": f"{month:%Y-%m}"}
        ),
    )


def year_choices(filters: FacetedFilterSet) -> Counted:
    """The years facet, from the same monthly counts as the histogram, latest first."""
    per_year: dict[int, int] = {}
    for month, count in filters.monthly_counts():
        per_year[month.year] = per_year.get(month.year, 0) + count
    rows = [(str(year), str(year), n) for year, n in sorted(per_year.items(), reverse=True)]
    return Counted(mark_chosen(rows, rows, filters.chosen.get(DATES, [])), 0)
