"""The EU Financial Sanctions Files readers: XML 1.1 and CSV 1.1 give the same records."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from thaw.model import Record
from thaw.sources import SourceError, detect, plan
from thaw.sources.eu_fsf_csv import CSV_COLUMNS, EUFinancialSanctionsCSVReader
from thaw.sources.eu_fsf_xml import EUFinancialSanctionsXMLReader, split_enumeration
from thaw.store import Store, load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "eu_fsf"
XML = FIXTURES / "xmlFullSanctionsList_1_1.xml"
CSV = FIXTURES / "csvFullSanctionsList_1_1.csv"


def read(path: Path) -> dict[str, Record]:
    pub = plan([path])[0].open()
    return {r.source_id: r for r in pub.records}


def test_detection() -> None:
    assert detect(XML) is EUFinancialSanctionsXMLReader
    assert detect(CSV) is EUFinancialSanctionsCSVReader
    assert not EUFinancialSanctionsCSVReader.sniff("x.csv", b"ent_num,SDN_Name\n")
    assert not EUFinancialSanctionsXMLReader.sniff("x.xml", b"<export><x/></export>")


def test_csv_fixture_has_the_published_header() -> None:
    with open(CSV, encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh, delimiter=";"))
    assert tuple(header) == CSV_COLUMNS
    assert len(CSV_COLUMNS) == 118
    # positions relied on by other public parsers of the same file
    assert CSV_COLUMNS.index("NameAlias_WholeName") == 19
    assert CSV_COLUMNS.index("BirthDate_BirthDate") == 54
    assert CSV_COLUMNS.index("Identification_ValidFrom") == 86


def test_publication_dates() -> None:
    assert EUFinancialSanctionsXMLReader().read(XML, {}).info.published == "2024-03-15"
    assert EUFinancialSanctionsCSVReader().read(CSV, {}).info.published == "2024-03-15"


def test_person_mapping() -> None:
    records = read(XML)
    assert list(records) == ["13", "6890", "120532", "140777"]
    saddam = records["13"]
    assert saddam.schema == "Person" and saddam.source == "eu_fsf"
    assert saddam.caption == "Saddam Hussein Al-Tikriti"
    assert saddam.names[0].parts == {"first": "Saddam", "last": "Hussein Al-Tikriti"}
    assert [(n.value, n.kind, n.lang) for n in saddam.names[1:]] == [
        ("Abu Ali", "alias", None),
        ("Abou Ali", "alias", "fra"),
    ]
    assert saddam.birth_dates == ["1937-04-28"]
    assert saddam.birth_places == ["al-Awja, near Tikrit, IRAQ"]
    assert saddam.citizenships == ["iq"] and saddam.gender == "male"
    assert saddam.programs == ["IRQ"] and saddam.listed_on == "2003-07-08"
    assert saddam.remarks == ["(UNSC RESOLUTION 1483)"]
    assert saddam.extra == {"eu_reference": "EU.27.28", "regulation": "1210/2003 (OJ L169)"}

    zidane = records["6890"]
    assert [(lk.relation, lk.source, lk.source_id) for lk in zidane.links] == [
        ("un_reference", "un_sc", "QDi.001")
    ]
    assert zidane.listed_on == "2001-01-25"  # designationDate wins over the regulation
    kinds = {n.value: (n.kind, n.lang) for n in zidane.names}
    assert kinds["Seif al Adel"] == ("weak", None)
    assert kinds["محمد صلاح الدين عبدالحليم زيدان"] == ("alias", "ara")
    assert zidane.birth_dates == ["1963-04-11", "1960-04-11"]
    assert zidane.birth_places == ["Monufia Governorate, EGYPT"]  # UNKNOWN country dropped

    colonel = records["140777"]
    assert colonel.titles == ["Colonel", "Major General"]
    assert colonel.positions == [
        "Commander of military unit 00000",
        "Deputy Head of the Regional Administration",
    ]
    assert colonel.birth_dates == ["1960", "1961", "1962"]  # year range
    assert colonel.birth_estimates == []  # a range marked circa is the estimate already
    assert "Date of birth circa 1960" in colonel.remarks
    (passport,) = colonel.identifiers
    assert (passport.kind, passport.number, passport.country) == ("passport", "750000001", "ru")
    assert passport.label == "National passport"
    assert passport.note == (
        "issued by Ministry of Internal Affairs; issued 2015-06-01; valid to 2025-06-01;"
        " known expired"
    )
    assert colonel.addresses[0].full == "Rostov-on-Don, Rostov Oblast, RUSSIAN FEDERATION"
    assert colonel.remarks[0] == (
        "Commander of a unit responsible for the shelling of civilian areas."
    )


def test_enterprise_mapping() -> None:
    rdif = read(XML)["120532"]
    assert rdif.schema == "Organization" and rdif.caption == "Russian Direct Investment Fund"
    assert [(n.value, n.lang) for n in rdif.names[1:]] == [
        ("RDIF", None),
        ("Российский фонд прямых инвестиций", "rus"),
    ]
    assert [(i.kind, i.number, i.country, i.note) for i in rdif.identifiers] == [
        ("registration", "1117799004333", "ru", "OGRN"),
        ("tax_id", "7703413614", "ru", "INN"),
    ]
    (address,) = rdif.addresses
    assert address.full == ("Presnenskaya Embankment 8, bld. 1, Moscow, 123112, RUSSIAN FEDERATION")
    assert (address.country, address.city, address.postal_code) == ("ru", "Moscow", "123112")
    assert rdif.countries == ["ru"] and rdif.programs == ["UKR"]
    assert rdif.listed_on == "2022-02-28"


def test_xml_and_csv_give_identical_records() -> None:
    from_xml = read(XML)
    from_csv = read(CSV)
    assert list(from_xml) == list(from_csv)
    for key, record in from_xml.items():
        assert record.to_dict() == from_csv[key].to_dict(), key
        assert record.content_hash() == from_csv[key].content_hash()


@pytest.mark.realdata
def test_real_sample_of_seven_entities(lists_dir: Path) -> None:
    path = lists_dir / "_samples" / "eu_fsf" / "2020-04-15" / "sample_eu_sanctions.xml"
    assert detect(path) is EUFinancialSanctionsXMLReader
    pub = EUFinancialSanctionsXMLReader().read(path, {})
    records = {r.source_id: r for r in pub.records}
    assert pub.info.published == "2020-04-15"
    assert list(records) == ["13", "20", "23", "25", "29", "33", "39"]
    assert all(r.schema == "Person" and r.programs == ["IRQ"] for r in records.values())
    # the sample's unitedNationId attributes are all empty: no UN links invented
    assert all(not r.links for r in records.values())
    assert records["13"].caption == "Saddam Hussein Al-Tikriti"
    assert records["33"].caption == "Izzat Ibrahim al-Duri"
    assert records["20"].birth_dates == ["1965", "1966"]
    assert "Deputy Commander-in-Chief of Iraqi Military" in records["33"].positions


def test_enumerations() -> None:
    assert split_enumeration("(a) Mullah, (b) Maulavi") == ["Mullah", "Maulavi"]
    assert split_enumeration("Deputy Commander,") == ["Deputy Commander"]
    assert split_enumeration("") == []


def test_loads_into_store(store: Store) -> None:
    result = load(store, plan([CSV])[0])
    assert result.publication.published == "2024-03-15"
    assert result.publication.record_count == 4
    before = {r.source_id: r.content_hash() for r in store.active_records("eu_fsf")}
    # the same publication in XML: another file, the same listings
    again = load(store, plan([XML])[0])
    assert again.status == "loaded" and again.publication.record_count == 4
    after = {r.source_id: r.content_hash() for r in store.active_records("eu_fsf")}
    assert after == before


# -- bad input ---------------------------------------------------------------------------


def test_truncated_xml(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    data = XML.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(SourceError, match=r"export\.xml:line \d+: malformed XML"):
        list(EUFinancialSanctionsXMLReader().read(path, {}).records)


def test_xml_entity_without_logical_id(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text(
        XML.read_text(encoding="utf-8").replace(' logicalId="120532"', ""), encoding="utf-8"
    )
    with pytest.raises(SourceError, match="without logicalId") as err:
        list(EUFinancialSanctionsXMLReader().read(path, {}).records)
    assert err.value.location and err.value.location.startswith("line ")


def test_empty_files(tmp_path: Path) -> None:
    for name, reader in (
        ("export.xml", EUFinancialSanctionsXMLReader),
        ("export.csv", EUFinancialSanctionsCSVReader),
    ):
        path = tmp_path / name
        path.write_bytes(b"")
        with pytest.raises(SourceError, match="empty") as err:
            reader().read(path, {})
        assert err.value.location == "line 1"


def test_csv_without_logical_id_column(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("fileGenerationDate;Entity_Remark\n15/03/2024;x\n", encoding="utf-8")
    with pytest.raises(SourceError, match="no Entity_LogicalId column") as err:
        EUFinancialSanctionsCSVReader().read(path, {})
    assert err.value.location == "line 1"


def test_csv_row_errors_name_the_line(tmp_path: Path) -> None:
    lines = CSV.read_text(encoding="utf-8-sig").splitlines()
    path = tmp_path / "export.csv"
    broken = list(lines)
    broken[5] = broken[5] + ";extra;cells"
    path.write_text("\n".join(broken) + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match="fields where the header has 118") as err:
        EUFinancialSanctionsCSVReader().read(path, {})
    assert err.value.location == "line 6"

    broken = list(lines)
    broken[3] = ";" + broken[3].split(";", 2)[2]  # drop the date and the logical id
    broken[3] = "15/03/2024;" + broken[3]
    path.write_text("\n".join(broken) + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match="row without Entity_LogicalId") as err:
        EUFinancialSanctionsCSVReader().read(path, {})
    assert err.value.location == "line 4"


def test_csv_columns_may_come_in_any_order(tmp_path: Path) -> None:
    with open(CSV, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    order = list(reversed(range(len(rows[0]))))
    path = tmp_path / "export.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        for row in rows:
            writer.writerow([row[i] for i in order])
    shuffled = {
        r.source_id: r.to_dict() for r in EUFinancialSanctionsCSVReader().read(path, {}).records
    }
    assert shuffled == {k: r.to_dict() for k, r in read(CSV).items()}
