"""Retrieval of a listed name that repeats a word (issue 11's exact names:
*Abdullah ABDULLAH*, *AL-MUHAMMAD, Muhammad*): every listing with the word
once covers such a query in full, and the listing written as the query must
not be lost among them past the candidate budget."""

from __future__ import annotations

from tests.index.fixture_store import screener_of
from thaw.index import Candidate

#: more listings with the word once than the budget below, the one written
#: with it twice last (ties by position would rank it last)
LISTED = [f"Abdullah {family}" for family in ("Azzam", "Omar", "Saleh", "Yusuf", "Karim")]
LISTED.append("Abdullah ABDULLAH")


def test_a_listing_writing_the_repeated_word_side_by_side_ranks_first() -> None:
    screener = screener_of(LISTED)
    found: list[Candidate] = screener.index.candidates("Abdullah Abdullah", limit=3)
    assert [screener.index.entry(c.position).key for c in found][0] == "t:5"


def test_equal_coverage_ranks_the_pair_written_as_the_query_before_shorter_names() -> None:
    screener = screener_of(["Abdullah Azzam Omar", "Abdullah Azzam", "Azzam Abdullah"])
    found = screener.index.candidates("Abdullah Azzam", limit=2)
    # t:1 and t:0 write the pair as the query; t:2 only its words
    assert [screener.index.entry(c.position).key for c in found] == ["t:1", "t:0"]
