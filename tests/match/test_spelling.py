"""match.spelling: names in Chinese characters or Hangul against Latin names
cut into the characters' spellings."""

from __future__ import annotations

from collections.abc import Sequence

from thaw.index.entry import Entry, entry_from_record
from thaw.match import DEFAULT_THRESHOLD, Query, score
from thaw.match.config import MatchConfig
from thaw.match.spelling import best_assignment, fold_word, spans
from thaw.model import Name, Record
from thaw.text import japanese
from thaw.text.spellings import Edge

#: A made-up language: each character's spellings.
_TABLE = {
    "甲": ("ka", "kap"),
    "乙": ("o", "ul"),
    "丙": ("pyong", "byeong"),
    "丁": ("jong", "chong"),
}


def _edges(word: str) -> Sequence[Edge]:
    return [(i, i + 1, _TABLE.get(ch, ())) for i, ch in enumerate(word)]


def _person(*names: str) -> Entry:
    return entry_from_record(Record("t", "1", "Person", names=[Name(n) for n in names]))


def test_fold_word_keeps_letters_only() -> None:
    assert fold_word("Ch'oe") == "choe"
    assert fold_word("Jae-myung") == "jaemyung"


def test_spans_cut_listed_words_into_spellings() -> None:
    chars = "甲乙丙"
    found = spans(chars, ((0, 3),), _edges, ["kao", "byeong"])
    runs = {(s.start, s.end, s.first, s.last) for s in found}
    assert (0, 2, 0, 0) in runs  # 甲乙 spells 'kao'
    assert (2, 3, 1, 1) in runs  # 丙 spells 'byeong'
    # two listed words written by one run: 'kao byeong' joined
    assert (0, 3, 0, 1) in runs
    parts = next(s.parts for s in found if (s.start, s.end) == (0, 2))
    assert parts == (("甲", "ka"), ("乙", "o"))


def test_a_spelling_never_crosses_a_listed_word_boundary() -> None:
    chars = "甲乙"
    # 'kap' + 'ul' = 'kapul', but split as 'ka' | 'pul' no character spells 'pul'
    assert not [s for s in spans(chars, ((0, 2),), _edges, ["ka", "pul"]) if s.last == 1]


def test_runs_stay_inside_a_word_of_the_original() -> None:
    chars = "甲乙"
    assert not spans(chars, ((0, 1), (1, 2)), _edges, ["kao"])


def test_best_assignment_explains_most_characters_in_any_order() -> None:
    chars = "甲丙丁"
    # listed family name last: 'Byeong-jong KA'
    found = spans(chars, ((0, 3),), _edges, ["byeong", "jong", "ka"])
    chosen = best_assignment(len(chars), found)
    assert chosen is not None
    assert (chosen.chars, chosen.words) == (3, 3)
    # each listed word with its own characters where they can be told apart
    assert len(chosen.runs) == 3


def test_best_assignment_of_nothing_is_none() -> None:
    assert best_assignment(2, []) is None


def test_kanji_against_their_readings_spelt_in_latin_letters() -> None:
    listed = _person("Ryuichi SAKAMOTO")
    result = score(Query("坂本龍一", "Person"), listed)
    assert result.score >= DEFAULT_THRESHOLD
    assert "spelt in Latin letters: 坂本 as 'sakamoto' (坂 saka, 本 moto)" in result.explanation
    assert any(e.feature == "spelling" and e.contribution < 0 for e in result.evidence)


def test_both_ways_round() -> None:
    forward = score(Query("坂本龍一", "Person"), _person("Ryuichi Sakamoto")).score
    backward = score(Query("Ryuichi Sakamoto", "Person"), _person("坂本龍一")).score
    assert forward == backward >= DEFAULT_THRESHOLD


def test_one_character_off_stays_apart() -> None:
    # the given name differs: only the family name is spelt
    assert score(Query("坂本龍二", "Person"), _person("Ryuichi Sakamoto")).score < DEFAULT_THRESHOLD
    assert score(Query("山田太郎", "Person"), _person("Hanako Yamada")).score < DEFAULT_THRESHOLD


def test_only_names_of_persons_or_of_no_stated_kind() -> None:
    company = entry_from_record(Record("t", "2", "Company", names=[Name("Sakamoto Ryuichi")]))
    assert score(Query("坂本龍一", "Company"), company).score < DEFAULT_THRESHOLD


def test_no_place_or_generic_word_of_an_organisation_is_spelt() -> None:
    # 芳 and 龚 may be spelt hong and kong, but Hong Kong is a place here
    company = entry_from_record(
        Record("t", "3", "LegalEntity", names=[Name("Hong Kong Energy Technology Co.")])
    )
    assert score(Query("芳 龚"), company).score < DEFAULT_THRESHOLD
    assert score(Query("芳龚", "Person"), company).score < DEFAULT_THRESHOLD
    # a person's name of the same words is spelt
    assert score(Query("龚芳", "Person"), _person("Kong Hong")).score >= DEFAULT_THRESHOLD


def test_weight_zero_switches_it_off() -> None:
    off = MatchConfig(weights={"spelling": 0.0})
    assert score(Query("坂本龍一", "Person"), _person("Ryuichi Sakamoto"), config=off).score < 0.5


def test_a_latin_query_never_pays_for_it() -> None:
    # two Latin names: no spelling evidence, the same score as before
    result = score(Query("Ryuichi Sakamoto", "Person"), _person("Ryuichi Sakamoto"))
    assert all(e.feature != "spelling" for e in result.evidence)


def test_runs_of_a_later_word_are_placed_where_that_word_stands() -> None:
    # (the runs are found per word and remembered per word: a word's runs are
    # the same wherever it stands, only placed after the words before it)
    alone = {(s.start, s.end, s.first, s.last) for s in spans("丙", ((0, 1),), _edges, ["byeong"])}
    later = {
        (s.start, s.end, s.first, s.last)
        for s in spans("甲乙丙", ((0, 2), (2, 3)), _edges, ["kao", "byeong"])
    }
    assert alone == {(0, 1, 0, 0)}
    assert later == {(0, 2, 0, 0), (2, 3, 1, 1)}


def test_a_latin_name_is_read_afresh_when_another_takes_its_place() -> None:
    # (its words are remembered by the name's identity, the name kept beside them)
    from thaw.match.spelling import _latin_words
    from thaw.text import analyze_name

    first = _latin_words(analyze_name("Kao Byeong", "Person"))
    second = _latin_words(analyze_name("Kap Jong", "Person"))
    assert first is not None and first[0] == ["kao", "byeong"]
    assert second is not None and second[0] == ["kap", "jong"]
    assert _latin_words(analyze_name("金正恩", "Person")) is None


def test_a_foreign_name_in_cyrillic_spelt_by_its_sounds() -> None:
    # an English w and tch, Mc, a French oi and eau: no romanisation of the
    # Cyrillic letters reaches these spellings
    for original, latin in (
        ("Уотчетт", "Watchett"),
        ("Делькруа", "Delcroix"),
        ("Лебо", "Lebeau"),
        ("Пол Уилан", "Paul Whelan"),
    ):
        result = score(Query(original, "Person"), _person(latin))
        assert result.score >= DEFAULT_THRESHOLD, (original, latin)
        assert any(e.feature == "spelling" for e in result.evidence)


def test_a_given_name_of_the_same_name_item_beside_a_spelt_surname() -> None:
    # Майкл is Michael by rigour's name items, whose spelling no convention
    # gives; Макфол is spelt
    result = score(Query("Майкл Макфол", "Person"), _person("Michael McFaul"))
    assert result.score >= DEFAULT_THRESHOLD
    assert score(Query("Майкл Макфол", "Person"), _person("Michael Flynn")).score < 0.5


def test_a_cyrillic_word_is_spelt_whole_and_other_names_stay_apart() -> None:
    for original, latin in (
        ("Джорджо Наполитано", "Giorgio Napoli"),
        ("Лебо", "Leblanc"),
        ("Делькруа", "Delacroix"),
        ("Уотсон", "Watkins"),
    ):
        assert score(Query(original, "Person"), _person(latin)).score < DEFAULT_THRESHOLD


def test_a_russian_name_is_not_spelt() -> None:
    # (read by its romanisation; a Slavic surname keeps the comparison off)
    result = score(Query("Наталья Шевченко", "Person"), _person("Natalia Savchenko"))
    assert all(e.feature != "spelling" for e in result.evidence)


def test_letters_spelt_as_nothing_may_end_a_word() -> None:
    # the Georgian nominative ending of a name in a consonant (ბაიდენი
    # *Biden*) is spelt as nothing, after the whole Latin word
    result = score(Query("ჯო ბაიდენი", "Person"), _person("Joe Biden"))
    assert result.score >= DEFAULT_THRESHOLD
    assert score(Query("ჯო ბაიდენი", "Person"), _person("Hunter Biden")).score < 0.5


def test_a_chinese_name_is_not_one_japanese_word_of_a_longer_name() -> None:
    # a family name and a given name, read in Japanese, would spell one Latin
    # word: 黄岩 ko-gan, 李子宸 i-go-shin; not a part of another person's name
    for original, latin in (
        ("黄岩", "Alexander Kogan"),
        ("李子宸", "Igor IGOSHIN"),
        ("龔莉", "Yuri Napso"),
        ("孟惠敏", "Mustafa MOHEBI"),
    ):
        assert score(Query(original, "Person"), _person(latin)).score < DEFAULT_THRESHOLD
        assert score(Query(latin, "Person"), _person(original)).score < DEFAULT_THRESHOLD


def test_a_name_written_as_chinese_still_spells_a_whole_latin_name_and_its_parts() -> None:
    # a surname alone (one word against one word), and a Japanese name whose
    # family name begins with a Chinese family name's character
    for original, latin in (("高輪", "Takanawa"), ("石川遼", "Ryo Ishikawa")):
        assert score(Query(original, "Person"), _person(latin)).score >= DEFAULT_THRESHOLD
    assert spans("黄岩", ((0, 2),), japanese.kanji_edges, ["kogan"])
    assert not spans("黄岩", ((0, 2),), japanese.kanji_edges, ["alexander", "kogan"])
    # (a name that is not written as Chinese names are still is: 岩黄 iwa-ki)
    assert spans("岩黄", ((0, 2),), japanese.kanji_edges, ["alexander", "iwaki"])


def test_two_characters_written_as_chinese_are_hanja_only_as_a_whole_korean_name() -> None:
    # 黎晶 is a Chinese name: as hanja (려정, Yo Jong) only the whole of a
    # Korean name, not two words of Kim Yo Jong's
    assert score(Query("黎晶", "Person"), _person("KIM, Yo Jong")).score < DEFAULT_THRESHOLD
    assert score(Query("崔賢", "Person"), _person("Choe Hyon")).score >= DEFAULT_THRESHOLD
