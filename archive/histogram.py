"""The dates facet drawn as a histogram (SVG on the server): results by year, or by month when
the span is under three years; each bar links to the listing narrowed to it."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from archive.timeline import months_between

WIDTH, HEIGHT, BASE = 720, 120, 100
MONTHS_FOR_YEARS = 36
MIN_BARS = 12  # a year of months at least, so that one busy month is not a wall


@dataclass
class Bar:
    label: str
    count: int
    url: str
    selected: bool
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0


@dataclass
class Histogram:
    by: str  # "year" or "month"
    bars: list[Bar]
    highest: int
    width: int = WIDTH
    height: int = HEIGHT
    base: int = BASE

    @property
    def first_label(self) -> str:
        return self.bars[0].label

    @property
    def last_label(self) -> str:
        return self.bars[-1].label


def padded(
    months: list[datetime.date], start: datetime.date | None, end: datetime.date | None
) -> list[datetime.date]:
    """Empty months around the span up to MIN_BARS, earlier ones first, within the range."""
    months = list(months)
    while len(months) < MIN_BARS:
        earlier = (months[0] - datetime.timedelta(days=1)).replace(day=1)
        later = (months[-1] + datetime.timedelta(days=32)).replace(day=1)
        if start is None or earlier >= start.replace(day=1):
            months.insert(0, earlier)
        elif end is None or later <= end:
            months.append(later)
        else:
            break
    return months


def build(
    months: list[tuple[datetime.date, int]],
    start: datetime.date | None,
    end: datetime.date | None,
    years: set[int],
    url_for_year: Callable[[int], str],
    url_for_month: Callable[[datetime.date], str],
) -> Histogram | None:
    """`months`: (first day, records) rows counted without the date filters; `start`, `end`
    and `years` are the chosen dates, which bound the span drawn and mark bars selected."""
    rows = [(m, n) for m, n in months if (start is None or m >= start.replace(day=1))]
    rows = [(m, n) for m, n in rows if end is None or m <= end]
    if years:
        rows = [(m, n) for m, n in rows if m.year in years]
    if not rows:
        return None
    first, last = rows[0][0], rows[-1][0]
    per_month = dict(rows)
    span = months_between(first, last)
    if len(span) < MONTHS_FOR_YEARS:
        span = padded(span, start, end)

    def chosen(day_from: datetime.date, day_to: datetime.date) -> bool:
        inside_range = (start is None or day_to >= start) and (end is None or day_from <= end)
        return (start or end or years) and inside_range and (not years or day_from.year in years)

    if len(span) >= MONTHS_FOR_YEARS:
        by = "year"
        bars = []
        for year in range(first.year, last.year + 1):
            count = sum(n for m, n in rows if m.year == year)
            bars.append(
                Bar(
                    str(year),
                    count,
                    url_for_year(year),
                    bool(chosen(datetime.date(year, 1, 1), datetime.date(year, 12, 31))),
                )
            )
    else:
        by = "month"
        bars = []
        for month in span:
            following = (month + datetime.timedelta(days=32)).replace(day=1)
            bars.append(
                Bar(
                    f"{month:%B %Y}",
                    per_month.get(month, 0),
                    url_for_month(month),
                    bool(chosen(month, following - datetime.timedelta(days=1))),
                )
            )
    highest = max(bar.count for bar in bars) or 1
    slot = WIDTH / len(bars)
    for i, bar in enumerate(bars):
        bar.x, bar.width = round(i * slot + slot * 0.1, 2), round(max(slot * 0.8, 1), 2)
        bar.height = round(bar.count / highest * (BASE - 8), 2)
        bar.y = round(BASE - bar.height, 2)
    return Histogram(by, bars, highest)
