"""The audit writer's group commit in the event loop (thaw.api.runtime.AuditWriter).

The loop commits a request's record at once when SQLite's write lock is free, and
never waits for it when another process holds it: it goes on serving and commits
the queued records as one group once the lock is free. With
``THAW_AUDIT_COMMIT=after`` the answer does not wait for the commit at all, and
the trail fails closed. Through real HTTP, every
audited route is tested in tests/api/test_decisions_audit.py; these tests hold the
lock from another connection, which a server test cannot time.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.aio import run
from tests.audit_records import audit_record
from thaw.api.runtime import AuditWriter
from thaw.store.state import AuditRecord, open_state


def test_a_free_lock_commits_the_record_before_submit_returns(tmp_path: Path) -> None:
    writer = AuditWriter(open_state(tmp_path), at_once=True)
    try:

        async def scenario() -> list[int | None]:
            futures = [writer.submit_async(audit_record(i)) for i in range(3)]
            assert all(f.done() for f in futures)  # no turn of the loop needed
            return [(await f).seq for f in futures]

        assert run(scenario()) == [1, 2, 3]
        assert writer.groups == 3 and writer.busy == 0
    finally:
        writer.close()
        writer.state.close()


@contextmanager
def lock_held(home: Path) -> Iterator[threading.Event]:
    """SQLite's write lock on the state of ``home``, held by another connection
    (as another server process holds it) until the event yielded is set."""
    held = threading.Event()
    release = threading.Event()

    def holder() -> None:
        with open_state(home) as other, other.db.transaction():
            held.set()
            release.wait(10)

    thread = threading.Thread(target=holder)
    thread.start()
    try:
        assert held.wait(10)
        yield release
    finally:
        release.set()
        thread.join()


def test_the_loop_serves_on_while_another_process_holds_the_lock(tmp_path: Path) -> None:
    writer = AuditWriter(open_state(tmp_path), at_once=True)

    async def scenario(release: threading.Event) -> tuple[list[int | None], int, float]:
        loop = asyncio.get_running_loop()
        began = time.monotonic()
        futures = [writer.submit_async(audit_record(i)) for i in range(3)]
        assert not any(f.done() for f in futures)
        ticks = 0
        while time.monotonic() - began < 0.2:  # the loop is free meanwhile
            await asyncio.sleep(0.002)
            ticks += 1
        futures.append(writer.submit_async(audit_record(3)))  # joins the waiting group
        loop.call_soon(release.set)
        seqs = [(await asyncio.wait_for(f, 10)).seq for f in futures]
        return seqs, ticks, time.monotonic() - began

    try:
        with lock_held(tmp_path) as release:
            seqs, ticks, elapsed = run(scenario(release))
        assert seqs == [1, 2, 3, 4]
        assert ticks >= 20, ticks  # a blocked loop would have ticked about once
        assert elapsed < 5
        assert writer.busy > 0 and writer.groups == 1  # the four in one group
        report = writer.state.audit.verify()
        assert report.ok and report.records == 4, report.problems
    finally:
        writer.close()
        writer.state.close()


def test_records_that_wait_too_long_fail(tmp_path: Path) -> None:
    """A lock held past GIVE_UP fails the waiting records (the route answers 503),
    as a blocking write times out; nothing is written."""
    writer = AuditWriter(open_state(tmp_path), at_once=True)
    writer.GIVE_UP = 0.05

    async def scenario() -> str:
        try:
            await asyncio.wait_for(writer.submit_async(audit_record(0)), 10)
        except Exception as exc:
            return type(exc).__name__
        return "written"

    try:
        with lock_held(tmp_path):
            assert run(scenario()) == "Busy"
        assert writer.state.audit.count() == 0
    finally:
        writer.close()
        writer.state.close()


def test_records_waiting_for_the_lock_are_written_at_close(tmp_path: Path) -> None:
    """A clean shutdown loses nothing: records still waiting for the lock (their
    requests cancelled by the server's shutdown) are written by close()."""
    writer = AuditWriter(open_state(tmp_path), at_once=True)

    async def scenario() -> None:
        futures = [writer.submit_async(audit_record(i)) for i in range(2)]
        assert not any(f.done() for f in futures)

    try:
        with lock_held(tmp_path):
            run(scenario())  # the loop ends with both records queued
        writer.close()
        report = writer.state.audit.verify()
        assert report.ok and report.records == 2, report.problems
    finally:
        writer.state.close()


def test_turn_mode_commits_a_turns_records_as_one_group(tmp_path: Path) -> None:
    """``THAW_AUDIT_COMMIT=turn``: the records submitted in one turn of the loop
    are committed together at the next turn."""
    writer = AuditWriter(open_state(tmp_path), at_once=False)

    async def scenario() -> list[int | None]:
        futures = [writer.submit_async(audit_record(i)) for i in range(3)]
        assert not any(f.done() for f in futures)
        return [(await f).seq for f in futures]

    try:
        assert run(scenario()) == [1, 2, 3]
        assert writer.groups == 1
    finally:
        writer.close()
        writer.state.close()


def test_after_mode_answers_first_and_commits_a_window_as_one_group(tmp_path: Path) -> None:
    """``THAW_AUDIT_COMMIT=after``: record_async returns at once, nothing is
    written yet, and the records queued within WINDOW are committed together."""
    writer = AuditWriter(open_state(tmp_path), deferred=True)

    async def scenario() -> tuple[int, int]:
        for i in range(5):
            writer.record_async(audit_record(i))  # returns at once, without a future
            await asyncio.sleep(0)  # requests finish in different turns of the loop
        before = writer.state.audit.count()
        await asyncio.sleep(writer.WINDOW * 5)
        return before, writer.state.audit.count()

    try:
        assert run(scenario()) == (0, 5)
        assert writer.groups == 1
        report = writer.state.audit.verify()
        assert report.ok and report.records == 5, report.problems
    finally:
        writer.close()
        writer.state.close()


def test_after_mode_loses_nothing_at_a_clean_stop(tmp_path: Path) -> None:
    """Records still inside their window when the server stops are written by
    close() (what a kill -9 would lose)."""
    writer = AuditWriter(open_state(tmp_path), deferred=True)
    writer.WINDOW = 60.0

    async def scenario() -> None:
        for i in range(3):
            writer.record_async(audit_record(i))

    try:
        run(scenario())
        assert writer.state.audit.count() == 0
        writer.close()
        report = writer.state.audit.verify()
        assert report.ok and report.records == 3, report.problems
    finally:
        writer.state.close()


def test_after_mode_refuses_requests_while_the_trail_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failed commit keeps its records (their answers are gone already) and
    refuses every later record (the route answers 503) until a retry succeeds."""
    writer = AuditWriter(open_state(tmp_path), deferred=True)
    writer.GIVE_UP = 0.3  # retries every GIVE_UP / 30 seconds
    append = writer.state.audit.append_many
    broken = True

    def flaky(records: Any, wait: bool = True) -> list[AuditRecord]:
        if broken:
            raise sqlite3.OperationalError("disk I/O error")
        return append(records, wait)

    monkeypatch.setattr(writer.state.audit, "append_many", flaky)

    async def scenario() -> tuple[str, int]:
        nonlocal broken
        writer.record_async(audit_record(0))
        writer.record_async(audit_record(1))
        await asyncio.sleep(writer.WINDOW * 3)
        with pytest.raises(RuntimeError, match="disk I/O error"):
            writer.record_async(audit_record(2))
        refused = str(writer.failure)
        broken = False
        for _ in range(100):
            await asyncio.sleep(0.01)
            if writer.failure is None:
                break
        writer.record_async(audit_record(3))  # accepted again
        await asyncio.sleep(writer.WINDOW * 3)
        return refused, writer.state.audit.count()

    try:
        refused, written = run(scenario())
        assert "disk I/O error" in refused
        assert written == 3  # records 0, 1 (kept) and 3; 2 was refused
        report = writer.state.audit.verify()
        assert report.ok, report.problems
    finally:
        writer.close()
        writer.state.close()


def test_after_mode_refuses_requests_once_the_lock_is_held_too_long(tmp_path: Path) -> None:
    """Another process holding the write lock past GIVE_UP: later records are
    refused; the queued ones are written once the lock is free."""
    writer = AuditWriter(open_state(tmp_path), deferred=True)
    writer.GIVE_UP = 0.1

    async def scenario(release: threading.Event) -> bool:
        writer.record_async(audit_record(0))
        await asyncio.sleep(0.3)
        try:
            writer.record_async(audit_record(1))
            refused = False
        except RuntimeError:
            refused = True
        release.set()
        for _ in range(200):
            await asyncio.sleep(0.01)
            if writer.failure is None:
                break
        return refused

    try:
        with lock_held(tmp_path) as release:
            assert run(scenario(release))
        assert writer.failure is None
        report = writer.state.audit.verify()
        assert report.ok and report.records == 1, report.problems
    finally:
        writer.close()
        writer.state.close()


def test_the_commit_mode_setting_refuses_an_unknown_value(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from thaw.api.settings import Settings

    for value in ("turn", "after", "now"):
        monkeypatch.setenv("THAW_AUDIT_COMMIT", value)
        assert Settings.from_env().audit_commit == value
    monkeypatch.setenv("THAW_AUDIT_COMMIT", "later")
    with pytest.raises(ValueError, match="turn, after or now"):
        Settings.from_env()


def test_a_segment_is_checkpointed_by_a_thread_of_its_own(tmp_path: Path) -> None:
    """A server worker's segment: its commits leave SQLite's write-ahead log
    alone, and a thread of its own empties the log every CHECKPOINT_EVERY records,
    so that the event loop never waits for the disk; close() records the
    segment's end on the main chain."""
    writer = AuditWriter(open_state(tmp_path), segment=True)
    writer.CHECKPOINT_EVERY = 10
    segment = writer.trail.segment
    assert segment is not None
    wal = tmp_path / "audit" / f"{segment}.db-wal"

    async def scenario(n: int) -> list[int | None]:
        futures = [writer.submit_async(audit_record(i)) for i in range(n)]
        return [(await f).seq for f in futures]

    try:
        assert run(scenario(9)) == list(range(1, 10))
        time.sleep(0.2)
        assert wal.stat().st_size > 0  # no checkpoint yet, not even SQLite's own
        assert run(scenario(1)) == [10]
        deadline = time.monotonic() + 10
        while wal.stat().st_size and time.monotonic() < deadline:
            time.sleep(0.01)
        assert wal.stat().st_size == 0  # checkpointed and truncated
    finally:
        writer.close()
        writer.state.close()
    with open_state(tmp_path) as state:
        report = state.audit.verify()
        records = list(state.audit.export())
    assert report.ok and report.records == 12, report.problems  # 10, opening, closing
    closing = [r for r in records if r.action == "audit.segment.close"]
    assert [r.query for r in closing] == [{"segment": segment, "seq": 10, "hash": records[-2].hash}]
