import datetime
import re

import pytest

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
    # The chosen year's months only: padded within it, not back into 2020.
    assert drawn.by == "month" and [b.label for b in drawn.bars][::11] == [
        "January 2021",
        "December 2021",
    ]
    assert drawn.bars[2].selected and drawn.bars[2].count == 7
    ranged = build(months, start=datetime.date(2015, 1, 1), end=datetime.date(2015, 3, 31))
    assert [b.count for b in ranged.bars] == [1, 0, 0]  # padding stays within the range
    assert build(months, start=datetime.date(2030, 1, 1)) is None


def test_the_bars_stand_on_a_count_axis_with_round_ticks():
    drawn = build([(datetime.date(2021, 1, 1), 7), (datetime.date(2021, 4, 1), 2)])
    assert drawn.count_axis.ticks == [8, 6, 4, 2, 0]
    busiest = drawn.bars[8]
    assert (busiest.count, busiest.y, busiest.height) == (7, 12.5, 87.5)  # 7 of 8


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def chart(page: str) -> str:
    return page[page.index('<figure class="chart histogram">') : page.index("</figure>")]


@pytest.mark.django_db
def test_the_bars_are_links_beside_the_picture_not_inside_it(client, seed):
    """A link inside an <svg role="img"> is out of reach of screen readers (axe-core's
    nested-interactive): the links lie over the picture instead."""
    drawn = chart(page(client, "/claims/"))
    svg = drawn[drawn.index("<svg") : drawn.index("</svg>")]
    assert "<a " not in svg and 'role="img"' in svg
    assert (
        '<a href="/claims/?from=2021-03&amp;to=2021-03" rel="nofollow" aria-label="March 2021: 70"'
        in drawn
    )


@pytest.mark.django_db
def test_the_axes_are_labelled_with_counts_and_dates(client, seed):
    drawn = chart(page(client, "/claims/"))
    assert "Results per month" in drawn
    counts = drawn[drawn.index('class="count-axis"') :]
    assert re.findall(r"<span>(\d+)</span>", counts)[:5] == ["80", "60", "40", "20", "0"]
    assert '<span class="wide narrow">Jan</span>' in drawn
    assert '<span class="span-9 wide narrow">2020</span>' in drawn  # April to December


@pytest.mark.django_db
def test_a_meeting_two_chosen_officials_attended_is_counted_once(client, seed):
    """Wang Yi and Yang Jiechi were both at Anchorage: one meeting, in the total and in its
    bar (a join through their participations counted it once for each)."""
    drawn = page(client, "/meetings/?official=wang-yi&official=yang-jiechi")
    assert "1 meeting<" in drawn
    assert 'aria-label="March 2021: 1"' in chart(drawn)
    assert "<td>1</td>" in chart(drawn) and "<td>2</td>" not in chart(drawn)
