"""The data a running server screens against, and its replacement without downtime.

A :class:`Snapshot` is everything one generation of active lists needs: the
party screener (index and profile memberships), the active publications, and the
dataset names. The :class:`Engine` holds the current snapshot; a request takes it
once, at its start, and finishes on it even if a newer one is installed meanwhile
(in-flight requests finish on the index they started with).

A watcher thread compares the store's index fingerprint (which digests the active
publications) every ``reload_every`` seconds. When ``thaw load`` or ``thaw update``
has activated a publication, it builds the new snapshot beside the old one (the
load command has normally cached the new index already) and swaps it in. If that
fails, the old snapshot stays and the error is logged: a failed update leaves the
server serving the previous data.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thaw.api.pool import PoolSlot
from thaw.index import Entry, fingerprint, index_path
from thaw.profiles import Profiles
from thaw.profiles.screening import PartyScreener
from thaw.sources.ftm import dataset_of
from thaw.store import PublicationRow, Store, default_home

log = logging.getLogger("thaw.api")


def authority_of(source: str) -> str:
    """The authority of a source: the part of its name before the first ``_``
    (``us_ofac_sdn`` → ``us``)."""
    return source.split("_", 1)[0]


@dataclass(frozen=True, slots=True)
class Scope:
    """What a ``{dataset}`` path selects: every listing (both ``None``), the
    listings of some sources, or (FtM datasets) some listing keys."""

    name: str
    sources: frozenset[str] | None = None
    keys: frozenset[str] | None = None
    loaded_as: str | None = None
    """For an FtM file loaded with ``thaw load --dataset NAME``: its source
    (``ftm_NAME``)."""

    def admits(self, source: str, source_id: str) -> bool:
        """Whether the listing is in this dataset."""
        if self.sources is not None and source not in self.sources:
            return False
        return self.keys is None or f"{source}:{source_id}" in self.keys


@dataclass
class Snapshot:
    """One generation of active lists (see the module docs)."""

    screener: PartyScreener
    publications: dict[str, PublicationRow]
    fingerprint: str
    ftm_datasets: dict[str, frozenset[str]] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)
    loaded_at: float = field(default_factory=time.time)
    entities: dict[str, Any] = field(default_factory=dict)
    """Entities built for responses, by id (see :mod:`thaw.api.entities`)."""
    entity_data: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Those entities as JSON data, by id (:func:`thaw.api.matching.entity_data`)."""
    history: dict[str, list[PublicationRow]] = field(default_factory=dict)
    """Every publication of a source, by source (read on first use)."""
    _used: dict[str, tuple[Scope, dict[str, dict[str, object]]]] = field(default_factory=dict)
    _datasets: dict[str, Scope] | None = None
    pool: PoolSlot = field(init=False)
    """The forked processes that screen large batches on this snapshot's index
    (:mod:`thaw.api.pool`); closed when the snapshot is replaced."""

    def __post_init__(self) -> None:
        self.pool = PoolSlot(self.screener)

    @classmethod
    def build(cls, home: Path) -> Snapshot:
        """Load (or build) the index and profile memberships of the active lists."""
        with Store(home) as store:
            fp = fingerprint(store)
            pubs = store.active_publications()
            ftm: dict[str, set[str]] = {}
            for source in pubs:
                if source != "ftm" and not source.startswith("ftm"):
                    continue
                for record in store.active_records(source):
                    raw = record.extra.get("datasets", "") if record.extra else ""
                    for name in str(raw).split(";"):
                        if name.strip():
                            ftm.setdefault(name.strip(), set()).add(
                                f"{record.source}:{record.source_id}"
                            )
            # read the memberships as they are: the loader refreshes the profiles,
            # the server never writes to the store
            profile_of = Profiles(store, auto_refresh=False).memberships()
        screener = PartyScreener(home, profile_of=profile_of, allow_empty=True)
        members: dict[str, list[str]] = {}
        for (source, source_id), pid in screener.profile_of.items():
            members.setdefault(pid, []).append(f"{source}:{source_id}")
        for keys in members.values():
            keys.sort()
        screener.warm_up()
        return cls(
            screener,
            pubs,
            fp,
            {k: frozenset(v) for k, v in ftm.items()},
            members,
        )

    def entry(self, key: str) -> Entry | None:
        """The prepared listing ``source:source_id``, if active."""
        index = self.screener.index
        position = index.position(key)
        return None if position is None else index.entry(position)

    def datasets(self) -> dict[str, Scope]:
        """Every dataset name: ``default``, each source, each authority, each name an
        FtM file was loaded under (``thaw load --dataset``) and each dataset named in
        FtM entities' ``datasets`` (computed once per snapshot)."""
        if self._datasets is None:
            self._datasets = self._list_datasets()
        return self._datasets

    def _list_datasets(self) -> dict[str, Scope]:
        out: dict[str, Scope] = {"default": Scope("default")}
        by_authority: dict[str, set[str]] = {}
        for source in self.publications:
            out[source] = Scope(source, frozenset({source}))
            by_authority.setdefault(authority_of(source), set()).add(source)
        for authority, sources in by_authority.items():
            out.setdefault(authority, Scope(authority, frozenset(sources)))
        for source in self.publications:  # thaw load FILE.ftm.json --dataset NAME
            name = dataset_of(source)
            if name is not None:
                out.setdefault(name, Scope(name, frozenset({source}), loaded_as=source))
        for name, keys in self.ftm_datasets.items():
            out.setdefault(name, Scope(name, None, keys))
        return out

    def scope(self, name: str) -> Scope | None:
        """The dataset called ``name``, or ``None``."""
        return self.datasets().get(name)

    def publications_used(self, scope: Scope) -> dict[str, dict[str, object]]:
        """The active publication of every source of a dataset (for the audit; one
        dict per dataset and snapshot, shared: do not change it)."""
        found = self._used.get(scope.name)
        if found is None or found[0] != scope:
            used: dict[str, dict[str, object]] = {
                s: {"id": p.id, "published": p.published, "sha256": p.sha256[:16]}
                for s, p in sorted(self.publications.items())
                if scope.sources is None or s in scope.sources
            }
            found = (scope, used)
            self._used[scope.name] = found
        return found[1]


def _release_free_memory() -> None:
    """Hand the old snapshot's freed memory back to the system (glibc keeps it in
    its arenas otherwise, and the server's RSS would grow by an index per reload)."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


class Engine:
    """Holds the current :class:`Snapshot` and replaces it when the lists change."""

    def __init__(
        self,
        home: Path | None,
        reload_every: float = 2.0,
        prepare: Callable[[Snapshot], None] | None = None,
    ) -> None:
        """``prepare`` runs on each new snapshot before it is served (the service
        warms the worker up with it: :func:`thaw.api.matching.warm_up`); if it
        fails, the snapshot is served all the same."""
        self.home = default_home(home)
        self.reload_every = reload_every
        self.prepare = prepare
        self._snapshot: Snapshot | None = None
        self.error: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._local = threading.local()
        self.reloads = 0
        self._watch: Store | None = None
        self.settle = 300.0
        """Longest wait (s) for a loader to finish the index and profiles."""
        self._pending: tuple[str, float] | None = None

    @property
    def ready(self) -> bool:
        """Whether a snapshot is loaded."""
        return self._snapshot is not None

    def current(self) -> Snapshot | None:
        """The snapshot a new request should use."""
        return self._snapshot

    def store(self) -> Store:
        """This thread's connection to the store (read-only use)."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.home)
            self._local.store = store
        return store

    def start(self) -> None:
        """Load the first snapshot and watch for new lists, in a background thread."""
        self._thread = threading.Thread(target=self._run, name="thaw-reload", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop watching, and close the screening pool."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._snapshot is not None:
            self._snapshot.pool.close()

    def check(self) -> bool:
        """Install a new snapshot if the active lists changed; whether it did.

        ``thaw load`` activates a publication, then builds the index and refreshes
        the profiles. The new snapshot is built once both are done (or after
        :attr:`settle` seconds, if the loader died half-way), so that the server
        neither duplicates that work nor serves an index without its profiles."""
        if self._watch is None:
            self._watch = Store(self.home)  # one connection for the watcher's checks
        store = self._watch
        fp = fingerprint(store)
        current = self._snapshot
        if current is not None and current.fingerprint == fp:
            self._pending = None
            return False
        if current is not None:
            first_seen = self._pending[1] if self._pending and self._pending[0] == fp else None
            if first_seen is None:
                self._pending = (fp, time.monotonic())
                first_seen = self._pending[1]
            settled = (
                index_path(store).exists() and not Profiles(store, auto_refresh=False).is_stale()
            )
            if not settled and time.monotonic() - first_seen < self.settle:
                return False
        try:
            snapshot = Snapshot.build(self.home)
        except Exception as exc:  # keep serving the previous data
            self.error = f"{type(exc).__name__}: {exc}"
            log.exception("could not load the new lists; still serving the previous ones")
            return False
        if self.prepare is not None:
            try:
                self.prepare(snapshot)
            except Exception:  # a cold first request is better than no new lists
                log.exception("could not warm up on the new lists; serving them cold")
        previous, self._snapshot = self._snapshot, snapshot
        self._pending = None
        self.error = None
        self.reloads += 1
        # What the worker holds now (the index, the snapshot's tables, what the
        # warm-up loaded) lives until the next reload: freeze it out of the cyclic
        # collector's reach, or every full collection walks it (a pause of 50-120
        # ms every few dozen batches of 100, the tail of a batch's latency). On a
        # reload, unfreeze first, so that the old snapshot is collected.
        if previous is not None:
            previous.pool.close()  # batches handed over finish on the old index
            del previous
            gc.unfreeze()
        gc.collect()
        gc.freeze()
        if self.reloads > 1:
            _release_free_memory()
        log.info("serving lists %s (%d listings)", snapshot.fingerprint, len(snapshot.screener))
        return True

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                try:
                    self.check()
                except Exception:  # the store may be busy or mid-migration: try again
                    log.exception("checking for new lists failed")
                self._stop.wait(self.reload_every)
        finally:
            if self._watch is not None:  # closed by the thread that opened it
                self._watch.close()
                self._watch = None
