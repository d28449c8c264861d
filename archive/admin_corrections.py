"""A published claim changes only by an explicit correction: the claim forms of the admin
(the claim's own and the report's inline) ask for a reason when a published claim's words,
side or speaker change, and record the claim as it was (`Correction`), which its page then
shows. Words, side and speaker of a draft change freely."""

from django import forms

from archive.models import Claim, Correction


class ClaimForm(forms.ModelForm):
    correction_reason = forms.CharField(
        required=False,
        label="Reason for the correction",
        widget=forms.Textarea(attrs={"rows": 2, "cols": 80}),
        help_text=(
            "A published claim's words, side or speaker change only as a correction: its page "
            "then says so, with the previous version and this reason."
        ),
    )

    class Meta:
        model = Claim
        # The admin's `fields` choose what each form shows; these are all it may edit.
        fields = ["report", "text", "joint", "delegation", "speaker", "kind", "issues"]

    def _post_clean(self):
        # After the model's own clean: the instance then holds the words as they will be
        # saved (the body's own characters), to compare with the stored claim.
        super()._post_clean()
        self.corrected_from = None
        # A form left as it was changes nothing to correct (a report's page holds one claim
        # form per claim: only those the editor touched read the stored claim).
        if self.instance.pk is None or self.errors or not self.has_changed():
            return
        stored = Claim.objects.select_related("delegation", "speaker__person").get(
            pk=self.instance.pk
        )
        if not Correction.needed(stored, self.instance):
            return
        if not self.cleaned_data.get("correction_reason", "").strip():
            self.add_error(
                "correction_reason",
                "This claim is published: its words, side or speaker change only as a "
                "correction. Say why (readers see the reason and the previous version), or "
                "leave them as they were.",
            )
        else:
            self.corrected_from = stored

    def record_correction(self) -> None:
        """After the claim is saved: the record of what it was, if it was corrected."""
        if getattr(self, "corrected_from", None) is not None:
            Correction.of(self.corrected_from, self.cleaned_data["correction_reason"].strip())
