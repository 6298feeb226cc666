"""Where the test suite's time goes: wall and CPU, per file and per set-up.

Usage::

    python benchmarks/suite.py                       # the README's test command
    python benchmarks/suite.py --top 40 -- tests/api # pytest arguments after --

Runs the README's test command (``python -m pytest -q -n 2 --dist loadfile``; see
``--workers`` and ``--dist``) with the ``tests.suite_timing`` plugin, then prints:

* the run: wall time, CPU seconds of everything it ran (user + system of pytest,
  its workers and their reaped children), the load average before and after, and
  pytest's summary line; what the pre-build of the real-data homes cost;
* per worker: when it finished and how much of that was waiting (wall − CPU);
* each worker's timeline: the files it ran in order, when each started and ended
  (seconds from the command's launch), the short files in between summed, and how
  long the worker sat idle at the end while the other finished (the critical path);
* the files taking longest (``--dist loadfile`` puts a whole file on one worker,
  so the longest file bounds the run), with set-up and call split;
* the slowest set-ups and calls, with their CPU.

Like ``.ci/run`` it lets Python write its bytecode caches even where the
environment sets ``PYTHONDONTWRITEBYTECODE`` (``--no-bytecode`` keeps it): without
them each of the run's processes compiles every module it imports. A first run in a
fresh virtualenv writes them, so it costs more than the next.

The suite is CPU-bound where wall ≈ CPU / workers; a test whose wall time is far
above its CPU time waits (a lock, a server, a browser, a sleep). Exit status:
pytest's.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PHASES = ("setup", "call", "teardown")


def _cpu(phase: dict[str, float]) -> float:
    return phase["cpu"] + phase["child"]


def _records(folder: Path) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            for phase in PHASES:
                record.setdefault(phase, {"wall": 0.0, "cpu": 0.0, "child": 0.0})
            out.append(record)
    return out


def _phase_sum(records: list[dict[str, Any]], phase: str, key: str) -> float:
    if key == "total":
        return sum(_cpu(r[phase]) for r in records)
    return sum(float(r[phase][key]) for r in records)


def _print_short(short: list[tuple[str, float, float, int]]) -> None:
    """One timeline line for a run of short files (then empties ``short``)."""
    if short:
        busy = sum(end - start for _, start, end, _ in short)
        tests = sum(span[3] for span in short)
        print(
            f"  {short[0][1]:7.1f} {short[-1][2]:7.1f}  {len(short)} short files"
            f" ({tests} tests, {busy:.1f} s)"
        )
        short.clear()


def timeline(records: list[dict[str, Any]], launched: float, wall: float, shown: float) -> None:
    """Print each worker's files in the order it ran them, with their start and end
    (seconds from ``launched``); runs of files shorter than ``shown`` seconds are
    summed on one line."""
    workers: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        if "start" in record and "end" in record:
            workers[record["worker"]].append(record)
    for worker, recs in sorted(workers.items()):
        recs.sort(key=lambda r: float(r["start"]))
        spans: list[tuple[str, float, float, int]] = []  # file, start, end, tests
        for record in recs:
            start, end = float(record["start"]) - launched, float(record["end"]) - launched
            if spans and spans[-1][0] == record["file"]:
                name, first, _, count = spans[-1]
                spans[-1] = (name, first, end, count + 1)
            else:
                spans.append((record["file"], start, end, 1))
        first_start = spans[0][1] if spans else 0.0
        last_end = spans[-1][2] if spans else 0.0
        print(
            f"\ntimeline of {worker}: first test at {first_start:.1f} s, last done at "
            f"{last_end:.1f} s, idle at the end {wall - last_end:.1f} s"
        )
        short: list[tuple[str, float, float, int]] = []
        for span in spans:
            name, start, end, count = span
            if end - start < shown:
                short.append(span)
                continue
            _print_short(short)
            print(f"  {start:7.1f} {end:7.1f}  {name} ({count} tests, {end - start:.1f} s)")
        _print_short(short)


def report(records: list[dict[str, Any]], top: int) -> None:
    """Print the per-worker, per-file and per-test tables (see the module docs)."""
    workers: dict[str, list[dict[str, Any]]] = defaultdict(list)
    files: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        workers[record["worker"]].append(record)
        files[record["file"]].append(record)

    print("\nper worker              tests    wall s     CPU s   waiting s")
    for worker, recs in sorted(workers.items()):
        wall = sum(_phase_sum(recs, p, "wall") for p in PHASES)
        cpu = sum(_phase_sum(recs, p, "total") for p in PHASES)
        print(f"  {worker:<20} {len(recs):6d} {wall:9.1f} {cpu:9.1f} {wall - cpu:11.1f}")

    print(f"\nlongest files (of {len(files)})" + " " * 33 + "tests  wall s  CPU s  set-up s")
    ranked = sorted(
        files.items(), key=lambda kv: -sum(_phase_sum(kv[1], p, "wall") for p in PHASES)
    )
    for name, recs in ranked[:top]:
        wall = sum(_phase_sum(recs, p, "wall") for p in PHASES)
        cpu = sum(_phase_sum(recs, p, "total") for p in PHASES)
        setup = _phase_sum(recs, "setup", "wall")
        print(f"  {name:<60} {len(recs):5d} {wall:7.1f} {cpu:6.1f} {setup:9.1f}")

    for phase in ("setup", "call"):
        print(f"\nslowest {phase}s" + " " * 58 + "wall s  CPU s (children)")
        ranked_tests = sorted(records, key=lambda r: -float(r[phase]["wall"]))
        for record in ranked_tests[:top]:
            values = record[phase]
            print(
                f"  {record['test'][:70]:<70} {values['wall']:6.1f} {_cpu(values):6.1f}"
                f" ({values['child']:.1f})"
            )


def _adopt_orphans() -> bool:
    """Make this process the subreaper of everything the run starts (Linux), so that
    processes outliving their parent (the Spark JVM and its Python workers, which
    pyspark never waits for) are reaped here and their CPU counted."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(36, 1, 0, 0, 0) == 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def _reap_orphans() -> int:
    """Reap the adopted processes that have ended (their CPU then counts among this
    process's children); the number reaped."""
    reaped = 0
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return reaped
        if pid == 0:
            return reaped
        reaped += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", default="2", help="pytest-xdist -n (default 2)")
    parser.add_argument("--dist", default="loadfile", help="pytest-xdist --dist")
    parser.add_argument("--top", type=int, default=25, help="rows per table")
    parser.add_argument(
        "--shown",
        type=float,
        default=3.0,
        help="timeline: files shorter than this many seconds are summed (default 3)",
    )
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="keep PYTHONDONTWRITEBYTECODE from the environment (by default it is "
        "removed, as .ci/run does: with it every process compiles every module)",
    )
    parser.add_argument(
        "--save", type=Path, help="also write the per-test records to this JSON file"
    )
    parser.add_argument("pytest_args", nargs="*", help="more pytest arguments (after --)")
    args = parser.parse_args(argv)

    command = [sys.executable, "-m", "pytest", "-q", "-p", "tests.suite_timing"]
    if args.workers not in ("0", ""):
        command += ["-n", args.workers, "--dist", args.dist]
    command += args.pytest_args
    adopted = _adopt_orphans()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="thaw-suite-times-") as folder:
        env = {**os.environ, "THAW_SUITE_TIMES": folder}
        if not args.no_bytecode:  # as .ci/run: Python may cache compiled modules
            env.pop("PYTHONDONTWRITEBYTECODE", None)
        basetemp = Path(folder) / "run"
        command.append(f"--basetemp={basetemp}")
        launched, started = time.time(), time.perf_counter()
        done = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
        )
        wall = time.perf_counter() - started
        time.sleep(1.0)  # the JVM's shut-down may lag its worker's exit a little
        orphans = _reap_orphans() if adopted else 0
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        records = _records(Path(folder))
        if args.save:
            args.save.write_text(json.dumps({"launched": launched, "records": records}))
        prebuild = basetemp / "prebuild.log"
        prebuilt = prebuild.read_text(errors="replace").strip() if prebuild.exists() else ""
    lines = done.stdout.strip().splitlines()
    summary = lines[-1] if lines else done.stderr.strip()[-500:]
    for line in lines:
        if line.startswith(("FAILED", "ERROR")):
            print(line)
    cpu = usage.ru_utime + usage.ru_stime
    print(" ".join(command[1:]))
    print(f"pytest: {summary}")
    print(
        f"wall {wall:.1f} s ({int(wall // 60)} min {wall % 60:02.0f} s), CPU {cpu:.1f} s "
        f"(user {usage.ru_utime:.1f}, system {usage.ru_stime:.1f}); "
        f"CPU / wall {cpu / wall:.2f}; max RSS of one process {usage.ru_maxrss / 1024:.0f} MB"
    )
    load_after = os.getloadavg()
    print(
        "load average before "
        + " ".join(f"{x:.2f}" for x in load_before)
        + ", after "
        + " ".join(f"{x:.2f}" for x in load_after)
    )
    print(
        "CPU counted: pytest, its workers and everything they started"
        + (
            f", including {orphans} process(es) that outlived their parent (the Spark JVM)"
            if adopted
            else " that their parents waited for (no subreaper here: the Spark JVM is not)"
        )
    )
    print(
        "bytecode caches: "
        + ("off (PYTHONDONTWRITEBYTECODE)" if env.get("PYTHONDONTWRITEBYTECODE") else "written")
    )
    print("pre-build (tests/prebuild.py): " + ("; ".join(prebuilt.splitlines()) or "none"))
    timeline(records, launched, wall, args.shown)
    report(records, args.top)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
