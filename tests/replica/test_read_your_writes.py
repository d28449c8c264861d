"""An editor's save shows at once to the editor (who reads the primary), and to readers once
the replica has replayed it (they read the replica)."""

import pytest
from django.test import Client
from django.urls import reverse

from archive.db_router import PRIMARY
from archive.models import Claim
from tests.replica.conftest import change_form_data, databases_used, wait_until_replicated

pytestmark = pytest.mark.django_db(transaction=True, databases="__all__")


def test_an_editors_save_shows_to_them_at_once_and_to_readers_once_replicated(
    django_user_model, biggest_lie, replica
):
    editor, reader = Client(), Client()
    editor.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "p"))
    wait_until_replicated(replica)
    page = biggest_lie.get_absolute_url()
    kind = "warning" if biggest_lie.kind != "warning" else "position"
    label = Claim.Kind(kind).label
    assert label not in reader.get(page).content.decode()

    url = reverse("admin:archive_claim_change", args=[biggest_lie.pk])
    saved = editor.post(url, change_form_data(editor.get(url)) | {"kind": kind})
    assert saved.status_code == 302

    response, used = databases_used(lambda: editor.get(page))
    assert used == {PRIMARY}
    assert label in response.content.decode()

    wait_until_replicated(replica)
    for listing in [page, f"/claims/?kind={kind}"]:
        response, used = databases_used(lambda listing=listing: reader.get(listing))
        assert used == {replica}
        assert label in response.content.decode()
        assert biggest_lie.get_absolute_url() in response.content.decode()
