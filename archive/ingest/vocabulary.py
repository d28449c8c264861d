"""What the archive already knows, as the parser's plain `Vocabulary`: its officials by
every name and alias (with the country they last took part for), its issues by name and
alias, and the names of countries."""

from django.db.models import Prefetch
from django_countries import countries

from archive.ingest.proposal import KnownIssue, KnownPerson, Vocabulary
from archive.models import Issue, Participation, Person


def archive_vocabulary() -> Vocabulary:
    latest = Participation.objects.select_related("delegation").order_by("-meeting__start_date")
    people = Person.objects.prefetch_related(
        "aliases", Prefetch("participations", queryset=latest)
    ).order_by("pk")
    issues = Issue.objects.prefetch_related("aliases").order_by("pk")
    return Vocabulary(
        people=tuple(
            KnownPerson(
                person.slug,
                (person.name, *(alias.name for alias in person.aliases.all())),
                next((str(p.delegation.country) for p in person.participations.all()), None),
            )
            for person in people
        ),
        issues=tuple(
            KnownIssue(issue.slug, (issue.name, *(alias.name for alias in issue.aliases.all())))
            for issue in issues
        ),
        countries=tuple((name, code) for code, name in countries),
    )
