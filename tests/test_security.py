"""Response headers, the production settings check, and login throttling."""

import os
import re
import runpy
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from archive.env import env_int, env_proxy_ssl_header
from tests.conftest import ANCHORAGE

SETTINGS = Path(__file__).parents[1] / "archive" / "settings.py"
PASSWORD = "pw-12345!"
VISITOR = "203.0.113.5"
NEIGHBOUR = "203.0.113.6"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def assert_secure_headers(response) -> None:
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    for directive in [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]:
        assert directive in csp
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response.headers["Permissions-Policy"]
    for feature in ["camera=()", "microphone=()", "geolocation=()", "payment=()"]:
        assert feature in permissions
    assert "clipboard-write=(self)" in permissions  # the citations' Copy buttons


@pytest.mark.parametrize(
    "path",
    ["/", "/claims/", "/search/?q=taiwan", f"/meetings/{ANCHORAGE}/", "/officials/", "/nowhere/"],
)
def test_public_pages_send_the_security_headers(client, seed, path):
    response = client.get(path)
    assert response.status_code in {200, 404}
    assert_secure_headers(response)


def test_a_claim_page_sends_the_security_headers(client, biggest_lie):
    response = client.get(f"/claims/{biggest_lie.pk}/", follow=True)
    assert response.status_code == 200
    assert_secure_headers(response)


@pytest.mark.django_db
def test_the_admin_login_page_sends_the_security_headers(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert_secure_headers(response)


@pytest.mark.parametrize(
    "path", ["/admin/", "/admin/archive/report/", "/admin/archive/report/import/"]
)
def test_admin_pages_send_the_security_headers_and_name_their_nonce(client, editor, path):
    client.force_login(editor)
    response = client.get(path)
    assert response.status_code == 200
    assert_secure_headers(response)
    # The admin marks its stylesheets and scripts with the request's nonce: the header
    # allows that nonce and no other inline code.
    nonce = response.context["csp_nonce"]
    assert f"'nonce-{nonce}'" in response.headers["Content-Security-Policy"]
    assert f'nonce="{nonce}"' in response.content.decode()


# -- settings -----------------------------------------------------------------------------


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """manage.py in a clean environment: only what is given, as a fresh deployment has."""
    environment = {"PATH": os.environ["PATH"], **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args], env=environment, capture_output=True, text=True
    )


PRODUCTION = {
    "DEBUG": "False",
    "SECRET_KEY": "k7#Qp2vX9!mL4zR8wT1yB6nC3sF0hJ5gD-aE_uI@oP&xV%bN*Z",
    "ALLOWED_HOSTS": "archive.example.org",
}


def test_the_deployment_check_finds_nothing_with_production_variables():
    result = run_manage("check", "--deploy", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert not result.stderr


def settings_with(monkeypatch, **env: str) -> dict:
    """archive/settings.py read afresh in an environment holding only `env`."""
    for name in list(os.environ):
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


def test_a_deployment_redirects_to_https_and_a_loopback_only_serve_does_not(monkeypatch):
    deployed = settings_with(monkeypatch, **PRODUCTION)
    assert deployed["SECURE_SSL_REDIRECT"] is True
    assert deployed["SESSION_COOKIE_SECURE"] is deployed["CSRF_COOKIE_SECURE"] is True
    assert deployed["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600
    assert deployed["SECURE_PROXY_SSL_HEADER"] is None
    # `make serve` on 127.0.0.1 without TLS: DEBUG off, the default (loopback) hosts.
    local = settings_with(monkeypatch, DEBUG="False", SECRET_KEY=PRODUCTION["SECRET_KEY"])
    assert local["SECURE_SSL_REDIRECT"] is False
    assert local["SESSION_COOKIE_SECURE"] is local["CSRF_COOKIE_SECURE"] is False
    assert local["SECURE_HSTS_SECONDS"] == 0
    # Either can be said outright.
    local_tls = settings_with(
        monkeypatch, DEBUG="False", SECRET_KEY=PRODUCTION["SECRET_KEY"], HTTPS="true"
    )
    assert local_tls["SECURE_SSL_REDIRECT"] is local_tls["SESSION_COOKIE_SECURE"] is True
    proxy_redirects = settings_with(monkeypatch, **PRODUCTION, SECURE_SSL_REDIRECT="off")
    assert proxy_redirects["SECURE_SSL_REDIRECT"] is False
    assert proxy_redirects["SESSION_COOKIE_SECURE"] is True


def test_behind_a_proxy_its_header_and_count_are_read(monkeypatch):
    behind = settings_with(
        monkeypatch,
        **PRODUCTION,
        SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https",
        TRUSTED_PROXY_COUNT="1",
    )
    assert behind["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert behind["TRUSTED_PROXY_COUNT"] == 1


def test_login_throttling_is_read_from_the_environment(monkeypatch):
    strict = settings_with(monkeypatch, LOGIN_FAILURE_LIMIT="3", LOGIN_COOLOFF_MINUTES="60")
    assert strict["AXES_FAILURE_LIMIT"] == 3
    assert strict["AXES_COOLOFF_TIME"] == timedelta(hours=1)
    assert "try again in 60 minutes" in strict["AXES_COOLOFF_MESSAGE"]


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("HTTPS", "perhaps", "HTTPS='perhaps' is not a boolean"),
        ("SECURE_SSL_REDIRECT", "2", "SECURE_SSL_REDIRECT='2' is not a boolean"),
        ("SECURE_HSTS_SECONDS", "-1", "SECURE_HSTS_SECONDS='-1' is below its minimum"),
        ("SECURE_HSTS_INCLUDE_SUBDOMAINS", "all", "SECURE_HSTS_INCLUDE_SUBDOMAINS='all' is not"),
        ("SECURE_HSTS_PRELOAD", "sure", "SECURE_HSTS_PRELOAD='sure' is not a boolean"),
        ("SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto: https", "is not a header and its value"),
        ("TRUSTED_PROXY_COUNT", "one", "TRUSTED_PROXY_COUNT='one' is not a whole number"),
        ("LOGIN_FAILURE_LIMIT", "0", "LOGIN_FAILURE_LIMIT='0' is below its minimum, 1"),
        ("LOGIN_COOLOFF_MINUTES", "15m", "LOGIN_COOLOFF_MINUTES='15m' is not a whole number"),
    ],
)
def test_settings_refuse_a_bad_value_and_name_it(monkeypatch, variable, value, message):
    with pytest.raises(ImproperlyConfigured, match=re.escape(message)):
        settings_with(monkeypatch, **PRODUCTION, **{variable: value})


def test_the_helpers_read_proxy_headers_and_minimums(monkeypatch):
    monkeypatch.delenv("PROXY", raising=False)
    assert env_proxy_ssl_header("PROXY") is None
    monkeypatch.setenv("PROXY", " HTTP_X_FORWARDED_PROTO , https ")
    assert env_proxy_ssl_header("PROXY") == ("HTTP_X_FORWARDED_PROTO", "https")
    for bad in ["HTTP_X_FORWARDED_PROTO", "x_forwarded_proto,https", "HTTP_X,https,http"]:
        monkeypatch.setenv("PROXY", bad)
        with pytest.raises(ImproperlyConfigured, match="PROXY="):
            env_proxy_ssl_header("PROXY")
    monkeypatch.setenv("N", "3")
    assert env_int("N", 0, minimum=3) == 3
    with pytest.raises(ImproperlyConfigured, match="below its minimum, 4"):
        env_int("N", 0, minimum=4)


# -- login throttling ---------------------------------------------------------------------


def log_in(client, password: str, username: str = "editor", **meta: str):
    return client.post(
        "/admin/login/?next=/admin/", {"username": username, "password": password}, **meta
    )


@pytest.fixture
def second_editor(django_user_model):
    return django_user_model.objects.create_superuser("second", "second@example.org", PASSWORD)


def test_an_address_is_locked_out_after_five_failed_logins(client, editor, second_editor, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        response = log_in(client, "wrong", REMOTE_ADDR=VISITOR)
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.content.decode()
    assert log_in(client, "wrong", REMOTE_ADDR=VISITOR).status_code == 429

    response = log_in(client, PASSWORD, REMOTE_ADDR=VISITOR)
    assert response.status_code == 429
    assert "Too many failed logins from your address or for this account" in (
        response.content.decode()
    )
    assert "_auth_user_id" not in client.session

    # Another account from another address logs in as usual.
    response = log_in(client, PASSWORD, "second", REMOTE_ADDR=NEIGHBOUR)
    assert response.status_code == 302
    assert response.url == "/admin/"


def test_an_account_is_locked_out_after_five_failed_logins_from_any_addresses(
    client, editor, second_editor
):
    for number in range(5):
        log_in(client, "wrong", REMOTE_ADDR=f"198.51.100.{number + 1}")
    # The right password for that account, from an address that never failed, is refused.
    assert log_in(client, PASSWORD, REMOTE_ADDR=NEIGHBOUR).status_code == 429
    assert log_in(client, PASSWORD, "second", REMOTE_ADDR=NEIGHBOUR).status_code == 302


def test_a_password_needs_twelve_characters(db):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError as PasswordRefused

    with pytest.raises(PasswordRefused, match="at least 12 characters"):
        validate_password("kq7#Lm2!vZx")  # eleven
    validate_password("kq7#Lm2!vZx9")


def test_an_editors_session_ends_after_two_idle_hours_and_each_request_renews_it(
    client, editor, settings
):
    assert settings.SESSION_COOKIE_AGE == 2 * 60 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.cookies["sessionid"]["max-age"] == 2 * 60 * 60


def test_a_successful_login_forgets_the_failures_before_it(client, editor):
    for _ in range(4):
        log_in(client, "wrong", REMOTE_ADDR=VISITOR)
    assert log_in(client, PASSWORD, REMOTE_ADDR=VISITOR).status_code == 302
    client.logout()
    for _ in range(4):
        log_in(client, "wrong", REMOTE_ADDR=VISITOR)
    assert log_in(client, PASSWORD, REMOTE_ADDR=VISITOR).status_code == 302


def test_behind_a_proxy_the_visitors_address_is_locked_not_the_proxys(
    client, editor, second_editor, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for _ in range(5):
        # What a visitor writes on the left of X-Forwarded-For is not believed.
        log_in(client, "wrong", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=f"192.0.2.1, {VISITOR}")
    through_proxy = {"REMOTE_ADDR": proxy}
    locked = log_in(client, PASSWORD, HTTP_X_FORWARDED_FOR=VISITOR, **through_proxy)
    assert locked.status_code == 429
    other = log_in(client, PASSWORD, "second", HTTP_X_FORWARDED_FOR=NEIGHBOUR, **through_proxy)
    assert other.status_code == 302


def test_the_test_clients_login_still_works(client, editor):
    assert client.login(username="editor", password=PASSWORD)
    assert not client.login(username="editor", password="wrong")
    assert client.get("/admin/").status_code == 200


# -- in a browser ------------------------------------------------------------------------


@pytest.fixture
def archive_and_editor(transactional_db, django_user_model) -> dict[str, str]:
    """The seed and an editor, made before the browser starts (see `spoken_by_blinken` in
    tests/test_browser.py); the addresses of a claim and a report."""
    from django.core.management import call_command

    from archive.models import Claim, Report

    call_command("loaddata", "anchorage-2021", verbosity=0)
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    report = Report.objects.get(slug="memri-special-dispatch-9249")
    claim = Claim.objects.get(text__contains="biggest lie of the century")
    return {
        "claim": f"/claims/{claim.pk}/",
        "report_change": f"/admin/archive/report/{report.pk}/change/",
    }


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_no_page_breaks_the_content_security_policy(live_server, archive_and_editor, browser):
    page = browser.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: violations.append(str(error)))

    def visit(path: str) -> None:
        response = page.goto(live_server.url + path)
        assert response.ok, path
        page.wait_for_load_state("load")
        assert "'unsafe-inline'" not in response.headers["content-security-policy"]

    for path in [
        "/",
        "/claims/",
        "/search/?q=taiwan",
        f"/meetings/{ANCHORAGE}/",
        archive_and_editor["claim"],
        "/admin/login/",
    ]:
        visit(path)
    # The citation's Copy button is shown by the site's script: scripts from /static/ run.
    page.goto(live_server.url + archive_and_editor["claim"])
    assert page.get_by_role("button", name="Copy Chicago citation").is_visible()

    page.goto(live_server.url + "/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")
    for path in [
        "/admin/",
        "/admin/archive/report/",
        archive_and_editor["report_change"],
        "/admin/archive/report/import/",
        "/admin/archive/meeting/add/",
        "/admin/archive/claim/",
    ]:
        visit(path)
    # The admin's scripts run: an autocomplete lists its choices, an inline adds a row.
    visit(archive_and_editor["report_change"])
    page.locator("#id_publisher + .select2").click()
    page.locator(".select2-results__option").first.wait_for()
    page.keyboard.press("Escape")
    visit("/admin/archive/meeting/add/")
    rows = page.locator("tr[class*='dynamic-']").count()
    page.locator(".add-row a").last.click()
    assert page.locator("tr[class*='dynamic-']").count() == rows + 1
    visit("/admin/archive/claim/")
    page.locator("#action-toggle").check()
    assert page.locator("input[name='_selected_action']:checked").count() > 1
    page.close()
    assert violations == []


class Unreadable:
    """A request body that fails the test if anything reads it."""

    def read(self, *args, **kwargs):
        raise AssertionError("the body was read")

    readline = read


@pytest.mark.parametrize(
    ("path", "size", "cookie"),
    [
        ("/search/", 200 * 1024 * 1024, False),
        ("/admin/archive/report/import/", 200 * 1024 * 1024, False),
        ("/admin/archive/report/import/", 200 * 1024 * 1024, True),
        # Without a session the admin takes no more than a login form either.
        ("/admin/archive/report/import/", 1024 * 1024, False),
    ],
)
def test_a_body_larger_than_the_site_takes_is_refused_before_it_is_read(rf, path, size, cookie):
    from archive.middleware import RequestSizeLimitMiddleware

    request = rf.post(path, data=b"", content_type="application/octet-stream")
    request.META["CONTENT_LENGTH"] = str(size)
    request.META["wsgi.input"] = Unreadable()
    request._stream = Unreadable()
    if cookie:
        request.COOKIES["sessionid"] = "anything"
    response = RequestSizeLimitMiddleware(lambda r: pytest.fail("the view ran"))(request)
    assert response.status_code == 413
    assert "larger than" in response.content.decode()


def test_an_editors_import_of_a_two_megabyte_text_is_not_refused_by_its_size(rf):
    from archive.middleware import RequestSizeLimitMiddleware

    request = rf.post("/admin/archive/report/import/", data={"text": "x" * 2_500_000})
    request.COOKIES["sessionid"] = "anything"
    reached = RequestSizeLimitMiddleware(lambda r: "the view")(request)
    assert reached == "the view"


def test_a_large_post_to_a_public_page_gets_413_through_the_whole_stack(client, db):
    response = client.generic(
        "POST", "/search/", b"x" * (200 * 1024), content_type="application/octet-stream"
    )
    assert response.status_code == 413
