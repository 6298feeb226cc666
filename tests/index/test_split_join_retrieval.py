"""Retrieval of a listed name whose two words a query in an abjad, Thai or
Khmer writes as one (issue 11's retrieval gap: ``w:`` keys,
:func:`thaw.index.candidates.split_join_key`)."""

from __future__ import annotations

import pytest

from tests.index.fixture_store import screener_of
from thaw.index.candidates import SPLIT_MIN_LEN, _splits, split_join_key
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


def test_a_joined_query_word_with_a_typo_finds_the_two_listed_words() -> None:
    # FridrichBuchenberg: no listing writes it, nor one edit from the join
    # that Friedrich Buchenberg posts (joins have no typo neighbours); cut in
    # two, Buchenberg is listed and Fridrich one edit from Friedrich
    screener = screener_of(["Friedrich BUCHENBERG", "Friedrich MERZ", "Anna BUCHENBERG"])
    found = [h.name for h in screener.screen("FridrichBuchenberg", "Person").hits]
    assert found[:1] == ["Friedrich BUCHENBERG"]


def test_a_query_word_is_cut_only_where_it_is_long_and_latin() -> None:
    latin = analyze_name("FridrichBuchenberg", "Person").tokens[0]
    assert len(latin.text) >= SPLIT_MIN_LEN and _splits(latin)
    persian = analyze_name("محمدباقر", "Person").tokens[0]
    assert not _splits(persian)


def test_two_query_words_find_a_listed_word_one_typo_from_their_join() -> None:
    # 이승만 reads i sung man; the listing writes Syngman, one letter from
    # their join sungman, and neither sung nor man is a listed word
    screener = screener_of(["Rhee SYNGMAN", "John SMITH"])
    assert [h.name for h in screener.screen("이승만", "Person").hits] == ["Rhee SYNGMAN"]


def test_a_join_of_two_listed_words_is_not_looked_up_one_typo_away() -> None:
    # both words listed: their join's typo neighbours would propose listings
    # of other names (雷 孙, LESUN) that the words alone do not
    screener = screener_of(["Anatoly Fedorovich LESUN", "Wei LEI", "Yan SUN"])
    assert "Anatoly Fedorovich LESUN" not in [
        h.name for h in screener.screen("雷 孙", "Person").hits
    ]
