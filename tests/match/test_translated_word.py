"""A query of no stated kind that translates a vessel's word (name_shape's
*translated word*): "Orlan Energia" is a firm's name, not the vessel ORLAN ENERGY,
whose name is the string its register holds."""

from __future__ import annotations

import pytest

from thaw.index.entry import name_entry
from thaw.match import DEFAULT_THRESHOLD, Query, score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Orlan Energia", "ORLAN ENERGY"),  # Portuguese, Spanish, Italian
        ("Orlan Enerji", "ORLAN ENERGY"),  # Turkish
        ("Orlan Maritime", "ORLAN MARINE"),  # a synonym
    ],
)
def test_a_translated_word_keeps_a_row_off_a_vessel(query: str, listed: str) -> None:
    assert score(Query(query), name_entry(listed, "Vessel")).score < DEFAULT_THRESHOLD
    assert score(Query(query), name_entry(listed, "Aircraft")).score < DEFAULT_THRESHOLD
    # a firm of that name is the firm, translated
    assert score(Query(query), name_entry(listed, "Company")).score >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed", "schema"),
    [
        ("Orlan Energy", "ORLAN ENERGY", None),
        ("Orlan Energia", "ORLAN ENERGIYA", None),  # one word, spelt otherwise
        ("Orlan Tankers", "ORLAN TANKER", None),  # its plural
        ("Orlan Energia", "ORLAN ENERGY", "Vessel"),  # the analyst says it is a vessel
    ],
)
def test_a_vessel_s_name_as_written_still_finds_it(
    query: str, listed: str, schema: str | None
) -> None:
    q = Query(query, schema=schema)
    assert score(q, name_entry(listed, "Vessel")).score >= DEFAULT_THRESHOLD
