"""Monitoring state: portfolios, their rows and alerts, events, webhooks and the
delivery outbox.

This is the only place where the monitor's tables are read or written with SQL
(:mod:`thaw.monitor` works through :class:`PortfolioStore`). The tables live in
their own SQLite file, ``monitor.db`` beside the lists' ``thaw.db`` under
``THAW_HOME``, so that a webhook delivery loop never waits on a list load holding
the lists' write lock (and the other way round); or, with
``THAW_DATABASE_URL=postgresql://…`` (as the team state, :mod:`thaw.store.state`), in
PostgreSQL, so that several instances share portfolios, events and one outbox. The
statements are written in the SQL both understand (``ON CONFLICT``, ``RETURNING``).

Model
-----
* A **portfolio** is a named set of **rows** (a firm's customers, suppliers …),
  each with the caller's ``row_id``, the screened fields as JSON and a
  ``fingerprint`` (sha256 of those fields) that says when a row's own data changed.
  A portfolio also keeps the token statistics it is screened with (its
  *calibration*, see :mod:`thaw.monitor.screening`) and a ``revision`` counter that
  changes with its rows (the row index on disk is keyed by it).
* **Watermarks** say, per source, which publication a portfolio's alerts reflect.
* An **alert** is one (row, listing) pair that matches, with the listing's version
  hash (its fingerprint), score, matched name, explanation and profile id.
  ``suppressed`` marks a pair an analyst decided to be a false positive.
* An **event** (``new_hit``, ``hit_amended``, ``hit_removed``, ``row_changed``) has a
  stable, content-derived ``id``: recording the same event twice is a no-op, so a
  screening step interrupted by ``kill -9`` and run again produces no duplicate.
* A **webhook** is an endpoint (URL, secret) for one portfolio or all of them. Every
  new event is put in the **outbox** once per matching webhook in the same
  transaction that records it; each delivery **attempt** is logged.

Consistency
-----------
Everything one screening step changes (rows, alerts, watermarks, events and their
outbox entries) is written by :meth:`PortfolioStore.apply` in one transaction, so a
killed process leaves either the state before the step or the state after it.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from thaw.store import _postgres as postgres
from thaw.store._sqlite import enable_wal
from thaw.store.sealing import Sealer, fingerprint

SCHEMA = """
CREATE TABLE IF NOT EXISTS mon_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS mon_portfolios (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    threshold   REAL NOT NULL,
    revision    INTEGER NOT NULL DEFAULT 0,
    stats       BLOB                        -- zlib JSON of the calibration statistics
);
CREATE TABLE IF NOT EXISTS mon_rows (
    pk            INTEGER PRIMARY KEY,
    portfolio_id  INTEGER NOT NULL REFERENCES mon_portfolios (id) ON DELETE CASCADE,
    row_id        TEXT NOT NULL,
    fingerprint   TEXT NOT NULL,
    data          TEXT NOT NULL,            -- JSON: name, schema, birth_date, countries, id_numbers
    UNIQUE (portfolio_id, row_id)
);
-- the rarity weight each name token was pinned at (the calibration of retrieval)
CREATE TABLE IF NOT EXISTS mon_rarity (
    portfolio_id  INTEGER NOT NULL REFERENCES mon_portfolios (id) ON DELETE CASCADE,
    token         TEXT NOT NULL,
    weight        REAL NOT NULL,
    PRIMARY KEY (portfolio_id, token)
);
CREATE TABLE IF NOT EXISTS mon_watermarks (
    portfolio_id    INTEGER NOT NULL REFERENCES mon_portfolios (id) ON DELETE CASCADE,
    source          TEXT NOT NULL,
    publication_id  INTEGER NOT NULL,
    PRIMARY KEY (portfolio_id, source)
);
CREATE TABLE IF NOT EXISTS mon_alerts (
    portfolio_id  INTEGER NOT NULL REFERENCES mon_portfolios (id) ON DELETE CASCADE,
    row_pk        INTEGER NOT NULL REFERENCES mon_rows (pk) ON DELETE CASCADE,
    source        TEXT NOT NULL,
    source_id     TEXT NOT NULL,
    listing_hash  TEXT NOT NULL,
    score         REAL NOT NULL,
    matched_name  TEXT NOT NULL,
    explanation   TEXT NOT NULL,
    profile_id    TEXT,
    suppressed    INTEGER NOT NULL DEFAULT 0,
    since         TEXT NOT NULL,
    PRIMARY KEY (portfolio_id, row_pk, source, source_id)
);
CREATE INDEX IF NOT EXISTS mon_alerts_listing ON mon_alerts (portfolio_id, source, source_id);
-- (deleting a row looks up its alerts by row_pk: without this, a scan per row)
CREATE INDEX IF NOT EXISTS mon_alerts_row ON mon_alerts (row_pk);
CREATE TABLE IF NOT EXISTS mon_events (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    id            TEXT NOT NULL UNIQUE,
    portfolio_id  INTEGER NOT NULL,
    portfolio     TEXT NOT NULL,
    type          TEXT NOT NULL,
    row_id        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    payload       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mon_events_portfolio ON mon_events (portfolio, created_at);
CREATE TABLE IF NOT EXISTS mon_webhooks (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL,
    portfolio     TEXT,                     -- NULL: every portfolio
    secret        TEXT NOT NULL,            -- sealed (thaw.store.sealing), never in clear
    created_at    TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1
    -- secret_fingerprint TEXT: added by PortfolioStore._seal_clear_secrets
);
CREATE TABLE IF NOT EXISTS mon_outbox (
    event_seq        INTEGER NOT NULL REFERENCES mon_events (seq),
    webhook_id       INTEGER NOT NULL REFERENCES mon_webhooks (id),
    status           TEXT NOT NULL,          -- pending, delivered, failed
    attempts         INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    next_attempt_at  TEXT NOT NULL,
    last_error       TEXT,
    PRIMARY KEY (event_seq, webhook_id)
);
CREATE INDEX IF NOT EXISTS mon_outbox_due ON mon_outbox (status, next_attempt_at);
CREATE TABLE IF NOT EXISTS mon_attempts (
    id           INTEGER PRIMARY KEY,
    event_seq    INTEGER NOT NULL,
    webhook_id   INTEGER NOT NULL,
    at           TEXT NOT NULL,
    status_code  INTEGER,
    error        TEXT,
    duration_ms  REAL NOT NULL,
    outcome      TEXT NOT NULL               -- delivered, retry, failed
);
"""


def _postgres_schema(sqlite: str) -> str:
    """The same tables in PostgreSQL's types (identity keys, bytes, doubles)."""
    text = sqlite.replace(
        "INTEGER PRIMARY KEY AUTOINCREMENT", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
    )
    text = text.replace(
        "INTEGER PRIMARY KEY,", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    )
    text = text.replace("BLOB", "BYTEA").replace("REAL", "DOUBLE PRECISION")
    text = text.replace("INTEGER NOT NULL", "BIGINT NOT NULL")
    return text.replace(
        "    -- secret_fingerprint TEXT: added by PortfolioStore._seal_clear_secrets",
        "    , secret_fingerprint TEXT",
    )


POSTGRES_SCHEMA = _postgres_schema(SCHEMA)
"""The monitoring tables in PostgreSQL (``THAW_DATABASE_URL``)."""


class _Connection:
    """The one connection of a :class:`PortfolioStore`: SQLite's, or psycopg's for
    PostgreSQL, behind SQLite's calling conventions (``?`` placeholders, explicit
    ``BEGIN IMMEDIATE``/``COMMIT``/``ROLLBACK``, cursors with ``fetchone``,
    ``fetchall``, ``rowcount`` and iteration). Statements are written in the SQL
    both understand (``ON CONFLICT``, ``RETURNING``)."""

    def __init__(self, raw: Any, kind: str) -> None:
        self.raw = raw
        self.kind = kind

    def _sql(self, sql: str) -> str:
        if self.kind == "sqlite":
            return sql
        if sql == "BEGIN IMMEDIATE":
            return "BEGIN"
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.raw.execute(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        if self.kind == "sqlite":
            self.raw.executemany(sql, rows)
            return
        with self.raw.cursor() as cursor:
            cursor.executemany(self._sql(sql), [tuple(r) for r in rows])

    def close(self) -> None:
        self.raw.close()


def _integrity_errors() -> tuple[type[BaseException], ...]:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - depends on the install
        return (sqlite3.IntegrityError,)
    return (sqlite3.IntegrityError, psycopg.IntegrityError)


def database_url() -> str | None:
    """The PostgreSQL database named by ``THAW_DATABASE_URL`` (``None``: the
    SQLite file in the home)."""
    url = os.environ.get("THAW_DATABASE_URL", "")
    return url if url.startswith(("postgresql://", "postgres://")) else None


def now_iso() -> str:
    """The current UTC time, ISO 8601 with microseconds (sortable as text)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


class PortfolioError(ValueError):
    """A portfolio, row or webhook operation that cannot be done (unknown name,
    duplicate name …); the message says why."""


@dataclass(frozen=True, slots=True)
class PortfolioInfo:
    """A stored portfolio (``rows`` and ``alerts`` are counts)."""

    id: int
    name: str
    created_at: str
    threshold: float
    revision: int
    rows: int = 0
    alerts: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "created_at": self.created_at,
            "threshold": self.threshold,
            "revision": self.revision,
            "rows": self.rows,
            "alerts": self.alerts,
        }


@dataclass(frozen=True, slots=True)
class StoredRow:
    """One portfolio row: ``pk`` is its internal number, ``row_id`` the caller's."""

    pk: int
    row_id: str
    fingerprint: str
    data: dict[str, Any]


@dataclass(frozen=True, slots=True)
class StoredAlert:
    """One matching (row, listing) pair as stored."""

    row_pk: int
    source: str
    source_id: str
    listing_hash: str
    score: float
    matched_name: str
    explanation: str
    profile_id: str | None
    suppressed: bool
    since: str

    @property
    def key(self) -> tuple[int, str, str]:
        """``(row_pk, source, source_id)``."""
        return (self.row_pk, self.source, self.source_id)


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as recorded (``payload`` is its full JSON object)."""

    seq: int
    id: str
    portfolio: str
    type: str
    row_id: str
    created_at: str
    payload: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Webhook:
    """A webhook endpoint (``portfolio`` ``None``: every portfolio)."""

    id: int
    url: str
    portfolio: str | None
    secret_fingerprint: str
    created_at: str
    active: bool

    def to_dict(self) -> dict[str, Any]:
        """The public form: the secret's fingerprint, never the secret."""
        return {
            "id": self.id,
            "url": self.url,
            "portfolio": self.portfolio,
            "secret_fingerprint": self.secret_fingerprint,
            "created_at": self.created_at,
            "active": self.active,
        }


@dataclass(frozen=True, slots=True)
class Delivery:
    """One outbox entry due for delivery, with what sending it needs."""

    event_seq: int
    event_id: str
    event_type: str
    webhook_id: int
    url: str
    secret: str
    body: str
    attempts: int
    created_at: str


@dataclass(frozen=True, slots=True)
class Attempt:
    """One logged delivery attempt."""

    id: int
    event_id: str
    webhook_id: int
    url: str
    at: str
    status_code: int | None
    error: str | None
    duration_ms: float
    outcome: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "webhook_id": self.webhook_id,
            "url": self.url,
            "at": self.at,
            "status_code": self.status_code,
            "error": self.error,
            "duration_ms": round(self.duration_ms, 1),
            "outcome": self.outcome,
        }


@dataclass(slots=True)
class Changes:
    """Everything one screening step (or portfolio update) writes, applied by
    :meth:`PortfolioStore.apply` in one transaction.

    ``rows_upsert`` are ``(row_id, fingerprint, data)``; ``rows_delete`` row ids;
    ``alerts_upsert`` are alerts keyed by ``row_id`` (the row may be new);
    ``alerts_delete`` are ``(row_pk, source, source_id)``; ``events`` are
    ``(id, type, row_id, payload)``; ``watermarks`` ``source → publication id``;
    ``rarity`` the rarity weights of name tokens pinned by this step (a token
    pinned before keeps its weight).
    """

    rows_upsert: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    rows_delete: list[str] = field(default_factory=list)
    alerts_upsert: list[tuple[str, StoredAlert]] = field(default_factory=list)
    alerts_delete: list[tuple[int, str, str]] = field(default_factory=list)
    events: list[tuple[str, str, str, dict[str, Any]]] = field(default_factory=list)
    watermarks: dict[str, int] = field(default_factory=dict)
    bump_revision: bool = False
    rarity: dict[str, float] = field(default_factory=dict)


_ALERT_COLUMNS = (
    "row_pk, source, source_id, listing_hash, score, matched_name, explanation,"
    " profile_id, suppressed, since"
)


_PREFIXED_ALERT_COLUMNS = ", ".join("a." + c.strip() for c in _ALERT_COLUMNS.split(","))


def _alert(r: Sequence[Any]) -> StoredAlert:
    return StoredAlert(int(r[0]), r[1], r[2], r[3], float(r[4]), r[5], r[6], r[7], bool(r[8]), r[9])


class PortfolioStore:
    """The monitoring tables in ``<home>/monitor.db`` (SQLite, WAL), or in the
    PostgreSQL database of ``url`` (default: ``THAW_DATABASE_URL``; a
    ``sqlite:///PATH`` URL names another SQLite file).

    Use it as a context manager or call :meth:`close`. Every write is one
    transaction; concurrent processes wait for each other's writes (busy timeout).
    """

    def __init__(self, home: Path, url: str | None = None) -> None:
        self.home = Path(home)
        self.home.mkdir(parents=True, exist_ok=True)
        self.path = self.home / "monitor.db"
        url = url if url is not None else database_url()
        if url and url.startswith(("postgresql://", "postgres://")):
            self.db = self._postgres(url)
        elif url and not url.startswith("sqlite:///"):
            raise ValueError(f"unsupported database URL {url!r} (postgresql://… or sqlite:///…)")
        else:
            if url:
                self.path = Path(url.removeprefix("sqlite:///"))
            raw = sqlite3.connect(self.path, isolation_level=None, timeout=60.0)
            enable_wal(raw, 60.0)
            raw.execute("PRAGMA synchronous=NORMAL")
            raw.execute("PRAGMA foreign_keys=ON")
            raw.executescript(SCHEMA)
            self.db = _Connection(raw, "sqlite")
        self.sealer = Sealer(self.home)
        self._seal_clear_secrets()

    @staticmethod
    def _postgres(url: str) -> _Connection:
        raw = postgres.connect(url)
        with raw.transaction():
            # concurrent first starts must not race on CREATE TABLE IF NOT EXISTS
            raw.execute("SELECT pg_advisory_xact_lock(7401222)")
            for statement in POSTGRES_SCHEMA.split(";"):
                if statement.strip():
                    raw.execute(statement)
        return _Connection(raw, "postgresql")

    @property
    def backend(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.db.kind

    @staticmethod
    def exists(home: Path) -> bool:
        """Whether monitoring state may exist for ``home``: PostgreSQL is
        configured, or the SQLite file is there."""
        return database_url() is not None or (Path(home) / "monitor.db").exists()

    def _seal_clear_secrets(self) -> None:
        """Migrate webhooks stored before secrets were sealed: add the fingerprint
        column and seal every secret still in clear, in one transaction."""
        if self.db.kind == "sqlite":
            columns = {r[1] for r in self.db.execute("PRAGMA table_info(mon_webhooks)")}
        else:
            columns = {"secret_fingerprint"}
        clear = self.db.execute(
            "SELECT id, secret FROM mon_webhooks WHERE secret NOT LIKE 'fernet:%'"
        ).fetchall()
        if "secret_fingerprint" in columns and not clear:
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:  # (another process may have migrated meanwhile: look again under the lock)
            if self.db.kind == "sqlite":
                columns = {r[1] for r in self.db.execute("PRAGMA table_info(mon_webhooks)")}
            if "secret_fingerprint" not in columns:
                self.db.execute("ALTER TABLE mon_webhooks ADD COLUMN secret_fingerprint TEXT")
            for hook_id, secret in self.db.execute(
                "SELECT id, secret FROM mon_webhooks WHERE secret NOT LIKE 'fernet:%'"
            ).fetchall():
                self.db.execute(
                    "UPDATE mon_webhooks SET secret = ?, secret_fingerprint = ? WHERE id = ?",
                    (self.sealer.seal(secret), fingerprint(secret), hook_id),
                )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def __enter__(self) -> PortfolioStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    # -- portfolios -------------------------------------------------------------------

    def create_portfolio(self, name: str, threshold: float, stats: dict[str, Any] | None) -> int:
        """A new, empty portfolio; :class:`PortfolioError` if the name is taken."""
        blob = zlib.compress(json.dumps(stats).encode()) if stats is not None else None
        try:
            cur = self.db.execute(
                "INSERT INTO mon_portfolios (name, created_at, threshold, stats)"
                " VALUES (?, ?, ?, ?) RETURNING id",
                (name, now_iso(), threshold, blob),
            )
            return int(cur.fetchone()[0])
        except _integrity_errors():
            raise PortfolioError(f"a portfolio named {name!r} exists already") from None

    def _info(self, where: str, args: tuple[Any, ...]) -> list[PortfolioInfo]:
        rows = self.db.execute(
            "SELECT p.id, p.name, p.created_at, p.threshold, p.revision,"
            " (SELECT COUNT(*) FROM mon_rows r WHERE r.portfolio_id = p.id),"
            " (SELECT COUNT(*) FROM mon_alerts a WHERE a.portfolio_id = p.id"
            "  AND a.suppressed = 0)"
            f" FROM mon_portfolios p {where} ORDER BY p.name",
            args,
        ).fetchall()
        return [PortfolioInfo(*r) for r in rows]

    def portfolios(self) -> list[PortfolioInfo]:
        """Every portfolio, by name."""
        return self._info("", ())

    def portfolio(self, name: str) -> PortfolioInfo:
        """One portfolio by name; :class:`PortfolioError` if there is none."""
        found = self._info("WHERE p.name = ?", (name,))
        if not found:
            raise PortfolioError(f"no portfolio named {name!r}")
        return found[0]

    def delete_portfolio(self, name: str) -> None:
        """Remove a portfolio with its rows, alerts and watermarks (its events and
        their deliveries stay in the log)."""
        info = self.portfolio(name)
        self.db.execute("DELETE FROM mon_portfolios WHERE id = ?", (info.id,))

    def stats(self, portfolio_id: int) -> dict[str, Any] | None:
        """The portfolio's calibration statistics (``None`` if it has none)."""
        row = self.db.execute(
            "SELECT stats FROM mon_portfolios WHERE id = ?", (portfolio_id,)
        ).fetchone()
        if row is None or row[0] is None:
            return None
        data: dict[str, Any] = json.loads(zlib.decompress(row[0]))
        return data

    def set_stats(self, portfolio_id: int, stats: dict[str, Any] | None) -> None:
        """Replace the calibration statistics and forget the pinned rarity weights
        (a full re-screen follows, which pins them anew)."""
        blob = zlib.compress(json.dumps(stats).encode()) if stats is not None else None
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute(
                "UPDATE mon_portfolios SET stats = ? WHERE id = ?", (blob, portfolio_id)
            )
            self.db.execute("DELETE FROM mon_rarity WHERE portfolio_id = ?", (portfolio_id,))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def rarity(self, portfolio_id: int) -> dict[str, float]:
        """The rarity weight each name token of the portfolio was pinned at (part
        of its calibration, see :mod:`thaw.monitor.screening`)."""
        return dict(
            self.db.execute(
                "SELECT token, weight FROM mon_rarity WHERE portfolio_id = ?", (portfolio_id,)
            ).fetchall()
        )

    # -- rows -------------------------------------------------------------------------

    def rows(self, portfolio_id: int) -> Iterator[StoredRow]:
        """Every row of a portfolio, in ``pk`` order."""
        for pk, rid, fp, data in self.db.execute(
            "SELECT pk, row_id, fingerprint, data FROM mon_rows WHERE portfolio_id = ? ORDER BY pk",
            (portfolio_id,),
        ):
            yield StoredRow(pk, rid, fp, json.loads(data))

    def rows_after(self, portfolio_id: int, after: int, limit: int) -> list[StoredRow]:
        """At most ``limit`` rows of a portfolio with a ``pk`` above ``after``, in
        ``pk`` order: a portfolio read page by page, so that its size does not
        bound the reader's memory (a database client may buffer a whole result)."""
        return [
            StoredRow(pk, rid, fp, json.loads(data))
            for pk, rid, fp, data in self.db.execute(
                # (along the primary key: "+" keeps SQLite off the (portfolio_id,
                # row_id) index, which would sort the whole portfolio for each page)
                "SELECT pk, row_id, fingerprint, data FROM mon_rows"
                " WHERE pk > ? AND +portfolio_id = ? ORDER BY pk LIMIT ?",
                (after, portfolio_id, limit),
            )
        ]

    def rows_by_pk(self, portfolio_id: int, pks: Iterable[int]) -> dict[int, StoredRow]:
        """The rows with these ``pk`` (missing ones are left out)."""
        out: dict[int, StoredRow] = {}
        wanted = sorted(set(pks))
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            # (by the primary key alone: with the portfolio in the condition, SQLite
            # walks the portfolio's rows by its (portfolio_id, row_id) index instead)
            for pk, owner, rid, fp, data in self.db.execute(
                "SELECT pk, portfolio_id, row_id, fingerprint, data FROM mon_rows"
                f" WHERE pk IN ({marks})",
                chunk,
            ):
                if owner == portfolio_id:
                    out[pk] = StoredRow(pk, rid, fp, json.loads(data))
        return out

    def row_fingerprints(self, portfolio_id: int) -> dict[str, tuple[int, str]]:
        """``row_id → (pk, fingerprint)`` of every row."""
        return {
            rid: (pk, fp)
            for pk, rid, fp in self.db.execute(
                "SELECT pk, row_id, fingerprint FROM mon_rows WHERE portfolio_id = ?",
                (portfolio_id,),
            )
        }

    def row(self, portfolio_id: int, row_id: str) -> StoredRow | None:
        """One row by the caller's id."""
        r = self.db.execute(
            "SELECT pk, row_id, fingerprint, data FROM mon_rows"
            " WHERE portfolio_id = ? AND row_id = ?",
            (portfolio_id, row_id),
        ).fetchone()
        return StoredRow(r[0], r[1], r[2], json.loads(r[3])) if r else None

    # -- watermarks and alerts --------------------------------------------------------

    def watermarks(self, portfolio_id: int) -> dict[str, int]:
        """``source → publication id`` the portfolio's alerts reflect."""
        return dict(
            self.db.execute(
                "SELECT source, publication_id FROM mon_watermarks WHERE portfolio_id = ?",
                (portfolio_id,),
            ).fetchall()
        )

    def alerts(self, portfolio_id: int) -> list[StoredAlert]:
        """Every alert of a portfolio (suppressed ones included)."""
        return [
            _alert(r)
            for r in self.db.execute(
                f"SELECT {_ALERT_COLUMNS} FROM mon_alerts WHERE portfolio_id = ?",
                (portfolio_id,),
            )
        ]

    def alerts_of_rows(self, portfolio_id: int, pks: Iterable[int]) -> list[StoredAlert]:
        """The alerts of these rows."""
        out: list[StoredAlert] = []
        wanted = sorted(set(pks))
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out += [
                _alert(r)
                for r in self.db.execute(
                    f"SELECT {_ALERT_COLUMNS} FROM mon_alerts"
                    f" WHERE portfolio_id = ? AND row_pk IN ({marks})",
                    (portfolio_id, *chunk),
                )
            ]
        return out

    def alerts_on_listings(
        self, portfolio_id: int, source: str, source_ids: Iterable[str]
    ) -> list[StoredAlert]:
        """The alerts on these listings of one source."""
        out: list[StoredAlert] = []
        wanted = sorted(set(source_ids))
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out += [
                _alert(r)
                for r in self.db.execute(
                    f"SELECT {_ALERT_COLUMNS} FROM mon_alerts WHERE portfolio_id = ?"
                    f" AND source = ? AND source_id IN ({marks})",
                    (portfolio_id, source, *chunk),
                )
            ]
        return out

    def current_alerts(
        self, portfolio: str | None = None, row_id: str | None = None
    ) -> list[tuple[str, str, StoredAlert]]:
        """``(portfolio, row_id, alert)`` of every alert not suppressed, by
        portfolio, row and score."""
        where, args = ["a.suppressed = 0"], []
        if portfolio is not None:
            where.append("p.name = ?")
            args.append(portfolio)
        if row_id is not None:
            where.append("r.row_id = ?")
            args.append(row_id)
        rows = self.db.execute(
            f"SELECT p.name, r.row_id, {_PREFIXED_ALERT_COLUMNS}"
            " FROM mon_alerts a JOIN mon_rows r ON r.pk = a.row_pk"
            " JOIN mon_portfolios p ON p.id = a.portfolio_id"
            f" WHERE {' AND '.join(where)} ORDER BY p.name, r.row_id, a.score DESC",
            args,
        ).fetchall()
        return [(r[0], r[1], _alert(r[2:])) for r in rows]

    def set_suppressed(
        self, portfolio_id: int, row_pk: int, source: str, source_id: str, suppressed: bool
    ) -> None:
        """Mark one alert as suppressed (decided a false positive) or not."""
        self.db.execute(
            "UPDATE mon_alerts SET suppressed = ? WHERE portfolio_id = ? AND row_pk = ?"
            " AND source = ? AND source_id = ?",
            (int(suppressed), portfolio_id, row_pk, source, source_id),
        )

    # -- the one write of a screening step --------------------------------------------

    def apply(self, portfolio_id: int, portfolio: str, changes: Changes) -> list[str]:
        """Write ``changes`` in one transaction (see :class:`Changes`) and return
        the ids of the events that were new (an event recorded before is skipped,
        and so is its delivery)."""
        db = self.db
        created = now_iso()
        db.execute("BEGIN IMMEDIATE")
        try:
            if changes.rows_delete:
                db.executemany(
                    "DELETE FROM mon_rows WHERE portfolio_id = ? AND row_id = ?",
                    [(portfolio_id, rid) for rid in changes.rows_delete],
                )
            db.executemany(
                "INSERT INTO mon_rows (portfolio_id, row_id, fingerprint, data)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (portfolio_id, row_id) DO UPDATE"
                " SET fingerprint = excluded.fingerprint, data = excluded.data",
                [
                    (portfolio_id, rid, fp, json.dumps(data, ensure_ascii=False))
                    for rid, fp, data in changes.rows_upsert
                ],
            )
            db.executemany(
                "DELETE FROM mon_alerts WHERE portfolio_id = ? AND row_pk = ?"
                " AND source = ? AND source_id = ?",
                [(portfolio_id, *key) for key in changes.alerts_delete],
            )
            if changes.alerts_upsert:
                pks = self._pks(portfolio_id, {rid for rid, _ in changes.alerts_upsert})
                db.executemany(
                    f"INSERT INTO mon_alerts (portfolio_id, {_ALERT_COLUMNS})"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (portfolio_id, row_pk, source, source_id) DO UPDATE SET"
                    " listing_hash = excluded.listing_hash, score = excluded.score,"
                    " matched_name = excluded.matched_name, explanation = excluded.explanation,"
                    " profile_id = excluded.profile_id, suppressed = excluded.suppressed,"
                    " since = excluded.since",
                    [
                        (
                            portfolio_id,
                            pks[rid],
                            a.source,
                            a.source_id,
                            a.listing_hash,
                            a.score,
                            a.matched_name,
                            a.explanation,
                            a.profile_id,
                            int(a.suppressed),
                            a.since,
                        )
                        for rid, a in changes.alerts_upsert
                    ],
                )
            db.executemany(
                "INSERT INTO mon_rarity (portfolio_id, token, weight) VALUES (?, ?, ?)"
                " ON CONFLICT (portfolio_id, token) DO NOTHING",
                [(portfolio_id, token, weight) for token, weight in changes.rarity.items()],
            )
            db.executemany(
                "INSERT INTO mon_watermarks (portfolio_id, source, publication_id)"
                " VALUES (?, ?, ?) ON CONFLICT (portfolio_id, source)"
                " DO UPDATE SET publication_id = excluded.publication_id",
                [(portfolio_id, s, p) for s, p in sorted(changes.watermarks.items())],
            )
            if changes.bump_revision:
                db.execute(
                    "UPDATE mon_portfolios SET revision = revision + 1 WHERE id = ?",
                    (portfolio_id,),
                )
            new_ids = self._record_events(portfolio_id, portfolio, changes.events, created)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return new_ids

    def _pks(self, portfolio_id: int, row_ids: Iterable[str]) -> dict[str, int]:
        """``row_id → pk`` of these rows (by the caller's ids, 500 at a time: not
        the whole portfolio's, which a million rows make a few hundred MB)."""
        wanted = sorted(row_ids)
        found: dict[str, int] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                (rid, int(pk))
                for rid, pk in self.db.execute(
                    "SELECT row_id, pk FROM mon_rows"
                    f" WHERE portfolio_id = ? AND row_id IN ({marks})",
                    (portfolio_id, *chunk),
                )
            )
        missing = [rid for rid in wanted if rid not in found]
        if missing:
            raise PortfolioError(f"no row {missing[0]!r}")
        return found

    def _record_events(
        self,
        portfolio_id: int,
        portfolio: str,
        events: list[tuple[str, str, str, dict[str, Any]]],
        created: str,
    ) -> list[str]:
        db = self.db
        hooks = [
            int(r[0])
            for r in db.execute(
                "SELECT id FROM mon_webhooks WHERE active = 1"
                " AND (portfolio IS NULL OR portfolio = ?)",
                (portfolio,),
            )
        ]
        new_ids: list[str] = []
        for event_id, kind, row_id, payload in events:
            body = dict(payload, created_at=created)
            cur = db.execute(
                "INSERT INTO mon_events"
                " (id, portfolio_id, portfolio, type, row_id, created_at, payload)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING seq",
                (
                    event_id,
                    portfolio_id,
                    portfolio,
                    kind,
                    row_id,
                    created,
                    json.dumps(body, ensure_ascii=False, sort_keys=True),
                ),
            )
            inserted = cur.fetchone()
            if inserted is None:
                continue
            new_ids.append(event_id)
            seq = int(inserted[0])
            db.executemany(
                "INSERT INTO mon_outbox (event_seq, webhook_id, status, created_at,"
                " next_attempt_at) VALUES (?, ?, 'pending', ?, ?)",
                [(seq, hook, created, created) for hook in hooks],
            )
        return new_ids

    # -- events -----------------------------------------------------------------------

    def events(
        self,
        portfolio: str | None = None,
        since: str | None = None,
        types: Sequence[str] = (),
        limit: int | None = None,
    ) -> list[StoredEvent]:
        """Recorded events, oldest first; ``since`` is an ISO date or date-time
        (events recorded at or after it)."""
        where, args = ["1 = 1"], []
        if portfolio is not None:
            where.append("portfolio = ?")
            args.append(portfolio)
        if since is not None:
            where.append("created_at >= ?")
            args.append(since)
        if types:
            where.append(f"type IN ({','.join('?' * len(types))})")
            args.extend(types)
        sql = (
            "SELECT seq, id, portfolio, type, row_id, created_at, payload FROM mon_events"
            f" WHERE {' AND '.join(where)} ORDER BY seq"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [
            StoredEvent(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]))
            for r in self.db.execute(sql, args)
        ]

    # -- webhooks and the outbox ------------------------------------------------------

    def add_webhook(self, url: str, secret: str, portfolio: str | None) -> Webhook:
        """Register an endpoint; it receives the events recorded from now on."""
        if portfolio is not None:
            self.portfolio(portfolio)  # must exist
        cur = self.db.execute(
            "INSERT INTO mon_webhooks (url, portfolio, secret, secret_fingerprint, created_at)"
            " VALUES (?, ?, ?, ?, ?) RETURNING id",
            (url, portfolio, self.sealer.seal(secret), fingerprint(secret), now_iso()),
        )
        hook = self.webhook(int(cur.fetchone()[0]))
        assert hook is not None
        return hook

    def webhook(self, webhook_id: int) -> Webhook | None:
        """One webhook by id."""
        r = self.db.execute(
            "SELECT id, url, portfolio, secret_fingerprint, created_at, active FROM mon_webhooks"
            " WHERE id = ?",
            (webhook_id,),
        ).fetchone()
        return Webhook(r[0], r[1], r[2], r[3], r[4], bool(r[5])) if r else None

    def webhooks(self) -> list[Webhook]:
        """Every webhook, by id."""
        return [
            Webhook(r[0], r[1], r[2], r[3], r[4], bool(r[5]))
            for r in self.db.execute(
                "SELECT id, url, portfolio, secret_fingerprint, created_at, active"
                " FROM mon_webhooks ORDER BY id"
            )
        ]

    def deactivate_webhook(self, webhook_id: int) -> None:
        """Stop delivering to an endpoint (its pending deliveries are dropped as
        ``failed``)."""
        if self.webhook(webhook_id) is None:
            raise PortfolioError(f"no webhook {webhook_id}")
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute("UPDATE mon_webhooks SET active = 0 WHERE id = ?", (webhook_id,))
            self.db.execute(
                "UPDATE mon_outbox SET status = 'failed', last_error = 'webhook removed'"
                " WHERE webhook_id = ? AND status = 'pending'",
                (webhook_id,),
            )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    @contextmanager
    def delivery_lock(self) -> Iterator[None]:
        """Hold the outbox's delivery lock: one delivery pass at a time, whichever
        process runs it (``thaw serve``'s deliverer, ``thaw webhooks deliver``,
        cron), so that two passes never send the same due delivery twice. With
        SQLite an exclusive ``flock`` on a file beside the database; with
        PostgreSQL a session advisory lock (deliverers on other machines too).
        Blocks until the lock is free."""
        if self.db.kind == "postgresql":
            self.db.execute("SELECT pg_advisory_lock(7401223)")
            try:
                yield
            finally:
                self.db.execute("SELECT pg_advisory_unlock(7401223)")
            return
        with open(self.path.with_name(self.path.name + ".deliver.lock"), "a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def due(self, now: str, limit: int = 500) -> list[Delivery]:
        """Pending deliveries whose next attempt is due, oldest event first (their
        secrets opened for signing)."""
        return [
            Delivery(r[0], r[1], r[2], r[3], r[4], self.sealer.open(r[5]), r[6], r[7], r[8])
            for r in self.db.execute(
                "SELECT o.event_seq, e.id, e.type, o.webhook_id, w.url, w.secret, e.payload,"
                " o.attempts, o.created_at FROM mon_outbox o"
                " JOIN mon_events e ON e.seq = o.event_seq"
                " JOIN mon_webhooks w ON w.id = o.webhook_id"
                " WHERE o.status = 'pending' AND o.next_attempt_at <= ? AND w.active = 1"
                " ORDER BY o.event_seq, o.webhook_id LIMIT ?",
                (now, limit),
            )
        ]

    def next_due(self) -> str | None:
        """When the earliest pending delivery is due (``None``: nothing pending)."""
        row = self.db.execute(
            "SELECT MIN(next_attempt_at) FROM mon_outbox WHERE status = 'pending'"
        ).fetchone()
        return row[0] if row and row[0] else None

    def pending_count(self) -> int:
        """How many deliveries are still pending."""
        return int(
            self.db.execute("SELECT COUNT(*) FROM mon_outbox WHERE status = 'pending'").fetchone()[
                0
            ]
        )

    def record_attempt(
        self,
        delivery: Delivery,
        *,
        outcome: str,
        status_code: int | None,
        error: str | None,
        duration_ms: float,
        next_attempt_at: str | None,
    ) -> None:
        """Log one attempt and move the outbox entry on, in one transaction:
        ``outcome`` ``delivered``, ``retry`` (then ``next_attempt_at``) or
        ``failed`` (given up)."""
        status = {"delivered": "delivered", "retry": "pending", "failed": "failed"}[outcome]
        at = now_iso()
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute(
                "INSERT INTO mon_attempts (event_seq, webhook_id, at, status_code, error,"
                " duration_ms, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    delivery.event_seq,
                    delivery.webhook_id,
                    at,
                    status_code,
                    error,
                    duration_ms,
                    outcome,
                ),
            )
            db.execute(
                "UPDATE mon_outbox SET status = ?, attempts = attempts + 1, last_error = ?,"
                " next_attempt_at = ? WHERE event_seq = ? AND webhook_id = ?",
                (
                    status,
                    error,
                    next_attempt_at or at,
                    delivery.event_seq,
                    delivery.webhook_id,
                ),
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def postpone(self, webhook_id: int, until: str) -> int:
        """Hold back every pending delivery of one endpoint due before ``until`` (its
        endpoint is failing: no point in trying the rest now); returns how many."""
        cur = self.db.execute(
            "UPDATE mon_outbox SET next_attempt_at = ? WHERE webhook_id = ?"
            " AND status = 'pending' AND next_attempt_at < ?",
            (until, webhook_id, until),
        )
        return int(cur.rowcount or 0)

    def attempts(self, webhook_id: int | None = None, limit: int = 200) -> list[Attempt]:
        """The newest delivery attempts (of one webhook), newest last."""
        where, args = "", []
        if webhook_id is not None:
            where = "WHERE a.webhook_id = ?"
            args.append(webhook_id)
        rows = self.db.execute(
            "SELECT a.id, e.id, a.webhook_id, w.url, a.at, a.status_code, a.error,"
            " a.duration_ms, a.outcome FROM mon_attempts a"
            " JOIN mon_events e ON e.seq = a.event_seq"
            " JOIN mon_webhooks w ON w.id = a.webhook_id"
            f" {where} ORDER BY a.id DESC LIMIT ?",
            (*args, limit),
        ).fetchall()
        return [Attempt(*r) for r in reversed(rows)]

    def outbox_status(self) -> dict[str, int]:
        """Deliveries by status."""
        return dict(
            self.db.execute("SELECT status, COUNT(*) FROM mon_outbox GROUP BY status").fetchall()
        )


def open_portfolios(home: Path) -> PortfolioStore:
    """The monitoring store under ``home`` (see :class:`PortfolioStore`)."""
    return PortfolioStore(home)
