"""How many expensive requests one address may make a minute: exports (CSV, JSON, the Atom
feed) and searches.

A fixed one-minute window counted in the database (`RequestCount`), one atomic statement a
request (INSERT ... ON CONFLICT DO UPDATE ... RETURNING, on PostgreSQL and SQLite alike): every
worker and every application server counts the same requests once. Staff who are logged in
are never limited.

Settings (read when a request comes, so tests and deployments can change them):
EXPORTS_PER_MINUTE (default 30) and SEARCHES_PER_MINUTE (default 60), 0 turning a limit off,
and TRUSTED_PROXY_COUNT (default 0: the number of reverse proxies in front of the server,
each of which appends the address it saw to X-Forwarded-For)."""

import functools
import math
import time
from collections.abc import Callable

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse

EXPORT_FORMATS = ("csv", "json")
WINDOW = 60  # seconds

View = Callable[..., HttpResponse]


def client_address(request: HttpRequest) -> str:
    """The address of the client. Behind `TRUSTED_PROXY_COUNT` proxies it is the one the
    outermost proxy saw: counted from the right of X-Forwarded-For, because the client can
    write anything it likes on the left of it."""
    # "" when there is no socket (a test client's login): django-axes, which reads the
    # address through this function, stores "" as no address.
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if not proxies:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < proxies:  # not through all the proxies: trust only the socket
        return remote
    return forwarded[-proxies][:64]


def is_export(request: HttpRequest) -> bool:
    """A listing asked for as CSV or JSON (the first `format` wins, as in the listings)."""
    formats = request.GET.getlist("format")
    return bool(formats) and formats[0] in EXPORT_FORMATS


# One statement that counts a request and answers the count so far, atomically; the
# same SQL on both engines. Rows of past minutes are deleted as a new minute starts.
COUNT_SQL = (
    "INSERT INTO archive_requestcount (bucket, minute, count) VALUES (%s, %s, 1) "
    "ON CONFLICT (bucket, minute) DO UPDATE SET count = archive_requestcount.count + 1 "
    "RETURNING count"
)
FORGET_SQL = "DELETE FROM archive_requestcount WHERE minute < %s"


def counted(bucket: str, minute: int) -> int:
    """Count one request in `bucket` for `minute`; the requests counted so far."""
    with connection.cursor() as cursor:
        cursor.execute(COUNT_SQL, [bucket[:120], minute])
        count = cursor.fetchone()[0]
        if count == 1:
            cursor.execute(FORGET_SQL, [minute - 1])
    return count


def too_many(request: HttpRequest, what: str, limit: int) -> HttpResponse | None:
    """Count one request of kind `what` for the request's address; a 429 response once it
    is over `limit` for the current minute, else None."""
    user = getattr(request, "user", None)
    if not limit or (user is not None and user.is_authenticated and user.is_staff):
        return None
    now = time.time()
    minute = int(now // WINDOW)
    if counted(f"{what}:{client_address(request)}", minute) <= limit:
        return None
    wait = max(1, math.ceil((minute + 1) * WINDOW - now))
    response = HttpResponse(
        f"Too many {what} from your address: at most {limit} a minute; "
        f"try again in {wait} seconds.\n",
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(wait)
    response["Cache-Control"] = "no-store"
    return response


def too_many_exports(request: HttpRequest) -> HttpResponse | None:
    return too_many(request, "exports", getattr(settings, "EXPORTS_PER_MINUTE", 30))


def too_many_searches(request: HttpRequest) -> HttpResponse | None:
    return too_many(request, "searches", getattr(settings, "SEARCHES_PER_MINUTE", 60))


def limit_exports(view: View) -> View:
    """For a view that is a web page unless ?format=csv or ?format=json asks for an export."""

    @functools.wraps(view)
    def limited(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        refused = too_many_exports(request) if is_export(request) else None
        return refused or view(request, *args, **kwargs)

    return limited


def limit_searches(view: View) -> View:
    """For the search: a request with words counts as a search (an export of a search
    counts as an export as well)."""

    @functools.wraps(view)
    def limited(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        words = request.GET.get("q", "").strip()
        refused = too_many_searches(request) if words else None
        return refused or view(request, *args, **kwargs)

    return limited
