"""The audit writer's group commit in the event loop (thaw.api.runtime.AuditWriter).

The loop commits a request's record at once when SQLite's write lock is free, and
never waits for it when another process holds it: it goes on serving and commits
the queued records as one group once the lock is free. Through real HTTP, every
audited route is tested in tests/api/test_decisions_audit.py; these tests hold the
lock from another connection, which a server test cannot time.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.aio import run
from thaw.api.runtime import AuditWriter
from thaw.store.state import AuditRecord, open_state


def _record(i: int) -> AuditRecord:
    return AuditRecord(
        action="match",
        query={"queries": {"q": {"schema": "Person", "properties": {"name": [f"Name {i}"]}}}},
        key_id="k1",
        key_name="Jane",
        dataset="default",
        publications={"us_ofac_sdn": {"id": 3, "published": "2024-05-03"}},
        algorithm="thaw",
        threshold=0.7,
        results={"q": [{"id": f"us_ofac_sdn:{i}", "score": 0.91}]},
    )


def test_a_free_lock_commits_the_record_before_submit_returns(tmp_path: Path) -> None:
    writer = AuditWriter(open_state(tmp_path), at_once=True)
    try:

        async def scenario() -> list[int | None]:
            futures = [writer.submit_async(_record(i)) for i in range(3)]
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
        futures = [writer.submit_async(_record(i)) for i in range(3)]
        assert not any(f.done() for f in futures)
        ticks = 0
        while time.monotonic() - began < 0.2:  # the loop is free meanwhile
            await asyncio.sleep(0.002)
            ticks += 1
        futures.append(writer.submit_async(_record(3)))  # joins the waiting group
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
            await asyncio.wait_for(writer.submit_async(_record(0)), 10)
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
        futures = [writer.submit_async(_record(i)) for i in range(2)]
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
        futures = [writer.submit_async(_record(i)) for i in range(3)]
        assert not any(f.done() for f in futures)
        return [(await f).seq for f in futures]

    try:
        assert run(scenario()) == [1, 2, 3]
        assert writer.groups == 1
    finally:
        writer.close()
        writer.state.close()
