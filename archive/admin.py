from collections import Counter
from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import model_ngettext, quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django_countries import countries
from simple_history.admin import SimpleHistoryAdmin

from archive.admin_corrections import ClaimForm
from archive.admin_import.views import import_report
from archive.admin_locking import RefusesStaleSaves
from archive.models import (
    Claim,
    Correction,
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

admin.site.site_header = "Bilateral Meeting Archive: editors"
admin.site.site_title = "Archive editors"


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Readers who follow the claim's link see this, with what the claim was.",
    )


def object_being_edited(request, model):
    """The parent object of the change form an inline is rendered in, if any."""
    match = request.resolver_match
    object_id = match.kwargs.get("object_id") if match else None
    if object_id is None:
        return None
    return model._default_manager.filter(pk=object_id).first()


def change_publication(modeladmin, request, queryset, publish: bool) -> None:
    """Publish or unpublish each selected record, saving each (so its history records who
    and when) in one transaction; a record refused is left as it was and named to the
    editor with the reason, the others go through."""
    changed, refused = [], []
    with transaction.atomic():
        for record in queryset:
            try:
                changed += record.publish() if publish else record.unpublish()
            except ValidationError as error:
                refused.append(f"{record}: {' '.join(error.messages)}")
    verb = "Published" if publish else "Unpublished"
    counts = Counter(type(record) for record in changed)
    done = ", ".join(f"{n} {model_ngettext(model._meta, n)}" for model, n in counts.items())
    level = messages.SUCCESS if changed else messages.INFO
    modeladmin.message_user(request, f"{verb} {done or 'nothing'}.", level)
    if refused:
        modeladmin.message_user(
            request, f"Not published ({len(refused)}): " + "; ".join(refused), messages.ERROR
        )


class PublicationActions:
    """Publish and Unpublish in the change list of a model with PublishedFields, and as
    buttons on a record's change form, which run the same action on that one record."""

    actions = ["publish", "unpublish"]
    change_form_template = "admin/archive/change_form_publication.html"

    @admin.action(description="Publish selected %(verbose_name_plural)s", permissions=["change"])
    def publish(self, request, queryset):
        change_publication(self, request, queryset, publish=True)

    @admin.action(
        description="Unpublish selected %(verbose_name_plural)s (make them drafts)",
        permissions=["change"],
    )
    def unpublish(self, request, queryset):
        change_publication(self, request, queryset, publish=False)

    def get_urls(self):
        opts = self.opts
        return [
            *(
                path(
                    f"<path:object_id>/{verb}/",
                    self.admin_site.admin_view(
                        partial(self.publication_button, publish=verb == "publish")
                    ),
                    name=f"{opts.app_label}_{opts.model_name}_{verb}",
                )
                for verb in ("publish", "unpublish")
            ),
            *super().get_urls(),
        ]

    def publication_button(self, request, object_id: str, publish: bool):
        """The change form's Publish or Unpublish button: the change list's action, with its
        permission and its messages, on this one record; then back to its form."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        record = self.get_object(request, unquote(object_id))
        if record is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, record):
            raise PermissionDenied
        action = self.publish if publish else self.unpublish
        action(request, self.get_queryset(request).filter(pk=record.pk))
        opts = self.opts
        return HttpResponseRedirect(
            reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change",
                args=[quote(record.pk)],
                current_app=self.admin_site.name,
            )
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and self.has_change_permission(request, obj):
            context["publication"] = publication_state(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)


def publication_state(record) -> dict:
    """Whether readers see `record`, said in words, and which buttons its form offers: a
    report is public only with its meeting, and publishing it publishes the meeting too."""
    meeting = record.meeting if isinstance(record, Report) else None
    if meeting is not None and record.is_published and not meeting.is_published:
        state = "Not public: its meeting is a draft"
    else:
        state = "Public" if record.is_published else "Draft: not public"
    public = record.is_published and (meeting is None or meeting.is_published)
    return {"state": state, "publish": not public, "unpublish": record.is_published}


class DelegationInline(admin.TabularInline):
    model = Delegation
    extra = 0
    min_num = 2
    max_num = 2
    fields = ["side", "country"]


class ParticipationInline(admin.TabularInline):
    """People of both delegations; save the delegations first on a new meeting."""

    model = Participation
    fk_name = "meeting"
    extra = 0
    fields = ["delegation", "person", "title", "is_head", "order"]
    autocomplete_fields = ["person"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "delegation":
            meeting = object_being_edited(request, Meeting)
            kwargs["queryset"] = Delegation.objects.filter(meeting=meeting).select_related(
                "meeting"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def countries_in_use(
    path: str, title: str = "country", held_by: str = "delegation"
) -> type[admin.SimpleListFilter]:
    """A list filter of the countries in the archive (a CountryField offers all 250, which
    pushes the other filters far down): read from the small table that holds them
    (`held_by`: delegations, or reports for `issued_by`), not from the listed rows."""

    class CountriesInUse(admin.SimpleListFilter):
        parameter_name = path

        def lookups(self, request, model_admin):
            table = Report if held_by == "report" else Delegation
            field = "issued_by" if held_by == "report" else "country"
            codes = table.objects.order_by().values_list(field, flat=True).distinct()
            names = {code: countries.name(code) for code in codes if code}
            return sorted(names.items(), key=lambda item: item[1])

        def queryset(self, request, queryset):
            if self.value():
                return queryset.filter(**{path: self.value()}).distinct()
            return queryset

    CountriesInUse.title = title
    return CountriesInUse


@admin.register(Meeting)
class MeetingAdmin(RefusesStaleSaves, PublicationActions, SimpleHistoryAdmin):
    list_display = ["title", "start_date", "end_date", "place", "format", "status", "claims"]
    list_filter = ["status", "format", countries_in_use("delegations__country"), "start_date"]
    search_fields = ["title", "place", "summary", "slug"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["related_meetings"]
    readonly_fields = ["published_at"]
    inlines = [DelegationInline, ParticipationInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "start_date", "end_date", "place", "format"]}),
        ("Description", {"fields": ["summary", "related_meetings"]}),
        ("Publication", {"fields": ["status", "published_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claim_total=Count("claims"))

    @admin.display(description="claims", ordering="claim_total")
    def claims(self, meeting: Meeting) -> int:
        return meeting.claim_total


@admin.register(Delegation)
class DelegationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "meeting", "side", "country"]
    list_filter = [countries_in_use("country")]
    list_select_related = ["meeting"]
    search_fields = ["meeting__title", "country"]
    autocomplete_fields = ["meeting"]


class FootnoteInline(admin.TabularInline):
    model = Footnote
    extra = 0


class ClaimInline(admin.StackedInline):
    model = Claim
    form = ClaimForm
    extra = 0
    fields = [("joint", "delegation", "speaker", "kind"), "text", "issues", "correction_reason"]
    autocomplete_fields = ["issues"]
    show_change_link = True

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        report = object_being_edited(request, Report)
        meeting_id = report.meeting_id if report else None
        if db_field.name == "delegation":
            kwargs["queryset"] = Delegation.objects.filter(meeting_id=meeting_id).select_related(
                "meeting"
            )
        elif db_field.name == "speaker":
            kwargs["queryset"] = Participation.objects.filter(meeting_id=meeting_id).select_related(
                "person"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Report)
class ReportAdmin(RefusesStaleSaves, PublicationActions, SimpleHistoryAdmin):
    actions = [*PublicationActions.actions, "unpublish_with_meetings"]
    list_display = ["title", "reference", "publisher", "date", "meeting", "status", "claims"]
    list_filter = [
        "status",
        "publisher",
        countries_in_use("issued_by", "issued by", held_by="report"),
        "date",
    ]
    list_select_related = ["publisher", "meeting"]
    search_fields = ["title", "number", "series", "original_source", "slug"]
    date_hierarchy = "date"
    autocomplete_fields = ["meeting", "publisher", "relayed_by"]
    readonly_fields = ["published_at"]
    inlines = [FootnoteInline, ClaimInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "publisher", ("series", "number"), "date"]}),
        ("Source", {"fields": ["url", "original_source", "relayed_by", "issued_by", "meeting"]}),
        ("Text", {"fields": ["body"]}),
        ("Publication", {"fields": ["status", "published_at"]}),
    ]

    def save_model(self, request, obj, form, change):
        # The claims' forms on this page have checked every claim against the new text, and
        # a published claim whose words change is corrected there, with its reason, right
        # after the report is saved.
        obj.correcting_claims = True
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        for claim_form in formset.forms:
            if isinstance(claim_form, ClaimForm):
                claim_form.record_correction()

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claim_total=Count("claims"))

    @admin.display(description="claims", ordering="claim_total")
    def claims(self, report: Report) -> int:
        return report.claim_total

    @admin.action(
        description="Unpublish selected %(verbose_name_plural)s (make them drafts)",
        permissions=["change"],
    )
    def unpublish(self, request, queryset):
        meetings = {report.meeting for report in queryset.select_related("meeting")}
        change_publication(self, request, queryset, publish=False)
        self.tell_what_stays_public(request, meetings)

    @admin.action(
        description="Unpublish selected reports, and their meetings when no other published "
        "report keeps them public",
        permissions=["change"],
    )
    def unpublish_with_meetings(self, request, queryset):
        meetings = {report.meeting for report in queryset.select_related("meeting")}
        change_publication(self, request, queryset, publish=False)
        orphans = Meeting.objects.filter(pk__in=[m.pk for m in meetings]).left_public()
        if orphans.exists():
            change_publication(self, request, orphans, publish=False)
        self.tell_what_stays_public(request, meetings)

    def tell_what_stays_public(self, request, meetings) -> None:
        """After reports are unpublished, say which of their meetings are still public:
        kept by another published report, or left public with none (and how to unpublish
        it), so an editor never believes a meeting hidden that readers can still open."""
        pks = [m.pk for m in meetings]
        for meeting in Meeting.objects.filter(pk__in=pks).published().order_by("title"):
            kept = meeting.reports.published().count()
            if kept:
                self.message_user(
                    request,
                    f"Still public: the meeting \u201c{meeting}\u201d, which {kept} other "
                    f"published report{'s' if kept > 1 else ''} keep{'' if kept > 1 else 's'}.",
                    messages.INFO,
                )
            else:
                self.message_user(
                    request,
                    f"Still public: the meeting \u201c{meeting}\u201d, with no published report "
                    "now (its page shows its delegations and summary). Unpublish it from the "
                    "meetings list, or choose \u201cUnpublish selected reports, and their "
                    "meetings\u201d next time.",
                    messages.WARNING,
                )

    def get_urls(self):
        importing = self.admin_site.admin_view(partial(import_report, self))
        return [
            path("import/", importing, name="archive_report_import"),
            *super().get_urls(),
        ]


@admin.register(Publisher)
class PublisherAdmin(admin.ModelAdmin):
    list_display = ["name", "url"]
    search_fields = ["name"]


@admin.register(Footnote)
class FootnoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "report", "number"]
    list_select_related = ["report__publisher"]
    search_fields = ["text", "report__title"]
    autocomplete_fields = ["report"]


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 1


@admin.register(Person)
class PersonAdmin(RefusesStaleSaves, SimpleHistoryAdmin):
    list_display = ["name", "sort_name", "wikidata_id", "meetings"]
    search_fields = ["name", "sort_name", "aliases__name", "slug"]
    inlines = [PersonAliasInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(meeting_total=Count("participations"))

    @admin.display(description="meetings", ordering="meeting_total")
    def meetings(self, person: Person) -> int:
        return person.meeting_total


@admin.register(PersonAlias)
class PersonAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "person"]
    list_select_related = ["person"]
    search_fields = ["name", "person__name"]
    autocomplete_fields = ["person"]


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = ["person", "title", "delegation", "meeting", "is_head"]
    list_filter = ["is_head", countries_in_use("delegation__country")]
    list_select_related = ["person", "delegation__meeting", "meeting"]
    search_fields = ["person__name", "title", "meeting__title"]
    autocomplete_fields = ["person", "delegation"]


class IssueAliasInline(admin.TabularInline):
    model = IssueAlias
    extra = 1


@admin.register(Issue)
class IssueAdmin(RefusesStaleSaves, admin.ModelAdmin):
    # Not "claims": the admin would read the model's relation of that name, not the method.
    list_display = ["name", "parent", "claim_count"]
    list_select_related = ["parent"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "aliases__name", "slug"]
    autocomplete_fields = ["parent"]
    inlines = [IssueAliasInline]
    # The count's GROUP BY drops the model's ordering: the autocomplete pages by it.
    ordering = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claim_total=Count("claims"))

    @admin.display(description="claims", ordering="claim_total")
    def claim_count(self, issue: Issue) -> int:
        return issue.claim_total


@admin.register(IssueAlias)
class IssueAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "issue"]
    list_select_related = ["issue"]
    search_fields = ["name", "issue__name"]
    autocomplete_fields = ["issue"]


@admin.register(Claim)
class ClaimAdmin(RefusesStaleSaves, SimpleHistoryAdmin):
    list_display = ["__str__", "side", "speaker", "kind", "issue_names", "meeting", "report"]
    list_filter = [
        "kind",
        "joint",
        countries_in_use("delegation__country", "side"),
        "issues",
        "report__publisher",
        "is_public",
    ]
    list_select_related = ["delegation", "speaker__person", "meeting", "report__publisher"]
    search_fields = [
        "text",
        "speaker__person__name",
        "issues__name",
        "report__number",
        "report__title",
        "meeting__title",
    ]
    autocomplete_fields = ["report", "issues"]
    form = ClaimForm
    readonly_fields = ["start", "end"]
    fields = [
        "report",
        "text",
        ("joint", "delegation", "speaker"),
        "kind",
        "issues",
        "correction_reason",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("issues")

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        return [*fields, ("start", "end")] if obj else fields

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        form.record_correction()

    def get_autocomplete_fields(self, request):
        """A new claim's side and speaker are searched for, not listed: every delegation
        and participation of the archive (about 49,000 and 100,000 at a million claims).
        An existing claim lists its meeting's few."""
        fields = super().get_autocomplete_fields(request)
        if object_being_edited(request, Claim) is None:
            return [*fields, "delegation", "speaker"]
        return fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        claim = object_being_edited(request, Claim)
        if claim is not None and db_field.name == "delegation":
            kwargs["queryset"] = Delegation.objects.filter(
                meeting_id=claim.meeting_id
            ).select_related("meeting")
        elif claim is not None and db_field.name == "speaker":
            kwargs["queryset"] = Participation.objects.filter(
                meeting_id=claim.meeting_id
            ).select_related("person")
        elif db_field.name == "speaker":
            kwargs["queryset"] = Participation.objects.select_related("person")
        elif db_field.name == "delegation":
            kwargs["queryset"] = Delegation.objects.select_related("meeting")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    actions = ["withdraw", "merge"]

    @admin.action(description="Withdraw selected claims (their links will say why)")
    def withdraw(self, request, queryset):
        form = WithdrawForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            claims = list(queryset.select_related("report", "meeting", "delegation"))
            with transaction.atomic():
                for claim in claims:
                    claim.withdrawal_reason = form.cleaned_data["reason"]
                    claim.delete()
            self.message_user(request, f"Withdrew {len(claims)} claim(s).")
            return None
        return TemplateResponse(
            request,
            "admin/archive/claim/withdraw.html",
            {
                **self.admin_site.each_context(request),
                "claims": queryset,
                "form": form,
                "opts": self.model._meta,
                "action": "withdraw",
            },
        )

    @admin.action(description="Merge selected duplicates into the oldest of them")
    def merge(self, request, queryset):
        claims = list(queryset.order_by("pk").select_related("report", "meeting", "delegation"))
        if len(claims) < 2 or len({c.meeting_id for c in claims}) > 1:
            self.message_user(
                request,
                "Choose two or more claims of the same meeting to merge.",
                messages.ERROR,
            )
            return None
        survivor, absorbed = claims[0], claims[1:]
        with transaction.atomic():
            for claim in absorbed:
                survivor.issues.add(*claim.issues.all())
                claim.withdrawal_reason = f"A duplicate of claim {survivor.pk}, merged into it."
                claim.merged_into = survivor
                claim.delete()
        self.message_user(
            request,
            f"Merged {len(absorbed)} claim(s) into claim {survivor.pk}; "
            "their links now lead to it.",
        )
        return None

    @admin.display(description="side", ordering="delegation__country")
    def side(self, claim: Claim) -> str:
        return claim.side_label

    @admin.display(description="issues")
    def issue_names(self, claim: Claim) -> str:
        return ", ".join(issue.name for issue in claim.issues.all())


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]


@admin.register(OldSlug)
class OldSlugAdmin(admin.ModelAdmin):
    """Old addresses that redirect: filled automatically when a slug changes."""

    list_display = ["slug", "model", "object_id", "retired_at"]
    list_filter = ["model"]
    search_fields = ["slug"]
    readonly_fields = ["model", "slug", "object_id", "retired_at"]

    def has_add_permission(self, request):
        return False


@admin.register(WithdrawnClaim)
class WithdrawnClaimAdmin(admin.ModelAdmin):
    """Tombstones of deleted claims; the reason can be corrected."""

    list_display = ["claim_id", "side", "meeting_title", "merged_into", "withdrawn_at"]
    search_fields = ["text", "reason", "meeting_title", "report_title"]
    readonly_fields = [
        "claim_id",
        "text",
        "side",
        "meeting_title",
        "meeting_url",
        "report_title",
        "report_url",
        "merged_into",
        "withdrawn_at",
    ]

    def has_add_permission(self, request):
        return False


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    """Corrections are made on a claim's form; here they are read."""

    list_display = ["claim", "corrected_at", "reason"]
    list_select_related = ["claim"]
    search_fields = ["reason", "previous_text", "claim__text"]
    date_hierarchy = "corrected_at"
    readonly_fields = [
        "claim",
        "corrected_at",
        "reason",
        "previous_text",
        "previous_side",
        "previous_speaker",
    ]

    def has_add_permission(self, request) -> bool:
        return False
