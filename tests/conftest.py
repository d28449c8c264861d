import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from archive import facet_tables
from archive.models import Claim, Meeting, Person, Report
from archive.search import synonyms
from archive.search.document import refresh_claims

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

ANCHORAGE = "2021-03-18-china-us-high-level-strategic-dialogue"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def no_facet_index_of_another_test():
    """Each test's database starts again at the same revision number: a copy of the facet
    values (or a catalogue of names) kept from an earlier test would pass for current."""
    facet_tables.forget()
    synonyms.forget()


@pytest.fixture
def seed(db):
    """The curated Anchorage archive, as `make run` loads it. (The search text that loaddata
    refreshes on commit is refreshed here: tests never commit.)"""
    # Without history rows for the fixture itself: they cost half the load, on every test.
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        call_command("loaddata", "anchorage-2021", verbosity=0)
    refresh_claims(Claim.objects.all())


@pytest.fixture
def anchorage(seed) -> Meeting:
    return Meeting.objects.get(slug=ANCHORAGE)


@pytest.fixture
def dispatch(seed) -> Report:
    return Report.objects.get(slug="memri-special-dispatch-9249")


@pytest.fixture
def biggest_lie(seed) -> Claim:
    return Claim.objects.get(text__contains="biggest lie of the century")


@pytest.fixture
def blinken(seed) -> Person:
    return Person.objects.get(slug="antony-blinken")


@pytest.fixture
def blinken_speaking(blinken, dispatch) -> Claim:
    """A claim the report attributes to Blinken by name (the seed names no speakers)."""
    speaker = blinken.participations.get(meeting=dispatch.meeting)
    return Claim.objects.create(
        report=dispatch, text="tough and direct", delegation=speaker.delegation, speaker=speaker
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test databases, and, before it drops them on PostgreSQL, an end to
    any session a live server's request thread left open on them (a browser's keep-alive
    connection can outlive the test): otherwise the drop fails and leaves the database."""
    yield
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )


@pytest.fixture
def browser():
    """Debian's Chromium driven by Playwright; CI installs it, so there it must exist."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run must install Debian's chromium.")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium).")
    # Playwright's sync API runs an event loop in this thread; the live server's ORM calls
    # happen in other threads, and test set-up is synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(autouse=True)
def no_export_limit(settings):
    """Tests download as many exports and search as often as they need;
    tests/test_ratelimit.py sets the limits it checks."""
    settings.EXPORTS_PER_MINUTE = 0
    settings.SEARCHES_PER_MINUTE = 0


@pytest.fixture
def claim_save_fails_at(monkeypatch):
    """Make the n-th Claim.save() from now raise `error`: an import that breaks in the
    middle, to check it leaves nothing behind."""

    def arm(n: int, error: Exception) -> None:
        saves = 0
        original = Claim.save

        def failing_save(self, *args, **kwargs):
            nonlocal saves
            saves += 1
            if saves == n:
                raise error
            return original(self, *args, **kwargs)

        monkeypatch.setattr(Claim, "save", failing_save)

    return arm
