"""The ``thaw profile`` / ``thaw profiles`` commands on a fixture store."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.profiles.profile_fixtures import add, person, un_ref
from thaw.cli import app
from thaw.store import Store

runner = CliRunner()


def make_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    with Store(home) as store:
        add(store, "un_sc", [person("un_sc", "QDi.001", "Hamid Rahman Karimi", dob=["1960-01-05"])])
        add(
            store,
            "uk_ofsi",
            [
                person(
                    "uk_ofsi",
                    "1",
                    "KARIMI Hamid Rahman",
                    links=[un_ref("QDi.001")],
                    programs=["Afghanistan"],
                    listed_on="2001-01-25",
                ),
                person("uk_ofsi", "2", "Nasir Jalal Haidari", dob=["1970-03-05"]),
            ],
        )
        add(
            store,
            "us_ofac_sdn",
            [person("us_ofac_sdn", "10", "HAIDARI, Nasir Jalal", dob=["1971-03-05"])],
        )
    return home


def run(*args: str) -> dict | list:  # type: ignore[type-arg]
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout) if "--json" in args else {}


def test_profile_json_by_key_and_id(tmp_path: Path) -> None:
    home = str(make_home(tmp_path))
    data = run("profile", "uk_ofsi:1", "--json", "--home", home)
    assert isinstance(data, dict)
    assert {(x["source"], x["source_id"]) for x in data["listings"]} == {
        ("uk_ofsi", "1"),
        ("un_sc", "QDi.001"),
    }
    uk = next(x for x in data["listings"] if x["source"] == "uk_ofsi")
    assert uk["programs"] == ["Afghanistan"] and uk["listed_on"] == "2001-01-25"
    assert data["links"][0]["kind"] == "un_reference"
    again = run("profile", data["id"], "--json", "--home", home)
    assert isinstance(again, dict) and again["id"] == data["id"]
    # the human-readable form
    result = runner.invoke(app, ["profile", data["id"], "--home", home])
    assert result.exit_code == 0 and "un_reference" in result.output


def test_unknown_profile(tmp_path: Path) -> None:
    home = str(make_home(tmp_path))
    result = runner.invoke(app, ["profile", "uk_ofsi:999", "--home", home])
    assert result.exit_code == 1
    result = runner.invoke(app, ["profile", "p-0000", "--home", home])
    assert result.exit_code == 1


def test_link_unlink_list_decisions(tmp_path: Path) -> None:
    home = str(make_home(tmp_path))
    listed = run("profiles", "list", "--json", "--home", home)
    assert isinstance(listed, list) and len(listed) == 1
    result = runner.invoke(
        app,
        [
            "profiles",
            "link",
            "uk_ofsi:2",
            "us_ofac_sdn:10",
            "--why",
            "OFAC birth year typo",
            "--who",
            "ana",
            "--home",
            home,
        ],
    )
    assert result.exit_code == 0, result.output
    data = run("profile", "us_ofac_sdn:10", "--json", "--home", home)
    assert isinstance(data, dict) and len(data["listings"]) == 2
    assert any(x["kind"] == "analyst" and x["evidence"]["who"] == "ana" for x in data["links"])
    result = runner.invoke(
        app,
        [
            "profiles",
            "unlink",
            "uk_ofsi:1",
            "un_sc:QDi.001",
            "--why",
            "wrong reference",
            "--home",
            home,
        ],
    )
    assert result.exit_code == 0, result.output
    data = run("profile", "uk_ofsi:1", "--json", "--home", home)
    assert isinstance(data, dict) and len(data["listings"]) == 1
    decisions = run("profiles", "decisions", "--json", "--home", home)
    assert isinstance(decisions, list)
    assert [(d["action"], d["who"]) for d in decisions][0] == ("link", "ana")
    assert decisions[1]["action"] == "unlink" and decisions[1]["who"]
    # decisions survive a full rebuild
    result = runner.invoke(app, ["profiles", "rebuild", "--home", home])
    assert result.exit_code == 0, result.output
    data = run("profile", "us_ofac_sdn:10", "--json", "--home", home)
    assert isinstance(data, dict) and len(data["listings"]) == 2


def test_refused_decisions(tmp_path: Path) -> None:
    home = str(make_home(tmp_path))
    result = runner.invoke(
        app,
        [
            "profiles",
            "link",
            "uk_ofsi:1",
            "nonsense",
            "--why",
            "x",
            "--home",
            home,
        ],
    )
    assert result.exit_code == 1
    result = runner.invoke(
        app,
        [
            "profiles",
            "link",
            "uk_ofsi:1",
            "uk_ofsi:404",
            "--why",
            "x",
            "--home",
            home,
        ],
    )
    assert result.exit_code == 1 and "no listing" in result.output
