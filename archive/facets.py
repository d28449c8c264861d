"""The facets of the claim and meeting listings: which values a URL may hold for each
(`resolve`: the chosen values in their canonical spelling, and those the archive does not
know), with its title and labels. What a value selects and how its records are counted is
written once, in memory (`archive/facet_tables.py`, `archive/facet_index.py`).
"""

from django.db.models import QuerySet
from django_countries import countries

from archive.choices import JOINT, JOINT_LABEL, Choice
from archive.facet_tables import ACCOUNTS, pair_value
from archive.models import Claim, Issue, KeepsOldSlugs, Meeting, OldSlug, Person, Publisher

MAX_VALUE_LENGTH = 100


class Facet:
    name = ""  # the URL parameter
    title = ""  # the heading on the page
    noun = ""  # what one value is, for messages ("There is no issue ...")

    def resolve(self, values: list[str]) -> tuple[list[Choice], list[str]]:
        """The chosen values this facet knows (in their canonical spelling), and the ones
        it does not."""
        known = self.known_labels(values)
        chosen: dict[str, Choice] = {}
        for value in values:
            if value in known:
                canonical = self.canonical(value)
                chosen.setdefault(canonical, Choice(canonical, known[value]))
        return list(chosen.values()), [v for v in values if v not in known]

    def current_slugs(self, values: list[str]) -> dict[str, str]:
        """Values that are a record's slug from before a rename, with its slug now."""
        return {}

    def canonical(self, value: str) -> str:
        """The one spelling of a value in links (`cn` and `CN` are one country)."""
        return value

    def known_labels(self, values: list[str]) -> dict[str, str]:
        raise NotImplementedError

    def describe(self, choices: list[Choice]) -> str:
        return f"{self.title}: " + " or ".join(c.label for c in choices)


class ModelFacet(Facet):
    """Values are slugs of rows of a small table (issues, officials, meetings, publishers)."""

    candidates: QuerySet
    label_field = "name"

    def known_labels(self, values):
        rows = self.candidates.filter(slug__in=values).values_list("slug", self.label_field)
        return dict(rows)

    def current_slugs(self, values):
        model = self.candidates.model
        if not values or not issubclass(model, KeepsOldSlugs):
            return {}
        return OldSlug.current_slugs(model, values)


class ChoicesFacet(Facet):
    """Values from a fixed list (kinds of claim, meeting formats)."""

    choices: dict[str, str] = {}

    def known_labels(self, values):
        return {v: self.choices[v] for v in values if v in self.choices}


class IssueFacet(ModelFacet):
    """An issue stands for itself and its narrower issues."""

    name, title = "issue", "Issue"
    # Public records only: a draft's issue, official or publisher gets the answer a value
    # that never existed gets, and its name is never shown.
    candidates = Issue.objects.published()


class OfficialFacet(ModelFacet):
    name, title = "official", "Official"
    candidates = Person.objects.published()


class Year(Facet):
    """Years of the meeting (of the claim's meeting). Its counts come from the monthly
    histogram, which is counted with the date range left out, like the years."""

    name, title = "year", "Year"

    def known_labels(self, values):
        return {v: v for v in values if v.isascii() and v.isdigit() and 1000 <= int(v) <= 2999}


# Claims -----------------------------------------------------------------------------------


class ClaimIssue(IssueFacet):
    pass


class ClaimOfficial(OfficialFacet):
    pass


def country_code(value: str) -> str:
    return value.lower() if value.lower() == JOINT else value.upper()


class ClaimCountry(Facet):
    """The country of the side that made the claim; `joint` for claims of both sides."""

    name, title = "country", "Side"
    noun = "side"

    def known_labels(self, values):
        labels = {}
        for value in values:
            if value.lower() == JOINT:
                labels[value] = JOINT_LABEL
            elif len(value) == 2 and value.upper() in countries:
                labels[value] = countries.name(value.upper())
        return labels

    def canonical(self, value):
        return country_code(value)


class ClaimMeeting(ModelFacet):
    name, title = "meeting", "Meeting"
    candidates = Meeting.objects.published()
    label_field = "title"

    def known_labels(self, values):
        rows = self.candidates.filter(slug__in=values).values_list("slug", "title", "start_date")
        return {slug: f"{title} ({date:%Y})" for slug, title, date in rows}


class ClaimKind(ChoicesFacet):
    name, title = "kind", "Kind of claim"
    noun = "kind of claim"
    choices = dict(Claim.Kind.choices)


class ClaimPublisher(ModelFacet):
    name, title = "publisher", "Publisher"
    candidates = Publisher.objects.published()


# Meetings ---------------------------------------------------------------------------------


class MeetingCountry(Facet):
    """A country on either side."""

    name, title = "country", "Country"
    noun = "country"

    def known_labels(self, values):
        return {
            v: countries.name(v.upper()) for v in values if len(v) == 2 and v.upper() in countries
        }

    def canonical(self, value):
        return value.upper()


class MeetingPair(Facet):
    """The two countries that met, as a value like `cn-us` (in either order in the URL)."""

    name, title = "pair", "Countries that met"
    noun = "pair of countries"

    def known_labels(self, values):
        labels = {}
        for value in values:
            codes = value.upper().split("-")
            if len(codes) == 2 and codes[0] != codes[1] and all(c in countries for c in codes):
                labels[value] = " \u2013 ".join(countries.name(c) for c in sorted(codes))
        return labels

    def canonical(self, value):
        return pair_value(*value.split("-"))


class MeetingOfficial(OfficialFacet):
    pass


class MeetingIssue(IssueFacet):
    """Issues any public claim of the meeting is about."""


class MeetingFormat(ChoicesFacet):
    name, title = "type", "Format"
    noun = "meeting format"
    choices = dict(Meeting.Format.choices)


class MeetingAccounts(ChoicesFacet):
    """Whether the archive has each side's own account (a report its government issued)."""

    name, title = "accounts", "Accounts of the meeting"
    noun = "choice of accounts"
    choices = ACCOUNTS
