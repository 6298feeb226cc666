"""Two given names a first consonant apart: another name, not a typing error.

The name alignment compares two Latin words letter by letter, and a letter in
place of another, or one added, is within its budget of typing errors: *Bill
Cates* is Bill Gates mistyped, *Lionel Bessi* Lionel Messi. But the first
letter of a name is the one people least often mistype, and when both words
are given names in their own right, a consonant in front that differs, or one
added in front, makes the other name: *Nasir* and *Yasir*, *Samer* and *Amer*,
*Kamal* and *Jamal*, *Samir* and *Tamir*, the namesakes a romanised Arabic or
Persian name has a letter away.

:func:`other_first_letter` tells such a pair. Both words must be recorded
given names (:func:`thaw.match.given_genders.recorded_gender`), four letters
or more, and the same after their first letter, or one the other with a letter
put before it. Letters that spell one sound across romanisations are no such
difference (:data:`SPELT_ALIKE`: *Cemal* and *Jamal*, *Yusuf* and *Jusuf*,
*Kasim* and *Qasim*), nor is a vowel (*Osama*, *Usama*) or a breath, glide or
aspirate put before a name (*Hamid*, *Amid*; *Khalid*, *Halid*), which
romanisations add and drop, nor two words rigour's name data gives a symbol
in common (one name), nor a pet name, which rhymes with another for one name
(*Bill* and *Will*, both *William*; *Dick* and *Rick*).

Family names made of such given names with the nisba *-i* are two names the
same way (*Jafari* and *Safari*): one of the two stems must be a recorded
given name (:func:`_nisbas_apart`).
"""

from __future__ import annotations

from typing import Final

from thaw.match.consonants import SPELT_ALIKE as ABJAD_ALIKE
from thaw.match.given_genders import recorded_gender
from thaw.text import Token, consonantal

#: Pairs of first letters that spell one sound in some romanisation: *c*, *k*,
#: *q* (*Kasim*, *Qasim*, *Cassim*); *g*, *j*, *c* for ج (*Gamal*, *Jamal*,
#: *Cemal*); *j*, *y*, *i* (*Jusuf*, *Yusuf*, *Iosif*); *c* and *s* (*Chakir*,
#: *Shakir*); *s*, *z* (ز and س in Persian *Zohreh*, *Sohreh*... and Turkish); *v*, *w*;
#: *f*, *p* (*Farid*, *Parid*: a Persian پ written ف); and the letters that
#: readings of scripts with one letter for both write either way: *b*, *v*,
#: *p* (Spanish *Bictor*; Korean and Japanese write *v* with their *b*: 블라디미르
#: *Bladimir*, Vladimir; Arabic has no *p*: *Boutros*, *Poutros*), *f*, *v*
#: (German *Volker*), *d*, *t* and *g*, *k* (Korean ㄷ, ㄱ: *Dae*, *Tae*; *Gim*,
#: *Kim*), *l*, *r* (Korean ㄹ, Japanese ラ: *Ri*, *Li*).
SPELT_ALIKE: Final = frozenset(
    frozenset(pair)
    for pair in (
        *("ck", "cq", "kq", "gj", "cj", "cg", "jy", "iy", "ij", "cs", "sz", "vw", "fp"),
        *("bv", "bp", "fv", "dt", "gk", "lr"),
    )
)

#: Letters a romanisation puts before a name or leaves out there.
_BREATHS: Final = frozenset("hywk")

_VOWELS: Final = frozenset("aeiou")

#: The prefix of rigour's symbols of pet names (``NICK:BILL``).
_NICKNAME: Final = "NICK:"

#: The fewest letters of a word compared (*Amer*).
MIN_LENGTH: Final = 4


def _given(word: str) -> bool:
    return (
        len(word) >= MIN_LENGTH
        and word.isascii()
        and word.isalpha()
        and (recorded_gender(word) is not None)
    )


def _apart(a: str, b: str, alike: frozenset[frozenset[str]]) -> bool:
    """Whether ``a`` and ``b`` differ only by their first letter: two
    consonants that do not spell one sound (``alike``), or a consonant put
    before the one that is not a breath or glide."""
    if len(a) == len(b):
        x, y = a[0], b[0]
        return (
            a[1:] == b[1:]
            and x != y
            and x not in _VOWELS
            and y not in _VOWELS
            and frozenset((x, y)) not in alike
        )
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return (
        len(longer) == len(shorter) + 1
        and longer[1:] == shorter
        and longer[0] not in _VOWELS
        and longer[0] not in _BREATHS
    )


def _consonants(word: str) -> str:
    return "".join([c for c in word if c not in _VOWELS])


def other_first_letter(q: Token, r: Token) -> bool:
    """Whether two aligned name words are two given names that differ by their
    first letter, a consonant in place of another that does not spell the
    same sound (:data:`SPELT_ALIKE`), or a consonant put before the other
    name that is not a breath or glide: *Nasir* and *Yasir*, *Samer* and
    *Amer*; not *Osama* and *Usama*, *Yusuf* and *Jusuf*, *Hamid* and *Amid*.
    A Latin word is compared with a word written in Arabic, Persian or Hebrew
    letters by the consonants of both (*Nasir* and ياسر *yasr*, *Samer* and
    عامر *aamr*), the letters of such a script that romanisations spell
    alike (:data:`thaw.match.consonants.SPELT_ALIKE`) counting as one; the
    Latin word must be a recorded given name."""
    if q.role != "name" or r.role != "name" or (q.abjad and r.abjad):
        return False
    if q.raw == r.raw or q.symbols & r.symbols:
        return False  # (rigour's name data makes them one name)
    if any(s.startswith(_NICKNAME) for s in q.symbols | r.symbols):
        return False  # (pet names rhyme: *Bill*, *Will*; *Dick*, *Rick*)
    if q.abjad or r.abjad:
        latin, written = (r, q) if q.abjad else (q, r)
        if not _given(latin.raw) or not consonantal(written.raw):
            return False
        return _apart(_consonants(latin.raw), _consonants(written.raw), SPELT_ALIKE | ABJAD_ALIKE)
    if _given(q.raw) and _given(r.raw):
        return _apart(q.raw, r.raw, SPELT_ALIKE)
    return _nisbas_apart(q.raw, r.raw)


def _single(word: str) -> str:
    """``word`` with each letter written twice in a row written once."""
    return "".join(c for i, c in enumerate(word) if word[i - 1 : i] != c)


def _nisbas_apart(a: str, b: str) -> bool:
    """Whether two Latin words are family names made of two given names with
    the nisba *-i* (*Jafari* of *Jafar*, *Safari* of *Safar*), of one length,
    whose stems differ by a first consonant that does not spell the other's
    sound (:func:`_apart`), the stem of one at least a recorded given name
    (rigour records *Jafar*, not *Safar*). Only a consonant in place of
    another: one put before (*Djafari*, *Jafari*) is a French spelling."""
    a, b = _single(a), _single(b)  # (a vowel written twice: *Jaafari*)
    if len(a) != len(b) or len(a) < MIN_LENGTH + 1 or not (a + b).isascii():
        return False
    if not (a.isalpha() and b.isalpha() and a[-1] == "i" and b[-1] == "i"):
        return False
    x, y = a[:-1], b[:-1]
    if x[-1] in _VOWELS or not (_given(x) or _given(y)):
        return False
    return _apart(x, y, SPELT_ALIKE)
