"""OFAC legacy CSV: sdn.csv / cons_prim.csv with their companion files."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from thaw.model import Record
from thaw.sources import SourceError, detect, plan
from thaw.sources.ofac_csv import OfacConsCsvReader, OfacSdnCsvReader
from thaw.store import Store, load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CSV = FIXTURES / "ofac" / "csv"
CONS = FIXTURES / "ofac" / "cons"
ROW = '1,"ACME",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'


def _read(paths: list[Path]) -> dict[str, Record]:
    [job] = plan(paths)
    return {r.source_id: r for r in job.open().records}


def test_full_set_with_companions() -> None:
    [job] = plan([CSV / "sdn.csv"])
    assert job.reader is OfacSdnCsvReader
    assert set(job.companions) == {"add", "alt", "comments"}
    pub = job.open()
    records = {r.source_id: r for r in pub.records}
    assert len(records) == 10
    assert pub.info.published is None and pub.info.format == "csv"
    assert any("99999" in note for note in pub.info.notes)  # orphan address row

    bank = records["306"]
    assert [(n.value, n.kind) for n in bank.names] == [
        ("BANCO NACIONAL DE CUBA", "primary"),
        ("BNC", "weak"),  # from the remarks
        ("NATIONAL BANK OF CUBA", "alias"),  # from alt.csv
    ]
    assert [a.country for a in bank.addresses] == ["ch", "es"]
    assert bank.addresses[0].full == "Zweierstrasse 35, Zurich CH-8022, Switzerland"

    dmitriev = records["34336"]
    assert dmitriev.schema == "Person"
    assert dmitriev.names[0].parts == {"last": "DMITRIEV", "first": "Kirill Aleksandrovich"}
    assert dmitriev.birth_dates == ["1975-04-12"]
    assert dmitriev.programs == ["RUSSIA-EO14024"]

    vessel = records["15038"]
    assert vessel.schema == "Vessel"
    assert vessel.countries == ["ir"]
    assert {(i.kind, i.number) for i in vessel.identifiers} == {
        ("call_sign", "T2EM4"),
        ("imo", "9187667"),
        ("mmsi", "256843000"),
    }
    assert vessel.extra["vessel_type"] == "Crude/Oil Products Tanker"
    assert vessel.extra["tonnage"] == "99,094"
    assert vessel.extra["gross_registered_tonnage"] == "56,068"
    assert vessel.extra["former_vessel_flag"] == "Malta; Tuvalu"
    owner = [link for link in vessel.links if link.relation == "vessel_owner"][0]
    assert (owner.name, owner.source, owner.source_id) == (
        "NATIONAL IRANIAN TANKER COMPANY",
        "us_ofac_sdn",
        "15117",
    )

    assert records["15436"].schema == "Aircraft"
    assert records["12927"].programs == ["SDGT", "IRGC", "IFSR"]
    assert [(n.value, n.kind) for n in records["12927"].names][1:] == [
        ("MAHAN AIRLINES", "weak"),
        ("MAHAN AIR SERVICES", "former"),
    ]
    assert "address Tehran, Iran: Head office" in records["12927"].remarks


def test_remarks_continued_in_comments_file() -> None:
    records = _read([CSV / "sdn.csv"])
    cifuentes = records["40002"]
    # "Linked To: NATIONAL IRANIAN TA" + "NKER COMPANY; Linked To: MAHAN AIR."
    assert [(link.name, link.source_id) for link in cifuentes.links] == [
        ("NATIONAL IRANIAN TANKER COMPANY", "15117"),
        ("MAHAN AIR", "12927"),
    ]
    assert [(n.value, n.kind) for n in cifuentes.names][1:] == [
        ("CIFUENTES, Jorge", "alias"),
        ("VILLA CIFUENTES, Jorge Milton", "alias"),
    ]


def test_linked_to_resolution() -> None:
    popova = _read([CSV / "sdn.csv"])["38166"]
    assert [(link.relation, link.source, link.source_id, link.name) for link in popova.links] == [
        ("linked_to", "us_ofac_sdn", "34036", "RUSSIAN DIRECT INVESTMENT FUND"),
        ("linked_to", "us_ofac_sdn", "34336", "DMITRIEV, Kirill Aleksandrovich"),
    ]
    assert popova.remarks == ["Supervisory Board Member"]


def test_sdn_csv_alone_is_a_publication(tmp_path: Path) -> None:
    shutil.copy(CSV / "sdn.csv", tmp_path / "sdn.csv")
    [job] = plan([tmp_path / "sdn.csv"])
    assert job.companions == {}
    records = {r.source_id: r for r in job.open().records}
    assert len(records) == 10
    assert [(n.value, n.kind) for n in records["306"].names] == [
        ("BANCO NACIONAL DE CUBA", "primary"),
        ("BNC", "weak"),
    ]
    assert records["306"].addresses == []


def test_companion_alone_is_refused() -> None:
    message = r"add\.csv is an auxiliary file.*sdn\.csv, which is absent"
    with pytest.raises(SourceError, match=message):
        plan([CSV / "add.csv", CSV / "alt.csv"], siblings=False)
    with pytest.raises(SourceError, match=r"cons_prim\.csv, which is absent"):
        plan([CONS / "cons_alt.csv"])
    with pytest.raises(SourceError, match="auxiliary file"):
        detect(CSV / "sdn_comments.csv")


def test_consolidated_set() -> None:
    [job] = plan([CONS / "cons_prim.csv"])
    assert job.reader is OfacConsCsvReader
    records = {r.source_id: r for r in job.open().records}
    assert set(records) == {"9639", "9647", "17014"}
    assert all(r.source == "us_ofac_cons" for r in records.values())
    assert records["9647"].programs == ["SDGT", "NS-PLC"]
    assert records["9647"].nationalities == ["ps"]
    rusal = records["17014"]
    assert rusal.extra["executive_order_13662_directive_determination"] == "Subject to Directive 1"
    assert [(n.value, n.kind) for n in rusal.names][1:] == [
        ("RUSAG", "weak"),
        ("RUSAL ALUMINIUM AG", "former"),
    ]


def test_zipped_file_and_zipped_set(tmp_path: Path) -> None:
    single = tmp_path / "sdn.zip"
    with zipfile.ZipFile(single, "w") as zf:
        zf.write(CSV / "sdn.csv", "sdn.csv")
    assert detect(single) is OfacSdnCsvReader
    assert len(list(OfacSdnCsvReader().read(single, {}).records)) == 10

    whole = tmp_path / "sdn_set.zip"
    with zipfile.ZipFile(whole, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in ("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"):
            zf.write(CSV / name, name)
    assert detect(whole) is OfacSdnCsvReader
    records = {r.source_id: r for r in OfacSdnCsvReader().read(whole, {}).records}
    assert [n.value for n in records["306"].names][-1] == "NATIONAL BANK OF CUBA"
    assert len(records["306"].addresses) == 2


def test_neutral_name_is_sdn_and_source_can_be_forced(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    shutil.copy(CONS / "cons_prim.csv", path)
    assert detect(path) is OfacSdnCsvReader
    assert detect(path, source="us_ofac_cons") is OfacConsCsvReader


def test_lf_line_ends_and_no_ctrl_z(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_bytes((CSV / "sdn.csv").read_bytes().replace(b"\r\n", b"\n").rstrip(b"\x1a"))
    assert len(list(OfacSdnCsvReader().read(path, {}).records)) == 10


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        (ROW + '2,"BROKEN",-0- ,"SDGT"\r\n', "expected 12 fields, found 4", 2),
        (ROW + ROW.replace("1,", "X1,", 1), "ent_num 'X1' is not a number", 2),
        (ROW + ROW + '3,"OPEN QUOTE,-0- \r\n', "broken CSV row: unexpected end of data", 3),
        (ROW + ROW.replace('"ACME"', '"AC"ME"'), "broken CSV row", 2),
        (ROW.replace('"ACME"', "-0- "), "has no name", 1),
        (ROW.replace("-0- ", '"robot"', 1), "unknown SDN_Type 'robot'", 1),
    ],
)
def test_broken_rows(tmp_path: Path, content: str, message: str, line: int) -> None:
    path = tmp_path / "sdn.csv"
    path.write_text(content, newline="")
    with pytest.raises(SourceError, match=message) as err:
        list(OfacSdnCsvReader().read(path, {}).records)
    assert err.value.location == f"line {line}"
    assert err.value.file == str(path)


def test_broken_companion_names_its_file(tmp_path: Path) -> None:
    for name in ("sdn.csv", "add.csv"):
        shutil.copy(CSV / name, tmp_path / name)
    (tmp_path / "alt.csv").write_text('306,220,"aka"\r\n', newline="")
    [job] = plan([tmp_path / "sdn.csv"])
    with pytest.raises(SourceError, match="expected 5 fields") as err:
        list(job.open().records)
    assert err.value.file.endswith("alt.csv") and err.value.location == "line 1"


def test_empty_files(tmp_path: Path) -> None:
    empty = tmp_path / "sdn.csv"
    empty.write_bytes(b"")
    with pytest.raises(SourceError, match="empty"):
        plan([empty])
    with pytest.raises(SourceError, match="empty"):
        list(OfacSdnCsvReader().read(empty, {}).records)
    only_eof = tmp_path / "cons_prim.csv"
    only_eof.write_bytes(b"\r\n\x1a")
    with pytest.raises(SourceError, match="empty"):
        list(OfacConsCsvReader().read(only_eof, {}).records)


def test_loads_into_store(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "2024-05-03"
    shutil.copytree(CSV, folder)
    [job] = plan([folder / "sdn.csv"])
    result = load(store, job)
    assert result.status == "loaded"
    assert result.publication.published == "2024-05-03"
    assert result.publication.record_count == 10
    record = store.get("us_ofac_sdn", "34336")
    assert record is not None and record.caption == "DMITRIEV, Kirill Aleksandrovich"
