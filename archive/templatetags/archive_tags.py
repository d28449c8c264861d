import json
import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

FOOTNOTE_MARKER = re.compile(r"\[(\d{1,3})\]")


@register.filter
def footnote_links(text: str, numbers: set[int] | None = None) -> SafeString:
    """Escape `text`, then turn footnote markers like [3] into links to the footnote, when
    the report has that footnote (a marker without one stays plain text)."""
    escaped = escape(text)

    def link(match: re.Match) -> str:
        number = int(match.group(1))
        if numbers is not None and number not in numbers:
            return match.group(0)
        return (
            f'<sup class="fn-ref"><a href="#fn-{number}" id="fn-ref-{number}" '
            f'aria-label="Footnote {number}">[{number}]</a></sup>'
        )

    return mark_safe(FOOTNOTE_MARKER.sub(link, escaped))


@register.simple_tag(takes_context=True)
def page_url(context, number: int) -> str:
    """The current URL with only the page number changed."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()


JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def ld_json(data: dict) -> SafeString:
    """A JSON-LD data block (never executed: its type is not JavaScript). <, > and & are
    escaped so no text in the data can close the element, as Django's json_script does."""
    text = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
