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
A legal form written in a country's language says where the firm is
registered, as a country word does: *S.A.* is no form of Russian law, *OOO* no
form of Greek law (:func:`form_laws`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from thaw.index.entry import COUNTRY_FORMS, Entry, written_key
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


#: The states of the former Soviet Union, whose firms' forms are written in
#: Russian (or its neighbours' words for them): *OOO*, *ZAO*, *OAO*, *PAO*, *AO*,
#: the Ukrainian *TOV*, the Belarusian *AAT*.
_POST_SOVIET: Final = frozenset(
    {"ru", "by", "ua", "kz", "kg", "tj", "uz", "tm", "am", "az", "ge", "md", "lv", "lt", "ee", "su"}
)
#: The countries whose law writes a company's form in a Romance language:
#: *S.A.*, *S.R.L.*, *S.A.R.L.*, *S.A.S.*, *Ltda*, *S.p.A.*: Romance Europe and
#: the countries that took its codes (Greece, Poland, Romania, Moldova), Latin
#: America, French- and Portuguese-speaking Africa, the Levant and the Maghreb,
#: and the registers of shell companies that offer the form (Panama, the
#: British Virgin and Cayman Islands, the Bahamas, Belize, Liberia, the
#: Marshall Islands, Seychelles).
_ROMANCE_LAW: Final = frozenset(
    {
        "es", "pt", "fr", "it", "be", "lu", "ch", "mc", "ad", "sm", "va", "gr", "pl", "ro", "md",
        "mx", "gt", "bz", "hn", "sv", "ni", "cr", "pa", "cu", "do", "ht", "pr", "co", "ve", "ec",
        "pe", "bo", "cl", "ar", "uy", "py", "br", "gf", "gp", "mq", "re",
        "ma", "dz", "tn", "ly", "eg", "mr", "sn", "ml", "bf", "ne", "td", "gn", "gw", "ci", "tg",
        "bj", "cm", "cf", "ga", "cg", "cd", "gq", "st", "ao", "mz", "cv", "mg", "km", "dj", "bi",
        "rw", "mu", "lb", "sy", "jo", "iq",
        "vg", "ky", "bs", "lr", "mh", "sc",
    }
)  # fmt: skip
#: The countries whose law writes a company's form in German: *GmbH*, *AG*.
_GERMAN_LAW: Final = frozenset({"de", "at", "ch", "li", "lu", "it", "be"})
#: The countries whose law writes a company's form in Dutch: *B.V.*, *N.V.*
_DUTCH_LAW: Final = frozenset({"nl", "be", "sr", "cw", "aw", "sx", "bq"})

#: Legal forms written in one country's or one family of countries' language,
#: by the word as written and folded, and the countries whose law has them
#: (with :data:`thaw.index.entry.COUNTRY_FORMS`, the forms of one country's
#: law). Forms written in English (*LLC*, *JSC*, *Ltd*, *PJSC*) are not here:
#: the lists translate every country's forms into them.
FORM_LAWS: Final[dict[str, frozenset[str]]] = {
    **{form: _POST_SOVIET for form in ("ooo", "zao", "oao", "pao", "ao", "tov", "aat")},
    **{
        form: _ROMANCE_LAW
        for form in (
            "sa", "sadecv", "sarl", "sas", "srl", "ltda", "spa", "sociétéanonyme",
            "sociedadanonima",
        )
    },
    **{form: _GERMAN_LAW for form in ("gmbh", "ag", "aktiengesellschaft")},
    **{form: _DUTCH_LAW for form in ("bv", "nv")},
    **{form: frozenset({country}) for form, country in COUNTRY_FORMS.items()},
}  # fmt: skip


def _forms(tokens: tuple[Token, ...]) -> list[frozenset[str]]:
    """The countries whose law has each legal form of :data:`FORM_LAWS` among
    ``tokens``."""
    return [FORM_LAWS[t.raw] for t in tokens if t.role == "legal_form" and t.raw in FORM_LAWS]


@lru_cache(maxsize=4096)
def _query_form_laws(name: str, schema: str | None) -> frozenset[str]:
    laws = _forms(analyze_name(name, schema).informative)
    return frozenset().union(*laws) if laws else frozenset()


def query_form_laws(query: Query) -> frozenset[str]:
    """The countries whose law has a legal form the query's firm writes
    ("Alpha Bank S.A.": the countries that write *S.A.*), whatever the
    listing; empty for a query that writes no form of :data:`FORM_LAWS`. Like
    a country given, it is a fact on which a party's listings may answer
    differently (:mod:`thaw.profiles.screening`)."""
    return _query_form_laws(query.name, query.schema)


def form_laws(query: Query, entry: Entry) -> frozenset[str]:
    """The countries whose law has the legal form the query's firm writes
    ("Alpha Bank S.A.": the countries that write *S.A.*, not Russia), which are
    the query's countries as ``--country`` gives them, but only against a
    listing that writes no form of the same law itself (ROSNEFT TRADING S.A.,
    a Russian firm's Swiss company; OOO VOLGA GROUP, registered in
    Luxembourg): that listing's countries are its addresses and its owners',
    the form its own. Empty for a query that writes no such form."""
    laws = query_form_laws(query)
    if not laws:
        return laws
    for name, _kind in entry.names:
        if any(listed & laws for listed in _forms(name.informative)):
            return frozenset()
    return laws


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
    mildest answer, which bounds the others), or the query is one of its names
    as written, case, spacing, punctuation and diacritics aside
    (:func:`~thaw.index.entry.written_key`; read with no schema, a title such
    as *President* would not be a word of it: *... Massandra of the
    Administration of the President of the Russian Federation*)."""
    if not entry.names:
        return True
    written = written_key(query.name)
    if any(written_key(name.original) == written for name, _kind in entry.names):
        return True
    naming, described, words = _query_words(query.name, query.schema)
    if not naming:
        return True
    for name, _kind in entry.names:
        _naming, listed_described, listed = _words(name.informative)
        if described <= listed and listed_described <= words:
            return True
    return False
