"""Citations: the text forms on the pages and valid BibTeX, RIS and CSL-JSON files."""

import datetime
import json
import re

import pytest

from archive import citations
from archive.models import Report, Status
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db

ACCESSED = datetime.date(2026, 11, 28)


def parse_bibtex(text: str) -> tuple[str, str, dict[str, str]]:
    """A small BibTeX reader: entry type, key, and fields with balanced braces."""
    match = re.match(r"\s*@(\w+)\{([^,\s]+),", text)
    assert match, text
    kind, key = match.groups()
    fields, position = {}, match.end()
    field = re.compile(r"\s*(\w+)\s*=\s*\{")
    macro = re.compile(r"\s*(\w+)\s*=\s*(\w+),?")  # a bare value: mar
    while True:
        bare = macro.match(text, position)
        if bare:
            fields[bare.group(1)] = bare.group(2)
            position = bare.end()
            continue
        found = field.match(text, position)
        if not found:
            break
        depth, i = 1, found.end()
        while depth:
            assert i < len(text), "unbalanced braces"
            if text[i] == "\\":
                i += 2
                continue
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        fields[found.group(1)] = text[found.end() : i - 1]
        position = i + 1 if text[i : i + 1] == "," else i
    assert text[position:].strip() == "}", text[position:]
    return kind, key, fields


def test_a_claims_bibtex_parses_with_every_field(client, biggest_lie):
    response = client.get(f"/claims/{biggest_lie.pk}/cite.bib")
    assert response["Content-Type"].startswith("application/x-bibtex")
    assert f'filename="archive-claim-{biggest_lie.pk}.bib"' in response["Content-Disposition"]
    kind, key, fields = parse_bibtex(response.content.decode())
    assert (kind, key) == ("misc", f"archive-claim-{biggest_lie.pk}")
    assert fields["author"] == "{Delegation of China}"
    assert "biggest lie of the century" in fields["title"]
    assert "Special Dispatch No. 9249" in fields["howpublished"]
    assert fields["year"] == "2021" and fields["month"] == "mar"  # the macro, unbraced
    assert fields["title"].startswith("{") and fields["title"].endswith("}")  # capitals kept
    assert "  month = mar,\n" in response.content.decode()
    assert fields["url"] == f"http://testserver/claims/{biggest_lie.pk}/"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", fields["urldate"])


def test_bibtex_escapes_special_characters(db):
    meeting = make_meeting()
    claim = meeting.claims.filter(speaker__isnull=False).first()
    citation = citations.for_claim(claim, "https://example.org/claims/1/", ACCESSED)
    odd = citations.Citation(**{**citation.__dict__, "title": "50% {braces} & $ # _ ~ ^ \\"})
    _, _, fields = parse_bibtex(citations.bibtex(odd))
    assert fields["title"] == (
        r"{50\% \textbraceleft{}braces\textbraceright{} \& \$ \# \_ \~{} \^{} \textbackslash{}}"
    )
    assert fields["author"] == "{" + claim.speaker.person.name + "}"  # no sort name split


def test_a_named_speaker_is_the_author(db, blinken_speaking):
    citation = citations.for_claim(blinken_speaking, "https://x.org/claims/1/", ACCESSED)
    _, _, fields = parse_bibtex(citations.bibtex(citation))
    assert fields["author"] == "Blinken, Antony"
    assert "Antony Blinken (Secretary of State), at the China-U.S." in fields["note"]
    assert citations.apa(citation).startswith("Blinken, A. (2021, March 23).")
    assert citations.chicago(citation).startswith("Blinken, Antony. \u201ctough and direct")


def test_ris_has_the_required_tags_in_order(client, biggest_lie):
    text = client.get(f"/claims/{biggest_lie.pk}/cite.ris").content.decode()
    lines = text.split("\r\n")
    assert lines[0] == "TY  - GEN"
    assert lines[-2] == "ER  - " and lines[-1] == ""
    tags = {}
    for line in lines[:-1]:
        assert re.fullmatch(r"[A-Z][A-Z0-9]  - ?.*", line), line
        tags.setdefault(line[:2], line[6:])
    assert {"AU", "TI", "T2", "PB", "PY", "DA", "UR", "Y2"} <= set(tags)
    assert tags["PY"] == "2021" and tags["DA"] == "2021/03/23"


def test_csl_json_has_the_required_fields(client, biggest_lie, dispatch):
    for url in (f"/claims/{biggest_lie.pk}/cite.json", f"/reports/{dispatch.slug}/cite.json"):
        items = json.loads(client.get(url).content)
        assert isinstance(items, list) and len(items) == 1
        item = items[0]
        assert {"id", "type", "title", "author", "issued", "URL", "accessed"} <= set(item)
        assert item["issued"] == {"date-parts": [[2021, 3, 23]]}
        assert item["type"] in {"speech", "report"}
        assert item["author"][0]


def test_the_claim_page_shows_chicago_and_apa(client, biggest_lie):
    page = client.get(f"/claims/{biggest_lie.pk}/").content.decode()
    assert 'id="cite-chicago">Delegation of China. \u201cthe claim that there is genocide' in page
    assert 'id="cite-apa">Delegation of China. (2021, March 23).' in page
    assert f'href="/claims/{biggest_lie.pk}/cite.bib"' in page
    assert 'data-copy-text="http://testserver/claims/' in page
    assert "js/copy.js" in page


def test_report_and_meeting_pages_cite_the_report(client, dispatch):
    page = client.get(dispatch.get_absolute_url()).content.decode()
    assert 'id="cite-chicago">Middle East Media Research Institute (MEMRI). \u201cChinese' in page
    assert f'href="/reports/{dispatch.slug}/cite.ris"' in page
    meeting_page = client.get(dispatch.meeting.get_absolute_url()).content.decode()
    assert f'id="cite-report-{dispatch.pk}">Middle East Media Research Institute' in meeting_page
    *_, fields = parse_bibtex(client.get(f"/reports/{dispatch.slug}/cite.bib").content.decode())
    assert fields["author"] == "{Middle East Media Research Institute (MEMRI)}"


def test_unknown_formats_and_drafts_are_not_found(client, biggest_lie, dispatch):
    assert client.get(f"/claims/{biggest_lie.pk}/cite.pdf").status_code == 404
    Report.objects.filter(pk=dispatch.pk).update(status=Status.DRAFT)
    assert client.get(f"/claims/{biggest_lie.pk}/cite.bib").status_code == 404
    assert client.get(f"/reports/{dispatch.slug}/cite.bib").status_code == 404


def test_an_unbalanced_brace_cannot_break_the_entry(db):
    meeting = make_meeting()
    claim = meeting.claims.first()
    citation = citations.for_claim(claim, "https://example.org/claims/1/", ACCESSED)
    for title in ("a } b", "a { b", "\\}{"):
        odd = citations.Citation(**{**citation.__dict__, "title": title})
        text = citations.bibtex(odd)
        body = text[text.index("title = {{") + 10 :]
        assert "{" not in body.split("},")[0].replace("{}", "")


def test_titles_ending_in_punctuation_get_no_second_stop(db):
    meeting = make_meeting()
    report = meeting.reports.get()
    report.title = "What did they say?"
    report.number = ""
    citation = citations.for_report(report, "https://example.org/r/", ACCESSED)
    for text in (citations.chicago(citation), citations.apa(citation)):
        assert "?." not in text and ".." not in text


SEED_TITLE = (
    "Chinese Foreign Ministry On U.S.-China Meeting: Our Development Cannot Be Achieved"
    " Without CCP Leadership; The U.S. Should Have 'A Correct View Of China's Influence"
    " On The World'"
)
MEMRI = "Middle East Media Research Institute (MEMRI)"


def test_the_seed_claim_is_cited_with_its_provenance(biggest_lie):
    """The exact forms a CSL processor could not reproduce (docs/permalinks-and-citations.md):
    "Quoted in" the report, the meeting, whose account, and the access date."""
    citation = citations.for_claim(biggest_lie, "https://example.org/claims/1/", ACCESSED)
    quote = "the claim that there is genocide in China's Xinjiang is the biggest lie of the century"
    assert citations.chicago(citation) == (
        f"Delegation of China. \u201c{quote}.\u201d Quoted in \u201c{SEED_TITLE},\u201d"
        f" Special Dispatch No. 9249. {MEMRI}, March 23, 2021. At the China-U.S. High-Level"
        " Strategic Dialogue, Anchorage, Alaska, United States, March 18\u201319, 2021."
        " China\u2019s account, via Xinhua, published by MEMRI. Bilateral Meeting Archive."
        " Accessed November 28, 2026. https://example.org/claims/1/."
    )
    assert citations.apa(citation) == (
        f"Delegation of China. (2021, March 23). {SEED_TITLE} (Special Dispatch No. 9249)"
        f" [Statement quoted: \u201c{quote}.\u201d]. {MEMRI}. Bilateral Meeting Archive."
        " Retrieved November 28, 2026, from https://example.org/claims/1/"
    )


def test_the_seed_report_is_cited_with_what_it_relays(dispatch):
    citation = citations.for_report(dispatch, "https://example.org/reports/r/", ACCESSED)
    assert citations.chicago(citation) == (
        f"{MEMRI}. \u201c{SEED_TITLE}.\u201d Special Dispatch No. 9249. {MEMRI}, March 23,"
        " 2021. On the China-U.S. High-Level Strategic Dialogue, March 18\u201319, 2021."
        " Relays: Chinese Foreign Ministry report on the meeting, via Xinhua."
        " Bilateral Meeting Archive. Accessed November 28, 2026. https://example.org/reports/r/."
    )
    assert citations.apa(citation) == (
        f"{MEMRI}. (2021, March 23). {SEED_TITLE} (Special Dispatch No. 9249). {MEMRI}."
        " Bilateral Meeting Archive. Retrieved November 28, 2026, from"
        " https://example.org/reports/r/"
    )
