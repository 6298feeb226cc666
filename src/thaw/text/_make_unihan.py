"""Regenerate ``data/hanja_readings.txt.gz`` from the Unicode Han Database (dev tool).

Usage::

    python -m thaw.text._make_unihan [UNIHAN_DIR]

``UNIHAN_DIR`` holds ``Unihan_Readings.txt`` and ``Unihan_Variants.txt`` (plain
or ``.bz2``, as Debian's ``unicode-data`` package installs them in
``/usr/share/unicode``, the default). The table written has one line per Chinese
character that Korean reads, ``character<TAB>hangul``:

* the Korean reading is Unihan's ``kHangul`` field; where a character has
  several, the one marked ``N`` (the Supreme Court's table of hanja for
  personal names) is preferred, then the first (金 is 금 as a word and 김 as a
  name);
* a simplified character, which Korea does not write and ``kHangul`` does not
  cover, reads as its traditional form (``kTraditionalVariant``: 铁 → 鐵 → 철).

:mod:`thaw.text.korean` reads it. The table's SHA-256 is written into
:mod:`thaw.text.korean` (``HANJA_SHA256``) so that a regenerated table changes
the code digest the screening index is keyed by.
"""

from __future__ import annotations

import bz2
import gzip
import hashlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from thaw.text.korean import HANJA_PATH

_FIELD = re.compile(r"^U\+([0-9A-F]+)\t(\w+)\t(.*)$")


def _lines(folder: Path, name: str) -> Iterator[str]:
    plain = folder / name
    if plain.exists():
        yield from plain.read_text(encoding="utf-8").splitlines()
        return
    with bz2.open(folder / f"{name}.bz2", "rt", encoding="utf-8") as fh:
        yield from (line.rstrip("\n") for line in fh)


def _fields(folder: Path, name: str, wanted: frozenset[str]) -> Iterator[tuple[str, str, str]]:
    for line in _lines(folder, name):
        m = _FIELD.match(line)
        if m and m.group(2) in wanted:
            yield chr(int(m.group(1), 16)), m.group(2), m.group(3)


def name_reading(value: str) -> str:
    """The Korean reading of one ``kHangul`` value (``금:0E 김:0N`` → ``김``):
    the reading marked ``N`` (hanja for personal names), else the first."""
    readings = [item.partition(":") for item in value.split()]
    for hangul, _, sources in readings:
        if "N" in sources:
            return hangul
    return readings[0][0]


def build(folder: Path) -> dict[str, str]:
    """``character → Korean reading`` from the Unihan files in ``folder``."""
    table: dict[str, str] = {}
    for ch, _, value in _fields(folder, "Unihan_Readings.txt", frozenset({"kHangul"})):
        table[ch] = name_reading(value)
    for ch, _, value in _fields(folder, "Unihan_Variants.txt", frozenset({"kTraditionalVariant"})):
        if ch in table:
            continue
        for code in value.split():
            target = chr(int(code.removeprefix("U+").split("<")[0], 16))
            if target in table:
                table[ch] = table[target]
                break
    return table


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("/usr/share/unicode")
    table = build(folder)
    text = "".join(f"{ch}\t{table[ch]}\n" for ch in sorted(table))
    data = gzip.compress(text.encode("utf-8"), mtime=0)
    HANJA_PATH.write_bytes(data)
    print(f"wrote {len(table)} characters to {HANJA_PATH}")
    print(f"HANJA_SHA256 = {hashlib.sha256(data).hexdigest()!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
