"""One log line per request, and a filter that keeps secrets out of every log line.

RequestLogMiddleware logs method, path (never the query string: searches are the readers'
business), status, duration and client address at INFO on "archive.requests". Errors are
logged by Django itself on "django.request", with the request attached to the record;
RedactSensitiveData, on the handlers, replaces that request by its method and path, and masks
passwords, tokens, cookies and the Authorization header wherever they appear in a message or
a traceback's text."""

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse

from archive.ratelimit import client_address

logger = logging.getLogger("archive.requests")

MAX_PATH = 200
# Any name containing one of these: password, new_password1, csrfmiddlewaretoken, api_key...
SENSITIVE = r"passw(?:or)?d|secret|api_?key|token|sessionid|session_?key|authorization|cookie"
# name=value (query strings, cookies), name: value (headers), 'name': 'value' and
# 'name': ['value'] (dict and QueryDict reprs); the value is replaced, the name kept.
SECRET_VALUE = re.compile(
    rf"""(?P<name>['"]?\b\w*(?:{SENSITIVE})[\w-]*['"]?)(?P<sep>\s*[:=]\s*\[?\s*)"""
    r"""(?P<value>'[^']*'|"[^"]*"|[^\s&;,\]}]+)""",
    re.IGNORECASE,
)
# A header's value runs to the end of the line ("Authorization: Basic dXNl...").
SECRET_HEADER = re.compile(
    r"""(?P<name>\b(?:HTTP_)?(?:proxy[-_])?(?:authorization|cookie|set-cookie)\b['"]?)"""
    r"""(?P<sep>\s*[:=]\s*)(?P<value>'[^']*'|"[^"]*"|[^\r\n]+)""",
    re.IGNORECASE,
)
MASK = "********"


def redact(text: str) -> str:
    def mask(match: re.Match) -> str:
        return f"{match['name']}{match['sep']}{MASK}"

    return SECRET_VALUE.sub(mask, SECRET_HEADER.sub(mask, text))


def printable(text: str) -> str:
    """`text` on one line: a path with %0A in it must not forge a second log line."""
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)


class RequestLogMiddleware:
    """Logs each request when its response is ready (for a streamed CSV: when the stream
    starts, so the duration is the time to the first byte)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        duration = (time.perf_counter() - started) * 1000
        path = printable(request.path[:MAX_PATH])
        client = client_address(request) or "-"
        logger.info(
            "%s %s %s %.0fms %s",
            request.method,
            path,
            response.status_code,
            duration,
            client,
            extra={
                "method": request.method,
                "path": path,
                "status_code": response.status_code,
                "duration_ms": round(duration, 1),
                "client": client,
            },
        )
        return response


@dataclass(frozen=True)
class RequestSummary:
    """What a log record keeps of a request: no headers, cookies, session or form data."""

    method: str
    path: str

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


class RedactSensitiveData(logging.Filter):
    """For handlers: passes a cleaned copy of each record on (the original, which other
    handlers may see, is left alone)."""

    def filter(self, record: logging.LogRecord) -> logging.LogRecord:
        clean = logging.makeLogRecord(record.__dict__)
        request = getattr(record, "request", None)
        if request is not None and not isinstance(request, str | RequestSummary):
            method = getattr(request, "method", "") or ""
            path = printable(str(getattr(request, "path", ""))[:MAX_PATH])
            clean.request = RequestSummary(method, path)
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: logging reports it; we keep the template
            message = str(record.msg)
        clean.msg, clean.args = redact(message), None
        if record.exc_info and not record.exc_text:
            clean.exc_text = logging.Formatter().formatException(record.exc_info)
        if clean.exc_text:
            clean.exc_text = redact(clean.exc_text)
        clean.exc_info = None
        return clean
