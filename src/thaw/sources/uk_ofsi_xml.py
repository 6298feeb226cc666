"""OFSI Consolidated List, 2022 XML layout (``ConList.xml`` from ``2022format/``).

``<ArrayOfFinancialSanctionsTarget xmlns="http://schemas.hmtreasury.gov.uk/ofsi/
consolidatedlist">`` holds one ``<FinancialSanctionsTarget>`` per name, with child
elements named after the fields (``Name6``, ``name1``…``name5``, ``AliasType``,
``AliasQuality``, ``Individual_DateOfBirth``, ``Address1``…, ``RegimeName``,
``DateListed``, ``DateDesignated``, ``LastUpdated``, ``UKSanctionsListRef``,
``UNRef``, ``GroupID``, ``Ship_IMONumber`` …; absent values are ``i:nil="true"``).
Unlike the CSV/XLSX, the XML gives the labelled data (statement of reasons, gender,
ship details, …) in elements of their own. One record per ``GroupID``.

The file carries no publication date (OFSI's dates are per row), so the loader
uses ``--date`` or the folder name; a root-level ``DateGenerated`` is honoured if
present.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from thaw.model import PublicationInfo, Record
from thaw.sources import _ofsi
from thaw.sources.base import Publication, Reader, SourceError, iter_xml, local, read_head
from thaw.sources.common import parse_date

_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
_DATE_GENERATED = re.compile(rb"<(?:\w+:)?DateGenerated>\s*([^<]+?)\s*</", re.I)


class OfsiXmlReader(Reader):
    """The 2022-format ``ConList.xml``."""

    source = _ofsi.SOURCE
    format = "xml"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        return b"<ArrayOfFinancialSanctionsTarget" in head or (
            b"<FinancialSanctionsTarget" in head and b"consolidatedlist" in head
        )

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        m = _DATE_GENERATED.search(read_head(path))
        published = parse_date(m.group(1).decode("utf-8", "replace")) if m else None
        info = PublicationInfo(self.source, self.format, published)
        if published is None:
            info.notes.append("ConList.xml carries no publication date")
        return Publication(info, self._records(path))

    def _records(self, path: Path) -> Iterator[Record]:
        groups = _ofsi.Groups(path)
        count = 0
        for _, el in iter_xml(path, events=("end",)):
            if local(el.tag) != "FinancialSanctionsTarget":
                continue
            count += 1
            row: dict[str, str] = {}
            for child in el:
                if not isinstance(child.tag, str) or child.get(_NIL) == "true":
                    continue
                key = _ofsi.XML_TAGS.get(local(child.tag).lower())
                text = (child.text or "").strip()
                if not text:
                    continue
                if key is None:
                    key = "col:" + local(child.tag).lower()
                row[key] = f"{row[key]}; {text}" if key in row else text
            location = f"FinancialSanctionsTarget {count} (line {el.sourceline})"
            el.clear()
            groups.add(row, location)
        if count == 0:
            raise SourceError(path, "no FinancialSanctionsTarget element", "end of file")
        yield from groups.records()
