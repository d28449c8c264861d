"""What each searchable record is found by, and keeping the denormalised part current.

A claim is found by its own text (highest weight), by who said it (its speaker's names and
aliases, its side's country: `search_context`) and by what it is about (its issues' names
and aliases: `search_issues`). Never by its report's or meeting's title: a word of the
title would make every claim of the report match, whatever each says. The names come from
other rows, so every save of those rows refreshes the claims they touch (see
`archive/signals.py`).
"""

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence

from django.db.models import Q, QuerySet
from django_countries.fields import Country

CHUNK = 2000


def compose(names: Iterable[str]) -> str:
    return "\n".join(dict.fromkeys(name for name in names if name))


class Names:
    """The names a batch of claims is found by, read with a few queries for the whole batch:
    each speaker's name and aliases, each side's country, each issue's name and aliases,
    in the order the database lists them."""

    def __init__(self, claims: Sequence, issue_ids: Iterable[int]) -> None:
        from archive.models import Delegation, Issue, IssueAlias, Participation, PersonAlias

        speakers = {c.speaker_id for c in claims if c.speaker_id}
        person_of: dict[int, int] = {}
        self.people: dict[int, list[str]] = {}
        for pk, person, name in Participation.objects.filter(pk__in=speakers).values_list(
            "pk", "person_id", "person__name"
        ):
            person_of[pk] = person
            self.people[person] = [name]
        for person, alias in PersonAlias.objects.filter(person_id__in=self.people).values_list(
            "person_id", "name"
        ):
            self.people[person].append(alias)
        self.speakers = {pk: self.people[person] for pk, person in person_of.items()}

        # A joint claim is found by both sides' countries, in side order.
        meetings = {c.meeting_id for c in claims if c.joint}
        sides = {c.delegation_id for c in claims if c.delegation_id}
        self.country: dict[int, str] = {}
        self.both_sides: dict[int, list[str]] = defaultdict(list)
        names: dict[str, str] = {}  # a country's name is looked up in its translations
        delegations = Delegation.objects.filter(Q(pk__in=sides) | Q(meeting_id__in=meetings))
        for pk, meeting, code in delegations.order_by("side").values_list(
            "pk", "meeting_id", "country"
        ):
            name = names.get(code) or names.setdefault(code, Country(code=code).name)
            self.country[pk] = name
            self.both_sides[meeting].append(name)

        self.issues: dict[int, list[str]] = {}
        for pk, name in Issue.objects.filter(pk__in=set(issue_ids)).values_list("pk", "name"):
            self.issues[pk] = [name]
        for issue, alias in IssueAlias.objects.filter(issue_id__in=self.issues).values_list(
            "issue_id", "name"
        ):
            self.issues[issue].append(alias)
        # A claim lists its issues as `claim.issues.all()` does: by the issues' ordering.
        self.issue_rank = {pk: rank for rank, pk in enumerate(self.issues)}

    def search_text(self, claim, issue_ids: Collection[int]) -> tuple[str, str]:
        """(search_context, search_issues) of `claim`, whose issues are `issue_ids`."""
        speaker = self.speakers[claim.speaker_id] if claim.speaker_id else []
        if claim.joint:
            sides = self.both_sides[claim.meeting_id]
        else:
            sides = [self.country[claim.delegation_id]]
        issues = sorted(issue_ids, key=self.issue_rank.__getitem__)
        return (
            compose([*speaker, *sides]),
            compose(name for issue in issues for name in self.issues[issue]),
        )


def fill_search_text(claims: Sequence, issue_ids: Sequence[Collection[int]]) -> None:
    """Set the search text of claims not saved yet, whose speaker, side and meeting are
    (`issue_ids`: each claim's issues, to be linked once it is saved): a bulk load writes
    each claim once, with what `refresh_claims` would compute after it."""
    names = Names(claims, (pk for ids in issue_ids for pk in ids))
    for claim, issues in zip(claims, issue_ids, strict=True):
        claim.search_context, claim.search_issues = names.search_text(claim, issues)


def refresh_claims(claims: QuerySet) -> int:
    """Recompute the denormalised search text of `claims`; returns how many changed."""
    from archive.models import Claim

    ids = list(claims.order_by().values_list("pk", flat=True))
    links = Claim.issues.through.objects
    changed = 0
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = list(
            Claim.objects.filter(pk__in=chunk).only(
                "speaker_id",
                "delegation_id",
                "meeting_id",
                "joint",
                "search_context",
                "search_issues",
            )
        )
        issues_of: dict[int, list[int]] = defaultdict(list)
        for claim_id, issue_id in links.filter(claim_id__in=chunk).values_list(
            "claim_id", "issue_id"
        ):
            issues_of[claim_id].append(issue_id)
        names = Names(rows, (pk for issues in issues_of.values() for pk in issues))
        stale = []
        for claim in rows:
            text = names.search_text(claim, issues_of[claim.pk])
            if (claim.search_context, claim.search_issues) != text:
                claim.search_context, claim.search_issues = text
                stale.append(claim)
        Claim.objects.bulk_update(stale, ["search_context", "search_issues"], batch_size=500)
        changed += len(stale)
    return changed
