"""The officials a text names: who they are (by name, title and the country written with
them), where the text names each, who took part and who is only mentioned, and how a
subject or a label names one of them."""

import bisect
import re
from dataclasses import dataclass

from archive.ingest.document import Document, overlaps, within
from archive.ingest.gazetteer import country_names, folded, is_capital, is_place
from archive.ingest.lexicon import (
    ADDRESSED,
    ANOTHER_CALL,
    APPOSITIVE,
    BODY_AFTER,
    CAPITALISED_RUN,
    COMING_VISIT_BEFORE,
    COUNTRY_AFTER,
    DELEGATION_CUE,
    GREETINGS_AFTER,
    GREETINGS_BEFORE,
    HEADING_BEFORE_TITLE,
    HONORIFIC_BEFORE,
    HONORIFICS,
    LED_BY,
    NON_NAMES,
    NON_PARTICIPANT_LABELS,
    NOT_NAME_WORDS,
    OFFICE_NOUNS,
    OFFICE_RUN,
    PERSON_VERB_AFTER,
    POSSESSIVE_NAME,
    PRINCIPAL,
    SENT_BY,
    SPOKES_TITLE,
    SPOKESPERSON,
    TELLS_OF_MEETING,
    TITLE_AFTER,
    TITLE_COMMA_BEFORE,
    TITLE_GLUE,
    TITLE_NOUNS,
    TITLE_TOKEN,
    TITLE_WORDS,
)
from archive.ingest.names import (
    is_name_word,
    is_office_word,
    is_title_noun,
    name_pattern,
    plain_name,
    refers_to,
)
from archive.ingest.proposal import MeetingProposal, OfficialProposal, Span, Vocabulary
from archive.text import Paragraph


@dataclass
class Attribution:
    kind: str  # "speaker", "side", "joint"
    side: str | None = None
    speaker: int | None = None


class Officials:
    def __init__(self, doc: Document, vocabulary: Vocabulary):
        self.doc = doc
        self.vocabulary = vocabulary
        self.people = {person.key: person for person in vocabulary.people}
        self.found: list[OfficialProposal] = []
        self.mentions: list[list[int]] = []  # where the text names each official
        self.inferred_sides: set[int] = set()  # officials whose side the text does not state
        self._name_words: tuple[int, set[str]] = (-1, set())
        self.principal: int | None = None  # whose words the text is, if one official's

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
                mentions.append((start, end, None, self.doc.body[start:end]))
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
                official = self.found[index]
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
            seen[identity] = len(self.found)
            self.mentions.append([start])
            self.found.append(
                OfficialProposal(
                    Span(start, end, self.doc.body[start:end]), title, country, key, role
                )
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
            for m in self.doc.country_words.finditer(paragraph.text)
        ]
        for words, base in self.name_runs(paragraph):
            start, end = base + words[0].start(), base + words[-1].end()
            # "Ambassador Makila James U.S Deputy Assistant Secretary": the name ends where
            # a country begins; a name that is a country's is none ("the United States").
            end = min([a for a, b in countries if start < a < end] + [end])
            end = start + len(self.doc.body[start:end].rstrip())
            if any(a < end and start < b for a, b in countries):
                continue
            text = self.doc.body[start:end]
            bare = re.sub(r"(?:'s|\u2019s|['\u2019,;:])$", "", text)
            end = start + len(bare)
            if bare.endswith(".") and not re.search(r"\b[A-Z]\.$", bare[:-1] + "."):
                end -= 1
                bare = bare[:-1]
            if not bare or any(w in self.doc.country_of_word for w in bare.split()):
                continue
            if all(re.fullmatch(r"[A-Z]\.", w) for w in bare.split()):
                continue  # "Washington D.C.": initials alone name no one
            if any(w.strip(".") in NOT_NAME_WORDS for w in bare.split()):
                continue
            if BODY_AFTER.match(self.doc.body, end):
                continue  # "the Democratic Action Party": a party's name, not a person's
            if self.doc.body.startswith(" of ", end) and not re.match(
                r"^ of (?:the )?[A-Z]", self.doc.body[end:]
            ):
                continue
            several = len(bare.split()) >= 2
            if not several and re.search(
                r"\b(?:of|for|and|on|to|the|in|at|from|near)\s+$",
                self.doc.body[max(0, start - 6) : start],
            ):
                continue  # "Minister for Europe", "in Karuizawa": not a name
            cued_before = (
                self.title_before(start, []) is not None
                # "his new counterpart, Yoko Kamikawa"
                or re.search(
                    r"\b(?:counterpart|colleague),?\s+$", self.doc.body[max(0, start - 30) : start]
                )
                or HONORIFIC_BEFORE.search(self.doc.body[max(0, start - 40) : start])
                or (several and self.title_with_comma_before(start) is not None)
            )
            if (not cued_before or len(bare.split()) > 1) and is_place(bare):
                continue  # "Nizhny Novgorod stated" is a city's voice, not a person's
            cued_after = TITLE_AFTER.match(self.doc.body, end) or (
                several and PERSON_VERB_AFTER.match(self.doc.body, end)
            )
            if several and self.doc.body.startswith(" of ", end):
                cued_after = cued_after or COUNTRY_AFTER.match(self.doc.body, end)
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
                country = self.doc.country_words.match(
                    paragraph.text, match.start() + words[0].start()
                )
                while country and words and match.start() + words[0].end() <= country.end():
                    words.pop(0)
                while words and (
                    words[0].group(0).lower() in TITLE_WORDS
                    or is_title_noun(words[0].group(0).lower().rstrip("."))
                    or words[0].group(0) in NON_NAMES
                    or words[0].group(0) in HONORIFICS
                    or words[0].group(0) in self.doc.country_of_word
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
        for index in range(len(self.found) - 1, -1, -1):
            name = self.found[index].name.text
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
        match = TITLE_AFTER.match(self.doc.body, end)
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
        window = self.doc.body[window_start:start].rpartition("\n")[2]
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
            opening = self.doc.country_words.match(text)
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
            country = self.doc.country_words.fullmatch(rest) or self.doc.country_words.fullmatch(
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
        after = self.doc.body[at:][:60]
        # "Kyle M'Carter US Ambassador to Kenya": the country and office, without a comma.
        country = re.match(r"[ \t]+", after) and self.doc.country_words.match(
            after, len(after) - len(after.lstrip(" \t"))
        )
        office = country and re.match(r"\s+([\w\-]+)", after[country.end() :])
        if office and is_office_word(office.group(1)):
            return self.doc.country_of_word[country.group(0)]
        match = COUNTRY_AFTER.match(after)
        if match:
            words = match.group("country")
            while words:
                if words.rstrip(".") in self.doc.country_of_word:
                    following = bisect.bisect_right(names, (at, float("inf")))
                    between = (
                        self.doc.body[at : names[following][0]] if following < len(names) else ""
                    )
                    if match.group(0).startswith(",") and OFFICE_RUN.fullmatch(between):
                        return None  # the next name's country and office
                    return self.doc.country_of_word[words.rstrip(".")]
                words = words.rpartition(" ")[0]  # "Japan The overview" -> "Japan"
        return None

    def title_before(self, start: int, others: list[tuple[int, int]]) -> Span | None:
        """The title written just before a name, back to the start of the clause, without
        the country that opens it ("U.S. Secretary of State" gives "Secretary of State").
        `others` are the names found, in order of where they start."""
        sentence = self.doc.sentence_at(start)
        line_start = self.doc.body.rfind("\n", sentence.start, start) + 1 or sentence.start
        sentence = Span(max(sentence.start, line_start), sentence.end, "")
        before = self.doc.body[sentence.start : start]
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
                    and (word not in self.doc.country_of_word or inside)
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
        return Span(first, last, self.doc.body[first:last])

    def country_right_before(self, span: Span) -> str | None:
        """The country word directly before a title or a name ("U.S. Secretary", "Turkish
        Foreign Minister", "his Turkish counterpart Hakan Fidan")."""
        before = self.doc.body[max(0, span.start - 60) : span.start]
        before = before.rpartition("\n")[2].rstrip()  # never from the line before
        before = re.sub(r"(?:,?\s+(?:Mr|Ms|Mrs|Dr|Mme|M)\.?)+$", "", before)  # "counterpart, Mr"
        before = re.sub(r"\s+(?:counterpart|colleague|opposite number),?$", "", before)
        found = [m for m in self.doc.country_words.finditer(before) if m.end() == len(before)]
        return self.doc.country_of_word[found[-1].group(0)] if found else None

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
        window = self.doc.body[max(0, start - 80) : start].rpartition("\n")[2]
        for country in self.doc.country_words.finditer(window):
            if APPOSITIVE.fullmatch(window[country.end() :]):
                return self.doc.country_of_word[country.group(0)]
        if title is not None:
            inside = [
                m
                for m in self.doc.country_words.finditer(title.text)
                if not is_capital(m.group(0))  # "in Vienna" is not a tie
                # "Ambassador of Sri Lanka to Egypt": an envoy is not of where they are sent.
                and not title.text[: m.start()].endswith(" to ")
            ]
            if inside:
                return self.doc.country_of_word[inside[-1].group(0)]
        sentence = self.doc.sentence_at(start)
        window = self.doc.body[sentence.start : start]
        led = list(LED_BY.finditer(window))
        if led and not re.search(r"[;]|\bwhile\b", window[led[-1].end() :]):
            side = led[-1].group("country")  # "The Mexican", "Chinese", "United States"
            return self.doc.country_of_word.get(side) or self.doc.country_of_word.get(
                side.split()[-1]
            )
        return None

    def mark_participants(self, meeting: MeetingProposal) -> None:
        """Officials named where the text tells of this meeting take part: the sentence
        that dates it or says who met whom, a sentence of the opening paragraphs that tells
        of talks, a call or a discussion, the headline, a sentence saying who led a
        delegation. The others are only mentioned (the presidents whose earlier call the
        talks follow up, a former president in the background)."""
        told = [s for s in self.doc.sentence_spans if DELEGATION_CUE.search(s.text)]
        if self.doc.meeting_sentence is not None:
            told.append(self.doc.meeting_sentence)
        opening = self.doc.sentence_spans[: self.doc.opening_sentences]
        told.extend(
            s
            for s in opening
            if TELLS_OF_MEETING.search(s.text)
            and s.start not in self.doc.labelled_turns
            and not ANOTHER_CALL.search(s.text)
        )
        addressed = self.addressed()
        labelled = self.named_in_labels()
        # Each telling sentence's span up to its reported words, in order, to look a
        # mention up in (a sentence may be told twice: once is enough).
        telling = sorted({(s.start, self.doc.reported_from(s)): s for s in told}.items())
        starts = [start for (start, _), _ in telling]
        for official, mentions in zip(self.found, self.mentions, strict=True):
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
                    if (
                        start <= at < end
                        and not self.doc.in_the_past(at, sentence)
                        and not self.only_spoken_of(at, sentence)
                    ):
                        inside = True
                        break
            inside = inside or any(at in addressed or at in labelled for at in mentions)
            official.role = "participant" if inside else "mentioned"

    def only_spoken_of(self, at: int, sentence: Span) -> bool:
        """Whether the name at `at` is one the meeting's sentence only speaks of: whose
        greetings were conveyed, or to whom ("conveyed President Bashar al-Assad's greetings
        to King Salman"), or who is to visit ("the upcoming visit of Russian President
        Putin")."""
        before = self.doc.body[sentence.start : at]
        after = self.doc.body[at : sentence.end]
        return bool(
            GREETINGS_BEFORE.search(before)
            or GREETINGS_AFTER.match(after)
            or COMING_VISIT_BEFORE.search(before)
        )

    def named_in_labels(self) -> set[int]:
        """Where a speaker's label names who speaks: the fullest name in each label
        ("Penny Wong, Foreign Minster": Penny Wong, not the misspelt office)."""
        mentions = sorted(
            (at, len(official.name.text.split()))
            for official, ats in zip(self.found, self.mentions, strict=True)
            for at in ats
        )
        starts = [at for at, _ in mentions]
        found = set()
        for start, end in self.doc.label_spans:
            inside = mentions[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
            if inside:
                found.add(max(inside, key=lambda mention: mention[1])[0])
        return found

    def addressed(self) -> set[int]:
        """Where the text names someone a speaker addresses or welcomes ("Your Excellency,
        George Bush, President of ..."): the first name within a few words of the cue."""
        starts = sorted(at for mentions in self.mentions for at in mentions)
        found = set()
        for sentence in self.doc.sentence_spans:
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
            for index, official in enumerate(self.found):
                for mention in self.mentions[index]:
                    end = mention + len(official.name.text)
                    # "Sergey Lavrov's answers", "Remarks by President Biden".
                    if end == at or (mention > at and mention - (at + len(cue.group(0))) < 40):
                        return index
        return None

    def name_words(self) -> set[str]:
        """The words of the officials' names found so far (a cheap test before looking a
        subject up among them)."""
        if self._name_words[0] != len(self.found):
            words = {w for o in self.found for w in re.findall(r"[\w\-]+", o.name.text)}
            self._name_words = (len(self.found), words)
        return self._name_words[1]

    def is_spokesperson(self, index: int) -> bool:
        official = self.found[index]
        title = official.title.text if official.title else ""
        return official.role == "spokesperson" or bool(SPOKES_TITLE.search(title))

    def who(self, attribution: Attribution) -> str:
        if attribution.speaker is not None:
            return self.found[attribution.speaker].name.text
        if attribution.kind == "joint":
            return "both sides"
        country = country_names().get(attribution.side, attribution.side or "an unknown country")
        return f"the side of {country}"

    def side_of(self, attribution: Attribution) -> str | None:
        if attribution.speaker is not None:
            return self.found[attribution.speaker].country or f"#{attribution.speaker}"
        return attribution.side

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
        for index, official in enumerate(self.found):
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
            for i, official in enumerate(self.found)
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
                or self.found[i].country in (None, self.doc.report_issuer or None)
            ]
        return holders[0] if len(holders) == 1 else None

    def official_by_office(self, subject: str) -> int | None:
        """ "The Turkish minister", "the senior Iranian diplomat", "The U.S. President": the
        one participant of that country."""
        # "The Foreign Minister of Greece": the office before "of" and its country.
        office, _, of_country = subject.partition(" of ")
        if of_country and self.doc.country_in(of_country):
            subject = f"{of_country} {office}"
        words = subject.split()
        if not words or (words[-1].lower() not in OFFICE_NOUNS and words[-1] not in OFFICE_NOUNS):
            return None
        country = self.doc.country_in(subject)
        if country is None:
            return None
        found = [
            i for i, o in enumerate(self.found) if o.country == country and o.role == "participant"
        ]
        return found[0] if len(found) == 1 else None

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
            or words[first - 1] in self.doc.country_of_word
            or words[first - 1].lower() in TITLE_GLUE
        ):
            first -= 1
        name_words = upper[first:]
        surname = name_words[-1]
        for index, official in enumerate(self.found):
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
            title = Span(label.start, name_start - 1, self.doc.body[label.start : name_start - 1])
        country = person.country if person else self.doc.country_in(label.text[:name_at])
        if office is not None:
            title = title or self.trimmed_title(office) or office
            # In capitals the country is "NEW ZEALAND": read it as "New Zealand".
            country = (
                country
                or self.doc.country_in(office.text)
                or self.doc.country_in(office.text.title())
            )
        self.found.append(
            OfficialProposal(
                Span(name_start, name_end, self.doc.body[name_start:name_end]),
                title,
                country,
                person.key if person else None,
            )
        )
        self.mentions.append([name_start])
        return Attribution("speaker", country, len(self.found) - 1)

    def title_from_label(self, index: int, start: int, labelled: re.Match) -> None:
        """The office a bracketed label gives its speaker, and the country it names
        ("President of the Republic of Indonesia")."""
        official = self.found[index]
        at = start + labelled.start("title")
        title = Span(at, at + len(labelled.group("title")), labelled.group("title"))
        if official.title is None:
            official.title = self.trimmed_title(title) or title
        if official.country is None:
            named = self.doc.countries_named(title.text)
            official.country = named.pop() if len(named) == 1 else None
