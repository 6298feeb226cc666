"""Japanese names in kanji against their romaji (issue 11, 1: "a kanji name
against its romaji reading scores 0.0"), and different people with a name in
common that must stay apart."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from tests.match.pairs import person_score

from thaw.match import DEFAULT_THRESHOLD

NEGATIVES = Path(__file__).resolve().parents[1] / "fixtures" / "text" / "japanese_negatives.csv"
#: The negatives whose Latin names differ by one letter (加藤 *Kato* ~ *Sato*):
#: the Latin matcher forgives that as a misspelling in any script.
TYPO = "one letter apart in Latin"


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        ("本田宗一郎", "Soichiro Honda"),
        ("宮崎駿", "Hayao Miyazaki"),
        ("鈴木章", "Akira Suzuki"),
        ("大村智", "Satoshi Omura"),
        ("湯川秀樹", "Hideki Yukawa"),
        ("坂本龍一", "Ryuichi Sakamoto"),
        ("橋本龍太郎", "Ryutaro Hashimoto"),
        ("山中伸弥", "Shinya Yamanaka"),
        ("大谷翔平", "Shohei Ohtani"),  # a long vowel written oh
        ("真鍋淑郎", "Syukuro Manabe"),  # Kunrei-shiki
        ("服部", "HATTORI"),  # sokuon
        ("小鳥遊", "Takanashi"),  # a name its characters do not spell
        # a word of one vowel run written by two characters (土井 do-i)
        ("土井隆雄", "Takao Doi"),
        ("土井たか子", "Doi Takako"),
    ],
)
def test_kanji_names_match_their_romaji(original: str, latin: str) -> None:
    assert person_score(original, latin) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        ("佐々木希", "Nozomi Sasaki"),
        ("佐々木 朗希", "Roki Sasaki"),
        ("野々村 真", "Makoto Nonomura"),
    ],
)
def test_an_iteration_mark_repeats_the_character_before_it(original: str, latin: str) -> None:
    # 々 writes the character before it again (佐々木 is 佐佐木): read as that
    # character, not dropped, so that the name's characters still spell it
    assert person_score(original, latin) >= DEFAULT_THRESHOLD
    assert person_score(original, "Nozomi Suzuki") < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        ("髙橋一郎", "Ichiro Takahashi"),
        ("𠮷田沙保里", "Saori Yoshida"),
        ("栁田大輝", "Hiroki Yanagita"),
    ],
)
def test_a_variant_form_reads_as_its_standard_character(original: str, latin: str) -> None:
    # a family name registered in a variant form (髙 for 高, 𠮷 for 吉, 栁 for
    # 柳), which the dictionaries give no name reading, reads as the
    # standard character
    assert person_score(original, latin) >= DEFAULT_THRESHOLD
    assert person_score(original, "Ichiro Tanaka") < DEFAULT_THRESHOLD


def test_different_people_stay_apart() -> None:
    with NEGATIVES.open(newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["kind"] != TYPO]
    assert len(rows) >= 100
    assert {r["kind"] for r in rows} == {
        "same family name",
        "same given name",
        "one character or syllable apart",
    }
    alerts = [
        (r["original"], r["latin"])
        for r in rows
        if person_score(r["original"], r["latin"]) >= DEFAULT_THRESHOLD
    ]
    assert alerts == []
    assert person_score("山田太郎", "Yamada Hanako") < DEFAULT_THRESHOLD
