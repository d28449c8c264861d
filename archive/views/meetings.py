from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from archive import citations, structured_data
from archive.models import Claim, Meeting, Report
from archive.presentation import group_by_issue
from archive.views.pagination import paginate
from archive.views.slugs import find_or_redirect


def meeting_list(request: HttpRequest) -> HttpResponse:
    meetings = Meeting.objects.published().with_delegations().with_claim_counts().newest_first()
    return render(request, "meetings/list.html", {"page": paginate(request, meetings)})


def meeting_detail(request: HttpRequest, slug: str) -> HttpResponse:
    found = find_or_redirect(Meeting.objects.published().with_delegations(), slug)
    if isinstance(found, HttpResponse):
        return found
    meeting = found
    claims = list(
        Claim.objects.published().filter(meeting=meeting).for_display().in_document_order()
    )
    reports = list(
        Report.objects.published().filter(meeting=meeting).select_related("publisher", "meeting")
    )
    for report in reports:
        url = request.build_absolute_uri(report.get_absolute_url())
        report.chicago = citations.chicago(citations.for_report(report, url, timezone.localdate()))
    context = {
        "meeting": meeting,
        "groups": group_by_issue(claims),
        "claim_count": len(claims),
        "reports": reports,
        "related": meeting.related_meetings.published(),
        "structured_data": structured_data.meeting_ld(meeting, request.build_absolute_uri),
    }
    return render(request, "meetings/detail.html", context)
