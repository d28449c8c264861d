"""Meetings with their two delegations, one or two published reports each, and the claims
that make up each report's body: planned in memory from seeded draws, then inserted in bulk,
parents first (a million claims are too many for one `save()` each)."""

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate

from django.utils.text import slugify

from archive.models import Claim, Delegation, Meeting, Participation, Report, Status
from archive.search.document import fill_search_text
from archive.text import fingerprint
from bench.synthetic.cast import Cast, CountryPool, IssueInfo, Official, PublisherInfo
from bench.synthetic.draw import pick, pick_weighted
from bench.synthetic.prose import Lexicon
from bench.synthetic.world import (
    FIRST_YEAR,
    FORMATS,
    JOINT_KINDS,
    JOINT_SUBJECTS,
    KIND_VERBS,
    LAST_YEAR,
    NEUTRAL_VENUES,
    SIDE_KINDS,
    SIDE_SUBJECTS,
    SIDELINE_EVENTS,
    TALKS_NAMES,
)

# Generated meetings' and reports' slugs start with this and carry their place in the run:
# unique without a look-up per row, and how a second run recognises the first.
GEN_PREFIX = "gen-"
# Rows per INSERT statement (Django lowers it further where the database needs).
BATCH_ROWS = 5000
JOINT_RATE = 0.08
SPEAKER_RATE = 0.40


def published_time(rng: random.Random, day: date) -> datetime:
    """A working-hours publication time on `day`: records are published some days after
    their meeting, as feeds and "newest first" listings expect."""
    return datetime(
        day.year, day.month, day.day, rng.randint(6, 20), rng.randint(0, 59), tzinfo=UTC
    )


@dataclass
class Side:
    delegation: Delegation
    country: str
    # Cumulative weights of `members`: heads are quoted more often than the others.
    members: list[tuple[Participation, Official]]
    member_weights: list[float]


@dataclass
class Batch:
    """Rows of a run of meetings, inserted together, parents first. Rows are made before
    their parents have ids, so each row keeps its parents beside it and takes their ids just
    before its insert. (Assigning the unsaved parent instances to the foreign keys works too,
    but runs Django's checks on every assignment and again in bulk_create; and a claim's
    search text is computed from its parents' ids before the claim is inserted.)"""

    meetings: list[Meeting] = field(default_factory=list)
    delegations: list[tuple[Delegation, Meeting]] = field(default_factory=list)
    participations: list[tuple[Participation, Delegation]] = field(default_factory=list)
    reports: list[tuple[Report, Meeting]] = field(default_factory=list)
    # (claim, its report, its side or None, its speaker or None, its issue ids)
    claims: list[tuple[Claim, Report, Delegation | None, Participation | None, list[int]]] = field(
        default_factory=list
    )

    def save(self) -> int:
        """Insert everything; returns the number of claim-issue links."""
        Meeting.objects.bulk_create(self.meetings, batch_size=BATCH_ROWS)
        for delegation, meeting in self.delegations:
            delegation.meeting_id = meeting.pk
        Delegation.objects.bulk_create([d for d, _ in self.delegations], batch_size=BATCH_ROWS)
        for participation, delegation in self.participations:
            participation.delegation_id = delegation.pk
            participation.meeting_id = delegation.meeting_id  # as Participation.save() does
        Participation.objects.bulk_create(
            [p for p, _ in self.participations], batch_size=BATCH_ROWS
        )
        for report, meeting in self.reports:
            report.meeting_id = meeting.pk
        Report.objects.bulk_create([r for r, _ in self.reports], batch_size=BATCH_ROWS)
        for claim, report, delegation, speaker, _ in self.claims:
            claim.report_id = report.pk
            claim.meeting_id = report.meeting_id  # as Claim.save() does
            claim.delegation_id = delegation.pk if delegation else None
            claim.speaker_id = speaker.pk if speaker else None
        claims = [row[0] for row in self.claims]
        issue_ids = [row[-1] for row in self.claims]
        fill_search_text(claims, issue_ids)  # what the signals would refresh after each save
        Claim.objects.bulk_create(claims, batch_size=BATCH_ROWS)
        link = Claim.issues.through
        links = [
            link(claim_id=claim.pk, issue_id=issue_id)
            for claim, issues in zip(claims, issue_ids, strict=True)
            for issue_id in issues
        ]
        link.objects.bulk_create(links, batch_size=BATCH_ROWS)
        return len(links)


class Planner:
    """Draws meetings, their reports and claims, from a seed and the cast."""

    def __init__(self, seed: int, cast: Cast) -> None:
        self.rng = random.Random(f"{seed}-meetings")
        self.cast = cast
        self.lexicon = Lexicon(random.Random(f"{seed}-vocabulary"))
        years = range(FIRST_YEAR, LAST_YEAR + 1)
        # Diplomacy (and its reporting) grows over the years: later years have more meetings.
        self.years = list(years)
        self.year_weights = list(accumulate(1 + 0.1 * (y - FIRST_YEAR) for y in years))

    # Meeting-level choices.

    def pick_countries(self) -> tuple[CountryPool, CountryPool]:
        cast = self.cast
        first = pick(self.rng, cast.pools, cast.pool_weights)
        second = first
        while second is first:
            second = pick(self.rng, cast.pools, cast.pool_weights)
        return first, second

    def pick_dates(self, longest: int) -> tuple[date, date]:
        year = pick(self.rng, self.years, self.year_weights)
        start = date(year, 1, 1) + timedelta(days=self.rng.randrange(365))
        return start, start + timedelta(days=self.rng.randint(0, longest))

    def pick_delegation(self, pool: CountryPool) -> list[Official]:
        """A head (a senior official) and zero to three members, all different."""
        rng = self.rng
        head = pick(rng, pool.seniors, pool.senior_weights)
        size = rng.choices((1, 2, 3, 4), weights=(30, 30, 25, 15))[0]
        chosen = [head]
        for _ in range(size * 3):  # A few tries; small countries may have few officials.
            if len(chosen) == size:
                break
            member = pick(rng, pool.officials, pool.weights)
            if member not in chosen:
                chosen.append(member)
        return chosen

    def pick_agenda(self) -> list[IssueInfo]:
        cast = self.cast
        agenda: list[IssueInfo] = []
        for _ in range(self.rng.randint(3, 5)):
            issue = pick(self.rng, cast.issues, cast.issue_weights)
            if issue not in agenda:
                agenda.append(issue)
        return agenda

    @staticmethod
    def describe(
        fmt: str, first: CountryPool, second: CountryPool, heads: list[str], rng: random.Random
    ) -> tuple[str, str]:
        """(title, place) of a meeting in the manner of the real archive's titles."""
        pair = f"{first.name}-{second.name}"
        if fmt == Meeting.Format.CALL:
            return f"{heads[0]}-{heads[1]} telephone call", ""
        if fmt == Meeting.Format.VISIT:
            return f"{heads[0]} visit to {second.name}", second.spec.capital
        if fmt == Meeting.Format.SUMMIT:
            return f"{pair} summit", rng.choice((first, second)).spec.capital
        if fmt == Meeting.Format.OTHER:
            event, city = rng.choice(SIDELINE_EVENTS)
            return f"{heads[0]}-{heads[1]} meeting on the sidelines of {event}", city
        if rng.random() < 0.1:
            place = rng.choice(NEUTRAL_VENUES)
        else:
            place = rng.choice((first, second)).spec.capital
        return f"{pair} {rng.choice(TALKS_NAMES)}", place

    def add_meeting(self, batch: Batch, index: int, claims_left: int) -> int:
        """Plan one meeting with its sides, reports and claims; returns its claim count."""
        rng = self.rng
        fmt, _, longest = pick_weighted(rng, FORMATS)
        first, second = self.pick_countries()
        start, end = self.pick_dates(longest)
        delegates = [self.pick_delegation(first), self.pick_delegation(second)]
        title, place = self.describe(fmt, first, second, [d[0].names[0] for d in delegates], rng)
        agenda = self.pick_agenda()
        published = published_time(rng, end + timedelta(days=rng.randint(0, 10)))
        head_one, head_two = delegates[0][0], delegates[1][0]
        meeting = Meeting(
            title=title,
            slug=f"{GEN_PREFIX}{index}-{start:%Y-%m-%d}-{slugify(title)}"[:100].rstrip("-"),
            start_date=start,
            end_date=end,
            place=place,
            format=fmt,
            summary=(
                f"{head_one.title} {head_one.names[0]} and {head_two.title} "
                f"{head_two.names[0]} discussed {', '.join(i.name for i in agenda)}."
            ),
            status=Status.PUBLISHED,
            published_at=published,
        )
        batch.meetings.append(meeting)

        sides: list[Side] = []
        for number, (pool, officials) in enumerate(zip((first, second), delegates, strict=True)):
            delegation = Delegation(side=number + 1, country=pool.spec.code)
            batch.delegations.append((delegation, meeting))
            members = []
            for order, official in enumerate(officials):
                participation = Participation(
                    person_id=official.pk, title=official.title, is_head=order == 0, order=order
                )
                batch.participations.append((participation, delegation))
                members.append((participation, official))
            weights = list(accumulate(3 if order == 0 else 1 for order in range(len(members))))
            sides.append(Side(delegation, pool.name, members, weights))

        written = 0
        report_count = 1 if rng.random() < 0.65 else 2
        cast = self.cast
        publishers: list[PublisherInfo] = []
        while len(publishers) < report_count:
            publisher = pick(rng, cast.publishers, cast.publisher_weights)
            if publisher not in publishers:
                publishers.append(publisher)
        for position, publisher in enumerate(publishers, start=1):
            if written == claims_left:
                break
            wanted = max(5, min(80, round(rng.gauss(30, 12))))
            count = min(wanted, claims_left - written)
            slug_stem = f"{GEN_PREFIX}{index}-{position}"
            self.add_report(batch, meeting, slug_stem, sides, agenda, publisher, published, count)
            written += count
        return written

    def add_report(
        self,
        batch: Batch,
        meeting: Meeting,
        slug_stem: str,
        sides: list[Side],
        agenda: list[IssueInfo],
        publisher: PublisherInfo,
        published: datetime,
        count: int,
    ) -> None:
        rng = self.rng
        spec = publisher.spec
        series = rng.choice(spec.series)
        number = ""
        if rng.random() < 0.92:  # Some reports carry no number.
            number = str(publisher.next_number[series])
            publisher.next_number[series] += rng.randint(1, 3)
        first, second = sides[0].country, sides[1].country
        title = rng.choice(
            (
                f"Readout of the {meeting.title}",
                f"{first} and {second} discuss {agenda[0].name}",
                f"What {first} and {second} said about {agenda[-1].name}",
                f"{meeting.title}: {agenda[0].name} tops the agenda",
            )
        )
        # Half of a relaying publisher's reports relay one side's own readout.
        issuer = rng.choice(sides) if spec.relays and rng.random() < 0.5 else None
        report_date = meeting.end_date + timedelta(days=rng.randint(0, 3))
        report = Report(
            publisher_id=publisher.pk,
            series=series,
            number=number,
            title=title,
            slug=f"{slug_stem}-{slugify(spec.name)}-{number or 'unnumbered'}",
            date=report_date,
            url=f"https://{spec.domain}/{slugify(series)}/{number or meeting.slug}",
            original_source=f"Ministry of Foreign Affairs of {issuer.country}" if issuer else "",
            issued_by=issuer.delegation.country.code if issuer else "",
            status=Status.PUBLISHED,
            published_at=max(published, published_time(rng, report_date)),
        )
        batch.reports.append((report, meeting))
        texts: list[str] = []
        offset = 0
        for _ in range(count):
            claim, side, speaker, issue_ids = self.make_claim(sides, agenda)
            claim.start, claim.end = offset, offset + len(claim.text)
            offset = claim.end + 2  # The "\n\n" between paragraphs.
            texts.append(claim.text)
            batch.claims.append((claim, report, side, speaker, issue_ids))
        report.body = "\n\n".join(texts)
        report.body_digest = fingerprint(report.body)  # what the pre_save signal stores

    def make_claim(
        self, sides: list[Side], agenda: list[IssueInfo]
    ) -> tuple[Claim, Delegation | None, Participation | None, list[int]]:
        """A claim (without its foreign keys), its side, its speaker and its issue ids."""
        rng = self.rng
        speaker: tuple[Participation, Official] | None = None
        if rng.random() < JOINT_RATE:
            side = None
            kind = pick_weighted(rng, JOINT_KINDS)[0]
            opener = rng.choice(JOINT_SUBJECTS) if rng.random() < 0.5 else ""
        else:
            side = sides[0] if rng.random() < 0.55 else sides[1]
            kind = pick_weighted(rng, SIDE_KINDS)[0]
            if rng.random() < SPEAKER_RATE:
                speaker = pick(rng, side.members, side.member_weights)
            opener = ""
            if speaker and rng.random() < 0.5:
                # Reports name the speaker, sometimes in another spelling of the name.
                opener = rng.choice(speaker[1].names) if rng.random() < 0.2 else speaker[1].names[0]
            elif rng.random() < 0.3:
                opener = rng.choice(SIDE_SUBJECTS)
        if opener:
            opener = f"{opener} {rng.choice(KIND_VERBS[kind])}"
        text, hinted = self.lexicon.claim_text(rng, opener)
        issues = self.pick_issues(hinted, agenda)
        return (
            Claim(text=text, joint=side is None, kind=kind),
            side.delegation if side else None,
            speaker[0] if speaker else None,
            [issue.pk for issue in issues],
        )

    def pick_issues(self, hinted: list[str], agenda: list[IssueInfo]) -> list[IssueInfo]:
        """One to three issues: those the claim's terms name, then the meeting's agenda,
        sometimes any issue."""
        rng, cast = self.rng, self.cast
        wanted = rng.choices((1, 2, 3), weights=(50, 35, 15))[0]
        chosen: list[IssueInfo] = []
        for name in hinted:
            issue = cast.issues_by_name[name]
            if issue not in chosen and len(chosen) < 3:
                chosen.append(issue)
        for _ in range(wanted * 3):
            if len(chosen) >= wanted:
                break
            if rng.random() < 0.7:
                issue = rng.choice(agenda)
            else:
                issue = pick(rng, cast.issues, cast.issue_weights)
            if issue not in chosen:
                chosen.append(issue)
        return chosen
