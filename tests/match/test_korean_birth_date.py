"""A Korean name is shared by many people: a date of birth that differs
counts more strongly against a listed person whose name reads as Korean (the
birth-date feature's ``differs_korean``), as another nationality does
(tests/match/test_korean_country.py)."""

from __future__ import annotations

import dataclasses

import pytest

from thaw.index.entry import Entry, name_entry
from thaw.match import DEFAULT_THRESHOLD, Query, score


def _person(name: str, *birth_dates: str) -> Entry:
    return dataclasses.replace(name_entry(name, "Person"), birth_dates=birth_dates)


@pytest.mark.parametrize(
    ("query", "born", "listed", "listed_born"),
    [
        # customer rows of negatives_global, 0.76 and 0.78 before
        ("영철 김", "1949-08-09", "KIM, Yong Chol", "1950-02-13"),
        ("상호 김", "1954-07-01", "KIM, Sang-ho", "1957-05-16"),
        ("Kim Yong Chol", "1951", "KIM, Yong Chol", "1953"),
    ],
)
def test_a_korean_namesake_born_on_another_date_does_not_alert(
    query: str, born: str, listed: str, listed_born: str
) -> None:
    result = score(Query(query, birth_date=born), _person(listed, listed_born))
    assert result.score < DEFAULT_THRESHOLD, result.explanation
    assert "a Korean name many share" in result.explanation


def test_a_year_alone_a_year_apart_and_other_names_are_as_before() -> None:
    # a year alone, one year apart, may be an approximate year: as before
    near = score(Query("Kim Yong Chol", birth_date="1951"), _person("KIM, Yong Chol", "1950"))
    assert near.score >= DEFAULT_THRESHOLD
    # the listed date still agrees
    same = score(Query("김영철", birth_date="1950"), _person("KIM, Yong Chol", "1950-02-13"))
    assert same.score > 0.95
    # a name that does not read as Korean: the conflict as before
    ivan = score(
        Query("Ivan Petrovich Sidorov", birth_date="1951-03-01"),
        _person("SIDOROV, Ivan Petrovich", "1950-02-13"),
    )
    assert ivan.score >= DEFAULT_THRESHOLD
