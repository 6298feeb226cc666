"""``thaw.spark.monitor`` against the single-machine monitor: the same alerts after a
baseline, and the same events and alerts after a list update, on the test
portfolio of ``tests/monitor/test_monitor.py``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli._cli import thaw
from tests.conftest import publish
from tests.monitor.test_monitor import BASE, ROWS, person
from thaw.decisions import listing_fingerprint
from thaw.index import ensure_index, entry_from_record
from thaw.monitor import Monitor
from thaw.spark.monitor import MonitorState, load_state, monitor, save_state
from thaw.store import Store
from thaw.store.state import Decision, open_state

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _portfolio(spark: Any) -> Any:
    return spark.createDataFrame(
        [
            (rid, d.name, d.schema, d.birth_date, ";".join(d.countries), ";".join(d.id_numbers))
            for rid, d in [*ROWS, ("c8", ROWS[0][1].__class__(""))]  # c8: no name, not monitored
        ],
        "id string, name string, schema string, birth_date string, country string, "
        "id_number string",
    )


COLUMNS: dict[str, Any] = {
    "schema": "schema",
    "birth_date": "birth_date",
    "country": "country",
    "id_number": "id_number",
}
"""The portfolio's columns (:func:`_portfolio`) as :func:`monitor`'s keywords."""


def _alerts(df: Any) -> dict[tuple[str, str, str], float]:
    return {(r["row_id"], r["source"], r["source_id"]): r["score"] for r in df.collect()}


def _comparable(payload: dict[str, Any]) -> dict[str, Any]:
    """An event without its id (the single-machine id digests the portfolio's
    database id too) and the time it was recorded."""
    return {k: v for k, v in payload.items() if k not in ("id", "created_at")}


def test_baseline_and_advance_equal_the_single_machine_monitor(spark: Any, tmp_path: Path) -> None:
    home = tmp_path / "home"
    store = Store(home)
    publish(store, "us_ofac_sdn", BASE, "2022-02-01")
    ensure_index(store)
    single = Monitor(store, workers=1, decisions=False)
    single.add("p", ROWS)

    portfolio = _portfolio(spark)
    columns = COLUMNS
    first = monitor(portfolio, name="p", home=home, **columns)
    assert first.events.count() == 0
    assert _alerts(first.alerts) == single.stored_alerts("p")
    assert first.state.watermarks == {s: p.id for s, p in store.active_publications().items()}
    # the rarity weights pinned as the single-machine monitor pins them
    info = single.portfolios.portfolio("p")
    assert first.state.rarity == single.portfolios.rarity(info.id) != {}
    save_state(first.state, tmp_path / "state.json")
    first.alerts.write.parquet(str(tmp_path / "alerts-1"))

    # the update of tests/monitor: listing 1 amended, 4 removed, 9 added
    amended = person("us_ofac_sdn", "1", "Ivan Petrovich Sidorov", "Ivan Sidorov", dob="1961-04-12")
    changed = [amended, *BASE[1:3], *BASE[4:]]
    changed.append(person("us_ofac_sdn", "9", "Kirill Aleksandrovich Dmitriev", dob="1975-04-12"))
    publish(store, "us_ofac_sdn", changed, "2022-02-28")
    ensure_index(store)
    # a new monitor, as after a load (a monitor caches the profiles it has seen)
    single.close()
    single = Monitor(store, workers=1, decisions=False)
    single.advance("p")
    expected = {(e.type, e.row_id): _comparable(e.payload) for e in single.portfolios.events("p")}
    assert {k for k, _ in expected} == {"new_hit", "hit_amended", "hit_removed"}

    state = load_state(tmp_path / "state.json")
    assert state == first.state
    previous = spark.read.parquet(str(tmp_path / "alerts-1"))
    step = monitor(portfolio, previous, state, name="p", home=home, **columns)
    assert step.changed_listings == 3
    got = {
        (r["type"], r["row_id"]): _comparable(json.loads(r["payload"]))
        for r in step.events.collect()
    }
    assert got.keys() == expected.keys()
    for key, payload in expected.items():
        differ = {k for k in payload.keys() | got[key].keys() if payload.get(k) != got[key].get(k)}
        assert not differ, (key, {k: (got[key].get(k), payload.get(k)) for k in differ})
    assert step.counts == {"new_hit": 1, "hit_amended": 1, "hit_removed": 1}
    assert _alerts(step.alerts) == single.stored_alerts("p")
    # alerts not on a changed listing keep when they were first raised
    since = {(r["row_id"], r["source_id"]): r["since"] for r in step.alerts.collect()}
    first_since = {(r["row_id"], r["source_id"]): r["since"] for r in previous.collect()}
    assert since[("c2", "2")] == first_since[("c2", "2")]
    assert since[("c1", "1")] == first_since[("c1", "1")]  # amended, still the same alert

    # nothing new: an empty step
    again = monitor(portfolio, step.alerts, step.state, name="p", home=home, **columns)
    assert again.changed_listings == 0 and again.event_count == 0
    assert _alerts(again.alerts) == _alerts(step.alerts)
    single.close()
    store.close()


def test_decisions_as_the_single_machine_monitor(spark: Any, tmp_path: Path) -> None:
    """A false positive keeps its alert suppressed (no event) until the listing is
    amended, which reopens it with ``hit_amended``, as in
    ``tests/monitor/test_monitor.py``'s decision test."""
    home = tmp_path / "home"
    store = Store(home)
    publish(store, "us_ofac_sdn", BASE, "2022-02-01")
    ensure_index(store)
    record = store.get("us_ofac_sdn", "4")
    assert record is not None
    with open_state(home) as state:
        state.decisions.record(
            Decision(
                "p/c6",
                "us_ofac_sdn:4",
                "false_positive",
                "different person",
                "analyst",
                listing_fingerprint=listing_fingerprint([entry_from_record(record)]),
            )
        )
    with Monitor(store, workers=1) as single:
        single.add("p", ROWS)
        stored = single.stored_alerts("p")
    portfolio = _portfolio(spark)
    columns = COLUMNS
    first = monitor(portfolio, name="p", home=home, **columns)
    assert _alerts(first.alerts) == stored
    suppressed = {(r["row_id"], r["source_id"]) for r in first.alerts.collect() if r["suppressed"]}
    assert suppressed == {("c6", "4")}
    plain = monitor(portfolio, name="p", home=home, decisions=False, **columns)
    assert not [r for r in plain.alerts.collect() if r["suppressed"]]
    first.alerts.write.parquet(str(tmp_path / "alerts-1"))

    # an unrelated amendment raises no event on c6; amending listing 4 reopens it
    changed = [
        person("us_ofac_sdn", "1", "Ivan Petrovich Sidorov", "Ivan Sidorov", dob="1961-04-12"),
        *BASE[1:3],
        person("us_ofac_sdn", "4", "Marta Ilonen", "Marta Ilonen-Virtanen"),
        *BASE[4:],
    ]
    publish(store, "us_ofac_sdn", changed, "2022-03-01")
    ensure_index(store)
    with Monitor(store, workers=1) as single:
        single.advance("p")
        expected = {
            (e.type, e.row_id): _comparable(e.payload) for e in single.portfolios.events("p")
        }
        stored = single.stored_alerts("p")
    assert ("hit_amended", "c6") in expected
    previous = spark.read.parquet(str(tmp_path / "alerts-1"))
    step = monitor(portfolio, previous, first.state, name="p", home=home, **columns)
    got = {
        (r["type"], r["row_id"]): _comparable(json.loads(r["payload"]))
        for r in step.events.collect()
    }
    assert got == expected
    assert _alerts(step.alerts) == stored
    assert not [r for r in step.alerts.collect() if r["suppressed"]]
    store.close()


def test_alerts_need_their_state(spark: Any, tmp_path: Path) -> None:
    portfolio = _portfolio(spark)
    with pytest.raises(ValueError, match="both the previous alerts and their state"):
        monitor(portfolio, portfolio, None, home=tmp_path)
    with pytest.raises(ValueError, match="'nom' not found"):
        monitor(portfolio, None, None, full_name="nom", home=tmp_path)
    assert MonitorState.from_dict(MonitorState({"un_sc": 3}, 0.8).to_dict()).watermarks == {
        "un_sc": 3
    }


def test_spark_monitor_command_keeps_a_folder(spark: Any, tmp_path: Path) -> None:
    home = tmp_path / "home"
    with Store(home) as store:
        publish(store, "us_ofac_sdn", BASE, "2022-02-01")
    portfolio = tmp_path / "portfolio.csv"
    portfolio.write_text(
        "id,name,schema,date_of_birth\n"
        + "".join(f"{rid},{d.name},{d.schema},{d.birth_date or ''}\n" for rid, d in ROWS[:4])
    )
    folder = tmp_path / "monitor"
    args = [str(portfolio), "--state", str(folder), "--name", "p", "--home", str(home)]
    first = thaw("spark-monitor", *args)
    assert first.code == 0, first
    assert "baseline" in first.err
    assert {p.name for p in folder.iterdir()} == {"state.json", "alerts-000001"}
    with Store(home) as store:
        added = person("us_ofac_sdn", "9", "Kirill Aleksandrovich Dmitriev", dob="1975-04-12")
        publish(store, "us_ofac_sdn", [*BASE, added], "2022-02-28")
    second = thaw("spark-monitor", *args)
    assert second.code == 0, second
    assert "step 2: 1 changed listing(s); 1 new_hit" in second.err
    events = [
        json.loads(line)
        for part in (folder / "events-000002").glob("part-*")
        for line in part.read_text().splitlines()
    ]
    assert [(e["type"], e["row_id"], e["listing"]["source_id"]) for e in events] == [
        ("new_hit", "c4", "9")
    ]
    assert json.loads((folder / "state.json").read_text())["alerts"] == "alerts-000002"
    no_ids = tmp_path / "no-ids.csv"
    no_ids.write_text("name\nIvan Sidorov\n")
    refused = thaw(
        "spark-monitor", str(no_ids), "--state", str(tmp_path / "m2"), "--home", str(home)
    )
    assert refused.code == 1 and "needs an 'id'" in refused.err


def test_name_parts_and_gender_read_as_portfolio_add_reads_a_file(
    spark: Any, tmp_path: Path
) -> None:
    from tests.monitor.test_inputs import PRIGOZHIN
    from thaw.monitor.inputs import read_rows

    home = tmp_path / "home"
    path = tmp_path / "customers.csv"
    path.write_text(
        "id,first_name,middle_name,last_name,sex,date_of_birth\n"
        "a,Ivan,Petrovich,Sidorov,M,1961-04-12\n"
        "b,Yevgeniy,,Prigozhin,F,\n"
        "c,Yevgeniy,,Prigozhin,,\n",
        encoding="utf-8",
    )
    with Store(home) as store:
        publish(store, "us_ofac_sdn", [*BASE, PRIGOZHIN], "2022-02-01")
        ensure_index(store)
        with Monitor(store, workers=1, decisions=False) as single:
            single.add("p", read_rows(path), threshold=0.3)
            expected = single.stored_alerts("p")
    df = spark.read.option("header", True).csv(str(path))
    found = monitor(
        df,
        name="p",
        home=home,
        full_name=None,
        first_name="first_name",
        middle_name="middle_name",
        last_name="last_name",
        gender="sex",
        birth_date="date_of_birth",
        threshold=0.3,
    )
    assert _alerts(found.alerts) == expected
    # the row that says the customer is a woman scores below the row that gives
    # no gender, as in the file
    assert expected[("b", "us_ofac_sdn", "77")] < expected[("c", "us_ofac_sdn", "77")]
    rows = {r["row_id"]: json.loads(r["row"]) for r in found.alerts.collect()}
    assert rows["b"]["gender"] == "female" and "gender" not in rows["c"]
    assert rows["a"]["name"] == "Ivan Petrovich Sidorov" and rows["a"]["schema"] == "Person"
