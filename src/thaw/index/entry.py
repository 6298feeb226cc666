"""The prepared form of one listing, as the matcher sees it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from thaw.model import Record
from thaw.sources.common import country_code
from thaw.text import AnalyzedName, analyze_name, listed_variants

_ID_CLEAN = re.compile(r"[^A-Z0-9]")


def normalize_id(number: str) -> str:
    """An identifier number without spaces, dashes or dots, upper case."""
    return _ID_CLEAN.sub("", number.upper())


_NOT_ASCII_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=256)
def written_key(text: str) -> str:
    """A name as written, case, spacing, punctuation and diacritics aside: the
    words of its letters and digits, lower case, one space apart (*ABD
    AL-RAHMAN* and *'Abd al-Rahman* → ``abd al rahman``; *Ōno* → ``ono``).
    Two names with the same key are the same writing of a name.

    (Remembered for the last names asked: screening one query asks it three
    times, for its candidates, its ranking and its parties. An ASCII name,
    most of a customer file, takes a regular expression rather than a walk of
    its characters: the same key, a tenth of the time.)"""
    if text.isascii():
        return " ".join(_NOT_ASCII_ALNUM.sub(" ", text.lower()).split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(kept.split())


@dataclass(frozen=True, slots=True)
class IdNumber:
    """An identifier as compared: kind, normalised number, issuing country."""

    kind: str
    number: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One listing, prepared for scoring.

    ``names`` pairs each analysed name with its kind (primary, alias, weak, former,
    original); a name with another reading (:func:`thaw.text.name_variants`)
    adds that reading as an ``original`` name. ``countries`` unites
    nationalities, citizenships, countries and address countries. ``programs``
    and ``listed_on`` are carried for results.
    """

    source: str
    source_id: str
    schema: str
    caption: str
    names: tuple[tuple[AnalyzedName, str], ...]
    birth_dates: tuple[str, ...]
    countries: tuple[str, ...]
    gender: str | None
    identifiers: tuple[IdNumber, ...]
    programs: tuple[str, ...]
    listed_on: str | None
    birth_estimates: tuple[str, ...] = ()
    """The birth years of :attr:`birth_dates` published as estimates ("circa
    1975": :attr:`thaw.model.Record.birth_estimates`)."""
    form_countries: tuple[str, ...] | None = None
    """The countries whose law alone has a legal form one of :attr:`names`
    carries (:func:`form_countries`), worked out from the names when not given
    (``None``): a fact of the listing, kept with its facts
    (:func:`listing_facts`), which carry no names."""
    birth_countries: tuple[str, ...] = ()
    """The countries of the listing's places of birth ("Mexico", "Culiacán,
    Sinaloa": ``mx``), which are no nationality and are not among
    :attr:`countries`: they say which language a name is of when the listing
    publishes no country (:func:`thaw.match.iberian.left_out`), and are read
    with the names, so :func:`listing_facts` leaves them out."""

    def __post_init__(self) -> None:
        if self.form_countries is None:
            object.__setattr__(self, "form_countries", form_countries(self.names))

    @property
    def key(self) -> str:
        """``source:source_id``."""
        return f"{self.source}:{self.source_id}"


#: Legal forms that only one country's law has, by the word as written and
#: folded (:func:`form_countries`): the free-zone establishments of the United
#: Arab Emirates (FZE, FZCO, FZ-LLC), the Polish *spółka z o.o.*, the Hungarian
#: *Kft.* and *Zrt.*, the Malaysian *Sdn. Bhd.*
COUNTRY_FORMS: Final[dict[str, str]] = {
    "fze": "ae",
    "fzco": "ae",
    "fzllc": "ae",
    "spzoo": "pl",
    "kft": "hu",
    "zrt": "hu",
    "sdnbhd": "my",
}


def form_countries(names: tuple[tuple[AnalyzedName, str], ...]) -> tuple[str, ...]:
    """The countries whose law alone has a legal form one of ``names`` (an
    entry's, with their kinds) carries (:data:`COUNTRY_FORMS`: ALPHA TECH
    TRADING FZE is established in the United Arab Emirates)."""
    found: list[str] = []
    for name, _kind in names:
        for token in name.tokens:
            country = COUNTRY_FORMS.get(token.raw) if token.role == "legal_form" else None
            if country is not None and country not in found:
                found.append(country)
    return tuple(found)


def entry_from_record(record: Record) -> Entry:
    """Prepare a stored record for matching.

    Two names of one kind that analyse alike are one name to the matcher,
    and the first is kept, unless they are weak aliases written differently
    (:func:`written_key`): a weak alias counts for little unless the query
    writes it as published (the matcher's ``written`` floor, the index's
    ``W:`` keys), so *TK BANK* beside *TC BANK*, *EL 63* beside *EL SIXTY
    THREE*, *ABDULLAH* beside *ABDALLAH* are each kept. Another writing of a
    name of another kind is found by the first's alignment, and would add
    readings of its own (the alias *Ch'oe Ch'un Sik*, read as a Korean
    romanisation, makes the namesake *Choe Chun Sok* alert at 0.83, where
    *Choe Chun Sik* does not); it is left out as before. The same writing
    twice is kept once.
    """
    names: list[tuple[AnalyzedName, str]] = []
    first: dict[tuple[str, str], AnalyzedName] = {}  # (analysed key, kind) → first name
    writings: set[tuple[str, str, str]] = set()  # (analysed key, kind, written key)
    for name in record.names:
        analyzed = analyze_name(name.value, record.schema)
        if not analyzed.tokens:
            continue
        writing = (analyzed.key, name.kind, written_key(analyzed.original))
        if writing in writings:
            continue
        writings.add(writing)
        if (analyzed.key, name.kind) in first:
            if name.kind == "weak":
                names.append((analyzed, name.kind))
            continue
        first[(analyzed.key, name.kind)] = analyzed
        names.append((analyzed, name.kind))
        for variant in listed_variants(name.value, record.schema):
            # another reading of the same writing (kanji read as Japanese)
            other = analyze_name(variant, record.schema)
            if other.tokens and (other.key, "original") not in first:
                first[(other.key, "original")] = other
                names.append((other, "original"))
    countries: list[str] = []
    for code in [
        *record.nationalities,
        *record.citizenships,
        *record.countries,
        *(a.country for a in record.addresses if a.country),
    ]:
        if code and code not in countries:
            countries.append(code)
    born: list[str] = []
    for place in record.birth_places:
        country = country_code(place)
        if country and country not in born:
            born.append(country)
    ids = tuple(
        IdNumber(i.kind, normalize_id(i.number), i.country)
        for i in record.identifiers
        if normalize_id(i.number)
    )
    return Entry(
        source=record.source,
        source_id=record.source_id,
        schema=record.schema,
        caption=record.caption,
        names=tuple(names),
        birth_dates=tuple(record.birth_dates),
        countries=tuple(countries),
        gender=record.gender,
        identifiers=ids,
        programs=tuple(record.programs),
        listed_on=record.listed_on,
        birth_estimates=tuple(record.birth_estimates),
        birth_countries=tuple(born),
    )


def listing_facts(entry: Entry) -> Entry:
    """``entry`` without its names, caption, programmes and listing date: the
    facts that the matcher's features that read no name read (schema, dates of
    birth, countries, the countries of its legal forms, gender, identifiers),
    which the index keeps beside each entry
    (:meth:`thaw.index.CandidateIndex.facts`)."""
    return Entry(
        source=entry.source,
        source_id=entry.source_id,
        schema=entry.schema,
        caption="",
        names=(),
        birth_dates=entry.birth_dates,
        countries=entry.countries,
        gender=entry.gender,
        identifiers=entry.identifiers,
        programs=(),
        listed_on=None,
        birth_estimates=entry.birth_estimates,
        form_countries=entry.form_countries,
    )


def name_entry(
    name: str, schema: str | None = None, source: str = "", source_id: str = ""
) -> Entry:
    """A listing that holds nothing but one name: how a bare name is scored against
    another (pair scoring, profile linking's name checks)."""
    return Entry(
        source=source,
        source_id=source_id,
        schema=schema or "LegalEntity",
        caption=name,
        names=((analyze_name(name, schema), "primary"),),
        birth_dates=(),
        countries=(),
        gender=None,
        identifiers=(),
        programs=(),
        listed_on=None,
    )
