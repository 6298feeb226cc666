"""Readers for the official publications, one module per format.

Every module in this package that defines a :class:`~thaw.sources.base.Reader`
subclass is discovered automatically: adding a format means adding one module.

:func:`plan` turns a set of files into read jobs: it recognises each file's format
from its name and content, attaches companion files (``add.csv`` to ``sdn.csv``) and
refuses a companion whose primary file is absent.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from thaw.sources.base import Publication, Reader, SourceError, inner_name, read_head

__all__ = [
    "Job",
    "Publication",
    "Reader",
    "SourceError",
    "detect",
    "plan",
    "readers",
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
    return list(Reader.registry)


def source_names() -> list[str]:
    """The fixed source names that thaw can read, sorted."""
    return sorted({r.source for r in readers()})


@dataclass(slots=True)
class Job:
    """One publication to read: the reader, its main file and companion files."""

    reader: type[Reader]
    path: Path
    companions: dict[str, Path] = field(default_factory=dict)

    def open(self) -> Publication:
        """Start reading (records stream lazily)."""
        pub = self.reader().read(self.path, self.companions)
        pub.files = [self.path, *self.companions.values()]
        return pub

    @property
    def files(self) -> list[Path]:
        return [self.path, *self.companions.values()]


def detect(path: Path, source: str | None = None) -> type[Reader]:
    """The reader for ``path`` (optionally restricted to one ``source``).

    Raises :class:`SourceError` for an empty file, an unknown format or a companion
    file passed on its own.
    """
    try:
        if path.stat().st_size == 0:
            raise SourceError(path, "file is empty")
    except OSError as exc:
        raise SourceError(path, f"cannot open: {exc.strerror or exc}") from exc
    name = inner_name(path)
    head = read_head(path)
    if not head:
        raise SourceError(path, "file is empty or not a readable archive")
    candidates = [r for r in readers() if source is None or r.source == source]
    if source is not None and not candidates:
        raise SourceError(path, f"unknown source {source!r}; known: {', '.join(source_names())}")
    matches = [r for r in candidates if r.sniff(name, head)]
    if matches:
        return max(matches, key=lambda r: r.priority)
    for reader in readers():
        if name in reader.companions.values():
            primary = _primary_hint(reader)
            raise SourceError(
                path,
                f"{name} is an auxiliary file of {reader.source} ({reader.format}); "
                f"load it together with its primary file{primary}",
            )
    raise SourceError(path, "not a recognised sanctions list format" + (f" for {source}" if source else ""))


def _primary_hint(reader: type[Reader]) -> str:
    hint = getattr(reader, "primary_name", None)
    return f" {hint}, which is absent" if hint else ""


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
        role = _companion_role(path)
        if role is not None:
            companion_files.append((path, *role))
            continue
        jobs.append(Job(detect(path, source), path))
    for job in jobs:
        if siblings and job.reader.companions:
            for role, fname in job.reader.companions.items():
                for sibling in job.path.parent.iterdir():
                    if sibling.name.lower() == fname:
                        job.companions[role] = sibling
    for path, reader, role in companion_files:
        owner = _owner(jobs, path, reader)
        if owner is None:
            detect(path, source)  # raises the clear "auxiliary file" error
            continue
        owner.companions[role] = path
    return jobs


def _owner(jobs: Sequence[Job], path: Path, reader: type[Reader]) -> Job | None:
    same_dir = [j for j in jobs if j.reader is reader and j.path.parent == path.parent]
    if same_dir:
        return same_dir[0]
    same_reader = [j for j in jobs if j.reader is reader]
    return same_reader[0] if len(same_reader) == 1 else None
