from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paginate(request: HttpRequest, items, per_page: int | None = None) -> Page:
    """The page the request asks for; a page number that is not a number or is past the
    end gets the nearest real page instead of an error."""
    paginator = Paginator(items, per_page or settings.PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


def requested_page(request: HttpRequest) -> tuple[int, str]:
    """The page number asked for, and a message when it is not a page number."""
    raw = request.GET.get("page", "")
    if raw in {"", "1"}:
        return 1, ""
    # isdigit() alone accepts "²"; six digits bound the offset the database is asked for.
    if raw.isascii() and raw.isdigit() and len(raw) <= 6 and int(raw) >= 1:
        return int(raw), ""
    return 1, f"There is no page \u201c{raw[:20]}\u201d; this is the first page."
