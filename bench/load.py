"""Load test: the app served as `make serve` serves it (gunicorn, two workers, DEBUG off) on
the loopback interface, under mixed reader traffic while an editor saves through the admin.

    .venv/bin/python bench/load.py                       # SQLite, 3,000 claims, 60 s, 50 clients
    .venv/bin/python bench/load.py --seconds 20 --clients 10
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/archive_load \\
        .venv/bin/python bench/load.py                   # createdb archive_load first

Readers fetch the home page, meetings, reports, claims, officials, issues, searches, the
faceted listings and, every few seconds, an export; the editor logs into the admin and, once a
second, saves a claim's change form as a browser would (the form's fields as rendered, the
CSRF token, the session cookie), toggling the claim's kind. It prints requests, latency
percentiles and errors per kind, the throughput, the server log's errors ("database is
locked" counted on its own) and the editor's saves; it exits 1 if any request failed (a
status of 500 or more, or no answer) or any save did. 429 answers (the export limit) are
counted apart: they are the server doing its job.
"""

import argparse
import datetime
import http.client
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

from common import OUT, ROOT, machine, vacuum

EDITOR = "load-editor"
EDITOR_PASSWORD = "load-test-editor-password"
# Searches of words the generated archive holds at known rates, and of the seed's.
SEARCHES = [
    "sovereignty",
    "development",
    "nuclear sanctions",
    "Taiwan",
    "climate change",
    "human rights",
    "Tibet OR Xinjiang OR Taiwan",
    '"win-win cooperation"',
    "trade -tariffs",
    "biggest lie",
]
# How often each kind of reader request comes, relative to the others (exports come on a
# clock instead, see --export-every).
WEIGHTS = {
    "home": 8,
    "meeting": 12,
    "report": 6,
    "claim": 20,
    "citation": 3,
    "official": 5,
    "issue": 5,
    "search": 18,
    "claims facets": 13,
    "meetings facets": 8,
}
# Server log lines worth counting (a substring each); "database is locked" is also counted
# among the tracebacks' lines, which is where SQLite's lock errors show.
LOG_SIGNS = {
    "database is locked": "database is locked",
    "tracebacks": "Traceback (most recent call last)",
    "worker timeouts": "WORKER TIMEOUT",
    "error lines": "ERROR",
}
# Django logs a request's 500 on "django.request" to a console handler that only runs with
# DEBUG on: without LOGGING in the settings, a production server's errors reach no log. This
# gunicorn configuration adds a stderr handler in each worker, so the run can count them.
ERROR_LOG_CONFIG = """
import logging
import sys


def post_worker_init(worker):
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.ERROR)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger("django.request").addHandler(handler)
"""


@dataclass
class Targets:
    """What the readers and the editor ask for: addresses taken from the database."""

    meetings: list[str]
    reports: list[str]
    claims: list[int]
    officials: list[str]
    issues: list[str]
    countries: list[str]
    years: list[int]
    edited_claims: list[int]


@dataclass
class Results:
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    failures: Counter = field(default_factory=Counter)  # "kind: what" -> count
    saves_done: int = 0
    saves_failed: int = 0
    save_latencies: list[float] = field(default_factory=list)

    def record(self, kind: str, status: int | None, ms: float, problem: str = "") -> None:
        with self.lock:
            self.latencies[kind].append(ms)
            self.statuses[kind][status] += 1
            if problem:
                self.failures[f"{kind}: {problem}"] += 1

    def record_save(self, ms: float, problem: str = "") -> None:
        """An editor's save: how long it took, and what went wrong, if anything."""
        with self.lock:
            self.save_latencies.append(ms)
            if problem:
                self.saves_failed += 1
                self.failures[f"editor save: {problem}"] += 1
            else:
                self.saves_done += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=3000, help="archive size (default 3000)")
    parser.add_argument("--seconds", type=float, default=60, help="traffic duration (60)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent readers (50)")
    parser.add_argument("--port", type=int, default=8123, help="loopback port (8123)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--export-every", type=float, default=4, help="seconds between exports (4)")
    parser.add_argument(
        "--save-every", type=float, default=1, help="seconds between the editor's saves (1)"
    )
    parser.add_argument("--timeout", type=float, default=60, help="client timeout, s (60)")
    args = parser.parse_args()

    database_url = os.environ.get("BENCH_DATABASE_URL") or (
        f"sqlite:///{OUT}/load-{args.claims}.sqlite3"
    )
    env = server_environment(database_url)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    targets = prepare(args.claims)
    facts = machine()
    from django.conf import settings
    from django.db import connections

    own_logging = bool(settings.LOGGING)
    connections.close_all()  # the server's workers are the only ones to use it now

    started_at = datetime.datetime.now().astimezone()
    server_log = OUT / "load-server.log"
    access_log = OUT / "load-access.log"
    server = start_server(args, env, server_log, access_log, own_logging)
    try:
        wait_until_serving(args.port, server, server_log)
        results = Results()
        own_cpu = time.process_time()
        elapsed = run_traffic(args, targets, results)
        cpu = {
            "server": server_cpu_seconds(server.pid),
            "load generator": time.process_time() - own_cpu,
        }
    finally:
        stop_server(server)

    log_counts, log_samples = read_log(server_log)
    print_report(
        args,
        facts,
        started_at,
        elapsed,
        cpu,
        results,
        log_counts,
        log_samples,
        server_log,
        own_logging,
    )
    errors = sum(results.failures.values()) + results.saves_failed
    return 1 if errors else 0


def server_environment(database_url: str) -> dict[str, str]:
    """As `make serve` runs gunicorn: DEBUG off, a secret key, loopback only. Served over
    plain HTTP, so no HTTPS redirect (the loopback default already; said here in case the
    default changes)."""
    return {
        "DATABASE_URL": database_url,
        "DEBUG": "False",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "load-test-only-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "False",
        "SECURE_SSL_REDIRECT": "False",
        "DJANGO_SETTINGS_MODULE": "archive.settings",
    }


def prepare(claims: int) -> Targets:
    """Migrate, load the seed and generate the archive once (later runs reuse it), make the
    editor, and pick the addresses the clients will ask for."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from archive.models import Claim, Delegation, Issue, Meeting, Person, Report
    from bench.synthetic import generate

    OUT.mkdir(exist_ok=True)
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # DEBUG is off
    if not Report.objects.exists():
        call_command("load_seed", verbosity=0)
    if not Meeting.objects.filter(slug__startswith="gen-").exists():
        print(f"Generating {claims} claims (once per database)...", flush=True)
        generate(claims, seed=1)
        vacuum()
    user = get_user_model().objects.filter(username=EDITOR).first()
    if user is None:
        user = get_user_model().objects.create_superuser(EDITOR, "editor@example.org")
    user.set_password(EDITOR_PASSWORD)
    user.save()
    shutil.rmtree(OUT / "load-counts", ignore_errors=True)  # counted by an earlier run

    rng = random.Random(1)

    def sample(values: list, n: int) -> list:
        return rng.sample(values, min(n, len(values)))

    meetings = list(Meeting.objects.published().values_list("slug", flat=True))
    claim_ids = list(Claim.objects.published().values_list("pk", flat=True))
    dates = Meeting.objects.published().values_list("start_date", flat=True)
    years = sorted({d.year for d in dates})
    countries = Counter(Delegation.objects.values_list("country", flat=True))
    return Targets(
        meetings=sample(meetings, 500),
        reports=sample(list(Report.objects.published().values_list("slug", flat=True)), 500),
        claims=sample(claim_ids, 2000),
        officials=sample(list(Person.objects.published().values_list("slug", flat=True)), 300),
        issues=list(Issue.objects.values_list("slug", flat=True)),
        countries=[code for code, _ in countries.most_common(12)],
        years=years,
        edited_claims=sample(claim_ids, 20),
    )


def start_server(args, env, server_log: Path, access_log: Path, own_logging: bool):
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "archive.wsgi",
        "--bind",
        f"127.0.0.1:{args.port}",
        "--workers",
        str(args.workers),
        "--access-logfile",
        "-",
    ]
    if not own_logging:
        config = OUT / "load-gunicorn.conf.py"
        config.write_text(ERROR_LOG_CONFIG)
        command += ["--config", str(config)]
    print(f"Starting: {' '.join(command)}", flush=True)
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=access_log.open("w"),
        stderr=server_log.open("w"),
        start_new_session=True,  # its own process group: stopped as one below
    )


def wait_until_serving(port: int, server: subprocess.Popen, server_log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"The server stopped (exit {server.returncode}):\n{server_log.read_text()}")
        try:
            status, _, _ = fetch(port, "GET", "/robots.txt", timeout=5)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    sys.exit(f"The server did not answer within 60 s:\n{server_log.read_text()}")


def stop_server(server: subprocess.Popen) -> None:
    """Gunicorn's graceful stop (SIGTERM to the master), then its whole group if it hangs."""
    if server.poll() is not None:
        return
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def server_cpu_seconds(pid: int) -> float:
    """CPU time of the gunicorn master and its workers so far (Linux /proc; 0 elsewhere):
    how much of the shared machine the server actually got."""
    ticks = os.sysconf("SC_CLK_TCK")
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        total = 0
        for process in [str(pid), *children]:
            fields = Path(f"/proc/{process}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / ticks
    except (OSError, IndexError, ValueError):
        return 0.0


def fetch(
    port: int,
    method: str,
    path: str,
    body: str | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 60,
) -> tuple[int, http.client.HTTPMessage, bytes]:
    """One request on a new connection (gunicorn's sync workers close each one anyway)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


# --- Traffic ------------------------------------------------------------------------------


def reader_paths(targets: Targets) -> dict[str, Callable[[random.Random], str]]:
    """For each kind of request, a function that picks one address of that kind."""

    def facets(rng: random.Random, names: dict[str, Callable[[], object]]) -> str:
        chosen = rng.sample(sorted(names), rng.randint(1, min(3, len(names))))
        return urlencode({name: names[name]() for name in chosen})

    def claims_facets(rng: random.Random) -> str:
        query = facets(
            rng,
            {
                "issue": lambda: rng.choice(targets.issues),
                "country": lambda: rng.choice(targets.countries),
                "kind": lambda: rng.choice(["position", "statement", "demand", "warning"]),
                "year": lambda: rng.choice(targets.years),
            },
        )
        return f"/claims/?{query}" + ("&page=2" if rng.random() < 0.2 else "")

    def meetings_facets(rng: random.Random) -> str:
        query = facets(
            rng,
            {
                "country": lambda: rng.choice(targets.countries),
                "issue": lambda: rng.choice(targets.issues),
                "type": lambda: rng.choice(["talks", "summit", "call", "visit"]),
                "year": lambda: rng.choice(targets.years),
            },
        )
        return f"/meetings/?{query}"

    def search(rng: random.Random) -> str:
        params = {"q": rng.choice(SEARCHES)}
        if rng.random() < 0.3:
            params["issue"] = rng.choice(targets.issues)
        return f"/search/?{urlencode(params)}"

    return {
        "home": lambda rng: "/",
        "meeting": lambda rng: f"/meetings/{rng.choice(targets.meetings)}/",
        "report": lambda rng: f"/reports/{rng.choice(targets.reports)}/",
        "claim": lambda rng: f"/claims/{rng.choice(targets.claims)}/",
        "citation": lambda rng: (
            f"/claims/{rng.choice(targets.claims)}/cite.{rng.choice(['bib', 'ris', 'json'])}"
        ),
        "official": lambda rng: f"/officials/{rng.choice(targets.officials)}/",
        "issue": lambda rng: f"/issues/{rng.choice(targets.issues)}/",
        "search": search,
        "claims facets": claims_facets,
        "meetings facets": meetings_facets,
    }


def export_path(rng: random.Random, targets: Targets) -> str:
    if rng.random() < 0.5:
        return f"/claims/?{urlencode({'issue': rng.choice(targets.issues), 'format': 'csv'})}"
    return f"/meetings/?{urlencode({'country': rng.choice(targets.countries), 'format': 'json'})}"


class RequestMix:
    """What the readers ask for: a page drawn from `WEIGHTS`, and, shared by all readers,
    an export every `every` seconds (the first half a period in)."""

    def __init__(self, targets: Targets, every: float, started: float):
        self.targets, self.every = targets, every
        self.paths = reader_paths(targets)
        self.kinds, self.weights = list(WEIGHTS), list(WEIGHTS.values())
        self.next_export = started + every / 2
        self.lock = threading.Lock()

    def next(self, rng: random.Random) -> tuple[str, str]:
        """(kind, path) of the next request."""
        with self.lock:
            due = time.monotonic() >= self.next_export
            if due:
                self.next_export += self.every
        if due:
            return "export", export_path(rng, self.targets)
        kind = rng.choices(self.kinds, self.weights)[0]
        return kind, self.paths[kind](rng)


def run_traffic(args, targets: Targets, results: Results) -> float:
    started = time.monotonic()
    deadline = started + args.seconds
    mix = RequestMix(targets, args.export_every, started)

    def reader(number: int) -> None:
        rng = random.Random(number)
        while time.monotonic() < deadline:
            timed_get(args, results, *mix.next(rng))

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(args.clients)]
    threads.append(threading.Thread(target=editor, args=(args, targets, results, deadline)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started


def timed_get(args, results: Results, kind: str, path: str) -> None:
    started = time.perf_counter()
    try:
        status, _, _ = fetch(args.port, "GET", path, timeout=args.timeout)
    except (OSError, http.client.HTTPException) as problem:
        ms = (time.perf_counter() - started) * 1000
        results.record(kind, None, ms, type(problem).__name__)
        return
    ms = (time.perf_counter() - started) * 1000
    results.record(kind, status, ms, f"status {status}" if status >= 500 else "")


# --- The editor ---------------------------------------------------------------------------


class Browser:
    """Keeps cookies and sends forms as a browser does, with Origin and Referer."""

    def __init__(self, port: int, timeout: float):
        self.port, self.timeout = port, timeout
        self.origin = f"http://127.0.0.1:{port}"
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: list[tuple[str, str]] | None = None):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": self.origin,
                "Referer": self.origin + path,
            }
        status, response_headers, content = fetch(
            self.port, method, path, body, headers, self.timeout
        )
        for cookie in response_headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return status, response_headers, content.decode("utf-8", "replace")

    def log_in(self) -> None:
        path = "/admin/login/?next=/admin/"
        status, _, page = self.request("GET", path)
        fields = FormReader.fields_of(page, "login-form")
        fields = [(k, v) for k, v in fields if k not in {"username", "password"}]
        fields += [("username", EDITOR), ("password", EDITOR_PASSWORD)]
        status, _, page = self.request("POST", path, fields)
        if status != 302:
            raise RuntimeError(f"the editor could not log in (status {status})")


def editor(args, targets: Targets, results: Results, deadline: float) -> None:
    """Once every --save-every seconds, change a claim's kind through its admin form."""
    browser = Browser(args.port, args.timeout)
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
        n += 1
        started = time.perf_counter()
        try:
            problem = save_claim(browser, claim, to_kind="warning" if n % 2 else "position")
        except (OSError, http.client.HTTPException) as error:
            problem = type(error).__name__
        results.record_save((time.perf_counter() - started) * 1000, problem)
        # A save slower than the interval delays the next one: no catching up afterwards.
        tick = max(tick + args.save_every, time.monotonic())
        time.sleep(max(0.0, min(tick, deadline) - time.monotonic()))


def save_claim(browser: Browser, claim: int, to_kind: str) -> str:
    """GET the change form, send it back with `kind` changed; '' if saved, else why not."""
    path = f"/admin/archive/claim/{claim}/change/"
    status, _, page = browser.request("GET", path)
    if status != 200:
        return f"change form answered {status}"
    fields = FormReader.fields_of(page, "claim_form")
    if not fields:
        return "no claim_form in the change page"
    fields = [(k, to_kind if k == "kind" else v) for k, v in fields] + [("_save", "Save")]
    status, _, page = browser.request("POST", path, fields)
    if status == 302:
        return ""
    errors = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', page, re.S)
    detail = re.sub(r"<[^>]+>", " ", " ".join(errors)).split() if errors else []
    return f"save answered {status}" + (f": {' '.join(detail)[:120]}" if detail else "")


class FormReader(HTMLParser):
    """The fields a browser would submit from one form: inputs (checkboxes and radios only
    when checked), textareas (less the one newline after the tag that browsers drop) and
    selects' selected options (the first option of a single select if none is)."""

    SKIPPED = {"submit", "button", "image", "reset", "file"}

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self.textarea: list | None = None  # [name, text]
        self.select: dict | None = None

    @classmethod
    def fields_of(cls, page: str, form_id: str) -> list[tuple[str, str]]:
        reader = cls(form_id)
        reader.feed(page)
        return reader.fields

    def handle_starttag(self, tag, attrs):
        a = {k: v if v is not None else "" for k, v in attrs}
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside or "disabled" in a:
            return
        if tag == "input" and a.get("name") and a.get("type", "text") not in self.SKIPPED:
            if a.get("type") in {"checkbox", "radio"} and "checked" not in a:
                return
            default = "on" if a.get("type") in {"checkbox", "radio"} else ""
            self.fields.append((a["name"], a.get("value", default)))
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]
        elif tag == "select" and a.get("name"):
            self.select = {"name": a["name"], "multiple": "multiple" in a, "options": []}
        elif tag == "option" and self.select is not None:
            self.select["options"].append((a.get("value", ""), "selected" in a))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            self.fields.append((name, text[1:] if text.startswith("\n") else text))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            options = self.select["options"]
            chosen = [value for value, selected in options if selected]
            if not chosen and options and not self.select["multiple"]:
                chosen = [options[0][0]]
            self.fields += [(self.select["name"], value) for value in chosen]
            self.select = None


# --- The report ---------------------------------------------------------------------------


def read_log(server_log: Path) -> tuple[Counter, list[str]]:
    counts: Counter = Counter()
    samples: list[str] = []
    for line in server_log.read_text(errors="replace").splitlines():
        for label, sign in LOG_SIGNS.items():
            if sign in line:
                counts[label] += 1
        if ("ERROR" in line or "Error" in line or "locked" in line) and line not in samples:
            samples.append(line)
    return counts, samples


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def print_report(
    args, facts, started_at, elapsed, cpu, results, log_counts, log_samples, server_log, own_logging
) -> None:
    print()
    print(f"Load test, {started_at:%Y-%m-%d %H:%M %Z}: {facts}")
    print(
        f"gunicorn, {args.workers} workers, DEBUG off, on 127.0.0.1:{args.port}; "
        f"{args.clients} readers for {args.seconds:g} s (the last answer came at "
        f"{elapsed:.1f} s); an export every {args.export_every:g} s; "
        f"an editor's save every {args.save_every:g} s; load average now "
        f"{os.getloadavg()[0]:.1f} (the machine is shared)"
    )
    print()
    header = f"{'kind':<16}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
    print(header + f"{'errors':>8}{'429':>6}  other statuses")
    every: list[float] = []
    total_errors = total_429 = 0
    for kind in [*WEIGHTS, "export"]:
        times = results.latencies.get(kind)
        if not times:
            continue
        every += times
        statuses = results.statuses[kind]
        errors = sum(n for s, n in statuses.items() if s is None or s >= 500)
        limited = statuses.get(429, 0)
        total_errors += errors
        total_429 += limited
        other = ", ".join(
            f"{s}: {n}"
            for s, n in sorted(statuses.items(), key=str)
            if s not in {None, 200, 429} and s < 500
        )
        print(
            f"{kind:<16}{len(times):>9}{percentile(times, 0.5):>9.0f}"
            f"{percentile(times, 0.95):>9.0f}{percentile(times, 0.99):>9.0f}"
            f"{errors:>8}{limited:>6}  {other}"
        )
    if every:
        print(
            f"{'all':<16}{len(every):>9}{percentile(every, 0.5):>9.0f}"
            f"{percentile(every, 0.95):>9.0f}{percentile(every, 0.99):>9.0f}"
            f"{total_errors:>8}{total_429:>6}"
        )
        print(
            f"\nThroughput: {len(every) / elapsed:.1f} requests a second. CPU seconds used: "
            + ", ".join(f"{who} {seconds:.0f}" for who, seconds in cpu.items())
            + f", of the {os.cpu_count() * elapsed:.0f} the machine's cores had"
        )
    saves = results.save_latencies
    print(
        f"Editor: {results.saves_done} saves done, {results.saves_failed} failed"
        + (
            f" (form and save, p50 {percentile(saves, 0.5):.0f} ms, "
            f"p95 {percentile(saves, 0.95):.0f} ms)"
            if saves
            else ""
        )
    )
    for what, n in results.failures.most_common(10):
        print(f"  failed {n}x: {what}")
    source = "the project's LOGGING" if own_logging else "a stderr handler added for this run"
    print(
        f"Server log ({server_log.relative_to(ROOT)}; request errors through {source}): "
        + ", ".join(f"{label} {log_counts.get(label, 0)}" for label in LOG_SIGNS)
    )
    for line in log_samples[:8]:
        print(f"  {line[:200]}")


if __name__ == "__main__":
    sys.exit(main())
