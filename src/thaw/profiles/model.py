"""The profile types handed to callers: :class:`Profile`, :class:`Listing`,
:class:`Detail` and :class:`LinkEvidence`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

AUTHORITIES: dict[str, str] = {
    "un_sc": "UN Security Council",
    "us_ofac_sdn": "US OFAC (SDN list)",
    "us_ofac_cons": "US OFAC (consolidated non-SDN lists)",
    "us_trade_csl": "US Consolidated Screening List",
    "us_bis_dpl": "US BIS (Denied Persons List)",
    "uk_ofsi": "UK HM Treasury (OFSI)",
    "uk_fcdo": "UK FCDO (UK Sanctions List)",
    "eu_fsf": "European Union (FSF)",
    "ca_sema": "Canada (SEMA/JVCFOA)",
    "au_dfat": "Australia DFAT",
}
"""Display names of the authorities behind the source names (others show as is)."""


def authority(source: str) -> str:
    """The authority's display name for a source name."""
    return AUTHORITIES.get(source, source)


@dataclass(frozen=True, slots=True)
class Listing:
    """One listing of a profile: which authority lists the party, under which
    programmes, since when, and under which name."""

    source: str
    source_id: str
    schema: str
    caption: str
    programs: tuple[str, ...] = ()
    listed_on: str | None = None

    @property
    def key(self) -> str:
        """``source:source_id``."""
        return f"{self.source}:{self.source_id}"

    @property
    def authority(self) -> str:
        """The authority's display name."""
        return authority(self.source)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "source_id": self.source_id,
            "authority": self.authority,
            "schema": self.schema,
            "caption": self.caption,
            "programs": list(self.programs),
            "listed_on": self.listed_on,
        }


@dataclass(frozen=True, slots=True)
class Detail:
    """One published fact about the party and the listing that published it.

    ``field`` is ``name`` (``qualifier`` = its kind), ``birth_date``
    (``qualifier`` ``circa`` for a year the list publishes as an estimate,
    :attr:`thaw.model.Record.birth_estimates`), ``birth_place``, ``nationality``,
    ``citizenship``, ``country``, ``gender``,
    ``title``, ``position``, ``identifier`` (``qualifier`` = its kind, value
    ``NUMBER`` or ``NUMBER (CC)``), ``address`` or ``remark``.
    """

    field: str
    value: str
    source: str
    source_id: str
    qualifier: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "field": self.field,
            "value": self.value,
            "source": self.source,
            "source_id": self.source_id,
        }
        if self.qualifier:
            data["qualifier"] = self.qualifier
        return data


@dataclass(frozen=True, slots=True)
class LinkEvidence:
    """Why two listings are (or are not) in one profile.

    ``kind`` is the evidence type (``analyst``, ``un_reference``, ``reference``,
    ``shared_reference``, ``listed_rows``, ``identifier``, ``name_dob``,
    ``name_country``, ``name_distinctive`` …), ``status`` ``applied`` or ``refused`` (with
    ``reason``), ``evidence`` the detail (names compared, identifiers shared,
    birth-date agreement, the matcher's score, analyst, reason …).
    """

    a: str
    b: str
    kind: str
    strength: float
    status: str
    evidence: dict[str, Any] = field(default_factory=dict)
    reason: str | None = None
    summary: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "a": self.a,
            "b": self.b,
            "kind": self.kind,
            "strength": self.strength,
            "status": self.status,
            "summary": self.summary,
            "evidence": self.evidence,
        }
        if self.reason:
            data["reason"] = self.reason
        return data


@dataclass(slots=True)
class Profile:
    """One real-world party across all authorities.

    ``id`` is stable across reloads while the membership stays (largely) the same;
    ``listings`` are the member ``(source, source_id)`` pairs, sorted; ``members``
    the same with programmes and listing dates; ``links`` the evidence that holds
    the members together (and refused links touching them); ``details`` the union
    of the published facts, each traceable to its listing (filled by
    :meth:`thaw.profiles.Profiles.get` unless details were not asked for).
    """

    id: str
    caption: str
    schema: str
    listings: list[tuple[str, str]]
    members: list[Listing] = field(default_factory=list)
    links: list[LinkEvidence] = field(default_factory=list)
    details: list[Detail] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        """The distinct authorities (source names) listing the party, sorted."""
        return sorted({s for s, _ in self.listings})

    @property
    def keys(self) -> list[str]:
        """Member keys ``source:source_id``."""
        return [f"{s}:{i}" for s, i in self.listings]

    def values(self, name: str) -> list[str]:
        """Distinct values of one detail field, in first-seen order."""
        return list(dict.fromkeys(d.value for d in self.details if d.field == name))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``thaw profile ID --json``)."""
        return {
            "id": self.id,
            "caption": self.caption,
            "schema": self.schema,
            "sources": self.sources,
            "listings": [m.to_dict() for m in self.members],
            "links": [link.to_dict() for link in self.links],
            "details": [d.to_dict() for d in self.details],
        }
