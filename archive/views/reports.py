from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from archive import citations
from archive.models import Claim, Report
from archive.presentation import cite_notes, mark_claims
from archive.views import drafts


def report_detail(request: HttpRequest, slug: str) -> HttpResponse:
    found = drafts.find_published_or_draft(
        request, Report.objects.select_related("publisher", "relayed_by", "meeting"), slug
    )
    if isinstance(found, HttpResponse):
        return found
    report = found
    draft = drafts.of_report(report)
    claims = list(Claim.objects.shown(draft is not None).filter(report=report).for_display())
    paragraphs = mark_claims(report.body, claims)
    permalink = request.build_absolute_uri(report.get_absolute_url())
    citation = citations.for_report(report, permalink, timezone.localdate())
    context = {
        "report": report,
        "permalink": permalink,
        "chicago": citations.chicago(citation),
        "apa": citations.apa(citation),
        "paragraphs": paragraphs,
        "notes": cite_notes(paragraphs, report.footnotes.all()),
        "claim_count": len(claims),
    }
    return drafts.render_page(request, "reports/detail.html", context, draft)
