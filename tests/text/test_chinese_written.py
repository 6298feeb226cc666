"""Names written as Chinese names are: read as Chinese names, not as Japanese,
Korean or transcribed foreign ones (the reading variants' rules)."""

from __future__ import annotations

import pytest
from tests.match.pairs import person_score

from thaw.match import DEFAULT_THRESHOLD
from thaw.text import name_variants
from thaw.text.chinese import han_spellings, han_variants, polyphone_variants, single_syllable
from thaw.text.han_names import (
    COMMON_SURNAMES,
    common_surnames,
    family_readings,
    written_as_chinese,
)
from thaw.text.japanese import complete_reading, japanese_reading
from thaw.text.wadegiles import wade_giles


def test_common_surnames_in_both_scripts() -> None:
    surnames = common_surnames()
    assert len(set(COMMON_SURNAMES)) == len(COMMON_SURNAMES)  # (no repeats)
    assert {"张", "張", "刘", "劉", "王", "韩", "韓", "罗", "羅"} <= surnames
    assert "鈴" not in surnames and "佐" not in surnames


@pytest.mark.parametrize("name", ["徐芳", "宋厚", "高彥艺", "韓晚冠", "張偉", " 罗印 "])
def test_written_as_chinese(name: str) -> None:
    assert written_as_chinese(name)


@pytest.mark.parametrize(
    "name",
    [
        "坎迪斯",  # (no family name first: a transcribed name)
        "鈴木一郎",  # (four characters)
        "王",  # (one character)
        "徐 芳",  # (two words)
        "王ゆき",  # (kana)
        "罗伯特",  # (特 writes a bare *t*: *Robert*)
        "史密斯",  # (斯 a bare *s*: *Smith*)
        "Wang Fang",
    ],
)
def test_not_written_as_chinese(name: str) -> None:
    assert not written_as_chinese(name)


def test_a_japanese_reading_accounts_for_every_character() -> None:
    # pykakasi cannot read 晚 (nor 冠 after it): "kan" reads 韓 alone
    assert japanese_reading("韓晚冠") == "kan"
    assert complete_reading("韓晚冠") == ""
    assert complete_reading("高彥艺") == ""  # ("taka")
    assert complete_reading("李克强") == ""  # ("sumomo katsu")
    assert complete_reading("鈴木 一郎") == "suzuki ichiro"
    assert "kan" not in name_variants("韓晚冠", "Person")
    assert "taka" not in name_variants("高彥艺", "Person")
    assert "sumomo katsu" not in name_variants("李克强", "Person")
    assert "kin" not in name_variants("金铁三", "Person")


def test_a_chinese_name_is_not_read_as_transcribed() -> None:
    # 徐芳 *Xu Fang*, not *Sufan* (which met ABU SUFIAN)
    assert not {"sufan", "sufang"} & set(name_variants("徐芳", "Person"))
    # (three characters keep their plainest readings: syllables joined, Xinhua)
    assert han_variants("高彥艺") == ("高彦艺", "고언예", "gaoyani", "goyani")
    assert "mazie" in han_variants("马齐耶")  # (Mazie, by the Xinhua table)
    assert "wangsuehong" in han_variants("王雪紅")  # Wang Hsueh-hung
    assert not {"loin", "roin"} & set(han_variants("罗印"))
    # a name without a Chinese family name first still is (坎迪斯 *Candace*)
    assert "kandis" in han_variants("坎迪斯")


def test_two_characters_with_a_chinese_family_name_are_not_read_in_korean() -> None:
    assert "나인" not in han_variants("罗印")
    assert "송후" not in han_variants("宋厚")
    # three characters are written as Korean names are too
    assert "김정은" in han_variants("金正恩")
    assert "김철삼" in name_variants("金铁三", "Person")
    # and a two-character name without one still is
    assert han_variants("慧玲")[0] == "혜령"


def test_wade_giles_writes_e_as_eh_too() -> None:
    # 朱德 *Chu Teh*, read by its characters' spellings, not by a reading of 朱
    # alone (pykakasi's "shu", which left 德 out)
    assert "teh" in han_spellings("德")
    assert wade_giles("ge") == ("ko", "ke")  # (unchanged after k, g, h)
    assert person_score("朱德", "Chu Teh") >= DEFAULT_THRESHOLD


def test_a_name_in_traditional_characters_has_its_simplified_writing() -> None:
    assert han_variants("張偉")[0] == "张伟"
    assert "张伟" not in han_variants("张伟")
    assert person_score("张伟", "張偉") >= DEFAULT_THRESHOLD
    assert person_score("張偉", "张伟") >= DEFAULT_THRESHOLD
    assert person_score("张伟", "張威") < DEFAULT_THRESHOLD  # (another name)


def test_the_surname_sign_is_read_first() -> None:
    # 余姓 "the surname Yu" (姓 after a family name), written as Chinese names are
    assert han_variants("余姓")[0] == "yu"


def test_single_syllable() -> None:
    for word in ("jo", "sho", "ryu", "kan", "chu", "kyo", "den", "ho", "kin"):
        assert single_syllable(word), word
    for word in ("hayashi", "taka", "kaori", "tatsu", "ichi"):
        assert not single_syllable(word), word


def test_a_chinese_name_is_not_read_as_japanese_syllables() -> None:
    # Japanese reads 徐芳 *Jo Hō* and 蔣龍 *Shō Ryū*: a Chinese name, not a Japanese one
    assert not any(v.startswith(("jo ", "so ")) for v in name_variants("徐芳", "Person"))
    assert "sho ryu" not in name_variants("蔣龍", "Person")
    assert not any(v.startswith("so ") for v in name_variants("宋厚", "Person"))
    # a Japanese name keeps its readings, with a Chinese family name first too
    assert "takahashi" in name_variants("高橋", "Person")
    assert "tanaka" in name_variants("田中", "Person")
    assert "hayashi yoshimasa" in name_variants("林芳正", "Person")
    # and one without such a family name its readings of single syllables,
    # joined as one given name (菜結 *Nayu*), not apart as a Chinese name's
    assert "nayu" in han_variants("菜結")
    assert "ko ki" not in han_variants("光輝")


def test_a_family_name_is_read_as_a_family_name() -> None:
    # 丁 is the family name Ding, never zheng; 曾 is Zeng beside ICU's ceng
    assert not any("zheng" in v for v in name_variants("丁思遠", "Person"))
    assert "zeng guo fan" in name_variants("曾国藩", "Person")
    assert family_readings("曾") == ("zeng",)
    assert family_readings("丁") == ()
    assert any(v.startswith("ding") for v in polyphone_variants("丁丁"))
    assert polyphone_variants("丁思远", True) == ("ding sai yuan",)
    assert person_score("丁思遠", "MING SUAN ZHANG") < DEFAULT_THRESHOLD


def test_a_reading_whose_first_word_analysis_drops_is_no_reading() -> None:
    # 田 read *kari*, a title to analysis: *mune* would match alone
    assert not any(v.startswith("kari ") for v in name_variants("田宗", "Person"))
    assert person_score("田宗", "MUNE") < DEFAULT_THRESHOLD
    assert "i to ko" not in name_variants("伊藤浩", "Person")
    # (a word dropped inside a reading still joins its neighbour: do an ~ Doan)
    assert "do an ritsu" in name_variants("堂安律", "Person")
    assert person_score("堂安律", "Ritsu Doan") >= DEFAULT_THRESHOLD
