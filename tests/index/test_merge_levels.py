"""Retrieval's shortcuts for merged postings and Korean names give what the
plain code gives.

:func:`thaw.index.candidates._merge_sources` writes out the single level of a
posting of one credit, and :func:`~thaw.index.candidates._lookup` reads no
credits for such a posting; :func:`~thaw.index.candidates._credit_row` gives
what it gives by walking the posting beside the candidates;
:meth:`~thaw.index.CandidateIndex._korean` remembers per analysed name whether it
reads as a romanised Korean name. Each is checked here against the plain
computation it stands for.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import thaw.index.candidates as cand_module
from tests.index.fixture_store import screener_of
from thaw.index import CandidateIndex
from thaw.text import analyze_name

_postings = st.lists(
    st.tuples(
        st.lists(st.integers(0, 60), max_size=20, unique=True).map(sorted),
        # credits as retrieval gives them: exact, typo similarities, keys, joins
        st.sampled_from([1.0, 0.95, 0.9, 0.8075, 0.7917, 0.75, 0.7125, 0.6]),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(_postings, st.integers(0, 50))
def test_merged_levels_are_each_credit_with_the_end_of_its_prefix(
    sources: list[tuple[list[int], float]], df: int
) -> None:
    arrays = [(np.array(ids, dtype=np.int32), credit) for ids, credit in sources]
    merged = cand_module._merge_sources(arrays, df)
    credits = merged.credits
    # the levels as they were computed: a NumPy scalar per level
    change = (credits[1:] != credits[:-1]).nonzero()[0] + 1
    ends = [*change.tolist(), len(merged.ids)] if len(merged.ids) else []
    assert merged.levels == tuple((float(credits[end - 1]), end) for end in ends)
    # each listing once, with its best credit
    best: dict[int, float] = {}
    for ids, credit in sources:
        for i in ids:
            best[i] = max(best.get(i, 0.0), float(np.float32(credit)))
    assert merged.by_id.tolist() == sorted(best)
    assert merged.by_id_credits.tolist() == [best[i] for i in sorted(best)]
    assert sorted(merged.ids.tolist()) == sorted(best) and merged.df == df


@settings(max_examples=300, deadline=None)
@given(_postings, st.lists(st.integers(0, 70), max_size=30, unique=True).map(sorted))
def test_lookup_gives_each_candidate_its_best_credit_or_zero(
    sources: list[tuple[list[int], float]], cand: list[int]
) -> None:
    arrays = [(np.array(ids, dtype=np.int32), credit) for ids, credit in sources]
    merged = cand_module._merge_sources(arrays, 1)
    best = dict(zip(merged.by_id.tolist(), merged.by_id_credits.tolist(), strict=True))
    out = np.full(len(cand), -1.0, dtype=np.float32)
    cand_module._lookup(merged, np.array(cand, dtype=np.int32), out)
    assert out.tolist() == [best.get(c, 0.0) for c in cand]


_long_postings = st.lists(
    st.tuples(
        st.lists(st.integers(0, 300), max_size=150, unique=True).map(sorted),
        st.sampled_from([1.0, 0.95, 0.9, 0.8075, 0.7917, 0.75, 0.7125, 0.6]),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=400, deadline=None)
@given(_long_postings, st.lists(st.integers(0, 320), max_size=40, unique=True).map(sorted))
def test_credit_row_is_the_lookup_as_a_list(
    sources: list[tuple[list[int], float]], cand: list[int]
) -> None:
    # (postings both shorter and much longer than the candidates: walked and searched)
    arrays = [(np.array(ids, dtype=np.int32), credit) for ids, credit in sources]
    merged = cand_module._merge_sources(arrays, 1)
    cand_array = np.array(cand, dtype=np.int32)
    out = np.full(len(cand), -1.0, dtype=np.float32)
    cand_module._lookup(merged, cand_array, out)
    row = cand_module._credit_row(merged, cand_array, cand)
    assert row == out.tolist()
    assert np.array(row, dtype=np.float32).tobytes() == out.tobytes()


LISTED = ["Kim Jong Un", "Ri Pyong Chol", "Ivan Petrov", "Lee Byeong Cheol"]
NAMES = [
    ("Kim Jong-un", "Person"),
    ("Lee Byeong-cheol", "Person"),
    ("Kim Min Jun", None),
    ("Ivan Petrov", "Person"),
    ("Ludwig van Beethoven", "Person"),
    ("Ana de la Cruz", "Person"),
    ("Kim Trading Co", "Organization"),
    ("김정은", "Person"),
]


@pytest.fixture(scope="module")
def index() -> CandidateIndex:
    return screener_of(LISTED).index


def test_korean_reading_is_remembered_per_analysed_name(index: CandidateIndex) -> None:
    answers = set()
    for name, schema in NAMES:
        analyzed = analyze_name(name, schema)
        plain = cand_module._korean_latin(analyzed, cand_module._retrieval_tokens(analyzed))
        assert index._korean(analyzed) is plain
        assert index._korean(analyzed) is plain  # (from the memo)
        assert index._korean(analyzed, cand_module._retrieval_tokens(analyzed)) is plain
        answers.add(plain)
    assert answers == {True, False}, "the names must include Korean names and others"


def _plain_unit_credits(
    index: CandidateIndex,
    units: list[cand_module._Unit],
    joins: list[tuple[int, int, int]],
    cand: np.ndarray,
) -> np.ndarray:
    """The units' credits as they were computed, NumPy call by call."""
    credit = np.empty((len(units), len(cand)), dtype=np.float32)
    for k, (_weight, postings) in enumerate(units):
        cand_module._lookup(postings, cand, credit[k])
    for slot, left, right in joins:
        found = np.multiply(
            cand_module._present(index._posting(slot), cand),
            np.float32(cand_module.JOIN_CREDIT),
            dtype=np.float32,
        )
        np.maximum(credit[left], found, out=credit[left])
        np.maximum(credit[right], found, out=credit[right])
    return credit


@pytest.mark.parametrize(
    "name", ["Abdul Rahman Ali", "Kim Jong-un", "Ivan Petrov", "Ri Pyong Chol", "Nobody Here"]
)
def test_unit_credits_are_the_plain_lookups(name: str) -> None:
    index = screener_of([*LISTED, "Abdulrahman Ali Hassan", "Abdul Rahman Said"]).index
    units, joins = index._units(analyze_name(name, None))
    cand = np.arange(len(index), dtype=np.int32)
    found = index._unit_credits(units, joins, cand)
    assert found.dtype == np.float32 and found.shape == (len(units), len(cand))
    assert found.tobytes() == _plain_unit_credits(index, units, joins, cand).tobytes()
    if name == "Abdul Rahman Ali":
        assert joins, "a query whose adjacent words are listed joined"
