"""Retrieval finds the listings in Latin letters that the matcher matches
by spelling a name written in another script (issue 11, 1):

* a Chinese character spelt alone (a word of its own in the listed name) is
  looked up by every spelling the matcher knows of it, as the Macau, Hokkien
  and Teochew spellings come after the Mandarin, Cantonese and Wade-Giles
  ones;
* a word in Greek, Georgian or Cyrillic letters is spelt whole, however long
  (the matcher spells it so: Σιράκ *Chirac*), not by runs of three letters."""

from __future__ import annotations

import pytest

from tests.index.fixture_store import screener_of

#: Names whose characters are spelt each as a word of its own, by a spelling
#: beyond the first dozen of the character (少 *Sio*, Macau; 生 *Say* and
#: 修 *Siew*, Hokkien), with the names the matcher matches them to.
SPELT_APART = [
    ("黃少澤", "Wong Sio Chak"),
    ("林瑞生", "Lim Swee Say"),
    ("陈修信", "Tan Siew Sin"),
]


@pytest.mark.parametrize(("original", "listed"), SPELT_APART)
def test_a_character_spelt_alone_is_looked_up_by_every_spelling(original: str, listed: str) -> None:
    screener = screener_of([listed, "John SMITH"])
    assert [h.name for h in screener.screen(original, "Person").hits] == [listed]


#: Foreign names written in Greek, Georgian and Cyrillic letters by their
#: sounds, with their own spelling (which no transliteration gives).
SPELT_BY_SOUNDS = [
    ("Ζακ Σιράκ", "Jacques Chirac"),
    ("ჯორჯ ვაშინგტონი", "George Washington"),
    ("Пол Уилан", "Paul Whelan"),
]


@pytest.mark.parametrize(("original", "listed"), SPELT_BY_SOUNDS)
def test_a_word_spelt_by_its_sounds_is_spelt_whole(original: str, listed: str) -> None:
    screener = screener_of([listed, "John SMITH"])
    assert [h.name for h in screener.screen(original, "Person").hits] == [listed]


def test_a_japanese_reading_contracted_across_two_characters_is_looked_up() -> None:
    # 桐生 is *kiri* + *u*, said *Kiryu*; a run joins only the usual dozen
    # readings of 生, and *ryu* is not among them: the edge over both is
    screener = screener_of(["Yoshihide KIRYU", "John SMITH"])
    assert [h.name for h in screener.screen("桐生祥秀", "Person").hits] == ["Yoshihide KIRYU"]
