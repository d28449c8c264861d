"""Load test with a read replica: two gunicorn servers on the loopback interface sharing one
PostgreSQL primary and one streaming replica, beside one server on the primary alone, in the
same run, under bench/load.py's reader traffic and editor.

    scripts/replica.sh start                  # a standby of 127.0.0.1:5432 on port 5433
    createdb -h 127.0.0.1 -U postgres archive_replicas
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/archive_replicas \\
    BENCH_REPLICA_URL=postgres://postgres@127.0.0.1:5433/archive_replicas \\
        .venv/bin/python bench/replicas.py --seconds 60 --clients 20
    scripts/replica.sh stop

Each phase serves the same archive (the seed and --claims generated claims) for --seconds:
first one server (gunicorn, --workers workers) on the primary alone, then two such servers
with DATABASE_REPLICA_URLS set, the readers spread over them as a load balancer would. The
editor logs in once and saves a claim's kind once a second through the admin of each
server in turn, then opens the claim's page on the other server: it must show the kind just
saved (read-your-writes across servers). Probes ask for the JSON listing of an edited
claim's meeting narrowed to one kind: every claim listed must be of that kind and the kind's
facet count must equal the total, or the page mixed the facet copy of one state of the
archive with the rows of another (a stale mix). The request limits are off (both phases),
so every answer is a page. Exits 1 on any error, stale read or mix.
"""

import argparse
import datetime
import http.client
import json
import os
import random
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from types import SimpleNamespace
from urllib.parse import urlencode

import psycopg
from common import OUT, ROOT, machine
from load import (
    Browser,
    RequestMix,
    Results,
    fetch,
    percentile,
    prepare,
    read_log,
    save_claim,
    server_environment,
    start_server,
    stop_server,
    timed_get,
    wait_until_serving,
)

KINDS = ("warning", "position")  # the editor toggles edited claims between these
LABELS = {"warning": "Warning", "position": "Position"}


@dataclass
class Checks:
    """What the probes and the editor found, besides Results' statuses and latencies."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    probes: int = 0
    mixes: list[str] = field(default_factory=list)
    own_reads: int = 0
    stale_own_reads: list[str] = field(default_factory=list)
    transactions: dict[str, int] = field(default_factory=dict)  # by database, in the phase

    def note(self, attribute: str, what: str) -> None:
        with self.lock:
            getattr(self, attribute).append(what)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=3000, help="generated claims (3000)")
    parser.add_argument("--seconds", type=float, default=60, help="each phase's length (60)")
    parser.add_argument("--clients", type=int, default=20, help="concurrent readers (20)")
    parser.add_argument("--ports", default="8123,8124", help="the two servers' ports")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers a server (2)")
    parser.add_argument("--export-every", type=float, default=4, help="seconds (4)")
    parser.add_argument("--save-every", type=float, default=1, help="seconds (1)")
    parser.add_argument("--probe-every", type=float, default=0.5, help="seconds (0.5)")
    parser.add_argument("--timeout", type=float, default=60, help="client timeout, s (60)")
    args = parser.parse_args()
    ports = [int(port) for port in args.ports.split(",")][:2]

    primary_url = os.environ.get("BENCH_DATABASE_URL", "")
    replica_url = os.environ.get("BENCH_REPLICA_URL", "")
    if not (primary_url.startswith("postgres") and replica_url.startswith("postgres")):
        sys.exit("Set BENCH_DATABASE_URL (the primary) and BENCH_REPLICA_URL (its replica).")
    env = server_environment(primary_url) | {
        "EXPORTS_PER_MINUTE": "0",
        "SEARCHES_PER_MINUTE": "0",
        "LOG_LEVEL": "WARNING",  # the replica's skip and return lines, not one per request
    }
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    targets = prepare(args.claims)
    from django.db import connections

    from archive.models import Claim

    probes = sorted(
        set(
            Claim.objects.filter(pk__in=targets.edited_claims).values_list(
                "meeting__slug", flat=True
            )
        )
    )
    facts = machine()
    connections.close_all()
    wait_until_replicated(primary_url, replica_url)

    phases = [
        ("one server, primary only", ports[:1], env),
        ("two servers, primary + replica", ports, env | {"DATABASE_REPLICA_URLS": replica_url}),
    ]
    started_at = datetime.datetime.now().astimezone()
    outcomes = []
    for name, phase_ports, phase_env in phases:
        print(f"== {name}: {args.clients} readers for {args.seconds:g} s", flush=True)
        outcomes.append(
            (name, phase_ports, *run_phase(args, phase_ports, phase_env, targets, probes))
        )
    print_report(args, facts, started_at, outcomes)
    failed = any(
        errors(results) or results.saves_failed or checks.mixes or checks.stale_own_reads
        for _, _, results, checks, _, _ in outcomes
    )
    return 1 if failed else 0


def connected(url: str):
    """A psycopg connection to `url`, without prepared statements (which a pooler in
    transaction mode, such as PgBouncer before 1.21, cannot keep)."""
    return psycopg.connect(url.replace("postgres://", "postgresql://", 1), prepare_threshold=None)


def wait_until_replicated(primary_url: str, replica_url: str, timeout: float = 60) -> None:
    """Until the replica has replayed what the preparation wrote to the primary."""
    with connected(primary_url) as primary:
        position = primary.execute("SELECT pg_current_wal_lsn()::text").fetchone()[0]
    deadline = time.monotonic() + timeout
    with connected(replica_url) as replica:
        while not replica.execute(
            "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [position]
        ).fetchone()[0]:
            if time.monotonic() > deadline:
                sys.exit("The replica did not catch up with the primary.")
            time.sleep(0.1)


def transactions(url: str) -> int:
    """Transactions the database of `url` has finished so far (pg_stat_database)."""
    with connected(url) as connection:
        row = connection.execute(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database "
            "WHERE datname = current_database()"
        ).fetchone()
    return row[0]


def run_phase(args, ports, env, targets, probes):
    servers = []
    logs = []
    urls = {"primary": env["DATABASE_URL"], "replica": os.environ["BENCH_REPLICA_URL"]}
    before = {name: transactions(url) for name, url in urls.items()}
    try:
        for port in ports:
            log = OUT / f"replicas-server-{port}.log"
            server = start_server(
                SimpleNamespace(port=port, workers=args.workers),
                env,
                log,
                OUT / f"replicas-access-{port}.log",
                own_logging=True,
            )
            servers.append(server)
            logs.append(log)
        for port, server, log in zip(ports, servers, logs, strict=True):
            wait_until_serving(port, server, log)
        results, checks = Results(), Checks()
        elapsed = traffic(args, ports, targets, probes, results, checks)
    finally:
        for server in servers:
            stop_server(server)
    # Statistics reach pg_stat_database when a backend is idle or ends: all have ended now.
    time.sleep(1)
    checks.transactions = {name: transactions(url) - before[name] for name, url in urls.items()}
    log_counts: Counter = Counter()
    log_lines: list[str] = []
    for log in logs:
        counts, lines = read_log(log)
        log_counts.update(counts)
        log_lines += [line for line in log.read_text().splitlines() if "archive.replicas" in line]
        log_lines += lines
    return results, checks, elapsed, (log_counts, log_lines)


def traffic(args, ports, targets, probes, results: Results, checks: Checks) -> float:
    started = time.monotonic()
    deadline = started + args.seconds
    mix = RequestMix(targets, args.export_every, started)

    def reader(number: int) -> None:
        rng = random.Random(number)
        server = SimpleNamespace(port=ports[number % len(ports)], timeout=args.timeout)
        while time.monotonic() < deadline:
            timed_get(server, results, *mix.next(rng))

    def prober() -> None:
        rng = random.Random(0)
        while time.monotonic() < deadline:
            meeting = rng.choice(probes)
            probe(args, rng.choice(ports), meeting, rng.choice(KINDS), results, checks)
            time.sleep(args.probe_every)

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(args.clients)]
    threads.append(threading.Thread(target=prober))
    threads.append(threading.Thread(target=editor, args=(args, ports, targets, results, checks)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started


def probe(args, port: int, meeting: str, kind: str, results: Results, checks: Checks) -> None:
    """One meeting's claims of one kind as JSON: consistent, or a stale mix."""
    path = "/claims/?" + urlencode(
        {"meeting": meeting, "kind": kind, "format": "json", "per_page": 100}
    )
    started = time.perf_counter()
    try:
        status, _, body = fetch(port, "GET", path, timeout=args.timeout)
    except (OSError, http.client.HTTPException) as problem:
        results.record("probe", None, 0.0, type(problem).__name__)
        return
    results.record("probe", status, (time.perf_counter() - started) * 1000)
    if status != 200:
        return
    page = json.loads(body)
    listed = [row["kind"] for row in page["results"]]
    counted = {c["value"]: c["count"] for c in page["facets"]["kind"]}.get(kind, 0)
    with checks.lock:
        checks.probes += 1
    others = [k for k in listed if k != kind]
    if others or counted != page["total"] or len(listed) != min(page["total"], 100):
        checks.note(
            "mixes",
            f"{path} on :{port}: total {page['total']}, {kind} counted {counted}, "
            f"listed {len(listed)} of which other kinds {others}",
        )


def editor(args, ports, targets, results: Results, checks: Checks) -> None:
    """Saves a claim's kind on each server in turn, then reads it back from the other."""
    browser = Browser(ports[0], args.timeout)
    deadline = time.monotonic() + args.seconds
    try:
        browser.log_in()
    except (OSError, http.client.HTTPException, RuntimeError) as problem:
        with results.lock:
            results.failures[f"editor login: {problem}"] += 1
        return
    tick = time.monotonic()
    n = 0
    while time.monotonic() < deadline:
        claim = targets.edited_claims[n % len(targets.edited_claims)]
        kind = KINDS[n % 2]
        on, then = ports[n % len(ports)], ports[(n + 1) % len(ports)]
        n += 1
        started = time.perf_counter()
        try:
            at(browser, on)
            problem = save_claim(browser, claim, to_kind=kind)
            if not problem:
                at(browser, then)
                status, _, page = browser.request("GET", f"/claims/{claim}/")
                with checks.lock:
                    checks.own_reads += 1
                if status != 200 or f"{LABELS[kind]} \u00b7 claim {claim}" not in page:
                    checks.note("stale_own_reads", f"claim {claim} on :{then}: {status}")
        except (OSError, http.client.HTTPException) as error:
            problem = type(error).__name__
        results.record_save((time.perf_counter() - started) * 1000, problem)
        tick = max(tick + args.save_every, time.monotonic())
        time.sleep(max(0.0, min(tick, deadline) - time.monotonic()))


def at(browser: Browser, port: int) -> None:
    """Send the browser's next requests to the server on `port` (its Origin follows)."""
    browser.port, browser.origin = port, f"http://127.0.0.1:{port}"


def errors(results: Results) -> int:
    return sum(
        n
        for statuses in results.statuses.values()
        for s, n in statuses.items()
        if s is None or s >= 500
    )


def print_report(args, facts, started_at, outcomes) -> None:
    print()
    print(f"Replica load test, {started_at:%Y-%m-%d %H:%M %Z}: {facts}")
    print(
        f"gunicorn, {args.workers} workers a server, DEBUG off, on 127.0.0.1; {args.clients} "
        f"readers for {args.seconds:g} s a phase; an export every {args.export_every:g} s, a "
        f"probe every {args.probe_every:g} s, an editor's save every {args.save_every:g} s; "
        f"load average now {os.getloadavg()[0]:.1f} (the machine is shared)"
    )
    print()
    print(
        f"{'phase':<32}{'requests':>9}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}"
        f"{'errors':>7}{'saves':>7}{'own reads':>10}{'stale':>6}{'probes':>7}{'mixes':>6}"
    )
    for name, _, results, checks, elapsed, _ in outcomes:
        every = [ms for kind, times in results.latencies.items() if kind != "probe" for ms in times]
        print(
            f"{name:<32}{len(every):>9}{len(every) / elapsed:>8.1f}"
            f"{percentile(every, 0.5):>8.0f}{percentile(every, 0.95):>8.0f}"
            f"{percentile(every, 0.99):>8.0f}{errors(results):>7}"
            f"{results.saves_done:>7}{checks.own_reads:>10}{len(checks.stale_own_reads):>6}"
            f"{checks.probes:>7}{len(checks.mixes):>6}"
        )
    for name, ports, results, checks, _, (log_counts, log_lines) in outcomes:
        print(f"\n{name} (ports {', '.join(map(str, ports))}):")
        print(
            "  transactions: "
            + ", ".join(f"{db} {n}" for db, n in checks.transactions.items())
            + " (the replica's own monitoring and other databases' are not counted)"
        )
        print("  server logs: " + ", ".join(f"{k} {v}" for k, v in sorted(log_counts.items())))
        for what, n in results.failures.most_common(5):
            print(f"  failed {n}x: {what}")
        for line in [*checks.mixes[:5], *checks.stale_own_reads[:5], *log_lines[:8]]:
            print(f"  {line[:200]}")


if __name__ == "__main__":
    sys.exit(main())
