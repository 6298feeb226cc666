"""The FCDO UK Sanctions List model, shared by its XML, CSV and ODS encodings.

The Foreign, Commonwealth & Development Office publishes the UK Sanctions List (all
designations under the Sanctions and Anti-Money Laundering Act 2018, with the
sanctions imposed: asset freeze, travel ban, trade, transport …). Each designation
has a ``Unique ID`` (``RUS0264``, ``AFG0006``), which is :attr:`Record.source_id`; the
OFSI Group ID and the UN reference number, where the designation has them, become
links (``Link("ofsi_reference", "uk_ofsi", "14208")``, ``Link("un_reference",
"un_sc", "TAi.002")``).

* XML (``UK_Sanctions_List.xml``): ``<Designations>`` with a ``<DateGenerated>``
  (the publication date) and one ``<Designation>`` per listing, holding ``Names/Name``
  (``Name1``…``Name6``, ``NameType``, ``AliasStrength``), ``NonLatinNames``,
  ``Addresses/Address``, ``IndividualDetails/Individual`` (``DOBs``,
  ``Nationalities``, ``PassportDetails``, ``NationalIdentifierDetails``,
  ``Positions``, ``Genders``, ``BirthDetails/Location``), ``EntityDetails/Entity``
  and ``ShipDetails/Ship`` (``IMONumbers``, owners, flags, …).
* CSV / ODS: a ``Report Date: dd-Mon-yyyy`` line, then a 58-column header
  (``Last Updated, Unique ID, OFSI Group ID, UN Reference Number, Name 6, Name 1 …
  Name 5, Name type, Alias strength, …, Hull identification number (HIN)``) and one
  row per name (and per address, document …) of a designation: rows are grouped by
  ``Unique ID``.

Name types: "Primary Name" → ``primary``; "Primary name variation" and "Alias" →
``alias``, or ``weak`` when the alias strength is "Low quality a.k.a"; the non-Latin
names → ``original``. Dates are ``dd/mm/yyyy`` with ``dd``/``mm``/``00`` for unknown
parts.

The FCDO also publishes the list as a human-readable document (``.odt``, ``.pdf``,
``.html``); those are *not* data files and are refused with a clear message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from thaw.model import Address, Identifier, Link, NameKind, Record
from thaw.sources._tabular import dates_in
from thaw.sources.base import SourceError
from thaw.sources.common import (
    add_estimates,
    clean,
    country_code,
    estimated_years,
    parse_date,
    parse_gender,
)

SOURCE = "uk_fcdo"

SCHEMA = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}

TABLE_HEADERS: dict[str, str] = {
    "last updated": "last_updated",
    "unique id": "unique_id",
    "ofsi group id": "ofsi_group_id",
    "un reference number": "un_ref",
    "name 6": "name6",
    "name 1": "name1",
    "name 2": "name2",
    "name 3": "name3",
    "name 4": "name4",
    "name 5": "name5",
    "name type": "name_type",
    "alias strength": "alias_strength",
    "title": "title",
    "name non-latin script": "non_latin",
    "non-latin script type": "non_latin_type",
    "non-latin script language": "non_latin_lang",
    "regime name": "regime",
    "designation type": "designation_type",
    "designation source": "designation_source",
    "sanctions imposed": "sanctions_imposed",
    "other information": "other_info",
    "uk statement of reasons": "statement",
    "address line 1": "address1",
    "address line 2": "address2",
    "address line 3": "address3",
    "address line 4": "address4",
    "address line 5": "address5",
    "address line 6": "address6",
    "address postal code": "post_code",
    "address country": "address_country",
    "phone number": "phone",
    "website": "website",
    "email address": "email",
    "date designated": "date_designated",
    "d.o.b": "dob",
    "nationality(/ies)": "nationality",
    "national identifier number": "ni_number",
    "national identifier additional information": "ni_details",
    "passport number": "passport_number",
    "passport additional information": "passport_details",
    "position": "position",
    "gender": "gender",
    "town of birth": "town_of_birth",
    "country of birth": "country_of_birth",
    "type of entity": "entity_type",
    "subsidiaries": "subsidiaries",
    "parent company": "parent_company",
    "business registration number (s)": "business_reg",
    "imo number": "imo",
    "current owner/operator (s)": "current_owners",
    "previous owner/operator (s)": "previous_owners",
    "current believed flag of ship": "flag",
    "previous flags": "previous_flags",
    "type of ship": "ship_type",
    "tonnage of ship": "tonnage",
    "length of ship": "length",
    "year built": "year_built",
    "hull identification number (hin)": "hin",
}
"""Column heading (lower case, whitespace collapsed) → field key (CSV and ODS)."""

EXTRA_FIELDS: dict[str, str] = {
    "designation_source": "designation_source",
    "statement": "statement_of_reasons",
    "phone": "phone",
    "website": "website",
    "email": "email",
    "entity_type": "entity_type",
    "flag": "flag",
    "previous_flags": "previous_flags",
    "previous_owners": "previous_owners",
    "ship_type": "ship_type",
    "tonnage": "tonnage",
    "length": "length",
    "year_built": "year_built",
    "hin": "hull_identification_number",
}
"""Fields kept in :attr:`Record.extra` under the given key."""

_REPORT_DATE = re.compile(r"report date\s*:?\s*(.+)$", re.I)


def report_date(text: str | None) -> str | None:
    """The publication date of a ``Report Date: 08-Oct-2026`` line."""
    m = _REPORT_DATE.match((text or "").strip())
    return parse_date(m.group(1)) if m else None


def name_kind(name_type: str | None, strength: str | None) -> NameKind:
    """Name type and alias strength → the model's name kind."""
    kind = " ".join((name_type or "").lower().split())
    if kind == "primary name":
        return "primary"
    if (strength or "").strip().lower().startswith("low"):
        return "weak"
    if kind in ("former name", "formerly known as", "fka"):
        return "former"
    return "alias"


def _join(old: str | None, new: str) -> str:
    if not old:
        return new
    if (
        old == new
        or old.startswith(new + "; ")
        or old.endswith("; " + new)
        or (f"; {new}; " in old)
    ):
        return old
    return f"{old}; {new}"


class Designation:
    """Builds the record of one designation from its names, addresses and details,
    whatever the encoding they come from."""

    def __init__(self, unique_id: str) -> None:
        self.record = Record(SOURCE, unique_id)
        self._dobs: list[str] = []

    # -- names -------------------------------------------------------------------

    def name(
        self, parts: Mapping[str, str | None], name_type: str | None, strength: str | None
    ) -> None:
        """A Latin-script name: ``parts`` maps ``name1``…``name6`` to values."""
        kept = {
            k: v
            for k in ("name1", "name2", "name3", "name4", "name5", "name6")
            if (v := clean(parts.get(k)))
        }
        if kept:
            self.record.add_name(
                " ".join(kept.values()), name_kind(name_type, strength), parts=kept
            )

    def non_latin(self, value: str | None, script: str | None, language: str | None) -> None:
        """A name in its original, non-Latin script."""
        self.record.add_name(clean(value), "original", script=clean(script), lang=clean(language))

    # -- single facts ------------------------------------------------------------

    def designation_type(self, value: str | None) -> None:
        text = clean(value)
        if not text:
            return
        schema = SCHEMA.get(text.lower())
        if schema:
            self.record.schema = schema
        else:
            self.extra("designation_type", text)

    def regime(self, value: str | None) -> None:
        self._add(self.record.programs, clean(value))

    def date_designated(self, value: str | None) -> None:
        when = parse_date(value)
        if when and (self.record.listed_on is None or when < self.record.listed_on):
            self.record.listed_on = when

    def last_updated(self, value: str | None) -> None:
        when = parse_date(value)
        if when and when > self.record.extra.get("last_updated", ""):
            self.record.extra["last_updated"] = when

    def ofsi_group(self, value: str | None) -> None:
        text = clean(value)
        if text:
            self.link(Link("ofsi_reference", "uk_ofsi", text))

    def un_reference(self, value: str | None) -> None:
        text = clean(value)
        if text:
            for ref in re.split(r"[;,|]\s*", text):
                ref = ref.strip().rstrip(".")
                if ref:
                    self.link(Link("un_reference", "un_sc", ref))

    def sanctions_imposed(self, value: str | None) -> None:
        for item in (value or "").split("|"):
            if text := clean(item):
                self.extra("sanctions_imposed", text)

    def remark(self, value: str | None) -> None:
        self._add(self.record.remarks, clean(value))

    def title(self, value: str | None) -> None:
        self._add(self.record.titles, clean(value))

    def dob(self, value: str | None) -> None:
        for date in dates_in(value):
            self._add(self.record.birth_dates, date)
        add_estimates(self.record, estimated_years(value))
        if clean(value) and not dates_in(value):
            self.extra("date_of_birth", clean(value) or "")

    def birth_place(self, town: str | None, country: str | None) -> None:
        place = ", ".join(v for v in (clean(town), clean(country)) if v)
        self._add(self.record.birth_places, place or None)

    def nationality(self, value: str | None) -> None:
        text = clean(value)
        if not text:
            return
        code = country_code(text)
        if code:
            self._add(self.record.nationalities, code)
        else:
            self.extra("nationality", text)

    def position(self, value: str | None) -> None:
        self._add(self.record.positions, clean(value))

    def gender(self, value: str | None) -> None:
        gender = parse_gender(value)
        if gender:
            self.record.gender = gender

    def document(self, kind: str, number: str | None, details: str | None) -> None:
        text = clean(number)
        if not text:
            if clean(details):
                self.extra(f"{kind}_details", clean(details) or "")
            return
        note = clean(details)
        for existing in self.record.identifiers:
            if existing.kind == kind and existing.number == text:
                existing.note = existing.note or note
                return
        self.record.identifiers.append(Identifier(kind, text, note=note))

    def imo(self, value: str | None) -> None:
        digits = re.sub(r"\D", "", value or "")
        if digits:
            self.document("imo", digits, None)

    def business_registration(self, value: str | None) -> None:
        self.document("registration", value, None)

    def address(
        self, lines: Sequence[str | None], postal_code: str | None, country: str | None
    ) -> None:
        kept = [v for line in lines if (v := clean(line))]
        post = clean(postal_code)
        country_name = clean(country)
        code = country_code(country_name)
        if code:
            self._add(self.record.countries, code)
        if not kept and not post:
            return
        full = ", ".join(
            [*kept, *([post] if post else []), *([country_name] if country_name else [])]
        )
        address = Address(full, code, postal_code=post)
        if address not in self.record.addresses:
            self.record.addresses.append(address)

    def related(self, relation: str, name: str | None) -> None:
        text = clean(name)
        if text:
            self.link(Link(relation, name=text))

    def link(self, link: Link) -> None:
        if link not in self.record.links:
            self.record.links.append(link)

    def extra(self, key: str, value: str | None) -> None:
        text = clean(value)
        if text:
            self.record.extra[key] = _join(self.record.extra.get(key), text)

    @staticmethod
    def _add(values: list[str], value: str | None) -> None:
        if value and value not in values:
            values.append(value)

    # -- the table layout --------------------------------------------------------

    def row(self, f: Mapping[str, str]) -> None:
        """Apply one CSV/ODS row (field keys of :data:`TABLE_HEADERS`)."""
        self.name(f, f.get("name_type"), f.get("alias_strength"))
        if f.get("non_latin"):
            self.non_latin(f.get("non_latin"), f.get("non_latin_type"), f.get("non_latin_lang"))
        self.designation_type(f.get("designation_type"))
        self.regime(f.get("regime"))
        self.date_designated(f.get("date_designated"))
        self.last_updated(f.get("last_updated"))
        self.ofsi_group(f.get("ofsi_group_id"))
        self.un_reference(f.get("un_ref"))
        self.sanctions_imposed(f.get("sanctions_imposed"))
        self.remark(f.get("other_info"))
        self.title(f.get("title"))
        self.dob(f.get("dob"))
        if f.get("town_of_birth") or f.get("country_of_birth"):
            self.birth_place(f.get("town_of_birth"), f.get("country_of_birth"))
        self.nationality(f.get("nationality"))
        self.position(f.get("position"))
        self.gender(f.get("gender"))
        self.document("passport", f.get("passport_number"), f.get("passport_details"))
        self.document("national_id", f.get("ni_number"), f.get("ni_details"))
        self.business_registration(f.get("business_reg"))
        self.imo(f.get("imo"))
        self.address(
            [f.get(f"address{i}") for i in range(1, 7)],
            f.get("post_code"),
            f.get("address_country"),
        )
        self.related("owned_by", f.get("parent_company"))
        self.related("owns", f.get("subsidiaries"))
        self.related("vessel_owner", f.get("current_owners"))
        for key, extra_key in EXTRA_FIELDS.items():
            self.extra(extra_key, f.get(key))
        for key, value in f.items():
            if key.startswith("col:"):
                self.extra(key[4:].replace(" ", "_"), value)


# -- the table layout (CSV and ODS) ------------------------------------------------------

Row = tuple[str, Sequence[str]]


def header_keys(path: Path, header: Sequence[str], location: str) -> list[str]:
    """Field keys of a header row; unknown columns keep their heading (``col:``)."""
    keys = []
    for heading in header:
        name = " ".join(str(heading or "").split()).lower()
        keys.append(TABLE_HEADERS.get(name, f"col:{name}" if name else ""))
    for needed, label in (("unique_id", "Unique ID"), ("name6", "Name 6")):
        if needed not in keys:
            raise SourceError(path, f"not a UK Sanctions List header (no {label} column)", location)
    return keys


def is_table_header(cells: Sequence[str]) -> bool:
    lower = {" ".join(str(c or "").split()).lower() for c in cells}
    return "unique id" in lower and "name 6" in lower


def table_start(
    path: Path, rows: Iterator[Row], max_preamble: int = 5
) -> tuple[str | None, list[str]]:
    """Skip the preamble (``Report Date: …``, blank lines) up to the header row;
    returns the publication date and the field keys."""
    published = None
    for _ in range(max_preamble + 1):
        item = next(rows, None)
        if item is None:
            break
        location, cells = item
        if is_table_header(cells):
            header = [str(c or "") for c in cells]
            while header and not header[-1].strip():
                header.pop()
            return published, header_keys(path, header, location)
        for cell in cells:
            published = published or report_date(str(cell or ""))
    raise SourceError(
        path,
        "no UK Sanctions List header row (Unique ID, Name 6, …) found",
        f"first {max_preamble + 1} rows",
    )


def table_records(path: Path, keys: list[str], rows: Iterator[Row]) -> Iterator[Record]:
    """Group the rows by ``Unique ID`` and yield one record per designation."""
    designations: dict[str, Designation] = {}
    width = len(keys)
    for location, cells in rows:
        if len(cells) > width and any(str(c or "").strip() for c in cells[width:]):
            raise SourceError(path, f"row has values beyond the {width} header columns", location)
        fields = {
            k: v
            for k, c in zip(keys, cells, strict=False)
            if k and (v := " ".join(str(c or "").split()))
        }
        unique_id = fields.get("unique_id")
        if not unique_id:
            raise SourceError(path, "row has no Unique ID", location)
        if unique_id not in designations:
            designations[unique_id] = Designation(unique_id)
        designations[unique_id].row(fields)
    for designation in designations.values():
        yield designation.record
