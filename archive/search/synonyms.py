"""Equivalent names for search: editors' synonym sets, people's and issues' aliases.

For the runs of words in a query, `lookup` finds which word sequences are a synonym, an
official's name or alias, or an issue's name or alias, in a fixed number of queries.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.db.models.functions import Lower

from archive.models import Issue, IssueAlias, Person, PersonAlias, Synonym
from archive.search.query import ParsedQuery, word_parts

MAX_WORDS_IN_NAME = 5


@dataclass
class Matches:
    equivalents: dict[str, list[str]] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    def add(self, key: str, names: list[str]) -> None:
        merged = self.equivalents.setdefault(key, [])
        merged.extend(n for n in names if n not in merged)


def key_of(text: str) -> str:
    return " ".join(word_parts(text))


def candidates(query: ParsedQuery) -> dict[str, str]:
    """Every sequence of up to five consecutive words, as typed (lowercased) -> its key."""
    found: dict[str, str] = {}
    for run in query.runs:
        for start in range(len(run)):
            for size in range(1, min(MAX_WORDS_IN_NAME, len(run) - start) + 1):
                window = run[start : start + size]
                surface = " ".join(unit.surface for unit in window).lower()
                key = " ".join(unit.key for unit in window)
                found[surface] = key
                found[key] = key
    return found


def lookup(query: ParsedQuery) -> Matches:
    matches = Matches()
    wanted = candidates(query)
    if not wanted:
        return matches
    names = list(wanted)

    for synonym in Synonym.objects.all():
        terms = synonym.term_list
        for term in terms:
            key = key_of(term)
            if key in wanted.values():
                matches.add(key, terms)

    people = (
        Person.objects.published()
        .annotate(lower_name=Lower("name"))
        .filter(Q(lower_name__in=names) | Q(pk__in=aliases_named(PersonAlias, names, "person")))
        .prefetch_related("aliases")
    )
    for person in people:
        all_names = [person.name, *(a.name for a in person.aliases.all())]
        for name in all_names:
            key = wanted.get(name.lower()) or (key_of(name) if key_of(name) in wanted else None)
            if key:
                matches.add(key, all_names)
        matches.people.append(person)

    issues = (
        Issue.objects.published()
        .annotate(lower_name=Lower("name"))
        .filter(Q(lower_name__in=names) | Q(pk__in=aliases_named(IssueAlias, names, "issue")))
        .prefetch_related("aliases")
    )
    for issue in issues:
        all_names = [issue.name, *(a.name for a in issue.aliases.all())]
        for name in all_names:
            key = wanted.get(name.lower()) or (key_of(name) if key_of(name) in wanted else None)
            if key:
                matches.add(key, all_names)
        matches.issues.append(issue)
    return matches


def aliases_named(model, names: list[str], owner: str):
    return (
        model.objects.annotate(lower_name=Lower("name")).filter(lower_name__in=names).values(owner)
    )
