"""Read settings from environment variables, failing loudly on values that make no sense."""

import os
import re

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

# WAL lets readers continue while an editor writes; IMMEDIATE transactions plus a busy
# timeout make concurrent writers wait for the lock instead of failing with "database is locked".
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}

POSTGRESQL = "django.db.backends.postgresql"


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a boolean: use one of {sorted(TRUE | FALSE - {''})}."
    )


def env_int(name: str, default: int, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r} is below its minimum, {minimum}.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    items = [item.strip() for item in raw.split(",") if item.strip()]
    if not items:
        raise ImproperlyConfigured(f"{name} is set but empty: give comma-separated values.")
    return items


def env_proxy_ssl_header(name: str) -> tuple[str, str] | None:
    """The request header and value by which a TLS-terminating proxy tells that the visitor
    came over HTTPS, written `HTTP_X_FORWARDED_PROTO,https` (the header's name as Django's
    request.META spells it). Unset means no proxy is trusted for it."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None
    parts = [part.strip() for part in raw.split(",")]
    if len(parts) != 2 or not re.fullmatch(r"HTTP_[A-Z0-9_]+", parts[0]) or not parts[1]:
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not a header and its value: write it like "
            "HTTP_X_FORWARDED_PROTO,https (the header as Django's request.META names it)."
        )
    return parts[0], parts[1]


def env_database(name: str, default_sqlite_path: str) -> dict:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": default_sqlite_path,
            "OPTIONS": SQLITE_OPTIONS,
        }
    return database_from_url(name, raw)


def env_replica_databases(name: str, primary: dict) -> dict[str, dict]:
    """The read replicas of the primary, from `name` (comma-separated PostgreSQL URLs), as
    DATABASES entries `replica_1`, `replica_2`... Each is a test mirror of `default`: a
    streaming replica carries the test database along, so tests read it there."""
    urls = [url.strip() for url in os.environ.get(name, "").split(",") if url.strip()]
    if not urls:
        return {}
    if primary["ENGINE"] != POSTGRESQL:
        raise ImproperlyConfigured(f"{name} needs DATABASE_URL to point at PostgreSQL.")
    # A replica that does not answer is skipped: do not wait long for it to.
    connect_timeout = env_int("REPLICA_CONNECT_TIMEOUT", 2, minimum=1)
    replicas = {}
    for number, url in enumerate(urls, start=1):
        config = database_from_url(name, url)
        if config["ENGINE"] != POSTGRESQL:
            raise ImproperlyConfigured(f"{name} must list PostgreSQL URLs (postgres://...).")
        config["OPTIONS"]["connect_timeout"] = connect_timeout
        config["TEST"] = {"MIRROR": "default"}
        replicas[f"replica_{number}"] = config
    return replicas


def database_from_url(name: str, raw: str) -> dict:
    try:
        config = dj_database_url.parse(raw, conn_max_age=60, conn_health_checks=True)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a database URL: {error}") from None
    if config.get("ENGINE") not in {POSTGRESQL, "django.db.backends.sqlite3"}:
        raise ImproperlyConfigured(
            f"{name} must point at PostgreSQL (postgres://...) or SQLite (sqlite:///...)."
        )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = SQLITE_OPTIONS
    else:
        config.update(postgresql_connections())
        config.setdefault("OPTIONS", {}).update(postgresql_options())
    return config


def postgresql_connections() -> dict:
    """How long connections live and whether they are pooled (docs/deployment.md#pooling):
    persistent connections by default; Django's psycopg pool (DATABASE_POOL_SIZE), which
    cannot be combined with persistent ones; behind PgBouncer in transaction mode, no
    server-side cursors, which would outlive the transaction that declared them."""
    pool_size = env_int("DATABASE_POOL_SIZE", 0, minimum=0)
    max_age = env_int("DATABASE_CONN_MAX_AGE", 0 if pool_size else 60, minimum=0)
    if pool_size and max_age:
        raise ImproperlyConfigured(
            "DATABASE_POOL_SIZE pools connections: DATABASE_CONN_MAX_AGE must be 0 (or unset)."
        )
    return {
        "CONN_MAX_AGE": max_age,
        "CONN_HEALTH_CHECKS": env_bool("DATABASE_CONN_HEALTH_CHECKS", True),
        "DISABLE_SERVER_SIDE_CURSORS": env_bool("DATABASE_DISABLE_SERVER_SIDE_CURSORS", False),
    }


def postgresql_options() -> dict:
    """Options of the archive's PostgreSQL connections."""
    options: dict = {}
    pool_size = env_int("DATABASE_POOL_SIZE", 0, minimum=0)
    if pool_size:
        options["pool"] = {"min_size": 1, "max_size": pool_size, "timeout": 10}
    # JIT compilation costs tens of milliseconds per query and pays off only for long
    # analytical queries, which a web archive does not run. With PostgreSQL's default
    # 4 MB of work_mem, the bitmap of a broad full-text match turns lossy and every row
    # of its pages is matched again: 2.4 rows read per match at a million claims.
    work_mem = os.environ.get("DATABASE_WORK_MEM", "").strip() or "64MB"
    if not re.fullmatch(r"\d+\s*(kB|MB|GB)", work_mem):
        raise ImproperlyConfigured(f"DATABASE_WORK_MEM must be a size like 64MB, not {work_mem!r}.")
    # A pooler may refuse startup options (PgBouncer before 1.20 does): then set both on the
    # database role instead (ALTER ROLE ... SET), as docs/deployment.md shows.
    if env_bool("DATABASE_STARTUP_OPTIONS", True):
        options["options"] = f"-c jit=off -c work_mem={work_mem.replace(' ', '')}"
    return options
