"""The screening index as one file that Spark ships to its executors.

The driver builds the file once from the embedded store
(:func:`prepare_index_file`): the candidate index of the active publications
(:func:`thaw.index.ensure_index`), the map of listings to party profiles that
:class:`~thaw.profiles.screening.PartyScreener` merges hits by, and the active
publication of every source. Each executor's Python worker loads it once
(:func:`load_screener`) and keeps it for every later batch of every later task,
in a module-level cache keyed by the file's digest.

File layout: one header line, ``thaw-spark-index <version> <json>\\n``, whose JSON
holds the ``digest`` and the ``publications`` (readable without unpickling the
rest), then a pickle of the index state and the profile map. The digest is a
SHA-256 of what the screening depends on (the index fingerprint, which covers the
active publications and the code that shapes the index, and the profile map), so
two files with the same digest screen identically.

Like the index cache beside the database, the file is a pickle written by thaw
itself: it is trusted like the store it comes from. Put it only where the people
who may change the store can write.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thaw.index import CandidateIndex, ensure_index, fingerprint
from thaw.profiles import Profiles
from thaw.profiles.screening import PartyScreener
from thaw.screen import NoListsLoaded
from thaw.store import Store, default_home

MAGIC = b"thaw-spark-index"
VERSION = 1
SUFFIX = ".thawidx"


class SparkIndexError(RuntimeError):
    """The screening index file is missing, unreadable, or not the one the job was
    planned with (stale); the message says which file and what to do."""


@dataclass(frozen=True, slots=True)
class Publication:
    """The active publication of one source that a screening used (for audit)."""

    source: str
    publication_id: int
    published: str
    sha256: str


@dataclass(frozen=True, slots=True)
class IndexFile:
    """A screening index file: where it is, its digest and what it was built from."""

    path: Path
    digest: str
    publications: tuple[Publication, ...]

    @property
    def name(self) -> str:
        """The file's name (what ``SparkFiles.get`` finds it by on an executor)."""
        return self.path.name


def _digest(index_fingerprint: str, profile_of: dict[tuple[str, str], str]) -> str:
    h = hashlib.sha256()
    h.update(f"thaw-spark-index/{VERSION}/{index_fingerprint}\n".encode())
    for (source, source_id), pid in sorted(profile_of.items()):
        h.update(f"{source}\t{source_id}\t{pid}\n".encode())
    return h.hexdigest()[:32]


def _publications(store: Store) -> tuple[Publication, ...]:
    return tuple(
        Publication(p.source, p.id, p.published, p.sha256)
        for _, p in sorted(store.active_publications().items())
    )


def prepare_index_file(home: str | Path | None = None, path: str | Path | None = None) -> IndexFile:
    """The screening index file of the store under ``home`` (default: ``$THAW_HOME``),
    written to ``path`` (default: ``<home>/spark/thaw-<digest>.thawidx``) unless a
    file with the current digest is already there. Brings the store's index and
    profiles up to date first, as ``thaw screen`` does; a store with no lists
    raises :class:`~thaw.screen.NoListsLoaded`."""
    root = default_home(home)
    with Store(root) as store:
        publications = _publications(store)
        if not publications:
            raise NoListsLoaded(root)
        profile_of = Profiles(store).memberships()
        digest = _digest(fingerprint(store), profile_of)
        target = Path(path) if path is not None else root / "spark" / f"thaw-{digest}{SUFFIX}"
        if target.is_file():
            try:
                if read_header(target)["digest"] == digest:
                    return IndexFile(target, digest, publications)
            except SparkIndexError:
                pass  # unreadable: write it again below
        index = ensure_index(store)
    header = {
        "digest": digest,
        "publications": [
            {
                "source": p.source,
                "id": p.publication_id,
                "published": p.published,
                "sha256": p.sha256,
            }
            for p in publications
        ],
    }
    _write(target, header, {"index": index.state(), "profiles": profile_of})
    return IndexFile(target, digest, publications)


def _write(path: Path, header: dict[str, Any], payload: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".writing-", suffix=SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC + f" {VERSION} ".encode() + json.dumps(header).encode() + b"\n")
            pickle.dump(payload, fh, protocol=5)
        os.chmod(tmp, 0o644)  # executors may run as another user on shared storage
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_header(path: str | Path) -> dict[str, Any]:
    """The header of an index file (``digest``, ``publications``); raises
    :class:`SparkIndexError` if the file is missing or not a thaw index file."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            return _parse_header(path, fh.readline(1 << 20))
    except FileNotFoundError:
        raise SparkIndexError(f"screening index file {path} is missing") from None
    except OSError as exc:
        raise SparkIndexError(f"screening index file {path} cannot be read ({exc})") from exc


def _parse_header(path: Path, line: bytes) -> dict[str, Any]:
    parts = line.rstrip(b"\n").split(b" ", 2)
    if len(parts) != 3 or parts[0] != MAGIC:
        raise SparkIndexError(f"{path} is not a thaw screening index file")
    if parts[1] != str(VERSION).encode():
        raise SparkIndexError(
            f"{path} is a screening index file of version {parts[1].decode(errors='replace')}, "
            f"this thaw reads version {VERSION}: build it again with this thaw"
        )
    try:
        header: dict[str, Any] = json.loads(parts[2])
    except ValueError as exc:
        raise SparkIndexError(f"{path}: damaged screening index header ({exc})") from exc
    return header


def publications_of(header: dict[str, Any]) -> tuple[Publication, ...]:
    """The publications recorded in an index file's header."""
    return tuple(
        Publication(str(p["source"]), int(p["id"]), str(p["published"]), str(p["sha256"]))
        for p in header.get("publications", [])
    )


def open_index_file(path: str | Path, home: str | Path | None = None) -> IndexFile:
    """An existing index file (e.g. on shared storage), checked: with ``home``, it
    must have been built from that store's current publications and profiles,
    else :class:`SparkIndexError` says it is stale."""
    path = Path(path)
    header = read_header(path)
    digest = str(header.get("digest", ""))
    if home is not None:
        with Store(default_home(home)) as store:
            current = _digest(fingerprint(store), Profiles(store).memberships())
        if current != digest:
            raise SparkIndexError(
                f"screening index file {path} is stale: it was built from other "
                f"publications or profiles than the store at {default_home(home)} now holds "
                f"(file {digest}, store {current}); build it again with "
                "thaw.spark.prepare_index_file()"
            )
    return IndexFile(path, digest, publications_of(header))


# -- on the executors ------------------------------------------------------------------

_LOADED: dict[str, PartyScreener] = {}
"""Screeners loaded by this Python worker, by index digest (one, in practice)."""
_LOCK = threading.Lock()


def load_screener(path: str | Path, digest: str) -> PartyScreener:
    """The screener of the index file at ``path``, loaded on the first call in this
    process and cached by ``digest``; :class:`SparkIndexError` if the file is
    missing or holds another digest than the job expects (stale)."""
    screener = _LOADED.get(digest)
    if screener is not None:
        return screener
    with _LOCK:
        screener = _LOADED.get(digest)
        if screener is None:
            screener = _load(Path(path), digest)
            _LOADED.clear()  # a new digest replaces the old index: keep one in memory
            _LOADED[digest] = screener
    return screener


def _load(path: Path, digest: str) -> PartyScreener:
    host = os.uname().nodename
    try:
        fh = open(path, "rb")  # noqa: SIM115 (closed below)
    except FileNotFoundError:
        raise SparkIndexError(
            f"screening index file {path} is missing on {host}: ship it with "
            "SparkFiles (the default) or put it on storage every executor can read"
        ) from None
    except OSError as exc:
        raise SparkIndexError(f"screening index file {path} cannot be read ({exc})") from exc
    with fh:
        header = _parse_header(path, fh.readline(1 << 20))
        found = str(header.get("digest"))
        if found != digest:
            raise SparkIndexError(
                f"screening index file {path} on {host} is stale: it holds index {found}, "
                f"the job was planned with {digest} (the file was replaced after the job "
                "started, or executors see another copy); run the job again"
            )
        try:
            payload: Any = pickle.load(fh)
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
            raise SparkIndexError(f"screening index file {path} is damaged ({exc})") from exc
    screener = PartyScreener(index=CandidateIndex(payload["index"]), profile_of=payload["profiles"])
    # the index lives as long as the worker: keep the collector from rescanning it
    gc.collect()
    gc.freeze()
    return screener
