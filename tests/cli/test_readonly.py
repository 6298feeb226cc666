"""Issue 17, item 3: reading commands on a read-only mount, and while a load holds
the write lock."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli._cli import UN_BASE, UN_KEYS, ok, thaw

THAW = Path(sys.executable).with_name("thaw")


def _home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    ok("load", "--home", home, UN_BASE)
    return home


def _unshare() -> str:
    tool = shutil.which("unshare")
    probe = (
        subprocess.run([tool, "-rm", "sh", "-c", "mount -t tmpfs none /mnt"], capture_output=True)
        if tool
        else None
    )
    if tool is None or probe is None or probe.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail("CI must allow `unshare -rm` (util-linux) for the read-only mount test")
        pytest.skip("cannot make a private read-only mount here (unshare -rm)")
    return tool


def test_reading_commands_work_on_a_read_only_mount(tmp_path: Path) -> None:
    tool = _unshare()
    home = _home(tmp_path)
    for index in sorted((home / "index").glob("*")):
        index.unlink()  # the index must then be built in memory, not saved
    script = (
        f'mount --bind -o ro "{home}" "{home}" && '
        f'"{THAW}" lists --home "{home}" --json && '
        f'"{THAW}" entity {UN_KEYS[0]} --home "{home}" --json && '
        f'"{THAW}" screen "Andrey Volkov" --home "{home}" --json && '
        f'(touch "{home}/probe" 2>/dev/null && echo WRITABLE || echo READONLY)'
    )
    run = subprocess.run(
        [tool, "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.rstrip().endswith("READONLY")
    assert '"un_sc"' in run.stdout and UN_KEYS[0].split(":")[1] in run.stdout
    assert "Traceback" not in run.stderr and "database is locked" not in run.stderr
    assert "cannot save the screening index" in run.stderr


def test_reading_commands_do_not_wait_for_a_load(tmp_path: Path) -> None:
    """A load holds the write lock; ``lists`` and ``entity`` answer at once."""
    home = _home(tmp_path)
    lock = sqlite3.connect(home / "thaw.db", isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")
    try:
        began = time.perf_counter()
        for _ in range(3):
            assert ok("lists", "--home", home, "--json").code == 0
            assert ok("entity", UN_KEYS[0], "--home", home, "--json").code == 0
        assert time.perf_counter() - began < 10
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    assert thaw("lists", "--home", home).code == 0
