"""The Latin spellings of Chinese syllables, and the Mandarin readings each may
stand for: the table :mod:`thaw.match.han_latin` cuts names in Latin letters
with (*hsiang*: ``xiang``; *chan*: ``chen`` ``zhan`` …).

The table is generated offline by :mod:`thaw.text._make_han_syllables` from
the common characters of GB 2312 (6,763): each character's Mandarin readings
(ICU's and the polyphones' table, :func:`thaw.text.chinese.mandarin_readings`)
spelt in pinyin, Wade–Giles, MPS II and Tongyong, and its Cantonese spellings
(:func:`thaw.text.cantonese.cantonese_spellings`) standing for its usual
Mandarin reading. Built at run time it cost a new process 0.3 s (ICU's reading
of each character), the first time a name was asked whether it reads as a
Chinese one; read from the file it costs a few milliseconds.

:func:`chinese_syllables` cuts a word in Latin letters into the syllables it
may spell, and :func:`reads_as_chinese_name` tells a name written as Chinese
names are (:mod:`thaw.match.han_latin` compares such names syllable by
syllable; name analysis reads a legal form's abbreviation ending such a
person's name as a syllable: *Ng Kwan Yu*, *Li Sa*).

Format: one line per spelling, ``spelling<TAB>reading …``, and a last line
``*pinyin<TAB>spelling …`` listing the spellings that are pinyin itself.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path
from typing import Final

HAN_SYLLABLES_PATH: Final = Path(__file__).resolve().parent / "data" / "han_syllables.txt.gz"
HAN_SYLLABLES_SHA256: Final = "446dc34f05f077fe62d588c4bfbee4e6bf0ae533b5f682356e8f856c0c00d08c"
#: The key of the line that lists pinyin's own spellings.
PINYIN_KEY: Final = "*pinyin"

Inventory = tuple[dict[str, frozenset[str]], frozenset[str]]


@lru_cache(maxsize=1)
def syllable_inventory() -> Inventory:
    """Each Latin spelling of a Chinese syllable (lower-case ASCII) with the
    Mandarin readings (toneless pinyin, *ü* as ``v``) it may stand for, and
    the spellings that are pinyin's."""
    with gzip.open(HAN_SYLLABLES_PATH, "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    found: dict[str, frozenset[str]] = {}
    pinyin: frozenset[str] = frozenset()
    for line in lines:
        key, _, rest = line.partition("\t")
        if key == PINYIN_KEY:
            pinyin = frozenset(rest.split())
        else:
            found[key] = frozenset(rest.split())
    return found, pinyin


#: The most syllables a word of a Chinese name spells (a given name of two).
MAX_SYLLABLES: Final = 2
#: The longest spelling of one syllable (*zhuang*, *hsiang*).
LONGEST_SYLLABLE: Final = 6

_Cut = tuple[frozenset[str], ...]


def _readings_of(spelling: str) -> frozenset[str]:
    return syllable_inventory()[0].get(spelling, frozenset())


@lru_cache(maxsize=4096)
def chinese_syllables(word: str, most: int = MAX_SYLLABLES) -> tuple[_Cut, ...]:
    """The ways ``word`` (lower-case ASCII letters) cuts into one to ``most``
    spellings of Chinese syllables, each syllable as the
    Mandarin readings it may stand for (*xiaoming*: *xiao* + *ming*); empty
    when it spells none."""
    cuts: list[_Cut] = []

    def walk(rest: str, cut: _Cut) -> None:
        if not rest:
            cuts.append(cut)
            return
        if len(cut) == most:
            return
        for n in range(1, min(LONGEST_SYLLABLE, len(rest)) + 1):
            readings = _readings_of(rest[:n])
            if readings:
                walk(rest[n:], (*cut, readings))

    walk(word, ())
    return tuple(cuts)


@lru_cache(maxsize=8192)
def reads_as_chinese_name(words: tuple[str, ...]) -> bool:
    """Whether ``words`` (lower-case ASCII, a name's words) are written as a
    Chinese name is: two to four words of letters, each one or two syllables
    (:func:`chinese_syllables`), the first or the last one syllable (a
    family name)."""
    if not 2 <= len(words) <= 4 or not all(w.isalpha() and chinese_syllables(w) for w in words):
        return False
    return one_syllable(words[0]) or one_syllable(words[-1])


def one_syllable(word: str) -> bool:
    """Whether ``word`` (lower-case ASCII letters) may spell one Chinese
    syllable (:func:`chinese_syllables`)."""
    return any(len(cut) == 1 for cut in chinese_syllables(word))
