"""Fill the database with a synthetic archive for benchmarks.

    manage.py generate_archive --claims 200000 --seed 1

The archive it writes has the shape of the real one: twenty years of bilateral meetings
between ~40 countries, two delegations each with their officials, one or two published
reports per meeting whose body is made of the claims, and claims whose words follow a
Zipf-like distribution with real search terms at known rates (common, middle and rare), so
search benchmarks see realistic posting-list lengths.

Everything is inserted with `bulk_create`, which skips `save()`, the signals and the history
tables; so the fields `save()` would fill (slugs, `published_at`, `end_date`,
`Claim.meeting`, `Participation.meeting`, claim offsets) and the denormalised search text
(`archive/search/document.py`) are set here explicitly.
"""

import random
import time
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils.text import slugify
from django_countries import countries

from archive.models import (
    Claim,
    Delegation,
    Issue,
    IssueAlias,
    Meeting,
    Participation,
    Person,
    PersonAlias,
    Publisher,
    Report,
    Revision,
    Status,
)
from archive.search import indexes
from archive.search.document import compose

# Every generated slug starts with this, which is how a second run recognises the first.
GEN_PREFIX = "gen-"
# Rows per INSERT statement (Django lowers it further where the database needs).
BATCH_ROWS = 5000
# Claims per transaction: large enough to amortise the commit, small enough to bound memory
# (and at most a tenth of the run, so progress shows every ~10%).
MAX_CLAIMS_PER_TRANSACTION = 10_000
MIN_CLAIMS_PER_TRANSACTION = 1_000

FIRST_YEAR, LAST_YEAR = 2005, 2025
JOINT_RATE = 0.08
SPEAKER_RATE = 0.40
PHRASE_RATE = 0.30
MIN_WORDS, MAX_WORDS, MODE_WORDS = 15, 60, 27
VOCABULARY_SIZE = 5000
ZIPF_EXPONENT = 1.1
# Zipf-Mandelbrot shift: 1/(rank + shift)^exponent. Without it the top word of a 5,000-word
# vocabulary takes 16% of all words ("the the the"); with it ~5%, as "the" does in English.
ZIPF_SHIFT = 2.7


# --- Static catalogue ---------------------------------------------------------------------


@dataclass(frozen=True)
class NameStyle:
    """Syllables a plausible name is built from: given and family name each join a start
    and an end. `family_first` orders the name as East Asian names are written."""

    given_starts: tuple[str, ...]
    given_ends: tuple[str, ...]
    family_starts: tuple[str, ...]
    family_ends: tuple[str, ...]
    family_first: bool = False


NAME_STYLES: dict[str, NameStyle] = {
    "chinese": NameStyle(
        ("Jian", "Xiao", "Wei", "Hong", "Zhi", "Yong", "Guo", "Hai", "Ming", "Qing", "Yu", "Yi"),
        ("", "guo", "hua", "ping", "ming", "jun", "lin", "qiang", "hui", "feng", "bo", "dong"),
        ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu"),
        ("", "", "", ""),
        family_first=True,
    ),
    "korean": NameStyle(
        ("Min", "Seung", "Ji", "Hyun", "Jae", "Sung", "Young", "Dong", "Kyung", "Sang", "Tae"),
        ("-ho", "-woo", "-jin", "-soo", "-min", "-hee", "-yeon", "-hoon", "-kyu", "-sik"),
        ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Moon", "Ban"),
        ("",),
        family_first=True,
    ),
    "japanese": NameStyle(
        ("Hiro", "Taro", "Ken", "Yoshi", "Masa", "Kazu", "Nobu", "Shin", "Aki", "Fumi", "Toshi"),
        ("shi", "ta", "ko", "o", "ji", "ya", "mi", "hide", "yuki", ""),
        ("Yama", "Naka", "Taka", "Kawa", "Mori", "Fuji", "Matsu", "Hashi", "Ishi", "Kita", "Oka"),
        ("moto", "mura", "shima", "da", "ta", "no", "gawa", "yama", "saki", "uchi", "hara"),
    ),
    "southeast_asian": NameStyle(
        ("Ar", "Bu", "Da", "Ha", "In", "Ka", "Ma", "Nu", "Pra", "Ri", "Su", "Tha", "Wi", "Ya"),
        ("di", "yu", "nto", "wan", "rina", "sak", "chai", "pong", "to", "lan", "sri"),
        ("Kusu", "Pra", "Sari", "Wira", "Chan", "Tan", "Lim", "Santo", "Rahm", "Pong", "Bun"),
        ("wan", "mono", "sa", "jaya", "o", "yut", "ong", "", "ad", "ak"),
    ),
    "south_asian": NameStyle(
        ("Ra", "Su", "Vi", "A", "Ma", "Sha", "Pri", "Ka", "Ni", "De", "Ha", "Ja"),
        ("jesh", "resh", "kram", "nil", "nish", "hid", "ya", "ran", "vendra", "mal", "shan"),
        ("Shar", "Ve", "Ku", "Sin", "Pa", "Go", "Kha", "Raj", "Mal", "Chat", "Qur", "Bhat"),
        ("ma", "rma", "mar", "gh", "tel", "yal", "n", "put", "hotra", "terjee", "eshi"),
    ),
    "arabic": NameStyle(
        ("Abdul", "Mo", "Kha", "Ah", "Fai", "Sa", "Ha", "Yu", "Ta", "Na", "O", "Ib"),
        ("hammed", "lid", "med", "sal", "mir", "san", "suf", "riq", "bil", "mar", "rahim"),
        ("Al-Fai", "Al-Ra", "El-Sha", "Al-Ja", "Al-Mu", "Ab", "Ka", "Mans", "Ha", "Sa"),
        ("sal", "shid", "rif", "bir", "barak", "del", "mal", "our", "ddad", "leh", "rani"),
    ),
    "middle_eastern": NameStyle(
        ("Ja", "Meh", "Ah", "Ali", "Hos", "Re", "Ke", "Er", "Mev", "Yo", "Ben", "Da"),
        ("vad", "di", "mad", "reza", "sein", "san", "za", "mal", "dogan", "lut", "av", "vid"),
        ("Za", "Ra", "Ghal", "Aba", "Dav", "Ca", "Er", "Ye", "Gol", "Lev", "Kat", "Sha"),
        ("rif", "isi", "ibaf", "di", "utoglu", "vusoglu", "dem", "lmaz", "dberg", "in", "ked"),
    ),
    "slavic": NameStyle(
        ("Vla", "Ser", "Dmit", "Yev", "Nik", "Bor", "Ole", "Tat", "Mik", "Anat", "Vik", "Ale"),
        ("dimir", "gei", "ry", "geny", "olai", "is", "g", "yana", "mila", "hail", "tor", "ksei"),
        ("Lav", "Pet", "Iva", "Sok", "Mor", "Vol", "Kuz", "Med", "Nar", "Zakh", "Rya", "Tok"),
        ("rov", "nov", "olov", "ozov", "kov", "netsov", "vedev", "yshkin", "arova", "bkov"),
    ),
    "western": NameStyle(
        ("Al", "Ber", "Car", "Dan", "El", "Fran", "Har", "Jo", "Ka", "Le", "Ma", "Ni", "Ro"),
        ("an", "ert", "ina", "el", "ia", "on", "ard", "ine", "us", "a", "ry", "nie", "iel"),
        ("Ash", "Bel", "Brad", "Cal", "Dor", "Fair", "Gar", "Hal", "Lang", "Mor", "Stan"),
        ("ford", "ton", "ley", "man", "wood", "er", "by", "ham", "well", "son", "field"),
    ),
    "latin": NameStyle(
        ("Lu", "Mar", "Jo", "Car", "An", "Fer", "Ra", "Al", "Se", "Ma", "Pa", "Ro", "Gi"),
        ("is", "cos", "los", "tonio", "nando", "fael", "berto", "rgio", "ria", "ola", "ulio"),
        ("Gon", "Ro", "Fer", "Ma", "Sil", "Al", "Gar", "Lo", "Bel", "Cas", "Esp", "Vil"),
        ("zalez", "drigues", "nandez", "rtinez", "va", "meida", "cia", "pez", "tillo", "osito"),
    ),
    "african": NameStyle(
        ("Olu", "Chi", "Ade", "Ngo", "Wan", "Ke", "Abi", "Tha", "Ama", "Oba", "Ja", "Mu"),
        ("segun", "nedu", "yemi", "zi", "jiru", "nya", "bo", "di", "ra", "kwe", "mo"),
        ("Oke", "Mbe", "Nko", "Ken", "Abe", "Ram", "Odi", "Wa", "Mu", "Ha", "Ade", "Ng"),
        ("ke", "ki", "si", "yatta", "be", "aphosa", "nga", "weru", "tai", "bayo", "ugi"),
    ),
}

# Spelling variants that sources use for the same name: each alias applies one of them.
ALIAS_SPELLINGS: tuple[tuple[str, str], ...] = (
    ("ov", "off"),
    ("y", "i"),
    ("ei", "ey"),
    ("Zh", "J"),
    ("Ch", "Tch"),
    ("ou", "u"),
    ("k", "c"),
    ("ph", "f"),
    ("ee", "i"),
    ("-", ""),
    ("i", "y"),
    ("a", "ah"),
)


@dataclass(frozen=True)
class CountrySpec:
    code: str
    capital: str
    style: str
    # Relative share of meetings and of officials: a few countries dominate diplomacy.
    weight: int


COUNTRIES: tuple[CountrySpec, ...] = tuple(
    CountrySpec(*row)
    for row in (
        ("CN", "Beijing", "chinese", 12),
        ("US", "Washington", "western", 12),
        ("RU", "Moscow", "slavic", 7),
        ("JP", "Tokyo", "japanese", 4),
        ("IN", "New Delhi", "south_asian", 4),
        ("FR", "Paris", "western", 4),
        ("GB", "London", "western", 4),
        ("DE", "Berlin", "western", 4),
        ("KR", "Seoul", "korean", 3),
        ("BR", "Brasilia", "latin", 3),
        ("KP", "Pyongyang", "korean", 1),
        ("PK", "Islamabad", "south_asian", 2),
        ("IT", "Rome", "latin", 2),
        ("ES", "Madrid", "latin", 1),
        ("NO", "Oslo", "western", 1),
        ("SE", "Stockholm", "western", 1),
        ("CH", "Bern", "western", 1),
        ("PL", "Warsaw", "slavic", 1),
        ("UA", "Kyiv", "slavic", 2),
        ("KZ", "Astana", "slavic", 1),
        ("TR", "Ankara", "middle_eastern", 2),
        ("IR", "Tehran", "middle_eastern", 2),
        ("IL", "Jerusalem", "middle_eastern", 1),
        ("SA", "Riyadh", "arabic", 2),
        ("EG", "Cairo", "arabic", 2),
        ("AE", "Abu Dhabi", "arabic", 1),
        ("MX", "Mexico City", "latin", 2),
        ("AR", "Buenos Aires", "latin", 1),
        ("CU", "Havana", "latin", 1),
        ("ZA", "Pretoria", "african", 2),
        ("NG", "Abuja", "african", 1),
        ("KE", "Nairobi", "african", 1),
        ("ET", "Addis Ababa", "african", 1),
        ("ID", "Jakarta", "southeast_asian", 2),
        ("VN", "Hanoi", "southeast_asian", 2),
        ("TH", "Bangkok", "southeast_asian", 1),
        ("PH", "Manila", "southeast_asian", 1),
        ("MY", "Kuala Lumpur", "southeast_asian", 1),
        ("SG", "Singapore", "southeast_asian", 1),
        ("AU", "Canberra", "western", 2),
        ("CA", "Ottawa", "western", 2),
    )
)

SENIOR_TITLES: dict[str, tuple[str, ...]] = {
    "US": (
        "President",
        "Secretary of State",
        "National Security Adviser",
        "Vice President",
        "Secretary of Defense",
        "Secretary of the Treasury",
    ),
    "CN": (
        "President",
        "Premier",
        "State Councilor and Foreign Minister",
        "Vice President",
        "Director of the Office of the Central Foreign Affairs Commission",
        "Vice Premier",
    ),
    "": (
        "President",
        "Prime Minister",
        "Foreign Minister",
        "Minister of Foreign Affairs",
        "Vice President",
        "Defense Minister",
        "National Security Adviser",
        "Minister of Commerce",
    ),
}
MEMBER_TITLES: dict[str, tuple[str, ...]] = {
    "US": (
        "Deputy Secretary of State",
        "Assistant Secretary of State for East Asian and Pacific Affairs",
        "Under Secretary of State for Political Affairs",
        "Ambassador",
        "Special Presidential Envoy for Climate",
        "Trade Representative",
        "Senior Director for China",
    ),
    "CN": (
        "Vice Foreign Minister",
        "Assistant Foreign Minister",
        "Ambassador",
        "Director-General of the Department of North American and Oceanian Affairs",
        "Spokesperson of the Ministry of Foreign Affairs",
        "Special Envoy for Climate Change",
    ),
    "": (
        "Deputy Foreign Minister",
        "Ambassador",
        "Vice Foreign Minister",
        "Director-General for Asian Affairs",
        "Director-General for European Affairs",
        "Spokesperson of the Foreign Ministry",
        "Special Envoy for Climate Change",
        "Deputy National Security Adviser",
        "Chief of Protocol",
        "Minister Counsellor",
    ),
}


@dataclass(frozen=True)
class IssueSpec:
    name: str
    parent: str = ""
    aliases: tuple[str, ...] = ()


# In order of popularity: claims and meeting agendas pick issues with Zipf-like weights.
ISSUES: tuple[IssueSpec, ...] = (
    IssueSpec("Bilateral relations", aliases=("bilateral ties",)),
    IssueSpec("Trade and economy", aliases=("economy and trade", "economic cooperation")),
    IssueSpec("Multilateralism", aliases=("global governance",)),
    IssueSpec("Regional issues", aliases=("regional hotspots",)),
    IssueSpec("Sovereignty and non-interference", aliases=("internal affairs",)),
    IssueSpec("Climate change", aliases=("global warming", "carbon neutrality")),
    IssueSpec("Development", aliases=("developing countries",)),
    IssueSpec("Military", aliases=("military contacts",)),
    IssueSpec("Nuclear non-proliferation", aliases=("non-proliferation", "NPT")),
    IssueSpec("Human rights", aliases=("democracy",)),
    IssueSpec("Taiwan", "Sovereignty and non-interference", ("Taiwan question", "Taiwan Strait")),
    IssueSpec("Sanctions", aliases=("unilateral sanctions",)),
    IssueSpec("Energy", aliases=("energy security", "oil and gas")),
    IssueSpec("Investment", "Trade and economy", ("foreign investment",)),
    IssueSpec("People-to-people exchanges", aliases=("cultural exchanges",)),
    IssueSpec("Public health", aliases=("health",)),
    IssueSpec("Counterterrorism", aliases=("counter terrorism", "extremism")),
    IssueSpec("Korean Peninsula", "Nuclear non-proliferation", ("DPRK",)),
    IssueSpec("Iranian nuclear issue", "Nuclear non-proliferation", ("JCPOA",)),
    IssueSpec("Ukraine", "Regional issues", ("Ukraine crisis",)),
    IssueSpec("Middle East", "Regional issues", ("Israeli-Palestinian conflict",)),
    IssueSpec("Maritime affairs", aliases=("law of the sea",)),
    IssueSpec("Tariffs", "Trade and economy", ("trade barriers",)),
    IssueSpec("Supply chains", "Trade and economy", ("supply chain",)),
    IssueSpec("Science and technology", aliases=("technology cooperation",)),
    IssueSpec("Cyber security", aliases=("cybersecurity",)),
    IssueSpec("Arms control", "Military", ("disarmament",)),
    IssueSpec("COVID-19", "Public health", ("coronavirus",)),
    IssueSpec("Xinjiang", "Sovereignty and non-interference"),
    IssueSpec("Hong Kong", "Sovereignty and non-interference", ("HKSAR",)),
    IssueSpec("Tibet", "Sovereignty and non-interference", ("Tibet question",)),
    IssueSpec("South China Sea", "Maritime affairs", ("Spratly Islands",)),
    IssueSpec("Afghanistan", "Regional issues"),
    IssueSpec("Education", "People-to-people exchanges", ("student exchanges",)),
    IssueSpec("Semiconductors", "Science and technology", ("chips", "export controls")),
    IssueSpec("Food security", aliases=("grain supply",)),
    IssueSpec("Migration", aliases=("refugees",)),
    IssueSpec("Law enforcement", aliases=("drug control",)),
    IssueSpec("Travel and visas", aliases=("visa policies",)),
    IssueSpec("Space", aliases=("outer space",)),
    IssueSpec("Arctic", aliases=("polar affairs",)),
)


@dataclass(frozen=True)
class PublisherSpec:
    name: str
    domain: str
    series: tuple[str, ...]
    # Publishers that relay a government's own readout name it as the original source.
    relays: bool


PUBLISHERS: tuple[PublisherSpec, ...] = (
    PublisherSpec(
        "Bilateral Affairs Monitor",
        "bilateral-monitor.example.org",
        ("Special Dispatch", "Brief"),
        True,
    ),
    PublisherSpec("Diplomatic Readout Service", "readouts.example.org", ("Readout",), True),
    PublisherSpec(
        "Center for Summit Records", "summit-records.example.org", ("Transcript",), False
    ),
    PublisherSpec("Global Press Digest", "press-digest.example.org", ("Digest",), True),
)

# (term, share of claims that contain it, issue it makes the claim about): the search terms
# benchmarks query, from common (~5% of claims) to rare (~50 claims per million).
SEARCH_TERMS: tuple[tuple[str, float, str], ...] = (
    ("cooperation", 0.025, ""),  # Plus "win-win cooperation" among PHRASES.
    ("development", 0.045, "Development"),
    ("security", 0.04, ""),
    ("dialogue", 0.035, ""),
    ("trade", 0.03, "Trade and economy"),
    ("economy", 0.012, "Trade and economy"),
    ("climate", 0.008, "Climate change"),
    ("nuclear", 0.007, "Nuclear non-proliferation"),
    ("sovereignty", 0.006, "Sovereignty and non-interference"),
    ("sanctions", 0.005, "Sanctions"),
    ("investment", 0.005, "Investment"),
    ("human rights", 0.004, "Human rights"),
    ("Taiwan", 0.004, "Taiwan"),
    ("terrorism", 0.003, "Counterterrorism"),
    ("energy", 0.003, "Energy"),
    ("Ukraine", 0.002, "Ukraine"),
    ("tariffs", 0.0015, "Tariffs"),
    ("pandemic", 0.0015, "COVID-19"),
    ("Xinjiang", 0.001, "Xinjiang"),
    ("Hong Kong", 0.0008, "Hong Kong"),
    ("Tibet", 0.0006, "Tibet"),
    ("South China Sea", 0.0005, "South China Sea"),
    ("Arctic", 0.0004, "Arctic"),
    ("semiconductors", 0.0002, "Semiconductors"),
    ("fentanyl", 0.00005, "Law enforcement"),
    ("Panchen Lama", 0.00005, "Tibet"),
    ("hypersonic", 0.00005, "Arms control"),
    ("Senkaku", 0.00005, ""),
    ("biosecurity", 0.00002, "Public health"),
    ("Svalbard", 0.00001, "Arctic"),
)

# Set phrases of diplomatic language; one goes into PHRASE_RATE of claims, earlier ones
# more often.
PHRASES: tuple[tuple[str, str], ...] = (
    ("mutual respect", ""),
    ("win-win cooperation", ""),
    ("territorial integrity", "Sovereignty and non-interference"),
    ("internal affairs", "Sovereignty and non-interference"),
    ("climate change", "Climate change"),
    ("one-China policy", "Taiwan"),
    ("peaceful coexistence", ""),
    ("core interests", ""),
    ("strategic partnership", "Bilateral relations"),
    ("people-to-people exchanges", "People-to-people exchanges"),
    ("rules-based international order", "Multilateralism"),
    ("Cold War mentality", ""),
    ("common prosperity", ""),
    ("sustainable development", "Development"),
    ("global governance", "Multilateralism"),
    ("freedom of navigation", "Maritime affairs"),
    ("denuclearization of the Korean Peninsula", "Korean Peninsula"),
    ("supply chain resilience", "Supply chains"),
    ("political settlement", "Regional issues"),
    ("non-interference", "Sovereignty and non-interference"),
    ("a community with a shared future", ""),
)


def word_list(text: str) -> tuple[str, ...]:
    """The words of `text`; the lists below read better as prose than as tuples."""
    return tuple(text.split())


# The most frequent words of any English text, at the top of the Zipf ranking.
FUNCTION_WORDS = word_list(
    "the of and to in a that on for is with as be by will at its are which this from has "
    "not should have it was their an or both all more been other such these also into would "
    "must between two further they we our any on its"
)
# Real words of diplomatic prose, spread over the upper ranks among invented words. None of
# them is a SEARCH_TERMS word, so the rates above stay what they say.
CONTENT_WORDS = word_list(
    "side sides countries relations leaders important international strategic common global "
    "regional support issues stability peace partnership bilateral interests concerns "
    "principles promote strengthen deepen expand respect world people governments mechanism "
    "framework consultation agreement exchanges communication efforts situation policy region "
    "parties role progress process meeting talks visit president minister continue maintain "
    "ensure work together jointly firmly actively constructive positive frank candid "
    "substantive major key basic long-term sustained sound steady healthy relationship "
    "consensus differences disputes challenges opportunities responsibility position stance "
    "action actions measures steps areas fields sectors economic political cultural financial "
    "technical practical comprehensive mutual trust understanding friendship community future "
    "shared prosperity growth recovery stable peaceful open inclusive fair just reasonable "
    "legitimate rights obligations law order system rules norms values history facts basis "
    "spirit firm opposition resolutely oppose welcome welcomed appreciate appreciated "
    "readiness willing ready properly manage handle resolve crisis tensions escalation "
    "restraint consultations negotiations summit platform initiative initiatives projects "
    "infrastructure connectivity agriculture tourism health education science technology "
    "innovation digital green transition finance markets market access barriers fairness "
    "reciprocity"
)
# Syllables of the invented words ("" where a part may be missing; repeats weigh more).
ONSETS = (
    "",
    *word_list("b br c ch cl cr d dr f fl g gr h j k l m n p pl pr r s sh st t th tr v w"),
)
MIDDLE_ONSETS = word_list("b c d f g l m n p r s t v nd st rt")
VOWELS = word_list("a e i o u a e i o ai ea ee ou")
CODAS = ("", "", *word_list("n r l s t nd nt rd st ck m ng rt"))
SUFFIXES = word_list("ing ed ion ment ity al ive ous er ly ate ance")

# Kind of claim: (kind, weight) for one side's claims and for joint ones.
SIDE_KINDS: tuple[tuple[str, int], ...] = (
    (Claim.Kind.STATEMENT, 28),
    (Claim.Kind.POSITION, 20),
    (Claim.Kind.DEMAND, 9),
    (Claim.Kind.ACCUSATION, 6),
    (Claim.Kind.DENIAL, 4),
    (Claim.Kind.WARNING, 6),
    (Claim.Kind.PROPOSAL, 9),
    (Claim.Kind.COMMITMENT, 8),
    (Claim.Kind.AGREEMENT, 3),
    (Claim.Kind.DISCUSSION, 7),
)
JOINT_KINDS: tuple[tuple[str, int], ...] = (
    (Claim.Kind.AGREEMENT, 40),
    (Claim.Kind.DISCUSSION, 30),
    (Claim.Kind.COMMITMENT, 15),
    (Claim.Kind.STATEMENT, 15),
)
# How a claim of each kind opens, when its report introduces it ("X warned that ...").
KIND_VERBS: dict[str, tuple[str, ...]] = {
    Claim.Kind.STATEMENT: ("said that", "stated that", "noted that"),
    Claim.Kind.POSITION: ("reiterated that", "stressed that", "maintained that"),
    Claim.Kind.DEMAND: ("demanded that", "urged that", "called for"),
    Claim.Kind.ACCUSATION: ("accused the other side of", "criticised"),
    Claim.Kind.DENIAL: ("denied that", "rejected claims that"),
    Claim.Kind.WARNING: ("warned that", "cautioned that"),
    Claim.Kind.PROPOSAL: ("proposed that", "suggested that"),
    Claim.Kind.COMMITMENT: ("pledged that", "committed to"),
    Claim.Kind.AGREEMENT: ("agreed that", "agreed to"),
    Claim.Kind.DISCUSSION: ("discussed", "exchanged views on"),
}
SIDE_SUBJECTS = ("It", "The delegation", "The government", "The minister")
JOINT_SUBJECTS = ("The two sides", "Both sides", "The leaders")

# Meeting formats: (format, weight, longest duration in days after the first).
FORMATS: tuple[tuple[str, int, int], ...] = (
    (Meeting.Format.TALKS, 40, 1),
    (Meeting.Format.CALL, 20, 0),
    (Meeting.Format.VISIT, 20, 4),
    (Meeting.Format.SUMMIT, 10, 2),
    (Meeting.Format.OTHER, 10, 1),
)
TALKS_NAMES = (
    "strategic dialogue",
    "foreign ministers' talks",
    "consultations",
    "high-level talks",
    "security consultations",
    "economic dialogue",
)
NEUTRAL_VENUES = ("Geneva", "Vienna", "Anchorage", "Helsinki", "Doha", "Bali")
SIDELINE_EVENTS = (
    ("the UN General Assembly", "New York"),
    ("the G20 summit", "Osaka"),
    ("the ASEAN Regional Forum", "Phnom Penh"),
    ("the Munich Security Conference", "Munich"),
    ("the BRICS summit", "Johannesburg"),
    ("the APEC meeting", "Lima"),
)


# --- Small helpers ------------------------------------------------------------------------


def zipf_cumulative(count: int, exponent: float, shift: float = 0.0) -> list[float]:
    """Cumulative weights 1/(rank + shift)^exponent, for `pick` and `random.choices`."""
    return list(accumulate(1 / (rank + shift) ** exponent for rank in range(1, count + 1)))


def pick[T](rng: random.Random, items: Sequence[T], cumulative: Sequence[float]) -> T:
    """One item drawn with precomputed cumulative weights (faster than `choices` per call)."""
    return items[bisect_left(cumulative, rng.random() * cumulative[-1])]


def pick_weighted[T: tuple](rng: random.Random, pairs: Sequence[T]) -> T:
    """One of (item, weight, ...) tuples, drawn by weight."""
    return rng.choices(pairs, weights=[p[1] for p in pairs])[0]


def country_name(code: str) -> str:
    """The name search indexes a side by: the same `Country.name` the models show."""
    return str(countries.name(code))


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def published_time(rng: random.Random, day: date) -> datetime:
    """A working-hours publication time on `day` (bulk_create skips `stamp_publication`)."""
    return datetime(
        day.year, day.month, day.day, rng.randint(6, 20), rng.randint(0, 59), tzinfo=UTC
    )


def people_for(claims: int) -> int:
    return max(200, min(20_000, claims // 250))


# --- Text ---------------------------------------------------------------------------------


class Lexicon:
    """Invents claim texts: Zipf-distributed words, set phrases and search terms."""

    def __init__(self, rng: random.Random) -> None:
        self.words = self._vocabulary(rng)
        self.word_weights = zipf_cumulative(len(self.words), ZIPF_EXPONENT, ZIPF_SHIFT)
        self.phrase_weights = zipf_cumulative(len(PHRASES), 0.6)

    @staticmethod
    def _vocabulary(rng: random.Random) -> list[str]:
        """VOCABULARY_SIZE words by rank: function words first, then invented English-like
        words with the real content words spread among the first ~650 ranks."""
        reserved = {w.lower() for term, _, _ in SEARCH_TERMS for w in term.split()}
        known = list(dict.fromkeys(w for w in FUNCTION_WORDS + CONTENT_WORDS))
        taken = set(known) | reserved
        invented: list[str] = []
        invented_needed = VOCABULARY_SIZE - len(known)
        while len(invented) < invented_needed:
            word = invent_word(rng)
            if word not in taken:
                taken.add(word)
                invented.append(word)
        function = list(dict.fromkeys(FUNCTION_WORDS))
        content = [w for w in known if w not in function]
        ranked = function + invented
        # Every third slot after the function words is a real word, so prose reads English.
        for offset, word in enumerate(content):
            ranked.insert(len(function) + 1 + offset * 3, word)
        return ranked

    def claim_text(self, rng: random.Random, opener: str) -> tuple[str, list[str]]:
        """A claim of MIN_WORDS..MAX_WORDS words and the issues its terms are about."""
        total = round(rng.triangular(MIN_WORDS, MAX_WORDS, MODE_WORDS))
        inserts: list[str] = []
        issues: list[str] = []
        if rng.random() < PHRASE_RATE:
            phrase, issue = pick(rng, PHRASES, self.phrase_weights)
            inserts.append(phrase)
            if issue:
                issues.append(issue)
        for term, rate, issue in SEARCH_TERMS:
            if rng.random() < rate:
                inserts.append(term)
                if issue:
                    issues.append(issue)
        fixed = len(opener.split()) + sum(len(s.split()) for s in inserts)
        words = rng.choices(self.words, cum_weights=self.word_weights, k=max(3, total - fixed))
        for insert in inserts:
            words.insert(rng.randrange(len(words) + 1), insert)
        # A comma now and then, never after the last word (the sentence ends with a period).
        for _ in range(rng.randint(0, len(words) // 12)):
            index = rng.randrange(len(words) - 1)
            if not words[index].endswith(","):
                words[index] += ","
        text = " ".join([opener, *words]) if opener else " ".join(words)
        return capitalise(text) + ".", issues


def invent_word(rng: random.Random) -> str:
    """An English-looking word: one to three consonant-vowel syllables, a final consonant
    cluster and sometimes a suffix ("brastonding", "teval", "clorement")."""
    syllables = rng.choices((1, 2, 3), weights=(4, 5, 1))[0]
    word = rng.choice(ONSETS) + rng.choice(VOWELS)
    for _ in range(syllables - 1):
        word += rng.choice(MIDDLE_ONSETS) + rng.choice(VOWELS)
    word += rng.choice(CODAS)
    if rng.random() < 0.25:
        word += rng.choice(SUFFIXES)
    return word


# --- Catalogue: publishers, issues, people ------------------------------------------------


@dataclass(eq=False)
class Official:
    pk: int
    title: str
    # The name first, then its aliases in the order search indexes them.
    names: tuple[str, ...] = ()


@dataclass
class CountryPool:
    """A country's officials, the most prominent (and most often met) first."""

    spec: CountrySpec
    name: str
    officials: list[Official] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    senior_weights: list[float] = field(default_factory=list)

    @property
    def seniors(self) -> list[Official]:
        return self.officials[: len(self.senior_weights)]


@dataclass(frozen=True, eq=False)
class IssueInfo:
    pk: int
    # Position in the database's own ORDER BY name: how the search document orders issues.
    rank: int
    names: tuple[str, ...]


@dataclass(eq=False)
class PublisherInfo:
    pk: int
    spec: PublisherSpec
    # The next number per series: sequential, so (publisher, series, number) stays unique.
    next_number: dict[str, int]


@dataclass
class Catalogue:
    pools: list[CountryPool]
    pool_weights: list[float]
    issues: list[IssueInfo]
    issue_weights: list[float]
    issues_by_name: dict[str, IssueInfo]
    publishers: list[PublisherInfo]
    publisher_weights: list[float]
    people: int
    person_aliases: int
    issue_aliases: int


def make_name(rng: random.Random, style: NameStyle) -> tuple[str, str]:
    """(name, sort_name) of a plausible official."""
    given = rng.choice(style.given_starts) + rng.choice(style.given_ends)
    family = rng.choice(style.family_starts) + rng.choice(style.family_ends)
    if style.family_first:
        return f"{family} {given}", f"{family} {given}"
    return f"{given} {family}", f"{family}, {given}"


def make_alias(rng: random.Random, name: str) -> str:
    """Another spelling of `name`, or '' if the drawn variant does not apply to it."""
    old, new = rng.choice(ALIAS_SPELLINGS)
    if old in name:
        return name.replace(old, new, 1)
    given, _, family = name.partition(" ")
    # Sources also reverse the order of the two names.
    return f"{family} {given}" if rng.random() < 0.5 else ""


def create_publishers(rng: random.Random) -> list[PublisherInfo]:
    count = rng.randint(3, 4)
    specs = PUBLISHERS[:count]
    rows = Publisher.objects.bulk_create(
        Publisher(name=s.name, slug=f"{GEN_PREFIX}{slugify(s.name)}", url=f"https://{s.domain}/")
        for s in specs
    )
    return [
        PublisherInfo(row.pk, spec, {series: rng.randint(1000, 9000) for series in spec.series})
        for row, spec in zip(rows, specs, strict=True)
    ]


def create_issues() -> tuple[list[IssueInfo], int]:
    """The ISSUES catalogue; an issue that already exists (e.g. from the curated seed) is
    reused as it is, so the existing claims' search text stays valid."""
    existing = {name.lower(): pk for pk, name in Issue.objects.values_list("pk", "name")}
    taken_aliases = {a.lower() for a in IssueAlias.objects.values_list("name", flat=True)}
    pks: dict[str, int] = {}
    new_aliases: list[IssueAlias] = []
    for spec in ISSUES:  # Parents come before their children in ISSUES.
        if spec.name.lower() in existing:
            pks[spec.name] = existing[spec.name.lower()]
            continue
        issue = Issue.objects.create(
            name=spec.name,
            slug=f"{GEN_PREFIX}{slugify(spec.name)}",
            description=f"Synthetic issue: {spec.name}.",
            parent_id=pks.get(spec.parent),
        )
        pks[spec.name] = issue.pk
        for alias in spec.aliases:
            if alias.lower() not in taken_aliases:
                taken_aliases.add(alias.lower())
                new_aliases.append(IssueAlias(issue_id=issue.pk, name=alias))
    IssueAlias.objects.bulk_create(new_aliases)
    # The search document lists issues and aliases in the database's ORDER BY name, whose
    # collation may differ from Python's sort (PostgreSQL's en_US, say): ask the database.
    rank = {
        pk: i for i, pk in enumerate(Issue.objects.order_by("name").values_list("pk", flat=True))
    }
    names: dict[int, list[str]] = {
        pk: [name] for pk, name in Issue.objects.values_list("pk", "name")
    }
    for issue_id, alias in IssueAlias.objects.order_by("name").values_list("issue_id", "name"):
        names[issue_id].append(alias)
    infos = [IssueInfo(pks[s.name], rank[pks[s.name]], tuple(names[pks[s.name]])) for s in ISSUES]
    return infos, len(new_aliases)


def create_people(rng: random.Random, total: int) -> tuple[list[CountryPool], int]:
    """`total` officials spread over COUNTRIES by weight; ~15% have another spelling."""
    weight_sum = sum(c.weight for c in COUNTRIES)
    pools: list[CountryPool] = []
    people: list[Person] = []
    owners: list[tuple[CountryPool, str]] = []
    used_names: set[str] = set()
    for spec in COUNTRIES:
        pool = CountryPool(spec, country_name(spec.code))
        pools.append(pool)
        count = max(3, round(total * spec.weight / weight_sum))
        seniors = max(2, count // 5)
        style = NAME_STYLES[spec.style]
        for index in range(count):
            name, sort_name = make_name(rng, style)
            for _ in range(20):  # Unique names keep the benchmark's name lookups unambiguous.
                if name not in used_names:
                    break
                name, sort_name = make_name(rng, style)
            used_names.add(name)
            # The first few of each country are its senior officials, who head delegations.
            titles = SENIOR_TITLES if index < seniors else MEMBER_TITLES
            title = rng.choice(titles.get(spec.code, titles[""]))
            slug = f"{GEN_PREFIX}{len(people)}-{slugify(name)}"[:100]
            people.append(Person(name=name, slug=slug, sort_name=sort_name))
            owners.append((pool, title))
        pool.weights = zipf_cumulative(count, 0.7)
        pool.senior_weights = zipf_cumulative(seniors, 0.7)
    Person.objects.bulk_create(people, batch_size=BATCH_ROWS)

    taken = {a.lower() for a in PersonAlias.objects.values_list("name", flat=True)}
    aliases: list[PersonAlias] = []
    for person, (pool, title) in zip(people, owners, strict=True):
        pool.officials.append(Official(person.pk, title))
        if rng.random() < 0.15:
            alias = make_alias(rng, person.name)
            if alias and alias != person.name and alias.lower() not in taken:
                taken.add(alias.lower())
                aliases.append(PersonAlias(person_id=person.pk, name=alias))
    PersonAlias.objects.bulk_create(aliases, batch_size=BATCH_ROWS)

    # Aliases in the database's ORDER BY name, as the search document lists them.
    alias_names: dict[int, list[str]] = {}
    for person_id, alias in (
        PersonAlias.objects.filter(person__slug__startswith=GEN_PREFIX)
        .order_by("name")
        .values_list("person_id", "name")
    ):
        alias_names.setdefault(person_id, []).append(alias)
    for official, person in zip((o for p in pools for o in p.officials), people, strict=True):
        official.names = (person.name, *alias_names.get(person.pk, ()))
    return pools, len(aliases)


def create_catalogue(seed: int, claims: int) -> Catalogue:
    # One generator per part, so changing how people are made does not reshuffle claims.
    people_rng = random.Random(f"{seed}-people")
    pools, person_aliases = create_people(people_rng, people_for(claims))
    issues, issue_aliases = create_issues()
    publishers = create_publishers(random.Random(f"{seed}-publishers"))
    return Catalogue(
        pools=pools,
        pool_weights=list(accumulate(p.spec.weight for p in pools)),
        issues=issues,
        issue_weights=zipf_cumulative(len(issues), 0.8),
        issues_by_name={spec.name: info for spec, info in zip(ISSUES, issues, strict=True)},
        publishers=publishers,
        publisher_weights=list(accumulate((5, 4, 2, 2)[: len(publishers)])),
        people=sum(len(p.officials) for p in pools),
        person_aliases=person_aliases,
        issue_aliases=issue_aliases,
    )


# --- Meetings, reports and claims ---------------------------------------------------------


@dataclass
class Side:
    delegation: Delegation
    country: str
    # Cumulative weights of `members`: heads are quoted more often than the others.
    members: list[tuple[Participation, Official]]
    member_weights: list[float]


@dataclass
class Batch:
    """Rows of a run of meetings, inserted together, parents first. Rows are made before
    their parents have ids, so each row keeps its parents beside it and takes their ids just
    before its insert. (Assigning the unsaved parent instances to the foreign keys works too,
    but runs Django's checks on every assignment and again in bulk_create.)"""

    meetings: list[Meeting] = field(default_factory=list)
    delegations: list[tuple[Delegation, Meeting]] = field(default_factory=list)
    participations: list[tuple[Participation, Delegation]] = field(default_factory=list)
    reports: list[tuple[Report, Meeting]] = field(default_factory=list)
    # (claim, its report, its side or None, its speaker or None, its issue ids)
    claims: list[tuple[Claim, Report, Delegation | None, Participation | None, list[int]]] = field(
        default_factory=list
    )

    def save(self) -> int:
        """Insert everything; returns the number of claim-issue links."""
        Meeting.objects.bulk_create(self.meetings, batch_size=BATCH_ROWS)
        for delegation, meeting in self.delegations:
            delegation.meeting_id = meeting.pk
        Delegation.objects.bulk_create([d for d, _ in self.delegations], batch_size=BATCH_ROWS)
        for participation, delegation in self.participations:
            participation.delegation_id = delegation.pk
            # save() copies it from the delegation; bulk_create does not.
            participation.meeting_id = delegation.meeting_id
        Participation.objects.bulk_create(
            [p for p, _ in self.participations], batch_size=BATCH_ROWS
        )
        for report, meeting in self.reports:
            report.meeting_id = meeting.pk
        Report.objects.bulk_create([r for r, _ in self.reports], batch_size=BATCH_ROWS)
        for claim, report, delegation, speaker, _ in self.claims:
            claim.report_id = report.pk
            # save() copies it from the report; bulk_create does not.
            claim.meeting_id = report.meeting_id
            claim.delegation_id = delegation.pk if delegation else None
            claim.speaker_id = speaker.pk if speaker else None
        Claim.objects.bulk_create([row[0] for row in self.claims], batch_size=BATCH_ROWS)
        link = Claim.issues.through
        links = [
            link(claim_id=claim.pk, issue_id=issue_id)
            for claim, *_, issue_ids in self.claims
            for issue_id in issue_ids
        ]
        link.objects.bulk_create(links, batch_size=BATCH_ROWS)
        return len(links)


class ArchiveGenerator:
    def __init__(self, seed: int, catalogue: Catalogue) -> None:
        self.rng = random.Random(f"{seed}-meetings")
        self.catalogue = catalogue
        self.lexicon = Lexicon(random.Random(f"{seed}-vocabulary"))
        years = range(FIRST_YEAR, LAST_YEAR + 1)
        # Diplomacy (and its reporting) grows over the years: later years have more meetings.
        self.years = list(years)
        self.year_weights = list(accumulate(1 + 0.1 * (y - FIRST_YEAR) for y in years))

    # Meeting-level choices.

    def pick_countries(self) -> tuple[CountryPool, CountryPool]:
        cat = self.catalogue
        first = pick(self.rng, cat.pools, cat.pool_weights)
        second = first
        while second is first:
            second = pick(self.rng, cat.pools, cat.pool_weights)
        return first, second

    def pick_dates(self, longest: int) -> tuple[date, date]:
        year = pick(self.rng, self.years, self.year_weights)
        start = date(year, 1, 1) + timedelta(days=self.rng.randrange(365))
        return start, start + timedelta(days=self.rng.randint(0, longest))

    def pick_delegation(self, pool: CountryPool) -> list[Official]:
        """A head (a senior official) and zero to three members, all different."""
        rng = self.rng
        head = pick(rng, pool.seniors, pool.senior_weights)
        size = rng.choices((1, 2, 3, 4), weights=(30, 30, 25, 15))[0]
        chosen = [head]
        for _ in range(size * 3):  # A few tries; small countries may have few officials.
            if len(chosen) == size:
                break
            member = pick(rng, pool.officials, pool.weights)
            if member not in chosen:
                chosen.append(member)
        return chosen

    def pick_agenda(self) -> list[IssueInfo]:
        cat = self.catalogue
        agenda: list[IssueInfo] = []
        for _ in range(self.rng.randint(3, 5)):
            issue = pick(self.rng, cat.issues, cat.issue_weights)
            if issue not in agenda:
                agenda.append(issue)
        return agenda

    @staticmethod
    def describe(
        fmt: str, first: CountryPool, second: CountryPool, heads: list[str], rng: random.Random
    ) -> tuple[str, str]:
        """(title, place) of a meeting in the manner of the real archive's titles."""
        pair = f"{first.name}-{second.name}"
        if fmt == Meeting.Format.CALL:
            return f"{heads[0]}-{heads[1]} telephone call", ""
        if fmt == Meeting.Format.VISIT:
            return f"{heads[0]} visit to {second.name}", second.spec.capital
        if fmt == Meeting.Format.SUMMIT:
            return f"{pair} summit", rng.choice((first, second)).spec.capital
        if fmt == Meeting.Format.OTHER:
            event, city = rng.choice(SIDELINE_EVENTS)
            return f"{heads[0]}-{heads[1]} meeting on the sidelines of {event}", city
        if rng.random() < 0.1:
            place = rng.choice(NEUTRAL_VENUES)
        else:
            place = rng.choice((first, second)).spec.capital
        return f"{pair} {rng.choice(TALKS_NAMES)}", place

    def add_meeting(self, batch: Batch, index: int, claims_left: int) -> int:
        """Plan one meeting with its sides, reports and claims; returns its claim count."""
        rng = self.rng
        fmt, _, longest = pick_weighted(rng, FORMATS)
        first, second = self.pick_countries()
        start, end = self.pick_dates(longest)
        delegates = [self.pick_delegation(first), self.pick_delegation(second)]
        title, place = self.describe(fmt, first, second, [d[0].names[0] for d in delegates], rng)
        agenda = self.pick_agenda()
        published = published_time(rng, end + timedelta(days=rng.randint(0, 10)))
        head_one, head_two = delegates[0][0], delegates[1][0]
        meeting = Meeting(
            title=title,
            slug=f"{GEN_PREFIX}{index}-{start:%Y-%m-%d}-{slugify(title)}"[:100].rstrip("-"),
            start_date=start,
            end_date=end,
            place=place,
            format=fmt,
            summary=(
                f"{head_one.title} {head_one.names[0]} and {head_two.title} "
                f"{head_two.names[0]} discussed {', '.join(i.names[0] for i in agenda)}."
            ),
            status=Status.PUBLISHED,
            published_at=published,
        )
        batch.meetings.append(meeting)

        sides: list[Side] = []
        for number, (pool, officials) in enumerate(zip((first, second), delegates, strict=True)):
            delegation = Delegation(side=number + 1, country=pool.spec.code)
            batch.delegations.append((delegation, meeting))
            members = []
            for order, official in enumerate(officials):
                participation = Participation(
                    person_id=official.pk, title=official.title, is_head=order == 0, order=order
                )
                batch.participations.append((participation, delegation))
                members.append((participation, official))
            weights = list(accumulate(3 if order == 0 else 1 for order in range(len(members))))
            sides.append(Side(delegation, pool.name, members, weights))

        written = 0
        report_count = 1 if rng.random() < 0.65 else 2
        cat = self.catalogue
        publishers: list[PublisherInfo] = []
        while len(publishers) < report_count:
            publisher = pick(rng, cat.publishers, cat.publisher_weights)
            if publisher not in publishers:
                publishers.append(publisher)
        for position, publisher in enumerate(publishers, start=1):
            if written == claims_left:
                break
            wanted = max(5, min(80, round(rng.gauss(30, 12))))
            count = min(wanted, claims_left - written)
            slug_stem = f"{GEN_PREFIX}{index}-{position}"
            self.add_report(batch, meeting, slug_stem, sides, agenda, publisher, published, count)
            written += count
        return written

    def add_report(
        self,
        batch: Batch,
        meeting: Meeting,
        slug_stem: str,
        sides: list[Side],
        agenda: list[IssueInfo],
        publisher: PublisherInfo,
        published: datetime,
        count: int,
    ) -> None:
        rng = self.rng
        spec = publisher.spec
        series = rng.choice(spec.series)
        number = ""
        if rng.random() < 0.92:  # Some reports carry no number.
            number = str(publisher.next_number[series])
            publisher.next_number[series] += rng.randint(1, 3)
        first, second = sides[0].country, sides[1].country
        title = rng.choice(
            (
                f"Readout of the {meeting.title}",
                f"{first} and {second} discuss {agenda[0].names[0]}",
                f"What {first} and {second} said about {agenda[-1].names[0]}",
                f"{meeting.title}: {agenda[0].names[0]} tops the agenda",
            )
        )
        original = ""
        if spec.relays and rng.random() < 0.5:
            original = f"Ministry of Foreign Affairs of {rng.choice((first, second))}"
        report_date = meeting.end_date + timedelta(days=rng.randint(0, 3))
        report = Report(
            publisher_id=publisher.pk,
            series=series,
            number=number,
            title=title,
            slug=f"{slug_stem}-{slugify(spec.name)}-{number or 'unnumbered'}",
            date=report_date,
            url=f"https://{spec.domain}/{slugify(series)}/{number or meeting.slug}",
            original_source=original,
            status=Status.PUBLISHED,
            published_at=max(published, published_time(rng, report_date)),
        )
        batch.reports.append((report, meeting))
        both = (first, second)
        texts: list[str] = []
        offset = 0
        for _ in range(count):
            claim, side, speaker, issue_ids = self.make_claim(sides, both, agenda)
            claim.start, claim.end = offset, offset + len(claim.text)
            offset = claim.end + 2  # The "\n\n" between paragraphs.
            texts.append(claim.text)
            batch.claims.append((claim, report, side, speaker, issue_ids))
        report.body = "\n\n".join(texts)

    def make_claim(
        self, sides: list[Side], both: tuple[str, str], agenda: list[IssueInfo]
    ) -> tuple[Claim, Delegation | None, Participation | None, list[int]]:
        """A claim (without its foreign keys), its side, its speaker and its issue ids."""
        rng = self.rng
        speaker: tuple[Participation, Official] | None = None
        if rng.random() < JOINT_RATE:
            side = None
            kind = pick_weighted(rng, JOINT_KINDS)[0]
            opener = rng.choice(JOINT_SUBJECTS) if rng.random() < 0.5 else ""
        else:
            side = sides[0] if rng.random() < 0.55 else sides[1]
            kind = pick_weighted(rng, SIDE_KINDS)[0]
            if rng.random() < SPEAKER_RATE:
                speaker = pick(rng, side.members, side.member_weights)
            opener = ""
            if speaker and rng.random() < 0.5:
                # Reports name the speaker, sometimes in another spelling of the name.
                opener = rng.choice(speaker[1].names) if rng.random() < 0.2 else speaker[1].names[0]
            elif rng.random() < 0.3:
                opener = rng.choice(SIDE_SUBJECTS)
        if opener:
            opener = f"{opener} {rng.choice(KIND_VERBS[kind])}"
        text, hinted = self.lexicon.claim_text(rng, opener)
        issues = self.pick_issues(hinted, agenda)
        issues.sort(key=lambda issue: issue.rank)
        # Exactly what document.claim_documents computes from the related rows.
        context = compose(
            [*(speaker[1].names if speaker else ()), *(both if side is None else (side.country,))]
        )
        claim = Claim(
            text=text,
            joint=side is None,
            kind=kind,
            search_context=context,
            search_issues=compose([name for issue in issues for name in issue.names]),
        )
        return (
            claim,
            side.delegation if side else None,
            speaker[0] if speaker else None,
            [issue.pk for issue in issues],
        )

    def pick_issues(self, hinted: list[str], agenda: list[IssueInfo]) -> list[IssueInfo]:
        """One to three issues: those the claim's terms name, then the meeting's agenda,
        sometimes any issue."""
        rng, cat = self.rng, self.catalogue
        wanted = rng.choices((1, 2, 3), weights=(50, 35, 15))[0]
        chosen: list[IssueInfo] = []
        for name in hinted:
            issue = cat.issues_by_name[name]
            if issue not in chosen and len(chosen) < 3:
                chosen.append(issue)
        for _ in range(wanted * 3):
            if len(chosen) >= wanted:
                break
            if rng.random() < 0.7:
                issue = rng.choice(agenda)
            else:
                issue = pick(rng, cat.issues, cat.issue_weights)
            if issue not in chosen:
                chosen.append(issue)
        return chosen


# --- The command --------------------------------------------------------------------------


class Command(BaseCommand):
    help = (
        "Fill the database with a synthetic, deterministic archive for benchmarks: meetings "
        "2005-2025 between ~40 countries, their delegations and officials, published reports "
        "and --claims claims. It adds to the database and refuses to run on one that already "
        "holds generated data (slugs starting 'gen-'): use a fresh database, e.g. "
        "DATABASE_URL=sqlite:////tmp/bench.sqlite3 manage.py migrate first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--claims", type=int, default=10_000, help="How many claims to make (default 10000)."
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed; the same seed gives the same data."
        )

    def handle(self, *args, claims: int, seed: int, **options) -> None:
        if claims < 1:
            raise CommandError("--claims must be at least 1.")
        self.refuse_generated_data()
        started = time.monotonic()
        # With DEBUG on, Django keeps (and on SQLite, quotes) every query's SQL: for inserts
        # of thousands of rows that costs minutes and gigabytes.
        with override_settings(DEBUG=False):
            with transaction.atomic():
                catalogue = create_catalogue(seed, claims)
            self.stdout.write(
                f"Catalogue: {catalogue.people:,} people ({catalogue.person_aliases:,} aliases), "
                f"{len(catalogue.issues)} issues ({catalogue.issue_aliases} new aliases), "
                f"{len(catalogue.publishers)} publishers."
            )
            totals = self.write_meetings(ArchiveGenerator(seed, catalogue), claims, started)
            Revision.bump()  # bulk_create sends no signals: cached counts are stale now
        # Fresh statistics, or the planner guesses from an empty table (measured: a 0.6 s
        # count took minutes on PostgreSQL before ANALYZE).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        indexes.optimize(connection)  # one search index, not the load's pieces of it
        elapsed = time.monotonic() - started
        meetings, reports, links = totals
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {meetings:,} meetings ({2 * meetings:,} delegations), "
                f"{reports:,} reports, {claims:,} claims ({links:,} claim-issue links), "
                f"{catalogue.people:,} people, {len(catalogue.issues)} issues, "
                f"{len(catalogue.publishers)} publishers in {elapsed:.1f}s "
                f"({claims / elapsed:,.0f} claims/s)."
            )
        )

    def write_meetings(
        self, generator: ArchiveGenerator, claims: int, started: float
    ) -> tuple[int, int, int]:
        """Meetings in transactions of up to MAX_CLAIMS_PER_TRANSACTION claims; returns the
        counts of meetings, reports and claim-issue links."""
        left, meetings, reports, links = claims, 0, 0, 0
        step = max(1, claims // 10)
        per_transaction = max(MIN_CLAIMS_PER_TRANSACTION, min(MAX_CLAIMS_PER_TRANSACTION, step))
        next_report = step
        while left:
            batch = Batch()
            while left and len(batch.claims) < per_transaction:
                left -= generator.add_meeting(batch, meetings, left)
                meetings += 1
            with transaction.atomic():
                links += batch.save()
            reports += len(batch.reports)
            done = claims - left
            if done >= next_report or not left:
                elapsed = time.monotonic() - started
                self.stdout.write(
                    f"  {done:,}/{claims:,} claims ({100 * done // claims}%), {elapsed:.0f}s"
                )
                next_report = (done // step + 1) * step
        return meetings, reports, links

    @staticmethod
    def refuse_generated_data() -> None:
        generated = (
            Meeting.objects.filter(slug__startswith=GEN_PREFIX).exists()
            or Person.objects.filter(slug__startswith=GEN_PREFIX).exists()
            or Publisher.objects.filter(slug__startswith=GEN_PREFIX).exists()
            or Publisher.objects.filter(name__in=[p.name for p in PUBLISHERS]).exists()
        )
        if generated:
            raise CommandError(
                "This database already holds generated data (slugs starting 'gen-'). Use a "
                "fresh database, e.g. DATABASE_URL=sqlite:////tmp/bench.sqlite3 with "
                "`manage.py migrate` first."
            )
