"""Whose side each official is on where the text does not write it with their name: the
clues `docs/importer.md` lists, read in that order, each choice noted for the editor."""

import re

from archive.ingest.document import Document, lines_of
from archive.ingest.gazetteer import country_names, folded, is_capital
from archive.ingest.lexicon import (
    ACCOMPANIED_BY,
    AGAINST,
    COUNTERPART,
    OWN_COUNTRY,
    SELF_STANCE,
    STAY_FOR_A_VISIT,
    TITLE_COUNTRIES,
    VISIT_TO,
    WEB_CHROME,
)
from archive.ingest.officials import Officials
from archive.ingest.proposal import ClaimProposal, OfficialProposal, ReportProposal, Span


class Sides:
    def __init__(self, doc: Document, officials: Officials):
        self.doc = doc
        self.officials = officials

    def complete_countries(self, report: ReportProposal) -> None:
        """A readout names its own officials without a nationality ("Secretary of State
        Antony J. Blinken spoke with Turkish Foreign Minister ..."): a participant of no known
        country is the issuer's, when no other participant is; failing that, of the one
        country among the two the text names most that no participant stands for yet."""
        participants = [o for o in self.officials.found if o.role == "participant"]
        unknown = [o for o in participants if o.country is None]
        if not unknown:
            return
        sides = {o.country for o in participants if o.country}
        self.officials.inferred_sides |= {self.officials.found.index(o) for o in unknown}
        self.sides_of_companions(unknown)
        # A title some country's house style uses ("Foreign Secretary" is Britain's, and
        # Mexico's) does not outweigh another government's account that never names it.
        named = set(self.doc.text_countries()) | {report.issued_by}
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
        principal = (
            self.officials.found[self.officials.principal]
            if self.officials.principal is not None
            else None
        )
        if principal in unknown and report.issued_by:
            # "Joint Press Statement by EAM, Dr. S. Jaishankar" on India's site: a
            # government publishes its own official's statement.
            principal.country = report.issued_by
            self.doc.notes.append(
                f"The side of {principal.name.text} is taken from who issued the report: "
                "the text is their statement."
            )
            unknown = [o for o in unknown if o.country is None]
            sides = {o.country for o in participants if o.country}
        for index, visited in self.visitors().items():
            official = self.officials.found[index]
            if official.country is not None:
                continue
            if sides - {visited}:
                continue  # a side is known: the visit may be to a third country
            official.country = self.other_country({visited})
            if official.country is not None:
                self.doc.notes.append(
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
            self.doc.notes.append(f"The side of {names} is taken from who issued the report.")
            return
        if (
            report.issued_by
            and not sides
            and len(unknown) == 2
            and (pair := self.counterparts())
            and {*pair} == {*map(self.officials.found.index, unknown)}
        ):
            # "Park held talks with his new counterpart, Yoko Kamikawa", in Korea's account:
            # whose counterpart the other is, is the issuer's official.
            own, theirs = (self.officials.found[index] for index in pair)
            other = self.other_country({report.issued_by})
            if other is not None:
                own.country, theirs.country = report.issued_by, other
                self.doc.notes.append(
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
            self.doc.notes.append(
                f"The side of {names} is taken to be the other country the text names "
                "where it tells of the meeting."
            )

    def sides_of_companions(self, unknown: list[OfficialProposal]) -> None:
        """ "Minister Carrera Castro was accompanied by the Deputy Minister, Amb. Carlos Raul
        Morales": those who accompany an official are of their side."""
        for sentence in self.doc.sentence_spans:
            cue = ACCOMPANIED_BY.search(sentence.text)
            if cue is None:
                continue
            at = sentence.start + cue.start()
            named = sorted(
                (mention, index)
                for index in range(len(self.officials.found))
                for mention in self.officials.mentions[index]
                if sentence.start <= mention < sentence.end
            )
            before = [(mention, index) for mention, index in named if mention < at]
            # "X was accompanied by": X; "X met Y ..., and was accompanied by": X, the first.
            last = before[-1] if before else None
            between = self.doc.body[last[0] : at] if last else ""
            if last and re.search(
                r",|\band\b", between[len(self.officials.found[last[1]].name.text) :]
            ):
                last = before[0]
            lead = self.officials.found[last[1]] if last else None
            if lead is None or lead.country is None:
                continue
            for mention, index in named:
                official = self.officials.found[index]
                if mention > at and official in unknown and official.country is None:
                    official.country = lead.country
                    self.doc.notes.append(
                        f"The side of {official.name.text} is {lead.name.text}'s, whom they "
                        "accompanied."
                    )

    def other_country(self, sides: set[str]) -> str | None:
        """The one country besides `sides` that the text names where it tells of the
        meeting: its headline, the sentence that tells of the meeting, its header, a pair
        ("U.S.-India partnership"), or its lead. A country the talks were about, or one
        named only as where they met, is not."""
        header = "\n".join(p.text for p in self.doc.header)
        paired = {code for pair in self.doc.country_pairs() if sides & set(pair) for code in pair}
        # The lead: "... the UAE top diplomat received his Saudi counterpart".
        lead = [
            s
            for s in self.doc.sentence_spans[: self.doc.opening_sentences]
            if s.start >= (self.doc.header[-1].end if self.doc.header else 0)
            and not WEB_CHROME.search(s.text)
        ][:3]
        # Up to each sentence's reported words: "Kuleba said the attacks by Russia ..." names
        # what was spoken of, not a side.
        lines = [line for s in lead for line in lines_of(s)]
        lead_text = Span(
            0, 0, " ".join(s.text[: self.doc.reported_from(s) - s.start] for s in lines)
        )
        # "on the sidelines of the Ocean Conference in Nice, France": a country named only
        # as where they met is no side.
        places_only = self.doc.countries_named_only_in(self.doc.meeting_place)
        for where in (
            self.doc.headline,
            self.doc.meeting_sentence,
            Span(0, 0, header),
            paired,
            lead_text,
        ):
            if isinstance(where, set):
                named = where - sides
            else:
                named = self.doc.countries_named(where.text if where else "") - sides - places_only
            if len(named) == 1:
                return named.pop()
        # Failing those, the country the text names far more than any other besides `sides`,
        # where it is also named as someone's own ("Pakistan's efforts"), never only as
        # what the talks were about ("the attacks by Russia").
        owned = {
            code
            for own in OWN_COUNTRY.finditer(self.doc.body)
            if not AGAINST.search(self.doc.body[max(0, own.start() - 40) : own.start()])
            and (
                word := self.doc.country_words.fullmatch(own.group("governed") or own.group("own"))
            )
            and (code := self.doc.country_of_word[word.group(0)])
        }
        votes: dict[str, int] = {}
        for match in self.doc.country_mentions:
            code = self.doc.country_of_word[match.group(0)]
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
        for sentence in self.doc.sentence_spans[: self.doc.opening_sentences]:
            cue = COUNTERPART.search(sentence.text)
            if cue is None or sentence.start + cue.start() >= self.doc.reported_from(sentence):
                continue
            named = sorted(
                (found.start(), index)
                for index, official in enumerate(self.officials.found)
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
        for sentence in self.doc.sentence_spans[: self.doc.opening_sentences]:
            for cue in VISIT_TO.finditer(sentence.text):
                country = self.doc.country_words.match(sentence.text, cue.end("country"))
                if country is None or is_capital(country.group(0)):
                    continue
                if cue.group("stay") in ("is", "was", "are", "were") and not (
                    STAY_FOR_A_VISIT.match(sentence.text, country.end())
                ):
                    continue  # "is in China's interest"
                at = sentence.start + cue.start()
                if at >= self.doc.reported_from(sentence):
                    continue  # "Wang Yi said President Sisi paid a visit to China"
                # The visitor is who the sentence is about: its first name, after a leading
                # "At the invitation of X," ("..., Mr Albares ... paid an official visit").
                invited = re.match(r"(?i)at the invitation of [^,]*,\s*", sentence.text)
                begin = sentence.start + (invited.end() if invited else 0)
                named = [
                    (mention, index)
                    for index in range(len(self.officials.found))
                    for mention in self.officials.mentions[index]
                    if begin <= mention < at
                ]
                visitor = min(named)[1] if named else None
                if visitor is not None and self.officials.found[visitor].role == "participant":
                    found.setdefault(visitor, self.doc.country_of_word[country.group(0)])
        return found

    def sides_from_what_they_said(self, claims: list[ClaimProposal]) -> None:
        """A participant the text gives no country speaks for the country their own claims
        speak for ("India would be happy to ...", "The Chinese side is ready ...", "the
        Government of Japan will ...", "emphasized Egypt's full rejection") when no other
        participant stands for it. A country the claim opens with counts twice, one it
        names as its own ("Egypt's", "the Government of Japan") once; one country must
        have at least twice the votes of any other."""
        taken = {o.country for o in self.officials.found if o.role == "participant" and o.country}
        for index, official in enumerate(self.officials.found):
            if official.country or official.role != "participant":
                continue
            votes: dict[str, int] = {}
            for claim in claims:
                if claim.speaker != index:
                    continue
                opening = re.match(r"^(?:The\s+)?", claim.text)
                country = self.doc.country_words.match(claim.text, opening.end())
                # "India would be happy to ...", not "Russia must withdraw": a side speaks
                # for itself with readiness, support or resolve, not with demands of it.
                stance = country and SELF_STANCE.match(claim.text, country.end())
                if stance and not is_capital(country.group(0)):
                    code = self.doc.country_of_word[country.group(0)]
                    votes[code] = votes.get(code, 0) + 2
                for own in OWN_COUNTRY.finditer(claim.text):
                    if AGAINST.search(claim.text[max(0, own.start() - 40) : own.start()]):
                        continue  # "condemned Russia's position": another's
                    named = own.group("governed") or own.group("own")
                    word = self.doc.country_words.fullmatch(named)
                    if word and not is_capital(word.group(0)):
                        code = self.doc.country_of_word[word.group(0)]
                        votes[code] = votes.get(code, 0) + 1
            votes = {code: n for code, n in votes.items() if code not in taken}
            ranked = [*sorted(votes.values(), reverse=True), 0]
            if votes and ranked[0] >= 2 * ranked[1]:
                official.country = max(votes, key=votes.get)
                taken.add(official.country)
                self.officials.inferred_sides.add(index)
                self.doc.notes.append(
                    f"The side of {official.name.text} is read from the country their words "
                    "speak for."
                )
