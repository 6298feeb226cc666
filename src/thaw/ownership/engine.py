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
(:meth:`RuleRun.designate`) without recomputing anything already decided.
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


class RuleRun:
    """One rule in one mode over a whole graph; see the module docs.

    ``blocked[v]`` is 1 for designated nodes and nodes caught by the rule;
    ``listed[v]`` marks the designated ones; ``rank[v]`` is the order in which
    nodes were caught (designated nodes first), ``by[v]`` for per-person rules the
    designated person whose set caught ``v`` first.
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
        g, rule, chan, stakes = self.graph, self.rule, self.channel, self.stakes
        offsets, targets, kinds = g.offsets, g.targets, g.kinds
        shares, votes, blocked = self.shares, self.votes, self.blocked
        inclusive = rule.inclusive
        limit = rule.threshold - TOLERANCE if inclusive else rule.threshold + TOLERANCE
        queue: list[int] = []
        for v in fresh:
            if not blocked[v]:
                self._catch(v, v)
                queue.append(v)
        caught: list[int] = []
        while queue:
            v = queue.pop()
            for e in range(offsets[v], offsets[v + 1]):
                a = targets[e]
                if blocked[a]:
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
                if total >= limit if inclusive else total > limit:
                    self._catch(a, v)
                    caught.append(a)
                    queue.append(a)
        return caught

    def _person(self, person: int) -> list[int]:
        """Grow the set of entities ``person`` owns or controls (see module docs)."""
        members = person_set(self.graph, self.rule, self.channel, self.stakes, person)
        caught: list[int] = []
        for v in members:
            if not self.blocked[v]:
                self._catch(v, person)
                caught.append(v)
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
    offsets, targets, kinds = graph.offsets, graph.targets, graph.kinds
    inclusive = rule.inclusive
    limit = rule.threshold - TOLERANCE if inclusive else rule.threshold + TOLERANCE
    inside = {person}
    shares: dict[int, float] = {}
    votes: dict[int, float] = {}
    order: list[int] = []
    queue = [person]
    while queue:
        v = queue.pop()
        for e in range(offsets[v], offsets[v + 1]):
            a = targets[e]
            if a in inside:
                continue
            c = chan[kinds[e]]
            if c == SHARE:
                total = shares.get(a, 0.0) + stakes[e]
                shares[a] = total
            elif c == VOTE:
                total = votes.get(a, 0.0) + stakes[e]
                votes[a] = total
            elif c == CONTROL:
                total = 200.0
            else:
                continue
            if contributions is not None:
                contributions.setdefault(a, []).append(e)
            if total >= limit if inclusive else total > limit:
                inside.add(a)
                order.append(a)
                queue.append(a)
    return order


def share_range(lo: float | None, hi: float | None, exclusive: bool) -> tuple[float, float]:
    """``(low, high)`` stakes of a link for the two evaluations: unknown is 0 / 100,
    a "more than x %" bound a hair above x."""
    if lo is None:
        return 0.0, 100.0
    low = lo + EXCLUSIVE_STEP if exclusive else lo
    return low, hi if hi is not None else lo
