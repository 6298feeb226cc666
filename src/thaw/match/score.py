"""Scoring entry point (first simple version; replaced by the feature-based matcher)."""

from __future__ import annotations

from rapidfuzz.distance import JaroWinkler

from thaw.index.entry import Entry
from thaw.match.types import MatchResult, Query
from thaw.text import analyze_name

DEFAULT_THRESHOLD = 0.7


def score(query: Query, entry: Entry, algorithm: str = "thaw") -> MatchResult:
    """Score ``query`` against ``entry``: best token alignment over the entry's names."""
    q = analyze_name(query.name, query.schema)
    best = 0.0
    best_name = entry.caption
    for name, _kind in entry.names:
        if not q.tokens or not name.tokens:
            continue
        total = 0.0
        for qt in q.texts:
            total += max(JaroWinkler.similarity(qt, rt) for rt in name.texts)
        s = total / max(len(q.tokens), len(name.tokens))
        if s > best:
            best, best_name = s, name.original
    return MatchResult(best, best_name, f"name similarity {best:.2f}", {"name": best})
