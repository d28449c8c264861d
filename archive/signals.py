"""Keep claims' denormalised search text current when the rows it is made from change, and
mark cached counts stale when anything they count changes."""

import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from archive import models
from archive.search.document import refresh_claims
from archive.text import fingerprint

Claim = models.Claim

# model -> the claims whose search text uses one of its rows
DEPENDENTS = {
    models.Person: lambda row: Claim.objects.filter(speaker__person=row),
    models.PersonAlias: lambda row: Claim.objects.filter(speaker__person_id=row.person_id),
    models.Participation: lambda row: Claim.objects.filter(speaker=row),
    models.Issue: lambda row: Claim.objects.filter(issues=row),
    models.IssueAlias: lambda row: Claim.objects.filter(issues__id=row.issue_id),
    models.Delegation: lambda row: Claim.objects.filter(meeting_id=row.meeting_id),
}


def refresh_after_commit(claims) -> None:
    transaction.on_commit(lambda: refresh_claims(claims))


_batch = threading.local()


@contextmanager
def search_text_refreshed_at_the_end():
    """Within this block, a saved claim's search text is refreshed once, at the end, with
    all the others, instead of after its save and again after its issues are set (an import
    saves a whole report's claims at once)."""
    if getattr(_batch, "ids", None) is not None:
        yield  # an enclosing block refreshes them
        return
    _batch.ids = set()
    try:
        yield
        ids = _batch.ids
    finally:
        _batch.ids = None
    refresh_claims(Claim.objects.filter(pk__in=sorted(ids)))


def refresh_claim(pk: int) -> None:
    ids = getattr(_batch, "ids", None)
    if ids is None:
        refresh_claims(Claim.objects.filter(pk=pk))
    else:
        ids.add(pk)


DEFAULT_WITHDRAWAL = "Withdrawn by the archive's editors."


def before_claim_deleted(sender, instance, **kwargs):
    """Every deleted claim leaves a tombstone at its address (reason and merge target are
    set on the instance by the admin's withdraw and merge actions)."""
    if not Claim.objects.filter(pk=instance.pk, is_public=True).exists():
        return  # a draft was never public: its address stays unknown (404)
    models.WithdrawnClaim.record(
        instance,
        getattr(instance, "withdrawal_reason", "") or DEFAULT_WITHDRAWAL,
        getattr(instance, "merged_into", None),
    )


def on_claim_saved(sender, instance, raw=False, **kwargs):
    if raw:
        # loaddata: the claim's issues (and maybe its speaker) are not in yet. Refresh once
        # the whole load has committed, instead of after every row.
        instance._loaded_raw = True
        refresh_after_commit(Claim.objects.filter(pk=instance.pk))
        return
    refresh_claim(instance.pk)


def on_claim_issues_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:  # claim.issues changed
        if getattr(instance, "_loaded_raw", False):
            return  # refreshed after the load commits
        if action.startswith("post_"):
            refresh_claim(instance.pk)
    elif action == "pre_clear":  # issue.claims.clear(): remember whom it touches
        instance._claims_to_refresh = list(instance.claims.values_list("pk", flat=True))
    elif action.startswith("post_"):
        ids = pk_set if action != "post_clear" else instance.__dict__.pop("_claims_to_refresh", [])
        refresh_claims(Claim.objects.filter(pk__in=list(ids or [])))


def before_alias_saved(sender, instance, raw=False, **kwargs):
    # An alias moved to another person or issue leaves its old owner's claims stale too.
    previous = sender.objects.filter(pk=instance.pk).first() if instance.pk else None
    if previous is not None and not raw:
        old_claims = DEPENDENTS[sender](previous).values_list("pk", flat=True)
        instance._claims_to_refresh = list(old_claims)


def on_dependency_saved(sender, instance, raw=False, **kwargs):
    if raw:
        refresh_after_commit(DEPENDENTS[sender](instance))
        return
    refresh_claims(DEPENDENTS[sender](instance))
    previous = instance.__dict__.pop("_claims_to_refresh", None)
    if previous:
        refresh_claims(Claim.objects.filter(pk__in=previous))


def before_dependency_deleted(sender, instance, **kwargs):
    # Deleting an issue drops its claim links without an m2m signal: note the claims first.
    instance._claims_to_refresh = list(DEPENDENTS[sender](instance).values_list("pk", flat=True))


def after_dependency_deleted(sender, instance, **kwargs):
    ids = instance.__dict__.pop("_claims_to_refresh", [])
    refresh_claims(Claim.objects.filter(pk__in=ids))


# Saving any of these changes what a listing counts: the revision moves on, naming the row.
COUNTED = (
    *DEPENDENTS,
    # No search text depends on these, but publishing or moving a report or meeting changes
    # which claims are public and their dates (database triggers), a publisher's name a label.
    models.Report,
    models.Meeting,
    models.Publisher,
    Claim,
    Claim.issues.through,
    models.Synonym,
    models.WithdrawnClaim,
)


def before_report_saved(sender, instance, raw=False, **kwargs):
    instance.body_digest = fingerprint(instance.body)


def on_archive_changed(sender, instance=None, action: str = "post_save", **kwargs):
    """Move the revision on, naming the rows that changed (archive/facet_index.py reads
    them again)."""
    if not action.startswith("post_"):
        return
    if sender is Claim.issues.through:
        if not kwargs["reverse"]:  # claim.issues changed
            models.Revision.bump("claim", [instance.pk])
        elif action == "post_clear":  # issue.claims.clear(): the copies know which they were
            models.Revision.bump("issue_claims", [instance.pk])
        else:
            models.Revision.bump("claim", kwargs["pk_set"] or [])
        return
    if sender is models.Meeting.related_meetings.through:
        sender = models.Meeting
    models.Revision.bump(sender._meta.model_name, [instance.pk])
    if sender in (models.Delegation, models.Participation, models.Report):
        # What a meeting is listed under: its countries, who took part, whose accounts.
        models.Revision.bump("meeting", [instance.meeting_id])


def connect() -> None:
    for model in COUNTED:
        uid = f"revision-{model._meta.model_name}"
        post_save.connect(on_archive_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(on_archive_changed, sender=model, dispatch_uid=uid)
    m2m_changed.connect(
        on_archive_changed, sender=Claim.issues.through, dispatch_uid="revision-claim-issues"
    )
    m2m_changed.connect(
        on_archive_changed,
        sender=models.Meeting.related_meetings.through,
        dispatch_uid="revision-related-meetings",
    )
    post_save.connect(on_claim_saved, sender=Claim, dispatch_uid="claim-search-text")
    pre_save.connect(before_report_saved, sender=models.Report, dispatch_uid="report-digest")
    pre_delete.connect(before_claim_deleted, sender=Claim, dispatch_uid="claim-tombstone")
    m2m_changed.connect(
        on_claim_issues_changed, sender=Claim.issues.through, dispatch_uid="claim-issues-search"
    )
    for model in DEPENDENTS:
        uid = f"search-text-{model._meta.model_name}"
        post_save.connect(on_dependency_saved, sender=model, dispatch_uid=uid)
        pre_delete.connect(before_dependency_deleted, sender=model, dispatch_uid=uid)
        post_delete.connect(after_dependency_deleted, sender=model, dispatch_uid=uid)
    for model in (models.PersonAlias, models.IssueAlias):
        pre_save.connect(before_alias_saved, sender=model, dispatch_uid=f"moved-{model}")
