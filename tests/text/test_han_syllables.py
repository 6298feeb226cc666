"""The table of Chinese syllables' Latin spellings (text.han_syllables)."""

from __future__ import annotations

import gzip
import hashlib
import re

from thaw.text.han_syllables import (
    HAN_SYLLABLES_PATH,
    HAN_SYLLABLES_SHA256,
    PINYIN_KEY,
    syllable_inventory,
)


def test_the_table_is_the_one_the_code_names() -> None:
    data = HAN_SYLLABLES_PATH.read_bytes()
    assert hashlib.sha256(data).hexdigest() == HAN_SYLLABLES_SHA256
    lines = gzip.decompress(data).decode("utf-8").splitlines()
    assert len(lines) > 1000
    assert lines[-1].startswith(PINYIN_KEY + "\t")
    assert all(re.fullmatch(r"[a-z]+\t[a-z]+( [a-z]+)*", line) for line in lines[:-1])


def test_spellings_stand_for_their_mandarin_readings() -> None:
    found, pinyin = syllable_inventory()
    assert "xiang" in found["hsiang"]  # Wade-Giles 祥
    assert "chen" in found["chan"]  # Cantonese 陳
    assert {"ming", "ling"} <= pinyin
    assert "hsiang" not in pinyin
    assert "london" not in found
