"""Charts of counts over time, drawn on the server: the dates facet's histogram (results by
year, or by month when the span is under three years, each bar linking to the listing
narrowed to it) and the timelines of claims by month (stacked bars, a series for each leading
country or issue). One drawing serves both (templates/partials/chart.html); what sets them
apart is data: their Kind, their series, and where their bars link.

The bars are SVG placed in percentages of the plot's box (no viewBox: nothing is stretched,
so hatching stays even on a phone); every word (the axes' labels, the legend) is HTML around
the plot. The HTML rows line up with the bars because both divide the same width into the
same number of equal slots. Every look is a CSS class (archive.css): the site's CSP allows
no style attribute."""

import datetime
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django_countries import countries

WIDTH = HEIGHT = 100  # geometry is in percentages of the plot's width and height
BAR_SHARE = 0.8  # of its slot; the rest is the gap between bars
NICE_STEPS = (1, 2, 5)  # count ticks fall on multiples of 1, 2 or 5 times a power of ten
MOST_COUNT_INTERVALS = 4
# The most labels a time axis shows, on a wide screen and on a phone (see archive.css).
WIDE_LABELS, NARROW_LABELS = 12, 5
YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)
MIN_BARS = 12  # a year of months at least, so that one busy month is not a wall
MONTHS_FOR_YEARS = 36  # a histogram's span this long or longer is drawn by year
MAX_SERIES = 4  # a timeline's most frequent keys get a series each; the rest share one
ISSUES_NOTE = (
    "A claim on several issues is counted once, under the first of them in this list; "
    "the table below gives the same numbers."
)


@dataclass(frozen=True)
class Kind:
    """What one kind of chart is, apart from its numbers."""

    name: str  # the figure's class (archive.css styles each kind) and its ids' prefix
    unit: str  # what a bar counts, one of them (its plural adds an s)
    rect: str  # the class of its bars' rectangles
    nofollow: bool  # its links are facet links, which crawlers are asked not to follow


HISTOGRAM = Kind("histogram", unit="result", rect="bar", nofollow=True)
TIMELINE = Kind("timeline", unit="claim", rect="segment", nofollow=False)


@dataclass(frozen=True)
class Series:
    """One part of each bar. The only series of a histogram has no name: a chart whose
    series are named stacks them, and has a legend and a column for each in its table."""

    name: str
    fill: str = ""  # its SVG pattern and legend swatch (partials/chart_patterns.html)


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

    @property
    def end(self) -> datetime.date:
        """Its last day."""
        if self.by == "year":
            return self.start.replace(month=12, day=31)
        return month_after(self.start) - datetime.timedelta(days=1)


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


@dataclass
class Segment:
    css: str  # its classes: the kind's rectangle, and "selected" on a chosen bar
    fill: str  # its series' pattern, or none when CSS fills it
    y: float
    height: float


@dataclass
class Bar:
    period: Period
    counts: list[int]  # one for each of the chart's series
    url: str = ""  # where its link leads; a chart without links has none
    selected: bool = False  # within the dates chosen
    segments: list[Segment] = field(default_factory=list)  # from the base up
    amount: str = ""  # its total in words: "3 claims"
    parts: str = ""  # its series in words, "China 3, Other countries 1"; else its amount

    @property
    def total(self) -> int:
        return sum(self.counts)

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
class Chart:
    kind: Kind
    series: list[Series]  # from the base of a bar up
    bars: list[Bar]
    time_axis: TimeAxis
    count_axis: CountAxis
    note: str = ""  # how the series divide the records, when that needs saying

    @property
    def by(self) -> str:
        return self.time_axis.by

    @property
    def units(self) -> str:
        return f"{self.kind.unit}s"

    @property
    def title(self) -> str:
        """The picture's name when its page gives none: "Results by month"."""
        return f"{self.units.capitalize()} by {self.by}"

    @property
    def stacked(self) -> bool:
        """Named series stack, with a legend and a column each in the table."""
        return any(series.name for series in self.series)

    @property
    def linked(self) -> bool:
        return any(bar.url for bar in self.bars)

    @property
    def total_heading(self) -> str:
        """The head of the table's column of totals."""
        return f"All {self.units}" if self.stacked else self.units.capitalize()

    @property
    def highest(self) -> int:
        return max(bar.total for bar in self.bars)

    @property
    def first_label(self) -> str:
        return self.time_axis.first_label

    @property
    def last_label(self) -> str:
        return self.time_axis.last_label


def histogram(
    months: list[tuple[datetime.date, int]],
    start: datetime.date | None,
    end: datetime.date | None,
    years: set[int],
    url_for_year: Callable[[int], str],
    url_for_month: Callable[[datetime.date], str],
) -> Chart | None:
    """The dates facet. `months`: (first day, records) rows counted without the date
    filters, each record once; `start`, `end` and `years` are the chosen dates, which bound
    the span drawn and mark bars selected."""
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

    def chosen(period: Period) -> bool:
        if not (start or end or years):
            return False
        return (
            (start is None or period.end >= start)
            and (end is None or period.start <= end)
            and (not years or period.start.year in years)
        )

    counts: dict[datetime.date, list[int]] = {}
    if len(span) >= MONTHS_FOR_YEARS:
        for month, count in rows:
            counts.setdefault(month.replace(month=1), [0])[0] += count
        starts = [datetime.date(year, 1, 1) for year in range(first.year, last.year + 1)]
        axis, url = time_axis(starts, "year"), lambda period: url_for_year(period.start.year)
    else:
        counts = {month: [count] for month, count in rows}
        axis, url = time_axis(span, "month"), lambda period: url_for_month(period.start)
    return draw(HISTOGRAM, axis, counts, [Series("")], url=url, selected=chosen)


def timeline(
    rows: Iterable[tuple],
    name: Callable[[object], str | None] = countries.name,
    rest: str = "Other countries",
    joint: str | None = "Both sides (joint)",
    keys: Sequence | None = None,
    note: str = "",
    url_for_month: Callable[[datetime.date], str] | None = None,
) -> Chart | None:
    """Claims by month, from (month, series key, claims) rows, each claim in one row, so a
    bar's height is its month's claims, each counted once: a series for each of `keys` that
    has claims (by default the leading keys: countries, most claims first), one for the
    rest, and one for joint claims (key None); without `joint`, None is one of the rest."""
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
    series = [Series(name(key) or str(key), f"series-{i}") for i, key in enumerate(keys)]
    if any(key not in column and (key is not None or not joint) for _, key, _ in rows):
        series.append(Series(rest, "series-other"))
    if joint:
        series.append(Series(joint, "series-joint"))
    rest_column, joint_column = len(keys), len(series) - 1
    counts: dict[datetime.date, list[int]] = {}
    for month, key, claims in rows:
        index = joint_column if key is None and joint else column.get(key, rest_column)
        counts.setdefault(month, [0] * len(series))[index] += claims
    months = padded(months_between(min(counts), max(counts)), None, None)
    url = (lambda period: url_for_month(period.start)) if url_for_month else None
    return draw(TIMELINE, time_axis(months, "month"), counts, series, url=url, note=note)


def timeline_by_issue(rows: Iterable[tuple], names: dict[int, str]) -> Chart | None:
    """From ClaimQuerySet.monthly_counts_by_issue(list(names)) rows: a series for each issue
    of `names` (leading issues, in order), one for the claims on none of them."""
    return timeline(
        rows, name=names.get, rest="Other issues", joint=None, keys=list(names), note=ISSUES_NOTE
    )


def draw(
    kind: Kind,
    axis: TimeAxis,
    counts: dict[datetime.date, list[int]],
    series: list[Series],
    url: Callable[[Period], str] | None = None,
    selected: Callable[[Period], bool] | None = None,
    note: str = "",
) -> Chart:
    """A bar on each period of `axis`, of `counts` (by the period's first day, one count for
    each of `series`; a period without counts is an empty bar), its series stacked from the
    base up."""
    bars = [
        Bar(period, list(counts.get(period.start, [0] * len(series)))) for period in axis.periods
    ]
    scale = count_axis(max(bar.total for bar in bars))
    for bar in bars:
        bar.url = url(bar.period) if url else ""
        bar.selected = bool(selected and selected(bar.period))
        bar.amount = f"{bar.total} {kind.unit}{'' if bar.total == 1 else 's'}"
        css = f"{kind.rect} selected" if bar.selected else kind.rect
        below, parts = 0, []
        for one, count in zip(series, bar.counts, strict=True):
            if count:
                below += count
                bar.segments.append(Segment(css, one.fill, scale.y(below), scale.height(count)))
                parts.append(f"{one.name} {count}")
        bar.parts = ", ".join(parts) if any(one.name for one in series) else bar.amount
    return Chart(kind, series, bars, axis, scale, note)


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
