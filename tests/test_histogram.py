import datetime

from archive import histogram


def build(months, start=None, end=None, years=()):
    return histogram.build(
        months,
        start,
        end,
        set(years),
        url_for_year=lambda year: f"year={year}",
        url_for_month=lambda month: f"month={month:%Y-%m}",
    )


def test_a_span_of_three_years_or_more_is_drawn_by_year():
    drawn = build([(datetime.date(2019, 5, 1), 3), (datetime.date(2023, 2, 1), 5)])
    assert drawn.by == "year"
    assert [(b.label, b.count, b.url) for b in drawn.bars] == [
        ("2019", 3, "year=2019"),
        ("2020", 0, "year=2020"),
        ("2021", 0, "year=2021"),
        ("2022", 0, "year=2022"),
        ("2023", 5, "year=2023"),
    ]
    assert drawn.highest == 5 and drawn.bars[-1].height > drawn.bars[0].height > 0


def test_a_shorter_span_is_drawn_by_month_with_empty_months_kept():
    drawn = build([(datetime.date(2021, 1, 1), 2), (datetime.date(2021, 4, 1), 1)])
    assert drawn.by == "month"
    # Padded with earlier months to a year, so one busy month is not a wall.
    assert [b.count for b in drawn.bars] == [0] * 8 + [2, 0, 0, 1]
    assert drawn.bars[8].label == "January 2021" and drawn.bars[8].url == "month=2021-01"
    assert drawn.bars[0].label == "May 2020"


def test_the_chosen_dates_bound_the_span_and_mark_the_bars():
    months = [(datetime.date(2015, 1, 1), 1), (datetime.date(2021, 3, 1), 7)]
    drawn = build(months, years=[2021])
    assert drawn.by == "month" and drawn.bars[-1].label == "March 2021"
    assert drawn.bars[-1].selected and drawn.bars[-1].count == 7
    ranged = build(months, start=datetime.date(2015, 1, 1), end=datetime.date(2015, 3, 31))
    assert [b.count for b in ranged.bars] == [1, 0, 0]  # padding stays within the range
    assert build(months, start=datetime.date(2030, 1, 1)) is None
