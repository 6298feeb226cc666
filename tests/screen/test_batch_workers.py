"""Batch workers: what is loaded before forking, and how workers collect garbage."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from tests.index.fixture_store import fixture_records
from thaw.index import entry_from_record
from thaw.screen import Screener
from thaw.screen.batch import (
    WORKER_GC_THRESHOLDS,
    CheckedRow,
    _columns,
    _needs_japanese,
    _screen_chunk,
    _screen_chunk_in_worker,
    _worker_init,
    screen_file,
)


def job(name: str) -> CheckedRow:
    return CheckedRow(1, "row 1", None, name, None, None, (), ())


@pytest.mark.parametrize(
    ("names", "needed"),
    [
        (["Kirill Dmitriev", "Ivan Petrov"], False),
        (["أسامة بن لادن", "김정은", "Дмитриев"], False),
        (["Kirill Dmitriev", "鈴木 一郎"], True),
        (["すずき いちろう"], True),
        (["习近平"], True),
    ],
)
def test_japanese_reader_loaded_only_for_names_it_may_read(names: list[str], needed: bool) -> None:
    assert _needs_japanese([[job(n) for n in names[:1]], [job(n) for n in names[1:]]]) is needed


def test_worker_collects_rarely_and_freezes_after_a_chunk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from thaw.screen import batch

    monkeypatch.setattr(batch, "die_with_parent", lambda: None)  # (this is no worker)
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    batch._WORKER["screener"] = Screener.from_entries(
        entry_from_record(r) for r in fixture_records()
    )
    batch._WORKER["options"] = {"threshold": None, "limit": 10, "algorithm": "thaw"}
    try:
        _worker_init()
        assert gc.get_threshold() == WORKER_GC_THRESHOLDS
        text, lines, _with_hits, _hits, problems = _screen_chunk_in_worker(
            _columns([job("Kirill Dmitriev")])
        )
        assert lines == 1 and text.count("\n") == 1 and not problems
        assert gc.get_freeze_count() > frozen
    finally:
        batch._WORKER.clear()
        gc.unfreeze()
        gc.set_threshold(*before)


def test_parallel_results_equal_serial(tmp_path: Path) -> None:
    screener = Screener.from_entries(entry_from_record(r) for r in fixture_records())
    path = tmp_path / "rows.csv"
    names = ["Kirill Dmitriev", "鈴木 一郎", "Vladimir Putin", "Acme Trading LLC", "Ivan Petrov"]
    path.write_text("name\n" + "\n".join(names * 40) + "\n", encoding="utf-8")
    outputs = []
    for workers in (1, 2):
        out = tmp_path / f"out{workers}.jsonl"
        with open(out, "w", encoding="utf-8") as fh:
            summary = screen_file(path, fh, screener, workers=workers, chunk_size=16)
        assert summary.workers == workers
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert outputs[0].count("\n") == len(names) * 40


def test_worker_screens_a_chunk_sent_as_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """A chunk goes to a worker as a tuple per field and comes back as one text of
    its lines: the same lines, in order, as the rows screened in this process."""
    from thaw.screen import batch

    chunk = [
        CheckedRow(1, "line 2", "c1", "Kirill Dmitriev", None, None, (), ()),
        CheckedRow(2, "line 3", 7, "Ivan Petrov", "Person", "1970", ("RU",), ("X1",), "male"),
        CheckedRow(3, "line 4", None, "鈴木 一郎", None, None, (), ()),
    ]
    columns = _columns(chunk)
    assert len(columns) == len(CheckedRow._fields) and columns[3][2] == "鈴木 一郎"
    batch._WORKER["screener"] = Screener.from_entries(
        entry_from_record(r) for r in fixture_records()
    )
    batch._WORKER["options"] = {"threshold": None, "limit": 10, "algorithm": "thaw"}
    try:
        sent = _screen_chunk_in_worker(columns)
        here = _screen_chunk(chunk)
    finally:
        batch._WORKER.clear()
        gc.unfreeze()
    assert sent == here
    text, lines, with_hits, _hits, problems = sent
    assert lines == 3 and with_hits >= 1 and not problems
    assert [json.loads(line)["row"] for line in text.splitlines()] == [1, 2, 3]
    assert text.endswith("}\n")


def test_a_checked_row_has_every_field() -> None:
    """check_row builds its row as a plain tuple of every field (faster than the
    named tuple's constructor): a field added to CheckedRow must be given there."""
    from thaw.screen.batch import check_mapping

    checked, problems = check_mapping(
        {"id": "c1", "name": "Ivan Petrov", "gender": "M", "dob": "1970", "country": "RU"}
    )
    assert checked is not None and not problems
    assert type(checked) is CheckedRow and len(checked) == len(CheckedRow._fields)
    assert checked == CheckedRow(
        1, "row 1", "c1", "Ivan Petrov", "Person", "1970", ("ru",), (), "male"
    )


def test_rows_of_a_family_name_go_to_one_worker() -> None:
    """A block is split among the workers by the name's last word, so that one
    worker's caches meet every row of that name; each part keeps input order."""
    from thaw.screen.batch import _split

    names = ["Anna Kowalski", "Ivan Petrov", "Jan Kowalski", "Olga Petrov", "Lee Wong"] * 4
    block = [CheckedRow(i, f"row {i}", None, n, None, None, (), ()) for i, n in enumerate(names)]
    routes, parts = _split(block, 2)
    by_word: dict[str, set[int]] = {}
    for job, w in zip(block, routes, strict=True):
        by_word.setdefault(job.name.split()[-1], set()).add(w)
    assert all(len(ws) == 1 for ws in by_word.values())
    assert [[j.row for j in p] for p in parts] == [
        [j.row for j, w in zip(block, routes, strict=True) if w == n] for n in range(2)
    ]


def test_a_block_of_one_family_name_is_dealt_out_evenly() -> None:
    from thaw.screen.batch import _split

    block = [CheckedRow(i, "", None, f"N{i} Smith", None, None, (), ()) for i in range(10)]
    routes, parts = _split(block, 2)
    assert routes == [0, 1] * 5 and [len(p) for p in parts] == [5, 5]


def test_merged_answers_keep_input_order_and_skip_failed_rows() -> None:
    from thaw.screen.batch import RowProblem, _merge

    rows, routes = [1, 2, 3, 4, 5], [0, 1, 1, 0, 1]
    failed = RowProblem(3, "line 4", "could not be screened")
    parts: list[tuple[str, int, int, int, list[RowProblem]]] = [
        ("r1\nr4\n", 2, 1, 2, []),
        ("r2\nr5\n", 2, 0, 0, [failed]),
    ]
    assert _merge(rows, routes, list(parts)) == ("r1\nr2\nr4\nr5\n", 4, 1, 2, [failed])
