"""Foreign names transcribed into Chinese characters or Hangul, compared with
their Latin spelling sound by sound (issue 11: what a reading cannot restore)."""

from __future__ import annotations

import pytest
from tests.match.pairs import person_score

from thaw.index.entry import Entry, entry_from_record
from thaw.match import DEFAULT_THRESHOLD, MatchConfig, Matcher, Query, score
from thaw.match.transcription import (
    compare,
    han_sounds,
    hangul_sounds,
    latin_sounds,
    substitution,
)
from thaw.model import Name, Record


def _person(*names: str) -> Entry:
    return entry_from_record(Record("t", "1", "Person", names=[Name(n) for n in names]))


def _score(query: str, *listed: str, config: MatchConfig | None = None) -> float:
    return score(Query(query, "Person"), _person(*listed), config=config).score


def _letters(sounds: tuple[object, ...]) -> str:
    return "".join(s.letter for s in sounds)  # type: ignore[attr-defined]


def test_latin_spelling_is_read_as_sounds() -> None:
    # c before e is s, a final silent e goes, doubled letters once
    assert _letters(latin_sounds("candace")) == "kandas"
    # silent k of kn, tch one sound (C: ch)
    assert _letters(latin_sounds("knatchbull")) == "naCbul"
    assert _letters(latin_sounds("chihuahua")) == "Cihuahua"
    # a consonant no vowel follows is a coda, one a vowel follows an onset
    kinds = [s.drop for s in latin_sounds("ersan")]
    assert kinds == ["vowel", "coda_liquid", "onset", "vowel", "coda"]
    assert latin_sounds("o'brien") == ()  # not lower-case letters only


def test_han_syllables_mark_the_consonant_column_weak() -> None:
    sounds = han_sounds("坎迪斯")
    assert _letters(sounds) == "kandisi"
    # 斯 writes s alone: its vowel is no sound of the name
    assert [s.drop for s in sounds if s.syllable == 2] == ["onset", "weak"]
    assert han_sounds("厄森")[0].letter == "e"


def test_hangul_marks_epenthetic_vowels_weak() -> None:
    sounds = hangul_sounds("내치불")
    # 치 writes tch: its ㅣ is epenthetic
    assert [s.drop for s in sounds if s.syllable == 1] == ["onset", "weak"]
    # 트 writes t: its ㅡ is epenthetic; ㄹㄹ across syllables is one l
    assert [s.drop for s in hangul_sounds("트")] == ["onset", "weak"]
    assert _letters(hangul_sounds("릴리")) == "rili"
    assert hangul_sounds("abc") == ()


def test_substitution_costs_follow_the_transcription_classes() -> None:
    assert substitution("l", "r") < substitution("t", "d") < substitution("a", "e")
    assert substitution("k", "k") == 0.0
    assert substitution("m", "s") >= 1.0  # never an explanation


@pytest.mark.parametrize(
    ("word", "latin"),
    [
        ("厄森", "ersan"),  # Mandarin drops the r
        ("契瓦瓦", "chihuahua"),  # 瓦 wa for hua
        ("坎迪斯", "candace"),  # 斯 writes the s alone
        ("韦克拉姆", "wakelam"),  # 克 and 姆 write k and m alone
        ("내치불", "knatchbull"),  # silent k, tch as 치
        ("러켓", "luckett"),  # ㅓ for English u, final ㅅ for t
        ("브레지나", "brezina"),
    ],
)
def test_transcriptions_are_explained(word: str, latin: str) -> None:
    found = compare(word, latin)
    assert found is not None
    assert found.explained >= 0.85, found.describe()


@pytest.mark.parametrize(
    ("word", "latin"),
    [("게이", "donghun"), ("王伟", "smith"), ("坎迪斯", "robertson"), ("내치불", "mason")],
)
def test_other_names_are_not_explained(word: str, latin: str) -> None:
    found = compare(word, latin)
    assert found is None or found.explained < 0.7


def test_the_bound_skips_what_cannot_be_explained() -> None:
    # no alignment is made when the sounds alone rule it out; the answer
    # with the bound agrees with the one without wherever it is given
    assert compare("坎迪斯", "robertson", 0.8) is None
    assert compare("坎迪斯", "candace", 0.8) == compare("坎迪斯", "candace")


def test_the_explanation_shows_each_syllable() -> None:
    found = compare("厄森", "ersan")
    assert found is not None
    assert found.describe() == "厄 e~e(r) 森 sen~san"


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("厄森", "Ersan"),
        ("契瓦瓦", "Chihuahua"),
        ("坎迪斯", "Candace"),
        ("내치불", "Knatchbull"),
        ("丹尼斯·韦克拉姆", "Denise WAKELAM"),
    ],
)
def test_transcribed_names_match(query: str, listed: str) -> None:
    assert _score(query, listed) >= DEFAULT_THRESHOLD


def test_the_feature_explains_and_can_be_switched_off() -> None:
    result = score(Query("厄森", "Person"), _person("Ersan"))
    found = {f.feature: f for f in result.evidence}
    assert "transcription" in found
    assert found["transcription"].contribution == -0.4
    assert "厄 e~e(r) 森 sen~san" in found["transcription"].detail
    off = MatchConfig(weights={"transcription": 0.0})
    assert _score("厄森", "Ersan", config=off) < DEFAULT_THRESHOLD
    stricter = MatchConfig(magnitudes={"transcription.min_explained": 0.99})
    assert _score("厄森", "Ersan", config=stricter) < DEFAULT_THRESHOLD


def test_only_names_of_persons_are_compared_so() -> None:
    company = entry_from_record(Record("t", "2", "Company", names=[Name("Ersan")]))
    assert score(Query("厄森", None), _person("Ersan")).score >= DEFAULT_THRESHOLD
    assert score(Query("厄森", "Company"), company).score < DEFAULT_THRESHOLD


def test_other_people_stay_apart() -> None:
    # same-script homophones are still compared by their characters
    assert _score("王小明", "王晓明") < DEFAULT_THRESHOLD
    assert _score("승위", "성위") < DEFAULT_THRESHOLD
    # a transcription of another name; a one-syllable word is never compared so
    assert _score("坎迪斯", "Robertson") < DEFAULT_THRESHOLD
    assert _score("게이", "Donghun") < DEFAULT_THRESHOLD
    assert _score("米", "Mie") < DEFAULT_THRESHOLD
    # one word of a longer listed name is weak evidence
    assert _score("薩林", "Vladimir Viktorovich SELIN") < 0.8


def test_a_latin_query_never_reaches_the_comparison(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    module = importlib.import_module("thaw.match.score")

    def fail(*_args: object) -> None:
        raise AssertionError("a Latin query was compared as a transcription")

    monkeypatch.setattr(module, "transcribed_best", fail)
    matcher = Matcher()
    assert matcher.score(Query("Ersan", "Person"), _person("厄森", "Someone")).score >= 0
    assert matcher.score(Query("Candace Smith", "Person"), _person("Kandas")).score >= 0


def test_names_shaped_as_korean_or_chinese_names_are_not_transcriptions() -> None:
    from thaw.match.transcription import comparable, korean_shaped, query_words
    from thaw.text import analyze_name

    # a Korean given name (two syllables Chinese characters read) and a
    # Korean full name: their readings compare them, not their sounds
    assert korean_shaped("명훈") and korean_shaped("김정은")
    assert not korean_shaped("러켓") and not korean_shaped("내치불")
    assert _score("명훈", "Mingjun") < DEFAULT_THRESHOLD
    # a Chinese name written apart, as customer files write them
    assert query_words(analyze_name("桂芝 秀兰 孙", "Person")) == []
    words = query_words(analyze_name("丹尼斯·韦克拉姆", "Person"))
    assert [w for w, _run in words] == ["丹尼斯", "韦克拉姆"]
    assert not comparable(query_words(analyze_name("경수 송", "Person")), 2)


def test_a_vowel_digraph_costs_less_than_a_vowel() -> None:
    # Maegan: the e of ae writes no vowel of its own
    assert [s.drop for s in latin_sounds("maegan")][1:3] == ["vowel", "digraph"]
    # Poutanen: ou is one vowel
    found = compare("波塔宁", "poutanen")
    assert found is not None
    assert found.explained >= 0.85, found.describe()


@pytest.mark.parametrize(
    ("written", "latin"), [("厄森", "Ersan"), ("契瓦瓦", "Chihuahua"), ("내치불", "Knatchbull")]
)
def test_a_latin_query_against_a_listed_transcription(written: str, latin: str) -> None:
    """Either way round: the Latin name screened against a listing that
    publishes only the transcription scores as the transcription screened
    against the Latin name, and is explained from the query's side."""
    backward = score(Query(latin, "Person"), _person(written))
    assert backward.score == _score(written, latin) >= DEFAULT_THRESHOLD
    assert f"read as a transcription, {written} as '{latin.lower()}'" in backward.explanation
    # a Latin name transcribed by no listed name stays apart
    assert _score("Candace", written) < DEFAULT_THRESHOLD


def test_a_latin_query_meets_a_listed_transcription_with_spelling_switched_off() -> None:
    """The two comparisons of names in characters are switched off apart:
    with ``spelling`` at weight 0, the transcription still works both ways."""
    off = MatchConfig(weights={"spelling": 0.0})
    assert _score("Knatchbull", "내치불", config=off) == _score("내치불", "Knatchbull")
    assert _score("Knatchbull", "내치불", config=off) >= DEFAULT_THRESHOLD


def test_a_chinese_name_is_not_one_transcribed_word_of_a_longer_name() -> None:
    # a family name and a given name (韓兆, 董勳) are not the transcription of
    # one word of another person's name; alone, such a word may be one (雷丁)
    for original, latin in (("韓兆", "Mohammad KANJO"), ("董勳", "Alexander TORSHIN")):
        assert person_score(original, latin) < DEFAULT_THRESHOLD
        assert person_score(latin, original) < DEFAULT_THRESHOLD
    assert person_score("雷丁", "Reding") >= DEFAULT_THRESHOLD
