"""The shortcuts that keep per-token work cheap give what the plain code gives.

Name analysis makes equal tokens one object (a pool keyed by the token's
fields), :class:`~thaw.text.Token` writes out its hash, and retrieval caches a
token's postings by the token's identity, then by the fields they depend on.
Each is checked here against the behaviour it stands for: the dataclass hash,
equality, and postings computed afresh for an equal token that is another
object or for a token differing only in fields that retrieval does not read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

import thaw.index.candidates as cand_module
from tests.index.fixture_store import fixture_records
from thaw.index import CandidateIndex, entry_from_record
from thaw.text import Token, analyze_name


def _fields(token: Token) -> tuple[object, ...]:
    return tuple(getattr(token, f.name) for f in dataclasses.fields(Token))


def test_token_hash_is_the_hash_of_every_field_in_order() -> None:
    names = [("Kirill Aleksandrovich Dmitriev", "Person"), ("Bank Melli Iran", None)]
    names += [("أسامة بن لادن", None), ("김정은", "Person"), ("SARA II", "Vessel")]
    tokens = [t for name, schema in names for t in analyze_name(name, schema).tokens]
    assert tokens
    for token in tokens:
        # what @dataclass(frozen=True) would generate: a field added to Token and
        # left out of its __hash__ fails here
        assert hash(token) == hash(_fields(token))
        copy = Token(*_fields(token))  # type: ignore[arg-type]
        assert copy == token and hash(copy) == hash(token) and copy is not token


def test_equal_tokens_of_different_names_are_one_object() -> None:
    first = analyze_name("Vladimir Putin", "Person")
    second = analyze_name("Putin, Vladimir", "Person")
    by_text = {t.text: t for t in first.tokens}
    assert {t.text for t in second.tokens} == set(by_text)
    for token in second.tokens:
        if token == by_text[token.text]:
            assert token is by_text[token.text]


@pytest.fixture(scope="module")
def index() -> CandidateIndex:
    return CandidateIndex.build(entry_from_record(r) for r in fixture_records())


def _same_postings(fresh: cand_module._TokenPostings, cached: cand_module._TokenPostings) -> None:
    assert np.array_equal(fresh.ids, cached.ids)
    assert np.array_equal(fresh.credits, cached.credits)
    assert np.array_equal(fresh.by_id, cached.by_id)
    assert np.array_equal(fresh.by_id_credits, cached.by_id_credits)
    assert (fresh.levels, fresh.df) == (cached.levels, cached.df)


def _forget(index: CandidateIndex) -> None:
    index._token_cache.clear()
    index._token_fields.clear()


def test_postings_of_an_equal_token_that_is_another_object(index: CandidateIndex) -> None:
    name = analyze_name("Kiril Dmitriyev", "Person")
    for token in name.tokens:
        cached = index._token_postings(name, token)
        assert index._token_postings(name, token) is cached  # found by identity
        copy = Token(*_fields(token))  # type: ignore[arg-type]
        assert index._token_postings(name, copy) is cached  # found by its fields
        _forget(index)
        fresh = index._token_postings(name, copy)  # computed afresh
        assert fresh is not cached
        _same_postings(fresh, cached)
    assert index.candidates(name, schema="Person")  # the fixture lists Dmitriev


# fields that retrieval does not read (so that tokens differing in them share
# their postings), each with another value that keeps what it does read
_UNREAD: dict[str, Callable[[Token], Any]] = {
    "weight": lambda t: t.weight / 2 if t.weight > 0 else t.weight,
    "skeleton": lambda t: t.skeleton + "x",
    "optional": lambda t: not t.optional,
    "after_bin": lambda t: not t.after_bin,
    "script_form": lambda t: t.script_form + "x" if t.script_form else "",
    "symbols": lambda t: t.symbols if t.other_script else frozenset({"1"}),
}


def test_postings_depend_only_on_the_fields_of_their_key(index: CandidateIndex) -> None:
    """Changing a field that :func:`_postings_key` leaves out changes no posting
    computed afresh: a field that retrieval starts to read must join the key."""
    names: list[tuple[str, str | None]] = [
        ("Kiril Dmitriyev", "Person"),
        ("Abdul Rahman bin Omar", "Person"),
    ]
    names += [("عكاشة محمد", None), ("김정은", "Person"), ("Bank Melli Iran", None)]
    names += [("王小明", "Person"), ("Кирилл Дмитриев", "Person")]
    checked = 0
    for text, schema in names:
        name = analyze_name(text, schema)
        for token in name.tokens:
            _forget(index)
            base = index._token_postings(name, token)
            for field, change in _UNREAD.items():
                other = dataclasses.replace(token, **{field: change(token)})
                key = cand_module._postings_key
                assert key(other) == key(token), field
                _forget(index)
                _same_postings(index._token_postings(name, other), base)
                checked += 1
    assert checked > 50


def test_postings_key_tells_apart_what_retrieval_reads() -> None:
    token = analyze_name("Kiril Dmitriyev", "Person").tokens[0]
    key = cand_module._postings_key
    changes: list[tuple[str, Any]] = [
        ("text", token.text + "a"),
        ("raw", token.raw + "a"),
        ("role", "number"),
        ("abjad", not token.abjad),
        ("weight", 0.0),
        ("script_form", "x"),
        ("other_script", not token.other_script),
    ]
    for field, value in changes:
        assert key(dataclasses.replace(token, **{field: value})) != key(token), field
