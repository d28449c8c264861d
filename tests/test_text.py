from archive.text import closest_passage, find_verbatim, normalise, paragraphs

BODY = 'First line.\n\n"He said, \u201cno room  for\ncompromise.\u201d Then left.\n\nLast one.'


def test_find_verbatim_returns_the_span_in_the_original():
    start, end = find_verbatim(BODY, '"no room for compromise."')
    assert BODY[start:end] == "\u201cno room  for\ncompromise.\u201d"


def test_find_verbatim_refuses_other_words_and_empty_text():
    assert find_verbatim(BODY, "no room for concession") is None
    assert find_verbatim(BODY, "No room for compromise") is None
    assert find_verbatim(BODY, "   ") is None


def test_find_verbatim_prefers_the_occurrence_nearest_the_old_offset():
    body = "again. again. again."
    assert find_verbatim(body, "again.") == (0, 6)
    assert find_verbatim(body, "again.", near=15) == (14, 20)


def test_paragraphs_keep_their_offsets():
    found = paragraphs(BODY)
    assert found[0].text == "First line."
    for paragraph in found:
        assert BODY[paragraph.start : paragraph.end] == paragraph.text
    assert len(found) == 3


def test_normalise_straightens_quotes_and_collapses_space():
    assert normalise("  \u2018a\u2019 \n\t \u201cb\u201d ") == "'a' \"b\""


def test_closest_passage_finds_the_longest_shared_run():
    assert "no room for compromise" in closest_passage(BODY, "there is no room for compromise")
    assert closest_passage(BODY, "zebra") == ""
