"""The meeting a report tells of: its date (or two), place, format and title, and its two
countries."""

import datetime
import re

from archive.ingest.dates import find_dates
from archive.ingest.document import Document, lines_of
from archive.ingest.gazetteer import place
from archive.ingest.kinds import meeting_format
from archive.ingest.lexicon import (
    ANOTHER_MEETING,
    DATELINE,
    FUTURE_EVENT,
    MEET_WITH,
    MEETING_NOUN,
    MEETING_WORDS,
    PAST_CUE,
    WEB_CHROME,
    WEEKDAY,
    WEEKDAYS,
)
from archive.ingest.officials import Officials
from archive.ingest.places import (
    dateline_place,
    place_beside_date,
    place_in,
    place_line,
    place_of_presence,
)
from archive.ingest.proposal import ClaimProposal, MeetingProposal, ReportProposal, Span
from archive.text import Paragraph


class MeetingReader:
    def __init__(self, doc: Document, officials: Officials):
        self.doc = doc
        self.officials = officials

    def read_meeting(
        self, header: list[Paragraph], content: list[Paragraph], report: ReportProposal
    ) -> MeetingProposal:
        """Dates, place, format and a title from the first sentence that tells of a meeting
        and dates it; the report's date when the text says "today" or gives none."""
        meeting = MeetingProposal()
        default_year = report.date.year if report.date else self.doc.year_in_text(header, content)
        self.doc.meeting_sentence = None
        told = [
            s for s in self.doc.sentence_spans if s.start >= (content[0].start if content else 0)
        ]
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
                self.doc.meeting_sentence = sentence
                meeting.start = meeting.end = day
                self.doc.notes.append(f"The meeting's day is read from '{weekday.group(0)}'.")
                break
            if not dates and not weekday and just_now and report.date:
                self.doc.meeting_sentence = sentence
                meeting.start = meeting.end = report.date
                self.doc.notes.append(
                    "The meeting is taken to be on the dispatch's day: the text says it has "
                    "just taken place."
                )
                break
            if not dates and yesterday and report.date:
                self.doc.meeting_sentence = sentence
                meeting.start = meeting.end = report.date - datetime.timedelta(days=1)
                self.doc.notes.append("The meeting's day is read from 'yesterday'.")
                break
            if dates or (today and report.date):
                self.doc.meeting_sentence = sentence
                if dates:
                    meeting.start, meeting.end = dates[0][1], dates[0][2]
                    if not dates[0][3] and not report.date:
                        self.doc.notes.append(
                            f"The text dates the meeting without a year; {default_year} is assumed."
                        )
                else:
                    meeting.start = meeting.end = report.date
                break
        if self.doc.meeting_sentence is None:
            self.doc.meeting_sentence = next((s for s in told if MEET_WITH.search(s.text)), None)
        first = self.doc.meeting_sentence
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
        if (
            dateline is not None
            and len(self.doc.raw_labels) >= 2
            and dateline.text in self.doc.raw_labels
        ):
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
        if (
            meeting.place is None
            and report.title
            and MEETING_WORDS.search(headline)
            # "PM Modi speaks with ... in the wake of attack by Israel in Doha": a call's
            # heading names a place of something else.
            and "call" not in (meeting.format, meeting_format(headline))
        ):
            # "... hold working meeting in Geneva" over "Bern, 28.11.2018 - ...": the heading
            # says where they met, the dateline where the release was issued.
            meeting.place = place_in(report.title.text, report.title.start)
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
                    and not set(found.text.split(",")[0].split()) & self.officials.name_words()
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
            and any(self.doc.speaker_label(p.text) for p in content)
        ):
            # A transcript is dated the day its words were spoken.
            meeting.start = meeting.end = report.date
            self.doc.notes.append("The transcript's date is taken as the meeting's.")
        if meeting.start is None:
            # The report's own date is when it was published, not when the meeting was.
            self.doc.notes.append("The text does not date the meeting; give its date.")
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
                self.doc.notes.append(f"The meeting's day is read from '{weekday.group(0)}'.")
                return

    def meeting_countries(self, report: ReportProposal, claims: list[ClaimProposal]) -> list[str]:
        """The two sides: the countries of the officials taking part, then of the claims'
        sides, then those the text names most."""
        votes: dict[str, int] = {}
        for official in self.officials.found:
            if official.country and official.role == "participant":
                votes[official.country] = votes.get(official.country, 0) + 10
        for claim in claims:
            if claim.side:
                votes[claim.side] = votes.get(claim.side, 0) + 3
        for match in self.doc.country_mentions:
            code = self.doc.country_of_word[match.group(0)]
            votes[code] = votes.get(code, 0) + 1
        ranked = sorted(votes, key=lambda code: -votes[code])[:2]
        if report.issued_by in ranked:
            ranked.remove(report.issued_by)
            ranked.insert(0, report.issued_by)
        if len(ranked) < 2:
            self.doc.notes.append("Could not tell the two countries of the meeting; choose them.")
        return ranked
