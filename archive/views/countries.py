from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django_countries import countries

from archive.forms import JOINT, PairClaimsForm
from archive.marks import country_mark
from archive.models import Claim, Issue, Meeting
from archive.presentation import issue_table
from archive.views.listing import paginate


def pair_codes(pair: str) -> tuple[str, str]:
    """The two ISO codes `pair` names ("cn-us"), in alphabetical order; 404 otherwise."""
    codes = pair.upper().split("-")
    if len(codes) != 2 or codes[0] == codes[1] or not all(c in dict(countries) for c in codes):
        raise Http404("Name two different countries by their ISO codes, e.g. /countries/cn-us/.")
    first, second = sorted(codes)
    return first, second


def country_pair(request: HttpRequest, pair: str) -> HttpResponse:
    """/countries/cn-us/: the meetings of two countries, and who raised which issues."""
    first, second = pair_codes(pair)
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
        "codes": (first.lower(), second.lower(), JOINT),
        "marks": (country_mark(first), country_mark(second)),
        "claims_url": reverse("country-pair-claims", args=[canonical]),
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


def country_pair_claims(request: HttpRequest, pair: str) -> HttpResponse:
    """/countries/cn-us/claims/?issue=taiwan&side=cn: the claims a count on the pair's page
    counts (claims tagged with that issue, by that side, at meetings of the two)."""
    first, second = pair_codes(pair)
    canonical = f"{first}-{second}".lower()
    if pair != canonical:
        query = f"?{request.GET.urlencode()}" if request.GET else ""
        return HttpResponsePermanentRedirect(
            reverse("country-pair-claims", args=[canonical]) + query
        )
    if not Meeting.objects.published().between(first, second).exists():
        raise Http404("The archive holds no published meeting between these two countries.")
    names = {first: countries.name(first), second: countries.name(second)}
    form = PairClaimsForm(request.GET, names)
    claims = Claim.objects.published().between(first, second)
    issue = side = None
    if form.is_valid():
        issue, side = form.cleaned_data["issue"], form.cleaned_data["side"]
        if issue is not None:
            claims = claims.filter(issues=issue)
        if side == JOINT:
            claims = claims.filter(joint=True)
        elif side:
            claims = claims.filter(delegation__country=side.upper())
    page = paginate(request, claims.for_display().by_meeting_and_side())
    context = {
        "names": tuple(names.values()),
        "pair_url": reverse("country-pair", args=[canonical]),
        "form": form,
        "issue": issue,
        "side": dict(form.fields["side"].choices).get(side) if side else None,
        "page": page,
    }
    response = render(request, "countries/pair_claims.html", context)
    if form.errors:
        response.status_code = 400
    return response
