"""A word opening a sentence: grammar's capital on a common word of a language
(*Opera*, *Forum*) proves no name; a word no language uses (*Hikvision*) is a
name wherever it stands (:func:`thaw.screen.text.mentions._common`)."""

from __future__ import annotations

from tests.screen.text_lists import found_mentions, listing, text_screener
from thaw.model import Record


def _companies() -> list[Record]:
    """Each listed by one authority under its one word alone."""
    return [
        listing(
            "us_trade_csl",
            "hik",
            "Organization",
            "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.",
            "HIKVISION",
        ),
        listing("us_trade_csl", "opera", "Organization", "OPERA"),
        listing("uk_ofsi", "forum", "Organization", "FORUM"),
    ]


def test_a_word_no_language_uses_names_a_party_opening_a_sentence() -> None:
    """*Hikvision* opening a sentence is the company one authority lists, as
    it is in mid-sentence; the same authority's *Opera* and *Forum*,
    common words of many languages, are not named by grammar's capital."""
    screener = text_screener(_companies())
    for text in (
        "Hikvision cameras were removed from government buildings.",
        "Officials said Hikvision cameras were removed from government buildings.",
        "Hikvision's cameras were removed from government buildings.",
    ):
        found = found_mentions(screener.screen_text(text))
        assert list(found) == ["us_trade_csl:hik"], text
    for text in (
        "Opera lovers queued for hours outside the theatre.",
        "Forum members voted to close the thread.",
    ):
        assert found_mentions(screener.screen_text(text)) == {}, text
