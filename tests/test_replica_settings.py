"""DATABASE_REPLICA_URLS and the connection settings (archive/env.py)."""

import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from archive.env import env_database, env_replica_databases

PRIMARY = "postgres://u@primary.example:5432/archive"


@pytest.fixture(autouse=True)
def no_connection_settings(monkeypatch):
    for name in [
        "DATABASE_POOL_SIZE",
        "DATABASE_CONN_MAX_AGE",
        "DATABASE_CONN_HEALTH_CHECKS",
        "DATABASE_DISABLE_SERVER_SIDE_CURSORS",
        "DATABASE_STARTUP_OPTIONS",
        "REPLICA_CONNECT_TIMEOUT",
    ]:
        monkeypatch.delenv(name, raising=False)


def primary(monkeypatch) -> dict:
    monkeypatch.setenv("DB", PRIMARY)
    return env_database("DB", "")


def test_no_replica_urls_add_no_database(monkeypatch):
    monkeypatch.delenv("REPLICAS", raising=False)
    assert env_replica_databases("REPLICAS", primary(monkeypatch)) == {}


def test_each_replica_url_is_a_database_mirroring_the_primary_in_tests(monkeypatch):
    monkeypatch.setenv(
        "REPLICAS", "postgres://u@r1.example/archive, postgres://u@r2.example/archive"
    )
    replicas = env_replica_databases("REPLICAS", primary(monkeypatch))
    assert list(replicas) == ["replica_1", "replica_2"]
    assert [r["HOST"] for r in replicas.values()] == ["r1.example", "r2.example"]
    first = replicas["replica_1"]
    assert first["TEST"] == {"MIRROR": "default"}
    assert first["OPTIONS"]["connect_timeout"] == 2
    assert first["OPTIONS"]["options"] == "-c jit=off -c work_mem=64MB"


def test_replicas_must_be_postgresql_like_their_primary(monkeypatch):
    monkeypatch.setenv("REPLICAS", "sqlite:///tmp/replica.sqlite3")
    with pytest.raises(ImproperlyConfigured, match="PostgreSQL URLs"):
        env_replica_databases("REPLICAS", primary(monkeypatch))
    monkeypatch.setenv("REPLICAS", "postgres://u@r1.example/archive")
    sqlite = env_database("UNSET_DATABASE_URL", "/tmp/x.sqlite3")
    with pytest.raises(ImproperlyConfigured, match="needs DATABASE_URL to point at PostgreSQL"):
        env_replica_databases("REPLICAS", sqlite)


def test_connections_are_persistent_and_checked_by_default(monkeypatch):
    config = primary(monkeypatch)
    assert (config["CONN_MAX_AGE"], config["CONN_HEALTH_CHECKS"]) == (60, True)
    assert config["DISABLE_SERVER_SIDE_CURSORS"] is False
    assert "pool" not in config["OPTIONS"]


def test_settings_for_pgbouncer_in_transaction_mode(monkeypatch):
    monkeypatch.setenv("DATABASE_DISABLE_SERVER_SIDE_CURSORS", "true")
    monkeypatch.setenv("DATABASE_CONN_MAX_AGE", "0")
    monkeypatch.setenv("DATABASE_STARTUP_OPTIONS", "false")
    config = primary(monkeypatch)
    assert config["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert config["CONN_MAX_AGE"] == 0
    assert "options" not in config["OPTIONS"]


def test_djangos_pool_replaces_persistent_connections(monkeypatch):
    monkeypatch.setenv("DATABASE_POOL_SIZE", "8")
    config = primary(monkeypatch)
    assert config["OPTIONS"]["pool"] == {"min_size": 1, "max_size": 8, "timeout": 10}
    assert config["CONN_MAX_AGE"] == 0
    monkeypatch.setenv("DATABASE_CONN_MAX_AGE", "60")
    with pytest.raises(ImproperlyConfigured, match="DATABASE_CONN_MAX_AGE must be 0"):
        primary(monkeypatch)


def settings_with(**environment) -> subprocess.CompletedProcess:
    code = "import django; django.setup(); from django.conf import settings; "
    code += "print(settings.REPLICA_DATABASES, getattr(settings, 'DATABASE_ROUTERS', []), "
    code += "'archive.replica_middleware.ReplicaMiddleware' in settings.MIDDLEWARE)"
    return subprocess.run(
        [sys.executable, "-c", code],
        env={"DJANGO_SETTINGS_MODULE": "archive.settings", "PATH": "/usr/bin:/bin"} | environment,
        capture_output=True,
        text=True,
    )


def test_without_replicas_nothing_is_routed():
    assert settings_with().stdout.strip() == "[] [] False"


def test_with_a_replica_the_router_and_its_middleware_are_installed():
    run = settings_with(DATABASE_URL=PRIMARY, DATABASE_REPLICA_URLS=PRIMARY)
    assert run.stdout.strip() == "['replica_1'] ['archive.db_router.ReplicaRouter'] True"


def test_a_pin_shorter_than_a_replicas_possible_lag_is_refused():
    run = settings_with(
        DATABASE_URL=PRIMARY,
        DATABASE_REPLICA_URLS=PRIMARY,
        REPLICA_MAX_LAG_SECONDS="10",
        REPLICA_PIN_SECONDS="5",
    )
    assert run.returncode != 0
    assert "REPLICA_PIN_SECONDS must be at least" in run.stderr
