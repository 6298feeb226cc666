"""Japanese readings of names written in kanji and kana (pykakasi).

Han characters are read differently in Chinese and in Japanese: 鈴木一郎 is
*Língmù Yīláng* to a Chinese reader and *Suzuki Ichirō* to a Japanese one, and
the lists write Japanese people the Japanese way. A name in kanji alone does not
say which language it is in, so name analysis keeps the Chinese reading and
offers the Japanese one as a *variant* (:func:`thaw.text.analyze.name_variants`)
that the matcher and the index try as well; a name written with kana is
Japanese and is read the Japanese way only.

The reading is pykakasi's modified Hepburn, with long vowels written as the
lists write them: ``ou``/``oo`` → ``o`` and ``uu`` → ``u`` (*Ichirou* →
*Ichiro*). pykakasi loads its dictionary on first use (a few tenths of a
second), which only names written in kanji or kana pay.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

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
