"""Two editors, one record: a change form opened before another editor's save refuses to
save over it, says so and links to the current version (archive/admin_locking.py)."""

import pytest
from django.urls import reverse

from archive.models import Claim, Issue, Meeting, Person, Report
from tests.browser_posts import posted_back

pytestmark = pytest.mark.django_db


@pytest.fixture
def editors(client, django_user_model):
    from django.test import Client

    first = django_user_model.objects.create_superuser("a", "a@example.org", "pw-a-1234567")
    second = django_user_model.objects.create_superuser("b", "b@example.org", "pw-b-1234567")
    a, b = client, Client()
    a.force_login(first)
    b.force_login(second)
    return a, b


def posted(response) -> dict:
    """What a browser posts back from an admin change form, unchanged."""
    inlines = [inline.formset for inline in response.context["inline_admin_formsets"]]
    return posted_back([response.context["adminform"].form], inlines)


def change_url(record) -> str:
    return reverse(f"admin:archive_{record._meta.model_name}_change", args=[record.pk])


CASES = [
    (Claim, "kind", "warning"),
    (Report, "title", "A title of editor B's"),
    (Meeting, "summary", "Editor B's summary."),
    (Person, "note", "Editor B's note."),
    (Issue, "description", "Editor B's description."),
]


@pytest.mark.parametrize(("model", "field", "theirs"), CASES)
def test_a_form_opened_before_another_editors_save_refuses_to_save_over_it(
    editors, seed, model, field, theirs
):
    a, b = editors
    record = model.objects.order_by("pk").first()
    url = change_url(record)
    opened_by_a = posted(a.get(url))

    by_b = posted(b.get(url))
    by_b[field] = theirs
    assert b.post(url, by_b).status_code == 302  # editor B saves first

    opened_by_a[field] = "Editor A's stale change"
    response = a.post(url, opened_by_a)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone changed this record after you opened it" in page
    assert f'<a href="{url}">Open the current version</a>' in page
    record.refresh_from_db()
    assert getattr(record, field) == theirs  # B's change was kept


def test_a_form_saved_with_no_change_in_between_saves(editors, seed):
    a, _ = editors
    person = Person.objects.order_by("pk").first()
    data = posted(a.get(change_url(person)))
    data["note"] = "A note."
    assert a.post(change_url(person), data).status_code == 302
    person.refresh_from_db()
    assert person.note == "A note."
