"""A worker warms up on each new snapshot before serving it (``Engine``'s
``prepare``, :func:`thaw.api.matching.warm_up`): the first ``/match`` to reach a
worker must not pay the seconds of loading FtM's and rigour's tables; a failing
warm-up never keeps the lists from being served."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
    assert calls == ["John Smith"]
