"""A Thai word's spellings are rendered from one syllabification of each kind
(:func:`thaw.text.thai.thai_spellings`, :func:`thaw.text.thai.thai_readings`):
syllabifying is most of their cost, and every reading of a batch's Thai rows
pays it.

The calls are counted on the module loaded afresh from its source: compiled
(:mod:`thaw._native`), its functions call one another directly, past a patched
module attribute."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from types import ModuleType

import pytest

from thaw import _native


def _from_source() -> ModuleType:
    """A fresh :mod:`thaw.text.thai` run from its ``.py`` file."""
    spec = importlib.util.spec_from_file_location(
        "_thai_source", _native.source_path("thaw.text.thai")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


thai = _from_source()


@pytest.fixture
def syllabified(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """The words :func:`thaw.text.thai._syllables` is asked for, and how."""
    calls: list[tuple[str, bool]] = []
    original: Callable[[str, bool], list[tuple[str, str, str]]] = thai._syllables

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
