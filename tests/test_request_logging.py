"""One INFO line per request on "archive.requests"; error records, once through the
redacting filter, hold no password, cookie, session, CSRF token or Authorization header."""

import io
import logging

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, modify_settings, override_settings
from django.urls import path

from archive.logging import RedactSensitiveData, RequestLogMiddleware, redact

pytestmark = pytest.mark.django_db

MIDDLEWARE = "archive.logging.RequestLogMiddleware"
SECRETS = ("hunter2", "s3ss10n", "t0ken", "QmVhcmVyIHNlY3JldA")


def fail_with_the_form(request: HttpRequest) -> HttpResponse:
    raise ValueError(f"could not use {request.POST!r} with {request.COOKIES!r}")


urlpatterns = [path("boom/", fail_with_the_form)]


@modify_settings(MIDDLEWARE={"prepend": MIDDLEWARE})
def test_each_request_is_one_line(client, caplog):
    with caplog.at_level(logging.INFO, logger="archive.requests"):
        client.get("/healthz?token=t0ken", REMOTE_ADDR="192.0.2.9")
        client.get("/no-such-page/")
    lines = [r for r in caplog.records if r.name == "archive.requests"]
    assert [r.levelname for r in lines] == ["INFO", "INFO"]
    method, path, status, duration, client_address = lines[0].getMessage().split(" ")
    assert (method, path, status, client_address) == ("GET", "/healthz", "200", "192.0.2.9")
    assert duration.endswith("ms") and duration[:-2].isdigit()
    assert lines[0].duration_ms >= 0 and lines[0].status_code == 200
    assert lines[1].getMessage().startswith("GET /no-such-page/ 404 ")
    assert "t0ken" not in caplog.text  # never the query string


@modify_settings(MIDDLEWARE={"prepend": MIDDLEWARE})
def test_a_path_cannot_forge_a_second_line(client, caplog):
    with caplog.at_level(logging.INFO, logger="archive.requests"):
        client.get("/claims/%0Afake%20line%0D/")
    (record,) = [r for r in caplog.records if r.name == "archive.requests"]
    assert "\n" not in record.getMessage() and "\r" not in record.getMessage()
    assert "/claims/\\nfake line\\r/" in record.getMessage()


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_line_names_the_client(rf, caplog):
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", headers={"X-Forwarded-For": "203.0.113.7"})
    with caplog.at_level(logging.INFO, logger="archive.requests"):
        RequestLogMiddleware(lambda r: HttpResponse(status=204))(request)
    (record,) = caplog.records
    assert record.client == "203.0.113.7"
    assert record.getMessage().startswith("GET / 204 ")
    assert record.getMessage().endswith(" 203.0.113.7")


def redacted_output(records: list[logging.LogRecord]) -> str:
    """What a console handler with the filter would write, with a format that prints the
    request too (the worst a deployment might configure)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactSensitiveData())
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s %(request)s"))
    for record in records:
        handler.handle(record)
    return stream.getvalue()


@override_settings(ROOT_URLCONF=__name__)
@modify_settings(MIDDLEWARE={"prepend": MIDDLEWARE})
def test_an_error_is_logged_without_the_secrets_of_its_request(caplog):
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "s3ss10n"
    with caplog.at_level(logging.INFO):
        response = client.post(
            "/boom/",
            {"username": "editor", "password": "hunter2", "csrfmiddlewaretoken": "t0ken"},
            headers={"Authorization": "Bearer QmVhcmVyIHNlY3JldA"},
        )
    assert response.status_code == 500
    errors = [r for r in caplog.records if r.name == "django.request"]
    assert errors and errors[0].levelname == "ERROR"
    assert "hunter2" in logging.Formatter().format(errors[0])  # without the filter: there
    output = redacted_output(errors)
    assert "Internal Server Error: /boom/" in output
    assert "POST /boom/" in output  # the request, reduced to its method and path
    assert "ValueError: could not use" in output  # the traceback is kept
    assert "editor" in output  # what is not secret stays readable
    for secret in SECRETS:
        assert secret not in output
    line = next(r for r in caplog.records if r.name == "archive.requests")
    assert line.getMessage().startswith("POST /boom/ 500 ")


def test_the_filter_leaves_the_record_other_handlers_see(rf):
    request = rf.post("/x/", {"password": "hunter2"})
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Bad: %s", ("password=hunter2",), None
    )
    record.request = request
    clean = RedactSensitiveData().filter(record)
    assert clean.getMessage() == "Bad: password=********"
    assert str(clean.request) == "POST /x/"
    assert record.request is request and record.getMessage() == "Bad: password=hunter2"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("password=hunter2&q=taiwan", "password=********&q=taiwan"),
        ("<QueryDict: {'password': ['hunter2']}>", "<QueryDict: {'password': [********]}>"),
        ("'new_password1': ['hunter2']", "'new_password1': [********]"),
        ("Cookie: sessionid=s3ss10n; csrftoken=t0ken", "Cookie: ********"),
        ("{'HTTP_COOKIE': 'sessionid=s3ss10n'}", "{'HTTP_COOKIE': ********}"),
        ("Authorization: Basic dXNlcjpwYXNz", "Authorization: ********"),
        ("csrfmiddlewaretoken=t0ken", "csrfmiddlewaretoken=********"),
        (
            "a passport and a tokenless sessionless line",
            "a passport and a tokenless sessionless line",
        ),
    ],
)
def test_it_masks_secrets_wherever_they_are_written(text, expected):
    assert redact(text) == expected
