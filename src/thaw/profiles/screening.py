"""Screening by party: hits of one profile's listings become one hit.

The screen layer scores listings; a compliance analyst wants parties. A
:class:`PartyScreener` screens like :class:`~thaw.screen.Screener` and then merges
the hits whose listings belong to the same profile: the merged hit keeps the best
score, matched name and explanation, carries the ``profile_id`` and lists every
listing of that party that matched (each with its authority's programmes and
listing date). Listings in no profile keep a hit of their own.

A merged hit is scored on its best listing. When the query states facts (a
gender, a date of birth, a country, an identifier, a legal form only some
countries' law has: :func:`thaw.match.countries.query_form_laws`), the party's other listings
are scored too, and where one of them answers differently on such a fact (the
best listing gives no gender, another says female against a male query), the
explanation says so (:func:`thaw.match.disagreements`). Where the best listing
says nothing on a fact and the party's other listings all contradict the query
on it (one authority publishes no date of birth, another a date decades from
the query's), the contradiction is the party's and counts against its score
(:func:`thaw.match.party_conflicts`); a party that falls below the threshold so
is no hit. A country the query gives only by a word of its name, which the
party's matched name writes too, is a word of the party's name, not a fact to
hold against its other listings (:func:`_own_named`: *Operating Organisation of
the Zaporizhzhia NPP*, listed in Russia).

This is what ``thaw screen``, ``thaw screen-file``, ``thaw screen-text`` and
``thaw.Screener`` use.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from thaw.index import CandidateIndex
from thaw.match import FeatureResult, Query, disagreements, party_conflicts, threshold_for
from thaw.match.countries import named_countries, query_form_laws
from thaw.profiles.service import Profiles
from thaw.screen import DEFAULT_CANDIDATES, Hit, Screener, ScreenResult
from thaw.screen.screener import keep_written
from thaw.store import Store, default_home

ProfileMap = Mapping[tuple[str, str], str]
"""``(source, source_id) → profile id`` of every active listing."""


def group_hits(hits: tuple[Hit, ...], profile_of: ProfileMap, limit: int) -> tuple[Hit, ...]:
    """Merge hits of listings in the same profile (best first) and keep ``limit``."""
    merged: dict[str, Hit] = {}
    order: list[str] = []
    for hit in hits:
        first = hit.listings[0]
        pid = profile_of.get((first.source, first.source_id))
        key = pid or f"{first.source}:{first.source_id}"
        if key in merged:
            best = merged[key]
            listings = best.listings + tuple(x for x in hit.listings if x not in best.listings)
            merged[key] = replace(best, listings=listings)
            continue
        merged[key] = replace(hit, profile_id=pid) if pid else hit
        order.append(key)
    return tuple(merged[k] for k in order[: max(limit, 0)])


def _memberships(home: Path) -> ProfileMap:
    """Listing → profile id, read without the write lock when the profiles are
    current (the usual case: every load refreshes them); a writer only when they
    must be built or refreshed first."""
    with Store(home, readonly=True) as store:
        if store.readonly:
            profiles = Profiles(store)
            if not profiles.is_stale():
                return profiles.memberships()
    with Store(home) as store:
        return Profiles(store).memberships()


#: The feature that compares countries (:class:`thaw.match.features.CountryFeature`).
_COUNTRY = "country"


def _own_named(query: Query, hit: Hit) -> bool:
    """Whether every country fact of ``query`` is one of the party's own name
    as ``hit`` matched it, which says nothing of where the party's other
    listings place it: the query states no country, and
    - the countries its name names, if any, the matched name names too
      (*Operating Organisation of the Zaporizhzhia NPP*, *... of the
      Administration of the President of the Russian Federation*, listed
      elsewhere in Russia, Crimea);
    - the laws of the legal form its name writes (:func:`query_form_laws`), if
      any, the matched name writes a form of too (*International Golden Systems
      Sdn Bhd*, a North Korean front's Malaysian company, which another
      authority lists in North Korea under another name)."""
    named = named_countries(query)
    laws = query_form_laws(query)
    if query.countries or not (named or laws):
        return False
    matched = Query(hit.matched_name, query.schema)
    if named and not set(named) <= set(named_countries(matched)):
        return False
    return not laws or bool(laws & query_form_laws(matched))


class PartyScreener(Screener):
    """A :class:`~thaw.screen.Screener` whose hits are parties (see module docs).

    ``profile_of`` maps listings to profile ids; by default it is read from the
    store's profiles (which are brought up to date first if the lists changed).
    """

    def __init__(
        self,
        home: str | Path | None = None,
        *,
        index: CandidateIndex | None = None,
        candidates: int = DEFAULT_CANDIDATES,
        profile_of: ProfileMap | None = None,
        allow_empty: bool = False,
    ) -> None:
        super().__init__(home, index=index, candidates=candidates, allow_empty=allow_empty)
        if profile_of is None:
            if index is not None and home is None:
                profile_of = {}
            else:
                profile_of = _memberships(default_home(home))
        self.profile_of = profile_of
        self._members: dict[str, list[str]] | None = None  # profile id → listing keys

    def screen_query(
        self,
        query: Query,
        *,
        threshold: float | None = None,
        limit: int = 10,
        algorithm: str = "thaw",
        row: int = 1,
        id: Any = None,
    ) -> ScreenResult:
        """Screen, then merge the hits of each party (see :func:`group_hits`)."""
        result = super().screen_query(
            query,
            threshold=threshold,
            limit=max(limit * 5, 25),
            algorithm=algorithm,
            row=row,
            id=id,
        )
        # a party publishing the name as the query writes it stays among the
        # hits, however many parties score higher (:func:`keep_written`)
        keys = self.index.listing_keys
        written = {keys[p] for p in self.written_of(query)}

        def writes(hit: Hit) -> bool:
            return any(f"{x.source}:{x.source_id}" in written for x in hit.listings)

        parties = group_hits(result.hits, self.profile_of, len(result.hits))
        if algorithm != "thaw" or not (
            query.gender
            or query.birth_date
            or query.countries
            or named_countries(query)
            or query_form_laws(query)
            or query.id_numbers
            or query.identifiers
        ):
            return replace(result, hits=tuple(keep_written(parties, limit, writes)))
        least = threshold_for(algorithm) if threshold is None else threshold
        hits = [self._with_disagreements(query, hit) for hit in parties]
        kept = sorted((h for h in hits if h.score >= least), key=lambda h: -h.score)
        return replace(result, hits=tuple(keep_written(kept, limit, writes)))

    def party_listings(self, profile_id: str) -> tuple[str, ...]:
        """The keys (``source:source_id``) of every active listing of a
        profile, sorted; empty for an unknown profile."""
        if self._members is None:
            members: dict[str, list[str]] = {}
            for (source, source_id), pid in self.profile_of.items():
                members.setdefault(pid, []).append(f"{source}:{source_id}")
            self._members = members
        return tuple(sorted(self._members.get(profile_id, ())))

    def _with_disagreements(self, query: Query, hit: Hit) -> Hit:
        """``hit`` with what its party's other listings answer differently on
        the query's facts, in its explanation and its features, and its score
        lowered by the conflicts that are the party's (see the module docs)."""
        if hit.profile_id is None:
            return hit
        keys = self.party_listings(hit.profile_id)
        if len(keys) < 2:
            return hit
        first = hit.listings[0]
        best_key = f"{first.source}:{first.source_id}"
        matcher = self.matcher()
        own = _own_named(query, hit)
        others: list[tuple[str, FeatureResult]] = []
        for key in keys:
            position = self.index.position(key) if key != best_key else None
            if position is None:
                continue
            others += [
                (key, f)
                for f in matcher.facts(query, self.index.entry(position))
                if not (own and f.feature == _COUNTRY)
            ]
        if not others:
            return hit
        counted = party_conflicts(hit.features, [f for _key, f in others])
        found: list[FeatureResult] = []
        for key, f in others:
            if f in counted:
                found.append(
                    FeatureResult(
                        f.feature,
                        f.contribution,
                        f"another listing of this party, {key}: {f.detail}, counted"
                        f" for the party (the best listing gives none)",
                    )
                )
                counted.remove(f)
            elif disagreements(hit.features, [f]):
                found.append(
                    FeatureResult(
                        f.feature,
                        0.0,
                        f"another listing of this party, {key}: {f.detail}, reported, not"
                        f" counted (the best listing answers it)",
                    )
                )
        if not found:
            return hit
        explanation = "; ".join([hit.explanation, *(f.detail for f in found)])
        lowered = sum(f.contribution for f in found)
        score = hit.score
        if lowered:
            x = math.log(score / (1 - score)) if 0 < score < 1 else (-40.0 if score <= 0 else 40.0)
            score = 1 / (1 + math.exp(-(x + lowered)))
        return replace(
            hit, score=score, explanation=explanation, features=hit.features + tuple(found)
        )
