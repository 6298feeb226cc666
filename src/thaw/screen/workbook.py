"""The rows of an Excel workbook's active sheet, read with python-calamine.

A customer file in ``.xlsx`` is read by the batch parent, one row after another,
while the workers screen. openpyxl's read-only mode spent about 137 µs of CPU a
row of eight cells doing it (XML parsed in Python); python-calamine (calamine's
Rust reader) spends about 9. openpyxl still writes workbooks (tests, exports).

:class:`ActiveSheet` gives the cells as openpyxl's read-only mode gave them, so
that reading a file does not change with the reader:

* the sheet read is the one the workbook shows when opened (its first book
  view's ``activeTab``; the first sheet without one, or when it is out of range);
* rows from the sheet's first row and cells from its first column (leading empty
  rows and columns included: the row numbers and columns are the sheet's), every
  row as wide as the sheet;
* an empty cell (one holding empty text, a formula without a cached value) is
  ``None``;
* a whole number is an ``int`` (``7``, not ``7.0``: an ID column stays ``7``),
  other numbers ``float``; a date cell a :class:`~datetime.datetime` (midnight
  for a date alone), a time a :class:`~datetime.time`, a duration a
  :class:`~datetime.timedelta`; text and booleans as written;
* a merged range has its value in its first cell only.

A sheet whose cells would span more than :data:`MAX_CELLS` cells is refused
before calamine reads it (:class:`SheetTooLarge`): calamine holds a sheet as one
dense grid from its first cell to its last, so a file of a few kilobytes with a
cell at A1 and another at XFD1048576 asked it for 512 GiB, and aborted the
process (a Rust allocation failure is no Python exception). Reading the span
from the sheet's XML takes about as long as calamine takes to read the sheet
(some 16 µs of CPU a row of 36 cells, against some 250 µs to screen it).

Three differences remain. A cell holding an error (``#N/A``, ``#REF!``) is empty
(openpyxl gave its text: a name cell holding one was the name ``#N/A``, it is
now a row without a name). A cell holding empty text is ``None`` (openpyxl gave
``""``, which thaw reads as empty too). The sheet ends with its last cell
(openpyxl padded rows and columns to the extent the file declares, which
spreadsheet programs often overstate: 255 columns for 13 in DFAT's workbook;
thaw passes over empty rows and reads only the header's columns).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from operator import itemgetter
from pathlib import Path
from typing import Final

from python_calamine import CalamineWorkbook

Cell = str | int | float | bool | dt.datetime | dt.time | dt.timedelta | None
"""A cell's value as :meth:`ActiveSheet.rows` gives it."""

#: A float stands for a whole number below this magnitude: Excel writes a
#: number of 16 digits or more with an exponent, which openpyxl read as a float.
_WHOLE_BELOW: Final = 1e16

_OFFICE_DOCUMENT: Final = re.compile(
    rb"<(?:\w+:)?Relationship\b(?=[^>]*\bType=\"[^\"]*/officeDocument\")[^>]*\bTarget=\"([^\"]+)\""
)
_ACTIVE_TAB: Final = re.compile(rb"<(?:\w+:)?workbookView\b[^>]*\bactiveTab=\"(\d+)\"")
_SHEET_ID: Final = re.compile(rb"<(?:\w+:)?sheet\b[^>]*\b\w+:id=\"([^\"]+)\"")
_RELATIONSHIP: Final = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_ATTRIBUTE: Final = re.compile(rb"\b(Id|Target)=\"([^\"]+)\"")
_ROW_OR_CELL: Final = re.compile(rb"<(?:\w+:)?(row|c)(?=[\s/>])([^>]*)>")
_REFERENCE: Final = re.compile(rb"\sr=\"([A-Za-z]*)(\d*)\"")
_TAG: Final = re.compile(rb"<(?:\w+:)?(row|c)(?=[\s/>])")
_CELL_REFERENCE: Final = re.compile(rb"<(?:\w+:)?c(?=\s)[^>]*?\sr=\"([A-Z]{1,3})(\d{1,9})\"")
_ROW_REFERENCE: Final = re.compile(rb"<(?:\w+:)?row(?=\s)[^>]*?\sr=\"(\d{1,9})\"")

#: The most cells a sheet may span (its rows times its columns, from A1 to its
#: last cell): 2^25, some 1 GiB as calamine holds them (32 bytes a cell), a
#: million rows of 32 columns.
MAX_CELLS: Final = 1 << 25
_PIECE: Final = 1 << 20


class SheetTooLarge(ValueError):
    """A sheet spanning more than :data:`MAX_CELLS` cells."""


def active_sheet_index(path: Path) -> int:
    """The position of the sheet the workbook at ``path`` opens on: the
    ``activeTab`` of its first book view that has one, as openpyxl's
    ``Workbook.active`` reads it (0 when none says)."""
    with zipfile.ZipFile(path) as zf:
        part = _book_part(zf)
        if part not in zf.namelist():
            return 0
        tab = _ACTIVE_TAB.search(zf.read(part))
    return int(tab.group(1)) if tab else 0


def _book_part(zf: zipfile.ZipFile) -> str:
    """The zip member of a workbook's main part (``xl/workbook.xml`` usually)."""
    if "_rels/.rels" in zf.namelist():
        found = _OFFICE_DOCUMENT.search(zf.read("_rels/.rels"))
        if found:
            return found.group(1).decode("utf-8", "replace").lstrip("/")
    return "xl/workbook.xml"


def _sheet_part(zf: zipfile.ZipFile, book: str, index: int) -> str | None:
    """The zip member of the sheet at ``index`` of the workbook part ``book``
    (``None`` when the workbook does not say)."""
    ids = _SHEET_ID.findall(zf.read(book))
    folder, _, name = book.rpartition("/")
    rels = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
    if not 0 <= index < len(ids) or rels not in zf.namelist():
        return None
    for tag in _RELATIONSHIP.findall(zf.read(rels)):
        attributes = dict(_ATTRIBUTE.findall(tag))
        if attributes.get(b"Id") == ids[index] and b"Target" in attributes:
            target = attributes[b"Target"].decode("utf-8", "replace")
            return target.lstrip("/") if target.startswith("/") else f"{folder}/{target}"
    return None


def sheet_span(data: Iterator[bytes]) -> tuple[int, int]:
    """``(rows, columns)`` a sheet's XML (given in pieces) spans from A1 to its
    last cell (its last row and column that hold one), as calamine places its
    cells: a cell at its ``r`` reference, or, without one, in the row of its
    ``row`` element after the cell before it; a row at its ``r`` or after the
    row before it. A cell without a value counts too (calamine leaves it out):
    the span is never less than calamine's."""
    rows = columns = row = column = 0
    pending: list[bytes] = []  # (an element not yet closed: joined once it is)
    for piece in data:
        cut = piece.rfind(b"<")
        if cut < 0:
            pending.append(piece)
            continue
        text = b"".join((*pending, piece[:cut]))
        pending = [piece[cut:]]
        quick = _referenced_span(text, row)
        if quick is not None:  # (every row and cell says where it is: the usual sheet)
            last_rows, last_columns, row, column = quick
            rows, columns = max(rows, last_rows), max(columns, last_columns)
        else:
            for tag, attributes in _ROW_OR_CELL.findall(text):
                ref = _REFERENCE.search(attributes)
                if tag == b"row":
                    row = int(ref.group(2)) if ref and ref.group(2) else row + 1
                    column = 0
                    continue
                column = _column(ref.group(1)) if ref and ref.group(1) else column + 1
                columns = max(columns, column)
                rows = max(rows, int(ref.group(2)) if ref and ref.group(2) else row)
                if rows * columns > MAX_CELLS:
                    return rows, columns
        if rows * columns > MAX_CELLS:
            return rows, columns
    return rows, columns


def _referenced_span(text: bytes, row: int) -> tuple[int, int, int, int] | None:
    """``(rows, columns, row, column)`` of a piece of a sheet's XML whose rows and
    cells all have an ``r`` reference: its span, and the row and column it ends
    in (``row`` if it opens none); ``None`` when an element has no reference,
    or there is none."""
    tags = _TAG.findall(text)
    cells = _CELL_REFERENCE.findall(text)
    numbers = _ROW_REFERENCE.findall(text)
    if not tags or len(tags) != len(cells) + len(numbers):
        return None
    row = int(numbers[-1]) if numbers else row
    if not cells:
        return 0, 0, row, 0
    rows = max(map(int, map(itemgetter(1), cells)))
    columns = max(map(_column, set(map(itemgetter(0), cells))))
    return rows, columns, row, 0 if tags[-1] == b"row" else _column(cells[-1][0])


def _column(letters: bytes) -> int:
    """The 1-based column of letters (``A`` 1, ``AA`` 27); past Excel's last
    column for more than three letters."""
    number = 0
    for letter in letters[:4].upper():
        number = number * 26 + letter - 64
    return number


def _pieces(zf: zipfile.ZipFile, member: str) -> Iterator[bytes]:
    with zf.open(member) as fh:
        while piece := fh.read(_PIECE):
            yield piece


def check_span(path: Path, index: int) -> None:
    """Raise :class:`SheetTooLarge` if the sheet at ``index`` of the workbook at
    ``path`` spans more than :data:`MAX_CELLS` cells (every worksheet part is
    read when the workbook does not say which is that sheet)."""
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        book = _book_part(zf)
        part = _sheet_part(zf, book, index) if book in names else None
        parts = [part] if part in names else [n for n in names if n.endswith(".xml")]
        for member in parts:
            assert member is not None
            rows, columns = sheet_span(_pieces(zf, member))
            if rows * columns > MAX_CELLS:
                raise SheetTooLarge(
                    f"{member} spans {rows:,} rows of {columns:,} columns, "
                    f"over the {MAX_CELLS:,}-cell cap for one sheet"
                )


class ActiveSheet:
    """The active sheet of the ``.xlsx`` workbook at ``path`` (raises what
    python-calamine raises for a file it cannot read, and
    :class:`SheetTooLarge`)."""

    def __init__(self, path: Path) -> None:
        index = active_sheet_index(path)
        self._book = CalamineWorkbook.from_path(path)
        if not 0 <= index < len(self._book.sheet_names):
            index = 0
        try:
            check_span(path, index)
        except BaseException:
            self._book.close()
            raise
        self._sheet = self._book.get_sheet_by_index(index)
        end = self._sheet.end
        #: The number of rows :meth:`rows` gives (0 for an empty sheet).
        self.height = 0 if end is None else end[0] + 1

    def rows(self) -> Iterator[tuple[Cell, ...]]:
        """Every row of the sheet from its first, as the module docs say."""
        start = self._sheet.start
        if start is None:  # (an empty sheet: calamine's iterator would fail)
            return
        # (calamine's iterator gives the empty rows above the first cell, but
        # starts each row at the first column that holds a cell)
        pad: tuple[Cell, ...] = (None,) * start[1]
        for row in self._sheet.iter_rows():
            yield (*pad, *map(_cell, row))

    def close(self) -> None:
        """Release the workbook."""
        self._book.close()


def _cell(value: int | float | str | dt.date | dt.time | dt.timedelta) -> Cell:
    """A calamine cell value as openpyxl's read-only mode gave it."""
    if isinstance(value, str):
        return value or None
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < _WHOLE_BELOW else value
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return value
