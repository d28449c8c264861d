"""The shared query parser: pure Python, the same for both engines."""

from archive.search.query import (
    MAX_QUERY_CHARS,
    AllOf,
    AnyOf,
    Phrase,
    Term,
    describe,
    expand,
    parse,
)


def test_plain_words_must_all_match():
    query = parse("biggest lie")
    assert query.include == [Term("biggest"), Term("lie")]
    assert query.exclude == []


def test_phrases_or_exclusion_and_prefix():
    query = parse('"one-China policy" Tibet OR Xinjiang -independence sovereign*')
    assert query.include == [
        Phrase(("one", "china", "policy")),
        AnyOf((Term("tibet"), Term("xinjiang"))),
        Term("sovereign", prefix=True),
    ]
    assert query.exclude == [Term("independence")]


def test_a_query_knows_whether_it_holds_a_prefix_anywhere():
    assert parse("Tibet OR sovereign*").has_prefix
    assert parse("Taiwan -indep*").has_prefix
    assert not parse('"one-China policy" Tibet OR Xinjiang -independence').has_prefix


def test_punctuated_words_become_phrases_of_their_parts():
    assert parse("u.s.").include == [Phrase(("u", "s"))]
    assert parse("co-operation").include == [Phrase(("co", "operation"))]
    assert parse("column:value").include == [Phrase(("column", "value"))]


def test_stopwords_alone_get_a_notice():
    query = parse("the of")
    assert query.is_empty
    assert "not searched on their own" in query.notices[0]
    assert parse("AND").is_empty


def test_only_exclusions_get_a_notice():
    query = parse("-climate")
    assert query.is_empty
    assert "at least one word to look for" in query.notices[0]


def test_syntax_debris_is_ignored_and_explained():
    for text in ("OR OR", "-", "*", '"', "\U0001f600", "\x00\x00"):
        query = parse(text)
        assert query.is_empty, text
        assert "holds no word to look for" in query.notices[0], text
    for text in ("", "   "):
        assert parse(text).is_empty and parse(text).notices == []


def test_a_minus_before_a_phrase_excludes_it():
    query = parse('Taiwan -"one-China policy"')
    assert query.include == [Term("taiwan")]
    assert query.exclude == [Phrase(("one", "china", "policy"))]


def test_not_before_a_word_or_phrase_excludes_it():
    query = parse('Taiwan NOT independence NOT "one-China"')
    assert query.include == [Term("taiwan")]
    assert query.exclude == [Term("independence"), Phrase(("one", "china"))]
    assert parse("NOT").is_empty
    assert parse("not Taiwan").include == [Term("taiwan")]  # lower case: a stop word


def test_a_name_is_found_with_or_without_its_stop_words():
    equivalents = {"communist party china": ["CPC", "Communist Party of China"]}
    for typed in ("Communist Party of China", '"Communist Party of China"'):
        query = parse(typed)
        expand(query, equivalents)
        assert query.expansions == [(typed.strip('"'), ["CPC"])], typed
        assert any(
            isinstance(node, AnyOf) and Term("cpc") in node.options for node in query.include
        ), typed


def test_equivalents_that_read_as_ordinary_words_are_not_searched():
    query = parse("USA")
    expand(query, {"usa": ["U.S.", "US", "United States", "USA"]})
    (node,) = query.include
    assert Term("us") not in node.options
    assert Phrase(("u", "s")) in node.options and Phrase(("united", "states")) in node.options
    assert parse("NEAR(").include == [Term("near")]
    assert parse('"unbalanced').include == [Term("unbalanced")]
    assert parse("'; DROP TABLE claims; --").include == [
        Term("drop"),
        Term("table"),
        Term("claims"),
    ]


def test_words_never_carry_query_syntax():
    query = parse('a"b" c*d NEAR/3 ^x {col}:y \\z %_')
    for node in query.include:
        words = node.words if isinstance(node, Phrase) else (node.word,)
        assert all(word.isalnum() for word in words), node


def test_long_queries_are_truncated_with_a_notice():
    query = parse("climate " * 2000)
    assert len(query.text) == MAX_QUERY_CHARS
    assert any("only the beginning" in notice for notice in query.notices)
    assert any("Only the first" in notice for notice in query.notices)


def test_non_latin_scripts_are_words():
    assert parse("\u4e2d\u56fd").include == [Term("\u4e2d\u56fd")]
    assert parse("\u00c7avu\u015fo\u011flu").include == [Term("\u00e7avu\u015fo\u011flu")]


def test_expansion_ors_a_word_with_its_equivalents():
    query = parse("CCP leadership")
    expand(query, {"ccp": ["CPC", "Communist Party of China", "CCP"]})
    assert query.include == [
        AnyOf((Term("ccp"), Term("cpc"), Phrase(("communist", "party", "of", "china")))),
        Term("leadership"),
    ]
    assert query.expansions == [("CCP", ["CPC", "Communist Party of China"])]


def test_a_multi_word_name_matches_as_a_whole_or_word_by_word():
    query = parse("Anthony Blinken visit")
    expand(query, {"anthony blinken": ["Antony Blinken", "Anthony Blinken"]})
    assert query.include == [
        AnyOf(
            (
                AllOf((Term("anthony"), Term("blinken"))),
                Phrase(("antony", "blinken")),
            )
        ),
        Term("visit"),
    ]
    assert describe(query.include[0]) == "(anthony blinken) OR \u201cantony blinken\u201d"


def test_equivalents_that_are_only_stopwords_are_left_out():
    query = parse("U.S.")
    expand(query, {"u s": ["U.S.", "The Us", "United States", "the", "The USA"]})
    assert query.include == [
        AnyOf((Phrase(("u", "s")), Phrase(("united", "states")), Phrase(("the", "usa"))))
    ]


def test_expansion_reaches_inside_or_groups():
    query = parse("Tibet OR Xinjiang")
    expand(query, {"tibet": ["Xizang"]})
    assert query.include == [AnyOf((Term("tibet"), Term("xizang"), Term("xinjiang")))]


def test_a_repeated_name_is_said_once_among_the_expansions():
    query = parse("CCP leadership CCP")
    expand(query, {"ccp": ["CPC", "CCP"]})
    assert query.expansions == [("CCP", ["CPC"])]
