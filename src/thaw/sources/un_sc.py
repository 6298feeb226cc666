"""UN Security Council Consolidated List, ``consolidated.xml`` (source ``un_sc``).

The file published at ``scsanctions.un.org/resources/xml/en/consolidated.xml``::

    <CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
      <INDIVIDUALS><INDIVIDUAL>
        <DATAID/> <FIRST_NAME/> … <FOURTH_NAME/> <UN_LIST_TYPE/> <REFERENCE_NUMBER/>
        <LISTED_ON/> <GENDER/> <NAME_ORIGINAL_SCRIPT/> <COMMENTS1/>
        <TITLE><VALUE/></TITLE> <DESIGNATION><VALUE/></DESIGNATION>
        <NATIONALITY><VALUE/></NATIONALITY> <LAST_DAY_UPDATED><VALUE/></LAST_DAY_UPDATED>
        <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/><DATE_OF_BIRTH/><CITY_OF_BIRTH/>…<NOTE/>
        <INDIVIDUAL_ADDRESS><STREET/><CITY/><STATE_PROVINCE/><ZIP_CODE/><COUNTRY/><NOTE/>
        <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE/><DATE/>|<YEAR/>|<FROM_YEAR/><TO_YEAR/><NOTE/>
        <INDIVIDUAL_PLACE_OF_BIRTH><STREET/><CITY/><STATE_PROVINCE/><COUNTRY/><NOTE/>
        <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT/><TYPE_OF_DOCUMENT2/><NUMBER/>
                             <ISSUING_COUNTRY/><COUNTRY_OF_ISSUE/><DATE_OF_ISSUE/><CITY_OF_ISSUE/><NOTE/>
      </INDIVIDUAL></INDIVIDUALS>
      <ENTITIES><ENTITY> … <ENTITY_ALIAS/> <ENTITY_ADDRESS/> … </ENTITY></ENTITIES>
    </CONSOLIDATED_LIST>

Mapping
-------
* ``source_id`` is the permanent reference number (``QDi.001``); ``dateGenerated``
  gives the publication date.
* The name parts FIRST…FOURTH_NAME form the primary name (parts ``name1``…``name4``);
  NAME_ORIGINAL_SCRIPT is kept as kind ``original``. Alias QUALITY ``Good`` and
  ``a.k.a.`` give ``alias``, ``Low`` gives ``weak``, ``f.k.a.`` gives ``former``.
* Dates of birth: ``EXACT`` and ``APPROXIMATELY`` keep the published date or year (the
  qualifier is noted in ``remarks``); ``BETWEEN`` expands FROM_YEAR…TO_YEAR into every
  year (ranges longer than 10 years keep their two ends).
* ``programs`` holds the UN list type as published (``Al-Qaida``, ``DPRK``, ``Libya``).
  Where the UN printed a resolution number instead ("26532022" for Haiti), the regime
  is taken from the reference-number prefix (``HT`` → ``Haiti``) and the published value
  is kept in ``extra["un_list_type"]``.
* Reference numbers quoted in COMMENTS1 ("Jamil Mukulu (CDi.015)") become
  ``Link("linked_to", "un_sc", "CDi.015")``; IMO company numbers quoted in the comments
  of an entity become ``imo`` identifiers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import ClassVar

from lxml import etree

from thaw.model import Address, Identifier, Link, NameKind, PublicationInfo, Record
from thaw.sources.base import Publication, Reader, SourceError, iter_xml, read_head
from thaw.sources.common import (
    add_estimates,
    clean,
    country_code,
    identifier_kind,
    parse_date,
    parse_gender,
)

__all__ = ["UNConsolidatedReader", "UN_PROGRAMS"]

UN_PROGRAMS: dict[str, str] = {
    "QD": "Al-Qaida",
    "TA": "Taliban",
    "KP": "DPRK",
    "IR": "Iran",
    "IQ": "Iraq",
    "LY": "Libya",
    "SO": "Somalia",
    "CD": "DRC",
    "CF": "CAR",
    "SD": "Sudan",
    "SS": "SouthSudan",
    "YE": "Yemen",
    "ML": "Mali",
    "HT": "Haiti",
    "GB": "GB",
    "LB": "Lebanon",
    "CI": "Côte d'Ivoire",
    "LR": "Liberia",
}
"""UN list type by reference-number prefix (``QDi.001`` → ``QD``), spelled as the UN
publishes UN_LIST_TYPE; used when the published list type is missing or numeric."""

_REF = re.compile(r"^([A-Z]{2})[ie]\.\d+$")
_REF_IN_TEXT = re.compile(r"\b([A-Z]{2}[ie]\.\d{3,})\b")
_IMO_IN_TEXT = re.compile(r"\bIMO\)?\s*(?:[Nn]umber|[Nn]o\.?)?\s*:?\s*(\d{7})\b")
_DATE_GENERATED = re.compile(rb"""dateGenerated\s*=\s*["']([^"']+)["']""")
_ALIAS_KINDS: dict[str, NameKind] = {
    "good": "alias",
    "a.k.a.": "alias",
    "aka": "alias",
    "low": "weak",
    "f.k.a.": "former",
    "fka": "former",
}


def _text(el: etree._Element, tag: str) -> str | None:
    """The cleaned text of the first ``tag`` child, or ``None``."""
    child = el.find(tag)
    return clean(child.text) if child is not None else None


def _values(el: etree._Element, tag: str) -> list[str]:
    """The cleaned ``VALUE`` texts under every ``tag`` child."""
    out: list[str] = []
    for holder in el.iterfind(tag):
        for value in holder.iterfind("VALUE"):
            text = clean(value.text)
            if text and text not in out:
                out.append(text)
    return out


def _append(items: list[str], value: str | None) -> None:
    if value and value not in items:
        items.append(value)


def _join(*parts: str | None) -> str | None:
    return ", ".join(p for p in parts if p) or None


class UNConsolidatedReader(Reader):
    """Reader of the UN Security Council Consolidated List XML."""

    source: ClassVar[str] = "un_sc"
    format: ClassVar[str] = "xml"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        return b"<CONSOLIDATED_LIST" in head

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        head = read_head(path)
        if not head.strip():
            raise SourceError(path, "file is empty", "line 1")
        if b"<CONSOLIDATED_LIST" not in head:
            raise SourceError(path, "not a UN consolidated list (no <CONSOLIDATED_LIST>)", "line 1")
        published = None
        if m := _DATE_GENERATED.search(head):
            published = parse_date(m[1].decode("ascii", "replace")[:10])
        info = PublicationInfo(self.source, self.format, published)
        return Publication(info, self._records(path))

    def _records(self, path: Path) -> Iterator[Record]:
        for _, el in iter_xml(path, tag=("INDIVIDUAL", "ENTITY")):
            record = self._record(path, el)
            el.clear()
            parent = el.getparent()
            if parent is not None:
                while el.getprevious() is not None:
                    del parent[0]
            yield record

    # -- one listing -----------------------------------------------------------------

    def _record(self, path: Path, el: etree._Element) -> Record:
        where = f"line {el.sourceline}" if el.sourceline else str(el.tag)
        ref = _text(el, "REFERENCE_NUMBER")
        if not ref:
            raise SourceError(path, f"<{el.tag}> without REFERENCE_NUMBER", where)
        person = el.tag == "INDIVIDUAL"
        record = Record(self.source, ref, "Person" if person else "Organization")

        parts: dict[str, str] = {}
        for i, tag in enumerate(("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"), 1):
            if value := _text(el, tag):
                parts[f"name{i}"] = value
        if not parts:
            raise SourceError(path, f"listing {ref} has no name", where)
        record.add_name(" ".join(parts.values()), "primary", parts=parts)
        record.add_name(_text(el, "NAME_ORIGINAL_SCRIPT"), "original")

        prefix = m[1] if (m := _REF.match(ref)) else None
        list_type = _text(el, "UN_LIST_TYPE")
        if list_type and not list_type.isdigit():
            program: str | None = list_type
        else:
            program = UN_PROGRAMS.get(prefix or "") or list_type
        if program:
            record.programs.append(program)
        if list_type and list_type != program:
            record.extra["un_list_type"] = list_type
        record.listed_on = parse_date(_text(el, "LISTED_ON"))
        record.gender = parse_gender(_text(el, "GENDER"))
        record.titles = _values(el, "TITLE")
        record.positions = _values(el, "DESIGNATION")
        self._nationalities(record, el)
        self._addresses(record, el, "INDIVIDUAL_ADDRESS" if person else "ENTITY_ADDRESS")
        if person:
            self._births(record, el)
            self._birth_places(record, el)
            self._documents(record, el)
        self._aliases(record, el, "INDIVIDUAL_ALIAS" if person else "ENTITY_ALIAS")
        self._comments(record, el, person)

        for tag, key in (("DATAID", "dataid"), ("SUBMITTED_BY", "submitted_by")):
            if value := _text(el, tag):
                record.extra[key] = value
        if submitted := parse_date(_text(el, "SUBMITTED_ON")):
            record.extra["submitted_on"] = submitted
        updated = sorted(d for v in _values(el, "LAST_DAY_UPDATED") if (d := parse_date(v)))
        if updated:
            record.extra["last_updated"] = updated[-1]
        return record

    @staticmethod
    def _nationalities(record: Record, el: etree._Element) -> None:
        unknown: list[str] = []
        for value in _values(el, "NATIONALITY"):
            code = country_code(value)
            if code:
                _append(record.nationalities, code)
            else:
                unknown.append(value)
        if unknown:
            record.extra["nationality"] = "; ".join(unknown)

    @staticmethod
    def _aliases(record: Record, el: etree._Element, tag: str) -> None:
        for alias in el.iterfind(tag):
            name = _text(alias, "ALIAS_NAME")
            if not name:
                continue
            quality = (_text(alias, "QUALITY") or "").lower()
            kind: NameKind = _ALIAS_KINDS.get(quality, "alias")
            if kind == "former" and record.schema == "Person":
                kind = "alias"
            record.add_name(name, kind)
            if dob := parse_date(_text(alias, "DATE_OF_BIRTH")):
                _append(record.birth_dates, dob)
            place = _join(_text(alias, "CITY_OF_BIRTH"), _text(alias, "COUNTRY_OF_BIRTH"))
            _append(record.birth_places, place)
            if note := _text(alias, "NOTE"):
                record.remarks.append(f"{name}: {note}")

    @staticmethod
    def _addresses(record: Record, el: etree._Element, tag: str) -> None:
        for node in el.iterfind(tag):
            street = _text(node, "STREET")
            city = _text(node, "CITY")
            region = _text(node, "STATE_PROVINCE")
            postal = _text(node, "ZIP_CODE")
            country = _text(node, "COUNTRY")
            note = _text(node, "NOTE")
            full = _join(street, city, region, postal, country)
            if full:
                code = country_code(country)
                record.addresses.append(
                    Address(full, code, city=city, region=region, postal_code=postal, street=street)
                )
                _append(record.countries, code)
                if note:
                    record.remarks.append(f"Address {full}: {note}")
            elif note:
                record.remarks.append(f"Address: {note}")

    @staticmethod
    def _births(record: Record, el: etree._Element) -> None:
        for node in el.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
            kind = (_text(node, "TYPE_OF_DATE") or "").upper()
            dates: list[str] = []
            if kind == "BETWEEN":
                start = parse_date(_text(node, "FROM_YEAR"))
                end = parse_date(_text(node, "TO_YEAR"))
                if start and end and 0 <= int(end[:4]) - int(start[:4]) <= 10:
                    dates = [str(y) for y in range(int(start[:4]), int(end[:4]) + 1)]
                else:
                    dates = [d for d in (start, end) if d]
            else:
                for tag in ("DATE", "YEAR"):
                    if value := parse_date(_text(node, tag)):
                        dates.append(value)
                        break
            for value in dates:
                _append(record.birth_dates, value)
            if kind == "APPROXIMATELY" and dates:
                record.remarks.append(f"Date of birth approximately {dates[0]}")
                add_estimates(record, dates[:1])
            if note := _text(node, "NOTE"):
                record.remarks.append(f"Date of birth: {note}")

    @staticmethod
    def _birth_places(record: Record, el: etree._Element) -> None:
        for node in el.iterfind("INDIVIDUAL_PLACE_OF_BIRTH"):
            place = _join(
                _text(node, "STREET"),
                _text(node, "CITY"),
                _text(node, "STATE_PROVINCE"),
                _text(node, "COUNTRY"),
            )
            _append(record.birth_places, place)
            if note := _text(node, "NOTE"):
                record.remarks.append(f"Place of birth: {note}")

    @staticmethod
    def _documents(record: Record, el: etree._Element) -> None:
        for node in el.iterfind("INDIVIDUAL_DOCUMENT"):
            number = _text(node, "NUMBER")
            label = _text(node, "TYPE_OF_DOCUMENT")
            detail = _text(node, "TYPE_OF_DOCUMENT2")
            country_name = _text(node, "ISSUING_COUNTRY") or _text(node, "COUNTRY_OF_ISSUE")
            notes: list[str] = []
            if issued := parse_date(_text(node, "DATE_OF_ISSUE")):
                notes.append(f"issued {issued}")
            if city := _text(node, "CITY_OF_ISSUE"):
                notes.append(f"issued in {city}")
            if note := _text(node, "NOTE"):
                notes.append(note)
            if not number:
                if notes or label:
                    record.remarks.append(
                        "Document: " + "; ".join(x for x in (label, detail, *notes) if x)
                    )
                continue
            full_label = " - ".join(x for x in (label, detail) if x) or None
            record.identifiers.append(
                Identifier(
                    identifier_kind(f"{label or ''} {detail or ''}"),
                    number,
                    country_code(country_name),
                    label=full_label,
                    note="; ".join(notes) or None,
                )
            )

    @staticmethod
    def _comments(record: Record, el: etree._Element, person: bool) -> None:
        comments = _text(el, "COMMENTS1")
        if not comments:
            return
        record.remarks.insert(0, comments)
        for ref in _REF_IN_TEXT.findall(comments):
            if ref != record.source_id and not any(lk.source_id == ref for lk in record.links):
                record.links.append(Link("linked_to", "un_sc", ref))
        if not person:
            for number in _IMO_IN_TEXT.findall(comments):
                if not any(i.number == number for i in record.identifiers):
                    record.identifiers.append(
                        Identifier("imo", number, label="IMO number", note="from comments")
                    )
