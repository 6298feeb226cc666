"""``ownership_hit``: a new listing makes an unlisted company blocked by ownership.

When a publication adds listings, the ownership rules of every authority
(:mod:`thaw.ownership`) are brought up to date incrementally
(:meth:`thaw.ownership.Analysis.designate`, run on the graph as it stood without
the new listings): the parties it returns are newly blocked (or undetermined) by
ownership or control. The portfolio rows that match such a party by name or
identifier (screened as ``screen-file`` screens, against the party's names, with
the portfolio's threshold; only the rows the row index says can reach it) get an
``ownership_hit`` event carrying the party, the path explanation per authority
(:meth:`thaw.ownership.Analysis.explain`) and the new listings behind it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from thaw.index import CandidateIndex, entry_from_record
from thaw.model import Identifier, Record
from thaw.monitor.keys import RowIndex
from thaw.monitor.screening import HIT_LIMIT, CalibratedScreener, Rarity, RowData
from thaw.ownership import Analysis, IndexResolver, build_graph, rules
from thaw.ownership.graph import Node
from thaw.ownership.model import ListingRef
from thaw.store import Store
from thaw.store.ownership import OwnershipStore

OWNERSHIP_SOURCE = "ownership"
"""The source of the made-up records a caught party is screened as."""


@dataclass(slots=True)
class OwnershipHit:
    """A portfolio row matching a party newly caught by an ownership rule."""

    row: int
    node: Node
    authorities: list[str]
    score: float
    matched_name: str
    explanation: str
    answers: dict[str, Any] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    caused_by: list[ListingRef] = field(default_factory=list)

    def payload(self) -> dict[str, Any]:
        """What the event carries besides the portfolio, the row and the cause."""
        return {
            "party": self.node.to_dict(),
            "authorities": self.authorities,
            "ownership": self.answers,
            "summary": self.lines,
            "listings": [
                {
                    "source": x.source,
                    "source_id": x.source_id,
                    "authority": x.authority,
                    "caption": x.caption,
                    "programs": list(x.programs),
                    "listed_on": x.listed_on,
                }
                for x in self.caused_by
            ],
            "score": self.score,
            "matched_name": self.matched_name,
            "explanation": self.explanation,
        }


def party_record(node: Node) -> Record:
    """A party of the ownership graph as a record to screen rows against (its
    names, country and identifiers; source id: its node number)."""
    record = Record(OWNERSHIP_SOURCE, str(node.index), node.schema)
    for i, name in enumerate(node.names or [node.name]):
        record.add_name(name, "primary" if i == 0 else "alias")
    if node.country:
        record.countries.append(node.country)
    record.identifiers.extend(Identifier(k, v) for k, v in node.identifiers)
    return record


def newly_caught(
    store: Store,
    index: CandidateIndex,
    added: Iterable[tuple[str, str]],
    profile_of: Mapping[tuple[str, str], str] | None = None,
) -> tuple[Analysis, dict[int, list[str]], list[ListingRef]] | None:
    """The parties the listings ``added`` (``(source, source_id)``, in force in
    ``index``) newly catch under an ownership rule: the analysis (after), ``node →
    authorities`` and the new listings found in the ownership data. ``None`` when
    no ownership data is loaded or no new listing is a party of it."""
    ownership = OwnershipStore(store)
    if not ownership.active():
        return None
    keys = set(added)
    links = list(ownership.active_links())
    og = build_graph(links, None, IndexResolver(index, profile_of or {}))
    refs = [
        x
        for node in og.nodes
        if node.resolution is not None
        for x in node.resolution.listings
        if (x.source, x.source_id) in keys
    ]
    if not refs:
        return None
    analysis = Analysis(
        og,
        rules(),
        in_force=lambda x: (x.source, x.source_id) not in keys,
        lists=store.active_publications().keys(),
    )
    caught: dict[int, list[str]] = {}
    for authority, nodes in analysis.designate(refs).items():
        for node in nodes:
            caught.setdefault(node, []).append(authority)
    return analysis, caught, list(dict.fromkeys(refs))


def ownership_hits(
    store: Store,
    index: CandidateIndex,
    added: Iterable[tuple[str, str]],
    rows: RowIndex,
    load_rows: Callable[[list[int]], Mapping[int, RowData]],
    threshold: float,
    stats: dict[str, Any] | None,
    profile_of: Mapping[tuple[str, str], str] | None = None,
    workers: int = 1,
    rarity: Mapping[str, float] | None = None,
) -> list[OwnershipHit]:
    """The ownership hits of one step (see the module docs): the rows of ``rows``
    (their data from ``load_rows``) matching a party that the listings ``added``
    newly catch, screened with the portfolio's ``threshold`` and calibration
    ``stats`` and, when given, its pinned ``rarity`` weights (the row index is
    built for them)."""
    found = newly_caught(store, index, added, profile_of)
    if found is None:
        return []
    analysis, caught, refs = found
    if not caught:
        return []
    nodes = {n: analysis.og.nodes[n] for n in caught}
    entries = [entry_from_record(party_record(node)) for node in nodes.values()]
    parties = CandidateIndex.build(entries)
    if rarity is not None:
        parties.rarity = Rarity(rarity)
    screener = CalibratedScreener(parties, stats)
    candidates = rows.affected(parties, workers).tolist()
    data = load_rows(candidates) if candidates else {}
    out: list[OwnershipHit] = []
    for row, row_data in data.items():
        result = screener.screen_query(row_data.query(), threshold=threshold, limit=HIT_LIMIT)
        for hit in result.hits:
            node = nodes[int(hit.listings[0].source_id)]
            exposure = analysis.explain(node.index)
            authorities = sorted(caught[node.index])
            answers = exposure.to_dict()["authorities"]
            out.append(
                OwnershipHit(
                    row,
                    node,
                    authorities,
                    hit.score,
                    hit.matched_name,
                    hit.explanation,
                    {a: answers[a] for a in authorities if a in answers},
                    exposure.lines(),
                    refs,
                )
            )
    return out
