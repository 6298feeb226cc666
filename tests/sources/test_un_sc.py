"""The UN Security Council consolidated.xml reader: mapping, errors, real publications."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from thaw.model import Record
from thaw.sources import SourceError, detect, plan
from thaw.sources.un_sc import UNConsolidatedReader
from thaw.store import LoadError, Store, load

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "un_sc" / "consolidated.xml"


def read(path: Path) -> dict[str, Record]:
    pub = UNConsolidatedReader().read(path, {})
    return {r.source_id: r for r in pub.records}


def manifest_counts(lists_dir: Path) -> dict[str, int]:
    """UN record counts from MANIFEST.md: ``{"2026-02-27": 1003, …}``."""
    text = (lists_dir / "MANIFEST.md").read_text(encoding="utf-8")
    row = r"\| un_sc/(\d{4}-\d{2}-\d{2})/consolidated\.xml \|[^\n]*?\| (\d+) \(\d+ individuals"
    rows = re.findall(row, text)
    return {date: int(count) for date, count in rows}


def test_detection() -> None:
    assert detect(FIXTURE) is UNConsolidatedReader
    assert not UNConsolidatedReader.sniff("consolidated.xml", b'<?xml version="1.0"?><sdnList>')


def test_individual_mapping() -> None:
    pub = UNConsolidatedReader().read(FIXTURE, {})
    assert pub.info.published == "2026-02-27" and pub.info.format == "xml"
    records = {r.source_id: r for r in pub.records}
    assert list(records) == ["QDi.001", "CDi.030", "KPi.999", "CDe.001"]

    rec = records["QDi.001"]
    assert rec.schema == "Person" and rec.source == "un_sc"
    assert rec.caption == "MOHAMMED SALAHALDIN ABD EL HALIM ZIDANE"
    assert rec.names[0].parts == {
        "name1": "MOHAMMED",
        "name2": "SALAHALDIN",
        "name3": "ABD EL HALIM",
        "name4": "ZIDANE",
    }
    kinds = {n.value: n.kind for n in rec.names}
    assert kinds["محمد صلاح الدين عبدالحليم زيدان"] == "original"
    assert kinds["Sayf-Al Adl"] == "alias"
    assert kinds["Seif al Adel"] == "weak"
    assert rec.birth_dates == ["1963-04-11", "1960-04-11"]
    assert rec.birth_places == ["Monufia Governate, Egypt"]
    assert rec.nationalities == ["eg"]
    assert rec.programs == ["Al-Qaida"]
    assert rec.listed_on == "2001-01-25"
    assert rec.remarks[0].startswith("Responsible for Usama bin Laden")
    assert "Sayf-Al Adl: DOB: 11 Apr. 1963. POB: Monufia Governorate, Egypt." in rec.remarks
    assert rec.addresses == []  # an empty <INDIVIDUAL_ADDRESS> is no address
    assert rec.extra == {"dataid": "113219", "last_updated": "2022-11-08"}


def test_dates_documents_and_links() -> None:
    records = read(FIXTURE)
    bosco = records["CDi.030"]
    assert bosco.birth_dates == ["1973", "1974"]  # BETWEEN 1973 and 1974
    assert bosco.gender == "male"
    assert bosco.addresses[0].full == "Belgium" and bosco.addresses[0].country == "be"
    assert "Address Belgium: As of 14 December 2022" in bosco.remarks
    assert [(lk.relation, lk.source, lk.source_id) for lk in bosco.links] == [
        ("linked_to", "un_sc", "CDe.001")
    ]

    test = records["KPi.999"]
    assert test.gender == "female"
    assert test.titles == ["Dr."]
    assert test.positions == ["Representative of Example Trading", "Bank official"]
    assert test.nationalities == ["kp"]
    assert test.birth_dates == ["1968", "1970-01-25"]  # approximate year, alias DOB
    assert test.birth_estimates == ["1968"]
    assert "Date of birth approximately 1968" in test.remarks
    assert test.birth_places == ["Pyongyang, Democratic People's Republic of Korea"]
    passport, national = test.identifiers
    assert (passport.kind, passport.number, passport.country) == ("passport", "PS000000001", "kp")
    assert passport.note == "issued 2011-12-07; expires 2016-12-07"
    assert (national.kind, national.number) == ("national_id", "000000002")
    address = test.addresses[0]
    assert address.full == "1 Example Street, Beijing, 100000, China"
    assert (address.country, address.city, address.postal_code) == ("cn", "Beijing", "100000")
    assert test.countries == ["cn"]


def test_entity_mapping() -> None:
    adf = read(FIXTURE)["CDe.001"]
    assert adf.schema == "Organization" and adf.caption == "ADF"
    assert [(n.value, n.kind) for n in adf.names] == [
        ("ADF", "primary"),
        ("Allied Democratic Forces", "alias"),
        ("ADF/NALU", "former"),
    ]
    assert adf.addresses[0].full == "North Kivu, Democratic Republic of the Congo"
    assert adf.addresses[0].country == "cd"
    assert [lk.source_id for lk in adf.links] == ["CDi.015"]
    assert [(i.kind, i.number) for i in adf.identifiers] == [("imo", "1234567")]


def test_numeric_list_type_falls_back_to_reference_prefix(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "<UN_LIST_TYPE>DRC</UN_LIST_TYPE>\n      <REFERENCE_NUMBER>CDi.030",
        "<UN_LIST_TYPE>26532022</UN_LIST_TYPE>\n      <REFERENCE_NUMBER>HTi.030",
    )
    path = tmp_path / "consolidated.xml"
    path.write_text(text, encoding="utf-8")
    rec = read(path)["HTi.030"]
    assert rec.programs == ["Haiti"] and rec.extra["un_list_type"] == "26532022"


def test_truncated_file_names_the_line(tmp_path: Path) -> None:
    data = FIXTURE.read_bytes()
    path = tmp_path / "consolidated.xml"
    path.write_bytes(data[: len(data) // 2])
    pub = UNConsolidatedReader().read(path, {})
    with pytest.raises(SourceError, match=r"consolidated\.xml:line \d+: malformed XML") as err:
        list(pub.records)
    assert err.value.location and err.value.location.startswith("line ")


def test_empty_and_foreign_files(tmp_path: Path) -> None:
    empty = tmp_path / "consolidated.xml"
    empty.write_bytes(b"")
    with pytest.raises(SourceError, match="empty") as err:
        UNConsolidatedReader().read(empty, {})
    assert err.value.location == "line 1"
    other = tmp_path / "other.xml"
    other.write_bytes(b'<?xml version="1.0"?><sdnList></sdnList>')
    with pytest.raises(SourceError, match="not a UN consolidated list"):
        UNConsolidatedReader().read(other, {})


def test_listing_without_reference_number(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "<REFERENCE_NUMBER>CDi.030</REFERENCE_NUMBER>", "<REFERENCE_NUMBER/>"
    )
    path = tmp_path / "consolidated.xml"
    path.write_text(text, encoding="utf-8")
    pub = UNConsolidatedReader().read(path, {})
    with pytest.raises(SourceError, match="without REFERENCE_NUMBER") as err:
        list(pub.records)
    line = text[: text.index("<REFERENCE_NUMBER/>")].count("\n")
    assert err.value.location is not None
    assert 0 < int(err.value.location.split()[1]) <= line + 1


def test_loads_into_store_with_in_file_date(store: Store) -> None:
    result = load(store, plan([FIXTURE])[0])
    assert result.status == "loaded"
    publication = result.publication
    assert (publication.published, publication.date_basis) == ("2026-02-27", "in-file")
    assert result.publication.record_count == 4


def test_store_refuses_truncated_file(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "consolidated.xml"
    path.write_bytes(FIXTURE.read_bytes()[:3000])
    with pytest.raises(LoadError, match="malformed XML"):
        load(store, plan([path])[0])
    assert store.publications("un_sc") == []


# -- the real publications -------------------------------------------------------------


@pytest.mark.realdata
def test_every_real_publication_matches_the_manifest(lists_dir: Path) -> None:
    counts = manifest_counts(lists_dir)
    files = sorted((lists_dir / "un_sc").glob("*/consolidated.xml"))
    assert len(files) == 8 and len(counts) == 8
    for path in files:
        assert detect(path) is UNConsolidatedReader
        pub = UNConsolidatedReader().read(path, {})
        records = list(pub.records)
        date = path.parent.name
        assert pub.info.published == date, path
        assert len(records) == counts[date], path
        assert len({r.source_id for r in records}) == len(records)
        assert all(r.names and r.programs for r in records)


@pytest.mark.realdata
def test_real_2026_publication(lists_dir: Path) -> None:
    records = read(lists_dir / "un_sc" / "2026-02-27" / "consolidated.xml")
    assert len(records) == 1003
    assert sum(r.schema == "Person" for r in records.values()) == 730
    rec = records["QDi.001"]
    assert rec.caption == "MOHAMMED SALAHALDIN ABD EL HALIM ZIDANE"
    assert rec.nationalities == ["eg"] and rec.programs == ["Al-Qaida"]
    assert "QDe.001" in records
    assert records["QDe.001"].schema == "Organization"
