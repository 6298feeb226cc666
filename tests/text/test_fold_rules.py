"""Folding applies its rule table exactly: :func:`thaw.text.fold.fold_word` (which
skips untriggered rules and applies plain-letter rules with ``str.replace``) gives
what every rule of ``_RULE_SPECS`` applied by ``re.sub`` in order gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from thaw.text.fold import _RULE_SPECS, fold_word

_REFERENCE = [(re.compile(p), r) for p, r, _t in _RULE_SPECS]


def _reference(word: str) -> str:
    if len(word) < 2 or not word.isalpha():
        return word
    out = word
    for pattern, repl in _REFERENCE:
        out = pattern.sub(repl, out)
    return out or word


# letters the rules read, weighted towards the ones they rewrite
_LETTERS = "aeiouy" * 3 + "chjkstdgzphxwqbnmlrv" * 2 + "éöß"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_LETTERS, max_size=14))
def test_fold_word_is_the_rule_table(word: str) -> None:
    assert fold_word(word) == _reference(word)


def test_fold_word_on_spellings_the_rules_name() -> None:
    words = [
        "dmitriyev", "dmitrijev", "zelenskyy", "alexandr", "mohammed", "youssef",
        "khodorkovsky", "chodorkowski", "tschaikowsky", "dzhokhar", "djamel", "ouattara",
        "booker", "sheena", "maja", "raj", "ijaz", "iyad", "yusuf", "allah", "abdullah",
        "ahmadinejad", "schmidt", "thatcher", "ghazi", "dhaka", "cecil", "mecca", "ddzh",
        "oou", "aah", "h", "ah", "eee", "ccch", "xx", "1st", "al-amin", "",
    ]  # fmt: skip
    for word in words:
        assert fold_word(word) == _reference(word), word
