"""FCDO UK Sanctions List, CSV (``UK_Sanctions_List.csv``).

A ``Report Date: dd-Mon-yyyy`` line (the publication date), the 58-column header
and one row per name (and per address, document …) of each designation; rows are
grouped by ``Unique ID`` (see :mod:`thaw.sources._fcdo`). UTF-8.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from thaw.model import PublicationInfo
from thaw.sources import _fcdo
from thaw.sources._tabular import CsvRows, decode, first_lines, read_bytes
from thaw.sources.base import Publication, Reader


class FcdoCsvReader(Reader):
    """``UK_Sanctions_List.csv``."""

    source = _fcdo.SOURCE
    format = "csv"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        for line in first_lines(head, 3):
            lower = line.lower()
            if "unique id" in lower and "name 6" in lower and "ofsi group id" in lower:
                return True
        return False

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        text = decode(path, read_bytes(path), ("utf-8-sig",))
        table = CsvRows(path, text)

        def preamble() -> Iterator[_fcdo.Row]:
            while (row := table.next_row()) is not None:
                yield f"line {row[0]}", row[1]
                if _fcdo.is_table_header(row[1]):
                    return

        published, keys = _fcdo.table_start(path, preamble())
        rows = ((f"line {line}", cells) for line, cells in table.rows(len(keys)))
        info = PublicationInfo(self.source, self.format, published)
        return Publication(info, _fcdo.table_records(path, keys, rows))
