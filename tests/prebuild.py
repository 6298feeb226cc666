"""Build the suite's real-data homes ahead of the tests that read them.

``python -m tests.prebuild ROOT`` makes ``ROOT/real-home`` and then
``ROOT/real-profiles-home`` exactly as the session fixtures
:func:`tests.conftest.real_home` and :func:`tests.conftest.real_profiles_home`
would, under the same locks, so that a fixture finds the home built (or waits for
it) instead of building it. ``tests/conftest.py`` starts it when a pytest-xdist
run of the whole suite begins; if it fails or is stopped, the fixtures build what
is missing themselves.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.conftest import build_at, build_real_home, build_real_profiles_home


def _timed(root: Path, name: str, build: Callable[[Path], None]) -> Path:
    """:func:`build_at`, printing its wall and CPU time (``prebuild.log``, which
    ``benchmarks/suite.py`` shows)."""
    began = time.perf_counter()
    before = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    home = build_at(root, name, build)
    after = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum(
        a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime
        for a, b in zip(after, before, strict=True)
    )
    print(f"{name}: {time.perf_counter() - began:.1f} s wall, {cpu:.1f} s CPU", flush=True)
    return home


def main(root: Path) -> None:
    real_home = _timed(root, "real-home", build_real_home)
    _timed(root, "real-profiles-home", lambda home: build_real_profiles_home(home, real_home))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
