"""Text screening of what the dev half of the fifth blind set (issue 11) showed:
a common word opening a sentence that equals a listed acronym (*Let us*), an
acronym in capitals opening one (*ISIS claimed*). A small fixture list; the
blind set itself on the real lists is at the end (``realdata``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.screen.test_text_voices import _blind_set
from tests.screen.text_lists import found_mentions, listing, text_screener
from thaw.model import Record


def _groups() -> list[Record]:
    return [
        listing("uk_ofsi", "let", "Organization", "LASHKAR-E-TAYYIBA", "LET", "Lashkar-e-Toiba"),
        listing("un_sc", "let", "Organization", "LASHKAR-E-TAYYIBA", "LET"),
        listing("us_ofac_sdn", "hamas", "Organization", "HAMAS", "HARAKAT AL-MUQAWAMA AL-ISLAMIYA"),
        listing("au_dfat", "hamas", "Organization", "Hamas", "Islamic Resistance Movement"),
        listing(
            "us_trade_csl",
            "isil",
            "Organization",
            "ISLAMIC STATE OF IRAQ AND THE LEVANT",
            "ISIS",
            "Islamic State of Iraq and Syria",
        ),
    ]


def test_a_word_opening_a_sentence_is_no_acronym_of_a_list() -> None:
    """*Let us*, *Let me*, Dutch *Let op*: grammar capitalised the word, which
    a list writes in capitals as the initials of a name of the same listing
    (LET, LASHKAR-E-TAYYIBA); a name that is no initials (HAMAS) opening a
    sentence is still one, and so is the acronym in mid-sentence."""
    screener = text_screener(_groups())
    for text in (
        "Let us be clear: the truce holds only if both sides keep to it.",
        "Let me know once the funds reach our account in Dubai.",
        "Let op: de betaling is door de bank geblokkeerd.",
    ):
        assert found_mentions(screener.screen_text(text)) == {}, text
    found = found_mentions(screener.screen_text("Hamas said it was studying the proposal."))
    assert found == {"us_ofac_sdn:hamas": ["Hamas"], "au_dfat:hamas": ["Hamas"]}
    found = found_mentions(screener.screen_text("Police blamed the LET for the attack."))
    assert found == {"uk_ofsi:let": ["LET"], "un_sc:let": ["LET"]}


def test_an_acronym_in_capitals_opening_a_sentence() -> None:
    """A word in capitals opening a sentence written in lower case (*ISIS
    claimed …*) was written so by choice, not by grammar: it names the party
    one authority lists under it, as it would in mid-sentence."""
    screener = text_screener(_groups())
    text = "ISIS claimed the attack on a mosque through its news agency."
    assert found_mentions(screener.screen_text(text)) == {"us_trade_csl:isil": ["ISIS"]}


def test_the_members_of_a_group_in_a_lower_case_plural() -> None:
    """French, Spanish and Portuguese name the members of an armed group by a
    lower-case plural after a plural article (*les talibans*, *los talibanes*
    with the Spanish *-es* of a consonant, *les shebabs* as the group's name
    sounds, *los hutíes*,
    the Spanish plural of a stressed vowel read as *Hutís*): the group, if two
    authorities list it under that one word; not a common noun that a list
    publishes only after an article and others hold too (*les bases* are no
    THE BASE), nor a
    group one authority lists."""
    screener = text_screener(
        [
            listing("us_ofac_sdn", "taliban", "Organization", "TALIBAN"),
            listing("au_dfat", "taliban", "Organization", "Taliban", "The Taliban"),
            listing("un_sc", "houthis", "Organization", "ANSARALLAH", "Houthis"),
            listing("au_dfat", "houthis", "Organization", "Ansarallah", "Houthis"),
            listing("us_ofac_sdn", "qaida", "Organization", "AL-QAIDA", "THE BASE"),
            listing("un_sc", "qaida", "Organization", "AL-QAIDA", "THE BASE"),
            listing("uk_ofsi", "argo", "Organization", "ARGONAUTS"),
            listing("uk_ofsi", "base", "Organization", "SEVASTOPOL NAVAL BASE"),
            listing("us_ofac_sdn", "shabaab", "Organization", "AL-SHABAAB"),
            listing("un_sc", "shabaab", "Organization", "AL-SHABAAB"),
        ]
    )
    found = found_mentions(screener.screen_text("Les talibans ont interdit l'accès aux parcs."))
    assert found == {"us_ofac_sdn:taliban": ["talibans"], "au_dfat:taliban": ["talibans"]}
    found = found_mentions(screener.screen_text("Los talibanes prohibieron la música."))
    assert found == {"us_ofac_sdn:taliban": ["talibanes"], "au_dfat:taliban": ["talibanes"]}
    found = found_mentions(screener.screen_text("Les shebabs ont revendiqué l'attentat."))
    assert found == {"us_ofac_sdn:shabaab": ["shebabs"], "un_sc:shabaab": ["shebabs"]}
    found = found_mentions(screener.screen_text("Los hutíes lanzaron drones contra buques."))
    assert found == {"un_sc:houthis": ["hutíes"], "au_dfat:houthis": ["hutíes"]}
    for text in (
        "Les bases militaires du nord ont été fermées.",
        "Los argonauts del club zarparon ayer.",
        "Los iraníes votaron el viernes.",
    ):
        assert found_mentions(screener.screen_text(text)) == {}, text


def test_an_arabic_group_named_by_its_nisba() -> None:
    """جماعة الحوثي and جماعة الحوثيين (the group of the Houthi, of the Houthis:
    the nisba's plural) are the listed *Houthi Group*: جماعة is *group*, and a
    nisba's plural its singular."""
    screener = text_screener(
        [
            listing("un_sc", "houthis", "Organization", "ANSARALLAH", "Houthi Group"),
            listing("au_dfat", "houthis", "Organization", "Ansarallah", "Houthi Group"),
        ]
    )
    for text, name in (
        ("شنت جماعة الحوثي هجوماً على سفينة تجارية.", "جماعة الحوثي"),
        ("أعلنت جماعة الحوثيين مسؤوليتها عن الهجوم.", "جماعة الحوثيين"),
    ):
        found = found_mentions(screener.screen_text(text))
        assert found == {"un_sc:houthis": [name], "au_dfat:houthis": [name]}, text


def test_a_foreign_v_written_with_the_arabic_f() -> None:
    """Arabic writes the *v* of *Lavrov* with its *f* (لافروف): a consonant the
    listed spelling's *v* is not to an abjad's keys, so the word is read with
    the *v* as Arabic also writes it (و) too, in a run and when screened."""
    screener = text_screener(
        [
            listing("uk_ofsi", "lavrov", "Person", "Sergei Viktorovich LAVROV", "Sergey LAVROV"),
            listing("us_ofac_sdn", "x", "Person", "IVANOV, Petr"),
        ]
    )
    text = "التقى وزير الخارجية الروسي سيرغي لافروف نظيره السوري في موسكو."
    assert found_mentions(screener.screen_text(text)) == {"uk_ofsi:lavrov": ["سيرغي لافروف"]}


@pytest.mark.realdata
def test_fifth_blind_set(real_profiles_home: Path) -> None:
    """The fifth blind set (75 sentences in eleven languages, written and
    committed before it was first screened) on the real lists: first screened
    38 of its 53 parties found and 5 extra (4 in the dev half: *Let us*, *Let
    me*, *Let op* for LET, *Plasma donations* for AO Plasma); now 45 and none
    extra on a store loaded with ``thaw update``."""
    report = _blind_set(real_profiles_home, "sentences_blind5.json", 75)
    assert report["found"] >= 44, report["found"]
    assert report["extra"] <= 1, report["extra"]


def test_a_portuguese_nasal_ending() -> None:
    """Portuguese writes a foreign name's final *-an* as *-ã* (*Talibã*, *os
    talibãs*, *Irã*): read as *-an*, the listed TALIBAN; a country so written
    is still no party."""
    screener = text_screener(
        [
            listing("us_ofac_sdn", "taliban", "Organization", "TALIBAN"),
            listing("au_dfat", "taliban", "Organization", "Taliban"),
            listing("uk_ofsi", "iran", "Vessel", "IRAN"),
        ]
    )
    for text, name in (
        ("O Talibã anunciou novas restrições em Cabul.", "Talibã"),
        ("Os talibãs anunciaram novas restrições em Cabul.", "talibãs"),
    ):
        found = found_mentions(screener.screen_text(text))
        assert found == {"us_ofac_sdn:taliban": [name], "au_dfat:taliban": [name]}, text
    assert found_mentions(screener.screen_text("O Irã assinou um acordo em Teerã.")) == {}


def test_a_word_opening_a_sentence_names_a_party_lists_publish_so() -> None:
    """A common noun opening a sentence (*Plasma donations rose*) is capitalised
    by grammar, and is the one distinctive word of a company two authorities
    list only with its legal form (AO Plasma, Plasma JSC): not the company,
    which the lists do not name by the word alone; a party they publish by
    that word alone (HAMAS) is named by it there too."""
    screener = text_screener(
        [
            listing("us_ofac_sdn", "plasma", "Organization", "JOINT STOCK COMPANY PLASMA"),
            listing("au_dfat", "plasma", "Organization", "Plasma JSC", "AO Plasma"),
            listing("us_ofac_sdn", "hamas", "Organization", "HAMAS"),
            listing("au_dfat", "hamas", "Organization", "Hamas"),
        ]
    )
    assert found_mentions(screener.screen_text("Plasma donations rose by a fifth.")) == {}
    found = found_mentions(screener.screen_text("The order went to Plasma in Ryazan."))
    assert found == {"us_ofac_sdn:plasma": ["Plasma"], "au_dfat:plasma": ["Plasma"]}
    found = found_mentions(screener.screen_text("Hamas said it was studying the proposal."))
    assert found == {"us_ofac_sdn:hamas": ["Hamas"], "au_dfat:hamas": ["Hamas"]}
    # a script without capitals has no grammar's capital: חמאס, *Hamas*, as written
    found = found_mentions(screener.screen_text("חמאס הודיעה כי משלחת תגיע לקהיר."))
    assert found == {"us_ofac_sdn:hamas": ["חמאס"], "au_dfat:hamas": ["חמאס"]}


def test_a_party_one_list_names_after_an_article() -> None:
    """A party whose name is one authority's *The Taliban* and another's bare
    TALIBAN is named by *les talibans* (and by *Taliban* opening a sentence)
    once its listings are one profile: the party's hit then carries DFAT's
    article noun as its name, and other listed names hold the word (TEHRIK-E
    TALIBAN PAKISTAN), but a list publishes the word alone. A party every
    list names only after the article (THE BASE) still is not."""
    from thaw.index import CandidateIndex, entry_from_record
    from thaw.profiles.screening import PartyScreener
    from thaw.screen.text import TextScreener

    records = [
        listing("au_dfat", "taliban", "Organization", "The Taliban"),
        listing("us_ofac_sdn", "taliban", "Organization", "TALIBAN"),
        listing("uk_ofsi", "ttp", "Organization", "TEHRIK-E TALIBAN PAKISTAN"),
        listing("us_ofac_sdn", "qaida", "Organization", "AL-QAIDA", "THE BASE"),
        listing("un_sc", "qaida", "Organization", "AL-QAIDA", "THE BASE"),
        listing("uk_ofsi", "base", "Organization", "SEVASTOPOL NAVAL BASE"),
    ]
    profile_of = {
        ("au_dfat", "taliban"): "p-taliban",
        ("us_ofac_sdn", "taliban"): "p-taliban",
        ("uk_ofsi", "ttp"): "p-ttp",
        ("us_ofac_sdn", "qaida"): "p-qaida",
        ("un_sc", "qaida"): "p-qaida",
        ("uk_ofsi", "base"): "p-base",
    }
    index = CandidateIndex.build(entry_from_record(r) for r in records)
    screener = TextScreener(PartyScreener(index=index, profile_of=profile_of))
    for text, word in (
        ("Les talibans ont interdit l'accès aux parcs.", "talibans"),
        ("Taliban fighters entered the city at dawn.", "Taliban"),
    ):
        (party,) = screener.screen_text(text).parties
        assert party.to_dict()["profile_id"] == "p-taliban", text
        assert [m.text for m in party.mentions] == [word], text
    assert not screener.screen_text("Bases militaires: aucune n'a été touchée.").parties
