"""Australia DFAT Consolidated List (``regulation8_consolidated.xlsx``).

One sheet, one header row: ``Reference | Name of Individual or Entity | Type | Name
Type | Date of Birth | Place of Birth | Citizenship | Address | Additional
Information | Listing Information | Committees | Control Date``, then one row per
*name*. The primary name has a plain number as ``Reference`` (``2``); its other
names follow with a letter suffix (``2a``, ``2b``, ``123b1``) and repeat the
listing's details. One record per base reference number (``source_id = "2"``).

Mapping:

* ``Name Type``: "Primary Name" → ``primary``, "aka" → ``alias``, "Original Script"
  → ``original``, "Formerly known as" / "Previously listed as" → ``former`` (the
  authority's spelling and capitalisation vary; they are normalised); an original
  name's language label in Latin letters ("ፍትዊ ዓብዱረዛቕ (Tigrinya)") becomes its
  ``lang``, not part of the name;
* ``Type``: Individual → ``Person``, Entity → ``Organization``;
* ``Date of Birth``: a date cell, a year number, or free text
  ("a) Approximately 1955-1958 b) 1945", "12 Dec. 1975", "Between 1958 and 1960");
* ``Citizenship`` → ISO codes (demonyms and "Russian and Ukrainian" resolve);
* ``Committees`` → ``programs``; ``Listing Information`` → ``extra`` and, when it
  says "Listed … on <date>", ``listed_on``;
* ``Additional Information`` → ``remarks``. DFAT does not publish a listing's own UN
  reference number; UN references quoted in the narrative ("A close associate of
  Mullah Mohammed Omar (TI.O.4.01)") name *other* UN listings and become
  ``Link("linked_to", "un_sc", "TI.O.4.01")``.

Publication date: the latest ``Control Date`` (the date of the most recent change).
It is a lower bound of the publication date (a list republished without change
keeps it), read from the file itself so that it does not depend on how a copy was
filed; on the held copy it equals the workbook's save date (2024-11-11). To compute
it, :meth:`AuDfatReader.read` reads the sheet before returning; records are built
lazily afterwards.

The workbook is read with openpyxl in read-only mode, bounded to the first
:data:`MAX_COLUMNS` columns (the sheet declares 255); empty rows, including the
empty trailing ones, are skipped. Recognised by name (``regulation8`` or ``dfat``
in an ``.xlsx`` name), as XLSX content is compressed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from thaw.model import Address, Link, NameKind, PublicationInfo, Record
from thaw.sources._tabular import (
    Cell,
    cell_str,
    dates_in,
    quoted_un_references,
    split_numbered,
    xlsx_rows,
)
from thaw.sources.base import Publication, Reader, SourceError
from thaw.sources.common import (
    add_estimates,
    clean,
    country_code,
    country_codes,
    estimated_years,
    parse_date,
)

SOURCE = "au_dfat"
MAX_COLUMNS = 40

HEADERS: dict[str, str] = {
    "reference": "reference",
    "name of individual or entity": "name",
    "type": "type",
    "name type": "name_type",
    "date of birth": "dob",
    "place of birth": "pob",
    "citizenship": "citizenship",
    "address": "address",
    "additional information": "info",
    "listing information": "listing",
    "committees": "committees",
    "control date": "control_date",
}

NAME_KINDS: dict[str, NameKind] = {
    "primary name": "primary",
    "aka": "alias",
    "a.k.a.": "alias",
    "original script": "original",
    "formerly known as": "former",
    "previously listed as": "former",
    "fka": "former",
}

SCHEMA = {"individual": "Person", "entity": "Organization", "vessel": "Vessel"}

_REFERENCE = re.compile(r"^\s*(\d+)\s*([a-z]*\d*)\s*$", re.I)
_LISTED = re.compile(
    r"\blisted\b[^.;()]*?\bon\s*(\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})",
    re.I,
)
_NONE = {"na", "n/a", "none", "not applicable", "unknown"}
#: An original-script name followed by its language in Latin letters, as DFAT
#: writes some ("ኤርሚኣስ ግርማይ (Tigrinya)"): the label becomes the name's
#: ``lang``, as OFSI publishes it in a column of its own.
_LANGUAGE_LABEL = re.compile(r"^(?P<name>.*?\S)\s*\((?P<lang>[A-Za-z][A-Za-z /-]*)\)$")


def base_reference(value: Cell) -> tuple[str, str] | None:
    """``("2", "a")`` for a ``Reference`` of ``2a`` (``("2", "")`` for ``2``)."""
    text = cell_str(value)
    m = _REFERENCE.match(text)
    return (str(int(m[1])), m[2].lower()) if m else None


def _value(value: Cell) -> str | None:
    text = clean(cell_str(value))
    if text is None or text.lower() in _NONE:
        return None
    return text


class AuDfatReader(Reader):
    """``regulation8_consolidated.xlsx``."""

    source = SOURCE
    format = "xlsx"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        return (
            name.endswith(".xlsx")
            and head.startswith(b"PK")
            and ("regulation8" in name or "dfat" in name)
        )

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        rows = xlsx_rows(path, max_col=MAX_COLUMNS)
        first = next(rows, None)
        if first is None:
            raise SourceError(path, "the workbook holds no rows", "row 1")
        keys = self._header(path, first)
        data = list(rows)
        control_dates = [
            d
            for _, values in data
            if len(values) > keys.index("control_date")
            and (d := _date(values[keys.index("control_date")]))
        ]
        info = PublicationInfo(self.source, self.format, max(control_dates, default=None))
        if not control_dates:
            info.notes.append("no Control Date in the file: the publication date is not known")
        return Publication(info, self._records(path, keys, data))

    @staticmethod
    def _header(path: Path, first: tuple[int, Sequence[Cell]]) -> list[str]:
        number, values = first
        keys = [HEADERS.get(" ".join(cell_str(v).split()).lower(), "") for v in values]
        while keys and not keys[-1]:
            keys.pop()
        missing = [k for k in ("reference", "name", "name_type", "control_date") if k not in keys]
        if missing:
            raise SourceError(
                path,
                "not the DFAT Consolidated List header (missing "
                + ", ".join(missing)
                + f"; found {[cell_str(v) for v in values if cell_str(v)]})",
                f"row {number}",
            )
        return keys

    def _records(
        self, path: Path, keys: list[str], data: list[tuple[int, tuple[Cell, ...]]]
    ) -> Iterator[Record]:
        records: dict[str, Record] = {}
        width = len(keys)
        for number, values in data:
            if any(cell_str(v) for v in values[width:]):
                raise SourceError(
                    path, f"values beyond the {width} header columns", f"row {number}"
                )
            row = {k: v for k, v in zip(keys, values, strict=False) if k}
            ref = base_reference(row.get("reference"))
            if ref is None:
                raise SourceError(
                    path,
                    f"Reference {cell_str(row.get('reference'))!r} is not a listing number",
                    f"row {number}",
                )
            base, suffix = ref
            record = records.get(base)
            if record is None:
                record = records[base] = Record(SOURCE, base)
            self._apply(path, record, row, suffix, number)
        yield from records.values()

    def _apply(
        self, path: Path, record: Record, row: Mapping[str, Cell], suffix: str, number: int
    ) -> None:
        name = _value(row.get("name"))
        if name is None:
            raise SourceError(path, f"listing {record.source_id} row has no name", f"row {number}")
        kind_text = " ".join((cell_str(row.get("name_type")) or "").split()).lower()
        kind = NAME_KINDS.get(kind_text)
        if kind is None:
            kind = "primary" if not suffix else "alias"
            if kind_text:
                _extra(record, "name_type", kind_text)
        label = _LANGUAGE_LABEL.match(name) if kind == "original" else None
        if label is not None and not any("a" <= c <= "z" for c in label["name"].lower()):
            # "ፍትዊ ዓብዱረዛቕ (Tigrinya)": the language is the name's, not a word of it
            record.add_name(label["name"], kind, lang=label["lang"])
        else:
            record.add_name(name, kind)
        schema = SCHEMA.get((cell_str(row.get("type")) or "").strip().lower())
        if schema and (record.schema == "LegalEntity" or not suffix):
            record.schema = schema
        for date in _dates(row.get("dob")):
            _add(record.birth_dates, date)
        add_estimates(record, estimated_years(_value(row.get("dob"))))
        if not _dates(row.get("dob")) and (raw := _value(row.get("dob"))):
            _extra(record, "date_of_birth", raw)
        for place in split_numbered(_value(row.get("pob"))):
            _add(record.birth_places, place)
        citizenship = _value(row.get("citizenship"))
        for item in split_numbered(citizenship):
            codes = country_codes(item)
            for code in codes:
                _add(record.citizenships, code)
            if not codes:
                _extra(record, "citizenship", item)
        for item in split_numbered(_value(row.get("address"))):
            where = country_code(item.rsplit(",", 1)[-1]) if "," in item else country_code(item)
            address = Address(item, where)
            if address not in record.addresses:
                record.addresses.append(address)
            if where:
                _add(record.countries, where)
        info = _value(row.get("info"))
        if info:
            _add(record.remarks, info)
            for ref in quoted_un_references(info):
                link = Link("linked_to", "un_sc", ref)
                if link not in record.links:
                    record.links.append(link)
        listing_cell = row.get("listing")
        listing = _value(listing_cell)
        if listing:
            _extra(record, "listing_information", listing)
            listed = _date(listing_cell) if isinstance(listing_cell, dt.date) else None
            if listed is None and (m := _LISTED.search(listing)):
                listed = parse_date(m.group(1).replace(".", "").replace(",", ""))
            if listed and (record.listed_on is None or listed < record.listed_on):
                record.listed_on = listed
        committee = _value(row.get("committees"))
        if committee:
            _add(record.programs, committee)
        control = _date(row.get("control_date"))
        if control and control > record.extra.get("control_date", ""):
            record.extra["control_date"] = control


def _date(value: Cell) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return parse_date(cell_str(value)) if value is not None else None


def _dates(value: Cell) -> list[str]:
    if isinstance(value, dt.date):
        return [d] if (d := _date(value)) else []
    if isinstance(value, int | float):
        year = int(value)
        return [str(year)] if 1800 <= year <= 2100 else []
    return dates_in(cell_str(value))


def _add(values: list[str], value: str) -> None:
    if value not in values:
        values.append(value)


def _extra(record: Record, key: str, value: str) -> None:
    old = record.extra.get(key)
    if not old:
        record.extra[key] = value
    elif value != old and value not in old.split(" | "):
        record.extra[key] = f"{old} | {value}"
