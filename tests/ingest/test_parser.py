"""The importer's parser on text alone: the seed dispatch and the other kinds of readout it
must read (a foreign ministry readout in reported speech, a State Department readout, a
transcript with speaker labels, a news agency dateline)."""

import datetime
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from archive.ingest.parser import KnownPerson, Proposal, Vocabulary, parse

TEXTS = Path(__file__).parent / "texts"
SEED = Path(__file__).parents[2] / "seeds" / "memri-special-dispatch-9249.txt"


def read(name: str) -> Proposal:
    return parse((TEXTS / name).read_text(), default_year=2023)


def official(proposal: Proposal, name: str):
    return next(o for o in proposal.officials if o.name.text == name)


def claim(proposal: Proposal, opening: str):
    return next(c for c in proposal.claims if c.text.startswith(opening))


def assert_everything_is_a_span(proposal: Proposal) -> None:
    body = proposal.body
    for c in proposal.claims:
        assert body[c.start : c.end] == c.text
    for o in proposal.officials:
        assert body[o.name.start : o.name.end] == o.name.text
        if o.title:
            assert body[o.title.start : o.title.end] == o.title.text
    if proposal.report.title:
        title = proposal.report.title
        assert body[title.start : title.end] == title.text
    if proposal.meeting.place:
        place = proposal.meeting.place
        assert body[place.start : place.end] == place.text


def test_the_parser_imports_nothing_from_django():
    code = (
        "import sys, archive.ingest.parser; print(any(m.startswith('django') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_seed_dispatch_gives_its_metadata_meeting_and_officials():
    proposal = parse(SEED.read_text())
    assert_everything_is_a_span(proposal)
    report, meeting = proposal.report, proposal.meeting
    assert (report.date, report.series, report.number) == (
        datetime.date(2021, 3, 23),
        "Special Dispatch",
        "9249",
    )
    assert report.title.text.startswith("Chinese Foreign Ministry On U.S.-China Meeting")
    assert report.original_source == "Chinese Foreign Ministry report on the meeting, via Xinhua"
    assert report.issued_by == "CN"
    assert (meeting.start, meeting.end) == (datetime.date(2021, 3, 18), datetime.date(2021, 3, 19))
    assert meeting.place.text == "Anchorage, Alaska"
    assert meeting.countries == ["CN", "US"]
    assert [f.number for f in proposal.footnotes] == [1, 3, 4]


def test_the_seed_dispatch_speaks_for_a_side_only_in_the_document_it_relays():
    proposal = parse(SEED.read_text())
    # The dispatch's own summary quotes the relayed report: those quotes are not claims again.
    relayed_from = proposal.body.index("Below is the Chinese Foreign Ministry report")
    commentary = [c for c in proposal.claims if c.start < relayed_from]
    assert [(c.text, c.side) for c in commentary] == [("tough and direct", "US")]
    # "The Chinese side pointed out, ..." introduces the claim; it is not part of it.
    assert claim(proposal, "the claim that there is genocide").side == "CN"
    said = claim(proposal, "China came at the invitation")
    assert (said.attribution, said.side, said.speaker) == ("side", "CN", None)
    # "The U.S. side should ..." in China's statement is China's demand.
    assert claim(proposal, "The U.S. side should have a correct view").side == "CN"
    assert claim(proposal, "The United States reiterated its adherence").side == "US"
    agreed = claim(proposal, "Both sides are committed to enhancing dialogue")
    assert (agreed.attribution, agreed.side, agreed.kind) == ("joint", None, "agreement")
    # The closing quote mark of the whole relayed report is not part of the last claim.
    assert proposal.claims[-1].text.endswith("Asia-Pacific Economic Cooperation.")


def test_known_officials_are_found_by_their_aliases_with_titles_and_sides():
    people = (
        KnownPerson("blinken", ("Antony Blinken", "Anthony Blinken"), "US"),
        KnownPerson("biden", ("Joe Biden",), "US"),
        KnownPerson("xi", ("Xi Jinping",), "CN"),
    )
    proposal = parse(SEED.read_text(), Vocabulary(people=people))
    blinken = official(proposal, "Anthony Blinken")
    assert (blinken.person, blinken.title.text, blinken.country, blinken.role) == (
        "blinken",
        "Secretary of State",
        "US",
        "participant",
    )
    yang = official(proposal, "Yang Jiechi")
    assert yang.title.text.startswith("Member of the Political Bureau of the")
    assert yang.title.text.endswith("Office of the Central Commission for Foreign Affairs")
    assert (official(proposal, "Wang Yi").title.text, official(proposal, "Wang Yi").country) == (
        "State Councilor and Foreign Minister",
        "CN",
    )
    assert official(proposal, "Jake Sullivan").title.text == "National Security Advisor"
    # The presidents are named for the earlier call the talks follow up, not as participants;
    # the archive's own record of Biden's country beats "the Chinese New Year" before him.
    biden = official(proposal, "Joe Biden")
    assert (biden.role, biden.country) == ("mentioned", "US")


def test_a_foreign_ministry_readout_in_reported_speech():
    proposal = read("mfa-readout.txt")
    assert_everything_is_a_span(proposal)
    assert proposal.report.date == datetime.date(2022, 7, 27)  # "2022-07-27 22:10"
    assert proposal.meeting.start == datetime.date(2022, 7, 26)
    assert proposal.meeting.place.text == "Tashkent"
    assert sorted(proposal.meeting.countries) == ["CN", "TR"]
    cavusoglu = official(proposal, "Mevlüt Çavuşoğlu")
    assert (cavusoglu.title.text, cavusoglu.country, cavusoglu.role) == (
        "Foreign Minister",
        "TR",
        "participant",
    )
    wang = official(proposal, "Wang Yi")
    assert wang.title.text.endswith("State Councilor and Foreign Minister")
    said = claim(proposal, "China and Türkiye are both")
    assert proposal.officials[said.speaker] is wang and said.side == "CN"
    # A sentence whose subject is the side is the side's, with no speaker guessed; Wang Yi
    # goes on speaking after it ("He stressed ...").
    ready = claim(proposal, "China is ready to work")
    assert (ready.attribution, ready.side, ready.speaker) == ("side", "CN", None)
    assert proposal.officials[claim(proposal, "the two sides should firmly").speaker] is wang
    turkish = claim(proposal, "Türkiye will never allow")
    assert (proposal.officials[turkish.speaker], turkish.side) == (cavusoglu, "TR")
    assert claim(proposal, "The two sides also exchanged views").kind == "discussion"


def test_a_state_department_readout():
    proposal = read("state-readout.txt")
    assert_everything_is_a_span(proposal)
    assert proposal.report.date == datetime.date(2022, 6, 19)  # "JUNE 19, 2022"
    assert proposal.report.issued_by == "US"
    assert proposal.report.url.startswith("https://www.state.gov/")
    assert proposal.meeting.format == "call"
    assert proposal.meeting.start == datetime.date(2022, 6, 19)  # "spoke today"
    # The spokesperson the readout is attributed to did not take part.
    assert official(proposal, "Ned Price").role == "spokesperson"
    blinken = official(proposal, "Antony J. Blinken")
    assert (blinken.title.text, blinken.country, blinken.role) == (
        "Secretary of State",
        "US",
        "participant",
    )
    underscored = claim(proposal, "The Secretary underscored")
    assert proposal.officials[underscored.speaker] is blinken
    assert claim(proposal, "The Secretary and Foreign Minister discussed").attribution == "joint"
    assert not any(
        c.text.startswith("Secretary of State Antony J. Blinken spoke") for c in proposal.claims
    )


def test_a_transcript_with_speaker_labels():
    proposal = read("transcript.txt")
    assert_everything_is_a_span(proposal)
    assert proposal.report.date == datetime.date(2021, 3, 18)
    assert proposal.meeting.place.text == "ANCHORAGE, ALASKA"
    blinken = official(proposal, "Antony J. Blinken")
    assert proposal.officials[claim(proposal, "Each of these actions").speaker] is blinken
    # A label names the official the text has named before by title and surname.
    yang = claim(proposal, "China will not accept unwarranted accusations")
    assert proposal.officials[yang.speaker].name.text == "Yang"
    # Stage directions and questions are nobody's claims.
    assert not any("Laughter" in c.text or "interpreter" in c.text for c in proposal.claims)
    assert not any(c.text.startswith("Can you tell us") for c in proposal.claims)


def test_a_dateline_without_a_year_takes_the_given_year_and_says_so():
    proposal = read("dateline.txt")
    assert_everything_is_a_span(proposal)
    assert proposal.meeting.start == datetime.date(2023, 6, 19)
    assert any("without a year" in note for note in proposal.notes)
    # The sentence that tells of the meeting says where, before the dateline does.
    assert proposal.meeting.place.text == "Beijing"
    assert proposal.report.publisher == "Xinhua"
    xi = official(proposal, "Xi Jinping")
    assert xi.role == "participant"
    trailing = claim(proposal, "The world needs a generally stable")
    assert proposal.officials[trailing.speaker] is xi
    assert trailing.text.endswith("relationship")  # ", he said." is not the claim


def test_a_sentence_of_unknown_origin_is_not_given_a_speaker():
    proposal = parse(
        "A meeting\n\nOn May 2, 2024, the two delegations met in Geneva.\n\n"
        "Observers said the atmosphere was tense and the talks were long and difficult."
    )
    assert proposal.claims == []
    assert any("countries" in note for note in proposal.notes)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,;:\"'\u201c\u201d[]()1-\nABCUS")), max_size=400))
def test_any_text_gives_a_proposal_whose_claims_are_spans(text):
    proposal = parse(text)
    assert_everything_is_a_span(proposal)


def test_a_transcript_label_finds_a_known_official_by_a_surname_written_first():
    people = (KnownPerson("yang-jiechi", ("Yang Jiechi",), "CN"),)
    proposal = parse((TEXTS / "transcript.txt").read_text(), Vocabulary(people=people))
    yang = claim(proposal, "China will not accept unwarranted accusations")
    official = proposal.officials[yang.speaker]
    assert (official.person, official.country, yang.side) == ("yang-jiechi", "CN", "CN")


def speaker_of(proposal: Proposal, opening: str) -> str | None:
    found = claim(proposal, opening)
    return None if found.speaker is None else proposal.officials[found.speaker].name.text


def test_speaker_labels_in_any_case_and_script_go_to_their_speaker():
    proposal = parse(
        "Secretary Antony J. Blinken And Turkish Foreign Minister Mevlüt Çavuşoğlu At a Joint "
        "Press Availability\n\n"
        "FOREIGN MINISTER ÇAVUŞOĞLU: (Via interpreter) Türkiye will keep working with the "
        "United States on grain exports.\n\n"
        "SECRETARY BLINKEN:\nThe United States stands with Türkiye after the earthquake.\n\n"
        "QUESTION: Will Sweden join NATO this year?\n\n"
        "Sergey Lavrov\n: Russia is ready for a dialogue on strategic stability.\n\n"
        "Wang Yi (via interpreter): China opposes any unilateral sanctions on its companies."
    )
    assert speaker_of(proposal, "Türkiye will keep working") == "Mevlüt Çavuşoğlu"
    assert claim(proposal, "Türkiye will keep working").side == "TR"
    # A label on its own line, and one a PDF copy broke before the colon.
    assert speaker_of(proposal, "The United States stands with") == "Antony J. Blinken"
    assert speaker_of(proposal, "Russia is ready") == "Sergey Lavrov"
    assert speaker_of(proposal, "China opposes any") == "Wang Yi"
    # A question from the press is nobody's claim.
    assert not any("Sweden" in c.text for c in proposal.claims)
    assert not any("interpreter" in c.text.lower() for c in proposal.claims)


def test_participants_named_without_a_title_before_them():
    proposal = parse(
        "Turkish, Iranian foreign ministers discuss regional developments\n\n"
        "ANKARA (AA) - Türkiye's Foreign Minister Hakan Fidan and his Iranian counterpart "
        "Abbas Araghchi discussed on Wednesday the latest regional developments, sources "
        "said.\n\n"
        "Mr. Taro Kono, Minister for Foreign Affairs of Japan, held a meeting with them.\n\n"
        "Former US President Donald Trump pulled his country out of the deal in 2018."
    )
    fidan, araghchi = official(proposal, "Hakan Fidan"), official(proposal, "Abbas Araghchi")
    assert (fidan.country, fidan.role) == ("TR", "participant")
    assert (araghchi.country, araghchi.role) == ("IR", "participant")
    kono = official(proposal, "Taro Kono")
    assert (kono.title.text, kono.country) == ("Minister for Foreign Affairs", "JP")
    assert official(proposal, "Donald Trump").role == "mentioned"


def test_joint_subjects_and_sides_that_follow_the_speaker():
    proposal = parse(
        "China, Türkiye Hold Talks\n\n"
        "On June 3, 2024, Foreign Minister Wang Yi held talks with Turkish Foreign Minister "
        "Hakan Fidan in Beijing.\n\n"
        "Wang Yi said the United States has interfered in China's internal affairs.\n\n"
        "Furthermore, the two foreign ministers confirmed that they will move forward with "
        "cooperation on energy.\n\n"
        "Hakan Fidan said that Türkiye firmly adheres to the one-China policy."
    )
    # The United States is what Wang Yi spoke of, not who spoke.
    interfered = claim(proposal, "Wang Yi said the United States")
    assert (interfered.side, speaker_of(proposal, "Wang Yi said the")) == ("CN", "Wang Yi")
    assert claim(proposal, "Furthermore, the two foreign").attribution == "joint"
    assert claim(proposal, "Türkiye firmly adheres").side == "TR"
    assert proposal.meeting.place.text == "Beijing"


def test_a_pasted_header_is_read_as_metadata():
    proposal = parse(
        "Title: Lavrov and Fidan meet in Moscow\n"
        "Source: TASS\n"
        "Date: 2024-06-11\n"
        "URL: https://tass.com/politics/1801234\n\n"
        "Russian Foreign Minister Sergey Lavrov met with his Turkish counterpart Hakan Fidan "
        "on Monday in the Russian city of Nizhny Novgorod. Lavrov said that Russia values "
        "its dialogue with Türkiye on the situation in the South Caucasus."
    )
    report = proposal.report
    assert report.title.text == "Lavrov and Fidan meet in Moscow"
    assert (report.publisher, report.date) == ("TASS", datetime.date(2024, 6, 11))
    assert report.url == "https://tass.com/politics/1801234"
    assert not any(c.text.startswith(("Title", "Source", "TASS")) for c in proposal.claims)
    # "on Monday" in a report dated Tuesday June 11: the day before, never the report's day.
    assert proposal.meeting.start == datetime.date(2024, 6, 10)
    assert proposal.meeting.place.text == "Nizhny Novgorod"


def test_a_claim_whose_speaker_is_not_named_says_why_it_was_chosen():
    proposal = parse(
        "On May 2, 2024, U.S. Secretary of State Antony Blinken met Foreign Minister Wang Yi in "
        "Beijing.\n\n"
        "Wang Yi said that China firmly opposes the sanctions on its firms. He stressed that "
        "Taiwan is China's internal affair.\n\n"
        "Blinken said the United States will defend its interests."
    )
    assert claim(proposal, "China firmly opposes").doubt == ""
    assert "He" in claim(proposal, "Taiwan is China").doubt
    assert claim(proposal, "Blinken said the United States").doubt == ""


def test_a_delegation_led_by_an_official_at_the_invitation_of_another():
    proposal = parse(
        "BEIJING, March 5 (Xinhua) -- At the invitation of Chinese Foreign Minister Wang Yi, "
        "a delegation led by Sergey Lavrov, Russian Foreign Minister, held talks in Beijing on "
        "March 4 and 5, 2024. Lavrov's remarks focused on Ukraine. An official with the Chinese "
        "delegation said China opposes unilateral sanctions. The two sides agreed to deepen "
        "cooperation. The briefing said."
    )
    lavrov = official(proposal, "Sergey Lavrov")
    assert (lavrov.country, lavrov.role, lavrov.title.text) == (
        "RU",
        "participant",
        "Foreign Minister",
    )
    assert official(proposal, "Wang Yi").role == "participant"
    # Two days, not the dateline's day; the place the sentence names.
    assert (proposal.meeting.start, proposal.meeting.end) == (
        datetime.date(2024, 3, 4),
        datetime.date(2024, 3, 5),
    )
    assert proposal.meeting.place.text == "Beijing"
    unnamed = claim(proposal, "China opposes unilateral sanctions")
    assert (unnamed.attribution, unnamed.side, unnamed.speaker) == ("side", "CN", None)
    # An attribution alone, and a possessive's sentence that reports nothing, are not claims.
    assert not any(c.text.startswith(("The briefing", "Lavrov's remarks")) for c in proposal.claims)


def test_a_white_house_transcript_leaves_out_the_press_and_the_preliminaries():
    proposal = parse(
        "Remarks by President Biden Before Meeting with Prime Minister Kishida of Japan\n\n"
        "PRESIDENT BIDEN: Well, good afternoon, everyone. I have a couple of things to say. "
        "Japan and the United States are closer than ever.\n\n"
        "PRIME MINISTER KISHIDA: (As interpreted.) Thank you very much, Joe. Japan will double "
        "its defense spending.\n\n"
        "Q Mr. President, will you visit Tokyo?\n\n"
        "PRESIDENT BIDEN: I will visit Tokyo in the spring."
    )
    texts = [c.text for c in proposal.claims]
    assert texts == [
        "Japan and the United States are closer than ever.",
        "Japan will double its defense spending.",
        "I will visit Tokyo in the spring.",
    ]
    assert [speaker_of(proposal, t) for t in texts] == ["Biden", "Kishida", "Biden"]
    # The headline names the speaker; its title-case words are not part of the name.
    assert official(proposal, "Biden").title.text == "President"


def test_a_noun_after_a_verb_of_speech_stays_in_the_claim():
    proposal = parse(
        "Foreign Minister meets Maltese counterpart\n\n"
        "Foreign Minister Hakan Fidan met with Foreign Minister of Malta Ian Borg in Malta on "
        "12 June 2024. Borg noted Malta's support for the two-state solution."
    )
    borg = official(proposal, "Ian Borg")
    assert (borg.country, borg.title.text) == ("MT", "Foreign Minister")
    assert claim(proposal, "Borg noted Malta's support").side == "MT"
    assert proposal.meeting.place.text == "Malta"


def test_the_address_the_editor_gives_tells_whose_account_and_the_year():
    text = (
        "Prime Minister Lee Hsien Loong met US President Donald Trump at the White House on "
        "23 October.\n\n"
        "PM Lee Hsien Loong: We look forward to deepening our relations.\n"
    )
    # Without the address, "the White House" in the text would make it a U.S. account.
    proposal = parse(text, address="https://www.pmo.gov.sg/newsroom/2017/four-eye-meeting")
    assert proposal.report.issued_by == "SG"
    assert proposal.report.url == "https://www.pmo.gov.sg/newsroom/2017/four-eye-meeting"
    assert official(proposal, "Lee Hsien Loong").country == "SG"
    assert claim(proposal, "We look forward to deepening").side == "SG"
    assert proposal.meeting.start == datetime.date(2017, 10, 23)  # the year from the address
    # A news site's country code is where the site is, not whose account it is.
    assert parse(text, address="https://apostrophe.ua/news/x").report.issued_by != "UA"


def test_a_country_before_a_comma_and_an_honorific_gives_the_side():
    proposal = parse(
        "M. Jean-Yves Le Drian, Minister for Europe and Foreign Affairs, had a conversation "
        "with his Russian counterpart, Mr Sergei Lavrov. Following is the statement made "
        "after his meeting with the British Prime Minister, David Cameron.\n"
    )
    assert official(proposal, "Sergei Lavrov").country == "RU"
    assert official(proposal, "David Cameron").country == "GB"


def test_the_other_side_is_the_country_the_text_pairs_with_the_known_one():
    proposal = parse(
        "Following is the text of the Prime Minister, Dr. Manmohan Singh's statement, after "
        "his meeting with the British Prime Minister, David Cameron:\n\n"
        "\u201cPrime Minister David Cameron has given momentum to the strategic partnership "
        "between India and the United Kingdom. We discussed ways to grow our trade.\u201d\n"
    )
    singh = official(proposal, "Manmohan Singh")
    assert singh.country == "IN"
    assert any("other country" in note for note in proposal.notes)


def test_a_country_named_only_as_where_they_met_is_no_side():
    proposal = parse(
        "HÀ NỘI — Deputy Prime Minister Bùi Thanh Sơn had a meeting with New Zealand\u2019s "
        "Foreign Minister Winston Peters on the sidelines of the Ocean Conference in Nice, "
        "France, on June 9, 2025.\n\n"
        "Sơn proposed further opening markets between Việt Nam and New Zealand.\n"
    )
    son = official(proposal, "Bùi Thanh Sơn")
    assert son.country == "VN"  # not France, where they met
    assert son.title.text == "Deputy Prime Minister"  # the dateline is not his title
    assert official(proposal, "Winston Peters").country == "NZ"


def test_a_visitor_is_not_the_official_of_the_country_visited():
    proposal = parse(
        "India-Spain foreign ministers hold talks\n\n"
        "At the invitation of External Affairs Minister Dr S Jaishankar, Mr José Manuel "
        "Albares, Minister for Foreign Affairs, paid an official visit to India on 21 January "
        "2026. Jaishankar and Albares held talks. Albares said Spain values the partnership.\n"
    )
    assert official(proposal, "José Manuel Albares").country == "ES"
    assert any("their visit to India" in note for note in proposal.notes)


def test_a_visit_told_in_reported_words_says_nothing_of_the_speaker():
    proposal = parse(
        "On February 27, 2015, Foreign Minister Wang Yi met with visiting Foreign Minister "
        "Sameh Shoukry of Egypt in Beijing. Wang Yi expressed that President Abdel Fattah "
        "el-Sisi of Egypt paid a successful visit to China last December.\n",
        address="https://www.fmprc.gov.cn/eng/wjdt/1.shtml",
    )
    assert official(proposal, "Wang Yi").country == "CN"


def test_a_weekday_after_a_name_is_not_part_of_it():
    proposal = parse(
        "TOKYO, Dec. 14 (Xinhua) -- Visiting Chinese Vice President Xi Jinping met with "
        "Japanese Prime Minister Yukio Hatoyama Monday and they discussed ties.\n"
    )
    hatoyama = official(proposal, "Yukio Hatoyama")
    assert (hatoyama.name.text, hatoyama.country, hatoyama.role) == (
        "Yukio Hatoyama",
        "JP",
        "participant",
    )


def test_the_one_briefed_takes_part_and_an_honorific_follows_the_comma():
    proposal = parse(
        "RAMALLAH, May 2, 2011 (WAFA) - President Mahmoud Abbas briefed the Emir of Qatar, "
        "Sheikh Hamad bin Khalifa Al Thani, on the latest political developments.\n\n"
        "The two leaders also discussed bilateral relations.\n"
    )
    hamad = official(proposal, "Hamad bin Khalifa Al Thani")
    assert (hamad.role, hamad.country) == ("participant", "QA")


def test_those_who_accompany_an_official_or_represent_a_side_are_of_that_side():
    proposal = parse(
        "Foreign Secretary Jose Antonio Meade held a meeting today with Guatemalan Foreign "
        "Minister Luis Fernando Carrera Castro.\n\n"
        "Minister Carrera Castro was accompanied by the Deputy Minister of Foreign Affairs, "
        "Amb. Carlos Raul Morales. The Mexican side was represented by the Undersecretary "
        "for Latin America and the Caribbean, Vanessa Rubio.\n\n"
        "Lastly, the foreign ministers exchanged views about the OAS General Assembly.\n",
        address="https://www.gob.mx/sre/prensa/1",
    )
    assert official(proposal, "Carlos Raul Morales").country == "GT"
    rubio = official(proposal, "Vanessa Rubio")
    assert (rubio.role, rubio.country) == ("participant", "MX")  # "Latin America" is no U.S.
    # "Foreign Secretary" is no one country's title: this is Mexico's account.
    assert official(proposal, "Jose Antonio Meade").country == "MX"
    assert not [o for o in proposal.officials if o.name.text == "Lastly"]


def test_both_sides_known_leaves_the_official_of_no_country_to_the_issuer():
    proposal = parse(
        "President Joseph R. Biden, Jr. spoke today with Prime Minister Narendra Modi of "
        "India. National Security Advisor Jake Sullivan joined the call. The President "
        "commended the people of India for the election.\n",
        address="https://www.whitehouse.gov/briefing-room/2024/06/05/readout",
    )
    assert official(proposal, "Joseph R. Biden").country == "US"
    assert official(proposal, "Narendra Modi").country == "IN"


def test_a_web_page_field_is_not_a_speaker_and_secretary_alone_is_the_state_departments():
    proposal = parse(
        "ID :\n473279\n\nShortlink :\nhttps://example.org/node/1\n\n"
        "Secretary Antony J. Blinken and Turkish Foreign Minister Mevlut Cavusoglu Before "
        "Their Meeting\n\n"
        "SECRETARY BLINKEN: I want to praise the work that Turkey has done on grain.\n"
    )
    assert not any(o.name.text in ("ID", "Shortlink") for o in proposal.officials)
    assert official(proposal, "Antony J. Blinken").country == "US"
    assert claim(proposal, "I want to praise").side == "US"


def test_meeting_dates_as_dispatches_write_them():
    # "yesterday" in a release dated January 20 is the 19th, not a later date in the text.
    joly = parse(
        "Minister Joly meets with French counterpart\n\n"
        "January 20, 2022 - Paris, France - Global Affairs Canada\n\n"
        "The Honourable Mélanie Joly, Minister of Foreign Affairs, met yesterday with "
        "Jean-Yves Le Drian, France's Minister for Europe and Foreign Affairs.\n\n"
        "The ministers also discussed the meeting on Haiti, which will be hosted by Minister "
        "Joly on January 21, 2022.\n"
    )
    assert joly.meeting.start == datetime.date(2022, 1, 19)
    assert joly.meeting.place.text == "Paris, France"  # beside the date in the heading
    # A dispatch's present perfect: what has happened, on the dispatch's own day; the next
    # sentence about this meeting says where, the dateline where the dispatch was filed.
    tass = parse(
        "date 2024-06-11\nMOSCOW, June 11. /TASS/. Russian Foreign Minister Sergey Lavrov and "
        "his Turkish counterpart Hakan Fidan have discussed the situation in the Middle East.\n\n"
        "Lavrov and Fidan met on the sidelines of the BRICS meeting in Nizhny Novgorod.\n"
    )
    assert tass.meeting.start == datetime.date(2024, 6, 11)
    assert tass.meeting.place.text == "Nizhny Novgorod"
    # The date after the words of meeting, not the photo's; the year from the address.
    yonhap = parse(
        "This photo, provided by South Korea's foreign ministry on Nov. 15, shows Foreign "
        "Minister Cho Tae-yul and his Japanese counterpart, Takeshi Iwaya, meeting in Lima, "
        "Peru, on Nov. 14.\n",
        address="https://koreaherald.com/view.php?ud=20241115050233",
    )
    assert yonhap.meeting.start == datetime.date(2024, 11, 14)
    # A web page runs the time into the year: "16 September 202012:47".
    mid = parse(
        "16 September 202012:47\n\nPress release on Foreign Minister Sergey Lavrov's "
        "telephone conversation with Foreign Minister of the Kingdom of Saudi Arabia Faisal "
        "bin Farhan\n\nA telephone conversation took place between Foreign Minister Sergey "
        "Lavrov and Foreign Minister Faisal bin Farhan on September 16.\n"
    )
    assert mid.meeting.start == datetime.date(2020, 9, 16)


def test_places_from_datelines_under_page_furniture_and_headings():
    xinhua = parse(
        "Home > News\nJapanese PM, Chinese VP meet\n    TOKYO, Dec. 14 (Xinhua) -- Visiting "
        "Chinese Vice President Xi Jinping met with Japanese Prime Minister Yukio Hatoyama.\n"
    )
    assert xinhua.meeting.place.text == "TOKYO"
    wam = parse(
        "ABU DHABI, (WAM - 02nd May, 2021) Sheikh Abdullah bin Zayed Al Nahyan, Minister of "
        "Foreign Affairs, received his Saudi counterpart Prince Faisal bin Farhan today.\n"
    )
    assert wam.meeting.place.text == "ABU DHABI"
    assert wam.meeting.start == datetime.date(2021, 5, 2)
    # A line that is only a name dates nothing: "The White House" is not a city.
    remarks = parse(
        "Remarks by President Biden and Prime Minister Johnson Before Bilateral Meeting\n"
        "The White House\nJune 10, 2021\n\n"
        "PRIME MINISTER JOHNSON: What a pleasure to welcome you to Cornwall.\n"
    )
    assert remarks.meeting.place.text == "Cornwall"
    lavrov = parse(
        "Sergey Lavrov's answers to media questions following his talks with US Secretary of "
        "State John Kerry, New York, September 27, 2015\n\n"
        "Sergey Lavrov: We spoke at length about Syria.\n"
    )
    assert lavrov.meeting.place.text == "New York"


def test_courtesies_told_are_not_claims_and_the_readouts_unnamed_leader_is_its_own():
    proposal = parse(
        "The Prime Minister spoke to Prime Minister Anthony Albanese of Australia this "
        "morning.\n\n"
        "The Prime Minister congratulated him on his election win at the weekend. Prime "
        "Minister Albanese noted that the UK and Australia had a strong friendship. The pair "
        "agreed that there was more that could be done together.\n\n"
        "The Prime Minister said that democracies must stand together. Prime Minister "
        "Albanese expressed concern over the floods, and conveyed his best wishes.\n",
        address="https://www.gov.uk/government/news/pm-call-with-prime-minister-albanese",
    )
    assert not any(c.text.startswith("The Prime Minister congratulated") for c in proposal.claims)
    said = claim(proposal, "democracies must stand together")
    assert (said.side, said.speaker) == ("GB", None)  # not Albanese, the other prime minister
    assert claim(proposal, "the UK and Australia had").side == "AU"
    assert claim(proposal, "The pair agreed").attribution == "joint"
    # A courtesy that is not the sentence's main verb leaves the claim in.
    assert claim(proposal, "Prime Minister Albanese expressed concern").side == "AU"


def test_labels_without_blank_lines_with_the_office_after_or_alone_on_a_line():
    # A label in capitals on the line after the heading starts a turn; the office after the
    # comma gives the title and the side.
    remarks = parse(
        "Opening remarks \u2013 Aus-NZ leaders' meeting\n"
        "CHRIS HIPKINS, PRIME MINISTER OF NEW ZEALAND: Welcome. The trans-Tasman relationship "
        "is in very good shape.\n"
        "ANTHONY ALBANESE, PRIME MINISTER OF AUSTRALIA: Thank you. We will keep working on "
        "climate change together.\n"
    )
    assert official(remarks, "CHRIS HIPKINS").country == "NZ"
    assert claim(remarks, "The trans-Tasman relationship").side == "NZ"
    assert claim(remarks, "We will keep working on climate").side == "AU"
    # The office, then the name in brackets, alone on a line.
    bogor = parse(
        "Joint Press Statement, Bogor, 20 October 2020\n\n"
        "President of the Republic of Indonesia (Joko Widodo)\n\n"
        "His Excellency Prime Minister Yoshihide Suga,\n\n"
        "This visit reflects a shared commitment to strengthening the strategic partnership.\n"
    )
    jokowi = official(bogor, "Joko Widodo")
    assert (jokowi.country, jokowi.title.text) == ("ID", "President")
    assert bogor.officials[claim(bogor, "This visit reflects").speaker] is jokowi
    # The office and the name alone on a line, the speech below it.
    tbilisi = parse(
        "Joint Press Conference of the Prime Ministers of Georgia and Turkey\n\n"
        "Georgian Prime Minister Giorgi Kvirikashvili\n\n"
        "Dear Mr. Prime Minister,\nEsteemed colleagues,\n\n"
        "I would like to emphasize the historic importance of this day.\n"
    )
    giorgi = official(tbilisi, "Giorgi Kvirikashvili")
    assert giorgi.country == "GE"
    assert tbilisi.officials[claim(tbilisi, "I would like to emphasize").speaker] is giorgi
    # A heading line is not a label.
    assert not any(o.name.text.startswith("Joint Press") for o in tbilisi.officials)


def test_a_copy_that_lost_the_spaces_after_its_stops_is_read_sentence_by_sentence():
    proposal = parse(
        "Vietnam gives top priority to the Vietnam \u2013 Laos special friendship, Prime "
        "Minister Nguyen Xuan Phuc has said.He held a reception for Lao Foreign Minister "
        "Saleumxay Kommasith.He urged the two ministries to keep close coordination.The Lao "
        "FM briefed PM Phuc on the outcomes of his visit.\n"
    )
    assert official(proposal, "Saleumxay Kommasith").country == "LA"
    assert official(proposal, "Nguyen Xuan Phuc").country == "VN"  # the pair's other country
    urged = claim(proposal, "He urged the two ministries")
    assert urged.text == "He urged the two ministries to keep close coordination."
    assert urged.side == "VN"


def test_a_state_news_agencys_signature_names_whose_account_and_its_own_unnamed_side():
    proposal = parse(
        "ABU DHABI, (WAM - 02nd May, 2021) H.H. Sheikh Abdullah bin Zayed Al Nahyan, Minister "
        "of Foreign Affairs, received Prince Faisal bin Farhan, Foreign Minister of the "
        "Kingdom of Saudi Arabia, today. The meeting was attended by Anwar Gargash, "
        "Diplomatic Advisor to the UAE President, and Khalifa Shaheen Al Marar, Minister of "
        "State.\n\nThe Foreign Minister of Saudi Arabia praised the ties between the two "
        "countries.\n"
    )
    assert proposal.report.issued_by == "AE"
    assert official(proposal, "Abdullah bin Zayed Al Nahyan").country == "AE"
    assert official(proposal, "Khalifa Shaheen Al Marar").country == "AE"
    # "The Foreign Minister of Saudi Arabia": the one participant of that country.
    praised = claim(proposal, "The Foreign Minister of Saudi Arabia praised")
    assert proposal.officials[praised.speaker].name.text == "Faisal bin Farhan"


def test_a_verb_after_a_comma_is_not_the_names_title():
    proposal = parse(
        "Italian Deputy Prime Minister and Minister of Foreign Affairs, Antonio Tajani, met "
        "with French Minister for Europe and Foreign Affairs Catherine Colonna in Rome.\n"
    )
    tajani = official(proposal, "Antonio Tajani")
    assert tajani.country == "IT"
    assert "met with" not in (tajani.title.text if tajani.title else "")


def test_what_the_talks_covered_told_in_the_passive_is_joint():
    proposal = parse(
        "Foreign Minister Sergey Lavrov held talks with Foreign Minister Hakan Fidan in "
        "Moscow on June 11, 2024.\n\n"
        "Key aspects of the international agenda were touched upon. The latest developments "
        "in Syria were discussed. Minister Fidan emphasized the importance of dialogue.\n"
    )
    assert claim(proposal, "Key aspects").attribution == "joint"
    syria = claim(proposal, "The latest developments in Syria")
    assert syria.attribution == "joint" and syria.side is None  # Syria is what was discussed
    # "Minister Fidan" is the subject; "Fidan" is no adverb ("quickly").
    assert proposal.officials[claim(proposal, "Minister Fidan emphasized").speaker].name.text == (
        "Hakan Fidan"
    )


def test_the_talks_as_subject_and_the_time_of_the_talks_before_one_are_joint():
    proposal = parse(
        "Foreign Minister Abdulaziz Kamilov held talks with Foreign Minister Sergey Lavrov in "
        "Moscow on February 23, 2018.\n\n"
        "During the conversation the sides exchanged views on regional security. The talks "
        "covered trade and transport. The meeting discussed cooperation in education.\n"
    )
    for opening in ("During the conversation the sides", "The talks covered", "The meeting"):
        assert claim(proposal, opening).attribution == "joint", opening


def test_a_title_after_a_comma_that_runs_into_the_next_name_is_that_officials():
    proposal = parse(
        "President Kennedy and Prime Minister Ikeda concluded today a constructive exchange of "
        "views on relations between the United States and Japan. Secretary Rusk, Foreign "
        "Minister Kosaka, and other officials participated in the conversations.\n"
    )
    rusk, kosaka = official(proposal, "Rusk"), official(proposal, "Kosaka")
    assert (rusk.title.text, kosaka.title.text) == ("Secretary", "Foreign Minister")
    assert {o.name.text for o in proposal.officials if o.role == "participant"} >= {
        "Kennedy",
        "Ikeda",
        "Rusk",
        "Kosaka",
    }


def test_a_named_label_after_a_line_that_ends_a_sentence_starts_a_turn():
    proposal = parse(
        "The meeting focused on aspects of bilateral cooperation.\n"
        "Transcript of the beginning of the conversation:\n"
        "Dmitry Medvedev: Mr Minister, I cordially welcome you to Moscow. We are willing to "
        "address these issues and make our contribution.\n"
        "Press Secretary Anna Smith said the talks went on.\n"
    )
    medvedev = official(proposal, "Dmitry Medvedev")
    assert medvedev.role == "participant"
    said = [c for c in proposal.claims if c.text.startswith("We are willing")]
    assert said and proposal.officials[said[0].speaker] is medvedev


def test_a_turn_that_opens_with_an_address_goes_on_to_its_speaker():
    proposal = parse(
        "Beginning of conversation with Kassym-Jomart Tokayev\n\n"
        "April 3, 2019, The Kremlin, Moscow\n\n"
        "President of Russia Vladimir Putin: Mr President, friends,\n\n"
        "Let me welcome you to Moscow.\n\n"
        "Naturally, we are not just partners but are the closest allies.\n\n"
        "President of Kazakhstan Kassym-Jomart Tokayev: Thank you. We started with small "
        "things.\n"
    )
    putin = official(proposal, "Vladimir Putin")
    assert putin.role == "participant"
    allies = next(c for c in proposal.claims if "closest allies" in c.text)
    assert (proposal.officials[allies.speaker], allies.side) == (putin, "RU")


def test_the_one_a_speaker_welcomes_or_addresses_takes_part_but_not_who_sent_greetings():
    proposal = parse(
        "Georgian Prime Minister Giorgi Kvirikashvili\n\n"
        "Dear Mr. Prime Minister,\n\n"
        "Allow me to welcome once again my dear colleague and friend, Mr. Binali Yildirim, "
        "and the Turkish delegation. We are honored to host them. I conveyed the greetings "
        "of His Excellency President Recep Tayyip Erdogan to the people of Georgia.\n",
        address="https://www.gov.ge/index.php?lang_id=ENG&sec_id=1",
    )
    yildirim = official(proposal, "Binali Yildirim")
    assert (yildirim.role, yildirim.country) == ("participant", "TR")
    assert official(proposal, "Giorgi Kvirikashvili").role == "participant"
    assert official(proposal, "Recep Tayyip Erdogan").role == "mentioned"


def test_a_dateline_with_a_colon_is_no_speaker_and_what_both_did_is_joint():
    proposal = parse(
        "PUTRAJAYA: Foreign Minister Datuk Seri Dr Zambry Abdul Kadir met his Singaporean "
        "counterpart Dr Vivian Balakrishnan on Monday, where both reaffirmed the excellent "
        "relations between Malaysia and Singapore.\n\n"
        "Discussions covered trade, defence and the border.\n\n"
        "The officials discussed the consequences of the pandemic.\n"
    )
    assert not [o for o in proposal.officials if o.name.text == "PUTRAJAYA"]
    joint = [c.text for c in proposal.claims if c.attribution == "joint"]
    assert [text.split()[0] for text in joint] == ["Foreign", "Discussions", "The"]


def test_a_label_through_a_translator_and_a_headline_under_a_sites_banner():
    proposal = parse(
        "An official website of the United States Government \nHere's how you know\n\n"
        "Official websites use .gov\n.gov website belongs to an official government "
        "organization in the United States.\n\n"
        "Secure .gov websites use HTTPS\nA lock ( lock ) or https:// means you\u2019ve safely "
        "connected to the .gov website. Share sensitive information only on official, secure "
        "websites.\n\n"
        "Secretary of Defense Lloyd J. Austin III Holds a News Conference With Polish "
        "Minister of National Defense Mariusz Blaszczak, Warsaw, Poland\n\n"
        "POLISH DEFENSE MINISTER MARIUSZ BLASZCZAK (THROUGH TRANSLATOR): Thank you very "
        "much. I appreciate highly the presence of U.S. forces in Poland.\n",
        address="https://www.defense.gov/News/Transcripts/Transcript/Article/1/",
    )
    austin = official(proposal, "Lloyd J. Austin")
    assert (austin.role, austin.country) == ("participant", "US")
    forces = next(c for c in proposal.claims if "U.S. forces" in c.text)
    assert (proposal.officials[forces.speaker].name.text, forces.side) == (
        "Mariusz Blaszczak",
        "PL",
    )


def test_a_dispatch_dated_by_its_page_and_dateline_dates_on_monday_from_them():
    proposal = parse(
        "ID :\n473279\nTue, 12/12/2017 - 09:50\nAuther :\n\n"
        "ANKARA, December 11. /TASS/. Russian President Vladimir Putin said on Monday his "
        "talks with his Turkish counterpart, Recep Tayyip Erdogan, focused on the Middle "
        "East.\n"
    )
    assert proposal.meeting.start == datetime.date(2017, 12, 11)


def test_the_meeting_is_dated_by_its_own_line_not_by_another_meeting_or_a_sidebar():
    proposal = parse(
        "Prime Minister Hon. Sitiveni Rabuka meets Representative of the FLNKS\n25/06/2025\n"
        "Published On: 25/06/2025\n"
        "Prime Minister Sitiveni Rabuka met the Prime Minister of Solomon Islands, Honourable "
        "Jeremiah Manele, at his office in Suva on Tuesday this week.\n\n"
        "The meeting followed the talks that had taken place in Honiara on 20 May 2025.\n"
    )
    assert proposal.meeting.start == datetime.date(2025, 6, 24)  # that week's Tuesday


def test_a_country_named_first_gives_way_to_the_city_in_it_where_they_met():
    proposal = parse(
        "14 Feb. 2021 - FM N. Christodoulides meets with Israeli counterpart G. Ashkenazi on "
        "the sidelines of the President's visit to Israel\n\n"
        "The Minister of Foreign Affairs Mr Nikos Christodoulides met today, in Jerusalem, "
        "with the Foreign Minister of Israel Mr Gabi Ashkenazi.\n"
    )
    assert proposal.meeting.place.text == "Jerusalem"


def test_a_place_on_its_own_line_under_the_heading_and_not_a_speakers_label():
    proposal = parse(
        "For Immediate Release\nNovember 6, 2005\n\n"
        "President Bush Meets with President Lula of Brazil\nGranja do Torto\n"
        "Brasilia, Brazil\n\n"
        "PRESIDENT LULA: (As translated.) Your Excellency, George Bush, President of the "
        "United States of America. We discussed trade between our countries at length.\n"
    )
    assert proposal.meeting.place.text == "Brasilia, Brazil"


def test_a_heading_that_ends_with_the_place():
    proposal = parse(
        "Secretary of Defense Lloyd J. Austin III Holds a News Conference With Polish "
        "Minister of National Defense Mariusz Blaszczak, Warsaw, Poland\n\n"
        "POLISH DEFENSE MINISTER MARIUSZ BLASZCZAK (THROUGH TRANSLATOR): Thank you very "
        "much. I appreciate highly the presence of U.S. forces in Poland.\n"
    )
    assert proposal.meeting.place.text == "Warsaw, Poland"


def test_the_occasion_another_call_and_a_topic_name_no_participants():
    proposal = parse(
        "The Minister of Foreign Affairs Mr Nikos Christodoulides met today, in Jerusalem, "
        "with the Foreign Minister of Israel Mr Gabi Ashkenazi, on the sidelines of the "
        "working visit of the President of the Republic Mr Nicos Anastasiades to Israel.\n\n"
        "They discussed the participation of President Isaac Herzog in the summit. Minister "
        "Christodoulides also met with Prime Minister Benjamin Netanyahu.\n"
    )
    roles = {o.name.text: o.role for o in proposal.officials}
    assert roles["Nikos Christodoulides"] == roles["Gabi Ashkenazi"] == "participant"
    assert roles["Nicos Anastasiades"] == "mentioned"
    assert roles["Isaac Herzog"] == "mentioned"
    assert roles["Benjamin Netanyahu"] == "mentioned"


def test_a_country_of_several_words_before_a_name_and_a_city_state_as_the_other_side():
    proposal = parse(
        "Minister of International Relations and Cooperation of South Africa Dr Naledi "
        "Pandor is in Singapore on an Official Visit from 5 to 6 July 2022. Minister Pandor "
        "was hosted to breakfast by Minister for Foreign Affairs Dr Vivian Balakrishnan.\n\n"
        "Minister Balakrishnan and Minister Pandor had a good discussion on bilateral "
        "cooperation between Singapore and South Africa.\n"
    )
    assert official(proposal, "Naledi Pandor").country == "ZA"
    assert official(proposal, "Vivian Balakrishnan").country == "SG"


def test_the_other_side_is_the_country_named_far_more_than_any_other():
    proposal = parse(
        "Foreign Minister\u2019s telephone Call to his Chinese Counterpart\n"
        "Foreign Minister Makhdoom Shah Mahmood Qureshi called Chinese State Councilor and "
        "Foreign Minister Wang Yi today and briefed him on the situation in Indian Occupied "
        "Kashmir.\n"
        "The Foreign Minister thanked China for its support. He underscored Pakistan\u2019s "
        "desire for dialogue with India. He highlighted the steps taken by Pakistan.\n"
        "Wang Yi appreciated Pakistan\u2019s efforts and Pakistan\u2019s contributions.\n"
    )
    assert official(proposal, "Makhdoom Shah Mahmood Qureshi").country == "PK"


def test_an_aside_in_the_subject_and_both_ministers_acting_with_any_verb():
    proposal = parse(
        "On April 22, 2015, Prime Minister Shinzo Abe held a meeting with Prime Minister "
        "Sheikh Hasina of the People's Republic of Bangladesh.\n\n"
        "In response, Prime Minister Hasina, after congratulating Prime Minister Abe on his "
        "victory, stated that Japan has been a good friend to Bangladesh.\n\n"
        "Both Prime Ministers came out in favour of a steady adoption of the agreement.\n"
    )
    friend = claim(proposal, "Japan has been a good friend")
    assert proposal.officials[friend.speaker].name.text.endswith("Hasina")
    assert friend.side == "BD"
    assert claim(proposal, "Both Prime Ministers came out").attribution == "joint"


def test_a_spokesperson_relays_and_is_neither_a_speaker_nor_a_participant():
    proposal = parse(
        "President Abdel Fattah El Sisi met on Saturday with US Defense Secretary James "
        "Mattis in Cairo.\n\n"
        "Spokesman for the Presidency Bassam Radi said President Sisi stressed the strength "
        "of the Egyptian-US strategic relations.\n\n"
        "Both sides tackled ways of achieving the common interests of the two nations, Radi "
        "said.\n",
        address="https://www.sis.gov.eg/Story/1/",
    )
    stressed = claim(proposal, "President Sisi stressed")
    assert proposal.officials[stressed.speaker].name.text == "Abdel Fattah El Sisi"
    assert claim(proposal, "Both sides tackled").attribution == "joint"
    radi = next(o for o in proposal.officials if o.name.text.endswith("Radi"))
    assert radi.role == "mentioned"


def test_a_turn_that_reports_the_other_participant_or_side_gives_them_the_words():
    proposal = parse(
        "Foreign Minister Sergey Lavrov's remarks after talks with US Secretary of State John "
        "Kerry, Moscow, December 15, 2015\n\n"
        "Sergey Lavrov: We have held talks with US Secretary of State John Kerry. John Kerry "
        "has reaffirmed that the only goal of the United States is to fight terrorism. The "
        "United States believes that its coalition does not need approval. We disagree with "
        "this approach.\n"
    )
    kerry = claim(proposal, "John Kerry has reaffirmed")
    assert (proposal.officials[kerry.speaker].name.text, kerry.side) == ("John Kerry", "US")
    assert "Reported by Sergey Lavrov" in kerry.doubt
    believes = claim(proposal, "The United States believes")
    assert (believes.speaker, believes.side) == (None, "US")
    disagree = claim(proposal, "We disagree")
    assert proposal.officials[disagree.speaker].name.text == "Sergey Lavrov"


def test_a_sites_banner_is_not_the_lead_that_names_the_other_side():
    proposal = parse(
        "An official website of the United States Government Here's how you know\n\n"
        "Official websites use .gov\nA .gov website belongs to an official government "
        "organization in the United States.\n\n"
        "SECRETARY BLINKEN: Good afternoon. I am pleased to see my friend, the foreign "
        "minister of Brazil. We will work together on the G20 agenda.\n\n"
        "FOREIGN MINISTER VIEIRA: It was an excellent meeting of our presidents. We share "
        "the same priorities.\n",
        address="https://www.state.gov/secretary-blinken-and-brazilian-foreign-minister/",
    )
    assert official(proposal, "VIEIRA").country == "BR"


def test_a_title_without_heading_words_honorifics_or_the_country_that_closes_it():
    proposal = parse(
        "Readout of President Donald J. Trump's Call with Chancellor Angela Merkel\n\n"
        "The Minister of Foreign Affairs Mr Nikos Christodoulides met today with the Foreign "
        "Minister of Israel Mr Gabi Ashkenazi. His Excellency Prime Minister Yoshihide Suga "
        "sent a message. The Secretary of State of the United States of America, Antony "
        "Blinken, spoke.\n"
    )
    titles = {o.name.text: o.title.text if o.title else None for o in proposal.officials}
    assert titles["Donald J. Trump"] == "President"
    assert titles["Nikos Christodoulides"] == "Minister of Foreign Affairs"
    assert titles["Gabi Ashkenazi"] == "Foreign Minister"
    assert titles["Yoshihide Suga"] == "Prime Minister"
    assert titles["Antony Blinken"] == "Secretary of State"


def test_ministers_without_an_article_after_the_time_of_the_talks_are_joint():
    proposal = parse(
        "Foreign Minister Battsetseg Batmunkh met with Hungarian Foreign Minister Peter "
        "Szijjarto in New York on September 21, 2022.\n\n"
        "During the meeting Ministers deliberated on possible cooperation in energy.\n\n"
        "Ministers signed a memorandum on diplomatic training.\n"
    )
    assert claim(proposal, "During the meeting Ministers").attribution == "joint"
    assert claim(proposal, "Ministers signed").attribution == "joint"


def test_a_label_with_any_note_in_brackets_and_sides_read_from_what_each_says_is_theirs():
    proposal = parse(
        "Meeting with Prime Minister of India Manmohan Singh\n\n"
        "President of Russia Vladimir Putin: Mr Prime Minister, friends, our trade grew.\n\n"
        "Prime Minister of India Manmohan Singh (retranslated): Mr President, it is an "
        "honour. The mechanism of yearly summits gives us a working framework.\n"
    )
    framework = claim(proposal, "The mechanism of yearly summits")
    assert proposal.officials[framework.speaker].name.text == "Manmohan Singh"
    assert framework.side == "IN"

    proposal = parse(
        "Foreign Minister Fumio Kishida held a meeting with Secretary Albert F. del Rosario "
        "in Beijing on November 8, 2014.\n\n"
        "Minister Kishida stated that the Government of Japan will continue its assistance "
        "for the reconstruction. He added that the Government of Japan intends to continue "
        "its coordination.\n\n"
        "In response, Secretary del Rosario expressed his gratitude for the assistance from "
        "Japan, and the Philippines\u2019 full support for the dialogue between Japan and "
        "the Philippines.\n",
        address="https://www.mofa.go.jp/s_sa/sea2/ph/page3e_000270.html",
    )
    assert official(proposal, "Fumio Kishida").country == "JP"
    assert official(proposal, "Albert F. del Rosario").country == "PH"


def test_a_call_this_morning_is_not_dated_or_placed_by_the_summit_it_discussed():
    proposal = parse(
        "Minister Urrejola holds phone conversation with the U.S. Secretary of State\n\n"
        "Tuesday, May 3rd 2022\n\n"
        "This morning, the Minister of Foreign Affairs, Antonia Urrejola, had a phone "
        "conversation with the U.S. Secretary of State, Antony Blinken, with whom she "
        "discussed the upcoming Summit of the Americas, to be held June 6-10 in Los Angeles, "
        "California.\n",
        address="https://www.minrel.gob.cl/news/1",
    )
    assert proposal.meeting.start == datetime.date(2022, 5, 3)
    assert proposal.meeting.place is None


def test_a_bulleted_date_line_dates_on_thursday_and_a_full_stop_ends_a_title():
    proposal = parse(
        "  \u2022 NEWS\n\n  \u2022 30 June 2017\n\n"
        "On Thursday, MFA Undersecretary of State Bartosz Cichocki met in Berlin with Markus "
        "Ederer, State Secretary of the Federal Foreign Office. Their talks centred on "
        "regional security.\n"
    )
    assert proposal.meeting.start == datetime.date(2017, 6, 29)
    ederer = official(proposal, "Markus Ederer")
    assert ederer.title.text == "State Secretary of the Federal Foreign Office"


def test_the_bare_office_both_hold_is_the_readouts_own_and_a_statement_is_the_issuers():
    proposal = parse(
        "Islamabad, August 24, 2021 (PPI-OT):Foreign Minister Shah Mahmood Qureshi received a "
        "telephone call from the Foreign Minister of Australia, Ms. Marise Payne, today. The "
        "two Foreign Ministers discussed the current situation in Afghanistan. While sharing "
        "Pakistan\u2019s perspective, the Foreign Minister underscored the importance of "
        "security, stability, and inclusive political settlement.\n"
        "The Foreign Minister highlighted Pakistan\u2019s efforts to facilitate evacuation of "
        "diplomatic personnel.\n"
    )
    stability = claim(proposal, "While sharing")
    assert proposal.officials[stability.speaker].name.text == "Shah Mahmood Qureshi"
    assert stability.side == "PK"

    proposal = parse(
        "Joint Press Statement by EAM, Dr. S. Jaishankar with Minister of Foreign Affairs of "
        "Iran\n\nJanuary 15, 2024\n\n"
        "Your Excellency, Dr. Amir-Abdollahian,\n\n"
        "I had today, a very useful exchange of views with my dear colleague Dr. "
        "Amir-Abdollahian. We were able to review all aspects of our engagement.\n",
        address="https://www.mea.gov.in/outoging-visit-detail.htm?37474",
    )
    assert official(proposal, "S. Jaishankar").country == "IN"
    assert official(proposal, "Amir-Abdollahian").country == "IR"


def test_a_spokespersons_report_tells_of_the_meeting():
    proposal = parse(
        "Official MFA Spokesperson Counselor Ahmed Abu Zeid stated that on the evening of "
        "Monday April 16, Foreign Minister Sameh Shoukry received a phone call from acting US "
        "Secretary of State John J. Sullivan, in which they addressed the latest "
        "developments.\n"
    )
    assert official(proposal, "John J. Sullivan").role == "participant"
    assert official(proposal, "Sameh Shoukry").role == "participant"


# What a reviewer of this round's rules found, each of which put words in the wrong mouth or
# a side on the wrong official before it was fixed.


def test_a_speakers_label_that_is_also_a_place_is_a_speaker_in_a_transcript():
    proposal = parse(
        "Remarks before their meeting\n\n"
        "MEDVEDEV: Mr President, we agreed to reduce strategic arms. Russia is ready to "
        "continue.\n\n"
        "OBAMA: Thank you, Dmitry. The United States is committed to a world without nuclear "
        "weapons.\n"
    )
    committed = claim(proposal, "The United States is committed")
    assert proposal.officials[committed.speaker].name.text == "OBAMA"
    assert proposal.meeting.place is None  # "OBAMA:" is not a dateline


def test_the_visitor_is_the_sentences_subject_and_a_third_countrys_visit_tells_nothing():
    proposal = parse(
        "Secretary of State Antony J. Blinken met with President Xi Jinping in Beijing during "
        "his visit to China on June 19, 2023.\n\n"
        "President Xi said the two countries should respect each other.\n"
    )
    assert official(proposal, "Xi Jinping").country == "CN"
    assert claim(proposal, "President Xi said").side == "CN"


def test_excellency_or_welcome_mid_sentence_makes_no_participant():
    proposal = parse(
        "Foreign Minister Wang Yi met with Minister Naledi Pandor of South Africa in Beijing on "
        "May 3, 2023. Minister Pandor recalled the state visit of His Excellency President "
        "Cyril Ramaphosa to China. The Secretary said, \u201cWe welcome the decision of "
        "Chancellor Olaf Scholz.\u201d\n\n"
        "Wang Yi said China is ready to deepen cooperation.\n"
    )
    assert official(proposal, "Cyril Ramaphosa").role == "mentioned"
    assert official(proposal, "Olaf Scholz").role == "mentioned"
    assert claim(proposal, "China is ready").side == "CN"


def test_a_turn_that_speaks_of_a_third_country_stays_the_speakers():
    proposal = parse(
        "SECRETARY BLINKEN: Good morning. Ukraine has made clear that it will never accept "
        "that, and we support it.\n\n"
        "FOREIGN MINISTER WANG: Thank you. We are grateful.\n"
    )
    ukraine = claim(proposal, "Ukraine has made clear")
    assert proposal.officials[ukraine.speaker].name.text == "BLINKEN"


def test_a_city_state_where_they_met_and_a_country_spoken_against_are_no_side():
    proposal = parse(
        "Readout of Secretary of Defense Lloyd J. Austin III's Meeting With Chinese Minister "
        "Dong Jun in Singapore\n\n"
        "Secretary of Defense Lloyd J. Austin III met with Chinese Minister of National Defense "
        "Admiral Dong Jun on May 31, 2024 in Singapore on the margins of the Shangri-La "
        "Dialogue.\n"
    )
    assert all(o.country != "SG" for o in proposal.officials)

    proposal = parse(
        "Chinese Foreign Minister Wang Yi met with Foreign Minister Dmytro Kuleba on July 24, "
        "2024 in Guangzhou.\n\n"
        "Kuleba said the attacks by Russia on ports must stop. Kuleba said Russia must "
        "withdraw. Kuleba said Russia is the aggressor.\n"
    )
    assert official(proposal, "Dmytro Kuleba").country != "RU"


def test_a_companion_is_of_the_side_of_whom_they_accompany_not_of_the_nearest_name():
    proposal = parse(
        "Secretary Antony Blinken met with Chinese Foreign Minister Wang Yi in Beijing on June "
        "19, 2023, and was accompanied by Ambassador Nicholas Burns.\n"
    )
    assert official(proposal, "Nicholas Burns").country != "CN"


def test_a_topic_heading_is_no_speaker_and_the_sidelines_of_a_summit_hide_no_one():
    proposal = parse(
        "The leaders met in New Delhi on June 2, 2024. The leaders reviewed cooperation in "
        "several areas.\nClean Energy: India will expand its green hydrogen program.\n"
    )
    assert not [o for o in proposal.officials if o.name.text == "Clean Energy"]

    proposal = parse(
        "On the sidelines of the G20 Summit in Bali President Joseph R. Biden met with "
        "President Xi Jinping of China on November 14, 2022.\n"
    )
    assert official(proposal, "Xi Jinping").role == "participant"


def test_a_meeting_sentence_that_recalls_earlier_talks_keeps_its_own_date():
    proposal = parse(
        "Secretary Antony Blinken met with Chinese Director Wang Yi in Jakarta on July 13, "
        "2023, their first meeting since the previous talks in Beijing.\n"
    )
    assert proposal.meeting.start == datetime.date(2023, 7, 13)


def test_a_party_an_affairs_office_or_a_district_after_capitalised_words_names_no_one():
    proposal = parse(
        "State Councilor and Foreign Minister Wang Yi met with Finance Minister Lim Guan Eng "
        "of Malaysia and National Chairman of the Democratic Action Party Tan Kok Wai in "
        "Beijing on August 1, 2018.\n\n"
        "Attending were Ambassador Salim Salim, Director UN & Multilateral Affairs, and "
        "officials of both ministries.\n\n"
        "During the meeting that took place at Silene in Skudraliena Parish of Daugavpils "
        "District, the Foreign Ministers discussed regional security.\n"
    )
    names = {o.name.text for o in proposal.officials}
    assert {"Wang Yi", "Lim Guan Eng", "Tan Kok Wai", "Salim Salim"} <= names
    assert not names & {"Democratic Action", "Multilateral", "Daugavpils District"}
    assert official(proposal, "Tan Kok Wai").title.text.endswith("Democratic Action Party")


def test_an_office_with_high_elect_or_an_envoys_posting_is_all_title():
    proposal = parse(
        "Prime Minister James Marape met Indonesian President Elect H.E. Prabowo Subianto in "
        "Jakarta on July 15, 2024, before his Official Working Visit to Washington D.C.\n\n"
        "Indian High Commissioner to Bangladesh Pranay Kumar Verma, Indian Deputy High "
        "Commissioner Dr Binoy George and Ambassador of Sri Lanka to Egypt Kamal "
        "Pathmanaathan were present.\n"
    )
    names = {o.name.text for o in proposal.officials}
    assert not names & {"Elect H.", "Elect Prabowo Subianto", "High", "D.", "C."}
    assert official(proposal, "Prabowo Subianto").title.text == "President Elect"
    assert official(proposal, "Binoy George").title.text == "Deputy High Commissioner"
    assert official(proposal, "Pranay Kumar Verma").country == "IN"
    assert official(proposal, "Kamal Pathmanaathan").country == "LK"


def test_a_place_before_the_two_ministers_is_no_one_and_a_later_courtesy_call_another_meeting():
    proposal = parse(
        "Deputy Prime Minister Narayankaji Shrestha and Minister for Foreign Affairs of Japan "
        "Kamikawa Yoko held bilateral talks in Kathmandu on Sunday, May 5, 2024.\n"
        "In the meeting held at the Deputy Prime Minister's office in Singha Durbar, the two "
        "foreign ministers discussed bilateral relations.\n"
        "During her visit, the Japanese Foreign Minister also paid a courtesy call on Prime "
        "Minister Pushpa Kamal Dahal.\n"
    )
    assert "Singha Durbar" not in {o.name.text for o in proposal.officials}
    assert official(proposal, "Pushpa Kamal Dahal").role == "mentioned"


def test_a_short_line_ending_in_a_colon_heads_what_follows_and_a_pages_notice_is_no_one():
    proposal = parse(
        "Prime Minister Vladimir Putin meets with Mongolian President Tsakhiagiin Elbegdorj\n\n"
        "Participants:\n"
        "At the meeting, Vladimir Putin noted that trade between Russia and Mongolia grew by "
        "42% in 2010.\n\n"
        "ADD A COMMENT\n"
        "UYARI: Küfür, hakaret ve rencide edici cümleler içeren yorumlar onaylanmamaktad\u0131r.\n"
    )
    names = {o.name.text for o in proposal.officials}
    assert not names & {"Participants", "UYARI"}
    trade = claim(proposal, "trade between Russia and Mongolia")
    assert proposal.officials[trade.speaker].name.text == "Vladimir Putin"

    # A long line that leads into a quotation is not cut at its colon.
    proposal = parse(
        "The following statement has been made by a Federal Foreign Office spokesperson:\n"
        "\u201cForeign Minister Westerwelle spoke on the telephone today with his Turkish "
        "counterpart Davutoğlu about the situation in Syria.\u201d\n"
    )
    assert not proposal.claims


def test_whose_counterpart_the_other_is_is_the_issuers_official():
    proposal = parse(
        "Foreign Minister Meets with New Japanese Counterpart in New York\n\n"
        "Photo : YONHAP News\n\n"
        "Foreign minister Park Jin held talks with Japan\u2019s new foreign minister on the "
        "sidelines of the UN General Assembly in New York on Thursday.\n\n"
        "According to Seoul\u2019s foreign ministry, Park held talks with his new counterpart, "
        "Yoko Kamikawa, over breakfast.\n",
        default_year=2023,
    )
    assert proposal.report.issued_by == "KR"
    assert official(proposal, "Park Jin").country == "KR"
    assert official(proposal, "Yoko Kamikawa").country == "JP"
    assert any("their counterpart" in note for note in proposal.notes)


def test_a_press_secretary_who_briefed_reporters_relays_what_follows():
    proposal = parse(
        "Indian External Affairs Minister Dr S Jaishankar today paid a courtesy call on Prime "
        "Minister Sheikh Hasina in Dhaka on May 12, 2023.\n\n"
        "PM's Press Secretary Ihsanul Karim briefed reporters after the meeting.\n\n"
        "\u201cBoth sides have expressed satisfaction at the level of bilateral cooperation,"
        "\u201d he said. He said bilateral trade had grown by ten percent in a year.\n"
    )
    assert official(proposal, "Ihsanul Karim").role != "participant"
    # The side of a spokesperson of no known country, relaying, is no side: not a stand-in.
    trade = claim(proposal, "He said bilateral trade")
    assert (trade.attribution, trade.side) == ("unattributed", None)
    assert not [c for c in proposal.claims if c.text.startswith("PM's Press Secretary")]
    assert claim(proposal, "Both sides have expressed").attribution == "joint"


def test_a_country_written_us_without_its_last_stop_and_without_a_comma_after_a_name():
    proposal = parse(
        "Amb. Raychelle Omamo, the Cabinet Secretary for Foreign Affairs and Amb. Tibor Nagy, "
        "U.S Assistant Secretary for African Affairs held a virtual meeting on October 22, "
        "2020.\n\n"
        "The meeting was also attended by Ms. Pamela Pryor, the U.S Acting Assistant "
        "Secretary for International Organizations Affairs; Ambassador Makila James U.S "
        "Deputy Assistant Secretary for East Africa; Ambassador Kyle M\u2019Carter US "
        "Ambassador to Kenya; and Ambassador Lazarus Amayo, Kenya\u2019s Ambassador to U.S.\n"
    )
    for name in ("Pamela Pryor", "Makila James", "Kyle M\u2019Carter"):
        assert official(proposal, name).country == "US"
    assert official(proposal, "Lazarus Amayo").country == "KE"


def test_a_country_after_a_comma_that_opens_the_next_names_office_is_the_next_ones():
    proposal = parse(
        "Prime Minister Sheikh Hasina received Indian External Affairs Minister S Jaishankar "
        "in Dhaka on May 12, 2023.\n\n"
        "PM's Principal Secretary M Tofazzel Hossain Miah, Foreign Secretary Masud Bin Momen, "
        "Indian High Commissioner to Bangladesh Pranay Kumar Verma and Indian Deputy High "
        "Commissioner Dr Binoy George were present.\n\n"
        "Amb. Tibor Nagy, U.S Assistant Secretary for African Affairs, joined the talks.\n"
    )
    # Neither India's (the next name's) nor Britain's ("Foreign Secretary" is not only theirs).
    assert official(proposal, "Masud Bin Momen").country not in ("IN", "GB")
    assert official(proposal, "Pranay Kumar Verma").country == "IN"
    assert official(proposal, "Tibor Nagy").country == "US"


def test_a_line_that_says_whose_remarks_follow_opens_their_turn():
    proposal = parse(
        "On the morning of September 5, President Tsai Ing-wen met with Prime Minister Kausea "
        "Natano of Tuvalu for bilateral talks.\n"
        "A translation of President Tsai's remarks follows:\n"
        "Tuvalu, in particular, through the outstanding leadership of Prime Minister Natano, "
        "has maintained a record of zero domestic COVID-19 cases. Indeed, Tuvalu has served "
        "as an important model for all Pacific island nations.\n",
        default_year=2022,
    )
    for opening in ("Tuvalu, in particular", "Indeed, Tuvalu has served"):
        said = claim(proposal, opening)
        assert proposal.officials[said.speaker].name.text == "Tsai Ing-wen"
    assert not [c for c in proposal.claims if "remarks follows" in c.text]


def test_a_sentence_that_opens_with_the_other_country_amid_a_speakers_words_is_flagged():
    proposal = parse(
        "Kazakh Foreign Minister Kairat Abdrakhmanov met with Kyrgyz Foreign Minister Erlan "
        "Abdyldayev in Astana on May 3, 2017.\n\n"
        "Abdrakhmanov said cooperation between the two countries develops dynamically. "
        "Kyrgyzstan is Kazakhstan's strategic partner and ally.\n"
    )
    partner = claim(proposal, "Kyrgyzstan is Kazakhstan")
    assert partner.side == "KG"
    assert "not still Kairat Abdrakhmanov speaking" in partner.doubt


def test_us_without_its_last_stop_is_the_country_but_not_inside_ussr():
    proposal = parse(
        "Foreign Minister Sergey Lavrov met with Foreign Minister Sirojiddin Muhriddin of "
        "Tajikistan in Moscow on May 12, 2021. Both countries were formed in the U.S.S.R. and "
        "keep its ties; the U.S.S.R. left them a common history.\n"
    )
    assert "US" not in proposal.meeting.countries


def test_the_heading_says_where_they_met_and_the_dateline_where_it_was_issued():
    proposal = parse(
        "Federal Councillor Ignazio Cassis and Russian Foreign Minister Sergei Lavrov hold "
        "working meeting in Geneva\n\n"
        "Bern, 28.11.2018 - Federal Councillor Ignazio Cassis met Russian Foreign Minister "
        "Sergei Lavrov today for a working lunch.\n"
    )
    assert proposal.meeting.place.text == "Geneva"

    # A call's heading names where something else happened.
    proposal = parse(
        "PM Modi speaks with the Amir of Qatar in the wake of the attack in Doha\n\n"
        "Prime Minister Narendra Modi had a telephone conversation on Thursday with Amir of "
        "the State of Qatar, Sheikh Tamim Bin Hamad Al-Thani.\n"
    )
    assert proposal.meeting.place is None


def test_a_name_addressed_at_the_start_of_a_later_line_is_no_dateline():
    proposal = parse(
        "Prime Minister Benjamin Netanyahu, this morning (Wednesday, 9 March 2016), issued the "
        "following statement at the start of his meeting with US Vice President Joe Biden:\n"
        "\u201cMr. Vice President, it\u2019s good to welcome you again in Jerusalem.\n"
        "Joe, I appreciate your strong condemnation of terrorism.\n"
    )
    assert proposal.meeting.place.text == "Jerusalem"
    # The agency's own style, a city and a comma on the first line, still dates the place.
    proposal = parse(
        "Doha, HE Minister of State Dr. Mohammed Al Khulaifi met today with Lord Tariq "
        "Ahmad, who is visiting the country.\n"
    )
    assert proposal.meeting.place.text == "Doha"


def test_a_dateline_with_the_date_after_the_city_or_a_building_before_it():
    proposal = parse(
        "Addis Ababa October 12/2022/ENA/ Deputy Prime Minister and Foreign Minister Demeke "
        "Mekonnen has conferred with his Rwandan counterpart, Vincent Biruta, today at his "
        "office.\n"
    )
    assert proposal.meeting.place.text == "Addis Ababa"
    proposal = parse(
        "Presidential Villa, Abuja, Nigeria \u2013 President Julius Maada Bio and his "
        "counterpart, President Muhammadu Buhari, held talks on Wednesday 30th May.\n"
    )
    assert proposal.meeting.place.text == "Abuja"


def test_whose_greetings_are_conveyed_and_who_is_to_visit_are_only_spoken_of():
    proposal = parse(
        "Riyadh, SANA- Foreign Minister Fayssal Mikdad met his Saudi Counterpart Prince Faisal "
        "bin Farhan and conveyed President Bashar al-Assad\u2019s greetings to King Salman bin "
        "Abdulaziz Al Saud, King of Saudi Arabia, and Crown Prince Mohammad bin Salman Al "
        "Saud.\n\n"
        "During the meeting, special attention was given to the upcoming visit of Russian "
        "President Vladimir Putin to Saudi Arabia.\n"
    )
    roles = {o.name.text: o.role for o in proposal.officials}
    assert roles["Fayssal Mikdad"] == roles["Faisal bin Farhan"] == "participant"
    for bystander in ("Salman bin Abdulaziz Al Saud", "Mohammad bin Salman Al Saud"):
        assert roles[bystander] == "mentioned"
    assert roles.get("Vladimir Putin", "mentioned") == "mentioned"
    assert not [name for name in roles if name.startswith("Bashar") and roles[name] != "mentioned"]


def test_honourable_is_an_honorific_not_part_of_the_name():
    proposal = parse(
        "Prime Minister Andrew Holness met with Vice President Mike Pence in Washington on "
        "September 30, 2019.\n\n"
        "The Prime Minister was accompanied by the Minister of Finance, Honourable Nigel Clarke "
        "MP, and Senator the Honourable Dr. Amery Browne.\n"
    )
    names = {o.name.text for o in proposal.officials}
    assert {"Nigel Clarke", "Amery Browne"} <= names
    assert not [name for name in names if name.startswith("Honourable")]
