"""Readers for the official publications, one module per format.

Every module in this package that defines a :class:`~thaw.sources.base.Reader`
subclass is discovered automatically: adding a format means adding one module.

:func:`plan` turns a set of files into read jobs: it recognises each file's format
from its name and content, attaches companion files (``add.csv`` to ``sdn.csv``) and
refuses a companion whose primary file is absent.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from thaw.sources.base import (
    Publication,
    Reader,
    SourceError,
    check_xml_prolog,
    inner_name,
    json_loads,
    read_head,
    wide_encoding,
)
from thaw.sources.numbers import published_records

__all__ = [
    "Job",
    "Publication",
    "Reader",
    "SourceError",
    "detect",
    "json_loads",
    "plan",
    "readers",
    "reserved_dataset_names",
    "source_names",
]

_loaded = False


def readers() -> list[type[Reader]]:
    """All registered reader classes (importing every module of this package once)."""
    global _loaded
    if not _loaded:
        for info in pkgutil.iter_modules(__path__):
            if info.name not in ("base", "common") and not info.name.startswith("_"):
                importlib.import_module(f"{__name__}.{info.name}")
        _loaded = True
    return [r for r in Reader.registry if not inspect.isabstract(r)]


def source_names() -> list[str]:
    """The fixed source names that thaw can read, sorted."""
    return sorted({r.source for r in readers()})


def reserved_dataset_names() -> frozenset[str]:
    """Names an FtM dataset may not be loaded under: ``default``, ``ftm``, every
    source name and every authority (``us``, ``uk`` …), which the service's
    ``{dataset}`` paths already give a meaning."""
    names = source_names()
    return frozenset({"default", "ftm", *names, *(n.split("_", 1)[0] for n in names)})


@dataclass(slots=True)
class Job:
    """One publication to read: the reader, its main file and companion files."""

    reader: type[Reader]
    path: Path
    companions: dict[str, Path] = field(default_factory=dict)
    dataset: str | None = None
    """For an FtM file: the dataset name it is loaded under (its source is then
    ``ftm_NAME``, see :mod:`thaw.sources.ftm`); set with :meth:`as_dataset`."""

    @property
    def source(self) -> str:
        """The source name the publication is stored under."""
        if self.dataset is None:
            return self.reader.source
        from thaw.sources.ftm import dataset_source  # noqa: PLC0415

        return dataset_source(self.dataset)

    def as_dataset(self, name: str) -> Job:
        """This job, loading an FtM file under the dataset name ``name``
        (:class:`SourceError` for another format or an invalid name)."""
        from thaw.sources.ftm import SOURCE, check_dataset_name  # noqa: PLC0415

        if self.reader.source != SOURCE:
            raise SourceError(
                self.path,
                f"is a {self.reader.source} publication; --dataset names FtM "
                "(FollowTheMoney) files only",
            )
        try:
            check_dataset_name(name)
        except ValueError as exc:
            raise SourceError(self.path, str(exc)) from exc
        if name in reserved_dataset_names():
            raise SourceError(
                self.path,
                f"{name!r} already names a source or an authority (the service's "
                "/match/NAME would be ambiguous); choose another dataset name",
            )
        return Job(self.reader, self.path, dict(self.companions), name)

    def open(self) -> Publication:
        """Start reading (records stream lazily), each record's identifiers read
        as published: the number apart from its remark
        (:func:`thaw.sources.numbers.published_identifiers`)."""
        pub = self.reader().read(self.path, self.companions)
        pub.files = [self.path, *self.companions.values()]
        pub.records = published_records(pub.records)
        if self.dataset is not None:
            from thaw.sources.ftm import as_dataset  # noqa: PLC0415

            pub = as_dataset(pub, self.source)
        return pub

    @property
    def files(self) -> list[Path]:
        return [self.path, *self.companions.values()]


def detect(path: Path, source: str | None = None) -> type[Reader]:
    """The reader for ``path`` (optionally restricted to one ``source``).

    Raises :class:`SourceError` for an empty file, an unknown format (saying what
    the content looks like: an image, UTF-16 text, binary data, …) or a companion
    file passed on its own (naming its primary file, and whether it is beside it).
    """
    size = check_regular(path)
    empty = size == 0
    name = inner_name(path)
    if empty:
        aux = _auxiliary_error(path, name)
        raise aux if aux is not None else SourceError(path, "file is empty")
    head = read_head(path)
    if not head:
        raise SourceError(path, _unreadable(path))
    candidates = [r for r in readers() if source is None or r.source == source]
    if source is not None and not candidates:
        raise SourceError(path, f"unknown source {source!r}; known: {', '.join(source_names())}")
    matches = [r for r in candidates if r.sniff(name, head)]
    if matches:
        reader = max(matches, key=lambda r: r.priority)
        if reader.max_bytes is not None and size > reader.max_bytes:
            raise SourceError(
                path,
                f"{size / 1e6:.0f} MB, larger than any {reader.source} publication could be "
                f"(at most {reader.max_bytes / 1e6:.0f} MB); refused",
            )
        return reader
    aux = _auxiliary_error(path, name)
    if aux is not None:
        raise aux
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        check_xml_prolog(path, head)  # a DTD hiding the root element: say so
    raise SourceError(
        path,
        "not a recognised sanctions list format"
        + (f" for {source}" if source else "")
        + f": the content looks like {describe_content(head)}",
    )


def check_regular(path: Path) -> int:
    """The size of ``path``; :class:`SourceError` unless it is a regular file (a FIFO
    would block the reader forever, a device never ends). A symlink is followed."""
    try:
        st = path.stat()
    except OSError as exc:
        raise SourceError(path, f"cannot open: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(st.st_mode):
        kind = (
            "a directory"
            if stat.S_ISDIR(st.st_mode)
            else "a named pipe (FIFO)"
            if stat.S_ISFIFO(st.st_mode)
            else "a socket"
            if stat.S_ISSOCK(st.st_mode)
            else "a device"
        )
        raise SourceError(path, f"{kind}, not a regular file; refused")
    return st.st_size


def _unreadable(path: Path) -> str:
    """Why a non-empty file yields no content: a damaged archive, usually."""
    try:
        with open(path, "rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        return f"cannot open: {exc.strerror or exc}"
    if magic == b"PK\x03\x04":
        return "corrupt or truncated zip archive (xlsx/ods/zip): its directory cannot be read"
    if magic[:2] == b"\x1f\x8b":
        return "corrupt or truncated gzip file"
    return "no content could be read (empty or damaged file)"


def _auxiliary_error(path: Path, name: str) -> SourceError | None:
    """The error for a companion file given without its primary file, if ``name`` is
    a companion's name."""
    for reader in readers():
        if name not in reader.companions.values():
            continue
        what = f"{name} is an auxiliary file of {reader.source} ({reader.format})"
        primary = getattr(reader, "primary_name", None)
        if not primary:
            return SourceError(path, f"{what}; load it together with its primary file")
        what = f"{what}; load it together with its primary file {primary}, which is absent"
        beside = _sibling(path, primary)
        if beside is not None:
            return SourceError(
                path,
                f"{what} from the files given: load {beside} instead (the auxiliary "
                "files beside it are picked up automatically)",
            )
        return SourceError(path, f"{what} (not beside it either)")
    return None


def _sibling(path: Path, name: str) -> Path | None:
    """The file called ``name`` (case-insensitively) in ``path``'s folder, if any."""
    try:
        return next(
            (p for p in path.parent.iterdir() if p.name.lower() == name and p.is_file()), None
        )
    except OSError:
        return None


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive or office document of no known list layout"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\x7fELF", "an executable"),
)
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)")


def describe_content(head: bytes) -> str:
    """A short description of what ``head`` (a file's first bytes) looks like, for
    error messages: ``"a PNG image"``, ``"UTF-16 text"``, ``"XML with root element
    <foo>"``, ``"text starting 'hello world'"``, ``"binary data"``."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    wide = wide_encoding(head)
    if wide:
        return f"{wide} text, but the official lists are published in UTF-8 or Windows-1252"
    sample = head[:512]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13)) + sample.count(b"\x7f")
    if b"\0" in sample or controls * 20 > len(sample):
        return "binary data, not text"
    text = sample.decode("utf-8", "replace").lstrip("\ufeff \r\n\t")
    if text.startswith("<"):
        m = _ROOT.search(re.sub(rb"<!--.*?-->", b"", sample, flags=re.S))
        return f"XML with root element <{m[1].decode('ascii', 'replace')}>" if m else "XML"
    # never echo the text itself: the file may be anything (a symlink to /etc/passwd)
    return "plain text of no known list layout (content not shown)"


def _companion_role(path: Path) -> tuple[type[Reader], str] | None:
    name = inner_name(path)
    for reader in readers():
        for role, fname in reader.companions.items():
            if name == fname:
                return reader, role
    return None


def plan(paths: Iterable[Path], source: str | None = None, siblings: bool = True) -> list[Job]:
    """Group ``paths`` into read jobs.

    Companion files given alongside their primary file are attached to it; with
    ``siblings`` the primary file's folder is also searched for its companions.
    A companion with no primary file raises :class:`SourceError`.
    """
    paths = [Path(p) for p in paths]
    jobs: list[Job] = []
    companion_files: list[tuple[Path, type[Reader], str]] = []
    for path in paths:
        companion = _companion_role(path)
        if companion is not None:
            companion_files.append((path, *companion))
            continue
        jobs.append(Job(detect(path, source), path))
    for job in jobs:
        if siblings and job.reader.companions:
            for role, fname in job.reader.companions.items():
                sibling = _sibling(job.path, fname)
                if sibling is not None:
                    job.companions[role] = sibling
    for path, reader, role in companion_files:
        owner = _owner(jobs, path, reader)
        if owner is None:
            error = _auxiliary_error(path, inner_name(path))
            raise error if error is not None else SourceError(path, "auxiliary file")
        owner.companions[role] = path
    return jobs


def _owner(jobs: Sequence[Job], path: Path, reader: type[Reader]) -> Job | None:
    same_dir = [j for j in jobs if j.reader is reader and j.path.parent == path.parent]
    if same_dir:
        return same_dir[0]
    same_reader = [j for j in jobs if j.reader is reader]
    return same_reader[0] if len(same_reader) == 1 else None
