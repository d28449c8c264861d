import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from archive.ingest.archive_file import export_archive

COUNTED = {
    "publishers": "publishers",
    "people": "people",
    "issues": "issues",
    "synonyms": "synonyms",
    "meetings": "meetings",
    "reports": "reports",
    "old_slugs": "old slugs",
    "withdrawn_claims": "withdrawn claims",
}


class Command(BaseCommand):
    help = (
        "Write the published archive (meetings, reports, claims with their ids, officials, "
        "issues, publishers, synonyms, old slugs and withdrawn claims) as one JSON document, "
        "which archive.ingest.archive_file.load_archive() reads back."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output", "-o", type=Path, help="Write to this file instead of standard output."
        )

    def handle(self, *args, output: Path | None = None, **options) -> None:
        data = export_archive()
        text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        if output is None:
            self.stdout.write(text, ending="")
        else:
            output.write_text(text, encoding="utf-8")
        claims = sum(len(report["claims"]) for report in data["reports"])
        counts = ", ".join(f"{len(data[key])} {name}" for key, name in COUNTED.items())
        self.stderr.write(
            f"Wrote {counts} and {claims} claims to {output or 'standard output'}.",
            style_func=self.style.SUCCESS,
        )
