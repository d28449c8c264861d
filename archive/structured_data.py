"""schema.org descriptions (JSON-LD) of claims, meetings and officials, for search engines
and tools that read linked data."""

from archive.models import Claim, Meeting, Person, Report

SCHEMA = "https://schema.org"


def report_ld(report: Report, url: str) -> dict:
    return {
        "@type": "Report",
        "name": report.title,
        "url": url,
        "datePublished": report.date.isoformat(),
        "publisher": {"@type": "Organization", "name": report.publisher.name},
        **({"reportNumber": report.reference} if report.reference else {}),
    }


def speaker_ld(claim: Claim, absolute) -> dict:
    if claim.speaker_id:
        person = claim.speaker.person
        return {
            "@type": "Person",
            "name": person.name,
            "url": absolute(person.get_absolute_url()),
            **({"jobTitle": claim.speaker.title} if claim.speaker.title else {}),
        }
    name = "Both delegations" if claim.joint else f"Delegation of {claim.delegation.label}"
    return {"@type": "Organization", "name": name}


def claim_ld(claim: Claim, absolute) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "Quotation",
        "text": claim.text,
        "url": absolute(claim.get_absolute_url()),
        "spokenByCharacter": speaker_ld(claim, absolute),
        "creator": speaker_ld(claim, absolute),
        "isPartOf": report_ld(claim.report, absolute(claim.report.get_absolute_url())),
        "about": [issue.name for issue in claim.issues.all()],
        "temporalCoverage": claim.meeting.start_date.isoformat(),
    }


def meeting_ld(meeting: Meeting, absolute) -> dict:
    attendees = [
        {
            "@type": "Person",
            "name": p.person.name,
            "url": absolute(p.person.get_absolute_url()),
            **({"jobTitle": p.title} if p.title else {}),
            "affiliation": {"@type": "Country", "name": delegation.label},
        }
        for delegation in meeting.delegations.all()
        for p in delegation.participations.all()
    ]
    return {
        "@context": SCHEMA,
        "@type": "Event",
        "name": meeting.title,
        "url": absolute(meeting.get_absolute_url()),
        "startDate": meeting.start_date.isoformat(),
        "endDate": meeting.end_date.isoformat(),
        "location": {"@type": "Place", "name": meeting.place or "Not recorded"},
        "description": meeting.summary,
        "attendee": attendees,
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode"
        if meeting.format != Meeting.Format.CALL
        else "https://schema.org/OnlineEventAttendanceMode",
    }


def person_ld(person: Person, absolute) -> dict:
    aliases = [alias.name for alias in person.aliases.all()]
    return {
        "@context": SCHEMA,
        "@type": "Person",
        "name": person.name,
        "url": absolute(person.get_absolute_url()),
        **({"alternateName": aliases} if aliases else {}),
        **(
            {"sameAs": f"https://www.wikidata.org/wiki/{person.wikidata_id}"}
            if person.wikidata_id
            else {}
        ),
    }
