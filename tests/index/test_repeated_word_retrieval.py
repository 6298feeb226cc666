"""Retrieval of a listed name that repeats a word (issue 11's exact names:
*Abdullah ABDULLAH*, *AL-MUHAMMAD, Muhammad*) or is one common word
(*HASSAN*): every listing with the word covers such a query in full, and the
listing written as the query must not be lost among them past the candidate
budget."""

from __future__ import annotations

from tests.index.fixture_store import screener_of
from thaw.index import Candidate, entry_from_record
from thaw.model import Name, Record
from thaw.screen import Screener

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


def test_a_listing_named_by_the_one_word_alone_ranks_first() -> None:
    # each listing has a one-word name and the word HASSAN: all cover the query
    # in full with names as short; the one named HASSAN is last by position
    records = [
        Record("t", str(i), "Person", names=[Name(f"Hassan {family}"), Name(family)])
        for i, family in enumerate(("Azzam", "Omar", "Saleh", "Yusuf"))
    ]
    records.append(Record("t", "4", "Person", names=[Name("Hassan")]))
    screener = Screener.from_entries(entry_from_record(r) for r in records)
    found = screener.index.candidates("HASSAN", limit=2)
    assert [screener.index.entry(c.position).key for c in found][0] == "t:4"
