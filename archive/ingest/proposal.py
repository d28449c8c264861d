"""What the importer proposes, and what it is told the archive already knows: plain
dataclasses (no Django), so the parser can be tested on text alone and its proposal printed
as JSON."""

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A piece of the input: `text == source[start:end]`."""

    start: int
    end: int
    text: str


@dataclass
class ReportProposal:
    title: Span | None = None
    date: datetime.date | None = None
    series: str = ""
    number: str = ""
    url: str = ""
    original_source: str = ""
    issued_by: str = ""  # ISO code of the government whose account this is or relays
    publisher: str = ""  # a publisher the text names; the builder also infers one
    # Where the account a dispatch relays begins ("Below is the ... report:"), in the body;
    # the words before it are the publisher's own introduction.
    relayed_from: int | None = None


@dataclass
class MeetingProposal:
    title: str = ""
    start: datetime.date | None = None
    end: datetime.date | None = None
    place: Span | None = None
    countries: list[str] = field(default_factory=list)
    format: str = "talks"


@dataclass
class OfficialProposal:
    name: Span
    title: Span | None
    country: str | None
    person: str | None = None  # the vocabulary's key of a known person
    role: str = "participant"  # "participant", "mentioned" or "spokesperson"
    is_head: bool = False
    # Why the importer is unsure of the side it chose ("" when the text writes it with the
    # name): the review marks the official's row, so the editor checks the side once.
    doubt: str = ""


@dataclass
class ClaimProposal:
    start: int
    end: int
    text: str
    attribution: str  # "speaker", "side", "joint" or "unattributed"
    side: str | None = None  # ISO code
    speaker: int | None = None  # index into Proposal.officials
    kind: str = "statement"
    issues: list[str] = field(default_factory=list)  # the vocabulary's issue keys
    # Why the importer is unsure of the speaker or side it chose ("" when the sentence or a
    # transcript's label names them), so the review shows the editor what to check first.
    doubt: str = ""


@dataclass
class FootnoteProposal:
    number: int
    text: Span


@dataclass
class Proposal:
    """Offsets are into `body`, the text as given (line endings made plain). The report's
    own text, without its header lines and notes, is `body[text.start:text.end]`."""

    body: str
    text: Span
    report: ReportProposal
    meeting: MeetingProposal
    officials: list[OfficialProposal]
    claims: list[ClaimProposal]
    paragraphs: list[Span]
    footnotes: list[FootnoteProposal]
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        """What the importer understood, as JSON-able data (the schema is in the README).
        Offsets are into the text as given, with its line endings made plain."""

        def text(span: Span | None) -> str:
            return span.text if span else ""

        def day(value: datetime.date | None) -> str | None:
            return value.isoformat() if value else None

        report, meeting = self.report, self.meeting
        return {
            "report": {
                "title": text(report.title),
                "date": day(report.date),
                "publisher": report.publisher,
                "series": report.series,
                "number": report.number,
                "url": report.url,
                "original_source": report.original_source,
                "issued_by": report.issued_by,
            },
            "meeting": {
                "title": meeting.title,
                "start": day(meeting.start),
                "end": day(meeting.end),
                "place": text(meeting.place),
                "countries": meeting.countries,
                "format": meeting.format,
            },
            "officials": [
                {
                    "name": official.name.text,
                    "title": text(official.title),
                    "side": official.country,
                    "person": official.person,
                    "role": official.role,
                    "doubt": official.doubt,
                }
                for official in self.officials
            ],
            "claims": [
                {
                    "text": claim.text,
                    "start": claim.start,
                    "end": claim.end,
                    "side": claim.side,
                    "joint": claim.attribution == "joint",
                    "attribution": claim.attribution,
                    "speaker": None
                    if claim.speaker is None
                    else self.officials[claim.speaker].name.text,
                    "kind": claim.kind,
                    "issues": claim.issues,
                    "doubt": claim.doubt,
                }
                for claim in self.claims
            ],
            "footnotes": [{"number": n.number, "text": n.text.text} for n in self.footnotes],
            "text": {"start": self.text.start, "end": self.text.end},
            "notes": self.notes,
        }


# --- what the archive already knows -------------------------------------------------------


@dataclass(frozen=True)
class KnownPerson:
    key: str
    names: tuple[str, ...]  # the name first, then aliases
    country: str | None = None


@dataclass(frozen=True)
class KnownIssue:
    key: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    people: tuple[KnownPerson, ...] = ()
    issues: tuple[KnownIssue, ...] = ()
    # More country names (the archive's own list), name -> ISO code.
    countries: tuple[tuple[str, str], ...] = ()
