"""Chooses, for each request, the database its reads come from (archive/db_router.py), when
read replicas are configured.

The primary serves every request that may write (not GET, HEAD or OPTIONS), the admin, a
logged-in editor, and a browser that wrote in the last REPLICA_PIN_SECONDS (a signed cookie
says so, so the next page shows what it wrote: read-your-writes). Anyone else reads from a
replica that qualifies (archive/replica_health.py), in one snapshot: a page is made of one
state of the archive, older than the primary's by at most the replica's lag, never a mix.
A replica that fails during a request is skipped and the request is served again from the
primary, so a reader sees no error page."""

import functools
import random

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from archive import db_router, replica_health
from archive.db_router import PRIMARY

READ_ONLY_METHODS = {"GET", "HEAD", "OPTIONS"}
PIN_COOKIE = "primary_until"
PIN_SALT = "archive.replica_middleware.pin"


@functools.cache
def admin_prefix() -> str:
    return reverse("admin:index")


def pinned(request: HttpRequest) -> bool:
    """Whether this browser wrote in the last REPLICA_PIN_SECONDS (the cookie's signature
    carries its time, so a client cannot make it last longer)."""
    return (
        request.get_signed_cookie(
            PIN_COOKIE, default=None, salt=PIN_SALT, max_age=settings.REPLICA_PIN_SECONDS
        )
        is not None
    )


def is_editor(request: HttpRequest) -> bool:
    """A logged-in user (their session is read from the primary, which holds new logins)."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated


def database_for(request: HttpRequest) -> str:
    if (
        request.method not in READ_ONLY_METHODS
        or request.path.startswith(admin_prefix())
        or pinned(request)
        or is_editor(request)
    ):
        return PRIMARY
    replicas = replica_health.usable()
    return random.choice(replicas) if replicas else PRIMARY


def pin(response: HttpResponse) -> None:
    response.set_signed_cookie(
        PIN_COOKIE,
        "1",
        salt=PIN_SALT,
        max_age=settings.REPLICA_PIN_SECONDS,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


class ReplicaFailed(HttpResponse):
    """Stands for the response of a request whose replica failed; never sent."""

    def __init__(self, error: Exception):
        super().__init__(status=503)
        self.error = error


class ReplicaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        db_router.read_from(PRIMARY)  # while choosing: an editor's session is on the primary
        alias = database_for(request)
        if alias == PRIMARY:
            response = self.get_response(request)
        else:
            response = self.from_replica(request, alias)
        if request.method not in READ_ONLY_METHODS or db_router.wrote():
            pin(response)
        return response

    def from_replica(self, request: HttpRequest, alias: str) -> HttpResponse:
        db_router.read_from(alias)
        try:
            with db_router.snapshot(alias):
                response = self.get_response(request)
        except DatabaseError as error:  # the replica failed to start or end the snapshot
            response = ReplicaFailed(error)
        if not isinstance(response, ReplicaFailed):
            return response
        replica_health.skip(alias, response.error)
        replica_health.close_quietly(alias)
        db_router.read_from(PRIMARY)
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        """A view that failed on a replica's connection is served again (above) instead of
        answering 500."""
        on_replica = db_router.reading_database() != PRIMARY
        if on_replica and isinstance(exception, OperationalError | InterfaceError):
            return ReplicaFailed(exception)
        return None
