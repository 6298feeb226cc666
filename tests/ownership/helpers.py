"""Build small ownership graphs for tests from a compact description."""

from __future__ import annotations

from typing import Any

from thaw.ownership.graph import OwnershipGraph, build_graph
from thaw.ownership.model import ListingRef, Resolution
from thaw.sources.ownership import OwnershipLink, PartyRef

SOURCE_OF = {"us": "us_ofac_sdn", "eu": "eu_fsf", "uk": "uk_ofsi"}
AS_OF = "2026-06-01"


def listings_for(name: str, authorities: list[str]) -> tuple[ListingRef, ...]:
    """One listing per authority for the party ``name``, programme ``P-<name>``."""
    return tuple(ListingRef(SOURCE_OF[a], f"{name}-{a}", name, (f"P-{name}",)) for a in authorities)


def make_graph(
    links: list[dict[str, Any]], listed: dict[str, list[str]], as_of: str = AS_OF
) -> OwnershipGraph:
    """A graph from case links (``o``, ``a``, ``pct`` or ``"?"``, ``max``, ``excl``,
    ``kind``, ``start``, ``end``, ``src``, ``role``) with ``listed`` parties resolved."""
    out: list[tuple[str, OwnershipLink]] = []
    for i, item in enumerate(links):
        pct = item.get("pct")
        low = None if pct in (None, "?") else float(pct)
        high = float(item["max"]) if "max" in item else low
        out.append(
            (
                "cases",
                OwnershipLink(
                    link_id=f"l{i}",
                    owner=PartyRef(f"t:{item['o']}", item["o"]),
                    asset=PartyRef(f"t:{item['a']}", item["a"]),
                    kind=item.get("kind", "ownership"),
                    share_min=low,
                    share_max=high,
                    min_exclusive=bool(item.get("excl", False)),
                    start=item.get("start"),
                    end=item.get("end"),
                    origin=item.get("src"),
                    role=item.get("role"),
                ),
            )
        )

    def resolver(refs: list[PartyRef]) -> Resolution | None:
        for ref in refs:
            name = ref.key[2:]
            if name in listed:
                return Resolution(
                    name, "identifier", f"test party {name}", 1.0, listings_for(name, listed[name])
                )
        return None

    return build_graph(out, as_of, resolver)
