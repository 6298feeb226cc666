"""Mandarin syllables in Gwoyeu Romatzyh (Taiwanese names: Ma Ying-jeou)."""

from __future__ import annotations

import pytest

from thaw.text.gwoyeu import gwoyeu


@pytest.mark.parametrize(
    ("pinyin", "tone", "spelt"),
    [
        # tone 1: the basic form; after m n l r an h
        ("ying", 1, "ing"),  # 英 (Tsai Ing-wen)
        ("zhong", 1, "jong"),
        ("zeng", 1, "tzeng"),
        ("jun", 1, "jiun"),  # ü is iu
        ("dun", 1, "duen"),
        ("ma", 1, "mha"),
        # tone 2: i and u as y and w, else r after the vowels
        ("xi", 2, "shyi"),  # 錫 (Yu Shyi-kun)
        ("wen", 2, "wen"),
        ("guo", 2, "gwo"),
        ("hua", 2, "hwa"),
        ("ying", 2, "yng"),
        ("shi", 2, "shyr"),
        ("tai", 2, "tair"),
        ("chen", 2, "chern"),
        ("er", 2, "erl"),
        ("ma", 2, "ma"),  # (m n l r: the basic form)
        # tone 3: a vowel doubled, or i and u as e and o
        ("jiu", 3, "jeou"),  # 九 (Ma Ying-jeou)
        ("ma", 3, "maa"),
        ("hao", 3, "hao"),
        ("ai", 3, "ae"),
        ("zi", 3, "tzyy"),
        ("lv", 3, "leu"),
        ("yi", 3, "yii"),
        ("you", 3, "yeou"),
        ("wan", 3, "woan"),
        # tone 4: the ending changes, or an h
        ("yi", 4, "yih"),  # 義 (Wu Den-yih)
        ("dao", 4, "daw"),
        ("ban", 4, "bann"),
        ("jing", 4, "jinq"),
        ("jiu", 4, "jiow"),
        ("qu", 4, "chiuh"),  # (ü's u is no ending)
        ("wei", 4, "wey"),
        ("yue", 4, "yueh"),
        # the neutral tone: the basic form
        ("de", 5, "de"),
    ],
)
def test_gwoyeu(pinyin: str, tone: int, spelt: str) -> None:
    assert gwoyeu(pinyin, tone) == spelt


def test_a_syllable_that_is_no_pinyin_has_no_spelling() -> None:
    assert gwoyeu("xyz", 1) == ""
    assert gwoyeu("", 0) == ""
