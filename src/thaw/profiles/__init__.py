"""Profiles: one per real-world party, across all authorities.

A sanctioned party is usually listed by several authorities, each under its own
identifier, spelling and level of detail. :class:`Profiles` groups the listings of
the store's active publications into profiles, one per party, and keeps the
evidence for every link:

* explicit references (a UK, EU, Canadian or Australian listing quoting a UN
  reference number is the same party as that UN listing);
* shared identifiers (passport, national id, tax and registration numbers, IMO …);
* names together with birth dates and nationality (persons) or countries
  (organisations), confirmed by the screening matcher with stricter requirements
  than screening;
* analysts' decisions (``link`` / ``unlink``), recorded with who, when and why and
  applied on every build.

Usage::

    from thaw.profiles import Profiles
    profiles = Profiles(store)            # refreshes itself when lists changed
    p = profiles.profile_of("us_ofac_sdn", "34336")
    p.id, p.caption, p.listings           # stable id, display name, (source, id) pairs
    profiles.link("uk_ofsi:123", "au_dfat:456", who="ana", why="same passport, see file")
    profiles.refresh()                    # incremental; profiles.rebuild() for a full one

The linking itself is pure and usable without a database: :func:`link` over
:func:`features_of` of any records (:mod:`thaw.profiles.linker`).
"""

from __future__ import annotations

from thaw.profiles.evidence import Edge
from thaw.profiles.features import Features, features_of
from thaw.profiles.linker import Decision, Linkage, link
from thaw.profiles.model import Detail, LinkEvidence, Listing, Profile, authority
from thaw.profiles.service import ProfileError, Profiles, RefreshResult, parse_key

__all__ = [
    "Decision",
    "Detail",
    "Edge",
    "Features",
    "LinkEvidence",
    "Linkage",
    "Listing",
    "Profile",
    "ProfileError",
    "Profiles",
    "RefreshResult",
    "authority",
    "features_of",
    "link",
    "parse_key",
]
