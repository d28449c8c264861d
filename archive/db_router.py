"""Which database a query goes to when read replicas are configured (DATABASE_REPLICA_URLS).

Writes go to the primary (`default`), and so do reads while a transaction is open on it (it
must see what it wrote). Other reads go to the database chosen for the request being served
(archive/replica_middleware.py: a replica for a public page, the primary for everything else),
and to the primary when no request chose one: commands, the import, the shell.

Code that reads with raw SQL asks `reading_database()` which connection to use, so that a
request never mixes what a replica has with what the primary has.
"""

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.signals import request_finished
from django.db import DEFAULT_DB_ALIAS, connections, transaction

PRIMARY = DEFAULT_DB_ALIAS

# Per request (and per thread): where its reads go, and whether it wrote.
_reading = contextvars.ContextVar("reading_database", default=PRIMARY)
_wrote = contextvars.ContextVar("wrote_to_primary", default=False)


def reading_database() -> str:
    """The alias the current request (or command) reads from."""
    if connections[PRIMARY].in_atomic_block:
        return PRIMARY
    return _reading.get()


def read_from(alias: str) -> None:
    """Send this request's reads to `alias` from now on (the request starts afresh: it has
    written nothing yet)."""
    _reading.set(alias)
    _wrote.set(False)


def read_from_primary() -> None:
    """Send the rest of this request's reads to the primary: for code that finds the replica
    behind something the process already holds (a copy at a newer revision)."""
    _reading.set(PRIMARY)


def wrote() -> bool:
    """Whether the current request wrote through the ORM."""
    return _wrote.get()


@contextmanager
def snapshot(alias: str) -> Iterator[None]:
    """Everything read from `alias` inside comes from one snapshot: a REPEATABLE READ,
    READ ONLY transaction on PostgreSQL. A no-op inside a transaction already open on it
    (whose snapshot the caller then shares), and on SQLite, where a transaction here takes
    the write lock (IMMEDIATE) and one reader's snapshot would hold up every editor."""
    connection = connections[alias]
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    with transaction.atomic(using=alias, savepoint=False):
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


class ReplicaRouter:
    """Django's database router (settings.DATABASE_ROUTERS, when replicas are configured)."""

    def db_for_read(self, model, **hints) -> str:
        return reading_database()

    def db_for_write(self, model, **hints) -> str:
        _wrote.set(True)
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # every database holds the same rows

    def allow_migrate(self, db: str, app_label: str, model_name=None, **hints) -> bool:
        return db == PRIMARY  # replicas follow the primary's schema by streaming


def forget_request_database(**kwargs) -> None:
    """After a response is sent (a streamed export included), reads go to the primary again
    until the next request chooses."""
    read_from(PRIMARY)


request_finished.connect(forget_request_database, dispatch_uid="archive.db_router")
