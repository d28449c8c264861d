"""What the importer proposes, and what it is told the archive already knows: plain
dataclasses (no Django), so the parser can be tested on text alone and its proposal printed
as JSON."""

import datetime
from dataclasses import asdict, dataclass, field


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


@dataclass
class FootnoteProposal:
    number: int
    text: Span


@dataclass
class Proposal:
    body: str
    report: ReportProposal
    meeting: MeetingProposal
    officials: list[OfficialProposal]
    claims: list[ClaimProposal]
    paragraphs: list[Span]
    footnotes: list[FootnoteProposal]
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        """The proposal as JSON-able data (dates as ISO strings), without the body."""

        def plain(value):
            if isinstance(value, datetime.date):
                return value.isoformat()
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            if isinstance(value, list):
                return [plain(v) for v in value]
            return value

        data = plain(asdict(self))
        del data["body"]
        for claim in data["claims"]:
            index = claim["speaker"]
            claim["speaker"] = None if index is None else self.officials[index].name.text
        return data


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
