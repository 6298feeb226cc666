"""The common words of the languages thaw screens prose in: whether a word a
sentence opens with is one (*Opera*, *Forum*, *Let*, *Plasma*) or not
(*Hikvision*), for free-text screening
(:mod:`thaw.screen.text.mentions`), where grammar's capital on a common word
proves no name.

The table is generated offline by :mod:`thaw.text._make_common_words` from
wordfreq's word lists (its code MIT, its data CC BY-SA 4.0: see
``data/NOTICE-wordfreq.md``): every word of :data:`LANGUAGES` with a Zipf
frequency of at least :data:`MIN_ZIPF` (about once in 300,000 words of
running text), lower-cased, letters only. A word common in any of them counts
(the sentence's language is not known). It is read once, the first time text
screening asks, never when names or files are screened.

Format: one word per line, sorted.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path
from typing import Final

COMMON_WORDS_PATH: Final = Path(__file__).resolve().parent / "data" / "common_words.txt.gz"
COMMON_WORDS_SHA256: Final = "cf48a8662cb4ce6228b808485482c1cb7b2d8fcd269895527df7285860ca1be9"
#: The languages written with capitals whose prose thaw screens.
LANGUAGES: Final = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "tr", "ru", "uk")
#: The least Zipf frequency (log10 of occurrences per billion words) of a common word.
MIN_ZIPF: Final = 3.5


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    with gzip.open(COMMON_WORDS_PATH, "rt", encoding="utf-8") as fh:
        return frozenset(fh.read().split())


def common_word(word: str) -> bool:
    """Whether ``word`` (any case) is a common word of one of :data:`LANGUAGES`
    (*Opera*, *let*, *Plasma*; not *Hikvision*)."""
    return word.lower() in _common_words()
