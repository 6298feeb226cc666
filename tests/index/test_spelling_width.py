"""Retrieval of a listing in Latin letters by a spelling of a Chinese
character that is not among its usual ones (issue 11, 1): a character spelt
alone (a word of its own in the listed name) is looked up by every spelling
the matcher knows of it, as the Macau, Hokkien and Teochew spellings come
after the Mandarin, Cantonese and Wade-Giles ones."""

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
