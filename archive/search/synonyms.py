"""Equivalent names for search: editors' synonym sets, people's and issues' aliases.

For the runs of words in a query, `lookup` finds which word sequences are a synonym, an
official's name or alias, or an issue's name or alias: in memory, from a catalogue of every
name read once per revision of the archive.
"""

from dataclasses import dataclass, field, replace

from django.db.models import QuerySet

from archive.models import Change, Issue, Person, Revision, Synonym
from archive.search.query import STOPWORDS, ParsedQuery, Term, name_key, word_parts

MAX_WORDS_IN_NAME = 5
MIN_NAME_WORD = 3  # "Yi" of "Wang Yi" alone names no one
MAX_PARTLY_NAMED = 5


@dataclass
class Matches:
    equivalents: dict[str, list[str]] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    # Officials one of whose names holds a word of the query ("Blinken", "Wang"), when no
    # name is typed whole: quick links, not equivalents.
    partly_named: list[Person] = field(default_factory=list)
    # Every word is a word of some official's name: no "did you mean" is needed.
    all_words_name_someone: bool = False

    def add(self, key: str, names: list[str]) -> None:
        merged = self.equivalents.setdefault(key, [])
        merged.extend(n for n in names if n not in merged)


def key_of(text: str) -> str:
    return name_key(word_parts(text))


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
    names = catalogue()
    keys = set(wanted.values())
    for terms, term_keys in names.synonym_sets_of(keys):
        for key in term_keys:
            if key in keys:
                matches.add(key, terms)
    matches.people = names.people.named(wanted, matches)
    matches.issues = names.issues.named(wanted, matches)
    if not matches.people:
        words = [unit.key for run in query.runs for unit in run if isinstance(unit.node, Term)]
        matches.partly_named = names.people.partly_named(words)
        matches.all_words_name_someone = bool(words) and all(
            word in names.people.by_word for word in words
        )
    return matches


@dataclass(frozen=True)
class NamedRecords:
    """Published people (or issues) by each of their names and aliases, lowercased."""

    by_name: dict[str, list]
    by_word: dict[str, list]  # by each word of their names, but stop words and short ones
    names: dict[int, list[str]]  # by record id: its name, then its aliases
    order: dict[int, int]  # by record id: its place in the model's ordering

    @classmethod
    def of(cls, records: QuerySet) -> "NamedRecords":
        by_name: dict[str, list] = {}
        by_word: dict[str, list] = {}
        names, order = {}, {}
        for place, record in enumerate(records.prefetch_related("aliases")):
            names[record.pk] = [record.name, *(alias.name for alias in record.aliases.all())]
            order[record.pk] = place
            for name in {n.lower() for n in names[record.pk]}:
                by_name.setdefault(name, []).append(record)
            for word in {w for n in names[record.pk] for w in word_parts(n)}:
                if len(word) >= MIN_NAME_WORD and word not in STOPWORDS:
                    by_word.setdefault(word, []).append(record)
        return cls(by_name, by_word, names, order)

    def partly_named(self, words: list[str]) -> list:
        """Records (at most MAX_PARTLY_NAMED, in the model's order) one of whose names holds
        one of `words`."""
        found = {r.pk: r for word in words for r in self.by_word.get(word, ())}
        records = sorted(found.values(), key=lambda record: self.order[record.pk])
        return records[:MAX_PARTLY_NAMED]

    def named(self, wanted: dict[str, str], matches: Matches) -> list:
        """The records a name or alias of which the query contains; each of their names
        becomes an equivalent of the words that named them."""
        found = {r.pk: r for name in wanted for r in self.by_name.get(name, ())}
        records = sorted(found.values(), key=lambda record: self.order[record.pk])
        for record in records:
            all_names = self.names[record.pk]
            for name in all_names:
                key = wanted.get(name.lower()) or (key_of(name) if key_of(name) in wanted else None)
                if key:
                    matches.add(key, all_names)
        return records


@dataclass(frozen=True)
class Catalogue:
    """Every name a query can be widened with, read once per revision of the archive: the
    editors' synonym sets, published officials and issues with their aliases. (Read per
    request, they cost five queries and most of a small search's database time.)"""

    revision: int
    synonym_sets: list[tuple[list[str], list[str]]]  # (terms, each term's key)
    sets_by_key: dict[str, list[int]]
    people: NamedRecords
    issues: NamedRecords

    def synonym_sets_of(self, keys: set[str]) -> list[tuple[list[str], list[str]]]:
        """The synonym sets one of whose terms has one of `keys`, in the editors' order."""
        found = sorted({i for key in keys for i in self.sets_by_key.get(key, ())})
        return [self.synonym_sets[i] for i in found]


def read_catalogue(revision: int) -> Catalogue:
    synonym_sets, sets_by_key = [], {}
    for synonym in Synonym.objects.all():
        terms = synonym.term_list
        keys = [key_of(term) for term in terms]
        for key in filter(None, keys):  # a term of stop words alone ("WHO") is never typed
            sets_by_key.setdefault(key, []).append(len(synonym_sets))
        synonym_sets.append((terms, keys))
    return Catalogue(
        revision,
        synonym_sets,
        sets_by_key,
        people=NamedRecords.of(Person.objects.published()),
        issues=NamedRecords.of(Issue.objects.published()),
    )


_kept: dict[str, Catalogue | None] = {"catalogue": None}


# The tables the catalogue is read from: a change elsewhere (a claim) leaves it as it is.
NAMED = ("synonym", "person", "personalias", "issue", "issuealias")


def catalogue() -> Catalogue:
    """The catalogue of the archive's current revision (kept in this process until one of
    the tables it is read from changes)."""
    revision = Revision.current()
    kept = _kept["catalogue"]
    if kept is None or (kept.revision != revision and Change.touched(kept.revision, NAMED)):
        kept = _kept["catalogue"] = read_catalogue(revision)
    elif kept.revision != revision:
        kept = _kept["catalogue"] = replace(kept, revision=revision)
    return kept


def forget() -> None:
    """Drop the kept catalogue (tests: each starts again at the same revision number)."""
    _kept["catalogue"] = None
