"""EU Financial Sanctions Files, XML 1.1 (source ``eu_fsf``, format ``xml``).

The consolidated list of persons, groups and entities subject to EU financial
sanctions, as exported by the Financial Sanctions Database
(``…/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content``)::

    <export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2020-04-15T15:29:22+02:00">
      <sanctionEntity logicalId="13" euReferenceNumber="EU.27.28" unitedNationId=""
                      designationDate="" designationDetails="">
        <remark>UNSC RESOLUTION 1483</remark>
        <regulation programme="IRQ" publicationDate="2003-07-08" entryIntoForceDate="2003-07-07"
                    numberTitle="1210/2003 (OJ L169)" …>
          <publicationUrl>…</publicationUrl>
        </regulation>
        <subjectType code="person" classificationCode="P"/>
        <nameAlias wholeName="Saddam Hussein Al-Tikriti" firstName="Saddam" middleName=""
                   lastName="Hussein Al-Tikriti" function="" gender="M" title=""
                   nameLanguage="" strong="true" logicalId="17"/>
        <citizenship countryIso2Code="IQ" countryDescription="IRAQ"/>
        <birthdate birthdate="1937-04-28" dayOfMonth="28" monthOfYear="4" year="1937"
                   circa="false" city="al-Awja, near Tikrit" countryIso2Code="IQ"/>
        <identification identificationTypeCode="passport" number="…" countryIso2Code="…"/>
        <address street="…" city="…" zipCode="…" poBox="…" countryIso2Code="…"/>
      </sanctionEntity>
    </export>

Mapping (shared with the CSV 1.1 reader through :class:`EntityBuilder`)
------------------------------------------------------------------------
* ``source_id`` is the entity's ``logicalId``; ``euReferenceNumber`` goes to
  ``extra["eu_reference"]``; ``unitedNationId`` becomes
  ``Link("un_reference", "un_sc", "QDi.001")``.
* ``subjectType`` ``person`` → ``Person``, ``enterprise`` → ``Organization``.
* The EU marks no primary name. The primary name is chosen among the strong aliases
  without a name language, preferring those published with name parts or a gender
  (the main entries), then fuller names, then document order. Other strong aliases
  are ``alias``, ``strong="false"`` ones (and remarks saying "low quality") ``weak``.
  ``nameLanguage`` (ISO 639-1, ``RU``) becomes ``lang`` in ISO 639-3 (``rus``).
* ``function`` and ``title`` of name aliases give ``positions`` and ``titles`` (the
  EU's "(a) …, (b) …" enumerations are split); ``gender`` M/F gives the gender.
* ``regulation/@programme`` values are the ``programs``; ``listed_on`` is the
  ``designationDate`` where published, else the earliest regulation publication (or
  entry-into-force) date.
* Citizenships, birth dates (full date or year / month / day, year ranges expanded),
  birth places, identity documents and addresses map to their model fields; country
  code ``00`` / ``UNKNOWN`` is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import ClassVar

from lxml import etree
from rigour.langs import iso_639_alpha3

from thaw.model import Address, Identifier, Link, NameKind, PublicationInfo, Record
from thaw.sources.base import Publication, Reader, SourceError, iter_xml, local, read_head
from thaw.sources.common import (
    add_estimates,
    clean,
    country_code,
    identifier_kind,
    parse_date,
    parse_gender,
)

__all__ = ["EUFinancialSanctionsXMLReader", "EntityBuilder", "EU_NS"]

EU_NS = "http://eu.europa.ec/fpi/fsd/export"
_GENERATION_DATE = re.compile(rb"""generationDate\s*=\s*["']([^"']+)["']""")
_ENUMERATION = re.compile(r"\(([a-z]{1,2})\)\s*")
_FALSE = ("false", "0", "no", "n")
_TRUE = ("true", "1", "yes", "y")

_ID_TYPES: dict[str, str] = {
    "passport": "passport",
    "id": "national_id",
    "nationalid": "national_id",
    "ssn": "ssn",
    "regnumber": "registration",
    "fiscalcode": "tax_id",
    "tin": "tax_id",
    "tax": "tax_id",
    "swiftbic": "swift",
    "swift": "swift",
    "imo": "imo",
    "drivinglicence": "driving_license",
}
"""EU ``identificationTypeCode`` → model identifier kind (others: from the description)."""

Attrs = Mapping[str, str | None]


def _get(attrs: Attrs, key: str) -> str | None:
    return clean(attrs.get(key))


def _flag(attrs: Attrs, key: str) -> bool | None:
    value = (_get(attrs, key) or "").lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    return None


def _country(attrs: Attrs) -> str | None:
    code = _get(attrs, "countryIso2Code")
    if code and code not in ("00", "XX"):
        found = country_code(code)
        if found:
            return found
    description = _get(attrs, "countryDescription")
    if description and description.upper() != "UNKNOWN":
        return country_code(description)
    return None


def _country_name(attrs: Attrs) -> str | None:
    description = _get(attrs, "countryDescription")
    if description and description.upper() != "UNKNOWN":
        return description
    return None


def _attributes(el: etree._Element) -> dict[str, str | None]:
    return {str(k): str(v) for k, v in el.attrib.items()}


def split_enumeration(value: str | None) -> list[str]:
    """``"(a) Mullah, (b) Maulavi"`` → ``["Mullah", "Maulavi"]``; other text as is."""
    text = clean(value)
    if not text:
        return []
    if not _ENUMERATION.match(text):
        text = text.strip(" ,;")
        return [text] if text else []
    parts = [p.strip(" ,;") for p in _ENUMERATION.split(text)[2::2]]
    return [p for p in parts if p]


def _append(items: list[str], value: str | None) -> None:
    if value and value not in items:
        items.append(value)


class EntityBuilder:
    """Builds one :class:`Record` from the parts of an EU sanction entity.

    The XML reader feeds it element attributes; the CSV reader feeds it the columns of
    each row under the same (XML attribute) names, so both formats give identical
    records for identical content.
    """

    def __init__(self, source: str, logical_id: str) -> None:
        self.record = Record(source, logical_id, "LegalEntity")
        self._names: list[tuple[str, bool, str | None, dict[str, str], bool]] = []
        self._seen_parts: set[tuple[str, str]] = set()
        self._designated: str | None = None
        self._regulation_dates: list[str] = []

    def _once(self, section: str, attrs: Attrs) -> bool:
        """Whether this part is new (the CSV repeats parts; logical ids identify them)."""
        key = _get(attrs, "logicalId") or repr(sorted((k, v) for k, v in attrs.items() if v))
        if (section, key) in self._seen_parts:
            return False
        self._seen_parts.add((section, key))
        return True

    # -- the entity itself -----------------------------------------------------------

    def set_entity(self, attrs: Attrs) -> None:
        record = self.record
        if ref := _get(attrs, "euReferenceNumber"):
            record.extra["eu_reference"] = ref
        if un_id := _get(attrs, "unitedNationId"):
            if not any(link.source_id == un_id for link in record.links):
                record.links.append(Link("un_reference", "un_sc", un_id))
        if details := _get(attrs, "designationDetails"):
            _append(record.remarks, details)
        self._designated = parse_date(_get(attrs, "designationDate")) or self._designated
        if remark := _get(attrs, "remark"):
            _append(record.remarks, remark)

    def set_subject_type(self, *values: str | None) -> None:
        for value in values:
            key = (clean(value) or "").lower()
            if key in ("person", "p"):
                self.record.schema = "Person"
                return
            if key in ("enterprise", "e"):
                self.record.schema = "Organization"
                return

    def add_regulation(self, attrs: Attrs) -> None:
        _append(self.record.programs, _get(attrs, "programme"))
        date = parse_date(_get(attrs, "publicationDate")) or parse_date(
            _get(attrs, "entryIntoForceDate")
        )
        if date:
            self._regulation_dates.append(date)
        if title := _get(attrs, "numberTitle"):
            existing = self.record.extra.get("regulation")
            if not existing:
                self.record.extra["regulation"] = title
            elif title not in existing.split("; "):
                self.record.extra["regulation"] = f"{existing}; {title}"

    # -- parts -----------------------------------------------------------------------

    def add_name(self, attrs: Attrs) -> None:
        if not self._once("name", attrs):
            return
        parts = {
            key: value
            for key, attr in (
                ("first", "firstName"),
                ("middle", "middleName"),
                ("last", "lastName"),
            )
            if (value := _get(attrs, attr))
        }
        whole = _get(attrs, "wholeName") or " ".join(parts.values())
        lang_code = _get(attrs, "nameLanguage")
        lang = (iso_639_alpha3(lang_code) or lang_code.lower()) if lang_code else None
        weak = _flag(attrs, "strong") is False
        remark = _get(attrs, "remark")
        if remark and "low quality" in remark.lower():
            weak = True
        elif remark and "quality" not in remark.lower():
            _append(self.record.remarks, f"{whole}: {remark}")
        if whole:
            self._names.append((whole, weak, lang, parts, bool(_get(attrs, "gender"))))
        for title in split_enumeration(_get(attrs, "title")):
            _append(self.record.titles, title)
        for function in split_enumeration(_get(attrs, "function")):
            _append(self.record.positions, function)
        gender = parse_gender(_get(attrs, "gender"))
        if gender and not self.record.gender:
            self.record.gender = gender

    def add_citizenship(self, attrs: Attrs) -> None:
        _append(self.record.citizenships, _country(attrs))

    def add_birth(self, attrs: Attrs) -> None:
        if not self._once("birth", attrs):
            return
        record = self.record
        dates: list[str] = []
        if full := parse_date(_get(attrs, "birthdate")):
            dates.append(full)
        else:
            year = _get(attrs, "year")
            month = _get(attrs, "monthOfYear") or _get(attrs, "month")
            day = _get(attrs, "dayOfMonth") or _get(attrs, "day")
            if year and year.isdigit():
                value = year
                if month and month.isdigit() and int(month):
                    value += f"-{int(month):02d}"
                    if day and day.isdigit() and int(day):
                        value += f"-{int(day):02d}"
                if parsed := parse_date(value):
                    dates.append(parsed)
        start = parse_date(_get(attrs, "yearRangeFrom"))
        end = parse_date(_get(attrs, "yearRangeTo"))
        if start and end and 0 <= int(end[:4]) - int(start[:4]) <= 10:
            dates.extend(str(y) for y in range(int(start[:4]), int(end[:4]) + 1))
        else:
            dates.extend(d for d in (start, end) if d)
        for date in dates:
            _append(record.birth_dates, date)
        if dates and _flag(attrs, "circa"):
            _append(record.remarks, f"Date of birth circa {dates[0]}")
            if len(dates) == 1:
                add_estimates(record, dates)
        place = ", ".join(
            p
            for p in (
                _get(attrs, "place"),
                _get(attrs, "city"),
                _get(attrs, "region"),
                _country_name(attrs),
            )
            if p
        )
        _append(record.birth_places, place or None)
        if remark := _get(attrs, "remark"):
            _append(record.remarks, f"Birth: {remark}")

    def add_identification(self, attrs: Attrs) -> None:
        if not self._once("id", attrs):
            return
        number = _get(attrs, "number") or _get(attrs, "latinNumber")
        code = (_get(attrs, "identificationTypeCode") or "").lower()
        description = _get(attrs, "identificationTypeDescription")
        notes: list[str] = []
        if issued_by := _get(attrs, "issuedBy"):
            notes.append(f"issued by {issued_by}")
        if issued := parse_date(_get(attrs, "issuedDate") or _get(attrs, "issueDate")):
            notes.append(f"issued {issued}")
        if valid_to := parse_date(_get(attrs, "validTo")):
            notes.append(f"valid to {valid_to}")
        for flag, text in (
            ("diplomatic", "diplomatic"),
            ("knownExpired", "known expired"),
            ("knownFalse", "known false"),
            ("reportedLost", "reported lost"),
            ("revokedByIssuer", "revoked by issuer"),
        ):
            if _flag(attrs, flag):
                notes.append(text)
        if on_doc := _get(attrs, "nameOnDocument"):
            notes.append(f"name on document: {on_doc}")
        if remark := _get(attrs, "remark"):
            notes.append(remark)
        if not number:
            if notes or description:
                _append(
                    self.record.remarks,
                    "Document: " + "; ".join(x for x in (description, *notes) if x),
                )
            return
        kind = _ID_TYPES.get(code) or identifier_kind(description)
        latin = _get(attrs, "latinNumber")
        if latin and latin != number:
            notes.append(f"latin: {latin}")
        self.record.identifiers.append(
            Identifier(
                kind, number, _country(attrs), description or code or None, "; ".join(notes) or None
            )
        )

    def add_address(self, attrs: Attrs) -> None:
        if not self._once("address", attrs):
            return
        record = self.record
        street = _get(attrs, "street")
        po_box = _get(attrs, "poBox")
        city = _get(attrs, "city")
        postal = _get(attrs, "zipCode")
        region = _get(attrs, "region")
        place = _get(attrs, "place")
        country_name = _country_name(attrs)
        full = ", ".join(
            p
            for p in (
                street,
                f"P.O. Box {po_box}" if po_box else None,
                place,
                city,
                postal,
                region,
                country_name,
            )
            if p
        )
        code = _country(attrs)
        if full:
            record.addresses.append(
                Address(full, code, city=city, region=region, postal_code=postal, street=street)
            )
            _append(record.countries, code)
        for key in ("remark", "contactInfo"):
            if value := _get(attrs, key):
                _append(record.remarks, f"Address: {value}")

    # -- result ----------------------------------------------------------------------

    def build(self) -> Record:
        """The finished record (names ordered, primary chosen, listing date set)."""
        record = self.record
        primary = None
        if self._names:
            # The EU marks no main name: prefer strong names in no particular language,
            # then names published with their parts or a gender (the main entries),
            # then fuller names, then document order.
            ranked = sorted(
                enumerate(self._names),
                key=lambda item: (
                    not item[1][1],
                    not item[1][2],
                    bool(item[1][3]),
                    item[1][4],
                    min(len(item[1][0].split()), 4),
                    -item[0],
                ),
                reverse=True,
            )
            primary = ranked[0][1]
            record.add_name(primary[0], "primary", lang=primary[2], parts=primary[3] or None)
        taken = {primary[0]} if primary else set()
        for whole, weak, lang, parts, _gender in self._names:
            if whole in taken:
                continue
            taken.add(whole)
            kind: NameKind = "weak" if weak else "alias"
            record.add_name(whole, kind, lang=lang, parts=parts or None)
        dates = sorted(self._regulation_dates)
        record.listed_on = self._designated or (dates[0] if dates else None)
        return record


class EUFinancialSanctionsXMLReader(Reader):
    """Reader of the EU Financial Sanctions Files, XML 1.1."""

    source: ClassVar[str] = "eu_fsf"
    format: ClassVar[str] = "xml"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        return EU_NS.encode() in head and b"<export" in head

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        head = read_head(path)
        if not head.strip():
            raise SourceError(path, "file is empty", "line 1")
        if b"sanctionEntity" not in head and b"<export" not in head:
            raise SourceError(path, "not an EU financial sanctions export (no <export>)", "line 1")
        published = None
        if m := _GENERATION_DATE.search(head):
            published = parse_date(m[1].decode("ascii", "replace")[:10])
        info = PublicationInfo(self.source, self.format, published)
        return Publication(info, self._records(path))

    def _records(self, path: Path) -> Iterator[Record]:
        seen: set[str] = set()
        for _, el in iter_xml(path, tag=(f"{{{EU_NS}}}sanctionEntity", "sanctionEntity")):
            record = self._record(path, el)
            if record.source_id in seen:
                raise SourceError(
                    path, f"logicalId {record.source_id} appears twice", f"line {el.sourceline}"
                )
            seen.add(record.source_id)
            el.clear()
            parent = el.getparent()
            if parent is not None:
                while el.getprevious() is not None:
                    del parent[0]
            yield record

    def _record(self, path: Path, el: etree._Element) -> Record:
        logical_id = clean(el.get("logicalId"))
        if not logical_id:
            raise SourceError(path, "<sanctionEntity> without logicalId", f"line {el.sourceline}")
        builder = EntityBuilder(self.source, logical_id)
        attrs = _attributes(el)
        remarks = [clean(r.text) for r in el if local(r.tag) == "remark"]
        builder.set_entity(attrs)
        for remark in remarks:
            builder.set_entity({"remark": remark})
        for child in el:
            tag = local(child.tag)
            part = _attributes(child)
            remark = next((clean(c.text) for c in child if local(c.tag) == "remark"), None)
            if remark:
                part["remark"] = remark
            if tag == "nameAlias":
                builder.add_name(part)
            elif tag == "regulation":
                builder.add_regulation(part)
            elif tag == "subjectType":
                builder.set_subject_type(part.get("code"), part.get("classificationCode"))
            elif tag == "citizenship":
                builder.add_citizenship(part)
            elif tag == "birthdate":
                builder.add_birth(part)
            elif tag == "identification":
                builder.add_identification(part)
            elif tag == "address":
                contacts = [
                    f"{c.get('key')}: {c.get('value')}"
                    for c in child
                    if local(c.tag) == "contactInfo" and c.get("value")
                ]
                if contacts:
                    part["contactInfo"] = "; ".join(contacts)
                builder.add_address(part)
        record = builder.build()
        if not record.names:
            raise SourceError(
                path, f"sanction entity {logical_id} has no name", f"line {el.sourceline}"
            )
        return record
