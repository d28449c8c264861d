from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from archive import citations, exports, structured_data
from archive.filters import ClaimFilter
from archive.models import Claim, WithdrawnClaim
from archive.presentation import claim_context
from archive.views import drafts
from archive.views.listing import Listing, faceted_listing

CLAIMS = Listing(
    url_name="claim-list",
    filter_set=ClaimFilter,
    shown=lambda: Claim.objects.published().for_display(),
    sorts={"newest": "Newest meeting first", "oldest": "Oldest meeting first"},
    per_page=25,
    to_row=exports.claim_row,
    columns=exports.CLAIM_COLUMNS,
    template="claims/list.html",
    feed="claim-feed",
)


def claim_list(request: HttpRequest) -> HttpResponse:
    """Every published claim, narrowed by facets; as a page, CSV or JSON. Words to search
    for (`q`) go to the search, which takes the same facets."""
    if request.GET.get("q", "").strip():
        return HttpResponseRedirect(f"{reverse('search')}?{request.GET.urlencode()}")
    return faceted_listing(request, CLAIMS)


def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim = Claim.objects.published().for_own_page().filter(pk=pk).first()
    if claim is None and drafts.sees_drafts(request, Claim):
        claim = Claim.objects.for_own_page().filter(pk=pk).first()
    if claim is None:
        return withdrawn_or_404(request, pk)
    draft = drafts.of_claim(claim)
    permalink = request.build_absolute_uri(claim.get_absolute_url())
    citation = citations.for_claim(claim, permalink, timezone.localdate())
    previous, following = Claim.objects.shown(draft is not None).neighbours(claim)
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
    return drafts.render_page(request, "claims/detail.html", context, draft)


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
