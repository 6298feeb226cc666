"""Japanese readings of names written in kanji and kana (pykakasi).

Han characters are read differently in Chinese and in Japanese: 鈴木一郎 is
*Língmù Yīláng* to a Chinese reader and *Suzuki Ichirō* to a Japanese one, and
the lists write Japanese people the Japanese way. A name in kanji alone does not
say which language it is in, so name analysis keeps the Chinese reading and
offers the Japanese one as a *variant* (:func:`thaw.text.analyze.name_variants`)
that the matcher and the index try as well; a name written with kana is
Japanese and is read the Japanese way only.

A name's reading is not always a dictionary word's: Japanese given names and
surnames read their characters in ways of their own (勝輝 *Katsuki*, 小畑
*Ohata*, where pykakasi says *kachi teru* and *obata*). A name of two or
three characters alone therefore also gets the likeliest combinations of its
characters' own readings (:func:`kanji_name_readings`, from Unihan's
Japanese readings shipped as ``data/kanji_readings.txt.gz``), and of the stems
names keep of them (明 *akiraka*, *Aki*), also with the voicing of compounds
(*rendaku*: 溝口 *Mizoguchi*) and in Kunrei-shiki, Japan's official
romanisation (:func:`kunrei`: 藤木 *Huziki*).

For the spelling comparison (:mod:`thaw.match.spelling`), :func:`kanji_edges`
gives every Latin spelling of each character of a name, by the readings names
give it (*nanori*: 智 *Satoshi*, 駿 *Hayao*) as EDRDG's KANJIDIC2 records them,
joined as Japanese joins them (*rendaku*, *sokuon*, a moraic *n*), with long
vowels written every way the lists write them (*Ito*, *Itou*, *Itoh*) and in
Kunrei-shiki, and the names JMnedict reads as a whole where their characters
cannot spell them (小鳥遊 *Takanashi*). Its tables (``data/kanjidic_readings``,
``data/jmnedict_names``) load on the first name in kanji.

The reading is pykakasi's modified Hepburn, with long vowels written as the
lists write them: ``ou``/``oo`` → ``o`` and ``uu`` → ``u`` (*Ichirou* →
*Ichiro*). pykakasi loads its dictionary on first use (a few tenths of a
second), which only names written in kanji or kana pay.
"""

from __future__ import annotations

import gzip
import itertools
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from thaw._process import collector_paused

#: Each Chinese character's Japanese readings (``character<TAB>reading …``,
#: from Unihan, written by :mod:`thaw.text._make_unihan`), and its SHA-256.
KANJI_PATH: Final = Path(__file__).resolve().parent / "data" / "kanji_readings.txt.gz"
KANJI_SHA256: Final = "34926a141c5ac8d454db1fd9edf280ec0e51815f32f9e0b0d4c3a1f8de5f5fcd"
#: The most readings :func:`kanji_name_readings` gives for one name.
MAX_NAME_READINGS: Final = 8
#: The most readings a name of three characters gets (as many Chinese names
#: are written, whose readings these are not).
_THREE_READINGS: Final = 4
#: How many of them are the shortest combinations (the rest are of the
#: characters' first readings).
_SHORTEST: Final = 5

#: The iteration marks of Chinese characters: 々 (and its form in vertical
#: writing, 〻) writes the character before it again (佐々木 is 佐佐木, *Sasaki*;
#: 野々村 *Nonomura*), in Japanese names above all, and in Chinese text too.
ITERATION_MARKS: Final = "々〻"
#: Variant forms (*itaiji*) that Japanese family names keep in their
#: registered spelling, against the standard character they are written for
#: (髙橋 is 高橋, *Takahashi*; 𠮷田 is 吉田, *Yoshida*; 山﨑 *Yamazaki*): the
#: dictionaries give them no name readings, or none at all. Only forms that
#: are no standard character of any language: 德, 淸, 增 are Korean and
#: traditional Chinese characters in their own right, and stay.
KANJI_VARIANTS: Final = {
    "髙": "高",
    "𠮷": "吉",
    "栁": "柳",
    "﨑": "崎",
    "嵜": "崎",
    "㟢": "崎",
    "𣘺": "橋",
    "槗": "橋",
    "﨔": "欅",
    "𡈽": "土",
    "濵": "濱",
    "桒": "桑",
}
_VARIANT_FORMS: Final = str.maketrans(KANJI_VARIANTS)
_HAS_VARIANT: Final = re.compile("[" + ITERATION_MARKS + "".join(KANJI_VARIANTS) + "]")


def standard_characters(text: str) -> str:
    """``text`` with each iteration mark (:data:`ITERATION_MARKS`) replaced by
    the character it repeats, the one before it in the same word (佐々木 →
    佐佐木; a mark that starts a word repeats nothing and is kept), and each
    variant form of :data:`KANJI_VARIANTS` by its standard character (髙橋 →
    高橋): the name as the readings and dictionaries know it."""
    if _HAS_VARIANT.search(text) is None:
        return text
    out: list[str] = []
    for ch in text.translate(_VARIANT_FORMS):
        if ch in ITERATION_MARKS and out and not out[-1].isspace():
            ch = out[-1]
        out.append(ch)
    return "".join(out)


_LONG_VOWELS = re.compile(r"(?<=[a-z])(ou|oo|uu)")
_NOT_WORD = re.compile(r"[^a-z]+")


@lru_cache(maxsize=1)
def _kakasi() -> Any:
    """pykakasi's converter, its dictionary loaded with the cyclic garbage
    collector paused: the dictionary is a million objects kept for the life of
    the process, which the collector would otherwise rescan again and again as
    they are unpickled (0.43 CPU-s with it running, 0.15 without)."""
    import pykakasi

    with collector_paused():
        return pykakasi.kakasi()  # type: ignore[no-untyped-call]


@lru_cache(maxsize=20_000)
def _segments(chunk: str) -> tuple[tuple[str, str], ...]:
    """pykakasi's reading of ``chunk`` (a word, no spaces): each segment it
    makes, as written and in Hepburn (``""`` where it has none). Remembered per
    word, because :func:`complete_reading` and :func:`japanese_reading` both
    read each word of a name, and the words of names in kanji recur from name
    to name (一郎, 鈴木) while the names themselves do not: pykakasi's
    conversion is a pure function of the text, and a tenth of a millisecond or
    more a word."""
    return tuple(
        (str(item.get("orig") or ""), str(item.get("hepburn") or ""))
        for item in _kakasi().convert(chunk)
    )


def _fold_long_vowels(word: str) -> str:
    return _LONG_VOWELS.sub(lambda m: m.group(1)[0], word)


@lru_cache(maxsize=20_000)
def japanese_reading(text: str) -> str:
    """The Hepburn reading of ``text`` (kanji and kana; other characters are kept
    as they are), lower case, one word per word pykakasi segments (鈴木 一郎 →
    ``suzuki ichiro``); empty when nothing could be read."""
    words: list[str] = []
    for chunk in standard_characters(text).split():
        for _, hepburn_reading in _segments(chunk):
            reading = hepburn_reading.lower()
            for word in _NOT_WORD.split(reading):
                if word:
                    words.append(_fold_long_vowels(word))
    return " ".join(words)


@lru_cache(maxsize=20_000)
def complete_reading(text: str) -> str:
    """:func:`japanese_reading` of ``text`` when it accounts for every
    character, else empty. pykakasi leaves out a character it cannot read
    (a simplified one, 晚, 强, 铁), and with it the rest of the word: 韓晚冠
    reads ``kan``, 李克强 ``sumomo katsu``, which are readings of other
    names, not of these."""
    for chunk in standard_characters(text).split():
        segments = _segments(chunk)
        if "".join(orig for orig, _ in segments) != chunk:
            return ""
        for orig, hepburn_reading in segments:
            reading = _NOT_WORD.sub("", hepburn_reading.lower())
            if not reading and _HAN_CHAR.search(orig):
                return ""
    return japanese_reading(text)


@lru_cache(maxsize=1)
def _kanji() -> dict[str, tuple[str, ...]]:
    with gzip.open(KANJI_PATH, "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    return {ch: tuple(rest.split()) for ch, _, rest in (line.partition("\t") for line in lines)}


def kanji_readings(ch: str) -> tuple[str, ...]:
    """The Japanese readings of one character, kun readings first, long vowels
    written short (勝 → ``katsu masaru taeru sho``); empty if it has none."""
    return _kanji().get(ch, ())


#: Endings of kun readings that a name leaves out, keeping the stem: an
#: adjective's *-i* (宏 *hiroi*, *Hiro*; 早 *hayai*, *Haya*) and an adjectival
#: noun's *-raka*, *-yaka* (明, 昭 *akiraka*, *Aki*; 雅 *miyabiyaka*).
_STEM_ENDINGS: Final = re.compile(r"(?<=[a-z]{3})(?:raka|yaka|(?<=[aeiou])i)$")


def _name_readings(ch: str) -> list[str]:
    """One character's readings as names use them: its readings
    (:func:`kanji_readings`), each kun reading followed by its stem where a
    name keeps only that (:data:`_STEM_ENDINGS`)."""
    out: list[str] = []
    for reading in kanji_readings(ch):
        out += (reading, _STEM_ENDINGS.sub("", reading))
    return list(dict.fromkeys(out))


@lru_cache(maxsize=4096)
def kanji_name_readings(word: str) -> tuple[str, ...]:
    """Readings of a Japanese name of one to three characters put together from
    each character's own readings as names use them (:func:`_name_readings`,
    kun readings first): of the :data:`MAX_NAME_READINGS` combinations, the
    :data:`_SHORTEST` shortest (names take the short readings of their
    characters: 光輝 ``ko ki``, 大輝 ``dai ki``, 小畑 ``o hata``), then those of
    the earliest readings of each character (夏稀 ``natsu ki``), one word per
    character, then :data:`_RENDAKU` *rendaku* forms (:func:`_rendaku`) of the
    first of each kind (溝口 ``mizo guchi``, 山崎 ``yama zaki``,
    国保 ``kuni bo``); a name of three characters, which may as well be a
    Chinese full name, only the first :data:`_THREE_READINGS` (田美子 ``ta mi
    ko``); a given name of one character reads as the
    character does (誠 ``makoto``, 茂 ``shigeru``). Empty for anything else,
    and for a character without Japanese readings."""
    if len(word) == 1:
        return kanji_readings(word)[:MAX_NAME_READINGS]
    if not 2 <= len(word) <= 3:
        return ()
    options = [_name_readings(ch)[:6] for ch in word]
    if not all(options):
        return ()
    combos = list(itertools.product(*(list(enumerate(o)) for o in options)))
    shortest = sorted(combos, key=lambda combo: sum(len(r) for _, r in combo))
    earliest = sorted(combos, key=lambda c: (sum(i for i, _ in c), sum(len(r) for _, r in c)))
    out: list[str] = []
    for combo in [*shortest[:_SHORTEST], *earliest]:
        reading = " ".join(r for _, r in combo)
        if reading not in out:
            out.append(reading)
    if len(word) == 3:
        # (a Chinese full name is written so too: fewer readings)
        return tuple(out[:_THREE_READINGS])
    out = out[:MAX_NAME_READINGS]
    kun = [" ".join(r for _, r in combo) for combo in earliest[:_RENDAKU]]
    voiced = [_rendaku(r) for r in dict.fromkeys([*kun, *out[:_RENDAKU]])]
    return tuple(dict.fromkeys([*out, *[r for r in voiced if r][:_RENDAKU]]))


#: The voiced consonant that *rendaku* gives a word's first consonant when the
#: word follows another in a compound (山崎 *yama saki* → *Yamazaki*, 小林
#: *Kobayashi*, 溝口 *Mizoguchi*).
_VOICED: Final = (("ch", "j"), ("sh", "j"), ("ts", "z"), ("k", "g"), ("s", "z"), ("t", "d"),
                  ("h", "b"), ("f", "b"))  # fmt: skip
#: How many of a name's readings also get their rendaku form.
_RENDAKU: Final = 4


def _rendaku(reading: str) -> str:
    """``reading`` (words of a name's characters) with the second word's first
    consonant voiced (:data:`_VOICED`), or empty when it has none to voice."""
    first, _, rest = reading.partition(" ")
    for plain, voiced in _VOICED:
        if rest.startswith(plain):
            return f"{first} {voiced}{rest[len(plain) :]}"
    return ""


_KATAKANA_NAME = re.compile("^[\u30a1-\u30fa\u30fc・＝= ]+$")
_DOUBLED = re.compile(r"([aeiou])\1")
#: The vowel Japanese adds after a consonant that no vowel follows: *u*, or *o*
#: after *t* and *d* (アレクサンドル *a-re-ku-sa-n-do-ru* for *Aleksandr*), where
#: the consonant closes a syllable (a vowel or *n* before it) and no vowel
#: follows (a long vowel, *puu*, is a real one). A word's first syllable keeps
#: its vowel (ルカシェンコ *Lukashenko*).
_EPENTHETIC = re.compile(r"(?<=[aeioun][kgszbpfmr])u(?![aeiou])|(?<=[aeioun][td])o(?![aeiou])")
#: Readings closer to what a Russian or other foreign name writes: *chi*, *ji*
#: for *ti*, *di* (プーチン *Putin*), *b* for *v* (ラブロフ *Lavrov*), *l* for
#: an *r* that begins a word or stands between vowels (Japanese writes both
#: with *r*: ルカシェンコ *Lukashenko*, アレクサンドル *Aleksandr*), and a word
#: that begins with *u* before *r* begins with *vl* (ウラジーミル *Vladimir*).
_FOREIGN: Final = (
    (re.compile("chi"), "ti"),
    (re.compile("ji"), "di"),
    (re.compile("b"), "v"),
    (re.compile("^ur"), "vl"),
    (re.compile("(?<![a-z])r|(?<=[aeiou])r(?=[aeiou])"), "l"),
)


def _loanword(word: str, foreign: bool) -> str:
    """One word of a katakana name with the long vowels and the vowels Japanese
    adds after consonants taken out (see :func:`katakana_readings`)."""
    word = _EPENTHETIC.sub("", word.replace("shie", "she").replace("jie", "je"))
    word = _DOUBLED.sub(r"\1", word)
    if word.endswith(("of", "ef")):
        word = word[:-1] + "v"  # Russian *-ov*, *-ev* (ラブロフ)
    if foreign:
        for pattern, sound in _FOREIGN:
            word = pattern.sub(sound, word)
    return word


@lru_cache(maxsize=4096)
def katakana_readings(name: str) -> tuple[str, ...]:
    """A foreign name written in katakana read back into Latin letters, as two
    readings: Japanese's added vowels taken out (アレクサンドル・ルカシェンコ →
    ``areksandr rukashenko``), then also with *ti*, *di*, *v* and *vl* where
    Japanese writes *chi*, *ji*, *b*, *r* and *ur* (ウラジーミル・プーチン →
    ``vladimir putin``). Empty for a name not written in katakana alone."""
    if not _KATAKANA_NAME.match(name):
        return ()
    words = japanese_reading(re.sub("[・＝=]", " ", name)).split()
    if not words:
        return ()
    out: list[str] = []
    for foreign in (False, True):
        reading = " ".join(_loanword(w, foreign) for w in words)
        if reading not in out:
            out.append(reading)
    return tuple(out)


#: Hepburn spellings and their Kunrei-shiki (ISO 3602) forms, the romanisation
#: of Japan's government that names are also written in (*Tatiyama*,
#: *Yoritika*, *Hurubatake*).
_KUNREI: Final = (
    ("sh", "sy"), ("ch", "ty"), ("tsu", "tu"), ("ts", "t"), ("fu", "hu"), ("j", "zy"),
)  # fmt: skip
_KUNREI_I = re.compile("(sy|ty|zy)i")


def kunrei(reading: str) -> str:
    """A Hepburn ``reading`` in Kunrei-shiki (``tachi yama`` → ``tati yama``,
    ``shun`` → ``syun``, ``fuji`` → ``huzi``), or empty when they spell it
    alike."""
    out = reading
    for hepburn, spelt in _KUNREI:
        out = out.replace(hepburn, spelt)
    out = _KUNREI_I.sub(lambda m: m.group(1)[0] + "i", out)  # shi si, chi ti, ji zi
    return out if out != reading else ""


# -- Spellings of a name's characters, for the spelling engine ----------------
#
# A Japanese name is read character by character, and a name's characters take
# readings of their own (*nanori*: 智 *Satoshi*, 駿 *Hayao*) that no word of the
# language gives them; some names read as a whole in a way their characters do
# not (五十六 *Isoroku*). :func:`kanji_edges` offers every way the characters of
# one word may be written in Latin letters, from the dictionaries made for it:
# EDRDG's KANJIDIC2 (each kanji's nanori, kun and on readings) and JMnedict (the
# surnames and given names whose reading their characters' readings cannot
# give), both shipped as tables written by :mod:`thaw.text._make_kanjidic`.

#: Each kanji's readings from KANJIDIC2 (``character<TAB>reading …``: nanori,
#: then kun readings (whole, then the stem before the okurigana), then on
#: readings, in Hepburn with long vowels as the kana write them: ``sou``,
#: ``ryuu``), and its SHA-256.
KANJIDIC_PATH: Final = Path(__file__).resolve().parent / "data" / "kanjidic_readings.txt.gz"
KANJIDIC_SHA256: Final = "e10cd46aa3d0497660dcc69146a743128376ec028804ee173dc666904767a9c3"
#: JMnedict's surnames and given names of one to four kanji that their
#: characters' readings cannot spell (``name<TAB>reading …``, as above), and its
#: SHA-256.
NAMES_PATH: Final = Path(__file__).resolve().parent / "data" / "jmnedict_names.txt.gz"
NAMES_SHA256: Final = "f79749a39896b9a6d08bac43b04de57fe4e3091a6f9e4924cae928f276450a59"
#: The most characters of a dictionary name (:data:`NAMES_PATH`).
NAME_MAX_CHARS: Final = 4
#: The most spellings one edge of :func:`kanji_edges` offers.
MAX_SPELLINGS: Final = 96
#: The most spellings one reading gets for its long vowels (:func:`reading_forms`).
_MAX_LONG_FORMS: Final = 6

#: How the lists write a long vowel (``ou``, ``oo``: *Ito*, *Itou*, *Itoh*;
#: ``uu``: *Ryu*, *Ryuu*; ``ei``: *Keizo*, also *Kezo*). The first is how
#: Hepburn as the lists use it writes it, without the macron.
_LONG_FORMS: Final[dict[str, tuple[str, ...]]] = {
    "ou": ("o", "ou", "oh"),
    "oo": ("o", "oo", "oh"),
    "uu": ("u", "uu"),
    "ei": ("ei", "e"),
}
_LONG_VOWEL = re.compile("ou|oo|uu|ei")
#: The syllables whose consonant doubles before the next character's
#: (*sokuon*: 北海 *hoku kai* → *Hokkai*, 服部 *hatsu tori* → *Hattori*, 吉川
#: *kichi kawa* → *Kikkawa*), and the consonants they double: *ku*, *ki* only
#: a *k*; *tsu*, *chi* a *k*, *s*, *t* or *p* (a *h*, *f* becomes *pp*: 別府
#: *Beppu*).
_SOKUON: Final = (("tsu", "ksthfc"), ("chi", "ksthfc"), ("ku", "k"), ("ki", "k"))
_KANA = re.compile("[\u3041-\u309f\u30a0-\u30ff]+")
_HAN_CHAR = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f々〆]")


def _long_vowel_forms(reading: str) -> list[str]:
    """``reading`` with each long vowel written each way the lists write it
    (:data:`_LONG_FORMS`), the one with every vowel short first, at most
    :data:`_MAX_LONG_FORMS` (``ryuutarou`` → ``ryutaro``, ``ryuutarou``,
    ``ryutarou``, …)."""
    parts = _LONG_VOWEL.split(reading)
    if len(parts) == 1:
        return [reading]
    longs = _LONG_VOWEL.findall(reading)
    out: list[str] = []
    for choice in itertools.product(*(_LONG_FORMS[v] for v in longs)):
        out.append(parts[0] + "".join(c + p for c, p in zip(choice, parts[1:], strict=True)))
        if len(out) == _MAX_LONG_FORMS:
            break
    return out


def _voiced(reading: str) -> str:
    """``reading`` with its first consonant voiced (*rendaku*, :data:`_VOICED`:
    ``saki`` → ``zaki``), or empty when it has none to voice."""
    for plain, voiced in _VOICED:
        if reading.startswith(plain):
            return voiced + reading[len(plain) :]
    return ""


@lru_cache(maxsize=16384)
def reading_forms(reading: str, voiced: bool = False) -> tuple[str, ...]:
    """Every Latin spelling of one Hepburn ``reading`` (lower case, long vowels
    as the kana write them) as the lists write names: long vowels short or long
    (:func:`_long_vowel_forms`), also in Kunrei-shiki (:func:`kunrei`), and with
    ``voiced`` (a character that follows another) also with its first consonant
    voiced (:func:`_voiced`: 崎 ``saki`` → ``zaki``, 田 ``ta`` → ``da``)."""
    readings = [reading]
    if voiced and (voice := _voiced(reading)):
        readings.append(voice)
    out: list[str] = []
    for r in readings:
        for form in _long_vowel_forms(r):
            out += (form, kunrei(form))
    return tuple(dict.fromkeys(f for f in out if f))


@lru_cache(maxsize=2)
def _read_table(path: Path) -> dict[str, tuple[str, ...]]:
    """``key<TAB>reading …`` lines of one of the gzipped tables, read once."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    return {key: tuple(rest.split()) for key, _, rest in (line.partition("\t") for line in lines)}


def _kanjidic() -> dict[str, tuple[str, ...]]:
    return _read_table(KANJIDIC_PATH)


def _dictionary_names() -> dict[str, tuple[str, ...]]:
    return _read_table(NAMES_PATH)


@lru_cache(maxsize=8192)
def character_readings(ch: str) -> tuple[str, ...]:
    """Every reading of one kanji in names: KANJIDIC2's nanori, kun and on
    readings, JMnedict's readings of it as a name alone (駿 *Hayao*), and
    Unihan's (:func:`kanji_readings`); empty for a character none of them has."""
    return tuple(
        dict.fromkeys(
            [*_kanjidic().get(ch, ()), *_dictionary_names().get(ch, ()), *kanji_readings(ch)]
        )
    )


Edge = tuple[int, int, tuple[str, ...]]


_JOINING_ENDS: Final = ("tsu", "chi", "ku", "ki", "n")
_JOINING_STARTS: Final = "ksthfcbmp"


def _joined(first: str, second: str) -> list[str]:
    """How two characters' spellings join when the first one's end changes the
    second's start: *sokuon* (:data:`_SOKUON`: ``hatsu`` + ``tori`` →
    ``hattori``), and after a moraic *n* an *h* or *f* read *p* (``shin`` +
    ``hei`` → ``shinpei``) and *n* written *m* before *b*, *m*, *p*
    (``shimpei``, ``nambu``, ``homma``), as Hepburn writes it."""
    out: list[str] = []
    for end, doubles in _SOKUON:
        if first.endswith(end) and len(first) > len(end) and second[:1] in doubles:
            stem = first[: -len(end)]
            if second[0] in "hf":
                out.append(f"{stem}pp{second[1:]}")
            elif second.startswith("ch"):
                out += (f"{stem}tch{second[2:]}", f"{stem}cch{second[2:]}")
            else:
                out.append(f"{stem}{second[0]}{second}")
    if first.endswith("n"):
        second_p = "p" + second[1:] if second[:1] in "hf" else second
        if second_p != second:
            out.append(first + second_p)
        if second_p[:1] in "bmp":
            out.append(first[:-1] + "m" + second_p)
    return out


@lru_cache(maxsize=4096)
def hepburn(kana: str) -> str:
    """Kana in Hepburn as one word of lower-case letters, long vowels as the
    kana write them (こう ``kou``, ゆう ``yuu``; ``-`` for ー dropped), を as
    ``o``: the form :func:`reading_forms` starts from."""
    items = _kakasi().convert(kana.replace("を", "お").replace("ヲ", "オ"))
    return "".join(_NOT_WORD.sub("", str(item.get("hepburn") or "").lower()) for item in items)


#: One mora of kana: a kana, with a small kana after it (きゃ *kya*), a small
#: *tsu* before it (っか *kka*) and a lengthening mark after it (ロー *ro*).
_SMALL = "ぁぃぅぇぉゃゅょゎァィゥェォャュョヮ"
_MORA = re.compile(f"[っッ]?[^{_SMALL}ー][{_SMALL}]?ー?")
#: The kana that lengthen the vowel before them (こう *ko*, *kou*, *koh*; けい
#: *kei*, *ke*; ゆう *yu*, *yuu*; おお *o*, *oo*, *oh*).
_LENGTHENS: Final = {"o": "うおウオ", "u": "うウ", "e": "いイ"}


def _kana_spans(run: str, offset: int) -> dict[tuple[int, int], list[str]]:
    """The spellings of a run of kana starting at ``offset`` in its word, mora by
    mora (:data:`_MORA`), and over a mora and the kana that lengthens its vowel
    (:data:`_LENGTHENS`), so that a long vowel is written either way."""
    return {(offset + start, offset + end): list(forms) for start, end, forms in _run_spans(run)}


@lru_cache(maxsize=4096)
def _run_spans(run: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """:func:`_kana_spans` of ``run`` at the start of its word, as ``(start, end,
    spellings)`` in that order (remembered: the kana of names recur)."""
    morae = [(m.start(), m.end(), hepburn(m.group())) for m in _MORA.finditer(run)]
    spans: dict[tuple[int, int], tuple[str, ...]] = {}
    for k, (start, end, reading) in enumerate(morae):
        if not reading:
            continue
        spans[(start, end)] = reading_forms(reading)
        if k + 1 < len(morae) and reading[-1] in _LENGTHENS:
            n_start, n_end, _ = morae[k + 1]
            if run[n_start:n_end] in _LENGTHENS[reading[-1]]:
                both = hepburn(run[start:n_end])
                spans[(start, n_end)] = reading_forms(both)
    return tuple((start, end, forms) for (start, end), forms in spans.items())


@lru_cache(maxsize=8192)
def _character_forms(readings: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The spellings of a character with ``readings`` (:func:`reading_forms` of
    each): as it is, and as it is after a word's first character (voiced too,
    *rendaku*). Remembered by its readings: a name's characters recur in others."""
    plain = tuple(f for r in readings for f in reading_forms(r))
    after = tuple(f for r in readings for f in reading_forms(r, voiced=True))
    return plain, after


#: The reading that contracts with the vowel before it: *u*, which the
#: historical kana wrote ふ (生 in 桐生 *kiri-fu*, 羽生 *hani-fu*).
_CONTRACTING: Final = "u"
#: A reading's end and what it becomes before :data:`_CONTRACTING`, in
#: Hepburn with the long vowel as the kana write it (*-shi* + *u* → *-shuu*;
#: any other *-i* after a consonant → *-yuu*; *-a* → *-ou*).
_CONTRACTIONS: Final = (("shi", "shuu"), ("chi", "chuu"), ("ji", "juu"), ("i", "yuu"), ("a", "ou"))
_VOWELS: Final = frozenset("aeiou")


def _contracted(first: str) -> tuple[str, ...]:
    """The spellings of a character read ``first`` and the next read *u*
    (:data:`_CONTRACTING`) as one sound, as the names say them: the old
    *-ifu*, *-afu* became *-yū*, *-ō* (桐生 *kiri* + *u* → *Kiryū*, 羽生
    *hani* + *u* → *Hanyū*, 柳生 *Yagyū*, 麻生 *asa* + *u* → *Asō*), each
    as the lists write it (:func:`reading_forms`: *Kiryu*, *Kiryuu*); empty
    for a reading of one mora or with no such end."""
    if len(first) < 3 or first[-2] in _VOWELS:
        return ()
    for end, becomes in _CONTRACTIONS:
        if first.endswith(end):
            return reading_forms(first[: -len(end)] + becomes)
    return ()


@lru_cache(maxsize=8192)
def _pair_joins(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    """The spellings of two adjacent characters, the first spelt any of ``first``,
    the second any of ``second``, where they contract (:func:`_contracted`)
    and where the first one's end changes how they join (:func:`_joined`), in
    that order. Remembered: pairs of characters recur
    in names (田中, 中村 …)."""
    seconds = [b for b in second if b[:1] in _JOINING_STARTS]
    out: list[str] = []
    if _CONTRACTING in second:
        out += [c for a in first for c in _contracted(a)]
    for a in first:
        if not a.endswith(_JOINING_ENDS):
            continue
        # the starts that :func:`_joined` changes after ``a``; it joins no other
        starts = "".join(d for end, d in _SOKUON if a.endswith(end) and len(a) > len(end))
        if a.endswith("n"):
            starts += "hfbmp"
        if starts:
            out += [j for b in seconds if b[:1] in starts for j in _joined(a, b)]
    return tuple(out)


def _edges(
    word: str,
    readings_of: Callable[[str], tuple[str, ...]],
    names: dict[str, tuple[str, ...]],
) -> tuple[Edge, ...]:
    """:func:`kanji_edges` with the characters' readings from ``readings_of``
    and the dictionary names from ``names`` (also how the dev tool finds which
    names their characters cannot spell)."""
    spans: dict[tuple[int, int], list[str]] = {}
    plain: dict[int, tuple[str, ...]] = {}  # each character's forms, unvoiced
    i = 0
    while i < len(word):
        kana = _KANA.match(word, i)
        if kana:
            for span, forms in _kana_spans(kana.group(), i).items():
                spans.setdefault(span, []).extend(forms)
            i = kana.end()
            continue
        ch = word[i - 1] if word[i] in ITERATION_MARKS and i > 0 else word[i]  # 々: the same again
        unvoiced, voiced = _character_forms(tuple(readings_of(ch)))
        plain[i] = unvoiced
        spans[(i, i + 1)] = list(voiced if i > 0 else unvoiced)
        i += 1
    for i in plain:
        if i + 1 in plain:
            joined = _pair_joins(plain[i], plain[i + 1])
            if joined:
                spans.setdefault((i, i + 2), []).extend(joined)
    for start in range(len(word)):
        for end in range(start + 1, min(len(word), start + NAME_MAX_CHARS) + 1):
            for reading in names.get(word[start:end], ()):
                spelt = reading_forms(reading, voiced=start > 0)
                spans.setdefault((start, end), []).extend(spelt)
    return tuple(
        (start, end, tuple(dict.fromkeys(spellings))[:MAX_SPELLINGS])
        for (start, end), spellings in sorted(spans.items())
        if spellings
    )


@lru_cache(maxsize=4096)
def kanji_edges(word: str) -> tuple[Edge, ...]:
    """The ways one word of a Japanese name (kanji, and kana) may be written in
    Latin letters, as *edges* for the spelling engine: ``(start, end,
    spellings)`` says that ``word[start:end]`` may be written as any of
    ``spellings`` (lower-case ASCII letters).

    * one edge per kanji with its readings in names (:func:`character_readings`:
      nanori, kun, on), each as the lists write it (:func:`reading_forms`: long
      vowels short or long, Kunrei-shiki, and after the first character also
      voiced, *rendaku*: 宮崎 ``miya`` + ``zaki``);
    * an edge over two kanji where the first one's end changes how they join
      (:func:`_joined`: 服部 ``hattori``, 北海 ``hokkai``, 南部 ``nambu``), or
      contracts with the second's *u* (:func:`_contracted`: 桐生 ``kiryu``);
    * an edge over a dictionary name whose reading its characters cannot give
      (JMnedict: 五十六 ``isoroku``);
    * an edge over each run of kana, read by :func:`japanese_reading`
      (吉本ばなな ``yoshimoto`` + ``banana``).

    Each edge holds at most :data:`MAX_SPELLINGS` spellings, the most usual
    first. Empty for a word with none of these characters."""
    if not _HAN_CHAR.search(word) and not _KANA.search(word):
        return ()
    return _edges(word, character_readings, _dictionary_names())
