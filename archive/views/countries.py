from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django_countries import countries

from archive.models import Claim, Issue, Meeting
from archive.presentation import issue_table
from archive.views.pagination import paginate


def country_pair(request: HttpRequest, pair: str) -> HttpResponse:
    """/countries/cn-us/: the meetings of two countries, and who raised which issues."""
    codes = pair.upper().split("-")
    if len(codes) != 2 or codes[0] == codes[1] or not all(c in dict(countries) for c in codes):
        raise Http404("Name two different countries by their ISO codes, e.g. /countries/cn-us/.")
    first, second = sorted(codes)
    canonical = f"{first}-{second}".lower()
    if pair != canonical:
        return HttpResponsePermanentRedirect(reverse("country-pair", args=[canonical]))
    meetings = (
        Meeting.objects.published()
        .between(first, second)
        .with_delegations()
        .with_claim_counts()
        .newest_first()
    )
    page = paginate(request, meetings)
    if not page.paginator.count:
        raise Http404("The archive holds no published meeting between these two countries.")
    claims = Claim.objects.published().between(first, second)
    issues = Issue.objects.filter(claims__in=claims).annotate(total=Count("claims")).distinct()
    names = (countries.name(first), countries.name(second))
    context = {
        "names": names,
        "page": page,
        "table": issue_table(
            issues.order_by("-total", "name")[:30], claims.issue_counts_by_side(), (first, second)
        ),
        "claim_total": claims.count(),
        "both_accounts": Meeting.objects.published()
        .between(first, second)
        .with_accounts_from_both(first, second)
        .count(),
        "unattributed": claims.filter(speaker__isnull=True).count(),
    }
    return render(request, "countries/pair.html", context)
