"""Citations of a claim (a quotation in a report) or of a whole report, in the forms
researchers paste or import: Chicago and APA text, BibTeX, RIS and CSL-JSON.

Choices (see README): the *author* of a claim is its speaker when the report names one,
otherwise its side ("Chinese delegation") or both delegations; the *container* is the report,
with its publisher, series and number; the permalink and the access date close every form.
Chicago and APA are written here, not by a CSL processor: the official styles drop the
provenance and cannot say "quoted in" (docs/permalinks-and-citations.md).
"""

import datetime
import json
import re
from dataclasses import dataclass

from archive.models import Claim, Report

SITE = "Bilateral Meeting Archive"


def closed(text: str) -> str:
    """`text` ending in one full stop (not "?." or "..")."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!")) else text + "."


def long_date(day: datetime.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


@dataclass(frozen=True)
class Citation:
    key: str
    author: str  # a person, a delegation or a publisher
    author_is_person: bool
    title: str  # the quotation, or the report's title
    container: str  # the report's title when citing a claim, else ""
    reference: str  # "Special Dispatch No. 9249"
    publisher: str
    date: datetime.date
    url: str
    accessed: datetime.date
    note: str  # meeting, place and dates; the speaker's title then

    @property
    def family_given(self) -> tuple[str, str]:
        """("Blinken", "Antony"); names written family-first ("Wang Yi") stay whole in
        `family` when the sort name does not split them."""
        if "," in self.author:
            family, given = (part.strip() for part in self.author.split(",", 1))
            return family, given
        return self.author, ""


def for_claim(claim: Claim, url: str, accessed: datetime.date) -> Citation:
    report, meeting = claim.report, claim.meeting
    where = f"at the {meeting.title}, {meeting.place}, {meeting.date_range}."
    if not meeting.place:
        where = f"at the {meeting.title}, {meeting.date_range}."
    if claim.speaker_id:
        person = claim.speaker.person
        author, is_person = person.sort_name or person.name, True
        title = f" ({claim.speaker.title})" if claim.speaker.title else ""
        note = f"{person.name}{title}, {where}"
    else:
        author = "Both delegations" if claim.joint else f"Delegation of {claim.delegation.label}"
        is_person, note = False, where[0].upper() + where[1:]
    # Whose account the words come from, and whether one side reports the other's words.
    reported = f", as reported by {claim.reported_by}" if claim.reported_by else ""
    note = f"{note} {claim.provenance}{reported}."
    return Citation(
        key=f"archive-claim-{claim.pk}",
        author=author,
        author_is_person=is_person,
        title=claim.text,
        container=report.title,
        reference=report.reference,
        publisher=report.publisher.name,
        date=report.date,
        url=url,
        accessed=accessed,
        note=note,
    )


def for_report(report: Report, url: str, accessed: datetime.date) -> Citation:
    meeting = report.meeting
    relays = f" Relays: {closed(report.original_source)}" if report.original_source else ""
    return Citation(
        # The slug, not the id: a restore keeps slugs (and claims' ids), not reports' ids.
        key=f"archive-report-{report.slug}",
        author=report.publisher.name,
        author_is_person=False,
        title=report.title,
        container="",
        reference=report.reference,
        publisher=report.publisher.name,
        date=report.date,
        url=url,
        accessed=accessed,
        note=f"On the {meeting.title}, {meeting.date_range}.{relays}",
    )


def author_text(c: Citation) -> str:
    family, given = c.family_given
    return f"{family}, {given}" if given else family


def chicago(c: Citation) -> str:
    """Chicago notes-bibliography, bibliography entry."""
    if c.container:
        source = f"\u201c{closed(c.title)}\u201d Quoted in \u201c{c.container},\u201d"
    else:
        source = f"\u201c{closed(c.title)}\u201d"
    reference = f" {closed(c.reference)}" if c.reference else ""
    return (
        f"{closed(author_text(c))} {source}{reference} {c.publisher}, {long_date(c.date)}. "
        f"{c.note} {SITE}. Accessed {long_date(c.accessed)}. {c.url}."
    )


def apa(c: Citation) -> str:
    """APA 7 reference entry; a claim's quotation follows in brackets."""
    family, given = c.family_given
    author = f"{family}, {given[0]}." if c.author_is_person and given else closed(family)
    title = c.container or c.title
    reference = f" ({c.reference})" if c.reference else ""
    quote = f" [Statement quoted: \u201c{c.title}\u201d]" if c.container else ""
    return (
        f"{author} ({c.date.year}, {c.date:%B} {c.date.day}). "
        f"{closed(title + reference + quote)} {closed(c.publisher)} {SITE}. "
        f"Retrieved {long_date(c.accessed)}, from {c.url}"
    )


BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")
# Braces are counted by BibTeX even after a backslash: spell them as commands.
BIBTEX_REPLACEMENTS = {
    "\\": r"\textbackslash{}",
    "^": r"\^{}",
    "~": r"\~{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
}


def bibtex_escape(text: str) -> str:
    return BIBTEX_SPECIAL.sub(
        lambda m: BIBTEX_REPLACEMENTS.get(m.group(1), "\\" + m.group(1)), text
    )


def bibtex(c: Citation) -> str:
    family, given = c.family_given
    if c.author_is_person and given:
        author = f"{bibtex_escape(family)}, {bibtex_escape(given)}"
    else:  # a delegation, a publisher, or a name written family-first: keep it whole
        author = "{" + bibtex_escape(c.author) + "}"
    fields = {
        "author": author,
        # Braced again: BibTeX styles lower-case a title's words ("china", "xinjiang").
        "title": "{" + bibtex_escape(c.title) + "}",
        "howpublished": bibtex_escape(
            (f"Quoted in {c.container}" if c.container else c.publisher)
            + (f", {c.reference}" if c.reference else "")
        ),
        "publisher": bibtex_escape(c.publisher),
        "year": str(c.date.year),
        "month": c.date.strftime("%b").lower(),
        "note": bibtex_escape(f"{c.note} {SITE}. Accessed {c.accessed.isoformat()}."),
        "url": c.url,
        "urldate": c.accessed.isoformat(),
    }
    # The month is BibTeX's own macro (mar), which styles spell out; braced it is a string.
    lines = [
        f"@misc{{{c.key},",
        *(f"  {k} = {v}," if k == "month" else f"  {k} = {{{v}}}," for k, v in fields.items()),
        "}",
    ]
    return "\n".join(lines) + "\n"


def ris(c: Citation) -> str:
    def one_line(text: str) -> str:
        return " ".join(text.split())

    tags = [
        ("TY", "GEN"),
        ("AU", one_line(author_text(c))),
        ("TI", one_line(c.title)),
        ("T2", one_line(c.container)) if c.container else None,
        ("PB", one_line(c.publisher)),
        ("PY", str(c.date.year)),
        ("DA", c.date.strftime("%Y/%m/%d")),
        ("N1", one_line(c.note + (f" {c.reference}." if c.reference else ""))),
        ("UR", c.url),
        ("Y2", c.accessed.strftime("%Y/%m/%d")),
        ("DB", SITE),
        ("ER", ""),
    ]
    # "ER  - " keeps its space: strict readers look for the whole tag.
    return "\r\n".join(f"{tag}  - {value}" for tag, value in filter(None, tags)) + "\r\n"


def csl_json(c: Citation) -> str:
    family, given = c.family_given
    author = (
        {"family": family, "given": given}
        if c.author_is_person and given
        else {"literal": c.author}
    )
    item = {
        "id": c.key,
        "type": "speech" if c.container else "report",
        "title": c.title,
        "author": [author],
        "container-title": c.container or None,
        "collection-title": c.reference or None,
        "publisher": c.publisher,
        "issued": {"date-parts": [[c.date.year, c.date.month, c.date.day]]},
        "accessed": {"date-parts": [[c.accessed.year, c.accessed.month, c.accessed.day]]},
        "URL": c.url,
        "note": c.note,
        "source": SITE,
    }
    return json.dumps([{k: v for k, v in item.items() if v is not None}], indent=2) + "\n"


FORMATS = {
    "bib": (bibtex, "application/x-bibtex; charset=utf-8"),
    "ris": (ris, "application/x-research-info-systems; charset=utf-8"),
    "json": (csl_json, "application/vnd.citationstyles.csl+json; charset=utf-8"),
}
