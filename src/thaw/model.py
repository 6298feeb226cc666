"""The unified record model: one :class:`Record` per listing, whatever the authority.

Every reader in :mod:`thaw.sources` turns an official publication into a stream of
:class:`Record` objects; every later layer (store, index, matching, profiles, history)
works on these and nothing else. The model is deliberately flat and typed: lists of
small value objects, with the authority's own wording kept where it carries meaning.

Conventions
-----------
* Countries are ISO 3166-1 alpha-2, lower case (``"ru"``, ``"gb"``); use
  :func:`thaw.sources.common.country_code` to convert what a list publishes.
* Dates are ISO strings at the precision the authority gave them: ``"1975"``,
  ``"1975-04"`` or ``"1975-04-12"``. A range becomes several values. A birth year
  published as an estimate ("circa 1975") stays the year published, and is also
  named in :attr:`Record.birth_estimates`: the matcher reads it as the years it
  stands for (:data:`thaw.sources.common.APPROXIMATE_YEARS`).
* ``schema`` is one of :data:`SCHEMATA` (the FollowTheMoney names).
* A record is immutable in spirit: readers build it, the store hashes it
  (:meth:`Record.content_hash`) to detect amendments between publications.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from typing import Any, Literal

Schema = Literal["Person", "Organization", "Vessel", "Aircraft", "LegalEntity"]
SCHEMATA: tuple[str, ...] = ("Person", "Organization", "Vessel", "Aircraft", "LegalEntity")

NameKind = Literal["primary", "alias", "weak", "former", "original"]
"""How an authority qualifies a name.

``primary``  the listing's main name;
``alias``    a good-quality a.k.a. / f.k.a. / also known as;
``weak``     a low-quality alias (OFAC "weak a.k.a.", UN "Low" quality); kept apart so
             that screening can weigh it down;
``former``   a former name (f.k.a.) of an organisation or vessel;
``original`` the name in its original (non-Latin) script, as published.
"""


@dataclass(slots=True)
class Name:
    """One published name of a listing.

    ``parts`` holds the name parts where the authority published them separately
    (keys: ``first``, ``middle``, ``last``, ``patronymic``, ``title``, ``name1`` … ``name6``).
    """

    value: str
    kind: NameKind = "primary"
    lang: str | None = None
    script: str | None = None
    parts: dict[str, str] | None = None


@dataclass(slots=True)
class Identifier:
    """An identifying document or code.

    ``kind`` is a short lower-case key: ``passport``, ``national_id``, ``tax_id`` (INN,
    TIN, …), ``registration`` (OGRN, company numbers), ``imo``, ``mmsi``, ``call_sign``,
    ``lei``, ``swift``, ``crypto`` (a digital currency address), ``aircraft_serial``,
    ``aircraft_tail``, ``ssn``, ``other``. ``label`` keeps the authority's wording
    (e.g. ``"Tax ID No."``, ``"Digital Currency Address - XBT"``).
    """

    kind: str
    number: str
    country: str | None = None
    label: str | None = None
    note: str | None = None


@dataclass(slots=True)
class Address:
    """A postal address; ``full`` is the one-line form, ``country`` ISO-2."""

    full: str
    country: str | None = None
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    street: str | None = None


@dataclass(slots=True)
class Link:
    """A reference from this listing to another one.

    ``source``/``source_id`` name the target listing when it is known (for example a UN
    reference number quoted by the UK: ``Link("un_sc", "QDi.001", "un_reference")``);
    ``name`` keeps the free-text target when only a name was published (OFAC
    "Linked To: RUSSIAN DIRECT INVESTMENT FUND."). ``relation`` is a short key:
    ``linked_to``, ``un_reference``, ``owned_by``, ``associate``, ``vessel_owner``, ….
    """

    relation: str
    source: str | None = None
    source_id: str | None = None
    name: str | None = None


@dataclass(slots=True)
class Record:
    """One listing by one authority, in one publication.

    ``source`` is the fixed source name (``us_ofac_sdn``, ``un_sc``, ``uk_ofsi``, …) and
    ``source_id`` the publication's own identifier for the listing. ``programs`` are
    the programme / regime codes as the authority writes them (``RUSSIA-EO14024``,
    ``Russia``, ``1267``). ``listed_on`` is the listing date where published.
    ``extra`` keeps published fields with no place above (flat string values), so
    nothing the authority published is lost.
    """

    source: str
    source_id: str
    schema: str = "LegalEntity"
    names: list[Name] = field(default_factory=list)
    birth_dates: list[str] = field(default_factory=list)
    birth_estimates: list[str] = field(default_factory=list)
    """The birth years of :attr:`birth_dates` the authority published as estimates
    (OFAC "circa 1975", "approximately 1958", the UN's ``APPROXIMATELY``, the EU's
    ``circa="true"``), as published."""
    birth_places: list[str] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)
    citizenships: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    gender: str | None = None
    titles: list[str] = field(default_factory=list)
    positions: list[str] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    listed_on: str | None = None
    remarks: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)

    # -- convenience -------------------------------------------------------------

    @property
    def key(self) -> str:
        """The global listing key, ``"source:source_id"``."""
        return f"{self.source}:{self.source_id}"

    @property
    def caption(self) -> str:
        """The display name: the first primary name, else the first name at all."""
        for name in self.names:
            if name.kind == "primary":
                return name.value
        return self.names[0].value if self.names else self.source_id

    def all_names(self) -> list[str]:
        """Every distinct name value, primary first."""
        seen: dict[str, None] = {}
        for name in sorted(self.names, key=lambda n: n.kind != "primary"):
            seen.setdefault(name.value, None)
        return list(seen)

    def add_name(self, value: str | None, kind: NameKind = "alias", **kw: Any) -> None:
        """Add a name unless it is empty or already present with the same kind."""
        if value is None:
            return
        value = " ".join(value.split())
        if not value:
            return
        for existing in self.names:
            if existing.value == value and existing.kind == kind:
                return
        self.names.append(Name(value, kind, **kw))

    # -- serialisation -----------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; empty fields are dropped for compact storage.

        The same as :func:`dataclasses.asdict` without the empty fields (a copy:
        nothing in it is shared with the record), built field by field from the
        model's declared shape rather than by ``asdict``'s generic recursion and
        deep copies, which cost several times more; the store hashes every listing
        of every publication it loads through this."""
        data: dict[str, Any] = {}
        for key in _RECORD_FIELDS:
            value = getattr(self, key)
            if value is None or value == "":
                continue
            if isinstance(value, list):
                if not value:
                    continue
                nested = _NESTED_FIELDS.get(key)
                value = list(value) if nested is None else [_item_dict(v, nested) for v in value]
            elif isinstance(value, dict):
                if not value:
                    continue
                value = dict(value)
            data[key] = value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """The inverse of :meth:`to_dict`."""
        data = dict(data)
        data["names"] = [Name(**n) for n in data.get("names", [])]
        data["identifiers"] = [Identifier(**i) for i in data.get("identifiers", [])]
        data["addresses"] = [Address(**a) for a in data.get("addresses", [])]
        data["links"] = [Link(**link) for link in data.get("links", [])]
        return cls(**data)

    def to_json(self) -> str:
        """Canonical JSON (sorted keys, no whitespace): the stored form."""
        return json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    def content_hash(self) -> str:
        """SHA-256 of the canonical JSON; equal hashes mean an unchanged listing."""
        return hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()


#: The fields of :class:`Record`, in declaration order, and those holding lists of
#: value objects with the fields of each (for :meth:`Record.to_dict`).
_RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Record))
_NESTED_FIELDS: dict[str, tuple[str, ...]] = {
    "names": tuple(f.name for f in fields(Name)),
    "identifiers": tuple(f.name for f in fields(Identifier)),
    "addresses": tuple(f.name for f in fields(Address)),
    "links": tuple(f.name for f in fields(Link)),
}


def _item_dict(item: object, keys: tuple[str, ...]) -> dict[str, Any]:
    """One value object as a dict; a dict inside it (a name's ``parts``) is copied."""
    out: dict[str, Any] = {}
    for key in keys:
        value = getattr(item, key)
        out[key] = dict(value) if isinstance(value, dict) else value
    return out


@dataclass(slots=True)
class PublicationInfo:
    """What a reader learned about the publication as a whole.

    ``published`` is the publication date found in the file (ISO ``YYYY-MM-DD``) or
    ``None`` when the format carries none (``sdn.csv``): the loader then uses
    ``--date`` or the folder name. ``format`` names the encoding read (``csv``,
    ``xml``, ``advanced_xml``, …). ``declared_count`` is a record count printed in the
    file, if any (the loader refuses a publication that holds another number
    unless forced).
    """

    source: str
    format: str
    published: str | None = None
    declared_count: int | None = None
    notes: list[str] = field(default_factory=list)
