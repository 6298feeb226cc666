"""The worked cases of ``cases.toml``: expected US, EU and UK answers, with rationale."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.ownership.helpers import make_graph
from thaw.ownership.analysis import Analysis
from thaw.ownership.rules import rules

CASES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parent / "cases.toml").read_text(encoding="utf-8")
)["case"]


def test_there_are_enough_worked_cases_covering_the_topics() -> None:
    assert len(CASES) >= 40
    assert len({c["id"] for c in CASES}) == len(CASES)
    kinds = {link.get("kind", "ownership") for c in CASES for link in c["links"]}
    assert {"ownership", "director", "control", "voting", "family"} <= kinds
    assert any(link.get("pct") == "?" for c in CASES for link in c["links"])
    assert any(link.get("end") for c in CASES for link in c["links"])
    assert any(c.get("cycle") for c in CASES)
    assert any(c.get("aggregate") for c in CASES)
    for case in CASES:
        text = case["rationale"]
        assert "OFAC" in text and "2014" in text, case["id"]
        assert "EU Council" in text and "Best Practices" in text, case["id"]
        assert "OFSI" in text, case["id"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    og = make_graph(case["links"], case["listed"])
    aggregate = case.get("aggregate", [])
    analysis = Analysis(og, rules("eu" in aggregate, "uk" in aggregate))
    node = og.node(f"t:{case['target']}")
    assert node is not None
    exposure = analysis.explain(node.index)
    got = {a: exposure.answers[a].status for a in ("us", "eu", "uk")}
    want = {a: case[a] for a in ("us", "eu", "uk")}
    assert got == want, (case["rationale"], exposure.lines())
    data = exposure.to_dict()
    for where, text in case.get("says", {}).items():
        if where == "inactive":
            assert any(text in item["why"] for item in data["not_in_force"]), data["not_in_force"]
        else:
            assert text in exposure.answers[where].summary + " ".join(
                exposure.answers[where].notes
            ), exposure.answers[where].summary
    if "effective" in case:
        stakes = data["effective_stakes"]["holders"]
        assert stakes and stakes[0]["effective_percentage"] == pytest.approx(case["effective"])
        assert "not the test" in data["effective_stakes"]["note"]
    if case.get("cycle"):
        assert data.get("cycle"), "the cycle is said"
    # the bulk statuses agree with the explained ones
    assert analysis.statuses(node.index) == got


def test_a_new_listing_updates_every_rule_incrementally() -> None:
    links: list[dict[str, Any]] = [
        {"o": "X", "a": "A", "pct": 30},
        {"o": "Y", "a": "A", "pct": 25},
        {"o": "A", "a": "B", "pct": 60},
        {"o": "Y", "a": "C", "kind": "director"},
    ]
    listed = {"X": ["us", "eu", "uk"], "Y": ["us", "eu", "uk"]}
    og = make_graph(links, listed)
    y_listings = {
        x for n in og.nodes if n.resolution for x in n.resolution.listings if "Y" in x.key
    }
    analysis = Analysis(og, rules(), in_force=lambda item: item not in y_listings)
    a, b, c = (og.node(f"t:{k}") for k in "ABC")
    assert a is not None and b is not None and c is not None
    assert analysis.status(a.index, "us") == "not_blocked"
    hits = analysis.designate(sorted(y_listings, key=lambda x: x.key))
    assert hits["us"] == sorted([a.index, b.index])  # 30 % + 25 %, then A's 60 % of B
    assert hits["eu"] == [c.index] and hits["uk"] == [c.index]  # Y directs C
    whole = Analysis(og, rules())
    for node in og.nodes:
        assert analysis.statuses(node.index) == whole.statuses(node.index)
    assert "25 % held by Y" in analysis.explain(a.index).answers["us"].summary


def test_paths_carry_the_share_of_every_hop() -> None:
    og = make_graph(
        [{"o": "X", "a": "A", "pct": 60}, {"o": "A", "a": "B", "pct": 60}],
        {"X": ["us", "eu", "uk"]},
    )
    node = og.node("t:B")
    assert node is not None
    stakes = Analysis(og, rules()).explain(node.index).to_dict()["effective_stakes"]["holders"]
    assert stakes == [
        {
            "party": "t:X",
            "name": "X",
            "effective_percentage": 36.0,
            "paths": [["X", "A", "B"]],
            "path_shares": [["60 %", "60 %"]],
        }
    ]
