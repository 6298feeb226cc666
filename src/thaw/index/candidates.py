"""The candidate index: which listings are worth scoring for a queried name.

Scoring a query against every listing would cost tens of milliseconds; the index
narrows the field to a few dozen listings in well under a millisecond. It holds

* the prepared :class:`~thaw.index.entry.Entry` of every active listing, stored
  compactly and decoded on first use (:meth:`CandidateIndex.entry`), and beside
  it the listing's *facts* (its entry without names, caption, programmes and
  listing date: what the matcher's features that read no name read), which
  decode in a tenth of the time (:meth:`CandidateIndex.facts`): a screener
  rejects most candidates of a customer file by them (a date of birth decades
  apart) without decoding their names;
* **postings**: for every retrieval key, the sorted positions of the listings
  that carry it. Keys are namespaced strings:

  ``t:<token>``   a comparison token of a name (:func:`thaw.text.analyze_name`),
                  and the join of two adjacent tokens (``abdul rahman`` also
                  posts ``t:abdulrahman``) so that split and joined spellings meet;
  ``k:<key>``     every other key :func:`thaw.text.index_keys` gives for a name
                  (consonant skeletons ``~<key>``, joins of short words);
  ``a:~<key>``    the consonant skeleton of a token written in an abjad (Arabic,
                  Persian, Hebrew), which is all such a token says of its sound
                  (also of a word of two letters, חי ``~h``); a query token in
                  an abjad with ش also looks up the skeleton of its French
                  spelling (*ch*: عكاشة, *Akkacha*), and two adjacent ones the
                  ``k:`` skeleton of their join (أبو بكر, *Abubakar*);
  ``w:~<key>``    the consonant key of the join of two adjacent Latin-script
                  words of a name (:func:`split_join_key`: *Mohammad-Bagher*
                  ``w:~mhmdbkr``), looked up only by a query word written in an
                  abjad, Thai or Khmer, which writes them as one (محمدباقر);
  ``e:<token>``   the one retrieval token of a name of one word (*HASSAN*),
                  which only ranks equally covered candidates
                  (:meth:`CandidateIndex._written_alike`);
  ``s:<key>``     the consonants of a Latin-script name token, so that spellings
                  differing in their vowels meet (``Vorobyov``/``Vorobev``);
  ``o:<key>``     the onset key of a Latin-script name word of a person
                  (:func:`thaw.text.sounds.onset_key`: the consonants that begin
                  its syllables, ``Ersan`` → ``o:-s``), looked up only by a query
                  word written in Chinese characters or Hangul as a transcription
                  (厄森), whose syllables drop or add every other consonant;
                  ``O:<key>`` the fine onset key, each onset with the class of its
                  vowel (``O:-asa``), which credits such a word more;
  ``j:<key>``     a person's Latin-script name word that writes a Japanese long
                  vowel (*Ohno*, *Souichirou*, *Ikee*), without it
                  (:func:`long_vowels_unwritten`: ``j:ono``, ``j:soichiro``),
                  looked up only by the spellings of a query written in
                  Japanese, which write long vowels or not as the lists do;
  ``W:<key>``     a name as written, case, spacing, punctuation and
                  diacritics aside (:func:`~thaw.index.entry.written_key`), which
                  proposes the listings publishing the name a query writes
                  exactly (:meth:`CandidateIndex.written_positions`), however
                  many others share its words;
  ``i:<number>``  a normalised identifier number (passport, IMO, tax id …);

* a **vocabulary** of the tokens (four characters or more) with the character
  trigrams of each token, padded (``^omar$`` → ``^om oma mar ar$``), used to find
  the indexed tokens within one or two edits of a queried token (typos);
* the **deletion neighbourhood** of the vocabulary's tokens of up to eight
  characters: each token and each string one deletion away from it, by a
  checksum of the string (:func:`_deletion_keys`), sorted. Two strings within
  one edit (a substitution, an insertion, a deletion or a transposition) share
  one of these, so the neighbours of a query token shorter than eight characters
  (most of them) are found by a few lookups rather than by counting trigrams
  over the vocabulary (see :meth:`CandidateIndex.neighbours`).

Ranking
-------
Each retrieval token of the query is a *unit* weighted by its rarity (inverse
document frequency over listings, times the token's own weight from name
analysis). A listing earns, per unit, the best credit among: the exact token
(1.0), an indexed token within one edit (OSA distance, two edits for tokens of
eight characters or more; 0.95 × similarity), the join of the token with its
neighbour (0.9) and a key that :func:`~thaw.text.index_keys` gives the token
alone, or its consonants (0.75). Keys are credited as the matcher reads them:
a token written in an abjad meets every listed word with its abjad skeleton, and
a Latin-script token meets words written in an abjad; two Latin-script words
meet by abjad skeleton only when it keeps at least :data:`LATIN_SKELETON_MIN`
consonants, and otherwise by their plain consonants (``s:``), because the
abjad skeleton drops *w*, *y*, *v* and a final *h* and so joins unrelated Latin words
(``Tonya``/``Centre``) that the matcher would never align. A token written in
an abjad also meets, credited :data:`ABJAD_NEAR_CREDIT`, listed words whose
abjad key is one edit from its own where romanisations write one of its letters
otherwise (:func:`near_keys`: دحلان ``dln``, *Dahlan* ``dhln``), and a word of a
name in Thai or Khmer those with one of its letters left out, or with an *r* or
*n* more that its Latin spellings write (อาสา *Arsa*), as the matcher aligns them. A
retrieval token joined, as written, to the legal form or stop word beside it is
looked up as a listed token (:func:`minor_join_keys`: *Siemens AG*, *SiemensAG*),
and a long Latin word no listing writes as two listed words, one with a typo
(:meth:`CandidateIndex._split_postings`: *FridrichBuchenberg*, whose typo the
join of *Friedrich Buchenberg* has no neighbours to catch), and two adjacent
query words, one of them unlisted, as a listed word one typo from their join
(:meth:`CandidateIndex._near_joins`: 이승만 *i sung man*, *Syngman*).
(Keys credited as the matcher reads them, measured on all lists: 2.8 instead of
4.4 candidates per name on no list, the same UN recall and alias hold-out.) Its
**coverage** is the credited
weight over the total weight, in [0, 1]. A listing sharing an identifier number
with the query is always a candidate (coverage + 1). Candidates below
``min_coverage`` are dropped; the rest are ranked by coverage (ties: listings that write more of the
query's adjacent word pairs side by side, or a one-word query as a name of
their own, then listings with shorter names first) and the best ``limit``
returned.

A person's name in Latin letters that reads as a romanised Korean name
(:func:`thaw.text.korean.reads_as_korean_name`: *Kim Jong Eun*, *Lee
Byeong-cheol*) also looks up, for each word, the other spellings of the
syllables it spells (:func:`thaw.text.korean.korean_respellings`: *un*,
*pyong*, *chol*, *ri*, as the lists write North Korean names), credited
:data:`RESPELLING_CREDIT`: its own postings and typo neighbours miss them (a
word of three letters has no neighbours; *cheol* is two edits from *chol*).
Such a word is as rare as its syllable in all its spellings, and such a name
needs :data:`KOREAN_MIN_COVERAGE`: each syllable is a morpheme, and a listing
sharing the family name and one given syllable of two is another person.

A query word written in Chinese characters or Hangul as a transcription also
looks up its onset keys (``o:``, ``O:``): the listings they propose beyond the
ranked candidates are ranked among themselves, by their coverage with
:data:`ONSET_CREDIT` (:data:`FINE_ONSET_CREDIT` for the fine key) for the
word's syllables, and the best :data:`ONSET_LIMIT` are added, so that they
never displace a listing the readings propose.

Only the postings of the heaviest units are read in full (a listing that misses
all of them cannot reach ``min_coverage``); the common tokens only rescore those
candidates. So a query never scans every listing, and common first names cost
little.
"""

from __future__ import annotations

import functools
import io
import math
import pickle
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeAlias
from zlib import crc32

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

from thaw.index.codec import (
    EntryPickler,
    decode_entry,
    decoding_table,
    dumps_facts,
    dumps_fields,
    loads_facts,
)
from thaw.index.entry import Entry, normalize_id, written_key
from thaw.text import (
    AnalyzedName,
    Token,
    TokenStats,
    abjad_key,
    analyze_name,
    consonantal,
    fold_token,
    index_keys,
    name_variants,
    skeleton,
)
from thaw.text.korean import korean_respellings, reads_as_korean_name
from thaw.text.sounds import cjk_onset_keys, korean_shaped, latin_sounds, onset_key, query_words
from thaw.text.spellings import (
    Edge,
    EdgesOf,
    languages,
    query_chars,
    query_spelling_script,
    run_bounds,
    run_spellings,
    spells_morae,
    spells_syllables,
)
from thaw.text.symbols import latin_words

FORMAT_VERSION = 12
"""Bumped whenever the persisted layout changes (part of the cache fingerprint)."""

SCHEMA_CODES: tuple[str, ...] = ("LegalEntity", "Person", "Organization", "Vessel", "Aircraft")
"""Model schemata, by their code in :attr:`CandidateIndex.schema_codes` (unknown → 0)."""
_SCHEMA_CODE: dict[str, int] = {s: i for i, s in enumerate(SCHEMA_CODES)}


def schema_code(schema: str) -> int:
    """The code :attr:`CandidateIndex.schema_codes` holds for a listing of
    ``schema`` (:data:`SCHEMA_CODES`; a schema not among them, such as
    ``Company``, is 0)."""
    return _SCHEMA_CODE.get(schema, 0)


COMPATIBLE: Mapping[str, frozenset[str]] = {
    "Person": frozenset({"Person", "LegalEntity"}),
    "Organization": frozenset({"Organization", "LegalEntity"}),
    "LegalEntity": frozenset({"LegalEntity", "Person", "Organization"}),
    "Vessel": frozenset({"Vessel"}),
    "Aircraft": frozenset({"Aircraft"}),
}
"""Which listing schemata a query of each schema may match. A ``LegalEntity``
listing (an authority that did not say person or company) matches people and
organisations; vessels and aircraft only match their own kind."""

SKIPPED_ROLES = frozenset({"legal_form", "honorific", "stop"})
"""Token roles that never drive retrieval (``LLC`` or ``Mr`` say nothing of who);
tokens of weight 0 are skipped too."""

FUZZY_MIN_LEN = 4
"""Tokens shorter than this are matched exactly only."""

JOIN_CREDIT = 0.9
MINOR_WEIGHT = 0.05
"""Weight (times rarity) of query tokens that do not drive retrieval (honorifics,
stop words, legal forms): they only break ties between otherwise equal listings."""
FUZZY_CREDIT = 0.95
KEY_CREDIT = 0.75
#: The credit of another spelling of a romanised Korean syllable
#: (:func:`thaw.text.korean.korean_respellings`): a listing must share more
#: than one respelt syllable with the query, or its other words, to reach
#: ``min_coverage`` (*Kim Min-jun* and *KIM Man Chun* share *kim* and 준 only).
RESPELLING_CREDIT = 0.6
#: The least coverage of a candidate for a name read as a romanised Korean
#: name: its words are syllables, each a morpheme, and a listing sharing the
#: family name and one given syllable of two (*Kim Min-jun*, *KIM Man Chun*)
#: is another person, however near the other syllable is spelt.
KOREAN_MIN_COVERAGE = 0.6
#: The credit of a listed word whose abjad key (``k:~``) differs from the key
#: of a query word written in an abjad only as romanisations write one of its
#: letters otherwise (:func:`_near_abjad_keys`: دحلان ``dln``, its ح read as
#: the *h* of the digraph *dh*, and *Dahlan* ``dhln``; الكاظمي ``kzm`` and
#: *Kadhimi* ``kdm``, ظ written *z* or *dh*; خامنه‌ای ``hmn`` and *Khamenehi*
#: ``hmnh``, its ه written as a vowel or as *h*): the matcher aligns such
#: keys, one edit apart, at 0.6 against 0.9 for equal ones, and retrieval
#: credits them as much less than :data:`KEY_CREDIT`.
ABJAD_NEAR_CREDIT = 0.5
#: The fewest letters of the longer of two such keys that meet (the
#: matcher's ``_abjad_similarity`` aligns none shorter one edit apart).
ABJAD_NEAR_MIN = 3
#: Letters of an abjad key that Latin spellings write for one abjad letter
#: (ظ *z*, *dh*; ذ *dh*, *z*; ض *d*, *dh*: ``z``/``d``; ث *th*, *s*:
#: ``t``/``s``; Hebrew צ, read *z*, for the Arabic ص *s* of a name, נאצר
#: *Nasser*, and a *ts* of a Latin spelling, keyed *z*, for the ศ *s* of a
#: Thai name, นุศรา *Nootsara*: ``s``/``z``, as the matcher's
#: :data:`thaw.match.consonants.SPELT_ALIKE` aligns them): a key with one of
#: them for the other is the same name's.
ABJAD_ALIKE: Mapping[str, str] = {"z": "ds", "d": "z", "t": "s", "s": "tz"}
#: Letters of an abjad key after which an *h* may be one letter's or the
#: second of a digraph (*dh*, *th*, *kh*, *sh*, *zh* ...): Latin spellings write
#: دحلان *Dahlan*, which a reading of دح as ذ, *dh*, keys without it.
ABJAD_DIGRAPH = frozenset("dtkgsz")
#: Letters that the Latin spellings of a name in Thai or Khmer write beside its
#: sounds with no letter of the script for them: an *r* after a vowel to make
#: it long, as spellings of English sound (อาสา *Arsa*, ชาญ *Charn*), and the
#: *n* of a final ร, which Thai reads *n*, written beside its *r* (อมร
#: *Amorn*): a listed word's key with one of them more is the same name's
#: (:func:`_one_more_keys`).
BRAHMIC_UNWRITTEN = "rn"
#: Letters of a key that the Latin spellings of a name in Thai or Khmer write
#: for one letter of the script (ท ธ *th* and, as Sanskrit names are spelt,
#: *d*: อานันท *Ananda*; จ ช *ch* and *j*: อัมพุช *Umpujh*): a key with one of
#: them for the other, after its first letter, is the same name's
#: (:func:`_alike_brahmic_keys`).
BRAHMIC_ALIKE: Mapping[str, str] = {"t": "d", "d": "t", "h": "j", "j": "h"}
ONSET_CREDIT = 0.6
"""Credit of a listed word sharing its onset key with a query word written in
Chinese characters or Hangul as a transcription (for each of the word's
syllables): enough for a one-word query to propose it."""
FINE_ONSET_CREDIT = 0.8
"""Credit of a listed word sharing its fine onset key (vowel classes too) with
such a query word: it ranks before one sharing only the onsets."""
ONSET_MIN = 2
"""Least length of an onset key that is indexed or looked up (``-s``, ``kt``)."""
ONSET_SCHEMAS = frozenset({"Person", "LegalEntity"})
"""Listings whose names get onset keys: only a person's name is compared as a
transcription (:mod:`thaw.match.transcription`)."""
ONSET_LIMIT = 20
"""Most listings that onset keys add to a query's candidates, beyond those its
readings propose (:meth:`CandidateIndex._onset_candidates`)."""
ONSET_VARIANTS = 8
#: The longest run of a query's Chinese or Korean characters whose spellings
#: are looked up as one listed word (*Sakamoto*, *Jaemyung*, *Soichiro*), the
#: most joined spellings looked up from one character on (each a prefix of an
#: indexed token, :meth:`CandidateIndex._may_begin`), and the credit of a
#: listed word that a run spells (:meth:`CandidateIndex._spelled`).
SPELLING_RUN = 3
SPELLING_KEYS = 600
#: The longest run of a word written in kana alone whose spellings are looked
#: up as one listed word: a kana writes a mora, not a syllable of a name's
#: character (じゅんいちろう, 7 kana, is *Junichirou*, 純一郎).
KANA_RUN = 8
#: The most spellings of a word spelt whole by its sounds (Greek, Cyrillic
#: ... letters: :meth:`CandidateIndex._word_spelled`), usual spellings first.
#: Measured (``benchmarks/cross_script_pairs.py --retrieval``): 30 finds no
#: more Cyrillic pairs than none, 120 all but one that 600 finds, for a third
#: of the cost (the Cyrillic names of a customer file spelt at 600 cost ten
#: times their retrieval). Since the spellings that fold alike are charged
#: once (:func:`thaw.text.spellings.run_spellings`'s ``same``), 100 finds
#: what 120 found and *Whelan* for Уилан besides; 90 loses *Chirac*. Since
#: the likeliest spellings come first (each letter spelt otherwise before two
#: are), 100 finds *Chirac* among every Greek pair's listings too, and two
#: Cyrillic pairs more; 70 loses one of them.
SOUND_KEYS = 100
SPELLING_CREDIT = 0.9
#: The least coverage of a listing that the spellings propose (about every
#: character of the name spelt: a name is spelt in full or not at all), and
#: the most such listings added after the others.
#: The usual spellings of each character that a run of several joins (the
#: languages give them most usual first; the matcher tries them all, and a
#: character alone is looked up by all of them).
SPELLING_WIDTH = 12
SPELLING_MIN_COVERAGE = 0.8
SPELLING_LIMIT = 10
#: Up to this many keys proposing listings (:meth:`CandidateIndex._onset_candidates`),
#: each key's credits are found for the proposed listings one key after the
#: other; more (a name in Chinese characters has a dozen), all at once
#: (:func:`_proposing_credits`), which costs more for a few.
FEW_KEYS = 6
#: The most analysed query names whose reading as a romanised Korean name an
#: index remembers (:meth:`CandidateIndex._korean`; emptied when full).
KOREAN_MEMO = 65536
#: The most joined spellings whose lookups an index remembers (each memo is
#: emptied when full).
SPELT_MEMO = 200_000
#: The most words of characters whose runs' listings an index remembers
#: (:meth:`CandidateIndex._word_spelled`; about 500 bytes each): when full, the
#: half used least lately is forgotten, so that the words of a customer file's
#: thousands of names in Chinese characters or Hangul that recur most (陳, 김)
#: stay (emptied whole, 4,096 were spelt again every few thousand names).
SPELT_WORDS = 32768
#: The most listings one onset or spelling key may propose (a key of more
#: listings, as a common family name spelt alone, only counts towards the
#: coverage of listings a rarer key proposes; the rarest key always proposes).
PROPOSING_MAX = 1500
"""Most onset keys looked up for one query word (:func:`_onset_keys`)."""
LATIN_SPELLINGS = 8
"""How many Latin spellings of a name written in another script retrieval looks
up at most (those sharing the most name items with it)."""
LATIN_SKELETON_MIN = 3
"""Least consonants of a skeleton through which two Latin-script words meet."""
DEFAULT_LIMIT = 100
DEFAULT_MIN_COVERAGE = 0.5
"""Least coverage of a proposed listing. Measured on all lists (33,811 listings):
against 0.4 it proposes a third as many listings for names on no list (3.6 instead
of 10.8 per name) and keeps every UN positive, for 1.7 % fewer alias hold-out hits;
0.6 would cut the work again by four but lose 4 % of them. (Measured before keys
were credited as the matcher reads them; at 0.5 names on no list now get 2.8.)"""

# (explicit aliases: the build compiles this module where numpy may not be installed)
_Ints: TypeAlias = npt.NDArray[np.int32]
_Floats: TypeAlias = npt.NDArray[np.float64]
_Floats32: TypeAlias = npt.NDArray[np.float32]
TOKEN_CACHE_ELEMENTS = 4_000_000
"""How many listing positions the per-token retrieval cache may hold (16 MB)."""
#: A query unit's credits for sorted candidates (:func:`_lookup`; whether a
#: posting holds them, :func:`_present`) are found by
#: searching each candidate among the unit's listings, or, when there are at
#: least :data:`MANY_CANDIDATES` candidates and :data:`FEW_SEARCHED` times as
#: many as listings, each listing among the candidates: a binary search per
#: listing instead of one per candidate, for a few more NumPy calls (the same
#: credits either way).
MANY_CANDIDATES = 256
FEW_SEARCHED = 4


class _TokenPostings:
    """The listings crediting one query token: ``ids`` with their best
    ``credits``, best first; ``levels`` gives, per distinct credit (descending),
    the end of the prefix of ``ids`` credited at least that much; ``df`` is the
    token's document frequency (of its rarest stand-in when not indexed);
    ``by_id`` and ``by_id_credits`` are the same in listing order. Read-only
    once built. (A plain class, not a frozen dataclass: compiled, its
    constructor is a native call rather than a generated ``__init__`` run as
    Python, once for every new query token.)"""

    __slots__ = ("ids", "credits", "levels", "df", "by_id", "by_id_credits")

    def __init__(
        self,
        ids: _Ints,
        credits: _Floats32,
        levels: tuple[tuple[float, int], ...],
        df: int,
        by_id: _Ints,
        by_id_credits: _Floats32,
    ) -> None:
        self.ids = ids
        self.credits = credits
        self.levels = levels
        self.df = df
        self.by_id = by_id
        self.by_id_credits = by_id_credits


_Unit = tuple[float, _TokenPostings]
"""A weighted query unit: its weight and the listings crediting it."""


def _merge_sources(sources: list[tuple[npt.NDArray[np.int32], float]], df: int) -> _TokenPostings:
    """Merge postings credited differently into one array, best credit per listing."""
    sources = [(p, c) for p, c in sources if len(p)]
    if not sources:
        none = np.zeros(0, dtype=np.float32)
        return _TokenPostings(_EMPTY, none, (), df, _EMPTY, none)
    if len(sources) == 1:
        ids = sources[0][0]
        credits = np.empty(len(ids), dtype=np.float32)
        credits.fill(sources[0][1])
        # (one credit: one level)
        return _TokenPostings(ids, credits, ((float(credits[0]), len(ids)),), df, ids, credits)
    # best credit first, then a stable sort by listing: each listing's first
    # occurrence carries its best credit (one sort instead of a two-key lexsort)
    sources.sort(key=lambda pc: -pc[1])
    ids = np.concatenate([p for p, _ in sources])
    credits = np.array([c for _, c in sources], dtype=np.float32).repeat(
        [len(p) for p, _ in sources]
    )
    order = ids.argsort(kind="stable")
    ids, credits = ids[order], credits[order]
    first = np.empty(len(ids), dtype=np.bool_)
    first[0] = True
    np.not_equal(ids[1:], ids[:-1], out=first[1:])
    # (the positions kept, found once: indexing by them twice is cheaper than
    # by the mask twice)
    kept = first.nonzero()[0]
    ids, credits = ids[kept], credits[kept]
    by_id, by_id_credits = ids, credits
    order = (-credits).argsort(kind="stable")
    ids, credits = ids[order], credits[order]
    # (each level ends after the last listing of its credit; the ends counted
    # in a loop, not by adding one to an array, nor by a generator: compiled,
    # each of its steps is a call)
    levels_at: list[int] = (credits[1:] != credits[:-1]).nonzero()[0].tolist()
    levels: list[tuple[float, int]] = []
    for last in levels_at:
        levels.append((float(credits[last]), last + 1))
    levels.append((float(credits[-1]), len(ids)))
    return _TokenPostings(ids, credits, tuple(levels), df, by_id, by_id_credits)


def _lookup(postings: _TokenPostings, cand: _Ints, out: npt.NDArray[np.float32]) -> None:
    """For each of ``cand``: its credit in ``postings`` (``by_id``), else 0,
    written to ``out``.

    (Clipped takes stand for bounding the insertion points first, and the credit
    times the hit for a select: fewer NumPy calls, the same values, as credits
    are positive. Postings of one credit level, most of them, need not take
    their credits: the comparison written into ``out`` as 1.0 or 0.0 is the
    credit when it is 1.0, and the hit times the credit otherwise.)"""
    ids = postings.by_id
    if not len(ids):
        out[:] = 0.0
        return
    if len(cand) >= FEW_SEARCHED * len(ids) and len(cand) >= MANY_CANDIDATES:
        # (a rare token against many candidates, a name in Chinese characters'
        # onset proposals: its few listings searched among the candidates, not
        # every candidate among them; the same credits)
        out.fill(0.0)
        at = cand.searchsorted(ids)
        hit = (cand.take(at, mode="clip") == ids).nonzero()[0]
        out.put(at.take(hit), postings.by_id_credits.take(hit))
        return
    idx = ids.searchsorted(cand)
    levels = postings.levels
    if len(levels) == 1 and levels[0][0] == 1.0:
        # (the comparison written as 1.0 or 0.0 straight into ``out``)
        np.equal(ids.take(idx, mode="clip"), cand, out=out)
        return
    if len(levels) > 1:
        # (the credits taken straight into ``out``, then times the hit: no
        # array made for them)
        postings.by_id_credits.take(idx, None, out, "clip")
        out *= ids.take(idx, mode="clip") == cand
    else:
        np.multiply(ids.take(idx, mode="clip") == cand, np.float32(levels[0][0]), out=out)


def _present(ids: _Ints, cand: _Ints) -> npt.NDArray[np.bool_]:
    """For each of ``cand``: whether it is in ``ids`` (sorted; searched as
    :func:`_lookup` searches)."""
    if not len(ids):
        return np.zeros(len(cand), dtype=np.bool_)
    if len(cand) >= FEW_SEARCHED * len(ids) and len(cand) >= MANY_CANDIDATES:
        at = cand.searchsorted(ids)
        present = np.zeros(len(cand), dtype=np.bool_)
        present.put(at.take((cand.take(at, mode="clip") == ids).nonzero()[0]), True)
        return present
    found: npt.NDArray[np.bool_] = ids.take(ids.searchsorted(cand), mode="clip") == cand
    return found


_EMPTY = np.zeros(0, dtype=np.int32)


def _proposing_credits(
    onsets: Sequence[tuple[_Ints, float, list[int]]], units: int
) -> tuple[_Ints, _Floats32]:
    """The listings that ``onsets`` (each: its listings, its credit and the
    query units it credits) propose, sorted and distinct, and the best credit
    they give each of ``units`` units (units by listings): what
    :func:`_present` and a maximum per key and unit give, in a few NumPy calls
    for all the keys at once (a name in Chinese characters has a dozen keys
    proposing hundreds of listings). Per credit, a listing's units are the
    bits of a mask, or-ed over the keys that propose it."""
    listings = np.concatenate([posting for posting, _, _ in onsets])
    best = np.zeros((units, 0), dtype=np.float32)
    if not len(listings):
        return listings, best
    # (each listing with the key that gave it, sorted by listing: one sort of
    # both in one number, cheaper than a stable argsort)
    keys = len(onsets)
    owner = np.arange(keys, dtype=np.int64).repeat([len(p) for p, _, _ in onsets])
    both = listings.astype(np.int64)
    both *= keys
    both += owner
    both.sort()
    high, owner = np.divmod(both, keys)
    listings = high.astype(np.int32)
    starts = np.empty(len(listings), dtype=np.bool_)
    starts[0] = True
    np.not_equal(listings[1:], listings[:-1], out=starts[1:])
    first = starts.nonzero()[0]
    best = np.zeros((units, len(first)), dtype=np.float32)
    if units > 62:  # (more units than a mask holds: key by key)
        for o, (_posting, credit, word_units) in enumerate(onsets):
            mine = np.multiply(
                np.logical_or.reduceat(owner == o, first), np.float32(credit), dtype=np.float32
            )
            for k in word_units:
                np.maximum(best[k], mine, out=best[k])
        return listings[first], best
    shifts = np.arange(units, dtype=np.int64)[:, None]
    for credit in sorted({c for _, c, _ in onsets}, reverse=True):
        masks = np.array(
            [sum(1 << k for k in set(us)) if c == credit else 0 for _, c, us in onsets],
            dtype=np.int64,
        )
        mask = np.bitwise_or.reduceat(masks[owner], first)
        found = np.multiply((mask[None, :] >> shifts) & 1, np.float32(credit), dtype=np.float32)
        np.maximum(best, found, out=best)
    return listings[first], best


_Proposals = tuple[_Ints, _Floats32 | None, list[tuple[_Ints, float, list[int]]]]
"""What :func:`_proposals` gives."""


def _proposals(onsets: list[tuple[_Ints, float, list[int]]], units: int) -> _Proposals:
    """The listings that ``onsets`` (each: its listings, its credit and the
    query units it credits; :meth:`CandidateIndex._onsets`) propose, sorted
    and distinct, their credits from the keys that proposed them (units by
    listings, :func:`_proposing_credits`; ``None``: up to :data:`FEW_KEYS`
    keys, whose credits are looked up key by key), and the keys whose credits
    are still to be looked up. The listings of a common key, such as one
    character spelt *li*, only add to the coverage of those the rarer keys
    propose."""
    sizes = sorted(len(posting) for posting, _, _ in onsets)
    most = max(PROPOSING_MAX, sizes[0])
    proposing = [o for o in onsets if len(o[0]) <= most]
    if len(proposing) > FEW_KEYS:
        rest = [o for o in onsets if len(o[0]) > most]
        cand, proposed = _proposing_credits(proposing, units)
        return cand, proposed, rest
    return _distinct_joined([p for p, _, _ in proposing]), None, list(onsets)


class Candidate:
    """A listing worth scoring: its position in the index and its retrieval
    coverage (the share of the query's weighted tokens it carries, in [0, 1];
    above 1 when an identifier number matched). Read-only; equal when both
    values are, as the frozen dataclass it was. (A plain class: compiled, its
    constructor is a native call, where a dataclass's generated ``__init__``
    runs as Python, for every candidate of every query.)"""

    __slots__ = ("position", "coverage")

    def __init__(self, position: int, coverage: float) -> None:
        self.position = position
        self.coverage = coverage

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Candidate):
            return NotImplemented
        return self.position == other.position and self.coverage == other.coverage

    def __hash__(self) -> int:
        return hash((self.position, self.coverage))

    def __repr__(self) -> str:
        return f"Candidate(position={self.position!r}, coverage={self.coverage!r})"


def _int_view(values: npt.NDArray[Any]) -> memoryview:
    """``values`` (a one-dimensional integer array) as a memoryview, whose items are
    Python ints."""
    return np.ascontiguousarray(values).data


def _trigrams(text: str) -> list[str]:
    padded = f"^{text}$"
    return list(dict.fromkeys(padded[i : i + 3] for i in range(len(padded) - 2)))


def max_edits(text: str) -> int:
    return 1 if len(text) < LONG_TOKEN else 2


LONG_TOKEN = 8
"""Tokens of this many characters or more are allowed two edits to a neighbour."""


def _one_edit(text: str, other: str) -> bool:
    """Whether ``other`` is one edit from ``text`` (optimal string alignment
    distance 1: a substitution, an insertion, a deletion or a transposition of
    two adjacent characters), compared character by character: what
    ``OSA.distance(text, other) == 1`` says, without the cost of the call,
    which was most of checking a neighbour."""
    if len(text) < len(other):
        text, other = other, text
    size = len(other)
    if len(text) - size > 1:
        return False
    i = 0
    while i < size and text[i] == other[i]:
        i += 1
    if len(text) != size:
        return text[i + 1 :] == other[i:]  # (a deletion from the longer one)
    if i == size:
        return False  # (the same text)
    if text[i + 1 :] == other[i + 1 :]:
        return True  # (a substitution)
    return (
        i + 1 < size
        and text[i] == other[i + 1]
        and text[i + 1] == other[i]
        and text[i + 2 :] == other[i + 2 :]
    )


_ROUNDED: dict[float, float] = {}
#: The most values :func:`_round4` remembers (emptied when full); similarities
#: take a few values per token length.
ROUNDED_MEMO = 4096


def _round4(value: float) -> float:
    """``round(value, 4)``, remembered per value (a similarity of a typo
    neighbour, ``1 - edits / length``, or its credit): rounding to digits
    converts the float to decimal and back, a few thousand instructions, and a
    new query token rounds one for each neighbour."""
    found = _ROUNDED.get(value)
    if found is None:
        if len(_ROUNDED) >= ROUNDED_MEMO:
            _ROUNDED.clear()
        found = _ROUNDED[value] = round(value, 4)
    return found


def _deletion_keys(text: str) -> list[int]:
    """The checksums of ``text`` and of every string one deletion away from it
    (distinct). Two strings within one edit of each other (optimal string
    alignment: a substitution, an insertion, a deletion or a transposition of
    two adjacent characters) always share one: the substitution or the
    transposition deletes one character from both, an insertion the character
    inserted. (A checksum, CRC-32 of the UTF-8 form, rather than Python's string
    hash, which changes from process to process; two strings sharing a checksum
    by chance only cost a comparison that rejects them.)"""
    # (a loop, not a generator of variants: compiled, a generator's every step
    # is a call)
    keys = [crc32(text.encode("utf-8"))]
    for i in range(len(text)):
        keys.append(crc32((text[:i] + text[i + 1 :]).encode("utf-8")))
    return list(dict.fromkeys(keys))


def _deletion_table(vocab: list[str]) -> tuple[npt.NDArray[np.uint32], _Ints]:
    """The deletion neighbourhood of the tokens of ``vocab`` (by position) that a
    token shorter than :data:`LONG_TOKEN` may be one edit from (up to
    ``LONG_TOKEN`` characters): every key of :func:`_deletion_keys` with the
    position of its token, sorted by key (then position)."""
    keys: list[int] = []
    ids: list[int] = []
    for vid, text in enumerate(vocab):
        if len(text) <= LONG_TOKEN:
            found = _deletion_keys(text)
            keys.extend(found)
            ids.extend([vid] * len(found))
    key_array = np.array(keys, dtype=np.uint32)
    order = key_array.argsort(kind="stable")
    return key_array[order], np.array(ids, dtype=np.int32)[order]


class _Postings:
    """Builder: key → set of listing positions, then a compact CSR layout."""

    def __init__(self) -> None:
        self.sets: defaultdict[str, set[int]] = defaultdict(set)

    def add(self, key: str, position: int) -> None:
        self.sets[key].add(position)

    def freeze(self) -> tuple[dict[str, int], npt.NDArray[np.int64], _Ints]:
        slots: dict[str, int] = {}
        offsets = np.zeros(len(self.sets) + 1, dtype=np.int64)
        chunks: list[list[int]] = []
        for slot, (key, members) in enumerate(sorted(self.sets.items())):
            slots[key] = slot
            chunks.append(sorted(members))
            offsets[slot + 1] = offsets[slot] + len(members)
        ids = np.fromiter(
            (p for chunk in chunks for p in chunk), dtype=np.int32, count=int(offsets[-1])
        )
        return slots, offsets, ids


_PREFIXED_NUMBER = re.compile(r"^[A-Z]{1,4}(\d{6,})$")


def id_keys(number: str) -> list[str]:
    """Retrieval keys of an identifier number: its normalised form and, for a
    number with a short letter prefix (``IMO 9123456``), the digits alone."""
    normal = normalize_id(number)
    if not normal:
        return []
    m = _PREFIXED_NUMBER.match(normal)
    return [normal, m[1]] if m else [normal]


def _distinct(values: _Ints) -> _Ints:
    """Sorted distinct values (much faster than ``np.unique`` on small arrays)."""
    if len(values) < 2:
        return values
    return _distinct_of(values.copy())


def _distinct_joined(arrays: list[_Ints]) -> _Ints:
    """:func:`_distinct` of ``arrays`` joined (their join is a new array, sorted
    in place rather than copied again)."""
    if len(arrays) == 1:
        return _distinct(arrays[0])
    joined: _Ints = np.concatenate(arrays)
    if len(joined) < 2:
        return joined
    return _distinct_of(joined)


def _distinct_of(values: _Ints) -> _Ints:
    """:func:`_distinct` of two or more ``values``, sorting them in place."""
    values.sort()
    keep = np.empty(len(values), dtype=np.bool_)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def _values_seen(values: _Ints, times: int) -> _Ints:
    """The distinct values occurring at least ``times`` times, sorted."""
    if times <= 1:
        return _distinct(values)
    if len(values) < times:
        return values[:0]
    values = values.copy()
    values.sort()
    # in sorted order, a value occurring ``times`` times or more is equal to the
    # value ``times - 1`` places further on (fewer NumPy calls than counting runs)
    later = values[times - 1 :]
    found: _Ints = later[later == values[: len(values) - times + 1]]
    if len(found) < 2:
        return found
    keep = np.empty(len(found), dtype=np.bool_)
    keep[0] = True
    np.not_equal(found[1:], found[:-1], out=keep[1:])
    distinct: _Ints = found[keep]
    return distinct


#: The least length of a query token that no listing writes for which
#: retrieval looks for two adjacent listed words, one with a typo, that it
#: joins (:meth:`CandidateIndex._split_postings`).
SPLIT_MIN_LEN = 10


def _splits(token: Token) -> bool:
    """Whether retrieval cuts ``token`` into two listed words
    (:meth:`CandidateIndex._split_postings`): a word of a name in Latin
    letters (a word written in an abjad or in characters has keys of its own
    for the words it joins: ``w:``, the spellings of its runs)."""
    return not (token.abjad or token.script_form or token.other_script) and token.text.isalpha()


def near_join(left: Token, right: Token) -> str | None:
    """The join of two adjacent query tokens whose typo neighbours retrieval
    may look up (:meth:`CandidateIndex._near_joins`, which asks it only when
    one of the two is no listed word), else ``None``: a join shorter than
    :data:`LONG_TOKEN` (its neighbours are a few lookups) of two words not in
    an abjad (whose joins have keys of their own). The monitor's row index
    probes the same joins, whatever the lists hold."""
    text = left.text + right.text
    if not FUZZY_MIN_LEN <= len(text) < LONG_TOKEN or left.abjad or right.abjad:
        return None
    return text


def _vowel_free(token: Token) -> str | None:
    """The ``s:`` key of a Latin-script name token: its consonants
    (:func:`thaw.text.skeleton`), when there are at least two and the token has
    vowels to vary (``Vorobyov``/``Vorobev``, ``Yeliseyev``/``Eliseev``)."""
    if token.abjad or token.script_form or token.role not in ("name", "patronymic"):
        return None
    text = token.text
    if len(text) < FUZZY_MIN_LEN or not text.isalpha():
        return None
    key = skeleton(text)
    return key if 2 <= len(key) < len(text) else None


def _single_key(token: Token) -> str | None:
    """The key beyond its text that :func:`~thaw.text.index_keys` gives a name made
    of ``token`` alone: ``~`` + its abjad key, for a weighted token written in
    three letters or more (*Ouk*, whose text is ``uk``), or in an abjad, that is
    no number (``None``: none).

    Written out because retrieval asks it of every new query token, and building
    a one-token :class:`~thaw.text.AnalyzedName` to ask ``index_keys`` cost
    three times as much; ``tests/index`` checks that both agree."""
    text = token.text
    written = token.raw or text
    if token.weight <= 0 or token.role == "number" or len(written) <= 2 and not token.abjad:
        return None
    key = "~" + abjad_key(written)
    return key if key != text else None


#: Japanese long vowels as Latin spellings write them (Hepburn without
#: macrons, Kunrei and passport spellings: *Ohno*, *Oono*, *Souichirou*,
#: *Kiryuu*, *Ikee*), and the vowel they lengthen; an *oh* before a vowel
#: is an *o* and an *h* (*Ohashi* is O-hashi, but so is no name's *oha*
#: that this would fold).
_LONG_VOWELS = re.compile(r"oh(?![aeiouy])|ou|oo|uu|ee|ii|aa")


def long_vowels_unwritten(word: str) -> str:
    """``word`` (lower-case ASCII letters) with each Japanese long vowel
    written as its short one (:data:`_LONG_VOWELS`): *ohno*, *oono* and
    *ono* are all ``ono``, *souichirou* ``soichiro``. Lists and readings
    write long vowels or not as they please, and both sides of a
    comparison folded so meet."""
    return _LONG_VOWELS.sub(lambda m: m[0][0], word)


def _long_vowel_key(raw: str) -> str | None:
    """The ``j:`` key of a listed Latin-script name word (``raw``, as
    written): :func:`long_vowels_unwritten` of it, when that differs (the
    word writes a long vowel), else ``None``."""
    word = raw.lower()
    if not word.isascii() or not word.isalpha():
        return None
    short = long_vowels_unwritten(word)
    return short if short != word else None


@functools.lru_cache(maxsize=64)
def unwritten_long(language: EdgesOf) -> EdgesOf:
    """``language`` (Japanese: :func:`thaw.text.spellings.spells_morae`) with
    each edge's spellings written without long vowels
    (:func:`long_vowels_unwritten`), distinct, in their order: *sho*,
    *shou*, *shoh* are one spelling, so that the usual spellings that a run
    of several characters joins (:data:`SPELLING_WIDTH`) are not three
    writings of one reading (正尚 *Masataka*: *taka* is 尚's fifteenth
    spelling, its eighth without them)."""

    @functools.lru_cache(maxsize=32768)
    def edges(word: str) -> Sequence[Edge]:
        out: list[Edge] = []
        for start, end, spellings in language(word):
            short = tuple(dict.fromkeys([long_vowels_unwritten(sp) for sp in spellings]))
            out.append((start, end, short))
        return out

    return edges


def _one_fewer_keys(core: str) -> list[str]:
    """The keys ``core`` gives with one of its letters left out, its first
    letter kept, the key at least :data:`ABJAD_NEAR_MIN` letters long: a
    consonant the script writes and the Latin spelling does not."""
    if not core.isalpha() or len(core) < ABJAD_NEAR_MIN:
        return []
    out = [core[:i] + core[i + 1 :] for i in range(1, len(core))]
    return [k for k in dict.fromkeys(out) if k != core]


def _one_more_keys(core: str) -> list[str]:
    """The keys ``core`` gives with one letter of :data:`BRAHMIC_UNWRITTEN`
    added after its first letter, not beside the same letter, the key at least
    :data:`ABJAD_NEAR_MIN` letters long: a letter the Latin spelling of a name
    in Thai or Khmer writes and the script does not (อาสา ``as``, *Arsa*
    ``ars``)."""
    if not core.isalpha() or len(core) + 1 < ABJAD_NEAR_MIN:
        return []
    out: list[str] = []
    for i in range(1, len(core) + 1):
        for letter in BRAHMIC_UNWRITTEN:
            if core[i - 1] != letter and core[i : i + 1] != letter:
                out.append(core[:i] + letter + core[i:])
    return list(dict.fromkeys(out))


def _alike_brahmic_keys(core: str) -> list[str]:
    """The keys ``core`` gives with one letter after its first written as its
    fellow of :data:`BRAHMIC_ALIKE`, the key at least :data:`ABJAD_NEAR_MIN`
    letters long (อัมพุช ``amfh``, *Umpujh* ``amfj``)."""
    if not core.isalpha() or len(core) < ABJAD_NEAR_MIN:
        return []
    out: list[str] = []
    for i in range(1, len(core)):
        alike = BRAHMIC_ALIKE.get(core[i])
        if alike is not None and core[i - 1] != alike and core[i + 1 : i + 2] != alike:
            out.append(core[:i] + alike + core[i + 1 :])
    return out


def brahmic_keys(core: str) -> list[str]:
    """The keys of listed words that a word of a name in Thai or Khmer keyed
    ``core`` meets one edit apart (:func:`_one_fewer_keys`,
    :func:`_one_more_keys`, :func:`_alike_brahmic_keys`): their ``k:~`` keys,
    and the ``w:~`` keys of two listed words that the script writes as one
    (:func:`split_join_key`: อานันทมหิดล, *Ananda Mahidol*)."""
    near = [*_one_fewer_keys(core), *_one_more_keys(core), *_alike_brahmic_keys(core)]
    near = list(dict.fromkeys(near))
    return ["k:~" + k for k in near] + ["w:~" + k for k in near if len(k) >= ABJAD_JOIN_MIN]


def _written_brahmic(text: str) -> bool:
    """Whether ``text`` has a letter of the Thai or Khmer script."""
    for c in text:
        if "\u0e00" <= c <= "\u0e7f" or "\u1780" <= c <= "\u17ff":
            return True
    return False


ABJAD_JOIN_MIN = 4
"""Least letters of the consonant key of two abjad words' join that retrieval
looks up (:func:`abjad_join_key`)."""


def abjad_join_key(left: Token, right: Token) -> str | None:
    """For two adjacent words written apart in an abjad that a listing writes as
    one word in Latin letters (أبو بكر, *Abubakar*), the consonant key of the
    join of their raw forms, of :data:`ABJAD_JOIN_MIN` letters or more, as a
    key of the index; ``None`` otherwise. Retrieval looks it up when the plain
    join of the two tokens is not indexed; a portfolio's row index probes it
    (:mod:`thaw.monitor.keys`)."""
    if not (left.abjad and right.abjad):
        return None
    key = abjad_key(fold_token(left.raw + right.raw))
    return "k:~" + key if len(key) >= ABJAD_JOIN_MIN else None


def split_join_key(left: Token, right: Token) -> str | None:
    """For two adjacent words of a listed name written in Latin letters, the
    ``w:`` key of their join: ``w:~`` and the consonant key of the join of
    their raw forms (:data:`ABJAD_JOIN_MIN` letters or more), which a query
    word written as one in an abjad, Thai or Khmer looks up
    (:meth:`CandidateIndex._token_keys`): such a script writes as one word what
    Latin spellings write apart or analysis parts (گلبدین and *Gulb-uddin*,
    เครืองาม and *Krea-ngam*, សុគន្ធកញ្ញា and *Sokun Kanha*). ``None`` for words
    not both in Latin letters."""
    if left.abjad or right.abjad or left.script_form or right.script_form:
        return None
    joined = left.raw + right.raw
    if not joined.isascii() or not joined.isalpha():
        return None
    key = abjad_key(fold_token(joined))
    return "w:~" + key if len(key) >= ABJAD_JOIN_MIN else None


def minor_join_keys(name: AnalyzedName, tokens: list[Token]) -> list[tuple[str, int]]:
    """The ``t:`` keys of the joins of a retrieval token (of ``tokens``,
    :func:`retrieval_tokens`) with the word written next to it that does not
    drive retrieval (a legal form, a stop word: :data:`SKIPPED_ROLES`), as
    written (*Siemens AG* and a listed *SiemensAG*, whose one token the
    matcher aligns with both), each with the retrieval token's unit."""
    words = [t for t in name.tokens if t.text]
    unit_of = unit_places(words, tokens)
    out: list[tuple[str, int]] = []
    for i in range(len(words) - 1):
        left, right = words[i], words[i + 1]
        unit = max(unit_of[i], unit_of[i + 1])
        if min(unit_of[i], unit_of[i + 1]) >= 0 or unit < 0:
            continue  # (both or neither drive retrieval: the plain joins)
        if left.raw.isalpha() and right.raw.isalpha():
            out.append(("t:" + fold_token(left.raw + right.raw), unit))
    return out


def near_keys(name: AnalyzedName, token: Token) -> list[str]:
    """The keys of the listed words that a retrieval ``token`` of the query
    ``name`` written in an abjad also meets, credited
    :data:`ABJAD_NEAR_CREDIT`: the ``k:~`` keys of :func:`_near_abjad_keys`,
    and for a name written in Thai or Khmer those of :func:`brahmic_keys`."""
    single = _single_key(token) if token.abjad else None
    if single is None:
        return []
    keys = ["k:~" + k for k in _near_abjad_keys(single[1:])]
    if _written_brahmic(name.original):
        keys = list(dict.fromkeys([*keys, *brahmic_keys(single[1:])]))
    return keys


def kana_only(word: str) -> bool:
    """Whether ``word`` is written in kana alone (hiragana, katakana)."""
    for c in word:
        if not "\u3041" <= c <= "\u30ff":
            return False
    return bool(word)


def _near_abjad_keys(core: str) -> list[str]:
    """The abjad keys one edit from ``core`` (a key of a word written in an
    abjad, letters only) that spell the same letters otherwise, its first
    letter kept (the matcher takes another first letter for another name): an
    *h* more or less after a letter it makes a digraph with
    (:data:`ABJAD_DIGRAPH`: ح read as the *h* of *dh*, دحلان ``dln`` and
    *Dahlan* ``dhln``) or at the end (ه written as a vowel or as *h*), or one
    letter of :data:`ABJAD_ALIKE` for its fellow; those whose longer side has
    at least :data:`ABJAD_NEAR_MIN` letters. (Not every key one edit away:
    *Bagher* ``bkr`` is not بهار ``bhr``, nor *Majid* ``mjd`` مجتهدی
    ``mjtd``, nor *Qari* ``kr`` الحكير ``hkr``, which the matcher would align.)"""
    if not core.isalpha():
        return []
    out: list[str] = []
    size = len(core)
    for i in range(1, size):
        c = core[i]
        if c == "h" and (i == size - 1 or core[i - 1] in ABJAD_DIGRAPH):
            out.append(core[:i] + core[i + 1 :])
        for alike in ABJAD_ALIKE.get(c, ""):
            out.append(core[:i] + alike + core[i + 1 :])
    for i in range(1, size + 1):
        if i == size or core[i - 1] in ABJAD_DIGRAPH:
            out.append(core[:i] + "h" + core[i:])
    return [
        k
        for k in dict.fromkeys(out)
        if k != core and max(len(k), size) >= ABJAD_NEAR_MIN and "hh" not in k
    ]


def _beginnings(vocab: list[str], slots: Mapping[str, int]) -> frozenset[str]:
    """The beginnings of two letters or more of every indexed name token: of
    the typo vocabulary ``vocab`` and of the tokens too short for it (``slots``:
    the posting keys), which a joined spelling may write as well (池江
    *ike-e*, a listed *Ikee*, folds to *iki*)."""
    texts = list(vocab)
    for key in slots:
        if key.startswith("t:") and len(key) < FUZZY_MIN_LEN + 2:
            texts.append(key[2:])
    return frozenset(t[:k] for t in texts for k in range(2, len(t) + 1))


@functools.lru_cache(maxsize=65536)
def _latin_onset_key(raw: str) -> tuple[str, str] | None:
    """The ``o:`` and ``O:`` keys of a listed Latin-script name word (its onset
    key and its fine onset key, :func:`thaw.text.sounds.onset_key`), when the
    onset key is at least :data:`ONSET_MIN` long."""
    sounds = latin_sounds(raw.lower())
    key = onset_key(sounds, False)
    return (key, onset_key(sounds, False, True)) if len(key) >= ONSET_MIN else None


def _postings_key(token: Token) -> tuple[Any, ...]:
    """What :meth:`CandidateIndex._token_postings` reads of ``token``: its text
    (and so its neighbours) and what :meth:`CandidateIndex._token_keys` reads
    (:func:`_single_key`, :func:`_vowel_free`: whether it has weight, its role,
    whether it was read from an abjad or is a Chinese or Korean syllable, its raw
    form; the name items of a word read from another script). Two tokens with
    the same key have the same postings."""
    return (
        token.text,
        token.raw,
        token.role,
        token.abjad,
        token.weight > 0,
        token.script_form != "",
        token.other_script,
        token.symbols if token.other_script else None,
    )


def retrieval_tokens(name: AnalyzedName) -> list[Token]:
    return [t for t in name.tokens if t.text and t.weight > 0 and t.role not in SKIPPED_ROLES]


def unit_places(sequence: Sequence[Token], tokens: list[Token]) -> list[int]:
    """For each token of ``sequence`` (a query's tokens or its informative
    ones, in order), its unit: its place among the retrieval ``tokens``
    (:func:`retrieval_tokens`, in the same order), ``-1`` for none. Matched
    by identity *and* place, as name analysis makes equal tokens one object:
    佐々木 reads 佐 twice, one token in two units, each of which its spelling
    *Sasaki* credits (by identity alone, the first was never credited)."""
    out: list[int] = []
    j = 0
    for token in sequence:
        k = j
        while k < len(tokens) and tokens[k] is not token:
            k += 1
        if k < len(tokens):
            out.append(k)
            j = k + 1
        else:
            out.append(-1)
    return out


def korean_latin(name: AnalyzedName, tokens: list[Token]) -> bool:
    """Whether the query ``name`` (its retrieval ``tokens``) may be a person's name
    in Latin letters that reads as a Korean name
    (:func:`thaw.text.korean.reads_as_korean_name`: *Kim Jong Eun*, *Lee
    Byeong-cheol*), whose syllables are spelt many ways."""
    if name.schema not in (None, "Person", "LegalEntity") or not 2 <= len(tokens) <= 4:
        return False
    if not name.original.isascii():
        # (a name in Hangul or Chinese characters is looked up by its own
        # characters' spellings: :meth:`CandidateIndex._spelled`)
        return False
    words = [t.raw for t in tokens]
    return all(w.isalpha() for w in words) and reads_as_korean_name(words)


def respelt_keys(token: Token) -> list[str]:
    """The ``t:`` keys of the other spellings of a romanised Korean syllable
    (:func:`thaw.text.korean.korean_respellings`), which a word of a name read
    as Korean (:func:`korean_latin`) also looks up, credited
    :data:`RESPELLING_CREDIT`."""
    return ["t:" + fold_token(word) for word in korean_respellings(token.raw)]


def _token_stats(names: list[AnalyzedName]) -> dict[str, Any]:
    """Token frequencies over the indexed names (:class:`thaw.text.TokenStats`),
    in their persisted form."""
    return TokenStats.from_names(names).to_dict()


class CandidateIndex:
    """Postings, vocabulary and prepared entries of every active listing.

    Build one with :meth:`build` (from entries) and persist it with :meth:`save`
    / :meth:`load`; :func:`thaw.index.ensure_index` does all of this for a store.
    Query it with :meth:`candidates`. Instances are read-only after building and
    safe to share with forked worker processes.
    """

    def __init__(self, state: dict[str, Any]) -> None:
        if state.get("format") != FORMAT_VERSION:
            raise ValueError(f"index format {state.get('format')!r}, expected {FORMAT_VERSION}")
        self.meta: dict[str, Any] = state["meta"]
        self._entry_keys: list[str] = state["entry_keys"]
        self._slots: dict[str, int] = state["slots"]
        self._offsets: npt.NDArray[np.int64] = state["offsets"]
        self._ids: _Ints = state["ids"]
        self._vocab: list[str] = state["vocab"]
        self._vocab_slot: _Ints = state["vocab_slot"]
        self._vocab_len: npt.NDArray[np.uint8] = state["vocab_len"]
        self._grams: dict[str, int] = state["grams"]
        self._gram_offsets: npt.NDArray[np.int64] = state["gram_offsets"]
        self._gram_ids: _Ints = state["gram_ids"]
        self._deletion_keys: npt.NDArray[np.uint32] = state["deletion_keys"]
        self._deletion_ids: _Ints = state["deletion_ids"]
        self.schema_codes: npt.NDArray[np.uint8] = state["schema_codes"]
        self._name_len: npt.NDArray[np.uint8] = state["name_len"]
        self._entry_blob: bytes = state["entry_blob"]
        self._entry_offsets: npt.NDArray[np.int64] = state["entry_offsets"]
        self._facts_blob: bytes = state["facts_blob"]
        self._facts_offsets: npt.NDArray[np.int64] = state["facts_offsets"]
        self._token_blob: bytes = state["token_blob"]
        self._token_table: list[Any] | None = None  # (tokens, then codec.CLASSES)
        self._token_stats: dict[str, Any] | None = state.get("token_stats")
        self._stats_object: TokenStats | None = None
        self._entries: list[Entry | None] = [None] * len(self._entry_keys)
        self._facts: list[Entry | None] = [None] * len(self._entry_keys)
        self._positions: dict[str, int] | None = None
        self._neighbour_cache: dict[str, tuple[tuple[int, float, int], ...]] = {}
        # the offset arrays read as Python ints: a memoryview item costs a fraction
        # of a NumPy scalar, and retrieval reads a few dozen offsets per new token
        self._bounds = _int_view(self._offsets)
        self._gram_bounds = _int_view(self._gram_offsets)
        self._entry_bounds = _int_view(self._entry_offsets)
        self._facts_bounds = _int_view(self._facts_offsets)
        self._vocab_slots = _int_view(self._vocab_slot)
        self._deletion_id_view = _int_view(self._deletion_ids)
        self._vocab_sizes = self._vocab_len.astype(np.int16)  # (signed: differences)
        # query token (by identity: name analysis makes equal tokens one object, and
        # hashing a token's eleven fields costs more than the rest of a lookup) →
        # (the token, which keeps its id from being reused, and its postings)
        self._token_cache: dict[int, tuple[Token, _TokenPostings, bool]] = {}
        # what of a token its postings depend on (:func:`_postings_key`) → postings:
        # tokens that differ only in what retrieval does not read (their weight,
        # their place in the name, the symbols of a Latin word) share them
        self._token_fields: dict[tuple[Any, ...], _TokenPostings] = {}
        self._token_cache_size = 0
        self._minor_cache: dict[int, _TokenPostings] = {}
        # schema of a query → which listings (by position) it may match
        self._allowed: dict[str, npt.NDArray[np.bool_]] = {}
        # analysed query name (by identity) → (the name, whether it reads as a
        # romanised Korean name): :meth:`_korean`
        self._korean_names: dict[int, tuple[AnalyzedName, bool]] = {}
        # (the vocabulary's beginnings, for spelling a name in characters:
        # made on the first query written so, :meth:`_may_begin`)
        self._beginnings: frozenset[str] | None = None
        self._long_beginnings: frozenset[str] | None = None
        # what of a token of a name in Thai or Khmer its postings depend on →
        # its postings with the keys one edit away (:meth:`_brahmic_postings`)
        self._brahmic_fields: dict[tuple[Any, ...], _TokenPostings] = {}
        # joined spellings already looked up: their token's slot (-1: none) and
        # whether a token may begin with them (a character's spellings recur in
        # many names, and folding costs more than the lookup)
        self._spelt_slots: dict[str, int] = {}
        self._spelt_begins: dict[str, bool] = {}
        self._spelt_folds: dict[str, str] = {}
        self._spelt_words: dict[
            tuple[str, EdgesOf, tuple[int, ...]], tuple[tuple[int, int, _Ints], ...]
        ] = {}
        self.size = len(self._entry_keys)
        self._idf_unknown = math.log(1.0 + self.size)
        self.rarity: Callable[[str, float], float] | None = None
        """Pinned rarity weights (the monitor's portfolio calibration): when set,
        a query token's rarity is ``rarity(token text, its rarity here)`` instead
        of this index's ``log(1 + N / df)``."""

    # -- building ---------------------------------------------------------------------

    @classmethod
    def build(
        cls, entries: Iterable[Entry], meta: Mapping[str, Any] | None = None
    ) -> CandidateIndex:
        """Index ``entries`` (their order is kept: position ``i`` is the ``i``-th)."""
        postings = _Postings()
        entry_keys: list[str] = []
        schema_codes: list[int] = []
        name_len: list[int] = []
        blob = io.BytesIO()
        entry_offsets = [0]
        token_ids: dict[Token, int] = {}
        pickler = EntryPickler(blob, token_ids)
        facts_blob = io.BytesIO()
        facts_offsets = [0]
        vocab: set[str] = set()
        names_seen: list[AnalyzedName] = []
        for position, entry in enumerate(entries):
            entry_keys.append(entry.key)
            schema_codes.append(schema_code(entry.schema))
            shortest = 255
            onsets = entry.schema in ONSET_SCHEMAS
            for analyzed, _kind in entry.names:
                names_seen.append(analyzed)
                postings.add("W:" + written_key(analyzed.original), position)
                for token in analyzed.tokens:
                    if token.text:
                        postings.add("t:" + token.text, position)  # minor tokens too
                        if token.role == "number" and token.raw.isalpha():
                            # a number as written ("II", "Eleven"), for a query
                            # that reads it as a word
                            postings.add("t:" + token.raw, position)
                tokens = retrieval_tokens(analyzed)
                if not tokens:
                    continue
                shortest = min(shortest, len(tokens))
                texts = [t.text for t in tokens]
                if len(texts) == 1:
                    postings.add("e:" + texts[0], position)
                for text in texts:
                    postings.add("t:" + text, position)
                    vocab.add(text)
                for left, right in zip(texts, texts[1:], strict=False):
                    postings.add("t:" + left + right, position)
                for left_token, right_token in zip(tokens, tokens[1:], strict=False):
                    written_apart = split_join_key(left_token, right_token)
                    if written_apart is not None:
                        postings.add(written_apart, position)
                abjad = {"~" + t.key for t in analyzed.tokens if t.abjad}
                for key in index_keys(analyzed) - set(texts):
                    postings.add("k:" + key, position)
                    if key in abjad:
                        postings.add("a:" + key, position)
                for token in tokens:
                    consonants = _vowel_free(token)
                    if consonants is not None:
                        postings.add("s:" + consonants, position)
                    if onsets and token.role in ("name", "patronymic") and not token.script_form:
                        onset = _latin_onset_key(token.raw)
                        if onset:
                            postings.add("o:" + onset[0], position)
                            postings.add("O:" + onset[1], position)
                        short = _long_vowel_key(token.raw)
                        if short is not None:
                            postings.add("j:" + short, position)
            name_len.append(shortest if shortest < 255 else 0)
            for ident in entry.identifiers:
                for key in id_keys(ident.number):
                    postings.add("i:" + key, position)
            pickler.dump(entry)
            pickler.clear_memo()
            entry_offsets.append(blob.tell())
            facts_offsets.append(facts_offsets[-1] + facts_blob.write(dumps_facts(entry)))
        slots, offsets, ids = postings.freeze()
        fuzzy_vocab = sorted(t for t in vocab if len(t) >= FUZZY_MIN_LEN)
        grams = _Postings()
        for vid, text in enumerate(fuzzy_vocab):
            for gram in _trigrams(text):
                grams.add(gram, vid)
        gram_slots, gram_offsets, gram_ids = grams.freeze()
        deletion_keys, deletion_ids = _deletion_table(fuzzy_vocab)
        table = sorted(token_ids, key=token_ids.__getitem__)
        state: dict[str, Any] = {
            "format": FORMAT_VERSION,
            "meta": dict(meta or {}),
            "entry_keys": entry_keys,
            "slots": slots,
            "offsets": offsets,
            "ids": ids,
            "vocab": fuzzy_vocab,
            "vocab_slot": np.array([slots["t:" + t] for t in fuzzy_vocab], dtype=np.int32),
            "vocab_len": np.array([min(len(t), 255) for t in fuzzy_vocab], dtype=np.uint8),
            "grams": gram_slots,
            "gram_offsets": gram_offsets,
            "gram_ids": gram_ids,
            "deletion_keys": deletion_keys,
            "deletion_ids": deletion_ids,
            "schema_codes": np.array(schema_codes, dtype=np.uint8),
            "name_len": np.array(name_len, dtype=np.uint8),
            "entry_blob": blob.getvalue(),
            "entry_offsets": np.array(entry_offsets, dtype=np.int64),
            "facts_blob": facts_blob.getvalue(),
            "facts_offsets": np.array(facts_offsets, dtype=np.int64),
            "token_blob": dumps_fields(table),
            "token_stats": _token_stats(names_seen),
        }
        return cls(state)

    def state(self) -> dict[str, Any]:
        """The persisted form (what :meth:`save` writes)."""
        return {
            "format": FORMAT_VERSION,
            "meta": self.meta,
            "entry_keys": self._entry_keys,
            "slots": self._slots,
            "offsets": self._offsets,
            "ids": self._ids,
            "vocab": self._vocab,
            "vocab_slot": self._vocab_slot,
            "vocab_len": self._vocab_len,
            "grams": self._grams,
            "gram_offsets": self._gram_offsets,
            "gram_ids": self._gram_ids,
            "deletion_keys": self._deletion_keys,
            "deletion_ids": self._deletion_ids,
            "schema_codes": self.schema_codes,
            "name_len": self._name_len,
            "entry_blob": self._entry_blob,
            "entry_offsets": self._entry_offsets,
            "facts_blob": self._facts_blob,
            "facts_offsets": self._facts_offsets,
            "token_blob": self._token_blob,
            "token_stats": self._token_stats,
        }

    # -- entries ----------------------------------------------------------------------

    def __len__(self) -> int:
        return self.size

    @property
    def token_stats(self) -> TokenStats | None:
        """The :class:`thaw.text.TokenStats` of the indexed names (how rare each
        comparison token is on the lists)."""
        if self._stats_object is None and self._token_stats is not None:
            self._stats_object = TokenStats.from_dict(self._token_stats)
        return self._stats_object

    def entry(self, position: int) -> Entry:
        """The prepared listing at ``position`` (decoded on first use, then kept)."""
        cached = self._entries[position]
        if cached is None:
            cached = self._entries[position] = self.peek(position)
        return cached

    def peek(self, position: int) -> Entry:
        """The prepared listing at ``position``, decoded for a one-off reading
        and not kept (unless :meth:`entry` keeps it already): for a pass over
        many listings that should not hold them all in memory."""
        cached = self._entries[position]
        if cached is not None:
            return cached
        if self._token_table is None:
            self.prepare()
        assert self._token_table is not None
        bounds = self._entry_bounds
        return decode_entry(
            self._entry_blob[bounds[position] : bounds[position + 1]], self._token_table
        )

    def facts(self, position: int) -> Entry:
        """The facts of the listing at ``position``: its entry without names,
        caption, programmes and listing date (:func:`~thaw.index.entry.listing_facts`),
        or the whole entry when it is decoded already. Loaded on first use
        (:func:`~thaw.index.codec.loads_facts`) and kept; what the matcher's
        features that read no name read (:meth:`thaw.match.Matcher.bound`)."""
        cached = self._entries[position]
        if cached is not None:
            return cached
        facts = self._facts[position]
        if facts is None:
            bounds = self._facts_bounds
            facts = self._facts[position] = loads_facts(
                self._facts_blob[bounds[position] : bounds[position + 1]]
            )
        return facts

    def entries(self) -> Iterator[Entry]:
        """Every entry, in position order."""
        for position in range(self.size):
            yield self.entry(position)

    def prepare(self) -> None:
        """Load what every entry decoding shares (the table of distinct tokens);
        batch screening calls this before forking workers, which then decode the
        entries they score themselves, in parallel."""
        if self._token_table is None:
            self._token_table = decoding_table(pickle.loads(self._token_blob))

    def warm(self) -> None:
        """Decode every entry now (a long-lived process that should not decode on
        its first queries; batch screening leaves decoding to its workers)."""
        for position in range(self.size):
            self.entry(position)

    def position(self, key: str) -> int | None:
        """The position of listing ``source:source_id``, if indexed."""
        if self._positions is None:
            self._positions = {k: i for i, k in enumerate(self._entry_keys)}
        return self._positions.get(key)

    @property
    def listing_keys(self) -> Sequence[str]:
        """``source:source_id`` of every entry, in position order."""
        return self._entry_keys

    def document_frequency(self, token: str) -> int:
        """How many listings carry the comparison token ``token`` in some name."""
        slot = self._slots.get("t:" + token)
        return 0 if slot is None else self._df(slot)

    def written_positions(self, name: str, schema: str | None = None) -> list[int]:
        """The positions of the listings that publish a name written as ``name``
        is, case, spacing, punctuation and diacritics aside
        (:func:`~thaw.index.entry.written_key`), of a kind a query of
        ``schema`` may match (:data:`COMPATIBLE`)."""
        slot = self._slots.get("W:" + written_key(name))
        if slot is None:
            return []
        found = self._posting(slot)
        if schema is not None:
            found = found[self._schema_mask(schema).take(found)]
        positions: list[int] = found.tolist()
        return positions

    def publishes_identifier(self, number: str) -> bool:
        """Whether some listing publishes the identifier ``number`` (as the
        matcher compares them: :func:`normalize_id`, spaces, dashes, dots and
        case aside; an IMO number with or without its ``IMO``)."""
        normal = normalize_id(number)
        return bool(normal) and "i:" + normal in self._slots

    # -- querying ---------------------------------------------------------------------

    def _posting(self, slot: int) -> _Ints:
        bounds = self._bounds
        return self._ids[bounds[slot] : bounds[slot + 1]]

    def _df(self, slot: int) -> int:
        bounds = self._bounds
        return bounds[slot + 1] - bounds[slot]

    def _idf(self, df: int) -> float:
        return math.log(1.0 + self.size / df) if df > 0 else self._idf_unknown

    def _rarity(self, text: str, df: int) -> float:
        pinned = self.rarity
        return self._idf(df) if pinned is None else pinned(text, self._idf(df))

    def neighbours(self, text: str) -> tuple[tuple[int, float, int], ...]:
        """Indexed tokens within one edit of ``text`` (two for tokens of eight
        characters or more), excluding ``text`` itself: ``(slot, similarity,
        document frequency)`` each, by decreasing similarity (then increasing
        frequency), the best 32. Cached per token.

        A token is a neighbour when it is within the edits (optimal string
        alignment distance), its length within the edits of the text's, and it
        shares at least ``len(text) - 3 * edits`` (at least one) of the text's
        distinct padded trigrams. A text shorter than :data:`LONG_TOKEN` finds
        its neighbours through the deletion neighbourhood (:meth:`_near_one`),
        a longer one by counting trigrams over the vocabulary
        (:meth:`_near_by_trigrams`); the two give the same neighbours."""
        cached = self._neighbour_cache.get(text)
        if cached is not None:
            return cached
        result: tuple[tuple[int, float, int], ...] = ()
        if len(text) >= FUZZY_MIN_LEN and self._vocab:
            out = self._near_one(text) if len(text) < LONG_TOKEN else self._near_by_trigrams(text)
            out.sort(key=lambda n: (-n[1], n[2]))
            result = tuple(out[:32])
        if len(self._neighbour_cache) > 200_000:
            self._neighbour_cache.clear()
        self._neighbour_cache[text] = result
        return result

    def _near_one(self, text: str) -> list[tuple[int, float, int]]:
        """The neighbours of ``text`` (shorter than :data:`LONG_TOKEN`: one edit)
        in vocabulary order, unsorted: the vocabulary tokens sharing a key of the
        deletion neighbourhood with it (:func:`_deletion_keys`), checked."""
        table = self._deletion_keys
        wanted = np.array(_deletion_keys(text), dtype=np.uint32)
        # (typed lists: compiled, ranges and indexing over them are native)
        starts: list[int] = table.searchsorted(wanted, "left").tolist()
        ends: list[int] = table.searchsorted(wanted, "right").tolist()
        ids = self._deletion_id_view
        found: set[int] = set()
        for start, end in zip(starts, ends, strict=True):
            for i in range(start, end):
                found.add(ids[i])
        if not found:
            return []
        vocab = self._vocab
        size = len(text)
        grams = _trigrams(text)
        need = max(1, size - 3)
        out: list[tuple[int, float, int]] = []
        for vid in sorted(found):
            choice = vocab[vid]
            if not _one_edit(text, choice):
                continue
            padded = f"^{choice}$"
            shared = 0
            for gram in grams:
                if gram in padded:
                    shared += 1
            if shared < need:
                continue
            slot = self._vocab_slots[vid]
            similarity = 1.0 - 1 / max(size, len(choice))
            out.append((slot, _round4(similarity), self._df(slot)))
        return out

    def _near_by_trigrams(self, text: str) -> list[tuple[int, float, int]]:
        """The neighbours of ``text``, unsorted (by increasing distance, then in
        vocabulary order): the tokens sharing enough trigrams with it (counted over
        the trigram postings), checked."""
        out: list[tuple[int, float, int]] = []
        edits = max_edits(text)
        bounds = self._gram_bounds
        gram_ids = self._gram_ids
        grams = self._grams
        slices = [
            gram_ids[bounds[s] : bounds[s + 1]]
            for gram in _trigrams(text)
            if (s := grams.get(gram)) is not None
        ]
        need = max(1, len(text) - 3 * edits)
        if len(slices) >= need:
            # the tokens of a length within ``edits`` of the text's, first (an
            # occurrence count is kept or dropped whole, and far fewer are sorted)
            found_ids = np.concatenate(slices)
            near = np.abs(self._vocab_sizes.take(found_ids) - len(text)) <= edits
            ids: list[int] = _values_seen(found_ids[near], need).tolist()
            vocab = self._vocab
            found = process.extract(
                text,
                [vocab[i] for i in ids],
                scorer=OSA.distance,
                score_cutoff=edits,
                limit=None,
            )
            for choice, distance, where in found:
                if distance == 0:
                    continue
                slot = self._vocab_slots[ids[where]]
                similarity = 1.0 - distance / max(len(text), len(choice))
                out.append((slot, _round4(similarity), self._df(slot)))
        return out

    def _token_keys(self, name: AnalyzedName, token: Token) -> list[str]:
        """The posting keys of what name analysis gives ``token`` alone, beyond its
        text: skeletons where the matcher reads them (see the module docs)."""
        keys = []
        key = _single_key(token)
        if key is not None:
            # "~" + consonants: too few for two Latin-script words to meet by it
            short = len(key) - 1 < LATIN_SKELETON_MIN
            keys.append("a:" + key if short and not token.abjad else "k:" + key)
            if token.abjad and len(key) > ABJAD_JOIN_MIN:
                # two listed words that the script writes as one (:func:`split_join_key`)
                keys.append("w:" + key)
        vowel_free = _vowel_free(token)
        if vowel_free is not None:
            keys.append("s:" + vowel_free)
        if token.abjad and "sh" in token.raw:
            # ش as French spellings write it, ch (عكاشة *Akkacha*), which the
            # abjad key reads as h
            keys.append("k:~" + abjad_key(token.raw.replace("sh", "ch")))
        if token.abjad and "th" in token.raw and consonantal(token.raw):
            # ث as Persian, Urdu and Turkish say it and their Latin spellings
            # write it, s (وثيق *Wasiq*, غياث *Ghias*), as the matcher reads it
            keys.append("k:~" + abjad_key(token.raw.replace("th", "s")))
        if token.other_script:
            # a name written in another script: the customary Latin spellings of
            # the name items it shares (박 → park, pak, bak; أسامة → usama, whose
            # consonants ة hides from the abjad key)
            for word in latin_words(token.symbols, LATIN_SPELLINGS):
                keys.append("t:" + fold_token(word))
        return keys

    def _token_postings(
        self, name: AnalyzedName, token: Token, korean: bool = False
    ) -> _TokenPostings:
        """Every listing that credits ``token``, with its best credit (cached);
        ``korean``: the token is a word of a romanised Korean name, whose other
        spellings are looked up too, credited :data:`RESPELLING_CREDIT`."""
        cached = self._token_cache.get(id(token))
        if cached is not None and cached[0] is token and cached[2] == korean:
            return cached[1]
        fields = (*_postings_key(token), korean)
        known = self._token_fields.get(fields)
        if known is not None:
            self._token_cache[id(token)] = (token, known, korean)
            return known
        sources: list[tuple[int, float]] = []
        slot = self._slots.get("t:" + token.text)
        df = 0
        if slot is not None:
            sources.append((slot, 1.0))
            df = self._df(slot)
        fallback: list[int] = []
        for n_slot, similarity, n_df in self.neighbours(token.text):
            sources.append((n_slot, _round4(similarity * FUZZY_CREDIT)))
            fallback.append(n_df)
        split: list[tuple[_Ints, float]] = []
        if slot is None and len(token.text) >= SPLIT_MIN_LEN and _splits(token):
            split = self._split_postings(token.text)
            fallback += [len(ids) for ids, _credit in split]
        for key in self._token_keys(name, token):
            k_slot = self._slots.get(key)
            if k_slot is not None:
                sources.append((k_slot, KEY_CREDIT))
                fallback.append(self._df(k_slot))
        if token.abjad:
            single = _single_key(token)
            for n_slot in self._near_abjad(single) if single is not None else ():
                sources.append((n_slot, ABJAD_NEAR_CREDIT))
                fallback.append(self._df(n_slot))
        if korean:
            # the South's and the press's spelling of a syllable the lists write
            # in the North's (*eun*/*un*, *byeong*/*pyong*, *choi*/*choe*, *lee*/*ri*):
            # three letters get no typo neighbours, and *cheol* is two edits from *chol*
            # the word stands for its syllable, however spelt: it is as rare as
            # the syllable is in all its spellings (*jun* is rare, 준 is not)
            syllable_df = df
            for key in respelt_keys(token):
                r_slot = self._slots.get(key)
                if r_slot is not None:
                    sources.append((r_slot, RESPELLING_CREDIT))
                    fallback.append(self._df(r_slot))
                    syllable_df += self._df(r_slot)
            df = max(df, syllable_df)
        if df == 0 and fallback:
            df = min(fallback)
        result = _merge_sources([(self._posting(s), c) for s, c in sources] + split, df)
        self._token_cache_size += 2 * len(result.ids)
        if self._token_cache_size > TOKEN_CACHE_ELEMENTS:
            self._token_cache.clear()
            self._token_fields.clear()
            self._token_cache_size = len(result.ids)
        self._token_cache[id(token)] = (token, result, korean)
        self._token_fields[fields] = result
        return result

    def _split_postings(self, text: str) -> list[tuple[_Ints, float]]:
        """The listings that write ``text``, a token no listing writes, as two
        adjacent words with a typo in one of them (*FridrichBuchenberg*,
        *Friedrich Buchenberg*): for each cut of ``text`` into two parts of
        :data:`FUZZY_MIN_LEN` letters or more of which one is an indexed token,
        the listings that write it and a typo neighbour of the other part
        (:meth:`neighbours`), credited :data:`JOIN_CREDIT` times the
        neighbour's similarity: ``(listings, credit)`` each."""
        out: list[tuple[_Ints, float]] = []
        for cut in range(FUZZY_MIN_LEN, len(text) - FUZZY_MIN_LEN + 1):
            parts = (text[:cut], text[cut:])
            for exact, other in (parts, parts[::-1]):
                e_slot = self._slots.get("t:" + exact)
                if e_slot is None:
                    continue
                written = self._posting(e_slot)
                for n_slot, similarity, _n_df in self.neighbours(other):
                    both = np.intersect1d(written, self._posting(n_slot), assume_unique=True)
                    if len(both):
                        out.append((both.astype(np.int32), _round4(similarity * JOIN_CREDIT)))
        return out

    def _brahmic_postings(self, token: Token, postings: _TokenPostings) -> _TokenPostings:
        """``postings`` (of a ``token`` of a name written in Thai or Khmer,
        keyed by its consonants as an abjad word is) and the listed words whose
        abjad key is the token's with one letter left out, its first letter
        kept, credited :data:`ABJAD_NEAR_CREDIT` (remembered per token): these
        scripts write every consonant of a cluster, silent ones too, which the
        Latin spellings of a name leave out (เกียรติ *kiaratisak*, *Kiatisuk*),
        and the matcher aligns one edit apart, and those whose key is the
        token's with a letter more that the Latin spellings write and the
        script does not (:func:`_one_more_keys`: อาสา *Arsa*) or with one
        letter the Latin spellings write two ways written the other
        (:func:`_alike_brahmic_keys`): :func:`brahmic_keys`. (Any edit, not
        only these, found names of no relation and added hits to names on no
        list.)"""
        fields = _postings_key(token)
        known = self._brahmic_fields.get(fields)
        if known is not None:
            return known
        single = _single_key(token)
        near = brahmic_keys(single[1:]) if single is not None else []
        slots = [slot for k in near if (slot := self._slots.get(k)) is not None]
        result = postings
        if slots:
            sources: list[tuple[_Ints, float]] = []
            for credit in sorted({float(c) for c in postings.by_id_credits.tolist()}):
                sources.append((postings.by_id[postings.by_id_credits == credit], credit))
            sources.extend((self._posting(slot), ABJAD_NEAR_CREDIT) for slot in slots)
            df = postings.df or min(self._df(slot) for slot in slots)
            result = _merge_sources(sources, df)
        if len(self._brahmic_fields) >= KOREAN_MEMO:
            self._brahmic_fields.clear()
        self._brahmic_fields[fields] = result
        return result

    def _near_abjad(self, key: str) -> list[int]:
        """The slots of the indexed abjad keys (``k:~``) that ``key`` (``~``
        and the key of a query word written in an abjad) may be written as
        (:func:`_near_abjad_keys`), the longer of the two at least
        :data:`ABJAD_NEAR_MIN` letters long, as the matcher aligns them."""
        out: list[int] = []
        for near in _near_abjad_keys(key[1:]):
            slot = self._slots.get("k:~" + near)
            if slot is not None:
                out.append(slot)
        return out

    def _onsets(
        self, name: AnalyzedName, tokens: list[Token]
    ) -> list[tuple[_Ints, float, list[int]]]:
        """The listings sharing an onset key (``o:``) with each word of a query
        written in Chinese characters or Hangul that may be a transcription
        (two syllables or more, not shaped as a Korean name: the matcher's
        :func:`~thaw.match.transcription.transcribed_best` compares no other),
        (``o:``, credited :data:`ONSET_CREDIT`) and those sharing a fine one
        (``O:``, :data:`FINE_ONSET_CREDIT`), with the units of the word's
        syllables: ``(listings, credit, units)``."""
        unit_of = unit_places(name.informative, tokens)
        out: list[tuple[_Ints, float, list[int]]] = []
        for word, run in query_words(name):
            if len(run) < 2 or korean_shaped(word):
                continue
            units = [unit_of[i] for i in run if unit_of[i] >= 0]
            if not units:
                continue
            for prefix, fine, credit in (
                ("o:", False, ONSET_CREDIT),
                ("O:", True, FINE_ONSET_CREDIT),
            ):
                found = [
                    self._posting(slot)
                    for key in cjk_onset_keys(word, ONSET_VARIANTS, fine)
                    if len(key) >= ONSET_MIN and (slot := self._slots.get(prefix + key)) is not None
                ]
                if found:
                    out.append((_distinct_joined(found), credit, units))
        return out

    def _spelled(
        self, name: AnalyzedName, tokens: list[Token]
    ) -> list[tuple[_Ints, float, list[int]]]:
        """The listings with a name word that a run of the query's Chinese or
        Korean characters spells (:func:`thaw.text.spellings.run_spellings`:
        each language's spellings of each run of at most :data:`SPELLING_RUN`
        characters, joined, looked up as tokens: 이 *Lee*, 재명 *Jaemyung*,
        坂本 *Sakamoto*), or a word of Cyrillic, Armenian, Georgian or Greek
        letters spelt whole (Σιράκ *Chirac*: :func:`thaw.text.spellings.query_spelling_script`),
        credited :data:`SPELLING_CREDIT` for the run's
        characters: ``(listings, credit, units)``, as :meth:`_onsets` gives
        them (the matcher compares such names by
        :mod:`thaw.match.spelling`)."""
        written = query_chars(name)
        if written is None:
            return []
        chars, owners = written.chars, written.owners
        unit_of = unit_places(name.informative, tokens)
        out: list[tuple[_Ints, float, list[int]]] = []
        for language in languages(query_spelling_script(name.original), len(written.words)):
            whole = not spells_syllables(language)
            for w_start, w_end in written.words:
                bounds = run_bounds(language, ((w_start, w_end),))
                cuts = [end - w_start for _start, end in bounds[:-1]]
                word = chars[w_start:w_end]
                spelt = self._word_spelled(word, language, tuple(cuts), whole)
                for start, end, listings in spelt:
                    owned = {t for i in range(w_start + start, w_start + end) for t in owners[i]}
                    units = [unit_of[t] for t in sorted(owned) if unit_of[t] >= 0]
                    if units:
                        out.append((listings, SPELLING_CREDIT, units))
        return out

    def _word_spelled(
        self, word: str, language: EdgesOf, cuts: tuple[int, ...], whole: bool = False
    ) -> tuple[tuple[int, int, _Ints], ...]:
        """The runs ``(start, end, listings)`` of one ``word`` of characters
        whose spellings in ``language`` (:func:`thaw.text.spellings.run_spellings`,
        no run crossing ``cuts``) are indexed tokens, with the listings of
        those tokens (remembered, up to :data:`SPELT_WORDS` words: the words
        of names recur far more than the names). ``whole``: the word is
        spelt by its sounds, whole (Greek, Georgian ... letters, as the
        matcher spells them: :func:`thaw.text.spellings.spells_syllables`),
        however long."""
        key = (word, language, cuts)
        memo = self._spelt_words
        found = memo.pop(key, None)
        if found is not None:
            memo[key] = found  # (the most recently used last)
            return found
        out: list[tuple[int, int, _Ints]] = []
        longest, most = (len(word), SOUND_KEYS) if whole else (SPELLING_RUN, SPELLING_KEYS)
        japanese = spells_morae(language)
        edges = unwritten_long(language) if japanese else language
        keep = self._may_begin_short if japanese else self._may_begin
        if japanese and kana_only(word):
            longest = KANA_RUN
        # (a word spelt whole: its spellings that fold alike are one lookup)
        same = self._spelt_fold if whole else None
        runs = run_spellings(word, edges, longest, most, keep, cuts, SPELLING_WIDTH, whole, same)
        for start, end, spellings in runs:
            slots = {self._spelt_slot(sp) for sp in spellings}
            if japanese:
                # (a listed word that writes a long vowel: its ``j:`` key)
                slots.update(self._spelt_slot(sp, "j:") for sp in spellings)
            postings = [self._posting(slot) for slot in slots if slot >= 0]
            if len(postings) == 1:
                out.append((start, end, postings[0]))  # (sorted and distinct already)
            elif postings:
                out.append((start, end, _distinct_joined(postings)))
        found = tuple(out)
        if len(memo) >= SPELT_WORDS:
            for old in list(memo)[: SPELT_WORDS // 2]:
                del memo[old]
        memo[key] = found
        return found

    def spelt_positions(self, spellings: Iterable[str], japanese: bool = False) -> set[int]:
        """The positions of the listings that post a token one of ``spellings``
        (the joined spellings of a run of a word) folds to, as retrieval looks
        a run up (:meth:`_spelt_slot`); with ``japanese``, also of those that
        write one of them with long vowels (``j:``). What the row index of
        :mod:`thaw.monitor` asks of a change's listings."""
        spellings = tuple(spellings)
        slots = {self._spelt_slot(sp) for sp in spellings}
        if japanese:
            slots.update(self._spelt_slot(sp, "j:") for sp in spellings)
        slots.discard(-1)
        found: set[int] = set()
        for slot in slots:
            found.update(self._posting(slot).tolist())
        return found

    def _spelt_slot(self, spelling: str, prefix: str = "t:") -> int:
        """The slot of the token that the joined spelling ``spelling`` folds
        to, ``-1`` for none (remembered, up to :data:`SPELT_MEMO` spellings);
        with ``prefix`` ``j:``, of the listed words that write it with long
        vowels (:func:`long_vowels_unwritten`)."""
        memo = prefix + spelling
        slot = self._spelt_slots.get(memo)
        if slot is None:
            if prefix == "j:":
                found = self._slots.get(prefix + long_vowels_unwritten(spelling))
            else:
                found = self._slots.get(prefix + fold_token(spelling))
            slot = -1 if found is None else found
            if len(self._spelt_slots) >= SPELT_MEMO:
                self._spelt_slots.clear()
            self._spelt_slots[memo] = slot
        return slot

    def _spelt_fold(self, spelling: str) -> str:
        """The token a joined ``spelling`` folds to, as :meth:`_spelt_slot`
        looks it up (remembered, up to :data:`SPELT_MEMO` spellings): a word
        spelt whole by its sounds has many spellings that fold alike."""
        found = self._spelt_folds.get(spelling)
        if found is None:
            if len(self._spelt_folds) >= SPELT_MEMO:
                self._spelt_folds.clear()
            found = self._spelt_folds[spelling] = fold_token(spelling)
        return found

    def _may_begin_short(self, text: str) -> bool:
        """:meth:`_may_begin`, for a joined spelling of a Japanese name written
        without long vowels (:func:`unwritten_long`): also whether a listed
        word's ``j:`` key may begin with it (*soichi* begins *soichiro*, of
        *Souichirou*, whose token is *suichiru*)."""
        if self._may_begin(text):
            return True
        head = long_vowels_unwritten(text)[:-1]
        if self._long_beginnings is None:
            keys = [k[2:] for k in self._slots if k.startswith("j:")]
            self._long_beginnings = frozenset(t[:k] for t in keys for k in range(2, len(t) + 1))
        return head in self._long_beginnings

    def _may_begin(self, text: str) -> bool:
        """Whether an indexed token may begin with the joined spelling
        ``text``: whether the vocabulary has a token that begins with it
        (folded, its last letter left out, as folding a part is not quite
        folding the whole: *kou* folds as *ku*), by the set of the
        beginnings of the indexed tokens (:func:`_beginnings`), made on the
        first query that asks (remembered per spelling, as
        :meth:`_spelt_slot`)."""
        known = self._spelt_begins.get(text)
        if known is not None:
            return known
        head = fold_token(text)[:-1]
        if len(head) < 2:
            begins = True
        else:
            if self._beginnings is None:
                self._beginnings = _beginnings(self._vocab, self._slots)
            begins = head in self._beginnings
        if len(self._spelt_begins) >= SPELT_MEMO:
            self._spelt_begins.clear()
        self._spelt_begins[text] = begins
        return begins

    def _units(self, name: AnalyzedName) -> tuple[list[_Unit], list[tuple[int, int, int]]]:
        """The weighted units of a query, one per retrieval token, and the joins
        of adjacent tokens found in the index: ``(slot, unit, next unit)``."""
        tokens = retrieval_tokens(name)
        korean = self._korean(name, tokens)
        brahmic = _written_brahmic(name.original) if any(t.abjad for t in tokens) else False
        units: list[_Unit] = []
        for token in tokens:
            postings = self._token_postings(name, token, korean)
            if brahmic and token.abjad:
                postings = self._brahmic_postings(token, postings)
            units.append((self._rarity(token.text, postings.df) * token.weight, postings))
        joins: list[tuple[int, int, int]] = []
        for i in range(len(tokens) - 1):
            left, right = tokens[i], tokens[i + 1]
            slot = self._slots.get("t:" + left.text + right.text)
            if slot is None and (joined := abjad_join_key(left, right)) is not None:
                slot = self._slots.get(joined)
            if slot is not None:
                joins.append((slot, i, i + 1))
            else:
                joins.extend((n_slot, i, i + 1) for n_slot in self._near_joins(left, right))
        if len(tokens) == 1 and (whole := self._slots.get("e:" + tokens[0].text)) is not None:
            # a name of that one word: its token already credits it in full,
            # and the join only ranks it among equals (:meth:`_written_alike`)
            joins.append((whole, 0, 0))
        if len(tokens) < len(name.tokens):
            joins.extend(self._minor_joins(name, tokens))
        retrieval = {id(t) for t in tokens}
        for token in name.tokens if tokens else ():
            if token.text and id(token) not in retrieval:
                slot = self._slots.get("t:" + token.text)
                if slot is not None:  # a minor token (honorific, stop word …) breaks ties
                    minor = self._minor_postings(slot)
                    units.append((MINOR_WEIGHT * self._rarity(token.text, minor.df), minor))
        return units, joins

    def _near_joins(self, left: Token, right: Token) -> list[int]:
        """The slots of the listed words one typo from the join of two
        adjacent query tokens that no listing writes as one, when one of them
        is no listed word either (이승만 read *i sung man*, a listed *Rhee
        Syngman*): a listing that writes them as one word with a letter
        otherwise meets neither. Only a join shorter than :data:`LONG_TOKEN`
        (its neighbours are a few lookups) of two words not in an abjad
        (whose joins have keys of their own). (Asked of every join, the
        customer files' false alerts grew from 29 to 33 and 51 to 54 of
        20,000 and 50,000: a Chinese name's two syllables meet a listed
        word of another language, 雷 孙 *LESUN*.)"""
        text = near_join(left, right)
        if text is None:
            return []
        if "t:" + left.text in self._slots and "t:" + right.text in self._slots:
            return []
        return [n_slot for n_slot, _similarity, _df in self.neighbours(text)]

    def _minor_joins(self, name: AnalyzedName, tokens: list[Token]) -> list[tuple[int, int, int]]:
        """The joins of :func:`minor_join_keys` found in the index:
        ``(slot, unit, unit)``, crediting the retrieval token's unit."""
        out: list[tuple[int, int, int]] = []
        for key, unit in minor_join_keys(name, tokens):
            slot = self._slots.get(key)
            if slot is not None:
                out.append((slot, unit, unit))
        return out

    def _korean(self, name: AnalyzedName, tokens: list[Token] | None = None) -> bool:
        """:func:`korean_latin` of ``name`` (of its retrieval ``tokens``, if
        known), remembered per analysed name (up to :data:`KOREAN_MEMO`): a
        query asks it twice, and name analysis gives a recurring name as the
        same object (by identity, as the token cache: the memo keeps the name,
        so that its id is not reused)."""
        known = self._korean_names.get(id(name))
        if known is not None and known[0] is name:
            return known[1]
        found = korean_latin(name, retrieval_tokens(name) if tokens is None else tokens)
        if len(self._korean_names) >= KOREAN_MEMO:
            self._korean_names.clear()
        self._korean_names[id(name)] = (name, found)
        return found

    def _minor_postings(self, slot: int) -> _TokenPostings:
        cached = self._minor_cache.get(slot)
        if cached is None:
            cached = _merge_sources([(self._posting(slot), 1.0)], self._df(slot))
            self._minor_cache[slot] = cached
        return cached

    def _essential(self, units: list[_Unit], cut: float) -> list[_Ints]:
        """The listings that can reach ``cut`` of the query's weight, as arrays.

        Credit levels are taken in decreasing order of the weight they can add;
        once the most that a listing outside all of them could still earn (per
        unit, the best credit level not taken) falls below the cut, the rest
        cannot make a candidate and only serve to score.
        """
        # (loops rather than generators: compiled, a generator's every step is
        # a call; the sums add the same terms in the same order)
        total = 0.0
        bound = 0.0
        best: list[float] = []
        order: list[tuple[float, int, int]] = []
        for k, (w, p) in enumerate(units):
            levels = p.levels
            first = levels[0][0] if levels else 0.0
            total += w
            bound += w * first
            best.append(first)
            for j, level in enumerate(levels):
                order.append((w * level[0], k, j))
        if total <= 0:
            return []
        order.sort(reverse=True)
        taken: dict[int, int] = {}  # unit → index of the lowest level taken
        for _value, k, j in order:
            if bound < cut * total:
                break
            taken[k] = j
            levels = units[k][1].levels
            following = levels[j + 1][0] if j + 1 < len(levels) else 0.0
            bound += units[k][0] * (following - best[k])
            best[k] = following
        return [units[k][1].ids[: units[k][1].levels[j][1]] for k, j in taken.items()]

    def _unit_credits(
        self, units: list[_Unit], joins: list[tuple[int, int, int]], cand: _Ints
    ) -> _Floats32:
        """The credit each query unit (and the joins of adjacent ones) gives each
        candidate (sorted positions), units by candidates."""
        # (every unit's row is written in full: no zeros first)
        credit = np.empty((len(units), len(cand)), dtype=np.float32)
        for k, (_weight, postings) in enumerate(units):
            _lookup(postings, cand, credit[k])
        for slot, left, right in joins:
            posting = self._posting(slot)
            found = np.multiply(_present(posting, cand), np.float32(JOIN_CREDIT), dtype=np.float32)
            np.maximum(credit[left], found, out=credit[left])
            np.maximum(credit[right], found, out=credit[right])
        return credit

    def _coverage(
        self,
        units: list[_Unit],
        joins: list[tuple[int, int, int]],
        cand: _Ints,
        onsets: Sequence[tuple[_Ints, float, list[int]]] = (),
        proposed: _Floats32 | None = None,
        credit: _Floats32 | None = None,
    ) -> _Floats:
        """The coverage of each candidate (sorted positions) by the query units
        (and the onset keys of its words, :meth:`_onsets`; ``proposed``: the
        credits, units by candidates, of those that proposed the candidates,
        :func:`_proposing_credits`, the other ``onsets`` then only adding to
        them; ``credit``: :meth:`_unit_credits`, if already known, which this
        then changes)."""
        total = sum(w for w, _ in units)
        if total <= 0 or not len(cand):
            return np.zeros(len(cand), dtype=np.float64)
        if credit is None:
            credit = self._unit_credits(units, joins, cand)
        if proposed is not None:
            np.maximum(credit, proposed, out=credit)
        for posting, onset_credit, word_units in onsets:
            found = np.multiply(_present(posting, cand), np.float32(onset_credit), dtype=np.float32)
            for k in word_units:
                np.maximum(credit[k], found, out=credit[k])
        weights = np.array([w / total for w, _ in units], dtype=np.float64)
        # (a weighted sum, not ``weights @ credit``: a matrix product wakes BLAS
        # threads that then spin on the other cores, which batch workers need;
        # ``np.add.reduce`` is what ``.sum`` calls, without its Python wrapper)
        coverage: _Floats = np.add.reduce(credit * weights[:, None], axis=0)
        return coverage

    def candidates(
        self,
        name: str | AnalyzedName,
        *,
        schema: str | None = None,
        id_numbers: Iterable[str] = (),
        limit: int = DEFAULT_LIMIT,
        min_coverage: float = DEFAULT_MIN_COVERAGE,
    ) -> list[Candidate]:
        """The listings worth scoring for ``name``, best first (see module docs).

        ``schema`` (a model schema, or ``Company``) restricts to compatible
        listings; ``id_numbers`` add every listing carrying one of them.
        """
        allowed = self._schema_mask(schema) if schema is not None else None
        if isinstance(name, str):
            variants = name_variants(name, schema)
            if variants:
                # another reading of the same writing (kanji read as Japanese): the
                # best coverage of each listing under any reading
                analyzed = analyze_name(name, schema)
                first = self._units(analyzed)
                found: dict[int, float] = {}
                for text in (name, *variants):
                    read = first if text == name else self._units(analyze_name(text, schema))
                    for c in self._read(read, allowed, id_numbers, limit, min_coverage):
                        found[c.position] = max(found.get(c.position, 0.0), c.coverage)
                ranked = sorted(found.items(), key=lambda pc: (-pc[1], pc[0]))[:limit]
                proposed = [Candidate(p, c) for p, c in ranked]
                return self._with_onsets(analyzed, first, proposed, allowed, min_coverage)
        analyzed = analyze_name(name, schema) if isinstance(name, str) else name
        first = self._units(analyzed)
        if self._korean(analyzed):
            # each syllable of a Korean name is a morpheme: a listing sharing the
            # family name and one of two given syllables is another person
            min_coverage = max(min_coverage, KOREAN_MIN_COVERAGE)
        proposed = self._read(first, allowed, id_numbers, limit, min_coverage)
        return self._with_onsets(analyzed, first, proposed, allowed, min_coverage)

    def _read(
        self,
        read: tuple[list[_Unit], list[tuple[int, int, int]]],
        allowed: npt.NDArray[np.bool_] | None,
        id_numbers: Iterable[str],
        limit: int,
        min_coverage: float,
    ) -> list[Candidate]:
        """The candidates of one reading of the query (by its units and joins,
        :meth:`_units`, and its identifier numbers)."""
        units, joins = read
        arrays = self._essential(units, min_coverage)
        arrays.extend(self._posting(slot) for slot, _, _ in joins)
        return self._found(units, joins, arrays, id_numbers, allowed, limit, min_coverage)

    def _with_onsets(
        self,
        analyzed: AnalyzedName,
        read: tuple[list[_Unit], list[tuple[int, int, int]]],
        proposed: list[Candidate],
        allowed: npt.NDArray[np.bool_] | None,
        min_coverage: float,
    ) -> list[Candidate]:
        """``proposed`` and, for a query written in Chinese characters or Hangul
        (never a Latin one), the listings its words' onset keys add
        (:meth:`_onset_candidates`), and for one of those or of a script spelt
        by its sounds (Greek ...) those its spellings add (:meth:`_spelled`),
        after every reading's candidates (``read``:
        the units and joins of ``analyzed``, :meth:`_units`, computed once)."""
        if not any(t.script_form for t in analyzed.tokens) and not query_spelling_script(
            analyzed.original
        ):
            return proposed
        tokens = retrieval_tokens(analyzed)
        onsets = self._onsets(analyzed, tokens)
        spelled = self._spelled(analyzed, tokens)
        if not onsets and not spelled:
            return proposed
        units, joins = read
        asks: list[tuple[_Proposals, float, int]] = []
        if onsets:
            asks.append((_proposals(onsets, len(units)), min_coverage, ONSET_LIMIT))
        if spelled:
            # (a name is spelt in full or not at all: the matcher counts a
            # character left over as a word that did not match)
            least = max(min_coverage, SPELLING_MIN_COVERAGE)
            asks.append((_proposals(spelled, len(units)), least, SPELLING_LIMIT))
        shared: tuple[_Ints, _Floats32] | None = None
        if len(asks) > 1:
            # (the units' credits of the listings either proposes, looked up once)
            every = _distinct_joined([cand for (cand, _, _), _, _ in asks])
            if allowed is not None:
                every = every[allowed.take(every)]
            shared = (every, self._unit_credits(units, joins, every))
        for proposal, least, limit in asks:
            proposed = proposed + self._onset_candidates(
                units, joins, proposal, proposed, allowed, least, limit, shared
            )
        return proposed

    def _found(
        self,
        units: list[_Unit],
        joins: list[tuple[int, int, int]],
        arrays: list[_Ints],
        id_numbers: Iterable[str],
        allowed: npt.NDArray[np.bool_] | None,
        limit: int,
        min_coverage: float,
    ) -> list[Candidate]:
        """The candidates proposed by the query's units, joins (``arrays``: the
        listings that may reach ``min_coverage``) and identifier numbers, best
        ``limit`` first (see the module docs)."""
        forced: list[_Ints] = []
        for number in id_numbers:
            for key in id_keys(number):
                slot = self._slots.get("i:" + key)
                if slot is not None:
                    forced.append(self._posting(slot))
        if not arrays and not forced:
            return []
        cand = _distinct_joined(arrays + forced)
        if allowed is not None:
            # (``take``: a method call, cheaper than indexing by an array)
            cand = cand[allowed.take(cand)]
        if not len(cand):
            return []
        coverage = self._coverage(units, joins, cand)
        for posting in forced:
            idx = cand.searchsorted(posting)
            ok = idx < len(cand)
            idx, posting = idx[ok], posting[ok]
            coverage[idx[cand[idx] == posting]] += 1.0
        # (the positions kept, found once: indexing by them twice is cheaper
        # than by the mask twice)
        kept = (coverage >= min_coverage - 1e-9).nonzero()[0]
        cand, coverage = cand[kept], coverage[kept]
        if len(cand) <= 1 and limit >= 1:
            # (most queries: nothing or one listing left, nothing to rank)
            return list(map(Candidate, cand.tolist(), coverage.tolist()))
        rounded = coverage.round(6)
        if len(cand) <= limit:
            order = np.lexsort((cand, self._name_len[cand], -rounded))
            return list(map(Candidate, cand[order].tolist(), coverage[order].tolist()))
        # keep the best ``limit`` in the final order, ties included consistently
        boundary = -np.partition(-rounded, limit - 1)[limit - 1]
        top = (rounded >= boundary).nonzero()[0]
        cand, coverage, rounded = cand[top], coverage[top], rounded[top]
        alike = self._written_alike(joins, cand)
        order = np.lexsort((cand, self._name_len[cand], -alike, -rounded))[:limit]
        return list(map(Candidate, cand[order].tolist(), coverage[order].tolist()))

    def _written_alike(self, joins: list[tuple[int, int, int]], cand: _Ints) -> _Ints:
        """For each candidate (sorted positions), how much of the query one of
        its names writes alike: how many of the query's adjacent word pairs
        (``joins``) it writes side by side, or, for a query of one word, whether
        it has a name of that one word (``e:``). Equal coverage ranks such a
        listing first: a word the query repeats (*Abdullah ABDULLAH*, *SA'ID,
        Sa'id*) credits every listing with the word once in full, a common word
        alone (*HASSAN*) every listing with it, and without this the listing
        written as the query is lost among them past the budget."""
        count = np.zeros(len(cand), dtype=np.int32)
        for slot, _, _ in joins:
            count += _present(self._posting(slot), cand)
        return count

    def _onset_candidates(
        self,
        units: list[_Unit],
        joins: list[tuple[int, int, int]],
        proposal: _Proposals,
        found: list[Candidate],
        allowed: npt.NDArray[np.bool_] | None,
        min_coverage: float,
        limit: int,
        shared: tuple[_Ints, _Floats32] | None = None,
    ) -> list[Candidate]:
        """The best ``limit`` listings beyond ``found`` that the onset keys of
        the query's words propose (:meth:`_onsets`; or its spellings,
        :meth:`_spelled`; ``proposal``: :func:`_proposals`), by their coverage
        with those credits: a budget of their own, so that they never displace
        a listing its readings propose. ``shared``: listings (sorted, every
        allowed one of the proposal among them) and their :meth:`_unit_credits`,
        when known."""
        cand, proposed, rest = proposal
        keep = np.ones(len(cand), dtype=np.bool_)
        if allowed is not None:
            keep &= allowed.take(cand)
        if found:
            have = np.array(sorted(c.position for c in found), dtype=np.int32)
            keep &= ~_present(have, cand)
        cand = cand[keep]
        if not len(cand):
            return []
        credits = None if proposed is None else proposed[:, keep]
        credit = None
        if shared is not None:
            credit = shared[1][:, shared[0].searchsorted(cand)]
        coverage = self._coverage(units, joins, cand, rest, credits, credit)
        keep = coverage >= min_coverage - 1e-9
        cand, coverage = cand[keep], coverage[keep]
        order = np.lexsort((cand, self._name_len[cand], -coverage.round(6)))[:limit]
        return list(map(Candidate, cand[order].tolist(), coverage[order].tolist()))

    def _schema_mask(self, schema: str) -> npt.NDArray[np.bool_]:
        """Which listings, by position, a query of ``schema`` may match (made
        once per schema: one NumPy call per use, not two)."""
        allowed = self._allowed.get(schema)
        if allowed is None:
            allowed = self._allowed[schema] = _schema_mask(schema)[self.schema_codes]
        return allowed

    # -- what a portfolio's row index asks (:mod:`thaw.monitor`) ----------------------

    def posted_keys(self) -> tuple[list[str], npt.NDArray[np.int64], _Ints]:
        """Every posting key, by slot, with the offsets of the slots' postings
        and the positions of the listings posting them (slot ``s`` is posted by
        ``ids[offsets[s]:offsets[s + 1]]``): the keys through which a change's
        listings (an index of them) reach a portfolio's rows."""
        keys = [""] * len(self._slots)
        for key, slot in self._slots.items():
            keys[slot] = key
        return keys, self._offsets, self._ids

    def fuzzy_vocabulary(self) -> list[str]:
        """The indexed tokens among which a query token's typo neighbours are
        looked for (:meth:`neighbours`)."""
        return self._vocab

    def token_keys(self, name: AnalyzedName, token: Token) -> list[str]:
        """The keys beyond its text through which retrieval finds listings for
        ``token`` of ``name`` (skeletons, consonants, the Latin spellings of a
        word of another script), credited :data:`KEY_CREDIT`."""
        return self._token_keys(name, token)

    def token_document_frequency(self, name: AnalyzedName, token: Token) -> int:
        """How many listings retrieval credits for ``token`` of ``name`` (by its
        text, its typo neighbours and its keys): the count its weight is
        taken from where no listing carries its text."""
        return self._token_postings(name, token).df

    def rarity_weight(self, df: int) -> float:
        """The weight of a token carried by ``df`` listings, ``log(1 + N / df)``
        (for none, the weight of a token unknown to the lists)."""
        return self._idf(df)

    def token_stats_data(self) -> dict[str, Any] | None:
        """The statistics of the indexed names (:attr:`token_stats`) in the form
        the index stores them."""
        return self._token_stats


@functools.lru_cache(maxsize=16)
def _schema_mask(schema: str) -> npt.NDArray[np.bool_]:
    """Which schema codes a query of ``schema`` may match."""
    allowed = COMPATIBLE.get("Organization" if schema == "Company" else schema)
    if allowed is None:
        raise ValueError(f"unknown schema {schema!r}")
    return np.array([s in allowed for s in SCHEMA_CODES], dtype=np.bool_)
