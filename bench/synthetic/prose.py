"""The words of claims: Zipf-distributed words of an invented vocabulary among real words
of diplomatic prose, set phrases, and the search terms the benchmarks query at known rates
(common, middle and rare), so that searches see realistic numbers of matches."""

import random

from bench.synthetic.draw import pick, zipf_cumulative

PHRASE_RATE = 0.30
MIN_WORDS, MAX_WORDS, MODE_WORDS = 15, 60, 27
VOCABULARY_SIZE = 5000
ZIPF_EXPONENT = 1.1
# Zipf-Mandelbrot shift: 1/(rank + shift)^exponent. Without it the top word of a 5,000-word
# vocabulary takes 16% of all words ("the the the"); with it ~5%, as "the" does in English.
ZIPF_SHIFT = 2.7

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


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
