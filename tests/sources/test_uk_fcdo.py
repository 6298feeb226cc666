"""FCDO UK Sanctions List readers: XML, CSV, ODS (same designations), refusal of the
human-readable .odt, malformed input."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from thaw.model import Identifier, Link, Record
from thaw.sources import Job, SourceError, detect
from thaw.sources._fcdo import name_kind, report_date
from thaw.sources.uk_fcdo_csv import FcdoCsvReader
from thaw.sources.uk_fcdo_ods import FcdoOdsReader
from thaw.sources.uk_fcdo_xml import FcdoXmlReader
from thaw.store import Store, load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "uk_fcdo"
XML = FIXTURES / "UK_Sanctions_List.xml"
CSV = FIXTURES / "UK_Sanctions_List.csv"
ODS = FIXTURES / "UK_Sanctions_List.ods"


def records(path: Path) -> dict[str, Record]:
    pub = detect(path)().read(path, {})
    assert pub.info.published == "2025-04-14"
    return {r.source_id: r for r in pub.records}


def test_detection() -> None:
    assert detect(XML) is FcdoXmlReader
    assert detect(CSV) is FcdoCsvReader
    assert detect(ODS) is FcdoOdsReader
    assert not FcdoXmlReader.sniff("x.xml", b"<ArrayOfFinancialSanctionsTarget>")
    assert report_date("Report Date: 08-Oct-2026") == "2026-10-08"
    assert name_kind("Primary Name", None) == "primary"
    assert name_kind("ALias", "Low quality a.k.a") == "weak"
    assert name_kind("Primary name variation", "") == "alias"


def test_xml() -> None:
    recs = records(XML)
    assert list(recs) == ["AFG0006", "RUS0264", "DPR0075", "RUS9999"]
    akhund = recs["AFG0006"]
    assert akhund.schema == "Person" and akhund.caption == "MOHAMMAD HASSAN AKHUND"
    assert [(n.value, n.kind) for n in akhund.names] == [
        ("MOHAMMAD HASSAN AKHUND", "primary"),
        ("Mohammad Hassan Akhund", "alias"),
        ("Haji Mohammad Hassan", "alias"),
        ("Mullah Akhund", "weak"),
        ("محمد حسن آخوند", "original"),
    ]
    assert akhund.birth_dates == ["1945", "1958"]  # dd/mm/1945
    assert akhund.titles == ["Mullah", "Haji"] and akhund.gender == "male"
    assert akhund.links == [
        Link("ofsi_reference", "uk_ofsi", "7172"),
        Link("un_reference", "un_sc", "TAi.002"),
    ]
    assert akhund.listed_on == "2001-01-25" and akhund.extra["last_updated"] == "2021-02-01"
    assert akhund.extra["sanctions_imposed"] == "Asset freeze; Travel Ban"
    assert akhund.extra["designation_source"] == "UN"
    assert akhund.identifiers == [
        Identifier("passport", "OR801168", note="Afghanistan passport issued on 28 Feb 2006")
    ]
    assert akhund.addresses[0].full == "Kabul, Afghanistan" and akhund.countries == ["af"]

    kirill = recs["RUS0264"]
    assert kirill.caption == "Kirill Alexandrovich DMITRIEV"
    assert kirill.birth_dates == ["1975-04-12"] and kirill.birth_places == ["Kyiv, Ukraine"]
    assert kirill.programs == ["The Russia (Sanctions) (EU Exit) Regulations 2019"]

    ship = recs["DPR0075"]
    assert ship.schema == "Vessel"
    assert ship.identifiers == [Identifier("imo", "9562233")]
    assert Link("vessel_owner", name="Global United Shipping India") in ship.links
    assert ship.extra["flag"] == "Comoros" and ship.extra["year_built"] == "2011"

    company = recs["RUS9999"]
    assert company.schema == "Organization"
    assert Link("owned_by", name="EXAMPLE HOLDING JSC") in company.links
    assert Link("owns", name="EXAMPLE LOGISTICS LLC") in company.links
    assert company.identifiers == [Identifier("registration", "1234567890123")]
    assert [a.country for a in company.addresses] == ["ru", "ae"]
    assert company.extra["entity_type"] == "Limited Liability Company"
    assert company.extra["assetfreeze"] == "true"  # unknown leaves are kept


def _canon(record: Record) -> dict[str, object]:
    data = record.to_dict()
    data.get("extra", {}).pop("assetfreeze", None)  # only the XML has the indicators
    return {k: sorted(map(repr, v)) if isinstance(v, list) else v for k, v in data.items()}


def test_three_encodings_agree() -> None:
    xml, csv, ods = records(XML), records(CSV), records(ODS)
    assert list(xml) == list(csv) == list(ods)
    for sid in xml:
        assert _canon(xml[sid]) == _canon(csv[sid]) == _canon(ods[sid]), sid
    assert [r.to_dict() for r in csv.values()] == [r.to_dict() for r in ods.values()]


def test_load_into_store(store: Store) -> None:
    result = load(store, Job(FcdoXmlReader, XML))
    assert result.publication.record_count == 4 and result.publication.published == "2025-04-14"


def _odt(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")
    return path


def test_human_readable_document_refused(tmp_path: Path) -> None:
    path = _odt(tmp_path / "UK_Sanctions_List.odt")
    assert detect(path) is FcdoOdsReader
    with pytest.raises(SourceError, match="human-readable edition .* not a data file"):
        FcdoOdsReader().read(path, {})
    with pytest.raises(SourceError, match="not a recognised"):
        detect(_odt(tmp_path / "minutes.odt"))


@pytest.mark.realdata
def test_real_odt_refused(lists_dir: Path) -> None:
    path = lists_dir / "uk_fcdo" / "2023-01-14" / "UK_Sanctions_List.odt"
    with pytest.raises(SourceError, match="not a data file"):
        detect(path)().read(path, {})


# -- bad input ---------------------------------------------------------------------------


def test_broken_csv_row(tmp_path: Path) -> None:
    lines = CSV.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5] + ",extra"
    path = tmp_path / "UK_Sanctions_List.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match="59 fields, the header has 58") as err:
        list(FcdoCsvReader().read(path, {}).records)
    assert err.value.location == "line 6"
    path.write_text("Report Date: 14-Apr-2025\nsomething else\n", encoding="utf-8")
    with pytest.raises(SourceError, match="no UK Sanctions List header") as err:
        FcdoCsvReader().read(path, {})
    assert err.value.location


def test_bad_xml(tmp_path: Path) -> None:
    text = XML.read_text(encoding="utf-8")
    path = tmp_path / "UK_Sanctions_List.xml"
    path.write_text(text.replace("<UniqueID>DPR0075</UniqueID>", ""), encoding="utf-8")
    with pytest.raises(SourceError, match="Designation 3 has no UniqueID") as err:
        list(FcdoXmlReader().read(path, {}).records)
    assert err.value.location and err.value.location.startswith("line ")
    path.write_text(text[: len(text) * 2 // 3], encoding="utf-8")
    with pytest.raises(SourceError, match="malformed XML") as err:
        list(FcdoXmlReader().read(path, {}).records)
    assert err.value.location and err.value.location.startswith("line ")


def test_truncated_ods(tmp_path: Path) -> None:
    data = ODS.read_bytes()
    path = tmp_path / "UK_Sanctions_List.ods"
    path.write_bytes(data[: len(data) - 200])
    with pytest.raises(SourceError, match="truncated") as err:
        list(FcdoOdsReader().read(path, {}).records)
    assert err.value.location == f"byte {len(data) - 200}"


def _rezip(source: Path, target: Path, content: bytes) -> Path:
    """A copy of an ODS package with another content.xml."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = content if info.filename == "content.xml" else zin.read(info)
            zout.writestr(info, data)
    return target


def test_ods_tables_and_entities(tmp_path: Path) -> None:
    with zipfile.ZipFile(ODS) as zf:
        content = zf.read("content.xml")
    # a second sheet (notes, say) after the list is not read
    second = (
        b'<table:table table:name="Notes"><table:table-row><table:table-cell '
        b'office:value-type="string"><text:p>Unique ID</text:p></table:table-cell>'
        b"</table:table-row></table:table></office:spreadsheet>"
    )
    extended = _rezip(ODS, tmp_path / "two.ods", content.replace(b"</office:spreadsheet>", second))
    assert [r.source_id for r in FcdoOdsReader().read(extended, {}).records] == [
        "AFG0006", "RUS0264", "DPR0075", "RUS9999"
    ]  # fmt: skip
    hostile = content.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "b">]>', 1)
    path = _rezip(ODS, tmp_path / "hostile.ods", hostile)
    with pytest.raises(SourceError, match="refused") as err:
        list(FcdoOdsReader().read(path, {}).records)
    assert err.value.location and err.value.location.startswith("content.xml")
