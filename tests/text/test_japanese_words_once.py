"""pykakasi reads each word of names in kanji once (:func:`thaw.text.japanese._segments`):
:func:`~thaw.text.japanese.complete_reading` and
:func:`~thaw.text.japanese.japanese_reading` both read every word of a name, and
the words recur from name to name where the names do not; pykakasi's conversion
is a tenth of a millisecond or more a word, the largest part of analysing a
batch's names in Chinese characters."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from thaw.text import japanese


@pytest.fixture
def converted(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The texts pykakasi is asked to convert, from fresh caches."""
    calls: list[str] = []
    kakasi = japanese._kakasi()

    class Counted:
        def convert(self, text: str) -> Any:
            calls.append(text)
            return kakasi.convert(text)

    monkeypatch.setattr(japanese, "_kakasi", Counted)
    for cached in (japanese._segments, japanese.complete_reading, japanese.japanese_reading):
        cached.cache_clear()
    yield calls
    for cached in (japanese._segments, japanese.complete_reading, japanese.japanese_reading):
        cached.cache_clear()


def test_a_name_reads_each_word_once(converted: list[str]) -> None:
    assert japanese.complete_reading("鈴木 一郎") == "suzuki ichiro"
    assert sorted(converted) == ["一郎", "鈴木"]


def test_words_recur_across_names_unread(converted: list[str]) -> None:
    assert japanese.complete_reading("鈴木 一郎") == "suzuki ichiro"
    assert japanese.complete_reading("田中 一郎") == "tanaka ichiro"
    assert japanese.japanese_reading("鈴木 花子") == "suzuki hanako"
    assert sorted(converted) == ["一郎", "田中", "花子", "鈴木"]


def test_an_incomplete_reading_is_still_refused(converted: list[str]) -> None:
    # (pykakasi leaves out 晚, a simplified character, and the rest of its word)
    assert japanese.complete_reading("韓晚冠") == ""
    assert converted == ["韓晚冠"]
