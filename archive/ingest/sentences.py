"""Paragraphs into sentences, with offsets into the whole text: "U.S." and "Antony J.
Blinken" do not end a sentence, and a footnote marker after the stop is left out."""

import re

from archive.ingest.lexicon import word_set
from archive.ingest.proposal import Span
from archive.text import Paragraph

ABBREVIATIONS = word_set(
    "amb approx apr aug col dec dept dr e.g feb gen gov i.e jan jr jul jun lt mar mr "
    "mrs ms no nov oct prof rep sen sep sept sr st vs a.m p.m h.e"
)
OPENING_QUOTES = "\"'\u201c\u2018"
# A colon ending a short line ends its words too: "Participants:" above the text it headed.
SENTENCE_END = re.compile(
    r"(?:[.!?]|:(?=[ \t]*\n))(?P<close>[\"\u201d\u2019')\]]*)(?P<note>(?:\[\d{1,3}\])*)"
)
# Capitalised words that belong to titles, not names ("Secretary of State", "Foreign").


def sentences(text: str, offset: int) -> list[Span]:
    """Split a paragraph into sentences, with offsets into the whole body. A sentence's span
    leaves out footnote markers ("[4]") after its final stop."""
    spans: list[Span] = []
    cursor = 0
    for match in SENTENCE_END.finditer(text):
        stop = match.end() - len(match.group("note"))
        after = text[match.end() :]
        # A copy that lost the space after a stop: "has said.He held a reception".
        glued = re.match(r"[A-Z][a-z]", after) and re.search(r"[a-z]{2}$", text[: match.start()])
        if after and not after[0].isspace() and not glued:
            continue
        following = after.lstrip()
        if following and not (following[0].isupper() or following[0] in OPENING_QUOTES + "(["):
            continue
        if match.group(0)[0] == "." and is_abbreviation(text[: match.start()]):
            continue
        line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        if match.group(0)[0] == ":" and len(line.split()) > 3:
            continue  # "The following statement has been made by ...:" leads into its quote
        add_sentence(spans, text, cursor, stop, offset)
        cursor = match.end()
    add_sentence(spans, text, cursor, len(text), offset)
    return spans


def is_abbreviation(before: str) -> bool:
    word = re.search(r"(\S+)$", before)
    if not word:
        return False
    token = word.group(1).lstrip("(\"'\u201c\u2018")
    if re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", token):  # U.S, J (an initial)
        return True
    return token.lower() in ABBREVIATIONS


def add_sentence(spans: list[Span], text: str, start: int, stop: int, offset: int) -> None:
    chunk = text[start:stop]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk.rstrip())
    if trail > lead:
        spans.append(Span(offset + start + lead, offset + start + trail, chunk[lead:trail]))


def trim(span: Span, source: str) -> Span | None:
    """The span without surrounding spaces and stray opening quote marks."""
    start, end = span.start, span.end
    while start < end and (source[start].isspace() or source[start] in OPENING_QUOTES):
        # A quote mark that opens the span and never closes inside it is the relay's mark
        # (each paragraph of a long quotation opens with one); drop it.
        if source[start] in OPENING_QUOTES and closes_within(source, start, end):
            break
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    if source[end - 1 : end] in ('"', "\u201d") and unbalanced(source[start:end]):
        end -= 1  # the mark that closes the whole relayed quotation, not this sentence
    if end - start < 2:
        return None
    return Span(start, end, source[start:end])


def unbalanced(text: str) -> bool:
    return (text.count('"') + text.count("\u201c") + text.count("\u201d")) % 2 == 1


def closes_within(source: str, start: int, end: int) -> bool:
    mark = source[start]
    closing = {"\u201c": "\u201d", "\u2018": "\u2019"}.get(mark, mark)
    return closing in source[start + 1 : end] and mark in "\u201c\u2018"


def is_running_prose(text: str) -> bool:
    """A paragraph of the report's own text, not a header line: long, or a sentence of a
    dozen words or more."""
    ends_a_sentence = text.rstrip("\"\u201d'")[-1:] in ".!?]"
    return (
        (len(text) >= 160 and ends_a_sentence)
        or len(text) > 300
        or (ends_a_sentence and len(text.split()) >= 12)
    )


def is_heading(paragraph: Paragraph) -> bool:
    """A subheading: one short line that does not end like a sentence."""
    text = paragraph.text.strip("\"'\u201c\u201d\u2018\u2019 ")
    if "\n" in paragraph.text or len(text) > 220 or not text:
        return False
    if text[-1] in ".!?" and not text.endswith(("U.S.", "U.N.")):
        words = re.findall(r"[A-Za-z][\w'\u2019\-]*", text)
        capitals = sum(1 for w in words if w[0].isupper())
        return len(words) > 2 and capitals / len(words) > 0.8
    return True
