"""Japanese readings: foreign names in katakana read back into Latin letters, and
the readings of names in kanji."""

from __future__ import annotations

import gzip
import hashlib
import re

import pytest

from thaw.text import name_variants
from thaw.text.japanese import (
    _RENDAKU,
    _THREE_READINGS,
    KANJI_PATH,
    KANJI_SHA256,
    KANJIDIC_PATH,
    KANJIDIC_SHA256,
    MAX_NAME_READINGS,
    MAX_SPELLINGS,
    NAMES_PATH,
    NAMES_SHA256,
    _dictionary_names,
    _name_readings,
    _rendaku,
    character_readings,
    kanji_edges,
    kanji_name_readings,
    kanji_readings,
    katakana_readings,
    kunrei,
    reading_forms,
    standard_characters,
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


# -- kanji_edges: the spellings of a name's characters for the spelling engine --


def _spells(word: str, latin: str) -> bool:
    """Whether ``latin`` (lower-case letters, the words joined) is written by
    ``word``'s edges, one after another, from its first character to its last."""
    reached = {0: {0}}
    for start, end, spellings in kanji_edges(word):
        for pos in reached.get(start, set()).copy():
            for spelling in spellings:
                if latin.startswith(spelling, pos):
                    reached.setdefault(end, set()).add(pos + len(spelling))
    return len(latin) in reached.get(len(word), set())


def test_kanjidic_tables_are_the_ones_the_code_names() -> None:
    for path, digest, least in (
        (KANJIDIC_PATH, KANJIDIC_SHA256, 10_000),
        (NAMES_PATH, NAMES_SHA256, 10_000),
    ):
        data = path.read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest
        assert len(data) < 400_000  # small: irregular names only
        lines = gzip.decompress(data).decode("utf-8").splitlines()
        assert len(lines) > least
        assert all(re.fullmatch(r"\S+\t[a-z]+( [a-z]+)*", line) for line in lines[:2000])
    assert (NAMES_PATH.parent / "NOTICE-EDRDG.md").exists()  # the licence's attribution


def test_character_readings_have_nanori() -> None:
    assert "satoshi" in character_readings("智")  # nanori, no word reads it so
    assert "hayao" in character_readings("駿")
    assert "akira" in character_readings("章")
    assert "masaru" in character_readings("勝")  # kun まさ.る whole
    assert "masa" in character_readings("勝")  # and its stem
    assert "sou" in character_readings("宗")  # on ソウ, long vowel as written
    assert character_readings("a") == ()


def test_reading_forms_long_vowels_kunrei_and_rendaku() -> None:
    assert reading_forms("sou") == ("so", "sou", "soh")  # Ito, Itou, Itoh
    assert reading_forms("ryuutarou")[0] == "ryutaro"
    assert len(reading_forms("ryuutarou")) <= 2 * 6
    assert "ke" in reading_forms("kei") and "kei" in reading_forms("kei")
    assert reading_forms("shuku") == ("shuku", "syuku")  # Kunrei-shiki (Syukuro)
    assert reading_forms("saki") == ("saki",)
    assert reading_forms("saki", voiced=True) == ("saki", "zaki")  # rendaku
    assert "zi" in reading_forms("shi", voiced=True)  # ji, Kunrei zi
    assert all(f.isascii() and f.isalpha() and f.islower() for f in reading_forms("chou", True))


def test_kanji_edges_are_bounded_ascii_and_cached() -> None:
    edges = kanji_edges("本田宗一郎")
    assert edges is kanji_edges("本田宗一郎")
    assert [(s, e) for s, e, _ in edges if e == s + 1] == [(i, i + 1) for i in range(5)]
    for start, end, spellings in edges:
        assert 0 <= start < end <= 5 and 0 < len(spellings) <= MAX_SPELLINGS
        assert all(re.fullmatch("[a-z]+", sp) for sp in spellings)
    assert kanji_edges("Honda") == () and kanji_edges("") == ()


def test_kanji_edges_spell_names_by_their_readings() -> None:
    assert _spells("本田宗一郎", "hondasoichiro")
    assert _spells("宮崎駿", "miyazakihayao")  # rendaku: saki → zaki; nanori: hayao
    assert _spells("鈴木章", "suzukiakira")
    assert _spells("大村智", "omurasatoshi") and _spells("大村智", "ohmurasatoshi")
    assert _spells("湯川秀樹", "yukawahideki")  # rendaku: kawa stays, ki
    assert _spells("伊藤", "itoh") and _spells("伊藤", "itou") and _spells("伊藤", "ito")
    assert _spells("真鍋淑郎", "manabesyukuro")  # Kunrei-shiki
    assert _spells("山田太郎", "yamadataro")
    assert not _spells("山田太郎", "yamadahanako")
    assert not _spells("山田", "yamamoto")


def test_kanji_edges_join_sokuon_and_moraic_n() -> None:
    assert _spells("服部", "hattori")  # hatsu + tori
    assert _spells("北海", "hokkai")  # hoku + kai
    assert _spells("別府", "beppu")  # betsu + fu: pp
    assert _spells("南部", "nambu") and _spells("南部", "nanbu")  # n before b written m
    assert _spells("新平", "shimpei") and _spells("新平", "shinpei")  # h after n: p


def test_kanji_edges_contract_a_reading_before_u() -> None:
    # 生 read u after a reading ending in -i or -a: the old -ifu, -afu said
    # as one sound (桐生 Kiryu, 柳生 Yagyu, 麻生 Aso), an edge over both
    # characters, so that retrieval, which joins only a character's usual
    # readings (u of 生's dozens), finds the name
    over_two = {
        sp for start, end, spelt in kanji_edges("桐生") if (start, end) == (0, 2) for sp in spelt
    }
    assert {"kiryu", "kiryuu"} <= over_two
    assert "yagyu" in {sp for e in kanji_edges("柳生") if e[:2] == (0, 2) for sp in e[2]}
    assert "aso" in {sp for e in kanji_edges("麻生") if e[:2] == (0, 2) for sp in e[2]}
    # a reading of one mora, or one ending in a long vowel, contracts nothing
    assert not any(
        sp.startswith("shuu") for e in kanji_edges("秀生") if e[:2] == (0, 2) for sp in e[2]
    )


def test_kanji_edges_dictionary_names() -> None:
    # a name its characters cannot spell, from JMnedict, as one edge
    assert _dictionary_names()["小鳥遊"] == ("takanashi",)  # "where no hawk is"
    assert any(s == 0 and e == 3 and "takanashi" in sp for s, e, sp in kanji_edges("小鳥遊"))
    assert _spells("小鳥遊", "takanashi") and _spells("四月一日", "watanuki")
    assert _spells("五十嵐", "igarashi")
    # a name the characters spell is not in the table (五 i, 十 so, 六 roku)
    assert "五十六" not in _dictionary_names()
    assert _spells("山本五十六", "yamamotoisoroku")
    assert _spells("々", "") is False  # a repetition mark alone reads nothing
    assert _spells("佐々木", "sasaki")  # 々: the character before, voiced or not


def test_kanji_edges_kana() -> None:
    # kana mora by mora, a long vowel either way
    assert _spells("吉本ばなな", "yoshimotobanana")
    assert _spells("こうへい", "kohei") and _spells("こうへい", "kouhei")
    assert _spells("ヒカル", "hikaru")
    assert _spells("きっかわ", "kikkawa")


def test_the_dictionary_loads_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    """pykakasi's dictionary (a million objects) is unpickled without the cyclic
    collector rescanning it as it grows; the collector runs again afterwards."""
    import gc

    import pykakasi

    from thaw.text import japanese

    seen: list[bool] = []

    def loading() -> object:
        seen.append(gc.isenabled())
        return object()

    monkeypatch.setattr(pykakasi, "kakasi", loading)
    japanese._kakasi.cache_clear()
    try:
        assert gc.isenabled()
        japanese._kakasi()
        assert seen == [False] and gc.isenabled()
    finally:
        japanese._kakasi.cache_clear()


def test_standard_characters() -> None:
    assert standard_characters("佐々木 希") == "佐佐木 希"
    assert standard_characters("野々村〻") == "野野村村"
    assert standard_characters("々木") == "々木"  # repeats nothing
    assert standard_characters("鈴木 一郎") == "鈴木 一郎"
    assert standard_characters("髙橋 𠮷田 山﨑") == "高橋 吉田 山崎"
