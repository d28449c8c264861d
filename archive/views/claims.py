from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from archive.citations import plain_citation
from archive.models import Claim
from archive.presentation import claim_context


def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.published().for_display(), pk=pk)
    permalink = request.build_absolute_uri(claim.get_absolute_url())
    siblings = Claim.objects.published().filter(report=claim.report_id)
    context = {
        "claim": claim,
        "context": claim_context(claim.report.body, claim),
        "citation": plain_citation(claim, permalink),
        "permalink": permalink,
        "previous": siblings.filter(start__lt=claim.start).order_by("-start").first(),
        "next": siblings.filter(start__gt=claim.start).order_by("start").first(),
    }
    return render(request, "claims/detail.html", context)
