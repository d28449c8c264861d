"""Turn what the importer proposed (and an editor reviewed) into archive records: a draft
report with its meeting, people, footnotes and claims, all in one transaction.

The admin's "Import a report" and `manage.py import_reports` both come here: the admin after
the editor has corrected the proposal, the command with the proposal as it is.
"""

import dataclasses
import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_countries import countries

from archive.ingest.parser import parse
from archive.ingest.proposal import Proposal
from archive.ingest.vocabulary import archive_vocabulary
from archive.models import (
    Claim,
    Delegation,
    Footnote,
    Issue,
    Meeting,
    Participation,
    Person,
    PersonAlias,
    Publisher,
    Report,
    Status,
)
from archive.signals import search_text_refreshed_at_the_end
from archive.text import fingerprint

FIRST, SECOND = 1, 2


@dataclass
class OfficialPlan:
    name: str
    side: int | None  # FIRST or SECOND; None where the proposal knows neither
    title: str = ""
    person: Person | None = None  # None: a new person named `name`
    is_head: bool = False
    include: bool = True  # saved with the report; a proposal leaves out who did not take part
    role: str = "participant"  # as the importer read them: or "mentioned", "spokesperson"
    doubt: str = ""  # why the importer is unsure of their side


@dataclass
class ClaimPlan:
    text: str
    side: int | None  # FIRST or SECOND; None for a joint claim, or one of no known side
    joint: bool = False
    speaker: int | None = None  # index into ImportPlan.officials
    kind: str = Claim.Kind.STATEMENT
    issues: list[Issue] = field(default_factory=list)
    start: int | None = None  # where the parser found it, to place a repeated text
    include: bool = True  # saved with the report; a proposal leaves out those of no side
    doubt: str = ""  # why the importer is unsure of its speaker or side


@dataclass
class ImportPlan:
    """What an import saves. `plan_from_proposal` is the one reading of a proposal into it;
    the review's forms carry the same fields by the same names (`archive/admin_import/forms.py`)."""

    body: str
    title: str
    date: datetime.date | None  # None: the report is dated by its meeting
    publisher: Publisher | None = None
    new_publisher: str = ""  # the name of a publisher to create, when `publisher` is None
    series: str = ""
    number: str = ""
    url: str = ""
    original_source: str = ""
    issued_by: str = ""
    relayed_from: int | None = None  # in `body`: where the relayed account begins
    meeting: Meeting | None = None  # an existing meeting; else a new one from these fields
    meeting_title: str = ""
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    place: str = ""
    format: str = Meeting.Format.TALKS
    countries: tuple[str, str] = ("", "")
    officials: list[OfficialPlan] = field(default_factory=list)
    claims: list[ClaimPlan] = field(default_factory=list)
    footnotes: list[tuple[int, str]] = field(default_factory=list)

    def included(self) -> "ImportPlan":
        """The plan with only the officials and claims it saves; a claim whose speaker is
        left out keeps its side, without a speaker."""
        index_of, officials = {}, []
        for index, official in enumerate(self.officials):
            if official.include:
                index_of[index] = len(officials)
                officials.append(official)
        claims = [
            dataclasses.replace(claim, speaker=index_of.get(claim.speaker))
            for claim in self.claims
            if claim.include
        ]
        return dataclasses.replace(self, officials=officials, claims=claims)


def relayed_from_in(proposal: Proposal) -> int | None:
    """Where the relayed account begins in the body an import saves (the proposal's text,
    without what came before it)."""
    at = proposal.report.relayed_from
    return None if at is None else at - proposal.text.start


def propose(text: str, address: str = "") -> Proposal:
    """The parser's proposal for `text`, found at `address` (if the editor says), read with
    what the archive knows."""
    return parse(
        text, archive_vocabulary(), default_year=timezone.localdate().year, address=address
    )


def find_duplicate(
    body: str, publisher: Publisher | None = None, series: str = "", number: str = ""
) -> Report | None:
    """A report already in the archive with the same body text (whatever its whitespace and
    quote marks), or the same publisher, series and number."""
    same = Q(body_digest=fingerprint(body))
    if publisher is not None and number:
        same |= Q(publisher=publisher, series=series, number=number)
    return Report.objects.filter(same).order_by("pk").first()


def matching_meeting(start: datetime.date | None, codes: list[str]) -> Meeting | None:
    """An existing meeting of the same two countries that starts the same day."""
    if start is None or len(codes) != 2:
        return None
    return (
        Meeting.objects.filter(start_date=start).between(*codes).order_by("pk").distinct().first()
    )


def meeting_countries(proposed: list[str], existing: Meeting | None) -> list[str]:
    """The two countries in side order: the existing meeting's order when there is one (a
    claim of its first side must land on its first delegation)."""
    if existing is not None:
        return [str(d.country) for d in existing.delegations.order_by("side")]
    return [*proposed, "", ""][:2]


def matching_person(key: str | None, name: str) -> Person | None:
    """The person the parser matched, or the only one known by this name or surname."""
    if key:
        found = Person.objects.filter(slug=key).first()
        if found:
            return found
    by_name = Person.objects.filter(Q(name__iexact=name) | Q(aliases__name__iexact=name)).distinct()
    if len(found := list(by_name[:2])) == 1:
        return found[0]
    if " " not in name.strip():
        # A transcript's label gives a surname ("YANG"): a match only if it is unambiguous.
        word = name.strip().title()
        by_word = Person.objects.filter(
            Q(name__iendswith=f" {word}") | Q(name__istartswith=f"{word} ")
        ).distinct()
        if len(found := list(by_word[:2])) == 1:
            return found[0]
    return None


def suggested_publisher(proposal: Proposal) -> Publisher | None:
    """The publisher the text names, or the one whose series it belongs to."""
    report = proposal.report
    if report.publisher:
        named = Publisher.objects.filter(name__icontains=report.publisher).first()
        if named:
            return named
    if report.series:
        earlier = (
            Report.objects.filter(series__iexact=report.series)
            .select_related("publisher")
            .order_by("-date")
            .first()
        )
        if earlier:
            return earlier.publisher
    return None


def meeting_title(codes: tuple[str, str], format: str) -> str:
    names = " \u2013 ".join(countries.name(code) or code for code in codes if code)
    label = {"call": "call", "summit": "summit", "visit": "visit"}.get(format, "talks")
    return f"{names} {label}".strip()


def plan_from_proposal(proposal: Proposal, publisher: Publisher | None = None) -> ImportPlan:
    """Everything the importer proposed, as a plan: every official it named and every claim
    in the report's text. What it would save as it is is marked `include`: the participants
    of one of the meeting's two sides, and the claims of one side or of both."""
    report, meeting = proposal.report, proposal.meeting
    existing = matching_meeting(meeting.start, meeting.countries)
    codes = meeting_countries(meeting.countries, existing)
    side_of = {code: index for index, code in enumerate(codes, start=1) if code}
    publisher = publisher or suggested_publisher(proposal)
    officials = [
        OfficialPlan(
            name=official.name.text,
            side=side_of.get(official.country),
            title=official.title.text if official.title else "",
            person=matching_person(official.person, official.name.text),
            include=official.role == "participant" and official.country in side_of,
            role=official.role,
            doubt=official.doubt,
        )
        for official in proposal.officials
    ]
    issues = {issue.slug: issue for issue in Issue.objects.all()}
    claims = []
    for claim in proposal.claims:
        if not proposal.text.start <= claim.start < proposal.text.end:
            continue  # in the page's header or notes, not in the report's text
        joint = claim.attribution == "joint"
        side = None if joint else side_of.get(claim.side)
        claims.append(
            ClaimPlan(
                text=claim.text,
                side=side,
                joint=joint,
                speaker=claim.speaker,
                kind=claim.kind,
                issues=[issues[key] for key in claim.issues if key in issues],
                start=claim.start - proposal.text.start,
                include=joint or side is not None,
                doubt=claim.doubt,
            )
        )
    return ImportPlan(
        body=proposal.text.text,
        title=report.title.text if report.title else "",
        date=report.date,
        publisher=publisher,
        new_publisher="" if publisher else report.publisher,
        series=report.series,
        number=report.number,
        url=report.url,
        original_source=report.original_source,
        issued_by=report.issued_by,
        relayed_from=relayed_from_in(proposal),
        meeting=existing,
        meeting_title=meeting.title or meeting_title(tuple(codes), meeting.format),
        start_date=meeting.start,
        end_date=meeting.end,
        place=meeting.place.text if meeting.place else "",
        format=meeting.format,
        countries=tuple(codes),
        officials=officials,
        claims=claims,
        footnotes=[(note.number, note.text.text) for note in proposal.footnotes],
    )


class Duplicate(Exception):
    def __init__(self, report: Report):
        super().__init__(f"This report is already in the archive: {report}.")
        self.report = report


@transaction.atomic
@search_text_refreshed_at_the_end()
def build(plan: ImportPlan) -> Report:
    """Create the plan's records as drafts, all or nothing. Raises `Duplicate` when the
    report is already in the archive, and ValidationError (creating nothing) when a record
    breaks one of the archive's rules."""
    plan = plan.included()
    publisher = plan.publisher or publisher_named(plan.new_publisher)
    duplicate = find_duplicate(plan.body, publisher, plan.series, plan.number)
    if duplicate is not None:
        raise Duplicate(duplicate)
    meeting = plan.meeting or new_meeting(plan)
    delegations = {d.side: d for d in meeting.delegations.all()}
    if set(delegations) != {FIRST, SECOND}:
        raise ValidationError(f"The meeting \u201c{meeting}\u201d does not have its two sides.")
    participations = [
        participation(meeting, delegations[o.side], o, order)
        for order, o in enumerate(plan.officials, start=1)
    ]
    report = Report(
        publisher=publisher,
        meeting=meeting,
        series=plan.series,
        number=plan.number,
        title=plan.title,
        date=plan.date or plan.start_date,
        url=plan.url,
        original_source=plan.original_source,
        issued_by=plan.issued_by,
        relayed_from=plan.relayed_from,
        body=plan.body,
        status=Status.DRAFT,
    )
    saved(report, exclude=["slug"])
    for number, text in plan.footnotes:
        saved(Footnote(report=report, number=number, text=text))
    for index, claim_plan in enumerate(plan.claims, start=1):
        claim = Claim(
            report=report,
            meeting=meeting,
            text=claim_plan.text,
            start=claim_plan.start,
            joint=claim_plan.joint,
            delegation=None if claim_plan.joint else delegations[claim_plan.side],
            speaker=None if claim_plan.speaker is None else participations[claim_plan.speaker],
            kind=claim_plan.kind,
        )
        try:
            saved(claim, exclude=["start", "end"])
        except ValidationError as error:
            quote = claim_plan.text[:60]
            raise ValidationError(f"Claim {index} (\u201c{quote}\u201d): {error}") from error
        claim.issues.set(claim_plan.issues)
    return report


def saved(record, exclude: list[str] | None = None):
    record.full_clean(exclude=exclude)
    record.save()
    return record


def publisher_named(name: str) -> Publisher:
    name = name.strip()
    if not name:
        raise ValidationError("Choose the report's publisher, or name a new one.")
    found = Publisher.objects.filter(name__iexact=name).first()
    return found or saved(Publisher(name=name), exclude=["slug"])


def new_meeting(plan: ImportPlan) -> Meeting:
    first, second = plan.countries
    if not first or not second or first == second:
        raise ValidationError("Choose the two different countries of the meeting.")
    if plan.start_date is None:
        raise ValidationError("Give the date the meeting started.")
    meeting = Meeting(
        title=plan.meeting_title or meeting_title(plan.countries, plan.format),
        start_date=plan.start_date,
        end_date=plan.end_date or plan.start_date,
        place=plan.place,
        format=plan.format,
        status=Status.DRAFT,
    )
    saved(meeting, exclude=["slug"])
    for side, country in ((FIRST, first), (SECOND, second)):
        saved(Delegation(meeting=meeting, side=side, country=country))
    return meeting


def participation(
    meeting: Meeting, delegation: Delegation, official: OfficialPlan, order: int
) -> Participation:
    """The official's place in the meeting: the one they already have, or a new one (with a
    new person when the archive does not know them)."""
    person = official.person
    if person is None:
        person = saved(Person(name=official.name.strip()), exclude=["slug", "sort_name"])
    existing = Participation.objects.filter(person=person, meeting=meeting).first()
    if existing is not None:
        if existing.delegation_id != delegation.pk:
            raise ValidationError(
                f"{person} already takes part in this meeting for the other side."
            )
        return existing
    spelling = official.name.strip()
    new_spelling = len(spelling.split()) > 1 and not spelling.isupper() and spelling != person.name
    if new_spelling and not PersonAlias.objects.filter(name__iexact=spelling).exists():
        # The spelling this text uses ("Anthony Blinken"), so search and the next import
        # find the person by it.
        saved(PersonAlias(person=person, name=spelling))
    return saved(
        Participation(
            person=person,
            delegation=delegation,
            meeting=meeting,
            title=official.title,
            is_head=official.is_head,
            order=order,
        )
    )
