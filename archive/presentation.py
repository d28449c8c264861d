"""Arrange already-fetched records for the pages: grouping and marking, no queries."""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from archive.models import Claim, Footnote, Issue, Meeting, Report
from archive.text import paragraphs, possessive


@dataclass(frozen=True)
class NoIssue:
    """Where claims that no editor has given an issue yet are listed (an import may save
    them so): last, under this heading, never left out of a meeting's pages."""

    pk: None = None
    slug: str = "no-issue"
    name: str = "Not yet assigned to an issue"


NO_ISSUE = NoIssue()


def issues_of(claim: Claim) -> list:
    return list(claim.issues.all()) or [NO_ISSUE]


def unassigned_last(rows: dict) -> list:
    return sorted(rows.values(), key=lambda row: row.issue is NO_ISSUE)


def issue_tree(issues: Iterable[Issue]) -> list[tuple[Issue, list[Issue]]]:
    """Top-level issues, each with its narrower issues (from one flat, ordered list)."""
    issues = list(issues)
    children: dict[int, list[Issue]] = {}
    for issue in issues:
        if issue.parent_id is not None:
            children.setdefault(issue.parent_id, []).append(issue)
    return [(issue, children.get(issue.pk, [])) for issue in issues if issue.parent_id is None]


@dataclass(frozen=True)
class IssueCount:
    issue: Issue | NoIssue
    claims: int


def issue_index(claims: Iterable[Claim]) -> list[IssueCount]:
    """The issues claims (with prefetched issues) raise, in order of first mention, each
    with the number of claims `claims_on` gives for it; claims no editor has given an issue
    yet last."""
    found: dict[int | None, Issue | NoIssue] = {}
    counts: dict[int | None, int] = {}
    for claim in claims:
        tags = issues_of(claim)
        for issue in tags:
            found.setdefault(issue.pk, issue)
        # As `claims_on` counts: under each of its issues and their broader ones, once.
        broader = {tag.parent_id for tag in tags if tag is not NO_ISSUE and tag.parent_id}
        for pk in {tag.pk for tag in tags} | broader:
            counts[pk] = counts.get(pk, 0) + 1
    rows = [IssueCount(issue, counts[pk]) for pk, issue in found.items()]
    return sorted(rows, key=lambda row: row.issue is NO_ISSUE)


def claims_on(claims: Iterable[Claim], issue: Issue | NoIssue) -> list[Claim]:
    """The claims about `issue` or one of its narrower issues, each once; for NO_ISSUE, the
    claims that have none."""
    if issue is NO_ISSUE:
        return [claim for claim in claims if not claim.issues.all()]
    return [
        claim
        for claim in claims
        if any(issue.pk in (tag.pk, tag.parent_id) for tag in claim.issues.all())
    ]


@dataclass
class Segment:
    text: str
    claim: Claim | None = None
    start: int = 0  # where the text is in the body


@dataclass
class MarkedParagraph:
    start: int
    segments: list[Segment]

    @property
    def is_heading(self) -> bool:
        """Dispatches set section headings as one short line in Title Case."""
        text = "".join(s.text for s in self.segments).strip()
        if len(text) > 250 or "\n" in text or text.startswith("(") or text.endswith("."):
            return False
        words = [w.strip("'\"\u2018\u201c(") for w in text.split()]
        words = [w for w in words if w[:1].isalpha()]
        capitalised = sum(1 for w in words if w[0].isupper())
        return len(words) >= 3 and capitalised / len(words) >= 0.7


def mark_claims(body: str, claims: Sequence[Claim]) -> list[MarkedParagraph]:
    """The body split into paragraphs, each a run of plain and claim segments.

    A claim that overlaps an earlier one is not marked in place (it stays listed on its own
    page); a claim running across paragraphs is marked in each.
    """
    ordered = sorted(claims, key=lambda c: (c.start, -c.end))
    result = []
    for paragraph in paragraphs(body):
        p_start, p_end = paragraph.start, paragraph.end
        segments: list[Segment] = []
        cursor = p_start
        for claim in ordered:
            start, end = max(claim.start, p_start), min(claim.end, p_end)
            if start >= end or start < cursor:
                continue
            if start > cursor:
                segments.append(Segment(body[cursor:start], start=cursor))
            segments.append(Segment(body[start:end], claim, start))
            cursor = end
        if cursor < p_end:
            segments.append(Segment(body[cursor:p_end], start=cursor))
        result.append(MarkedParagraph(p_start, segments))
    return result


FOOTNOTE_MARKER = re.compile(r"\[(\d{1,3})\]")


@dataclass
class CitedNote:
    """A footnote with the ids of the markers that cite it, in reading order."""

    note: Footnote
    citations: list[str]

    @property
    def number(self) -> int:
        return self.note.number

    @property
    def text(self) -> str:
        return self.note.text

    @property
    def lacks_source(self) -> bool:
        """The note starts after its source's name (", March 19, 2021."): the copy the
        report was taken from dropped the name (a link's text, on the original page)."""
        return self.note.text.lstrip().startswith(",")


@dataclass
class Notes:
    """A report's footnotes, and the markers ("[3]") in its marked paragraphs that cite
    one: each marker's id by its offset in the body, so that a marker links to its note and
    the note back to each marker. A marker with no note is not one of them."""

    cited: list[CitedNote]
    markers: dict[int, tuple[int, str]]  # offset in the body: the note's number, the id


def cite_notes(paragraphs: Iterable[MarkedParagraph], footnotes: Iterable[Footnote]) -> Notes:
    """The notes and their markers, read from the paragraphs `mark_claims` made (a marker
    the page shows is one its segments hold whole)."""
    footnotes = list(footnotes)
    citations: dict[int, list[str]] = {note.number: [] for note in footnotes}
    markers = {}
    for paragraph in paragraphs:
        for segment in paragraph.segments:
            for match in FOOTNOTE_MARKER.finditer(segment.text):
                number = int(match.group(1))
                if number not in citations:
                    continue
                cited = citations[number]
                marker_id = f"fn-ref-{number}" + (f"-{len(cited) + 1}" if cited else "")
                cited.append(marker_id)
                markers[segment.start + match.start()] = (number, marker_id)
    return Notes([CitedNote(note, citations[note.number]) for note in footnotes], markers)


@dataclass
class Context:
    before: str
    quote: str
    after: str


def claim_context(body: str, claim: Claim) -> Context:
    """The paragraph(s) a claim stands in, split around the claim."""
    spans = [p for p in paragraphs(body) if p.start < claim.end and p.end > claim.start]
    if not spans:
        return Context("", body[claim.start : claim.end], "")
    first, last = spans[0].start, spans[-1].end
    return Context(body[first : claim.start], body[claim.start : claim.end], body[claim.end : last])


@dataclass
class Source:
    """A report (and its meeting) that results on a page come from, with how many, and the
    passage of its text that holds the searched words, when the search found one."""

    report: Report
    meeting: Meeting
    claims: int = 0
    passage: str = ""


def sources_of(claims: Iterable[Claim]) -> list[Source]:
    """The reports the claims come from, in order of first appearance (no queries: claims
    are fetched with their report, publisher and meeting)."""
    found: dict[int, Source] = {}
    for claim in claims:
        found.setdefault(claim.report_id, Source(claim.report, claim.meeting)).claims += 1
    return list(found.values())


def apart_from_sources(reports: Iterable[Report], sources: Iterable[Source]) -> list[Report]:
    """Of the reports whose text holds the searched words (each with its `highlighted`
    passage), those that are not among the page's sources: a source is listed once, and
    its passage goes with it (set here on the source)."""
    source_of = {source.report.pk: source for source in sources}
    others = []
    for report in reports:
        source = source_of.get(report.pk)
        if source is None:
            others.append(report)
        else:
            source.passage = report.highlighted
    return others


@dataclass(frozen=True)
class Accounts:
    """Whose own accounts of a meeting the archive holds: a side with no report of its
    own may have said what the other side's report leaves out."""

    present: list[str]  # the sides (country names) whose government's report is here
    missing: list[str]

    @property
    def both(self) -> bool:
        return not self.missing

    @property
    def summary(self) -> str:
        """What a comparison may not claim, said once: "Only China's account of this
        meeting is in the archive"."""
        if not self.missing:
            return ""
        if self.present:
            return f"Only {possessive(self.present[0])} account of this meeting is in the archive"
        return "Neither side\u2019s own account of this meeting is in the archive"


def accounts_of(meeting: Meeting, reports: Iterable[Report]) -> Accounts:
    """The accounts of `meeting` (its delegations prefetched) among `reports`."""
    issued = {report.issued_by.code for report in reports if report.issued_by}
    sides = list(meeting.delegations.all())
    return Accounts(
        present=[d.label for d in sides if d.country.code in issued],
        missing=[d.label for d in sides if d.country.code not in issued],
    )


@dataclass
class ComparedIssue:
    """One issue of a meeting: each side's claims in its own column, joint ones apart."""

    issue: Issue
    columns: list[list[Claim]]
    joint: list[Claim] = field(default_factory=list)

    @property
    def raised_by_one_side_only(self) -> int | None:
        """The index of the only column with claims, when the other has none."""
        filled = [i for i, claims in enumerate(self.columns) if claims]
        return filled[0] if len(filled) == 1 and not self.joint else None


def compare_sides(claims: Iterable[Claim], sides: Sequence[int]) -> list[ComparedIssue]:
    """Claims (with prefetched issues) as rows per issue, in order of first mention, with
    one column per side (`sides` are delegation ids, in column order)."""
    rows: dict[int, ComparedIssue] = {}
    column_of = {delegation_id: i for i, delegation_id in enumerate(sides)}
    for claim in claims:
        for issue in issues_of(claim):
            row = rows.setdefault(issue.pk, ComparedIssue(issue, [[] for _ in sides]))
            if claim.joint:
                row.joint.append(claim)
            else:
                row.columns[column_of[claim.delegation_id]].append(claim)
    return unassigned_last(rows)


def compare_reports(claims: Iterable[Claim], reports: Sequence[Report]) -> list[ComparedIssue]:
    """The same rows with one column per report: what each report says about each issue,
    and (empty columns) which issues a report leaves out."""
    rows: dict[int, ComparedIssue] = {}
    column_of = {report.pk: i for i, report in enumerate(reports)}
    for claim in claims:
        for issue in issues_of(claim):
            row = rows.setdefault(issue.pk, ComparedIssue(issue, [[] for _ in reports]))
            row.columns[column_of[claim.report_id]].append(claim)
    return unassigned_last(rows)


@dataclass
class IssueTally:
    issue: Issue
    counts: list[int]  # claims of the first side, the second side, and joint ones

    @property
    def total(self) -> int:
        return sum(self.counts)


def issue_table(issues: Iterable[Issue], counts, sides: Sequence[str]) -> list[IssueTally]:
    """How often each side raised each issue: `counts` are (issue id, side's country code or
    None for joint claims, claims) rows; issues keep their order."""
    by_issue: dict[int, list[int]] = {}
    column = {code: i for i, code in enumerate(sides)}
    for issue_id, country, claims in counts:
        row = by_issue.setdefault(issue_id, [0] * (len(sides) + 1))
        row[column.get(country, len(sides))] += claims
    return [IssueTally(issue, by_issue.get(issue.pk, [0] * (len(sides) + 1))) for issue in issues]
