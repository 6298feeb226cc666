"""Screening portfolio rows exactly as ``thaw screen-file`` screens them.

A portfolio row is checked as a ``screen-file`` row is (same fields, same query)
and screened by a :class:`thaw.screen.Screener` over the candidate index of the
listings in force (the store's own index when the portfolio follows the active
publications, one built alike for older ones), with ``screen-file``'s threshold
handling and its ten best hits a row. The monitor's alerts are therefore
``screen-file``'s, row for row, listing for listing, score for score, with one
declared exception, the portfolio's **calibration**:

* the matcher's token statistics (how common each name part is on the lists) are
  those of the lists when the portfolio was added or last recalibrated
  (:meth:`thaw.monitor.Monitor.rescreen` with ``recalibrate``);
* the candidate index's rarity weights (``log(1 + N / df)`` per query token) are
  pinned per token when the portfolio first meets it (:class:`Rarity`, kept in
  the monitoring store; recalibrating pins them anew).

The lists' own statistics move with every publication: they move the fourth
decimal of about one row in two hundred, and the rarity weights of every row's
tokens, even when nothing a row could match changed. Pinning them keeps a row's
result a function of the row and the listings that can cover it, so that
re-screening only the rows a change can reach (:mod:`thaw.monitor.keys`) equals
re-screening everything. At the time of pinning, the alerts are ``screen-file``'s
to the last decimal.

Public functions the Spark engine reuses: :func:`screen_rows` (screen rows
against a :class:`ListingSet`, optionally building their row index) and
:func:`build_row_index`. Both fork worker processes when there is enough work.
"""

from __future__ import annotations

import hashlib
import json
import math
import multiprocessing
import os
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

import thaw.match
from thaw.index import CandidateIndex, Entry
from thaw.match import Matcher, Pending, Query
from thaw.monitor.keys import Postings, RowIndex, handing, postings_of, probe_keys, spans
from thaw.screen import Screener
from thaw.screen.batch import CheckedRow
from thaw.screen.screener import Ranked, rank
from thaw.text import TokenStats, analyze_name

HIT_LIMIT = 10
"""Hits kept per row: ``thaw screen-file``'s default."""


@dataclass(frozen=True, slots=True)
class RowData:
    """The screened fields of one portfolio row (checked as ``screen-file`` checks
    them, :func:`thaw.screen.batch.check_row`). ``gender`` is ``male`` or
    ``female`` when the row gives one (evidence for the matcher, as in
    ``screen-file``)."""

    name: str
    schema: str | None = None
    birth_date: str | None = None
    countries: tuple[str, ...] = ()
    id_numbers: tuple[str, ...] = ()
    gender: str | None = None

    @classmethod
    def of(cls, row: CheckedRow) -> RowData:
        """The fields ``screen-file`` screens of a checked input row."""
        return cls(row.name, row.schema, row.birth_date, row.countries, row.id_numbers, row.gender)

    def to_dict(self) -> dict[str, Any]:
        """The fields as stored and sent in events. ``gender`` only when given: the
        rows stored before thaw read it keep their fingerprints."""
        data: dict[str, Any] = {
            "name": self.name,
            "schema": self.schema,
            "birth_date": self.birth_date,
            "countries": list(self.countries),
            "id_numbers": list(self.id_numbers),
        }
        if self.gender is not None:
            data["gender"] = self.gender
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RowData:
        return cls(
            data["name"],
            data.get("schema"),
            data.get("birth_date"),
            tuple(data.get("countries") or ()),
            tuple(data.get("id_numbers") or ()),
            data.get("gender"),
        )

    @property
    def fingerprint(self) -> str:
        """sha256 of the fields: changes exactly when the row's own data does."""
        text = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    def query(self) -> Query:
        """The matcher's query."""
        return Query(
            self.name, self.schema, self.birth_date, self.countries, self.gender, self.id_numbers
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


class CalibratedScreener(Screener):
    """``screen-file``'s :class:`~thaw.screen.Screener` over ``index``, scoring
    with the portfolio's calibration statistics (see the module docs)."""

    def __init__(self, index: CandidateIndex, stats: dict[str, Any] | None) -> None:
        super().__init__(index=index)
        self._calibrated = calibrated(stats)

    def matcher(self, algorithm: str = "thaw") -> thaw.match.Matcher:
        """The calibrated matcher (the portfolio screens with ``thaw`` only)."""
        return self._calibrated


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


class Workers:
    """The processes that screen: ``workers - 1`` forked ones and the calling
    process, which takes its share of the chunks instead of waiting for them
    (with two cores, one forked process and this one).

    The forked processes share ``work`` (what the chunk functions read from
    :data:`_WORK`) as it is when they are forked: :meth:`fork` forks them early,
    while the calling process is still small (a forked process's resident size
    counts every page it inherited), and every later :meth:`map` uses them.
    Without :meth:`fork`, :meth:`map` forks them itself when there is enough
    work (:data:`MIN_PARALLEL`). Close with :meth:`close` (or ``with``)."""

    def __init__(self, work: dict[str, Any], workers: int | None) -> None:
        self.work = dict(work)
        self.count = default_workers() if workers is None else max(1, workers)
        self._pool: Any = None

    @staticmethod
    def can_fork() -> bool:
        """Whether this platform forks (else everything runs in this process)."""
        return "fork" in multiprocessing.get_all_start_methods()

    def fork(self) -> Workers:
        """Fork the processes now (no-op with one worker, or when forked)."""
        if self._pool is None and self.count > 1 and self.can_fork():
            saved = dict(_WORK)
            _WORK.clear()
            _WORK.update(self.work)
            try:
                self._pool = multiprocessing.get_context("fork").Pool(self.count - 1)
            finally:
                _WORK.clear()
                _WORK.update(saved)
        return self

    def map(self, func: Callable[[Any], Any], chunks: Sequence[Any], size: int) -> list[Any]:
        """``func`` over ``chunks``, results in order. ``size`` (the units of work)
        below :data:`MIN_PARALLEL` runs in this process alone. The forked
        processes are kept fed (two chunks each in flight); this process takes
        the chunks from the other end between two checks of their results."""
        saved = dict(_WORK)
        _WORK.clear()
        _WORK.update(self.work)
        try:
            if size < MIN_PARALLEL or self.count <= 1 or not self.can_fork():
                return [func(c) for c in chunks]
            pool = self.fork()._pool
            results: list[Any] = [None] * len(chunks)
            todo = deque(range(len(chunks)))
            pending: dict[int, Any] = {}
            depth = 2 * (self.count - 1)
            while todo:
                while todo and len(pending) < depth:
                    j = todo.popleft()
                    pending[j] = pool.apply_async(func, (chunks[j],))
                for j in [j for j, r in pending.items() if r.ready()]:
                    results[j] = pending.pop(j).get()
                if todo:
                    j = todo.pop()
                    results[j] = func(chunks[j])
            for j, r in pending.items():
                results[j] = r.get()
            return results
        finally:
            _WORK.clear()
            _WORK.update(saved)

    def close(self) -> None:
        """Stop the forked processes."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _run(
    func: Callable[[Any], Any],
    chunks: Sequence[Any],
    work: dict[str, Any],
    workers: int | None,
    size: int,
) -> list[Any]:
    """``func`` over ``chunks`` in :class:`Workers` sharing ``work`` (in order)."""
    with Workers(work, workers) as pool:
        return pool.map(func, chunks, size)


def _split(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


# -- screening rows ---------------------------------------------------------------------


class ListingSet:
    """The listings a portfolio is screened against (those in force at its
    publications): the candidate index over them and their fingerprints
    (``(source, source_id) → content hash of the stored version``)."""

    def __init__(self, index: CandidateIndex, hashes: Mapping[tuple[str, str], str]) -> None:
        self.index = index
        self.hashes = dict(hashes)

    @classmethod
    def build(cls, listings: Iterable[Listed]) -> ListingSet:
        """Index ``listings`` in the order ``thaw`` builds the store's own index
        (by source, then source id), so that ties rank alike."""
        ordered = sorted(listings, key=lambda x: (x.entry.source, x.entry.source_id))
        return cls(CandidateIndex.build(x.entry for x in ordered), {x.key: x.hash for x in ordered})

    def listed(self, key: tuple[str, str]) -> Listed:
        """The listing ``(source, source_id)`` (``KeyError`` if not in the set)."""
        position = self.index.position(f"{key[0]}:{key[1]}")
        if position is None:
            raise KeyError(key)
        return Listed(self.index.entry(position), self.hashes[key])

    def __len__(self) -> int:
        return len(self.hashes)


Candidates = tuple[str, ...]
"""The listing keys (``source:source_id``) of a row's candidate set, best first."""


@dataclass(frozen=True, slots=True)
class Prior:
    """What a row's last screening left: its candidate set and its alerts (at
    most :data:`HIT_LIMIT`, so none was cut when there are fewer)."""

    candidates: frozenset[str]
    alerts: tuple[Match, ...]


@dataclass(slots=True)
class Screening:
    """What :func:`screen_rows` found: per row its alerts, per row its candidate
    set, and the rows' index when asked for (:meth:`RowScreener.screen`: their
    postings, for the caller to build the index of several calls' rows)."""

    results: list[tuple[int, list[Match]]]
    candidates: dict[int, Candidates]
    index: RowIndex | None = None
    pinned: dict[str, float] = field(default_factory=dict)
    postings: list[Postings] = field(default_factory=list)

    def matches(self) -> list[Match]:
        """Every alert."""
        return [m for _row, found in self.results for m in found]


def screen_row(
    screener: Screener,
    row: int,
    data: RowData,
    listings: ListingSet,
    threshold: float,
    prior: Prior | None = None,
    changed: frozenset[str] = frozenset(),
) -> tuple[list[Match], Candidates]:
    """The alerts of one row, ``screen-file``'s hits (the candidates of the index,
    scored, the best :data:`HIT_LIMIT` at or above ``threshold``, as
    :meth:`thaw.screen.Screener.screen_query` ranks them), and its candidate set.

    With a ``prior`` (the row's last screening, against listings that differ
    only in ``changed``), a candidate that was one before and whose listing did
    not change keeps its score: it is an alert again if it was one, else it stays
    below the threshold. Only new and changed candidates are scored. (When the
    prior alerts or the new ones fill :data:`HIT_LIMIT`, or a kept alert ties
    another on its score, every candidate is scored, as the cut or the order
    then depends on what the prior does not hold.) Candidates are scored and
    ranked by :meth:`thaw.screen.Screener.scored` and
    :func:`thaw.screen.screener.rank`, as ``screen-file`` scores and ranks them."""
    query = screener.prepared(data.query())
    index = screener.index
    written = screener.written_of(query)
    found = screener.candidates_of(query, written)
    keys = [index.listing_keys[c.position] for c in found]
    usable = prior is not None and len(prior.alerts) < HIT_LIMIT
    ranked: list[Ranked[Match | tuple[Entry, Pending]]] = []
    fresh = found
    if prior is not None and usable:
        kept = {f"{m.source}:{m.source_id}": m for m in prior.alerts}
        published = set(written)
        fresh = []
        for candidate, key in zip(found, keys, strict=True):
            if key in prior.candidates and key not in changed:
                old = kept.get(key)
                if old is not None:
                    # (its name's score before the cap is not kept: nan, which
                    # only a tie would read, and a tie is scored anew below)
                    exact = candidate.position in published
                    ranked.append((old.score, exact, math.nan, key, replace(old, row=row)))
            else:
                fresh.append(candidate)
    ranked += screener.scored(query, fresh, written, threshold)
    if usable and (len(ranked) > HIT_LIMIT or _tied_prior(ranked)):
        return screen_row(screener, row, data, listings, threshold)
    # (ranked and cut as screen-file ranks its hits: thaw.screen.screener.rank)
    explain = screener.matcher().explain
    alerts: list[Match] = []
    for *_, held in rank(ranked, HIT_LIMIT):
        if isinstance(held, Match):
            alerts.append(held)
            continue
        entry, pending = held
        result = explain(pending)
        alerts.append(
            Match(
                row,
                entry.source,
                entry.source_id,
                listings.hashes[(entry.source, entry.source_id)],
                round(float(result.score), 4),
                result.matched_name,
                result.explanation,
            )
        )
    return alerts, tuple(keys)


def _tied_prior(ranked: list[Ranked[Match | tuple[Entry, Pending]]]) -> bool:
    """Whether a prior alert kept with its score (:func:`screen_row`) ties
    another alert on score and on publishing the name as written: the score
    of its name before the cap, which ranks them, is not kept."""
    seen = Counter((r[0], r[1]) for r in ranked)
    return any(isinstance(r[4], Match) and seen[(r[0], r[1])] > 1 for r in ranked)


class Rarity:
    """A portfolio's pinned rarity weights: name token → the weight the candidate
    index gave it (``log(1 + N / df)``) when the portfolio first met it. Set as
    :attr:`thaw.index.CandidateIndex.rarity`, a token pinned before keeps its
    weight and a new one is pinned (and listed in :attr:`new`) at ``weigh(text)``
    (:func:`text_rarity`), or, without ``weigh``, at the weight the index gives
    it where it is met.

    The index weighs a token the lists do not carry by the keys its reading
    brings, which depend on the script it was written in (``hasan`` from Хасан
    also probes the Latin spellings of the Cyrillic name): a weight taken where
    the token is first met would depend on which row, in which worker process,
    met it first. ``weigh`` depends on the text alone, so the pins, and the
    alerts screened with them, are the same however the rows are split."""

    def __init__(
        self,
        pinned: Mapping[str, float] | None = None,
        weigh: Callable[[str], float] | None = None,
    ) -> None:
        self.pinned: dict[str, float] = dict(pinned or {})
        self.new: dict[str, float] = {}
        self.weigh = weigh

    def __call__(self, text: str, now: float) -> float:
        found = self.pinned.get(text)
        if found is None:
            found = now if self.weigh is None else self.weigh(text)
            self.pinned[text] = self.new[text] = found
        return found


def text_rarity(index: CandidateIndex) -> Callable[[str], float]:
    """The weight at which a portfolio pins a name token (:class:`Rarity`): the
    index's weight for the token's text, ``log(1 + N / df)`` for the ``df``
    listings carrying it; for a text no listing carries, the weight the index
    gives the text read on its own (a Latin name part: the keys of its Latin
    reading). It is the weight ``screen-file`` gives the token in every name
    except one where a text the lists do not carry came from another script."""

    def weigh(text: str) -> float:
        df = index.document_frequency(text)
        if not df:
            analyzed = analyze_name(text)
            token = next((t for t in analyzed.tokens if t.text == text), None)
            if token is not None:
                df = index.token_document_frequency(analyzed, token)
        return index.rarity_weight(df)

    return weigh


_Chunk = tuple[
    list[tuple[int, list[Match]]], list[npt.NDArray[np.int32]], Postings | None, dict[str, float]
]


def _rows_chunk(chunk: Sequence[tuple[int, RowData, Prior | None]]) -> _Chunk:
    listings: ListingSet = _WORK["listings"]
    screener: Screener = _WORK["screener"]
    threshold: float = _WORK["threshold"]
    changed: frozenset[str] = _WORK["changed"]
    rarity: Rarity = _WORK["rarity"]
    rarity.new = {}
    out, sets = [], []
    position = listings.index.position
    for row, data, prior in chunk:
        found, candidates = screen_row(screener, row, data, listings, threshold, prior, changed)
        out.append((row, found))
        # (as positions in the index: four bytes a key to send back, and the
        # caller's keys are the index's own strings, not copies unpickled per chunk)
        sets.append(np.fromiter(map(position, candidates), np.int32, len(candidates)))
    if not _WORK["keys"]:
        return out, sets, None, rarity.new
    pins = rarity.pinned if _WORK["pinning"] else None
    postings = _postings([(row, data) for row, data, _p in chunk], listings.index, pins)
    return out, sets, postings, rarity.new


class RowScreener:
    """Screens rows against ``listings`` as ``screen-file`` does with the
    calibration ``stats`` (see :func:`screen_rows`, the one-call form), in as
    many calls as the caller has chunks of rows, all sharing one set of
    :class:`Workers` (:meth:`fork` forks them early, while the caller is small).

    ``with_index``: each :class:`Screening` also holds the postings of its rows
    (for :class:`~thaw.monitor.keys.RowIndex`); ``changed``: the keys of the
    listings that differ from those a row's :class:`Prior` was screened against;
    ``rarity``: the portfolio's pinned rarity weights (:class:`Rarity`; the
    candidate index weighs a token pinned there at that weight and pins every
    other token at its own, returned in :attr:`Screening.pinned` for the caller
    to keep; ``None``: the index's own weights, nothing pinned). A token pinned
    in one call keeps its weight in the later ones."""

    def __init__(
        self,
        listings: ListingSet,
        threshold: float,
        stats: dict[str, Any] | None,
        *,
        with_index: bool = False,
        changed: Iterable[str] = (),
        workers: int | None = None,
        rarity: Mapping[str, float] | None = None,
    ) -> None:
        self.listings = listings
        self.index = listings.index
        self.index.prepare()
        self.pins = Rarity(rarity, text_rarity(self.index))
        self.pinning = rarity is not None
        self.with_index = with_index
        work = {
            "listings": listings,
            "screener": CalibratedScreener(self.index, stats),
            "threshold": threshold,
            "keys": with_index,
            "changed": frozenset(changed),
            "rarity": self.pins,
            "pinning": self.pinning,
        }
        self.workers = Workers(work, workers)

    def fork(self) -> RowScreener:
        """Fork the worker processes now (see :class:`Workers`)."""
        self.index.rarity = self.pins if self.pinning else None
        try:
            self.workers.fork()
        finally:
            self.index.rarity = None
        return self

    def screen(
        self,
        rows: Sequence[tuple[int, RowData]] | Sequence[tuple[int, RowData, Prior | None]],
    ) -> Screening:
        """Per row its alerts and candidate set (and postings, ``with_index``)."""
        items = [(r[0], r[1], r[2] if len(r) > 2 else None) for r in rows]
        self.index.rarity = self.pins if self.pinning else None
        try:
            parts = self.workers.map(_rows_chunk, _split(items, 512), len(items))
        finally:
            self.index.rarity = None
        out = Screening([], {})
        keys = self.index.listing_keys
        for part, sets, postings, new in parts:
            out.results += part
            for (row, _m), found in zip(part, sets, strict=True):
                out.candidates[row] = tuple([keys[p] for p in found.tolist()])
            if postings is not None:
                out.postings.append(postings)
            if self.pinning:
                for token, weight in new.items():
                    out.pinned.setdefault(token, weight)
        return out

    def close(self) -> None:
        """Stop the worker processes."""
        self.workers.close()

    def __enter__(self) -> RowScreener:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def screen_rows(
    rows: Sequence[tuple[int, RowData]] | Sequence[tuple[int, RowData, Prior | None]],
    listings: ListingSet,
    threshold: float,
    stats: dict[str, Any] | None,
    *,
    with_index: bool = False,
    changed: Iterable[str] = (),
    workers: int | None = None,
    rarity: Mapping[str, float] | None = None,
) -> Screening:
    """Screen ``rows`` (``(row number, data)``, or ``(row number, data, prior)``)
    against ``listings`` as ``screen-file`` does with the calibration ``stats``:
    per row its alerts and candidate set and, with ``with_index``, the row index
    of these rows. A row with a :class:`Prior` (its last screening, against
    listings differing from ``listings`` only in the keys ``changed``) has only
    its new and changed candidates scored (:func:`screen_row`). Used for a full
    re-screen and for the rows a change can reach.

    ``rarity`` holds the portfolio's pinned rarity weights (:class:`Rarity`): the
    candidate index weighs a token pinned there at that weight, and pins every
    other token at its own (returned in :attr:`Screening.pinned`, for the caller
    to keep). ``None``: the index's own weights, nothing pinned. (One call of a
    :class:`RowScreener`.)"""
    with RowScreener(
        listings,
        threshold,
        stats,
        with_index=with_index,
        changed=changed,
        workers=workers,
        rarity=rarity,
    ) as screener:
        out = screener.screen(rows)
    if with_index:
        out.index = RowIndex.from_postings(handing(out.postings))
    return out


def _postings(
    chunk: Sequence[tuple[int, RowData]],
    keyer: CandidateIndex,
    rarity: Mapping[str, float] | None,
) -> Postings:
    return postings_of(
        (row, *probe_keys(data.name, data.schema, data.id_numbers, keyer, rarity))
        for row, data in chunk
    )


def _index_chunk(chunk: Sequence[tuple[int, RowData]]) -> Postings:
    keyer: CandidateIndex = _WORK["keyer"]
    rarity: Mapping[str, float] | None = _WORK["rarity"]
    return _postings(chunk, keyer, rarity)


def build_row_index(
    rows: Sequence[tuple[int, RowData]],
    *,
    workers: int | None = None,
    rarity: Mapping[str, float] | None = None,
) -> RowIndex:
    """The row index of a portfolio (name analysis in worker processes), for
    the rarity weights pinned at ``rarity`` (``None``: not pinned)."""
    return RowIndex.from_postings(handing(row_postings([rows], workers=workers, rarity=rarity)))


def row_postings(
    pages: Iterable[Sequence[tuple[int, RowData]]],
    *,
    workers: int | None = None,
    rarity: Mapping[str, float] | None = None,
) -> list[Postings]:
    """The postings of the rows of ``pages`` (read one page at a time, by one
    set of :class:`Workers`), for :meth:`RowIndex.from_postings`."""
    out: list[Postings] = []
    with Workers({"keyer": CandidateIndex.build(()), "rarity": rarity}, workers) as pool:
        for rows in pages:
            out += pool.map(_index_chunk, _split(rows, 2048), len(rows))
    return out


class CandidateSets:
    """The candidate set of every row of a portfolio (row pk → listing keys) at
    the publications its alerts reflect, kept on disk beside the row index so that
    a step can score only what changed (:class:`Prior`). Arrays in an ``.npz``
    (no pickled objects), read as they are: a step looks up the rows it reaches
    and writes back the arrays with the rows it changed."""

    def __init__(self, sets: Mapping[int, Candidates] | None = None) -> None:
        self._vocab: list[str] = []
        self._slots: dict[str, int] | None = None
        self._pks = np.zeros(0, dtype=np.int64)
        self._offsets = np.zeros(1, dtype=np.int64)
        self._ids = np.zeros(0, dtype=np.int32)
        # (rows whose set changed: their keys as numbers of the vocabulary, four
        # bytes each rather than a tuple of strings; None: the row is gone)
        self._changed: dict[int, npt.NDArray[np.int32] | None] = {}
        if sets:
            self.update(sets)

    def get(self, pk: int) -> Candidates | None:
        """The candidate set of row ``pk`` (``None``: not known)."""
        vocab = self._vocab
        if pk in self._changed:
            found = self._changed[pk]
            return None if found is None else tuple(vocab[j] for j in found.tolist())
        i = int(np.searchsorted(self._pks, pk))
        if i == len(self._pks) or self._pks[i] != pk:
            return None
        start, end = int(self._offsets[i]), int(self._offsets[i + 1])
        return tuple(vocab[j] for j in self._ids[start:end].tolist())

    def update(self, sets: Mapping[int, Candidates]) -> None:
        """Replace the candidate sets of these rows."""
        if self._slots is None:
            self._slots = {key: i for i, key in enumerate(self._vocab)}
        slots, vocab = self._slots, self._vocab
        for pk, keys in sets.items():
            numbers = []
            for key in keys:
                slot = slots.get(key)
                if slot is None:
                    slot = slots[key] = len(vocab)
                    vocab.append(key)
                numbers.append(slot)
            self._changed[pk] = np.array(numbers, dtype=np.int32)

    def drop(self, pks: Iterable[int]) -> None:
        """Forget the rows ``pks`` (removed from the portfolio)."""
        self._changed.update((pk, None) for pk in pks)

    def compact(self) -> None:
        """Fold the rows replaced since the last :meth:`compact` into the arrays
        (a million rows' sets as numbered arrays, not a million small ones)."""
        self._pks, self._offsets, self._ids = self._merged()
        self._changed = {}

    def save(self, path: Path) -> None:
        """Write atomically to ``path``."""
        pks, offsets, ids = self._merged()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".building-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                np.savez(
                    fh,
                    pks=pks,
                    offsets=offsets,
                    ids=ids,
                    vocab=np.array(self._vocab, dtype=np.str_),
                )
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _merged(
        self,
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int32]]:
        """``(pks, offsets, ids)`` with the replaced rows folded in, by pk."""
        changed = np.fromiter(self._changed, dtype=np.int64, count=len(self._changed))
        kept = np.flatnonzero(~np.isin(self._pks, changed))
        lengths = np.diff(self._offsets)[kept]
        starts = self._offsets[kept]
        ids = [self._ids[spans(starts, starts + lengths)]]
        pks, sizes = [self._pks[kept]], [lengths]
        added = [(pk, keys) for pk, keys in self._changed.items() if keys is not None]
        pks.append(np.fromiter((pk for pk, _k in added), dtype=np.int64, count=len(added)))
        sizes.append(np.fromiter((len(k) for _p, k in added), dtype=np.int64, count=len(added)))
        ids += [keys for _pk, keys in added]
        all_pks, all_sizes, all_ids = (
            np.concatenate(pks),
            np.concatenate(sizes),
            np.concatenate(ids),
        )
        order = np.argsort(all_pks, kind="stable")
        begins = (np.cumsum(all_sizes) - all_sizes)[order]
        all_sizes = all_sizes[order]
        offsets = np.concatenate(([0], np.cumsum(all_sizes))).astype(np.int64)
        merged = all_ids[spans(begins, begins + all_sizes)].astype(np.int32)
        return all_pks[order], offsets, merged

    @classmethod
    def load(cls, path: Path) -> CandidateSets:
        """Read what :meth:`save` wrote."""
        found = cls()
        with np.load(path, allow_pickle=False) as data:
            found._vocab = data["vocab"].tolist()
            found._ids = data["ids"]
            found._offsets = data["offsets"]
            found._pks = data["pks"]
        return found
