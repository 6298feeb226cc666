"""Records as FollowTheMoney entities (JSON lines), readable by :mod:`thaw.sources.ftm`.

Each :class:`~thaw.model.Record` becomes one entity of the matching FtM schema
(``Person``, ``Organization``, ``LegalEntity``, ``Vessel``, ``Airplane`` for thaw's
``Aircraft``) plus the entities FtM uses for the rest:

* a ``Sanction`` (``entity`` → the listing) carrying the programmes (``program``)
  and the listing date (``listingDate``);
* an ``Address`` entity for every address with structured parts (the one-line form
  is also kept in the listing's ``address`` property);
* identifiers go to the FtM property of their kind (``passportNumber``,
  ``innCode``-style codes go to ``taxNumber``/``registrationNumber``, ``imoNumber``,
  ``leiCode``, …); where the identifier has a country, label or note, or the schema
  has no property for its kind, an ``Identification`` (``Passport`` for passports)
  entity carries it whole; digital currency addresses become ``CryptoWallet``;
* links to a known listing become ``UnknownLink`` entities (``role`` = relation).

Entity ids are ``<source>-<source_id>`` made valid FtM ids (FtM allows only letters,
digits, ``.`` and ``-``, so ``us_ofac_sdn-36`` is written ``us-ofac-sdn-36``); the
original source is kept in the entity's ``datasets``. Records read from an FtM file
(source ``ftm``) keep their own ids. ``last_seen`` carries the date of the
publication the record comes from, which the reader takes as the file's date.

A birth year published as an estimate (:attr:`~thaw.model.Record.birth_estimates`)
is written as FtM writes any year alone, ``birthDate: ["1965"]`` (a date of year
precision): FtM has no property that says "circa". The listing's ``notes`` then
also say ``Born circa 1965: the birth year 1965 is published as an estimate``
(:func:`thaw.sources.ftm.estimate_note`), which a reader of the file sees and
:mod:`thaw.sources.ftm` reads back as the estimate.

Not carried: name parts other than those of a single primary name, name language
and script (an ``original``-script name is written as an ``alias``), and ``extra``
keys that are not properties of the FtM schema.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from typing import Any, TextIO

from thaw.model import Identifier, Record
from thaw.sources.ftm import estimate_note, ftm_country, model, registry

SCHEMA_TO_FTM = {
    "Person": "Person",
    "Organization": "Organization",
    "LegalEntity": "LegalEntity",
    "Vessel": "Vessel",
    "Aircraft": "Airplane",
}

KIND_TO_PROP: dict[str, str] = {
    "passport": "passportNumber",
    "national_id": "idNumber",
    "tax_id": "taxNumber",
    "registration": "registrationNumber",
    "imo": "imoNumber",
    "mmsi": "mmsi",
    "call_sign": "callSign",
    "lei": "leiCode",
    "swift": "swiftBic",
    "ssn": "socialSecurityNumber",
    "aircraft_serial": "serialNumber",
    "aircraft_tail": "registrationNumber",
}
"""thaw identifier kind → FtM property (used where the schema has the property)."""

_INVALID = re.compile(r"[^0-9A-Za-z.\-]+")
_VALID_ID = re.compile(r"^[0-9a-zA-Z]([0-9a-zA-Z\.\-]*[0-9a-zA-Z])?$")
"""FollowTheMoney's entity id rule (``registry.entity.REGEX``), kept here so that
importing this module does not import followthemoney."""


def entity_id(source: str, source_id: str) -> str:
    """The FtM id of a listing: ``<source>-<source_id>`` with characters FtM does not
    allow in ids replaced by ``-`` (records of source ``ftm`` keep their id)."""
    if source == "ftm" and _VALID_ID.match(source_id):
        return source_id
    raw = source_id if source == "ftm" else f"{source}-{source_id}"
    slug = _INVALID.sub("-", raw).strip(".-")
    slug = re.sub(r"-{2,}", "-", slug)
    if not slug or not _VALID_ID.match(slug):
        slug = "x-" + hashlib.sha1(raw.encode()).hexdigest()[:16]
    return slug


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:12]


def _entity(eid: str, schema: str, props: dict[str, list[str]], **top: Any) -> dict[str, Any]:
    clean_props = {k: v for k, v in props.items() if v}
    return {"id": eid, "schema": schema, "properties": clean_props, **top}


def record_entities(
    record: Record, published: str | None = None, eid: str | None = None
) -> list[dict[str, Any]]:
    """The FtM entities (as JSON-ready dicts) for one record, the listing first."""
    ftm_schema = SCHEMA_TO_FTM.get(record.schema, "LegalEntity")
    schema = model.get(ftm_schema)
    assert schema is not None
    has = schema.properties
    eid = eid or entity_id(record.source, record.source_id)
    props: dict[str, list[str]] = {}

    def add(prop: str, values: Iterable[str]) -> None:
        if prop not in has:
            return
        bucket = props.setdefault(prop, [])
        for value in values:
            if value and value not in bucket:
                bucket.append(value)

    kinds = {
        "primary": "name",
        "alias": "alias",
        "original": "alias",
        "weak": "weakAlias",
        "former": "previousName",
    }
    for name in record.names:
        add(kinds.get(name.kind, "alias"), [name.value])
    primaries = [n for n in record.names if n.kind == "primary"]
    if len(primaries) == 1 and primaries[0].parts:
        parts = primaries[0].parts
        for key, prop in (
            ("first", "firstName"),
            ("middle", "middleName"),
            ("last", "lastName"),
            ("patronymic", "fatherName"),
            ("second", "secondName"),
        ):
            if parts.get(key):
                add(prop, [parts[key]])
    add("birthDate", record.birth_dates)
    add("birthPlace", record.birth_places)
    add("nationality", [ftm_country(c) for c in record.nationalities])
    add("citizenship", [ftm_country(c) for c in record.citizenships])
    add("country", [ftm_country(c) for c in record.countries])
    if record.gender:
        add("gender", [record.gender])
    add("title", record.titles)
    add("position", record.positions)
    add("notes", record.remarks)
    add("notes", [estimate_note(year) for year in record.birth_estimates])
    add("address", [a.full for a in record.addresses])

    aux: list[dict[str, Any]] = []
    for ident in record.identifiers:
        aux.extend(_identifier(eid, ident, add, has))

    for address in record.addresses:
        if not (
            address.country
            or address.city
            or address.street
            or address.postal_code
            or address.region
        ):
            continue
        aid = f"{eid}-addr-{_digest(address.full, address.country)}"
        add("addressEntity", [aid])
        aux.append(
            _entity(
                aid,
                "Address",
                {
                    "full": [address.full],
                    "country": [ftm_country(address.country)] if address.country else [],
                    "city": [address.city] if address.city else [],
                    "region": [address.region] if address.region else [],
                    "postalCode": [address.postal_code] if address.postal_code else [],
                    "street": [address.street] if address.street else [],
                },
            )
        )

    if record.programs or record.listed_on:
        aux.append(
            _entity(
                f"{eid}-sanction",
                "Sanction",
                {
                    "entity": [eid],
                    "program": list(record.programs),
                    "listingDate": [record.listed_on] if record.listed_on else [],
                },
                datasets=[record.source],
            )
        )

    for i, link in enumerate(record.links):
        if not link.source_id:
            continue
        target = entity_id(link.source or record.source, link.source_id)
        if target == eid:
            continue
        aux.append(
            _entity(
                f"{eid}-link-{i}-{_digest(link.relation, target)}",
                "UnknownLink",
                {"subject": [eid], "object": [target], "role": [link.relation]},
            )
        )

    datasets = [record.source]
    for key, value in record.extra.items():
        if key == "source_url":
            add("sourceUrl", [value])
        elif key == "datasets":
            datasets = [d.strip() for d in value.split(";") if d.strip()]
        elif key in has and key not in props and has[key].type != registry.entity:
            add(key, [value])

    main: dict[str, Any] = {
        "id": eid,
        "schema": ftm_schema,
        "caption": record.caption,
        "properties": {k: v for k, v in props.items() if v},
        "datasets": datasets,
        "target": True,
    }
    if published:
        main["last_seen"] = published
    return [main, *aux]


def _identifier(eid: str, ident: Identifier, add: Any, has: Any) -> list[dict[str, Any]]:
    """Place one identifier: a property where there is one, an entity where needed."""
    if ident.kind == "crypto":
        return [
            _entity(
                f"{eid}-wallet-{_digest(ident.number)}",
                "CryptoWallet",
                {
                    "holder": [eid],
                    "publicKey": [ident.number],
                    "currency": [ident.label] if ident.label else [],
                },
            )
        ]
    prop = KIND_TO_PROP.get(ident.kind)
    placed = prop is not None and prop in has
    if placed and prop is not None:
        add(prop, [ident.number])
    if placed and not (ident.country or ident.label or ident.note):
        return []
    schema = "Passport" if ident.kind == "passport" else "Identification"
    return [
        _entity(
            f"{eid}-id-{_digest(ident.kind, ident.number)}",
            schema,
            {
                "holder": [eid],
                "number": [ident.number],
                "type": [ident.label or ident.kind],
                "country": [ftm_country(ident.country)] if ident.country else [],
                "summary": [ident.note] if ident.note else [],
            },
        )
    ]


class FtmWriter:
    """Writes records as FtM JSON lines, each auxiliary entity once and every
    listing id unique within the file."""

    def __init__(self, fh: TextIO) -> None:
        self.fh = fh
        self.records = 0
        self.entities = 0
        self._ids: set[str] = set()

    def write(self, record: Record, published: str | None = None) -> None:
        """Append one record's entities."""
        eid = entity_id(record.source, record.source_id)
        if eid in self._ids:
            eid = f"{eid}-{_digest(record.source, record.source_id)}"
        for entity in record_entities(record, published, eid):
            if entity["id"] in self._ids:
                continue
            self._ids.add(entity["id"])
            self.fh.write(json.dumps(entity, ensure_ascii=False, separators=(",", ":")))
            self.fh.write("\n")
            self.entities += 1
        self.records += 1
