"""Read the text of a dispatch, readout or transcript and propose what it records.

Plain Python with no Django imports: it works on text alone, so it can be tested on text
alone. What the archive already knows (its officials, issues and their aliases) comes in as
a `Vocabulary` of plain names.

Two promises hold for everything proposed:
- It never invents text. Every claim and every title is a span of the input, kept with
  its offsets.
- Where it cannot tell who spoke, it says so. A claim then has a side only, or is
  "unattributed", and is never given a guessed speaker.
"""

import bisect
import datetime
import functools
import itertools
import re
from dataclasses import dataclass

from archive.ingest.dates import find_dates
from archive.ingest.gazetteer import (
    NOT_AFTER,
    country_names,
    country_of_address,
    country_words,
    folded,
    is_capital,
    is_place,
    place,
    spellings_in,
)
from archive.ingest.kinds import kind_of, meeting_format
from archive.ingest.lexicon import (
    ACCOMPANIED_BY,
    ADDRESSED,
    AGAINST,
    ANOTHER_CALL,
    ANOTHER_MEETING,
    APPOSITIVE,
    ASIDE,
    ATTRIBUTION_ONLY,
    AUXILIARY_END,
    BARE_LABEL,
    BODY_AFTER,
    CAPITALISED_RUN,
    COUNTERPART,
    COUNTRY_AFTER,
    COURTESY,
    COURTESY_ACT,
    DATELINE,
    DELEGATION_CUE,
    FIRST_PERSON,
    FOOTNOTE,
    FUTURE_EVENT,
    HEADER_FIELD,
    HEADING_BEFORE_TITLE,
    HONORIFIC_BEFORE,
    HONORIFICS,
    INLINE_GAP,
    INTERLOCUTOR_VERB,
    ISSUERS,
    JOINT_CLAUSE,
    JOINT_SUBJECT,
    JOINT_VERB,
    LABEL,
    LED_BY,
    MEET_WITH,
    MEETING_AS_SUBJECT,
    MEETING_NOUN,
    MEETING_TIME,
    MEETING_VERBS,
    MEETING_WORDS,
    NARRATIVE_VERB,
    NON_NAMES,
    NON_PARTICIPANT_LABELS,
    NOT_NAME_WORDS,
    OBJECT_END,
    OBLIGATION,
    OCCASION,
    OFFICE_NOUNS,
    OFFICE_RUN,
    OWN_COUNTRY,
    PASSIVE_TOGETHER,
    PAST_CUE,
    PERSON_VERB_AFTER,
    POSSESSIVE_NAME,
    PRESS_BRIEFED,
    PRESS_QUESTION,
    PRINCIPAL,
    PRONOUN_SUBJECT,
    QUOTE_CUE,
    RELAY_MARKER,
    REMARKS_FOLLOW,
    SELF_STANCE,
    SENT_BY,
    SERIES_NUMBER,
    SIDE_VERBS,
    SMALL_TALK,
    SOURCE_LINE,
    SPEECH_OPENING,
    SPEECH_TAIL,
    SPEECH_VERBS,
    SPOKES_TITLE,
    SPOKESPERSON,
    STAGE_DIRECTION,
    STAY_FOR_A_VISIT,
    STRIPPED_VERBS,
    SUBJECT_VERB,
    TELLS_OF_MEETING,
    TITLE_AFTER,
    TITLE_COMMA_BEFORE,
    TITLE_COUNTRIES,
    TITLE_GLUE,
    TITLE_NOUNS,
    TITLE_TOKEN,
    TITLE_WORDS,
    TITLED_LABEL,
    TRAILING_ATTRIBUTION,
    UNNAMED_PRINCIPAL,
    URL,
    URL_YEAR,
    VISIT_TO,
    WE_SUBJECT,
    WEB_CHROME,
    WEEKDAY,
    WEEKDAYS,
    is_speaker_label,
)
from archive.ingest.names import (
    is_name_word,
    is_office_word,
    is_title_noun,
    name_pattern,
    plain_name,
    refers_to,
    word_pattern,
)
from archive.ingest.places import (
    dateline_place,
    place_beside_date,
    place_in,
    place_line,
    place_of_presence,
)
from archive.ingest.proposal import (
    ClaimProposal,
    FootnoteProposal,
    KnownPerson,
    MeetingProposal,
    OfficialProposal,
    Proposal,
    ReportProposal,
    Span,
    Vocabulary,
)
from archive.ingest.sentences import (
    OPENING_QUOTES,
    is_heading,
    is_running_prose,
    sentences,
    trim,
)
from archive.text import Paragraph, paragraphs

__all__ = ["KnownPerson", "Proposal", "Vocabulary", "parse"]

PROSE_WORDS = re.compile(r"[a-z]{4,}\s+[a-z]{4,}")  # two words of prose, not a date line

# --- the parser ---------------------------------------------------------------------------


@dataclass
class Attribution:
    kind: str  # "speaker", "side", "joint"
    side: str | None = None
    speaker: int | None = None


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `spans` (sorted by start, not overlapping)."""
    index = bisect.bisect_left(spans, (start, start))
    return any(a < end and start < b for a, b in spans[max(0, index - 1) : index + 1])


def within(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` falls in one of `spans` (sorted by start, not overlapping)."""
    index = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= at < spans[index][1]


class Parser:
    def __init__(
        self,
        text: str,
        vocabulary: Vocabulary,
        default_year: int | None = None,
        address: str = "",
    ):
        self.body = text
        self.default_year = default_year
        self.address = address  # where the editor found the text, when they say
        self.vocabulary = vocabulary
        self.people = {person.key: person for person in vocabulary.people}
        words = dict(country_words())
        for name, code in vocabulary.countries:
            words.setdefault(name, code)
        for written, code in spellings_in(text).items():
            words.setdefault(written, code)
        self.country_of_word = words
        self.country_words = word_pattern(list(words), NOT_AFTER)
        self.officials: list[OfficialProposal] = []
        self.mentions: list[list[int]] = []  # where the text names each official
        self.notes: list[str] = []
        self.inferred_sides: set[int] = set()  # officials whose side the text does not state
        self._name_words: tuple[int, set[str]] = (-1, set())

    # The order matters: officials before claims (claims name them), the meeting's countries
    # after both.
    def parse(self) -> Proposal:
        all_paragraphs = self.split_at_labels(paragraphs(self.body))
        footnotes, prose = self.split_footnotes(all_paragraphs)
        header, content = self.split_header(prose)
        self.sentence_spans = [s for p in prose for s in sentences(p.text, p.start)]
        self.sentence_starts = [s.start for s in self.sentence_spans]
        # The opening is the first three paragraphs of the report, after a page's chrome.
        article = [p for p in content if not WEB_CHROME.search(p.text)] or content
        opening_end = article[min(2, len(article) - 1)].end if article else 0
        self.opening_sentences = sum(1 for s in self.sentence_spans if s.start < opening_end)
        report = self.read_report(header, content)
        self.header = header
        self.headline = report.title
        self.report_issuer = report.issued_by
        self.unnamed_principal = self.unnamed_principal_of(report, content)
        commentary, relayed = self.split_relay(content)
        if commentary and relayed:
            report.relayed_from = relayed[0].start
        # Sentences inside a transcript's turns: what a speaker names there, they speak of.
        self.labelled_turns = {
            start
            for paragraph in prose
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
            for index, paragraph in enumerate(prose)
            if (found := self.speaker_label(paragraph.text) or self.bare_label(prose, index))
        ]
        self.find_officials(prose)
        meeting = self.read_meeting(header, content, report)
        self.meeting_place = meeting.place
        self.mark_participants(meeting)
        self.principal = self.find_principal(header, content)
        if self.principal is not None and not self.is_spokesperson(self.principal):
            self.officials[self.principal].role = "participant"  # the text is their words
        self.complete_countries(report)
        claims = self.find_claims(commentary, relayed)
        for claim in claims:
            if claim.speaker is not None:
                self.officials[claim.speaker].role = "participant"  # they spoke in it
        self.complete_countries(report)  # for those who took part by speaking
        self.sides_from_what_they_said(claims)
        self.complete_countries(report)  # the other side, once one is read from its words
        for claim in claims:
            if claim.side and claim.side.startswith("#"):
                # Relayed by a spokesperson whose side was not known when read (`side_of`).
                claim.side = self.officials[int(claim.side[1:])].country
                claim.attribution = "side" if claim.side else "unattributed"
            # A claim's side is its speaker's, once every participant's side is known.
            if claim.speaker is not None and self.officials[claim.speaker].country:
                claim.side = self.officials[claim.speaker].country
                if claim.speaker in self.inferred_sides and not claim.doubt:
                    name = self.officials[claim.speaker].name.text
                    claim.doubt = f"The text does not say which side {name} spoke for."
        meeting.countries = self.meeting_countries(report, claims)
        self.tag_issues(claims)
        running = [p for p in prose if p.start >= content[0].start] if content else prose
        start, end = (running[0].start, running[-1].end) if running else (0, len(self.body))
        return Proposal(
            body=self.body,
            text=Span(start, end, self.body[start:end]),
            report=report,
            meeting=meeting,
            officials=self.officials,
            claims=claims,
            paragraphs=[Span(p.start, p.end, p.text) for p in prose],
            footnotes=footnotes,
            notes=self.notes,
        )

    # --- structure ------------------------------------------------------------------------

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

    def read_report(self, header: list[Paragraph], content: list[Paragraph]) -> ReportProposal:
        report = ReportProposal()
        header_text = "\n".join(p.text for p in header)
        everything = self.body
        for paragraph in header:
            series = SERIES_NUMBER.search(paragraph.text)
            if series and not report.number:
                report.series = series.group("series").split("|")[-1].strip()
                report.series = re.sub(r"^(?:[A-Z]\w*\s*\|\s*)", "", report.series)
                report.number = series.group("number").rstrip(".")
        # A dateline's "December 11" takes the year the text or its address gives.
        year = self.year_in_text(header, content)
        lead = "\n".join(p.text for p in content[:1])
        # A dateline ("ANKARA, December 11. /TASS/."), or a line that is only a date under a
        # page's title ("The White House\nJune 10, 2021").
        datelines = [m.group(0) for p in content[:2] if (m := DATELINE.match(p.text))]
        datelines += [
            line
            for p in content[:3]
            for line in p.text.split("\n")
            if (found := find_dates(line.strip(" \t\u2022\u00b7*-"), year))
            and len(line.strip()) <= 40
            and found[0][0] == 0
        ]
        dated = (
            find_dates(header_text, year)
            or find_dates(lead, year)
            or find_dates("\n".join(datelines), year)
        )
        with_year = [d for d in dated if d[3]]
        if with_year:
            report.date = with_year[0][1]
        elif dated:
            report.date = dated[0][1]
            self.notes.append(
                f"The text dates itself without a year; {report.date.year} is assumed."
            )
        fields = self.read_header_fields(header, report)
        if report.title is None:
            report.title = self.headline_of(header, fields)
        url = URL.search(everything)
        if self.address and not report.url:
            report.url = self.address
        if url and not report.url:
            report.url = url.group(0).rstrip(".,;")
        sources = [m.group("source").strip() for p in content if (m := SOURCE_LINE.match(p.text))]
        relays = [m.group("what").strip() for p in content if (m := RELAY_MARKER.match(p.text))]
        relayed = relays[0] if relays else ""
        relayed = re.sub(r"^(?:full |official )?", "", relayed)
        report.original_source = ", via ".join(part for part in [relayed, *sources[:1]] if part)
        if report.original_source:
            report.original_source = report.original_source[0].upper() + report.original_source[1:]
        # The publisher's own address, where the text gives one, before the copy's.
        addresses = [url.group(0), self.address] if url else [self.address]
        where = report.original_source or "\n".join([header_text, everything[:600], *addresses])
        named = (code for code, words in ISSUERS if re.search(words, where, re.IGNORECASE))
        # A government's own address the editor gives outweighs a name the text drops ("at
        # the White House" in Singapore's account).
        report.issued_by = (
            country_of_address(self.address)
            or next(named, None)
            or next((code for a in addresses if (code := country_of_address(a))), "")
        )
        agency = next((m for p in content[:2] if (m := DATELINE.match(p.text))), None)
        if agency and agency.group("agency") and not report.publisher:
            report.publisher = agency.group("agency")
        if report.title is None and content:
            self.notes.append("The text has no title line; give the report a title.")
        return report

    def headline_of(self, header: list[Paragraph], fields: list[int]) -> Span | None:
        """The header line that reads most like the report's title: one that tells of a
        meeting and names a country, not a site's menu, a breadcrumb, a date or a source
        line (editors paste the lines a web page shows above the article)."""
        best, best_score = None, 0
        for paragraph in header:
            for line in re.finditer(r"[^\n]+", paragraph.text):
                text = line.group(0).strip()
                start = paragraph.start + line.start() + line.group(0).index(text[:1] or " ")
                if start in fields or len(text) <= 12:
                    continue
                if (
                    find_dates(text)
                    and len(text) < 60
                    and not re.search(r"[a-z]{4,}\s+[a-z]{4,}", text)
                ):
                    continue  # a date line
                if (SERIES_NUMBER.search(text) and len(text) < 80) or URL.search(text):
                    continue
                if SOURCE_LINE.match(text):
                    continue
                score = 1
                score += 3 if TELLS_OF_MEETING.search(text) else 0
                score += 2 if self.country_words.search(text) else 0
                score += 1 if 20 <= len(text) <= 250 else 0
                score -= 3 if len(text.split()) <= 3 else 0
                score -= 5 if re.search(r"[^\W\d_](?<![\u0000-\u024F])", text) else 0
                score -= 2 if re.search(r"[»|>]", text) else 0
                if score > best_score:
                    best, best_score = Span(start, start + len(text), text), score
        return best

    def read_header_fields(self, header: list[Paragraph], report: ReportProposal) -> list[int]:
        """A header an editor pasted above the text ("Title: ...", "Source: ...", "Date:
        ...", "URL: ..."), read into the report's fields; where each field line starts."""
        starts = []
        for paragraph in header:
            for line in HEADER_FIELD.finditer(paragraph.text):
                key, value = line.group("key").lower(), line.group("value").strip()
                at = paragraph.start + line.start("value")
                starts.append(paragraph.start + line.start())
                if key == "title" and report.title is None:
                    report.title = Span(at, at + len(value), value)
                elif key in ("source", "publisher") and not report.publisher:
                    report.publisher = value
                elif key in ("date", "published") and (dated := find_dates(value)):
                    report.date = dated[0][1]
                elif key in ("url", "link") and URL.match(value):
                    report.url = value
        return starts

    def split_relay(self, content: list[Paragraph]) -> tuple[list[Paragraph], list[Paragraph]]:
        """A press dispatch comments first, then relays a document ("Below is the ... report"):
        only the relayed part speaks for a side."""
        for index, paragraph in enumerate(content):
            if RELAY_MARKER.match(paragraph.text):
                relayed = [p for p in content[index + 1 :] if not SOURCE_LINE.match(p.text)]
                return content[:index], relayed
        return [], content

    # --- officials ------------------------------------------------------------------------

    def find_officials(self, content: list[Paragraph]) -> None:
        """Officials the text names: the archive's known people (by any of their names), and
        unknown people named right after a title ("Foreign Minister Mevlüt Çavuşoğlu")."""
        mentions: list[tuple[int, int, str | None, str]] = []  # start, end, person key, name
        # One pattern for every name the archive knows, not one scan of the text per person.
        key_of = {
            plain_name(name): person.key
            for person in self.vocabulary.people
            for name in person.names
        }
        pattern = name_pattern(tuple(key_of)) if key_of else None
        for paragraph in content if pattern else []:
            for match in pattern.finditer(paragraph.text):
                start = paragraph.start + match.start()
                key = key_of[plain_name(match.group(0))]
                mentions.append((start, start + len(match.group(0)), key, match.group(0)))
        known = sorted((a, b) for a, b, _, _ in mentions)
        for paragraph in content:
            for start, end in self.names_in(paragraph):
                if overlaps(known, start, end):
                    continue
                mentions.append((start, end, None, self.body[start:end]))
                bisect.insort(known, (start, end))
        mentions.sort()
        spans = [(a, b) for a, b, _, _ in mentions]
        spokesperson_at = {
            m.end() + paragraph.start
            for paragraph in content
            for m in SPOKESPERSON.finditer(paragraph.text)
        }
        seen: dict[str, int] = {}
        for start, end, key, text in mentions:
            before, after = self.title_before(start, spans), self.title_after(end, spans)
            if before is not None and after is not None and len(before.text.split()) == 1:
                before = None  # "Prince Faisal bin Farhan, Foreign Minister of ...": the office
            written = before or after or self.title_with_comma_before(start)
            country = self.country_near(start, written) or self.country_after(end, written, spans)
            title = self.trimmed_title(written)
            if key is None and len(text.split()) == 1:
                key = self.known_by_surname(text)
            index = seen.get(key) if key else self.same_official(text)
            if index is not None:
                self.mentions[index].append(start)
                official = self.officials[index]
                if len(text.split()) > len(official.name.text.split()) and refers_to(
                    official.name.text, text
                ):
                    official.name = Span(start, end, text)  # the fullest form of the name
                if title and (official.title is None or len(title.text) > len(official.title.text)):
                    official.title = title
                if official.country is None:
                    official.country = country
                continue
            identity = key or text
            person = self.people.get(key)
            if (
                person is not None
                and person.country
                and not self.country_right_before(title or Span(start, end, ""))
            ):
                # The archive knows this official's country: context words ("on the eve of
                # the Chinese New Year, President Joe Biden") are weaker evidence.
                country = person.country
            role = "spokesperson" if start in spokesperson_at else "participant"
            seen[identity] = len(self.officials)
            self.mentions.append([start])
            self.officials.append(
                OfficialProposal(Span(start, end, self.body[start:end]), title, country, key, role)
            )

    def names_in(self, paragraph: Paragraph) -> list[tuple[int, int]]:
        """Where a paragraph names a person: capitalised name words (honorifics, titles and
        countries before them set aside) that a cue marks as a person's name: a title or an
        honorific before it ("Foreign Minister Hakan Fidan", "Mr. Taro Kono", "his Turkish
        counterpart Hakan Fidan"), a title after it ("Taro Kono, Minister for Foreign
        Affairs"), or a verb of speech or meeting after it ("John Kerry stated", "Lavrov and
        Fidan met")."""
        found = []
        countries = [
            (paragraph.start + m.start(), paragraph.start + m.end())
            for m in self.country_words.finditer(paragraph.text)
        ]
        for words, base in self.name_runs(paragraph):
            start, end = base + words[0].start(), base + words[-1].end()
            # "Ambassador Makila James U.S Deputy Assistant Secretary": the name ends where
            # a country begins; a name that is a country's is none ("the United States").
            end = min([a for a, b in countries if start < a < end] + [end])
            end = start + len(self.body[start:end].rstrip())
            if any(a < end and start < b for a, b in countries):
                continue
            text = self.body[start:end]
            bare = re.sub(r"(?:'s|\u2019s|['\u2019,;:])$", "", text)
            end = start + len(bare)
            if bare.endswith(".") and not re.search(r"\b[A-Z]\.$", bare[:-1] + "."):
                end -= 1
                bare = bare[:-1]
            if not bare or any(w in self.country_of_word for w in bare.split()):
                continue
            if all(re.fullmatch(r"[A-Z]\.", w) for w in bare.split()):
                continue  # "Washington D.C.": initials alone name no one
            if any(w.strip(".") in NOT_NAME_WORDS for w in bare.split()):
                continue
            if BODY_AFTER.match(self.body, end):
                continue  # "the Democratic Action Party": a party's name, not a person's
            if self.body.startswith(" of ", end) and not re.match(
                r"^ of (?:the )?[A-Z]", self.body[end:]
            ):
                continue
            several = len(bare.split()) >= 2
            if not several and re.search(
                r"\b(?:of|for|and|on|to|the|in|at|from|near)\s+$",
                self.body[max(0, start - 6) : start],
            ):
                continue  # "Minister for Europe", "in Karuizawa": not a name
            cued_before = (
                self.title_before(start, []) is not None
                # "his new counterpart, Yoko Kamikawa"
                or re.search(
                    r"\b(?:counterpart|colleague),?\s+$", self.body[max(0, start - 30) : start]
                )
                or HONORIFIC_BEFORE.search(self.body[max(0, start - 40) : start])
                or (several and self.title_with_comma_before(start) is not None)
            )
            if (not cued_before or len(bare.split()) > 1) and is_place(bare):
                continue  # "Nizhny Novgorod stated" is a city's voice, not a person's
            cued_after = TITLE_AFTER.match(self.body, end) or (
                several and PERSON_VERB_AFTER.match(self.body, end)
            )
            if several and self.body.startswith(" of ", end):
                cued_after = cued_after or COUNTRY_AFTER.match(self.body, end)
            if cued_before or cued_after:
                found.append((start, end))
        return found

    def known_by_surname(self, word: str) -> str | None:
        """The one person the archive knows whose name starts or ends with `word` ("Yang"
        is Yang Jiechi: a Chinese name gives the surname first)."""
        keys = {
            person.key
            for person in self.vocabulary.people
            for name in person.names
            if word.casefold() in (name.split()[0].casefold(), name.split()[-1].casefold())
        }
        return keys.pop() if len(keys) == 1 else None

    def name_runs(self, paragraph: Paragraph) -> list[tuple[list[re.Match], int]]:
        """The runs of capitalised words that may be a name, each without the titles,
        honorifics and countries before it, cut where a word cannot be part of a name; a
        heading in title case holds several ("Secretary Antony J. Blinken And Turkish
        Foreign Minister Mevlut Cavusoglu")."""
        runs = []
        for match in CAPITALISED_RUN.finditer(paragraph.text):
            words = list(re.finditer(r"\S+", match.group(0)))
            base = paragraph.start + match.start()
            while words:
                # The name is what follows the last title word: "State Antony J. Blinken".
                after_title = False
                # A country of several words before the name: "of South Africa Dr Naledi".
                country = self.country_words.match(paragraph.text, match.start() + words[0].start())
                while country and words and match.start() + words[0].end() <= country.end():
                    words.pop(0)
                while words and (
                    words[0].group(0).lower() in TITLE_WORDS
                    or is_title_noun(words[0].group(0).lower().rstrip("."))
                    or words[0].group(0) in NON_NAMES
                    or words[0].group(0) in HONORIFICS
                    or words[0].group(0) in self.country_of_word
                    or not is_name_word(words[0].group(0), after_title)
                ):
                    after_title = is_title_noun(words[0].group(0).lower().rstrip(".")) or (
                        words[0].group(0) in HONORIFICS
                    )
                    words.pop(0)
                # A possessive or a stop ends the name: "Lavrov's remarks", "Blinken."
                name, rest = words, []
                for index, word in enumerate(words):
                    text = word.group(0)
                    if not is_name_word(text, after_title and index == 0) or text.endswith(
                        (",", ";", ":")
                    ):
                        possessive = POSSESSIVE_NAME.match(text)
                        keep = index + 1 if possessive else index
                        name, rest = words[:keep], words[index + 1 :]
                        break
                if name:
                    runs.append((name, base))
                words = rest
        return runs

    def same_official(self, text: str) -> int | None:
        """The official already found whom `text` also names ("Lavrov" after "Sergey
        Lavrov", "Wang" after "Wang Yi"), the latest named first."""
        folded_text = folded(text).split()
        for index in range(len(self.officials) - 1, -1, -1):
            name = self.officials[index].name.text
            if text == name or refers_to(text, name) or refers_to(name, text):
                return index
            # "Moreno" for "Alfredo Moreno Charme": a Spanish name's first surname.
            if len(folded_text) == 1 and folded_text[0] in folded(name).split()[1:]:
                return index
        return None

    def title_after(self, end: int, names: list[tuple[int, int]] = ()) -> Span | None:
        """A title written after the name: "Taro Kono, Minister for Foreign Affairs,"; never
        into the next name (`names`, sorted): "Secretary Rusk, Foreign Minister Kosaka" gives
        Rusk no title."""
        match = TITLE_AFTER.match(self.body, end)
        if match is None:
            return None
        following = bisect.bisect_right(names, (match.start("title"), float("inf")))
        if following < len(names) and names[following][0] < match.end("title"):
            return None  # the words after the comma are the next official's title
        # A full stop after a word ends the title: "... Federal Foreign Office. Their talks".
        title = re.split(r"(?<=[a-z]{2})\.\s", match.group("title"))[0]
        title = re.sub(r"(?:\s+(?:of|for|and|the|on|to|in))+$", "", title)
        title = self.without_country(title)
        start = match.start("title")
        return Span(start, start + len(title), title)

    def title_with_comma_before(self, start: int) -> Span | None:
        """ "the Prime Minister, Dr. Manmohan Singh": a title, a comma, then the name."""
        window_start = max(0, start - 90)
        window = self.body[window_start:start].rpartition("\n")[2]
        offset = start - len(window)
        found = TITLE_COMMA_BEFORE.search(window)
        if found is None or not any(is_title_noun(w.lower()) for w in found.group("title").split()):
            return None
        return Span(
            offset + found.start("title"), offset + found.end("title"), found.group("title")
        )

    def trimmed_title(self, title: Span | None) -> Span | None:
        """A title without the country that opens or closes it ("UK Foreign Secretary",
        "Iran's Foreign Minister", "President of the United States of America.")."""
        if title is None:
            return None
        text, start = title.text.rstrip(" ."), title.start
        # An honorific before the name ends no title: "Minister for Foreign Affairs Dr".
        text = re.sub(r"(?:\s+(?:Dr|Mr|Ms|Mrs|Amb|H\.?\s?E|HE)\.?)+$", "", text)
        # Heading words before the office: "Readout of President", "Wang Yi Meets Finance
        # Minister", "KAZINFORM - Minister", "His Excellency Prime Minister".
        article = re.match(r"(?:the|The)\s+", text)
        if article:
            text, start = text[article.end() :], start + article.end()
        heading = HEADING_BEFORE_TITLE.match(text)
        if heading and any(is_title_noun(w.lower()) for w in text[heading.end() :].split()):
            text, start = text[heading.end() :], start + heading.end()
        while True:
            opening = self.country_words.match(text)
            after = text[opening.end() :] if opening else ""
            possessive = re.match(r"^(?:'s|\u2019s)?\s+(?=[A-Z])", after)
            if not opening or not possessive:
                break
            cut = opening.end() + possessive.end()
            text, start = text[cut:], start + cut
        text = self.without_country(text)
        if not text or not any(is_title_noun(w.lower()) for w in text.split()):
            return title
        return Span(start, start + len(text), text)

    def without_country(self, title: str) -> str:
        """A title without the country that ends it ("Minister for Foreign Affairs of
        Japan" gives "Minister for Foreign Affairs")."""
        for match in re.finditer(r"\s+of\s+(?:the\s+)?", title):
            rest = title[match.end() :]
            country = self.country_words.fullmatch(rest) or self.country_words.fullmatch(
                rest.title()
            )
            if country or re.fullmatch(r"(?:Republic|Kingdom) of (?:the )?[A-Z][\w ]+", rest):
                return title[: match.start()]
        return title

    def country_after(
        self, end: int, title: Span | None, names: list[tuple[int, int]] = ()
    ) -> str | None:
        """The country named right after a name or its title: "John Kerry of US",
        "Minister for Foreign Affairs of Japan"; never the next name's (`names`, sorted):
        "Masud Bin Momen, Indian High Commissioner to Bangladesh Pranay Kumar Verma"."""
        at = title.end if title and title.start >= end else end
        after = self.body[at:][:60]
        # "Kyle M'Carter US Ambassador to Kenya": the country and office, without a comma.
        country = re.match(r"[ \t]+", after) and self.country_words.match(
            after, len(after) - len(after.lstrip(" \t"))
        )
        office = country and re.match(r"\s+([\w\-]+)", after[country.end() :])
        if office and is_office_word(office.group(1)):
            return self.country_of_word[country.group(0)]
        match = COUNTRY_AFTER.match(after)
        if match:
            words = match.group("country")
            while words:
                if words.rstrip(".") in self.country_of_word:
                    following = bisect.bisect_right(names, (at, float("inf")))
                    between = self.body[at : names[following][0]] if following < len(names) else ""
                    if match.group(0).startswith(",") and OFFICE_RUN.fullmatch(between):
                        return None  # the next name's country and office
                    return self.country_of_word[words.rstrip(".")]
                words = words.rpartition(" ")[0]  # "Japan The overview" -> "Japan"
        return None

    def sentence_at(self, offset: int) -> Span:
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentence_spans[index].end:
            return self.sentence_spans[index]
        return Span(offset, offset, "")

    def title_before(self, start: int, others: list[tuple[int, int]]) -> Span | None:
        """The title written just before a name, back to the start of the clause, without
        the country that opens it ("U.S. Secretary of State" gives "Secretary of State").
        `others` are the names found, in order of where they start."""
        sentence = self.sentence_at(start)
        line_start = self.body.rfind("\n", sentence.start, start) + 1 or sentence.start
        sentence = Span(max(sentence.start, line_start), sentence.end, "")
        before = self.body[sentence.start : start]
        kept: list[re.Match] = []  # the title's words, right to left
        tokens = list(TITLE_TOKEN.finditer(before))
        for index in range(len(tokens) - 1, -1, -1):
            token = tokens[index]
            if within(others, sentence.start + token.start()):
                break  # another official's name: "... Antony Blinken and National ..."
            following = kept[-1].start() if kept else len(before)
            between = before[token.end() : following]
            # A dash ends a dateline or a heading: "HÀ NỘI — Deputy Prime Minister ...".
            if any(mark in between for mark in ',;:()"\u201c\u201d\u2013\u2014') or "--" in between:
                break
            word = token.group(0)
            lower = word.lower().strip(".")
            previous = tokens[index - 1].group(0) if index > 0 else ""
            inside = previous.lower() in {"of", "the", "to"} or previous.startswith("[")
            if (
                word.startswith("[")
                or lower in TITLE_GLUE
                or is_title_noun(lower)
                or (
                    word[0].isupper()
                    and word not in NON_NAMES
                    and (word not in self.country_of_word or inside)
                )
            ):
                kept.append(token)
            else:
                break
        while kept and (kept[-1].group(0).lower() in TITLE_GLUE or kept[-1].group(0)[0] == "["):
            kept.pop()
        while kept and kept[0].group(0).lower() in TITLE_GLUE:
            kept.pop(0)
        if not any(is_title_noun(t.group(0).lower().strip(".")) for t in kept):
            return None
        first, last = sentence.start + kept[-1].start(), sentence.start + kept[0].end()
        return Span(first, last, self.body[first:last])

    def country_right_before(self, span: Span) -> str | None:
        """The country word directly before a title or a name ("U.S. Secretary", "Turkish
        Foreign Minister", "his Turkish counterpart Hakan Fidan")."""
        before = self.body[max(0, span.start - 60) : span.start]
        before = before.rpartition("\n")[2].rstrip()  # never from the line before
        before = re.sub(r"(?:,?\s+(?:Mr|Ms|Mrs|Dr|Mme|M)\.?)+$", "", before)  # "counterpart, Mr"
        before = re.sub(r"\s+(?:counterpart|colleague|opposite number),?$", "", before)
        found = [m for m in self.country_words.finditer(before) if m.end() == len(before)]
        return self.country_of_word[found[-1].group(0)] if found else None

    def country_near(self, start: int, title: Span | None) -> str | None:
        """The country of an official named at `start`, where the text ties one to the
        name: right before the name or its title, inside its title ("Member of the Political
        Bureau of the CPC Central Committee"), or the delegation the name leads ("the
        Chinese delegation was led by ...")."""
        before = title if title is not None and title.end <= start else Span(start, start, "")
        found = self.country_right_before(before)
        if found:
            return found
        # "the British Prime Minister, David Cameron": a title and a comma before the name.
        window = self.body[max(0, start - 80) : start].rpartition("\n")[2]
        for country in self.country_words.finditer(window):
            if APPOSITIVE.fullmatch(window[country.end() :]):
                return self.country_of_word[country.group(0)]
        if title is not None:
            inside = [
                m
                for m in self.country_words.finditer(title.text)
                if not is_capital(m.group(0))  # "in Vienna" is not a tie
                # "Ambassador of Sri Lanka to Egypt": an envoy is not of where they are sent.
                and not title.text[: m.start()].endswith(" to ")
            ]
            if inside:
                return self.country_of_word[inside[-1].group(0)]
        sentence = self.sentence_at(start)
        window = self.body[sentence.start : start]
        led = list(LED_BY.finditer(window))
        if led and not re.search(r"[;]|\bwhile\b", window[led[-1].end() :]):
            side = led[-1].group("country")  # "The Mexican", "Chinese", "United States"
            return self.country_of_word.get(side) or self.country_of_word.get(side.split()[-1])
        return None

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

    def mark_participants(self, meeting: MeetingProposal) -> None:
        """Officials named where the text tells of this meeting take part: the sentence
        that dates it or says who met whom, a sentence of the opening paragraphs that tells
        of talks, a call or a discussion, the headline, a sentence saying who led a
        delegation. The others are only mentioned (the presidents whose earlier call the
        talks follow up, a former president in the background)."""
        told = [s for s in self.sentence_spans if DELEGATION_CUE.search(s.text)]
        if self.meeting_sentence is not None:
            told.append(self.meeting_sentence)
        opening = self.sentence_spans[: self.opening_sentences]
        told.extend(
            s
            for s in opening
            if TELLS_OF_MEETING.search(s.text)
            and s.start not in self.labelled_turns
            and not ANOTHER_CALL.search(s.text)
        )
        addressed = self.addressed()
        labelled = self.named_in_labels()
        # Each telling sentence's span up to its reported words, in order, to look a
        # mention up in (a sentence may be told twice: once is enough).
        telling = sorted({(s.start, self.reported_from(s)): s for s in told}.items())
        starts = [start for (start, _), _ in telling]
        for official, mentions in zip(self.officials, self.mentions, strict=True):
            if official.role == "spokesperson":
                continue
            if official.title is not None and SPOKES_TITLE.search(official.title.text):
                official.role = "mentioned"  # who gave the readout, not who met
                continue
            inside = False
            for at in mentions:
                index = bisect.bisect_right(starts, at) - 1
                if index >= 0:
                    (start, end), sentence = telling[index]
                    if start <= at < end and not self.in_the_past(at, sentence):
                        inside = True
                        break
            inside = inside or any(at in addressed or at in labelled for at in mentions)
            official.role = "participant" if inside else "mentioned"

    def named_in_labels(self) -> set[int]:
        """Where a speaker's label names who speaks: the fullest name in each label
        ("Penny Wong, Foreign Minster": Penny Wong, not the misspelt office)."""
        mentions = sorted(
            (at, len(official.name.text.split()))
            for official, ats in zip(self.officials, self.mentions, strict=True)
            for at in ats
        )
        starts = [at for at, _ in mentions]
        found = set()
        for start, end in self.label_spans:
            inside = mentions[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
            if inside:
                found.add(max(inside, key=lambda mention: mention[1])[0])
        return found

    def addressed(self) -> set[int]:
        """Where the text names someone a speaker addresses or welcomes ("Your Excellency,
        George Bush, President of ..."): the first name within a few words of the cue."""
        starts = sorted(at for mentions in self.mentions for at in mentions)
        found = set()
        for sentence in self.sentence_spans:
            for cue in ADDRESSED.finditer(sentence.text):
                if SENT_BY.search(sentence.text, 0, cue.start()):
                    continue  # "conveyed the greetings of His Excellency President ..."
                at = sentence.start + cue.end()
                index = bisect.bisect_left(starts, at)
                if (
                    index < len(starts)
                    and starts[index] - at <= 80
                    and starts[index] < sentence.end
                ):
                    found.add(starts[index])
        return found

    def find_principal(self, header: list[Paragraph], content: list[Paragraph]) -> int | None:
        """The official whose statement or remarks the text is ("Prime Minister Dr.
        Manmohan Singh's statement to the media", "Remarks by President Biden"), named in
        its header or first paragraph."""
        for paragraph in [*header, *content[:1]]:
            cue = PRINCIPAL.search(paragraph.text)
            if cue is None:
                continue
            at = paragraph.start + cue.start()
            for index, official in enumerate(self.officials):
                for mention in self.mentions[index]:
                    end = mention + len(official.name.text)
                    # "Sergey Lavrov's answers", "Remarks by President Biden".
                    if end == at or (mention > at and mention - (at + len(cue.group(0))) < 40):
                        return index
        return None

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

    def complete_countries(self, report: ReportProposal) -> None:
        """A readout names its own officials without a nationality ("Secretary of State
        Antony J. Blinken spoke with Turkish Foreign Minister ..."): a participant of no known
        country is the issuer's, when no other participant is; failing that, of the one
        country among the two the text names most that no participant stands for yet."""
        participants = [o for o in self.officials if o.role == "participant"]
        unknown = [o for o in participants if o.country is None]
        if not unknown:
            return
        sides = {o.country for o in participants if o.country}
        self.inferred_sides |= {self.officials.index(o) for o in unknown}
        self.sides_of_companions(unknown)
        # A title some country's house style uses ("Foreign Secretary" is Britain's, and
        # Mexico's) does not outweigh another government's account that never names it.
        named = set(self.text_countries()) | {report.issued_by}
        if not report.issued_by:
            named |= set(TITLE_COUNTRIES.values())
        for official in unknown:
            if official.country is not None:
                continue
            title = folded(official.title.text) if official.title else ""
            official.country = next(
                (
                    code
                    for words, code in TITLE_COUNTRIES.items()
                    if re.search(rf"\b{words}\b", title) and code in named
                ),
                None,
            )
        unknown = [o for o in unknown if o.country is None]
        sides = {o.country for o in participants if o.country}
        if not unknown:
            return
        principal = self.officials[self.principal] if self.principal is not None else None
        if principal in unknown and report.issued_by:
            # "Joint Press Statement by EAM, Dr. S. Jaishankar" on India's site: a
            # government publishes its own official's statement.
            principal.country = report.issued_by
            self.notes.append(
                f"The side of {principal.name.text} is taken from who issued the report: "
                "the text is their statement."
            )
            unknown = [o for o in unknown if o.country is None]
            sides = {o.country for o in participants if o.country}
        for index, visited in self.visitors().items():
            official = self.officials[index]
            if official.country is not None:
                continue
            if sides - {visited}:
                continue  # a side is known: the visit may be to a third country
            official.country = self.other_country({visited})
            if official.country is not None:
                self.notes.append(
                    f"The side of {official.name.text} is taken from their visit to "
                    f"{country_names().get(visited, visited)}."
                )
        unknown = [o for o in unknown if o.country is None]
        sides = {o.country for o in participants if o.country}
        if not unknown:
            return
        issuer_missing = report.issued_by not in sides and (len(unknown) == 1 or sides)
        # With both sides known, the officials of no stated country are the issuer's: a text
        # names the foreign side's nationality and leaves its own side's unsaid.
        issuer_unnamed = report.issued_by in sides and len(sides) == 2
        if report.issued_by and (issuer_missing or issuer_unnamed):
            # The issuer's own officials go unnamed by country; with two unknowns and no
            # known side, which one is the issuer's cannot be told.
            for official in unknown:
                official.country = report.issued_by
            names = ", ".join(o.name.text for o in unknown)
            self.notes.append(f"The side of {names} is taken from who issued the report.")
            return
        pair = self.counterparts()
        if (
            report.issued_by
            and not sides
            and pair
            and {*pair} == {*map(self.officials.index, unknown)}
        ):
            # "Park held talks with his new counterpart, Yoko Kamikawa", in Korea's account:
            # whose counterpart the other is, is the issuer's official.
            own, theirs = (self.officials[index] for index in pair)
            other = self.other_country({report.issued_by})
            if other is not None:
                own.country, theirs.country = report.issued_by, other
                self.notes.append(
                    f"The side of {own.name.text} is taken from who issued the report, and "
                    f"that of {theirs.name.text}, their counterpart, from the other country "
                    "the text names."
                )
                return
        if len(sides) != 1:
            return
        other = self.other_country(sides)
        if other is not None:
            # Those the text gives no country are the other side's: a text names the
            # foreign side's nationality and leaves its own side's unsaid.
            for official in unknown:
                official.country = other
            names = ", ".join(o.name.text for o in unknown)
            self.notes.append(
                f"The side of {names} is taken to be the other country the text names "
                "where it tells of the meeting."
            )

    def sides_of_companions(self, unknown: list[OfficialProposal]) -> None:
        """ "Minister Carrera Castro was accompanied by the Deputy Minister, Amb. Carlos Raul
        Morales": those who accompany an official are of their side."""
        for sentence in self.sentence_spans:
            cue = ACCOMPANIED_BY.search(sentence.text)
            if cue is None:
                continue
            at = sentence.start + cue.start()
            named = sorted(
                (mention, index)
                for index in range(len(self.officials))
                for mention in self.mentions[index]
                if sentence.start <= mention < sentence.end
            )
            before = [(mention, index) for mention, index in named if mention < at]
            # "X was accompanied by": X; "X met Y ..., and was accompanied by": X, the first.
            last = before[-1] if before else None
            between = self.body[last[0] : at] if last else ""
            if last and re.search(r",|\band\b", between[len(self.officials[last[1]].name.text) :]):
                last = before[0]
            lead = self.officials[last[1]] if last else None
            if lead is None or lead.country is None:
                continue
            for mention, index in named:
                official = self.officials[index]
                if mention > at and official in unknown and official.country is None:
                    official.country = lead.country
                    self.notes.append(
                        f"The side of {official.name.text} is {lead.name.text}'s, whom they "
                        "accompanied."
                    )

    def other_country(self, sides: set[str]) -> str | None:
        """The one country besides `sides` that the text names where it tells of the
        meeting: its headline, the sentence that tells of the meeting, its header, a pair
        ("U.S.-India partnership"), or its lead. A country the talks were about, or one
        named only as where they met, is not."""
        header = "\n".join(p.text for p in self.header)
        paired = {code for pair in self.country_pairs() if sides & set(pair) for code in pair}
        # The lead: "... the UAE top diplomat received his Saudi counterpart".
        lead = [
            s
            for s in self.sentence_spans[: self.opening_sentences]
            if s.start >= (self.header[-1].end if self.header else 0)
            and not WEB_CHROME.search(s.text)
        ][:3]
        # Up to each sentence's reported words: "Kuleba said the attacks by Russia ..." names
        # what was spoken of, not a side.
        lines = [line for s in lead for line in lines_of(s)]
        lead_text = Span(0, 0, " ".join(s.text[: self.reported_from(s) - s.start] for s in lines))
        # "on the sidelines of the Ocean Conference in Nice, France": a country named only
        # as where they met is no side.
        places_only = self.countries_named_only_in(self.meeting_place)
        for where in (self.headline, self.meeting_sentence, Span(0, 0, header), paired, lead_text):
            if isinstance(where, set):
                named = where - sides
            else:
                named = self.countries_named(where.text if where else "") - sides - places_only
            if len(named) == 1:
                return named.pop()
        # Failing those, the country the text names far more than any other besides `sides`,
        # where it is also named as someone's own ("Pakistan's efforts"), never only as
        # what the talks were about ("the attacks by Russia").
        owned = {
            code
            for own in OWN_COUNTRY.finditer(self.body)
            if not AGAINST.search(self.body[max(0, own.start() - 40) : own.start()])
            and (word := self.country_words.fullmatch(own.group("governed") or own.group("own")))
            and (code := self.country_of_word[word.group(0)])
        }
        votes: dict[str, int] = {}
        for match in self.country_mentions:
            code = self.country_of_word[match.group(0)]
            if code not in sides and code not in places_only:
                votes[code] = votes.get(code, 0) + 1
        if max(votes, key=votes.get, default=None) not in owned:
            return None
        ranked = [*sorted(votes.values(), reverse=True), 0]
        if ranked[0] >= 3 and ranked[0] >= 2 * ranked[1]:
            return max(votes, key=votes.get)
        return None

    def counterparts(self) -> tuple[int, int] | None:
        """The two officials an opening sentence pairs as counterparts, the one whose
        counterpart the other is first: "Park held talks with his new counterpart, Yoko
        Kamikawa" (a surname alone names an official here)."""
        for sentence in self.sentence_spans[: self.opening_sentences]:
            cue = COUNTERPART.search(sentence.text)
            if cue is None or sentence.start + cue.start() >= self.reported_from(sentence):
                continue
            named = sorted(
                (found.start(), index)
                for index, official in enumerate(self.officials)
                for word in official.name.text.split()
                if len(word) > 2
                for found in re.finditer(rf"\b{re.escape(word)}\b", sentence.text)
            )
            before = [index for at, index in named if at < cue.start()]
            after = [index for at, index in named if at >= cue.end()]
            if before and after and before[0] != after[0]:
                return before[0], after[0]
        return None

    def visitors(self) -> dict[int, str]:
        """The participants the text says are visiting a country ("Mr Albares ... paid an
        official visit to India", "Minister Pandor is in Singapore on an Official Visit"),
        each with the country they visit: a visitor is not its official."""
        found: dict[int, str] = {}
        for sentence in self.sentence_spans[: self.opening_sentences]:
            for cue in VISIT_TO.finditer(sentence.text):
                country = self.country_words.match(sentence.text, cue.end("country"))
                if country is None or is_capital(country.group(0)):
                    continue
                if cue.group("stay") in ("is", "was", "are", "were") and not (
                    STAY_FOR_A_VISIT.match(sentence.text, country.end())
                ):
                    continue  # "is in China's interest"
                at = sentence.start + cue.start()
                if at >= self.reported_from(sentence):
                    continue  # "Wang Yi said President Sisi paid a visit to China"
                # The visitor is who the sentence is about: its first name, after a leading
                # "At the invitation of X," ("..., Mr Albares ... paid an official visit").
                invited = re.match(r"(?i)at the invitation of [^,]*,\s*", sentence.text)
                begin = sentence.start + (invited.end() if invited else 0)
                named = [
                    (mention, index)
                    for index in range(len(self.officials))
                    for mention in self.mentions[index]
                    if begin <= mention < at
                ]
                visitor = min(named)[1] if named else None
                if visitor is not None and self.officials[visitor].role == "participant":
                    found.setdefault(visitor, self.country_of_word[country.group(0)])
        return found

    def sides_from_what_they_said(self, claims: list[ClaimProposal]) -> None:
        """A participant the text gives no country speaks for the country their own claims
        speak for ("India would be happy to ...", "The Chinese side is ready ...", "the
        Government of Japan will ...", "emphasized Egypt's full rejection") when no other
        participant stands for it. A country the claim opens with counts twice, one it
        names as its own ("Egypt's", "the Government of Japan") once; one country must
        have at least twice the votes of any other."""
        taken = {o.country for o in self.officials if o.role == "participant" and o.country}
        for index, official in enumerate(self.officials):
            if official.country or official.role != "participant":
                continue
            votes: dict[str, int] = {}
            for claim in claims:
                if claim.speaker != index:
                    continue
                opening = re.match(r"^(?:The\s+)?", claim.text)
                country = self.country_words.match(claim.text, opening.end())
                # "India would be happy to ...", not "Russia must withdraw": a side speaks
                # for itself with readiness, support or resolve, not with demands of it.
                stance = country and SELF_STANCE.match(claim.text, country.end())
                if stance and not is_capital(country.group(0)):
                    code = self.country_of_word[country.group(0)]
                    votes[code] = votes.get(code, 0) + 2
                for own in OWN_COUNTRY.finditer(claim.text):
                    if AGAINST.search(claim.text[max(0, own.start() - 40) : own.start()]):
                        continue  # "condemned Russia's position": another's
                    named = own.group("governed") or own.group("own")
                    word = self.country_words.fullmatch(named)
                    if word and not is_capital(word.group(0)):
                        code = self.country_of_word[word.group(0)]
                        votes[code] = votes.get(code, 0) + 1
            votes = {code: n for code, n in votes.items() if code not in taken}
            ranked = [*sorted(votes.values(), reverse=True), 0]
            if votes and ranked[0] >= 2 * ranked[1]:
                official.country = max(votes, key=votes.get)
                taken.add(official.country)
                self.inferred_sides.add(index)
                self.notes.append(
                    f"The side of {official.name.text} is read from the country their words "
                    "speak for."
                )

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

    # --- claims ---------------------------------------------------------------------------

    def find_claims(
        self, commentary: list[Paragraph], relayed: list[Paragraph]
    ) -> list[ClaimProposal]:
        claims = self.quotes_in_commentary(commentary, relayed)
        current: Attribution | None = None
        label: Attribution | None = None
        for index, paragraph in enumerate(relayed):
            text, offset = paragraph.text, paragraph.start
            intro = REMARKS_FOLLOW.match(text)
            speaker = self.attribution_of_subject(intro.group("who"), None) if intro else None
            if speaker is not None and speaker.speaker is not None:
                # "A translation of President Tsai's remarks follows:": her turn, to the end.
                label = current = speaker
                continue
            labelled = self.speaker_label(text) or self.bare_label(relayed, index)
            # "President of Russia Vladimir Putin: Mr President, friends,": a turn that opens
            # with an address, not a heading ("Joint Statement: India and Mexico").
            addressed = labelled is not None and text.rstrip().endswith(",")
            if (
                is_heading(paragraph)
                and (labelled is None or labelled.re is LABEL)
                and not addressed
            ):
                continue
            if PRESS_QUESTION.match(text):
                label = current = None  # a question from the press is nobody's claim
                continue
            if labelled:
                at = paragraph.start + labelled.start("label")
                label = self.attribution_of_label(
                    Span(at, at + len(labelled.group("label")), labelled.group("label"))
                )
                if labelled.re is TITLED_LABEL and label and label.speaker is not None:
                    self.title_from_label(label.speaker, paragraph.start, labelled)
                if label and label.speaker is not None and not self.is_spokesperson(label.speaker):
                    self.officials[label.speaker].role = "participant"  # they speak in it
                text, offset = text[labelled.end() :], offset + labelled.end()
                current = label
            elif label is not None:
                current = label  # a transcript: the turn goes on until the next label
            elif not text.startswith(tuple(OPENING_QUOTES)) and not PRONOUN_SUBJECT.match(text):
                current = None  # a new paragraph of a readout starts afresh
            for sentence in self.sentences_without_stage_directions(text, offset):
                current, claim = self.read_sentence(
                    sentence, current, labelled is not None or label is not None
                )
                if claim is not None:
                    claims.append(claim)
        return claims

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

    def read_sentence(
        self, sentence: Span, current: Attribution | None, in_turn: bool
    ) -> tuple[Attribution | None, ClaimProposal | None]:
        """The claim a sentence makes, if any, and who speaks from then on."""
        span = trim(sentence, self.body)
        if span is None:
            return current, None
        dateline = re.match(r"^([A-Z][A-Z .'\u2019\-]{2,40}):\s+", span.text)
        if dateline and is_place(dateline.group(1).title()):
            # "PUTRAJAYA: Foreign Minister ... met": the place the dispatch was filed from.
            span = Span(span.start + dateline.end(), span.end, span.text[dateline.end() :])
        text = span.text
        attribution = None
        doubt = ""  # why the speaker or side chosen needs an editor's look; "" when named
        reported = self.reported_in_turn(text, current) if in_turn else None
        if reported is not None:
            # "John Kerry has reaffirmed that ...", in Lavrov's turn: Kerry's words, as Lavrov
            # reports them.
            attribution = reported
            doubt = f"Reported by {self.who(current)} in their own remarks."
        elif not in_turn:
            head = SUBJECT_VERB.match(text)
            trailing = TRAILING_ATTRIBUTION.search(text)
            if trailing:
                head = None  # "..., he said." names the speaker at the end
            # "During the meeting Ministers deliberated on ...": the time of the talks first.
            told = MEETING_TIME.sub("", text, count=1).lstrip(" ,")
            together = JOINT_SUBJECT.match(told) if head is None and not trailing else None
            acted = together and re.match(
                r"\s+(?:also\s+|further\s+)?(?P<verb>[a-z]+ed|came out|took|gave|made|saw)\b",
                told[together.end() :],
            )
            if acted and not NARRATIVE_VERB.fullmatch(acted.group("verb")):
                # "Both Foreign Ministers came out in favour of ...": both sides' act, told
                # with a verb the reading of speech does not list.
                attribution = Attribution("joint")
            if head and self.is_joint_subject(head.group("subject")):
                kind = kind_of(span.text, joint=True)
                if NARRATIVE_VERB.fullmatch(head.group("verb")) and not re.search(
                    r"\b(?:exchange|discussion|talks? (?:on|about|over))", text
                ):
                    return current, None  # "The two ministers met in Geneva."
                return current, ClaimProposal(span.start, span.end, span.text, "joint", kind=kind)
            if (
                head
                and NARRATIVE_VERB.fullmatch(head.group("verb"))
                and current is None
                and not JOINT_CLAUSE.search(text)  # "..., where both reaffirmed ..."
            ):
                return current, None  # "Blinken spoke today with ...": what happened
            subject = None
            if head and not NARRATIVE_VERB.fullmatch(head.group("verb")):
                subject = head.group("subject")
                attribution = self.attribution_of_subject(subject, current)
                speaker = attribution.speaker if attribution else None
                if speaker is not None and self.is_spokesperson(speaker):
                    if PRESS_BRIEFED.match(text, head.end()):
                        return attribution, None  # "... briefed reporters after the meeting."
                    attribution = self.attribution_of_relayed(text[head.end() :], attribution)
            if attribution is not None and head is not None:
                tail = SPEECH_TAIL.match(text, head.end())
                rest = text[tail.end() :] if tail else ""
                if tail and head.group("verb") in STRIPPED_VERBS and len(rest.split()) >= 3:
                    span = trim(Span(span.start + tail.end(), span.end, rest), self.body)
            elif trailing and attribution is None:
                subject = trailing.group("subject")
                attribution = self.attribution_of_subject(subject, current)
                speaker = attribution.speaker if attribution else None
                if speaker is not None and self.is_spokesperson(speaker):
                    # "Both sides tackled ways of ..., Radi said.": the spokesperson relays.
                    attribution = self.attribution_of_relayed(text[: trailing.start()], attribution)
                if attribution is not None:
                    kept = text[: trailing.start()]
                    span = trim(Span(span.start, span.start + len(kept), kept), self.body)
            if attribution is not None and subject is not None:
                bare = re.sub(r"^.*,\s*", "", subject).strip()
                if PRONOUN_SUBJECT.fullmatch(bare) or WE_SUBJECT.fullmatch(bare):
                    doubt = f"\u201c{bare}\u201d is read as {self.who(attribution)}."
            opened = False
            if attribution is None:
                attribution = self.attribution_of_opening(text, current)
                opened = attribution is not None
                if attribution is not None and attribution is current:
                    doubt = (
                        f"The sentence speaks of a side; it is read as {self.who(current)}'s "
                        "words, who spoke before it."
                    )
            speaking_for_it = (
                opened
                and current is not None
                and current.kind == "speaker"
                and attribution is not None
                and self.side_of(current) == attribution.side
            )
            if attribution is not None and attribution.kind != "joint" and not speaking_for_it:
                current = attribution  # a side's own sentence leaves its speaker speaking
        if attribution is None and current is None and not in_turn and JOINT_CLAUSE.search(text):
            attribution = Attribution("joint")  # "... and the two sides discussed ..."
        if (
            attribution is None
            and current is None
            and not in_turn
            and self.meeting_sentence is not None
            and span is not None
            and span.start > self.meeting_sentence.start
            and PASSIVE_TOGETHER.search(text)
        ):
            attribution = Attribution("joint")  # "Key aspects ... were touched upon."
        if (
            attribution is None
            and not in_turn
            and self.principal is not None
            and FIRST_PERSON.match(text)
        ):
            principal = self.officials[self.principal]
            attribution = Attribution("speaker", principal.country, self.principal)
            doubt = f"Said in the first person: read as {principal.name.text}'s statement."
        if attribution is None and current is not None:
            attribution = current
            if not in_turn:
                doubt = f"No speaker is named here: read as going on with {self.who(current)}."
        if attribution is None or span is None or len(span.text.split()) < 3:
            return current, None
        if ATTRIBUTION_ONLY.match(span.text):
            return current, None  # "The briefing said."
        if COURTESY.match(span.text) or span.text.rstrip().endswith(":") or URL.search(span.text):
            return current, None  # thanks, greetings, "as follows:", a link
        if in_turn and len(span.text.split()) <= 25 and SMALL_TALK.search(span.text):
            return current, None  # "It's a great honor.", "I'm thrilled to meet your wife."
        courtesy = COURTESY_ACT.search(span.text)
        if courtesy and courtesy.start() < 60 and len(span.text.split()) <= 30:
            return current, None  # congratulations and greetings, told (as the main verb)
        if sentence.text.rstrip()[-1:] not in ".!\"'\u201d\u2019)]":
            return current, None  # a question, or a fragment cut by a truncated copy
        if attribution.kind == "joint":
            kind = kind_of(span.text, joint=True)
            return current, ClaimProposal(
                span.start, span.end, span.text, "joint", kind=kind, doubt=doubt
            )
        side = attribution.side
        if attribution.speaker is not None:
            side = self.officials[attribution.speaker].country or side
        return current, ClaimProposal(
            span.start,
            span.end,
            span.text,
            attribution.kind,
            side=side,
            speaker=attribution.speaker,
            kind=kind_of(span.text, joint=False),
            doubt=doubt,
        )

    def reported_in_turn(self, text: str, current: Attribution | None) -> Attribution | None:
        """Who a sentence of a transcript's turn reports, when it names another participant
        or the other side as its subject with a verb of speech ("John Kerry has reaffirmed
        that ...", "The United States believes that ...")."""
        head = SUBJECT_VERB.match(text)
        if head is None or current is None or NARRATIVE_VERB.fullmatch(head.group("verb")):
            return None
        if not re.fullmatch(SPEECH_VERBS, head.group("verb")):
            return None
        subject = re.sub(r"\s+(?:has|have|had)$", "", head.group("subject").strip())
        if not re.search(
            r"\b[A-Z][\w.]*\s+[A-Z]|\b(?!(?:I|We|It|This|That|They|He|She|You|"
            r"There|Our|My|The)\b)[A-Z]",
            subject,
        ):
            return None  # "We believe", "I think": the speaker's own words
        words = set(re.findall(r"[\w\-]+", subject))
        speaker = self.official_named(subject) if words & self.name_words() else None
        if speaker is not None and speaker != current.speaker:
            if self.officials[speaker].role == "participant":
                return Attribution("speaker", self.officials[speaker].country, speaker)
            return None
        country = self.country_in(subject) if len(subject.split()) <= 4 else None
        # Only the other participant's side: "Ukraine has made clear ..." in Blinken's turn
        # is what he says of a third country.
        others = {o.country for o in self.officials if o.role == "participant" and o.country}
        if country in others - {self.side_of(current)} and re.fullmatch(
            r"(?:the\s+)?[A-Z][\w.\s]*", subject
        ):
            return Attribution("side", country)
        return None

    def name_words(self) -> set[str]:
        """The words of the officials' names found so far (a cheap test before looking a
        subject up among them)."""
        if self._name_words[0] != len(self.officials):
            words = {w for o in self.officials for w in re.findall(r"[\w\-]+", o.name.text)}
            self._name_words = (len(self.officials), words)
        return self._name_words[1]

    def is_spokesperson(self, index: int) -> bool:
        official = self.officials[index]
        title = official.title.text if official.title else ""
        return official.role == "spokesperson" or bool(SPOKES_TITLE.search(title))

    def attribution_of_relayed(self, words: str, spokesperson: Attribution) -> Attribution:
        """Whose words a spokesperson relays ("Spokesman ... said President Sisi stressed
        ...", "... said the two sides discussed ..."): those the relayed words name, else
        the spokesperson's side, never the spokesperson."""
        words = re.sub(rf"^\s*(?:that\s+)?[{OPENING_QUOTES}]?", "", words)
        if JOINT_SUBJECT.match(words):
            return Attribution("joint")
        inner = SUBJECT_VERB.match(words)
        found = self.attribution_of_subject(inner.group("subject"), None) if inner else None
        if found is not None and not (
            found.speaker is not None and self.is_spokesperson(found.speaker)
        ):
            return found
        return Attribution("side", self.side_of(spokesperson))

    def who(self, attribution: Attribution) -> str:
        if attribution.speaker is not None:
            return self.officials[attribution.speaker].name.text
        if attribution.kind == "joint":
            return "both sides"
        country = country_names().get(attribution.side, attribution.side or "an unknown country")
        return f"the side of {country}"

    def is_joint_subject(self, subject: str) -> bool:
        """ "The two foreign ministers", "Furthermore, both sides", "Lavrov and Fidan"
        (officials of both sides)."""
        attribution = self.attribution_of_subject(subject, None)
        return attribution is not None and attribution.kind == "joint"

    def attribution_of_subject(
        self, subject: str, current: Attribution | None
    ) -> Attribution | None:
        """Who `subject` ("The Chinese side", "Wang Yi", "The Secretary", "He") is."""
        if "," in subject:
            # "In the talks, Wang Yi" -> "Wang Yi"; "Lavrov and Fidan, while explaining ..."
            # -> "Lavrov and Fidan"; "Prime Minister Hasina, after congratulating Prime
            # Minister Abe on ..." -> "Prime Minister Hasina".
            pieces = [p for p in subject.split(",") if p.strip() and not ASIDE.match(p)]
            after, before = pieces[-1] if pieces else "", pieces[0] if pieces else ""
            return self.attribution_of_subject(after, current) or (
                self.attribution_of_subject(before, current) if len(before.split()) <= 8 else None
            )
        subject = AUXILIARY_END.sub("", subject.strip())
        # "During the meeting the sides discussed": the time of the talks, then who spoke.
        subject = MEETING_TIME.sub("", subject) or subject
        if MEETING_AS_SUBJECT.fullmatch(subject):
            return Attribution("joint")  # "The talks covered ...", "The meeting discussed ..."
        both = re.fullmatch(r"(?P<a>.+?)\s+and\s+(?P<b>.+)", subject)
        if both:
            # "The Secretary and Foreign Minister discussed ...": both sides together.
            first = self.attribution_of_subject(both.group("a"), current)
            second = self.attribution_of_subject(both.group("b"), current)
            if first and second and self.side_of(first) != self.side_of(second):
                return Attribution("joint")
        if JOINT_SUBJECT.match(subject):
            return Attribution("joint")
        if PRONOUN_SUBJECT.fullmatch(subject):
            return current if current and current.kind == "speaker" else None
        if WE_SUBJECT.fullmatch(subject):
            return current
        if self.unnamed_principal and re.fullmatch(
            rf"the\s+{self.unnamed_principal}", subject.strip(), re.IGNORECASE
        ):
            return Attribution("side", self.report_issuer)
        speaker = self.official_named(subject)
        if speaker is not None:
            return Attribution("speaker", self.officials[speaker].country, speaker)
        # "An official with the Chinese delegation" speaks for China; "The latest developments
        # in Syria" are what was spoken of, not a side.
        topic = re.sub(r"\s+(?:was|were|is|are|has been|have been)$", "", subject)
        if len(subject.split()) <= 8 and not re.search(
            r"\b(?:in|on|about|over|regarding|concerning)\s+(?:the\s+)?\S+$", topic
        ):
            country = self.country_in(subject)
            if country:
                return Attribution("side", country)
        return None

    def unnamed_principal_of(self, report: ReportProposal, content: list[Paragraph]) -> str | None:
        """The title by which an issuer's readout names its own leader without a name ("The
        Prime Minister spoke to Prime Minister Anthony Albanese of Australia"): that title,
        alone, is then the issuer's principal throughout, never the other leader."""
        if not report.issued_by or not content:
            return None
        opening = UNNAMED_PRINCIPAL.match(content[0].text)
        return opening.group("title").lower() if opening else None

    def side_of(self, attribution: Attribution) -> str | None:
        if attribution.speaker is not None:
            return self.officials[attribution.speaker].country or f"#{attribution.speaker}"
        return attribution.side

    def attribution_of_opening(self, text: str, current: Attribution | None) -> Attribution | None:
        """A sentence that opens with its side ("China will ...", "The U.S. side is ready
        ...", "Both sides agreed ...") speaks for that side whatever came before."""
        text = MEETING_TIME.sub("", text)  # "During the conversation the sides exchanged ..."
        joint = JOINT_SUBJECT.match(text)
        if (
            joint
            and (
                JOINT_VERB.match(text[joint.end() :])
                # "The Ministers felt ...", "Both Foreign Ministers came out in favour ...": a
                # plural subject of both sides, whatever its verb (not "Both sides' views").
                or (
                    joint.group(0).lower() not in ("both", "they", "the two")
                    and re.match(r"^\s+(?:also\s+)?[a-z]{3,}(?:ed|t)\b", text[joint.end() :])
                )
            )
        ):
            return Attribution("joint")
        subject = re.match(r"^(?:The\s+)?", text)
        country = self.country_words.match(text, subject.end())
        if country is None:
            return None
        after = text[country.end() :]
        code = self.country_of_word[country.group(0)]
        side_noun = re.match(r"^\s+(?:side|delegation|government|authorities)\b", after)
        if side_noun:
            after = after[side_noun.end() :]
        elif not re.match(r"^\s+(?:itself\s+)?" + SIDE_VERBS, after):
            return None
        if current is not None and current.side not in (None, code) and OBLIGATION.match(after):
            # "The U.S. side should ..." in China's statement: China's demand, not the U.S.'s.
            return current
        return self.same_side(code, current)

    def same_side(self, country: str, current: Attribution | None) -> Attribution:
        """A sentence whose subject is a side ("China is ready to ...", "The Hungarian side
        stands ready ...") is that side's, without a speaker, even in a paragraph of Wang
        Yi's: the text credits the side, and a speaker is never guessed."""
        return Attribution("side", country)

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

    def title_from_label(self, index: int, start: int, labelled: re.Match) -> None:
        """The office a bracketed label gives its speaker, and the country it names
        ("President of the Republic of Indonesia")."""
        official = self.officials[index]
        at = start + labelled.start("title")
        title = Span(at, at + len(labelled.group("title")), labelled.group("title"))
        if official.title is None:
            official.title = self.trimmed_title(title) or title
        if official.country is None:
            named = self.countries_named(title.text)
            official.country = named.pop() if len(named) == 1 else None

    def attribution_of_label(self, label: Span) -> Attribution | None:
        """Who a transcript's speaker label ("SECRETARY BLINKEN:", "Sergey Lavrov:") names:
        an official the text or the archive knows by that surname, else a new official
        named by the label. Questions and moderators are nobody's side."""
        # "Penny Wong, Foreign Minister": the name before the comma, the title after it.
        named, _, titled = label.text.partition(",")
        office = None  # the title after the comma: "CHRIS HIPKINS, PRIME MINISTER OF NEW ZEALAND"
        if titled and not any(is_title_noun(w.lower()) for w in named.split()):
            at = label.start + len(named) + 1 + (len(titled) - len(titled.lstrip()))
            office = Span(at, at + len(titled.strip()), titled.strip())
            label = Span(label.start, label.start + len(named), named)
        words = [w for w in label.text.replace(".", " ").split() if w not in HONORIFICS]
        upper = [folded(w).upper() for w in words]
        if (
            not upper
            or upper[0] in NON_PARTICIPANT_LABELS
            or " ".join(upper) in (NON_PARTICIPANT_LABELS)
        ):
            return None
        # The name is what follows the title: "President of Russia Vladimir Putin".
        first = len(words) - 1
        while first > 0 and not (
            words[first - 1].lower() in TITLE_WORDS
            or is_title_noun(words[first - 1].lower())
            or words[first - 1] in self.country_of_word
            or words[first - 1].lower() in TITLE_GLUE
        ):
            first -= 1
        name_words = upper[first:]
        surname = name_words[-1]
        for index, official in enumerate(self.officials):
            known = folded(official.name.text).upper().split()
            if surname in known or (len(name_words) > 1 and name_words[0] == known[0]):
                return Attribution("speaker", official.country, index)
        person = next(
            (
                p
                for p in self.vocabulary.people
                # A Chinese name gives the surname first: "DIRECTOR YANG" is Yang Jiechi.
                if any(
                    surname in (folded(n).upper().split()[0], folded(n).upper().split()[-1])
                    for n in p.names
                )
            ),
            None,
        )
        name_at = label.text.index(words[first]) if first else label.text.index(words[0])
        name_start = label.start + name_at
        name_end = label.start + len(label.text.rstrip(" .")) if first < len(words) else name_start
        title = None
        if first:
            title = Span(label.start, name_start - 1, self.body[label.start : name_start - 1])
        country = person.country if person else self.country_in(label.text[:name_at])
        if office is not None:
            title = title or self.trimmed_title(office) or office
            # In capitals the country is "NEW ZEALAND": read it as "New Zealand".
            country = (
                country or self.country_in(office.text) or self.country_in(office.text.title())
            )
        self.officials.append(
            OfficialProposal(
                Span(name_start, name_end, self.body[name_start:name_end]),
                title,
                country,
                person.key if person else None,
            )
        )
        self.mentions.append([name_start])
        return Attribution("speaker", country, len(self.officials) - 1)

    def official_named(self, subject: str) -> int | None:
        """The official `subject` names: by full name or surname, or by the title of the only
        official who holds it ("The Secretary", "the Foreign Minister")."""
        cleaned = re.sub(
            r"^(?:the|u\.s\.|us|chinese|mr\.?|ms\.?|mrs\.?)\s+", "", subject.strip(), flags=re.I
        )
        # "Minister Kang", "Foreign Minister Moreno": the name after the title.
        bare = cleaned.split()
        while len(bare) > 1 and (bare[0].lower() in TITLE_WORDS or is_title_noun(bare[0].lower())):
            bare.pop(0)
        surname = " ".join(bare)
        for index, official in enumerate(self.officials):
            names = [official.name.text]
            person = self.people.get(official.person)
            if person:
                names.extend(person.names)
            for name in names:
                if cleaned == name or subject.endswith(name) or refers_to(cleaned, name):
                    return index
                if len(bare) == 1 and folded(surname) in folded(name).split():
                    return index
        by_office = self.official_by_office(cleaned)
        if by_office is not None:
            return by_office
        holders = [
            i
            for i, official in enumerate(self.officials)
            if official.title
            and cleaned
            and official.role != "spokesperson"
            and re.search(rf"\b{re.escape(cleaned)}\b", official.title.text, re.I)
            and cleaned.lower().split()[-1] in TITLE_NOUNS
        ]
        if len(holders) > 1:
            # "the Foreign Minister" where both hold the office: the readout's own, whom it
            # names without a country ("... received a call from the Foreign Minister of
            # Australia, Ms. Marise Payne").
            holders = [
                i
                for i in holders
                if i in self.inferred_sides
                or self.officials[i].country in (None, self.report_issuer or None)
            ]
        return holders[0] if len(holders) == 1 else None

    def official_by_office(self, subject: str) -> int | None:
        """ "The Turkish minister", "the senior Iranian diplomat", "The U.S. President": the
        one participant of that country."""
        # "The Foreign Minister of Greece": the office before "of" and its country.
        office, _, of_country = subject.partition(" of ")
        if of_country and self.country_in(of_country):
            subject = f"{of_country} {office}"
        words = subject.split()
        if not words or (words[-1].lower() not in OFFICE_NOUNS and words[-1] not in OFFICE_NOUNS):
            return None
        country = self.country_in(subject)
        if country is None:
            return None
        found = [
            i
            for i, o in enumerate(self.officials)
            if o.country == country and o.role == "participant"
        ]
        return found[0] if len(found) == 1 else None

    def country_in(self, text: str) -> str | None:
        found = {self.country_of_word[m.group(0)] for m in self.country_words.finditer(text)}
        return found.pop() if len(found) == 1 else None

    def quotes_in_commentary(
        self, commentary: list[Paragraph], relayed: list[Paragraph]
    ) -> list[ClaimProposal]:
        """In a dispatch's own commentary, a quotation counts only when the text says whose it
        is ("described by Washington as ...") and the relayed document does not repeat it."""
        relayed_text = " ".join(p.text for p in relayed)
        claims = []
        quote = re.compile(r"[\"\u201c](?P<q>[^\"\u201c\u201d]{6,300}?)[,.]?[\"\u201d]")
        for paragraph in commentary:
            for match in quote.finditer(paragraph.text):
                words = match.group("q")
                if len(words.split()) < 2 or words in relayed_text:
                    continue
                before = paragraph.text[max(0, match.start() - 80) : match.start()]
                cue = QUOTE_CUE.search(before)
                if not cue:
                    continue
                who = cue.group("who") or cue.group("who2")
                country = self.country_in(who)
                speaker = self.official_named(who)
                if speaker is None and country is None:
                    continue
                start = paragraph.start + match.start("q")
                end = start + len(words)
                side = self.officials[speaker].country if speaker is not None else country
                claims.append(
                    ClaimProposal(
                        start,
                        end,
                        words,
                        "speaker" if speaker is not None else "side",
                        side=side,
                        speaker=speaker,
                        kind=kind_of(words, joint=False),
                        doubt="Quoted in the publisher's own commentary, not in the account.",
                    )
                )
        return claims

    # --- the meeting ----------------------------------------------------------------------

    def read_meeting(
        self, header: list[Paragraph], content: list[Paragraph], report: ReportProposal
    ) -> MeetingProposal:
        """Dates, place, format and a title from the first sentence that tells of a meeting
        and dates it; the report's date when the text says "today" or gives none."""
        meeting = MeetingProposal()
        default_year = report.date.year if report.date else self.year_in_text(header, content)
        self.meeting_sentence = None
        told = [s for s in self.sentence_spans if s.start >= (content[0].start if content else 0)]
        # A headline that tells of the meeting and dates it ("... Meeting Held on Sept. 11")
        # comes first.
        headline = [report.title] if report.title else []
        headline = [h for h in headline if MEETING_WORDS.search(h.text)]
        dateline_opens = next(
            (p for p in content[:2] if any(DATELINE.match(line) for line in p.text.split("\n"))),
            None,
        )
        # A sentence is read a line at a time: a page's list of other stories runs into the
        # first line of the report without a full stop ("... FLNKS\n25/06/2025\nPrime
        # Minister Rabuka met ...").
        for sentence in [piece for s in [*headline, *told] for piece in lines_of(s)]:
            # "MOSCOW, June 11. /TASS/. Lavrov and Fidan have discussed ...": a dispatch
            # tells in the present perfect what happened on its own day.
            just_now = (
                dateline_opens
                and sentence.start < dateline_opens.end
                and re.search(
                    r"\b(?:has|have)\s+(?:\w+\s+)?(?:met|held|discussed)\b", sentence.text
                )
            )
            if not MEETING_WORDS.search(sentence.text) and not just_now:
                continue

            # A dateline's date is the report's ("BEIJING, March 5 (Xinhua) -- ... held talks
            # on March 4 and 5"): the meeting's is in the words after it.
            lead = DATELINE.match(sentence.text)
            told_text = sentence.text[lead.end() :] if lead else sentence.text
            told_at = lead.end() if lead else 0
            dates = find_dates(told_text, default_year)
            if dates:
                dates = [(at + told_at, *rest) for at, *rest in dates]
            else:
                dates = find_dates(sentence.text, default_year)
            # "A photo provided on Nov. 15 shows them meeting in Lima on Nov. 14": the date
            # that follows the words of meeting, where one does.
            said = MEETING_WORDS.search(sentence.text, told_at)
            if said:
                dates = [d for d in dates if d[0] > said.start()] or dates
            # "... followed the talks that had taken place ... on 20 May": those talks' day.
            earlier = ANOTHER_MEETING.search(sentence.text)
            if earlier:
                dates = [d for d in dates if d[0] < earlier.start()]
            # "... discussed the upcoming Summit, to be held June 6-10": another event's days.
            dates = [
                d for d in dates if not FUTURE_EVENT.search(sentence.text[max(0, d[0] - 40) : d[0]])
            ]
            today = re.search(
                r"\b(?:today|this (?:morning|afternoon|evening))\b", sentence.text, re.IGNORECASE
            )
            yesterday = re.search(r"\byesterday\b", sentence.text)
            weekday = WEEKDAY.search(sentence.text)
            if not dates and weekday and report.date and not today:
                # "on Thursday" in a report dated Friday: the last such day, never later.
                named = (weekday.group(1) or weekday.group(2)).lower()
                back = (report.date.weekday() - WEEKDAYS.index(named)) % 7
                day = report.date - datetime.timedelta(days=back)
                self.meeting_sentence = sentence
                meeting.start = meeting.end = day
                self.notes.append(f"The meeting's day is read from '{weekday.group(0)}'.")
                break
            if not dates and not weekday and just_now and report.date:
                self.meeting_sentence = sentence
                meeting.start = meeting.end = report.date
                self.notes.append(
                    "The meeting is taken to be on the dispatch's day: the text says it has "
                    "just taken place."
                )
                break
            if not dates and yesterday and report.date:
                self.meeting_sentence = sentence
                meeting.start = meeting.end = report.date - datetime.timedelta(days=1)
                self.notes.append("The meeting's day is read from 'yesterday'.")
                break
            if dates or (today and report.date):
                self.meeting_sentence = sentence
                if dates:
                    meeting.start, meeting.end = dates[0][1], dates[0][2]
                    if not dates[0][3] and not report.date:
                        self.notes.append(
                            f"The text dates the meeting without a year; {default_year} is assumed."
                        )
                else:
                    meeting.start = meeting.end = report.date
                break
        if self.meeting_sentence is None:
            self.meeting_sentence = next((s for s in told if MEET_WITH.search(s.text)), None)
        first = self.meeting_sentence
        if first is not None:
            meeting.place = place_in(first.text, first.start)
            meeting.format = meeting_format(first.text)
        for sentence in told:
            named = MEETING_NOUN.search(sentence.text)
            if named and not re.search(r"\b(?:telephone|phone) conversation\b", named.group(0)):
                meeting.title = named.group("title").strip()
                meeting.title = meeting.title[0].upper() + meeting.title[1:]
                break
        headline = report.title.text if report.title else ""
        if not meeting.title and len(headline) < 120 and MEETING_WORDS.search(headline):
            meeting.title = headline  # "Wang Yi Holds Talks with ...", "Xi meets Blinken"
        opening = [*header, *content[:2]]
        dateline = next(
            (found for p in opening if (found := dateline_place(p.text, p.start))), None
        )
        if dateline is not None and len(self.raw_labels) >= 2 and dateline.text in self.raw_labels:
            dateline = None  # "OBAMA: Thank you, Dmitry.": a speaker in a transcript
        if meeting.place is not None and dateline is not None:
            # "visit to Japan" under a "Tokyo, April 26" dateline: the city, in that country.
            said, dated = place(meeting.place.text), place(dateline.text)
            if said and dated and said[1] == "country" and said[0] == dated[0]:
                meeting.place = dateline
        if meeting.place is None and first is not None and dateline is not None:
            # "MOSCOW, June 11. /TASS/. Lavrov and Fidan have discussed ... Lavrov and Fidan
            # met on the sidelines of ... in Nizhny Novgorod": the next sentence that tells
            # of this meeting says where it was, the dateline where the dispatch was filed.
            following = [s for s in told if first.end <= s.start][:2]
            meeting.place = next(
                (
                    found
                    for s in following
                    if MEET_WITH.search(s.text) and not PAST_CUE.search(s.text)
                    if (found := place_in(s.text, s.start))
                ),
                None,
            )
        if meeting.place is None:
            meeting.place = dateline
        if meeting.place is None:
            # A heading's "..., New York, September 27, 2015" or "January 20, 2022 - Paris".
            headings = [report.title] if report.title else []
            headings += [Span(p.start, p.end, p.text) for p in header]
            meeting.place = next(
                (found for h in headings if (found := place_beside_date(h.text, h.start))), None
            )
        if meeting.place is None:
            # "let me welcome you to Moscow", "here in Karuizawa": where the speakers are.
            meeting.place = next(
                (found for p in content if (found := place_of_presence(p.text, p.start))), None
            )
        if meeting.place is None:
            # A line under the heading that is only the place ("Granja do Torto\nBrasilia,
            # Brazil"), or a heading that ends with it.
            article = [p for p in content if not WEB_CHROME.search(p.text)]
            meeting.place = next(
                (
                    found
                    for p in [*header, *article[:2]]
                    if (found := place_line(p.text, p.start))
                    # "... with the President of Brazil, Lula": a name, not a place.
                    and not set(found.text.split(",")[0].split()) & self.name_words()
                ),
                None,
            )
        tellers = [s for s in told if MEET_WITH.search(s.text) or MEETING_WORDS.search(s.text)]
        if meeting.place is None:
            # The sentences that tell of the meeting, then the text's opening paragraphs.
            meeting.place = next(
                (found for s in tellers[:4] if (found := place_in(s.text, s.start))), None
            )
        said = place(meeting.place.text) if meeting.place else None
        if said and said[1] == "country":
            # "visit to Israel", then "met today, in Jerusalem": the city, in that country.
            meeting.place = next(
                (
                    found
                    for s in tellers[:4]
                    if (found := place_in(s.text, s.start))
                    and (city := place(found.text))
                    and city[1] != "country"
                    and city[0] == said[0]
                ),
                meeting.place,
            )
        if meeting.format == "call":
            meeting.place = None  # a call takes place nowhere: a place it names is another's
        if meeting.start is None and report.date is not None:
            self.date_from_the_lead(meeting, report, told[:3])
        if (
            meeting.start is None
            and report.date is not None
            and any(self.speaker_label(p.text) for p in content)
        ):
            # A transcript is dated the day its words were spoken.
            meeting.start = meeting.end = report.date
            self.notes.append("The transcript's date is taken as the meeting's.")
        if meeting.start is None:
            # The report's own date is when it was published, not when the meeting was.
            self.notes.append("The text does not date the meeting; give its date.")
        return meeting

    def date_from_the_lead(
        self, meeting: MeetingProposal, report: ReportProposal, lead: list[Span]
    ) -> None:
        """A news report's lead dates what it reports by a weekday: "Türkiye on Monday
        denounced ..." in a report dated Monday."""
        for sentence in lead:
            weekday = WEEKDAY.search(sentence.text)
            if weekday:
                named = (weekday.group(1) or weekday.group(2)).lower()
                back = (report.date.weekday() - WEEKDAYS.index(named)) % 7
                meeting.start = meeting.end = report.date - datetime.timedelta(days=back)
                self.notes.append(f"The meeting's day is read from '{weekday.group(0)}'.")
                return

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

    def meeting_countries(self, report: ReportProposal, claims: list[ClaimProposal]) -> list[str]:
        """The two sides: the countries of the officials taking part, then of the claims'
        sides, then those the text names most."""
        votes: dict[str, int] = {}
        for official in self.officials:
            if official.country and official.role == "participant":
                votes[official.country] = votes.get(official.country, 0) + 10
        for claim in claims:
            if claim.side:
                votes[claim.side] = votes.get(claim.side, 0) + 3
        for match in self.country_mentions:
            code = self.country_of_word[match.group(0)]
            votes[code] = votes.get(code, 0) + 1
        ranked = sorted(votes, key=lambda code: -votes[code])[:2]
        if report.issued_by in ranked:
            ranked.remove(report.issued_by)
            ranked.insert(0, report.issued_by)
        if len(ranked) < 2:
            self.notes.append("Could not tell the two countries of the meeting; choose them.")
        return ranked

    # --- issues ---------------------------------------------------------------------------

    def tag_issues(self, claims: list[ClaimProposal]) -> None:
        patterns = []
        for issue in self.vocabulary.issues:
            names = [n for n in issue.names if n.strip()]
            if not names:
                continue
            pieces = [
                re.escape(n) if n.isupper() else "(?i:" + re.escape(n) + ")"
                for n in sorted(names, key=len, reverse=True)
            ]
            patterns.append(
                (issue.key, re.compile(r"(?<![\w-])(?:" + "|".join(pieces) + r")(?![\w-])"))
            )
        for claim in claims:
            claim.issues = [key for key, pattern in patterns if pattern.search(claim.text)]


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


def parse(
    text: str,
    vocabulary: Vocabulary | None = None,
    default_year: int | None = None,
    address: str = "",
) -> Proposal:
    """Propose the report, meeting, officials and claims a text records. `default_year`
    dates a text that gives days without a year (a dateline "BEIJING, June 19"), with a
    note saying so; `address` is where the editor found the text (its publisher and year
    may be read from it)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Parser(text, vocabulary or Vocabulary(), default_year, address).parse()
