"""Read the text of a dispatch, readout or transcript and propose what it records.

Plain Python with no Django imports: it works on text alone, so it can be tested on text
alone. What the archive already knows (its officials, issues and their aliases) comes in as
a `Vocabulary` of plain names.

Two promises hold for everything proposed:
- It never invents text. Every claim and every title is a span of the input, kept with
  its offsets.
- Where it cannot tell who spoke, it says so. A claim then has a side only, or is
  "unattributed", and is never given a guessed speaker.
"""

import re

from archive.ingest.claims import ClaimsReader
from archive.ingest.document import Document
from archive.ingest.meeting_reader import MeetingReader
from archive.ingest.officials import Officials
from archive.ingest.proposal import KnownPerson, Proposal, Span, Vocabulary
from archive.ingest.report_reader import ReportReader
from archive.ingest.sides import Sides

__all__ = ["KnownPerson", "Proposal", "Vocabulary", "parse"]


def parse(
    text: str,
    vocabulary: Vocabulary | None = None,
    default_year: int | None = None,
    address: str = "",
) -> Proposal:
    """Propose the report, meeting, officials and claims a text records. `default_year`
    dates a text that gives days without a year (a dateline "BEIJING, June 19"), with a
    note saying so; `address` is where the editor found the text (its publisher and year
    may be read from it).

    Each reader does one job, in this order, and what one finds the next looks up: the
    text's layout (`Document`), the report's facts, the officials it names, the meeting,
    who took part, their sides, the claims and who made each, then the sides again from
    what each said."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    vocabulary = vocabulary or Vocabulary()
    doc = Document(text, vocabulary, default_year, address)
    reports = ReportReader(doc)
    report = reports.read_report(doc.header, doc.content)
    doc.headline = report.title
    doc.report_issuer = report.issued_by
    doc.unnamed_principal = reports.unnamed_principal_of(report, doc.content)
    if doc.commentary and doc.relayed:
        report.relayed_from = doc.relayed[0].start
    officials = Officials(doc, vocabulary)
    officials.find_officials(doc.prose)
    meetings = MeetingReader(doc, officials)
    meeting = meetings.read_meeting(doc.header, doc.content, report)
    doc.meeting_place = meeting.place
    officials.mark_participants(meeting)
    principal = officials.principal = officials.find_principal(doc.header, doc.content)
    if principal is not None and not officials.is_spokesperson(principal):
        officials.found[principal].role = "participant"  # the text is their words
    sides = Sides(doc, officials)
    sides.complete_countries(report)
    reader = ClaimsReader(doc, officials, vocabulary)
    claims = reader.find_claims(doc.commentary, doc.relayed)
    found = officials.found
    for claim in claims:
        if claim.speaker is not None:
            found[claim.speaker].role = "participant"  # they spoke in it
    sides.complete_countries(report)  # for those who took part by speaking
    sides.sides_from_what_they_said(claims)
    sides.complete_countries(report)  # the other side, once one is read from its words
    for claim in claims:
        if claim.side and claim.side.startswith("#"):
            # Relayed by a spokesperson whose side was not known when read (`side_of`).
            claim.side = found[int(claim.side[1:])].country
            claim.attribution = "side" if claim.side else "unattributed"
        # A claim's side is its speaker's, once every participant's side is known.
        if claim.speaker is not None and found[claim.speaker].country:
            claim.side = found[claim.speaker].country
    for index in sorted(officials.inferred_sides):
        official = found[index]
        if official.country is not None:
            # The note that says whose side they were given, on their own row.
            name = official.name.text
            named = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
            official.doubt = next(
                (note for note in doc.notes if "side" in note and named.search(note)),
                f"The text does not say which side {name} took part for.",
            )
    meeting.countries = meetings.meeting_countries(report, claims)
    reader.tag_issues(claims)
    prose, content = doc.prose, doc.content
    running = [p for p in prose if p.start >= content[0].start] if content else prose
    start, end = (running[0].start, running[-1].end) if running else (0, len(text))
    return Proposal(
        body=text,
        text=Span(start, end, text[start:end]),
        report=report,
        meeting=meeting,
        officials=found,
        claims=claims,
        paragraphs=[Span(p.start, p.end, p.text) for p in prose],
        footnotes=doc.footnotes,
        notes=doc.notes,
    )
