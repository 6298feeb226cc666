"""Spreadsheet-safe CSV: no cell that Excel or LibreOffice would run as a formula.

Names and remarks in thaw's CSV outputs come from list publications and from users'
files, and analysts open these files in spreadsheet programs, which treat a cell
starting with ``=``, ``+``, ``-`` or ``@`` (or with a tab or carriage return before
one) as a formula: ``=cmd|' /C calc'!A0`` can run a program, ``=HYPERLINK(…)`` can
send data away. Following OWASP's advice on CSV injection
(https://owasp.org/www-community/attacks/CSV_Injection), every cell thaw writes to a
CSV file passes :func:`safe_cell`:

* a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
  leading single quote (``'=cmd…``), which spreadsheets show as text and do not
  evaluate; plain numbers (``-12.5``) are left as they are;
* NUL bytes, which some programs stop reading at, become U+FFFD (``�``);
* quoting of separators and quotes is the :mod:`csv` module's as usual.

:class:`SafeWriter` and :class:`SafeDictWriter` are :mod:`csv`'s writers with that
applied; use them for every CSV thaw writes (``compare-file``, ``export --format
csv``, ``changes --csv``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import Any

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """``value`` as text that a spreadsheet shows and never evaluates (see the
    module docs)."""
    text = "" if value is None else str(value)
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    if text.startswith(_TRIGGERS) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text and text.lower().lstrip("+-")[:1].isdigit()


class SafeWriter:
    """:func:`csv.writer` whose cells pass :func:`safe_cell`."""

    def __init__(self, fh: Any, **kwargs: Any) -> None:
        self._writer = csv.writer(fh, **kwargs)

    def writerow(self, row: Iterable[object]) -> Any:
        """Write one row."""
        return self._writer.writerow([safe_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        """Write several rows."""
        for row in rows:
            self.writerow(row)


class SafeDictWriter(csv.DictWriter):  # type: ignore[type-arg]
    """:class:`csv.DictWriter` whose cells (and header) pass :func:`safe_cell`."""

    def writerow(self, rowdict: Mapping[str, Any]) -> Any:
        """Write one row (the header too: column names come from users' files)."""
        return super().writerow({k: safe_cell(v) for k, v in rowdict.items()})

    def writerows(self, rowdicts: Iterable[Mapping[str, Any]]) -> None:
        """Write several rows."""
        for row in rowdicts:
            self.writerow(row)
