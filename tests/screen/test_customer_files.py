"""Issue 11 and 17 on ``thaw screen-file``: customer-file columns and formats,
persons screened as persons, bounded memory, odd bytes and encodings."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from thaw.cli import app
from thaw.screen import Screener
from thaw.screen.batch import BatchError, RowProblem, screen_file


def run(screener: Screener, path: Path, **kw: Any) -> tuple[list[dict[str, Any]], list[RowProblem]]:
    out = io.StringIO()
    problems: list[RowProblem] = []
    screen_file(path, out, screener, on_problem=problems.append, workers=1, **kw)
    return [json.loads(line) for line in out.getvalue().splitlines()], problems


def schemata(result: dict[str, Any]) -> set[str]:
    return {h["schema"] for h in result["hits"]}


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_split_name_columns_and_sniffed_delimiters(
    screener: Screener, tmp_path: Path, delimiter: str
) -> None:
    rows = [
        ["id", "First Name", "middle_name", "last_name", "gender", "dob"],
        ["1", "Kirill", "", "Dmitriev", "male", "1975-04-12"],
        ["2", "Jane", "Unlisted", "Nobody", "", ""],
    ]
    path = tmp_path / "customers.csv"
    path.write_text("\n".join(delimiter.join(r) for r in rows) + "\n", encoding="utf-8")
    lines, problems = run(screener, path)
    assert not problems
    assert [r["name"] for r in lines] == ["Kirill Dmitriev", "Jane Unlisted Nobody"]
    assert "34336" in {x["source_id"] for h in lines[0]["hits"] for x in h["listings"]}


def test_a_row_describing_a_person_is_screened_as_a_person(
    screener: Screener, tmp_path: Path
) -> None:
    """ "Ocean Princess" is a listed vessel; a customer of that name with a gender
    or a date of birth is a person and must not alert on the vessel, unless the
    row or the run asks for every kind of party."""
    path = tmp_path / "people.csv"
    path.write_text(
        "id,full_name,gender,date_of_birth,schema\n"
        "a,Ocean Princess,female,,\n"
        "b,Ocean Princess,,1980-01-02,\n"
        "c,Ocean Princess,,,\n"
        "d,Ocean Princess,female,,any\n"
        "e,Ocean Princess,n/a,,\n",
        encoding="utf-8",
    )
    lines, problems = run(screener, path)
    assert not problems
    by_id = {r["id"]: r for r in lines}
    assert "Vessel" not in schemata(by_id["a"]) | schemata(by_id["b"])
    assert "Vessel" in schemata(by_id["c"])  # nothing says person
    assert "Vessel" in schemata(by_id["d"])  # asked for every kind
    assert "Vessel" in schemata(by_id["e"])  # a gender of "n/a" says nothing
    wide, _ = run(screener, path, default_schema="any")
    assert "Vessel" in schemata({r["id"]: r for r in wide}["a"])
    with pytest.raises(BatchError, match="unknown schema"):
        run(screener, path, default_schema="Dog")


def test_xlsx_input(screener: Screener, tmp_path: Path) -> None:
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["ID", "First name", "Last name", "Date of birth"])
    sheet.append([7, "Kirill", "Dmitriev", dt.datetime(1975, 4, 12)])
    sheet.append([8, None, None, None])
    path = tmp_path / "customers.xlsx"
    book.save(path)
    lines, problems = run(screener, path)
    assert [r["id"] for r in lines] == [7]
    assert "34336" in {x["source_id"] for h in lines[0]["hits"] for x in h["listings"]}
    assert [(p.where, p.reason) for p in problems] == [("row 3", "no name")]
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(BatchError, match="not a readable .xlsx"):
        run(screener, broken)


def test_over_long_line_in_gzip_is_a_bad_row(screener: Screener, tmp_path: Path) -> None:
    """Issue 17 #5: a .jsonl.gz holding a huge name (here 3 MB; 1 GB in the
    report) is one bad row, read through without holding it; the rest is screened."""
    path = tmp_path / "huge.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(b'{"id": 1, "name": "Kirill Dmitriev"}\n')
        fh.write(b'{"id": 2, "name": "' + b"A" * 3_000_000 + b'"}\n')
        fh.write(b'{"id": 3, "name": "Banco Nacional de Cuba"}\n')
    lines, problems = run(screener, path)
    assert [r["id"] for r in lines] == [1, 3]
    assert [(p.where, p.skipped) for p in problems] == [("line 2", True)]
    assert "longer than 1,048,576 characters" in problems[0].reason


def test_over_long_csv_line_and_field(screener: Screener, tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text(
        "id,name\n1,Kirill Dmitriev\n2," + "B" * 2_000_000 + "\n3," + "C" * 70_000 + "\n"
        "4,Banco Nacional de Cuba\n",
        encoding="utf-8",
    )
    lines, problems = run(screener, path)
    assert [r["id"] for r in lines] == ["1", "4"]
    assert [p.where for p in problems] == ["line 3", "line 4"]
    assert "line longer" in problems[0].reason and "a field longer" in problems[1].reason


def test_deeply_nested_json_line_is_a_bad_row(screener: Screener, tmp_path: Path) -> None:
    """Issue 17 #10: a line nested 3,000 levels raised RecursionError and sank the run."""
    path = tmp_path / "deep.jsonl"
    deep = '{"name": ' + "[" * 3000 + "]" * 3000 + "}"
    path.write_text(f'{{"name": "Kirill Dmitriev"}}\n{deep}\n{{"name": "Ocean Princess"}}\n')
    lines, problems = run(screener, path)
    assert [r["name"] for r in lines] == ["Kirill Dmitriev", "Ocean Princess"]
    assert [(p.where, p.skipped) for p in problems] == [("line 2", True)]
    assert problems[0].reason == "unparsable JSON (nested too deeply)"


def test_a_json_line_with_an_integer_too_long_is_a_bad_row(
    screener: Screener, tmp_path: Path
) -> None:
    """A number of over 4,300 digits: json's plain ValueError sank the run (and
    broke /screen/file's stream mid-answer)."""
    path = tmp_path / "long.jsonl"
    long = '{"name": ' + "9" * 5000 + "}"
    path.write_text(f'{{"name": "Kirill Dmitriev"}}\n{long}\n{{"name": "Ocean Princess"}}\n')
    lines, problems = run(screener, path)
    assert [r["name"] for r in lines] == ["Kirill Dmitriev", "Ocean Princess"]
    assert [(p.where, p.skipped, p.reason) for p in problems] == [
        ("line 2", True, "unparsable JSON (a number too long)")
    ]


def test_odd_names_in_files(screener: Screener, tmp_path: Path) -> None:
    """Issue 17 #11: a JSON object as a name, NUL bytes, a name with too little
    information: each a bad row saying why."""
    path = tmp_path / "odd.jsonl"
    rows = [
        {"name": {"first": "Kirill", "last": "Dmitriev"}},
        {"name": "\u0000\u0000\u0000"},
        {"name": "aaaaaaaaaa"},
        {"name": "Kirill\u0000 Dmitriev"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    lines, problems = run(screener, path)
    assert [r["name"] for r in lines] == ["Kirill Dmitriev"]
    reasons = [p.reason for p in problems]
    assert reasons[0] == "the name must be text, not a JSON object"
    assert reasons[1] == "no name"
    assert "too little information" in reasons[2]


def test_cp1252_byte_in_utf8_csv_is_read_and_said(home: Path, tmp_path: Path) -> None:
    """Issue 17 #11, decided: a Windows-1252 "é" in a UTF-8 file is read as "é"
    (the row is screened, nothing is lost) and a warning names the line; the run
    exits 0 because every row was screened."""
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"id,name\n1,Kirill Dmitriev\n2,Ren\xe9 Dubois\n")
    result = CliRunner().invoke(app, ["screen-file", str(path), "--home", str(home)])
    assert result.exit_code == 0, result.output
    names = [json.loads(line)["name"] for line in result.stdout.splitlines()]
    assert names == ["Kirill Dmitriev", "René Dubois"]
    assert "line 3: not valid UTF-8" in result.stderr and "1 warning(s)" in result.stderr


def test_utf16_csv(screener: Screener, tmp_path: Path) -> None:
    """Issue 17 #11: UTF-16 with a byte-order mark is read, and so is UTF-16
    without one (told by its NUL bytes); other bytes with NULs are refused as the
    wrong encoding (it was "no 'name' column")."""
    text = "id,name\n1,Kirill Dmitriev\n"
    with_bom = tmp_path / "bom.csv"
    with_bom.write_bytes(text.encode("utf-16"))
    lines, problems = run(screener, with_bom)
    assert not problems and [r["name"] for r in lines] == ["Kirill Dmitriev"]
    for encoding in ("utf-16-le", "utf-16-be"):
        without = tmp_path / f"{encoding}.csv"
        without.write_bytes(text.encode(encoding))
        lines, problems = run(screener, without)
        assert not problems and [r["name"] for r in lines] == ["Kirill Dmitriev"]
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)))
    with pytest.raises(BatchError, match="not UTF-8 text"):
        run(screener, binary)


def test_skipped_rows_set_the_exit_status(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "some-bad.csv"
    path.write_text("id,name\n1,Kirill Dmitriev\n2,\n")
    result = CliRunner().invoke(app, ["screen-file", str(path), "--home", str(home)])
    assert result.exit_code == 2 and "line 3: no name (skipped)" in result.stderr
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["1"]


def test_screening_an_empty_store_fails(tmp_path: Path) -> None:
    """Issue 11: "No hits" from a store with no lists is the most dangerous answer;
    every screening command fails instead."""
    empty = tmp_path / "empty-home"
    names = tmp_path / "names.csv"
    names.write_text("name\nKirill Dmitriev\n")
    runner = CliRunner()
    for args in (
        ["screen", "Kirill Dmitriev"],
        ["screen-file", str(names)],
        ["screen-text", str(names)],
    ):
        result = runner.invoke(app, [*args, "--home", str(empty)])
        assert result.exit_code == 1, (args, result.output)
        assert "no lists are loaded" in result.stderr, args
        assert "No hits" not in result.stdout
