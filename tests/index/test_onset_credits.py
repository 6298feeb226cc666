"""The credits of the listings that many keys propose
(:func:`thaw.index.candidates._proposing_credits`), all keys at once, are those
a lookup key by key gives: the best credit of the keys that propose each
listing, for each query unit a key credits."""

from __future__ import annotations

import numpy as np
import pytest

from thaw.index.candidates import _present, _proposals, _proposing_credits

Key = tuple[np.ndarray, float, list[int]]


def _key_by_key(keys: list[Key], units: int) -> tuple[np.ndarray, np.ndarray]:
    """The plain version: each key's listings looked up among all of them."""
    listings = np.unique(np.concatenate([p for p, _, _ in keys])).astype(np.int32)
    credit = np.zeros((units, len(listings)), dtype=np.float32)
    for posting, value, word_units in keys:
        found = np.multiply(_present(posting, listings), np.float32(value), dtype=np.float32)
        for k in word_units:
            np.maximum(credit[k], found, out=credit[k])
    return listings, credit


def _keys(rng: np.random.Generator, n: int, units: int, credits: list[float]) -> list[Key]:
    out: list[Key] = []
    for _ in range(n):
        size = int(rng.integers(0, 40))
        posting = np.unique(rng.integers(0, 200, size=size)).astype(np.int32)
        word_units = sorted({int(u) for u in rng.integers(0, units, size=int(rng.integers(1, 4)))})
        out.append((posting, float(rng.choice(credits)), word_units))
    return out


@pytest.mark.parametrize("seed", range(30))
def test_all_keys_at_once_as_key_by_key(seed: int) -> None:
    rng = np.random.default_rng(seed)
    units = int(rng.integers(1, 9))
    keys = _keys(rng, int(rng.integers(1, 25)), units, [0.9, 0.8, 0.6])
    listings, credit = _proposing_credits(keys, units)
    want_listings, want_credit = _key_by_key(keys, units)
    assert listings.dtype == np.int32
    assert listings.tolist() == want_listings.tolist()
    assert credit.shape == (units, len(listings))
    assert credit.tobytes() == want_credit.tobytes()


def test_more_units_than_a_mask_holds() -> None:
    rng = np.random.default_rng(7)
    keys = _keys(rng, 12, 70, [0.9, 0.6])
    keys.append((np.array([3, 5], dtype=np.int32), 0.8, [64, 69]))
    listings, credit = _proposing_credits(keys, 70)
    want_listings, want_credit = _key_by_key(keys, 70)
    assert listings.tolist() == want_listings.tolist()
    assert credit.tobytes() == want_credit.tobytes()


def test_no_listing_proposed() -> None:
    empty = np.zeros(0, dtype=np.int32)
    listings, credit = _proposing_credits([(empty, 0.9, [0]), (empty, 0.9, [1])], 2)
    assert len(listings) == 0 and credit.shape == (2, 0)


def test_a_common_key_only_adds_to_the_others() -> None:
    # (a key proposing more listings than PROPOSING_MAX, such as one character
    # spelt *li*, proposes none of its own unless it is the rarest)
    from thaw.index.candidates import FEW_KEYS, PROPOSING_MAX

    common = (np.arange(PROPOSING_MAX + 10, dtype=np.int32), 0.9, [0])
    rare = [(np.array([k, k + 1], dtype=np.int32), 0.9, [1]) for k in range(FEW_KEYS + 1)]
    cand, proposed, rest = _proposals([common, *rare], 2)
    assert cand.tolist() == list(range(FEW_KEYS + 2))
    assert proposed is not None and rest == [common]
    few, none, every = _proposals([common, rare[0]], 2)
    assert few.tolist() == [0, 1] and none is None and len(every) == 2
