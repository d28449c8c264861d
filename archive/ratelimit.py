"""How many exports (CSV, JSON, the Atom feed) one address may download a minute.

A fixed one-minute window counted in the default cache: per process with the local-memory
cache, shared by the workers of one machine when COUNTS_CACHE_DIR makes it a file cache (whose
increments are not atomic: two workers may both count the same download once, so the limit is
approximate there, which is all it needs to be). Staff who are logged in are never limited.

Settings (read when a request comes, so tests and deployments can change them):
EXPORTS_PER_MINUTE (default 30; 0 turns the limit off) and TRUSTED_PROXY_COUNT (default 0: the
number of reverse proxies in front of the server, each of which appends the address it saw to
X-Forwarded-For)."""

import functools
import math
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
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


def too_many_exports(request: HttpRequest) -> HttpResponse | None:
    """Count one export for the request's address; a 429 response once it is over the
    limit for the current minute, else None."""
    limit = getattr(settings, "EXPORTS_PER_MINUTE", 30)
    user = getattr(request, "user", None)
    if not limit or (user is not None and user.is_authenticated and user.is_staff):
        return None
    now = time.time()
    window = int(now // WINDOW)
    key = f"exports:{client_address(request)}:{window}"
    cache.add(key, 0, timeout=WINDOW + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add() and incr()
        cache.set(key, 1, timeout=WINDOW + 5)
        count = 1
    if count <= limit:
        return None
    wait = max(1, math.ceil((window + 1) * WINDOW - now))
    response = HttpResponse(
        f"Too many exports from your address: at most {limit} a minute; "
        f"try again in {wait} seconds.\n",
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(wait)
    response["Cache-Control"] = "no-store"
    return response


def limit_exports(view: View) -> View:
    """For a view that is a web page unless ?format=csv or ?format=json asks for an export."""

    @functools.wraps(view)
    def limited(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        refused = too_many_exports(request) if is_export(request) else None
        return refused or view(request, *args, **kwargs)

    return limited
