from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from archive import citations, structured_data
from archive.models import Claim
from archive.presentation import claim_context


def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.published().for_display(), pk=pk)
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
