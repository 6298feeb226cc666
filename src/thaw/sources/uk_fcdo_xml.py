"""FCDO UK Sanctions List, XML (``UK_Sanctions_List.xml``).

``<Designations>`` opens with ``<DateGenerated>dd/mm/yyyy</DateGenerated>`` (the
publication date) and holds one ``<Designation>`` per listing; see
:mod:`thaw.sources._fcdo` for the elements and how they map to the model. The reader
walks each designation generically: composite elements (``Name``,
``NonLatinName``, ``Address``, ``Passport``, ``NationalIdentifier``, birth
``Location``) are read as units, known leaves are dispatched by name, and unknown
leaves (``SanctionsImposedIndicators/AssetFreeze`` …) are kept in ``extra``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from thaw.model import PublicationInfo, Record
from thaw.sources import _fcdo
from thaw.sources.base import Publication, Reader, SourceError, iter_xml, local, read_head
from thaw.sources.common import parse_date

_DATE_GENERATED = re.compile(rb"<(?:\w+:)?DateGenerated>\s*([^<]+?)\s*</", re.I)
_ROOT = re.compile(rb"<(?:\w+:)?Designations[\s>]")

_Leaf = Callable[[_fcdo.Designation, str], None]

LEAVES: dict[str, _Leaf] = {
    "lastupdated": lambda d, v: d.last_updated(v),
    "datedesignated": lambda d, v: d.date_designated(v),
    "ofsigroupid": lambda d, v: d.ofsi_group(v),
    "unreferencenumber": lambda d, v: d.un_reference(v),
    "regimename": lambda d, v: d.regime(v),
    "individualentityship": lambda d, v: d.designation_type(v),
    "designationsource": lambda d, v: d.extra("designation_source", v),
    "sanctionsimposed": lambda d, v: d.sanctions_imposed(v),
    "otherinformation": lambda d, v: d.remark(v),
    "ukstatementofreasons": lambda d, v: d.extra("statement_of_reasons", v),
    "title": lambda d, v: d.title(v),
    "dob": lambda d, v: d.dob(v),
    "nationality": lambda d, v: d.nationality(v),
    "position": lambda d, v: d.position(v),
    "gender": lambda d, v: d.gender(v),
    "typeofentity": lambda d, v: d.extra("entity_type", v),
    "businessregistrationnumber": lambda d, v: d.business_registration(v),
    "parentcompany": lambda d, v: d.related("owned_by", v),
    "subsidiary": lambda d, v: d.related("owns", v),
    "imonumber": lambda d, v: d.imo(v),
    "currentowneroperator": lambda d, v: d.related("vessel_owner", v),
    "previousowneroperator": lambda d, v: d.extra("previous_owners", v),
    "currentbelievedflagofship": lambda d, v: d.extra("flag", v),
    "previousflag": lambda d, v: d.extra("previous_flags", v),
    "typeofship": lambda d, v: d.extra("ship_type", v),
    "tonnageofship": lambda d, v: d.extra("tonnage", v),
    "lengthofship": lambda d, v: d.extra("length", v),
    "yearbuilt": lambda d, v: d.extra("year_built", v),
    "hullidentificationnumber": lambda d, v: d.extra("hull_identification_number", v),
    "phonenumber": lambda d, v: d.extra("phone", v),
    "emailaddress": lambda d, v: d.extra("email", v),
    "website": lambda d, v: d.extra("website", v),
    "uniqueid": lambda d, v: None,
}
"""Leaf element name (lower case) → how it applies to the designation."""


def _texts(el: Any) -> dict[str, str]:
    """The leaf children of a composite element, by lower-case name."""
    out: dict[str, str] = {}
    for child in el:
        if isinstance(child.tag, str) and child.text and child.text.strip():
            out[local(child.tag).lower()] = child.text.strip()
    return out


def _composite(d: _fcdo.Designation, name: str, el: Any) -> bool:
    if name == "name" and len(el):
        f = _texts(el)
        d.name(
            {f"name{i}": f.get(f"name{i}") for i in range(1, 7)},
            f.get("nametype"),
            f.get("aliasstrength"),
        )
        return True
    if name == "nonlatinname":
        f = _texts(el)
        d.non_latin(
            f.get("namenonlatinscript"),
            f.get("nonlatinscripttype"),
            f.get("nonlatinscriptlanguage"),
        )
        return True
    if name == "address":
        f = _texts(el)
        d.address(
            [f.get(f"addressline{i}") for i in range(1, 7)],
            f.get("addresspostalcode"),
            f.get("addresscountry"),
        )
        return True
    if name == "passport":
        f = _texts(el)
        d.document("passport", f.get("passportnumber"), f.get("passportadditionalinformation"))
        return True
    if name == "nationalidentifier":
        f = _texts(el)
        d.document(
            "national_id",
            f.get("nationalidentifiernumber"),
            f.get("nationalidentifieradditionalinformation"),
        )
        return True
    if name == "location":
        f = _texts(el)
        d.birth_place(f.get("townofbirth"), f.get("countryofbirth"))
        return True
    return False


def _visit(d: _fcdo.Designation, el: Any) -> None:
    for child in el:
        if not isinstance(child.tag, str):
            continue
        name = local(child.tag).lower()
        if _composite(d, name, child):
            continue
        if len(child):
            _visit(d, child)
            continue
        text = (child.text or "").strip()
        if not text:
            continue
        leaf = LEAVES.get(name)
        if leaf is not None:
            leaf(d, text)
        else:
            d.extra(name, text)


class FcdoXmlReader(Reader):
    """``UK_Sanctions_List.xml``."""

    source = _fcdo.SOURCE
    format = "xml"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        return bool(_ROOT.search(head)) and b"Designation" in head

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        m = _DATE_GENERATED.search(read_head(path))
        published = parse_date(m.group(1).decode("utf-8", "replace")) if m else None
        info = PublicationInfo(self.source, self.format, published)
        return Publication(info, self._records(path))

    def _records(self, path: Path) -> Iterator[Record]:
        count = 0
        for _, el in iter_xml(path, tag="{*}Designation"):
            count += 1
            unique_id = next(
                (
                    (c.text or "").strip()
                    for c in el
                    if isinstance(c.tag, str) and local(c.tag) == "UniqueID"
                ),
                "",
            )
            if not unique_id:
                raise SourceError(
                    path, f"Designation {count} has no UniqueID", f"line {el.sourceline}"
                )
            designation = _fcdo.Designation(unique_id)
            _visit(designation, el)
            el.clear()
            if not designation.record.names:
                raise SourceError(
                    path, f"designation {unique_id} has no name", f"line {el.sourceline}"
                )
            yield designation.record
        if count == 0:
            raise SourceError(path, "no Designation element", "end of file")
