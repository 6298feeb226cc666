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
    # (pattern, replacement, substrings of which one must occur for a match)
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
    (r"c(?=[eiy])", "s", ("c",)),
    (r"c(?!h)", "k", ("c",)),
    (r"kh", "h", ("kh",)),
    (r"dzh|dj", "j", ("dzh", "dj")),
    (r"zh", "j", ("zh",)),
    (r"th", "t", ("th",)),
    (r"dh", "d", ("dh",)),
    (r"gh", "g", ("gh",)),
    (r"ou|oo", "u", ("ou", "oo")),
    (r"ee", "i", ("ee",)),
    (r"(?<=[aeiou])j(?=[aeiou])", "y", ("j",)),
    (r"(?<=[aeiou])j$", "i", ("j",)),
    (r"ij(?=[aeiou])", "i", ("ij",)),
    (r"iy(?=[aeiou])", "i", ("iy",)),
    (r"y(?![aeiou])", "i", ("y",)),
    (r"(.)\1+", r"\1", ()),
    (r"(?<=[aeiou])h$", "", ("h",)),
)


#: The folding rules in order, each with the substrings that must occur in the word
#: for its pattern to match (empty: always tried). Skipping a rule whose trigger is
#: absent cannot change the result, and most words trigger only a few rules.
def _group_one(match: re.Match[str]) -> str:
    return match.group(1)


_Repl = str | Callable[[re.Match[str]], str]
_DOUBLED: Final = re.compile(r"(.)\1+")
"""The rule collapsing doubled letters (the only one without a trigger substring)."""
_RULES: Final[
    tuple[tuple[re.Pattern[str], _Repl, str | None, tuple[str, ...], str | None], ...]
] = tuple(
    # a template replacement ("\\1") is parsed again on every call: a function is not
    (
        _DOUBLED if p == _DOUBLED.pattern else re.compile(p),
        _group_one if r == r"\1" else r,
        t[0] if len(t) == 1 else None,
        t,
        # a pattern that is one plain string, its own trigger ("ph" → "f"): replaced
        # with str.replace, which substitutes the same non-overlapping occurrences
        # from left to right as the pattern would, at a fraction of the cost
        r if t == (p,) and re.escape(p) == p and "\\" not in r else None,
    )
    for p, r, t in _RULE_SPECS
)


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
    for pattern, repl, trigger, triggers, plain in _RULES:
        if trigger is not None:
            if trigger not in out:
                continue
            if plain is not None:
                out = out.replace(trigger, plain)
                continue
        elif triggers:
            for alternative in triggers:
                if alternative in out:
                    break
            else:
                continue
        elif pattern is _DOUBLED and not _has_double(out):
            continue  # (the one rule without a trigger: most words double no letter)
        out = pattern.sub(repl, out)
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
        (r"kh", "h", ("kh",)),
        (r"dzh|dj", "j", ("dzh", "dj")),
        (r"th", "t", ("th",)),
        (r"dh", "d", ("dh",)),
        (r"gh", "g", ("gh",)),
        # letters that the abjads write with one sign, or that their languages
        # read alike: Persian ژ (zh, j), Hebrew ח (h, ch), Hebrew פ (p, f),
        # Persian ق and غ (gh, g) beside Arabic ق (q, k)
        (r"zh", "j", ("zh",)),
        (r"ch", "h", ("ch",)),
        (r"p", "f", ("p",)),
        (r"g", "k", ("g",)),
        # ש is sh or s, and the Latin spellings of Hebrew and Arabic names
        # write ش and س alike often enough (Yisrael, Israel; Moshe, Schumer)
        (r"sh", "s", ("sh",)),
    )
)


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
    if len(word) > 1 and word[-1] == "h" and word[-2] not in _H_DIGRAPH:
        word = word[:-1]
    # a word that begins with a vowel keeps it, as ``a``: the abjads write
    # it (alef, ayin: احسان *Ehsan* is ``ahsn``, حسین *Hossein* ``hsn``)
    initial = "a" if word[0] in _INITIAL_VOWELS else ""
    for pattern, repl, triggers in _ABJAD_RULES:
        for trigger in triggers:
            if trigger in word:
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
