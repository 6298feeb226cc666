"""Retrieval's shortcuts for merged postings and Korean names give what the
plain code gives.

:func:`thaw.index.candidates._merge_sources` writes out the single level of a
posting of one credit, and :func:`~thaw.index.candidates._lookup` reads no
credits for such a posting (and writes the hit straight into its output when
that credit is 1.0); :func:`~thaw.index.candidates._distinct_joined` sorts the
join of postings in place; :meth:`~thaw.index.CandidateIndex._schema_mask` is
made per listing once per schema;
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


@settings(max_examples=100, deadline=None)
@given(
    _postings,
    st.lists(st.integers(0, 3000), min_size=256, max_size=700, unique=True).map(sorted),
)
def test_lookup_and_present_of_many_candidates(
    sources: list[tuple[list[int], float]], cand: list[int]
) -> None:
    """Many candidates and a posting of a few listings (searched among the
    candidates rather than each candidate among them) give the same credits."""
    arrays = [(np.array(ids, dtype=np.int32), credit) for ids, credit in sources]
    arrays.append((np.array(cand[::50], dtype=np.int32), 0.5))  # (some listings hit)
    merged = cand_module._merge_sources(arrays, 1)
    best = dict(zip(merged.by_id.tolist(), merged.by_id_credits.tolist(), strict=True))
    out = np.full(len(cand), -1.0, dtype=np.float32)
    cand_module._lookup(merged, np.array(cand, dtype=np.int32), out)
    assert out.tolist() == [best.get(c, 0.0) for c in cand]
    present = cand_module._present(merged.by_id, np.array(cand, dtype=np.int32))
    assert present.tolist() == [c in best for c in cand]


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
        plain = cand_module.korean_latin(analyzed, cand_module.retrieval_tokens(analyzed))
        assert index._korean(analyzed) is plain
        assert index._korean(analyzed) is plain  # (from the memo)
        assert index._korean(analyzed, cand_module.retrieval_tokens(analyzed)) is plain
        answers.add(plain)
    assert answers == {True, False}, "the names must include Korean names and others"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.integers(0, 60), max_size=20), min_size=1, max_size=5))
def test_distinct_joined_is_the_sorted_distinct_listings(arrays: list[list[int]]) -> None:
    given = [np.array(a, dtype=np.int32) for a in arrays]
    before = [a.copy() for a in given]
    found = cand_module._distinct_joined(given)
    assert found.dtype == np.int32
    assert found.tolist() == sorted({i for a in arrays for i in a})
    # (the arrays given, postings of the index, are left as they were)
    assert all(a.tobytes() == b.tobytes() for a, b in zip(given, before, strict=True))


@pytest.mark.parametrize("schema", ["Person", "Organization", "Company", "Vessel"])
def test_schema_mask_is_each_listings_schema_allowed(schema: str) -> None:
    index = screener_of([*LISTED, "Acme Trading LLC"]).index
    by_code = cand_module._schema_mask(schema)
    allowed = index._schema_mask(schema)
    assert allowed.tolist() == [bool(by_code[code]) for code in index.schema_codes.tolist()]
    assert index._schema_mask(schema) is allowed  # (made once per schema)
