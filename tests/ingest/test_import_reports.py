"""`manage.py import_reports`: text files and archive exports in, a summary out; duplicates
skipped, failures named, nothing half-written; --dry-run prints the proposal."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from archive.ingest.archive_file import export_archive
from archive.models import Claim, Meeting, Publisher, Report, Status

pytestmark = pytest.mark.django_db

SEED = Path(__file__).parents[2] / "seeds" / "memri-special-dispatch-9249.txt"
TEXTS = Path(__file__).parent / "texts"


def run(*args) -> str:
    out = StringIO()
    call_command("import_reports", *map(str, args), stdout=out, stderr=StringIO())
    return out.getvalue()


def test_a_dry_run_prints_the_proposal_as_json_and_saves_nothing():
    out = run("--dry-run", "--format", "json", SEED)
    proposal = json.loads(out)
    assert proposal["report"] | {"title": ""} == {
        "title": "",
        "date": "2021-03-23",
        "publisher": "",
        "series": "Special Dispatch",
        "number": "9249",
        "url": "",
        "original_source": "Chinese Foreign Ministry report on the meeting, via Xinhua",
        "issued_by": "CN",
    }
    assert proposal["meeting"]["start"] == "2021-03-18"
    assert proposal["meeting"]["countries"] == ["CN", "US"]
    wang = next(o for o in proposal["officials"] if o["name"] == "Wang Yi")
    assert wang == {
        "name": "Wang Yi",
        "title": "State Councilor and Foreign Minister",
        "side": "CN",
        "person": None,
        "role": "participant",
        "doubt": "",  # the dispatch writes his side with his name
    }
    body = SEED.read_text()
    for claim in proposal["claims"]:
        assert body[claim["start"] : claim["end"]] == claim["text"]
        assert set(claim) == {
            "text",
            "start",
            "end",
            "side",
            "joint",
            "attribution",
            "speaker",
            "kind",
            "issues",
            "doubt",
        }
    assert not Report.objects.exists() and not Meeting.objects.exists()


def test_text_files_are_imported_as_drafts_and_a_second_run_skips_them():
    first = run("--publisher", "MEMRI", SEED, TEXTS / "mfa-readout.txt")
    assert "2 created, 0 skipped as duplicates, 0 failed." in first
    assert set(Report.objects.values_list("status", flat=True)) == {Status.DRAFT}
    assert Publisher.objects.get().name == "MEMRI"
    counts = Report.objects.count(), Claim.objects.count(), Meeting.objects.count()
    second = run("--publisher", "MEMRI", SEED, TEXTS / "mfa-readout.txt")
    assert "0 created, 2 skipped as duplicates, 0 failed." in second
    assert (Report.objects.count(), Claim.objects.count(), Meeting.objects.count()) == counts


def test_failures_are_named_the_others_imported_and_the_exit_is_an_error(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x81\x8d\x8f not text")
    out = StringIO()
    with pytest.raises(CommandError, match="2 of the imports failed"):
        call_command(
            "import_reports",
            "--publisher",
            "MFA",
            str(TEXTS / "mfa-readout.txt"),
            str(broken),
            str(tmp_path / "missing.txt"),
            stdout=out,
            stderr=StringIO(),
        )
    summary = out.getvalue()
    assert "neither UTF-8 nor Windows-1252" in summary and "no such file" in summary
    assert "1 created, 0 skipped as duplicates, 2 failed." in summary
    assert Report.objects.count() == 1


def test_a_text_that_names_no_publisher_needs_one(tmp_path):
    with pytest.raises(CommandError):
        run(SEED)
    assert not Report.objects.exists() and not Publisher.objects.exists()


def test_the_archive_export_is_imported_too(seed, tmp_path):
    export = tmp_path / "archive.json"
    export.write_text(json.dumps(export_archive()))
    assert "0 created, 2 skipped as duplicates, 0 failed." in run(export)
    bad = tmp_path / "other.json"
    bad.write_text('{"format": "something else"}')
    with pytest.raises(CommandError):
        run(bad)
