"""The *Allah* that ends a theophoric name (*Shafiq-ullah*, *Asad-ollah*) is no
given name of its own: analysis splits it off, and it meets only a spelling of
itself, never *Ali*, *Alla* or *Ala*."""

from __future__ import annotations

import pytest

from thaw.index.entry import name_entry
from thaw.match import Query, score
from thaw.match.names import token_similarity
from thaw.text import analyze_name


@pytest.mark.parametrize("other", ["Ali", "Alla", "Ala", "Alam"])
def test_allah_meets_no_other_name(other: str) -> None:
    allah = analyze_name("Shafiqullah", "Person").informative[-1]
    assert allah.raw == "allah"
    word = analyze_name(other, "Person").informative[0]
    assert token_similarity(word, allah) == (0.0, "")
    assert token_similarity(allah, word) == (0.0, "")


@pytest.mark.parametrize(
    ("query", "listed"),
    [("Shafiq Ullah", "SHAFIQULLAH"), ("Asad Ollah", "ASADULLAH"), ("شفیق الله", "Shafiqullah")],
)
def test_allah_meets_its_spellings(query: str, listed: str) -> None:
    assert score(Query(query, "Person"), name_entry(listed, "Person")).score >= 0.75


def test_a_theophoric_name_is_not_ali() -> None:
    # was 0.71, an alert: "ali~allah" aligned the -ullah of Shafiqullah with Ali
    result = score(
        Query("Mohammad Ali Ahmadi", "Person"),
        name_entry("MOHAMMAD SHAFIQULLAH AHMADI FATIH KHAN", "Person"),
    )
    assert result.score < 0.5, result.explanation
    # (was 0.90: Asad-ulla is not Asad Ali)
    assert (
        score(Query("Asadulla Ahmadi", "Person"), name_entry("Asad Ali AHMADI", "Person")).score
        < 0.7
    )
