"""Helpers of the name-pair tests: a name scored against a one-name listing, and
the files of hand-written pairs and negatives."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from thaw.index import entry_from_record
from thaw.match import DEFAULT_THRESHOLD, Query, score
from thaw.model import Name, Record


def person_score(query: str, listed: str) -> float:
    """The score of ``query``, screened as a ``Person``, against a listing whose
    one name is ``listed``."""
    entry = entry_from_record(Record("t", "1", "Person", names=[Name(listed)]))
    return score(Query(query, "Person"), entry).score


def read_pairs(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file of pairs (columns ``original``, ``latin`` …)."""
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def alerting(rows: Iterable[dict[str, str]]) -> set[tuple[str, str]]:
    """The ``(original, latin)`` pairs of ``rows`` that reach the default
    threshold (for negatives: the false alerts)."""
    return {
        (r["original"], r["latin"])
        for r in rows
        if person_score(r["original"], r["latin"]) >= DEFAULT_THRESHOLD
    }
