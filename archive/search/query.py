"""Parse what a researcher types into a small query tree, once, for both search backends.

The language: words (all must match), "quoted phrases", OR between words or phrases,
-word (or NOT word) to exclude, word* for a prefix. Anything else is read as words; nothing
a user types can reach a database's query syntax, because the backends compile only this
tree, whose words contain letters, digits and underscores alone.
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_QUERY_CHARS = 300
MAX_CLAUSES = 16

# PostgreSQL's English stop words (FTS5 has none, so both engines drop them here).
STOPWORD_TEXT = """a about above after again against all am an and any are as at be because been
    before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself
    yourselves"""
STOPWORDS = frozenset(STOPWORD_TEXT.split())
# Words an equivalent name must not be searched as: the index folds capitals, so "US" is the
# pronoun "us" (and, to SQLite's Porter stemmer, "use" too), "WHO" the stop word "who".
AMBIGUOUS = STOPWORDS | {"us"}

WORD_PART = re.compile(r"[^\W_]+", re.UNICODE)
TOKEN = re.compile(r'(?P<minus>-?)"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+)')


@dataclass(frozen=True)
class Term:
    word: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]


@dataclass(frozen=True)
class AnyOf:
    """Matches when any option matches: an OR group, or a term with its synonyms."""

    options: tuple["Node", ...]


@dataclass(frozen=True)
class AllOf:
    """Matches when every part matches (the words of a name, each with its synonyms)."""

    parts: tuple["Node", ...]


Node = Term | Phrase | AnyOf | AllOf


@dataclass
class Unit:
    """One word or phrase as typed, before synonyms: `key` is its words joined by spaces."""

    node: Term | Phrase
    surface: str
    span: tuple[int, int] = (0, 0)  # where it stands in the query's text

    @property
    def key(self) -> str:
        if isinstance(self.node, Term):
            return self.node.word
        return name_key(self.node.words)


@dataclass
class ParsedQuery:
    text: str
    include: list[Node] = field(default_factory=list)
    exclude: list[Node] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    expansions: list[tuple[str, list[str]]] = field(default_factory=list)
    # Runs of plain words and phrases, in order: where synonyms and names are looked for.
    runs: list[list[Unit]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.include

    @property
    def plain_words(self) -> list[str]:
        return [unit.surface for run in self.runs for unit in run]

    @property
    def has_prefix(self) -> bool:
        return self.holds(lambda leaf: isinstance(leaf, Term) and leaf.prefix)

    @property
    def has_phrase(self) -> bool:
        return self.holds(lambda leaf: isinstance(leaf, Phrase))

    def holds(self, wanted: Callable[[Term | Phrase], bool]) -> bool:
        """Whether a word or phrase anywhere in the query, excluded ones too, is `wanted`."""
        return any(holds(node, wanted) for node in self.include + self.exclude)


def holds(node: Node, wanted: Callable[[Term | Phrase], bool]) -> bool:
    if isinstance(node, Term | Phrase):
        return wanted(node)
    children = node.options if isinstance(node, AnyOf) else node.parts
    return any(holds(child, wanted) for child in children)


def clean(text: str) -> str:
    """Drop control characters (NUL included) and fold compatibility forms."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch if ch.isprintable() else " " for ch in text)


def word_parts(text: str) -> tuple[str, ...]:
    return tuple(part.lower() for part in WORD_PART.findall(text))


def name_key(words: tuple[str, ...]) -> str:
    """How a name is looked up: its words without stop words, which a query drops between
    plain words ("Communist Party of China" typed without quotes reaches the same name)."""
    return " ".join(word for word in words if word not in STOPWORDS)


def node_for(words: tuple[str, ...], prefix: bool = False) -> Term | Phrase | None:
    if not words:
        return None
    if len(words) == 1:
        return Term(words[0], prefix)
    return Phrase(words)


def parse(text: str) -> ParsedQuery:
    typed = bool((text or "").strip())
    text = clean(text or "").strip()
    query = ParsedQuery(text=text)
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        query.text = text
        query.notices.append(
            f"Your search was longer than {MAX_QUERY_CHARS} characters; "
            "only the beginning was searched."
        )

    groups: list[list[tuple[Node, bool, Unit | None]]] = []
    pending_or = pending_not = False
    dropped_stopwords: list[str] = []

    for match in TOKEN.finditer(text):
        phrase, word = match.group("phrase"), match.group("word")
        if word == "OR":
            pending_or = bool(groups)
            continue
        if word == "NOT":  # as many search engines write -word
            pending_not = True
            continue
        negated, pending_not = pending_not, False
        prefix = False
        if phrase is not None:
            negated = negated or bool(match.group("minus"))
            words = word_parts(phrase)
            surface = phrase
            if words and all(w in STOPWORDS for w in words):
                dropped_stopwords.extend(words)
                words = ()
        else:
            negated = negated or word.startswith("-")
            prefix = word.endswith("*")
            surface = word.strip("-*")
            words = word_parts(surface)
            if len(words) == 1 and words[0] in STOPWORDS and not prefix:
                dropped_stopwords.append(words[0])
                words = ()
        node = node_for(words, prefix and len(words) == 1)
        if node is None:
            pending_or = False
            continue
        unit = (
            None
            if negated or (isinstance(node, Term) and node.prefix)
            else Unit(node, surface, match.span())
        )
        if pending_or and not negated and not groups[-1][0][1]:
            groups[-1].append((node, negated, unit))
        else:
            groups.append([(node, negated, unit)])
        pending_or = False
    query.runs = runs_of(groups)

    for group in groups[:MAX_CLAUSES]:
        nodes = tuple(dict.fromkeys(node for node, _, _ in group))
        node = nodes[0] if len(nodes) == 1 else AnyOf(nodes)
        (query.exclude if group[0][1] else query.include).append(node)
    if len(groups) > MAX_CLAUSES:
        query.notices.append(f"Only the first {MAX_CLAUSES} words or phrases were searched.")

    if query.is_empty:
        if dropped_stopwords:
            query.notices.append(
                "Words as common as "
                + ", ".join(f"\u201c{w}\u201d" for w in dict.fromkeys(dropped_stopwords))
                + " are not searched on their own; add a more specific word."
            )
        elif query.exclude:
            query.notices.append(
                "A search needs at least one word to look for, not only words to exclude."
            )
        elif typed:
            shown = text if len(text) <= 40 else text[:40] + "\u2026"
            query.notices.append(
                (f"\u201c{shown}\u201d" if shown else "Your search")
                + " holds no word to look for: a search needs letters or digits, alone or "
                "with the signs below."
            )
    return query


def runs_of(groups: list[list[tuple[Node, bool, "Unit | None"]]]) -> list[list[Unit]]:
    """Runs of consecutive plain words, where a multi-word name may be found. A word inside
    an OR group stands alone: "Hong Kong OR Macau" must not read "Kong OR Macau" as part of
    a name."""
    runs: list[list[Unit]] = []
    run: list[Unit] = []
    for group in groups:
        units = [unit for _, _, unit in group if unit is not None]
        if len(group) == 1 and units:
            run.append(units[0])
            continue
        if run:
            runs.append(run)
            run = []
        runs.extend([unit] for unit in units)
    if run:
        runs.append(run)
    return runs


def describe(node: Node) -> str:
    """How a node reads back to the user."""
    if isinstance(node, Term):
        return node.word + ("*" if node.prefix else "")
    if isinstance(node, Phrase):
        return "\u201c" + " ".join(node.words) + "\u201d"
    if isinstance(node, AllOf):
        return "(" + " ".join(describe(part) for part in node.parts) + ")"
    return " OR ".join(describe(option) for option in node.options)


def expand(query: ParsedQuery, equivalents: dict[str, list[str]]) -> None:
    """Replace each run of words that names a synonym, an alias or an official by an OR of
    all its equivalents (longest match first), and note what was added for the page."""
    if not equivalents:
        return
    # Keyed by the identity of each typed word's node, not its value: "bye bye" has two.
    replaced: dict[int, Node | None] = {}
    for run in query.runs:
        i = 0
        while i < len(run):
            for size in range(min(5, len(run) - i), 0, -1):
                window = run[i : i + size]
                key = " ".join(unit.key for unit in window)
                if key in equivalents:
                    others = others_than(key, equivalents[key])
                    nodes = [searchable(e) for e in others]
                    nodes = [n for n in nodes if n is not None]
                    if nodes:
                        if size == 1:
                            original = window[0].node
                        else:
                            # The words may also match apart, each with its own synonyms.
                            original = AllOf(
                                tuple(with_synonyms(unit, equivalents) for unit in window)
                            )
                            query.expansions.extend(
                                (unit.surface, others_than(unit.key, equivalents[unit.key]))
                                for unit in window
                                if others_than(unit.key, equivalents.get(unit.key, []))
                            )
                        combined = AnyOf(tuple(dict.fromkeys([original, *nodes])))
                        replaced[id(window[0].node)] = combined
                        for unit in window[1:]:
                            replaced[id(unit.node)] = None
                        typed = query.text[window[0].span[0] : window[-1].span[1]]
                        query.expansions.append((typed.strip('"'), others))
                    i += size
                    break
            else:
                i += 1
    if replaced:
        substituted = (substitute(node, replaced) for node in query.include)
        query.include = [node for node in substituted if node is not None]
    # "CCP and CCP" says once what CCP also searched.
    unique = {(typed, tuple(others)): others for typed, others in query.expansions}
    query.expansions = [(typed, others) for (typed, _), others in unique.items()]


def others_than(key: str, names: list[str]) -> list[str]:
    return [name for name in names if name_key(word_parts(name)) != key]


def searchable(text: str) -> Term | Phrase | None:
    """A node for an equivalent name, unless it would find ordinary words ("US", "WHO")."""
    words = word_parts(text)
    if all(word in AMBIGUOUS for word in words):
        return None
    return node_for(words)


def with_synonyms(unit: Unit, equivalents: dict[str, list[str]]) -> Node:
    nodes = [unit.node, *(searchable(e) for e in equivalents.get(unit.key, []))]
    options = tuple(dict.fromkeys(n for n in nodes if n is not None))
    return options[0] if len(options) == 1 else AnyOf(options)


def substitute(node: Node, replaced: dict[int, Node | None]) -> Node | None:
    if isinstance(node, AnyOf):
        options: list[Node] = []
        for option in node.options:
            new = substitute(option, replaced)
            if isinstance(new, AnyOf):
                options.extend(new.options)
            elif new is not None:
                options.append(new)
        options = list(dict.fromkeys(options))
        if not options:
            return None
        return options[0] if len(options) == 1 else AnyOf(tuple(options))
    return replaced.get(id(node), node)
