"""Highlights come back from either engine wrapped in two private-use characters, which
cannot be typed into a claim by accident; the text is escaped first, then the markers become
<mark>, so nothing from the database is ever rendered as HTML."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

START, STOP = "\ue000", "\ue001"


def strip_markers(text: str) -> str:
    return text.replace(START, "").replace(STOP, "")


def to_html(highlighted: str) -> SafeString:
    escaped = escape(highlighted)
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))
