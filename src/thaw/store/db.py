"""The embedded SQLite store: publications, record versions and their spans.

Model
-----
* A **publication** is one loaded file set of one source (a snapshot): its date, the
  sha256 of its files, when it was loaded and how many records it held. Within a
  source, publications are ordered by date; ``seq`` is that order.
* A **version** is one distinct content of one listing (``source``, ``source_id``,
  content hash). Unchanged listings share a version across publications.
* A **span** says that a version was present in publications ``first_seq`` to
  ``last_seq`` of its source (``NULL`` = up to the newest). Appending a publication
  writes only what changed, so 308 daily OFAC snapshots cost little more than one.
* The **active** publication of a source is the one screening uses. It only ever
  changes inside the transaction that adds a fully parsed, checked publication.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from thaw.model import Record
from thaw.store._sqlite import enable_wal
from thaw.store.publications import LISTS, StoredPublication

SCHEMA_VERSION = "1"
BUSY_TIMEOUT_S = 60.0
"""How long a writer waits for another writer's lock before giving up (readers never
wait: the store runs in WAL mode and opening it does not write)."""


class StoreError(Exception):
    """The store could not be read or written; the message says why in words (disk
    full, read-only file system, another process holding the lock)."""


DatabaseError = sqlite3.Error
"""The database library's own error, for callers that must catch what a store
operation did not translate into a :class:`StoreError` (only ``thaw.store`` imports
the driver)."""


def _free_space(path: Path) -> str:
    try:
        free = shutil.disk_usage(path).free
    except OSError:
        return "unknown space"
    return f"{free / 1e6:.1f} MB"


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """Open ``path`` for reading only (``mode=ro``): no lock is taken beyond the
    WAL readers' own, so a reader never waits for or blocks a load. On a read-only
    file system, where SQLite cannot create the WAL index beside the database, the
    file is opened ``immutable`` (it cannot change under us there anyway)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S)
    try:
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:
        db.close()
        if os.access(path.parent, os.W_OK) and _writable_fs(path.parent):
            raise
    db = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, isolation_level=None
    )
    db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    return db


def _writable_fs(folder: Path) -> bool:
    try:
        return not (os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


@dataclass(frozen=True, slots=True)
class PublicationRow(StoredPublication):
    """A stored publication (snapshot) of one source's list: its records, and its
    place among the source's publications (``seq``)."""

    record_count: int
    seq: int
    reader_version: int = 0
    """The version of the reader it was read with (:attr:`thaw.sources.Reader.version`;
    0 when stored by a thaw that did not record it)."""
    active: bool = False


_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))

try:  # optional: the same text, faster (checked identical in tests/history/test_bulk.py)
    import orjson as _orjson

    def _dumps(data: dict[str, object]) -> str:
        return _orjson.dumps(data, option=_orjson.OPT_SORT_KEYS).decode("utf-8")

except ImportError:  # pragma: no cover - orjson is present with the dev extras

    def _dumps(data: dict[str, object]) -> str:
        return _JSON.encode(data)


def canonical_json(record: Record) -> str:
    """The record's canonical JSON, exactly :meth:`Record.to_json` (same text, same
    hash), with ``orjson`` where installed: several times faster, which matters when
    hundreds of snapshots are loaded."""
    return _dumps(record.to_dict())


@dataclass(frozen=True, slots=True)
class EncodedRecord:
    """A record ready to store: its id, the sha256 of its canonical JSON, the JSON
    itself (compressed only if the version is new), schema and caption."""

    source_id: str
    digest: str
    text: str
    schema: str
    caption: str


def encode_record(record: Record) -> EncodedRecord:
    """Serialise one record for :meth:`Store.add_encoded`."""
    text = canonical_json(record)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return EncodedRecord(record.source_id, digest, text, record.schema, record.caption)


def _encode(record: Record) -> tuple[str, bytes]:
    text = canonical_json(record)
    return hashlib.sha256(text.encode("utf-8")).hexdigest(), zlib.compress(text.encode("utf-8"), 6)


def decode_record(blob: bytes) -> Record:
    """Inflate a stored version back into a :class:`Record`."""
    return Record.from_dict(json.loads(zlib.decompress(blob)))


class Store:
    """The thaw database in one SQLite file, ``thaw.db`` under ``home``.

    Use it as a context manager or call :meth:`close`. All writes happen in
    transactions: an exception leaves the store as it was.
    """

    def __init__(self, home: Path, *, readonly: bool = False) -> None:
        self.home = Path(home)
        self.path = self.home / "thaw.db"
        self.readonly = readonly and self.path.exists()
        if self.readonly:
            self.db = _connect_readonly(self.path)
            return
        self.home.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
        try:
            if self._schema_version() is None:
                # a new (or older) store: the only open that writes
                enable_wal(self.db, BUSY_TIMEOUT_S)
                self.db.executescript(
                    resources.files("thaw.store").joinpath("schema.sql").read_text()
                )
                self.db.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)",
                    (SCHEMA_VERSION,),
                )
        except sqlite3.OperationalError as exc:
            self.db.close()
            raise self._error(exc, "open") from exc
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")

    def _schema_version(self) -> str | None:
        """The stored schema version, ``None`` for a store without its tables (read
        only: opening an existing store never writes, so that readers never wait for
        a writer)."""
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                return None
            raise
        return str(row[0]) if row else None

    def _error(self, exc: sqlite3.Error, doing: str) -> StoreError:
        """A :class:`StoreError` saying what went wrong with the database file in
        words (disk full, read-only, busy) rather than SQLite's terse message."""
        code = getattr(exc, "sqlite_errorcode", None)
        text = str(exc)
        if code == sqlite3.SQLITE_FULL or "disk is full" in text:
            return StoreError(
                f"the disk holding {self.path} is full ({_free_space(self.home)} free) while "
                f"trying to {doing}; nothing was changed, the active lists are as they were. "
                "Free some space and run the command again"
            )
        if code == sqlite3.SQLITE_READONLY or "readonly" in text:
            return StoreError(
                f"{self.path} cannot be written (read-only file system or permissions) while "
                f"trying to {doing}; nothing was changed"
            )
        if code == sqlite3.SQLITE_BUSY or "locked" in text:
            return StoreError(
                f"{self.path} is busy: another thaw process held the write lock for more than "
                f"{BUSY_TIMEOUT_S:.0f} s while trying to {doing}; nothing was changed, try again"
            )
        return StoreError(f"{self.path}: {text} while trying to {doing}; nothing was changed")

    @contextmanager
    def write(self, doing: str = "write") -> Iterator[None]:
        """One write transaction (``BEGIN IMMEDIATE``): the write lock is taken first,
        so whatever is read inside sees the newest committed state and stays true until
        the commit. Nested use joins the outer transaction. On any error the
        transaction is rolled back (if SQLite has not already done so) and SQLite
        errors become a :class:`StoreError` that says what happened (disk full,
        read-only, busy)."""
        if self.readonly:
            raise StoreError(f"{self.path} is open read-only; cannot {doing}")
        db = self.db
        if db.in_transaction:
            yield
            return
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._error(exc, doing) from exc
        try:
            yield
            db.execute("COMMIT")
        except BaseException as exc:
            if db.in_transaction:  # SQLite rolls back by itself after e.g. SQLITE_FULL
                try:
                    db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            if isinstance(exc, sqlite3.OperationalError):
                raise self._error(exc, doing) from exc
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self.db.close()

    # -- reading -----------------------------------------------------------------

    def _pub_rows(self, where: str = "", args: Iterable[object] = ()) -> list[PublicationRow]:
        rows = LISTS.rows(self.db, where, args, "ORDER BY source, seq")
        return [PublicationRow(**r) for r in rows]

    def publications(self, source: str | None = None) -> list[PublicationRow]:
        """Every stored publication (of one source), in order."""
        if source is None:
            return self._pub_rows()
        return self._pub_rows("WHERE source = ?", (source,))

    def publication(self, publication_id: int) -> PublicationRow | None:
        """One publication by id."""
        rows = self._pub_rows("WHERE id = ?", (publication_id,))
        return rows[0] if rows else None

    def find_publication(self, source: str, sha256: str) -> PublicationRow | None:
        """The publication of ``source`` with these file contents, if loaded."""
        rows = self._pub_rows("WHERE source = ? AND sha256 = ?", (source, sha256))
        return rows[0] if rows else None

    def active_publications(self) -> dict[str, PublicationRow]:
        """The active publication of every source that has one."""
        return {
            p.source: p for p in self._pub_rows("WHERE id IN (SELECT publication_id FROM active)")
        }

    def sources(self) -> list[str]:
        """Sources with at least one publication."""
        return [
            r[0] for r in self.db.execute("SELECT DISTINCT source FROM publications ORDER BY 1")
        ]

    def records_at(self, publication: PublicationRow) -> Iterator[Record]:
        """The records of one publication, as published."""
        sql = (
            "SELECT v.data FROM spans s JOIN versions v ON v.id = s.version_id"
            " WHERE s.source = ? AND s.first_seq <= ? AND (s.last_seq IS NULL OR s.last_seq >= ?)"
            " ORDER BY s.source_id"
        )
        for (blob,) in self.db.execute(sql, (publication.source, publication.seq, publication.seq)):
            yield decode_record(blob)

    def active_records(self, source: str | None = None) -> Iterator[Record]:
        """The records of the active publication of every source (or of one)."""
        for src, pub in sorted(self.active_publications().items()):
            if source is None or src == source:
                yield from self.records_at(pub)

    def get(
        self, source: str, source_id: str, publication: PublicationRow | None = None
    ) -> Record | None:
        """One listing as in ``publication`` (default: the active one)."""
        pub = publication or self.active_publications().get(source)
        if pub is None:
            return None
        row = self.db.execute(
            # "+first_seq": look the listing up by (source, source_id), not by range
            # (without statistics SQLite picks the range index and scans the source)
            "SELECT v.data FROM spans s JOIN versions v ON v.id = s.version_id"
            " WHERE s.source = ? AND s.source_id = ? AND +s.first_seq <= ?"
            " AND (s.last_seq IS NULL OR s.last_seq >= ?)",
            (source, source_id, pub.seq, pub.seq),
        ).fetchone()
        return decode_record(row[0]) if row else None

    def spans(self, source: str, source_id: str) -> list[tuple[int, int | None, str, Record]]:
        """The history of one listing: ``(first_seq, last_seq, hash, record)`` per span."""
        rows = self.db.execute(
            "SELECT s.first_seq, s.last_seq, v.hash, v.data FROM spans s"
            " JOIN versions v ON v.id = s.version_id"
            " WHERE s.source = ? AND s.source_id = ? ORDER BY s.first_seq",
            (source, source_id),
        ).fetchall()
        return [(r[0], r[1], r[2], decode_record(r[3])) for r in rows]

    def search_ids(self, source: str, source_id: str) -> list[tuple[str, str]]:
        """Listing keys whose source id matches ``source_id`` case-insensitively."""
        return [
            (r[0], r[1])
            for r in self.db.execute(
                "SELECT DISTINCT source, source_id FROM spans"
                " WHERE source = ? AND source_id = ? COLLATE NOCASE",
                (source, source_id),
            )
        ]

    def counts_by_schema(self, publication: PublicationRow) -> dict[str, int]:
        """Record counts by schema in one publication."""
        rows = self.db.execute(
            "SELECT v.schema, COUNT(*) FROM spans s JOIN versions v ON v.id = s.version_id"
            " WHERE s.source = ? AND s.first_seq <= ? AND (s.last_seq IS NULL OR s.last_seq >= ?)"
            " GROUP BY v.schema ORDER BY 2 DESC",
            (publication.source, publication.seq, publication.seq),
        )
        return {r[0]: r[1] for r in rows}

    def size_bytes(self) -> int:
        """Size of the database file(s) on disk."""
        total = 0
        for suffix in ("", "-wal", "-shm"):
            p = Path(str(self.path) + suffix)
            if p.exists():
                total += p.stat().st_size
        return total

    # -- writing -----------------------------------------------------------------

    def add_publication(
        self,
        *,
        source: str,
        format: str,
        published: str,
        date_basis: str,
        sha256: str,
        files: list[str],
        records: list[Record],
        activate: bool,
        reader_version: int = 0,
    ) -> PublicationRow:
        """Store a fully parsed publication in one transaction; optionally make it
        the active one of its source. Callers run the sanity checks first
        (:mod:`thaw.store.loader`)."""
        return self.add_encoded(
            source=source,
            format=format,
            published=published,
            date_basis=date_basis,
            sha256=sha256,
            files=files,
            entries=[encode_record(r) for r in records],
            activate=activate,
            reader_version=reader_version,
        )

    def add_encoded(
        self,
        *,
        source: str,
        format: str,
        published: str,
        date_basis: str,
        sha256: str,
        files: list[str],
        entries: list[EncodedRecord],
        activate: bool,
        reader_version: int = 0,
    ) -> PublicationRow:
        """:meth:`add_publication` for records already serialised with
        :func:`encode_record` (so that parsing and encoding can run elsewhere, e.g. in
        worker processes). Only versions not stored yet are compressed and written."""
        db = self.db
        with self.write(f"store a {source} publication"):
            LISTS.add_missing(db)
            last = db.execute(
                "SELECT MAX(seq) FROM publications WHERE source = ?", (source,)
            ).fetchone()[0]
            later = db.execute(
                "SELECT COUNT(*) FROM publications WHERE source = ? AND published > ?",
                (source, published),
            ).fetchone()[0]
            seq = (last or 0) + 1 - later
            if later:
                # make room: the new publication takes its place in date order
                self._shift(source, seq)
            pub_id = LISTS.insert(
                db,
                source,
                format,
                published,
                date_basis,
                sha256,
                files,
                (len(entries), seq, reader_version),
            )
            version_ids = self._store_versions(source, entries)
            if later:
                self._insert_spans(source, seq, version_ids)
            else:
                self._append_spans(source, seq, version_ids)
            if activate:
                self.activate(source, pub_id)
        row = self.publication(pub_id)
        assert row is not None
        return row

    def reread(
        self, publication: PublicationRow, entries: list[EncodedRecord], reader_version: int
    ) -> int:
        """Store a new reading of a stored publication's very files (the same
        listings read by a reader of another version), in place: a listing read
        otherwise now holds the new reading over the whole span of publications
        that held its old one (those held the same published content, as far as
        the old reader could tell), so no publication differs from the next by
        the reading, and history reports no change the authority did not make.
        Listings one reading holds and the other not are left as they were.
        Returns how many listings read otherwise."""
        db = self.db
        source, seq = publication.source, publication.seq
        with self.write(f"re-read a {source} publication"):
            LISTS.add_missing(db)
            held = {
                sid: (vid, digest)
                for sid, vid, digest in db.execute(
                    "SELECT s.source_id, v.id, v.hash FROM spans s"
                    " JOIN versions v ON v.id = s.version_id"
                    " WHERE s.source = ? AND s.first_seq <= ?"
                    " AND (s.last_seq IS NULL OR s.last_seq >= ?)",
                    (source, seq, seq),
                )
            }
            changed = [
                e for e in entries if e.source_id in held and held[e.source_id][1] != e.digest
            ]
            new_ids = self._store_versions(source, changed)
            for e in changed:
                db.execute(
                    "UPDATE spans SET version_id = ? WHERE source = ? AND source_id = ?"
                    " AND version_id = ? AND first_seq <= ?"
                    " AND (last_seq IS NULL OR last_seq >= ?)",
                    (new_ids[e.source_id], source, e.source_id, held[e.source_id][0], seq, seq),
                )
            db.execute(
                "UPDATE publications SET reader_version = ? WHERE id = ?",
                (reader_version, publication.id),
            )
        return len(changed)

    def activate(self, source: str, publication_id: int) -> None:
        """Make a stored publication the active one of its source (inside
        :meth:`write`; callers check first that it should be)."""
        with self.write(f"activate a {source} publication"):
            LISTS.activate(self.db, source, publication_id)

    def ids_at(self, publication: PublicationRow) -> set[str]:
        """The listing ids present in one publication."""
        return {
            r[0]
            for r in self.db.execute(
                "SELECT source_id FROM spans WHERE source = ? AND first_seq <= ?"
                " AND (last_seq IS NULL OR last_seq >= ?)",
                (publication.source, publication.seq, publication.seq),
            )
        }

    def _store_versions(self, source: str, entries: list[EncodedRecord]) -> dict[str, int]:
        """Insert unseen versions; return ``source_id → version id``.

        Most listings are unchanged since the newest publication, so the versions
        of the open spans are matched first (one query); only the rest is looked up
        by id, and only versions never seen are compressed and inserted.
        """
        db = self.db
        known: dict[tuple[str, str], int] = {
            (sid, digest): vid
            for sid, digest, vid in db.execute(
                "SELECT s.source_id, v.hash, v.id FROM spans s"
                " JOIN versions v ON v.id = s.version_id"
                " WHERE s.source = ? AND s.last_seq IS NULL",
                (source,),
            )
        }
        missing = [e.source_id for e in entries if (e.source_id, e.digest) not in known]
        for i in range(0, len(missing), 500):
            chunk = missing[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for vid, sid, digest in db.execute(
                "SELECT id, source_id, hash FROM versions"
                f" WHERE source = ? AND source_id IN ({marks})",
                (source, *chunk),
            ):
                known[(sid, digest)] = vid
        out: dict[str, int] = {}
        for e in entries:
            vid = known.get((e.source_id, e.digest))
            if vid is None:
                cur = db.execute(
                    "INSERT INTO versions (source, source_id, hash, schema, caption, data)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        source,
                        e.source_id,
                        e.digest,
                        e.schema,
                        e.caption,
                        zlib.compress(e.text.encode("utf-8"), 6),
                    ),
                )
                vid = int(cur.lastrowid or 0)
                known[(e.source_id, e.digest)] = vid
            out[e.source_id] = vid
        return out

    def _append_spans(self, source: str, seq: int, version_ids: dict[str, int]) -> None:
        """The new publication is the newest: extend, close and open spans."""
        db = self.db
        open_spans = {
            sid: (rowid, vid)
            for rowid, sid, vid in db.execute(
                "SELECT rowid, source_id, version_id FROM spans"
                " WHERE source = ? AND last_seq IS NULL",
                (source,),
            )
        }
        close: list[tuple[int, int]] = []
        new: list[tuple[int, str, str, int]] = []
        for sid, (rowid, vid) in open_spans.items():
            if version_ids.get(sid) != vid:
                close.append((seq - 1, rowid))
        for sid, vid in version_ids.items():
            current = open_spans.get(sid)
            if current is None or current[1] != vid:
                new.append((vid, source, sid, seq))
        db.executemany("UPDATE spans SET last_seq = ? WHERE rowid = ?", close)
        db.executemany(
            "INSERT INTO spans (version_id, source, source_id, first_seq, last_seq)"
            " VALUES (?, ?, ?, ?, NULL)",
            new,
        )

    def _shift(self, source: str, seq: int) -> None:
        """Renumber the source's publications and spans from ``seq`` on by one, to
        make room for a publication inserted at ``seq``."""
        db = self.db
        db.execute(
            "UPDATE publications SET seq = seq + 1 WHERE source = ? AND seq >= ?", (source, seq)
        )
        db.execute(
            "UPDATE spans SET first_seq = first_seq + 1 WHERE source = ? AND first_seq >= ?",
            (source, seq),
        )
        db.execute(
            "UPDATE spans SET last_seq = last_seq + 1 WHERE source = ? AND last_seq >= ?",
            (source, seq),
        )

    def _insert_spans(self, source: str, k: int, version_ids: dict[str, int]) -> None:
        """Splice a publication inserted at ``k`` (older than the newest) into the
        spans, after :meth:`_shift` made room: only spans touching ``k - 1``, ``k`` or
        ``k + 1`` change. The result is the same as recomputing every span of the
        source from scratch: maximal runs of one version."""
        db = self.db
        crossing: dict[str, tuple[int, int, int, int | None]] = {}
        left: dict[str, tuple[int, int]] = {}
        right: dict[str, tuple[int, int, int | None]] = {}
        for rowid, sid, vid, first, last in db.execute(
            "SELECT rowid, source_id, version_id, first_seq, last_seq FROM spans"
            " WHERE source = ? AND first_seq <= ? AND (last_seq IS NULL OR last_seq >= ?)",
            (source, k + 1, k - 1),
        ):
            if first < k and (last is None or last > k):
                crossing[sid] = (rowid, vid, first, last)
            elif last == k - 1:
                left[sid] = (rowid, vid)
            elif first == k + 1:
                right[sid] = (rowid, vid, last)
        updates_last: list[tuple[int | None, int]] = []
        updates_first: list[tuple[int, int]] = []
        deletes: list[tuple[int]] = []
        inserts: list[tuple[int, str, str, int, int | None]] = []
        for sid, (rowid, vid, _first, last) in crossing.items():
            if version_ids.get(sid) == vid:
                continue  # unchanged across the new publication: the span covers it
            updates_last.append((k - 1, rowid))
            inserts.append((vid, source, sid, k + 1, last))
            if sid in version_ids:
                inserts.append((version_ids[sid], source, sid, k, k))
        for sid, vid in version_ids.items():
            if sid in crossing:
                continue
            lhs, rhs = left.get(sid), right.get(sid)
            join_left = lhs is not None and lhs[1] == vid
            join_right = rhs is not None and rhs[1] == vid
            if join_left and join_right:
                assert lhs is not None and rhs is not None
                updates_last.append((rhs[2], lhs[0]))
                deletes.append((rhs[0],))
            elif join_left:
                assert lhs is not None
                updates_last.append((k, lhs[0]))
            elif join_right:
                assert rhs is not None
                updates_first.append((k, rhs[0]))
            else:
                inserts.append((vid, source, sid, k, k))
        db.executemany("UPDATE spans SET last_seq = ? WHERE rowid = ?", updates_last)
        db.executemany("UPDATE spans SET first_seq = ? WHERE rowid = ?", updates_first)
        db.executemany("DELETE FROM spans WHERE rowid = ?", deletes)
        db.executemany(
            "INSERT INTO spans (version_id, source, source_id, first_seq, last_seq)"
            " VALUES (?, ?, ?, ?, ?)",
            inserts,
        )
