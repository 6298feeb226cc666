"""Chinese characters: pinyin, and the other readings a name in them may need.

**Pinyin** (:func:`han_words`): one syllable per character (ICU's ``Han-Latin``,
tones removed); name analysis compares Chinese and Korean syllables one by one,
as written (:mod:`thaw.text.analyze`).

A name written in Chinese characters is not always a Chinese name, and
:func:`han_variants` offers the readings it may need beside its pinyin:

* **Korean names** in hanja (金铁三, *Kim Chol Sam*): each character read the
  Korean way (:func:`thaw.text.korean.korean_reading`, 김철삼), which name
  analysis then reads as it reads Hangul; only for a name written as Korean
  names are, in one word of two to four characters;
* **foreign names transcribed** (阿不都·哈克 *Abdul Haq*, 坎迪斯 *Candace*):
  Chinese writes a foreign name with characters chosen for their sound, by a
  standard practice (the Xinhua tables of foreign names) that this undoes in
  general terms (:func:`foreign_reading`): a consonant that no vowel follows is
  written with a character of its own, 斯 *si* for *s*, 克 *ke* for *k*, 德 *de*
  for *d*, 布 *bu* for *b*, 尔 *er* for *r*; those characters read as the bare
  consonant when a consonant or the end of the word follows (at the start of a
  word, when they begin a cluster: 布拉德 *Brad*), and pinyin's
  *x*, *q*, *zh*, *c* as the *s*, *ch*, *j*, *ts* they transcribe (坎迪斯 →
  *kandis*, 阿不都·哈克 → *abdou hak*); a word whose transcription use has
  fixed otherwise (普京 *Putin*, 弗拉基米尔 *Vladimir*, 亚历山大 *Aleksandr*: the
  common given names, :data:`CONVENTIONAL`) is read as the lists write it, and
  京 ending a word as *tin* (米舒斯京 *Mishustin*). Only a name that looks transcribed gets
  this reading: one whose parts are joined by a middle dot (·, as Chinese
  writes foreign names), or with a word of three characters or more that ends
  in such a consonant character; a Chinese name keeps being compared syllable by
  syllable. Beside that reading, such a name is read by the Xinhua table
  itself (:func:`xinhua_reading`): its grid gives each character the Latin
  syllable it stands for, in columns of the vowels *a e i o u*, so that the
  *e* column is written with pinyin's *ai* and *ei* syllables (梅 *me*, 莱
  *le*, 贝 *be*), the *o* column with *ao*, *ou*, *uo* ones (奥 *o*, 莫 *mo*),
  and *l* and *r*, *t* and *d*, *k* and *j* with characters of their own (利
  *li*, 里 *ri*; 蒂 *ti*; 基 *ki*): 梅罗拉 → *merola*, 埃蒂卡 → *etika*.
"""

from __future__ import annotations

import gzip
import itertools
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Final

from thaw.text.cantonese import cantonese_spellings, macau_given_spellings
from thaw.text.gwoyeu import gwoyeu
from thaw.text.han_names import family_readings, written_as_chinese
from thaw.text.han_surnames import surname_spellings
from thaw.text.hokkien import hokkien_spellings
from thaw.text.japanese import complete_reading, kanji_name_readings, kunrei
from thaw.text.korean import korean_reading
from thaw.text.rules import transliterator as _icu
from thaw.text.taiwan import er_spellings, mps2, tongyong
from thaw.text.wadegiles import wade_giles

_NON_ALNUM: Final = re.compile(r"[^a-z0-9]+")
#: The common characters with more than one Mandarin reading
#: (``character<TAB>reading …``, from Unihan, written by
#: :mod:`thaw.text._make_unihan`), and its SHA-256.
POLYPHONES_PATH: Final = Path(__file__).resolve().parent / "data" / "han_polyphones.txt.gz"
POLYPHONES_SHA256: Final = "1cb9fa651fbba8049c0effa0e24039bdf5204515dbcd882c4c46c9b180423811"
#: The most readings :func:`polyphone_variants` gives for one name.
MAX_POLYPHONE_VARIANTS: Final = 4
#: A Chinese character (the CJK unified ideographs, extension A and the
#: compatibility ideographs), as a regular-expression class.
HAN_CHARACTER: Final = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
#: The middle dots written between the parts of a transcribed foreign name, as a
#: regular-expression class.
MIDDLE_DOT: Final = "[·•‧・･∙⋅]"
HAN: Final = re.compile(HAN_CHARACTER)
_ONLY_HAN: Final = re.compile(f"^{HAN_CHARACTER}+$")
_WORDS: Final = re.compile(r"\w+")
_DOTS: Final = re.compile(MIDDLE_DOT)
#: *xìng*, "surname": written after one (祁姓, "the surname Qi").
_SURNAME: Final = "姓"

#: The characters that transcribe a consonant alone (the Xinhua tables'
#: column for a consonant no vowel follows, simplified and traditional, and 不
#: of Uyghur and Arabic names: 阿不都 *Abdu*), and that consonant.
_CONSONANT_CHARACTERS: Final = {
    "布": "b",
    "不": "b",
    "普": "p",
    "德": "d",
    "特": "t",
    "格": "g",
    "克": "k",
    "夫": "f",
    "姆": "m",
    "尔": "r",
    "爾": "r",
    "斯": "s",
    "兹": "z",
    "茲": "z",
    "茨": "ts",
    "什": "sh",
    "赫": "h",
    "弗": "f",
    "奇": "ch",
}
#: Words whose transcription is fixed by use rather than by the tables: the
#: most common foreign given names and a few surnames known before the tables
#: (基 writes *di* in 弗拉基米尔, 京 *tin* in 普京, 亚历山大 keeps the Greek
#: *Alexandros*), read as the lists write them.
CONVENTIONAL: Final = {
    "弗拉基米尔": "vladimir",
    "亚历山大": "aleksandr",
    "亞歷山大": "aleksandr",
    "普京": "putin",
    "谢尔盖": "sergei",
    "謝爾蓋": "sergei",
    "德米特里": "dmitri",
    "米哈伊尔": "mikhail",
    "阿列克谢": "aleksei",
    "叶夫根尼": "yevgeni",
    "尤里": "yuri",
    "伊戈尔": "igor",
    "安德烈": "andrei",
    "尼古拉": "nikolai",
    "维克托": "viktor",
    "奥列格": "oleg",
    "鲍里斯": "boris",
    "根纳季": "gennadi",
    "康斯坦丁": "konstantin",
    "基里尔": "kirill",
    "穆罕默德": "muhammad",
    "阿卜杜勒": "abdul",
    "侯赛因": "hussein",
    "哈梅内伊": "khamenei",
}
#: Pinyin initials and the sounds they transcribe in foreign names.
_INITIALS: Final = (("zh", "j"), ("x", "s"), ("q", "ch"), ("c", "ts"))
_VOWELS: Final = frozenset("aeiouy")
#: Syllables whose *e* writes an *o* in transcriptions.
_BACK_E: Final = frozenset({"ke", "ge", "he"})


_KANA: Final = re.compile("[\u3040-\u30ff]")
_HANGUL: Final = re.compile("[\uac00-\ud7a3]")


def cjk_script(name: str) -> str:
    """``Hangul`` for a name with a Hangul syllable, ``Han`` for one with Chinese
    characters (and no kana: a name with kana is Japanese), else empty: the
    scripts whose names meet through extra readings
    (:func:`thaw.text.analyze.name_variants`) that two different names of the
    script may share (王小明 and 王晓明 both read *wang xiaoming*); see
    :func:`simplified` for two writings of one name."""
    if name.isascii():
        return ""
    if _HANGUL.search(name):
        return "Hangul"
    return "Han" if HAN.search(name) and not _KANA.search(name) else ""


@lru_cache(maxsize=4096)
def simplified(name: str) -> str:
    """``name`` with its traditional Chinese characters in their simplified
    forms (ICU's ``Traditional-Simplified``: 習近平 → 习近平), spaces taken
    out: two writings of one name compare equal so."""
    return str(_icu("Traditional-Simplified").transliterate(name)).replace(" ", "")


def han_words(word: str) -> list[str]:
    """A word in Chinese characters as lower-case ASCII words, one pinyin
    syllable per character (金铁三 → ``jin tie san``)."""
    latin = str(_icu("Any-Latin; Latin-ASCII").transliterate(word)).lower()
    return [w for w in _NON_ALNUM.split(latin.replace("'", "")) if w]


@lru_cache(maxsize=1)
def _polyphones() -> dict[str, tuple[str, ...]]:
    with gzip.open(POLYPHONES_PATH, "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    return {ch: tuple(rest.split()) for ch, _, rest in (line.partition("\t") for line in lines)}


@lru_cache(maxsize=4096)
def _reading(ch: str) -> str:
    """One character's pinyin as :func:`han_words` reads it."""
    return "".join(han_words(ch))


@lru_cache(maxsize=4096)
def polyphone_variants(name: str, family: bool = False) -> tuple[str, ...]:
    """The name's pinyin with a character that has several readings read
    another way (曾国藩: ``zeng guo fan`` beside ICU's ``ceng``; 单 *Shan*, 仇
    *Qiu*, 区 *Ou*: a surname often takes the reading the word does not),
    one character at a time, for the first such characters, then all of them
    together: at most :data:`MAX_POLYPHONE_VARIANTS` readings, each one pinyin
    syllable per character, words as written. With ``family`` (a name
    written as Chinese names are, whose first character is the family name),
    the first character is read only as a family name
    (:func:`thaw.text.han_names.family_readings`: 曾 *Zeng*, but 丁 never
    *zheng*, 陳 never *zhen*). Empty when no character has another
    reading."""
    table = _polyphones()
    chars = [ch for ch in name if not ch.isspace()]
    others: list[tuple[int, tuple[str, ...]]] = []
    for i, ch in enumerate(chars):
        readings = table.get(ch)
        if family and i == 0:
            readings = family_readings(ch)
        if readings:
            usual = _reading(ch)
            alternatives = tuple(r for r in readings if r != usual)
            if alternatives:
                others.append((i, alternatives))
    if not others:
        return ()
    base = [_reading(ch) if HAN.match(ch) else ch for ch in chars]
    bounds = [len(w) for w in name.split()]

    def spelt(readings: list[str]) -> str:
        words, at = [], 0
        for size in bounds:
            words.append(" ".join(r for r in readings[at : at + size] if r))
            at += size
        return " ".join(words)

    out: list[str] = []
    for i, alternatives in others:
        for reading in alternatives[:2]:
            out.append(spelt([*base[:i], reading, *base[i + 1 :]]))
    if len(others) > 1:
        together = list(base)
        for i, alternatives in others:
            together[i] = alternatives[0]
        out.append(spelt(together))
    return tuple(dict.fromkeys(out))[:MAX_POLYPHONE_VARIANTS]


#: The characters of the Xinhua transcription table (《英语姓名译名手册》,
#: Xinhua News Agency, and its tables for other languages: one character per
#: Latin syllable, in columns of the vowels *a e i o u*) whose Latin syllable
#: the general rules of :func:`xinhua_word` do not give: the table keeps *l*
#: and *r* apart where it can (利 *li*, 里 *ri*; 洛 *lo*, 罗 *ro*; 卢 *lu*, 鲁
#: *ru*; 莱 *le*, 雷 *re*), writes *v* (维 *vi*, 瓦 *va*) and *ti*, *ki*, *gi*,
#: *zi*, *hi* with characters that pinyin reads otherwise (蒂 *di*, 基 *ji*, 吉 *ji*,
#: 齐 *qi*, 希 *xi*); simplified and traditional forms.
XINHUA: Final = {
    "蒂": "ti", "基": "ki", "吉": "gi", "齐": "zi", "齊": "zi", "希": "hi",
    "里": "ri", "裏": "ri", "罗": "ro", "羅": "ro", "鲁": "ru", "魯": "ru", "雷": "re",
    "瑞": "ri", "若": "ro",
    "维": "vi", "維": "vi", "瓦": "va", "沃": "vo", "韦": "ve", "韋": "ve", "武": "vu",
    "万": "van", "萬": "van", "文": "ven", "福": "fo", "约": "yo", "約": "yo", "尤": "yu",
    "乔": "jo", "喬": "jo", "肖": "sho", "贾": "ja", "賈": "ja", "詹": "jan",
    "杰": "je", "傑": "je", "切": "che", "谢": "she", "謝": "she", "夏": "sha",
    "舍": "she", "朱": "ju", "茜": "si", "娜": "na", "琼": "jon", "瓊": "jon",
    "埃": "e", "艾": "a", "伊": "i", "乌": "u", "烏": "u", "阿": "a", "奥": "o", "奧": "o",
    "欧": "o", "歐": "o", "恩": "en", "因": "in", "温": "un", "溫": "un",
    "加": "ga", "嘉": "ga", "恰": "cha", "伦": "len", "倫": "len", "蓬": "pon",
}  # fmt: skip
#: Pinyin finals and the vowels they write in transcriptions (the *e* column
#: is written with *ai* and *ei* syllables: 贝 *be*, 梅 *me*, 莱 *le*; the *o*
#: column with *ao*, *ou* and *uo* ones: 博 *bo*, 莫 *mo*, 托 *to*).
_XINHUA_FINALS: Final = (
    ("iang", "ian"), ("ang", "an"), ("eng", "en"), ("ing", "in"), ("ong", "on"),
    ("ai", "e"), ("ei", "e"), ("ao", "o"), ("ou", "o"), ("uo", "o"), ("ie", "e"),
)  # fmt: skip


def xinhua_word(word: str) -> str:
    """One word of a foreign name in Chinese characters read by the Xinhua
    transcription table (:data:`XINHUA`) rather than as pinyin is spelt: each
    character a Latin syllable (梅罗拉 *merola*, 莱奥塔 *leota*, 埃蒂卡 *etika*,
    巴齐尼 *bazini*); a character of the consonant column alone where no vowel
    follows it (:data:`_CONSONANT_CHARACTERS`, as :func:`_transcribed_word`
    reads it); any other character by its pinyin, its initial as
    :func:`_transcribed_word` reads it and its final by the table's columns
    (:data:`_XINHUA_FINALS`: 贝 *be*, 博 *bo*, 丁 *din*)."""
    syllables = han_words(word)
    if len(syllables) != len(word):
        return " ".join(syllables)
    out: list[str] = []
    last = len(syllables) - 1
    for i, syl in enumerate(syllables):
        following = XINHUA.get(word[i + 1], syllables[i + 1]) if i < last else ""
        bare = _bare_consonant(word[i], i, following)
        if bare is not None:
            out.append(bare)
            continue
        fixed = XINHUA.get(word[i])
        if fixed is not None:
            out.append(fixed)
            continue
        syl = _initial_sound(syl)
        for final, vowel in _XINHUA_FINALS:
            if syl.endswith(final) and (syl != final or final in ("ai", "ao", "ou")):
                syl = syl[: -len(final)] + vowel
                break
        if syl.startswith("yi") or (syl.startswith("y") and out and out[-1][-1:] in "ie"):
            syl = syl[1:]  # 伊 *i*; 亚 after *i* *a*
        elif syl.startswith("w"):
            syl = "v" + syl[1:] if syl[1:2] in _VOWELS else syl
        out.append(syl)
    for i in range(len(out) - 1):
        # a nasal before a consonant is one sound with it (坦娜 *tana*, 登姆
        # *dem*), and m before a labial (蓬皮 *pompi*, 伦博 *lembo*)
        if out[i].endswith("n") and out[i + 1][:1] in ("n", "m"):
            out[i] = out[i][:-1]
        elif out[i].endswith("n") and out[i + 1][:1] in ("b", "p"):
            out[i] = out[i][:-1] + "m"
    return "".join(out)


def _cluster(bare: str, following: str) -> bool:
    """Whether a consonant character that begins a word writes the first
    consonant of a cluster: before *l* (which writes *l* and *r*: 布拉德 *Brad*,
    弗兰克 *Frank*), or *s* before a consonant (斯特 *St*)."""
    if not following:
        return False
    return following[0] == "l" or (bare == "s" and following[0] not in _VOWELS)


def _initial_sound(syllable: str) -> str:
    """A pinyin syllable with its initial written as the sound it transcribes
    in foreign names (:data:`_INITIALS`: *x* → *s*, *q* → *ch*)."""
    for pinyin, sound in _INITIALS:
        if syllable.startswith(pinyin):
            return sound + syllable[len(pinyin) :]
    return syllable


def _bare_consonant(ch: str, at: int, following: str) -> str | None:
    """The consonant that the character ``ch`` (at index ``at`` of its word,
    before the Latin syllable ``following``) writes alone, or ``None`` when it
    writes a syllable: a character of the consonant column
    (:data:`_CONSONANT_CHARACTERS`) that no vowel follows, and that begins no
    word unless it begins a cluster (:func:`_cluster`)."""
    bare = _CONSONANT_CHARACTERS.get(ch)
    if bare is None or (at == 0 and not _cluster(bare, following)):
        return None
    return bare if not following or following[0] not in _VOWELS else None


def _transcribed_word(word: str, r_for_l: bool = False) -> str:
    """One word of a transcribed name in Latin letters; with ``r_for_l``, an
    *l* inside the word is read *r* (Chinese writes both with 拉, 罗, 里 …) and
    a *w* is read *v* (维 writes *vi* and *wi*), and three more of the
    transcription's looser habits are undone: *fei* writes *fi* (索菲亚
    *Sofia*), a syllable's *n* before another *n* is the same sound (丹尼尔
    *Daniel*, 埃琳娜), and *ng* before a consonant or last writes *n* (安东尼
    *Antoni*, 安东 *Anton*). Pinyin's *y* after an *i*, and in *yi*, is no sound of its own:
    玛丽亚 *malia*, 皮耶罗 *pielo*, 伊万 *iwan*."""
    if word in CONVENTIONAL:
        return CONVENTIONAL[word]
    syllables = han_words(word)
    if len(syllables) != len(word):
        return " ".join(syllables)
    out: list[str] = []
    last = len(syllables) - 1
    for i, syl in enumerate(syllables):
        following = syllables[i + 1] if i < last else ""
        bare = _bare_consonant(word[i], i, following)
        if bare is not None:
            if bare == "f" and i == last and out[-1][-1:] in ("o", "e"):
                bare = "v"  # Russian *-ov*, *-ev* (罗夫 *-rov*)
            out.append(bare)
            continue
        syl = _initial_sound(syl)
        if syl.endswith("uo") and syl[:1] not in _VOWELS:
            syl = syl[:-2] + "o"  # 罗 *ro*, *lo*; 多 *do*
        if syl.endswith("ie") and syl[:1] not in _VOWELS:
            syl = syl[:-2] + "e"  # 谢 *se*, 列 *le*
        if syl in _BACK_E:
            syl = syl[0] + "o"  # 科 *ko*, 戈 *go* (克 and 格 write k and g alone)
        if r_for_l and i > 0 and syl.startswith("l"):
            syl = "r" + syl[1:]
        elif r_for_l and syl.startswith("w"):
            syl = "v" + syl[1:].replace("ei", "i")  # 维 *vi*, 瓦 *va*
        if word[i] == "京" and i == last and i > 0:
            syl = "tin"  # 斯京 *-stin*, 普京 *Putin*
        if syl.startswith("yi") or (syl.startswith("y") and out and out[-1].endswith("i")):
            syl = syl[1:]  # 伊 *i*; 亚 after *i* *a*
        if syl.endswith("ng") and following[:1] in ("b", "p"):
            syl = syl[:-2] + "m"  # 蓬皮 *pempi*: ng before a labial is m
        elif r_for_l:
            if syl == "fei":
                syl = "fi"
            if syl.endswith("n") and following.startswith("n"):
                syl = syl[:-1]
            elif syl.endswith("ng") and following[:1] not in _VOWELS:
                syl = syl[:-1]  # (also last: 安东 *Anton*)
        out.append(syl)
    return "".join(out)


@lru_cache(maxsize=4096)
def foreign_reading(name: str, r_for_l: bool = False) -> str:
    """A foreign name written in Chinese characters read back into Latin letters
    (坎迪斯 → ``kandis``, 阿不都·哈克 → ``abdou hak``; see the module docs), or
    empty when the name does not look transcribed. Chinese writes *l* and *r*
    alike, and *w* and *v*; ``r_for_l`` reads an *l* inside a word as *r* and a
    *w* as *v* (卡德罗夫 ``kadlov``, ``kadrov``)."""
    parts = _DOTS.sub(" ", name).split()
    if not _DOTS.search(name) and not any(
        len(part) >= 3 and part[-1] in _CONSONANT_CHARACTERS for part in parts
    ):
        return ""  # (decided before reading anything: most names are not transcribed)
    words: list[str] = []
    for part in parts:
        words.append(_transcribed_word(part, r_for_l) if HAN.search(part) else part)
    return " ".join(words)


@lru_cache(maxsize=4096)
def xinhua_reading(name: str) -> str:
    """A name that looks transcribed (as :func:`foreign_reading` decides) read by
    the Xinhua table (:func:`xinhua_word`): 阿莱奥塔·梅罗拉 → ``aleota merola``;
    empty for any other name."""
    if not foreign_reading(name):
        return ""
    parts = _DOTS.sub(" ", name).split()
    return " ".join(
        CONVENTIONAL.get(part) or xinhua_word(part) if HAN.search(part) else part for part in parts
    )


#: How many of a lone word's Japanese readings are also given in Kunrei-shiki.
_KUNREI_READINGS: Final = 3
#: The most *l*/*r* letters inside a word that :func:`liquid_spellings` spells
#: both ways, each independently (more: all of them one way or the other).
MAX_LIQUIDS: Final = 2


def liquid_spellings(word: str) -> tuple[str, ...]:
    """``word`` (a reading of a transcribed name) with its *l* and *r* after the
    first letter spelt the other ways: Chinese writes both sounds with the
    same characters in practice (玛丽 *Mari*, 拉 *la* and *ra*), whatever the
    Xinhua table says. Each of up to :data:`MAX_LIQUIDS` letters either way
    (``malilena``: ``malirena``, ``marilena``, ``marirena``), else all *l* and
    all *r*; not ``word`` itself. A lone word's Xinhua reading gets them."""
    at = [i for i, c in enumerate(word) if i > 0 and c in "lr"]
    if not at:
        return ()
    if len(at) > MAX_LIQUIDS:
        spelt = [
            "".join("l" if i in at else c for i, c in enumerate(word)),
            "".join("r" if i in at else c for i, c in enumerate(word)),
        ]
    else:
        spelt = []
        for choice in itertools.product("lr", repeat=len(at)):
            letters = list(word)
            for i, c in zip(at, choice, strict=True):
                letters[i] = c
            spelt.append("".join(letters))
    return tuple(w for w in dict.fromkeys(spelt) if w != word)


def _korean_name(name: str) -> str:
    """The Korean reading of a name that may be a Korean one in hanja: written
    as Korean names are, surname and given name in one word of two to four
    characters (金铁三, also beside its pinyin: *Jin Tiesan (金铁三)*, which reads
    as the characters alone). A Chinese name written apart (云 董, given name
    first, as customer files write them) is not read in Korean."""
    words = [w for w in _WORDS.findall(name) if HAN.search(w)]
    if len(words) != 1 or not 2 <= len(words[0]) <= 4 or not _ONLY_HAN.match(words[0]):
        return ""
    return korean_reading(words[0])


def _lone_word(name: str) -> str:
    """The name's one word when it is a single word of two to four Chinese
    characters (a given name or a surname alone, or a foreign name written
    without its middle dot), else empty."""
    word = name.strip()
    return word if 2 <= len(word) <= 4 and _ONLY_HAN.match(word) else ""


@lru_cache(maxsize=4096)
def han_variants(name: str) -> tuple[str, ...]:
    """The other readings of a person's name written in Chinese characters (see
    the module docs): its Korean reading, its pinyin with characters of several
    readings read another way (:func:`polyphone_variants`; for a name written
    as one word, as Chinese writes names), then its readings
    as a transcribed foreign name (with *l* and *w*, then with *r* inside words
    and *v*), each when there is one.

    A name of one word of two to four characters alone (厄森, 夏尼, 勝輝) says
    too little to tell a Chinese, a Japanese and a transcribed foreign name
    apart, and gets every reading: as transcribed (:func:`_transcribed_word`)
    even without a sign of it, and, for two or three characters, the readings a
    Japanese name may have beside the dictionary's
    (:func:`thaw.text.japanese.kanji_name_readings`; one that reads each
    character apart as a single syllable joined into one word, as a Japanese
    given name is: :func:`_on_joined`); a name of one character,
    its Japanese readings (誠 *Makoto*)."""
    out: list[str] = []
    stripped = name.strip()
    if 2 <= len(stripped) <= 3 and stripped[-1] == _SURNAME and _ONLY_HAN.match(stripped):
        # 祁姓 "(the) surname Qi"
        out.append(" ".join(han_words(stripped[:-1])))
    lone = _lone_word(name)
    one_word = _ONLY_HAN.match(name.strip()) is not None
    if lone and written_as_chinese(lone):
        return tuple(dict.fromkeys([*out, *_chinese_written_variants(lone)]))
    readings = [_korean_name(name), *(polyphone_variants(name.strip()) if one_word else ())]
    readings += [foreign_reading(name), foreign_reading(name, True), xinhua_reading(name)]
    if lone:
        xinhua = xinhua_word(lone)
        readings += [_transcribed_word(lone), _transcribed_word(lone, True), xinhua]
        readings += liquid_spellings(xinhua)
        dictionary = complete_reading(lone) if len(lone) == 2 else ""
        names = [r for r in map(_on_joined, kanji_name_readings(lone)) if r != dictionary]
        readings += names
        readings += [kunrei(r) for r in [dictionary, *names][:_KUNREI_READINGS]]
    elif len(name) == 1 and HAN.match(name):
        readings += kanji_name_readings(name)
    for reading in readings:
        if reading and reading not in out:
            out.append(reading)
    return tuple(out)


_SYLLABLE: Final = re.compile(r"^(?:[^aeiouy]*y?)[aeiou]{1,2}n?$")


def single_syllable(reading: str) -> bool:
    """Whether one word of a Japanese reading is a single syllable, as the
    Sino-Japanese (*on*) readings of characters are (``jo``, ``sho``,
    ``ryu``, ``kan``, ``chu``), rather than a name's reading of its own
    (``hayashi``, ``taka``)."""
    return _SYLLABLE.match(reading) is not None


def _on_joined(reading: str) -> str:
    """A Japanese reading of a name, its words joined when each reads a
    character apart as a single syllable (:func:`single_syllable`): 雄舍
    ``yu sha`` is read ``yusha``. Two such words are how Japanese reads a
    Chinese name, a family name and a given name of a character each (they
    would meet *Lao She*, 老舍), while a Japanese name read so is one given
    name (菜結 *Nayu*, 実生 *Mio*)."""
    words = reading.split()
    on_only = len(words) > 1 and all(map(single_syllable, words))
    return "".join(words) if on_only else reading


def _chinese_written_variants(word: str) -> tuple[str, ...]:
    """:func:`han_variants` of a name written as Chinese names are
    (:func:`written_as_chinese`: 徐芳, 宋厚, 高彥艺), read as a Chinese name
    first:

    * no reading as a transcribed foreign name: Chinese transcription writes a
      foreign name with characters chosen for their sound, not with a family
      name and a given name (徐芳 is not *Sufan*); a name of three characters
      keeps only the plainest such readings, its syllables joined with their
      initials as Latin letters write the sounds (:func:`_transcribed_word`:
      王雪紅 ``wangsuehong`` ~ *Wang Hsueh-hung*, 侯友宜 ``houyoui`` ~ *Hou
      Yu-ih*, which meets the spellings no table gives) and by the Xinhua
      table (:func:`xinhua_word`: 马齐耶 ``mazie``); two characters joined are
      as short as one Latin word, and meet one (``sufan`` ~ *Sufian*);
    * its Korean reading only for three characters, as Korean names are
      written (金正恩 김정은): a Korean given name has two syllables, and a name
      of two characters with a Chinese family name is a Chinese one (宋厚 is
      not 송후);
    * first, the name in simplified characters where it is written in
      traditional ones (張偉 ``张伟``: one name, compared by its characters);
    * its other Mandarin readings (:func:`polyphone_variants`; its family
      name's only as a family name reads), and Japanese
      readings (:func:`thaw.text.japanese.kanji_name_readings`) only where no
      character reads as a single syllable (:func:`single_syllable`): that is
      how Japanese reads a Chinese name (徐芳 ``jo ho``, 蔣龍 ``sho ryu``),
      not a Japanese name."""
    written = simplified(word)
    readings = [written if written != word else ""]
    readings += [_korean_name(word) if len(word) == 3 else "", *polyphone_variants(word, True)]
    readings += [_transcribed_word(word), xinhua_word(word)] if len(word) == 3 else []
    japanese = [r for r in kanji_name_readings(word) if not any(map(single_syllable, r.split()))]
    readings += japanese
    readings += [kunrei(r) for r in japanese[:_KUNREI_READINGS]]
    return tuple(r for r in dict.fromkeys(readings) if r)


#: The most spellings :func:`han_spellings` gives for one character.
MAX_SPELLINGS: Final = 48
_ASCII_SYLLABLE: Final = re.compile(r"^[a-z]+$")


#: Pinyin's tone marks (combining) and the tones they mark.
_TONES: Final = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


@lru_cache(maxsize=8192)
def toned_reading(ch: str) -> tuple[str, int]:
    """One character's usual Mandarin reading (ICU's) as toneless pinyin, *ü*
    written ``v``, and its tone (1–4, 5 for none): 吕 ``("lv", 3)``; ``("",
    0)`` for a character that is not Chinese."""
    if not HAN.match(ch):
        return ("", 0)
    decomposed = unicodedata.normalize("NFD", str(_icu("Han-Latin").transliterate(ch)))
    decomposed = decomposed.replace("u\u0308", "v").lower()
    tone = next((_TONES[c] for c in decomposed if c in _TONES), 5)
    toneless = "".join(c for c in decomposed if not unicodedata.combining(c))
    return (toneless, tone) if _ASCII_SYLLABLE.match(toneless) else ("", 0)


@lru_cache(maxsize=8192)
def mandarin_readings(ch: str) -> tuple[str, ...]:
    """One character's Mandarin readings, toneless pinyin with *ü* written
    ``v`` (吕 ``lv``; 曾 ``ceng zeng``): ICU's reading (:func:`toned_reading`),
    then the other readings of a polyphonic character (:func:`polyphone_variants`'
    table, whose readings include a surname's: 单 *Shan*, 区 *Ou*). Empty for
    a character that is not Chinese."""
    usual, _ = toned_reading(ch)
    if not usual:
        return ()
    return tuple(dict.fromkeys([usual, *_polyphones().get(ch, ())]))


def pinyin_spellings(syllable: str) -> tuple[str, ...]:
    """How names write one toneless pinyin syllable: as it is, and *ü* (``v``)
    as *u*, *yu* (the PRC passport's spelling since 2012) or *v* (吕 ``lu lyu
    lv``)."""
    if "v" not in syllable:
        return (syllable,)
    return tuple(syllable.replace("v", sub) for sub in ("u", "yu", "v"))


#: The romanisation systems of :func:`spellings_by_system`, in order.
SYSTEMS: Final = (
    "pinyin", "wade-giles", "gwoyeu", "mps2", "tongyong", "cantonese", "hokkien",
)  # fmt: skip


@lru_cache(maxsize=8192)
def spellings_by_system(ch: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """One Chinese character's spellings per romanisation system
    (:data:`SYSTEMS`), for a caller that wants a name spelt in one system:

    * ``pinyin``: each Mandarin reading (:func:`mandarin_readings`) as pinyin
      writes it in names (:func:`pinyin_spellings`: *ü* as *u*, *yu*, *v*);
    * ``wade-giles``: each reading in Wade–Giles as Taiwan and older documents
      write it, apostrophes folded (:func:`thaw.text.wadegiles.wade_giles`: 蔣
      *chiang*);
    * ``gwoyeu``: the usual reading with its tone in Gwoyeu Romatzyh
      (:func:`thaw.text.gwoyeu.gwoyeu`: 九 *jeou*, 義 *yih*);
    * ``mps2``, ``tongyong``: each reading in Taiwan's MPS II and Tongyong
      Pinyin (:mod:`thaw.text.taiwan`: 邱 *chiou*, 張 *jhang*);
    * ``cantonese``: each Cantonese reading as Hong Kong and Macau spell it
      (:func:`thaw.text.cantonese.cantonese_spellings`: 鄭 *cheng*, 月 *yuet*);
    * ``hokkien``: each Hokkien reading in POJ and as Taiwan, Singapore and
      Malaysia spell it (:func:`thaw.text.hokkien.hokkien_spellings`: 陳
      *tan*, 蔡 *chua*).

    Systems with no spelling for the character are left out; empty for a
    character that is not Chinese."""
    readings = mandarin_readings(ch)
    usual, tone = toned_reading(ch)
    found = (
        ("pinyin", [sp for r in readings for sp in pinyin_spellings(r)]),
        ("wade-giles", [sp for r in readings for sp in wade_giles(r)]),
        ("gwoyeu", [gwoyeu(usual, tone)]),
        ("mps2", [mps2(r) for r in readings]),
        ("tongyong", [tongyong(r) for r in readings]),
        ("cantonese", list(cantonese_spellings(ch))),
        ("hokkien", list(hokkien_spellings(ch))),
    )
    out: list[tuple[str, tuple[str, ...]]] = []
    for system, spelt in found:
        kept = tuple(sp for sp in dict.fromkeys(spelt) if sp)
        if kept:
            out.append((system, kept))
    return tuple(out)


@lru_cache(maxsize=8192)
def han_spellings(ch: str) -> tuple[str, ...]:
    """Every Latin spelling of one Chinese character (simplified or
    traditional) as names are romanised, lower-case ASCII letters only: the
    spellings of every system of :func:`spellings_by_system` (pinyin,
    Wade–Giles, Gwoyeu Romatzyh, MPS II and Tongyong Pinyin for Mandarin;
    Hong Kong's and Macau's for Cantonese; POJ and the customary spellings of
    Singapore and Malaysia for Hokkien), each once, in that order: 蔣 *jiang*,
    *chiang*, *cheung* …; 林 *lin*, *lam*, *lim* …. At most
    :data:`MAX_SPELLINGS`; empty for a character that is not Chinese."""
    out = [sp for _, spelt in spellings_by_system(ch) for sp in spelt]
    return tuple(dict.fromkeys(out))[:MAX_SPELLINGS]


@lru_cache(maxsize=4096)
def han_edges(word: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """One word of Chinese characters as the spelling comparison reads it
    (:mod:`thaw.text.spellings`): an edge per character, its spellings
    :func:`han_spellings`; the first character, where Chinese writes the
    family name, also with its spellings as one
    (:func:`thaw.text.han_surnames.surname_spellings`: 张 *Teo*, 王 *Heng*),
    right after its Mandarin ones, before the other systems'; every later
    one, a given name's, also with Macau's spellings of a given name
    (:func:`_with_given_spellings`: 春 *Chon*); every character read with
    the vowel *e*, also with the *er* that Taiwanese passports write for it
    (:func:`thaw.text.taiwan.er_spellings`: 柯 *Ker*)."""
    out: list[tuple[int, int, tuple[str, ...]]] = []
    for i, ch in enumerate(word):
        spelt = han_spellings(ch)
        family = surname_spellings(ch) if i == 0 else ()
        if family:
            mandarin = {sp for r in mandarin_readings(ch) for sp in pinyin_spellings(r)}
            first = [sp for sp in spelt if sp in mandarin]
            spelt = tuple(dict.fromkeys([*first, *family, *spelt]))
        if i:
            spelt = _with_given_spellings(ch, spelt)
        er = [sp for r in mandarin_readings(ch) for sp in er_spellings(r) if sp not in spelt]
        if er:
            spelt = (*spelt, *dict.fromkeys(er))  # (Taiwan's *er*: 柯 *Ker*)
        out.append((i, i + 1, spelt))
    return tuple(out)


#: The finals that Taiwan's Mandarin says, and its people's own spellings
#: of a given name often write, without their *g* (*-eng* as *-en*, *-ing*
#: as *-in*: the two nasals are one there): 周天成 *Chou Tien-chen*.
TAIWAN_MERGED: Final = ("eng", "ing")


def taiwan_given_spellings(ch: str) -> tuple[str, ...]:
    """The Wade–Giles spellings of ``ch`` (as Taiwan writes its people's
    names) with a final of :data:`TAIWAN_MERGED` written without its *g*
    (成 *cheng* → *chen*, 明 *ming* → *min*): how a given name may be spelt
    by a Taiwanese whose Mandarin says them alike; empty if it has none."""
    wade = dict(spellings_by_system(ch)).get("wade-giles", ())
    return tuple(dict.fromkeys(sp[:-1] for sp in wade if sp.endswith(TAIWAN_MERGED)))


def _with_given_spellings(ch: str, spelt: tuple[str, ...]) -> tuple[str, ...]:
    """``spelt``, the spellings of ``ch`` after a word's first character (a
    given name's), with Macau's that only a given name is written in
    (:func:`thaw.text.cantonese.macau_given_spellings`: 春 *Chon*) and
    Taiwan's merged nasals (:func:`taiwan_given_spellings`: 成 *chen*)."""
    given = (*macau_given_spellings(ch), *taiwan_given_spellings(ch))
    extra = [sp for sp in dict.fromkeys(given) if sp not in spelt]
    return (*spelt, *extra) if extra else spelt
