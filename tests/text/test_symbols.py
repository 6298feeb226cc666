"""Given-name symbols from the precomputed table, and the fold rules' trigger skipping."""

from __future__ import annotations

import re

import pytest

from thaw.text import analyze_name, fold_token
from thaw.text.fold import _RULE_SPECS
from thaw.text.symbols import (
    DATA_PATH,
    SCRIPTS_PATH,
    known_given_name,
    parse_table,
    script_key,
    script_symbols,
    word_symbols,
)


def test_table_is_sorted_and_well_formed() -> None:
    table = parse_table(DATA_PATH)
    assert len(table) > 50_000
    words = list(table)
    assert words == sorted(words)
    assert all(re.fullmatch(r"[a-z]{2,}", w) for w in words)
    carriers: dict[str, int] = {}
    for symbols in table.values():
        assert symbols
        for s in symbols:
            assert s.startswith(("NAME:", "NICK:", "XNAME:"))
            carriers[s] = carriers.get(s, 0) + 1
    # a symbol carried by one word only can never make two tokens agree: not
    # kept, unless a word of another script carries it too (נעם *Noam*)
    for word, symbols in parse_table(SCRIPTS_PATH).items():
        for s in symbols:
            assert s in carriers, (word, s)  # (only symbols a Latin word shares)
            carriers[s] += 1
    assert min(carriers.values()) >= 2
    assert not script_symbols("נעם").isdisjoint(word_symbols("noam"))
    assert not script_symbols("سعد").isdisjoint(word_symbols("saad"))
    # a symbol one Latin word carries is marked: no known given name in prose
    assert word_symbols("noam") == frozenset({"XNAME:Q1994678"})
    assert not known_given_name(word_symbols("noam"))
    assert known_given_name(word_symbols("david"))


def test_words_with_marks_find_their_symbols() -> None:
    # the table is keyed as rigour normalises names: without nonspacing marks
    assert script_key("พงษ์พูล") == "พงษพล"  # Thai vowel signs, thanthakhat
    assert script_key("אוֹרִיָּה") == "אוריה"  # Hebrew points
    assert script_key("Ελένη") == "ελένη"  # a precomposed accent is no mark
    assert not script_symbols("พงษ์พูล").isdisjoint(word_symbols("pongpoon"))
    assert script_symbols("אוֹרִיָּה") == script_symbols("אוריה") != frozenset()


def test_urdu_and_persian_letters_find_the_arabic_words_symbols() -> None:
    # names typed on an Urdu or Persian keyboard write ھ or ہ for ه, ی for ي
    # (au_dfat:3604 publishes طھ إبراھیم for Taha Ibrahim)
    assert script_symbols("طھ") == script_symbols("طه") != frozenset()
    assert script_symbols("إبراھیم") == script_symbols("إبراهيم") != frozenset()
    assert script_symbols("بھٹو") == frozenset()  # (an Urdu word: no Arabic one)


def test_a_name_typed_with_urdu_letters_meets_its_latin_spelling() -> None:
    from thaw.index import entry_from_record
    from thaw.match import DEFAULT_THRESHOLD, Query, score
    from thaw.model import Name, Record

    listed = entry_from_record(Record("t", "1", "Person", names=[Name("Taha Ibrahim")]))
    assert score(Query("طھ إبراھیم", "Person"), listed).score >= DEFAULT_THRESHOLD  # 0.08 before


def test_given_name_equivalences() -> None:
    assert not word_symbols("alexander").isdisjoint(word_symbols("alex"))
    assert not word_symbols("john").isdisjoint(word_symbols("jack"))
    assert word_symbols("zzqx") == frozenset()


@pytest.mark.parametrize(
    ("word", "latin"),
    [("ראובן", "reuben"), ("Αβραάμ", "abraham"), ("ראובן", "ruben")],
)
def test_an_item_one_latin_word_shares_with_another_script_carries_its_symbols(
    word: str, latin: str
) -> None:
    # ראובן shares an item with Reuben alone; Reuben keeps only the item of its
    # Latin spellings, which ראובן is given (and so meets Ruben too)
    assert not script_symbols(word).isdisjoint(word_symbols(latin))


def test_symbols_reach_person_tokens_only() -> None:
    person = {t.raw: t.symbols for t in analyze_name("Alexander Smith", "Person").tokens}
    assert person["alexander"] == word_symbols("alexander")
    org = analyze_name("Alexander Trading LLC", "Organization").tokens
    assert all(not t.symbols for t in org)


def test_symbols_align_spellings_folding_cannot() -> None:
    from thaw.match import compare_names

    m = compare_names(
        analyze_name("Alex Petrov", "Person"), analyze_name("Alexander Petrov", "Person")
    )
    assert any(p.how == "symbol" for p in m.pairs)


def _fold_all_rules(word: str) -> str:
    if len(word) < 2 or not word.isalpha():
        return word
    out = word
    for pattern, repl, _triggers in _RULE_SPECS:
        out = re.sub(pattern, repl, out)
    return out or word


@pytest.mark.parametrize(
    "word",
    [
        "tschaikowsky",
        "dzhabrailov",
        "khodorkovskiy",
        "xiaoping",
        "mcdonnell",
        "phillippe",
        "yousef",
        "iyad",
        "siraj",
        "hajj",
        "abdullah",
        "schmidt",
        "kwiatkowski",
        "oooo",
        "ijah",
    ],
)
def test_fold_skipping_rules_changes_nothing(word: str) -> None:
    assert fold_token(word) == _fold_all_rules(word)


def test_casefold_flag_matches_rigour() -> None:
    from rigour.text.normalize import Normalize

    from thaw.text.analyze import _CASEFOLD

    assert int(Normalize.CASEFOLD) == _CASEFOLD


def test_table_digest_is_recorded() -> None:
    import hashlib

    from thaw.text.symbols import TABLE_SHA256

    assert hashlib.sha256(DATA_PATH.read_bytes()).hexdigest() == TABLE_SHA256
