"""Scoring a query against a prepared listing: named, weighted features.

:class:`Matcher` is what a caller holds to score many queries (its
configuration, :class:`MatchConfig`, and the token statistics of the lists, both
explicit); :func:`score` is the one-off entry point (:func:`score_at_least` the
same for screening, which needs only the listings at or above a threshold);
:class:`Query` is what is screened and :class:`MatchResult` the calibrated score
with its explanation, as a sentence and as :class:`FeatureResult` items;
:data:`DEFAULT_THRESHOLD` the score at which a result is a match.
:func:`features` lists the features of the ``thaw`` algorithm (their docstrings
document it; :func:`describe_algorithm` renders them); ``algorithm="ofac"``
reproduces OFAC Sanctions List Search's published scoring.
"""

from __future__ import annotations

from thaw.match.config import DEFAULT_CONFIG, MatchConfig
from thaw.match.features import (
    Feature,
    Magnitude,
    describe_algorithm,
    disagreements,
    features,
    party_conflicts,
)
from thaw.match.names import Aligner, Alignment, NameMatch, compare_names
from thaw.match.score import (
    ALGORITHMS,
    DEFAULT_THRESHOLD,
    Matcher,
    Pending,
    might_be_initials,
    might_read_as_person,
    organised_reading,
    score,
    score_at_least,
    threshold_for,
)
from thaw.match.types import FeatureResult, MatchResult, Query

__all__ = [
    "ALGORITHMS",
    "DEFAULT_CONFIG",
    "DEFAULT_THRESHOLD",
    "Aligner",
    "Alignment",
    "Feature",
    "FeatureResult",
    "Magnitude",
    "MatchConfig",
    "MatchResult",
    "Matcher",
    "NameMatch",
    "Pending",
    "Query",
    "compare_names",
    "describe_algorithm",
    "disagreements",
    "features",
    "might_be_initials",
    "might_read_as_person",
    "organised_reading",
    "party_conflicts",
    "score",
    "score_at_least",
    "threshold_for",
]
