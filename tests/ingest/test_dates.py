"""Dates as readouts and the pages around them write them."""

import datetime

import pytest

from archive.ingest.dates import find_dates


@pytest.mark.parametrize(
    "text, day",
    [
        ("March 18 and 19, 2021", datetime.date(2021, 3, 18)),
        ("18-19 March 2021", datetime.date(2021, 3, 18)),
        ("2024-07-27 22:10", datetime.date(2024, 7, 27)),
        # A page's numbers, where they tell the day from the month.
        ("Published On: 25/06/2025", datetime.date(2025, 6, 25)),
        ("Tue, 11/20/2012 - 13:12", datetime.date(2012, 11, 20)),
        ("Tue, 12/12/2017 - 09:50", datetime.date(2017, 12, 12)),
    ],
)
def test_a_date_is_read_in_the_forms_pages_print(text, day):
    assert find_dates(text)[0][1] == day


def test_numbers_that_could_be_either_day_or_month_are_not_read_as_a_date():
    assert find_dates("05/06/2025") == []  # the fifth of June, or the sixth of May


def test_a_date_without_a_year_takes_the_year_given_or_none():
    assert find_dates("June 19") == []
    assert find_dates("June 19", 2022)[0][1:] == (
        datetime.date(2022, 6, 19),
        datetime.date(2022, 6, 19),
        False,
    )
