"""Regenerate ``data/hanja_readings.txt.gz`` and ``data/hangul_mandarin.txt.gz``
from the Unicode Han Database (dev tool).

Usage::

    python -m thaw.text._make_unihan [UNIHAN_DIR]

``UNIHAN_DIR`` holds ``Unihan_Readings.txt`` and ``Unihan_Variants.txt`` (plain
or ``.bz2``, as Debian's ``unicode-data`` package installs them in
``/usr/share/unicode``, the default). The first table has one line per Chinese
character that Korean reads, ``character<TAB>hangul …``:

* the Korean readings are Unihan's ``kHangul`` field; where a character has
  several, the one marked ``N`` (the Supreme Court's table of hanja for
  personal names) comes first, else the first (金 is 금 as a word and 김 as a
  name), then the others that table or the table of hanja for education
  (``E``) gives (若 ``야 약``: 丁若鏞 is *Jeong Yak-yong*);
* a simplified character, which Korea does not write and ``kHangul`` does not
  cover, reads as its traditional form (``kTraditionalVariant``: 铁 → 鐵 → 철).

:mod:`thaw.text.korean` reads it. The table's SHA-256 is written into
:mod:`thaw.text.korean` (``HANJA_SHA256``) so that a regenerated table changes
the code digest the screening index is keyed by.

The second table goes the other way, from a Korean reading to the Mandarin
readings of the characters Korean reads so (승 ``sheng:51 cheng:32 ying:11
seng:6``), for Chinese names written in Hangul by their characters' Korean
readings (:func:`thaw.text.korean.mandarin_readings`). Each character counts
by how common it is (``kHanyuPinlu``'s counts in modern Mandarin, on a log
scale, else its ``kFrequency`` class, else 1.5 for a character taught in
school, ``kGradeLevel``; rare characters count nothing), its Mandarin reading
is ``kMandarin``'s first without tones; a reading's share is its characters'
part of the syllable's total, in per cent, and only readings of
:data:`MIN_SHARE` per cent or more are kept, at most :data:`MAX_READINGS`.
Its digest is ``MANDARIN_SHA256`` in :mod:`thaw.text.korean`.

The fourth, ``data/han_polyphones.txt.gz``, lists the common characters that
have more than one Mandarin reading, with all of them (曾 ``ceng zeng``, 单
``dan chan shan``): ``kMandarin``'s, then those of the dictionaries of modern
standard characters (``kTGHZ2013``, ``kXHC1983``), or for a character neither
lists but ``kFrequency`` does (a traditional one), ``kHanyuPinyin``'s; a
surname often takes the reading that is not the word's (曾 *Zeng*, 单 *Shan*),
for :func:`thaw.text.chinese.polyphone_variants`. Its digest is
``POLYPHONES_SHA256`` in :mod:`thaw.text.chinese`.

The third, ``data/kanji_readings.txt.gz``, gives each character's Japanese
readings (``kJapaneseKun`` then ``kJapaneseOn``, lower case, long vowels written
short as the lists write them: 勝 ``katsu masaru taeru sho``), for the readings
of Japanese names that a dictionary reading misses
(:func:`thaw.text.japanese.kanji_name_readings`); its digest is
``KANJI_SHA256`` in :mod:`thaw.text.japanese`.

The fifth, ``data/han_cantonese.txt.gz``, gives each character's Cantonese
readings, Unihan's ``kCantonese`` in Jyutping without tones (林 ``lam``, 行
``hang haang hong``); a simplified character that has none reads as its
traditional form (``kTraditionalVariant``: 郑 → 鄭 → ``zeng``), for the Hong
Kong spellings of :mod:`thaw.text.cantonese`. Its digest is
``CANTONESE_SHA256`` there.
"""

from __future__ import annotations

import bz2
import gzip
import hashlib
import math
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from thaw.text.cantonese import CANTONESE_PATH
from thaw.text.chinese import POLYPHONES_PATH
from thaw.text.japanese import KANJI_PATH
from thaw.text.korean import HANJA_PATH, MANDARIN_PATH

#: The least share (per cent) of a Korean syllable's characters that a Mandarin
#: reading needs to be kept, and the most readings kept per syllable.
MIN_SHARE = 5
MAX_READINGS = 5
#: The weight of a character of each ``kFrequency`` class (1: most common).
_FREQUENCY_CLASS = {"1": 4.0, "2": 3.0, "3": 2.5, "4": 2.0, "5": 1.5}

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


def name_readings(value: str) -> list[str]:
    """Every Korean reading of one ``kHangul`` value that a name may take:
    :func:`name_reading` first, then the others that the tables of hanja for
    personal names (``N``) or for education (``E``) give it (``야:0N 약:0E``
    → ``야 약``: 若 is 약 in 丁若鏞 *Jeong Yak-yong*); a reading of neither
    (``낙:0``, 樂's 락 at the start of a word) is left out."""
    first = name_reading(value)
    others = [
        hangul
        for hangul, _, sources in (item.partition(":") for item in value.split())
        if hangul != first and ("N" in sources or "E" in sources)
    ]
    return list(dict.fromkeys([first, *others]))


_T = TypeVar("_T")


def traditional_fill(folder: Path, table: dict[str, _T]) -> dict[str, _T]:
    """``table`` with each simplified character it lacks given the entry of
    its traditional form (``kTraditionalVariant``: 铁 → 鐵), as the tables
    hold what the languages that write traditional characters read."""
    for ch, _, value in _fields(folder, "Unihan_Variants.txt", frozenset({"kTraditionalVariant"})):
        if ch in table:
            continue
        for code in value.split():
            target = chr(int(code.removeprefix("U+").split("<")[0], 16))
            if target in table:
                table[ch] = table[target]
                break
    return table


def build(folder: Path) -> dict[str, list[str]]:
    """``character → Korean readings`` (:func:`name_readings`, the reading of
    names first) from the Unihan files in ``folder``."""
    table: dict[str, list[str]] = {}
    for ch, _, value in _fields(folder, "Unihan_Readings.txt", frozenset({"kHangul"})):
        table[ch] = name_readings(value)
    return traditional_fill(folder, table)


def _commonness(fields: dict[str, str]) -> float:
    """How common a character is, for weighting its reading (see the module docs)."""
    counts = fields.get("kHanyuPinlu")
    if counts:
        return 1.0 + math.log10(1 + sum(int(n) for n in re.findall(r"\((\d+)\)", counts)))
    if "kFrequency" in fields:
        return _FREQUENCY_CLASS.get(fields["kFrequency"], 1.0)
    return 1.5 if "kGradeLevel" in fields else 0.0


def _toneless(pinyin: str) -> str:
    """A pinyin syllable without its tone mark, *ü* as *v* (``lǚ`` → ``lv``)."""
    decomposed = unicodedata.normalize("NFD", pinyin.replace("ü", "v"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def build_mandarin(folder: Path) -> dict[str, list[tuple[str, int]]]:
    """``Korean syllable → [(Mandarin reading, share in per cent), …]``, most
    common first, from the Unihan files in ``folder`` (see the module docs)."""
    fields: dict[str, dict[str, str]] = defaultdict(dict)
    wanted = frozenset({"kHangul", "kMandarin", "kHanyuPinlu"})
    for ch, name, value in _fields(folder, "Unihan_Readings.txt", wanted):
        fields[ch][name] = value
    others = frozenset({"kFrequency", "kGradeLevel"})
    for ch, name, value in _fields(folder, "Unihan_DictionaryLikeData.txt", others):
        if ch in fields:
            fields[ch][name] = value
    weights: dict[str, defaultdict[str, float]] = defaultdict(lambda: defaultdict(float))
    for values in fields.values():
        if "kHangul" not in values or "kMandarin" not in values:
            continue
        reading = _toneless(values["kMandarin"].split()[0])
        weight = _commonness(values)
        for item in values["kHangul"].split():
            weights[item.partition(":")[0]][reading] += weight
    table: dict[str, list[tuple[str, int]]] = {}
    for syllable, readings in weights.items():
        total = sum(readings.values())
        if not total:
            continue
        kept = [
            (reading, round(100 * weight / total))
            for reading, weight in sorted(readings.items(), key=lambda rw: -rw[1])[:MAX_READINGS]
            if 100 * weight / total >= MIN_SHARE
        ]
        if kept:
            table[syllable] = kept
    return table


def build_polyphones(folder: Path) -> dict[str, list[str]]:
    """``character → [Mandarin reading, …]`` for the common characters with more
    than one reading (see the module docs)."""
    fields: dict[str, dict[str, str]] = defaultdict(dict)
    wanted = frozenset({"kMandarin", "kTGHZ2013", "kXHC1983", "kHanyuPinyin"})
    for ch, name, value in _fields(folder, "Unihan_Readings.txt", wanted):
        fields[ch][name] = value
    frequency = frozenset({"kFrequency"})
    for ch, name, value in _fields(folder, "Unihan_DictionaryLikeData.txt", frequency):
        if ch in fields:
            fields[ch][name] = value
    table: dict[str, list[str]] = {}
    for ch, values in fields.items():
        sources: tuple[str, ...]
        if "kTGHZ2013" in values or "kXHC1983" in values:
            sources = ("kMandarin", "kTGHZ2013", "kXHC1983")
        elif "kFrequency" in values:
            sources = ("kMandarin", "kHanyuPinyin")
        else:
            continue
        readings: list[str] = []
        for source in sources:
            for item in values.get(source, "").split():
                for reading in item.rpartition(":")[2].split(","):
                    toneless = _toneless(reading)
                    if toneless.isalpha() and toneless not in readings:
                        readings.append(toneless)
        if len(readings) > 1:
            table[ch] = readings
    return table


_LONG = re.compile(r"(?<=[a-z])(ou|oo|uu)")


def build_kanji(folder: Path) -> dict[str, list[str]]:
    """``character → [Japanese reading, …]``, kun readings first, from the
    Unihan files in ``folder`` (see the module docs)."""
    table: dict[str, list[str]] = defaultdict(list)
    wanted = frozenset({"kJapaneseKun", "kJapaneseOn"})
    found = sorted(_fields(folder, "Unihan_Readings.txt", wanted), key=lambda f: f[1])
    for ch, _, value in found:  # (kJapaneseKun sorts before kJapaneseOn)
        for reading in value.lower().split():
            short = _LONG.sub(lambda m: m.group(1)[0], reading)
            if short.isalpha() and short.isascii() and short not in table[ch]:
                table[ch].append(short)
    return {ch: readings for ch, readings in table.items() if readings}


_JYUTPING = re.compile(r"^([a-z]+)[1-6]$")


def build_cantonese(folder: Path) -> dict[str, list[str]]:
    """``character → [Jyutping without tones, …]`` from the Unihan files in
    ``folder`` (see the module docs)."""
    table: dict[str, list[str]] = {}
    for ch, _, value in _fields(folder, "Unihan_Readings.txt", frozenset({"kCantonese"})):
        readings: list[str] = []
        for item in value.split():
            m = _JYUTPING.match(item)
            if m and m.group(1) not in readings:
                readings.append(m.group(1))
        if readings:
            table[ch] = readings
    return traditional_fill(folder, table)


def _write(path: Path, text: str) -> str:
    data = gzip.compress(text.encode("utf-8"), mtime=0)
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("/usr/share/unicode")
    table = build(folder)
    lines = (f"{ch}\t{' '.join(table[ch])}\n" for ch in sorted(table))
    digest = _write(HANJA_PATH, "".join(lines))
    print(f"wrote {len(table)} characters to {HANJA_PATH}")
    print(f"HANJA_SHA256 = {digest!r}")
    mandarin = build_mandarin(folder)
    lines = (
        f"{syllable}\t{' '.join(f'{r}:{share}' for r, share in mandarin[syllable])}\n"
        for syllable in sorted(mandarin)
    )
    digest = _write(MANDARIN_PATH, "".join(lines))
    print(f"wrote {len(mandarin)} syllables to {MANDARIN_PATH}")
    print(f"MANDARIN_SHA256 = {digest!r}")
    poly = build_polyphones(folder)
    lines = (f"{ch}\t{' '.join(poly[ch])}\n" for ch in sorted(poly))
    digest = _write(POLYPHONES_PATH, "".join(lines))
    print(f"wrote {len(poly)} characters to {POLYPHONES_PATH}")
    print(f"POLYPHONES_SHA256 = {digest!r}")
    kanji = build_kanji(folder)
    digest = _write(KANJI_PATH, "".join(f"{ch}\t{' '.join(kanji[ch])}\n" for ch in sorted(kanji)))
    print(f"wrote {len(kanji)} characters to {KANJI_PATH}")
    print(f"KANJI_SHA256 = {digest!r}")
    cantonese = build_cantonese(folder)
    lines = (f"{ch}\t{' '.join(cantonese[ch])}\n" for ch in sorted(cantonese))
    digest = _write(CANTONESE_PATH, "".join(lines))
    print(f"wrote {len(cantonese)} characters to {CANTONESE_PATH}")
    print(f"CANTONESE_SHA256 = {digest!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
