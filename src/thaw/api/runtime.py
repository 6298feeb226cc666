"""What one server process holds: settings, the data engine, the team state, the
key cache, the rate limiter and the audit writer (group commit)."""

from __future__ import annotations

import asyncio
import fcntl
import logging
import queue
import secrets
import subprocess
import sys
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import Request

from thaw.api.auth import KeyCache
from thaw.api.engine import Engine
from thaw.api.ratelimit import SharedRateLimiter
from thaw.api.settings import Settings
from thaw.store.state import Audit, AuditRecord, Busy, PreparedRecord, State

log = logging.getLogger("thaw.api")


Waiter = Future[AuditRecord] | tuple[asyncio.AbstractEventLoop, "asyncio.Future[AuditRecord]"]
"""Who waits for a record's commit: a thread (a concurrent future) or a coroutine
(its event loop and an asyncio future, resolved with one wake-up per group)."""


class AuditWriter:
    """Appends audit records, in groups when they queue up (group commit).

    A request hands its record over and waits until the transaction holding it
    has committed. **Guarantee:** every screening answer is on record, chained and
    committed, before it is sent; a request whose record cannot be written fails
    with 503.

    **How a record is committed (SQLite).** The event loop commits the records
    itself (a commit in WAL mode with ``synchronous=NORMAL`` does not wait for the
    disk), in one of two ways (``at_once``, ``THAW_AUDIT_COMMIT``):

    * ``turn`` (the service's default): the records of every request that
      finished in one turn of the loop are committed together at its next turn:
      one commit for all of them, but each answer waits for the screening of the
      requests that were ready alongside it;
    * ``now``: a request's record is committed as it finishes, and its answer goes
      out straight away, at the cost of a commit per record. Measured idle on the
      2-core benchmark machine at 16 clients, it gave no more requests per second
      and twice the p99 latency (68–71 ms against 31–34 ms), so it is not the
      default; it is kept to compare the two on other machines.

    Each worker of a server writes a segment of the trail of its own, in a file
    of its own (``segment``, :meth:`~thaw.store.state.Audit.new_segment`): on one
    shared chain the workers took turns at SQLite's write lock and re-read each
    other's pages, which cost 4 % more CPU per ``/match`` (measured on 2 workers).
    A segment has one writer, this one. Where records go to a shared chain (no
    segment, and ``thaw decide`` beside a server), the loop never *waits* for the
    lock: it tries
    to take it (:meth:`~thaw.store.state.Audit.append_many` with ``wait=False``),
    and if another process holds it, the request waits while the loop goes on
    serving, and the loop tries again after :attr:`RETRY` seconds (doubling up
    to :attr:`MAX_RETRY` while the lock stays taken) with every record queued
    meanwhile, as one group; records are prepared once, when submitted. Waiting
    inside SQLite instead (its busy handler sleeps 1, 2, 5 … ms) would stop every
    request of the worker at each collision. The lock is held for little more than the inserts
    (:meth:`~thaw.store.state.Audit.append_many` prepares the records' JSON and
    most of their hash before taking it), so turns rarely collide.

    Two alternatives were weighed and not taken: a writer thread per worker (its
    commits wait for the GIL behind screening, up to the 5 ms switch interval,
    and the answer then waits for a wake-up of the loop: measured slower), and a
    single writer for the chain fed by every worker over a pipe or through
    per-worker spool files (no lock turns at all, but a record would be on disk,
    unchained, when its answer is sent, and there would be a second store of
    records to recover after a crash).

    Other backends (a network round trip per commit) and the synchronous routes
    use the writer thread, which waits for the lock as usual.

    On a shared chain, SQLite checkpoints its write-ahead log in the commit that
    takes it past 1,000 pages (about every 250 records), with two fsyncs, in the
    loop; a passive checkpoint from a thread never caught up with a log that two
    workers write all the time (the log grew by 16 kB a record). A worker's
    segment is checkpointed instead by a thread of its own every
    :attr:`CHECKPOINT_EVERY` records, holding the writer's lock: with no other
    writer, its checkpoint always completes and empties the log, and the loop,
    finding the lock taken, serves on meanwhile rather than wait for the disk.

    A third mode, opt-in:

    * ``after`` (``deferred``): the answer does not wait for the commit. The
      record is queued (:meth:`record_async`) and the loop commits what queued up
      at most :attr:`WINDOW` seconds later, as one group. This takes the commit
      off the request path: no future to wait for and no extra turn of the loop
      per request, and groups of a whole window's records (a commit's fixed cost,
      about 25 µs, shared by tens of records instead of a few). What it gives up:
      a ``kill -9`` (or a crash of the worker) loses the records of the answers
      sent in the last :attr:`WINDOW` seconds, at most :attr:`max_group` records
      per worker; a clean stop (``SIGTERM``, ``Ctrl-C``) writes them all
      (:meth:`close`). It fails closed: while the trail cannot be written (a
      write error, or the lock held by another process for :attr:`GIVE_UP`
      seconds) or :attr:`MAX_BACKLOG` records wait, every audited request is
      refused (503). With SQLite the records already queued are kept and written
      once the trail can be; with PostgreSQL (the writer thread) a group that
      fails is logged and lost.

    **Crashes.** With ``turn`` and ``now``, a committed group survives a crash of
    the process (``kill -9``): only records whose answers were not sent yet are
    lost (with ``after``, see above). SQLite in WAL mode with
    ``synchronous=NORMAL`` may lose the groups committed since the last
    checkpoint if the *machine* loses power; the chain stays consistent either
    way (a group is one transaction)."""

    RETRY = 0.0005
    """Seconds until the event loop tries the write lock again after finding it
    held by another process."""
    MAX_RETRY = 0.004
    """The longest wait between two tries (a process holding the lock may have
    been descheduled on a busy machine)."""
    GIVE_UP = 30.0
    """Seconds after which the records waiting for the lock fail (503), as a
    blocking write times out."""
    WINDOW = 0.01
    """With ``after``: the longest a record waits for its group's commit, and so
    the most a ``kill -9`` can lose (seconds)."""
    CHECKPOINT_EVERY = 250
    """Records committed to a segment between two checkpoints of its write-ahead
    log, taken by a thread of their own (about 1,000 pages of the log, where
    SQLite's own checkpoint would come: two fsyncs, 5 to 20 ms measured on the
    benchmark machine, that would stop the event loop)."""
    MAX_BACKLOG = 20_000
    """With ``after``: records that may wait for the trail before audited
    requests are refused (503)."""

    def __init__(
        self,
        state: State,
        max_group: int = 500,
        at_once: bool = False,
        deferred: bool = False,
        segment: bool = False,
    ) -> None:
        """``at_once``: commit each record as its request finishes (``now``) rather
        than a loop turn's records at the next turn (``turn``, the default, as in
        :class:`thaw.api.settings.Settings`); ``deferred``: answer first and commit
        within :attr:`WINDOW` seconds (``after``); see above. ``segment``: with
        SQLite, write to a segment of the trail of this process's own
        (:meth:`~thaw.store.state.Audit.new_segment`), closed by :meth:`close`."""
        self.state = state
        self.trail: Audit = (
            state.audit.new_segment() if segment and state.backend == "sqlite" else state.audit
        )
        """Where the records go: the main chain, or this process's segment."""
        self._since_checkpoint = 0
        self._checkpoint_due = threading.Event()
        self._checkpointer: threading.Thread | None = None
        if self.trail is not state.audit:
            self._checkpointer = threading.Thread(
                target=self._checkpoints, name="thaw-audit-checkpoint", daemon=True
            )
            self._checkpointer.start()
        self.max_group = max_group
        self.at_once = at_once and not deferred
        self.deferred = deferred
        """Whether :meth:`record_async` is used: answers do not wait for commits."""
        self.in_loop = state.backend == "sqlite"
        """Whether ``async`` routes' records are committed by the event loop."""
        self.failure: BaseException | None = None
        """With ``deferred``: why the trail cannot be written now (audited requests
        are refused until a commit succeeds), else ``None``."""
        self._pending: list[tuple[PreparedRecord, asyncio.Future[AuditRecord] | None]] = []
        self._waiting_since: float | None = None
        """When the loop first found the lock held for the pending records."""
        self._retry = self.RETRY / 2
        self._lock = threading.Lock()
        """Held while a group is appended (the loop's and the thread's groups)."""
        self._queue: queue.SimpleQueue[tuple[AuditRecord, Waiter | None] | None] = (
            queue.SimpleQueue()
        )
        self._thread = threading.Thread(target=self._run, name="thaw-audit", daemon=True)
        self._thread.start()
        self.groups = 0
        """Groups committed by the event loop."""
        self.busy = 0
        """Times the event loop found the write lock held and tried again later."""

    def submit(self, record: AuditRecord) -> Future[AuditRecord]:
        """Queue a record; the future resolves to it as appended (or to the error)."""
        future: Future[AuditRecord] = Future()
        self._queue.put((record, future))
        return future

    def submit_async(self, record: AuditRecord) -> asyncio.Future[AuditRecord]:
        """:meth:`submit` for a coroutine: an asyncio future of the running loop,
        committed by the loop itself with SQLite (see the class docs), else by the
        writer thread."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[AuditRecord] = loop.create_future()
        if self.in_loop:
            self._pending.append((self.trail.prepare(record), future))
            if self._waiting_since is None:
                if self.at_once:
                    self._flush(loop)
                elif len(self._pending) == 1:
                    loop.call_soon(self._flush, loop)
        else:
            self._queue.put((record, (loop, future)))
        return future

    def record_async(self, record: AuditRecord) -> None:
        """``after`` (:attr:`deferred`): queue a record for the commit of its group
        within :attr:`WINDOW` seconds, and return without waiting for it. Raises
        the reason (the route answers 503) while the trail cannot be written or
        :attr:`MAX_BACKLOG` records wait (see the class docs). Call it from the
        event loop."""
        backlog = len(self._pending) if self.in_loop else self._queue.qsize()
        if self.failure is not None:
            raise RuntimeError(f"the audit trail cannot be written: {self.failure}")
        if backlog >= self.MAX_BACKLOG:
            raise RuntimeError(f"{backlog} audit records wait to be written")
        if not self.in_loop:  # the writer thread takes what queued up
            self._queue.put((record, None))
            return
        self._pending.append((self.trail.prepare(record), None))
        if len(self._pending) == 1 and self._waiting_since is None:
            asyncio.get_running_loop().call_later(
                self.WINDOW, self._flush, asyncio.get_running_loop()
            )
        elif len(self._pending) == self.max_group and self._waiting_since is None:
            asyncio.get_running_loop().call_soon(self._flush, asyncio.get_running_loop())

    def _flush(self, loop: asyncio.AbstractEventLoop) -> None:
        """Commit the pending records as one group, unless the write lock is taken
        (then try again shortly, with the records queued meanwhile)."""
        group = self._pending[: self.max_group]
        if not group:
            return
        try:
            if not self._lock.acquire(blocking=False):  # the writer thread's turn
                raise Busy("the writer thread holds the audit trail")
            try:
                written = self.trail.append_many([r for r, _ in group], wait=False)
            finally:
                self._lock.release()
        except Busy as exc:
            self.busy += 1
            now = time.monotonic()
            if self._waiting_since is None:
                self._waiting_since = now
            if now - self._waiting_since < self.GIVE_UP:
                self._retry = min(self._retry * 2, self.MAX_RETRY)
                loop.call_later(self._retry, self._flush, loop)
                return
            if self._keep(group, exc, loop):
                return
            del self._pending[: len(group)]
            _settle([(f, None, exc) for _, f in group])
        except Exception as exc:
            log.exception("could not write %d audit record(s)", len(group))
            if self._keep(group, exc, loop):
                return
            del self._pending[: len(group)]
            _settle([(f, None, exc) for _, f in group])
        else:
            self.groups += 1
            self.failure = None
            self._written(len(group))
            del self._pending[: len(group)]
            _settle([(f, r, None) for (_, f), r in zip(group, written, strict=True)])
        self._waiting_since = None
        self._retry = self.RETRY / 2
        if self._pending:  # more than one group had queued up
            loop.call_soon(self._flush, loop)

    def _keep(
        self,
        group: list[tuple[PreparedRecord, asyncio.Future[AuditRecord] | None]],
        exc: BaseException,
        loop: asyncio.AbstractEventLoop,
    ) -> bool:
        """After a failed write: records whose answers were sent already (nobody
        waits for them, ``after``) are kept, to be tried again in :attr:`GIVE_UP`
        ``/ 30`` seconds, and audited requests are refused meanwhile
        (:attr:`failure`); returns whether the group was kept."""
        if any(f is not None for _, f in group):
            return False
        self.failure = exc
        self._waiting_since = None
        self._retry = self.RETRY / 2
        loop.call_later(self.GIVE_UP / 30, self._flush, loop)
        return True

    def write(self, record: AuditRecord, timeout: float = 30.0) -> AuditRecord:
        """Append a record and wait for its commit."""
        return self.submit(record).result(timeout)

    def close(self) -> None:
        """Write what is queued (also records still waiting for the lock in the
        event loop's queue, whose requests were cancelled at shutdown), then stop."""
        group, self._pending = self._pending, []
        if group:
            try:
                with self._lock:
                    self.trail.append_many([r for r, _ in group])
            except Exception:
                log.exception("could not write %d audit record(s) at shutdown", len(group))
        self._queue.put(None)
        self._thread.join(timeout=30)
        if self._checkpointer is not None:
            checkpointer, self._checkpointer = self._checkpointer, None
            self._checkpoint_due.set()
            checkpointer.join(timeout=30)
        if self.trail is not self.state.audit:
            try:
                self.trail.close_segment()
            except Exception:
                log.exception("could not record the end of audit segment %s", self.trail.segment)

    def _written(self, records: int) -> None:
        """Count records committed to the segment; past :attr:`CHECKPOINT_EVERY`,
        wake the checkpointing thread."""
        self._since_checkpoint += records
        if self._checkpointer is not None and self._since_checkpoint >= self.CHECKPOINT_EVERY:
            self._since_checkpoint = 0
            self._checkpoint_due.set()

    def _checkpoints(self) -> None:
        """The checkpointing thread of a segment: the event loop never waits for the
        disk. It holds the writer's lock meanwhile, so the loop, finding it taken,
        serves on and commits the records queued meanwhile once it is free."""
        while True:
            self._checkpoint_due.wait()
            self._checkpoint_due.clear()
            if self._checkpointer is None:
                return
            try:
                with self._lock:
                    self.trail.checkpoint()
            except Exception:
                log.exception("could not checkpoint audit segment %s", self.trail.segment)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            group = [item]
            stop = False
            while len(group) < self.max_group:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    stop = True
                    break
                group.append(more)
            try:
                with self._lock:
                    written = self.trail.append_many([r for r, _ in group])
            except Exception as exc:
                log.exception("could not write %d audit record(s)", len(group))
                if any(w is None for _, w in group):
                    self.failure = exc  # answers already sent: refuse the next ones
                self._resolve([(w, None, exc) for _, w in group])
            else:
                self._written(len(group))
                if all(w is None for _, w in group):
                    self.failure = None
                self._resolve([(w, r, None) for (_, w), r in zip(group, written, strict=True)])
            if stop:
                return

    @staticmethod
    def _resolve(
        outcomes: list[tuple[Waiter | None, AuditRecord | None, BaseException | None]],
    ) -> None:
        by_loop: dict[
            asyncio.AbstractEventLoop,
            list[
                tuple[asyncio.Future[AuditRecord] | None, AuditRecord | None, BaseException | None]
            ],
        ] = {}
        for waiter, record, exc in outcomes:
            if waiter is None:  # a deferred record: nobody waits
                continue
            if isinstance(waiter, Future):
                if exc is not None:
                    waiter.set_exception(exc)
                else:
                    waiter.set_result(record)  # type: ignore[arg-type]
            else:
                by_loop.setdefault(waiter[0], []).append((waiter[1], record, exc))
        for loop, items in by_loop.items():
            try:
                loop.call_soon_threadsafe(_settle, items)
            except RuntimeError:  # the loop has closed: nobody waits any more
                pass


def _settle(
    items: list[
        tuple[asyncio.Future[AuditRecord] | None, AuditRecord | None, BaseException | None]
    ],
) -> None:
    for future, record, exc in items:
        if future is None or future.done():  # deferred, or the request gave up waiting
            continue
        if exc is not None:
            future.set_exception(exc)
        else:
            future.set_result(record)  # type: ignore[arg-type]


class _Background:
    """A daemon thread of a worker that runs :meth:`_run` until :meth:`stop`
    (which its loop watches through ``self._stop``). Subclasses set their fields,
    then call ``super().__init__(name)``, which starts the thread."""

    def __init__(self, name: str) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Ask the thread to end (it ends at its next wait)."""
        self._stop.set()

    def join(self, timeout: float | None = None) -> None:
        """Wait for the thread to end."""
        self._thread.join(timeout)

    def _run(self) -> None:
        raise NotImplementedError


class Updater(_Background):
    """Runs ``thaw update`` every ``every`` seconds in a child process (so that a
    failing download or parse cannot harm the server); the engine then serves
    what it activated. With several workers, a lock file in the home makes one of
    them the updater."""

    def __init__(self, home: Path, every: float) -> None:
        self.home = home
        self.every = every
        super().__init__("thaw-update")

    def _run(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        with open(self.home / ".serve-update.lock", "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return  # another worker updates
            while not self._stop.wait(self.every):
                run = subprocess.run(
                    [
                        sys.executable,
                        "-c",
                        "from thaw.cli import main; main()",
                        "update",
                        "--home",
                        str(self.home),
                    ],
                    capture_output=True,
                    text=True,
                )
                if run.returncode:
                    log.warning(
                        "thaw update failed (exit %d): %s", run.returncode, run.stderr[-2000:]
                    )


class WebhookDeliverer(_Background):
    """Delivers the monitor's webhook outbox while the server runs
    (:func:`thaw.monitor.webhooks.deliver_loop`, in a thread of one worker): a
    ``thaw serve`` alone sends the events its scheduled updates raise, as
    ``thaw webhooks deliver --loop`` does. With several workers a lock file in
    the home elects one; the others look again every ``retry`` seconds, so that
    a worker that dies hands the delivery on. Nothing starts while the home
    holds no monitoring state (no portfolio was ever added). Each pass holds the
    outbox's delivery lock, so a ``thaw webhooks deliver`` run beside the server
    takes turns with it rather than sending a delivery twice."""

    def __init__(
        self,
        home: Path,
        database_url: str | None,
        *,
        poll: float = 5.0,
        retry: float = 30.0,
    ) -> None:
        self.home = home
        self.database_url = database_url
        self.poll = poll
        self.retry = retry
        self.delivering = threading.Event()
        """Set while this worker is the one delivering."""
        super().__init__("thaw-webhooks")

    def _run(self) -> None:
        from thaw.store.portfolios import PortfolioStore

        self.home.mkdir(parents=True, exist_ok=True)
        with open(self.home / ".serve-webhooks.lock", "w") as lock:
            while not self._stop.is_set():
                if PortfolioStore.exists(self.home) or self.database_url:
                    try:
                        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    except OSError:
                        pass  # another worker delivers
                    else:
                        self._deliver()
                        return
                self._stop.wait(self.retry)

    def _deliver(self) -> None:
        from thaw.monitor.webhooks import deliver_loop
        from thaw.store.portfolios import PortfolioStore

        self.delivering.set()
        while not self._stop.is_set():
            try:
                with PortfolioStore(self.home, self.database_url) as portfolios:
                    deliver_loop(portfolios, poll=self.poll, should_stop=self._stop.is_set)
            except Exception:  # a broken store or network: log, wait, try again
                log.exception("webhook delivery failed; retrying in %.0f s", self.retry)
                self._stop.wait(self.retry)


class AuditCompactor(_Background):
    """Rolls the audit trail's closed segments into its archive
    (:meth:`~thaw.store.state.Audit.compact`) once, ``after`` seconds after a
    worker starts, by running ``thaw audit compact`` in a child process: the
    worker's start and its serving pay nothing for it but the fork. With several
    workers, a lock file in the home makes one of them do it; a failure is logged
    (the segments stay, verifiable, for the next start)."""

    def __init__(self, home: Path, after: float = 10.0) -> None:
        self.home = home
        self.after = after
        self.returncode: int | None = None
        """The exit status of ``thaw audit compact`` once it ran (``None``: not run)."""
        super().__init__("thaw-audit-compact")

    def _run(self) -> None:
        if self._stop.wait(self.after):
            return
        with open(self.home / ".audit-compact.lock", "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return  # another worker rolls them up
            run = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "from thaw.cli import main; main()",
                    "audit",
                    "compact",
                    "--home",
                    str(self.home),
                ],
                capture_output=True,
                text=True,
            )
            self.returncode = run.returncode
            if run.returncode:
                log.warning(
                    "thaw audit compact failed (exit %d): %s", run.returncode, run.stderr[-2000:]
                )


@dataclass
class Runtime:
    """The per-process objects of the service (``app.state.thaw``)."""

    settings: Settings
    engine: Engine
    state: State
    keys: KeyCache
    limiter: SharedRateLimiter
    audit: AuditWriter
    updater: Updater | None = None
    compactor: AuditCompactor | None = None
    deliverer: WebhookDeliverer | None = None
    #: an opaque name for this worker process, which ``/readyz`` reports: behind
    #: one port, ``--workers N`` processes answer in turn, and a probe (or a test)
    #: can tell that each of them is ready, not only the one that answered
    worker: str = field(default_factory=lambda: secrets.token_hex(4))

    @classmethod
    def start(cls, settings: Settings) -> Runtime:
        """Open the state, start the audit writer and the data engine."""
        from thaw.api.matching import warm_up
        from thaw.store.state import open_state

        state = open_state(settings.home, settings.database_url)
        engine = Engine(settings.home, settings.reload_every, prepare=warm_up)
        engine.start()
        updater = Updater(engine.home, settings.update_every) if settings.update_every > 0 else None
        writer = AuditWriter(
            open_state(settings.home, settings.database_url),
            at_once=settings.audit_commit == "now",
            deferred=settings.audit_commit == "after",
            segment=True,
        )
        compactor = None
        if (
            settings.audit_compact_at > 0
            and state.backend == "sqlite"
            and len(state.audit.segment_files()) >= settings.audit_compact_at
        ):
            compactor = AuditCompactor(engine.home)
        deliverer = (
            WebhookDeliverer(engine.home, settings.database_url)
            if settings.deliver_webhooks
            else None
        )
        return cls(
            settings,
            engine,
            state,
            KeyCache(state.keys, settings.key_cache_ttl),
            SharedRateLimiter(engine.home / "serve-rate.bin", settings.rate_burst),
            writer,
            updater,
            compactor,
            deliverer,
        )

    def close(self) -> None:
        """Stop watching, flush the audit trail, close the state."""
        self.engine.stop()
        if self.updater is not None:
            self.updater.stop()
        if self.compactor is not None:
            self.compactor.stop()
        if self.deliverer is not None:
            self.deliverer.stop()
        self.audit.close()
        self.audit.state.close()
        self.limiter.close()
        self.state.close()


def runtime(request: Request) -> Runtime:
    """The runtime of the app serving ``request``."""
    rt: Runtime = request.app.state.thaw
    return rt
