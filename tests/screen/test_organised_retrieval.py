"""A name of unknown kind is looked up as an organisation's name too, when
that reading has other words to look up: an ordinal is a number there (issue
11, exact names: *SECOND ECONOMIC COMMITTEE* of no stated kind retrieved
nothing from the lists' index, its "second" a word no listing has)."""

from __future__ import annotations

from typing import Any

from thaw.index import Candidate
from thaw.index.entry import name_entry
from thaw.match import Query
from thaw.screen import Screener
from thaw.text import AnalyzedName


class _Index:
    """An index that proposes listing 0 for a name as written and listing 1 for
    an analysed name, and remembers the words it was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, ...]] = []

    def written_positions(self, name: str, schema: str | None = None) -> list[int]:
        return []  # (no listing publishes the name as written)

    def candidates(self, name: str | AnalyzedName, **_: Any) -> list[Candidate]:
        if isinstance(name, str):
            self.asked.append((name,))
            return [Candidate(0, 0.5)]
        self.asked.append(tuple(t.text for t in name.tokens))
        return [Candidate(0, 0.5), Candidate(1, 0.9)]


def _screener() -> tuple[Screener, _Index]:
    screener = Screener.from_entries([name_entry("X", "Organization")])
    index = _Index()
    screener.index = index  # type: ignore[assignment]
    return screener, index


def test_an_ordinal_is_also_looked_up_as_a_number() -> None:
    screener, index = _screener()
    found = screener.candidates_of(Query("SECOND ECONOMIC COMMITTEE"))
    assert index.asked == [("SECOND ECONOMIC COMMITTEE",), ("2", "ekonomik", "committee")]
    assert [c.position for c in found] == [0, 1]


def test_a_name_that_looks_up_alike_is_looked_up_once() -> None:
    screener, index = _screener()
    for name in ("Oleg Deripaska", "Los Zetas", "Peter van der Berg"):
        screener.candidates_of(Query(name))
    screener.candidates_of(Query("Second Economic Committee", "Organization"))
    assert len(index.asked) == 4
