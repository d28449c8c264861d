from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse

from archive.filters import most_discussed
from archive.models import Claim, Issue, Meeting, Person, Report


def home(request: HttpRequest) -> HttpResponse:
    meetings = Meeting.objects.published()
    officials = Person.objects.published().with_meeting_counts().with_claim_counts()
    context = {
        "counts": {
            "meetings": meetings.count(),
            "reports": Report.objects.published().count(),
            "claims": Claim.objects.published().count(),
            "officials": Person.objects.published().count(),
        },
        "recent_meetings": meetings.with_delegations().with_claim_counts().newest_first()[:5],
        "top_issues": most_discussed(Issue.objects.published())[:12],
        "officials": officials.order_by("sort_name")[:12],
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
