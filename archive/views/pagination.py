from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paginate(request: HttpRequest, items, per_page: int | None = None) -> Page:
    """The page the request asks for; a page number that is not a number or is past the
    end gets the nearest real page instead of an error."""
    paginator = Paginator(items, per_page or settings.PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))
