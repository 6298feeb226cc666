"""Issue 11, 3: an identifier alone finds its listing from every way of screening
(``screen --id-number``, the ``id_number`` column of ``screen-file``, the Python
API), whatever the name."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.index.fixture_store import fill, fixture_records
from thaw.cli import app
from thaw.index import entry_from_record
from thaw.screen import Screener
from thaw.screen.batch import screen_file
from thaw.store import Store

IMO = "IMO 9123456"
"""The IMO number the fixture lists publish for the vessel OCEAN PRINCESS."""


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("ids") / "home"
    with Store(home) as store:
        fill(store, fixture_records())
    return home


def test_python_api() -> None:
    screener = Screener.from_entries(entry_from_record(r) for r in fixture_records())
    hits = screener.screen("Unknown Ship", schema="Vessel", id_number=IMO).hits
    assert hits and hits[0].name == "OCEAN PRINCESS" and hits[0].score >= 0.95
    assert screener.screen("Unknown Ship", schema="Vessel").hits == ()


def test_screen_command(home: Path) -> None:
    args = ["screen", "Unknown Ship", "--schema", "Vessel", "--id-number", IMO, "--json"]
    result = CliRunner().invoke(app, [*args, "--home", str(home)])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)["hits"]
    assert hits[0]["name"] == "OCEAN PRINCESS" and hits[0]["score"] >= 0.95


def test_screen_file_id_number_column(tmp_path: Path) -> None:
    path = tmp_path / "ships.csv"
    path.write_text(
        f"id,name,schema,id_number\n1,Unknown Ship,Vessel,{IMO}\n2,Unknown Ship,Vessel,\n",
        encoding="utf-8",
    )
    screener = Screener.from_entries(entry_from_record(r) for r in fixture_records())
    out = io.StringIO()
    screen_file(path, out, screener, workers=1)
    rows = {r["id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    assert [h["name"] for h in rows["1"]["hits"]] == ["OCEAN PRINCESS"]
    assert rows["2"]["hits"] == []
