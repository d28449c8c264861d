from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from archive import citations, exports, listing, structured_data
from archive.filters import ClaimFilter
from archive.models import Claim, WithdrawnClaim
from archive.presentation import claim_context
from archive.views.listing import (
    absolute_url,
    bad_request,
    facet_context,
    json_body,
    json_response,
    page_of,
    pager,
    unknown_format,
)

SORTS = {"newest": "Newest meeting first", "oldest": "Oldest meeting first"}
ORDERINGS = {
    # Both walk the index claim_public_date_idx (one forwards, one backwards).
    "newest": ("-meeting_date", "-meeting_id", "report_id", "start"),
    "oldest": ("meeting_date", "meeting_id", "report_id", "start"),
}
CLAIMS_PER_PAGE = 25


def claim_list(request: HttpRequest) -> HttpResponse:
    """Every published claim, narrowed by facets; as a page, CSV or JSON."""
    wanted = listing.read(request, SORTS, "newest", CLAIMS_PER_PAGE)
    if wanted.unknown_format:
        return unknown_format(wanted)
    filters = ClaimFilter(request.GET, queryset=Claim.objects.published())
    problems = wanted.problems + filters.problems
    if wanted.is_machine and problems:
        return bad_request(problems)
    ordered = filters.qs.order_by(*ORDERINGS[wanted.sort])
    absolute = absolute_url(request)
    if wanted.format == "csv":
        records = ordered.for_display().iterator(chunk_size=exports.CHUNK)
        return exports.csv_response(
            "claims", records, exports.claim_row, absolute, exports.CLAIM_COLUMNS
        )
    page = page_of(ordered, Claim.objects.for_display(), filters.total(), wanted, problems)
    keep = [] if wanted.sort == "newest" else [("sort", wanted.sort)]
    links = listing.Links(reverse("claim-list"), filters, keep)
    facets = facet_context(filters, links, wanted)
    if wanted.format == "json":
        if problems:  # the page asked for is past the end
            return bad_request(problems)
        rows = [exports.claim_row(claim, absolute) for claim in page.object_list]
        return json_response(json_body(request, page, links, filters, facets["counts"], rows))
    context = {
        "page": page,
        "pager": pager(page, links),
        "links": links,
        "problems": problems,
        "sort": wanted.sort,
        "sorts": SORTS,
        "csv_url": links.current(format="csv"),
        "json_url": links.current(format="json"),
        "feed_url": links.elsewhere(reverse("claim-feed")),
        "canonical": request.build_absolute_uri(links.page(page.number)),
        **facets,
    }
    return render(request, "claims/list.html", context)


def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim = Claim.objects.published().for_display().filter(pk=pk).first()
    if claim is None:
        return withdrawn_or_404(request, pk)
    permalink = request.build_absolute_uri(claim.get_absolute_url())
    citation = citations.for_claim(claim, permalink, timezone.localdate())
    previous, following = Claim.objects.published().neighbours(claim)
    context = {
        "claim": claim,
        "context": claim_context(claim.report.body, claim),
        "chicago": citations.chicago(citation),
        "apa": citations.apa(citation),
        "permalink": permalink,
        "previous": previous,
        "next": following,
        "structured_data": structured_data.claim_ld(claim, request.build_absolute_uri),
    }
    return render(request, "claims/detail.html", context)


def claim_with_slug(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    """/claims/<id>/<any words>/: the words are cosmetic; the id is the permanent address."""
    return HttpResponsePermanentRedirect(reverse("claim-detail", args=[pk]))


def withdrawn_or_404(request: HttpRequest, pk: int) -> HttpResponse:
    """A deleted claim's address: a redirect to the claim it was merged into, or 410 Gone
    with what it was and why it was withdrawn."""
    found = WithdrawnClaim.current_address_of(pk)
    if found is None:
        raise Http404("No published claim has this number.")
    if isinstance(found, Claim):
        return HttpResponsePermanentRedirect(found.get_absolute_url())
    return render(request, "claims/withdrawn.html", {"tombstone": found}, status=410)
