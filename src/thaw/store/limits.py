"""How much a real publication changes: the plausibility limits a load must pass.

A truncated download (cut at a row boundary, so that it still parses) or a corrupted
file that lost a few rows looks like a publication that removed listings. A
publication is refused, unless ``--force``, when it

* removes more listings than a real publication of its source does
  (:meth:`Plausibility.max_removed`),
* removes listings without its date moving forward (same date as the publication it
  replaces, different content),
* grows implausibly (a 1,000,000-record UN list; :meth:`Plausibility.max_records`).

The removal limit grows with the time between the two publications: removals add up.
It is derived from the 308 scraped versions of OFAC's sdn.csv (2021-08-18 to
2024-05-03, ``us_ofac/2021-08-18_to_2024-05-03`` in the shared data), comparing every
pair of versions:

=============  ===============================  ========================
gap            most listings removed (share)    allowed here
=============  ===============================  ========================
one scrape     150 of 9,158 (1.6 %)             4.0 % + 2
< 30 days      173 (1.9 %)                      4.4 %
< 120 days     383 of 9,135 (4.2 %, 105 days)   5.3 % (at 105 days)
< 1 year       468 (5.1 %)                      8.5 %
< 2.7 years    879 (9.7 %)                      16.1 %
=============  ===============================  ========================

so the limit is ``4 % + 4.5 % per year`` of the replaced publication's listings, plus
2: between 1.25 and 2.5 times the worst real case at every gap
(``tests/store/test_limits_realdata.py`` checks the versions against it), and
still below the truncated 2024-05-03 file of issue 17 (856 of 13,821 removed 127 days
after 2023-12-28; the limit there is 771). The other authorities' lists we hold
stay well inside it (UN 2025-04-19 → 2026-02-27: 4 of 877 removed; OFSI 2023-06-05 →
2025-04-14: 131 of 3,993). The largest real growth is 4.2 % in one scrape and 65 % over
2.7 years (9,083 → 14,965); growth beyond ``1.5 + 0.5 per year`` times the replaced
publication's size, plus 500, is refused.

``--max-drop FRACTION`` replaces the removal limit by the older flat rule (the record
count may fall by at most that fraction).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DAYS_PER_YEAR = 365.25


@dataclass(frozen=True, slots=True)
class Plausibility:
    """The limits of one source (see the module docs for how they were derived)."""

    removal_base: float = 0.04
    """Share of the replaced publication's listings any publication may remove."""
    removal_per_year: float = 0.045
    """Further share per year between the two publications."""
    removal_floor: int = 2
    """Removals always accepted (small lists)."""
    growth_base: float = 1.5
    """Largest accepted size, as a multiple of the replaced publication's."""
    growth_per_year: float = 0.5
    """Further multiple per year between the two publications."""
    growth_floor: int = 500
    """Listings any publication may add beyond the multiple."""
    max_records: int | None = 500_000
    """Most records a first publication of the source may hold (``None``: no limit)."""

    def max_removed(self, previous: int, days: float) -> int:
        """Most listings a publication ``days`` after one of ``previous`` listings may
        remove."""
        share = self.removal_base + self.removal_per_year * max(days, 0.0) / DAYS_PER_YEAR
        return int(previous * min(share, 1.0)) + self.removal_floor

    def max_count(self, previous: int, days: float) -> int:
        """Most records a publication ``days`` after one of ``previous`` may hold."""
        factor = self.growth_base + self.growth_per_year * max(days, 0.0) / DAYS_PER_YEAR
        return int(previous * factor) + self.growth_floor


DEFAULT = Plausibility()
LIMITS: dict[str, Plausibility] = {
    "un_sc": Plausibility(max_records=20_000),  # about 1,000 listings
    "us_bis_dpl": Plausibility(max_records=20_000),  # about 600
    "us_ofac_cons": Plausibility(max_records=20_000),  # about 450
    "us_ofac_sdn": Plausibility(max_records=200_000),  # about 15,000
    "ftm": Plausibility(max_records=None),  # any FollowTheMoney dataset
}
"""Per-source limits; a source not named here uses :data:`DEFAULT`."""


def limits_of(source: str) -> Plausibility:
    """The plausibility limits of ``source`` (an FtM dataset loaded under a name,
    ``ftm_NAME``, has those of ``ftm``)."""
    if source not in LIMITS and source.startswith("ftm_"):
        return LIMITS["ftm"]
    return LIMITS.get(source, DEFAULT)


def days_between(earlier: str, later: str) -> float:
    """Days from one publication date (``YYYY-MM-DD…``) to another; 0 if either is
    not a date."""
    try:
        a = dt.date.fromisoformat(earlier[:10])
        b = dt.date.fromisoformat(later[:10])
    except ValueError:
        return 0.0
    return float((b - a).days)
