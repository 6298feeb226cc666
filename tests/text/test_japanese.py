"""Japanese readings: foreign names in katakana read back into Latin letters."""

from __future__ import annotations

from thaw.text import name_variants
from thaw.text.japanese import katakana_readings


def test_katakana_readings() -> None:
    # added vowels (ku, do, ru) and long vowels out; then chi ti, ji di, b v,
    # r l where it begins a word or stands between vowels, ur at the start vl
    assert katakana_readings("ウラジーミル・プーチン") == ("urajimir puchin", "vladimir putin")
    assert katakana_readings("アレクサンドル・ルカシェンコ") == (
        "areksandr rukashenko",
        "aleksandr lukashenko",
    )
    assert katakana_readings("セルゲイ・ラブロフ") == ("sergei rabrov", "sergei lavrov")
    # only names in katakana alone: kanji and Latin letters get none
    assert katakana_readings("鈴木 一郎") == ()
    assert katakana_readings("Putin") == ()


def test_katakana_name_has_its_foreign_readings_as_variants() -> None:
    assert "vladimir putin" in name_variants("ウラジーミル・プーチン")
    assert name_variants("ウラジーミル・プーチン", "Company") == ()
