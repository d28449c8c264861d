"""Which database a request reads from (archive/replica_middleware.py, archive/db_router.py),
without a real replica: tests/replica/ has those. Here a replica is only a name."""

import logging
from contextlib import nullcontext

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import OperationalError, transaction
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from archive import db_router, replica_health, replica_middleware
from archive.db_router import PRIMARY, ReplicaRouter
from archive.models import Claim
from archive.replica_middleware import ReplicaMiddleware

REPLICA = "replica_x"

pytestmark = [
    pytest.mark.django_db(transaction=True),  # not inside a transaction on the primary
    pytest.mark.usefixtures("one_usable_replica"),
]


@pytest.fixture
def one_usable_replica(monkeypatch):
    monkeypatch.setattr(replica_health, "usable", lambda: [REPLICA])
    monkeypatch.setattr(replica_health, "close_quietly", lambda alias: None)
    monkeypatch.setattr(db_router, "snapshot", lambda alias: nullcontext())
    with override_settings(REPLICA_DATABASES=[REPLICA]):
        yield
    db_router.read_from(PRIMARY)
    replica_health.forget()


def anonymous(request):
    request.user = AnonymousUser()
    return request


def served(request, view=None) -> tuple[HttpResponse, list[str]]:
    """The middleware's response, and the database the view read from at each call."""
    calls = []

    def get_response(request):
        calls.append(db_router.reading_database())
        return view(request) if view else HttpResponse("ok")

    return ReplicaMiddleware(get_response)(request), calls


def test_a_public_page_reads_from_a_replica():
    _, calls = served(anonymous(RequestFactory().get("/claims/")))
    assert calls == [REPLICA]


def test_posts_the_admin_and_editors_read_from_the_primary(admin_user):
    factory = RequestFactory()
    post = anonymous(factory.post("/admin/login/"))
    admin_page = anonymous(factory.get("/admin/archive/claim/"))
    editor = factory.get("/claims/", HTTP_COOKIE="sessionid=x")
    editor.user = admin_user
    for request in [post, admin_page, editor]:
        assert served(request)[1] == [PRIMARY]


def test_a_browser_that_wrote_reads_from_the_primary_until_its_pin_expires():
    factory = RequestFactory()
    response, _ = served(anonymous(factory.post("/admin/login/")))
    pin = response.cookies[replica_middleware.PIN_COOKIE]
    assert pin["max-age"] == 15 and pin["httponly"]
    next_page = anonymous(factory.get("/claims/", HTTP_COOKIE=f"{pin.key}={pin.value}"))
    assert served(next_page)[1] == [PRIMARY]
    forged = anonymous(factory.get("/claims/", HTTP_COOKIE=f"{pin.key}=1"))
    assert served(forged)[1] == [REPLICA]


def test_a_page_whose_replica_fails_is_served_again_from_the_primary(caplog):
    middleware = ReplicaMiddleware(lambda request: HttpResponse())

    def view(request):
        if db_router.reading_database() == REPLICA:
            failure = OperationalError("server closed the connection unexpectedly")
            return middleware.process_exception(request, failure)  # as Django's handler does
        return HttpResponse("from the primary")

    with caplog.at_level(logging.WARNING, logger="archive.replicas"):
        response, calls = served(anonymous(RequestFactory().get("/claims/")), view)
    assert (response.status_code, response.content) == (200, b"from the primary")
    assert calls == [REPLICA, PRIMARY]
    assert replica_health.state_of(REPLICA).status == "unavailable"
    assert f"Replica {REPLICA} skipped, reads go to the primary" in caplog.text


def test_reads_inside_a_transaction_on_the_primary_stay_on_it():
    router = ReplicaRouter()
    db_router.read_from(REPLICA)
    assert router.db_for_read(Claim) == REPLICA
    with transaction.atomic():
        assert router.db_for_read(Claim) == PRIMARY
    assert router.db_for_write(Claim) == PRIMARY
    assert db_router.wrote()


def test_after_the_response_reads_go_to_the_primary_again():
    db_router.read_from(REPLICA)
    db_router.forget_request_database()
    assert db_router.reading_database() == PRIMARY
