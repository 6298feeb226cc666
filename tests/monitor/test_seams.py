"""Monitoring asks the candidate index through its public methods only
(:meth:`thaw.index.CandidateIndex.posted_keys` and the others at the end of the
class): no module of :mod:`thaw.monitor` reaches for a private name of the index,
so that the index may change how it keeps its postings without breaking the row
index."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np

from tests.monitor.test_monitor import person
from thaw.index import CandidateIndex, entry_from_record
from thaw.text import analyze_name

MONITOR = Path(__file__).resolve().parents[2] / "src" / "thaw" / "monitor"


def test_monitor_reaches_for_no_private_name_of_the_index() -> None:
    private = {n for n in dir(CandidateIndex) if n.startswith("_") and not n.endswith("__")}
    private |= {"_slots", "_offsets", "_ids", "_vocab", "_bounds", "_token_stats"}
    trees = [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(MONITOR.glob("*.py"))]
    # (but the names monitor's own classes give their objects: CandidateSets._vocab)
    private -= {
        node.attr
        for _path, tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store)
        if isinstance(node.value, ast.Name) and node.value.id == "self"
    }
    found = []
    for path, tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in private:
                if not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                    found.append(f"{path.name}:{node.lineno} {node.attr}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr == "state" and not node.args:
                    found.append(f"{path.name}:{node.lineno} state()")
    assert found == []


def test_the_posted_keys_are_the_index_postings() -> None:
    names = ["Kim Jong Un", "Kim Yo Jong", "Osama bin Laden"]
    index = CandidateIndex.build(
        [entry_from_record(person("x", str(i), n)) for i, n in enumerate(names)]
    )
    keys, offsets, ids = index.posted_keys()
    assert len(keys) == len(set(keys)) == len(offsets) - 1
    posted = {k: sorted(ids[offsets[s] : offsets[s + 1]].tolist()) for s, k in enumerate(keys)}
    assert posted["t:kim"] == [0, 1]
    for key, positions in posted.items():
        if key.startswith("t:"):
            assert index.document_frequency(key[2:]) == len(positions)
    assert "kim" in index.fuzzy_vocabulary() or "laden" in index.fuzzy_vocabulary()
    # a token's weight: the rarer, the heavier; a token no listing carries weighs
    # what its keys bring, or the unknown weight
    assert index.rarity_weight(1) > index.rarity_weight(2) > 0
    name = analyze_name("Kym", "Person")
    token = name.tokens[0]
    assert index.token_document_frequency(name, token) >= 2  # (kim, a typo away)
    assert np.isfinite(index.rarity_weight(0))
    assert all(":" in key for key in index.token_keys(name, token))
