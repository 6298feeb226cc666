"""What one server process holds: settings, the data engine, the team state, the
rate limiter and the audit writer (group commit)."""

from __future__ import annotations

import fcntl
import logging
import queue
import subprocess
import sys
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from fastapi import Request

from thaw.api.auth import RateLimiter
from thaw.api.engine import Engine
from thaw.api.settings import Settings
from thaw.store.state import AuditRecord, State

log = logging.getLogger("thaw.api")


class AuditWriter:
    """Appends audit records in groups: a request hands its record over and waits
    until the transaction holding it has committed, and one writer thread commits
    whatever has queued up meanwhile in one transaction. Every screening answer is
    thus on record before it is sent, at the cost of one commit per group rather
    than per request."""

    def __init__(self, state: State, max_group: int = 500) -> None:
        self.state = state
        self.max_group = max_group
        self._queue: queue.SimpleQueue[tuple[AuditRecord, Future[AuditRecord]] | None] = (
            queue.SimpleQueue()
        )
        self._thread = threading.Thread(target=self._run, name="thaw-audit", daemon=True)
        self._thread.start()

    def submit(self, record: AuditRecord) -> Future[AuditRecord]:
        """Queue a record; the future resolves to it as appended (or to the error)."""
        future: Future[AuditRecord] = Future()
        self._queue.put((record, future))
        return future

    def write(self, record: AuditRecord, timeout: float = 30.0) -> AuditRecord:
        """Append a record and wait for its commit."""
        return self.submit(record).result(timeout)

    def close(self) -> None:
        """Write what is queued, then stop."""
        self._queue.put(None)
        self._thread.join(timeout=30)

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
                written = self.state.audit.append_many([r for r, _ in group])
            except Exception as exc:
                log.exception("could not write %d audit record(s)", len(group))
                for _, future in group:
                    future.set_exception(exc)
            else:
                for (_, future), record in zip(group, written, strict=True):
                    future.set_result(record)
            if stop:
                return


class Updater:
    """Runs ``thaw update`` every ``every`` seconds in a child process (so that a
    failing download or parse cannot harm the server); the engine then serves
    what it activated. With several workers, a lock file in the home makes one of
    them the updater."""

    def __init__(self, home: Path, every: float) -> None:
        self.home = home
        self.every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="thaw-update", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

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
                        "from thaw.cli import app; app()",
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


@dataclass
class Runtime:
    """The per-process objects of the service (``app.state.thaw``)."""

    settings: Settings
    engine: Engine
    state: State
    limiter: RateLimiter
    audit: AuditWriter
    updater: Updater | None = None

    @classmethod
    def start(cls, settings: Settings) -> Runtime:
        """Open the state, start the audit writer and the data engine."""
        from thaw.store.state import open_state

        state = open_state(settings.home, settings.database_url)
        engine = Engine(settings.home, settings.reload_every)
        engine.start()
        updater = Updater(engine.home, settings.update_every) if settings.update_every > 0 else None
        return cls(
            settings, engine, state, RateLimiter(settings.rate_burst), AuditWriter(state), updater
        )

    def close(self) -> None:
        """Stop watching, flush the audit trail, close the state."""
        self.engine.stop()
        if self.updater is not None:
            self.updater.stop()
        self.audit.close()
        self.state.close()


def runtime(request: Request) -> Runtime:
    """The runtime of the app serving ``request``."""
    rt: Runtime = request.app.state.thaw
    return rt
