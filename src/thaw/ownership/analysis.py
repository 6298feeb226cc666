"""Exposure: every party's standing under each authority's rule, explained.

:class:`Analysis` takes an :class:`~thaw.ownership.graph.OwnershipGraph` whose
parties are resolved to listings, designates under each rule the parties with a
listing in force on that rule's lists, and runs each rule twice over the whole
graph (:class:`~thaw.ownership.engine.RuleRun`): once counting stakes of unknown
size as nothing and disputed stakes at their lowest figure (*low*), once counting
them as a majority and at their highest figure (*high*). A party's status under a
rule is then

* ``listed``: it is designated itself;
* ``blocked``: caught by the rule on the known figures (low);
* ``undetermined``: caught only if a stake of unknown size were a majority, or a
  disputed stake at its highest figure (high only): the answer says which;
* ``not_blocked``: not caught even then;
* ``no_list``: none of the rule's lists is loaded, so nothing can be said.

:meth:`Analysis.explain` says why, per authority, in the words a sanctions lawyer
uses ("blocked under the US 50 % rule: 35 % held by X (listed by OFAC, programme
P) + 25 % via Y Ltd (owned 100 % by Z, listed by OFAC)"; "not blocked under the EU
rule: no designated owner above 50 %"), with the paths, percentages and listings
as data, the stake multiplied along each chain as information (labelled: it is
*not* the test), the links no longer in force, and any ownership cycle.

``in_force`` decides which listings count; relief scenarios pass one that drops
the lifted listings (:func:`thaw.ownership.relief.compare`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from thaw.ownership.engine import CONTROL, INERT, SHARE, RuleRun, channels, person_set
from thaw.ownership.graph import SIZED_KINDS, Edge, Node, OwnershipGraph
from thaw.ownership.model import ListingRef
from thaw.ownership.rules import AUTHORITY_NAMES, RULES, Rule

InForce = Callable[[ListingRef], bool]

STATUSES = ("listed", "blocked", "undetermined", "not_blocked", "no_list")
EFFECTIVE_NOTE = (
    "the stake multiplied along each chain, for information only: it is not the test "
    "under any of the three rules (OFAC FAQ 401: percentages are not multiplied)"
)
MAX_DEPTH = 4
"""How deep an explanation describes the owners of owners."""


@dataclass(slots=True)
class Answer:
    """One authority's answer for one party."""

    authority: str
    rule: Rule
    status: str
    summary: str
    holders: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    total: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        data: dict[str, Any] = {
            "status": self.status,
            "blocked": self.status in ("listed", "blocked") if self.status != "no_list" else None,
            "rule": self.rule.name,
            "test": self.rule.test,
            "aggregation": self.rule.aggregate,
            "summary": self.summary,
            "holders": self.holders,
            "notes": self.notes,
            "citation": self.rule.citation,
        }
        if self.total is not None:
            data["designated_holdings"] = round(self.total, 6)
        return data


@dataclass(slots=True)
class Exposure:
    """A party's exposure under every rule, with the evidence."""

    node: Node
    as_of: str
    answers: dict[str, Answer]
    links: list[dict[str, Any]]
    inactive: list[dict[str, Any]]
    effective: list[dict[str, Any]]
    cycle: list[str] | None

    @property
    def blocked_by(self) -> list[str]:
        """The authorities under whose rule the party is listed or blocked."""
        return [a for a, x in self.answers.items() if x.status in ("listed", "blocked")]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``thaw exposure --json``, ``screen --ownership``)."""
        data: dict[str, Any] = {
            "party": self.node.to_dict(),
            "as_of": self.as_of,
            "blocked_by": self.blocked_by,
            "authorities": {a: x.to_dict() for a, x in self.answers.items()},
            "owners": self.links,
            "not_in_force": self.inactive,
            "effective_stakes": {"note": EFFECTIVE_NOTE, "holders": self.effective},
        }
        if self.cycle:
            data["cycle"] = self.cycle
        return data

    def lines(self) -> list[str]:
        """The answers as sentences, one per authority, then the notes."""
        out = [x.summary for x in self.answers.values()]
        for x in self.answers.values():
            out.extend(f"  {x.authority}: {n}" for n in x.notes)
        for item in self.inactive:
            out.append(f"not counted: {item['owner']}, {item['share']}, {item['why']}")
        if self.cycle:
            out.append("ownership cycle: " + " → ".join(self.cycle))
        return out


def _listed_text(listings: list[ListingRef], authority: str) -> str:
    programs = sorted({p for item in listings for p in item.programs})
    who = AUTHORITY_NAMES.get(authority, authority.upper())
    if not programs:
        return f"listed by {who}"
    label = "programme" if len(programs) == 1 else "programmes"
    return f"listed by {who}, {label} {', '.join(programs)}"


class Analysis:
    """Every rule over one ownership graph (see the module docs)."""

    def __init__(
        self,
        og: OwnershipGraph,
        rules: dict[str, Rule] | None = None,
        in_force: InForce | None = None,
        lists: Iterable[str] | None = None,
    ) -> None:
        self.og = og
        self.rules = dict(rules or RULES)
        self.in_force: InForce = in_force or (lambda item: True)
        self._reverse: list[list[int]] | None = None
        self._by_listing: dict[str, list[int]] | None = None
        self.designated: dict[str, dict[int, list[ListingRef]]] = {}
        self.runs: dict[str, tuple[RuleRun, RuleRun]] = {}
        loaded = set(lists) if lists is not None else None
        self.unavailable = {
            a
            for a, rule in self.rules.items()
            if loaded is not None and not loaded & set(rule.sources)
        }
        for authority, rule in self.rules.items():
            chosen: dict[int, list[ListingRef]] = {}
            for node in og.nodes:
                if node.resolution is None:
                    continue
                items = [
                    x
                    for x in node.resolution.listings
                    if x.source in rule.sources and self.in_force(x)
                ]
                if items:
                    chosen[node.index] = items
            self.designated[authority] = chosen
            low, high = RuleRun(og.graph, rule), RuleRun(og.graph, rule, high=True)
            low.designate(sorted(chosen))
            high.designate(sorted(chosen))
            self.runs[authority] = (low, high)

    @property
    def _holders(self) -> dict[str, list[int]]:
        """Listing key → the parties resolved to it (built on first use)."""
        if self._by_listing is None:
            self._by_listing = {}
            for node in self.og.nodes:
                if node.resolution is not None:
                    for x in node.resolution.listings:
                        self._by_listing.setdefault(x.key, []).append(node.index)
        return self._by_listing

    def designate(self, listings: Iterable[ListingRef]) -> dict[str, list[int]]:
        """Bring every rule up to date after new listings came into force, without
        recomputing (the engine's fixpoints are monotone): per authority, the
        parties newly caught by ownership or control (blocked or undetermined).
        This is what an ``ownership_hit`` alert of monitoring is made of."""
        keys = {x.key for x in listings}
        before = self.in_force
        self.in_force = lambda item: item.key in keys or before(item)
        out: dict[str, list[int]] = {}
        for authority, rule in self.rules.items():
            if authority in self.unavailable:
                continue
            chosen = self.designated[authority]
            fresh: list[int] = []
            for index in sorted({v for key in keys for v in self._holders.get(key, ())}):
                node = self.og.nodes[index]
                if node.resolution is None:
                    continue
                items = [
                    x
                    for x in node.resolution.listings
                    if x.key in keys and x.source in rule.sources
                ]
                if items:
                    known = chosen.setdefault(node.index, [])
                    known.extend(x for x in items if x not in known)
                    fresh.append(node.index)
            low, high = self.runs[authority]
            caught = low.designate(fresh) + high.designate(fresh)
            out[authority] = sorted(set(caught) - set(chosen))
        return out

    # -- statuses ----------------------------------------------------------------

    def status(self, node: int, authority: str) -> str:
        """``listed``, ``blocked``, ``undetermined``, ``not_blocked`` or ``no_list``."""
        if authority in self.unavailable:
            return "no_list"
        low, high = self.runs[authority]
        if low.listed[node]:
            return "listed"
        if low.blocked[node]:
            return "blocked"
        if high.blocked[node]:
            return "undetermined"
        return "not_blocked"

    def statuses(self, node: int) -> dict[str, str]:
        """The status under every rule."""
        return {a: self.status(node, a) for a in self.rules}

    def exposed(self) -> Iterator[tuple[Node, dict[str, str]]]:
        """Every party not listed anywhere but blocked or undetermined under a rule
        (the companies exposed *only* by ownership or control)."""
        for node in self.og.nodes:
            st = self.statuses(node.index)
            values = set(st.values())
            if "listed" in values:
                continue
            if values & {"blocked", "undetermined"}:
                yield node, st

    # -- explanations ------------------------------------------------------------

    @property
    def reverse(self) -> list[list[int]]:
        """Per node, the edges into it."""
        if self._reverse is None:
            self._reverse = self.og.graph.reverse()
        return self._reverse

    def _into(self, v: int) -> list[int]:
        """The edges into ``v``, largest stake first (control links, then stakes of
        unknown size last), then by owner name."""
        edges = self.og.edges

        def order(e: int) -> tuple[float, str]:
            lo = edges[e].lo
            return (-(lo if lo is not None else -1.0), self._name(edges[e].owner))

        return sorted(self.reverse[v], key=order)

    def _holdings(self, v: int, run: RuleRun) -> Iterator[tuple[int, int, int, Edge]]:
        """``(edge index, owner, channel, edge)`` of the links into ``v`` that count
        under ``run``'s rule and whose owner ``run`` has caught, in :meth:`_into`
        order."""
        kinds = self.og.graph.kinds
        for e in self._into(v):
            o = self._owner(e)
            c = run.channel[kinds[e]]
            if c != INERT and run.blocked[o]:
                yield e, o, c, self.og.edges[e]

    def _name(self, v: int) -> str:
        return self.og.nodes[v].name

    def _owner(self, e: int) -> int:
        return self.og.edges[e].owner

    def _holder(
        self, e: int, authority: str, extra: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        edge = self.og.edges[e]
        owner = edge.owner
        item: dict[str, Any] = {
            "party": self.og.nodes[owner].keys[0],
            "name": self._name(owner),
            "kind": edge.kind,
            "share": edge.share,
        }
        if edge.lo is not None:
            item["percentage_min"] = edge.lo
            item["percentage_max"] = edge.hi
        listings = self.designated[authority].get(owner)
        if listings:
            item["listings"] = [x.to_dict() for x in listings]
        if edge.conflict:
            item["conflict"] = edge.conflict
        if extra:
            item.update(extra)
        return item

    def _stake_words(self, edge: Edge) -> str:
        if edge.kind in ("control", "director", "consolidation", "branch", "influence"):
            role = next((x.role for _, x in edge.links if x.role), None)
            what = {"director": "director", "consolidation": "consolidates it"}.get(
                edge.kind, edge.kind
            )
            return f"{what}{f' ({role})' if role else ''}"
        return "a stake of unknown size" if edge.unknown else edge.share

    def _conditions(self, v: int, authority: str) -> str:
        """What would make ``v`` caught in the low evaluation: the stakes of unknown
        size, the disputed figures and the owners that are themselves undetermined."""
        low, high = self.runs[authority]
        out: list[str] = []
        for _e, o, _c, edge in self._holdings(v, high):
            if edge.unknown:
                out.append(f"the stake of unknown size held by {self._name(o)} were a majority")
            elif edge.conflict:
                out.append(
                    f"the higher figure for {self._name(o)}'s stake ({edge.hi:g} %) were right"
                )
            if not low.blocked[o]:
                out.append(f"{self._name(o)} were itself caught (see its own answer)")
        return " or ".join(dict.fromkeys(out)) or "the uncertain figures were majorities"

    def _describe_aggregate(self, v: int, run: RuleRun, authority: str, depth: int) -> str:
        """Why ``v`` is blocked in an aggregating run: its blocked holders (only those
        caught before it, so that the story is well founded and cycles end)."""
        if run.listed[v]:
            return _listed_text(self.designated[authority][v], authority)
        if depth >= MAX_DEPTH:
            return "blocked under the rule, see its own explanation"
        parts = []
        for e in self._into(v):
            o = self._owner(e)
            if not run.blocked[o] or run.rank[o] >= run.rank[v]:
                continue
            if run.channel[self.og.graph.kinds[e]] == INERT:
                continue
            edge = self.og.edges[e]
            inner = self._describe_aggregate(o, run, authority, depth + 1)
            if run.listed[o]:
                parts.append(f"{self._stake_words(edge)} by {self._name(o)}, {inner}")
            else:
                parts.append(f"{self._stake_words(edge)} by {self._name(o)} ({inner})")
        return "owned " + " + ".join(parts) if parts else "blocked under the rule"

    def _aggregate_answer(self, v: int, authority: str, rule: Rule) -> Answer:
        low, high = self.runs[authority]
        status = self.status(v, authority)
        run = high if status == "undetermined" else low
        holders: list[dict[str, Any]] = []
        parts: list[str] = []
        total = 0.0
        for e, o, c, edge in self._holdings(v, run):
            if c == SHARE:
                total += low.stakes[e] if low.blocked[o] else 0.0
            if run.listed[o]:
                why = _listed_text(self.designated[authority][o], authority)
                text = f"{self._stake_words(edge)} held by {self._name(o)} ({why})"
            else:
                why = self._describe_aggregate(o, run, authority, 1)
                text = f"{self._stake_words(edge)} via {self._name(o)} ({why})"
            if edge.conflict:
                text += f" [{edge.conflict}]"
            parts.append(text)
            holders.append(
                self._holder(e, authority, {"status": self.status(o, authority), "why": why})
            )
        label = rule.name
        if status == "listed":
            summary = f"listed: {_listed_text(self.designated[authority][v], authority)}"
        elif status == "blocked":
            summary = f"blocked under the {label}: " + " + ".join(parts)
        elif status == "undetermined":
            summary = (
                f"not blocked under the {label} on the known figures (blocked persons hold "
                f"{total:g} %); blocked if {self._conditions(v, authority)}: " + " + ".join(parts)
            )
        elif total > 0:
            summary = (
                f"not blocked under the {label}: blocked persons hold {total:g} % in the "
                f"aggregate ({rule.test} needed)"
            )
        else:
            summary = f"not blocked under the {label}: no blocked owner"
        answer = Answer(authority, rule, status, summary, holders, total=total)
        if status == "not_blocked" and rule.aggregate:
            node_keys = set(self.og.nodes[v].keys)
            gone = [
                x
                for _, x, why in self.og.inactive
                if x.asset.key in node_keys
                and why.startswith("ended")
                and low.blocked[self.og.by_key.get(x.owner.key, v)]
                and x.owner.key not in node_keys
            ]
            if gone:
                answer.notes.append(
                    "blocked persons' stakes have ended: an entity whose blocked owners fall "
                    "below 50 % is no longer blocked automatically, but property blocked "
                    "before stays blocked and OFAC urges caution (FAQ 402)"
                )
        if not rule.control_kinds:
            for e in self._into(v):
                edge = self.og.edges[e]
                if (
                    edge.kind in ("control", "director", "voting", "influence")
                    and low.blocked[edge.owner]
                ):
                    answer.notes.append(
                        f"{self._name(edge.owner)} (blocked) {self._stake_words(edge)}: control "
                        "without 50 % ownership does not block under the rule, but OFAC urges "
                        "caution in dealings (2014 revised guidance)"
                    )
        return answer

    def _person_chain(
        self, v: int, person: int, contributions: dict[int, list[int]], run: RuleRun, depth: int
    ) -> str:
        parts = []
        for e in contributions.get(v, []):
            o = self._owner(e)
            edge = self.og.edges[e]
            words = self._stake_words(edge)
            if o == person:
                control = run.channel[self.og.graph.kinds[e]] == CONTROL
                parts.append(words if control else f"{words} held directly")
            elif depth < MAX_DEPTH:
                inner = self._person_chain(o, person, contributions, run, depth + 1)
                parts.append(f"{words} via {self._name(o)} ({inner})")
            else:
                parts.append(f"{words} via {self._name(o)}")
        return " + ".join(parts)

    def _person_answer(self, v: int, authority: str, rule: Rule) -> Answer:
        low, high = self.runs[authority]
        status = self.status(v, authority)
        label = rule.name
        if status == "listed":
            text = _listed_text(self.designated[authority][v], authority)
            return Answer(authority, rule, status, f"listed: {text}")
        holders: list[dict[str, Any]] = []
        if status in ("blocked", "undetermined"):
            run = low if status == "blocked" else high
            person = run.by[v]
            contributions: dict[int, list[int]] = {}
            person_set(self.og.graph, rule, run.channel, run.stakes, person, contributions)
            chain = self._person_chain(v, person, contributions, run, 0)
            listed = _listed_text(self.designated[authority][person], authority)
            who = f"{self._name(person)} ({listed})"
            for e in contributions.get(v, []):
                holders.append(
                    self._holder(e, authority, {"status": self.status(self._owner(e), authority)})
                )
            if status == "blocked":
                summary = f"blocked under the {label}: owned or controlled by {who}: {chain}"
            else:
                summary = (
                    f"not blocked under the {label} on the known figures; blocked if "
                    f"{self._conditions(v, authority)}: {who}: {chain}"
                )
            return Answer(authority, rule, status, summary, holders)
        # not blocked: say what designated persons (and what they own) do hold
        best: tuple[float, int] | None = None
        together = 0.0
        for e, o, c, _edge in self._holdings(v, low):
            holders.append(self._holder(e, authority, {"status": self.status(o, authority)}))
            if c == SHARE:
                stake = low.stakes[e]
                together += stake
                if best is None or stake > best[0]:
                    best = (stake, o)
        if best is None:
            summary = f"not blocked under the {label}: no designated owner above 50 %"
        else:
            summary = (
                f"not blocked under the {label}: no designated owner above 50 % (largest: "
                f"{self._name(best[1])}, {best[0]:g} %)"
            )
        answer = Answer(authority, rule, status, summary, holders, total=together)
        if rule.meets(together) and not rule.aggregate:
            answer.notes.append(
                f"designated persons and entities they own hold {together:g} % together: "
                f"blocked only if holdings are aggregated (--aggregate-{authority}); the "
                "guidance leaves aggregation across persons to case-by-case assessment"
            )
        return answer

    def explain(self, v: int) -> Exposure:
        """The full exposure of node ``v`` (see the module docs)."""
        answers: dict[str, Answer] = {}
        for authority, rule in self.rules.items():
            if authority in self.unavailable:
                answers[authority] = Answer(
                    authority,
                    rule,
                    "no_list",
                    f"not evaluated under the {rule.name}: no list of "
                    f"{AUTHORITY_NAMES.get(authority, authority)} is loaded "
                    f"({', '.join(rule.sources)})",
                )
            elif rule.aggregate:
                answers[authority] = self._aggregate_answer(v, authority, rule)
            else:
                answers[authority] = self._person_answer(v, authority, rule)
        for authority, answer in answers.items():
            if answer.status == "listed":
                also = self._also_owned(v, authority)
                if also:
                    answer.notes.append(also)
        node = self.og.nodes[v]
        links: list[dict[str, Any]] = []
        for e in self._into(v):
            edge = self.og.edges[e]
            item: dict[str, Any] = {"owner": self.og.nodes[edge.owner].to_dict()}
            item.update(edge.to_dict())
            item["owner_status"] = self.statuses(edge.owner)
            links.append(item)
        keys = set(node.keys)
        inactive = [
            {
                "owner": x.owner.name or x.owner.key,
                "owner_key": x.owner.key,
                "kind": x.kind,
                "share": x.share_text or ("of unknown size" if x.kind in SIZED_KINDS else ""),
                "start": x.start,
                "end": x.end,
                "why": why,
                "publication": source,
                "origin": x.origin,
            }
            for source, x, why in self.og.inactive
            if x.asset.key in keys
        ]
        return Exposure(
            node, self.og.as_of, answers, links, inactive, self._effective(v), self._cycle(v)
        )

    def _also_owned(self, v: int, authority: str) -> str | None:
        """For a listed party: whether its owners would catch it under the rule if
        its own listing were lifted (direct holdings of caught owners only)."""
        rule = self.rules[authority]
        low = self.runs[authority][0]
        parts: list[str] = []
        total = 0.0
        best = 0.0
        control = False
        for e, o, c, edge in self._holdings(v, low):
            if c == CONTROL:
                control = True
            elif c == SHARE:
                total += low.stakes[e]
                best = max(best, low.stakes[e])
            parts.append(f"{self._stake_words(edge)} by {self._name(o)}")
        caught = control or rule.meets(total if rule.aggregate else best)
        if not caught:
            return None
        return (
            "also owned or controlled by listed or blocked parties (caught under the rule "
            "even without its own listing): " + " + ".join(parts)
        )

    # -- information beside the test ---------------------------------------------

    def _effective(self, v: int, max_paths: int = 2000) -> list[dict[str, Any]]:
        """Multiplied stakes of designated or blocked ancestors along every simple
        chain of share links up to ``v`` (information, not the test)."""
        share_kinds = {"ownership", "consolidation", "branch"}
        found: dict[int, dict[str, Any]] = {}
        paths = 0
        Step = tuple[int, float, bool, list[int], list[str]]
        stack: list[Step] = [(v, 1.0, False, [v], [])]
        while stack and paths < max_paths:
            node, factor, unknown, path, shares = stack.pop()
            for e in self.reverse[node]:
                edge = self.og.edges[e]
                o = edge.owner
                if edge.kind not in share_kinds or o in path:
                    continue
                paths += 1
                stake = 1.0 if edge.kind == "branch" else (edge.lo or 0.0) / 100.0
                f = factor * stake
                u = unknown or edge.unknown
                chain = [o, *path]
                hops = [edge.share or edge.kind, *shares]
                if any(self.designated[a].get(o) for a in self.rules):
                    item = found.setdefault(
                        o,
                        {
                            "party": self.og.nodes[o].keys[0],
                            "name": self._name(o),
                            "effective_percentage": 0.0,
                            "paths": [],
                            "path_shares": [],
                        },
                    )
                    item["effective_percentage"] += 100.0 * f
                    item["paths"].append([self._name(x) for x in chain])
                    item["path_shares"].append(hops)
                    if u:
                        item["unknown_on_path"] = True
                if len(chain) <= 12:
                    stack.append((o, f, u, chain, hops))
        out = sorted(found.values(), key=lambda d: -float(d["effective_percentage"]))
        for item in out:
            item["effective_percentage"] = round(float(item["effective_percentage"]), 4)
        return out

    def _cycle(self, v: int, limit: int = 10000) -> list[str] | None:
        """A cycle of ownership or control through ``v``, as names, if there is one."""
        chan = channels(RULES["uk"])
        kinds = self.og.graph.kinds
        parent: dict[int, int] = {}
        stack = [v]
        seen = {v}
        while stack and len(seen) < limit:
            node = stack.pop()
            for e in self.reverse[node]:
                if chan[kinds[e]] == INERT:
                    continue
                o = self._owner(e)
                if o == v:
                    chain = [v, node]
                    while chain[-1] != v:
                        chain.append(parent[chain[-1]])
                    return [self._name(x) for x in chain]
                if o not in seen:
                    seen.add(o)
                    parent[o] = node
                    stack.append(o)
        return None
