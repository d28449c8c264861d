"""Facets of the claim and meeting listings.

A facet knows three things: which values a URL may hold for it (`resolve`), how chosen
values narrow a queryset (`narrow`: several values are OR-ed), and how many records each of
its values would leave (`counts`: one aggregate query). The filter sets in
`archive/filters.py` combine facets with AND and count each one without its own filter.
"""

import datetime

from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Greatest, Least, TruncMonth
from django_countries import countries

from archive import claim_counts
from archive.choices import JOINT, JOINT_LABEL, Choice, by_count
from archive.models import (
    Claim,
    Delegation,
    Issue,
    KeepsOldSlugs,
    Meeting,
    OldSlug,
    Person,
    Publisher,
    Report,
)

MAX_VALUE_LENGTH = 100


class Facet:
    name = ""  # the URL parameter
    title = ""  # the heading on the page
    noun = ""  # what one value is, for messages ("There is no issue ...")

    def resolve(self, values: list[str]) -> tuple[list[Choice], list[str]]:
        """The chosen values this facet knows (in their canonical spelling), and the ones
        it does not."""
        known = self.known_labels(values)
        chosen: dict[str, Choice] = {}
        for value in values:
            if value in known:
                canonical = self.canonical(value)
                chosen.setdefault(canonical, Choice(canonical, known[value]))
        return list(chosen.values()), [v for v in values if v not in known]

    def current_slugs(self, values: list[str]) -> dict[str, str]:
        """Values that are a record's slug from before a rename, with its slug now."""
        return {}

    def canonical(self, value: str) -> str:
        """The one spelling of a value in links (`cn` and `CN` are one country)."""
        return value

    def known_labels(self, values: list[str]) -> dict[str, str]:
        raise NotImplementedError

    def narrowing(self, chosen: list[Choice]) -> list:
        """What `narrow` needs of the chosen values (their values; ids for some facets)."""
        return [c.value for c in chosen]

    def narrow(self, queryset: QuerySet, values: list) -> QuerySet:
        raise NotImplementedError

    def counts(self, queryset: QuerySet) -> list[Choice]:
        """Every value with at least one record in `queryset`, most records first."""
        raise NotImplementedError

    def describe(self, choices: list[Choice]) -> str:
        return f"{self.title}: " + " or ".join(c.label for c in choices)


def grouped(queryset: QuerySet, *fields: str, counted: str = "pk", distinct: bool = False):
    """Rows of (*fields, records) for a facet, in one GROUP BY."""
    return (
        queryset.order_by()
        .values_list(*fields)
        .annotate(records=Count(counted, distinct=distinct))
        .order_by()
    )


class ModelFacet(Facet):
    """Values are slugs of rows of a small table (issues, officials, meetings, publishers)."""

    model = None
    candidates: QuerySet

    def known_labels(self, values):
        rows = self.candidates.filter(slug__in=values).values_list("slug", self.label_field)
        return dict(rows)

    def current_slugs(self, values):
        model = self.candidates.model
        if not values or not issubclass(model, KeepsOldSlugs):
            return {}
        return OldSlug.current_slugs(model, values)

    label_field = "name"


class ChoicesFacet(Facet):
    """Values from a fixed list (kinds of claim, meeting formats)."""

    choices: dict[str, str] = {}
    field = ""

    def known_labels(self, values):
        return {v: self.choices[v] for v in values if v in self.choices}

    def narrow(self, queryset, values):
        return queryset.filter(**{f"{self.field}__in": values})

    def counts(self, queryset):
        rows = grouped(queryset, self.field)
        return by_count([Choice(v, self.choices.get(v, v), n) for v, n in rows if v])


def issue_counts(claims: QuerySet, counted: str) -> list[Choice]:
    """Records per issue, where a record counts for an issue when one of its `claims` is
    about the issue or one of its narrower issues (as `ClaimQuerySet.about` finds them);
    `counted` names the record (the claim's "pk", or its "meeting_id").

    One query of two parts: every issue's direct count (a claim is linked to an issue once,
    so no DISTINCT over the whole links table), and, only over the links of issues in a
    family, each broader issue's count of distinct records across itself and its narrower
    issues, which replaces its direct count. (Top-level selects, not subqueries of the
    claims: the SQLite search joins its FTS table by the claim table's own name.)"""
    claims = claims.order_by()
    direct = (
        claims.annotate(facet_key=F("issues"), part=Value(1))
        .filter(facet_key__isnull=False)
        .values_list("facet_key", "part")
        .annotate(records=Count(counted, distinct=counted != "pk"))
        .order_by()
    )
    broader = Issue.objects.filter(parent__isnull=False).values("parent")
    family = Issue.objects.filter(Q(parent__isnull=False) | Q(pk__in=broader)).values("pk")
    lifted = (
        claims.annotate(
            facet_key=Coalesce("issues__parent", "issues"), member=F("issues"), part=Value(2)
        )
        .filter(member__in=family)
        .values_list("facet_key", "part")
        .annotate(records=Count(counted, distinct=True))
        .order_by()
    )
    sql, params = direct.union(lifted, all=True).order_by().query.sql_with_params()
    query = (
        f"SELECT i.slug, i.name, x.part, x.records FROM ({sql}) x "
        f"JOIN archive_issue i ON i.id = x.facet_key"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        rows = cursor.fetchall()
    counts: dict[str, tuple[str, int]] = {}
    for slug, name, _part, records in sorted(rows, key=lambda row: row[2]):
        counts[slug] = (name, int(records))  # a broader issue's family count comes second
    return by_count([Choice(slug, name, n) for slug, (name, n) in counts.items()])


def counted_claims(claims: QuerySet, name: str) -> list[Choice]:
    return claim_counts.count(claims, [name])[name]


class IssueFacet(ModelFacet):
    """Issues by slug; a chosen issue stands for itself and its narrower issues, whose ids
    are found once, with the names (the links table is then read by issue id, which its
    index serves, instead of joined to the issues by slug)."""

    name, title = "issue", "Issue"
    # Public records only: a draft's issue, official or publisher gets the answer a value
    # that never existed gets, and its name is never shown.
    candidates = Issue.objects.published()

    def resolve(self, values):
        rows = self.candidates.filter(Q(slug__in=values) | Q(parent__slug__in=values))
        rows = list(rows.values_list("slug", "name", "pk", "parent__slug"))
        names = {slug: name for slug, name, _, _ in rows if slug in values}
        ids: dict[str, list[int]] = {slug: [] for slug in names}
        for slug, _, pk, parent in rows:
            for owner in (slug, parent):
                if owner in ids:
                    ids[owner].append(pk)
        chosen = {v: Choice(v, names[v], ids=tuple(sorted(ids[v]))) for v in values if v in names}
        return list(chosen.values()), [v for v in values if v not in names]

    def narrowing(self, chosen):
        return sorted({pk for choice in chosen for pk in choice.ids})


def issue_links(issue_ids: list[int]) -> QuerySet:
    return Claim.issues.through.objects.filter(issue_id__in=issue_ids)


class ClaimIssue(IssueFacet):
    def narrow(self, queryset, values):
        # A semi-join, not a join: a claim on two chosen issues is still one row.
        return queryset.filter(pk__in=issue_links(values).values("claim_id"))

    def counts(self, queryset):
        return counted_claims(queryset, self.name)


class ClaimOfficial(ModelFacet):
    name, title = "official", "Official"
    candidates = Person.objects.published()

    def narrow(self, queryset, values):
        return queryset.filter(speaker__person__slug__in=values)

    def counts(self, queryset):
        return counted_claims(queryset, self.name)


def country_code(value: str) -> str:
    return value.lower() if value.lower() == JOINT else value.upper()


class ClaimCountry(Facet):
    """The country of the side that made the claim; `joint` for claims of both sides."""

    name, title = "country", "Side"
    noun = "side"

    def known_labels(self, values):
        labels = {}
        for value in values:
            if value.lower() == JOINT:
                labels[value] = JOINT_LABEL
            elif len(value) == 2 and value.upper() in countries:
                labels[value] = countries.name(value.upper())
        return labels

    def canonical(self, value):
        return country_code(value)

    def narrow(self, queryset, values):
        codes = [v.upper() for v in values if v != JOINT]
        condition = Q(delegation__country__in=codes)
        if JOINT in values:
            condition |= Q(joint=True)
        return queryset.filter(condition)

    def counts(self, queryset):
        return counted_claims(queryset, self.name)


class ClaimMeeting(ModelFacet):
    name, title = "meeting", "Meeting"
    candidates = Meeting.objects.published()
    label_field = "title"

    def narrow(self, queryset, values):
        return queryset.filter(meeting__slug__in=values)

    def counts(self, queryset):
        return counted_claims(queryset, self.name)

    def known_labels(self, values):
        rows = self.candidates.filter(slug__in=values).values_list("slug", "title", "start_date")
        return {slug: f"{title} ({date:%Y})" for slug, title, date in rows}


class ClaimKind(ChoicesFacet):
    name, title = "kind", "Kind of claim"
    noun = "kind of claim"
    choices = dict(Claim.Kind.choices)
    field = "kind"

    def counts(self, queryset):
        return counted_claims(queryset, self.name)


class ClaimPublisher(ModelFacet):
    name, title = "publisher", "Publisher"
    candidates = Publisher.objects.published()

    def narrow(self, queryset, values):
        return queryset.filter(report__publisher__slug__in=values)

    def counts(self, queryset):
        return counted_claims(queryset, self.name)


class Year(Facet):
    """Years of the meeting (of the claim's meeting). Its counts come from the monthly
    histogram, which is counted with the date range left out, like the years."""

    name, title = "year", "Year"

    def __init__(self, date_field: str):
        self.date_field = date_field

    def known_labels(self, values):
        return {v: v for v in values if v.isascii() and v.isdigit() and 1000 <= int(v) <= 2999}

    def narrow(self, queryset, values):
        return queryset.filter(**{f"{self.date_field}__year__in": [int(v) for v in values]})

    def counts(self, queryset):
        return []  # see monthly_counts

    def monthly_counts(self, queryset) -> list[tuple[datetime.date, int]]:
        rows = (
            queryset.order_by()
            .annotate(month=TruncMonth(self.date_field))
            .values_list("month")
            .annotate(records=Count("pk"))
            .order_by("month")
        )
        return [(m.date() if isinstance(m, datetime.datetime) else m, n) for m, n in rows]


# Meetings ---------------------------------------------------------------------------------


def delegation_country(side: int) -> Subquery:
    return Subquery(
        Delegation.objects.filter(meeting=OuterRef("pk"), side=side).values("country")[:1]
    )


class MeetingCountry(Facet):
    """A country on either side."""

    name, title = "country", "Country"
    noun = "country"

    def known_labels(self, values):
        return {
            v: countries.name(v.upper()) for v in values if len(v) == 2 and v.upper() in countries
        }

    def canonical(self, value):
        return value.upper()

    def narrow(self, queryset, values):
        codes = [v.upper() for v in values]
        return queryset.filter(
            pk__in=Delegation.objects.filter(country__in=codes).values("meeting_id")
        )

    def counts(self, queryset):
        rows = grouped(
            Delegation.objects.filter(meeting__in=queryset.order_by().values("pk")), "country"
        )
        return by_count([Choice(code, countries.name(code), n) for code, n in rows])


def pair_value(first: str, second: str) -> str:
    return "-".join(sorted([first.lower(), second.lower()]))


class MeetingPair(Facet):
    """The two countries that met, as a value like `cn-us` (in either order in the URL)."""

    name, title = "pair", "Countries that met"
    noun = "pair of countries"

    def known_labels(self, values):
        labels = {}
        for value in values:
            codes = value.upper().split("-")
            if len(codes) == 2 and codes[0] != codes[1] and all(c in countries for c in codes):
                labels[value] = " \u2013 ".join(countries.name(c) for c in sorted(codes))
        return labels

    def canonical(self, value):
        return pair_value(*value.split("-"))

    def narrow(self, queryset, values):
        condition = Q()
        for value in values:
            first, second = value.upper().split("-")
            condition |= Q(pk__in=Meeting.objects.between(first, second).values("pk"))
        return queryset.filter(condition)

    def counts(self, queryset):
        pairs = queryset.order_by().annotate(
            first=Least(delegation_country(1), delegation_country(2)),
            second=Greatest(delegation_country(1), delegation_country(2)),
        )
        rows = grouped(pairs, "first", "second")
        return by_count(
            [
                Choice(
                    pair_value(a, b),
                    f"{countries.name(a.upper())} \u2013 {countries.name(b.upper())}",
                    n,
                )
                for a, b, n in rows
                if a and b
            ]
        )


class MeetingOfficial(ModelFacet):
    name, title = "official", "Official"
    candidates = Person.objects.published()

    def narrow(self, queryset, values):
        from archive.models import Participation

        # A semi-join, not a join: a meeting two chosen officials attended is still one row
        # (DISTINCT did not keep the total and the histogram's counts from counting it twice).
        taking_part = Participation.objects.filter(person__slug__in=values)
        return queryset.filter(pk__in=taking_part.values("meeting_id"))

    def counts(self, queryset):
        from archive.models import Participation

        rows = grouped(
            Participation.objects.filter(meeting__in=queryset.order_by().values("pk")),
            "person__slug",
            "person__name",
            counted="meeting",
            distinct=True,
        )
        return by_count([Choice(slug, name, n) for slug, name, n in rows])


class MeetingIssue(IssueFacet):
    """Issues any public claim of the meeting is about."""

    def narrow(self, queryset, values):
        links = issue_links(values).filter(claim__is_public=True)
        return queryset.filter(pk__in=links.values("claim__meeting_id"))

    def counts(self, queryset):
        claims = Claim.objects.published().filter(meeting__in=queryset.order_by().values("pk"))
        return issue_counts(claims, "meeting_id")


class MeetingFormat(ChoicesFacet):
    name, title = "type", "Format"
    noun = "meeting format"
    choices = dict(Meeting.Format.choices)
    field = "format"


BOTH, NOT_BOTH = "both", "missing"


class MeetingAccounts(Facet):
    """Whether the archive has each side's own account (a report its government issued)."""

    name, title = "accounts", "Accounts of the meeting"
    noun = "choice of accounts"
    choices = {BOTH: "Reports from both sides", NOT_BOTH: "One side\u2019s account missing"}

    @staticmethod
    def has_both() -> Q:
        reports = Report.objects.published().filter(meeting=OuterRef("pk"))

        def issued_by_side(side: int) -> Exists:
            country = Delegation.objects.filter(meeting=OuterRef("meeting"), side=side)
            return Exists(reports.filter(issued_by=Subquery(country.values("country")[:1])))

        return issued_by_side(1) & issued_by_side(2)

    def known_labels(self, values):
        return {v: self.choices[v] for v in values if v in self.choices}

    def narrow(self, queryset, values):
        if set(values) >= {BOTH, NOT_BOTH}:
            return queryset
        return queryset.filter(self.has_both() if BOTH in values else ~self.has_both())

    def counts(self, queryset):
        rows = grouped(queryset.annotate(both=self.has_both()), "both")
        values = [(BOTH if both else NOT_BOTH, n) for both, n in rows]
        return by_count([Choice(value, self.choices[value], n) for value, n in values])
