"""Folding of romanisation variants: one spelling per way of writing a sound.

The same name reaches the lists through many romanisation systems (BGN/PCGN, ISO 9,
German, French and English conventions, Arabic and Persian schemes, Korean
McCune-Reischauer and Revised Romanisation, …). :func:`fold_token` rewrites a
lower-case ASCII word so that spellings that differ only by such conventions
become identical, for example:

=====================================  =================
written                                folded
=====================================  =================
Dmitriev, Dmitriyev, Dmitrijev         ``dmitriev``
Zelensky, Zelenskyy, Zelenskiy, -skij  ``zelenski``
Aleksandr, Alexandr                    ``aleksandr``
Mohammed, Mohamed                      ``mohamed``
Youssef, Yusef                         ``yusef``
Khodorkovsky, Chodorkowski             (close: ``hodorkovski`` / ``hodorkovski``)
=====================================  =================

The rules are general phonetic equivalences, applied in order: ``ph→f``,
``x→ks``, ``w→v``, ``q→k``, ``ck→k``, ``c`` before ``e/i/y`` → ``s`` and other
``c`` (outside ``ch``) → ``k``, ``kh→h``, ``dzh/dj→j``, ``sch/tsch→sh/ch``,
Polish ``cz→ch``, ``shh→shch`` (Щ),
``th→t``, ``dh→d``, ``gh→g``, ``ou/oo→u``, ``ee→i``, ``j`` between vowels → ``y``,
``y`` not before a vowel → ``i``, doubled letters collapse, a final ``h`` after a
vowel is dropped.

:func:`skeleton` removes the vowels of a folded word: two spellings whose
skeletons agree differ only in vowels (``muhamad`` / ``mohamed`` → ``mhmd``).
:func:`abjad_key` is the coarser key used when one side was written in an abjad
(Arabic, Persian, Hebrew), where short vowels are not written at all and the
letters *w* and *y* (and *h* at the end of a word) double as vowel signs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Final

_VOWELS: Final = frozenset("aeiouy")

_RULE_SPECS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # (pattern, replacement, substrings of which one must occur for a match;
    # for a pattern anchored at the word's end, $, one of them must end it)
    (r"ph", "f", ("ph",)),
    (r"x", "ks", ("x",)),
    (r"w", "v", ("w",)),
    (r"q", "k", ("q",)),
    (r"ck", "k", ("ck",)),
    (r"tsch", "ch", ("tsch",)),
    (r"sch", "sh", ("sch",)),
    (r"tch", "ch", ("tch",)),
    # Щ as GOST 7.79 and OFSI write it (RUSHHAK, Рущак: Rushchak)
    (r"shh", "shch", ("shh",)),
    # Polish cz (Abramowicz, Wilczek, Szewczenko: the ch of -vich, Vilchek)
    (r"cz", "ch", ("cz",)),
    (r"c(?=[eiy])", "s", ("ce", "ci", "cy")),
    (r"c(?!h)", "k", ("c",)),
    (r"kh", "h", ("kh",)),
    (r"dzh|dj", "j", ("dzh", "dj")),
    (r"zh", "j", ("zh",)),
    (r"th", "t", ("th",)),
    (r"dh", "d", ("dh",)),
    (r"gh", "g", ("gh",)),
    (r"ou|oo", "u", ("ou", "oo")),
    # the ye that English spellings of Russian names write for е after a
    # vowel, in the -ev of surnames and patronymics (Matveyev, Sergeyevna,
    # Nikolayevich; Матвеев, Сергеевна, Николаевич as read: Matveev,
    # Sergeevna, Nikolaevich)
    (r"(?<=[aeo])yev", "ev", ("yev",)),
    (r"ee", "i", ("ee",)),
    (r"(?<=[aeiou])j(?=[aeiou])", "y", ("aj", "ej", "ij", "oj", "uj")),
    (r"(?<=[aeiou])j$", "i", ("aj", "ej", "ij", "oj", "uj")),
    (r"ij(?=[aeiou])", "i", ("ij",)),
    (r"iy(?=[aeiou])", "i", ("iy",)),
    (r"y(?![aeiou])", "i", ("y",)),
    (r"(.)\1+", r"\1", ()),
    (r"(?<=[aeiou])h$", "", ("ah", "eh", "ih", "oh", "uh")),
)


def _group_one(match: re.Match[str]) -> str:
    return match.group(1)


_Repl = str | Callable[[re.Match[str]], str]
_DOUBLED: Final = re.compile(r"(.)\1+")
"""The rule collapsing doubled letters (the only one without a trigger substring)."""


def _letters(word: str) -> int:
    """The letters *a* to *z* that ``word`` holds, as bits (*a* the lowest);
    other characters add none."""
    bits = 0
    for c in word:
        k = ord(c) - 97
        if 0 <= k < 26:
            bits |= 1 << k
    return bits


class _Rule:
    """One folding rule of :data:`_RULE_SPECS`, ready to apply.

    ``triggers`` are the substrings of which one must occur in the word for the
    pattern to match (empty: always tried), ``trigger`` the one when there is
    one; ``ending``: the pattern is anchored at the word's end, and one of
    them must end the word. ``letters`` are the letters that every trigger
    holds, as bits (:func:`_letters`): a word lacking one of them is skipped
    without a substring search. ``plain`` is the replacement of a pattern
    that is one plain string, its own trigger (``ph`` → ``f``), applied with
    :meth:`str.replace`, which substitutes the same non-overlapping
    occurrences from left to right as the pattern would. (A plain class, not
    tuples: compiled, its attributes are read natively, where unpacking a
    tuple checks the type of every item.)"""

    __slots__ = ("ending", "letters", "pattern", "plain", "repl", "trigger", "triggers")

    def __init__(self, pattern: str, repl: str, triggers: tuple[str, ...]) -> None:
        self.pattern = _DOUBLED if pattern == _DOUBLED.pattern else re.compile(pattern)
        # a template replacement ("\\1") is parsed again on every call: a function is not
        self.repl: _Repl = _group_one if repl == r"\1" else repl
        self.trigger = triggers[0] if len(triggers) == 1 else None
        self.triggers = triggers
        self.ending = pattern.endswith("$")
        letters = _letters(triggers[0]) if triggers else 0
        for alternative in triggers[1:]:
            letters &= _letters(alternative)
        self.letters = letters
        plain = triggers == (pattern,) and re.escape(pattern) == pattern and "\\" not in repl
        self.plain = repl if plain else None


#: The folding rules in order. Skipping a rule whose trigger is absent cannot
#: change the result, and most words trigger only a few rules.
_RULES: Final[tuple[_Rule, ...]] = tuple(_Rule(p, r, t) for p, r, t in _RULE_SPECS)


@lru_cache(maxsize=200_000)
def fold_token(word: str) -> str:
    """Fold a lower-case ASCII word onto its canonical romanisation.

    Digits and words shorter than two letters are returned unchanged. Cached;
    :func:`fold_word` is the same without the cache (for one-off words).
    """
    return fold_word(word)


def fold_word(word: str) -> str:
    """:func:`fold_token` without its cache."""
    if len(word) < 2 or not word.isalpha():
        return word
    out = word
    # (the word's letters as bits, kept up to date: a rule whose triggers
    # need a letter the word lacks, most rules for most words, is skipped by
    # one native test instead of a substring search per trigger)
    letters = _letters(out)
    for rule in _RULES:
        need = rule.letters
        if (letters & need) != need:
            continue
        trigger = rule.trigger
        if trigger is not None:
            if not (out.endswith(trigger) if rule.ending else trigger in out):
                continue
            plain = rule.plain
            if plain is not None:
                out = out.replace(trigger, plain)
                letters = _letters(out)
                continue
        elif rule.triggers:
            if rule.ending:
                if not out.endswith(rule.triggers):
                    continue
            else:
                for alternative in rule.triggers:
                    if alternative in out:
                        break
                else:
                    continue
        elif rule.pattern is _DOUBLED and not _has_double(out):
            continue  # (the one rule without a trigger: most words double no letter)
        folded = rule.pattern.sub(rule.repl, out)
        if folded != out:  # (a triggered pattern may still not match)
            out = folded
            letters = _letters(out)
    return out or word


def _has_double(word: str) -> bool:
    """Whether ``word`` has a letter twice in a row (what :data:`_DOUBLED` collapses)."""
    previous = ""
    for c in word:
        if c == previous:
            return True
        previous = c
    return False


@lru_cache(maxsize=200_000)
def skeleton(folded: str) -> str:
    """The consonants of a folded word (vowels and *y* removed)."""
    if not folded.isalpha():
        return folded
    return "".join(c for c in folded if c not in _VOWELS) or folded[:1]


_ABJAD_DROP: Final = frozenset("aeiouyvw")
_INITIAL_VOWELS: Final = frozenset("aeiou")
#: Letters before a final *h* that make a digraph with it (``sh``, ``kh`` …):
#: any other final *h* is a vowel sign (``Leah``, ``Salameh``, ``سلامه``).
_H_DIGRAPH: Final = frozenset("cdgkpstz")
_ABJAD_RULES: Final[tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]] = tuple(
    (re.compile(p), r, t)
    for p, r, t in (
        (r"ph", "f", ("ph",)),
        (r"x", "ks", ("x",)),
        (r"q", "k", ("q",)),
        (r"ck", "k", ("ck",)),
        # the ch of English, German and Polish spellings (Kutcher, Markowitsch,
        # Wilczek), which the abjads write with one letter (צ׳, چ)
        (r"tsch|tch|cz", "ch", ("tsch", "tch", "cz")),
        (r"c(?=[eiy])", "s", ("c",)),
        (r"c(?!h)", "k", ("c",)),
        # (Persian ژ before kh is read: a z and a kh, צח *Tzachi*, stay two)
        (r"(?<!t)zh", "j", ("zh",)),
        # (kh is h, written x until the end: its h after s, t, d or g makes
        # no digraph with them, سخی *Sakhi* is s-kh, not sh)
        (r"kh", "x", ("kh",)),
        (r"dzh|dj", "j", ("dzh", "dj")),
        (r"th", "t", ("th",)),
        (r"dh", "d", ("dh",)),
        (r"gh", "g", ("gh",)),
        # letters that the abjads write with one sign, or that their languages
        # read alike: Persian ژ (zh, j), Hebrew ח (h, ch), Hebrew פ (p, f),
        # Persian ق and غ (gh, g) beside Arabic ق (q, k)
        (r"ch", "h", ("ch",)),
        # Hebrew צ, which Latin spellings write tz or ts as often as z (Tzvi,
        # Tsvi, Zvi; Yitzhak, whose z and h are two letters): only in words
        # with vowels, not in a reading of the Arabic script (انتظامی
        # *antzamy*, ت and ظ)
        (r"t[sz]", "z", ("tz", "ts")),
        (r"p", "f", ("p",)),
        (r"g", "k", ("g",)),
        # ש is sh or s, and the Latin spellings of Hebrew and Arabic names
        # write ش and س alike often enough (Yisrael, Israel; Moshe, Schumer)
        (r"sh", "s", ("sh",)),
        (r"x", "h", ("x",)),
    )
)
#: The rule of Hebrew צ (:data:`_ABJAD_RULES`), applied only to words with
#: the vowels a reading of a consonantal script never writes.
_TSADI: Final = next(p for p, _r, t in _ABJAD_RULES if t == ("tz", "ts"))
_VOWEL_SIGNS: Final = frozenset("eiou")


def _tsadi_folds(word: str) -> bool:
    """Whether :data:`_TSADI` applies to ``word``: a Latin word (one with a
    vowel other than *a*, or ending in *tz*: *Katz*), not a reading."""
    if "tz" not in word and "ts" not in word:
        return False  # (nor a t and an s that folding joins: *Bathsheba*)
    return not _VOWEL_SIGNS.isdisjoint(word) or word.endswith("tz")


@lru_cache(maxsize=200_000)
def abjad_key(word: str) -> str:
    """The key compared when a side was written in an abjad: the consonants of the
    word *as written* (only consonant spellings folded: ``q→k``, ``ph→f``, and
    the consonants an abjad writes with one letter: ``p/f``, ``g/k``, ``zh/j``,
    ``ch/h``, ``sh/s``),
    without the letters that double as vowel signs (*w*, *y*), doubled
    letters collapsed. ``siraj`` keeps its ``j`` (``srj``), unlike ``yasar``
    (``sr``). An *h* is a consonant (``محمدرضا`` is ``mhmdrz``, not
    *Hamidreza*'s ``hmdrz``) except at the end of the word, where both the
    abjads (``ه``, ``ה``) and romanisations (*-ah*, *-eh*) write it for a
    vowel: ``lea`` and ``leah`` are both ``l``. A first vowel is kept, as
    ``a``, since the abjads write it (alef, ayin): ``احسان`` *Ehsan* is
    ``ahsn``, ``حسین`` *Hossein* ``hsn``."""
    if not word.isalpha():
        return word
    tsadi = _tsadi_folds(word)
    if len(word) > 1 and word[-1] == "h" and word[-2] not in _H_DIGRAPH:
        word = word[:-1]
    # a word that begins with a vowel keeps it, as ``a``: the abjads write
    # it (alef, ayin: احسان *Ehsan* is ``ahsn``, حسین *Hossein* ``hsn``)
    # (a French *ou* before a vowel is the consonant w: *Ouahiba* وهيبة)
    initial = "a" if word[0] in _INITIAL_VOWELS and not _FRENCH_W.match(word) else ""
    for pattern, repl, triggers in _ABJAD_RULES:
        for trigger in triggers:
            if trigger in word:
                if pattern is _TSADI and not tsadi:
                    break
                word = pattern.sub(repl, word)
                break
    out: list[str] = []
    for c in word:
        if c in _ABJAD_DROP:
            continue
        if out and out[-1] == c:
            continue
        out.append(c)
    return initial + "".join(out) or word[:1]


#: Latin spellings of a long vowel or a diphthong, which a name written in the
#: Arabic script writes with a letter (و, ي): *Mahmoud* محمود, *Hussein*
#: حسين, *Saeed* سعيد. (*aa* is left out: it often stands for an ayin the
#: reading drops, *Jaafar* جعفر.)
_LONG_VOWELS: Final = ("oo", "ou", "ee", "ei", "ai")
#: The Latin vowels that may write each vowel letter of a consonantal reading:
#: alef *a* (also *e*, *o*), waw *u*, *o* (also *w*, *v* as a consonant), yeh
#: *i*, *e* (also *y*).
_VOWEL_LETTER_SPELLINGS: Final = {
    "a": frozenset("aeo"),
    "w": frozenset("uowv"),
    "y": frozenset("iey"),
}


#: A French *ou* before a vowel at the start of a word: the consonant w
#: (*Ouahiba* وهيبة, *Oualid* وليد).
_FRENCH_W: Final = re.compile("ou[aeiy]")


def _key_slots(word: str) -> tuple[str, list[str]]:
    """The :func:`abjad_key` of ``word`` and, for each gap between two of its
    consonants, the letters the key leaves out there (vowels, *w*, *y*, *v*)."""
    if len(word) > 1 and word[-1] == "h" and word[-2] not in _H_DIGRAPH:
        word = word[:-1]
    key = "a" if word[:1] in _INITIAL_VOWELS and not _FRENCH_W.match(word) else ""
    rest = word[1:] if key else word
    for pattern, repl, triggers in _ABJAD_RULES:
        for trigger in triggers:
            if trigger in rest:
                if pattern is _TSADI and not _tsadi_folds(word):
                    break
                rest = pattern.sub(repl, rest)
                break
    gaps: list[str] = []
    gap = ""
    for c in rest:
        if c in _ABJAD_DROP:
            gap += c
        elif key and key[-1] == c:
            # (doubled, or the same consonant after a vowel: the key keeps one;
            # the gaps on either side stay apart, the e, e of *Tenenbaum* are
            # no long ee)
            gaps[-1:] = [gaps[-1] + "-" + gap if gap else gaps[-1]] if gaps else []
            gap = ""
        else:
            if key:
                gaps.append(gap)
            key += c
            gap = ""
    return key, gaps


@lru_cache(maxsize=200_000)
def written_vowels_differ(reading: str, latin: str) -> bool:
    """Whether a word read from the Arabic or Hebrew script (``reading``: its
    consonants and the vowel letters it writes, *a* for alef, *w*, *y*) and a
    Latin word with the same :func:`abjad_key`, or one a consonant apart
    (کرزی *krzy*, *Qureishi* *krs*), disagree on a vowel between two
    consonants: the script writes a long vowel there that the Latin word
    spells as another vowel (سلامی *slamy* against *Salimi*: alef, *i*), or
    the Latin word spells a long vowel (:data:`_LONG_VOWELS`) where the script
    writes none (حسن *hsn* against *Hussein*, محمد against *Mahmoud*). The
    keys leave vowels out, so such words met as equals although they are
    other names. Readings with vowel signs (Thai, Khmer: *e*, *i*, *o*, *u*)
    are not checked, nor are the ends of words (a final ى is read *a*, a
    first alef takes any vowel)."""
    if not reading.isalpha() or not latin.isalpha() or not _CONSONANTAL.isdisjoint(reading):
        return False
    key, gaps = _key_slots(reading)
    latin_key, latin_gaps = _key_slots(latin)
    if len(key) != len(latin_key) or sum(a != b for a, b in zip(key, latin_key, strict=True)) > 1:
        return False  # (keys of one length, at most one consonant apart: gaps in step)
    if key[:1] == "a" or latin_key[:1] == "a":
        # (after a first vowel the script writes ayin, hamza and alef where a
        # Latin word writes one vowel: عائشة *Aicha*)
        gaps, latin_gaps = gaps[1:], latin_gaps[1:]
    for written, spelt in zip(gaps, latin_gaps, strict=True):
        if not written:
            if any(v in spelt for v in _LONG_VOWELS):
                return True
            continue
        if spelt and any(
            c in _VOWEL_LETTER_SPELLINGS and _VOWEL_LETTER_SPELLINGS[c].isdisjoint(spelt)
            for c in written
        ):
            return True
    return False


#: Vowels that a consonantal reading never writes (see :func:`written_vowels_differ`).
_CONSONANTAL: Final = frozenset("eiou")


def consonantal(reading: str) -> bool:
    """Whether ``reading``, a word read from an abjad, writes no vowel but *a*:
    a reading of a script of consonants (Arabic, Persian, Hebrew), whose
    letters stand one for one, not of one that writes its vowels (Thai,
    Khmer: *sombati*, *kun*), whose romanisations vary otherwise. Retrieval
    (:mod:`thaw.index.candidates`) and the matcher (:mod:`thaw.match`) ask it
    alike."""
    return _CONSONANTAL.isdisjoint(reading)


def first_sounds_differ(reading: str, latin: str) -> bool:
    """Whether a word read from the Arabic or Hebrew script and a Latin word
    begin differently, one with a vowel and the other with a consonant: those
    scripts write a first vowel (alef, ayin: احسان *ahsan*) and a first
    consonant, so محمد is not *Ahmad*, nor أحمد *Mohammad*, and احسان not
    *Hassan*, although their :func:`abjad_key` are one letter apart. A first *y* or *w* of either is
    both (يتسحاق *Itzhak*), and readings with vowel signs (Thai, Khmer) are
    not checked."""
    if not reading or not latin or not _CONSONANTAL.isdisjoint(reading):
        return False
    r, lt = reading[0], latin[0]
    if r in "yw" or lt in "yw" or not r.isalpha() or not lt.isalpha():
        return False
    if lt in _INITIAL_VOWELS:
        # a Latin vowel before the reading's first consonant is a vowel the
        # script leaves out only where it replaces that consonant (محمد
        # *mhmd*, *Ahmad* *ahmd*): before it, it may be the article
        # assimilated (السبسي *Essebsi*) or the linking vowel of a compound
        # the Latin name joins (عبد الرحمن, *Abd-irahman*)
        return r not in _INITIAL_VOWELS and len(abjad_key(reading)) == len(abjad_key(latin))
    if r in _INITIAL_VOWELS and reading[1:2] == "s" and reading[2:3] not in _INITIAL_VOWELS:
        return False  # a prothetic alef before s and a consonant: استانکزی *Stanekzai*
    # the reading's first vowel, which the Latin word lacks (احسان *ahsn*,
    # *Hassan* *hsn*; not a word of a compound the Latin word joins: کی آرش,
    # *Kiarash*), or for which it writes a consonant, the other consonants
    # the same (أحمد *ahmd*, *Mohammad* *mhmd*; a key of four letters at least:
    # a shorter one, *ars* and *krs*, may be the second word of such a compound)
    if r not in _INITIAL_VOWELS:
        return False
    read, spelt = abjad_key(reading), abjad_key(latin)
    return len(read) == len(spelt) + 1 or (len(read) == len(spelt) >= 4 and read[1:] == spelt[1:])


def sh_unwritten(reading: str, latin: str) -> bool:
    """Whether a Latin word spells *sh* more often than a word read from the
    Arabic or Hebrew script does (مصلي *msly* against *Mashal*, مشعل): the
    consonant keys fold *sh* into *s* (Hebrew ש is either), but a reading's
    plain *s* is س or ص or ס, which no romanisation writes *sh*. (A reading's
    *sh* may be a s and an h, إسحاق *ashaq*, *Ishaq*; the other way, ש *sh*
    against *Samuel*, is no difference.) Readings with vowel signs are not
    checked."""
    if "sh" not in latin or not _CONSONANTAL.isdisjoint(reading):
        return False
    return latin.count("sh") > reading.count("sh")
