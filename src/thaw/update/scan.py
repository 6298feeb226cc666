"""Finding publications in a folder tree (``thaw update --from DIR``).

:func:`scan` walks a directory, groups files per folder and recognises each file's
source and format with :func:`thaw.sources.detect`. Companion files (OFAC's
``add.csv``, ``alt.csv``, …) are attached to their main file in the same folder; a
companion whose main file is absent is ignored, as are documents (``.md``, ``.pdf``,
…; an ``.odt`` unless a reader recognises it), files the readers do not recognise,
partial downloads, and everything under a folder whose name starts with ``_`` or
``.`` (``_samples`` holds partial excerpts, not publications).

Each publication found gets a date: the date inside the file where the format has
one, else the ``YYYY-MM-DD`` name of its folder (or of the nearest dated parent).
:meth:`Scan.newest` picks the newest publication of each source.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from thaw.sources import Job, Reader, SourceError, detect, readers
from thaw.sources.base import inner_name

DOCUMENT_SUFFIXES = frozenset(
    {
        ".md",
        ".markdown",
        ".rst",
        ".pdf",
        ".doc",
        ".docx",
        ".rtf",
        ".html",
        ".htm",
        ".part",
        ".sha256",
        ".md5",
        ".sig",
        ".asc",
    }
)
"""Never publications: documentation (a ``MANIFEST.md`` quoting an XML namespace must
not pass for a list), partial downloads, checksums and signatures."""

OFFICE_DOCUMENTS = frozenset({".odt"})
"""Documents that are publications only where a reader recognises them (the FCDO
publishes its list as an ``.odt`` document as well)."""

DATE_DIR = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:$|[_ ])")


def folder_date(path: Path) -> str | None:
    """The ``YYYY-MM-DD`` name of the nearest dated folder above ``path``."""
    for part in reversed(path.parent.parts):
        if m := DATE_DIR.match(part):
            return m[1]
    return None


@dataclass(slots=True)
class Found:
    """A publication found on disk: its read job and what is known of its date."""

    job: Job
    folder_date: str | None = None
    in_file_date: str | None = None

    @property
    def source(self) -> str:
        return self.job.reader.source

    @property
    def date(self) -> str | None:
        """The in-file date, else the folder date."""
        return self.in_file_date or self.folder_date

    def sort_key(self) -> tuple[str, bool, int, int, str]:
        """Newest last: by date, then files with an in-file date, then the reader's
        priority, then the fuller file set."""
        return (
            self.date or "",
            self.in_file_date is not None,
            self.job.reader.priority,
            len(self.job.files),
            str(self.job.path),
        )


@dataclass(frozen=True, slots=True)
class Ignored:
    """A file that is not taken, and why."""

    path: Path
    reason: str


@dataclass(slots=True)
class Scan:
    """The result of :func:`scan`."""

    root: Path
    found: list[Found] = field(default_factory=list)
    ignored: list[Ignored] = field(default_factory=list)

    def by_source(self) -> dict[str, list[Found]]:
        """The publications of each source, oldest first."""
        out: dict[str, list[Found]] = {}
        for item in sorted(self.found, key=Found.sort_key):
            out.setdefault(item.source, []).append(item)
        return dict(sorted(out.items()))

    def newest(self) -> dict[str, Found]:
        """The newest publication of each source."""
        return {source: items[-1] for source, items in self.by_source().items()}


def _companion_of(name: str) -> tuple[type[Reader], str] | None:
    for reader in readers():
        for role, fname in reader.companions.items():
            if name == fname:
                return reader, role
    return None


def _skip_dir(name: str) -> bool:
    return name.startswith(("_", "."))


def scan(root: Path, sources: Collection[str] | None = None, read_dates: bool = True) -> Scan:
    """Every publication under ``root`` (of ``sources`` only, if given).

    With ``read_dates`` each publication is opened to read the date it carries (the
    readers take it from the head of the file; nothing is parsed in full).
    """
    root = Path(root)
    result = Scan(root)
    if root.is_file():
        _scan_folder(root.parent, [root], result, sources, read_dates)
        return result
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not _skip_dir(d))
        paths = [Path(folder) / f for f in sorted(files) if not f.startswith((".", "_"))]
        if paths:
            _scan_folder(Path(folder), paths, result, sources, read_dates)
    return result


def _scan_folder(
    folder: Path,
    paths: list[Path],
    result: Scan,
    sources: Collection[str] | None,
    read_dates: bool,
) -> None:
    primaries: list[tuple[type[Reader], Path]] = []
    companions: list[tuple[type[Reader], str, Path]] = []
    for path in paths:
        if not path.is_file():
            continue
        if path.suffix.lower() in DOCUMENT_SUFFIXES:
            result.ignored.append(Ignored(path, "document"))
            continue
        companion = _companion_of(inner_name(path))
        if companion is not None:
            companions.append((companion[0], companion[1], path))
            continue
        try:
            reader = detect(path)
        except SourceError as exc:
            document = path.suffix.lower() in OFFICE_DOCUMENTS
            result.ignored.append(Ignored(path, "document" if document else exc.reason))
            continue
        primaries.append((reader, path))
    for reader, _role, path in companions:
        if not any(r is reader for r, _ in primaries):
            main = getattr(reader, "primary_name", None) or "its main file"
            result.ignored.append(
                Ignored(path, f"auxiliary file of {reader.source} without {main} beside it")
            )
    for reader, path in primaries:
        if sources is not None and reader.source not in sources:
            continue
        job = Job(reader, path, {role: p for r, role, p in companions if r is reader})
        found = Found(job, folder_date(path))
        if read_dates:
            try:
                found.in_file_date = publication_date_in_file(job)
            except Exception as exc:  # noqa: BLE001  (a reader failing on open: report, go on)
                reason = (
                    exc.reason if isinstance(exc, SourceError) else f"{type(exc).__name__}: {exc}"
                )
                result.ignored.append(Ignored(path, f"unreadable: {reason}"))
                continue
        result.found.append(found)


def publication_date_in_file(job: Job) -> str | None:
    """The date the publication carries (read from its head), if any."""
    publication = job.open()
    try:
        published = publication.info.published
    finally:
        close = getattr(publication.records, "close", None)
        if callable(close):
            close()
    return published[:10] if published else None
