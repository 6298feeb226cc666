"""The common-word table free-text screening reads (:mod:`thaw.text.common_words`)."""

from __future__ import annotations

import gzip
import hashlib
import subprocess
import sys

from thaw.text.common_words import COMMON_WORDS_PATH, COMMON_WORDS_SHA256, common_word


def test_the_table_is_the_one_the_code_names() -> None:
    data = COMMON_WORDS_PATH.read_bytes()
    assert hashlib.sha256(data).hexdigest() == COMMON_WORDS_SHA256
    words = gzip.decompress(data).decode("utf-8").split("\n")[:-1]
    assert words == sorted(words)
    assert all(w.isalpha() and w == w.lower() for w in words)


def test_common_words_of_each_language_and_a_brand() -> None:
    """Common nouns and verbs of several languages are in it, whatever their
    case; a brand no prose uses as a word is not."""
    for word in ("Opera", "Forum", "Let", "PLASMA", "members", "Mitglieder", "кошка", "oggi"):
        assert common_word(word), word
    for word in ("Hikvision", "Sberbank", "Rosoboronexport"):
        assert not common_word(word), word


def test_the_table_is_read_only_when_asked() -> None:
    """Importing the package (as name screening does) reads no table."""
    code = (
        "import thaw.screen, thaw.screen.text, thaw.text.common_words as c;"
        "assert c._common_words.cache_info().currsize == 0"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
