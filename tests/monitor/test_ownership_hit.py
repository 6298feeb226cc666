"""``ownership_hit``: a new listing blocks an unlisted company owned by the listed
party, and the portfolio rows matching that company hear of it, with the path."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import publish
from tests.monitor.test_monitor import BASE, person
from thaw.index import ensure_index
from thaw.monitor import Monitor, RowData
from thaw.store import Store
from thaw.store.ownership import load_ownership

OWNERSHIP = (
    "owner_id,owner_name,owner_schema,asset_id,asset_name,percentage,kind,start,end,source\n"
    "P1,Boris Konstantinovich Zhelezny,Person,C1,Quiet Harbour Trading Ltd,60,ownership,,,kyc\n"
    "P2,Anna Minority,Person,C2,Small Stake Logistics LLC,10,ownership,,,kyc\n"
)


def test_a_new_listing_raises_ownership_hit_for_the_owned_company(
    store: Store, tmp_path: Path
) -> None:
    publish(store, "us_ofac_sdn", BASE, "2022-02-01")
    day = tmp_path / "kyc" / "2022-01-15"
    day.mkdir(parents=True)
    (day / "kyc.csv").write_text(OWNERSHIP)
    assert load_ownership(store, day / "kyc.csv", source="kyc_client").status == "loaded"
    ensure_index(store)
    rows = [
        ("q1", RowData("Quiet Harbour Trading Limited", "Organization")),
        ("q2", RowData("Small Stake Logistics LLC", "Organization")),
        ("q3", RowData("Acme Bakery Ltd", "Organization")),
    ]
    with Monitor(store, workers=1, decisions=False) as monitor:
        monitor.add("p", rows)
        listed = person("us_ofac_sdn", "77", "Boris Konstantinovich Zhelezny")
        publish(store, "us_ofac_sdn", [*BASE, listed], "2022-03-01")
        ensure_index(store)
        step = monitor.advance("p")
        events = [e for e in monitor.portfolios.events("p") if e.type == "ownership_hit"]
        assert [e.row_id for e in events] == ["q1"]
        assert len(step.events) >= 1
        payload = events[0].payload
        assert payload["party"]["name"] == "Quiet Harbour Trading Ltd"
        assert "us" in payload["authorities"]
        assert payload["ownership"]["us"]["status"] == "blocked"
        assert "60" in payload["ownership"]["us"]["summary"]
        assert [x["source_id"] for x in payload["listings"]] == ["77"]
        assert payload["cause"]["published"].startswith("2022-03-01")
        # the same step again records nothing twice
        again = monitor.advance("p")
        assert again.events == []
