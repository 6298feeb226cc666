"""The folded concatenations of a name's adjacent tokens (:func:`thaw.text.analyze.compound_runs`)
go through :func:`thaw.text.fold.fold_token`'s cache where they recur from name
to name (syllables of Chinese characters and Hangul), and around it where they
are mostly new (words)."""

from __future__ import annotations

import pytest

from thaw.text import analyze_name
from thaw.text.analyze import compound_runs
from thaw.text.fold import fold_token


def cache_hits_of_runs(name: str) -> tuple[int, int]:
    """How many of ``name``'s runs a second :func:`compound_runs` finds in
    :func:`fold_token`'s cache, and how many runs it has."""
    active = analyze_name(name, "Person").active
    assert active is not None
    compound_runs(active)
    before = fold_token.cache_info().hits
    runs = compound_runs(active)
    return fold_token.cache_info().hits - before, len(runs)


@pytest.mark.parametrize("name", ["王明华", "김소영", "金 小 英"])
def test_syllable_runs_are_remembered(name: str) -> None:
    hits, runs = cache_hits_of_runs(name)
    assert runs >= 2 and hits >= runs


def test_word_runs_are_not(name: str = "Abdul Rahman Khalid") -> None:
    hits, runs = cache_hits_of_runs(name)
    assert runs == 3 and hits == 0
