"""Spanish and Portuguese names: two family names, and the one that is used.

A Spanish or Spanish American person has two family names, the father's first
and the mother's after it (*Delcy Eloína* RODRÍGUEZ GÓMEZ), and is called by
the first: *Delcy Rodríguez*, *Nicolás Maduro* (MADURO MOROS), *Cilia Flores*
(FLORES DE MADURO, her husband's name after *de*). The second is left out as
a patronymic is, and is no word in place of another: a name that omits it is
the name as people say it. The mother's name alone is not: *Nicolás Moros* is
another man's name, as *Jorge Gómez* is not RODRÍGUEZ GÓMEZ, Jorge. A Portuguese
or Brazilian name has them the other way round, the mother's before the
father's, and is called by the last (*Lula da Silva*, *Isabel dos Santos*).

:func:`family_words` reads which words of a listed name are its family names:
the words before the comma of a name written "FAMILY NAMES, Given names" (as
OFAC writes it) or the words from the first one in capitals to the end of
"Given names FAMILY NAMES" (as Canada and the United Kingdom write it).
:func:`two_surnames` then scores an alignment again, when the listed person's
name has two family names or more, the listing is a Spanish or Portuguese
speaker's (a nationality or country where they are spoken, or none published:
the lists give none for many), and a given name aligned:

* the family name that is used (the first; the last in a Portuguese name, a
  Portuguese country's or one with *da*, *do*, *dos*, *das*) aligned, and
  another left out, while the query adds no family name of its own after it
  (*Juan Carlos Ortega Pérez* against ORTEGA MURILLO, Juan Carlos is another
  man): the ones left out count :data:`SURNAME_SHARE` of their weight as words
  left over, and are no substitution for a given name the query adds
  (*Miguel Ángel Treviño* against TREVIÑO MORALES, Miguel);
* in a Spanish name, no given name aligned while the family name that is
  used aligned with the query's, and a later one with the query's given name
  (*Cilia Flores* against FLORES SILVA, Audias: *Cilia* and *Silva*): the
  query's given name stands in place of the listed one, which is scored as a
  word in place of another;
* in a Spanish speaker's name (a nationality or country where Spanish is
  spoken; with none published, a place of birth there, *Mexico* for CARO
  QUINTERO, Rafael, or a listed name or a query spelt with Spanish
  letters, *Nicolás MADURO MOROS*, :func:`spelt_spanish`: many names of two
  family words that the lists give no country are Arabic ones, *HASAN YUSUF,
  Ahmad*, whose last is the family's), the family name that is used left out while a later
  one (not the same name written twice) aligned,
  and the query has no family name of its own in its place: the later name
  alone is another person's, and the one left out is scored as a word in
  place of another (*Nicolás Moros* against MADURO MOROS, Nicolás).

The new score replaces the alignment's when it is higher (the first case) or
lower (the others); it is computed as the name alignment computes one
(:func:`thaw.match.names.alignment_score`: the same token weights and rarity).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from thaw.match.names import (
    AlignedPair,
    Alignment,
    BestName,
    _weight,  # (as the alignment weighs a token)
    aligned_mass,
    alignment_score,
    extra_of,
)
from thaw.text import AnalyzedName, TokenStats

#: Share of its weight a family name left out counts among the words left over
#: (as an optional part, a patronymic, does).
SURNAME_SHARE: Final = 1 / 3

TABLE: Final[tuple[tuple[str, float, str], ...]] = (
    ("SURNAME_SHARE", SURNAME_SHARE, "share of its weight a second family name left out counts"),
)

#: Countries whose people bear a Spanish name (ISO 3166-1 alpha-2).
SPANISH_COUNTRIES: Final = frozenset(
    "es mx gt hn sv ni cr pa cu do pr co ve ec pe bo cl ar py uy gq".split()
)
#: Countries whose people bear a Portuguese name.
PORTUGUESE_COUNTRIES: Final = frozenset("pt br ao mz cv gw st tl".split())

#: The particles of Portuguese family names (*da Silva*, *dos Santos*).
PORTUGUESE_PARTICLES: Final = frozenset({"da", "do", "dos", "das"})

#: The letters of Spanish spelling that are not ASCII.
_SPANISH_LETTERS: Final = frozenset("áéíóúñü")

#: The roles of the words that name a person (not particles or initials).
_NAME: Final = "name"


def _ascii_words(text: str) -> list[str]:
    """The words of ``text`` in lower-case ASCII letters (accents dropped)."""
    folded = unicodedata.normalize("NFKD", text)
    letters = "".join(c if c.isalpha() or c == "'" else " " for c in folded if c.isascii())
    return letters.lower().replace("'", "").split()


@lru_cache(maxsize=65536)
def family_words(original: str) -> frozenset[str] | None:
    """The words of a person's name ``original`` that are its family names, in
    lower-case ASCII: those before the comma of "FAMILY, Given", or those from
    the first word in capitals (not the first word) to the end of "Given
    FAMILY" when a word before it is not in capitals. ``None`` when the name
    does not say."""
    head, comma, tail = original.partition(",")
    if comma:
        words = _ascii_words(head)
        return frozenset(words) if words and tail.strip() else None
    written = original.split()
    for k in range(1, len(written)):
        word = written[k]
        if word.isupper() and len(word.strip(".-'")) > 1:
            if all(w.isupper() for w in written[:k]):
                return None
            return frozenset(_ascii_words(" ".join(written[k:])))
    return None


def spelt_spanish(original: str) -> bool:
    """Whether ``original`` is written with letters of Spanish spelling beyond
    ASCII (*Nicolás*, *RONDÓN*, *CARREÑO*) and no other (the Portuguese *ã*, *ç*,
    *ê*, the Czech *č*): the name of a Spanish speaker, where the listing gives
    no country."""
    letters = {c for c in original.lower() if c.isalpha() and not c.isascii()}
    return bool(letters) and letters <= _SPANISH_LETTERS


def _spelt_spanish(query: AnalyzedName, name: AnalyzedName) -> bool:
    """Whether the listed ``name`` or the ``query`` is :func:`spelt_spanish`."""
    return spelt_spanish(name.original) or spelt_spanish(query.original)


def _after(pairs: Sequence[AlignedPair], j: int) -> int:
    """The last query position aligned with the listed word ``j`` (-1: none)."""
    for pair in pairs:
        if j in pair.result:
            return max(pair.query)
    return -1


def _own_family(query: AnalyzedName, left: list[int], used: int) -> bool:
    """Whether a query word among ``left`` (left over) is a family name of the
    query's own: one of its family words when it says which (a comma, capitals),
    else a word after ``used`` (the query position of the family name that
    aligned, or -1: after any aligned word of the query)."""
    qs = query.informative
    said = family_words(query.original)
    for i in left:
        if qs[i].role != _NAME:
            continue
        if said is not None:
            if qs[i].raw in said:
                return True
        elif i > used:
            return True
    return False


def _given_for_family(query: AnalyzedName, al: Alignment, used: int, others: list[int]) -> bool:
    """Whether the query's given name aligned with a later family name of the
    listed name, whose family name that is used aligned with the query's own
    (*Cilia Flores* against FLORES SILVA, Audias: *Cilia* and *Silva*): a word
    of the query's given names, as its family words say (a comma, capitals),
    or else one before the query's word aligned with the family name used."""
    at = _after(al.pairs, used)
    if at < 0:
        return False
    said = family_words(query.original)
    qs = query.informative
    for pair in al.pairs:
        if any(j in others for j in pair.result):
            first = min(pair.query)
            if said is not None:
                if qs[first].raw not in said:
                    return True
            elif first < at:
                return True
    return False


def left_out(
    query: AnalyzedName,
    name: AnalyzedName,
    al: Alignment,
    countries: tuple[str, ...],
    born: tuple[str, ...] = (),
) -> tuple[frozenset[int], int]:
    """What :func:`two_surnames` finds in the alignment ``al`` of ``query`` with
    the listed person's name ``name`` (of a listing with ``countries``, and born
    in the countries ``born``: those say the name's language only when the
    listing publishes no country, and never rule a name out): the
    positions of the listed family names left out as people leave them out
    (the first case), and the position of the listed word scored as replaced:
    the first given name, when the query's given name aligned with a later
    family name (the second case), or the family name that is used, left out
    while a later one aligned (the third; -1 when none applies)."""
    nothing: tuple[frozenset[int], int] = (frozenset(), -1)
    rs = name.informative
    aligned = al.result_used
    # (a given name and a family name aligned: two pairs at least)
    if len(aligned) >= len(rs) or len(al.pairs) < 2:
        return nothing
    spanish = portuguese = False
    for country in countries:
        spanish = spanish or country in SPANISH_COUNTRIES
        portuguese = portuguese or country in PORTUGUESE_COUNTRIES
    if countries and not (spanish or portuguese):
        return nothing
    if not countries:
        spanish = any(country in SPANISH_COUNTRIES for country in born)
        portuguese = any(country in PORTUGUESE_COUNTRIES for country in born)
    family = family_words(name.original)
    if family is None:
        return nothing
    surnames: list[int] = []
    given: list[int] = []
    for j, t in enumerate(rs):
        if t.raw in family:
            if t.text in PORTUGUESE_PARTICLES:
                portuguese = True
            elif t.role == _NAME:
                surnames.append(j)
        elif t.role == _NAME:
            given.append(j)
    if len(surnames) < 2 or not given:
        return nothing
    if portuguese:
        used, others = surnames[-1], surnames[:-1]
        spanish = False
    else:
        used, others = surnames[0], surnames[1:]
    if not any(j in aligned for j in given):
        crossed = not portuguese and _given_for_family(query, al, used, others)
        return (frozenset(), given[0]) if crossed else nothing
    q_left = [i for i in range(len(query.informative)) if i not in al.query_used]
    if used in aligned:
        omitted = frozenset(j for j in others if j not in aligned)
        if omitted and not _own_family(query, q_left, _after(al.pairs, used)):
            return omitted, -1
    elif (spanish or (not countries and _spelt_spanish(query, name))) and any(
        j in aligned and rs[j].text != rs[used].text for j in others
    ):
        if not _own_family(query, q_left, -1):
            return frozenset(), used
    return nothing


def two_surnames(
    query: AnalyzedName,
    best: BestName,
    countries: tuple[str, ...],
    stats: TokenStats | None,
    factor: float,
    born: tuple[str, ...] = (),
) -> BestName:
    """``best`` scored again for a listed name with two family names (see the
    module's documentation and :func:`left_out`); ``best`` itself when neither
    case applies. ``countries``: the listing's, ``born``: the countries of its
    places of birth; ``factor``: the weight of the listed name's kind."""
    al = best.alignment
    omitted, replaced = left_out(query, best.name, al, countries, born)
    if not omitted and replaced < 0:
        return best
    qs, rs = query.informative, best.name.informative
    q_w = [_weight(t, stats) for t in qs]
    r_w = [_weight(t, stats) for t in rs]
    agree, mass = aligned_mass(al.pairs, q_w, r_w)
    eq = eq_full = er = er_full = 0.0
    for i, t in enumerate(qs):
        if i not in al.query_used:
            extra, full = extra_of(t, q_w[i])
            eq, eq_full = eq + extra, eq_full + full
    for j, t in enumerate(rs):
        if j in al.result_used:
            continue
        if j in omitted:
            er += r_w[j] * SURNAME_SHARE
            continue
        extra, full = extra_of(t, r_w[j])
        er, er_full = er + extra, er_full + full
    if replaced >= 0:
        # (scored as though the query had another word in its place)
        eq_full += r_w[replaced]
    score = alignment_score(agree, mass, eq, er, eq_full, er_full)
    if score == al.score or (score > al.score) != bool(omitted):
        return best
    alignment = Alignment(score, al.pairs, al.query_used, al.result_used)
    return BestName(alignment, best.name, best.kind, score * factor)
