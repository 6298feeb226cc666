"""OFAC XML formats: legacy SDN.XML/consolidated.xml, Enhanced and Advanced XML."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from thaw.model import Record
from thaw.sources import SourceError, detect, plan
from thaw.sources.ofac_advanced import OfacConsAdvancedReader, OfacSdnAdvancedReader
from thaw.sources.ofac_enhanced import OfacConsEnhancedReader, OfacSdnEnhancedReader, period
from thaw.sources.ofac_xml import OfacConsXmlReader, OfacSdnXmlReader

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ofac"
LEGACY = FIXTURES / "SDN.XML"
ENHANCED = FIXTURES / "SDN_ENHANCED.XML"
ADVANCED = FIXTURES / "SDN_ADVANCED.XML"
NEW_NS = b"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML"


def _records(path: Path, source: str | None = None) -> dict[str, Record]:
    [job] = plan([path], source=source)
    return {r.source_id: r for r in job.open().records}


def _copy(tmp_path: Path, src: Path, name: str, data: bytes | None = None) -> Path:
    path = tmp_path / name
    path.write_bytes(src.read_bytes() if data is None else data)
    return path


# -- legacy XML --------------------------------------------------------------------


def test_legacy_xml() -> None:
    [job] = plan([LEGACY])
    assert job.reader is OfacSdnXmlReader
    pub = job.open()
    records = {r.source_id: r for r in pub.records}
    assert len(records) == 5
    assert pub.info.published == "2024-05-03"
    assert pub.info.declared_count == 5  # the excerpt declares its own count
    assert not any("Record_Count" in n for n in pub.info.notes)

    bank = records["306"]
    assert [(n.value, n.kind) for n in bank.names] == [
        ("BANCO NACIONAL DE CUBA", "primary"),
        ("BNC", "weak"),
        ("NATIONAL BANK OF CUBA", "alias"),
    ]
    assert bank.addresses[0].postal_code == "CH-8022" and bank.addresses[0].country == "ch"

    vessel = records["15038"]
    assert vessel.schema == "Vessel" and vessel.countries == ["ir"]
    assert {(i.kind, i.number) for i in vessel.identifiers} == {
        ("imo", "9187667"),
        ("mmsi", "256843000"),
        ("call_sign", "T2EM4"),
    }
    assert vessel.extra["former_vessel_flag"] == "Malta"
    assert vessel.links[0].source_id == "15117"

    dmitriev = records["34336"]
    assert dmitriev.names[0].value == "DMITRIEV, Kirill Aleksandrovich"
    assert dmitriev.names[0].parts == {"last": "DMITRIEV", "first": "Kirill Aleksandrovich"}
    assert (dmitriev.birth_dates, dmitriev.birth_places) == (["1975-04-12"], ["Kyiv, Ukraine"])
    assert (dmitriev.nationalities, dmitriev.gender) == (["ru"], "male")
    assert [(i.kind, i.number, i.country) for i in dmitriev.identifiers] == [
        ("tax_id", "773013083324", "ru")
    ]

    popova = records["38166"]
    assert popova.titles == ["Supervisory Board Member"]
    assert popova.citizenships == ["ru"]
    assert popova.birth_dates == ["1981-07-28", "1984"]
    assert popova.birth_estimates == ["1984"]  # "circa 1984"
    assert ("DMITRIEVA, Natalya", "former") in [(n.value, n.kind) for n in popova.names]
    assert popova.identifiers[0].note == "issued 2016-10-20; expires 2026-10-20"
    assert (popova.identifiers[1].kind, popova.identifiers[1].label) == (
        "other",
        "Some Future Document No.",
    )
    assert [(link.relation, link.source_id) for link in popova.links] == [("linked_to", "34336")]

    nitc = records["15117"]
    # the registry court is a remark of the number (thaw.sources.numbers)
    assert (nitc.identifiers[0].number, nitc.identifiers[0].note) == ("HRB 14604", "Hamburg")
    assert nitc.extra == {"website": "www.nitc.co.ir"}
    assert "All offices worldwide" in nitc.remarks


@pytest.mark.parametrize(
    "namespace", [b"http://tempuri.org/sdnList.xsd", b"urn:some:future:namespace", None]
)
def test_legacy_xml_any_namespace(tmp_path: Path, namespace: bytes | None) -> None:
    data = LEGACY.read_bytes()
    old = b' xmlns="' + NEW_NS + b'"'
    data = data.replace(old, b' xmlns="' + namespace + b'"' if namespace else b"")
    path = _copy(tmp_path, LEGACY, "sdn.xml", data)
    records = _records(path)
    assert len(records) == 5 and records["34336"].birth_dates == ["1975-04-12"]


def test_legacy_xml_consolidated_by_name_and_zipped(tmp_path: Path) -> None:
    path = _copy(tmp_path, LEGACY, "consolidated.xml")
    assert detect(path) is OfacConsXmlReader
    assert {r.source for r in _records(path).values()} == {"us_ofac_cons"}
    archive = tmp_path / "sdn.xml.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(LEGACY, "sdn.xml")
    assert detect(archive) is OfacSdnXmlReader
    assert len(_records(archive)) == 5
    neutral = _copy(tmp_path, LEGACY, "list.xml")
    assert detect(neutral) is OfacSdnXmlReader
    assert detect(neutral, source="us_ofac_cons") is OfacConsXmlReader


# -- Enhanced XML ------------------------------------------------------------------


def test_enhanced_xml() -> None:
    [job] = plan([ENHANCED])
    assert job.reader is OfacSdnEnhancedReader
    pub = job.open()
    records = {r.source_id: r for r in pub.records}
    assert set(records) == {"34336", "34036", "38166", "15038"}
    assert pub.info.published == "2024-05-03" and pub.info.format == "enhanced_xml"
    assert any("reliability 'False'" in note for note in pub.info.notes)

    dmitriev = records["34336"]
    assert [(n.value, n.kind, n.script) for n in dmitriev.names] == [
        ("DMITRIEV, Kirill Aleksandrovich", "primary", None),
        ("ДМИТРИЕВ, Кирилл Александрович", "original", "Cyrl"),
    ]
    assert dmitriev.listed_on == "2022-02-28"
    assert (dmitriev.birth_dates, dmitriev.nationalities, dmitriev.gender) == (
        ["1975-04-12"],
        ["ru"],
        "male",
    )
    assert [(i.kind, i.number, i.country) for i in dmitriev.identifiers] == [
        ("tax_id", "773013083324", "ru")
    ]

    rdif = records["34036"]
    assert ("RDIF", "weak") in [(n.value, n.kind) for n in rdif.names]
    assert rdif.extra["organization_established_date"] == "2011-06-01"
    assert rdif.addresses[0].full == "7 Bolshaya Yakimanka ul., Moscow, 119180, Russia"

    popova = records["38166"]
    assert popova.names[0].parts == {
        "last": "POPOVA",
        "first": "Natalya",
        "patronymic": "Valeryevna",
    }
    assert popova.birth_dates == ["1981-07-28", "1984"]  # the "False" 1980 is skipped
    assert popova.birth_estimates == ["1984"]
    assert popova.identifiers[0].note == "issued 2016-10-20; expires 2026-10-20"
    assert [(lk.relation, lk.source, lk.source_id) for lk in popova.links] == [
        ("associate", "us_ofac_sdn", "34336")
    ]

    vessel = records["15038"]
    assert vessel.schema == "Vessel" and vessel.countries == ["ir"]
    assert {(i.kind, i.number) for i in vessel.identifiers} == {
        ("call_sign", "T2EM4"),
        ("imo", "9187667"),
    }
    # the owner is not in this file: OFAC ids are shared, so it is on the other list
    assert [(lk.relation, lk.source, lk.source_id) for lk in vessel.links] == [
        ("owned_by", "us_ofac_cons", "15117")
    ]


def test_enhanced_list_from_filter_not_name(tmp_path: Path) -> None:
    cons = ENHANCED.read_bytes().replace(
        b'<sanctionsList refId="1550">SDN List</sanctionsList>',
        b'<sanctionsList refId="91512">Consolidated List</sanctionsList>',
        1,
    )
    path = _copy(tmp_path, ENHANCED, "export.xml", cons)
    assert detect(path) is OfacConsEnhancedReader
    archive = tmp_path / "CONS_ENHANCED.ZIP"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(path, "CONS_ENHANCED.XML")
    assert detect(archive) is OfacConsEnhancedReader
    records = _records(archive)
    assert {r.source for r in records.values()} == {"us_ofac_cons"}
    # the owner (15117) is absent from this consolidated file: it is on the SDN list
    assert records["15038"].links[0].source == "us_ofac_sdn"
    with pytest.raises(SourceError, match="not a recognised"):
        detect(path, source="us_ofac_sdn")


def test_period() -> None:
    assert period("1962-01-01", "1962-12-31") == ["1962"]
    assert period("1975-04-12", "1975-04-12") == ["1975-04-12"]
    assert period("1975-04-01", "1975-04-30") == ["1975-04"]
    assert period("1958-01-01", "1960-12-31") == ["1958", "1959", "1960"]
    assert period("1958-03-01", "1960-05-31") == ["1958-03-01", "1960-05-31"]
    assert period(None, "1960-05-31") == ["1960-05-31"]


# -- Advanced XML ------------------------------------------------------------------


def test_advanced_xml() -> None:
    [job] = plan([ADVANCED])
    assert job.reader is OfacSdnAdvancedReader
    pub = job.open()
    records = {r.source_id: r for r in pub.records}
    assert len(records) == 7
    assert pub.info.published == "2024-05-03" and pub.info.format == "advanced_xml"

    dmitriev = records["34336"]
    assert dmitriev.schema == "Person"
    assert [(n.value, n.kind, n.script) for n in dmitriev.names] == [
        ("DMITRIEV, Kirill Aleksandrovich", "primary", None),
        ("ДМИТРИЕВ, Кирилл Александрович", "original", "Cyrl"),
    ]
    assert dmitriev.names[0].parts == {
        "last": "DMITRIEV",
        "first": "Kirill",
        "middle": "Aleksandrovich",
    }
    assert dmitriev.birth_dates == ["1975-04-12"]
    assert dmitriev.birth_places == ["Kyiv, Ukraine"]
    assert (dmitriev.nationalities, dmitriev.gender) == (["ru"], "male")
    assert [(i.kind, i.number, i.country) for i in dmitriev.identifiers] == [
        ("tax_id", "773013083324", "ru")
    ]
    assert dmitriev.programs == ["RUSSIA-EO14024"]
    assert dmitriev.listed_on == "2022-02-28"
    assert dmitriev.extra["sanctions_types"] == "Block"
    assert dmitriev.extra["legal_authorities"] == "Executive Order 14024 (Russia)"

    rdif = records["34036"]
    assert rdif.schema == "Organization"
    assert [(n.value, n.kind) for n in rdif.names] == [
        ("RUSSIAN DIRECT INVESTMENT FUND", "primary"),
        ("RDIF", "weak"),
    ]
    assert rdif.extra["website"] == "www.rdif.ru; www.investinrussia.com"
    assert rdif.extra["organization_established_date"] == "2011-06-01"
    assert rdif.extra["target_type"] == "Government Entity"
    assert rdif.extra["listing_date_eo_14024_directive_2"] == "2022-02-24"
    assert rdif.addresses[0].city == "Moscow" and rdif.countries == ["ru"]
    assert [(lk.relation, lk.source, lk.source_id) for lk in rdif.links] == [
        ("owned_by", "us_ofac_cons", "17260")
    ]

    popova = records["38166"]
    assert popova.birth_dates == ["1981-07-28", "1984"]  # reliability "False" 1980 skipped
    assert popova.birth_estimates == ["1984"]
    assert popova.gender == "female"
    passport, national = popova.identifiers
    assert (passport.kind, passport.number, passport.country, passport.note) == (
        "passport",
        "753835603",
        "ru",
        "issued 2016-10-20; expires 2026-10-20",
    )
    assert national.kind == "national_id"
    assert ("DMITRIEVA, Natalya", "former") in [(n.value, n.kind) for n in popova.names]
    assert popova.remarks == ["Supervisory board member"]
    assert [(lk.relation, lk.source_id, lk.name) for lk in popova.links] == [
        ("associate", "34336", "DMITRIEV, Kirill Aleksandrovich")
    ]

    vessel = records["15038"]
    assert vessel.schema == "Vessel" and vessel.countries == ["ir"]
    assert {(i.kind, i.number) for i in vessel.identifiers} == {
        ("call_sign", "T2EM4"),
        ("imo", "9187667"),
        ("mmsi", "256843000"),
    }
    assert vessel.extra["vessel_type"] == "Crude/Oil Products Tanker"
    assert vessel.extra["former_vessel_flag"] == "Malta"
    assert vessel.extra["tonnage"] == "99,094"
    assert [(lk.relation, lk.source, lk.source_id) for lk in vessel.links] == [
        ("owned_by", "us_ofac_sdn", "15117")
    ]

    nitc = records["15117"]
    assert nitc.programs == ["IRAN", "SDGT"] and nitc.listed_on == "2012-07-12"
    assert nitc.countries == ["ir"]  # from the location's area code

    aircraft = records["15436"]
    assert aircraft.schema == "Aircraft"
    assert [(i.kind, i.number) for i in aircraft.identifiers] == [("aircraft_serial", "838")]
    assert aircraft.extra["aircraft_manufacture_date"] == "2002-08-28"
    assert aircraft.links[0].relation == "aircraft_operator"

    crypto = records["50001"]
    assert [(i.kind, i.label) for i in crypto.identifiers] == [
        ("crypto", "Digital Currency Address - XBT"),
        ("crypto", "Digital Currency Address - ETH"),
        ("registration", "Registration Number"),
    ]
    assert crypto.identifiers[2].note == "DMCC Authority; Dubai Multi Commodities Centre"
    assert ("SAMPLE CHAIN SERVICES FZE", "alias") in [(n.value, n.kind) for n in crypto.names]


def test_advanced_consolidated_by_name_and_old_namespace(tmp_path: Path) -> None:
    data = ADVANCED.read_bytes().replace(
        b"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML",
        b"http://www.un.org/sanctions/1.0",
    )
    archive = tmp_path / "CONS_ADVANCED.ZIP"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("CONS_ADVANCED.XML", data)
    assert detect(archive) is OfacConsAdvancedReader
    records = _records(archive)
    assert len(records) == 7 and {r.source for r in records.values()} == {"us_ofac_cons"}
    assert records["34036"].links[0].source == "us_ofac_sdn"


# -- bad input ---------------------------------------------------------------------


@pytest.mark.parametrize("fixture", [LEGACY, ENHANCED, ADVANCED])
def test_truncated_xml(tmp_path: Path, fixture: Path) -> None:
    data = fixture.read_bytes()
    path = _copy(tmp_path, fixture, fixture.name, data[: len(data) * 2 // 3])
    [job] = plan([path])
    with pytest.raises(SourceError, match="malformed XML") as err:
        list(job.open().records)
    assert err.value.location is not None and err.value.location.startswith("line ")


@pytest.mark.parametrize("fixture", [LEGACY, ENHANCED, ADVANCED])
def test_empty_and_hostile_xml(tmp_path: Path, fixture: Path) -> None:
    empty = _copy(tmp_path, fixture, fixture.name, b"")
    with pytest.raises(SourceError, match="empty"):
        plan([empty])
    hostile = fixture.read_bytes().replace(b"?>", b'?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>', 1)
    path = _copy(tmp_path, fixture, fixture.name, hostile)
    [job] = plan([path])
    with pytest.raises(SourceError, match="refused"):
        list(job.open().records)


def test_entry_without_id(tmp_path: Path) -> None:
    data = LEGACY.read_bytes().replace(b"<uid>306</uid>", b"", 1)
    path = _copy(tmp_path, LEGACY, "sdn.xml", data)
    with pytest.raises(SourceError, match="sdnEntry without uid") as err:
        list(OfacSdnXmlReader().read(path, {}).records)
    assert err.value.location == "line 7"
    data = ADVANCED.read_bytes().replace(b'<DistinctParty FixedRef="34336">', b"<DistinctParty>")
    data = data.replace(b'<Profile ID="34336" PartySubTypeID="4">', b'<Profile PartySubTypeID="4">')
    path = _copy(tmp_path, ADVANCED, "SDN_ADVANCED.XML", data)
    with pytest.raises(SourceError, match="without FixedRef"):
        list(OfacSdnAdvancedReader().read(path, {}).records)
    data = ENHANCED.read_bytes().replace(b'<entity id="34336">', b"<entity>")
    path = _copy(tmp_path, ENHANCED, "SDN_ENHANCED.XML", data)
    with pytest.raises(SourceError, match="entity without id"):
        list(OfacSdnEnhancedReader().read(path, {}).records)
