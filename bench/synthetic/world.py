"""The world the synthetic archive describes: countries and the names of their officials,
the titles they hold, the issues they discuss, the publishers that report on them, and how
meetings and claims are shaped. Plain data; the other modules draw from it."""

from dataclasses import dataclass

from archive.models import Claim, Meeting

FIRST_YEAR, LAST_YEAR = 2005, 2025


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
