"""What the date histogram and the timelines share: bars in equal slots along a time axis of
months or years, against a count axis with a few round ticks.

The bars are SVG placed in percentages of the plot's box (no viewBox: nothing is stretched,
so hatching stays even on a phone); every word (the axes' labels, the legend) is HTML around
the plot. The HTML rows line up with the bars because both divide the same width into the
same number of equal slots."""

import datetime
import math
from dataclasses import dataclass, field

WIDTH = HEIGHT = 100  # geometry is in percentages of the plot's width and height
BAR_SHARE = 0.8  # of its slot; the rest is the gap between bars
NICE_STEPS = (1, 2, 5)  # count ticks fall on multiples of 1, 2 or 5 times a power of ten
MOST_COUNT_INTERVALS = 4
# The most labels a time axis shows, on a wide screen and on a phone (see archive.css).
WIDE_LABELS, NARROW_LABELS = 12, 5
YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)


def months_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """The first day of each month from `first`'s to `last`'s, both included."""
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(datetime.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_before(month: datetime.date) -> datetime.date:
    return (month - datetime.timedelta(days=1)).replace(day=1)


def month_after(month: datetime.date) -> datetime.date:
    return (month.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


@dataclass
class CountAxis:
    """A scale from 0 to `top`, a round number at or above the highest bar, with a tick at
    each multiple of `step`: the ticks share the height equally, so the labels beside the
    plot are spaced by CSS alone."""

    top: int
    step: int

    @property
    def ticks(self) -> list[int]:
        """From the top down to 0, as the labels read beside the plot."""
        return list(range(self.top, -1, -self.step))

    @property
    def gridlines(self) -> list[float]:
        """How far down the plot (in %) each tick but 0 is; 0 is the plot's base."""
        return [self.y(tick) for tick in self.ticks[:-1]]

    def height(self, count: int) -> float:
        return round(count / self.top * HEIGHT, 2)

    def y(self, count: int) -> float:
        return round(HEIGHT - count / self.top * HEIGHT, 2)


def count_axis(highest: int) -> CountAxis:
    """The smallest round step that covers `highest` in at most MOST_COUNT_INTERVALS ticks
    above 0: 7 is drawn against 0, 2, 4, 6, 8; 70 against 0, 20, 40, 60, 80."""
    highest = max(highest, 1)
    power = 1
    while True:
        for nice in NICE_STEPS:
            step = nice * power
            intervals = math.ceil(highest / step)
            if intervals <= MOST_COUNT_INTERVALS:
                return CountAxis(top=intervals * step, step=step)
        power *= 10


@dataclass
class Period:
    """One slot of the time axis: a month or a year."""

    start: datetime.date
    by: str  # "month" or "year"
    x: float = 0
    width: float = 0
    tick: str = ""  # its text on the axis, when it has one
    shown: str = ""  # CSS classes: "wide", "narrow", both, or none (where the tick is shown)

    @property
    def label(self) -> str:
        return f"{self.start:%B %Y}" if self.by == "month" else str(self.start.year)

    @property
    def key(self) -> str:
        return f"{self.start:%Y-%m}" if self.by == "month" else str(self.start.year)


class OnTheTimeAxis:
    """A bar's place and name, read from the period it stands on (a subclass is a dataclass
    with a `period` field)."""

    period: Period

    @property
    def key(self) -> str:
        return self.period.key

    @property
    def label(self) -> str:
        return self.period.label

    @property
    def x(self) -> float:
        return self.period.x

    @property
    def width(self) -> float:
        return self.period.width


@dataclass
class YearSpan:
    """The months of one year on a month axis, labelled once under them."""

    year: int
    months: int
    shown: str = ""  # as Period.shown


@dataclass
class TimeAxis:
    by: str  # "month" or "year"
    periods: list[Period]
    years: list[YearSpan] = field(default_factory=list)  # month axes only

    @property
    def first_label(self) -> str:
        return self.periods[0].label

    @property
    def last_label(self) -> str:
        return self.periods[-1].label


def time_axis(starts: list[datetime.date], by: str) -> TimeAxis:
    """Slots for `starts` (first days of consecutive months or years), placed across WIDTH,
    with the ticks each screen has room for: on a year axis, the years that are multiples
    of a round step; on a month axis, the months' abbreviations (each month, or each
    quarter's first) while there is room for them, above a row of years."""
    periods = [Period(start, by) for start in starts]
    slot = WIDTH / len(periods)
    for i, period in enumerate(periods):
        period.x = round(i * slot + slot * (1 - BAR_SHARE) / 2, 3)
        period.width = round(slot * BAR_SHARE, 3)
    if by == "year":
        for period in periods:
            period.tick = str(period.start.year)
            period.shown = shown_on(period.start.year, len(periods))
        return TimeAxis(by, periods)
    count = len(periods)
    for period in periods:
        quarter = period.start.month % 3 == 1
        shown = []
        if count <= 12 or (quarter and count <= 48):
            shown.append("wide")
        if quarter and count <= 24:
            shown.append("narrow")
        period.tick, period.shown = f"{period.start:%b}", " ".join(shown)
    years: list[YearSpan] = []
    for period in periods:
        if years and years[-1].year == period.start.year:
            years[-1].months += 1
        else:
            years.append(YearSpan(period.start.year, 1))
    for screen, most, share in (("wide", WIDE_LABELS, 16), ("narrow", NARROW_LABELS, 8)):
        step = year_step(len(years), most)
        labelled = [i for i, span in enumerate(years) if span.year % step == 0]
        for i, following in zip(labelled, [*labelled[1:], len(years)], strict=True):
            # A label runs on over the years after it that have none; it needs about a
            # sixteenth of a wide plot, an eighth of a phone's.
            if sum(span.months for span in years[i:following]) * share >= count:
                years[i].shown = f"{years[i].shown} {screen}".strip()
    return TimeAxis(by, periods, years)


def shown_on(year: int, years: int) -> str:
    """Where a year's label is shown ("wide", "narrow": CSS classes) on an axis of `years`
    years: the multiples of the round step that leaves room for the labels."""
    screens = (("wide", WIDE_LABELS), ("narrow", NARROW_LABELS))
    return " ".join(name for name, most in screens if year % year_step(years, most) == 0)


def year_step(years: int, most: int) -> int:
    """The smallest round step that labels at most `most` of `years` consecutive years."""
    return next((s for s in YEAR_STEPS if math.ceil(years / s) <= most), YEAR_STEPS[-1])
