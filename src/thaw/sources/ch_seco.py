"""Switzerland, SECO sanctions list XML (source ``ch_seco``).

The whole list published by the State Secretariat for Economic Affairs
(``sesam.search.admin.ch … downloadXmlGesamtliste``)::

    <swiss-sanctions-list date="2024-03-15" list-type="whole-list">
      <sanctions-program ssid="1" version-date="…">
        <program-key lang="eng">Russia</program-key>
        <program-name lang="eng">Ordinance of 4 March 2022 on measures …</program-name>
        <sanctions-set ssid="12" lang="eng">Annex 8</sanctions-set>
        <origin>EU</origin>
      </sanctions-program>
      <place ssid="7">
        <location>Moscow</location><area/><country iso-code="RU">Russia</country>
      </place>
      <target ssid="41">
        <modification modification-type="listed" effective-date="2022-03-04" publication-date="…"/>
        <sanctions-set-id>12</sanctions-set-id>
        <foreign-identifier>QDi.001</foreign-identifier>
        <individual sex="male">          (or <entity>, or <object object-type="vessel">)
          <identity ssid="42" main="true">
            <name name-type="primary-name" quality="good">
              <name-part order="1" name-part-type="given-name"><value>Kirill</value>
                <spelling-variant lang="rus" script="CYRL">Кирилл</spelling-variant></name-part>
              …
            </name>
            <day-month-year day="12" month="4" year="1975"/>
            <nationality><country iso-code="RU">Russia</country></nationality>
            <place-of-birth place-id="7"/>
            <address place-id="7"><address-details>…</address-details><zip-code/></address>
            <identification-document document-type="passport">
              <number>…</number><issuer code="RU">Russia</issuer><date-of-issue/>…
            </identification-document>
          </identity>
          <justification>…</justification> <relation target-id="43" relation-type="…"/>
          <other-information>…</other-information>
        </individual>
      </target>
    </swiss-sanctions-list>

Mapping
-------
* ``source_id`` is the target's ``ssid``; the list's ``date`` is the publication date.
* Only top-level targets count (a ``<modification>`` may carry copies of earlier
  states). A target whose latest modification (by effective date, then document order)
  is ``de-listed`` is history, not a listing: it is skipped and counted in
  ``PublicationInfo.notes``.
* Names: each ``<name>`` gives one whole name from its parts in ``order`` (titles
  apart); ``name-type`` ``primary-name`` → primary (the one of the main identity; those
  of other identities become aliases), ``alias`` → alias, ``formerly-known-as`` →
  former; ``quality="low"`` → weak. Spelling variants of the parts give more names per
  language/script (Latin variants fill missing parts from the main spelling; non-Latin
  ones, kind ``original`` with ``lang`` and ``script``, are used only when they spell
  every part, so that no name mixes scripts).
* ``programs`` holds the English program key of the target's sanctions set (the set,
  e.g. "Annex 8", goes to ``extra["sanctions_set"]``); ``listed_on`` is the earliest
  ``listed`` modification.
* ``foreign-identifier`` (the UN reference of a UN listing) becomes
  ``Link("un_reference", "un_sc", …)``; ``relation`` elements become links to other
  ``ch_seco`` targets; IMO, registration (OGRN) and tax (INN) numbers printed in
  ``other-information`` become identifiers (the text is kept in ``remarks``).
* Languages are ISO 639-3 (``rus``), scripts ISO 15924 (``Cyrl``).
* Places are declared once (``<place>``) and referenced by id; a reference to a place
  or sanctions set declared later in the file is resolved at the end of the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from typing import ClassVar

from lxml import etree
from rigour.langs import iso_639_alpha3

from thaw.model import Address, Identifier, Link, NameKind, PublicationInfo, Record
from thaw.sources.base import Publication, Reader, SourceError, iter_xml, read_head
from thaw.sources.common import (
    clean,
    country_code,
    identifier_kind,
    parse_date,
    parse_gender,
)

__all__ = ["SwissSecoReader"]

_LIST_DATE = re.compile(rb"""<swiss-sanctions-list[^>]*?\sdate\s*=\s*["']([^"']+)["']""")
_IMO = re.compile(r"\bIMO(?:\s+[Nn]umber|\s+[Nn]o\.?)?\s*:?\s*(\d{7})\b")
_OTHER_IDS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(
            r"\b(?:State |Business )?[Rr]egistration [Nn]umber\s*(?:\(OGRN\))?\s*:\s*(\d{5,})"
        ),
        "registration",
        "Registration number",
    ),
    (re.compile(r"\bOGRN\s*:?\s*(\d{13,15})\b"), "registration", "OGRN"),
    (
        re.compile(r"\bTax(?:payer)? [Ii]dentification [Nn]umber\s*(?:\(INN\))?\s*:\s*(\d{8,12})"),
        "tax_id",
        "Taxpayer identification number",
    ),
    (re.compile(r"\bINN\s*:?\s*(\d{10}|\d{12})\b"), "tax_id", "INN"),
)
"""Identifiers SECO prints in ``other-information`` ("Registration number: 1117799004333")."""
_NAME_KINDS: dict[str, NameKind] = {
    "primary-name": "primary",
    "alias": "alias",
    "formerly-known-as": "former",
}
_PART_KEYS = {
    "given-name": "first",
    "further-given-name": "middle",
    "father-name": "patronymic",
    "grand-father-name": "patronymic",
    "family-name": "last",
    "maiden-name": "last",
    "title": "title",
}
_LATIN = {"", "latn", "latin"}
_MAX_VARIANTS = 24
"""At most this many spelling combinations are kept per name and language/script."""
_DOC_KINDS = {
    "passport": "passport",
    "diplomatic-passport": "passport",
    "id-card": "national_id",
    "national-id": "national_id",
    "identity-card": "national_id",
}


@dataclass(slots=True)
class _Place:
    location: str | None = None
    area: str | None = None
    country: str | None = None
    country_code: str | None = None


@dataclass(slots=True)
class _Pending:
    """A target built before a place or sanctions set it references was declared."""

    record: Record
    set_ids: list[str]
    places: list[tuple[str, str, etree._Element | None]] = field(default_factory=list)


def _text(el: etree._Element | None, path: str) -> str | None:
    if el is None:
        return None
    child = el.find(path)
    return clean(child.text) if child is not None else None


def _append(items: list[str], value: str | None) -> None:
    if value and value not in items:
        items.append(value)


def _int(value: str | None) -> int | None:
    text = clean(value)
    return int(text) if text and text.isdigit() else None


class SwissSecoReader(Reader):
    """Reader of the Swiss SECO sanctions list (``swiss-sanctions-list`` XML)."""

    source: ClassVar[str] = "ch_seco"
    format: ClassVar[str] = "xml"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        return b"<swiss-sanctions-list" in head

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        head = read_head(path)
        if not head.strip():
            raise SourceError(path, "file is empty", "line 1")
        if b"<swiss-sanctions-list" not in head:
            raise SourceError(
                path, "not a SECO sanctions list (no <swiss-sanctions-list>)", "line 1"
            )
        published = None
        if m := _LIST_DATE.search(head):
            published = parse_date(m[1].decode("ascii", "replace")[:10])
        info = PublicationInfo(self.source, self.format, published)
        return Publication(info, self._records(path, info))

    # -- streaming -------------------------------------------------------------------

    def _records(self, path: Path, info: PublicationInfo) -> Iterator[Record]:
        programs: dict[str, tuple[str | None, str | None]] = {}
        places: dict[str, _Place] = {}
        pending: list[_Pending] = []
        seen: set[str] = set()
        delisted = 0
        for _, el in iter_xml(path, tag=("sanctions-program", "place", "target")):
            parent = el.getparent()
            if parent is None or parent.getparent() is not None:
                continue  # nested copies inside <modification>; handled with their target
            if el.tag == "sanctions-program":
                self._program(el, programs)
            elif el.tag == "place":
                if ssid := clean(el.get("ssid")):
                    places[ssid] = _Place(
                        _text(el, "location"),
                        _text(el, "area"),
                        _text(el, "country"),
                        self._code(el.find("country")),
                    )
            else:
                item = self._target(path, el)
                if item is None:
                    delisted += 1
                else:
                    sid = item.record.source_id
                    if sid in seen:
                        raise SourceError(
                            path, f"target ssid {sid} appears twice", f"line {el.sourceline}"
                        )
                    seen.add(sid)
                    # once one target waits, later ones wait too: document order is kept
                    if not pending and self._resolve(item, programs, places, final=False):
                        yield item.record
                    else:
                        pending.append(item)
            el.clear()
            while el.getprevious() is not None:
                del parent[0]
        for item in pending:
            self._resolve(item, programs, places, final=True)
            yield item.record
        if delisted:
            info.notes.append(
                f"{delisted} de-listed targets kept in the file for history were skipped"
            )

    @staticmethod
    def _program(el: etree._Element, programs: dict[str, tuple[str | None, str | None]]) -> None:
        def pick(tag: str) -> str | None:
            values = {c.get("lang"): clean(c.text) for c in el.iterfind(tag)}
            return values.get("eng") or next((v for v in values.values() if v), None)

        key = pick("program-key") or pick("program-name")
        sets: dict[str, dict[str | None, str | None]] = {}
        for node in el.iterfind("sanctions-set"):
            if ssid := clean(node.get("ssid")):
                sets.setdefault(ssid, {})[node.get("lang")] = clean(node.text)
        for ssid, names in sets.items():
            name = names.get("eng") or next((v for v in names.values() if v), None)
            programs[ssid] = (key, name)

    @staticmethod
    def _code(country: etree._Element | None) -> str | None:
        if country is None:
            return None
        code = clean(country.get("iso-code") or country.get("code"))
        return country_code(code) or country_code(country.text)

    def _resolve(
        self,
        item: _Pending,
        programs: dict[str, tuple[str | None, str | None]],
        places: dict[str, _Place],
        final: bool,
    ) -> bool:
        """Fill in the program and places; ``False`` when one is not declared yet."""
        missing_set = any(set_id not in programs for set_id in item.set_ids)
        missing_place = any(pid not in places for _, pid, _ in item.places)
        if (missing_set or missing_place) and not final:
            return False
        record = item.record
        set_names: list[str] = []
        for set_id in item.set_ids:
            key, set_name = programs.get(set_id, (None, None))
            _append(record.programs, key or f"sanctions set {set_id}")
            _append(set_names, set_name)
        if set_names:
            record.extra["sanctions_set"] = "; ".join(set_names)
        for role, pid, node in item.places:
            place = places.get(pid, _Place())
            if role == "birth":
                text = ", ".join(p for p in (place.location, place.area, place.country) if p)
                _append(record.birth_places, text or None)
            else:
                self._address(record, place, node)
        return True

    @staticmethod
    def _address(record: Record, place: _Place, node: etree._Element | None) -> None:
        street = _text(node, "address-details")
        c_o = _text(node, "c-o")
        po_box = _text(node, "p-o-box")
        postal = _text(node, "zip-code")
        parts = [
            f"c/o {c_o}" if c_o else None,
            street,
            f"P.O. Box {po_box}" if po_box else None,
            postal,
            place.location,
            place.area,
            place.country,
        ]
        full = ", ".join(p for p in parts if p)
        if full:
            record.addresses.append(
                Address(
                    full,
                    place.country_code,
                    city=place.location,
                    region=place.area,
                    postal_code=postal,
                    street=street,
                )
            )
            _append(record.countries, place.country_code)
        if remark := _text(node, "remarks"):
            record.remarks.append(f"Address{f' {full}' if full else ''}: {remark}")

    # -- one target ------------------------------------------------------------------

    def _target(self, path: Path, el: etree._Element) -> _Pending | None:
        where = f"line {el.sourceline}"
        ssid = clean(el.get("ssid"))
        if not ssid:
            raise SourceError(path, "<target> without ssid", where)
        mods = [
            (
                i,
                m.get("modification-type"),
                parse_date(
                    m.get("effective-date") or m.get("enactment-date") or m.get("publication-date")
                ),
                m,
            )
            for i, m in enumerate(el.iterfind("modification"))
        ]
        if mods:
            latest = max(mods, key=lambda m: (m[2] or "", -m[0]))
            if latest[1] == "de-listed":
                return None

        node = el.find("individual")
        schema = "Person"
        if node is None:
            node = el.find("entity")
            schema = "Organization"
        if node is None:
            node = el.find("object")
            if node is None:
                raise SourceError(path, f"target {ssid} has no individual, entity or object", where)
            object_type = (node.get("object-type") or "").lower()
            schema = {"vessel": "Vessel", "aircraft": "Aircraft"}.get(object_type, "LegalEntity")
        record = Record(self.source, ssid, schema)
        if schema == "Person":
            record.gender = parse_gender(node.get("sex"))
        elif node.tag == "object" and node.get("object-type"):
            record.extra["object_type"] = node.get("object-type") or ""

        set_ids = [i for i in [clean(el.get("sanctions-set-id"))] if i]
        for set_node in el.iterfind("sanctions-set-id"):
            _append(set_ids, clean(set_node.text))
        listed = sorted(
            d
            for _, kind, _, m in mods
            if kind == "listed"
            and (d := parse_date(m.get("effective-date") or m.get("publication-date")))
        )
        record.listed_on = listed[0] if listed else None
        for foreign in el.iterfind("foreign-identifier"):
            if ref := clean(foreign.text):
                record.links.append(Link("un_reference", "un_sc", ref))

        item = _Pending(record, set_ids)
        identities = node.findall("identity")
        identities.sort(key=lambda i: (i.get("main") or "").lower() != "true")
        for index, identity in enumerate(identities):
            self._identity(record, identity, main=index == 0, item=item)
        if not record.names:
            raise SourceError(path, f"target {ssid} has no name", where)

        for justification in node.iterfind("justification"):
            _append(record.remarks, clean(justification.text))
        for other in node.iterfind("other-information"):
            text = clean(other.text)
            if not text:
                continue
            _append(record.remarks, text)
            for regex, kind, label in _OTHER_IDS:
                for number in regex.findall(text):
                    if not any(i.number == number for i in record.identifiers):
                        record.identifiers.append(
                            Identifier(kind, number, label=label, note="from other-information")
                        )
            for number in _IMO.findall(text):
                if not any(i.number == number for i in record.identifiers):
                    record.identifiers.append(
                        Identifier("imo", number, label="IMO number", note="from other-information")
                    )
        for relation in node.iterfind("relation"):
            if target_id := clean(relation.get("target-id")):
                kind = clean(relation.get("relation-type")) or "linked_to"
                record.links.append(Link(kind.replace("-", "_"), "ch_seco", target_id))
        return item

    def _identity(
        self, record: Record, identity: etree._Element, main: bool, item: _Pending
    ) -> None:
        for name in identity.iterfind("name"):
            self._name(record, name, main)
        for dmy in identity.iterfind("day-month-year"):
            year, month, day = _int(dmy.get("year")), _int(dmy.get("month")), _int(dmy.get("day"))
            if year:
                value = parse_date(
                    f"{year:04d}"
                    + (f"-{month:02d}" if month else "")
                    + (f"-{day:02d}" if month and day else "")
                )
                if value and record.schema == "Person":
                    _append(record.birth_dates, value)
                elif value:
                    record.extra.setdefault("date", value)
        for nationality in identity.iterfind("nationality"):
            _append(record.nationalities, self._code(nationality.find("country")))
        for birth in identity.iterfind("place-of-birth"):
            if pid := clean(birth.get("place-id")):
                item.places.append(("birth", pid, None))
        for address in identity.iterfind("address"):
            if pid := clean(address.get("place-id")):
                item.places.append(("address", pid, address))
            else:
                self._address(record, _Place(), address)
        for doc in identity.iterfind("identification-document"):
            self._document(record, doc)

    @staticmethod
    def _name(record: Record, name: etree._Element, main: bool) -> None:
        kind: NameKind = _NAME_KINDS.get(name.get("name-type") or "", "alias")
        if kind == "primary" and not main:
            kind = "alias"
        if (name.get("quality") or "").lower() == "low":
            kind = "weak"
        if kind == "primary" and any(n.kind == "primary" for n in record.names):
            kind = "alias"
        # (order, part type, value) in the base spelling, plus per (lang, script) variants
        base: dict[int, tuple[str, str]] = {}
        variants: dict[tuple[str | None, str | None], dict[int, list[str]]] = {}
        for position, part in enumerate(name.iterfind("name-part")):
            order = _int(part.get("order")) or position + 1
            part_type = part.get("name-part-type") or "other"
            value = _text(part, "value")
            if value:
                base[order] = (part_type, value)
            for variant in part.iterfind("spelling-variant"):
                text = clean(variant.text)
                if text:
                    lang = clean(variant.get("lang"))
                    script = clean(variant.get("script"))
                    culture = (
                        (iso_639_alpha3(lang) or lang.lower()) if lang else None,
                        script.title() if script else None,
                    )
                    variants.setdefault(culture, {}).setdefault(order, []).append(text)
        if not base and not variants:
            return
        words = [base[o][1] for o in sorted(base) if base[o][0] != "title"]
        if not words:
            words = [base[o][1] for o in sorted(base)]
        parts: dict[str, str] = {}
        for order in sorted(base):
            part_type, value = base[order]
            key = _PART_KEYS.get(part_type)
            if key == "title":
                _append(record.titles, value)
            elif key:
                parts[key] = f"{parts[key]} {value}" if key in parts else value
        if words:
            record.add_name(" ".join(words), kind, parts=parts or None)
        for (lang, script), by_order in variants.items():
            latin = (script or "").lower() in _LATIN
            orders = [
                o
                for o in sorted(set(base) | set(by_order))
                if not (o in base and base[o][0] == "title")
            ]
            if not latin and any(o not in by_order for o in orders):
                continue  # a partial non-Latin spelling would mix scripts in one name
            choices = [by_order.get(o) or [base[o][1]] for o in orders]
            variant_kind: NameKind = kind if kind != "primary" else "alias"
            if not latin and kind in ("primary", "alias"):
                variant_kind = "original"
            for count, combo in enumerate(product(*choices)):
                if count >= _MAX_VARIANTS:
                    break
                record.add_name(" ".join(combo), variant_kind, lang=lang, script=script)

    @staticmethod
    def _document(record: Record, doc: etree._Element) -> None:
        number = _text(doc, "number")
        doc_type = clean(doc.get("document-type")) or "other"
        issuer = doc.find("issuer")
        country = None
        if issuer is not None:
            country = country_code(issuer.get("code")) or country_code(issuer.text)
        notes: list[str] = []
        if issued := parse_date(_text(doc, "date-of-issue")):
            notes.append(f"issued {issued}")
        if expiry := parse_date(_text(doc, "expiry-date")):
            notes.append(f"expires {expiry}")
        if remark := _text(doc, "remark"):
            notes.append(remark)
        if not number:
            if notes:
                record.remarks.append(f"Document ({doc_type}): " + "; ".join(notes))
            return
        kind = _DOC_KINDS.get(doc_type) or identifier_kind(doc_type.replace("-", " "))
        record.identifiers.append(
            Identifier(kind, number, country, label=doc_type, note="; ".join(notes) or None)
        )
