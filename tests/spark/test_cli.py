"""``thaw screen-file --engine spark``: files and folders in, part files out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tests.spark.rows import file_results, make_rows, write_csv
from thaw.cli import app


def _run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_csv_file_to_parquet(spark: Any, fixture_home: Path, tmp_path: Path) -> None:
    rows = make_rows(200, seed=11)
    source = write_csv(rows, tmp_path / "rows.csv")
    out = tmp_path / "out"
    result = _run(
        "screen-file",
        str(source),
        "--engine",
        "spark",
        "--master",
        "local[2]",
        "--output",
        str(out),
        "--home",
        str(fixture_home),
    )
    assert "of 200 rows" in result.output
    table = pq.read_table(out).to_pylist()
    assert len(table) == 200
    expected = file_results(source, fixture_home)
    got = {r["id"]: r for r in table}
    assert {i for i, r in got.items() if r["error"] is None} == set(expected)
    # as screen-file without Spark: 2 when some rows were not screened
    assert result.exit_code == (2 if len(expected) < 200 else 0), result.output
    assert {i for i, r in got.items() if r["alert"]} == {i for i, h in expected.items() if h}
    # the output folder is never overwritten
    again = _run(
        "screen-file",
        str(source),
        "--engine",
        "spark",
        "--output",
        str(out),
        "--home",
        str(fixture_home),
    )
    assert again.exit_code == 1 and "already exists" in again.output


def test_folder_of_jsonl_to_jsonl(spark: Any, fixture_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    parts: list[list[str | None]] = [["Kirill Dmitriev", "Ana Silva"], ["Ocean Princess", None]]
    for part, names in enumerate(parts):
        with open(folder / f"part-{part}.jsonl", "w", encoding="utf-8") as fh:
            for i, name in enumerate(names):
                fh.write(json.dumps({"id": part * 10 + i, "Name": name}) + "\n")
    out = tmp_path / "out"
    result = _run(
        "screen-file",
        str(folder),
        "--engine",
        "spark",
        "--output",
        str(out),
        "--output-format",
        "jsonl",
        "--home",
        str(fixture_home),
    )
    assert result.exit_code == 2, result.output  # one row has no name
    lines = [
        json.loads(x) for p in sorted(out.glob("part-*.json")) for x in p.read_text().splitlines()
    ]
    got = {r["id"]: r for r in lines}
    assert sorted(got) == [0, 1, 10, 11]
    assert got[0]["alert"] is True and got[1]["alert"] is False and got[10]["alert"] is True
    assert got[11]["error"] == "no name"


def test_folder_needs_the_spark_engine(tmp_path: Path) -> None:
    result = _run("screen-file", str(tmp_path), "--output", str(tmp_path / "x.jsonl"))
    assert result.exit_code == 1 and "--engine spark" in result.output


def test_spark_engine_needs_an_output_folder(fixture_home: Path, tmp_path: Path) -> None:
    source = write_csv(make_rows(3), tmp_path / "rows.csv")
    result = _run("screen-file", str(source), "--engine", "spark", "--home", str(fixture_home))
    assert result.exit_code == 1 and "--output DIR" in result.output
    result = _run("screen-file", str(source), "--engine", "flink", "--output", str(tmp_path / "o"))
    assert result.exit_code == 1 and "unknown engine" in result.output


def test_a_store_with_no_lists_is_refused(spark: Any, tmp_path: Path) -> None:
    """Issue 11: "no hits" against no lists is never an answer, on Spark too."""
    from thaw.screen import NoListsLoaded
    from thaw.spark.index_file import prepare_index_file

    empty = tmp_path / "empty-home"
    source = write_csv(make_rows(3), tmp_path / "rows.csv")
    result = _run(
        "screen-file", str(source), "--engine", "spark", "--output", str(tmp_path / "o"),
        "--home", str(empty),
    )  # fmt: skip
    assert result.exit_code == 1 and "no lists are loaded" in result.output
    assert not (tmp_path / "o").exists()
    with pytest.raises(NoListsLoaded):
        prepare_index_file(empty)


def test_workers_run_this_interpreter(spark: Any, fixture_home: Path, tmp_path: Path) -> None:
    """``thaw`` run from a virtual environment that is not activated (the first
    ``python3`` on PATH has no thaw): the local Spark workers still import thaw."""
    source = write_csv(make_rows(12, seed=3), tmp_path / "rows.csv")
    out = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if k not in ("PYSPARK_PYTHON", "VIRTUAL_ENV")}
    env["PATH"] = "/usr/bin:/bin"
    run = subprocess.run(
        [
            sys.executable, "-c", "from thaw.cli import main; main()",
            "screen-file", str(source), "--engine", "spark", "--output", str(out),
            "--home", str(fixture_home),
        ],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode in (0, 2), run.stderr[-3000:]
    table = pq.read_table(out).to_pylist()
    assert len(table) == 12 and any(r["alert"] for r in table)
