import pytest

from archive.models import Status
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def test_the_sitemap_lists_every_published_page(client, seed, biggest_lie):
    draft = make_meeting(status=Status.DRAFT)
    index = client.get("/sitemap.xml").content.decode()
    sections = ("pages", "meetings", "comparisons", "countries", "reports", "claims")
    sections += ("officials", "issues")
    for section in sections:
        assert f"http://testserver/sitemap-{section}.xml" in index
    urls = "".join(client.get(f"/sitemap-{section}.xml").content.decode() for section in sections)
    assert f"http://testserver/claims/{biggest_lie.pk}/" in urls
    assert "http://testserver/reports/memri-special-dispatch-9249/" in urls
    assert "http://testserver/officials/wang-yi/" in urls
    assert "http://testserver/issues/taiwan/" in urls
    assert "http://testserver/claims/</loc>" in urls
    assert "http://testserver/countries/cn-us/</loc>" in urls
    assert (
        "http://testserver/meetings/2021-03-18-china-us-high-level-strategic-dialogue/compare/"
        in urls
    )
    assert draft.slug not in urls
    assert urls.count("<loc>") == 5 + 2 + 2 + 1 + 1 + 70 + 6 + 30


def test_robots_points_at_the_sitemap_and_keeps_crawlers_out_of_admin(client, db):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
