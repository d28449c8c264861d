import datetime
import re

import pytest

from archive import charts
from archive.charts import count_axis, month_after, month_before, months_between, time_axis

MARCH, APRIL, JUNE = (datetime.date(2021, m, 1) for m in (3, 4, 6))


def histogram(months, start=None, end=None, years=()):
    return charts.histogram(
        months,
        start,
        end,
        set(years),
        url_for_year=lambda year: f"year={year}",
        url_for_month=lambda month: f"month={month:%Y-%m}",
    )


def heights(chart) -> list[float]:
    return [sum(s.height for s in bar.segments) for bar in chart.bars]


# The axes


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


# The histogram of the dates facet


def test_a_span_of_three_years_or_more_is_drawn_by_year():
    drawn = histogram([(datetime.date(2019, 5, 1), 3), (datetime.date(2023, 2, 1), 5)])
    assert drawn.by == "year"
    assert [(b.label, b.total, b.url) for b in drawn.bars] == [
        ("2019", 3, "year=2019"),
        ("2020", 0, "year=2020"),
        ("2021", 0, "year=2021"),
        ("2022", 0, "year=2022"),
        ("2023", 5, "year=2023"),
    ]
    assert drawn.highest == 5 and heights(drawn)[-1] > heights(drawn)[0] > 0


def test_a_shorter_span_is_drawn_by_month_with_empty_months_kept():
    drawn = histogram([(datetime.date(2021, 1, 1), 2), (datetime.date(2021, 4, 1), 1)])
    assert drawn.by == "month"
    # Padded with earlier months to a year, so one busy month is not a wall.
    assert [b.total for b in drawn.bars] == [0] * 8 + [2, 0, 0, 1]
    assert drawn.bars[8].label == "January 2021" and drawn.bars[8].url == "month=2021-01"
    assert drawn.bars[0].label == "May 2020"


def test_the_chosen_dates_bound_the_span_and_mark_the_bars():
    months = [(datetime.date(2015, 1, 1), 1), (datetime.date(2021, 3, 1), 7)]
    drawn = histogram(months, years=[2021])
    # The chosen year's months only: padded within it, not back into 2020.
    assert drawn.by == "month" and [b.label for b in drawn.bars][::11] == [
        "January 2021",
        "December 2021",
    ]
    assert drawn.bars[2].selected and drawn.bars[2].total == 7
    assert drawn.bars[2].segments[0].css == "bar selected"
    ranged = histogram(months, start=datetime.date(2015, 1, 1), end=datetime.date(2015, 3, 31))
    assert [b.total for b in ranged.bars] == [1, 0, 0]  # padding stays within the range
    assert histogram(months, start=datetime.date(2030, 1, 1)) is None


def test_the_bars_stand_on_a_count_axis_with_round_ticks():
    drawn = histogram([(datetime.date(2021, 1, 1), 7), (datetime.date(2021, 4, 1), 2)])
    assert drawn.count_axis.ticks == [8, 6, 4, 2, 0]
    (busiest,) = drawn.bars[8].segments
    assert (busiest.y, busiest.height) == (12.5, 87.5)  # 7 of 8


def test_a_histogram_bar_says_what_it_counts():
    drawn = histogram([(MARCH, 1), (APRIL, 7)])
    assert [(b.amount, b.parts) for b in drawn.bars[-2:]] == [
        ("1 result", "1 result"),
        ("7 results", "7 results"),
    ]
    assert not drawn.stacked and drawn.total_heading == "Results"


# The timelines of claims by month


def test_bars_stack_each_country_and_joint_claims():
    timeline = charts.timeline(
        [(MARCH, "CN", 5), (MARCH, "US", 2), (MARCH, None, 1), (JUNE, "CN", 3), (APRIL, "FR", 1)]
    )
    assert [series.name for series in timeline.series] == [
        "China",
        "United States of America",
        "France",
        "Both sides (joint)",
    ]
    bars = {bar.key: bar for bar in timeline.bars}
    assert bars["2021-03"].counts == [5, 2, 0, 1]
    assert bars["2021-03"].parts == "China 5, United States of America 2, Both sides (joint) 1"
    assert bars["2021-03"].amount == "8 claims"
    assert bars["2021-05"].total == 0  # empty months keep their place
    assert timeline.highest == 8
    assert len(timeline.bars) == 12  # padded to a year
    assert [s.fill for s in bars["2021-03"].segments] == ["series-0", "series-1", "series-joint"]
    assert not timeline.linked  # unless told where a month's bar leads


def test_segments_stack_from_the_base_on_the_count_axis():
    timeline = charts.timeline([(MARCH, "CN", 5), (MARCH, "US", 2), (MARCH, None, 1)])
    assert timeline.count_axis.ticks == [8, 6, 4, 2, 0]
    china, us, joint = timeline.bars[-1].segments
    assert (china.y, china.height) == (37.5, 62.5)
    assert (us.y, us.height) == (12.5, 25)
    assert (joint.y, joint.height) == (0, 12.5)  # 8 of 8: the top of the scale


def test_minor_countries_share_one_series():
    rows = [(MARCH, code, n) for code, n in [("CN", 9), ("US", 8), ("RU", 7), ("IN", 6), ("FR", 1)]]
    timeline = charts.timeline(rows)
    assert [series.name for series in timeline.series][-2:] == [
        "Other countries",
        "Both sides (joint)",
    ]
    assert timeline.bars[-1].counts[-2] == 1


def test_issue_series_follow_the_order_given_and_say_how_claims_are_counted():
    rows = [(MARCH, 7, 2), (MARCH, None, 1), (APRIL, 9, 1)]
    timeline = charts.timeline_by_issue(rows, {9: "Taiwan", 7: "Trade", 8: "Climate"})
    # Climate's claims were all on Taiwan or Trade too: it has no series.
    assert timeline.series == [
        charts.Series("Taiwan", "series-0"),
        charts.Series("Trade", "series-1"),
        charts.Series("Other issues", "series-other"),
    ]
    assert {bar.key: bar.counts for bar in timeline.bars if bar.total} == {
        "2021-03": [0, 2, 1],
        "2021-04": [1, 0, 0],
    }
    assert "counted once" in timeline.note


def test_a_timelines_bars_link_where_they_are_told():
    timeline = charts.timeline([(MARCH, "CN", 1)], url_for_month=lambda m: f"?month={m:%Y-%m}")
    assert timeline.linked and timeline.bars[-1].url == "?month=2021-03"


def test_nothing_to_draw():
    assert charts.timeline([]) is None


# One drawing for both (templates/partials/chart.html)


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def chart(page: str, kind: str = "histogram") -> str:
    start = page.index(f'<figure class="chart {kind}">')
    return page[start : page.index("</figure>", start)]


@pytest.mark.django_db
def test_the_bars_are_links_beside_the_picture_not_inside_it(client, seed):
    """A link inside an <svg role="img"> is out of reach of screen readers (axe-core's
    nested-interactive): the links lie over the picture instead."""
    for url, kind in (("/claims/", "histogram"), ("/issues/taiwan/", "timeline")):
        drawn = chart(page(client, url), kind)
        svg = drawn[drawn.index("<svg") : drawn.index("</svg>")]
        assert "<a " not in svg and 'role="img"' in svg
        assert 'class="bar-links"><' in drawn
    assert (
        '<a href="/claims/?from=2021-03&amp;to=2021-03" rel="nofollow"'
        ' aria-label="March 2021: 70 results"' in chart(page(client, "/claims/"))
    )


@pytest.mark.django_db
def test_the_picture_is_described_in_words(client, seed):
    drawn = chart(page(client, "/claims/"))
    assert '<title id="histogram-title">Results by month</title>' in drawn
    assert "Results per month, each counted once, from April 2020 to March 2021" in drawn
    assert "the busiest month has 70." in drawn
    timeline = chart(page(client, "/issues/taiwan/"), "timeline")
    assert '<title id="timeline-title">Claims on Taiwan by month, by side</title>' in timeline
    assert "Claims per month, each counted once" in timeline


@pytest.mark.django_db
def test_the_axes_are_labelled_with_counts_and_dates(client, seed):
    drawn = chart(page(client, "/claims/"))
    assert "Results per month" in drawn
    counts = drawn[drawn.index('class="count-axis"') :]
    assert re.findall(r"<span>(\d+)</span>", counts)[:5] == ["80", "60", "40", "20", "0"]
    assert '<span class="wide narrow">Jan</span>' in drawn
    assert '<span class="span-9 wide narrow">2020</span>' in drawn  # April to December


@pytest.mark.django_db
def test_only_a_stacked_chart_has_a_legend_and_a_column_for_each_series(client, seed):
    histogram = chart(page(client, "/claims/"))
    assert 'class="legend"' not in histogram and "<pattern" not in histogram
    assert "style=" not in histogram  # the CSP allows none: classes style the bars
    assert '<th scope="col">Month</th><th scope="col">Results</th></tr>' in histogram
    timeline = chart(page(client, "/issues/taiwan/"), "timeline")
    assert '<span class="swatch series-0" aria-hidden="true"></span>China</li>' in timeline
    assert '<th scope="col">Both sides (joint)</th><th scope="col">All claims</th>' in timeline
    assert 'fill="url(#chart-series-0)"' in timeline and "style=" not in timeline


@pytest.mark.django_db
def test_a_meeting_two_chosen_officials_attended_is_counted_once(client, seed):
    """Wang Yi and Yang Jiechi were both at Anchorage: one meeting, in the total and in its
    bar (a join through their participations counted it once for each)."""
    drawn = page(client, "/meetings/?official=wang-yi&official=yang-jiechi")
    assert "1 meeting<" in drawn
    assert 'aria-label="March 2021: 1 result"' in chart(drawn)
    assert "<td>1</td>" in chart(drawn) and "<td>2</td>" not in chart(drawn)
