"""Mandarin syllables in Taiwan's other official romanisations.

A Taiwanese passport writes its holder's name in the romanisation they chose:
Wade–Giles (:mod:`thaw.text.wadegiles`), Gwoyeu Romatzyh
(:mod:`thaw.text.gwoyeu`), Hanyu pinyin, or one of the two systems that
Taiwan made official in between, both still common in names (邱 *Chiou*, 劉
*Liou*, 張 *Jhang*, 許 *Syu*):

* **Mandarin Phonetic Symbols II** (MPS II, 注音二式, official 1986–2002):
  :func:`mps2`. Its initials are GR's (*zh* and *j* are *j*, *q* *ch*, *x*
  *sh*, *z* *tz*, *c* *ts*), the apical vowel is *r* after *j ch sh r* and *z*
  after *tz ts s* (*jr*, *shr*, *tz*, *tsz*, *sz*), *ong* is *ung*, *ao*
  *au*, *iu* *iou*, *ui* *uei*, *un* *uen*, *ü* *iu* (雄 *shiung*, 邱 *chiou*,
  曲 *chiu*);
* **Tongyong Pinyin** (通用拼音, official 2002–2008): :func:`tongyong`. It is
  pinyin with *x* as *s*, *q* as *c*, *zh* as *jh*, the apical vowel *ih*
  (*jhih*, *shih*, *zih*, *sih*), *ü* as *yu* (*jyu*, *syu*, *lyu*), *iong*
  as *yong* (*syong*), *iu* as *iou*, *ui* as *uei*, and *eng* after *b p m
  f w* as *ong* (*fong*, *wong*); *wen* is *wun*.

Beside the official systems, Taiwanese passports often write the vowel *e*
(ㄜ) of a syllable with an initial as *er*, whatever its tone (柯 *Ker*, 賀
*Her*, 德 *Der*, 哲 *Jer*: 柯建銘 *Ker Chien-ming*), as Gwoyeu Romatzyh
writes it in tone 2 only (:func:`er_spellings`).

Tones are marked with diacritics in both, folded away here. Each function
takes a toneless pinyin syllable (*ü* written ``v``) and gives its spelling,
or empty for a syllable that is no pinyin.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

_PINYIN_INITIALS: Final = (
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h",
    "j", "q", "x", "z", "c", "s", "r",
)  # fmt: skip
_MPS2_INITIALS: Final[dict[str, str]] = {
    "zh": "j", "ch": "ch", "sh": "sh", "j": "j", "q": "ch", "x": "sh",
    "z": "tz", "c": "ts", "s": "s",
}  # fmt: skip
#: Pinyin finals that MPS II writes otherwise.
_MPS2_FINALS: Final[dict[str, str]] = {
    "ao": "au", "ong": "ung", "iao": "iau", "iu": "iou", "iong": "iung", "ui": "uei",
    "un": "uen", "v": "iu", "ve": "iue", "van": "iuan", "vn": "iun",
}  # fmt: skip
#: Pinyin syllables without an initial that MPS II writes otherwise.
_MPS2_WHOLE: Final[dict[str, str]] = {
    "yao": "yau", "yong": "yung", "ao": "au",
}  # fmt: skip
_TONGYONG_INITIALS: Final[dict[str, str]] = {"zh": "jh", "q": "c", "x": "s"}
#: Pinyin finals that Tongyong writes otherwise.
_TONGYONG_FINALS: Final[dict[str, str]] = {
    "iu": "iou", "ui": "uei", "iong": "yong", "v": "yu", "ve": "yue", "van": "yuan",
    "vn": "yun",
}  # fmt: skip
_TONGYONG_WHOLE: Final[dict[str, str]] = {"wen": "wun", "weng": "wong"}
_APICAL: Final = frozenset({"zh", "ch", "sh", "r", "z", "c", "s"})
_LIPS: Final = frozenset({"b", "p", "m", "f"})
_VOWEL_START: Final = frozenset("aeoywv")


def _split(syllable: str) -> tuple[str, str] | None:
    """A pinyin syllable's initial and final (``("", syllable)`` for one
    without an initial), the *u* of *ju qu xu* (and their finals) read *ü*;
    ``None`` for no pinyin."""
    for initial in _PINYIN_INITIALS:
        if syllable.startswith(initial) and len(syllable) > len(initial):
            final = syllable[len(initial) :]
            if initial in ("j", "q", "x") and final[:1] == "u":
                final = "v" + final[1:]
            return initial, final
    return ("", syllable) if syllable[:1] in _VOWEL_START else None


@lru_cache(maxsize=4096)
def mps2(syllable: str) -> str:
    """One toneless pinyin syllable in MPS II (``xiong`` → ``shiung``, ``qiu``
    → ``chiou``, ``zhi`` → ``jr``, ``ci`` → ``tsz``, ``qu`` → ``chiu``)."""
    parts = _split(syllable)
    if parts is None:
        return ""
    initial, final = parts
    if not initial:
        return _MPS2_WHOLE.get(syllable, syllable.replace("v", "u"))
    head = _MPS2_INITIALS.get(initial, initial)
    if final == "i" and initial in _APICAL:
        if initial == "r":
            return "r"
        return head + ("r" if initial in ("zh", "ch", "sh") else "z" if initial != "z" else "")
    return head + _MPS2_FINALS.get(final, final)


@lru_cache(maxsize=4096)
def tongyong(syllable: str) -> str:
    """One toneless pinyin syllable in Tongyong Pinyin (``zhang`` → ``jhang``,
    ``xu`` → ``syu``, ``zhi`` → ``jhih``, ``xiong`` → ``syong``, ``feng`` →
    ``fong``, ``liu`` → ``liou``)."""
    parts = _split(syllable)
    if parts is None:
        return ""
    initial, final = parts
    if not initial:
        return _TONGYONG_WHOLE.get(syllable, syllable.replace("v", "u"))
    head = _TONGYONG_INITIALS.get(initial, initial)
    if final == "i" and initial in _APICAL:
        return head + "ih"
    if final == "eng" and initial in _LIPS:
        return head + "ong"
    return head + _TONGYONG_FINALS.get(final, final)


#: The initials of a pinyin syllable in *-e* and how the *-er* spellings
#: write them: as pinyin, Wade–Giles (aspiration unmarked) and Gwoyeu
#: Romatzyh do (see :func:`er_spellings`).
_ER_INITIALS: Final[dict[str, tuple[str, ...]]] = {
    "b": ("b", "p"), "p": ("p",), "m": ("m",), "f": ("f",), "d": ("d", "t"), "t": ("t",),
    "n": ("n",), "l": ("l",), "g": ("g", "k"), "k": ("k",), "h": ("h",),
    "zh": ("j", "ch"), "ch": ("ch",), "sh": ("sh",), "r": ("j", "r"),
    "z": ("tz", "ts"), "c": ("ts",), "s": ("s",),
}  # fmt: skip


@lru_cache(maxsize=4096)
def er_spellings(syllable: str) -> tuple[str, ...]:
    """The spellings that Taiwanese passports give a toneless pinyin syllable
    of an initial and the vowel *e* (ㄜ), written *er* in any tone (``ke`` →
    ``ker``: 柯 *Ker*; ``he`` → ``her``; ``de`` → ``der ter``; ``zhe`` →
    ``jer cher``), as Gwoyeu Romatzyh writes that vowel in tone 2 and the
    holders of many names in every tone; empty for any other syllable."""
    parts = _split(syllable)
    if parts is None or parts[1] != "e":
        return ()
    return tuple(head + "er" for head in _ER_INITIALS.get(parts[0], ()))
