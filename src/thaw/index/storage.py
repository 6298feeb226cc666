"""The on-disk cache of the candidate index, keyed by what it was built from.

The index of a store lives in ``<home>/index/<fingerprint>.pickle``. The
fingerprint digests the active publications (source, id, file digest, the version
of the reader that read them), the thaw
version, the index format and the source code of the modules that shape the index
(:mod:`thaw.model`, :mod:`thaw.text`, :mod:`thaw.index`), so that loading a new
publication or upgrading thaw yields a new fingerprint and a rebuild, while a new
process with unchanged lists simply loads the file (tens of milliseconds).

:func:`ensure_index` is the one entry point: it returns the current index,
building and saving it first when needed. The load command calls it after loading
lists, so that screening never waits for a build.

The file is a pickle written by thaw into the user's own data directory; it is
trusted like the database beside it. Files are written to a temporary name and
renamed into place, so a concurrent reader never sees half a file; stale index
files are removed after a successful build.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import thaw
from thaw._process import sweep
from thaw.index.candidates import FORMAT_VERSION, CandidateIndex
from thaw.index.entry import entry_from_record
from thaw.store import Store

SUFFIX = ".pickle"
_BUILDING = ".building-"
_log = logging.getLogger(__name__)
_MAGIC = "thaw-candidate-index"


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the source of the modules whose behaviour the index bakes in."""
    root = Path(thaw.__file__).resolve().parent
    files = [
        root / "model.py",
        *sorted((root / "text").rglob("*.py")),
        *sorted((root / "index").rglob("*.py")),
    ]
    h = hashlib.sha256()
    for path in files:
        if path.is_file():
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def fingerprint(store: Store) -> str:
    """What the index of ``store`` depends on, as a short hex digest."""
    pubs = sorted(
        (p.source, p.id, p.sha256, p.published, p.reader_version)
        for p in store.active_publications().values()
    )
    payload = json.dumps(
        {
            "publications": pubs,
            "thaw": thaw.__version__,
            "format": FORMAT_VERSION,
            "code": code_digest(),
        },
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:24]


def index_dir(home: Path) -> Path:
    """The folder holding the cached index files of the store under ``home``."""
    return Path(home) / "index"


def index_path(store: Store) -> Path:
    """Where the index of the store's current active publications is cached."""
    return index_dir(store.home) / f"{fingerprint(store)}{SUFFIX}"


def save_index(index: CandidateIndex, path: Path) -> None:
    """Write ``index`` to ``path`` atomically (temporary file, then rename). The
    temporary file is named after this process (``.building-<pid>-…``), so that one
    left by a killed process is removed here the next time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    sweep(path.parent, (_BUILDING,))
    fd, tmp = tempfile.mkstemp(prefix=f"{_BUILDING}{os.getpid()}-", suffix=SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump({"magic": _MAGIC, "state": index.state()}, fh, protocol=5)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_index(path: Path) -> CandidateIndex:
    """Read an index written by :func:`save_index`; ``ValueError`` if it is not one
    (or not of this format)."""
    try:
        with open(path, "rb") as fh:
            data: Any = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
        raise ValueError(f"{path}: not a readable index ({exc})") from exc
    if not isinstance(data, dict) or data.get("magic") != _MAGIC:
        raise ValueError(f"{path}: not a thaw index file")
    return CandidateIndex(data["state"])


def build_index(store: Store) -> CandidateIndex:
    """Build the index of the store's active records (not saved)."""
    pubs = store.active_publications()
    meta = {
        "fingerprint": fingerprint(store),
        "thaw": thaw.__version__,
        "publications": {
            s: {"id": p.id, "published": p.published, "sha256": p.sha256} for s, p in pubs.items()
        },
    }
    entries = (entry_from_record(record) for record in store.active_records())
    return CandidateIndex.build(entries, meta)


def ensure_index(store: Store, *, rebuild: bool = False) -> CandidateIndex:
    """The index of the store's active publications: loaded from the cache when
    it is current, else built, saved (stale files removed) and returned."""
    path = index_path(store)
    if path.exists() and not rebuild:
        try:
            return load_index(path)
        except ValueError:
            pass  # unreadable or of an older format: rebuild below
    index = build_index(store)
    try:
        save_index(index, path)
    except OSError as exc:
        # disk full, read-only file system: screen from memory, save next time
        why = "the disk is full" if exc.errno == errno.ENOSPC else exc.strerror or str(exc)
        _log.warning(
            "thaw: cannot save the screening index to %s (%s); screening with the index "
            "built in memory, it is saved by the next command once that works",
            path.parent,
            why,
        )
        return index
    for stale in path.parent.glob(f"*{SUFFIX}"):
        if stale != path and not stale.name.startswith(_BUILDING):
            stale.unlink(missing_ok=True)
    return index
