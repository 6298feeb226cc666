"""Two Slavic family names, one the other's stem lengthened by a syllable.

Russian, Ukrainian and Belarusian family names are made from a stem and a
possessive suffix (*-ov*, *-ev*, *-in*, *-yn*; the feminine *-ova*, *-eva*,
*-ina*, *-yna*), and a stem makes new stems with its own suffixes before it:
*Kamysh-ov* and *Kamysh-an-ov*, *Vodyan-ov* and *Vodyan-ik-ov*, *Sokol-ov* and
*Sokol-nik-ov*, *Orl-ov* and *Orl-ik-ov*, *Medved-ev* and *Medved-k-ov*. Each is
another family name, borne by other families: the alignment finds them close (one
is the other with letters added), but a namesake *Kamyshanov* is not the listed
KAMYSHOV.

:func:`lengthened_surname` tells such a pair from two spellings of one name,
which transliteration writes with a vowel, a soft sign or an *h* more or less
before the suffix, or with *y* or *i* for one vowel inside the stem (*Kamyshov*,
the Ukrainian *Kamishov*) (*Seleznev*, *Seleznyov*; *Alekseev*, *Alekseyev*; *Zhukov*,
*Zhukhov*), the rest of one letter's spelling (*Lavrishev*, *Lavrishchev*: щ;
*Fedin*, the Belarusian *Fedzin*) or a letter doubled (*Abdulov*, *Abdullov*).
"""

from __future__ import annotations

from typing import Final

from thaw.text import Token

#: The possessive suffixes, longest first in each family: a name of one family
#: is compared only with a name of the same family (*-ov* and *-ev* alternate
#: after the stem's last consonant), and of the same gender.
SUFFIXES: Final[tuple[tuple[str, ...], ...]] = (
    ("yova", "ova", "eva", "yov", "ov", "ev"),
    ("ina", "yna", "in", "yn"),
)

#: The roles of words that may be a family name (some read as places).
_ROLES: Final = frozenset({"name", "location"})

#: The fewest letters of the shorter stem.
MIN_STEM: Final = 3

#: What transliteration adds or drops before a suffix in one name's spellings:
#: vowels, the soft sign's *y*, *j* or apostrophe, and the *h* of *kh*, *zh*.
_SPELLING: Final = frozenset("aeiouyjh'")


#: The spellings of one Cyrillic letter in several Latin letters, whose tail
#: one transliteration writes and another does not (*Lavrishchev*,
#: *Lavrishev*: щ; *Fedzin*, *Fedin*: the Belarusian дз for д; *Kuznetsov*).
_CLUSTERS: Final = ("shch", "sch", "tch", "dzh", "dz", "ts", "tz", "zh", "kh", "ch", "sh")


def _split(word: str) -> tuple[str, int, bool] | None:
    """The stem of ``word``, its suffix family and whether the suffix is
    feminine; ``None`` when it has no possessive suffix after a stem of
    :data:`MIN_STEM` letters."""
    for family, suffixes in enumerate(SUFFIXES):
        for suffix in suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
                return word[: len(word) - len(suffix)], family, suffix.endswith("a")
    return None


def lengthened_surname(q: Token, r: Token) -> bool:
    """Whether the name words ``q`` and ``r`` are two Slavic family names, one
    the other's stem with a syllable or consonant added before the suffix (see
    the module's documentation)."""
    if q.abjad or r.abjad or q.script_form or r.script_form:
        return False
    if q.role not in _ROLES or r.role not in _ROLES:
        return False
    a, b = q.raw, r.raw
    if a == b or not a.isalpha() or not b.isalpha():
        return False
    split_a, split_b = _split(a), _split(b)
    if split_a is None or split_b is None or split_a[1:] != split_b[1:]:
        return False
    # (*y* and *i* alike: the Russian ы and the Ukrainian и are written either
    # way, *Kamyshov*, the Ukrainian КАМИШОВ *Kamishov*)
    short, long = sorted((split_a[0].replace("y", "i"), split_b[0].replace("y", "i")), key=len)
    if len(short) == len(long) or not long.startswith(short):
        return False
    extra = long[len(short) :]
    if set(extra) <= _SPELLING or extra == short[-1] * len(extra):
        return False
    # the letters that complete one Cyrillic letter's spelling begun by the stem
    return not any(
        len(c) > len(extra) and c.endswith(extra) and short.endswith(c[: len(c) - len(extra)])
        for c in _CLUSTERS
    )
