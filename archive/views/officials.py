from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from archive import charts, structured_data
from archive.models import Claim, Issue, Participation, Person
from archive.views.listing import paginate
from archive.views.slugs import find_or_redirect


def official_list(request: HttpRequest) -> HttpResponse:
    officials = (
        Person.objects.published()
        .with_claim_counts()
        .with_side_claim_counts()
        .with_participations()
        .order_by("sort_name", "name")
    )
    return render(request, "officials/list.html", {"page": paginate(request, officials)})


def official_detail(request: HttpRequest, slug: str) -> HttpResponse:
    found = find_or_redirect(Person.objects.published().prefetch_related("aliases"), slug)
    if isinstance(found, HttpResponse):
        return found
    person = found
    attributed = Claim.objects.published().by(person)
    participations = (
        Participation.objects.published()
        .filter(person=person)
        .select_related("meeting", "delegation")
        .with_side_claim_counts()
        .order_by("-meeting__start_date")
    )
    context = {
        "person": person,
        "participations": participations,
        "page": paginate(request, attributed.issue_rows()),
        "timeline": issue_timeline(attributed),
        "structured_data": structured_data.person_ld(person, request.build_absolute_uri),
    }
    return render(request, "officials/detail.html", context)


def issue_timeline(attributed) -> charts.Chart | None:
    """The claims by month, each once, in a series for each of the issues they are most often
    on: a query for those issues with their names, one for the months."""
    leading = (
        Issue.objects.filter(claims__in=attributed)
        .annotate(claims_on=Count("claims"))
        .order_by("-claims_on", "name")
        .values_list("pk", "name")[: charts.MAX_SERIES]
    )
    names = dict(leading)
    if not names:
        return None
    return charts.timeline_by_issue(attributed.monthly_counts_by_issue(list(names)), names)
