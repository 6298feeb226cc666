"""Comparing two analysed names: token alignment and the name score.

**Token similarity** (:func:`token_similarity`), in [0, 1]:

* equal folded text → 1 (``Dmitriyev``/``Dmitrijev``, ``ООО``/``LLC``), but
  nothing for two acronyms (words of a few letters, no vowel) of one length
  written with other letters (:func:`other_acronym`: ``TBC``/``TBK``): their
  letters are initials, not sounds; nor for a public and a closed joint-stock
  company's forms (:func:`other_company_kind`: ``PJSC``/``CJSC``);
* the *Allah* that ends a theophoric name, split off by analysis
  (``Shafiqullah`` → *shafiq allah*), only against a spelling of itself
  (``Ullah``, ``Ollah``): nothing against ``Ali``, ``Alla`` or ``Ala``, which
  are names of their own; and so the *Din* of *X al-Din* (``Sirajuddin`` →
  *siraj din*; ``Uddin``, ``Eddine``, الدين): nothing against ``Dina``,
  ``Dino``, ``Dean`` or ``Dinh``;
* a shared rigour given-name symbol → 0.92 (``Aleksandr``/``Alexander``,
  ``Ben``/``Benjamin``);
* one side written in an abjad (Arabic, Persian, Hebrew): the vowel-free keys
  are compared (``mly``/``Melli``), equal → 0.9 (0.75 for keys of two
  consonants, 0.6 for one), one consonant apart → 0.6; at most 0.6 when the
  abjad word ends in a written long *i* and the Latin one in a consonant
  (``سليماني``/``Salman``), or the abjad word in a final ``ه`` or ``ة``
  after a consonant (a vowel, *-a*, *-e*, *-eh*) and the Latin one in *-i*
  (``سلامة``/``Salami``), or when the vowels the abjad writes between two
  consonants disagree with the Latin word's (``سلامی``/``Salimi``,
  ``حسن``/``Hussein``), none when one word begins with a vowel and the
  other with a consonant (``محمد``/``Ahmad``); an abjad *sh* also meets the French *ch*
  (``عكاشة``/``Akkacha``), and the *k* of a reading of Thai a Latin *kh*
  (เขาทราย *kaosai*/*Khaosai*); none when the Latin word writes a *v* and the
  abjad word no letter that writes it (Khmer ``គន់`` *kun*/*Yevgeniy*);
  none, for a word read from a script that writes its vowels (Khmer; Thai
  only when the query is not Thai, whose words have several spellings), when
  the keys are one apart by a consonant the Latin word writes alone between
  two vowels inside it and the reading has not (``សីហនុ`` *seihanu*/*Sihamoni*;
  not *h* or *r*, which spellings add);
* otherwise an edit cost: consonant edits cost 1, edits that only touch vowels
  ½ (``Mosk``/``Musk``), transpositions count once; within a length-dependent
  budget (½ for ≤ 3 letters, 1 for ≤ 8, 2 for ≤ 11, else 2.5; 1 for words of
  nine letters or more whose first letters differ) the similarity falls from 1
  to 0.5, beyond it the tokens do not align; consonants that differ only in
  voicing or place (s/z, k/g, t/d, p/b, f/v, m/n, j/y) cost ½; two words of
  nine letters or more that differ in one syllable inside them, its consonant
  and its vowel (:func:`syllable_replaced`: *Olorunfemi*/*Olorunyomi*), do not
  align: a long name is a compound, and another last part another name;
* a query written in Thai: a word and a Latin word that differ in one whole
  syllable (one consonant beginning a syllable on each side, the vowels after
  it different, once the letters romanisations interchange are folded:
  *kanok-phon*/*Kanokwan*, *wongsa-mut*/*Wongsawat*) do not align, however
  near their keys or spellings (:func:`syllable_differs`): a Thai name is a
  compound of meaningful syllables; nor do two whose consonants agree when
  the Thai writes *u* or *i* with a vowel sign where the Latin word writes
  *a*, or *a* where it writes *i* (:func:`written_vowel_differs`:
  *chaiwut*/*Chaiwat*, *suphanat*/*Supanida*; a Thai *a* may be written *u*,
  *Nuttawut*), nor two that end one in a stop and the other in a nasal
  (:func:`final_differs`: *suwin*/*Suwit*);
* two Chinese or Korean syllables agree only when they are the same character;
  a syllable and a Latin word only when the word is spelt as the syllable is
  read (after folding) or shares its name item (``박``/``Park``): never by a
  near spelling, since each syllable is a morpheme (``jong``/``yong``);
* an initial against a name with that first letter → 0.75, or against a
  Chinese character whose spelling in any romanisation begins with it
  (:func:`initial_of`: 振 is *zhen*, *chen*, *jen*, so *C*);
* the last word of a name long enough to have been cut by a fixed-width field,
  against a listed word it begins → 0.85;
* numbers align only when equal.

**Alignment** (:func:`compare_names`): pairs are taken greedily, most similar
first, in any order (``Dmitriev Kirill`` = ``Kirill Dmitriev``). Compounds
compete with single pairs: two or three adjacent tokens of one side,
concatenated, against one of the other (``Abdul Rahman``/``Abdulrahman``,
``hua wei``/``Huawei``, ``VladimirPutin``, ``SiemensAG``; in a name written
"SURNAME, Given names" also the last given name and the surname, adjacent as
the name is said: ``HIENG, Hing Bun``/``Hing Bunhieng``); a query run written
in an abjad is compared with a Latin word by consonant key, equal keys of four
letters or more whose letters are within the edit budget only
(``کمالی سروستانی``/``Kamalisarvestani``, ``أبو بكر``/``Abubakar``: the Latin
word has the vowels the abjad leaves out). When both names
state a filiation (``X bin Y``), a father's name aligned with a person's own
name counts 0.3 of its similarity (``Abdullah bin Omar`` is not ``Omar bin Abdullah``).

**Name score**: with each token's weight ``w`` (role weight × rarity), aligned
pairs contribute ``w·sim`` to the agreement ``A`` and ``w`` to the mass ``M``;
unaligned query tokens sum to ``Eq`` and unaligned listing tokens to ``Er``
(optional parts such as patronymics count a third there). Then::

    score = A / (M + 0.35·Eq + 0.2·Er + 2.0·√(Eq*·Er*))

where the last term is the *substitution* penalty (numbers excluded: a fund or
series number differing is a sibling entity, reported but not a veto; and a legal
form left on one side against only generic words and places on the other,
dropped or moved rather than replaced: "Aeroflot Russian Airlines" against "PJSC
AEROFLOT", while ANO against LLC still counts):
a part present on both sides
but different (``Kirill Petrov`` against ``Kirill Dmitriev``; ``Ivanovich``
against ``Viktorovich``) is strong evidence of different people, whereas a part
present on one side only (a middle name, a patronymic, a legal form, a
qualifier) is weak. ``Eq*``/``Er*`` use full weights. A match made only of
low-weight tokens (``Management Company``) is scaled down by
``0.55 + 0.45·M`` while ``M < 1``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import itemgetter
from typing import Final, NamedTuple

from rapidfuzz.distance import OSA

from thaw.text import AnalyzedName, Token, abjad_key, consonantal, fold_token, skeleton
from thaw.text.analyze import (
    ALLAH,
    ALLAH_SPELLINGS,
    DIN,
    DIN_SPELLINGS,
    compound_runs,
    run_indices,
)
from thaw.text.chinese import han_spellings
from thaw.text.fold import first_sounds_differ, sh_unwritten, written_vowels_differ
from thaw.text.stats import TokenStats
from thaw.text.vocab import CLOSED_JSC, PUBLIC_JSC

#: Least similarity at which two tokens may be aligned.
MIN_SIM: Final = 0.5
#: Similarity of two tokens that share a given-name symbol.
SYMBOL_SIM: Final = 0.92
#: Similarity of an initial and a name it abbreviates.
INITIAL_SIM: Final = 0.75
#: A query run written in an abjad whose consonant key has only three letters
#: meets a Latin word that writes it as one only when its letters, as read,
#: are at least this similar to the word's (``کی ارش`` ``kyarsh`` and
#: *Kiarash*; a key of four letters or more needs no more than the key).
_SHORT_RUN_SIM: Final = 0.6
#: The fewest consonants of the equal keys by which an abjad word with ف
#: meets a Latin word with *v* (:func:`_foreign_v`: لافروف *Lavrov*).
FOREIGN_V_KEY: Final = 4
#: The most similarity of an abjad word ending in a long *i* and a Latin word
#: ending in a consonant, or in a vowel written ``ه``/``ة`` and a Latin word
#: in *-i* (:func:`_endings_differ`).
ABJAD_ENDING_SIM: Final = 0.6
#: Similarity of a cut-off last word and the word it begins.
TRUNCATED_SIM: Final = 0.85
#: Weight of unaligned query tokens in the denominator.
QUERY_EXTRA: Final = 0.35
#: Weight of unaligned listing tokens in the denominator.
RESULT_EXTRA: Final = 0.2
#: Weight of a substitution (parts on both sides that did not align).
SUBSTITUTION: Final = 2.0
#: Share of its weight an optional part (patronymic) counts as an extra.
OPTIONAL_SHARE: Final = 1 / 3


#: The name alignment's declared magnitudes (the constants above), by name, with
#: what each is: rendered in the algorithm's documentation.
TABLE: Final[tuple[tuple[str, float, str], ...]] = (
    ("MIN_SIM", MIN_SIM, "least similarity at which two tokens may be aligned"),
    ("SYMBOL_SIM", SYMBOL_SIM, "similarity of two tokens sharing a name item"),
    ("INITIAL_SIM", INITIAL_SIM, "similarity of an initial and a name it abbreviates"),
    ("TRUNCATED_SIM", TRUNCATED_SIM, "similarity of a cut-off last word and its word"),
    (
        "ABJAD_ENDING_SIM",
        ABJAD_ENDING_SIM,
        "most similarity of an abjad word in long i and a Latin word in a consonant",
    ),
    ("QUERY_EXTRA", QUERY_EXTRA, "weight of unaligned query tokens in the denominator"),
    ("RESULT_EXTRA", RESULT_EXTRA, "weight of unaligned listing tokens in the denominator"),
    ("SUBSTITUTION", SUBSTITUTION, "weight of parts on both sides that did not align"),
    ("OPTIONAL_SHARE", OPTIONAL_SHARE, "share of its weight an optional part counts"),
)


@dataclass(frozen=True, slots=True)
class Pair:
    """Query tokens aligned with listing tokens, with their similarity and how
    they were matched (``exact``, ``symbol``, ``abjad``, ``fuzzy``, ``initial``,
    ``truncated``, ``compound``; ``transcription`` and ``spelling`` for
    characters compared by :mod:`thaw.match.transcription` and
    :mod:`thaw.match.spelling`, described by the characters themselves)."""

    query: tuple[Token, ...]
    result: tuple[Token, ...]
    sim: float
    how: str

    def describe(self) -> str:
        """``query~listing`` (``=`` when exact)."""
        query, result = self.query, self.result
        if self.how in ("spelling", "transcription") and all(t.script_form for t in query):
            q = "".join([t.script_form for t in query])  # (the characters themselves)
        elif len(query) == 1:
            q = query[0].raw or query[0].text
        else:
            q = " ".join([t.raw or t.text for t in query])
        if self.how in ("spelling", "transcription") and all(t.script_form for t in result):
            r = "".join([t.script_form for t in result])
        elif len(result) == 1:
            r = result[0].raw or result[0].text
        else:
            r = " ".join([t.raw or t.text for t in result])
        sign = "=" if self.how == "exact" else "~"
        return f"{q}{sign}{r}" if q != r else q


@dataclass(frozen=True, slots=True)
class NameMatch:
    """The comparison of one query name with one listed name."""

    score: float
    query: AnalyzedName
    result: AnalyzedName
    pairs: tuple[Pair, ...]
    query_extra: tuple[Token, ...]
    result_extra: tuple[Token, ...]

    def describe(self) -> str:
        """A one-line account: aligned tokens, then ``-tok`` query-only and
        ``+tok`` listing-only tokens."""
        parts = [p.describe() for p in self.pairs]
        parts += [f"-{t.raw or t.text}" for t in self.query_extra]
        parts += [f"+{t.raw or t.text}" for t in self.result_extra]
        return " ".join(parts)


def _budget(n: int) -> float:
    if n <= 3:
        return 0.5
    if n <= 5:
        return 1.0
    if n <= 8:
        return 1.5
    if n <= 11:
        return 2.0
    return 2.5


_VOWELS: Final = frozenset("aeiouy")
#: Letters a romanisation of Thai writes for one sound, folded to one of them
#: (:func:`syllable_differs`, after *ch* is written *j*), and the *h* and *y*
#: it writes or drops (*ph*/*p*, *chai*/*chay*).
_SYLLABLE_FOLD: Final = str.maketrans("lrbfdgcqv", "nnpptkkkw", "hy")
#: The vowels of a word folded by :data:`_SYLLABLE_FOLD`.
_SYLLABLE_VOWELS: Final = frozenset("aeiou")

#: Consonants that differ only in voicing or place: substituting them costs half.
_CLASSES: Final = str.maketrans("zgdbfmj", "sktpvny")


#: :func:`_budget` by word length, for the lengths it distinguishes, and twice it
#: (the most edits two words of that length may differ by; a whole number).
_BUDGETS: Final = tuple(_budget(n) for n in range(12))
_LIMITS: Final = tuple(int(2 * b) for b in _BUDGETS)
_osa: Final = OSA.distance


def string_similarity(a: str, b: str) -> float:
    """Similarity of two folded words by vowel-discounted edit cost (0 when apart).

    Most pairs compared are far apart: their length difference or plain edit
    distance already exceeds twice the budget, which is checked here directly
    (one C call); only the others are costed, and cached
    (:func:`_close_similarity`)."""
    if a == b:
        return 1.0
    la = len(a)
    lb = len(b)
    if la >= lb:
        n, diff = la, la - lb
    else:
        n, diff = lb, lb - la
    if n <= 2 or not lb or not la:
        return 0.0
    if n > 8 and a[0] != b[0]:
        # long words that differ from the first letter are different stems
        # (Jónsdóttir / Tómasdóttir) unless nearly equal
        limit = 2
    else:
        limit = _LIMITS[n] if n < 12 else 5
    if diff > limit or _osa(a, b) > limit:
        return 0.0
    return _close_similarity(a, b)


#: Consonants folded to the one they are a spelling of, or differ from in
#: voicing or place only, for :func:`syllable_replaced` (*w*/*v*, *q*/*k*,
#: *c*/*k*, *j*/*y*, *z*/*s* ...).
_ONSET_FOLD: Final = str.maketrans("wqczgdbfmj", "vkksktpvny")
#: Vowels for :func:`syllable_replaced` (a *y* before a vowel opens a syllable).
_PLAIN_VOWELS: Final = frozenset("aeiou")


def syllable_replaced(a: str, b: str) -> bool:
    """Whether two words of the same length differ in exactly two adjacent
    letters, inside the word, that are a consonant and the vowel after it on
    each side, the consonants not spellings of one another nor differing in
    voicing or place only (:data:`_ONSET_FOLD`), and the vowels different:
    one syllable of the word replaced by another (*Olorun-femi*,
    *Olorun-yomi*). A long name of that kind is a compound of words
    (Yoruba *Olorun-*, *Oluwa-*, *Ade-*; Germanic *Sieg-*, Slavic *-slav*),
    and another last word makes another name, whereas a typing error or a
    transliteration changes a letter, a vowel, or a consonant for one that
    sounds alike (*Abdelkader*, *Abdelqader*)."""
    if len(a) != len(b) or len(a) < 4:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) != 2 or diff[1] != diff[0] + 1 or diff[0] == 0:
        return False
    i = diff[0]
    ca, cb, va, vb = a[i], b[i], a[i + 1], b[i + 1]
    return (
        ca not in _PLAIN_VOWELS
        and cb not in _PLAIN_VOWELS
        and ca.translate(_ONSET_FOLD) != cb.translate(_ONSET_FOLD)
        and va in _PLAIN_VOWELS
        and vb in _PLAIN_VOWELS
    )


@lru_cache(maxsize=200_000)
def _close_similarity(a: str, b: str) -> float:
    """:func:`string_similarity` of two different words of at least three letters
    within twice the budget of each other in length and edit distance."""
    n = max(len(a), len(b))
    budget = 1.0 if n > 8 and a[0] != b[0] else _BUDGETS[n] if n < 12 else 2.5
    if n > 8 and syllable_replaced(a, b):
        return 0.0
    d = OSA.distance(a, b)
    sa, sb = skeleton(a), skeleton(b)
    ds = OSA.distance(sa, sb)
    dc = OSA.distance(sa.translate(_CLASSES), sb.translate(_CLASSES)) if ds else 0
    cost = dc + 0.5 * max(0, ds - dc) + 0.5 * max(0, d - ds)
    if cost > budget or (5 < n <= 8 and cost >= budget):
        return 0.0
    return 1.0 - 0.5 * cost / budget


@lru_cache(maxsize=200_000)
def _abjad_similarity(ka: str, kb: str) -> float:
    if ka == kb:
        # the fewer consonants the key keeps, the weaker the evidence
        return 0.9 if len(ka) >= 3 else 0.75 if len(ka) == 2 else 0.6
    n = max(len(ka), len(kb))
    if n < 3:
        return 0.0
    d = OSA.distance(ka, kb)
    if d <= 1:
        return 0.6
    return 0.0


def _french_sh(q: Token, r: Token, s: float) -> float:
    """``s``, or more when the word written in an abjad has *sh* (ش, ש) and its
    Latin partner *ch*, the French spelling of that sound (عكاشة *Akkacha*,
    عاشور *Achour*), which the Latin word's key reads as *h*: the keys compared
    again with the abjad word's *sh* written *ch*."""
    a, latin = (q, r) if q.abjad else (r, q)
    if "ch" not in latin.raw or "sh" not in a.raw:
        return s
    return max(s, _abjad_similarity(abjad_key(a.raw.replace("sh", "ch")), latin.key))


def _th_as_s(q: Token, r: Token) -> float:
    """The similarity of an abjad pair with the *th* of the abjad word's
    reading, its ث, read *s*, as Persian, Urdu, Pashto and Turkish say it and
    the Latin spellings of their names write it (عثمان *Usman*, ثاقب *Saqib*,
    وثيق *Wasiq*, غياث *Ghias*, ثناء الله *Sanaullah*): the pair compared again
    (:func:`abjad_pair_similarity`) with that reading; 0 unless the abjad word's
    reading, of consonants only (:func:`consonantal`), writes *th* and the
    Latin word *s* but no *th*."""
    a, latin = (q, r) if q.abjad else (r, q)
    if "th" not in a.raw or "s" not in latin.raw or "th" in latin.raw or not consonantal(a.raw):
        return 0.0
    read = replace(a, raw=a.raw.replace("th", "s"))
    q, r = (read, latin) if q.abjad else (latin, read)
    return abjad_pair_similarity(q, r, q.key, r.key)


def _foreign_v(q: Token, r: Token, abjad: str, s: float) -> float:
    """``s``, or more when the Latin word of an abjad pair writes a *v* and
    the abjad word an *f*: Arabic has no *v* and writes the *v* of foreign
    names with ف (لافروف *Lavrov*, إيفانوف *Ivanov*), while the Latin word's
    key leaves its *v* out (it may be a vowel's و): the keys compared again
    (``abjad``: the abjad word's key, as compared) with the Latin word's *v*
    written *f*, and only equal keys of
    :data:`FOREIGN_V_KEY` consonants or more count, since an Arabic name's
    ف is an *f* (فهد *Fahd* is no *Vahid*, سيف *Saif* no *Seva*)."""
    a, latin = (q, r) if q.abjad else (r, q)
    if "v" not in latin.raw or "f" not in a.raw:
        return s
    latin_key = abjad_key(latin.raw.replace("v", "f"))
    if latin_key != abjad or len(abjad) < FOREIGN_V_KEY:
        return s
    return max(s, _abjad_similarity(abjad, latin_key))


def _endings_differ(q: Token, r: Token) -> bool:
    """Whether a word written in an abjad ends in a written long *i* (``ي``,
    ``ی``, ``י``: *Sulaymani*, *Levi*) while its Latin partner ends in a consonant
    (*Salman*), or, read as consonants only (Arabic, Persian, Hebrew), in a
    consonant while its Latin partner ends in *-i* after one, which those
    scripts write (وثاق against *Yasaghi*, محمود against *Mahmoudi*), or in
    the final vowel ``ه``/``ة`` after a consonant (:func:`_final_vowel_h`:
    سلامة *Salameh*) while its partner ends in *-i* (:func:`_final_i`:
    *Salami*), which an abjad writes ``ي``/``ی``: the
    consonant keys then agree (they leave out *y* and a final *h*) although
    the names differ."""
    a, latin = (q, r) if q.abjad else (r, q)
    if _final_vowel_h(a.raw):
        return _final_i(latin.raw)
    if a.raw[-1:] not in ("y", "i"):
        # the other way round: a Latin -i after a consonant, which the script
        # writes, against a reading of consonants that ends in one (وثاق
        # *wsaq*, *Yasaghi*)
        return (
            not latin.abjad
            and a.raw[-1:].isalpha()
            and a.raw[-1:] not in "aeiouw"
            and consonantal(a.raw)
            and (_final_i(latin.raw) or _final_i_after_digraph(latin.raw))
        )
    word = latin.raw
    last = word[-1:]
    if last in ("i", "y") or not last.isalpha():
        return False
    # a consonant, or a vowel other than i; a final e after a consonant is the
    # silent e of French spellings (Salmane)
    return last != "e" or (len(word) > 1 and word[-2] not in _VOWELS)


#: Letters before a final *h* of a reading of an abjad word with which it
#: may spell one consonant (ش *sh*, خ *kh*, ث *th*, ذ *dh*, غ *gh*, ژ *zh*,
#: چ *ch*), or which is a vowel: then the *h* is a consonant of its own.
_NOT_BEFORE_VOWEL_H: Final = frozenset("sktdgzcaeiouwy")


def _final_vowel_h(read: str) -> bool:
    """Whether the reading of an abjad word ends in the ``ه`` or ``ة`` that
    writes a final vowel after a consonant (سلامة *slamh*, *Salama*,
    *Salameh*; فاطمة *fatmh*), not the consonant *h* after a long vowel
    (الله *allah*, وجيه *wjyh*) or in a digraph (شاه, خ)."""
    return len(read) > 2 and read[-1] == "h" and read[-2] not in _NOT_BEFORE_VOWEL_H


def _final_i(word: str) -> bool:
    """Whether a Latin word ends in *-i* or *-y* after a consonant other than
    *h* (*Salami*, *Hosseiny*; not *Abdullahi*, whose *h* is the written one)."""
    return (
        len(word) > 2
        and word[-1] in ("i", "y")
        and word[-2] not in _VOWELS
        and word[-2] != "h"
        and word[-2].isalpha()
    )


def _final_i_after_digraph(word: str) -> bool:
    """Whether a Latin word ends in *-i* or *-y* after a consonant spelt with
    an *h* (*gh*, *kh*, *sh*, *th*, *ch*, *zh*, *dh*: *Yasaghi*, *Farrokhi*)."""
    return len(word) > 3 and word[-1] in ("i", "y") and word[-2] == "h" and word[-3] in "gkstczd"


def _vowels_differ(q: Token, r: Token) -> bool:
    """Whether the abjad word writes a long vowel between two consonants that
    the Latin word spells otherwise, or the Latin word spells a long vowel
    where the abjad word writes none (سلامی/*Salimi*, حسن/*Hussein*:
    :func:`thaw.text.fold.written_vowels_differ`), or an *sh* where the abjad
    word writes *s* (مصلي/*Mashal*: :func:`thaw.text.fold.sh_unwritten`)."""
    a, latin = (q, r) if q.abjad else (r, q)
    return written_vowels_differ(a.raw, latin.raw) or sh_unwritten(a.raw, latin.raw)


def _first_sounds_differ(q: Token, r: Token) -> bool:
    """Whether one word of an abjad pair begins with a vowel and the other
    with a consonant (محمد/*Ahmad*, حامد/*Ahmed*:
    :func:`thaw.text.fold.first_sounds_differ`), for keys one letter apart."""
    a, latin = (q, r) if q.abjad else (r, q)
    return first_sounds_differ(a.raw, latin.raw)


def _thai_kh(q: Token, r: Token, s: float) -> float:
    """``s``, or more when the Latin word of a pair whose other word was read
    from Thai writes *kh*: romanisations of Thai write the aspirated *k*
    letters (ข ค ฆ) *kh*, which the reading compared writes *k*, as personal
    spellings do (*Thongkam*), while the Latin word's key reads *kh* as the
    *h* of Arabic خ (เขาทราย *kaosai*, *Khaosai*): the keys compared again with
    the Latin word's *kh* written *k*."""
    read, latin = (q, r) if q.abjad else (r, q)
    if "kh" not in latin.raw or "kh" in read.raw:
        return s
    return max(s, _abjad_similarity(abjad_key(read.raw), abjad_key(latin.raw.replace("kh", "k"))))


def _unwritten_v(q: Token, r: Token) -> bool:
    """Whether the Latin word of an abjad pair writes a *v*, which is a
    consonant in every romanisation and which every abjad writes (و, ו, ف, ב,
    פ, Khmer វ, Thai ว: read *v*, *w*, *f*, *b* or *p*), while the abjad
    word's reading has none of those letters. The consonant keys leave *v* and
    *w* out, since ו and و also write vowels, so without this check the Khmer
    គន់ *kun* met *Yevgeniy* (key ``kn``, 0.75). (A first *y* is not checked
    likewise: the lists' Arabic drops a ي now and then, وسف for يوسف.)"""
    a, latin = (q, r) if q.abjad else (r, q)
    return "v" in latin.raw and not any(c in a.raw for c in "vwfbp")


#: Consonants of a Latin key (:func:`thaw.text.abjad_key`) that a spelling of
#: Thai or Khmer writes where the original has none
#: (:func:`_unread_consonant`): *h* for an aspirate or in *ch* (*Bhichit*,
#: *Sokhon*), and *r* after a vowel for its length, as English spells it
#: (*Kanokporn*, *Chalerm*).
_SPELLING_CONSONANTS: Final = frozenset("hr")


def _unread_consonant(q: Token, r: Token, q_key: str, r_key: str) -> bool:
    """Whether the Latin word of a pair whose other word was read from a
    script that writes its vowels (Khmer, Thai: its reading is not
    :func:`thaw.text.consonantal`) has one consonant more than
    that reading, inside the word (neither its first consonant nor its last),
    which no reading of the original has: another name (សីហនុ *seihanu* is
    not *Sihamoni*). Those scripts write every consonant a name has, so
    romanisations differ in vowels and in the final consonant, not in a
    consonant within the word, except the *h* and the *r* that spellings
    add (:data:`_SPELLING_CONSONANTS`)."""
    if q.abjad:
        read, key, latin, latin_key = q, q_key, r, r_key
    else:
        read, key, latin, latin_key = r, r_key, q, q_key
    if latin.abjad or consonantal(read.raw) or len(latin_key) != len(key) + 1:
        return False
    for i in range(1, len(latin_key) - 1):
        if latin_key[:i] + latin_key[i + 1 :] == key:
            c = latin_key[i]
            return c not in _SPELLING_CONSONANTS and _between_vowels(c, latin.raw, key)
    return False


def _between_vowels(consonant: str, word: str, key: str) -> bool:
    """Whether ``word`` writes ``consonant`` alone between two vowels, where
    it opens a syllable of its own (*Siha-moni*), and without it would have
    the consonant key ``key``: not in a cluster, where a romanisation writes a
    letter the original has but does not read (ភក្ត្រា *phokrea*,
    *Pheaktra*) or reads twice (ชล *chon*, *Chonla-*), or a final the script
    reads otherwise (Thai ร read *n*: *Amornvivat*)."""
    for k in range(1, len(word) - 1):
        if (
            word[k] == consonant
            and word[k - 1] in _VOWELS
            and word[k + 1] in _VOWELS
            and abjad_key(word[:k] + word[k + 1 :]) == key
        ):
            return True
    return False


def writes_thai(text: str) -> bool:
    """Whether ``text`` has a letter of the Thai script (U+0E00 to U+0E7F)."""
    return any("\u0e00" <= c <= "\u0e7f" for c in text)


def syllable_differs(a: str, b: str) -> bool:
    """Whether two spellings of words read syllable by syllable (Thai) differ
    in one whole syllable. Both are folded (letters romanisations interchange:
    *l*, *r* and *n*, which Thai reads alike at the end of a syllable;
    *b*/*p*, *v*/*w*, *ch*/*j*; *h* and *y* dropped), then their consonants
    are compared: all agree but one, which on each side begins a syllable
    (a vowel follows it), and the vowels that follow differ. Thai names are
    compounds of meaningful syllables, so *kanok-phon* and *kanok-wan*,
    *wongsa-mut* and *wongsa-wat* are other names, while *Somjit*/*Somchit*,
    *Trakunhun*/*Trakulhoon* or *Amonwiwat*/*Amornvivat* (letters spelt
    otherwise, a vowel) are spellings of one, and so, since Thai finals are
    romanised loosely, are two words whose consonants differ at a syllable's
    end."""
    a = a.replace("ch", "j").translate(_SYLLABLE_FOLD)
    b = b.replace("ch", "j").translate(_SYLLABLE_FOLD)
    xa = [i for i, c in enumerate(a) if c not in _SYLLABLE_VOWELS]
    xb = [i for i, c in enumerate(b) if c not in _SYLLABLE_VOWELS]
    if len(xa) != len(xb):
        return False
    differing = [(i, j) for i, j in zip(xa, xb, strict=True) if a[i] != b[j]]
    if len(differing) != 1:
        return False
    i, j = differing[0]
    va, vb = a[i + 1 : i + 2], b[j + 1 : j + 2]
    return va in _SYLLABLE_VOWELS and vb in _SYLLABLE_VOWELS and va != vb


#: The final consonants of a Thai syllable folded by :data:`_SYLLABLE_FOLD`
#: (*ng* written ``N``): the stops, which Thai writes with many letters, all
#: romanised *t*, *k*, *p* (or as the letter is spelt: *s*, *ch*, *d*, *g*,
#: *b*), and the nasals, written *n* (or *r*, *l*: ร ล), *m*, *ng*.
_FINAL_STOPS: Final = frozenset("tkpsj")
_FINAL_NASALS: Final = frozenset("nmN")


def final_differs(read: str, latin: str) -> bool:
    """Whether a reading of a Thai word and a Latin word end in consonants of
    the two kinds Thai keeps apart at the end of a word, a stop and a nasal
    (:data:`_FINAL_STOPS`, :data:`_FINAL_NASALS`): สุวิน *suwin* is not
    *Suwit*, although Thai finals are romanised loosely within each kind
    (*Suwit*, *Suwith*; *Kamon*, *Kamol*). A word that ends in a vowel is
    not compared (an Indic spelling adds one: *Sombati*)."""
    a, b = _final_consonant(read), _final_consonant(latin)
    if not a or not b:
        return False
    return (a in _FINAL_STOPS and b in _FINAL_NASALS) or (a in _FINAL_NASALS and b in _FINAL_STOPS)


def _final_consonant(word: str) -> str:
    """The last letter of ``word`` folded as :func:`syllable_differs` folds
    (``N`` for a final *ng*), or ``""`` when it is a vowel."""
    if word.endswith("ng"):
        return "N"
    folded = word.replace("ch", "j").translate(_SYLLABLE_FOLD)
    return "" if not folded or folded[-1] in _SYLLABLE_VOWELS else folded[-1]


#: Vowels a reading of Thai writes only for a vowel sign (``ุ ู`` *u*, ``ิ ี``
#: *i*), which no spelling writes *a* (:func:`written_vowel_differs`).
_SIGNED_VOWELS: Final = frozenset({"u", "i"})


def _vowel_groups(word: str) -> tuple[str, list[str]]:
    """The consonants of a word folded by :data:`_SYLLABLE_FOLD`, and the
    vowels before, between and after them, one group per gap."""
    word = word.replace("ch", "j").translate(_SYLLABLE_FOLD)
    consonants: list[str] = []
    groups = [""]
    for c in word:
        if c in _SYLLABLE_VOWELS:
            groups[-1] += c
        else:
            consonants.append(c)
            groups.append("")
    return "".join(consonants), groups


def written_vowel_differs(read: str, latin: str) -> bool:
    """Whether the reading of a Thai word and a Latin word, their consonants
    the same once folded (:func:`syllable_differs`), differ in a vowel the
    Thai writes with a sign, *u* or *i* (:data:`_SIGNED_VOWELS`), where the
    Latin word writes *a*, or an *a* where it writes *i*: Thai writes its
    vowels, and no spelling writes *u* or *i* as *a*, nor *a* as *i*, so
    ชัยวุฒิ *chaiwut* is not *Chaiwat*, nor ศุภณัฏฐ์ *suphanat* *Supanida*.
    A Thai *a* written *u* is a spelling (ณัฐวุฒิ *Nuttawut*), and so is an
    *i* the reading leaves unsaid (ชาติชาย *chatchai*, *Chatichai*)."""
    ka, ga = _vowel_groups(read)
    kb, gb = _vowel_groups(latin)
    if ka != kb:
        return False
    return any(
        (x in _SIGNED_VOWELS and y == "a") or (x == "a" and y == "i")
        for x, y in zip(ga, gb, strict=True)
    )


def abjad_pair_similarity(
    q: Token, r: Token, q_key: str, r_key: str, syllabic: bool = False
) -> float:
    """The similarity of two tokens of which one was written in an abjad (see
    the module's documentation), their consonant keys given: the keys compared
    (:func:`_abjad_similarity`), with the French *ch* (:func:`_french_sh`),
    the *f* with which Arabic writes a foreign *v* (:func:`_foreign_v`) and,
    for a query read from Thai, the *kh* of a Thai romanisation
    (:func:`_thai_kh`), at
    most :data:`ABJAD_ENDING_SIM` when their endings or their vowels differ
    (:func:`_endings_differ`, :func:`_vowels_differ`; no similarity when the
    vowels differ and the keys too), and 0 when the Latin word writes a *v*
    the abjad word does not (:func:`_unwritten_v`) or one word begins with a
    vowel and the other not (:func:`_first_sounds_differ`) or, unless the
    query was read from Thai (``syllabic``), when the Latin word has a
    consonant inside it that the other's reading has not
    (:func:`_unread_consonant`): a Thai word has several spellings
    (:func:`thaw.text.thai.thai_spellings`: the Indic one writes letters the
    reading leaves silent), of which the word compared here is one. A pair
    still short of equal keys is compared again with the abjad word's ث read
    *s* (:func:`_th_as_s`: وثيق *Wasiq*)."""
    s = _abjad_similarity(q_key, r_key)
    if s < 0.9:
        s = _foreign_v(q, r, q_key if q.abjad else r_key, _french_sh(q, r, s))
        if syllabic:
            s = _thai_kh(q, r, s)
    if s > ABJAD_ENDING_SIM and _endings_differ(q, r):
        s = ABJAD_ENDING_SIM
    if s > 0 and _vowels_differ(q, r):
        # equal keys, other vowels: a near name; a consonant apart or another
        # ending as well: another name
        near = q_key == r_key and not _endings_differ(q, r)
        s = min(s, ABJAD_ENDING_SIM) if near else 0.0
    if s > 0 and (_unwritten_v(q, r) or (s < 0.9 and _first_sounds_differ(q, r))):
        return 0.0
    if 0 < s < 0.9 and not syllabic and _unread_consonant(q, r, q_key, r_key):
        s = 0.0
    if s < 0.9 and not syllabic:
        s = max(s, _th_as_s(q, r))
    return s


#: The longest word read as an acronym by :func:`other_acronym`.
_ACRONYM_MAX: Final = 5


def _acronym(t: Token) -> bool:
    """Whether a name token is written as an acronym: two to
    :data:`_ACRONYM_MAX` letters and no vowel (*TBK*, *NKC*), its letters
    said one by one."""
    w = t.raw
    return (
        t.role == "name"
        and 2 <= len(w) <= _ACRONYM_MAX
        and w.isalpha()
        and not any(c in _VOWELS for c in w)
    )


def other_company_kind(q: Token, r: Token) -> bool:
    """Whether two legal forms whose folded text is equal (*jsc*) say one a
    public joint-stock company and the other a closed one (*PJSC* and
    *CJSC*, *OAO* and *ZAO*: :data:`~thaw.text.vocab.PUBLIC_JSC`,
    :data:`~thaw.text.vocab.CLOSED_JSC`): two firms, as BANK MELLAT of Iran,
    a public company, and MELLAT BANK CJSC of Armenia are."""
    a, b = q.raw, r.raw
    return (a in PUBLIC_JSC and b in CLOSED_JSC) or (a in CLOSED_JSC and b in PUBLIC_JSC)


def other_acronym(q: Token, r: Token) -> bool:
    """Whether two tokens whose folded text is equal are acronyms of the same
    length written with other letters (*TBC* and *TBK*, *NKC* and *NKK*):
    folding reads letters as sounds (*c* as *k*, a doubled letter as one),
    but an acronym's letters are initials, each of a word, and another
    letter is another word's, so another acronym."""
    return q.raw != r.raw and len(q.raw) == len(r.raw) and _acronym(q) and _acronym(r)


def _compound_end_against_a_name(q: Token, r: Token) -> bool:
    """Whether one token is the *Allah* that ends a theophoric name
    (*Shafiq-ullah*, *Asad-ollah*, split so by analysis) and the other a word
    that is no spelling of it (:data:`~thaw.text.analyze.ALLAH_SPELLINGS`),
    or the *Din* of a name *X al-Din* (*Siraj-uddin*) and the other no spelling
    of that (:data:`~thaw.text.analyze.DIN_SPELLINGS`): the second half of such
    a compound is no given name of its own, so *Ali*, *Alla* or *Ala*, *Dina*,
    *Dino* or *Dinh* is another name, however near its letters or equal its
    folded text."""
    if q.raw == ALLAH:
        return r.raw not in ALLAH_SPELLINGS
    if r.raw == ALLAH:
        return q.raw not in ALLAH_SPELLINGS
    if q.raw == DIN:
        return r.raw not in DIN_SPELLINGS
    return r.raw == DIN and q.raw not in DIN_SPELLINGS


#: Letters no spelling's initial stands for in :func:`han_initials`.
_VOWEL_LETTERS: Final = frozenset("aeiou")


@lru_cache(maxsize=4096)
def han_initials(ch: str) -> frozenset[str]:
    """The consonants (*y* and *w* among them) a spelling of the Chinese
    character ``ch`` begins with, in any romanisation
    (:func:`thaw.text.chinese.han_spellings`): 振 *zhen*, *chen*, *jen*,
    *tsan* gives ``{z, c, j, t}``; empty for anything else. Not a vowel: a
    syllable spelt with a first vowel somewhere is spelt with a consonant
    elsewhere (黄 *Ui*, *Wee*; 英 *Ing*, *Ying*), and a lone vowel beside a
    name is as often a word as an initial (Burmese *U*, Portuguese *e*)."""
    if len(ch) != 1:
        return frozenset()
    return frozenset(sp[:1] for sp in han_spellings(ch)) - _VOWEL_LETTERS


def initial_of(init: Token, full: Token) -> bool:
    """Whether the initial ``init`` abbreviates the name token ``full`` (a
    generic word is abbreviated by nothing): its first letter as written, or,
    for a Chinese character, the first letter of any of its spellings, since
    a name in characters is initialled in the romanisation its bearer uses
    (梁振英 *C. Y. Leung*, Cantonese; 馬英九 *Y. J. Ma*, Wade-Giles), whichever
    reading analysis gave it."""
    if full.role == "generic":
        return False
    letter = init.raw[:1]
    return full.raw[:1] == letter or (
        bool(full.script_form) and letter in han_initials(full.script_form)
    )


def token_similarity(q: Token, r: Token) -> tuple[float, str]:
    """Similarity of two tokens and how it was found (see the module docs)."""
    if q.script_form and r.script_form:
        return (1.0, "exact") if q.script_form == r.script_form else (0.0, "")
    if _compound_end_against_a_name(q, r):
        return 0.0, ""
    if q.text == r.text:
        if other_acronym(q, r) or other_company_kind(q, r):
            return 0.0, ""
        return 1.0, "exact"
    qr, rr = q.role, r.role
    if qr != rr and q.raw == r.raw and q.raw:
        # the same word read differently on each side (a legal form or a generic
        # word for one schema, a name for the other: "SC Johnson", "Ko")
        return 1.0, "exact"
    if qr == "number" or rr == "number" or qr == "legal_form" or rr == "legal_form":
        return 0.0, ""
    if qr == "initial" or rr == "initial":
        if qr == rr:
            return 0.0, ""
        init, full = (q, r) if qr == "initial" else (r, q)
        if initial_of(init, full):
            return INITIAL_SIM, "initial"
        return 0.0, ""
    if q.symbols and r.symbols and not q.symbols.isdisjoint(r.symbols):
        return SYMBOL_SIM, "symbol"
    if q.abjad != r.abjad:
        s = abjad_pair_similarity(q, r, q.key, r.key)
        if s > 0:
            return s, "abjad"
        return 0.0, ""
    if q.script_form or r.script_form:
        return 0.0, ""
    s = string_similarity(q.text, r.text)
    if s > 0:
        return s, "fuzzy"
    return 0.0, ""


def _weight(t: Token, stats: TokenStats | None) -> float:
    if stats is None or t.role in ("legal_form", "generic", "stop", "honorific"):
        return t.weight
    return t.weight * stats.factor(t.text)


def _concat(tokens: list[Token]) -> str:
    return fold_token("".join(t.raw for t in tokens))


class AlignedPair(NamedTuple):
    """One aligned pair of an :class:`Alignment`, by token position: the query
    tokens (one, or a compound run), the listed tokens, their similarity and how
    they were matched (see :class:`Pair`)."""

    query: tuple[int, ...]
    result: tuple[int, ...]
    sim: float
    how: str


class Alignment(NamedTuple):
    """The result of :meth:`Aligner.align` before it is described: the name score,
    the aligned pairs (by token position in :attr:`AnalyzedName.informative`) and
    the positions of the query and listed tokens that were used. :func:`name_match`
    turns it into a :class:`NameMatch` with the tokens themselves."""

    score: float
    pairs: list[AlignedPair]
    query_used: set[int]
    result_used: set[int]


_EMPTY: Final[Alignment] = Alignment(0.0, [], set(), set())


class _Listed:
    """What a :class:`_QueryMemo` knows of one listed token: the token itself (which
    keeps the identity it is keyed by valid), the query tokens it aligns with as
    ``(i, similarity, how)``, the bit mask of those it matches closely (0.9 and
    up), then, filled in when first needed, its weight and extras
    (:func:`extra_of`) and the query compounds that match it ``((sim, run), …)``."""

    __slots__ = ("token", "hits", "good", "weight", "extra", "compounds")

    def __init__(self, token: Token, hits: tuple[tuple[int, float, str], ...], good: int) -> None:
        self.token = token
        self.hits = hits
        self.good = good
        self.weight = -1.0  # (not yet computed)
        self.extra: tuple[float, float] = (0.0, 0.0)
        self.compounds: tuple[tuple[float, tuple[int, ...]], ...] | None = None


class _QueryMemo:
    """What :func:`align` works out once per query name and reuses for every listed
    name it is aligned with.

    A screened name meets about four times as many listed tokens as distinct ones:
    the aliases of a listing repeat their words, and the index shares one object
    per distinct token between listings. How a listed token compares with each
    query token, and which compounds of one side match a token of the other, are
    pure functions of the query name, the token statistics and that token (or
    compound string), so they are computed once per query and looked up after.
    Entries hold the listed token itself, so that the identity they are keyed by
    stays valid while they live.
    """

    __slots__ = (
        "query",
        "stats",
        "qs",
        "nq",
        "q_info",
        "q_runs",
        "q_init",
        "pairs",
        "joined",
        "results",
        "_weights",
        "_targets",
        "_run_lens",
        "_abjad_runs",
        "syllabic",
    )

    def __init__(
        self, query: AnalyzedName, stats: TokenStats | None, syllabic: bool = False
    ) -> None:
        qs = query.informative
        self.query = query
        self.stats = stats
        self.qs = qs
        self.nq = len(qs)
        last = len(qs) - 1
        # per query token what the pair comparison reads; ``cut``: the last word of
        # a name that may have been cut off (compared as a prefix if nothing fits)
        self.q_info = [
            (
                i,
                q,
                q.text,
                q.role,
                q.raw,
                q.role == "name" and not q.script_form,
                q.abjad,
                q.symbols,
                q.script_form,
                query.truncated and i == last and len(q.raw) >= 2,
                q.key,
            )
            for i, q in enumerate(qs)
        ]
        self.q_runs: tuple[tuple[int, int, str], ...]
        self.q_init: frozenset[str] | None
        if query.active is not None:
            self.q_runs, self.q_init = query.compounds, query.compound_initials
        else:
            self.q_runs, self.q_init = compound_runs(qs), None
        # id(listed token) -> what is known of it
        self.pairs: dict[int, _Listed] = {}
        # listed compound string -> query tokens it matches ((i, sim), …)
        self.joined: dict[str, tuple[tuple[int, float], ...]] = {}
        # the listed tokens of a name (by identity) -> (those tokens, alignment): the
        # same name published by several authorities, or repeated among a listing's
        # aliases, is made of the same shared token objects and aligned once
        self.results: dict[tuple[int, ...], tuple[tuple[Token, ...], Alignment]] = {}
        self._weights: tuple[list[float], list[tuple[float, float]], bool] | None = None
        self._targets: tuple[list[tuple[int, str]], frozenset[int]] | None = None
        self._run_lens: frozenset[int] | None = None
        self._abjad_runs: tuple[tuple[int, int, str, str], ...] | None = None
        # the query was read from Thai: a word a syllable off is another name
        self.syllabic = syllabic

    def weights(self) -> tuple[list[float], list[tuple[float, float]], bool]:
        """Per query token its weight and extras (:func:`extra_of`), and whether
        the query states a filiation (``bin``)."""
        if self._weights is None:
            ws = [_weight_of(t, self.stats) for t in self.qs]
            extras = [extra_of(t, w) for t, w in zip(self.qs, ws, strict=True)]
            has_bin = any(t.role == "particle" and t.text == "bin" for t in self.qs)
            self._weights = (ws, extras, has_bin)
        return self._weights

    def targets(self) -> tuple[list[tuple[int, str]], frozenset[int]]:
        """The query tokens a listed compound may match, as ``(index, folded
        text)``, and the lengths a compound string needs to match one of them."""
        if self._targets is None:
            found = [
                (i, t.text if t.role == "name" else fold_token(t.raw))
                for i, t in enumerate(self.qs)
                if t.role not in ("number", "initial") and len(t.raw) >= 3
            ]
            lens = frozenset(len(f) + d for _, f in found for d in range(-2, 3))
            self._targets = (found, lens)
        return self._targets

    def run_lens(self) -> frozenset[int]:
        """The lengths a listed token needs to match one of the query's compounds
        (within two letters of one)."""
        if self._run_lens is None:
            self._run_lens = frozenset(
                len(joined) + d for _, _, joined in self.q_runs for d in range(-2, 3)
            )
        return self._run_lens

    def abjad_runs(self) -> tuple[tuple[int, int, str, str], ...]:
        """The query's compounds written in an abjad, with the :func:`abjad_key`
        of their letters joined (``کمالی سروستانی`` → ``kmlsrstn``) and their
        folded concatenation: a Latin word that writes them as one
        (*Kamalisarvestani*, ``أبو بكر`` *Abubakar*) has the vowels the abjad
        leaves out, so its length is not the compound's; it is compared by key
        (:func:`_abjad_similarity`), and it must write at least as many letters
        as the abjad does, within the edit budget of them
        (:func:`string_similarity`), which keeps two words from meeting a name
        their consonants spell by chance (ایلیا ضابطی, *Ilya Zabeti*, is not
        *Elizabeth*; پریا صیادی, *Parya Sayadi*, not *Prasad*)."""
        if self._abjad_runs is None:
            qs = self.qs
            self._abjad_runs = tuple(
                (
                    start,
                    end,
                    abjad_key(fold_token("".join(t.raw for t in qs[start:end]))),
                    joined,
                )
                for start, end, joined in self.q_runs
                if end <= len(qs) and all(t.abjad for t in qs[start:end])
            )
        return self._abjad_runs

    def listed(self, r: Token) -> _Listed:
        """How the listed token ``r`` compares with each query token (cached): the
        :func:`token_similarity` of each pair, written out for speed."""
        rt = r.text
        rr = r.role
        r_raw = r.raw
        r_form = r.script_form
        r_plain = rr == "name" and not r_form
        r_abjad = r.abjad
        r_symbols = r.symbols
        r_key: str | None = None
        r_closed = rr in _NO_FUZZY
        hits: list[tuple[int, float, str]] = []
        good = 0
        for i, q, qt, qr, q_raw, q_plain, q_abjad, q_symbols, q_form, cut, q_key in self.q_info:
            if (
                r_raw == ALLAH or q_raw == ALLAH or r_raw == DIN or q_raw == DIN
            ) and _compound_end_against_a_name(q, r):
                s, how = 0.0, ""
            elif qt == rt and not (q_form and r_form):
                s, how = (
                    (0.0, "")
                    if q_raw != r_raw and (other_acronym(q, r) or other_company_kind(q, r))
                    else (1.0, "exact")
                )
            elif r_plain and q_plain:
                if q_symbols and r_symbols and not q_symbols.isdisjoint(r_symbols):
                    s, how = SYMBOL_SIM, "symbol"
                elif r_abjad == q_abjad:
                    s = string_similarity(qt, rt)
                    how = "fuzzy"
                else:
                    if r_key is None:
                        r_key = r.key
                    s = abjad_pair_similarity(q, r, q_key, r_key, self.syllabic)
                    how = "abjad"
                if s < MIN_SIM and cut and r_raw.startswith(q_raw):
                    s, how = TRUNCATED_SIM, "truncated"
            else:
                # token_similarity(q, r), the texts being different
                if q_form and r_form:
                    s, how = (1.0, "exact") if q_form == r_form else (0.0, "")
                elif qr != rr and q_raw == r_raw and q_raw:
                    s, how = 1.0, "exact"
                elif r_closed or qr in _NO_FUZZY:
                    s, how = 0.0, ""
                elif qr == "initial" or rr == "initial":
                    s, how = 0.0, ""
                    if qr != rr:
                        init, full = (q, r) if qr == "initial" else (r, q)
                        if initial_of(init, full):
                            s, how = INITIAL_SIM, "initial"
                elif q_symbols and r_symbols and not q_symbols.isdisjoint(r_symbols):
                    s, how = SYMBOL_SIM, "symbol"
                elif q_abjad != r_abjad:
                    if r_key is None:
                        r_key = r.key
                    s = abjad_pair_similarity(q, r, q_key, r_key, self.syllabic)
                    how = "abjad"
                elif q_form or r_form:
                    # a Chinese or Korean syllable is a morpheme: it meets a Latin
                    # word spelt as it is read, or sharing its name item, not one
                    # spelt nearly so (jong/yong, bo/pao)
                    s, how = 0.0, ""
                else:
                    s = string_similarity(qt, rt)
                    how = "fuzzy"
                if s < MIN_SIM and cut and qr == "name" and r_raw.startswith(q_raw):
                    s, how = TRUNCATED_SIM, "truncated"
            if self.syllabic and how in ("fuzzy", "abjad") and s >= MIN_SIM:
                if (
                    syllable_differs(q_raw, r_raw)
                    or written_vowel_differs(q_raw, r_raw)
                    or final_differs(q_raw, r_raw)
                ):
                    s = 0.0
            if s >= MIN_SIM:
                hits.append((i, s, how))
                if s >= 0.9:
                    good |= 1 << i
        entry = _Listed(r, tuple(hits), good)
        if len(self.pairs) > _MEMO_LIMIT:
            self.pairs.clear()
        self.pairs[id(r)] = entry
        return entry

    def target(self, entry: _Listed) -> tuple[tuple[float, tuple[int, ...]], ...]:
        """The query compounds whose concatenation matches the listed token of
        ``entry`` (cached in the entry)."""
        r = entry.token
        found: list[tuple[float, tuple[int, ...]]] = []
        initials = self.q_init
        if not (r.role in ("number", "initial") or len(r.raw) < 3) and not (
            initials is not None
            and r.raw[:1] not in initials
            and r.text[:1] not in initials
            and r.raw[:1] not in _VOWELS
            and initials.isdisjoint(_VOWELS)
        ):
            folded = r.text if r.role == "name" else fold_token(r.raw)
            tlen = len(folded)
            if tlen in self.run_lens():
                for start, end, joined in self.q_runs:
                    if abs(len(joined) - tlen) > 2:
                        continue
                    s = string_similarity(joined, folded)
                    if s >= 0.75:
                        found.append((s, run_indices(start, end, len(self.qs))))
            if not r.abjad and not found and self.abjad_runs():
                r_key = r.key
                for start, end, key, joined in self.abjad_runs():
                    # (a key of three letters is weak evidence: the letters
                    # written must spell the word too, کی ارش *Kiarash*)
                    long_enough = len(key) >= 4 or (
                        len(key) == 3 and string_similarity(joined, folded) >= _SHORT_RUN_SIM
                    )
                    s = _abjad_similarity(key, r_key) if long_enough else 0.0
                    if s >= 0.9 and tlen >= len(joined) and string_similarity(joined, folded) > 0:
                        found.append((s, run_indices(start, end, len(self.qs))))
        out = tuple(found) if found else ()
        entry.compounds = out
        return out

    def compound(self, joined: str) -> tuple[tuple[int, float], ...]:
        """The query tokens that the listed compound string ``joined`` matches
        (before the per-name filters; cached)."""
        found: list[tuple[int, float]] = []
        jlen = len(joined)
        for i, folded in self.targets()[0]:
            if abs(jlen - len(folded)) > 2:
                continue
            s = string_similarity(joined, folded)
            if s >= 0.75:
                found.append((i, s))
        out = tuple(found)
        if len(self.joined) > _MEMO_LIMIT:
            self.joined.clear()
        self.joined[joined] = out
        return out


def _abjad_runs_of_result(
    rs: tuple[Token, ...],
    r_runs: tuple[tuple[int, int, str], ...],
    targets: list[tuple[int, str]],
    qs: tuple[Token, ...],
    found_r: list[tuple[int, int, float, int, int]],
) -> None:
    """Add to ``found_r`` the listed runs written in an abjad that a Latin
    query token writes as one word (a query *Abubakar* against a listed أبو
    بكر, *Kamalisarvestani* against کمالی سروستانی), compared by consonant key
    as the query's own abjad runs are (:meth:`_QueryMemo.target`), for the
    query tokens that no listed run matched letter by letter."""
    matched = {i for i, *_ in found_r}
    nr = len(rs)
    for k, (start, end, joined) in enumerate(r_runs):
        if end > nr:
            continue  # (a run in the order the name is said: not written so)
        part = rs[start:end]
        if not all(t.abjad for t in part):
            continue
        key = abjad_key(fold_token("".join(t.raw for t in part)))
        if len(key) < 4:
            continue
        for i, folded in targets:
            q = qs[i]
            if i in matched or q.abjad:
                continue
            s = _abjad_similarity(key, q.key)
            if s >= 0.9 and len(folded) >= len(joined) and string_similarity(joined, folded) > 0:
                found_r.append((i, k, s, start, end))


_MEMO_LIMIT: Final = 50_000
QUERY_MEMOS: Final = 64
"""The most query names an :class:`Aligner` remembers (emptied when full): more
than the readings of one query name (a name in Chinese characters or Cyrillic
has up to about 30)."""
_SIMILARITY_WEIGHT: Final = itemgetter(0, 1)
#: Roles whose tokens align only when equal (or written the same).
_NO_FUZZY: Final = frozenset({"number", "legal_form"})


def _weight_of(t: Token, stats: TokenStats | None) -> float:
    return t.weight if stats is None else _weight(t, stats)


def alignment_score(
    agree: float, mass: float, eq: float, er: float, eq_full: float, er_full: float
) -> float:
    """The name score of an alignment: the weight that agreed over the weight in play.

    ``mass`` is the aligned weight, ``eq``/``er`` the (discounted) weight of query
    and listed tokens left unaligned, ``eq_full``/``er_full`` the same undiscounted;
    words left over on both sides count as a substitution. A query whose aligned
    weight is below one is scaled down (little of it was compared)."""
    denom = mass + QUERY_EXTRA * eq + RESULT_EXTRA * er
    if eq_full and er_full:
        denom += SUBSTITUTION * math.sqrt(eq_full * er_full)
    score = agree / denom if denom > 0 else 0.0
    if mass < 1.0:
        score *= 0.55 + 0.45 * mass
    return min(1.0, score)


def aligned_mass(
    pairs: Iterable[AlignedPair], q_w: list[float], r_w: list[float]
) -> tuple[float, float]:
    """The weight that agreed and the weight in play over ``pairs``, given each
    side's token weights: a pair of single words weighs the mean of their
    weights, a compound run the heavier side (the ``agree`` and ``mass`` of
    :func:`alignment_score`)."""
    agree = mass = 0.0
    for pair in pairs:
        if len(pair.query) == 1 and len(pair.result) == 1:
            w = (q_w[pair.query[0]] + r_w[pair.result[0]]) / 2
        else:
            w = max(sum(q_w[i] for i in pair.query), sum(r_w[j] for j in pair.result))
        agree += w * pair.sim
        mass += w
    return agree, mass


def extra_of(t: Token, w: float) -> tuple[float, float]:
    """A token's contribution when left unaligned: to the extras (optional parts a
    third) and to the substitution term (numbers excluded)."""
    return (w * OPTIONAL_SHARE if t.optional else w, 0.0 if t.role == "number" else w)


#: Roles of the words that say what a party does or where, never what it is
#: called: they stand in for no legal form (see :meth:`Aligner.align`).
_DESCRIPTIVE: Final = frozenset({"generic", "location", "number", "stop"})


def _leftovers(
    tokens: Iterable[tuple[Token, tuple[float, float]]],
) -> tuple[float, float, float, bool]:
    """What the tokens left unaligned on one side add up to, each with its
    :func:`extra_of`: the extras, the substitution weight of the words that are
    no legal form, that of the legal forms, and whether a word among them may
    stand in for a legal form (it is not :data:`_DESCRIPTIVE`)."""
    extras = full = forms = 0.0
    named = False
    for token, (extra, whole) in tokens:
        extras += extra
        if token.role == "legal_form":
            forms += whole
        else:
            full += whole
            named = named or token.role not in _DESCRIPTIVE
    return extras, full, forms, named


class Aligner:
    """Aligns query names with listed names, given the token statistics it holds.

    The caller owns it: the statistics (``None``: every token at its analysed
    weight) are fixed for its life, so the same pair always gets the same score
    from the same aligner, and the memos of the last query names
    (:class:`_QueryMemo`, up to :data:`QUERY_MEMOS`) live here, not in the
    module. A screener keeps one per index; a one-off comparison makes its own.

    Several memos, not one: screening aligns each reading of a query (a name in
    Arabic script read with and without its Persian or Maghrebi spellings, one
    in Chinese characters in Mandarin, Cantonese …) with the names of every
    candidate in turn, so a single memo would be rebuilt for every reading of
    every candidate, and each listed token and name compared afresh.
    """

    __slots__ = ("stats", "_memo", "_memos")

    def __init__(self, stats: TokenStats | None = None) -> None:
        self.stats = stats
        self._memo: _QueryMemo | None = None
        # id(query name) -> its memo (which holds the name, keeping its id valid)
        self._memos: dict[int, _QueryMemo] = {}

    def align(self, query: AnalyzedName, result: AnalyzedName, syllabic: bool = False) -> Alignment:
        """Align ``query`` with ``result`` and score it, without building result
        objects (the fast path used for every name of every candidate).

        The per-token work of a query name is remembered (:class:`_QueryMemo`)
        while the same query is aligned with further names, which screening (one
        query against the names of dozens of listings) does most. ``syllabic``:
        the query was read from Thai (:func:`syllable_differs`), which a query
        name's memo keeps from its first alignment."""
        memo = self._memo
        if memo is None or memo.query is not query:
            memos = self._memos
            memo = memos.get(id(query))
            if memo is None or memo.query is not query:
                memo = _QueryMemo(query, self.stats, syllabic)
                if len(memos) >= QUERY_MEMOS:
                    memos.clear()
                memos[id(query)] = memo
            self._memo = memo
        rs = result.active
        if rs is None:
            return _align_memo(memo, result)
        key = tuple([id(t) for t in rs])  # (compiled, id() is native; map calls it through Python)
        known = memo.results.get(key)
        if known is not None:  # (the tokens it holds keep their ids from being reused)
            return known[1]
        alignment = _align_memo(memo, result)
        if len(memo.results) > _MEMO_LIMIT:
            memo.results.clear()
        memo.results[key] = (rs, alignment)
        return alignment

    def best_of(
        self,
        query: AnalyzedName,
        names: tuple[tuple[AnalyzedName, str], ...],
        factors: dict[str, float],
        enough: float = 1.0,
        syllabic: bool = False,
    ) -> BestName | None:
        """The listed name that aligns best with ``query``: its alignment, the
        name, its kind and its score times the factor of its kind in ``factors``
        (1 when absent). The first name to reach ``enough`` ends the search:
        by default a name that aligns in full (score 1, which no other can
        beat); a name nearly as good does not, for an exact one may follow
        (*AH JOE* is listed after *AH CHOU*, 0.96, and *VARELA, Wilber Alirio*
        after *GARCIA VARELA, Wilber Alirio*, 0.96: the features that read the
        names tell those apart, and would find another person in them).
        ``syllabic``: the query was read from Thai (:meth:`align`). ``None``
        when there are no names."""
        best: Alignment | None = None
        best_name: AnalyzedName | None = None
        best_kind = "primary"
        best_score = 0.0
        for name, kind in names:
            al = self.align(query, name, syllabic)
            s = al.score * factors.get(kind, 1.0)
            if best is None or s > best_score:
                best, best_name, best_kind, best_score = al, name, kind, s
                if s >= enough:
                    break
        if best is None or best_name is None:
            return None
        return BestName(best, best_name, best_kind, best_score)


class BestName(NamedTuple):
    """The listed name that aligned best (:meth:`Aligner.best_of`): its alignment,
    the name, its kind (``primary``, ``alias``, ``weak`` …) and its score after
    the factor of its kind."""

    alignment: Alignment
    name: AnalyzedName
    kind: str
    score: float


def align(query: AnalyzedName, result: AnalyzedName, stats: TokenStats | None = None) -> Alignment:
    """Align ``query`` with ``result`` once (:meth:`Aligner.align` of a new aligner
    holding ``stats``)."""
    return Aligner(stats).align(query, result)


def _align_memo(memo: _QueryMemo, result: AnalyzedName) -> Alignment:
    """The alignment of ``memo``'s query with ``result``: every token pair (as
    :meth:`_QueryMemo.listed` found them), then compounds, then the greedy
    alignment and the score. (A plain reference implementation, with no memo,
    is kept in the tests as an oracle.)"""
    qs = memo.qs
    rs = result.active
    if rs is None:
        rs = result.informative
    if not qs or not rs:
        return _EMPTY
    nq = memo.nq
    nr = len(rs)
    pairs_memo = memo.pairs
    listed: list[_Listed] = []
    singles: list[tuple[int, int, float, str]] = []
    q_good = 0
    r_good = 0
    for j, r in enumerate(rs):
        entry = pairs_memo.get(id(r))
        if entry is None or entry.token is not r:
            entry = memo.listed(r)
        listed.append(entry)
        if entry.hits:
            for i, s, how in entry.hits:
                singles.append((i, j, s, how))
            if entry.good:
                q_good |= entry.good
                r_good |= 1 << j
    cands: list[tuple[float, float, tuple[int, ...], tuple[int, ...], str]] = []
    if singles:
        if len(singles) > 1:
            singles.sort()  # query-major order, as the direct loop enumerates pairs
        for i, j, s, how in singles:
            cands.append((s, qs[i].weight + rs[j].weight, (i,), (j,), how))
    if (q_good.bit_count() < nq or r_good.bit_count() < nr) and (cands or nq != nr):
        # some token has no close partner: it may be part of a compound
        if nq > 1 and memo.q_runs:
            for j, entry in enumerate(listed):
                if r_good >> j & 1:
                    continue
                found = entry.compounds
                if found is None:
                    found = memo.target(entry)
                for s, run in found:
                    cands.append((s + 0.01, 2.0, run, (j,), "compound"))
        if nr > 1:
            if result.active is not None:
                r_runs, r_init = result.compounds, result.compound_initials
            else:
                r_runs, r_init = compound_runs(rs), None
            if r_runs:
                targets, lens = memo.targets()
                if targets:
                    joined_memo = memo.joined
                    found_r: list[tuple[int, int, float, int, int]] = []
                    for k, (start, end, joined) in enumerate(r_runs):
                        if len(joined) not in lens:
                            continue
                        matches = joined_memo.get(joined)
                        if matches is None:
                            matches = memo.compound(joined)
                        for i, s in matches:
                            found_r.append((i, k, s, start, end))
                    if any(t.abjad for t in rs):
                        _abjad_runs_of_result(rs, r_runs, targets, qs, found_r)
                    if found_r:
                        found_r.sort()  # query-token-major
                        for i, _k, s, start, end in found_r:
                            if q_good >> i & 1:
                                continue
                            t = qs[i]
                            if (
                                r_init is not None
                                and t.raw[:1] not in r_init
                                and t.text[:1] not in r_init
                                and t.raw[:1] not in _VOWELS
                                and r_init.isdisjoint(_VOWELS)
                            ):
                                continue
                            cands.append(
                                (s + 0.01, 2.0, (i,), run_indices(start, end, nr), "compound")
                            )
    if not cands:
        return _EMPTY
    if len(cands) > 1:
        # best similarity, then heaviest, first; equal ones in the order found (a
        # reversed stable sort keeps it, and a C key costs less than a lambda)
        cands.sort(key=_SIMILARITY_WEIGHT, reverse=True)
    q_weights, q_extra, q_bin = memo.weights()
    stats = memo.stats
    for entry in listed:
        if entry.weight < 0:
            w_r = _weight_of(entry.token, stats)
            entry.weight = w_r
            entry.extra = extra_of(entry.token, w_r)
    r_bin = False
    if q_bin:
        for t in rs:
            if t.role == "particle" and t.text == "bin":
                r_bin = True
    q_used: set[int] = set()
    r_used: set[int] = set()
    pairs: list[AlignedPair] = []
    agree = mass = 0.0
    for s, _w, qi, rj, how in cands:
        if len(qi) == 1 and len(rj) == 1:
            i, j = qi[0], rj[0]
            if i in q_used or j in r_used:
                continue
            q_used.add(i)
            r_used.add(j)
            if q_bin and r_bin and qs[i].after_bin != rs[j].after_bin:
                # "Abdullah bin Omar" is not "Omar bin Abdullah": the father's name
                # aligned with the person's own name
                s *= 0.3
                how = "filiation"
            w = (q_weights[i] + listed[j].weight) / 2
        else:
            if any(i in q_used for i in qi) or any(j in r_used for j in rj):
                continue
            q_used.update(qi)
            r_used.update(rj)
            s = min(s, 1.0)
            w = max(sum(q_weights[i] for i in qi), sum(listed[j].weight for j in rj))
        agree += w * s
        mass += w
        pairs.append(AlignedPair(qi, rj, s, how))
    eq, eq_full, q_forms, q_named = _leftovers(
        (qs[i], q_extra[i]) for i in range(nq) if i not in q_used
    )
    er, er_full, r_forms, r_named = _leftovers(
        (rs[j], listed[j].extra) for j in range(nr) if j not in r_used
    )
    # a legal form left on one side, against only generic words and places on
    # the other, was dropped or moved, not replaced ("Aeroflot Russian
    # Airlines" against "PJSC AEROFLOT"); against a legal form or a name word
    # (an unread form: ANO against LLC) it is one in place of another
    if q_forms and (r_forms or r_named):
        eq_full += q_forms
    if r_forms and (q_forms or q_named):
        er_full += r_forms
    return Alignment(alignment_score(agree, mass, eq, er, eq_full, er_full), pairs, q_used, r_used)


def name_match(query: AnalyzedName, result: AnalyzedName, alignment: Alignment) -> NameMatch:
    """Build the :class:`NameMatch` of an :func:`align` result."""
    qs = query.informative
    rs = result.informative
    score = alignment.score
    raw_pairs = alignment.pairs
    q_used = alignment.query_used
    r_used = alignment.result_used
    if len(raw_pairs) > 1:
        raw_pairs = sorted(raw_pairs, key=_first_query_index)
    pairs = tuple(
        [
            Pair(
                (qs[qi[0]],) if len(qi) == 1 else tuple([qs[i] for i in qi]),
                (rs[rj[0]],) if len(rj) == 1 else tuple([rs[j] for j in rj]),
                s,
                how,
            )
            for qi, rj, s, how in raw_pairs
        ]
    )
    return NameMatch(
        score,
        query,
        result,
        pairs,
        tuple([t for i, t in enumerate(qs) if i not in q_used]),
        tuple([t for j, t in enumerate(rs) if j not in r_used]),
    )


def _first_query_index(pair: AlignedPair) -> int:
    return pair.query[0]


def compare_names(
    query: AnalyzedName, result: AnalyzedName, stats: TokenStats | None = None
) -> NameMatch:
    """Align ``query`` with the listed name ``result`` and score the alignment
    (with the token statistics ``stats``, if given)."""
    return name_match(query, result, align(query, result, stats))
