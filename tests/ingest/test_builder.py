"""From a proposal to archive records: the recall of the parser on the seed, measured
against the curated fixture; drafts built in one transaction; duplicates refused."""

from pathlib import Path

import pytest

from archive.ingest.builder import Duplicate, build, find_duplicate, plan_from_proposal, propose
from archive.models import Claim, Meeting, Participation, Person, Publisher, Report, Status
from archive.text import normalise

pytestmark = pytest.mark.django_db

SEED = Path(__file__).parents[2] / "seeds" / "memri-special-dispatch-9249.txt"
TEXTS = Path(__file__).parent / "texts"


def side_of(claim) -> str | None:
    return None if claim.joint else str(claim.delegation.country)


def test_the_parser_finds_68_of_the_70_curated_claims_with_their_side(seed, capsys):
    proposal = propose(SEED.read_text())
    proposed = {
        (normalise(c.text), None if c.attribution == "joint" else c.side) for c in proposal.claims
    }
    curated = list(Claim.objects.select_related("delegation"))
    found = [c for c in curated if (normalise(c.text), side_of(c)) in proposed]
    recall = len(found) / len(curated)
    with capsys.disabled():
        print(f"\nrecall on the seed: {len(found)}/{len(curated)} = {recall:.0%}")
    # What the importer finds on the seed never falls below what it found before it was
    # taught the corpus of real readouts.
    assert len(found) >= 68


def test_the_seed_proposes_the_four_officials_with_their_titles_and_sides(seed):
    proposal = propose(SEED.read_text())
    participants = {
        o.person: (o.title.text.replace("[Communist Party of China] ", ""), o.country)
        for o in proposal.officials
        if o.role == "participant"
    }
    expected = {
        p.person.slug: (p.title, str(p.delegation.country))
        for p in Participation.objects.filter(meeting__slug__startswith="2021-03-18")
    }
    assert participants == expected


def test_an_import_creates_drafts_of_everything_in_one_go():
    memri = Publisher.objects.create(name="Middle East Media Research Institute (MEMRI)")
    report = build(plan_from_proposal(propose(SEED.read_text()), publisher=memri))
    assert (report.status, report.meeting.status) == (Status.DRAFT, Status.DRAFT)
    assert (report.series, report.number, str(report.issued_by)) == (
        "Special Dispatch",
        "9249",
        "CN",
    )
    meeting = report.meeting
    assert (str(meeting.start_date), str(meeting.end_date), meeting.place) == (
        "2021-03-18",
        "2021-03-19",
        "Anchorage, Alaska",
    )
    assert [str(d.country) for d in meeting.delegations.order_by("side")] == ["CN", "US"]
    assert sorted(Person.objects.values_list("name", flat=True)) == [
        "Anthony Blinken",
        "Jake Sullivan",
        "Wang Yi",
        "Yang Jiechi",
    ]
    claims = list(report.claims.all())
    assert len(claims) >= 63
    assert all(report.body[c.start : c.end] == c.text for c in claims)
    # Searchable at once: each claim's search text was written (once, at the end).
    assert all(c.search_context for c in claims)
    assert all(c.search_issues for c in claims if c.issues.exists())
    assert report.footnotes.count() == 3
    assert not Claim.objects.published().exists()


def test_an_existing_meeting_and_known_officials_are_reused(seed):
    anchorage = Meeting.objects.get(slug__startswith="2021-03-18")
    Report.objects.all().delete()
    people = Person.objects.count()
    report = build(
        plan_from_proposal(propose(SEED.read_text()), Publisher.objects.get(slug="memri"))
    )
    assert report.meeting == anchorage
    assert Person.objects.count() == people
    blinken = report.claims.filter(speaker__isnull=False).first()
    assert blinken is None or blinken.speaker.meeting == anchorage


def test_a_report_already_in_the_archive_is_not_imported_again(seed):
    dispatch = Report.objects.get()
    # The same text with other line breaks and straight quotes is the same report.
    text = SEED.read_text().replace("\n\n", "\n\n\n").replace("\u201c", '"')
    assert find_duplicate(propose(text).text.text) == dispatch
    counts = Claim.objects.count(), Meeting.objects.count()
    with pytest.raises(Duplicate) as refused:
        build(plan_from_proposal(propose(text)))
    assert refused.value.report == dispatch
    assert (Claim.objects.count(), Meeting.objects.count()) == counts


def test_the_same_publisher_and_number_is_a_duplicate_too(seed):
    memri = Publisher.objects.get(slug="memri")
    assert find_duplicate("Another text", memri, "Special Dispatch", "9249") == Report.objects.get()
    assert find_duplicate("Another text", memri, "Special Dispatch", "9250") is None


def test_a_failure_in_the_middle_leaves_the_archive_as_it_was(claim_save_fails_at):
    memri = Publisher.objects.create(name="MEMRI")
    plan = plan_from_proposal(propose(SEED.read_text()), publisher=memri)
    claim_save_fails_at(10, RuntimeError("the database went away"))
    with pytest.raises(RuntimeError):
        build(plan)
    assert not Report.objects.exists()
    assert not Meeting.objects.exists()
    assert not Person.objects.exists()
    assert not Claim.objects.exists()
    assert list(Publisher.objects.all()) == [memri]


def test_a_readout_of_another_kind_builds_with_its_speakers():
    text = (TEXTS / "mfa-readout.txt").read_text()
    report = build(plan_from_proposal(propose(text), Publisher.objects.create(name="MFA")))
    speakers = set(
        report.claims.exclude(speaker=None).values_list("speaker__person__name", flat=True)
    )
    assert speakers == {"Wang Yi", "Mevlüt Çavuşoğlu"}
    assert report.claims.filter(joint=True).count() == 2


def test_an_imported_dispatch_keeps_its_introduction_apart_from_the_account(db):
    from archive.ingest.builder import build, plan_from_proposal, propose

    publisher = Publisher.objects.create(name="Middle East Media Research Institute (MEMRI)")
    report = build(plan_from_proposal(propose(SEED.read_text()), publisher))
    # The ministry's account begins after "Below is ... report:" and its source line.
    assert report.body[report.relayed_from :].startswith("Dialogue Is Timely And Helpful")
    tough = report.claims.get(text="tough and direct")  # Washington's words, in MEMRI's intro
    assert tough.in_introduction and tough.reported_by == ""
    later = report.claims.filter(text__contains="biggest lie").get()
    assert not later.in_introduction


def test_one_plan_of_the_proposal_marks_what_an_import_saves_and_the_review_shows_all():
    from archive.admin_import.forms import initial_review

    proposal = propose(
        "Foreign Minister Wang Yi met with U.S. Secretary of State Antony Blinken in Beijing on "
        "June 19, 2023. Wang Yi recalled the visit of President Richard Nixon.\n\n"
        "Wang Yi said China is ready to work with the United States.\n\n"
        "Blinken said the United States will keep lines of communication open.\n"
    )
    plan = plan_from_proposal(proposal)
    nixon = next(o for o in plan.officials if o.name == "Richard Nixon")
    assert (nixon.include, nixon.role) == (False, "mentioned")
    saved = plan.included()
    assert "Richard Nixon" not in {o.name for o in saved.officials}
    # A kept claim's speaker points at the same official in the plan that is saved.
    for claim in saved.claims:
        if claim.speaker is not None:
            assert saved.officials[claim.speaker].name in ("Wang Yi", "Antony Blinken")
    # The review offers every official the importer named, the mentioned one unticked, and
    # the report's fields under the plan's own names.
    initial = initial_review(proposal)
    assert [o["name"] for o in initial["officials"]] == [o.name for o in plan.officials]
    assert [o["include"] for o in initial["officials"]] == [o.include for o in plan.officials]
    assert initial["review"]["start_date"] == plan.start_date
    assert (initial["review"]["first_country"], initial["review"]["second_country"]) == (
        plan.countries
    )
