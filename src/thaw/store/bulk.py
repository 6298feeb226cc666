"""Series import: many dated publications of a list from one archive.

A *series* is an archive (``.tar.xz``, ``.tar.gz``, ``.tar.bz2``, ``.tar`` or
``.zip``) holding successive publications, for example the 308 daily ``sdn.csv``
snapshots of ``sdn_csv_history.tar.xz``. Each member is dated

1. by an index CSV (a ``member`` column and a date column: ``published``, ``date``
   or ``scraped_utc``; a ``sha256`` column, when present, is verified), given
   explicitly or found beside the archive as ``<archive stem>_index.csv``;
2. else by a UTC time in its name, ``sdn_20220226T014201_f5e7c24860.csv`` →
   ``2022-02-26T01:42:01Z`` (the reader then sees the member as ``sdn.csv``);
3. else by a ``YYYY-MM-DD`` folder in its path (``2022-02-26/sdn.csv``); files of
   the same folder form one publication (``sdn.csv`` with its ``add.csv`` …).

A date found inside a file still wins over these (see
:func:`thaw.store.loader.publication_date`). Every publication goes through the safe
loader in date order (:func:`~thaw.store.loader.read_job` then
:func:`~thaw.store.loader.commit`, exactly as :func:`~thaw.store.loader.load`), as
history where it is older than the active publication. Reading (parsing and
serialising) runs in worker processes while the main process stores the
publications in order; members already loaded by the same reader version are
recognised by their sha256 and skipped without parsing, so an interrupted import
can simply be run again. A member stored by another version of its reader is read
again and stored in place (``reread``, :func:`thaw.store.loader.reread`), as a
single load of the same files does: no amendment the authority did not make.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
import tarfile
import zipfile
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import IO

from thaw._process import die_with_parent, temp_dir
from thaw.sources import Job, SourceError, plan
from thaw.sources.base import Reader
from thaw.sources.common import country_code
from thaw.store.db import EncodedRecord, Store
from thaw.store.loader import (
    DEFAULT_MAX_DROP,
    LoadError,
    LoadResult,
    ReadPublication,
    commit,
    files_sha256,
    read_job,
)

__all__ = [
    "SeriesItem",
    "SeriesMember",
    "SeriesResult",
    "find_index",
    "is_series_archive",
    "is_series_index",
    "load_series",
    "read_index",
    "series_members",
]

_TAR_SUFFIXES = (".tar.xz", ".txz", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar")
_STAMP = re.compile(
    r"^(?P<stem>.*?)[_-](?P<date>\d{8})T?(?P<time>\d{6})Z?"
    r"(?:[_-][0-9A-Za-z]+)?(?P<ext>(?:\.[A-Za-z0-9]+)+)$"
)
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:$|[_T ])")
_DATE_COLUMNS = ("published", "date", "scraped_utc", "scraped", "timestamp")


@dataclass(frozen=True, slots=True)
class SeriesMember:
    """One dated file of a series: its path in the archive, the name the reader
    sees, the publication date and how it is known (``index``, ``member-name`` or
    ``folder``), the sha256 the index promises (if any) and its publication group."""

    name: str
    file_name: str
    published: str
    basis: str
    sha256: str | None = None
    group: str = ""


@dataclass(slots=True)
class SeriesItem:
    """The outcome for one publication of the series: ``result`` when stored (or
    found unchanged), ``error`` when refused."""

    members: list[str]
    published: str
    result: LoadResult | None = None
    error: str | None = None


@dataclass(slots=True)
class SeriesResult:
    """What a series import did, publication by publication, in date order."""

    archive: Path
    items: list[SeriesItem] = field(default_factory=list)

    def count(self, status: str) -> int:
        """How many publications ended with ``status`` (``loaded``, ``history``,
        ``unchanged``, ``reread``) or, for ``refused``, were refused."""
        if status == "refused":
            return sum(1 for i in self.items if i.error is not None)
        return sum(1 for i in self.items if i.result is not None and i.result.status == status)


def is_series_index(path: Path) -> bool:
    """Whether ``path`` is a series index CSV (first column ``member``)."""
    if path.suffix.lower() != ".csv":
        return False
    try:
        with open(path, encoding="utf-8-sig") as fh:
            header = fh.readline(4096)
    except (OSError, UnicodeDecodeError):
        return False
    cols = [c.strip().lower() for c in header.split(",")]
    return bool(cols) and cols[0] == "member" and any(c in cols for c in _DATE_COLUMNS)


def _is_tar_name(path: Path) -> bool:
    return path.name.lower().endswith(_TAR_SUFFIXES)


def _archive_names(path: Path) -> list[str]:
    if _is_tar_name(path):
        with tarfile.open(path, "r:*") as tf:
            return [m.name for m in tf.getmembers() if m.isfile()]
    with zipfile.ZipFile(path) as zf:
        return [m.filename for m in zf.infolist() if not m.is_dir()]


def is_series_archive(path: Path) -> bool:
    """Whether ``path`` is an archive of several dated publications: a tar archive
    (by name), or a zip whose members carry dates in their names or folders (a zip
    of one publication's files, such as the OFAC CSV set, is not a series)."""
    name = path.name.lower()
    if name.endswith(_TAR_SUFFIXES):
        return True
    if not name.endswith(".zip"):
        return False
    try:
        names = _archive_names(path)
    except (zipfile.BadZipFile, NotImplementedError, OSError):
        return False
    dated = [n for n in names if _date_from_name(n) is not None]
    return len(dated) >= 2


def find_index(archive: Path) -> Path | None:
    """The index beside an archive: ``<stem>_index.csv`` (``sdn_csv_history.tar.xz``
    → ``sdn_csv_history_index.csv``), if it exists."""
    name = archive.name
    for suffix in (*_TAR_SUFFIXES, ".zip"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    candidate = archive.with_name(f"{name}_index.csv")
    return candidate if candidate.is_file() else None


def read_index(path: Path) -> dict[str, tuple[str, str | None]]:
    """``member → (published, sha256 or None)`` from a series index CSV."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(path, f"cannot read series index: {exc}") from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    cols = [c.strip().lower() for c in (reader.fieldnames or [])]
    if not cols or cols[0] != "member":
        raise SourceError(path, "a series index needs a first column 'member'", "line 1")
    date_col = next((c for c in _DATE_COLUMNS if c in cols), None)
    if date_col is None:
        wanted = ", ".join(_DATE_COLUMNS)
        raise SourceError(path, f"a series index needs a date column ({wanted})", "line 1")
    out: dict[str, tuple[str, str | None]] = {}
    for n, row in enumerate(reader, start=2):
        row = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        member, published = row.get("member", ""), row.get(date_col, "")
        if not member:
            continue
        if not re.match(r"^\d{4}-\d{2}-\d{2}", published):
            raise SourceError(
                path, f"member {member!r} has no ISO date in {date_col!r}", f"line {n}"
            )
        out[member] = (published, row.get("sha256") or None)
    if not out:
        raise SourceError(path, "series index lists no members")
    return out


def _date_from_name(name: str) -> tuple[str, str, str] | None:
    """``(published, basis, reader file name)`` from a member path, if it is dated."""
    base = name.rsplit("/", 1)[-1]
    m = _STAMP.match(base)
    if m:
        d, t = m["date"], m["time"]
        stamp = f"{d[:4]}-{d[4:6]}-{d[6:]}T{t[:2]}:{t[2:4]}:{t[4:]}Z"
        return stamp, "member-name", f"{m['stem']}{m['ext']}"
    for part in reversed(name.split("/")[:-1]):
        if dm := _DAY.match(part):
            return dm[1], "folder", base
    return None


def series_members(
    names: list[str], index: dict[str, tuple[str, str | None]] | None, archive: Path
) -> list[SeriesMember]:
    """Date every data file of the archive (see the module docs); a file that cannot
    be dated raises :class:`SourceError` naming it."""
    out: list[SeriesMember] = []
    for name in names:
        base = name.rsplit("/", 1)[-1]
        if not base or base.startswith(".") or name.startswith("__MACOSX"):
            continue
        dated = _date_from_name(name)
        file_name = dated[2] if dated else base
        entry = None
        if index is not None:
            entry = index.get(name) or index.get(base)
        if entry is not None:
            out.append(SeriesMember(name, file_name, entry[0], "index", entry[1], group=name))
        elif dated is not None:
            group = name if dated[1] == "member-name" else name.rsplit("/", 1)[0]
            out.append(SeriesMember(name, file_name, dated[0], dated[1], group=group))
        else:
            raise SourceError(
                archive,
                "cannot date this member (no index entry, no time in its name, no dated folder)",
                name,
            )
    out.sort(key=lambda m: (m.published, m.name))
    return out


MAX_MEMBER_BYTES = Reader.max_bytes or 256 << 20
"""Largest member of a series archive unpacked (as for a single list file)."""
MAX_SERIES_BYTES = 8 << 30
"""Most bytes a series archive may unpack to in all (the 308 daily OFAC versions take
1 GB); never more than leaves 1 GiB of the temporary folder's disk free."""


def _extract(archive: Path, members: list[SeriesMember], target: Path) -> dict[str, Path]:
    """Write every member to ``target/<group number>/<reader file name>`` (never to a
    path taken from the archive) and check the sha256 the index gives."""
    wanted = {m.name: m for m in members}
    groups: dict[str, int] = {}
    out: dict[str, Path] = {}
    total = 0
    budget = min(MAX_SERIES_BYTES, max(shutil.disk_usage(target).free - (1 << 30), 0))

    def place(name: str, data: Iterator[bytes]) -> None:
        nonlocal total
        member = wanted[name]
        number = groups.setdefault(member.group, len(groups))
        folder = target / f"{number:05d}"
        folder.mkdir(exist_ok=True)
        path = folder / member.file_name
        digest = hashlib.sha256()
        size = 0
        with open(path, "wb") as fh:
            for chunk in data:
                size += len(chunk)
                total += len(chunk)
                if size > MAX_MEMBER_BYTES:
                    raise SourceError(
                        archive,
                        f"member inflates to more than {MAX_MEMBER_BYTES >> 20} MiB, more than "
                        "any list publication; refused (a decompression bomb?)",
                        name,
                    )
                if total > budget:
                    raise SourceError(
                        archive,
                        f"the archive inflates to more than {budget >> 20} MiB (the most "
                        f"unpacked at once, bounded by the free space in {target.parent}); "
                        "refused, load it in parts with --since/--until",
                        name,
                    )
                digest.update(chunk)
                fh.write(chunk)
        if member.sha256 and digest.hexdigest() != member.sha256.lower():
            raise SourceError(
                archive, "content does not match the sha256 in the series index", name
            )
        out[name] = path

    def chunks(fh: IO[bytes]) -> Iterator[bytes]:
        while block := fh.read(1 << 20):
            yield block

    try:
        if _is_tar_name(archive):
            with tarfile.open(archive, "r:*") as tf:
                for info in tf:
                    if info.isfile() and info.name in wanted:
                        fh = tf.extractfile(info)
                        if fh is not None:
                            with fh:
                                place(info.name, chunks(fh))
        else:
            with zipfile.ZipFile(archive) as zf:
                for zinfo in zf.infolist():
                    if zinfo.filename in wanted:
                        with zf.open(zinfo) as fh:
                            place(zinfo.filename, chunks(fh))
    except (tarfile.TarError, zipfile.BadZipFile, NotImplementedError, EOFError, OSError) as exc:
        raise SourceError(archive, f"cannot read archive (truncated or corrupt?): {exc}") from exc
    absent = sorted(set(wanted) - set(out))
    if absent:
        raise SourceError(archive, "member listed but not readable", absent[0])
    return out


@dataclass(slots=True)
class _Planned:
    job: Job
    members: list[str]
    published: str
    sha256: str


def _context() -> BaseContext:
    """``fork`` where the platform has it (workers start at once, with the readers'
    lookup tables already loaded; they never touch the parent's database
    connection), else ``spawn``."""
    methods = get_all_start_methods()
    return get_context("fork" if "fork" in methods else "spawn")


_Packed = tuple[Job, str, str, str | None, tuple[str, ...], list[list[str]], int | None]


def _pack(read: ReadPublication) -> _Packed:
    """A read publication as plain lists: pickling five lists of strings is several
    times cheaper than thousands of small objects."""
    e = read.entries
    cols = [
        [x.source_id for x in e],
        [x.digest for x in e],
        [x.text for x in e],
        [x.schema for x in e],
        [x.caption for x in e],
    ]
    return (
        read.job,
        read.sha256,
        read.format,
        read.published,
        read.notes,
        cols,
        read.declared_count,
    )


def _unpack(packed: _Packed) -> ReadPublication:
    job, sha256, fmt, published, notes, cols, declared = packed
    entries = [EncodedRecord(*row) for row in zip(*cols, strict=True)]
    return ReadPublication(job, sha256, fmt, published, notes, entries, declared)


def _read_worker(job: Job, digest: str) -> _Packed | str:
    """Worker-process entry: read one publication (a refusal comes back as text)."""
    try:
        return _pack(read_job(job, digest))
    except LoadError as exc:
        return str(exc)


def load_series(
    store: Store,
    archive: Path,
    *,
    index: Path | None = None,
    source: str | None = None,
    force: bool = False,
    max_drop: float | None = DEFAULT_MAX_DROP,
    workers: int | None = None,
    since: str | None = None,
    until: str | None = None,
    on_item: Callable[[SeriesItem], None] | None = None,
) -> SeriesResult:
    """Load every publication of a series archive, in date order (see the module
    docs). ``index`` defaults to :func:`find_index`; ``workers`` is the number of
    reader processes (default: the CPU count; ``1`` reads in this process).
    ``since``/``until`` (ISO dates, inclusive) load only the members dated within.
    ``on_item`` is called after each publication. Refused publications are reported
    in the result and do not stop the import; an archive that cannot be read or
    dated raises :class:`SourceError`."""
    archive = Path(archive)
    index = index or find_index(archive)
    entries = read_index(index) if index is not None else None
    try:
        names = _archive_names(archive)
    except (tarfile.TarError, zipfile.BadZipFile, NotImplementedError, EOFError, OSError) as exc:
        raise SourceError(archive, f"cannot read archive (truncated or corrupt?): {exc}") from exc
    members = [
        m
        for m in series_members(names, entries, archive)
        if (since is None or m.published[: len(since)] >= since)
        and (until is None or m.published[: len(until)] <= until)
    ]
    if not members:
        raise SourceError(archive, "archive holds no publication files (in the dates asked for)")
    result = SeriesResult(archive)
    tmp = temp_dir("thaw-series-")
    try:
        paths = _extract(archive, members, tmp)
        planned: list[_Planned] = []
        by_group: dict[str, list[SeriesMember]] = {}
        for member in members:
            by_group.setdefault(member.group, []).append(member)
        for group in by_group.values():
            files = [paths[m.name] for m in group]
            try:
                jobs = plan(files, source=source, siblings=False)
            except SourceError as exc:
                item = SeriesItem([m.name for m in group], group[0].published, error=str(exc))
                result.items.append(item)
                if on_item:
                    on_item(item)
                continue
            for job in jobs:
                in_job = [m.name for m in group if paths[m.name] in job.files]
                digest = files_sha256(job.files)
                planned.append(_Planned(job, in_job, group[0].published, digest))
        planned.sort(key=lambda p: p.published)
        _run(store, planned, result, force, max_drop, workers, on_item)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return result


def _run(
    store: Store,
    planned: list[_Planned],
    result: SeriesResult,
    force: bool,
    max_drop: float | None,
    workers: int | None,
    on_item: Callable[[SeriesItem], None] | None,
) -> None:
    """Read ahead in worker processes, commit in order in this process."""
    todo: list[_Planned] = []
    for p in planned:
        existing = store.find_publication(p.job.reader.source, p.sha256)
        if existing is not None and existing.reader_version == p.job.reader.version:
            item = SeriesItem(p.members, p.published, LoadResult("unchanged", existing))
            result.items.append(item)
            if on_item:
                on_item(item)
        else:
            todo.append(p)
    n_workers = min(workers or os.cpu_count() or 1, len(todo))
    if n_workers > 1:
        country_code("Russia")  # load the country tables once, before the workers fork
    pool = (
        ProcessPoolExecutor(n_workers, mp_context=_context(), initializer=die_with_parent)
        if n_workers > 1
        else None
    )
    try:
        pending: deque[tuple[_Planned, Future[_Packed | str] | None]] = deque()
        queue = iter(todo)

        def submit() -> None:
            p = next(queue, None)
            if p is not None:
                pending.append((p, pool.submit(_read_worker, p.job, p.sha256) if pool else None))

        for _ in range(max(1, n_workers * 2)):
            submit()
        while pending:
            p, future = pending.popleft()
            packed = future.result() if future is not None else _read_worker(p.job, p.sha256)
            submit()
            item = SeriesItem(p.members, p.published)
            if isinstance(packed, str):
                item.error = packed
            else:
                try:
                    item.result = commit(
                        store,
                        _unpack(packed),
                        date=p.published,
                        force=force,
                        history=True,
                        max_drop=max_drop,
                    )
                except LoadError as exc:
                    item.error = str(exc)
            for path in p.job.files:
                path.unlink(missing_ok=True)
            result.items.append(item)
            if on_item:
                on_item(item)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
