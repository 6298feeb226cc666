"""The *Din* of a name *X al-Din* (*Siraj-uddin*, split so by analysis) is no
given name of its own: it meets only a spelling of itself, as the *Allah* of
a theophoric name does (match.names._compound_end_against_a_name)."""

from __future__ import annotations

import pytest

from thaw.index.entry import name_entry
from thaw.match import DEFAULT_THRESHOLD, Query, score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Siraj Dina", "SIRAJUDDIN HAQQANI"),  # was 0.80
        ("Nasir Dino", "NASIRUDDIN"),  # was 0.87
        ("Kamal Dinh", "KAMALUDDIN"),  # was 0.74: the Vietnamese Dinh
        ("Salah Dan", "SALAHUDDIN"),  # was 0.80
    ],
)
def test_another_name_in_place_of_din_is_another_name(query: str, listed: str) -> None:
    result = score(Query(query, schema="Person"), name_entry(listed, "Person"))
    assert result.score < DEFAULT_THRESHOLD, result.explanation


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Nasir Din Haqqani", "NASIRUDDIN HAQQANI"),
        ("Nasir Uddin Haqqani", "NASIRUDDIN HAQQANI"),
        ("Nasreddine Haqqani", "NASIRUDDIN HAQQANI"),
        ("سراج الدين حقاني", "SIRAJUDDIN HAQQANI"),
        ("Salah Eddine", "SALAHUDDIN"),
        ("Salah Eldeen", "Salah al-Din"),
    ],
)
def test_the_spellings_of_din_still_match(query: str, listed: str) -> None:
    result = score(Query(query, schema="Person"), name_entry(listed, "Person"))
    assert result.score >= DEFAULT_THRESHOLD, result.explanation
