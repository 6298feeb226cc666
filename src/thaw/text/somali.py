"""Somali names in the Somali Latin orthography, read as other romanisations
spell them.

Somalia's official orthography (1972) writes its sounds with Latin letters of
its own choosing: *x* is the pharyngeal *ħ* that Arabic writes ح and English
romanisations *h* (*Xasan* Hassan, *Maxamed* Mohamed, *Xuseen* Hussein), *c*
the pharyngeal *ʕ* of Arabic ع, which English spellings leave out (*Cali*
Ali, *Cabdi* Abdi, *Sacad* Saad), and a long vowel is written twice (*Daahir*
Dahir, *Ciise* Isse, *Salaad* Salad). Newspapers, customer files and some
listings use it (UN: *MAXAMED CABDULLAAH CIISE*); other listings spell the same
people in English. :func:`somali_reading` gives the English spelling of a name
written so, which analysis compares as another reading of the name
(:func:`thaw.text.analyze.name_variants`).

A name is read so only when it shows the orthography: a word with a vowel
written twice that English does not double (*aa*, *ii*, *uu*), and an *x*
(*Xasan Daahir*), or that word beginning with *c* before a vowel
(*Cabdullaahi*, *Ciise*). Dutch and Finnish double vowels too (*Maarten*,
*Jaakko*) but seldom write an *x*, and their initial *c* (*Cornelis*) is
another sound, in words with no long vowel written twice; a pinyin *x*
(*Xu*, *Xiao*) comes with no such vowel.
"""

from __future__ import annotations

import re
from typing import Final

#: A long vowel written twice that English spelling does not double.
_DOUBLED: Final = re.compile(r"(?i)aa|ii|uu")
#: A word beginning with *c* before a vowel that writes such a long vowel.
_AYIN_WORD: Final = re.compile(r"(?i)\bc[aeiou]\w*?(?:aa|ii|uu)")
#: The letters the orthography gives its own sound: *x* anywhere, *c* at the
#: start of a word or between vowels, before a vowel (*Cali*, *Sacad*).
_LETTERS: Final = re.compile(r"(?i)x|\bc(?=[aeiou])|(?<=[aeiou])c(?=[aeiou])")
#: A vowel written twice.
_LONG: Final = re.compile(r"(?i)([aeiou])\1")


def _read(match: re.Match[str]) -> str:
    letter = match.group(0)
    if letter in "xX":
        return "h" if letter == "x" else "H"
    return ""  # (the ayin c: left out, as English spellings leave it)


def somali_reading(name: str) -> str | None:
    """``name`` as English romanisations spell it (*x* as *h*, the ayin *c*
    left out, long vowels written once: *Maxamed Xuseen Salaad* → *Mahamed
    Husen Salad*), if it is written in the Somali orthography (see the module
    docs); ``None`` otherwise or when the reading is the name itself."""
    if not _DOUBLED.search(name) or not ("x" in name or "X" in name or _AYIN_WORD.search(name)):
        return None
    reading = _LONG.sub(r"\1", _LETTERS.sub(_read, name))
    words = reading.split()
    if not words or any(not w.strip("-'") for w in words) or reading == name:
        return None
    return reading
