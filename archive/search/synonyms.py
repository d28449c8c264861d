"""Equivalent names for search: editors' synonym sets, people's and issues' aliases.

For the runs of words in a query, `lookup` finds which word sequences are a synonym, an
official's name or alias, or an issue's name or alias, in a fixed number of queries.
"""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
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
    for synonym in Synonym.objects.all():
        terms = synonym.term_list
        for term in terms:
            key = key_of(term)
            if key in wanted.values():
                matches.add(key, terms)

    matches.people = named(Person.objects.published(), PersonAlias, "person", wanted, matches)
    matches.issues = named(Issue.objects.published(), IssueAlias, "issue", wanted, matches)
    return matches


def named(records: QuerySet, alias_model, owner: str, wanted: dict[str, str], matches: Matches):
    """The records (people or issues) a name or alias of which the query contains; each of
    their names becomes an equivalent of the words that named them."""
    names = list(wanted)
    aliased = alias_model.objects.annotate(lower_name=Lower("name")).filter(lower_name__in=names)
    found = list(
        records.annotate(lower_name=Lower("name"))
        .filter(Q(lower_name__in=names) | Q(pk__in=aliased.values(owner)))
        .prefetch_related("aliases")
    )
    for record in found:
        all_names = [record.name, *(alias.name for alias in record.aliases.all())]
        for name in all_names:
            key = wanted.get(name.lower()) or (key_of(name) if key_of(name) in wanted else None)
            if key:
                matches.add(key, all_names)
    return found
