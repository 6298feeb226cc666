"""The value objects of ownership analysis: listings behind a party and how a party
of the ownership data was found to be that listed party."""

from __future__ import annotations

from dataclasses import dataclass

from thaw.catalogue import ListingKey


@dataclass(frozen=True, slots=True)
class ListingRef(ListingKey):
    """One listing in force behind a party: where, under which programmes, since
    when (its ``key`` and ``authority`` as :class:`~thaw.catalogue.ListingKey`'s)."""

    source: str
    source_id: str
    caption: str
    programs: tuple[str, ...] = ()
    listed_on: str | None = None

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict."""
        return {
            "source": self.source,
            "source_id": self.source_id,
            "caption": self.caption,
            "programs": list(self.programs),
            "listed_on": self.listed_on,
        }


@dataclass(frozen=True, slots=True)
class Resolution:
    """How a party of the ownership data was resolved to a listed party.

    ``method`` is ``identifier`` (a shared LEI, INN, OGRN or registration number:
    conclusive) or ``name`` (name and country, scored by thaw's matcher);
    ``evidence`` says it in words; ``party_id`` is the profile id (or the listing key
    of a listing in no profile); ``listings`` are every listing in force of that
    party.
    """

    party_id: str
    method: str
    evidence: str
    score: float
    listings: tuple[ListingRef, ...]

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict."""
        return {
            "party": self.party_id,
            "method": self.method,
            "evidence": self.evidence,
            "score": self.score,
            "listings": [item.to_dict() for item in self.listings],
        }
