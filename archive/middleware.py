"""Security plumbing Django does not ship: a cap on request bodies read before anything reads
them, and login throttling (django-axes) that lets logins without a request through. The
Permissions-Policy header comes from django-permissions-policy (settings.MIDDLEWARE)."""

from collections.abc import Callable

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpRequest, HttpResponse


class RequestSizeLimitMiddleware:
    """Refuse a request whose declared body is larger than the site takes, with a 413 and
    before any of it is read (Django would otherwise spool a large upload to disk, and read a
    form whole to check its CSRF token, before the view says no). The admin takes up to
    `MAX_REQUEST_BYTES` (the import's 2 MB text and its review) from a client with a
    session; every other request, `MAX_PUBLIC_REQUEST_BYTES` (a login form fits). The proxy
    in front sets the same cap (`client_max_body_size`)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        # The admin's larger cap is for someone with a session (anyone can have one, but a
        # client that never signed in cannot send the admin more than a login form).
        editor = request.path.startswith("/admin/") and (
            settings.SESSION_COOKIE_NAME in request.COOKIES
        )
        limit = settings.MAX_REQUEST_BYTES if editor else settings.MAX_PUBLIC_REQUEST_BYTES
        if declared > limit:
            return HttpResponse(
                f"The request is larger than this address takes ({limit // 1024} kB).\n",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check for logins that come with a request (the admin's login
    form). A login without one (the test client's `login()`, code calling `authenticate()`
    itself) has no address to throttle: axes would raise, this lets the next backend decide."""

    def authenticate(self, request: HttpRequest | None, *args, **kwargs) -> None:
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)
