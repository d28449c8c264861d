"""Search against the seed archive: run on SQLite and on PostgreSQL, same expectations."""

import datetime

import pytest
from django.core.management import call_command

from archive.models import Claim, Issue, IssueAlias, Meeting, Person, PersonAlias, Report
from archive.search import (
    RecordSource,
    newest_records,
    prepare,
    suggest_people,
)
from tests.factories import make_meeting, search_claims

pytestmark = pytest.mark.django_db


def top(text: str, n: int = 3) -> list[Claim]:
    return search_claims(text, limit=n)


def found(text: str) -> set[int]:
    return {claim.pk for claim in search_claims(text)}


def texts(claims: list[Claim]) -> list[str]:
    return [claim.text for claim in claims]


def test_biggest_lie_finds_the_xinjiang_claim_first(seed):
    assert "genocide in China's Xinjiang" in top("biggest lie")[0].text


def test_a_phrase_finds_the_taiwan_claims(seed):
    results = texts(top('"one-China"', 5))
    assert any("reiterated its adherence to the one-China policy" in t for t in results[:3])
    assert any("abide by the one-China principle" in t for t in results[:3])


def test_climate_finds_the_joint_working_group_first(seed):
    assert "joint working group on climate change" in top("climate")[0].text


def test_ccp_finds_claims_about_cpc_leadership(seed):
    results = texts(top("CCP leadership", 3))
    assert any("without the leadership of the CPC" in t for t in results)
    assert any("The leadership role of the CPC" in t for t in results)


def test_exclusion_leaves_out_claims_with_the_word(seed):
    taiwan = found("Taiwan")
    without = found("Taiwan -independence")
    assert without < taiwan
    assert all("independence" not in Claim.objects.get(pk=pk).text for pk in without)


def test_or_finds_either_word(seed):
    either = found("Tibet OR Xinjiang")
    assert found("Tibet") | found("Xinjiang") == either
    assert found("Tibet") and found("Xinjiang")


def test_prefix_finds_every_form(seed):
    results = texts(Claim.objects.filter(pk__in=found("sovereign*")))
    assert any("sovereignty" in t for t in results)


def test_stemming_finds_other_forms(seed):
    assert found("urged") == found("urges") != set()
    assert found("cooperating") == found("cooperation") != set()


def test_issue_names_and_aliases_find_their_claims(seed):
    hong_kong = found("Hong Kong")
    assert found("HKSAR") == hong_kong
    assert found("Xizang") == found("Tibet")


def test_a_person_alias_finds_the_person_named_in_text(seed):
    assert found("Anthony Blinken") == found("Antony Blinken")
    prepared = prepare("Anthony Blinken")
    assert [p.name for p in prepared.matches.people] == ["Antony Blinken"]
    assert ("Anthony Blinken", ["Antony Blinken", "Tony Blinken"]) in prepared.parsed.expansions


def test_stopwords_only_and_empty_queries_search_nothing(seed):
    assert prepare("the of").is_empty
    assert prepare("").is_empty


def test_hostile_input_finds_nothing_and_raises_nothing(seed):
    for text in (
        '"unbalanced',
        "NEAR(",
        "column:value",
        "'; DROP TABLE",
        "\u4e2d\u56fd",
        "x" * 400,
    ):
        found(text)


def test_newest_and_oldest_orders(seed):
    from tests.factories import make_meeting

    later = make_meeting(claims=3)
    newest = search_claims("talking", "newest", 10)
    assert newest[0].meeting == later
    oldest = search_claims("sovereignty", "oldest", 50)
    assert [c.meeting.start_date for c in oldest] == sorted(c.meeting.start_date for c in oldest)


def test_drafts_are_not_found(seed):
    from tests.factories import make_meeting

    make_meeting(status="draft", claims=3)
    assert not found("restraint")
    make_meeting(claims=3)
    assert len(found("restraint")) == 1


def test_highlights_mark_matches_and_escape_everything_else(seed, anchorage):
    report = Report.objects.get(meeting=anchorage)
    text = 'Then <script>alert("x")</script> &amp; <b>walked</b> out.'
    report.body += "\n\n" + text
    report.save()
    claim = Claim.objects.create(report=report, text=text, delegation=anchorage.delegations.first())
    results = {c.pk: str(c.highlighted) for c in top("walked", 5)}
    html = results[claim.pk]
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;amp;" in html
    assert "<mark>walked</mark>" in html


def test_prefix_searches_highlight_every_claim_of_the_page(seed):
    # Several claims spread over the table, highlighted in one pass on SQLite.
    claims = top("sovereign* -Xinjiang", 20)
    saying_it = [claim for claim in claims if "sovereign" in claim.text.lower()]
    assert len(saying_it) >= 3
    for claim in saying_it:  # the others match on their issue's name
        assert "<mark>sovereign" in str(claim.highlighted).lower(), claim.text
    assert all("Xinjiang" not in claim.text for claim in claims)


def newest_first(queryset, date: str) -> RecordSource:
    return RecordSource(searched=queryset, shown=queryset, order=(f"-{date}", "-pk"))


def test_reports_and_meetings_are_found_with_highlights(seed):
    prepared = prepare("genocide")
    (reports,) = newest_records(prepared.parsed, newest_first(Report.objects.published(), "date"))
    assert [r.slug for r in reports] == ["memri-special-dispatch-9249"]
    assert "<mark>genocide</mark>" in str(reports[0].highlighted)
    (meetings,) = newest_records(
        prepare("Anchorage").parsed, newest_first(Meeting.objects.published(), "start_date")
    )
    assert meetings[0].slug == "2021-03-18-china-us-high-level-strategic-dialogue"


def test_a_phrase_finds_only_records_that_hold_it_not_its_words_apart(seed):
    apart = make_meeting(start=datetime.date(2024, 1, 1))
    apart.summary = "Integrity was discussed, and territorial waters."
    apart.save()
    together = make_meeting(start=datetime.date(2023, 1, 1))
    together.summary = "Both stressed territorial integrity."
    together.save()
    meetings = newest_first(Meeting.objects.published(), "start_date")
    (found,) = newest_records(prepare('"territorial integrity"').parsed, meetings)
    assert together in found and apart not in found
    (found,) = newest_records(prepare('waters -"territorial integrity"').parsed, meetings)
    assert found == [apart]


def test_reports_and_meetings_come_newest_first_and_drafts_never(seed, anchorage):
    report = Report.objects.get(meeting=anchorage)
    newer = make_meeting(start=datetime.date(2023, 5, 1), claims=1)
    newer.summary = "Talks in Anchorage again."
    newer.save()
    draft = make_meeting(start=datetime.date(2024, 5, 1), claims=1, status="draft")
    draft.summary = "Anchorage, a draft."
    draft.save()
    (meetings,) = newest_records(
        prepare("Anchorage").parsed, newest_first(Meeting.objects.published(), "start_date")
    )
    assert meetings[0] == newer and anchorage in meetings and draft not in meetings
    assert [m.start_date for m in meetings] == sorted(
        (m.start_date for m in meetings), reverse=True
    )
    assert "<mark>Anchorage</mark>" in str(meetings[0].highlighted)
    reports = newest_first(Report.objects.published(), "date")
    assert newest_records(prepare("zzyzx").parsed, reports) == [[]]
    assert report in newest_records(prepare("Blinken").parsed, reports)[0]


@pytest.mark.parametrize("typed", ["Blinkin", "Wang Yee", "Yang Jeichi"])
def test_misspelt_officials_get_a_did_you_mean(seed, typed):
    prepared = prepare(typed)
    suggestions = suggest_people(prepared, Person.objects.published())
    expected = {"Blinkin": "Antony Blinken", "Wang Yee": "Wang Yi", "Yang Jeichi": "Yang Jiechi"}
    assert suggestions and suggestions[0].name == expected[typed]


def test_ordinary_words_get_no_did_you_mean(seed):
    for text in ("climate", "sovereignty", "Wang Yi"):
        assert suggest_people(prepare(text), Person.objects.published()) == []


@pytest.mark.parametrize(
    ("typed", "named"),
    [("Blinken", "Antony Blinken"), ("Wang", "Wang Yi"), ("yang", "Yang Jiechi")],
)
def test_a_word_of_an_officials_name_finds_the_official_not_another(seed, typed, named):
    prepared = prepare(typed)
    assert [person.name for person in prepared.matches.partly_named] == [named]
    assert prepared.matches.equivalents == {}  # a quick link, not a wider search
    assert suggest_people(prepared, Person.objects.published()) == []


def test_a_name_typed_without_quotes_finds_its_equivalents(seed):
    unquoted, quoted = prepare("Communist Party of China"), prepare('"Communist Party of China"')
    assert unquoted.parsed.expansions == [
        ("Communist Party of China", ["CPC", "CCP", "Chinese Communist Party"])
    ]
    assert found("Communist Party of China") == found('"Communist Party of China"')
    assert quoted.parsed.expansions == unquoted.parsed.expansions
    assert found("Group of 20") >= found("G20")


def test_a_synonym_set_does_not_search_the_pronoun_us(seed):
    """ "US" in the U.S. synonym set would rank "told us" (and "use" on SQLite) first: every
    seed claim matches through its report's title, so the order tells."""
    for claim in top("USA", 5):
        assert "U.S." in claim.text or "United States" in claim.text, claim.text


class TestTheIndexFollowsEdits:
    def test_a_new_claim_is_searchable_at_once(self, seed, anchorage):
        report = Report.objects.get(meeting=anchorage)
        claim = Claim.objects.create(report=report, text="The two sides discussed", joint=True)
        claim.issues.add(Issue.objects.get(slug="covid-19"))
        assert claim.pk in found("coronavirus discussed")

    def test_editing_a_claims_text_reindexes_it(self, biggest_lie):
        words = "the biggest lie of the century"
        # Text and offsets together: the database refuses a claim whose offsets do not hold
        # its words.
        biggest_lie.start = biggest_lie.report.body.index(words)
        biggest_lie.end = biggest_lie.start + len(words)
        biggest_lie.text = words
        biggest_lie.save()
        assert biggest_lie.pk not in found("genocide")
        assert biggest_lie.pk in found("century")

    def test_a_new_issue_alias_reaches_its_claims(self, biggest_lie):
        assert biggest_lie.pk not in found("Turkestan region")
        IssueAlias.objects.create(issue=Issue.objects.get(slug="xinjiang"), name="Turkestan region")
        assert biggest_lie.pk in found("Turkestan region")

    def test_renaming_an_issue_reaches_its_claims(self, biggest_lie):
        xinjiang = Issue.objects.get(slug="xinjiang")
        xinjiang.name = "East Turkestan"
        xinjiang.save()
        biggest_lie.refresh_from_db()
        assert "East Turkestan" in biggest_lie.search_issues
        assert biggest_lie.pk in found("Turkestan")

    def test_a_speakers_alias_reaches_their_claims(self, seed, anchorage, blinken):
        report = Report.objects.get(meeting=anchorage)
        speaker = blinken.participations.get(meeting=anchorage)
        claim = Claim.objects.create(
            report=report,
            text="tough and direct",
            delegation=speaker.delegation,
            speaker=speaker,
        )
        assert claim.pk in found("Blinken direct")
        PersonAlias.objects.create(person=blinken, name="Secretary Blinken of State")
        claim.refresh_from_db()
        assert "Secretary Blinken of State" in claim.search_context

    def test_removing_an_issue_from_a_claim_reaches_the_index(self, biggest_lie):
        biggest_lie.issues.remove(Issue.objects.get(slug="human-rights"))
        biggest_lie.refresh_from_db()
        assert "Human rights" not in biggest_lie.search_issues


def test_rebuild_search_index_repairs_stale_text(seed, capsys, biggest_lie):
    Claim.objects.filter(pk=biggest_lie.pk).update(search_context="")
    call_command("rebuild_search_index")
    out = capsys.readouterr().out
    assert "Recomputed the search text of 70 claims; 1 had changed." in out
    assert "rebuilt in" in out
    assert "into one segment" in out or "pending entries" in out  # merged after the rebuild
    assert biggest_lie.pk in found("Human rights genocide")


def test_merging_the_search_index_changes_no_result(seed):
    from django.db import connection

    from archive.search import indexes

    queries = ["China", "Taiwan -independence", "sovereign*", '"one-China"', "Tibet OR Xinjiang"]
    before = {q: found(q) for q in queries}
    assert len(indexes.optimize(connection)) == len(indexes.ALL)
    assert {q: found(q) for q in queries} == before


class TestReviewFindings:
    def test_a_name_with_a_repeated_word_keeps_the_query(self, seed):
        from archive.models import Synonym

        Synonym.objects.create(terms="bye bye\nfarewell")
        prepared = prepare("climate bye bye")
        assert len(prepared.parsed.include) == 2
        assert found("climate bye bye") == set()  # nothing says farewell or bye bye

    def test_or_after_a_name_is_not_swallowed(self, seed):
        prepared = prepare("Hong Kong OR Macau")
        described = [d for d in map(str, prepared.parsed.include)]
        assert len(prepared.parsed.include) == 2  # hong AND (kong OR macau), as typed
        assert "macau" in described[1]

    def test_moving_a_report_to_another_meeting_moves_its_claims(self, dispatch, biggest_lie):
        from archive.models import Status
        from tests.factories import make_meeting

        other = make_meeting(claims=1)
        dispatch.meeting = other
        dispatch.save()
        biggest_lie.refresh_from_db()
        assert biggest_lie.meeting == other
        other.status = Status.DRAFT
        other.save()
        biggest_lie.refresh_from_db()
        assert not biggest_lie.is_public

    def test_moving_an_alias_refreshes_its_old_issues_claims(self, seed):
        burma = IssueAlias.objects.get(name="Burma")
        myanmar_claims = set(Claim.objects.filter(issues=burma.issue).values_list("pk", flat=True))
        burma.issue = Issue.objects.get(slug="tibet")
        burma.save()
        for claim in Claim.objects.filter(pk__in=myanmar_claims - found("Tibet")):
            assert "Burma" not in claim.search_issues


@pytest.mark.parametrize("word", ["CCP", "Anchorage", "Xinhua", "MEMRI"])
def test_a_word_of_the_reports_title_or_source_finds_only_claims_that_say_it(seed, word):
    # Every seed claim's report is titled "... CCP Leadership ...", relayed by Xinhua,
    # published by MEMRI, about the Anchorage talks: none of that makes a claim match.
    matched = Claim.objects.filter(pk__in=found(word))
    assert matched.count() < 10, word
    for claim in matched:
        said = " ".join([claim.text, claim.search_context, claim.search_issues]).lower()
        synonyms = {"ccp": ("ccp", "cpc", "communist party")}.get(word.lower(), (word.lower(),))
        assert any(term in said for term in synonyms), (word, claim.text)


def test_a_claim_is_found_by_its_speaker_side_and_issues(seed, biggest_lie):
    assert biggest_lie.pk in found("genocide China")  # its side's country
    assert biggest_lie.pk in found('genocide "human rights"')  # its issue's name
    taiwan_claims = set(Claim.objects.filter(issues__slug="taiwan").values_list("pk", flat=True))
    assert taiwan_claims <= found("Taiwan")


def test_the_catalogue_of_names_is_read_again_only_when_names_change(seed):
    from archive.search import synonyms

    first = synonyms.catalogue()
    claim = Claim.objects.published().first()
    claim.kind = "warning"
    claim.save()
    kept = synonyms.catalogue()
    assert kept.revision > first.revision and kept.people is first.people
    person = Person.objects.get(name__contains="Blinken")
    PersonAlias.objects.create(person=person, name="A. J. Blinken of State")
    assert synonyms.catalogue().people is not first.people
