"""The admin's "Import a report": an editor pastes or uploads a text, reviews the proposal
and saves drafts; bad files, duplicates and failures change nothing and say why."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse

from archive.ingest.builder import plan_from_proposal, propose
from archive.models import Claim, Issue, Meeting, Person, Publisher, Report, Status
from tests.browser_posts import posted_back

pytestmark = pytest.mark.django_db

SEED = Path(__file__).parents[1] / "seeds" / "memri-special-dispatch-9249.txt"
IMPORT = reverse("admin:archive_report_import")


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw-12345!", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


@pytest.fixture
def vocabulary(db):
    """An archive that knows MEMRI and a few issues, but not this report."""
    Publisher.objects.create(name="Middle East Media Research Institute (MEMRI)")
    return {
        name: Issue.objects.create(name=name) for name in ["Taiwan", "Climate change", "Xinjiang"]
    }


def form_data(response) -> dict:
    """What the browser would post back from the review page, with the publisher chosen
    (the seed's text does not name it)."""
    data = posted_back(
        [response.context["review"]],
        (response.context["officials"], response.context["claims"]),
        {"review": "1", "publisher": str(Publisher.objects.get().pk)},
    )
    # Only what the page renders reaches the server: a field the template leaves out is lost.
    page = response.content.decode()
    return {name: value for name, value in data.items() if f'name="{name}"' in page}


def review_of(client, text: str):
    response = client.post(IMPORT, {"text": text})
    assert response.status_code == 200
    assert response.templates[0].name == "admin/archive/report/import_review.html"
    return response


def claim_index(response, opening: str) -> int:
    claims = response.context["claims"].forms
    return next(
        i for i, f in enumerate(claims) if (f.initial.get("text") or "").startswith(opening)
    )


def test_the_report_list_offers_the_import(editor_client):
    page = editor_client.get(reverse("admin:archive_report_changelist")).content.decode()
    assert IMPORT in page and "Import a report" in page
    assert editor_client.get(IMPORT).status_code == 200


def test_people_without_the_editors_rights_cannot_import(client, django_user_model):
    user = django_user_model.objects.create_user("visitor", password="pw-12345!", is_staff=True)
    client.force_login(user)
    assert client.get(IMPORT).status_code == 403


def test_an_editor_imports_the_seed_fixes_an_issue_and_gets_drafts(editor_client, vocabulary):
    review = review_of(editor_client, SEED.read_text())
    page = review.content.decode()
    assert "Special Dispatch" in page and "Anchorage, Alaska" in page and "Yang Jiechi" in page
    data = form_data(review)
    taiwan = claim_index(review, "The United States reiterated its adherence")
    data[f"claims-{taiwan}-issues"] = [
        str(vocabulary["Taiwan"].pk),
        str(vocabulary["Climate change"].pk),
    ]
    response = editor_client.post(IMPORT, data)
    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:archive_report_change", args=[report.pk])
    assert (report.status, report.meeting.status, report.number) == (
        Status.DRAFT,
        Status.DRAFT,
        "9249",
    )
    assert report.claims.count() >= 63
    # Where the relayed account begins is kept through the review, as an import without
    # review keeps it: the dispatch's own introduction is nobody's account.
    plan = plan_from_proposal(propose(SEED.read_text()))
    assert report.relayed_from == plan.relayed_from is not None
    fixed = report.claims.get(text__startswith="The United States reiterated")
    assert set(fixed.issues.values_list("name", flat=True)) == {"Taiwan", "Climate change"}
    assert str(fixed.delegation.country) == "US"
    assert Person.objects.count() == 4
    # Drafts stay the editors': the claim's permanent address is not public yet; its editor
    # sees it there under the draft banner.
    assert Client().get(fixed.get_absolute_url()).status_code == 404
    assert "Draft: not public." in editor_client.get(fixed.get_absolute_url()).content.decode()
    # The report's page the import lands on offers to publish it.
    landed = editor_client.get(response["Location"], follow=True).content.decode()
    assert "as a draft with" in landed
    publish = reverse("admin:archive_report_publish", args=[report.pk])
    assert f'<form method="post" action="{publish}">' in landed


def test_a_claims_issues_are_found_as_on_the_claim_form_and_saved(editor_client, vocabulary):
    review = review_of(editor_client, SEED.read_text())
    page = review.content.decode()
    taiwan = claim_index(review, "The United States reiterated its adherence")
    select = re.search(rf'<select name="claims-{taiwan}-issues".*?</select>', page, re.S)[0]
    assert 'class="admin-autocomplete"' in select
    assert 'data-model-name="claim" data-field-name="issues"' in select
    assert "/static/admin/js/autocomplete.js" in page
    # Without JavaScript it is a plain multiple choice of every issue.
    assert " multiple" in select
    assert all(f">{name}</option>" in select for name in vocabulary)

    found = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "tai", "app_label": "archive", "model_name": "claim", "field_name": "issues"},
    ).json()["results"]
    assert [issue["text"] for issue in found] == ["Taiwan"]
    data = form_data(review)
    data[f"claims-{taiwan}-issues"] = [issue["id"] for issue in found]
    assert editor_client.post(IMPORT, data).status_code == 302
    claim = Claim.objects.get(text__startswith="The United States reiterated")
    assert list(claim.issues.values_list("name", flat=True)) == ["Taiwan"]


def test_a_claim_that_is_not_in_the_text_is_refused_with_the_closest_passage(
    editor_client, vocabulary
):
    review = review_of(editor_client, SEED.read_text())
    data = form_data(review)
    lie = claim_index(review, "the claim that there is genocide")
    data[f"claims-{lie}-text"] = (
        "the claim that there is genocide in Xinjiang is the lie of the century."
    )
    response = editor_client.post(IMPORT, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "This text is not in the report" in page and "biggest lie of the century" in page
    assert not Report.objects.exists() and not Meeting.objects.exists()


def test_an_unattributed_claim_must_be_given_a_side_or_unticked(editor_client, vocabulary):
    review = review_of(editor_client, SEED.read_text())
    data = form_data(review)
    data["claims-0-side"] = ""
    response = editor_client.post(IMPORT, data)
    assert "Choose the side that said it" in response.content.decode()
    assert not Report.objects.exists()
    del data["claims-0-include"]
    assert editor_client.post(IMPORT, data).status_code == 302


def test_a_report_already_in_the_archive_is_not_imported_twice(editor_client, seed):
    counts = Report.objects.count(), Claim.objects.count()
    response = editor_client.post(IMPORT, {"text": SEED.read_text()})
    page = response.content.decode()
    dispatch = Report.objects.get()
    assert "already in the archive" in page
    assert reverse("admin:archive_report_change", args=[dispatch.pk]) in page
    assert (Report.objects.count(), Claim.objects.count()) == counts


def test_a_failure_while_saving_leaves_nothing_behind(
    editor_client, vocabulary, claim_save_fails_at
):
    data = form_data(review_of(editor_client, SEED.read_text()))
    claim_save_fails_at(20, DatabaseError("disk full"))
    response = editor_client.post(IMPORT, data)
    assert response.status_code == 200
    assert "Nothing was saved" in response.content.decode()
    assert not Report.objects.exists() and not Meeting.objects.exists()
    assert not Person.objects.exists() and not Claim.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("dispatch.pdf", b"%PDF-1.4", "is not a .txt or .html file"),
        ("big.txt", b"a" * (2 * 1024 * 1024 + 1), "larger than 2 MB, the limit"),
        ("empty.txt", b"   \n", "is empty"),
        ("binary.txt", b"abc\x00def", "NUL bytes"),
    ],
)
def test_a_bad_upload_is_refused_with_a_reason(editor_client, name, content, message):
    response = editor_client.post(IMPORT, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Report.objects.exists()


def test_a_windows_1252_text_file_is_read(editor_client, vocabulary):
    text = SEED.read_text().replace("'", "\u2019")
    upload = SimpleUploadedFile("dispatch.txt", text.encode("cp1252"))
    review = editor_client.post(IMPORT, {"file": upload})
    assert "China\u2019s development" in review.context["review"]["body"].value()


def test_an_html_page_is_reduced_to_its_text(editor_client, vocabulary):
    paragraphs = SEED.read_text().split("\n\n")
    html = (
        "<html><head><title>MEMRI</title><style>p { color: red }</style></head><body>"
        "<script>alert('x')</script>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</body></html>"
    )
    review = editor_client.post(IMPORT, {"file": SimpleUploadedFile("page.html", html.encode())})
    body = review.context["review"]["body"].value()
    assert "alert" not in body and "color: red" not in body
    assert "the biggest lie of the century" in body
    assert len(review.context["claims"].forms) > 60


def test_pasting_and_uploading_at_once_is_refused(editor_client):
    upload = SimpleUploadedFile("a.txt", b"Some text")
    response = editor_client.post(IMPORT, {"text": "Other text", "file": upload})
    assert "not both" in response.content.decode()


def test_an_official_the_importer_did_not_match_can_be_chosen_from_similar_people(
    editor_client, vocabulary
):
    jacob = Person.objects.create(name="Jacob Sullivan")
    review = review_of(editor_client, SEED.read_text())
    sullivan = next(
        f for f in review.context["officials"].forms if f.initial.get("name") == "Jake Sullivan"
    )
    assert sullivan.initial["person"] is None  # not matched: another first name
    assert jacob in sullivan.fields["person"].queryset


def test_a_text_with_more_claims_than_a_review_can_hold_is_refused(
    editor_client, vocabulary, monkeypatch
):
    """Django's formsets stop at 1,000 forms: a text of many dispatches (2,000 claims) must
    be refused before the review, not when the editor saves it."""
    monkeypatch.setattr("archive.admin_import.views.MAX_IMPORTED_CLAIMS", 20)
    response = editor_client.post(IMPORT, {"text": SEED.read_text()})
    page = response.content.decode()
    assert response.templates[0].name == "admin/archive/report/import.html"
    assert "one import takes at most 20" in page
    assert Report.objects.count() == 0


def test_the_review_says_which_speakers_to_check_first_and_keeps_it_after_an_error(
    editor_client, vocabulary
):
    text = (
        "Wang Yi Holds Talks with Turkish Foreign Minister Hakan Fidan\n\n"
        "On June 3, 2024, Chinese Foreign Minister Wang Yi held talks with Turkish Foreign "
        "Minister Hakan Fidan in Beijing.\n\n"
        "Wang Yi said that China values its ties with Türkiye. He stressed that Taiwan is "
        "China's internal affair."
    )
    response = review_of(editor_client, text)
    page = response.content.decode()
    assert "Check who said it:" in page
    assert "\u201cHe\u201d is read as Wang Yi." in page
    # A claim whose speaker the sentence names carries no such note.
    named = response.context["claims"].forms[claim_index(response, "China values its ties")]
    assert named.initial["doubt"] == ""
    data = form_data(response)
    data["title"] = ""  # an error sends the review back: the notes stay
    again = editor_client.post(IMPORT, data).content.decode()
    assert "\u201cHe\u201d is read as Wang Yi." in again


def test_a_review_refuses_to_build_on_a_record_changed_since_it_was_shown(
    editor_client, vocabulary
):
    wang = Person.objects.create(name="Wang Yi")  # the archive knows him: the review reuses him
    response = review_of(editor_client, SEED.read_text())
    data = form_data(response)
    assert wang.pk in [f.initial.get("person") for f in response.context["officials"].forms]
    wang.note = "Edited by another editor meanwhile."
    wang.save()

    again = editor_client.post(IMPORT, data)

    assert again.status_code == 200
    page = again.content.decode()
    assert "Since this review was shown, someone changed the person" in page
    assert not Report.objects.exists()
    # Shown again, the review builds on the record as it is now.
    fresh = form_data(review_of(editor_client, SEED.read_text()))
    assert editor_client.post(IMPORT, fresh).status_code == 302


def test_the_address_given_with_the_text_fills_the_url_and_tells_whose_account(
    editor_client, vocabulary
):
    text = (
        "Readout of the Prime Minister's call with Chancellor Scholz\n\n"
        "Prime Minister Rishi Sunak spoke with Chancellor Olaf Scholz of Germany today. "
        "The Prime Minister stressed the need to support Ukraine.\n"
    )
    address = "https://www.gov.uk/government/news/pm-call-with-chancellor-scholz-2023"
    response = editor_client.post(IMPORT, {"text": text, "address": address})
    review = response.context["review"]
    assert review.initial["url"] == address
    officials = {
        f.initial["name"]: f.initial for f in response.context["officials"].forms if f.initial
    }
    assert officials["Rishi Sunak"]["side"] != officials["Olaf Scholz"]["side"]
    assert (
        "The side of Rishi Sunak is taken from who issued the report." in response.context["notes"]
    )


def test_an_address_that_is_not_one_is_refused_and_the_text_kept(editor_client):
    response = editor_client.post(IMPORT, {"text": "Some text.", "address": "not an address"})
    assert response.context["form"].errors["address"]
    assert "Some text." in response.content.decode()


def test_an_official_whose_side_is_inferred_is_marked_on_their_row_not_on_each_claim(
    editor_client, vocabulary
):
    text = (
        "On June 3, 2024, Foreign Minister Wang Yi held talks with Turkish Foreign Minister "
        "Hakan Fidan in Beijing.\n\n"
        "Wang Yi said that China values its ties with Türkiye.\n"
    )
    response = editor_client.post(
        IMPORT, {"text": text, "address": "https://www.fmprc.gov.cn/eng/wjbxw/t20240603.html"}
    )
    officials = {form.initial.get("name"): form for form in response.context["officials"].forms}
    assert officials["Wang Yi"].initial["doubt"] == (
        "The side of Wang Yi is taken from who issued the report."
    )
    assert officials["Hakan Fidan"].initial["doubt"] == ""  # "Turkish" is written with him
    assert "Check the side:" in response.content.decode()
    ties = response.context["claims"].forms[claim_index(response, "China values its ties")]
    assert ties.initial["doubt"] == ""


def test_a_long_note_on_an_officials_side_does_not_stop_the_save(editor_client, vocabulary):
    review = review_of(editor_client, SEED.read_text())
    data = form_data(review)
    data["officials-0-doubt"] = "The side of " + ", ".join(["Someone"] * 120) + " is inferred."
    response = editor_client.post(IMPORT, data)
    assert response.status_code == 302
    assert Report.objects.count() == 1


@pytest.mark.parametrize("field", ["meeting", "officials-TOTAL_FORMS", "claims-0-speaker"])
def test_a_number_written_in_another_script_gets_an_answer_not_an_error(
    editor_client, vocabulary, field
):
    data = form_data(review_of(editor_client, SEED.read_text()))
    data[field] = "\u00b2"  # "²": a digit to str.isdigit(), not a number to int()
    response = editor_client.post(IMPORT, data)
    assert response.status_code == 200
    assert Report.objects.count() == 0
