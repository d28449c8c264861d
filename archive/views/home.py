from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, QueryDict
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse

from archive.filters import ClaimFilter, MeetingFilter, most_discussed
from archive.models import Issue, Meeting, Person, Report
from archive.views.listing import records_of


def home(request: HttpRequest) -> HttpResponse:
    """What the archive holds, counted like the listings count it (archive/filters.py)."""
    claims, meetings = ClaimFilter(QueryDict()), MeetingFilter(QueryDict())
    officials = list(Person.objects.published().order_by("sort_name")[:12])
    claims_by, meetings_of = (
        claims.records_by_value("official"),
        meetings.records_by_value("official"),
    )
    for person in officials:
        person.claim_count = claims_by.get(person.slug, 0)
        person.meeting_count = meetings_of.get(person.slug, 0)
    recent = records_of(
        Meeting.objects.published().with_delegations(), meetings.ids("newest", 0, 5)
    )
    claims_at = claims.records_by_value("meeting")
    for meeting in recent:
        meeting.claim_count = claims_at.get(meeting.slug, 0)
    context = {
        "counts": {
            "meetings": meetings.total(),
            "reports": Report.objects.published().count(),
            "claims": claims.total(),
            "officials": Person.objects.published().count(),
        },
        "recent_meetings": recent,
        "top_issues": most_discussed(Issue.objects.published())[:12],
        "officials": officials,
    }
    return render(request, "home/home.html", context)


def robots(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /*/cite.",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def favicon(request: HttpRequest) -> HttpResponse:
    """Clients that ask for /favicon.ico before reading a page's <link rel="icon">."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
