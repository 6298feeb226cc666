"""Text screening of cities' names (issue 11): a city the news names is no
listed party whose name it is spelt or sounds like, unless a list publishes
exactly that name."""

from __future__ import annotations

from tests.screen.text_lists import found_mentions, listing, text_screener
from thaw.screen.text.places import is_city


def test_cities_are_known_in_their_usual_spellings() -> None:
    """The gazetteer knows the cities of the news, as written in English,
    French and Russian, and not a company's or a person's name."""
    for city in ("Raqqa", "Aleppo", "Mosul", "Idlib", "Alep", "Ракка", "mosul"):
        assert is_city(city), city
    for word in ("Gazprombank", "Rosneft", "Kadyrov", "Sovcomflot"):
        assert not is_city(word), word


def test_a_city_is_no_party_spelt_like_it() -> None:
    """*Raqqa* spells as RAKA does for the matcher (an Iranian organisation two
    authorities list), but it is a Syrian city: no mention; RAKA written as the
    lists write it is still found, and HAMAS, which is also a city's name,
    is found because the lists publish that very word."""
    raka = [listing(src, "raka", "Organization", "RAKA") for src in ("uk_ofsi", "au_dfat")]
    hamas = [
        listing(src, "hamas", "Organization", "HARAKAT AL-MUQAWAMA AL-ISLAMIYA", "HAMAS")
        for src in ("us_ofac_sdn", "au_dfat")
    ]
    screener = text_screener([*raka, *hamas])
    for text in (
        "Isis fighters retreated from Raqqa.",
        "The convoy left Raqqa at dawn and reached Deir ez-Zor by noon.",
    ):
        assert found_mentions(screener.screen_text(text)) == {}, text
    found = found_mentions(screener.screen_text("The centrifuges were bought through Raka."))
    assert set(found) == {"uk_ofsi:raka", "au_dfat:raka"}
    found = found_mentions(screener.screen_text("The attack was claimed by Hamas on Monday."))
    assert set(found) == {"us_ofac_sdn:hamas", "au_dfat:hamas"}
