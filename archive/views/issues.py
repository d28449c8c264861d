import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from archive import charts
from archive.filters import with_claim_counts
from archive.models import Claim, Issue
from archive.presentation import issue_tree
from archive.views.pagination import paginate
from archive.views.slugs import find_or_redirect


def issue_list(request: HttpRequest) -> HttpResponse:
    issues = with_claim_counts(Issue.objects.published().order_by("name"))
    return render(request, "issues/list.html", {"tree": issue_tree(issues)})


def issue_detail(request: HttpRequest, slug: str) -> HttpResponse:
    found = find_or_redirect(
        Issue.objects.published().select_related("parent").prefetch_related("aliases"), slug
    )
    if isinstance(found, HttpResponse):
        return found
    issue = found
    about = Claim.objects.published().about(issue)
    month, problem = requested_month(request)
    claims = about.in_month(month) if month else about
    context = {
        "issue": issue,
        "timeline": charts.timeline(about.monthly_counts_by_side(), url_for_month=month_link),
        "month": month,
        "problem": problem,
        "children": with_claim_counts(
            Issue.objects.published().filter(parent=issue).order_by("name")
        ),
        "page": paginate(request, claims.for_display().by_meeting_and_side()),
    }
    return render(request, "issues/detail.html", context)


def month_link(month: datetime.date) -> str:
    """A timeline's bar narrows this page's list to its month (requested_month reads it)."""
    return f"?month={month:%Y-%m}#claims-list"


def requested_month(request: HttpRequest) -> tuple[datetime.date | None, str]:
    """?month=YYYY-MM narrows a timeline's list to one month; anything else is explained."""
    raw = request.GET.get("month", "")
    if not raw:
        return None, ""
    try:
        return datetime.datetime.strptime(raw, "%Y-%m").date(), ""
    except ValueError:
        return None, f"\u201c{raw[:20]}\u201d is not a month (write it as 2021-03); showing all."
