"""Whether each read replica may serve reads: it answers, it is a standby, and it is at most
REPLICA_MAX_LAG_SECONDS behind the primary. Each process checks each replica at most once
every REPLICA_CHECK_SECONDS (two small queries, one on each side) and keeps the answer
meanwhile. A replica that stops qualifying is logged once, and once more when it is back.

How far behind: the primary's WAL position is read first; a replica that has replayed it is
not behind (an idle primary reads as no lag, where the time since the last replayed
transaction grows for ever). One that has not is at most as far behind as the age of the
last transaction it replayed. When that age is over the limit, or unknown (nothing replayed
since the standby started), the replica may still be a moment from the position read (the
first write after an idle spell): it is given CATCH_UP seconds to reach it. A replica whose
WAL receiver has stopped is caught too: the primary's position moves on without it."""

import contextlib
import logging
import math
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, connections

from archive.db_router import PRIMARY

logger = logging.getLogger("archive.replicas")

PRIMARY_POSITION = "SELECT pg_current_wal_lsn()::text"
REPLICA_POSITION = """
    SELECT pg_is_in_recovery(),
           pg_last_wal_replay_lsn() >= %s::pg_lsn,
           EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp())
"""
CATCH_UP = 0.2  # seconds


@dataclass
class State:
    usable: bool = False
    status: str = "not checked"  # ok, lagging, unavailable, not a standby
    lag: float | None = None  # seconds
    checked_at: float = -math.inf


_states: dict[str, State] = {}
_lock = threading.Lock()


def usable() -> list[str]:
    """The replicas that may serve reads now, each checked again if its answer is old."""
    due = [
        alias
        for alias in settings.REPLICA_DATABASES
        if time.monotonic() - state_of(alias).checked_at >= settings.REPLICA_CHECK_SECONDS
    ]
    # One thread checks; the others go on with the last answer meanwhile.
    if due and _lock.acquire(blocking=False):
        try:
            for alias in due:
                check(alias)
        finally:
            _lock.release()
    return [alias for alias in settings.REPLICA_DATABASES if state_of(alias).usable]


def report() -> dict[str, dict]:
    """Every replica, checked now, as /healthz shows it."""
    with _lock:
        states = {alias: check(alias) for alias in settings.REPLICA_DATABASES}
    return {
        alias: {
            "status": state.status,
            "lag_seconds": None if state.lag is None else round(state.lag, 3),
        }
        for alias, state in states.items()
    }


def skip(alias: str, error: Exception) -> None:
    """A request found `alias` failing: skip it until its next check."""
    update(alias, State(False, "unavailable", None, time.monotonic()), error)


def state_of(alias: str) -> State:
    return _states.get(alias) or State()


def check(alias: str) -> State:
    limit = settings.REPLICA_MAX_LAG_SECONDS
    try:
        standby, lag = measured(alias, limit)
    except DatabaseError as error:
        close_quietly(alias)
        return update(alias, State(False, "unavailable", None, time.monotonic()), error)
    if not standby:
        state = State(False, "not a standby", None, time.monotonic())
    elif lag is None or lag > limit:
        state = State(False, "lagging", lag, time.monotonic())
    else:
        state = State(True, "ok", lag, time.monotonic())
    return update(alias, state)


def measured(alias: str, limit: float) -> tuple[bool, float | None]:
    """Whether `alias` is a standby, and at most how many seconds it is behind the primary
    (None: unknown)."""
    started = time.monotonic()
    with connections[PRIMARY].cursor() as cursor:
        cursor.execute(PRIMARY_POSITION)
        (position,) = cursor.fetchone()
    with connections[alias].cursor() as cursor:
        cursor.execute(REPLICA_POSITION, [position])
        standby, replayed, age = cursor.fetchone()
        if not standby:
            return False, None
        if replayed:
            return True, 0.0
        if age is not None and age <= limit:
            return True, max(0.0, float(age))
        while time.monotonic() - started < CATCH_UP:
            time.sleep(CATCH_UP / 10)
            cursor.execute(REPLICA_POSITION, [position])
            if cursor.fetchone()[1]:
                return True, time.monotonic() - started
    return True, None if age is None else float(age)


def update(alias: str, state: State, error: Exception | None = None) -> State:
    before = state_of(alias)
    _states[alias] = state
    if not state.usable and state.status != before.status:
        if state.status == "lagging":
            behind = "an unknown time" if state.lag is None else f"{state.lag:.1f} s"
            why = f"{behind} behind (more than {settings.REPLICA_MAX_LAG_SECONDS} s)"
        elif error is not None:
            why = f"unavailable ({type(error).__name__}: {str(error).strip()[:200]})"
        else:
            why = state.status
        logger.warning("Replica %s skipped, reads go to the primary: %s", alias, why)
    elif state.usable and not before.usable and before.status != "not checked":
        logger.info("Replica %s back in use (%.1f s behind)", alias, state.lag or 0.0)
    return state


def close_quietly(alias: str) -> None:
    """Drop a broken connection so the next check opens a new one."""
    with contextlib.suppress(DatabaseError):
        connections[alias].close()


def forget() -> None:
    """Check every replica afresh (tests)."""
    with _lock:
        _states.clear()
