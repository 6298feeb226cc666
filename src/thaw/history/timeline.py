"""Timelines: when a listing was first listed, amended, delisted and re-listed.

A listing's spans (:meth:`thaw.store.Store.spans`) give its whole history in the
publications held: a span that starts right after the previous one ended is an
amendment, a gap means the listing was delisted and later re-listed. Each event is
dated by the first publication that shows it; ``previous`` is the publication just
before, so the change happened between the two (the store knows only what it was
given: with sparse snapshots the interval can be long). The authority's own
listing date (``listed_on``) is kept beside the observed dates.

A party's timeline (:func:`party_timeline`) gathers the timelines of all its
listings and orders the events per authority.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from thaw.catalogue import authority_of
from thaw.history.fields import FieldChange, record_changes
from thaw.history.parties import Party
from thaw.store import PublicationRow, Store


@dataclass(slots=True)
class Event:
    """One event in a listing's history.

    ``kind`` is ``listed``, ``amended``, ``delisted`` or ``relisted``; ``date`` is the
    publication that first shows it and ``previous`` the one before (``None`` for a
    listing present in the earliest publication held, which ``note`` then says).
    """

    kind: str
    source: str
    source_id: str
    date: str
    previous: str | None
    caption: str
    programs: list[str] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)
    listed_on: str | None = None
    note: str | None = None

    @property
    def authority(self) -> str:
        """The authority key of the event's source."""
        return authority_of(self.source)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        data: dict[str, Any] = {
            "event": self.kind,
            "authority": self.authority,
            "source": self.source,
            "source_id": self.source_id,
            "date": self.date,
            "previous": self.previous,
            "caption": self.caption,
            "programs": list(self.programs),
        }
        if self.changes:
            data["changes"] = [c.to_dict() for c in self.changes]
        if self.listed_on:
            data["listed_on"] = self.listed_on
        if self.note:
            data["note"] = self.note
        return data


@dataclass(slots=True)
class ListingTimeline:
    """The events of one listing; ``current`` says whether it is in the active
    publication of its source."""

    source: str
    source_id: str
    caption: str
    events: list[Event]
    current: bool

    @property
    def authority(self) -> str:
        """The authority key of the listing's source."""
        return authority_of(self.source)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "source": self.source,
            "source_id": self.source_id,
            "authority": self.authority,
            "caption": self.caption,
            "current": self.current,
            "events": [e.to_dict() for e in self.events],
        }


@dataclass(slots=True)
class Timeline:
    """A party's history: the timelines of its listings, grouped by authority."""

    party_id: str
    caption: str
    listings: list[ListingTimeline]

    def by_authority(self) -> dict[str, list[Event]]:
        """Every event per authority, in date order."""
        out: dict[str, list[Event]] = defaultdict(list)
        for listing in self.listings:
            out[listing.authority].extend(listing.events)
        for events in out.values():
            events.sort(key=lambda e: (e.date, e.source, e.source_id))
        return dict(sorted(out.items()))

    def status(self) -> dict[str, dict[str, Any]]:
        """Per authority: first observed listing, number of amendments, delistings and
        re-listings, and whether any of its listings is current."""
        out: dict[str, dict[str, Any]] = {}
        for authority, events in self.by_authority().items():
            listed = [e for e in events if e.kind == "listed"]
            out[authority] = {
                "first_listed": listed[0].date if listed else None,
                "listed_on": min((e.listed_on for e in listed if e.listed_on), default=None),
                "amended": sum(e.kind == "amended" for e in events),
                "delisted": sum(e.kind == "delisted" for e in events),
                "relisted": sum(e.kind == "relisted" for e in events),
                "current": any(t.current for t in self.listings if t.authority == authority),
            }
        return out

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "party": self.party_id,
            "caption": self.caption,
            "status": self.status(),
            "listings": [t.to_dict() for t in self.listings],
        }


def listing_timeline(store: Store, source: str, source_id: str) -> ListingTimeline | None:
    """The timeline of one listing, or ``None`` if the store never held it."""
    spans = store.spans(source, source_id)
    if not spans:
        return None
    pubs: dict[int, PublicationRow] = {p.seq: p for p in store.publications(source)}
    active = store.active_publications().get(source)

    def date(seq: int) -> str:
        return pubs[seq].published

    def before(seq: int) -> str | None:
        return pubs[seq - 1].published if seq - 1 in pubs else None

    events: list[Event] = []
    for i, (first, last, _hash, record) in enumerate(spans):
        caption, programs = record.caption, list(record.programs)
        if i == 0:
            note = "present in the earliest publication held" if first == min(pubs) else None
            events.append(
                Event(
                    "listed",
                    source,
                    source_id,
                    date(first),
                    before(first),
                    caption,
                    programs,
                    listed_on=record.listed_on,
                    note=note,
                )
            )
        else:
            prev_last, prev_record = spans[i - 1][1], spans[i - 1][3]
            kind = "amended" if prev_last is not None and first == prev_last + 1 else "relisted"
            events.append(
                Event(
                    kind,
                    source,
                    source_id,
                    date(first),
                    before(first),
                    caption,
                    programs,
                    record_changes(prev_record, record),
                    listed_on=record.listed_on if kind == "relisted" else None,
                )
            )
        following = spans[i + 1][0] if i + 1 < len(spans) else None
        if last is not None and following != last + 1 and last + 1 in pubs:
            events.append(
                Event("delisted", source, source_id, date(last + 1), date(last), caption, programs)
            )
    current = active is not None and any(
        f <= active.seq and (la is None or la >= active.seq) for f, la, _h, _r in spans
    )
    return ListingTimeline(source, source_id, spans[-1][3].caption, events, current)


def party_timeline(store: Store, party: Party) -> Timeline:
    """The timeline of a party (a profile, or one listing on its own), including
    former members of a profile that are no longer in force."""
    keys = list(dict.fromkeys(party.listings + party.retired))
    listings = [t for src, sid in keys if (t := listing_timeline(store, src, sid)) is not None]
    return Timeline(party.id, party.caption, listings)
