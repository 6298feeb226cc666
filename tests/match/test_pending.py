"""Scoring first and explaining later gives what scoring with explanations gives.

:meth:`Matcher.pending_at_least` scores a listing without its explanation, and
:meth:`Matcher.explain` adds it; a screener explains only the hits it returns.
Checked here against :meth:`Matcher.score_at_least` on every candidate, the way
the screener worked before: the same listings, scores, order and explanations.
"""

from __future__ import annotations

import pytest
from tests.index.fixture_store import fixture_records

from thaw.index import entry_from_record
from thaw.screen import Screener, make_query

QUERIES = [
    ("Kirill Dmitriev", None),
    ("Dmitriev", "Person"),
    ("Kirill Petrov", "Person"),
    ("Sergei Dmitriev", None),
    ("Princess", None),
    ("Ocean Princess", "Vessel"),
    ("Abdul Rahman Yasin", None),
    ("Mohammed Hassan", "Person"),
    ("Russian Investment Fund", None),
    ("Al Haramain", None),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_entries(entry_from_record(r) for r in fixture_records())


@pytest.mark.parametrize(("name", "schema"), QUERIES)
def test_explaining_only_the_hits_returned(
    screener: Screener, name: str, schema: str | None
) -> None:
    query = make_query(name, schema)
    matcher = screener.matcher()
    for threshold in (0.0, 0.3, 0.5, 0.7):
        # the reference: every candidate explained, then sorted and cut
        every = []
        for candidate in screener.candidates_of(query):
            entry = screener.index.entry(candidate.position)
            result = matcher.score_at_least(query, entry, threshold)
            pending = matcher.pending_at_least(query, entry, threshold)
            assert (result is None) == (pending is None)
            if result is not None and pending is not None:
                assert pending.score == result.score
                explained = matcher.explain(pending)
                assert explained.score == result.score
                assert explained.explanation == result.explanation
                assert explained.evidence == result.evidence
                every.append((result.score, entry.key, result))
        every.sort(key=lambda s: (-s[0], s[1]))
        if threshold == 0.0:
            assert every, name  # (each query meets some listing of the fixture)
        for limit in (0, 1, 2, 10):
            found = screener.screen_query(query, threshold=threshold, limit=limit)
            assert [(h.score, h.explanation, h.features) for h in found.hits] == [
                (round(float(r.score), 4), r.explanation, r.evidence) for _, _, r in every[:limit]
            ], (name, threshold, limit)
