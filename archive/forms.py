"""Forms that read a public page's parameters (the listings read theirs through their
filter sets, archive/filters.py)."""

from django import forms

from archive.models import Issue
from archive.presentation import IssueCount


class MeetingIssueForm(forms.Form):
    """A meeting page's `?issue=`: one of the issues its claims raise, to narrow the page."""

    issue = forms.ChoiceField(required=False)

    def __init__(self, data, issues: list[IssueCount]):
        super().__init__(data)
        self.issues = {row.issue.slug: row.issue for row in issues}
        self.fields["issue"].choices = [("", "All issues")] + [
            (row.issue.slug, row.issue.name) for row in issues
        ]
        self.fields["issue"].error_messages["invalid_choice"] = (
            "No claim of this meeting is about \u201c%(value)s\u201d; all its claims are shown."
        )

    def chosen(self):
        """The issue chosen, or None for all (also when the choice is not one of them)."""
        if not self.is_valid():
            return None
        return self.issues.get(self.cleaned_data["issue"])


class CompareLayoutForm(forms.Form):
    """A compare page's `?by=`: a column per side (the default) or per report."""

    by = forms.ChoiceField(choices=[("side", "By side"), ("report", "By report")], required=False)

    def by_report(self) -> bool:
        return self.is_valid() and self.cleaned_data["by"] == "report"


JOINT = "joint"


class PairClaimsForm(forms.Form):
    """A country pair's claims page: `?issue=` (a slug) and `?side=` (one of the two
    countries' codes, lower case, or `joint`), each optional; what a count on the pair's
    page counts."""

    issue = forms.ModelChoiceField(
        Issue.objects.all(),
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": "There is no issue \u201c%(value)s\u201d."},
    )
    side = forms.ChoiceField(required=False)

    def __init__(self, data, sides: dict[str, str]):
        """`sides`: the two countries' codes and names."""
        if "side" in data:  # "CN" and "cn" are one country, as in the page's address
            data = data.copy()
            data["side"] = data["side"].lower()
        super().__init__(data)
        self.fields["side"].choices = [
            ("", "Any side"),
            *((code.lower(), name) for code, name in sides.items()),
            (JOINT, "Both sides"),
        ]
        self.fields["side"].error_messages["invalid_choice"] = (
            "\u201c%(value)s\u201d is neither of the two countries' codes nor \u201cjoint\u201d."
        )
