import pytest

from archive.models import Claim, Issue
from archive.presentation import claim_context, claims_on, issue_index, mark_claims

pytestmark = pytest.mark.django_db


def test_the_issue_index_lists_issues_in_order_of_first_mention_with_counts(dispatch):
    claims = list(Claim.objects.filter(report=dispatch).for_display().in_document_order())
    index = issue_index(claims)
    names = [row.issue.name for row in index]
    assert names[0] == "Bilateral relations"  # "tough and direct" opens the dispatch
    assert len(names) == len(set(names))
    for row in index:
        assert row.claims == len(claims_on(claims, row.issue))


def test_claims_on_an_issue_include_its_narrower_issues_each_once(dispatch):
    claims = list(Claim.objects.filter(report=dispatch).for_display())
    bilateral = Issue.objects.get(name="Bilateral relations")
    narrower = {i.pk for i in Issue.objects.filter(parent=bilateral)}
    assert narrower, "the seed files media, visas and others under bilateral relations"
    shown = claims_on(claims, bilateral)
    assert len(shown) == len({c.pk for c in shown})
    only_narrower = [c for c in shown if bilateral.pk not in {t.pk for t in c.issues.all()}]
    assert only_narrower, "a claim tagged only with a narrower issue is shown under it"
    assert all(any(t.pk == bilateral.pk or t.pk in narrower for t in c.issues.all()) for c in shown)


def test_marking_keeps_every_character_of_the_body(dispatch):
    claims = list(Claim.objects.filter(report=dispatch).for_display())
    marked = mark_claims(dispatch.body, claims)
    marked_claims = {s.claim.pk for p in marked for s in p.segments if s.claim}
    assert marked_claims == {claim.pk for claim in claims}
    text = "".join(s.text for p in marked for s in p.segments)
    assert text.replace(" ", "") == "".join(dispatch.body.split())


def test_headings_are_recognised(dispatch):
    marked = mark_claims(dispatch.body, [])
    headings = ["".join(s.text for s in p.segments) for p in marked if p.is_heading]
    assert "China Is Ready To Work With The United States To Uphold True Multilateralism" in (
        headings
    )
    assert all(not h.startswith("Below is") and not h.startswith("(Source") for h in headings)


def test_overlapping_claims_do_not_garble_the_text(dispatch, biggest_lie):
    inner = Claim(report=dispatch, text="biggest lie", start=0, end=0)
    inner.start = dispatch.body.index("biggest lie")
    inner.end = inner.start + len("biggest lie")
    marked = mark_claims(dispatch.body, [biggest_lie, inner])
    segments = [s for p in marked for s in p.segments if s.claim]
    assert [s.claim for s in segments] == [biggest_lie]


def test_context_is_the_paragraph_around_the_claim(dispatch, biggest_lie):
    context = claim_context(dispatch.body, biggest_lie)
    assert context.quote == biggest_lie.text
    assert context.before.endswith("The Chinese side pointed out, ")
    assert context.after.startswith(" The Chinese side is ready")
