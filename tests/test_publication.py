"""Claim.is_public follows its report and meeting on every write path (database triggers);
what only drafts know (an official, an issue, a publisher) is never named in public."""

import datetime

import pytest

from archive.ingest.archive_file import export_archive
from archive.models import Claim, Meeting, Publisher, Report, Status
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def public_ids() -> set[int]:
    return set(Claim.objects.filter(is_public=True).values_list("pk", flat=True))


def test_queryset_updates_of_reports_and_meetings_reach_the_claims(dispatch):
    everything = public_ids()
    assert len(everything) == 70
    Report.objects.filter(pk=dispatch.pk).update(status=Status.DRAFT)
    assert public_ids() == set()
    Report.objects.filter(pk=dispatch.pk).update(status=Status.PUBLISHED)
    Meeting.objects.filter(pk=dispatch.meeting_id).update(status=Status.DRAFT)
    assert public_ids() == set()
    Meeting.objects.filter(pk=dispatch.meeting_id).update(status=Status.PUBLISHED)
    assert public_ids() == everything


def test_saving_through_the_model_reaches_the_claims(db):
    meeting = make_meeting(claims=3)
    report = meeting.reports.get()
    assert len(public_ids()) == 3
    report.status = Status.DRAFT
    report.save()
    assert public_ids() == set()


def test_new_claims_take_their_reports_state(db):
    draft = make_meeting(status=Status.DRAFT, claims=2)
    published = make_meeting(claims=2)
    assert public_ids() == set(published.claims.values_list("pk", flat=True))
    assert not draft.claims.filter(is_public=True).exists()


def test_the_flag_cannot_be_forced(dispatch):
    Report.objects.filter(pk=dispatch.pk).update(status=Status.DRAFT)
    Claim.objects.update(is_public=True)
    assert public_ids() == set()


def test_claims_carry_their_meetings_date_on_every_write_path(dispatch):
    meeting = dispatch.meeting
    assert set(Claim.objects.values_list("meeting_date", flat=True)) == {meeting.start_date}
    Meeting.objects.filter(pk=meeting.pk).update(start_date="2021-03-17")
    assert set(dispatch.claims.values_list("meeting_date", flat=True)) == {
        datetime.date(2021, 3, 17)
    }
    other = make_meeting(claims=1)
    Report.objects.filter(pk=dispatch.pk).update(meeting=other)
    assert set(dispatch.claims.values_list("meeting_date", flat=True)) == {other.start_date}
    # A write that tries to set it otherwise is corrected.
    Claim.objects.filter(report=dispatch).update(meeting_date="1999-01-01")
    assert set(dispatch.claims.values_list("meeting_date", flat=True)) == {other.start_date}


# -- drafts stay private, names included -------------------------------------------------


@pytest.fixture
def draft_only(db):
    """A draft meeting whose official, issue and publisher appear in no published record."""
    meeting = make_meeting(status=Status.DRAFT)
    report = meeting.reports.get()
    report.publisher = Publisher.objects.create(name="Secret Wire")
    report.save()
    official = meeting.participations.order_by("pk").first().person
    issue = report.claims.first().issues.get()
    return {"official": official, "issue": issue, "publisher": report.publisher}


@pytest.mark.parametrize("facet", ["official", "issue", "publisher"])
@pytest.mark.parametrize("path", ["/claims/", "/meetings/", "/claims/feed/", "/search/?q=talks&"])
def test_a_drafts_name_is_answered_like_a_value_that_never_existed(
    client, seed, draft_only, facet, path
):
    if path == "/meetings/" and facet == "publisher":
        pytest.skip("meetings are not filtered by publisher")
    record = draft_only[facet]
    joiner = "" if path.endswith("&") else "?"
    private = client.get(f"{path}{joiner}{facet}={record.slug}")
    missing = client.get(f"{path}{joiner}{facet}=no-such-{facet}")
    assert private.status_code == missing.status_code
    assert record.name not in private.content.decode()
    assert private.content.decode().replace(record.slug, "no-such-" + facet) == (
        missing.content.decode()
    )


def test_the_published_archive_leaves_out_what_only_drafts_know(seed, draft_only):
    data = export_archive()
    assert draft_only["official"].slug not in {p["slug"] for p in data["people"]}
    assert draft_only["issue"].slug not in {i["slug"] for i in data["issues"]}
    assert draft_only["publisher"].slug not in {p["slug"] for p in data["publishers"]}
    # What published records show is still there.
    assert "wang-yi" in {p["slug"] for p in data["people"]}
    assert "memri" in {p["slug"] for p in data["publishers"]}


# -- the verbatim rule, in the database ---------------------------------------------------


def test_the_database_refuses_a_claim_whose_offsets_do_not_hold_its_text(biggest_lie):
    from django.db import IntegrityError, transaction

    # Written in code, past save()'s checks: stale offsets fail in the database itself.
    with pytest.raises(IntegrityError, match="verbatim rule"), transaction.atomic():
        Claim.objects.filter(pk=biggest_lie.pk).update(start=biggest_lie.start + 1)
    with pytest.raises(IntegrityError, match="verbatim rule"), transaction.atomic():
        Claim.objects.filter(pk=biggest_lie.pk).update(text="Words nobody wrote there.")
    with pytest.raises(IntegrityError, match="verbatim rule"), transaction.atomic():
        Claim.objects.bulk_create(
            [
                Claim(
                    report=biggest_lie.report,
                    meeting=biggest_lie.meeting,
                    joint=True,
                    text="Not in the report at all.",
                    start=0,
                    end=25,
                )
            ]
        )
    biggest_lie.refresh_from_db()
    assert biggest_lie.report.body[biggest_lie.start : biggest_lie.end] == biggest_lie.text


def test_a_claim_typed_with_other_spaces_is_held_with_the_bodys_characters(dispatch):
    body = dispatch.body
    words = "Both sides are committed to enhancing dialogue"
    assert words in body
    typed = words.replace(" ", "  ", 2)  # the same words, spaced as an editor typed them
    claim = Claim.objects.create(report=dispatch, text=typed, joint=True)
    claim.refresh_from_db()
    assert claim.text == body[claim.start : claim.end]
