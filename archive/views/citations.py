from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from archive import citations
from archive.models import Claim, Report


def cite_claim(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.published().for_display(), pk=pk)
    url = request.build_absolute_uri(claim.get_absolute_url())
    return download(citations.for_claim(claim, url, timezone.localdate()), fmt)


def cite_report(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    report = get_object_or_404(
        Report.objects.published().select_related("publisher", "meeting"), slug=slug
    )
    url = request.build_absolute_uri(report.get_absolute_url())
    return download(citations.for_report(report, url, timezone.localdate()), fmt)


def download(citation: citations.Citation, fmt: str) -> HttpResponse:
    if fmt not in citations.FORMATS:
        raise Http404("Citations come as .bib, .ris or .json.")
    render, content_type = citations.FORMATS[fmt]
    response = HttpResponse(render(citation), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{citation.key}.{fmt}"'
    return response
