"""The search: the claims listing's facets over the claims the words match, most relevant
first, with the reports and meetings that hold the words beside them."""

from collections.abc import Callable

from django.core.paginator import Page
from django.http import HttpRequest, HttpResponse, QueryDict

from archive import exports
from archive.filters import ClaimFilter, FacetedFilterSet
from archive.listing import ListingRequest
from archive.models import Claim, Meeting, Person, Report, Status
from archive.presentation import apart_from_sources, sources_of
from archive.ratelimit import limit_searches
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
from archive.views.listing import Listing, Results, faceted_listing


class SearchResults(Results):
    """What the words (`q`) add to the claims listing: the claims they match, ranked or in
    the listing's orders, their words marked; what was searched; the officials and issues
    they name; and, on the first page, the reports and meetings whose texts hold them."""

    def __init__(self, spec: Listing, wanted: ListingRequest):
        super().__init__(spec, wanted)
        self.prepared = prepare(wanted.q)
        self.parsed = self.prepared.parsed
        if self.prepared.is_empty:
            self.missing = "Give words to search for in q."
        if self.parsed.text:
            self.keep = (("q", self.parsed.text),)

    def filters(self, data: QueryDict) -> FacetedFilterSet:
        parsed = self.parsed
        return self.spec.filter_set(
            data,
            matches=FoundClaims(parsed),
            key=repr((parsed.include, parsed.exclude)),
            ranked=self.wanted.sort == "relevance",
        )

    def records(self, ids: list[int]) -> list:
        return with_highlights(Claim, self.spec.shown(), ids, self.parsed, fragments=False)

    def context(self) -> dict:
        parsed, named = self.parsed, self.prepared.matches
        return {
            "q": parsed.text,
            "order": self.wanted.sort,
            "orders": list(self.spec.sorts.items()),
            "notices": parsed.notices,
            "expansions": parsed.expansions,
            "searched": [describe(node) for node in parsed.include],
            "excluded": [describe(node) for node in parsed.exclude],
            "people": named.people + named.partly_named,
            "issues": named.issues,
        }

    def page_context(self, page: Page) -> dict:
        records = records_mentioning(self.parsed, page)
        sources = sources_of(page.object_list)
        return {
            "has_results": True,
            "reports": apart_from_sources(records["reports"], sources),
            "meetings": records["meetings"],
            "sources": sources,
            "suggestions": suggest_people(
                self.prepared, Person.objects.published(), found=page.paginator.count
            ),
        }

    def json(self, page: Page, absolute: Callable[[str], str]) -> dict:
        return records_json(records_mentioning(self.parsed, page), absolute)


SEARCH = Listing(
    url_name="search",
    filter_set=ClaimFilter,
    shown=lambda: Claim.objects.published().for_display(),
    sorts=ORDERS,
    per_page=20,
    to_row=exports.claim_row,
    columns=exports.CLAIM_COLUMNS,
    template="search/results.html",
    feed="claim-feed",
    results=SearchResults,
)


@limit_searches
def search(request: HttpRequest) -> HttpResponse:
    """Claims matching the words, most relevant first, narrowed by the same facets as the
    claims listing; as a page, CSV or JSON."""
    return faceted_listing(request, SEARCH)


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
