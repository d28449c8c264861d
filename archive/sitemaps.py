"""/sitemap.xml: every published page, in sections Django paginates (50,000 URLs each)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from archive.models import Claim, Issue, Meeting, Person, Report


class MeetingSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Meeting.objects.published().order_by("pk").only("slug", "published_at")

    def lastmod(self, meeting):
        return meeting.published_at


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
        return ["home", "meeting-list", "official-list", "issue-list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": ListingSitemap,
    "meetings": MeetingSitemap,
    "reports": ReportSitemap,
    "claims": ClaimSitemap,
    "officials": PersonSitemap,
    "issues": IssueSitemap,
}
