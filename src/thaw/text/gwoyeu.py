"""Mandarin syllables in Gwoyeu Romatzyh, the romanisation that spells tones.

Gwoyeu Romatzyh (GR, 國語羅馬字, Republic of China 1928) writes a syllable's
tone with its letters rather than with marks, and Taiwanese passports and the
press keep its forms in many names: 馬英九 *Ma Ying-jeou* (九 *jiǔ*, tone 3:
*jeou*), 吳敦義 *Wu Den-yih* (義 *yì*, tone 4: *yih*), 游錫堃 *Yu Shyi-kun*
(錫 *xí*, tone 2: *shyi*), 蔡英文 *Tsai Ing-wen* (英 *yīng*, tone 1: *ing*).

:func:`gwoyeu` spells a toneless pinyin syllable with its tone by the system's
published rules (Chao's 1928 table as given by, e.g., Wikipedia's "Gwoyeu
Romatzyh"):

* the **basic form** (tone 1) has its own initials (*z c* are *tz ts*, *zh*
  and *j* are *j*, *q* *ch*, *x* *sh*) and finals (*ao* *au*, *iu* *iou*, *ui*
  *uei*, *un* *uen*, *ü* *iu*, *er* *el*, the apical vowel of *zi*, *zhi* …
  *y*; *yi*, *wu*, *yu* … written *i*, *u*, *iu* …); after *m n l r*, tone 1
  adds an *h* after the initial (*mha*);
* **tone 2** is the basic form after *m n l r*; otherwise a medial or lone *i*
  and *u* become *y* and *w* (*yng*, *shyi*, *wen*), else an *r* follows the
  vowel (*tarn*, *chyr*);
* **tone 3** doubles a lone vowel (*aa*, *jii*) or turns a medial or final *i*
  and *u* into *e* and *o* (*jeou*, *ae*, *hao*);
* **tone 4** changes the ending: *-i* *-y*, *-u* *-w*, *-n* *-nn*, *-ng*
  *-nq*, *-l* *-ll*, else an *h* is added (*yih*, *daw*, *bann*, *jinq*);
* without an initial, a medial *i* or *u* is written *y* or *w* in tones 2 to
  4 (*yii*, *yih*, *wuu*).

The neutral tone (5) is written in the basic form.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

#: Pinyin initials, longest first, and their GR spelling.
_INITIALS: Final[tuple[tuple[str, str], ...]] = (
    ("zh", "j"), ("ch", "ch"), ("sh", "sh"), ("b", "b"), ("p", "p"), ("m", "m"),
    ("f", "f"), ("d", "d"), ("t", "t"), ("n", "n"), ("l", "l"), ("g", "g"), ("k", "k"),
    ("h", "h"), ("j", "j"), ("q", "ch"), ("x", "sh"), ("z", "tz"), ("c", "ts"),
    ("s", "s"), ("r", "r"),
)  # fmt: skip
#: Pinyin finals (after an initial) and their GR basic form.
_FINALS: Final[dict[str, str]] = {
    "a": "a", "o": "o", "e": "e", "ai": "ai", "ei": "ei", "ao": "au", "ou": "ou",
    "an": "an", "en": "en", "ang": "ang", "eng": "eng", "ong": "ong", "er": "el",
    "i": "i", "ia": "ia", "ie": "ie", "iao": "iau", "iu": "iou", "ian": "ian",
    "in": "in", "iang": "iang", "ing": "ing", "iong": "iong",
    "u": "u", "ua": "ua", "uo": "uo", "uai": "uai", "ui": "uei", "uan": "uan",
    "un": "uen", "uang": "uang",
    "v": "iu", "ve": "iue", "van": "iuan", "vn": "iun",
}  # fmt: skip
#: Pinyin syllables without an initial and their GR basic form.
_WHOLE: Final[dict[str, str]] = {
    "yi": "i", "ya": "ia", "ye": "ie", "yao": "iau", "you": "iou", "yan": "ian",
    "yin": "in", "yang": "iang", "ying": "ing", "yong": "iong", "wu": "u", "wa": "ua",
    "wo": "uo", "wai": "uai", "wei": "uei", "wan": "uan", "wen": "uen", "wang": "uang",
    "weng": "ueng", "yu": "iu", "yue": "iue", "yuan": "iuan", "yun": "iun",
}  # fmt: skip
_SONORANTS: Final = frozenset({"m", "n", "l", "r"})
_APICAL: Final = frozenset({"z", "c", "s", "zh", "ch", "sh", "r"})
#: Tone 3 of a basic final: a lone vowel doubled, or *i*/*u* turned *e*/*o*.
_THIRD: Final[dict[str, str]] = {
    "a": "aa", "o": "oo", "e": "ee", "y": "yy", "ai": "ae", "ei": "eei", "au": "ao",
    "ou": "oou", "an": "aan", "en": "een", "ang": "aang", "eng": "eeng", "ong": "oong",
    "el": "eel", "i": "ii", "ia": "ea", "ie": "iee", "iau": "eau", "iou": "eou",
    "ian": "ean", "in": "iin", "iang": "eang", "ing": "iing", "iong": "eong",
    "u": "uu", "ua": "oa", "uo": "uoo", "uai": "oai", "uei": "oei", "uan": "oan",
    "uen": "oen", "uang": "oang", "ueng": "oeng",
    "iu": "eu", "iue": "eue", "iuan": "euan", "iun": "eun",
}  # fmt: skip
#: Tone 4's endings.
_FOURTH: Final = (("ng", "nq"), ("n", "nn"), ("l", "ll"), ("i", "y"), ("u", "w"))


def _second(final: str) -> str:
    """Tone 2 of a basic final (after an initial other than *m n l r*)."""
    if final in ("i", "in", "ing"):
        return "y" + final[1:] if final != "i" else "yi"
    if final == "u":
        return "wu"
    if final[:1] == "i" and final[1:2] in ("a", "e", "o", "u"):
        return "y" + final[1:]
    if final[:1] == "u" and final[1:2] in ("a", "e", "o"):
        return "w" + final[1:]
    end = 0
    while end < len(final) and final[end] in "aeiouy":
        end += 1
    return final[:end] + "r" + final[end:]  # (after the vowels: tair, chern)


def _fourth(final: str) -> str:
    for ending, written in _FOURTH:
        if final.endswith(ending) and final not in (ending, "iu"):  # (iu is ü: chiuh)
            return final[: -len(ending)] + written
    return final + "h"


def _glide(basic: str, form: str) -> str:
    """``form``, tone 3 or 4 of the ``basic`` final of a syllable without an
    initial, with its medial or lone *i* or *u* written *y* or *w* (*ii* →
    *yii*, *eou* → *yeou*, *ih* → *yih*, *uu* → *wuu*, *oa* → *woa*)."""
    head = {"i": "y", "u": "w"}.get(basic[:1])
    if head is None:
        return form
    if form[:1] == basic[0] and form[1:2] in ("a", "e", "o", "u") and form[1:2] != basic[0]:
        return head + form[1:]  # (iah → yah, uoh → woh)
    return head + form


@lru_cache(maxsize=8192)
def gwoyeu(syllable: str, tone: int) -> str:
    """One toneless pinyin syllable (*ü* written ``v``) with its tone (1–4, 5
    for the neutral tone) in Gwoyeu Romatzyh (``jiu``, 3 → ``jeou``; ``yi``,
    4 → ``yih``; ``xi``, 2 → ``shyi``; ``ying``, 1 → ``ing``), or empty for a
    syllable that is no pinyin."""
    if syllable in _WHOLE:
        initial, final = "", _WHOLE[syllable]
    else:
        for pinyin, gr in _INITIALS:
            if syllable.startswith(pinyin):
                rest = syllable[len(pinyin) :]
                if rest == "i" and pinyin in _APICAL:
                    final = "y"
                elif pinyin in ("j", "q", "x") and rest[:1] == "u":
                    final = _FINALS.get("v" + rest[1:], "")
                else:
                    final = _FINALS.get(rest, "")
                initial = gr
                break
        else:
            initial, final = "", _FINALS.get(syllable, "") if syllable[:1] in "aoe" else ""
        if not final:
            return ""
    if tone == 1:
        return initial + ("h" if initial in _SONORANTS else "") + final
    if not initial and tone == 2:
        return _second(final)
    if not initial and tone in (3, 4):
        return _glide(final, _THIRD.get(final, final) if tone == 3 else _fourth(final))
    if tone == 2:
        return initial + (final if initial in _SONORANTS else _second(final))
    if tone == 3:
        return initial + _THIRD.get(final, final)
    if tone == 4:
        return initial + _fourth(final)
    return initial + final
