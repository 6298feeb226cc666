"""``thaw load``, ``thaw entity`` and ``thaw lists`` on the real OFAC SDN list of
2024-05-03 (14,965 listings; MANIFEST.md): the sanity listings of the manifest
(DMITRIEV, Kirill Aleksandrovich and the RUSSIAN DIRECT INVESTMENT FUND) read through
the command line as published.

The publication is loaded once for the module (parsing, storing and the screening
index build take a few seconds of CPU).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.cli._cli import as_json, ok, thaw
from thaw.store import Store

pytestmark = pytest.mark.realdata

SDN = "us_ofac/2024-05-03/sdn.csv"
DMITRIEV = "us_ofac_sdn:34336"
RDIF = "us_ofac_sdn:34036"
RDIF_MANAGEMENT = "us_ofac_sdn:34337"
RVC_MANAGEMENT = "us_ofac_sdn:35244"
"""LIMITED LIABILITY COMPANY RVC MANAGEMENT COMPANY, "Linked To: JOINT STOCK COMPANY
MANAGEMENT COMPANY OF THE RUSSIAN DIRECT INVESTMENT FUND." """


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import require_shared

    lists_dir = require_shared()
    path = tmp_path_factory.mktemp("home")
    run = ok("load", "--home", path, lists_dir / SDN)
    # sdn.csv carries no date: the folder name gives it
    assert re.search(r"loaded\s+us_ofac_sdn\s+2024-05-03\s+14965 records\s+\(sdn\.csv\)", run.out)
    return path


def entity(home: Path, key: str) -> dict[str, Any]:
    data: dict[str, Any] = as_json("entity", key, "--home", home)
    return data


def names(data: dict[str, Any], kind: str | None = None) -> list[str]:
    return [n["value"] for n in data.get("names", []) if kind is None or n["kind"] == kind]


def test_dmitriev_json(home: Path) -> None:
    data = entity(home, DMITRIEV)
    assert (data["source"], data["source_id"], data["schema"]) == ("us_ofac_sdn", "34336", "Person")
    assert names(data, "primary") == ["DMITRIEV, Kirill Aleksandrovich"]
    assert data["names"][0]["parts"] == {"last": "DMITRIEV", "first": "Kirill Aleksandrovich"}
    assert data["birth_dates"] == ["1975-04-12"]
    assert data["birth_places"] == ["Kyiv, Ukraine"]
    assert data["nationalities"] == ["ru"]
    assert data["gender"] == "male"
    assert data["programs"] == ["RUSSIA-EO14024"]
    [tax_id] = data["identifiers"]
    assert (tax_id["kind"], tax_id["number"], tax_id["country"]) == ("tax_id", "773013083324", "ru")
    assert tax_id["label"] == "Tax ID No."
    assert data["publication"]["published"].startswith("2024-05-03")
    assert data["publication"]["sha256"] == (
        "210ca6b4a8187a34e0850be69ecc6e918f23ad7778b8b5b2f9c9d5fbbaf4e0cb"  # MANIFEST.md
    )


def test_dmitriev_readable(home: Path) -> None:
    out = ok("entity", DMITRIEV, "--home", home).out
    for expected in (
        "DMITRIEV, Kirill Aleksandrovich",
        "[us_ofac_sdn:34336]",
        "Person",
        "2024-05-03 (csv)",
        "RUSSIA-EO14024",
        "1975-04-12",
        "Kyiv, Ukraine",
        "male",
        "tax_id: 773013083324 (RU)",
        "Tax ID No.",
    ):
        assert expected in out, f"{expected!r} not in:\n{out}"
    assert re.search(r"nationality\s*│\s*ru\b", out), out


def test_entity_errors_are_clear(home: Path) -> None:
    missing = thaw("entity", "us_ofac_sdn:99999999", "--home", home, "--json")
    assert missing.code != 0 and "no listing us_ofac_sdn:99999999" in missing.err
    malformed = thaw("entity", "34336", "--home", home)
    assert malformed.code != 0 and "expected SOURCE:ID" in malformed.err


def test_rdif(home: Path) -> None:
    data = entity(home, RDIF)
    assert data["schema"] == "Organization"
    assert names(data, "primary") == ["RUSSIAN DIRECT INVESTMENT FUND"]
    assert "RDIF" in names(data)
    assert data["programs"] == ["RUSSIA-EO14024"]
    assert data["extra"]["organization_established_date"] == "2011-06-01"
    assert "www.rdif.ru" in data["extra"]["website"]
    out = ok("entity", RDIF, "--home", home).out
    assert "RUSSIAN DIRECT INVESTMENT FUND" in out and "RDIF" in out

    management = entity(home, RDIF_MANAGEMENT)
    assert names(management, "primary") == [
        "JOINT STOCK COMPANY MANAGEMENT COMPANY OF THE RUSSIAN DIRECT INVESTMENT FUND"
    ]
    assert {"JSC MC RDIF", "AO UK RFPI"} <= set(names(management))
    numbers = {(i["kind"], i["number"], i["country"]) for i in management["identifiers"]}
    assert ("tax_id", "7703425673", "ru") in numbers
    assert ("registration", "1177746367017", "ru") in numbers


def test_rdif_linked_to_resolves(home: Path) -> None:
    """Every "Linked To" naming an RDIF listing points at that listing, which
    ``thaw entity`` shows under the linked name."""
    with Store(home) as store:
        linking = [
            (record.key, link)
            for record in store.active_records("us_ofac_sdn")
            for link in record.links
            if link.relation == "linked_to" and "RUSSIAN DIRECT INVESTMENT" in (link.name or "")
        ]
    assert RVC_MANAGEMENT in {key for key, _ in linking}
    for _key, link in linking:
        assert link.source == "us_ofac_sdn" and link.source_id, link
        target = entity(home, f"{link.source}:{link.source_id}")
        assert link.name in names(target)
    rvc = entity(home, RVC_MANAGEMENT)
    assert rvc["links"] == [
        {
            "relation": "linked_to",
            "source": "us_ofac_sdn",
            "source_id": "34337",
            "name": "JOINT STOCK COMPANY MANAGEMENT COMPANY OF THE RUSSIAN DIRECT INVESTMENT FUND",
        }
    ]
    out = ok("entity", RVC_MANAGEMENT, "--home", home).out
    assert "linked_to: us_ofac_sdn:34337 JOINT STOCK COMPANY MANAGEMENT COMPANY" in out


def test_linked_to_resolution_overall(home: Path) -> None:
    """Across the list, resolved links point at listings that exist; nearly all
    "Linked To" names resolve (the reader keeps the rest as names)."""
    with Store(home) as store:
        records = {r.source_id: r for r in store.active_records("us_ofac_sdn")}
    links = [link for r in records.values() for link in r.links if link.relation == "linked_to"]
    resolved = [link for link in links if link.source_id]
    assert len(links) > 6000
    assert all(link.source_id in records for link in resolved)
    assert len(resolved) >= 0.98 * len(links)


def test_lists_counts_by_schema(home: Path) -> None:
    [row] = as_json("lists", "--home", home)
    assert row["source"] == "us_ofac_sdn"
    assert (row["published"], row["format"], row["records"]) == ("2024-05-03", "csv", 14965)
    # MANIFEST.md: entity(-0-) 6884, individual 6854, vessel 851, aircraft 376
    assert row["schemata"] == {"Organization": 6884, "Person": 6854, "Vessel": 851, "Aircraft": 376}
    assert (row["snapshots"], row["first"]) == (1, "2024-05-03")
    out = ok("lists", "--home", home).out
    for expected in (
        "us_ofac_sdn",
        "2024-05-03",
        "14965",
        "Organization 6884",
        "Person 6854",
        "Vessel 851",
        "Aircraft 376",
    ):
        assert expected in out, f"{expected!r} not in:\n{out}"
