"""Links that last: renamed records keep answering at their old addresses."""

import pytest

from archive.models import Issue, Meeting, OldSlug, Person, Report
from tests.conftest import ANCHORAGE

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model", "slug", "prefix"),
    [
        (Meeting, ANCHORAGE, "/meetings/"),
        (Report, "memri-special-dispatch-9249", "/reports/"),
        (Person, "antony-blinken", "/officials/"),
        (Issue, "taiwan", "/issues/"),
    ],
)
def test_a_renamed_slug_redirects_permanently(client, seed, model, slug, prefix):
    record = model.objects.get(slug=slug)
    record.slug = "renamed"
    record.save()
    response = client.get(f"{prefix}{slug}/")
    assert response.status_code == 301
    assert response["Location"] == f"{prefix}renamed/"
    assert client.get(f"{prefix}renamed/").status_code == 200


def test_every_old_slug_leads_to_the_current_one(client, seed):
    taiwan = Issue.objects.get(slug="taiwan")
    for slug in ("taiwan-strait", "taiwan-question"):
        taiwan.slug = slug
        taiwan.save()
    for old in ("taiwan", "taiwan-strait"):
        assert client.get(f"/issues/{old}/")["Location"] == "/issues/taiwan-question/"


def test_a_slug_taken_back_stops_redirecting(client, seed):
    taiwan = Issue.objects.get(slug="taiwan")
    taiwan.slug = "formosa"
    taiwan.save()
    taiwan.slug = "taiwan"
    taiwan.save()
    assert client.get("/issues/taiwan/").status_code == 200
    assert client.get("/issues/formosa/")["Location"] == "/issues/taiwan/"
    assert not OldSlug.objects.filter(slug="taiwan").exists()


def test_an_old_slug_of_an_unpublished_record_is_not_found(client, seed):
    meeting = Meeting.objects.get(slug=ANCHORAGE)
    meeting.slug = "anchorage"
    meeting.status = "draft"
    meeting.save()
    assert client.get(f"/meetings/{ANCHORAGE}/").status_code == 404


def test_a_claims_words_in_the_address_are_cosmetic(client, biggest_lie):
    for words in ("the-biggest-lie", "anything-at-all", "old-words"):
        response = client.get(f"/claims/{biggest_lie.pk}/{words}/")
        assert response.status_code == 301
        assert response["Location"] == f"/claims/{biggest_lie.pk}/"


def test_a_claim_keeps_its_address_when_edited(client, biggest_lie):
    from archive.models import Issue

    url = biggest_lie.get_absolute_url()
    words = "the biggest lie of the century"
    biggest_lie.start = biggest_lie.report.body.index(words)
    biggest_lie.end = biggest_lie.start + len(words)
    biggest_lie.text = words
    biggest_lie.kind = "accusation"
    biggest_lie.save()
    biggest_lie.issues.set([Issue.objects.get(slug="human-rights")])
    biggest_lie.refresh_from_db()
    assert biggest_lie.get_absolute_url() == url
    assert "the biggest lie of the century" in client.get(url).content.decode()


def test_a_renamed_reports_citation_files_follow_it(client, dispatch):
    dispatch.slug = "memri-9249"
    dispatch.save()
    response = client.get("/reports/memri-special-dispatch-9249/cite.ris")
    assert response.status_code == 301
    assert response["Location"] == "/reports/memri-9249/cite.ris"


def test_a_retired_slug_is_not_given_to_another_record(seed):
    taiwan = Issue.objects.get(slug="taiwan")
    taiwan.slug = "formosa"
    taiwan.save()
    newcomer = Issue.objects.create(name="Taiwan!")
    assert newcomer.slug != "taiwan"
    assert newcomer.slug.startswith("taiwan-")
