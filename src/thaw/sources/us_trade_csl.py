"""US Consolidated Screening List (CSL), CSV from trade.gov (``consolidated.csv``,
also served gzipped).

The CSL merges 13 export-control and sanctions lists of the Departments of
Commerce, State and the Treasury: SDN, Entity List (EL), Denied Persons List (DPL),
Unverified List (UVL), Military End User (MEU), ITAR Debarred (DTC),
Nonproliferation Sanctions (ISN), SSI, FSE, PLC, CAPTA (CAP), NS-MBS and CMIC. The
header is ``_id, source, entity_number, type, programs, name, title, addresses,
federal_register_notice, start_date, end_date, standard_order, license_requirement,
license_policy, call_sign, vessel_type, gross_tonnage, gross_registered_tonnage,
vessel_flag, vessel_owner, remarks, source_list_url, alt_names, citizenships,
dates_of_birth, nationalities, places_of_birth, source_information_url, ids``;
multi-valued cells are ``"; "``-separated. The file carries no date.

**One record per row**, i.e. per listing *on one source list*. A party on several
lists (an SDN entry also on the SSI and CAPTA lists) appears once per list, with
the same ``_id`` (OFAC's entity number; the other agencies' rows have a hash): those
are distinct listings with distinct legal effects, and counting them apart matches
the file (2022-05-16: 14,160 rows, 14,048 distinct ``_id``). ``source_id`` is
``<list code>-<_id>`` (``SDN-34336``, ``SSI-18741``, ``EL-<hash>``); the list code is
the abbreviation the ``source`` column gives in parentheses. Should a list repeat a
row with the same ``_id`` (the 2022-05-16 file has CAPTA ``15268`` twice, differing
only in ``source_list_url``), the repeat gets a ``~2`` suffix and a note: both rows
are kept, since the loader refuses duplicate identifiers and dropping either would
hide a published row.

Mapping: ``type`` (Individual, Entity, Vessel, Aircraft; blank on the Commerce and
State lists) → schema; ``programs`` = the list code plus the ``programs`` cell;
``alt_names`` → aliases; ``ids`` (``"RU, 773013083324, Tax ID No."``: optional
country, optional dates, value, label) → identifiers and facts through OFAC's
label vocabulary (:mod:`thaw.sources.ofac_remarks`); ``remarks`` likewise
("Linked To: …" becomes a link); ``title`` → positions; ``start_date`` →
``listed_on``.

A header line repeated inside the data (the 2023-11-30 copy has one) is skipped. A
last row cut short by the end of the file (that copy ends in the middle of a
quoted field) is kept with the fields it has, and a note names its line; a short
row anywhere else is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from thaw.model import Address, Link, PublicationInfo, Record
from thaw.sources._tabular import CsvRows, dates_in, decode, first_lines, read_bytes
from thaw.sources.base import Publication, Reader, SourceError
from thaw.sources.common import add_estimates, clean, country_code, estimated_years, parse_date
from thaw.sources.ofac_remarks import apply_document, parse_remarks

SOURCE = "us_trade_csl"

COLUMNS = (
    "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
    "federal_register_notice", "start_date", "end_date", "standard_order",
    "license_requirement", "license_policy", "call_sign", "vessel_type", "gross_tonnage",
    "gross_registered_tonnage", "vessel_flag", "vessel_owner", "remarks", "source_list_url",
    "alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth",
    "source_information_url", "ids",
)  # fmt: skip
"""The published header, in order."""

REQUIRED = ("_id", "source", "name")

SCHEMA = {
    "individual": "Person",
    "entity": "Organization",
    "vessel": "Vessel",
    "aircraft": "Aircraft",
}

EXTRA_COLUMNS = (
    "entity_number", "federal_register_notice", "end_date", "standard_order",
    "license_requirement", "license_policy", "vessel_type", "gross_tonnage",
    "gross_registered_tonnage", "vessel_flag", "source_list_url", "source_information_url",
)  # fmt: skip

_LIST_CODE = re.compile(r"\(([^()]+)\)")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_DMY_DATE = re.compile(r"^\d{1,2} [A-Z][a-z]{2} \d{4}$")


def list_code(source: str) -> str:
    """``"SDN"`` for "Specially Designated Nationals (SDN) - Treasury Department",
    ``"NS-MBS"`` for "… (NS-MBS List) - …"; the whole name, slugged, when the name
    has no parenthesised code."""
    m = _LIST_CODE.search(source)
    if m:
        code = m.group(1).strip()
        if code.lower().endswith(" list"):
            code = code[:-5]
        return code.replace(" ", "-")
    return re.sub(r"[^A-Za-z0-9]+", "-", source).strip("-").upper() or "UNKNOWN"


def split_values(value: str | None) -> list[str]:
    """The items of a ``"; "``-separated cell."""
    return [v for part in (value or "").split(";") if (v := clean(part))]


_KNOWN_LABELS = frozenset(
    {
        "gender", "passport", "website", "email address", "phone number", "fax",
        "tax id no.", "national id no.", "registration number", "registration id",
        "cedula no.", "nit #", "ruc #", "c.u.r.p.", "r.f.c.", "target type", "swift/bic",
        "identification number", "organization established date", "company number",
        "vessel registration identification", "organization type:", "d-u-n-s number",
    }
)  # fmt: skip


def _is_country_or_date(part: str) -> bool:
    return bool(_COUNTRY.match(part) or _ISO_DATE.match(part) or _DMY_DATE.match(part))


def label_side(parts: list[str]) -> str | None:
    """Which end of an ``ids`` item holds the label: ``"last"`` (the 2022 layout,
    ``"RU, 773013083324, Tax ID No."``), ``"first"`` (the 2023 layout, ``"Tax ID No.,
    773013083324, RU"``) or ``None`` when the item alone does not tell."""
    first, last = parts[0], parts[-1]
    if _is_country_or_date(first):
        return "last"
    if _is_country_or_date(last):
        return "first"
    if last.endswith((":", " -")) or last.lower() in _KNOWN_LABELS:
        return "last"
    if first.endswith((":", " -")) or first.lower() in _KNOWN_LABELS:
        return "first"
    return None


def ids_layout(cells: list[str]) -> str:
    """The label side most items of these ``ids`` cells show (default ``"last"``)."""
    votes = {"first": 0, "last": 0}
    for cell in cells:
        for item in cell.split("; "):
            parts = [p.strip() for p in item.split(", ")]
            if len(parts) >= 2 and (side := label_side(parts)):
                votes[side] += 1
    return "first" if votes["first"] > votes["last"] else "last"


def apply_ids(record: Record, value: str | None, layout: str = "last") -> None:
    """Apply the ``ids`` cell, whose items trade.gov has written two ways:
    ``[country,] [date, [date,]] value, label`` (2022: ``"CA, BC166787, Passport"``)
    and ``label, value[, country][, date[, date]]`` (2023: ``"Passport, BC166787,
    CA"``). Each item's own shape decides; an item that does not tell (``"Male,
    Gender"``) follows ``layout``, the file's majority. Of two dates the earlier is
    taken as the issue date, the later as the expiry (the file does not say)."""
    for item in (value or "").split("; "):
        parts = [p.strip() for p in item.split(", ")]
        if len(parts) < 2:
            if text := clean(item):
                record.remarks.append(text)
            continue
        side = label_side(parts) or layout
        country: str | None = None
        dates: list[str] = []
        if side == "last":
            label = parts.pop()
            if len(parts) > 1 and _COUNTRY.match(parts[0]):
                country = parts.pop(0)
            while len(parts) > 1 and (_ISO_DATE.match(parts[0]) or _DMY_DATE.match(parts[0])):
                dates.append(parse_date(parts.pop(0)) or "")
        else:
            label = parts.pop(0)
            while len(parts) > 1 and (_ISO_DATE.match(parts[-1]) or _DMY_DATE.match(parts[-1])):
                dates.insert(0, parse_date(parts.pop()) or "")
            if len(parts) > 1 and _COUNTRY.match(parts[-1]):
                country = parts.pop()
        dates = sorted(d for d in dates if d)
        issued = dates[0] if len(dates) == 2 else None
        expires = dates[1] if len(dates) == 2 else None
        note = f"dated {dates[0]}" if len(dates) == 1 else None
        apply_document(
            record,
            label,
            ", ".join(parts),
            country=country,
            issued=issued,
            expires=expires,
            note=note,
        )


class TradeCslReader(Reader):
    """The Consolidated Screening List CSV (plain or gzipped)."""

    source = SOURCE
    format = "csv"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        lines = first_lines(head, 1)
        return bool(lines) and lines[0].replace('"', "").startswith(
            "_id,source,entity_number,type,programs,name"
        )

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        text = decode(path, read_bytes(path), ("utf-8-sig",))
        table = CsvRows(path, text, allow_truncated_last=True)
        first = table.next_row()
        if first is None:
            raise SourceError(path, "the file holds no header", "line 1")
        header = [h.strip() for h in first[1]]
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise SourceError(path, f"not a CSL header (no {', '.join(missing)} column)", "line 1")
        info = PublicationInfo(self.source, self.format, None)
        layout = self._ids_layout(path, text, header)
        return Publication(info, self._records(table, header, info, layout))

    @staticmethod
    def _ids_layout(path: Path, text: str, header: list[str]) -> str:
        """Vote on the ``ids`` layout over the first thousand rows."""
        if "ids" not in header:
            return "last"
        column = header.index("ids")
        probe = CsvRows(path, text[: 1 << 20], allow_truncated_last=True)
        cells: list[str] = []
        while len(cells) < 1000 and (row := probe.next_row()) is not None:
            if len(row[1]) > column:
                cells.append(row[1][column])
        return ids_layout(cells)

    def _records(
        self, table: CsvRows, header: list[str], info: PublicationInfo, layout: str
    ) -> Iterator[Record]:
        seen: dict[str, int] = {}
        for line, cells in table.rows(len(header)):
            if [c.strip() for c in cells] == header:
                info.notes.append(f"line {line}: the header is repeated; skipped")
                continue
            row = dict(zip(header, cells, strict=True))
            record = self._record(table.path, row, line, layout)
            count = seen.get(record.source_id, 0) + 1
            seen[record.source_id] = count
            if count > 1:
                info.notes.append(
                    f"line {line}: {record.source_id} is listed again; kept as "
                    f"{record.source_id}~{count}"
                )
                record.source_id = f"{record.source_id}~{count}"
            if table.truncated_line == line:
                info.notes.append(
                    f"line {line}: the last row is cut short by the end of the file; "
                    "kept with the fields present"
                )
            yield record

    def _record(self, path: Path, row: Mapping[str, str], line: int, layout: str) -> Record:
        listing = clean(row.get("_id"))
        source_list = clean(row.get("source"))
        name = clean(row.get("name"))
        if not listing or not source_list:
            raise SourceError(path, "row has no _id or no source list", f"line {line}")
        if not name:
            raise SourceError(path, f"listing {listing} has no name", f"line {line}")
        code = list_code(source_list)
        kind = (clean(row.get("type")) or "").lower()
        record = Record(SOURCE, f"{code}-{listing}", SCHEMA.get(kind, "LegalEntity"))
        record.add_name(name, "primary")
        for alias in split_values(row.get("alt_names")):
            record.add_name(alias, "alias")
        record.programs.append(code)
        for program in split_values(row.get("programs")):
            if program not in record.programs:
                record.programs.append(program)
        record.extra["list"] = source_list
        for title in split_values(row.get("title")):
            record.positions.append(title)
        for item in split_values(row.get("addresses")):
            tail = item.rsplit(",", 1)[-1].strip()
            code2 = tail.lower() if _COUNTRY.match(tail) else country_code(tail)
            record.addresses.append(Address(item, code2))
            if code2 and code2 not in record.countries:
                record.countries.append(code2)
        for field, target in (
            ("citizenships", record.citizenships),
            ("nationalities", record.nationalities),
        ):
            for value in split_values(row.get(field)):
                code2 = value.lower() if _COUNTRY.match(value) else country_code(value)
                if code2 and code2 not in target:
                    target.append(code2)
        for value in split_values(row.get("dates_of_birth")):
            for date in dates_in(value):
                if date not in record.birth_dates:
                    record.birth_dates.append(date)
            add_estimates(record, estimated_years(value))
        for place in split_values(row.get("places_of_birth")):
            record.birth_places.append(place)
        record.listed_on = parse_date(row.get("start_date"))
        call_sign = clean(row.get("call_sign"))
        if call_sign:
            apply_document(record, "Call Sign", call_sign)
        owner = clean(row.get("vessel_owner"))
        if owner:
            record.links.append(Link("vessel_owner", name=owner))
        apply_ids(record, row.get("ids"), layout)
        parse_remarks(record, row.get("remarks"))
        for column in EXTRA_COLUMNS:
            extra = clean(row.get(column))
            if not extra or (column == "entity_number" and extra == listing):
                continue  # the entity number repeats the _id on the Treasury lists
            record.extra[column] = extra
        return record
