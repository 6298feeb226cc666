"""A row written in Chinese characters, Hangul or kana is re-screened when a listing
in Latin letters that retrieval finds for it by its sounds (onset keys, spellings of
its characters) is added, and one written in an abjad when a listing that joins two
of its words is: the incremental result equals a full re-screen."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.conftest import publish
from tests.monitor.test_monitor import BASE, person
from thaw.index import CandidateIndex, ensure_index, entry_from_record
from thaw.monitor import Monitor, RowData
from thaw.monitor.keys import RowIndex, postings_of, probe_keys
from thaw.monitor.screening import Rarity
from thaw.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "match"
CJK = ("_jp", "_jp2", "_ko", "_ko2", "_zh", "_zh2")


def _pairs(sets: tuple[str, ...]) -> list[tuple[str, str]]:
    """The dev pairs ``(name as written, Latin name)`` of the cross-script sets
    ``sets`` (the suffixes of their files)."""
    out = []
    for name in sets:
        with open(FIXTURES / f"cross_script_pairs{name}.csv", encoding="utf-8") as fh:
            out += [(r["original"], r["latin"]) for r in csv.DictReader(fh) if r["split"] == "dev"]
    return out


@pytest.mark.parametrize("sets", [CJK, ("",)], ids=["cjk", "every_script"])
def test_a_listing_retrieval_proposes_for_a_row_reaches_the_row(sets: tuple[str, ...]) -> None:
    pairs = _pairs(sets)
    listed = [entry_from_record(person("x", str(i), latin)) for i, (_o, latin) in enumerate(pairs)]
    index = CandidateIndex.build([entry_from_record(r) for r in BASE] + listed)
    pins = Rarity()
    index.rarity = pins
    proposed = [
        {index.entry(c.position).key for c in index.candidates(written, schema="Person")}
        for written, _latin in pairs
    ]
    keyer = CandidateIndex.build(())
    checked, unmarked = 0, []
    for i, entry in enumerate(listed):
        if entry.key in proposed[i]:
            checked += 1
            # (the bound of a row depends on the row alone: an index of that row)
            probes = probe_keys(pairs[i][0], "Person", (), keyer, pins.pinned)
            rows = RowIndex.from_postings([postings_of([(i, *probes)])])
            if rows.affected(CandidateIndex.build([entry])).tolist() != [i]:
                unmarked.append(pairs[i])
    assert checked > len(pairs) // 2
    assert unmarked == []


def test_a_portfolio_in_cjk_characters_meets_new_latin_listings(store: Store) -> None:
    publish(store, "us_ofac_sdn", BASE, "2022-02-01")
    ensure_index(store)
    rows = [("a", "大野智"), ("b", "本田宗一郎"), ("c", "김연아")]
    listed = [
        person("us_ofac_sdn", str(900 + i), latin)
        for i, latin in enumerate(["Satoshi Ohno", "Souichirou Honda", "Kim Yuna"])
    ]
    with Monitor(store, workers=1, decisions=False) as monitor:
        monitor.add("p", [(rid, RowData(name, "Person")) for rid, name in rows])
        assert monitor.stored_alerts("p") == {}
        publish(store, "us_ofac_sdn", [*BASE, *listed], "2022-02-02")
        ensure_index(store)
        monitor.advance("p")
        full = monitor.full_alerts("p")
        assert {row for row, _s, _id in full} == {"a", "b", "c"}
        assert monitor.stored_alerts("p") == full
