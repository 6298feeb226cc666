"""The shortcuts analysis takes for names in ASCII give what the general path gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from thaw.text.analyze import (
    _ARABIC,
    _ARMENIAN,
    _CYRILLIC,
    _GREEK,
    _HAN,
    _HANGUL,
    _HEBREW,
    _KANA,
    _KHMER,
    _THAI,
    _words,
    name_variants,
)
from thaw.text.translit import transliterate_word

_ASCII_WORDS = st.from_regex(r"[a-z0-9]{1,12}", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(_ASCII_WORDS)
def test_a_lower_case_ascii_word_reads_as_itself(word: str) -> None:
    # (what _words takes for granted when it skips transliteration)
    assert transliterate_word(word) == ((word,), False)
    (only,) = _words(word, org_context=False)
    assert (only.ascii, only.abjad, only.hint, only.symbols, only.titled) == (
        word,
        False,
        None,
        frozenset(),
        True,
    )


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=30))
def test_no_script_name_variants_look_for_is_ascii(name: str) -> None:
    # (what name_variants takes for granted when it answers an ASCII name at once)
    scripts = (_THAI, _CYRILLIC, _ARABIC, _GREEK, _HEBREW, _KHMER, _ARMENIAN, _HAN)
    assert not any(p.search(name) for p in (*scripts, _HANGUL, _KANA))


def test_ascii_name_variants() -> None:
    assert name_variants("Mao Tse-tung", "Person") == ("mao zedong",)
    assert name_variants("Slobodan MILOSEVIC", "Person") == ("Slobodan MILOSEVICh",)
    assert name_variants("Hryhoriy Mykolaiovych KOVALENKO", "Person") == (
        "grygoriy nikolaevich kovalenko",
    )
    assert name_variants("John Smith", "Person") == ()
    assert name_variants("John Smith", "Company") == ()
