"""Ownership and control: the 50 % rules of the US, the EU and the UK, explained.

Most sanctions exposure is not a listed name but a company owned or controlled by
listed parties. This package answers, for every party of the loaded ownership data
(:mod:`thaw.sources.ownership`, stored by :mod:`thaw.store.ownership`), *is it
owned or controlled by listed persons, under whose rule, and would that change if
some sanctions were lifted?*

* :mod:`~thaw.ownership.rules`: the rules per authority, as a declared table with
  their citations (OFAC's 2014 revised guidance and FAQs 398-402, the EU Council's
  Best Practices, OFSI's general guidance);
* :mod:`~thaw.ownership.graph`: links → one graph of parties as of a day (ended
  links out, parties merged by identifier, conflicting figures kept as a range);
* :mod:`~thaw.ownership.resolve`: parties → listings, by identifier first, then name
  and country, with the evidence;
* :mod:`~thaw.ownership.engine`: the rules as fixpoints over the whole graph,
  incremental when a listing is added;
* :mod:`~thaw.ownership.analysis`: statuses and explanations per authority;
* :mod:`~thaw.ownership.relief`: what lifting listings does to owned companies.

Typical use::

    with Store(home) as store:
        analysis = analyse(store)
    for node in PartyFinder(analysis.og).find("Zala Aero"):
        print(analysis.explain(node.node.index).lines())
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from thaw.index import CandidateIndex
from thaw.index.entry import entry_from_record, normalize_id
from thaw.model import Identifier, Record
from thaw.ownership.analysis import Analysis, Answer, Exposure, InForce
from thaw.ownership.graph import Node, OwnershipGraph, build_graph
from thaw.ownership.model import ListingRef, Resolution
from thaw.ownership.relief import ReliefResult, compare
from thaw.ownership.resolve import IndexResolver
from thaw.ownership.rules import RULES, Rule, rules
from thaw.screen import Screener
from thaw.store import Store
from thaw.store.ownership import OwnershipStore

__all__ = [
    "RULES",
    "Analysis",
    "Answer",
    "Exposure",
    "Found",
    "IndexResolver",
    "ListingRef",
    "Node",
    "OwnershipGraph",
    "PartyFinder",
    "ReliefResult",
    "Resolution",
    "Rule",
    "analyse",
    "analyse_with",
    "build_graph",
    "compare",
    "load_graph",
    "rules",
]


def load_graph(store: Store, as_of: str | None = None, resolve: bool = True) -> OwnershipGraph:
    """The graph of the active ownership publications as of ``as_of`` (default
    today), its parties resolved to the active listings (unless ``resolve`` is off)."""
    links = list(OwnershipStore(store).active_links())
    resolver = None
    if resolve and links and store.active_publications():
        from thaw.index import ensure_index
        from thaw.profiles import Profiles

        resolver = IndexResolver(ensure_index(store), Profiles(store).memberships())
    return build_graph(links, as_of, resolver)


def analyse_with(
    store: Store,
    index: CandidateIndex,
    profile_of: Mapping[tuple[str, str], str],
    *,
    as_of: str | None = None,
    aggregate_eu: bool = False,
    aggregate_uk: bool = False,
) -> Analysis:
    """:func:`analyse` with an index and profile memberships already in memory (the
    service's current snapshot), so nothing is rebuilt or reloaded per request."""
    links = list(OwnershipStore(store).active_links())
    og = build_graph(links, as_of, IndexResolver(index, profile_of))
    return Analysis(og, rules(aggregate_eu, aggregate_uk), lists=store.active_publications().keys())


def analyse(
    store: Store,
    *,
    as_of: str | None = None,
    in_force: InForce | None = None,
    aggregate_eu: bool = False,
    aggregate_uk: bool = False,
) -> Analysis:
    """Every rule over the store's ownership data (see :class:`Analysis`); a rule
    none of whose lists is loaded answers ``no_list``."""
    return Analysis(
        load_graph(store, as_of),
        rules(aggregate_eu, aggregate_uk),
        in_force,
        lists=store.active_publications().keys(),
    )


@dataclass(frozen=True, slots=True)
class Found:
    """A party of the ownership graph found for a query, and how."""

    node: Node
    method: str
    score: float
    evidence: str

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict."""
        return {"method": self.method, "score": self.score, "evidence": self.evidence}


class PartyFinder:
    """Find parties of an ownership graph by key, identifier or name.

    Names are matched with thaw's matcher over the graph's parties (every name the
    data gives each of them, its country and identifiers), so that ``"Zala Aero"``
    finds the company a register calls ``ООО "ЦСТ"`` under one of its other names.
    """

    def __init__(self, og: OwnershipGraph) -> None:
        self.og = og
        self._screener: Screener | None = None
        self._ids: dict[str, list[int]] = {}
        for node in og.nodes:
            for _, number in node.identifiers:
                self._ids.setdefault(normalize_id(number), []).append(node.index)

    def _index(self) -> Screener:
        if self._screener is None:
            entries = []
            for node in self.og.nodes:
                record = Record("ownership", str(node.index), node.schema)
                for i, name in enumerate(node.names or [node.name]):
                    record.add_name(name, "primary" if i == 0 else "alias")
                if node.country:
                    record.countries.append(node.country)
                record.identifiers.extend(Identifier(k, v) for k, v in node.identifiers)
                entries.append(entry_from_record(record))
            self._screener = Screener.from_entries(entries)
        return self._screener

    def find(
        self,
        text: str,
        *,
        country: str | None = None,
        id_number: str | None = None,
        schema: str | None = None,
        threshold: float = 0.85,
        limit: int = 3,
    ) -> list[Found]:
        """Parties for ``text``: an exact party key (``lei:…``, ``gb-coh:…``,
        ``ftm:…``, ``kyc:…``), an identifier number, or a name (scored; at least
        ``threshold``). ``id_number`` adds an identifier to a name query."""
        index = self.og.by_key.get(text.strip())
        if index is not None:
            return [Found(self.og.nodes[index], "key", 1.0, f"party key {text.strip()}")]
        for number in (id_number, text):
            if number:
                hits = self._ids.get(normalize_id(number), [])
                if hits:
                    return [
                        Found(self.og.nodes[i], "identifier", 1.0, f"identifier {number}")
                        for i in hits[:limit]
                    ]
        from thaw.screen import make_query

        query = make_query(text, schema, None, country, None)
        result = self._index().screen_query(query, threshold=threshold, limit=limit)
        out = []
        for hit in result.hits:
            node = self.og.nodes[int(hit.listings[0].source_id)]
            evidence = f"name {text!r} ~ {hit.matched_name!r}, score {hit.score:.2f}"
            out.append(Found(node, "name", hit.score, evidence))
        return out
