"""From stored ownership links to one graph of parties, as of a day.

:func:`build_graph` turns the links of the active ownership publications into an
:class:`OwnershipGraph`:

1. **Dates.** A link counts on ``as_of`` when it has begun (``start`` on or before
   the day, or no start) and not ended (no ``end``, or ``end`` after the day, and
   not marked inactive). The others are kept in :attr:`OwnershipGraph.inactive`
   with the reason, so that the explanation can say "ended on 2023-03-02, not
   counted".
2. **Parties.** Parties that share a strong identifier (an LEI, a tax number such
   as the Russian INN, a registration number such as the OGRN) are one party,
   whatever key each publication gives them. Each party is then resolved to the
   listings of the official lists (:mod:`thaw.ownership.resolve`); parties
   resolved to the same listed party (profile) are one party too.
3. **Edges.** All the links from one owner to one asset of one kind become one
   edge. When they disagree about the size (two registers, two dates of the same
   register), the edge carries the range from the smallest to the largest figure,
   and :attr:`Edge.conflict` says who said what; the rule is then evaluated on
   both ends and an answer that depends on it is reported as undetermined. A link
   without a percentage beside one with a percentage does not widen the range:
   the figure says how large the stake is. Only when no link gives a size is the
   stake *of unknown size*.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from thaw.ownership.engine import KIND_CODES, Graph, share_range
from thaw.ownership.model import Resolution
from thaw.sources.ownership import OwnershipLink, PartyRef

STRONG_IDS: dict[str, str] = {
    "lei": "lei",
    "inn": "tax",
    "tax_id": "tax",
    "ogrn": "reg",
    "registration": "reg",
}
"""Identifier kind → namespace in which equal numbers mean the same party."""
MIN_ID_LENGTH = 6
SIZED_KINDS = frozenset({"ownership", "voting", "consolidation"})
"""Link kinds that are stakes with a size (known or not)."""


@dataclass(slots=True)
class Node:
    """One party of the graph: every key the data gives it, a display name, what is
    known of it, and its resolution to listings (``None``: not listed anywhere)."""

    index: int
    keys: list[str]
    name: str
    schema: str
    country: str | None
    identifiers: list[tuple[str, str]]
    resolution: Resolution | None = None
    names: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict."""
        data: dict[str, object] = {
            "key": self.keys[0],
            "name": self.name,
            "schema": self.schema,
            "country": self.country,
        }
        if len(self.keys) > 1:
            data["keys"] = self.keys
        if self.identifiers:
            data["identifiers"] = [f"{k}:{v}" for k, v in self.identifiers]
        if self.resolution is not None:
            data["resolution"] = self.resolution.to_dict()
        return data


@dataclass(slots=True)
class Edge:
    """One owner → asset edge of one kind and the links behind it."""

    owner: int
    asset: int
    kind: str
    lo: float | None
    hi: float | None
    exclusive: bool
    links: list[tuple[str, OwnershipLink]]
    conflict: str | None = None

    @property
    def unknown(self) -> bool:
        """Whether no link gives the size of the stake."""
        return self.lo is None

    @property
    def share(self) -> str:
        """The stake in words: ``"51 %"``, ``"49-51 % (sources disagree)"``,
        ``"more than 50 % and less than 75 %"``, ``"of unknown size"``."""
        if self.lo is None or self.hi is None:
            if self.kind not in SIZED_KINDS:
                return ""  # a directorship, a control right: no stake to size
            return "of unknown size"
        texts = {x.share_text for _, x in self.links if x.share_text and x.share_min is not None}
        if len(texts) == 1 and not self.conflict:
            return texts.pop() or f"{self.lo:g} %"
        if self.lo == self.hi:
            return f"{self.lo:g} %"
        return f"{self.lo:g}-{self.hi:g} % (sources disagree)"

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict (without the parties)."""
        data: dict[str, object] = {"kind": self.kind, "share": self.share}
        if self.lo is not None:
            data["percentage_min"] = self.lo
            data["percentage_max"] = self.hi
        if self.conflict:
            data["conflict"] = self.conflict
        data["sources"] = [
            {
                "publication": source,
                "link": x.link_id,
                "origin": x.origin,
                "role": x.role,
                "start": x.start,
                "end": x.end,
                "share": x.share_text,
            }
            for source, x in self.links
        ]
        return data


@dataclass(slots=True)
class OwnershipGraph:
    """The parties, the edges in force on ``as_of`` (in the order of
    :attr:`graph`'s edges) and the links not in force, with why."""

    as_of: str
    nodes: list[Node]
    by_key: dict[str, int]
    edges: list[Edge]
    graph: Graph
    inactive: list[tuple[str, OwnershipLink, str]] = field(default_factory=list)

    def node(self, key: str) -> Node | None:
        """The node with this party key, if any."""
        index = self.by_key.get(key)
        return self.nodes[index] if index is not None else None


def in_force(link: OwnershipLink, as_of: str) -> str | None:
    """``None`` if ``link`` counts on ``as_of``, else why not (``"ended on …"``)."""
    if link.ended:
        return f"ended{f' on {link.end}' if link.end else ''} (inactive)"
    if link.end and link.end < as_of:
        return f"ended on {link.end}"
    if link.start and link.start > as_of:
        return f"begins on {link.start}"
    return None


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _norm_id(number: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", number.upper())


Resolver = Callable[[list[PartyRef]], Resolution | None]


def build_graph(
    links: Iterable[tuple[str, OwnershipLink]],
    as_of: str | None = None,
    resolver: Resolver | None = None,
) -> OwnershipGraph:
    """The graph of ``(publication source, link)`` pairs as of ``as_of`` (default
    today); ``resolver`` resolves the refs of one party to its listings.

    The cyclic garbage collector is paused meanwhile: the build creates millions of
    objects that all stay alive, and rescanning them at every collection costs
    more than the build itself."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return _build_graph(links, as_of, resolver)
    finally:
        if paused:
            gc.enable()


def _build_graph(
    links: Iterable[tuple[str, OwnershipLink]],
    as_of: str | None,
    resolver: Resolver | None,
) -> OwnershipGraph:
    day = as_of or date.today().isoformat()
    current: list[tuple[str, OwnershipLink]] = []
    inactive: list[tuple[str, OwnershipLink, str]] = []
    refs: dict[str, PartyRef] = {}
    for source, link in links:
        for ref in (link.owner, link.asset):
            known = refs.get(ref.key)
            if known is None:
                refs[ref.key] = ref
            elif known is not ref and known != ref:  # named by another link too: unite
                refs[ref.key] = replace(
                    known,
                    name=known.name or ref.name,
                    country=known.country or ref.country,
                    identifiers=tuple(dict.fromkeys(known.identifiers + ref.identifiers)),
                    aliases=tuple(dict.fromkeys(known.aliases + ref.aliases)),
                )
        why = in_force(link, day)
        if why is None:
            current.append((source, link))
        else:
            inactive.append((source, link, why))
    # parties sharing a strong identifier are one party
    union = _Union()
    for key, ref in refs.items():
        union.find(key)
        for kind, number in ref.identifiers:
            space = STRONG_IDS.get(kind)
            norm = _norm_id(number)
            if space and len(norm) >= MIN_ID_LENGTH:
                union.union(key, f"#{space}:{norm}")
    groups: dict[str, list[PartyRef]] = {}
    for key, ref in refs.items():
        groups.setdefault(union.find(key), []).append(ref)
    # resolve each party; parties resolved to the same listed party are one
    resolved: dict[str, Resolution] = {}
    if resolver is not None:
        by_party: dict[str, str] = {}
        for root, members in groups.items():
            resolution = resolver(members)
            if resolution is None:
                continue
            resolved[root] = resolution
            other = by_party.setdefault(resolution.party_id, root)
            if other != root:
                union.union(other, root)
        merged: dict[str, list[PartyRef]] = {}
        for root, members in groups.items():
            merged.setdefault(union.find(root), []).extend(members)
        for root in list(resolved):
            final = union.find(root)
            if final != root:
                resolved.setdefault(final, resolved.pop(root))
        groups = merged
    nodes: list[Node] = []
    by_key: dict[str, int] = {}
    for root, members in sorted(groups.items(), key=lambda kv: kv[1][0].key):
        members.sort(key=lambda r: (r.name is None, r.key))
        ids: list[tuple[str, str]] = []
        for ref in members:
            ids.extend(i for i in ref.identifiers if i not in ids)
        first = members[0]
        country = next((r.country for r in members if r.country), None)
        schema = next((r.schema for r in members if r.schema != "LegalEntity"), first.schema)
        node = Node(
            len(nodes),
            [r.key for r in members],
            first.name or first.key,
            schema,
            country,
            ids,
            resolved.get(root),
            list(
                dict.fromkeys(
                    [r.name for r in members if r.name] + [a for r in members for a in r.aliases]
                )
            ),
        )
        for ref in members:
            by_key[ref.key] = node.index
        nodes.append(node)
    # one edge per owner, asset and kind
    grouped: dict[tuple[int, int, str], list[tuple[str, OwnershipLink]]] = {}
    for source, link in current:
        owner, asset = by_key[link.owner.key], by_key[link.asset.key]
        if owner == asset:
            continue  # a party owning itself after merging: says nothing
        grouped.setdefault((owner, asset, link.kind), []).append((source, link))
    edges = [_edge(o, a, k, items) for (o, a, k), items in grouped.items()]
    edges.sort(key=lambda e: (e.owner, e.asset, KIND_CODES.get(e.kind, 99)))
    lows: list[float] = []
    highs: list[float] = []
    for e in edges:
        low, high = share_range(e.lo, e.hi, e.exclusive)
        if e.kind == "branch":
            low = high = 100.0
        lows.append(low)
        highs.append(high)
    graph = Graph.build(
        len(nodes),
        [e.owner for e in edges],
        [e.asset for e in edges],
        [KIND_CODES.get(e.kind, KIND_CODES["family"]) for e in edges],
        lows,
        highs,
        [int(e.unknown) for e in edges],
    )
    return OwnershipGraph(day, nodes, by_key, edges, graph, inactive)


def _edge(owner: int, asset: int, kind: str, items: list[tuple[str, OwnershipLink]]) -> Edge:
    if len(items) == 1:  # the usual case: one link, nothing to reconcile
        x = items[0][1]
        high = x.share_max if x.share_max is not None else x.share_min
        return Edge(owner, asset, kind, x.share_min, high, x.min_exclusive, items)
    known = [(s, x) for s, x in items if x.share_min is not None]
    if not known:
        return Edge(owner, asset, kind, None, None, False, items)
    lo_link = min(known, key=lambda sx: (sx[1].share_min or 0.0, not sx[1].min_exclusive))[1]
    lo = lo_link.share_min
    hi = max((x.share_max if x.share_max is not None else x.share_min or 0.0) for _, x in known)
    conflict = None
    figures = sorted({(x.share_text or f"{x.share_min:g} %", x.origin or s) for s, x in known})
    if len({t for t, _ in figures}) > 1:
        conflict = "sources disagree: " + ", ".join(f"{t} ({o})" for t, o in figures)
    return Edge(owner, asset, kind, lo, hi, lo_link.min_exclusive, items, conflict)
