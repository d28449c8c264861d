"""Plain-text helpers shared by models, pages and the importer (no Django imports).

The archive's integrity rule says a claim's text occurs verbatim in its report's body.
"Verbatim" tolerates only typographic variants: runs of whitespace and curly versus straight
quote marks. Words, punctuation and case must match exactly.
"""

import functools
import hashlib
import re
from dataclasses import dataclass

QUOTE_VARIANTS = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
    }
)


WHITESPACE_RUN = re.compile(r"\s+")


def straighten_quotes(text: str) -> str:
    # str.replace per mark: str.translate with a dict looks up every character in Python.
    for curly, straight in QUOTE_VARIANTS.items():
        text = text.replace(chr(curly), straight)
    return text


@functools.lru_cache(maxsize=4)
def normalise_with_map(text: str) -> tuple[str, tuple[int, ...]]:
    """Return `text` with whitespace runs collapsed and quote marks straightened, plus the
    index in `text` of every character of the result."""
    # Quote marks map one character to one, so positions hold; a whitespace run becomes one
    # space at the run's first position. Slices and ranges, not a loop per character: a
    # report's body is read for every claim saved.
    straight = straighten_quotes(text)
    out: list[str] = []
    positions: list[int] = []
    cursor = 0
    for run in WHITESPACE_RUN.finditer(straight):
        out.append(straight[cursor : run.start()])
        positions.extend(range(cursor, run.start()))
        out.append(" ")
        positions.append(run.start())
        cursor = run.end()
    out.append(straight[cursor:])
    positions.extend(range(cursor, len(straight)))
    # Cached (a tuple, so no caller can change it): saving a report's claims reads its body
    # once per claim.
    return "".join(out), tuple(positions)


def normalise(text: str) -> str:
    # The text of `normalise_with_map`, without the map that costs most of its time.
    return WHITESPACE_RUN.sub(" ", straighten_quotes(text)).strip()


def find_verbatim(body: str, quote: str, near: int | None = None) -> tuple[int, int] | None:
    """Find `quote` in `body` up to whitespace and quote-mark variants.

    Returns the (start, end) offsets of the matching span in `body`, or None. When the quote
    occurs more than once, the occurrence starting nearest to `near` wins (the first otherwise).
    """
    needle = normalise(quote)
    if not needle:
        return None
    haystack, positions = normalise_with_map(body)
    starts = [m.start() for m in re.finditer(re.escape(needle), haystack)]
    if not starts:
        return None
    # The occurrence nearest the given offset, so an edit keeps its place in the body.
    best = starts[0] if near is None else min(starts, key=lambda s: abs(positions[s] - near))
    end = best + len(needle) - 1
    return positions[best], positions[end] + 1


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str


PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraphs(body: str) -> list[Paragraph]:
    """Split a body into paragraphs at blank lines, keeping each paragraph's offsets."""
    result = []
    cursor = 0
    for match in [*PARAGRAPH_BREAK.finditer(body), None]:
        stop = match.start() if match else len(body)
        chunk = body[cursor:stop]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            start = cursor + lead
            result.append(Paragraph(start, start + len(stripped), stripped))
        if match:
            cursor = match.end()
    return result


def closest_passage(body: str, quote: str, width: int = 200) -> str:
    """The passage of `body` that shares the longest run of words with `quote`: shown to an
    editor whose claim text is not verbatim, so they can see what the report says instead."""
    words = normalise(quote).split()
    haystack = normalise(body)
    for size in range(len(words), 0, -1):
        for first in range(len(words) - size + 1):
            probe = " ".join(words[first : first + size])
            at = haystack.find(probe)
            if at >= 0:
                start = max(0, at - width // 4)
                return haystack[start : start + width].strip()
    return ""


def fingerprint(body: str) -> str:
    """A fingerprint of a text that ignores whitespace and quote-mark variants: the same
    dispatch pasted twice, or once from a web page and once from a file, gives the same."""
    return hashlib.sha256(normalise(body).encode()).hexdigest()


def possessive(name: str) -> str:
    """ "China's", "MEMRI's"; a name ending in s takes the apostrophe alone ("the
    Philippines'")."""
    return f"{name}\u2019" if name.endswith("s") else f"{name}\u2019s"
