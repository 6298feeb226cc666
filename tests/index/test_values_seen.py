"""The trigram filter's counting (:func:`thaw.index.candidates._values_seen`)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from thaw.index.candidates import _values_seen


def _counted(values: list[int], times: int) -> list[int]:
    """The distinct values occurring at least ``times`` times, sorted (by counting)."""
    return sorted(v for v in set(values) if values.count(v) >= times)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 40), max_size=60), st.integers(1, 6))
def test_values_seen_counts(values: list[int], times: int) -> None:
    found = _values_seen(np.array(values, dtype=np.int32), times)
    assert found.dtype == np.int32
    assert found.tolist() == _counted(values, times)


def test_values_seen_of_trigram_postings() -> None:
    # three sorted postings: 5 is in all three, 7 and 9 in two, the rest in one
    postings = [[1, 5, 7, 9], [2, 5, 9], [5, 7, 11]]
    values = np.concatenate([np.array(p, dtype=np.int32) for p in postings])
    assert _values_seen(values, 3).tolist() == [5]
    assert _values_seen(values, 2).tolist() == [5, 7, 9]
    assert _values_seen(values, 1).tolist() == [1, 2, 5, 7, 9, 11]
    assert _values_seen(values, 4).tolist() == []
