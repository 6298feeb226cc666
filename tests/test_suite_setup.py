"""The suite's own set-up (tests/conftest.py): the slow-file ranking names real
files, a group of files is one unit of work, and a shared home is built once, and
again after a failed build."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import GROUPS, ROOT, SLOW_FILES, build_at, work_unit


def test_slow_files_exist_and_are_named_once() -> None:
    missing = [name for name in SLOW_FILES if not (ROOT / name).is_file()]
    assert missing == [], "renamed or removed: update SLOW_FILES in tests/conftest.py"
    assert len(set(SLOW_FILES)) == len(SLOW_FILES)


def test_a_group_is_one_unit_of_work_and_ranked_together() -> None:
    assert work_unit("tests/spark/test_cli.py::test_x[a]") == "tests/spark/"
    assert work_unit("tests/spark/test_monitor.py::test_y") == "tests/spark/"
    assert work_unit("tests/api/test_match.py::test_z") == "tests/api/test_match.py"
    for group in GROUPS:
        ranked = [n for n, name in enumerate(SLOW_FILES) if name.startswith(group)]
        # the group's files are ranked next to each other (it runs as one unit)
        assert ranked == list(range(ranked[0], ranked[0] + len(ranked)))


def test_built_once_then_reused(tmp_path: Path) -> None:
    calls: list[Path] = []

    def build(home: Path) -> None:
        calls.append(home)
        (home / "content").write_text("built")

    first = build_at(tmp_path, "home", build)
    second = build_at(tmp_path, "home", build)
    assert first == second == tmp_path / "home"
    assert calls == [first]
    assert (first / "content").read_text() == "built"


def test_a_failed_build_is_built_again(tmp_path: Path) -> None:
    def broken(home: Path) -> None:
        (home / "partial").write_text("half")
        raise RuntimeError("killed half-way")

    with pytest.raises(RuntimeError):
        build_at(tmp_path, "home", broken)

    def build(home: Path) -> None:
        (home / "content").write_text("built")

    home = build_at(tmp_path, "home", build)
    assert sorted(p.name for p in home.iterdir()) == [".built", "content"]
