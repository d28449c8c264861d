from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from archive import citations
from archive.models import Claim, Report
from archive.presentation import mark_claims
from archive.views.slugs import find_or_redirect


def report_detail(request: HttpRequest, slug: str) -> HttpResponse:
    found = find_or_redirect(
        Report.objects.published().select_related("publisher", "meeting"), slug
    )
    if isinstance(found, HttpResponse):
        return found
    report = found
    claims = list(Claim.objects.published().filter(report=report).for_display())
    footnotes = list(report.footnotes.all())
    permalink = request.build_absolute_uri(report.get_absolute_url())
    citation = citations.for_report(report, permalink, timezone.localdate())
    context = {
        "report": report,
        "permalink": permalink,
        "chicago": citations.chicago(citation),
        "apa": citations.apa(citation),
        "paragraphs": mark_claims(report.body, claims),
        "footnotes": footnotes,
        "footnote_numbers": {note.number for note in footnotes},
        "claim_count": len(claims),
    }
    return render(request, "reports/detail.html", context)
