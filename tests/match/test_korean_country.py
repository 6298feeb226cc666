"""A Korean name is shared by many people: another nationality counts more
strongly against a listed person whose name reads as Korean (the country
feature's ``conflict_korean``)."""

from __future__ import annotations

import dataclasses

import pytest

from thaw.index.entry import Entry, name_entry
from thaw.match import DEFAULT_THRESHOLD, Query, score


def _person(name: str, *countries: str) -> Entry:
    return dataclasses.replace(name_entry(name, "Person"), countries=countries)


@pytest.mark.parametrize(
    ("query", "country", "listed"),
    [
        ("영호 최", "my", "Yong Ho CHOE"),  # was 0.85: a Malaysian customer
        ("성진 이", "jp", "RI SONG JIN"),  # was 0.85: a Japanese customer
        ("Kim Min Jun", "us", "KIM Min Jun"),
    ],
)
def test_a_korean_namesake_of_another_nationality_does_not_alert(
    query: str, country: str, listed: str
) -> None:
    result = score(Query(query, countries=(country,)), _person(listed, "kp"))
    assert result.score < DEFAULT_THRESHOLD, result.explanation


def test_the_listed_korean_and_other_namesakes_are_as_before() -> None:
    # the same name with the listed nationality, or none, still alerts
    assert score(Query("최영호", countries=("kp",)), _person("Yong Ho CHOE", "kp")).score > 0.9
    assert score(Query("최영호"), _person("Yong Ho CHOE", "kp")).score >= DEFAULT_THRESHOLD
    # a South Korean and the North: a former or a parent state, no conflict
    assert (
        score(Query("최영호", countries=("kr",)), _person("Yong Ho CHOE", "kp")).score
        >= DEFAULT_THRESHOLD
    )
    # a name that does not read as Korean: the conflict as before
    ivan = score(Query("Ivan Petrov", countries=("de",)), _person("Ivan PETROV", "ru"))
    assert ivan.score >= DEFAULT_THRESHOLD
