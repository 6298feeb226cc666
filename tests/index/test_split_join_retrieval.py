"""Retrieval of a listed name whose two words a query in an abjad, Thai or
Khmer writes as one (issue 11's retrieval gap: ``w:`` keys,
:func:`thaw.index.candidates.split_join_key`)."""

from __future__ import annotations

import pytest

from tests.index.fixture_store import screener_of
from thaw.index.candidates import split_join_key
from thaw.screen import Screener
from thaw.text import analyze_name

LISTED = [
    "Mohammad-Bagher ZOLGHADR",
    # listings sharing a word with the query, to compete
    "Hassan ZOLGHADR",
    "Mohammad BAGHERI",
    "Bagher MOHAMMADI",
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return screener_of(LISTED)


def test_a_word_written_as_one_finds_two_listed_words(screener: Screener) -> None:
    # محمدباقر is one word (key mhmdbkr); the list writes Mohammad-Bagher, two
    # tokens, whose join's key is the same: without it only ZOLGHADR met a key
    found = [h.name for h in screener.screen("محمدباقر ذوالقدر", "Person").hits]
    assert "Mohammad-Bagher ZOLGHADR" in found


def test_the_split_join_key_is_of_two_latin_words() -> None:
    latin = analyze_name("Mohammad-Bagher", "Person").tokens
    assert split_join_key(latin[0], latin[1]) == "w:~mhmdbkr"
    persian = analyze_name("محمد باقر", "Person").tokens
    assert split_join_key(persian[0], persian[1]) is None  # (an abjad's words)
    short = analyze_name("Abu Ali", "Person").tokens
    assert split_join_key(short[0], short[1]) is None  # (a key of three letters)
