from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from archive.feeds import ClaimFeed
from archive.sitemaps import SITEMAPS
from archive.views import (
    citations,
    claims,
    countries,
    health,
    home,
    issues,
    meetings,
    officials,
    reports,
    search,
)

urlpatterns = [
    path("", home.home, name="home"),
    path("meetings/", meetings.meeting_list, name="meeting-list"),
    path("meetings/<slug:slug>/", meetings.meeting_detail, name="meeting-detail"),
    path("meetings/<slug:slug>/compare/", meetings.meeting_compare, name="meeting-compare"),
    path("reports/<slug:slug>/", reports.report_detail, name="report-detail"),
    path("claims/", claims.claim_list, name="claim-list"),
    path("claims/feed/", ClaimFeed(), name="claim-feed"),
    path("claims/<int:pk>/", claims.claim_detail, name="claim-detail"),
    path("claims/<int:pk>/<str:slug>/", claims.claim_with_slug, name="claim-with-slug"),
    path("claims/<int:pk>/cite.<str:fmt>", citations.cite_claim, name="claim-cite"),
    path("reports/<slug:slug>/cite.<str:fmt>", citations.cite_report, name="report-cite"),
    path("countries/<str:pair>/", countries.country_pair, name="country-pair"),
    path("countries/<str:pair>/claims/", countries.country_pair_claims, name="country-pair-claims"),
    path("officials/", officials.official_list, name="official-list"),
    path("officials/<slug:slug>/", officials.official_detail, name="official-detail"),
    path("issues/", issues.issue_list, name="issue-list"),
    path("issues/<slug:slug>/", issues.issue_detail, name="issue-detail"),
    # The claims and meetings listings limit their exports in archive/views/listing.py.
    path("search/", search.search, name="search"),
    path("healthz", health.healthz, name="healthz"),
    path("robots.txt", home.robots, name="robots"),
    path("favicon.ico", home.favicon, name="favicon"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("admin/", admin.site.urls),
]
