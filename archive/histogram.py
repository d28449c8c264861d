"""The dates facet drawn as a histogram: results by year, or by month when the span is under
three years; each bar links to the listing narrowed to it. The axes and the drawing are
archive/charts.py's; this module decides the bars."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from archive import charts
from archive.charts import month_after, month_before, months_between

MONTHS_FOR_YEARS = 36
MIN_BARS = 12  # a year of months at least, so that one busy month is not a wall


@dataclass
class Bar(charts.OnTheTimeAxis):
    period: charts.Period
    count: int
    url: str
    selected: bool
    y: float = 0
    height: float = 0


@dataclass
class Histogram:
    bars: list[Bar]
    time_axis: charts.TimeAxis
    count_axis: charts.CountAxis

    @property
    def by(self) -> str:
        return self.time_axis.by

    @property
    def highest(self) -> int:
        return max(bar.count for bar in self.bars)

    @property
    def first_label(self) -> str:
        return self.time_axis.first_label

    @property
    def last_label(self) -> str:
        return self.time_axis.last_label


def padded(
    months: list[datetime.date], start: datetime.date | None, end: datetime.date | None
) -> list[datetime.date]:
    """Empty months around the span up to MIN_BARS, earlier ones first, within the range."""
    months = list(months)
    while len(months) < MIN_BARS:
        earlier, later = month_before(months[0]), month_after(months[-1])
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
    """`months`: (first day, records) rows counted without the date filters, each record
    once; `start`, `end` and `years` are the chosen dates, which bound the span drawn and
    mark bars selected."""
    rows = [(m, n) for m, n in months if (start is None or m >= start.replace(day=1))]
    rows = [(m, n) for m, n in rows if end is None or m <= end]
    if years:
        rows = [(m, n) for m, n in rows if m.year in years]
    if not rows:
        return None
    first, last = rows[0][0], rows[-1][0]
    span = months_between(first, last)
    if len(span) < MONTHS_FOR_YEARS:
        low, high = start, end
        if years:  # they bound the padding as a range does: 2021 alone is drawn as its months
            low = max(low or datetime.date.min, datetime.date(min(years), 1, 1))
            high = min(high or datetime.date.max, datetime.date(max(years), 12, 31))
        span = padded(span, low, high)

    def chosen(day_from: datetime.date, day_to: datetime.date) -> bool:
        inside_range = (start is None or day_to >= start) and (end is None or day_from <= end)
        return (
            bool(start or end or years) and inside_range and (not years or day_from.year in years)
        )

    if len(span) >= MONTHS_FOR_YEARS:
        per_year: dict[int, int] = {}
        for month, count in rows:
            per_year[month.year] = per_year.get(month.year, 0) + count
        axis = charts.time_axis(
            [datetime.date(year, 1, 1) for year in range(first.year, last.year + 1)], "year"
        )
        bars = [
            Bar(
                period,
                per_year.get(period.start.year, 0),
                url_for_year(period.start.year),
                chosen(period.start, period.start.replace(month=12, day=31)),
            )
            for period in axis.periods
        ]
    else:
        per_month = dict(rows)
        axis = charts.time_axis(span, "month")
        bars = [
            Bar(
                period,
                per_month.get(period.start, 0),
                url_for_month(period.start),
                chosen(period.start, month_after(period.start) - datetime.timedelta(days=1)),
            )
            for period in axis.periods
        ]
    scale = charts.count_axis(max(bar.count for bar in bars))
    for bar in bars:
        bar.y, bar.height = scale.y(bar.count), scale.height(bar.count)
    return Histogram(bars, axis, scale)
