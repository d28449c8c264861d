"""An address may download only so many exports, and search only so often, a minute; pages,
staff and the health check are never limited. The count is kept in the database, shared by
every worker. Also the caps that bound what one request may ask for."""

import pytest
from django.contrib.auth.models import User
from django.test import override_settings

from archive import ratelimit
from archive.listing import JSON_MAX_PAGE_SIZE
from archive.search.query import MAX_QUERY_CHARS

pytestmark = pytest.mark.django_db

EXPORTS = [
    ("/claims/", {"format": "csv"}),
    ("/claims/", {"format": "json"}),
    ("/meetings/", {"format": "csv"}),
    ("/meetings/", {"format": "json"}),
    ("/search/", {"q": "taiwan", "format": "csv"}),
    ("/search/", {"q": "taiwan", "format": "json"}),
    ("/claims/feed/", {}),
]


@pytest.fixture
def at(monkeypatch):
    """Set the clock the limiter reads (seconds since the epoch)."""

    def set_clock(seconds: float) -> None:
        monkeypatch.setattr(ratelimit.time, "time", lambda: seconds)

    set_clock(6_000_000.0)  # the start of a minute
    return set_clock


@override_settings(EXPORTS_PER_MINUTE=2)
@pytest.mark.parametrize(("path", "params"), EXPORTS)
def test_it_refuses_a_third_export_in_a_minute(client, seed, at, path, params):
    at(6_000_010.0)
    assert client.get(path, params).status_code == 200
    assert client.get(path, params).status_code == 200
    refused = client.get(path, params)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "50"
    assert refused.content.decode() == (
        "Too many exports from your address: at most 2 a minute; try again in 50 seconds.\n"
    )


@override_settings(EXPORTS_PER_MINUTE=2)
def test_every_kind_of_export_counts_towards_one_limit(client, seed, at):
    assert client.get("/claims/", {"format": "csv"}).status_code == 200
    assert client.get("/claims/feed/").status_code == 200
    assert client.get("/meetings/", {"format": "json"}).status_code == 429


@override_settings(EXPORTS_PER_MINUTE=1)
def test_pages_are_not_counted_nor_limited(client, seed, at):
    for path in ("/claims/", "/meetings/", "/search/?q=taiwan", "/claims/57/cite.bib"):
        assert client.get(path).status_code == 200
        assert client.get(path).status_code == 200
    assert client.get("/claims/", {"format": "json"}).status_code == 200


@override_settings(EXPORTS_PER_MINUTE=1)
def test_an_unknown_format_is_not_an_export(client, seed, at):
    assert client.get("/claims/", {"format": "json"}).status_code == 200
    assert client.get("/claims/", {"format": "xml"}).status_code == 400
    assert client.get("/claims/", {"format": ["html", "json"]}).status_code == 200


@override_settings(EXPORTS_PER_MINUTE=1)
def test_the_limit_starts_again_the_next_minute(client, seed, at):
    assert client.get("/claims/", {"format": "json"}).status_code == 200
    at(6_000_059.5)
    refused = client.get("/claims/", {"format": "json"})
    assert refused.status_code == 429
    assert refused["Retry-After"] == "1"
    at(6_000_060.0)
    assert client.get("/claims/", {"format": "json"}).status_code == 200


@override_settings(EXPORTS_PER_MINUTE=1)
def test_each_address_has_its_own_count(client, seed, at):
    assert client.get("/claims/", {"format": "json"}, REMOTE_ADDR="192.0.2.1").status_code == 200
    assert client.get("/claims/", {"format": "json"}, REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/claims/", {"format": "json"}, REMOTE_ADDR="192.0.2.2").status_code == 200


@override_settings(EXPORTS_PER_MINUTE=1)
def test_staff_are_not_limited_but_other_users_are(client, seed, at):
    editor = User.objects.create_user("editor", password="x", is_staff=True)
    reader = User.objects.create_user("reader", password="x")
    client.force_login(editor)
    assert all(client.get("/claims/", {"format": "csv"}).status_code == 200 for _ in range(3))
    client.force_login(reader)  # the editor's downloads were not counted
    assert client.get("/claims/", {"format": "csv"}).status_code == 200
    assert client.get("/claims/", {"format": "csv"}).status_code == 429


@override_settings(EXPORTS_PER_MINUTE=0)
def test_zero_turns_the_limit_off(client, seed, at):
    assert all(client.get("/claims/feed/").status_code == 200 for _ in range(3))


@override_settings(EXPORTS_PER_MINUTE=1)
def test_a_forged_forwarded_for_does_not_escape_the_limit(client, seed, at):
    """Without a trusted proxy, X-Forwarded-For is whatever the client wrote."""
    for n in (1, 2):
        response = client.get(
            "/claims/", {"format": "json"}, headers={"X-Forwarded-For": f"198.51.100.{n}"}
        )
    assert response.status_code == 429


@override_settings(EXPORTS_PER_MINUTE=1, TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_address_it_saw_is_counted(client, seed, at):
    def export(forwarded: str):
        return client.get(
            "/claims/",
            {"format": "json"},
            REMOTE_ADDR="10.0.0.1",
            headers={"X-Forwarded-For": forwarded},
        )

    assert export("203.0.113.7").status_code == 200
    # The client wrote a different address on the left; the proxy appended the real one.
    assert export("198.51.100.9, 203.0.113.7").status_code == 429
    assert export("203.0.113.8").status_code == 200


def test_the_client_address_ignores_a_short_forwarded_chain(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", headers={"X-Forwarded-For": "203.0.113.7"})
    assert ratelimit.client_address(request) == "10.0.0.1"
    request = rf.get(
        "/", REMOTE_ADDR="10.0.0.1", headers={"X-Forwarded-For": "6.6.6.6, 203.0.113.7, 10.0.0.2"}
    )
    assert ratelimit.client_address(request) == "203.0.113.7"


@override_settings(SEARCHES_PER_MINUTE=2)
def test_it_refuses_a_third_search_in_a_minute_with_retry_after(client, seed, at):
    at(6_000_030.0)
    assert client.get("/search/", {"q": "taiwan"}).status_code == 200
    assert client.get("/search/", {"q": "xinjiang"}).status_code == 200
    refused = client.get("/search/", {"q": "hong kong"})
    assert refused.status_code == 429
    assert refused["Retry-After"] == "30"
    assert refused.content.decode() == (
        "Too many searches from your address: at most 2 a minute; try again in 30 seconds.\n"
    )
    # The search page without words, and the other pages, are not searches.
    assert client.get("/search/").status_code == 200
    assert client.get("/claims/").status_code == 200


@override_settings(SEARCHES_PER_MINUTE=1)
def test_staff_search_as_often_as_they_like(client, seed, at):
    client.force_login(User.objects.create_user("editor", password="x", is_staff=True))
    assert all(client.get("/search/", {"q": "taiwan"}).status_code == 200 for _ in range(3))


@override_settings(SEARCHES_PER_MINUTE=1)
def test_the_count_is_the_databases_not_a_workers(client, seed, at):
    from django.core.cache import cache

    from archive.models import RequestCount

    assert client.get("/search/", {"q": "taiwan"}).status_code == 200
    cache.clear()  # a worker's own memory forgets; the count does not
    assert client.get("/search/", {"q": "taiwan"}).status_code == 429
    row = RequestCount.objects.get(bucket="searches:127.0.0.1")
    assert (row.minute, row.count) == (100_000, 2)


def test_a_new_minute_forgets_the_minutes_before_it(db, at):
    from archive.models import RequestCount

    assert ratelimit.counted("searches:192.0.2.1", 100_000) == 1
    assert ratelimit.counted("searches:192.0.2.1", 100_000) == 2
    assert ratelimit.counted("searches:192.0.2.1", 100_002) == 1
    assert list(RequestCount.objects.values_list("minute", "count")) == [(100_002, 1)]


# The caps that bound one request, whatever the limit on how many.


def test_json_pages_hold_at_most_a_hundred_records(client, seed):
    assert client.get("/claims/", {"format": "json", "per_page": "100"}).json()["per_page"] == 100
    response = client.get("/claims/", {"format": "json", "per_page": "101"})
    assert response.status_code == 400
    assert response.json() == {
        "errors": [f"per_page must be a number from 1 to {JSON_MAX_PAGE_SIZE}."]
    }
    assert JSON_MAX_PAGE_SIZE == 100


def test_html_pages_ignore_per_page(client, seed):
    response = client.get("/claims/", {"per_page": "100000"})
    assert response.status_code == 200
    assert response.context["page"].paginator.per_page == 25


def test_a_long_search_is_cut_with_a_notice(client, seed):
    response = client.get("/search/", {"q": "taiwan " * 200})
    assert response.status_code == 200
    assert len(response.context["q"]) <= MAX_QUERY_CHARS
    assert f"Your search was longer than {MAX_QUERY_CHARS} characters" in response.content.decode()
