"""A draft's public address: "not found" for readers, the page under a "Draft: not public"
banner for the editors who may view it, never indexed nor kept by a shared cache."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.models import Meeting, Report, Status
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db

BANNER = "Draft: not public."


@pytest.fixture
def draft_meeting() -> Meeting:
    """A draft meeting with its draft report and three claims, as an import leaves them."""
    return make_meeting(status=Status.DRAFT)


@pytest.fixture
def editor(client, django_user_model) -> Client:
    user = django_user_model.objects.create_user("editor", password="pw-12345!", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


@pytest.fixture
def visitor() -> Client:
    return Client()


def addresses(meeting: Meeting) -> dict[str, str]:
    report = meeting.reports.get()
    return {
        "meeting": meeting.get_absolute_url(),
        "compare": meeting.get_absolute_url() + "compare/",
        "report": report.get_absolute_url(),
        "claim": report.claims.first().get_absolute_url(),
    }


@pytest.mark.parametrize("page", ["meeting", "compare", "report", "claim"])
def test_a_draft_is_not_found_by_readers(visitor, draft_meeting, page):
    assert visitor.get(addresses(draft_meeting)[page]).status_code == 404


@pytest.mark.parametrize("page", ["meeting", "compare", "report", "claim"])
def test_an_editor_sees_a_draft_under_its_banner_kept_from_caches_and_indexes(
    editor, draft_meeting, page
):
    response = editor.get(addresses(draft_meeting)[page])

    assert response.status_code == 200
    html = response.content.decode()
    assert BANNER in html
    assert html.index(BANNER) < html.index("<h1")  # the first thing the page says
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in html


def test_the_banner_links_back_to_the_records_admin_page(editor, draft_meeting):
    report = draft_meeting.reports.get()
    claim = report.claims.first()
    report_admin = reverse("admin:archive_report_change", args=[report.pk])

    meeting_page = editor.get(draft_meeting.get_absolute_url()).content.decode()
    report_page = editor.get(report.get_absolute_url()).content.decode()
    claim_page = editor.get(claim.get_absolute_url()).content.decode()

    meeting_admin = reverse("admin:archive_meeting_change", args=[draft_meeting.pk])
    assert f'<a href="{meeting_admin}">Edit or publish it in the admin</a>' in meeting_page
    assert "This report and its meeting are drafts." in report_page
    assert f'<a href="{report_admin}">Edit or publish it in the admin</a>' in report_page
    claim_admin = reverse("admin:archive_claim_change", args=[claim.pk])
    assert f'<a href="{claim_admin}">Edit this claim in the admin</a>' in claim_page
    assert f'<a href="{report_admin}">Publish its report in the admin</a>' in claim_page


def test_a_draft_shows_its_editor_the_claims_it_holds(editor, draft_meeting):
    report = draft_meeting.reports.get()
    claim = report.claims.first()

    for url in (draft_meeting.get_absolute_url(), report.get_absolute_url()):
        assert claim.text in editor.get(url).content.decode()


def test_a_published_report_of_a_draft_meeting_says_the_meeting_hides_it(
    editor, visitor, draft_meeting
):
    report = draft_meeting.reports.get()
    Report.objects.filter(pk=report.pk).update(status=Status.PUBLISHED)

    assert visitor.get(report.get_absolute_url()).status_code == 404
    page = editor.get(report.get_absolute_url()).content.decode()
    assert "Its meeting is a draft, which hides the report with it." in page


def test_a_published_page_looks_the_same_to_an_editor_as_to_a_reader(editor, visitor):
    meeting = make_meeting()
    for url in addresses(meeting).values():
        for client in (editor, visitor):
            response = client.get(url)
            assert response.status_code == 200
            assert BANNER not in response.content.decode()
            assert "X-Robots-Tag" not in response
            assert "no-store" not in response.get("Cache-Control", "")


def test_staff_without_the_view_permission_and_other_users_get_not_found(
    client, django_user_model, draft_meeting
):
    urls = addresses(draft_meeting).values()
    staff = django_user_model.objects.create_user("clerk", password="pw-12345!", is_staff=True)
    client.force_login(staff)
    assert [client.get(url).status_code for url in urls] == [404] * 4

    # The permissions without being staff: a reader's account, not an editor's.
    reader = django_user_model.objects.create_user("reader", password="pw-12345!")
    reader.user_permissions.set(
        Permission.objects.filter(codename__in=["view_meeting", "view_report", "view_claim"])
    )
    client.force_login(reader)
    assert [client.get(url).status_code for url in urls] == [404] * 4


def test_each_kind_of_record_asks_for_its_own_view_permission(
    client, django_user_model, draft_meeting
):
    urls = addresses(draft_meeting)
    staff = django_user_model.objects.create_user("clerk", password="pw-12345!", is_staff=True)
    staff.user_permissions.set(Permission.objects.filter(codename="view_report"))
    client.force_login(staff)

    assert client.get(urls["report"]).status_code == 200
    assert client.get(urls["meeting"]).status_code == 404
    assert client.get(urls["claim"]).status_code == 404


def test_a_drafts_old_slug_redirects_its_editor(editor, visitor, draft_meeting):
    old = draft_meeting.get_absolute_url()
    draft_meeting.slug = "renamed-talks"
    draft_meeting.save()

    assert visitor.get(old).status_code == 404
    response = editor.get(old)
    assert response.status_code == 301
    assert response["Location"] == "/meetings/renamed-talks/"


def queries_of(client: Client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def test_a_published_page_does_not_ask_who_is_looking(editor, visitor):
    """Only a miss among published records reads the visitor's permissions: a public page
    costs an editor what it costs a reader (and the session an editor's every request
    renews)."""
    report = make_meeting().reports.get()
    read = queries_of(editor, report.get_absolute_url())
    without_session = [
        sql for sql in read if "django_session" not in sql and "SAVEPOINT" not in sql
    ]
    assert without_session == queries_of(visitor, report.get_absolute_url())
    assert not any("auth_" in sql for sql in read)


def test_a_drafts_page_costs_a_fixed_number_of_queries(editor, draft_meeting):
    small = draft_meeting.reports.get()
    bigger = make_meeting(status=Status.DRAFT, claims=40).reports.get()
    for make_url in (
        lambda report: report.get_absolute_url(),
        lambda report: report.meeting.get_absolute_url(),
        lambda report: report.claims.last().get_absolute_url(),
    ):
        assert len(queries_of(editor, make_url(small))) == len(queries_of(editor, make_url(bigger)))
