"""Parties: the unit that history and relief analysis reason about.

A *party* is a person, organisation, vessel or aircraft as one or several
authorities list it: a cross-authority profile of :mod:`thaw.profiles`
(``Profiles(store).profile_of(source, source_id)``), or, with ``use_profiles=False``
and for a listing that belongs to no profile (one no longer in force, say), one
listing on its own with the id ``source:source_id``. :class:`Parties` hides the
difference from the history and what-if code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from thaw.profiles import Profile, Profiles
from thaw.store import Store
from thaw.store.profiles import ProfileTables
from thaw.store.queries import (
    caption_at,
    captions_at,
    listing_exists,
    present_source_ids,
)


@dataclass(frozen=True, slots=True)
class Party:
    """One party: its id, display name and listings ``(source, source_id)``.

    ``profile`` is ``True`` for a cross-authority profile, ``False`` for a listing
    standing on its own. ``retired`` lists former members of a profile that are no
    longer in force (their history still belongs to the party).
    """

    id: str
    caption: str
    listings: tuple[tuple[str, str], ...]
    profile: bool = False
    retired: tuple[tuple[str, str], ...] = ()


class Parties:
    """Look up parties in a store: by listing, by id, or all active ones.

    ``use_profiles=False`` treats every listing as its own party (no profile build
    is triggered then). With profiles, the first lookup refreshes them if the
    active publications changed since they were built.
    """

    def __init__(self, store: Store, use_profiles: bool = True) -> None:
        self.store = store
        self._profiles = Profiles(store) if use_profiles else None

    @property
    def profiles(self) -> bool:
        """Whether cross-authority profiles are in use."""
        return self._profiles is not None

    def _from_profile(self, profile: Profile) -> Party:
        listings = tuple((str(s), str(i)) for s, i in profile.listings)
        return Party(
            str(profile.id), str(profile.caption), listings, True, self._retired(profile.id)
        )

    def _retired(self, profile_id: str) -> tuple[tuple[str, str], ...]:
        """Former members of a profile (listings that left the active publications)."""
        return tuple(ProfileTables(self.store).retired_members(profile_id))

    def caption(self, source: str, source_id: str) -> str:
        """The listing's caption in the newest publication holding it (else its id)."""
        caption = caption_at(self.store, source, source_id)
        return source_id if caption is None else caption

    def single(self, source: str, source_id: str) -> Party:
        """The listing as a party of its own."""
        caption = self.caption(source, source_id)
        return Party(f"{source}:{source_id}", caption, ((source, source_id),))

    def of(self, source: str, source_id: str) -> Party:
        """The party a listing belongs to: its profile (for a listing no longer in
        force, the profile it was last in), else the listing alone."""
        if self._profiles is not None:
            profile = self._profiles.profile_of(source, source_id, details=False)
            if profile is None:
                profile = self._profiles.retired_profile_of(source, source_id)
            if profile is not None:
                return self._from_profile(profile)
        return self.single(source, source_id)

    def get(self, party_id: str) -> Party | None:
        """A party by profile id or by ``source:source_id`` (``None`` if unknown)."""
        source, sep, source_id = party_id.partition(":")
        if sep and source_id:
            if listing_exists(self.store, source, source_id):
                return self.of(source, source_id)
            return None
        if self._profiles is not None:
            profile = self._profiles.get(party_id, details=False)
            if profile is not None:
                return self._from_profile(profile)
        return None

    def active_keys(self) -> list[tuple[str, str]]:
        """``(source, source_id)`` of every listing in the active publications."""
        keys: list[tuple[str, str]] = []
        for src, pub in sorted(self.store.active_publications().items()):
            keys += [
                (src, str(sid)) for sid in sorted(present_source_ids(self.store, src, pub.seq))
            ]
        return keys

    def all(self) -> Iterator[Party]:
        """Every party with at least one listing in the active publications: the
        profiles (two queries for all of them), then any active listing that belongs
        to no profile."""
        active = self.active_keys()
        captions = self._active_captions()
        covered: set[tuple[str, str]] = set()
        if self._profiles is not None:
            members: dict[str, list[tuple[str, str]]] = {}
            for key, pid in self._profiles.memberships().items():
                members.setdefault(pid, []).append(key)
            for pid, caption, _schema, _size, _sources in self._profiles.summary():
                keys = sorted(members.get(pid, ()))
                if keys:
                    covered.update(keys)
                    yield Party(pid, caption, tuple(keys), True)
        for key in active:
            if key not in covered:
                yield Party(f"{key[0]}:{key[1]}", captions.get(key, key[1]), (key,))

    def _active_captions(self) -> dict[tuple[str, str], str]:
        out: dict[tuple[str, str], str] = {}
        for src, pub in self.store.active_publications().items():
            for sid, caption in captions_at(self.store, src, pub.seq):
                out[(src, sid)] = caption
        return out
