"""Safe loading: parse completely, check, then store and activate in one transaction.

A publication becomes active for its source only when

1. every record parsed (any :class:`~thaw.sources.SourceError` aborts the load);
2. it holds at least one record;
3. its record count is not down by more than ``max_drop`` (default 10 %) against the
   active publication of the same source, unless ``force``;
4. its date is not older than the active publication's, unless ``history`` (an older
   publication is then stored for history and the active one stays as it is).

Any failure raises :class:`LoadError` and leaves the store untouched. Loading the
same files twice is a no-op (:attr:`LoadResult.status` ``"unchanged"``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from thaw.sources import Job, SourceError
from thaw.store.db import EncodedRecord, PublicationRow, Store, encode_record

DEFAULT_MAX_DROP = 0.10
_DATE_DIR = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:$|_)")


class LoadError(Exception):
    """A publication was refused; the message says which file and why."""


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What a load did: ``status`` is ``loaded``, ``history`` (stored, not
    activated) or ``unchanged`` (the same files were loaded before)."""

    status: str
    publication: PublicationRow
    notes: tuple[str, ...] = ()


def files_sha256(paths: list[Path]) -> str:
    """One digest over the contents of a publication's files (order-independent)."""
    digests = sorted(_file_sha256(p) for p in paths)
    return hashlib.sha256("".join(digests).encode()).hexdigest() if len(digests) > 1 else digests[0]


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def publication_date(job: Job, in_file: str | None, given: str | None) -> tuple[str, str]:
    """The publication date and how it is known: the file's own date, else the
    date given by the user, else a ``YYYY-MM-DD`` folder name."""
    if in_file:
        return in_file, "in-file"
    if given:
        return given, "given"
    for part in reversed(job.path.parent.parts):
        if m := _DATE_DIR.match(part):
            return m[1], "folder"
    raise LoadError(f"{job.path}: the file carries no publication date; pass --date YYYY-MM-DD")


@dataclass(frozen=True, slots=True)
class ReadPublication:
    """A publication read completely and serialised, not yet checked against the
    store (the first half of :func:`load`; see :func:`read_job` and :func:`commit`)."""

    job: Job
    sha256: str
    format: str
    published: str | None
    notes: tuple[str, ...]
    entries: list[EncodedRecord]


def read_job(job: Job, digest: str | None = None) -> ReadPublication:
    """Read ``job`` completely: every record parsed (a :class:`SourceError` becomes
    :class:`LoadError`), no duplicate listing id, each record serialised. Touches no
    store, so it can run in a worker process."""
    digest = digest or files_sha256(job.files)
    try:
        publication = job.open()
        entries: list[EncodedRecord] = []
        seen: set[str] = set()
        for record in publication.records:
            if record.source_id in seen:
                raise SourceError(job.path, f"duplicate listing id {record.source_id!r}")
            seen.add(record.source_id)
            entries.append(encode_record(record))
    except SourceError as exc:
        raise LoadError(str(exc)) from exc
    info = publication.info
    return ReadPublication(job, digest, info.format, info.published, tuple(info.notes), entries)


def commit(
    store: Store,
    read: ReadPublication,
    *,
    date: str | None = None,
    force: bool = False,
    history: bool = False,
    max_drop: float = DEFAULT_MAX_DROP,
) -> LoadResult:
    """Check a publication read by :func:`read_job` against the store and store it
    (the second half of :func:`load`, with the same checks and results)."""
    job = read.job
    source = job.reader.source
    existing = store.find_publication(source, read.sha256)
    if existing is not None:
        return LoadResult("unchanged", existing)
    published, basis = publication_date(job, read.published, date)
    if not read.entries:
        raise LoadError(f"{job.path}: publication holds no records; refused")
    active = store.active_publications().get(source)
    older = active is not None and published < active.published
    if older and not history:
        raise LoadError(
            f"{job.path}: publication date {published} is older than the active {source} "
            f"publication ({active.published if active else ''}); "
            "use --history to store it as history"
        )
    reference = active if not older else _previous(store, source, published)
    if reference is not None and not force:
        floor = reference.record_count * (1 - max_drop)
        if len(read.entries) < floor:
            raise LoadError(
                f"{job.path}: {len(read.entries)} records against {reference.record_count} in the "
                f"{source} publication of {reference.published} (down more than "
                f"{max_drop:.0%}); refused, use --force if this is right"
            )
    row = store.add_encoded(
        source=source,
        format=read.format,
        published=published,
        date_basis=basis,
        sha256=read.sha256,
        files=[p.name for p in job.files],
        entries=read.entries,
        activate=not older,
    )
    return LoadResult("history" if older else "loaded", row, read.notes)


def load(
    store: Store,
    job: Job,
    *,
    date: str | None = None,
    force: bool = False,
    history: bool = False,
    max_drop: float = DEFAULT_MAX_DROP,
) -> LoadResult:
    """Read ``job`` completely, check it and store it (see the module docs)."""
    digest = files_sha256(job.files)
    existing = store.find_publication(job.reader.source, digest)
    if existing is not None:
        return LoadResult("unchanged", existing)
    return commit(
        store,
        read_job(job, digest),
        date=date,
        force=force,
        history=history,
        max_drop=max_drop,
    )


def _previous(store: Store, source: str, published: str) -> PublicationRow | None:
    before = [p for p in store.publications(source) if p.published <= published]
    return before[-1] if before else None
