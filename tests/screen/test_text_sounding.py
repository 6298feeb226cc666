"""Text screening: a well-known organisation's one-word name as another
language spells it (:mod:`thaw.screen.text.sounding`)."""

from __future__ import annotations

import pytest

from tests.screen.text_lists import found_mentions, listing, text_screener
from thaw.index import entry_from_record
from thaw.screen.text.sounding import SoundAlikes, one_difference, one_word, sound_key


@pytest.mark.parametrize(
    ("word", "listed"),
    [
        ("Hisbollah", "HIZBOLLAH"),  # German s for z
        ("Hezbolá", "Hezbollah"),  # Spanish: one l, no final h, an accent
        ("hezbola", "HEZBOLLAH"),  # a Korean transcription read back (헤즈볼라)
        ("Shebab", "Shabaab"),  # French, other vowels
        ("Chabab", "Shabaab"),  # French ch for sh
        ("Şebab", "Shabaab"),  # Turkish ş
    ],
)
def test_spellings_of_one_sound(word: str, listed: str) -> None:
    assert sound_key(word) == sound_key(listed)
    assert one_difference(word, listed)


def test_two_kinds_of_difference_are_another_word() -> None:
    # the key forgets vowels and spelling alike; a city's name that differs
    # from a listed word in both is no spelling of it
    assert sound_key("Rostock") == sound_key("Rostec")
    assert not one_difference("Rostock", "Rostec")


def test_other_scripts_have_no_key() -> None:
    assert sound_key("Хезболла") == ""
    assert sound_key("حزب") == ""


def test_one_word_of_a_name() -> None:
    assert one_word("Al-Shabaab") == "Shabaab"
    assert one_word("HIZBALLAH") == "HIZBALLAH"
    assert one_word("MAHAN AIR") is None
    assert one_word("ALFA-BANK") is None


def _alikes(*records: object) -> SoundAlikes:
    return SoundAlikes(entry_from_record(r) for r in records)  # type: ignore[arg-type]


def test_only_names_two_authorities_list() -> None:
    alikes = _alikes(
        listing("us_ofac_sdn", "1", "Organization", "HIZBALLAH"),
        listing("uk_ofsi", "2", "Organization", "Hizbollah"),
        listing("us_ofac_sdn", "3", "Organization", "ZARABOLLAH"),
        listing("us_ofac_sdn", "4", "Person", "Rostam SHEBAB"),
        listing("au_dfat", "5", "Person", "Rostam SHEBAB"),
    )
    assert alikes("Hisbollah") == "Hizbollah"  # (s for z; HIZBALLAH's vowels differ too)
    assert alikes("Hizbollah") is None  # as listed: name screening has it
    assert alikes("Sarabolla") is None  # one authority
    assert alikes("Shabab") is None  # a person's name: never read by sound
    assert alikes("Homes") is None


def test_prose_in_other_spellings() -> None:
    screener = text_screener(
        [
            listing("us_ofac_sdn", "1", "Organization", "HIZBALLAH", "HEZBOLLAH", "Hizbollah"),
            listing("au_dfat", "2", "Organization", "Hizballah", "Hezbollah"),
            listing("us_ofac_sdn", "3", "Organization", "AL-SHABAAB"),
            listing("un_sc", "4", "Organization", "Al-Shabaab"),
            listing("us_ofac_sdn", "5", "Organization", "ROSTEC"),
            listing("uk_ofsi", "6", "Organization", "Rostec"),
        ]
    )
    found = found_mentions(screener.screen_text("Kämpfer der Hisbollah feuerten Raketen ab."))
    assert found == {"au_dfat:2": ["Hisbollah"], "us_ofac_sdn:1": ["Hisbollah"]}
    found = found_mentions(screener.screen_text("La milicia libanesa Hezbolá lo negó."))
    assert set(found) == {"au_dfat:2", "us_ofac_sdn:1"}
    found = found_mentions(screener.screen_text("Les Shebab ont revendiqué l'attentat."))
    assert set(found) == {"us_ofac_sdn:3", "un_sc:4"}
    found = found_mentions(screener.screen_text("헤즈볼라는 로켓을 발사했다."))
    assert set(found) == {"au_dfat:2", "us_ofac_sdn:1"}
    # a city that sounds like a listed company is not it; nor is a word read by
    # its sound part of a longer name
    assert screener.screen_text("Der Tanker lag tagelang vor Rostock vor Anker.").parties == ()
