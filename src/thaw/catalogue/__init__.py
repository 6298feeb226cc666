"""The programme catalogue: every authority's programmes and regimes, what they
target, and how many listings each holds in the active publications.

:func:`classify` maps an authority's programme code to a :class:`Programme`
(label, targeted country, theme keys) from a small data table plus rules for codes
the table does not know; :func:`build` counts the active listings per programme and
schema. Relief scenarios (:mod:`thaw.whatif`) select programmes through this
vocabulary: ``us:RUSSIA-EO14024`` (one code), ``us:russia`` (a theme), ``us:*``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from thaw.catalogue.listings import (
    Listing,
    ListingKey,
    active_listing,
    active_listings,
    listings_at,
)
from thaw.catalogue.programs import (
    AUTHORITIES,
    LIST_CODE,
    NO_PROGRAM,
    SOURCE_AUTHORITY,
    Programme,
    authority_of,
    classify,
    known_programmes,
    matches_theme,
    normalise_code,
    themes,
)
from thaw.store import Store

__all__ = [
    "AUTHORITIES",
    "LIST_CODE",
    "NO_PROGRAM",
    "SOURCE_AUTHORITY",
    "CatalogueEntry",
    "Listing",
    "ListingKey",
    "Programme",
    "active_listing",
    "active_listings",
    "authority_of",
    "build",
    "classify",
    "known_programmes",
    "listing_programmes",
    "listings_at",
    "matches_theme",
    "normalise_code",
    "themes",
]


@dataclass(slots=True)
class CatalogueEntry:
    """One programme of one authority with its listing counts in the active data.

    ``sources`` counts listings per source (one authority may publish several lists:
    the OFAC SDN list and the Consolidated Screening List both carry
    ``RUSSIA-EO14024``); ``by_schema`` counts them per schema over all its sources.
    """

    programme: Programme
    sources: dict[str, int] = field(default_factory=dict)
    by_schema: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Listings under this programme, over all sources of the authority."""
        return sum(self.sources.values())

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict."""
        p = self.programme
        return {
            "authority": p.authority,
            "code": p.code,
            "label": p.label,
            "country": p.country,
            "themes": list(p.themes),
            "known": p.known,
            "listings": self.total,
            "sources": dict(self.sources),
            "by_schema": dict(self.by_schema),
        }


def listing_programmes(listing: Listing) -> tuple[str, ...]:
    """The programme codes of a listing; ``("",)`` (:data:`NO_PROGRAM`) when it names none."""
    return listing.programs or (NO_PROGRAM,)


def build(store: Store, source: str | None = None) -> list[CatalogueEntry]:
    """The catalogue of the active publications (of one source), sorted by authority
    and then by descending listing count.

    Codes that differ only in case, dashes or spacing are one programme; the
    spelling used most often is shown.
    """
    spellings: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    per_source: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    per_schema: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for listing in active_listings(store, source):
        authority = listing.authority
        for code in listing_programmes(listing):
            key = (authority, normalise_code(code))
            spellings[key][" ".join(code.split())] += 1
            per_source[key][listing.source] += 1
            per_schema[key][listing.schema] += 1
    entries = [
        CatalogueEntry(
            classify(key[0], spellings[key].most_common(1)[0][0]),
            dict(per_source[key].most_common()),
            dict(per_schema[key].most_common()),
        )
        for key in spellings
    ]
    entries.sort(key=lambda e: (e.programme.authority, -e.total, e.programme.code))
    return entries
