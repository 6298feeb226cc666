"""``thaw serve``'s roll-up of closed audit segments at a worker's start
(``thaw.api.runtime.AuditCompactor``, ``THAW_AUDIT_COMPACT_AT``)."""

from __future__ import annotations

import fcntl
from pathlib import Path

import pytest

from tests.audit_records import audit_record
from thaw.api.runtime import AuditCompactor
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
