"""The forms of the admin's "Import a report": the text to read, then the review of what the
importer proposes (the report and its meeting, the officials, the claims), which becomes an
`ImportPlan` for the builder once every rule of the archive holds."""

import dataclasses
import json

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms import formset_factory
from django.forms.widgets import ChoiceWidget
from django_countries import countries

from archive.admin_locking import fingerprint
from archive.ingest.builder import (
    FIRST,
    SECOND,
    ClaimPlan,
    ImportPlan,
    OfficialPlan,
    plan_from_proposal,
)
from archive.ingest.proposal import Proposal
from archive.ingest.uploads import MAX_UPLOAD_BYTES, UnreadableText, checked_text, text_of_upload
from archive.models import Claim, Issue, Meeting, Person, Publisher
from archive.text import closest_passage, find_verbatim

COUNTRY_CHOICES = [("", "\u2014"), *countries]
SIDE_CHOICES = [(str(FIRST), "First side"), (str(SECOND), "Second side")]
JOINT = "joint"
WIDE = {"class": "vTextField"}  # long text: admin-import.css gives it the row's width


class IssueSearch(AutocompleteSelectMultiple):
    """The claim form's issue search (select2 over IssueAdmin's search_fields), over a select
    that lists every issue rather than only the chosen ones: without JavaScript it is a
    plain multiple choice. Either way it posts the issues' ids."""

    def optgroups(self, name, value, attrs=None):
        return ChoiceWidget.optgroups(self, name, value, attrs)


class TextForm(forms.Form):
    text = forms.CharField(
        label="Paste the text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 16, "cols": 100}),
        help_text="The whole dispatch or readout, as published.",
    )
    file = forms.FileField(
        label="or upload a file",
        required=False,
        help_text=f"A .txt file (UTF-8 or Windows-1252) or an .html page, at most "
        f"{MAX_UPLOAD_BYTES // 1024 // 1024} MB.",
    )
    address = forms.URLField(
        label="Found at",
        max_length=500,
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"class": "vURLField"}),
        help_text="The address of the page, if you have it: a government's own site tells "
        "whose account the text is, and the address often gives the year.",
    )

    def clean(self):
        data = super().clean()
        upload, text = data.get("file"), data.get("text") or ""
        if upload and text.strip():
            raise ValidationError("Paste the text or upload a file, not both.")
        try:
            if upload:
                data["text"] = text_of_upload(upload.name, upload.read(MAX_UPLOAD_BYTES + 1))
            else:
                data["text"] = checked_text(text, "The pasted text")
        except UnreadableText as problem:
            raise ValidationError(str(problem)) from None
        return data


class ReviewForm(forms.Form):
    """The report and its meeting."""

    body = forms.CharField(widget=forms.HiddenInput, strip=False)
    # Where in the body the relayed account begins: claims before it are the publisher's
    # own introduction, nobody's account.
    relayed_from = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    footnotes = forms.CharField(widget=forms.HiddenInput, required=False)
    # The records the review offers to reuse (meeting, people, publisher), as they were when
    # it was shown: a save refuses to build on one changed since (archive/admin_locking.py).
    reused = forms.CharField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(max_length=500, widget=forms.TextInput(attrs=WIDE))
    publisher = forms.ModelChoiceField(
        Publisher.objects.order_by("name"), required=False, empty_label="\u2014 new \u2014"
    )
    new_publisher = forms.CharField(label="or a new publisher", max_length=200, required=False)
    series = forms.CharField(max_length=100, required=False)
    number = forms.CharField(max_length=50, required=False)
    date = forms.DateField(help_text="The report's date, YYYY-MM-DD.")
    url = forms.URLField(
        label="URL",
        max_length=500,
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"class": "vURLField"}),
    )
    original_source = forms.CharField(
        max_length=300, required=False, widget=forms.TextInput(attrs=WIDE)
    )
    issued_by = forms.ChoiceField(choices=COUNTRY_CHOICES, required=False)
    meeting = forms.ModelChoiceField(
        Meeting.objects.none(),
        required=False,
        empty_label="\u2014 a new meeting, as below \u2014",
        label="Existing meeting",
    )
    meeting_title = forms.CharField(
        max_length=300, required=False, widget=forms.TextInput(attrs=WIDE)
    )
    start_date = forms.DateField(required=False)
    end_date = forms.DateField(required=False)
    place = forms.CharField(max_length=200, required=False)
    format = forms.ChoiceField(choices=Meeting.Format.choices)
    first_country = forms.ChoiceField(choices=COUNTRY_CHOICES, required=False)
    second_country = forms.ChoiceField(choices=COUNTRY_CHOICES, required=False)

    REPORT_FIELDS = [
        "title",
        "publisher",
        "new_publisher",
        "series",
        "number",
        "date",
        "issued_by",
        "url",
        "original_source",
    ]
    MEETING_FIELDS = [
        "meeting",
        "meeting_title",
        "start_date",
        "end_date",
        "place",
        "format",
        "first_country",
        "second_country",
    ]

    def __init__(self, *args, meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.filter(pk__in=meetings)

    def report_fields(self):
        return [self[name] for name in self.REPORT_FIELDS]

    def meeting_fields(self):
        return [self[name] for name in self.MEETING_FIELDS]

    def clean_footnotes(self):
        try:
            notes = json.loads(self.cleaned_data["footnotes"] or "[]")
            return [(int(number), str(text)) for number, text in notes]
        except (ValueError, TypeError):
            raise ValidationError("The footnotes were damaged; start the import again.") from None

    def clean(self):
        data = super().clean()
        if not data.get("publisher") and not (data.get("new_publisher") or "").strip():
            self.add_error("publisher", "Choose the publisher, or name a new one.")
        if data.get("meeting") is None:
            first, second = data.get("first_country"), data.get("second_country")
            if not first or not second or first == second:
                self.add_error("second_country", "A new meeting needs two different countries.")
            if not data.get("start_date"):
                self.add_error("start_date", "A new meeting needs the date it started.")
            end, start = data.get("end_date"), data.get("start_date")
            if end and start and end < start:
                self.add_error("end_date", "A meeting cannot end before it starts.")
        return data


class OfficialForm(forms.Form):
    include = forms.BooleanField(required=False)
    name = forms.CharField(max_length=200)
    person = forms.ModelChoiceField(
        Person.objects.none(), required=False, empty_label="\u2014 a new person \u2014"
    )
    side = forms.ChoiceField(choices=[("", "\u2014"), *SIDE_CHOICES], required=False)
    title = forms.CharField(max_length=400, required=False)
    is_head = forms.BooleanField(required=False, label="head")
    role = forms.CharField(widget=forms.HiddenInput, required=False)
    # Why the importer is unsure of the side it proposed, shown on the row (and carried
    # through a form with errors) so the editor checks that side before the claims.
    doubt = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(pk__in=people).order_by("name")

    def clean(self):
        data = super().clean()
        if data.get("include") and not data.get("side"):
            self.add_error("side", "Choose the side this official took part for, or untick.")
        return data


class ClaimForm(forms.Form):
    include = forms.BooleanField(required=False)
    text = forms.CharField(strip=False, widget=forms.Textarea(attrs={"rows": 3, "cols": 80}))
    side = forms.ChoiceField(
        choices=[("", "\u2014 unattributed \u2014"), *SIDE_CHOICES, (JOINT, "Both sides")],
        required=False,
    )
    speaker = forms.ChoiceField(choices=[("", "\u2014")], required=False)
    kind = forms.ChoiceField(choices=Claim.Kind.choices, initial=Claim.Kind.STATEMENT)
    issues = forms.ModelMultipleChoiceField(
        Issue.objects.order_by("name"),
        required=False,
        widget=IssueSearch(
            Claim._meta.get_field("issues"), admin.site, attrs={"size": 4, "data-width": "100%"}
        ),
    )
    start = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    # The importer's reason to doubt the speaker or side it proposed, shown beside the claim
    # (and carried through a form with errors) so the editor checks those first.
    doubt = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, speakers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speaker"].choices = [("", "\u2014"), *speakers]

    def clean(self):
        data = super().clean()
        if data.get("include") and not data.get("side"):
            self.add_error("side", "Choose the side that said it, or both sides, or untick it.")
        return data


OfficialFormSet = formset_factory(OfficialForm, extra=2)
# A review page of more claims than this is too long to check by eye (the seed's dispatch
# has 70); the text form refuses such a text before the review.
MAX_IMPORTED_CLAIMS = 400
ClaimFormSet = formset_factory(
    ClaimForm, extra=3, max_num=MAX_IMPORTED_CLAIMS + 3, absolute_max=MAX_IMPORTED_CLAIMS + 3
)


def initial_review(proposal: Proposal) -> dict:
    """The forms' initial data and choices: the proposal's plan, field by field under the
    same names, and the records it offers to reuse as they are now. Every claim is ticked,
    those of no side too: the editor gives them a side or unticks them, where an import
    without review leaves them out."""
    plan = plan_from_proposal(proposal)
    people = [official.person for official in plan.officials]
    offered = people_to_choose_from(proposal, people)
    existing, publisher = plan.meeting, plan.publisher
    reused = {f"meeting:{existing.pk}": fingerprint(Meeting, existing.pk)} if existing else {}
    reused |= {f"person:{pk}": fingerprint(Person, pk) for pk in offered}
    if publisher:
        reused[f"publisher:{publisher.pk}"] = fingerprint(Publisher, publisher.pk)
    review = {name: getattr(plan, name) for name in PLAN_FIELDS}
    review |= {
        "publisher": publisher.pk if publisher else None,
        "meeting": existing.pk if existing else None,
        "first_country": plan.countries[0],
        "second_country": plan.countries[1],
        "footnotes": json.dumps(plan.footnotes),
        "reused": json.dumps(reused),
    }
    return {
        "review": review,
        "meetings": [existing.pk] if existing else [],
        "officials": [
            {
                "include": official.include,
                "name": official.name,
                "person": official.person.pk if official.person else None,
                "side": str(official.side or ""),
                "title": official.title,
                "role": official.role,
                "doubt": official.doubt,
            }
            for official in plan.officials
        ],
        "people": offered,
        "claims": [
            {
                "include": True,
                "text": claim.text,
                "side": JOINT if claim.joint else str(claim.side or ""),
                "speaker": "" if claim.speaker is None else str(claim.speaker),
                "kind": claim.kind,
                "issues": [issue.pk for issue in claim.issues],
                "start": claim.start,
                "doubt": claim.doubt,
            }
            for claim in plan.claims
        ],
    }


def changed_since_shown(data: dict, officials) -> list[str]:
    """The reused records (the chosen meeting, publisher and people) that changed since the
    review was shown, named for the editor."""
    try:
        shown = json.loads(data.get("reused") or "{}")
    except ValueError:
        shown = {}
    chosen = [
        ("meeting", Meeting, data.get("meeting")),
        ("publisher", Publisher, data.get("publisher")),
    ]
    chosen += [
        ("person", Person, form.cleaned_data.get("person"))
        for form in officials.forms
        if form.cleaned_data and form.cleaned_data.get("include")
    ]
    changed = []
    for kind, model, record in chosen:
        key = f"{kind}:{record.pk}" if record is not None else None
        if key in shown and shown[key] != fingerprint(model, record.pk):
            changed.append(f"the {kind} \u201c{record}\u201d")
    return changed


def people_to_choose_from(proposal: Proposal, matched: list) -> list[int]:
    """The people an official's form offers: those matched, and everyone sharing a word of
    an official's name, so the editor can correct a match the importer missed."""
    words = {
        word.strip(".").title()
        for official in proposal.officials
        for word in official.name.text.split()
        if len(word.strip(".")) > 2
    }
    similar = Q(pk__in=[person.pk for person in matched if person])
    for word in words:
        similar |= Q(name__icontains=word) | Q(aliases__name__icontains=word)
    return list(Person.objects.filter(similar).values_list("pk", flat=True).distinct()[:200])


def plan_from_review(review: ReviewForm, officials, claims) -> ImportPlan | None:
    """The reviewed import, or None with the errors added to the forms. Checks what no single
    form can: a claim's text is in the body, and its speaker took part for its side."""
    data = review.cleaned_data
    changed = changed_since_shown(data, officials)
    if changed:
        review.add_error(
            None,
            f"Since this review was shown, someone changed {', '.join(changed)}: nothing was "
            "saved. Start the import again to review it as it is now.",
        )
        return None
    body = data["body"]
    chosen, index_of = [], {}
    for index, form in enumerate(officials.forms):
        values = form.cleaned_data
        if not values or not values.get("include"):
            continue
        index_of[str(index)] = len(chosen)
        chosen.append(
            OfficialPlan(
                name=values["name"],
                side=int(values["side"]),
                title=values.get("title", ""),
                person=values.get("person"),
                is_head=values.get("is_head", False),
            )
        )
    planned = []
    for form in claims.forms:
        values = form.cleaned_data
        if not values or not values.get("include"):
            continue
        if find_verbatim(body, values["text"], near=values.get("start")) is None:
            passage = closest_passage(body, values["text"])
            hint = f" The closest passage is: \u201c{passage}\u201d" if passage else ""
            form.add_error("text", "This text is not in the report's body." + hint)
            continue
        joint = values["side"] == JOINT
        side = None if joint else int(values["side"])
        speaker = values.get("speaker") or None
        if speaker is not None:
            if speaker not in index_of:
                form.add_error("speaker", "This official is not ticked as taking part.")
                continue
            if side is None or chosen[index_of[speaker]].side != side:
                form.add_error("speaker", "The speaker took part for another side.")
                continue
        planned.append(
            ClaimPlan(
                text=values["text"],
                side=side,
                joint=joint,
                speaker=None if speaker is None else index_of[speaker],
                kind=values["kind"],
                issues=list(values.get("issues") or []),
                start=values.get("start"),
            )
        )
    if any(form.errors for form in claims.forms):
        return None
    return ImportPlan(
        **{name: data.get(name) for name in PLAN_FIELDS},
        publisher=data.get("publisher"),
        meeting=data.get("meeting"),
        countries=(data.get("first_country", ""), data.get("second_country", "")),
        officials=chosen,
        claims=planned,
        footnotes=data["footnotes"],
    )


# The report's and meeting's fields the review's form and an `ImportPlan` share by name,
# each a plain value; the records (publisher, meeting) and the lists are mapped apart.
PLAN_FIELDS = [
    plan_field.name
    for plan_field in dataclasses.fields(ImportPlan)
    if plan_field.name in ReviewForm.base_fields
    and plan_field.name not in ("publisher", "meeting", "footnotes")
]
