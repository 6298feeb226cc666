"""ASCII words, and Latin words whose letters lose their marks to ASCII, are
transliterated without rigour's ICU rules: the answer is the one rigour gives."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st
from rigour._core import maybe_ascii

from thaw.text.translit import _ascii_words, transliterate_word


def _through_rigour(word: str) -> tuple[tuple[str, ...], bool]:
    """The words of a Latin-script word as rigour's transliteration gives them
    (normality's where rigour leaves something that is not ASCII)."""
    latin = maybe_ascii(word)
    if not latin.isascii():
        from normality import ascii_text

        latin = ascii_text(latin) or ""
    return tuple(_ascii_words(latin)), False


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


def test_accented_latin_letters_as_rigour_reads_them() -> None:
    import unicodedata

    for cp in range(0x80, 0x250):
        letter = unicodedata.normalize("NFKC", chr(cp)).casefold()
        for word in (letter, "a" + letter + "b", "jos" + letter):
            assert transliterate_word(word) == _through_rigour(word), (hex(cp), word)
    for word in ("josé", "araújo", "leppänen", "quiñones", "hölzenbecher", "øster", "straße"):
        assert transliterate_word(word) == _through_rigour(word), word
