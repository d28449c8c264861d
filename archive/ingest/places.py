"""Where a meeting took place, as readouts say it: "in Malta", "in the Alaskan city of
Anchorage", "today in Beijing", "in Anchorage, Alaska", or a dateline ("BEIJING, June 19
(Xinhua) --", "Washington, DC (STL.News)"). A place is what the gazetteer knows
(`gazetteer.place`), never any capitalised word after "in"."""

import re

from archive.ingest.dates import DATE_PATTERNS, MONTHS
from archive.ingest.gazetteer import place
from archive.ingest.names import is_title_noun
from archive.ingest.proposal import Span

WORD = r"[A-Z\u00C0-\u024F][\w'\u2019.\-]*"
RUN = rf"{WORD}(?:\s+(?:{WORD}|of|de|la|el))*"
# "in X", "visit to X", "in the Alaskan city of X", "held in the capital X".
PLACE_PHRASE = re.compile(
    rf"\b(?:in|visit to|trip to|arrived at|arrived in|visiting|welcome you to|welcome to)\s+"
    rf"(?:the\s+(?:[\w\-]+\s+){{0,3}}?(?:city|capital|town|resort|port|island)\s+(?:of\s+)?)?"
    rf"(?P<place>{RUN}(?:,\s+{RUN})*)"
)
# A dateline: the place, then a date, an agency, or a dash or colon.
DATELINE = re.compile(
    rf"^(?:\(?[A-Z][\w.]*\)?\s+)?(?P<place>{WORD}(?:\s+{WORD}){{0,3}}?)(?:,\s+(?P<region>{WORD}"
    rf"(?:\s+{WORD})?))?\s*(?:,|:|\(|\u2014|\u2013|--|-\s|/|$"
    # "Addis Ababa October 12/2022/ENA/": the date right after the place.
    rf"|\s(?=(?:{'|'.join(m.title() for m in MONTHS)})\.?\s+\d))"
)
# What follows a dateline's comma: a date ("June 19", "28.11.2018", "10th January") or an
# agency in brackets.
DATED = re.compile(rf"\s*(?:\d|\(|(?:{'|'.join(MONTHS)})\b)", re.IGNORECASE)
# What may follow the last part of a place: "in Anchorage, Alaska, on March 18".
PART_ENDS = re.compile(r"^(?:[,.;:)]|\s+(?:on|to|for|at|in|from|during|and [a-z])\b|$)")
NOT_PLACES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "president", "minister", "secretary", "the", "our", "his", "her",
}  # fmt: skip


def known(words: str) -> tuple[str, str] | None:
    bare = words.strip(" ,.")
    if not bare or bare.lower() in MONTHS or bare.lower() in NOT_PLACES:
        return None
    return place(bare)


def longest_place(words: str) -> tuple[int, tuple[str, str]] | None:
    """The longest run of `words`' first words the gazetteer knows ("New Delhi Thursday"
    gives "New Delhi"), as (its length in characters, (code, kind))."""
    tokens = list(re.finditer(r"\S+", words))
    for count in range(len(tokens), 0, -1):
        end = tokens[count - 1].end()
        while end and words[end - 1] in ",.":
            end -= 1
        found = known(words[:end])
        if found:
            return end, found
    return None


def place_in(text: str, offset: int) -> Span | None:
    """The first place the text names after "in" (or "visit to"), preferring a city or a
    state to a country: "in China ... in Beijing" gives Beijing."""
    country = None
    for match in PLACE_PHRASE.finditer(text):
        words = match.group("place")
        first = longest_place(words)
        if first is None:
            continue
        end, (_, kind) = first
        # Further parts name the state or country the place is in: "Anchorage, Alaska".
        rest = words[end:]
        while kind != "country":
            part = re.match(rf",\s+({WORD}(?:\s+{WORD})*)", rest)
            if part is None or known(part.group(1)) is None:
                break
            after = text[match.start("place") + end + part.end() :]
            if not re.match(
                r"^(?:[,.;:)]|\s+(?:on|to|for|at|in|from|during|and [a-z])\b|$)", after
            ):
                break
            end += part.end()
            rest = words[end:]
        start = offset + match.start("place")
        found = Span(start, start + end, words[:end].rstrip(",. "))
        found = Span(found.start, found.start + len(found.text), found.text)
        if kind != "country":
            return found
        country = country or found
    return country


def dateline_place(text: str, offset: int) -> Span | None:
    """The place a dateline opens the text, or one of its first lines, with ("    TOKYO,
    Dec. 14 (Xinhua) --" under a pasted menu), when the gazetteer knows it as a city."""
    for number, line in enumerate(list(re.finditer(r"[ \t]*([^\n]*)", text))[:8]):
        match = DATELINE.match(line.group(1))
        if number and match and match.end() == len(line.group(1)):
            continue  # a later line that is only a name ("The White House") dates nothing
        if match is None:
            continue
        prefix = line.group(1)[: match.start("place")].strip().lower()
        if prefix and is_title_noun(prefix):
            continue  # "PRESIDENT LULA: (As translated.)": a speaker, not a dateline
        # The word the pattern sets aside as a prefix may open the place ("ABU DHABI,").
        begin = next(
            (
                at
                for at in (match.start("place"), match.start())
                if (found := known(line.group(1)[at : match.end("place")]))
                and found[1] != "country"
            ),
            None,
        )
        region = match.group("region")
        if begin is None and region and (found := known(region)) and found[1] != "country":
            # "Presidential Villa, Abuja, Nigeria - ...": the building, then the city.
            start = line.start(1) + match.start("region")
            end = line.start(1) + match.end("region")
            return Span(offset + start, offset + end, text[start:end])
        if begin is None:
            continue
        # A later line's "Joe, I appreciate ..." in a speech: a name, not a dateline (the
        # first line may be "Doha, HE Minister ... met today": the agency's own style).
        undated = not DATED.match(line.group(1)[match.end() :])
        if number and match.group(0).endswith(",") and not match.group("region") and undated:
            continue
        end = match.end("place")
        if region and known(region):
            end = match.end("region")
        start = line.start(1) + begin
        return Span(offset + start, offset + line.start(1) + end, text[start : line.start(1) + end])
    return None


# A place written beside a date in a heading line: "..., New York, September 27, 2015",
# "January 20, 2022 - Paris, France - Global Affairs Canada".
NAMES = rf"{WORD}(?:\s+{WORD})*(?:,\s+{WORD}(?:\s+{WORD})*)*"
BEFORE_DATE = re.compile(rf"(?P<place>{NAMES})\s*[,\-\u2013\u2014]\s*$")
AFTER_DATE = re.compile(rf"\s*[,\-\u2013\u2014]\s*(?P<place>{NAMES})")


def place_beside_date(line: str, offset: int) -> Span | None:
    """A city the gazetteer knows, written right before or right after a date in `line`,
    with the region or country written after it ("Paris, France")."""
    for pattern in DATE_PATTERNS:
        for date in pattern.finditer(line):
            before = BEFORE_DATE.search(line[: date.start()])
            after = AFTER_DATE.match(line, date.end())
            # Before a date the place is the last name ("talks with John Kerry, New York"),
            # after it the first ("- Paris, France - Global Affairs Canada").
            for found, last in ((before, True), (after, False)):
                if found is None:
                    continue
                parts = list(re.finditer(r"[^,]+", found.group("place")))
                for index in range(len(parts) - 1, -1, -1) if last else range(len(parts)):
                    city = parts[index]
                    kind = known(city.group(0))
                    if kind is None or kind[1] == "country":
                        continue
                    end = city.end()
                    if index + 1 < len(parts) and known(parts[index + 1].group(0)):
                        end = parts[index + 1].end()  # "Paris, France"
                    begin = (
                        found.start("place")
                        + city.start()
                        + len(city.group(0))
                        - len(city.group(0).lstrip())
                    )
                    stop = found.start("place") + end
                    return Span(offset + begin, offset + stop, line[begin:stop])
    return None


# Words by which speakers say where they are: "welcome you to Moscow", "here in Karuizawa".
PRESENCE = re.compile(
    rf"\b(?:welcome (?:you )?(?:back )?(?:to|in)|here in|gathered in|hosting (?:you )?in)\s+"
    rf"(?P<place>{RUN}(?:,\s+{RUN})*)"
)


def place_of_presence(text: str, offset: int) -> Span | None:
    """A place the speakers say they are in, when the gazetteer knows it."""
    for match in PRESENCE.finditer(text):
        found = longest_place(match.group("place"))
        if found:
            start = offset + match.start("place")
            words = match.group("place")[: found[0]]
            return Span(start, start + len(words), words)
    return None


# A heading that ends with where it took place: "... With Polish Minister of National
# Defense Mariusz Blaszczak, Warsaw, Poland".
TRAILING_PLACE = re.compile(
    rf",\s+(?P<place>{WORD}(?:\s+{WORD})*(?:,\s+{WORD}(?:\s+{WORD})*)?)\s*$"
)


def place_line(text: str, offset: int) -> Span | None:
    """A line that is only a city the gazetteer knows, with its region or country
    ("Brasilia, Brazil" under a release's heading), or a heading that ends with one."""
    for line in re.finditer(r"[^\n]+", text):
        words = line.group(0).strip()
        begin = line.start() + len(line.group(0)) - len(line.group(0).lstrip())
        trailing = TRAILING_PLACE.search(words)
        for at, candidate in ((0, words), (trailing.start("place") if trailing else -1, "")):
            if at < 0:
                continue
            candidate = candidate or trailing.group("place")
            city, _, region = candidate.partition(",")
            found = known(city)
            if found is None or found[1] == "country":
                continue
            if region.strip() and known(region) is None:
                continue
            if at == 0 and len(candidate) != len(words):
                continue
            start = offset + begin + at
            return Span(start, start + len(candidate), candidate)
    return None
