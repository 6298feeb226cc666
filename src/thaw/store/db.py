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

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from thaw.model import Record

SCHEMA_VERSION = "1"


@dataclass(frozen=True, slots=True)
class PublicationRow:
    """A stored publication (snapshot) of one source."""

    id: int
    source: str
    format: str
    published: str
    date_basis: str
    sha256: str
    files: list[str]
    loaded_at: str
    record_count: int
    seq: int
    active: bool = False

    @property
    def date(self) -> str:
        """The publication date (``YYYY-MM-DD``) without any time part."""
        return self.published[:10]


def _encode(record: Record) -> tuple[str, bytes]:
    text = record.to_json()
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest(), zlib.compress(text.encode("utf-8"), 6)


def decode_record(blob: bytes) -> Record:
    """Inflate a stored version back into a :class:`Record`."""
    return Record.from_dict(json.loads(zlib.decompress(blob)))


class Store:
    """The thaw database in one SQLite file, ``thaw.db`` under ``home``.

    Use it as a context manager or call :meth:`close`. All writes happen in
    transactions: an exception leaves the store as it was.
    """

    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        self.home.mkdir(parents=True, exist_ok=True)
        self.path = self.home / "thaw.db"
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.executescript(resources.files("thaw.store").joinpath("schema.sql").read_text())
        self.db.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
        )

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self.db.close()

    # -- reading -----------------------------------------------------------------

    def _pub_rows(self, where: str = "", args: Iterable[object] = ()) -> list[PublicationRow]:
        active = {r[0] for r in self.db.execute("SELECT publication_id FROM active")}
        rows = self.db.execute(
            "SELECT id, source, format, published, date_basis, sha256, files, loaded_at,"
            f" record_count, seq FROM publications {where} ORDER BY source, seq",
            tuple(args),
        ).fetchall()
        return [
            PublicationRow(
                r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), r[7], r[8], r[9], r[0] in active
            )
            for r in rows
        ]

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
            p.source: p
            for p in self._pub_rows("WHERE id IN (SELECT publication_id FROM active)")
        }

    def sources(self) -> list[str]:
        """Sources with at least one publication."""
        return [r[0] for r in self.db.execute("SELECT DISTINCT source FROM publications ORDER BY 1")]

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

    def get(self, source: str, source_id: str, publication: PublicationRow | None = None) -> Record | None:
        """One listing as in ``publication`` (default: the active one)."""
        pub = publication or self.active_publications().get(source)
        if pub is None:
            return None
        row = self.db.execute(
            "SELECT v.data FROM spans s JOIN versions v ON v.id = s.version_id"
            " WHERE s.source = ? AND s.source_id = ? AND s.first_seq <= ?"
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
                "SELECT DISTINCT source, source_id FROM spans WHERE source = ? AND source_id = ? COLLATE NOCASE",
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
    ) -> PublicationRow:
        """Store a fully parsed publication in one transaction; optionally make it
        the active one of its source. Callers run the sanity checks first
        (:mod:`thaw.store.loader`)."""
        encoded = {}
        for record in records:
            digest, blob = _encode(record)
            encoded[record.source_id] = (digest, blob, record.schema, record.caption)
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            last = db.execute(
                "SELECT MAX(seq) FROM publications WHERE source = ?", (source,)
            ).fetchone()[0]
            later = db.execute(
                "SELECT COUNT(*) FROM publications WHERE source = ? AND published > ?",
                (source, published),
            ).fetchone()[0]
            seq = (last or 0) + 1
            cur = db.execute(
                "INSERT INTO publications (source, format, published, date_basis, sha256, files,"
                " loaded_at, record_count, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    source,
                    format,
                    published,
                    date_basis,
                    sha256,
                    json.dumps(files),
                    datetime.now(UTC).isoformat(timespec="seconds"),
                    len(records),
                    seq,
                ),
            )
            pub_id = int(cur.lastrowid or 0)
            version_ids = self._store_versions(source, encoded)
            if later:
                self._rebuild_spans(source, pub_id, version_ids)
            else:
                self._append_spans(source, seq, version_ids)
            if activate:
                db.execute(
                    "INSERT INTO active (source, publication_id) VALUES (?, ?)"
                    " ON CONFLICT (source) DO UPDATE SET publication_id = excluded.publication_id",
                    (source, pub_id),
                )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        row = self.publication(pub_id)
        assert row is not None
        return row

    def _store_versions(
        self, source: str, encoded: dict[str, tuple[str, bytes, str, str]]
    ) -> dict[str, int]:
        """Insert unseen versions; return ``source_id → version id``."""
        db = self.db
        known: dict[tuple[str, str], int] = {}
        ids = list(encoded)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for vid, sid, digest in db.execute(
                f"SELECT id, source_id, hash FROM versions WHERE source = ? AND source_id IN ({marks})",
                (source, *chunk),
            ):
                known[(sid, digest)] = vid
        out: dict[str, int] = {}
        for sid, (digest, blob, schema, caption) in encoded.items():
            vid = known.get((sid, digest))
            if vid is None:
                cur = db.execute(
                    "INSERT INTO versions (source, source_id, hash, schema, caption, data)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (source, sid, digest, schema, caption, blob),
                )
                vid = int(cur.lastrowid or 0)
            out[sid] = vid
        return out

    def _append_spans(self, source: str, seq: int, version_ids: dict[str, int]) -> None:
        """The new publication is the newest: extend, close and open spans."""
        db = self.db
        open_spans = {
            sid: (rowid, vid)
            for rowid, sid, vid in db.execute(
                "SELECT rowid, source_id, version_id FROM spans WHERE source = ? AND last_seq IS NULL",
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
            "INSERT INTO spans (version_id, source, source_id, first_seq, last_seq) VALUES (?, ?, ?, ?, NULL)",
            new,
        )

    def _rebuild_spans(self, source: str, pub_id: int, version_ids: dict[str, int]) -> None:
        """A publication older than the newest arrived (history): renumber the
        source's publications by date and recompute its spans."""
        db = self.db
        pubs = db.execute(
            "SELECT id, seq FROM publications WHERE source = ? AND id != ? ORDER BY seq", (source, pub_id)
        ).fetchall()
        members: dict[int, dict[str, int]] = {pid: {} for pid, _ in pubs}
        seq_to_pid = {seq: pid for pid, seq in pubs}
        max_seq = max(seq_to_pid) if seq_to_pid else 0
        for vid, sid, first, last in db.execute(
            "SELECT version_id, source_id, first_seq, last_seq FROM spans WHERE source = ?", (source,)
        ):
            for s in range(first, (last if last is not None else max_seq) + 1):
                if s in seq_to_pid:
                    members[seq_to_pid[s]][sid] = vid
        members[pub_id] = version_ids
        order = [
            r[0]
            for r in db.execute(
                "SELECT id FROM publications WHERE source = ? ORDER BY published, id", (source,)
            )
        ]
        db.execute("DELETE FROM spans WHERE source = ?", (source,))
        db.executemany(
            "UPDATE publications SET seq = ? WHERE id = ?", [(-(i + 1), pid) for i, pid in enumerate(order)]
        )
        db.execute("UPDATE publications SET seq = -seq WHERE source = ? AND seq < 0", (source,))
        open_spans: dict[str, tuple[int, int]] = {}  # sid -> (vid, first_seq)
        rows: list[tuple[int, str, str, int, int | None]] = []
        for i, pid in enumerate(order, start=1):
            current = members[pid]
            for sid in list(open_spans):
                vid, first = open_spans[sid]
                if current.get(sid) != vid:
                    rows.append((vid, source, sid, first, i - 1))
                    del open_spans[sid]
            for sid, vid in current.items():
                if sid not in open_spans:
                    open_spans[sid] = (vid, i)
        for sid, (vid, first) in open_spans.items():
            rows.append((vid, source, sid, first, None))
        db.executemany(
            "INSERT INTO spans (version_id, source, source_id, first_seq, last_seq) VALUES (?, ?, ?, ?, ?)",
            rows,
        )
