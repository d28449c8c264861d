from django.db.models import Model, QuerySet
from django.http import Http404, HttpResponsePermanentRedirect

from archive.models import OldSlug


def find_or_redirect(queryset: QuerySet, slug: str) -> Model | HttpResponsePermanentRedirect:
    """The published record with this slug; for a slug it had before a rename, a permanent
    redirect to its current address; otherwise 404."""
    record = queryset.filter(slug=slug).first()
    if record is not None:
        return record
    old = OldSlug.objects.filter(model=queryset.model._meta.model_name, slug=slug).first()
    if old is not None:
        current = queryset.filter(pk=old.object_id).first()
        if current is not None:
            return HttpResponsePermanentRedirect(current.get_absolute_url())
    raise Http404(f"No {queryset.model._meta.verbose_name} is published at this address.")
