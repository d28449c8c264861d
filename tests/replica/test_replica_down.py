"""A replica that stops, or falls too far behind, is skipped: reads go to the primary, with
no error page, a log line, and /healthz saying so; it serves again once it is back."""

import logging
import time

import pytest
from django.conf import settings
from django.db import connections
from django.test import override_settings

from archive.db_router import PRIMARY
from archive.models import Claim
from tests.replica.conftest import databases_used, replica_script, wait_until_replicated

pytestmark = pytest.mark.django_db(transaction=True, databases="__all__")


def test_healthz_reports_each_replica_and_its_lag(client, replica):
    wait_until_replicated(replica)
    body = client.get("/healthz").json()
    assert (body["status"], body["database"], body["migrations"]) == ("ok", "ok", "ok")
    assert body["replicas"][replica]["status"] == "ok"
    assert 0 <= body["replicas"][replica]["lag_seconds"] <= settings.REPLICA_MAX_LAG_SECONDS


def test_a_replica_stopped_mid_run_sends_reads_to_the_primary(client, biggest_lie, replica, caplog):
    wait_until_replicated(replica)
    pages = ["/", biggest_lie.get_absolute_url(), "/claims/", "/search/?q=lie"]
    _, used = databases_used(lambda: client.get(pages[0]))
    assert used == {replica}  # its connection is open, and about to break

    replica_script("pause", replica)
    try:
        with caplog.at_level(logging.WARNING, logger="archive.replicas"):
            for number, page in enumerate(pages):
                response, used = databases_used(lambda page=page: client.get(page))
                assert response.status_code == 200, page
                assert PRIMARY in used, page
                # The first request tried the replica and failed over; the next skip it.
                assert number == 0 or replica not in used, page
        assert f"Replica {replica} skipped, reads go to the primary" in caplog.text
        health = client.get("/healthz")
        assert health.status_code == 200
        assert health.json()["replicas"][replica] == {"status": "unavailable", "lag_seconds": None}
    finally:
        replica_script("resume", replica)

    wait_until_replicated(replica)
    deadline = time.monotonic() + settings.REPLICA_CHECK_SECONDS + 10
    while databases_used(lambda: client.get("/claims/"))[1] != {replica}:
        assert time.monotonic() < deadline, "the replica was not used again once back"
        time.sleep(0.2)


def test_a_replica_too_far_behind_is_skipped(client, biggest_lie, replica):
    wait_until_replicated(replica)
    with connections[replica].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_pause()")
    try:
        Claim.objects.filter(pk=biggest_lie.pk).update(kind=Claim.Kind.WARNING)
        with override_settings(REPLICA_MAX_LAG_SECONDS=1, REPLICA_CHECK_SECONDS=1):
            time.sleep(1.5)
            replicas = client.get("/healthz").json()["replicas"]
            assert replicas[replica]["status"] == "lagging"
            assert replicas[replica]["lag_seconds"] > 1
            response, used = databases_used(lambda: client.get(biggest_lie.get_absolute_url()))
            assert used == {PRIMARY}
            assert "Warning" in response.content.decode()  # the replica has not got it yet
    finally:
        with connections[replica].cursor() as cursor:
            cursor.execute("SELECT pg_wal_replay_resume()")
