import pytest

pytestmark = pytest.mark.django_db


def test_a_missing_page_says_so_with_ways_on(client, settings, seed):
    settings.DEBUG = False
    response = client.get("/meetings/no-such-meeting/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Nothing is published at this address" in page
    assert 'href="/search/"' in page


def test_the_server_error_page_renders_without_a_request_context(settings):
    from django.template.loader import render_to_string

    assert "Something went wrong on our side" in render_to_string("500.html")
