import pytest

from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def test_home_says_what_the_archive_holds(client, seed):
    page = client.get("/").content.decode()
    assert "China-U.S. High-Level Strategic Dialogue" in page
    assert "<dd>70</dd>" in page  # claims
    assert "Taiwan" in page and "Antony Blinken" in page


def test_home_lists_officials_with_their_meetings_not_a_count_of_none(client, seed):
    """The seed's report names no speaker: "0 attributed claims" beside each official
    would read as a fault."""
    page = client.get("/").content.decode()
    assert (
        '/officials/antony-blinken/">Antony Blinken</a> <span class="count">1 meeting</span>'
        in page
    )
    assert "attributed claim" not in page and "by name" not in page


def test_home_counts_the_claims_that_name_an_official(client, blinken_speaking):
    page = client.get("/").content.decode()
    assert '>Antony Blinken</a> <span class="count">1 meeting · 1 claim by name</span>' in page


def test_home_leaves_out_drafts(client, seed):
    make_meeting(status="draft")
    page = client.get("/").content.decode()
    assert "Test talks" not in page
    assert "<dd>2</dd>" in page  # the two published meetings


def test_home_works_on_an_empty_archive(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert "no published meeting yet" in response.content.decode()


def test_home_query_count_does_not_grow(client, seed, django_assert_max_num_queries):
    # The counts come from the facet tables, which the first request reads (14 queries)
    # and the first after a change brings to the new revision (see the claims list); each of
    # the page's three filter sets reads the revision.
    with django_assert_max_num_queries(26):
        client.get("/")
    with django_assert_max_num_queries(10):
        client.get("/")
    for _ in range(4):
        make_meeting(claims=10)
    with django_assert_max_num_queries(26):
        client.get("/")
    with django_assert_max_num_queries(10):
        client.get("/")


def test_the_site_has_an_icon(client, db):
    assert 'rel="icon" href="/static/img/favicon.svg"' in client.get("/").content.decode()
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/img/favicon.svg"
