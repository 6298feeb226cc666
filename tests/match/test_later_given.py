"""A listed person with two family names, of whom the query gives a later given
name and one family name, the first given name and the other family name left
out (name_shape's *later given name only*, :func:`thaw.match.first_given.later_given_only`):
*José Mendoza* is not 'Juan José MENDOZA JOVER', who is called *Juan Mendoza*."""

from __future__ import annotations

import pytest

from thaw.index.entry import name_entry
from thaw.match import DEFAULT_THRESHOLD, Query, score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("José Mendoza", "Juan José MENDOZA JOVER"),  # 0.89 before
        ("María Gutiérrez", "Gladys María GUTIÉRREZ ALVARADO"),  # 0.85 before
        ("Maria Gutierrez", "GUTIERREZ ALVARADO, Gladys Maria"),
    ],
)
def test_a_later_given_name_and_one_family_name_do_not_alert(query: str, listed: str) -> None:
    result = score(Query(query), name_entry(listed, "Person"))
    assert result.score < DEFAULT_THRESHOLD, result.explanation
    assert "a later given name, and one family name" in result.explanation


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Juan Mendoza", "Juan José MENDOZA JOVER"),  # the name the person is called by
        ("Gladys Gutiérrez", "Gladys María GUTIÉRREZ ALVARADO"),
        ("Iris Varela", "VARELA RANGEL, Maria Iris"),  # María is left out for the next
        ("Antonio Benavides", "BENAVIDES TORRES, Jose Antonio"),  # José too
        ("José Mendoza Jover", "Juan José MENDOZA JOVER"),  # both family names
        ("Carlos Ortuño", "ORTUÑO, Juan Carlos"),  # one family name: a middle name
    ],
)
def test_the_names_a_person_is_called_by_still_alert(query: str, listed: str) -> None:
    assert score(Query(query), name_entry(listed, "Person")).score >= DEFAULT_THRESHOLD
