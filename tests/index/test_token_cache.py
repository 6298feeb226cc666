"""The shortcuts that keep per-token work cheap give what the plain code gives.

Name analysis makes equal tokens one object (a pool keyed by the token's
fields), :class:`~thaw.text.Token` writes out its hash, and retrieval caches a
token's postings by the token's identity. Each is checked here against the
behaviour it stands for: the dataclass hash, equality, and postings computed
afresh for an equal token that is another object.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

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


def test_postings_of_an_equal_token_that_is_another_object(index: CandidateIndex) -> None:
    name = analyze_name("Kiril Dmitriyev", "Person")
    for token in name.tokens:
        cached = index._token_postings(name, token)
        assert index._token_postings(name, token) is cached  # found by identity
        copy = Token(*_fields(token))  # type: ignore[arg-type]
        fresh = index._token_postings(name, copy)  # not the cached object: computed
        assert fresh is not cached
        assert np.array_equal(fresh.ids, cached.ids)
        assert np.array_equal(fresh.credits, cached.credits)
        assert np.array_equal(fresh.by_id, cached.by_id)
        assert np.array_equal(fresh.by_id_credits, cached.by_id_credits)
        assert (fresh.levels, fresh.df) == (cached.levels, cached.df)
    assert index.candidates(name, schema="Person")  # the fixture lists Dmitriev
