"""The archive of closed audit segments (``Audit.compact``, ``thaw audit compact``):
records rolled into it verify and export as they did in their files, tampering
with them is detected as before, and a ``kill -9`` at any point of a roll-up
leaves a verifiable trail that a later roll-up completes."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from tests.audit_records import audit_record
from tests.cli._cli import thaw

from thaw.store.state import Audit, open_state
from thaw.store.state.audit import ARCHIVE_FILE

LIVE: list[Audit] = []
"""Segments left open by :func:`_trail`, kept as their running server keeps them
(a segment's writer holds a lock on its file while it lives)."""


def _trail(home: Path, closed: int = 3, records: int = 5, left_open: bool = True) -> list[str]:
    """``closed`` closed segments of ``records`` records each, a decision on the
    main chain after each, and (``left_open``) one more segment left open, as a
    running server keeps it (in :data:`LIVE`); the closed segments' ids."""
    ids = []
    with open_state(home) as state:
        for n in range(closed):
            segment = state.audit.new_segment()
            segment.append_many([audit_record(100 * n + i) for i in range(records)])
            state.audit.append(audit_record(10_000 + n, "decide"))
            segment.close_segment()
            assert segment.segment is not None
            ids.append(segment.segment)
        if left_open:
            segment = state.audit.new_segment()
            segment.append_many([audit_record(90_000 + i) for i in range(2)])
            LIVE.append(segment)
    return ids


def _answers(home: Path, since: str | None = None) -> tuple[Any, ...]:
    """What verify, export and count answer."""
    with open_state(home) as state:
        report = state.audit.verify()
        records = [r.to_dict() for r in state.audit.export(since)]
        return report.ok, report.records, report.problems, records, state.audit.count()


def _files(home: Path) -> list[str]:
    """The segment files and the archive (not SQLite's write-ahead logs)."""
    return sorted(p.name for p in (home / "audit").glob("*") if p.suffix in (".db", ".sqlite"))


def test_compact_rolls_closed_segments_and_every_answer_stays_the_same(tmp_path: Path) -> None:
    ids = _trail(tmp_path)
    before = _answers(tmp_path)
    middle = before[3][len(before[3]) // 2]["at"]
    before_since = _answers(tmp_path, since=middle)
    assert before[:3] == (True, 3 + 3 * 5 + 1 + 2 + 3 + 3, [])
    with open_state(tmp_path) as state:
        report = state.audit.compact()
        assert (report.segments, report.records, report.still_open) == (3, 15, 1)
        assert report.skipped == []
        assert len(state.audit.segment_files()) == 1  # the open one
    assert not any(f"{i}.db" in _files(tmp_path) for i in ids)
    assert ARCHIVE_FILE in _files(tmp_path)
    assert _answers(tmp_path) == before
    assert _answers(tmp_path, since=middle) == before_since
    with open_state(tmp_path) as state:  # nothing left to roll
        again = state.audit.compact()
    assert (again.segments, again.records, again.still_open) == (0, 0, 1)
    assert _answers(tmp_path) == before


def test_segments_closed_later_join_the_same_archive(tmp_path: Path) -> None:
    _trail(tmp_path, closed=2, left_open=False)
    with open_state(tmp_path) as state:
        state.audit.compact()
    _trail(tmp_path, closed=2, left_open=False)
    before = _answers(tmp_path)
    with open_state(tmp_path) as state:
        assert state.audit.compact().segments == 2
    assert _answers(tmp_path) == before
    assert _files(tmp_path) == [ARCHIVE_FILE]


def _archive(home: Path) -> sqlite3.Connection:
    return sqlite3.connect(home / "audit" / ARCHIVE_FILE, isolation_level=None)


def test_an_edited_archived_record_is_detected(tmp_path: Path) -> None:
    first = _trail(tmp_path, left_open=False)[0]
    with open_state(tmp_path) as state:
        state.audit.compact()
    with _archive(tmp_path) as db:
        db.execute("UPDATE audit SET results = '{}' WHERE segment = ? AND seq = 2", (first,))
    assert _answers(tmp_path)[2] == [
        f"segment {first}: record 2: edited (its hash does not match its content)"
    ]


def test_an_archived_segment_deleted_from_the_archive_is_detected(tmp_path: Path) -> None:
    first = _trail(tmp_path, left_open=False)[0]
    with open_state(tmp_path) as state:
        state.audit.compact()
    with _archive(tmp_path) as db:
        db.execute("DELETE FROM audit WHERE segment = ?", (first,))
        db.execute("DELETE FROM audit_segments WHERE segment = ?", (first,))
    assert _answers(tmp_path)[2] == [
        f"segment {first}: its file is missing (the segment was deleted)"
    ]


def test_records_cut_off_an_archived_segment_are_detected_even_with_a_new_head(
    tmp_path: Path,
) -> None:
    first = _trail(tmp_path, left_open=False)[0]
    with open_state(tmp_path) as state:
        state.audit.compact()
    with _archive(tmp_path) as db:
        db.execute("DELETE FROM audit WHERE segment = ? AND seq = 5", (first,))
        (digest,) = db.execute(
            "SELECT hash FROM audit WHERE segment = ? AND seq = 4", (first,)
        ).fetchone()
        db.execute("UPDATE audit_segments SET seq = 4, hash = ? WHERE segment = ?", (digest, first))
    assert _answers(tmp_path)[2] == [
        f"segment {first}: ends at record 4 but was closed at record 5"
        " (records cut off its end, or edited)"
    ]


def test_a_segment_that_does_not_verify_is_left_in_place(tmp_path: Path) -> None:
    """A tampered segment is not archived (the archive must not launder it): it
    stays in its file, the roll-up says why and exits 1, and verify still
    reports it; the others are archived."""
    first, second, third = _trail(tmp_path, left_open=False)
    with sqlite3.connect(tmp_path / "audit" / f"{second}.db") as db:
        db.execute("UPDATE audit SET results = '{}' WHERE seq = 3")
    run = thaw("audit", "compact", "--home", tmp_path, "--json")
    assert run.code == 1, str(run)
    report = json.loads(run.out)
    assert (report["segments"], report["records"]) == (2, 10)
    assert report["skipped"] == [
        f"segment {second}: record 3: edited (its hash does not match"
        " its content) (not archived; see thaw audit verify)"
    ]
    assert _files(tmp_path) == [f"{second}.db", ARCHIVE_FILE]
    assert _answers(tmp_path)[2] == [
        f"segment {second}: record 3: edited (its hash does not match its content)"
    ]


def test_a_broken_main_chain_archives_nothing(tmp_path: Path) -> None:
    _trail(tmp_path, left_open=False)
    with sqlite3.connect(tmp_path / "state.db") as db:
        db.execute("UPDATE audit SET key_name = 'Mallory' WHERE action = 'decide'")
    run = thaw("audit", "compact", "--home", tmp_path)
    assert run.code == 1
    assert "main chain does not verify" in run.err and "nothing was archived" in run.err
    assert ARCHIVE_FILE not in _files(tmp_path)


def test_thaw_audit_compact_reports_what_it_did(tmp_path: Path) -> None:
    _trail(tmp_path)
    run = thaw("audit", "compact", "--home", tmp_path)
    assert run.code == 0, str(run)
    assert "archived 3 closed segment(s), 15 record(s); 1 open segment(s) left in place" in (
        run.err.replace("\n", " ")
    )
    assert thaw("audit", "verify", "--home", tmp_path).code == 0


def test_a_reader_finds_a_segment_archived_after_it_listed_the_files(tmp_path: Path) -> None:
    """Export lists the segment files, then a roll-up archives one and deletes its
    file before the export opens it: the export reads it from the archive (and
    no empty file is created in its place)."""
    ids = _trail(tmp_path, closed=1, left_open=False)
    before = _answers(tmp_path)
    with open_state(tmp_path) as state:
        records = state.audit.export()
        first = next(records)  # the main chain's first record: every chain is listed
        with open_state(tmp_path) as other:
            assert other.audit.compact().segments == 1
        rest = [r.to_dict() for r in records]
    assert [first.to_dict(), *rest] == before[3]
    assert f"{ids[0]}.db" not in _files(tmp_path)


_KILLED_COMPACT = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    import thaw.store.state.audit as audit
    from thaw.store.state import Audit, open_state

    stage, segment = sys.argv[2], int(sys.argv[3])
    seen = {"now": 0, "remove": 0}

    def kill_at(name, real):
        def wrapped(*args):
            seen[name] += 1
            if name == stage and seen[name] == segment:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args)
        return wrapped

    # _now: inside the transaction, after the segment's records were inserted;
    # _remove: after the commit, before the segment's file is deleted
    audit._now = kill_at("now", audit._now)
    audit._remove = kill_at("remove", audit._remove)
    with open_state(Path(sys.argv[1])) as state:
        state.audit.compact()
    """
)


@pytest.mark.parametrize(
    ("stage", "segment"), [("now", 1), ("remove", 1), ("now", 2), ("remove", 3)]
)
def test_a_roll_up_killed_at_any_point_leaves_a_verifiable_trail(
    tmp_path: Path, stage: str, segment: int
) -> None:
    """A real ``kill -9`` in the middle of a segment's copy (its transaction not
    committed), between the commit and the deletion of its file, and after
    some segments were rolled: verify and export answer as before, and the next
    roll-up finishes the work."""
    _trail(tmp_path)
    before = _answers(tmp_path)
    run = subprocess.run(
        [sys.executable, "-c", _KILLED_COMPACT, str(tmp_path), stage, str(segment)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == -signal.SIGKILL, run.stderr
    with open_state(tmp_path) as state:  # the state the kill left: files, copies
        assert len(state.audit.segment_files()) == 3 - (segment - 1) + 1
    with _archive(tmp_path) as db:
        archived = db.execute("SELECT COUNT(*) FROM audit_segments").fetchone()[0]
    assert archived == (segment if stage == "remove" else segment - 1)
    assert _answers(tmp_path) == before
    with open_state(tmp_path) as state:
        report = state.audit.compact()
        assert report.skipped == [] and report.still_open == 1
        assert len(state.audit.segment_files()) == 1
    assert _answers(tmp_path) == before


def test_a_trail_without_segments_has_nothing_to_roll(tmp_path: Path) -> None:
    """The main chain alone (as PostgreSQL keeps the trail): a roll-up does
    nothing and creates no archive."""
    with open_state(tmp_path) as state:
        state.audit.append(audit_record(1))
        report = state.audit.compact()
    assert (report.segments, report.records, report.still_open) == (0, 0, 0)
    assert not (tmp_path / "audit" / ARCHIVE_FILE).exists()


_KILLED_SERVER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from tests.audit_records import audit_record
    from thaw.store.state import open_state

    state = open_state(Path(sys.argv[1]))
    segment = state.audit.new_segment()
    segment.append_many([audit_record(i) for i in range(4)])
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_a_killed_servers_segment_is_rolled_up_once_its_writer_is_gone(tmp_path: Path) -> None:
    """A segment never closed: while its writer lives it is left open; once its
    process is gone (here killed), it is archived and checked as before, against
    its own head."""
    _trail(tmp_path, closed=1)  # one closed, one open and live
    run = subprocess.run(
        [sys.executable, "-c", _KILLED_SERVER, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert run.returncode == -signal.SIGKILL, run.stderr
    before = _answers(tmp_path)
    # main chain: 3 openings, a decision, a closing; segments: 5, 2 (live), 4 (killed)
    assert before[0] and before[1] == 5 + 5 + 2 + 4
    with open_state(tmp_path) as state:
        report = state.audit.compact()
        assert (report.segments, report.records, report.still_open) == (2, 9, 1)
        assert len(state.audit.segment_files()) == 1  # the live one
    assert _answers(tmp_path) == before
