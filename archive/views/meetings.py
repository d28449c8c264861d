from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from archive import citations, exports, structured_data
from archive.filters import MeetingFilter
from archive.models import Claim, Meeting, Report
from archive.presentation import compare_reports, compare_sides, group_by_issue
from archive.views.listing import Listing, faceted_listing
from archive.views.slugs import find_or_redirect

MEETINGS = Listing(
    url_name="meeting-list",
    filter_set=MeetingFilter,
    records=Meeting.objects.published,
    shown=lambda meetings: meetings.with_delegations().with_claim_counts(),
    sorts={"newest": "Newest first", "oldest": "Oldest first"},
    orderings={
        "newest": ("-start_date", "title", "pk"),
        "oldest": ("start_date", "title", "pk"),
    },
    per_page=settings.PAGE_SIZE,
    to_row=exports.meeting_row,
    columns=exports.MEETING_COLUMNS,
    template="meetings/list.html",
)


def meeting_list(request: HttpRequest) -> HttpResponse:
    """Published meetings, narrowed by facets; as a page, CSV or JSON."""
    return faceted_listing(request, MEETINGS)


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
        "pair_url": pair_url(meeting),
        "missing_accounts": missing_accounts(meeting, reports),
        "unattributed": sum(1 for claim in claims if not claim.speaker_id),
    }
    return render(request, "meetings/detail.html", context)


def meeting_compare(request: HttpRequest, slug: str) -> HttpResponse:
    """Both sides of one meeting side by side, issue by issue (or report by report)."""
    found = find_or_redirect(Meeting.objects.published().with_delegations(), slug)
    if isinstance(found, HttpResponse):
        return HttpResponsePermanentRedirect(found["Location"] + "compare/")
    meeting = found
    claims = list(
        Claim.objects.published().filter(meeting=meeting).for_display().in_document_order()
    )
    reports = list(Report.objects.published().filter(meeting=meeting).select_related("publisher"))
    by_report = request.GET.get("by") == "report" and len(reports) > 1
    delegations = list(meeting.delegations.all())
    if by_report:
        rows = compare_reports(claims, reports)
        columns = [
            f"{r.publisher.name}{', ' + r.reference if r.reference else ''}" for r in reports
        ]
    else:
        rows = compare_sides(claims, [d.pk for d in delegations])
        columns = [d.label for d in delegations]
    context = {
        "meeting": meeting,
        "rows": rows,
        "columns": columns,
        "delegations": delegations,
        "by_report": by_report,
        "reports": reports,
    }
    return render(request, "meetings/compare.html", context)


def pair_url(meeting: Meeting) -> str:
    codes = sorted(d.country.code for d in meeting.delegations.all())
    return reverse("country-pair", args=["-".join(codes).lower()]) if len(codes) == 2 else ""


def missing_accounts(meeting: Meeting, reports: list[Report]) -> list[str]:
    """The sides of a meeting with no report of their own (their government's readout)."""
    issued = {report.issued_by.code for report in reports if report.issued_by}
    return [d.label for d in meeting.delegations.all() if d.country.code not in issued]
