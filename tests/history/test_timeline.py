"""Timelines: listed, amended, delisted, re-listed, per authority."""

from __future__ import annotations

from tests.history.history_fixtures import add, rec
from thaw.history import Parties, Party, listing_timeline, party_timeline
from thaw.store import Store


def _history(store: Store) -> None:
    dates = ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01"]
    versions = [
        [rec("us_ofac_sdn", "1", "ACME", ["IRAN"], listed_on="2023-12-20")],
        [rec("us_ofac_sdn", "1", "ACME", ["IRAN"], aliases=["ACME LTD"], listed_on="2023-12-20")],
        [rec("us_ofac_sdn", "9", "OTHER")],
        [rec("us_ofac_sdn", "9", "OTHER")],
        [rec("us_ofac_sdn", "1", "ACME", ["IRAN", "SDGT"], listed_on="2024-04-20")],
    ]
    for date, records in zip(dates, versions, strict=True):
        add(store, "us_ofac_sdn", date, records)
    add(store, "uk_ofsi", "2024-02-15", [rec("uk_ofsi", "77", "ACME", ["Iran"])])


def test_listing_timeline(store: Store) -> None:
    _history(store)
    t = listing_timeline(store, "us_ofac_sdn", "1")
    assert t is not None and t.current and t.authority == "us"
    kinds = [(e.kind, e.date) for e in t.events]
    assert kinds == [
        ("listed", "2024-01-01"),
        ("amended", "2024-02-01"),
        ("delisted", "2024-03-01"),
        ("relisted", "2024-05-01"),
    ]
    listed, amended, delisted, relisted = t.events
    assert listed.note and "earliest" in listed.note and listed.listed_on == "2023-12-20"
    assert [c.describe() for c in amended.changes] == ["alias added: ACME LTD"]
    assert amended.previous == "2024-01-01"
    assert delisted.previous == "2024-02-01"
    assert relisted.programs == ["IRAN", "SDGT"] and relisted.previous == "2024-04-01"
    assert {c.describe() for c in relisted.changes} >= {"programme added: SDGT"}
    other = listing_timeline(store, "us_ofac_sdn", "9")
    assert other is not None and not other.current
    assert [e.kind for e in other.events] == ["listed", "delisted"]
    assert other.events[0].note is None  # first seen after the earliest publication
    assert listing_timeline(store, "us_ofac_sdn", "404") is None


def test_party_timeline_groups_by_authority(store: Store) -> None:
    _history(store)
    party = Party("p1", "ACME", (("us_ofac_sdn", "1"), ("uk_ofsi", "77")), True)
    timeline = party_timeline(store, party)
    by = timeline.by_authority()
    assert list(by) == ["uk", "us"]
    assert [e.kind for e in by["uk"]] == ["listed"]
    status = timeline.status()
    assert status["us"]["delisted"] == 1 and status["us"]["relisted"] == 1
    assert status["us"]["amended"] == 1 and status["us"]["current"]
    assert status["uk"]["first_listed"] == "2024-02-15"
    data = timeline.to_dict()
    assert data["party"] == "p1" and len(data["listings"]) == 2


def test_parties_without_profiles(store: Store) -> None:
    _history(store)
    parties = Parties(store, use_profiles=False)
    party = parties.of("us_ofac_sdn", "1")
    assert party.id == "us_ofac_sdn:1" and party.caption == "ACME" and not party.profile
    assert parties.get("us_ofac_sdn:9") is not None
    assert parties.get("us_ofac_sdn:404") is None
    assert parties.get("no-such-profile") is None
    ids = sorted(p.id for p in parties.all())
    assert ids == ["uk_ofsi:77", "us_ofac_sdn:1"]
