"""OFAC Advanced XML: ``SDN_ADVANCED.XML`` and ``CONS_ADVANCED.XML``.

OFAC's implementation of the "Advanced Sanctions List Standard" (UN/ISO-style
``Sanctions`` schema, ``sdn_advanced.xsd``; namespace
``https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML``,
formerly ``http://www.un.org/sanctions/1.0``). It is fully normalised: everything
typed refers by numeric ID to reference value sets at the top of the file::

    Sanctions
      DateOfIssue                Year/Month/Day: the publication date
      ReferenceValueSets         AliasTypeValues/AliasType[@ID] ("Name", "A.K.A.", …),
                                 CountryValues/Country[@ID, @ISO2], FeatureTypeValues,
                                 IDRegDocTypeValues, IDRegDocDateTypeValues, ListValues,
                                 LegalBasisValues, LocPartTypeValues, NamePartTypeValues,
                                 PartySubTypeValues/PartySubType[@PartyTypeID],
                                 PartyTypeValues, RelationTypeValues, ReliabilityValues,
                                 SanctionsTypeValues, ScriptValues, DetailReferenceValues, …
      Locations/Location[@ID]    LocationCountry[@CountryID], LocationAreaCode,
                                 LocationPart[@LocPartTypeID]/LocationPartValue/Value
      IDRegDocuments/IDRegDocument[@ID, @IDRegDocTypeID, @IdentityID, @IssuedBy-CountryID]
                                 IDRegistrationNo, IssuingAuthority, Comment,
                                 DocumentDate[@IDRegDocDateTypeID]/DatePeriod
      DistinctParties/DistinctParty[@FixedRef]    (FixedRef = the ent_num)
        Profile[@ID, @PartySubTypeID]
          Identity[@ID]/Alias[@AliasTypeID, @Primary, @LowQuality]/DocumentedName/
                        DocumentedNamePart/NamePartValue[@NamePartGroupID, @ScriptID]
          Identity/NamePartGroups/MasterNamePartGroup/NamePartGroup[@ID, @NamePartTypeID]
          Feature[@FeatureTypeID]/FeatureVersion[@ReliabilityID]:
                        VersionDetail (text or @DetailReferenceID), DatePeriod,
                        VersionLocation[@LocationID]
      ProfileRelationships/ProfileRelationship[@From-ProfileID, @To-ProfileID,
                                 @RelationTypeID]
      SanctionsEntries/SanctionsEntry[@ProfileID, @ListID]
                                 EntryEvent[@LegalBasisID]/Date, SanctionsMeasure
                                 [@SanctionsTypeID]/Comment (the programme code when the
                                 measure type is "Program")

The file is streamed: reference values, locations and documents are kept as small
lookup tables, each party becomes a :class:`~thaw.model.Record` as soon as it is read,
and programmes, listing dates and relationships (which follow the parties) are
attached at the end. Feature type names are the OFAC labels of the other formats
and go through :mod:`thaw.sources.ofac_remarks`. Whether a file is the SDN or the
consolidated list is read from its name (``SDN_ADVANCED`` / ``CONS_ADVANCED``).

We hold no real file of this format: the reader follows the published schema and
is tested on a fixture written in exactly that format
(``tests/fixtures/ofac/SDN_ADVANCED.XML``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from lxml import etree

from thaw.model import Address, Link, Name, NameKind, PublicationInfo, Record
from thaw.sources.base import Publication, Reader, SourceError, iter_xml, local, read_head
from thaw.sources.common import add_estimates, clean, parse_date
from thaw.sources.ofac_enhanced import list_of, period, script_code
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

__all__ = ["OfacConsAdvancedReader", "OfacSdnAdvancedReader"]

_ROOT = re.compile(rb"<(?:[\w.-]+:)?Sanctions[\s>]")
_DATE_OF_ISSUE = re.compile(
    rb"<(?:[\w.-]+:)?DateOfIssue\b[^>]*>\s*<(?:[\w.-]+:)?Year[^>]*>\s*(\d{4})\s*</[^>]+>\s*"
    rb"<(?:[\w.-]+:)?Month[^>]*>\s*(\d{1,2})\s*</[^>]+>\s*<(?:[\w.-]+:)?Day[^>]*>\s*(\d{1,2})"
)
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
_COUNTRY_LABELS = {
    "nationality country",
    "citizenship country",
    "nationality of registration",
    "registration country",
    "vessel flag",
    "other vessel flag",
    "former vessel flag",
}
"""Features whose location stands for a country."""


@dataclass(slots=True)
class _Refs:
    """The reference value sets: ``values[set][id] = text``, plus attributes needed."""

    values: dict[str, dict[str, str]] = field(default_factory=dict)
    iso2: dict[str, str] = field(default_factory=dict)
    party_type: dict[str, str] = field(default_factory=dict)
    area_country: dict[str, str] = field(default_factory=dict)

    def text(self, kind: str, ref: str | None) -> str | None:
        if ref is None:
            return None
        return self.values.get(kind, {}).get(ref)

    def country(self, ref: str | None) -> str | None:
        """ISO-2 (lower case) of a Country ID, else its name."""
        if ref is None:
            return None
        return self.iso2.get(ref) or self.text("Country", ref)


@dataclass(slots=True)
class _Location:
    address: Address | None
    countries: list[str]
    """ISO-2 codes of the location's countries."""
    text: str | None
    country_names: list[tuple[str | None, str]] = field(default_factory=list)
    """``(ISO-2 or None, name as OFAC writes it)`` of each country."""


def _date_point(el: etree._Element | None) -> str | None:
    """``YYYY[-MM[-DD]]`` of a DatePoint/Date (``Year``, ``Month``, ``Day`` children)."""
    if el is None:
        return None
    year = el.findtext("{*}Year")
    month = el.findtext("{*}Month")
    day = el.findtext("{*}Day")
    if not year or not year.strip().isdigit():
        return None
    parts = [year.strip()]
    for value in (month, day):
        if value is None or not value.strip().isdigit() or int(value) == 0:
            break
        parts.append(f"{int(value):02d}")
    return parse_date("-".join(parts))


def _date_period(el: etree._Element | None) -> list[str]:
    """ISO date(s) of a ``DatePeriod``: ``Start/From`` … ``End/To`` collapsed to the
    precision they span (a whole year → ``"1962"``)."""
    if el is None:
        return []
    points = [
        _date_point(el.find(path))
        for path in ("{*}Start/{*}From", "{*}Start/{*}To", "{*}End/{*}From", "{*}End/{*}To")
    ]
    known = [p for p in points if p]
    if not known:
        return []
    begin = points[0] or known[0]
    finish = points[3] or points[2] or known[-1]
    return period(_full(begin, start=True), _full(finish, start=False))


def _approximate(el: etree._Element) -> bool:
    """Whether a ``DatePeriod`` is OFAC's estimate ("circa"): ``Approximate="true"``
    on its ``Start`` or ``End``."""
    return any(
        (part.get("Approximate") or "").lower() == "true"
        for part in (el.find("{*}Start"), el.find("{*}End"))
        if part is not None
    )


def _full(value: str, start: bool) -> str:
    """A partial ISO date widened to a day (``1962`` → ``1962-01-01`` / ``1962-12-31``)."""
    if len(value) == 4:
        return f"{value}-01-01" if start else f"{value}-12-31"
    if len(value) == 7:
        return f"{value}-01" if start else f"{value}-28"
    return value


def _true(value: str | None) -> bool:
    return (value or "").strip().lower() == "true"


class _OfacAdvancedReader:
    """Shared reader of SDN_ADVANCED / CONS_ADVANCED (a mixin: see :mod:`.ofac_csv`)."""

    source: ClassVar[str]
    format: ClassVar[str] = "advanced_xml"

    @classmethod
    def _looks_like(cls, head: bytes) -> bool:
        return _ROOT.search(head) is not None and (
            b"ADVANCED_XML" in head
            or b"un.org/sanctions/1.0" in head
            or b"ReferenceValueSets" in head
        )

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        head = read_head(path)
        m = _DATE_OF_ISSUE.search(head)
        published = None
        if m:
            published = parse_date(f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}")
        info = PublicationInfo(self.source, self.format, published=published)
        return Publication(info, self._records(path, info))

    # -- streaming -------------------------------------------------------------------

    def _records(self, path: Path, info: PublicationInfo) -> Iterator[Record]:
        refs = _Refs()
        locations: dict[str, _Location] = {}
        documents: dict[str, list[etree._Element]] = {}
        by_profile: dict[str, Record] = {}
        identities: dict[str, list[str]] = {}  # profile → identity IDs
        pending_locations: list[tuple[Record, str, str]] = []
        relations: list[tuple[str, str, str]] = []
        entries: list[etree._Element] = []
        records: list[Record] = []
        root_seen = False
        tags = (
            "{*}ReferenceValueSets",
            "{*}Location",
            "{*}IDRegDocument",
            "{*}DistinctParty",
            "{*}ProfileRelationship",
            "{*}SanctionsEntry",
            "{*}Sanctions",
        )
        for _, el in iter_xml(path, tag=tags):
            name = local(el.tag)
            if name == "DistinctParty":
                for profile_id, record, identity_ids, pending in self._party(
                    path, el, refs, locations
                ):
                    by_profile[profile_id] = record
                    identities[profile_id] = identity_ids
                    pending_locations.extend(pending)
                    records.append(record)
                release(el)
            elif name == "Location":
                loc_id = el.get("ID")
                if loc_id:
                    locations[loc_id] = _location(el, refs)
                release(el)
            elif name == "IDRegDocument":
                identity = el.get("IdentityID")
                if identity:
                    documents.setdefault(identity, []).append(el)
                    parent = el.getparent()
                    if parent is not None:
                        parent.remove(el)  # keep it, detached, until its party is known
                else:
                    release(el)
            elif name == "ProfileRelationship":
                src, dst = el.get("From-ProfileID"), el.get("To-ProfileID")
                rtype = refs.text("RelationType", el.get("RelationTypeID")) or "related"
                if src and dst:
                    relations.append((src, dst, rtype))
                release(el)
            elif name == "SanctionsEntry":
                parent = el.getparent()
                if parent is not None:
                    parent.remove(el)
                entries.append(el)
            elif name == "ReferenceValueSets":
                _read_refs(el, refs)
                release(el)
            else:
                root_seen = True
        if not root_seen:
            raise SourceError(path, "no <Sanctions> root element: not an OFAC Advanced XML file")
        for profile_id, record in by_profile.items():
            for identity in identities[profile_id]:
                for doc in documents.get(identity, []):
                    _document(record, doc, refs)
        for record, label, location_id in pending_locations:
            _apply_location(record, label, locations.get(location_id))
        for entry in entries:
            self._entry(entry, refs, by_profile)
        missing = 0
        for src, dst, rtype in relations:
            origin = by_profile.get(src)
            if origin is None:
                missing += 1
                continue
            target = by_profile.get(dst)
            relation = RELATION_KEYS.get(rtype.lower(), extra_key(rtype))
            other = next(s for s in OFAC_SOURCES if s != self.source)
            origin.links.append(
                Link(
                    relation,
                    self.source if target is not None else other,
                    target.source_id if target is not None else dst,
                    target.caption if target is not None else None,
                )
            )
        if missing:
            info.notes.append(f"{missing} relationships start from profiles absent from the file")
        resolve_links(records, self.source)
        yield from records

    # -- parties ---------------------------------------------------------------------

    def _party(
        self,
        path: Path,
        party: etree._Element,
        refs: _Refs,
        locations: dict[str, _Location],
    ) -> Iterator[tuple[str, Record, list[str], list[tuple[Record, str, str]]]]:
        where = f"line {party.sourceline}" if party.sourceline else "DistinctParty"
        fixed_ref = clean(party.get("FixedRef"))
        profiles = party.findall("{*}Profile")
        if not profiles:
            raise SourceError(path, f"DistinctParty {fixed_ref} has no Profile", where)
        for index, profile in enumerate(profiles):
            profile_id = clean(profile.get("ID")) or fixed_ref
            sid = fixed_ref if index == 0 and fixed_ref else profile_id
            if sid is None or profile_id is None:
                raise SourceError(path, "DistinctParty without FixedRef or Profile ID", where)
            record = Record(self.source, sid, _schema(refs, profile.get("PartySubTypeID")))
            identity_ids: list[str] = []
            for identity in profile.findall("{*}Identity"):
                if identity.get("ID"):
                    identity_ids.append(identity.get("ID") or "")
                _names(record, identity, refs)
            if not any(n.kind == "primary" for n in record.names):
                if not record.names:
                    raise SourceError(path, f"DistinctParty {sid} has no name", where)
                record.names[0].kind = "primary"
            pending: list[tuple[Record, str, str]] = []
            for feature in profile.findall("{*}Feature"):
                pending.extend(_feature(record, feature, refs, locations))
            for comment in (*party.findall("{*}Comment"), *profile.findall("{*}Comment")):
                parse_remarks(record, comment.text)
            yield profile_id, record, identity_ids, pending

    def _entry(self, entry: etree._Element, refs: _Refs, by_profile: dict[str, Record]) -> None:
        record = by_profile.get(entry.get("ProfileID") or "")
        if record is None:
            return
        add_extra(record, "lists", refs.text("List", entry.get("ListID")))
        for event in entry.findall("{*}EntryEvent"):
            date = _date_point(event.find("{*}Date"))
            if date and (record.listed_on is None or date < record.listed_on):
                record.listed_on = date
            add_extra(
                record, "legal_authorities", refs.text("LegalBasis", event.get("LegalBasisID"))
            )
        for measure in entry.findall("{*}SanctionsMeasure"):
            mtype = refs.text("SanctionsType", measure.get("SanctionsTypeID"))
            comment = clean(measure.findtext("{*}Comment"))
            if (mtype or "").lower() == "program":
                if comment and comment not in record.programs:
                    record.programs.append(comment)
            else:
                add_extra(record, "sanctions_types", mtype)


def _read_refs(el: etree._Element, refs: _Refs) -> None:
    for group in el:
        if not isinstance(group.tag, str):
            continue
        for value in group:
            if not isinstance(value.tag, str):
                continue
            kind, ref = local(value.tag), value.get("ID")
            if ref is None:
                continue
            text = clean(value.text) or clean(value.get("Description")) or ""
            refs.values.setdefault(kind, {})[ref] = text
            if kind == "Country" and value.get("ISO2"):
                refs.iso2[ref] = (value.get("ISO2") or "").lower()
            elif kind == "PartySubType" and value.get("PartyTypeID"):
                refs.party_type[ref] = value.get("PartyTypeID") or ""
            elif kind == "AreaCode" and value.get("CountryID"):
                refs.area_country[ref] = value.get("CountryID") or ""


def _schema(refs: _Refs, subtype_id: str | None) -> str:
    sub = (refs.text("PartySubType", subtype_id) or "").lower()
    if sub in _TYPES and sub not in ("individual", "entity"):
        return _TYPES[sub]
    party = (refs.text("PartyType", refs.party_type.get(subtype_id or "")) or sub).lower()
    return _TYPES.get(party, "LegalEntity")


def _names(record: Record, identity: etree._Element, refs: _Refs) -> None:
    groups: dict[str, str] = {}
    for group in identity.iterfind("{*}NamePartGroups/{*}MasterNamePartGroup/{*}NamePartGroup"):
        gid = group.get("ID")
        if gid:
            groups[gid] = (refs.text("NamePartType", group.get("NamePartTypeID")) or "").lower()
    for alias in identity.findall("{*}Alias"):
        alias_type = (refs.text("AliasType", alias.get("AliasTypeID")) or "a.k.a.").lower()
        kind: NameKind = ALIAS_KINDS.get(alias_type, "alias")
        if kind == "primary" and not _true(alias.get("Primary")):
            kind = "alias"
        weak = _true(alias.get("LowQuality"))
        for documented in alias.findall("{*}DocumentedName"):
            pieces: list[tuple[str, str]] = []
            script: str | None = None
            for part in documented.iterfind("{*}DocumentedNamePart/{*}NamePartValue"):
                value = clean(part.text)
                if value is None:
                    continue
                pieces.append((groups.get(part.get("NamePartGroupID") or "", ""), value))
                script = script or script_code(refs.text("Script", part.get("ScriptID")))
            name = _compose(pieces, record.schema)
            if name is None:
                continue
            value, parts = name
            tkind: NameKind = kind
            if weak:
                tkind = "weak"
            elif script not in (None, "Latn"):
                tkind = "original"
            if any(n.value == value and n.kind == tkind for n in record.names):
                continue
            record.names.append(
                Name(value, tkind, script=script if script != "Latn" else None, parts=parts)
            )


def _compose(
    pieces: list[tuple[str, str]], schema: str
) -> tuple[str, dict[str, str] | None] | None:
    """OFAC's printed form of a documented name: ``LAST, Given names`` for individuals
    (with parts), the parts in order for anything else."""
    if not pieces:
        return None
    if schema != "Person":
        return " ".join(v for _, v in pieces), None
    parts: dict[str, str] = {}
    for ptype, value in pieces:
        key = _NAME_PARTS.get(ptype)
        if key:
            parts[key] = f"{parts[key]} {value}" if key in parts else value
    last = " ".join(v for t, v in pieces if t == "last name")
    given = " ".join(v for t, v in pieces if t != "last name")
    if last and given:
        return f"{last}, {given}", parts or None
    return last or given, parts or None


def _location(el: etree._Element, refs: _Refs) -> _Location:
    countries: list[str] = []
    names: list[str] = []
    pairs: list[tuple[str | None, str]] = []
    for lc in el.findall("{*}LocationCountry"):
        ref = lc.get("CountryID")
        code = refs.iso2.get(ref or "") or ofac_country(refs.text("Country", ref))
        if code and code not in countries:
            countries.append(code)
        name = refs.text("Country", ref)
        if name and name not in names:
            names.append(name)
            pairs.append((code, name))
    for area in el.findall("{*}LocationAreaCode"):
        ref = refs.area_country.get(area.get("AreaCodeID") or "")
        code = refs.iso2.get(ref or "")
        if code and code not in countries:
            countries.append(code)
    parts: dict[str, str] = {}
    for part in el.findall("{*}LocationPart"):
        ptype = (refs.text("LocPartType", part.get("LocPartTypeID")) or "").upper()
        values = [clean(v.text) for v in part.iterfind("{*}LocationPartValue/{*}Value")]
        text = ", ".join(v for v in values if v)
        if text:
            parts[ptype] = f"{parts[ptype]}, {text}" if ptype in parts else text
    street = ", ".join(parts[k] for k in ("ADDRESS1", "ADDRESS2", "ADDRESS3") if k in parts)
    city, postal = parts.get("CITY"), parts.get("POSTAL CODE")
    region = parts.get("STATE/PROVINCE") or parts.get("REGION")
    unknown = parts.get("UNKNOWN")
    country = names[0] if names else None
    full = ", ".join(p for p in (street, unknown, city, region, postal, country) if p)
    address = None
    if full:
        address = Address(
            full, countries[0] if countries else None, city, region, postal, street or None
        )
    return _Location(address, countries, full or None, pairs)


def _feature(
    record: Record, feature: etree._Element, refs: _Refs, locations: dict[str, _Location]
) -> list[tuple[Record, str, str]]:
    """Apply a feature; returns location references to resolve once all are read."""
    label = refs.text("FeatureType", feature.get("FeatureTypeID"))
    pending: list[tuple[Record, str, str]] = []
    if label is None:
        return pending
    for version in feature.findall("{*}FeatureVersion"):
        if (refs.text("Reliability", version.get("ReliabilityID")) or "").lower() == "false":
            continue
        for loc in version.findall("{*}VersionLocation"):
            loc_id = loc.get("LocationID") or ""
            if loc_id in locations:
                _apply_location(record, label, locations[loc_id])
            else:
                pending.append((record, label, loc_id))
        for period_el in version.findall("{*}DatePeriod"):
            dates = _date_period(period_el)
            if label.lower() in ("birthdate", "date of birth"):
                for date in dates:
                    apply_feature(record, label, date)
                if len(dates) == 1 and _approximate(period_el):
                    add_estimates(record, dates)
            elif dates and not apply_feature(record, label, " to ".join(dates)):
                record.remarks.append(f"{label} {' to '.join(dates)}")
        for detail in version.findall("{*}VersionDetail"):
            value = refs.text("DetailReference", detail.get("DetailReferenceID")) or clean(
                detail.text
            )
            if value and not apply_feature(record, label, value):
                record.remarks.append(f"{label} {value}")
    return pending


def _apply_location(record: Record, label: str, location: _Location | None) -> None:
    if location is None:
        return
    key = label.lower()
    if key == "location":
        if location.address is not None:
            record.addresses.append(location.address)
        for iso in location.countries:
            if iso not in record.countries:
                record.countries.append(iso)
        return
    if key in _COUNTRY_LABELS and location.country_names:
        for code, name in location.country_names:
            if not apply_feature(record, label, name) and code:
                apply_feature(record, label, code)
        return
    if location.text and not apply_feature(record, label, location.text):
        record.remarks.append(f"{label} {location.text}")


def _document(record: Record, doc: etree._Element, refs: _Refs) -> None:
    label = refs.text("IDRegDocType", doc.get("IDRegDocTypeID")) or "Identification Number"
    country = refs.country(doc.get("IssuedBy-CountryID"))
    issued = expires = None
    notes: list[str] = []
    for date in doc.findall("{*}DocumentDate"):
        dtype = (refs.text("IDRegDocDateType", date.get("IDRegDocDateTypeID")) or "").lower()
        value = " to ".join(_date_period(date.find("{*}DatePeriod"))) or None
        if "expir" in dtype:
            expires = value
        elif "issue" in dtype:
            issued = value
        elif value:
            notes.append(f"{dtype} {value}")
    validity = refs.text("Validity", doc.get("ValidityID"))
    if validity and validity.lower() != "valid":
        notes.append(validity)
    for tag in ("IssuingAuthority", "Comment"):
        text = clean(doc.findtext(f"{{*}}{tag}"))
        if text:
            notes.append(text)
    apply_document(
        record,
        label,
        clean(doc.findtext("{*}IDRegistrationNo")),
        country=country,
        issued=issued,
        expires=expires,
        note="; ".join(notes) or None,
    )


class OfacSdnAdvancedReader(_OfacAdvancedReader, Reader):
    """The SDN list as Advanced XML (``SDN_ADVANCED.XML``)."""

    source = "us_ofac_sdn"
    priority = 1

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        return cls._looks_like(head) and list_of(name, head) in ("sdn", None)


class OfacConsAdvancedReader(_OfacAdvancedReader, Reader):
    """The consolidated (non-SDN) list as Advanced XML (``CONS_ADVANCED.XML``)."""

    source = "us_ofac_cons"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        return cls._looks_like(head) and list_of(name, head) in ("cons", None)
