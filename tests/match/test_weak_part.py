"""Part of a weak alias of one distinctive word (name_shape's *part of a weak
alias*): "Orlan LLC" is not the listing whose weak a.k.a. is ORLAN GROUP."""

from __future__ import annotations

import pytest

from thaw.index.entry import Entry
from thaw.match import DEFAULT_THRESHOLD, Query, score
from thaw.text import analyze_name


def _listing(primary: str, weak: str) -> Entry:
    """An organisation listed as ``primary`` with the weak alias ``weak``."""
    schema = "Organization"
    return Entry(
        source="test",
        source_id="1",
        schema=schema,
        caption=primary,
        names=((analyze_name(primary, schema), "primary"), (analyze_name(weak, schema), "weak")),
        birth_dates=(),
        countries=(),
        gender=None,
        identifiers=(),
        programs=(),
        listed_on=None,
    )


@pytest.mark.parametrize("query", ["Orlan LLC", "Orlan"])
def test_part_of_a_one_word_weak_alias_does_not_alert(query: str) -> None:
    listing = _listing("KVB ORLAN", "ORLAN GROUP")
    assert score(Query(query), listing).score < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "weak"),
    [
        ("Orlan Group", "ORLAN GROUP"),  # the weak alias written whole
        ("Orlan Group LLC", "ORLAN GROUP"),
        ("Orlan Vostok", "ORLAN VOSTOK GROUP"),  # two distinctive words
    ],
)
def test_a_weak_alias_written_whole_or_of_two_words_still_alerts(query: str, weak: str) -> None:
    assert score(Query(query), _listing("KVB ORLAN", weak)).score >= DEFAULT_THRESHOLD
