"""The row index's probes for a name read as a romanised Korean name: the other
spellings of each syllable that retrieval looks up
(:func:`thaw.index.candidates.respelt_keys`), so that a listing added later in
the North's spelling (*KIM Jong Un*) reaches a row in the South's (*Kim Jong
Eun*); and :meth:`~thaw.monitor.keys.RowIndex.affected`: a listing that
retrieval finds for a row reaches the row, in a change of many listings as
alone."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.index.fixture_store import screener_of
from tests.monitor.test_monitor import BASE, person
from thaw.index import CandidateIndex, entry_from_record
from thaw.index.candidates import RESPELLING_CREDIT
from thaw.monitor.keys import RowIndex, postings_of, probe_keys
from thaw.monitor.screening import Rarity

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "match"


def test_a_korean_name_probes_the_other_spellings_of_its_syllables() -> None:
    keyer = screener_of(["John SMITH"]).index
    probes, _, _ = probe_keys("Kim Jong Eun", "Person", (), keyer)
    keys = {key: share for key, _unit, share in probes}
    assert "t:un" in keys and "t:eun" in keys
    assert keys["t:un"] == RESPELLING_CREDIT * keys["t:eun"]
    # a name that reads as no Korean name probes no respelling
    probes, _, _ = probe_keys("Eun Brown", "Person", (), keyer)
    assert "t:un" not in {key for key, _unit, _share in probes}


def _dev_pairs(every: int) -> list[list[tuple[str, str]]]:
    """Every ``every``-th dev pair ``(name as written, Latin name)`` of each
    cross-script set (the fixtures), by set."""
    out: list[list[tuple[str, str]]] = []
    for path in sorted(FIXTURES.glob("cross_script_pairs*.csv")):
        with open(path, encoding="utf-8") as fh:
            dev = [(r["original"], r["latin"]) for r in csv.DictReader(fh) if r["split"] == "dev"]
        out.append(dev[::every])
    return out


def test_a_listing_a_lookup_finds_for_a_row_reaches_it_in_a_change_of_many() -> None:
    # rows: names in every script, and two names of a set written as one, so
    # that rows share words and a change reaches one row holding a word and not
    # another (the words of rows all reached are not walked again)
    sets = _dev_pairs(12)
    pairs = [pair for part in sets for pair in part]
    names = [written for written, _latin in pairs]
    for part in sets:
        written = [w for w, _latin in part]
        names += [f"{a} {b}" for a, b in zip(written[::2], written[1::2], strict=False)]
    listed = [entry_from_record(person("x", str(i), latin)) for i, (_w, latin) in enumerate(pairs)]
    index = CandidateIndex.build([entry_from_record(r) for r in BASE] + listed)
    pins = Rarity()
    index.rarity = pins
    proposed = [
        {index.entry(c.position).key for c in index.candidates(name, schema="Person")}
        for name in names
    ]
    keyer = CandidateIndex.build(())
    rows = RowIndex.from_postings(
        [
            postings_of(
                [(i, *probe_keys(n, "Person", (), keyer, pins.pinned)) for i, n in enumerate(names)]
            )
        ]
    )
    together = set(rows.affected(CandidateIndex.build(listed)).tolist())
    alone = [set(rows.affected(CandidateIndex.build([entry])).tolist()) for entry in listed]
    found = [
        (i, entry.key) for i in range(len(names)) for entry in listed if entry.key in proposed[i]
    ]
    assert len({i for i, _key in found}) > len(names) // 2
    assert [(i, key) for i, key in found if i not in together] == []
    assert [(i, key) for i, key in found if i not in alone[int(key.split(":")[-1])]] == []
    # a change's rows are its listings' rows, each alone
    assert together == set().union(*alone)
