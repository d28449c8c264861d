"""The admin's "Import a report": read a text, review what the importer proposes, save it
as drafts. Two pages: the text (pasted or uploaded), then the review, which posts back to
itself until every rule holds and then lands on the new report's change page, where its
Publish button is."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from archive.admin_import.forms import (
    MAX_IMPORTED_CLAIMS,
    ClaimFormSet,
    OfficialFormSet,
    ReviewForm,
    TextForm,
    initial_review,
    plan_from_review,
)
from archive.ingest.builder import Duplicate, build, find_duplicate, propose, suggested_publisher

# Saving an import creates all of these.
NEEDED = [
    f"archive.add_{model}"
    for model in ("report", "meeting", "delegation", "person", "participation", "claim")
]


def import_report(model_admin, request):
    if not request.user.has_perms(NEEDED):
        raise PermissionDenied
    if request.method == "POST" and "review" in request.POST:
        return save_review(model_admin, request)
    form = TextForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        proposal = propose(form.cleaned_data["text"], form.cleaned_data["address"])
        report = proposal.report
        duplicate = find_duplicate(
            proposal.text.text, suggested_publisher(proposal), report.series, report.number
        )
        if duplicate is not None:
            form.add_error(None, already_there(duplicate))
        elif len(proposal.claims) > MAX_IMPORTED_CLAIMS:
            form.add_error(None, too_many_claims(len(proposal.claims)))
        else:
            initial = initial_review(proposal)
            return render_review(
                model_admin,
                request,
                ReviewForm(initial=initial["review"], meetings=initial["meetings"]),
                OfficialFormSet(
                    initial=initial["officials"],
                    prefix="officials",
                    form_kwargs={"people": initial["people"]},
                ),
                ClaimFormSet(
                    initial=initial["claims"],
                    prefix="claims",
                    form_kwargs={"speakers": speaker_choices(initial["officials"])},
                ),
                notes=proposal.notes,
            )
    return TemplateResponse(
        request,
        "admin/archive/report/import.html",
        {**context(model_admin, request, "Import a report"), "form": form},
    )


def save_review(model_admin, request):
    post = request.POST
    officials_total = count(post.get("officials-TOTAL_FORMS"))
    officials = OfficialFormSet(
        post, prefix="officials", form_kwargs={"people": posted_ids(post, "officials", "person")}
    )
    names = [{"name": post.get(f"officials-{i}-name", "")} for i in range(officials_total)]
    claims = ClaimFormSet(post, prefix="claims", form_kwargs={"speakers": speaker_choices(names)})
    meeting = post.get("meeting", "")
    review = ReviewForm(post, meetings=[int(meeting)] if meeting.isdecimal() else [])
    valid = [review.is_valid(), officials.is_valid(), claims.is_valid()]
    plan = plan_from_review(review, officials, claims) if all(valid) else None
    if plan is not None:
        try:
            report = build(plan)
        except Duplicate as duplicate:
            review.add_error(None, already_there(duplicate.report))
        except ValidationError as problem:
            review.add_error(None, "Nothing was saved: " + "; ".join(problem.messages))
        except DatabaseError as problem:
            review.add_error(None, f"Nothing was saved: the database refused it ({problem}).")
        else:
            messages.success(
                request,
                f"Imported \u201c{report.title}\u201d as a draft with {report.claims.count()} "
                "claims. Check it, then publish it with the \u201cPublish\u201d button above.",
            )
            return HttpResponseRedirect(reverse("admin:archive_report_change", args=[report.pk]))
    return render_review(model_admin, request, review, officials, claims, notes=[])


def render_review(model_admin, request, review, officials, claims, notes):
    return TemplateResponse(
        request,
        "admin/archive/report/import_review.html",
        {
            **context(model_admin, request, "Review the import"),
            "review": review,
            "officials": officials,
            "claims": claims,
            "notes": notes,
            # The issues' autocomplete: the admin's jQuery, select2 and their styles.
            "media": review.media + officials.media + claims.media,
            "errors": any(
                [review.errors, officials.total_error_count(), claims.total_error_count()]
            ),
        },
    )


def context(model_admin, request, title: str) -> dict:
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
    }


def too_many_claims(found: int) -> str:
    return (
        f"The importer found {found:,} claims in this text; one import takes at most "
        f"{MAX_IMPORTED_CLAIMS:,} (a dispatch holds a few dozen). Is it several reports in one? "
        "Import each report on its own."
    )


def already_there(report) -> str:
    url = reverse("admin:archive_report_change", args=[report.pk])
    return format_html(
        'This report is already in the archive: <a href="{}">{}</a>. Nothing was imported.',
        url,
        report,
    )


def speaker_choices(officials: list[dict]) -> list[tuple[str, str]]:
    return [(str(i), o.get("name") or f"Official {i + 1}") for i, o in enumerate(officials)]


def posted_ids(post, prefix: str, field: str) -> list[int]:
    total = count(post.get(f"{prefix}-TOTAL_FORMS"))
    values = (post.get(f"{prefix}-{i}-{field}", "") for i in range(total))
    return [int(value) for value in values if value.isdecimal()]


def count(value) -> int:
    return min(int(value), 5000) if str(value).isdecimal() else 0
