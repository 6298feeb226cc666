"""Relief through ownership: what lifting listings does to the companies they own.

Lifting a person's listing can unblock the companies that person owns, and can
leave them blocked through another owner. :func:`compare` evaluates every rule
twice over the same graph, once with every listing in force and once without the
lifted ones, and reports each party *exposed only by ownership or control* (not
listed itself) whose standing changes, or could have, with the explanation after
the scenario:

* ``unblocked``: blocked (or undetermined) under a rule before, not after;
* ``still_blocked``: blocked before and after: through another owner, or through
  a listing the scenario does not lift; the explanation names who;
* parties listed themselves enter the comparison when the scenario lifts their
  own listing: they may stay caught through their owners.

The scenario reaches this module as a predicate (``lifted(listing)``), so that it
does not depend on how scenarios are written (:mod:`thaw.whatif`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from thaw.ownership.analysis import Analysis
from thaw.ownership.graph import OwnershipGraph
from thaw.ownership.model import ListingRef
from thaw.ownership.rules import RULES, Rule

BLOCKING = ("blocked", "undetermined")
CAUGHT = ("listed", "blocked", "undetermined")


@dataclass(slots=True)
class OwnershipOutcome:
    """One party's standing per authority before and after the scenario."""

    key: str
    name: str
    before: dict[str, str]
    after: dict[str, str]
    summaries: dict[str, str]

    @property
    def unblocked(self) -> list[str]:
        """Authorities under whose rule the party was caught and no longer is."""
        return [a for a in self.before if self.before[a] in CAUGHT and self.after[a] not in CAUGHT]

    @property
    def still_blocked(self) -> list[str]:
        """Authorities under whose rule the party stays caught."""
        return [a for a in self.before if self.before[a] in CAUGHT and self.after[a] in CAUGHT]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "party": self.key,
            "name": self.name,
            "before": self.before,
            "after": self.after,
            "unblocked_under": self.unblocked,
            "still_blocked_under": self.still_blocked,
            "explanation_after": self.summaries,
        }


@dataclass(slots=True)
class ReliefResult:
    """The ownership side of a relief scenario."""

    as_of: str
    outcomes: list[OwnershipOutcome] = field(default_factory=list)

    def unblocked(self) -> list[OwnershipOutcome]:
        """Parties unblocked under every rule that caught them."""
        return [o for o in self.outcomes if o.unblocked and not o.still_blocked]

    def still_blocked(self) -> list[OwnershipOutcome]:
        """Parties that stay caught under at least one rule."""
        return [o for o in self.outcomes if o.still_blocked]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (the ``ownership`` key of ``thaw whatif --json``)."""
        partly = [o for o in self.outcomes if o.unblocked and o.still_blocked]
        return {
            "as_of": self.as_of,
            "note": "parties caught only by ownership or control, and listed parties whose "
            "listing the scenario lifts",
            "counts": {
                "evaluated": len(self.outcomes),
                "unblocked": len(self.unblocked()),
                "still_blocked": len(self.still_blocked()),
                "unblocked_under_some_rules": len(partly),
            },
            "unblocked": [o.to_dict() for o in self.unblocked()],
            "still_blocked": [o.to_dict() for o in self.still_blocked()],
        }


def compare(
    og: OwnershipGraph,
    lifted: Callable[[ListingRef], bool],
    rules: dict[str, Rule] | None = None,
    only: Iterable[int] | None = None,
    lists: Iterable[str] | None = None,
) -> ReliefResult:
    """Parties exposed by ownership or control, before and after lifting the
    listings for which ``lifted`` is true: every party caught only by ownership,
    and every listed party whose own listing the scenario lifts (is it still
    caught through its owners?). ``only`` restricts to these nodes; ``lists`` are
    the loaded list sources (see :class:`~thaw.ownership.analysis.Analysis`)."""
    chosen = dict(rules or RULES)
    known = list(lists) if lists is not None else None
    before = Analysis(og, chosen, lists=known)
    after = Analysis(og, chosen, in_force=lambda item: not lifted(item), lists=known)
    wanted = set(only) if only is not None else None
    result = ReliefResult(og.as_of)
    for node in og.nodes:
        if wanted is not None and node.index not in wanted:
            continue
        was = before.statuses(node.index)
        now = after.statuses(node.index)
        exposed = any(x in BLOCKING for x in was.values()) and "listed" not in was.values()
        relisted = any(was[a] == "listed" and now[a] != "listed" for a in was)
        if not exposed and not relisted:
            continue
        explained = after.explain(node.index)
        result.outcomes.append(
            OwnershipOutcome(
                node.keys[0],
                node.name,
                was,
                now,
                {a: x.summary for a, x in explained.answers.items()},
            )
        )
    return result


def owned_by(og: OwnershipGraph, starts: Iterable[int]) -> set[int]:
    """Every party reachable from ``starts`` along ownership or control links (the
    companies a party's relief could touch)."""
    graph = og.graph
    seen = set(starts)
    stack = list(seen)
    while stack:
        v = stack.pop()
        for e in range(graph.offsets[v], graph.offsets[v + 1]):
            a = graph.targets[e]
            if a not in seen and og.edges[e].kind not in ("family", "influence"):
                seen.add(a)
                stack.append(a)
    return seen
