"""Every kind of public page, checked by axe-core in a real browser (Debian's Chromium): no
serious or critical violation, on a desktop screen and on a phone, in light and dark mode."""

import pytest

from tests.conftest import ANCHORAGE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SERIOUS = {"serious", "critical"}
SCREENS = {"desktop": (1280, 900), "phone": (375, 800)}


@pytest.fixture
def public_pages(transactional_db) -> dict[str, str]:
    """The seed, one claim Blinken made by name on two issues (so his page has a timeline,
    and the charts a claim with several issues), and one withdrawn claim. Made before the
    browser starts: ORM calls made while Playwright's event loop runs leave a database
    session open."""
    from django.core.management import call_command

    from archive.models import Claim, Issue, Participation, Report

    call_command("loaddata", "anchorage-2021", verbosity=0)
    report = Report.objects.get(slug="memri-special-dispatch-9249")
    blinken = Participation.objects.get(person__slug="antony-blinken", meeting__slug=ANCHORAGE)
    said = Claim.objects.create(
        report=report, text="tough and direct", delegation=blinken.delegation, speaker=blinken
    )
    said.issues.set(Issue.objects.filter(slug__in=["bilateral-relations", "xinjiang"]))
    withdrawn = Claim.objects.filter(report=report).exclude(pk=said.pk).first()
    withdrawn_url = withdrawn.get_absolute_url()
    withdrawn.delete()
    return {
        "home": "/",
        "claims": "/claims/",
        "claims narrowed to a year": "/claims/?year=2021&issue=xinjiang",
        "a claim": said.get_absolute_url(),
        "a withdrawn claim": withdrawn_url,
        "meetings": "/meetings/",
        "a meeting": f"/meetings/{ANCHORAGE}/",
        "its sides compared": f"/meetings/{ANCHORAGE}/compare/",
        "a report": report.get_absolute_url(),
        "officials": "/officials/",
        "an official": "/officials/antony-blinken/",
        "issues": "/issues/",
        "an issue": "/issues/bilateral-relations/",
        "an issue in one month": "/issues/bilateral-relations/?month=2021-03",
        "a country pair": "/countries/cn-us/",
        "a country pair's claims": "/countries/cn-us/claims/",
        "search results": "/search/?q=taiwan",
        "search with no results": "/search/?q=zzzzqqq",
        "the search page": "/search/",
        "not found": "/no-such-page/",
    }


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical findings, as "rule (impact): element" lines; the
    page's folded parts (the charts' tables) are opened first, so that they are checked."""
    from axe_playwright_python.sync_playwright import Axe

    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {', '.join(map(str, node['target']))}"
        for violation in results.response["violations"]
        if violation["impact"] in SERIOUS
        for node in violation["nodes"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_public_page_has_a_serious_accessibility_violation(
    live_server, public_pages, browser, scheme
):
    found = {}
    for screen, (width, height) in SCREENS.items():
        context = browser.new_context(
            viewport={"width": width, "height": height}, color_scheme=scheme
        )
        page = context.new_page()
        for name, path in public_pages.items():
            page.goto(live_server.url + path)
            if violations := serious_violations(page):
                found[f"{name} ({path}, {screen})"] = violations
        context.close()
    report = "\n".join(
        f"{where}:\n  " + "\n  ".join(violations) for where, violations in found.items()
    )
    assert not found, f"axe-core found serious or critical violations:\n{report}"
