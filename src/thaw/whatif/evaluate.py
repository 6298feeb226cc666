"""Evaluating a relief scenario on listings and parties.

:func:`evaluate` takes parties, each with the listings it currently has, and says
for every listing which programmes the scenario lifts and which remain. A listing
is lifted when nothing remains; a party is *cleared* when every one of its
listings is lifted, and *still listed* otherwise, by the authorities and
programmes that remain.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from thaw.catalogue import Listing, authority_of
from thaw.whatif.scenario import Scenario


@dataclass(slots=True)
class ListingOutcome:
    """What the scenario does to one listing."""

    listing: Listing
    lifted_programs: list[str]
    remaining_programs: list[str]

    @property
    def lifted(self) -> bool:
        """Whether every programme of the listing is lifted."""
        return not self.remaining_programs

    @property
    def affected(self) -> bool:
        """Whether at least one programme of the listing is lifted."""
        return bool(self.lifted_programs)

    def to_dict(self, remaining: bool) -> dict[str, Any]:
        """A JSON-ready dict; ``programs`` are the remaining programmes when
        ``remaining`` (a listing that stays), else the lifted ones."""
        item = self.listing
        data: dict[str, Any] = {
            "authority": item.authority,
            "source": item.source,
            "source_id": item.source_id,
            "caption": item.caption,
            "schema": item.schema,
            "programs": [
                p for p in (self.remaining_programs if remaining else self.lifted_programs) if p
            ],
        }
        if remaining and self.lifted_programs:
            data["lifted_programs"] = [p for p in self.lifted_programs if p]
        return data


@dataclass(slots=True)
class PartyOutcome:
    """What the scenario does to one party.

    ``context`` carries where the party came from (for a screening-results file:
    the row, the input id and name, the hit's name and score).
    """

    party_id: str
    caption: str
    listings: list[ListingOutcome]
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def cleared(self) -> bool:
        """Whether nothing remains: every listing is lifted."""
        return bool(self.listings) and all(o.lifted for o in self.listings)

    @property
    def affected(self) -> bool:
        """Whether the scenario lifts at least one programme of the party."""
        return any(o.affected for o in self.listings)

    @property
    def schema(self) -> str:
        """The most common schema of the party's listings."""
        counts = Counter(o.listing.schema for o in self.listings)
        return counts.most_common(1)[0][0] if counts else "LegalEntity"

    def remaining(self) -> list[ListingOutcome]:
        """The listings that stay."""
        return [o for o in self.listings if not o.lifted]

    def lifted(self) -> list[ListingOutcome]:
        """The listings that are lifted."""
        return [o for o in self.listings if o.lifted]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the listings that remain (``listings``) and those lifted."""
        data: dict[str, Any] = {
            "party": self.party_id,
            "caption": self.caption,
            "schema": self.schema,
        }
        data.update(self.context)
        if self.cleared:
            data["lifted"] = [o.to_dict(remaining=False) for o in self.listings]
        else:
            data["listings"] = [o.to_dict(remaining=True) for o in self.remaining()]
            data["lifted"] = [o.to_dict(remaining=False) for o in self.lifted()]
            data["authorities"] = sorted({o.listing.authority for o in self.remaining()})
        return data


def _bucket() -> dict[str, Counter[str]]:
    return {"by_authority": Counter(), "by_program": Counter(), "by_schema": Counter()}


@dataclass(slots=True)
class WhatIfResult:
    """The outcome of a scenario over a set of parties.

    ``parties`` holds every party evaluated; ``still_listed`` only those the
    scenario touches without clearing them. ``unaffected_shown`` says whether the
    parties the scenario does not touch are listed too, under ``unaffected`` (yes
    for a targeted question about one party or a results file, no for the whole
    store).
    ``not_listed`` names requested parties with no listing in force.
    """

    scenario: Scenario
    scope: str
    parties: list[PartyOutcome]
    unaffected_shown: bool = True
    not_listed: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)

    def cleared(self) -> list[PartyOutcome]:
        """Parties with nothing left."""
        return [p for p in self.parties if p.cleared]

    def still_listed(self) -> list[PartyOutcome]:
        """Parties the scenario touches that keep at least one listing."""
        return [p for p in self.parties if not p.cleared and p.affected]

    def unaffected(self) -> list[PartyOutcome]:
        """Parties the scenario does not touch at all (still listed as before)."""
        return [p for p in self.parties if not p.affected]

    def lifted_listings(self) -> list[ListingOutcome]:
        """Every lifted listing (a listing shared by several parties counts once)."""
        seen: dict[tuple[str, str], ListingOutcome] = {}
        for party in self.parties:
            for o in party.lifted():
                seen.setdefault((o.listing.source, o.listing.source_id), o)
        return list(seen.values())

    def counts(self) -> dict[str, Any]:
        """Counts of lifted listings and of the listings that remain in affected
        parties, by authority, programme (``authority:code``) and schema; party counts."""
        lifted, remaining = _bucket(), _bucket()
        seen: set[tuple[str, str]] = set()
        for party in self.parties:
            if not party.affected:
                continue
            for o in party.listings:
                key = (o.listing.source, o.listing.source_id)
                if key in seen:
                    continue
                seen.add(key)
                bucket = lifted if o.lifted else remaining
                codes = o.lifted_programs if o.lifted else o.remaining_programs
                bucket["by_authority"][o.listing.authority] += 1
                bucket["by_schema"][o.listing.schema] += 1
                for code in codes:
                    bucket["by_program"][f"{o.listing.authority}:{code or '(none)'}"] += 1
        cleared = self.cleared()
        affected = [p for p in self.parties if p.affected]
        return {
            "parties": {
                "evaluated": len(self.parties),
                "affected": len(affected),
                "cleared": len(cleared),
                "still_listed": len(affected) - len(cleared),
                "unaffected": len(self.parties) - len(affected),
                "cleared_by_schema": dict(Counter(p.schema for p in cleared).most_common()),
            },
            "listings_lifted": {k: dict(v.most_common()) for k, v in lifted.items()},
            "listings_remaining": {k: dict(v.most_common()) for k, v in remaining.items()},
        }

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``scenario``, ``scope``, ``counts``, ``cleared``,
        ``still_listed`` (and ``unaffected`` when shown, ``rows`` for a results
        file, ``not_listed`` if any). The counts agree with the arrays:
        ``counts.parties.still_listed == len(still_listed)``."""
        data: dict[str, Any] = {
            "scenario": self.scenario.describe(),
            "scope": self.scope,
            "counts": self.counts(),
            "cleared": [p.to_dict() for p in self.cleared()],
            "still_listed": [p.to_dict() for p in self.still_listed()],
        }
        if self.unaffected_shown:
            data["unaffected"] = [p.to_dict() for p in self.unaffected()]
        if self.rows:
            data["rows"] = self.rows
        if self.not_listed:
            data["not_listed"] = list(self.not_listed)
        return data


def evaluate_listing(scenario: Scenario, listing: Listing) -> ListingOutcome:
    """Split one listing's programmes into lifted and remaining."""
    lifted, remaining = scenario.split(
        authority_of(listing.source), listing.source, listing.programs
    )
    return ListingOutcome(listing, lifted, remaining)


def evaluate_party(
    scenario: Scenario,
    party_id: str,
    caption: str,
    listings: Iterable[Listing],
    context: dict[str, Any] | None = None,
) -> PartyOutcome:
    """Evaluate every listing of one party."""
    return PartyOutcome(
        party_id,
        caption,
        [evaluate_listing(scenario, item) for item in listings],
        dict(context or {}),
    )
