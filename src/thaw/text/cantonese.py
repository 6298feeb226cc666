"""Cantonese readings of Chinese characters, spelt as Hong Kong and Macau spell names.

A Hong Kong or Macau name is romanised from its Cantonese reading, not its
Mandarin one: 林鄭月娥 is *Lam Cheng Yuet-ngor* (Mandarin *Lin Zheng Yue'e*),
梁振英 *Leung Chun-ying*, 何鴻燊 *Ho Hung-sun*; and many names of the diaspora
(Hong Kong, Guangdong, Singapore, Malaysia) keep a Cantonese surname (王 *Wong*,
陳 *Chan*, 劉 *Lau*).

The readings are Unihan's ``kCantonese`` (Jyutping, tones dropped), shipped
as ``data/han_cantonese.txt.gz`` by :mod:`thaw.text._make_unihan` (a
simplified character that Unihan gives no Cantonese reading reads as its
traditional form).

Names are not written in Jyutping but in the **Hong Kong Government Cantonese
Romanisation**, the Eitel/Dyer-Ball spelling the government has used for
names of places and people since the 1960 *Gazetteer of Place Names*; it has no
published specification, but its correspondence with Jyutping is well
documented (Wikipedia, "Hong Kong Government Cantonese Romanisation": the
initials *b d g* are written *p t k*, *z* and *c* both *ch* or *ts*, *s* also
*sh*, *j* is *y*; among the vowels *aa* is *a*, *i* also *ee* (and *z*, *ze*
after *ts* and *s*: *Tsz*, *Sze*), *u* also *oo*, *yu* *u* or *ue*, *oe*
*eu* or *eo* (*Leung*, *Leong*), *eoi* and *eon* *ui* and *un*, *ou* *o*,
*ung* and *uk* also *ong* and *ok* (鍾 *Chong*, 鈺 *Yok*), a
short *a* before *m* *n* *p* *t* also *u* (*Sum*, *Chun*), a final *o* also
*oh*); beside it, the spellings that names in Hong Kong customarily use for
two long vowels, *ar* and *or* or *aw* for a final *aa* and *o* (家 *Kar*, 娥
*Ngor*, 羅 *Law*), *ow* for *au* (周 *Chow*, 九龍 *Kowloon*) and for *ou*,
as English writes that vowel in *low* (曹 *Chow*, as Malaysia writes it:
曹觀友 *Chow Kon Yeow*), *ew*, *iew* and *eow* for *iu*, as Singapore and
Malaysia write it (:data:`MALAYSIA_FINALS`: 兆 *Siew*, 陸兆福 *Loke Siew
Fook*), and no *y*
before *i*, as the older spelling wrote it (葉 *Ip*, beside *Yip*).
:data:`INITIALS` and :data:`FINALS` are that table. Macau spells Cantonese
the Portuguese way in a few places (:data:`MACAU_FINALS`: *ing* as *eng*,
*au* as *ao*, *eoi* as *oi*, *eng* as *eang*, a final *k* after *a* and *e*
as *c*; *j* as *i* before a vowel, and not written before *yu*: 賀一誠 *Ho
Iat-seng*, 梁孫旭 *Leong Sun Iok*, 林宇滔 *Lam U Tou*; *w* as *v* but before
*u*: 黃顯輝 *Vong Hin Fai*; *gw* as *ku*: 吳國昌 *Ng Kuok Cheong*, 關 *Kuan*), also
given. Two more of its spellings, *eon* as *on* (春 *Chon*, 潤 *Ion*)
and *iu* as *io* (蕭 *Sio*), write syllables that Korean names are spelt
with too (*Chon*, *Chio*), and made-up Chinese customers met listed people by
them as family names (秦波 *Chon Po*, 慧 肖 *Wai Chio*:
``benchmarks/chinese_customers.py``, 1 of 403 alerting to 3): they are given
for a character of a given name only (:data:`MACAU_GIVEN_FINALS`, read by
:func:`thaw.text.chinese.han_edges` after a word's first character: 張永春
*Cheong Weng Chon*, 黃少澤 *Wong Sio Chak*). Cantonese has
merged *gw* with *g* before *o* (廣 and 江 both *gong* for many speakers),
and names keep either spelling: 國 *Kwok* and *Kok*, 江 *Kong* and *Kwong*
(郭炳江 *Thomas Kwok Ping-kwong*).
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path
from typing import Final

#: ``character<TAB>jyutping …`` (tones dropped), from Unihan's ``kCantonese``
#: (:mod:`thaw.text._make_unihan`), and its SHA-256.
CANTONESE_PATH: Final = Path(__file__).resolve().parent / "data" / "han_cantonese.txt.gz"
CANTONESE_SHA256: Final = "15c2a4d79658b9741b0ec02401c9ee003f8504dc209327ec5393e2dc1c158c45"

#: Jyutping initials, longest first, and how Hong Kong spells them.
INITIALS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("ng", ("ng",)),
    ("gw", ("kw",)),
    ("kw", ("kw",)),
    ("b", ("p",)),
    ("p", ("p",)),
    ("m", ("m",)),
    ("f", ("f",)),
    ("d", ("t",)),
    ("t", ("t",)),
    ("n", ("n",)),
    ("l", ("l",)),
    ("g", ("k",)),
    ("k", ("k",)),
    ("h", ("h",)),
    ("w", ("w",)),
    ("z", ("ch", "ts")),
    ("c", ("ch", "ts")),
    ("s", ("s", "sh")),
    ("j", ("y",)),
)
#: Jyutping finals and how Hong Kong spells them (see the module docs).
FINALS: Final[dict[str, tuple[str, ...]]] = {
    "aa": ("a", "ah", "ar"), "aai": ("ai",), "aau": ("au", "ow"), "aam": ("am",), "aan": ("an",),
    "aang": ("ang",), "aap": ("ap",), "aat": ("at",), "aak": ("ak",),
    "ai": ("ai",), "au": ("au", "ow"), "am": ("am", "um"), "an": ("an", "un"), "ang": ("ang",),
    "ap": ("ap", "up"), "at": ("at", "ut"), "ak": ("ak",),
    "e": ("e",), "ei": ("ei", "ee", "i"), "eng": ("eng",), "ek": ("ek",),
    "i": ("i", "ee"), "iu": ("iu",), "im": ("im",), "in": ("in",), "ing": ("ing",),
    "ip": ("ip",), "it": ("it",), "ik": ("ik",),
    "o": ("o", "oh", "or", "aw"), "oi": ("oi", "oy"), "ou": ("o", "ou", "ow"), "on": ("on",),
    "ong": ("ong",), "ot": ("ot",), "ok": ("ok",),
    "u": ("u", "oo"), "ui": ("ui", "ooi"), "un": ("un", "oon"), "ung": ("ung", "oong", "ong"),
    "ut": ("ut", "oot"), "uk": ("uk", "ook", "ok"),
    "oe": ("oe", "eu"), "oeng": ("eung", "eong"), "oek": ("euk", "eok"),
    "eoi": ("ui", "eui"), "eon": ("un", "eun"), "eot": ("ut", "eut"),
    "yu": ("u", "ue", "yu"), "yun": ("un", "uen", "yun"), "yut": ("ut", "uet", "yut"),
    "m": ("m",), "ng": ("ng",),
}  # fmt: skip
#: Singapore's and Malaysia's spellings of a few finals, as they write them in
#: Hokkien names too: *iu* as *ew*, *iew* or *eow* (兆 *Siew*: 陸兆福 *Loke Siew
#: Fook*; 耀 *Yew*, *Yeow*: 李光耀 *Lee Kuan Yew*; 趙 *Chew*), after the first
#: spelling of the initial only (*s*, *ch*, *y*: no *Shew*, *Tsiew*, *Yiew*).
MALAYSIA_FINALS: Final[dict[str, tuple[str, ...]]] = {"iu": ("ew", "iew", "eow")}
#: *i* after the sibilants *ts* and *s*, as Hong Kong writes it (思 *Sze*,
#: 子 *Tsz*).
SIBILANT_I: Final = ("z", "ze")
#: Macau's Portuguese spellings of a few finals (賀一誠 *Ho Iat-seng*): *ing*
#: and *ik* as *eng* and *ek*, *au* as *ao*, *eoi* as *oi* (瑞 *Soi*), *eng*
#: as *eang* (鄭 *Cheang*), and a final *k* after *a* and *e* as *c*, as the
#: territory's place names write them (北安 *Pac On*, 黑沙 *Hac Sa*, 石排灣
#: *Seac Pai Van*); not *eon* as *on* nor *iu* as *io* (see the module docs).
MACAU_FINALS: Final[dict[str, tuple[str, ...]]] = {
    "ing": ("eng",), "ik": ("ek",), "au": ("ao",), "aau": ("ao",), "ou": ("ou",),
    "eoi": ("oi",), "eng": ("eang",),
    "ak": ("ac",), "aak": ("ac",), "ek": ("ec", "eac"),
}  # fmt: skip


#: Macau's spellings of two more finals, *eon* as *on* and *iu* as *io* (張永春
#: *Cheong Weng Chon*, 黃少澤 *Wong Sio Chak*), given for a character of a given
#: name only (:func:`macau_given_spellings`): a family name so spelt is one
#: Korean names are spelt with too (*Chon*, *Chio*; see the module docs).
MACAU_GIVEN_FINALS: Final[dict[str, tuple[str, ...]]] = {"eon": ("on",), "iu": ("io",)}


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    with gzip.open(CANTONESE_PATH, "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    return {ch: tuple(rest.split()) for ch, _, rest in (line.partition("\t") for line in lines)}


def jyutping(ch: str) -> tuple[str, ...]:
    """The Cantonese readings of one character in Jyutping without tones
    (林 ``lam``; 行 ``hang haang hong``), empty when Unihan gives none."""
    return _table().get(ch, ())


def _split(syllable: str) -> tuple[str, str]:
    """A Jyutping syllable's initial (possibly empty) and final."""
    for initial, _ in INITIALS:
        if syllable.startswith(initial) and syllable[len(initial) :] in FINALS:
            return initial, syllable[len(initial) :]
    return "", syllable


@lru_cache(maxsize=4096)
def hk_spellings(syllable: str) -> tuple[str, ...]:
    """How Hong Kong and Macau spell one Jyutping syllable without its tone
    (``jyut`` → ``yut yuet``; ``zoeng`` → ``cheung tseung cheong tseong``;
    ``si`` → ``sz sze si see shi shee``), empty for a syllable that is
    no Jyutping."""
    initial, final = _split(syllable)
    if final not in FINALS:
        return ()
    heads = dict(INITIALS).get(initial, ("",))
    out: list[str] = []
    if initial in ("z", "c", "s") and final == "i":
        out += [("s" if initial == "s" else "ts") + spelt for spelt in SIBILANT_I]  # *tsz*, *sze*
    for head in heads:
        for spelt in [*FINALS[final], *MACAU_FINALS.get(final, ())]:
            out.append(head + spelt[1:] if head == "y" and spelt.startswith("y") else head + spelt)
    for spelt in MALAYSIA_FINALS.get(final, ()):
        if not (heads[0] == "y" and spelt.startswith("i")):
            out.append(heads[0] + spelt)
    if initial == "g" and final in ("ong", "ok"):
        out += ["kw" + spelt for spelt in FINALS[final]]  # (merged: 江 *Kwong*)
    elif final[:1] == "o" and initial in ("gw", "kw"):
        # *gw* and *g* merged before *o* (廣 *Kong*), and Macau writes *gw*
        # *ku* (國 *Kuok*, 光 *Kuong*)
        out += [head + spelt for head in ("k", "ku") for spelt in FINALS[final]]
    elif initial in ("gw", "kw") and final[:1] == "a":
        out += ["ku" + spelt for spelt in FINALS[final]]  # Macau's 關 *Kuan*
    macau = [*FINALS[final], *MACAU_FINALS.get(final, ())]
    if initial == "j" and final[:1] in ("a", "e", "o", "u"):
        # Macau's *i* for *j* (一 *Iat*, 旭 *Iok*, 楊 *Ieong*)
        out += ["i" + spelt for spelt in macau]
    elif initial == "j" and final[:1] == "y":
        out += [spelt for spelt in macau if spelt[:1] != "y"]  # Macau's 宇 *U*, 袁 *Un*
    elif initial == "j" and final[:1] == "i":
        out += macau  # no *y* before *i* (葉 *Ip*, 姚 *Iu*; Macau's 益 *Ek*)
    elif initial == "w" and final[:1] != "u":
        out += ["v" + spelt for spelt in macau]  # Macau's *v* for *w* (灣 *Van*, 黃 *Vong*)
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=8192)
def cantonese_spellings(ch: str) -> tuple[str, ...]:
    """Every Hong Kong or Macau spelling of one character's Cantonese readings
    (月 → ``yut yuet``; 林 → ``lam lum``), empty for a character with none."""
    out: list[str] = []
    for syllable in jyutping(ch):
        out += hk_spellings(syllable)
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=8192)
def macau_given_spellings(ch: str) -> tuple[str, ...]:
    """The spellings Macau gives a character of a given name beside
    :func:`cantonese_spellings` (:data:`MACAU_GIVEN_FINALS`: 春 → ``chon
    tson``, 少 → ``sio shio``, 潤 → ``yon ion``), empty for a character with
    no reading of those finals."""
    out: list[str] = []
    for syllable in jyutping(ch):
        initial, final = _split(syllable)
        for spelt in MACAU_GIVEN_FINALS.get(final, ()):
            heads = dict(INITIALS).get(initial, ("",))
            out += [head + spelt for head in heads]
            if initial == "j":
                out.append("i" + spelt)  # (Macau's *i* for *j*: 潤 *Ion*)
    return tuple(dict.fromkeys(out))
