"""The history and what-if commands: thaw changes, history, chart, whatif, programs,
and thaw load ARCHIVE."""

from __future__ import annotations

import csv
import io
import json
import tarfile
from pathlib import Path

from typer.testing import CliRunner

from tests.history.history_fixtures import add, rec
from thaw.cli import app
from thaw.store import Store

runner = CliRunner()


def _home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    with Store(home) as store:
        add(
            store,
            "us_ofac_sdn",
            "2024-01-01",
            [
                rec("us_ofac_sdn", "1", "ACME", ["IRAN"]),
                rec("us_ofac_sdn", "2", "OLD CO", ["SDGT"]),
            ],
        )
        add(
            store,
            "us_ofac_sdn",
            "2024-02-01",
            [
                rec("us_ofac_sdn", "1", "ACME", ["IRAN", "RUSSIA-EO14024"], aliases=["ACME LLC"]),
                rec("us_ofac_sdn", "3", "NEW CO", ["RUSSIA-EO14024"], schema="Organization"),
            ],
        )
        add(
            store,
            "uk_ofsi",
            "2024-02-01",
            [rec("uk_ofsi", "7", "NEW CO", ["Russia"], schema="Organization")],
        )
    return home


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_changes_json_csv_and_table(tmp_path: Path) -> None:
    home = str(_home(tmp_path))
    data = json.loads(_run("changes", "--home", home, "--json"))
    assert [(c["source"], c["source_id"]) for c in data["added"]] == [("us_ofac_sdn", "3")]
    assert [(c["source"], c["source_id"]) for c in data["removed"]] == [("us_ofac_sdn", "2")]
    [amended] = data["amended"]
    assert amended["source_id"] == "1" and amended["caption"] == "ACME"
    fields = {(c["field"], c["change"], c["new"]) for c in amended["changes"]}
    assert fields == {("alias", "added", "ACME LLC"), ("programme", "added", "RUSSIA-EO14024")}
    assert data["publications"][0]["from"] == "2024-01-01"
    rows = list(csv.DictReader(io.StringIO(_run("changes", "--home", home, "--csv"))))
    assert {r["change"] for r in rows} == {"added", "removed", "amended"}
    assert len([r for r in rows if r["change"] == "amended"]) == 2
    table = _run("changes", "--home", home, "--source", "us_ofac_sdn")
    assert "+1 added" in table and "alias added: ACME LLC" in table
    since = json.loads(_run("changes", "--home", home, "--json", "--since", "2024-02-15"))
    assert since["added"] == [] and since["publications"][0]["from"] == "2024-02-01"
    bad = runner.invoke(app, ["changes", "--home", home, "--source", "nope"])
    assert bad.exit_code == 1
    bad = runner.invoke(app, ["changes", "--home", home, "--since", "yesterday"])
    assert bad.exit_code == 1 and "invalid since date 'yesterday'" in bad.output


def test_history_and_chart(tmp_path: Path) -> None:
    home = str(_home(tmp_path))
    data = json.loads(_run("history", "us_ofac_sdn:1", "--home", home, "--json"))
    events = [e["event"] for e in data["listings"][0]["events"]]
    assert events == ["listed", "amended"]
    assert data["status"]["us"]["current"] is True
    gone = json.loads(_run("history", "us_ofac_sdn:2", "--home", home, "--json"))
    assert [e["event"] for e in gone["listings"][0]["events"]] == ["listed", "delisted"]
    assert "amended" in _run("history", "us_ofac_sdn:1", "--home", home)
    assert runner.invoke(app, ["history", "us_ofac_sdn:404", "--home", home]).exit_code == 1
    out = tmp_path / "c.svg"
    assert "wrote" in _run("chart", "--home", home, "--output", str(out))
    assert out.read_text().startswith("<svg")
    _run("chart", "--home", home, "--source", "us_ofac_sdn", "--output", str(out))
    assert "RUSSIA-EO14024" in out.read_text()
    _run("chart", "--home", home, "--program", "russia-eo14024", "--output", str(out))


def test_whatif_and_programs(tmp_path: Path) -> None:
    home = str(_home(tmp_path))
    args = ["whatif", "--home", home, "--no-profiles", "--json", "--lift", "*:russia", "--all"]
    data = json.loads(_run(*args))
    assert sorted(p["party"] for p in data["cleared"]) == ["uk_ofsi:7", "us_ofac_sdn:3"]
    [still] = data["still_listed"]
    assert still["party"] == "us_ofac_sdn:1"
    assert still["listings"][0]["programs"] == ["IRAN"]
    assert still["listings"][0]["source"] == "us_ofac_sdn"
    one = json.loads(
        _run(
            "whatif",
            "--home",
            home,
            "--no-profiles",
            "--json",
            "--lift",
            "us:IRAN",
            "--entity",
            "us_ofac_sdn:1",
        )
    )
    assert one["still_listed"][0]["listings"][0]["programs"] == ["RUSSIA-EO14024"]
    text = _run("whatif", "--home", home, "--no-profiles", "--lift", "us:*", "--all")
    assert "cleared" in text
    assert runner.invoke(app, ["whatif", "--home", home, "--lift", "us:*"]).exit_code == 1
    assert runner.invoke(app, ["whatif", "--home", home, "--lift", "zz:x", "--all"]).exit_code == 1
    programs = json.loads(_run("programs", "--home", home, "--json"))
    russia = [p for p in programs if p["code"] == "RUSSIA-EO14024"][0]
    assert russia["listings"] == 2 and russia["by_schema"] == {"Person": 1, "Organization": 1}
    assert russia["themes"] == ["russia"] and russia["country"] == "ru"
    only_uk = json.loads(_run("programs", "--home", home, "--json", "--authority", "uk"))
    assert [p["code"] for p in only_uk] == ["Russia"]
    assert "RUSSIA" in _run("programs", "--home", home, "--theme", "russia")


def test_load_series_archive(tmp_path: Path) -> None:
    archive = tmp_path / "snap.tar.gz"
    with tarfile.open(archive, "w:gz") as tf:
        for day, rows in (("2024-01-01", "1,A\n"), ("2024-01-02", "1,A\n2,B\n")):
            data = ("SERIESTEST\n" + rows.replace(",", "|")).encode()
            info = tarfile.TarInfo(f"{day}/list.txt")
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    import tests.history.test_bulk  # noqa: F401  (registers the SERIESTEST reader)

    out = _run("load", "--home", str(tmp_path / "h"), str(archive))
    assert "series snap.tar.gz: 2 loaded" in out
