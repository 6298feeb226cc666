"""Regenerate ``data/common_words.txt.gz``, the common words of the languages
thaw screens prose in (dev tool; see :mod:`thaw.text.common_words`).

Usage::

    pip install wordfreq
    python -m thaw.text._make_common_words

wordfreq (Robyn Speer; code MIT, data CC BY-SA 4.0, drawn from Wikipedia,
subtitles, news, books, web text and social media) gives each word's Zipf
frequency per language. The table keeps the words of
:data:`~thaw.text.common_words.LANGUAGES` at or above
:data:`~thaw.text.common_words.MIN_ZIPF`, lower-cased, made of letters only.
It prints the digest, to be written as ``COMMON_WORDS_SHA256`` in
:mod:`thaw.text.common_words`. The table is derived from CC BY-SA 4.0 data
and is shared under that licence, with the attribution in
``data/NOTICE-wordfreq.md``.
"""

from __future__ import annotations

import gzip
import hashlib
import sys

from thaw.text.common_words import COMMON_WORDS_PATH, LANGUAGES, MIN_ZIPF


def main() -> int:
    try:
        import wordfreq  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        print("wordfreq is not installed (pip install wordfreq)", file=sys.stderr)
        return 2
    least = 10 ** (MIN_ZIPF - 9)  # Zipf: log10 of occurrences per billion words
    words: set[str] = set()
    for lang in LANGUAGES:
        for word, freq in wordfreq.get_frequency_dict(lang, "best").items():
            if freq >= least and word.isalpha():
                words.add(word.lower())
    text = "".join(f"{w}\n" for w in sorted(words))
    data = gzip.compress(text.encode("utf-8"), mtime=0)
    COMMON_WORDS_PATH.write_bytes(data)
    print(f"wrote {len(words)} words ({len(data)} bytes) to {COMMON_WORDS_PATH}")
    print(f"COMMON_WORDS_SHA256 = {hashlib.sha256(data).hexdigest()!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
