"""OFAC's vocabulary: labelled values and free-text remarks turned into model fields.

Every OFAC format carries the same kinds of facts under the same labels: the legacy
CSV files put them in the free-text ``Remarks`` column (``DOB 12 Apr 1975; POB Kyiv,
Ukraine; nationality Russia; Tax ID No. 773013083324 (Russia); a.k.a. 'X'``), the
legacy XML in ``idList/id/idType`` plus dedicated elements, and the Advanced and
Enhanced XML in typed *features* and *identity documents* whose type names are the
very same labels ("Tax ID No.", "Secondary sanctions risk:", "Vessel Flag", …).

This module is the single place that knows those labels:

* :func:`apply_feature` applies one labelled value (``"Tax ID No."``, ``"773013083324"``,
  country ``"Russia"``) to a :class:`~thaw.model.Record`; all four OFAC readers use it;
* :func:`parse_remarks` splits a remarks text into ``;``-separated segments, applies
  the segments it recognises and keeps every other segment, unchanged, in
  ``Record.remarks`` (nothing published is lost);
* :func:`resolve_links` turns ``Linked To: NAME`` (and vessel owners, aircraft
  operators) into references to listings of the same publication when exactly one
  listing has that primary name;
* :func:`split_programs`, :func:`person_parts`, :func:`ofac_country` are small helpers.

Facts with no field in the model (sanctions information, websites, target types,
vessel tonnage, …) go to ``Record.extra`` under a snake-case key derived from the
label (``"Secondary sanctions risk:"`` → ``secondary_sanctions_risk``); several values
are joined with ``"; "``.

Quoted aliases in remarks (``a.k.a. 'BNC'``) are OFAC's *weak* aliases: the legacy CSV
puts its strong aliases in ``alt.csv`` and only the weak ones in the remarks (checked
on the 2021-07-07 set: none of the 2,438 remark aliases is in ``alt.csv``; the legacy
XML marks the same names ``<category>weak</category>``). They are kept as
``kind="weak"``.

The module is written for speed (the 14,965-row ``sdn.csv`` and hundreds of historical
versions): labels are dispatched by their first word through a dictionary, and all
regular expressions are compiled once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from thaw.model import Address, Identifier, Link, NameKind, Record
from thaw.sources.common import (
    add_estimates,
    clean,
    country_code,
    estimated_years,
    identifier_kind,
    parse_date,
    parse_dates,
    parse_gender,
)

__all__ = [
    "ALIAS_KINDS",
    "OFAC_SOURCES",
    "RELATION_KEYS",
    "add_extra",
    "apply_feature",
    "extra_key",
    "ofac_country",
    "ofac_dates",
    "parse_remarks",
    "person_parts",
    "resolve_links",
    "split_programs",
    "split_remarks",
    "apply_document",
]

OFAC_SOURCES = ("us_ofac_sdn", "us_ofac_cons")
"""The two OFAC source names: the SDN list and the consolidated (non-SDN) list."""

ALIAS_KINDS: dict[str, NameKind] = {
    "aka": "alias",
    "a.k.a.": "alias",
    "a.k.a": "alias",
    "nka": "alias",
    "n.k.a.": "alias",
    "n.k.a": "alias",
    "fka": "former",
    "f.k.a.": "former",
    "f.k.a": "former",
    "weak aka": "weak",
    "weak a.k.a.": "weak",
    "name": "primary",
}
"""OFAC alias types (CSV ``alt_type``, XML ``aka/type``, Advanced/Enhanced alias
types, lower-cased) → name kind. Low-quality (weak) aliases are ``weak`` whatever
their type."""

RELATION_KEYS: dict[str, str] = {
    "associate of": "associate",
    "providing support to": "supports",
    "acting for or on behalf of": "acting_for",
    "owned or controlled by": "owned_by",
    "family member of": "family",
    "leader or official of": "leader_of",
    "playing a significant role in": "significant_role_in",
    "principal executive officer": "principal_executive_officer",
    "owns, controls, or operates": "owns",
    "property in the interest of": "property_of",
    "linked to": "linked_to",
}
"""OFAC relationship types (Advanced/Enhanced XML) → :class:`~thaw.model.Link`
``relation`` keys; unknown types get a snake-case key of their own."""


# -- small helpers -------------------------------------------------------------------

_OFAC_COUNTRIES = {
    "bosnia-herzegovina": "ba",
    "bosnia and herzegovina": "ba",
    "region: northern mali": "ml",
    "burma (myanmar)": "mm",
    "macedonia, the former yugoslav republic of": "mk",
}


@lru_cache(maxsize=4096)
def ofac_country(value: str | None) -> str | None:
    """ISO-2 code of a country as OFAC writes it ("Korea, North", "Bosnia-Herzegovina",
    "Region: Gaza"), else ``None``."""
    text = clean(value)
    if text is None:
        return None
    code = _OFAC_COUNTRIES.get(text.lower())
    return code or country_code(text)


_RANGE = re.compile(r"^(?:from\s+)?(.+?)\s+(?:to|-)\s+(.+)$", re.I)
_YEARS = re.compile(r"^(?:circa\s+)?(\d{4})-(\d{4})$", re.I)


_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})$")
_MONTH_NUMBERS = {
    m: f"{i:02d}"
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}


def ofac_dates(value: str | None) -> list[str]:
    """ISO dates of an OFAC date value: ``"12 Apr 1975"``, ``"circa 1951"``,
    ``"1958 to 1960"`` (every year), ``"01 Jan 1960 to 31 Dec 1962"`` (both ends)."""
    if value is not None and (m := _DAY_MONTH_YEAR.match(value)):
        # OFAC's usual form, parsed without the general parser (hot path)
        month = _MONTH_NUMBERS.get(m[2])
        if month is not None and 1 <= int(m[1]) <= 28 and 1800 <= int(m[3]) <= 2100:
            return [f"{m[3]}-{month}-{int(m[1]):02d}"]
    dates = parse_dates(value)
    if dates or value is None:
        return dates
    m = _YEARS.match(value.strip(" ."))
    if m and 0 <= int(m[2]) - int(m[1]) <= 10:
        return [str(year) for year in range(int(m[1]), int(m[2]) + 1)]
    m = _RANGE.match(value.strip(" ."))
    if m:
        start, end = parse_date(m[1]), parse_date(m[2])
        return [d for d in (start, end) if d]
    return []


def split_programs(value: str | None) -> list[str]:
    """Programme codes from the legacy ``Program`` column: ``"SDGT] [IFSR"`` (the
    outer brackets of ``[SDGT] [IFSR]`` are part of the CSV quoting) →
    ``["SDGT", "IFSR"]``."""
    return list(_split_programs(value)) if value else []


@lru_cache(maxsize=2048)
def _split_programs(value: str) -> tuple[str, ...]:
    text = clean(value)
    if text is None:
        return ()
    out: list[str] = []
    for part in text.split("] ["):
        code = part.strip(" []")
        if code and code not in out:
            out.append(code)
    return tuple(out)


def person_parts(value: str) -> dict[str, str] | None:
    """Name parts of an OFAC individual's name ``"LAST, First Middle"``:
    ``{"last": "LAST", "first": "First Middle"}``; ``None`` without a comma."""
    last, sep, first = value.partition(",")
    last, first = last.strip(), first.strip()
    if not sep or not last or not first:
        return None
    return {"last": last, "first": first}


_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1024)
def extra_key(label: str) -> str:
    """The ``Record.extra`` key for an OFAC label: ``"Secondary sanctions risk:"`` →
    ``"secondary_sanctions_risk"``."""
    return _SLUG.sub("_", label.lower()).strip("_") or "other"


def add_extra(record: Record, key: str, value: str | None) -> None:
    """Add ``value`` under ``key`` in ``record.extra`` (values joined with ``"; "``,
    duplicates skipped)."""
    text = clean(value)
    if text is None:
        return
    old = record.extra.get(key)
    if old is None:
        record.extra[key] = text
    elif text not in old.split("; "):
        record.extra[key] = f"{old}; {text}"


def _append(values: list[str], value: str | None) -> None:
    if value and value not in values:
        values.append(value)


# -- the label table -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Rule:
    """What to do with a labelled value: ``action`` and its argument."""

    action: str
    arg: str = ""


_IDENTIFIER_LABELS: dict[str, tuple[str, ...]] = {
    "passport": (
        "Passport",
        "Diplomatic Passport",
        "British National Overseas Passport",
        "Stateless Person Passport",
        "Travel Document Number",
    ),
    "national_id": (
        "National ID No.",
        "Cedula No.",
        "D.N.I.",
        "Identification Number",
        "Personal ID Card",
        "Kenyan ID No.",
        "Bosnian Personal ID No.",
        "Moroccan Personal ID No.",
        "Turkish Identification Number",
        "Numero de Identidad",
        "C.U.R.P.",
        "C.U.R.P",
        "C.U.I.",
        "C.U.I.P.",
        "Citizen's Card Number",
        "Tazkira National ID Card",
        "UAE Identification",
        "CNP (Personal Numerical Code)",
        "National Foreign ID Number",
        "LE Number",
        "Stateless Person ID Card",
        "Refugee ID Card",
        "Romanian Permanent Resident",
        "Residency Number",
        "Credencial electoral",
        "I.F.E.",
        "Electoral Registry No.",
        "N.I.E.",
    ),
    "tax_id": (
        "Tax ID No.",
        "RUC #",
        "R.F.C.",
        "RFC",
        "Italian Fiscal Code",
        "RIF #",
        "RTN",
        "Fiscal Code",
        "Paraguayan tax identification number",
        "Romanian Tax Registration",
        "C.I.F.",
        "N.I.F.",
        "NIT #",
        "C.U.I.T.",
        "V.A.T. Number",
        "US FEIN",
        "Numero Unico de Identificacao Tributaria (NUIT)",
        "RSIN",
        "Global Intermediary Identification Number",
    ),
    "registration": (
        "Registration Number",
        "Registration ID",
        "Company Number",
        "UK Company Number",
        "Business Registration Document #",
        "Business Registration Number",
        "Commercial Registry Number",
        "Certificate of Incorporation Number",
        "Chamber of Commerce Number",
        "Istanbul Chamber of Comm. No.",
        "Dubai Chamber of Commerce Membership No.",
        "Registered Charity No.",
        "Matricula Mercantil No",
        "Folio Mercantil No.",
        "Public Registration Number",
        "Government Gazette Number",
        "C.R. No.",
        "Romanian C.R.",
        "Enterprise Number",
        "Branch Unit Number",
        "Business Number",
        "Organization Code",
        "Economic Register Number (CBLS)",
        "Central Registration System Number",
        "Unified Social Credit Code (USCC)",
        "United Social Credit Code Certificate (USCCC)",
        "Registration Certificate Number (Dubai)",
        "Trade License No.",
        "Tourism License No.",
        "License",
        "Permit Number",
        "MSB Registration Number",
        "Afghan Money Service Provider License Number",
        "SRE Permit No.",
        "Trademark number",
        "Vessel Registration Identification",
        "Russian State Individual Business Registration Number Pattern (OGRNIP)",
    ),
    "lei": ("Legal Entity Number",),
    "swift": ("SWIFT/BIC",),
    "mmsi": ("MMSI",),
    "call_sign": ("Vessel Call Sign", "Other Vessel Call Sign", "Call Sign"),
    "aircraft_serial": (
        "Aircraft Manufacturer's Serial Number (MSN)",
        "Aircraft Manufacturer\u2019s Serial Number (MSN)",
        "Aircraft Construction Number (also called L/N or S/N or F/N)",
        "Aircraft Serial Identification",
        "Serial No.",
    ),
    "aircraft_tail": ("Aircraft Tail Number", "Previous Aircraft Tail Number"),
    "ssn": ("SSN",),
    "driving_license": ("Driver's License No.",),
    "other": (
        "D-U-N-S Number",
        "BIK (RU)",
        "ISIN",
        "Chinese Commercial Code",
        "Aircraft Mode S Transponder Code",
        "Pilot License Number",
        "Birth Certificate Number",
        "Seafarer's Identification Document",
        "Military Registration Number",
        "Cartilla de Servicio Militar Nacional",
        "Immigration No.",
        "Public Security and Immigration No.",
        "VisaNumberID",
        "File Number",
        "MICEX Code",
        "UN/LOCODE",
    ),
}

_EXTRA_LABELS = (
    "Additional Sanctions Information -",
    "Secondary sanctions risk:",
    "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:",
    "Executive Order 13662 Directive Determination -",
    "Executive Order 13846 information:",
    "Executive Order 14024 Directive Information -",
    "Executive Order 14014 Directive Information:",
    "Executive Order 14059 information:",
    "Executive Order 14024 information:",
    "CAATSA Section 235 Information:",
    "IFCA Determination -",
    "PEESA Information:",
    "Purchase/Sales For Divestment Date (CMIC)",
    "Target Type",
    "Organization Type:",
    "Website",
    "Email Address",
    "Email",
    "Phone Number",
    "Telephone",
    "Fax",
    "Vessel Year of Build",
    "VESSEL TYPE",
    "Vessel Type",
    "Other Vessel Type",
    "Vessel Tonnage",
    "Vessel Gross Registered Tonnage",
    "Former Vessel Flag",
    "Aircraft Model",
    "Issuer Name",
    "Equity Ticker",
)
_EXTRA_ALIASES = {
    "Telephone": "phone_number",
    "Email": "email_address",
    "Vessel Tonnage": "tonnage",
    "Vessel Gross Registered Tonnage": "gross_registered_tonnage",
    "Vessel Type": "vessel_type",
    "VESSEL TYPE": "vessel_type",
    "Other Vessel Type": "vessel_type",
}
_EXTRA_DATES = ("Organization Established Date", "Aircraft Manufacture Date")


def _base(label: str) -> str:
    """A label without its trailing punctuation: ``"Linked To:"`` → ``"Linked To"``."""
    return label.rstrip(" :-")


def _build_rules() -> dict[str, _Rule]:
    rules: dict[str, _Rule] = {}
    for kind, labels in _IDENTIFIER_LABELS.items():
        for label in labels:
            rules[_base(label)] = _Rule("id", kind)
    for label in _EXTRA_LABELS:
        rules[_base(label)] = _Rule("extra", _EXTRA_ALIASES.get(label, extra_key(label)))
    for label in _EXTRA_DATES:
        rules[_base(label)] = _Rule("extra_date", extra_key(label))
    for label in ("DOB", "Birthdate", "Date of Birth"):
        rules[label] = _Rule("birth_date")
    for label in ("POB", "Place of Birth"):
        rules[label] = _Rule("birth_place")
    for label in ("nationality", "Nationality", "Nationality Country"):
        rules[label] = _Rule("nationality")
    for label in ("citizen", "Citizen", "Citizenship", "Citizenship Country"):
        rules[label] = _Rule("citizenship")
    for label in (
        "Nationality of Registration",
        "Registration Country",
        "Vessel Flag",
        "Other Vessel Flag",
    ):
        rules[label] = _Rule("country", extra_key(label))
    rules["Gender"] = _Rule("gender")
    rules["Title"] = _Rule("title")
    rules["Linked To"] = _Rule("link", "linked_to")
    rules["Vessel Owner"] = _Rule("link", "vessel_owner")
    rules["Aircraft Operator"] = _Rule("link", "aircraft_operator")
    rules["Location"] = _Rule("address")
    for label in ("a.k.a.", "f.k.a.", "n.k.a.", "weak a.k.a."):
        rules[label] = _Rule("alias")
    return rules


_RULES = _build_rules()

# Dispatch table for remarks: first word of the label → [(label, rule)], longest first.
_BY_FIRST_WORD: dict[str, list[tuple[str, _Rule]]] = {}
for _label, _rule in _RULES.items():
    _BY_FIRST_WORD.setdefault(_label.split(" ", 1)[0], []).append((_label, _rule))
for _entries in _BY_FIRST_WORD.values():
    _entries.sort(key=lambda item: len(item[0]), reverse=True)

# Dynamic labels: "Listing Date (EO 14024 Directive 2):", "Executive Order 14099 information:".
_DYNAMIC = re.compile(
    r"^(?P<label>(?:Listing|Effective) Date \([^)]*\)|Executive Order \d+[A-Za-z ]*?"
    r"(?:[Ii]nformation|Determination)|CAATSA Section \d+ Information)\s*[:\-]?\s*(?P<value>.*)$"
)
_CRYPTO_LABEL = "Digital Currency Address - "
_CRYPTO = re.compile(r"^Digital Currency Address - (?P<currency>\S+)\s+(?P<value>.+)$")
_ID_VALUE = re.compile(
    r"^(?P<number>.*?)(?:\s+\((?P<country>[^()]+)\))?"
    r"(?:\s+issued\s+(?P<issued>.+?))?(?:\s+expires\s+(?P<expires>.+?))?$"
)
_IMO = re.compile(r"^IMO\s*(\d{7})$")
_ID_WORD = re.compile(r"\b(no|number|id|code)\b", re.I)
_QUOTED = re.compile(r"^'(.*)'$", re.S)


# -- applying one labelled value -----------------------------------------------------


def apply_feature(
    record: Record,
    label: str,
    value: str | None,
    *,
    country: str | None = None,
    issued: str | None = None,
    expires: str | None = None,
    note: str | None = None,
    parse_value: bool = False,
) -> bool:
    """Apply one OFAC labelled value to ``record``; ``False`` if the label is unknown.

    ``label`` is OFAC's wording (``"Tax ID No."``, ``"Birthdate"``, ``"DOB"``,
    ``"Vessel Flag"``, ``"Additional Sanctions Information -"``, …); ``country``,
    ``issued``, ``expires`` and ``note`` qualify identity documents. With
    ``parse_value`` (remarks), an identifier value may carry them inline:
    ``"753835603 (Russia) issued 20 Oct 2016 expires 20 Oct 2026"``.
    """
    text = clean(value)
    if text is None:
        return True  # nothing to apply; an empty value is not an unknown fact
    base = _base(label)
    rule = _RULES.get(base)
    if rule is None:
        if base.startswith(_CRYPTO_LABEL):
            return _apply_crypto(record, base[len(_CRYPTO_LABEL) :].strip(), text)
        if m := _DYNAMIC.match(f"{base}: {text}"):
            add_extra(record, extra_key(m["label"]), m["value"])
            return True
        return False
    return _apply_rule(record, base, rule, text, country, issued, expires, note, parse_value)


def _apply_crypto(record: Record, currency: str, address: str) -> bool:
    address = address.strip(" .")
    if not address:
        return False
    label = f"Digital Currency Address - {currency}"
    for existing in record.identifiers:
        if existing.kind == "crypto" and existing.number == address:
            return True
    record.identifiers.append(Identifier("crypto", address, label=label))
    return True


def _apply_rule(
    record: Record,
    label: str,
    rule: _Rule,
    text: str,
    country: str | None,
    issued: str | None,
    expires: str | None,
    note: str | None,
    parse_value: bool,
) -> bool:
    action = rule.action
    if action == "id":
        return _apply_identifier(
            record, label, rule.arg, text, country, issued, expires, note, parse_value
        )
    if action == "extra":
        add_extra(record, rule.arg, text)
        return True
    if action == "extra_date":
        add_extra(record, rule.arg, parse_date(text) or text)
        return True
    if action == "birth_date":
        dates = ofac_dates(text)
        for date in dates:
            _append(record.birth_dates, date)
        add_estimates(record, estimated_years(text))
        return bool(dates)
    if action == "birth_place":
        _append(record.birth_places, text)
        return True
    if action in ("nationality", "citizenship", "country"):
        code = ofac_country(text)
        if code is None:
            return False
        if action == "nationality":
            _append(record.nationalities, code)
        elif action == "citizenship":
            _append(record.citizenships, code)
        else:
            _append(record.countries, code)
            add_extra(record, rule.arg, text)
        return True
    if action == "gender":
        gender = parse_gender(text)
        if gender is None:
            return False
        record.gender = gender
        return True
    if action == "title":
        _append(record.titles, text)
        return True
    if action == "link":
        name = text.strip()
        if name.startswith("(") and name.endswith(")"):
            name = name[1:-1].strip()
        for link in record.links:
            if link.relation == rule.arg and link.name == name:
                return True
        record.links.append(Link(rule.arg, name=name))
        return True
    if action == "alias":
        m = _QUOTED.match(text)
        if m is None:
            return False
        kind: NameKind = "weak"
        name = m[1].strip()
        parts = person_parts(name) if record.schema == "Person" else None
        record.add_name(name, kind, parts=parts)
        return True
    if action == "address":
        record.addresses.append(Address(text, country=ofac_country(text)))
        return True
    return False  # pragma: no cover - every action is handled above


def _apply_identifier(
    record: Record,
    label: str,
    kind: str,
    text: str,
    country: str | None,
    issued: str | None,
    expires: str | None,
    note: str | None,
    parse_value: bool,
) -> bool:
    number = text
    if parse_value:
        m = _ID_VALUE.match(text)
        if m is not None and m["number"]:
            number = m["number"]
            inline = m["country"]
            if inline and (country or ofac_country(inline) is None):
                number = f"{number} ({inline})"  # "(Stuttgart)" is part of the number
            elif inline:
                country = inline
            issued = issued or m["issued"]
            expires = expires or m["expires"]
    number = number.strip(" ,;")
    if not number:
        return False
    if m := _IMO.match(number):
        kind, number = "imo", m[1]
    code = ofac_country(country) if country else None
    notes = [n for n in (note,) if n]
    if country and code is None:
        notes.append(country)  # a country OFAC named that has no ISO code: keep it
    if issued:
        notes.append(f"issued {parse_date(issued) or issued}")
    if expires:
        notes.append(f"expires {parse_date(expires) or expires}")
    for existing in record.identifiers:
        if existing.kind == kind and existing.number == number and existing.country == code:
            return True
    record.identifiers.append(
        Identifier(kind, number, country=code, label=label, note="; ".join(notes) or None)
    )
    return True


def apply_document(
    record: Record,
    label: str,
    number: str | None,
    *,
    country: str | None = None,
    issued: str | None = None,
    expires: str | None = None,
    note: str | None = None,
) -> None:
    """Apply an identity document whose type may be unknown to the label table
    (XML ``idList``, identity documents): unknown types become an
    :class:`~thaw.model.Identifier` whose kind is guessed from the label when
    it looks like one, else a remark ``"<label> <number>"``."""
    if apply_feature(
        record,
        label,
        number,
        country=country,
        issued=issued,
        expires=expires,
        note=note,
        parse_value=True,
    ):
        return
    text = clean(number)
    if text is None:
        return
    kind = identifier_kind(label)
    if kind != "other" or _ID_WORD.search(label):
        _apply_identifier(record, _base(label), kind, text, country, issued, expires, note, True)
        return
    record.remarks.append(f"{label} {text}".strip())


# -- remarks ---------------------------------------------------------------------------

_SPLIT = re.compile(r";\s+|;(?=[A-Za-z])")
_CONTINUED = ("Additional Sanctions Information -", "alt. Additional Sanctions Information -")
_CONTINUATION = "U.S. Persons "
_ALT = "alt. "


def split_remarks(text: str) -> list[str]:
    """The ``;``-separated segments of a remarks text, without the final period."""
    text = " ".join(text.split())
    if text.endswith("."):
        text = text[:-1]
    return [seg.strip() for seg in _SPLIT.split(text) if seg.strip()]


def parse_remarks(record: Record, text: str | None) -> None:
    """Apply the recognised segments of an OFAC remarks text to ``record``.

    Unrecognised segments (``"all offices worldwide"``, ``"Member of the State
    Duma …"``) are kept as they are in ``record.remarks``, in order.
    """
    value = clean(text)
    if value is None:
        return
    previous = ""
    for segment in split_remarks(value):
        if previous.startswith(_CONTINUED) and segment.startswith(_CONTINUATION):
            # "Additional Sanctions Information - Not on the SDN List …; U.S. Persons
            # Must Continue to Block …": one value with a ";" in it (so in the XML)
            key = "additional_sanctions_information"
            record.extra[key] = f"{record.extra[key]}; {segment}"
            continue
        if not _apply_segment(record, segment):
            record.remarks.append(segment)
        previous = segment


def _apply_segment(record: Record, segment: str) -> bool:
    seg = segment
    if seg.startswith("(") and seg.endswith(")"):
        seg = seg[1:-1].strip()
    if seg.startswith(_ALT):
        seg = seg[len(_ALT) :]
    first = seg.split(" ", 1)[0]
    candidates = _BY_FIRST_WORD.get(first)
    if candidates is None and first.endswith(":"):
        candidates = _BY_FIRST_WORD.get(first[:-1])
    if candidates:
        for label, rule in candidates:
            if not seg.startswith(label):
                continue
            rest = seg[len(label) :]
            if rest and rest[0] not in " :-" and not label.endswith("."):
                continue  # "Passport" must not match "Passports"
            rest = rest.lstrip(" :-") if rule.action != "alias" else rest.strip()
            if not rest:
                return False
            return _apply_rule(record, label, rule, rest, None, None, None, None, True)
    if first == "Digital" and (m := _CRYPTO.match(seg)):
        return _apply_crypto(record, m["currency"], m["value"])
    if m := _DYNAMIC.match(seg):
        if m["value"]:
            add_extra(record, extra_key(m["label"]), m["value"])
            return True
    return False


# -- links -----------------------------------------------------------------------------

_RESOLVABLE = ("linked_to", "vessel_owner", "aircraft_operator")


def resolve_links(records: Iterable[Record], source: str) -> tuple[int, int]:
    """Resolve name-only links (``Linked To:``, vessel owners, aircraft operators)
    to listings of the same publication.

    A link gets ``source``/``source_id`` when exactly one listing in ``records`` has
    its name as primary name (also tried with and without a final period, which
    OFAC's remark punctuation makes ambiguous: ``Linked To: R D I S.A.``, and, when
    no listing has the exact name, ignoring case: aircraft operators are written
    ``Iran Air`` for the listing ``IRAN AIR``). Returns
    ``(resolved, unresolved)`` counts.
    """
    records = list(records)
    index: dict[str, list[str]] = {}
    folded: dict[str, list[str]] = {}
    for record in records:
        for name in record.names:
            if name.kind == "primary":
                for table, key in ((index, name.value), (folded, name.value.casefold())):
                    ids = table.setdefault(key, [])
                    if record.source_id not in ids:
                        ids.append(record.source_id)
    resolved = unresolved = 0
    for record in records:
        for link in record.links:
            if link.source_id is not None or link.name is None or link.relation not in _RESOLVABLE:
                continue
            target = _lookup(index, link.name)
            if target is None and link.name not in index:
                target = _lookup(folded, link.name.casefold())
            if target is None or target == record.source_id:
                unresolved += 1
                continue
            link.source, link.source_id = source, target
            resolved += 1
    return resolved, unresolved


def _lookup(index: dict[str, list[str]], name: str) -> str | None:
    for candidate in (name, f"{name}.", name.rstrip(".")):
        ids = index.get(candidate)
        if ids is not None:
            return ids[0] if len(ids) == 1 else None
    return None
