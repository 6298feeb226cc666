"""Retrieval's written-out shortcuts give what the general code they replace gives.

:func:`thaw.index.candidates._single_key` stands for ``index_keys`` of a one-token
name, :func:`~thaw.index.candidates._one_edit` for an OSA distance of 1,
:func:`~thaw.index.candidates._round4` for ``round(value, 4)``, and
:meth:`~thaw.index.CandidateIndex.neighbours` filters the vocabulary by trigrams
and length with plain lists, or, for a short token, looks its deletion
neighbourhood up; all are checked here against the plain computation on names of
every kind.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

import thaw.index.candidates as cand_module
from tests.index.fixture_store import fixture_records
from thaw.index import CandidateIndex, entry_from_record
from thaw.index.candidates import (
    FUZZY_MIN_LEN,
    LONG_TOKEN,
    _deletion_keys,
    _one_edit,
    _single_key,
    _trigrams,
    max_edits,
)
from thaw.text import AnalyzedName, Token, analyze_name, index_keys

NAMES = [
    ("Kirill Aleksandrovich Dmitriev", "Person"),
    ("Ali Kony", "Person"),
    ("أسامة بن لادن", None),
    ("עינן טנג'יל", None),
    ("김정은", "Person"),
    ("鈴木 一郎", "Person"),
    ("Eleven Eighty Eight Limited", "Organization"),
    ("SARA II", "Vessel"),
    ("Mr. Xi Jinping", "Person"),
    ("Bank Melli Iran", None),
    ("O'Neil-Smith Trading Co 7", "Organization"),
    ("Ng", None),
    ("Αλέξανδρος Παπαδόπουλος", "Person"),
]


def _tokens() -> list[tuple[AnalyzedName, Token]]:
    out: list[tuple[AnalyzedName, Token]] = []
    for name, schema in NAMES:
        analyzed = analyze_name(name, schema)
        out.extend((analyzed, token) for token in analyzed.tokens)
    return out


@pytest.mark.parametrize(("analyzed", "token"), _tokens())
def test_single_key_is_index_keys_of_the_token_alone(analyzed: AnalyzedName, token: Token) -> None:
    single = AnalyzedName(analyzed.original, (token,), analyzed.schema)
    expected = sorted(index_keys(single) - {token.text})
    key = _single_key(token)
    assert ([] if key is None else [key]) == expected


def test_single_key_of_tokens_without_weight_or_short() -> None:
    assert _single_key(Token("abc", weight=0.0, raw="abc")) is None
    assert _single_key(Token("ab", raw="ab")) is None
    assert _single_key(Token("1234", role="number", raw="1234")) is None
    assert _single_key(Token("salman", raw="salman")) == "~slmn"


@pytest.fixture(scope="module")
def index() -> CandidateIndex:
    return CandidateIndex.build(entry_from_record(r) for r in fixture_records())


def _reference_neighbours(index: CandidateIndex, text: str) -> list[tuple[str, float]]:
    """Vocabulary words within the edit budget of ``text`` sharing enough padded
    trigrams with it (the index's filter, counted plainly), with their similarity."""
    if len(text) < FUZZY_MIN_LEN:
        return []
    edits = max_edits(text)
    need = max(1, len(text) - 3 * edits)
    grams = set(_trigrams(text))
    out = []
    for word in index._vocab:
        if len(set(_trigrams(word)) & grams) < need or abs(len(word) - len(text)) > edits:
            continue
        distance = OSA.distance(text, word)
        if 0 < distance <= edits:
            out.append((word, round(1.0 - distance / max(len(text), len(word)), 4)))
    return sorted(out)


def test_neighbours_match_the_plain_filter(index: CandidateIndex) -> None:
    slot_text = {slot: key[2:] for key, slot in index._slots.items() if key.startswith("t:")}
    probes = {t for word in index._vocab for t in _edited(word)}
    probes |= {"dmitriyev", "kirril", "aleksandrovic", "zzzz"}
    checked = 0
    for text in sorted(probes):
        found = sorted((slot_text[slot], sim) for slot, sim, _df in index.neighbours(text))
        reference = _reference_neighbours(index, text)
        if len(reference) <= 32:  # (neighbours keeps the 32 closest)
            assert found == reference, text
            checked += 1
    assert checked > 50


def _edited(word: str) -> list[str]:
    """``word`` and a few spellings one edit from it: a deletion at either end,
    an insertion, a substitution and a transposition in the middle."""
    middle = len(word) // 2
    swapped = word[: middle - 1] + word[middle] + word[middle - 1] + word[middle + 1 :]
    changed = word[:middle] + ("a" if word[middle] != "a" else "o") + word[middle + 1 :]
    return [word, word[:-1], word + "e", word[1:], swapped, changed]


def test_short_and_long_texts_take_both_paths(index: CandidateIndex) -> None:
    # the oracle above holds for texts of either path (deletion neighbourhood
    # below LONG_TOKEN characters, trigram counting from it)
    lengths = {len(t) for word in index._vocab for t in _edited(word)}
    assert any(FUZZY_MIN_LEN <= n < LONG_TOKEN for n in lengths)
    assert any(n >= LONG_TOKEN for n in lengths)


def test_deletion_neighbourhood_finds_what_counting_trigrams_finds(index: CandidateIndex) -> None:
    # the same neighbours in the same order, before the best 32 are kept
    texts = {t for word in index._vocab if len(word) < LONG_TOKEN for t in _edited(word)}
    texts = {t for t in texts if FUZZY_MIN_LEN <= len(t) < LONG_TOKEN}
    found = 0
    for text in sorted(texts):
        assert index._near_one(text) == index._near_by_trigrams(text), text
        found += bool(index._near_one(text))
    assert found > 20


_WORDS = st.text(alphabet="abcdeilmnorsy", min_size=1, max_size=9)


@settings(max_examples=400, deadline=None)
@given(_WORDS, st.integers(0, 8), st.sampled_from("ab"), st.integers(0, 3))
def test_words_one_edit_apart_share_a_deletion_key(
    word: str, at: int, letter: str, op: int
) -> None:
    at %= len(word)
    if op == 0:
        other = word[:at] + word[at + 1 :]  # a deletion
    elif op == 1:
        other = word[:at] + letter + word[at:]  # an insertion
    elif op == 2:
        other = word[:at] + letter + word[at + 1 :]  # a substitution
    else:
        other = word[:at] + word[at + 1 : at + 2] + word[at] + word[at + 2 :]  # a transposition
    assert OSA.distance(word, other) <= 1
    assert set(_deletion_keys(word)) & set(_deletion_keys(other))


@settings(max_examples=1000, deadline=None)
@given(_WORDS, _WORDS, st.integers(0, 8), st.integers(0, 4))
def test_one_edit_is_an_osa_distance_of_one(word: str, other: str, at: int, op: int) -> None:
    # another word, or ``word`` edited once (a deletion, an insertion, a
    # substitution, a transposition) so that most pairs are near
    at %= len(word)
    edited = [
        other,
        word[:at] + word[at + 1 :],
        word[:at] + other[0] + word[at:],
        word[:at] + other[0] + word[at + 1 :],
        word[:at] + word[at + 1 : at + 2] + word[at] + word[at + 2 :],
    ][op]
    for a, b in ((word, edited), (edited, word), (word, word + other)):
        assert _one_edit(a, b) is (OSA.distance(a, b) == 1), (a, b)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), max_size=40), st.integers(1, 40))
def test_round4_is_round_to_four_digits(values: list[float], length: int) -> None:
    # similarities as retrieval makes them, their credits, and any value, the
    # memo kept and emptied alike
    values += [1.0 - 1 / length, 1.0 - 2 / length, (1.0 - 1 / length) * 0.95]
    for value in values * 2:
        assert cand_module._round4(value) == round(value, 4)


def test_round4_memo_is_bounded() -> None:
    bound = cand_module.ROUNDED_MEMO
    for k in range(bound + 2):
        assert cand_module._round4(k / 7919) == round(k / 7919, 4)
    assert len(cand_module._ROUNDED) <= bound
