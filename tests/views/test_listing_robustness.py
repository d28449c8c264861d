"""Whatever the query string of a listing holds, the answer is a page (200) or, for machine
formats, a 400 that says what is wrong: never a 500."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

NAMES = [
    "issue",
    "official",
    "country",
    "meeting",
    "kind",
    "publisher",
    "year",
    "from",
    "to",
    "pair",
    "type",
    "accounts",
    "sort",
    "page",
    "per_page",
    "more",
    "q",
    "format",
]
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "taiwan",
            "CN",
            "cn",
            "joint",
            "2021",
            "2021-03",
            "2021-02-30",
            "json",
            "csv",
            "\x00",
            "-1",
            "9" * 30,
        ]
    ),
)
PARAMS = st.lists(st.tuples(st.sampled_from(NAMES), VALUES), max_size=6)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(path=st.sampled_from(["/claims/", "/meetings/", "/search/", "/claims/feed/"]), params=PARAMS)
def test_any_parameters_answer_without_a_server_error(client, seed, path, params):
    response = client.get(path, params)
    if response.status_code == 302:  # words given to /claims/ go to the search
        assert path == "/claims/" and response["Location"].startswith("/search/?"), params
        return
    assert response.status_code in (200, 400), (params, response.status_code)
    if response.status_code == 400:
        assert response.content  # it says why
