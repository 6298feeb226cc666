"""Resolving the parties of ownership data to the listings of the official lists.

A party of a shareholder register is not a listing: it has to be *found* among the
listings, and the answer has to say how. :class:`IndexResolver` tries, for the
references of one party (the same party may be named by several publications):

1. **Identifiers first.** Each LEI, tax number (INN), registration number (OGRN,
   a Companies House number …) of at least six characters is looked up in the
   screening index's identifier postings; a listing carrying the same number
   (normalised: upper case, letters and digits only) is the party. Evidence:
   ``"INN 1841015504 = tax_id on us_ofac_sdn:12345 (LLC CST)"``.
2. **Then name and country.** The party's name is screened with thaw's matcher
   (the same features as ``thaw screen``); the best listing scoring at least
   :data:`NAME_THRESHOLD` is accepted when the countries agree (or one side has
   none) and the identifiers do not contradict it (both sides carry registry
   numbers and none is shared: a namesake). Evidence: the score and the matcher's
   explanation.

A listing found either way brings its whole cross-authority profile: every listing
in force of the same party, so that a company owned by a party found through its
OFAC listing is also seen as owned by that party's UK designation.
"""

from __future__ import annotations

from collections.abc import Mapping

from thaw.index import CandidateIndex, Entry
from thaw.index.entry import normalize_id
from thaw.match import Query
from thaw.ownership.model import ListingRef, Resolution
from thaw.screen import Screener
from thaw.sources.ownership import PartyRef

NAME_THRESHOLD = 0.9
"""Least matcher score for a resolution by name (stricter than screening's)."""
MIN_ID_LENGTH = 6
ID_LABELS = {"inn": "INN", "ogrn": "OGRN", "lei": "LEI", "tax_id": "tax number"}


STRONG_KINDS = frozenset({"lei", "inn", "ogrn", "registration", "tax_id"})
"""Identifier kinds of ownership data that must not contradict a name match."""
LISTING_KINDS = frozenset({"lei", "registration", "tax_id"})


def _ids_conflict(ref: PartyRef, entries: list[Entry]) -> bool:
    """Whether ``ref`` and a listed party (its listings ``entries``) both carry
    registry identifiers and share none: two companies of the same name in the same
    country (the Izhevsk and the Perm "LLC CST") are then different parties."""
    mine = {normalize_id(n) for k, n in ref.identifiers if k in STRONG_KINDS}
    theirs = {i.number for e in entries for i in e.identifiers if i.kind in LISTING_KINDS}
    return bool(mine and theirs and not mine & theirs)


NAMES_TRIED = 4
"""Names of a party screened for a resolution by name: its name and first aliases."""


def _names(ref: PartyRef) -> list[str]:
    names = [ref.name] if ref.name else []
    return list(dict.fromkeys(names + list(ref.aliases)))[:NAMES_TRIED]


class IndexResolver:
    """Resolve parties against a screening index (see the module docs).

    ``profile_of`` maps ``(source, source_id)`` to a profile id (from
    :meth:`thaw.profiles.Profiles.memberships`); without it each listing stands alone.
    """

    def __init__(
        self,
        index: CandidateIndex,
        profile_of: Mapping[tuple[str, str], str] | None = None,
        threshold: float = NAME_THRESHOLD,
    ) -> None:
        self.index = index
        self.profile_of = dict(profile_of or {})
        self.members: dict[str, list[tuple[str, str]]] = {}
        for listing, pid in self.profile_of.items():
            self.members.setdefault(pid, []).append(listing)
        self.threshold = threshold
        self.screener = Screener(index=index)

    def _entry(self, key: str) -> Entry | None:
        position = self.index.position(key)
        return self.index.entry(position) if position is not None else None

    def party(self, entry: Entry) -> tuple[str, tuple[ListingRef, ...]]:
        """The party (profile id, else listing key) of a listing and its listings."""
        pid = self.profile_of.get((entry.source, entry.source_id))
        keys = sorted(self.members.get(pid, [])) if pid else []
        refs: list[ListingRef] = []
        for source, source_id in keys or [(entry.source, entry.source_id)]:
            found = self._entry(f"{source}:{source_id}")
            if found is not None:
                refs.append(
                    ListingRef(
                        found.source,
                        found.source_id,
                        found.caption,
                        tuple(found.programs),
                        found.listed_on,
                    )
                )
        return pid or entry.key, tuple(refs)

    def by_identifier(self, refs: list[PartyRef]) -> Resolution | None:
        """The listed party sharing an identifier with ``refs``, if any."""
        for ref in refs:
            for kind, number in ref.identifiers:
                norm = normalize_id(number)
                if len(norm) < MIN_ID_LENGTH:
                    continue
                found = self.index.candidates(ref.name or number, id_numbers=[number], limit=20)
                for candidate in found:
                    entry = self.index.entry(candidate.position)
                    same = [i for i in entry.identifiers if i.number == norm]
                    if not same:
                        continue
                    party_id, listings = self.party(entry)
                    label = ID_LABELS.get(kind, kind)
                    evidence = (
                        f"{label} {number} of {ref.name or ref.key} = {same[0].kind} on "
                        f"{entry.key} ({entry.caption})"
                    )
                    return Resolution(party_id, "identifier", evidence, 1.0, listings)
        return None

    def by_name(self, refs: list[PartyRef]) -> Resolution | None:
        """The best listed party matching a name of ``refs`` with agreeing countries."""
        best: tuple[float, Resolution] | None = None
        for ref, name in ((r, n) for r in refs for n in _names(r)):
            schema = ref.schema if ref.schema in ("Person", "Organization") else None
            query = Query(
                name=name,
                schema=schema,
                countries=(ref.country,) if ref.country else (),
            )
            result = self.screener.screen_query(query, threshold=self.threshold, limit=3)
            for hit in result.hits:
                listing = hit.listings[0]
                entry = self._entry(f"{listing.source}:{listing.source_id}")
                if entry is None:
                    continue
                if ref.country and entry.countries and ref.country not in entry.countries:
                    continue
                if best is not None and hit.score <= best[0]:
                    continue
                party_id, listings = self.party(entry)
                members = [x for x in (self._entry(item.key) for item in listings) if x]
                if _ids_conflict(ref, members or [entry]):
                    continue
                country = (
                    f"country {ref.country} agrees"
                    if ref.country and entry.countries
                    else "no country to compare"
                )
                evidence = (
                    f"name {name!r} ~ {hit.matched_name!r} on {entry.key}, score "
                    f"{hit.score:.2f}, {country} ({hit.explanation})"
                )
                best = (hit.score, Resolution(party_id, "name", evidence, hit.score, listings))
        return best[1] if best else None

    def __call__(self, refs: list[PartyRef]) -> Resolution | None:
        """Identifier first, then name and country (see the module docs)."""
        return self.by_identifier(refs) or self.by_name(refs)
