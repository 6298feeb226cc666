"""The OFSI Consolidated List row model, shared by its four encodings.

OFSI (HM Treasury's Office of Financial Sanctions Implementation) publishes one row
per *name* of a listing; the rows of one listing share a ``Group ID``, which is the
listing's identifier (:attr:`Record.source_id`). A listing's rows need not be
adjacent (the legacy CSV is sorted by name), so all rows are collected before the
first record is built.

Every encoding is first turned into rows of canonical keys (``name6``, ``dob``,
``group_id``, …, see :data:`CSV_HEADERS` and :data:`XML_TAGS`); :class:`Groups`
then builds one :class:`~thaw.model.Record` per Group ID:

* names: ``Name 1``…``Name 5`` then ``Name 6`` (the surname, or the whole name of an
  entity or ship), parts kept as ``name1``…``name6``; ``Alias Type`` "Prime Alias" /
  "Primary name" → ``primary``, "Primary name variation" / "AKA" → ``alias`` (or
  ``weak`` when ``Alias Quality`` is "Low quality"), "FKA" → ``former``; ``Name
  Non-Latin Script`` → ``original`` with its script and language;
* ``DOB`` (``dd/mm/yyyy``, ``00`` for unknown parts) → ISO partial dates;
* the 2022 format's ``Other Information`` carries labelled fields
  ("(UK Sanctions List Ref):RUS0264. (UK Statement of Reasons):… (Gender):Male");
  these are split out (see :data:`OTHER_INFO_LABELS`), the rest stays a remark;
* UN references ("UN Ref QDi.001", "(UN Ref):QDi.001") → ``Link("un_reference",
  "un_sc", "QDi.001")``; the UK Sanctions List reference → ``Link("fcdo_reference",
  "uk_fcdo", "RUS0264")`` (the FCDO list's Unique ID).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from thaw.model import Address, Identifier, Link, NameKind, Record
from thaw.sources._tabular import dates_in, split_numbered, un_references
from thaw.sources.base import SourceError
from thaw.sources.common import (
    add_estimates,
    clean,
    country_code,
    estimated_years,
    parse_date,
    parse_gender,
)
from thaw.sources.numbers import read_numbers

SOURCE = "uk_ofsi"

CSV_HEADERS: dict[str, str] = {
    "name 6": "name6",
    "name 1": "name1",
    "name 2": "name2",
    "name 3": "name3",
    "name 4": "name4",
    "name 5": "name5",
    "title": "title",
    "name non-latin script": "non_latin",
    "non-latin script type": "non_latin_type",
    "non-latin script language": "non_latin_lang",
    "dob": "dob",
    "town of birth": "town_of_birth",
    "country of birth": "country_of_birth",
    "nationality": "nationality",
    "passport number": "passport_number",
    "passport details": "passport_details",
    "national identification number": "ni_number",
    "national identification details": "ni_details",
    "ni number": "ni_number",
    "position": "position",
    "address 1": "address1",
    "address 2": "address2",
    "address 3": "address3",
    "address 4": "address4",
    "address 5": "address5",
    "address 6": "address6",
    "post/zip code": "post_code",
    "country": "country",
    "other information": "other_info",
    "group type": "group_type",
    "alias type": "alias_type",
    "name type": "alias_type",
    "alias quality": "alias_quality",
    "regime": "regime",
    "listed on": "listed_on",
    "uk sanctions list date designated": "date_designated",
    "uk sanctions list ref": "uk_ref",
    "un reference number": "un_ref",
    "un ref": "un_ref",
    "last updated": "last_updated",
    "group id": "group_id",
}
"""Column heading (lower case) → canonical key, for the CSV and XLSX layouts."""

XML_TAGS: dict[str, str] = {
    "name1": "name1",
    "name2": "name2",
    "name3": "name3",
    "name4": "name4",
    "name5": "name5",
    "name6": "name6",
    "title": "title",
    "namenonlatinscript": "non_latin",
    "nonlatinscripttype": "non_latin_type",
    "nonlatinscriptlanguage": "non_latin_lang",
    "individual_dateofbirth": "dob",
    "individual_townofbirth": "town_of_birth",
    "individual_countryofbirth": "country_of_birth",
    "individual_nationality": "nationality",
    "individual_passportnumber": "passport_number",
    "individual_passportdetails": "passport_details",
    "individual_ninumber": "ni_number",
    "individual_nidetails": "ni_details",
    "individual_position": "position",
    "individual_gender": "gender",
    "address1": "address1",
    "address2": "address2",
    "address3": "address3",
    "address4": "address4",
    "address5": "address5",
    "address6": "address6",
    "postcode": "post_code",
    "country": "country",
    "otherinformation": "other_info",
    "grouptypedescription": "group_type",
    "aliastype": "alias_type",
    "aliasquality": "alias_quality",
    "regimename": "regime",
    "datelisted": "listed_on",
    "datedesignated": "date_designated",
    "lastupdated": "last_updated",
    "groupid": "group_id",
    "uksanctionslistref": "uk_ref",
    "unref": "un_ref",
    "ukstatementofreasons": "statement",
    "entity_type": "entity_type",
    "entity_businessregnumber": "business_reg",
    "entity_parentcompany": "parent_company",
    "entity_subsidiaries": "subsidiaries",
    "ship_imonumber": "imo",
    "ship_flag": "flag",
    "ship_previousflags": "previous_flags",
    "ship_type": "ship_type",
    "ship_tonnage": "tonnage",
    "ship_length": "length",
    "ship_yearbuilt": "year_built",
    "ship_currentowners": "current_owners",
    "phonenumber": "phone",
    "emailaddress": "email",
    "website": "website",
    "grpstatus": "group_status",
    "groupstatus": "group_status_text",
    "listingtype": "listing_type",
}
"""XML element name (lower case) → canonical key, for the 2022 ``ConList.xml``."""

OTHER_INFO_LABELS: dict[str, str] = {
    "uk sanctions list ref": "uk_ref",
    "uk statement of reasons": "statement",
    "un ref": "un_ref",
    "gender": "gender",
    "phone number": "phone",
    "tel": "phone",
    "fax": "fax",
    "email address": "email",
    "website": "website",
    "type of entity": "entity_type",
    "parent company": "parent_company",
    "subsidiaries": "subsidiaries",
    "business reg no": "business_reg",
    "imo number": "imo",
    "flag of ship": "flag",
    "previous flags": "previous_flags",
    "type of ship": "ship_type",
    "tonnage of ship": "tonnage",
    "length of ship": "length",
    "year built": "year_built",
    "current owners": "current_owners",
    "previous owners": "previous_owners",
}
"""Labels of the 2022 format's structured ``Other Information`` → canonical key."""

_OI_LABEL = re.compile(
    r"\((" + "|".join(re.escape(k) for k in OTHER_INFO_LABELS) + r")\)\s*:\s*", re.I
)
_FIRST_TOKEN = re.compile(r"\s*([^\s]+?)\.?(?:\s+|$)")
_REF_KEYS = ("uk_ref", "un_ref", "imo")

SCHEMA = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}

_EXTRA_KEYS = {
    "statement": "statement_of_reasons",
    "entity_type": "entity_type",
    "phone": "phone",
    "fax": "fax",
    "email": "email",
    "website": "website",
    "flag": "flag",
    "previous_flags": "previous_flags",
    "ship_type": "ship_type",
    "tonnage": "tonnage",
    "length": "length",
    "year_built": "year_built",
    "previous_owners": "previous_owners",
    "group_status": "group_status",
    "group_status_text": "group_status_text",
    "listing_type": "listing_type",
    "non_latin_unparsed": "non_latin_script",
}


def header_keys(path: Path, header: Sequence[str], location: str) -> list[str]:
    """Canonical keys for a header row; unknown columns keep their heading
    (prefixed ``col:``) so that their values land in ``extra``."""
    keys: list[str] = []
    for heading in header:
        name = " ".join(str(heading or "").split()).lower()
        keys.append(CSV_HEADERS.get(name, f"col:{name}" if name else ""))
    missing = [k for k in ("group_id", "name6", "group_type") if k not in keys]
    if missing:
        raise SourceError(
            path,
            "not an OFSI Consolidated List header (no "
            + ", ".join(
                {"group_id": "Group ID", "name6": "Name 6", "group_type": "Group Type"}[k]
                for k in missing
            )
            + " column)",
            location,
        )
    return keys


def split_other_information(text: str | None) -> tuple[dict[str, str], str | None]:
    """Split the 2022 format's labelled ``Other Information`` into canonical fields
    and the remaining free text."""
    if not text:
        return {}, None
    fields: dict[str, str] = {}
    free: list[str] = []
    pieces = _OI_LABEL.split(text)
    head = clean(pieces[0])
    if head:
        free.append(head)
    for i in range(1, len(pieces) - 1, 2):
        key = OTHER_INFO_LABELS[pieces[i].lower()]
        value = pieces[i + 1]
        if key in _REF_KEYS:
            m = _FIRST_TOKEN.match(value)
            token = m.group(1).rstrip(".") if m else ""
            rest = clean(value[m.end() :]) if m else clean(value)
            if token:
                fields[key] = _join(fields.get(key), token)
            if rest:
                free.append(rest)
            continue
        cleaned = clean(value)
        if cleaned:
            fields[key] = _join(fields.get(key), cleaned)
    return fields, (" ".join(free) or None)


def _join(old: str | None, new: str) -> str:
    """Append ``new`` to a ``"; "``-joined value unless it is already one of its
    items (values may themselves contain ``"; "``)."""
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


def _name_kind(alias_type: str | None, quality: str | None) -> NameKind:
    kind = (alias_type or "").strip().lower()
    weak = (quality or "").strip().lower().startswith("low")
    if kind in ("prime alias", "primary name", "primary"):
        return "primary"
    if kind in ("fka", "former name", "formerly known as"):
        return "former"
    return "weak" if weak else "alias"


class Groups:
    """Collects OFSI rows by Group ID and builds one record per group."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._rows: dict[str, list[dict[str, str]]] = {}
        self._other: dict[str, tuple[dict[str, str], str | None]] = {}

    def add(self, row: Mapping[str, str], location: str) -> None:
        """Add one name row (canonical keys, string values; blanks are dropped and
        whitespace collapsed here, once)."""
        cleaned: dict[str, str] = {}
        for key, value in row.items():
            if value and key:
                value = value.strip()
                if value:
                    if "  " in value or "\n" in value or "\t" in value or "\r" in value:
                        value = " ".join(value.split())
                    cleaned[key] = value
        group = cleaned.get("group_id")
        if group is None:
            raise SourceError(self.path, "row has no Group ID", location)
        if group.endswith(".0") and group[:-2].isdigit():  # a re-saved numeric cell
            group = cleaned["group_id"] = group[:-2]
        if not any(k in cleaned for k in _NAME_PARTS) and "non_latin" not in cleaned:
            raise SourceError(self.path, f"row of group {group} has no name", location)
        self._rows.setdefault(group, []).append(cleaned)

    def __len__(self) -> int:
        return len(self._rows)

    def records(self) -> Iterator[Record]:
        """One record per Group ID, in order of first appearance."""
        for group, rows in self._rows.items():
            yield self._build(group, rows)

    def _other_information(self, text: str) -> tuple[dict[str, str], str | None]:
        if text not in self._other:
            self._other[text] = split_other_information(text)
        return self._other[text]

    def _build(self, group: str, rows: list[dict[str, str]]) -> Record:
        group_type = next((t for r in rows if (t := r.get("group_type"))), "")
        record = Record(SOURCE, group, SCHEMA.get(group_type.lower(), "LegalEntity"))
        if group_type and group_type.lower() not in SCHEMA:
            record.extra["group_type"] = group_type
        seen: set[frozenset[tuple[str, str]]] = set()
        for row in rows:
            _names(record, row)
            # the rows of a group mostly repeat everything but the name: apply each
            # distinct set of the other fields once
            rest = frozenset((k, v) for k, v in row.items() if k not in _NAME_KEYS)
            if rest in seen:
                continue
            seen.add(rest)
            fields = dict(rest)
            other = fields.get("other_info")
            if other:
                labelled, free = self._other_information(other)
                for key, value in labelled.items():
                    fields[key] = _join(fields[key], value) if key in fields else value
                fields["other_info"] = free or ""
                for ref in un_references(other):
                    _add_link(record, Link("un_reference", "un_sc", ref))
            self._apply(record, fields)
        return record

    def _apply(self, record: Record, f: dict[str, str]) -> None:
        """Apply the non-name fields of a row (values are whitespace-clean already;
        only the keys present are looked at, for speed)."""
        if "title" in f:
            for title in split_numbered(f["title"]):
                _add(record.titles, title)
        if "dob" in f:
            for date in dates_in(f["dob"]):
                _add(record.birth_dates, date)
            add_estimates(record, estimated_years(f["dob"]))
        if "town_of_birth" in f or "country_of_birth" in f:
            _birth_places(record, f.get("town_of_birth"), f.get("country_of_birth"))
        if "nationality" in f:
            for nat in split_numbered(f["nationality"]):
                code = country_code(nat)
                if code:
                    _add(record.nationalities, code)
                else:
                    _extra(record, "nationality", nat)
        if "passport_number" in f or "passport_details" in f:
            _documents(record, "passport", f.get("passport_number"), f.get("passport_details"))
        if "ni_number" in f or "ni_details" in f:
            _documents(record, "national_id", f.get("ni_number"), f.get("ni_details"))
        if "position" in f:
            for position in split_numbered(f["position"]):
                _add(record.positions, position)
        _address(record, f)
        if "country" in f:
            for country in split_numbered(f["country"]):
                code = country_code(country)
                if code:
                    _add(record.countries, code)
        if remark := f.get("other_info"):
            _add(record.remarks, remark)
        if regime := f.get("regime"):
            _add(record.programs, regime)
        if "listed_on" in f:
            listed = parse_date(f["listed_on"])
            if listed and (record.listed_on is None or listed < record.listed_on):
                record.listed_on = listed
        for key in ("date_designated", "last_updated"):
            if key in f:
                when = parse_date(f[key])
                if when and when > record.extra.get(key, ""):
                    record.extra[key] = when
        if "gender" in f and (gender := parse_gender(f["gender"])):
            record.gender = gender
        if "uk_ref" in f:
            for ref in f["uk_ref"].split("; "):
                _extra(record, "uk_sanctions_list_ref", ref)
                _add_link(record, Link("fcdo_reference", "uk_fcdo", ref))
        if "un_ref" in f:
            for ref in f["un_ref"].split("; "):
                ref = ref.strip().rstrip(".")
                if ref.upper().startswith("UN REF"):
                    ref = ref[6:].strip(" :.")
                if ref:
                    _add_link(record, Link("un_reference", "un_sc", ref))
        if "business_reg" in f:
            for item in split_numbered(f["business_reg"]):
                # (read as published when the publication is opened:
                # thaw.sources.numbers, "Russia INN - 7706196340")
                _add_identifier(record, Identifier("registration", item))
        if "imo" in f:
            for imo in split_numbered(f["imo"]):
                digits = re.sub(r"\D", "", imo)
                if digits:
                    _add_identifier(record, Identifier("imo", digits))
        for key, relation in _RELATIONS:
            if key in f:
                for name in split_numbered(f[key]):
                    _add_link(record, Link(relation, name=name))
        for key, value in f.items():
            extra_key = _EXTRA_KEYS.get(key)
            if extra_key is None and key.startswith("col:"):
                extra_key = key[4:].replace(" ", "_")
            if extra_key and (cleaned := clean(value)):
                _extra(record, extra_key, cleaned)


_RELATIONS = (
    ("parent_company", "owned_by"),
    ("subsidiaries", "owns"),
    ("current_owners", "vessel_owner"),
)


_NAME_PARTS = ("name1", "name2", "name3", "name4", "name5", "name6")
_NAME_KEYS = frozenset(
    (*_NAME_PARTS, "alias_type", "alias_quality", "non_latin", "non_latin_type", "non_latin_lang")
)


def _names(record: Record, f: Mapping[str, str]) -> None:
    parts = {k: f[k] for k in _NAME_PARTS if k in f}
    if parts:
        value = " ".join(parts.values())
        record.add_name(value, _name_kind(f.get("alias_type"), f.get("alias_quality")), parts=parts)
    non_latin = f.get("non_latin")
    if non_latin:
        record.add_name(
            non_latin, "original", script=f.get("non_latin_type"), lang=f.get("non_latin_lang")
        )


def _add(values: list[str], value: str) -> None:
    if value not in values:
        values.append(value)


def _extra(record: Record, key: str, value: str) -> None:
    record.extra[key] = _join(record.extra.get(key), value)


def _add_link(record: Record, link: Link) -> None:
    if link not in record.links:
        record.links.append(link)


def _add_identifier(record: Record, identifier: Identifier) -> None:
    for existing in record.identifiers:
        if existing.kind == identifier.kind and existing.number == identifier.number:
            if identifier.note and not existing.note:
                existing.note = identifier.note
            return
    record.identifiers.append(identifier)


def _birth_places(record: Record, town: str | None, country: str | None) -> None:
    towns = split_numbered(town)
    countries = split_numbered(country)
    if towns and len(countries) <= 1:
        places = [f"{t}, {countries[0]}" if countries else t for t in towns]
    elif len(towns) == len(countries):
        places = [f"{t}, {c}" for t, c in zip(towns, countries, strict=True)]
    else:
        places = towns + countries
    for place in places:
        _add(record.birth_places, place)


def _documents(record: Record, kind: str, numbers: str | None, details: str | None) -> None:
    """Passports / national identity numbers. The 2022 format gives numbers and
    details apart (the details become the note); the legacy format only
    free-text details, which hold the number. Either way the field is kept as
    published, and read as every source's identifier fields are when the
    publication is opened (:func:`thaw.sources.numbers.published_identifiers`:
    *no 3603251708570001*, *Passport No: 592667 (Qatari passport issued on 3
    May 2007)*): the number apart, its remark in the note. Legacy details that
    hold no number are kept as an extra."""
    number_items = split_numbered(numbers)
    detail_items = split_numbered(details)
    if number_items:
        pair = len(number_items) == len(detail_items)
        for i, number in enumerate(number_items):
            note = detail_items[i] if pair else (clean(details) if details else None)
            _add_identifier(record, Identifier(kind, number, note=note))
        return
    for item in detail_items:
        if read_numbers(item):
            _add_identifier(record, Identifier(kind, item))
        else:
            _extra(record, f"{kind}_details", item)


def _address(record: Record, f: Mapping[str, str]) -> None:
    lines = [f[k] for k in _ADDRESS_LINES if k in f]
    post = f.get("post_code")
    if not lines and not post:
        return
    country = f.get("country")
    full = ", ".join([*lines, *([post] if post else []), *([country] if country else [])])
    address = Address(full, country_code(country), postal_code=post)
    if address not in record.addresses:
        record.addresses.append(address)


_ADDRESS_LINES = ("address1", "address2", "address3", "address4", "address5", "address6")


# -- the table layouts (CSV, legacy CSV, XLSX) -----------------------------------------

Row = tuple[str, Sequence[str]]
"""A table row with its location (``line N`` / ``row N``)."""


def csv_layout(head: bytes) -> str | None:
    """``"2022"`` or ``"legacy"`` when the first lines are an OFSI CSV header
    (optionally after the ``Last Updated`` line), else ``None``."""
    from thaw.sources._tabular import first_lines

    for line in first_lines(head, 2):
        lower = line.lower()
        if "group id" in lower and "name 6" in lower and "group type" in lower:
            if "alias quality" in lower or "name non-latin script" in lower:
                return "2022"
            return "legacy"
    return None


def table_start(path: Path, rows: Iterator[Row]) -> tuple[str | None, list[str]]:
    """Read the optional ``Last Updated`` line and the header from ``rows``;
    returns the publication date and the canonical column keys."""
    first = next(rows, None)
    if first is None:
        raise SourceError(path, "no header row: the file holds no data", "line 1")
    location, cells = first
    published = None
    if cells and str(cells[0]).strip().lower() == "last updated":
        published = parse_date(str(cells[1])) if len(cells) > 1 else None
        if published is None:
            raise SourceError(path, "unreadable 'Last Updated' date", location)
        second = next(rows, None)
        if second is None:
            raise SourceError(path, "no header row after 'Last Updated'", location)
        location, cells = second
    header = [str(c or "") for c in cells]
    while header and not header[-1].strip():
        header.pop()
    return published, header_keys(path, header, location)


def table_records(path: Path, keys: list[str], rows: Iterator[Row]) -> Iterator[Record]:
    """Collect all rows by Group ID, then yield one record per group."""
    groups = Groups(path)
    width = len(keys)
    for location, cells in rows:
        if len(cells) > width and any(str(c or "").strip() for c in cells[width:]):
            raise SourceError(path, f"row has values beyond the {width} header columns", location)
        groups.add(dict(zip(keys, cells, strict=False)), location)
    yield from groups.records()
