"""Regenerate ``data/han_syllables.txt.gz``, the Latin spellings of Chinese
syllables and the Mandarin readings they stand for (dev tool; see
:mod:`thaw.text.han_syllables` for what the table holds).

Usage::

    python -m thaw.text._make_han_syllables

It prints the new digest, to be written as ``HAN_SYLLABLES_SHA256`` in
:mod:`thaw.text.han_syllables`. ICU's Han-Latin reading is an input: a new ICU
may change a few readings, which regenerating shows.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable, Iterable
from typing import Final

from thaw.text.cantonese import cantonese_spellings
from thaw.text.chinese import mandarin_readings, pinyin_spellings, toned_reading
from thaw.text.han_syllables import HAN_SYLLABLES_PATH, PINYIN_KEY, Inventory
from thaw.text.taiwan import mps2, tongyong
from thaw.text.wadegiles import wade_giles

#: The Mandarin romanisations read, each a reading's spellings.
MANDARIN: Final[tuple[Callable[[str], Iterable[str]], ...]] = (
    pinyin_spellings,
    wade_giles,
    lambda r: (mps2(r),),
    lambda r: (tongyong(r),),
)
#: The CJK unified ideographs whose spellings are read.
FIRST, LAST = 0x4E00, 0x9FA5


def common(ch: str) -> bool:
    """Whether ``ch`` is among the common characters of GB 2312 (6,763, which
    write nearly all names; traditional forms read as their simplified ones
    do): a rare character's rare reading would make two syllables alike."""
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def build() -> Inventory:
    """The table: each character's Mandarin readings in every system of
    :data:`MANDARIN`, and its Cantonese spellings standing for its usual
    reading (Hokkien's, far from Mandarin's, are left out: *tan* is 陳
    *chen*); and the spellings that are pinyin's."""
    found: dict[str, set[str]] = {}
    readings: set[str] = set()
    for cp in range(FIRST, LAST + 1):
        ch = chr(cp)
        if not common(ch):
            continue
        usual, _ = toned_reading(ch)
        if not usual:
            continue
        readings.update(mandarin_readings(ch))
        for sp in cantonese_spellings(ch):
            found.setdefault(sp, set()).add(usual)
    for r in readings:
        for spell in MANDARIN:
            for sp in spell(r):
                if sp:
                    found.setdefault(sp, set()).add(r)
    pinyin = frozenset(sp for r in readings for sp in pinyin_spellings(r))
    return {sp: frozenset(rs) for sp, rs in found.items()}, pinyin


def render(inventory: Inventory) -> bytes:
    """The table's lines, sorted, gzip-compressed with no time stamp."""
    found, pinyin = inventory
    lines = [f"{sp}\t{' '.join(sorted(rs))}" for sp, rs in sorted(found.items())]
    lines.append(f"{PINYIN_KEY}\t{' '.join(sorted(pinyin))}")
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0)


def main() -> None:
    data = render(build())
    HAN_SYLLABLES_PATH.write_bytes(data)
    print(hashlib.sha256(data).hexdigest())


if __name__ == "__main__":
    main()
