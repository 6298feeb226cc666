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

import sys
from pathlib import Path

from tests.conftest import build_at, build_real_home, build_real_profiles_home


def main(root: Path) -> None:
    real_home = build_at(root, "real-home", build_real_home)
    build_at(root, "real-profiles-home", lambda home: build_real_profiles_home(home, real_home))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
