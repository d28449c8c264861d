"""A first guess at the kind of each claim and the format of the meeting, for the editor
to correct."""

import re

from archive.ingest.lexicon import CALL_WORDS, SUMMIT_WORDS, VISIT_WORDS

KIND_CUES = [
    (
        "denial",
        r"\b(?:no intention|biggest lie|never (?:will|has|had)|den(?:y|ies|ied)|"
        r"rejects?|groundless|not true|no such)\b",
    ),
    (
        "demand",
        r"\b(?:urges?|urged|calls? on|called on|demands?|must stop|should stop|"
        r"stop \w+ing|hopes? that the|asks?|requests?|should (?:have|handle|"
        r"respect|abide|revoke|cease|stop))\b",
    ),
    (
        "warning",
        r"\b(?:red line|firm responses?|will not allow|should not be|warn(?:s|"
        r"ed)?|consequences|bottom line|if the \w+(?: \w+)? continues)\b",
    ),
    (
        "accusation",
        r"\b(?:erroneous|smear\w*|suppression|meddl\w+|interfere\w*|separatist|"
        r"damaged|bully\w*|accus\w+)\b",
    ),
    (
        "proposal",
        r"\b(?:is ready to|are ready to|propos\w+|should join hands|can cooperate|"
        r"should (?:also )?strengthen|should trust|should follow|invite\w*)\b",
    ),
    (
        "commitment",
        r"\b(?:will (?:continue|promote|ground|work|resolutely)|is committed|"
        r"are committed|pledg\w+|commits?)\b",
    ),
]


def meeting_format(sentence: str) -> str:
    if CALL_WORDS.search(sentence):
        return "call"
    if SUMMIT_WORDS.search(sentence):
        return "summit"
    if VISIT_WORDS.search(sentence):
        return "visit"
    return "talks"


def kind_of(text: str, joint: bool) -> str:
    """A first guess at the kind of claim, for the editor to correct."""
    if joint:
        if re.search(r"\b(?:discussed|exchanged views)\b", text) and not re.search(
            r"\bagreed\b", text
        ):
            return "discussion"
        if re.search(
            r"\b(?:agreed|agree|committed|believe|will|expressed the hope|reached)\b", text
        ):
            return "agreement"
        return "statement"
    for kind, cue in KIND_CUES:
        if re.search(cue, text, re.IGNORECASE):
            return kind
    return "position"
