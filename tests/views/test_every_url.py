"""Every public address answers without a server error, whatever its path arguments and query
string hold: real slugs and ids, other slugs and numbers, odd and non-ASCII strings, repeated
parameters, broken percent-encodings, very long values. (The listings' own parameters are
explored in test_listing_robustness.py; this covers every route.)"""

import re
from urllib.parse import quote, urlencode

import pytest
from django.test import override_settings
from django.urls import URLPattern, get_resolver
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from archive.models import Claim, Issue, Meeting, Person, Report, WithdrawnClaim
from archive.sitemaps import SITEMAPS

pytestmark = pytest.mark.django_db

NOT_PUBLIC = ("admin/",)
ARGUMENT = re.compile(r"<(?:\w+:)?(?P<name>\w+)>")


def public_patterns() -> dict[str, URLPattern]:
    patterns = {}
    for entry in get_resolver().url_patterns:
        if str(entry.pattern).startswith(NOT_PUBLIC):
            continue
        assert isinstance(entry, URLPattern), f"{entry.pattern} includes other patterns"
        patterns[entry.name] = entry
    return patterns


def real_values() -> dict[str, dict[str, list[str]]]:
    """For each route, the values of its arguments that lead somewhere in the seed."""
    claims = [str(pk) for pk in Claim.objects.values_list("pk", flat=True)[:20]]
    withdrawn = [str(pk) for pk in WithdrawnClaim.objects.values_list("claim_id", flat=True)]
    meetings = list(Meeting.objects.values_list("slug", flat=True))
    reports = list(Report.objects.values_list("slug", flat=True))
    formats = ["bib", "ris", "json", "html", "BIB", "json.json", ""]
    return {
        "home": {},
        "meeting-list": {},
        "meeting-detail": {"slug": meetings},
        "meeting-compare": {"slug": meetings},
        "report-detail": {"slug": reports},
        "claim-list": {},
        "claim-feed": {},
        "claim-detail": {"pk": claims + withdrawn},
        "claim-with-slug": {"pk": claims, "slug": ["the-biggest-lie", "x"]},
        "claim-cite": {"pk": claims + withdrawn, "fmt": formats},
        "report-cite": {"slug": reports, "fmt": formats},
        "country-pair": {"pair": ["cn-us", "us-cn", "CN-US", "cn-cn", "cn-us-ru", "xx-yy"]},
        "country-pair-claims": {"pair": ["cn-us", "us-cn", "cn-cn", "xx-yy"]},
        "official-list": {},
        "official-detail": {"slug": list(Person.objects.values_list("slug", flat=True)[:20])},
        "issue-list": {},
        "issue-detail": {"slug": list(Issue.objects.values_list("slug", flat=True)[:20])},
        "search": {},
        "healthz": {},
        "robots": {},
        "favicon": {},
        "sitemap": {},
        "sitemap-section": {"section": [*SITEMAPS, "nope"]},
    }


ODD = st.sampled_from(
    [
        "0",
        "-1",
        "9" * 40,
        "%",
        "%zz",
        "%00",
        "%C3%28",
        "%FF%FE",
        "%E2%80%AE",
        "..",
        "a" * 300,
        "Ünïcödé",
        "北京",
        "\U0001f600",
        "<script>",
        "' OR 1=1 --",
    ]
)
TEXT = st.text(min_size=1, max_size=30)


def path_value(converter_regex: str, real: list[str]):
    """A value the route accepts (real or made up), or something it may not."""
    return st.one_of(
        *([st.sampled_from(real)] if real else []),
        st.from_regex(converter_regex, fullmatch=True).map(lambda s: quote(s[:200], safe="")),
        TEXT.map(lambda s: quote(s, safe="")),
        ODD,  # as they are: broken percent-encodings included
    )


NAMES = ["q", "page", "per_page", "format", "sort", "issue", "official", "from", "to", "year"]
QUERY_VALUES = st.one_of(
    TEXT.map(lambda s: urlencode({"": s})[1:]),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    ODD,
    st.just("x" * 5000),
)
QUERY = st.lists(st.tuples(st.one_of(st.sampled_from(NAMES), ODD), QUERY_VALUES), max_size=5).map(
    lambda pairs: "&".join(f"{name}={value}" for name, value in pairs)
)


@pytest.fixture
def routes(seed) -> tuple[dict[str, URLPattern], dict[str, dict[str, list[str]]]]:
    return public_patterns(), real_values()


def test_every_public_route_is_explored(routes):
    """A new public route must be added to real_values(), with what leads somewhere."""
    patterns, real = routes
    assert set(patterns) == set(real)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_address_causes_a_server_error(client, routes, data):
    patterns, real = routes
    name = data.draw(st.sampled_from(sorted(patterns)), label="route")
    converters = patterns[name].pattern.converters
    args = {
        arg: data.draw(path_value(converter.regex, real[name].get(arg, [])), label=arg)
        for arg, converter in converters.items()
    }
    # The drawn values as they are, not through reverse(), which would refuse some of them.
    path = "/" + ARGUMENT.sub(lambda m: args[m["name"]], str(patterns[name].pattern))
    query = data.draw(QUERY, label="query")
    with override_settings(EXPORTS_PER_MINUTE=0):  # else the feed would soon answer 429
        response = client.get(path + ("?" + query if query else ""))
    event(f"answered {response.status_code}")  # --hypothesis-show-statistics: the spread
    assert response.status_code < 500, (path, query, response.status_code)
