"""OFAC legacy CSV: ``sdn.csv`` / ``cons_prim.csv`` and their companion files.

The legacy CSV set of the SDN list is ``sdn.csv`` (one row per listing) plus
``add.csv`` (addresses), ``alt.csv`` (strong aliases) and ``sdn_comments.csv``
(continuations of remarks longer than the 1,000 characters ``sdn.csv`` holds); the
consolidated (non-SDN) list uses ``cons_prim.csv``, ``cons_add.csv``, ``cons_alt.csv``
and ``cons_comments.csv``. Any of them may come zipped; a zip holding the whole set
is read as one publication.

Format (OFAC's "legacy" data specification): no header row; ``-0-`` (often followed by
a space) means empty; CRLF line ends; a Ctrl-Z (0x1A) byte ends the file. Columns:

* ``sdn.csv``: ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type,
  Tonnage, GRT, Vess_flag, Vess_owner, Remarks;
* ``add.csv``: ent_num, Add_num, Address, City/State/Province/Postal Code, Country,
  Add_remarks;
* ``alt.csv``: ent_num, alt_num, alt_type (``aka``/``fka``/``nka``), alt_name,
  alt_remarks;
* ``sdn_comments.csv``: ent_num, remarks continuation (appended to the remark
  without separator: OFAC cut the text mid-word).

``sdn.csv`` alone is a complete publication for screening: only the strong aliases
of ``alt.csv`` and the addresses are then missing; the weak aliases, dates of birth,
identifiers and links are in the remarks (see :mod:`thaw.sources.ofac_remarks`).
The files carry no publication date (the loader takes it from ``--date`` or the
folder name).

``SDN_Type`` ``individual`` → Person, ``vessel`` → Vessel, ``aircraft`` → Aircraft,
``-0-`` (an entity) → Organization. Vessel columns: call sign → identifier
``call_sign``; flag → ``countries`` (and ``extra["vessel_flag"]``); type, tonnage and
gross registered tonnage → ``extra``; owner → link ``vessel_owner``. ``Linked To:``
names and vessel owners are resolved to listings of the same file after all rows
are read.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import ClassVar

from thaw.model import Address, Identifier, Link, Name, PublicationInfo, Record
from thaw.sources.base import Publication, Reader, SourceError, open_binary
from thaw.sources.common import clean
from thaw.sources.ofac_remarks import (
    ALIAS_KINDS,
    add_extra,
    ofac_country,
    parse_remarks,
    person_parts,
    resolve_links,
    split_programs,
)

__all__ = ["OfacConsCsvReader", "OfacSdnCsvReader"]

_TYPES = {"individual": "Person", "vessel": "Vessel", "aircraft": "Aircraft"}
_EMPTY = frozenset(("-0- ", "-0-", "", " "))
_FIRST_LINE = re.compile(rb'^\s*\d+,"[^"\r\n]*",(?:-0-\s*|"[A-Za-z]*"),')
_ENCODINGS = ("utf-8-sig", "cp1252")

# (file role, number of columns, column names for messages)
_MAIN_COLUMNS = 12
_COMPANION_COLUMNS = {"add": 6, "alt": 5, "comments": 2}


def _decode(data: bytes, path: Path | str) -> str:
    data = data.rstrip(b"\x1a\r\n").rstrip(b"\x1a")
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            last = exc
    raise SourceError(path, f"not valid UTF-8 or cp1252 text at byte {last.start}")


def _check_end(data: bytes, where: Path | str, notes: list[str]) -> SourceError | None:
    """OFAC's CSV files end with a Ctrl-Z byte (``\\x1a``) after the last CRLF row: a file
    in OFAC's CRLF layout without it was cut short (a download that stopped at a row
    boundary still parses), and is refused. A copy re-saved with LF line endings has
    lost the mark too, so its completeness cannot be checked: it is accepted with a
    note. Returns the refusal, raised once the rows have been read (a row cut in the
    middle is reported as such first)."""
    if not data or data.rstrip(b"\r\n").endswith(b"\x1a"):
        return None
    if b"\r\n" in data[:65536]:
        return SourceError(
            where,
            "the file ends without OFAC's end-of-file mark (Ctrl-Z) after its last row: "
            "a truncated download?",
            "end of file",
        )
    notes.append(
        f"{Path(str(where)).name} has no end-of-file mark (re-saved copy?): "
        "its completeness could not be checked"
    )
    return None


def _zip_members(path: Path) -> dict[str, zipfile.ZipInfo]:
    """Lower-case base name → member, for a zip holding several files (else empty)."""
    try:
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, NotImplementedError, OSError):
        return {}
    if len(members) < 2:
        return {}
    return {Path(m.filename).name.lower(): m for m in members}


def _read_bytes(path: Path, member: zipfile.ZipInfo | None = None) -> bytes:
    try:
        if member is not None:
            with zipfile.ZipFile(path) as zf:
                return zf.read(member)
        with open_binary(path) as fh:
            return fh.read()
    except (OSError, EOFError, zipfile.BadZipFile, NotImplementedError) as exc:
        raise SourceError(path, f"cannot read (truncated or corrupt?): {exc}") from exc


def _rows(text: str, where: str, columns: int) -> Iterator[tuple[int, list[str]]]:
    """``(line number, fields)`` for every non-empty row; a row with the wrong number
    of fields or broken quoting raises :class:`SourceError` naming its line."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    line = 1
    while True:
        start = line
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise SourceError(where, f"broken CSV row: {exc}", f"line {start}") from exc
        line = reader.line_num + 1
        if not row or (len(row) == 1 and not row[0].strip(" \x1a")):
            continue
        if len(row) != columns:
            raise SourceError(
                where,
                f"expected {columns} fields, found {len(row)} (a broken or truncated row?)",
                f"line {start}",
            )
        ent_num = row[0].strip()
        if not ent_num.isdigit():
            raise SourceError(where, f"ent_num {ent_num[:40]!r} is not a number", f"line {start}")
        yield start, row


class _OfacCsvReader:
    """Shared reader of the SDN and consolidated CSV sets (subclasses set the names).

    A mixin rather than a :class:`Reader` subclass: every ``Reader`` subclass is
    registered, abstract or not, so shared code stays outside the hierarchy.
    """

    source: ClassVar[str]
    format: ClassVar[str] = "csv"
    companions: ClassVar[Mapping[str, str]]
    primary_name: ClassVar[str]
    """The main file's name, used in the planner's message for a companion alone."""
    max_bytes: ClassVar[int | None] = 64 << 20
    """OFAC's CSV files are read whole: refuse anything beyond 16 times the largest
    real sdn.csv (3.9 MB in 2024)."""

    @classmethod
    def _looks_like(cls, name: str, head: bytes) -> bool:
        if not name.endswith((".csv", ".txt")) or name in cls.companions.values():
            return False
        return _FIRST_LINE.match(head) is not None and _field_count(head) == _MAIN_COLUMNS

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        info = PublicationInfo(self.source, self.format)
        return Publication(info, self._records(path, dict(companions), info))

    # -- reading -------------------------------------------------------------------

    def _texts(
        self, path: Path, companions: dict[str, Path], notes: list[str]
    ) -> tuple[str, dict[str, tuple[str, str]], SourceError | None]:
        """The main text and ``role → (where, text)`` of the companions found (given
        files, or members of the same zip archive)."""
        members = _zip_members(path)
        main_name = self.primary_name
        if members:
            main = members.get(main_name)
            if main is None:
                raise SourceError(path, f"zip archive holds no {main_name}")
            data = _read_bytes(path, main)
            cut = _check_end(data, f"{path}!{main.filename}", notes)
            text = _decode(data, f"{path}!{main.filename}")
        else:
            data = _read_bytes(path)
            cut = _check_end(data, path, notes)
            text = _decode(data, path)
        found: dict[str, tuple[str, str]] = {}
        for role, fname in self.companions.items():
            if role in companions:
                cpath = companions[role]
                found[role] = (str(cpath), _decode(_read_bytes(cpath), cpath))
            elif fname in members:
                where = f"{path}!{members[fname].filename}"
                found[role] = (where, _decode(_read_bytes(path, members[fname]), where))
        return text, found, cut

    def _records(
        self, path: Path, companions: dict[str, Path], info: PublicationInfo
    ) -> Iterator[Record]:
        text, found, cut = self._texts(path, companions, info.notes)
        if not text.strip():
            raise SourceError(path, "file is empty")
        comments: dict[str, str] = {}
        if "comments" in found:
            where, ctext = found["comments"]
            for _, row in _rows(ctext, where, _COMPANION_COLUMNS["comments"]):
                sid = row[0].strip()
                comments[sid] = comments.get(sid, "") + row[1]
        records: dict[str, Record] = {}
        for line, row in _rows(text, str(path), _MAIN_COLUMNS):
            record = self._record(row, comments, str(path), line)
            records[record.source_id] = record
        if not records:
            raise SourceError(path, "no listing rows found")
        if cut is not None:
            raise cut
        orphans = [sid for sid in comments if sid not in records]
        if "alt" in found:
            where, atext = found["alt"]
            for _, row in _rows(atext, where, _COMPANION_COLUMNS["alt"]):
                self._alias(records, row, orphans)
        if "add" in found:
            where, dtext = found["add"]
            for _, row in _rows(dtext, where, _COMPANION_COLUMNS["add"]):
                self._address(records, row, orphans)
        if orphans:
            info.notes.append(
                f"{len(set(orphans))} companion rows refer to ent_num absent from "
                f"{path.name} (e.g. {sorted(set(orphans))[0]}); ignored"
            )
        missing = [fname for role, fname in self.companions.items() if role not in found]
        if missing and len(missing) < len(self.companions):
            info.notes.append(f"companion files absent: {', '.join(missing)}")
        resolved, unresolved = resolve_links(records.values(), self.source)
        if unresolved:
            info.notes.append(
                f"{unresolved} of {resolved + unresolved} linked names match no single "
                "listing of this publication (kept as names)"
            )
        yield from records.values()

    def _record(self, row: list[str], comments: dict[str, str], where: str, line: int) -> Record:
        sid = row[0].strip()
        name = clean(row[1])
        if name is None:
            raise SourceError(where, f"listing {sid} has no name", f"line {line}")
        sdn_type = clean(row[2])
        schema = _TYPES.get(sdn_type.lower(), "Organization") if sdn_type else "Organization"
        if sdn_type and sdn_type.lower() not in _TYPES:
            raise SourceError(where, f"unknown SDN_Type {sdn_type!r}", f"line {line}")
        record = Record(self.source, sid, schema)
        parts = person_parts(name) if schema == "Person" else None
        record.names.append(Name(name, "primary", parts=parts))
        record.programs = split_programs(row[3])
        if row[4] not in _EMPTY and (title := clean(row[4])):
            record.titles.append(title)
        if schema == "Vessel" or any(row[i] not in _EMPTY for i in range(5, 11)):
            self._vessel(record, row)
        remarks = row[11]
        if remarks in _EMPTY and sid not in comments:
            return record
        if sid in comments:
            remarks = remarks + comments[sid] if clean(remarks) else comments[sid]
        parse_remarks(record, remarks)
        return record

    @staticmethod
    def _vessel(record: Record, row: list[str]) -> None:
        """The vessel columns: call sign, type, tonnage, GRT, flag, owner."""
        call_sign = clean(row[5])
        if call_sign:
            record.identifiers.append(Identifier("call_sign", call_sign, label="Call Sign"))
        add_extra(record, "vessel_type", row[6])
        add_extra(record, "tonnage", row[7])
        add_extra(record, "gross_registered_tonnage", row[8])
        flag = clean(row[9])
        if flag:
            add_extra(record, "vessel_flag", flag)
            code = ofac_country(flag)
            if code:
                record.countries.append(code)
        owner = clean(row[10])
        if owner:
            record.links.append(Link("vessel_owner", name=owner))

    @staticmethod
    def _alias(records: dict[str, Record], row: list[str], orphans: list[str]) -> None:
        record = records.get(row[0].strip())
        if record is None:
            orphans.append(row[0].strip())
            return
        name = clean(row[3])
        if name is None:
            return
        alt_type = (clean(row[2]) or "aka").lower()
        kind = ALIAS_KINDS.get(alt_type, "alias")
        if kind == "primary":
            kind = "alias"
        parts = person_parts(name) if record.schema == "Person" else None
        record.add_name(name, kind, parts=parts)
        note = clean(row[4])
        if note:
            record.remarks.append(f"{name}: {note}")

    @staticmethod
    def _address(records: dict[str, Record], row: list[str], orphans: list[str]) -> None:
        record = records.get(row[0].strip())
        if record is None:
            orphans.append(row[0].strip())
            return
        street, city, country = clean(row[2]), clean(row[3]), clean(row[4])
        full = ", ".join(p for p in (street, city, country) if p)
        if not full:
            return
        code = ofac_country(country)
        record.addresses.append(Address(full, country=code, street=street, city=city))
        if code and code not in record.countries:
            record.countries.append(code)
        note = clean(row[5])
        if note:
            record.remarks.append(f"address {full}: {note}")


def _field_count(head: bytes) -> int:
    line = head.split(b"\n", 1)[0].decode("utf-8", "replace")
    try:
        return len(next(csv.reader([line])))
    except (csv.Error, StopIteration):
        return 0


class OfacSdnCsvReader(_OfacCsvReader, Reader):
    """The SDN list as legacy CSV: ``sdn.csv`` (+ ``add.csv``, ``alt.csv``,
    ``sdn_comments.csv``)."""

    source = "us_ofac_sdn"
    primary_name = "sdn.csv"
    companions = {"add": "add.csv", "alt": "alt.csv", "comments": "sdn_comments.csv"}
    priority = 1  # a neutrally named file in this layout is taken as the SDN list

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        return "cons" not in name and cls._looks_like(name, head)


class OfacConsCsvReader(_OfacCsvReader, Reader):
    """The consolidated (non-SDN) list as legacy CSV: ``cons_prim.csv`` (+
    ``cons_add.csv``, ``cons_alt.csv``, ``cons_comments.csv``)."""

    source = "us_ofac_cons"
    primary_name = "cons_prim.csv"
    companions = {"add": "cons_add.csv", "alt": "cons_alt.csv", "comments": "cons_comments.csv"}

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        return "sdn" not in name and cls._looks_like(name, head)
