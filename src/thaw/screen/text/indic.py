"""What Hindi says of a word written in Devanagari.

Devanagari writes every consonant with an inherent *a*, which Hindi does not
say at a word's end (name analysis drops it: :mod:`thaw.text.translit`) nor,
in most words, between a vowel and a consonant that has one (रहमान *rahmān*,
not *rahamān*). Names of Arabic and Persian origin keep it in their Latin
spellings (हरकत, HARAKAT), Indian and Pakistani names and words drop it
(लश्कर-ए-झांगवी, LASHKAR-E-JHANGVI): free text tries a Devanagari name that
meets no listed name as written also as Hindi says it (:func:`said`).
"""

from __future__ import annotations

import re
from typing import Final

_DEVANAGARI_VIRAMA: Final = "\u094d"
_DEVANAGARI_NASALS: Final = frozenset("\u0901\u0902")  # candrabindu, anusvara
_DEVANAGARI_NUKTA: Final = "\u093c"


def _said_word(word: str) -> str:
    """A Devanagari word with the inherent *a* Hindi does not say written
    away (a virama after its consonant): a consonant's between a vowel and a
    consonant that has one (V C_ C V, read from the word's end: रहमान
    *rahmān*, not *rahamān*; तैयबा *taiybā*; झांगवी *jhāngvī*, an anusvara
    nasalising the vowel before it). The first consonant keeps its vowel, as
    do those before or after a cluster (लश्कर *lashkar*, मोहम्मद)."""
    # (consonant, vowel): vowel "a" inherent, "" none (virama), else a sign
    units: list[list[str]] = []
    for ch in word:
        if ch == _DEVANAGARI_NUKTA and units:
            units[-1][0] += ch
        elif ch == _DEVANAGARI_VIRAMA and units and units[-1][1] == "a":
            units[-1][1] = ""
        elif ch in _DEVANAGARI_NASALS and units:
            units[-1][1] += ch
        elif "\u0915" <= ch <= "\u0939" or "\u0958" <= ch <= "\u095f":
            units.append([ch, "a"])
        elif "\u093e" <= ch <= "\u094c" and units and units[-1][1] == "a":
            units[-1][1] = ch
        else:
            units.append(["", ch])  # an independent vowel, or anything else
    if len(units) < 3 or any(not c and not ("\u0904" <= v[:1] <= "\u0914") for c, v in units):
        return word
    voiced = [bool(v) for _c, v in units]  # whether a vowel is said after the unit
    voiced[-1] = voiced[-1] and units[-1][1] != "a"  # (a final one is not said)
    for i in range(len(units) - 2, 0, -1):
        consonant, vowel = units[i]
        if consonant and vowel == "a" and voiced[i - 1] and units[i + 1][0] and voiced[i + 1]:
            units[i][1] = _DEVANAGARI_VIRAMA
            voiced[i] = False
    return "".join(c + ("" if v == "a" else v or _DEVANAGARI_VIRAMA) for c, v in units)


_DEVANAGARI_WORD: Final = re.compile("[\u0900-\u0963\u0966-\u097f]+")
"""Devanagari letters and signs (not the dandas that end a sentence)."""


def said(text: str) -> str:
    """``text`` with each Devanagari word as Hindi says it (:func:`_said_word`)."""
    return _DEVANAGARI_WORD.sub(_said_match, text)


def _said_match(match: re.Match[str]) -> str:
    return _said_word(match.group())
