"""Text screening of what the dev half of the sixth blind set (issue 11) showed.
A small fixture list; the blind set itself on the real lists is at the end
(``realdata``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.screen.test_text_voices import _blind_set
from tests.screen.text_lists import found_mentions, listing, text_screener
from thaw.model import Name, Record
from thaw.screen.screener import Hit, Listing


def test_a_word_of_a_place_name_is_not_screened_alone() -> None:
    """*Tel Aviv* and *Rio de Janeiro* are cities: their first word alone is not
    a listed company whose name is that word (EL-TEL CO, a.k.a. TEL), whether
    or not a listed name holds the place's other words; the company's own name
    in a sentence is still found."""
    eltel = [
        listing(x, "eltel", "Organization", "EL-TEL CO", "TEL") for x in ("uk_ofsi", "au_dfat")
    ]
    rio = [
        listing(x, "rio", "Organization", "RIO", "RIO TRADING LLC") for x in ("uk_ofsi", "au_dfat")
    ]
    screener = text_screener([*eltel, *rio])
    for text in (
        "Lufthansa und Condor fliegen wieder nach Tel Aviv.",
        "The delegation flew from Rio de Janeiro to Lisbon.",
    ):
        assert found_mentions(screener.screen_text(text)) == {}, text
    found = found_mentions(screener.screen_text("The payment went to Tel in Damascus."))
    assert set(found) == {"uk_ofsi:eltel", "au_dfat:eltel"}


def test_an_acronym_with_a_letter_after_a_hyphen() -> None:
    """*DHKP-C* (DHKP/C, as the lists write it) is one acronym in capitals: its
    last letter reads as an initial, which one written word may join, so the
    group is found as its other one-word names are; the same letters in title
    case are no acronym."""
    screener = text_screener(
        [
            listing(
                src, "dhkpc", "Organization", "REVOLUTIONARY PEOPLE'S LIBERATION FRONT", "DHKP/C"
            )
            for src in ("us_ofac_sdn", "au_dfat")
        ]
    )
    for text in (
        "Le DHKP-C a revendiqué l'attaque contre l'ambassade américaine à Ankara.",
        "DHKP-C üyesi olduğu iddia edilen iki kişi gözaltına alındı.",
    ):
        found = found_mentions(screener.screen_text(text))
        assert found == {"us_ofac_sdn:dhkpc": ["DHKP-C"], "au_dfat:dhkpc": ["DHKP-C"]}, text
    assert found_mentions(screener.screen_text("Le Dhkp-C a revendiqué l'attaque.")) == {}


def test_a_bank_named_by_its_words_before_the_legal_form() -> None:
    """BANCO DE VENEZUELA SA BANCO UNIVERSAL is *Banco de Venezuela*, its legal
    form and what kind of bank it is: prose that writes the words before the
    legal form, a trade and a place, names it; a name those words only begin
    (*Banco Central de Venezuela*, listed too) is its own party, and the words
    of two parties' names, or of none, name nothing."""
    screener = text_screener(
        [
            listing("us_ofac_sdn", "bdv", "Organization", "BANCO DE VENEZUELA SA BANCO UNIVERSAL"),
            listing("us_ofac_sdn", "bcv", "Organization", "BANCO CENTRAL DE VENEZUELA"),
            listing("us_ofac_sdn", "bdc1", "Organization", "BANCO DE CUBA SA BANCO NORTE"),
            listing("us_ofac_sdn", "bdc2", "Organization", "BANCO DE CUBA SA BANCO SUR"),
        ]
    )
    text = "Transferencia al Banco de Venezuela por 3.500 dólares, concepto: alquiler."
    assert found_mentions(screener.screen_text(text)) == {"us_ofac_sdn:bdv": ["Banco de Venezuela"]}
    text = "El Banco Central de Venezuela subió las tasas."
    assert found_mentions(screener.screen_text(text)) == {
        "us_ofac_sdn:bcv": ["Banco Central de Venezuela"]
    }
    for text in ("El pago llegó al Banco de Cuba ayer.", "Banco de Chile y Banco de Bogotá."):
        assert found_mentions(screener.screen_text(text)) == {}, text


def test_an_acronym_no_list_publishes() -> None:
    """*PDVSA* is how prose names PETROLEOS DE VENEZUELA, S.A., whose lists never
    publish it: the initials of its words, in capitals, name it when they are one
    party's; not initials two parties' names share, not a word in capitals in a
    line all in capitals, nor a name some list publishes alone (PDVSB)."""
    screener = text_screener(
        [
            listing("us_ofac_sdn", "pdvsa", "Organization", "PETROLEOS DE VENEZUELA, S.A."),
            listing("us_ofac_sdn", "cardon", "Vessel", "PDVSA CARDON"),
            listing("us_ofac_sdn", "a1", "Organization", "ALPHA BETA GAMMA DELTA EPSILON"),
            listing("uk_ofsi", "a2", "Organization", "ABOVE BELOW GREEN DARK EAST"),
            listing("uk_ofsi", "pdvsb", "Organization", "PDVSB"),
            listing("au_dfat", "pdvsb", "Organization", "PETROLEOS DE VENEZUELA SUR BOLIVAR"),
        ]
    )
    text = "A Petrobras negou qualquer acordo com a PDVSA."
    assert found_mentions(screener.screen_text(text)) == {"us_ofac_sdn:pdvsa": ["PDVSA"]}
    for text in (
        "The ABGDE said nothing.",
        "PAYMENT TO PDVSA REFUSED",
    ):
        assert found_mentions(screener.screen_text(text)) == {}, text
    assert set(found_mentions(screener.screen_text("Le groupe PDVSB a répondu."))) == {
        "uk_ofsi:pdvsb"
    }


def test_a_name_after_an_elided_article() -> None:
    """French and Italian elide an article or preposition before a vowel
    (*d'Oleg Deripaska*, *l'Iran*, *dell'Iran*): the name begins after the
    apostrophe, and a country so written is still no party; a name with an
    apostrophe of its own (*O'Brien*) is left whole."""
    screener = text_screener(
        [
            listing("uk_ofsi", "od", "Person", "Oleg Vladimirovich DERIPASKA"),
            listing("uk_ofsi", "ob", "Person", "Sean O'BRIEN"),
            listing("uk_ofsi", "iran", "Vessel", "IRAN"),
        ]
    )
    text = "Le Crédit Agricole a gelé les avoirs d'Oleg Deripaska."
    assert found_mentions(screener.screen_text(text)) == {"uk_ofsi:od": ["Oleg Deripaska"]}
    text = "I beni dell'Oleg Deripaska e l'Iran."
    assert found_mentions(screener.screen_text(text)) == {"uk_ofsi:od": ["Oleg Deripaska"]}
    text = "The court heard Sean O'Brien on Monday."
    assert found_mentions(screener.screen_text(text)) == {"uk_ofsi:ob": ["Sean O'Brien"]}


def test_a_korean_name_in_hanja_with_an_initial_r() -> None:
    """Chinese prose writes CHOE Ryong Hae 崔龙海: its Korean reading 최룡해
    begins a word with ㄹ, which the reading spells *l* (*lyong*) and the lists,
    as North Korean names are romanised, *r* (*Ryong*): the name is read and
    found; a name whose words are no listed names' is not."""
    screener = text_screener(
        [
            listing("us_ofac_sdn", "choe", "Person", "CHOE, Ryong Hae"),
            listing("us_ofac_sdn", "kim", "Person", "KIM, Jong Un"),
        ]
    )
    for text, name in (
        ("崔龙海会见了来访的俄罗斯代表团。", "崔龙海"),
        ("崔龍海會見了來訪的代表團。", "崔龍海"),
    ):
        assert found_mentions(screener.screen_text(text)) == {"us_ofac_sdn:choe": [name]}, text
    assert found_mentions(screener.screen_text("李明博会见了来访的代表团。")) == {}


@pytest.mark.realdata
def test_sixth_blind_set(real_profiles_home: Path) -> None:
    """The sixth blind set (74 sentences in eleven languages, written and
    committed before it was first screened) on the real lists: first screened
    40 of its 51 parties found and 3 extra (2 in the dev half: *Tel Aviv* for
    EL-TEL CO, and a second listed Dmitry PESKOV the labels then missed); now
    46 and 1 extra (held) on the newest publications (45 and 1 on a store of
    every publication)."""
    report = _blind_set(real_profiles_home, "sentences_blind6.json", 74)
    figures = (report["found"], report["extra"])
    assert report["found"] >= 45, figures
    assert report["extra"] <= 1, figures


def test_a_window_that_is_a_weak_alias_names_nothing() -> None:
    """OFAC publishes BANCO NACIONAL only as a weak alias of BANCO CORPORATIVO
    SA, a name it says is too broad to screen on alone (the US export list's
    copy of the entry drops the mark; OFAC's word stands): *El Banco Nacional
    de Cuba* is the listed BANCO NACIONAL DE CUBA, never the Nicaraguan bank,
    and the weak alias alone in a window names nothing."""
    screener = text_screener(
        [
            Record(
                "us_ofac_sdn",
                "corp",
                "Organization",
                names=[Name("BANCO CORPORATIVO SA", "primary"), Name("BANCO NACIONAL", "weak")],
                programs=["TEST"],
            ),
            # the US export list's copy of the entry, without the mark
            listing(
                "us_trade_csl", "corp", "Organization", "BANCO CORPORATIVO SA", "BANCO NACIONAL"
            ),
            listing("us_ofac_sdn", "bnc", "Organization", "BANCO NACIONAL DE CUBA"),
        ]
    )
    text = "El Banco Nacional de Cuba incumplió de nuevo sus pagos, según el Club de París."
    assert set(found_mentions(screener.screen_text(text))) == {"us_ofac_sdn:bnc"}
    # one party (as profiles merge them): OFAC's mark stands over its copy's
    hit = Hit(
        score=0.95,
        schema="Organization",
        name="BANCO CORPORATIVO SA",
        matched_name="BANCO NACIONAL",
        listings=(
            Listing("us_ofac_sdn", "corp", ("TEST",), None),
            Listing("us_trade_csl", "corp", ("TEST",), None),
        ),
        explanation="",
        profile_id="p-corp",
    )
    assert not screener._covers("Banco Nacional", hit)
    assert screener._covers("Banco Nacional", replace(hit, listings=hit.listings[1:]))
