"""Opening SQLite databases the same way everywhere in :mod:`thaw.store`."""

from __future__ import annotations

import sqlite3
import time


def enable_wal(db: sqlite3.Connection, timeout: float) -> None:
    """Put ``db`` in write-ahead-log mode, waiting up to ``timeout`` seconds for
    the lock that takes.

    Connections that open a new database at the same moment (the workers of a
    server starting on a fresh home) race to switch it, and SQLite answers the
    loser ``database is locked`` at once: its busy handler is not called for that
    lock, so the connection's own timeout does not help. The switch is retried
    until it succeeds (or is no longer needed: a database already in WAL mode
    answers at once) or ``timeout`` has passed."""
    deadline = time.monotonic() + timeout
    delay = 0.001
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            busy = (exc.sqlite_errorcode & 0xFF) == sqlite3.SQLITE_BUSY
            if not busy or time.monotonic() + delay > deadline:
                raise
        time.sleep(delay)
        delay = min(2 * delay, 0.05)
