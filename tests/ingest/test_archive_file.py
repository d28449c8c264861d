"""The archive exported as JSON reads back into an empty database as it was: same records,
same slugs, same claim addresses; loading is idempotent and one report at a time."""

import copy
import datetime
import io
import json

import pytest
from django.core.management import call_command

from archive.ingest.archive_file import ArchiveFormatError, export_archive, load_archive
from archive.models import (
    Claim,
    Delegation,
    Footnote,
    Issue,
    IssueAlias,
    Meeting,
    OldSlug,
    Participation,
    Person,
    PersonAlias,
    Publisher,
    Report,
    Synonym,
    WithdrawnClaim,
)
from tests.conftest import ANCHORAGE

pytestmark = pytest.mark.django_db

DISPATCH = "memri-special-dispatch-9249"
CALL = "2021-02-11-xi-jinping-joe-biden-telephone-call"
ARCHIVE_MODELS = [
    Publisher,
    Person,
    PersonAlias,
    Issue,
    IssueAlias,
    Synonym,
    Meeting,
    Delegation,
    Participation,
    Report,
    Footnote,
    Claim,
    OldSlug,
    WithdrawnClaim,
]


def wipe_archive() -> None:
    """Delete every archive row. Claims go first (they protect their sides and speakers);
    deleting a public claim leaves a tombstone, so tombstones go last."""
    Claim.objects.all().delete()
    Report.objects.all().delete()
    Meeting.objects.all().delete()
    Person.objects.all().delete()
    while Issue.objects.exists():  # a parent is protected until its children are gone
        Issue.objects.filter(children__isnull=True).delete()
    for model in (Publisher, Synonym, OldSlug, WithdrawnClaim):
        model.objects.all().delete()
    assert not any(model.objects.exists() for model in ARCHIVE_MODELS)


def serialised(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in ARCHIVE_MODELS}


@pytest.fixture
def renamed_and_withdrawn(seed):
    """The seed with a renamed meeting (an old slug) and a withdrawn claim (a tombstone)."""
    meeting = Meeting.objects.get(slug=CALL)
    meeting.slug = "xi-biden-call-2021"
    meeting.save()
    withdrawn = Claim.objects.get(text__contains="biggest lie of the century")
    address = withdrawn.pk
    withdrawn.withdrawal_reason = "Mistranslated."
    withdrawn.delete()
    return address


def test_a_restored_archive_exports_the_same_document(renamed_and_withdrawn):
    before = export_archive()
    assert before["old_slugs"] == [
        {"model": "meeting", "slug": CALL, "current_slug": "xi-biden-call-2021"}
    ]
    assert [w["claim_id"] for w in before["withdrawn_claims"]] == [renamed_and_withdrawn]
    wipe_archive()

    summary = load_archive(json.loads(serialised(before)))

    assert summary.created == [f"report {DISPATCH}", "meeting xi-biden-call-2021"]
    assert summary.skipped == [] and summary.failed == []
    assert serialised(export_archive()) == serialised(before)


def test_claim_permalinks_old_slugs_and_tombstones_answer_after_a_restore(
    client, renamed_and_withdrawn
):
    texts = dict(Claim.objects.published().values_list("pk", "text"))
    data = export_archive()
    wipe_archive()

    load_archive(data)

    for pk, text in texts.items():
        response = client.get(f"/claims/{pk}/")
        assert response.status_code == 200
        assert response.context["claim"].text == text
    old = client.get(f"/meetings/{CALL}/")
    assert old.status_code == 301 and old["Location"] == "/meetings/xi-biden-call-2021/"
    withdrawn = client.get(f"/claims/{renamed_and_withdrawn}/")
    assert withdrawn.status_code == 410 and "Mistranslated." in withdrawn.content.decode()


def test_a_new_claim_after_a_restore_gets_a_new_address(seed):
    data = export_archive()
    highest = max(Claim.objects.values_list("pk", flat=True))
    wipe_archive()
    load_archive(data)

    claim = Claim.objects.create(
        report=Report.objects.get(slug=DISPATCH), text="tough and direct", joint=True
    )

    assert claim.pk > highest


def test_loading_the_same_document_twice_creates_nothing_the_second_time(seed):
    data = export_archive()
    wipe_archive()
    load_archive(data)
    counts = row_counts()

    again = load_archive(data)

    assert again.created == [] and again.failed == []
    assert again.skipped == [f"report {DISPATCH}", f"meeting {CALL}"]
    assert row_counts() == counts


def test_a_report_already_there_under_another_slug_is_skipped(seed):
    data = export_archive()
    data["reports"][0]["slug"] = "another-slug"
    counts = row_counts()

    summary = load_archive(data)

    assert summary.skipped == ["report another-slug", f"meeting {CALL}"]
    assert row_counts() == counts


def test_a_new_report_whose_claim_ids_are_taken_gets_new_ids(seed):
    data = export_archive()
    report = data["reports"][0]
    report.update(
        slug="memri-special-dispatch-9250", number="9250", body=report["body"] + "\n\nA later note."
    )
    before = dict(Claim.objects.values_list("pk", "text"))

    summary = load_archive(data)

    assert summary.created == ["report memri-special-dispatch-9250"]
    copies = Claim.objects.filter(report__slug="memri-special-dispatch-9250")
    assert copies.count() == 70 and min(copies.values_list("pk", flat=True)) > max(before)
    assert dict(Claim.objects.filter(pk__in=before).values_list("pk", "text")) == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": "something-else"}, '"format": "bilateral-archive"'),
        ({"version": 2}, "reads version 1 only"),
        ({"version": None}, "reads version 1 only"),
        ({"version": "1"}, "reads version 1 only"),
        ({"reports": {"a": 1}}, '"reports" must be a list'),
    ],
)
def test_a_document_of_another_format_or_version_is_refused(seed, change, message):
    data = export_archive()
    wipe_archive()

    with pytest.raises(ArchiveFormatError, match=message):
        load_archive({**data, **change})

    assert sum(row_counts().values()) == 0


def test_something_other_than_a_document_is_refused(db):
    with pytest.raises(ValueError, match="must be a JSON object"):
        load_archive([])  # type: ignore[arg-type]


def test_a_broken_report_fails_alone_and_leaves_nothing_behind(seed):
    data = export_archive()
    broken = data["reports"][0]
    broken["claims"][-1]["text"] = "words the dispatch never printed"
    good = copy.deepcopy(broken)
    good.update(
        slug="readout-of-the-call",
        meeting=CALL,
        series="",
        number="",
        title="Readout of the call",
        body="President Biden raised Hong Kong and Xinjiang.",
        footnotes=[],
        claims=[
            {
                "id": 500,
                "text": "raised Hong Kong and Xinjiang",
                "start": 16,
                "end": 45,
                "joint": False,
                "side": "US",
                "speaker": "joe-biden",
                "kind": "statement",
                "issues": ["hong-kong", "xinjiang"],
            }
        ],
    )
    data["reports"].append(good)
    wipe_archive()

    summary = load_archive(data)

    assert summary.created == ["report readout-of-the-call"]
    [(label, reason)] = summary.failed
    assert label == f"report {DISPATCH}"
    assert "words the dispatch never printed" not in reason
    assert "does not occur in the report's body" in reason
    assert not Meeting.objects.filter(slug=ANCHORAGE).exists()
    assert not Delegation.objects.filter(meeting__slug=ANCHORAGE).exists()
    assert not Report.objects.filter(slug=DISPATCH).exists()
    assert not Footnote.objects.exists()
    claim = Claim.objects.get()
    assert claim.pk == 500 and claim.speaker.person.slug == "joe-biden"
    assert sorted(claim.issues.values_list("slug", flat=True)) == ["hong-kong", "xinjiang"]


def test_a_claim_naming_an_unknown_issue_fails_its_report(seed):
    data = export_archive()
    data["reports"][0]["claims"][0]["issues"] = ["no-such-issue"]
    wipe_archive()

    summary = load_archive(data)

    assert summary.failed == [
        (f"report {DISPATCH}", "claim 1: no issue with the slug(s) no-such-issue")
    ]
    assert not Claim.objects.exists()


def test_drafts_are_not_exported(seed, anchorage, blinken):
    draft_meeting = Meeting.objects.create(
        title="Unannounced talks", start_date=datetime.date(2021, 6, 1)
    )
    Delegation.objects.create(meeting=draft_meeting, side=1, country="CN")
    side = Delegation.objects.create(meeting=draft_meeting, side=2, country="US")
    Participation.objects.create(
        person=Person.objects.create(name="A Draft Official"), delegation=side
    )
    Report.objects.create(
        publisher=Publisher.objects.get(slug="memri"),
        meeting=anchorage,
        title="A draft readout",
        date=datetime.date(2021, 3, 20),
        body="Still being checked.",
    )

    data = export_archive()

    assert [m["slug"] for m in data["meetings"]] == [CALL, ANCHORAGE]
    assert [r["slug"] for r in data["reports"]] == [DISPATCH]
    assert "a-draft-official" not in [p["slug"] for p in data["people"]]
    assert blinken.slug in [p["slug"] for p in data["people"]]


def test_the_command_writes_the_document_and_says_what_it_wrote(seed, tmp_path):
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("export_archive", stdout=stdout, stderr=stderr)
    assert stdout.getvalue() == serialised(export_archive())
    assert "2 meetings, 1 reports" in stderr.getvalue()
    assert "70 claims" in stderr.getvalue()

    path = tmp_path / "archive.json"
    call_command("export_archive", "--output", str(path), stderr=io.StringIO())
    assert path.read_text(encoding="utf-8") == stdout.getvalue()
