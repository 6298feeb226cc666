"""``thaw serve``'s roll-up of closed audit segments at a worker's start
(``thaw.api.runtime.AuditCompactor``, ``THAW_AUDIT_COMPACT_AT``)."""

from __future__ import annotations

import fcntl
import json
from pathlib import Path

import pytest

from tests.api.conftest import copy_home, start_server, stop_server
from tests.audit_records import audit_record
from tests.cli._cli import thaw
from thaw.api.runtime import AuditCompactor, Runtime
from thaw.api.settings import Settings
from thaw.store.state import open_state


def _closed_segments(home: Path, count: int) -> None:
    with open_state(home) as state:
        for n in range(count):
            segment = state.audit.new_segment()
            segment.append_many([audit_record(10 * n + i) for i in range(3)])
            segment.close_segment()


def test_the_compactor_rolls_closed_segments_up_in_a_child_process(tmp_path: Path) -> None:
    _closed_segments(tmp_path, 3)
    with open_state(tmp_path) as state:
        before = [r.to_dict() for r in state.audit.export()]
    compactor = AuditCompactor(tmp_path, after=0)
    compactor.join(120)
    assert compactor.returncode == 0
    with open_state(tmp_path) as state:
        assert state.audit.segment_files() == []
        assert state.audit.verify().ok
        assert [r.to_dict() for r in state.audit.export()] == before


def test_only_one_worker_rolls_up(tmp_path: Path) -> None:
    """While another worker holds the lock, a worker's compactor does nothing."""
    _closed_segments(tmp_path, 2)
    with open(tmp_path / ".audit-compact.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        compactor = AuditCompactor(tmp_path, after=0)
        compactor.join(60)
    assert compactor.returncode is None
    with open_state(tmp_path) as state:
        assert len(state.audit.segment_files()) == 2


def test_the_threshold_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings.from_env().audit_compact_at == 16
    monkeypatch.setenv("THAW_AUDIT_COMPACT_AT", "0")
    assert Settings.from_env().audit_compact_at == 0


def test_a_roll_up_beside_a_running_server_changes_no_answer(
    base_home: Path, tmp_path: Path
) -> None:
    """Over real HTTP: closed segments of earlier starts are rolled up while a
    server runs; ``GET /audit`` and ``GET /audit/verify`` answer exactly as
    before, the server's own segment stays open and in use, and after a clean
    stop it is rolled up too."""
    home = copy_home(base_home, tmp_path / "home")
    _closed_segments(home, 2)
    server = start_server(home)
    try:
        with server.client() as http:
            match = {"queries": {"c": {"schema": "Person", "properties": {"name": ["Volkov"]}}}}
            assert http.post("/match/default", json=match).status_code == 200
            before = (http.get("/audit").text, http.get("/audit/verify").json())
            assert before[1]["ok"] and len(before[0].splitlines()) == before[1]["records"]
            run = thaw("audit", "compact", "--home", home, "--json")
            assert run.code == 0, str(run)
            assert json.loads(run.out) == {
                "segments": 2,
                "records": 6,
                "still_open": 1,
                "skipped": [],
            }
            assert (http.get("/audit").text, http.get("/audit/verify").json()) == before
            assert http.post("/match/default", json=match).status_code == 200
            assert http.get("/audit/verify").json()["records"] == before[1]["records"] + 1
    finally:
        stop_server(server)
    with open_state(home) as state:
        assert state.audit.compact().segments == 1
        assert state.audit.segment_files() == [] and state.audit.verify().ok


@pytest.mark.parametrize(("compact_at", "started"), [(3, True), (4, False)])
def test_a_worker_starts_the_roll_up_once_enough_segment_files_gathered(
    base_home: Path, tmp_path: Path, compact_at: int, started: bool
) -> None:
    """``THAW_AUDIT_COMPACT_AT``: two closed segments and the worker's own make
    three files."""
    home = copy_home(base_home, tmp_path / "home")
    _closed_segments(home, 2)
    rt = Runtime.start(
        Settings.model_validate(
            {"home": home, "audit_compact_at": compact_at, "reload_every": 3600}
        )
    )
    try:
        assert (rt.compactor is not None) == started
    finally:
        rt.close()
