"""A one-word name that lists publish only after an article (THE BASE, an
alias of AL-QAIDA) is the common noun when grammar alone capitalised it: at a
sentence's start, *Bases militaires* or *Base commander* name nobody; *The Base
claimed* still does. A word some list publishes alone (TALIBAN) or that no other
listed name holds (*Houthis*) names its party wherever it stands."""

from __future__ import annotations

import pytest

from tests.screen.text_lists import found_mentions, listing, text_screener
from thaw.model import Record
from thaw.screen.text import TextScreener


def _records() -> list[Record]:
    org = "Organization"
    return [
        listing("us_ofac_sdn", "qaida", org, "AL-QAIDA", "THE BASE"),
        listing("un_sc", "qaida", org, "Al-Qaida", "The Base"),
        # other parties' names hold the common noun too
        listing("us_ofac_sdn", "repair", org, "REPAIR BASE FOR AIRCRAFT INSTRUMENTS"),
        listing("us_ofac_sdn", "khatam", org, "KHATAM-AL ANBIYA CONSTRUCTION BASE"),
        listing("us_ofac_sdn", "houthis", org, "ANSARALLAH", "THE HOUTHIS"),
        listing("un_sc", "houthis", org, "Ansar Allah", "The Houthis"),
        listing("au_dfat", "taliban", org, "The Taliban"),
        listing("un_sc", "taliban", org, "TALIBAN"),
        listing("us_ofac_sdn", "ttp", org, "TEHRIK-E TALIBAN PAKISTAN"),
        listing("us_ofac_sdn", "shabaab", org, "AL-SHABAAB", "HARAKAT SHABAAB AL-MUJAHIDIN"),
        listing("un_sc", "shabaab", org, "Al-Shabaab", "The Youth"),
        listing("us_ofac_sdn", "shabaab2", org, "SHABAAB AL-ISLAM"),
        listing("us_ofac_sdn", "rosneft", org, "ROSNEFT OIL COMPANY", "Rosneft"),
        listing("au_dfat", "rosneft", org, "Rosneft"),
    ]


@pytest.fixture(scope="module")
def screener() -> TextScreener:
    return text_screener(_records())


@pytest.mark.parametrize(
    "text",
    [
        "Bases militaires: la France ferme deux sites.",
        "Base commander Smith said nothing.",
        "Les bases militaires ferment.",
    ],
)
def test_a_common_noun_opening_a_sentence_is_no_article_name(
    screener: TextScreener, text: str
) -> None:
    assert found_mentions(screener.screen_text(text)) == {}


@pytest.mark.parametrize(
    ("text", "key", "mention"),
    [
        ("The Base claimed responsibility for the attack.", "qaida", "Base"),
        ("Houthis claimed the attack on the ship.", "houthis", "Houthis"),
        ("Taliban fighters took the city.", "taliban", "Taliban"),
        # the word writes its article
        ("Al-Shabaab claimed the bombing in Mogadishu.", "shabaab", "Al-Shabaab"),
        ("Rosnefts Chef sagte am Montag nichts.", "rosneft", "Rosnefts"),
    ],
)
def test_a_name_opening_a_sentence_is_still_found(
    screener: TextScreener, text: str, key: str, mention: str
) -> None:
    found = found_mentions(screener.screen_text(text))
    assert found
    assert all(k.split(":")[1] == key and v == [mention] for k, v in found.items())


def _russian_records() -> list[Record]:
    org = "Organization"
    return [
        listing("uk_ofsi", "rzd", org, "RUSSIAN RAILWAYS", "Российские железные дороги"),
        listing("us_ofac_sdn", "minfin", org, "MINISTRY OF FINANCE", "Министерство финансов"),
    ]


@pytest.fixture(scope="module")
def russian() -> TextScreener:
    return text_screener(_russian_records())


def test_a_russian_name_in_lower_case_words_declined(russian: TextScreener) -> None:
    """Russian capitalises only the first word of an organisation's name, and
    declines every word (the plural's Российских железных дорогах)."""
    text = "Клиент работал в Российских железных дорогах до 2020 года."
    assert found_mentions(russian.screen_text(text)) == {
        "uk_ofsi:rzd": ["Российских железных дорогах"]
    }


def test_a_lower_case_name_cut_short_names_nobody(russian: TextScreener) -> None:
    """The words of Министерство финансов Казахстана go on after the listed
    name's: Kazakhstan's ministry, not the one listed."""
    text = "Министерство финансов Казахстана опровергло сообщения."
    assert found_mentions(russian.screen_text(text)) == {}
