"""The two database backends of the team state: SQLite (default) and PostgreSQL.

Both expose the same small surface to the repositories of :mod:`thaw.store.state`:
``query``/``execute`` with ``?`` placeholders (rewritten to ``%s`` for psycopg),
``transaction()`` (exclusive for SQLite, so that concurrent writers of the audit
chain serialise) and the DDL of the state tables. One connection per
:class:`Database`, guarded by a lock, so that the threads of a server may share it.

``transaction(wait=False)`` takes the write lock only if it is free right now, and
raises :class:`Busy` otherwise: an event loop that commits the audit trail must
never sleep in SQLite's busy handler (its first sleep is a whole millisecond, and
every request of the loop waits through it) while another process commits.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from thaw.store import _postgres as postgres
from thaw.store._sqlite import enable_wal

_SQLITE_DDL = """
CREATE TABLE IF NOT EXISTS api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  rate REAL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id TEXT NOT NULL,
  target_id TEXT NOT NULL,
  verdict TEXT NOT NULL,
  reason TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  listing_fingerprint TEXT,
  customer_fingerprint TEXT
);
CREATE INDEX IF NOT EXISTS decisions_customer ON decisions (customer_id, target_id);
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY,
{audit_fields}
);
CREATE INDEX IF NOT EXISTS audit_at ON audit (at);
CREATE TABLE IF NOT EXISTS audit_head (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
);
INSERT OR IGNORE INTO audit_head (one, seq, hash) VALUES (1, 0, '');
"""
_SQLITE_AUDIT_FIELDS = """\
  at TEXT NOT NULL,
  key_id TEXT,
  key_name TEXT,
  action TEXT NOT NULL,
  dataset TEXT,
  query TEXT NOT NULL,
  publications TEXT NOT NULL,
  algorithm TEXT,
  threshold REAL,
  results TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL"""
_SQLITE_DDL = _SQLITE_DDL.replace("{audit_fields}", _SQLITE_AUDIT_FIELDS)

SQLITE_AUDIT_DDL = _SQLITE_DDL[_SQLITE_DDL.index("CREATE TABLE IF NOT EXISTS audit (") :]
"""The audit tables alone: what an audit segment's file holds
(:meth:`thaw.store.state.audit.Audit.new_segment`)."""

SQLITE_ARCHIVE_DDL = f"""
CREATE TABLE IF NOT EXISTS audit (
  segment TEXT NOT NULL,
  seq INTEGER NOT NULL,
{_SQLITE_AUDIT_FIELDS},
  PRIMARY KEY (segment, seq)
);
CREATE TABLE IF NOT EXISTS audit_segments (
  segment TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  archived_at TEXT NOT NULL
);
"""
"""The archive of closed audit segments: their records as they were, each with its
segment's id, and each segment's last record
(:meth:`thaw.store.state.audit.Audit.compact`)."""

_POSTGRES_DDL = """
CREATE TABLE IF NOT EXISTS api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  rate DOUBLE PRECISION,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS decisions (
  id BIGSERIAL PRIMARY KEY,
  customer_id TEXT NOT NULL,
  target_id TEXT NOT NULL,
  verdict TEXT NOT NULL,
  reason TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  listing_fingerprint TEXT,
  customer_fingerprint TEXT
);
CREATE INDEX IF NOT EXISTS decisions_customer ON decisions (customer_id, target_id);
CREATE TABLE IF NOT EXISTS audit (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  key_id TEXT,
  key_name TEXT,
  action TEXT NOT NULL,
  dataset TEXT,
  query TEXT NOT NULL,
  publications TEXT NOT NULL,
  algorithm TEXT,
  threshold DOUBLE PRECISION,
  results TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_at ON audit (at);
CREATE TABLE IF NOT EXISTS audit_head (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (one, seq, hash) VALUES (1, 0, '') ON CONFLICT DO NOTHING;
"""


class Busy(Exception):
    """The write lock is held by another connection (``transaction(wait=False)``)."""


class Database:
    """One connection to the state database (see the module docs)."""

    kind: str
    """``"sqlite"`` or ``"postgresql"``."""
    for_update: str = ""
    """What ends a ``SELECT`` that must lock the rows it reads until the transaction
    ends (SQLite's transactions already hold the database's write lock)."""

    def __init__(self) -> None:
        self.lock = threading.RLock()

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of a ``SELECT``."""
        raise NotImplementedError

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; the number of rows it changed."""
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for each row of parameters."""
        raise NotImplementedError

    @contextmanager
    def transaction(self, wait: bool = True) -> Iterator[None]:
        """A transaction that holds the write lock from its start (commit on success,
        rollback on an exception). With ``wait=False``, :class:`Busy` if another
        connection holds the lock now (SQLite: at ``BEGIN``; PostgreSQL: at the
        first row lock the transaction takes)."""
        raise NotImplementedError
        yield  # pragma: no cover

    def checkpoint(self) -> None:
        """Copy SQLite's write-ahead log into the database file and empty it (with
        its fsyncs); nothing for other backends."""

    def close(self) -> None:
        """Close the connection."""
        raise NotImplementedError


class SqliteDatabase(Database):
    """The state in ``<home>/state.db``, a file of its own beside the store's
    ``thaw.db`` so that a long list load never blocks the audit trail."""

    kind = "sqlite"
    TIMEOUT = 30.0
    """Seconds a blocking statement waits for another connection's write lock."""
    _WAIT_MS = int(TIMEOUT * 1000)
    """:attr:`TIMEOUT` as SQLite's ``busy_timeout`` (milliseconds)."""

    def __init__(
        self,
        path: Path,
        ddl: str = _SQLITE_DDL,
        autocheckpoint: bool = True,
        create: bool = True,
    ) -> None:
        """``ddl``: the tables to create if missing (all the state's by default);
        ``autocheckpoint=False``: the commits never checkpoint the write-ahead log
        themselves (the owner calls :meth:`checkpoint`); ``create=False``: open an
        existing file only (:class:`sqlite3.OperationalError` if there is none,
        rather than an empty new one)."""
        super().__init__()
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        target: str | Path = path if create else f"{path.absolute().as_uri()}?mode=rw"
        self.db = sqlite3.connect(
            target,
            isolation_level=None,
            check_same_thread=False,
            timeout=self.TIMEOUT,
            uri=not create,
        )
        self._busy_ms = self._WAIT_MS
        enable_wal(self.db, self.TIMEOUT)
        self.db.execute("PRAGMA synchronous=NORMAL")
        if not autocheckpoint:
            self.db.execute("PRAGMA wal_autocheckpoint=0")
        with self.lock:
            self.db.executescript(ddl)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self.lock:
            self._outside_transaction()
            return self.db.execute(sql, tuple(params)).fetchall()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        with self.lock:
            self._outside_transaction()
            return self.db.execute(sql, tuple(params)).rowcount

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.lock:
            self._outside_transaction()
            self.db.executemany(sql, rows)

    @contextmanager
    def transaction(self, wait: bool = True) -> Iterator[None]:
        with self.lock:
            self._busy_timeout(self._WAIT_MS if wait else 0)
            try:
                self.db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if not wait and (exc.sqlite_errorcode & 0xFF) == sqlite3.SQLITE_BUSY:
                    raise Busy(str(exc)) from exc
                raise
            try:
                yield
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def _outside_transaction(self) -> None:
        """A statement outside a transaction waits for locks as usual, whatever
        the last ``transaction(wait=False)`` set."""
        if not self.db.in_transaction:
            self._busy_timeout(self._WAIT_MS)

    def _busy_timeout(self, ms: int) -> None:
        """Set how long a statement waits for another connection's lock (only when
        it changes: a connection that always takes the lock one way pays nothing)."""
        if ms != self._busy_ms:
            self.db.execute(f"PRAGMA busy_timeout = {ms}")
            self._busy_ms = ms

    def checkpoint(self) -> None:
        with self.lock:
            # never wait for a reader (a long export): then SQLite copies what it
            # can, as a passive checkpoint does, and empties the log next time
            self._busy_timeout(0)
            try:
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            finally:
                self._busy_timeout(self._WAIT_MS)

    def close(self) -> None:
        with self.lock:
            self.db.close()


class PostgresDatabase(Database):
    """The state in PostgreSQL (``THAW_DATABASE_URL=postgresql://…``), shared by
    every instance of the service behind a load balancer. Needs psycopg 3
    (``pip install 'thaw[postgres]'``)."""

    kind = "postgresql"
    for_update = " FOR UPDATE"

    def __init__(self, url: str) -> None:
        super().__init__()
        self.conn: Any = postgres.connect(url)
        with self.lock, self.conn.transaction():
            # concurrent first starts must not race on CREATE TABLE IF NOT EXISTS
            self.conn.execute("SELECT pg_advisory_xact_lock(7401221)")
            for statement in _POSTGRES_DDL.split(";"):
                if statement.strip():
                    self.conn.execute(statement)

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("?", "%s")

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self.lock:
            rows: list[tuple[Any, ...]] = self.conn.execute(
                self._sql(sql), tuple(params)
            ).fetchall()
            return rows

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        with self.lock:
            count: int = self.conn.execute(self._sql(sql), tuple(params)).rowcount
            return count

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.lock, self.conn.cursor() as cursor:
            cursor.executemany(self._sql(sql), [tuple(r) for r in rows])

    @contextmanager
    def transaction(self, wait: bool = True) -> Iterator[None]:
        if wait:
            with self.lock, self.conn.transaction():
                yield
            return
        import psycopg

        try:
            with self.lock, self.conn.transaction():
                self.conn.execute("SET LOCAL lock_timeout = '1ms'")
                yield
        except psycopg.errors.LockNotAvailable as exc:
            raise Busy(str(exc)) from exc

    def close(self) -> None:
        with self.lock:
            self.conn.close()


def connect(home: Path, url: str | None) -> Database:
    """The state database: PostgreSQL for a ``postgresql://`` (or ``postgres://``)
    URL, SQLite for ``sqlite:///PATH``, else ``<home>/state.db``."""
    if url:
        if url.startswith(("postgresql://", "postgres://")):
            return PostgresDatabase(url)
        if url.startswith("sqlite:///"):
            return SqliteDatabase(Path(url.removeprefix("sqlite:///")))
        raise ValueError(f"unsupported THAW_DATABASE_URL {url!r} (postgresql://… or sqlite:///…)")
    return SqliteDatabase(Path(home) / "state.db")
