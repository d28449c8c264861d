"""People's names and titles in running text."""

import re

from archive.ingest.dates import MONTHS
from archive.ingest.lexicon import NON_NAMES, TITLE_NOUNS, TITLE_WORDS, WEEKDAYS


def word_pattern(
    words: list[str], not_after: dict[str, tuple[str, ...]] | None = None
) -> re.Pattern:
    """One case-sensitive pattern matching any of `words` as whole words, longest first;
    a word in `not_after` never right after one of its words ("America" in "Latin
    America")."""
    not_after = not_after or {}

    def alternative(word: str) -> str:
        guards = "".join(f"(?<!{re.escape(before)} )" for before in not_after.get(word, ()))
        # "U.S" without its last stop is the country, but not the start of "U.S.S.R.".
        dotted = r"(?!\.\w)" if re.search(r"\.\w$", word) else ""
        return guards + re.escape(word) + dotted

    ordered = sorted(set(words), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(alternative, ordered)) + r")(?![\w])")


def name_pattern(names: tuple[str, ...]) -> re.Pattern:
    """Any of a person's names, allowing a middle initial ("Antony J. Blinken")."""
    pieces = []
    for name in sorted(set(names), key=len, reverse=True):
        words = [re.escape(w) for w in name.split()]
        if len(words) >= 2:
            pieces.append(r"\s+".join(words[:-1]) + r"(?:\s+[A-Z]\.)?\s+" + words[-1])
        elif words:
            pieces.append(words[0])
    return re.compile(r"(?<![\w.])(?:" + "|".join(pieces) + r")(?![\w])")


MIDDLE_INITIAL = re.compile(r"\s+[A-Z]\.(?=\s)")


def plain_name(text: str) -> str:
    """A name as `name_pattern` found it, without a middle initial or extra spaces: the key
    to look the person up by."""
    return " ".join(MIDDLE_INITIAL.sub("", text).split())


def refers_to(subject: str, name: str) -> bool:
    """ "Blinken", "Secretary Blinken" or "Xi" (a Chinese name's surname comes first) refer
    to the person named `name`."""
    words, parts = subject.split(), name.split()
    if not words or len(words) > 3 or len(parts) < 2:
        return False
    return words[-1] == parts[-1] or (len(words) == 1 and words[0] == parts[0])


def is_name_word(word: str, after_title: bool = False) -> bool:
    """A word that can be part of a person's name: not a title word, not an acronym, not a
    weekday, not a month (unless a title comes right before it: "Prime Minister May"); an
    initial ("J.") only inside the name."""
    bare = word.strip(".,")
    if bare.lower() in TITLE_WORDS or is_title_noun(bare.lower()):
        return False
    if bare.lower() in MONTHS and not (after_title and bare in ("May", "June", "April")):
        return False
    if bare.lower() in WEEKDAYS:  # "met with Prime Minister Yukio Hatoyama Monday"
        return False
    if word in NON_NAMES or (len(bare) > 1 and bare.isupper()):
        return False
    # A possessive ends the name: "Secretary Blinken's Call".
    return not bare.endswith(("'s", "\u2019s"))


def is_title_noun(word: str) -> bool:
    word = word.rstrip("'\u2019")  # "Ministers'" in "the Foreign Ministers' meeting"
    return word in TITLE_NOUNS or (word.endswith("s") and word[:-1] in TITLE_NOUNS)


def is_office_word(word: str) -> bool:
    """A word that opens an office: "High" in "High Commissioner", "Deputy", "Minister"."""
    word = word.lower().rstrip(".,")
    return word in TITLE_WORDS or is_title_noun(word)
