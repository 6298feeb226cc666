"""Text screening of what the dev half of the sixth blind set (issue 11) showed.
A small fixture list; the blind set itself on the real lists is at the end
(``realdata``)."""

from __future__ import annotations

from tests.screen.text_lists import found_mentions, listing, text_screener


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
