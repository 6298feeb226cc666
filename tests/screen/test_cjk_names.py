"""Names in Chinese characters and Hangul screened against listings written only
in Latin letters: a Korean name in hanja, and foreign names transcribed."""

from __future__ import annotations

import pytest

from thaw.index import entry_from_record
from thaw.model import Name, Record
from thaw.screen import Screener


def _person(source_id: str, *names: str) -> Record:
    return Record(
        source="test", source_id=source_id, schema="Person", names=[Name(n) for n in names]
    )


@pytest.fixture(scope="module")
def screener() -> Screener:
    records = [
        _person("kim", "KIM CHOL SAM"),
        _person("jin", "JIN Tiesheng"),  # a Chinese name near the pinyin of 金铁三
        _person("kadyrov", "Ramzan Akhmatovich KADYROV"),
        _person("putin", "Vladimir Vladimirovich PUTIN"),
        _person("haq", "ABDUL HAQ"),
        _person("park", "PAK Chol"),
    ]
    return Screener.from_entries(entry_from_record(r) for r in records)


def _found(screener: Screener, name: str) -> list[str]:
    return [
        listing.source_id
        for hit in screener.screen(name, "Person").hits
        for listing in hit.listings
    ]


def test_korean_name_in_hanja_finds_the_latin_listing(screener: Screener) -> None:
    # 金铁三 is Jin Tiesan in pinyin and Kim Chol Sam in Korean
    assert _found(screener, "金铁三")[:1] == ["kim"]
    assert _found(screener, "Jin Tiesan (金铁三)")[:1] == ["kim"]


def test_transcribed_names_find_the_latin_listing(screener: Screener) -> None:
    assert _found(screener, "블라디미르 푸틴")[:1] == ["putin"]
    assert _found(screener, "람잔 카디로프")[:1] == ["kadyrov"]
    assert _found(screener, "拉姆赞·卡德罗夫")[:1] == ["kadyrov"]
    assert _found(screener, "阿不都·哈克")[:1] == ["haq"]


def test_korean_and_chinese_names_keep_their_syllables(screener: Screener) -> None:
    # no reading makes a Korean name in Hangul, or a Chinese name written
    # apart, meet a listing its syllables do not spell
    assert "putin" not in _found(screener, "박철")
    assert _found(screener, "铁 金") == []


def test_hong_kong_officials_in_characters_find_their_ofac_listings() -> None:
    """OFAC lists Hong Kong's officials (HK-EO13936) under an English name and
    aliases in their Cantonese spellings (us_ofac_sdn:29249, 29242, 30343); a
    customer file in characters, traditional or simplified, finds them
    through those aliases, and Macau's spellings of Cantonese are found too."""
    records = [
        _person("lam", "LAM, Carrie", "LAM CHENG, Yuet-ngor", "LAM CHENG, Carrie Yuet-ngor"),
        _person("tang", "TANG, Chris", "TANG, Ping-keung"),
        _person("li", "LI, Kwai-wah", "LI, Steve Kwai-wah", "LEE, Kwai-wah"),
        _person("leong", "LEONG Sun Iok"),
        _person("lin", "LIN Yuee"),  # 林月娥 in pinyin, not Lam Cheng Yuet-ngor
        _person("deng", "DENG Bingqiang"),
    ]
    screener = Screener.from_entries(entry_from_record(r) for r in records)
    assert _found(screener, "林鄭月娥")[:1] == ["lam"]
    assert _found(screener, "林郑月娥")[:1] == ["lam"]
    assert set(_found(screener, "鄧炳強")) == {"tang", "deng"}  # (its pinyin: Deng Bingqiang)
    assert _found(screener, "李桂華")[:1] == ["li"]
    assert _found(screener, "梁孫旭")[:1] == ["leong"]
