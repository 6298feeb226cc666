"""A profile must not depend on the process that built it.

An incremental refresh applies edges stored by an earlier process beside edges
computed now, and ties between edges of equal strength are broken by the
listings' keys; a strength that moved in its last bit from one process to the
next (a sum over a set, whose order follows the process's string hashing)
would break such a tie by chance instead.
"""

from __future__ import annotations

import os
import subprocess
import sys

_RARITY = """
from thaw.profiles.evidence import Context
df = {"abdul": 40, "rahman": 90, "khalaf": 3, "ubayd": 2, "juday": 1, "anizi": 5}
print(repr(Context(df, 1000).rarity(tuple(df))))
"""


def test_rarity_is_the_same_in_every_process() -> None:
    # summed in set order, these six idfs give 53.32878320035534 under some
    # hash seeds and 53.328783200355346 under others
    seen = set()
    for seed in range(4):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        out = subprocess.run(
            [sys.executable, "-c", _RARITY], env=env, check=True, capture_output=True, text=True
        )
        seen.add(out.stdout.strip())
    assert len(seen) == 1, seen
