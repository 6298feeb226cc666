"""The scoring entry point: :func:`score` and the default threshold.

Choice of :data:`DEFAULT_THRESHOLD`
-----------------------------------
``benchmarks/name_pairs.py`` scores the 425 labelled name pairs of
``name_pairs_dev.csv`` (names only, no dates or identifiers) and reports
precision, recall and F1 at a sweep of thresholds. Measured F1 of thaw:

=========  =====  =====  =====  =====  =====  =====
threshold  0.60   0.65   0.70   0.75   0.80   0.85
F1         0.873  0.886  0.903  0.901  0.862  0.805
=========  =====  =====  =====  =====  =====  =====

(at 0.70: precision 0.949, recall 0.861). The curve is flat between 0.70 and
0.75; 0.70 is chosen, at the low end of the plateau, because in sanctions
screening a missed listing costs more than a reviewed false alert, and because
supporting evidence (a matching date of birth, nationality or identifier) lifts
borderline names above it while contrary evidence pushes them below. It is
also yente's default threshold, against which nomenklatura's logic-v2 reaches
F1 0.815 on the same pairs. The development pairs were used to find *kinds* of
error, not to fit pairs; held-out pairs exist. For ``ofac`` the threshold is
:data:`thaw.match.ofac.OFAC_THRESHOLD` (0.85, the customary minimum score used
with OFAC's tool).
"""

from __future__ import annotations

import math
from typing import Any

from thaw.index.entry import Entry
from thaw.match.features import (
    NO_EVIDENCE,
    Context,
    Evidence,
    NameFeature,
    best_alignment,
    features,
)
from thaw.match.names import Alignment, name_match
from thaw.match.ofac import OFAC_THRESHOLD, ofac_score
from thaw.match.types import MatchResult, Query
from thaw.text import AnalyzedName, analyze_name

#: Score at and above which a result is a match (see the module docstring).
DEFAULT_THRESHOLD = 0.70

#: The algorithms :func:`score` knows, with their thresholds.
ALGORITHMS: dict[str, float] = {"thaw": DEFAULT_THRESHOLD, "ofac": OFAC_THRESHOLD}


def threshold_for(algorithm: str) -> float:
    """The default match threshold of ``algorithm``."""
    try:
        return ALGORITHMS[algorithm]
    except KeyError:
        raise ValueError(
            f"unknown algorithm {algorithm!r}; known: {', '.join(ALGORITHMS)}"
        ) from None


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def score(
    query: Query, entry: Entry, algorithm: str = "thaw", *, explain: bool = True
) -> MatchResult:
    """Score ``query`` against the prepared listing ``entry``.

    ``algorithm`` is ``"thaw"`` (the feature-based matcher of
    :mod:`thaw.match.features`) or ``"ofac"`` (a reproduction of OFAC's Sanctions
    List Search score, names only). The result carries the calibrated score in
    [0, 1], the listing name that aligned best, each feature's contribution and
    an explanation naming the aligned tokens and what agreed or conflicted.

    With ``explain=False`` only ``score`` and ``matched_name`` are filled in (the
    explanation is empty and ``features`` holds the name score alone). The score
    is the same either way.
    """
    if algorithm == "ofac":
        return ofac_score(query, entry)
    if algorithm != "thaw":
        threshold_for(algorithm)  # raises
    analyzed = analyze_name(query.name, query.schema)
    return _combine(query, entry, analyzed, best_alignment(analyzed, entry), explain)


def score_at_least(
    query: Query, entry: Entry, threshold: float, algorithm: str = "thaw"
) -> MatchResult | None:
    """The explained :func:`score` of ``entry`` if it reaches ``threshold``, else ``None``.

    This is what screening asks of every candidate, and most candidates are far
    below the threshold. So the name is aligned first; if even the features'
    ceilings (:meth:`~thaw.match.Feature.ceiling`, the most each could add for this
    query) cannot lift it to the threshold, the listing's dates, countries and
    identifiers are not looked at. Otherwise the score is computed without its
    explanation, and explained only when it reaches the threshold. The answer is
    the one :func:`score` gives.
    """
    if algorithm != "thaw":
        result = score(query, entry, algorithm)
        return result if result.score >= threshold else None
    analyzed = analyze_name(query.name, query.schema)
    found = best_alignment(analyzed, entry)
    name_score = 0.0 if found is None else found[3]
    if _ceiling(query, name_score) < threshold:
        return None
    if _score_of(_context(query, entry, analyzed, found, explain=False)) < threshold:
        return None
    return _combine(query, entry, analyzed, found, explain=True)


def _ceiling(query: Query, name_score: float) -> float:
    """The highest score a listing whose best name scores ``name_score`` can get,
    rounded as scores are (so that it bounds them): the name's contribution plus
    the other features' ceilings (computed once per query; the margin covers the
    rounding of a sum added up in another order)."""
    if _CEILINGS[0] is not query:
        _CEILINGS[0] = query
        _CEILINGS[1] = sum(
            f.ceiling(query) * f.weight for f in features() if not isinstance(f, NameFeature)
        )
    total = NameFeature.logit(name_score) * _NAME_WEIGHT + _CEILINGS[1] + 1e-9
    return round(_sigmoid(total), 4)


# the last query and the sum of its non-name ceilings
_CEILINGS: list[Any] = [None, 0.0]
_NAME_WEIGHT = next(f.weight for f in features() if isinstance(f, NameFeature))


def _context(
    query: Query,
    entry: Entry,
    analyzed: AnalyzedName,
    found: tuple[Alignment, AnalyzedName, str, float] | None,
    explain: bool,
) -> Context:
    """What the features see, given the best name alignment ``found``."""
    if found is None:
        return Context(query, entry, explain=explain)
    alignment, name, kind, name_score = found
    match = name_match(analyzed, name, alignment) if explain else None
    return Context(query, entry, match, kind, name_score, explain=explain)


def _score_of(ctx: Context) -> float:
    """The score of ``ctx``: every feature's contribution, combined."""
    total = 0.0
    for feature in features():
        ev = feature.evaluate(ctx)
        if ev is not NO_EVIDENCE:
            total += ev.value * feature.weight
    return round(_sigmoid(total), 4)


def _combine(
    query: Query,
    entry: Entry,
    analyzed: AnalyzedName,
    found: tuple[Alignment, AnalyzedName, str, float] | None,
    explain: bool,
) -> MatchResult:
    """The features' verdict on ``entry``, given its best name alignment ``found``
    (the same total as :func:`_score_of`, with each contribution reported)."""
    ctx = _context(query, entry, analyzed, found, explain)
    matched_name = entry.caption if found is None else found[1].original
    # the name's contribution is reported as the name score itself
    contributions: dict[str, float] = {"name": round(ctx.name_score, 4)}
    if not explain:
        return MatchResult(_score_of(ctx), matched_name, "", contributions)
    total = 0.0
    notes: list[str] = []
    for feature in features():
        ev: Evidence = feature.evaluate(ctx)
        if ev is NO_EVIDENCE:
            continue
        value = ev.value * feature.weight
        total += value
        if value and feature.name != "name":
            contributions[feature.name] = round(value, 3)
        if ev.note:
            notes.append(ev.note)
    return MatchResult(
        score=round(_sigmoid(total), 4),
        matched_name=matched_name,
        explanation="; ".join(notes),
        features=contributions,
    )
