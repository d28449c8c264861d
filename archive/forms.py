from django import forms

from archive.search import ORDERS


class SearchForm(forms.Form):
    q = forms.CharField(required=False, strip=True, label="Search the archive")
    sort = forms.ChoiceField(
        choices=list(ORDERS.items()),
        required=False,
        error_messages={"invalid_choice": "There is no sort order \u201c%(value)s\u201d."},
    )

    def cleaned(self) -> tuple[str, str, list[str]]:
        """(query text, sort order, problems to tell the user): bad parameters fall back to
        defaults instead of failing the page."""
        problems: list[str] = []
        self.is_valid()
        for errors in self.errors.values():
            problems.extend(f"{e} Showing results by relevance instead." for e in errors)
        data = getattr(self, "cleaned_data", {})
        text = data.get("q") or self.data.get("q", "")
        return text, data.get("sort") or "relevance", problems
