from functools import partial

from django.core.paginator import Page
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from archive import exports, listing
from archive.filters import ClaimFilter
from archive.listing import ListingForm
from archive.models import Claim, Meeting, Person, Report, Status
from archive.presentation import apart_from_sources, sources_of
from archive.ratelimit import limit_exports, limit_searches
from archive.search import (
    ORDERS,
    FoundClaims,
    RecordSource,
    newest_records,
    prepare,
    suggest_people,
    with_highlights,
)
from archive.search.query import ParsedQuery, describe
from archive.views.listing import (
    absolute_url,
    bad_request,
    facet_context,
    in_order,
    json_body,
    json_response,
    page_of,
    pager,
    unknown_format,
)

RESULTS_PER_PAGE = 20


@limit_searches
@limit_exports
def search(request: HttpRequest) -> HttpResponse:
    """Claims matching the words, most relevant first, narrowed by the same facets as the
    claims listing; as a page, CSV or JSON."""
    form = ListingForm(request.GET, ORDERS, RESULTS_PER_PAGE)
    if form.unknown_format:
        return unknown_format(form.unknown_format)
    wanted = form.wanted()
    prepared = prepare(wanted.q)
    parsed = prepared.parsed
    filters = ClaimFilter(
        request.GET,
        matches=FoundClaims(parsed),
        key=repr((parsed.include, parsed.exclude)),
        ranked=wanted.sort == "relevance",
    )
    problems = wanted.problems + filters.problems
    if wanted.is_machine and (problems or prepared.is_empty):
        return bad_request(problems or ["Give words to search for in q."])
    keep = [("q", parsed.text)] if parsed.text else []
    if wanted.sort != "relevance":
        keep.append(("sort", wanted.sort))
    links = listing.Links(reverse("search"), filters, keep)
    context = {
        "q": parsed.text,
        "order": wanted.sort,
        "orders": list(ORDERS.items()),
        "problems": problems,
        "notices": parsed.notices,
        "expansions": parsed.expansions,
        "searched": [describe(node) for node in parsed.include],
        "excluded": [describe(node) for node in parsed.exclude],
        "people": prepared.matches.people + prepared.matches.partly_named,
        "issues": prepared.matches.issues,
        "links": links,
    }
    if prepared.is_empty:
        return render(request, "search/results.html", context)
    absolute = absolute_url(request)
    highlighted = partial(
        with_highlights,
        Claim,
        Claim.objects.published().for_display(),
        query=parsed,
        fragments=False,
    )
    if wanted.format == "csv":
        claims = in_order(Claim.objects.published().for_display(), filters.ids(wanted.sort))
        return exports.csv_response(
            "search", claims, exports.claim_row, absolute, exports.CLAIM_COLUMNS
        )
    page = page_of(filters, wanted, problems, highlighted)
    facets = facet_context(filters, links, wanted)
    if wanted.format == "json":
        if problems:
            return bad_request(problems)
        rows = [exports.claim_row(claim, absolute) for claim in page.object_list]
        body = json_body(request, page, links, filters, facets["counts"], rows, RESULTS_PER_PAGE)
        return json_response(body | records_json(records_mentioning(parsed, page), absolute))
    records = records_mentioning(parsed, page)
    sources = sources_of(page.object_list)
    context |= {
        "has_results": True,
        "page": page,
        "reports": apart_from_sources(records["reports"], sources),
        "meetings": records["meetings"],
        "pager": pager(page, links),
        "sources": sources,
        "suggestions": suggest_people(
            prepared, Person.objects.published(), found=page.paginator.count
        ),
        "csv_url": links.current(format="csv"),
        "json_url": links.current(format="json"),
        "feed_url": links.elsewhere(reverse("claim-feed")),
        "canonical": request.build_absolute_uri(links.page(page.number)),
        **facets,
    }
    return render(request, "search/results.html", context)


def records_mentioning(parsed: ParsedQuery, page: Page) -> dict[str, list]:
    """The newest reports and meetings whose own texts hold the words: a name or a phrase a
    report's text or a meeting's summary gives, and no claim quotes, is found there. (The
    passages come from the index or the database: a dispatch's whole body is not read.)
    On the first page of claims only: a reader paging on is reading claims."""
    if page.number > 1:
        return {"reports": [], "meetings": []}
    reports, meetings = newest_records(
        parsed,
        RecordSource(
            searched=Report.objects.filter(status=Status.PUBLISHED),
            shown=Report.objects.published().select_related("publisher").defer("body"),
            order=("-date", "-pk"),
        ),
        RecordSource(
            searched=Meeting.objects.published(),
            shown=Meeting.objects.published(),
            order=("-start_date", "-pk"),
        ),
    )
    return {"reports": reports, "meetings": meetings}


def records_json(records: dict[str, list], absolute) -> dict[str, list]:
    return {
        "reports": [
            {
                "url": absolute(report.get_absolute_url()),
                "title": report.title,
                "publisher": report.publisher.name,
                "date": report.date.isoformat(),
            }
            for report in records["reports"]
        ],
        "meetings": [
            {
                "url": absolute(meeting.get_absolute_url()),
                "title": meeting.title,
                "start_date": meeting.start_date.isoformat(),
            }
            for meeting in records["meetings"]
        ],
    }
