"""A compound given name, and the sex its first word gives the person.

Spanish, Portuguese and Italian given names are often two (*María José*,
*José María*, *Juan Carlos*, *Maria Giuseppina*), and the first says the
person's sex: *María José* is a woman, *José María* a man, whatever the second.
A query that gives only the second word (*José García* against GARCIA, María
José) aligns with a listed name that omits a middle name, as English names do;
but when the word it gives is a man's name and the listed first given name a
woman's (or the reverse), the listed person is of the other sex than the
query's, and another person.

:func:`other_sex_first_given` finds such a listed first given name, from the
recorded births by name and sex (:func:`thaw.match.given_genders.recorded_gender`)
and the family names the listed name marks (:func:`thaw.match.iberian.family_words`).

A person with two family names is called by the first given name and the
first family name (*Juan José* MENDOZA JOVER is *Juan Mendoza*, *Gladys María*
GUTIÉRREZ ALVARADO *Gladys Gutiérrez*); only *María* and *José*, which come
first in so many compound names, are left out for the name after them
(*María Iris* VARELA RANGEL is *Iris Varela*). A query that gives a later given
name and one family name, the listed first given name and a family name left
out (*José Mendoza*, *María Gutiérrez*), names another person who shares two
common words with the listed one: :func:`later_given_only` finds it.

The same holds beyond Spanish names. A listed person whose first given name
is a rarer word and whose second is one of the commonest name parts (*Safar
Ali* MOUSAVI, Persian صفرعلی, one name; *Lance Michael* BROOKS) is called by
the first, or by the two as one name; a query that gives the common second
word and the family name alone (*Ali Mousavi*, *Michael Brooks*) names one of
the thousands who share two common words with the listed person:
:func:`common_given_only` finds it. A rarer word in second place is the name
people know a person by often enough (*Boris* Johnson for 'Alexandre Boris de
Pfeffel JOHNSON') to say nothing, and so is a common first word (*Mohammad*,
*José*, *John*), which people leave out.
"""

from __future__ import annotations

from typing import Final

from thaw.match.given_genders import recorded_gender
from thaw.match.iberian import family_words
from thaw.match.names import Alignment
from thaw.text import AnalyzedName, Token
from thaw.text.han_syllables import reads_as_chinese_name
from thaw.text.korean import reads_as_korean_name


def other_sex_first_given(
    qs: tuple[Token, ...], listed: AnalyzedName, al: Alignment, stated: str | None
) -> tuple[Token, Token] | None:
    """The listed first given name left unaligned and a query word aligned
    with a later listed given name, the two recorded for different sexes
    (*José* and *María* of GARCIA, María José), query's word first, when the
    query aligns no given name of the listed first word's sex and the
    listing states no sex that is the query word's (``stated``: a man named
    *María José* as the listing says); ``None`` otherwise, or when the listed
    name does not mark its family names."""
    rs = listed.informative
    if len(rs) < 3 or len(al.result_used) == len(rs):
        return None  # (two given names and a family name, one left out at least)
    family = family_words(listed.original)
    if family is None:
        return None
    given = [j for j, t in enumerate(rs) if t.role == "name" and t.raw not in family]
    if len(given) < 2 or given[0] in al.result_used:
        return None
    sex = recorded_gender(rs[given[0]].raw)
    if sex is None:
        return None
    later = set(given[1:])
    found: Token | None = None
    for p in al.pairs:
        if not later.intersection(p.result):
            continue
        for i in p.query:
            word = recorded_gender(qs[i].raw)
            if word == sex:
                return None
            if word is not None and found is None:
                found = qs[i]
    if found is None or (stated and stated.lower()[:1] != sex[:1]):
        return None
    return found, rs[given[0]]


#: The first words of compound given names that their bearers leave out, for
#: the name after them (*María Iris* is *Iris*, *José Antonio* *Antonio*), in
#: Spanish and Portuguese spelling (folded: accents dropped).
LEFT_OUT_FIRST: Final = frozenset({"maria", "jose", "ma"})


def later_given_only(listed: AnalyzedName, al: Alignment) -> tuple[Token, Token] | None:
    """The listed first given name and the later given name aligned in its
    place, when the listed person's name marks two family names or more
    (:func:`thaw.match.iberian.family_words`), the alignment ``al`` leaves the
    first given name and a family name out, aligns a later given name and the
    first family name, and the first given name is no word of
    :data:`LEFT_OUT_FIRST` (*José Mendoza* against 'Juan José MENDOZA JOVER':
    *José* and *Juan*); ``None`` otherwise."""
    rs = listed.informative
    family = family_words(listed.original)
    if family is None or len(rs) < 4:
        return None
    given = [j for j, t in enumerate(rs) if t.role == "name" and t.raw not in family]
    surnames = [j for j, t in enumerate(rs) if t.role == "name" and t.raw in family]
    used = al.result_used
    if len(given) < 2 or len(surnames) < 2 or given[0] in used:
        return None
    if surnames[0] not in used or all(j in used for j in surnames):
        return None
    if rs[given[0]].text in LEFT_OUT_FIRST:
        return None
    later = next((j for j in given[1:] if j in used), None)
    return None if later is None else (rs[later], rs[given[0]])


def common_given_only(
    qs: tuple[Token, ...], listed: AnalyzedName, al: Alignment
) -> tuple[Token, Token] | None:
    """The query's given name and the listed first given name left out in its
    place, when the listed name is three name words or more written given
    names first (no marked family name first, neither it nor its words after
    the first read as a Chinese or Korean name: 'Pony Ma Huateng' is *Ma
    Huateng* with an English name before it), the query not written in
    Chinese or Korean characters, its first word is no common name part (weight one) and is left
    unaligned, its second is a common name part (*Ali*, *Michael*: weight
    below one) aligned with the query's first word, and its last word is
    aligned (*Ali Mousavi* against 'Safar Ali Mousavi': *Ali* and *Safar*);
    ``None`` otherwise (see the module's docstring)."""
    rs = listed.informative
    if len(rs) < 3 or len(qs) < 2 or 0 in al.result_used or 1 not in al.result_used:
        return None
    if len(rs) - 1 not in al.result_used or not all(t.role == "name" for t in rs[:2]):
        return None
    first, second = rs[0], rs[1]
    if first.weight < 1.0 or second.weight >= 1.0 or len(first.raw) < 2:
        return None
    pair = next((p for p in al.pairs if 1 in p.result), None)
    if pair is None or pair.result != (1,) or min(pair.query) != 0 or qs[0].role != "name":
        return None
    family = family_words(listed.original)
    if family is not None and first.raw in family:
        return None  # ('MOUSAVI Safar Ali': the family name first)
    if any(t.script_form for t in qs):
        return None  # (a name in Chinese or Korean characters: its family name first)
    for words in (tuple(t.raw for t in rs), tuple(t.raw for t in rs[1:])):
        if reads_as_chinese_name(words) or reads_as_korean_name(list(words)):
            return None  # ('Pony Ma Huateng': an English name before a Chinese one)
    return qs[0], first
