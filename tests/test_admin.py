import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.models import Claim, Correction, Issue, Meeting, OldSlug, Report, WithdrawnClaim
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db

ARCHIVE_MODELS = [model for model in admin.site._registry if model._meta.app_label == "archive"]


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-12345!")
    client.force_login(user)
    return client


def changelist(model) -> str:
    return reverse(f"admin:archive_{model._meta.model_name}_changelist")


def test_every_model_of_the_archive_is_registered():
    names = {model.__name__ for model in ARCHIVE_MODELS}
    assert {
        "Publisher",
        "Report",
        "Footnote",
        "Meeting",
        "Delegation",
        "Person",
        "PersonAlias",
        "Participation",
        "Issue",
        "IssueAlias",
        "Claim",
        "Synonym",
    } <= names


@pytest.mark.parametrize("model", ARCHIVE_MODELS, ids=lambda m: m.__name__)
def test_change_list_add_and_change_forms_open(editor_client, seed, model):
    assert editor_client.get(changelist(model)).status_code == 200
    assert editor_client.get(changelist(model) + "?q=China").status_code == 200
    add = reverse(f"admin:archive_{model._meta.model_name}_add")
    # Old slugs, tombstones and corrections are made by the archive itself (a correction on
    # its claim's form), never added by hand.
    expected = 403 if model in {OldSlug, WithdrawnClaim, Correction} else 200
    assert editor_client.get(add).status_code == expected
    if model is OldSlug:
        issue = Issue.objects.get(slug="taiwan")
        issue.slug = "formosa"
        issue.save()
    if model is WithdrawnClaim:
        Claim.objects.first().delete()
    if model is Correction:
        Correction.of(Claim.objects.first(), "A test of the page.")
    obj = model.objects.first()
    change = reverse(f"admin:archive_{model._meta.model_name}_change", args=[obj.pk])
    assert editor_client.get(change).status_code == 200


@pytest.mark.parametrize("model", ARCHIVE_MODELS, ids=lambda m: m.__name__)
def test_change_lists_make_no_query_per_row(editor_client, seed, model):
    with CaptureQueriesContext(connection) as small:
        editor_client.get(changelist(model))
    for _ in range(3):
        make_meeting(claims=6)
    with CaptureQueriesContext(connection) as large:
        editor_client.get(changelist(model))
    assert len(large.captured_queries) <= len(small.captured_queries)


def test_history_is_visible_for_claims_reports_meetings_and_people(editor_client, biggest_lie):
    biggest_lie.save()  # the seed is loaded without history rows: record it as it is
    biggest_lie.kind = Claim.Kind.ACCUSATION
    biggest_lie.save()
    url = reverse("admin:archive_claim_history", args=[biggest_lie.pk])
    page = editor_client.get(url).content.decode()
    assert "Accusation" in page or "accusation" in page
    for model in (Report, Meeting):
        obj = model.objects.first()
        url = reverse(f"admin:archive_{model._meta.model_name}_history", args=[obj.pk])
        assert editor_client.get(url).status_code == 200


def test_the_admin_refuses_a_claim_that_is_not_verbatim(editor_client, dispatch, biggest_lie):
    url = reverse("admin:archive_claim_change", args=[biggest_lie.pk])
    response = editor_client.post(
        url,
        {
            "report": dispatch.pk,
            "text": "the claim that there is genocide in Xinjiang is a lie",
            "delegation": biggest_lie.delegation_id,
            "kind": "denial",
            "issues": [i.pk for i in biggest_lie.issues.all()],
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "does not occur in the report" in page
    assert "The closest passage in the report is" in page
    biggest_lie.refresh_from_db()
    assert "biggest lie of the century" in biggest_lie.text


def test_an_edit_saved_in_the_admin_is_searchable_at_once(editor_client, biggest_lie):
    from archive.models import Issue
    from tests.factories import search_claims

    def found(text: str) -> set[int]:
        return {claim.pk for claim in search_claims(text)}

    assert biggest_lie.pk not in found("Turkestan region")
    xinjiang = Issue.objects.get(slug="xinjiang")
    response = editor_client.post(
        reverse("admin:archive_issuealias_add"), {"issue": xinjiang.pk, "name": "Turkestan region"}
    )
    assert response.status_code == 302
    assert biggest_lie.pk in found("Turkestan region")


def test_the_issues_list_counts_each_issues_claims(editor_client, seed):
    page = editor_client.get(changelist(Issue) + "?q=Taiwan").content.decode()
    assert "archive.Claim.None" not in page
    taiwan = Issue.objects.get(slug="taiwan")
    assert f'<td class="field-claim_count">{taiwan.claims.count()}</td>' in page


def test_a_new_claims_side_and_speaker_are_searched_not_listed(editor_client, seed):
    page = editor_client.get(reverse("admin:archive_claim_add")).content.decode()
    for field in ("delegation", "speaker"):
        select = page[page.index(f'name="{field}"') - 300 : page.index(f'name="{field}"') + 300]
        assert "admin-autocomplete" in select, field
    claim = Claim.objects.first()
    change = editor_client.get(reverse("admin:archive_claim_change", args=[claim.pk]))
    assert (
        'class="admin-autocomplete' not in change.content.decode().split('name="speaker"')[1][:200]
    )
