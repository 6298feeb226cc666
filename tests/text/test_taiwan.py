"""Mandarin syllables in MPS II and Tongyong Pinyin (Taiwanese names: 邱 Chiou, 張 Jhang)."""

from __future__ import annotations

import pytest

from thaw.text.chinese import han_spellings
from thaw.text.taiwan import mps2, tongyong


@pytest.mark.parametrize(
    ("pinyin", "mps", "tong"),
    [
        ("xiong", "shiung", "syong"),
        ("qiu", "chiou", "ciou"),
        ("zhi", "jr", "jhih"),
        ("shi", "shr", "shih"),
        ("ri", "r", "rih"),
        ("zi", "tz", "zih"),
        ("ci", "tsz", "cih"),
        ("si", "sz", "sih"),
        ("qu", "chiu", "cyu"),  # ü after q
        ("xue", "shiue", "syue"),
        ("lv", "liu", "lyu"),
        ("zhang", "jang", "jhang"),
        ("liu", "liou", "liou"),
        ("gui", "guei", "guei"),
        ("dun", "duen", "dun"),
        ("feng", "feng", "fong"),
        ("wen", "wen", "wun"),
        ("yao", "yau", "yao"),
        ("cai", "tsai", "cai"),
        ("hua", "hua", "hua"),
    ],
)
def test_taiwan_romanisations(pinyin: str, mps: str, tong: str) -> None:
    assert mps2(pinyin) == mps
    assert tongyong(pinyin) == tong


def test_no_pinyin_no_spelling() -> None:
    assert mps2("1") == "" and tongyong("") == ""


def test_han_spellings_hold_them() -> None:
    assert {"chiou", "ciou"} <= set(han_spellings("邱"))
    assert "jhang" in han_spellings("張")
    assert "liou" in han_spellings("劉")
