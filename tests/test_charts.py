import datetime

import pytest

from archive.charts import count_axis, month_after, month_before, months_between, time_axis


def test_months_between_spans_years():
    months = months_between(datetime.date(2020, 11, 1), datetime.date(2021, 2, 1))
    assert [f"{m:%Y-%m}" for m in months] == ["2020-11", "2020-12", "2021-01", "2021-02"]
    assert month_before(datetime.date(2021, 1, 1)) == datetime.date(2020, 12, 1)
    assert month_after(datetime.date(2020, 12, 1)) == datetime.date(2021, 1, 1)


@pytest.mark.parametrize(
    ("highest", "ticks"),
    [
        (0, [1, 0]),
        (1, [1, 0]),
        (3, [3, 2, 1, 0]),
        (7, [8, 6, 4, 2, 0]),
        (9, [10, 5, 0]),
        (70, [80, 60, 40, 20, 0]),
        (1234, [1500, 1000, 500, 0]),
    ],
)
def test_the_count_axis_has_a_few_round_ticks_up_to_the_highest_bar_or_above(highest, ticks):
    axis = count_axis(highest)
    assert axis.ticks == ticks
    assert axis.top >= highest


def test_the_count_axis_places_counts_on_its_scale():
    axis = count_axis(7)  # 0 to 8
    assert axis.height(8) == 100 and axis.y(8) == 0
    assert axis.height(2) == 25 and axis.y(2) == 75
    assert axis.gridlines == [0, 25, 50, 75]  # the ticks share the height equally


def test_the_slots_share_the_width_equally():
    axis = time_axis([datetime.date(y, 1, 1) for y in range(2001, 2011)], "year")
    assert [p.x for p in axis.periods][:3] == [1, 11, 21]
    assert {p.width for p in axis.periods} == {8}


def test_a_year_axis_labels_round_years_that_fit_the_screen():
    axis = time_axis([datetime.date(y, 1, 1) for y in range(1990, 2026)], "year")
    wide = [p.tick for p in axis.periods if "wide" in p.shown]
    narrow = [p.tick for p in axis.periods if "narrow" in p.shown]
    assert wide == ["1990", "1995", "2000", "2005", "2010", "2015", "2020", "2025"]
    assert narrow == ["1990", "2000", "2010", "2020"]
    assert axis.first_label == "1990" and axis.last_label == "2025"


def test_a_month_axis_labels_months_above_a_row_of_years():
    months = months_between(datetime.date(2020, 11, 1), datetime.date(2021, 10, 1))
    axis = time_axis(months, "month")
    assert [p.tick for p in axis.periods][:3] == ["Nov", "Dec", "Jan"]
    assert all("wide" in p.shown for p in axis.periods)  # a year: every month fits
    assert [p.tick for p in axis.periods if "narrow" in p.shown] == ["Jan", "Apr", "Jul", "Oct"]
    assert [(y.year, y.months) for y in axis.years] == [(2020, 2), (2021, 10)]
    assert axis.first_label == "November 2020" and axis.periods[0].key == "2020-11"


def test_a_long_month_axis_keeps_to_quarters_then_to_years():
    two_years = time_axis(
        months_between(datetime.date(2020, 1, 1), datetime.date(2021, 12, 1)), "month"
    )
    assert [p.tick for p in two_years.periods if "wide" in p.shown] == [
        "Jan",
        "Apr",
        "Jul",
        "Oct",
    ] * 2
    decade = time_axis(
        months_between(datetime.date(2011, 1, 1), datetime.date(2020, 12, 1)), "month"
    )
    assert not any(p.shown for p in decade.periods)
    # Every other year on a phone, each with room up to the next; 2020 has too little.
    assert [y.year for y in decade.years if "narrow" in y.shown] == [2012, 2014, 2016, 2018]
    assert len([y for y in decade.years if "wide" in y.shown]) == 10
