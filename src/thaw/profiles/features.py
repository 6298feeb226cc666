"""The comparable form of one listing, as the profile linker sees it.

:class:`Features` is to the linker what :class:`thaw.index.Entry` is to the
screening matcher: a compact, prepared view of one :class:`~thaw.model.Record`.
It keeps only what identity decisions rest on (names as comparison tokens, birth
dates, nationalities and countries, identifier numbers, explicit references to
other listings) and it round-trips through JSON, so that the profile tables can
keep the features of every linked listing and an incremental refresh does not
have to re-read and re-analyse listings that did not change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from thaw.index.entry import Entry, IdNumber, normalize_id
from thaw.model import Record
from thaw.sources.common import country_code
from thaw.store.db import encode_record
from thaw.text import analyze_name

IDENTITY_RELATIONS = frozenset({"un_reference", "same_as"})
"""Link relations that say *this listing and the target are the same party*.

Anything else (OFAC ``linked_to``, ``owned_by``, ``associate``, ``vessel_owner`` …)
relates two different parties and is never used as identity evidence."""

PARTICLES = frozenset(
    {
        "al",
        "el",
        "ul",
        "ad",
        "ar",
        "as",
        "at",
        "az",
        "ash",
        "bin",
        "ben",
        "ibn",
        "bint",
        "binti",
        "von",
        "van",
        "der",
        "den",
        "de",
        "da",
        "di",
        "du",
        "la",
        "le",
        "y",
        "e",
        "haji",
        "hajji",
        "hadji",
        "mullah",
        "mulla",
        "mawlawi",
        "maulavi",
        "maulvi",
        "sheikh",
        "shaykh",
        "shaikh",
        "sayed",
        "sayyid",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "general",
        "colonel",
        "col",
        "gen",
        "the",
        "of",
        "and",
    }
)
"""Tokens that carry little identity in a name (particles, honorifics, titles).

They may be present or absent in one authority's spelling of a name; they neither
count towards nor against name agreement. The name-analysis layer marks most of
them by role already (honorific, legal form, generic); this list covers the rest."""

_EXCLUDED_ROLES = frozenset({"legal_form", "honorific", "stop", "particle", "initial"})
_REF = re.compile(r"^([A-Z]{2,4}[IE])\.?0*(\d+)$")
_VOWELS = re.compile(r"[aeiouyhw]")
_REPEATS = re.compile(r"(.)\1+")
_HISTORIC = frozenset({"su", "yu", "cs", "dd", "an"})
_CONFUSABLE = frozenset(
    frozenset(p) for p in (("cd", "cg"), ("kp", "kr"), ("sd", "ss"), ("ne", "ng"), ("gn", "gw"))
)
_BROAD_THEMES = frozenset({"other"})


def normalize_ref(value: str) -> str:
    """A reference number in one canonical form (``QDi.1`` and ``QDI.001`` →
    ``QDI.001``); anything that does not look like a UN reference is upper-cased."""
    text = re.sub(r"\s+", "", value).upper()
    m = _REF.match(text)
    if m:
        return f"{m[1]}.{int(m[2]):03d}"
    return text


def skeleton(token: str) -> str:
    """A coarse phonetic key: consonants only, repeats collapsed
    (``muhammad``, ``mohammed`` → ``mmd``). Used for blocking, never for deciding."""
    if token.isdigit():
        return token
    body = _REPEATS.sub(r"\1", _VOWELS.sub("", token[1:]))
    return token[0] + body


@dataclass(frozen=True, slots=True)
class NameF:
    """One analysed name of a listing.

    ``tokens`` are the informative comparison tokens (name parts without particles,
    honorifics and legal forms), ``compact`` all comparison tokens joined without
    spaces (so ``al-Qa'ida`` and ``Al Qaida`` meet), ``common`` the tokens the
    name analysis knows as common (Muhammad, Ali, Kim, Ivanov; generic words),
    which never count as rare however few listings hold them.
    """

    original: str
    kind: str
    tokens: tuple[str, ...]
    compact: str
    common: tuple[str, ...] = ()
    bag: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "bag", tuple(sorted(self.tokens)))


@dataclass(slots=True)
class Features:
    """What identity decisions about one listing rest on."""

    source: str
    source_id: str
    schema: str
    caption: str
    hash: str = ""
    names: list[NameF] = field(default_factory=list)
    birth_dates: tuple[str, ...] = ()
    nationalities: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    gender: str | None = None
    identifiers: tuple[IdNumber, ...] = ()
    references: tuple[tuple[str, str], ...] = ()
    programs: tuple[str, ...] = ()
    listed_on: str | None = None
    regimes: tuple[str, ...] = ()
    websites: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    rows: str = ""
    birth_places: tuple[str, ...] = ()
    _strong: list[NameF] | None = field(default=None, repr=False, compare=False)

    @property
    def key(self) -> str:
        """``source:source_id``."""
        return f"{self.source}:{self.source_id}"

    @property
    def group(self) -> str:
        """The schema group: ``person``, ``org`` (organisations and legal entities),
        ``vessel`` or ``aircraft``."""
        return schema_group(self.schema)

    def strong_names(self) -> list[NameF]:
        """Names fit for identity decisions: everything but weak aliases."""
        cached = self._strong
        if cached is None:
            cached = self._strong = [n for n in self.names if n.kind != "weak" and n.tokens]
        return cached

    def tokens(self) -> set[str]:
        """Every informative token of the listing's strong names."""
        return {t for n in self.strong_names() for t in n.tokens}

    def common_tokens(self) -> set[str]:
        """The tokens of :meth:`tokens` that name analysis knows as common."""
        return {t for n in self.strong_names() for t in n.common}

    def entry(self) -> Entry:
        """The listing as the screening matcher sees it (for confirmation scores)."""
        return Entry(
            source=self.source,
            source_id=self.source_id,
            schema=self.schema,
            caption=self.caption,
            names=tuple((analyze_name(n.original, self.schema), n.kind) for n in self.names),
            birth_dates=self.birth_dates,
            countries=tuple(sorted(self.countries)),
            gender=self.gender,
            identifiers=self.identifiers,
            programs=self.programs,
            listed_on=self.listed_on,
        )

    # -- serialisation -------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (the form kept in the ``profile_listings`` table)."""
        return {
            "s": self.source,
            "i": self.source_id,
            "sc": self.schema,
            "c": self.caption,
            "h": self.hash,
            "n": [
                [n.original, n.kind, list(n.tokens), n.compact, list(n.common)] for n in self.names
            ],
            "d": list(self.birth_dates),
            "na": sorted(self.nationalities),
            "co": sorted(self.countries),
            "g": self.gender,
            "id": [[i.kind, i.number, i.country] for i in self.identifiers],
            "r": [list(r) for r in self.references],
            "p": list(self.programs),
            "l": self.listed_on,
            "rg": list(self.regimes),
            "w": list(self.websites),
            "ad": list(self.addresses),
            "ro": self.rows,
            "bp": list(self.birth_places),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Features:
        """The inverse of :meth:`to_json`."""
        return cls(
            source=data["s"],
            source_id=data["i"],
            schema=data["sc"],
            caption=data["c"],
            hash=data.get("h", ""),
            names=[NameF(n[0], n[1], tuple(n[2]), n[3], tuple(n[4])) for n in data["n"]],
            birth_dates=tuple(data["d"]),
            nationalities=frozenset(data["na"]),
            countries=frozenset(data["co"]),
            gender=data["g"],
            identifiers=tuple(IdNumber(k, n, c) for k, n, c in data["id"]),
            references=tuple((s, r) for s, r in data["r"]),
            programs=tuple(data["p"]),
            listed_on=data["l"],
            regimes=tuple(data.get("rg", ())),
            websites=tuple(data.get("w", ())),
            addresses=tuple(data.get("ad", ())),
            rows=data.get("ro", ""),
            birth_places=tuple(data.get("bp", ())),
        )


SUBLIST_SOURCES = frozenset({"us_trade_csl"})
"""Sources that consolidate several lists, the list being the prefix of the
listing id (``SDN-…``, ``EL-…``, ``DPL-…``): a party on two of them is listed
twice by the source, and both listings may share a profile."""


MIRRORED_LISTS: dict[tuple[str, str], str] = {
    ("us_trade_csl", "SDN"): "us_ofac_sdn",
    **{
        ("us_trade_csl", code): "us_ofac_cons"
        for code in ("SSI", "FSE", "NS-MBS", "CAP", "PLC", "CMIC")
    },
}
"""Sub-lists of a consolidating source that republish another source's listings
under the same number: the US Consolidated Screening List's Treasury lists carry
OFAC's entity number (``SDN-10761`` is OFAC's SDN entry 10761, ``SSI-18741`` the
non-SDN entry 18741). Such a listing refers to its original (see :func:`mirror_of`),
so the two always share a profile, however the names around them link."""


def mirror_of(source: str, source_id: str) -> tuple[str, str] | None:
    """The ``(source, source_id)`` of the listing that ``source:source_id``
    republishes (see :data:`MIRRORED_LISTS`), or ``None``."""
    code, dash, number = source_id.rpartition("-")
    target = MIRRORED_LISTS.get((source, code)) if dash else None
    number = number.split("~", 1)[0]
    return (target, number) if target and number.isdigit() else None


def namespace(source: str, source_id: str) -> str:
    """The list a listing belongs to, for the rule *one listing per list in a
    profile*: the source, or source and sub-list for consolidated sources."""
    if source in SUBLIST_SOURCES and "-" in source_id:
        return f"{source}/{source_id.split('-', 1)[0]}"
    return source


def schema_group(schema: str) -> str:
    """``person``, ``vessel``, ``aircraft`` or ``org`` (everything else)."""
    if schema == "Person":
        return "person"
    if schema == "Vessel":
        return "vessel"
    if schema == "Aircraft":
        return "aircraft"
    return "org"


_CUT_LEGAL_FORM = re.compile(r"\bjoint[\s-]+stock\s*$", re.IGNORECASE)
"""A Russian legal form cut short at the end of an organisation's name:
Australia's "Almaz Central Marine Design Bureau Joint Stock" for the others'
"... Joint Stock Company"."""


def analyze(value: str, kind: str, schema: str) -> NameF:
    """Analyse one published name for identity comparison (an organisation's
    name ending in a legal form cut short, "... Joint Stock", read whole)."""
    text = value
    if schema != "Person" and _CUT_LEGAL_FORM.search(value):
        text = f"{value} Company"
    analyzed = analyze_name(text, schema)
    kept = [
        t
        for t in analyzed.tokens
        if t.role not in _EXCLUDED_ROLES
        and t.text
        and t.text not in PARTICLES
        and (t.raw or t.text) not in PARTICLES
    ]
    tokens = tuple(t.text for t in kept)
    common = tuple(sorted({t.text for t in kept if t.weight < 1.0}))
    compact = "".join(t.text for t in analyzed.tokens if t.role != "legal_form")
    return NameF(value, kind, tokens, compact, common)


def clean_id(kind: str, number: str) -> str:
    """An identifier number as compared: upper-case alphanumerics; IMO numbers as
    their seven digits; leading zeros of purely numeric numbers dropped."""
    text = normalize_id(number)
    if kind == "imo":
        digits = re.sub(r"\D", "", text)
        return digits[-7:] if len(digits) >= 7 else digits
    if text.isdigit():
        text = text.lstrip("0") or "0"
    return text


_PAREN = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]\s*")


def name_variants(value: str) -> list[str]:
    """The name as published, plus, where it holds a parenthesis, the name without
    it (``GLOBAL RELIEF FOUNDATION (GRF)`` → ``GLOBAL RELIEF FOUNDATION``) and the
    parenthesis alone when it is a name of several words (``ADF (ALLIED
    DEMOCRATIC FORCES)`` → ``ALLIED DEMOCRATIC FORCES``), not a place: the
    ``(HONG KONG)`` of "XIN QUAN ELECTRONICS (HONG KONG) CO., LIMITED" says
    where the company is, and is no name of it that other Hong Kong firms
    share. A branch named by its country (``AL-HARAMAIN: BANGLADESH BRANCH``,
    :data:`_COUNTRY_BRANCH`) is also the party's name and the country's
    (``AL-HARAMAIN BANGLADESH``), as the UK writes it, "AL-HARAMAIN
    (BANGLADESH)": not the party's name alone, its head office's."""
    out = [value]
    if "(" in value or "[" in value:
        outer = " ".join(_PAREN.sub(" ", value).split())
        if outer and outer != value:
            out.append(outer)
        for inner in _PAREN.findall(value):
            inner = " ".join(inner.split())
            if (
                len(inner.split()) >= 2
                and not inner.lower().startswith(
                    ("a.k.a", "aka", "f.k.a", "fka", "formerly", "also", "previously")
                )
                and country_code(inner) is None
            ):
                out.append(inner)
    branch = _COUNTRY_BRANCH.match(value)
    if branch and country_code(branch["country"]) is not None:
        out.append(f"{branch['party']} {branch['country']}")
    return out


_COUNTRY_BRANCH = re.compile(
    r"^(?P<party>.*?\w)\s*(?::|\(|\s-\s)\s*(?P<country>[^:()]+?)\s+branch\s*\)?\s*$",
    re.IGNORECASE,
)
"""A branch named by its country (or city: ``country_code`` reads both) after
its party's name: "AL-HARAMAIN: BANGLADESH BRANCH", "AL-HARAMAIN (AFGHANISTAN
BRANCH)", "BANK MELLI IRAN - HAMBURG BRANCH"."""


_FILIATION = re.compile(r"\s+(?:(?:son|daughter)\s+of|[sd]/o)\s.*$", re.IGNORECASE | re.DOTALL)


def own_name(value: str) -> str:
    """A person's own name where the published name adds the father's after
    "son of" (or "daughter of", "s/o", "d/o"), as the UN's Taliban list
    does: "Akhter Mohmad son of Noor Mohmad" is Akhter Mohmad, and OFAC's
    Haji Mohammad NOOR, a trafficker born 1965, shares only the father's
    name. An Arabic *bin* or *ould* is part of the name and stays."""
    own = _FILIATION.sub("", value).strip()
    return own or value


def features_of(record: Record, content_hash: str | None = None) -> Features:
    """Prepare one listing for linking."""
    names: list[NameF] = []
    seen: set[tuple[str, str]] = set()
    for name in record.names:
        if name.kind == "weak":
            # weak aliases never carry identity: kept for the matcher, not analysed
            if ("", name.value) not in seen:
                seen.add(("", name.value))
                names.append(NameF(name.value, "weak", (), ""))
            continue
        published = own_name(name.value) if record.schema == "Person" else name.value
        for value in name_variants(published):
            nf = analyze(value, name.kind, record.schema)
            if not nf.compact or (nf.compact, name.kind) in seen:
                continue
            seen.add((nf.compact, name.kind))
            names.append(nf)
    countries = {
        c
        for c in [
            *record.nationalities,
            *record.citizenships,
            *record.countries,
            *(a.country for a in record.addresses),
        ]
        if c
    }
    ids: list[IdNumber] = []
    for ident in record.identifiers:
        number = clean_id(ident.kind, ident.number)
        if number and IdNumber(ident.kind, number, ident.country) not in ids:
            ids.append(IdNumber(ident.kind, number, ident.country))
    refs: list[tuple[str, str]] = []
    for link in record.links:
        if link.relation in IDENTITY_RELATIONS and link.source and link.source_id:
            ref = (link.source, normalize_ref(link.source_id))
            if ref not in refs and ref != (record.source, normalize_ref(record.source_id)):
                refs.append(ref)
    if (mirrored := mirror_of(record.source, record.source_id)) is not None:
        refs.append((mirrored[0], normalize_ref(mirrored[1])))
    return Features(
        source=record.source,
        source_id=record.source_id,
        schema=record.schema,
        caption=record.caption,
        # encode_record's digest is record.content_hash(), without its deep copies
        hash=content_hash if content_hash is not None else encode_record(record).digest,
        names=names,
        birth_dates=tuple(sorted(set(record.birth_dates))),
        nationalities=frozenset(c for c in (*record.nationalities, *record.citizenships) if c),
        countries=frozenset(countries),
        gender=record.gender,
        identifiers=tuple(ids),
        references=tuple(refs),
        programs=tuple(record.programs),
        listed_on=record.listed_on,
        regimes=regimes_of(record.source, record.programs),
        websites=websites_of(record),
        addresses=tuple(sorted({k for a in record.addresses for k in address_keys(a.full)})),
        rows=rows_key(record),
        birth_places=tuple(sorted({p for p in map(place_key, record.birth_places) if p})),
    )


def place_key(place: str) -> str:
    """A place of birth as comparable text (its words, case folded), where it
    names more than a country ("Muhatta Directorate, Hajjah Province, Yemen",
    "Moscow, Russia": a town or district and more); empty for a country
    alone ("Yemen", "Democratic Republic of the Congo"), which a nationality
    says as well."""
    words = _PLACE_WORD.findall(place.casefold())
    parts = [p for p in place.split(",") if p.strip()]
    if len(words) < 2 or (len(parts) < 2 and country_code(place.strip())):
        return ""
    return " ".join(words)


ORDER_FIELDS = ("fr_citation", "federal_register_notice")
"""The fields (``Record.extra``) in which a list gives the orders that list a
party, oldest first: the Denied Persons List's ``FR_Citation`` and the
Consolidated Screening List's ``federal_register_notice`` ("80 F.R. 30435
5/28/15, 80 F.R. 44930 7/28/15, ...")."""

_CITATION = re.compile(r"(\d+)\s*F\.?\s*R\.?\s*(\d[\d,]*)", re.IGNORECASE)


def rows_key(record: Record) -> str:
    """The key shared by the rows in which a list writes one party, one row
    per address: the party's name as written (letters and digits, case
    folded) and the first order that listed it (:data:`ORDER_FIELDS`, a
    Federal Register citation, ``80 FR 30435``); empty where the record
    names no order. The Denied Persons List denies AL NASER AIRLINES by one
    order at four addresses in Baghdad, Dubai and Amman, and writes the name
    three ways ("AL NASER", "ALNASER", "AL-NASER"): eleven rows, one party.
    AL NASER WINGS AIRLINES, added at the same addresses by a later order,
    is another name and another party."""
    for name in ORDER_FIELDS:
        found = _CITATION.search(record.extra.get(name, ""))
        if found:
            literal = "".join(ch for ch in record.caption.casefold() if ch.isalnum())
            number = found[2].replace(",", "")
            return f"{literal} {found[1]} FR {number}" if literal else ""
    return ""


_PLACE_WORD = re.compile(r"[^\W_]+")

_WEBSITE = re.compile(
    r"(?:https?://)?(?:www\d?\.)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})\b",
    re.IGNORECASE,
)
_WEBSITE_CONTEXT = re.compile(r"(?:website|web site|url|www\.|https?://)", re.IGNORECASE)
_STREET_WORDS = frozenset(
    """street st str road rd avenue ave av boulevard blvd lane ln drive dr square sq
    ulitsa ulica ul prospekt pr prospect pereulok per naberezhnaya nab shosse house
    building bldg office floor suite block no number apt flat room unit""".split()
)


_PAGE_SUFFIXES = frozenset(
    {"html", "htm", "php", "asp", "aspx", "jsp", "cgi", "shtml", "xml", "pdf"}
)
"""The endings of a web page's or a file's name, which are no top-level domain:
the ``index.html`` of ``cdb-lazurit.ru/index.html`` is no web domain of its own,
nor the ``advanced.xml`` of OFAC's link to its own list."""

PLATFORM_HOSTS = frozenset(
    """vk.com facebook.com fb.com t.me telegram.me twitter.com x.com instagram.com
    youtube.com ok.ru livejournal.com linkedin.com tiktok.com""".split()
)
"""Web domains whose pages are many parties' (social networks): the UK's
Donbas battalions each publish a page on ``vk.com``, which is no web domain of
any of them."""


def websites_of(record: Record) -> tuple[str, ...]:
    """The web domains a listing publishes (``sberbank.com``), from remarks and
    other fields that say *website* or write a URL; e-mail domains are left out
    (shared mail providers prove nothing), and so are page names
    (:data:`_PAGE_SUFFIXES`) and social networks (:data:`PLATFORM_HOSTS`)."""
    texts = [*record.remarks, *record.extra.values()]
    found: set[str] = set()
    for text in texts:
        if not _WEBSITE_CONTEXT.search(text):
            continue
        for m in _WEBSITE.finditer(text):
            if m.start() > 0 and text[m.start() - 1] == "@":
                continue
            domain = m.group(1).lower().rstrip(".")
            if (
                "." in domain
                and not domain.replace(".", "").isdigit()
                and domain.rsplit(".", 1)[1] not in _PAGE_SUFFIXES
                and domain not in PLATFORM_HOSTS
            ):
                found.add(domain)
    return tuple(sorted(found))


def address_keys(full: str) -> set[str]:
    """Comparable keys of a street address: a house number with the street's name
    beside it (``19 vavilova`` from "19 Vavilova St, Moscow 117312"). Postal codes
    (five digits and more) and street-type words are not keys; an address without
    a house number has none (a city alone proves nothing)."""
    keys: set[str] = set()
    for part in re.split(r"[,;\n]", full):  # the number and its street share a part
        words = [w.casefold() for w in re.findall(r"[^\W_]+", part)]
        for i, word in enumerate(words):
            if not (word.isdigit() and len(word) <= 4):
                continue
            for j in (i + 1, i - 1, i + 2, i - 2):
                if 0 <= j < len(words):
                    other = words[j]
                    if other.isalpha() and len(other) >= 4 and other not in _STREET_WORDS:
                        keys.add(f"{word.lstrip('0') or '0'} {other}")
                        break
    return keys


def historic_country(code: str) -> bool:
    """Whether ``code`` is a dissolved state (USSR, Yugoslavia …), compatible with
    any of its successors for the purpose of conflict detection."""
    return code in _HISTORIC


def confusable_countries(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two country sets differ only by a classic confusion of the lists
    (the two Congos, the two Koreas, the two Sudans, Niger and Nigeria …)."""
    return any(frozenset((x, y)) in _CONFUSABLE for x in a for y in b)


def regimes_of(source: str, programs: Iterable[str]) -> tuple[str, ...]:
    """The sanctions regimes (catalogue themes: ``dprk``, ``libya``,
    ``isil-al-qaida``, ``terrorism`` …) of a listing's programmes, comparable
    across authorities; empty where the programme catalogue is not available."""
    try:
        from thaw.catalogue.programs import SOURCE_AUTHORITY, classify
    except ImportError:  # pragma: no cover - the catalogue is optional
        return ()
    authority = SOURCE_AUTHORITY.get(source, source.split("_", 1)[0])
    themes: set[str] = set()
    for code in programs:
        try:
            themes.update(classify(authority, code).themes)
        except Exception:  # noqa: BLE001 - a catalogue problem must not stop linking
            continue
    return tuple(sorted(themes - _BROAD_THEMES))
