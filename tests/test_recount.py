from django.core.cache import cache

from archive import recount
from archive.models import Claim


def test_a_recount_leaves_the_unfiltered_listings_cached(
    seed, client, django_assert_max_num_queries
):
    recount.recount()
    # Revision, the page's ids, its claims and their issues: every count is cached.
    with django_assert_max_num_queries(4):
        assert client.get("/claims/").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get("/meetings/").status_code == 200


def test_saves_ask_for_a_recount_after_commit(seed, settings, django_capture_on_commit_callbacks):
    settings.RECOUNT_AFTER_SAVES = True
    claim = Claim.objects.published().first()
    with django_capture_on_commit_callbacks() as callbacks:
        claim.kind = "warning"
        claim.save()
    assert recount.start in callbacks
    cache.clear()
