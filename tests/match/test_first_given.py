"""A listed compound given name whose first word, left out, is of the other sex
than the query's given name (name_shape's *other sex's given name*,
:mod:`thaw.match.first_given`): *José Ortuño* is not ORTUÑO, María José."""

from __future__ import annotations

import pytest

from thaw.index.entry import Entry, name_entry
from thaw.match import DEFAULT_THRESHOLD, Query, score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("José Ortuño", "ORTUÑO, María José"),
        ("María Ortuño", "ORTUÑO, José María"),
        ("Jose Ortuno", "Maria Jose ORTUNO VELARDE"),  # "Given FAMILY", as Canada writes it
    ],
)
def test_the_other_sex_s_compound_given_name_does_not_alert(query: str, listed: str) -> None:
    assert score(Query(query), name_entry(listed, "Person")).score < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("José Ortuño", "ORTUÑO, José María"),  # the first given name
        ("Carlos Ortuño", "ORTUÑO, Juan Carlos"),  # the second, of the same sex
        ("María José Ortuño", "ORTUÑO, María José"),
    ],
)
def test_a_given_name_of_the_listed_person_s_sex_still_alerts(query: str, listed: str) -> None:
    assert score(Query(query), name_entry(listed, "Person")).score >= DEFAULT_THRESHOLD


def test_a_stated_sex_overrides_the_first_given_name() -> None:
    listed = name_entry("ORTUÑO, María José", "Person")
    stated = Entry(**{**{f: getattr(listed, f) for f in Entry.__slots__}, "gender": "male"})
    assert score(Query("José Ortuño"), stated).score >= DEFAULT_THRESHOLD
