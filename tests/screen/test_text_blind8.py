"""Text screening of what the dev halves of the blind sets showed after the
eighth (issue 11, text13). A small fixture list; the eighth blind set itself on
the real lists is at the end (``realdata``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import publish
from tests.screen.test_text_voices import _blind_set
from tests.screen.text_lists import found_mentions, listing, text_screener
from thaw.model import Name, Record
from thaw.screen import Screener
from thaw.screen.text import TextScreener
from thaw.store import Store


def test_a_surname_that_is_a_function_word_after_a_given_name() -> None:
    """*But* and *May* are a conjunction and a month, which never end a name;
    capitalised in mid-sentence right after a known given name they are a
    surname (*Viktor But*, the press's spelling of OFAC's BOUT). Opening a
    sentence, *But* is still the conjunction, and no short reference back to
    the person named before."""
    screener = text_screener(
        [listing(x, "bout", "Person", "BOUT, Viktor") for x in ("us_ofac_sdn", "uk_ofsi")]
    )
    found = found_mentions(screener.screen_text("Secondo il Tesoro, Viktor But avrebbe ripreso."))
    assert found == {"us_ofac_sdn:bout": ["Viktor But"], "uk_ofsi:bout": ["Viktor But"]}
    found = found_mentions(screener.screen_text("Viktor But was freed. But the court said no."))
    assert found["us_ofac_sdn:bout"] == ["Viktor But"]
    assert found_mentions(screener.screen_text("Viktor said no. But the court agreed.")) == {}


def test_a_title_with_a_possessive_is_a_word_of_the_name() -> None:
    """A title never begins a name (*Lord Cameron* is no listed Lord); written
    with a possessive it owns what follows and is a word of the name: *the
    Lord's Resistance Army*."""
    screener = text_screener(
        [listing(x, "lra", "Organization", "Lord's Resistance Army") for x in ("un_sc", "au_dfat")]
    )
    found = found_mentions(screener.screen_text("The Lord's Resistance Army raided Obo."))
    assert set(found) == {"un_sc:lra", "au_dfat:lra"}
    assert found_mentions(screener.screen_text("Lord Cameron met the army chief.")) == {}


def test_a_ship_type_announces_a_vessel() -> None:
    """A vessel's one-word name is named after a word that says it is a ship:
    its type too (*the reefer Tifon*, *the bulker Tifon*), not only *vessel*
    or *tanker*; without one, the word (a storm's name) names no vessel."""
    screener = text_screener([listing("us_ofac_sdn", "tifon", "Vessel", "TIFON")])
    for text in ("The Cuban reefer Tifon called at Cienfuegos.", "The bulker Tifon sailed."):
        assert set(found_mentions(screener.screen_text(text))) == {"us_ofac_sdn:tifon"}, text
    assert found_mentions(screener.screen_text("Tropical storm Tifon hit the coast.")) == {}


def test_a_window_across_two_names_is_no_third() -> None:
    """*حزب الله نعيم قاسم* (Hizballah's Naim Qasim) names two parties; its
    middle words *الله نعيم* read as another's alias (*Naimullah*), even
    scoring higher, join the tail of one name to the head of the next: the
    two are found, not the third."""
    screener = text_screener(
        [
            *(listing(x, "hz", "Organization", "Hizballah") for x in ("us_ofac_sdn", "uk_ofsi")),
            listing("us_ofac_sdn", "nq", "Person", "QASIM, Naim"),
            listing("us_ofac_sdn", "nu", "Person", "Mohammad Naim", "Mullah Naimullah"),
        ]
    )
    text = "قال الأمين العام لحزب الله نعيم قاسم إن المقاومة مستمرة."
    found = found_mentions(screener.screen_text(text))
    assert set(found) == {"us_ofac_sdn:hz", "uk_ofsi:hz", "us_ofac_sdn:nq"}


@pytest.mark.realdata
def test_eighth_blind_set(real_profiles_home: Path) -> None:
    """The eighth blind set (101 sentences in eleven languages, written and
    committed before it was first screened) on the real lists: first screened
    73 of its 100 parties found and 4 extra; now 81 and 3 (82 and 2 on an
    engineer's loaded home: surnames after a given name or an office's title,
    possessive titles, ship types, German spellings, Ukrainian adjectives,
    Korean initial r, honorifics)."""
    report = _blind_set(real_profiles_home, "sentences_blind8.json", 101)
    figures = (report["found"], report["extra"])
    assert report["found"] >= 81, figures
    assert report["extra"] <= 3, figures


def test_ukrainian_adjectives_name_a_party_listed_in_russian() -> None:
    """Ukrainian prose writes a Russian party's adjectives in Ukrainian
    (*Луганська народна республіка*); the list publishes them in Russian
    (*Луганская народная республика*): read as Russian writes them, the
    window names it; the city alone (*Луганськ*) names nothing."""
    screener = text_screener(
        [
            listing(x, "lnr", "Organization", "Луганская народная республика")
            for x in ("uk_ofsi", "ca_sema")
        ]
    )
    text = "Так звана Луганська народна республіка оголосила мобілізацію."
    found = found_mentions(screener.screen_text(text))
    assert found == {
        "uk_ofsi:lnr": ["Луганська народна республіка"],
        "ca_sema:lnr": ["Луганська народна республіка"],
    }
    assert found_mentions(screener.screen_text("Обстріл Луганська тривав добу.")) == {}


def test_a_name_is_named_without_its_bracketed_acronym() -> None:
    """A listed name that ends with its acronym in brackets (*'LUGANSKAYA
    NARODNAYA RESPUBLIKA' (LNR)*, *Myanma Economic Corporation (MEC)*) is
    named by prose that writes the name alone; the bracket is another name,
    not words the prose must write."""
    screener = text_screener(
        [listing("ca_sema", "mec", "Organization", "Myanma Economic Corporation (MEC)")]
    )
    found = found_mentions(
        screener.screen_text("Kirin ended its venture with Myanma Economic Corporation.")
    )
    assert found == {"ca_sema:mec": ["Myanma Economic Corporation"]}


def test_an_acronym_is_named_by_its_letters_not_their_sound() -> None:
    """A listed acronym (RID, of the Russian Imperial Movement) is named by a
    word that spells it (*RID*), not by one name screening hears alike (the
    German *Reede*, a roadstead, read as *Reed*)."""
    screener = text_screener(
        [
            listing(x, "rim", "Organization", "Russian Imperial Movement", "RID")
            for x in ("au_dfat", "us_ofac_sdn")
        ]
    )
    text = "Der Tanker lag drei Tage vor Skagen auf Reede."
    assert found_mentions(screener.screen_text(text)) == {}
    found = found_mentions(screener.screen_text("The RID trained fighters near Saint Petersburg."))
    assert set(found) == {"au_dfat:rim", "us_ofac_sdn:rim"}


def test_an_arabic_name_in_either_vowels() -> None:
    """Arabic and Persian names are written in Latin letters with the vowels
    of Persian or Levantine speech (*Qassem*) or of standard Arabic (QASIM), a
    doubled letter or not: one name. *Karimi* and *Karami* differ in a vowel
    no such habit changes: two names. (Another listed Qassem makes the word
    one the lists spell, as on the real lists.)"""
    screener = text_screener(
        [
            listing("us_ofac_sdn", "nq", "Person", "QASIM, Naim"),
            listing("us_ofac_sdn", "qs", "Person", "Qassem SOLEIMANI"),
            listing("us_ofac_sdn", "hk", "Person", "Hassan KARAMI"),
        ]
    )
    found = found_mentions(screener.screen_text("Treasury designated Naim Qassem today."))
    assert found == {"us_ofac_sdn:nq": ["Naim Qassem"]}
    assert found_mentions(screener.screen_text("Hassan Karimi met the press.")) == {}


def test_a_russian_name_in_german_spelling() -> None:
    """German prose spells a Russian name by German sounds (Duden): *tsch*
    for ч, *s* between vowels for з, *w* for в, *j* before a vowel for й
    (*Stanislaw Tschemesow*, *Jelena Misulina*), which the lists spell in
    English (Stanislav CHEMEZOV, Yelena MIZULINA)."""
    screener = text_screener(
        [
            *(listing(x, "ch", "Person", "Stanislav CHEMEZOV") for x in ("uk_ofsi", "au_dfat")),
            listing("uk_ofsi", "mz", "Person", "Yelena MIZULINA"),
        ]
    )
    found = found_mentions(screener.screen_text("Stanislaw Tschemesow traf den Minister."))
    assert found == {"uk_ofsi:ch": ["Stanislaw Tschemesow"], "au_dfat:ch": ["Stanislaw Tschemesow"]}
    found = found_mentions(screener.screen_text("Die Senatorin Jelena Misulina forderte das."))
    assert found == {"uk_ofsi:mz": ["Jelena Misulina"]}


def test_a_title_names_the_bearer_who_holds_that_office(tmp_path: Path) -> None:
    """A surname after a title names the bearer more authorities list than any
    other; when as many list two (a president and his son), the one whose
    listings publish the office the title names, alone or of a country
    (*President of Belarus*), not another office of that title (*President of
    the National Olympic Committee*): *Президент Лукашенко*, *President
    Lukashenko* name the father."""

    def person(source: str, sid: str, name: str, position: str) -> Record:
        return Record(source, sid, "Person", [Name(name)], positions=[position], programs=["TEST"])

    with Store(tmp_path / "home") as store:
        for source in ("uk_ofsi", "au_dfat"):
            publish(
                store,
                source,
                [
                    person(source, "a", "Alexander LUKASHENKO", "President of Belarus"),
                    person(
                        source,
                        "v",
                        "Viktor LUKASHENKO",
                        "President of the National Olympic Committee of the Republic of Belarus",
                    ),
                ],
            )
    screener = TextScreener(Screener(tmp_path / "home"))
    for text in ("Президент Лукашенко заявил о мобилизации.", "President Lukashenko said no."):
        found = found_mentions(screener.screen_text(text))
        assert set(found) == {"uk_ofsi:a", "au_dfat:a"}, text
    # no office named: as many authorities list both, so neither is named
    assert found_mentions(screener.screen_text("General Lukashenko said no.")) == {}


def test_an_honorific_in_the_prose_language_before_a_name_listed_with_it() -> None:
    """A list publishes a cleric by his religious name with its title
    (*Patriarch Kirill*); French, Spanish and Ukrainian prose write the title
    in their own words, in lower case (*le patriarche Kirill*, *el patriarca
    Kirill*, *Патріарх Кирило*): the name after it is the listed one. A name
    the lists do not publish with that title is none (*le patriarche
    Bartholomée*), nor is the given name alone."""
    screener = text_screener(
        [
            listing(x, "k", "Person", "Vladimir GUNDYAYEV", "Patriarch Kirill")
            for x in ("uk_ofsi", "au_dfat")
        ]
    )
    for text in (
        "Le patriarche Kirill a qualifié la guerre de sainte.",
        "El patriarca Kirill bendijo las tropas.",
    ):
        found = found_mentions(screener.screen_text(text))
        assert found == {"uk_ofsi:k": ["Kirill"], "au_dfat:k": ["Kirill"]}, text
    assert found_mentions(screener.screen_text("Le patriarche Bartholomée a parlé.")) == {}
    assert found_mentions(screener.screen_text("Kirill a parlé à Moscou.")) == {}


def test_a_north_korean_name_with_its_initial_r() -> None:
    """North Korean spelling keeps a name's initial ㄹ (리병철), which its
    romanisation writes *r* (RI Pyong Chol) and a reading of Hangul *l*: the
    name is read both ways. South Korean spelling drops it (이병철, the
    Samsung founder), which reads as no *Ri*."""
    screener = text_screener(
        [listing(x, "rpc", "Person", "RI PYONG CHOL") for x in ("un_sc", "uk_ofsi")]
    )
    found = found_mentions(screener.screen_text("리병철 노동당 비서가 미사일 발사를 참관했다."))
    assert found == {"un_sc:rpc": ["리병철"], "uk_ofsi:rpc": ["리병철"]}
    assert found_mentions(screener.screen_text("이병철 삼성 창업주는 1987년에 별세했다.")) == {}
