"""Audit segments (SQLite): a chain per server process, each in a file of its own,
opened and closed on the main chain (thaw.store.state.audit, module docs)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from tests.audit_records import audit_record

from thaw.store.state import Audit, open_state
from thaw.store.state._db import SQLITE_AUDIT_DDL, SqliteDatabase
from thaw.store.state.audit import _row_hash


def _segments(home: Path, count: int, closed: bool = True) -> list[Audit]:
    """``count`` segments of the state in ``home``, three records each, with one
    record on the main chain between them."""
    out = []
    with open_state(home) as state:
        for n in range(count):
            segment = state.audit.new_segment()
            segment.append_many([audit_record(10 * n + i) for i in range(3)])
            state.audit.append(audit_record(100 + n, "decide"))
            if closed:
                segment.close_segment()
            out.append(segment)
    return out


def _file(home: Path, segment: Audit) -> Path:
    return home / "audit" / f"{segment.segment}.db"


def test_segments_verify_and_export_merged_by_time(tmp_path: Path) -> None:
    first, second = _segments(tmp_path, 2)
    with open_state(tmp_path) as state:
        report = state.audit.verify()
        # main chain: 2 openings, 2 decisions, 2 closings; segments: 3 each
        assert report.ok and report.records == 12, report.problems
        records = list(state.audit.export())
        assert state.audit.count() == 12
    assert [r.at for r in records] == sorted(r.at or "" for r in records)
    assert [(r.segment, r.seq) for r in records if r.action == "match"] == [
        (first.segment, 1),
        (first.segment, 2),
        (first.segment, 3),
        (second.segment, 1),
        (second.segment, 2),
        (second.segment, 3),
    ]
    opened = [r for r in records if r.action == "audit.segment.open"]
    assert [r.query["segment"] for r in opened] == [first.segment, second.segment]
    assert all(r.segment is None for r in records if r.action != "match")


def test_an_edited_record_in_a_segment_is_detected(tmp_path: Path) -> None:
    segment = _segments(tmp_path, 1)[0]
    with sqlite3.connect(_file(tmp_path, segment)) as db:
        db.execute("UPDATE audit SET results = '{}' WHERE seq = 2")
    with open_state(tmp_path) as state:
        problems = state.audit.verify().problems
    assert problems == [
        f"segment {segment.segment}: record 2: edited (its hash does not match its content)"
    ]


def test_records_cut_off_a_closed_segment_are_detected_even_with_a_new_head(
    tmp_path: Path,
) -> None:
    """Deleting a closed segment's last record and rewriting its head to match
    still disagrees with the closing record on the main chain."""
    segment = _segments(tmp_path, 1)[0]
    with sqlite3.connect(_file(tmp_path, segment)) as db:
        db.execute("DELETE FROM audit WHERE seq = 3")
        (digest,) = db.execute("SELECT hash FROM audit WHERE seq = 2").fetchone()
        db.execute("UPDATE audit_head SET seq = 2, hash = ?", (digest,))
    with open_state(tmp_path) as state:
        problems = state.audit.verify().problems
    assert problems == [
        f"segment {segment.segment}: ends at record 2 but was closed at record 3"
        " (records cut off its end, or edited)"
    ]


def test_an_open_segment_is_checked_against_its_own_head(tmp_path: Path) -> None:
    """A segment never closed (its server was killed) verifies by its head."""
    segment = _segments(tmp_path, 1, closed=False)[0]
    segment.db.close()
    with open_state(tmp_path) as state:
        assert state.audit.verify().ok
    with sqlite3.connect(_file(tmp_path, segment)) as db:
        db.execute("DELETE FROM audit WHERE seq = 3")
    with open_state(tmp_path) as state:
        problems = state.audit.verify().problems
    assert any("ends at record 2 but 3 were appended" in p for p in problems), problems


def test_a_deleted_segment_file_is_detected(tmp_path: Path) -> None:
    segment = _segments(tmp_path, 1)[0]
    _file(tmp_path, segment).unlink()
    with open_state(tmp_path) as state:
        problems = state.audit.verify().problems
    assert problems == [f"segment {segment.segment}: its file is missing (the segment was deleted)"]


def test_a_segment_the_trail_never_opened_is_detected(tmp_path: Path) -> None:
    """A file slipped in beside the segments (or one whose opening record was cut
    off the main chain); an empty one, left by a crash before its opening was
    recorded, is not a problem."""
    segment = _segments(tmp_path, 1)[0]
    forged = tmp_path / "audit" / "20990101T000000-1-abcdef01.db"
    forged.write_bytes(_file(tmp_path, segment).read_bytes())
    empty = SqliteDatabase(tmp_path / "audit" / "20990101T000000-2-abcdef02.db", SQLITE_AUDIT_DDL)
    empty.close()
    with open_state(tmp_path) as state:
        problems = state.audit.verify().problems
    assert problems == ["segment 20990101T000000-1-abcdef01: 3 record(s) the trail never opened"]


def test_a_rehashed_opening_record_breaks_the_main_chain(tmp_path: Path) -> None:
    """The main chain protects the openings: rewriting one (to hide a segment)
    and its hash breaks the link of the record after it."""
    _segments(tmp_path, 1)
    with open_state(tmp_path) as state:
        row = state.db.query(
            "SELECT seq, at, key_id, key_name, action, dataset, query, publications,"
            " algorithm, threshold, results, prev_hash FROM audit WHERE seq = 1"
        )[0]
        forged = list(row)
        forged[4] = "decide"
        state.db.execute(
            "UPDATE audit SET action = 'decide', hash = ? WHERE seq = 1", (_row_hash(*forged),)
        )
        problems = state.audit.verify().problems
    assert any("record 2" in p and "chain" in p for p in problems), problems


def test_an_unreadable_segment_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    segment = _segments(tmp_path, 1)[0]
    _file(tmp_path, segment).write_bytes(b"not a database" * 100)
    with open_state(tmp_path) as state:
        problems = state.audit.verify().problems
    assert len(problems) == 1 and problems[0].startswith(
        f"segment {segment.segment}: unreadable"
    ), problems


def test_a_checkpoint_does_not_wait_for_a_reader(tmp_path: Path) -> None:
    """A long export holds a read snapshot of a segment: its writer's checkpoint
    copies what it can and returns at once instead of waiting for the reader."""
    with open_state(tmp_path) as state:
        segment = state.audit.new_segment()
        segment.append_many([audit_record(i) for i in range(3)])
        reader = sqlite3.connect(_file(tmp_path, segment))
        try:
            reader.execute("BEGIN")
            reader.execute("SELECT COUNT(*) FROM audit").fetchall()  # holds a snapshot
            segment.append_many([audit_record(3)])
            began = time.monotonic()
            segment.checkpoint()
            assert time.monotonic() - began < 1
        finally:
            reader.close()
        segment.checkpoint()
        assert (tmp_path / "audit" / f"{segment.segment}.db-wal").stat().st_size == 0
        segment.close_segment()
        assert state.audit.verify().ok
