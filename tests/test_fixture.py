"""The curated seed archive: what `make run` serves must be complete and verbatim."""

import pytest

from archive.models import Claim, Footnote, Issue, Meeting, Person, Report, Synonym
from archive.text import normalise

pytestmark = pytest.mark.django_db

SEED_TEXT = "seeds/memri-special-dispatch-9249.txt"


def test_the_seed_text_is_kept_unchanged(settings):
    from pathlib import Path

    ours = (Path(settings.BASE_DIR) / SEED_TEXT).read_bytes()
    shared = Path(settings.BASE_DIR).parent / "shared" / "seeds" / Path(SEED_TEXT).name
    if shared.exists():
        assert ours == shared.read_bytes()
    assert b"Special Dispatch No. 9249" in ours


def test_every_claim_is_verbatim_at_its_offsets(dispatch):
    claims = list(Claim.objects.filter(report=dispatch))
    assert len(claims) >= 40
    for claim in claims:
        assert dispatch.body[claim.start : claim.end] == claim.text, claim.pk
        claim.full_clean()  # the model's own verbatim rule agrees


def test_every_claim_has_issues_and_a_side_or_is_joint(dispatch):
    for claim in Claim.objects.filter(report=dispatch).prefetch_related("issues"):
        assert claim.issues.exists(), claim.pk
        assert claim.joint or claim.delegation.meeting_id == dispatch.meeting_id


def test_both_sides_and_joint_agreements_are_represented(dispatch):
    claims = Claim.objects.filter(report=dispatch)
    assert claims.filter(delegation__country="CN").count() >= 40
    assert claims.filter(delegation__country="US").exists()
    assert claims.filter(joint=True, kind=Claim.Kind.AGREEMENT).count() >= 5


def test_the_report_metadata(dispatch):
    assert dispatch.reference == "Special Dispatch No. 9249"
    assert dispatch.date.isoformat() == "2021-03-23"
    assert "Xinhua" in dispatch.original_source
    assert dispatch.is_published
    assert normalise(dispatch.body).startswith("On March 18 and 19, 2021, in Anchorage")
    assert "Share this Report" not in dispatch.body
    assert list(Footnote.objects.filter(report=dispatch).values_list("number", flat=True)) == [
        1,
        3,
        4,
    ]


def test_the_meeting_and_its_delegations(anchorage):
    assert (anchorage.start_date.isoformat(), anchorage.end_date.isoformat()) == (
        "2021-03-18",
        "2021-03-19",
    )
    assert "Anchorage" in anchorage.place
    sides = {d.country.code: d for d in anchorage.delegations.all()}
    assert set(sides) == {"CN", "US"}
    titles = {
        p.person.name: (p.title, p.is_head)
        for p in anchorage.participations.select_related("person")
    }
    assert titles == {
        "Yang Jiechi": (
            "Member of the Political Bureau of the CPC Central Committee and Director of the "
            "Office of the Central Commission for Foreign Affairs",
            True,
        ),
        "Wang Yi": ("State Councilor and Foreign Minister", True),
        "Antony Blinken": ("Secretary of State", True),
        "Jake Sullivan": ("National Security Advisor", True),
    }


def test_the_xi_biden_call_is_a_related_meeting(anchorage):
    call = anchorage.related_meetings.get()
    assert call.format == Meeting.Format.CALL
    assert call.start_date.isoformat() == "2021-02-11"
    assert set(call.participations.values_list("person__name", flat=True)) == {
        "Xi Jinping",
        "Joe Biden",
    }


def test_blinken_is_one_person_with_the_dispatchs_other_spelling(seed):
    assert Person.objects.filter(name__icontains="blinken").count() == 1
    assert Person.objects.get(aliases__name="Anthony Blinken").name == "Antony Blinken"


def test_the_issues_the_dispatch_covers(seed):
    names = set(Issue.objects.values_list("name", flat=True))
    assert {
        "Taiwan",
        "Hong Kong",
        "Xinjiang",
        "Tibet",
        "Climate change",
        "COVID-19",
        "Human rights",
        "Political system and CPC leadership",
        "Multilateralism",
        "Trade and economy",
        "Myanmar",
        "Afghanistan",
    } <= names
    assert Issue.objects.get(aliases__name="HKSAR").name == "Hong Kong"
    assert Issue.objects.get(aliases__name="Xizang").name == "Tibet"


def test_the_synonyms_the_dispatch_points_at(seed):
    sets = [set(s.term_list) for s in Synonym.objects.all()]
    assert any({"CPC", "CCP", "Communist Party of China"} <= terms for terms in sets)
    assert any({"U.S.", "United States"} <= terms for terms in sets)
    assert any({"HKSAR", "Hong Kong"} <= terms for terms in sets)


def test_the_fixture_is_what_the_curation_script_builds(settings):
    """The JSON is generated from fixtures/curate_anchorage.py: they must not drift apart."""
    import json
    import runpy
    from pathlib import Path

    script = runpy.run_path(str(Path(settings.BASE_DIR) / "fixtures" / "curate_anchorage.py"))
    committed = json.loads(
        (Path(settings.BASE_DIR) / "fixtures" / "anchorage-2021.json").read_text()
    )
    assert script["build"]() == committed


def test_load_seed_only_fills_an_empty_archive(db, capsys):
    from django.core.management import call_command

    call_command("load_seed")
    assert Report.objects.count() == 1
    call_command("load_seed")
    assert Report.objects.count() == 1
    assert "already holds reports" in capsys.readouterr().out


def test_the_seed_starts_the_history_an_editor_can_revert_to(db):
    from django.core.management import call_command

    call_command("load_seed")
    report = Report.objects.get()
    assert report.history.count() == 1
    assert Claim.history.count() == Claim.objects.count()
