"""Timelines of claims by month: stacked bars with a series for each leading country (or
issue), the same numbers as a table for screen readers. Each claim is in one series only, so
a bar's height is its month's claims, each counted once. The axes and the drawing are
archive/charts.py's; this module decides the series."""

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django_countries import countries

from archive import charts

MAX_SERIES = 4  # the most frequent keys get a series each; the rest share one
MIN_MONTHS = 12
ISSUES_NOTE = (
    "A claim on several issues is counted once, under the first of them in this list; "
    "the table below gives the same numbers."
)


@dataclass
class Segment:
    css: str
    y: float
    height: float


@dataclass
class Bar(charts.OnTheTimeAxis):
    period: charts.Period
    counts: list[int]
    segments: list[Segment] = field(default_factory=list)  # from the base up
    parts: str = ""  # the claims of each series, in words: "China 3, Other countries 1"

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def month(self) -> datetime.date:
        return self.period.start


@dataclass
class Timeline:
    series: list[tuple[str, str]]  # (label, CSS class), from the base of a bar up
    bars: list[Bar]
    time_axis: charts.TimeAxis
    count_axis: charts.CountAxis
    note: str = ""  # how the series divide the claims, when that needs saying

    @property
    def highest(self) -> int:
        return max(bar.total for bar in self.bars)

    @property
    def first_label(self) -> str:
        return self.time_axis.first_label

    @property
    def last_label(self) -> str:
        return self.time_axis.last_label


def build(
    rows: Iterable[tuple],
    name: Callable[[object], str | None] = countries.name,
    rest: str = "Other countries",
    joint: str | None = "Both sides (joint)",
    keys: Sequence | None = None,
    note: str = "",
) -> Timeline | None:
    """From (month, series key, claims) rows, each claim in one row, to stacked bars: a
    series for each of `keys` that has claims (by default the leading keys: countries, most
    claims first), one for the rest, and one for joint claims (key None); without `joint`,
    None is one of the rest."""
    rows = [(m.date() if isinstance(m, datetime.datetime) else m, k, n) for m, k, n in rows]
    if not rows:
        return None
    if keys is None:
        per_key: dict[object, int] = {}
        for _, key, claims in rows:
            if key is not None:
                per_key[key] = per_key.get(key, 0) + claims
        keys = sorted(per_key, key=lambda k: (-per_key[k], name(k) or ""))[:MAX_SERIES]
    else:  # a key whose claims all went to earlier keys has no series
        keys = [key for key in keys if any(k == key and n for _, k, n in rows)]
    column = {key: i for i, key in enumerate(keys)}
    series = [(name(key) or str(key), f"series-{i}") for i, key in enumerate(keys)]
    if any(key not in column and (key is not None or not joint) for _, key, _ in rows):
        series.append((rest, "series-other"))
    if joint:
        series.append((joint, "series-joint"))
    rest_column = len(keys)
    joint_column = len(series) - 1
    months = charts.months_between(min(r[0] for r in rows), max(r[0] for r in rows))
    while len(months) < MIN_MONTHS:  # a year at least, so one busy month is not a wall
        months.insert(0, charts.month_before(months[0]))
    axis = charts.time_axis(months, "month")
    bars = {period.start: Bar(period, [0] * len(series)) for period in axis.periods}
    for month, key, claims in rows:
        index = joint_column if key is None and joint else column.get(key, rest_column)
        bars[month].counts[index] += claims
    ordered = [bars[period.start] for period in axis.periods]
    scale = charts.count_axis(max(bar.total for bar in ordered))
    for bar in ordered:
        below, parts = 0, []
        for (label, css), count in zip(series, bar.counts, strict=True):
            if count:
                below += count
                bar.segments.append(Segment(css, scale.y(below), scale.height(count)))
                parts.append(f"{label} {count}")
        bar.parts = ", ".join(parts)
    return Timeline(series, ordered, axis, scale, note)


def by_issue(rows: Iterable[tuple], names: dict[int, str]) -> Timeline | None:
    """From ClaimQuerySet.monthly_counts_by_issue(list(names)) rows: a series for each issue
    of `names` (leading issues, in order), one for the claims on none of them."""
    return build(
        rows, name=names.get, rest="Other issues", joint=None, keys=list(names), note=ISSUES_NOTE
    )
