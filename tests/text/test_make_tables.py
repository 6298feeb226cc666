"""The dev tools that write the hanja, Cantonese and Hokkien tables (text._make_unihan,
text._make_hokkien)."""

from __future__ import annotations

from pathlib import Path

from thaw.text._make_hokkien import build as build_hokkien
from thaw.text._make_hokkien import toneless
from thaw.text._make_unihan import build_cantonese, name_readings


def _unihan(folder: Path) -> Path:
    (folder / "Unihan_Readings.txt").write_text(
        "# a comment\n"
        "U+9127\tkCantonese\tdang6\n"  # 鄧
        "U+884C\tkCantonese\thang4 haang4 hong4 hang6\n"  # 行: each reading once
        "U+9127\tkMandarin\tdèng\n",
        encoding="utf-8",
    )
    (folder / "Unihan_Variants.txt").write_text(
        "U+9093\tkTraditionalVariant\tU+9127\n"  # 邓 → 鄧
        "U+4E2A\tkTraditionalVariant\tU+500B\n",  # 个 → 個 (no reading)
        encoding="utf-8",
    )
    return folder


def test_cantonese_readings_without_tones_simplified_through_traditional(tmp_path: Path) -> None:
    table = build_cantonese(_unihan(tmp_path))
    assert table == {"鄧": ["dang"], "行": ["hang", "haang", "hong"], "邓": ["dang"]}


def test_hokkien_readings_without_tones(tmp_path: Path) -> None:
    assert toneless("lîm") == "lim" and toneless("ho̍k") == "hok"
    prons = {"鄧": ["tīng", "tēnn"], "二": ["jī/lī"], "鄧鄧": ["x"], "符": ["hû", "hû-á"]}
    table = build_hokkien(prons, _unihan(tmp_path))
    # alternatives split, tones dropped, words of two characters and readings
    # that are not plain letters once folded left out; 邓 reads as 鄧
    assert table == {
        "鄧": ["ting", "tenn"],
        "二": ["ji", "li"],
        "符": ["hu"],
        "邓": ["ting", "tenn"],
    }


def test_hanja_readings_of_names_first_then_the_others_of_the_tables() -> None:
    assert name_readings("야:0N 약:0E") == ["야", "약"]  # 若
    assert name_readings("금:0E 김:0N") == ["김", "금"]  # 金
    # a reading of neither table (樂's 낙, 락 at the start of a word) is left out
    assert name_readings("낙:0 락:0E 악:0N 요:0N") == ["악", "락", "요"]
    assert name_readings("철:0EN") == ["철"]
