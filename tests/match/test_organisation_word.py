"""A query of no stated kind with an organisation's word (name_shape's
*organisation word*): "Zenith Bank" describes a bank, not the vessel ZENITH."""

from __future__ import annotations

import pytest

from thaw.index.entry import name_entry
from thaw.match import DEFAULT_THRESHOLD, Query, score


@pytest.mark.parametrize("query", ["Zenith Bank", "Zenith LLC", "Zenith Trading Company"])
def test_an_organisation_s_word_keeps_a_row_off_a_vessel(query: str) -> None:
    assert score(Query(query), name_entry("ZENITH", "Vessel")).score < DEFAULT_THRESHOLD
    assert score(Query(query), name_entry("ZENITH", "Aircraft")).score < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Zenith", "ZENITH"),
        ("Zenith Tanker", "ZENITH"),  # what a vessel's name says of it
        ("Zenith 1", "ZENITH"),
        ("Zenith Bank", "ZENITH BANK"),  # the word is the vessel's name's own
    ],
)
def test_a_vessel_s_name_still_finds_it(query: str, listed: str) -> None:
    assert score(Query(query), name_entry(listed, "Vessel")).score >= DEFAULT_THRESHOLD


def test_the_organisation_still_finds_the_bank() -> None:
    listed = name_entry("Bank Zenit", "Organization")
    assert score(Query("Zenith Bank"), listed).score >= DEFAULT_THRESHOLD


def test_the_explanation_names_the_word() -> None:
    result = score(Query("Zenith Bank"), name_entry("ZENITH", "Vessel"))
    shape = [e for e in result.evidence if e.feature == "name_shape"]
    assert shape and "'bank' says the query is an organisation" in shape[0].detail
