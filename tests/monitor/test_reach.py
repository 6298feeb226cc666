"""Which rows a step re-screens: with the portfolio's rarity weights pinned, a
change reaches only the rows one changed listing may cover enough, and the
result still equals a full re-screen."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import publish
from tests.monitor.test_monitor import BASE, ROWS, person
from thaw.index import CandidateIndex, ensure_index, entry_from_record
from thaw.model import Identifier
from thaw.monitor import Monitor, RowData
from thaw.monitor.keys import RowIndex, postings_of, probe_keys
from thaw.monitor.screening import CandidateSets, Rarity, text_rarity
from thaw.store import Store
from thaw.store.portfolios import Changes, PortfolioInfo, PortfolioStore

# a portfolio whose rows share their commonest tokens with many listings
COMMON = [
    ("m1", RowData("Mohammad Ali Hassani", "Person")),
    ("m2", RowData("Mohammad Rezaei Tehrani", "Person")),
    ("m3", RowData("Ali Karimi", "Person")),
    ("m4", RowData("Unrelated Trading LLC", "Organization")),
]
FILLERS = [
    person("us_ofac_sdn", str(200 + i), f"Mohammad Filler{i} Ali", programs=("IRAN",))
    for i in range(30)
]


@contextmanager
def _monitored(store: Store) -> Iterator[tuple[Monitor, PortfolioInfo, dict[str, float]]]:
    """A monitor of portfolio "p" (the rows and the common-token rows) over the base
    listings and fillers, with the portfolio's info and its pinned weights."""
    publish(store, "us_ofac_sdn", [*BASE, *FILLERS], "2022-02-01")
    ensure_index(store)
    with Monitor(store, workers=1, decisions=False) as monitor:
        monitor.add("p", [*ROWS, *COMMON])
        info = monitor.portfolios.portfolio("p")
        yield monitor, info, monitor.portfolios.rarity(info.id)


def _index(rows: list[tuple[int, RowData]], rarity: dict[str, float] | None) -> RowIndex:
    keyer = CandidateIndex.build(())
    return RowIndex.from_postings(
        [
            postings_of(
                (pk, *probe_keys(d.name, d.schema, d.id_numbers, keyer, rarity)) for pk, d in rows
            )
        ]
    )


def test_the_bound_reaches_only_rows_a_listing_may_cover_enough() -> None:
    listed = [entry_from_record(r) for r in [*BASE, *FILLERS]]
    index = CandidateIndex.build(listed)
    rows = [(1, RowData("Mohammad Ali Hassani", "Person")), (2, RowData("Marta Ilonen", "Person"))]
    pins = Rarity()
    index.rarity = pins
    for _pk, data in rows:
        index.candidates(data.name, schema=data.schema)
    row_index = _index(rows, pins.pinned)
    # a listing sharing the two common tokens only: below half of the weight
    common = CandidateIndex.build([entry_from_record(person("x", "1", "Mohammad Ali Zadeh"))])
    assert row_index.affected(common).tolist() == []
    # the rare surname alone carries most of the weight
    rare = CandidateIndex.build([entry_from_record(person("x", "2", "Hassani Karim"))])
    assert row_index.affected(rare).tolist() == [1]
    # a typo of it reaches the row through its neighbour
    typo = CandidateIndex.build([entry_from_record(person("x", "3", "Hasani Mohammad Ali"))])
    assert row_index.affected(typo).tolist() == [1]
    # without pinned weights every key reaches its rows
    loose = _index(rows, None)
    assert loose.affected(common).tolist() == [1]


def test_an_identifier_always_reaches_its_row() -> None:
    rows = [(5, RowData("Nobody Known", "Organization", id_numbers=("1027700132195",)))]
    pins = Rarity({"nobody": 9.0, "known": 9.0})
    row_index = _index(rows, pins.pinned)
    listing = person("x", "1", "Somebody Else")
    listing.identifiers.append(Identifier("Registration Number", "1027700132195"))
    assert row_index.affected(CandidateIndex.build([entry_from_record(listing)])).tolist() == [5]


def test_common_tokens_no_longer_reach_every_row(store: Store) -> None:
    with _monitored(store) as (monitor, info, pinned):
        assert pinned["mohamad"] < pinned["hasani"]
        # more listings of the common tokens (their document frequency and the
        # number of listings move): no row is screened again, and nothing differs
        more = [
            person("us_ofac_sdn", str(300 + i), f"Mohammad Other{i} Ali", programs=("IRAN",))
            for i in range(20)
        ]
        publish(store, "us_ofac_sdn", [*BASE, *FILLERS, *more], "2022-02-02")
        ensure_index(store)
        step = monitor.advance("p")
        assert step.candidate_rows == 0, step.to_dict()
        assert monitor.stored_alerts("p") == monitor.full_alerts("p")
        assert monitor.portfolios.rarity(info.id) == pinned  # weights stay pinned
        # a listing of a row's rare name reaches that row
        publish(
            store,
            "us_ofac_sdn",
            [*BASE, *FILLERS, *more, person("us_ofac_sdn", "999", "Mohammad Ali Hassani")],
            "2022-02-03",
        )
        ensure_index(store)
        step = monitor.advance("p")
        assert step.candidate_rows >= 1
        assert [e.row_id for e in monitor.portfolios.events("p")] == ["m1"]
        assert monitor.stored_alerts("p") == monitor.full_alerts("p")


def test_recalibrating_pins_the_weights_anew(tmp_path: Path) -> None:
    with PortfolioStore(tmp_path) as ps:
        pid = ps.create_portfolio("p", 0.8, None)
        ps.apply(pid, "p", Changes(rarity={"ivan": 3.5, "llc": 0.4}))
        ps.apply(pid, "p", Changes(rarity={"ivan": 9.9}))  # a pinned weight stays
        assert ps.rarity(pid) == {"ivan": 3.5, "llc": 0.4}
        ps.set_stats(pid, {"x": 1})
        assert ps.rarity(pid) == {}


def test_candidate_sets_keep_unchanged_rows_and_replace_changed_ones(tmp_path: Path) -> None:
    path = tmp_path / "sets.npz"
    CandidateSets({3: ("a:1", "a:2"), 1: ("a:2",), 7: ()}).save(path)
    sets = CandidateSets.load(path)
    assert [sets.get(pk) for pk in (1, 3, 7, 9)] == [("a:2",), ("a:1", "a:2"), (), None]
    sets.update({3: ("b:1",), 5: ("a:1", "b:2")})
    sets.drop([1])
    sets.save(path)
    again = CandidateSets.load(path)
    assert [again.get(pk) for pk in (1, 3, 5, 7)] == [None, ("b:1",), ("a:1", "b:2"), ()]


def test_pinned_weights_do_not_depend_on_which_row_meets_a_token_first(store: Store) -> None:
    # "lit" is not on the lists: the index weighs it by the keys its reading brings,
    # and the Arabic ليث brings the Latin spellings of the name (laith, leith …)
    laith = [
        person("us_ofac_sdn", str(500 + i), n)
        for i, n in enumerate(["Laith Ahmad", "Leith Hassan", "Lait Omar"])
    ]
    publish(store, "us_ofac_sdn", [*BASE, *laith], "2022-02-01")
    index = ensure_index(store)
    rows = [("a", RowData("ليث أروى", "Person")), ("b", RowData("Lith Petrov", "Person"))]
    with Monitor(store, workers=1, decisions=False) as monitor:
        monitor.add("ab", rows)
        monitor.add("ba", rows[::-1])
        pinned = [
            monitor.portfolios.rarity(monitor.portfolios.portfolio(n).id) for n in ("ab", "ba")
        ]
    assert pinned[0] == pinned[1]
    assert pinned[0]["lit"] == text_rarity(index)("lit")
    assert pinned[0]["lit"] == Rarity(None, text_rarity(index))("lit", 0.0)


def test_the_row_index_file_is_mapped_and_reaches_the_same_rows(tmp_path: Path) -> None:
    rows = [
        (1, RowData("Mohammad Ali Hassani", "Person")),
        (2**33, RowData("Marta Ilonen", "Person")),  # (a row key past four bytes)
        (7, RowData("Nobody Known", "Organization", id_numbers=("1027700132195",))),
    ]
    built = _index(rows, None)
    built.save(tmp_path / "rows.idx")
    mapped = RowIndex.load(tmp_path / "rows.idx")
    assert isinstance(mapped.ids, np.memmap) and mapped.ids.dtype == np.int64
    small = _index(rows[:1], None)
    assert small.ids.dtype == np.uint32
    small.save(tmp_path / "small.idx")
    assert RowIndex.load(tmp_path / "small.idx").ids.dtype == np.uint32
    for listing in ("Hassani Karim", "Marta Ilonen", "Somebody Else"):
        delta = CandidateIndex.build([entry_from_record(person("x", "1", listing))])
        assert mapped.affected(delta).tolist() == built.affected(delta).tolist()
    assert mapped.vocab.tolist() == built.vocab.tolist()
    empty = _index([], None)
    empty.save(tmp_path / "empty.idx")
    assert len(RowIndex.load(tmp_path / "empty.idx")) == 0
    (tmp_path / "bad.idx").write_bytes(b"PK\x03\x04 an npz")
    with pytest.raises(ValueError, match="not a row index"):
        RowIndex.load(tmp_path / "bad.idx")


def test_a_portfolio_without_pinned_weights_is_pinned_on_its_next_step(store: Store) -> None:
    with _monitored(store) as (monitor, info, pinned):
        # as a portfolio of a version before the pins: none
        monitor.portfolios.set_stats(info.id, monitor.portfolios.stats(info.id))
        assert monitor.portfolios.rarity(info.id) == {}
        added = person("us_ofac_sdn", "999", "Mohammad Ali Hassani")
        publish(store, "us_ofac_sdn", [*BASE, *FILLERS, added], "2022-02-03")
        ensure_index(store)
        monitor.advance("p")
        assert monitor.portfolios.rarity(info.id).keys() >= pinned.keys()
        assert monitor.stored_alerts("p") == monitor.full_alerts("p")
        assert [(e.type, e.row_id) for e in monitor.portfolios.events("p")] == [("new_hit", "m1")]
        # pinned now: a listing sharing only common tokens with rows reaches none
        other = person("us_ofac_sdn", "998", "Mohammad Other Ali")
        publish(store, "us_ofac_sdn", [*BASE, *FILLERS, added, other], "2022-02-04")
        ensure_index(store)
        assert monitor.advance("p").candidate_rows == 0
        assert monitor.stored_alerts("p") == monitor.full_alerts("p")
