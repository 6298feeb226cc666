"""What a query says of a party's country beyond ``--country``, and whether it
writes a listed name as listed: how :class:`thaw.match.features.CountryFeature`
tells another firm abroad from a listed one's subsidiary.

A firm's name often carries its country ("Alpha Bank Greece", "TBC Bank
Georgia", "Zenith Bank Nigeria"): that is a country the query gives, as
``--country`` is (:func:`named_countries`). And many firms share a near name
across countries (Alpha Bank of Greece and Alfa-Bank of Russia, TBC Bank of
Georgia and TBK of Russia): when the query writes the listed name otherwise
(:func:`written_as_listed` is false), a country the listing does not have is
strong evidence of another firm; when it writes it as listed, the country may be
a subsidiary's or a branch's (Sberbank Switzerland), which screening must report.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from thaw.index.entry import Entry
from thaw.match.types import Query
from thaw.sources.territories import lookup
from thaw.text import Token, analyze_name

#: Roles of words that do not name the party (a generic word, a legal form, a
#: place, a number, a function word): the query's other words are its name.
_NOT_NAMING: Final = frozenset({"generic", "legal_form", "stop", "location", "number", "particle"})


@lru_cache(maxsize=4096)
def _country_of(word: str) -> str | None:
    """The two-letter country code of the country ``word`` names, if any."""
    territory = lookup(word)
    code = None if territory is None else territory.ftm_country
    return code if code is not None and len(code) == 2 and code != "zz" else None


@lru_cache(maxsize=4096)
def _named(name: str, schema: str | None) -> tuple[str, ...]:
    analyzed = analyze_name(name, schema)
    tokens = analyzed.informative
    if not any(t.role in ("legal_form", "generic") for t in tokens):
        return ()  # (no firm's word: perhaps a person's name, where *Georgia* is a given name)
    codes = (_country_of(t.raw) for t in tokens if t.role == "location")
    return tuple(sorted({c for c in codes if c is not None}))


def named_countries(query: Query) -> tuple[str, ...]:
    """The countries the name of ``query``, a firm's (it has a legal form or a
    generic word, or its schema says so), names by a country word ("TBC Bank
    Georgia": ``ge``); empty for a person's name or one that names none."""
    if query.schema == "Person":
        return ()  # (a person's name: *Georgia* is a given name there)
    return _named(query.name, query.schema)


#: Generic words that say what kind of body a party is, as a legal form does,
#: not what it does: a name may add or drop them ("Global Trading LLC",
#: "Global Trading Company LLC"), a firm's name abroad too.
KIND_WORDS: Final = frozenset({"company", "corporation", "group", "enterprise", "organization"})


def _words(tokens: tuple[Token, ...]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words of a name that name the party; those that name it or say what
    it does (not a legal form, a place, a number, a function word or a
    generic word of :data:`KIND_WORDS`); and all its words."""
    return (
        frozenset(t.raw for t in tokens if t.role not in _NOT_NAMING),
        frozenset(
            t.raw
            for t in tokens
            if t.role not in _NOT_NAMING or (t.role == "generic" and t.raw not in KIND_WORDS)
        ),
        frozenset(t.raw for t in tokens),
    )


@lru_cache(maxsize=4096)
def _query_words(
    name: str, schema: str | None
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    return _words(analyze_name(name, schema).informative)


def written_as_listed(query: Query, entry: Entry) -> bool:
    """Whether the query writes one name of ``entry`` as listed, whole, letter
    for letter: every word of the query that names the party or says what
    it does (*Trading*, *Tech*, *Energy*; not a kind of body, a legal form or
    a place) is a word of that name, and every such word of that name is the
    query's. A firm's branch or subsidiary abroad carries the listed name
    whole ("Sberbank Switzerland AG"); a name that leaves out part of it
    ("Star Market" against STAR MARKET MELANYE, "Alpha LLC" against ALPHA
    TECH TRADING FZE) or says another business ("Orion Energy LLC" against
    ORION LLC) is another firm's. True when the query has no word that names
    the party, or ``entry`` carries no names (a listing's facts alone: the
    mildest answer, which bounds the others)."""
    if not entry.names:
        return True
    naming, described, words = _query_words(query.name, query.schema)
    if not naming:
        return True
    for name, _kind in entry.names:
        _naming, listed_described, listed = _words(name.informative)
        if described <= listed and listed_described <= words:
            return True
    return False
