"""The monitor on small stores built from records: events, equivalence with a full
re-screen, portfolio updates, decisions and the what-if answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import publish
from thaw.decisions import listing_fingerprint
from thaw.index import ensure_index, entry_from_record
from thaw.model import Identifier, Name, Record
from thaw.monitor import Monitor, PortfolioError, RowData, on_activation
from thaw.monitor.relief import lift_events
from thaw.store import Store
from thaw.store.state import Decision, open_state
from thaw.whatif import Scenario


def person(
    source: str,
    sid: str,
    name: str,
    *aliases: str,
    programs: tuple[str, ...] = ("SDGT",),
    dob: str | None = None,
) -> Record:
    record = Record(source, sid, "Person", names=[Name(name)], programs=list(programs))
    record.names += [Name(a, "alias") for a in aliases]
    if dob:
        record.birth_dates.append(dob)
    return record


def org(
    source: str,
    sid: str,
    name: str,
    programs: tuple[str, ...] = ("RUSSIA-EO14024",),
    number: str | None = None,
) -> Record:
    record = Record(source, sid, "Organization", names=[Name(name)], programs=list(programs))
    if number:
        record.identifiers.append(Identifier("Registration Number", number))
    return record


BASE = [
    person("us_ofac_sdn", "1", "Ivan Petrovich Sidorov", dob="1961-04-12"),
    person("us_ofac_sdn", "2", "Abdul Rahman Al-Masri"),
    org("us_ofac_sdn", "3", "Volga Shipping Holdings LLC", number="1027700132195"),
    person("us_ofac_sdn", "4", "Marta Ilonen"),
    *[person("us_ofac_sdn", str(100 + i), f"Filler Person{i} Examplov") for i in range(40)],
]

ROWS = [
    ("c1", RowData("Ivan Sidorov", "Person", "1961-04-12")),
    ("c2", RowData("Abdulrahman Al Masri", "Person")),
    ("c3", RowData("Volga Shipping Holdings", "Organization")),
    ("c4", RowData("Kirill Dmitriev", "Person", "1975-04-12")),
    ("c5", RowData("Acme Bakery Ltd", "Organization")),
    ("c6", RowData("Marta Ilonen", "Person")),
    ("c7", RowData("Unrelated Trading GmbH", "Organization", id_numbers=("1027700132195",))),
]


def _monitor(store: Store) -> Monitor:
    return Monitor(store, workers=1, decisions=False)


def _types(monitor: Monitor, name: str = "p") -> dict[tuple[str, str], str]:
    return {
        (e.row_id, e.payload.get("listing", {}).get("source_id", "")): e.type
        for e in monitor.portfolios.events(name)
    }


@pytest.fixture
def monitored(store: Store) -> Monitor:
    publish(store, "us_ofac_sdn", BASE, "2022-02-01")
    ensure_index(store)
    monitor = _monitor(store)
    monitor.add("p", ROWS)
    return monitor


def test_add_screens_in_full_without_events(monitored: Monitor) -> None:
    alerts = monitored.stored_alerts("p")
    rows = {rid for rid, _s, _i in alerts}
    assert {"c1", "c2", "c3", "c6", "c7"} <= rows
    assert "c4" not in rows and "c5" not in rows
    assert monitored.portfolios.events("p") == []
    assert alerts == monitored.full_alerts("p")


def test_changed_listings_raise_events_equal_to_full_rescreen(
    monitored: Monitor, store: Store
) -> None:
    before = monitored.stored_alerts("p")
    amended = person("us_ofac_sdn", "1", "Ivan Petrovich Sidorov", "Ivan Sidorov", dob="1961-04-12")
    changed = [amended, *BASE[1:3], *BASE[4:]]  # listing 4 (Marta Ilonen) removed
    changed.append(person("us_ofac_sdn", "9", "Kirill Aleksandrovich Dmitriev", dob="1975-04-12"))
    changed.append(person("uk_ofsi", "x", "Marta Ilonen"))  # other source: not yet
    pub = publish(store, "us_ofac_sdn", changed[:-1], "2022-02-28")
    ensure_index(store)
    step = monitored.advance("p")
    assert step.changed_listings == 3
    types = _types(monitored)
    assert types[("c4", "9")] == "new_hit"
    assert types[("c1", "1")] == "hit_amended"
    assert types[("c6", "4")] == "hit_removed"
    assert len(types) == 3
    after = monitored.stored_alerts("p")
    assert after == monitored.full_alerts("p")
    assert after != before
    removed = next(e for e in monitored.portfolios.events("p") if e.type == "hit_removed")
    assert removed.payload["reason"] == "delisted"
    assert removed.payload["cause"]["publication_id"] == pub.id
    assert removed.payload["still_listed"] is False
    amended_event = next(e for e in monitored.portfolios.events("p") if e.type == "hit_amended")
    assert any(c["change"] == "added" for c in amended_event.payload["changes"])
    # the same step again changes nothing and records nothing
    assert monitored.advance("p").events == []


def test_replayed_step_records_no_duplicate(store: Store, tmp_path: Path) -> None:
    publish(store, "us_ofac_sdn", BASE, "2022-02-01")
    ensure_index(store)
    with _monitor(store) as monitor:
        monitor.add("p", ROWS)
        old = {s: p for s, p in store.active_publications().items()}
        publish(
            store,
            "us_ofac_sdn",
            [*BASE, person("us_ofac_sdn", "9", "Kirill Dmitriev")],
            "2022-02-28",
        )
        first = monitor.advance("p")
        assert len(first.events) == 1
        # as if the step had to run again (e.g. after a crash before the watermark)
        monitor.advance("p", old)
        again = monitor.advance("p")
        assert again.events == []  # same event id: recorded once
        assert len(monitor.portfolios.events("p")) == 2  # new_hit, then hit_removed going back


def test_on_activation_advances_every_portfolio(monitored: Monitor, store: Store) -> None:
    publish(
        store, "us_ofac_sdn", [*BASE, person("us_ofac_sdn", "9", "Kirill Dmitriev")], "2022-02-28"
    )
    ensure_index(store)
    steps = on_activation(store, workers=1)
    assert [len(s.events) for s in steps] == [1]
    assert on_activation(store, workers=1)[0].events == []


def test_a_new_source_is_screened_in_full(monitored: Monitor, store: Store) -> None:
    publish(store, "uk_ofsi", [person("uk_ofsi", "R1", "Kirill Dmitriev")], "2022-03-01")
    ensure_index(store)
    monitored.advance("p")
    assert _types(monitored) == {("c4", "R1"): "new_hit"}
    assert monitored.stored_alerts("p") == monitored.full_alerts("p")


def test_update_adds_changes_and_removes_rows(monitored: Monitor) -> None:
    rows = dict(ROWS)
    rows["c5"] = RowData("Marta Ilonen", "Person")  # changed: now matches
    del rows["c6"]  # removed (it had an alert)
    rows["c8"] = RowData("Abdul Rahman Al-Masri", "Person")  # new, matches
    step = monitored.update("p", list(rows.items()))
    types = {(e.row_id, e.type) for e in monitored.portfolios.events("p")}
    assert types == {("c5", "row_changed"), ("c6", "row_changed"), ("c8", "new_hit")}
    assert len(step.events) == 3
    alerts = monitored.stored_alerts("p")
    assert not any(rid == "c6" for rid, _s, _i in alerts)
    assert alerts == monitored.full_alerts("p")
    removed = next(e for e in monitored.portfolios.events("p") if e.row_id == "c6")
    assert removed.payload["removed"] is True and removed.payload["previous"]
    # the same file again: nothing to do
    assert monitored.update("p", list(rows.items())).events == []


def test_row_index_follows_updates(monitored: Monitor, store: Store) -> None:
    rows = dict(ROWS)
    rows["c9"] = RowData("Kirill Dmitriev", "Person")
    monitored.update("p", list(rows.items()))
    publish(
        store, "us_ofac_sdn", [*BASE, person("us_ofac_sdn", "9", "Kirill Dmitriev")], "2022-02-28"
    )
    monitored.advance("p")
    assert {e.row_id for e in monitored.portfolios.events("p", types=["new_hit"])} == {"c4", "c9"}
    assert monitored.stored_alerts("p") == monitored.full_alerts("p")


def test_false_positive_decision_suppresses_until_amended(store: Store) -> None:
    publish(store, "us_ofac_sdn", BASE, "2022-02-01")
    ensure_index(store)
    with Monitor(store, workers=1) as monitor:
        monitor.add("p", ROWS)
    # the analyst decides (in the service's state store) that row c6 is not the
    # listed Marta Ilonen, as `thaw decide` / POST /decisions record it
    record = store.get("us_ofac_sdn", "4")
    assert record is not None
    entry = entry_from_record(record)
    with open_state(store.home) as state:
        state.decisions.record(
            Decision(
                "p/c6",
                "us_ofac_sdn:4",
                "false_positive",
                "different person",
                "analyst",
                listing_fingerprint=listing_fingerprint([entry]),
            )
        )
    with Monitor(store, workers=1) as monitor:
        monitor.rescreen("p", events=False)
        assert not any(rid == "c6" for _p, rid, _a in monitor.portfolios.current_alerts("p"))
        assert any(rid == "c6" for rid, _s, _i in monitor.stored_alerts("p"))  # kept, suppressed
        # an unrelated amendment raises no event; amending listing 4 reopens the alert
        changed = [
            *BASE[:3],
            person("us_ofac_sdn", "4", "Marta Ilonen", "Marta Ilonen-Virtanen"),
            *BASE[4:],
        ]
        publish(store, "us_ofac_sdn", changed, "2022-03-01")
        monitor.advance("p")
        events = monitor.portfolios.events("p")
        assert [(e.row_id, e.type) for e in events] == [("c6", "hit_amended")]
        assert any(rid == "c6" for _p, rid, _a in monitor.portfolios.current_alerts("p"))


def test_portfolio_names_and_ids_are_checked(monitored: Monitor) -> None:
    with pytest.raises(PortfolioError, match="exists already"):
        monitored.add("p", ROWS)
    with pytest.raises(PortfolioError, match="more than once"):
        monitored.update("p", [ROWS[0], ROWS[0]])
    with pytest.raises(PortfolioError, match="no portfolio"):
        monitored.advance("nope")


def test_whatif_lift_says_who_still_lists_the_party(store: Store) -> None:
    dmitriev_us = person(
        "us_ofac_sdn", "9", "Kirill Dmitriev", programs=("RUSSIA-EO14024",), dob="1975-04-12"
    )
    dmitriev_uk = person("uk_ofsi", "R1", "Kirill Dmitriev", programs=("Russia",), dob="1975-04-12")
    rdif = org("us_ofac_sdn", "10", "Russian Direct Investment Fund")
    publish(store, "us_ofac_sdn", [*BASE, dmitriev_us, rdif], "2022-02-28")
    publish(store, "uk_ofsi", [dmitriev_uk], "2022-03-01")
    ensure_index(store)
    monitor = Monitor(store, workers=1, decisions=False)
    monitor.add("p", [*ROWS, ("c10", RowData("Russian Direct Investment Fund", "Organization"))])
    events = lift_events(monitor, "p", Scenario.parse(["us:RUSSIA-EO14024"]))
    by_row = {e["row_id"]: e for e in events}
    assert set(by_row) == {"c3", "c4", "c7", "c10"}  # c7: Volga's registration number
    assert by_row["c4"]["still_listed"] is True
    assert [x["source"] for x in by_row["c4"]["party"]["listed_by"]] == ["uk_ofsi"]
    assert by_row["c10"]["still_listed"] is False
    assert all(e["type"] == "hit_removed" and e["simulated"] for e in events)
    assert monitor.portfolios.events("p") == []  # nothing stored


def test_a_portfolio_added_again_records_its_events_anew(store: Store) -> None:
    first = publish(store, "us_ofac_sdn", BASE, "2022-02-01")
    listed = person("us_ofac_sdn", "9", "Kirill Aleksandrovich Dmitriev", dob="1975-04-12")
    second = publish(store, "us_ofac_sdn", [*BASE, listed], "2022-03-01")
    ensure_index(store)
    for _ in range(2):
        with _monitor(store) as monitor:
            if monitor.portfolios.portfolios():
                monitor.portfolios.delete_portfolio("p")
            monitor.add("p", ROWS, targets={"us_ofac_sdn": first})
            step = monitor.advance("p", {"us_ofac_sdn": second})
            assert len(step.events) == 1
            assert _types(monitor)[("c4", "9")] == "new_hit"
