from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from archive.models import Claim, Issue
from archive.presentation import issue_tree
from archive.views.pagination import paginate
from archive.views.slugs import find_or_redirect


def issue_list(request: HttpRequest) -> HttpResponse:
    issues = Issue.objects.published().with_claim_counts().order_by("name")
    return render(request, "issues/list.html", {"tree": issue_tree(issues)})


def issue_detail(request: HttpRequest, slug: str) -> HttpResponse:
    found = find_or_redirect(
        Issue.objects.published().select_related("parent").prefetch_related("aliases"), slug
    )
    if isinstance(found, HttpResponse):
        return found
    issue = found
    claims = Claim.objects.published().about(issue).for_display().by_meeting_and_side()
    context = {
        "issue": issue,
        "children": Issue.objects.published().filter(parent=issue).with_claim_counts(),
        "page": paginate(request, claims),
    }
    return render(request, "issues/detail.html", context)
