"""Citation text for claims (the permalink is the stable part)."""

from django.utils import timezone

from archive.models import Claim


def plain_citation(claim: Claim, permalink: str) -> str:
    """One line a reader can paste: who said it, where it was reported, and the permalink."""
    report = claim.report
    meeting = claim.meeting
    who = (
        f"{claim.speaker.person.name} ({claim.side_label})"
        if claim.speaker
        else ("Both sides" if claim.joint else f"{claim.side_label} side")
    )
    source = f"\u201c{report.title},\u201d {report.publisher.name}"
    if report.reference:
        source += f", {report.reference}"
    source += f", {report.date:%B} {report.date.day}, {report.date.year}"
    accessed = timezone.localdate()
    return (
        f"{who}, at {meeting.title}, {meeting.place}, {meeting.date_range}. "
        f"Reported in {source}. Bilateral Meeting Archive, claim {claim.pk}, {permalink} "
        f"(accessed {accessed:%B} {accessed.day}, {accessed.year})."
    )
