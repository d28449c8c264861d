import io
import json

import pytest
from django.core.management import call_command

from archive import facet_index
from archive.models import Claim, Issue, Revision
from archive.search import FoundClaims
from tests.factories import make_meeting


def listing(client, settings, path: str, query: str, in_memory: bool) -> dict:
    """What a JSON listing says: the total, every facet's counts, the page's claims."""
    settings.FACET_INDEX = in_memory
    per_page = "" if "per_page" in query else "per_page=100&"
    response = client.get(f"{path}?format=json&{per_page}{query}")
    data = json.loads(response.content)
    if response.status_code == 400:  # a page past the end of a short list
        return data
    assert response.status_code == 200, response.content[:300]
    ids = [row["claim_id"] for row in data["results"]]
    return {"total": data["total"], "facets": data["facets"], "ids": ids}


@pytest.fixture
def generated(seed):
    """The seed and a synthetic archive around it: many officials, issues with narrower
    issues, joint claims, four publishers, twenty years."""
    call_command("generate_archive", claims=1500, seed=7, stdout=io.StringIO())


def states(client) -> list[str]:
    """Listing states that exercise every facet, alone and together, with values taken from
    the archive itself (the busiest of each facet)."""
    top = json.loads(client.get("/claims/?format=json").content)["facets"]
    broader = Issue.objects.filter(children__isnull=False).values_list("slug", flat=True)[0]
    first = {name: top[name][0]["value"] for name in ("official", "meeting", "kind", "publisher")}
    return [
        "",
        f"issue={broader}",
        f"issue={broader}&issue={top['issue'][-1]['value']}",
        "country=CN",
        "country=joint&country=US",
        f"official={first['official']}",
        f"meeting={first['meeting']}",
        f"kind={first['kind']}&country=CN",
        f"publisher={first['publisher']}&year=2015&year=2016",
        "from=2010-03&to=2012",
        f"issue={broader}&country=CN&kind={first['kind']}&from=2008",
        "country=US&kind=warning&issue=taiwan",  # a state with nothing left
    ]


def test_in_memory_counts_and_pages_equal_the_sql(client, settings, generated):
    for query in states(client):
        for order in ("", "&sort=oldest", "&page=3&per_page=7"):
            in_sql = listing(client, settings, "/claims/", query + order, in_memory=False)
            in_memory = listing(client, settings, "/claims/", query + order, in_memory=True)
            assert in_memory == in_sql, query + order


@pytest.mark.parametrize(
    "words", ["development", "Taiwan OR Xinjiang", '"territorial integrity"', "sovereign* -china"]
)
def test_in_memory_counts_and_order_equal_the_sql_of_a_search(client, settings, generated, words):
    """The counts, the total and the page's claims in their order (ranked in memory)."""
    for narrowing in [
        "",
        "country=CN",
        "country=CN&from=2015&to=2016",  # few left: only they are ranked
        "issue=taiwan",
        "kind=position&from=2012&sort=newest",
        "issue=taiwan&country=US&sort=oldest",
        "page=2&per_page=5",
    ]:
        query = f"q={words}&{narrowing}"
        in_sql = listing(client, settings, "/search/", query, in_memory=False)
        in_memory = listing(client, settings, "/search/", query, in_memory=True)
        if not narrowing:
            assert in_sql["total"] > 5
        assert in_memory == in_sql, query


def test_the_copy_is_used_only_for_its_own_revision(client, seed):
    before = json.loads(client.get("/claims/?format=json&country=CN").content)["total"]
    copy = facet_index.current(Revision.current())
    assert copy is not None and copy.size == Claim.objects.published().count()

    claim = Claim.objects.published().filter(delegation__country="CN").first()
    claim.pk = None
    claim.save()  # an editor's save moves the revision on

    assert facet_index.current(Revision.current()) is not copy
    after = json.loads(client.get("/claims/?format=json&country=CN").content)["total"]
    assert after == before + 1


class ThreadStartedLater:
    """Stands in for threading.Thread: the test runs the target when it chooses (a thread of
    its own could not read the test's uncommitted data)."""

    started: list = []

    def __init__(self, target, name, daemon):
        self.target = target

    def start(self):
        self.started.append(self.target)


@pytest.fixture
def large(monkeypatch):
    """The archive counts as too large to copy in the request: the copy is built in a
    background thread, which the test starts itself."""
    monkeypatch.setattr(facet_index, "INLINE_CLAIMS", 10)
    monkeypatch.setattr(facet_index, "PAUSE_AFTER_BUILD", 0)
    monkeypatch.setattr(facet_index.threading, "Thread", ThreadStartedLater)
    monkeypatch.setattr(facet_index.connection, "close", lambda: None)  # the test's own
    ThreadStartedLater.started.clear()
    return ThreadStartedLater.started


def test_a_large_archive_is_counted_in_sql_while_its_copy_is_built(
    client, seed, large, django_assert_max_num_queries
):
    in_sql = json.loads(client.get("/claims/?format=json&issue=taiwan").content)
    client.get("/claims/")
    assert len(large) == 1  # one build at a time
    assert facet_index.current(Revision.current()) is None

    large.pop()()
    assert facet_index.current(Revision.current()) is not None
    with django_assert_max_num_queries(5):  # the issue, the revision, the page: no count
        in_memory = json.loads(client.get("/claims/?format=json&issue=taiwan").content)
    assert (in_memory["total"], in_memory["facets"]) == (in_sql["total"], in_sql["facets"])


def test_a_failed_build_leaves_the_sql_counts_and_is_tried_again(
    client, seed, large, monkeypatch, caplog
):
    monkeypatch.setattr(facet_index, "claim_arrays", lambda: 1 / 0)
    assert facet_index.current(Revision.current()) is None
    large.pop()()
    assert "Building the facet index failed" in caplog.text
    assert json.loads(client.get("/claims/?format=json").content)["total"] == 70
    assert len(large) == 1  # asked again


def test_a_claim_without_a_published_meeting_is_not_in_the_copy(seed):
    draft = make_meeting(status="draft")
    copy = facet_index.build()
    assert copy.size == Claim.objects.published().count()
    drafted = set(Claim.objects.filter(meeting=draft).values_list("pk", flat=True))
    assert drafted and not drafted & set(copy.ids.tolist())


def test_an_empty_archive_has_an_empty_copy(db):
    copy = facet_index.build()
    counter = facet_index.Counter(copy, {}, {})
    assert counter.total() == 0
    assert counter.rows("issue") == [] and counter.months() == []


@pytest.fixture
def reads(monkeypatch) -> list[tuple]:
    """What the search pages read from the database: (words, what was read)."""
    read = []
    ids, scored = FoundClaims.ids, FoundClaims.scored

    def counted_ids(found):
        read.append((found.query.text, "ids"))
        return ids(found)

    def counted_scored(found, among=None):
        read.append((found.query.text, "all ranked" if among is None else len(among)))
        return scored(found, among)

    monkeypatch.setattr(FoundClaims, "ids", counted_ids)
    monkeypatch.setattr(FoundClaims, "scored", counted_scored)
    return read


def test_a_search_is_read_once_while_its_matches_are_kept(client, seed, reads, monkeypatch):
    for query in ("q=Taiwan", "q=Taiwan&country=CN", "q=Taiwan&page=2", "q=Xinjiang", "q=Taiwan"):
        assert client.get(f"/search/?{query}").status_code == 200
    assert reads == [("Taiwan", "all ranked"), ("Xinjiang", "all ranked")]

    reads.clear()
    monkeypatch.setattr(facet_index, "MATCHES_KEPT", 1)  # room for the latest search only
    for query in ("q=Tibet", "q=Taiwan", "q=Tibet"):
        assert client.get(f"/search/?{query}").status_code == 200
    assert [words for words, _ in reads] == ["Tibet", "Taiwan", "Tibet"]


def test_a_narrowed_search_ranks_only_what_its_filters_leave(client, generated, reads):
    everything = client.get("/search/?q=development&format=json").json()["total"]
    narrowed = client.get("/search/?q=development&kind=position&from=2015&to=2016&format=json")
    left = narrowed.json()["total"]
    assert 0 < left * facet_index.RANK_ALL_ABOVE <= everything
    assert reads == [("development", "all ranked"), ("development", left)]

    reads.clear()
    assert client.get("/search/?q=sovereignty&kind=position&from=2015&to=2016").status_code == 200
    assert client.get("/search/?q=sovereignty&sort=newest").status_code == 200
    assert [what for _, what in reads][:1] == ["ids"]  # matches first, unranked
    assert "all ranked" not in [what for _, what in reads]  # newest first needs no ranks

    reads.clear()
    assert client.get("/search/?q=Taiwan&sort=oldest").status_code == 200  # a first visit
    assert reads == [("Taiwan", "ids")]  # by date: no ranks

    reads.clear()
    nothing = client.get("/search/?q=Xinjiang&from=1900-01&to=1900-12&format=json").json()
    assert nothing["total"] == 0 and nothing["results"] == []
    assert reads == [("Xinjiang", "ids")]  # nothing left to rank


def test_builds_in_the_background_pause_after_each(seed, large, monkeypatch):
    monkeypatch.setattr(facet_index, "PAUSE_AFTER_BUILD", 1000)
    assert facet_index.current(Revision.current()) is None
    large.pop()()
    Claim.objects.published().first().save()  # stale again at once
    assert facet_index.current(Revision.current()) is None
    assert large == []  # no build until the pause is over


def test_a_claim_on_an_issue_and_a_narrower_one_counts_once_for_the_broader(client, settings, seed):
    taiwan = Issue.objects.get(slug="taiwan")
    strait = Issue.objects.create(name="Taiwan Strait", slug="taiwan-strait", parent=taiwan)
    on_both = Claim.objects.published().filter(issues=taiwan).first()
    on_both.issues.add(strait)
    Claim.objects.published().exclude(issues=taiwan).first().issues.add(strait)

    expected = Claim.objects.published().about(taiwan).count()
    in_memory = listing(client, settings, "/claims/", "", in_memory=True)
    in_sql = listing(client, settings, "/claims/", "", in_memory=False)
    counts = {row["value"]: row["count"] for row in in_memory["facets"]["issue"]}
    assert counts["taiwan"] == expected and counts["taiwan-strait"] == 2
    assert in_memory == in_sql


def test_a_failed_copy_in_the_request_leaves_the_counts_to_sql(client, seed, monkeypatch):
    monkeypatch.setattr(facet_index, "claim_arrays", lambda: 1 / 0)
    response = client.get("/claims/?format=json&issue=taiwan")
    assert response.status_code == 200
    assert (
        response.json()["total"] == Claim.objects.published().filter(issues__slug="taiwan").count()
    )


def test_an_older_build_finishing_last_does_not_replace_a_newer_copy(seed, monkeypatch):
    newer = facet_index.refresh()
    with monkeypatch.context() as patched:  # this build "started" before the newer one
        patched.setattr(facet_index.time, "monotonic", lambda: 0.0)
        facet_index.refresh()
    assert facet_index.current(newer.revision) is newer


def test_links_of_gathers_each_claims_links_in_order():
    import numpy as np

    # Claims 0..4 with 2, 0, 1, 0 and 3 links.
    link_start = np.array([0, 2, 2, 3, 3, 6])
    assert facet_index.links_of(link_start, np.array([0, 2, 4])).tolist() == [0, 1, 2, 3, 4, 5]
    assert facet_index.links_of(link_start, np.array([1, 3])).tolist() == []
    assert facet_index.links_of(link_start, np.array([], dtype=np.int32)).tolist() == []
    assert facet_index.links_of(link_start, np.array([4], dtype=np.int32)).tolist() == [3, 4, 5]


def test_labelled_rows_are_made_as_they_are_read():
    import numpy as np

    labels = facet_index.Labels({3: ("c", "Gamma"), 1: ("a", "Alpha"), 2: ("b", "Beta")})
    rows = labels.rows(np.array([1, 2, 3, 9]), np.array([5, 7, 5, 1]))  # 9: not in the table
    assert len(rows) == 3
    assert rows[:2] == [("b", "Beta", 7), ("a", "Alpha", 5)]
    assert rows[-1] == ("c", "Gamma", 5)
    assert list(rows) == [("b", "Beta", 7), ("a", "Alpha", 5), ("c", "Gamma", 5)]
    assert rows == list(rows)
