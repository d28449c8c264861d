"""Timelines of claims by month, drawn as SVG on the server (no JavaScript), with the same
numbers as a table for screen readers."""

import datetime
from collections.abc import Iterable
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


def build(rows: Iterable[tuple]) -> Timeline | None:
    """From (month, country code or None for joint, claims) rows to bars with a series per
    leading country, "Other" countries, and joint claims."""
    rows = [(m.date() if isinstance(m, datetime.datetime) else m, c, n) for m, c, n in rows]
    if not rows:
        return None
    per_country: dict[str, int] = {}
    for _, country, claims in rows:
        if country:
            per_country[country] = per_country.get(country, 0) + claims
    leading = sorted(per_country, key=lambda c: (-per_country[c], c))[:MAX_SERIES]
    others = len(per_country) > len(leading)
    series = [(countries.name(c), f"series-{i}") for i, c in enumerate(leading)]
    if others:
        series.append(("Other countries", "series-other"))
    series.append(("Both sides (joint)", "series-joint"))
    column = {code: i for i, code in enumerate(leading)}
    months = months_between(min(r[0] for r in rows), max(r[0] for r in rows))
    while len(months) < MIN_MONTHS:  # a year at least, so one busy month is not a wall
        previous = months[0] - datetime.timedelta(days=1)
        months.insert(0, previous.replace(day=1))
    bars = {month: Bar(month, [0] * len(series)) for month in months}
    for month, country, claims in rows:
        joint, other = len(series) - 1, len(series) - 2
        bars[month].counts[joint if country is None else column.get(country, other)] += claims
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
