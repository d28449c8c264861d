"""Editors and publishing: the Editors group, the Publish and Unpublish actions, and the
history that records who changed what."""

import datetime

import pytest
from django.contrib import messages
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from archive.models import Claim, Delegation, Meeting, Publisher, Report, Status
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db

EDITING = ["add", "change", "delete", "view"]
EDITORS_PERMISSIONS = {
    *(
        f"{action}_{model}"
        for model in [
            "publisher",
            "report",
            "footnote",
            "meeting",
            "delegation",
            "person",
            "personalias",
            "participation",
            "issue",
            "issuealias",
            "claim",
            "synonym",
        ]
        for action in EDITING
    ),
    "view_withdrawnclaim",
    "change_withdrawnclaim",
    "view_oldslug",
    "view_historicalmeeting",
    "view_historicalperson",
    "view_historicalreport",
    "view_historicalclaim",
    "view_historicalclaim_issues",
    "view_correction",
}


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw-12345!", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def visitor() -> Client:
    """A reader: `client` is the editor's once `editor_client` has logged in."""
    return Client()


@pytest.fixture
def draft_report() -> Report:
    """A draft report with one claim, of a draft meeting with its two delegations."""
    meeting = make_meeting(status=Status.DRAFT, claims=1)
    return meeting.reports.get()


@pytest.fixture
def one_sided_report() -> Report:
    """A draft report of a draft meeting that has only one delegation."""
    meeting = Meeting.objects.create(title="Half a meeting", start_date=datetime.date(2023, 2, 1))
    Delegation.objects.create(meeting=meeting, side=1, country="FR")
    publisher, _ = Publisher.objects.get_or_create(name="Test Wire")
    return Report.objects.create(
        publisher=publisher,
        meeting=meeting,
        title="Readout of half a meeting",
        date=meeting.start_date,
        body="France spoke alone.",
    )


def run_action(client, model, action: str, records) -> list[tuple[int, str]]:
    """Run a change-list action as an editor would; the messages shown on the change list
    the editor is brought back to."""
    url = reverse(f"admin:archive_{model._meta.model_name}_changelist")
    response = client.post(
        url,
        {"action": action, "_selected_action": [record.pk for record in records]},
        follow=True,
    )
    assert response.redirect_chain == [(url, 302)]
    page = response.content.decode()
    shown = [(m.level, m.message) for m in response.context["messages"]]
    assert all(escape(message) in page for _, message in shown)
    return shown


def test_the_editors_group_has_exactly_the_permissions_editors_need():
    group = Group.objects.get(name="Editors")
    granted = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert granted == {("archive", codename) for codename in EDITORS_PERMISSIONS}
    assert not group.permissions.filter(content_type__app_label="auth").exists()


def test_an_editor_can_open_reports_and_claims_but_not_users(editor_client, seed):
    for name in ("report", "claim"):
        assert editor_client.get(reverse(f"admin:archive_{name}_changelist")).status_code == 200
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_user_add")).status_code == 403


def test_publishing_a_report_publishes_its_meeting_and_shows_its_claims(
    visitor, editor_client, draft_report
):
    claim = draft_report.claims.get()
    assert visitor.get(f"/claims/{claim.pk}/").status_code == 404

    told = run_action(editor_client, Report, "publish", [draft_report])

    draft_report.refresh_from_db()
    meeting = draft_report.meeting
    assert draft_report.status == meeting.status == Status.PUBLISHED
    assert draft_report.published_at is not None
    assert meeting.published_at is not None
    assert told == [(messages.SUCCESS, "Published 1 meeting, 1 report.")]
    assert visitor.get(f"/claims/{claim.pk}/").status_code == 200
    assert visitor.get(draft_report.get_absolute_url()).status_code == 200


def test_unpublishing_a_report_hides_it_and_its_claims_again(visitor, editor_client, draft_report):
    claim = draft_report.claims.get()
    run_action(editor_client, Report, "publish", [draft_report])

    told = run_action(editor_client, Report, "unpublish", [draft_report])

    draft_report.refresh_from_db()
    assert draft_report.status == Status.DRAFT
    assert draft_report.published_at is None
    assert told[0] == (messages.SUCCESS, "Unpublished 1 report.")
    # The meeting it published stays public, and the editor is told so.
    meeting = draft_report.meeting
    assert told[1][0] == messages.WARNING
    assert told[1][1].startswith(f"Still public: the meeting \u201c{meeting}\u201d, with no")
    assert visitor.get(f"/claims/{claim.pk}/").status_code == 404
    assert visitor.get(draft_report.get_absolute_url()).status_code == 404
    assert not Claim.objects.published().filter(pk=claim.pk).exists()


def test_unpublishing_a_report_can_unpublish_the_meeting_no_other_report_keeps(
    visitor, editor_client, draft_report
):
    run_action(editor_client, Report, "publish", [draft_report])
    meeting = draft_report.meeting
    other = make_meeting()  # a meeting kept public by its own report, untouched

    told = run_action(
        editor_client, Report, "unpublish_with_meetings", [draft_report, other.reports.get()]
    )

    assert (messages.SUCCESS, "Unpublished 2 reports.") in told
    assert (messages.SUCCESS, "Unpublished 2 meetings.") in told
    assert Meeting.objects.get(pk=meeting.pk).status == Status.DRAFT
    assert visitor.get(meeting.get_absolute_url()).status_code == 404


def test_unpublishing_one_of_two_reports_says_the_meeting_stays_public(editor_client):
    meeting = make_meeting()
    first = meeting.reports.get()
    second = Report.objects.create(
        publisher=first.publisher,
        meeting=meeting,
        number="second",
        title="The other side's readout",
        date=first.date,
        body="Another account.",
        status=Status.PUBLISHED,
    )

    told = run_action(editor_client, Report, "unpublish_with_meetings", [first])

    assert told[0] == (messages.SUCCESS, "Unpublished 1 report.")
    assert not any(text.startswith("Unpublished nothing") for _, text in told)
    assert Meeting.objects.get(pk=meeting.pk).status == Status.PUBLISHED
    assert (
        messages.INFO,
        f"Still public: the meeting \u201c{meeting}\u201d, which 1 other published report keeps.",
    ) in told
    assert Report.objects.get(pk=second.pk).status == Status.PUBLISHED


def test_unpublishing_a_meeting_hides_its_reports_and_claims(visitor, editor_client, draft_report):
    claim = draft_report.claims.get()
    run_action(editor_client, Report, "publish", [draft_report])

    told = run_action(editor_client, Meeting, "unpublish", [draft_report.meeting])

    meeting = Meeting.objects.get(pk=draft_report.meeting_id)
    assert meeting.status == Status.DRAFT
    assert meeting.published_at is None
    assert told == [(messages.SUCCESS, "Unpublished 1 meeting.")]
    assert visitor.get(f"/claims/{claim.pk}/").status_code == 404
    assert visitor.get(draft_report.get_absolute_url()).status_code == 404


def test_a_meeting_without_two_delegations_is_refused_and_stays_a_draft(
    editor_client, one_sided_report
):
    meeting = one_sided_report.meeting

    told = run_action(editor_client, Meeting, "publish", [meeting])

    meeting.refresh_from_db()
    assert meeting.status == Status.DRAFT
    assert meeting.published_at is None
    (nothing, (level, refusal)) = told
    assert nothing == (messages.INFO, "Published nothing.")
    assert level == messages.ERROR
    assert str(meeting) in refusal
    assert "needs exactly two delegations" in refusal
    assert "this one has 1" in refusal


def test_a_refused_report_does_not_hold_back_the_others(
    editor_client, draft_report, one_sided_report
):
    told = run_action(editor_client, Report, "publish", [draft_report, one_sided_report])

    draft_report.refresh_from_db()
    one_sided_report.refresh_from_db()
    assert draft_report.status == Status.PUBLISHED
    assert one_sided_report.status == one_sided_report.meeting.status == Status.DRAFT
    (published, (level, refusal)) = told
    assert published == (messages.SUCCESS, "Published 1 meeting, 1 report.")
    assert level == messages.ERROR
    assert str(one_sided_report) in refusal
    assert "its meeting cannot be published" in refusal


def test_history_records_the_editor_and_an_earlier_version_can_be_restored(
    editor, editor_client, draft_report
):
    run_action(editor_client, Report, "publish", [draft_report])
    published = draft_report.history.latest()
    assert published.status == Status.PUBLISHED
    assert published.history_user == editor
    assert draft_report.meeting.history.latest().history_user == editor

    draft_report.refresh_from_db()
    original_title = draft_report.title
    draft_report.title = "A title given by mistake"
    draft_report.save()

    url = reverse("admin:archive_report_simple_history", args=[draft_report.pk, published.pk])
    page = editor_client.get(url)
    assert page.status_code == 200
    assert original_title in page.content.decode()

    response = editor_client.post(
        url,
        {
            "title": published.title,
            "slug": published.slug,
            "publisher": published.publisher_id,
            "series": published.series,
            "number": published.number,
            "date": published.date.isoformat(),
            "url": published.url,
            "original_source": published.original_source,
            "issued_by": published.issued_by,
            "meeting": published.meeting_id,
            "body": published.body,
            "status": published.status,
        },
    )
    assert response.status_code == 302
    draft_report.refresh_from_db()
    assert draft_report.title == original_title
    assert draft_report.status == Status.PUBLISHED
    restored = draft_report.history.latest()
    assert restored.title == original_title
    assert restored.history_user == editor


# -- the Publish and Unpublish buttons of a change form -----------------------------------


def press(client, record, verb: str) -> list[tuple[int, str]]:
    """Press a change form's Publish or Unpublish button as an editor would; the messages
    shown on the form the editor is brought back to."""
    name = record._meta.model_name
    change = reverse(f"admin:archive_{name}_change", args=[record.pk])
    form = client.get(change).content.decode()
    button = reverse(f"admin:archive_{name}_{verb}", args=[record.pk])
    assert f'<form method="post" action="{button}">' in form
    response = client.post(button, follow=True)
    assert response.redirect_chain == [(change, 302)]
    page = response.content.decode()
    shown = [(m.level, m.message) for m in response.context["messages"]]
    assert all(escape(message) in page for _, message in shown)
    return shown


def buttons_on(client, record) -> list[str]:
    name = record._meta.model_name
    form = client.get(reverse(f"admin:archive_{name}_change", args=[record.pk])).content.decode()
    return [
        verb
        for verb in ("publish", "unpublish")
        if reverse(f"admin:archive_{name}_{verb}", args=[record.pk]) in form
    ]


def test_a_drafts_form_offers_publish_and_a_public_records_form_unpublish(
    editor_client, draft_report
):
    meeting = draft_report.meeting
    assert buttons_on(editor_client, draft_report) == ["publish"]
    assert buttons_on(editor_client, meeting) == ["publish"]
    assert (
        "Draft: not public"
        in editor_client.get(
            reverse("admin:archive_report_change", args=[draft_report.pk])
        ).content.decode()
    )

    draft_report.publish()

    assert buttons_on(editor_client, draft_report) == ["unpublish"]
    assert buttons_on(editor_client, meeting) == ["unpublish"]
    # A published report whose meeting is a draft is hidden: both buttons, and why.
    Meeting.objects.filter(pk=meeting.pk).update(status=Status.DRAFT)
    assert buttons_on(editor_client, draft_report) == ["publish", "unpublish"]
    form = editor_client.get(reverse("admin:archive_report_change", args=[draft_report.pk]))
    assert "Not public: its meeting is a draft" in form.content.decode()


def test_the_publish_button_publishes_a_report_with_its_meeting(
    visitor, editor_client, draft_report
):
    claim = draft_report.claims.get()

    told = press(editor_client, draft_report, "publish")

    draft_report.refresh_from_db()
    assert draft_report.status == draft_report.meeting.status == Status.PUBLISHED
    assert told == [(messages.SUCCESS, "Published 1 meeting, 1 report.")]
    assert visitor.get(claim.get_absolute_url()).status_code == 200


def test_the_unpublish_button_says_what_stays_public(visitor, editor_client, draft_report):
    draft_report.publish()
    meeting = draft_report.meeting

    told = press(editor_client, draft_report, "unpublish")

    draft_report.refresh_from_db()
    assert draft_report.status == Status.DRAFT
    assert told[0] == (messages.SUCCESS, "Unpublished 1 report.")
    assert told[1][0] == messages.WARNING
    assert told[1][1].startswith(f"Still public: the meeting \u201c{meeting}\u201d, with no")
    assert visitor.get(draft_report.get_absolute_url()).status_code == 404
    assert visitor.get(meeting.get_absolute_url()).status_code == 200


def test_the_meetings_buttons_publish_and_unpublish_it(visitor, editor_client, draft_report):
    meeting = draft_report.meeting

    assert press(editor_client, meeting, "publish") == [(messages.SUCCESS, "Published 1 meeting.")]
    assert visitor.get(meeting.get_absolute_url()).status_code == 200
    assert press(editor_client, meeting, "unpublish") == [
        (messages.SUCCESS, "Unpublished 1 meeting.")
    ]
    assert visitor.get(meeting.get_absolute_url()).status_code == 404


def test_a_refused_publish_names_the_reason_and_changes_nothing(editor_client, one_sided_report):
    meeting = one_sided_report.meeting

    (nothing, (level, refusal)) = press(editor_client, meeting, "publish")

    assert nothing == (messages.INFO, "Published nothing.")
    assert level == messages.ERROR and "needs exactly two delegations" in refusal
    assert Meeting.objects.get(pk=meeting.pk).status == Status.DRAFT


def test_the_buttons_refuse_without_the_change_permission(client, django_user_model, draft_report):
    publish = reverse("admin:archive_report_publish", args=[draft_report.pk])
    # Not signed in: the admin's login page, nothing published.
    response = client.post(publish)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]

    # An editor who may only look: no buttons on the form, and a refusal.
    viewer = django_user_model.objects.create_user("viewer", password="pw-12345!", is_staff=True)
    viewer.user_permissions.set(
        Permission.objects.filter(codename__in=["view_report", "view_meeting"])
    )
    client.force_login(viewer)
    assert buttons_on(client, draft_report) == []
    assert client.post(publish).status_code == 403
    meeting_publish = reverse("admin:archive_meeting_publish", args=[draft_report.meeting_id])
    assert client.post(meeting_publish).status_code == 403

    draft_report.refresh_from_db()
    assert draft_report.status == draft_report.meeting.status == Status.DRAFT


def test_the_buttons_take_only_a_post_with_its_csrf_token(editor, draft_report):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    publish = reverse("admin:archive_report_publish", args=[draft_report.pk])

    assert client.get(publish).status_code == 405
    assert client.post(publish).status_code == 403  # no token: a forged request

    draft_report.refresh_from_db()
    assert draft_report.status == Status.DRAFT
