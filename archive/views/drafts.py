"""Drafts as their editors see them. A record that is not public is "not found" for readers,
as it always was; staff who may view that kind of record open its public address ("View on
site" in the admin) and see the page as it will look, under a banner that says it is a draft,
with a link back to the admin. Such a page is kept out of search engines and shared caches."""

from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from archive.models import Claim, Meeting, Report
from archive.views.slugs import find_or_redirect


@dataclass(frozen=True)
class Draft:
    """What the banner over a page readers cannot see says: why it is hidden, and where in
    the admin to change that."""

    reason: str
    links: tuple[tuple[str, str], ...]  # (label, admin URL)


def sees_drafts(request: HttpRequest, model: type[Model]) -> bool:
    """Staff with the view permission on `model` (an editor) see its drafts."""
    user = getattr(request, "user", None)  # none on a request that skipped the middleware
    opts = model._meta
    return bool(
        user is not None
        and user.is_staff
        and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
    )


def find_published_or_draft(
    request: HttpRequest, records: QuerySet, slug: str
) -> Model | HttpResponse:
    """`find_or_redirect` among the published records; among all of them for someone who
    sees drafts, when no published one has this slug. Only that miss reads the visitor's
    session, so a public page's response (and its queries) are the same for everyone."""
    try:
        return find_or_redirect(records.published(), slug)
    except Http404:
        if not sees_drafts(request, records.model):
            raise
    return find_or_redirect(records, slug)


def render_page(
    request: HttpRequest, template: str, context: dict, draft: Draft | None
) -> HttpResponse:
    """A public page; a draft's with its banner, never indexed nor kept by a shared cache."""
    response = render(request, template, {**context, "draft": draft})
    if draft is not None:
        response["X-Robots-Tag"] = "noindex"
        response["Cache-Control"] = "private, no-store"
    return response


def of_meeting(meeting: Meeting) -> Draft | None:
    if meeting.is_published:
        return None
    return Draft("This meeting is a draft.", (("Edit or publish it", change_url(meeting)),))


def of_report(report: Report) -> Draft | None:
    hidden = hidden_by(report=report.is_published, meeting=report.meeting.is_published)
    if hidden is None:
        return None
    reason = {
        "report": "This report is a draft.",
        "meeting": "Its meeting is a draft, which hides the report with it.",
        "both": "This report and its meeting are drafts.",
    }[hidden]
    return Draft(reason, (("Edit or publish it", change_url(report)),))


def of_claim(claim: Claim) -> Draft | None:
    if claim.is_public:
        return None
    hidden = hidden_by(report=claim.report.is_published, meeting=claim.meeting.is_published)
    reason = {
        "report": "Its report is a draft.",
        "meeting": "Its meeting is a draft.",
        "both": "Its report and its meeting are drafts.",
        None: "It is not public.",
    }[hidden]
    return Draft(
        reason,
        (
            ("Edit this claim", change_url(claim)),
            ("Publish its report", change_url(claim.report)),
        ),
    )


def hidden_by(*, report: bool, meeting: bool) -> str | None:
    """Which of a report and its meeting keep it from readers (`report` and `meeting` say
    whether each is published)."""
    if report and meeting:
        return None
    if not report and not meeting:
        return "both"
    return "meeting" if report else "report"


def change_url(record: Model) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
