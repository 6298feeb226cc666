"""Text screening of cities' names (issue 11): a city the news names is no
listed party whose name it is spelt or sounds like, unless a list publishes
exactly that name; an acronym said as a word (*Isis*) opening a sentence in
title case still names its party."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tests.screen.text_lists import found_mentions, listing, text_screener
from thaw.index import entry_from_record
from thaw.match import Query
from thaw.screen import Screener
from thaw.screen.screener import ScreenResult
from thaw.screen.text import TextScreener
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


class _OneParty(Screener):
    """A screener over fixture listings that are all one party's, as a profile
    joins them (``thaw.profiles.PartyScreener`` does so for the real lists)."""

    def screen_query(self, query: Query, **kw: Any) -> ScreenResult:
        result = super().screen_query(query, **kw)
        return replace(result, hits=tuple(replace(h, profile_id="p-isil") for h in result.hits))

    def party_listings(self, profile_id: str) -> tuple[str, ...]:
        return tuple(f"{src}:isil" for src in _ISIL_SOURCES)


_ISIL_SOURCES = ("un_sc", "uk_ofsi", "au_dfat", "us_trade_csl")


def test_an_acronym_said_as_a_word_may_open_a_sentence() -> None:
    """*Isis* opening a sentence in title case, as the press writes an acronym
    said as a word, names the Islamic State, which four authorities list,
    though only the US export list publishes ISIS alone; a three-letter
    acronym so written is a word of the language (*Let us* is no LET), and a
    party fewer authorities list is not named so."""
    isil = [
        listing(src, "isil", "Organization", "ISLAMIC STATE OF IRAQ AND THE LEVANT", "ISIL")
        for src in _ISIL_SOURCES[:3]
    ]
    isis = listing(
        "us_trade_csl", "isil", "Organization", "ISLAMIC STATE OF IRAQ AND SYRIA", "ISIS"
    )
    let = listing("us_trade_csl", "let", "Organization", "LASHKAR E TAYYIBA", "LET")
    screener = TextScreener(_OneParty.from_entries(entry_from_record(r) for r in [*isil, isis]))
    for text in ("Isis fighters retreated from the city.", "Isis claimed the attack."):
        found = found_mentions(screener.screen_text(text))
        assert found.get("us_trade_csl:isil") == ["Isis"], text
    alone = text_screener([isis, let])  # the party of one authority
    assert found_mentions(alone.screen_text("Isis claimed the attack.")) == {}
    let_party = TextScreener(_OneParty.from_entries(entry_from_record(r) for r in [*isil, let]))
    assert found_mentions(let_party.screen_text("Let us be clear about the truce.")) == {}
