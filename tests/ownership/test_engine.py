"""The fixpoint engine against a brute-force reference, on random graphs with cycles,
and incremental designation against recomputation."""

from __future__ import annotations

import random

import pytest

from thaw.ownership import engine
from thaw.ownership.engine import CONTROL, INERT, KIND_CODES, SHARE, VOTE, Graph, RuleRun, channels
from thaw.ownership.rules import RULES, Rule, rules

Edge = tuple[int, int, int, float, float]


def _random_graph(seed: int, n: int = 40, m: int = 90) -> tuple[Graph, list[Edge]]:
    rnd = random.Random(seed)
    kinds = [
        KIND_CODES[k]
        for k in ("ownership", "ownership", "ownership", "voting", "director", "control", "family")
    ]
    edges: list[Edge] = []
    for _ in range(m):
        o, a = rnd.randrange(n), rnd.randrange(n)
        if o == a:
            continue
        share = rnd.choice([100, 75, 51, 50, 49, 30, 25, 10])
        if rnd.random() < 0.1:
            edges.append((o, a, KIND_CODES["ownership"], 0.0, 100.0))  # unknown size
        else:
            edges.append((o, a, rnd.choice(kinds), float(share), float(share)))
    graph = Graph.build(
        n,
        [e[0] for e in edges],
        [e[1] for e in edges],
        [e[2] for e in edges],
        [e[3] for e in edges],
        [e[4] for e in edges],
        [int(e[3] != e[4]) for e in edges],
    )
    return graph, edges


def _meets(rule: Rule, shares: float, votes: float, control: bool) -> bool:
    return control or rule.meets(shares) or rule.meets(votes)


def _sums(
    rule: Rule, edges: list[Edge], members: set[int], a: int, high: bool
) -> tuple[float, float, bool]:
    chan = channels(rule)
    shares = votes = 0.0
    control = False
    for o, x, k, lo, hi in edges:
        if x != a or o not in members:
            continue
        c = chan[k]
        stake = hi if high else lo
        if c == SHARE:
            shares += stake
        elif c == VOTE:
            votes += stake
        elif c == CONTROL:
            control = True
    return shares, votes, control


def _reference(
    rule: Rule, n: int, edges: list[Edge], designated: list[int], high: bool
) -> set[int]:
    """The rule by repeated full passes until nothing changes."""
    if rule.aggregate:
        blocked = set(designated)
        changed = True
        while changed:
            changed = False
            for a in range(n):
                if a not in blocked and _meets(rule, *_sums(rule, edges, blocked, a, high)):
                    blocked.add(a)
                    changed = True
        return blocked
    caught = set(designated)
    for person in designated:
        members = {person}
        changed = True
        while changed:
            changed = False
            for a in range(n):
                if a not in members and _meets(rule, *_sums(rule, edges, members, a, high)):
                    members.add(a)
                    changed = True
        caught |= members
    return caught


@pytest.fixture(params=["worklist", "numpy"])
def path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test twice: propagation as a plain worklist (the sizes of these graphs),
    and level by level in numpy from the first node on (what large graphs use)."""
    if request.param == "numpy":
        monkeypatch.setattr(engine, "VECTOR_NODES", 0)
    return str(request.param)


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize("authority", ["us", "eu", "uk"])
@pytest.mark.parametrize("high", [False, True])
def test_engine_matches_the_reference(seed: int, authority: str, high: bool, path: str) -> None:
    graph, edges = _random_graph(seed)
    rnd = random.Random(seed * 7 + 1)
    designated = sorted(rnd.sample(range(graph.n), 4))
    for rule in (RULES[authority], rules(True, True)[authority]):
        run = RuleRun(graph, rule, high=high)
        run.designate(designated)
        got = {v for v in range(graph.n) if run.blocked[v]}
        assert got == _reference(rule, graph.n, edges, designated, high), (seed, rule)


@pytest.mark.parametrize("seed", range(15))
def test_incremental_designation_equals_recomputation(seed: int, path: str) -> None:
    graph, _ = _random_graph(seed, n=60, m=150)
    rnd = random.Random(seed)
    first = rnd.sample(range(graph.n), 3)
    later = rnd.sample([v for v in range(graph.n) if v not in first], 2)
    for rule in RULES.values():
        for high in (False, True):
            step = RuleRun(graph, rule, high=high)
            step.designate(first)
            before = bytes(step.blocked)
            newly = step.designate(later)
            whole = RuleRun(graph, rule, high=high)
            whole.designate(first + later)
            assert bytes(step.blocked) == bytes(whole.blocked)
            assert all(step.blocked[v] for v in newly)
            now = {v for v in range(graph.n) if step.blocked[v]}
            assert set(newly) - set(later) == now - {v for v in range(graph.n) if before[v]} - set(
                later
            )


def test_kinds_map_to_channels() -> None:
    us, eu = channels(RULES["us"]), channels(RULES["eu"])
    assert us[KIND_CODES["ownership"]] == SHARE and us[KIND_CODES["director"]] == INERT
    assert us[KIND_CODES["voting"]] == INERT and us[KIND_CODES["consolidation"]] == SHARE
    assert eu[KIND_CODES["voting"]] == VOTE and eu[KIND_CODES["director"]] == CONTROL
    assert eu[KIND_CODES["family"]] == INERT and eu[KIND_CODES["influence"]] == INERT


def test_from_arrays_equals_build() -> None:
    np = pytest.importorskip("numpy")
    graph, edges = _random_graph(3)
    other = Graph.from_arrays(
        graph.n,
        np.array([e[0] for e in edges]),
        np.array([e[1] for e in edges]),
        np.array([e[2] for e in edges]),
        np.array([e[3] for e in edges]),
        np.array([e[4] for e in edges]),
        np.array([int(e[3] != e[4]) for e in edges]),
    )
    assert list(other.offsets) == list(graph.offsets)
    assert list(other.targets) == list(graph.targets)
    assert other.kinds == graph.kinds and list(other.lo) == list(graph.lo)


@pytest.mark.parametrize("seed", range(3))
def test_large_propagations_agree_in_both_paths(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """On graphs large enough for both paths to mix (worklist first, then numpy
    levels once the worklist grows), with cycles: the same caught nodes as the
    plain worklist, whole or designated one by one, under every rule and mode;
    the ranks order every aggregate catch after the owners that made it."""
    graph, _ = _random_graph(seed, n=3000, m=9000)
    rnd = random.Random(seed)
    designated = rnd.sample(range(graph.n), 40)
    for rule in [*RULES.values(), *rules(True, True).values()]:
        for high in (False, True):
            monkeypatch.setattr(engine, "VECTOR_NODES", 10**9)
            monkeypatch.setattr(engine, "VECTOR_EDGES", 10**9)
            plain = RuleRun(graph, rule, high=high)
            plain.designate(designated)
            monkeypatch.setattr(engine, "VECTOR_NODES", 8)
            monkeypatch.setattr(engine, "VECTOR_EDGES", 6)
            mixed = RuleRun(graph, rule, high=high)
            mixed.designate(designated)
            stepwise = RuleRun(graph, rule, high=high)
            for v in designated:
                stepwise.designate([v])
            assert bytes(mixed.blocked) == bytes(plain.blocked), (seed, rule.name, high)
            assert bytes(stepwise.blocked) == bytes(plain.blocked), (seed, rule.name, high)
            assert sorted(mixed.rank) == sorted(plain.rank)
            if rule.aggregate:
                for v in range(graph.n):
                    if mixed.blocked[v] and not mixed.listed[v]:
                        assert mixed.blocked[mixed.by[v]]
                        assert mixed.rank[mixed.by[v]] < mixed.rank[v]
