from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from archive.models import Claim, Issue
from archive.views.pagination import paginate


def issue_list(request: HttpRequest) -> HttpResponse:
    issues = list(Issue.objects.published().with_claim_counts().order_by("name"))
    children: dict[int, list[Issue]] = {}
    for issue in issues:
        if issue.parent_id is not None:
            children.setdefault(issue.parent_id, []).append(issue)
    tree = [(issue, children.get(issue.pk, [])) for issue in issues if issue.parent_id is None]
    return render(request, "issues/list.html", {"tree": tree})


def issue_detail(request: HttpRequest, slug: str) -> HttpResponse:
    issue = get_object_or_404(
        Issue.objects.published().select_related("parent").prefetch_related("aliases"),
        slug=slug,
    )
    claims = (
        Claim.objects.published()
        .about(issue)
        .for_display()
        .order_by("-meeting__start_date", "meeting_id", "joint", "delegation__side", "start")
    )
    context = {
        "issue": issue,
        "children": Issue.objects.published().filter(parent=issue).with_claim_counts(),
        "page": paginate(request, claims),
    }
    return render(request, "issues/detail.html", context)
