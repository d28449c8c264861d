import datetime

import pytest
from django.db.models import Q
from django.http import QueryDict

from archive.filters import ClaimFilter, MeetingFilter
from archive.models import Claim, Issue, Meeting, Report, Revision
from tests.factories import make_meeting


def claims(query: str) -> ClaimFilter:
    return ClaimFilter(QueryDict(query))


def selected(filters) -> set:
    """The records the filters leave, as the listing would show them."""
    model = Claim if isinstance(filters, ClaimFilter) else Meeting
    ids = filters.ids("newest")
    assert len(ids) == filters.total() == len(set(ids))
    return set(model.objects.filter(pk__in=ids))


def about(slug: str) -> set:
    """The published claims on an issue or on one of its narrower issues, read plainly."""
    links = Claim.issues.through.objects.filter(Q(issue__slug=slug) | Q(issue__parent__slug=slug))
    return set(Claim.objects.published().filter(pk__in=links.values("claim_id")))


def counts_of(filters, name: str) -> dict[str, int]:
    return {c.value: c.count for c in filters.facet_counts()[name].choices}


def test_values_of_one_facet_are_ored_and_facets_are_anded(seed):
    taiwan = about("taiwan")
    hong_kong = about("hong-kong")
    either = selected(claims("issue=taiwan&issue=hong-kong"))
    assert either == set(taiwan) | set(hong_kong)
    both = selected(claims("issue=taiwan&kind=position"))
    assert both == {c for c in taiwan if c.kind == "position"}
    assert len(both) < len(taiwan)


def test_an_issue_includes_its_narrower_issues(seed):
    parent = Issue.objects.filter(children__isnull=False).distinct().first()
    expected = about(parent.slug)
    assert expected > set(Claim.objects.published().filter(issues=parent))
    assert selected(claims(f"issue={parent.slug}")) == expected
    assert counts_of(claims(""), "issue")[parent.slug] == len(expected)


def test_each_facet_counts_without_its_own_filter(seed):
    unfiltered = claims("")
    filtered = claims("issue=taiwan&country=CN")
    # Choosing Taiwan still says how many claims Hong Kong would add (among China's).
    china_on_hong_kong = len(selected(claims("issue=hong-kong&country=CN")))
    assert counts_of(filtered, "issue")["hong-kong"] == china_on_hong_kong
    # The side facet counts Taiwan claims of every side, not only China's.
    assert counts_of(filtered, "country") == counts_of(claims("issue=taiwan"), "country")
    # A facet with no filter of its own counts the fully filtered list.
    assert sum(counts_of(filtered, "kind").values()) == len(selected(filtered))
    assert counts_of(unfiltered, "country") == {"CN": 58, "US": 2, "joint": 10}


def test_every_count_is_the_size_of_the_list_it_links_to(seed):
    base = "issue=taiwan&country=CN"
    filtered = claims(base)
    for name, counted in filtered.facet_counts().items():
        for choice in counted.choices:
            if choice.selected:
                continue
            own = [f"{k}={v}" for k, v in filtered.items() if k != name]
            query = "&".join([*own, f"{name}={choice.value}"])
            assert len(selected(claims(query))) == choice.count, (name, choice.value)


def test_unknown_values_are_left_out_and_explained(seed):
    filters = claims("issue=taiwan&issue=atlantis&country=XX&kind=rant&official=nobody")
    assert [c.value for c in filters.chosen["issue"]] == ["taiwan"]
    assert len(selected(filters)) == len(selected(claims("issue=taiwan")))
    assert len(filters.problems) == 4
    assert any("no issue \u201catlantis\u201d" in p for p in filters.problems)


def test_repeated_values_count_once(seed):
    assert claims("kind=position&kind=position").items() == [("kind", "position")]


@pytest.mark.parametrize(
    ("query", "start", "end"),
    [
        ("from=2021-03-18", datetime.date(2021, 3, 18), None),
        ("from=2021-03&to=2021-03", datetime.date(2021, 3, 1), datetime.date(2021, 3, 31)),
        ("to=2024-02", None, datetime.date(2024, 2, 29)),
        ("from=2021&to=2021", datetime.date(2021, 1, 1), datetime.date(2021, 12, 31)),
    ],
)
def test_dates_are_read_at_the_precision_they_are_written(seed, query, start, end):
    filters = claims(query)
    assert filters.bounds.get("from", (None, None))[1] == start
    assert filters.bounds.get("to", (None, None))[1] == end
    assert not filters.problems


def test_a_date_without_zeros_has_one_spelling_in_links(seed):
    assert claims("from=2021-3-1&to=2021-3").items() == [("from", "2021-03-01"), ("to", "2021-03")]


def test_a_malformed_date_is_explained_and_ignored(seed):
    filters = claims("from=2021-13-45&issue=taiwan")
    assert filters.bounds == {}
    assert "is not a date" in filters.problems[0]
    assert len(selected(filters)) == len(selected(claims("issue=taiwan")))


def test_a_reversed_range_is_swapped_and_said(seed):
    filters = claims("from=2022&to=2020")
    assert filters.bounds["from"] == ("2020", datetime.date(2020, 1, 1))
    assert filters.bounds["to"] == ("2022", datetime.date(2022, 12, 31))
    assert "swapped" in filters.problems[0]
    assert len(selected(filters)) == 70


def test_years_and_months_count_without_the_dates(seed):
    make_meeting(claims=4, start=datetime.date(2023, 6, 2))
    filters = claims("year=2023")
    assert len(selected(filters)) == 4
    months = dict(filters.monthly_counts())
    assert months[datetime.date(2021, 3, 1)] == 70
    assert months[datetime.date(2023, 6, 1)] == 4


def test_counts_are_kept_until_an_editor_saves(seed, django_assert_num_queries):
    claims("issue=taiwan").facet_counts()
    claims("").facet_counts()
    with django_assert_num_queries(2):  # the chosen issue's name and the revision
        claims("issue=taiwan").facet_counts()
    before = Revision.current()
    claim = Claim.objects.published().filter(kind="position").first()
    claim.kind = "demand"
    claim.save()
    assert Revision.current() > before
    expected = Claim.objects.filter(is_public=True, kind="demand").count()
    assert counts_of(claims(""), "kind")["demand"] == expected


def test_meeting_facets(seed, anchorage):
    call = Meeting.objects.get(format="call")
    other = make_meeting(countries=("RU", "US"), claims=3)
    filters = MeetingFilter(QueryDict("country=US"))
    assert selected(filters) == {anchorage, call, other}
    assert counts_of(filters, "pair") == {"cn-us": 2, "ru-us": 1}
    assert counts_of(filters, "country") == {"US": 3, "CN": 2, "RU": 1}
    pair = MeetingFilter(QueryDict("pair=us-ru"))
    assert list(selected(pair)) == [other]
    taiwan = MeetingFilter(QueryDict("issue=taiwan"))
    assert list(selected(taiwan)) == [anchorage]


def test_the_accounts_facet_finds_meetings_with_both_sides_reports(seed, anchorage, dispatch):
    published = Meeting.objects.published()
    both = MeetingFilter(QueryDict("accounts=both"))
    assert list(selected(both)) == []
    # The chosen value stays in the facet, with its zero.
    assert counts_of(both, "accounts") == {"missing": published.count(), "both": 0}
    Report.objects.create(
        publisher=dispatch.publisher,
        meeting=anchorage,
        title="Secretary Blinken's remarks",
        date=anchorage.start_date,
        body="We will discuss our deep concerns.",
        issued_by="US",
        status="published",
    )
    both = MeetingFilter(QueryDict("accounts=both"))
    assert list(selected(both)) == [anchorage]
    missing = MeetingFilter(QueryDict("accounts=missing"))
    assert anchorage not in selected(missing)


def test_a_claim_on_an_issue_and_its_narrower_issue_counts_once(seed):
    parent = Issue.objects.filter(children__isnull=False).distinct().first()
    child = parent.children.first()
    claim = Claim.objects.published().exclude(issues=parent).exclude(issues__parent=parent)[0]
    before = counts_of(claims(""), "issue")[parent.slug]
    claim.issues.add(parent, child)
    after = claims("")
    assert counts_of(after, "issue")[parent.slug] == before + 1
    assert counts_of(after, "issue")[parent.slug] == len(selected(claims(f"issue={parent.slug}")))
    meetings = MeetingFilter(QueryDict(""))
    assert counts_of(meetings, "issue")[parent.slug] == 1


def test_publishing_a_meeting_shows_its_claims_in_the_counts(seed):
    draft = make_meeting(claims=3, start=datetime.date(2023, 6, 2))
    Meeting.objects.filter(pk=draft.pk).update(status="draft")
    Revision.bump()
    assert claims("").total() == 70
    meeting = Meeting.objects.get(pk=draft.pk)
    meeting.status = "published"
    meeting.save()
    assert claims("").total() == 73
    assert counts_of(claims(""), "meeting")[meeting.slug] == 3
