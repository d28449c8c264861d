import datetime

from archive.timeline import build, months_between

MARCH, APRIL, JUNE = (datetime.date(2021, m, 1) for m in (3, 4, 6))


def test_months_between_spans_years():
    months = months_between(datetime.date(2020, 11, 1), datetime.date(2021, 2, 1))
    assert [f"{m:%Y-%m}" for m in months] == ["2020-11", "2020-12", "2021-01", "2021-02"]


def test_bars_stack_each_country_and_joint_claims():
    timeline = build(
        [(MARCH, "CN", 5), (MARCH, "US", 2), (MARCH, None, 1), (JUNE, "CN", 3), (APRIL, "FR", 1)]
    )
    assert [name for name, _ in timeline.series] == [
        "China",
        "United States of America",
        "France",
        "Both sides (joint)",
    ]
    bars = {bar.key: bar for bar in timeline.bars}
    assert bars["2021-03"].counts == [5, 2, 0, 1]
    assert bars["2021-05"].total == 0  # empty months keep their place
    assert timeline.highest == 8
    assert len(timeline.bars) == 12  # padded to a year
    assert {css for css, _, _ in bars["2021-03"].segments} == {
        "series-0",
        "series-1",
        "series-joint",
    }


def test_minor_countries_share_one_series():
    rows = [(MARCH, code, n) for code, n in [("CN", 9), ("US", 8), ("RU", 7), ("IN", 6), ("FR", 1)]]
    timeline = build(rows)
    assert [name for name, _ in timeline.series][-2:] == ["Other countries", "Both sides (joint)"]
    assert timeline.bars[-1].counts[-2] == 1


def test_nothing_to_draw():
    assert build([]) is None
