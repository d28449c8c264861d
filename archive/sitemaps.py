"""/sitemap.xml: every published page, in sections Django paginates (50,000 URLs each)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from archive.models import Claim, Delegation, Issue, Meeting, Person, Report


class MeetingSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Meeting.objects.published().order_by("pk").only("slug", "published_at")

    def lastmod(self, meeting):
        return meeting.published_at


class ComparisonSitemap(MeetingSitemap):
    """Each meeting's sides side by side."""

    priority = 0.6

    def location(self, meeting):
        return reverse("meeting-compare", args=[meeting.slug])


class CountryPairSitemap(Sitemap):
    """The page of every two countries that met in a published meeting."""

    changefreq = "monthly"
    priority = 0.6

    def items(self):
        rows = Delegation.objects.filter(meeting__in=Meeting.objects.published()).values_list(
            "meeting_id", "country"
        )
        countries: dict[int, list[str]] = {}
        for meeting, country in rows:
            countries.setdefault(meeting, []).append(str(country).lower())
        return sorted({"-".join(sorted(pair)) for pair in countries.values() if len(pair) == 2})

    def location(self, pair):
        return reverse("country-pair", args=[pair])


class ReportSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.7

    def items(self):
        return Report.objects.published().order_by("pk").only("slug", "published_at")

    def lastmod(self, report):
        return report.published_at


class ClaimSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.6

    def items(self):
        return Claim.objects.published().order_by("pk").only("pk")


class PersonSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Person.objects.published().order_by("pk").only("slug")


class IssueSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Issue.objects.published().order_by("pk").only("slug")


class ListingSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.9

    def items(self):
        return ["home", "claim-list", "meeting-list", "official-list", "issue-list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": ListingSitemap,
    "meetings": MeetingSitemap,
    "comparisons": ComparisonSitemap,
    "countries": CountryPairSitemap,
    "reports": ReportSitemap,
    "claims": ClaimSitemap,
    "officials": PersonSitemap,
    "issues": IssueSitemap,
}
