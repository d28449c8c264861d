"""The claims a text makes and who makes each: a speaker, a side, both sides, or no one
the text names, from a transcript's labels, a sentence's subject, a spokesperson's relay,
or the speaker who went before; and the issues each is about."""

import re

from archive.ingest.document import Document
from archive.ingest.gazetteer import is_place
from archive.ingest.kinds import kind_of
from archive.ingest.lexicon import (
    ASIDE,
    ATTRIBUTION_ONLY,
    AUXILIARY_END,
    COURTESY,
    COURTESY_ACT,
    FIRST_PERSON,
    JOINT_CLAUSE,
    JOINT_SUBJECT,
    JOINT_VERB,
    LABEL,
    MEETING_AS_SUBJECT,
    MEETING_TIME,
    NARRATIVE_VERB,
    OBLIGATION,
    PASSIVE_TOGETHER,
    PRESS_BRIEFED,
    PRESS_QUESTION,
    PRONOUN_SUBJECT,
    QUOTE_CUE,
    REMARKS_FOLLOW,
    SIDE_VERBS,
    SMALL_TALK,
    SPEECH_TAIL,
    SPEECH_VERBS,
    STRIPPED_VERBS,
    SUBJECT_VERB,
    TITLED_LABEL,
    TRAILING_ATTRIBUTION,
    URL,
    WE_SUBJECT,
)
from archive.ingest.officials import Attribution, Officials
from archive.ingest.proposal import ClaimProposal, Span, Vocabulary
from archive.ingest.sentences import OPENING_QUOTES, is_heading, trim
from archive.text import Paragraph


class ClaimsReader:
    def __init__(self, doc: Document, officials: Officials, vocabulary: Vocabulary):
        self.doc = doc
        self.officials = officials
        self.vocabulary = vocabulary

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
            labelled = self.doc.speaker_label(text) or self.doc.bare_label(relayed, index)
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
                label = self.officials.attribution_of_label(
                    Span(at, at + len(labelled.group("label")), labelled.group("label"))
                )
                if labelled.re is TITLED_LABEL and label and label.speaker is not None:
                    self.officials.title_from_label(label.speaker, paragraph.start, labelled)
                if (
                    label
                    and label.speaker is not None
                    and not self.officials.is_spokesperson(label.speaker)
                ):
                    self.officials.found[label.speaker].role = "participant"  # they speak in it
                text, offset = text[labelled.end() :], offset + labelled.end()
                current = label
            elif label is not None:
                current = label  # a transcript: the turn goes on until the next label
            elif not text.startswith(tuple(OPENING_QUOTES)) and not PRONOUN_SUBJECT.match(text):
                current = None  # a new paragraph of a readout starts afresh
            for sentence in self.doc.sentences_without_stage_directions(text, offset):
                current, claim = self.read_sentence(
                    sentence, current, labelled is not None or label is not None
                )
                if claim is not None:
                    claims.append(claim)
        return claims

    def read_sentence(
        self, sentence: Span, current: Attribution | None, in_turn: bool
    ) -> tuple[Attribution | None, ClaimProposal | None]:
        """The claim a sentence makes, if any, and who speaks from then on."""
        span = trim(sentence, self.doc.body)
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
            doubt = f"Reported by {self.officials.who(current)} in their own remarks."
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
                if speaker is not None and self.officials.is_spokesperson(speaker):
                    if PRESS_BRIEFED.match(text, head.end()):
                        return attribution, None  # "... briefed reporters after the meeting."
                    attribution = self.attribution_of_relayed(text[head.end() :], attribution)
            if attribution is not None and head is not None:
                tail = SPEECH_TAIL.match(text, head.end())
                rest = text[tail.end() :] if tail else ""
                if tail and head.group("verb") in STRIPPED_VERBS and len(rest.split()) >= 3:
                    span = trim(Span(span.start + tail.end(), span.end, rest), self.doc.body)
            elif trailing and attribution is None:
                subject = trailing.group("subject")
                attribution = self.attribution_of_subject(subject, current)
                speaker = attribution.speaker if attribution else None
                if speaker is not None and self.officials.is_spokesperson(speaker):
                    # "Both sides tackled ways of ..., Radi said.": the spokesperson relays.
                    attribution = self.attribution_of_relayed(text[: trailing.start()], attribution)
                if attribution is not None:
                    kept = text[: trailing.start()]
                    span = trim(Span(span.start, span.start + len(kept), kept), self.doc.body)
            if attribution is not None and subject is not None:
                bare = re.sub(r"^.*,\s*", "", subject).strip()
                if PRONOUN_SUBJECT.fullmatch(bare) or WE_SUBJECT.fullmatch(bare):
                    doubt = f"\u201c{bare}\u201d is read as {self.officials.who(attribution)}."
            opened = False
            if attribution is None:
                attribution = self.attribution_of_opening(text, current)
                opened = attribution is not None
                if attribution is not None and attribution is current:
                    who = self.officials.who(current)
                    doubt = (
                        f"The sentence speaks of a side; it is read as {who}'s words, who "
                        "spoke before it."
                    )
                elif (
                    attribution is not None
                    and attribution.kind == "side"
                    and current is not None
                    and current.kind != "joint"
                    and (before := self.officials.side_of(current))
                    and not before.startswith("#")  # a side not yet known
                    and attribution.side != before
                ):
                    # "Kyrgyzstan is Kazakhstan's strategic partner", amid the Kazakh
                    # minister's words: the country may be what they spoke of.
                    doubt = (
                        f"The sentence opens with {self.officials.who(attribution)}; check "
                        f"that it is not still {self.officials.who(current)} speaking."
                    )
            speaking_for_it = (
                opened
                and current is not None
                and current.kind == "speaker"
                and attribution is not None
                and self.officials.side_of(current) == attribution.side
            )
            if attribution is not None and attribution.kind != "joint" and not speaking_for_it:
                current = attribution  # a side's own sentence leaves its speaker speaking
        if attribution is None and current is None and not in_turn and JOINT_CLAUSE.search(text):
            attribution = Attribution("joint")  # "... and the two sides discussed ..."
        if (
            attribution is None
            and current is None
            and not in_turn
            and self.doc.meeting_sentence is not None
            and span is not None
            and span.start > self.doc.meeting_sentence.start
            and PASSIVE_TOGETHER.search(text)
        ):
            attribution = Attribution("joint")  # "Key aspects ... were touched upon."
        if (
            attribution is None
            and not in_turn
            and self.officials.principal is not None
            and FIRST_PERSON.match(text)
        ):
            principal = self.officials.found[self.officials.principal]
            attribution = Attribution("speaker", principal.country, self.officials.principal)
            doubt = f"Said in the first person: read as {principal.name.text}'s statement."
        if attribution is None and current is not None:
            attribution = current
            if not in_turn:
                who = self.officials.who(current)
                doubt = f"No speaker is named here: read as going on with {who}."
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
            side = self.officials.found[attribution.speaker].country or side
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
        speaker = (
            self.officials.official_named(subject) if words & self.officials.name_words() else None
        )
        if speaker is not None and speaker != current.speaker:
            if self.officials.found[speaker].role == "participant":
                return Attribution("speaker", self.officials.found[speaker].country, speaker)
            return None
        country = self.doc.country_in(subject) if len(subject.split()) <= 4 else None
        # Only the other participant's side: "Ukraine has made clear ..." in Blinken's turn
        # is what he says of a third country.
        others = {o.country for o in self.officials.found if o.role == "participant" and o.country}
        if country in others - {self.officials.side_of(current)} and re.fullmatch(
            r"(?:the\s+)?[A-Z][\w.\s]*", subject
        ):
            return Attribution("side", country)
        return None

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
            found.speaker is not None and self.officials.is_spokesperson(found.speaker)
        ):
            return found
        return Attribution("side", self.officials.side_of(spokesperson))

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
            if first and second and self.officials.side_of(first) != self.officials.side_of(second):
                return Attribution("joint")
        if JOINT_SUBJECT.match(subject):
            return Attribution("joint")
        if PRONOUN_SUBJECT.fullmatch(subject):
            return current if current and current.kind == "speaker" else None
        if WE_SUBJECT.fullmatch(subject):
            return current
        if self.doc.unnamed_principal and re.fullmatch(
            rf"the\s+{self.doc.unnamed_principal}", subject.strip(), re.IGNORECASE
        ):
            return Attribution("side", self.doc.report_issuer)
        speaker = self.officials.official_named(subject)
        if speaker is not None:
            return Attribution("speaker", self.officials.found[speaker].country, speaker)
        # "An official with the Chinese delegation" speaks for China; "The latest developments
        # in Syria" are what was spoken of, not a side.
        topic = re.sub(r"\s+(?:was|were|is|are|has been|have been)$", "", subject)
        if len(subject.split()) <= 8 and not re.search(
            r"\b(?:in|on|about|over|regarding|concerning)\s+(?:the\s+)?\S+$", topic
        ):
            country = self.doc.country_in(subject)
            if country:
                return Attribution("side", country)
        return None

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
        country = self.doc.country_words.match(text, subject.end())
        if country is None:
            return None
        after = text[country.end() :]
        code = self.doc.country_of_word[country.group(0)]
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
                country = self.doc.country_in(who)
                speaker = self.officials.official_named(who)
                if speaker is None and country is None:
                    continue
                start = paragraph.start + match.start("q")
                end = start + len(words)
                side = self.officials.found[speaker].country if speaker is not None else country
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
