import datetime
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from archive import charts
from archive.choices import JOINT
from archive.filters import ClaimFilter, with_claim_counts
from archive.models import Claim, Issue
from archive.presentation import issue_tree
from archive.views.listing import page_in_order
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
    month, problem = requested_month(request)
    listed = claims_on(issue, month)
    by_side = [
        (first_day, None if side == JOINT else side, n)
        for first_day, side, n in claims_on(issue).monthly_counts_by("country")
    ]
    context = {
        "issue": issue,
        "timeline": charts.timeline(by_side, url_for_month=month_link),
        "month": month,
        "problem": problem,
        "children": with_claim_counts(
            Issue.objects.published().filter(parent=issue).order_by("name")
        ),
        "page": page_in_order(request, listed, "sides", Claim.objects.published().for_display()),
    }
    return render(request, "issues/detail.html", context)


def claims_on(issue: Issue, month: datetime.date | None = None) -> ClaimFilter:
    """The issue's claims (with its narrower issues'), as the claims listing selects them;
    those of meetings in `month`."""
    query = {"issue": issue.slug}
    if month:
        query |= {"from": f"{month:%Y-%m}", "to": f"{month:%Y-%m}"}
    return ClaimFilter(QueryDict(urlencode(query)))


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
