"""A name written as Chinese names are (a common family name and a given name
of one or two characters) is a person's full name: it does not alert on a
one-word alias of a stranger read as a transcription or in Japanese, on an
Arabic or Hebrew original by its consonants, on a name of more syllables, or
on one listed word its family name and given name are joined into (issue 11,
customer files of Chinese people in characters)."""

from __future__ import annotations

from tests.match.pairs import person_score

from thaw.index.entry import Entry, entry_from_record
from thaw.match import DEFAULT_THRESHOLD, Query, score
from thaw.match.spelling import known_by_one_word, longer_by_syllables
from thaw.model import Name, NameKind, Record
from thaw.text import AnalyzedName, analyze_name


def _listing(*names: tuple[str, NameKind]) -> Entry:
    return entry_from_record(
        Record("t", "1", "Person", names=[Name(value, kind) for value, kind in names])
    )


def _score(query: str, entry: Entry) -> float:
    return score(Query(query, "Person"), entry).score


def _names(*pairs: tuple[str, str]) -> tuple[tuple[AnalyzedName, str], ...]:
    return tuple((analyze_name(n, "Person"), kind) for n, kind in pairs)


def test_a_listing_is_known_by_one_word_when_its_primary_names_are() -> None:
    assert known_by_one_word(_names(("Reding", "primary")))
    assert known_by_one_word(_names(("Walijan", "primary"), ("Walijan Khan", "weak")))
    assert not known_by_one_word(
        _names(("Fazul Abdullah MOHAMMED", "primary"), ("HAROON", "alias"))
    )
    # without a primary name in Latin letters, the names that are not weak
    assert not known_by_one_word(_names(("Ahmad Jannati", "alias"), ("Kiko", "weak")))


def test_a_chinese_full_name_is_no_transcribed_alias_of_a_longer_name() -> None:
    aliased = _listing(("Fazul Abdullah MOHAMMED", "primary"), ("HAROON", "alias"))
    assert _score("黄龙", aliased) < DEFAULT_THRESHOLD
    nicknamed = _listing(("Redendo Cain DELLOSA", "primary"), ("Dodong", "weak"))
    assert _score("董彤", nicknamed) < DEFAULT_THRESHOLD
    # a listing known by that one word may still be transcribed so
    assert person_score("雷丁", "Reding") >= DEFAULT_THRESHOLD
    # and a foreign name written in characters as no Chinese name is still is
    assert person_score("奥巴马", "Barack Obama") >= DEFAULT_THRESHOLD


def test_a_chinese_full_name_is_no_japanese_reading_of_a_longer_names_alias() -> None:
    aliased = _listing(("Fabio Enrique OCHOA VASCO", "primary"), ("KIKO", "weak"))
    assert _score("黄宏", aliased) < DEFAULT_THRESHOLD
    aliased = _listing(("Mehrdad OMIDI", "primary"), ("REZA", "alias"))
    assert _score("李作", aliased) < DEFAULT_THRESHOLD
    # a surname alone is still spelt whole in Japanese
    assert person_score("高輪", "Takanawa") >= DEFAULT_THRESHOLD


def test_a_chinese_reading_is_not_compared_with_an_abjad_name_by_consonants() -> None:
    listed = _listing(("Ahmad JANNATI", "primary"), ("احمد جنتی", "original"))
    assert _score("吴坚泰", listed) < DEFAULT_THRESHOLD
    # the listing's Latin name is compared as usual
    assert _score("Ahmad Jannati", listed) >= DEFAULT_THRESHOLD


def test_a_two_character_name_does_not_cover_a_name_of_more_syllables() -> None:
    name = analyze_name("HO, Yong Il", "Person")
    assert longer_by_syllables(name, 2)
    assert not longer_by_syllables(name, 3)
    # a word of more syllables is no name written a syllable a word
    assert not longer_by_syllables(analyze_name("Wunna Maung Lwin", "Person"), 2)
    for original, latin in (
        ("胡龍", "HO, Yong Il"),
        ("林伟", "WEI, Lin Na"),
        ("韓权", "HAN, Kwon U"),
    ):
        assert person_score(original, latin) < DEFAULT_THRESHOLD, (original, latin)
    # its own two syllables still match
    assert person_score("王振", "Wang Zhen") >= DEFAULT_THRESHOLD
    assert person_score("李安", "LI, An") >= DEFAULT_THRESHOLD


def test_a_family_name_and_given_name_are_not_joined_into_one_listed_word() -> None:
    for original, primary in (("马資貞", "Mazen GHASHIM"), ("刘谋", "Seka BALUKU")):
        listed = _listing((primary, "primary"), ("Lumu", "weak"))
        assert _score(original, listed) < DEFAULT_THRESHOLD, original
    # nor, once that name is passed over, is the listing's one-word alias
    # read whole as a transcription: the listing is still known by more
    listed = _listing(("Hamdullah SUNANI", "primary"), ("Sanani", "alias"))
    assert _score("孙彦娥", listed) < DEFAULT_THRESHOLD
    # the given name's characters are one listed word as ever
    assert person_score("陈銘富", "CHEN, Mingfu") >= DEFAULT_THRESHOLD


def test_a_reading_of_a_chinese_name_aligned_in_part_is_a_part_of_the_name() -> None:
    # a reading of another sound of a polyphone (陈秀和 *chen xiu hu*) is the
    # name's syllables as the characters are: two of three align only in part
    for original, latin in (("陈秀和", "TE, Ho Chun"), ("許長云", "YUN, Cheng")):
        assert person_score(original, latin) < DEFAULT_THRESHOLD, original
    assert person_score("刘晓波", "Liu Xiaobo") >= DEFAULT_THRESHOLD


def test_a_listed_name_with_a_number_is_not_a_whole_korean_name() -> None:
    # two characters written as a Chinese name is are read as hanja only for
    # a whole Korean name: a vessel's number is a part no reading spells
    vessel = entry_from_record(
        Record("t", "1", "Vessel", names=[Name("SAM JONG 1"), Name("YU_JONG_1", "alias")])
    )
    assert score(Query("黎晶"), vessel).score < DEFAULT_THRESHOLD
    assert person_score("崔賢", "Choe Hyon") >= DEFAULT_THRESHOLD
