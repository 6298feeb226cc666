"""Screening one large ``/match`` batch on every core: a small pool of forked
processes per snapshot.

A batch of 100 examples is 100 or more names to screen, and screening is nearly
all of its cost. One server worker would screen them one after another on one
core; with ``THAW_BATCH_PROCESSES`` = N, the worker hands the first (N-1)/N of
the names to the N-1 processes of its :class:`ScreeningPool`, in contiguous
chunks, and screens the rest itself meanwhile. Only the screening moves: the worker
parses the request, then merges hits into parties, builds the entities, applies
decisions, writes the audit record and the answer from the screened results, in
the order of the names, so the answer is the one the serial path gives (tested
byte for byte).

**Why forked processes.** Screening is Python code under the GIL, so threads do
not help; a process per core does. The processes are forked from the worker once
its snapshot is loaded (on the first large batch), so they share the loaded index
and tables copy-on-write instead of loading their own; the snapshot's objects are
frozen out of the cyclic garbage collector (``gc.freeze``), so that collections
in the children do not touch, and so copy, those pages. What crosses a pipe is
small: the names to screen (about 40 bytes each) and their hits (about 400).

**Why the worker screens a share.** With N cores, N-1 forked processes plus the
worker keep N cores busy, with one process fewer than N forked ones: fewer names
and hits cross a pipe, and fewer processes must each learn the words of the names
(the screener caches per-word work, per process). The worker's event loop waits
for its own share, as it waits for a whole batch without a pool. Its share is
smaller than the others' by what it spends on the batch outside screening
(:class:`ShareMeter`), so that all finish together.

**Hot reload.** A pool belongs to one :class:`~thaw.api.engine.Snapshot` and its
processes screen that snapshot's index only. When the engine installs new lists,
it closes the old snapshot's pool: chunks already handed to it finish on the old
index (in-flight requests finish on the index they started with), a request on
the old snapshot that has not handed its chunks over yet screens them itself, on
the same old index, and the next large batch forks a pool from the new snapshot.
If a pool process dies, the request's names are screened serially and the
snapshot forks a new pool for the next batch.

Small batches (below ``THAW_BATCH_SPLIT`` names) are screened in the worker
itself: handing them over would cost more than it saves.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import multiprocessing
import signal
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import count

from thaw.match import Query
from thaw.profiles.screening import PartyScreener
from thaw.screen import ScreenResult

log = logging.getLogger("thaw.api")

Task = tuple[Query, int]
"""One name to screen and the number of parties to keep for it."""

_SCREENERS: dict[int, PartyScreener] = {}
"""The screener of each open pool, by token: a forked child finds its pool's
screener here (inherited from the parent at the fork)."""
_TOKENS = count(1)


def screen_tasks(
    screener: PartyScreener, tasks: Sequence[Task], threshold: float, algorithm: str
) -> list[ScreenResult]:
    """Screen each name in turn (the serial path, and each chunk of the pool)."""
    return [
        screener.screen_query(query, threshold=threshold, limit=limit, algorithm=algorithm)
        for query, limit in tasks
    ]


def _screen_chunk(
    token: int, tasks: Sequence[Task], threshold: float, algorithm: str
) -> list[ScreenResult]:
    """Run in a pool process: screen a chunk with the pool's screener."""
    return screen_tasks(_SCREENERS[token], tasks, threshold, algorithm)


def _child_started() -> None:
    """Run once in each new pool process.

    The child was forked from a server worker whose event loop handles SIGINT and
    SIGTERM by writing to a wake-up socket it shares with its parent: a signal to
    the child must not reach the parent that way. The child dies with the
    default action of SIGTERM and ignores SIGINT (a Ctrl-C in a terminal reaches
    the whole process group; the worker then shuts its pool down itself). What it
    inherited is frozen out of the garbage collector's reach."""
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.freeze()


class ScreeningPool:
    """The forked screening processes of one snapshot (see the module docs); the
    worker that owns them screens a share of each batch itself."""

    def __init__(self, screener: PartyScreener, processes: int) -> None:
        self.processes = processes
        self.token = next(_TOKENS)
        _SCREENERS[self.token] = screener
        self._executor = ProcessPoolExecutor(
            processes,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_child_started,
        )

    def chunks(self, tasks: Sequence[Task]) -> list[Sequence[Task]]:
        """``tasks`` in up to :attr:`processes` contiguous chunks of nearly equal size."""
        n = min(self.processes, len(tasks))
        size, extra = divmod(len(tasks), n)
        out: list[Sequence[Task]] = []
        start = 0
        for i in range(n):
            end = start + size + (1 if i < extra else 0)
            out.append(tasks[start:end])
            start = end
        return out

    def submit(
        self, tasks: Sequence[Task], threshold: float, algorithm: str
    ) -> list[asyncio.Future[list[ScreenResult]]]:
        """Hand ``tasks`` over to the processes, in chunks (``RuntimeError`` if the
        pool has been closed)."""
        loop = asyncio.get_running_loop()
        return [
            loop.run_in_executor(
                self._executor, _screen_chunk, self.token, chunk, threshold, algorithm
            )
            for chunk in self.chunks(tasks)
        ]

    def close(self) -> None:
        """Accept no more chunks; the processes finish those handed over, then exit."""
        self._executor.shutdown(wait=False, cancel_futures=False)
        _SCREENERS.pop(self.token, None)


class ShareMeter:
    """How many names of a pooled batch the worker screens itself.

    The worker does more than screen its share: it parses the request, then
    builds the answer and the audit record of every name of the batch, while the
    forked processes only screen. With an equal share each, the batch waits for
    the worker. So the worker measures both (CPU of its own thread, per name,
    averaged over recent batches: ``overhead`` outside screening, ``screening``
    of its share) and takes the share that makes it finish with the others: with
    ``p`` processes and ``n`` names, ``n/p - (overhead/screening) * n * (p-1)/p``,
    at least a quarter of an equal share (so that it keeps measuring), at most
    an equal share (before any measurement)."""

    WEIGHT = 0.2
    """Weight of the newest batch in the running averages."""

    def __init__(self) -> None:
        self.overhead: float | None = None
        """Seconds of the worker's CPU per name outside screening."""
        self.screening: float | None = None
        """Seconds of the worker's CPU per name it screened."""

    @classmethod
    def _average(cls, old: float | None, new: float) -> float:
        return new if old is None else old + cls.WEIGHT * (new - old)

    def note_overhead(self, seconds: float, names: int) -> None:
        """The worker spent ``seconds`` outside screening on a pooled batch."""
        if names:
            self.overhead = self._average(self.overhead, seconds / names)

    def note_screening(self, seconds: float, names: int) -> None:
        """The worker spent ``seconds`` screening its share of ``names``."""
        if names:
            self.screening = self._average(self.screening, seconds / names)

    def own(self, names: int, processes: int) -> int:
        """How many of ``names`` the worker screens, of ``processes`` in all."""
        equal = names / processes
        if not self.overhead or not self.screening:
            return names - names * (processes - 1) // processes
        share = equal - self.overhead / self.screening * names * (processes - 1) / processes
        return round(min(equal, max(equal / 4, share)))


class PoolSlot:
    """A snapshot's pool, forked on first use and closed with the snapshot
    (thread-safe: the event loop uses it, the reload thread closes it), and the
    worker's measure of its share (:class:`ShareMeter`)."""

    def __init__(self, screener: PartyScreener) -> None:
        self.screener = screener
        self.share = ShareMeter()
        self._pool: ScreeningPool | None = None
        self._closed = False
        self._lock = threading.Lock()

    def get(self, processes: int) -> ScreeningPool | None:
        """The pool (forked now if need be), or ``None`` once closed."""
        with self._lock:
            if self._closed:
                return None
            if self._pool is None:
                self._pool = ScreeningPool(self.screener, processes)
            return self._pool

    def discard(self, pool: ScreeningPool) -> None:
        """Drop a broken pool: the next batch forks a new one."""
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.close()

    def close(self) -> None:
        """Close the pool for good (the snapshot has been replaced)."""
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()


async def screen_batch(
    slot: PoolSlot,
    tasks: Sequence[Task],
    threshold: float,
    algorithm: str,
    *,
    processes: int,
    split: int,
) -> list[ScreenResult]:
    """Screen ``tasks`` with the snapshot's screener, the same results either way:
    with at least ``split`` names and ``processes`` > 1, the worker hands all but
    its own share to ``processes - 1`` forked processes and screens its share
    meanwhile; otherwise (and for whatever the pool cannot take) in this process
    alone. A name repeated in the batch (with the same details and party count) is
    screened once and its result given to each."""
    unique = list(dict.fromkeys(tasks))
    if len(unique) < len(tasks):
        results = await screen_batch(
            slot, unique, threshold, algorithm, processes=processes, split=split
        )
        found = dict(zip(unique, results, strict=True))
        return [found[task] for task in tasks]
    if processes < 2 or len(tasks) < split:
        return screen_tasks(slot.screener, tasks, threshold, algorithm)
    handed = len(tasks) - slot.share.own(len(tasks), processes)
    theirs, mine = tasks[:handed], tasks[handed:]
    pool = slot.get(processes - 1)
    futures = None
    if pool is not None:
        try:
            futures = pool.submit(theirs, threshold, algorithm)
        except BrokenProcessPool:  # a process died since the last batch
            log.warning("a screening process had died; forking a new pool")
            slot.discard(pool)
        except RuntimeError:  # closed by a reload meanwhile: screen here, same index
            pass
    if futures is None:
        return screen_tasks(slot.screener, tasks, threshold, algorithm)
    began = time.thread_time()
    own = screen_tasks(slot.screener, mine, threshold, algorithm)
    slot.share.note_screening(time.thread_time() - began, len(mine))
    try:
        parts = await asyncio.gather(*futures)
    except BrokenProcessPool:
        log.exception("a screening process died; screening its names here")
        assert pool is not None
        slot.discard(pool)
        return screen_tasks(slot.screener, theirs, threshold, algorithm) + own
    return [result for part in parts for result in part] + own
