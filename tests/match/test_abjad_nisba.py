"""Two words both written in Arabic, Persian or Hebrew letters, one the other
with the written nisba *-i* (محمدی *Mohammadi*, محمد *Mohammad*), are two names,
as the Latin *Mohammadi* and *Mohammad* are (name_shape's *nisba*)."""

from __future__ import annotations

import pytest

from thaw.index.entry import name_entry
from thaw.match import DEFAULT_THRESHOLD, Query, score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("يوسف محمدی", "محمد يوسف حاسوري"),  # was 0.75 (negatives_global)
        ("علی کریمی", "علی کریم"),  # was 0.86
        ("حسین علی", "حسینی علی"),  # Hossein, Hosseini
    ],
)
def test_a_name_and_its_written_nisba_are_two_names(query: str, listed: str) -> None:
    result = score(Query(query, schema="Person"), name_entry(listed, "Person"))
    assert result.score < DEFAULT_THRESHOLD, result.explanation
    assert "nisba" in result.explanation


@pytest.mark.parametrize(
    ("query", "listed"),
    [("يوسف محمد", "محمد يوسف حاسوري"), ("علی کریمی", "علی کریمی"), ("مهدی علی", "مهدي علي")],
)
def test_the_same_name_still_matches(query: str, listed: str) -> None:
    assert score(Query(query, schema="Person"), name_entry(listed, "Person")).score >= 0.8
