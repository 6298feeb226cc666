"""The forked screening pool of large ``/match`` batches (:mod:`thaw.api.pool`):
the same answers as the serial path, in-flight batches finish on the index they
started with while a reload replaces the pool, and a dead process costs nothing
but time.

The last test goes through real HTTP: a ``thaw serve`` that splits batches of
two or more names across itself and two forked processes answers a batch exactly
as it answers each query alone (one name, screened by the worker itself), and has
forked those two processes.
"""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import time
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import aio
from tests.api.conftest import Server, copy_home, start_server, stop_server
from tests.api.test_reload import volkov_renamed
from tests.cli._cli import thaw
from thaw.api.engine import Engine, Snapshot
from thaw.api.pool import Claims, PoolSlot, Task, screen_batch, screen_tasks
from thaw.match import Query
from thaw.screen import ScreenResult

NAMES = [
    "Andrei Petrovich Volkov",
    "Hassan Ali",
    "Kim Song",
    "Marie Claire",
    "John Smith",
    "Ocean Princess",
    "Petrov Trading LLC",
    "Volkov",
    "Maria Keller",
    "Ahmed Haddad",
]


def tasks(n: int = 30) -> list[Task]:
    return [(Query(name=NAMES[i % len(NAMES)]), 5 + i % 3) for i in range(n)]


@pytest.fixture(scope="module")
def snap(base_home: Path) -> Snapshot:
    return Snapshot.build(base_home)


def test_claims_hand_out_each_position_once_and_stale_cursors_stop(snap: Snapshot) -> None:
    claims = Claims()
    first = claims.open(3)
    assert first is not None
    slot, base = first
    assert [claims.take(slot, base + 3) for _ in range(4)] == [base, base + 1, base + 2, None]
    claims.release(slot)
    second = claims.open(5)  # the same cursor, again: beyond the first batch's end
    assert second == (slot, base + 3)
    assert claims.take(slot, base + 3) is None  # a process late for the first batch
    items = tasks(5)
    taken = claims.screen(snap.screener, *second, items, 0.5, "thaw")
    assert taken == list(enumerate(screen_tasks(snap.screener, items, 0.5, "thaw")))
    assert claims.screen(snap.screener, *second, items, 0.5, "thaw") == []  # none left
    claims.release(slot)
    held = [claims.open(1) for _ in range(Claims.SLOTS)]
    assert None not in held and claims.open(1) is None  # every cursor in use


def test_a_batch_with_every_cursor_in_use_is_screened_here(snap: Snapshot) -> None:
    items = tasks(8)
    slot = PoolSlot(snap.screener)
    try:
        pool = slot.get(1)
        assert pool is not None
        held = [pool.claims.open(1) for _ in range(Claims.SLOTS)]
        result = aio.run(screen_batch(slot, items, 0.5, "thaw", processes=2, split=2))
        assert result == screen_tasks(snap.screener, items, 0.5, "thaw")
        for cursor in held:
            assert cursor is not None
            pool.claims.release(cursor[0])
    finally:
        slot.close()


def test_pooled_results_equal_serial_ones(snap: Snapshot) -> None:
    items = tasks()
    serial = screen_tasks(snap.screener, items, 0.5, "thaw")
    assert any(r.hits for r in serial) and any(not r.hits for r in serial)
    slot = PoolSlot(snap.screener)
    try:
        pooled = aio.run(screen_batch(slot, items, 0.5, "thaw", processes=2, split=2))
        assert pooled == serial
        again = aio.run(screen_batch(slot, items, 0.5, "thaw", processes=2, split=2))
        assert again == serial
    finally:
        slot.close()


def test_repeated_names_are_screened_once(snap: Snapshot) -> None:
    items = tasks(6) + tasks(6)  # each name twice, with the same party count
    calls: list[int] = []
    original = snap.screener.screen_query

    def counting(query: Query, **kw: Any) -> ScreenResult:
        calls.append(1)
        return original(query, **kw)

    slot = PoolSlot(snap.screener)
    snap.screener.screen_query = counting  # type: ignore[method-assign]
    try:
        result = aio.run(screen_batch(slot, items, 0.5, "thaw", processes=1, split=2))
    finally:
        del snap.screener.screen_query
        slot.close()
    assert len(calls) == 6
    assert result == screen_tasks(snap.screener, items, 0.5, "thaw")


def test_a_closed_pool_screens_in_process(snap: Snapshot) -> None:
    items = tasks(8)
    slot = PoolSlot(snap.screener)
    slot.close()
    assert slot.get(2) is None
    result = aio.run(screen_batch(slot, items, 0.5, "thaw", processes=2, split=2))
    assert result == screen_tasks(snap.screener, items, 0.5, "thaw")


def test_a_dead_process_falls_back_to_serial_and_a_new_pool(snap: Snapshot) -> None:
    items = tasks(12)
    serial = screen_tasks(snap.screener, items, 0.5, "thaw")
    slot = PoolSlot(snap.screener)

    async def run() -> None:
        assert await screen_batch(slot, items, 0.5, "thaw", processes=2, split=2) == serial
        pool = slot.get(2)
        assert pool is not None
        for pid in list(pool._executor._processes):
            os.kill(pid, signal.SIGKILL)
        await asyncio.sleep(0.5)
        assert await screen_batch(slot, items, 0.5, "thaw", processes=2, split=2) == serial
        fresh = slot.get(2)
        assert fresh is not None and fresh is not pool
        assert await screen_batch(slot, items, 0.5, "thaw", processes=2, split=2) == serial

    try:
        aio.run(run())
    finally:
        slot.close()


def test_inflight_batch_finishes_on_its_index_across_a_reload(
    base_home: Path, tmp_path: Path
) -> None:
    """A batch handed to the old snapshot's pool, and one that takes the old
    snapshot but reaches the pool only after the reload closed it, both answer
    from the old index; a new batch answers from the new one."""

    def scenario() -> None:
        # the engine's store connections belong to the thread that made them:
        # the whole scenario runs in one thread of its own (see tests.aio)
        home = copy_home(base_home, tmp_path / "home")
        engine = Engine(home, reload_every=3600)
        engine.settle = 0
        assert engine.check()
        old = engine.current()
        assert old is not None
        query: list[Task] = [(Query(name="Andrei Petrovich Volkov"), 5)] * 4

        def top(results: list[ScreenResult]) -> str | None:
            hits = results[0].hits
            return hits[0].name if hits else None

        async def run() -> None:
            pool = old.pool.get(2)
            assert pool is not None
            cursor = pool.claims.open(len(query))
            assert cursor is not None
            handed = pool.submit(*cursor, query, 0.5, "thaw")  # in flight at the change
            newer = volkov_renamed(tmp_path, "2026-03-05", "VOLKOVSKY")
            assert thaw("load", newer, "--home", home).code == 0
            assert engine.check()  # the new snapshot is installed, the old pool closed
            new = engine.current()
            assert new is not None and new is not old
            parts = await asyncio.gather(*handed)
            assert sorted(p for part in parts for p, _ in part) == [0, 1, 2, 3]
            assert top([r for part in parts for _, r in part]) == "ANDREI PETROVICH VOLKOV"
            late = await screen_batch(old.pool, query, 0.5, "thaw", processes=2, split=2)
            assert top(late) == "ANDREI PETROVICH VOLKOV"
            fresh = await screen_batch(new.pool, query, 0.5, "thaw", processes=2, split=2)
            assert top(fresh) != "ANDREI PETROVICH VOLKOV"  # renamed in the new lists

        try:
            asyncio.run(run())
        finally:
            engine.stop()

    aio.in_thread(scenario)


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


@pytest.fixture
def pooled_server(base_home: Path, tmp_path: Path) -> Iterator[Server]:
    srv = start_server(
        copy_home(base_home, tmp_path / "home"),
        {"THAW_BATCH_PROCESSES": "3", "THAW_BATCH_SPLIT": "2"},
    )
    yield srv
    stop_server(srv)


def test_a_pooled_batch_over_http_equals_single_queries(pooled_server: Server) -> None:
    server = pooled_server
    examples = {
        f"q{i}": {"schema": "Person" if i % 2 else "Thing", "properties": {"name": [name]}}
        for i, name in enumerate(NAMES * 2)
    }
    examples["dated"] = {
        "schema": "Person",
        "properties": {"name": ["Andrei Volkov"], "birthDate": ["1961"], "nationality": ["ru"]},
    }
    with server.client() as http:
        before = set(_children(server.process.pid))
        batch = http.post("/match/default", json={"queries": examples}, params={"limit": 3})
        assert batch.status_code == 200, batch.text
        assert len(set(_children(server.process.pid)) - before) == 2  # the pool forked
        answers = batch.json()["responses"]
        for name, example in examples.items():
            alone = http.post(
                "/match/default", json={"queries": {name: example}}, params={"limit": 3}
            )
            assert alone.json()["responses"][name] == answers[name]
        assert any(answers[k]["results"] for k in answers)


def test_results_data_is_the_models_data(snap: Snapshot, base_home: Path) -> None:
    """``Outcome.results_data`` (what ``/match`` serialises) is, key for key and
    in order, the ``model_dump(by_alias=True)`` of ``Outcome.results`` (what the
    reconciliation API reads), and keeps each entity's data once per snapshot."""
    from thaw.api.matching import Filters, match_example, parse_example
    from thaw.schemas.yente import EntityExample
    from thaw.store import Store

    outcomes = []
    with Store(base_home) as store:
        for name in NAMES:
            example = EntityExample.model_validate(
                {"schema": "Person", "properties": {"name": name}}
            )
            outcomes.append(
                match_example(
                    snap,
                    store,
                    parse_example(example),
                    snap.datasets()["default"],
                    algorithm="thaw",
                    threshold=0.9,
                    cutoff=0.5,
                    limit=5,
                    filters=Filters(),
                )
            )
    scored = [s for o in outcomes for s in o.scored]
    assert len(scored) >= 3 and {s.hit.score >= 0.9 for s in scored} == {True, False}
    outcome = outcomes[0]
    outcome.scored = scored
    cache: dict[str, dict[str, Any]] = {}
    data = outcome.results_data(cache)
    expected = [r.model_dump(by_alias=True) for r in outcome.results]
    assert data == expected
    assert [list(d) for d in data] == [list(e) for e in expected]
    assert set(cache) == {r.id for r in outcome.results}
    assert outcome.results_data(cache) == expected  # from the kept data


class _Cycle:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_the_worker_freeze_reclaims_frozen_cyclic_garbage_at_most_every_interval(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from thaw.api import pool

    try:
        garbage = _Cycle()
        alive = weakref.ref(garbage)
        gc.freeze()  # frozen while alive (another request in flight at a freeze)
        del garbage
        monkeypatch.setattr(pool, "_reclaimed", time.monotonic())
        pool.freeze()  # within the interval: frozen, not collected
        gc.collect()
        assert alive() is not None
        monkeypatch.setattr(pool, "_reclaimed", time.monotonic() - pool.RECLAIM_SECONDS)
        pool.freeze()  # the interval has passed: unfrozen and collected first
        assert alive() is None
    finally:
        gc.unfreeze()
