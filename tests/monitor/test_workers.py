"""The memory a step and an add take: the calling process takes its share of the
chunks, the forked one is forked before the step grows, a portfolio is added and
screened page by page; the answers are those of one process and of one page."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.conftest import publish
from tests.monitor.test_monitor import BASE, ROWS, person
from thaw.index import ensure_index
from thaw.monitor import Monitor, PortfolioError, RowData, screening, service
from thaw.monitor.screening import _WORK, CandidateSets, Workers, build_row_index
from thaw.store import Store
from thaw.store.portfolios import PortfolioStore


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
    forks = [i for i, what in enumerate(timeline) if what == "fork"]
    assert len(forks) == 2
    step = timeline[forks[1] :]
    assert step[:2] == ["fork", "row_index"] and "forked" in step


def test_a_portfolio_is_added_page_by_page_as_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [*ROWS, *MORE]

    def added(home: Path) -> tuple[dict[Any, float], CandidateSets, dict[str, float]]:
        with Store(home) as store:
            publish(store, "us_ofac_sdn", BASE, "2022-02-01")
            ensure_index(store)
            with Monitor(store, workers=1, decisions=False) as monitor:
                monitor.add("p", iter(rows))  # (an iterator: read once)
                info = monitor.portfolios.portfolio("p")
                marks = monitor.portfolios.watermarks(info.id)
                sets = monitor._load_sets(info, info.revision, marks)
                assert sets is not None
                return monitor.stored_alerts("p"), sets, monitor.portfolios.rarity(info.id)

    whole = added(tmp_path / "whole")
    monkeypatch.setattr(service, "STEP_CHUNK", 5)
    paged = added(tmp_path / "paged")
    assert paged[0] == whole[0] and len(whole[0]) > 40
    assert paged[2] == whole[2]
    with Store(tmp_path / "paged") as store, PortfolioStore(store.home) as ps:
        pks = [r.pk for r in ps.rows(ps.portfolio("p").id)]
        assert [r.pk for r in ps.rows_after(ps.portfolio("p").id, pks[4], 5)] == pks[5:10]
    for pk in pks:
        assert paged[1].get(pk) == whole[1].get(pk) != None  # noqa: E711
    # the row index built page by page reaches the rows the one built at once does
    with Store(tmp_path / "paged") as store, Monitor(store, workers=1, decisions=False) as m:
        info = m.portfolios.portfolio("p")
        paged_index = m.row_index(info, m.portfolios.rarity(info.id))
        stored = [(r.pk, RowData.from_dict(r.data)) for r in m.portfolios.rows(info.id)]
        m._index_path(info).unlink()  # (and rebuilt from the stored rows, page by page)
        rebuilt = m.row_index(info, m.portfolios.rarity(info.id))
    at_once = build_row_index(stored, workers=1, rarity=paged[2])
    for index in (paged_index, rebuilt):
        assert np.array_equal(index.hashes, at_once.hashes)
        assert np.array_equal(index.offsets, at_once.offsets)
        assert np.array_equal(index.ids, at_once.ids)
        assert np.array_equal(index.shares, at_once.shares)


def test_a_repeated_id_removes_the_portfolio_again(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    publish(store, "us_ofac_sdn", BASE, "2022-02-01")
    ensure_index(store)
    monkeypatch.setattr(service, "STEP_CHUNK", 2)
    with Monitor(store, workers=1, decisions=False) as monitor:
        with pytest.raises(PortfolioError, match="'c1' appears more than once"):
            monitor.add("p", [*ROWS, ROWS[0]])  # (after three pages were stored)
        assert monitor.portfolios.portfolios() == []


def test_candidate_sets_compacted_keep_every_row() -> None:
    sets = CandidateSets({1: ("a:1", "a:2"), 5: ("a:3",)})
    sets.compact()
    sets.update({3: ("a:2",), 5: ("a:1", "a:4")})
    sets.drop([1])
    sets.compact()
    assert [sets.get(pk) for pk in (1, 3, 5)] == [None, ("a:2",), ("a:1", "a:4")]
