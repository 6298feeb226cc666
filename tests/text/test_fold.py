"""Folding skips rules whose trigger is absent: the result must be the one of every
rule applied in turn."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from thaw.text.fold import _RULE_SPECS, fold_word


def _fold_every_rule(word: str) -> str:
    """The folding with no shortcut: every rule's pattern substituted in order."""
    if len(word) < 2 or not word.isalpha():
        return word
    out = word
    for pattern, repl, _triggers in _RULE_SPECS:
        out = re.sub(pattern, repl, out)
    return out or word


WORDS = [
    "aaron",
    "abdullah",
    "mohammed",
    "schmidt",
    "tschaikowsky",
    "nikolaevich",
    "dzhokhar",
    "kuznetsov",
    "phillipps",
    "zhukov",
    "yusuf",
    "oo",
    "ahh",
    "mississippi",
    "o",
    "x",
    "abc1",
]


def test_fold_word_of_real_names() -> None:
    for word in WORDS:
        assert fold_word(word) == _fold_every_rule(word), word


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abcdeghijklmnopqrstuvwxyz", min_size=0, max_size=12))
def test_fold_word_skips_only_rules_that_cannot_match(word: str) -> None:
    assert fold_word(word) == _fold_every_rule(word)
