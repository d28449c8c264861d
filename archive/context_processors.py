from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    """The site's name and the page's canonical address: its path without query parameters,
    except a page number past the first."""
    canonical = request.build_absolute_uri(request.path)
    page = request.GET.get("page", "")
    if page.isascii() and page.isdigit() and len(page) <= 6 and int(page) > 1:
        canonical += f"?page={int(page)}"
    return {"site_name": settings.SITE_NAME, "canonical_url": canonical}
