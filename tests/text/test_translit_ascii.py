"""An ASCII word is transliterated without rigour (which leaves ASCII unchanged):
the answer is the one rigour's route gives."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st
from rigour._core import maybe_ascii

from thaw.text.translit import _ascii_words, transliterate_word


def _through_rigour(word: str) -> tuple[tuple[str, ...], bool]:
    return tuple(_ascii_words(maybe_ascii(word))), False


def test_ascii_words_as_rigour_reads_them() -> None:
    for word in ("dmitriev", "o'neil", "al-qaida", "mc donald", "x2", "", "'", "a.b.c"):
        assert transliterate_word(word) == _through_rigour(word), word


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=string.printable, min_size=0, max_size=10))
def test_any_ascii_text(word: str) -> None:
    assert transliterate_word(word) == _through_rigour(word)


def test_other_scripts_still_transliterated() -> None:
    assert transliterate_word("дмитриев") == (("dmitriev",), False)
    latin, abjad = transliterate_word("أسامة")
    assert abjad and latin
