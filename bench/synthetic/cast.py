"""The archive's small tables, made with the tests' factories (so `save()` and the signals
give them their slugs, history and search text): officials grouped by country, the issues
and the publishers."""

import random
from dataclasses import dataclass, field
from itertools import accumulate

from django_countries import countries

from archive.models import Issue, IssueAlias, Person, PersonAlias
from bench.synthetic.draw import zipf_cumulative
from bench.synthetic.world import (
    ALIAS_SPELLINGS,
    COUNTRIES,
    ISSUES,
    MEMBER_TITLES,
    NAME_STYLES,
    PUBLISHERS,
    SENIOR_TITLES,
    CountrySpec,
    NameStyle,
    PublisherSpec,
)
from tests.factories import make_issue, make_person, make_publisher

PERSON_ALIAS_RATE = 0.15


@dataclass(eq=False)
class Official:
    pk: int
    title: str
    # The name first, then another spelling that reports use, if any.
    names: tuple[str, ...]


@dataclass
class CountryPool:
    """A country's officials, the most prominent (and most often met) first."""

    spec: CountrySpec
    name: str
    officials: list[Official] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    senior_weights: list[float] = field(default_factory=list)

    @property
    def seniors(self) -> list[Official]:
        return self.officials[: len(self.senior_weights)]


@dataclass(frozen=True, eq=False)
class IssueInfo:
    pk: int
    name: str


@dataclass(eq=False)
class PublisherInfo:
    pk: int
    spec: PublisherSpec
    # The next number per series: sequential, so (publisher, series, number) stays unique.
    next_number: dict[str, int]


@dataclass
class Cast:
    pools: list[CountryPool]
    pool_weights: list[float]
    issues: list[IssueInfo]
    issue_weights: list[float]
    issues_by_name: dict[str, IssueInfo]
    publishers: list[PublisherInfo]
    publisher_weights: list[float]

    @property
    def people(self) -> int:
        return sum(len(pool.officials) for pool in self.pools)


def people_for(claims: int) -> int:
    return max(200, min(20_000, claims // 250))


def make_name(rng: random.Random, style: NameStyle) -> tuple[str, str]:
    """(name, sort_name) of a plausible official."""
    given = rng.choice(style.given_starts) + rng.choice(style.given_ends)
    family = rng.choice(style.family_starts) + rng.choice(style.family_ends)
    if style.family_first:
        return f"{family} {given}", f"{family} {given}"
    return f"{given} {family}", f"{family}, {given}"


def make_alias(rng: random.Random, name: str) -> str:
    """Another spelling of `name`, or '' if the drawn variant does not apply to it."""
    old, new = rng.choice(ALIAS_SPELLINGS)
    if old in name:
        return name.replace(old, new, 1)
    given, _, family = name.partition(" ")
    # Sources also reverse the order of the two names.
    return f"{family} {given}" if rng.random() < 0.5 else ""


def create_publishers(rng: random.Random) -> list[PublisherInfo]:
    specs = PUBLISHERS[: rng.randint(3, 4)]
    return [
        PublisherInfo(
            make_publisher(spec.name, url=f"https://{spec.domain}/").pk,
            spec,
            {series: rng.randint(1000, 9000) for series in spec.series},
        )
        for spec in specs
    ]


def create_issues() -> list[IssueInfo]:
    """The ISSUES catalogue; an issue that already exists (e.g. from the curated seed) is
    reused as it is."""
    made = {issue.name.lower(): issue for issue in Issue.objects.all()}
    taken = {alias.lower() for alias in IssueAlias.objects.values_list("name", flat=True)}
    for spec in ISSUES:  # Parents come before their children in ISSUES.
        if spec.name.lower() in made:
            continue
        aliases = [alias for alias in spec.aliases if alias.lower() not in taken]
        taken.update(alias.lower() for alias in aliases)
        made[spec.name.lower()] = make_issue(
            spec.name,
            parent=made.get(spec.parent.lower()),
            aliases=aliases,
            description=f"Synthetic issue: {spec.name}.",
        )
    return [IssueInfo(made[spec.name.lower()].pk, spec.name) for spec in ISSUES]


def create_people(rng: random.Random, total: int) -> list[CountryPool]:
    """`total` officials spread over COUNTRIES by weight; ~15% have another spelling."""
    weight_sum = sum(c.weight for c in COUNTRIES)
    # Unique names keep the benchmarks' name lookups unambiguous.
    used_names = set(Person.objects.values_list("name", flat=True))
    pools: list[CountryPool] = []
    drawn: list[tuple[CountryPool, str, str, str]] = []  # pool, name, sort name, title
    for spec in COUNTRIES:
        pool = CountryPool(spec, str(countries.name(spec.code)))
        pools.append(pool)
        count = max(3, round(total * spec.weight / weight_sum))
        seniors = max(2, count // 5)
        style = NAME_STYLES[spec.style]
        for index in range(count):
            name, sort_name = make_name(rng, style)
            for _ in range(20):
                if name not in used_names:
                    break
                name, sort_name = make_name(rng, style)
            used_names.add(name)
            # The first few of each country are its senior officials, who head delegations.
            titles = SENIOR_TITLES if index < seniors else MEMBER_TITLES
            drawn.append((pool, name, sort_name, rng.choice(titles.get(spec.code, titles[""]))))
        pool.weights = zipf_cumulative(count, 0.7)
        pool.senior_weights = zipf_cumulative(seniors, 0.7)

    # An alias that is a name already (an official's, or another's alias) would make a
    # search for one official find another.
    taken = {name.lower() for name in used_names}
    taken.update(alias.lower() for alias in PersonAlias.objects.values_list("name", flat=True))
    for pool, name, sort_name, title in drawn:
        alias = make_alias(rng, name) if rng.random() < PERSON_ALIAS_RATE else ""
        aliases = (alias,) if alias and alias.lower() not in taken else ()
        taken.update(a.lower() for a in aliases)
        person = make_person(name, sort_name=sort_name, aliases=aliases)
        pool.officials.append(Official(person.pk, title, (name, *aliases)))
    return pools


def create_cast(seed: int, claims: int) -> Cast:
    # One generator per part, so changing how people are made does not reshuffle claims.
    pools = create_people(random.Random(f"{seed}-people"), people_for(claims))
    issues = create_issues()
    publishers = create_publishers(random.Random(f"{seed}-publishers"))
    return Cast(
        pools=pools,
        pool_weights=list(accumulate(p.spec.weight for p in pools)),
        issues=issues,
        issue_weights=zipf_cumulative(len(issues), 0.8),
        issues_by_name={issue.name: issue for issue in issues},
        publishers=publishers,
        publisher_weights=list(accumulate((5, 4, 2, 2)[: len(publishers)])),
    )
