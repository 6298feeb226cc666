"""From listings to profiles: candidate pairs, evidence, constrained clustering.

This module is pure (no database): :func:`link` takes the prepared listings of
every authority and the analysts' decisions and returns the clusters (one per
real-world party) with the evidence behind each. :mod:`thaw.profiles.service`
stores the result and keeps it up to date.

Pipeline
--------
1. **Candidates** (:func:`candidate_pairs`): listings are put in blocks that
   every linking rule implies (:func:`blocking_keys`): the numbers of their
   identifiers; for persons pairs of phonetic name keys with a birth year, and the
   exact name; for organisations the whole name (as phonetic keys and compact)
   and its two rarest tokens. Only pairs sharing a block, from different
   authorities, are compared (and two persons of one authority that publish
   the same full birth date, or the same primary name under programmes they
   do not share, :func:`may_duplicate`); oversized blocks are skipped. This
   keeps the work roughly linear in the number of listings. Persons without a
   birth date are also paired with the persons whose names hold every token of
   theirs (:func:`subset_pairs`).
2. **Evidence** (:func:`thaw.profiles.evidence.compare`) for each candidate pair,
   plus explicit references (:func:`reference_edges`): a listing that quotes a UN
   reference number is the same party as that UN listing, and listings quoting the
   same reference are the same party as each other.
3. **Clustering** (:func:`cluster`): edges are applied strongest first (analyst
   links, references, identifiers, names with birth dates, names with countries).
   Two clusters are merged only if the result stays plausible: never two listings
   of one authority (unless an analyst linked them or they are a ``duplicate``
   pair, one party the authority lists twice, and only those two, or rows of
   one listing, :func:`row_edges`; never two UN listings), never
   a pair an analyst unlinked, never persons with irreconcilable birth dates, never
   organisations whose listings place them in countries none of which is shared
   (:func:`places_conflict`; but for an identifier or a reference), never
   different kinds of party (a person and an organisation, a vessel and its
   owner; a generic legal entity goes with any non-person). A refused edge is kept with its reason.
   ``name_subset`` and ``name_regime`` edges (:data:`ONE_PARTY_KINDS`) come
   last and hold only where the listing with the shorter name, or the one that
   publishes less, points to one party; where it points to several, those
   whose birth dates agree best decide (:data:`DATE_ORDER`).
"""

from __future__ import annotations

import multiprocessing as mp
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import combinations

from thaw._process import die_with_parent
from thaw.profiles.evidence import (
    SAME_KIND_WORDS,
    STRENGTH,
    Context,
    Edge,
    _id_ok,
    compare,
    compare_dates,
    corpus_stats,
    places_conflict,
    same_names,
    shared_day,
    twice_names,
    under_two_regimes,
)
from thaw.profiles.features import SUBLIST_SOURCES, Features, namespace, normalize_ref, skeleton

UNIQUE_SOURCES = frozenset({"un_sc"})
"""Authorities two of whose listings may never share a profile, whoever says so."""

ONE_PARTY_KINDS = frozenset({"name_subset", "name_regime", "listed_twice"})
"""Edge kinds applied last, and only where the listing holding the shorter name
or publishing less (``evidence["short"]``) points to one party: "Boris
ROTENBERG" without a birth date would be part of Boris Romanovich's and Boris
Borisovich's names alike. A ``listed_twice`` edge, one authority's second
listing of a person, joins its two listings, as a ``duplicate`` does, where
the party's birth dates agree with both."""

TWICE_KINDS = frozenset({"duplicate", "listed_twice"})
"""Edge kinds that may put two listings of one authority in one profile: the
two listings they join, and no third of the list."""

APPROX_KINDS = frozenset({"name_regime", "identifier"})
"""Edge kinds that may join profiles whose birth dates are only years apart,
one of them a year alone (``approx``, an estimate): the evidence that accepts
such dates itself. Any other edge treats them as a conflict."""

BLOCK_CAP = 200
"""Blocks larger than this are not expanded into pairs (their names are common)."""


@dataclass(frozen=True, slots=True)
class Decision:
    """An analyst's decision about two listings (keys ``a``, ``b``):
    ``action`` is ``link`` (same party) or ``unlink`` (different parties)."""

    action: str
    a: str
    b: str
    who: str
    why: str
    at: str = ""
    id: int = 0


@dataclass(slots=True)
class Linkage:
    """The result of linking: ``clusters`` (each a sorted list of listing keys,
    every listing in exactly one), the ``edges`` that hold inside clusters and the
    ``refused`` edges with the reason each was not applied."""

    clusters: list[list[str]]
    edges: list[Edge] = field(default_factory=list)
    refused: list[tuple[Edge, str]] = field(default_factory=list)


# -- candidates ---------------------------------------------------------------------------


def blocking_keys(
    f: Features, df: Mapping[str, int] | None = None, shared: Collection[str] = ()
) -> set[str]:
    """The blocks a listing belongs to (see the module docs).

    Every rule that can link two listings implies a shared block: identifier rules
    a shared number (``i:``); person rules two aligned name tokens and a birth
    year (``p2:`` skeleton pair + year) or the very same name (``pb:``);
    organisation rules the whole name both ways (``ob:`` bag of skeletons,
    ``c:`` compact form) or, for spelling variants, its two rarest tokens
    (``o2:``, rarity from ``df``), words that say the same read as one
    (:data:`~thaw.profiles.evidence.SAME_KIND_WORDS`), or a web domain of its
    own (``w:``, not one of the ``shared`` ones published under many names)."""
    keys: set[str] = set()
    for ident in f.identifiers:
        if _id_ok(ident):
            keys.add(f"i:{ident.number}")
    if f.group == "person":
        years = sorted({d[:4] for d in f.birth_dates if d[:4].isdigit()})
        for name in f.strong_names():
            if len(name.bag) >= 2:
                keys.add("pb:" + " ".join(name.bag))
            if years and len(name.tokens) == 1:
                # (a name of one word alone, "FAIZ": evidence.mononym)
                keys.update(f"p1:{name.tokens[0]}:{y}" for y in years)
            if years:
                sks = sorted({skeleton(t) for t in name.tokens[:6] if len(t) >= 2})
                for s1, s2 in combinations(sks, 2):
                    for y in years:
                        keys.add(f"p2:{s1}:{s2}:{y}")
    elif f.group == "org":
        keys.update(f"w:{w}" for w in f.websites if w not in shared)
        for name in f.strong_names():
            if len(name.compact) >= 4:
                keys.add(f"c:{name.compact}")
            # (a corporation is a company: the rule reads them alike, so do the blocks)
            tokens = [SAME_KIND_WORDS.get(t, t) for t in name.tokens if len(t) >= 2]
            if not tokens:
                continue
            keys.add("ob:" + " ".join(sorted(skeleton(t) for t in tokens)))
            distinct = sorted(set(tokens), key=lambda t: ((df or {}).get(t, 0), t))
            if len(distinct) >= 2:
                s1, s2 = sorted(skeleton(t) for t in distinct[:2])
                keys.add(f"o2:{s1}:{s2}")
    return keys


def may_duplicate(a: Features, b: Features) -> bool:
    """Whether two listings of one authority are worth comparing as one party
    listed twice (:func:`thaw.profiles.evidence.compare_duplicate`): listings of
    an authority that lists each party once per regime (not the UN, and not a
    consolidating source, whose sub-lists republish others), persons publishing
    the same full birth date, or persons or organisations publishing the same
    primary name under programmes they do not share; or organisations of one
    list (a consolidating source's sub-list too: the Entity List's one party
    at two addresses) publishing the same names (:func:`same_names`)."""
    if a.source != b.source or a.source in UNIQUE_SOURCES or a.group != b.group:
        return False
    if namespace(a.source, a.source_id) == namespace(b.source, b.source_id) and same_names(a, b):
        return True
    return a.source not in SUBLIST_SOURCES and (
        (a.group == "person" and (shared_day(a, b) or twice_names(a, b) is not None))
        or (a.group in ("person", "org") and under_two_regimes(a, b))
    )


def _comparable(a: Features, b: Features) -> bool:
    return a.source != b.source or may_duplicate(a, b)


def candidate_pairs(
    listings: Sequence[Features],
    focus: Iterable[int] | None = None,
    cap: int = BLOCK_CAP,
    df: Mapping[str, int] | None = None,
    shared: Collection[str] | None = None,
) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of listings of different authorities (or
    :func:`may_duplicate`) that share a block of at most ``cap`` members. With
    ``focus``, only pairs involving a focus listing (for incremental refreshes).
    ``df`` and ``shared`` are the corpus statistics' token counts and shared
    contacts (:func:`thaw.profiles.evidence.corpus_stats`, computed when not given)."""
    if df is None or shared is None:
        stats = corpus_stats(listings)
        df, shared = stats.df, stats.shared_contacts
    blocks: dict[str, list[int]] = defaultdict(list)
    keys_of: list[set[str]] = []
    for i, f in enumerate(listings):
        keys = blocking_keys(f, df, shared)
        keys_of.append(keys)
        for k in keys:
            blocks[k].append(i)
    pairs = subset_pairs(listings, df, focus, cap)
    if focus is None:
        for members in blocks.values():
            if len(members) < 2 or len(members) > cap:
                continue
            for i, j in combinations(members, 2):
                if _comparable(listings[i], listings[j]):
                    pairs.add((i, j) if i < j else (j, i))
        return pairs
    for i in focus:
        for k in keys_of[i]:
            members = blocks[k]
            if len(members) > cap:
                continue
            for j in members:
                if j != i and _comparable(listings[i], listings[j]):
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


def subset_pairs(
    listings: Sequence[Features],
    df: Mapping[str, int],
    focus: Iterable[int] | None = None,
    cap: int = BLOCK_CAP,
) -> set[tuple[int, int]]:
    """Pairs of persons of different authorities where one has no birth date
    and a name of two or more tokens that are all tokens of a longer name of
    the other (the ``name_subset`` rule: "Arkady ROTENBERG" and "Arkady
    Romanovich ROTENBERG"). The persons holding the short name's rarest token
    are looked through (not when more than ``cap`` do)."""
    holders: dict[str, list[int]] = defaultdict(list)
    persons = [i for i, f in enumerate(listings) if f.group == "person"]
    for i in persons:
        for t in listings[i].tokens():
            holders[t].append(i)
    wanted = None if focus is None else set(focus)
    pairs: set[tuple[int, int]] = set()
    for i in persons:
        f = listings[i]
        if f.birth_dates:
            continue
        for name in f.strong_names():
            if len(name.tokens) < 2:
                continue
            rarest = min(name.tokens, key=lambda t: (df.get(t, 0), t))
            members = holders.get(rarest, ())
            if len(members) > cap:
                continue
            need = set(name.tokens)
            for j in members:
                g = listings[j]
                if j == i or not need <= g.tokens():
                    continue
                if g.source == f.source and not may_duplicate(f, g):
                    continue
                if wanted is not None and i not in wanted and j not in wanted:
                    continue
                pairs.add((i, j) if i < j else (j, i))
    return pairs


def find_edges(
    listings: Sequence[Features],
    ctx: Context | None = None,
    focus: Iterable[int] | None = None,
    workers: int = 1,
) -> list[Edge]:
    """Evidence edges (identifiers and names) between candidate pairs, computed in
    ``workers`` forked processes when there are many pairs."""
    if ctx is None:
        stats = corpus_stats(listings)
        ctx = stats.context()
    pairs = sorted(candidate_pairs(listings, focus, df=ctx.df, shared=ctx.shared_contacts))
    if workers > 1 and len(pairs) >= PARALLEL_PAIRS and "fork" in mp.get_all_start_methods():
        global _SHARED
        _SHARED = (listings, ctx)
        try:
            size = -(-len(pairs) // (workers * 4))
            chunks = [pairs[i : i + size] for i in range(0, len(pairs), size)]
            with ProcessPoolExecutor(
                workers, mp_context=mp.get_context("fork"), initializer=die_with_parent
            ) as pool:
                return [e for part in pool.map(_compare_chunk, chunks) for e in part]
        except (OSError, BrokenProcessPool):
            pass
        finally:
            _SHARED = None
    return _compare_pairs(listings, ctx, pairs)


PARALLEL_PAIRS = 20000
"""Fewer candidate pairs than this are compared in-process."""

_SHARED: tuple[Sequence[Features], Context] | None = None


def _compare_chunk(pairs: list[tuple[int, int]]) -> list[Edge]:
    """Compare pairs in a forked worker (the listings come with the fork)."""
    assert _SHARED is not None
    listings, ctx = _SHARED
    return _compare_pairs(listings, ctx, pairs)


def _compare_pairs(
    listings: Sequence[Features], ctx: Context, pairs: list[tuple[int, int]]
) -> list[Edge]:
    """The edges of ``pairs`` of ``listings`` (the pairs that give none are left out)."""
    edges: list[Edge] = []
    for i, j in pairs:
        edge = compare(listings[i], listings[j], ctx)
        if edge is not None:
            edges.append(edge)
    return edges


def row_groups(listings: Iterable[Features]) -> dict[str, list[Features]]:
    """The rows in which one list writes one party, one row per address, by
    the key of the first of them: the rows of one order
    (:func:`thaw.profiles.features.rows_key`) that write the same name, as
    written or with its words in another order (the Denied Persons List's
    'IHSAN MEDHAT "SAMMY" ELASHI' and "SAMMY (IHSAN MEDHAT) ELASHI"), or
    that write it without middle words, the first and last the same, at an
    address a row of the fuller name gives ("IHSAN MEDHAT ELASHI", at 316
    Candlewood Place as "SAMMY (IHSAN MEDHAT) ELASHI" is;
    :func:`_shortened`). Another order's rows are another listing, whatever
    their name: AL NASER WINGS AIRLINES, listed later at AL NASER AIRLINES'
    addresses, is another party."""
    written: dict[tuple[str, str], list[Features]] = defaultdict(list)
    for f in listings:
        if f.rows:
            written[(namespace(f.source, f.source_id), f.rows)].append(f)
    by_order: dict[tuple[str, str], list[list[Features]]] = defaultdict(list)
    for (where, rows), fs in sorted(written.items()):
        by_order[(where, rows.split(" ", 1)[1])].append(sorted(fs, key=lambda f: f.key))
    out: dict[str, list[Features]] = {}
    for groups in by_order.values():
        # (the same words in another order first, then names without middle words)
        for same in (_same_words, _shortened):
            merged = True
            while merged and len(groups) > 1:
                merged = False
                for x, y in combinations(range(len(groups)), 2):
                    if same(groups[x], groups[y]):
                        groups[x] = sorted([*groups[x], *groups.pop(y)], key=lambda f: f.key)
                        merged = True
                        break
        for fs in groups:
            out[fs[0].key] = fs
    return out


_WORD = re.compile(r"[^\W_]+")


def _primary_names(rows: Sequence[Features]) -> list[tuple[str, ...]]:
    """The words of the rows' captions as written (case aside). Not as name
    analysis reads them, which sets legal forms and generic words aside
    (Aero Systems Pte. Ltd. and Aero Systems, Inc., Rosneft Trade Limited
    and Rosneft Trading S.A., listed by one order, are two parties each),
    nor the names in their brackets, which one order may give two parties
    (India's and Pakistan's atomic energy bodies' "Nuclear reactors
    (including power plants)")."""
    return [tuple(_WORD.findall(f.caption.casefold())) for f in rows]


def _same_words(a: Sequence[Features], b: Sequence[Features]) -> bool:
    """Whether rows of one order write the same name, its words in another order."""
    bags = {tuple(sorted(t)) for t in _primary_names(a) if len(t) >= 2}
    return any(tuple(sorted(t)) in bags for t in _primary_names(b))


def _shortened(a: Sequence[Features], b: Sequence[Features]) -> bool:
    """Whether rows of one order give one address and a name of one is a
    name of the other without middle words (two words at least, the first
    and the last the same): "IHSAN MEDHAT ELASHI" and "IHSAN MEDHAT SAMMY
    ELASHI"; not "MEDHAT ELASHI", a father's name in his son's."""
    if not {ad for f in a for ad in f.addresses} & {ad for f in b for ad in f.addresses}:
        return False
    for x in _primary_names(a):
        for y in _primary_names(b):
            short, long = (x, y) if len(x) <= len(y) else (y, x)
            if (
                2 <= len(short) < len(long)
                and short[0] == long[0]
                and short[-1] == long[-1]
                and _subsequence(short, long)
            ):
                return True
    return False


def _subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    """Whether ``short`` is ``long`` with some words left out, in order."""
    words = iter(long)
    return all(any(t == u for u in words) for t in short)


def row_edges(listings: Iterable[Features]) -> list[Edge]:
    """``listed_rows`` edges: the rows in which one list writes one party, one
    row per address (:func:`row_groups`), each joined to the first of them.
    The clustering lets them share a profile however many they are, and
    whatever countries their addresses are in: the Denied Persons List's
    eleven rows of AL NASER AIRLINES, in Iraq, the Emirates and Jordan."""
    edges: list[Edge] = []
    for first, rows in sorted(row_groups(listings).items()):
        order = rows[0].rows.split(" ", 1)[1]
        edges.extend(
            Edge(first, f.key, "listed_rows", STRENGTH["listed_rows"], {"order": order})
            for f in rows
            if f.key != first
        )
    return edges


def reference_edges(listings: Iterable[Features]) -> list[Edge]:
    """Edges from explicit references: listing → referenced listing (where the
    referenced listing is present) and between listings quoting the same reference."""
    listings = list(listings)
    by_ref: dict[tuple[str, str], str] = {}
    for f in listings:
        by_ref.setdefault((f.source, normalize_ref(f.source_id)), f.key)
    quoting: dict[tuple[str, str], list[str]] = defaultdict(list)
    edges: list[Edge] = []
    for f in listings:
        for ref in f.references:
            quoting[ref].append(f.key)
            target = by_ref.get(ref)
            if target is not None and target != f.key:
                kind = "un_reference" if ref[0] == "un_sc" else "reference"
                a, b = sorted((f.key, target))
                edges.append(Edge(a, b, kind, STRENGTH[kind], {"ref": f"{ref[0]}:{ref[1]}"}))
    for ref, keys in quoting.items():
        if len(keys) < 2:
            continue
        for a, b in combinations(sorted(set(keys)), 2):
            if a.split(":", 1)[0] != b.split(":", 1)[0]:
                edges.append(
                    Edge(
                        a,
                        b,
                        "shared_reference",
                        STRENGTH["shared_reference"],
                        {"ref": f"{ref[0]}:{ref[1]}"},
                    )
                )
    return edges


# -- clustering --------------------------------------------------------------------------


@dataclass(slots=True)
class _Node:
    """What the clustering needs to know about one listing."""

    source: str
    group: str
    birth_dates: tuple[str, ...]
    countries: frozenset[str] = frozenset()
    rows: str = ""


class _Clusters:
    """Union-find over listing keys with the per-cluster facts the merge rules need."""

    def __init__(self, nodes: dict[str, _Node], unlinked: dict[str, set[str]]) -> None:
        self.nodes = nodes
        self.parent: dict[str, str] = {k: k for k in nodes}
        self.members: dict[str, list[str]] = {k: [k] for k in nodes}
        self.unlinked = unlinked

    def find(self, k: str) -> str:
        root = k
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[k] != root:
            self.parent[k], k = root, self.parent[k]
        return root

    def obstacle(self, ra: str, rb: str, edge: Edge) -> str | None:
        """Why clusters ``ra`` and ``rb`` may not be merged by ``edge`` (``None``
        if they may)."""
        ma, mb = self.members[ra], self.members[rb]
        kind = edge.kind
        analyst = kind == "analyst"
        twice = {edge.a, edge.b} if kind in TWICE_KINDS else set()
        reference = kind in ("un_reference", "reference", "shared_reference", "listed_rows")
        sources_a: dict[str, list[str]] = defaultdict(list)
        for k in ma:
            sources_a[self.nodes[k].source].append(k)
        for k in mb:
            src = self.nodes[k].source
            rows = self.nodes[k].rows
            # (a duplicate joins its two listings only, not a third of the list;
            # the rows of one listing all go together)
            for same in sources_a.get(src, ()):
                if rows and self.nodes[same].rows == rows:
                    continue
                if {same, k} != twice and (not analyst or src in UNIQUE_SOURCES):
                    return f"would put {same} and {k} ({src}) in one profile"
        small, other = (ma, rb) if len(ma) <= len(mb) else (mb, ra)
        for k in small:
            for u in self.unlinked.get(k, ()):
                if u in self.parent and self.find(u) == other:
                    return f"analyst unlinked {k} and {u}"
        groups = {self.nodes[k].group for k in (*ma, *mb)} - {"any"}
        if len(groups) > 1 and not analyst:
            return "incompatible kinds of party (" + " and ".join(sorted(groups)) + ")"
        if not analyst and not reference:
            dates_a = [d for k in ma for d in self.nodes[k].birth_dates]
            dates_b = [d for k in mb for d in self.nodes[k].birth_dates]
            dates = compare_dates(dates_a, dates_b)
            if dates == "conflict" or (dates == "approx" and kind not in APPROX_KINDS):
                return "birth dates of the two profiles conflict"
        if not analyst and not reference and kind != "identifier":
            countries_a = frozenset(c for k in ma for c in self.nodes[k].countries)
            countries_b = frozenset(c for k in mb for c in self.nodes[k].countries)
            if places_conflict(countries_a, countries_b):
                return "the two profiles place the organisation in different countries"
        return None

    def union(self, ra: str, rb: str) -> None:
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))


def cluster(
    listings: Iterable[Features],
    edges: Iterable[Edge],
    decisions: Iterable[Decision] = (),
) -> Linkage:
    """Merge listings into clusters along ``edges``, strongest first, under the
    rules of the module docs. Analyst decisions are applied in order; for each
    pair the latest one counts."""
    listings = list(listings)
    # (the rows of one party share the key of its first row)
    rows = {f.key: first for first, fs in row_groups(listings).items() for f in fs}
    nodes = {
        f.key: _Node(
            namespace(f.source, f.source_id),
            "any" if f.schema == "LegalEntity" else f.group,
            f.birth_dates,
            f.countries if f.group == "org" else frozenset(),
            rows.get(f.key, ""),
        )
        for f in listings
    }
    latest: dict[tuple[str, str], Decision] = {}
    for d in decisions:
        latest[tuple(sorted((d.a, d.b)))] = d  # type: ignore[index]
    unlinked: dict[str, set[str]] = defaultdict(set)
    analyst_edges: list[Edge] = []
    for (a, b), d in sorted(latest.items()):
        if a not in nodes or b not in nodes:
            continue
        if d.action == "unlink":
            unlinked[a].add(b)
            unlinked[b].add(a)
        else:
            analyst_edges.append(
                Edge(
                    a,
                    b,
                    "analyst",
                    STRENGTH["analyst"],
                    {"who": d.who, "why": d.why, "at": d.at, "decision": d.id},
                )
            )
    uf = _Clusters(nodes, unlinked)
    accepted: list[Edge] = []
    refused: list[tuple[Edge, str]] = []
    ordered = sorted(
        (e for e in [*analyst_edges, *edges] if e.a in nodes and e.b in nodes),
        key=lambda e: (-e.strength, e.a, e.b),
    )
    seen: set[tuple[str, str]] = set()

    def apply(edge: Edge) -> None:
        pair = (edge.a, edge.b)
        if edge.b in unlinked.get(edge.a, ()):
            refused.append((edge, f"analyst unlinked {edge.a} and {edge.b}"))
            return
        ra, rb = uf.find(edge.a), uf.find(edge.b)
        if ra == rb:
            if pair not in seen:
                accepted.append(edge)
                seen.add(pair)
            return
        why = uf.obstacle(ra, rb, edge)
        if why is not None:
            refused.append((edge, why))
            return
        uf.union(ra, rb)
        accepted.append(edge)
        seen.add(pair)

    # edges whose short name may belong to several parties wait until every
    # other edge is applied, then hold only if they point to one party; a
    # holder whose edges point to several waits for the others' to be applied
    # (two listings of one name without dates join the dated party one after
    # the other), and is refused when no more hold
    pending: dict[str, list[Edge]] = defaultdict(list)
    for edge in ordered:
        if edge.kind in ONE_PARTY_KINDS:
            pending[edge.evidence.get("short", edge.a)].append(edge)
        else:
            apply(edge)
    waiting = sorted(pending.items())
    progress = True
    while waiting and progress:
        progress = False
        undecided: list[tuple[str, list[Edge]]] = []
        for holder, group in waiting:
            party = _one_party(holder, group, uf.find)
            if party is None:
                undecided.append((holder, group))
                continue
            # (which edges point to the party is settled before any is
            # applied: a union may give the party another root)
            ours = [uf.find(_other(holder, edge)) == party for edge in group]
            # (an authority's second listing joins first, so that its
            # other edges to the party are not refused for the first)
            for edge, to_party in sorted(
                zip(group, ours, strict=True), key=lambda p: p[0].kind != "listed_twice"
            ):
                if to_party:
                    apply(edge)
                else:
                    why = f"the dates of {holder} agree with another party's ({party})"
                    refused.append((edge, why))
            progress = True
        waiting = undecided
    for holder, group in waiting:
        others = sorted(_other(holder, e) for e in group)
        why = f"the name of {holder} is part of several parties' ({', '.join(others)})"
        refused.extend((e, why) for e in group)
    clusters = sorted(sorted(m) for m in uf.members.values())
    return Linkage(clusters, accepted, refused)


DATE_ORDER = ("agree", "none", "apart")
"""How the birth dates of a one-party edge compare (``evidence["dates"]`` of
``name_regime``: a year or month agrees, a side has none, or years apart, an
estimate), the closest first; an edge without the key counts as ``none``."""


def _other(holder: str, edge: Edge) -> str:
    """The listing of ``edge`` that is not ``holder``."""
    return edge.b if edge.a == holder else edge.a


def _one_party(holder: str, group: list[Edge], find: Callable[[str], str]) -> str | None:
    """The party (cluster root) that ``holder``'s one-party edges point to, or
    ``None`` where they point to several: the edges whose dates agree best
    (:data:`DATE_ORDER`) decide, so that Australia's Suhayl Hasan AL-HASAN, born
    1964, joins OFAC's, born 1964, rather than standing between it and the UK's
    namesake of an alias, born 1970, six years off."""
    for tier in DATE_ORDER:
        parties = {
            find(_other(holder, e)) for e in group if e.evidence.get("dates", "none") == tier
        }
        if parties:
            return parties.pop() if len(parties) == 1 else None
    return None


def link(
    listings: Sequence[Features],
    decisions: Iterable[Decision] = (),
    references: bool = True,
    ctx: Context | None = None,
    workers: int = 1,
) -> Linkage:
    """The whole pipeline over prepared listings (see the module docs).
    ``references=False`` ignores explicit references (to measure how far identity
    evidence alone gets)."""
    edges = find_edges(listings, ctx, workers=workers)
    edges.extend(row_edges(listings))
    if references:
        edges.extend(reference_edges(listings))
    return cluster(listings, edges, decisions)
