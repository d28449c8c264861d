"""The report's own facts: its title, publisher, series and number, date, address and who
issued it, read from the pasted page's header and the text's first lines."""

import re

from archive.ingest.dates import find_dates
from archive.ingest.document import Document
from archive.ingest.gazetteer import country_of_address
from archive.ingest.lexicon import (
    DATELINE,
    HEADER_FIELD,
    ISSUERS,
    RELAY_MARKER,
    SERIES_NUMBER,
    SOURCE_LINE,
    TELLS_OF_MEETING,
    UNNAMED_PRINCIPAL,
    URL,
)
from archive.ingest.proposal import ReportProposal, Span
from archive.text import Paragraph


class ReportReader:
    def __init__(self, doc: Document):
        self.doc = doc

    def read_report(self, header: list[Paragraph], content: list[Paragraph]) -> ReportProposal:
        report = ReportProposal()
        header_text = "\n".join(p.text for p in header)
        everything = self.doc.body
        for paragraph in header:
            series = SERIES_NUMBER.search(paragraph.text)
            if series and not report.number:
                report.series = series.group("series").split("|")[-1].strip()
                report.series = re.sub(r"^(?:[A-Z]\w*\s*\|\s*)", "", report.series)
                report.number = series.group("number").rstrip(".")
        # A dateline's "December 11" takes the year the text or its address gives.
        year = self.doc.year_in_text(header, content)
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
            self.doc.notes.append(
                f"The text dates itself without a year; {report.date.year} is assumed."
            )
        fields = self.read_header_fields(header, report)
        if report.title is None:
            report.title = self.headline_of(header, fields)
        url = URL.search(everything)
        if self.doc.address and not report.url:
            report.url = self.doc.address
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
        addresses = [url.group(0), self.doc.address] if url else [self.doc.address]
        where = report.original_source or "\n".join([header_text, everything[:600], *addresses])
        named = (code for code, words in ISSUERS if re.search(words, where, re.IGNORECASE))
        # A government's own address the editor gives outweighs a name the text drops ("at
        # the White House" in Singapore's account).
        report.issued_by = (
            country_of_address(self.doc.address)
            or next(named, None)
            or next((code for a in addresses if (code := country_of_address(a))), "")
        )
        agency = next((m for p in content[:2] if (m := DATELINE.match(p.text))), None)
        if agency and agency.group("agency") and not report.publisher:
            report.publisher = agency.group("agency")
        if report.title is None and content:
            self.doc.notes.append("The text has no title line; give the report a title.")
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
                score += 2 if self.doc.country_words.search(text) else 0
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

    def unnamed_principal_of(self, report: ReportProposal, content: list[Paragraph]) -> str | None:
        """The title by which an issuer's readout names its own leader without a name ("The
        Prime Minister spoke to Prime Minister Anthony Albanese of Australia"): that title,
        alone, is then the issuer's principal throughout, never the other leader."""
        if not report.issued_by or not content:
            return None
        opening = UNNAMED_PRINCIPAL.match(content[0].text)
        return opening.group("title").lower() if opening else None
