"""Screening one large ``/match`` batch on every core: a small pool of forked
processes per snapshot.

A batch of 100 examples is 100 or more names to screen, and screening is nearly
all of its cost. One server worker would screen them one after another on one
core; with ``THAW_BATCH_PROCESSES`` = N, the worker hands the whole list of
names to the N-1 processes of its :class:`ScreeningPool`, and it and they take
the names one at a time from one shared cursor (:class:`Claims`) until none is
left. Only the screening moves: the worker
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

**Why the worker screens too.** With N cores, N-1 forked processes plus the
worker keep N cores busy, with one process fewer than N forked ones: fewer names
and hits cross a pipe, and fewer processes must each learn the words of the names
(the screener caches per-word work, per process). The worker's event loop waits
for its own names, as it waits for a whole batch without a pool.

**Why one shared cursor, not fixed shares.** Names differ in cost by 2-7x (an
Arabic, Persian or Hangul name against a Latin one; one name in a hundred costs
5 ms or more), a forked process may still be busy with another batch, and the
hand-over through the executor's threads takes from 0 to several ms: with fixed
contiguous shares one side waited for the other (5 ms a batch of 100 on average,
up to 45). Taking one name at a time from a shared cursor (a lock and an integer
in memory shared at the fork, about a microsecond a name), every side works
until the list is done, and a side that starts late or meets costly names simply
takes fewer. The results come back with their positions and are put in order.

**Hot reload.** A pool belongs to one :class:`~thaw.api.engine.Snapshot` and its
processes screen that snapshot's index only. When the engine installs new lists,
it closes the old snapshot's pool: chunks already handed to it finish on the old
index (in-flight requests finish on the index they started with), a request on
the old snapshot that has not handed its chunks over yet screens them itself, on
the same old index, and the next large batch forks a pool from the new snapshot.
If a pool process dies, the request's names are screened serially and the
snapshot forks a new pool for the next batch.

**Freezing, with a bound.** After each pooled batch the worker and the
processes freeze what they hold (the screener's per-word caches, decoded
entries) out of the cyclic collector's reach, or full collections walk every
cache entry (pauses of 40-130 ms every few dozen batches). In the worker a
freeze also keeps whatever cyclic garbage is alive at that moment (the objects
of other requests in flight) from being collected, so at most once every
:data:`RECLAIM_SECONDS` the worker's freeze first unfreezes and collects
(:func:`freeze`): such garbage is bounded by ten minutes' worth, for one
collection of the whole heap (about 40 ms with the newest lists) each ten
minutes. A pool process's garbage is its screening's, which is not cyclic; it
only freezes, and never walks the pages it shares with the worker.

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

Claimed = list[tuple[int, ScreenResult]]
"""Results of the names one side took from a batch, with their positions."""


class Claims:
    """Cursors over the batches being screened, in memory shared with the forked
    processes (inherited at the fork), one per batch in flight in the worker.

    A batch of ``n`` names gets a free cursor and a *base*: positions
    ``base .. base + n - 1``. Every side takes the next position under the lock
    (:meth:`take`) until the cursor reaches the end. Bases only grow, so a cursor
    handed to a new batch starts beyond the end of every earlier batch: a process
    still busy with an earlier batch on the same cursor finds it finished."""

    SLOTS = 64
    """Cursors, so batches in flight at once in one worker (beyond, a batch is
    screened in the worker alone)."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        self._cursors = context.RawArray("q", self.SLOTS)
        self._lock = context.Lock()
        self._free = list(range(self.SLOTS))
        self._next = 0

    def open(self, n: int) -> tuple[int, int] | None:
        """A cursor and base for a batch of ``n`` names (in the worker), or
        ``None`` if all cursors are in use."""
        if not self._free:
            return None
        slot = self._free.pop()
        base, self._next = self._next, self._next + n
        with self._lock:
            self._cursors[slot] = base
        return slot, base

    def release(self, slot: int) -> None:
        """Give back a batch's cursor, once it has reached the batch's end."""
        self._free.append(slot)

    def take(self, slot: int, end: int) -> int | None:
        """The next position of a cursor, or ``None`` at ``end``."""
        with self._lock:
            position: int = self._cursors[slot]
            if position >= end:
                return None
            self._cursors[slot] = position + 1
        return position

    def screen(
        self,
        screener: PartyScreener,
        slot: int,
        base: int,
        tasks: Sequence[Task],
        threshold: float,
        algorithm: str,
    ) -> Claimed:
        """Take names of a batch from its cursor and screen them, until none is
        left: the results, with their positions in ``tasks``."""
        out: Claimed = []
        end = base + len(tasks)
        while (position := self.take(slot, end)) is not None:
            query, limit = tasks[position - base]
            out.append(
                (
                    position - base,
                    screener.screen_query(
                        query, threshold=threshold, limit=limit, algorithm=algorithm
                    ),
                )
            )
        return out


_POOLS: dict[int, tuple[PartyScreener, Claims]] = {}
"""The screener and cursors of each open pool, by token: a forked child finds its
pool's here (inherited from the parent at the fork)."""
_TOKENS = count(1)


def screen_tasks(
    screener: PartyScreener, tasks: Sequence[Task], threshold: float, algorithm: str
) -> list[ScreenResult]:
    """Screen each name in turn (the serial path)."""
    return [
        screener.screen_query(query, threshold=threshold, limit=limit, algorithm=algorithm)
        for query, limit in tasks
    ]


def _screen_claims(
    token: int, slot: int, base: int, tasks: Sequence[Task], threshold: float, algorithm: str
) -> Claimed:
    """Run in a pool process: screen names of a batch taken from its cursor.

    What the process holds afterwards (the screener's per-word caches, decoded
    entries) is frozen out of the cyclic collector's reach, as in
    :mod:`thaw.screen.batch`'s workers: screening makes almost no cyclic garbage,
    and full collections would otherwise walk every cache entry, a pause of tens
    of ms every few batches."""
    screener, claims = _POOLS[token]
    try:
        return claims.screen(screener, slot, base, tasks, threshold, algorithm)
    finally:
        gc.freeze()  # a process's garbage is its screening's: nothing to reclaim


RECLAIM_SECONDS = 600.0
"""At most how often the worker's :func:`freeze` unfreezes and collects first (see
the module docs)."""
_reclaimed = time.monotonic()


def freeze() -> None:
    """In a server worker, after a pooled batch: freeze what it holds out of the
    cyclic collector's reach; first, if :data:`RECLAIM_SECONDS` have passed since
    the last time, unfreeze and collect, so that cyclic garbage frozen meanwhile
    is reclaimed (see the module docs)."""
    global _reclaimed
    now = time.monotonic()
    if now - _reclaimed >= RECLAIM_SECONDS:
        _reclaimed = now
        gc.unfreeze()
        gc.collect()
    gc.freeze()


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
    worker that owns them screens names of each batch itself."""

    def __init__(self, screener: PartyScreener, processes: int) -> None:
        self.processes = processes
        self.token = next(_TOKENS)
        self.screener = screener
        self.claims = Claims()
        _POOLS[self.token] = (screener, self.claims)
        self._executor = ProcessPoolExecutor(
            processes,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_child_started,
        )

    def submit(
        self, slot: int, base: int, tasks: Sequence[Task], threshold: float, algorithm: str
    ) -> list[asyncio.Future[Claimed]]:
        """Let every process take names of a batch from its cursor
        (``RuntimeError`` if the pool has been closed)."""
        loop = asyncio.get_running_loop()
        return [
            loop.run_in_executor(
                self._executor,
                _screen_claims,
                self.token,
                slot,
                base,
                tasks,
                threshold,
                algorithm,
            )
            for _ in range(min(self.processes, len(tasks)))
        ]

    def close(self) -> None:
        """Accept no more batches; the processes finish those handed over, then exit."""
        self._executor.shutdown(wait=False, cancel_futures=False)
        _POOLS.pop(self.token, None)


class PoolSlot:
    """A snapshot's pool, forked on first use and closed with the snapshot
    (thread-safe: the event loop uses it, the reload thread closes it)."""

    def __init__(self, screener: PartyScreener) -> None:
        self.screener = screener
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
    with at least ``split`` names and ``processes`` > 1, the worker and
    ``processes - 1`` forked processes take the names one at a time from a shared
    cursor; otherwise (and for whatever the pool cannot take) in this process
    alone. A name repeated in the batch (with the same details and party count) is
    screened once and its result given to each."""
    unique = list(dict.fromkeys(tasks))
    if len(unique) < len(tasks):
        screened = await screen_batch(
            slot, unique, threshold, algorithm, processes=processes, split=split
        )
        found = dict(zip(unique, screened, strict=True))
        return [found[task] for task in tasks]
    if processes < 2 or len(tasks) < split:
        return screen_tasks(slot.screener, tasks, threshold, algorithm)
    pool = slot.get(processes - 1)
    if pool is None:  # closed by a reload: screen here, on the same (old) index
        return screen_tasks(slot.screener, tasks, threshold, algorithm)
    cursor = pool.claims.open(len(tasks))
    if cursor is None:  # more batches in flight than cursors
        return screen_tasks(slot.screener, tasks, threshold, algorithm)
    futures: list[asyncio.Future[Claimed]] = []
    try:
        futures = pool.submit(*cursor, tasks, threshold, algorithm)
    except BrokenProcessPool:  # a process died since the last batch
        log.warning("a screening process had died; forking a new pool")
        slot.discard(pool)
    except RuntimeError:  # closed by a reload meanwhile: screen here, same index
        pass
    try:
        own = pool.claims.screen(slot.screener, *cursor, tasks, threshold, algorithm)
    finally:
        pool.claims.release(cursor[0])  # the cursor is at its end: no one takes more
    results: list[ScreenResult | None] = [None] * len(tasks)
    for position, result in own:
        results[position] = result
    for future in futures:
        try:
            part = await future
        except BrokenProcessPool:
            log.exception("a screening process died; screening its names here")
            slot.discard(pool)
            continue
        for position, result in part:
            results[position] = result
    freeze()  # see the module docs: no full collection walks the worker's caches
    return [
        result
        if result is not None
        else slot.screener.screen_query(
            tasks[i][0], threshold=threshold, limit=tasks[i][1], algorithm=algorithm
        )
        for i, result in enumerate(results)
    ]
