"""Text screening of what the dev half of the fifth blind set (issue 11) showed:
a common word opening a sentence that equals a listed acronym (*Let us*), an
acronym in capitals opening one (*ISIS claimed*). A small fixture list; the
blind set itself on the real lists is at the end (``realdata``)."""

from __future__ import annotations

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
