"""``thaw compare-file``."""

from __future__ import annotations

import csv
from pathlib import Path

from typer.testing import CliRunner

from thaw.cli import app


def test_compare_file(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "name1,name2,schema,note\n"
        'Кирилл Дмитриев,"DMITRIEV, Kirill Aleksandrovich",Person,a\n'
        "John Smith,Jane Smith,Person,b\n"
        "ПАО НК Роснефть,Rosneft Oil Company,,c\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(app, ["compare-file", str(pairs), "--output", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == ["name1", "name2", "schema", "note", "score", "match"]
    assert [r["match"] for r in rows] == ["true", "false", "true"]
    assert rows[2]["note"] == "c"
    assert 0 <= float(rows[1]["score"]) < 0.7


def test_compare_file_ofac_and_errors(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("name1,name2\nVladimir Putin,PUTIN Vladimir\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    args = ["compare-file", str(pairs), "-o", str(out)]
    result = CliRunner().invoke(app, [*args, "--algorithm", "ofac"])
    assert result.exit_code == 0, result.output
    assert next(csv.DictReader(out.open()))["match"] == "true"
    bad = tmp_path / "bad.csv"
    bad.write_text("left,right\na,b\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["compare-file", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert "missing column" in result.output
    result = CliRunner().invoke(app, [*args, "--algorithm", "x"])
    assert result.exit_code == 1
