"""The replica suite: run by `make test-replica`, which starts a streaming replica of the
PostgreSQL at DATABASE_URL (scripts/replica.sh) and sets DATABASE_REPLICA_URLS to it.
Without a replica configured its tests are skipped.

The replica is a test mirror of `default` (archive/env.py): the test database pytest-django
creates on the primary reaches the standby by streaming, so the replica alias reads the
test database there, from a real standby. Tests commit (transactional), or nothing would
ever be replicated."""

import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings
from django.core.signals import request_started
from django.db import connections, reset_queries

from archive import replica_health
from archive.db_router import PRIMARY

HERE = Path(__file__).resolve().parent
REPLICA_SCRIPT = HERE.parent.parent / "scripts" / "replica.sh"


def replica_configured() -> bool:
    default = settings.DATABASES["default"]["ENGINE"]
    return bool(settings.REPLICA_DATABASES) and default.endswith("postgresql")


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason="no replica: run `make test-replica` (DATABASE_REPLICA_URLS)")
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.replica)
            if not replica_configured():
                item.add_marker(skip)


@pytest.fixture
def replica() -> str:
    return settings.REPLICA_DATABASES[0]


@pytest.fixture(autouse=True)
def fresh_replica_checks():
    replica_health.forget()
    yield
    replica_health.forget()


def wait_until_replicated(alias: str, timeout: float = 20) -> None:
    """Until `alias` has replayed everything the primary has written so far."""
    with connections[PRIMARY].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()::text")
        (position,) = cursor.fetchone()
    deadline = time.monotonic() + timeout
    while True:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [position])
            if cursor.fetchone()[0]:
                return
        if time.monotonic() > deadline:
            pytest.fail(f"{alias} did not replay the primary's writes within {timeout} s")
        time.sleep(0.05)


def replica_script(command: str, alias: str) -> None:
    """Run scripts/replica.sh on the replica `alias` points at (pause, resume)."""
    port = str(settings.DATABASES[alias]["PORT"])
    subprocess.run(
        [str(REPLICA_SCRIPT), command], check=True, env={**os.environ, "REPLICA_PORT": port}
    )


def databases_used[T](action: Callable[[], T]) -> tuple[T, set[str]]:
    """What `action` (a test client's request) returned, and the aliases it read from:
    whose connections ran a statement other than a write (a request count of the search
    limit is written to the primary) or a replica check (archive/replica_health.py).
    (Django's CaptureQueriesContext would connect first, which a stopped replica refuses.)"""
    wrappers = {alias: connections[alias] for alias in settings.DATABASES}
    before = {}
    for alias, wrapper in wrappers.items():
        before[alias] = (wrapper.force_debug_cursor, len(wrapper.queries_log))
        wrapper.force_debug_cursor = True
    request_started.disconnect(reset_queries)  # which would empty the logs at each request
    try:
        result = action()
    finally:
        request_started.connect(reset_queries)
        for alias, wrapper in wrappers.items():
            wrapper.force_debug_cursor = before[alias][0]
    used = {
        alias
        for alias, wrapper in wrappers.items()
        if any(reads(query["sql"]) for query in list(wrapper.queries_log)[before[alias][1] :])
    }
    return result, used


def reads(sql: str) -> bool:
    checks = "pg_current_wal_lsn" in sql or "pg_is_in_recovery" in sql
    return not checks and not sql.lstrip().upper().startswith(WRITES)


WRITES = ("INSERT", "UPDATE", "DELETE")


def change_form_data(response) -> dict:
    """What the admin's change form (its inlines too) posts back unchanged."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            key = form.add_prefix(name)
            if value is True:
                data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(item) for item in value]
            else:
                data[key] = str(value)
    return data
