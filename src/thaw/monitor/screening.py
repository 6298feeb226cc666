"""Scoring portfolio rows against listings: full re-screens and changed listings.

A portfolio row is screened like a ``thaw screen-file`` row (same fields, same
checks, same matcher, :func:`thaw.match.score_at_least` at the portfolio's
threshold). Two things make the monitor's answer a function of the row and the
listing alone, so that screening only what changed gives the same alerts as
screening everything (:mod:`thaw.monitor.keys` explains the first):

* a pair is scored when row and listing share a retrieval key;
* the matcher's token statistics (how common each name part is on the lists)
  are the portfolio's **calibration**: the statistics of the screening index when
  the portfolio was added (or last recalibrated with a full re-screen). The lists'
  own statistics move a little with every publication and would otherwise move
  the score of every pair, changed or not.

:func:`screen_rows` screens rows against a set of listings (the full re-screen,
also used for new and changed rows); :func:`screen_listings` screens changed
listings against the rows that share a key with them (the incremental step).
Both fork worker processes when there is enough work and return the same
:class:`Match` objects.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from thaw.index import Entry
from thaw.match import Matcher, Query
from thaw.monitor.keys import (
    MIN_COVERAGE,
    TOKEN_BITS,
    KeyIndex,
    Postings,
    compatible,
    entry_keys,
    listing_coverage,
    postings_of,
    row_coverage,
    row_tokens,
)
from thaw.text import TokenStats, analyze_name


@dataclass(frozen=True, slots=True)
class RowData:
    """The screened fields of one portfolio row (checked as ``screen-file`` checks
    them)."""

    name: str
    schema: str | None = None
    birth_date: str | None = None
    countries: tuple[str, ...] = ()
    id_numbers: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "schema": self.schema,
            "birth_date": self.birth_date,
            "countries": list(self.countries),
            "id_numbers": list(self.id_numbers),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RowData:
        return cls(
            data["name"],
            data.get("schema"),
            data.get("birth_date"),
            tuple(data.get("countries") or ()),
            tuple(data.get("id_numbers") or ()),
        )

    @property
    def fingerprint(self) -> str:
        """sha256 of the fields: changes exactly when the row's own data does."""
        text = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    def query(self) -> Query:
        """The matcher's query."""
        return Query(self.name, self.schema, self.birth_date, self.countries, None, self.id_numbers)

    def tokens(self) -> RowTokens:
        """The row's retrieval tokens with their shares and keys
        (:func:`thaw.monitor.keys.row_tokens`)."""
        return row_tokens(analyze_name(self.name, self.schema), self.id_numbers)


RowTokens = list[tuple[int, int, set[str]]]


def row_postings(rows: Iterable[tuple[int, RowTokens]]) -> Postings:
    """The row index's postings of ``(row number, tokens)``: one per key of each
    token, under the id ``row << TOKEN_BITS | token``, weighted by its share."""
    return postings_of(
        ((row << TOKEN_BITS) | token, share, keys)
        for row, tokens in rows
        for token, share, keys in tokens
    )


@dataclass(frozen=True, slots=True)
class Listed:
    """A listing as the monitor screens it: its prepared entry and the content hash
    of its stored version (the listing's fingerprint)."""

    entry: Entry
    hash: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.entry.source, self.entry.source_id)


@dataclass(frozen=True, slots=True)
class Match:
    """A row matching a listing at or above the threshold."""

    row: int
    source: str
    source_id: str
    hash: str
    score: float
    matched_name: str
    explanation: str

    @property
    def key(self) -> tuple[int, str, str]:
        return (self.row, self.source, self.source_id)


def calibrated(stats: dict[str, Any] | None) -> Matcher:
    """The matcher of a portfolio: the default configuration with the portfolio's
    calibration statistics (``None``: none)."""
    return Matcher(stats=TokenStats.from_dict(stats) if stats is not None else None)


def score_pair(
    row: int, data: RowData, listed: Listed, threshold: float, matcher: Matcher
) -> Match | None:
    """The match of one row with one listing, if it reaches ``threshold``."""
    entry = listed.entry
    if not compatible(data.schema, entry.schema):
        return None
    result = matcher.score_at_least(data.query(), entry, threshold)
    if result is None:
        return None
    return Match(
        row,
        entry.source,
        entry.source_id,
        listed.hash,
        round(float(result.score), 4),
        result.matched_name,
        result.explanation,
    )


# -- worker processes -------------------------------------------------------------------

_WORK: dict[str, Any] = {}
"""What forked workers share (set in the parent before forking)."""

MIN_PARALLEL = 2000
"""Fewer units of work than this are done in the calling process."""


def default_workers() -> int:
    """The CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _run(
    func: Callable[[Any], Any],
    chunks: Sequence[Any],
    work: dict[str, Any],
    workers: int | None,
    size: int,
) -> list[Any]:
    """``func`` over ``chunks`` in forked workers sharing ``work`` (in order)."""
    _WORK.clear()
    _WORK.update(work)
    try:
        n = default_workers() if workers is None else workers
        if n <= 1 or size < MIN_PARALLEL or "fork" not in multiprocessing.get_all_start_methods():
            return [func(c) for c in chunks]
        with multiprocessing.get_context("fork").Pool(n) as pool:
            return pool.map(func, chunks, chunksize=1)
    finally:
        _WORK.clear()


def _split(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


# -- full: rows against listings --------------------------------------------------------


class ListingSet:
    """The listings screened against (those in force at the portfolio's
    publications), indexed by retrieval key."""

    def __init__(self, listings: Sequence[Listed]) -> None:
        self.listings = list(listings)
        self.index = KeyIndex.build((i, entry_keys(x.entry)) for i, x in enumerate(self.listings))

    def __len__(self) -> int:
        return len(self.listings)


def _rows_chunk(
    chunk: Sequence[tuple[int, RowData]],
) -> tuple[list[tuple[int, list[Match]]], Postings | None]:
    listings: ListingSet = _WORK["listings"]
    threshold: float = _WORK["threshold"]
    out = []
    all_tokens = []
    matcher = calibrated(_WORK["stats"])
    for row, data in chunk:
        tokens = data.tokens()
        positions, coverage = listing_coverage(listings.index, tokens)
        found = []
        for position in positions[coverage >= MIN_COVERAGE].tolist():
            match = score_pair(row, data, listings.listings[position], threshold, matcher)
            if match is not None:
                found.append(match)
        out.append((row, found))
        if _WORK["keys"]:
            all_tokens.append((row, tokens))
    return out, row_postings(all_tokens) if _WORK["keys"] else None


def screen_rows(
    rows: Sequence[tuple[int, RowData]],
    listings: ListingSet,
    threshold: float,
    stats: dict[str, Any] | None,
    *,
    with_index: bool = False,
    workers: int | None = None,
) -> tuple[list[tuple[int, list[Match]]], KeyIndex | None]:
    """Screen ``rows`` (``(row number, data)``) against every listing of
    ``listings``: per row its matches and, with ``with_index``, the row index of
    these rows. This is the full re-screen."""
    work = {"listings": listings, "threshold": threshold, "stats": stats, "keys": with_index}
    results = _run(_rows_chunk, _split(rows, 512), work, workers, len(rows))
    matches = [item for part, _p in results for item in part]
    if not with_index:
        return matches, None
    return matches, KeyIndex.from_postings(p for _m, p in results if p is not None)


def _index_chunk(chunk: Sequence[tuple[int, RowData]]) -> Postings:
    return row_postings((row, data.tokens()) for row, data in chunk)


def build_row_index(rows: Sequence[tuple[int, RowData]], *, workers: int | None = None) -> KeyIndex:
    """The row index of a portfolio (name analysis in worker processes)."""
    return KeyIndex.from_postings(_run(_index_chunk, _split(rows, 2048), {}, workers, len(rows)))


# -- incremental: changed listings against the rows sharing a key -------------------------


def candidate_rows(index: KeyIndex, changed: Sequence[Listed]) -> dict[int, list[int]]:
    """``row number → positions in changed`` of every pair the row index says to
    score (coverage, see :mod:`thaw.monitor.keys`)."""
    pairs: dict[int, list[int]] = {}
    for position, listed in enumerate(changed):
        rows, coverage = row_coverage(index, entry_keys(listed.entry))
        for row in rows[coverage >= MIN_COVERAGE].tolist():
            pairs.setdefault(row, []).append(position)
    return pairs


def _pairs_chunk(chunk: Sequence[tuple[int, RowData, list[int]]]) -> list[Match]:
    changed: Sequence[Listed] = _WORK["changed"]
    threshold: float = _WORK["threshold"]
    out = []
    matcher = calibrated(_WORK["stats"])
    for row, data, positions in chunk:
        for position in positions:
            match = score_pair(row, data, changed[position], threshold, matcher)
            if match is not None:
                out.append(match)
    return out


def screen_listings(
    pairs: Sequence[tuple[int, RowData, list[int]]],
    changed: Sequence[Listed],
    threshold: float,
    stats: dict[str, Any] | None,
    *,
    workers: int | None = None,
) -> list[Match]:
    """Score the candidate pairs of changed listings: ``pairs`` holds, per row, its
    data and the positions in ``changed`` of the listings it shares a key with."""
    work = {"changed": changed, "threshold": threshold, "stats": stats}
    size = sum(len(p[2]) for p in pairs)
    results = _run(_pairs_chunk, _split(pairs, 256), work, workers, size)
    return [m for part in results for m in part]
