"""Every event kind with every field the issue names (portfolio, row id, listing(s),
profile, score, explanation, causing publication, stable id), through the loaders'
own call (:func:`thaw.monitor.on_activation` after the profiles are refreshed, as
``thaw load`` does): a delisting by OFAC of a party the UK still lists says so."""

from __future__ import annotations

from typing import Any

from tests.conftest import publish
from tests.monitor.test_monitor import BASE, ROWS, person
from thaw.index import ensure_index
from thaw.monitor import Monitor, RowData, on_activation
from thaw.profiles import Profiles
from thaw.store import PublicationRow, Store

DMITRIEV_US = person(
    "us_ofac_sdn", "9", "Kirill Dmitriev", programs=("RUSSIA-EO14024",), dob="1975-04-12"
)
DMITRIEV_UK = person("uk_ofsi", "R1", "Kirill Dmitriev", programs=("Russia",), dob="1975-04-12")


def _activated(store: Store) -> list[dict[str, Any]]:
    """What ``thaw load`` does after a load: index, profiles, then the monitor.
    Returns the events it recorded."""
    ensure_index(store)
    Profiles(store).refresh()
    steps = on_activation(store, workers=1)
    with Monitor(store, workers=1) as monitor:
        recorded = {e.id: e.payload for e in monitor.portfolios.events("p")}
    return [recorded[eid] for step in steps for eid in step.events]


def _check_fields(event: dict[str, Any], pub: PublicationRow | None) -> None:
    assert event["id"].startswith("evt_") and event["portfolio"] == "p"
    assert event["row_id"] and event["row"]["name"]
    assert event["score"] is not None and event["explanation"]
    if event["type"] == "row_changed":
        assert event["cause"]["kind"] == "portfolio_update"
        return
    listing = event["listing"]
    assert listing["source"] and listing["source_id"] and listing["caption"]
    assert listing["authority"] and listing["fingerprint"] and event["matched_name"]
    assert event["profile_id"], event
    assert pub is not None
    assert event["cause"] == {
        "kind": "publication",
        "source": pub.source,
        "publication_id": pub.id,
        "published": pub.published,
        "sha256": pub.sha256,
    }


def test_every_event_kind_with_its_fields(store: Store) -> None:
    publish(store, "us_ofac_sdn", BASE, "2022-02-01")
    publish(store, "uk_ofsi", [DMITRIEV_UK], "2022-02-01")
    ensure_index(store)
    Profiles(store).refresh()
    rows = [*ROWS, ("c8", RowData("Marta Ilonen", "Person"))]
    with Monitor(store, workers=1) as monitor:
        monitor.add("p", rows)
    # OFAC lists Dmitriev: new_hit
    listed = publish(store, "us_ofac_sdn", [*BASE, DMITRIEV_US], "2022-02-28")
    [hit] = [e for e in _activated(store) if e["listing"]["source"] == "us_ofac_sdn"]
    assert (hit["type"], hit["row_id"], hit["listing"]["source_id"]) == ("new_hit", "c4", "9")
    _check_fields(hit, listed)
    # OFAC amends him (a new alias): hit_amended, with the change
    amended = person(
        "us_ofac_sdn",
        "9",
        "Kirill Dmitriev",
        "Kirill Aleksandrovich Dmitriev",
        programs=("RUSSIA-EO14024",),
        dob="1975-04-12",
    )
    changed = publish(store, "us_ofac_sdn", [*BASE, amended], "2022-03-01")
    [event] = _activated(store)
    assert (event["type"], event["row_id"]) == ("hit_amended", "c4")
    assert event["changes"] and event["previous"]["fingerprint"] != event["listing"]["fingerprint"]
    _check_fields(event, changed)
    # OFAC delists him: hit_removed, still listed by the UK (from profiles)
    delisted = publish(store, "us_ofac_sdn", BASE, "2022-03-02")
    [gone] = _activated(store)
    assert (gone["type"], gone["row_id"], gone["reason"]) == ("hit_removed", "c4", "delisted")
    _check_fields(gone, delisted)
    assert gone["still_listed"] is True
    assert [(x["source"], x["source_id"]) for x in gone["party"]["listed_by"]] == [
        ("uk_ofsi", "R1")
    ]
    assert gone["profile_id"] == gone["party"]["profile_id"]
    # and a listing no other authority carries: cleared
    cleared = publish(store, "us_ofac_sdn", [b for b in BASE if b.source_id != "4"], "2022-03-03")
    found = _activated(store)
    assert {e["row_id"] for e in found} == {"c6", "c8"}
    for event in found:
        assert (event["type"], event["still_listed"]) == ("hit_removed", False)
        assert event["party"]["listed_by"] == []
        _check_fields(event, cleared)
    # a row's own data changes and its alerts with it: row_changed
    with Monitor(store, workers=1) as monitor:
        step = monitor.update(
            "p", [*rows[:4], ("c5", RowData("Ivan Sidorov", "Person")), *rows[5:]]
        )
        [eid] = step.events
        [event] = [e.payload for e in monitor.portfolios.events("p") if e.id == eid]
    assert (event["type"], event["row_id"], event["removed"]) == ("row_changed", "c5", False)
    assert [x["source_id"] for x in event["listings"]] == ["1"] and event["previous"] == []
    assert event["profile_id"] and event["listings"][0]["profile_id"] == event["profile_id"]
    _check_fields(event, None)
