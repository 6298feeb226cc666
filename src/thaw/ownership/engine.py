"""The ownership rules computed over a whole graph, as fixpoints.

:class:`Graph` holds owner → asset edges compactly (arrays in CSR order: the edges
of one owner are contiguous), each with a kind code and its stake as a range
``lo``..``hi`` in per cent. A stake of unknown size is ``lo = 0, hi = 100`` with
``unknown`` set: it never counts as 0 % or 100 % in an answer, but the *low*
evaluation counts it as nothing and the *high* evaluation as a majority, so that
an entity blocked only in the high evaluation is reported as "not blocked on the
known figures, blocked if that link were a majority".

:class:`RuleRun` evaluates one :class:`~thaw.ownership.rules.Rule` in one mode
(``high`` or not) over the whole graph:

* **aggregating rules** (the US): a worklist fixpoint. Every designated node is
  blocked; when a node becomes blocked, its holdings are added to each asset's
  running total; an asset whose total reaches the threshold becomes blocked in
  turn and its holdings propagate. This is exactly "owned 50 % or more in the
  aggregate by one or more blocked persons, blocked persons including entities
  blocked under the rule"; percentages are never multiplied; cycles end because a
  node is blocked once. Cost: the out-edges of blocked nodes, each once.
* **per-person rules** (the EU and the UK by default): for each designated person
  the set of entities that person owns or controls, directly or through entities
  already in the set (their shares and votes attributed to the person, not
  multiplied), is grown to its fixpoint; control links add their asset outright.
  An entity is caught when it is in some designated person's set.

Both are monotone, so a new designation is applied incrementally
(:meth:`RuleRun.designate`) without recomputing anything already decided: the
aggregating rule keeps its running totals between updates, and a new person's set
is grown once. Both propagate with :class:`Spread`, a plain worklist while it is
small and numpy levels over the graph's arrays once it grows, so that the worst
case (a listing that catches a large part of the graph) costs one visit of each
out-edge of what it catches, at a few tens of nanoseconds each.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from thaw.ownership.rules import EXCLUSIVE_STEP, TOLERANCE, Rule

KIND_CODES: dict[str, int] = {
    "ownership": 0,
    "voting": 1,
    "control": 2,
    "director": 3,
    "family": 4,
    "branch": 5,
    "consolidation": 6,
    "influence": 7,
}
"""Link kind → the small code stored per edge."""
KIND_NAMES = {v: k for k, v in KIND_CODES.items()}

SHARE, VOTE, CONTROL, INERT = 0, 1, 2, 3
"""What an edge does under a rule: adds to shares, adds to votes, controls outright,
or nothing."""


def channels(rule: Rule) -> bytes:
    """Per kind code, what an edge of that kind does under ``rule``. A kind that is
    both a share kind and a control kind (consolidation, branch) controls outright
    where control counts and holds its stake where it does not."""
    out = bytearray(len(KIND_CODES))
    for kind, code in KIND_CODES.items():
        if kind in rule.control_kinds:
            out[code] = CONTROL
        elif kind in rule.share_kinds:
            out[code] = SHARE
        elif kind in rule.vote_kinds:
            out[code] = VOTE
        else:
            out[code] = INERT
    return bytes(out)


@dataclass(slots=True)
class Graph:
    """Owner → asset edges over nodes ``0 … n-1`` in CSR order.

    ``offsets[v] … offsets[v+1]`` index the out-edges of owner ``v`` in
    ``targets``, ``kinds``, ``lo``, ``hi`` and ``unknown``. ``branch`` edges carry
    ``lo = hi = 100`` (a branch is its head office).
    """

    n: int
    offsets: array[int]
    targets: array[int]
    kinds: bytes
    lo: array[float]
    hi: array[float]
    unknown: bytes

    @classmethod
    def build(
        cls,
        n: int,
        owners: Sequence[int],
        assets: Sequence[int],
        kinds: Sequence[int],
        lo: Sequence[float],
        hi: Sequence[float],
        unknown: Sequence[int],
    ) -> Graph:
        """A graph from parallel edge sequences (any order)."""
        m = len(owners)
        counts = [0] * (n + 1)
        for o in owners:
            counts[o + 1] += 1
        for v in range(n):
            counts[v + 1] += counts[v]
        offsets = array("q", counts)
        fill = list(counts[:n])
        order = [0] * m
        for i, o in enumerate(owners):
            order[fill[o]] = i
            fill[o] += 1
        return cls(
            n,
            offsets,
            array("i", (assets[i] for i in order)),
            bytes(kinds[i] for i in order),
            array("d", (lo[i] for i in order)),
            array("d", (hi[i] for i in order)),
            bytes(unknown[i] for i in order),
        )

    @classmethod
    def from_arrays(
        cls,
        n: int,
        owners: Any,
        assets: Any,
        kinds: Any,
        lo: Any,
        hi: Any,
        unknown: Any,
    ) -> Graph:
        """A graph from parallel numpy arrays (any order): the bulk path, sorting
        millions of edges in C rather than in Python."""
        import numpy as np

        order = np.argsort(owners, kind="stable")
        counts = np.bincount(owners, minlength=n)
        offsets = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(counts, out=offsets[1:])
        return cls(
            n,
            array("q", offsets.tobytes()),
            array("i", np.asarray(assets, dtype=np.int32)[order].tobytes()),
            np.asarray(kinds, dtype=np.uint8)[order].tobytes(),
            array("d", np.asarray(lo, dtype=np.float64)[order].tobytes()),
            array("d", np.asarray(hi, dtype=np.float64)[order].tobytes()),
            np.asarray(unknown, dtype=np.uint8)[order].tobytes(),
        )

    @property
    def m(self) -> int:
        """The number of edges."""
        return len(self.targets)

    def reverse(self) -> list[list[int]]:
        """Per node, the indexes of the edges into it (built on demand)."""
        into: list[list[int]] = [[] for _ in range(self.n)]
        offsets, targets = self.offsets, self.targets
        for v in range(self.n):
            for e in range(offsets[v], offsets[v + 1]):
                into[targets[e]].append(e)
        return into

    def owner_of_edge(self, e: int) -> int:
        """The owner of edge ``e`` (binary search over the offsets)."""
        lo, hi = 0, self.n
        offsets = self.offsets
        while lo < hi:
            mid = (lo + hi) // 2
            if offsets[mid + 1] <= e:
                lo = mid + 1
            else:
                hi = mid
        return lo


VECTOR_NODES = 512
"""A propagation whose worklist holds this many nodes continues level by level in
numpy (:class:`Spread`)."""
VECTOR_EDGES = 4096
"""… and so does one that reaches a node with this many out-edges."""


class _Zero(dict[int, Any]):
    """A dict that reads 0 for a missing key (without storing it): the sparse totals
    and membership of a small propagation."""

    def __missing__(self, key: int) -> int:
        return 0


class Spread:
    """One propagation of "caught" through the graph under a rule: the state of the
    fixpoint and the worklist algorithm that brings it up to date.

    ``inside`` marks the nodes already caught (or the start), ``shares`` and
    ``votes`` the running totals of the holdings of caught nodes in each other
    node. A caught node's out-edges are each visited once: the stake is added to
    the asset's total and the asset is caught when a total meets the threshold (or
    at once through a control link). The containers are either full-size arrays
    (``bytearray`` and ``array('d')``, the state of a whole :class:`RuleRun`) or
    :class:`_Zero` dicts (a single person's set).

    The work is proportional to the out-edges of the nodes caught. Small
    propagations run as a plain worklist (last in, first out); once the worklist
    holds :data:`VECTOR_NODES` nodes or reaches a node with :data:`VECTOR_EDGES`
    out-edges, the rest runs level by level with numpy: gather every out-edge of
    the level, add the stakes per asset, catch the assets whose totals now meet
    the threshold. Both orders reach the same fixpoint (the rule is monotone:
    totals only grow, a caught node stays caught); only the order in which nodes
    are caught, and so :attr:`RuleRun.rank`, differs. This bounds the cost of the
    worst case (a listing that catches a large part of the graph) at a few tens of
    nanoseconds per edge instead of a microsecond.

    With ``record``, every edge that adds to a node's total before it is caught is
    recorded (for explanations); the propagation then stays in plain Python.
    """

    def __init__(
        self,
        graph: Graph,
        rule: Rule,
        chan: bytes,
        stakes: array[float],
        inside: Any,
        shares: Any,
        votes: Any,
        record: dict[int, list[int]] | None = None,
    ) -> None:
        self.graph = graph
        self.chan = chan
        self.stakes = stakes
        self.inclusive = rule.inclusive
        self.limit = rule.threshold - TOLERANCE if rule.inclusive else rule.threshold + TOLERANCE
        self.inside = inside
        self.shares = shares
        self.votes = votes
        self.record = record

    def run(self, stack: list[int]) -> list[tuple[Any, Any]]:
        """Propagate from the caught nodes ``stack`` (already marked inside); returns
        the nodes caught, in order, as chunks ``(nodes, by)``: lists from the plain
        worklist, numpy arrays from the levels, ``by[i]`` the node whose holding
        completed ``nodes[i]``'s total."""
        g = self.graph
        offsets, targets, kinds = g.offsets, g.targets, g.kinds
        chan, stakes, record = self.chan, self.stakes, self.record
        inside, shares, votes = self.inside, self.shares, self.votes
        inclusive, limit = self.inclusive, self.limit
        vector = record is None
        caught: list[int] = []
        by: list[int] = []
        while stack:
            v = stack[-1]
            if vector and (
                len(stack) >= VECTOR_NODES or offsets[v + 1] - offsets[v] >= VECTOR_EDGES
            ):
                return [(caught, by), *self._levels(stack)]
            stack.pop()
            for e in range(offsets[v], offsets[v + 1]):
                a = targets[e]
                if inside[a]:
                    continue
                c = chan[kinds[e]]
                if c == SHARE:
                    total = shares[a] + stakes[e]
                    shares[a] = total
                elif c == VOTE:
                    total = votes[a] + stakes[e]
                    votes[a] = total
                elif c == CONTROL:
                    total = 200.0
                else:
                    continue
                if record is not None:
                    record.setdefault(a, []).append(e)
                if total >= limit if inclusive else total > limit:
                    inside[a] = 1
                    caught.append(a)
                    by.append(v)
                    stack.append(a)
        return [(caught, by)]

    def _levels(self, stack: list[int]) -> list[tuple[Any, Any]]:
        """The rest of the propagation, level by level in numpy."""
        import numpy as np

        g = self.graph
        offsets = np.frombuffer(g.offsets, dtype=np.int64)
        targets = np.frombuffer(g.targets, dtype=np.int32)
        kinds = np.frombuffer(g.kinds, dtype=np.uint8)
        chan = np.frombuffer(self.chan, dtype=np.uint8)
        stakes = np.frombuffer(self.stakes, dtype=np.float64)
        inside, shares, votes = self._arrays(g.n)
        limit = self.limit
        out: list[tuple[Any, Any]] = []
        frontier = np.asarray(stack, dtype=np.int64)
        while frontier.size:
            starts = offsets[frontier]
            lens = offsets[frontier + 1] - starts
            total = int(lens.sum())
            if total == 0:
                break
            # the indexes of every out-edge of the level, and its owner
            base = np.repeat(starts - (np.cumsum(lens) - lens), lens)
            edge = base + np.arange(total, dtype=np.int64)
            owner = np.repeat(frontier, lens)
            asset = targets[edge]
            c = chan[kinds[edge]]
            keep = (c != INERT) & (inside[asset] == 0)
            edge, owner, asset, c = edge[keep], owner[keep], asset[keep], c[keep]
            for code, totals in ((SHARE, shares), (VOTE, votes)):
                sel = c == code
                if totals is not None and sel.any():
                    np.add.at(totals, asset[sel], stakes[edge[sel]])
            meet = c == CONTROL
            for totals in (shares, votes):
                if totals is not None:
                    held = totals[asset]
                    meet |= held >= limit if self.inclusive else held > limit
            hit = asset[meet]
            if not hit.size:
                break
            frontier, first = np.unique(hit, return_index=True)
            frontier = frontier.astype(np.int64)
            inside[frontier] = 1
            out.append((frontier, owner[meet][first]))
        return out

    def _arrays(self, n: int) -> tuple[Any, Any, Any]:
        """The state as numpy arrays: views of the full-size containers, or arrays
        made from the sparse dicts (which the propagation then no longer uses)."""
        import numpy as np

        if not isinstance(self.inside, dict):
            return (
                np.frombuffer(self.inside, dtype=np.uint8),
                np.frombuffer(self.shares, dtype=np.float64) if len(self.shares) else None,
                np.frombuffer(self.votes, dtype=np.float64) if len(self.votes) else None,
            )
        arrays = []
        for sparse, dtype in (
            (self.inside, np.uint8),
            (self.shares, np.float64),
            (self.votes, np.float64),
        ):
            full = np.zeros(n, dtype=dtype)  # calloc: pages never touched cost nothing
            if sparse:
                full[np.fromiter(sparse.keys(), np.int64, len(sparse))] = np.fromiter(
                    sparse.values(), dtype, len(sparse)
                )
            arrays.append(full)
        self.inside, self.shares, self.votes = arrays
        return arrays[0], arrays[1], arrays[2]


def _members(chunks: list[tuple[Any, Any]]) -> list[int]:
    out: list[int] = []
    for nodes, _by in chunks:
        out.extend(nodes if isinstance(nodes, list) else nodes.tolist())
    return out


class RuleRun:
    """One rule in one mode over a whole graph; see the module docs.

    ``blocked[v]`` is 1 for designated nodes and nodes caught by the rule;
    ``listed[v]`` marks the designated ones; ``rank[v]`` is the order in which
    nodes were caught (designated nodes first), ``by[v]`` for per-person rules the
    designated person whose set caught ``v`` first (for the aggregating rule, the
    blocked owner whose holding completed ``v``'s total).
    """

    def __init__(self, graph: Graph, rule: Rule, high: bool = False) -> None:
        self.graph = graph
        self.rule = rule
        self.high = high
        self.channel = channels(rule)
        n = graph.n
        self.blocked = bytearray(n)
        self.listed = bytearray(n)
        self.rank = array("i", bytes(4 * n))
        self.by = array("i", bytes(4 * n))
        self.caught = 0
        self.shares = array("d", bytes(8 * n)) if rule.aggregate else array("d")
        self.votes = array("d", bytes(8 * n)) if rule.aggregate else array("d")
        self.stakes = graph.hi if high else graph.lo

    def _catch(self, v: int, by: int) -> None:
        self.blocked[v] = 1
        self.caught += 1
        self.rank[v] = self.caught
        self.by[v] = by

    def _ranks(self, chunks: list[tuple[Any, Any]]) -> list[int]:
        """Number the nodes of ``chunks`` (already marked blocked) in order; returns
        them as one list."""
        out: list[int] = []
        for nodes, by in chunks:
            if isinstance(nodes, list):
                rank, who = self.rank, self.by
                for v, b in zip(nodes, by, strict=True):
                    self.caught += 1
                    rank[v] = self.caught
                    who[v] = b
                out.extend(nodes)
            elif nodes.size:
                import numpy as np

                count = int(nodes.size)
                np.frombuffer(self.rank, dtype=np.int32)[nodes] = np.arange(
                    self.caught + 1, self.caught + 1 + count, dtype=np.int32
                )
                np.frombuffer(self.by, dtype=np.int32)[nodes] = by
                self.caught += count
                out.extend(nodes.tolist())
        return out

    def designate(self, nodes: Iterable[int]) -> list[int]:
        """Add designated nodes and bring the fixpoint up to date; returns the nodes
        newly caught by the rule (not the designated ones themselves)."""
        fresh = [v for v in nodes if not self.listed[v]]
        for v in fresh:
            self.listed[v] = 1
        if self.rule.aggregate:
            return self._aggregate(fresh)
        caught: list[int] = []
        for v in fresh:
            if not self.blocked[v]:
                self._catch(v, v)
            caught.extend(self._person(v))
        return caught

    def _aggregate(self, fresh: list[int]) -> list[int]:
        stack: list[int] = []
        for v in fresh:
            if not self.blocked[v]:
                self._catch(v, v)
                stack.append(v)
        spread = Spread(
            self.graph,
            self.rule,
            self.channel,
            self.stakes,
            self.blocked,
            self.shares,
            self.votes,
        )
        return self._ranks(spread.run(stack))

    def _person(self, person: int) -> list[int]:
        """Grow the set of entities ``person`` owns or controls (see module docs) and
        catch those not caught yet."""
        inside = _Zero({person: 1})
        spread = Spread(self.graph, self.rule, self.channel, self.stakes, inside, _Zero(), _Zero())
        chunks = spread.run([person])
        blocked = self.blocked
        caught: list[int] = []
        for nodes, _by in chunks:
            if isinstance(nodes, list):
                fresh: Any = [v for v in nodes if not blocked[v]]
                for v in fresh:
                    blocked[v] = 1
                who: Any = [person] * len(fresh)
            else:
                import numpy as np

                flags = np.frombuffer(blocked, dtype=np.uint8)
                fresh = nodes[flags[nodes] == 0]
                flags[fresh] = 1
                who = np.full(fresh.size, person, dtype=np.int32)
            caught.extend(self._ranks([(fresh, who)]))
        return caught


def person_set(
    graph: Graph,
    rule: Rule,
    chan: bytes,
    stakes: array[float],
    person: int,
    contributions: dict[int, list[int]] | None = None,
) -> list[int]:
    """The entities ``person`` owns or controls under a per-person ``rule``, in the
    order they were reached (``person`` itself excluded). With ``contributions``,
    records per entity the edges (of the person or of entities in the set) that
    made it part of the set."""
    inside = _Zero({person: 1})
    spread = Spread(graph, rule, chan, stakes, inside, _Zero(), _Zero(), contributions)
    return _members(spread.run([person]))


def share_range(lo: float | None, hi: float | None, exclusive: bool) -> tuple[float, float]:
    """``(low, high)`` stakes of a link for the two evaluations: unknown is 0 / 100,
    a "more than x %" bound a hair above x."""
    if lo is None:
        return 0.0, 100.0
    low = lo + EXCLUSIVE_STEP if exclusive else lo
    return low, hi if hi is not None else lo
