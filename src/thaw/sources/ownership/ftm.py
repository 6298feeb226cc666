"""FollowTheMoney ownership: ``Ownership``, ``Directorship`` and ``Family`` entities.

Each relationship entity becomes one :class:`~thaw.sources.ownership.OwnershipLink`:

* ``Ownership``: ``owner`` → ``asset``, kind ``ownership``; ``percentage`` is the
  stake (absent: a stake of unknown size, such as OpenSanctions' "subsidiary of"
  links from the UK list), ``startDate``/``endDate`` its period, ``role`` the
  published role;
* ``Directorship``: ``director`` → ``organization``, kind ``director``, ``role``
  as published ("ГЕНЕРАЛЬНЫЙ ДИРЕКТОР", "Leader or official of");
* ``Family``: ``person`` → ``relative``, kind ``family`` (context, never control).

The parties are the ``Person``, ``Organization``, ``Company`` and ``LegalEntity``
entities of the file, listed or not (``target`` does not matter here): their
names, countries and identifiers (``leiCode``, ``innCode``, ``ogrnCode``,
``registrationNumber``, ``taxNumber``, ``idNumber``) are what resolves them to the
listings of the official lists. A party referenced but absent from the file keeps
its id as its only handle. The entity's ``datasets`` become the link's ``origin``.

A percentage that is not a number is kept as a stake of unknown size and counted in
the publication's notes (real data carries such values now and then; refusing
the whole file for one would help nobody).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, ClassVar

from thaw.sources.base import json_loads
from thaw.sources.common import clean
from thaw.sources.ftm import iter_entities, model, thaw_country
from thaw.sources.ownership import (
    OwnershipLink,
    OwnershipPublication,
    OwnershipReader,
    PartyRef,
    SourceError,
    first_line,
    parse_share,
)

RELATIONS: Mapping[str, tuple[str, str, str]] = {
    "Ownership": ("owner", "asset", "ownership"),
    "Directorship": ("director", "organization", "director"),
    "Family": ("person", "relative", "family"),
}
"""FtM schema → (owner property, asset property, link kind)."""

PARTY_IDS: Mapping[str, str] = {
    "leiCode": "lei",
    "innCode": "inn",
    "ogrnCode": "ogrn",
    "registrationNumber": "registration",
    "taxNumber": "tax_id",
    "idNumber": "national_id",
    "vatCode": "vat",
    "okpoCode": "okpo",
}
"""FtM identifier property → identifier kind used to resolve a party."""
MAX_ALIASES = 30
"""Other names kept per party (OpenSanctions carries dozens of transliterations)."""


def _values(entity: Mapping[str, Any], prop: str) -> list[str]:
    return [v for v in (clean(x) for x in entity["properties"].get(prop, [])) if v]


def _party(entity: Mapping[str, Any], schema: Any) -> PartyRef:
    props = entity["properties"]
    names = _values(entity, "name") or [str(entity.get("caption") or entity["id"])]
    countries = [
        c
        for prop in ("country", "jurisdiction", "mainCountry", "nationality")
        for c in map(thaw_country, props.get(prop, []))
        if c
    ]
    ids: list[tuple[str, str]] = []
    for prop, kind in PARTY_IDS.items():
        for number in _values(entity, prop):
            if (kind, number) not in ids:
                ids.append((kind, number))
    kind = "Person" if schema.is_a("Person") else "Organization"
    if not schema.is_a("Person") and not schema.is_a("Organization"):
        kind = "LegalEntity"
    others = names[1:] + _values(entity, "alias") + _values(entity, "previousName")
    aliases = tuple(dict.fromkeys(a for a in others if a != names[0]))[:MAX_ALIASES]
    return PartyRef(
        f"ftm:{entity['id']}",
        names[0],
        kind,
        countries[0] if countries else None,
        tuple(ids),
        aliases,
    )


class FtmOwnershipReader(OwnershipReader):
    """FollowTheMoney JSON lines carrying ``Ownership``/``Directorship``/``Family``."""

    source: ClassVar[str] = "ownership_ftm"
    format: ClassVar[str] = "ftm_ownership"

    @classmethod
    def sniff(cls, name: str, head: bytes) -> bool:
        """JSON lines whose first line is an FtM entity."""
        line = first_line(head)
        if not line.startswith(b"{"):
            return False
        try:
            data = json_loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return b'"schema"' in line and b'"properties"' in line
        return isinstance(data, dict) and "schema" in data and "properties" in data

    def read(self, path: Path) -> OwnershipPublication:
        pub = self.publication()
        pub.links = self._links(path, pub)
        return pub

    def _links(self, path: Path, pub: OwnershipPublication) -> Iterator[OwnershipLink]:
        parties: dict[str, PartyRef] = {}
        edges: list[tuple[str, str, dict[str, Any]]] = []
        last_seen: str | None = None
        unreadable = 0
        for lineno, entity in iter_entities(path):
            schema = model.get(entity["schema"])
            if schema is None:
                continue
            seen = entity.get("last_seen")
            if isinstance(seen, str) and (last_seen is None or seen > last_seen):
                last_seen = seen
            if schema.name in RELATIONS:
                edges.append((schema.name, f"line {lineno}", entity))
            elif schema.is_a("LegalEntity"):
                parties.setdefault(entity["id"], _party(entity, schema))
        for schema_name, where, entity in edges:
            owner_prop, asset_prop, kind = RELATIONS[schema_name]
            owners = _values(entity, owner_prop)
            assets = _values(entity, asset_prop)
            if not owners or not assets:
                raise SourceError(
                    path,
                    f"{schema_name} {entity['id']!r} lacks its {owner_prop} or {asset_prop}",
                    where,
                )
            share: float | None = None
            for raw in _values(entity, "percentage")[:1]:
                try:
                    share = parse_share(raw, path, where)
                except SourceError:
                    unreadable += 1
            datasets = entity.get("datasets")
            origin = "; ".join(str(d) for d in datasets) if isinstance(datasets, list) else None
            role = "; ".join(_values(entity, "role") + _values(entity, "relationship")) or None
            starts = sorted(_values(entity, "startDate"))
            ends = sorted(_values(entity, "endDate"))
            for owner_id in owners:
                for asset_id in assets:
                    yield OwnershipLink(
                        link_id=str(entity["id"]),
                        owner=parties.get(owner_id, PartyRef(f"ftm:{owner_id}", owner_id)),
                        asset=parties.get(asset_id, PartyRef(f"ftm:{asset_id}", asset_id)),
                        kind=kind,
                        share_min=share,
                        share_max=share,
                        share_text=f"{share:g} %" if share is not None else None,
                        start=starts[0][:10] if starts else None,
                        end=ends[-1][:10] if ends else None,
                        origin=origin,
                        role=role,
                    )
        if last_seen:
            pub.published = last_seen[:10]
            pub.notes.append("publication date: the newest last_seen stamp of the entities")
        if unreadable:
            pub.notes.append(f"{unreadable} percentage(s) not a number: kept as unknown size")
