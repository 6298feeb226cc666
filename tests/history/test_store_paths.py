"""The store's fast paths give the same results as the plain ones: canonical JSON
identical to ``Record.to_json``, publications inserted out of date order giving the
same spans as loading in order."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.history.history_fixtures import add, rec
from thaw.model import Address, Identifier, Link, Name, Record
from thaw.sources import plan
from thaw.store import Store
from thaw.store.db import canonical_json, encode_record


def _varied() -> list[Record]:
    full = Record(
        "src",
        "1",
        "Person",
        names=[
            Name("Иванов Иван", "original", lang="ru", script="Cyrl"),
            Name("IVANOV, Ivan", parts={"last": "IVANOV", "first": "Ivan"}),
        ],
        birth_dates=["1970", "1971-02"],
        birth_places=["Moscow"],
        nationalities=["ru"],
        citizenships=["ru"],
        countries=["ru", "cy"],
        gender="male",
        titles=["Dr"],
        positions=['Director "quoted" \\ back'],
        identifiers=[Identifier("passport", "12 34", "ru", "Passport", "issued\n2001")],
        addresses=[Address("Line\t1, Nicosia", "cy", "Nicosia", None, "1010", "Line 1")],
        programs=["RUSSIA-EO14024"],
        listed_on="2022-02-28",
        remarks=["control \x01 char", "emoji 😀", "\u2028sep"],
        links=[Link("linked_to", "src", "2", "ACME")],
        extra={"b": "2", "a": "1"},
    )
    sparse = Record("src", "2", "Organization")
    empty_strings = Record("src", "3", "Vessel", names=[Name("")], gender="", listed_on="")
    return [full, sparse, empty_strings]


def test_canonical_json_matches_to_json() -> None:
    for record in _varied():
        assert canonical_json(record) == record.to_json()
        assert encode_record(record).digest == record.content_hash()


@pytest.mark.realdata
def test_canonical_json_on_real_records(lists_dir: Path) -> None:
    path = lists_dir / "us_ofac" / "2024-05-03" / "sdn.csv"
    records = list(plan([path])[0].open().records)
    assert len(records) > 10000
    assert all(canonical_json(r) == r.to_json() for r in records)


def _spans(store: Store, source: str) -> list[tuple[str, str, int, int | None]]:
    rows = store.db.execute(
        "SELECT s.source_id, v.hash, s.first_seq, s.last_seq FROM spans s"
        " JOIN versions v ON v.id = s.version_id WHERE s.source = ?",
        (source,),
    ).fetchall()
    return sorted(rows, key=lambda r: (r[0], r[2]))


@pytest.mark.parametrize("seed", range(6))
def test_out_of_order_inserts_equal_in_order_load(tmp_path: Path, seed: int) -> None:
    rnd = random.Random(seed)
    names = ["A", "B", "C"]
    pubs = []
    for i in range(9):
        records = [
            rec("src", str(sid), rnd.choice(names)) for sid in range(12) if rnd.random() < 0.7
        ]
        pubs.append((f"2024-01-{i + 1:02d}", records))
    order = list(range(len(pubs)))
    rnd.shuffle(order)
    with Store(tmp_path / "a") as a, Store(tmp_path / "b") as b:
        for date, records in pubs:
            add(a, "src", date, records)
        for i in order:
            add(b, "src", pubs[i][0], pubs[i][1], activate=False)
        assert [p.published for p in b.publications("src")] == [d for d, _ in pubs]
        assert _spans(a, "src") == _spans(b, "src")
        for pa, pb in zip(a.publications("src"), b.publications("src"), strict=True):
            ra = [r.to_json() for r in a.records_at(pa)]
            assert ra == [r.to_json() for r in b.records_at(pb)]


def test_equal_dates_keep_load_order(store: Store) -> None:
    add(store, "src", "2024-01-02", [rec("src", "1", "LATER")])
    add(store, "src", "2024-01-01", [rec("src", "1", "FIRST")], activate=False)
    add(store, "src", "2024-01-01", [rec("src", "1", "SECOND")], activate=False)
    captions = [next(iter(store.records_at(p))).caption for p in store.publications("src")]
    assert captions == ["FIRST", "SECOND", "LATER"]
