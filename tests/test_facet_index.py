"""The in-memory facet tables against a plain reading of the archive.

The oracle below reads every published claim and meeting through the ORM into Python sets
and counts them the obvious way: what a value selects (an issue with its narrower issues, the
joint side, a meeting's countries), what each facet counts with every other filter applied
but not its own, and the listings' orders. The tables must agree with it after a fresh read
and after every kind of edit an editor makes, applied as changes to a copy already held.
"""

import datetime
import itertools
from collections import Counter as Tally
from dataclasses import dataclass

import pytest
from django.http import QueryDict

from archive import facet_tables
from archive.filters import ClaimFilter, MeetingFilter
from archive.models import Claim, Issue, Meeting, Participation, Person, Publisher, Report
from archive.search import FoundClaims, backend, indexes, prepare
from tests.factories import make_issue, make_meeting


@dataclass
class Record:
    pk: int
    values: dict[str, set[str]]  # facet -> the values it has
    day: datetime.date
    order: dict[str, tuple]  # sort -> key


def claim_records() -> list[Record]:
    records = []
    claims = (
        Claim.objects.published()
        .select_related("delegation", "speaker__person", "report__publisher", "meeting")
        .prefetch_related("issues__parent")
    )
    for c in claims:
        issues = {i.slug for i in c.issues.all()} | {
            i.parent.slug for i in c.issues.all() if i.parent
        }
        published = c.report.published_at.timestamp() if c.report.published_at else 0
        records.append(
            Record(
                c.pk,
                {
                    "kind": {c.kind},
                    "country": {c.delegation.country.code if c.delegation else "joint"},
                    "official": {c.speaker.person.slug} if c.speaker else set(),
                    "meeting": {c.meeting.slug},
                    "publisher": {c.report.publisher.slug},
                    "issue": issues,
                    "year": {str(c.meeting_date.year)},
                },
                c.meeting_date,
                {
                    "newest": (-c.meeting_date.toordinal(), -c.meeting_id, c.report_id, c.start),
                    "oldest": (c.meeting_date.toordinal(), c.meeting_id, c.report_id, c.start),
                    "published": (-published, -c.meeting_date.toordinal(), c.report_id, c.start),
                    "sides": (
                        -c.meeting_date.toordinal(),
                        c.meeting_id,
                        c.joint,
                        c.delegation.side if c.delegation else 0,
                        c.report_id,
                        c.start,
                    ),
                },
            )
        )
    return records


def meeting_records() -> list[Record]:
    records = []
    public_issues: dict[int, set[str]] = {}
    for c in Claim.objects.published().prefetch_related("issues__parent"):
        for i in c.issues.all():
            public_issues.setdefault(c.meeting_id, set()).add(i.slug)
            if i.parent:
                public_issues[c.meeting_id].add(i.parent.slug)
    meetings = Meeting.objects.published().prefetch_related(
        "delegations", "participations__person", "reports"
    )
    for m in meetings:
        codes = {d.side: d.country.code for d in m.delegations.all()}
        issued = {r.issued_by.code for r in m.reports.all() if r.status == "published"}
        both = len(codes) == 2 and set(codes.values()) <= issued
        pair = "-".join(sorted(c.lower() for c in codes.values())) if len(codes) == 2 else None
        records.append(
            Record(
                m.pk,
                {
                    "country": set(codes.values()),
                    "pair": {pair} if pair else set(),
                    "official": {p.person.slug for p in m.participations.all()},
                    "issue": public_issues.get(m.pk, set()),
                    "type": {m.format},
                    "accounts": {"both" if both else "missing"},
                    "year": {str(m.start_date.year)},
                },
                m.start_date,
                {
                    "newest": (-m.start_date.toordinal(), m.title, m.pk),
                    "oldest": (m.start_date.toordinal(), m.title, m.pk),
                },
            )
        )
    return records


def selected(records, chosen: dict[str, set[str]], skip: str = "") -> list[Record]:
    return [
        r
        for r in records
        if all(r.values[name] & values for name, values in chosen.items() if name != skip)
    ]


def expected(records, chosen: dict[str, set[str]]) -> dict:
    counts = {}
    for name in records[0].values if records else []:
        if name == "year":
            continue
        tally = Tally(v for r in selected(records, chosen, skip=name) for v in r.values[name])
        counts[name] = dict(tally)
    return {"total": len(selected(records, chosen)), "counts": counts}


def found(filters) -> dict:
    counts = {
        name: {c.value: c.count for c in counted.choices if c.count}
        for name, counted in filters.facet_counts().items()
    }
    return {"total": filters.total(), "counts": counts}


def states(records) -> list[dict[str, set[str]]]:
    """States that choose the busiest values of every facet, alone and together, and one that
    leaves nothing."""
    busiest = {
        name: [v for v, _ in Tally(v for r in records for v in r.values[name]).most_common(2)]
        for name in records[0].values
    }
    result = [{}]
    for name, values in busiest.items():
        if values:
            result.append({name: {values[0]}})
            result.append({name: set(values)})
    names = [n for n in busiest if busiest[n]]
    for first, second in itertools.pairwise(names):
        result.append({first: {busiest[first][0]}, second: {busiest[second][-1]}})
    result.append({names[0]: {busiest[names[0]][0]}, "year": {"1999"}})
    return result


def query(chosen: dict[str, set[str]]) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, values in chosen.items():
        data.setlist(name, sorted(values))
    return data


def check_claims(matches=None, key=""):
    records = claim_records()
    if matches is not None:
        matched = set(matches.ids().tolist())
        records = [r for r in records if r.pk in matched]
    for chosen in states(claim_records()):
        filters = ClaimFilter(query(chosen), matches=matches, key=key, ranked=False)
        assert found(filters) == expected(records, chosen), chosen
        by_side = Tally(
            (r.day.replace(day=1), side)
            for r in selected(records, chosen, skip="year")
            for side in r.values["country"]
        )
        timeline = {(month, side): n for month, side, n in filters.monthly_counts_by("country")}
        assert timeline == dict(by_side), chosen
        orders = ("newest", "oldest", "published", "sides")
        for order in orders[:2] if matches else orders:
            # A search sorted by date reads in the listing's order.
            wanted = sorted(selected(records, chosen), key=lambda r: r.order[order])
            assert filters.ids(order) == [r.pk for r in wanted], (chosen, order)
            assert filters.ids(order, 3, 5) == [r.pk for r in wanted][3:8], (chosen, order)


def check_meetings():
    records = meeting_records()
    for chosen in states(records):
        filters = MeetingFilter(query(chosen))
        assert found(filters) == expected(records, chosen), chosen
        for order in ("newest", "oldest"):
            wanted = [r.pk for r in sorted(selected(records, chosen), key=lambda r: r.order[order])]
            assert filters.ids(order) == wanted, (chosen, order)


@pytest.fixture
def varied(seed):
    """The seed, and meetings of other pairs, formats, years and issues with narrower ones."""
    taiwan = Issue.objects.get(slug="taiwan")
    strait = make_issue("Taiwan Strait crossings", parent=taiwan)
    make_meeting(countries=("RU", "US"), claims=7, issue=strait, start=datetime.date(2019, 2, 3))
    make_meeting(countries=("CN", "RU"), claims=5, start=datetime.date(2023, 6, 9))
    make_meeting(countries=("IN", "US"), claims=4, issue=taiwan, start=datetime.date(2021, 3, 18))
    make_meeting(status="draft", claims=3)
    call = Meeting.objects.get(format="call")
    Meeting.objects.filter(pk=call.pk).update(title="A call")  # a title among the others'


def test_a_fresh_read_agrees_with_the_archive(varied):
    check_claims()
    check_meetings()


def edits() -> list:
    """Every kind of edit an editor makes, each applied on its own."""

    def kind():
        claim = Claim.objects.published().filter(kind="position").first()
        claim.kind = "demand"
        claim.save()

    def side():
        claim = Claim.objects.published().filter(joint=True).first()
        claim.joint = False
        claim.delegation = claim.meeting.delegations.get(side=2)
        claim.save()

    def issues():
        claim = Claim.objects.published().filter(issues__slug="xinjiang").first()
        claim.issues.set([Issue.objects.get(slug="taiwan-strait-crossings")])

    def withdraw():
        Claim.objects.published().filter(issues__slug="taiwan").first().delete()

    def unpublish_a_meeting():
        meeting = Meeting.objects.published().get(delegations__country="IN")
        meeting.status = "draft"
        meeting.save()

    def publish_a_meeting():
        draft = Meeting.objects.filter(status="draft").exclude(delegations__country="IN").get()
        draft.status = "published"
        draft.save()
        for report in draft.reports.all():
            report.status = "published"
            report.save()

    def rename_an_official():
        person = Person.objects.filter(participations__isnull=False).first()
        person.name = "A renamed official"
        person.save()

    def move_an_issue():
        strait = Issue.objects.get(slug="taiwan-strait-crossings")
        strait.parent = Issue.objects.get(slug="hong-kong")
        strait.save()

    def another_publisher():
        report = Report.objects.filter(status="published").last()
        report.publisher = Publisher.objects.create(name="Another wire")
        report.issued_by = report.meeting.delegations.get(side=1).country
        report.save()

    def clear_an_issue():
        Issue.objects.get(slug="taiwan").claims.clear()

    def new_meeting():
        make_meeting(countries=("JP", "KR"), claims=6, start=datetime.date(2024, 1, 2))

    def move_a_date():
        meeting = Meeting.objects.published().get(delegations__country="JP")
        meeting.start_date = datetime.date(2015, 5, 5)
        meeting.save()

    def leave_a_delegation():
        Participation.objects.filter(claims__isnull=True).first().delete()

    return [
        kind,
        side,
        issues,
        withdraw,
        unpublish_a_meeting,
        publish_a_meeting,
        rename_an_official,
        move_an_issue,
        another_publisher,
        clear_an_issue,
        new_meeting,
        move_a_date,
        leave_a_delegation,
    ]


def read_everything_again():
    raise AssertionError("the whole archive was read again")


def test_every_edit_reaches_a_copy_already_held(varied, monkeypatch):
    copy = facet_tables.current()
    monkeypatch.setattr(facet_tables, "build", read_everything_again)
    for edit in edits():
        edit()
        held = facet_tables.current()
        assert held.revision > copy.revision, edit.__name__
        copy = held
        try:
            check_claims()
            check_meetings()
        except AssertionError as error:
            raise AssertionError(f"after {edit.__name__}: {error}") from error


def test_a_bulk_change_reads_everything_again(varied, monkeypatch):
    from archive.models import Revision

    facet_tables.current()
    Claim.objects.filter(kind="position").update(kind="warning")  # no signal names the rows
    Revision.bump()
    reads = counted_reads(monkeypatch)
    facet_tables.current()
    assert reads == [1]
    check_claims()


@pytest.mark.parametrize("words", ["restraint", "Taiwan OR Xinjiang", '"the two sides"'])
def test_a_search_is_narrowed_and_counted_like_a_listing(varied, words):
    parsed = prepare(words).parsed
    matches = FoundClaims(parsed)
    assert len(matches.ids())
    check_claims(matches, key=words)


def test_a_search_ranks_by_relevance_then_newest_id(varied):
    parsed = prepare("Taiwan OR dialogue").parsed
    ids, scores = backend().scored(Claim, parsed, indexes.CLAIMS)
    published = set(Claim.objects.published().values_list("pk", flat=True))
    wanted = [
        pk
        for _, pk in sorted(zip((-scores).tolist(), (-ids).tolist(), strict=True))
        if -pk in published
    ]
    filters = ClaimFilter(QueryDict(""), matches=FoundClaims(parsed), key="x", ranked=True)
    assert filters.ids("relevance") == [-pk for pk in wanted]
    narrowed = ClaimFilter(QueryDict("country=CN"), matches=FoundClaims(parsed), key="x")
    china = set(Claim.objects.filter(delegation__country="CN").values_list("pk", flat=True))
    assert narrowed.ids("relevance") == [-pk for pk in wanted if -pk in china]


def test_a_copy_older_than_the_changes_kept_reads_everything_again(varied, monkeypatch):
    from archive.models import Change, Revision

    facet_tables.current()
    claim = Claim.objects.published().first()
    claim.kind = "warning"
    claim.save()
    Revision.bump("claim", [claim.pk])
    Change.objects.filter(revision__lte=Revision.current() - 1).delete()  # pruned
    reads = counted_reads(monkeypatch)
    facet_tables.current()
    assert reads == [1]
    check_claims()


def counted_reads(monkeypatch) -> list[int]:
    """How many times the whole archive is read from now on (one number, in a list)."""
    reads = [0]
    build = facet_tables.build

    def counting():
        reads[0] += 1
        return build()

    monkeypatch.setattr(facet_tables, "build", counting)
    return reads
