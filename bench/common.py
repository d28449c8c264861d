"""Shared set-up for the benchmarks: a database of a given size, timing helpers."""

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def setup_django(claims: int, root: Path = ROOT) -> None:
    """Point Django at the benchmark database (BENCH_DATABASE_URL, or a SQLite file per
    size under bench/out/), with production-like settings: DEBUG off, no query log, plain
    HTTP (as behind a TLS-terminating proxy). `root`: the checkout whose code runs."""
    sys.path.insert(0, str(root))
    OUT.mkdir(exist_ok=True)
    os.environ["DATABASE_URL"] = database_url(claims)
    os.environ["DEBUG"] = "False"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-key-" + "x" * 40)
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["HTTPS"] = "False"  # the test client speaks plain HTTP: no redirect
    os.environ["LOG_LEVEL"] = "WARNING"  # no line per request between the figures
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()


def database_url(claims: int) -> str:
    return os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{OUT}/bench-{claims}.sqlite3"


def ensure_archive(claims: int, seed: int = 1) -> int:
    """Migrate and generate the archive once; later runs reuse it."""
    from django.core.management import call_command

    from archive.models import Claim
    from bench.synthetic import generate

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # DEBUG is off
    existing = Claim.objects.count()
    if existing < claims * 0.9:
        if existing:
            sys.exit(
                f"The benchmark database holds {existing} claims, not {claims}: "
                "use a fresh database (or delete bench/out/)."
            )
        print(f"Generating {claims} claims (once per database)...", flush=True)
        generate(claims, seed)
        existing = Claim.objects.count()
    return existing


def vacuum() -> None:
    """Flush PostgreSQL's GIN pending lists, merge FTS5's segments and refresh statistics
    after loading (and after migrations that add indexes), as a maintained archive has them."""
    from django.db import connection

    from archive.search import indexes

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    indexes.optimize(connection)


def interleaved(
    actions: list[Callable[[], object]], repeat: int, prepare: Callable[[], object] | None = None
) -> list[list[float]]:
    """Milliseconds per call of each action, run in turn `repeat` times after a warm-up, so
    that noise on this shared machine falls on all of them alike; `prepare`, if given, runs
    untimed before every call."""
    prepare = prepare or (lambda: None)
    for action in actions:
        prepare()
        action()
    result: list[list[float]] = [[] for _ in actions]
    for _ in range(repeat):
        for action, times in zip(actions, result, strict=True):
            prepare()
            started = time.perf_counter()
            action()
            times.append((time.perf_counter() - started) * 1000)
    return result


def replay(captured_queries: list[dict]) -> Callable[[], None]:
    """Run captured statements again, directly on the connection: the bare SQL a page needs."""
    from django.db import connection

    from archive.search.postgres import copied

    statements = [query["sql"] for query in captured_queries]

    def run() -> None:
        with connection.cursor() as cursor:
            for statement in statements:
                if statement.startswith("COPY"):  # a search's scores, read as the page does
                    copied(statement)
                    continue
                cursor.execute(statement)
                if cursor.description is not None:  # not BEGIN, SET or COMMIT
                    cursor.fetchall()

    return run


def p50(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def machine() -> str:
    from django.db import connection

    engine = connection.vendor
    if engine == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            engine += " " + cursor.fetchone()[0]
    else:
        import sqlite3

        engine += " " + sqlite3.sqlite_version
    return f"{engine}, {os.cpu_count()} cores, Python {sys.version.split()[0]}"
