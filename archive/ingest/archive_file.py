"""The published archive as one JSON document, and the loader that reads such a document back.

Records name each other by natural keys (slugs; a delegation by its meeting and country),
except claims, which keep their database ids: a claim's permanent address is /claims/<id>/,
and it must survive an export and a restore. Old slugs and withdrawn claims travel too, so
that every address the archive ever answered keeps answering.

The loader matches records by those keys. An existing record is used as it is (neither its
fields nor its children change); a missing one is created with its children, through
`full_clean()` and `save()` so that the signals (search text, history, revision) run.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction
from django.db.models import Prefetch

from archive.ingest.builder import find_duplicate
from archive.models import (
    Claim,
    Delegation,
    Footnote,
    Issue,
    IssueAlias,
    Meeting,
    OldSlug,
    Participation,
    Person,
    PersonAlias,
    Publisher,
    Report,
    Synonym,
    WithdrawnClaim,
)
from archive.signals import search_text_refreshed_at_the_end

FORMAT = "bilateral-archive"
VERSION = 1

# The lists a file may hold; a missing one is read as empty.
SECTIONS = (
    "publishers",
    "people",
    "issues",
    "synonyms",
    "meetings",
    "reports",
    "old_slugs",
    "withdrawn_claims",
)

# The records whose renamed slugs are kept in OldSlug, by OldSlug.model.
SLUGGED: dict[str, type[models.Model]] = {
    "meeting": Meeting,
    "report": Report,
    "person": Person,
    "issue": Issue,
}

# Filled by database triggers and signals, never by the loader.
CLAIM_COMPUTED = ["is_public", "meeting_date", "search_context", "search_issues"]


def _timestamp(value: datetime.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def export_archive() -> dict:
    """Every published meeting and report with what they refer to, as plain JSON-able data,
    the same for the same archive (all lists sorted)."""
    meetings = _published_meetings()
    reports = _published_reports()
    people = Person.objects.published().prefetch_related("aliases").order_by("slug")
    # Only what published records show: a person, issue or publisher known only through
    # drafts stays out of the published archive.
    issues = (
        Issue.objects.published()
        .select_related("parent")
        .prefetch_related("aliases")
        .order_by("slug")
    )
    slugs = {
        "meeting": {m.pk: m.slug for m in meetings},
        "report": {r.pk: r.slug for r in reports},
        "person": {p.pk: p.slug for p in people},
        "issue": {i.pk: i.slug for i in issues},
    }
    return {
        "format": FORMAT,
        "version": VERSION,
        "publishers": [
            {"slug": p.slug, "name": p.name, "url": p.url}
            for p in Publisher.objects.named_by_published_reports().order_by("slug")
        ],
        "people": [
            {
                "slug": p.slug,
                "name": p.name,
                "sort_name": p.sort_name,
                "wikidata_id": p.wikidata_id,
                "note": p.note,
                "aliases": sorted(a.name for a in p.aliases.all()),
            }
            for p in people
        ],
        "issues": [
            {
                "slug": i.slug,
                "name": i.name,
                "description": i.description,
                "parent": i.parent.slug if i.parent else None,
                "aliases": sorted(a.name for a in i.aliases.all()),
            }
            for i in issues
        ],
        "synonyms": sorted(
            ({"terms": s.term_list, "note": s.note} for s in Synonym.objects.all()),
            key=lambda s: (s["terms"], s["note"]),
        ),
        "meetings": [_meeting_data(m) for m in meetings],
        "reports": [_report_data(r) for r in reports],
        "old_slugs": [
            {"model": old.model, "slug": old.slug, "current_slug": slugs[old.model][old.object_id]}
            for old in OldSlug.objects.filter(model__in=list(SLUGGED)).order_by("model", "slug")
            if old.object_id in slugs[old.model]
        ],
        "withdrawn_claims": [
            {
                "claim_id": w.claim_id,
                "text": w.text,
                "side": w.side,
                "meeting_title": w.meeting_title,
                "meeting_url": w.meeting_url,
                "report_title": w.report_title,
                "report_url": w.report_url,
                "reason": w.reason,
                "merged_into": w.merged_into,
                "withdrawn_at": _timestamp(w.withdrawn_at),
            }
            for w in WithdrawnClaim.objects.order_by("claim_id")
        ],
    }


def _published_meetings() -> list[Meeting]:
    participations = Participation.objects.select_related("person").order_by(
        "-is_head", "order", "person__slug"
    )
    return list(
        Meeting.objects.published()
        .order_by("slug")
        .prefetch_related(
            Prefetch(
                "delegations",
                queryset=Delegation.objects.order_by("side").prefetch_related(
                    Prefetch("participations", queryset=participations)
                ),
            ),
            Prefetch("related_meetings", queryset=Meeting.objects.published().order_by("slug")),
        )
    )


def _published_reports() -> list[Report]:
    claims = (
        Claim.objects.select_related("delegation", "speaker__person")
        .prefetch_related(Prefetch("issues", queryset=Issue.objects.order_by("slug")))
        .order_by("start", "id")
    )
    return list(
        Report.objects.published()
        .select_related("publisher", "relayed_by", "meeting")
        .order_by("slug")
        .prefetch_related(
            Prefetch("footnotes", queryset=Footnote.objects.order_by("number")),
            Prefetch("claims", queryset=claims),
        )
    )


def _meeting_data(meeting: Meeting) -> dict:
    return {
        "slug": meeting.slug,
        "title": meeting.title,
        "start_date": meeting.start_date.isoformat(),
        "end_date": meeting.end_date.isoformat(),
        "place": meeting.place,
        "format": meeting.format,
        "summary": meeting.summary,
        "status": meeting.status,
        "published_at": _timestamp(meeting.published_at),
        "related_meetings": [m.slug for m in meeting.related_meetings.all()],
        "delegations": [
            {
                "side": d.side,
                "country": d.country.code,
                "participations": [
                    {
                        "person": p.person.slug,
                        "title": p.title,
                        "is_head": p.is_head,
                        "order": p.order,
                    }
                    for p in d.participations.all()
                ],
            }
            for d in meeting.delegations.all()
        ],
    }


def _report_data(report: Report) -> dict:
    return {
        "slug": report.slug,
        "publisher": report.publisher.slug,
        "meeting": report.meeting.slug,
        "series": report.series,
        "number": report.number,
        "title": report.title,
        "date": report.date.isoformat(),
        "url": report.url,
        "original_source": report.original_source,
        "relayed_by": report.relayed_by.slug if report.relayed_by_id else "",
        "relayed_from": report.relayed_from,
        "issued_by": report.issued_by.code or "",
        "body": report.body,
        "status": report.status,
        "published_at": _timestamp(report.published_at),
        "footnotes": [{"number": f.number, "text": f.text} for f in report.footnotes.all()],
        "claims": [
            {
                "id": c.pk,
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "joint": c.joint,
                "side": c.delegation.country.code if c.delegation else None,
                "speaker": c.speaker.person.slug if c.speaker else None,
                "kind": c.kind,
                "issues": [i.slug for i in c.issues.all()],
            }
            for c in report.claims.all()
        ],
    }


class ArchiveFormatError(ValueError):
    """The data is not a bilateral archive of a version this loader reads."""


class LoadError(Exception):
    """A record of the file cannot be loaded; the message says why."""


class Failure(NamedTuple):
    label: str
    reason: str


@dataclass
class LoadSummary:
    """What a load did: one label per report ("report <slug>") and per meeting the file
    holds without a report ("meeting <slug>"). A publisher, person, issue, synonym, old slug
    or withdrawn claim is named only when it failed."""

    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{len(self.created)} created, {len(self.skipped)} skipped as already there, "
            f"{len(self.failed)} failed"
        )


def load_archive(data: dict) -> LoadSummary:
    """Create what `data` (an `export_archive()` document) holds and the database lacks.

    Each report is loaded with its meeting, delegations, participations, footnotes and claims
    in a transaction of its own: a broken report leaves nothing behind and the others load.
    A report already there (same publisher, series and number, or same body) is skipped,
    so loading the same data twice creates nothing the second time. Raises
    ArchiveFormatError, before writing anything, when `data` is not in this format.
    """
    _check_format(data)
    summary = LoadSummary()

    def shared(label: str, load: Callable[[], bool]) -> None:
        # Publishers, people, issues...: many reports use each; only failures are reported.
        _attempt(load, label, summary, report=False)

    for row in data.get("publishers", []):
        shared(f"publisher {row.get('slug')}", lambda row=row: _load_publisher(row))
    for row in data.get("people", []):
        shared(f"person {row.get('slug')}", lambda row=row: _load_person(row))
    for row in _parents_first(data.get("issues", [])):
        shared(f"issue {row.get('slug')}", lambda row=row: _load_issue(row))
    for row in data.get("synonyms", []):
        label = f"synonym {' = '.join(map(str, row.get('terms') or []))}"
        shared(label, lambda row=row: _load_synonym(row))

    meetings = {row.get("slug"): row for row in data.get("meetings", [])}
    reported: set[str] = set()
    for row in data.get("reports", []):
        reported.add(row.get("meeting"))
        label = f"report {row.get('slug')}"
        _attempt(lambda row=row: _load_report(row, meetings), label, summary)
    for slug, row in meetings.items():
        if slug not in reported:
            _attempt(lambda row=row: _ensure_meeting(row)[1], f"meeting {slug}", summary)

    for row in data.get("withdrawn_claims", []):
        shared(f"withdrawn claim {row.get('claim_id')}", lambda row=row: _load_withdrawn(row))
    for row in data.get("old_slugs", []):
        label = f"old {row.get('model')} slug {row.get('slug')}"
        shared(label, lambda row=row: _load_old_slug(row))

    _reset_claim_sequence()
    return summary


def _check_format(data: Any) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ArchiveFormatError(
            f'Not a bilateral archive: the data must be a JSON object with "format": "{FORMAT}".'
        )
    version = data.get("version")
    if type(version) is not int or version != VERSION:  # not True, not 1.0
        raise ArchiveFormatError(
            f"This is version {version!r} of the {FORMAT} format; "
            f"this archive reads version {VERSION} only."
        )
    for section in SECTIONS:
        rows = data.get(section, [])
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise ArchiveFormatError(f'"{section}" must be a list of JSON objects.')


def _attempt(
    load: Callable[[], bool], label: str, summary: LoadSummary, report: bool = True
) -> None:
    """Run `load` in a transaction of its own and note the outcome under `label`."""
    try:
        with transaction.atomic(), search_text_refreshed_at_the_end():
            created = load()
    except (LoadError, ValidationError, DatabaseError, LookupError, TypeError, ValueError) as e:
        summary.failed.append(Failure(label, _reason(e)))
        return
    if report:
        (summary.created if created else summary.skipped).append(label)


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return _validation_message(error)
    if isinstance(error, KeyError):
        return f"missing field {error.args[0]!r}"
    return str(error)


def _validation_message(error: ValidationError) -> str:
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    return "; ".join(
        " ".join(messages) if name == "__all__" else f"{name}: {' '.join(messages)}"
        for name, messages in error.message_dict.items()
    )


def _create[M: models.Model](record: M, what: str, exclude: Iterable[str] = ()) -> M:
    """Validate and save a new record; a validation error says which record it was."""
    try:
        record.full_clean(exclude=list(exclude))
    except ValidationError as error:
        raise LoadError(f"{what}: {_validation_message(error)}") from error
    record.save(force_insert=True)
    return record


def _get[M: models.Model](model: type[M], slug: str) -> M:
    found = model._default_manager.filter(slug=slug).first()
    if found is None:
        raise LoadError(f"no {model._meta.verbose_name} with the slug {slug!r}")
    return found


def _load_publisher(row: dict) -> bool:
    if Publisher.objects.filter(slug=row["slug"]).exists():
        return False
    _create(
        Publisher(slug=row["slug"], name=row["name"], url=row["url"]), f"publisher {row['slug']}"
    )
    return True


def _load_person(row: dict) -> bool:
    if Person.objects.filter(slug=row["slug"]).exists():
        return False
    person = _create(
        Person(
            slug=row["slug"],
            name=row["name"],
            sort_name=row["sort_name"],
            wikidata_id=row["wikidata_id"],
            note=row["note"],
        ),
        f"person {row['slug']}",
    )
    for name in row["aliases"]:
        _create(PersonAlias(person=person, name=name), f"alias {name!r}")
    return True


def _parents_first(rows: list[dict]) -> list[dict]:
    """Issues ordered so that a parent in the file comes before its children."""
    by_slug = {row.get("slug"): row for row in rows}
    ordered: dict[str, dict] = {}

    def visit(row: dict, path: tuple[str, ...]) -> None:
        slug = row.get("slug")
        if slug in ordered or slug in path:  # a cycle fails later, on the parent lookup
            return
        parent = by_slug.get(row.get("parent"))
        if parent is not None:
            visit(parent, (*path, slug))
        ordered[slug] = row

    for row in rows:
        visit(row, ())
    return list(ordered.values())


def _load_issue(row: dict) -> bool:
    if Issue.objects.filter(slug=row["slug"]).exists():
        return False
    issue = _create(
        Issue(
            slug=row["slug"],
            name=row["name"],
            description=row["description"],
            parent=_get(Issue, row["parent"]) if row["parent"] else None,
        ),
        f"issue {row['slug']}",
    )
    for name in row["aliases"]:
        _create(IssueAlias(issue=issue, name=name), f"alias {name!r}")
    return True


def _load_synonym(row: dict) -> bool:
    synonym = Synonym(terms="\n".join(row["terms"]), note=row["note"])
    synonym.full_clean()  # normalises the terms, so the comparison below is like for like
    if Synonym.objects.filter(terms=synonym.terms).exists():
        return False
    synonym.save()
    return True


def _ensure_meeting(row: dict) -> tuple[Meeting, bool]:
    """The meeting with the row's slug; created with its delegations and participations when
    the database lacks it. Also says whether it was created."""
    meeting = Meeting.objects.filter(slug=row["slug"]).first()
    if meeting is not None:
        return meeting, False
    what = f"meeting {row['slug']}"
    meeting = _create(
        Meeting(
            slug=row["slug"],
            title=row["title"],
            start_date=row["start_date"],
            end_date=row["end_date"],
            place=row["place"],
            format=row["format"],
            summary=row["summary"],
            status=row["status"],
            published_at=row.get("published_at"),
        ),
        what,
    )
    for side in row["delegations"]:
        delegation = _create(
            Delegation(meeting=meeting, side=side["side"], country=side["country"]),
            f"delegation {side['country']}",
        )
        for member in side["participations"]:
            _create(
                Participation(
                    person=_get(Person, member["person"]),
                    delegation=delegation,
                    meeting=meeting,
                    title=member["title"],
                    is_head=member["is_head"],
                    order=member["order"],
                ),
                f"participation of {member['person']}",
            )
    try:
        meeting.full_clean()  # again, now that it has its sides: a bilateral meeting has two
    except ValidationError as error:
        raise LoadError(f"{what}: {_validation_message(error)}") from error
    meeting.related_meetings.add(*Meeting.objects.filter(slug__in=row["related_meetings"]))
    return meeting, True


def _report_exists(row: dict) -> bool:
    """The importer's rule: the same body (whatever its whitespace and quote marks), or the
    same publisher, series and number."""
    publisher = Publisher.objects.filter(slug=row["publisher"]).first()
    return find_duplicate(row["body"], publisher, row["series"], row["number"]) is not None


def _load_report(row: dict, meetings: dict[str, dict]) -> bool:
    if _report_exists(row):
        return False
    if row["meeting"] in meetings:
        meeting, _ = _ensure_meeting(meetings[row["meeting"]])
    else:
        meeting = _get(Meeting, row["meeting"])
    report = _create(
        Report(
            slug=row["slug"],
            publisher=_get(Publisher, row["publisher"]),
            meeting=meeting,
            series=row["series"],
            number=row["number"],
            title=row["title"],
            date=row["date"],
            url=row["url"],
            original_source=row["original_source"],
            # Files written before reports named the outlet they relay have no such field.
            relayed_by=_get(Publisher, row["relayed_by"]) if row.get("relayed_by") else None,
            relayed_from=row.get("relayed_from"),
            issued_by=row["issued_by"],
            body=row["body"],
            status=row["status"],
            published_at=row.get("published_at"),
        ),
        f"report {row['slug']}",
    )
    for footnote in row["footnotes"]:
        _create(
            Footnote(report=report, number=footnote["number"], text=footnote["text"]),
            f"footnote {footnote['number']}",
        )
    for claim in row["claims"]:
        _load_claim(report, claim)
    return True


def _load_claim(report: Report, row: dict) -> None:
    what = f"claim {row.get('id')}"
    meeting = report.meeting
    delegation = speaker = None
    if row["side"]:
        delegation = meeting.delegations.filter(country=row["side"]).first()
        if delegation is None:
            raise LoadError(f"{what}: the meeting has no side of the country {row['side']!r}")
    if row["speaker"]:
        speaker = meeting.participations.filter(person__slug=row["speaker"]).first()
        if speaker is None:
            raise LoadError(f"{what}: {row['speaker']!r} is not a participant of the meeting")
    issues = list(Issue.objects.filter(slug__in=row["issues"]))
    missing = set(row["issues"]) - {issue.slug for issue in issues}
    if missing:
        raise LoadError(f"{what}: no issue with the slug(s) {', '.join(sorted(missing))}")
    claim = Claim(
        report=report,
        meeting=meeting,
        text=row["text"],
        # Without offsets (a file not made by export_archive), `full_clean()` finds them.
        start=row.get("start"),
        end=row.get("end"),
        joint=row["joint"],
        delegation=delegation,
        speaker=speaker,
        kind=row["kind"],
    )
    if row.get("id") is not None and not _claim_id_used(row["id"]):
        claim.pk = row["id"]
    else:
        _reset_claim_sequence()  # new ids must come after the ids loaded so far
    _create(claim, what, exclude=CLAIM_COMPUTED)
    claim.issues.set(issues)


def _claim_id_used(claim_id: int) -> bool:
    """A claim's id is its address: taken by a claim, or by a tombstone of a deleted one."""
    return (
        Claim.objects.filter(pk=claim_id).exists()
        or WithdrawnClaim.objects.filter(claim_id=claim_id).exists()
    )


def _reset_claim_sequence() -> None:
    """Let the database's next claim id follow the highest one (claims loaded with their
    own ids leave PostgreSQL's sequence behind)."""
    statements = connection.ops.sequence_reset_sql(no_style(), [Claim])
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def _load_withdrawn(row: dict) -> bool:
    if WithdrawnClaim.objects.filter(claim_id=row["claim_id"]).exists():
        return False
    tombstone = _create(
        WithdrawnClaim(
            claim_id=row["claim_id"],
            text=row["text"],
            side=row["side"],
            meeting_title=row["meeting_title"],
            meeting_url=row["meeting_url"],
            report_title=row["report_title"],
            report_url=row["report_url"],
            reason=row["reason"],
            merged_into=row["merged_into"],
        ),
        f"withdrawn claim {row['claim_id']}",
    )
    # `withdrawn_at` is set on creation; the tombstone keeps the date it was withdrawn.
    WithdrawnClaim.objects.filter(pk=tombstone.pk).update(withdrawn_at=row["withdrawn_at"])
    return True


def _load_old_slug(row: dict) -> bool:
    model = SLUGGED.get(row["model"])
    if model is None:
        raise LoadError(f"old slugs of {row['model']!r} records are not kept")
    if OldSlug.objects.filter(model=row["model"], slug=row["slug"]).exists():
        return False
    if model._default_manager.filter(slug=row["slug"]).exists():
        raise LoadError(f"a {row['model']} has the slug {row['slug']!r} now")
    record = _get(model, row["current_slug"])
    _create(
        OldSlug(model=row["model"], slug=row["slug"], object_id=record.pk),
        f"old slug {row['slug']}",
    )
    return True
