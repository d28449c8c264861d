import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from archive.env import env_bool, env_database, env_int, env_list


def test_booleans_are_read_strictly(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert env_bool("FLAG", default=False) is True
    monkeypatch.setenv("FLAG", "off")
    assert env_bool("FLAG", default=True) is False
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG='maybe' is not a boolean"):
        env_bool("FLAG", default=False)


def test_numbers_and_lists(monkeypatch):
    monkeypatch.setenv("SIZE", "twelve")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("SIZE", 1)
    monkeypatch.setenv("HOSTS", " a.org, b.org ,")
    assert env_list("HOSTS", []) == ["a.org", "b.org"]
    monkeypatch.setenv("HOSTS", " , ")
    with pytest.raises(ImproperlyConfigured, match="empty"):
        env_list("HOSTS", [])


def test_database_urls(monkeypatch):
    monkeypatch.delenv("DB", raising=False)
    assert env_database("DB", "/tmp/x.sqlite3")["ENGINE"].endswith("sqlite3")
    monkeypatch.setenv("DB", "postgres://u@db.example:5432/archive")
    config = env_database("DB", "unused")
    assert (config["ENGINE"], config["NAME"], config["HOST"]) == (
        "django.db.backends.postgresql",
        "archive",
        "db.example",
    )
    monkeypatch.setenv("DB", "mysql://u@h/archive")
    with pytest.raises(ImproperlyConfigured, match="PostgreSQL"):
        env_database("DB", "unused")
    monkeypatch.setenv("DB", "not a url")
    with pytest.raises(ImproperlyConfigured):
        env_database("DB", "unused")


def test_postgresql_sessions_get_work_memory_and_no_jit(monkeypatch):
    monkeypatch.setenv("DB", "postgres://u@db.example:5432/archive")
    monkeypatch.delenv("DATABASE_WORK_MEM", raising=False)
    assert env_database("DB", "")["OPTIONS"]["options"] == "-c jit=off -c work_mem=64MB"
    monkeypatch.setenv("DATABASE_WORK_MEM", "256 MB")
    assert env_database("DB", "")["OPTIONS"]["options"].endswith("work_mem=256MB")
    monkeypatch.setenv("DATABASE_WORK_MEM", "lots; DROP")
    with pytest.raises(ImproperlyConfigured, match="DATABASE_WORK_MEM"):
        env_database("DB", "")


def test_the_database_session_has_the_work_memory_asked_for(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW work_mem")
        assert cursor.fetchone()[0] == "64MB"


def run_check(**env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], env=environment, capture_output=True, text=True
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check(DEBUG="False")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_production_starts_with_a_secret_key_and_a_bad_value_is_named():
    assert (
        run_check(DEBUG="False", SECRET_KEY="x" * 50, ALLOWED_HOSTS="archive.org").returncode == 0
    )
    result = run_check(DEBUG="perhaps")
    assert "DEBUG='perhaps' is not a boolean" in result.stderr
