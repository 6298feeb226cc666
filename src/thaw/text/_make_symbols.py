"""Regenerate ``data/name_symbols.txt.gz`` from rigour's person-name tagger (dev tool).

Usage::

    python -m thaw.text._make_symbols [--check]

Name analysis gives every personal-name token the given-name symbols of rigour's
person-name tagger (``NAME:Q4925477`` for *John*, ``NICK:ALEX`` for *Alex* …, see
:mod:`thaw.text.symbols`). Building that tagger costs several seconds and a few
hundred megabytes on first use, while thaw only ever asks it about single
lower-case ASCII words. This script asks it once, offline, about every such word
the tagger knows, and writes the answers to a small sorted table that
:mod:`thaw.text.symbols` reads instead.

**Where the words come from.** rigour compiles its name data into its native
module as zstd-compressed resources: the person-name corpus (lines
``form, form, … => Q123``) and ``symbols.json`` (``person_name_parts``,
``person_nick``, ``person_symbols``). The script finds these frames in the
installed ``rigour/_core*.so`` (decompressed with the ``zstd`` command or the
``zstandard`` module), normalises every alias as the tagger does
(``CASEFOLD | NAME``) and keeps the pieces that are single ASCII words of two
letters or more. The corpus is used only as a *vocabulary*: the symbols written
are what ``rigour.names.analyze_names`` itself returns for each word alone
(single-part ``NAME`` / ``NICK`` spans, exactly what name analysis used to keep), so
the table agrees with the tagger by construction, but for one addition: the
groups of a name's forms in several languages that the corpus links
(``NAME:~…``, :mod:`thaw.text._language_forms`), which ``--check`` leaves
aside. ``--check`` additionally
verifies the table against the tagger on every word of the given files (one name
per line) and exits non-zero on any difference.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final

from thaw.text._language_forms import GROUP_PREFIX, group_symbols, language_links, parse_corpus
from thaw.text.symbols import DATA_PATH, SCRIPTS_PATH, SINGLE_PREFIX, parse_table
from thaw.text.translit import word_script

_ZSTD_MAGIC = bytes.fromhex("28b52ffd")
_WORD = re.compile(r"^[a-z]{2,}$")
#: Scripts written in syllables or logograms: one character can be a whole name
#: part (박, 李), so their single characters are kept too.
_SYLLABIC = re.compile("^[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af]+$")


def _keep(piece: str) -> bool:
    """A normalised alias piece worth asking about: a lower-case ASCII word of two
    letters or more, or a word of another script made of letters only (two or
    more, or one syllable / logogram)."""
    if piece.isascii():
        return bool(_WORD.match(piece))
    if not all(ch.isalpha() or unicodedata.category(ch) == "Mn" for ch in piece):
        return False
    return len(piece) >= 2 or bool(_SYLLABIC.match(piece))


_BATCH = 2000


def _decompress(blob: bytes) -> bytes:
    try:
        import zstandard
    except ImportError:
        zstd = shutil.which("zstd")
        if zstd is None:
            raise SystemExit("needs the zstd command or the zstandard module") from None
        done = subprocess.run(
            [zstd, "-d", "-c", "-q"], input=blob, capture_output=True, check=False
        )
        return done.stdout
    try:
        out: bytes = zstandard.ZstdDecompressor().decompressobj().decompress(blob)
    except zstandard.ZstdError:
        return b""
    return out


def rigour_resources() -> tuple[str, dict[str, dict[str, list[str]]]]:
    """The person-name corpus and ``symbols.json`` compiled into rigour's module."""
    import rigour._core

    data = Path(rigour._core.__file__).read_bytes()
    corpus: str | None = None
    symbols: dict[str, dict[str, list[str]]] | None = None
    start = data.find(_ZSTD_MAGIC)
    while start >= 0:
        # frames are far smaller than 64 MiB; zstd stops at the frame's end
        out = _decompress(data[start : start + (64 << 20)])
        if out:
            text = out.decode("utf-8", errors="replace")
            if corpus is None and " => Q" in text[:2000]:
                corpus = text
            elif symbols is None and text.lstrip().startswith("{") and '"person_nick"' in text:
                symbols = json.loads(text)
        start = data.find(_ZSTD_MAGIC, start + 4)
    if corpus is None or symbols is None:
        raise SystemExit("rigour's person-name resources not found in its native module")
    return corpus, symbols


def vocabulary(corpus: str, symbols: dict[str, dict[str, list[str]]]) -> list[str]:
    """Every single word an alias of the person-name tagger normalises to: ASCII
    words, and words of other scripts (:func:`_keep`)."""
    from rigour._core import _normalize
    from rigour.text.normalize import Normalize

    flags = int(Normalize.CASEFOLD | Normalize.NAME)
    aliases: list[str] = []
    for line in corpus.splitlines():
        forms, sep, _gid = line.strip().rpartition(" => ")
        if sep:
            aliases.extend(forms.split(", "))
    for section in ("person_name_parts", "person_nick", "person_symbols"):
        for group in symbols.get(section, {}).values():
            aliases.extend(group)
    words: set[str] = set()
    for alias in aliases:
        normal = _normalize(alias, flags, 0) or ""
        for piece in normal.split(" "):
            if _keep(piece):
                words.add(piece)
    return sorted(words)


def tagger_symbols(words: Iterable[str]) -> Iterator[tuple[str, frozenset[str]]]:
    """What rigour's person tagger says about each word alone: its single-part
    ``NAME`` / ``NICK`` symbols (as name analysis used to collect them)."""
    from rigour.names import NameTypeTag, analyze_names

    batch: list[str] = []

    def run() -> Iterator[tuple[str, frozenset[str]]]:
        names = analyze_names(
            NameTypeTag.PER,
            batch,
            phonetics=False,
            numerics=False,
            consolidate=False,
            rewrite=False,
        )
        by_original = {n.original: n for n in names}
        for word in batch:
            found: set[str] = set()
            name = by_original.get(word)
            if name is not None and len(name.parts) == 1:
                for span in name.spans:
                    cat = span.symbol.category.value
                    if len(span.parts) == 1 and cat in ("NAME", "NICK"):
                        found.add(f"{cat}:{span.symbol.id}")
            yield word, frozenset(found)
        batch.clear()

    for word in words:
        batch.append(word)
        if len(batch) >= _BATCH:
            yield from run()
    if batch:
        yield from run()


def shared_only(
    rows: Iterable[tuple[str, frozenset[str]]], elsewhere: frozenset[str] = frozenset()
) -> dict[str, frozenset[str]]:
    """Keep only the symbols that at least two words carry: two of ``rows``, or
    one of them and a word of another script (``elsewhere``, the symbols of the
    words in other scripts).

    A symbol matters to the matcher only when it makes two *different* tokens
    agree, and tokens with different texts come from different words (the text
    is a function of the word). A symbol that a single word carries can
    therefore never decide anything; dropping it (and the words left without a
    symbol) shrinks the table from about 170,000 words to about 70,000 without
    changing any comparison, whatever the folding rules. A symbol that one
    Latin word shares with words of other scripts is kept: it is what lets
    נעם meet *Noam* and سعد *Saad*, names whose item has one Latin spelling.
    """
    table = dict(rows)
    carriers: dict[str, int] = {}
    for symbols in table.values():
        for s in symbols:
            carriers[s] = carriers.get(s, 0) + 1
    out: dict[str, frozenset[str]] = {}
    for word, symbols in table.items():
        kept = frozenset(s for s in symbols if carriers[s] >= 2 or s in elsewhere)
        if kept:
            out[word] = kept
    return out


#: Scripts whose words also keep a name item that has a single Latin
#: spelling (:func:`shared_only`'s ``elsewhere``): those that name analysis
#: reads letter by letter into a form unlike the customary spellings, as the
#: abjads leave out vowels, Thai its inherent vowels and the values of its
#: finals, and Greek has two traditions of transcription (נעם *Noam*, سعد
#: *Saad*). Cyrillic, Armenian and Georgian are read in the spellings the
#: lists use; Chinese characters, kana and Hangul are read by syllable, with
#: symbols of their own. Keeping the single-spelling items for every script
#: would add 195,000 words (1.9 MB) to the tables, mostly Chinese and Japanese
#: transcriptions of foreign names.
SINGLE_SPELLING_SCRIPTS: Final = frozenset(
    {"Arabic", "Hebrew", "Syriac", "Thaana", "Thai", "Greek", "Ethiopic"}
)


def mark_single(
    table: dict[str, frozenset[str]], shared: frozenset[str]
) -> dict[str, frozenset[str]]:
    """``table`` with each symbol outside ``shared`` (those two Latin words
    carry) written with :data:`~thaw.text.symbols.SINGLE_PREFIX`
    (``XNAME:Q1994678`` for the item of *Noam* and נעם). The matcher compares
    it like any other symbol; what asks whether a Latin word is a known given
    name (a lone capitalised word of prose, *Atlas*:
    :func:`~thaw.text.symbols.known_given_name`) counts only the symbols that
    two Latin spellings share, as before."""
    return {
        word: frozenset(s if s in shared else SINGLE_PREFIX + s for s in symbols)
        for word, symbols in table.items()
    }


def carried_over(
    extended: dict[str, frozenset[str]], latin: dict[str, frozenset[str]]
) -> dict[str, frozenset[str]]:
    """For each name item that a Latin word shares only with words of other
    scripts and does not keep (*Reuben* keeps the item its Latin spellings
    share, not the one it shares with ראובן alone: :func:`main`), the
    symbols that Latin word keeps. A word of another script in that item is
    given them (:func:`other_scripts`): ראובן then meets *Reuben*, and
    Αβραάμ *Abraham*, through the one item that links each to its Latin
    spelling, while the Latin words carry no more symbols than before (so a
    Latin name costs nothing more to analyse or retrieve)."""
    out: dict[str, frozenset[str]] = {}
    for word, symbols in extended.items():
        kept = latin.get(word, frozenset())
        for symbol in symbols - kept:
            out[symbol] = out.get(symbol, frozenset()) | kept
    return out


def other_scripts(
    rows: Iterable[tuple[str, frozenset[str]]],
    latin: dict[str, frozenset[str]],
    shared: frozenset[str] | None = None,
    carried: dict[str, frozenset[str]] | None = None,
) -> dict[str, frozenset[str]]:
    """The words of scripts other than Latin with the symbols they share with a
    word of the ``latin`` table: what lets ``박`` meet *Park* and ``דוד``
    *David* (a symbol no Latin word carries could only join two words of other
    scripts, which transliteration already compares). A word of a script
    outside :data:`SINGLE_SPELLING_SCRIPTS` keeps only the symbols of
    ``shared`` (those two Latin words carry), when given; a word of one of
    those scripts also takes the symbols ``carried`` over for its items
    (:func:`carried_over`)."""
    known: set[str] = set().union(*latin.values()) if latin else set()
    out: dict[str, frozenset[str]] = {}
    for word, symbols in rows:
        script = "Latin" if word.isascii() else word_script(word)
        if script == "Latin":
            continue
        kept = symbols & known
        if carried and script in SINGLE_SPELLING_SCRIPTS:
            for symbol in symbols:
                kept |= carried.get(symbol, frozenset())
        if shared is not None and script not in SINGLE_SPELLING_SCRIPTS:
            kept &= shared
        if kept:
            # keyed as name analysis sees the word (NFKC, case-folded)
            key = unicodedata.normalize("NFKC", word).casefold()
            out[key] = out.get(key, frozenset()) | kept
    return out


def write_table(rows: Iterable[tuple[str, frozenset[str]]], path: Path) -> int:
    """Write the sorted ``word<TAB>symbol symbol …`` table, gzip-compressed
    deterministically (no timestamp); returns the number of rows."""
    lines = [f"{w}\t{' '.join(sorted(s))}\n" for w, s in sorted(rows) if s]
    payload = "".join(lines).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    with (
        open(path, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as fh,
    ):
        fh.write(payload)
    return len(lines)


def record_digest(path: Path, constant: str = "TABLE_SHA256") -> None:
    """Write the table's SHA-256 into ``symbols.py`` (``constant``)."""
    import hashlib

    import thaw.text.symbols as module

    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    # (the source beside the module, which may run compiled: symbols.*.so)
    source = Path(module.__file__).with_name("symbols.py")
    text = re.sub(
        rf'^{constant}: Final = "[0-9a-f]*"$',
        f'{constant}: Final = "{digest}"',
        source.read_text(encoding="utf-8"),
        count=1,
        flags=re.M,
    )
    source.write_text(text, encoding="utf-8")


def check(paths: list[Path]) -> int:
    """Compare the table with the tagger on every word of ``paths``: the symbols
    it keeps must be the tagger's, and no word with symbols may lie outside the
    vocabulary the table was made from (else a dropped symbol might be shared)."""
    table = parse_table(DATA_PATH)
    shared = {s.removeprefix(SINGLE_PREFIX) for s in set().union(*table.values())}
    known = {w for w in vocabulary(*rigour_resources()) if w.isascii()}
    words: set[str] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            words.update(w for w in re.split(r"[^a-z]+", line.lower()) if _WORD.match(w))
    bad = 0
    for word, found in tagger_symbols(sorted(words)):
        kept = frozenset(
            s.removeprefix(SINGLE_PREFIX)
            for s in table.get(word, ())
            if not s.startswith(GROUP_PREFIX)
        )
        if kept != found & shared or (found and word not in known):
            bad += 1
            if bad <= 20:
                print(f"differs: {word}: table {sorted(kept)} tagger {sorted(found)}")
    print(f"{len(words)} words checked, {bad} differ")
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--check":
        return check([Path(p) for p in argv[1:]])
    corpus, symbols = rigour_resources()
    words = vocabulary(corpus, symbols)
    print(f"{len(words)} candidate words; asking the tagger …")
    rows = list(tagger_symbols(words))
    single = [
        (w, s) for w, s in rows if not w.isascii() and word_script(w) in SINGLE_SPELLING_SCRIPTS
    ]
    elsewhere = frozenset().union(*(s for _w, s in single))
    extended = shared_only(((w, s) for w, s in rows if w.isascii()), elsewhere)
    plain = shared_only((w, s) for w, s in rows if w.isascii())
    shared = frozenset().union(*plain.values())
    # a word with symbols two Latin words share keeps just those (David, whose
    # Hebrew and Arabic forms share them too): the single-spelling items are
    # only for words that have no other (Noam), so that common Latin names do
    # not carry more symbols than before (analysis and retrieval cost)
    latin = {w: plain.get(w) or s for w, s in extended.items()}
    # the forms of one name in several languages (Petro, Pyotr): one symbol
    # for each group that the corpus links (thaw.text._language_forms)
    groups = group_symbols(language_links(parse_corpus(corpus)))
    for word, group in groups.items():
        latin[word] = latin.get(word, frozenset()) | group
    shared |= frozenset().union(*groups.values())
    count = write_table(mark_single(latin, shared).items(), DATA_PATH)
    record_digest(DATA_PATH)
    print(
        f"{count} words with symbols written to {DATA_PATH} "
        f"({DATA_PATH.stat().st_size / 1e6:.2f} MB)"
    )
    others = other_scripts(rows, latin, shared, carried_over(extended, latin))
    count = write_table(mark_single(others, shared).items(), SCRIPTS_PATH)
    record_digest(SCRIPTS_PATH, "SCRIPTS_SHA256")
    print(
        f"{count} words of other scripts written to {SCRIPTS_PATH} "
        f"({SCRIPTS_PATH.stat().st_size / 1e6:.2f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
