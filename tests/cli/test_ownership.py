"""Ownership end to end through the command line, on a small store of invented listings.

The listings: Ivan Ivanov (OFAC, RUSSIA-EO14024; UK), found by his INN;
Zinaida Zueva (OFAC, UKRAINE-EO13660; EU), found by name and country. The KYC
file: Alpha Trading is 35 % Ivan's, 15 % Yakovlev's (unlisted) and 25 % Holding Z's,
which Zueva owns outright; Ivan runs Beta Logistics (control, no shares); Delta is
60 % Zueva's and 40 % Ivan's; Ivan's 70 % of Gamma Foods ended in 2015.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli._cli import thaw
from tests.conftest import publish
from thaw.model import Identifier, Record
from thaw.store import Store

KYC = """owner_id,owner_name,asset_id,asset_name,percentage,kind,start,end,source,owner_country,asset_country,owner_inn
X1,Ivan Ivanov,A1,Alpha Trading LLC,35,ownership,2019-01-01,,questionnaire,ru,ru,771234567890
Y1,Yakov Yakovlev,A1,Alpha Trading LLC,15,ownership,,,registry,ru,ru,
H1,Holding Z Ltd,A1,Alpha Trading LLC,25,ownership,,,registry,cy,ru,
Z1,Zinaida Zueva,H1,Holding Z Ltd,100,ownership,,,registry,ru,cy,
X1,Ivan Ivanov,B1,Beta Logistics,,control,2021-02-01,,board minutes,ru,cy,771234567890
Z1,Zinaida Zueva,D1,Delta Shipping,60,ownership,,,registry,ru,ru,
X1,Ivan Ivanov,D1,Delta Shipping,40,ownership,,,registry,ru,ru,771234567890
X1,Ivan Ivanov,C1,Gamma Foods,70,ownership,2010-01-01,2015-12-31,registry,ru,ru,771234567890
"""


def _person(source: str, sid: str, name: str, programs: list[str], inn: str | None) -> Record:
    record = Record(source, sid, "Person")
    record.add_name(name, "primary")
    record.nationalities.append("ru")
    record.birth_dates.append("1970")
    record.programs.extend(programs)
    if inn:
        record.identifiers.append(Identifier("tax_id", inn, country="ru"))
    return record


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("ownership-cli") / "home"
    with Store(home) as store:
        publish(
            store,
            "us_ofac_sdn",
            [
                _person("us_ofac_sdn", "1001", "IVANOV, Ivan", ["RUSSIA-EO14024"], "771234567890"),
                _person("us_ofac_sdn", "1002", "ZUEVA, Zinaida", ["UKRAINE-EO13660"], None),
            ],
        )
        publish(
            store,
            "uk_ofsi",
            [_person("uk_ofsi", "9001", "IVANOV Ivan", ["Russia"], "771234567890")],
        )
        publish(store, "eu_fsf", [_person("eu_fsf", "EU.1", "Zinaida ZUEVA", ["RUS"], None)])
    folder = home.parent / "kyc" / "2026-02-01"
    folder.mkdir(parents=True)
    (folder / "kyc.csv").write_text(KYC)
    run = thaw("ownership", "load", folder / "kyc.csv", "--home", home)
    assert run.code == 0, run
    assert "loaded: ownership_csv 2026-02-01 (folder), 8 links" in run.out
    return home


def _json(*args: str | Path) -> object:
    run = thaw(*args)
    assert run.code == 0, run
    return json.loads(run.out)


def test_exposure_per_authority_with_paths(home: Path) -> None:
    data = _json("exposure", "Alpha Trading", "--home", home, "--as-of", "2026-06-01", "--json")
    assert isinstance(data, list) and len(data) == 1
    alpha = data[0]
    assert alpha["party"]["key"] == "kyc:A1"
    us = alpha["authorities"]["us"]
    assert us["status"] == "blocked" and us["blocked"] is True
    assert us["summary"] == (
        "blocked under the US 50 % rule: 35 % held by Ivan Ivanov (listed by OFAC, programme "
        "RUSSIA-EO14024) + 25 % via Holding Z Ltd (owned 100 % by Zinaida Zueva, listed by "
        "OFAC, programme UKRAINE-EO13660)"
    )
    assert us["designated_holdings"] == 60
    assert "Revised Guidance" in us["citation"]
    holders = {h["name"]: h for h in us["holders"]}
    assert holders["Ivan Ivanov"]["listings"][0]["source_id"] == "1001"
    assert holders["Holding Z Ltd"]["status"] == "blocked"
    eu = alpha["authorities"]["eu"]
    assert eu["status"] == "not_blocked"
    assert eu["summary"] == (
        "not blocked under the EU ownership and control test: no designated owner above 50 % "
        "(largest: Holding Z Ltd, 25 %)"
    )
    assert alpha["authorities"]["uk"]["status"] == "not_blocked"
    effective = {h["name"]: h["effective_percentage"] for h in alpha["effective_stakes"]["holders"]}
    assert effective == {"Ivan Ivanov": 35.0, "Zinaida Zueva": 25.0}


def test_parties_show_their_resolution(home: Path) -> None:
    data = _json("ownership", "parties", "--listed-only", "--home", home, "--json")
    assert isinstance(data, list)
    by_name = {p["name"]: p["resolution"] for p in data}
    assert by_name["Ivan Ivanov"]["method"] == "identifier"
    assert "INN 771234567890" in by_name["Ivan Ivanov"]["evidence"]
    assert {x["source"] for x in by_name["Ivan Ivanov"]["listings"]} == {"us_ofac_sdn", "uk_ofsi"}
    assert by_name["Zinaida Zueva"]["method"] == "name"
    assert "country ru agrees" in by_name["Zinaida Zueva"]["evidence"]
    assert set(by_name) == {"Ivan Ivanov", "Zinaida Zueva"}


def test_control_and_ended_ownership(home: Path) -> None:
    beta = _json("exposure", "kyc:B1", "--home", home, "--json")[0]  # type: ignore[index]
    assert beta["authorities"]["uk"]["status"] == "blocked"
    assert beta["authorities"]["us"]["status"] == "not_blocked"
    assert "urges caution" in beta["authorities"]["us"]["notes"][0]
    assert beta["authorities"]["eu"]["status"] == "not_blocked"  # Ivan is not EU-listed
    gamma = _json("exposure", "Gamma Foods", "--home", home, "--json")[0]  # type: ignore[index]
    assert {a["status"] for a in gamma["authorities"].values()} == {"not_blocked"}
    assert gamma["not_in_force"][0]["why"] == "ended on 2015-12-31"
    run = thaw("exposure", "Gamma Foods", "--home", home, "--as-of", "2012-01-01")
    assert "blocked under the US 50 % rule: 70 % held by Ivan Ivanov" in run.out


def test_exposed_lists_companies_caught_only_by_ownership(home: Path) -> None:
    data = _json("ownership", "exposed", "--home", home, "--json")
    assert isinstance(data, list)
    assert sorted(x["party"]["key"] for x in data) == ["kyc:A1", "kyc:B1", "kyc:D1", "kyc:H1"]


def test_screen_with_ownership(home: Path) -> None:
    data = _json("screen", "Alpha Trading LLC", "--ownership", "--home", home, "--json")
    assert isinstance(data, dict)
    assert data["hits"] == []  # not on any list...
    assert data["ownership"][0]["authorities"]["us"]["status"] == "blocked"  # ...but owned
    assert data["ownership"][0]["match"]["method"] == "name"
    run = thaw("screen", "Alpha Trading LLC", "--ownership", "--home", home)
    assert "blocked under the US 50 % rule: 35 % held by Ivan Ivanov" in run.out


def test_screen_file_with_ownership(home: Path, tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("id,name\n1,Alpha Trading LLC\n2,Delta Shipping\n3,Unrelated Bakery GmbH\n")
    out = tmp_path / "hits.jsonl"
    run = thaw(
        "screen-file", rows, "--output", out, "--ownership", "--workers", "1", "--home", home
    )
    assert run.code == 0, run
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["id"] for x in lines] == ["1", "2", "3"]
    assert lines[0]["ownership"][0]["party"]["key"] == "kyc:A1"
    assert lines[1]["ownership"][0]["authorities"]["eu"]["status"] == "blocked"
    assert lines[2]["ownership"] == []


def test_whatif_lifting_ivan(home: Path, tmp_path: Path) -> None:
    data = _json("whatif", "--lift", "us:RUSSIA-EO14024", "--all", "--home", home, "--json")
    assert isinstance(data, dict)
    own = data["ownership"]
    unblocked = {x["party"]: x for x in own["unblocked"]}
    still = {x["party"]: x for x in own["still_blocked"]}
    # Alpha: 35 % Ivan + 25 % via Holding Z -> only 25 % left under the US rule
    assert unblocked["kyc:A1"]["before"]["us"] == "blocked"
    assert unblocked["kyc:A1"]["after"]["us"] == "not_blocked"
    # Delta stays blocked through Zueva's 60 %
    assert still["kyc:D1"]["after"]["us"] == "blocked"
    assert "60 % held by Zinaida Zueva" in still["kyc:D1"]["explanation_after"]["us"]
    # one party's relief: only what Ivan owns or controls
    one = _json(
        "whatif",
        "--lift",
        "us:RUSSIA-EO14024",
        "--entity",
        "us_ofac_sdn:1001",
        "--home",
        home,
        "--json",
    )
    assert isinstance(one, dict)
    parties = {
        x["party"] for x in one["ownership"]["unblocked"] + one["ownership"]["still_blocked"]
    }
    assert "kyc:A1" in parties and "kyc:H1" not in parties


def test_whatif_results_file_includes_companies_blocked_only_by_ownership(
    home: Path, tmp_path: Path
) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("id,name\n1,Alpha Trading LLC\n")
    out = tmp_path / "hits.jsonl"
    assert (
        thaw("screen-file", rows, "-o", out, "--ownership", "--workers", "1", "--home", home).code
        == 0
    )
    data = _json(
        "whatif", "--lift", "us:RUSSIA-EO14024", "--results", out, "--home", home, "--json"
    )
    assert isinstance(data, dict)
    assert [x["party"] for x in data["ownership"]["unblocked"]] == ["kyc:A1"]
    assert data["cleared"] == []  # no listed party in the file: only ownership changes


def test_bad_requests_say_why(home: Path, tmp_path: Path) -> None:
    run = thaw("exposure", "Nobody Anywhere Corp", "--home", home)
    assert run.code == 1 and "no party of the ownership data matches" in run.err
    bad = tmp_path / "2026-03-01" / "kyc.csv"
    bad.parent.mkdir()
    bad.write_text(KYC.replace(",35,", ",135,"))
    run = thaw("ownership", "load", bad, "--home", home)
    assert run.code == 1 and "refused" in run.err and "outside 0..100" in run.err
    listed = _json("ownership", "list", "--home", home, "--json")
    assert isinstance(listed, list) and [p["published"] for p in listed] == ["2026-02-01"]
    run = thaw("exposure", "Alpha", "--home", home, "--as-of", "June")
    assert run.code == 1 and "YYYY-MM-DD" in run.err
    empty = tmp_path / "empty-home"
    run = thaw("exposure", "Alpha", "--home", empty)
    assert run.code == 1 and "no ownership data is loaded" in run.err
