"""Score the importer's proposals against hand annotations of real readouts.

The corpus lives in `tests/ingest/corpus/` (its README gives the annotation's form);
`bench/ingest.py` prints the scores and `tests/ingest/test_corpus.py` keeps them from
falling. Plain Python, like the parser: the scores depend on text alone.
"""

import datetime
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from archive.ingest.parser import parse
from archive.ingest.proposal import Proposal

# Two claims are the same when their spans overlap by this share of the shorter one.
CLAIM_OVERLAP = 0.8


@dataclass
class Annotation:
    name: str
    text: str
    data: dict

    @property
    def split(self) -> str:
        return self.data.get("split", "dev")

    @property
    def english(self) -> bool:
        """The importer reads English; a readout in another language is scored apart."""
        return self.data["source"].get("language", "en") == "en"

    @property
    def form(self) -> str:
        return self.data["source"].get("form", "")

    @property
    def address(self) -> str:
        """Where the copy was found: an editor importing it knows this and may give it."""
        return self.data["source"].get("url") or ""


@dataclass
class Tally:
    """Counts that add up over texts; the rates are computed from the sums."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, key: str, value: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + value

    def __iadd__(self, other: "Tally") -> "Tally":
        for key, value in other.counts.items():
            self.add(key, value)
        return self

    def get(self, key: str) -> int:
        return self.counts.get(key, 0)

    def rate(self, part: str, whole: str) -> float | None:
        return self.get(part) / self.get(whole) if self.get(whole) else None


# The measures a report prints, as (label, part, whole).
MEASURES = [
    ("participants precision", "participants_matched_proposed", "participants_proposed"),
    ("participants recall", "participants_found", "participants"),
    ("participant side", "participant_side_right", "participants_found"),
    ("participant title", "participant_title_right", "participants_found"),
    ("date", "date_right", "dates_stated"),
    ("place", "place_right", "places_stated"),
    ("claims precision", "claims_matched_proposed", "claims_proposed"),
    ("claims recall", "claims_found", "claims"),
    ("claim speaker", "claim_speaker_right", "claims_found"),
    ("claim side", "claim_side_right", "claims_found"),
    ("claims right", "claims_right", "claims_proposed"),
    # Of the claims put in a wrong mouth (another side, both sides where one spoke, or one
    # where both did), how many the review marks "Check who said it": the rest an editor
    # may save unchecked. A claim of no side is not saved as proposed, and not counted.
    ("wrong side flagged", "wrong_side_flagged", "wrong_side"),
    ("right side flagged", "right_side_flagged", "claim_side_right"),
    ("official's wrong side flagged", "participant_wrong_side_flagged", "participant_wrong_side"),
    ("official's right side flagged", "participant_right_side_flagged", "participant_side_right"),
]


def load(folder: Path) -> list[Annotation]:
    annotations = []
    for path in sorted(folder.glob("*.json")):
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        data = json.loads(path.read_text(encoding="utf-8"))
        annotations.append(Annotation(path.stem, text, data))
    return annotations


def problems(annotation: Annotation) -> list[str]:
    """What makes an annotation unusable: words that are not in its text, a speaker who is
    not a participant."""
    found, text, data = [], annotation.text, annotation.data
    names = {p["name"] for p in data["participants"]}
    for claim in data["claims"]:
        if claim["text"] not in text:
            found.append(f"claim not in the text: {claim['text'][:60]!r}")
        if not claim.get("joint") and not claim.get("side"):
            found.append(f"claim without a side: {claim['text'][:60]!r}")
        if claim.get("speaker") and claim["speaker"] not in names:
            found.append(f"speaker is not a participant: {claim['speaker']!r}")
    for person in data["participants"]:
        if person["name"] not in text:
            found.append(f"participant not in the text: {person['name']!r}")
    return found


# --- names ----------------------------------------------------------------------------------


def folded(text: str) -> str:
    """Lower case without accents or punctuation: "Çavuşoğlu's" and "CAVUSOGLU" agree."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("\u0131", "i")  # Turkish dotless i
    return " ".join(re.findall(r"[\w]+", text))


HONORIFICS = {"mr", "ms", "mrs", "dr", "h", "e", "his", "her", "excellency"}


def name_words(name: str) -> set[str]:
    return {w for w in folded(name).split() if w not in HONORIFICS and len(w) > 1}


def same_person(proposed: str, annotated: str) -> float:
    """How well a proposed name fits an annotated one: 0 when neither's words are all in
    the other ("Wang" fits "Wang Yi"; "Wang Yi" does not fit "Wang Wenbin")."""
    a, b = name_words(proposed), name_words(annotated)
    if not a or not b or not (a <= b or b <= a):
        return 0.0
    return len(a & b) / len(a | b)


def pair_up(proposed: list, annotated: list, score) -> list[tuple[int, int]]:
    """One-to-one pairs, best first, of items whose score is above 0."""
    candidates = sorted(
        (
            (score(p, a), i, j)
            for i, p in enumerate(proposed)
            for j, a in enumerate(annotated)
            if score(p, a) > 0
        ),
        reverse=True,
    )
    used_p, used_a, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_p and j not in used_a:
            used_p.add(i)
            used_a.add(j)
            pairs.append((i, j))
    return pairs


def plain_title(title: str | None) -> str:
    return re.sub(r"^the ", "", folded(title or ""))


# --- scoring --------------------------------------------------------------------------------


@dataclass
class Score:
    name: str
    tally: Tally
    errors: list[str]


def score(annotation: Annotation) -> Score:
    tally, errors = Tally(), []
    try:
        proposal = parse(annotation.text, default_year=None, address=annotation.address)
    except Exception as error:  # a crash is scored, not raised: every text is reported
        tally.add("crashes")
        return Score(annotation.name, tally, [f"crash: {error!r}"])
    for claim in proposal.claims:
        if proposal.body[claim.start : claim.end] != claim.text:
            tally.add("not_verbatim")
            errors.append(f"not verbatim: {claim.text[:60]!r}")
    score_participants(proposal, annotation.data, tally, errors)
    score_meeting(proposal, annotation.data["meeting"], tally, errors)
    score_claims(proposal, annotation, tally, errors)
    return Score(annotation.name, tally, errors)


def score_participants(proposal: Proposal, data: dict, tally: Tally, errors: list[str]) -> None:
    proposed = [o for o in proposal.officials if o.role == "participant"]
    annotated = data["participants"]
    tally.add("participants", len(annotated))
    tally.add("participants_proposed", len(proposed))
    pairs = pair_up(proposed, annotated, lambda o, a: same_person(o.name.text, a["name"]))
    tally.add("participants_found", len(pairs))
    tally.add("participants_matched_proposed", len(pairs))
    matched_p = {i for i, _ in pairs}
    matched_a = {j for _, j in pairs}
    for i, j in pairs:
        official, person = proposed[i], annotated[j]
        if official.country == person["side"]:
            tally.add("participant_side_right")
            tally.add("participant_right_side_flagged", bool(official.doubt))
        else:
            errors.append(f"side of {person['name']}: {official.country} for {person['side']}")
            if official.country is not None:
                tally.add("participant_wrong_side")
                tally.add("participant_wrong_side_flagged", bool(official.doubt))
        title = official.title.text if official.title else None
        if plain_title(title) == plain_title(person.get("title")):
            tally.add("participant_title_right")
        else:
            errors.append(f"title of {person['name']}: {title!r} for {person.get('title')!r}")
    mentioned = data.get("mentioned", [])
    for i, official in enumerate(proposed):
        if i in matched_p:
            continue
        if any(same_person(official.name.text, m) for m in mentioned):
            tally.add("non_participants_saved")
            errors.append(f"saved as a participant, only mentioned: {official.name.text}")
        else:
            errors.append(f"not a participant: {official.name.text}")
    for j, person in enumerate(annotated):
        if j not in matched_a:
            errors.append(f"participant missed: {person['name']}")


def score_meeting(proposal: Proposal, meeting: dict, tally: Tally, errors: list[str]) -> None:
    found = proposal.meeting
    if meeting.get("start"):
        tally.add("dates_stated")
        start = datetime.date.fromisoformat(meeting["start"])
        end = datetime.date.fromisoformat(meeting.get("end") or meeting["start"])
        if (found.start, found.end) == (start, end):
            tally.add("date_right")
        else:
            errors.append(f"date: {found.start}..{found.end} for {start}..{end}")
    elif found.start is not None:
        tally.add("dates_invented")
        errors.append(f"date given where the text states none: {found.start}")
    if meeting.get("place"):
        tally.add("places_stated")
        place = found.place.text if found.place else ""
        if same_place(place, meeting["place"]):
            tally.add("place_right")
        else:
            errors.append(f"place: {place!r} for {meeting['place']!r}")


def same_place(proposed: str, annotated: str) -> bool:
    """The proposed place names the annotated one's first part ("Anchorage" in "Anchorage,
    Alaska"), or the other way round."""
    a, b = folded(proposed), folded(annotated)
    if not a or not b:
        return False
    first_a, first_b = folded(proposed.split(",")[0]), folded(annotated.split(",")[0])
    return first_b in a or first_a in b


def located(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.find(words, after)
    if start < 0:
        start = text.find(words)
    return start, start + len(words)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shared / shorter if shared > 0 and shorter > 0 else 0.0


def score_claims(
    proposal: Proposal, annotation: Annotation, tally: Tally, errors: list[str]
) -> None:
    annotated = annotation.data["claims"]
    spans, cursor = [], 0
    for claim in annotated:
        span = located(annotation.text, claim["text"], cursor)
        spans.append(span)
        cursor = span[0] + 1
    proposed = proposal.claims
    tally.add("claims", len(annotated))
    tally.add("claims_proposed", len(proposed))

    def fit(p, j):
        share = overlap((p.start, p.end), spans[j])
        return share if share >= CLAIM_OVERLAP else 0.0

    pairs = pair_up(proposed, list(range(len(annotated))), fit)
    tally.add("claims_found", len(pairs))
    tally.add("claims_matched_proposed", len(pairs))
    for i, j in pairs:
        claim, truth = proposed[i], annotated[j]
        speaker = proposal.officials[claim.speaker].name.text if claim.speaker is not None else None
        if truth.get("joint"):
            side_right = claim.attribution == "joint"
            speaker_right = speaker is None
        else:
            side_right = claim.attribution != "joint" and claim.side == truth["side"]
            wanted = truth.get("speaker")
            speaker_right = (
                speaker is None
                if wanted is None
                else bool(speaker and same_person(speaker, wanted))
            )
        tally.add("claim_side_right", side_right)
        # Flagged on its own row, or on its speaker's ("Check the side").
        flagged = bool(claim.doubt) or bool(
            claim.speaker is not None and proposal.officials[claim.speaker].doubt
        )
        if side_right:
            tally.add("right_side_flagged", flagged)
        elif claim.attribution == "joint" or claim.side is not None:
            tally.add("wrong_side")
            tally.add("wrong_side_flagged", flagged)
            if not flagged:
                errors.append(f"wrong side, not flagged: {claim.text[:70]!r}")
        tally.add("claim_speaker_right", speaker_right)
        tally.add("claims_right", side_right and speaker_right)
        if not (side_right and speaker_right):
            who = "joint" if truth.get("joint") else f"{truth['side']}/{truth.get('speaker')}"
            said = "joint" if claim.attribution == "joint" else f"{claim.side}/{speaker}"
            errors.append(f"claim given to {said}, not {who}: {claim.text[:70]!r}")
    matched_p = {i for i, _ in pairs}
    matched_a = {j for _, j in pairs}
    for i, claim in enumerate(proposed):
        if i not in matched_p:
            errors.append(f"not a claim: {claim.text[:80]!r}")
    for j, truth in enumerate(annotated):
        if j not in matched_a:
            errors.append(f"claim missed: {truth['text'][:80]!r}")


def total(scores: Iterable[Score]) -> Tally:
    summed = Tally()
    for one in scores:
        summed += one.tally
    return summed
