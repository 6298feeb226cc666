"""Mandarin syllables in MPS II and Tongyong Pinyin (Taiwanese names: 邱 Chiou, 張 Jhang)."""

from __future__ import annotations

import pytest

from thaw.text.chinese import han_edges, han_spellings
from thaw.text.taiwan import er_spellings, mps2, tongyong


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


def test_the_vowel_e_is_also_spelt_er_in_any_tone() -> None:
    # Taiwanese passports: 柯 Ker (kē), 賀 Her, 哲 Jer
    assert er_spellings("ke") == ("ker",)
    assert er_spellings("he") == ("her",)
    assert er_spellings("zhe") == ("jer", "cher")
    assert er_spellings("de") == ("der", "ter")
    for syllable in ("e", "ye", "jie", "lve", "ken", "kei"):
        assert er_spellings(syllable) == (), syllable
    assert "ker" in han_edges("柯建銘")[0][2]
