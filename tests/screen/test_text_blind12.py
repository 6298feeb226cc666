"""Text screening of what the dev halves of the eleventh and twelfth blind sets
showed (issue 11, text17). Small fixture lists; the twelfth blind set itself
on the real lists is at the end (``realdata``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.screen.test_text_voices import _blind_set
from tests.screen.text_lists import found_mentions, listing, text_screener
from thaw.index import entry_from_record
from thaw.match import Query
from thaw.model import Name, Record
from thaw.screen import Screener
from thaw.screen.screener import ScreenResult
from thaw.screen.text import TextScreener

_GRU_KEYS = ("us_trade_csl:gru", "us_ofac_sdn:gru", "ca_sema:gru")


class _GruParty(Screener):
    """A screener whose listings are all one party's, as a profile joins
    them (``thaw.profiles.PartyScreener`` does so for the real lists)."""

    def screen_query(self, query: Query, **kw: Any) -> ScreenResult:
        result = super().screen_query(query, **kw)
        return replace(result, hits=tuple(replace(h, profile_id="p-gru") for h in result.hits))

    def party_listings(self, profile_id: str) -> tuple[str, ...]:
        return _GRU_KEYS


def test_a_legal_entity_is_what_its_profile_says() -> None:
    """The US export list publishes the *GRU* alone as a ``LegalEntity`` (a
    list that does not say what a party is), OFAC and Canada the organisation
    as MAIN INTELLIGENCE DIRECTORATE: the profile that joins the three says it
    is an organisation, which one word of prose may name. Without the profile
    the export list's entry alone may be anyone, and the word names nothing."""
    records = [
        listing("us_trade_csl", "gru", "LegalEntity", "Main Intelligence Directorate", "GRU"),
        listing("us_ofac_sdn", "gru", "Organization", "MAIN INTELLIGENCE DIRECTORATE"),
        listing("ca_sema", "gru", "Organization", "Main Intelligence Directorate"),
    ]
    party = TextScreener(_GruParty.from_entries(entry_from_record(r) for r in records))
    for text in (
        "A spy of the GRU was arrested in Salzburg.",
        "Der Generalbundesanwalt ermittelt gegen einen Agenten des GRU in Bayreuth.",
    ):
        found = found_mentions(party.screen_text(text))
        assert found.get("us_trade_csl:gru") == ["GRU"], text
    alone = text_screener(records)
    assert found_mentions(alone.screen_text("A spy of the GRU was arrested.")) == {}


def test_a_handle_some_authority_calls_weak_is_no_surname_after_a_title() -> None:
    """OFAC publishes a hacker's handle STAFF as a weak alias, the UK as an
    alias: *General Staff* is no title before that person's surname. A
    surname after a title is still read (*General Surovikin*)."""
    putilin = [
        Record(
            source,
            "put",
            "Person",
            names=[Name("Dmitry Sergeevich PUTILIN", "primary"), handle],
            programs=["TEST"],
        )
        for source, handle in (
            ("uk_ofsi", Name("STAFF", "alias")),
            ("us_ofac_sdn", Name("STAFF", "weak")),
        )
    ]
    surovikin = [
        listing(src, "sur", "Person", "Sergei Vladimirovich SUROVIKIN")
        for src in ("uk_ofsi", "au_dfat")
    ]
    screener = text_screener([*putilin, *surovikin])
    text = "He served as Chief of General Staff of the army from 2014 to 2017."
    assert found_mentions(screener.screen_text(text)) == {}
    found = found_mentions(screener.screen_text("General Surovikin inspected the troops."))
    assert found == {"uk_ofsi:sur": ["Surovikin"], "au_dfat:sur": ["Surovikin"]}


def test_a_generic_word_and_a_place_yield_to_a_name_word() -> None:
    """*ABSOLUT BANK MOSCOW* is Absolut Bank, of Moscow: the window *BANK
    MOSCOW* of a generic word and a place, which scores as the listed BANK OF
    MOSCOW, yields to the overlapping window with a name word. The Bank of
    Moscow written alone is still found."""
    records = [
        listing("us_ofac_sdn", "abs", "Organization", "ABSOLUT BANK"),
        listing("us_ofac_sdn", "bm", "Organization", "BM BANK JSC", "BANK OF MOSCOW"),
    ]
    screener = text_screener(records)
    text = ":59:/RU0440525000 OOO TEKHSNAB C/O ABSOLUT BANK MOSCOW :70:/INV/77812 PUMPS"
    assert found_mentions(screener.screen_text(text)) == {"us_ofac_sdn:abs": ["ABSOLUT BANK"]}
    found = found_mentions(screener.screen_text("The Bank of Moscow was merged into a rival."))
    assert found == {"us_ofac_sdn:bm": ["Bank of Moscow"]}


def test_a_word_inside_a_company_name_written_in_full_names_nothing() -> None:
    """*OOO VEKTOR LOGISTIKA* is a company's whole name, its legal form before
    it and a generic word after: the word *VEKTOR* in it names no listed TSK
    VEKTOR, however many authorities list that one; *OOO VEKTOR* alone does."""
    screener = text_screener(
        [
            listing(src, "vek", "Organization", "TSK VEKTOR", "LLC TSK VEKTOR", "ВЕКТОР")
            for src in ("uk_ofsi", "us_ofac_sdn")
        ]
    )
    text = ":59:/40702810900000012345 OOO VEKTOR LOGISTIKA MOSCOW :70:PAYMENT FOR SPARE PARTS"
    assert found_mentions(screener.screen_text(text)) == {}
    found = found_mentions(screener.screen_text("Payment to OOO VEKTOR, Moscow, was refused."))
    assert set(found) == {"uk_ofsi:vek", "us_ofac_sdn:vek"}


def test_an_abjad_word_is_no_latin_acronym() -> None:
    """محلية (*local*) has the consonants m-h-l of MEHL, the initials the lists
    publish for Myanmar Economic Holdings Limited: an Arabic word does not
    name a party by an acronym; the acronym in Latin capitals still does."""
    screener = text_screener(
        [
            listing(src, "mehl", "Organization", "MYANMAR ECONOMIC HOLDINGS LIMITED", "MEHL")
            for src in ("uk_ofsi", "us_ofac_sdn")
        ]
    )
    text = "أبو محمد يلتقي وفداً تركياً في إدلب بحسب قناة محلية."
    assert found_mentions(screener.screen_text(text)) == {}
    found = found_mentions(screener.screen_text("The junta's conglomerate MEHL owns the bank."))
    assert set(found) == {"uk_ofsi:mehl", "us_ofac_sdn:mehl"}


def test_a_vessel_word_a_place_and_a_number_name_a_vessel() -> None:
    """*vessel SAKHALIN 9* names the listed vessel SAKHALIN 9, though the word
    alone is an island's name; the island with a number after it and no
    vessel word names nothing, nor does the vessel word before another
    number of the name."""
    screener = text_screener(
        [listing("us_ofac_sdn", f"sak{n}", "Vessel", f"SAKHALIN {n}") for n in (8, 9, 10)]
    )
    text = "Sea waybill: vessel SAKHALIN 9, voyage 12E, loaded at Kholmsk for Nevelsk."
    assert found_mentions(screener.screen_text(text)) == {"us_ofac_sdn:sak9": ["SAKHALIN 9"]}
    for text in (
        "The ferry sails to Sakhalin 9 times a week.",
        "Sea waybill: vessel SAKHALIN 11, voyage 12E.",
    ):
        assert found_mentions(screener.screen_text(text)) == {}, text


def test_romanian_and_german_spellings_of_a_listed_name() -> None:
    """Romanian writes *Shor* as *Șor* (s with a comma below), which name
    analysis folds to another listed word, *sor*; German writes *Degtyarev*
    as *Degtjarjow* (*j* for the softness of the consonant before it, *jo*
    for the ё English writes *e*, *w* for в): both meet the list's English
    spelling."""
    screener = text_screener(
        [
            listing("uk_ofsi", "shor", "Person", "Ilan SHOR"),
            listing("uk_ofsi", "sor", "Person", "Ali SOR"),
            listing("uk_ofsi", "deg", "Person", "Mikhail Vladimirovich DEGTYAREV"),
        ]
    )
    text = "Curtea de Apel a menținut condamnarea lui Ilan Șor la 15 ani de închisoare."
    assert found_mentions(screener.screen_text(text)) == {"uk_ofsi:shor": ["Ilan Șor"]}
    text = "Michail Degtjarjow (* 10. Juli 1981 in Kuibyschew) ist ein russischer Politiker."
    found = found_mentions(screener.screen_text(text))
    assert found == {"uk_ofsi:deg": ["Michail Degtjarjow"]}


def test_vietnamese_and_turkish_translations_of_a_bank_name() -> None:
    """Vietnamese writes the head word first and the country as Burmese does
    (*Ngân hàng Kinh tế Myanma*: MYANMA ECONOMIC BANK, *Myanma* kept as
    written beside the English *Myanmar*); Turkish translates *credit union*
    (*Kredi Birliği*) and joins a case ending to *Bankası* with an
    apostrophe (*Bankası'nın*, of the bank)."""
    screener = text_screener(
        [
            listing("ca_sema", "meb", "Organization", "Myanma Economic Bank"),
            listing("us_ofac_sdn", "mehr", "Organization", "MEHR IRAN CREDIT UNION BANK"),
        ]
    )
    text = "Ngân hàng Kinh tế Myanma bị Canada áp lệnh trừng phạt."
    assert set(found_mentions(screener.screen_text(text))) == {"ca_sema:meb"}
    text = "Mehr Iran Kredi Birliği Bankası'nın Türkiye'deki temsilcisi gözaltına alındı."
    assert set(found_mentions(screener.screen_text(text))) == {"us_ofac_sdn:mehr"}


@pytest.mark.realdata
def test_twelfth_blind_set(real_profiles_home: Path) -> None:
    """The twelfth blind set (114 sentences in twenty-two languages, written
    and committed before it was first screened) on the real lists: first
    screened 83 of its 106 parties found and 9 extra on an engineer's loaded
    home (85 and 7 with its labels read again), 88 and 4 there after the
    fixes of this file (the lists as the suite loads them may differ by a
    few)."""
    report = _blind_set(real_profiles_home, "sentences_blind12.json", 114)
    figures = (report["found"], report["extra"])
    assert report["found"] >= 80, figures
    assert report["extra"] <= 8, figures
