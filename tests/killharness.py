"""``kill -9`` at random points of thaw's writing commands (issue 17).

One trial copies a prepared home, starts a thaw command (``load``, ``update --from``,
a history series load, an index build) in a session of its own with a private
``TMPDIR``, sends ``SIGKILL`` to the thaw process (not its workers) at a random
moment, and then checks:

* **orphans**: no process of that session is still alive 5 s later (workers must
  die with their parent);
* **consistency**: SQLite's ``integrity_check`` passes; every active publication
  exists and holds as many records as it says; no listing has overlapping spans;
* **recovery and temp files**: the same command, run again to completion, succeeds,
  and afterwards neither the private ``TMPDIR`` nor ``<home>/index`` holds a thaw
  temporary file (those of the killed run are swept by the next one).

Used by ``tests/test_kill.py`` (a few trials on fixtures) and
``benchmarks/killtest.py`` (50 trials on the real lists).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

THAW = [sys.executable, "-c", "from thaw.cli import main; main()"]
TEMP_PREFIXES = ("thaw-series-", "thaw-xlsx-", "thaw-ods-")


@dataclass(frozen=True, slots=True)
class Operation:
    """A thaw command to kill: its arguments (``{home}`` is replaced) and how long
    it usually runs (the kill falls uniformly within that)."""

    name: str
    args: tuple[str, ...]
    seconds: float
    prepare_index: bool = False
    """Remove the cached index first, so that the command builds and saves it."""
    kill_when: str | None = None
    """A glob under the home: kill as soon as a file matches it (or at the random
    moment, whichever comes first), to land the kill in a given step."""


@dataclass(slots=True)
class Trial:
    """What one kill left behind."""

    operation: str
    kill_at: float
    finished_first: bool = False
    orphans: int = 0
    inconsistent: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    rerun_ok: bool = True
    rerun_output: str = ""


def _session_pids(sid: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(") ", 1)[1].split()
        if int(fields[3]) == sid and fields[0] != "Z":  # session id; not a zombie
            pids.append(int(entry.name))
    return pids


def check_store(home: Path) -> list[str]:
    """Inconsistencies of the store under ``home`` (empty: consistent)."""
    path = home / "thaw.db"
    if not path.exists():
        return []
    problems: list[str] = []
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        result = db.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            problems.append(f"integrity_check: {result}")
        for source, pub_id in db.execute("SELECT source, publication_id FROM active"):
            row = db.execute(
                "SELECT seq, record_count FROM publications WHERE id = ? AND source = ?",
                (pub_id, source),
            ).fetchone()
            if row is None:
                problems.append(f"{source}: active publication {pub_id} missing")
                continue
            seq, count = row
            held = db.execute(
                "SELECT COUNT(*) FROM spans WHERE source = ? AND first_seq <= ?"
                " AND (last_seq IS NULL OR last_seq >= ?)",
                (source, seq, seq),
            ).fetchone()[0]
            if held != count:
                problems.append(f"{source}: active publication holds {held} of {count} records")
        overlaps = db.execute(
            "SELECT COUNT(*) FROM spans a JOIN spans b ON a.source = b.source"
            " AND a.source_id = b.source_id AND a.rowid < b.rowid"
            " AND a.first_seq <= COALESCE(b.last_seq, 1 << 60)"
            " AND b.first_seq <= COALESCE(a.last_seq, 1 << 60)"
        ).fetchone()[0]
        if overlaps:
            problems.append(f"{overlaps} overlapping spans")
    finally:
        db.close()
    return problems


def leftovers(home: Path, tmp: Path) -> list[str]:
    """thaw's temporary files under ``tmp``, ``home/index`` and the download staging
    folder ``home/downloads/.staging``."""
    found = [str(p) for p in tmp.iterdir() if p.name.startswith(TEMP_PREFIXES)]
    index = home / "index"
    if index.is_dir():
        found += [str(p) for p in index.iterdir() if p.name.startswith(".building-")]
    staging = home / "downloads" / ".staging"
    if staging.is_dir():
        found += [str(p) for p in staging.iterdir()]
    return found


def _wait(proc: subprocess.Popen[bytes], home: Path, pattern: str | None, limit: float) -> bool:
    """Wait up to ``limit`` seconds, or until a file matches ``pattern`` under
    ``home``; whether the process finished by then."""
    if pattern is None:
        try:
            proc.wait(limit)
        except subprocess.TimeoutExpired:
            return False
        return True
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if proc.poll() is not None:
            return True
        if next(home.glob(pattern), None) is not None:
            return False
        time.sleep(0.01)
    return proc.poll() is not None


def trial(
    base: Path, work: Path, op: Operation, rng: random.Random, *, timeout: float = 600
) -> Trial:
    """One kill of ``op`` on a copy of the home ``base`` (see the module docs)."""
    home, tmp = work / "home", work / "tmp"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    shutil.copytree(base, home)
    tmp.mkdir()
    if op.prepare_index:
        shutil.rmtree(home / "index", ignore_errors=True)
    env = {**os.environ, "TMPDIR": str(tmp), "THAW_HOME": str(home)}
    args = [a.replace("{home}", str(home)) for a in op.args]
    kill_at = rng.uniform(0.05, op.seconds)
    result = Trial(op.name, kill_at)
    proc = subprocess.Popen(
        [*THAW, *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    if _wait(proc, home, op.kill_when, kill_at):
        result.finished_first = True
    else:
        proc.send_signal(signal.SIGKILL)  # the thaw process only, as `kill -9 PID`
        proc.wait()
    deadline = time.monotonic() + 5
    while _session_pids(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    stray = _session_pids(proc.pid)
    result.orphans = len(stray)
    for pid in stray:  # clean up after a failure, so that trials stay independent
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    result.inconsistent = check_store(home)
    rerun = subprocess.run([*THAW, *args], env=env, capture_output=True, text=True, timeout=timeout)
    result.rerun_ok = rerun.returncode == 0
    result.rerun_output = (rerun.stdout + rerun.stderr)[-2000:]
    result.inconsistent += check_store(home)
    result.leftovers = leftovers(home, tmp)
    return result
