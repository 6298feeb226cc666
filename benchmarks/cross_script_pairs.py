"""Cross-script person pairs: build the pair set, and score it.

Usage::

    python benchmarks/cross_script_pairs.py [--home DIR]            # score
    python benchmarks/cross_script_pairs.py --extract lists [--draw] [--home DIR]  # re-pair
    python benchmarks/cross_script_pairs.py --extract variants  # add name-variant pairs
    python benchmarks/cross_script_pairs.py --analysis 20000  # µs per name of analysis
    python benchmarks/cross_script_pairs.py --screen [--home DIR]  # found by screening?
    python benchmarks/cross_script_pairs.py --retrieval [--show]  # matched, and found?
    python benchmarks/cross_script_pairs.py --sample [--show] [--home DIR]  # dev sample

The set, ``tests/fixtures/match/cross_script_pairs.csv`` (committed; the
tests read it too), holds person names in a script other than Latin against
a Latin-script form of the same name, with these columns:

``script``
    the script of the original (``Persian`` for Arabic script written with a
    letter only Persian has, or published as Persian; ``Japanese`` for kana).
``original``, ``latin``
    the two names.
``source``
    ``<list>:<id>`` for a name published by an authority in its original
    script (UN ``NAME_ORIGINAL_SCRIPT``, OFSI "Name non-latin script",
    Canada, Australia) against the Latin name *of the same listing that
    transcribes it*, by one rule for every script (:func:`transcribed_latin`):
    of all the listing's Latin names, the one closest to the original by a
    measure that is not thaw's matcher (a plain ICU transliteration reduced to
    a consonant skeleton, compared by edit distance:
    :func:`transcription_score`), the name it was published with
    (:func:`published_latin`: the name of the same OFSI row, of the OFAC alias
    it translates, of the Canadian alias it follows; the primary name where the
    list gives the original for the listing as a whole, UN, DFAT) winning a
    tie. A list sometimes prints an original beside a name that does not
    transcribe it (OFSI prints حیدر مهدیقلی, *Heidar Mahdiqoli*, on the row of
    *Heidar PASANDIDEH*, and lists *Haider MEHDIGOLI* as another alias). When
    *no* Latin name of the listing writes a word of the original
    (:func:`unwritten_words`: OFSI lists ياسين أحمد الجبين only as *Yasin
    Ahmad DAHI* and *Yasin DHAHI*), the pair is a **published inconsistency**:
    it stays in the set and in its counts, its ``inconsistency`` column says
    why, and the score prints those pairs on a line of their own. Names that
    are no original-script name (:func:`is_original`: a broken encoding, a
    Latin name with one look-alike letter) are left out. (The first draw
    paired every original with the listing's first Latin name in stored order,
    which for OFSI was often another alias: عمر محمود عثمان ~ *Abu Qatada
    AL-FILISTINI*; the second round paired it with the name it was published
    with; ``--extract lists`` re-derives the Latin side of every list pair,
    keeping the originals, listings and splits, and prints each change with
    both names' measures.)
    ``rigour:<Wikidata id>`` for a pair of spellings of one name item of
    rigour's person-name corpus (name-variant data, for the scripts the lists
    hardly write: Thai, Greek, Hebrew, Korean, Chinese, Japanese; only items
    written in at most :data:`MAX_ITEM_SCRIPTS` scripts other than Latin, so
    that the name belongs to the script's language, and for Chinese characters
    and kana only Japanese names (with a hiragana form and no katakana one) and
    Chinese names (Latin forms in pinyin), not foreign names transcribed);
    ``variant`` for a pair written by hand from common knowledge of
    romanisation (kanji against Hepburn, Hangul surnames against their
    customary spellings, Greek and Hebrew given names against their English
    forms, Khmer names of Cambodian politicians and listed Cambodians as the
    press and the lists spell them: no list publishes Khmer; Amharic and
    Tigrinya names of Ethiopian and Eritrean public figures). The second
    batch of hand-written Khmer and Ethiopic pairs was split by
    :func:`split`, with :data:`SEED`, before it was scored; the Thai people
    of ``cross_script_pairs_thai2.csv`` (politicians, royals, business
    people, athletes, scholars, each in the Latin spelling of their own) by
    :func:`hash_split`, before they were scored, as were those of
    ``cross_script_pairs_thai3.csv`` and the Thai and Khmer people of
    ``cross_script_pairs_thaikh.csv`` (ministers, central bankers, scholars,
    athletes, royals), and the Japanese people in kanji of
    ``cross_script_pairs_jp2.csv`` (long vowels written o, ou, oh and ō,
    Hepburn and Kunrei-shiki, either order), the Korean people of
    ``cross_script_pairs_ko2.csv`` (North and South, McCune–Reischauer,
    Revised and personal spellings) and the Arabic and Persian people of
    ``cross_script_pairs_arfa.csv``, with their negatives
    (``other_scripts_negatives_jp2.csv``, ``_ko2.csv``, ``_arfa.csv``); and
    the Chinese people of ``cross_script_pairs_zh2.csv`` (Hong Kong and Macau
    Cantonese, Singapore and Malaysia Hokkien, Teochew and Hakka, Taiwan and
    Republican-era Wade–Giles and personal spellings, a few of the diaspora
    by a Western given name), the Thai people of ``_thai4.csv`` (in their own
    spellings) and the Khmer people of ``_khmer3.csv``, with negatives
    (``other_scripts_negatives_zh2.csv``, ``_thai4.csv``, ``_khmer3.csv``:
    relatives and namesakes one name off, name parts swapped).
``split``
    ``dev`` or ``holdout``. The 148 pairs of the first round are ``dev``.
    ``--extract`` shuffles the new pairs of each script with a fixed seed
    (:data:`SEED`) and gives every other one to ``holdout`` *before anyone
    looks at them*; only the ``dev`` pairs are looked at while developing
    (their misses are listed), the ``holdout`` pairs are only counted.
``note``
    why a pair was corrected by hand, when it was (a list's typo).
``inconsistency``
    for a list pair, why it is a published inconsistency (empty if it is not).

Scoring prints, per script, how many pairs of each split reach the default
threshold, and lists the ``dev`` pairs that do not. ``--screen`` asks the
harder question for the list pairs: screened against every person listing of
``--home`` with the listings' names in other scripts removed, is the pair's own
listing among the hits (candidate retrieval must find it by its Latin names)?

``--retrieval`` asks whether screening finds what the matcher matches, for
every positive pair of every labelled set of the repository and of the bench
(:func:`positive_sets`): the cross-script sets (by script), the Japanese,
Korean and Chinese positive sets and the name-pair positives. For each pair
the matcher matches (``score`` at the default threshold), the listed side is
screened for its query side twice: in an index holding that listing *alone*
(are the retrieval keys there at all?) and in one holding every listed side of
its set, each a listing (does it survive the others: rarity, the candidate
budget?). A pair the matcher matches that screening misses, or finds with
another score, is a retrieval gap; ``--show`` lists the dev pairs that are.
"""

from __future__ import annotations

import argparse
import csv
import functools
import hashlib
import random
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from rigour._core import codepoint_script

from thaw.index import Entry, entry_from_record
from thaw.match import DEFAULT_THRESHOLD, Query, score
from thaw.model import Name, Record
from thaw.text.translit import word_script

PAIRS = (
    Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "match" / "cross_script_pairs.csv"
)
#: The seed of the dev/holdout split (fixed before the new pairs were looked at).
SEED = 20261205
#: At most this many list pairs per script are added (half of them held out).
LIST_PER_SCRIPT = 60
#: At most this many name-variant pairs per script are added, for the scripts
#: in :data:`VARIANT_SCRIPTS` (half of them held out).
VARIANT_PER_SCRIPT = 40
#: A name item written in more scripts than this is a name of another
#: language transcribed (菲爾波茲 for *Philpotts*), not a name of the script's
#: own language against its romanisation; such items are left out.
MAX_ITEM_SCRIPTS = 2
VARIANT_SCRIPTS = ("Thai", "Greek", "Hebrew", "Hangul", "Han", "Japanese", "Persian")
#: Name-variant pairs of a first extraction (before :data:`MAX_ITEM_SCRIPTS`)
#: whose dev misses were printed: never drawn again, so that none of them can
#: land in the holdout split.
SEEN_PATH = PAIRS.with_name("cross_script_seen.txt")
SEEN: frozenset[str] = (
    frozenset(SEEN_PATH.read_text(encoding="utf-8").split("\n"))
    if SEEN_PATH.exists()
    else frozenset()
)
FIELDS = ("script", "original", "latin", "source", "split", "note", "inconsistency")

_PERSIAN_LETTERS = frozenset("پچژگکی")
_PERSIAN_LANGS = re.compile(r"persian|farsi|^fa$|^fas$|^per$", re.I)


def script_of(name: str, lang: str | None = None) -> str:
    """The main non-Latin script of ``name`` (``Latin`` if none): Arabic script
    written in Persian is ``Persian``, kana ``Japanese``."""
    for word in name.split():
        script = word_script(word)
        if script == "Arabic" and (
            not _PERSIAN_LETTERS.isdisjoint(name) or (lang and _PERSIAN_LANGS.search(lang))
        ):
            return "Persian"
        if script in ("Hiragana", "Katakana"):
            return "Japanese"
        if script != "Latin":
            return script
    return "Latin"


#: Sources that publish an original-script name as an entry of the listing as
#: a whole rather than beside one of its Latin names: the UN's
#: ``NAME_ORIGINAL_SCRIPT`` (one per individual, next to FIRST_NAME…FOURTH_NAME)
#: and DFAT's "Original Script" rows (a reference suffix of their own, like an
#: alias). Their originals are paired with the listing's primary name.
LISTING_LEVEL = frozenset({"un_sc", "au_dfat"})


def is_original(name: str) -> bool:
    """Whether ``name`` is an original-script name: it holds no replacement
    character (a name the publication's encoding broke, محمد الل\ufffd\ufffd
    مطيع) and most of its words are written mostly in a script other than
    Latin (not *Аlexey Ivanovich RIMASHEVSKIY*, a Latin name typed with a
    Cyrillic А, nor *Jin Tiesan (金铁三)*, a Latin reading with the characters
    after it)."""
    if "\ufffd" in name:
        return False
    other = latin = 0
    for word in name.split():
        scripts = [codepoint_script(ord(ch)) for ch in word if ch.isalpha()]
        n_latin = scripts.count("Latin")
        n_other = sum(s not in (None, "Latin", "Common", "Inherited") for s in scripts)
        if n_latin or n_other:
            other += n_other > n_latin
            latin += n_latin >= n_other
    return other > latin


def published_latin(record: Record, index: int) -> str | None:
    """The Latin name that the original-script name ``record.names[index]`` was
    published with: the pairing rule of the list pairs.

    OFSI prints a non-Latin name on the row of one of the listing's names,
    OFAC's advanced format gives it as a translation of one alias, and Canada
    writes it in parentheses after the Latin alias it renders (``Aleh
    MISHCHANKA (Belarusian: Алег МIШЧАНКА; Russian: Олег Мищенко)``); the
    readers keep every name in published order, so the original's partner is
    the nearest Latin name before it (any kind but ``former``). For
    :data:`LISTING_LEVEL` sources it is the primary name. The rule depends only
    on where the list put the name, never on its script or on how well the two
    names match; ``None`` if the listing has no such Latin name.
    """

    def latin(n: Name) -> bool:
        return n.kind in ("primary", "alias", "weak") and script_of(n.value) == "Latin"

    if record.source in LISTING_LEVEL:
        return next((n.value for n in record.names if n.kind == "primary" and latin(n)), None)
    return next((n.value for n in reversed(record.names[:index]) if latin(n)), None)


#: The measure that chooses the Latin partner (:func:`transcription_score`) is
#: deliberately not thaw's matcher: a plain ICU transliteration (``Any-Latin;
#: Latin-ASCII``) reduced to a consonant skeleton, compared by edit distance.
_PLAIN = "Any-Latin; Latin-ASCII; Lower"
#: Digraphs read as one consonant before :data:`_SKELETON_MERGE` (ش is
#: written sh, ch or sch; خ kh; ث th; ذ dh; ژ zh; ц ts).
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("sch", "s"), ("sh", "s"), ("kh", "k"), ("gh", "k"), ("th", "t"),
    ("dh", "d"), ("zh", "z"), ("ph", "f"), ("ts", "c"),
)  # fmt: skip
#: Skeleton letters: vowels and the letters that write them in abjads and
#: romanisations (w, y) are dropped, and the consonants that plain ICU output
#: and list spellings most often disagree on are merged: h, q, g, c, x as k
#: (ح, ق, غ, ц, х, ח are written h, q, g, ts, kh, ch); p, f, v as b (פ, ב,
#: پ); z and j as d (ض, ذ, ژ are written z, d, j).
_SKELETON_MERGE = str.maketrans("hqgcxpfvzj", "kkkkkbbbdd", "aeiouyw")
#: An original word whose skeleton shares less than this (rapidfuzz ratio,
#: 0-100) with every word of every Latin name of its listing is written by
#: none of them: the pair is a published inconsistency.
UNWRITTEN_BELOW = 50.0


@functools.cache
def skeletons(word: str) -> tuple[str, ...]:
    """The consonant skeletons of ``word`` in any script: its plain ICU
    transliteration, letters only, with :data:`_DIGRAPHS` and
    :data:`_SKELETON_MERGE` applied and doubled letters once (محمد, *Mohammed*
    and *Muhammad* are all ``mkmd``; Харитонов and *Kharitonov* ``krtnb``).
    A word with ``ch`` has two, one for each reading (*Chai* ``k``, חי;
    *Akkacha* ``ks``, عكاشة)."""
    from thaw.text.rules import transliterator

    plain = re.sub(r"[^a-z]", "", transliterator(_PLAIN).transliterate(word))
    readings = {plain.replace("ch", "k"), plain.replace("ch", "s")}
    out = []
    for reading in sorted(readings):
        for digraph, letter in _DIGRAPHS:
            reading = reading.replace(digraph, letter)
        out.append(re.sub(r"(.)\1+", r"\1", reading.translate(_SKELETON_MERGE)))
    return tuple(out)


def _skeletons(name: str, script: str | None = None) -> list[tuple[str, ...]]:
    """The skeletons of the words of ``name`` (of its words in ``script``
    only, when given), empty ones left out."""
    words = re.split(r"[\s\-‐,.()·・]+", name)
    if script is not None:
        words = [w for w in words if w and script_of(w) == script]
    return [s for s in map(skeletons, words) if s[0]]


def transcription_score(original: str, latin: str) -> float:
    """How well ``latin`` transcribes ``original``, 0-100, by a measure
    independent of thaw's matcher: the edit-distance ratio of the two names'
    consonant skeletons (:func:`skeleton`), joined in written order or in
    sorted order (a surname written first), whichever is closer."""
    from rapidfuzz.fuzz import ratio

    a = [w[0] for w in _skeletons(original)]
    best = 0.0
    for reading in (0, -1):  # ch read k, then s
        b = [w[reading] for w in _skeletons(latin)]
        best = max(
            best, ratio("".join(a), "".join(b)), ratio("".join(sorted(a)), "".join(sorted(b)))
        )
    return best


def latin_names(record: Record) -> list[str]:
    """The Latin-script names of ``record`` that a pair may use (any kind but
    ``former``), in published order, each once."""
    kinds = ("primary", "alias", "weak")
    found = [n.value for n in record.names if n.kind in kinds and script_of(n.value) == "Latin"]
    return list(dict.fromkeys(found))


def transcribed_latin(record: Record, index: int, original: str) -> str | None:
    """The pairing rule of the list pairs: of the listing's Latin names
    (:func:`latin_names`), the one that best transcribes ``original`` (the name
    ``record.names[index]``, or its hand correction) by
    :func:`transcription_score`; the name it was published with
    (:func:`published_latin`) wins a tie, then the earlier name.

    A list sometimes prints an original beside a Latin name that does not
    transcribe it (OFSI prints حیدر مهدیقلی, *Heidar Mahdiqoli*, on the row of
    *Heidar PASANDIDEH*, and lists *Haider MEHDIGOLI* as another alias): the
    pair is then the original and the alias that writes it. The rule is the
    same for every script and looks at the listing's own names only."""
    published = published_latin(record, index)
    if published is None:
        return None
    candidates = [published] + [n for n in latin_names(record) if n != published]
    best = max(
        range(len(candidates)),
        key=lambda i: (transcription_score(original, candidates[i]), -i),
    )
    return candidates[best]


def unwritten_words(original: str, script: str, latins: list[str]) -> list[str]:
    """The words of ``original`` (in ``script``) that no word of any name in
    ``latins`` writes: each shares less than :data:`UNWRITTEN_BELOW` of its
    skeleton with every Latin word (ياسين أحمد الجبين listed only as *Yasin
    Ahmad DAHI* and *Yasin DHAHI*: الجبين, *al-Jubain*)."""
    from rapidfuzz.fuzz import ratio

    words = {w for name in latins for word in _skeletons(name) for w in word}
    out = []
    for word in re.split(r"\s+", original):
        if not word or script_of(word) != script:
            continue
        key = skeletons(word)[0]
        if key and max((ratio(key, w) for w in words), default=0.0) < UNWRITTEN_BELOW:
            out.append(word)
    return out


def inconsistency(row: dict[str, str], record: Record) -> str:
    """Why the list pair ``row`` is a published inconsistency (empty if it is
    not): the words of its original that none of its listing's Latin names
    writes (:func:`unwritten_words`)."""
    unwritten = unwritten_words(row["original"], row["script"], latin_names(record))
    if not unwritten:
        return ""
    return "no Latin name of the listing writes " + " ".join(unwritten)


def listed_pairs(home: Path) -> list[dict[str, str]]:
    """Original-script person names against the Latin name of their listing
    that transcribes each (:func:`transcribed_latin`; one pair per listing and
    script, the listing's first original of that script)."""
    out: list[dict[str, str]] = []
    for record in person_records(home):
        seen: set[str] = set()
        for i, n in enumerate(record.names):
            script = script_of(n.value, n.lang)
            if script == "Latin" or script in seen or not is_original(n.value):
                continue
            seen.add(script)
            latin = transcribed_latin(record, i, n.value)
            if latin is not None:
                row = {
                    "script": script,
                    "original": n.value,
                    "latin": latin,
                    "source": f"{record.source}:{record.source_id}",
                }
                out.append({**row, "inconsistency": inconsistency(row, record)})
    return out


def person_records(home: Path) -> list[Record]:
    """The active person listings of the store at ``home``."""
    from thaw.store import Store

    with Store(home) as store:
        return [r for r in store.active_records() if r.schema == "Person"]


def is_list_pair(row: dict[str, str]) -> bool:
    """Whether ``row`` pairs names published by a list (``<list>:<id>``)."""
    return ":" in row["source"] and not row["source"].startswith("rigour:")


def repair_list_pairs(
    rows: list[dict[str, str]], records: list[Record]
) -> tuple[list[dict[str, str]], list[str]]:
    """``rows`` with every list pair's Latin name re-derived by
    :func:`transcribed_latin` from its listing in ``records``, and its
    ``inconsistency`` (:func:`inconsistency`) recorded (the original, the
    listing and the split are kept; a hand correction of the original, given in
    ``note``, is kept too). A pair is dropped when its original is not an
    original-script name (:func:`is_original`) or has no published Latin
    partner; returns the new rows and one line per change."""
    by_key = {f"{r.source}:{r.source_id}": r for r in records}
    out: list[dict[str, str]] = []
    log: list[str] = []
    for row in rows:
        if not is_list_pair(row):
            out.append(row)
            continue
        record = by_key.get(row["source"])
        if record is None:
            log.append(f"kept (listing not in the store): {row['source']} {row['original']}")
            out.append(row)
            continue
        if not is_original(row["original"]):
            log.append(f"dropped (not an original-script name): {row['original']!r}")
            continue
        # the published name this row holds (the corrected row's listing
        # publishes the uncorrected one: the first original of its script)
        index = next(
            (i for i, n in enumerate(record.names) if n.value == row["original"]),
            None,
        )
        if index is None:
            index = next(
                (
                    i
                    for i, n in enumerate(record.names)
                    if script_of(n.value, n.lang) == row["script"]
                ),
                None,
            )
        latin = transcribed_latin(record, index, row["original"]) if index is not None else None
        if latin is None:
            log.append(f"dropped (no published Latin name): {row['source']} {row['original']}")
            continue
        if latin != row["latin"]:
            old, new = (transcription_score(row["original"], n) for n in (row["latin"], latin))
            log.append(
                f"{row['source']:32} {row['original']}: {row['latin']} ({old:.0f})"
                f" -> {latin} ({new:.0f})"
            )
        why = inconsistency(row, record)
        if why:
            log.append(f"{row['source']:32} {row['original']}: published inconsistency, {why}")
        out.append({**row, "latin": latin, "inconsistency": why})
    return out, log


_HIRAGANA = re.compile("[\u3041-\u309f]")
_KATAKANA = re.compile("[\u30a0-\u30ff]")


@functools.lru_cache(maxsize=1)
def _pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (ICU's readings of the CJK characters)."""
    import icu

    han = icu.Transliterator.createInstance("Han-Latin; Latin-ASCII; Lower")
    text = han.transliterate(" ".join(chr(c) for c in range(0x4E00, 0x9FA6)))
    return frozenset(w for w in text.split() if w.isalpha())


def is_pinyin(word: str) -> bool:
    """Whether ``word`` is a run of pinyin syllables (*weiwei*, *xiaoming*)."""
    syllables = _pinyin_syllables()
    word = word.lower()
    ends = {0}
    for i in range(1, len(word) + 1):
        if any(j in ends and word[j:i] in syllables for j in range(max(0, i - 6), i)):
            ends.add(i)
    return len(word) in ends


def corpus_items() -> Iterator[tuple[str, list[str], list[str]]]:
    """The name items of rigour's person-name corpus written in at most
    :data:`MAX_ITEM_SCRIPTS` scripts other than Latin and in Latin letters
    too: ``(Wikidata id, forms, ASCII forms sorted)`` each."""
    from thaw.text._make_symbols import rigour_resources

    corpus, _symbols = rigour_resources()
    for line in corpus.splitlines():
        forms_text, sep, qid = line.strip().rpartition(" => ")
        if not sep:
            continue
        forms = forms_text.split(", ")
        latins = sorted(f for f in forms if f.isascii() and f.isalpha())
        scripts = {script_of(f) for f in forms if not f.isascii()} - {"Latin"}
        if latins and len(scripts) <= MAX_ITEM_SCRIPTS:
            yield qid, forms, latins


def variant_pairs() -> list[dict[str, str]]:
    """Pairs of spellings of one name item of rigour's person-name corpus: a
    form in each of :data:`VARIANT_SCRIPTS` against an ASCII form of the item."""
    rng = random.Random(SEED)
    out: list[dict[str, str]] = []
    for qid, forms, latins in corpus_items():
        japanese = any(_HIRAGANA.search(f) for f in forms)
        foreign = any(_KATAKANA.search(f) for f in forms)
        for form in forms:
            if form.isascii():
                continue
            script = script_of(form)
            if script in ("Han", "Japanese") and (foreign or not japanese):
                # a Japanese name has a hiragana form (a name in katakana is a
                # foreign one); a Chinese name's Latin forms are pinyin
                if script == "Japanese" or foreign or not all(map(is_pinyin, latins)):
                    continue
            if script in VARIANT_SCRIPTS:
                out.append(
                    {
                        "script": script,
                        "original": form,
                        "latin": rng.choice(latins).title(),
                        "source": f"rigour:{qid}",
                    }
                )
    return out


def split(rows: list[dict[str, str]], per_script: int) -> list[dict[str, str]]:
    """At most ``per_script`` rows per script, shuffled with :data:`SEED`, every
    other one held out."""
    by_script: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_script[row["script"]].append(row)
    rng = random.Random(SEED)
    out: list[dict[str, str]] = []
    for script in sorted(by_script):
        found = sorted(by_script[script], key=lambda r: (r["source"], r["original"]))
        rng.shuffle(found)
        for i, row in enumerate(found[:per_script]):
            out.append({**row, "split": "dev" if i % 2 == 0 else "holdout", "note": ""})
    return out


def hash_split(original: str, latin: str) -> str:
    """``dev`` or ``holdout`` for a hand-written pair, from a hash of its two
    names: fixed before the pair is scored, and unmoved by the pairs written
    beside it (``cross_script_pairs_thai2.csv`` was split so)."""
    digest = hashlib.blake2b(f"{original}|{latin}".encode(), digest_size=8).digest()
    return "dev" if int.from_bytes(digest) % 2 == 0 else "holdout"


def read_pairs(path: Path = PAIRS) -> list[dict[str, str]]:
    """The pair set (rows of the first round, without a split, are ``dev``)."""
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["split"] = row.get("split") or "dev"
        row["note"] = row.get("note") or ""
        row["inconsistency"] = row.get("inconsistency") or ""
    return rows


#: Further hand-written sets, one per script family and engineer
#: (``cross_script_pairs_<name>.csv``, the same columns, ``variant`` pairs split
#: by :func:`split` before anyone looked at them), scored with the set.
EXTRA_GLOB = "cross_script_pairs_*.csv"


def read_all_pairs() -> list[dict[str, str]]:
    """The set and every further hand-written set (:data:`EXTRA_GLOB`)."""
    rows = read_pairs()
    for path in sorted(PAIRS.parent.glob(EXTRA_GLOB)):
        rows += read_pairs(path)
    return rows


def extract(home: Path, kind: str, draw: bool = False) -> list[dict[str, str]]:
    """The set after an extraction of ``kind``, existing rows kept.

    ``variants`` adds name-variant pairs (extracted once). ``lists`` re-derives
    the Latin name of every list pair with the pairing rule,
    :func:`published_latin` (printing each change), and with ``draw`` also
    adds newly drawn list pairs (the draw was made once, at 9ebe6eb; the store
    has changed since, so a new draw would not give the same listings)."""
    rows = read_pairs() if PAIRS.exists() else []
    known = {r["original"] for r in rows} | set(SEEN)
    if kind == "lists":
        records = person_records(home)
        rows, log = repair_list_pairs(rows, records)
        print("\n".join(log))
        print(f"{len(log)} list pairs changed")
        if draw:
            listed = [r for r in listed_pairs(home) if r["original"] not in known]
            rows += split(listed, LIST_PER_SCRIPT)
        return rows
    variants = [r for r in variant_pairs() if r["original"] not in known]
    return rows + split(variants, VARIANT_PER_SCRIPT)


def entry_from_record_name(name: str) -> Entry:
    """A one-name Person listing (what ``thaw compare-file`` scores against)."""
    return entry_from_record(
        Record(source="pair", source_id="1", schema="Person", names=[Name(name)])
    )


def screened_pairs(home: Path, rows: list[dict[str, str]]) -> None:
    """Screen the original of every list pair against the store's person
    listings *without their names in other scripts* (so that a listing is found
    only through its Latin names, as candidate retrieval must find it): per
    script and split, how many pairs find their own listing among the hits."""
    import dataclasses

    from thaw.screen import Screener
    from thaw.store import Store

    pairs = [r for r in rows if ":" in r["source"] and not r["source"].startswith("rigour:")]
    entries: list[Entry] = []
    started, cpu = time.perf_counter(), time.process_time()
    with Store(home) as store:
        for record in store.active_records():
            if record.schema != "Person":
                continue
            latin = [n for n in record.names if script_of(n.value) == "Latin"]
            if latin:
                entries.append(entry_from_record(dataclasses.replace(record, names=latin)))
    # the hand-written pairs' Latin names join the listings, each a listing of
    # its own, to be found among them as the list pairs are
    for k, row in enumerate(rows):
        if row["source"] == "variant":
            record = Record(
                source="pair", source_id=str(k), schema="Person", names=[Name(row["latin"])]
            )
            entries.append(entry_from_record(record))
            pairs.append({**row, "source": f"pair:{k}"})
    screener = Screener.from_entries(entries)
    built = time.process_time() - cpu
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    cpu = time.process_time()
    for row in pairs:
        result = screener.screen(row["original"], "Person")
        found = any(
            f"{listing.source}:{listing.source_id}" == row["source"]
            for hit in result.hits
            for listing in hit.listings
        )
        totals[(row["split"], row["script"])][0] += found
        totals[(row["split"], row["script"])][1] += 1
        if not found and row["split"] == "dev":
            misses.append(f"  {row['script']:10} {row['original']} ~ {row['latin']}")
    spent = time.process_time() - cpu
    print(
        f"list pairs and hand-written pairs screened against {len(entries)} person"
        " listings' Latin names (each hand-written pair's Latin name one of them):"
    )
    print(f"{'script':12} {'dev':>9} {'holdout':>9}")
    for script in sorted({s for _, s in totals}):
        cells = [
            f"{totals[(part, script)][0]:>4}/{totals[(part, script)][1]:<4}"
            for part in ("dev", "holdout")
        ]
        print(f"{script:12} {cells[0]} {cells[1]}")
    for part in ("dev", "holdout"):
        n_found = sum(v[0] for k, v in totals.items() if k[0] == part)
        total = sum(v[1] for k, v in totals.items() if k[0] == part)
        print(f"{part:12} {n_found:>4}/{total:<4}")
    wall = time.perf_counter() - started
    print(
        f"index built in {built:.1f} CPU s; {len(pairs)} queries in {spent:.2f} CPU s "
        f"({1e3 * spent / max(1, len(pairs)):.2f} ms each); {wall:.1f} s wall"
    )
    if misses:
        print("\ndev pairs not found:")
        print("\n".join(misses))


FIXTURES = PAIRS.parent
#: The bench's name pairs (outside the repository: counted when present).
NAME_PAIRS = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "bench" / "name_pairs_dev.csv"
)


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def positive_sets() -> list[tuple[str, str, str, str, str]]:
    """Every positive pair of the labelled sets, as ``(set, query, listed,
    schema, split)``: the cross-script pairs (their set is ``xs:`` and the
    script), the Japanese kanji positives, the Korean spellings (Latin
    against Latin), the Chinese blind sets and diaspora positives, and the
    name-pair positives of the bench (their set ``np:`` and the schema)."""
    out = [
        (f"xs:{r['script']}", r["original"], r["latin"], "Person", r["split"])
        for r in read_all_pairs()
    ]
    out += [
        ("ja:kanji", r["original"], r["latin"], "Person", r["split"])
        for r in _csv(FIXTURES / "japanese_kanji_positives.csv")
    ]
    out += [
        ("ko:latin", r["name"], r["listed"], "Person", "dev")
        for r in _csv(FIXTURES / "korean_spellings_pairs.csv")
        if r["same"] == "1"
    ]
    for name in ("chinese_blind", "chinese_blind2", "chinese_diaspora"):
        out += [
            (
                f"zh:{name.removeprefix('chinese_')}",
                r["original"],
                r["latin"],
                "Person",
                r.get("split") or "dev",
            )
            for r in _csv(FIXTURES / f"{name}.csv")
            if r["kind"] == "positive"
        ]
    if NAME_PAIRS.exists():
        out += [
            (f"np:{r['schema']}", r["name1"], r["name2"], r["schema"], "dev")
            for r in _csv(NAME_PAIRS)
            if r["is_match"] == "true"
        ]
    return out


def _found(screener: object, query: str, schema: str, source_id: str) -> float | None:
    """The score of listing ``source_id`` among ``screener``'s hits for ``query``."""
    from thaw.screen import Screener

    assert isinstance(screener, Screener)
    result = screener.screen(query, schema, limit=1000)
    for hit in result.hits:
        if hit.listings[0].source_id == source_id:
            return hit.score
    return None


def retrieval_gap(show: bool) -> int:
    """Per set: the positive pairs the matcher matches, and how many of them
    screening finds with the matcher's score, with the listing alone in an
    index and among every listed side of its set (see the module docs)."""
    from thaw.screen import Screener

    rows = positive_sets()
    by_set: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for name, query, latin, schema, part in rows:
        by_set[name].append((query, latin, schema, part))
    cpu = time.process_time()
    print(f"{'set':22} {'matched':>9} {'alone':>9} {'among':>9}   (dev; holdout)")
    gaps: list[str] = []
    totals = [0, 0, 0]
    for name in sorted(by_set):
        pairs = by_set[name]
        listed: list[tuple[str, str]] = sorted({(p[1], p[2]) for p in pairs})
        ids = {key: str(k) for k, key in enumerate(listed)}
        entries = {
            key: entry_from_record(
                Record(source="pair", source_id=ids[key], schema=key[1], names=[Name(key[0])])
            )
            for key in listed
        }
        among = Screener.from_entries(entries.values())
        counts = {part: [0, 0, 0] for part in ("dev", "holdout")}
        for query, latin, schema, part in pairs:
            key = (latin, schema)
            matched = score(Query(query, schema), entries[key]).score
            if matched < DEFAULT_THRESHOLD:
                continue
            alone = _found(Screener.from_entries([entries[key]]), query, schema, ids[key])
            with_others = _found(among, query, schema, ids[key])
            found = [s is not None and abs(s - matched) < 1e-3 for s in (alone, with_others)]
            cells = counts[part]
            cells[0] += 1
            cells[1] += found[0]
            cells[2] += found[1]
            if part == "dev" and not all(found):
                gaps.append(
                    f"  {name:16} {matched:.4f} {query} ~ {latin}"
                    f"  alone {alone if alone is not None else '-'}"
                    f" among {with_others if with_others is not None else '-'}"
                )
        for i in range(3):
            totals[i] += counts["dev"][i] + counts["holdout"][i]
        dev, held = counts["dev"], counts["holdout"]
        print(
            f"{name:22} {dev[0]:>4};{held[0]:<4} {dev[1]:>4};{held[1]:<4} {dev[2]:>4};{held[2]:<4}"
        )
    print(f"{'all':22} {totals[0]:>9} {totals[1]:>9} {totals[2]:>9}")
    print(f"\n{len(rows)} positive pairs in {time.process_time() - cpu:.1f} CPU s")
    if show and gaps:
        print("\ndev pairs matched but not found by screening:")
        print("\n".join(gaps))
    return 0


def analysis_speed(count: int) -> None:
    """Time name analysis of ``count`` names of the global customer file (a
    third of them in Chinese, Arabic, Persian, Korean or Cyrillic script),
    caches cleared first: µs per name for :func:`analyze_name` and for
    :func:`name_variants` (the other readings this benchmark's scripts add)."""
    import os

    from thaw.text import analyze, translit

    shared = Path(os.environ.get("THAW_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    path = shared / "data" / "bench" / "negatives_global_dev.csv"
    with path.open(newline="", encoding="utf-8") as fh:
        names = [row["full_name"] for row in csv.DictReader(fh)][:count]
    for name in names[:50]:  # load the tables the first names need
        analyze.analyze_name(name, "Person")
        analyze.name_variants(name, "Person")
    for func in (analyze.analyze_name, analyze.name_variants, translit.transliterate_word):
        func.cache_clear()
    for label, func in (
        ("analyze_name", analyze.analyze_name),
        ("name_variants", analyze.name_variants),
    ):
        cpu = time.process_time()
        for name in names:
            func(name, "Person")
        spent = time.process_time() - cpu
        print(f"{label:14} {1e6 * spent / len(names):7.1f} µs CPU per name ({len(names)} names)")
    others = sum(bool(analyze.name_variants(n, "Person")) for n in names)
    print(f"names with another reading: {others}/{len(names)}")


#: Pairs written by hand for development, outside the set: Khmer names of
#: Cambodian public figures as the press spells them, Greek and Hebrew given
#: names and public figures against their English forms.
SAMPLE_HAND = PAIRS.with_name("cross_script_sample.csv")
#: At most this many pairs of each script and kind in :func:`sample_pairs`.
SAMPLE_PER_GROUP = 1000
#: The scripts the development sample draws (those of the pair set other
#: than Chinese characters, Hangul and kana).
SAMPLE_SCRIPTS = frozenset(
    {"Arabic", "Persian", "Hebrew", "Greek", "Thai", "Cyrillic", "Georgian", "Armenian"}
    | {"Khmer", "Ethiopic"}
)


def sample_pairs(home: Path) -> list[dict[str, str]]:
    """A development sample outside the set, to find failure classes on
    without looking at the set's pairs: every original-script name of every
    person listing of ``home`` whose original is not in the set (paired by
    :func:`transcribed_latin`, published inconsistencies left out), every
    form of rigour's name items (in at most :data:`MAX_ITEM_SCRIPTS` scripts)
    not in the set against one of its Latin forms, and :data:`SAMPLE_HAND`;
    at most :data:`SAMPLE_PER_GROUP` of each script and kind, drawn with a
    seed of their own."""
    known = {r["original"] for r in read_all_pairs()} | set(SEEN)
    out: list[dict[str, str]] = []
    for record in person_records(home):
        for i, n in enumerate(record.names):
            script = script_of(n.value, n.lang)
            if script not in SAMPLE_SCRIPTS or n.value in known or not is_original(n.value):
                continue
            latin = transcribed_latin(record, i, n.value)
            source = f"{record.source}:{record.source_id}"
            row = {"script": script, "original": n.value, "latin": latin or "", "source": source}
            if latin is None or inconsistency(row, record):
                continue
            out.append({**row, "kind": "lists"})
            known.add(n.value)
    rng = random.Random(SEED + 1)
    for qid, forms, latins in corpus_items():
        for form in forms:
            if form.isascii() or form in known or script_of(form) not in SAMPLE_SCRIPTS:
                continue
            out.append(
                {
                    "script": script_of(form),
                    "original": form,
                    "latin": rng.choice(latins).title(),
                    "source": f"rigour:{qid}",
                    "kind": "rigour",
                }
            )
    with SAMPLE_HAND.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["original"] not in known:
                out.append({**row, "source": "hand", "kind": "hand"})
    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in out:
        groups[(row["script"], row["kind"])].append(row)
    rng = random.Random(SEED + 2)
    drawn: list[dict[str, str]] = []
    for key in sorted(groups):
        found = sorted(groups[key], key=lambda r: (r["source"], r["original"], r["latin"]))
        rng.shuffle(found)
        drawn.extend(found[:SAMPLE_PER_GROUP])
    return drawn


def score_sample(home: Path, show: bool) -> None:
    """Score the development sample (:func:`sample_pairs`): per script and
    kind, how many pairs reach the default threshold; with ``show``, the
    misses (the sample is for looking at; the set's holdout is not)."""
    rows = sample_pairs(home)
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    cpu = time.process_time()
    for row in rows:
        result = score(Query(row["original"], "Person"), entry_from_record_name(row["latin"]))
        ok = result.score >= DEFAULT_THRESHOLD
        totals[(row["script"], row["kind"])][0] += ok
        totals[(row["script"], row["kind"])][1] += 1
        if not ok:
            misses.append(
                f"  {row['script']:10} {row['kind']:7} {result.score:.2f} {row['original']}"
                f" ~ {row['latin']}  ({row['source']})"
            )
    print("development sample (outside the set):")
    for (script, kind), (found, n) in sorted(totals.items()):
        print(f"{script:12} {kind:8} {found:>5}/{n:<5} {100 * found / n:5.1f} %")
    found_all = sum(v[0] for v in totals.values())
    n_all = sum(v[1] for v in totals.values())
    print(f"{'all':21} {found_all:>5}/{n_all:<5}  ({time.process_time() - cpu:.1f} CPU s)")
    if show and misses:
        print("\nmisses:")
        print("\n".join(misses))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", type=Path, default=Path("/work/homes/base"))
    parser.add_argument("--extract", choices=("lists", "variants"))
    parser.add_argument(
        "--draw", action="store_true", help="with --extract lists: draw new list pairs too"
    )
    parser.add_argument("--analysis", type=int, metavar="N", help="time analysis of N names")
    parser.add_argument(
        "--screen",
        action="store_true",
        help="screen the list pairs' originals against the Latin names of --home's listings",
    )
    parser.add_argument(
        "--retrieval",
        action="store_true",
        help="of the positive pairs the matcher matches, how many screening finds",
    )
    parser.add_argument(
        "--sample",
        action="store_true",
        help="score a development sample outside the set (list, rigour and hand pairs)",
    )
    parser.add_argument(
        "--show", action="store_true", help="with --sample, --retrieval: list its misses"
    )
    args = parser.parse_args(argv)
    if args.retrieval:
        return retrieval_gap(args.show)
    if args.sample:
        score_sample(args.home, args.show)
        return 0
    if args.screen:
        screened_pairs(args.home, read_all_pairs())
        return 0
    if args.analysis:
        analysis_speed(args.analysis)
        return 0
    if args.extract:
        rows = extract(args.home, args.extract, args.draw)
        with PAIRS.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, FIELDS)
            writer.writeheader()
            writer.writerows(rows)
        print(f"wrote {len(rows)} pairs to {PAIRS}")
        return 0
    rows = read_all_pairs()
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    by_kind: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    inconsistent = {"dev": [0, 0], "holdout": [0, 0]}
    started, cpu = time.perf_counter(), time.process_time()
    for row in rows:
        entry = entry_from_record_name(row["latin"])
        result = score(Query(row["original"], "Person"), entry)
        ok = result.score >= DEFAULT_THRESHOLD
        totals[(row["split"], row["script"])][0] += ok
        totals[(row["split"], row["script"])][1] += 1
        if not ok and row["split"] == "dev":
            misses.append(
                f"  {row['script']:10} {result.score:.2f} {row['original']} ~ {row['latin']}"
                f"  ({row['source']})"
                + (
                    f"  [published inconsistency: {row['inconsistency']}]"
                    if row["inconsistency"]
                    else ""
                )
            )
        if row["inconsistency"]:
            inconsistent[row["split"]][0] += ok
            inconsistent[row["split"]][1] += 1
        kind = row["source"].split(":")[0] if row["source"].startswith("rigour:") else "lists"
        kind = "variant" if row["source"] == "variant" else kind
        by_kind[(row["split"], kind)][0] += ok
        by_kind[(row["split"], kind)][1] += 1
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    scripts = sorted({s for _, s in totals})
    print(f"{'script':12} {'dev':>9} {'holdout':>9} {'all':>9}")
    grand = {"dev": [0, 0], "holdout": [0, 0]}
    for script in scripts:
        cells = []
        for part in ("dev", "holdout"):
            found, n = totals.get((part, script), [0, 0])
            grand[part][0] += found
            grand[part][1] += n
            cells.append(f"{found:>4}/{n:<4}")
        both = [sum(totals.get((p, script), [0, 0])[i] for p in ("dev", "holdout")) for i in (0, 1)]
        print(f"{script:12} {cells[0]} {cells[1]} {both[0]:>4}/{both[1]:<4}")
    d, h = grand["dev"], grand["holdout"]
    print(f"{'all':12} {d[0]:>4}/{d[1]:<4} {h[0]:>4}/{h[1]:<4} {d[0] + h[0]:>4}/{d[1] + h[1]:<4}")
    # list pairs whose original has a word that no Latin name of the listing
    # writes (benchmarks/cross_script_pairs.py --extract lists records them)
    di, hi = inconsistent["dev"], inconsistent["holdout"]
    print(
        f"{'inconsistent':12} {di[0]:>4}/{di[1]:<4} {hi[0]:>4}/{hi[1]:<4}"
        f" {di[0] + hi[0]:>4}/{di[1] + hi[1]:<4}  published inconsistencies (in the counts above)"
    )
    rest = [d[0] - di[0], d[1] - di[1], h[0] - hi[0], h[1] - hi[1]]
    print(
        f"{'consistent':12} {rest[0]:>4}/{rest[1]:<4} {rest[2]:>4}/{rest[3]:<4}"
        f" {rest[0] + rest[2]:>4}/{rest[1] + rest[3]:<4}  every other pair"
    )
    print("\nby source (lists: published original-script names; variant: written by hand;")
    print("rigour: single words of rigour's name-variant corpus)")
    for kind in ("lists", "variant", "rigour"):
        cells = [
            f"{by_kind[(part, kind)][0]:>4}/{by_kind[(part, kind)][1]:<4}"
            for part in ("dev", "holdout")
        ]
        print(f"{kind:12} {cells[0]} {cells[1]}")
    print(f"\n{len(rows)} pairs scored in {wall:.2f} s wall, {cpu:.2f} s CPU")
    if misses:
        print("\ndev misses:")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
