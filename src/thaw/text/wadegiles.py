"""Chinese names romanised in Wade–Giles, read as Hanyu Pinyin.

Before pinyin (1958 in the PRC, 2009 in Taiwan), Chinese names were written in
Wade–Giles, which older documents, Taiwanese passports and many customer files
still use: *Mao Tse-tung* is *Mao Zedong*, *Hsi Chin-p'ing* is *Xi Jinping*.
The two systems spell the same syllables differently (``hs`` = ``x``, ``ts``/``tz``
= ``z``, unaspirated ``ch``/``k``/``p``/``t`` = ``j``/``zh``, ``g``, ``b``, ``d``,
``-ung`` = ``-ong``, ``-ieh`` = ``-ie`` …), so they rarely align letter by letter.

:func:`pinyin_reading` converts a name syllable by syllable, by the system's
published correspondence (no table of particular names). It answers only for a
name every word of which is a Wade–Giles syllable, or syllables joined by
hyphens, and that has at least one spelling pinyin does not use (``hs``, ``ts``,
``tz``, ``ss``, ``sz``, an aspiration apostrophe, ``-ung``, ``-ieh``, ``-ien``,
``-ih``, ``-erh``): a pinyin name, or a Western one, is left alone. Aspiration
apostrophes are often dropped; an unmarked stop is then read unaspirated (``p``
→ ``b``), the commoner value, and the matcher's tolerance for voicing (``b``/``p``
cost half an edit) covers the other.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

#: Wade–Giles initials, longest first, with their pinyin: unaspirated, then aspirated
#: (an apostrophe after the initial). ``ch`` is ``j``/``q`` before ``i`` and ``ü``
#: and ``zh``/``ch`` otherwise (decided in :func:`_syllable`).
_INITIALS: Final[tuple[tuple[str, str, str], ...]] = (
    ("hs", "x", "x"),
    ("ch", "zh", "ch"),
    ("ts", "z", "c"),
    ("tz", "z", "c"),
    ("ss", "s", "s"),
    ("sz", "s", "s"),
    ("sh", "sh", "sh"),
    ("p", "b", "p"),
    ("t", "d", "t"),
    ("k", "g", "k"),
    ("j", "r", "r"),
    ("m", "m", "m"),
    ("f", "f", "f"),
    ("n", "n", "n"),
    ("l", "l", "l"),
    ("h", "h", "h"),
    ("s", "s", "s"),
    ("y", "y", "y"),
    ("w", "w", "w"),
    ("", "", ""),
)

#: Wade–Giles finals (``ü`` written ``u`` once folded) and their pinyin.
_FINALS: Final[dict[str, str]] = {
    "a": "a",
    "ai": "ai",
    "an": "an",
    "ang": "ang",
    "ao": "ao",
    "e": "e",
    "ei": "ei",
    "en": "en",
    "eng": "eng",
    "erh": "er",
    "o": "o",
    "ou": "ou",
    "i": "i",
    "ia": "ia",
    "iang": "iang",
    "iao": "iao",
    "ieh": "ie",
    "ien": "ian",
    "in": "in",
    "ing": "ing",
    "iu": "iu",
    "iung": "iong",
    "ih": "i",
    "u": "u",
    "ua": "ua",
    "uai": "uai",
    "uan": "uan",
    "uang": "uang",
    "uei": "ui",
    "ui": "ui",
    "un": "un",
    "ung": "ong",
    "uo": "uo",
    "ueh": "ue",
    "eh": "e",
}

#: Spellings found in Wade–Giles and never in pinyin.
_MARKERS: Final = re.compile(r"hs|ts|tz|ss|sz|'|ung\b|ieh|ien|ih\b|erh\b")
_APOSTROPHES: Final = str.maketrans({"’": "'", "ʻ": "'", "ʼ": "'", "`": "'", "‘": "'"})
_WORD_SPLIT: Final = re.compile(r"[\s\-]+")
_ASCII_WORD: Final = re.compile(r"^[a-z']+$")
#: Initials after which a final ``o`` is pinyin ``uo`` (``to`` = duo), and after
#: which it is ``e`` (``ko`` = ge).
_O_AS_UO: Final = frozenset({"d", "t", "n", "l", "z", "c", "s", "zh", "ch", "sh", "r"})
_O_AS_E: Final = frozenset({"g", "k", "h"})


def _syllable(word: str) -> str | None:
    """The pinyin of one Wade–Giles syllable, ``None`` when ``word`` is none."""
    for initial, plain, aspirated in _INITIALS:
        if not word.startswith(initial):
            continue
        rest = word[len(initial) :]
        if not initial and rest[:1] not in ("a", "e", "o"):
            return None  # (a syllable in i or u is written with y or w)
        target = plain
        if initial and rest.startswith("'"):
            rest, target = rest[1:], aspirated
        final = _FINALS.get(rest)
        if final is None:
            continue
        if initial == "ch" and final[:1] in ("i", "u") and rest[:1] == "i" and rest != "ih":
            target = "q" if target == "ch" else "j"
        if initial in ("tz", "ss", "sz") and rest == "u":
            final = "i"  # tzu, ssu: the apical vowel (zi, si)
        elif final == "o" and target in _O_AS_UO:
            final = "uo"
        elif final == "o" and target in _O_AS_E:
            final = "e"
        elif initial == "y" and rest == "u":
            final = "ou"  # yu = you (yü, folded to yu, is rarer in names)
        elif initial == "y" and rest == "en":
            final = "an"  # yen = yan
        return target + final
    return None


@lru_cache(maxsize=4096)
def _word(word: str) -> str | None:
    """The pinyin of one Wade–Giles syllable (cached), ``None`` when ``word`` is
    none. Wade–Giles writes the syllables of a name apart, joined by hyphens
    (*Chin-p'ing*): a word that is not one syllable is not Wade–Giles."""
    return _syllable(word)


def pinyin_reading(name: str) -> str | None:
    """``name`` read from Wade–Giles into pinyin (``Mao Tse-tung`` → ``mao zedong``,
    the hyphenated syllables of a given name written as one word), or ``None``
    when the name is not recognisably Wade–Giles (see the module docs)."""
    text = name.casefold().translate(_APOSTROPHES)
    if _MARKERS.search(text) is None:
        return None
    text = text.replace("ü", "u").replace(",", " ")
    words: list[str] = []
    for part in text.split():
        syllables = [s for s in _WORD_SPLIT.split(part) if s]
        read: list[str] = []
        for syllable in syllables:
            if not _ASCII_WORD.match(syllable):
                return None
            pinyin = _word(syllable)
            if pinyin is None:
                return None
            read.append(pinyin)
        if read:
            words.append("".join(read))
    if not words:
        return None
    reading = " ".join(words)
    return None if reading == text else reading


#: Pinyin initials, longest first, and their Wade–Giles spellings, aspiration
#: apostrophes folded away (``p`` and ``p'`` are both *p*).
_WG_INITIALS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("zh", ("ch",)),
    ("ch", ("ch",)),
    ("sh", ("sh",)),
    ("b", ("p",)),
    ("p", ("p",)),
    ("d", ("t",)),
    ("t", ("t",)),
    ("g", ("k",)),
    ("k", ("k",)),
    ("j", ("ch",)),
    ("q", ("ch",)),
    ("x", ("hs",)),
    ("z", ("ts",)),
    ("c", ("ts",)),
    ("s", ("s",)),
    ("r", ("j",)),
    ("m", ("m",)),
    ("f", ("f",)),
    ("n", ("n",)),
    ("l", ("l",)),
    ("h", ("h",)),
)
#: Pinyin finals that Wade–Giles writes otherwise (any other is written alike).
_WG_FINALS: Final[dict[str, tuple[str, ...]]] = {
    "ong": ("ung",),
    "iong": ("iung",),
    "ian": ("ien",),
    "ie": ("ieh",),
    "ue": ("ueh",),
    "ve": ("ueh",),
    "v": ("u",),
    "ui": ("ui", "uei"),
}
#: Syllables without an initial that Wade–Giles spells otherwise.
_WG_WHOLE: Final[dict[str, tuple[str, ...]]] = {
    "yi": ("i",),
    "you": ("yu",),
    "yan": ("yen",),
    "ye": ("yeh",),
    "yue": ("yueh",),
    "yong": ("yung",),
    "er": ("erh",),
    "e": ("e", "o"),
}
#: Initials after which a final *i* is also written *ee*, as English spells
#: the vowel (琦 *Chee*, 李 *Lee*, 米 *Mee*); not after *x* (*hsi*), whose
#: *ee* no name writes.
_I_AS_EE: Final = frozenset({"b", "p", "m", "d", "t", "n", "l", "j", "q"})
#: Initials after which pinyin's *uo* is Wade–Giles *o* (多 *to*, 罗 *lo*,
#: 卓 *cho*, 若 *jo*; but 国 *kuo*, 说 *shuo*).
_WG_UO_AS_O: Final = frozenset({"d", "t", "n", "l", "z", "c", "s", "zh", "ch", "r"})


@lru_cache(maxsize=4096)
def wade_giles(syllable: str) -> tuple[str, ...]:
    """The Wade–Giles spellings of one pinyin syllable without its tone (*ü*
    written ``v``), as names write them: aspiration apostrophes and umlauts
    folded away (``qi`` → ``chi``, ``xu`` → ``hsu``, ``zhi`` → ``chih``,
    ``zi`` → ``tzu``, ``si`` → ``ssu szu``, ``ge`` → ``ko``, ``guo`` →
    ``kuo``, ``luo`` → ``lo``, ``gui`` → ``kui kuei``), by the system's
    published correspondence (the same as :func:`pinyin_reading` reads back),
    and a final *i* after a consonant also as *ee*, as names of that era
    write it in English (``qi`` → ``chi chee``: 崔琦 *Daniel Tsui Chee*).
    Empty for a syllable that is no pinyin."""
    if syllable in _WG_WHOLE:
        return _WG_WHOLE[syllable]
    for initial, heads in _WG_INITIALS:
        if not syllable.startswith(initial):
            continue
        final = syllable[len(initial) :]
        if not final:
            return ()
        if final == "i" and initial in ("z", "c"):
            return ("tzu",)
        if final == "i" and initial == "s":
            return ("ssu", "szu")
        if final == "i" and initial in ("zh", "ch", "sh", "r"):
            finals: tuple[str, ...] = ("ih",)
        elif final == "uo" and initial in _WG_UO_AS_O:
            finals = ("o",)
        elif final == "e" and initial in ("g", "k", "h"):
            finals = ("o", "e")
        elif final == "e":
            # ê, which names write *e* or *eh* as they write 叶 *Yeh* (朱德
            # *Chu Teh*, 彭德怀 *Peng Teh-huai*, 张彻 *Chang Cheh*)
            finals = ("e", "eh")
        elif final == "i" and initial in _I_AS_EE:
            # the English *ee* of names of that era (崔琦 *Tsui Chee*, 李 *Lee*)
            finals = ("i", "ee")
        else:
            finals = _WG_FINALS.get(final, (final,))
        return tuple(head + f for head in heads for f in finals)
    return (syllable,) if syllable[:1] in ("a", "o", "w", "y") else ()
