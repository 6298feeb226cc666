"""thaw.store._sqlite: write-ahead-log mode, although another connection is writing
to the new database (the workers of a server starting on a fresh home)."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from thaw.store._sqlite import enable_wal


def _writing(path: Path) -> sqlite3.Connection:
    """A connection in the middle of a write to the new database at ``path``
    (still in rollback-journal mode): it holds SQLite's RESERVED lock."""
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("CREATE TABLE t (x)")
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO t VALUES (1)")
    return db


def test_the_switch_waits_for_a_writer_that_the_busy_handler_does_not(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    writer = _writing(path)
    other = sqlite3.connect(path, isolation_level=None, timeout=30.0)
    # SQLite answers at once, whatever the connection's timeout
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        other.execute("PRAGMA journal_mode=WAL")
    threading.Timer(0.2, writer.execute, ("COMMIT",)).start()
    began = time.monotonic()
    enable_wal(other, 30.0)
    assert time.monotonic() - began >= 0.15
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert other.execute("SELECT x FROM t").fetchall() == [(1,)]
    writer.close()
    other.close()


def test_the_switch_gives_up_after_its_timeout(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    writer = _writing(path)
    other = sqlite3.connect(path, isolation_level=None)
    began = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        enable_wal(other, 0.2)
    assert 0.1 <= time.monotonic() - began < 5
    writer.close()
    other.close()
