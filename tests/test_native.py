"""The compiled hot-path modules: used only while fresh, and equal to pure Python."""

from __future__ import annotations

import importlib
import importlib.machinery
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from thaw import _native

# Names in several scripts and shapes (compounds, initials, truncation, legal forms).
NAMES = [
    ("Kirill Aleksandrovich Dmitriev", "Person"),
    ("DMITRIEV, Kirill", "Person"),
    ("Кирилл Дмитриев", "Person"),
    ("Abdul Rahman bin Omar al-Rashid", "Person"),
    ("عبد الرحمن بن عمر", None),
    ("Omar bin Abdullah", "Person"),
    ("Hua Wei Technologies Co., Ltd.", "Organization"),
    ("华为技术有限公司", "Organization"),
    ("김정은", "Person"),
    ("J. C. Juncker", "Person"),
    ("Jean Claude Juncker", "Person"),
    ("بانک ملی ایران", None),
    ("ПАО НК Роснефть", "Company"),
    ("Rosneft Oil Company", "Company"),
    ("VERY LONG NAME OF AN ORGANISATION CUT OFF AT THIRTY FIVE", None),
    ("Krym SMT OOO LLC", "Organization"),
    ("鈴木 一郎", "Person"),
    ("Ichiro Suzuki", "Person"),
    ("สมชาย วงศ์สวัสดิ์", "Person"),
    ("Somchai Wongsawat", "Person"),
    ("Hryhoriy Mykolaiovych KOVALENKO", "Person"),
]

#: The modules that read names in other scripts (and the helpers they call per
#: word), compiled since most of a multilingual row's name analysis ran in them.
SCRIPT_MODULES = (
    "thaw.text.korean",
    "thaw.text.chinese",
    "thaw.text.japanese",
    "thaw.text.thai",
    "thaw.text.slavic",
    "thaw.text.sounds",
)

_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from thaw import _native
    from thaw.index.entry import name_entry
    from thaw.match import Matcher, Query, compare_names
    from thaw.text import analyze_name

    names = json.loads(sys.argv[1])
    analysed = [analyze_name(n, s) for n, s in names]
    out = {"status": _native.status(), "tokens": [], "pairs": []}
    for a in analysed:
        out["tokens"].append([[t.text, t.role, round(t.weight, 6)] for t in a.tokens])
    for a in analysed:
        for b in analysed:
            m = compare_names(a, b)
            out["pairs"].append([round(m.score, 9), m.describe()])
    # the matcher's scoring loop (compiled too): every name as a query, with a
    # date and a country, against every name as a one-name listing, at a low
    # threshold (the ceiling and the pending score) and explained
    matcher = Matcher()
    entries = [name_entry(n, s) for n, s in names]
    out["scores"] = []
    for n, s in names:
        query = Query(n, s, "1970-01-01", ("ru",))
        for entry in entries:
            pending = matcher.pending_at_least(query, entry, 0.3)
            result = matcher.score(query, entry)
            out["scores"].append([
                None if pending is None else pending.score,
                result.score, result.matched_name, result.explanation,
            ])
    print(json.dumps(out))
    """
)


def _run(env: dict[str, str]) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, json.dumps(NAMES)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_compiled_and_pure_python_give_the_same_results() -> None:
    compiled = _run({_native.PURE_ENV: "0"})
    if compiled["status"] != "compiled":
        if os.environ.get("THAW_REQUIRE_NATIVE"):
            pytest.fail(f"compiled modules required but not in use: {compiled['status']}")
        pytest.skip(f"not compiled here: {compiled['status']}")
    pure = _run({_native.PURE_ENV: "1"})
    assert pure["status"] == f"pure Python: {_native.PURE_ENV} is set"
    assert pure["tokens"] == compiled["tokens"]
    assert pure["pairs"] == compiled["pairs"]
    assert pure["scores"] == compiled["scores"]


def test_the_script_modules_run_compiled() -> None:
    assert set(SCRIPT_MODULES) <= set(_native.MODULES)
    status = _native.status()
    if status != "compiled":
        if os.environ.get("THAW_REQUIRE_NATIVE"):
            pytest.fail(f"compiled modules required but not in use: {status}")
        pytest.skip(f"not compiled here: {status}")
    for name in SCRIPT_MODULES:
        path = str(importlib.import_module(name).__file__)
        assert path.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)), path


def test_a_missing_manifest_means_pure_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(_native.PURE_ENV, raising=False)
    assert _native.check(tmp_path / "none.json") == "thaw was installed without compiled modules"


def test_an_edited_source_is_not_shadowed_by_its_stale_compiled_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(_native.PURE_ENV, raising=False)
    monkeypatch.setattr(_native, "compiled_path", lambda module: tmp_path / "x.so")
    manifest = tmp_path / "_native.json"
    digests = {m: _native.source_digest(_native.source_path(m)) for m in _native.MODULES}
    manifest.write_text(json.dumps({"modules": digests}), encoding="utf-8")
    assert _native.check(manifest) is None
    digests["thaw.match.names"] = "0" * 64  # compiled from another version of the file
    manifest.write_text(json.dumps({"modules": digests}), encoding="utf-8")
    reason = _native.check(manifest)
    assert reason is not None and "thaw.match.names changed since it was compiled" in reason


def test_the_environment_can_ask_for_pure_python(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_native.PURE_ENV, "1")
    assert _native.check() == f"{_native.PURE_ENV} is set"


def test_the_source_finder_loads_listed_modules_from_their_sources() -> None:
    finder = _native._SourceFinder(_native.MODULES)
    spec = finder.find_spec("thaw.match.names")
    assert spec is not None and spec.origin == str(_native.source_path("thaw.match.names"))
    assert spec.origin.endswith(".py")
    assert finder.find_spec("thaw.match.ofac") is None
