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


def active_sheet_index(path: Path) -> int:
    """The position of the sheet the workbook at ``path`` opens on: the
    ``activeTab`` of its first book view that has one, as openpyxl's
    ``Workbook.active`` reads it (0 when none says)."""
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        part = "xl/workbook.xml"
        if "_rels/.rels" in names:
            found = _OFFICE_DOCUMENT.search(zf.read("_rels/.rels"))
            if found:
                part = found.group(1).decode("utf-8", "replace").lstrip("/")
        if part not in names:
            return 0
        tab = _ACTIVE_TAB.search(zf.read(part))
    return int(tab.group(1)) if tab else 0


class ActiveSheet:
    """The active sheet of the ``.xlsx`` workbook at ``path`` (raises what
    python-calamine raises for a file it cannot read)."""

    def __init__(self, path: Path) -> None:
        index = active_sheet_index(path)
        self._book = CalamineWorkbook.from_path(path)
        if not 0 <= index < len(self._book.sheet_names):
            index = 0
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
