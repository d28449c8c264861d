"""/healthz answers a monitor: 200 when the database answers and is migrated, else 503 with
a short reason; never cached and never rate-limited."""

import pytest
from django.db import DatabaseError, connection
from django.test import override_settings

from archive.views import health

pytestmark = pytest.mark.django_db


def test_it_says_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "migrations": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_it_answers_503_when_the_database_fails(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise DatabaseError('connection to server at "db.internal" failed')

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable (DatabaseError)"}
    assert "db.internal" not in response.content.decode()  # the details go to the log only
    assert "no-store" in response["Cache-Control"]


def test_it_answers_503_when_a_migration_is_not_applied(client, monkeypatch):
    shipped = health.migrations_on_disk() | {("archive", "9999_not_yet")}
    monkeypatch.setattr(health, "migrations_on_disk", lambda: shipped)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["migrations"] == "1 not applied"


@override_settings(EXPORTS_PER_MINUTE=1)
def test_it_is_never_rate_limited(client):
    assert client.get("/claims/", {"format": "json"}).status_code == 200
    assert client.get("/claims/", {"format": "json"}).status_code == 429
    assert all(client.get("/healthz").status_code == 200 for _ in range(5))


def test_it_refuses_to_change_anything(client):
    assert client.post("/healthz").status_code == 405
