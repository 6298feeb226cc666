"""A Hangul syllable's letters are read from its jamo
(:func:`thaw.text.korean.letters_of`), exactly as rigour's transliteration reads
the syllable, which costs some 50 µs for each syllable it has not seen before:
checked here on every one of the 11,172 syllables."""

from __future__ import annotations

import pytest
from rigour._core import maybe_ascii

from thaw.text import korean


def test_every_syllable_reads_as_rigour_reads_it() -> None:
    differ = [
        chr(c) for c in range(0xAC00, 0xD7A4) if korean.letters_of(chr(c)) != maybe_ascii(chr(c))
    ]
    assert differ == []


def test_other_characters_are_rigour_s() -> None:
    for ch in ("ᄀ", "ㄱ", "a", "é", "Ж"):
        assert korean.letters_of(ch) == maybe_ascii(ch)


def test_syllables_are_read_without_rigour(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(text: str, drop: bool = False) -> str:
        raise AssertionError(f"rigour asked for {text!r}")

    monkeypatch.setattr(korean, "maybe_ascii", refused)
    korean.korean_rr.cache_clear()
    assert korean.korean_words("김정은") == ["kim", "jong", "un"]
    assert korean.korean_rr("병") == "byeong"
    korean.korean_rr.cache_clear()
