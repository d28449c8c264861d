"""The archive's domain: reports on bilateral meetings and the claims each side made.

Rules that the database can hold are constraints; the rest are in `clean()` and run through
`full_clean()` (the admin and the importer both call it).
"""

import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce, Lower, TruncMonth
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from archive.marks import country_mark
from archive.text import closest_passage, find_verbatim, possessive


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


def unique_slug(instance: models.Model, source: str, max_length: int = 80) -> str:
    """A slug made from `source` that no other row of the model uses yet."""
    base = slugify(source)[:max_length].strip("-") or "item"
    slug, suffix = base, 2
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    # A retired slug still leads to its record: never hand it to another one.
    retired = OldSlug.objects.filter(model=instance._meta.model_name).exclude(
        object_id=instance.pk or 0
    )
    while others.filter(slug=slug).exists() or retired.filter(slug=slug).exists():
        slug = f"{base[: max_length - 4]}-{suffix}"
        suffix += 1
    return slug


class OldSlug(models.Model):
    """A slug a meeting, report, official or issue had before it was renamed: its old URL
    redirects to the current one, so links never break."""

    model = models.CharField(max_length=20)
    slug = models.SlugField(max_length=100)
    object_id = models.PositiveBigIntegerField()
    retired_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["model", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["model", "slug"], name="old_slug_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.model} {self.slug} \u2192 {self.object_id}"

    @classmethod
    def current_slugs(cls, model: type[models.Model], slugs: list[str]) -> dict[str, str]:
        """Each retired slug of `model` among `slugs`, with the slug its record has now."""
        retired = dict(
            cls.objects.filter(model=model._meta.model_name, slug__in=slugs).values_list(
                "slug", "object_id"
            )
        )
        now = dict(model._default_manager.filter(pk__in=retired.values()).values_list("pk", "slug"))
        return {old: now[pk] for old, pk in retired.items() if pk in now}


def remember_old_slug(instance: models.Model) -> None:
    """Before saving a renamed record, keep its previous slug (and free the new one if it
    was once retired by this or another record)."""
    name = instance._meta.model_name
    if instance.pk is not None:
        previous = (
            type(instance)._default_manager.filter(pk=instance.pk).values_list("slug", flat=True)
        ).first()
        if previous and previous != instance.slug:
            OldSlug.objects.update_or_create(
                model=name, slug=previous, defaults={"object_id": instance.pk}
            )
    OldSlug.objects.filter(model=name, slug=instance.slug).delete()


class KeepsOldSlugs:
    """A record whose earlier slugs keep leading to it (see `remember_old_slug`): an editor
    may not give it a slug another record gave up, which would take over that record's
    old links."""

    def validate_unique(self, exclude=None) -> None:
        super().validate_unique(exclude)
        if (exclude and "slug" in exclude) or not self.slug:
            return
        retired = OldSlug.objects.filter(model=self._meta.model_name, slug=self.slug)
        if retired.exclude(object_id=self.pk or 0).exists():
            raise ValidationError(
                {
                    "slug": f"\u201c{self.slug}\u201d was the address of another "
                    f"{self._meta.verbose_name} before it was renamed, and old links to it "
                    "still lead there: choose another."
                }
            )


class PublishedFields(models.Model):
    """Status and publication time, shared by the records editors publish."""

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    def stamp_publication(self) -> None:
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        elif self.status == Status.DRAFT:
            self.published_at = None

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    def unpublish(self) -> list["PublishedFields"]:
        """Make the record a draft again; the records changed (none when it was one)."""
        if self.status == Status.DRAFT:
            return []
        self.status = Status.DRAFT
        self.save()
        return [self]


class PublisherQuerySet(models.QuerySet):
    def published(self):
        """Publishers of a published report."""
        return self.filter(Exists(Report.objects.published().filter(publisher=OuterRef("pk"))))

    def named_by_published_reports(self):
        """Publishers a published report names: as its publisher, or as the outlet whose
        copy it relays (Xinhua, for the seed's dispatch)."""
        reports = Report.objects.published()
        return self.filter(
            Exists(reports.filter(publisher=OuterRef("pk")))
            | Exists(reports.filter(relayed_by=OuterRef("pk")))
        )


class Publisher(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True, blank=True)
    url = models.URLField(blank=True)

    objects = PublisherQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)

    @property
    def short_name(self) -> str:
        """The name a publisher goes by: "Middle East Media Research Institute (MEMRI)" is
        "MEMRI"."""
        short = re.search(r"\(([A-Za-z]{2,12})\)\s*$", self.name)
        return short.group(1) if short else self.name


class MeetingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def left_public(self):
        """Published meetings that no published report keeps public."""
        return self.published().exclude(
            Exists(Report.objects.published().filter(meeting=OuterRef("pk")))
        )

    def with_delegations(self):
        """Delegations (in side order) with their participants (heads first)."""
        participations = Participation.objects.select_related("person").order_by(
            "-is_head", "order", "person__name"
        )
        return self.prefetch_related(
            Prefetch(
                "delegations",
                queryset=Delegation.objects.order_by("side").prefetch_related(
                    Prefetch("participations", queryset=participations)
                ),
            )
        )

    def with_claim_counts(self):
        return self.annotate(
            claim_count=Count(
                "claims",
                filter=Q(claims__is_public=True),
                distinct=True,
            )
        )

    def newest_first(self):
        return self.order_by("-start_date", "title")

    def between(self, first: str, second: str):
        """Meetings of the two countries (ISO codes) with each other."""
        return self.filter(delegations__country=first).filter(delegations__country=second)

    def with_accounts_from_both(self, first: str, second: str):
        """Of these meetings, those with a published report issued by each of the two."""
        reports = Report.objects.published().filter(meeting=OuterRef("pk"))
        return self.filter(
            Exists(reports.filter(issued_by=first)), Exists(reports.filter(issued_by=second))
        )


class Meeting(KeepsOldSlugs, PublishedFields):
    class Format(models.TextChoices):
        TALKS = "talks", "Talks"
        SUMMIT = "summit", "Summit"
        CALL = "call", "Telephone or video call"
        VISIT = "visit", "Visit"
        OTHER = "other", "Other"

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=100, unique=True, blank=True)
    start_date = models.DateField()
    end_date = models.DateField(blank=True, help_text="Leave empty for a one-day meeting.")
    place = models.CharField(max_length=200, blank=True)
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.TALKS)
    summary = models.TextField(blank=True)
    related_meetings = models.ManyToManyField("self", blank=True, symmetrical=True)

    history = HistoricalRecords()
    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="meeting_ends_after_it_starts",
            ),
        ]
        indexes = [
            # Public listings: published meetings, newest first.
            models.Index(fields=["status", "-start_date"], name="meeting_status_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date_range})"

    def save(self, *args, **kwargs):
        if self.end_date is None:
            self.end_date = self.start_date
        if not self.slug:
            self.slug = unique_slug(self, f"{self.start_date:%Y-%m-%d} {self.title}")
        self.stamp_publication()
        remember_old_slug(self)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("meeting-detail", args=[self.slug])

    def clean(self) -> None:
        if self.end_date is None:
            self.end_date = self.start_date
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "A meeting cannot end before it starts."})
        if self.status == Status.PUBLISHED and self.pk:
            count = self.delegations.count()
            if count != 2:
                raise ValidationError(
                    f"A bilateral meeting needs exactly two delegations before it is "
                    f"published; this one has {count}."
                )

    def publish(self) -> list[PublishedFields]:
        """Make the meeting public; the records changed (none when it already was).
        Raises ValidationError, changing nothing, when it may not be published as it is
        (a bilateral meeting needs exactly two delegations)."""
        if self.is_published:
            return []
        self.status = Status.PUBLISHED
        try:
            self.full_clean()
        except ValidationError:
            self.status = Status.DRAFT
            raise
        self.save()
        return [self]

    @property
    def date_range(self) -> str:
        start, end = self.start_date, self.end_date or self.start_date
        if start == end:
            return f"{start:%B} {start.day}, {start.year}"
        if (start.year, start.month) == (end.year, end.month):
            return f"{start:%B} {start.day}\u2013{end.day}, {start.year}"
        if start.year == end.year:
            return f"{start:%B} {start.day} \u2013 {end:%B} {end.day}, {start.year}"
        return f"{start:%B} {start.day}, {start.year} \u2013 {end:%B} {end.day}, {end.year}"

    @property
    def country_pair(self) -> str:
        return " \u2013 ".join(d.country.name for d in self.delegations.all())


class Delegation(models.Model):
    """One side of a meeting. `side` (1 or 2) gives each side its consistent mark on the
    pages, and with the unique constraints keeps a meeting to two sides of two countries."""

    class Side(models.IntegerChoices):
        FIRST = 1, "First side"
        SECOND = 2, "Second side"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="delegations")
    side = models.PositiveSmallIntegerField(choices=Side.choices)
    country = CountryField()

    class Meta:
        ordering = ["meeting", "side"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "side"], name="delegation_one_per_side"),
            models.UniqueConstraint(
                fields=["meeting", "country"], name="delegation_countries_differ"
            ),
            models.CheckConstraint(condition=Q(side__in=[1, 2]), name="delegation_side_1_or_2"),
        ]
        indexes = [
            # Facet "side's country" and country-pair pages.
            models.Index(fields=["country", "meeting"], name="delegation_country_idx"),
        ]

    def __str__(self) -> str:
        # With the meeting: the admin's choices and searches list many "China" delegations.
        return f"{self.country.name} at {self.meeting.title} ({self.meeting.start_date:%Y-%m-%d})"

    @property
    def label(self) -> str:
        return self.country.name

    @property
    def mark(self) -> str:
        """The CSS class of the country's mark, the same at every meeting."""
        return country_mark(self.country.code)

    @property
    def heads(self) -> list["Participation"]:
        return [p for p in self.participations.all() if p.is_head]


class PersonQuerySet(models.QuerySet):
    def published(self):
        """People who took part in a published meeting."""
        # EXISTS per person stops at the first participation (index on person_id); an IN over
        # all participations would read them all on every page.
        attended = Participation.objects.filter(
            person=OuterRef("pk"), meeting__status=Status.PUBLISHED
        )
        return self.filter(Exists(attended))

    def with_participations(self):
        """Participations in published meetings, latest first (for titles and countries)."""
        participations = (
            Participation.objects.published()
            .select_related("meeting", "delegation")
            .order_by("-meeting__start_date")
        )
        return self.prefetch_related(Prefetch("participations", queryset=participations))

    def with_claim_counts(self):
        """How many published claims name each person as their speaker."""
        return self.annotate(
            claim_count=Count(
                "participations__claims",
                filter=Q(participations__claims__is_public=True),
                distinct=True,
            )
        )

    def with_meeting_counts(self):
        """How many published meetings each person took part in."""
        return self.annotate(
            meeting_count=Count(
                "participations",
                filter=Q(participations__meeting__status=Status.PUBLISHED),
                distinct=True,
            )
        )

    def with_side_claim_counts(self):
        """How many published claims the sides each person was on made, over all their
        meetings (most reports name a delegation, not a speaker). A subquery: joined beside
        the other counts, it would multiply their rows."""
        claims = (
            Claim.objects.published()
            .filter(delegation__participations__person=OuterRef("pk"))
            .order_by()
            .values("delegation__participations__person")
            .annotate(claims=Count("pk"))
            .values("claims")
        )
        return self.annotate(side_claim_count=Coalesce(Subquery(claims), 0))


WIKIDATA_ID = RegexValidator(r"^Q[1-9][0-9]*$", "A Wikidata id looks like Q123456.")


class Person(KeepsOldSlugs, models.Model):
    """An official. Titles are not here: they belong to each participation."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True, blank=True)
    sort_name = models.CharField(
        max_length=200, blank=True, help_text="How the name sorts, e.g. 'Blinken, Antony'."
    )
    wikidata_id = models.CharField(
        "Wikidata id", max_length=20, blank=True, validators=[WIKIDATA_ID]
    )
    note = models.TextField(blank=True)

    history = HistoricalRecords()
    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name_plural = "people"
        indexes = [
            # Search looks officials up by exact name, whatever the case.
            models.Index(Lower("name"), name="person_lower_name_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        if not self.sort_name:
            self.sort_name = self.name
        remember_old_slug(self)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("official-detail", args=[self.slug])


class PersonAlias(models.Model):
    """Another spelling of a person's name ("Anthony Blinken"), including misspellings that
    appear in sources, so search and the importer find the one person."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "person aliases"
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="person_alias_unique_name",
                violation_error_message="An official already has this alias.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        others = Person.objects.filter(name__iexact=self.name.strip()).exclude(pk=self.person_id)
        if others.exists():
            raise ValidationError(
                {
                    "name": f"\u201c{self.name}\u201d is another official's name: as an alias "
                    "it would make a search for that official find this one too."
                }
            )


class ParticipationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(meeting__status=Status.PUBLISHED)

    def with_side_claim_counts(self):
        """How many published claims the participant's side made at that meeting."""
        return self.annotate(
            side_claims=Count(
                "delegation__claims",
                filter=Q(delegation__claims__is_public=True),
            )
        )


class Participation(models.Model):
    """A person in a delegation, with the title held at that meeting."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="participations")
    delegation = models.ForeignKey(
        Delegation, on_delete=models.CASCADE, related_name="participations"
    )
    # Copied from the delegation on save so the database can hold "once per meeting".
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="participations", editable=False
    )
    title = models.CharField(max_length=400, blank=True, help_text="As the source gives it.")
    is_head = models.BooleanField("heads the delegation", default=False)
    order = models.PositiveSmallIntegerField(default=0)

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        ordering = ["delegation", "-is_head", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "meeting"], name="participation_once_per_meeting"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person.name}, {self.title}" if self.title else self.person.name

    def save(self, *args, **kwargs):
        self.meeting_id = self.delegation.meeting_id
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.delegation_id is None or self.person_id is None:
            return
        if self.meeting_id and self.delegation.meeting_id != self.meeting_id:
            raise ValidationError({"delegation": "This delegation belongs to another meeting."})
        others = Participation.objects.filter(
            person_id=self.person_id, meeting_id=self.delegation.meeting_id
        ).exclude(pk=self.pk)
        if others.exists():
            raise ValidationError({"person": f"{self.person} already takes part in this meeting."})
        if self.pk is not None:
            # Their claims name this side: moving the speaker alone would leave each claim
            # with a speaker from the other delegation.
            elsewhere = self.claims.exclude(delegation_id=self.delegation_id).count()
            if elsewhere:
                raise ValidationError(
                    {
                        "delegation": f"{self.person} is the speaker of {elsewhere} "
                        f"claim{pluralize(elsewhere)} made for the side they were on: change "
                        "the side or the speaker of those claims first."
                    }
                )


class IssueQuerySet(models.QuerySet):
    def published(self):
        """Issues with a published claim, directly or through a child issue."""
        # EXISTS stops at the first published claim of each issue; the issue table is small,
        # the claim table is not.
        links = Claim.issues.through.objects.filter(claim__is_public=True)
        return self.filter(
            Exists(links.filter(issue=OuterRef("pk")))
            | Exists(links.filter(issue__parent=OuterRef("pk")))
        )


class Issue(KeepsOldSlugs, models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True, blank=True)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )

    objects = IssueQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [
            # Search looks issues up by exact name, whatever the case.
            models.Index(Lower("name"), name="issue_lower_name_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        remember_old_slug(self)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("issue-detail", args=[self.slug])

    def clean(self) -> None:
        name = self.name.strip()
        if Issue.objects.filter(name__iexact=name).exclude(pk=self.pk).exists():
            raise ValidationError({"name": "Another issue has this name (in other capitals)."})
        if IssueAlias.objects.filter(name__iexact=name).exclude(issue_id=self.pk).exists():
            raise ValidationError({"name": "This name is another issue's alias."})
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": "An issue cannot be its own ancestor."})
            ancestor = ancestor.parent


class IssueAlias(models.Model):
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "issue aliases"
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="issue_alias_unique_name",
                violation_error_message="An issue already has this alias.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if Issue.objects.filter(name__iexact=self.name.strip()).exclude(pk=self.issue_id).exists():
            raise ValidationError(
                {
                    "name": f"\u201c{self.name}\u201d is another issue's name: as an alias it "
                    "would make a search for that issue find this one's claims too."
                }
            )


class ReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED, meeting__status=Status.PUBLISHED)

    def shown(self, drafts_too: bool):
        """What a page shows: the published reports, or all of them on a draft's page (its
        editors see its drafts, archive/views/drafts.py)."""
        return self if drafts_too else self.published()


class Report(KeepsOldSlugs, PublishedFields):
    """The source document about one meeting: a dispatch, a readout, a transcript."""

    publisher = models.ForeignKey(Publisher, on_delete=models.PROTECT, related_name="reports")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="reports")
    series = models.CharField(max_length=100, blank=True, help_text="e.g. Special Dispatch")
    number = models.CharField(max_length=50, blank=True, help_text="e.g. 9249")
    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=100, unique=True, blank=True)
    date = models.DateField()
    url = models.URLField("URL", max_length=500, blank=True)
    original_source = models.CharField(
        max_length=300, blank=True, help_text="The original the report relays, if any."
    )
    issued_by = CountryField(
        blank=True,
        help_text="The government whose own account this is or relays (a foreign ministry "
        "readout); empty for an independent report.",
    )
    relayed_by = models.ForeignKey(
        Publisher,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="relayed_reports",
        help_text="The agency or outlet whose copy this report translates or reprints "
        "(Xinhua, for a dispatch that translates Xinhua's text of a ministry's readout); "
        "empty when the report is the original.",
    )
    body = models.TextField(help_text="The full text; paragraphs separated by blank lines.")
    relayed_from = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Where in the body the account it relays begins (a character offset): the "
        "words before it are the publisher's own introduction, nobody's account. Empty when "
        "the whole body is the account.",
    )
    # The body's fingerprint, whatever its whitespace and quote marks (kept by a pre_save
    # signal, so loaddata sets it too): importing a text that is already in the archive finds
    # it with one indexed lookup.
    body_digest = models.CharField(max_length=64, editable=False, default="")

    history = HistoricalRecords(excluded_fields=["body_digest"])
    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["publisher", "series", "number"],
                condition=~Q(number=""),
                name="report_unique_publisher_series_number",
                violation_error_message="This publisher already has a report with that number.",
            ),
        ]
        indexes = [
            models.Index(fields=["meeting", "status"], name="report_meeting_status_idx"),
            # The importer's duplicate check.
            models.Index(fields=["body_digest"], name="report_body_digest_idx"),
        ]

    def __str__(self) -> str:
        return self.reference or self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.default_slug_source)
        self.stamp_publication()
        remember_old_slug(self)
        body_changed = (
            self.pk is not None
            and Report.objects.filter(pk=self.pk).exclude(body=self.body).exists()
        )
        if body_changed and not getattr(self, "correcting_claims", False):
            lost = [
                claim
                for claim in self.claims.filter(is_public=True).only("pk", "text", "start")
                if find_verbatim(self.body, claim.text, near=claim.start) is None
            ]
            if lost:
                named = "; ".join(f"claim {c.pk} (\u201c{c}\u201d)" for c in lost)
                raise ValidationError(
                    f"This edit would change the words of published claims: {named}. Correct "
                    "those claims (each with its reason), or keep their words in the text."
                )
        super().save(*args, **kwargs)
        if body_changed:
            self.relocate_claims()

    def get_absolute_url(self) -> str:
        return reverse("report-detail", args=[self.slug])

    def clean(self) -> None:
        meeting = self.meeting if self.meeting_id else None
        if self.is_published and meeting is not None and not meeting.is_published:
            raise ValidationError(
                {
                    "status": "Its meeting is a draft, so the report would stay hidden: use "
                    "the \u201cPublish\u201d action, which publishes the meeting with it, or "
                    "publish the meeting first."
                }
            )

    def relocate_claims(self) -> None:
        """Find each claim's text again in an edited body: its offsets mark it in the report
        and cut its context, and a word added before it would shift every mark. A
        published claim's words may not go (`save` refuses such an edit, naming the claims;
        the admin corrects them with the body); a draft claim whose text is gone keeps its
        offsets until its own form places it again."""
        moved = []
        for claim in self.claims.only("pk", "text", "start", "end"):
            span = find_verbatim(self.body, claim.text, near=claim.start)
            words = self.body[span[0] : span[1]] if span else None
            if span is not None and (span != (claim.start, claim.end) or words != claim.text):
                # Found again, perhaps with other spaces or quote marks: the same words, held
                # as the body now writes them (the database checks the characters).
                claim.start, claim.end = span
                claim.text = words
                moved.append(claim)
        Claim.objects.bulk_update(moved, ["start", "end", "text"], batch_size=500)

    def publish(self) -> list[PublishedFields]:
        """Make the report public with its meeting (its claims are public only when both
        are); the records changed. Raises ValidationError, changing nothing, when the
        meeting may not be published."""
        try:
            changed = self.meeting.publish()
        except ValidationError as error:
            reason = " ".join(error.messages)
            raise ValidationError(f"its meeting cannot be published: {reason}") from error
        if not self.is_published:
            self.status = Status.PUBLISHED
            self.save()
            changed.append(self)
        return changed

    @property
    def default_slug_source(self) -> str:
        if self.number and self.publisher_id:
            return f"{self.publisher.short_name} {self.series} {self.number}"
        return f"{self.date:%Y-%m-%d} {self.title}"

    @property
    def account(self) -> str:
        """Whose account the report is: "China's account", or, for a report no government
        issued, "MEMRI's report"."""
        if self.issued_by:
            return f"{possessive(self.issued_by.name)} account"
        return f"{possessive(self.publisher.short_name)} report"

    @property
    def provenance(self) -> str:
        """One line from the report's data: "China's account, via Xinhua, published by
        MEMRI"."""
        parts = [self.account]
        if self.relayed_by_id:
            parts.append(f"via {self.relayed_by.short_name}")
        if self.issued_by:
            parts.append(f"published by {self.publisher.short_name}")
        return ", ".join(parts)

    @property
    def reference(self) -> str:
        """'Special Dispatch No. 9249', or '' when the report has no number."""
        if not self.number:
            return ""
        return f"{self.series} No. {self.number}".strip()


class Footnote(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="footnotes")
    number = models.PositiveSmallIntegerField(help_text="The marker in the body: [1] is 1.")
    text = models.TextField()

    class Meta:
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="footnote_unique_number"),
        ]

    def __str__(self) -> str:
        return f"[{self.number}] {self.text[:60]}"


class ClaimQuerySet(models.QuerySet):
    def published(self):
        """Claims whose report and meeting are both published (`is_public`, kept by
        database triggers, saves two joins on every public query)."""
        return self.filter(is_public=True)

    def shown(self, drafts_too: bool):
        """What a page shows: the published claims, or all of them on a draft's page."""
        return self if drafts_too else self.published()

    def for_display(self):
        """Everything a claim card shows, in a fixed number of queries. Not its report's body:
        a dispatch's whole text (17 kB for the seed's) would come again with every claim of a
        page or an export. Nor the search text, which only the search index reads."""
        return (
            self.select_related(
                "delegation",
                "speaker__person",
                "meeting",
                "report__publisher",
                "report__relayed_by",  # the claim's provenance line
            )
            .prefetch_related(Prefetch("issues", queryset=Issue.objects.order_by("name")))
            .defer("report__body", "search_context", "search_issues")
        )

    def for_own_page(self):
        """A claim as its own page shows it: with its report's body, which it quotes around
        the claim, and its corrections."""
        return self.for_display().defer(None).prefetch_related("corrections")

    def by(self, person: Person):
        return self.filter(speaker__person=person)

    def between(self, first: str, second: str):
        """Claims made at meetings of the two countries (ISO codes) with each other."""
        return self.filter(meeting__in=Meeting.objects.between(first, second).values("pk"))

    def monthly_counts_by_issue(self, issue_ids: list[int]):
        """Rows of (first day of the meeting's month, issue id or None, claims) over the
        claims on any issue, one query: each claim counted once, under the first of
        `issue_ids` it is on, or under None when it is on none of them (a timeline's bar
        counts a claim on two issues once)."""
        links = Claim.issues.through.objects.filter(claim=OuterRef("pk"))
        first_issue = models.Case(
            *[
                models.When(Exists(links.filter(issue=pk)), then=models.Value(pk))
                for pk in issue_ids
            ],
            default=None,
            output_field=models.IntegerField(),
        )
        return (
            self.filter(Exists(links))
            .annotate(month=TruncMonth("meeting_date"), first_issue=first_issue)
            .values_list("month", "first_issue")
            .annotate(claims=Count("pk"))
            .order_by("month")
        )

    def issue_counts_by_side(self):
        """Rows of (issue id, side's country or None when joint, claims), one query."""
        return (
            Claim.issues.through.objects.filter(claim__in=self)
            .values_list("issue", "claim__delegation__country")
            .annotate(claims=Count("claim"))
            .order_by()
        )

    def in_document_order(self):
        return self.order_by("report_id", "start")

    def by_meeting_and_side(self):
        """Newest meeting first; within a meeting, each side's claims together, then joint."""
        return self.order_by(
            "-meeting_date", "meeting_id", "joint", "delegation__side", "report_id", "start"
        )

    def neighbours(self, claim: "Claim") -> tuple["Claim | None", "Claim | None"]:
        """The claims just before and after `claim` in its report."""
        siblings = self.filter(report=claim.report_id)
        return (
            siblings.filter(start__lt=claim.start).order_by("-start").first(),
            siblings.filter(start__gt=claim.start).order_by("start").first(),
        )

    def issue_rows(self):
        """One (issue, claim) row per issue of each claim, ordered by issue then date: lets a
        page group claims by issue and still paginate in the database."""
        return (
            Claim.issues.through.objects.filter(claim__in=self)
            .select_related(
                "issue",
                "claim__meeting",
                "claim__delegation",
                "claim__speaker__person",
                "claim__report__publisher",
                "claim__report__relayed_by",
            )
            .defer("claim__report__body", "claim__search_context", "claim__search_issues")
            .order_by("issue__name", "-claim__meeting__start_date", "claim__start")
        )


class ClaimHistory(HistoricalRecords):
    """A claim's history, with its issues. django-simple-history records a change of issues
    on the object it was made from, so `issue.claims.add(claim)` would look for the issue's
    history (issues keep none) and fail: such a change is recorded on each claim it touches."""

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        if not reverse:
            return super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)
        claims = kwargs["model"].objects.filter(**{attr: instance})
        if action == "pre_clear":  # after the clear, nothing says which claims it touched
            instance._claims_in_history = list(claims)
        elif action in ("post_add", "post_remove", "post_clear"):
            if action == "post_clear":
                touched = instance.__dict__.pop("_claims_in_history", [])
            else:
                touched = kwargs["model"].objects.filter(pk__in=pk_set or [])
            for claim in touched:
                super().m2m_changed(claim, action, attr, pk_set, False, **kwargs)


class Claim(models.Model):
    """One quoted or reported statement, verbatim from its report's body."""

    class Kind(models.TextChoices):
        STATEMENT = "statement", "Statement"
        POSITION = "position", "Position"
        DEMAND = "demand", "Demand"
        ACCUSATION = "accusation", "Accusation"
        DENIAL = "denial", "Denial"
        WARNING = "warning", "Warning"
        PROPOSAL = "proposal", "Proposal"
        COMMITMENT = "commitment", "Commitment"
        AGREEMENT = "agreement", "Agreement"
        DISCUSSION = "discussion", "Discussion"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="claims")
    # The report's meeting, copied on save: claims are filtered by meeting and date far more
    # often than they are read with their report.
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="claims", editable=False
    )
    text = models.TextField(help_text="Exactly as the report's body has it.")
    start = models.PositiveIntegerField(
        blank=True, help_text="Offset of the text in the body; found automatically."
    )
    end = models.PositiveIntegerField(blank=True)
    joint = models.BooleanField(
        default=False, help_text="Said or agreed by both sides (no single side)."
    )
    delegation = models.ForeignKey(
        Delegation,
        verbose_name="side",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims",
    )
    speaker = models.ForeignKey(
        Participation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims",
        help_text="Only when the report names who said it.",
    )
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.STATEMENT)
    # Blank allowed: an import may save claims before an editor gives them issues; the
    # meeting's pages list them under "Not yet assigned to an issue".
    issues = models.ManyToManyField(Issue, related_name="claims", blank=True)
    # Text from related rows that search should find the claim by, beside `text`: who said it
    # (the speaker's names, the side's country) and what it is about (its issues' names and
    # aliases). archive/search/document.py keeps both current. Never its report's or
    # meeting's title: those words would make every claim of the report match. The issues'
    # column keeps the database name of the column it replaced: the search indexes and
    # triggers built on it stay as they are.
    search_context = models.TextField(blank=True, editable=False)
    search_issues = models.TextField(blank=True, editable=False, db_column="search_source")
    # True when both the report and the meeting are published. Database triggers keep it
    # (archive/publication.py), so it holds after QuerySet.update() and bulk loads too.
    is_public = models.BooleanField(default=False, editable=False)
    # The meeting's start date, kept by the same triggers: listings sort and filter claims by
    # date, and a column on the claim spares them a join over every claim.
    meeting_date = models.DateField(null=True, editable=False)

    history = ClaimHistory(
        m2m_fields=[issues],
        excluded_fields=["search_context", "search_issues", "is_public", "meeting_date"],
    )
    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["report", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(joint=True, delegation__isnull=True, speaker__isnull=True)
                | Q(joint=False, delegation__isnull=False),
                name="claim_has_one_side_or_is_joint",
                violation_error_message="A claim has a side, or is joint with no side.",
            ),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="claim_span_not_empty"),
        ]
        indexes = [
            # Meeting pages.
            models.Index(fields=["meeting", "start"], name="claim_meeting_idx"),
            # The claims listing, newest or oldest first, its date range, histogram and years.
            models.Index(
                fields=["meeting_date", "meeting", "id"],
                condition=Q(is_public=True),
                name="claim_public_date_idx",
            ),
            # The facets' counts group public claims by one column first: narrow indexes of
            # public claims let PostgreSQL count a million of them without reading the table
            # (measured: 469 -> 80 ms for the kinds). The id serves the other filters.
            *[
                models.Index(
                    fields=[column, "id"], condition=Q(is_public=True), name=f"claim_public_{n}_idx"
                )
                for column, n in [
                    ("delegation", "side"),  # the side's country
                    ("speaker", "speaker"),  # the official
                    ("meeting", "meeting"),  # the meeting
                    ("report", "report"),  # the publisher
                    ("kind", "kind"),  # the kind of claim
                ]
            ],
        ]

    def __str__(self) -> str:
        # No quotation marks: the admin quotes a record in its messages already.
        return self.text if len(self.text) <= 80 else self.text[:77] + "..."

    def save(self, *args, **kwargs):
        self.meeting_id = self.report.meeting_id
        if self.start is None or self.end is None:
            span = find_verbatim(self.report.body, self.text)
            if span is None:
                raise ValidationError({"text": "This text does not occur in the report's body."})
            self.start, self.end = span
            # The body's own characters: a claim typed with straight quotes or other spaces
            # is the same words, and the database holds claims to the exact characters.
            self.text = self.report.body[self.start : self.end]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("claim-detail", args=[self.pk])

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.report_id is None:
            return
        span = find_verbatim(self.report.body, self.text, near=self.start)
        if span is None:
            passage = closest_passage(self.report.body, self.text)
            hint = (
                f" The closest passage in the report is: \u201c{passage}\u201d" if passage else ""
            )
            errors["text"] = "This text does not occur in the report's body." + hint
        else:
            self.start, self.end = span
            self.text = self.report.body[self.start : self.end]  # the body's own characters
        if self.joint and (self.delegation_id or self.speaker_id):
            errors["joint"] = "A joint claim belongs to both sides: leave side and speaker empty."
        if not self.joint and not self.delegation_id:
            errors["delegation"] = "Choose the side that made this claim, or mark it joint."
        if self.delegation_id and self.delegation.meeting_id != self.report.meeting_id:
            errors["delegation"] = "This side belongs to another meeting than the report's."
        if self.speaker_id and self.speaker.delegation_id != self.delegation_id:
            errors["speaker"] = f"{self.speaker.person} is not a member of this side."
        if errors:
            raise ValidationError(errors)

    @property
    def side_label(self) -> str:
        return "Both sides" if self.joint else self.delegation.label

    @property
    def in_introduction(self) -> bool:
        """Whether the claim stands in the publisher's own introduction, before the account
        the report relays ("talks described by Washington as 'tough and direct'")."""
        relayed_from = self.report.relayed_from
        return relayed_from is not None and self.start < relayed_from

    @property
    def provenance(self) -> str:
        """Whose account the words come from: the report's, or, in its introduction, the
        publisher's own text."""
        report = self.report
        if self.in_introduction:
            return (
                f"{possessive(report.publisher.short_name)} introduction to the account it relays"
            )
        return report.provenance

    @property
    def reported_by(self) -> str:
        """The government whose account puts these words in another side's mouth, or
        gives them as both sides' (a U.S. claim in China's account gives "China"), else "":
        such a claim is what one side says was said."""
        issuer = self.report.issued_by
        if self.in_introduction or not issuer:
            return ""
        if not self.joint and self.delegation.country == issuer:
            return ""
        return issuer.name

    @property
    def side_class(self) -> str:
        """CSS class for the side's mark; always shown with `side_label`, never alone."""
        return "side-joint" if self.joint else self.delegation.mark


SYNONYM_SEPARATOR = re.compile(r"[\n;]+")


class Synonym(models.Model):
    """A set of search terms that mean the same (CPC, CCP, Communist Party of China)."""

    terms = models.TextField(help_text="One term per line; all of them are searched together.")
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["terms"]

    def __str__(self) -> str:
        return " = ".join(self.term_list)

    def clean(self) -> None:
        terms = self.term_list
        if len({t.lower() for t in terms}) < 2:
            raise ValidationError({"terms": "Give at least two different terms."})
        self.terms = "\n".join(terms)

    @property
    def term_list(self) -> list[str]:
        return [t.strip() for t in SYNONYM_SEPARATOR.split(self.terms) if t.strip()]


LOCAL_PATH = RegexValidator(r"^/(?!/)", "An address on this site, starting with a single /.")


class WithdrawnClaim(models.Model):
    """What a deleted claim was, so that its permanent address still answers: 410 Gone with
    this record, or a permanent redirect when it was merged into another claim. Plain text
    and addresses, not foreign keys: the report may be deleted in the same operation."""

    claim_id = models.PositiveBigIntegerField(unique=True)
    text = models.TextField()
    side = models.CharField(max_length=100)
    meeting_title = models.CharField(max_length=400)
    # Addresses on this site, shown as links on the claim's tombstone: never another scheme.
    meeting_url = models.CharField(max_length=200, validators=[LOCAL_PATH])
    report_title = models.CharField(max_length=500)
    report_url = models.CharField(max_length=200, validators=[LOCAL_PATH])
    reason = models.TextField(help_text="Shown to readers who follow the claim's link.")
    # A plain id, not a foreign key: when the survivor is itself merged or withdrawn later,
    # the chain of tombstones still leads on (a foreign key would be set to NULL).
    merged_into = models.PositiveBigIntegerField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-withdrawn_at"]

    def __str__(self) -> str:
        return f"Claim {self.claim_id} (withdrawn)"

    @classmethod
    def current_address_of(cls, claim_id: int) -> "Claim | WithdrawnClaim | None":
        """Follow merges from a deleted claim to the public claim that absorbed it; else the
        last tombstone on the way (None when the id never was a public claim)."""
        tombstone, seen = None, set()
        while claim_id not in seen:
            seen.add(claim_id)
            claim = Claim.objects.published().filter(pk=claim_id).first()
            if claim is not None and tombstone is not None:
                return claim
            step = cls.objects.filter(claim_id=claim_id).first()
            if step is None:
                return tombstone
            tombstone = step
            if step.merged_into is None:
                return tombstone
            claim_id = step.merged_into
        return tombstone

    @classmethod
    def record(cls, claim: Claim, reason: str, merged_into: Claim | None = None) -> None:
        cls.objects.update_or_create(
            claim_id=claim.pk,
            defaults={
                "text": claim.text,
                "side": claim.side_label,
                "meeting_title": str(claim.meeting),
                "meeting_url": claim.meeting.get_absolute_url(),
                "report_title": claim.report.title,
                "report_url": claim.report.get_absolute_url(),
                "reason": reason,
                "merged_into": merged_into.pk if merged_into else None,
            },
        )


class Revision(models.Model):
    """A number that grows whenever an editor changes the archive, and with it a `Change`
    naming what changed: a process's copy of the facet values (archive/facet_index.py) is
    brought to the current revision by reading those rows again.

    Writers take the revision row's lock (an UPDATE) until they commit, so revisions are
    committed in their order: a reader that sees revision N sees every change up to N."""

    number = models.PositiveBigIntegerField(default=0)

    KEY = 1

    def __str__(self) -> str:
        return f"Revision {self.number}"

    @classmethod
    def current(cls) -> int:
        return cls.objects.filter(pk=cls.KEY).values_list("number", flat=True).first() or 0

    @classmethod
    def bump(cls, table: str = "", rows: Iterable[int] = ()) -> int:
        """Move the revision on and record what changed: rows of a table (by the model's
        name: "claim", "meeting", ...), or, with no table, anything (bulk loads and raw SQL;
        readers then copy the whole archive again)."""
        with transaction.atomic():
            if not cls.objects.filter(pk=cls.KEY).update(number=F("number") + 1):
                cls.objects.get_or_create(pk=cls.KEY, defaults={"number": 1})
            number = cls.current()
            changes = [Change(revision=number, table=table, row=row) for row in rows]
            Change.objects.bulk_create(changes or [Change(revision=number, table=table)])
            if number % Change.PRUNE_EVERY == 0:
                Change.objects.filter(revision__lte=number - Change.KEPT).delete()
        return number


class Change(models.Model):
    """One row changed at a revision (no table: anything may have changed). Every revision
    has at least one, so a copy that finds the revision after its own missing (pruned) reads
    everything again."""

    KEPT = 50_000  # revisions whose changes are kept
    PRUNE_EVERY = 1000

    revision = models.PositiveBigIntegerField(db_index=True)
    table = models.CharField(max_length=40, blank=True)
    row = models.BigIntegerField(null=True)

    def __str__(self) -> str:
        return f"{self.table or 'everything'} {self.row or ''} at revision {self.revision}"

    @classmethod
    def touched(cls, since: int, tables: Iterable[str]) -> bool:
        """Whether a change after revision `since` may have touched one of `tables` (by the
        model's name): one of them, a bulk change, or changes pruned since."""
        after = cls.objects.filter(revision__gt=since)
        first = after.order_by("revision").values_list("revision", flat=True).first()
        if first is None:
            return False
        return first > since + 1 or after.filter(table__in=["", *tables]).exists()


class Correction(models.Model):
    """A published claim's words, side or speaker corrected by an editor: what they were,
    when, and why. A published claim changes only this way, and its page says so."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="corrections")
    corrected_at = models.DateTimeField(default=timezone.now)
    reason = models.TextField()
    previous_text = models.TextField()
    previous_side = models.CharField(max_length=200)  # the side's label then ("China")
    previous_speaker = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["corrected_at", "pk"]
        indexes = [
            # A claim's corrections on its page and in the feed's updated date.
            models.Index(fields=["claim", "corrected_at"], name="correction_claim_idx")
        ]

    def __str__(self) -> str:
        return f"Correction of claim {self.claim_id} on {self.corrected_at:%Y-%m-%d}"

    # The fields of a claim that a correction records; changing any of them once the claim
    # is published needs a reason.
    CORRECTED = ("text", "joint", "delegation_id", "speaker_id")

    @classmethod
    def needed(cls, stored: "Claim", changed: "Claim") -> bool:
        return stored.is_public and any(
            getattr(stored, name) != getattr(changed, name) for name in cls.CORRECTED
        )

    @classmethod
    def of(cls, stored: "Claim", reason: str) -> "Correction":
        """The record of `stored` (the claim as it was) corrected for `reason`."""
        speaker = stored.speaker.person.name if stored.speaker_id else ""
        return cls.objects.create(
            claim_id=stored.pk,
            reason=reason,
            previous_text=stored.text,
            previous_side=stored.side_label,
            previous_speaker=speaker,
        )


class RequestCount(models.Model):
    """How many expensive requests (exports, searches) one address made in one minute: the
    rate limit's counter, shared by every worker (archive/ratelimit.py writes it with one
    atomic statement)."""

    bucket = models.CharField(max_length=120)  # "searches:203.0.113.5"
    minute = models.BigIntegerField()  # seconds since the epoch // 60
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            # ON CONFLICT (bucket, minute) needs it; it also serves the count's lookup.
            models.UniqueConstraint(fields=["bucket", "minute"], name="request_count_unique")
        ]
        indexes = [
            # The deletion of past minutes.
            models.Index(fields=["minute"], name="request_count_minute_idx")
        ]

    def __str__(self) -> str:
        return f"{self.bucket} at minute {self.minute}: {self.count}"
