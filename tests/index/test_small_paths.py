"""Retrieval's paths for a few listings give what its NumPy paths give, bit for bit.

A token's postings of a few listings are merged in Python
(:func:`thaw.index.candidates._merge_short`) rather than by the sorts of
:func:`thaw.index.candidates._merge_arrays`, and a query of a few possible
candidates has their coverage summed listing by listing
(:meth:`~thaw.index.CandidateIndex._small_found`) rather than by
:meth:`~thaw.index.CandidateIndex._coverage`. Both are checked here against the
NumPy computation they stand for: the same listings, credits, levels and
coverage values to the last bit (a coverage differing in its last bit could
reorder two candidates).
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
        st.sampled_from([1.0, 0.95, 0.9, 0.8075, 0.7917, 0.75, 0.7125, 0.6, 0.9]),
    ),
    min_size=2,
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(_postings, st.integers(0, 50))
def test_short_merge_is_the_array_merge(sources: list[tuple[list[int], float]], df: int) -> None:
    arrays = [(np.array(ids, dtype=np.int32), credit) for ids, credit in sources]
    arrays = [(p, c) for p, c in arrays if len(p)]
    if len(arrays) < 2:
        return
    short = cand_module._merge_short(list(arrays), df)
    plain = cand_module._merge_arrays(list(arrays), df)
    for field in ("ids", "credits", "by_id", "by_id_credits"):
        a, b = getattr(short, field), getattr(plain, field)
        assert a.dtype == b.dtype and np.array_equal(a, b), field
    assert short.levels == plain.levels and short.df == plain.df == df


LISTED = [
    "Abdul Rahman Al Hassan",
    "Abdulrahman Hassan",
    "Abdul Rahman Hasan",
    "Mohammed Abdul Rahman",
    "Vladimir Vorobyov",
    "Vladimir Vorobev",
    "Vladimir Sergeyevich Vorobiev",
    "Olga Vorobyova",
    "Ivan Petrov",
    "Ivan Petrovich Petrov",
    "Kim Jong Un",
    "Kim Jong Eun",
    "Ri Pyong Chol",
    "Omar Hassan Ahmed",
    "Omar Al Bashir",
    "Osama Bin Laden",
    "Usama Bin Ladin",
    "Muhammad Hasan",
    "Mr Ahmed Hassan",
    "Ahmad Hasan Al Sayed",
]
QUERIES = [
    "Abdul Rahman Hassan",
    "Abdulrahman Al-Hasan",
    "Vladimir Vorobyev",
    "Vorobyov",
    "Ivan Petrov",
    "Kim Jong-un",
    "Omar Hasan",
    "Osama bin Ladin",
    "Mohammed Hassan",
    "Ahmed Hassan",
    "Mr Ahmad Hasan Sayed",
    "Olga Petrova",
    "Nobody Known",
]


@pytest.fixture(scope="module")
def index() -> CandidateIndex:
    return screener_of(LISTED).index


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("least", [0.0, 0.3, 0.5, 0.8])
@pytest.mark.parametrize("short", [cand_module.SHORT_POSTING, 0])
def test_small_found_is_the_array_coverage(
    index: CandidateIndex, query: str, least: float, short: int
) -> None:
    units, joins = index._units(analyze_name(query, "Person"))
    arrays = index._essential(units, 0.0) + [index._posting(s) for s, _, _ in joins]
    if not arrays:
        pytest.skip("no listing shares a word")
    cand = cand_module._distinct(np.concatenate(arrays))
    coverage = index._coverage(units, joins, cand)
    keep = coverage >= least - 1e-9
    expected = (cand[keep].tolist(), coverage[keep].tolist())
    # (``short`` 0: every unit's credits searched by NumPy, as a long posting's)
    found = index._small_found(units, joins, cand.tolist(), least, short)
    assert (found or ([], [])) == expected
    if query.startswith("Abdul Rahman"):
        assert joins, "no join of adjacent words: the join credits go unchecked"
    if least == 0.5 and query != "Nobody Known":
        assert found, "the query finds no listing: the comparison checks nothing"
