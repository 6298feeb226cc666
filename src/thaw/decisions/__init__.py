"""Analysts' decisions applied to screening hits.

An alert is one customer (or query id) against one target: a listing
(``source:source_id``) or a party profile. A ``false_positive`` decision
suppresses the same alert in later screenings of that customer, but only while
neither side changed: the decision stores a *listing fingerprint* (the target's
names, birth dates and identifiers) and a *customer fingerprint* (what was
screened). When the listing is amended or the customer's data changes, the alert
comes back, marked ``reopened``. A ``true_match`` decision never hides an alert;
the hit carries it.

The decisions themselves are stored by :mod:`thaw.store.state`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from thaw.index import CandidateIndex, Entry, entry_from_record
from thaw.match import Query
from thaw.profiles import Profiles
from thaw.store import Store
from thaw.store.state import Decision, Decisions


def query_fingerprint(query: Query) -> str:
    """The customer fingerprint of a screened name and what came with it (the same
    whether the name came through the API or a file)."""
    return customer_fingerprint(
        {
            "name": query.name,
            "schema": query.schema,
            "birth_date": query.birth_date,
            "countries": list(query.countries),
            "id_numbers": list(query.id_numbers),
        }
    )


def listing_fingerprint(entries: Iterable[Entry]) -> str:
    """A digest of what identifies listed parties: every published name, birth date
    and identifier of these listings (in a stable order)."""
    parts = []
    for entry in sorted(entries, key=lambda e: e.key):
        parts.append(
            [
                entry.key,
                sorted({source for _, source in entry.names}),
                sorted(entry.birth_dates),
                sorted(f"{i.kind}:{i.number}:{i.country or ''}" for i in entry.identifiers),
            ]
        )
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:32]


def customer_fingerprint(data: Mapping[str, Any]) -> str:
    """A digest of a customer's data as screened (any JSON-ready mapping; keys and
    list order do not matter, whitespace and case of values do not either)."""

    def norm(value: Any) -> Any:
        if isinstance(value, Mapping):
            return {str(k): norm(v) for k, v in sorted(value.items()) if v not in (None, "", [])}
        if isinstance(value, list | tuple | set):
            return sorted(json.dumps(norm(v), sort_keys=True) for v in value)
        return " ".join(str(value).split()).casefold()

    return hashlib.sha256(
        json.dumps(norm(data), sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Applied:
    """What a decision does to one hit: ``suppressed`` (not reported),
    ``reopened`` (a false positive whose listing or customer changed) or
    ``true_match``; ``decision`` is the one applied."""

    outcome: str
    decision: Decision


def apply(
    decisions: Mapping[str, Decision],
    target_ids: Iterable[str],
    listing_fp: str | None,
    customer_fp: str | None,
) -> Applied | None:
    """The effect of a customer's ``decisions`` (target id → current decision) on a
    hit known by ``target_ids`` (its profile id and listing ids), given the hit's
    current listing fingerprint and the customer's current fingerprint."""
    for target in target_ids:
        decision = decisions.get(target)
        if decision is None:
            continue
        if decision.verdict == "true_match":
            return Applied("true_match", decision)
        listing_same = decision.listing_fingerprint in (None, listing_fp)
        customer_same = decision.customer_fingerprint in (None, customer_fp)
        if listing_same and customer_same:
            return Applied("suppressed", decision)
        return Applied("reopened", decision)
    return None


def target_listings(store: Store, target_id: str) -> list[tuple[str, str]]:
    """The active listings a decision's target stands for: a profile's members (a
    listing of a profile stands for the whole profile), or the listing alone."""
    profiles = Profiles(store)
    profile = profiles.resolve(target_id)
    if profile is not None:
        return sorted((str(s), str(i)) for s, i in profile.listings)
    source, sep, source_id = target_id.partition(":")
    if sep and store.get(source, source_id) is not None:
        return [(source, source_id)]
    return []


def target_fingerprint(store: Store, target_id: str) -> str | None:
    """The listing fingerprint of a decision's target as the store holds it now, or
    ``None`` if the target is in no active list. Equal to the fingerprint the
    service computes from its index for the same party."""
    entries = []
    for source, source_id in target_listings(store, target_id):
        record = store.get(source, source_id)
        if record is not None:
            entries.append(entry_from_record(record))
    return listing_fingerprint(entries) if entries else None


class Judge:
    """Applies the decisions of a state to hits, given the screening index (for the
    listings' fingerprints) and profile memberships (``profile id → listing keys``).
    A customer's decisions are read once per customer id."""

    def __init__(
        self, decisions: Decisions, index: CandidateIndex, members: Mapping[str, list[str]]
    ) -> None:
        self.decisions = decisions
        self.index = index
        self.members = members

    def of(self, customer_id: Any) -> dict[str, Decision]:
        """The current decisions of one customer (none for a missing id)."""
        if customer_id is None or str(customer_id) == "":
            return {}
        return self.decisions.for_customer(str(customer_id))

    def outcome(
        self,
        decisions: Mapping[str, Decision],
        profile_id: str | None,
        listing_keys: list[str],
        customer_fp: str,
    ) -> Applied | None:
        """What ``decisions`` do to one hit (its profile id, if any, and the keys of
        its listings); see :func:`apply`."""
        if not decisions:
            return None
        keys = list(self.members.get(profile_id, [])) if profile_id else []
        keys = keys or listing_keys
        entries = []
        for key in keys:
            position = self.index.position(key)
            if position is not None:
                entries.append(self.index.entry(position))
        target = profile_id or listing_keys[0]
        return apply(decisions, [target, *keys], listing_fingerprint(entries), customer_fp)
