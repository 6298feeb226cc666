"""Given-name symbols of single words, from a precomputed table.

rigour's person-name tagger knows that *Aleksandr* and *Alexander* are one given
name (they share the Wikidata name item ``NAME:Q…``) and that *Alex* is a
nickname of both (``NICK:ALEX``). Name analysis attaches these symbols to the
name tokens of personal names, and the matcher treats two different tokens that
share one as near-equal (see :mod:`thaw.match.names`).

Asking the tagger directly costs several seconds of CPU and a few hundred MiB the
first time (it compiles an automaton over ~470,000 aliases in every script),
while name analysis only ever asks it about single lower-case ASCII words, and
the tagger's answer for a word does not depend on the words around it (its
matches overlap and are applied wherever the word occurs). So the answers are
computed once, offline, by :mod:`thaw.text._make_symbols` and shipped as
``data/name_symbols.txt.gz``: one sorted line per word that has symbols,
``word<TAB>symbol symbol …`` (about 90,000 words). Loading it takes tens of
milliseconds; :func:`word_symbols` then answers from a dictionary.

Wikidata keeps one item per language form of a name (*Petro* and *Pyotr* are
two), so the table also gives the Latin words of items that the corpus links
as one name's forms in two languages a symbol of their group (``NAME:~petr``:
:mod:`thaw.text._language_forms`).

**Other scripts.** The same corpus knows names in every script: ``박`` shares a
name item with *Park*, *Pak* and *Bak*, ``이`` with *Lee*, *Yi* and *Rhee*,
``דוד`` with *David*, ``Αλέξανδρος`` with *Alexander*, ``أسامة`` with *Usama*
and *Osama*. The words of scripts other than Latin that share a symbol with a
word of the Latin table are in a second table, ``data/script_symbols.txt.gz``
(about 80,000 words, keyed by the word as rigour normalises it: case-folded,
without nonspacing marks),
read on the first name that needs it (:func:`script_symbols`).
"""

from __future__ import annotations

import gzip
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Final

DATA_PATH: Final = Path(__file__).resolve().parent / "data" / "name_symbols.txt.gz"
SCRIPTS_PATH: Final = Path(__file__).resolve().parent / "data" / "script_symbols.txt.gz"
#: SHA-256 of the table file. Kept here, in a source file, so that a regenerated
#: table changes the code digest the cached screening index is keyed by
#: (:func:`thaw.index.storage.code_digest`); written by :mod:`thaw.text._make_symbols`.
SCRIPTS_SHA256: Final = "4ad405edf20e180222704e8d985d99f16a7b3c262e5fa14d268d6a76216b7dd3"
TABLE_SHA256: Final = "6a524411d9bfc12fefa18079a0973eeefd55aaa02540445eac643b8300ea7fcf"

_NONE: Final[frozenset[str]] = frozenset()
#: The prefix of a symbol that only one Latin word carries, kept because words
#: of other scripts share it (``XNAME:Q1994678``: *Noam* and נעם; see
#: :mod:`thaw.text._make_symbols`).
SINGLE_PREFIX: Final = "X"
#: The prefix of the symbol of a group of one name's forms in several languages
#: (``NAME:~petr`` for *Petro*, *Pyotr* …; see :mod:`thaw.text._language_forms`).
GROUP_PREFIX: Final = "NAME:~"


def known_given_name(symbols: frozenset[str]) -> bool:
    """Whether a Latin word with ``symbols`` is a given name that another Latin
    spelling shares (*Linda*, *Alexander*), not only a name item that words of
    other scripts share with it (*Atlas*, :data:`SINGLE_PREFIX`), nor only a
    group of language forms (:data:`GROUP_PREFIX`), which links surnames and
    words too (*Hold*, the Ukrainian spelling of Голд *Gold*; *Day*)."""
    return any(not s.startswith(SINGLE_PREFIX) and not s.startswith(GROUP_PREFIX) for s in symbols)


def parse_table(path: Path) -> dict[str, frozenset[str]]:
    """The whole table at ``path`` as ``word → symbols`` (for checks and tools)."""
    return {word: _symbols(value) for word, value in _raw_table(path).items()}


def _raw_table(path: Path) -> dict[str, str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        text = fh.read()
    # "word<TAB>symbols<NL>" lines: split on both at once, pair up the fields
    fields = text.replace("\t", "\n").split("\n")
    if fields and not fields[-1]:
        fields.pop()
    return dict(zip(fields[0::2], fields[1::2], strict=True))


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    return _raw_table(DATA_PATH)


@lru_cache(maxsize=4096)
def _symbols(value: str) -> frozenset[str]:
    return frozenset(sys.intern(s) for s in value.split(" "))


def word_symbols(word: str) -> frozenset[str]:
    """rigour's given-name symbols (``NAME:…``, ``NICK:…``) of the lower-case ASCII
    ``word`` alone; empty when it has none."""
    value = _table().get(word)
    if value is None:
        return _NONE
    return _symbols(value)


@lru_cache(maxsize=1)
def _scripts_table() -> dict[str, str]:
    return _raw_table(SCRIPTS_PATH)


@lru_cache(maxsize=65536)
def script_key(word: str) -> str:
    """``word`` as the table of other scripts keys it, which is how rigour's
    name normalisation writes it: NFKC, case-folded, and without nonspacing
    marks (Thai vowel signs and the thanthakhat, Hebrew points, Arabic
    harakat: พงษ์พูล is keyed ``พงษพล``, אוֹרִיָּה ``אוריה``)."""
    key = unicodedata.normalize("NFKC", word).casefold()
    if not key.isascii():
        key = "".join([c for c in key if unicodedata.category(c) != "Mn"])
    return key


#: Letters of Urdu and Persian that write an Arabic letter's sound, and that
#: names typed on an Urdu keyboard write for it (طھ for طه *Taha*, إبراھیم for
#: إبراهيم *Ibrahim*): a word the table lacks that writes one of Urdu's
#: :data:`_URDU_H` is looked up again with them written as Arabic writes them
#: (:func:`script_symbols`; a Persian word, with ی and ک only, is not: the
#: table knows Persian spellings as Persian writes them).
_AS_ARABIC: Final = str.maketrans({"ھ": "ه", "ہ": "ه", "ۀ": "ه", "ی": "ي", "ک": "ك"})
_URDU_H: Final = frozenset("ھہ")


def script_symbols(word: str) -> frozenset[str]:
    """rigour's given-name and family-name symbols of a word written in a script
    other than Latin (as published: it is normalised here, :func:`script_key`),
    those it shares with Latin words; empty when it has none. A word in the
    Arabic script the table lacks that writes Urdu's ھ or ہ is looked up again
    with its Urdu and Persian letters of Arabic sounds written as Arabic writes
    them (:data:`_AS_ARABIC`: إبراھیم as إبراهيم)."""
    key = script_key(word)
    value = _scripts_table().get(key)
    if value is None and not _URDU_H.isdisjoint(key):
        value = _scripts_table().get(key.translate(_AS_ARABIC))
    if value is None:
        return _NONE
    return _symbols(value)


@lru_cache(maxsize=1)
def _latin_by_symbol() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for word, value in _table().items():
        for symbol in value.split(" "):
            out.setdefault(symbol, []).append(word)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=16384)
def latin_words(symbols: frozenset[str], limit: int = 24) -> tuple[str, ...]:
    """The Latin words of the table that carry the most of ``symbols`` (at most
    ``limit``, ties by word): the customary spellings of a name written in
    another script, which candidate retrieval looks up. Remembered: names
    written in other scripts share their name items, each token of a new name
    would count the table's words again."""
    if not symbols:
        return ()
    table = _latin_by_symbol()
    counts: dict[str, int] = {}
    for symbol in symbols:
        for word in table.get(symbol, ()):
            counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda wc: (-wc[1], wc[0]))
    return tuple(w for w, _c in ranked[:limit])


def load() -> None:
    """Read the table now (before forking workers, so that they share it)."""
    _table()
