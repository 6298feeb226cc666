"""Light views of stored listings: what the catalogue, history and what-if need
(source, id, schema, caption, programmes) without building full records."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from thaw.catalogue.programs import authority_of
from thaw.store import PublicationRow, Store
from thaw.store.queries import listing_version_at, records_with_meta_at


class ListingKey:
    """What any value naming a listing by ``source`` and ``source_id`` derives from
    them: the listing's :attr:`key` and the :attr:`authority` behind its source
    (a mixin of :class:`Listing` and :class:`thaw.ownership.model.ListingRef`)."""

    __slots__ = ()
    source: str
    source_id: str

    @property
    def authority(self) -> str:
        """The authority key (``us``, ``eu``, ``uk`` …) of the listing's source."""
        return authority_of(self.source)

    @property
    def key(self) -> str:
        """``source:source_id``."""
        return f"{self.source}:{self.source_id}"


@dataclass(frozen=True, slots=True)
class Listing(ListingKey):
    """One listing of one publication, reduced to what relief analysis uses."""

    source: str
    source_id: str
    schema: str
    caption: str
    programs: tuple[str, ...]
    listed_on: str | None = None


def listing_from_blob(
    source: str, source_id: str, schema: str, caption: str, blob: bytes
) -> Listing:
    """A :class:`Listing` from a stored version (zlib-compressed canonical JSON)."""
    data = json.loads(zlib.decompress(blob))
    programs = tuple(dict.fromkeys(str(p) for p in data.get("programs", ()) if p))
    return Listing(source, source_id, schema, caption, programs, data.get("listed_on"))


def listings_at(store: Store, publication: PublicationRow) -> Iterator[Listing]:
    """The listings of one publication, ordered by source id."""
    src = publication.source
    for sid, schema, caption, blob in records_with_meta_at(store, src, publication.seq):
        yield listing_from_blob(src, sid, schema, caption, blob)


def active_listings(store: Store, source: str | None = None) -> Iterator[Listing]:
    """The listings of the active publication of every source (or of one)."""
    for src, pub in sorted(store.active_publications().items()):
        if source is None or src == source:
            yield from listings_at(store, pub)


def active_listing(store: Store, source: str, source_id: str) -> Listing | None:
    """One listing of the active publication of ``source``, or ``None``."""
    pub = store.active_publications().get(source)
    if pub is None:
        return None
    row = listing_version_at(store, source, source_id, pub.seq)
    if row is None:
        return None
    return listing_from_blob(source, source_id, *row)
