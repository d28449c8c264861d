import json
from urllib.parse import urlsplit

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from archive.presentation import FOOTNOTE_MARKER, Notes, Segment

register = template.Library()


@register.filter
def note_links(segment: Segment, notes: Notes) -> SafeString:
    """A segment of a report's body, escaped, with each marker of a note ("[3]") a link to
    the note, which links back to the marker's id; a marker with no note stays text."""
    text, pieces, cursor = segment.text, [], 0
    for match in FOOTNOTE_MARKER.finditer(text):
        marker = notes.markers.get(segment.start + match.start())
        if marker is None:
            continue
        number, marker_id = marker
        pieces.append(escape(text[cursor : match.start()]))
        pieces.append(
            f'<sup class="fn-ref"><a href="#fn-{number}" id="{marker_id}" '
            f'aria-label="Footnote {number}">[{number}]</a></sup>'
        )
        cursor = match.end()
    pieces.append(escape(text[cursor:]))
    return mark_safe("".join(pieces))


@register.filter
def host(url: str) -> str:
    """The site an address is on, as a reader names it: "memri.org"."""
    name = urlsplit(url).hostname or ""
    return name.removeprefix("www.")


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
