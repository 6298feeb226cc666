"""Acceptance of the what-if relief feature on the real publications (the newest of
every source in ../shared, the session's ``real_home``), through the command line.

Kirill DMITRIEV (``us_ofac_sdn:34336``) is listed by the US (SDN list
``RUSSIA-EO14024``, and the Consolidated Screening List's copy of it), the UK
(``Russia``), Canada (``Russia / Russie``) and Australia (``Autonomous (Russia)``).
Lifting the US programme leaves him sanctioned by the three others, with their
programmes named; lifting every authority's Russia-related programmes clears him.
A screening-results file gets the same answers per row.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.cli._cli import as_json, ok
from tests.conftest import copy_home

pytestmark = pytest.mark.realdata

DMITRIEV = "us_ofac_sdn:34336"
RDIF = "us_ofac_sdn:34036"
"""RUSSIAN DIRECT INVESTMENT FUND."""
STAYS = {
    "uk": ("uk_ofsi", "14208", ["Russia"]),
    "ca": ("ca_sema", "russia/s1p1/476", ["Russia / Russie"]),
    "au": ("au_dfat", "6764", ["Autonomous (Russia)"]),
}
"""Dmitriev's listings outside the US: authority → (source, id, programmes)."""
EVERY_RUSSIA = tuple(arg for key in ("us", "uk", "ca", "au") for arg in ("--lift", f"{key}:russia"))


@pytest.fixture(scope="module")
def home(real_profiles_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A writable copy of the session's real store with its index and profiles
    (built once per session, shared with the profile tests)."""
    return copy_home(real_profiles_home, tmp_path_factory.mktemp("whatif-real"))


@pytest.fixture(scope="module")
def dmitriev(home: Path) -> str:
    """Dmitriev's profile id, as ``thaw profile`` gives it."""
    data = as_json("profile", DMITRIEV, "--home", home)
    assert {"us", "uk", "ca", "au"} <= {authority(x["source"]) for x in data["listings"]}
    return str(data["id"])


def authority(source: str) -> str:
    return source.split("_", 1)[0]


def whatif(home: Path, *args: str) -> dict[str, Any]:
    data: dict[str, Any] = as_json("whatif", *args, "--home", home)
    return data


def by_authority(listings: list[dict[str, Any]]) -> dict[str, list[tuple[str, str, list[str]]]]:
    out: dict[str, list[tuple[str, str, list[str]]]] = {}
    for x in listings:
        assert {"source", "source_id", "programs"} <= set(x), x
        out.setdefault(authority(x["source"]), []).append(
            (x["source"], x["source_id"], x["programs"])
        )
    return out


def test_us_lift_leaves_uk_canada_australia(home: Path, dmitriev: str) -> None:
    data = whatif(home, "--lift", "us:RUSSIA-EO14024", "--profile", dmitriev)
    assert data["cleared"] == []
    [party] = data["still_listed"]
    assert party["party"] == dmitriev and party["schema"] == "Person"
    assert party["authorities"] == ["au", "ca", "uk"]
    remaining = by_authority(party["listings"])
    assert remaining == {k: [v] for k, v in STAYS.items()}
    # every US listing is lifted: the SDN entry and the Consolidated Screening
    # List's copy of it (whose list code "SDN" follows the real programme)
    lifted = by_authority(party["lifted"])
    assert set(lifted) == {"us"}
    assert ("us_ofac_sdn", "34336", ["RUSSIA-EO14024"]) in lifted["us"]
    assert all("RUSSIA-EO14024" in programs for _, _, programs in lifted["us"])
    counts = data["counts"]
    assert counts["parties"]["cleared"] == 0 and counts["parties"]["still_listed"] == 1
    assert counts["listings_remaining"]["by_program"] == {
        "uk:Russia": 1,
        "ca:Russia / Russie": 1,
        "au:Autonomous (Russia)": 1,
    }
    # the listing's own party gives the same answer
    same = whatif(home, "--lift", "us:RUSSIA-EO14024", "--entity", DMITRIEV)
    assert same["still_listed"][0]["listings"] == party["listings"]


def test_us_lift_readable(home: Path, dmitriev: str) -> None:
    out = ok("whatif", "--lift", "us:RUSSIA-EO14024", "--profile", dmitriev, "--home", home).out
    assert "0 cleared, 1 still listed" in out
    assert "Still listed (1)" in out and "Cleared" not in out
    for source, sid, programs in STAYS.values():
        assert f"{source}:{sid} ({', '.join(programs)})" in out
    assert "us_ofac_sdn:34336 (RUSSIA-EO14024)" in out


@pytest.mark.parametrize(
    "lifts",
    [EVERY_RUSSIA, ("--lift", "*:russia")],
    ids=["each-authority", "star"],
)
def test_every_russia_programme_clears(home: Path, dmitriev: str, lifts: tuple[str, ...]) -> None:
    data = whatif(home, *lifts, "--profile", dmitriev)
    assert data["still_listed"] == []
    [party] = data["cleared"]
    assert party["party"] == dmitriev
    lifted = by_authority(party["lifted"])
    assert {"us", "uk", "ca", "au"} <= set(lifted)
    for key, listing in STAYS.items():
        assert lifted[key] == [listing]
    out = ok("whatif", *lifts, "--profile", dmitriev, "--home", home).out
    assert "1 cleared, 0 still listed" in out and "Cleared (1)" in out


def test_partial_relief_names_who_remains(home: Path, dmitriev: str) -> None:
    data = whatif(home, "--lift", "us:russia", "--lift", "uk:Russia", "--profile", dmitriev)
    [party] = data["still_listed"]
    assert party["authorities"] == ["au", "ca"]
    assert by_authority(party["listings"]) == {k: [STAYS[k]] for k in ("au", "ca")}
    # a theme of another kind lifts nothing of his
    other = whatif(home, "--lift", "*:iran", "--profile", dmitriev)
    [untouched] = other["unaffected"]
    assert untouched["lifted"] == [] and untouched["authorities"] == ["au", "ca", "uk", "us"]
    # issue 11: an untouched party is not "still listed" by the scenario
    assert other["still_listed"] == [] and other["counts"]["parties"]["still_listed"] == 0


def test_summary_table_keeps_programme_keys(home: Path, dmitriev: str) -> None:
    out = ok("whatif", *EVERY_RUSSIA, "--profile", dmitriev, "--home", home).out
    assert "uk:Russia: 1" in out


def test_results_file(home: Path, tmp_path: Path) -> None:
    """Screen three names, then ask the file what US Russia relief would change."""
    names = tmp_path / "names.csv"
    names.write_text(
        "id,name\nc1,Kirill Dmitriev\nc2,Russian Direct Investment Fund\nc3,Ingeborg Abrahamsen\n",
        encoding="utf-8",
    )
    results = tmp_path / "hits.jsonl"
    ok("screen-file", names, "--output", results, "--workers", "1", "--home", home)
    data = whatif(home, "--lift", "us:russia", "--results", str(results))
    rows = {r["id"]: r for r in data["rows"]}
    assert "c3" not in rows  # no hit, nothing to relieve
    assert rows["c1"]["clear"] is False and rows["c2"]["clear"] is False
    parties = data["cleared"] + data["still_listed"]
    [kirill] = [
        p
        for p in data["still_listed"]
        if p["id"] == "c1" and any(x["source_id"] == "14208" for x in p["listings"])
    ]
    assert by_authority(kirill["listings"]) == {k: [v] for k, v in STAYS.items()}
    assert all(x["source"] != "us_ofac_sdn" for p in parties for x in p.get("listings", []))
    fund = [
        p
        for p in parties
        if p["id"] == "c2" and any(x["source_id"] == RDIF.split(":")[1] for x in p["lifted"])
    ]
    assert fund and all(p in data["still_listed"] for p in fund)
    # every authority's Russia programmes: both rows clear
    every = whatif(home, *EVERY_RUSSIA, "--results", str(results))
    assert {r["id"]: r["clear"] for r in every["rows"]}.get("c1") is True
