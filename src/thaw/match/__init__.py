"""Scoring a query against a prepared listing: named, weighted features.

:func:`score` is the entry point (:func:`score_at_least` the same for screening,
which needs only the listings at or above a threshold); :class:`Query` what is
screened and :class:`MatchResult` the calibrated score with its explanation;
:data:`DEFAULT_THRESHOLD` the score at which a result is a match.
:func:`features` lists the features of the ``thaw`` algorithm (their docstrings
document it; :func:`describe_algorithm` renders them); ``algorithm="ofac"``
reproduces OFAC Sanctions List Search's published scoring.
"""

from __future__ import annotations

from thaw.match.features import Feature, describe_algorithm, features
from thaw.match.names import NameMatch, compare_names
from thaw.match.score import (
    ALGORITHMS,
    DEFAULT_THRESHOLD,
    score,
    score_at_least,
    threshold_for,
)
from thaw.match.types import MatchResult, Query

__all__ = [
    "ALGORITHMS",
    "DEFAULT_THRESHOLD",
    "Feature",
    "MatchResult",
    "NameMatch",
    "Query",
    "compare_names",
    "describe_algorithm",
    "features",
    "score",
    "score_at_least",
    "threshold_for",
]
