"""A worker warms up on each new snapshot before serving it (``Engine``'s
``prepare``, :func:`thaw.api.matching.warm_up`): the first ``/match`` to reach a
worker must not pay the seconds of loading FtM's and rigour's tables; a failing
warm-up never keeps the lists from being served."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from thaw.api.engine import Engine, Snapshot
from thaw.api.matching import warm_up
from thaw.match import Query
from thaw.screen import ScreenResult


def test_each_new_snapshot_is_prepared_before_it_is_served(base_home: Path) -> None:
    seen: list[tuple[Snapshot, Snapshot | None]] = []
    engine = Engine(base_home, reload_every=3600)
    engine.prepare = lambda snap: seen.append((snap, engine.current()))
    assert engine.check()
    assert len(seen) == 1
    prepared, served_meanwhile = seen[0]
    assert served_meanwhile is None and engine.current() is prepared
    assert not engine.check()  # the same lists: nothing new to prepare
    assert len(seen) == 1


def test_a_failing_warm_up_still_serves_the_lists(base_home: Path) -> None:
    def broken(snap: Snapshot) -> None:
        raise RuntimeError("no warm-up today")

    engine = Engine(base_home, reload_every=3600, prepare=broken)
    assert engine.check()
    assert engine.current() is not None and engine.error is None


def test_warm_up_screens_a_sample_example(base_home: Path) -> None:
    snap = Snapshot.build(base_home)
    calls: list[str] = []
    original = snap.screener.screen_query

    def counting(query: Query, **kw: Any) -> ScreenResult:
        calls.append(query.name)
        return original(query, **kw)

    snap.screener.screen_query = counting  # type: ignore[method-assign]
    warm_up(snap)
    assert calls == ["John Smith", "리쥐안", "梅罗拉", "Ng Kwan Yu"]


_TABLES_LOADED_LATER = """
import functools, json, sys
from pathlib import Path
import thaw.api.matching as matching
from thaw.api.engine import Snapshot

if sys.argv[2] == "none":
    matching._WARM_UP_NAMES = ()

def loaded():
    # the text package's table loaders: functions cached once (lru_cache(maxsize=1))
    out = set()
    for name, module in list(sys.modules.items()):
        if name.startswith("thaw.text"):
            for attr, value in list(vars(module).items()):
                if isinstance(value, functools._lru_cache_wrapper):
                    info = value.cache_info()
                    if info.maxsize == 1 and info.currsize:
                        out.add(f"{name}.{attr}")
    return out

snap = Snapshot.build(Path(sys.argv[1]))
matching.warm_up(snap)
before = loaded()
for name in ("习近平", "김정은", "리쥐안", "王小明", "미쓰하루", "溝口"):
    example = matching.EntityExample.model_validate(
        {"schema": "Person", "properties": {"name": [name]}}
    )
    for query in matching.parse_example(example).queries:
        snap.screener.screen_query(query, threshold=matching.DEFAULT_THRESHOLD, limit=5)
print(json.dumps(sorted(loaded() - before)))
"""


@pytest.mark.parametrize("names", ["default", "none"])
def test_warm_up_loads_the_hangul_and_han_reading_tables(base_home: Path, names: str) -> None:
    """In a fresh process (the tables are loaded once per process): after the
    warm-up, Korean and Chinese names load no table of the text package; without
    the warm-up's Hangul and Han names ("none") they would."""
    run = subprocess.run(
        [sys.executable, "-c", _TABLES_LOADED_LATER, str(base_home), names],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    loaded_later = json.loads(run.stdout)
    if names == "default":
        assert loaded_later == []
    else:
        assert loaded_later, "the check no longer sees the tables being loaded"
