"""A party hit is scored on its best listing; what its other listings say
against the query's facts must still show (issue 11: a gender conflict with
another listing of the same party was hidden)."""

from __future__ import annotations

from thaw.index.entry import Entry, entry_from_record
from thaw.model import Name, Record
from thaw.profiles.screening import PartyScreener


def _entry(source_id: str, name: str, **kw: object) -> Entry:
    return entry_from_record(
        Record("t", source_id, "Person", names=[Name(name)], **kw)  # type: ignore[arg-type]
    )


def _screener() -> PartyScreener:
    entries = [
        _entry("1", "Ali Kony"),  # says nothing of gender or birth
        _entry("2", "Ali Kony", gender="female"),
        _entry("3", "Ali Kony", birth_dates=["1940"]),
        _entry("4", "Joseph Kony", gender="male"),  # another party
    ]
    profiles = {("t", "1"): "p-1", ("t", "2"): "p-1", ("t", "3"): "p-1", ("t", "4"): "p-2"}
    screener = PartyScreener.from_entries(entries, profile_of=profiles)
    assert isinstance(screener, PartyScreener)
    return screener


def test_other_listings_disagreeing_are_explained() -> None:
    result = _screener().screen("Ali Kony", schema="Person", gender="M", birth_date="1975")
    (hit,) = [h for h in result.hits if h.profile_id == "p-1"]
    assert hit.score == 0.95  # the best listing's score, unchanged
    assert (hit.listings[0].source, hit.listings[0].source_id) == ("t", "1")
    # t:2 is a hit of its own (merged); t:3 is below the threshold: both reported
    assert (
        "another listing of this party, t:2: gender male conflicts with female" in hit.explanation
    )
    assert "another listing of this party, t:3: birth date 1975 conflicts with 1940" in (
        hit.explanation
    )
    extra = [f for f in hit.features if f.detail.startswith("another listing")]
    assert {f.feature for f in extra} == {"gender", "birth_date"}
    assert all(f.contribution == 0.0 for f in extra)  # reported, not scored


def test_nothing_added_without_facts_or_disagreement() -> None:
    screener = _screener()
    plain = screener.screen("Ali Kony", schema="Person")
    (hit,) = [h for h in plain.hits if h.profile_id == "p-1"]
    assert "another listing" not in hit.explanation
    female = screener.screen("Ali Kony", schema="Person", gender="F")
    (hit,) = [h for h in female.hits if h.profile_id == "p-1"]
    # t:2 agrees (nothing to say), and no listing conflicts where the best agreed
    assert "another listing" not in hit.explanation
