"""OFSI Consolidated List, 2022 CSV layout (``ConList.csv`` from ``2022format/``).

Since February 2022 OFSI publishes the list with 36 columns: the legacy ones plus
``Name Non-Latin Script``, ``Non-Latin Script Type``, ``Non-Latin Script Language``,
``Passport Number``, ``National Identification Number`` / ``Details``, ``Alias
Quality`` and ``UK Sanctions List Date Designated``; ``Group Type`` gains ``Ship``.
The layout is that of ``ConList.xlsx``: a ``Last Updated`` line (the publication
date), the header, one row per name. UTF-8 (the non-Latin names need it).
``Other Information`` carries labelled fields ("(UK Sanctions List Ref):…",
"(UN Ref):…", "(Gender):…"), split out by :mod:`thaw.sources._ofsi`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from thaw.model import PublicationInfo
from thaw.sources import _ofsi
from thaw.sources.base import Publication, Reader
from thaw.sources.uk_ofsi_legacy import csv_rows


class OfsiCsvReader(Reader):
    """The 2022-format ``ConList.csv``."""

    source = _ofsi.SOURCE
    format = "csv"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        return _ofsi.csv_layout(head) == "2022"

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        published, keys, rows = csv_rows(path, ("utf-8-sig",))
        info = PublicationInfo(self.source, self.format, published)
        return Publication(info, _ofsi.table_records(path, keys, rows))
