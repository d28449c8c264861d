from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from archive.models import Claim, Participation, Person, Status
from archive.views.pagination import paginate


def official_list(request: HttpRequest) -> HttpResponse:
    officials = (
        Person.objects.published()
        .with_claim_counts()
        .with_participations()
        .order_by("sort_name", "name")
    )
    return render(request, "officials/list.html", {"page": paginate(request, officials)})


def official_detail(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Person.objects.published().prefetch_related("aliases"), slug=slug)
    participations = (
        Participation.objects.filter(person=person, meeting__status=Status.PUBLISHED)
        .select_related("meeting", "delegation")
        .annotate(
            side_claims=Count(
                "delegation__claims",
                filter=Q(delegation__claims__report__status=Status.PUBLISHED),
            )
        )
        .order_by("-meeting__start_date")
    )
    # Attributed claims, one row per (issue, claim) so that grouping by issue pages cleanly.
    claim_issues = (
        Claim.issues.through.objects.filter(claim__in=Claim.objects.published().by(person))
        .select_related("issue", "claim__meeting", "claim__delegation", "claim__speaker__person")
        .order_by("issue__name", "-claim__meeting__start_date", "claim__start")
    )
    context = {
        "person": person,
        "participations": participations,
        "page": paginate(request, claim_issues),
    }
    return render(request, "officials/detail.html", context)
