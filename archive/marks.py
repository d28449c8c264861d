"""Each country's mark on the pages: one of eight colours with its own shape, fixed by the
country's code, so that a country looks the same at every meeting, whichever seat it took.
The mark always carries the country's name too: colour and shape only help the eye."""

import zlib

MARKS = 8


def country_mark(code: str) -> str:
    """The CSS class of a country's mark ("mark-6" for China): a stable hash of the code, so
    the mark needs no table and never changes when countries are added."""
    return f"mark-{zlib.crc32(code.upper().encode()) % MARKS}"
