"""A name of unknown kind with a run of single letters (a person's initials,
``Deripaska O.V.``) is looked up as a person's name too (issue 11, analyst
queries)."""

from __future__ import annotations

from typing import Any

from thaw.index import Candidate
from thaw.index.entry import name_entry
from thaw.match import Query
from thaw.screen import Screener


class _Index:
    """An index that proposes listing 0 for a name of unknown kind and listings
    0 and 1 for a person's name, and remembers how it was asked."""

    def __init__(self) -> None:
        self.asked: list[str | None] = []

    def written_positions(self, name: str, schema: str | None = None) -> list[int]:
        return []  # (no listing publishes the name as written)

    def candidates(self, name: str, *, schema: str | None = None, **_: Any) -> list[Candidate]:
        self.asked.append(schema)
        return [Candidate(0, 0.5)] + ([Candidate(1, 0.9)] if schema == "Person" else [])


def test_a_name_with_initials_is_also_looked_up_as_a_persons() -> None:
    # in the lists' index "Deripaska O.V." of unknown kind is deripaska + "ov",
    # a word no listing has, and DERIPASKA, Oleg is not proposed: as a person's
    # name it is deripaska + two initials
    screener = Screener.from_entries([name_entry("X", "Person")])
    index = _Index()
    screener.index = index  # type: ignore[assignment]
    found = screener.candidates_of(Query("Deripaska O.V."))
    assert index.asked == [None, "Person"]
    assert [c.position for c in found] == [0, 1]
    index.asked.clear()
    screener.candidates_of(Query("Oleg Deripaska"))
    screener.candidates_of(Query("Deripaska O.V.", "Person"))
    assert index.asked == [None, "Person"]  # asked once each
