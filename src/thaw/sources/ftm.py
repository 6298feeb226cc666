"""FollowTheMoney entity streams: OpenSanctions' ``entities.ftm.json`` and custom datasets.

A FollowTheMoney (FtM) file holds one JSON entity per line::

    {"id": "NK-abc", "schema": "Person", "properties": {"name": ["Ivan PETROV"], ...}}

Only the entities that stand for a listed party become :class:`~thaw.model.Record`
objects: ``Person``, ``Organization`` (and its kinds ``Company``, ``PublicBody``),
``LegalEntity``, ``Vessel`` and ``Airplane`` (thaw's ``Aircraft``). The other
entities are folded into the listings they describe:

* ``Sanction`` (``entity`` → the listing): ``programId`` (else ``program``) become
  :attr:`~thaw.model.Record.programs`, the earliest ``listingDate`` (else
  ``startDate``) :attr:`~thaw.model.Record.listed_on`, ``reason`` a remark;
* ``Address`` entities referenced through ``addressEntity`` become addresses;
* ``Identification`` / ``Passport`` (``holder``) and ``CryptoWallet`` (``holder``)
  become identifiers (and complete those given as properties with country, label
  and note);
* ``Occupancy`` (``holder`` → ``post``) adds the ``Position`` name to the positions;
* relationship entities (``Ownership``, ``Family``, ``Associate``, ``Directorship``,
  ``Membership``, ``Employment``, ``Representation``, ``UnknownLink``) become
  :class:`~thaw.model.Link` objects on their first party, naming the other party
  (``source`` ``"ftm"``, ``source_id`` its entity id, ``name`` its caption).

Entities that OpenSanctions marks ``"target": false`` (relatives, owners and other
non-listed parties) are skipped; files without that key (custom datasets) are read
whole. Nested entities (``targets.nested.json``-style dicts inside properties) are
unfolded. Several lines with the same id are merged into one listing.

The file is read twice, streaming: a first pass collects the small auxiliary
entities and checks every line, the second builds the records, so memory stays
proportional to the auxiliary data, not to the file.

FtM files carry no publication date of their own; where OpenSanctions'
``last_seen`` stamps are present, the newest one is taken (it is the export run's
date), otherwise the loader falls back to ``--date`` or the folder name.
A line that is not a JSON entity raises :class:`~thaw.sources.base.SourceError`
naming the line.

A birth year published as an estimate is written by :mod:`thaw.export.ftm` as
``birthDate`` (the year) and a ``notes`` value of :func:`estimate_note`; the reader
reads that note back as :attr:`~thaw.model.Record.birth_estimates`, not as a remark.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from thaw.model import Address, Identifier, Link, PublicationInfo, Record
from thaw.sources.base import Publication, Reader, SourceError, json_loads, open_binary
from thaw.sources.common import (
    add_estimates,
    clean,
    identifier_kind,
    parse_date,
    parse_gender,
)

if TYPE_CHECKING:
    from followthemoney.schema import Schema as FtmSchema


class _LazyFtm:
    """``followthemoney.<name>``, imported on first use: the library takes over a
    second to import, and most thaw commands never touch FtM data."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        import followthemoney

        return getattr(getattr(followthemoney, self._name), attr)


model: Any = _LazyFtm("model")
registry: Any = _LazyFtm("registry")

SOURCE = "ftm"

DATASET_PREFIX = "ftm_"
"""The source name of an FtM file loaded under a dataset name is this prefix and
the name (``thaw load FILE.ftm.json --dataset acme`` → source ``ftm_acme``), so
that datasets loaded under different names are separate sources, each with its
own publications, and replace only each other's earlier publications."""

_DATASET_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")

_ESTIMATE_NOTE = re.compile(r"^Born circa (\d{4}): the birth year \1 is published as an estimate$")


def estimate_note(year: str) -> str:
    """The ``notes`` value that says a birth year is published as an estimate: FtM's
    ``birthDate`` cannot say so (a year alone is a date of year precision), so
    :mod:`thaw.export.ftm` writes this beside it and the reader names the year in
    :attr:`~thaw.model.Record.birth_estimates` again, rather than as a remark."""
    return f"Born circa {year}: the birth year {year} is published as an estimate"


TARGET_SCHEMATA: tuple[tuple[str, str], ...] = (
    ("Person", "Person"),
    ("Organization", "Organization"),
    ("Vessel", "Vessel"),
    ("Airplane", "Aircraft"),
    ("LegalEntity", "LegalEntity"),
)
"""FtM schema (and its descendants) → thaw schema, most specific first."""

ID_PROPS: Mapping[str, tuple[str, str | None]] = {
    "passportNumber": ("passport", None),
    "idNumber": ("national_id", None),
    "taxNumber": ("tax_id", None),
    "innCode": ("tax_id", "INN"),
    "vatCode": ("tax_id", "VAT"),
    "ogrnCode": ("registration", "OGRN"),
    "okpoCode": ("registration", "OKPO"),
    "uscCode": ("registration", "USCC"),
    "registrationNumber": ("registration", None),
    "imoNumber": ("imo", None),
    "mmsi": ("mmsi", None),
    "callSign": ("call_sign", None),
    "leiCode": ("lei", None),
    "swiftBic": ("swift", None),
    "socialSecurityNumber": ("ssn", None),
    "serialNumber": ("aircraft_serial", None),
    "dunsCode": ("other", "DUNS"),
    "bikCode": ("other", "BIK"),
    "kppCode": ("other", "KPP"),
    "icaoCode": ("other", "ICAO"),
    "licenseNumber": ("other", "License"),
}
"""FtM identifier property → (thaw identifier kind, label). ``registrationNumber``
of an ``Airplane`` is its tail number (``aircraft_tail``); ``idNumber`` of a
non-person is kind ``other``."""

ID_KINDS = frozenset(
    {
        "passport",
        "national_id",
        "tax_id",
        "registration",
        "imo",
        "mmsi",
        "call_sign",
        "lei",
        "swift",
        "crypto",
        "aircraft_serial",
        "aircraft_tail",
        "ssn",
        "other",
        "driving_license",
    }
)

EDGES: Mapping[str, tuple[str, str, str]] = {
    "Ownership": ("asset", "owner", "owned_by"),
    "Family": ("person", "relative", "family"),
    "Associate": ("person", "associate", "associate"),
    "Directorship": ("director", "organization", "director_of"),
    "Membership": ("member", "organization", "member_of"),
    "Employment": ("employee", "employer", "employee_of"),
    "Representation": ("agent", "client", "acting_for"),
    "UnknownLink": ("subject", "object", "linked_to"),
}
"""Relationship schema → (first party property, other party property, relation)."""

REF_LINKS: Mapping[str, str] = {"owner": "vessel_owner", "operator": "operator", "parent": "parent"}
"""Entity-valued properties of a listing that become links."""

COUNTRY_FROM_FTM: Mapping[str, str] = {
    "suhh": "su",
    "yucs": "yu",
    "cshh": "cs",
    "anhh": "an",
    "ddde": "dd",
}
COUNTRY_TO_FTM: Mapping[str, str] = {v: k for k, v in COUNTRY_FROM_FTM.items()}

HANDLED = frozenset(
    {
        "name",
        "alias",
        "weakAlias",
        "previousName",
        "abbreviation",
        "firstName",
        "lastName",
        "middleName",
        "fatherName",
        "secondName",
        "nameSuffix",
        "birthDate",
        "birthPlace",
        "nationality",
        "citizenship",
        "country",
        "jurisdiction",
        "mainCountry",
        "flag",
        "gender",
        "position",
        "title",
        "notes",
        "summary",
        "description",
        "address",
        "addressEntity",
        "program",
        "programId",
        "sourceUrl",
        "owner",
        "operator",
        "parent",
        # technical or derived values, not published facts:
        "indexText",
        "modifiedAt",
        "createdAt",
        "retrievedAt",
        "alephUrl",
        "proof",
        "publisher",
        "publisherUrl",
    }
)

_KEY = re.compile(r"^[a-z][a-z_]*$")


def ftm_country(code: str) -> str:
    """A thaw ISO-2 code as FtM writes it (historic countries differ: ``su`` → ``suhh``)."""
    return COUNTRY_TO_FTM.get(code, code)


def thaw_country(value: str) -> str | None:
    """An FtM country value as thaw's ISO-2 lower-case code (``suhh`` → ``su``,
    ``gb-sct`` → ``gb``); ``zz`` (global) and unknown values give ``None``."""
    text = (clean(value) or "").lower()
    if not text or text == "zz":
        return None
    if text in COUNTRY_FROM_FTM:
        return COUNTRY_FROM_FTM[text]
    head = text.split("-", 1)[0]
    if len(head) == 2 and head.isalpha():
        return head
    return None


def thaw_schema(schema: FtmSchema) -> str | None:
    """The thaw schema for an FtM schema, or ``None`` if it is not a listing."""
    for ftm_name, name in TARGET_SCHEMATA:
        if schema.is_a(ftm_name):
            return name
    return None


# -- dataset names ----------------------------------------------------------------------


def check_dataset_name(name: str) -> str:
    """``name`` if it can name an FtM dataset: 1 to 63 lower-case letters, digits,
    ``_`` and ``-``, starting with a letter or digit (it becomes part of a source name
    and of URLs such as ``/match/NAME``); :class:`ValueError` saying why otherwise."""
    if not _DATASET_NAME.match(name):
        raise ValueError(
            f"a dataset name is 1 to 63 lower-case letters, digits, '_' and '-', "
            f"starting with a letter or digit; got {name!r}"
        )
    return name


def dataset_source(name: str) -> str:
    """The source name of the FtM dataset ``name`` (``acme`` → ``ftm_acme``)."""
    return DATASET_PREFIX + check_dataset_name(name)


def dataset_of(source: str) -> str | None:
    """The dataset name of an FtM dataset's source (``ftm_acme`` → ``acme``), or
    ``None`` for any other source."""
    if source.startswith(DATASET_PREFIX) and len(source) > len(DATASET_PREFIX):
        return source[len(DATASET_PREFIX) :]
    return None


def as_dataset(publication: Publication, source: str) -> Publication:
    """``publication`` (read by :class:`FtmReader`) relabelled as ``source``: its
    records and the links between them (which name ``ftm``) carry the new name."""
    publication.info.source = source

    def relabel(records: Iterator[Record]) -> Iterator[Record]:
        for record in records:
            record.source = source
            record.links = [
                replace(link, source=source) if link.source == SOURCE else link
                for link in record.links
            ]
            yield record

    publication.records = relabel(publication.records)
    return publication


# -- reading lines ----------------------------------------------------------------------


def iter_entities(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, entity dict)`` for every entity in an FtM JSON-lines file, with
    nested entities unfolded into entities of their own (they follow their parent).

    Raises :class:`SourceError` with the line number for anything but a JSON object
    carrying ``id``, ``schema`` and a ``properties`` object.
    """
    fh = open_binary(path)
    try:
        lineno = 0
        while True:
            try:
                raw = fh.readline(MAX_LINE + 1)
            except (OSError, EOFError, zipfile.BadZipFile, NotImplementedError) as exc:
                reason = f"cannot read (truncated or corrupt?): {exc}"
                raise SourceError(path, reason, f"line {lineno + 1}") from exc
            if not raw:
                break
            lineno += 1
            if len(raw) > MAX_LINE:
                raise SourceError(
                    path,
                    f"an entity of more than {MAX_LINE >> 20} MiB; refused (damaged file?)",
                    f"line {lineno}",
                )
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            where = f"line {lineno}"
            try:
                data = json_loads(raw)
            except UnicodeDecodeError as exc:
                raise SourceError(path, f"not UTF-8 text: {exc.reason}", where) from exc
            except json.JSONDecodeError as exc:
                reason = f"invalid JSON: {exc.msg} (column {exc.colno})"
                raise SourceError(path, reason, where) from exc
            for entity in _unfold(data, path, where):
                yield lineno, entity
    finally:
        fh.close()


def _unfold(data: object, path: Path, where: str) -> list[dict[str, Any]]:
    """Check one entity and lift nested entity dicts out of its properties."""
    if not isinstance(data, dict):
        raise SourceError(path, f"expected a JSON object, got {type(data).__name__}", where)
    entity_id = data.get("id")
    schema_name = data.get("schema")
    if not isinstance(entity_id, str) or not entity_id.strip():
        raise SourceError(path, "entity has no id", where)
    if not isinstance(schema_name, str):
        raise SourceError(path, f"entity {entity_id!r} has no schema", where)
    props = data.get("properties", {})
    if not isinstance(props, dict):
        raise SourceError(path, f"entity {entity_id!r}: properties is not an object", where)
    out: list[dict[str, Any]] = []
    flat: dict[str, list[str]] = {}
    schema = model.get(schema_name)
    for prop, values in props.items():
        if not isinstance(values, list):
            values = [values]
        kept: list[str] = []
        for value in values:
            if isinstance(value, dict) and "schema" in value:
                nested = _unfold(value, path, where)
                _link_back(nested[0], schema, prop, entity_id)
                out.extend(nested)
                kept.append(nested[0]["id"])
            elif isinstance(value, str):
                kept.append(value)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                kept.append(str(value))
        flat[prop] = kept
    entity = dict(data)
    entity["properties"] = flat
    return [entity, *out]


def _link_back(child: dict[str, Any], schema: FtmSchema | None, prop: str, parent: str) -> None:
    """A nested entity found under ``prop`` of its parent (``"sanctions": [{...}]`` in
    the nested export) may omit the property pointing back to the parent
    (``Sanction.entity``): add it, so that it folds into the parent like a flat one."""
    if schema is None or prop not in schema.properties:
        return
    reverse = schema.properties[prop].reverse
    if reverse is None:
        return
    values = child["properties"].setdefault(reverse.name, [])
    if parent not in values:
        values.append(parent)


# -- the auxiliary data of pass 1 -------------------------------------------------------


@dataclass(slots=True)
class _Sanction:
    programs: list[str] = field(default_factory=list)
    listing_dates: list[str] = field(default_factory=list)
    start_dates: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Aux:
    """What the first pass learned: auxiliary entities keyed by the listing they serve."""

    sanctions: dict[str, list[_Sanction]] = field(default_factory=lambda: defaultdict(list))
    addresses: dict[str, Address] = field(default_factory=dict)
    identifiers: dict[str, list[Identifier]] = field(default_factory=lambda: defaultdict(list))
    positions: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    position_names: dict[str, str] = field(default_factory=dict)
    occupancies: list[tuple[str, str]] = field(default_factory=list)
    links: dict[str, list[Link]] = field(default_factory=lambda: defaultdict(list))
    captions: dict[str, str] = field(default_factory=dict)
    targets: set[str] = field(default_factory=set)
    repeated: set[str] = field(default_factory=set)
    last_seen: str | None = None
    skipped_non_target: int = 0
    skipped_schemata: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def _values(entity: Mapping[str, Any], prop: str) -> list[str]:
    values = entity["properties"].get(prop, [])
    return [v for v in (clean(x) for x in values) if v]


def _first(entity: Mapping[str, Any], prop: str) -> str | None:
    values = _values(entity, prop)
    return values[0] if values else None


def _date(value: str) -> str | None:
    return parse_date(value[:10]) if value else None


def _caption(entity: Mapping[str, Any]) -> str | None:
    for prop in ("name", "alias", "previousName", "weakAlias"):
        value = _first(entity, prop)
        if value:
            return value
    caption = entity.get("caption")
    return clean(caption) if isinstance(caption, str) else None


def _address(entity: Mapping[str, Any]) -> Address | None:
    country = next((c for c in map(thaw_country, _values(entity, "country")) if c), None)
    street = _first(entity, "street")
    city = _first(entity, "city")
    region = _first(entity, "region") or _first(entity, "state")
    postal = _first(entity, "postalCode")
    full = _first(entity, "full")
    if full is None:
        parts = [p for p in (street, _first(entity, "street2"), postal, city, region) if p]
        full = ", ".join(parts) if parts else None
    if full is None:
        full = _caption(entity)
    if full is None:
        return None
    return Address(
        full, country=country, city=city, region=region, postal_code=postal, street=street
    )


def _identification(entity: Mapping[str, Any], schema: FtmSchema) -> Identifier | None:
    number = _first(entity, "number") or _first(entity, "passportNumber")
    if number is None:
        return None
    label = _first(entity, "type")
    if label in ID_KINDS:  # a thaw export writes the kind where there was no label
        kind, label = str(label), None
    else:
        kind = identifier_kind(label)
    if schema.is_a("Passport"):
        kind = "passport"
    country = next((c for c in map(thaw_country, _values(entity, "country")) if c), None)
    note = _first(entity, "summary") or _first(entity, "description")
    return Identifier(kind, number, country=country, label=label, note=note)


def _collect(path: Path) -> _Aux:
    """Pass 1: check every line; keep auxiliary entities and captions."""
    aux = _Aux()
    seen: set[str] = set()
    for lineno, entity in iter_entities(path):
        schema = model.get(entity["schema"])
        if schema is None:
            aux.skipped_schemata[entity["schema"]] += 1
            continue
        entity_id: str = entity["id"]
        last_seen = entity.get("last_seen")
        if isinstance(last_seen, str) and (aux.last_seen is None or last_seen > aux.last_seen):
            aux.last_seen = last_seen
        if thaw_schema(schema) is not None:
            caption = _caption(entity)
            if caption and entity_id not in aux.captions:
                aux.captions[entity_id] = caption
            if entity.get("target") is False:
                aux.skipped_non_target += 1
                continue
            if entity_id in seen:
                aux.repeated.add(entity_id)
            seen.add(entity_id)
            aux.targets.add(entity_id)
            continue
        _fold(aux, entity, schema, path, f"line {lineno}")
    return aux


def _fold(aux: _Aux, entity: Mapping[str, Any], schema: FtmSchema, path: Path, where: str) -> None:
    """Remember one auxiliary entity under the listing(s) it belongs to."""
    name = schema.name
    if schema.is_a("Sanction"):
        sanction = _Sanction(
            programs=_values(entity, "programId") or _values(entity, "program"),
            listing_dates=[d for d in map(_date, _values(entity, "listingDate")) if d],
            start_dates=[d for d in map(_date, _values(entity, "startDate")) if d],
            reasons=_values(entity, "reason"),
        )
        for target in _values(entity, "entity"):
            aux.sanctions[target].append(sanction)
    elif schema.is_a("Address"):
        address = _address(entity)
        if address is not None:
            aux.addresses[entity["id"]] = address
    elif schema.is_a("Identification"):
        ident = _identification(entity, schema)
        if ident is not None:
            for holder in _values(entity, "holder"):
                aux.identifiers[holder].append(ident)
    elif schema.is_a("CryptoWallet"):
        key = _first(entity, "publicKey") or _first(entity, "accountId")
        if key:
            label = _first(entity, "currency") or _first(entity, "currencySymbol")
            for holder in _values(entity, "holder"):
                aux.identifiers[holder].append(Identifier("crypto", key, label=label))
    elif schema.is_a("Position"):
        position = _caption(entity)
        if position:
            aux.position_names[entity["id"]] = position
    elif schema.is_a("Occupancy"):
        for holder in _values(entity, "holder"):
            for post in _values(entity, "post"):
                aux.occupancies.append((holder, post))
    elif name in EDGES:
        first_prop, other_prop, relation = EDGES[name]
        if name == "UnknownLink":
            role = _first(entity, "role")
            if role and _KEY.match(role):
                relation = role
        for first in _values(entity, first_prop):
            for other in _values(entity, other_prop):
                aux.links[first].append(Link(relation, SOURCE, other))
    else:
        aux.skipped_schemata[name] += 1


# -- building records (pass 2) -----------------------------------------------------------


def _merge(into: dict[str, Any], other: Mapping[str, Any]) -> None:
    """Merge the properties of another fragment of the same entity into ``into``."""
    try:
        into["schema"] = model.common_schema(into["schema"], other["schema"]).name
    except Exception:  # noqa: BLE001  (FtM raises its own InvalidData for unrelated schemata)
        pass
    for prop, values in other["properties"].items():
        existing = into["properties"].setdefault(prop, [])
        existing.extend(v for v in values if v not in existing)
    if other.get("target") is True:
        into["target"] = True


def _add_identifier(record: Record, ident: Identifier) -> None:
    for existing in record.identifiers:
        if existing.number == ident.number and (
            existing.kind == ident.kind or existing.kind == "other" or ident.kind == "other"
        ):
            if existing.kind == "other":
                existing.kind = ident.kind
            existing.country = existing.country or ident.country
            existing.label = existing.label or ident.label
            existing.note = existing.note or ident.note
            return
    record.identifiers.append(ident)


def _add_unique(values: list[str], new: list[str]) -> None:
    for value in new:
        if value and value not in values:
            values.append(value)


def build_record(entity: Mapping[str, Any], aux: _Aux) -> Record | None:
    """One listing from an FtM entity dict and the auxiliary data collected for it."""
    schema = model.get(entity["schema"])
    if schema is None:
        return None
    kind = thaw_schema(schema)
    if kind is None:
        return None
    entity_id: str = entity["id"]
    record = Record(source=SOURCE, source_id=entity_id, schema=kind)

    def v(prop: str) -> list[str]:
        return _values(entity, prop)

    for value in v("name"):
        record.add_name(value, "primary")
    if not record.names:
        caption = entity.get("caption")
        if isinstance(caption, str):
            record.add_name(caption, "primary")
    primaries = [n for n in record.names if n.kind == "primary"]
    parts = {
        key: part
        for key, prop in (
            ("first", "firstName"),
            ("middle", "middleName"),
            ("last", "lastName"),
            ("patronymic", "fatherName"),
            ("second", "secondName"),
        )
        if (part := _first(entity, prop))
    }
    if parts:
        if len(primaries) == 1:
            primaries[0].parts = parts
        elif not primaries:
            order = ("first", "second", "middle", "patronymic", "last")
            record.add_name(" ".join(parts[k] for k in order if k in parts), "primary", parts=parts)
    for value in v("alias") + v("abbreviation"):
        record.add_name(value, "alias")
    for value in v("weakAlias"):
        record.add_name(value, "weak")
    for value in v("previousName"):
        record.add_name(value, "former")

    _add_unique(record.birth_dates, [d for d in map(_date, v("birthDate")) if d])
    _add_unique(record.birth_places, v("birthPlace"))
    _add_unique(record.nationalities, [c for c in map(thaw_country, v("nationality")) if c])
    _add_unique(record.citizenships, [c for c in map(thaw_country, v("citizenship")) if c])
    countries = v("country") + v("jurisdiction") + v("mainCountry") + v("flag")
    _add_unique(record.countries, [c for c in map(thaw_country, countries) if c])
    genders = [g for g in map(parse_gender, v("gender")) if g]
    record.gender = genders[0] if genders else None
    _add_unique(record.titles, v("title"))
    _add_unique(record.positions, v("position"))

    for prop, (id_kind, label) in ID_PROPS.items():
        if prop not in schema.properties:
            continue
        if prop == "registrationNumber" and kind == "Aircraft":
            id_kind = "aircraft_tail"
        elif prop == "idNumber" and kind != "Person":
            id_kind = "other"
        for number in v(prop):
            _add_identifier(record, Identifier(id_kind, number, label=label))
    for ident in aux.identifiers.get(entity_id, []):
        _add_identifier(record, replace(ident))

    for ref in v("addressEntity"):
        address = aux.addresses.get(ref)
        if address is not None and all(a.full != address.full for a in record.addresses):
            record.addresses.append(replace(address))
    for text in v("address"):
        if all(a.full != text for a in record.addresses):
            record.addresses.append(Address(text))

    programs = v("programId") or v("program")
    listing: list[str] = []
    starts: list[str] = []
    reasons: list[str] = []
    for sanction in aux.sanctions.get(entity_id, []):
        programs += sanction.programs
        listing += sanction.listing_dates
        starts += sanction.start_dates
        reasons += sanction.reasons
    _add_unique(record.programs, programs)
    dates = sorted(listing) or sorted(starts)
    record.listed_on = dates[0] if dates else None

    notes = [n for n in v("notes") if not _ESTIMATE_NOTE.match(n)]
    add_estimates(record, [m[1] for n in v("notes") if (m := _ESTIMATE_NOTE.match(n))])
    _add_unique(record.remarks, notes + v("summary") + v("description") + reasons)

    for link in aux.links.get(entity_id, []):
        if link.source_id == entity_id:
            continue
        name = aux.captions.get(link.source_id or "")
        new = Link(link.relation, link.source, link.source_id, name)
        if new not in record.links:
            record.links.append(new)
    for prop, relation in REF_LINKS.items():
        if prop in schema.properties and schema.properties[prop].type == registry.entity:
            for ref in v(prop):
                new = Link(relation, SOURCE, ref, aux.captions.get(ref))
                if new not in record.links:
                    record.links.append(new)
    for holder, post in aux.occupancies:
        if holder == entity_id and post in aux.position_names:
            _add_unique(record.positions, [aux.position_names[post]])

    extra: dict[str, str] = {}
    for prop, values in entity["properties"].items():
        if prop in HANDLED or prop in ID_PROPS or prop not in schema.properties:
            continue
        if schema.properties[prop].type == registry.entity:
            continue
        cleaned = [c for c in (clean(x) for x in values) if c]
        if cleaned:
            extra[prop] = "; ".join(cleaned)
    urls = v("sourceUrl")
    if urls:
        extra["source_url"] = "; ".join(urls)
    datasets = entity.get("datasets")
    if isinstance(datasets, list) and datasets:
        extra["datasets"] = "; ".join(str(d) for d in datasets)
    record.extra = dict(sorted(extra.items()))
    return record


MAX_LINE = 16 << 20
"""Largest entity (one JSON line) read; real ones are a few kilobytes."""


# -- the reader -------------------------------------------------------------------------


class FtmReader(Reader):
    """FollowTheMoney JSON lines (``entities.ftm.json``, exports of ``thaw export``)."""

    source: ClassVar[str] = SOURCE
    format: ClassVar[str] = "ftm_json"
    priority: ClassVar[int] = 0
    max_bytes: ClassVar[int | None] = None  # datasets of any size, read line by line

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        """A JSON object whose first line names an FtM ``schema`` and has ``properties``."""
        text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if not text.startswith(b"{"):
            return False
        line = text.split(b"\n", 1)[0]
        try:
            data = json_loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            # A first line longer than the head: judge by the keys in what we have.
            match = re.search(rb'"schema"\s*:\s*"([A-Za-z]+)"', line)
            known = bool(match) and model.get(match[1].decode() if match else "") is not None
            return known and b'"properties"' in line
        return (
            isinstance(data, dict)
            and isinstance(data.get("schema"), str)
            and model.get(data["schema"]) is not None
            and isinstance(data.get("properties", {}), dict)
            and "id" in data
        )

    def read(self, path: Path, companions: Mapping[str, Path]) -> Publication:
        info = PublicationInfo(source=self.source, format=self.format)
        return Publication(info=info, records=self._records(path, info))

    def _records(self, path: Path, info: PublicationInfo) -> Iterator[Record]:
        aux = _collect(path)
        if aux.last_seen:
            info.published = _date(aux.last_seen)
            info.notes.append("publication date: the newest last_seen stamp of the entities")
        if aux.skipped_non_target:
            info.notes.append(f"skipped {aux.skipped_non_target} entities marked target=false")
        if aux.skipped_schemata:
            listed = ", ".join(f"{k} {n}" for k, n in sorted(aux.skipped_schemata.items()))
            info.notes.append(f"ignored entities of other schemata: {listed}")
        info.declared_count = None
        pending: dict[str, dict[str, Any]] = {}
        for _lineno, entity in iter_entities(path):
            entity_id = entity["id"]
            if entity_id not in aux.targets or entity.get("target") is False:
                continue
            if entity_id in aux.repeated:
                if entity_id in pending:
                    _merge(pending[entity_id], entity)
                else:
                    pending[entity_id] = entity
                continue
            record = build_record(entity, aux)
            if record is not None:
                yield record
        for entity in pending.values():
            record = build_record(entity, aux)
            if record is not None:
                yield record
