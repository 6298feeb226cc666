"""A Chinese character that spells a listed word alone with the usual spelling
of another family's name, through a reading few give it (the spelling
feature's ``rare_reading``, :func:`thaw.match.han_latin.rare_reading`): 子 is
*Li* only in a Hokkien reading, 周 *Su* only in a Japanese name reading; a
Hokkien spelling in a name spelt in Hokkien throughout, or a Korean one in a
Korean name written in Chinese characters, or a Japanese one in a name read
as Japanese names are throughout, is the usual one."""

from __future__ import annotations

import pytest

from thaw.index.entry import name_entry
from thaw.match import DEFAULT_THRESHOLD, Query, score
from thaw.match.han_latin import family_spellings, rare_reading


@pytest.mark.parametrize(
    ("query", "listed", "schema"),
    [
        ("斌 周", "Su Bin", "LegalEntity"),  # 0.94 before: 周 su
        ("子豪 陳", "Hao Li Chen", "LegalEntity"),  # 0.94 before: 子 li
    ],
)
def test_a_rare_reading_spelling_another_family_name_does_not_alert(
    query: str, listed: str, schema: str
) -> None:
    result = score(Query(query), name_entry(listed, schema))
    assert result.score < DEFAULT_THRESHOLD, result.explanation
    assert "only in a reading few give it" in result.explanation


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("斌 周", "Zhou Bin"),
        ("子豪 陳", "Chen Tzu-hao"),  # Wade-Giles
        ("子豪 陳", "Tan Chee Ho"),  # Hokkien: 陳 Tan as a family name, 子 chee
        ("光耀 李", "Lee Kuan Yew"),
        ("陈蔚强", "Tan Wee Kiong"),  # Hokkien throughout: 蔚 Wee
        ("郭芳枫", "Kwek Hong Png"),
        ("李會昌", "Lee Hoi-chang"),  # Korean throughout: 會 hoi
        ("張成澤", "Jang Song Thaek"),  # 成 song
        ("柳寬順", "Yu Gwan-sun"),  # 柳 yu
        ("王健一", "Kenichi Oh"),  # Japanese throughout: 王 oh, 健 ken (0.56 before)
    ],
)
def test_usual_spellings_still_alert(query: str, listed: str) -> None:
    assert score(Query(query), name_entry(listed, "Person")).score >= DEFAULT_THRESHOLD


def test_what_counts_as_rare() -> None:
    assert {"lee", "li", "su", "tan", "chan"} <= family_spellings()
    mixed = [("子", "li", (("子", "li"),)), ("陳", "chen", (("陳", "chen"),))]
    assert rare_reading(mixed) == ("子", "li")
    hokkien = [("子", "li", (("子", "li"),)), ("陳", "tan", (("陳", "tan"),))]
    assert rare_reading(hokkien) is None
    korean = [("姜", "kang", (("姜", "kang"),)), ("健", "kon", (("健", "kon"),))]
    assert rare_reading(korean) is None
    assert rare_reading([("周", "su", (("周", "su"),))]) == ("周", "su")
    japanese = [("王", "oh", (("王", "oh"),)), ("健一", "kenichi", (("健", "ken"), ("一", "ichi")))]
    assert rare_reading(japanese) is None
    # 斌 is *bin* in Japanese too, but so in Mandarin: no sign of a Japanese name
    assert rare_reading([("周", "su", (("周", "su"),)), ("斌", "bin", (("斌", "bin"),))]) == (
        "周",
        "su",
    )
    # the character's own usual spellings, and a run of two characters, are not
    assert rare_reading([("陳", "tan", (("陳", "tan"),))]) is None
    assert rare_reading([("李", "lee", (("李", "lee"),))]) is None
    assert rare_reading([("子豪", "lee ho", (("子", "lee"), ("豪", "ho")))]) is None
