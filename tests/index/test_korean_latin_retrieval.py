"""Retrieval of a North Korean person listed in the lists' spelling
(McCune-Reischauer without breves: *KIM Jong Un*, *RI Pyong Chol*) for a query
in the South's or the press's spelling (*Kim Jong Eun*, *Lee Byeong-cheol*):
in a name that reads as a romanised Korean name, each syllable's other
spellings are looked up too (:func:`thaw.text.korean.korean_respellings`),
where its own postings and typo neighbours miss (a word of three letters has
no neighbours; *cheol* is two edits from *chol*)."""

from __future__ import annotations

import pytest

from tests.index.fixture_store import screener_of
from thaw.screen import Screener

LISTED = [
    "KIM Jong Un",
    "RI Pyong Chol",
    "CHOE Ryong Hae",
    "PAK Pong Nam",
    "Hyon Kwang Il",
    # people sharing a family name or a syllable, competing for the candidates
    "KIM Yong Chol",
    "KIM Song Hun",
    "RI Man Gon",
    "KIM Man Chun",
    # *min* made common, so that it weighs little beside *jun*
    *(f"MIN {given}" for given in ("Byong Chol", "Ho", "Song", "Chol Su", "Yong")),
    "John SMITH",
    "Una BROWN",
    "Maria LEE",
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return screener_of(LISTED)


def _found(screener: Screener, query: str) -> list[str]:
    index = screener.index
    return [index.entry(c.position).caption for c in index.candidates(query, schema="Person")]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Kim Jong Eun", "KIM Jong Un"),
        ("Jong-eun Kim", "KIM Jong Un"),
        ("Lee Byeong-cheol", "RI Pyong Chol"),
        ("Rhee Byung-chul", "RI Pyong Chol"),
        ("Choi Ryong-hae", "CHOE Ryong Hae"),
        ("Park Bong-nam", "PAK Pong Nam"),
        ("Hyun Gwang-il", "Hyon Kwang Il"),
    ],
)
def test_a_south_korean_spelling_retrieves_the_listed_one(
    screener: Screener, query: str, listed: str
) -> None:
    assert listed in _found(screener, query)
    hits = screener.screen(query, "Person").hits
    assert hits and hits[0].name == listed


@pytest.mark.parametrize(
    ("query", "schema", "korean"),
    [
        ("Kim Jong Eun", "Person", True),
        ("Byeong-cheol Lee", None, True),
        ("Kim Jong Eun", "Organization", False),
        # *un* and *lee* spell Korean syllables, but these read as no Korean name
        ("Eun Brown", "Person", False),
        ("Lee Anne Smith", "Person", False),
        ("Kim", "Person", False),
        # written in Hangul: looked up by its own syllables' spellings
        ("김정은", "Person", False),
        ("병철 최", None, False),
    ],
)
def test_only_a_name_read_as_korean_looks_up_respellings(
    query: str, schema: str | None, korean: bool
) -> None:
    from thaw.index.candidates import korean_latin, retrieval_tokens
    from thaw.text import analyze_name

    name = analyze_name(query, schema)
    assert korean_latin(name, retrieval_tokens(name)) is korean


def test_another_korean_person_is_not_taken_for_the_listed_one(screener: Screener) -> None:
    # sharing a family name and one syllable: a candidate perhaps, never an alert
    hits = screener.screen("Kim Jong-kook", "Person").hits
    assert "KIM Jong Un" not in [h.name for h in hits]


def test_one_shared_given_syllable_proposes_no_listing(screener: Screener) -> None:
    # *Kim Min-jun* shares *kim* and 준 (*jun*, *chun*) with *KIM Man Chun*, not
    # 민 (*min*, not *man*): another person, not even a candidate (a coverage
    # over the default's, under :data:`KOREAN_MIN_COVERAGE`)
    from thaw.index.candidates import DEFAULT_MIN_COVERAGE, KOREAN_MIN_COVERAGE
    from thaw.text import analyze_name

    index = screener.index
    units = index._units(analyze_name("Kim Min-jun", "Person"))
    (found,) = index._read(units, None, (), 10, DEFAULT_MIN_COVERAGE)
    assert index.entry(found.position).caption == "KIM Man Chun"
    assert DEFAULT_MIN_COVERAGE <= found.coverage < KOREAN_MIN_COVERAGE
    assert "KIM Man Chun" not in _found(screener, "Kim Min-jun")
    assert "KIM Man Chun" in _found(screener, "Kim Man-jun")
