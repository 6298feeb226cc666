"""Chinese names in Latin letters, read syllable by syllable (issue 11, the
fourth analyst query set): a word a syllable from a listed one, near in its
letters, is another name (*Zhang Xiaoling* is not *ZHANG Xiaoming*, *Tang* is
not *Zhang*), and so is one syllable of a two-syllable given name written apart
(*Li Kai* is not *LI Kai Shou*, nor *Kim Kwang* *KIM Kwang Yon*); the romanisations of one syllable still agree
(*Hsiang*, *Xiang*; *Chan*, *Chen*)."""

from __future__ import annotations

import pytest

from thaw.index.entry import name_entry
from thaw.match import DEFAULT_THRESHOLD, Query, score
from thaw.match.han_latin import other_reading, other_syllables
from thaw.text.han_syllables import chinese_syllables, reads_as_chinese_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("xiaoling", "xiaoming"),  # 玲 ling, 明 ming
        ("tang", "zhang"),
        ("bingxian", "bingxuan"),  # a vowel, in pinyin itself
        ("zonghua", "zhonghua"),
        ("yingjun", "yingjie"),
    ],
)
def test_other_syllables_are_told_apart(a: str, b: str) -> None:
    assert other_syllables(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hsiang", "xiang"),  # Wade-Giles and pinyin of 祥
        ("chan", "chen"),  # Cantonese and Mandarin of 陳
        ("cheung", "zhang"),
        ("tung", "dong"),
        ("tsai", "cai"),
        ("keung", "jiang"),
        ("jensen", "jansen"),  # a vowel outside pinyin: a spelling
        ("jinpng", "jinping"),  # a letter dropped: no count of syllables in common
    ],
)
def test_spellings_of_the_same_syllables_are_not(a: str, b: str) -> None:
    assert not other_syllables(a, b)


def test_a_word_cuts_into_its_syllables() -> None:
    (cut,) = [c for c in chinese_syllables("xiaoming") if len(c) == 2]
    assert "xiao" in cut[0] and "ming" in cut[1]
    assert not chinese_syllables("smith")
    assert reads_as_chinese_name(("zhang", "xiaoming"))
    assert reads_as_chinese_name(("li", "kai", "shou"))
    assert not reads_as_chinese_name(("john", "smith"))
    assert not reads_as_chinese_name(("xiaoming",))


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zhang Xiaoling", "ZHANG, Xiaoming"),  # was 0.84
        ("Tang Ping Keung", "ZHANG, Jiang Ping"),  # was 0.83
        ("Ji Bingxian", "JI, Bingxuan"),  # was 0.94
        ("王晓明", "Wang Xiaoping"),  # was 0.82
        ("张晓玲", "ZHANG, Xiaoming"),  # was 0.82
    ],
)
def test_a_syllable_apart_is_another_person(query: str, listed: str) -> None:
    result = score(Query(query), name_entry(listed, "Person"))
    assert result.score < DEFAULT_THRESHOLD, result.explanation
    assert "other Chinese syllables" in result.explanation


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Li Kai", "LI, Kai Shou"),  # was 0.89
        ("Wong Chi", "WONG, Moon Chi"),  # was 0.91
        ("Li Wei", "LI Fang Wei"),  # was 0.89
        ("Kim Kwang", "KIM, Kwang Yon"),  # Korean (was 0.89)
        ("Son Mun", "SON MUN SAN"),  # was 0.91
        ("Jang Su", "JANG BOM SU"),  # was 0.86
        ("明 张", "MING SUAN ZHANG"),  # in characters (was 0.89)
        ("华 江", "PAO, Hua Chiang"),  # 江 the family name: not PAO's given name (0.87)
    ],
)
def test_two_syllables_of_a_three_syllable_name_are_another_person(query: str, listed: str) -> None:
    result = score(Query(query), name_entry(listed, "Person"))
    assert result.score < DEFAULT_THRESHOLD, result.explanation
    assert "Chinese or Korean name of three" in result.explanation


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Xiaoming Zhang", "ZHANG, Xiaoming"),
        ("Zhang Xiao Ming", "ZHANG, Xiaoming"),
        ("Li Kaishou", "LI, Kai Shou"),
        ("Kim Jong-un", "KIM, Jong Un"),
        ("Jong Un Kim", "KIM Jong Un"),
        ("Jong Un", "KIM Jong Un"),  # the given name alone is no half of it
        ("Kai Shou", "LI, Kai Shou"),
        ("正恩", "KIM, Jong Un"),  # a given name alone, in characters
        ("Chen Mei-Hsiang", "CHEN, Mei Hsiang"),
        ("Hsiao Ping Teng", "DENG Xiaoping"),
        ("Jensen Huang", "Jansen Huang"),
        ("张晓明", "ZHANG, Xiaoming"),
        ("黄家定", "Ong Ka Ting"),  # a family name's dialect spelling
        ("陈江和", "Tan Kang Hoo"),  # Hokkien, against a polyphone's reading chen jiang hu
        ("金泳三", "Kim Young-sam"),  # read as Korean: no Chinese syllables
    ],
)
def test_the_same_name_written_otherwise_still_matches(query: str, listed: str) -> None:
    result = score(Query(query), name_entry(listed, "Person"))
    assert result.score >= DEFAULT_THRESHOLD, result.explanation
    assert "Chinese syllables" not in result.explanation
    assert "name of three" not in result.explanation


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("董貞", "CHEN, Dong"),  # Dong Zhen: was 0.94
        ("罗楚", "CHU, Na"),  # Luo Chu: was 0.95
    ],
)
def test_a_family_name_crossed_with_a_given_name_is_another_person(query: str, listed: str) -> None:
    result = score(Query(query, "Person"), name_entry(listed, "Person"))
    assert result.score < DEFAULT_THRESHOLD, result.explanation
    assert "family name aligns with a listed given name" in result.explanation


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("习近平", "XI, Jinping"),
        ("习近平", "Jinping XI"),
        ("王振", "WANG, Chen"),
        ("张晓明", "Xiaoming ZHANG"),
        ("金铁三", "Jin TIESAN"),  # capitals do not say which is the family name
    ],
)
def test_a_family_name_in_its_place_is_not_crossed(query: str, listed: str) -> None:
    result = score(Query(query, "Person"), name_entry(listed, "Person"))
    assert result.score >= DEFAULT_THRESHOLD, result.explanation


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("仑计划", "Ling Jihua"),  # read *lun ji huai*: was 0.87
        # run together, 江錫平 reads *jiangsiping*, a letter or two from *Jiang Zeping*
        ("江錫平", "JIANG, Zeping"),
        ("江錫民", "Jiang Zemin"),  # was 0.76
    ],
)
def test_a_character_read_otherwise_is_another_person(query: str, listed: str) -> None:
    result = score(Query(query), name_entry(listed, "Person"))
    assert result.score < DEFAULT_THRESHOLD, result.explanation
    assert "other Chinese syllables" in result.explanation


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("令建国", "LING, Jianguo"),
        ("江泽平", "JIANG, Zeping"),
        ("江泽民", "Zemin Jiang"),
        ("侯友宜", "Hou Yu-ih"),  # run together, a spelling no table gives
        ("王雪紅", "Wang Hsueh-hung"),
        ("林明", "LIM, Min"),  # a final a dialect writes otherwise
        ("王赓武", "Wang Gungwu"),
    ],
)
def test_a_character_spelt_otherwise_still_matches(query: str, listed: str) -> None:
    result = score(Query(query), name_entry(listed, "Person"))
    assert result.score >= DEFAULT_THRESHOLD, result.explanation
    assert "Chinese syllables" not in result.explanation


def test_a_character_is_read_as_itself() -> None:
    # 仑 is lun: Cantonese spells 鄰 (lin) *lun* and 拎 (lin) *ling*, yet 仑 is not 令
    assert other_reading(("仑",), "ling")
    assert not other_reading(("令",), "ling")
    assert not other_reading(("陳",), "chan")  # Cantonese for chen
    assert other_reading(("錫", "民"), "zemin")
    assert not other_reading(("泽", "民"), "zemin")
    assert not other_reading(("友", "宜"), "yuih")  # no cut into two syllables: not told


def test_a_japanese_reading_of_a_chinese_name_is_no_match() -> None:
    # 老舍; was 0.73 read as *yu sha*
    result = score(Query("雄舍", "Person"), name_entry("Lao She", "Person"))
    assert result.score < DEFAULT_THRESHOLD, result.explanation


# One policy for a Chinese name in characters against a listed name that writes
# its given name otherwise (xs13): the family name alone is no match (趙小蘭 ~
# *Chao*); initials that are the given syllables' initials are evidence, as
# they are between Latin names (*J. J. Smith* ~ *John James Smith*); a Western
# given name is no evidence for or against, so the name rests on its family
# name, which alone is no match; beside the given name it costs nothing.
@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("林俊杰", "JJ Lin"),  # 俊 jun, 杰 jie
        ("林俊杰", "Lin J.J."),
        ("董建華", "JH Dong"),  # 建 jian, 華 hua
        # initials of another romanisation's spellings (xs14)
        ("董建華", "CH Tung"),  # 建 chien (Wade-Giles): was 0.21
        ("林俊杰", "CK Lam"),  # 俊 chun, 杰 kit (Cantonese): was 0.19
        ("林俊杰", "JK Lin"),  # 杰 kit: was 0.80, through the Korean reading only
        ("梁振英", "CY Leung"),  # 振 chun (Cantonese), two initials in one word: was 0.08
        ("梁振英", "C.Y. Leung"),  # y no conjunction beside an initial: was 0.11
        ("馬英九", "YJ Ma"),  # 九 jiu: was 0.05
        ("馬英九", "Y.J. Ma"),  # was 0.44
        ("李光耀", "KY Lee"),  # 光 kuang: was 0.05
        ("趙小蘭", "Elaine Chao Hsiao-lan"),  # the Western name beside the Chinese one
    ],
)
def test_given_syllables_initials_are_evidence(query: str, listed: str) -> None:
    assert score(Query(query, "Person"), name_entry(listed, "Person")).score >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("林俊杰", "JX Lin"),  # 杰 is no x
        ("林俊杰", "JY Lin"),  # nor is it y in any spelling
        ("董建華", "CT Tung"),  # 華 is hua, hwa, wah ...: no t
        ("燕 黄", "U Yan Kyaw"),  # 黄 Hokkien Ui, but a vowel is no initial of another spelling
        ("林俊杰", "J Lin"),  # one initial for two syllables
        ("林俊杰", "Lin"),
        ("趙小蘭", "Chao"),
        ("趙小蘭", "Elaine Chao"),  # the family name, and a name the characters do not write
        ("林俊杰", "John Lin"),
    ],
)
def test_a_family_name_alone_is_no_match(query: str, listed: str) -> None:
    assert score(Query(query, "Person"), name_entry(listed, "Person")).score < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Teh (鄭 in Hokkien) was dropped as the prefix The, which it folds to
        ("鄭鴻標", "Teh Hong Piow"),
        ("Teh Hong Piow", "鄭鴻標"),
        ("鄭文", "Teh Boon"),
        # 柯 kē: Gwoyeu Romatzyh writes the er of tone 2 only (德 dé, Der);
        # Taiwanese passports write it in any tone
        ("柯建銘", "Ker Chien-ming"),
        ("Ker Chien-ming", "柯建銘"),
        ("柯文哲", "Ker Wen-jer"),
    ],
)
def test_family_names_as_their_holders_spell_them(query: str, listed: str) -> None:
    result = score(Query(query, schema="Person"), name_entry(listed, "Person"))
    assert result.score >= DEFAULT_THRESHOLD, result.explanation
