"""The importer on the corpus of real readouts annotated by hand (`tests/ingest/corpus/`):
every annotation is usable, no text crashes the parser or yields words that are not the
text's, and the scores `bench/ingest.py` prints do not fall below what they were."""

import re
from pathlib import Path

import pytest

from archive.ingest.evaluation import load, problems, score, total
from archive.ingest.parser import parse
from tests.ingest.test_parser import assert_everything_is_a_span

CORPUS = Path(__file__).parent / "corpus"
ANNOTATIONS = load(CORPUS)
# The totals over the 175 texts in English on 2026-12-08, rounded down: a change that loses
# any of them loses something an editor relied on. Raise them as the importer improves.
FLOORS = {
    ("participants_found", "participants"): 0.92,
    ("participants_matched_proposed", "participants_proposed"): 0.92,
    ("participant_side_right", "participants_found"): 0.89,
    ("participant_title_right", "participants_found"): 0.76,
    ("date_right", "dates_stated"): 0.88,
    ("place_right", "places_stated"): 0.79,
    ("claims_found", "claims"): 0.76,
    ("claims_matched_proposed", "claims_proposed"): 0.89,
    ("claim_speaker_right", "claims_found"): 0.93,
    ("claim_side_right", "claims_found"): 0.91,
    ("claims_right", "claims_proposed"): 0.80,
}


def test_the_corpus_holds_thirty_real_readouts_from_eight_publishers():
    english = [a for a in ANNOTATIONS if a.english]
    assert len(english) >= 30
    assert len({a.data["source"]["publisher"] for a in ANNOTATIONS}) >= 8
    assert len({a.data["source"]["country"] for a in ANNOTATIONS}) >= 5
    assert {a.split for a in english} == {"dev", "test"}


@pytest.mark.parametrize("annotation", ANNOTATIONS, ids=lambda a: a.name)
def test_each_annotation_is_usable_and_each_proposal_is_made_of_the_text(annotation):
    assert problems(annotation) == []
    proposal = parse(annotation.text)
    assert_everything_is_a_span(proposal)
    # A side is a country's code or none: never a stand-in for one not yet known.
    sides = [c.side for c in proposal.claims] + [o.country for o in proposal.officials]
    assert all(side is None or re.fullmatch(r"[A-Z]{2}", side) for side in sides)


def test_the_scores_do_not_fall():
    summed = total(score(a) for a in ANNOTATIONS if a.english)
    assert summed.get("crashes") == 0
    assert summed.get("not_verbatim") == 0
    # The officials only mentioned whom an import as proposed would save: not to grow.
    assert summed.get("non_participants_saved") <= 8
    for (part, whole), floor in FLOORS.items():
        assert summed.rate(part, whole) >= floor, (part, whole, summed.rate(part, whole))


def test_a_claim_in_the_wrong_mouth_is_counted_with_whether_the_review_flags_it():
    from archive.ingest.evaluation import Annotation

    text = (
        "Kazakh Foreign Minister Kairat Abdrakhmanov met with Kyrgyz Foreign Minister Erlan "
        "Abdyldayev in Astana on May 3, 2017.\n\n"
        "Abdrakhmanov said cooperation between the two countries develops dynamically. "
        "Kyrgyzstan is Kazakhstan's strategic partner and ally.\n"
    )
    person = {"side": "KZ", "title": "Foreign Minister"}
    data = {
        "source": {"url": "", "publisher": "Kazinform", "country": "KZ", "form": "readout"},
        "meeting": {"start": "2017-05-03", "end": "2017-05-03", "place": "Astana"},
        "participants": [
            {"name": "Kairat Abdrakhmanov", **person},
            {"name": "Erlan Abdyldayev", **person, "side": "KG"},
        ],
        "claims": [
            {"text": "Kyrgyzstan is Kazakhstan's strategic partner and ally.", "side": "KZ",
             "speaker": "Kairat Abdrakhmanov"},
        ],
    }  # fmt: skip
    tally = score(Annotation("kazakh", text, data)).tally
    assert (tally.get("wrong_side"), tally.get("wrong_side_flagged")) == (1, 1)
