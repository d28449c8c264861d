from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import timezone

from archive import citations, exports, structured_data
from archive.filters import MeetingFilter
from archive.forms import CompareLayoutForm, MeetingIssueForm
from archive.models import Claim, Meeting, Report
from archive.presentation import (
    accounts_of,
    claims_on,
    compare_reports,
    compare_sides,
    issue_index,
)
from archive.views import drafts
from archive.views.listing import Listing, faceted_listing

MEETINGS = Listing(
    url_name="meeting-list",
    filter_set=MeetingFilter,
    shown=lambda: Meeting.objects.published().with_delegations().with_claim_counts(),
    sorts={"newest": "Newest first", "oldest": "Oldest first"},
    per_page=settings.PAGE_SIZE,
    to_row=exports.meeting_row,
    columns=exports.MEETING_COLUMNS,
    template="meetings/list.html",
)


def meeting_list(request: HttpRequest) -> HttpResponse:
    """Published meetings, narrowed by facets; as a page, CSV or JSON."""
    return faceted_listing(request, MEETINGS)


def meeting_detail(request: HttpRequest, slug: str) -> HttpResponse:
    found = drafts.find_published_or_draft(request, Meeting.objects.with_delegations(), slug)
    if isinstance(found, HttpResponse):
        return found
    meeting = found
    draft = drafts.of_meeting(meeting)
    claims, reports = claims_and_reports(meeting, draft is not None)
    for report in reports:
        url = request.build_absolute_uri(report.get_absolute_url())
        report.chicago = citations.chicago(citations.for_report(report, url, timezone.localdate()))
    index = issue_index(claims)
    form = MeetingIssueForm(request.GET, index)
    chosen = form.chosen()
    context = {
        "meeting": meeting,
        "issue_index": index,
        "form": form,
        "chosen": chosen,
        # Each claim once, in the order of its report, its issues as chips on its card.
        "claims": claims_on(claims, chosen) if chosen else claims,
        "claim_count": len(claims),
        "reports": reports,
        "related": meeting.related_meetings.published(),
        "structured_data": structured_data.meeting_ld(meeting, request.build_absolute_uri),
        "pair_url": pair_url(meeting),
        "accounts": accounts_of(meeting, reports),
        "unattributed": sum(1 for claim in claims if not claim.speaker_id),
    }
    response = drafts.render_page(request, "meetings/detail.html", context, draft)
    if form.errors:
        response.status_code = 400  # the page says the issue asked for is not this meeting's
    return response


def meeting_compare(request: HttpRequest, slug: str) -> HttpResponse:
    """Both sides of one meeting side by side, issue by issue (or report by report)."""
    found = drafts.find_published_or_draft(request, Meeting.objects.with_delegations(), slug)
    if isinstance(found, HttpResponse):
        return HttpResponsePermanentRedirect(found["Location"] + "compare/")
    meeting = found
    draft = drafts.of_meeting(meeting)
    claims, reports = claims_and_reports(meeting, draft is not None)
    layout = CompareLayoutForm(request.GET)
    by_report = layout.by_report() and len(reports) > 1
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
        "accounts": accounts_of(meeting, reports),
        "marks": [d.mark for d in delegations],
    }
    return drafts.render_page(request, "meetings/compare.html", context, draft)


def claims_and_reports(meeting: Meeting, drafts_too: bool) -> tuple[list[Claim], list[Report]]:
    """A meeting's claims in the order of their reports, and its reports; a draft meeting
    shows its editors its drafts among them."""
    claims = Claim.objects.shown(drafts_too).filter(meeting=meeting)
    reports = Report.objects.shown(drafts_too).filter(meeting=meeting)
    return (
        list(claims.for_display().in_document_order()),
        list(reports.select_related("publisher", "relayed_by", "meeting")),
    )


def pair_url(meeting: Meeting) -> str:
    codes = sorted(d.country.code for d in meeting.delegations.all())
    return reverse("country-pair", args=["-".join(codes).lower()]) if len(codes) == 2 else ""
