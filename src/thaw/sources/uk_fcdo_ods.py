"""FCDO UK Sanctions List, OpenDocument spreadsheet (``UK_Sanctions_List.ods``).

The spreadsheet has the CSV's layout (see :mod:`thaw.sources.uk_fcdo_csv`): an
optional ``Report Date: …`` row, the header row (found among the first rows by its
``Unique ID`` and ``Name 6`` headings) and one row per name. Only the first table is
read; ``content.xml`` is parsed through the hardened XML parser
(:func:`~thaw.sources._tabular.ods_rows`).

The FCDO also publishes the list as a *text document* (``UK_Sanctions_List.odt``),
formatted for reading, with no table to parse. Such a file is recognised here and
refused with a message that says so, rather than being half-read.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from thaw.model import PublicationInfo
from thaw.sources import _fcdo
from thaw.sources._tabular import is_ods, is_odt, ods_rows
from thaw.sources.base import Publication, Reader, SourceError, read_head


class FcdoOdsReader(Reader):
    """``UK_Sanctions_List.ods`` (and the refusal of the ``.odt`` document)."""

    source = _fcdo.SOURCE
    format = "ods"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        if is_ods(head):
            return True
        return is_odt(head) and "sanction" in name

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        if is_odt(read_head(path)):
            raise SourceError(
                path,
                "this is an OpenDocument text document (.odt): the human-readable edition "
                "of the UK Sanctions List, which is not a data file and is not parsed as a "
                "list. Load the machine-readable UK_Sanctions_List.xml, .csv or .ods instead",
            )
        rows: Iterator[_fcdo.Row] = ((f"row {n}", cells) for n, cells in ods_rows(path))
        published, keys = _fcdo.table_start(path, rows)
        info = PublicationInfo(self.source, self.format, published)
        return Publication(info, _fcdo.table_records(path, keys, rows))
