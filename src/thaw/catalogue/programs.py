"""Programme classification: which authority a source belongs to, and what a
programme / regime code targets (a country, a theme).

The knowledge lives in two small data files beside this module:

``data/programs.csv``
    known codes per authority with a label, the ISO-2 country targeted (if any) and
    theme keys (``russia``, ``iran``, ``isil-al-qaida``, ``terrorism`` …);
``data/rules.csv``
    regular-expression rules that classify codes absent from the table, so a new
    OFAC programme ``RUSSIA-EO15000`` or a Canadian ``Russia / Russie`` still lands in
    the ``russia`` theme.

Theme keys are lower-case words; country themes use the country's common English
name (``russia``, ``dprk``, ``drc``, ``car``, ``south-sudan``). The ``russia`` theme
deliberately includes the Russia-related Ukraine programmes (OFAC's
``UKRAINE-EO13660``…``13685``, the EU's Regulation 269/2014 ``UKR``, the UK's former
"Ukraine (Sovereignty)" regime, Canada's and Australia's Ukraine regulations),
because the authorities themselves group them as Russia/Ukraine sanctions.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

AUTHORITIES: dict[str, str] = {
    "us": "United States",
    "uk": "United Kingdom",
    "eu": "European Union",
    "un": "United Nations Security Council",
    "ca": "Canada",
    "au": "Australia",
    "ch": "Switzerland",
}
"""Authority keys and their names."""

SOURCE_AUTHORITY: dict[str, str] = {
    "us_ofac_sdn": "us",
    "us_ofac_cons": "us",
    "us_trade_csl": "us",
    "us_bis_dpl": "us",
    "uk_ofsi": "uk",
    "uk_fcdo": "uk",
    "eu_fsf": "eu",
    "un_sc": "un",
    "ca_sema": "ca",
    "au_dfat": "au",
    "ch_seco": "ch",
}
"""The known sources and their authority; other sources use their name's prefix."""

NO_PROGRAM = ""
"""The code used for a listing that names no programme."""

LIST_CODE = "list-code"
"""The theme of codes that name a list, not a programme (the Consolidated Screening
List's ``SDN``, ``EL``, ``SSI`` …): see :attr:`Programme.list_code`."""


def authority_of(source: str) -> str:
    """The authority key of a source: ``us_ofac_sdn`` → ``us``.

    Unknown sources fall back to the part of the name before the first underscore.
    """
    known = SOURCE_AUTHORITY.get(source)
    if known is not None:
        return known
    return source.split("_", 1)[0].lower()


def normalise_code(code: str) -> str:
    """The comparison form of a programme code: upper case, typographic dashes made
    ASCII, whitespace collapsed. ``"Autonomous (Thematic – Cyber)  "`` →
    ``"AUTONOMOUS (THEMATIC - CYBER)"``."""
    text = code.replace("\u2013", "-").replace("\u2014", "-").replace("\u2012", "-")
    return " ".join(text.split()).upper()


def _primary_part(code: str) -> str:
    """For a bilingual code ``"Russia / Russie"``, the first part."""
    return code.split(" / ", 1)[0].strip()


@dataclass(frozen=True, slots=True)
class Programme:
    """What a programme code of an authority is known to target.

    ``known`` is ``True`` when the code is in the catalogue table, ``False`` when it
    was classified by the rules (or matched none: theme ``other``).
    """

    authority: str
    code: str
    label: str
    country: str | None
    themes: tuple[str, ...]
    known: bool

    @property
    def key(self) -> str:
        """``authority:code``, the form a scenario uses."""
        return f"{self.authority}:{self.code}"

    @property
    def list_code(self) -> bool:
        """Whether the code names a list rather than a programme (``SDN``, ``EL``,
        ``DPL`` … as the US Consolidated Screening List writes them before the
        programmes). Relief is decided on a listing's real programmes; a list code
        counts only for a listing that names no programme."""
        return LIST_CODE in self.themes


@dataclass(frozen=True, slots=True)
class _Rule:
    authority: str
    pattern: re.Pattern[str]
    country: str | None
    themes: tuple[str, ...]


def _data_rows(name: str) -> Iterator[dict[str, str]]:
    text = resources.files("thaw.catalogue").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    yield from csv.DictReader(lines)


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], Programme]:
    table: dict[tuple[str, str], Programme] = {}
    for row in _data_rows("programs.csv"):
        authority = row["authority"].strip().lower()
        code = row["code"].strip()
        table[(authority, normalise_code(code))] = Programme(
            authority,
            code,
            row["label"].strip() or code,
            row["country"].strip().lower() or None,
            tuple(row["themes"].split()),
            True,
        )
    return table


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    return tuple(
        _Rule(
            row["authority"].strip().lower(),
            re.compile(row["pattern"], re.IGNORECASE),
            row["country"].strip().lower() or None,
            tuple(row["themes"].split()),
        )
        for row in _data_rows("rules.csv")
    )


@lru_cache(maxsize=4096)
def classify(authority: str, code: str) -> Programme:
    """The :class:`Programme` for ``code`` of ``authority``: from the table when the
    code (or the first part of a bilingual code) is known, else from the rules."""
    authority = authority.lower()
    code = " ".join(code.split())
    table = _table()
    for candidate in dict.fromkeys((code, _primary_part(code))):
        hit = table.get((authority, normalise_code(candidate)))
        if hit is not None:
            return Programme(authority, code, hit.label, hit.country, hit.themes, True)
    text = normalise_code(_primary_part(code))
    themes: dict[str, None] = {}
    country: str | None = None
    for rule in _rules():
        if rule.authority not in ("*", authority):
            continue
        if rule.pattern.search(text):
            themes.update(dict.fromkeys(rule.themes))
            if country is None:
                country = rule.country
    label = code if code else "(no programme)"
    return Programme(authority, code, label, country, tuple(themes) or ("other",), False)


def themes() -> list[str]:
    """Every theme key used by the catalogue table and rules, sorted."""
    keys: set[str] = {"other"}
    for programme in _table().values():
        keys.update(programme.themes)
    for rule in _rules():
        keys.update(rule.themes)
    return sorted(keys)


def known_programmes(authority: str | None = None) -> list[Programme]:
    """The catalogue table (of one authority), in file order."""
    return [p for p in _table().values() if authority is None or p.authority == authority]


def matches_theme(programme: Programme, theme: str) -> bool:
    """Whether ``programme`` belongs to ``theme`` (a theme key, case-insensitive)."""
    return theme.lower() in programme.themes


def codes_for(authority: str, codes: Iterable[str]) -> list[Programme]:
    """Classify several codes of one authority."""
    return [classify(authority, code) for code in codes]
