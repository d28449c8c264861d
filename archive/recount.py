"""Recount the counts that do not depend on the request (the unfiltered claims and meetings
listings) in a background thread after an editor's save, so that readers find them cached,
and rebuild this process's copy of the claims' facet values (archive/facet_index.py).

One thread per process at a time; saves that arrive while it counts ask for one more round.
"""

import logging
import threading

from django.conf import settings
from django.db import connection, transaction
from django.http import QueryDict

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_state = {"running": False, "again": False}


def after_save() -> None:
    """Call inside the editor's transaction: the recount starts once it has committed."""
    if settings.RECOUNT_AFTER_SAVES:
        transaction.on_commit(start)


def start() -> None:
    with _lock:
        if _state["running"]:
            _state["again"] = True
            return
        _state["running"] = True
    threading.Thread(target=run, name="archive-recount", daemon=True).start()


def run() -> None:
    try:
        while True:
            with _lock:
                _state["again"] = False
            recount()
            with _lock:
                if not _state["again"]:
                    _state["running"] = False
                    return
    except Exception:
        with _lock:
            _state["running"] = False
        logger.exception("Recounting the listings' counts failed; readers will count them.")
    finally:
        connection.close()


def recount() -> None:
    from archive import facet_index
    from archive.filters import ClaimFilter, MeetingFilter
    from archive.models import Claim, Meeting

    if settings.FACET_INDEX:  # then the claims' counts below are taken from it, and kept there
        facet_index.refresh()

    for filter_set, records in (
        (ClaimFilter, Claim.objects.published()),
        (MeetingFilter, Meeting.objects.published()),
    ):
        filters = filter_set(QueryDict(""), queryset=records)
        filters.total()
        filters.facet_counts()
        filters.monthly_counts()
