"""Japanese readings: foreign names in katakana read back into Latin letters, and
the readings of names in kanji."""

from __future__ import annotations

import gzip
import hashlib

from thaw.text import name_variants
from thaw.text.japanese import (
    _RENDAKU,
    _THREE_READINGS,
    KANJI_PATH,
    KANJI_SHA256,
    MAX_NAME_READINGS,
    _name_readings,
    _rendaku,
    kanji_name_readings,
    kanji_readings,
    katakana_readings,
    kunrei,
)


def test_kanji_table_is_the_one_the_code_names() -> None:
    data = KANJI_PATH.read_bytes()
    assert hashlib.sha256(data).hexdigest() == KANJI_SHA256
    assert len(gzip.decompress(data).decode("utf-8").splitlines()) > 10_000


def test_kanji_readings_kun_first_long_vowels_short() -> None:
    assert kanji_readings("光") == ("hikaru", "hikari", "ko")  # on reading kou
    assert kanji_readings("a") == ()


def test_names_of_two_kanji_have_their_characters_readings() -> None:
    # the shortest combinations first: names take short readings
    assert kanji_name_readings("光輝")[0] == "ko ki"  # Koki
    assert "dai ki" in kanji_name_readings("大輝")  # Daiki
    assert "haru ka" in kanji_name_readings("春香")  # Haruka
    assert len(kanji_name_readings("春香")) == MAX_NAME_READINGS + _RENDAKU
    assert kanji_name_readings("鈴木一郎") == ()  # one to three characters only
    # a kun reading's stem: 明 akiraka, 宏 hiroi
    assert "aki yama" in kanji_name_readings("明山")
    assert "hiro" in _name_readings("宏") and "da" not in _name_readings("大")  # (on: dai)
    assert "ta mi ko" in kanji_name_readings("田美子")  # three characters: fewer
    assert len(kanji_name_readings("田美子")) == _THREE_READINGS
    # rendaku: the second word's first consonant voiced
    assert "mizo guchi" in kanji_name_readings("溝口")
    assert "yama zaki" in kanji_name_readings("山崎")
    assert _rendaku("yama saki") == "yama zaki" and _rendaku("yama ami") == ""
    assert kanji_name_readings("誠")[0] == "makoto"  # a given name of one character
    assert "shigeru" in name_variants("茂", "Person")
    assert kanji_name_readings("张伟") == ()  # simplified: no Japanese reading


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


def test_kunrei_shiki() -> None:
    assert kunrei("tachi yama") == "tati yama"
    assert kunrei("fuji shun") == "huzi syun"
    assert kunrei("tsutomu") == "tutomu"
    assert kunrei("sato") == ""  # spelt alike
    assert "huziki" in name_variants("藤木", "Person")  # Huziki
