"""A Burmese name with a word added: another name, not the listed one with a
family name.

A Burmese name has no family name: every word of it is the person's own,
usually one syllable each (*Soe Win*, *Min Aung Hlaing*), and a name of one
more word is another name (*Soe Win Naing* is not *Soe Win*, as *Min Aung* is
not *Min Aung Hlaing*), where a Western name with a word added may be the
same person with a middle or family name the list left out. Whether a name
is Burmese the letters alone do not say (*Win*, *Min*, *Tun* are English and
Chinese words too): the query or the listing must be of Myanmar
(:data:`MYANMAR`), and both names written in Latin letters, all their words of
one syllable (:func:`one_syllable`). Honorifics (*U*, *Daw*, *Ko*, *Ma*: a
word of one or two letters) are no name word here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from thaw.match.names import Alignment
from thaw.text import Token

#: The ISO code of Myanmar (Burma), and Burma's former one.
MYANMAR: Final = frozenset({"mm", "bu"})

#: A run of vowel letters, *y* and *w* among them when they follow a vowel or
#: a consonant (*Kyaw*, *Myint*, *Htay*): one syllable.
_SYLLABLE: Final = re.compile(r"[aeiouy]+w?")

#: The honorifics and particles a Burmese name is written with, no name word
#: (*U*, *Daw*, *Ko*, *Ma*, *Maung* is a name too and is not among them).
HONORIFICS: Final = frozenset({"u", "daw", "ko", "ma", "saw", "naw", "sai", "nang", "mg"})


def one_syllable(word: str) -> bool:
    """Whether a Latin word (folded, lower case) is one syllable: one run of
    vowel letters (*soe*, *aung*, *kyaw*, *hlaing*, *myint*)."""
    return word.isascii() and word.isalpha() and len(_SYLLABLE.findall(word)) == 1


def _words(tokens: Iterable[Token]) -> list[tuple[int, Token]]:
    """The name words of ``tokens`` with their places, honorifics left out."""
    return [
        (i, t)
        for i, t in enumerate(tokens)
        if t.role == "name" and len(t.raw) > 1 and t.raw not in HONORIFICS
    ]


def burmese_added(
    qs: tuple[Token, ...],
    rs: tuple[Token, ...],
    al: Alignment,
    countries: Iterable[str],
) -> Token | None:
    """The word one name adds to the other when the query and the listed name,
    one of them of Myanmar (``countries``: the query's and the listing's), are
    both Burmese names written in Latin letters (two words or more of one
    syllable each), every word of the shorter aligned and a word of the longer
    left unaligned ("Soe Win Naing" against 'Soe Win': *Naing*; "Min Aung"
    against 'Min Aung Hlaing': *Hlaing*); ``None`` otherwise."""
    if MYANMAR.isdisjoint(c.lower() for c in countries):
        return None
    q_words, r_words = _words(qs), _words(rs)
    if len(q_words) == len(r_words) or min(len(q_words), len(r_words)) < 2:
        return None
    if not all(one_syllable(t.raw) for _, t in q_words + r_words):
        return None
    if len(q_words) > len(r_words):
        short, short_used, long, long_used = r_words, al.result_used, q_words, al.query_used
    else:
        short, short_used, long, long_used = q_words, al.query_used, r_words, al.result_used
    if any(i not in short_used for i, _ in short):
        return None
    return next((t for i, t in long if i not in long_used), None)
