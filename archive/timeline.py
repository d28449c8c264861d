"""Timelines of claims by month, drawn as SVG on the server (no JavaScript), with the same
numbers as a table for screen readers."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django_countries import countries

MAX_SERIES = 4  # the most frequent countries get a series each; the rest are "Other"
WIDTH, HEIGHT, BASE = 720, 160, 140
MIN_MONTHS = 12


@dataclass
class Bar:
    month: datetime.date
    counts: list[int]
    x: float = 0
    width: float = 0
    segments: list[tuple[str, float, float]] = field(default_factory=list)  # class, y, h

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def key(self) -> str:
        return f"{self.month:%Y-%m}"

    @property
    def label(self) -> str:
        return f"{self.month:%B %Y}"


@dataclass
class Timeline:
    series: list[tuple[str, str]]  # (label, CSS class): countries, other countries, joint
    bars: list[Bar]
    highest: int

    @property
    def first_label(self) -> str:
        return self.bars[0].label

    @property
    def last_label(self) -> str:
        return self.bars[-1].label

    @property
    def width(self) -> int:
        return WIDTH

    @property
    def height(self) -> int:
        return HEIGHT


def months_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(datetime.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def build(
    rows: Iterable[tuple],
    name: Callable[[object], str] = countries.name,
    rest: str = "Other countries",
    joint: str | None = "Both sides (joint)",
) -> Timeline | None:
    """From (month, series key, claims) rows to stacked bars: a series for each of the
    leading keys (countries by default; None is a joint claim), one for the rest, and one
    for joint claims."""
    rows = [(m.date() if isinstance(m, datetime.datetime) else m, k, n) for m, k, n in rows]
    if not rows:
        return None
    per_key: dict[object, int] = {}
    for _, key, claims in rows:
        if key is not None:
            per_key[key] = per_key.get(key, 0) + claims
    leading = sorted(per_key, key=lambda k: (-per_key[k], name(k)))[:MAX_SERIES]
    series = [(name(key), f"series-{i}") for i, key in enumerate(leading)]
    if len(per_key) > len(leading):
        series.append((rest, "series-other"))
    if joint:
        series.append((joint, "series-joint"))
    column = {key: i for i, key in enumerate(leading)}
    rest_column = len(leading)
    joint_column = len(series) - 1
    months = months_between(min(r[0] for r in rows), max(r[0] for r in rows))
    while len(months) < MIN_MONTHS:  # a year at least, so one busy month is not a wall
        previous = months[0] - datetime.timedelta(days=1)
        months.insert(0, previous.replace(day=1))
    bars = {month: Bar(month, [0] * len(series)) for month in months}
    for month, key, claims in rows:
        index = joint_column if key is None else column.get(key, rest_column)
        bars[month].counts[index] += claims
    ordered = [bars[m] for m in months]
    highest = max(bar.total for bar in ordered) or 1
    slot = WIDTH / len(ordered)
    for i, bar in enumerate(ordered):
        bar.x, bar.width = i * slot + slot * 0.1, max(slot * 0.8, 1)
        y = BASE
        for index, count in enumerate(bar.counts):
            if count:
                height = count / highest * (BASE - 10)
                y -= height
                bar.segments.append((series[index][1], round(y, 2), round(height, 2)))
    return Timeline(series, ordered, highest)
