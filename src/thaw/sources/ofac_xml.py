"""OFAC legacy XML: ``SDN.XML`` and ``consolidated.xml`` (``<sdnList>``).

The root ``sdnList`` holds ``publshInformation`` (sic: ``Publish_Date`` as
``MM/DD/YYYY`` and a ``Record_Count``, the number of entries: the loader refuses a
file holding another number unless forced, since a cut at an entry boundary leaves
well-formed XML; the 2019 excerpt in the shared data still declares 7,449 for its 17
entries) and one ``sdnEntry`` per listing:
``uid`` (the ent_num), ``firstName``/``lastName``, ``title``, ``sdnType``
(Individual, Entity, Vessel, Aircraft), ``remarks``, ``programList/program``,
``idList/id`` (``idType``/``idNumber``/``idCountry``/``issueDate``/``expirationDate``:
identity documents *and* labelled facts such as "Website", "Gender" or "Additional
Sanctions Information -"), ``akaList/aka`` (``type`` a.k.a./f.k.a./n.k.a.,
``category`` strong/weak), ``addressList/address``, ``nationalityList``,
``citizenshipList``, ``dateOfBirthList``, ``placeOfBirthList`` and ``vesselInfo``.

Two namespaces are in use (``http://tempuri.org/sdnList.xsd`` before the 2023 move to
the Sanctions List Service, ``https://sanctionslistservice.ofac.treas.gov/api/
PublicationPreview/exports/XML`` since); elements are matched by local name, so any
namespace (or none) is read. Individuals' names are stored as OFAC prints them in its
other formats, ``LAST, First``, with the parts kept apart. Weak aliases
(``category`` weak) become ``kind="weak"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import ClassVar

from lxml import etree

from thaw.model import Address, Identifier, Link, Name, NameKind, PublicationInfo, Record
from thaw.sources.base import Publication, Reader, SourceError, iter_xml, local, read_head
from thaw.sources.common import add_estimates, clean, estimated_years, parse_date
from thaw.sources.ofac_remarks import (
    ALIAS_KINDS,
    add_extra,
    apply_document,
    ofac_country,
    ofac_dates,
    parse_remarks,
    resolve_links,
    split_programs,
)

__all__ = ["OfacConsXmlReader", "OfacSdnXmlReader", "release"]

_TYPES = {
    "individual": "Person",
    "entity": "Organization",
    "vessel": "Vessel",
    "aircraft": "Aircraft",
}
_PUBLISH_DATE = re.compile(rb"<(?:[\w.-]+:)?Publish_Date>\s*([^<]*?)\s*<")
_RECORD_COUNT = re.compile(rb"<(?:[\w.-]+:)?Record_Count>\s*(\d+)\s*<")
_ROOT = re.compile(rb"<(?:[\w.-]+:)?sdnList[\s>]")


def _text(el: etree._Element, name: str) -> str | None:
    """The cleaned text of the child ``name`` (any namespace)."""
    child = el.find(f"{{*}}{name}")
    return clean(child.text) if child is not None else None


def _items(el: etree._Element, path: str) -> list[etree._Element]:
    """Children along ``path`` (``"akaList/aka"``), in any namespace."""
    return el.findall("/".join(f"{{*}}{p}" for p in path.split("/")))


def release(el: etree._Element) -> None:
    """Free a processed element and its already processed siblings (flat memory
    while streaming a large file)."""
    el.clear()
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def _publish_date(head: bytes) -> str | None:
    m = _PUBLISH_DATE.search(head)
    return parse_date(m[1].decode("ascii", "replace"), dayfirst=False) if m else None


def _declared_count(head: bytes) -> int | None:
    m = _RECORD_COUNT.search(head)
    return int(m[1]) if m else None


class _OfacXmlReader:
    """Shared reader of the two legacy XML lists (a mixin: see :mod:`.ofac_csv`)."""

    source: ClassVar[str]
    format: ClassVar[str] = "xml"

    @classmethod
    def _looks_like(cls, head: bytes) -> bool:
        return _ROOT.search(head) is not None and (
            b"sdnEntry" in head or b"publshInformation" in head
        )

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        head = read_head(path)
        info = PublicationInfo(
            self.source,
            self.format,
            published=_publish_date(head),
            declared_count=_declared_count(head),
        )
        return Publication(info, self._records(path, info))

    def _records(self, path: Path, info: PublicationInfo) -> Iterator[Record]:
        records: list[Record] = []
        seen_root = False
        for _, el in iter_xml(path, tag=("{*}sdnEntry", "{*}sdnList")):
            if local(el.tag) == "sdnList":
                seen_root = True
                continue
            records.append(self._record(path, el))
            release(el)
        if not seen_root:
            raise SourceError(path, "no <sdnList> root element: not an OFAC legacy XML file")
        if info.declared_count is not None and info.declared_count != len(records):
            info.notes.append(
                f"Record_Count declares {info.declared_count} entries; {len(records)} read"
            )
        resolved, unresolved = resolve_links(records, self.source)
        if unresolved:
            info.notes.append(
                f"{unresolved} of {resolved + unresolved} linked names match no single "
                "listing of this publication (kept as names)"
            )
        yield from records

    def _record(self, path: Path, entry: etree._Element) -> Record:
        where = f"line {entry.sourceline}" if entry.sourceline else "sdnEntry"
        uid = _text(entry, "uid")
        if uid is None:
            raise SourceError(path, "sdnEntry without uid", where)
        sdn_type = (_text(entry, "sdnType") or "").lower()
        schema = _TYPES.get(sdn_type, "LegalEntity")
        record = Record(self.source, uid, schema)
        name = _full_name(_text(entry, "lastName"), _text(entry, "firstName"), schema)
        if name is None:
            raise SourceError(path, f"sdnEntry {uid} has no name", where)
        record.names.append(name)
        title = _text(entry, "title")
        if title:
            record.titles.append(title)
        for program in _items(entry, "programList/program"):
            for program_code in split_programs(program.text):
                if program_code not in record.programs:
                    record.programs.append(program_code)
        for aka in _items(entry, "akaList/aka"):
            self._alias(record, aka)
        for item in _items(entry, "dateOfBirthList/dateOfBirthItem"):
            value = _text(item, "dateOfBirth")
            dates = ofac_dates(value)
            for date in dates:
                if date not in record.birth_dates:
                    record.birth_dates.append(date)
            add_estimates(record, estimated_years(value))
            if value and not dates:
                record.remarks.append(f"DOB {value}")
        for item in _items(entry, "placeOfBirthList/placeOfBirthItem"):
            value = _text(item, "placeOfBirth")
            if value and value not in record.birth_places:
                record.birth_places.append(value)
        for path_, target in (
            ("nationalityList/nationality", record.nationalities),
            ("citizenshipList/citizenship", record.citizenships),
        ):
            for item in _items(entry, path_):
                country = _text(item, "country")
                code = ofac_country(country)
                if code and code not in target:
                    target.append(code)
                elif country and not code:
                    record.remarks.append(f"{path_.split('/')[1]} {country}")
        for item in _items(entry, "idList/id"):
            label = _text(item, "idType")
            number = _text(item, "idNumber")
            if label is None:
                if number:
                    record.identifiers.append(Identifier("other", number))
                continue
            apply_document(
                record,
                label,
                number,
                country=_text(item, "idCountry"),
                issued=_text(item, "issueDate"),
                expires=_text(item, "expirationDate"),
            )
        for item in _items(entry, "addressList/address"):
            self._address(record, item)
        for vessel in _items(entry, "vesselInfo"):
            self._vessel(record, vessel)
        parse_remarks(record, _text(entry, "remarks"))
        return record

    @staticmethod
    def _alias(record: Record, aka: etree._Element) -> None:
        name = _full_name(_text(aka, "lastName"), _text(aka, "firstName"), record.schema)
        if name is None:
            return
        kind: NameKind = ALIAS_KINDS.get((_text(aka, "type") or "a.k.a.").lower(), "alias")
        if (_text(aka, "category") or "").lower() == "weak":
            kind = "weak"
        elif kind == "primary":
            kind = "alias"
        record.add_name(name.value, kind, parts=name.parts)

    @staticmethod
    def _address(record: Record, item: etree._Element) -> None:
        street = ", ".join(
            v
            for v in (_text(item, "address1"), _text(item, "address2"), _text(item, "address3"))
            if v
        )
        city, region = _text(item, "city"), _text(item, "stateOrProvince") or _text(item, "region")
        postal, country = _text(item, "postalCode"), _text(item, "country")
        full = ", ".join(p for p in (street, city, region, postal, country) if p)
        if not full:
            return
        code = ofac_country(country)
        record.addresses.append(
            Address(
                full,
                country=code,
                city=city,
                region=region,
                postal_code=postal,
                street=street or None,
            )
        )
        if code and code not in record.countries:
            record.countries.append(code)

    @staticmethod
    def _vessel(record: Record, vessel: etree._Element) -> None:
        call_sign = _text(vessel, "callSign")
        if call_sign:
            record.identifiers.append(Identifier("call_sign", call_sign, label="Call Sign"))
        add_extra(record, "vessel_type", _text(vessel, "vesselType"))
        add_extra(record, "tonnage", _text(vessel, "tonnage"))
        add_extra(record, "gross_registered_tonnage", _text(vessel, "grossRegisteredTonnage"))
        flag = _text(vessel, "vesselFlag")
        if flag:
            add_extra(record, "vessel_flag", flag)
            code = ofac_country(flag)
            if code and code not in record.countries:
                record.countries.append(code)
        owner = _text(vessel, "vesselOwner")
        if owner:
            record.links.append(Link("vessel_owner", name=owner))


def _full_name(last: str | None, first: str | None, schema: str) -> Name | None:
    """OFAC's printed form: ``LAST, First`` for individuals, else the name as given."""
    if last and first:
        if schema == "Person":
            return Name(f"{last}, {first}", "primary", parts={"last": last, "first": first})
        return Name(f"{first} {last}", "primary")
    value = last or first
    return Name(value, "primary") if value else None


class OfacSdnXmlReader(_OfacXmlReader, Reader):
    """The SDN list as legacy XML (``SDN.XML``)."""

    source = "us_ofac_sdn"
    priority = 1  # a neutrally named file is taken as the SDN list

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        return "cons" not in name and cls._looks_like(head)


class OfacConsXmlReader(_OfacXmlReader, Reader):
    """The consolidated (non-SDN) list as legacy XML (``consolidated.xml``)."""

    source = "us_ofac_cons"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        return "sdn" not in name and cls._looks_like(head)
