"""Hokkien readings of Chinese characters, spelt as names of Taiwan, Singapore
and Malaysia spell them.

Most Chinese in Singapore, Malaysia and the Philippines, and many in Taiwan,
write their names by their Hokkien (Southern Min) readings, not their Mandarin
ones: 陈庆炎 is *Tan Keng Yam* (Mandarin *Chen Qingyan*), 蕭美琴 *Hsiao
Bi-khim* (the given name in Hokkien), 林 *Lim*, 黃 *Ng*, 王 *Ong*, 蔡 *Chua*.

Unihan has no Hokkien field; the readings are taibun's (literary and
colloquial readings in Tâi-lô, from the Taiwanese–Chinese Online Dictionary and
iTaigi, CC BY-SA 4.0), shipped without tones as ``data/han_hokkien.txt.gz``
by :mod:`thaw.text._make_hokkien`, under that licence with its attribution
(``data/NOTICE-taibun.md``; ``docs/THIRD_PARTY.md`` lists every shipped table).

Names are not written in Tâi-lô but in Pe̍h-ōe-jī (POJ), the older
missionary spelling that Tâi-lô was derived from, with its marks folded away,
and in the English-based spellings of Singapore and Malaysia built on it.
:func:`hokkien_spellings` gives, for each reading:

* its **POJ** form, by the published correspondence with Tâi-lô
  (:data:`POJ`: *ts* and *tsh* are *ch* and *chh*, *ing* and *ik* are *eng*
  and *ek*, *ua* and *ue* are *oa* and *oe*; the nasal *nn*, POJ's
  superscript ⁿ, is dropped; *oo* is *o͘*, written *oo* or *o* once folded);
* the **customary spellings** of names (:data:`CUSTOMARY`), each a
  habit of English spelling applied to a POJ sound: *o͘* as *o* (許 *Khoo*,
  *Kho*), *eng*, *ek*, *oa* and *oe* also as Tâi-lô writes them (生 *Sing*, 蔡
  *Chua*), a final *o͘* as *aw* (胡 *Aw*, 虎 *Haw*, 許 *Khaw*), an aspirated
  initial written without its *h* (許 *Koh*, 慶 *Keng*), a final *o* as *oh*
  (*Koh*, *Toh*), a final *e* as *eh* or *ay* (鄭 *Teh*, *Tay*; 生 *Say*), a
  final *i* as *ee* (*Lee*, *Chee*), *u* as *oo* (*Foo*, *Boon*),
  *au* as *ow* (劉 *Low*), *iu* as *ew* or *iew* (周 *Chew*, 秀 *Siew*),
  *ai* as *ye* (財 *Chye*), *io* as *eo* (玉 *Geok*, 隆 *Leong*), *ui* as
  *wee* (瑞 *Swee*), *ia* as *ea* (傑 *Keat*) and a final one as *eah* (謝
  *Cheah*), a final *a* as *ah* (嘉 *Kah*), a first *i* before a vowel as
  *y* (炎 *Yam*), a final *k* as *ck* (福 *Hock*), *oa*
  after *k*, *g*, *s* or *h* as *wa* (柯 *Kwa*, 華 *Hwa*) and a first *u*
  (*oa*, *oe*) before a vowel as *w* (遠 *Wan*, 越 *Wat*), the initial *ng*
  before a vowel, a nasal *g*, as *g* (吳, 梧 *Goh*);
* its **Tâi-lô** form, where it begins with *ts* or *tsh* (its aspiration
  dropped, as the customary spellings drop it: 子 *tsu*, 許子根 *Koh Tsu
  Koon*), as some names write Taiwan's official romanisation
  (:func:`tailo_spelling`);
* the same spellings of its **Teochew** form where that differs, which has
  no final *-n* or *-t* but *-ng* and *-k* (:func:`teochew`: 陳 *Tang*, 安
  *Ang*, 一 *Ik*);
* its spelling in **Indonesia** (:data:`INDONESIAN`), the Dutch-based one
  the Chinese of the Dutch East Indies wrote their names in and keep: *u* as
  *oe*, *ch* as *tj*, *j* as *dj*, a closed *i* also *ie* (黃仲涵 *Oei Tiong
  Ham*, 林紹良 *Liem Sioe Liong*, 蔡 *Tjoa*).

At most :data:`MAX_PER_READING` customary spellings a reading, then the
Indonesian ones. Family names that Teochew, Hakka or Hokchiu readings give
(張 *Teo*, 王 *Heng*, 林 *Ling*) are :mod:`thaw.text.han_surnames`'.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path
from typing import Final

from thaw.text.cantonese import jyutping

#: ``character<TAB>tâi-lô …`` without tones (:mod:`thaw.text._make_hokkien`),
#: and its SHA-256.
HOKKIEN_PATH: Final = Path(__file__).resolve().parent / "data" / "han_hokkien.txt.gz"
HOKKIEN_SHA256: Final = "eb3a6a8bad4f93950545f30e925fb70fd44ff38ae8100f519fc3ac14f77f4162"
#: Readings inferred for the characters the table lacks, from their
#: homophones in Mandarin and Cantonese (:mod:`thaw.text._make_hokkien_homophones`),
#: in the same form, and its SHA-256.
HOMOPHONES_PATH: Final = Path(__file__).resolve().parent / "data" / "han_hokkien_homophones.txt.gz"
HOMOPHONES_SHA256: Final = "a133bac124f755b9d52a3e3cffef5404c09171713e193c932ef1419e400554c6"

#: Tâi-lô to POJ, in order (each applied once to the whole syllable).
POJ: Final[tuple[tuple[str, str], ...]] = (
    (r"^tsh", "chh"),
    (r"^ts", "ch"),
    (r"ing$", "eng"),
    (r"ik$", "ek"),
    (r"ua", "oa"),
    (r"ue", "oe"),
    (r"nn", ""),
)
#: The customary spellings (see the module docs): each rewrite is optional,
#: applied to every spelling found so far.
CUSTOMARY: Final[tuple[tuple[str, str], ...]] = (
    (r"oo", "o"),
    (r"oo$", "aw"),
    (r"eng$", "ing"),
    (r"ek$", "ik"),
    (r"oa", "ua"),
    (r"oe", "ue"),
    (r"^(ch|k|p|t)h", r"\1"),
    (r"^chh", "ch"),
    (r"(?<!o)o$", "oh"),
    (r"(?<=[^aeiou])e$", "eh"),
    (r"(?<=[^aeiou])e$", "ay"),
    (r"oo$", "oh"),
    (r"(?<=[^aeiou])i$", "ee"),
    (r"(?<=[^aeiou])u(?=[nt]?$)", "oo"),
    (r"au$", "ow"),
    (r"iu$", "ew"),
    (r"iu$", "iew"),
    (r"(?<=[^aeiou])ai$", "ye"),
    (r"io", "eo"),
    (r"ui$", "wee"),
    (r"ia(?=[nt]?$)", "ea"),
    (r"(?<=[^aeiou])ia$", "eah"),
    (r"(?<=[^aeiou])a$", "ah"),
    (r"^i(?=[aeou])", "y"),
    (r"(?<=[aeiou])k$", "ck"),
    (r"^(kh?|g|s|h)oa", r"\1wa"),
    (r"^u(?=[ae])", "w"),
    (r"^ng(?=[aeiou])", "g"),
)
#: The Dutch-based spelling of Indonesia (*Ejaan Van Ophuijsen*, in use for
#: Chinese names until 1972 and kept by their owners since: 黃仲涵 *Oei Tiong
#: Ham*, 林紹良 *Liem Sioe Liong*, 黃奕聰 *Oei Ek Tjhong*), applied to the POJ
#: form in order: *u* written *oe*, but *au* *auw* (劉 *Lauw*), *j* *dj*,
#: *ch* *tj*.
INDONESIAN: Final[tuple[tuple[str, str], ...]] = (
    (r"(?<!a)u", "oe"),
    (r"au$", "auw"),
    (r"j", "dj"),
    (r"ch", "tj"),
)
#: A lone *i* closed by *m*, *n* or *t*, which that spelling writes *ie*
#: (林 *Liem*, 金 *Kiem*; beside *Lim*, *Kim*).
_DUTCH_IE: Final = re.compile(r"(?<=[^aeiou])i(?=[mnt]$)")
#: The codas Teochew says otherwise (:func:`teochew`).
_TEOCHEW_CODA: Final = re.compile(r"(?<!n)n$|t$")
#: Tâi-lô's aspirated *tsh*, which a name writes *ts*.
_TAILO_ASPIRATED: Final = re.compile(r"^tsh")
#: The most spellings :func:`hokkien_spellings` gives for one reading.
MAX_PER_READING: Final = 12
_RULES: Final = tuple((re.compile(p), r) for p, r in CUSTOMARY)
_POJ: Final = tuple((re.compile(p), r) for p, r in POJ)
_INDONESIAN: Final = tuple((re.compile(p), r) for p, r in INDONESIAN)


def _read(path: Path) -> dict[str, tuple[str, ...]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    return {ch: tuple(rest.split()) for ch, _, rest in (line.partition("\t") for line in lines)}


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    return _read(HOKKIEN_PATH)


@lru_cache(maxsize=1)
def _homophones() -> dict[str, tuple[str, ...]]:
    return _read(HOMOPHONES_PATH)


def tailo(ch: str) -> tuple[str, ...]:
    """One character's Hokkien readings in Tâi-lô without tones (林 ``lim na``;
    陳 ``tan tin``); for a character taibun's table lacks, the readings its
    homophones in Mandarin and Cantonese share
    (:mod:`thaw.text._make_hokkien_homophones`: 盧 ``loo``); empty when
    neither has any."""
    return _table().get(ch) or _homophones().get(ch, ())


def poj(syllable: str) -> str:
    """A toneless Tâi-lô syllable in POJ with its marks folded away
    (``tshua`` → ``chhoa``, ``ing`` → ``eng``, ``tiunn`` → ``tiu``; *o͘*
    stays ``oo``)."""
    for pattern, replacement in _POJ:
        syllable = pattern.sub(replacement, syllable)
    return syllable


def indonesian(spelt: str) -> tuple[str, ...]:
    """A POJ syllable as Indonesia's Dutch-based spelling writes it
    (:data:`INDONESIAN`: ``ui`` → ``oei``, ``chhong`` → ``tjhong``), and with
    a closed *i* as *ie* (``lim`` → ``liem``); empty where that spelling writes
    the syllable as POJ does."""
    dutch = spelt
    for pattern, replacement in _INDONESIAN:
        dutch = pattern.sub(replacement, dutch)
    out = [dutch, _DUTCH_IE.sub("ie", dutch)]
    return tuple(w for w in dict.fromkeys(out) if w != spelt)


@lru_cache(maxsize=8192)
def reading_spellings(syllable: str) -> tuple[str, ...]:
    """The spellings of one toneless Tâi-lô syllable: in POJ and in the
    customary spellings (see the module docs), at most
    :data:`MAX_PER_READING`; then its Tâi-lô form where a name may write it
    (:func:`tailo_spelling`) and the POJ form as Indonesia spells it
    (:func:`indonesian`)."""
    first = poj(syllable)
    out = [first]
    for pattern, replacement in _RULES:
        for spelt in list(out):
            other = pattern.sub(replacement, spelt)
            if other != spelt and other not in out:
                out.append(other)
    kept = [s for s in out if s.isalpha()][:MAX_PER_READING]
    tailo_form = tailo_spelling(syllable)
    if tailo_form and tailo_form not in kept:
        kept.append(tailo_form)
    kept += [s for s in indonesian(first) if s not in kept]
    return tuple(kept)


def tailo_spelling(syllable: str) -> str:
    """A toneless Tâi-lô syllable as a name writes it in Tâi-lô itself,
    where that differs from every POJ-based spelling: one that begins with
    *ts* (``tsu``; ``tshiu`` → ``tsiu``, the aspiration dropped, the nasal
    *nn* too); empty for any other."""
    if not syllable.startswith("ts"):
        return ""
    return _TAILO_ASPIRATED.sub("ts", syllable).replace("nn", "")


@lru_cache(maxsize=8192)
def hokkien_spellings(ch: str) -> tuple[str, ...]:
    """Every spelling of one character's Hokkien readings (林 → ``lim na``…,
    陳 → ``tan tin``…), then of their Teochew forms (:func:`teochew`: 陳
    ``tang``, 安 ``ang``; :func:`teochew_oi`: 細 ``soi``; :func:`teochew_ong`:
    中 ``tong``), empty for a character the table lacks."""
    out: list[str] = []
    readings = tailo(ch)
    for syllable in readings:
        out += reading_spellings(syllable)
    for syllable in readings:
        out += reading_spellings(teochew(syllable))
    for syllable in (*teochew_oi(ch, readings), *teochew_ong(ch, readings)):
        out += reading_spellings(syllable)
    return tuple(dict.fromkeys(out))


def teochew_oi(ch: str, readings: tuple[str, ...]) -> tuple[str, ...]:
    """The Teochew readings in *oi* of a character of the rhymes that Teochew
    says *oi* where Hokkien says *ue* (Amoy) or *e* (Zhangzhou): 細 *soi*, 買
    *boi*, 雞 *koi*, 底 *toi*, 齊 *tsoi*, 鞋 *oi* (蔡細歷 *Chua Soi Lek*). Those
    are the characters whose open Tâi-lô reading has both forms (``sue`` and
    ``se``) and whose Cantonese reading ends in *ai* (細 *sai*, 雞 *gai*, 買
    *maai*: the Middle Chinese rhymes they share); the other characters read
    both ways, 火 *hue he*, 皮 *phue phe*, 尾 *bue be* (Cantonese *fo*, *pei*,
    *mei*), keep *ue* in Teochew (*hue*, *phue*, *bue*). Empty for any other
    character."""
    if not any(j.endswith("ai") for j in jyutping(ch)):
        return ()
    found = set(readings)
    return tuple(r[:-2] + "oi" for r in readings if r.endswith("ue") and r[:-2] + "e" in found)


#: Hokkien's *iong* after a dental or a sibilant (Tâi-lô), which Teochew says
#: *ong* in the rhymes Cantonese reads *ung* (:func:`teochew_ong`).
_IONG_AFTER_DENTAL: Final = re.compile(r"^(th?|tsh?|s|l|n|j)iong$")


def teochew_ong(ch: str, readings: tuple[str, ...]) -> tuple[str, ...]:
    """The Teochew readings in *ong* of a character whose Hokkien reading
    is *iong* after a dental or a sibilant and whose Cantonese reading ends in
    *ung* (the Middle Chinese rhymes of 中, 忠, 松, 龍: Teochew *tong*, *tong*,
    *song*, *long*; 詹時中 *Chiam See Tong*); the *iong* of the rhymes Cantonese
    reads *oeng* (張, 祥, 良) is *iang* in Teochew, and the *iong* after *k*,
    *h* or no initial (勇, 雄) stays. Empty for any other character."""
    if not any(j.endswith("ung") for j in jyutping(ch)):
        return ()
    return tuple(r[:-4] + "ong" for r in readings if _IONG_AFTER_DENTAL.match(r))


def teochew(syllable: str) -> str:
    """A toneless Tâi-lô syllable as Teochew, the Southern Min of Chaozhou and
    Shantou and of many Chinese of Singapore, Malaysia and Thailand, reads it
    where it differs in its coda: Teochew has lost the final *-n* and *-t*,
    which it says *-ng* and *-k* (陳 *tan* → ``tang``, 安 *an* → ``ang``, 一
    *it* → ``ik``), and kept *-m* and *-p*. The rest of a Teochew reading is
    as often Hokkien's as not, and is not guessed."""
    return _TEOCHEW_CODA.sub(lambda m: "ng" if m.group() == "n" else "k", syllable)
