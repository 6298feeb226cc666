"""Retrieval of listings in Latin letters for a name written in Chinese
characters or Hangul by the spellings of its characters (issue 11, 1): the
joined spellings of each run of characters are looked up as listed tokens
(橋本 *Hashimoto*, 龍太郎 *Ryutaro*), with a budget of their own, so that such a
listing is found among many that share a common family name."""

from __future__ import annotations

import pytest

from tests.index.fixture_store import screener_of
from thaw.screen import Screener

#: The listing to find, then people sharing its family name or a given name,
#: competing for the candidates.
LISTED = [
    "Ryutaro HASHIMOTO",
    *[f"{given} HASHIMOTO" for given in ("Taro", "Hanako", "Kenji", "Yuki", "Akira", "Jiro")],
    *[f"Ryutaro {family}" for family in ("Tanaka", "Suzuki", "Ito", "Kato")],
    "John SMITH",
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return screener_of(LISTED)


def test_the_spellings_of_kanji_find_their_latin_listing(screener: Screener) -> None:
    # (pykakasi reads 橋本龍太郎 as no listed name writes it)
    hits = screener.screen("橋本龍太郎", "Person").hits
    assert hits and hits[0].name == "Ryutaro HASHIMOTO"
    # the others share a word: none of them is spelt in full
    assert [h.name for h in hits] == ["Ryutaro HASHIMOTO"]


def test_a_latin_query_is_untouched(screener: Screener) -> None:
    hits = screener.screen("Ryutaro Hashimoto", "Person").hits
    assert hits[0].name == "Ryutaro HASHIMOTO"


def test_the_same_listing_when_the_words_are_remembered(screener: Screener) -> None:
    # (a word's spelt runs are remembered: the second query and a query
    # sharing the word find what a first sight finds)
    index = screener.index
    first = [c.position for c in index.candidates("橋本 龍太郎", schema="Person")]
    again = [c.position for c in index.candidates("橋本 龍太郎", schema="Person")]
    other = [c.position for c in index.candidates("龍太郎 橋本", schema="Person")]
    assert first == again
    assert index.entry(first[0]).caption == "Ryutaro HASHIMOTO"
    assert index.entry(other[0]).caption == "Ryutaro HASHIMOTO"


def test_the_words_used_lately_stay_remembered(
    screener: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (when the memo is full, the half used least lately is forgotten: the
    # words of a name met again stay, those of a name met once before go,
    # and what is found is the same)
    import thaw.index.candidates as candidates

    index = screener.index

    def words(name: str) -> list[int]:
        return [c.position for c in index.candidates(name, schema="Person")]

    first = words("橋本 龍太郎")
    index._spelt_words.clear()
    monkeypatch.setattr(candidates, "SPELT_WORDS", 2 * 2 * 2)  # (two names' words)
    words("橋本 龍太郎")  # (each word in two languages: Chinese, Japanese)
    words("田中 太郎")
    assert len(index._spelt_words) == 8
    again = words("橋本 龍太郎")  # (remembered: used lately)
    words("鈴木 一郎")  # (full: the half used least lately goes)
    remembered = {key[0] for key in index._spelt_words}
    assert remembered == {"橋本", "龍太郎", "鈴木", "一郎"}
    assert again == first == words("橋本 龍太郎")
    assert index.entry(first[0]).caption == "Ryutaro HASHIMOTO"
