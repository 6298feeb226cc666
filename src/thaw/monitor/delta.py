"""What changed between two sets of publications, and which rows it can reach.

The two public steps of an incremental re-screen (the Spark engine reuses them):

* :func:`listing_delta` reads, from the store's versions and spans, the listings
  added, amended and removed between the publications a portfolio reflects and
  newer ones;
* :func:`affected_rows` gives the portfolio rows whose ``screen-file`` result
  those listings can change (:mod:`thaw.monitor.keys` says why it is a superset).

Re-screening exactly those rows with :func:`thaw.monitor.screening.screen_rows`
against the newer publications, and keeping every other row's alerts, gives the
alerts of a full re-screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from thaw.history.diff import membership
from thaw.index import CandidateIndex, Entry, entry_from_record
from thaw.model import Record
from thaw.monitor.keys import RowIndex
from thaw.store import PublicationRow, Store
from thaw.store.versions import versions_by_id

ListingKey = tuple[str, str]
"""``(source, source_id)``."""


@dataclass(slots=True)
class ListingDelta:
    """The listings that changed between two sets of publications.

    ``new`` maps each added or amended listing to its version now, ``old`` each
    amended or removed listing to its version before; ``gone`` holds the removed
    ones; ``versions`` the stored ``(content hash, record)`` of every version
    named; ``causes`` the newer publication of each source that moved."""

    new: dict[ListingKey, int] = field(default_factory=dict)
    old: dict[ListingKey, int] = field(default_factory=dict)
    gone: set[ListingKey] = field(default_factory=set)
    versions: dict[int, tuple[str, Record]] = field(default_factory=dict)
    causes: dict[str, PublicationRow] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.new) + len(self.gone)

    @property
    def keys(self) -> set[ListingKey]:
        """Every listing that changed."""
        return self.new.keys() | self.old.keys()

    def record_before(self, key: ListingKey) -> Record | None:
        """The listing's record before the change (``None``: it is new)."""
        vid = self.old.get(key)
        return None if vid is None else self.versions[vid][1]

    def record_after(self, key: ListingKey) -> Record | None:
        """The listing's record after the change (``None``: it was removed)."""
        vid = self.new.get(key)
        return None if vid is None else self.versions[vid][1]

    def entries(self) -> list[Entry]:
        """The prepared entries of every version involved, old and new."""
        vids = dict.fromkeys([*self.new.values(), *self.old.values()])
        return [entry_from_record(self.versions[v][1]) for v in vids]


def listing_delta(
    store: Store,
    before: Mapping[str, PublicationRow | None],
    after: Mapping[str, PublicationRow],
) -> ListingDelta:
    """The listings that differ between ``before`` and ``after`` (``source →
    publication``; a source absent or ``None`` in ``before`` was not followed:
    all its listings are new). Versions are compared by their stored ids, so a
    listing republished unchanged is not in the delta."""
    delta = ListingDelta()
    for source, pub in sorted(after.items()):
        old_pub = before.get(source)
        if old_pub is not None and old_pub.id == pub.id:
            continue
        delta.causes[source] = pub
        now = membership(store, pub)
        was = membership(store, old_pub) if old_pub is not None else {}
        for sid, vid in now.items():
            prior = was.get(sid)
            if prior != vid:
                delta.new[(source, sid)] = vid
                if prior is not None:
                    delta.old[(source, sid)] = prior
        for sid, vid in was.items():
            if sid not in now:
                delta.old[(source, sid)] = vid
                delta.gone.add((source, sid))
    delta.versions = versions_by_id(store, [*delta.new.values(), *delta.old.values()])
    return delta


def affected_rows(
    index: RowIndex, entries: Iterable[Entry], workers: int = 1
) -> npt.NDArray[np.int64]:
    """The rows of ``index`` whose ``screen-file`` result the listings ``entries``
    (every version of the changed listings, old and new) can change, sorted."""
    listed = list(entries)
    if not listed:
        return np.zeros(0, dtype=np.int64)
    return index.affected(CandidateIndex.build(listed), workers)
