"""Whatever a visitor puts in the query string, public pages answer without a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ANCHORAGE

pytestmark = pytest.mark.django_db

URLS = [
    "/",
    "/meetings/",
    f"/meetings/{ANCHORAGE}/",
    "/reports/memri-special-dispatch-9249/",
    "/claims/57/",
    "/officials/",
    "/officials/antony-blinken/",
    "/issues/",
    "/issues/taiwan/",
    "/search/",
    "/sitemap.xml",
    "/sitemap-claims.xml",
    "/robots.txt",
]

values = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.just("9" * 5000),
)


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    url=st.sampled_from(URLS),
    params=st.lists(
        st.tuples(st.sampled_from(["page", "q", "sort", "p", "format", "x"]), values),
        max_size=4,
    ),
)
def test_no_query_string_causes_a_server_error(client, seed, url, params):
    query = {}
    for key, value in params:
        query.setdefault(key, []).append(value)
    response = client.get(url, query)
    assert response.status_code < 500
