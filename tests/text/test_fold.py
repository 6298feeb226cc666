"""Folding skips rules whose trigger is absent (and the doubled-letter rule on words
without a doubled letter): on any word the result must be the one of every rule
applied in turn (the fixed words are in ``test_symbols.py``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.text.test_symbols import _fold_all_rules

from thaw.text.fold import fold_word


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abcdeghijklmnopqrstuvwxyz", min_size=0, max_size=12))
def test_fold_word_skips_only_rules_that_cannot_match(word: str) -> None:
    assert fold_word(word) == _fold_all_rules(word)


def test_doubled_letters_still_collapse() -> None:
    assert fold_word("mississippi") == _fold_all_rules("mississippi") == "misisipi"
    assert fold_word("aa") == "a"
