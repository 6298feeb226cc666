"""The dev tool that derives the Japanese name tables from KANJIDIC2 and
JMnedict, on a small database of jamdict's shape."""

from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path

import pytest

from thaw.text import _make_kanjidic as tool

_SCHEMA = """
CREATE TABLE character (ID INTEGER PRIMARY KEY, literal TEXT);
CREATE TABLE nanori (cid INTEGER, value TEXT);
CREATE TABLE rm_group (ID INTEGER PRIMARY KEY, cid INTEGER);
CREATE TABLE reading (gid INTEGER, r_type TEXT, value TEXT);
CREATE TABLE NEKanji (ID INTEGER PRIMARY KEY, idseq INTEGER, text TEXT);
CREATE TABLE NEKana (ID INTEGER PRIMARY KEY, idseq INTEGER, text TEXT);
CREATE TABLE NETranslation (ID INTEGER PRIMARY KEY, idseq INTEGER);
CREATE TABLE NETransType (tid INTEGER, text TEXT);
"""


def _db() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.executescript(_SCHEMA)
    kanji = {
        "服": ([], [("ja_on", "フク")]),
        "部": (["とり"], [("ja_on", "ブ")]),
        "勝": (["かち"], [("ja_kun", "まさ.る"), ("ja_kun", "-が.ち"), ("ja_on", "ショウ")]),
        "小": ([], [("ja_kun", "ちい.さい"), ("ja_kun", "こ")]),
        "鳥": ([], [("ja_kun", "とり")]),
        "遊": ([], [("ja_kun", "あそ.ぶ")]),
        "原": ([], [("ja_kun", "はら")]),
    }
    for cid, (ch, (nanori, readings)) in enumerate(kanji.items(), 1):
        db.execute("INSERT INTO character VALUES (?, ?)", (cid, ch))
        db.execute("INSERT INTO rm_group VALUES (?, ?)", (cid, cid))
        db.executemany("INSERT INTO nanori VALUES (?, ?)", [(cid, v) for v in nanori])
        db.executemany("INSERT INTO reading VALUES (?, ?, ?)", [(cid, *r) for r in readings])
    names = [
        (1, "服部", "ふくべ", "surname"),  # fuku + be: kept
        (2, "小鳥遊", "たかなし", "surname"),  # irregular: kept
        (3, "勝", "まさる", "given"),  # a reading of the character: left out
        (4, "原", "やなぎわら", "surname"),  # one kanji, a surname: left out
        (5, "遊", "ゆき", "fem"),  # one kanji, a given name: kept
        (6, "小鳥", "ことり", "place"),  # not a person's name
    ]
    for idseq, text, kana, kind in names:
        db.execute("INSERT INTO NEKanji (idseq, text) VALUES (?, ?)", (idseq, text))
        db.execute("INSERT INTO NEKana (idseq, text) VALUES (?, ?)", (idseq, kana))
        db.execute("INSERT INTO NETranslation (ID, idseq) VALUES (?, ?)", (idseq, idseq))
        db.execute("INSERT INTO NETransType VALUES (?, ?)", (idseq, kind))
    db.commit()
    return db


def test_build_kanji_nanori_kun_whole_and_stem_on() -> None:
    table = tool.build_kanji(_db())
    assert table["勝"] == ["kachi", "masaru", "masa", "gachi", "ga", "shou"]
    assert table["部"] == ["tori", "bu"]


def test_spellable_joins_as_kanji_edges_does() -> None:
    table = tool.build_kanji(_db())
    assert tool.spellable("服部", "fukutori", table)
    assert not tool.spellable("服部", "hattori", table)  # no hatsu in this table
    assert tool.spellable("勝原", "masabara", table)  # a stem, then rendaku
    assert tool.spellable("勝", "shou", table) and tool.spellable("勝", "sho", table)
    assert tool.spellable("小鳥", "kotori", table)
    assert not tool.spellable("小鳥遊", "takanashi", table)


def test_build_names_keeps_only_what_the_characters_cannot_spell() -> None:
    db = _db()
    names = tool.build_names(db, tool.build_kanji(db))
    assert names["小鳥遊"] == ["takanashi"]
    assert names["遊"] == ["yuki"]
    assert names["服部"] == ["fukube"]
    assert "勝" not in names and "原" not in names and "小鳥" not in names


def test_by_use_orders_readings_by_the_names_that_use_them() -> None:
    db = _db()
    table = tool.build_kanji(db)
    names = tool.person_names(db)
    assert ("小鳥遊", ["takanashi"]) in names and ("遊", ["yuki"]) in names
    assert all(word not in {"原", "小鳥"} for word, _ in names)  # a surname alone, a place
    ordered = tool.by_use(table, names)
    assert ordered["勝"][0] == "masaru"  # 勝 まさる
    assert ordered["小"] == table["小"]  # no name reads it (小鳥遊 spells none): kept
    assert ordered["服"] == ["fuku"] and ordered["部"][:2] == ["tori", "bu"]
    assert {ch: sorted(r) for ch, r in ordered.items()} == {
        ch: sorted(r) for ch, r in table.items()
    }


def test_main_writes_both_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = tmp_path / "jamdict.db"
    disk = sqlite3.connect(db_path)
    _db().backup(disk)
    disk.close()
    monkeypatch.setattr(tool, "KANJIDIC_PATH", tmp_path / "k.txt.gz")
    monkeypatch.setattr(tool, "NAMES_PATH", tmp_path / "n.txt.gz")
    assert tool.main([str(db_path)]) == 0
    kanji = gzip.decompress((tmp_path / "k.txt.gz").read_bytes()).decode("utf-8")
    assert "勝\tmasaru kachi masa gachi ga shou\n" in kanji  # masaru: a name reads it so
    names = gzip.decompress((tmp_path / "n.txt.gz").read_bytes()).decode("utf-8")
    assert names == "小鳥遊\ttakanashi\n服部\tfukube\n遊\tyuki\n"
    assert tool.main([]) == 2
