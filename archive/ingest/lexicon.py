"""The words the parser reads readouts by: titles, verbs of speech, who "both sides" are,
the cues of a meeting, a place, a dateline, a footnote, a speaker's label, a publisher.
Patterns only; the readers (`officials.py`, `claims.py`, ...) decide what they mean."""

import re

from archive.ingest.dates import MONTH


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLE_NOUNS = word_set(
    "adviser advisor ambassador assistant chair chairman chairwoman chancellor chief "
    "commissioner councillor councilor counselor deputy director emir envoy foreign general "
    "governor head king leader member minister official premier president prince queen "
    "representative secretary senator spokesman spokesperson spokeswoman sultan "
    "undersecretary vice"
)
# Words that may sit inside a long title without ending it.
TITLE_GLUE = {"of", "the", "and", "for", "on", "to", "in", "at", "&", "-"}
NON_NAMES = word_set(
    "And At Both But Dr. He Her His In It Its Mr. Mrs. Ms. My On Our She That The "
    "Their These They This We Before After With During Ahead Following Amid Over Via From "
    "By For To Of As Lastly Finally Additionally Moreover Furthermore Meanwhile Also However "
    "Separately Likewise Subsequently Earlier Later Today Yesterday"
)

SPEECH_VERBS = (
    r"(?:said|says|stated|states|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|noted out|noted|"
    r"notes|pointed out|points out|expressed|expresses|added|adds|underscored|underscores|"
    r"underlined|underlines|highlighted|highlights|reiterated|reiterates|reaffirmed|"
    r"indicated|made clear|makes clear|affirmed|maintained|explained|"
    r"told [A-Z][\w.]*(?: [A-Z][\w.]*)*|"
    r"warned|warns|believes|believed|hoped|hopes|recalled|observed|remarked|declared|"
    r"asserted|insisted|conveyed|urged|called on|agreed|replied|responded|assured|welcomed|"
    r"welcomes|expressed|confirmed|announced|appreciated|acknowledged|recogni[sz]ed|proposed|"
    r"suggested|informed|invited|congratulated|denounced|voiced|shared|focused|reviewed|"
    r"went on to \w+|looked forward|look forward|explained|briefed|condemned|praised)"
)
NARRATIVE_VERBS = (
    r"(?:spoke|speaks|met|meets|held|holds|hosted|hosts|visited|visits|received|receives|"
    r"attended|arrived|travell?ed|participated|co-chaired|paid|had a)"
)
SUBJECT_VERB = re.compile(
    rf"^(?P<subject>[^\"\u201c\u201d;:]{{1,140}}?)\s+(?:(?:also|further|again|then|once again|"
    rf"today|[a-z]+ly)\s+)?(?P<verb>spoke (?:about|of|on)|{SPEECH_VERBS}|{NARRATIVE_VERBS}|"
    rf"discussed|thanked|condemned|raised|called for|briefed|praised|commended|extended|"
    rf"covered|focused on|focused|cent(?:red|ered) on|dealt with|touched (?:on|upon)|addressed|"
    rf"backed|supported|opposed|rejected|sought|offered|pledged|promised|stressed)\b"
)
NARRATIVE_VERB = re.compile(NARRATIVE_VERBS)
# What separates a speech verb from the words reported: "said that", "noted,", "said China".
SPEECH_TAIL = re.compile(
    # "said China ...", but not "noted Malta's support" (a noun, not a clause, follows).
    r"\s+that\b\s*|\s*[,:]\s*|(?<=said|says|dded|ated)\s+(?=[A-Z])"
)
# Verbs whose object is the claim itself; with the others ("urged", "reiterated") the whole
# sentence is the claim.
STRIPPED_VERBS = word_set(
    "added adds affirmed asserted assured conveyed declared emphasised emphasises "
    "emphasized emphasizes explained expressed expresses highlighted highlights "
    "indicated insisted maintained noted notes observed remarked replied responded said "
    "says stated states stressed stresses underlined underlines underscored underscores"
) | {"made clear", "makes clear", "noted out", "pointed out", "points out"}
TRAILING_ATTRIBUTION = re.compile(
    r",[\"\u201d]?\s+(?P<subject>he|she|(?:the\s+)?[^\W\d_][\w.'\u2019\-]*"
    r"(?:\s+[^\W\d_][\w.'\u2019\-]*){0,3})\s+"
    r"(?:said|added|stressed|noted|told [\w ]+)\.?$"
)
JOINT_SUBJECT = re.compile(
    r"^(?:(?:both|the two|the|all)\s+(?:(?:foreign|top|prime|defen[cs]e)\s+)?(?:sides|parties|"
    r"leaders|ministers|delegations|diplomats|presidents|heads of state|counterparts|"
    r"governments|countries|chief diplomats|secretaries|officials)|the pair|both|they|the two|"
    r"(?:foreign\s+)?(?:ministers|leaders|sides|delegations)(?=\s+(?:also\s+)?[a-z]+ed\b)|"
    r"(?:he|she) and (?:his|her) (?:[\w-]+\s+){0,2}counterpart)\b",
    re.IGNORECASE,
)
JOINT_VERB = re.compile(
    r"^\s*(?:also\s+|further\s+)?(?:agreed|agree|discussed|discuss|exchanged|"
    r"exchange|are committed|"
    r"committed|believe|believed|expressed|express|will|held|conducted|reaffirmed|welcomed|"
    r"noted|shared|decided|signed|issued|pledged|reached|had|reviewed|underscored|"
    r"emphasi[sz]ed|affirmed)\b",
    re.IGNORECASE,
)
PRONOUN_SUBJECT = re.compile(r"^(?:he|she)\b", re.IGNORECASE)
WE_SUBJECT = re.compile(r"^(?:we|our side)\b", re.IGNORECASE)
MEETING_WORDS = re.compile(
    r"\b(?:held|hold|holds|met|meet|meets|meeting|talks|dialogue|spoke|speaks|call|"
    r"conversation|visit|visited|visiting|consultations?|summit|received|receives|hosted|hosts|"
    r"exchanges? of views|exchanged views)\b",
    re.IGNORECASE,
)
CALL_WORDS = re.compile(
    r"\b(?:phone|telephone|video call|videoconference|video link|spoke|speaks|call)\b", re.I
)
SUMMIT_WORDS = re.compile(r"\bsummit\b", re.I)
VISIT_WORDS = re.compile(r"\b(?:visit|visited|visiting|state visit)\b", re.I)
SIDE_VERBS = (
    r"(?:is|are|was|were|will|has|have|had|should|must|can|cannot|hopes?|urges?|calls?|"
    r"firmly|always|never|reiterated|reaffirmed|does|did|would|stands?|opposes|supports|"
    r"welcomes|consistently|maintains|attaches|needs?)\b"
)
OBLIGATION = re.compile(r"^\s+(?:also\s+)?(?:should|must|needs? to|has to|have to|ought)\b")
MEET_WITH = re.compile(
    r"\b(?:met with|meets with|meets|met|spoke with|spoke by (?:tele)?phone with|held talks with|"
    r"holds talks with|talks with|call with|conversation with|meeting with)\b",
    re.IGNORECASE,
)
PLACE_LINE = re.compile(
    r"(?P<place>[A-Z][A-Z'\u2019\-]+(?: [A-Z][A-Z'\u2019\-]+)*, [A-Z][A-Z .'\u2019\-]+)"
)
# Who led a delegation or attended: every name in such a sentence took part.
DELEGATION_CUE = re.compile(
    r"\b(?:(?:delegation|delegations) (?:was|were|is|are) (?:led|headed) by|"
    r"side (?:was|were|is) represented by|"
    r"attending the (?:meeting|talks|call)|(?:was|were) (?:also )?(?:present|in attendance)|"
    r"accompanied by|also (?:attended|took part|participated)|"
    r"(?:took part|participated) in the (?:talks|meeting|conversations?|discussions?))\b",
    re.IGNORECASE,
)
MEETING_NOUN = re.compile(
    r"\b(?:held|had|hold|holds|conducted)\s+(?:a|an|"
    r"the)\s+(?P<title>[^,;]{3,90}?\b(?:dialogue|talks|"
    r"meeting|call|conversation|consultations?|summit|video call))\b",
    re.IGNORECASE,
)
PLACE = re.compile(
    r"\bin\s+(?P<place>(?:the\s+)?[A-Z][\w'\u2019.\-]+(?:(?:,\s+|"
    r"\s+)(?:[A-Z][\w'\u2019.\-]+|of|de|the))*)"
)
DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z .'\u2019\-]{{2,40}}),\s+{MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    r"(?:\s+\((?P<agency>[A-Z][\w .]{1,30})\))?"
)
SERIES_NUMBER = re.compile(
    r"(?P<series>(?:[A-Z][\w\-]*\s+){0,4}?[A-Z][\w\-]*)\s+(?:No\.|Number|"
    r"#)\s*(?P<number>\d[\w\-/.]*)"
)
URL = re.compile(r"https?://[^\s<>\"')\]]+")
SOURCE_LINE = re.compile(r"^\(?\s*Source\s*:\s*(?P<source>[^)]+?)\s*\)?$", re.IGNORECASE)
RELAY_MARKER = re.compile(
    r"^(?:Below|Following) (?:is|are) (?:the |an? |excerpts? (?:of|from) the )?(?P<what>[^:]+?)"
    r"\s*:?(?:\[\d+\])?\s*$",
    re.IGNORECASE,
)
FOOTNOTE = re.compile(r"^\[(?P<number>\d{1,3})\]\s*(?P<text>.*)$", re.DOTALL)
# A transcript's speaker label, in any script and case: "FOREIGN MINISTER ÇAVUŞOĞLU:",
# "Mr. Lavrov:", "Wang Yi (via interpreter):", or broken across lines by a PDF copy
# ("John Kerry\n: Well, ..."). `is_speaker_label` decides whether the words name a speaker.
LABEL = re.compile(
    r"^(?P<label>[^\W\d_][\w .,'\u2019\-]{0,70}?[\w.])"
    # "(via interpreter)", "(THROUGH TRANSLATOR)", "(retranslated)": how the words came.
    r"(?:\s*\((?i:[a-z][a-z ]{2,40})\))?\s*:[ \t]*(?:\n|(?=\S))\s*"
)
# A speaker's label on a line of its own without a colon: "President of the Republic of
# Indonesia (Joko Widodo)": the office, then the name in brackets.
TITLED_LABEL = re.compile(
    r"^(?P<title>[A-Z][\w.'\u2019\- ]{2,80}?)\s*\((?P<label>[A-Z][\w.'\u2019\-]*"
    r"(?:\s+[A-Z][\w.'\u2019\-]*){1,4})\)\s*$"
)
# A speaker's office and name alone on a line, the speech below it: "Georgian Prime Minister
# Giorgi Kvirikashvili", then "Dear Mr. Prime Minister, ...".
BARE_LABEL = re.compile(
    r"^(?P<label>(?:[A-Z][\w.'\u2019\-]*\s+(?:of\s+(?:the\s+)?)?){2,8}[A-Z][\w.'\u2019\-]*)\s*$"
)
SPEECH_OPENING = re.compile(
    r"^(?:Dear|Your Excellenc|Excellenc|Distinguished|Esteemed|Ladies and|Honou?rable|"
    r"Mr\.? |Madam|Good (?:morning|afternoon|evening)|Thank|Allow me|Let me|I |I'm|I\u2019m|"
    r"We |It is|It's|It\u2019s|First of all)"
)
# Lines of a pasted header that read like labels but are not speakers.
HEADER_KEYS = word_set(
    "Title Source Date Published Posted Updated URL Link Shortlink Publisher Author Editor By "
    "Tags Keywords Category Categories Section ID"
)
STAGE_DIRECTION = re.compile(
    r"\((?:via interpreter|through interpreter|as interpreted|laughter|applause|inaudible|"
    r"crosstalk|off-mic|in progress)[^)]{0,40}\)\.?",
    re.IGNORECASE,
)
NON_PARTICIPANT_LABELS = {
    "Q.", "QUESTION", "MODERATOR", "PARTICIPANT", "OPERATOR", "Q", "A", "REPORTER", "JOURNALIST",
    "AUDIENCE", "INTERPRETER", "NOTE", "MEDIA", "PRESS", "AIDE", "STAFF", "VOICE",
}  # fmt: skip


def is_speaker_label(label: str) -> bool:
    """Whether the words before a colon name who speaks: all in capitals ("SECRETARY
    BLINKEN"), or a few capitalised words ("Sergey Lavrov", "President of Russia Vladimir
    Putin", "Question"), never a sentence ("The overview is as follows")."""
    words = label.replace("\n", " ").replace(",", " ").split()
    if not words or len(words) > 9 or words[0] in HEADER_KEYS:
        return False
    if label.upper() == label:
        return True
    glue = {"of", "the", "and", "for", "de", "al", "bin", "van", "von"}
    if words[-1].upper() in NON_PARTICIPANT_LABELS:
        return True
    last = words[-1].strip(".")
    return (
        all(w[0].isupper() or w in glue for w in words)
        and last[0].isupper()
        and last not in NOT_NAME_WORDS  # "Chinese Foreign Ministry On U.S.-China Meeting:"
    )


SPOKESPERSON = re.compile(
    r"attributable to (?:the )?(?:Spokesperson|Spokesman|Spokeswoman)\s+", re.I
)
# Who issues a readout: the government whose account it is (or relays), by the words or the
# web address that give it away.
ISSUERS = [
    (
        "CN",
        r"Chinese Foreign Ministry|"
        r"Ministry of Foreign Affairs of (?:the People's Republic of )?China|"
        r"Xinhua|fmprc\.gov\.cn|mfa\.gov\.cn",
    ),
    (
        "US",
        r"Department of State|State Department|Office of the Spokesperson|"
        r"White House|state\.gov|whitehouse\.gov",
    ),
    (
        "RU",
        r"Russian Foreign Ministry|"
        r"Ministry of Foreign Affairs of (?:the )?Russia(?:n Federation)?|TASS|"
        r"mid\.ru",
    ),
    ("DE", r"Federal Foreign Office|Ausw\u00e4rtiges Amt|Bundesregierung|auswaertiges-amt\.de"),
    ("IN", r"Ministry of External Affairs|mea\.gov\.in|Press Information Bureau|pib\.gov\.in"),
    ("JP", r"Ministry of Foreign Affairs of Japan|mofa\.go\.jp|Kyodo"),
    ("KR", r"Ministry of Foreign Affairs of (?:the )?(?:Republic of )?Korea|mofa\.go\.kr|Yonhap"),
    ("GB", r"Foreign, Commonwealth (?:&|and) Development Office|FCDO|10 Downing Street|gov\.uk"),
    ("FR", r"France Diplomatie|Quai d'Orsay|diplomatie\.gouv\.fr|elysee\.fr"),
    ("AU", r"Department of Foreign Affairs and Trade|dfat\.gov\.au|foreignminister\.gov\.au"),
    ("CA", r"Prime Minister of Canada|pm\.gc\.ca|Global Affairs Canada"),
    ("IR", r"Iranian Foreign Ministry|IRNA|mfa\.ir"),
    ("QA", r"Qatar News Agency|\bQNA\b"),
    (
        "TR",
        r"Turkish Foreign Ministry|\(AA\)|Anadolu|"
        r"Ministry of Foreign Affairs of (?:the Republic of )?T(?:ü|u)rk(?:iye|"
        r"ey)|mfa\.gov\.tr",
    ),
    # Government news agencies, by name or by the acronym they sign with ("(WAM)",
    # "/MONTSAME/"); acronyms in capitals only ("SPA" is no spa).
    ("AE", r"Emirates News Agency|(?-i:\bWAM\b)"),
    ("SA", r"Saudi Press Agency|(?-i:\bSPA\b)"),
    ("KW", r"Kuwait News Agency|(?-i:\bKUNA\b)"),
    ("OM", r"Oman News Agency|(?-i:\bONA\b)"),
    ("EG", r"Middle East News Agency|(?-i:\bMENA\b)"),
    ("JO", r"Jordan News Agency|(?-i:\bPetra\b)"),
    ("KZ", r"Kazinform"),
    ("UZ", r"(?-i:\bUzA\b)|National News Agency of Uzbekistan"),
    ("MY", r"Bernama"),
    ("ID", r"Antara News|(?-i:\bANTARA\b)"),
    ("VN", r"Vietnam News Agency|(?-i:\bVNA\b)"),
    ("MN", r"Montsame"),
    ("PK", r"Associated Press of Pakistan|(?-i:\bAPP\b)"),
    ("UA", r"Ukrinform"),
    ("PS", r"(?-i:\bWAFA\b)"),
    ("TH", r"Thai News Agency|(?-i:\bTNA\b)"),
]

TITLE_WORDS = word_set(
    "state foreign affairs security national defense defence treasury commerce political "
    "external home finance "
    "bureau central committee office commission general prime executive special presidential "
    "permanent people's congress council cabinet party republic federal senior principal "
    "assistant acting first second third under united nations high elect designate"
)
NAME_WORD = r"(?:[A-Z\u00C0-\u024F][\w\u00C0-\u024F'\u2019\-]+|[A-Z]\.)"
# Lower-case particles inside a name: "Mohammed bin Abdulaziz", "Ursula von der Leyen".
NAME_PARTICLE = r"(?:bin|bint|ibn|al|el|de|da|di|del|van|von|der|le|la|du|dos|das)"
CAPITALISED_RUN = re.compile(
    rf"(?<![\w\u00C0-\u024F]){NAME_WORD}(?:[ \t]+(?:{NAME_PARTICLE}[ \t]+)*{NAME_WORD})*"
)
TITLE_TOKEN = re.compile(r"\[[^\]]{1,60}\]|[\w\u00C0-\u024F'\u2019.\-]+")
# Who a dispatch's own commentary says a quotation is from: "described by Washington as",
# "by the State Department as", "Blinken called it".
QUOTE_CUE = re.compile(
    r"\b(?:by|from|according to)\s+(?P<who>[\w.'\u2019 ]{2,40}?)\s+(?:as|that)?\s*$"
    r"|(?P<who2>[\w.'\u2019 ]{2,40}?)\s+(?:said|called|described|stated)"
    r"(?:\s+(?:it|them|the talks))?(?:\s+as)?\s*$"
)

# Words before a name that say it is a person's: "Mr. Taro Kono", "H. E. Dr. Kang Kyung-wha",
# "his Turkish counterpart Hakan Fidan".
HONORIFICS = word_set(
    "Mr. Mr Ms. Ms Mrs. Mrs Dr. Dr H. E. H.E. HE H.H. HH Madam Mme. M. Excellency Highness "
    "His Her Sheikh Sheikha Shaikh Honourable Honorable Hon. Hon"
)
HONORIFIC_BEFORE = re.compile(
    r"(?:\b(?:Mr|Ms|Mrs|Dr|Mme|Hon)\.?|\bH\.\s?[EH]\.(?:\s+Dr\.?)?|\bExcellency|\bHighness|"
    r"\bHono(?:u)?rable|"
    r"\bSheikh|\bcounterpart,?|\bcolleague,?|\bPresident|\bMinister|"
    r"(?:met|meets|talks|spoke|meeting|call|conversation)\s+with)[ \t]+$"
)
# A title after a name: ", Minister for Foreign Affairs,", ", the Secretary of State".
TITLE_AFTER = re.compile(
    # ", the two foreign ministers discussed": those who met, not this name's office.
    r",[ \t]+(?!(?:the[ \t]+)?(?:two|both|three|four)\b)"
    r"(?:the[ \t]+|who[ \t]+is[ \t]+(?:the[ \t]+)?)?"
    # ", met with French Minister ... Catherine Colonna": a verb, then another's title.
    r"(?!(?:met|meets|held|holds|said|says|spoke|speaks|told|thanked|received|welcomed|"
    r"discussed|called|hosted|visited|added|noted)\b)"
    r"(?P<title>(?:(?:[A-Za-z][\w'\u2019\-]*|[A-Z](?:\.[A-Z])+\.?)[ \t]+){0,3}?"
    r"(?i:minister|secretary|president|premier|chancellor|ambassador|adviser|advisor|"
    r"councilor|councillor|director|chairman|chair|envoy|spokesperson|spokesman|"
    r"vice president|prime minister|foreign minister|king|emir|head)"
    r"(?:[ \t]+(?:of|for|and|the|on|[A-Z][\w'\u2019.\-]*))*)"
)
# A verb of speech or meeting right after a name: "John Kerry stated", "Lavrov and Fidan met".
PERSON_VERB_AFTER = re.compile(
    rf"(?:'s|\u2019s)?\s+(?:(?:also|further|then|again|later)\s+)?"
    rf"(?:{SPEECH_VERBS}|{NARRATIVE_VERBS}|discussed|thanked|raised|told|noted|invited)\b"
    r"|\s+and\s+(?:[A-Z][\w\-]+\s+){1,3}(?:met|held|discussed|spoke|agreed)\b"
    r"|(?:'s|\u2019s)\s+(?:opening\s+)?(?:statement|remarks|answers|speech|address|interview)\b"
)
COUNTRY_AFTER = re.compile(
    r"^(?:\s+(?:of|to)\s+(?:the\s+)?|,\s+)"
    r"(?P<country>[A-Z][\w.'\u2019]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w.'\u2019]*)*)"
)
# Titles that only one country's officials hold, for an official the text gives no country.
TITLE_COUNTRIES = {
    "secretary of state": "US",
    "national security advisor": "US",
    "state councilor": "CN",
    "state councillor": "CN",
    "external affairs minister": "IN",
    "minister of external affairs": "IN",
    "federal chancellor": "DE",
    "federal foreign minister": "DE",
    # "Secretary Blinken", "SECRETARY RUBIO": the State Department's house style for its own.
    "^secretary$": "US",
}
# The capitalised words of an office, between a comma and the name it goes with: ",
# Indian High Commissioner to Bangladesh " before "Pranay Kumar Verma".
OFFICE_RUN = re.compile(
    r",\s*(?:[A-Z][\w.'\u2019\-]*|of|the|to|for|and|&)(?:\s+(?:[A-Z][\w.'\u2019\-]*|of|the|to|for|and|&))*\s*"
)
# A line that says whose words follow: "A translation of President Tsai's remarks follows:",
# "The full text of Prime Minister Modi's statement is as follows:".
REMARKS_FOLLOW = re.compile(
    r"^(?:(?:A|An|The)\s+)?(?:(?:full\s+|unofficial\s+|English\s+)?"
    r"(?:translation|text|transcript)\s+of\s+)?(?:the\s+)?"
    r"(?P<who>[A-Z][\w.'\u2019\- ]{1,60}?)(?:'s|\u2019s)\s+(?:opening\s+)?"
    r"(?:remarks|statement|speech|address)\s+(?:follows?|is as follows|are as follows)\s*:"
    r"[ \t]*(?:\n|$)"
)
# Who a meeting's sentence only speaks of: those whose greetings are conveyed, or to whom
# ("conveyed President Bashar al-Assad's greetings to King Salman ..., and Crown Prince
# Mohammad"), and who is to visit ("the upcoming visit of Russian President Putin").
GREETINGS_BEFORE = re.compile(
    r"\b(?:conveyed|extended|sent|passed on|delivered|transmitted)\b[^.;:]{0,120}?"
    r"\b(?:greetings|regards|wishes|congratulations|message|invitation)\b[^.;:]*$"
)
GREETINGS_AFTER = re.compile(
    r"(?:[\w.\-]+\s+){0,5}?[\w.\-]+(?:'s|\u2019s)\s+(?:\w+\s+){0,2}?"
    r"(?:greetings|regards|wishes|congratulations|message)\b"
)
COMING_VISIT_BEFORE = re.compile(
    r"\b(?:upcoming|forthcoming|planned|next|future|scheduled|expected)\s+"
    r"(?:(?:state|official|working)\s+)?visit\s+(?:of|by)\s+(?:[\w.\-\u2019']+\s+){0,5}$",
    re.IGNORECASE,
)
# Whose counterpart someone is: "with his new counterpart, Yoko Kamikawa".
COUNTERPART = re.compile(r"\b(?:his|her)\s+(?:new\s+)?counterparts?\b,?")
# Capitalised words that are never part of a person's name in a readout.
NOT_NAME_WORDS = word_set(
    "Ministry Ministries Committee Commission Council Party Summit Forum Agency News Department "
    "Office Government Republic University Bank Embassy Consulate House Hall Day Week Year "
    "Group Union Nations Organization Organisation Treaty Agreement Declaration Initiative "
    "Strategy Partnership Dialogue Conference Meeting Meetings Talks Road Belt Sea Ocean "
    "Peninsula Strait Gulf Airport Palace Federation Kingdom Assembly Congress Parliament "
    "Senate Court Press Release Readout Statement Joint Remarks Home Website Service Services "
    "Affairs Foreign Security Defence Defense Trade Economic Cooperation Relations Street "
    "Square Centre Center Hotel Building Ukrainian Middle East West North South Monday "
    "Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
    "July August September October November December G20 G7 BRICS ASEAN NATO EU UN Brexit "
    "Covid COVID-19 Hangzhou Communist Corps Force Army Navy Police Media Times Post Daily "
    "Islamic Arab European African Asian Pacific Atlantic Arctic Global International National "
    "Photo Video Share Print Email Source Original Article Link Related Latest More Call Visit "
    "Telephone Talk Talks Inquiries Enquiries Contact Contacts "
    "Date Title Publisher Published URL Today Yesterday Tomorrow Meets Holds Hold Talks "
    "Discusses Discuss Says Calls Speaks Receives Visits Urges Agree Agrees Sign Signs "
    "Europe Asia Africa Americas Oceania Caucasus Balkans Sahel District Districts Parish "
    "Province Region County Municipality Prefecture Oblast Participants"
)
# The word after capitalised words that makes them a body's or a place's name, not a
# person's: "Democratic Action Party", "UN & Multilateral Affairs".
BODY_AFTER = re.compile(
    r"[ \t]+(?:Party|Parties|Affairs|Ministry|Committee|Commission|Council|Agency|Department|"
    r"Office|Union|Organi[sz]ation|Movement|Front|Institute|Foundation|University|Bank|"
    r"Embassy|District|Parish|Province|Region|County|Municipality|Prefecture|Oblast)\b"
)
# "the Chinese delegation was led by", "the U.S. side, headed by".
LED_BY = re.compile(
    r"\b(?P<country>[A-Z][\w.'\u2019]*(?:\s+[A-Z][\w.'\u2019]*)?)\s+(?:side|delegation|team)"
    r"(?:\s+(?:was|is|were|,))?\s+(?:led|headed|represented)\s+by\b"
)
# A sentence that tells of the meeting itself (in the opening paragraphs).
TELLS_OF_MEETING = re.compile(
    r"\b(?:met|meets|meeting|held|holds|talks|spoke|speaks|call|conversation|discussed|"
    r"discuss|exchanged views|exchanges? of views|counterpart|visit|visiting|received|"
    r"receives|hosted|briefed|"
    r"joint press conference|press conference|news conference|press availability|invitation|"
    r"remarks|"
    r"readout|bilateral|reviewed|received|welcomed)\b",
    re.IGNORECASE,
)
# Words before a name that put it in another time or office.
PAST_CUE = re.compile(
    r"\b(?:former|late|then|earlier|latest|previous|recent|last (?:year|month|week)|"
    r"(?:in|since) (?:19|20)\d\d|"
    r"in (?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December) (?:this|last) year)\b",
    re.IGNORECASE,
)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY = re.compile(
    r"\b(?:[Oo]n\s+(?:the\s+)?(?:(?:late|early)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)|(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+"
    r"(?:morning|afternoon|evening|night))\b"
)
# One line of a pasted header: "Title: ...", "Source: ...", "Date: ...", "URL: ...".
HEADER_FIELD = re.compile(
    r"^(?P<key>Title|Source|Publisher|Date|Published|URL|Link)\s*:[ \t]*(?P<value>\S[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)
# The last word of a name, with what ends it: "Lavrov's", "Ministers'", "Kono,".
POSSESSIVE_NAME = re.compile(r"^[^\W\d_][\w\-]*(?:'s|\u2019s|'|\u2019|,|;|:)$")
# Courtesies a speaker opens or closes with: not claims.
COURTESY = re.compile(
    r"^(?:(?:well|so|and|first(?: of all)?|again|once again),?\s+)*(?:(?:mr\.?|madam)\s+\w+,\s+)?"
    r"(?:thank(?:s| you)\b|(?:let me |allow me to |i would like to |i want to )?(?:first )?"
    r"(?:welcome|thank|greet)\b|good (?:morning|afternoon|evening)\b|it(?:'s| is) (?:a|my) "
    r"(?:great )?(?:pleasure|honou?r)\b|i appreciate the opportunity|(?:president|prime "
    r"minister) \w+ sends (?:you )?his (?:regards|greetings)|let me (?:say|begin|start)\b|"
    r"i(?:'m| am) (?:very )?(?:pleased|delighted|happy) to (?:be|welcome|see)\b|"
    r"(?:so )?i(?:'m| am) ready to work|i know you are|let(?:'s| us) go\b|"
    r"i have (?:a couple of|a few|some) (?:things|words|points) to say|"
    r"let me say a (?:few|couple of) (?:words|things))",
    re.IGNORECASE,
)
# The text of one official's statement or remarks: its first person is that official's.
PRINCIPAL = re.compile(
    r"(?:statement|remarks|speech|answers|address|interview|press statement)\s+(?:by|of)\s+"
    r"|[\'\u2019]s\s+(?:opening\s+)?(?:statement|remarks|speech|answers|address)\b",
    re.IGNORECASE,
)
FIRST_PERSON = re.compile(r"^(?:[A-Z][\w\s,]{0,40},\s+)?(?:I|We|My|Our|Us)\b")
# Auxiliaries between a subject and its verb: "Lavrov and Fidan have discussed".
AUXILIARY_END = re.compile(r"\s+(?:have|has|had|also|have also|has also|will|would)$")
MEETING_VERBS = word_set("discussed exchanged held met")
# "and the two sides discussed ...": a joint clause after the sentence's first one.
# What the talks covered, told in the passive: "Key aspects of the agenda were touched upon",
# "Due attention was given to trade", "An agreement was reached": both sides' doing.
PASSIVE_TOGETHER = re.compile(
    r"\b(?:was|were|has been|have been)\s+(?:also\s+|thoroughly\s+|briefly\s+)?"
    r"(?:discussed|touched upon|reviewed|addressed|exchanged|considered|given|reached|"
    r"agreed|noted|emphasi[sz]ed|stressed|highlighted|underlined|confirmed|reaffirmed)\b",
    re.IGNORECASE,
)
# The time of the talks before a subject: "During the meeting the sides discussed ...".
MEETING_TIME = re.compile(
    r"^(?:During|In|At|Throughout|After|At the (?:end|conclusion|close) of)\s+(?:the|their|this)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:meeting|talks|conversation|call|discussions?|consultations?)\s+",
    re.IGNORECASE,
)
# The talks themselves as the subject: "The talks covered ...", "The meeting discussed ...".
MEETING_AS_SUBJECT = re.compile(
    r"(?:(?:the|their|this)\s+(?:[\w-]+\s+){0,2}?)?(?:meeting|talks?|conversation|call|"
    r"discussions?|consultations?)",
    re.IGNORECASE,
)
JOINT_CLAUSE = re.compile(
    r"\b(?:and|while|where)\s+(?:both sides|the two sides|the sides|both ministers|both|"
    r"the two (?:foreign )?ministers|the two leaders|both leaders|the ministers|the leaders)\s+"
    r"(?:also\s+)?(?:discussed|agreed|exchanged|reviewed|reaffirmed|expressed|held|stressed|"
    r"emphasi[sz]ed|underlined|confirmed|noted)\b",
    re.IGNORECASE,
)
# "the Turkish minister", "the senior Iranian diplomat": an official by country and office.
OFFICE_NOUNS = word_set(
    "minister diplomat president premier leader chancellor secretary envoy official "
    "counterpart foreign-minister FM PM EAM"
)
# A country, its title, then a comma: "the British Prime Minister, David Cameron".
# Honorifics between a title's comma and the name: "the Emir of Qatar, Sheikh Hamad".
COMMA_HONORIFICS = (
    r"(?:(?:Dr|Mr|Ms|Mrs|H\.\s?E|HE|HRH|Amb|Sheikh|Sheikha|Prince|Princess|"
    r"(?:His|Her) Excellency)\.?\s+)*"
)
APPOSITIVE = re.compile(
    r"(?:'s|\u2019s)?\s+(?:[A-Z][\w\-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){0,6}[A-Z][\w\-]*,\s*"
    + COMMA_HONORIFICS
)
# "the Prime Minister, Dr. Manmohan Singh": a title, a comma and honorifics before a name.
TITLE_COMMA_BEFORE = re.compile(
    r"(?P<title>(?:[A-Z][\w\-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){0,6}[A-Z][\w\-]*),\s*"
    + COMMA_HONORIFICS
    + "$"
)
# A gap a transcript marks inside a sentence: "the first (inaudible) conversation".
INLINE_GAP = re.compile(r"\((?:inaudible|crosstalk|off-mic|indiscernible)\)", re.IGNORECASE)
# Small talk in a transcript: a short sentence of welcome, thanks or pleasure.
SMALL_TALK = re.compile(
    r"\b(?:pleasure|honou?r(?:ed)?|thrilled|delighted|great to see|good to see|nice to see|"
    r"(?:occasion|opportunity) to (?:meet|see) you|for hosting|yeah|"
    r"welcome (?:you|my|him|her)|thank you|thanks|hospitality|birthday|cakes?|my friend|"
    r"dear friend|appreciate (?:you|your|the opportunity|the hospitality))\b",
    re.IGNORECASE,
)
# A courtesy told in reported speech: "Minister Kishida congratulated Minister Steinmeier on
# his reappointment", "conveyed the greetings of President Xi". Condolences are not among
# them: a side's sympathy over a disaster or a death is part of its account.
COURTESY_ACT = re.compile(
    r"\bcongratulat(?:ed|es)\s+(?:[\w.\-\u00C0-\u024F]+\s+){0,4}?on\s+(?:his|her|their)\b"
    r"|\b(?:extended|conveyed|sent)\s+(?:his|her|their|the)?\s*(?:sincere\s+|warm\s+|best\s+)?"
    r"(?:greetings|congratulations|wishes)\b",
    re.IGNORECASE,
)
# A readout that opens with its own leader's bare title: "The Prime Minister spoke to ...".
UNNAMED_PRINCIPAL = re.compile(
    r"^(?:[^\n]*\n)?The\s+(?P<title>(?:Foreign\s+|Home\s+|Defence\s+|Defense\s+)?"
    r"(?:Prime Minister|President|Secretary|Chancellor|Premier|Minister))\s+"
    r"(?:has\s+|had\s+|today\s+|also\s+)?"
    r"(?:spoke|speaks|met|meets|held|holds|had|received|receives|welcomed|hosted|called)\b"
)
# A question from the press in a White House transcript: "Q Mr. President, will you ...".
PRESS_QUESTION = re.compile(r"^(?:Q|Q\.|QUESTION)\s+(?=[A-Z])")
# An attribution standing alone: "The briefing said.", "the ministry added."
ATTRIBUTION_ONLY = re.compile(
    r"^(?:the |a |an )?(?:[\w\-]+ ){0,3}(?:said|added|noted|stated|reported|told reporters)\.?$",
    re.IGNORECASE,
)
# The year in a web address: ".../2024/10/09/...", ".../202410/09/...", "?ud=20241115050233".
URL_YEAR = re.compile(
    r"/((?:19[5-9]|20[0-4])\d)(?:/|[01]\d(?:[0-3]\d)?/|-)"
    r"|[/=]((?:19[5-9]|20[0-4])\d)(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01])"
)
# A word before which a lone capitalised word is part of a title or a place, not a name.
GLUE_BEFORE = re.compile(r"\b(?:of|for|and|on|to|the|in|at|from|near)\s+$")

# A visit, and where to: "paid an official visit to India", "on a working visit to Egypt",
# "is in Singapore on an Official Visit" (`stay`: the visit must follow). The empty
# `country` group marks where the country's name should begin.
VISIT_TO = re.compile(
    r"\b(?:(?:paid|pays|paying|made|makes|making|began|begins|on|during)\s+"
    r"(?:an?|his|her|their)\s+(?:[\w-]+\s+){0,3}visit\s+to|(?P<stay>is|was|are|were|arrived|"
    r"arrives)\s+in)\s+(?:the\s+)?(?P<country>)",
    re.IGNORECASE,
)
STAY_FOR_A_VISIT = re.compile(
    r"[^.;]{0,40}?\b(?:on|for)\s+(?:an?|his|her)\s+(?:[\w-]+\s+){0,3}visit\b", re.IGNORECASE
)

# Verbs whose object is the person spoken to, who takes part: "briefed the Emir of Qatar,
# Sheikh Hamad, on ...", "called on Prime Minister Lee at the Istana". What follows the
# object (`OBJECT_END`) is what was said.
# A spokesperson's sentence that only says they spoke to the press; their words follow.
PRESS_BRIEFED = re.compile(
    r"\s+(?:the\s+)?(?:reporters|journalists|newsmen|press|media)"
    r"(?:\s+(?:after|following|at|on|in)\b[^,;:]*)?\.?$"
)
INTERLOCUTOR_VERB = re.compile(
    r"(?:briefed|informed|thanked|congratulated|told [A-Z][\w.]*(?: [A-Z][\w.]*)*|assured|"
    r"urged)"
)
OBJECT_END = re.compile(r",?\s+(?:on|about|for|that|regarding|at|to)\b|[.;:]")
ACCOMPANIED_BY = re.compile(r"\b(?:was|were|is|are)\s+(?:also\s+)?accompanied\s+by\b")
# A speaker addressing or welcoming the one they meet: "Your Excellency, George Bush",
# "His Excellency Prime Minister Yoshihide Suga,", "Allow me to welcome ... Mr. Binali
# Yildirim". Not where greetings are passed on from someone else (`SENT_BY`).
ADDRESSED = re.compile(
    r"^(?:(?:Your|His|Her)\s+Excellency\b|Dear\b)|\b(?:Let me|Allow me to|I|We|to)\s+(?:\w+\s+)?"
    r"welcome\s+(?:once again\s+|again\s+|here\s+)?(?:you|my|our|His|Her|Mr\.?|Ms\.?|Mrs\.?|Madam|"
    r"Dr\.?|President|Prime|Foreign|Minister|Secretary|Chancellor|the (?:arrival|President|Prime|"
    r"Foreign|Minister|Secretary|Chancellor))\b"
)
SENT_BY = re.compile(r"\b(?:greetings|regards|message|letter|on behalf of)\b", re.IGNORECASE)
# The lines a web page shows around an article that an editor's copy keeps: a government
# site's banner, an archive notice, a wire's counters. They open no report.
WEB_CHROME = re.compile(
    r"official website of|here\u2019?'?s how you know|\.gov website|secure websites|"
    r"share sensitive information|accessed part of a historical collection|\bcookies\b|"
    r"skip to (?:main )?content|press releases posted in the last|^(?:submit release|news "
    r"search|print version|view settings|font size)",
    re.IGNORECASE,
)
# A sentence about another, earlier meeting than the one the text tells of: "followed the
# talks that had taken place ... in Hiroshima on 20 May".
ANOTHER_MEETING = re.compile(
    r"\b(?:had\s+(?:\w+\s+)?(?:taken place|held|met|been held)|followed (?:the|up)|"
    r"(?:previous|earlier|last|former) (?:meeting|talks|visit|call|summit))\b",
    re.IGNORECASE,
)
# A phrase of the meeting sentence that names the occasion, not who met: "on the sidelines
# of the working visit of the President ... Mr Nicos Anastasiades to Israel" (to the next
# comma).
OCCASION = re.compile(
    r"\bon the (?:sidelines|margins) of (?:the|a|his|her)\s+(?:[\w-]+\s+){0,2}visit of[^,;]*",
    re.IGNORECASE,
)
# A sentence telling of another meeting of the same visit: "Minister Wang also met with
# Prime Minister Christopher Luxon".
ANOTHER_CALL = re.compile(
    r"\b(?:also|later|separately|subsequently)\s+"
    r"(?:met|held|called on|paid (?:a )?(?:courtesy )?(?:call|visit)s? (?:on|to))\b"
)
# A phrase set off by commas inside a subject that names no one speaking: "after
# congratulating Prime Minister Abe on ...", "while thanking France ...".
ASIDE = re.compile(r"^\s*(?:after|while|before|upon|when|in addition to|besides)\s+\w+ing\b", re.I)
SPOKES_TITLE = re.compile(r"\bspokes(?:man|woman|person)\b|\bpress secretary\b", re.IGNORECASE)
# Words of a page's heading or a form of address that run into the office after them:
# "Readout of President", "Joint Statement of Japanese Prime Minister", "Wang Yi Meets
# Finance Minister", "KAZINFORM - Minister", "His Excellency Prime Minister", "Royal
# Highness Prince".
HEADING_BEFORE_TITLE = re.compile(
    r"^(?:.*?\b(?:Readout|Statement|Remarks|Transcript|Meets|Met|Holds|Receives)\s+"
    r"(?:of\s+|by\s+|with\s+)?|[A-Z]{3,}\s*[-\u2013\u2014]\s*|(?:(?:His|Her|Your)\s+)?"
    r"(?:Excellency|Royal Highness|Highness|Majesty)\s+)"
)
# A country a speaker names as their own side's: "Egypt's full rejection", "Pakistan's
# perspective", "the Government of Japan".
OWN_COUNTRY = re.compile(
    r"(?:\b(?:the\s+)?Government of (?:the\s+)?(?P<governed>[A-Z][\w.\- ]{2,40}?)\b"
    r"(?=\s+(?:will|is|has|intends|would|remains|continues)\b)"
    r"|(?<![\w-])(?P<own>[A-Z][\w.\-]*(?: [A-Z][\w.\-]*){0,2})(?:'s|\u2019s)\s+"
    r"(?:full\s+|firm\s+|strong\s+)?(?:position|positions|perspective|stance|rejection|"
    r"support|desire|readiness|commitment|efforts|keenness|interest|appreciation|concern|"
    r"view|views|policy|opposition|willingness|role|contribution|candidacy|engagement|"
    r"participation|leadership))"
)
# Words before a date that give another, coming event's day: "to be held June 6-10".
FUTURE_EVENT = re.compile(
    r"\b(?:to be held|will be held|will take place|scheduled|upcoming|planned|due to be held)\b",
    re.IGNORECASE,
)
# How a side speaks of itself after its name: "India would be happy to", "China is ready to",
# "Japan supports": not "Russia must withdraw" or "Russia is the aggressor".
SELF_STANCE = re.compile(
    r"(?:'s\s+\w+\s+|\u2019s\s+\w+\s+|\s+(?:side|government)\s+)?\s*(?:also\s+)?"
    r"(?:is|was|remains|stands|are)\s+(?:ready|willing|prepared|committed|determined|open|keen|"
    r"happy|grateful|glad)|\s+(?:would|will|wishes|hopes|supports|values|appreciates|attaches|"
    r"welcomes|stands|remains|looks forward|is looking forward|intends|highly)\b"
)
# Words before a country's stance that make it another's: "condemned Russia's position".
AGAINST = re.compile(
    r"\b(?:condemn|reject|criticiz|criticis|oppos|denounc|deplor|against)\w*", re.I
)
