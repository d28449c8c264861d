import datetime

import pytest

from archive.models import Claim, Issue, Person
from archive.timeline import build, by_issue

MARCH, APRIL, JUNE = (datetime.date(2021, m, 1) for m in (3, 4, 6))


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
    assert bars["2021-03"].parts == "China 5, United States of America 2, Both sides (joint) 1"
    assert bars["2021-05"].total == 0  # empty months keep their place
    assert timeline.highest == 8
    assert len(timeline.bars) == 12  # padded to a year
    assert [s.css for s in bars["2021-03"].segments] == ["series-0", "series-1", "series-joint"]


def test_segments_stack_from_the_base_on_the_count_axis():
    timeline = build([(MARCH, "CN", 5), (MARCH, "US", 2), (MARCH, None, 1)])
    assert timeline.count_axis.ticks == [8, 6, 4, 2, 0]
    china, us, joint = timeline.bars[-1].segments
    assert (china.y, china.height) == (37.5, 62.5)
    assert (us.y, us.height) == (12.5, 25)
    assert (joint.y, joint.height) == (0, 12.5)  # 8 of 8: the top of the scale


def test_minor_countries_share_one_series():
    rows = [(MARCH, code, n) for code, n in [("CN", 9), ("US", 8), ("RU", 7), ("IN", 6), ("FR", 1)]]
    timeline = build(rows)
    assert [name for name, _ in timeline.series][-2:] == ["Other countries", "Both sides (joint)"]
    assert timeline.bars[-1].counts[-2] == 1


def test_issue_series_follow_the_order_given_and_say_how_claims_are_counted():
    rows = [(MARCH, 7, 2), (MARCH, None, 1), (APRIL, 9, 1)]
    timeline = by_issue(rows, {9: "Taiwan", 7: "Trade", 8: "Climate"})
    # Climate's claims were all on Taiwan or Trade too: it has no series.
    assert timeline.series == [
        ("Taiwan", "series-0"),
        ("Trade", "series-1"),
        ("Other issues", "series-other"),
    ]
    assert {bar.key: bar.counts for bar in timeline.bars if bar.total} == {
        "2021-03": [0, 2, 1],
        "2021-04": [1, 0, 0],
    }
    assert "counted once" in timeline.note


def test_nothing_to_draw():
    assert build([]) is None


@pytest.fixture
def blinken_on_two_issues(blinken_speaking) -> Claim:
    """Blinken's claim on Taiwan and on trade, and one on trade alone."""
    taiwan, trade = Issue.objects.get(slug="taiwan"), Issue.objects.get(slug="trade-and-economy")
    blinken_speaking.issues.set([taiwan, trade])
    also = Claim.objects.create(
        report=blinken_speaking.report,
        text="the United States",
        delegation=blinken_speaking.delegation,
        speaker=blinken_speaking.speaker,
    )
    also.issues.set([trade])
    return blinken_speaking


def test_a_claim_on_two_issues_is_counted_once_in_its_bar(client, blinken_on_two_issues):
    """Two claims in March 2021, one on two issues: the bar has two claims, not three."""
    page = client.get("/officials/antony-blinken/").content.decode()
    assert "the busiest month has 2." in page
    # Trade and economy, the issue of both, comes first and takes both: Taiwan has no
    # claim of its own left to show (the old counting drew a bar of three).
    assert '<th scope="row">March 2021</th><td>2</td><td>2</td></tr>' in page
    assert "Taiwan" not in page[page.index('<ul class="legend">') : page.index("</ul>")]


def test_an_officials_months_are_counted_in_two_queries(blinken_on_two_issues):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from archive.views.officials import issue_timeline

    attributed = Claim.objects.published().by(Person.objects.get(slug="antony-blinken"))
    with CaptureQueriesContext(connection) as queries:
        timeline = issue_timeline(attributed)
    assert len(queries) == 2
    assert [bar.total for bar in timeline.bars if bar.total] == [2]
