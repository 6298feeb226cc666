"""The candidate index: building, caching on disk, and what retrieval finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.index.fixture_store import fill, fixture_records
from thaw.index import (
    CandidateIndex,
    ensure_index,
    entry_from_record,
    fingerprint,
    index_path,
    load_index,
    save_index,
)
from thaw.index.storage import index_dir
from thaw.model import Name, Record
from thaw.store import Store


@pytest.fixture(scope="module")
def index() -> CandidateIndex:
    return CandidateIndex.build(entry_from_record(r) for r in fixture_records())


def keys(index: CandidateIndex, name: str, **kw: object) -> list[str]:
    return [index.listing_keys[c.position] for c in index.candidates(name, **kw)]  # type: ignore[arg-type]


def test_round_trip_through_the_store_cache(store: Store) -> None:
    fill(store, fixture_records())
    built = ensure_index(store)
    path = index_path(store)
    assert path.is_file() and path.parent == index_dir(store.home)
    assert path.name.startswith(fingerprint(store))
    loaded = load_index(path)
    assert list(loaded.listing_keys) == list(built.listing_keys)
    assert len(loaded) == len(fixture_records())
    expected = {r.key: entry_from_record(r) for r in fixture_records()}
    for entry in loaded.entries():
        assert entry == expected[entry.key]
    for query in ("Kirill Dmitriev", "Banco Nacional de Cuba", "Ocean Princess"):
        assert keys(loaded, query) == keys(built, query)
    # a second call loads the cached file instead of rebuilding
    mtime = path.stat().st_mtime_ns
    again = ensure_index(store)
    assert path.stat().st_mtime_ns == mtime
    assert list(again.listing_keys) == list(built.listing_keys)


def test_new_publication_rebuilds_and_removes_the_stale_file(store: Store) -> None:
    records = fixture_records()
    fill(store, records)
    first = index_path(store)
    ensure_index(store)
    extra = Record("us_ofac_sdn", "77777", "Person", names=[Name("Zebulon Quaxley")])
    us = [r for r in records if r.source == "us_ofac_sdn"] + [extra]
    store.add_publication(
        source="us_ofac_sdn",
        format="test",
        published="2024-02-01",
        date_basis="given",
        sha256="next",
        files=["fixture"],
        records=us,
        activate=True,
    )
    second = index_path(store)
    assert second != first
    index = ensure_index(store)
    assert second.is_file() and not first.exists()
    assert keys(index, "Zebulon Quaxley")[0] == "us_ofac_sdn:77777"


def test_unreadable_cache_is_rebuilt(store: Store) -> None:
    fill(store, fixture_records())
    path = index_path(store)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not an index")
    with pytest.raises(ValueError):
        load_index(path)
    index = ensure_index(store)
    assert len(index) == len(fixture_records())
    assert load_index(path).listing_keys == index.listing_keys


def test_save_and_load_explicit_path(tmp_path: Path, index: CandidateIndex) -> None:
    path = tmp_path / "x" / "index.pickle"
    save_index(index, path)
    loaded = load_index(path)
    assert keys(loaded, "Kiril Dmitriev") == keys(index, "Kiril Dmitriev")


def test_empty_index(tmp_path: Path) -> None:
    index = CandidateIndex.build([])
    assert len(index) == 0
    assert index.candidates("Kirill Dmitriev") == []
    save_index(index, tmp_path / "empty.pickle")
    assert len(load_index(tmp_path / "empty.pickle")) == 0


@pytest.mark.parametrize(
    "query",
    [
        "Kirill Dmitriev",
        "Dmitriev Kirill",  # reordered
        "Dmitriev Kirill Aleksandrovich",
        "Kiril Dmitriev",  # one letter dropped
        "Kirill Dmitreiv",  # transposition
        "Kirill Dmitrijev",  # another romanisation / substitution
        "KIRILL  DMITRIEV",
    ],
)
def test_typos_and_reordering_find_the_listing(index: CandidateIndex, query: str) -> None:
    found = keys(index, query, schema="Person")
    assert found[:3] and {"us_ofac_sdn:34336", "uk_hmt_ofsi:14200"} & set(found[:3])


def test_split_and_joined_spellings_meet(index: CandidateIndex) -> None:
    assert keys(index, "Abdulrahman Yasin")[0] == "un_sc:QDi.900"
    assert keys(index, "Jean Pierre Bemba")[0] == "un_sc:CDi.900"


def test_rare_tokens_outrank_common_ones(index: CandidateIndex) -> None:
    found = keys(index, "Kirill Petrov")
    assert found[0] == "us_ofac_sdn:20001"
    found_all = index.candidates("Kirill Petrov")
    coverage = {index.listing_keys[c.position]: c.coverage for c in found_all}
    assert coverage["us_ofac_sdn:20001"] == pytest.approx(1.0)


def test_schema_restricts_candidates(index: CandidateIndex) -> None:
    vessels = keys(index, "Princess", schema="Vessel")
    assert set(vessels) == {"us_ofac_sdn:9001", "us_ofac_sdn:9002"}
    people = keys(index, "Ocean Princess", schema="Person")
    assert not {"us_ofac_sdn:9001", "us_ofac_sdn:9002"} & set(people)
    # a LegalEntity listing (kind unknown) is a candidate for a company query
    assert "us_ofac_sdn:306" in keys(index, "Banco Nacional de Cuba", schema="Company")
    with pytest.raises(ValueError):
        index.candidates("x", schema="Dog")


def test_identifier_numbers_add_candidates(index: CandidateIndex) -> None:
    found = keys(index, "Totally Different Name", id_numbers=["IMO9123456"])
    assert found == ["us_ofac_sdn:9001"]
    best = index.candidates("Princess", id_numbers=["9123456"])[0]
    assert index.listing_keys[best.position] == "us_ofac_sdn:9001" and best.coverage > 1.0


def test_unrelated_names_give_no_candidates(index: CandidateIndex) -> None:
    assert index.candidates("Xqzvt Wplmk") == []
    assert index.candidates("") == []


def test_limit_and_order(index: CandidateIndex) -> None:
    found = index.candidates("Kirill Dmitriev", limit=2)
    assert len(found) == 2
    assert found[0].coverage >= found[1].coverage


def test_typo_neighbours(index: CandidateIndex) -> None:
    texts = {index_text for index_text, *_ in _neighbour_texts(index, "dmitreiv")}
    assert "dmitriev" in texts
    assert index.neighbours("abc") == ()  # too short to match loosely


def _neighbour_texts(index: CandidateIndex, text: str) -> list[tuple[str, float]]:
    slots = {slot: key[2:] for key, slot in index._slots.items() if key.startswith("t:")}
    return [(slots[slot], sim) for slot, sim, _df in index.neighbours(text)]


def test_entries_decode_lazily_and_warm(index: CandidateIndex) -> None:
    position = index.position("un_sc:QDi.901")
    assert position is not None
    assert index.entry(position).caption == "MOHAMMED ALI HASSAN AL-SAYED"
    index.warm()
    assert all(e is not None for e in index._entries)
    assert index.position("nope:1") is None


def _index_of(*names: tuple[str, str, str]) -> CandidateIndex:
    records = [
        Record(source="un_sc", source_id=sid, schema=schema, names=[Name(name)])
        for sid, name, schema in names
    ]
    return CandidateIndex.build(entry_from_record(r) for r in records)


def test_vowel_variants_meet_by_their_consonants() -> None:
    index = _index_of(
        ("1", "Andrey Viktorovich VOROBYOV", "Person"),
        ("2", "Sergey Vladimirovich ELISEEV", "Person"),
    )
    assert keys(index, "Vorobev", schema="Person") == ["un_sc:1"]
    assert keys(index, "Yeliseyev", schema="Person") == ["un_sc:2"]


def test_short_abjad_skeletons_do_not_join_latin_words() -> None:
    # "Tonya" and "Centre" share the abjad skeleton "tn", "Bryan" and "Oboroni"
    # "brn"; no matcher would align them, so they must not make a candidate
    index = _index_of(
        ("1", "State Centre for Unmanned Aviation", "LegalEntity"),
        ("2", "Ministerstva Oboroni", "LegalEntity"),
    )
    assert keys(index, "Tonya Bryan Perez", schema="Person") == []
    # while a name written in Arabic script still meets the Latin spelling
    arabic = _index_of(("1", "Mansur AL-SAADI", "Person"))
    assert keys(arabic, "منصور السعادي", schema="Person") == ["un_sc:1"]
