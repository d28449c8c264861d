"""What a listing page (claims, meetings, search) reads from its query string beside the
filters, and the links it makes: canonical, with sorted parameters, so that one view of the
archive has one URL."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import HttpRequest, QueryDict

from archive import charts
from archive.choices import Choice
from archive.filters import DATE_PARAMETERS, DATES, Counted, FacetedFilterSet, mark_chosen

FORMATS = {"html": "Web page", "csv": "CSV", "json": "JSON"}
SINGLE_VALUED = ("q", "sort", "page", "format", "from", "to", "per_page", "more")
FACET_TOP = 8
JSON_PAGE_SIZE, JSON_MAX_PAGE_SIZE = 20, 100


@dataclass
class ListingRequest:
    format: str = "html"
    unknown_format: str = ""
    sort: str = ""
    page: int = 1
    per_page: int = 0
    more: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def is_machine(self) -> bool:
        return self.format != "html"


def first_values(data: QueryDict) -> QueryDict:
    """The query string with each single-valued parameter reduced to its first value, as the
    message about a repeated one says (QueryDict.get would give the last)."""
    reduced = data.copy()
    for name in SINGLE_VALUED:
        values = data.getlist(name)
        if len(values) > 1:
            reduced.setlist(name, values[:1])
    return reduced


def first_value(data: QueryDict, name: str, problems: list[str]) -> str:
    values = data.getlist(name)
    if len({v for v in values}) > 1:
        problems.append(
            f"\u201c{name}\u201d was given {len(values)} times; the first value "
            f"(\u201c{values[0][:30]}\u201d) is used."
        )
    return values[0] if values else ""


def read(request: HttpRequest, sorts: dict[str, str], default_sort: str, page_size: int):
    """The listing's own parameters; what it cannot use is explained in `problems`."""
    data, problems = request.GET, []
    for name in SINGLE_VALUED:
        if name not in ("format", "sort", "page", "per_page", "more"):
            first_value(data, name, problems)  # only reported here; the filters read them
    listing = ListingRequest(problems=problems)
    fmt = first_value(data, "format", problems) or "html"
    if fmt in FORMATS:
        listing.format = fmt
    else:
        listing.unknown_format = fmt[:20]
    sort = first_value(data, "sort", problems)
    if sort and sort not in sorts:
        problems.append(
            f"There is no sort order \u201c{sort[:20]}\u201d; showing "
            f"{sorts[default_sort].lower()}."
        )
    listing.sort = sort if sort in sorts else default_sort
    if listing.format != "csv":  # a CSV holds every page
        listing.page = page_number(first_value(data, "page", problems), problems)
    listing.per_page = page_size
    if listing.format == "json":
        listing.per_page = json_page_size(first_value(data, "per_page", problems), problems)
    listing.more = first_value(data, "more", problems)[:20]
    return listing


def page_number(raw: str, problems: list[str]) -> int:
    if raw in {"", "1"}:
        return 1
    # isdigit() alone accepts "²"; six digits bound the offset the database is asked for.
    if raw.isascii() and raw.isdigit() and len(raw) <= 6 and int(raw) >= 1:
        return int(raw)
    problems.append(f"There is no page \u201c{raw[:20]}\u201d; this is the first page.")
    return 1


def json_page_size(raw: str, problems: list[str]) -> int:
    if not raw:
        return JSON_PAGE_SIZE
    if raw.isascii() and raw.isdigit() and 1 <= int(raw) <= JSON_MAX_PAGE_SIZE:
        return int(raw)
    problems.append(f"per_page must be a number from 1 to {JSON_MAX_PAGE_SIZE}.")
    return JSON_PAGE_SIZE


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
