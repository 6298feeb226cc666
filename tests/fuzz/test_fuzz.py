"""The fuzz harness, bounded for CI (issue 17, item 13): a few mutants of every
format, with a fixed seed. ``benchmarks/fuzz.py`` runs thousands.

``THAW_FUZZ_MUTANTS`` sets the number of mutants per format (default 8)."""

from __future__ import annotations

import os
import sys
import zlib
from pathlib import Path

import pytest

from tests.fuzz.harness import MEMORY_LIMIT, Fuzzer, Target, targets

MUTANTS = int(os.environ.get("THAW_FUZZ_MUTANTS", "8"))

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the harness forks")


@pytest.fixture(scope="module")
def fuzzer(tmp_path_factory: pytest.TempPathFactory) -> Fuzzer:
    return Fuzzer(tmp_path_factory.mktemp("fuzz"), seed=17)


def test_every_format_has_a_seed() -> None:
    names = {t.name for t in targets()}
    assert len(names) >= 23, sorted(names)
    assert {"screen parquet", "text pdf", "text docx", "us_ofac_sdn csv", "un_sc xml"} <= names


@pytest.mark.parametrize("target", targets(), ids=lambda t: t.name.replace(" ", "-"))
def test_mutants(fuzzer: Fuzzer, target: Target) -> None:
    # a per-target seed: the same mutants whatever else runs
    fuzzer.rng.seed(zlib.crc32(target.name.encode()))
    outcomes = list(fuzzer.run(target, MUTANTS))
    bad = [o for o in outcomes if o.status not in ("accepted", "refused")]
    assert not bad, "\n\n".join(f"{o.mutation}: {o.status}\n{o.detail}" for o in bad)
    assert max(o.max_rss_mb for o in outcomes) < MEMORY_LIMIT / 2**20
    # the clean seed itself is accepted (the harness is not refusing everything)
    clean = fuzzer._run_one(target, target.seed.read_bytes(), "none", -1)
    assert clean.status == "accepted", clean.detail


def test_harness_reports_a_traceback(fuzzer: Fuzzer, monkeypatch: pytest.MonkeyPatch) -> None:
    """A mutant that makes thaw raise something undocumented is a failure."""
    target = next(t for t in targets() if t.name == "screen csv")

    def boom(*args: object, **kwargs: object) -> None:
        raise RecursionError("deep")

    monkeypatch.setattr("thaw.screen.batch.screen_file", boom)
    outcome = fuzzer._run_one(target, target.seed.read_bytes(), "none", -1)
    assert outcome.status == "traceback" and "RecursionError" in outcome.detail


def test_harness_reports_a_busy_loop_as_a_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The deadline is CPU time (a child waiting for a core on a busy machine is
    no hang): a child spinning past it is killed and reported."""
    fuzzer = Fuzzer(tmp_path, deadline=1.0, wall_deadline=300.0)
    target = next(t for t in targets() if t.name == "screen csv")

    def spin(*args: object, **kwargs: object) -> None:
        while True:
            pass

    monkeypatch.setattr("thaw.screen.batch.screen_file", spin)
    outcome = fuzzer._run_one(target, b"name\nx\n", "none", -1)
    assert outcome.status == "hang" and "CPU seconds" in outcome.detail, outcome
    assert outcome.cpu_seconds >= 1.0


def test_harness_reports_a_hang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A child blocked (using no CPU) past the wall deadline is a hang too."""
    fuzzer = Fuzzer(tmp_path, deadline=1.0, wall_deadline=1.0)
    target = next(t for t in targets() if t.name == "screen csv")

    def stuck(*args: object, **kwargs: object) -> None:
        import time

        time.sleep(30)

    monkeypatch.setattr("thaw.screen.batch.screen_file", stuck)
    assert fuzzer._run_one(target, b"name\nx\n", "none", -1).status == "hang"
    assert sys.modules  # the parent is unharmed
