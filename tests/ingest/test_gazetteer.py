"""Reference data for places and countries, and the addresses governments publish at."""

import pytest

from archive.ingest.gazetteer import country_of_address, is_capital, spellings_in


@pytest.mark.parametrize(
    "address, country",
    [
        ("https://www.mofa.go.jp/region/page1e_000001.html", "JP"),
        ("https://www.mea.gov.in/bilateral-documents.htm", "IN"),
        ("www.cgihcmc.gov.in/page", "IN"),  # an address pasted without its scheme
        ("https://www.gov.uk/government/news/pm-call", "GB"),
        ("https://diplomatie.gouv.fr/en/", "FR"),
        ("https://pm.gc.ca/en/news", "CA"),
        ("https://www.state.gov/readout/", "US"),
        ("https://tr.usembassy.gov/remarks/", "US"),
        ("http://bg.chineseembassy.org/eng/", "CN"),
        ("http://cebu.china-consulate.org/eng/", "CN"),
        # A government office's own site under its country's code.
        ("https://www.primeminister.gr/en/2022/10/27/30534", "GR"),
        ("http://en.kremlin.ru/events/president/news/1", "RU"),
        ("https://www.president.az/en/articles/view/1", "AZ"),
        # A news site's address says where it is, not whose account it carries.
        ("https://apostrophe.ua/news/", None),
        ("https://tass.com/politics/1", None),
        ("https://www.example.xx.gov.zz/", None),  # no such country
        ("", None),
        ("http://[not an address", None),
    ],
)
def test_the_country_whose_government_publishes_at_an_address(address, country):
    assert country_of_address(address) == country


def test_a_country_written_with_its_own_accents_or_spacing_is_found():
    found = spellings_in(
        "Việt Nam and Guinea Bissau signed; Türkiye and Côte d\u2019Ivoire observed; "
        "the United\nStates did not."
    )
    assert found["Việt Nam"] == "VN"
    assert found["Guinea Bissau"] == "GW"
    assert found["Côte d\u2019Ivoire"] == "CI"
    assert "United\nStates" not in found  # never across a line break


def test_a_city_states_name_is_its_country_not_only_its_capital():
    assert is_capital("Ankara") and is_capital("Vienna")
    assert not is_capital("Singapore") and not is_capital("Kuwait")
