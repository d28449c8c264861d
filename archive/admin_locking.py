"""Two editors, one record: a change form remembers what the record was when it was opened
and refuses to save over a change made since (optimistic locking), with a message and a
link to the record as it is now.

What the form remembers is a fingerprint of the record's editable columns as the database
holds them, read when the form is shown and again when it is saved; any path that changed
the row in between (another editor's form, an import, a script) shows. No column is added."""

import hashlib

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import format_html

FIELD = "_opened_as"


def fingerprint(model: type[models.Model], pk) -> str:
    """A digest of the row's editable columns as the database holds them now."""
    names = sorted(
        f.attname for f in model._meta.concrete_fields if f.editable and not f.primary_key
    )
    row = model._default_manager.filter(pk=pk).values_list(*names).first()
    return hashlib.sha256(repr(row).encode()).hexdigest()[:32]


def guarded(form_class: type[forms.ModelForm], change_url: str | None) -> type:
    """`form_class` with a hidden field holding the record's fingerprint when the form was
    shown, checked again when it is saved."""

    class StaleSaveGuard(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields[FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
            if self.instance.pk is not None:
                self.fields[FIELD].initial = fingerprint(type(self.instance), self.instance.pk)

        def clean(self):
            data = super().clean()
            opened = self.data.get(self.add_prefix(FIELD), "")
            pk = self.instance.pk
            if pk is not None and opened and opened != fingerprint(type(self.instance), pk):
                raise ValidationError(
                    format_html(
                        "Someone changed this record after you opened it, so your changes were "
                        'not saved over theirs. <a href="{}">Open the current version</a> and '
                        "make your changes again.",
                        change_url or "",
                    ),
                    code="stale",
                )
            return data

    StaleSaveGuard.__name__ = form_class.__name__
    return StaleSaveGuard


class RefusesStaleSaves:
    """A ModelAdmin mixin: its change form refuses a save over a change made since the form
    was opened."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return guarded(form, request.path if obj is not None else None)
