"""Equivalence on real data: replaying OFAC's daily publications around the
2022-02-28 Russia designations, the incremental alerts equal a full re-screen
after every publication and, at the end, ``screen-file``'s alerts on the same
rows; Kirill Dmitriev's new_hit comes on 2022-02-28."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest

from tests.conftest import BENCH, require_shared
from thaw.index import ensure_index
from thaw.monitor import Monitor, RowData
from thaw.screen import Screener
from thaw.screen.batch import screen_file
from thaw.store import Store
from thaw.store.bulk import load_series
from thaw.store.portfolios import StoredRow

SERIES = "us_ofac/2021-08-18_to_2024-05-03/sdn_csv_history.tar.xz"


def _portfolio(store: Store, size: int, seed: int = 7) -> list[tuple[str, RowData]]:
    """Listed names (some perturbed) of the newest publication held, unlisted
    people from the bench data, and the seed's parties."""
    rng = random.Random(seed)
    newest = store.active_publications()["us_ofac_sdn"]
    records = list(store.records_at(newest))
    rows: list[tuple[str, RowData]] = [
        ("dmitriev", RowData("Kirill Dmitriev", "Person")),
        ("rdif", RowData("Russian Direct Investment Fund", "Organization")),
        ("acme", RowData("Acme Bakery Ltd", "Organization")),
    ]
    for record in rng.sample(records, size // 2):
        name = rng.choice(record.names).value
        tokens = name.replace(",", " ").split()
        if len(tokens) > 2 and rng.random() < 0.3:
            tokens.pop(rng.randrange(len(tokens)))  # a dropped middle name
        if rng.random() < 0.2:
            tokens.reverse()
        schema = "Person" if record.schema == "Person" else None
        rows.append((f"l{len(rows)}", RowData(" ".join(tokens), schema)))
    with open(BENCH / "negatives_us.csv", encoding="utf-8") as fh:
        people = [r["full_name"] for r in csv.DictReader(fh)]
    for name in rng.sample(people, size - len(rows)):
        rows.append((f"n{len(rows)}", RowData(name, "Person")))
    return rows


@pytest.mark.realdata
def test_replay_equals_full_rescreen_after_every_publication(tmp_path: Path) -> None:
    lists = require_shared()
    with Store(tmp_path / "home") as store:
        result = load_series(
            store, lists / SERIES, since="2022-02-25", until="2022-03-01", workers=1
        )
        assert not [i for i in result.items if i.error]
        pubs = store.publications("us_ofac_sdn")
        assert len(pubs) >= 4
        with Monitor(store, decisions=False, profiles=False, workers=2) as monitor:
            monitor.add("replay", _portfolio(store, 800), targets={"us_ofac_sdn": pubs[0]})
            assert monitor.stored_alerts("replay") == monitor.full_alerts("replay")
            first_hits: dict[str, str] = {}
            for pub in pubs[1:]:
                step = monitor.advance("replay", {"us_ofac_sdn": pub})
                assert monitor.stored_alerts("replay") == monitor.full_alerts("replay"), (
                    pub.published
                )
                assert step.candidate_rows < 800  # only rows sharing keys with changes
                for event in monitor.portfolios.events("replay", types=["new_hit"]):
                    first_hits.setdefault(event.row_id, event.payload["cause"]["published"])
            assert first_hits["dmitriev"].startswith("2022-02-28")
            assert first_hits["rdif"].startswith("2022-02-28")
            assert "acme" not in first_hits
            # events are consistent with the alerts: replaying the events gives them
            alive: set[tuple[str, str]] = {
                (rid, sid)
                for rid, _src, sid in monitor.full_alerts("replay", {"us_ofac_sdn": pubs[0]})
            }
            for event in monitor.portfolios.events("replay"):
                key = (event.row_id, event.payload["listing"]["source_id"])
                if event.type == "new_hit":
                    assert key not in alive
                    alive.add(key)
                elif event.type == "hit_removed":
                    assert key in alive
                    alive.remove(key)
                else:
                    assert key in alive
            assert alive == {(rid, sid) for rid, _src, sid in monitor.stored_alerts("replay")}
            # and they are screen-file's: same rows, same listings; the scores differ
            # only by the portfolio's calibration (the statistics of 2022-02-25)
            rows = list(monitor.portfolios.rows(monitor.portfolios.portfolio("replay").id))
            stored = monitor.stored_alerts("replay")
        ensure_index(store)
    found = _screen_file(tmp_path, store.home, rows)
    assert found.keys() == stored.keys()
    assert max(abs(found[k] - stored[k]) for k in found) < 0.01


def _screen_file(
    tmp_path: Path, home: Path, rows: list[StoredRow]
) -> dict[tuple[str, str, str], float]:
    """What ``thaw screen-file`` finds for the portfolio's rows, as the monitor keys
    its alerts."""
    path = tmp_path / "rows.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "name", "schema"])
        for row in rows:
            writer.writerow([row.row_id, row.data["name"], row.data["schema"] or ""])
    out = io.StringIO()
    screen_file(path, out, Screener(home), workers=1)
    found = {}
    for line in out.getvalue().splitlines():
        result = json.loads(line)
        for hit in result["hits"]:
            listing = hit["listings"][0]
            found[(str(result["id"]), listing["source"], listing["source_id"])] = hit["score"]
    return found
