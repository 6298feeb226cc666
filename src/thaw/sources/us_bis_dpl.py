"""US Bureau of Industry and Security Denied Persons List (``dpl.txt``).

Tab-separated, every field double-quoted, header ``Name, Street_Address, City,
State, Country, Postal_Code, Effective_Date, Expiration_Date, Standard_Order,
Last_Update, Action, FR_Citation``; dates ``mm/dd/yyyy`` (``Last_Update`` ISO).
ASCII in practice; UTF-8 and Windows-1252 are accepted. The file carries no
publication date: the loader uses ``--date`` or the folder name.

One record per row. The list has no identifier column, so ``source_id`` is derived
from the listed name: the first 12 hex digits of the SHA-1 of the ``Name``
(upper-cased, whitespace collapsed). A name's rows keep their identifier through
order renewals (which change ``Effective_Date``), corrected addresses and updated
citations: those are amendments of one listing (between the 2019 and 2022 copies,
411 identifiers carry over this way, against 357 with the effective date and address
in the key). When a name has several rows in the file (several addresses or orders),
each row's identifier gets ``-`` and 6 hex digits of the hash of its address; rows
that repeat name and address exactly (two in the 2022 copy, three in 2019) get
``-2``, ``-3`` so that every published row is kept.

The list mixes persons and companies without saying which: records are
``LegalEntity``. ``programs`` is ``["DPL"]``; the effective date is ``listed_on``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from thaw.model import Address, PublicationInfo, Record
from thaw.sources._tabular import CsvRows, decode, first_lines, read_bytes
from thaw.sources.base import Publication, Reader, SourceError
from thaw.sources.common import clean, country_code, parse_date

SOURCE = "us_bis_dpl"

COLUMNS = (
    "Name", "Street_Address", "City", "State", "Country", "Postal_Code", "Effective_Date",
    "Expiration_Date", "Standard_Order", "Last_Update", "Action", "FR_Citation",
)  # fmt: skip
ADDRESS = ("Street_Address", "City", "State", "Country", "Postal_Code")
REQUIRED = ("Name", *ADDRESS, "Effective_Date")


def _norm(value: str | None) -> str:
    return " ".join((value or "").upper().split())


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def listing_ids(rows: Sequence[Mapping[str, str]]) -> list[tuple[str, bool]]:
    """The stable identifier of each row of one file (see the module documentation),
    with whether the row repeats the name and address of an earlier one."""
    names = Counter(_norm(row.get("Name")) for row in rows)
    seen: Counter[str] = Counter()
    out: list[tuple[str, bool]] = []
    for row in rows:
        name = _norm(row.get("Name"))
        sid = _sha1(name)[:12]
        if names[name] > 1:
            address = "|".join(_norm(row.get(f)) for f in ADDRESS)
            sid = f"{sid}-{_sha1(name + '|' + address)[:6]}"
        seen[sid] += 1
        out.append((sid, False) if seen[sid] == 1 else (f"{sid}-{seen[sid]}", True))
    return out


class BisDplReader(Reader):
    """The Denied Persons List ``dpl.txt``."""

    source = SOURCE
    format = "tsv"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        lines = first_lines(head, 1)
        if not lines:
            return False
        fields = [f.strip().strip('"') for f in lines[0].split("\t")]
        return fields[:3] == ["Name", "Street_Address", "City"] and "Effective_Date" in fields

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        text = decode(path, read_bytes(path), ("utf-8-sig", "cp1252"))
        table = CsvRows(path, text, delimiter="\t")
        first = table.next_row()
        if first is None:
            raise SourceError(path, "the file holds no header", "line 1")
        header = [h.strip() for h in first[1]]
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise SourceError(
                path, f"not a Denied Persons List header (no {', '.join(missing)})", "line 1"
            )
        info = PublicationInfo(self.source, self.format, None)
        return Publication(info, self._records(table, header, info))

    def _records(
        self, table: CsvRows, header: list[str], info: PublicationInfo
    ) -> Iterator[Record]:
        rows: list[dict[str, str]] = []
        lines: list[int] = []
        for line, cells in table.rows(len(header)):
            row = {h: c.strip() for h, c in zip(header, cells, strict=True)}
            if not clean(row.get("Name")):
                raise SourceError(table.path, "row has no Name", f"line {line}")
            rows.append(row)
            lines.append(line)
        for line, (sid, repeat), row in zip(lines, listing_ids(rows), rows, strict=True):
            if repeat:
                info.notes.append(
                    f"line {line}: same name and address as an earlier row; kept as {sid}"
                )
            yield self._record(sid, clean(row.get("Name")) or "", row)

    @staticmethod
    def _record(sid: str, name: str, row: Mapping[str, str]) -> Record:
        record = Record(SOURCE, sid, "LegalEntity")
        record.add_name(name, "primary")
        record.programs.append("DPL")
        street, city, state = (
            clean(row.get("Street_Address")),
            clean(row.get("City")),
            clean(row.get("State")),
        )
        postal, country = clean(row.get("Postal_Code")), clean(row.get("Country"))
        code = country_code(country) if country else None
        parts = [p for p in (street, city, state, postal, country) if p]
        if parts:
            record.addresses.append(
                Address(
                    ", ".join(parts),
                    code,
                    city=city,
                    region=state,
                    postal_code=postal,
                    street=street,
                )
            )
        if code:
            record.countries.append(code)
        record.listed_on = parse_date(row.get("Effective_Date"), dayfirst=False)
        for column, key in (
            ("Expiration_Date", "expiration_date"),
            ("Last_Update", "last_update"),
        ):
            value = clean(row.get(column))
            if value:
                record.extra[key] = parse_date(value, dayfirst=False) or value
        for column, key in (
            ("Standard_Order", "standard_order"),
            ("Action", "action"),
            ("FR_Citation", "fr_citation"),
        ):
            value = clean(row.get(column))
            if value:
                record.extra[key] = value
        for column, value in row.items():
            if column not in COLUMNS and (text := clean(value)):
                record.extra[column.lower()] = text
        return record
