"""What changed between two sets of publications, and which rows it can reach.

The two public steps of an incremental re-screen (the Spark engine reuses them):

* :func:`listing_delta` reads, from the store's versions and spans, the listings
  added, amended and removed between the publications a portfolio reflects and
  newer ones;
* :func:`affected_rows` gives the portfolio rows whose ``screen-file`` result,
  with the portfolio's pinned rarity weights, those listings can change
  (:mod:`thaw.monitor.keys` says why it is a superset).

Re-screening exactly those rows with :func:`thaw.monitor.screening.screen_rows`
against the newer publications, and keeping every other row's alerts, gives the
alerts of a full re-screen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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


NEIGHBOUR_LIMIT = 32
"""How many typo neighbours the candidate index keeps per query token
(:meth:`thaw.index.CandidateIndex.neighbours`)."""


@dataclass(frozen=True, slots=True)
class Change:
    """The listings a step changed, as the row index reads them
    (:meth:`thaw.monitor.keys.RowIndex.affected`): an index of every version
    involved, old and new (``involved``), and the name tokens whose presence on
    the lists (some listing carrying them, or none) the change flips
    (``flipped``: a minor token's unit, which only counts when present, appears
    or goes)."""

    involved: CandidateIndex
    flipped: frozenset[str]

    @classmethod
    def of(cls, delta: ListingDelta, current: CandidateIndex) -> Change:
        """The change ``delta``, after which the candidate index is ``current``."""
        entries = {v: entry_from_record(delta.versions[v][1]) for v in delta.versions}
        after = CandidateIndex.build(entries[v] for v in dict.fromkeys(delta.new.values()))
        involved = CandidateIndex.build(entries.values())
        flipped = set()
        for key in involved.posted_keys()[0]:
            if not key.startswith("t:"):
                continue
            token = key[2:]
            now = current.document_frequency(token)
            added = after.document_frequency(token)
            before = now - added + (involved.document_frequency(token) - added)
            if (now > 0) != (before > 0):
                flipped.add(token)
        return cls(involved, frozenset(flipped))

    @staticmethod
    def crowded(current: CandidateIndex) -> Callable[[str, int], bool]:
        """Whether the change may move which typo neighbours of a token the
        ``current`` index keeps, given how many the change brings or takes (it
        keeps :data:`NEIGHBOUR_LIMIT`, by similarity and document frequency): when
        the token has that many, before or after."""

        def crowds(token: str, near: int) -> bool:
            return near >= NEIGHBOUR_LIMIT or (
                len(current.neighbours(token)) + near >= NEIGHBOUR_LIMIT
            )

        return crowds


def affected_rows(
    index: RowIndex, delta: ListingDelta, current: CandidateIndex, workers: int = 1
) -> npt.NDArray[np.int64]:
    """The rows of ``index`` whose ``screen-file`` result (with the portfolio's
    pinned weights) the listings of ``delta`` can change, sorted, when the
    candidate index after the change is ``current``."""
    change = Change.of(delta, current)
    return index.affected(change.involved, workers, change.crowded(current), change.flipped)
