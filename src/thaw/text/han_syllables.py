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
