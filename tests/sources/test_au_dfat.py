"""Australia DFAT Consolidated List: alias rows (2a, 2b) folded into listing 2, free-text
dates, UN references quoted in narratives, errors, the real 2024-11-11 list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thaw.model import Link, Record
from thaw.sources import Job, SourceError, detect
from thaw.sources.au_dfat import AuDfatReader, base_reference
from thaw.store import Store, load

HEADER = [
    "Reference", "Name of Individual or Entity", "Type", "Name Type", "Date of Birth",
    "Place of Birth", "Citizenship", "Address", "Additional Information",
    "Listing Information", "Committees", "Control Date",
]  # fmt: skip

AKHUND = [
    "a) Approximately 1955-1958 b) Approximately 1945-1950",
    "Pashmul village, Panjwai District, Kandahar Province, Afghanistan",
    "Afghanistan",
    "NA",
    "Title: a) Mullah b) Haji. A close associate of Mullah Mohammed Omar (TI.O.4.01). "
    "Member of Taliban Supreme Council as at Dec. 2009.",
    "Listed by UN 1267 Committee on 25 January 2001 (amended on 20 December 2005)",
    "1988 (Taliban)",
    dt.datetime(2014, 12, 15),
]
KIRILL = [
    dt.datetime(1975, 4, 12),
    "Kyiv, Ukraine",
    None,
    None,
    "CEO of RDIF",
    "Instrument of first designation and declaration Autonomous Sanctions (Designated "
    "Persons and Entities and Declared Persons—Ukraine) Amendment (No. 6) Instrument 2022",
    "Autonomous (Russia)",
    dt.datetime(2022, 3, 14),
]
FUND = [
    None,
    None,
    None,
    "Presnenskaya nab., D. 8, Structure 1, MFK Capital City, South Tower, 7, 8th Floor, "
    "Moscow 123112, Russia",
    "Websites: www.rdif.ru; www.investinrussia.com",
    "Instrument of first designation and declaration: Autonomous Sanctions Amendment "
    "(No. 3) Instrument 2022",
    "Autonomous (Russia)",
    dt.datetime(2022, 3, 3),
]
SUDAN = [
    1969,
    "Bahr Elarab, East Darfur, Sudan",
    "a) Sudan b) South Sudan",
    None,
    "Male;\nRapid Support Forces (RSF) Major General",
    "Listed by the UN 1591 Committee on 8 November 2024",
    "1591 (Sudan)",
    dt.datetime(2024, 11, 11),
]
ROWS: list[list[object]] = [
    [2, "MOHAMMAD HASSAN AKHUND", "Individual", "Primary Name", *AKHUND],
    ["2a", "محمد حسن أخوند", "Individual", "Original Script", *AKHUND],
    ["2b ", "Mohammad Hasan Akhund", "individual", "aka", *AKHUND],
    [6683, "Russian Direct Investment Fund", "Entity", "Primary Name ", *FUND],
    ["6683a", "RDIF", "Entity ", "Aka", *FUND],
    [6764, "Kirill Aleksandrovich DMITRIEV", "Individual", "Primary Name", *KIRILL],
    [7993, "Abdel Rahman Juma Barkalla", "Individual", "Primary name", *SUDAN],
    ["7993a", "Abdelrahman Barkalla", "Individual", "Formerly known as", *SUDAN],
]


def make_workbook(path: Path, rows: list[list[object]] = ROWS) -> Path:
    """A small workbook in DFAT's layout, with the empty trailing rows and the
    over-wide sheet of the real file."""
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    for row_number in range(len(rows) + 2, len(rows) + 9):  # formatted, empty rows
        sheet.cell(row=row_number, column=1).font = Font(bold=True)
    sheet.cell(row=1, column=255).font = Font(bold=True)  # dimension A1:IU…
    workbook.save(path)
    return path


def read(path: Path) -> tuple[str | None, dict[str, Record]]:
    pub = AuDfatReader().read(path, {})
    return pub.info.published, {r.source_id: r for r in pub.records}


def test_reference() -> None:
    assert base_reference(2) == ("2", "")
    assert base_reference("2a") == ("2", "a")
    assert base_reference(" 123b1 ") == ("123", "b1")
    assert base_reference(7993.0) == ("7993", "")
    assert base_reference("x12") is None


def test_listings(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "regulation8_consolidated.xlsx")
    assert detect(path) is AuDfatReader
    published, recs = read(path)
    assert published == "2024-11-11"  # the latest Control Date
    assert list(recs) == ["2", "6683", "6764", "7993"]

    akhund = recs["2"]
    assert akhund.schema == "Person"
    assert [(n.value, n.kind) for n in akhund.names] == [
        ("MOHAMMAD HASSAN AKHUND", "primary"),
        ("محمد حسن أخوند", "original"),
        ("Mohammad Hasan Akhund", "alias"),
    ]
    assert akhund.birth_dates == [str(y) for y in [1955, 1956, 1957, 1958, *range(1945, 1951)]]
    assert akhund.citizenships == ["af"] and akhund.addresses == []  # "NA" is no address
    assert akhund.links == [Link("linked_to", "un_sc", "TI.O.4.01")]
    assert akhund.listed_on == "2001-01-25" and akhund.programs == ["1988 (Taliban)"]
    assert akhund.extra["control_date"] == "2014-12-15"

    fund = recs["6683"]
    assert fund.schema == "Organization" and fund.caption == "Russian Direct Investment Fund"
    assert ("RDIF", "alias") in [(n.value, n.kind) for n in fund.names]
    assert fund.addresses[0].country == "ru" and fund.countries == ["ru"]
    assert fund.listed_on is None and fund.programs == ["Autonomous (Russia)"]

    kirill = recs["6764"]
    assert kirill.caption == "Kirill Aleksandrovich DMITRIEV"
    assert kirill.birth_dates == ["1975-04-12"] and kirill.birth_places == ["Kyiv, Ukraine"]

    sudan = recs["7993"]
    assert sudan.birth_dates == ["1969"] and sudan.citizenships == ["sd", "ss"]
    assert ("Abdelrahman Barkalla", "former") in [(n.value, n.kind) for n in sudan.names]
    assert sudan.listed_on == "2024-11-08"


def test_language_label_of_an_original_name(tmp_path: Path) -> None:
    """DFAT writes the language of some original-script names inside the value:
    it is the name's language, not a word of the name (issue 11)."""
    rows: list[list[object]] = [
        [3580, "Ermias Ghermay, Guro", "Individual", "Primary Name", *SUDAN],
        ["3580a", "ኤርሚኣስ ግርማይ (Tigrinya)", "Individual", "Original Script", *SUDAN],
        ["3580b", "Ghermay (Guro)", "Individual", "aka", *SUDAN],
    ]
    _, recs = read(make_workbook(tmp_path / "regulation8_consolidated.xlsx", rows))
    names = [(n.value, n.kind, n.lang) for n in recs["3580"].names]
    assert names == [
        ("Ermias Ghermay, Guro", "primary", None),
        ("ኤርሚኣስ ግርማይ", "original", "Tigrinya"),
        ("Ghermay (Guro)", "alias", None),  # only an original name has such labels
    ]


def test_load_into_store(store: Store, tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "regulation8_consolidated.xlsx")
    result = load(store, Job(AuDfatReader, path))
    assert result.publication.record_count == 4
    assert result.publication.published == "2024-11-11"
    assert result.publication.date_basis == "in-file"


def test_bad_input(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "regulation8_consolidated.xlsx", [*ROWS, ["?", "X", "Entity"]])
    with pytest.raises(SourceError, match="Reference '\\?' is not a listing number") as err:
        list(AuDfatReader().read(path, {}).records)
    assert err.value.location == f"row {len(ROWS) + 2}"

    nameless = make_workbook(tmp_path / "b.xlsx", [[5, None, "Entity", "Primary Name"]])
    with pytest.raises(SourceError, match="listing 5 row has no name") as err:
        list(AuDfatReader().read(nameless, {}).records)
    assert err.value.location == "row 2"

    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["Name", "Something"])
    workbook.save(tmp_path / "c.xlsx")
    with pytest.raises(SourceError, match="not the DFAT Consolidated List header") as err:
        AuDfatReader().read(tmp_path / "c.xlsx", {})
    assert err.value.location == "row 1"

    whole = path.read_bytes()
    truncated = tmp_path / "regulation8_truncated.xlsx"
    truncated.write_bytes(whole[: len(whole) - 100])
    with pytest.raises(SourceError, match="truncated") as err:
        AuDfatReader().read(truncated, {})
    assert err.value.location == f"byte {len(whole) - 100}"

    empty = tmp_path / "regulation8_empty.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(SourceError, match="empty"):
        AuDfatReader().read(empty, {})


@pytest.mark.realdata
def test_real_list(lists_dir: Path) -> None:
    path = lists_dir / "au_dfat" / "2024-11-11" / "regulation8_consolidated.xlsx"
    assert detect(path) is AuDfatReader
    published, recs = read(path)
    # MANIFEST.md: 9553 rows / 3062 distinct base Reference numbers
    assert len(recs) == 3062
    assert published == "2024-11-11"
    assert sum(len(r.names) for r in recs.values()) >= 9400  # a few rows repeat a name
    kirill = [r for r in recs.values() if r.caption == "Kirill Aleksandrovich DMITRIEV"]
    assert len(kirill) == 1 and kirill[0].birth_dates == ["1975-04-12"]
    assert kirill[0].programs == ["Autonomous (Russia)"]
    assert any(r.caption == "Russian Direct Investment Fund" for r in recs.values())
    assert all(r.schema in ("Person", "Organization") for r in recs.values())
