"""A Thai word's spellings are rendered from one syllabification of each kind
(:func:`thaw.text.thai.thai_spellings`, :func:`thaw.text.thai.thai_readings`):
syllabifying is most of their cost, and every reading of a batch's Thai rows
pays it."""

from __future__ import annotations

import pytest

from thaw.text import thai


@pytest.fixture
def syllabified(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """The words :func:`thaw.text.thai._syllables` is asked for, and how."""
    calls: list[tuple[str, bool]] = []
    original = thai._syllables

    def counted(word: str, linked: bool = False) -> list[tuple[str, str, str]]:
        calls.append((word, linked))
        return original(word, linked)

    monkeypatch.setattr(thai, "_syllables", counted)
    thai.thai_spellings.cache_clear()
    thai.thai_readings.cache_clear()
    return calls


def test_spellings_syllabify_once_of_each_kind(syllabified: list[tuple[str, bool]]) -> None:
    spellings = thai.thai_spellings("ภูมิพล")
    assert spellings[0] == "phumiphon" and "bhumibol" in spellings
    # (three readings of plain syllables, two of linked ones; the written
    # reading syllabifies the word's segments on its own)
    assert syllabified.count(("ภูมิพล", False)) == 1


def test_readings_syllabify_once(syllabified: list[tuple[str, bool]]) -> None:
    assert thai.thai_readings("ทรงพล") == ("songphon", "songpol")
    assert syllabified == [("ทรงพล", False)]
