"""``thaw screen-file``: CSV, JSON lines and Parquet in; ordered JSON lines out;
bad rows reported by line and skipped; a date that cannot be read is dropped with a
warning, never a reason to skip the row."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tests.conftest import FIXTURES
from thaw.cli import app
from thaw.screen import Screener
from thaw.screen.batch import BatchError, RowProblem, screen_file

QUERIES = FIXTURES / "screening"


def run(screener: Screener, path: Path, **kw: Any) -> tuple[list[dict[str, Any]], list[RowProblem]]:
    out = io.StringIO()
    problems: list[RowProblem] = []
    summary = screen_file(path, out, screener, on_problem=problems.append, **kw)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert summary.screened == len(lines)
    assert summary.skipped == sum(p.skipped for p in problems)
    return lines, problems


def source_ids(result: dict[str, Any]) -> set[str]:
    return {listing["source_id"] for h in result["hits"] for listing in h["listings"]}


def check_csv_results(lines: list[dict[str, Any]]) -> None:
    assert [r["row"] for r in lines] == [1, 3, 4, 5, 7, 8]
    assert [r["id"] for r in lines] == ["q1", "q3", "q4", "q5", "q7", "q8"]
    assert [r["name"] for r in lines][:2] == ["Kirill Dmitriev", "Jane Unlisted Nobody"]
    assert "34336" in source_ids(lines[0])
    assert lines[1]["hits"] == []
    assert "34336" in source_ids(lines[2])  # screened without its impossible date
    assert "306" in source_ids(lines[3])
    assert "9001" in source_ids(lines[4])
    assert "QDi.900" in source_ids(lines[5])
    for result in lines:
        assert list(result) == ["row", "id", "name", "hits"]


CSV_PROBLEMS = [
    ("line 3", "no name", True),
    ("line 5", "unreadable date of birth", False),
    ("line 7", "unknown schema", True),
]


@pytest.mark.parametrize("workers", [1, 2])
def test_csv(screener: Screener, workers: int) -> None:
    lines, problems = run(screener, QUERIES / "queries.csv", workers=workers, chunk_size=1)
    check_csv_results(lines)
    found = [(p.where, p.reason.split(" '")[0].split(" (")[0], p.skipped) for p in problems]
    assert found == CSV_PROBLEMS


def test_csv_gzip_and_bom(screener: Screener, tmp_path: Path) -> None:
    data = (QUERIES / "queries.csv").read_bytes()
    path = tmp_path / "queries.csv.gz"
    path.write_bytes(gzip.compress(b"\xef\xbb\xbf" + data))
    lines, problems = run(screener, path, workers=1)
    check_csv_results(lines)
    assert [p.where for p in problems] == ["line 3", "line 5", "line 7"]


def test_csv_quote_left_open_is_a_bad_row(screener: Screener, tmp_path: Path) -> None:
    # the quote opened on line 3 is never closed: the reader swallows lines 4-5
    path = tmp_path / "open.csv"
    path.write_bytes(b'name,id\nKirill Dmitriev,a\n"Banco Nacional,b\nJohn Smith,c\nJane Doe,d\n')
    lines, problems = run(screener, path, workers=1)
    assert [r["id"] for r in lines] == ["a"]
    assert [(p.where, p.skipped) for p in problems] == [("lines 3-5", True)]
    assert "quote" in problems[0].reason
    # closed again further down: the rows after the closing quote are screened
    path.write_bytes(b'name,id\n"Banco Nacional,b\nJohn Smith,c\nJane" Doe,d\nAnna Li,e\n')
    lines, problems = run(screener, path, workers=1)
    assert [r["id"] for r in lines] == ["e"]
    assert [p.where for p in problems] == ["lines 2-4"]


def test_csv_quoted_newline_and_bad_bytes(screener: Screener, tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(
        b'name,id\n"Kirill\nDmitriev",a\n"Bad \xff byte",b\nBanco Nacional de Cuba,c\n'
    )
    lines, problems = run(screener, path, workers=1)
    # a byte that is not UTF-8 is read as Windows-1252: the row is screened, with a warning
    assert [r["id"] for r in lines] == ["a", "b", "c"]
    assert lines[0]["name"] == "Kirill Dmitriev"
    assert lines[1]["name"] == "Bad ÿ byte"
    assert [(p.where, p.skipped) for p in problems] == [("line 4", False)]
    assert problems[0].reason.startswith("not valid UTF-8")


def test_jsonl(screener: Screener) -> None:
    lines, problems = run(screener, QUERIES / "queries.jsonl", workers=2, chunk_size=2)
    assert [r["row"] for r in lines] == [1, 2, 3, 7, 8]
    assert [r["id"] for r in lines] == [1, 2, 3, 6, 7]
    assert "34336" in source_ids(lines[0])
    assert lines[1]["hits"] == []
    assert "306" in source_ids(lines[2])
    assert "QDi.900" in source_ids(lines[3])  # screened without the unknown country
    assert "CDi.900" in source_ids(lines[4])
    summary = [(p.where, p.skipped) for p in problems]
    assert summary == [("line 4", True), ("line 6", True), ("line 7", True), ("line 8", False)]
    reasons = [p.reason for p in problems]
    assert reasons[0].startswith("unparsable JSON")
    assert reasons[1] == "no name"
    assert reasons[2] == "not a JSON object"
    assert reasons[3].startswith("unknown country")


def write_parquet(path: Path) -> None:
    with open(QUERIES / "queries.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    table = pa.table(
        {
            "ID": [r["ID"] for r in rows],
            "Full_Name": [r["Full_Name"] or None for r in rows],
            "Schema": [r["Schema"] or None for r in rows],
            "Date_of_Birth": [r["Date_of_Birth"] or None for r in rows],
            "Nationality": [r["Nationality"] or None for r in rows],
            "Id_Number": [r["Id_Number"] or None for r in rows],
            "Notes": [r["Notes"] for r in rows],
        }
    )
    pq.write_table(table, path, row_group_size=3)


@pytest.mark.parametrize("workers", [1, 2])
def test_parquet(screener: Screener, tmp_path: Path, workers: int) -> None:
    path = tmp_path / "queries.parquet"
    write_parquet(path)
    lines, problems = run(screener, path, workers=workers, chunk_size=2)
    check_csv_results(lines)
    assert [p.where for p in problems] == ["row 2", "row 4", "row 6"]


def test_parquet_date_column(screener: Screener, tmp_path: Path) -> None:
    import datetime as dt

    path = tmp_path / "dates.parquet"
    table = pa.table(
        {"name": ["Kirill Dmitriev"], "birth_date": [dt.date(1975, 4, 12)], "id": [17]}
    )
    pq.write_table(table, path)
    lines, problems = run(screener, path, workers=1)
    assert not problems and lines[0]["id"] == 17 and "34336" in source_ids(lines[0])


def test_many_rows_keep_their_order(screener: Screener, tmp_path: Path) -> None:
    names = [
        "Kirill Dmitriev",
        "Jane Unlisted Nobody",
        "Banco Nacional de Cuba",
        "Abdul Rahman Yasin",
    ]
    path = tmp_path / "many.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "name"])
        for i in range(400):
            writer.writerow([f"r{i}", names[i % 4] if i % 37 else ""])
    lines, problems = run(screener, path, workers=2, chunk_size=7)
    expected = [f"r{i}" for i in range(400) if i % 37]
    assert [r["id"] for r in lines] == expected
    assert [p.where for p in problems] == [f"line {i + 2}" for i in range(400) if not i % 37]


def test_input_errors(screener: Screener, tmp_path: Path) -> None:
    nameless = tmp_path / "nameless.csv"
    nameless.write_text("id,schema\n1,Person\n")
    with pytest.raises(BatchError, match=r"no name column among the headers \('id', 'schema'\)"):
        run(screener, nameless)
    unknown = tmp_path / "data.docx"
    unknown.write_text("x")
    with pytest.raises(BatchError, match="--format"):
        run(screener, unknown)
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 not really")
    with pytest.raises(BatchError, match="Parquet"):
        run(screener, broken)
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    assert run(screener, empty) == ([], [])


def test_cli_screen_file(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "results.jsonl"
    result = CliRunner().invoke(
        app,
        [
            "screen-file",
            str(QUERIES / "queries.csv"),
            "--output",
            str(out),
            "--home",
            str(home),
            "--workers",
            "2",
            "--chunk-size",
            "1",
        ],
    )
    assert result.exit_code == 2, result.output  # rows were skipped: said by the status too
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    check_csv_results(lines)
    for where, reason, _ in CSV_PROBLEMS:
        assert f"{where}: {reason}" in result.stderr
    assert "screened 6 of 8 rows" in result.stderr
    assert "2 skipped, 1 warning(s)" in result.stderr


def test_cli_screen_file_to_stdout_and_errors(home: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app, ["screen-file", str(QUERIES / "queries.jsonl"), "--home", str(home), "--workers", "1"]
    )
    assert result.exit_code == 2, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [1, 2, 3, 6, 7]
    nameless = tmp_path / "nameless.csv"
    nameless.write_text("id\n1\n")
    bad = runner.invoke(app, ["screen-file", str(nameless), "--home", str(home)])
    assert bad.exit_code == 1 and "no name column among the headers ('id')" in bad.stderr
