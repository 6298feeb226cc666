"""Folding applies its rule table exactly: :func:`thaw.text.fold.fold_word` (which
skips untriggered rules, by the letters their triggers need first, and applies
plain-letter rules with ``str.replace``) gives what every rule of ``_RULE_SPECS``
applied by ``re.sub`` in order gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from thaw.text.fold import _RULE_SPECS, _RULES, _letters, _Rule, fold_word

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


def _admits(rule: _Rule, word: str) -> bool:
    """Whether :func:`fold_word` tries ``rule`` on ``word`` (its letters, then
    its triggers: within the word, or ending it for a pattern anchored there)."""
    if _letters(word) & rule.letters != rule.letters:
        return False
    if not rule.triggers:
        return True
    if rule.ending:
        return word.endswith(rule.triggers)
    return any(t in word for t in rule.triggers)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_LETTERS, max_size=14))
def test_a_rule_skipped_could_not_have_matched(word: str) -> None:
    """A rule's letters and triggers are only a shortcut: a word it skips is
    one its pattern leaves unchanged."""
    for rule in _RULES:
        if not _admits(rule, word):
            assert rule.pattern.sub(rule.repl, word) == word, (rule.pattern.pattern, word)


def test_letters_and_endings() -> None:
    assert _letters("abz") == 1 | 2 | 1 << 25
    assert _letters("é-1") == 0
    final_h = next(r for r in _RULES if r.pattern.pattern == r"(?<=[aeiou])h$")
    assert final_h.ending and final_h.letters == _letters("h")
    assert _admits(final_h, "allah") and not _admits(final_h, "zhang")
    assert not _admits(final_h, "ahmad")  # (an ah, but not at the end)
