"""``kill -9`` at 50 random points of load, update, history and index build.

Prepares a home from the real publications (UN 2025-04-19 and OFAC SDN 2023-12-28),
times each operation once to completion, then runs ``--trials`` kills, round robin
over the operations, each at a uniformly random moment within that operation's
duration (see :mod:`tests.killharness` for what one trial checks):

* ``load``: ``thaw load un_sc/2026-02-27/consolidated.xml`` (a new active
  publication, then the index and the profiles);
* ``update``: ``thaw update --from`` a folder holding OFAC's 2024-05-03 sdn.csv;
* ``history``: ``thaw load`` of a 20-version excerpt of the OFAC series archive
  (worker processes, a temporary folder);
* ``index``: ``thaw screen`` with the cached index removed (build and save).

Prints per operation: trials, kills that landed before the end, inconsistent stores,
orphaned processes, leftover temporary files, failed re-runs; with the load average.

Usage::

    python benchmarks/killtest.py [--trials 50] [--seed 17] [--json]

Target (issue 17): 0 inconsistent stores, 0 orphaned processes, 0 leftover temporary
files over 50 random kill points.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import defaultdict, deque
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.killharness import THAW, Operation, trial  # noqa: E402

SHARED = Path(os.environ.get("THAW_SHARED", ROOT.parent / "shared")) / "data" / "lists"
SERIES = SHARED / "us_ofac" / "2021-08-18_to_2024-05-03" / "sdn_csv_history.tar.xz"


def prepare(root: Path, known: dict[str, float]) -> tuple[Path, list[Operation]]:
    base = root / "base"
    for path in (
        SHARED / "un_sc/2025-04-19/consolidated.xml",
        SHARED / "us_ofac/2023-12-28/sdn.csv",
    ):
        subprocess.run([*THAW, "load", "--home", str(base), str(path)], check=True)
    update = root / "lists" / "us_ofac" / "2024-05-03"
    update.mkdir(parents=True)
    shutil.copy(SHARED / "us_ofac/2024-05-03/sdn.csv", update / "sdn.csv")
    excerpt = root / "sdn_excerpt.tar.xz"
    last: deque[tuple[tarfile.TarInfo, bytes]] = deque(maxlen=20)
    with tarfile.open(SERIES, "r|xz") as src:  # one pass: an xz stream cannot seek back
        for member in src:
            fh = src.extractfile(member) if member.isfile() else None
            if fh is not None:
                last.append((member, fh.read()))
    with tarfile.open(excerpt, "w:xz") as dst:
        for member, data in sorted(last, key=lambda m: m[0].name):
            dst.addfile(member, io.BytesIO(data))
    ops = [
        Operation(
            "load",
            ("load", "--home", "{home}", str(SHARED / "un_sc/2026-02-27/consolidated.xml")),
            0,
        ),
        Operation("update", ("update", "--from", str(root / "lists")), 0),
        Operation("history", ("load", "--home", "{home}", str(excerpt)), 0),
        Operation(
            "index", ("screen", "Kirill Dmitriev", "--home", "{home}"), 0, prepare_index=True
        ),
    ]
    timed = []
    for op in ops:
        if op.name in known:  # measured before (--durations)
            timed.append(Operation(op.name, op.args, known[op.name], op.prepare_index))
            continue
        home = root / "calibrate"
        shutil.rmtree(home, ignore_errors=True)
        shutil.copytree(base, home)
        if op.prepare_index:
            shutil.rmtree(home / "index", ignore_errors=True)
        began = time.perf_counter()
        env = {**os.environ, "THAW_HOME": str(home)}
        args = [a.replace("{home}", str(home)) for a in op.args]
        subprocess.run([*THAW, *args], env=env, check=True, capture_output=True)
        timed.append(Operation(op.name, op.args, time.perf_counter() - began, op.prepare_index))
    return base, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--durations",
        default="",
        help="skip timing: kill within these seconds, e.g. load=40,update=90,history=100",
    )
    args = parser.parse_args()
    known = {k: float(v) for k, v in (x.split("=") for x in args.durations.split(",") if x)}
    rng = random.Random(args.seed)
    load_before = os.getloadavg()
    began = time.time()
    rows: dict[str, dict[str, Any]] = defaultdict(
        lambda: {
            "trials": 0,
            "killed": 0,
            "inconsistent": 0,
            "orphans": 0,
            "leftovers": 0,
            "rerun_failed": 0,
        }
    )
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="thaw-killtest-") as tmp:
        root = Path(tmp)
        base, ops = prepare(root, known)
        for n in range(args.trials):
            op = ops[n % len(ops)]
            t = trial(base, root / "trial", op, rng)
            row = rows[op.name]
            row["seconds"] = round(op.seconds, 1)
            row["trials"] += 1
            row["killed"] += not t.finished_first
            row["inconsistent"] += bool(t.inconsistent)
            row["orphans"] += t.orphans
            row["leftovers"] += len(t.leftovers)
            row["rerun_failed"] += not t.rerun_ok
            if t.inconsistent or t.orphans or t.leftovers or not t.rerun_ok:
                problems.append(f"{op.name} killed at {t.kill_at:.2f}s: {t}")
            print(
                f"{n + 1:3} {op.name:8} kill at {t.kill_at:6.2f}s"
                f" {'(finished first)' if t.finished_first else ''}"
                f" inconsistent={t.inconsistent} orphans={t.orphans}"
                f" leftovers={len(t.leftovers)} rerun_ok={t.rerun_ok}",
                file=sys.stderr,
                flush=True,
            )
    summary = {
        "seconds": round(time.time() - began, 1),
        "load_average": [round(x, 2) for x in (*load_before, *os.getloadavg())],
        "operations": dict(rows),
        "problems": problems,
    }
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    heads = ("s", "trials", "killed", "incons.", "orphans", "leftover", "rerun!")
    print(f"{'operation':10} " + " ".join(f"{h:>8}" for h in heads))
    for name, r in rows.items():
        print(
            f"{name:10} {r['seconds']:>6} {r['trials']:>6} {r['killed']:>6} {r['inconsistent']:>7}"
            f" {r['orphans']:>7} {r['leftovers']:>8} {r['rerun_failed']:>6}"
        )
    print(f"{summary['seconds']} s; load average before/after {summary['load_average']}")
    for p in problems:
        print(p)


if __name__ == "__main__":
    main()
