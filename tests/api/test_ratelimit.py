"""The shared token buckets of :mod:`thaw.api.ratelimit`: two limiters over one
file (as two worker processes map it) spend one budget per key."""

from __future__ import annotations

import time
from pathlib import Path

from thaw.api.ratelimit import SLOTS, SharedRateLimiter


def test_two_limiters_over_one_file_share_each_keys_budget(tmp_path: Path) -> None:
    path = tmp_path / "serve-rate.bin"
    one, two = SharedRateLimiter(path, burst=2.0), SharedRateLimiter(path, burst=2.0)
    try:
        # rate 1/s, bursts of 2: two requests pass, wherever they land
        assert one.take("k1", 1.0) == 0.0
        assert two.take("k1", 1.0) == 0.0
        wait = one.take("k1", 1.0)
        assert 0.0 < wait <= 1.0
        assert two.take("k1", 1.0) > 0.0
        # another key has a budget of its own; rate 0 is no limit
        assert two.take("k2", 1.0) == 0.0
        assert all(one.take("k3", 0.0) == 0.0 for _ in range(100))
        time.sleep(1.05)  # a token comes back after a second
        assert two.take("k1", 1.0) == 0.0
        assert one.take("k1", 1.0) > 0.0
    finally:
        one.close()
        two.close()


def test_a_new_limiter_keeps_the_buckets_and_a_full_table_starts_over(tmp_path: Path) -> None:
    path = tmp_path / "serve-rate.bin"
    first = SharedRateLimiter(path, burst=1.0)
    assert first.take("k1", 1.0) == 0.0
    first.close()
    again = SharedRateLimiter(path, burst=1.0)  # a restarted worker
    try:
        assert again.take("k1", 1.0) > 0.0
        for i in range(SLOTS):  # fill every slot, then one more key
            again.take(f"key-{i}", 100.0)
        assert again.take("one more", 1.0) == 0.0
        assert again.take("one more", 1.0) > 0.0
    finally:
        again.close()
