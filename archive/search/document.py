"""What each searchable record is found by, and keeping the denormalised part current.

A claim is found by its own text (highest weight), by who said it (its speaker's names and
aliases, its side's country: `search_context`) and by what it is about (its issues' names
and aliases: `search_issues`). Never by its report's or meeting's title: a word of the
title would make every claim of the report match, whatever each says. The names come from
other rows, so every save of those rows refreshes the claims they touch (see
`archive/signals.py`).
"""

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet

CHUNK = 2000


def compose(names: Iterable[str]) -> str:
    return "\n".join(dict.fromkeys(name for name in names if name))


def claim_documents(claims: Iterable) -> Iterable[tuple[int, str, str]]:
    """(id, search_context, search_issues) for claims fetched by `claims_for_indexing`."""
    for claim in claims:
        speakers: list[str] = []
        if claim.speaker_id:
            person = claim.speaker.person
            speakers = [person.name, *(a.name for a in person.aliases.all())]
        if claim.joint:
            sides = [d.country.name for d in claim.meeting.delegations.all()]
        else:
            sides = [claim.delegation.country.name]
        issues = [
            name
            for issue in claim.issues.all()
            for name in (issue.name, *(a.name for a in issue.aliases.all()))
        ]
        yield claim.pk, compose([*speakers, *sides]), compose(issues)


def claims_for_indexing(claims: QuerySet) -> QuerySet:
    from archive.models import Delegation, Issue, Person

    return claims.select_related("delegation", "speaker").prefetch_related(
        Prefetch("issues", queryset=Issue.objects.prefetch_related("aliases")),
        Prefetch("speaker__person", queryset=Person.objects.prefetch_related("aliases")),
        Prefetch("meeting__delegations", queryset=Delegation.objects.order_by("side")),
    )


def refresh_claims(claims: QuerySet) -> int:
    """Recompute the denormalised search text of `claims`; returns how many changed."""
    from archive.models import Claim

    ids = list(claims.order_by().values_list("pk", flat=True))
    changed = 0
    for start in range(0, len(ids), CHUNK):
        chunk = claims_for_indexing(Claim.objects.filter(pk__in=ids[start : start + CHUNK]))
        stale = []
        for claim in chunk:
            _, context, issues = next(iter(claim_documents([claim])))
            if (claim.search_context, claim.search_issues) != (context, issues):
                claim.search_context, claim.search_issues = context, issues
                stale.append(claim)
        Claim.objects.bulk_update(stale, ["search_context", "search_issues"], batch_size=500)
        changed += len(stale)
    return changed
