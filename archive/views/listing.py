"""The faceted listings (claims, meetings, search results): one view, with what differs
between them given as a `Listing`; a page of a result whose total is known, the facets,
chips and histogram for the template, the JSON body, and the answers to requests a listing
cannot serve."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse

from archive import exports
from archive.filters import DATES, FacetedFilterSet
from archive.listing import (
    FACET_TOP,
    JSON_PAGE_SIZE,
    Links,
    ListingForm,
    ListingRequest,
    date_histogram,
    facet_views,
    year_choices,
)
from archive.ratelimit import limit_exports


class Results:
    """What one request of a listing finds and shows beside what its filters leave: for
    claims and meetings, nothing more. The search (views/search.py) adds its words: what
    they match, the page's claims highlighted, and the reports and meetings that hold them."""

    missing = ""  # why there is nothing to list (the search without words), or ""
    keep: tuple[tuple[str, str], ...] = ()  # parameters links keep beside filters and sort

    def __init__(self, spec: "Listing", wanted: ListingRequest):
        self.spec, self.wanted = spec, wanted

    def filters(self, data: QueryDict) -> FacetedFilterSet:
        return self.spec.filter_set(data)

    def records(self, ids: list[int]) -> list:
        """A page's records, in the order of `ids`."""
        return records_of(self.spec.shown(), ids)

    def context(self) -> dict:
        """What the page shows with or without results."""
        return {}

    def page_context(self, page: Page) -> dict:
        """What the page shows beside a page of results."""
        return {}

    def json(self, page: Page, absolute: Callable[[str], str]) -> dict:
        """What a JSON page holds beside its results."""
        return {}


@dataclass(frozen=True)
class Listing:
    """What differs between the faceted listings of claims, of meetings and of the search."""

    url_name: str  # also names the CSV file
    filter_set: type[FacetedFilterSet]
    shown: Callable[[], QuerySet]  # the records with everything a page or a row shows
    sorts: dict[str, str]  # the orders of `facet_index.Table.orders` offered, default first
    per_page: int
    to_row: Callable
    columns: tuple[str, ...]
    template: str
    feed: str = ""  # the URL name of the listing's feed, if it has one
    results: type[Results] = Results


@limit_exports
def faceted_listing(request: HttpRequest, spec: Listing) -> HttpResponse:
    """A listing narrowed by facets, in its first order unless sorted otherwise; as a page,
    CSV or JSON."""
    form = ListingForm(request.GET, spec.sorts, spec.per_page)
    if form.unknown_format:
        return unknown_format(form.unknown_format)
    wanted = form.wanted()
    results = spec.results(spec, wanted)
    filters = results.filters(request.GET)
    problems = wanted.problems + filters.problems
    if wanted.is_machine and (problems or results.missing):
        return bad_request(problems or [results.missing])
    default_sort = next(iter(spec.sorts))
    keep = [*results.keep] + ([] if wanted.sort == default_sort else [("sort", wanted.sort)])
    links = Links(reverse(spec.url_name), filters, keep)
    context = {"links": links, "problems": problems, "sort": wanted.sort, "sorts": spec.sorts}
    context |= results.context()
    if results.missing:
        return render(request, spec.template, context)
    absolute = absolute_url(request)
    if wanted.format == "csv":
        records = in_order(spec.shown(), filters.ids(wanted.sort))
        return exports.csv_response(spec.url_name, records, spec.to_row, absolute, spec.columns)
    page = page_of(filters, wanted, problems, results.records)
    facets = facet_context(filters, links, wanted)
    if wanted.format == "json":
        if problems:  # the page asked for is past the end
            return bad_request(problems)
        rows = [spec.to_row(record, absolute) for record in page.object_list]
        body = json_body(request, page, links, filters, facets["counts"], rows, spec.per_page)
        return json_response(body | results.json(page, absolute))
    context |= {
        "page": page,
        "pager": pager(page, links),
        "csv_url": links.current(format="csv"),
        "json_url": links.current(format="json"),
        "feed_url": links.elsewhere(reverse(spec.feed)) if spec.feed else "",
        "canonical": request.build_absolute_uri(links.page(page.number)),
        **facets,
        **results.page_context(page),
    }
    return render(request, spec.template, context)


def page_of(
    filters: FacetedFilterSet,
    wanted: ListingRequest,
    problems: list,
    records: Callable[[list[int]], list],
) -> Page:
    """The requested page of what the filters leave, in the wanted order; past the end,
    the last page and a message. `records(ids)` gives the page's records in that order."""
    paginator = Paginator(KnownCount(filters.total()), wanted.per_page)
    number = wanted.page
    if number > paginator.num_pages:
        problems.append(
            f"There is no page {number} of this list; this is page {paginator.num_pages}, the last."
        )
        number = paginator.num_pages
    offset = (number - 1) * wanted.per_page
    return Page(records(filters.ids(wanted.sort, offset, wanted.per_page)), number, paginator)


def page_in_order(
    request: HttpRequest, filters: FacetedFilterSet, order: str, shown: QuerySet
) -> Page:
    """The page `?page=` asks for of what `filters` leave, in `order`, for pages that list
    records without the listing's formats: a page number that is not a number or is past
    the end gets the nearest real page instead of an error (as Paginator.get_page does)."""
    paginator = Paginator(range(filters.total()), settings.PAGE_SIZE)
    number = paginator.get_page(request.GET.get("page")).number
    ids = filters.ids(order, (number - 1) * paginator.per_page, paginator.per_page)
    return Page(records_of(shown, ids), number, paginator)


def paginate(request: HttpRequest, items, per_page: int | None = None) -> Page:
    """The page `?page=` asks for of a short list counted in the database (the officials,
    a pair's meetings): a page number that is not a number or is past the end gets the
    nearest real page instead of an error."""
    paginator = Paginator(items, per_page or settings.PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


class KnownCount:
    """Stands in for an object list whose size is already known, for Django's Paginator."""

    def __init__(self, total: int):
        self.total = total

    def count(self) -> int:
        return self.total


def records_of(shown: QuerySet, ids: list[int]) -> list:
    """The records of `ids`, in their order (one deleted since is left out)."""
    records = shown.in_bulk(ids)
    return [records[pk] for pk in ids if pk in records]


def in_order(shown: QuerySet, ids: list[int]) -> Iterator:
    """Every record of `ids` in their order, fetched a chunk at a time (for exports)."""
    for start in range(0, len(ids), exports.CHUNK):
        yield from records_of(shown, ids[start : start + exports.CHUNK])


def pager(page: Page, links: Links) -> dict[str, str]:
    """Links to the first, previous, next and last pages (empty where there is none)."""
    last = page.paginator.num_pages
    return {
        "first": links.page(1) if page.number > 2 else "",
        "previous": links.page(page.number - 1) if page.has_previous() else "",
        "next": links.page(page.number + 1) if page.has_next() else "",
        "last": links.page(last) if page.number < last - 1 else "",
    }


def unknown_format(message: str) -> HttpResponse:
    return HttpResponse(message + "\n", status=400, content_type="text/plain; charset=utf-8")


def bad_request(problems: list[str]) -> JsonResponse:
    """Machine formats do not guess: they name what is wrong."""
    return JsonResponse({"errors": problems}, status=400, json_dumps_params={"indent": 1})


def facet_context(filters: FacetedFilterSet, links: Links, listing: ListingRequest) -> dict:
    if listing.is_machine:  # scripts get every value
        counts = filters.facet_counts()
    else:
        counts = filters.facet_counts(top=FACET_TOP, whole=listing.more)
    counts[DATES] = year_choices(filters)
    return {
        "counts": counts,
        "facets": facet_views(counts, filters, links),
        "chips": [
            (title, label, links.remove(name, value))
            for title, label, name, value in filters.chips()
        ],
        "clear_url": links.clear() if filters.is_active else "",
        "histogram": date_histogram(filters, links),
        "bounds": {name: text for name, (text, _) in filters.bounds.items()},
    }


def json_body(
    request: HttpRequest,
    page: Page,
    links: Links,
    filters: FacetedFilterSet,
    counts: dict,
    rows: list[dict],
    html_per_page: int,
) -> dict:
    absolute = request.build_absolute_uri
    paginator = page.paginator
    # The page holds this page's first result: its number differs when the sizes do.
    html_page = (page.number - 1) * paginator.per_page // html_per_page + 1

    size = paginator.per_page if paginator.per_page != JSON_PAGE_SIZE else ""

    def at(number: int | None) -> str | None:
        if number is None:
            return None
        page_number = number if number > 1 else ""
        return absolute(links.current(page=page_number, format="json", per_page=size))

    json_links = {
        "self": at(page.number),
        "first": at(1),
        "last": at(paginator.num_pages),
        "next": at(page.next_page_number() if page.has_next() else None),
        "previous": at(page.previous_page_number() if page.has_previous() else None),
        "html": absolute(links.page(html_page)),
        "csv": absolute(links.current(format="csv")),
    }
    return {
        "total": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "per_page": paginator.per_page,
        "links": json_links,
        "filters": dict_of_lists(filters.items()),
        "facets": {
            name: [
                {"value": c.value, "label": c.label, "count": c.count, "selected": c.selected}
                for c in counted.choices
            ]
            for name, counted in counts.items()
        },
        "results": rows,
    }


def dict_of_lists(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for name, value in pairs:
        result.setdefault(name, []).append(value)
    return result


def json_response(body: dict) -> JsonResponse:
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 1})


def absolute_url(request: HttpRequest) -> Callable[[str], str]:
    base = request.build_absolute_uri("/")[:-1]
    return lambda path: base + path
