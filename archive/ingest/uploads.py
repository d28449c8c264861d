"""A dispatch uploaded as a file, turned into plain text or refused with a reason an editor
understands: `.txt` in UTF-8 or Windows-1252, `.html` reduced to its text (never its
scripts or styles), at most `MAX_UPLOAD_BYTES`."""

from html.parser import HTMLParser
from pathlib import PurePath

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}


class UnreadableText(ValueError):
    """The text or file cannot be imported; the message says why, for the editor."""


def text_of_upload(name: str, data: bytes) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise UnreadableText(f"\u201c{name}\u201d is not a .txt or .html file.")
    if len(data) > MAX_UPLOAD_BYTES:
        # Only the limit and one byte more were read: the file's own size is not known.
        raise UnreadableText(
            f"\u201c{name}\u201d is larger than {MAX_UPLOAD_BYTES // 1024 // 1024} MB, the limit."
        )
    text = decode(name, data)
    if suffix in HTML_SUFFIXES:
        text = text_of_html(text)
    return checked_text(text, f"\u201c{name}\u201d")


def checked_text(text: str, what: str = "The text") -> str:
    """Line endings made plain; refuse text that is empty, binary or too long."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if "\x00" in text:
        raise UnreadableText(f"{what} contains NUL bytes: it looks like a binary file.")
    if not text:
        raise UnreadableText(f"{what} is empty.")
    if len(text.encode()) > MAX_UPLOAD_BYTES:
        raise UnreadableText(f"{what} is longer than {MAX_UPLOAD_BYTES // 1024 // 1024} MB.")
    return text


def decode(name: str, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise UnreadableText(
            f"\u201c{name}\u201d is neither UTF-8 nor Windows-1252 text "
            f"(byte {error.start} cannot be read). Save it as UTF-8 and upload it again."
        ) from None


BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "title",
    "pre",
    "table",
    "ul",
    "ol",
    "hr",
}
HIDDEN = {"script", "style", "noscript", "template", "svg", "iframe", "object", "head"}


class TextOfHtml(HTMLParser):
    """Paragraphs of an HTML page: blocks become paragraphs, hidden content is dropped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.hidden = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        elif tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCKS:
            self.end_paragraph()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS:
            self.end_paragraph()

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.hidden:
            self.current.append(data)

    def end_paragraph(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.paragraphs.append(text)
        self.current = []


def text_of_html(html: str) -> str:
    reader = TextOfHtml()
    reader.feed(html)
    reader.close()
    reader.end_paragraph()
    paragraphs = reader.paragraphs
    title = " ".join("".join(reader.title).split())
    if title and title not in paragraphs[:3]:
        paragraphs.insert(0, title)
    return "\n\n".join(paragraphs)
