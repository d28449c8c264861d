"""/healthz: whether this process can serve the archive, for a load balancer or a monitor.
Never cached, never rate-limited, and it says little: a reason short enough to act on,
without the database's own message (which can name hosts and users); that goes to the log.

With read replicas it reports each one and how far behind it is; a replica that is down or
too far behind does not make the answer an error: reads then go to the primary."""

import functools
import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from archive import replica_health

logger = logging.getLogger("archive.health")


@functools.cache
def migrations_on_disk() -> frozenset[tuple[str, str]]:
    """Every migration this code ships (read once a process: the files do not change)."""
    return frozenset(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        pending = migrations_on_disk() - set(MigrationRecorder(connection).applied_migrations())
    except DatabaseError as error:
        logger.error("Health check: the database failed: %s", error)
        reason = f"unavailable ({type(error).__name__})"
        return JsonResponse({"status": "error", "database": reason}, status=503)
    if pending:
        names = sorted(f"{app}.{name}" for app, name in pending)
        logger.error("Health check: migrations not applied: %s", ", ".join(names))
        body = {"status": "error", "database": "ok", "migrations": f"{len(names)} not applied"}
        return JsonResponse(body, status=503)
    body = {"status": "ok", "database": "ok", "migrations": "ok"}
    if settings.REPLICA_DATABASES:
        body["replicas"] = replica_health.report()
    return JsonResponse(body)
