from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
)
from django.urls import reverse
from django.utils import timezone

from archive import citations
from archive.models import Claim, Report, WithdrawnClaim
from archive.views.slugs import find_or_redirect


def cite_claim(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    claim = Claim.objects.published().for_display().filter(pk=pk).first()
    if claim is None:  # merged into another claim: cite that one
        found = WithdrawnClaim.current_address_of(pk)
        if isinstance(found, Claim):
            return HttpResponsePermanentRedirect(reverse("claim-cite", args=[found.pk, fmt]))
        raise Http404("No published claim has this number.")
    url = request.build_absolute_uri(claim.get_absolute_url())
    return download(citations.for_claim(claim, url, timezone.localdate()), fmt)


def cite_report(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    found = find_or_redirect(
        Report.objects.published().select_related("publisher", "meeting"), slug
    )
    if isinstance(found, HttpResponse):  # renamed: the same file at the new address
        return HttpResponsePermanentRedirect(found["Location"] + f"cite.{fmt}")
    url = request.build_absolute_uri(found.get_absolute_url())
    return download(citations.for_report(found, url, timezone.localdate()), fmt)


def download(citation: citations.Citation, fmt: str) -> HttpResponse:
    if fmt not in citations.FORMATS:
        raise Http404("Citations come as .bib, .ris or .json.")
    render, content_type = citations.FORMATS[fmt]
    response = HttpResponse(render(citation), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{citation.key}.{fmt}"'
    return response
