"""The text as the importer lays it out before reading it: paragraphs cut at speakers'
labels, footnotes, the pasted page's header, sentences and the opening, where a relayed
account begins, transcript labels, and every word that names a country. What the other
readers find and look up later (the headline, who issued the report, the sentence that tells
of the meeting, its place) is kept here too, set as they are found: by `parse`, and the
sentence that tells of the meeting by `MeetingReader`."""

import bisect
import functools
import itertools
import re

from archive.ingest.dates import find_dates
from archive.ingest.gazetteer import NOT_AFTER, country_words, is_capital, is_place, spellings_in
from archive.ingest.lexicon import (
    BARE_LABEL,
    FOOTNOTE,
    INLINE_GAP,
    INTERLOCUTOR_VERB,
    LABEL,
    MEETING_VERBS,
    NARRATIVE_VERB,
    OBJECT_END,
    OCCASION,
    PAST_CUE,
    RELAY_MARKER,
    REMARKS_FOLLOW,
    SOURCE_LINE,
    SPEECH_OPENING,
    SPOKES_TITLE,
    STAGE_DIRECTION,
    SUBJECT_VERB,
    TITLED_LABEL,
    URL,
    URL_YEAR,
    WEB_CHROME,
    is_speaker_label,
)
from archive.ingest.names import is_title_noun, word_pattern
from archive.ingest.proposal import FootnoteProposal, Span, Vocabulary
from archive.ingest.sentences import is_running_prose, sentences
from archive.text import Paragraph, paragraphs


class Document:
    def __init__(self, text: str, vocabulary: Vocabulary, default_year: int | None, address: str):
        self.body = text
        self.default_year = default_year
        self.address = address  # where the editor found the text, when they say
        words = dict(country_words())
        for name, code in vocabulary.countries:
            words.setdefault(name, code)
        for written, code in spellings_in(text).items():
            words.setdefault(written, code)
        self.country_of_word = words
        self.country_words = word_pattern(list(words), NOT_AFTER)
        self.notes: list[str] = []  # what the editor should check, in the order found
        all_paragraphs = self.split_at_labels(paragraphs(self.body))
        self.footnotes, self.prose = self.split_footnotes(all_paragraphs)
        self.header, self.content = self.split_header(self.prose)
        self.sentence_spans = [s for p in self.prose for s in sentences(p.text, p.start)]
        self.sentence_starts = [s.start for s in self.sentence_spans]
        # The opening is the first three paragraphs of the report, after a page's chrome.
        article = [p for p in self.content if not WEB_CHROME.search(p.text)] or self.content
        opening_end = article[min(2, len(article) - 1)].end if article else 0
        self.opening_sentences = sum(1 for s in self.sentence_spans if s.start < opening_end)
        self.commentary, self.relayed = self.split_relay(self.content)
        # Sentences inside a transcript's turns: what a speaker names there, they speak of.
        self.labelled_turns = {
            start
            for paragraph in self.prose
            if self.speaker_label(paragraph.text)
            for start in self.sentence_starts[
                bisect.bisect_left(self.sentence_starts, paragraph.start) : bisect.bisect_left(
                    self.sentence_starts, paragraph.end
                )
            ]
        }
        # The labels that name who speaks ("Georgian Prime Minister Giorgi Kvirikashvili"),
        # up to a comma ("Penny Wong, Foreign Minister": the office follows it).
        self.label_spans = [
            (
                paragraph.start + found.start("label"),
                paragraph.start + found.start("label") + len(found.group("label").split(",")[0]),
            )
            for index, paragraph in enumerate(self.prose)
            if (found := self.speaker_label(paragraph.text) or self.bare_label(self.prose, index))
        ]
        # Found by the other readers, in this order: the report's, then the meeting's.
        self.headline: Span | None = None
        self.report_issuer = ""
        self.unnamed_principal: str | None = None
        self.meeting_sentence: Span | None = None
        self.meeting_place: Span | None = None

    def split_at_labels(self, found: list[Paragraph]) -> list[Paragraph]:
        """A transcript pasted without blank lines: a line that opens with a speaker's label
        in capitals ("CHRIS HIPKINS, PRIME MINISTER OF NEW ZEALAND: Welcome.") or with a
        name after a line that ends a sentence ("... of the conversation:\nDmitry Medvedev:
        Mr Minister, ...") starts a turn of its own."""
        result = []
        for paragraph in found:
            cuts = [0]
            for line in re.finditer(r"\n(?=\S)", paragraph.text):
                intro = REMARKS_FOLLOW.match(paragraph.text[line.end() :])
                if intro:  # "A translation of President Tsai's remarks follows:" opens a turn
                    cuts += [line.end(), line.end() + intro.end()]
                    continue
                label = LABEL.match(paragraph.text[line.end() :])
                words = label.group("label") if label else ""
                if not words or not is_speaker_label(words):
                    continue
                before = paragraph.text[max(0, line.start() - 4) : line.start()].rstrip()
                after_a_sentence = before[-1:] in tuple('.:!?"\u201d')
                named = 2 <= len(words.split()) <= 5 and not self.country_words.search(words)
                # "Dmitry Medvedev: Mr Minister, ...": a turn opens as speech does, where a
                # topic ("Clean Energy: India will ...") does not.
                speaks = SPEECH_OPENING.match(paragraph.text[line.end() + label.end() :])
                if words.upper() == words or (after_a_sentence and named and speaks):
                    cuts.append(line.end())
            cuts.append(len(paragraph.text))
            for a, b in itertools.pairwise(cuts):
                text = paragraph.text[a:b].rstrip()
                result.append(Paragraph(paragraph.start + a, paragraph.start + a + len(text), text))
        return result

    def split_footnotes(
        self, found: list[Paragraph]
    ) -> tuple[list[FootnoteProposal], list[Paragraph]]:
        """Notes ("[1] ...") once the running text has begun; page furniture after them
        ("Share this report:") is dropped."""
        footnotes, prose = [], []
        for paragraph in found:
            match = FOOTNOTE.match(paragraph.text)
            if match and prose and len(paragraph.text) < 1500:
                start = paragraph.start + match.start("text")
                text = match.group("text").strip()
                number = int(match.group("number"))
                footnotes.append(FootnoteProposal(number, Span(start, start + len(text), text)))
            elif footnotes and len(paragraph.text) < 40 and paragraph.text.endswith(":"):
                continue
            else:
                prose.append(paragraph)
        return footnotes, prose

    def split_header(self, prose: list[Paragraph]) -> tuple[list[Paragraph], list[Paragraph]]:
        """The header (date, title, series) is what comes before the first paragraph of
        running prose or the first speaker's label."""
        for index, paragraph in enumerate(prose):
            if (
                self.speaker_label(paragraph.text)
                or self.bare_label(prose, index)
                or is_running_prose(paragraph.text)
            ):
                return prose[:index], prose[index:]
        return [], prose

    def split_relay(self, content: list[Paragraph]) -> tuple[list[Paragraph], list[Paragraph]]:
        """A press dispatch comments first, then relays a document ("Below is the ... report"):
        only the relayed part speaks for a side."""
        for index, paragraph in enumerate(content):
            if RELAY_MARKER.match(paragraph.text):
                relayed = [p for p in content[index + 1 :] if not SOURCE_LINE.match(p.text)]
                return content[:index], relayed
        return [], content

    def sentence_at(self, offset: int) -> Span:
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentence_spans[index].end:
            return self.sentence_spans[index]
        return Span(offset, offset, "")

    def text_countries(self) -> list[str]:
        """The countries the text names most, most named first."""
        votes: dict[str, int] = {}
        for match in self.country_mentions:
            code = self.country_of_word[match.group(0)]
            votes[code] = votes.get(code, 0) + 1
        return sorted(votes, key=lambda code: -votes[code])

    @functools.cached_property
    def raw_labels(self) -> set[str]:
        """The different speaker's labels that open a line of the text: two or more make it
        a transcript, where a label that is also a place ("AUSTIN:", "LULA:") is a speaker."""
        return {
            found.group("label")
            for line in self.body.split("\n")
            if (found := LABEL.match(line.strip())) and is_speaker_label(found.group("label"))
        }

    @functools.cached_property
    def country_mentions(self) -> list[re.Match]:
        """Every country word in the text, in order (read once: several clues count them)."""
        return list(self.country_words.finditer(self.body))

    def reported_from(self, sentence: Span) -> int:
        """Where a sentence's reported words begin ("Wang Yi said that the meeting between
        President Xi and President Obama ..."): the names after that are what was spoken
        of, not who took part."""
        head = SUBJECT_VERB.match(sentence.text)
        verb = head.group("verb") if head else ""
        if head and SPOKES_TITLE.search(head.group("subject")):
            # A spokesperson's words tell of the meeting: read them as a sentence of their
            # own ("... stated that ... Shoukry received a phone call from ... Sullivan").
            words = re.sub(r"^\s*(?:that\s+)?", "", sentence.text[head.end() :])
            start = sentence.end - len(words)
            return self.reported_from(Span(start, sentence.end, words))
        if head and INTERLOCUTOR_VERB.fullmatch(verb):
            # "briefed the Emir of Qatar, Sheikh Hamad, on the latest developments": the
            # one spoken to takes part.
            end = OBJECT_END.search(sentence.text, head.end())
            return sentence.start + (end.start() if end else len(sentence.text))
        if head and verb in ("discussed", "exchanged"):
            # "They discussed ... the participation of President Fernández": the topic.
            partner = re.match(r"\s+(?:views\s+)?with\b", sentence.text[head.end() :])
            if partner is None:
                return sentence.start + head.end()
            end = OBJECT_END.search(sentence.text, head.end() + partner.end())
            return sentence.start + (end.start() if end else len(sentence.text))
        if head and not NARRATIVE_VERB.fullmatch(verb) and verb not in MEETING_VERBS:
            return sentence.start + head.end()
        return sentence.end

    def in_the_past(self, at: int, sentence: Span) -> bool:
        """A name in a sentence about another time or office, or in the occasion of the
        meeting: "Former US President Donald Trump", "In June this year, President Xi
        Jinping and ... met", "on the sidelines of the visit of President Anastasiades"."""
        before = self.body[sentence.start : at]
        occasions = OCCASION.finditer(sentence.text)
        inside_an_occasion = any(
            sentence.start + o.start() < at < sentence.start + o.end() for o in occasions
        )
        return bool(PAST_CUE.search(before)) or inside_an_occasion

    def country_pairs(self) -> list[tuple[str, str]]:
        """The pairs of countries the text joins with a hyphen or dash ("China-US",
        "U.S.-India", "Japan-ROK") or with "and" ("between India and the United Kingdom",
        "the French and Russian Presidents")."""
        pairs = []
        for first in self.country_mentions:
            joined = re.compile(r" ?[-\u2013] ?| and (?:the )?").match(self.body, first.end())
            if not joined or is_capital(first.group(0)):
                continue
            second = self.country_words.match(self.body, joined.end())
            if second and is_capital(second.group(0)):
                continue
            if second:
                pair = (self.country_of_word[first.group(0)], self.country_of_word[second.group(0)])
                if pair[0] != pair[1]:
                    pairs.append(pair)
        return pairs

    def countries_named_only_in(self, span: Span | None) -> set[str]:
        """The countries the text names only as where something is: inside `span` (the
        meeting's place, "Nice, France") or right after "in" ("talks in Singapore")."""
        inside, outside = set(), set()
        for match in self.country_mentions:
            code = self.country_of_word[match.group(0)]
            within_span = span is not None and span.start <= match.start() < span.end
            placed = re.search(
                r"\bin\s+(?:the\s+)?$", self.body[max(0, match.start() - 8) : match.start()]
            )
            (inside if within_span or placed else outside).add(code)
        return inside - outside

    def countries_named(self, text: str) -> set[str]:
        """The countries `text` names, not counting cities ("talks in Vienna" name no
        side)."""
        return {
            self.country_of_word[m.group(0)]
            for m in self.country_words.finditer(text)
            if not is_capital(m.group(0))
        }

    def country_in(self, text: str) -> str | None:
        found = {self.country_of_word[m.group(0)] for m in self.country_words.finditer(text)}
        return found.pop() if len(found) == 1 else None

    def speaker_label(self, text: str) -> re.Match | None:
        label = LABEL.match(text)
        if label is None:
            titled = TITLED_LABEL.match(text)
            if titled and not self.country_words.fullmatch(titled.group("label")):
                return titled  # "President of the Republic of Indonesia (Joko Widodo)"
            return None
        if not is_speaker_label(label.group("label")):
            return None
        if label.group("label").strip() in self.country_of_word:
            return None  # "China: ..." heads a section, it does not speak
        if len(self.raw_labels) < 2:
            if is_place(label.group("label").title()):
                return None  # "PUTRAJAYA: Foreign Minister ... met": a dateline, not a turn
            # "UYARI: Küfür ...": a page's notice, one word the text never uses again.
            word = label.group("label").strip()
            if " " not in word and len(re.findall(rf"\b{re.escape(word)}\b", self.body, re.I)) < 2:
                return None
        return label

    def bare_label(self, found: list[Paragraph], index: int) -> re.Match | None:
        """A line that is only an office and a name ("Georgian Prime Minister Giorgi
        Kvirikashvili") labels the speech that opens the next paragraph."""
        label = BARE_LABEL.match(found[index].text)
        if label is None or index + 1 >= len(found):
            return None
        words = label.group("label").split()
        if not any(is_title_noun(w.lower()) for w in words) or is_title_noun(words[-1].lower()):
            return None  # a heading ("Joint Press Conference"), or an office without a name
        return label if SPEECH_OPENING.match(found[index + 1].text) else None

    def sentences_without_stage_directions(self, text: str, offset: int) -> list[Span]:
        pieces, cursor = [], 0
        for match in STAGE_DIRECTION.finditer(text):
            if INLINE_GAP.fullmatch(match.group(0)) and re.match(r"^\s*[a-z]", text[match.end() :]):
                continue  # "the first (inaudible) conversation": a gap inside the sentence
            pieces.append((cursor, match.start()))
            cursor = match.end()
        pieces.append((cursor, len(text)))
        result = []
        for a, b in pieces:
            result.extend(sentences(text[a:b], offset + a))
        return result

    def year_in_text(self, header: list[Paragraph], content: list[Paragraph]) -> int | None:
        """The year a text gives near its start in a full date, else in the address the
        editor gave ("/2017/0511/"), else alone ("ASEAN 2018", "last year's 2016 summit"
        names another year more often than an address does), else in an address the text
        gives; failing all, the year given."""
        opening = "\n".join(p.text for p in [*header, *content[:3]])
        dated = [d for d in find_dates(opening) if d[3]]
        if dated:
            return dated[0][1].year
        found = re.search(
            r"(?<![\d/.-])(?:19[5-9]\d|20[0-4]\d)(?:(?!\d)|(?=\d{1,2}:\d\d))", opening
        )
        in_text = [int(found.group(0))] if found else []
        in_addresses = [year_in_address(m.group(0)) for m in URL.finditer(self.body)]
        years = [year_in_address(self.address), *in_text, *in_addresses, self.default_year]
        return next((year for year in years if year), None)


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `spans` (sorted by start, not overlapping)."""
    index = bisect.bisect_left(spans, (start, start))
    return any(a < end and start < b for a, b in spans[max(0, index - 1) : index + 1])


def within(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` falls in one of `spans` (sorted by start, not overlapping)."""
    index = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= at < spans[index][1]


def lines_of(span: Span) -> list[Span]:
    """`span` cut at its line breaks, each line a span of its own."""
    pieces, at = [], span.start
    for line in span.text.split("\n"):
        if line.strip():
            pieces.append(Span(at, at + len(line), line))
        at += len(line) + 1
    return pieces


def year_in_address(address: str) -> int | None:
    """The year a web address gives: ".../2024/10/09/...", ".../202410/...",
    "?ud=20241115050233"."""
    dated = URL_YEAR.search(address)
    return int(dated.group(1) or dated.group(2)) if dated else None
