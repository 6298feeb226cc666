"""OFSI Consolidated List, legacy CSV layout (``sanctionsconlist.csv``, until 2022).

The file opens with a ``Last Updated,dd/mm/yyyy`` line (the publication date), then
the 29-column header (``Name 6, Name 1 … Name 5, Title, DOB, … Alias Type, Regime,
Listed On, Last Updated, Group ID``) and one row per name. It is Windows-1252
encoded (UTF-8 is accepted too). One record per ``Group ID``; the row mapping is in
:mod:`thaw.sources._ofsi`. UN references are found in ``Other Information``
("UN Ref QDi.001.").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from thaw.model import PublicationInfo
from thaw.sources import _ofsi
from thaw.sources._tabular import CsvRows, decode, read_bytes
from thaw.sources.base import Publication, Reader


def csv_rows(
    path: Path, encodings: tuple[str, ...]
) -> tuple[str | None, list[str], Iterator[_ofsi.Row]]:
    """Decode an OFSI CSV and split it into date, header keys and data rows."""
    text = decode(path, read_bytes(path), encodings)
    table = CsvRows(path, text)

    def leading() -> Iterator[_ofsi.Row]:
        for _ in range(2):
            row = table.next_row()
            if row is None:
                return
            yield f"line {row[0]}", row[1]

    published, keys = _ofsi.table_start(path, leading())
    rows = ((f"line {line}", cells) for line, cells in table.rows(len(keys)))
    return published, keys, rows


class OfsiLegacyCsvReader(Reader):
    """The pre-2022 ``sanctionsconlist.csv`` (Windows-1252)."""

    source = _ofsi.SOURCE
    format = "legacy_csv"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        return _ofsi.csv_layout(head) == "legacy"

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        published, keys, rows = csv_rows(path, ("utf-8-sig", "cp1252"))
        info = PublicationInfo(self.source, self.format, published)
        return Publication(info, _ofsi.table_records(path, keys, rows))
