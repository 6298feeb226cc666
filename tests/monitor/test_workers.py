"""The processes that screen a step: the calling process takes its share of the
chunks, the forked ones are forked before the step grows, and the answer is the
one process's answer."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import publish
from tests.monitor.test_monitor import BASE, ROWS, person
from thaw.index import ensure_index
from thaw.monitor import Monitor, RowData, screening, service
from thaw.monitor.screening import _WORK, Workers
from thaw.store import Store


def _who(chunk: list[int]) -> tuple[list[int], int, Any]:
    return [x * 2 for x in chunk], os.getpid(), _WORK.get("tag")


def test_the_calling_process_takes_its_share_and_order_is_kept() -> None:
    chunks = [list(range(i, i + 3)) for i in range(0, 300, 3)]
    with Workers({"tag": "mine"}, 2) as workers:
        done = workers.map(_who, chunks, size=10**6)
    assert [r[0] for r in done] == [[x * 2 for x in c] for c in chunks]
    pids = {r[1] for r in done}
    assert os.getpid() in pids  # this process screened some chunks itself
    assert len(pids) == 2  # and one forked process the others (2 workers in all)
    assert {r[2] for r in done} == {"mine"}  # both read the work they were given
    assert _WORK == {}  # which is not left behind


def test_little_work_stays_in_this_process() -> None:
    with Workers({}, 2) as workers:
        done = workers.map(_who, [[1], [2]], size=10)
    assert {r[1] for r in done} == {os.getpid()}


MORE = [(f"x{i}", RowData(f"Filler Person{i} Examplov", "Person")) for i in range(40)]


def _step(home: Path, workers: int) -> tuple[list[tuple[str, str, str]], dict[Any, float]]:
    with Store(home) as store:
        publish(store, "us_ofac_sdn", BASE, "2022-02-01")
        ensure_index(store)
        with Monitor(store, workers=workers, decisions=False) as monitor:
            monitor.add("p", [*ROWS, *MORE])
            changed = [person("us_ofac_sdn", "9", "Kirill Aleksandrovich Dmitriev"), *BASE[:3]]
            changed += [
                person("us_ofac_sdn", str(100 + i), f"Filler Persn{i} Examplov") for i in range(40)
            ]
            publish(store, "us_ofac_sdn", changed, "2022-02-28")
            ensure_index(store)
            monitor.advance("p")
            events = [
                (e.type, e.row_id, e.payload["listing"]["source_id"])
                for e in monitor.portfolios.events("p")
            ]
            return sorted(events), monitor.stored_alerts("p")


def test_a_step_forks_before_it_grows_and_answers_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = _step(tmp_path / "one", 1)
    monkeypatch.setattr(screening, "MIN_PARALLEL", 1)
    monkeypatch.setattr(service, "MIN_PARALLEL", 1)
    timeline: list[str] = []
    fork, row_index = Workers.fork, Monitor.row_index

    def logged_fork(self: Workers) -> Workers:
        timeline.append("fork" if self._pool is None else "forked")
        return fork(self)

    def logged_row_index(self: Monitor, *args: Any) -> Any:
        timeline.append("row_index")
        return row_index(self, *args)

    monkeypatch.setattr(Workers, "fork", logged_fork)
    monkeypatch.setattr(Monitor, "row_index", logged_row_index)
    two = _step(tmp_path / "two", 2)
    assert two == one
    assert len(one[0]) > 40  # the step had events to compare
    # the add forked its processes, the step its own: before it read the row index
    # (and only then screened with them)
    assert timeline.count("fork") == 2
    step = timeline[timeline.index("fork") + 1 :]
    assert step[:2] == ["fork", "row_index"] and "forked" in step
