import json
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from archive.ingest.archive_file import ArchiveFormatError, LoadSummary, load_archive
from archive.ingest.builder import (
    Duplicate,
    build,
    find_duplicate,
    plan_from_proposal,
    propose,
    suggested_publisher,
)
from archive.ingest.uploads import UnreadableText, text_of_upload
from archive.models import Publisher


class Command(BaseCommand):
    help = (
        "Import reports from text files (.txt, .html: each read by the importer and saved as "
        "drafts, as proposed) and from the archive's JSON export. Reports already in the "
        "archive are skipped, so running it twice changes nothing. With --dry-run nothing is "
        "saved and the importer's proposal for each text is printed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Save nothing; print what would be imported."
        )
        parser.add_argument(
            "--format",
            choices=["json", "text"],
            default="text",
            help="How --dry-run prints a proposal (json: the schema in the README).",
        )
        parser.add_argument(
            "--publisher",
            help="The publisher of the text files, when their text does not say (created if "
            "the archive does not have it).",
        )

    def handle(self, *args, paths, dry_run, format, publisher, **options) -> None:
        summary = LoadSummary()
        for done, path in enumerate(paths):
            self.progress(done, len(paths), path)
            try:
                if path.suffix.lower() == ".json":
                    self.load_export(path, summary, dry_run)
                else:
                    self.import_text(path, summary, dry_run, format, publisher)
            except (OSError, UnreadableText, ArchiveFormatError, ValidationError) as problem:
                summary.failed.append((str(path), reason(problem)))
            except DatabaseError as problem:
                summary.failed.append((str(path), f"the database refused it: {problem}"))
        self.progress(len(paths), len(paths), None)
        self.report(summary, dry_run)

    def import_text(self, path: Path, summary, dry_run: bool, format: str, publisher_name):
        proposal = propose(text_of_upload(path.name, path.read_bytes()))
        if dry_run:
            self.print_proposal(path, proposal, format)
            return
        report = proposal.report
        named = Publisher.objects.filter(name__iexact=publisher_name or "").first()
        publisher = named if publisher_name else suggested_publisher(proposal)
        existing = find_duplicate(proposal.text.text, publisher, report.series, report.number)
        if existing is not None:
            summary.skipped.append(f"{path} (already in the archive as {existing})")
            return
        if publisher is None and not (publisher_name or report.publisher):
            raise ValidationError("the text does not name its publisher; give --publisher")
        plan = plan_from_proposal(proposal, publisher)
        plan.new_publisher = publisher_name or plan.new_publisher  # created with the report
        try:
            created = build(plan)
        except Duplicate as duplicate:
            summary.skipped.append(f"{path} (already in the archive as {duplicate.report})")
            return
        summary.created.append(f"{path}: {created} ({created.claims.count()} claims, draft)")

    def load_export(self, path: Path, summary, dry_run: bool) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as problem:
            raise ArchiveFormatError(f"not a JSON export of the archive ({problem})") from None
        if dry_run:
            reports = data.get("reports", []) if isinstance(data, dict) else []
            self.stdout.write(f"{path}: an archive export with {len(reports)} reports")
            return
        loaded = load_archive(data)
        summary.created.extend(f"{path}: {label}" for label in loaded.created)
        summary.skipped.extend(f"{path}: {label}" for label in loaded.skipped)
        summary.failed.extend((f"{path}: {label}", why) for label, why in loaded.failed)

    def print_proposal(self, path: Path, proposal, format: str) -> None:
        if format == "json":
            data = {"path": str(path), **proposal.as_json()}
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
            return
        data = proposal.as_json()
        report, meeting = data["report"], data["meeting"]
        self.stdout.write(f"{path}: \u201c{report['title']}\u201d, {report['date']}")
        self.stdout.write(
            f"  meeting {meeting['start']}\u2013{meeting['end']} at {meeting['place'] or '?'}, "
            f"{' and '.join(meeting['countries']) or 'countries unknown'}"
        )
        for official in data["officials"]:
            self.stdout.write(
                f"  {official['role']}: {official['name']}, {official['title'] or 'no title'} "
                f"({official['side'] or 'side unknown'})"
            )
        self.stdout.write(f"  {len(data['claims'])} claims")
        for note in data["notes"]:
            self.stdout.write(f"  note: {note}")

    def progress(self, done: int, total: int, path: Path | None) -> None:
        width = 30
        filled = width * done // max(total, 1)
        bar = "#" * filled + "-" * (width - filled)
        line = f"[{bar}] {done}/{total}" + (f" {path.name}" if path else "")
        if sys.stderr.isatty():
            self.stderr.write(f"\r{line:<80}", ending="" if path else "\n")
        else:
            self.stderr.write(line)

    def report(self, summary: LoadSummary, dry_run: bool) -> None:
        if dry_run and not summary.failed:
            return
        for label in summary.created:
            self.stdout.write(f"created  {label}")
        for label in summary.skipped:
            self.stdout.write(f"skipped  {label}")
        for label, why in summary.failed:
            self.stdout.write(f"failed   {label}: {why}")
        self.stdout.write(
            f"{len(summary.created)} created, {len(summary.skipped)} skipped as duplicates, "
            f"{len(summary.failed)} failed."
        )
        if summary.failed:
            raise CommandError(f"{len(summary.failed)} of the imports failed (see above).")


def reason(problem: Exception) -> str:
    if isinstance(problem, ValidationError):
        return "; ".join(problem.messages)
    if isinstance(problem, FileNotFoundError):
        return "no such file"
    return str(problem)
