from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from archive.forms import SearchForm
from archive.models import Claim, Person
from archive.presentation import sources_of
from archive.search import ClaimSearch, prepare, suggest_people
from archive.search.query import describe
from archive.views.pagination import requested_page

RESULTS_PER_PAGE = 20


def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    text, order, problems = form.cleaned()
    prepared = prepare(text)
    context = {
        "form": form,
        "q": prepared.parsed.text,
        "order": order,
        "orders": SearchForm.base_fields["sort"].choices,
        "problems": problems,
        "notices": prepared.parsed.notices,
        "expansions": prepared.parsed.expansions,
        "searched": [describe(node) for node in prepared.parsed.include],
        "excluded": [describe(node) for node in prepared.parsed.exclude],
        "people": prepared.matches.people,
        "issues": prepared.matches.issues,
    }
    if not prepared.is_empty:
        results = ClaimSearch(prepared.parsed, Claim.objects.published(), order)
        number, problem = requested_page(request)
        page = results.page(number, RESULTS_PER_PAGE)
        if problem:
            problems.append(problem)
        elif page.number != number:
            problems.append(
                f"There is no page {number} of these results; "
                f"this is page {page.number} of {page.paginator.num_pages}."
            )
        context |= {
            "has_results": True,
            "page": page,
            "sources": sources_of(page.object_list),
            "suggestions": suggest_people(
                prepared, Person.objects.published(), found=page.paginator.count
            ),
        }
    return render(request, "search/results.html", context, status=200)
