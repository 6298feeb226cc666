"""Issue 17, item 7: workers die with their parent; temporary files of a killed run
are removed by the next one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from thaw._process import owner_pid, sweep, temp_dir, temp_file

PARENT = textwrap.dedent(
    """
    import time
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context
    from thaw._process import die_with_parent

    def work(_):
        import os
        time.sleep(600)
        return os.getpid()

    def pid(_):
        import os
        return os.getpid()

    pool = ProcessPoolExecutor(2, mp_context=get_context("fork"), initializer=die_with_parent)
    pids = {pool.submit(pid, i).result() for i in range(8)}
    for i in range(4):
        pool.submit(work, i)
    print(" ".join(map(str, sorted(pids))), flush=True)
    time.sleep(600)
    """
)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie of a dead parent is reaped by init; count it as gone
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def test_workers_die_with_a_killed_parent() -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    workers = [int(p) for p in parent.stdout.readline().split()]
    assert workers and all(_alive(p) for p in workers)
    parent.send_signal(signal.SIGKILL)
    parent.wait(10)
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in workers if _alive(p)]


def _dead_pid() -> int:
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid -= 1


def test_sweep_removes_only_what_dead_processes_left(tmp_path: Path) -> None:
    dead = _dead_pid()
    orphan_dir = tmp_path / f"thaw-series-{dead}-abc"
    (orphan_dir / "00000").mkdir(parents=True)
    (orphan_dir / "00000" / "sdn.csv").write_text("x")
    orphan_file = tmp_path / f"thaw-xlsx-{dead}-def.xml"
    orphan_file.write_text("x")
    live = tmp_path / f"thaw-series-{os.getppid()}-ghi"
    live.mkdir()
    old_style = tmp_path / "thaw-ods-nopid.xml"
    old_style.write_text("x")
    stranger = tmp_path / f"other-{dead}"
    stranger.mkdir()
    removed = set(sweep(tmp_path))
    assert removed == {orphan_dir, orphan_file}
    assert live.exists() and old_style.exists() and stranger.exists()
    day_old = time.time() - 2 * 24 * 3600
    os.utime(old_style, (day_old, day_old))
    assert sweep(tmp_path) == [old_style]


def test_temp_names_carry_the_pid() -> None:
    folder = temp_dir("thaw-series-")
    try:
        assert owner_pid(folder.name, "thaw-series-") == os.getpid()
    finally:
        folder.rmdir()
    with temp_file("thaw-xlsx-", ".xml") as fh:
        name = Path(fh.name)
    try:
        assert owner_pid(name.name, "thaw-xlsx-") == os.getpid()
    finally:
        name.unlink()


def test_any_command_sweeps_what_a_killed_run_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kill during an XLSX load left /tmp/thaw-xlsx-*, a kill while the index was
    saved left index/.building-*: the next command, whatever it is, removes them."""
    from tests.cli._cli import ok

    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    dead = _dead_pid()
    xlsx = tmp / f"thaw-xlsx-{dead}-abc.xml"
    xlsx.write_bytes(b"x" * 1000)
    home = tmp_path / "home"
    (home / "index").mkdir(parents=True)
    building = home / "index" / f".building-{dead}-def.pickle"
    building.write_bytes(b"half")
    ok("lists", "--home", home)
    assert not xlsx.exists() and not building.exists()
