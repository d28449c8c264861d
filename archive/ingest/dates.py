"""Dates as readouts write them: "March 18 and 19, 2021", "18-19 March 2021", "JUNE 19,
2022", "2024-07-27 22:10", "25/06/2025", or a dateline's "June 19" with no year."""

import datetime
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH = (
    r"(?i:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|"
    r"Oct\.?|Nov\.?|Dec\.?)"
)
DAY_RANGE = (
    r"(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|\u2013|\u2014|and|to|"
    r"through)\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?)?"
)
# A year, or a year run into the time a web page prints after it ("16 September 202012:47").
YEAR = r"(?P<year>\d{4})(?:\b|(?=\d{1,2}:\d{2}))"
DATE_PATTERNS = [
    # March 18 and 19, 2021 / March 18-19, 2021 / March 18, 2021 / June 19
    re.compile(rf"\b(?P<month>{MONTH})\s+{DAY_RANGE}\b(?:,?\s+{YEAR})?"),
    # 18-19 March 2021 / 19 June
    re.compile(rf"\b{DAY_RANGE}\s+(?P<month>{MONTH})\b(?:,?\s+{YEAR})?"),
    # 2024-07-27 or 2024-07-27 22:10
    re.compile(
        r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<d1>\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\b"
    ),
    # 2024/07/27
    re.compile(r"\b(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<d1>\d{1,2})\b"),
    # 25/06/2025 or 11/20/2012: day and month in either order, read only where the
    # numbers tell which is which.
    re.compile(r"(?<![\d/])(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})\b"),
]


def parse_date(
    match: re.Match, default_year: int | None
) -> tuple[datetime.date, datetime.date] | None:
    parts = match.groupdict()
    if parts.get("first"):
        first, second = int(parts["first"]), int(parts["second"])
        if first == second or max(first, second) > 12 >= min(first, second):
            day, month = (first, second) if first > 12 else (second, first)
            parts = {"month": str(month), "d1": str(day), "year": parts["year"]}
        else:
            return None  # 05/06/2025: the fifth of June, or the sixth of May
    month = parts["month"]
    month_number = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
    year = int(parts["year"]) if parts.get("year") else default_year
    if month_number is None or year is None:
        return None
    try:
        first = datetime.date(year, month_number, int(parts["d1"]))
        second = datetime.date(year, month_number, int(parts["d2"])) if parts.get("d2") else first
    except ValueError:
        return None
    return (first, second) if second >= first else (first, first)


def find_dates(
    text: str, default_year: int | None = None
) -> list[tuple[int, datetime.date, datetime.date, bool]]:
    """(position, first day, last day, had a year) of every date in `text`, in order."""
    found = []
    taken: list[tuple[int, int]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            dates = parse_date(match, default_year)
            if dates:
                taken.append((match.start(), match.end()))
                found.append((match.start(), *dates, bool(match.groupdict().get("year"))))
    return sorted(found)
