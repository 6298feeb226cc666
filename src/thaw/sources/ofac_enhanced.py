"""OFAC Enhanced XML: ``SDN_ENHANCED.XML`` and ``CONS_ENHANCED.XML`` (often zipped).

The Sanctions List Service's richest per-listing export (namespace
``https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML``,
schema ``ENHANCED_XML.xsd``). Layout::

    sanctionsData
      publicationInfo/dataAsOf              publication date (2025-01-10T00:00:00)
      publicationInfo/filters/sanctionsLists/sanctionsList   "SDN List" | "Consolidated List"
      referenceValues/referenceValue[@refId]  type, value, code, isoCode (countries)
      featureTypes/featureType               (optional) feature type catalogue
      entities/entity[@id]
        generalInfo        identityId, entityType (Individual, Entity, Vessel, Aircraft),
                           remarks, title
        sanctionsLists     sanctionsList[@datePublished]  (SDN List, SSI List, …)
        sanctionsPrograms  sanctionsProgram               (RUSSIA-EO14024, …)
        sanctionsTypes, legalAuthorities
        names/name         isPrimary, aliasType (A.K.A./F.K.A./N.K.A.), isLowQuality,
                           translations/translation: isPrimary, script, formattedFullName,
                           nameParts/namePart (Last Name, First Name, Entity Name, …)
        addresses/address  country, translations/translation/addressParts/addressPart
                           (ADDRESS1-3, CITY, STATE/PROVINCE, POSTAL CODE, REGION)
        features/feature   type (the OFAC labels: Birthdate, Place of Birth, Gender,
                           Website, Secondary sanctions risk:, …), value, valueDate,
                           reliability, comments
        identityDocuments/identityDocument  type, documentNumber, issuingCountry,
                           issueDate, expirationDate, isValid, issuingAuthority
        relationships/relationship          type, relatedEntity[@entityId], quality

The entity ``id`` is the OFAC ent_num used by the other formats. Whether a file is the
SDN or the consolidated list is read from the ``filters`` (then from the file name).
Names: low-quality aliases become ``kind="weak"``; translations in a non-Latin script
become ``kind="original"`` with their ISO 15924 script code. Features and documents
go through the OFAC label vocabulary of :mod:`thaw.sources.ofac_remarks`; features
whose reliability is "False" are skipped. Relationships become links carrying the
related ent_num: to this publication when the target is in it, else to the other
OFAC list (OFAC's ids are one space shared by the SDN and consolidated lists).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import ClassVar

from lxml import etree

from thaw.model import Address, Link, Name, NameKind, PublicationInfo, Record
from thaw.sources.base import Publication, Reader, SourceError, iter_xml, local, read_head
from thaw.sources.common import add_estimates, clean, parse_date
from thaw.sources.ofac_remarks import (
    ALIAS_KINDS,
    OFAC_SOURCES,
    RELATION_KEYS,
    add_extra,
    apply_document,
    apply_feature,
    extra_key,
    ofac_country,
    parse_remarks,
    resolve_links,
)
from thaw.sources.ofac_xml import release

__all__ = ["OfacConsEnhancedReader", "OfacSdnEnhancedReader", "list_of", "script_code"]

_TYPES = {
    "individual": "Person",
    "entity": "Organization",
    "vessel": "Vessel",
    "aircraft": "Aircraft",
}
_NAME_PARTS = {
    "last name": "last",
    "first name": "first",
    "middle name": "middle",
    "maiden name": "maiden",
    "patronymic": "patronymic",
    "matronymic": "matronymic",
    "nickname": "nickname",
}
_SCRIPTS = {
    "latin": "Latn",
    "cyrillic": "Cyrl",
    "arabic": "Arab",
    "chinese simplified": "Hans",
    "chinese traditional": "Hant",
    "hangul": "Hang",
    "korean": "Kore",
    "hebrew": "Hebr",
    "japanese": "Jpan",
    "armenian": "Armn",
    "georgian": "Geor",
    "greek": "Grek",
    "persian": "Arab",
    "thai": "Thai",
}
_ROOT = re.compile(rb"<(?:[\w.-]+:)?sanctionsData[\s>]")
_FILTERS = re.compile(rb"<(?:[\w.-]+:)?filters\b.*?</(?:[\w.-]+:)?filters>", re.S)
_FILTER_LIST = re.compile(rb"<(?:[\w.-]+:)?sanctionsList\b[^>]*>\s*([^<]+?)\s*<")
_DATA_AS_OF = re.compile(rb"<(?:[\w.-]+:)?dataAsOf>\s*([^<]+?)\s*<")


def script_code(name: str | None) -> str | None:
    """ISO 15924 code of an OFAC script name ("Cyrillic" → ``Cyrl``), else the name."""
    text = clean(name)
    if text is None:
        return None
    return _SCRIPTS.get(text.lower(), text)


def list_of(name: str, head: bytes) -> str | None:
    """``"sdn"`` or ``"cons"`` for an Enhanced/Advanced XML file, from the list filter
    in its first bytes, else from its name (``None`` when neither tells)."""
    m = _FILTERS.search(head)
    if m is not None:
        lists = {v.decode("utf-8", "replace").strip().lower() for v in _FILTER_LIST.findall(m[0])}
        if "sdn list" in lists and "consolidated list" not in lists:
            return "sdn"
        if "consolidated list" in lists and "sdn list" not in lists:
            return "cons"
    if "cons" in name:
        return "cons"
    if "sdn" in name:
        return "sdn"
    return None


def _t(el: etree._Element | None, name: str) -> str | None:
    if el is None:
        return None
    child = el.find(f"{{*}}{name}")
    return clean(child.text) if child is not None else None


def _all(el: etree._Element | None, path: str) -> list[etree._Element]:
    if el is None:
        return []
    return el.findall("/".join(f"{{*}}{p}" for p in path.split("/")))


def _true(value: str | None) -> bool:
    return (value or "").strip().lower() == "true"


def period(begin: str | None, end: str | None) -> list[str]:
    """ISO date(s) of an OFAC date period ``fromDateBegin`` … ``toDateEnd``: one day,
    a whole month or a whole year collapse to that precision, else both ends."""
    start, stop = parse_date(begin), parse_date(end)
    if start is None or stop is None or start == stop:
        return [d for d in (start or stop,) if d]
    if start[:4] == stop[:4] and start[5:] == "01-01" and stop[5:] == "12-31":
        return [start[:4]]
    if start[:7] == stop[:7] and start[8:] == "01" and stop[8:] in ("28", "29", "30", "31"):
        return [start[:7]]
    if start[5:] == "01-01" and stop[5:] == "12-31" and 0 < int(stop[:4]) - int(start[:4]) <= 10:
        return [str(y) for y in range(int(start[:4]), int(stop[:4]) + 1)]
    return [start, stop]


class _OfacEnhancedReader:
    """Shared reader of SDN_ENHANCED / CONS_ENHANCED (a mixin: see :mod:`.ofac_csv`)."""

    source: ClassVar[str]
    format: ClassVar[str] = "enhanced_xml"

    @classmethod
    def _looks_like(cls, head: bytes) -> bool:
        return _ROOT.search(head) is not None and (
            b"ENHANCED_XML" in head or b"publicationInfo" in head or b"referenceValues" in head
        )

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        head = read_head(path)
        m = _DATA_AS_OF.search(head)
        published = parse_date(m[1].decode("ascii", "replace")[:10]) if m else None
        info = PublicationInfo(self.source, self.format, published=published)
        return Publication(info, self._records(path, info))

    def _records(self, path: Path, info: PublicationInfo) -> Iterator[Record]:
        countries: dict[str, str] = {}
        records: list[Record] = []
        skipped = 0
        root_seen = False
        tags = ("{*}referenceValue", "{*}entity", "{*}sanctionsData")
        for _, el in iter_xml(path, tag=tags):
            name = local(el.tag)
            if name == "entity":
                record, dropped = self._record(path, el, countries)
                records.append(record)
                skipped += dropped
                release(el)
            elif name == "referenceValue":
                if (_t(el, "type") or "").upper() == "COUNTRY":
                    iso = _t(el, "isoCode")
                    ref = el.get("refId")
                    if iso and ref:
                        countries[ref] = iso.lower()
            else:
                root_seen = True
        if not root_seen:
            raise SourceError(
                path, "no <sanctionsData> root element: not an OFAC Enhanced XML file"
            )
        if skipped:
            info.notes.append(f"{skipped} features marked reliability 'False' were skipped")
        _resolve_relationships(records, self.source)
        resolve_links(records, self.source)
        yield from records

    # -- one entity ------------------------------------------------------------------

    def _record(
        self, path: Path, entity: etree._Element, countries: dict[str, str]
    ) -> tuple[Record, int]:
        where = f"line {entity.sourceline}" if entity.sourceline else "entity"
        sid = clean(entity.get("id"))
        if sid is None:
            raise SourceError(path, "entity without id", where)
        general = entity.find("{*}generalInfo")
        etype = (_t(general, "entityType") or "").lower()
        record = Record(self.source, sid, _TYPES.get(etype, "LegalEntity"))
        self._names(record, entity)
        if not any(n.kind == "primary" for n in record.names):
            raise SourceError(path, f"entity {sid} has no primary name", where)
        title = _t(general, "title")
        if title:
            record.titles.append(title)
        self._lists(record, entity)
        for program in _all(entity, "sanctionsPrograms/sanctionsProgram"):
            code = clean(program.text)
            if code and code not in record.programs:
                record.programs.append(code)
        for el in _all(entity, "sanctionsTypes/sanctionsType"):
            add_extra(record, "sanctions_types", el.text)
        for el in _all(entity, "legalAuthorities/legalAuthority"):
            add_extra(record, "legal_authorities", el.text)
        for address in _all(entity, "addresses/address"):
            self._address(record, address, countries)
        skipped = 0
        for feature in _all(entity, "features/feature"):
            skipped += self._feature(record, feature, countries)
        for doc in _all(entity, "identityDocuments/identityDocument"):
            self._document(record, doc, countries)
        for rel in _all(entity, "relationships/relationship"):
            related = rel.find("{*}relatedEntity")
            rtype = _t(rel, "type") or "related"
            target = clean(related.get("entityId")) if related is not None else None
            target_name = clean(related.text) if related is not None else None
            record.links.append(
                Link(RELATION_KEYS.get(rtype.lower(), extra_key(rtype)), None, target, target_name)
            )
        parse_remarks(record, _t(general, "remarks"))
        return record, skipped

    def _lists(self, record: Record, entity: etree._Element) -> None:
        dates: dict[str, str] = {}
        for el in _all(entity, "sanctionsLists/sanctionsList"):
            name = clean(el.text)
            if name is None:
                continue
            add_extra(record, "lists", name)
            date = parse_date(el.get("datePublished"))
            if date:
                dates[name] = min(date, dates.get(name, date))
        if self.source == "us_ofac_sdn":
            own = [d for n, d in dates.items() if n == "SDN List"]
        else:
            own = [d for n, d in dates.items() if n not in ("SDN List", "Consolidated List")]
            own = own or [d for n, d in dates.items() if n == "Consolidated List"]
        chosen = own or list(dates.values())
        record.listed_on = min(chosen) if chosen else None

    @staticmethod
    def _names(record: Record, entity: etree._Element) -> None:
        for name in _all(entity, "names/name"):
            primary = _true(_t(name, "isPrimary"))
            alias_type = (_t(name, "aliasType") or "a.k.a.").lower()
            kind: NameKind = "primary" if primary else ALIAS_KINDS.get(alias_type, "alias")
            if kind == "primary" and not primary:
                kind = "alias"
            weak = _true(_t(name, "isLowQuality"))
            for tr in _all(name, "translations/translation"):
                script = script_code(_t(tr, "script"))
                parts: dict[str, str] = {}
                ordered: list[str] = []
                for part in _all(tr, "nameParts/namePart"):
                    ptype, pvalue = (_t(part, "type") or "").lower(), _t(part, "value")
                    if pvalue is None:
                        continue
                    ordered.append(pvalue)
                    key = _NAME_PARTS.get(ptype)
                    if key and record.schema == "Person":
                        parts[key] = f"{parts[key]} {pvalue}" if key in parts else pvalue
                value = _t(tr, "formattedFullName") or " ".join(ordered)
                if not value:
                    continue
                tkind: NameKind = kind
                if weak:
                    tkind = "weak"
                elif script not in (None, "Latn"):
                    tkind = "original"
                elif not _true(_t(tr, "isPrimary")) and kind == "primary":
                    tkind = "alias"
                if any(n.value == value and n.kind == tkind for n in record.names):
                    continue
                record.names.append(
                    Name(
                        value,
                        tkind,
                        script=script if script != "Latn" else None,
                        parts=parts or None,
                    )
                )

    @staticmethod
    def _address(record: Record, address: etree._Element, countries: dict[str, str]) -> None:
        country_el = address.find("{*}country")
        country = clean(country_el.text) if country_el is not None else None
        code = countries.get(country_el.get("refId") or "") if country_el is not None else None
        code = code or ofac_country(country)
        translations: list[etree._Element | None] = list(_all(address, "translations/translation"))
        for tr in translations or [None]:
            parts: dict[str, str] = {}
            for part in _all(tr, "addressParts/addressPart"):
                ptype, pvalue = (_t(part, "type") or "").upper(), _t(part, "value")
                if pvalue:
                    parts[ptype] = f"{parts[ptype]}, {pvalue}" if ptype in parts else pvalue
            street = ", ".join(parts[k] for k in ("ADDRESS1", "ADDRESS2", "ADDRESS3") if k in parts)
            city, postal = parts.get("CITY"), parts.get("POSTAL CODE")
            region = parts.get("STATE/PROVINCE") or parts.get("REGION")
            full = ", ".join(p for p in (street, city, region, postal, country) if p)
            if full:
                record.addresses.append(Address(full, code, city, region, postal, street or None))
        if code and code not in record.countries:
            record.countries.append(code)

    @staticmethod
    def _feature(record: Record, feature: etree._Element, countries: dict[str, str]) -> int:
        label = _t(feature, "type")
        if label is None:
            return 0
        if (_t(feature, "reliability") or "").lower() == "false":
            return 1
        value = _t(feature, "value")
        date = feature.find("{*}valueDate")
        if label.lower() in ("birthdate", "date of birth") and date is not None:
            before = len(record.birth_dates)
            if (
                value is None
                or not apply_feature(record, label, value)
                or len(record.birth_dates) == before
            ):
                dates = period(_t(date, "fromDateBegin"), _t(date, "toDateEnd"))
                for iso in dates:
                    if iso not in record.birth_dates:
                        record.birth_dates.append(iso)
                if len(dates) == 1 and (_t(date, "isApproximate") or "").lower() == "true":
                    add_estimates(record, dates)
            return 0
        if value is None and date is not None:
            value = " to ".join(period(_t(date, "fromDateBegin"), _t(date, "toDateEnd")))
        if value is None:
            return 0
        if not apply_feature(record, label, value):
            record.remarks.append(f"{label} {value}")
        return 0

    @staticmethod
    def _document(record: Record, doc: etree._Element, countries: dict[str, str]) -> None:
        label = _t(doc, "type") or "Identification Number"
        country_el = doc.find("{*}issuingCountry")
        country = None
        if country_el is not None:
            country = countries.get(country_el.get("refId") or "") or clean(country_el.text)
        notes = []
        if not _true(_t(doc, "isValid") or "true"):
            notes.append("not valid")
        for extra in ("issuingAuthority", "issuingLocation", "comments"):
            text = _t(doc, extra)
            if text:
                notes.append(text)
        issued = _date_of(doc.find("{*}issueDate"))
        expires = _date_of(doc.find("{*}expirationDate"))
        apply_document(
            record,
            label,
            _t(doc, "documentNumber"),
            country=country,
            issued=issued,
            expires=expires,
            note="; ".join(notes) or None,
        )


def _date_of(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    dates = period(_t(el, "fromDateBegin"), _t(el, "toDateEnd"))
    return " to ".join(dates) or None


def _resolve_relationships(records: list[Record], source: str) -> None:
    """Point relationship links at this publication when the target is in it, else at
    the other OFAC list (the ids are one space across OFAC's lists)."""
    ids = {r.source_id for r in records}
    other = next(s for s in OFAC_SOURCES if s != source)
    for record in records:
        for link in record.links:
            if link.source is None and link.source_id is not None:
                link.source = source if link.source_id in ids else other


class OfacSdnEnhancedReader(_OfacEnhancedReader, Reader):
    """The SDN list as Enhanced XML (``SDN_ENHANCED.XML``)."""

    source = "us_ofac_sdn"
    priority = 1

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        return cls._looks_like(head) and list_of(name, head) in ("sdn", None)


class OfacConsEnhancedReader(_OfacEnhancedReader, Reader):
    """The consolidated (non-SDN) list as Enhanced XML (``CONS_ENHANCED.XML``)."""

    source = "us_ofac_cons"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        return cls._looks_like(head) and list_of(name, head) in ("cons", None)
