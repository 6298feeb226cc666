"""Customer workbooks read with python-calamine give the cells openpyxl's
read-only mode gave (:mod:`thaw.screen.workbook`), on small workbooks written
here with openpyxl."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from tests.conftest import LISTS
from thaw.screen.batch import BatchError, open_source
from thaw.screen.workbook import (
    MAX_CELLS,
    ActiveSheet,
    SheetTooLarge,
    active_sheet_index,
    sheet_span,
)

#: A row of every kind of cell a customer file holds.
CELLS: list[Any] = [
    "Ali Khan",  # text
    dt.datetime(1970, 5, 3),  # a date alone
    dt.datetime(1980, 1, 2, 13, 45),  # a date and a time
    dt.time(12, 30),
    dt.timedelta(days=2),
    12345,  # a whole number (an ID)
    7.0,  # a whole number written as a float
    -0.5,
    12345678901234567,  # too long for a whole number of Excel's
    1e20,
    True,
    "00123",  # a number kept as text
    "  ",  # blanks
    None,
    "=1+1",  # a formula with no cached value
    "Иван 王",
]


def openpyxl_rows(path: Path) -> list[tuple[Any, ...]]:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.active
        assert sheet is not None
        return list(sheet.iter_rows(values_only=True))
    finally:
        book.close()


def calamine_rows(path: Path) -> list[tuple[Any, ...]]:
    sheet = ActiveSheet(path)
    try:
        assert sheet.height == len(list(sheet.rows()))
        return list(sheet.rows())
    finally:
        sheet.close()


def write(path: Path, active: int = 0) -> Path:
    """A workbook of three sheets, the one at ``active`` shown when opened: an
    empty one, one whose cells start at C3 (a merged title row, an empty row, a
    header, rows of :data:`CELLS`, a row of empty cells, a short row), one of a
    single cell."""
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Empty"
    sheet = book.create_sheet("Customers")
    sheet["C3"] = "Customers, December 2026"
    sheet.merge_cells("C3:F3")
    for column, title in enumerate(["Name", "Birth date", "Other"], start=3):
        sheet.cell(row=5, column=column, value=title)
    for row in range(6, 8):
        for column, value in enumerate(CELLS, start=3):
            sheet.cell(row=row, column=column, value=value)
    sheet.cell(row=9, column=3, value="Lee")
    book.create_sheet("Single")["A1"] = "only"
    book.active = active
    book.save(path)
    return path


@pytest.mark.parametrize("active", [0, 1, 2])
def test_the_cells_are_openpyxls(tmp_path: Path, active: int) -> None:
    path = write(tmp_path / "customers.xlsx", active)
    expected = openpyxl_rows(path)
    assert calamine_rows(path) == expected
    if active == 1:
        assert expected[2][2] == "Customers, December 2026"
        assert expected[5][2:] == (
            *CELLS[:6],
            7,  # (a whole number)
            -0.5,
            1.234567890123457e16,  # (as Excel, 15 digits)
            1e20,
            True,
            "00123",
            "  ",
            None,
            None,  # (no cached value)
            "Иван 王",
        )


def test_the_active_sheet_is_read(tmp_path: Path) -> None:
    assert active_sheet_index(write(tmp_path / "a.xlsx", 2)) == 2
    assert calamine_rows(tmp_path / "a.xlsx") == [("only",)]
    assert active_sheet_index(write(tmp_path / "b.xlsx", 0)) == 0
    assert calamine_rows(tmp_path / "b.xlsx") == []


def test_a_batch_reads_the_rows_at_their_sheet_numbers(tmp_path: Path) -> None:
    path = write(tmp_path / "customers.xlsx", 1)
    source = open_source(path, "xlsx")
    try:
        raws = list(source._read())
    finally:
        source.close()
    assert [raw.where for raw in raws] == ["row 6", "row 7", "row 9"]
    assert source.notes[0].startswith("read row 5 as the header")
    fields = raws[0].fields
    assert fields is not None
    assert fields["name"] == "Ali Khan" and fields["birth_date"] == dt.datetime(1970, 5, 3)


def test_an_unreadable_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook>")
    with pytest.raises(BatchError, match="not a readable .xlsx"):
        open_source(path, "xlsx")


def sparse_workbook(path: Path) -> Path:
    """A workbook of a few kilobytes whose cells span the whole of Excel's grid
    (A1 to XFD1048576)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "name"
    sheet["A2"] = "Jane Doe"
    sheet["XFD1048576"] = "x"
    book.save(path)
    return path


def test_a_sheet_spanning_too_many_cells_is_refused_before_calamine_reads_it(
    tmp_path: Path,
) -> None:
    """calamine would ask for 512 GiB for this sheet, and abort the process."""
    path = sparse_workbook(tmp_path / "sparse.xlsx")
    with pytest.raises(SheetTooLarge, match="1,048,576 rows of 16,384 columns"):
        ActiveSheet(path)
    with pytest.raises(BatchError, match="not a readable .xlsx"):
        open_source(path, "xlsx")


@pytest.mark.parametrize(
    ("xml", "span"),
    [
        # cells and rows placed after the ones before, as calamine places them
        (
            b'<row><c t="b"><v>1</v></c><c t="b"><v>1</v></c></row><row r="5"><c><v>1</v></c></row>',
            (5, 2),
        ),
        (
            b'<row r="3"><c r="C3"><v>1</v></c><c><v>1</v></c></row><row><c><v>2</v></c></row>',
            (4, 4),
        ),
        (
            b'<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B1"/><c><v>3</v></c></row>',
            (2, 3),
        ),
        (b'<row r="9"><c r="A1"><v>1</v></c></row><row r="3"><c r="B3"><v>1</v></c></row>', (3, 2)),
    ],
)
def test_the_span_is_calamines(xml: bytes, span: tuple[int, int], tmp_path: Path) -> None:
    """The span of these rows, in one piece and in pieces of three bytes, is the
    one calamine gives a workbook of them."""
    data = b"<sheetData>" + xml + b"</sheetData>"
    assert sheet_span(iter([data])) == span
    assert sheet_span(iter([data[i : i + 3] for i in range(0, len(data), 3)])) == span
    book = openpyxl.Workbook()
    book.save(tmp_path / "base.xlsx")
    path = tmp_path / "rows.xlsx"
    with zipfile.ZipFile(tmp_path / "base.xlsx") as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                part = re.sub(rb"<sheetData\s*/>|<sheetData>.*</sheetData>", data, part)
            target.writestr(info, part)
    sheet = CalamineWorkbook.from_path(path).get_sheet_by_index(0)
    assert sheet.end is not None
    assert (sheet.end[0] + 1, sheet.end[1] + 1) == span


def test_a_sheet_within_the_cap_is_not_refused() -> None:
    rows = MAX_CELLS // 16_384
    xml = f'<row r="{rows}"><c r="XFD{rows}"/></row>'.encode()
    assert sheet_span(iter([xml])) == (rows, 16_384)


@pytest.mark.realdata
def test_a_published_workbook_reads_as_openpyxl_read_it() -> None:
    """OFSI's workbook (no error cells), cell for cell, but for the documented
    differences: empty text is ``None``, and openpyxl's padding past the last
    cell is gone."""
    path = LISTS / "uk_hmt_ofsi" / "2023-06-05" / "ConList.xlsx"
    if not path.exists():
        pytest.skip(f"{path} is not here")
    expected = [tuple(None if v == "" else v for v in row) for row in openpyxl_rows(path)]
    got = calamine_rows(path)
    assert len(got) <= len(expected)
    assert all(not any(row) for row in expected[len(got) :])
    assert [row[: len(got[0])] for row in expected[: len(got)]] == got
