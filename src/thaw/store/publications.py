"""The bookkeeping every kind of publication shares: a table of publications and a
table naming the active one of each source.

List publications (``publications`` and ``active``, :class:`~thaw.store.Store`)
and ownership publications (``own_publications`` and ``own_active``,
:class:`~thaw.store.ownership.OwnershipStore`) keep the same columns about where
a publication came from (source, format, date and how it is known, the files and
their sha256, when it was loaded), each with a few of its own (a record count and
an order for lists; a link count and the reader's notes for ownership).
:class:`StoredPublication` holds the shared columns of a row of either kind, and
:class:`PublicationTable` reads, inserts and activates them for both.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from sqlite3 import Connection
from typing import Any


@dataclass(frozen=True, slots=True)
class StoredPublication:
    """What every stored publication records about where it came from; each kind
    adds its own fields (:class:`thaw.store.PublicationRow`,
    :class:`thaw.store.ownership.OwnershipPublicationRow`)."""

    id: int
    source: str
    format: str
    """The reader's format name."""
    published: str
    """The publication date (or date and time), ISO."""
    date_basis: str
    """How the date is known (from the file, its folder, given …)."""
    sha256: str
    """The digest of the publication's files."""
    files: list[str]
    loaded_at: str

    @property
    def date(self) -> str:
        """The publication date (``YYYY-MM-DD``) without any time part."""
        return self.published[:10]


COMMON = tuple(f.name for f in fields(StoredPublication))
"""The columns every publication table has, in this order."""


@dataclass(frozen=True, slots=True)
class PublicationTable:
    """One kind of publication: its table, its table of active publications and its
    own columns (after :data:`COMMON`)."""

    table: str
    active: str
    extra: tuple[str, ...]
    added: tuple[tuple[str, str], ...] = ()
    """Columns of :attr:`extra` that a store made by an older thaw lacks, each with
    its SQL declaration (an integer defaulting to 0): :meth:`rows` reads 0 there,
    and :meth:`add_missing` adds them before a write."""

    def _missing(self, db: Connection) -> list[tuple[str, str]]:
        have = {r[1] for r in db.execute(f"PRAGMA table_info({self.table})")}
        return [(name, decl) for name, decl in self.added if name not in have]

    def add_missing(self, db: Connection) -> None:
        """Add the columns of :attr:`added` a store made by an older thaw lacks
        (inside the caller's write transaction)."""
        for name, decl in self._missing(db):
            db.execute(f"ALTER TABLE {self.table} ADD COLUMN {name} {decl}")

    def rows(
        self, db: Connection, where: str = "", args: Iterable[object] = (), order: str = ""
    ) -> list[dict[str, Any]]:
        """The publications ``where`` says (a ``WHERE`` clause written by the
        caller in thaw.store, values in ``args``), in ``order``: per publication its
        columns by name (``files`` decoded) and ``active``."""
        active = {r[0] for r in db.execute(f"SELECT publication_id FROM {self.active}")}
        names = COMMON + self.extra
        missing = {name for name, _ in self._missing(db)}
        # a column an older store lacks reads as 0, its declared default
        cols = [name if name not in missing else f"0 AS {name}" for name in names]
        rows = db.execute(
            f"SELECT {', '.join(cols)} FROM {self.table} {where} {order}", tuple(args)
        ).fetchall()
        out: list[dict[str, Any]] = []
        for r in rows:
            item = dict(zip(names, r, strict=True))
            item["files"] = json.loads(item["files"])
            item["active"] = item["id"] in active
            out.append(item)
        return out

    def insert(
        self,
        db: Connection,
        source: str,
        format: str,
        published: str,
        date_basis: str,
        sha256: str,
        files: list[str],
        extra: tuple[object, ...],
    ) -> int:
        """Insert a publication (inside the caller's transaction), loaded now;
        ``extra`` holds the values of this kind's own columns. Returns its id."""
        names = COMMON[1:] + self.extra
        marks = ", ".join("?" * len(names))
        cur = db.execute(
            f"INSERT INTO {self.table} ({', '.join(names)}) VALUES ({marks})",
            (
                source,
                format,
                published,
                date_basis,
                sha256,
                json.dumps(files),
                datetime.now(UTC).isoformat(timespec="seconds"),
                *extra,
            ),
        )
        return int(cur.lastrowid or 0)

    def activate(self, db: Connection, source: str, publication_id: int) -> None:
        """Make a publication the active one of its source (inside the caller's
        transaction)."""
        db.execute(
            f"INSERT INTO {self.active} (source, publication_id) VALUES (?, ?)"
            " ON CONFLICT (source) DO UPDATE SET publication_id = excluded.publication_id",
            (source, publication_id),
        )


LISTS = PublicationTable(
    "publications",
    "active",
    ("record_count", "seq", "reader_version"),
    (("reader_version", "INTEGER NOT NULL DEFAULT 0"),),
)
"""List publications (:class:`~thaw.store.Store`)."""
OWNERSHIP = PublicationTable("own_publications", "own_active", ("link_count", "notes"))
"""Ownership publications (:class:`~thaw.store.ownership.OwnershipStore`)."""
