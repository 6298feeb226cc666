"""Acronyms are compared letter by letter: folding reads *c* as *k* and a
doubled letter as one, but an acronym's letters are initials."""

from __future__ import annotations

import pytest

from thaw.index.entry import name_entry
from thaw.match import Query, score
from thaw.match.names import other_acronym, token_similarity
from thaw.text import analyze_name


@pytest.mark.parametrize(("a", "b"), [("TBC", "TBK"), ("NKC", "NKK")])
def test_acronyms_written_with_other_letters_do_not_align(a: str, b: str) -> None:
    x, y = analyze_name(a, "Company").tokens[0], analyze_name(b, "Company").tokens[0]
    assert x.text == y.text  # folded alike
    assert other_acronym(x, y)
    assert token_similarity(x, y)[0] == 0.0  # was 1.0


@pytest.mark.parametrize(("a", "b"), [("TBK", "ТБК"), ("CSKA", "KSKA"), ("Kasem", "Casem")])
def test_the_same_acronym_and_words_with_vowels_still_align(a: str, b: str) -> None:
    x, y = analyze_name(a, "Company").tokens[0], analyze_name(b, "Company").tokens[0]
    assert not other_acronym(x, y)
    assert token_similarity(x, y)[0] > 0.5


def test_a_bank_with_another_acronym_does_not_alert() -> None:
    listed = name_entry("TBK JSC", "Company")
    assert score(Query("TBC Bank"), listed).score < 0.7  # was 0.88
    assert score(Query("TBK"), listed).score >= 0.7
