"""The facets and date range a listing (claims, meetings, search results) is narrowed by,
read from the query string through a form, and what they leave: the total, a page of ids in
order, and each facet's counts with every other filter applied but not its own (choosing
Taiwan still shows how many claims Hong Kong would add). The year and the from/to range are
one facet (the dates).

All of it is taken from this process's in-memory tables (`archive/facet_index.py`, brought to
the archive's current revision by `archive/facet_tables.py`): what a value selects is written
there once, and the database is asked only for the records a page shows.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, partial

from django import forms
from django.http import QueryDict

from archive import facet_tables, facets
from archive.choices import Choice
from archive.facet_index import Counter, Matches, Table
from archive.facets import Facet
from archive.models import Issue

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


def first_value(data: QueryDict, name: str) -> str | None:
    """A single-valued parameter's first value, as the listings' message about a repeated
    one says (QueryDict.get gives the last)."""
    values = data.getlist(name)
    return values[0] if values else None


class FirstValue(forms.TextInput):
    """The widget of a single-valued parameter: its first value."""

    def value_from_datadict(self, data, files, name: str) -> str | None:
        return first_value(data, name)


class DateBoundField(forms.CharField):
    """A date written as 2021-03-18, 2021-03 or 2021; the end of a range takes the last day
    of the month or year it names. Cleans to (as written, with zeros where they belong;
    date)."""

    def __init__(self, *, end: bool, **kwargs):
        super().__init__(required=False, max_length=None, widget=FirstValue, **kwargs)
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


def describe_bound(text: str) -> str:
    parts = text.split("-")
    date = datetime.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, 1)
    if len(parts) == 3:
        return f"{date:%B} {int(parts[2])}, {date.year}"
    return f"{date:%B %Y}" if len(parts) == 2 else parts[0]


class FacetForm(forms.Form):
    """The listing's facets (each a repeated parameter) and its date range."""

    def __init__(self, data: QueryDict, facet_names: Iterable[str]):
        super().__init__(data)
        for name in facet_names:
            self.fields[name] = ValuesField(required=False)
        self.fields["from"] = DateBoundField(end=False, label="From")
        self.fields["to"] = DateBoundField(end=True, label="To")


class FacetedFilterSet:
    """Reads the facets' values and the date range from the query string; what it cannot
    use it leaves out and explains in `problems` (never an error page). `matches` is what a
    full-text search found (None: no search), `key` the search as a key for what the tables
    remember of it, `ranked` whether its results are ordered by relevance."""

    facets: dict[str, Facet] = {}
    table = ""  # the Copy's table: "claims" or "meetings"

    def __init__(
        self,
        data: QueryDict,
        matches: Matches | None = None,
        key: str = "",
        ranked: bool = True,
    ):
        self.form = FacetForm(data, self.facets)
        self.matches = matches
        self.key = key
        self.ranked = ranked
        self.problems: list[str] = []
        self.chosen: dict[str, list[Choice]] = {}
        self.bounds: dict[str, tuple[str, datetime.date]] = {}
        self.read()

    def read(self) -> None:
        form = self.form
        form.is_valid()
        for errors in form.errors.values():
            self.problems.extend(f"{e} It is left out." for e in errors)
        for name, facet in self.facets.items():
            values = form.cleaned_data.get(name) or []
            if not values:
                continue
            chosen, unknown = facet.resolve(values)
            # A bookmarked or subscribed filter keeps working after a rename.
            current = facet.current_slugs(unknown)
            if current:
                renamed, _ = facet.resolve(list(current.values()))
                chosen = list({c.value: c for c in chosen + renamed}.values())
                unknown = [value for value in unknown if value not in current]
            if chosen:
                self.chosen[name] = chosen
            for value in unknown:
                self.problems.append(
                    f"There is no {facet.noun or facet.title.lower()} "
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

    # The state, for links ----------------------------------------------------------------

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

    # What the filters leave ---------------------------------------------------------------

    @cached_property
    def counter(self) -> Counter:
        table: Table = getattr(facet_tables.current(), self.table)
        bounds = {name: date for name, (_, date) in self.bounds.items()}
        counter = Counter(table, self.chosen, bounds, self.matches, found_key=self.key)
        counter.ranked = self.ranked
        return counter

    def ids(self, order: str, offset: int = 0, limit: int | None = None) -> list[int]:
        """The selected records' ids in `order` (a listing's sort, or "relevance" for a
        search), from `offset`, `limit` of them (all when None)."""
        return self.counter.ordered_ids(order, offset, limit)

    def total(self) -> int:
        """How many records the listing holds."""
        return self.counted("total")

    def facet_counts(self, top: int | None = None, whole: str = "") -> dict[str, "Counted"]:
        """Each facet's values with the records each would leave, most first: the first
        `top` (all of them for the facet named `whole`, or when `top` is None) and every
        chosen value, marked, even when it has no records left."""
        counts = {}
        for name in self.facets:
            if name == DATES:
                continue
            rows = self.counted(name)
            shown = rows if top is None or name == whole else rows[:top]
            counts[name] = Counted(
                mark_chosen(shown, rows, self.chosen.get(name, [])), len(rows) - len(shown)
            )
        return counts

    def monthly_counts(self) -> list[tuple[datetime.date, int]]:
        """Records per month with every filter but the dates: the histogram and the years."""
        return self.counted(MONTHS)

    def counted(self, name: str):
        """A facet's rows ((value, label, records), most first), MONTHS or the "total",
        kept with the table under the filters they depend on (so choosing a value reuses
        its own facet's counts, and paging a search its counts)."""
        counter = self.counter
        if name.startswith(f"{MONTHS} by "):
            key = (self.key, tuple(self.items(DATES)), name, counter.ranked)
            by = name.removeprefix(f"{MONTHS} by ")
            return counter.table.remember(key, partial(counter.months_by, by))
        skip = DATES if name == MONTHS else "" if name == "total" else name
        key = (self.key, tuple(self.items(skip)), name, counter.ranked)
        return counter.table.remember(key, partial(counter.counts, name))

    def monthly_counts_by(self, name: str) -> list[tuple[datetime.date, str, int]]:
        """(month, value of the facet `name`, records) with every filter but the dates."""
        return self.counted(f"{MONTHS} by {name}")

    def records_by_value(self, name: str) -> dict[str, int]:
        """A facet's counts by value (for pages that show a few records' counts)."""
        key = (self.key, tuple(self.items(name)), name, "by value")
        rows = self.counted(name)
        return self.counter.table.remember(key, lambda: {v: n for v, _, n in rows})

    def chips(self) -> list[tuple[str, str, str, str]]:
        """(facet title, value label, parameter, value) for each active filter."""
        chips = []
        for name, choices in self.chosen.items():
            chips += [(self.facets[name].title, c.label, name, c.value) for c in choices]
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
    table = "claims"
    facets = {
        facet.name: facet
        for facet in (
            facets.ClaimIssue(),
            facets.ClaimOfficial(),
            facets.ClaimCountry(),
            facets.ClaimMeeting(),
            facets.ClaimKind(),
            facets.ClaimPublisher(),
            facets.Year(),
        )
    }


class MeetingFilter(FacetedFilterSet):
    table = "meetings"
    facets = {
        facet.name: facet
        for facet in (
            facets.MeetingCountry(),
            facets.MeetingPair(),
            facets.MeetingOfficial(),
            facets.MeetingIssue(),
            facets.MeetingFormat(),  # `type`: `format` names the export format
            facets.MeetingAccounts(),
            facets.Year(),
        )
    }


def with_claim_counts(issues: Iterable[Issue]) -> list[Issue]:
    """The issues, each with `claim_count`: its published claims and its narrower issues',
    each claim once, as its own page and the claims listing's issue facet count them: that
    facet's unfiltered counts."""
    unfiltered = ClaimFilter(QueryDict(""))
    counts = {slug: records for slug, _, records in unfiltered.counted("issue")}
    issues = list(issues)
    for issue in issues:
        issue.claim_count = counts.get(issue.slug, 0)
    return issues


def most_discussed(issues: Iterable[Issue]) -> list[Issue]:
    return sorted(with_claim_counts(issues), key=lambda issue: (-issue.claim_count, issue.name))
