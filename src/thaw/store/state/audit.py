"""The audit trail: append-only records, each chained to the one before by hash.

Every record carries ``prev_hash`` (the ``hash`` of the record before it, ``""``
for the first) and its own ``hash``: SHA-256 over the canonical JSON of all its
other fields. ``audit_head`` holds the sequence number and hash of the newest
record and is updated in the same transaction as each append. :meth:`Audit.verify`
recomputes every hash and checks every link and the head, so an edited record, an
inserted or deleted one, and a truncated tail are all detected.

Appends are batched (:meth:`Audit.append_many`): one transaction holding the
write lock reads the head, chains the new records and moves the head, so several
processes (or PostgreSQL-sharing instances) extend one chain without forking it.

**Segments (SQLite).** Processes that append all the time (the workers of
``thaw serve``) each write a chain of their own, a *segment*, in a file of its own
(``audit/<segment>.db`` beside ``state.db``, :meth:`Audit.new_segment`): on one
shared chain every append waited for the other workers' turns at SQLite's write
lock, and each worker re-read the pages the others had just written (measured on
2 workers: 4 % more CPU per ``/match`` than with a file per worker). A segment is
chained and headed as the main chain is. The main chain records each segment's
opening (``audit.segment.open``) and, at a clean stop, its last record's number
and hash (``audit.segment.close``), so :meth:`Audit.verify` detects a segment
whose file was deleted, a record edited, inserted or deleted in it, and records
cut off the end of a closed segment (even with its head rewritten).
:meth:`Audit.export` merges every chain by time; each record names its
``segment`` (``None`` for the main chain).

**The archive.** Each server start opens a segment per worker, so a long-lived
deployment collects files. :meth:`Audit.compact` (``thaw audit compact``, and
``thaw serve`` at start once enough have gathered) rolls the closed ones into one
file, ``audit/archive.sqlite``: each segment's records are copied as they are
(numbers, times, hashes, links) after its chain has been checked against its
closing record, in one transaction that also notes its last record, and only
after that commit is its file deleted. Nothing is hashed again: an archived
segment is verified exactly as its file was, against the main chain's records of
its opening and closing, so deleting it from the archive, editing, inserting or
cutting off its records are detected as before, and :meth:`Audit.verify`,
:meth:`Audit.export` and :meth:`Audit.count` give the same answers before and
after a roll-up. A segment never closed (its server was killed) is rolled up
once its writer is gone: the writer holds a shared lock on its file while it
lives. A ``kill -9`` during a roll-up leaves either no copy (the file is
still the segment) or a whole one (the file, if still there, is ignored and
deleted by the next roll-up).
"""

from __future__ import annotations

import fcntl
import hashlib
import heapq
import json
import os
import re
import secrets
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, NamedTuple

import orjson

from thaw.store.state._db import (
    SQLITE_ARCHIVE_DDL,
    SQLITE_AUDIT_DDL,
    Database,
    SqliteDatabase,
)


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


_SORTED = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS


def _text(value: Any) -> str:
    """A record's query, publications or results as stored: compact JSON with sorted
    keys (orjson: ten times faster than :func:`_canonical`). The hash covers the
    stored text, so :meth:`Audit.verify` never serialises again and records written
    with either function verify alike. What orjson does not take (a numpy scalar,
    an integer beyond 64 bits) falls back to :func:`_canonical`."""
    try:
        return orjson.dumps(value, option=_SORTED).decode()
    except TypeError:
        return _canonical(value)


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One audited event.

    ``action`` is what was done (``match``, ``screen``, ``search``, ``decide`` …);
    ``key_id``/``key_name`` who did it; ``query`` what was asked (JSON-ready);
    ``publications`` the active publication of every source used (source → id and
    date); ``results`` what was found (each result with its score and the decision
    applied). ``seq``, ``at``, ``prev_hash`` and ``hash`` are set on append;
    ``segment`` names the chain the record is in (``None``: the main chain; see
    the module docs).
    """

    action: str
    query: Any
    key_id: str | None = None
    key_name: str | None = None
    dataset: str | None = None
    publications: Any = field(default_factory=dict)
    algorithm: str | None = None
    threshold: float | None = None
    results: Any = field(default_factory=list)
    at: str | None = None
    seq: int | None = None
    prev_hash: str | None = None
    hash: str | None = None
    segment: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict (every field)."""
        return asdict(self)


def _canonical_list(values: list[Any]) -> str:
    """:func:`_canonical` of a list of strings, numbers and ``None``: orjson writes
    such a list byte for byte as ``json.dumps`` does here (compact, raw UTF-8),
    ten times faster; what it refuses (a lone surrogate) falls back."""
    try:
        return orjson.dumps(values).decode()
    except TypeError:
        return _canonical(values)


def _canonical_str(text: str) -> str:
    """:func:`_canonical` of a string (orjson, as in :func:`_canonical_list`)."""
    try:
        return orjson.dumps(text).decode()
    except TypeError:
        return _canonical(text)


def _now() -> str:
    """The time of an append, as records carry it (UTC, microseconds, ``Z``)."""
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _chain_hash(seq: int, at: str, middle: str, prev_hash: str) -> str:
    """:func:`_row_hash` from the canonical JSON of the fields between ``at`` and
    ``prev_hash`` (``middle``, prepared before the write lock is taken): the same
    bytes are hashed, so records verify alike however they were written."""
    body = f"[{seq},{_canonical_str(at)},{middle},{_canonical_str(prev_hash)}]"
    return hashlib.sha256(body.encode()).hexdigest()


class PreparedRecord(NamedTuple):
    """A record with its stored fields between ``at`` and ``prev_hash`` (``key_id``
    … ``results``, texts as stored) and their canonical JSON (``middle``, see
    :func:`_chain_hash`), made by :meth:`Audit.prepare`."""

    record: AuditRecord
    fields: tuple[Any, ...]
    middle: str


def _row_hash(
    seq: int,
    at: str,
    key_id: str | None,
    key_name: str | None,
    action: str,
    dataset: str | None,
    query: str,
    publications: str,
    algorithm: str | None,
    threshold: float | None,
    results: str,
    prev_hash: str,
) -> str:
    body = _canonical(
        [
            seq,
            at,
            key_id,
            key_name,
            action,
            dataset,
            query,
            publications,
            algorithm,
            None if threshold is None else repr(float(threshold)),
            results,
            prev_hash,
        ]
    )
    return hashlib.sha256(body.encode()).hexdigest()


_COLUMNS = (
    "seq, at, key_id, key_name, action, dataset, query, publications, algorithm,"
    " threshold, results, prev_hash, hash"
)


@dataclass(frozen=True, slots=True)
class AuditReport:
    """The outcome of :meth:`Audit.verify`: ``ok``, how many records were checked,
    and the problems found (each naming the record's sequence number)."""

    ok: bool
    records: int
    problems: list[str]


_SEGMENT_ID = re.compile(r"[0-9A-Za-z-]{1,64}")
OPEN_SEGMENT = "audit.segment.open"
"""The action of the main chain's record of a new segment."""
CLOSE_SEGMENT = "audit.segment.close"
"""The action of the main chain's record of a segment's last record."""


class Audit:
    """The audit trail of a state database (see the module docs): its main chain,
    or one segment (``segment``, its id)."""

    def __init__(self, db: Database, segment: str | None = None) -> None:
        self.db = db
        self.segment = segment
        self._pubs: tuple[Any, str] | None = None
        self._main: Audit | None = None
        """A segment's main chain (where its closing is recorded)."""
        self._owner: IO[bytes] | None = None
        """A segment's file, locked (shared) while its writer lives (see
        :meth:`compact`)."""

    def _segment_folder(self) -> Path | None:
        """Where the segments of this main chain are (SQLite only)."""
        if self.segment is None and isinstance(self.db, SqliteDatabase):
            return self.db.path.parent / "audit"
        return None

    def new_segment(self) -> Audit:
        """A new segment for a process that appends all the time, in a file of its
        own, its opening recorded on the main chain (SQLite; see the module docs).
        Its commits do not checkpoint SQLite's write-ahead log: the owner calls
        :meth:`checkpoint` (from a thread of its own: a checkpoint waits for the
        disk). Close it with :meth:`close_segment`."""
        folder = self._segment_folder()
        if folder is None:
            raise ValueError("audit segments are for the main chain of a SQLite state")
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        segment_id = f"{stamp}-{os.getpid()}-{secrets.token_hex(4)}"
        # the file first: a crash before the record leaves an empty file, ignored
        path = folder / f"{segment_id}.db"
        segment = Audit(SqliteDatabase(path, SQLITE_AUDIT_DDL, autocheckpoint=False), segment_id)
        segment._main = self
        # held until the segment is closed, or its process ends (kill -9 included):
        # a roll-up takes a segment never closed only once it can take this lock
        segment._owner = open(path, "rb")  # noqa: SIM115 (closed by close_segment)
        fcntl.flock(segment._owner.fileno(), fcntl.LOCK_SH)
        self.append(AuditRecord(action=OPEN_SEGMENT, query={"segment": segment_id}))
        return segment

    def checkpoint(self) -> None:
        """Move the records of SQLite's write-ahead log into the database file (see
        :meth:`new_segment`)."""
        self.db.checkpoint()

    def close_segment(self) -> None:
        """Record this segment's last record on the main chain, then close its file
        (a segment that is never closed, after a crash, is checked against its own
        head only)."""
        if self._main is None:
            raise ValueError("not an open segment")
        seq, digest = self._head()
        self._main.append(
            AuditRecord(
                action=CLOSE_SEGMENT, query={"segment": self.segment, "seq": seq, "hash": digest}
            )
        )
        self._main = None
        self.db.close()
        if self._owner is not None:
            self._owner.close()
            self._owner = None

    def _head(self) -> tuple[int, str]:
        head = self.db.query("SELECT seq, hash FROM audit_head WHERE one = 1")
        return (int(head[0][0]), str(head[0][1])) if head else (0, "")

    def _segments(self) -> list[tuple[str, Path]]:
        """The segment files of this main chain, by id."""
        folder = self._segment_folder()
        if folder is None or not folder.is_dir():
            return []
        return sorted((p.stem, p) for p in folder.glob("*.db") if _SEGMENT_ID.fullmatch(p.stem))

    def _open_segment(self, segment_id: str, path: Path) -> Audit:
        """A segment's file, to read (never an empty new one:
        :class:`sqlite3.OperationalError` if it is gone)."""
        return Audit(SqliteDatabase(path, SQLITE_AUDIT_DDL, create=False), segment_id)

    def _publications(self, value: Any) -> str:
        """The canonical JSON of a record's publications. Successive records
        mostly name the same ones: the last text is kept, with a copy of what it
        was made from (compared by value, so a changed dict is never reused)."""
        cached = self._pubs
        if cached is not None and cached[0] == value:
            return cached[1]
        text = _text(value)
        self._pubs = (json.loads(text), text)
        return text

    def append(self, record: AuditRecord) -> AuditRecord:
        """Append one record; returns it with ``seq``, ``at`` and its hashes."""
        return self.append_many([record])[0]

    def append_many(
        self, records: Sequence[AuditRecord | PreparedRecord], wait: bool = True
    ) -> list[AuditRecord]:
        """Append records in one transaction, in order (see the module docs).

        Everything that does not depend on the chain's position (the records'
        JSON, most of what their hashes cover) is prepared before the write lock is
        taken (:meth:`prepare`, unless the caller did), so that the lock is held
        for little more than the inserts. With ``wait=False``,
        :class:`~thaw.store.state._db.Busy` (and nothing written) if another
        connection holds the lock right now."""
        if not records:
            return []
        prepared = [r if isinstance(r, PreparedRecord) else self.prepare(r) for r in records]
        out: list[AuditRecord] = []
        with self.db.transaction(wait):
            head = self.db.query(
                "SELECT seq, hash FROM audit_head WHERE one = 1" + self.db.for_update
            )
            seq, prev = (int(head[0][0]), str(head[0][1])) if head else (0, "")
            rows = []
            now = _now()
            for record, fields, middle in prepared:
                seq += 1
                at = record.at or now
                digest = _chain_hash(seq, at, middle, prev)
                # the stored row is the hashed fields followed by their hash
                rows.append((seq, at, *fields, prev, digest))
                out.append(  # dataclasses.replace, without its introspection
                    AuditRecord(
                        record.action,
                        record.query,
                        record.key_id,
                        record.key_name,
                        record.dataset,
                        record.publications,
                        record.algorithm,
                        fields[7],
                        record.results,
                        at,
                        seq,
                        prev,
                        digest,
                        self.segment,
                    )
                )
                prev = digest
            self.db.executemany(
                f"INSERT INTO audit ({_COLUMNS}) VALUES ({', '.join('?' * 13)})", rows
            )
            self.db.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE one = 1", (seq, prev))
        return out

    def prepare(self, record: AuditRecord) -> PreparedRecord:
        """A record as :meth:`append_many` stores it, before its place in the chain
        is known (a writer that may have to try the lock again prepares once)."""
        threshold = None if record.threshold is None else float(record.threshold)
        fields = (
            record.key_id,
            record.key_name,
            record.action,
            record.dataset,
            _text(record.query),
            self._publications(record.publications),
            record.algorithm,
            threshold,
            _text(record.results),
        )
        hashed = list(fields)
        hashed[7] = None if threshold is None else repr(threshold)  # as _row_hash has it
        return PreparedRecord(record, fields, _canonical_list(hashed)[1:-1])

    def _scope(self) -> tuple[list[str], list[Any]]:
        """The conditions (and their arguments) that select this chain's rows of
        its table: none, a chain has a table of its own (but see
        :class:`_ArchivedSegment`)."""
        return [], []

    def _rows(
        self,
        since: str | None = None,
        until: str | None = None,
        after_seq: int = 0,
        batch: int = 2000,
    ) -> Iterator[tuple[Any, ...]]:
        scope, scope_args = self._scope()
        where = [*scope, "seq > ?"]
        args: list[Any] = []
        if since:
            where.append("at >= ?")
            args.append(since)
        if until:
            where.append("at < ?")
            args.append(until)
        last = after_seq
        while True:
            rows = self.db.query(
                f"SELECT {_COLUMNS} FROM audit WHERE {' AND '.join(where)}"
                f" ORDER BY seq LIMIT {int(batch)}",
                [*scope_args, last, *args],
            )
            yield from rows
            if len(rows) < batch:
                return
            last = int(rows[-1][0])

    def export(self, since: str | None = None, until: str | None = None) -> Iterator[AuditRecord]:
        """The records with ``since <= at < until`` (ISO dates or times; either may be
        omitted), with their query and results decoded: each chain in order, the
        main chain's and its segments' (in files or archived) merged by time."""
        segments = _Segments(self)
        try:
            chains = [self._export_chain(since, until)]
            chains += [self._export_segment(segments, i, since, until) for i in segments.ids()]
            if len(chains) == 1:
                yield from chains[0]
                return
            yield from heapq.merge(*chains, key=lambda r: (r.at or "", r.segment or "", r.seq or 0))
        finally:
            segments.close()

    def _export_segment(
        self, segments: _Segments, segment_id: str, since: str | None, until: str | None
    ) -> Iterator[AuditRecord]:
        segment = segments.open(segment_id)
        try:
            yield from segment._export_chain(since, until)
        finally:
            segment._release()

    def _release(self) -> None:
        """Done reading this segment: close its file."""
        self.db.close()

    def _export_chain(self, since: str | None, until: str | None) -> Iterator[AuditRecord]:
        for r in self._rows(since, until):
            yield AuditRecord(
                seq=int(r[0]),
                at=r[1],
                key_id=r[2],
                key_name=r[3],
                action=r[4],
                dataset=r[5],
                query=json.loads(r[6]),
                publications=json.loads(r[7]),
                algorithm=r[8],
                threshold=r[9],
                results=json.loads(r[10]),
                prev_hash=r[11],
                hash=r[12],
                segment=self.segment,
            )

    def verify(self) -> AuditReport:
        """Recompute the main chain and every segment, in its file or archived (see
        the module docs); stops listing problems after 100."""
        closed: dict[str, tuple[int, str] | None] = {}
        count, problems, _ = self._check_chain(closed)
        segments = _Segments(self)
        if segments.problem:
            problems.append(segments.problem)
        try:
            for segment_id, end in closed.items():
                if len(problems) >= 100:
                    break
                where = f"segment {segment_id}"
                if not _SEGMENT_ID.fullmatch(segment_id):
                    problems.append(f"{where}: not a segment name")
                    continue
                if not segments.has(segment_id):
                    problems.append(f"{where}: its file is missing (the segment was deleted)")
                    continue
                try:
                    segment = segments.open(segment_id)
                    try:
                        n, found, last = segment._check_chain({})
                    finally:
                        segment._release()
                except sqlite3.DatabaseError as exc:
                    problems.append(f"{where}: unreadable ({exc})")
                    continue
                count += n
                problems += found
                if end is not None and last != end:
                    problems.append(
                        f"{where}: ends at record {last[0]} but was closed at record {end[0]}"
                        " (records cut off its end, or edited)"
                    )
            for segment_id in segments.ids():  # segments the main chain never opened
                if segment_id in closed:
                    continue
                try:
                    segment = segments.open(segment_id)
                    try:
                        n = segment.count()
                    finally:
                        segment._release()
                except sqlite3.DatabaseError as exc:
                    problems.append(f"segment {segment_id}: unreadable ({exc})")
                    continue
                if n:  # an empty one is left by a crash before its opening was recorded
                    count += n
                    problems.append(f"segment {segment_id}: {n} record(s) the trail never opened")
        finally:
            segments.close()
        return AuditReport(not problems, count, problems[:100])

    def compact(self) -> CompactReport:
        """Roll the closed segments into the archive (``audit/archive.sqlite``; see
        the module docs): each segment whose closing is on the main chain and
        whose records verify against it is copied, records as they are (numbers,
        times and hashes), in one transaction that also notes its last record;
        only after that commit is its file deleted. A segment never closed (its
        server was killed) is rolled up too once its writer has ended (the lock
        :meth:`new_segment` takes is free), checked against its own head as
        :meth:`verify` checks it; a running server's segments are left open. A
        segment that does not verify is left in place and named in the report.

        Records are never rewritten, so :meth:`verify`, :meth:`export` and
        :meth:`count` answer as before. A ``kill -9`` at any point leaves a
        verifiable trail: before the commit, the archive holds nothing of the
        segment; after it, the archive's copy is the segment (a file left beside
        it is ignored, and deleted by the next roll-up). ``ValueError`` if the
        main chain itself does not verify (nothing is archived then)."""
        folder = self._segment_folder()
        if folder is None:  # PostgreSQL: one shared chain, no segments
            return CompactReport(0, 0, 0, [])
        closed: dict[str, tuple[int, str] | None] = {}
        _, problems, _ = self._check_chain(closed)
        if problems:
            raise ValueError(
                f"the audit trail's main chain does not verify ({problems[0]}); "
                "nothing was archived (see thaw audit verify)"
            )
        files = dict(self._segments())
        archived = records = still_open = 0
        skipped: list[str] = []
        if not any(i in files for i in closed):
            return CompactReport(0, 0, 0, [])
        archive = _Archive(folder, create=True)
        try:
            for segment_id, end in closed.items():
                path = files.get(segment_id)
                if path is None:
                    continue
                owner = None
                if end is None:  # never closed: its writer's, unless that has ended
                    owner = _abandoned(path)
                    if owner is None:
                        still_open += 1
                        continue
                try:
                    n = archive.add(segment_id, path, end)
                    if n is not None:
                        archived += 1
                        records += n
                    _remove(path)
                except _Refused as exc:
                    skipped.append(str(exc))
                except sqlite3.DatabaseError as exc:
                    skipped.append(f"segment {segment_id}: unreadable ({exc})")
                finally:
                    if owner is not None:
                        owner.close()
            heads = archive.heads()
        finally:
            archive.close()
        for stray in folder.glob("*.db-*"):  # left by a kill between two deletions
            stem = stray.name.rsplit(".db-", 1)[0]
            if stem in heads and not (folder / f"{stem}.db").exists():
                stray.unlink(missing_ok=True)
        return CompactReport(archived, records, still_open, skipped)

    def segment_files(self) -> list[Path]:
        """The segment files of this main chain (not yet archived; SQLite only)."""
        return [path for _, path in self._segments()]

    def _check_chain(
        self,
        closed: dict[str, tuple[int, str] | None],
        sink: Callable[[tuple[Any, ...]], None] | None = None,
    ) -> tuple[int, list[str], tuple[int, str]]:
        """Check this chain: how many records, the problems, its last record's
        number and hash; notes the segments it opens and closes in ``closed``, and
        hands every row read to ``sink``."""
        where = "" if self.segment is None else f"segment {self.segment}: "
        problems: list[str] = []
        prev = ""
        expected_seq = 0
        count = 0
        for r in self._rows():
            if sink is not None:
                sink(r)
            count += 1
            seq = int(r[0])
            expected_seq += 1
            if seq != expected_seq:
                problems.append(f"{where}record {expected_seq}: missing (next is {seq})")
                expected_seq = seq
            if r[11] != prev:
                problems.append(f"{where}record {seq}: does not chain to the record before it")
            digest = _row_hash(seq, *r[1:12])
            if digest != r[12]:
                problems.append(
                    f"{where}record {seq}: edited (its hash does not match its content)"
                )
            elif r[4] in (OPEN_SEGMENT, CLOSE_SEGMENT):
                _note_segment(closed, r[4], r[6])
            prev = r[12]
            if len(problems) >= 100:
                break
        head_seq, head_hash = self._head()
        if len(problems) < 100 and (head_seq != expected_seq or head_hash != prev):
            problems.append(
                f"{where}the trail ends at record {expected_seq} but {head_seq} were appended"
                " (records deleted from its end, or the head edited)"
            )
        return count, problems, (expected_seq, prev)

    def count(self) -> int:
        """How many records the trail holds (the main chain and its segments)."""
        total = int(self.db.query("SELECT COUNT(*) FROM audit")[0][0])
        if self.segment is not None:
            return total
        segments = _Segments(self)
        try:
            for segment_id in segments.ids():
                segment = segments.open(segment_id)
                try:
                    total += segment.count()
                finally:
                    segment._release()
        finally:
            segments.close()
        return total


def _note_segment(closed: dict[str, tuple[int, str] | None], action: str, query: str) -> None:
    """Note a segment's opening or closing record (its query, as stored)."""
    try:
        data = json.loads(query)
        segment_id = str(data["segment"])
        end = (int(data["seq"]), str(data["hash"])) if action == CLOSE_SEGMENT else None
    except (ValueError, KeyError, TypeError):
        return
    closed[segment_id] = end


@dataclass(frozen=True, slots=True)
class CompactReport:
    """The outcome of :meth:`Audit.compact`: segments rolled into the archive and
    their records, segments left open (their servers run), and the segments
    refused (each with why)."""

    segments: int
    records: int
    still_open: int
    skipped: list[str]


ARCHIVE_FILE = "archive.sqlite"
"""The archive of closed segments, in the segments' folder (its name is not a
segment file's ``*.db``)."""


class _Refused(Exception):
    """A segment that does not verify is not archived (the reason, naming it)."""


class _ArchivedSegment(Audit):
    """A segment rolled into the archive: its rows of the archive's ``audit``
    table, its last record (its head) in ``audit_segments``."""

    def _scope(self) -> tuple[list[str], list[Any]]:
        return ["segment = ?"], [self.segment]

    def _head(self) -> tuple[int, str]:
        head = self.db.query(
            "SELECT seq, hash FROM audit_segments WHERE segment = ?", (self.segment,)
        )
        return (int(head[0][0]), str(head[0][1])) if head else (0, "")

    def count(self) -> int:
        return int(
            self.db.query("SELECT COUNT(*) FROM audit WHERE segment = ?", (self.segment,))[0][0]
        )

    def _release(self) -> None:
        """Nothing: the archive's connection is shared (:class:`_Archive`)."""


class _Archive:
    """The archive of closed segments (:data:`ARCHIVE_FILE`, see
    :meth:`Audit.compact`). Its commits wait for the disk (``synchronous=FULL``):
    a segment's file is deleted only once its copy is durable."""

    def __init__(self, folder: Path, create: bool) -> None:
        self.db = SqliteDatabase(folder / ARCHIVE_FILE, SQLITE_ARCHIVE_DDL, create=create)
        self.db.execute("PRAGMA synchronous=FULL")

    def heads(self) -> dict[str, tuple[int, str]]:
        """The archived segments and their last records."""
        rows = self.db.query("SELECT segment, seq, hash FROM audit_segments")
        return {str(r[0]): (int(r[1]), str(r[2])) for r in rows}

    def segment(self, segment_id: str) -> Audit:
        return _ArchivedSegment(self.db, segment_id)

    def add(self, segment_id: str, path: Path, end: tuple[int, str] | None) -> int | None:
        """Copy a segment's records (its file at ``path``, closed at record ``end``,
        or never closed: ``None``) in one transaction, checking its chain as they
        are read; how many, or ``None`` if it was archived already (by another
        roll-up). :class:`_Refused` (and nothing written) if it does not verify."""
        insert = f"INSERT INTO audit (segment, {_COLUMNS}) VALUES ({', '.join('?' * 14)})"
        with self.db.transaction():
            if self.db.query("SELECT 1 FROM audit_segments WHERE segment = ?", (segment_id,)):
                return None
            segment = Audit(SqliteDatabase(path, SQLITE_AUDIT_DDL, create=False), segment_id)
            rows: list[tuple[Any, ...]] = []

            def sink(row: tuple[Any, ...]) -> None:
                rows.append((segment_id, *row))
                if len(rows) >= 2000:
                    self.db.executemany(insert, rows)
                    rows.clear()

            try:
                count, problems, last = segment._check_chain({}, sink)
            finally:
                segment.db.close()
            if problems:
                raise _Refused(f"{problems[0]} (not archived; see thaw audit verify)")
            if end is not None and last != end:
                raise _Refused(
                    f"segment {segment_id}: ends at record {last[0]} but was closed at"
                    f" record {end[0]}"
                    " (not archived; see thaw audit verify)"
                )
            self.db.executemany(insert, rows)
            self.db.execute(
                "INSERT INTO audit_segments (segment, seq, hash, archived_at) VALUES (?, ?, ?, ?)",
                (segment_id, last[0], last[1], _now()),
            )
        return count

    def close(self) -> None:
        self.db.close()


class _Segments:
    """The segments of a main chain as a reader finds them: their files, and the
    segments rolled into the archive. The files are listed first and the archive
    read after: a roll-up commits a segment's copy before it deletes its file, so
    every listed segment is in its file or in the archive (a file gone when it is
    opened was archived meanwhile, and is read from there)."""

    def __init__(self, main: Audit) -> None:
        self.main = main
        self.files = dict(main._segments())
        self.folder = main._segment_folder()
        self.archive: _Archive | None = None
        self.archived: dict[str, tuple[int, str]] = {}
        self.problem: str | None = None
        """Why the archive could not be read (``None``: it could, or there is none)."""
        self._read_archive()

    def _read_archive(self) -> None:
        """Open the archive if there is one, and read which segments it holds; an
        unreadable archive is noted in :attr:`problem`."""
        if self.archive is None:
            if self.folder is None or not (self.folder / ARCHIVE_FILE).exists():
                return
            try:
                self.archive = _Archive(self.folder, create=False)
                self.archived = self.archive.heads()
            except sqlite3.DatabaseError as exc:
                self.problem = f"the archive of closed segments is unreadable ({exc})"
                return
        self.archived = self.archive.heads()

    def ids(self) -> list[str]:
        """Every segment, by id."""
        return sorted(self.files.keys() | self.archived.keys())

    def has(self, segment_id: str) -> bool:
        return segment_id in self.files or segment_id in self.archived

    def open(self, segment_id: str) -> Audit:
        """The segment, archived or in its file (release it with ``_release``)."""
        if segment_id not in self.archived:
            path = self.files[segment_id]
            try:
                return self.main._open_segment(segment_id, path)
            except sqlite3.OperationalError:
                if path.exists():
                    raise
                self._read_archive()  # archived since it was listed
                if segment_id not in self.archived:
                    raise
        assert self.archive is not None
        return self.archive.segment(segment_id)

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()


def _abandoned(path: Path) -> IO[bytes] | None:
    """A segment never closed whose writer has ended (a server killed, or crashed):
    its file, opened and locked so that no writer can own it meanwhile, else
    ``None`` (its writer lives: :meth:`Audit.new_segment` holds a shared lock on
    the file until the segment is closed or the process ends)."""
    try:
        owner = open(path, "rb")  # noqa: SIM115 (the caller closes it)
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(owner.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        owner.close()
        return None
    return owner


def _remove(path: Path) -> None:
    """Delete a segment's file (an archived segment's), and its write-ahead log."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
