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
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any, NamedTuple

import orjson

from thaw.store.state._db import Database


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
    applied). ``seq``, ``at``, ``prev_hash`` and ``hash`` are set on append.
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


class Audit:
    """The audit trail of a state database (see the module docs)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._pubs: tuple[Any, str] | None = None

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

    def _rows(
        self,
        since: str | None = None,
        until: str | None = None,
        after_seq: int = 0,
        batch: int = 2000,
    ) -> Iterator[tuple[Any, ...]]:
        where = ["seq > ?"]
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
                [last, *args],
            )
            yield from rows
            if len(rows) < batch:
                return
            last = int(rows[-1][0])

    def export(self, since: str | None = None, until: str | None = None) -> Iterator[AuditRecord]:
        """The records with ``since <= at < until`` (ISO dates or times; either may be
        omitted), in order, with their query and results decoded."""
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
            )

    def verify(self) -> AuditReport:
        """Recompute the chain (see the module docs); stops listing problems after 100."""
        problems: list[str] = []
        prev = ""
        expected_seq = 0
        count = 0
        for r in self._rows():
            count += 1
            seq = int(r[0])
            expected_seq += 1
            if seq != expected_seq:
                problems.append(f"record {expected_seq}: missing (next is {seq})")
                expected_seq = seq
            if r[11] != prev:
                problems.append(f"record {seq}: does not chain to the record before it")
            digest = _row_hash(seq, *r[1:12])
            if digest != r[12]:
                problems.append(f"record {seq}: edited (its hash does not match its content)")
            prev = r[12]
            if len(problems) >= 100:
                break
        head = self.db.query("SELECT seq, hash FROM audit_head WHERE one = 1")
        if len(problems) < 100 and head:
            head_seq, head_hash = int(head[0][0]), str(head[0][1])
            if head_seq != expected_seq or head_hash != prev:
                problems.append(
                    f"the trail ends at record {expected_seq} but {head_seq} were appended"
                    " (records deleted from its end, or the head edited)"
                )
        return AuditReport(not problems, count, problems)

    def count(self) -> int:
        """How many records the trail holds."""
        return int(self.db.query("SELECT COUNT(*) FROM audit")[0][0])
