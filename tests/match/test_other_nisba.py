"""An abjad word and a Latin one that end in the two nisbas *-i* and *-awi*
(name_shape's *other nisba*, :func:`thaw.match.consonants.other_nisba`):
الحمدي *al-Hamdi* is not *al-Hamidawi*, whose consonant keys are one."""

from __future__ import annotations

import pytest

from thaw.index.entry import name_entry
from thaw.match import DEFAULT_THRESHOLD, Query, score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("أحمد الحمدي", "AL-HAMIDAWI, Ahmad"),
        ("Ahmad Hamdi", "أحمد الحمداوي"),
        ("Mohammed Tantai", "محمد طنطاوي"),
    ],
)
def test_the_other_nisba_does_not_alert(query: str, listed: str) -> None:
    assert score(Query(query), name_entry(listed, "Person")).score < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("أحمد الحمداوي", "AL-HAMIDAWI, Ahmad"),
        ("Ahmad Hamdaoui", "أحمد الحمداوي"),
        ("علي موسوي", "Ali MOUSSAVI"),  # the Persian -avi
        ("محمد الهاشمي", "Mohammed AL-HASHIMI"),
        ("הרצי הלוי", "Herzi HALEVI"),  # Levi, no nisba
    ],
)
def test_the_same_nisba_still_alerts(query: str, listed: str) -> None:
    assert score(Query(query), name_entry(listed, "Person")).score >= DEFAULT_THRESHOLD
