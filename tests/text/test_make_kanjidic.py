"""The dev tool that derives the Japanese name tables from KANJIDIC2 and
JMnedict, on a few rows of each as jamdict reads them."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from thaw.text import _make_kanjidic as tool
from thaw.text._make_kanjidic import KanjiRow, NameRow

#: KANJIDIC2's readings of a few kanji, as :func:`tool.read_jamdict` gives them.
KANJI: list[KanjiRow] = [
    ("服", "ja_on", "フク"),
    ("部", "nanori", "とり"),
    ("部", "ja_on", "ブ"),
    ("勝", "ja_kun", "まさ.る"),
    ("勝", "nanori", "かち"),
    ("勝", "ja_kun", "-が.ち"),
    ("勝", "ja_on", "ショウ"),
    ("勝", "pinyin", "sheng4"),  # not Japanese: left out
    ("小", "ja_kun", "ちい.さい"),
    ("小", "ja_kun", "こ"),
    ("鳥", "ja_kun", "とり"),
    ("遊", "ja_kun", "あそ.ぶ"),
    ("原", "ja_kun", "はら"),
]
#: JMnedict entries: written form, name types, readings.
NAMES: list[NameRow] = [
    ("服部", frozenset({"surname"}), ("ふくべ",)),  # fuku + be: kept
    ("小鳥遊", frozenset({"surname"}), ("たかなし",)),  # irregular: kept
    ("勝", frozenset({"given"}), ("まさる",)),  # a reading of the character: left out
    ("原", frozenset({"surname"}), ("やなぎわら",)),  # one kanji, a surname: left out
    ("遊", frozenset({"fem"}), ("ゆき",)),  # one kanji, a given name: kept
    ("遊", frozenset({"masc"}), ("あそぶまる",)),  # one kanji in five morae: left out
    ("小鳥", frozenset({"place"}), ("ことり",)),  # not a person's name
    ("小鳥ちゃん", frozenset({"fem"}), ("ことりちゃん",)),  # not all kanji
]


def test_build_kanji_nanori_kun_whole_and_stem_on() -> None:
    table = tool.build_kanji(KANJI)
    assert table["勝"] == ["kachi", "masaru", "masa", "gachi", "ga", "shou"]
    assert table["部"] == ["tori", "bu"]


def test_spellable_joins_as_kanji_edges_does() -> None:
    table = tool.build_kanji(KANJI)
    assert tool.spellable("服部", "fukutori", table)
    assert not tool.spellable("服部", "hattori", table)  # no hatsu in this table
    assert tool.spellable("勝原", "masabara", table)  # a stem, then rendaku
    assert tool.spellable("勝", "shou", table) and tool.spellable("勝", "sho", table)
    assert tool.spellable("小鳥", "kotori", table)
    assert not tool.spellable("小鳥遊", "takanashi", table)


def test_person_names() -> None:
    names = tool.person_names(NAMES)
    assert ("小鳥遊", ["takanashi"]) in names and ("遊", ["yuki"]) in names
    assert {word for word, _ in names} == {"服部", "小鳥遊", "勝", "遊"}


def test_by_use_orders_readings_by_the_names_that_use_them() -> None:
    table = tool.build_kanji(KANJI)
    ordered = tool.by_use(table, tool.person_names(NAMES))
    assert ordered["勝"][0] == "masaru"  # 勝 まさる
    assert ordered["小"] == table["小"]  # no name reads it (小鳥遊 spells none): kept
    assert ordered["服"] == ["fuku"] and ordered["部"][:2] == ["tori", "bu"]
    assert {ch: sorted(r) for ch, r in ordered.items()} == {
        ch: sorted(r) for ch, r in table.items()
    }


def test_build_names_keeps_only_what_the_characters_cannot_spell() -> None:
    names = tool.build_names(tool.person_names(NAMES), tool.build_kanji(KANJI))
    assert names == {"服部": ["fukube"], "小鳥遊": ["takanashi"], "遊": ["yuki"]}


def test_main_writes_both_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tool, "read_jamdict", lambda path: (KANJI, NAMES))
    monkeypatch.setattr(tool, "KANJIDIC_PATH", tmp_path / "k.txt.gz")
    monkeypatch.setattr(tool, "NAMES_PATH", tmp_path / "n.txt.gz")
    assert tool.main([str(tmp_path / "jamdict.db")]) == 0
    kanji = gzip.decompress((tmp_path / "k.txt.gz").read_bytes()).decode("utf-8")
    assert "勝\tmasaru kachi masa gachi ga shou\n" in kanji  # masaru: a name reads it so
    names = gzip.decompress((tmp_path / "n.txt.gz").read_bytes()).decode("utf-8")
    assert names == "小鳥遊\ttakanashi\n服部\tfukube\n遊\tyuki\n"
    assert tool.main([]) == 2
