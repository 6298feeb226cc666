"""Identity evidence between two listings.

:func:`compare` looks at one candidate pair and returns an :class:`Edge` when the
evidence says *same party*, or ``None``. Listings of different authorities are
compared by the rules below; two listings of one authority only by
:func:`compare_duplicate`. The rules are deliberately stricter than
screening: a screening hit only has to be worth a look, a profile link asserts
identity. In order of strength:

``identifier``
    The same kind of identifying document or code (passport, national id, tax id,
    registration number, IMO, LEI, SWIFT/BIC, digital currency address …) with the
    same normalised number and a compatible issuing country, where the number is
    unique within each authority's list, with no conflicting birth date and, for
    persons and organisations, at least some name agreement.
``name_dob`` (persons)
    Strong name agreement (every informative token of the shorter name aligns, at
    least two of them, and the screening matcher scores the two names at or above
    its threshold; names equal token for token after name analysis need no
    confirmation) *and* agreeing birth dates. Agreement on the day suffices; a year or
    month only if the nationalities agree or the name is rare. Of such links,
    those between listings under more of the same regimes come first
    (:data:`REGIME_BONUS`): where the UN and others list one person twice,
    under two regimes, each joins the twin of its own regime.
``name_context`` (persons without birth dates to compare)
    The very same rare name (all tokens, both ways) and the same nationality or
    the same sanctions regime (programme catalogue theme: ``dprk``, ``libya``,
    ``isil-al-qaida`` …), no conflicting nationality. A side listed only under a
    thematic regime (:data:`OFFICIALS_THEMES`, :data:`CONDUCT_THEMES`) names no
    country, so any regime of the other will do: Canada's JVCFOR listing of José
    David CABELLO RONDÓN and OFAC's VENEZUELA one. A Burmese name of two
    one-syllable words (:func:`burmese_pair`: a name without a family name, as
    Canada's Myanmar schedule publishes "Soe Win" without a date or a
    nationality) needs the same nationality *and* a regime both list it under.
``name_subset`` (persons without birth dates to compare)
    As ``name_context``, but the rare name of one (two tokens or more) is, word
    for word, part of a longer name of the other: Canada's "Arkady ROTENBERG",
    without a date or patronymic, and "Arkady Romanovich ROTENBERG". The linker
    applies it last, and only where the shorter name points to a single party
    (not to Boris Romanovich's and Boris Borisovich's profiles alike).
``name_country`` / ``name_distinctive`` (organisations)
    Strong name agreement (the whole name, both ways) and an agreeing country or
    sanctions regime (or two regimes that list the same parties under
    different names, :data:`RELATED_THEMES`: OFAC's proliferators and
    Australia's Syria listings of the research centre's front companies,
    MEGATRADE, HANDASIEH), or, when neither is known, a distinctive name (rare tokens,
    at least two) under regimes that do not contradict each other (the Colombian
    ELN and the Macedonian NLA share the alias "National Liberation Army").
    A name is rare by its tokens or, shared token for token, as a whole
    (:meth:`Context.name_idf`): "Gazprom" is a word of a hundred
    subsidiaries' names and the whole name of one party.

``name_contact`` (organisations)
    Agreeing names (the whole name, both ways) and the same web domain or the same
    street address (house number and street: "19 Vavilova St"), with no
    conflicting country: the AU "Sberbank" and the UK "PJSC SBERBANK", however
    many Sberbank subsidiaries make the name itself common. A domain or an
    address published under more than :data:`CONTACT_DF` names is a
    publisher's or a building's (``treasury.gov``, 1 Okhotny Ryad) and counts
    for nothing; a shared domain outweighs the same name under the same regime
    (:data:`WEBSITE_BONUS`). With the same web domain, a name that is part of
    the other's, adding only generic words that name no related party, or
    that abbreviates it in one word, also links (:func:`contained_org_name`:
    Lazurit and Lazurit Design Bureau, Metallinvestbank and Metallurgical
    Investment Bank; not RVC and RVC Management Company).

Where the primary names (the names each authority lists the party under)
agree both ways, not only aliases, an organisation's name link is stronger
(:data:`PRIMARY_BONUS`): an alias may be another party's that the other
authority lists apart. Of two name agreements alike, the one spelt the same
as written counts (:func:`spelt_alike`), and a corporation is a company
(:data:`SAME_KIND_WORDS`).

Organisations that share only a one-word acronym ("ICI") whose full names
disagree, where each spells out what its own acronyms stand for, are two
parties (:func:`coincident_acronym`, :mod:`thaw.profiles.acronyms`).

A listing that publishes no nationality is of the state that issued its
passport or national identity number, where that agrees with the other's
(:func:`documented_nationality`; never a conflict), and the very same place
of birth, more than a country (:func:`thaw.profiles.features.place_key`),
agrees as a nationality would.

A birth *year* (or month) suffices for persons when the nationalities agree, the
name is rare, or both listings publish the very same range of two or more
birth years under the same sanctions regime ("KONY, Ali" and "ALI KONY", born
1992, 1993, 1994 or 1995, both CAR). A *month* and a rare name suffice under
different regimes (Canada's China regulations and the US Global Magnitsky
programme list the same officials). A kunya alone ("ABU-MUHAMMAD",
:func:`kunya_alone`) that is part of the other's name confirms no year or
month. Two full dates of the same year that differ
as a published slip does (day and month swapped, or only one of them differs:
GLOTOV, 1987-10-19 and 1987-09-19) link the very same rare name, both ways, when
no nationality or regime disagrees. Birth years one apart (an authority that
publishes the year it estimates, 1976, for another's 1975-11-28: Viktar
LUKASHENKA), or the same day and month in a mistyped year (a digit wrong or two
swapped: Canada's 1967-03-01 for Alexey TKACHEV, born 1957-03-01 elsewhere; or
years at most :data:`SAME_DAY_YEARS` apart: Australia's 1956-02-21 for Igor
KOSTYUKOV, born 1961-02-21), link
the very same rare name, both ways, under a regime both list it under, when no
nationality disagrees.

``name_regime`` (persons whose birth dates cannot decide)
    The very same name (every token, both ways, two at least) under a country
    regime both list it under (not a regime aimed at conduct or a movement,
    :data:`THEMATIC_REGIMES`) and no nationality that disagrees, with either
    no date on one side, only a year or month that agrees, or a year alone
    one year from the other's date, and a name of summed idf
    :data:`REGIME_NAME` holding a token that is neither common nor frequent
    (:data:`REGIME_TOKEN_DF`; not two words of one syllable, a Burmese name,
    :func:`two_syllables`): "Ali Mamlouk" on Canada's Syria schedule, which
    publishes no dates, and the UK's Ali MAMLUK, born 1946-02-19, and OFAC's,
    born 1947; MATUQ MOHAMMED MATUQ, born 1956, on the Libya lists of the UN
    and OFAC. With the very same birth years on both sides, a regime aimed at
    conduct both list it under will do (Hamas's Mahmoud ZAHAR, born 1945, on
    the terrorism lists of Australia, Canada and the UK). Or with a year alone on
    one side, which lists publish as an estimate, at most :data:`APPROX_YEARS`
    from the other's date, and a rare name (OFAC's "MAKHLUF, Hafiz", "DOB circa
    1975", and the UK's Hafiz MAKHLOUF, born 1971-04-02, both under their Syria
    regimes). The linker applies it last, and only where the listing that
    publishes less points to one party.

Regimes disagree when two listings share none, except where authorities list
the same parties under different regimes (:data:`RELATED_THEMES`: the UN's
Taliban and the US's global terrorists; the DPRK, Iran and Syria regimes and the
US's proliferators), for a person listed only under a regime aimed at
officials of any state (:data:`OFFICIALS_THEMES`: the Magnitsky laws), for
a party listed only under a regime aimed at conduct anywhere
(:data:`CONDUCT_THEMES`: cyber attacks, election interference) and for a party
listed only under a regime that also reaches other states' suppliers of its
target (:data:`WIDE_REACH_THEMES`: the Russia regimes list Iran's drone makers
and Wagner's companies in Africa).

Names alone never link persons, and common names never link anything. Any
conflict (birth dates years apart, disjoint nationalities for a weak link,
different genders, incompatible schemata) blocks the name rules; disjoint
nationalities do not block the very same name with two full birth dates in
common (:func:`shared_days`).

``duplicate`` (persons, one authority)
    An authority that lists one person under two regimes publishes two listings:
    the UK's Alexander BORTNIKOV under its Russia regime (RUS0084) and under its
    chemical weapons regime (CHW0014), OFAC's Vladimir USTINOV under
    UKRAINE-EO13661 and again under RUSSIA-EO14024. Both belong in the person's
    profile, or a what-if lifting one regime would clear a party the authority
    still lists under the other. They are one person when the names agree both
    ways (every token, at least two), the very same full birth date is published
    for both, and no gender, nationality or other birth date disagrees (but
    for :data:`DISPUTED_PLACES`: the UK's Sergei MENYAILO, a Crimean official,
    is Ukrainian in its Russia listing and Russian in its chemical weapons one).
    Or (:func:`under_two_regimes`) the two publish the very same primary name
    under programmes they do not share and the same birth dates, or none: a
    rare person's name, two tokens at least (Canada's Nicolás MADURO MOROS under
    its Venezuela regulations and under JVCFOR; less rare, :data:`REGIME_NAME`,
    with a birth date both publish: its Saeed MORTAZAVI, born 1967), or an organisation placed in
    the same country by both (Australia's Al-Shabaab, under its terrorism
    listings and the UN's Somalia regime). Shared aliases are not enough:
    Ansar al-Shari'a in Benghazi and in Darnah are two parties. Or
    (:func:`same_names`) two organisations of one list publish the same
    names, every name of one (three at least) a name of the other, and place
    the party in the same country: the UK's Khorasan Metallurgy Industries,
    listed again under the primary name "Samen Industries" with all the same
    aliases, the Entity List's one party at two addresses. These links
    come last (:data:`LATE_DUPLICATE`), after each listing has joined its
    party elsewhere.
``listed_twice`` (persons, one authority)
    The same rare name (or, without a date, a shorter primary name whose
    every word is in the other's) with no date, gender or nationality that
    disagrees, from an authority that published the person twice without a
    full date in common (:func:`listed_twice`: the UK's NAQDI under two Iran
    regimes, born 1952 and 1949-02-11), or spelt with other vowels
    (:func:`vowel_variants`: its Pavel Anatol(i)evich POPOV). Applied last, where the listing that
    publishes less points to one party whose dates agree with both.
``listed_rows`` (one list)
    The rows in which a list writes one party, one per address: the same
    name as written and the same order listing it
    (:func:`thaw.profiles.features.rows_key`), as the Denied Persons List
    writes AL NASER AIRLINES at four addresses, three ways; the same words
    in another order, or the name without middle words at an address of
    the fuller name's, under one order ('IHSAN MEDHAT "SAMMY" ELASHI',
    "SAMMY (IHSAN MEDHAT) ELASHI", "IHSAN MEDHAT ELASHI"); made by
    :func:`thaw.profiles.linker.row_edges`, not by :func:`compare`, and as
    strong as a reference.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rapidfuzz.distance import JaroWinkler
from rapidfuzz.fuzz import ratio

from thaw.index.entry import IdNumber, name_entry
from thaw.match import DEFAULT_THRESHOLD, Query, score
from thaw.match.spelling import longer_by_syllables
from thaw.profiles.acronyms import acronym, full_names, legal_forms, own_acronyms
from thaw.profiles.features import (
    Features,
    NameF,
    analyze,
    confusable_countries,
    historic_country,
    namespace,
    skeleton,
)
from thaw.sources.common import country_code
from thaw.text import analyze_name
from thaw.text.translit import word_script

TOKEN_SIM = 0.9
"""Jaro-Winkler similarity at which two name tokens count as the same spelling."""

PERSON_MATCH_MIN = DEFAULT_THRESHOLD
"""The screening matcher must at least flag the pair (its own threshold)…"""

STRICT_MATCH_MIN = min(0.95, DEFAULT_THRESHOLD + 0.15)
"""…and score this much where the other evidence is weaker (birth year only,
organisations without identifiers)."""

REFERENCE_SIZE = 50_000
"""The corpus size rarity is measured against (about the number of listings of
all sources together)."""

COMMON_DF = 500
"""The least document frequency assumed for a token known as common (so that
Muhammad or Kim is not rare in a small store)."""

SCRIPT_LISTINGS = 1000
"""The fewest listings writing names in a script for the share of them that
hold a token to say how common it is (:func:`script_common`): one in a hundred
of them is ten listings at least. Of the official lists' 33,800 listings, 1,585
write a name in Arabic letters and 4,478 in Cyrillic; the other scripts, a few
dozen each, are left alone."""

RARE_NAME = 14.0
"""Summed inverse document frequency (natural log) above which a name is rare:
two tokens each held by fewer than about one listing in a thousand."""

DISTINCTIVE_ORG = 12.0
"""The same, for organisation names linked without an agreeing country."""

CONTACT_DF = 10
"""The most names (listings' captions, case and punctuation aside) under which
one web domain or street address may be published for it to be a party's own:
a party's listings write a few spellings of its name, however many listings
it has (the Denied Persons List gives "I. ASH" twenty times, at the same
addresses). A domain published under more names is a publisher's or a host's
(``treasury.gov`` in OFAC's remarks, ``interpol.int`` in the UN's), an address
a building's (1 Okhotny Ryad, the State Duma's, for 404 deputies): neither
says that two listings are one party."""

GENERIC_DF = 100
"""The fewest listings holding a word for it to say only what kind of
organisation a party is ("design", "bureau", "scientific"), as the words name
analysis knows as common do ("company", "institute", "research"): a name that
adds only such words to another's names the same party more fully
(``name_contact`` by a contained name, :func:`contained_org_name`)."""

RELATED_PARTY_WORDS = (
    "management",
    "branch",
    "subsidiary",
    "representative",
    "affiliate",
    "division",
    "leasing",
    "insurance",
    "capital",
    "finance",
    "investment",
    "international",
    "fund",
    "services",
    "partners",
)
"""Generic words by which a name names another party related to the one it
contains, never the same party more fully: "RVC Management Company" is not the
Russian Venture Company (RVC), "GPB International" not Gazprombank
(:func:`contained_org_name`). Compared as name analysis reads them
(:func:`related_party_tokens`: "fund" and "trust" as ``foundation``)."""


@cache
def related_party_tokens() -> frozenset[str]:
    """The comparison tokens of :data:`RELATED_PARTY_WORDS`."""
    return frozenset(
        t for word in RELATED_PARTY_WORDS for t in analyze(word, "alias", "Organization").tokens
    )


ID_KINDS_STRONG = frozenset(
    {
        "passport",
        "national_id",
        "tax_id",
        "registration",
        "imo",
        "lei",
        "swift",
        "crypto",
        "ssn",
        "aircraft_serial",
        "mmsi",
    }
)
"""Identifier kinds precise enough to establish identity on their own."""

NEUTRAL_THEMES = frozenset({"list-code", "export-control", "other"})
"""Programme themes that say nothing about the party (a list's own code, export
control in general): ignored when looking for conflicting regimes."""

RELATED_THEMES: tuple[frozenset[str], ...] = (
    frozenset({"taliban", "terrorism"}),
    frozenset({"proliferation", "dprk"}),
    frozenset({"proliferation", "iran"}),
    frozenset({"proliferation", "syria"}),
)
"""Regimes that list the same parties under different names, so that they never
conflict: the United States designates the Taliban of the UN's 1988 regime as
global terrorists (SDGT), and the weapons programmes the UN, the UK, the EU and
Australia sanction under their DPRK, Iran and Syria regimes as proliferators of
weapons of mass destruction (NPWMD)."""

OFFICIALS_THEMES = frozenset({"human-rights", "corruption"})
"""Thematic regimes aimed at officials of any state (the Magnitsky laws: US
GLOMAG, Canada's JVCFOR, the UK's Global Human Rights and Anti-Corruption
regimes): a person listed only under them conflicts with no country regime, as
the same official is often listed by another authority under their country's.
Not so for organisations, whose names recur from state to state (Syria's and
Cuba's Ministry of the Interior)."""

CONDUCT_THEMES = frozenset({"cyber", "election-interference"})
"""Thematic regimes aimed at conduct anywhere (malicious cyber activity,
interference in elections): a party listed only under them, person or
organisation, conflicts with no country regime, as another authority often lists
the same party under its country's (OFAC's INTERNET RESEARCH AGENCY LLC under
CYBER2 and ELECTION-EO13848, the UK's and Australia's under their Russia
regimes)."""

WIDE_REACH_THEMES = frozenset({"russia"})
"""Country regimes that also list the parties of other states that supply or
serve the target state: the Russia regimes of Canada, the UK, Australia and the
US list Iran's drone makers (Shahed Aviation Industries, Safiran Airport
Services), the DPRK's fuel traders and Wagner's companies in Africa (Al Solag
Mining, Lobaye Invest), which other authorities list under their Iran, DPRK,
Sudan or Central African regimes. A listing only under them conflicts with no
regime."""

WIDE_REACH_COMPANIONS = frozenset({"ukraine"})
"""Themes the programme catalogue gives a wide-reach regime's programmes
besides: the Russia programmes of Australia, Canada and the US are Russia *and*
Ukraine programmes, and a listing under them alone (Australia's Amir Ali
HAJIZADEH, commander of Iran's drone makers) is still listed only under a
wide-reach regime (:func:`wide_reach`)."""


def wide_reach(themes: Collection[str]) -> bool:
    """Whether a listing's regimes are only a wide-reach one
    (:data:`WIDE_REACH_THEMES`) and its companions."""
    held = set(themes)
    return bool(held & WIDE_REACH_THEMES) and held <= WIDE_REACH_THEMES | WIDE_REACH_COMPANIONS


THEMATIC_REGIMES = (
    NEUTRAL_THEMES
    | OFFICIALS_THEMES
    | CONDUCT_THEMES
    | frozenset(
        {
            "terrorism",
            "isil-al-qaida",
            "taliban",
            "narcotics",
            "proliferation",
            "transnational-crime",
            "chemical-weapons",
            "hostage-taking",
        }
    )
)
"""Regimes aimed at a kind of conduct or a movement rather than at one state:
the many listings under them share no government, so a shared one says little
about who a name is (:func:`country_regimes`)."""

KUNYA_WORDS = frozenset({"abu", "um"})
"""The first word of a kunya, as name analysis reads it (Arabic *Abu*, *Abou*,
"father of"; *Umm*, "mother of"): a kunya alone, this word and one name
("Abu Muhammad"), is what a great many are called after their eldest son, and
names no one (:func:`kunya_alone`)."""

NO_FAMILY_NAME_THEMES = frozenset({"myanmar"})
"""Country regimes whose people's names have no family name: a Burmese name is
a few one-syllable words, any of them shared by many ("Soe", "Win", "Aung"), so
that two of them are no rare name (:func:`burmese_pair`). A two-word Arabic name
of one-syllable words ("Maan JDIID", "Ghiath FAYAD") has a family name and is
not meant."""

REGIME_NAME = 11.0
"""Summed idf above which the very same name (two tokens at least, both ways)
links under a country regime both list it under, where birth dates cannot
decide (``name_regime``): a rare surname with a common given name, "Ali
MAMLUK", "Jamil HASSAN", as Canada's Syria and Iran schedules publish them
without a date or nationality."""

REGIME_TOKEN_DF = 100
"""A ``name_regime`` name must hold a token fewer listings than this hold (and
not known as common): the surname MAMLUK, not only Mohammed, Ali and Hassan."""

APPROX_YEARS = 6

SAME_DAY_YEARS = 10
"""The most years apart that two full dates on the very same day and month
(not 1 January) may be and still count as one date with a mistyped year
(``near``), beyond a digit wrong or two swapped: the same birthday is itself
the evidence, as in Australia's 1956-02-21 for Igor Olegovich KOSTYUKOV, born
1961-02-21 on the other lists, or its 1967-07-26 for Hossein AMJADIAN, OFAC's
1971-07-26. Such dates link only the very same rare name, both ways, under a
regime both list it under (:func:`compare`)."""
"""The most years apart that a birth year published alone (an estimate: OFAC's
"circa 1975") and another authority's date of birth may be, for the very same
rare name under a country regime both list it under (``name_regime``)."""

LATE_DUPLICATE = 5.0
"""The strength of a ``duplicate`` link between two listings under two regimes
with nothing but a name in common (:func:`under_two_regimes`): weaker than any
link across authorities, so that each of the two first joins its own party
elsewhere. Where the UN itself lists one person twice (Hassan Dahir AWEYS under
its Somalia and its Al-Qaida regimes), an authority's two copies then stay with
their own UN listing; otherwise the two join at the end."""

WEBSITE_BONUS = 2.0
"""Added to a ``name_contact`` link's strength where the two share a web domain
of their own, not only a street address: a domain is one party's, an address
a building's that several parties may give, so the same name and domain
outweigh the same name under the same regime (``name_country``). Australia's
Federal State of Novorossiya, which also gives the alias "Movement
Novorossiya of Igor Strelkov", joins the UK's Federal State of Novorossiya at
novorossiia.ru, not the UK's Movement, another party."""

PRIMARY_BONUS = 0.5
"""Added to an organisation's name link where the two primary names (the
names each authority lists the party under) agree, not only aliases: an alias
may be another party's. OFAC's Revival of Islamic Heritage Society gives the
Afghan Support Committee's names, which the UN lists apart, and Australia's
Mehr Bank the names of Gharzolhasaneh Mehr Iran Bank, which OFAC lists apart:
each joins the listing of its own primary name first."""

REGIME_BONUS = 1.0
"""Added, times the share of their regimes two persons' listings have in
common (shared over held, neutral themes aside: :func:`regime_share`), to
a ``name_dob`` link's strength: where one person is listed twice under two
regimes, each listing of another authority joins the twin of its own
regime first. The UN lists Hassan Dahir AWEYS under its Somalia and its
Al-Qaida regimes, and so do Australia and OFAC; OFAC's SDGT listing joins
the UN's Al-Qaida listing, and its SOMALIA listing the UN's Somalia one,
rather than each the other (two UN listings never share a profile). As
large as a spelling's bonus (:func:`_fine`), which would otherwise decide."""

STRENGTH = {
    "analyst": 100.0,
    "duplicate": 25.0,
    "un_reference": 60.0,
    "reference": 55.0,
    "listed_rows": 52.0,
    "shared_reference": 50.0,
    "identifier": 30.0,
    "name_dob": 20.0,
    "name_contact": 16.0,
    "name_country": 15.0,
    "name_distinctive": 12.0,
    "name_context": 10.0,
    "name_subset": 9.0,
    "name_regime": 8.0,
    "listed_twice": 7.0,
}
"""Base strength of each kind of evidence; edges are applied strongest first."""


@dataclass(slots=True)
class Edge:
    """Identity evidence between two listings (keys ``a`` < ``b``)."""

    a: str
    b: str
    kind: str
    strength: float
    evidence: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> str:
        """A one-line human-readable account of the evidence."""
        ev = self.evidence
        parts = [self.kind]
        if "names" in ev:
            parts.append(
                f"names {ev['names'][0]!r} ~ {ev['names'][1]!r} ({ev.get('name_level')}"
                + (f", matcher {ev['matcher']:.2f}" if "matcher" in ev else "")
                + ")"
            )
        if "ids" in ev:
            parts.append("ids " + ", ".join(f"{k} {n}" for k, n in ev["ids"]))
        if "dob" in ev:
            parts.append(f"birth date {ev['dob']}")
        if "nationality" in ev:
            parts.append(f"nationality {ev['nationality']}")
        if "country" in ev:
            parts.append(f"country {ev['country']}")
        if "regimes" in ev:
            parts.append("regime " + ", ".join(ev["regimes"]))
        if "websites" in ev:
            parts.append("website " + ", ".join(ev["websites"]))
        if "addresses" in ev:
            parts.append("address " + ", ".join(ev["addresses"]))
        if ev.get("primary"):
            parts.append("primary names agree")
        if "ref" in ev:
            parts.append(f"reference {ev['ref']}")
        if "order" in ev:
            parts.append(f"rows of one listing, order {ev['order']}")
        if "why" in ev:
            parts.append(f"{ev.get('who', '?')}: {ev['why']}")
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class NameMatch:
    """The best agreement between the names of two listings."""

    level: str  # "exact", "full" (all tokens of the shorter aligned), "partial", "none"
    a: str = ""
    b: str = ""
    aligned: int = 0
    rarity: float = 0.0
    both_ways: bool = False


class Context:
    """Corpus statistics the rules need: token rarity and identifier uniqueness.

    ``df`` counts, per token, the listings whose strong names hold it; ``n`` is
    the number of listings (for information: rarity is measured against
    :data:`REFERENCE_SIZE`); ``ambiguous_ids`` holds ``(kind, number)`` pairs
    that more than one listing of the same list carries (shared by relatives,
    branches or mistakes: no identity evidence); ``common`` the tokens name
    analysis knows as common, counted as held by at least :data:`COMMON_DF`
    listings; ``shared_contacts`` the web domains and street addresses published
    under more than :data:`CONTACT_DF` names (a publisher's or a building's, no
    party's own).
    """

    def __init__(
        self,
        df: Mapping[str, int],
        n: int,
        ambiguous_ids: Iterable[tuple[str, str]] = (),
        common: Iterable[str] = (),
        matcher: Callable[[str, str, str | None], float] | None = None,
        shared_contacts: Iterable[str] = (),
        name_df: Mapping[tuple[str, ...], int] | None = None,
    ) -> None:
        self.df = df
        self.name_df = name_df or {}
        self.n = max(n, 1)
        self.ambiguous_ids = frozenset(ambiguous_ids)
        self.common = frozenset(common)
        self.matcher = matcher
        self.shared_contacts = frozenset(shared_contacts)

    def name_score(self, query: str, name: str, schema: str | None) -> float:
        """The screening matcher's score of name ``query`` against a listing
        holding only ``name``."""
        if self.matcher is not None:
            return self.matcher(query, name, schema)
        entry = name_entry(name, schema)
        return score(Query(query, schema), entry).score

    def idf(self, token: str) -> float:
        """Inverse document frequency of a token against a fixed corpus size
        (:data:`REFERENCE_SIZE`), so that a token's rarity moves only when its own
        count moves (an incremental refresh relies on it); unseen tokens count as
        seen once."""
        df = self.df.get(token, 1)
        if token in self.common:
            df = max(df, COMMON_DF)
        return math.log(REFERENCE_SIZE / max(df, 1))

    def rarity(self, tokens: Iterable[str]) -> float:
        """Summed idf of distinct tokens, summed exactly (:func:`math.fsum`): a
        plain sum over the set would round in the set's order, which changes
        with the process's string hashing, and a link's strength (and which of
        two equal names a comparison keeps) would then differ in its last bit
        between a build and a refresh that reads edges stored by another
        process."""
        return math.fsum(self.idf(t) for t in set(tokens))

    def name_idf(self, bag: tuple[str, ...]) -> float:
        """The idf of a whole organisation name (its sorted tokens) among the
        organisations' names, as :meth:`idf` of a token; 0 for a name of a
        common word ("Bank") or one that a list gives two of its listings
        (Australia's Sberbank and a Sberbank subsidiary). "Gazprom" is a word
        of many subsidiaries' names (Gazprom Neft, Gazprom Export) and the
        whole name of one party."""
        if not bag or any(t in self.common for t in bag):
            return 0.0
        return math.log(REFERENCE_SIZE / max(self.name_df.get(bag, 1), 1))


@dataclass(frozen=True, slots=True)
class Stats:
    """Corpus statistics gathered from all listings (see :class:`Context`)."""

    df: dict[str, int]
    n: int
    ambiguous_ids: frozenset[tuple[str, str]]
    common: frozenset[str] = frozenset()
    shared_contacts: frozenset[str] = frozenset()
    name_df: dict[tuple[str, ...], int] = field(default_factory=dict)

    def context(self) -> Context:
        """A :class:`Context` over these statistics."""
        return Context(
            self.df,
            self.n,
            self.ambiguous_ids,
            common=self.common,
            shared_contacts=self.shared_contacts,
            name_df=self.name_df,
        )


def corpus_stats(listings: Iterable[Features]) -> Stats:
    """Token document frequencies, common tokens, ambiguous identifiers and
    shared contacts (web domains and street addresses published under more
    than :data:`CONTACT_DF` names) over ``listings``.

    Common are the tokens name analysis knows as common (Latin spellings:
    Muhammad, Ali, Ivanov) and, for the names the lists write in another
    script, the tokens :func:`script_common` finds frequent among them: few
    listings publish a name in Arabic letters, so that محمد (``mhmd``), which a
    fifth of them hold, would otherwise look as rare as a rare surname."""
    df: dict[str, int] = {}
    by_script: dict[str, dict[str, int]] = {}
    writers: dict[str, int] = {}
    latin: set[str] = set()
    owners: dict[tuple[str, str, str], int] = {}
    common: set[str] = set()
    contacts: dict[str, set[str]] = {}
    name_df: dict[tuple[str, ...], int] = {}
    name_lists: set[tuple[tuple[str, ...], str]] = set()
    repeated: set[tuple[str, ...]] = set()
    n = 0
    for f in listings:
        n += 1
        if f.group == "org":
            where = namespace(f.source, f.source_id)
            for bag in {nm.bag for nm in f.strong_names()}:
                name_df[bag] = name_df.get(bag, 0) + 1
                if (bag, where) in name_lists:
                    repeated.add(bag)
                name_lists.add((bag, where))
        for contact in {*f.websites, *f.addresses}:
            contacts.setdefault(contact, set()).add(_literal(f.caption))
        for t in f.tokens():
            df[t] = df.get(t, 0) + 1
        scripts: dict[str, set[str]] = {}
        for name in f.strong_names():
            script = word_script(name.original)
            if script == "Latin":
                latin.update(name.tokens)
            else:
                scripts.setdefault(script, set()).update(name.tokens)
        for script, tokens in scripts.items():
            writers[script] = writers.get(script, 0) + 1
            counts = by_script.setdefault(script, {})
            for t in tokens:
                counts[t] = counts.get(t, 0) + 1
        common.update(f.common_tokens())
        for ident in {(i.kind, i.number) for i in f.identifiers}:
            k = (namespace(f.source, f.source_id), *ident)
            owners[k] = owners.get(k, 0) + 1
    ambiguous = frozenset((kind, num) for (_s, kind, num), c in owners.items() if c > 1)
    common.update(script_common(by_script, writers, latin))
    shared = frozenset(c for c, names in contacts.items() if len(names) > CONTACT_DF)
    # a whole name that one list gives two parties is no one party's
    name_df.update(dict.fromkeys(repeated, REFERENCE_SIZE))
    return Stats(df, n, ambiguous, frozenset(common), shared, name_df)


def script_common(
    by_script: Mapping[str, Mapping[str, int]],
    writers: Mapping[str, int],
    latin: Collection[str],
) -> set[str]:
    """The tokens of names written in a script other than Latin, and in no
    Latin name, that at least the share of the listings writing that script
    that :data:`COMMON_DF` is of :data:`REFERENCE_SIZE` hold (``by_script[script]
    [token]`` of the ``writers[script]`` listings): common as a token of the
    name analysis's list of common names is, whatever few listings write the
    script. Tokens also written in Latin names are counted there; scripts fewer
    than :data:`SCRIPT_LISTINGS` listings write are left alone (a share of a
    handful says nothing)."""
    out: set[str] = set()
    for script, counts in by_script.items():
        total = writers[script]
        if total < SCRIPT_LISTINGS:
            continue
        least = total * COMMON_DF / REFERENCE_SIZE
        out.update(t for t, c in counts.items() if c >= least and t not in latin)
    return out


# -- the pieces of evidence ------------------------------------------------------------


def compare_dates(a: Iterable[str], b: Iterable[str]) -> str:
    """``day``, ``month``, ``year`` (the finest precision at which a pair of dates
    agrees), ``none`` (a side has no date), ``slip`` (two full dates of the same
    year that differ as a published slip makes them differ: day and month swapped,
    1957-11-07 and 1957-07-11, or only the day or only the month differs,
    1987-10-19 and 1987-09-19), ``near`` (years at most one apart, or the same
    day and month in a mistyped year, nothing agrees), ``approx`` (a year
    alone on one side, at most :data:`APPROX_YEARS` from a date of the other)
    or ``conflict``. A 1 January date agrees only as a year (it is the customary
    placeholder for an unknown day)."""
    a, b = list(a), list(b)
    if not a or not b:
        return "none"
    best = 0
    near = slip = approx = False
    for x in a:
        for y in b:
            p = min(len(x), len(y))
            if x[:p] == y[:p]:
                if p >= 10 and x[4:10] == "-01-01":
                    p = 4
                best = max(best, p)
            elif _slip(x, y):
                slip = True
            elif ((gap := _gap(x, y)) is not None and gap <= 1) or _year_slip(x, y):
                near = True
            elif gap is not None and gap <= APPROX_YEARS and (_year_only(x) or _year_only(y)):
                approx = True
    if best >= 10:
        return "day"
    if best >= 7:
        return "month"
    if best >= 4:
        return "year"
    if slip:
        return "slip"
    return "near" if near else "approx" if approx else "conflict"


def _year_only(date: str) -> bool:
    """Whether a date gives a year alone (or 1 January, its customary placeholder)."""
    return len(date) == 4 or date[4:] == "-01-01"


def _gap(x: str, y: str) -> int | None:
    """The number of years between two dates (``None`` if one has no year)."""
    yx, yy = _year(x), _year(y)
    return None if yx is None or yy is None else abs(yx - yy)


def _year_slip(x: str, y: str) -> bool:
    """Whether two full dates give the same day and month (not 1 January, the
    customary placeholder) in years that a slip explains: one digit wrong (1957
    and 1967, 1960 and 1980), two neighbours swapped (1967 and 1976), or years at
    most :data:`SAME_DAY_YEARS` apart (1956 and 1961)."""
    if len(x) < 10 or len(y) < 10 or x[4:10] != y[4:10] or x[4:10] == "-01-01":
        return False
    gap = _gap(x, y)
    if gap is not None and gap <= SAME_DAY_YEARS:
        return True
    wrong = [i for i in range(4) if x[i] != y[i]]
    return len(wrong) == 1 or (
        len(wrong) == 2
        and wrong[1] == wrong[0] + 1
        and x[wrong[0]] == y[wrong[1]]
        and x[wrong[1]] == y[wrong[0]]
    )


def _slip(x: str, y: str) -> bool:
    """Whether two different full dates (YYYY-MM-DD) of one year differ only as
    a slip would: day and month swapped, or one of them differs."""
    if len(x) < 10 or len(y) < 10 or x[:4] != y[:4]:
        return False
    (mx, dx), (my, dy) = (x[5:7], x[8:10]), (y[5:7], y[8:10])
    return (mx, dx) == (dy, my) or mx == my or dx == dy


def _year(value: str) -> int | None:
    return int(value[:4]) if value[:4].isdigit() else None


def compare_countries(a: frozenset[str], b: frozenset[str]) -> str:
    """``agree`` (a shared code), ``unknown`` (a side has none) or ``conflict``
    (disjoint; dissolved states such as the USSR never conflict)."""
    if not a or not b:
        return "unknown"
    if a & b:
        return "agree"
    if any(historic_country(c) for c in a | b) or confusable_countries(a, b):
        return "unknown"
    return "conflict"


DISPUTED_PLACES: tuple[frozenset[str], ...] = (
    frozenset({"ru", "ua"}),
    frozenset({"cn", "hk"}),
    frozenset({"cn", "mo"}),
)
"""Countries that lists place one party in alike: a company of Crimea is in
Ukraine for the UK and in Russia for Australia (the Russian National
Commercial Bank), and so are its officials' nationalities; a Hong Kong or
Macau company is in China for some (Leader (Hong Kong) International: China
for Australia, Hong Kong for the UN)."""


def places_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sets of countries (two profiles' organisation listings',
    or two listings' nationalities) place the party in countries of which none
    is shared (:func:`compare_countries`), other than
    :data:`DISPUTED_PLACES`: the Bosnian branch of Al-Haramain Islamic
    Foundation and OFAC's Saudi head office, which its consolidated copy
    places in Saudi Arabia, are two parties, however the names agree."""
    if compare_countries(a, b) != "conflict":
        return False
    return not any(a & pair and b & pair for pair in DISPUTED_PLACES)


def _id_ok(ident: IdNumber) -> bool:
    digits = sum(ch.isdigit() for ch in ident.number)
    if ident.kind == "imo":
        return len(ident.number) == 7
    if ident.kind in ("crypto", "swift", "lei"):
        return len(ident.number) >= 8
    return len(ident.number) >= 5 and digits >= 4


def shared_ids(a: Features, b: Features, ctx: Context) -> list[tuple[str, str]]:
    """Identifiers the two listings share: same kind (or, for long numbers, any
    kind), same number, compatible issuing country, unique within each list."""
    out: list[tuple[str, str]] = []
    for x in a.identifiers:
        if not _id_ok(x) or (x.kind, x.number) in ctx.ambiguous_ids:
            continue
        for y in b.identifiers:
            if x.number != y.number or (y.kind, y.number) in ctx.ambiguous_ids:
                continue
            if x.country and y.country and x.country != y.country:
                continue
            same_kind = x.kind == y.kind and x.kind in ID_KINDS_STRONG
            cross_kind = (
                x.kind != y.kind
                and len(x.number) >= 8
                and {x.kind, y.kind} <= (ID_KINDS_STRONG | {"other"})
                and "imo" not in (x.kind, y.kind)
            )
            if same_kind or cross_kind:
                pair = (x.kind if same_kind else f"{x.kind}/{y.kind}", x.number)
                if pair not in out:
                    out.append(pair)
    return out


def _align(short: tuple[str, ...], long: tuple[str, ...], need_all: bool = False) -> int:
    """Greedy one-to-one alignment of the tokens of ``short`` onto ``long``: the
    number of tokens equal or similar at :data:`TOKEN_SIM` or better. With
    ``need_all``, stops (returning -1) at the first token that does not align."""
    left = list(long)
    unmatched: list[str] = []
    for t in short:
        if t in left:
            left.remove(t)
        else:
            unmatched.append(t)
    aligned = len(short) - len(unmatched)
    for t in unmatched:
        best, best_j = 0.0, -1
        if len(t) > 1:
            for j, u in enumerate(left):
                if len(u) > 1:
                    sim = JaroWinkler.similarity(t, u)
                    if sim > best:
                        best, best_j = sim, j
        if best >= TOKEN_SIM:
            del left[best_j]
            aligned += 1
        elif need_all:
            return -1
    return aligned


_LEVELS = {"exact": 3, "full": 2, "partial": 1, "none": 0}


def compare_names(a: Features, b: Features, ctx: Context, need_full: bool = False) -> NameMatch:
    """The best name agreement over the strong names of both listings. With
    ``need_full``, only ``exact`` and ``full`` agreement is looked for (faster).

    Of pairs that agree alike (the same level, as rare), one spelt the same
    as written (:func:`spelt_alike`) is the better: Canada's "Sberbank of
    Russia" is OFAC's alias "SBERBANK OF RUSSIA" of the parent bank as
    written, and its Ukrainian subsidiary's "JSC SBERBANK OF RUSSIA" only
    after the legal form is set aside, so that the link to the parent is the
    stronger (:func:`_fine`), not the one whose key sorts first."""
    best = NameMatch("none")
    best_key: tuple[int, bool, float] = (-1, False, 0.0)
    org = a.group != "person"
    for x in a.strong_names():
        for y in b.strong_names():
            m = _name_pair(x, y, ctx, org, need_full)
            if m.level == "none":
                continue
            # (a person's name links only by two aligned tokens or more: the
            # two words of Persian ولی جان, not the one of WALIJAN, however rarer)
            key = (_LEVELS[m.level] * 10 + int(m.both_ways), not org and m.aligned >= 2, m.rarity)
            if key > best_key or (key == best_key and spelt_alike(m) and not spelt_alike(best)):
                best, best_key = m, key
    return best


def spelt_alike(name: NameMatch) -> bool:
    """Whether the two names of a match are written the same (letters and
    digits, case folded), not only equal after name analysis."""
    return bool(name.a) and _literal(name.a) == _literal(name.b)


_NONE = NameMatch("none")


def _similar_compact(x: NameF, y: NameF) -> bool:
    la, lb = len(x.compact), len(y.compact)
    if min(la, lb) < 8 or abs(la - lb) > 0.12 * max(la, lb):
        return False
    return bool(ratio(x.compact, y.compact) >= 94)


def _name_pair(x: NameF, y: NameF, ctx: Context, org: bool, need_full: bool) -> NameMatch:
    xt, yt = x.tokens, y.tokens
    if org and x.compact == y.compact and len(x.compact) >= 4:
        return NameMatch("exact", x.original, y.original, max(len(xt), 1), ctx.rarity(xt), True)
    if x.bag == y.bag or (org and same_kind_words(x.bag, y.bag)):
        return NameMatch("exact", x.original, y.original, len(xt), ctx.rarity(xt), True)
    short, long = (xt, yt) if len(xt) <= len(yt) else (yt, xt)
    if need_full and org and len(short) != len(long):
        # organisations need the whole name both ways: only a spelling variant of
        # the compact form can still agree
        if _similar_compact(x, y):
            return NameMatch("full", x.original, y.original, len(short), ctx.rarity(short), True)
        return _NONE
    aligned = _align(short, long, need_all=need_full)
    if aligned == len(short):
        return NameMatch(
            "full", x.original, y.original, aligned, ctx.rarity(short), len(short) == len(long)
        )
    if org and _similar_compact(x, y):
        return NameMatch("full", x.original, y.original, max(aligned, 1), ctx.rarity(short), True)
    if aligned <= 0:
        return _NONE
    return NameMatch("partial", x.original, y.original, aligned, ctx.rarity(short), False)


SAME_KIND_WORDS = {"corporation": "company"}
"""Generic words of organisation names that say the same thing, by the one
they are read as: a corporation is a company, whatever a translation of the
same name calls it (the UN's and Australia's HESONG TRADING COMPANY, the UK's
and OFAC's HESONG TRADING CORPORATION). Other generic words stay apart: a
group is not a company."""


def same_kind_words(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Whether two organisation names' token bags are equal once the words of
    :data:`SAME_KIND_WORDS` are read as the one they stand for."""
    if len(x) != len(y) or not any(t in SAME_KIND_WORDS for t in (*x, *y)):
        return False
    return sorted(SAME_KIND_WORDS.get(t, t) for t in x) == sorted(
        SAME_KIND_WORDS.get(t, t) for t in y
    )


def compatible_schemata(a: Features, b: Features) -> bool:
    """Person only with person; vessel with vessel, aircraft with aircraft;
    a generic legal entity with any non-person."""
    ga, gb = a.group, b.group
    if ga == gb:
        return True
    if "person" in (ga, gb):
        return False
    return "LegalEntity" in (a.schema, b.schema)


# -- the decision ----------------------------------------------------------------------


def shared_day(a: Features, b: Features) -> bool:
    """Whether both listings publish one and the same full birth date."""
    return any(len(d) == 10 for d in set(a.birth_dates) & set(b.birth_dates))


def shared_days(a: Features, b: Features) -> int:
    """How many full birth dates (not 1 January, the customary placeholder)
    both listings publish: two of them are a fingerprint no namesake shares,
    which outweighs nationalities the lists disagree on (Khalid Shaikh
    MOHAMMED, born 1964-03-01 or 1964-04-14, Pakistani for the UK, Kuwaiti for
    Australia)."""
    return sum(
        1 for d in set(a.birth_dates) & set(b.birth_dates) if len(d) == 10 and d[4:] != "-01-01"
    )


def under_two_regimes(a: Features, b: Features) -> bool:
    """Whether two listings of one authority publish the same primary name
    under programmes of which they share none: Canada's Nicolás MADURO MOROS
    under its Venezuela regulations and again under JVCFOR, Australia's
    Al-Shabaab under its terrorism listings and under the UN's Somalia regime.
    The same name is the same as written (letters and digits, case folded) or,
    for a person's name of three tokens or more, the same after name analysis
    (Mikhail Sergeevich and Mikhail Sergeyevich SHEREMET)."""
    if not a.programs or not b.programs or set(a.programs) & set(b.programs):
        return False
    literal = _literal(a.caption)
    if literal and literal == _literal(b.caption):
        return True
    if a.group != "person" or b.group != "person":
        return False
    x, y = _primary(a), _primary(b)
    return x is not None and y is not None and len(x.bag) >= 3 and x.bag == y.bag


def _primary(f: Features) -> NameF | None:
    """The analysed form of a listing's primary name (its caption)."""
    return next((n for n in f.strong_names() if n.original == f.caption), None)


def compare_duplicate(a: Features, b: Features, ctx: Context) -> Edge | None:
    """Two listings of one authority that are one party (``duplicate`` in the
    module docs), or ``None``."""
    if a.group != b.group or a.group not in ("person", "org"):
        return None
    if a.key > b.key:
        a, b = b, a
    if under_two_regimes(a, b) and set(a.birth_dates) == set(b.birth_dates):
        by_regimes = _duplicate_by_regimes(a, b, ctx)
        if by_regimes is not None or a.group != "person":
            return by_regimes
    if a.group != "person":
        return _duplicate_by_names(a, b, ctx)
    return _duplicate_by_day(a, b, ctx) or listed_twice(a, b, ctx)


def _duplicate_by_day(a: Features, b: Features, ctx: Context) -> Edge | None:
    """``duplicate`` for two persons of one authority with the same full birth
    dates and agreeing names (the module docs)."""
    # the same full dates on both sides (one side publishing another full date
    # is not the same record), and no year or month of either that disagrees
    days = {d for d in a.birth_dates if len(d) == 10}
    if not days or days != {d for d in b.birth_dates if len(d) == 10}:
        return None
    if compare_dates(a.birth_dates, b.birth_dates) != "day":
        return None
    if a.gender and b.gender and a.gender != b.gender:
        return None
    name = compare_names(a, b, ctx, need_full=True)
    if name.level not in ("exact", "full") or not name.both_ways or name.aligned < 2:
        return None
    # (nationalities of Crimea's officials: Ukrainian in the UK's Russia
    # listing of Sergei MENYAILO, Russian in its chemical weapons listing)
    if places_conflict(a.nationalities, b.nationalities):
        return None
    nat = compare_countries(a.nationalities, b.nationalities)
    ev: dict[str, Any] = {
        "names": [name.a, name.b],
        "name_level": name.level,
        "rarity": round(name.rarity, 1),
        "dob": "day",
        "nationality": nat,
    }
    matcher = _confirm(a, b, name, ctx)
    if matcher is not None:
        ev["matcher"] = round(matcher, 3)
        if matcher < PERSON_MATCH_MIN:
            return None
    return Edge(a.key, b.key, "duplicate", STRENGTH["duplicate"] + _fine(name), ev)


def _duplicate_by_regimes(a: Features, b: Features, ctx: Context) -> Edge | None:
    """``duplicate`` for two listings :func:`under_two_regimes` with the same
    birth dates (or none): a person's name must be rare (at least two tokens;
    :data:`REGIME_NAME` where both publish the same birth dates, not
    :data:`RARE_NAME`) with no gender or nationality that disagrees; an
    organisation's countries must agree."""
    primary = _primary(a)
    if primary is None:
        return None
    tokens = primary.tokens
    rarity = ctx.rarity(tokens)
    ev: dict[str, Any] = {
        "names": [a.caption, b.caption],
        "name_level": "exact",
        "rarity": round(rarity, 1),
        "programs": [list(a.programs), list(b.programs)],
    }
    if a.group == "person":
        if a.gender and b.gender and a.gender != b.gender:
            return None
        nat = compare_countries(a.nationalities, b.nationalities)
        # (the same birth dates, published for both, say part of what a rare
        # name would: Canada's Saeed MORTAZAVI, born 1967, under its Iran
        # regulations and again under JVCFOR)
        least = REGIME_NAME if a.birth_dates else RARE_NAME
        if nat == "conflict" or len(tokens) < 2 or rarity < least:
            return None
        ev["nationality"] = nat
        if a.birth_dates:
            ev["dob"] = "same"
    else:
        # organisations' names recur (the DPRK's and another state's Ministry of
        # State Security): both listings must place the party in one country
        country = compare_countries(a.countries, b.countries)
        if country != "agree":
            return None
        ev["country"] = country
    return Edge(a.key, b.key, "duplicate", LATE_DUPLICATE + min(rarity, 30.0) / 100.0, ev)


def twice_names(a: Features, b: Features) -> tuple[NameF, NameF] | None:
    """The names by which two persons of one authority may be one person that
    it lists twice (:func:`listed_twice`): ``(x, y)``, a strong name of each
    with the same tokens (two at least, not a Burmese name of two one-syllable
    words), or, where one of the two publishes no birth date, its name
    ``x`` of two tokens or more whose every token is a token of the other's
    longer name ``y`` (Canada's "Valery RASHKIN" and its "Valery Fyodorovich
    RASHKIN"); ``None`` if there are none."""
    if a.group != "person" or b.group != "person":
        return None
    if (set(a.regimes) | set(b.regimes)) & NO_FAMILY_NAME_THEMES:
        return None
    names_b = [y for y in b.strong_names() if _latin(y)]
    for x in a.strong_names():
        if len(x.bag) < 2 or not _latin(x):
            continue
        for y in names_b:
            if x.bag == y.bag or vowel_variants(x.bag, y.bag):
                return x, y
    for short, long in ((a, b), (b, a)):
        primary = _primary(short)
        if short.birth_dates or primary is None or len(primary.tokens) < 2 or not _latin(primary):
            continue
        for y in long.strong_names():
            if len(y.tokens) > len(primary.tokens) and _latin(y):
                if _within(primary.tokens, y.tokens):
                    return (primary, y) if short is a else (y, primary)
    return None


def vowel_variants(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Whether two names of as many tokens are one name spelt two ways that
    differ only in their vowels, word for word (the same consonants,
    :func:`~thaw.profiles.features.skeleton`, and each pair of words
    :data:`TOKEN_SIM` alike): the UK's "Pavel Anatolevich POPOV" under its
    Russia regime and its "Pavel Anatolievich POPOV" under its chemical
    weapons regime (:func:`twice_names`)."""
    if len(x) != len(y) or x == y:
        return False
    xs, ys = sorted(x, key=skeleton), sorted(y, key=skeleton)
    return all(
        skeleton(t) == skeleton(u) and (t == u or JaroWinkler.similarity(t, u) >= TOKEN_SIM)
        for t, u in zip(xs, ys, strict=True)
    )


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether every token of ``short`` is a token of ``long``, word for word."""
    left = list(long)
    for t in short:
        if t not in left:
            return False
        left.remove(t)
    return True


def listed_twice(a: Features, b: Features, ctx: Context) -> Edge | None:
    """``listed_twice``: two persons of one authority, not the UN, that the
    authority published apart, at different times or under different regimes,
    without the same full birth date (:func:`_duplicate_by_day`) to say they
    are one: a rare name (:data:`RARE_NAME`) by :func:`twice_names`, the same
    one or, without a date, a shorter primary name, and no gender, nationality
    or birth date that disagrees (two full dates of one year, or a year apart,
    are the authority's own account of two persons; a year alone a few years
    from the other's date may be one of the person's alternatives, which
    another authority's listing then gives). The UK's Mohammad Reza NAQDI,
    born 1952 under its Iran regime and 1949-02-11 under its nuclear one,
    both dates the UN gives; its Loubana MOUCHAWEH and Lubana MUSHAWEH, both
    "MSHAWEH", both born 1955 under its Syria regime; Canada's "Valery
    RASHKIN" (2014) and "Valery Fyodorovich RASHKIN" (2022), neither with a
    date. The linker applies it last, and only where the listing that
    publishes less (``evidence["short"]``) points to one party whose birth
    dates agree with its own (:data:`thaw.profiles.linker.ONE_PARTY_KINDS`):
    a second listing of one authority joins the party the first joined; a
    short name that two persons of the list hold (a father and his son)
    joins neither."""
    if a.gender and b.gender and a.gender != b.gender:
        return None
    if places_conflict(a.nationalities, b.nationalities):
        return None
    dob = compare_dates(a.birth_dates, b.birth_dates)
    if dob in ("conflict", "slip", "near"):
        # (two full dates of one year, or a year apart, are an authority's
        # own account of two persons: OFAC's two Rouhollah BAZGHANDI)
        return None
    pair = twice_names(a, b)
    if pair is None:
        return None
    x, y = pair
    short = x if len(x.tokens) <= len(y.tokens) else y
    rarity = ctx.rarity(short.tokens)
    if rarity < RARE_NAME:
        return None
    # the listing that publishes less: no date, the coarser date, the shorter name
    holder = min(
        (a, b),
        key=lambda f: (max(map(len, f.birth_dates), default=0), len(_primary_tokens(f)), f.key),
    )
    dates = "none" if dob == "none" else "agree" if dob in ("day", "month", "year") else "apart"
    ev: dict[str, Any] = {
        "names": [x.original, y.original],
        "name_level": "exact"
        if x.bag == y.bag
        else "spelling"
        if len(x.tokens) == len(y.tokens)
        else "subset",
        "rarity": round(rarity, 1),
        "dob": dob,
        "dates": dates,
        "nationality": compare_countries(a.nationalities, b.nationalities),
        "short": holder.key,
    }
    return Edge(
        a.key, b.key, "listed_twice", STRENGTH["listed_twice"] + min(rarity, 30.0) / 100.0, ev
    )


def _primary_tokens(f: Features) -> tuple[str, ...]:
    """The tokens of a listing's primary name (none if it has none)."""
    primary = _primary(f)
    return primary.tokens if primary is not None else ()


SAME_NAMES = 3
"""The fewest names two organisations of one list must have in common, every
name of one being a name of the other, to be one party listed twice
(:func:`same_names`): two listings of one list that share a name or two may
be a party and its branch, or two branches."""


def same_names(a: Features, b: Features) -> bool:
    """Whether every strong name of one organisation (token for token) is a
    name of the other, :data:`SAME_NAMES` of them at least."""
    if a.group != "org" or b.group != "org":
        return False
    bags_a = {n.bag for n in a.strong_names()}
    bags_b = {n.bag for n in b.strong_names()}
    return min(len(bags_a), len(bags_b)) >= SAME_NAMES and (bags_a <= bags_b or bags_b <= bags_a)


def _duplicate_by_names(a: Features, b: Features, ctx: Context) -> Edge | None:
    """``duplicate`` for two organisations of one list with the same names
    (:func:`same_names`) that both place in one country; as weak as a
    duplicate under two regimes (:data:`LATE_DUPLICATE`)."""
    if namespace(a.source, a.source_id) != namespace(b.source, b.source_id):
        return None
    if not same_names(a, b) or compare_countries(a.countries, b.countries) != "agree":
        return None
    shared = {n.bag for n in a.strong_names()} & {n.bag for n in b.strong_names()}
    rarity = max(ctx.rarity(bag) for bag in shared)
    ev: dict[str, Any] = {
        "names": [a.caption, b.caption],
        "name_level": "exact",
        "rarity": round(rarity, 1),
        "shared_names": len(shared),
        "country": "agree",
    }
    return Edge(a.key, b.key, "duplicate", LATE_DUPLICATE + min(rarity, 30.0) / 100.0, ev)


#: The birth dates that link only the very same rare name (see :func:`compare`),
#: as a link's evidence words them.
_LOOSE_DATES: dict[str, str] = {
    "slip": "year (the day or the month differs, or they are swapped)",
    "near": "years one apart, or a mistyped year",
}


def compare(a: Features, b: Features, ctx: Context) -> Edge | None:
    """Identity evidence between listings ``a`` and ``b``, or ``None`` where it
    does not reach the bar (see the module docs): two listings of one authority
    are compared by :func:`compare_duplicate` alone."""
    if a.source == b.source:
        return compare_duplicate(a, b, ctx)
    if not compatible_schemata(a, b):
        return None
    if a.key > b.key:
        a, b = b, a
    person = a.group == "person" and b.group == "person"
    if person and a.gender and b.gender and a.gender != b.gender:
        return None
    dob = compare_dates(a.birth_dates, b.birth_dates) if person else "none"
    if dob == "conflict":
        return None
    ids = shared_ids(a, b, ctx)
    name = compare_names(a, b, ctx, need_full=not ids)
    ev: dict[str, Any] = {}
    if name.level != "none":
        ev["names"] = [name.a, name.b]
        ev["name_level"] = name.level
        ev["rarity"] = round(name.rarity, 1)
    if dob != "none":
        ev["dob"] = dob

    if ids:
        ev["ids"] = ids
        vessel_like = a.group in ("vessel", "aircraft") or b.group in ("vessel", "aircraft")
        strong_kind = any(k in ("imo", "lei", "registration", "tax_id", "swift") for k, _ in ids)
        if name.level != "none" or (vessel_like and strong_kind) or (not person and strong_kind):
            bonus = 2.0 if name.level in ("exact", "full") else 0.0
            return Edge(a.key, b.key, "identifier", STRENGTH["identifier"] + bonus + len(ids), ev)

    if not person and not (name.level in ("exact", "full") and name.both_ways):
        contained = _contained_contact_edge(a, b, ctx)
        if contained is not None:
            return contained
    if name.level not in ("exact", "full"):
        return None
    if a.group in ("vessel", "aircraft") or b.group in ("vessel", "aircraft"):
        return None  # vessel and aircraft names are re-used; only identifiers link them
    if not person and coincident_acronym(a, b, name, ctx):
        return None

    shared_regimes = sorted(set(a.regimes) & set(b.regimes))
    if shared_regimes:
        ev["regimes"] = shared_regimes
    ra, rb = set(a.regimes) - NEUTRAL_THEMES, set(b.regimes) - NEUTRAL_THEMES
    # a side listed only under a thematic regime (Magnitsky laws for persons,
    # cyber or election interference for anyone) cannot share a country regime
    thematic = bool(ra and rb) and (
        (person and (ra <= OFFICIALS_THEMES or rb <= OFFICIALS_THEMES))
        or ra <= CONDUCT_THEMES
        or rb <= CONDUCT_THEMES
    )
    related = sorted(
        {t for pair in RELATED_THEMES if ra & pair and rb & pair and ra != rb for t in pair}
    )
    regime_conflict = bool(ra and rb and not ra & rb) and not (
        thematic or wide_reach(ra) or wide_reach(rb) or related
    )
    fine = _fine(name)

    if person:
        if name.aligned < 2:
            return _mononym_edge(a, b, name, ev, ctx)
        nat = compare_countries(a.nationalities, b.nationalities)
        ev["nationality"] = nat
        if nat == "unknown" and documented_nationality(a, b):
            nat = "agree"
            ev["nationality"] = "agree by document"
        elif nat == "unknown" and set(a.birth_places) & set(b.birth_places):
            # (the very same place of birth, a town or district, says what
            # an agreeing nationality would: Yusuf AL-MADANI, born 1977 in
            # the Muhatta Directorate of Hajjah, Yemeni for Australia, of no
            # nationality for OFAC, which lists him under its terrorism
            # programme and Australia under its Yemen regime)
            nat = "agree"
            ev["nationality"] = "agree by place of birth"
        rare = name.rarity >= RARE_NAME
        if dob == "near" and (
            not (name.level == "exact" and name.both_ways and rare and shared_regimes)
            or nat == "conflict"
        ):
            # birth years one apart (one authority's 1976 for the other's
            # 1975-11-28), or a mistyped year, link only the very same rare
            # name, both ways, under a regime both list it under, with no
            # nationality disagreeing; where one side gives a year alone, a
            # less rare name may hold as name_regime
            alone = all(map(_year_only, a.birth_dates)) or all(map(_year_only, b.birth_dates))
            return _regime_edge(a, b, name, nat, ev, ctx) if alone else None
        if dob == "slip" and (
            not (name.both_ways and (rare or _slip_context(a, b, name, nat, ctx)))
            or nat == "conflict"
            or regime_conflict
        ):
            # a slip links only the very same rare name, both ways, born the same
            # year, with nothing else disagreeing
            return None
        matcher = _confirm(a, b, name, ctx)
        if matcher is not None:
            ev["matcher"] = round(matcher, 3)
            if matcher < PERSON_MATCH_MIN:
                return None
        both = 1.0 if name.both_ways else 0.0
        fine += REGIME_BONUS * regime_share(a, b)
        if dob == "day":
            if nat == "conflict" and not (name.both_ways and (rare or shared_days(a, b) >= 2)):
                return None
            bonus = (1.0 if nat == "agree" else 0.0) + both
            return Edge(a.key, b.key, "name_dob", STRENGTH["name_dob"] + 2 + bonus + fine, ev)
        if dob in _LOOSE_DATES:
            ev["dob"] = _LOOSE_DATES[dob]
            return Edge(a.key, b.key, "name_dob", STRENGTH["name_dob"] - 1 + both + fine, ev)
        if dob == "approx":
            return _regime_edge(a, b, name, nat, ev, ctx)
        if dob in ("month", "year") and not name.both_ways and kunya_alone(a, b, name):
            # "ABU-MUHAMMAD", an alias of OFAC's Arkam 'Abbas AL-KABI, is part of
            # the UN's "Abu-Mohammad al-Adnani al-Shami": both Iraqi, born 1977
            return None
        if dob in ("month", "year"):
            same_range = _same_year_range(a.birth_dates, b.birth_dates)
            if same_range:
                ev["dob"] = "year range"
            if nat == "agree" or (
                nat == "unknown"
                and name.both_ways
                and (
                    # a month of birth and a rare name outweigh different regimes
                    # (Canada's China regulations and the US Global Magnitsky
                    # programme list the same officials)
                    (dob == "month" and rare)
                    or (not regime_conflict and (rare or (same_range and bool(ra & rb))))
                )
            ):
                bonus = (1.0 if dob == "month" else 0.0) + both
                return Edge(a.key, b.key, "name_dob", STRENGTH["name_dob"] + bonus + fine, ev)
            return _regime_edge(a, b, name, nat, ev, ctx)
        # no birth date to compare: the very same rare name, and the same
        # nationality or the same sanctions regime (or, for a side listed only
        # under a thematic regime, which names no country, any regime)
        if nat == "conflict" or not (nat == "agree" or shared_regimes or thematic):
            return None
        # a Burmese name of two one-syllable words is no rarer for the few
        # listings holding it: name and regime need a third fact, the nationality
        burmese = burmese_pair(a, b, name.a) or burmese_pair(a, b, name.b)
        if name.level == "exact" and rare and (not burmese or nat == "agree" and shared_regimes):
            bonus = 1.0 if nat == "agree" and shared_regimes else 0.0
            return Edge(a.key, b.key, "name_context", STRENGTH["name_context"] + bonus + fine, ev)
        return _subset_edge(a, b, ctx, ev) or _regime_edge(a, b, name, nat, ev, ctx)

    # organisations
    if not name.both_ways:
        return None
    country = compare_countries(a.countries, b.countries)
    ev["country"] = country
    if country == "conflict":
        return None
    matcher = _confirm(a, b, name, ctx)
    if matcher is not None:
        ev["matcher"] = round(matcher, 3)
        if matcher < STRICT_MATCH_MIN:
            return None
    if primary_names_agree(a, b, ctx):
        # the names both list the party under, not only aliases, agree
        ev["primary"] = True
        fine += PRIMARY_BONUS
    contact = _shared_contact(a, b, ctx)
    if contact:
        ev.update(contact)
        strength = STRENGTH["name_contact"] + (WEBSITE_BONUS if "websites" in contact else 0.0)
        return Edge(a.key, b.key, "name_contact", strength + fine, ev)
    if related and not shared_regimes:
        # regimes that list the same parties under different names (Syria's
        # research centre's fronts under OFAC's proliferation programme)
        ev["regimes"] = related
    if (country == "agree" or shared_regimes or related) and (
        max(name.rarity, _whole_name_idf(a, name, ctx)) >= RARE_NAME / 2 or name.aligned >= 2
    ):
        place = 0.5 if country == "agree" and not branch_place(a.countries, b.countries) else 0.0
        bonus = (1.0 if name.level == "exact" else 0.0) + place
        return Edge(a.key, b.key, "name_country", STRENGTH["name_country"] + bonus + fine, ev)
    if name.rarity >= DISTINCTIVE_ORG and name.aligned >= 2 and not regime_conflict:
        return Edge(a.key, b.key, "name_distinctive", STRENGTH["name_distinctive"] + fine, ev)
    return None


def branch_place(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether one organisation's countries are a strict part of the other's,
    which places the party in several: the one may be the other's branch in
    that country, so that the country it shares confirms no more than none
    would. Australia's Al-Aqsa Foundation, in Jordan, Pakistan, Yemen and
    South Africa, is OFAC's foundation (no country) before OFAC's Yemeni or
    South African branch of it, which give all the foundation's names."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(large) >= 2 and bool(small) and small < large


def coincident_acronym(a: Features, b: Features, name: NameMatch, ctx: Context) -> bool:
    """Whether the names two organisations share are one-word acronyms
    (:func:`~thaw.profiles.acronyms.acronym`) while each publishes an acronym
    of its own full name (:func:`~thaw.profiles.acronyms.own_acronyms`) and no
    full name of one agrees with one of the other: the UK's "IRAN COMPOSITES
    INSTITUTE (ICI)" and Iran Communications Industries ("ICI"), Canada's
    "NNK JSC" (Nezavisimaya Neftegazovaya Kompaniya) and the UK's National
    Clearing Centre ("NCC"), which name analysis spells alike. Or where the
    two acronyms are given with legal forms that differ: the UK's "JSC ITC"
    (Independent Transport Company) is no "LIMITED LIABILITY COMPANY ITC" of
    OFAC's, which lists another "LLC I T C" beside it."""
    x, y = _named(a, name.a), _named(b, name.b)
    if x is None or y is None or len(x.tokens) != 1 or len(y.tokens) != 1:
        return False
    if acronym(x, a.schema) is None or acronym(y, b.schema) is None:
        return False
    forms_x, forms_y = legal_forms(x, a.schema), legal_forms(y, b.schema)
    if forms_x and forms_y and not forms_x & forms_y:
        return True
    names_a, names_b = a.strong_names(), b.strong_names()
    if not own_acronyms(names_a, a.schema) or not own_acronyms(names_b, b.schema):
        return False
    shared = {*x.tokens, *y.tokens}
    full_a = [n for n in full_names(names_a) if not shared & set(n.tokens)]
    full_b = [n for n in full_names(names_b) if not shared & set(n.tokens)]
    return not any(
        _name_pair(u, v, ctx, True, False).level in ("exact", "full")
        for u in full_a
        for v in full_b
    )


def primary_names_agree(a: Features, b: Features, ctx: Context) -> bool:
    """Whether the primary name (caption) of each of two organisations is,
    the whole name both ways, a name of the other: Canada's "Sberbank", alias
    "Sberbank of Russia", and OFAC's SBERBANK OF RUSSIA, alias "SBERBANK"."""
    return _primary_in(a, b, ctx) and _primary_in(b, a, ctx)


def _primary_in(a: Features, b: Features, ctx: Context) -> bool:
    """Whether the primary name of ``a`` is, both ways, a name of ``b``."""
    x = _primary(a)
    if x is None:
        return False
    for y in b.strong_names():
        m = _name_pair(x, y, ctx, True, True)
        if m.level in ("exact", "full") and m.both_ways:
            return True
    return False


def _whole_name_idf(a: Features, name: NameMatch, ctx: Context) -> float:
    """The idf of the whole name two organisations share (:meth:`Context.name_idf`)
    where they share it token for token, else 0."""
    x = _named(a, name.a)
    if x is None or name.level != "exact" or not name.both_ways:
        return 0.0
    return ctx.name_idf(x.bag)


def _named(f: Features, original: str) -> NameF | None:
    """The strong name of ``f`` published as ``original``."""
    return next((n for n in f.strong_names() if n.original == original), None)


def contained_name(a: Features, b: Features, ctx: Context) -> tuple[NameF, NameF] | None:
    """The rarest pair of strong names ``(short, long)``, one of each listing,
    where every token of ``short`` (at least two) is a token of ``long``, word
    for word, and ``long`` has more (the patronymic or middle name one
    authority leaves out: "Arkady ROTENBERG" in "Arkady Romanovich ROTENBERG"),
    or ``None``."""
    best: tuple[NameF, NameF] | None = None
    best_rarity = -1.0
    for x in a.strong_names():
        for y in b.strong_names():
            short, long = (x, y) if len(x.tokens) < len(y.tokens) else (y, x)
            if len(short.tokens) < 2 or len(short.tokens) == len(long.tokens):
                continue
            if _within(short.tokens, long.tokens):
                rarity = ctx.rarity(short.tokens)
                if rarity > best_rarity:
                    best, best_rarity = (short, long), rarity
    return best


def _subset_edge(a: Features, b: Features, ctx: Context, ev: dict[str, Any]) -> Edge | None:
    """``name_subset``: persons without birth dates to compare, whose rare name
    is, word for word, part of the other's (see :func:`contained_name`); the
    caller has checked nationality and regimes. The linker applies it only when
    the shorter name points to one party (:func:`thaw.profiles.linker.cluster`)."""
    pair = contained_name(a, b, ctx)
    if pair is None:
        return None
    short, long = pair
    rarity = ctx.rarity(short.tokens)
    if rarity < RARE_NAME or burmese_pair(a, b, short.original):
        # a Burmese name has no family name: "Ye Aung" is not a shortening of
        # "Shwe Ye Phu Aung"
        return None
    # the listing whose name is the shorter one (it lacks a date or both do)
    holder = a if short in a.names else b
    ev = {
        **ev,
        "names": [short.original, long.original]
        if holder is a
        else [long.original, short.original],
        "name_level": "subset",
        "rarity": round(rarity, 1),
        "short": holder.key,
    }
    return Edge(
        a.key, b.key, "name_subset", STRENGTH["name_subset"] + min(rarity, 30.0) / 100.0, ev
    )


def two_syllables(value: str) -> bool:
    """Whether a person's name is two words of one syllable each, as Burmese,
    Chinese, Korean and Vietnamese names are written a syllable a word
    (:func:`thaw.match.spelling.longer_by_syllables`): "Aung Min", "Aung Soe",
    "Kim Chol". A Burmese name has no family name, so that neither word is
    the rare surname that ``name_regime`` rests on (:func:`_regime_name`),
    however few listings hold it."""
    analyzed = analyze_name(value, "Person")
    return len(analyzed.informative) == 2 and longer_by_syllables(analyzed, 1)


def burmese_pair(a: Features, b: Features, value: str) -> bool:
    """Whether ``value``, a name of ``a`` or ``b``, is a Burmese name of two
    one-syllable words (:func:`two_syllables`), one of the two listings being
    under a regime whose people's names have no family name
    (:data:`NO_FAMILY_NAME_THEMES`). Such a name ("Soe Win", "Than Oo") is
    no rare name, however few listings hold it: without a date it links only
    where the nationality and a regime agree, and it is no shortening of a
    longer name."""
    regimes = set(a.regimes) | set(b.regimes)
    return bool(regimes & NO_FAMILY_NAME_THEMES) and two_syllables(value)


def kunya_alone(a: Features, b: Features, name: NameMatch) -> bool:
    """Whether the shorter of the two names a match aligns is a kunya alone
    (:data:`KUNYA_WORDS` and one name: "ABU-MUHAMMAD"): where it is only part
    of the other's name, a birth year or month confirms nothing."""
    x, y = _named(a, name.a), _named(b, name.b)
    if x is None or y is None:
        return False
    short = x if len(x.tokens) <= len(y.tokens) else y
    return len(short.tokens) == 2 and any(t in KUNYA_WORDS for t in short.tokens)


def country_regimes(f: Features) -> frozenset[str]:
    """The regimes of a listing aimed at one state (``syria``, ``iran``,
    ``dprk`` …): all but :data:`THEMATIC_REGIMES`."""
    return frozenset(f.regimes) - THEMATIC_REGIMES


def _regime_edge(
    a: Features, b: Features, name: NameMatch, nat: str, ev: dict[str, Any], ctx: Context
) -> Edge | None:
    """``name_regime``: persons whose birth dates cannot decide (one side has
    none, only a year or a month agrees, or one side gives a year alone, an
    estimate, one year from the other's date or up to :data:`APPROX_YEARS`),
    with the very same name (:func:`_regime_name`), both ways, of summed idf
    :data:`REGIME_NAME` (:data:`RARE_NAME` against an estimated year), under a
    country regime both list it under (or, where both give the very same
    years, any regime both list it under) and no nationality that disagrees. The
    linker applies it last, and only where the listing that publishes less
    (``evidence["short"]``: no date, the coarser date or the estimated year)
    points to one party."""
    approx = ev.get("dob") == "approx"
    regimes = sorted(country_regimes(a) & country_regimes(b))
    if not regimes and ev.get("dob") in ("year", "month", "year range") and _same_years(a, b):
        # the very same years under a regime aimed at conduct both list it
        # under: Hamas's Mahmoud ZAHAR, born 1945, for Australia, Canada and the UK
        regimes = sorted(set(a.regimes) & set(b.regimes) - NEUTRAL_THEMES)
    if name.level != "exact" or not regimes or nat == "conflict":
        return None
    # (a birth year both publish, and a nationality that is the regime's
    # state, stand for the uncommon token: Syria's Mahmoud Ibraheem SA'ID,
    # Syrian, born 1953, for the UK and OFAC alike)
    dated = (
        bool(a.birth_dates and b.birth_dates)
        and ev.get("dob") in ("year", "month")
        and bool(regime_states(regimes) & (a.nationalities | b.nationalities))
    )
    pair = _regime_name(a, b, ctx, dated=dated)
    if pair is None:
        return None
    rarity = ctx.rarity(pair[0].tokens)
    if rarity < (RARE_NAME if approx else REGIME_NAME):
        return None
    if ev.get("dob") in ("approx", "near"):
        holder = a if all(_year_only(d) for d in a.birth_dates) else b
        years = ", ".join(sorted({d[:4] for d in (*a.birth_dates, *b.birth_dates)}))
        dob = f"years {'apart' if approx else 'one apart'}, one a year alone ({years})"
        dates = "apart"
    elif a.birth_dates and b.birth_dates:
        # a year or month agrees: the coarser side publishes less
        holder = a if max(map(len, a.birth_dates)) <= max(map(len, b.birth_dates)) else b
        dob = ev["dob"]
        dates = "agree"
    else:
        holder = a if not a.birth_dates else b
        dob = "none to compare"
        dates = "none"
    ev = {
        **ev,
        "names": [pair[0].original, pair[1].original],
        "rarity": round(rarity, 1),
        "regimes": regimes,
        "dob": dob,
        "dates": dates,
        "short": holder.key,
    }
    return Edge(
        a.key, b.key, "name_regime", STRENGTH["name_regime"] + min(rarity, 30.0) / 100.0, ev
    )


MONONYM_TOKEN_DF = 10
"""The most listings that may hold the one word of a person's name published
alone for the name to say who a person is (:func:`_mononym_edge`)."""


def mononym(f: Features) -> str | None:
    """The one word of a person's primary name where it is one word alone, as
    the Taliban's lists publish some ("FAIZ"), written in Latin letters (the
    word as name analysis reads it), else ``None``."""
    primary = _primary(f)
    if f.group != "person" or primary is None or len(primary.tokens) != 1:
        return None
    return primary.tokens[0] if _latin(primary) and len(primary.tokens[0]) >= 3 else None


def _mononym_edge(
    a: Features, b: Features, name: NameMatch, ev: dict[str, Any], ctx: Context
) -> Edge | None:
    """``name_dob`` for persons whose primary names are one and the same word
    alone (:func:`mononym`), spelt the same as written and held by few listings
    (:data:`MONONYM_TOKEN_DF`, not known as common), where the two publish the
    very same birth dates, the same nationality and a country regime both list
    them under: the UN's and the UK's FAIZ, Afghan, born 1969, of the Taliban
    lists. A name of one word is no name a date alone confirms; all three
    facts together are the party's."""
    word = mononym(a)
    if word is None or word != mononym(b) or not spelt_alike(name) or not name.both_ways:
        return None
    if word in ctx.common or ctx.df.get(word, 1) > MONONYM_TOKEN_DF:
        return None
    if not a.birth_dates or set(a.birth_dates) != set(b.birth_dates):
        return None
    if compare_countries(a.nationalities, b.nationalities) != "agree":
        return None
    regimes = sorted(country_regimes(a) & country_regimes(b))
    if not regimes:
        return None
    ev = {**ev, "dob": "same", "nationality": "agree", "regimes": regimes}
    return Edge(a.key, b.key, "name_dob", STRENGTH["name_dob"] - 1 + _fine(name), ev)


def _slip_context(a: Features, b: Features, name: NameMatch, nat: str, ctx: Context) -> bool:
    """Whether a name less than rare (:data:`REGIME_NAME`, not :data:`RARE_NAME`)
    may still link two full dates of one year that differ by a slip: spelt the
    same as written, with the same nationality and a country regime both list
    it under. The DPRK's YU CHOL U, born 1959-08-08 for the UN and 1959-09-08
    for the UK, whose one-letter third syllable name analysis sets aside,
    leaving two words short of rare."""
    return (
        nat == "agree"
        and spelt_alike(name)
        and name.rarity >= REGIME_NAME
        and bool(country_regimes(a) & country_regimes(b))
    )


def _same_years(a: Features, b: Features) -> bool:
    """Whether two listings give the very same birth years (and some)."""
    ya = {d[:4] for d in a.birth_dates}
    return bool(ya) and ya == {d[:4] for d in b.birth_dates}


def _latin(name: NameF) -> bool:
    """Whether a name is written in Latin letters (not published as the
    original-script name, no letter beyond the Latin blocks, U+024F)."""
    return name.kind != "original" and all(ch < "\u0250" for ch in name.original if ch.isalpha())


def regime_states(regimes: Iterable[str]) -> frozenset[str]:
    """The states (country codes) that country regimes are aimed at: ``syria``
    is Syria's, ``dprk`` North Korea's."""
    codes = (country_code(r.replace("-", " ")) for r in regimes)
    return frozenset(c for c in codes if c)


def _regime_name(
    a: Features, b: Features, ctx: Context, dated: bool = False
) -> tuple[NameF, NameF] | None:
    """The rarest pair of names, one of each listing, equal token for token
    after name analysis, of two tokens at least, written in Latin letters (the
    lists' original-script names are written by few listings, so that their
    tokens, Persian محمد as much as a rare surname, look rarer than they are),
    and holding a token that name analysis does not know as common and fewer
    than :data:`REGIME_TOKEN_DF` listings hold (not so "Mohammed Ali HASSAN",
    however many tokens); ``None`` if there is none. Where both listings
    publish a birth year that agrees and one says the person is of the
    regime's state (``dated``), a name of three tokens or more needs no
    such token: the year and the nationality say what the uncommon word
    would, and Syria's Mahmoud Ibraheem SA'ID, Syrian, born 1953, is one
    official on the UK's list and on OFAC's, however common each of his
    names; not so a "Mohammed Ali HASSAN" born 1970 that two lists give
    under one regime and no nationality."""
    best: tuple[NameF, NameF] | None = None
    best_rarity = -1.0
    for x in a.strong_names():
        if len(x.tokens) < 2 or not _latin(x) or two_syllables(x.original):
            continue
        distinct = any(t not in ctx.common and ctx.df.get(t, 1) < REGIME_TOKEN_DF for t in x.tokens)
        if not distinct and not (dated and len(set(x.tokens)) >= 3):
            continue
        for y in b.strong_names():
            # either side may write the two syllables alone: the UK's "Soe Htut"
            # is not made rarer by Australia's "Lieutenant-General Soe Htut"
            if y.bag == x.bag and _latin(y) and not two_syllables(y.original):
                rarity = ctx.rarity(x.tokens)
                if rarity > best_rarity:
                    best, best_rarity = (x, y), rarity
    return best


def _contained_contact_edge(a: Features, b: Features, ctx: Context) -> Edge | None:
    """``name_contact`` by a contained name: two organisations publishing the
    same web domain of their own (not one of ``ctx.shared_contacts``), where a
    name of one is, word for word, part of a name of the other that adds only
    words saying what kind of organisation it is (:func:`contained_org_name`):
    the UK's JOINT STOCK COMPANY "LAZURIT" and Australia's Lazurit Design
    Bureau, both www.cdb-lazurit.ru. No country may disagree and no regimes
    may differ (a subsidiary abroad shares its parent's domain and name)."""
    if a.group != "org" or b.group != "org":
        return None
    websites = sorted(set(a.websites) & set(b.websites) - ctx.shared_contacts)
    if not websites:
        return None
    country = compare_countries(a.countries, b.countries)
    ra, rb = set(a.regimes) - NEUTRAL_THEMES, set(b.regimes) - NEUTRAL_THEMES
    if country == "conflict" or (ra and rb and not ra & rb):
        return None
    pair = contained_org_name(a, b, ctx)
    if pair is None:
        return None
    short, long = pair
    rarity = ctx.rarity(short.tokens)
    ev: dict[str, Any] = {
        "names": [short.original, long.original]
        if any(n is short for n in a.names)
        else [long.original, short.original],
        "name_level": "contained",
        "rarity": round(rarity, 1),
        "country": country,
        "websites": websites,
    }
    if ra & rb:
        ev["regimes"] = sorted(ra & rb)
    strength = STRENGTH["name_country"] + min(rarity, 30.0) / 100.0
    return Edge(a.key, b.key, "name_contact", strength, ev)


def contained_org_name(a: Features, b: Features, ctx: Context) -> tuple[NameF, NameF] | None:
    """The rarest pair of strong names ``(short, long)``, one of each
    organisation, where every token of ``short`` is a token of ``long``, word
    for word, or ``short`` is one word that abbreviates words of ``long``
    (:func:`abbreviated`: "Metallinvestbank" for "Metallurgical Investment
    Bank"), and the words ``long`` adds are generic (known as common, or held
    by :data:`GENERIC_DF` listings or more: "Lazurit" and "Lazurit Design
    Bureau") and none names a related party (:data:`RELATED_PARTY_WORDS`:
    "RVC Management Company"); ``short`` of summed idf ``RARE_NAME / 2`` at
    least, and not the party ``long`` belongs to ("Management Company of the
    Russian Direct Investment Fund" is not the fund: :func:`names_owner`);
    ``None`` if there is none."""
    best: tuple[NameF, NameF] | None = None
    best_rarity = -1.0
    for x in a.strong_names():
        for y in b.strong_names():
            short, long = (x, y) if len(x.tokens) < len(y.tokens) else (y, x)
            if not short.tokens or len(short.tokens) == len(long.tokens):
                continue
            extra: list[str] | None = list(long.tokens)
            for t in short.tokens:
                if extra is None or t not in extra:
                    extra = None
                    break
                extra.remove(t)
            if extra is None and len(short.tokens) == 1:
                extra = abbreviated(short.tokens[0], long.tokens)
            if extra is None:
                continue
            rarity = ctx.rarity(short.tokens)
            if (
                rarity > best_rarity
                and rarity >= RARE_NAME / 2
                and all(generic_word(t, ctx) for t in extra)
                and not related_party_tokens() & set(extra)
                and not names_owner(long, short)
            ):
                best, best_rarity = (short, long), rarity
    return best


PLURAL_ENDINGS = ("s", "i")
"""Endings that make a word plural (English *plants*; Russian *zavody*, which
name analysis reads ``zavodi``): the plural of a generic word is generic
however few listings hold it (:func:`generic_word`)."""


def generic_word(token: str, ctx: Context) -> bool:
    """Whether a token only says what kind of organisation a party is: known
    as common, held by :data:`GENERIC_DF` listings or more, or the plural
    (:data:`PLURAL_ENDINGS`) of such a word of four letters or more: the
    "Zavody" ("plants") of Australia's "Motovilikhinskiye Zavody PJSC", which
    the UK lists as "JSC MOTOVILIKHINSKIYE", both at mz.perm.ru."""
    if token in ctx.common or ctx.df.get(token, 0) >= GENERIC_DF:
        return True
    stem = token[:-1]
    return (
        token.endswith(PLURAL_ENDINGS)
        and len(stem) >= 4
        and (stem in ctx.common or ctx.df.get(stem, 0) >= GENERIC_DF)
    )


ABBREVIATION_PART = 3
"""The fewest letters of a word that a one-word abbreviation of a name takes
("metall" of Metallurgical; :func:`abbreviated`)."""


def abbreviated(word: str, tokens: tuple[str, ...]) -> list[str] | None:
    """The tokens left over where ``word`` joins the beginnings (at least
    :data:`ABBREVIATION_PART` letters, or the whole word) of two or more
    consecutive ``tokens``, as Russian names shorten themselves
    ("metalinvestbank" of *metal*-urgikal *invest*-ment *bank*); ``None``
    where it does not."""

    def ends(rest: str, j: int, used: int) -> int | None:
        if not rest:
            return j if used >= 2 else None
        if j == len(tokens):
            return None
        token = tokens[j]
        for k in range(min(len(token), len(rest)), ABBREVIATION_PART - 1, -1):
            if rest.startswith(token[:k]) and (k >= ABBREVIATION_PART or k == len(token)):
                end = ends(rest[k:], j + 1, used + 1)
                if end is not None:
                    return end
        return None

    for start in range(len(tokens)):
        end = ends(word, start, 0)
        if end is not None:
            return [*tokens[:start], *tokens[end:]]
    return None


_OF = re.compile(r"\bof\b", re.IGNORECASE)


def names_owner(long: NameF, short: NameF) -> bool:
    """Whether ``long`` names a part or an organ of the party ``short`` names:
    every token of ``short`` is in what follows an "of" that follows words of
    its own ("Management Company of the Russian Direct Investment Fund")."""
    for m in _OF.finditer(long.original):
        head = analyze(long.original[: m.start()], long.kind, "Organization")
        tail = analyze(long.original[m.end() :], long.kind, "Organization")
        if head.tokens and set(short.tokens) <= set(tail.tokens):
            return True
    return False


def _same_year_range(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether both listings give the same set of two or more birth years and
    nothing finer (a published range such as 1992-1995)."""
    ya = {d[:4] for d in a if len(d) >= 4}
    yb = {d[:4] for d in b if len(d) >= 4}
    return len(ya) >= 2 and ya == yb


def _shared_contact(a: Features, b: Features, ctx: Context) -> dict[str, list[str]]:
    """The web domains and street addresses two listings share, but for those
    published under many names (``ctx.shared_contacts``: a publisher's domain,
    a building's address)."""
    out: dict[str, list[str]] = {}
    websites = sorted(set(a.websites) & set(b.websites) - ctx.shared_contacts)
    if websites:
        out["websites"] = websites
    addresses = sorted(set(a.addresses) & set(b.addresses) - ctx.shared_contacts)
    if addresses:
        out["addresses"] = addresses
    return out


NATIONALITY_DOCUMENTS = frozenset({"passport", "national_id"})
"""Identifier kinds whose issuing country is a nationality of the holder: a
state issues its passports and national identity numbers to its own citizens
(:func:`documented_nationality`)."""


def documented_nationality(a: Features, b: Features) -> bool:
    """Whether two persons' nationalities agree once a side that publishes
    none is given the countries that issued its passports and national
    identity numbers (:data:`NATIONALITY_DOCUMENTS`): OFAC's Issam SHAMMOUT,
    born 1971-08-26, with a Syrian passport and no nationality, is of the
    UK's, Syrian, born 1971, though OFAC lists him under its Iran and
    terrorism programmes and the UK under its Syria regime. Only ever an
    agreement: a document of another state is no conflict, as a person may
    hold several."""

    def held(f: Features) -> frozenset[str]:
        return f.nationalities or frozenset(
            i.country for i in f.identifiers if i.kind in NATIONALITY_DOCUMENTS and i.country
        )

    if a.nationalities and b.nationalities:
        return False
    return compare_countries(held(a), held(b)) == "agree"


def regime_share(a: Features, b: Features) -> float:
    """The share of their regimes two listings have in common: those both
    are listed under over those either is (:data:`NEUTRAL_THEMES` aside),
    0.0 where either has none (:data:`REGIME_BONUS`)."""
    ra, rb = set(a.regimes) - NEUTRAL_THEMES, set(b.regimes) - NEUTRAL_THEMES
    if not ra or not rb:
        return 0.0
    return len(ra & rb) / len(ra | rb)


def _literal(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _fine(name: NameMatch) -> float:
    """A small bonus ordering edges of one kind: names equal as written (not
    only after folding) first, then rarer names."""
    literal = 0.5 if spelt_alike(name) else 0.0
    return literal + min(name.rarity, 30.0) / 100.0


def _confirm(a: Features, b: Features, name: NameMatch, ctx: Context) -> float | None:
    """The screening matcher's score of the two aligned names (the better of both
    directions, as the matcher is not symmetric); ``None`` where the names are
    equal token for token after name analysis, which the matcher cannot doubt."""
    if name.level == "exact":
        return None
    schema = a.schema if a.group == b.group else None
    s1 = ctx.name_score(name.a, name.b, schema)
    if s1 >= STRICT_MATCH_MIN:
        return s1
    return max(s1, ctx.name_score(name.b, name.a, schema))
