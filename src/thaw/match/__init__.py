"""Scoring a query against a prepared listing: named, weighted features.

:func:`score` is the entry point; :class:`Query` what is screened and
:class:`MatchResult` the calibrated score with its explanation.
"""

from __future__ import annotations

from thaw.match.score import DEFAULT_THRESHOLD, score
from thaw.match.types import MatchResult, Query

__all__ = ["DEFAULT_THRESHOLD", "MatchResult", "Query", "score"]
