"""match.korean: Korean names in Latin letters compared syllable by syllable."""

from __future__ import annotations

import pytest

from thaw.index.entry import Entry, entry_from_record
from thaw.match import DEFAULT_THRESHOLD, Query, score
from thaw.match.korean import korean_readings
from thaw.model import Name, Record
from thaw.text import analyze_name


def _person(*names: str) -> Entry:
    return entry_from_record(Record("t", "1", "Person", names=[Name(n) for n in names]))


def _score(query: str, listed: str) -> float:
    return score(Query(query, "Person"), _person(listed)).score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # one name in two systems: letters far apart, syllables the same
        ("Gyeong-su Seo", "SO Kyong Su"),  # 서경수: RR against McCune-Reischauer
        ("Jin Hyeok-cheol", "CHIN Hyok Chol"),  # 진혁철
        ("Gu Sang-u", "Ku Sang-woo"),  # 구상우: a vowel syllable, not an initial
        ("Myeonghun Bae", "Pae Myong-hun"),  # given name run together, first
    ],
)
def test_one_korean_name_in_two_romanisations_matches(query: str, listed: str) -> None:
    assert _score(query, listed) >= DEFAULT_THRESHOLD
    assert _score(listed, query) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # one syllable apart, the letters nearly alike
        ("Han Jong-min", "Han Song-min"),  # 종/송
        ("Choi Joong-hwan", "Choi Jong-hwan"),  # 중/종
        ("Yun Seok-ho", "Yun Seong-ho"),  # 석/성
    ],
)
def test_korean_names_a_syllable_apart_do_not_match(query: str, listed: str) -> None:
    assert _score(query, listed) < DEFAULT_THRESHOLD
    assert _score(listed, query) < DEFAULT_THRESHOLD


def test_only_names_that_read_as_korean_are_read_so() -> None:
    assert korean_readings(analyze_name("Kim Jong Un", "Person")) is not None
    assert korean_readings(analyze_name("U Sang-ho", "Person")) is not None
    assert korean_readings(analyze_name("John Smith", "Person")) is None
    assert korean_readings(analyze_name("Sarah Li", "Person")) is None
    assert korean_readings(analyze_name("김정은", "Person")) is None
    # a name with a number (a vessel's) is not a person's Korean name
    assert korean_readings(analyze_name("Ji Song 6", "Person")) is None


def test_the_alignment_explains_the_syllables() -> None:
    result = score(Query("Moon Jeong-cheol", "Person"), _person("MUN Chong Chol"))
    assert result.score >= DEFAULT_THRESHOLD
    assert "jeong~chong" in result.explanation.lower()


def test_a_family_name_left_over_is_compared_as_usual() -> None:
    # (an English name that reads as Korean: its family name Jon, 전, would
    # meet the listed given name's Chun, 전, and the listed family name be left
    # over; such a pair is aligned as other names are, letter by letter)
    assert _score("Jon Young", "SHIN Chun Yong") < DEFAULT_THRESHOLD
    # a given name written without its family name is still found
    assert _score("Jong Un", "KIM Jong Un") >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed", "schema"),
    [
        # the listed name holds only the query's given name, in another party's name
        ("Choi Min-ho", "MIN HO 3", "Vessel"),
        ("Seo Kwang-su", "KWANG, Su", "Person"),
    ],
)
def test_a_korean_family_name_the_listing_lacks_is_replaced(
    query: str, listed: str, schema: str
) -> None:
    entry = entry_from_record(Record("t", "1", schema, names=[Name(listed)]))
    assert score(Query(query, None), entry).score < DEFAULT_THRESHOLD
    # (the same name with the family name is found)
    assert _score(query, query.upper()) >= DEFAULT_THRESHOLD
