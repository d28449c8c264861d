"""Public pages read from the replica; the admin, editors and writers use the primary."""

import time

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from archive.db_router import PRIMARY
from archive.models import Claim
from tests.replica.conftest import change_form_data, databases_used, wait_until_replicated

pytestmark = pytest.mark.django_db(transaction=True, databases="__all__")


@pytest.fixture
def editor(django_user_model) -> Client:
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-12345!")
    client = Client()
    client.force_login(user)
    return client


def test_public_pages_read_from_the_replica_only(client, biggest_lie, replica):
    wait_until_replicated(replica)
    pages = [
        "/",
        biggest_lie.get_absolute_url(),
        biggest_lie.meeting.get_absolute_url(),
        "/claims/",
        "/claims/?kind=statement",
        "/meetings/",
        "/search/?q=lie",
        "/issues/",
    ]
    for page in pages:
        response, used = databases_used(lambda page=page: client.get(page, follow=True))
        assert response.status_code == 200, page
        assert used == {replica}, page


def test_the_admin_reads_and_writes_the_primary(editor, biggest_lie, replica):
    wait_until_replicated(replica)
    url = reverse("admin:archive_claim_change", args=[biggest_lie.pk])
    form, used = databases_used(lambda: editor.get(url))
    assert form.status_code == 200
    assert used == {PRIMARY}
    kind = "warning" if biggest_lie.kind != "warning" else "position"
    saved, used = databases_used(lambda: editor.post(url, change_form_data(form) | {"kind": kind}))
    assert saved.status_code == 302
    assert used == {PRIMARY}
    assert Claim.objects.using(PRIMARY).get(pk=biggest_lie.pk).kind == kind


def test_a_browser_that_wrote_reads_from_the_primary_for_a_while(client, seed, replica):
    wait_until_replicated(replica)
    # The pin's time is signed in whole seconds: it lasts from 1 to 2 seconds here.
    with override_settings(REPLICA_PIN_SECONDS=2):
        # A failed login is a write (the login throttle counts it) by a browser with no session.
        response, used = databases_used(
            lambda: client.post("/admin/login/", {"username": "nobody", "password": "wrong"})
        )
        assert used == {PRIMARY}
        assert "primary_until" in response.cookies
        _, used = databases_used(lambda: client.get("/claims/"))
        assert used == {PRIMARY}
        time.sleep(2.1)
        _, used = databases_used(lambda: client.get("/claims/"))
        assert used == {replica}


def test_a_forged_pin_cookie_is_ignored(client, seed, replica):
    wait_until_replicated(replica)
    client.cookies["primary_until"] = "1"
    _, used = databases_used(lambda: client.get("/claims/"))
    assert used == {replica}
