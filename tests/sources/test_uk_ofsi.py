"""OFSI Consolidated List readers: legacy CSV, 2022 CSV / XLSX / XML, errors, real lists."""

from __future__ import annotations

import csv
import shutil
from functools import lru_cache
from pathlib import Path

import pytest

from thaw.model import Link, Record
from thaw.sources import Job, SourceError, detect
from thaw.sources._ofsi import split_other_information
from thaw.sources._tabular import un_references
from thaw.sources.uk_ofsi_csv import OfsiCsvReader
from thaw.sources.uk_ofsi_legacy import OfsiLegacyCsvReader
from thaw.sources.uk_ofsi_xlsx import OfsiXlsxReader
from thaw.sources.uk_ofsi_xml import OfsiXmlReader
from thaw.store import Store, load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "uk_ofsi"
CSV_2022 = FIXTURES / "ConList.csv"
XML_2022 = FIXTURES / "ConList.xml"
LEGACY = FIXTURES / "sanctionsconlist.csv"


def records(path: Path) -> dict[str, Record]:
    pub = detect(path)().read(path, {})
    return {r.source_id: r for r in pub.records}


def make_xlsx(path: Path, source: Path = CSV_2022) -> Path:
    """The 2022 CSV fixture written as the XLSX OFSI publishes (sheet "Data")."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Data"
    with open(source, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh):
            sheet.append([value or None for value in row])
    workbook.save(path)
    return path


def test_detection(tmp_path: Path) -> None:
    assert detect(CSV_2022) is OfsiCsvReader
    assert detect(XML_2022) is OfsiXmlReader
    assert detect(LEGACY) is OfsiLegacyCsvReader
    assert detect(make_xlsx(tmp_path / "ConList.xlsx")) is OfsiXlsxReader
    assert not OfsiXlsxReader.sniff("regulation8_consolidated.xlsx", b"PK\x03\x04")
    assert not OfsiCsvReader.sniff("x.csv", b"Last Updated,01/01/2020\nName 6,Name 1,Group ID\n")


def test_2022_csv() -> None:
    pub = OfsiCsvReader().read(CSV_2022, {})
    assert pub.info.published == "2025-04-14" and pub.info.format == "csv"
    recs = {r.source_id: r for r in pub.records}
    assert list(recs) == ["7172", "14207", "14208", "13651"]  # order of first appearance

    kirill = recs["14208"]
    assert kirill.schema == "Person" and kirill.caption == "Kirill Alexandrovich DMITRIEV"
    assert [(n.value, n.kind) for n in kirill.names] == [
        ("Kirill DMITRIEV", "alias"),
        ("Kirill Alexandrovich DMITRIEV", "primary"),
        ("Кирилл Александрович Дмитриев", "original"),
    ]
    assert kirill.names[1].parts == {
        "name1": "Kirill",
        "name2": "Alexandrovich",
        "name6": "DMITRIEV",
    }
    assert (kirill.names[2].script, kirill.names[2].lang) == ("Cyrillic", "Russian")
    assert kirill.birth_dates == ["1975-04-12"] and kirill.birth_places == ["Kyiv, Ukraine"]
    assert kirill.nationalities == ["ru"] and kirill.gender == "male"
    assert kirill.programs == ["Russia"] and kirill.listed_on == "2022-03-01"
    assert kirill.extra["uk_sanctions_list_ref"] == "RUS0264"
    assert kirill.extra["statement_of_reasons"].startswith("Kirill DMITRIEV (hereafter")
    assert Link("fcdo_reference", "uk_fcdo", "RUS0264") in kirill.links
    assert kirill.remarks == [
        "Financial sanctions imposed in addition to an asset freeze: Trust services. "
        "Date trust services sanctions imposed: 21/03/2023."
    ]

    akhund = recs["7172"]
    assert [(n.value, n.kind) for n in akhund.names if n.kind in ("alias", "weak")] == [
        ("Haji Mohammad Hassan", "alias"),
        ("Mullah Akhund", "weak"),
    ]
    assert akhund.birth_dates == ["1958", "1945"]  # 00/00/1958: year only
    assert akhund.titles == ["Mullah", "Haji"]
    assert Link("un_reference", "un_sc", "TAi.002") in akhund.links
    assert [(i.kind, i.number) for i in akhund.identifiers] == [("passport", "OR801168")]

    fund = recs["14207"]
    assert fund.schema == "Organization" and fund.caption == "RUSSIAN DIRECT INVESTMENT FUND"
    assert fund.addresses[0].postal_code == "123112" and fund.addresses[0].country == "ru"
    assert fund.extra["entity_type"] == "Sovereign Wealth Fund"
    assert fund.extra["website"] == "www.rdif.ru"

    ship = recs["13651"]
    assert ship.schema == "Vessel" and ship.caption == "SAM JONG 2"
    assert [(i.kind, i.number) for i in ship.identifiers] == [("imo", "7408873")]
    assert Link("vessel_owner", name="Korea Samjong Shipping") in ship.links
    assert ship.extra["flag"] == "North Korea"
    # the UN reference of the *owner* quoted in the narrative is not the ship's own
    assert not [link for link in ship.links if link.relation == "un_reference"]


def _core(record: Record) -> dict[str, object]:
    return {
        "schema": record.schema,
        "names": sorted((n.value, n.kind) for n in record.names),
        "birth_dates": sorted(record.birth_dates),
        "identifiers": sorted((i.kind, i.number) for i in record.identifiers),
        "links": sorted(repr(link) for link in record.links),
        "programs": record.programs,
        "listed_on": record.listed_on,
        "gender": record.gender,
        "addresses": record.addresses,
        "remarks": record.remarks,
        "statement": record.extra.get("statement_of_reasons"),
        "designated": record.extra.get("date_designated"),
    }


def test_2022_xml_matches_csv() -> None:
    pub = OfsiXmlReader().read(XML_2022, {})
    xml = {r.source_id: r for r in pub.records}
    assert pub.info.published is None  # ConList.xml has no file date: --date / folder
    csv_records = records(CSV_2022)
    assert list(xml) == list(csv_records)
    for sid, record in xml.items():
        assert _core(record) == _core(csv_records[sid]), sid
    assert xml["14208"].extra["group_status"] == "A"


def test_xlsx_matches_csv(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "ConList.xlsx")
    pub = OfsiXlsxReader().read(path, {})
    assert pub.info.published == "2025-04-14" and pub.info.format == "xlsx"
    xlsx = [r.to_dict() for r in pub.records]
    assert xlsx == [r.to_dict() for r in records(CSV_2022).values()]


def test_legacy_csv() -> None:
    # (opened as a load opens it: the identifier fields read as published)
    pub = Job(OfsiLegacyCsvReader, LEGACY, {}).open()
    assert pub.info.published == "2014-04-02" and pub.info.format == "legacy_csv"
    recs = {r.source_id: r for r in pub.records}
    academy = recs["12871"]
    assert academy.caption == "SECOND ACADEMY OF NATURAL SCIENCES"
    assert ("SANSRI", "former") in [(n.value, n.kind) for n in academy.names]
    assert "DPRK’s advanced weapons" in academy.remarks[0]  # Windows-1252 right quote
    assert Link("un_reference", "un_sc", "KPe.018") in academy.links
    assert academy.countries == ["kp"]
    person = recs["7517"]
    assert person.caption == "Mohamad Iqbal ABDURRAHMAN" and person.titles == ["Ustadz"]
    assert person.birth_places == [
        "Tirpas-Selong Village, East Lombok, Indonesia",
        "Korleko-Lombok Timur, Indonesia",
    ]
    assert [(i.kind, i.number, i.note) for i in person.identifiers] == [
        ("passport", "592667", "Passport No; Indonesian passport issued on 3 May 2007"),
        ("national_id", "3603251708570001", None),
    ]
    assert Link("un_reference", "un_sc", "QI.A.86.03") in person.links


def test_other_information_and_un_references() -> None:
    fields, free = split_other_information(
        "(UK Sanctions List Ref):RUS0264. Trust services. (UN Ref):QDi.001. Leader. "
        "(Gender):Male (Phone number):(1) +7 1 (2) +7 2"
    )
    assert fields == {"uk_ref": "RUS0264", "un_ref": "QDi.001", "gender": "Male",
                      "phone": "(1) +7 1 (2) +7 2"}  # fmt: skip
    assert free == "Trust services. Leader."
    assert split_other_information("plain text") == ({}, "plain text")
    assert un_references("UN Ref QDe.004. Emir for the eastern zone") == ["QDe.004"]
    assert un_references("UN REF:QE.A.146.14. Also referred to as") == ["QE.A.146.14"]
    assert un_references("UN Ref. CFi.009. Kony") == ["CFi.009"]
    assert un_references("asset of X (OFSI ID: 13635, UN Reference Number: UN Ref KPe.064)") == []


def test_load_into_store(store: Store, tmp_path: Path) -> None:
    result = load(store, Job(OfsiCsvReader, CSV_2022))
    assert result.status == "loaded" and result.publication.record_count == 4
    assert result.publication.published == "2025-04-14"
    folder = tmp_path / "2025-04-15"
    folder.mkdir()
    shutil.copy(XML_2022, folder / "ConList.xml")
    later = load(store, Job(OfsiXmlReader, folder / "ConList.xml"))
    assert later.publication.published == "2025-04-15" and later.publication.date_basis == "folder"


# -- bad input ---------------------------------------------------------------------------


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_empty_files(tmp_path: Path) -> None:
    empty = _write(tmp_path / "ConList.csv", "")
    with pytest.raises(SourceError, match="empty"):
        detect(empty)
    with pytest.raises(SourceError) as err:
        OfsiCsvReader().read(empty, {})
    assert err.value.location == "line 1"
    empty_xlsx = _write(tmp_path / "ConList.xlsx", "")
    with pytest.raises(SourceError) as err:
        list(OfsiXlsxReader().read(empty_xlsx, {}).records)
    assert err.value.location == "byte 0"


def test_broken_csv_row(tmp_path: Path) -> None:
    lines = CSV_2022.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].rsplit(",", 3)[0]  # a row three fields short
    path = _write(tmp_path / "ConList.csv", "\r\n".join(lines) + "\r\n")
    with pytest.raises(SourceError, match="row has 33 fields, the header has 36") as err:
        list(OfsiCsvReader().read(path, {}).records)
    assert err.value.location == "line 5"
    lines = CSV_2022.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].rsplit(",", 1)[0] + ","  # no Group ID
    path = _write(tmp_path / "nogroup.csv", "\r\n".join(lines) + "\r\n")
    with pytest.raises(SourceError, match="no Group ID") as err:
        list(OfsiCsvReader().read(path, {}).records)
    assert err.value.location == "line 4"


def test_bad_header_and_date(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "a.csv", "Last Updated,01/01/2020\nName 6,Name 1,Group Type\nX,Y,Entity\n"
    )
    with pytest.raises(SourceError, match="no Group ID column") as err:
        OfsiLegacyCsvReader().read(path, {})
    assert err.value.location == "line 2"
    path = _write(tmp_path / "b.csv", "Last Updated,soon\n")
    with pytest.raises(SourceError, match="Last Updated") as err:
        OfsiLegacyCsvReader().read(path, {})
    assert err.value.location == "line 1"


def test_wrong_encoding(tmp_path: Path) -> None:
    text = LEGACY.read_bytes().decode("cp1252")
    path = _write(tmp_path / "sanctionsconlist.csv", text, "utf-16")
    with pytest.raises(SourceError, match="UTF-16") as err:
        OfsiLegacyCsvReader().read(path, {})
    assert err.value.location == "line 1"
    # the 2022 CSV is UTF-8 only: a Windows-1252 copy is refused at the offending line
    path = tmp_path / "ConList.csv"
    path.write_bytes(CSV_2022.read_bytes().replace(b"Kyiv", b"Ky\xefv"))  # cp1252 "ï"
    with pytest.raises(SourceError, match="not valid utf-8-sig") as err:
        OfsiCsvReader().read(path, {})
    assert err.value.location == "line 5"


def test_truncated_xlsx(tmp_path: Path) -> None:
    whole = make_xlsx(tmp_path / "whole.xlsx").read_bytes()
    path = tmp_path / "ConList.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(SourceError, match="truncated") as err:
        list(OfsiXlsxReader().read(path, {}).records)
    assert err.value.location == f"byte {len(whole) // 2}"


def test_bad_xml(tmp_path: Path) -> None:
    text = XML_2022.read_text(encoding="utf-8")
    truncated = _write(tmp_path / "ConList.xml", text[: len(text) // 2])
    with pytest.raises(SourceError, match="malformed XML") as err:
        list(OfsiXmlReader().read(truncated, {}).records)
    assert err.value.location and err.value.location.startswith("line ")
    doctype = text.replace("<ArrayOf", '<!DOCTYPE x [<!ENTITY a "b">]><ArrayOf', 1)
    with pytest.raises(SourceError, match="refused"):
        list(OfsiXmlReader().read(_write(tmp_path / "d.xml", doctype), {}).records)
    nameless = text.replace("<Name6>RDIF</Name6>", "")
    with pytest.raises(SourceError, match="group 14207 has no name") as err:
        list(OfsiXmlReader().read(_write(tmp_path / "n.xml", nameless), {}).records)
    assert err.value.location and "FinancialSanctionsTarget 5" in err.value.location


# -- the real publications ---------------------------------------------------------------

REAL = [
    ("2014-04-02/sanctionsconlist.csv", "legacy_csv", 2297),
    ("2018-04-13/sanctionsconlist.csv", "legacy_csv", 2106),
    ("2020-04-27/sanctionsconlist.csv", "legacy_csv", 2114),
    ("2023-06-05/ConList.xlsx", "xlsx", 3993),
    ("2025-04-10/ConList.xlsx", "xlsx", 4686),
    ("2025-04-14/ConList.xlsx", "xlsx", 4688),
]


@lru_cache(maxsize=2)
def read_real(path: Path) -> tuple[str, str | None, tuple[Record, ...]]:
    reader = detect(path)
    pub = reader().read(path, {})
    return reader.format, pub.info.published, tuple(pub.records)


@pytest.mark.realdata
@pytest.mark.parametrize(("name", "fmt", "count"), REAL)
def test_real_publications(lists_dir: Path, name: str, fmt: str, count: int) -> None:
    path = lists_dir / "uk_hmt_ofsi" / name
    assert detect(path).source == "uk_ofsi"
    found_format, published, recs = read_real(path)
    assert found_format == fmt
    # MANIFEST.md counts distinct Group IDs; the file's own date is the folder's
    assert len(recs) == count
    assert len({r.source_id for r in recs}) == count
    assert published == name.split("/")[0]
    assert all(r.names for r in recs)


@pytest.mark.realdata
def test_real_2025_sanity(lists_dir: Path) -> None:
    path = lists_dir / "uk_hmt_ofsi" / "2025-04-14" / "ConList.xlsx"
    recs = {r.source_id: r for r in read_real(path)[2]}
    kirill = [r for r in recs.values() if "Kirill Alexandrovich DMITRIEV" in r.all_names()]
    assert len(kirill) == 1
    assert kirill[0].programs == ["Russia"] and kirill[0].listed_on == "2022-03-01"
    assert kirill[0].birth_dates == ["1975-04-12"]
    fund = [r for r in recs.values() if r.caption == "RUSSIAN DIRECT INVESTMENT FUND"]
    assert len(fund) == 1 and fund[0].schema == "Organization"
    assert fund[0].programs == ["Russia"]
    un_linked = [r for r in recs.values() if any(k.relation == "un_reference" for k in r.links)]
    assert len(un_linked) > 500
    assert sum(r.schema == "Vessel" for r in recs.values()) > 10


def test_fast_xlsx_reader_agrees_with_openpyxl(tmp_path: Path) -> None:
    """The lxml sheet reader gives what openpyxl gives, for every kind of cell."""
    import datetime as dt

    import openpyxl

    from thaw.sources._tabular import cell_str, xlsx_fast_rows, xlsx_rows

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["text", 12, 3.5, 7.0, True, dt.datetime(2022, 3, 1), None, "after a gap"])
    sheet.append([None, None, "only C"])
    sheet.append([])
    sheet.append(["Кирилл", "محمد", dt.date(1975, 4, 12)])
    sheet.cell(row=6, column=70).value = "beyond max_col"
    path = workbook_path = tmp_path / "mixed.xlsx"
    workbook.save(workbook_path)
    fast = list(xlsx_fast_rows(path, max_col=64))
    slow = [(n, [cell_str(v) for v in values]) for n, values in xlsx_rows(path, max_col=64)]

    def trimmed(cells: list[str]) -> list[str]:
        while cells and not cells[-1]:
            cells = cells[:-1]
        return cells

    assert [(n, trimmed(c)) for n, c in fast] == [(n, trimmed(c)) for n, c in slow]
    assert fast[0] == (1, ["text", "12", "3.5", "7", "TRUE", "2022-03-01", "", "after a gap"])
    assert [n for n, _ in fast] == [1, 2, 4]  # empty rows and cells beyond max_col skipped
