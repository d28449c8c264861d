"""The filter sets of the claim and meeting listings (django-filter), with honest counts.

Each facet's counts are taken with every other active filter applied but not its own, so
choosing Taiwan still shows how many claims Hong Kong would add. The year and the from/to
range are one facet (the dates). The claims' counts come from the in-memory copy of their
facet values when the process has a current one (`archive/facet_index.py`); counts taken in
SQL are cached under the archive's `Revision`, which every editor's save moves on, so a
cached count is never stale.
"""

import datetime
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

import django_filters
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import QuerySet
from django.http import QueryDict

from archive import claim_counts, facet_index, facets
from archive.choices import Choice
from archive.facets import Facet
from archive.models import Claim, Issue, Meeting, Revision

if TYPE_CHECKING:
    from archive.search import FoundClaims

COUNTS_CACHE_SECONDS = 3600
MONTHS = "months"  # the monthly counts behind the dates facet and its histogram
DATES = "year"  # the facet that stands for all three date parameters
DATE_PARAMETERS = ("year", "from", "to")


class ValuesField(forms.Field):
    """A repeated parameter: its distinct, non-empty values, in the order given."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[str]:
        raw = value if isinstance(value, list | tuple) else [value] if value else []
        values: list[str] = []
        for item in raw:
            # NUL cannot reach PostgreSQL; such a value is simply unknown.
            item = str(item).replace("\x00", "\ufffd").strip()[: facets.MAX_VALUE_LENGTH]
            if item and item not in values:
                values.append(item)
        return values


class FacetFilter(django_filters.Filter):
    field_class = ValuesField

    def __init__(self, facet: Facet, **kwargs):
        super().__init__(field_name=facet.name, label=facet.title, **kwargs)
        self.facet = facet

    def filter(self, queryset, value):
        """`value`: the chosen values as the facet resolved them (Choice objects)."""
        return self.facet.narrow(queryset, self.facet.narrowing(value)) if value else queryset


class DateBoundField(forms.CharField):
    """A date written as 2021-03-18, 2021-03 or 2021; the end of a range takes the last day
    of the month or year it names. Cleans to (as written, with zeros where they belong;
    date)."""

    def __init__(self, *, end: bool, **kwargs):
        super().__init__(required=False, max_length=None, **kwargs)
        self.end = end

    def clean(self, value):
        text = (super().clean(value) or "").strip()
        if not text:
            return None
        for pattern, precision in (("%Y-%m-%d", "day"), ("%Y-%m", "month"), ("%Y", "year")):
            try:
                date = datetime.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
            # One spelling in links and the canonical URL: 2021-3-1 is 2021-03-01.
            text = date.strftime(pattern) if date.year >= 1000 else text
            if self.end and precision == "month":
                following = (date.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
                date = following - datetime.timedelta(days=1)
            elif self.end and precision == "year":
                date = date.replace(month=12, day=31)
            return (text, date)
        raise forms.ValidationError(
            f"\u201c{text[:30]}\u201d is not a date: write it as 2021-03-18, 2021-03 or 2021."
        )


class DateBoundFilter(django_filters.Filter):
    def __init__(self, field_name: str, *, end: bool):
        super().__init__(field_name=field_name, lookup_expr="lte" if end else "gte")
        self.end = end

    @property
    def field(self):
        if not hasattr(self, "_field"):
            self._field = DateBoundField(end=self.end, label="To" if self.end else "From")
        return self._field

    def filter(self, queryset, value):
        if not value:
            return queryset
        return queryset.filter(**{f"{self.field_name}__{self.lookup_expr}": value[1]})


def describe_bound(text: str) -> str:
    parts = text.split("-")
    date = datetime.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, 1)
    if len(parts) == 3:
        return f"{date:%B} {int(parts[2])}, {date.year}"
    return f"{date:%B %Y}" if len(parts) == 2 else parts[0]


class FacetedFilterSet(django_filters.FilterSet):
    """Reads the facets' values and the date range from the query string; what it cannot
    use it leaves out and explains in `problems` (never an error page)."""

    date_field = ""
    scope = ""  # names the listing in cache keys

    def __init__(
        self,
        data,
        queryset: QuerySet,
        restrict: Callable | None = None,
        key="",
        matches: "FoundClaims | None" = None,
    ):
        """`restrict` narrows every counted queryset further (a full-text match); `key`
        says how, for the cache; `matches` reads the ids `restrict` leaves and their
        relevance, for counting in memory (archive/facet_index.py)."""
        super().__init__(data=data, queryset=queryset)
        self.restrict = restrict or (lambda queryset: queryset)
        self.restrict_key = key
        self.matches = matches
        self.problems: list[str] = []
        self.chosen: dict[str, list[Choice]] = {}
        self.bounds: dict[str, tuple[str, datetime.date]] = {}
        self._counted: dict[str, list] = {}
        self.read()

    @property
    def facet_filters(self) -> dict[str, FacetFilter]:
        return {n: f for n, f in self.filters.items() if isinstance(f, FacetFilter)}

    def read(self) -> None:
        form = self.form
        form.is_valid()
        for errors in form.errors.values():
            self.problems.extend(f"{e} It is left out." for e in errors)
        for name, filter_ in self.facet_filters.items():
            values = form.cleaned_data.get(name) or []
            if not values:
                continue
            chosen, unknown = filter_.facet.resolve(values)
            # A bookmarked or subscribed filter keeps working after a rename.
            current = filter_.facet.current_slugs(unknown)
            if current:
                renamed, _ = filter_.facet.resolve(list(current.values()))
                chosen = list({c.value: c for c in chosen + renamed}.values())
                unknown = [value for value in unknown if value not in current]
            if chosen:
                self.chosen[name] = chosen
            for value in unknown:
                self.problems.append(
                    f"There is no {filter_.facet.noun or filter_.facet.title.lower()} "
                    f"\u201c{value}\u201d in the archive; it is left out."
                )
        for name in ("from", "to"):
            if form.cleaned_data.get(name):
                self.bounds[name] = form.cleaned_data[name]
        if "from" in self.bounds and "to" in self.bounds:
            first, last = self.bounds["to"][0], self.bounds["from"][0]
            if self.bounds["from"][1] > self.bounds["to"][1]:
                self.bounds = {"from": (first, start_of(first)), "to": (last, end_of(last))}
                self.problems.append(
                    "The date range ended before it started; the two dates were swapped."
                )

    def filter_queryset(self, queryset):
        return self.filtered(queryset)

    def filtered(self, queryset: QuerySet | None = None, skip: str = "") -> QuerySet:
        """The queryset with every active filter but `skip` (a facet's name)."""
        queryset = self.queryset.all() if queryset is None else queryset
        for name, choices in self.chosen.items():
            if name != skip and not (skip == DATES and name in DATE_PARAMETERS):
                queryset = self.filters[name].filter(queryset, choices)
        if skip != DATES:
            for name, bound in self.bounds.items():
                queryset = self.filters[name].filter(queryset, bound)
        return queryset

    # The state, for links and cache keys ------------------------------------------------

    def items(self, skip: str = "") -> list[tuple[str, str]]:
        """The active filters as sorted (parameter, value) pairs."""
        pairs = [
            (name, choice.value)
            for name, choices in self.chosen.items()
            if name != skip and not (skip == DATES and name in DATE_PARAMETERS)
            for choice in choices
        ]
        if skip != DATES:
            pairs += [(name, text) for name, (text, _) in self.bounds.items()]
        return sorted(pairs)

    @property
    def is_active(self) -> bool:
        return bool(self.chosen or self.bounds)

    def cache_key(self, what: str, skip: str = "") -> str:
        state = repr((self.scope, what, self.restrict_key, self.items(skip)))
        digest = hashlib.sha256(state.encode()).hexdigest()[:32]
        return f"counts:{self.revision}:{digest}"

    @property
    def revision(self) -> int:
        if not hasattr(self, "_revision"):
            self._revision = Revision.current()
        return self._revision

    # Counts -------------------------------------------------------------------------------

    def total(self) -> int:
        """How many records the listing holds. Without a date filter, the sum of the monthly
        counts, which are counted with the facets anyway (every record has a date);
        otherwise a count, cached like the facet counts."""
        counter = self.counter()
        if counter is not None:
            return self.counted_in_memory(counter, "total")
        if not any(name in DATE_PARAMETERS for name, _ in self.items()):
            names = [name for name in self.facet_filters if name != DATES]
            return sum(n for _, n in self.counted([*names, MONTHS])[MONTHS])
        key = self.cache_key("total")
        total = cache.get(key)
        if total is None:
            total = self.restrict(self.filtered()).count()
            cache.set(key, total, COUNTS_CACHE_SECONDS)
        return total

    def facet_counts(self, top: int | None = None, whole: str = "") -> dict[str, "Counted"]:
        """Each facet's values with the records each would leave, most first: the first
        `top` (all of them for the facet named `whole`, or when `top` is None) and every
        chosen value, marked, even when it has no records left."""
        names = [name for name in self.facet_filters if name != DATES]
        found = self.counted([*names, MONTHS])
        counts = {}
        for name in names:
            rows = found[name]
            shown = rows if top is None or name == whole else rows[:top]
            counts[name] = Counted(
                mark_chosen(shown, rows, self.chosen.get(name, [])), len(rows) - len(shown)
            )
        return counts

    def monthly_counts(self) -> list[tuple[datetime.date, int]]:
        """Records per month with every filter but the dates: the histogram and the years."""
        return self.counted([MONTHS])[MONTHS]

    def counted(self, names: list[str]) -> dict[str, list]:
        """Rows of each named facet ((value, label, records), most first) or of MONTHS
        ((first day, records)): from the in-memory copy when there is a current one (see
        `counter`), else from the cache or counted in SQL, the facets whose counts share one
        set of filters (all those without a filter of their own) in one pass."""
        found = {name: self._counted[name] for name in names if name in self._counted}
        wanted = [name for name in names if name not in found]
        counter = self.counter() if wanted else None
        if counter is not None:  # in memory: cheaper than even the cache's round trip
            found |= {name: self.counted_in_memory(counter, name) for name in wanted}
            wanted = []
        missing: dict[tuple, list[tuple[str, str]]] = {}
        for name in wanted:
            skip = DATES if name == MONTHS else name
            key = self.cache_key(name, skip=skip)
            rows = cache.get(key)
            if rows is None:
                missing.setdefault(tuple(self.items(skip)), []).append((name, key))
            else:
                found[name] = rows
        for state, group in missing.items():
            first = group[0][0]
            base = self.restrict(self.filtered(skip=DATES if first == MONTHS else first))
            everything = not state and not self.restrict_key
            counted = self.count_together(base, [name for name, _ in group], everything)
            for name, key in group:
                rows = counted[name]
                if name != MONTHS:
                    # Plain tuples: unpickled on every page, they cost a tenth of dataclasses.
                    rows = [(c.value, c.label, c.count) for c in rows]
                cache.set(key, rows, COUNTS_CACHE_SECONDS)
                found[name] = rows
        self._counted.update(found)
        return found

    def counter(self) -> facet_index.Counter | None:
        """Counts from memory, when the listing has a current copy there (claims do)."""
        return None

    def counted_in_memory(self, counter: facet_index.Counter, name: str):
        """A facet's rows, MONTHS or the "total", kept with the copy under the filters they
        depend on (so choosing a value reuses its own facet's counts)."""
        skip = DATES if name == MONTHS else "" if name == "total" else name
        key = (self.scope, self.restrict_key, tuple(self.items(skip)), name)
        return counter.columns.remember(key, partial(counter.counts, name))

    def count_together(
        self, queryset: QuerySet, names: list[str], everything: bool = False
    ) -> dict[str, list]:
        """Count the named facets over one queryset (a query each; see ClaimFilter).
        `everything`: the queryset is the whole unfiltered listing."""
        counted = {}
        for name in names:
            if name == MONTHS:
                counted[name] = self.filters[DATES].facet.monthly_counts(queryset)
            else:
                counted[name] = self.filters[name].facet.counts(queryset)
        return counted

    def chips(self) -> list[tuple[str, str, str]]:
        """(facet title, value label, parameter, value) for each active filter."""
        chips = []
        for name, choices in self.chosen.items():
            title = self.filters[name].facet.title
            chips += [(title, c.label, name, c.value) for c in choices]
        for name, (text, _) in self.bounds.items():
            chips.append(("From" if name == "from" else "To", describe_bound(text), name, text))
        return chips


def start_of(text: str) -> datetime.date:
    return DateBoundField(end=False).clean(text)[1]


def end_of(text: str) -> datetime.date:
    return DateBoundField(end=True).clean(text)[1]


@dataclass
class Counted:
    choices: list[Choice]
    hidden: int  # values left out of `choices` (the "more" link shows them)


def mark_chosen(shown: list[tuple], rows: list[tuple], chosen: list[Choice]) -> list[Choice]:
    """Choices for the `shown` rows, then for chosen values further down `rows` (or with no
    records at all: count 0), each chosen one marked."""
    values = {c.value for c in chosen}
    marked = [Choice(v, label, n, v in values) for v, label, n in shown]
    missing = values - {c.value for c in marked}
    if missing:
        counts = {v: n for v, _, n in rows if v in missing}
        marked += [
            Choice(c.value, c.label, counts.get(c.value, 0), True)
            for c in chosen
            if c.value in missing
        ]
    return marked


class ClaimFilter(FacetedFilterSet):
    scope = "claims"
    date_field = "meeting_date"

    issue = FacetFilter(facets.ClaimIssue())
    official = FacetFilter(facets.ClaimOfficial())
    country = FacetFilter(facets.ClaimCountry())
    meeting = FacetFilter(facets.ClaimMeeting())
    kind = FacetFilter(facets.ClaimKind())
    publisher = FacetFilter(facets.ClaimPublisher())
    year = FacetFilter(facets.Year("meeting_date"))

    class Meta:
        model = Claim
        fields: list[str] = []

    def counter(self):
        if not hasattr(self, "_counter"):
            self._counter = None
            searched = bool(self.restrict_key)
            if settings.FACET_INDEX and (self.matches or not searched):
                columns = facet_index.current(self.revision)
                if columns is not None:
                    bounds = {name: date for name, (_, date) in self.bounds.items()}
                    matched = self.matches if searched else None
                    self._counter = facet_index.Counter(
                        columns, self.chosen, bounds, matched, found_key=self.restrict_key
                    )
        return self._counter

    def count_together(self, queryset, names, everything=False):
        """All of them in one statement, the claims selected once (archive/claim_counts.py),
        except for every claim on PostgreSQL: there a statement per facet, each an
        index-only scan, beats materialising a million claims (1.7 s against 4.8 s)."""
        together = not (everything and connection.vendor == "postgresql")
        return claim_counts.count(queryset, names, together=together)


class MeetingFilter(FacetedFilterSet):
    scope = "meetings"
    date_field = "start_date"

    country = FacetFilter(facets.MeetingCountry())
    pair = FacetFilter(facets.MeetingPair())
    official = FacetFilter(facets.MeetingOfficial())
    issue = FacetFilter(facets.MeetingIssue())
    type = FacetFilter(facets.MeetingFormat())  # `format` names the export format
    accounts = FacetFilter(facets.MeetingAccounts())
    year = FacetFilter(facets.Year("start_date"))

    class Meta:
        model = Meeting
        fields: list[str] = []


# `from` is a Python keyword, so the range's filters are added by name.
for filter_set in (ClaimFilter, MeetingFilter):
    filter_set.base_filters["from"] = DateBoundFilter(filter_set.date_field, end=False)
    filter_set.base_filters["to"] = DateBoundFilter(filter_set.date_field, end=True)


def with_claim_counts(issues: Iterable[Issue]) -> list[Issue]:
    """The issues, each with `claim_count`: its published claims and its narrower issues',
    each claim once, as its own page and the claims listing's issue facet count them. They
    are that facet's unfiltered counts, kept with the copy of the facet values or in the
    cache (`archive/recount.py` primes both after a save): a count per issue in SQL took
    30 s at a million claims."""
    unfiltered = ClaimFilter(QueryDict(""), queryset=Claim.objects.published())
    counts = {slug: records for slug, _, records in unfiltered.counted(["issue"])["issue"]}
    issues = list(issues)
    for issue in issues:
        issue.claim_count = counts.get(issue.slug, 0)
    return issues


def most_discussed(issues: Iterable[Issue]) -> list[Issue]:
    return sorted(with_claim_counts(issues), key=lambda issue: (-issue.claim_count, issue.name))
