"""Regenerate ``data/han_hokkien.txt.gz``, the Hokkien readings of Chinese
characters (dev tool).

Usage::

    pip install taibun msgpack
    python -m thaw.text._make_hokkien [PRONS_MSGPACK] [UNIHAN_DIR]

Unihan has no Hokkien field. The readings come from *taibun* (Andrei
Harbachov, MIT; its data CC BY-SA 4.0, drawn from the Taiwanese–Chinese
Online Dictionary of National Taichung University and the iTaigi
dictionary): ``taibun/data/prons.msgpack`` maps a traditional character to
its literary and colloquial readings in Tâi-lô (林 ``lîm nâ ná``, 陳 ``tân
tîn``). The table keeps them without tone marks, in order, one line per
character, ``character<TAB>reading …``; a reading written with alternatives
(``jī/lī``) gives each. A simplified character reads as its traditional form
(Unihan's ``kTraditionalVariant``, from ``UNIHAN_DIR``, by default
``/usr/share/unicode``). :mod:`thaw.text.hokkien` reads the table; its digest
is ``HOKKIEN_SHA256`` there. The table is derived from CC BY-SA 4.0 data and
is shared under that licence, with this attribution.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import sys
import unicodedata
from pathlib import Path

from thaw.text._make_unihan import traditional_fill
from thaw.text.hokkien import HOKKIEN_PATH


def toneless(reading: str) -> str:
    """A Tâi-lô syllable without its tone mark (``lîm`` → ``lim``, ``o̍``,
    ``ⁿ`` kept as written: ``nn``)."""
    decomposed = unicodedata.normalize("NFD", reading.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def build(prons: dict[str, list[str]], folder: Path) -> dict[str, list[str]]:
    """``character → [toneless Tâi-lô, …]`` (see the module docs)."""
    table: dict[str, list[str]] = {}
    for ch, readings in prons.items():
        if len(ch) != 1:
            continue
        out: list[str] = []
        for reading in readings:
            for item in reading.split("/"):
                syllable = toneless(item.strip())
                if syllable.isascii() and syllable.isalpha() and syllable not in out:
                    out.append(syllable)
        if out:
            table[ch] = out
    return traditional_fill(folder, table)


def main(argv: list[str]) -> int:
    import msgpack  # type: ignore[import-not-found,import-untyped,unused-ignore]

    if argv:
        source = Path(argv[0])
    else:
        spec = importlib.util.find_spec("taibun")
        if spec is None or spec.origin is None:
            print("taibun is not installed (pip install taibun msgpack)", file=sys.stderr)
            return 2
        source = Path(spec.origin).parent / "data" / "prons.msgpack"
    folder = Path(argv[1]) if len(argv) > 1 else Path("/usr/share/unicode")
    prons = msgpack.unpackb(source.read_bytes(), raw=False)
    table = build(prons, folder)
    text = "".join(f"{ch}\t{' '.join(table[ch])}\n" for ch in sorted(table))
    data = gzip.compress(text.encode("utf-8"), mtime=0)
    HOKKIEN_PATH.write_bytes(data)
    print(f"wrote {len(table)} characters to {HOKKIEN_PATH}")
    print(f"HOKKIEN_SHA256 = {hashlib.sha256(data).hexdigest()!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
