"""A few explicit constructors for test data beyond the seed archive."""

import datetime
import itertools

from archive.models import (
    Claim,
    Delegation,
    Issue,
    Meeting,
    Participation,
    Person,
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
            person=Person.objects.create(name=f"Official {n}-{d.side}"),
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
    issue = issue or Issue.objects.create(name=f"Topic {n}")
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
