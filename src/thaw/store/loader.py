"""Safe loading: parse completely, check, then store and activate in one transaction.

A publication becomes active for its source only when

1. every record parsed (any :class:`~thaw.sources.SourceError` aborts the load);
2. it holds at least one record, and as many as it declares (OFAC's legacy XML
   ``Record_Count``), unless ``force``;
3. it is plausible against the publication it replaces, unless ``force``
   (:mod:`thaw.store.limits`): it removes no more listings than a real publication of
   its source does in that time, removes none without its date moving forward, and
   does not grow implausibly; with ``max_drop`` its record count is instead not down
   by more than that fraction;
4. its date is not older than the active publication's, unless ``history`` (an older
   publication is then stored for history and the active one stays as it is).

The checks and the activation run in one write transaction, so concurrent loads
cannot activate an older publication. Any failure raises :class:`LoadError` and
leaves the store untouched. Loading the same files twice is a no-op
(:attr:`LoadResult.status` ``"unchanged"``), except that a stored publication newer
than the active one (one that lost a race in an older thaw) is activated then, and
that files read by a reader of another version than now
(:attr:`thaw.sources.Reader.version`) are read again: the new reading replaces the
stored one in place (:meth:`~thaw.store.Store.reread`, status ``"reread"``), so that
what the reader's change reads otherwise is not reported as the authority's
amendments, neither now nor against the next publication.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from thaw.sources import Job, SourceError
from thaw.store.db import EncodedRecord, PublicationRow, Store, StoreError, encode_record
from thaw.store.limits import days_between, limits_of
from thaw.store.publications import StoredPublication

DEFAULT_MAX_DROP: float | None = None
"""No flat limit: the per-source plausibility limits of :mod:`thaw.store.limits` apply.
A fraction (``--max-drop 0.1``) replaces them by "the record count falls by at most
that fraction"."""
_DATE_DIR = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:$|_)")


class LoadError(Exception):
    """A publication was refused; the message says which file and why."""


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What a load did: ``status`` is ``loaded``, ``history`` (stored, not
    activated), ``unchanged`` (the same files were loaded before) or ``reread``
    (the same files, read again by a newer reader: :func:`reread`)."""

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
    declared_count: int | None = None
    """The record count the file declares (OFAC's legacy XML ``Record_Count``), if
    any: :func:`commit` refuses a publication that holds another number unless
    ``force``."""


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
            try:
                entries.append(encode_record(record))
            except (TypeError, UnicodeError) as exc:  # lone surrogates ("\\ud800" in JSON)
                raise SourceError(
                    job.path,
                    f"listing {record.source_id!r} holds text that is not valid Unicode ({exc})",
                ) from exc
    except SourceError as exc:
        raise LoadError(str(exc)) from exc
    info = publication.info
    return ReadPublication(
        job, digest, info.format, info.published, tuple(info.notes), entries, info.declared_count
    )


def commit(
    store: Store,
    read: ReadPublication,
    *,
    date: str | None = None,
    force: bool = False,
    history: bool = False,
    max_drop: float | None = DEFAULT_MAX_DROP,
) -> LoadResult:
    """Check a publication read by :func:`read_job` against the store and store it
    (the second half of :func:`load`, with the same checks and results).

    Everything from the look-up of the active publication to the activation runs
    under the store's write lock, so two loads racing each other cannot both pass
    the "not older than the active one" check."""
    job = read.job
    source = job.source
    published, basis = publication_date(job, read.published, date)
    if not read.entries:
        raise LoadError(f"{job.path}: publication holds no records; refused")
    declared = read.declared_count
    if declared is not None and declared != len(read.entries) and not force:
        raise LoadError(
            f"{job.path}: the file declares {declared} records and holds {len(read.entries)} "
            "(truncated, damaged or edited?); refused, use --force if this is right"
        )
    try:
        with store.write(f"load {job.path.name}"):
            existing = store.find_publication(source, read.sha256)
            if existing is not None:
                if existing.reader_version == job.reader.version:
                    return _stored_before(store, existing, job.path, force, max_drop)
                again = reread(store, existing, read)
                result = _stored_before(store, again.publication, job.path, force, max_drop)
                if result.status == "unchanged":
                    return again
                return LoadResult(result.status, result.publication, result.notes + again.notes)
            active = store.active_publications().get(source)
            older = is_older(job.path, source, published, active, history)
            reference = active if not older else _previous(store, source, published)
            if not force:
                ids = {e.source_id for e in read.entries}
                _check_plausible(store, job.path, source, published, ids, reference, max_drop)
            row = store.add_encoded(
                source=source,
                format=read.format,
                published=published,
                date_basis=basis,
                sha256=read.sha256,
                files=[p.name for p in job.files],
                entries=read.entries,
                activate=not older,
                reader_version=job.reader.version,
            )
    except StoreError as exc:
        raise LoadError(f"{job.path}: {exc}") from exc
    return LoadResult("history" if older else "loaded", row, read.notes)


def reread(store: Store, stored: PublicationRow, read: ReadPublication) -> LoadResult:
    """Store ``read``, a new reading of the ``stored`` publication's very files by
    a reader of another version, in place of the old one
    (:meth:`~thaw.store.Store.reread`); the publication's place, date and activity
    stay as they were, and nothing is recorded as changed by the authority."""
    version = read.job.reader.version
    changed = store.reread(stored, read.entries, version)
    row = store.publication(stored.id)
    assert row is not None
    note = (
        f"re-read by reader version {version} (stored by version "
        f"{stored.reader_version or 'unknown'}): {changed} listings read otherwise, "
        "not changed by the authority"
    )
    return LoadResult("reread", row, (*read.notes, note))


def is_older(
    path: Path, source: str, published: str, active: StoredPublication | None, history: bool
) -> bool:
    """Whether a publication of ``source`` dated ``published`` is older than the
    ``active`` one (it is then stored as history, not activated). Raises
    :class:`LoadError` for an older one unless ``history`` allows it. Publications
    of lists and of ownership are ordered alike."""
    older = active is not None and published < active.published
    if older and not history:
        raise LoadError(
            f"{path}: publication date {published} is older than the active "
            f"{source} publication ({active.published if active else ''}); "
            "use --history to store it as history"
        )
    return older


def _stored_before(
    store: Store,
    existing: PublicationRow,
    path: Path,
    force: bool,
    max_drop: float | None,
) -> LoadResult:
    """The files were loaded before. If that publication is newer than the active
    one (it lost a race against an older one in an earlier thaw, which left it stored
    but inactive), it passes the checks and becomes active now; otherwise the load
    changes nothing."""
    active = store.active_publications().get(existing.source)
    if existing.active or (active is not None and existing.published <= active.published):
        return LoadResult("unchanged", existing)
    if not force:
        ids = store.ids_at(existing)
        _check_plausible(store, path, existing.source, existing.published, ids, active, max_drop)
    store.activate(existing.source, existing.id)
    row = store.publication(existing.id)
    assert row is not None
    return LoadResult("loaded", row, ("stored before, activated now",))


def _check_plausible(
    store: Store,
    path: Path,
    source: str,
    published: str,
    ids: set[str],
    reference: PublicationRow | None,
    max_drop: float | None,
) -> None:
    """Refuse (:class:`LoadError`) a publication that changes more than a real one of
    its source does (:mod:`thaw.store.limits`), or, with ``max_drop``, whose record
    count falls by more than that fraction."""
    limits = limits_of(source)
    count = len(ids)
    if reference is None:
        if limits.max_records is not None and count > limits.max_records:
            raise LoadError(
                f"{path}: {count} records, more than a {source} publication plausibly "
                f"holds ({limits.max_records}); refused, use --force if this is right"
            )
        return
    against = (
        f"{count} records against {reference.record_count} in the {source} publication "
        f"of {reference.published}"
    )
    if max_drop is not None:
        if count < reference.record_count * (1 - max_drop):
            raise LoadError(
                f"{path}: {against} (down more than {max_drop:.0%}); refused, "
                "use --force if this is right"
            )
        return
    days = days_between(reference.published, published)
    most = limits.max_count(reference.record_count, days)
    if count > most:
        raise LoadError(
            f"{path}: {against}: more growth than a real {source} publication shows "
            f"(at most {most} records after {days:.0f} days); refused, "
            "use --force if this is right"
        )
    removed = sorted(store.ids_at(reference) - ids, key=_id_order)
    if not removed:
        return
    sample = ", ".join(f"{source}:{i}" for i in removed[:3])
    more = f" and {len(removed) - 3} more" if len(removed) > 3 else ""
    if published <= reference.published:
        raise LoadError(
            f"{path}: {against}: {len(removed)} listings vanish ({sample}{more}) although "
            f"the publication date does not move forward ({published}); a damaged copy? "
            "refused, use --force if this is right"
        )
    allowed = limits.max_removed(reference.record_count, days)
    if len(removed) > allowed:
        raise LoadError(
            f"{path}: {against}: removes {len(removed)} listings ({sample}{more}), more "
            f"than a real {source} publication removes (at most {allowed} after "
            f"{days:.0f} days; truncated or damaged?); refused, use --force if this is right"
        )


def _id_order(source_id: str) -> tuple[int, str]:
    return (int(source_id), "") if source_id.isdigit() else (1 << 62, source_id)


def load(
    store: Store,
    job: Job,
    *,
    date: str | None = None,
    force: bool = False,
    history: bool = False,
    max_drop: float | None = DEFAULT_MAX_DROP,
) -> LoadResult:
    """Read ``job`` completely, check it and store it (see the module docs)."""
    digest = files_sha256(job.files)
    existing = store.find_publication(job.source, digest)
    if existing is not None and existing.reader_version == job.reader.version:
        try:
            with store.write(f"load {job.path.name}"):
                fresh = store.publication(existing.id) or existing
                return _stored_before(store, fresh, job.path, force, max_drop)
        except StoreError as exc:
            raise LoadError(f"{job.path}: {exc}") from exc
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
