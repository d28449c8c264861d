"""A published claim's words, side or speaker change only through an explicit correction:
the admin asks why, the claim's page shows what it was and the reason, the feed shows it as
updated, the address and its citation stay, and the history records it."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from archive.models import Claim, Correction, Status
from tests.test_admin_locking import posted

pytestmark = pytest.mark.django_db

WORDS = "the biggest lie of the century"


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw-ed-12345678")
    client.force_login(editor)
    return client


def test_a_published_claims_words_change_only_with_a_reason(editor_client, biggest_lie):
    url = reverse("admin:archive_claim_change", args=[biggest_lie.pk])
    before = biggest_lie.text
    data = posted(editor_client.get(url)) | {"text": WORDS}

    refused = editor_client.post(url, data)
    assert refused.status_code == 200
    assert "This claim is published: its words, side or speaker change only as a correction" in (
        refused.content.decode()
    )
    biggest_lie.refresh_from_db()
    assert biggest_lie.text == before and not Correction.objects.exists()

    data = posted(editor_client.get(url)) | {
        "text": WORDS,
        "correction_reason": "The dispatch's first sentence was quoted past its claim.",
    }
    assert editor_client.post(url, data).status_code == 302
    biggest_lie.refresh_from_db()
    assert biggest_lie.text == WORDS
    correction = Correction.objects.get()
    assert (correction.claim, correction.previous_text, correction.previous_side) == (
        biggest_lie,
        before,
        "China",
    )
    # The history records the change too, as a change of the claim.
    latest = biggest_lie.history.first()
    assert (latest.text, latest.history_type) == (WORDS, "~")


def test_the_claims_page_says_it_was_corrected_with_the_previous_words(
    client, editor_client, biggest_lie
):
    url = reverse("admin:archive_claim_change", args=[biggest_lie.pk])
    before = biggest_lie.text
    editor_client.post(
        url, posted(editor_client.get(url)) | {"text": WORDS, "correction_reason": "Too long."}
    )
    page = client.get(biggest_lie.get_absolute_url()).content.decode()
    assert "Corrected on" in page
    assert escape(f"Previously: “{before}” (China).") in page
    assert "Reason: Too long." in page
    # Its citation still works, at the same address.
    assert client.get(f"/claims/{biggest_lie.pk}/cite.bib").status_code == 200


def test_the_feed_shows_a_corrected_claim_as_updated(client, editor_client, biggest_lie):
    from xml.etree import ElementTree

    atom = "{http://www.w3.org/2005/Atom}"
    url = reverse("admin:archive_claim_change", args=[biggest_lie.pk])
    editor_client.post(
        url, posted(editor_client.get(url)) | {"text": WORDS, "correction_reason": "Too long."}
    )
    feed = ElementTree.fromstring(client.get("/claims/feed/?q=century").content)
    link = f"http://testserver{biggest_lie.get_absolute_url()}"
    entry = next(e for e in feed.iter(f"{atom}entry") if e.findtext(f"{atom}id") == link)
    correction = Correction.objects.get()
    assert entry.findtext(f"{atom}updated") == correction.corrected_at.isoformat()


def test_a_draft_claim_changes_freely(editor_client, biggest_lie):
    report = biggest_lie.report
    report.status = Status.DRAFT
    report.save()
    url = reverse("admin:archive_claim_change", args=[biggest_lie.pk])
    assert (
        editor_client.post(url, posted(editor_client.get(url)) | {"text": WORDS}).status_code == 302
    )
    assert not Correction.objects.exists()


def test_the_reports_inline_asks_for_the_reason_too(editor_client, dispatch, biggest_lie):
    url = reverse("admin:archive_report_change", args=[dispatch.pk])
    data = posted(editor_client.get(url))
    index = next(
        i
        for i in range(int(data["claims-TOTAL_FORMS"]))
        if str(data.get(f"claims-{i}-id")) == str(biggest_lie.pk)
    )
    data[f"claims-{index}-text"] = WORDS
    refused = editor_client.post(url, data)
    assert refused.status_code == 200
    assert "change only as a correction" in refused.content.decode()

    data[f"claims-{index}-correction_reason"] = "Quoted past its end."
    assert editor_client.post(url, data).status_code == 302
    assert Claim.objects.get(pk=biggest_lie.pk).text == WORDS
    assert Correction.objects.get().reason == "Quoted past its end."


def test_a_body_edit_that_would_change_a_published_claims_words_is_refused(
    editor_client, dispatch, biggest_lie
):
    url = reverse("admin:archive_report_change", args=[dispatch.pk])
    data = posted(editor_client.get(url))
    data["body"] = dispatch.body.replace("biggest lie of the century", "gravest charge")

    refused = editor_client.post(url, data)

    assert refused.status_code == 200
    assert "This text does not occur in the report" in refused.content.decode()
    dispatch.refresh_from_db()
    assert "biggest lie of the century" in dispatch.body
    biggest_lie.refresh_from_db()
    assert dispatch.body[biggest_lie.start : biggest_lie.end] == biggest_lie.text


def test_a_body_edit_in_code_that_would_change_published_claims_is_refused(dispatch, biggest_lie):
    from django.core.exceptions import ValidationError

    dispatch.body = dispatch.body.replace("biggest lie of the century", "gravest charge")
    with pytest.raises(ValidationError, match=f"claim {biggest_lie.pk} "):
        dispatch.save()
    dispatch.refresh_from_db()
    assert "biggest lie of the century" in dispatch.body
