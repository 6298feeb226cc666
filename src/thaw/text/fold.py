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
``th→t``, ``dh→d``, ``gh→g``, ``ou/oo→u``, ``ee→i``, ``j`` between vowels → ``y``,
``y`` not before a vowel → ``i``, doubled letters collapse, a final ``h`` after a
vowel is dropped.

:func:`skeleton` removes the vowels of a folded word: two spellings whose
skeletons agree differ only in vowels (``muhamad`` / ``mohamed`` → ``mhmd``).
:func:`abjad_key` is the coarser key used when one side was written in an abjad
(Arabic, Persian, Hebrew), where short vowels are not written at all and the
letters *w*, *y* and *h* double as vowel signs.
"""

from __future__ import annotations

import re
from functools import lru_cache

_VOWELS = frozenset("aeiouy")

_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"ph", "f"),
        (r"x", "ks"),
        (r"w", "v"),
        (r"q", "k"),
        (r"ck", "k"),
        (r"tsch", "ch"),
        (r"sch", "sh"),
        (r"tch", "ch"),
        (r"c(?=[eiy])", "s"),
        (r"c(?!h)", "k"),
        (r"kh", "h"),
        (r"dzh|dj", "j"),
        (r"zh", "j"),
        (r"th", "t"),
        (r"dh", "d"),
        (r"gh", "g"),
        (r"ou|oo", "u"),
        (r"ee", "i"),
        (r"(?<=[aeiou])j(?=[aeiou])", "y"),
        (r"(?<=[aeiou])j$", "i"),
        (r"ij(?=[aeiou])", "i"),
        (r"iy(?=[aeiou])", "i"),
        (r"y(?![aeiou])", "i"),
        (r"(.)\1+", r"\1"),
        (r"(?<=[aeiou])h$", ""),
    )
)


@lru_cache(maxsize=200_000)
def fold_token(word: str) -> str:
    """Fold a lower-case ASCII word onto its canonical romanisation.

    Digits and words shorter than two letters are returned unchanged.
    """
    if len(word) < 2 or not word.isalpha():
        return word
    out = word
    for pattern, repl in _RULES:
        out = pattern.sub(repl, out)
    return out or word


@lru_cache(maxsize=200_000)
def skeleton(folded: str) -> str:
    """The consonants of a folded word (vowels and *y* removed)."""
    if not folded.isalpha():
        return folded
    return "".join(c for c in folded if c not in _VOWELS) or folded[:1]


_ABJAD_DROP = frozenset("aeiouyvwh")
_ABJAD_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"ph", "f"),
        (r"x", "ks"),
        (r"q", "k"),
        (r"ck", "k"),
        (r"c(?=[eiy])", "s"),
        (r"c(?!h)", "k"),
        (r"kh", "h"),
        (r"dzh|dj", "j"),
        (r"th", "t"),
        (r"dh", "d"),
        (r"gh", "g"),
    )
)


@lru_cache(maxsize=200_000)
def abjad_key(word: str) -> str:
    """The key compared when a side was written in an abjad: the consonants of the
    word *as written* (only consonant spellings folded: ``q→k``, ``ph→f`` …),
    without the letters that double as vowel signs (*w*, *y*, *h*), doubled
    letters collapsed. ``siraj`` keeps its ``j`` (``srj``), unlike ``yasar``
    (``sr``)."""
    if not word.isalpha():
        return word
    for pattern, repl in _ABJAD_RULES:
        word = pattern.sub(repl, word)
    out: list[str] = []
    for c in word:
        if c in _ABJAD_DROP:
            continue
        if out and out[-1] == c:
            continue
        out.append(c)
    return "".join(out) or word[:1]
