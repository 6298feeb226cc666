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

The reading is pykakasi's modified Hepburn, with long vowels written as the
lists write them: ``ou``/``oo`` → ``o`` and ``uu`` → ``u`` (*Ichirou* →
*Ichiro*). pykakasi loads its dictionary on first use (a few tenths of a
second), which only names written in kanji or kana pay.
"""

from __future__ import annotations

import gzip
import itertools
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

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

_LONG_VOWELS = re.compile(r"(?<=[a-z])(ou|oo|uu)")
_NOT_WORD = re.compile(r"[^a-z]+")


@lru_cache(maxsize=1)
def _kakasi() -> Any:
    import pykakasi

    return pykakasi.kakasi()  # type: ignore[no-untyped-call]


def _fold_long_vowels(word: str) -> str:
    return _LONG_VOWELS.sub(lambda m: m.group(1)[0], word)


@lru_cache(maxsize=20_000)
def japanese_reading(text: str) -> str:
    """The Hepburn reading of ``text`` (kanji and kana; other characters are kept
    as they are), lower case, one word per word pykakasi segments (鈴木 一郎 →
    ``suzuki ichiro``); empty when nothing could be read."""
    words: list[str] = []
    for chunk in text.split():
        for item in _kakasi().convert(chunk):
            reading = str(item.get("hepburn") or "").lower()
            for word in _NOT_WORD.split(reading):
                if word:
                    words.append(_fold_long_vowels(word))
    return " ".join(words)


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
