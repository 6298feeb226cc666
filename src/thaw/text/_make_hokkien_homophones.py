"""Regenerate ``data/han_hokkien_homophones.txt.gz``, Hokkien readings
inferred for the characters that the Hokkien table lacks (dev tool).

Usage::

    python -m thaw.text._make_hokkien_homophones

taibun's table (:mod:`thaw.text.hokkien`) reads about six thousand
characters; names use others (盧, 熙, 駒, 琨 …). Mandarin, Cantonese and
Hokkien all descend from Middle Chinese, and two characters that read alike
in both Mandarin and Cantonese almost always had one Middle Chinese syllable,
which Hokkien reads alike too. So a character without a Hokkien reading is
given each reading that at least :data:`SHARE` of its **homophones** have:
the characters with the same Mandarin readings
(:func:`thaw.text.chinese.mandarin_readings`, toneless) and the same
Cantonese ones (:func:`thaw.text.cantonese.jyutping`, toneless), at least
:data:`LEAST` of them with a Hokkien reading (盧 *lu lou*: 廬, 櫓, 滷 … read
``loo``). Checked by leaving each character of the table out: three in four of
the readings so inferred are among the character's own, and four in five
characters get one of their own. The table is derived from taibun's
(CC BY-SA 4.0, ``data/NOTICE-taibun.md``) and is shared under that licence;
:mod:`thaw.text.hokkien` reads it, its digest is
``HOMOPHONES_SHA256`` there.
"""

from __future__ import annotations

import gzip
import hashlib
import sys
from collections import Counter, defaultdict
from typing import Final

from thaw.text import cantonese, hokkien
from thaw.text.chinese import mandarin_readings

#: The least share of a character's homophones that must have a reading.
SHARE: Final = 2 / 3
#: The fewest homophones with a Hokkien reading a character needs.
LEAST: Final = 2

_Key = tuple[frozenset[str], frozenset[str]]


def _key(ch: str) -> _Key | None:
    mandarin, jyutping = mandarin_readings(ch), cantonese.jyutping(ch)
    if not mandarin or not jyutping:
        return None
    return frozenset(mandarin), frozenset(jyutping)


def infer(known: dict[str, tuple[str, ...]], chars: list[str]) -> dict[str, list[str]]:
    """``character → [inferred Tâi-lô, …]`` for each of ``chars`` that
    ``known`` lacks and whose homophones agree (see the module docs)."""
    groups: defaultdict[_Key, list[str]] = defaultdict(list)
    keys: dict[str, _Key] = {}
    for ch in chars:
        key = _key(ch)
        if key is not None:
            keys[ch] = key
            groups[key].append(ch)
    out: dict[str, list[str]] = {}
    for ch, key in keys.items():
        if ch in known:
            continue
        readers = [y for y in groups[key] if y in known]
        if len(readers) < LEAST:
            continue
        counts = Counter(r for y in readers for r in dict.fromkeys(known[y]))
        readings = [r for r, n in counts.most_common() if n >= SHARE * len(readers)]
        if readings:
            out[ch] = readings
    return out


def main(argv: list[str]) -> int:
    del argv
    known = hokkien._table()
    table = infer(known, sorted(cantonese._table()))
    text = "".join(f"{ch}\t{' '.join(table[ch])}\n" for ch in sorted(table))
    data = gzip.compress(text.encode("utf-8"), mtime=0)
    hokkien.HOMOPHONES_PATH.write_bytes(data)
    print(f"wrote {len(table)} characters to {hokkien.HOMOPHONES_PATH}")
    print(f"HOMOPHONES_SHA256 = {hashlib.sha256(data).hexdigest()!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
