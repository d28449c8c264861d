"""A deleted claim leaves a tombstone (410); a merged one redirects to its survivor (301)."""

import pytest
from django.urls import reverse

from archive.models import Claim, Report, WithdrawnClaim

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@x.org", "pw"))
    return client


def test_a_deleted_claim_answers_410_with_what_it_was(client, biggest_lie):
    url = biggest_lie.get_absolute_url()
    biggest_lie.delete()
    response = client.get(url)
    assert response.status_code == 410
    page = response.content.decode()
    assert "This claim was withdrawn" in page
    assert "biggest lie of the century" in page
    assert "China-U.S. High-Level Strategic Dialogue" in page
    assert 'href="/reports/memri-special-dispatch-9249/"' in page
    assert "Withdrawn by the archive&#x27;s editors." in page


def test_the_editor_gives_the_reason_when_withdrawing(editor, client, biggest_lie):
    changelist = reverse("admin:archive_claim_changelist")
    ask = editor.post(changelist, {"action": "withdraw", "_selected_action": [biggest_lie.pk]})
    assert ask.status_code == 200 and "Withdraw 1 claim" in ask.content.decode()
    done = editor.post(
        changelist,
        {
            "action": "withdraw",
            "_selected_action": [biggest_lie.pk],
            "reason": "Mistranslated: the original says 'the lie of the century'.",
        },
    )
    assert done.status_code == 302
    page = client.get(f"/claims/{biggest_lie.pk}/").content.decode()
    assert "Mistranslated: the original says" in page


def test_merging_duplicates_redirects_the_absorbed_to_the_survivor(editor, client, dispatch):
    first, second = Claim.objects.filter(report=dispatch).order_by("pk")[:2]
    second_issues = set(second.issues.values_list("pk", flat=True))
    response = editor.post(
        reverse("admin:archive_claim_changelist"),
        {"action": "merge", "_selected_action": [first.pk, second.pk]},
    )
    assert response.status_code == 302
    moved = client.get(f"/claims/{second.pk}/")
    assert moved.status_code == 301 and moved["Location"] == f"/claims/{first.pk}/"
    assert second_issues <= set(first.issues.values_list("pk", flat=True))
    assert WithdrawnClaim.objects.get(claim_id=second.pk).merged_into == first.pk


def test_merging_claims_of_different_meetings_is_refused(editor, dispatch):
    from tests.factories import make_meeting

    other = make_meeting(claims=1).claims.get()
    ours = Claim.objects.filter(report=dispatch).first()
    editor.post(
        reverse("admin:archive_claim_changelist"),
        {"action": "merge", "_selected_action": [ours.pk, other.pk]},
    )
    assert Claim.objects.filter(pk__in=[ours.pk, other.pk]).count() == 2


def test_deleting_a_report_leaves_a_tombstone_for_each_claim(client, dispatch, biggest_lie):
    count = dispatch.claims.count()
    Report.objects.filter(pk=dispatch.pk).delete()
    assert WithdrawnClaim.objects.count() == count
    assert client.get(f"/claims/{biggest_lie.pk}/").status_code == 410


def test_an_unpublished_claim_is_404_not_410(client, dispatch, biggest_lie):
    Report.objects.filter(pk=dispatch.pk).update(status="draft")
    assert client.get(f"/claims/{biggest_lie.pk}/").status_code == 404


def test_deleting_a_draft_claim_reveals_nothing(client, dispatch, biggest_lie):
    Report.objects.filter(pk=dispatch.pk).update(status="draft")
    biggest_lie.delete()
    assert client.get(f"/claims/{biggest_lie.pk}/").status_code == 404
    assert not WithdrawnClaim.objects.exists()


def test_a_chain_of_merges_leads_to_the_last_survivor(editor, client, dispatch):
    first, second, third = Claim.objects.filter(report=dispatch).order_by("pk")[:3]
    changelist = reverse("admin:archive_claim_changelist")
    editor.post(changelist, {"action": "merge", "_selected_action": [second.pk, third.pk]})
    editor.post(changelist, {"action": "merge", "_selected_action": [first.pk, second.pk]})
    for absorbed in (second, third):
        response = client.get(f"/claims/{absorbed.pk}/")
        assert response.status_code == 301 and response["Location"] == f"/claims/{first.pk}/"
    assert client.get(f"/claims/{third.pk}/cite.bib")["Location"] == (
        f"/claims/{first.pk}/cite.bib"
    )
