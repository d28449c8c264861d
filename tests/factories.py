"""A few explicit constructors for test data beyond the seed archive."""

import datetime
import itertools
from collections.abc import Iterable

from archive.models import (
    Claim,
    Delegation,
    Issue,
    IssueAlias,
    Meeting,
    Participation,
    Person,
    PersonAlias,
    Publisher,
    Report,
    Status,
)

_numbers = itertools.count(1)

SENTENCES = [
    "The first side stressed that dialogue on {topic} must continue.",
    "The second side urged restraint on {topic} and respect for agreements.",
    "Both sides agreed to keep talking about {topic}.",
]


def make_person(name: str, *, sort_name: str = "", aliases: Iterable[str] = ()) -> Person:
    """An official, with other spellings of their name."""
    person = Person.objects.create(name=name, sort_name=sort_name)
    for alias in aliases:
        PersonAlias.objects.create(person=person, name=alias)
    return person


def make_issue(
    name: str, *, parent: Issue | None = None, aliases: Iterable[str] = (), description: str = ""
) -> Issue:
    """An issue, with other names for it."""
    issue = Issue.objects.create(name=name, parent=parent, description=description)
    for alias in aliases:
        IssueAlias.objects.create(issue=issue, name=alias)
    return issue


def make_publisher(name: str, *, url: str = "") -> Publisher:
    return Publisher.objects.create(name=name, url=url)


def make_meeting(
    *,
    countries: tuple[str, str] = ("CN", "US"),
    claims: int = 3,
    status: str = Status.PUBLISHED,
    start: datetime.date = datetime.date(2022, 5, 1),
    issue: Issue | None = None,
) -> Meeting:
    """A meeting with two delegations of one head each, one report and `claims` claims
    spread over both sides and joint statements."""
    n = next(_numbers)
    meeting = Meeting.objects.create(
        title=f"Test talks {n}", start_date=start, place="Geneva", status=status
    )
    delegations = [
        Delegation.objects.create(meeting=meeting, side=side, country=country)
        for side, country in enumerate(countries, 1)
    ]
    heads = [
        Participation.objects.create(
            person=make_person(f"Official {n}-{d.side}"),
            delegation=d,
            title="Minister",
            is_head=True,
        )
        for d in delegations
    ]
    topic = issue.name if issue else f"topic {n}"
    sentences = [SENTENCES[i % 3].format(topic=f"{topic} {i}") for i in range(claims)]
    publisher, _ = Publisher.objects.get_or_create(name="Test Wire")
    report = Report.objects.create(
        publisher=publisher,
        meeting=meeting,
        number=str(n),
        series="Readout",
        title=f"Readout of test talks {n}",
        date=start,
        body="\n\n".join(sentences),
        status=status,
    )
    issue = issue or make_issue(f"Topic {n}")
    for i, sentence in enumerate(sentences):
        joint = i % 3 == 2
        claim = Claim.objects.create(
            report=report,
            text=sentence,
            joint=joint,
            delegation=None if joint else delegations[i % 2],
            speaker=None if joint else heads[i % 2],
        )
        claim.issues.add(issue)
    return meeting


def search_claims(text: str, order: str = "relevance", limit: int | None = None) -> list:
    """The published claims a search for `text` finds, in `order`, highlighted, as the
    search page reads them (through the claims' filter set, with no facet chosen)."""
    from django.http import QueryDict

    from archive.filters import ClaimFilter
    from archive.search import FoundClaims, prepare, with_highlights

    parsed = prepare(text).parsed
    filters = ClaimFilter(
        QueryDict(""),
        matches=FoundClaims(parsed),
        key=repr((parsed.include, parsed.exclude)),
        ranked=order == "relevance",
    )
    ids = filters.ids(order, 0, limit)
    return with_highlights(Claim, Claim.objects.for_display(), ids, parsed, fragments=False)
