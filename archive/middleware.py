"""Security plumbing Django does not ship: the Permissions-Policy header, and login throttling
(django-axes) that lets logins without a request through."""

from collections.abc import Callable

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpRequest, HttpResponse


class PermissionsPolicyMiddleware:
    """Send `settings.PERMISSIONS_POLICY` ({feature: [origins]}; an empty list turns the
    feature off) as the Permissions-Policy header, unless a view set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})"
            for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check for logins that come with a request (the admin's login
    form). A login without one (the test client's `login()`, code calling `authenticate()`
    itself) has no address to throttle: axes would raise, this lets the next backend decide."""

    def authenticate(self, request: HttpRequest | None, *args, **kwargs) -> None:
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)
