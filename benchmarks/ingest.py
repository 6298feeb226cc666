"""Ingestion speed and memory: the newest publication of every source, into a fresh store.

Usage::

    python benchmarks/ingest.py [LISTS_DIR] [--profile OUT.prof] [--top N] [--no-index]

(default ``../shared/data/lists``). Every publication under ``LISTS_DIR`` is found
(folders named ``_…`` hold partial excerpts and are skipped, as are documents and
auxiliary files without their main file); the newest of each source, by its dated
folder, is loaded in-process into a fresh temporary store. Printed per source:
parse time (reading and serialising every record), store time (the checks and the
SQLite transaction) and records; then totals: wall time, CPU time
(:func:`time.process_time`, which stays meaningful on a shared, busy machine) and
peak RSS (:func:`resource.getrusage`). The screening index build
(:func:`thaw.index.ensure_index`) is timed separately, as ``thaw load`` runs it once
after loading.

Targets (the ingestion issue): the whole load at most 20 s and 500 MB on 2 cores.

``--profile OUT.prof`` runs the load under :mod:`cProfile`, saves the statistics and
prints the hottest functions grouped by module (``--top`` of them, default 25);
``python -m pstats OUT.prof`` browses them further.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thaw.sources import Job, SourceError, plan
from thaw.store import Store, load

DEFAULT_LISTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "lists"
SKIP_SUFFIXES = (".md", ".odt", ".pdf", ".tar.xz", "_index.csv")
"""Files that are not single publications: documentation, the human-readable UK
list, the OFAC history archive and its derived index (imported by ``thaw update``)."""


@dataclass(slots=True)
class Timing:
    """Wall and CPU seconds of one step."""

    wall: float = 0.0
    cpu: float = 0.0

    def __str__(self) -> str:
        return f"{self.wall:7.2f}s wall {self.cpu:7.2f}s cpu"


@contextmanager
def timed(into: Timing) -> Iterator[None]:
    """Add the wall and CPU time of the ``with`` block to ``into``."""
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        into.wall += time.perf_counter() - wall
        into.cpu += time.process_time() - cpu


def folder_date(path: Path) -> str:
    """The ``YYYY-MM-DD`` name of the nearest dated folder above ``path`` (or ``""``)."""
    for part in reversed(path.parent.parts):
        if len(part) >= 10 and part[4] == "-" and part[7] == "-" and part[:4].isdigit():
            return part[:10]
    return ""


def newest_publications(root: Path) -> dict[str, Job]:
    """The newest publication of every source under ``root``, by folder date (then
    the reader's priority, then the larger file set)."""
    best: dict[str, tuple[tuple[str, int, int], Job]] = {}
    for folder in sorted({p.parent for p in root.rglob("*") if p.is_file()}):
        if any(part.startswith(("_", ".")) for part in folder.relative_to(root).parts):
            continue
        files = [
            p
            for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.lower().endswith(SKIP_SUFFIXES)
        ]
        for path in files:
            try:
                jobs = plan([path])
            except SourceError:
                continue  # an auxiliary file (attached to its main file) or not a list
            for job in jobs:
                key = (folder_date(job.path), job.reader.priority, len(job.files))
                held = best.get(job.reader.source)
                if held is None or key > held[0]:
                    best[job.reader.source] = (key, job)
    return {source: job for source, (_key, job) in sorted(best.items())}


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (Linux: KiB units)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)


def _split_loader() -> tuple[Callable[..., Any], Callable[..., Any]] | None:
    """The loader's two halves (read, then check and store), where it has them."""
    try:
        from thaw.store.loader import commit, read_job
    except ImportError:
        return None
    return read_job, commit


def run(root: Path, build_index: bool = True) -> int:
    """Load the newest publications under ``root`` and print the figures."""
    wall0, cpu0 = time.perf_counter(), time.process_time()
    found = Timing()
    with timed(found):
        jobs = newest_publications(root)
    if not jobs:
        print(f"no publication found under {root}", file=sys.stderr)
        return 1
    print(f"{len(jobs)} sources found under {root} in {found}")
    split = _split_loader()
    header = (
        f"{'source':14} {'date':10} {'records':>8} {'parse wall':>10} {'cpu':>7}"
        f" {'store wall':>10} {'cpu':>7}  files"
    )
    print(header)
    print("-" * len(header))
    parse_total, store_total, records_total = Timing(), Timing(), 0
    index_time = Timing()
    failed = 0
    with tempfile.TemporaryDirectory(prefix="thaw-bench-") as tmp, Store(Path(tmp)) as store:
        for source, job in jobs.items():
            parse, stored = Timing(), Timing()
            try:
                if split is not None:
                    read_job, commit = split
                    with timed(parse):
                        read = read_job(job)
                    with timed(stored):
                        result = commit(store, read)
                else:  # an older loader: parse and store together
                    with timed(parse):
                        result = load(store, job)
            except Exception as exc:  # noqa: BLE001  (report and go on with the others)
                print(f"{source:14} FAILED {type(exc).__name__}: {exc}")
                failed += 1
                continue
            pub = result.publication
            records_total += pub.record_count
            for total, part in ((parse_total, parse), (store_total, stored)):
                total.wall += part.wall
                total.cpu += part.cpu
            names = ", ".join(p.name for p in job.files)
            print(
                f"{source:14} {pub.published[:10]:10} {pub.record_count:8d} "
                f"{parse.wall:9.2f}s {parse.cpu:6.2f}s {stored.wall:9.2f}s {stored.cpu:6.2f}s"
                f"  {names}"
            )
        load_wall, load_cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        load_rss = peak_rss_mb()
        if build_index:
            try:
                from thaw.index import ensure_index
            except ImportError:
                print("thaw.index.ensure_index not available: no index build timed")
            else:
                with timed(index_time):
                    ensure_index(store)
        db_mb = store.size_bytes() / (1 << 20)
    print("-" * len(header))
    print(f"{'parse':14} {parse_total}")
    print(f"{'store':14} {store_total}")
    print(
        f"{'load total':14} {load_wall:7.2f}s wall {load_cpu:7.2f}s cpu  "
        f"{records_total} records  peak RSS {load_rss:.0f} MiB  store {db_mb:.1f} MiB"
    )
    if build_index:
        print(f"{'index build':14} {index_time}  peak RSS now {peak_rss_mb():.0f} MiB")
    print(f"{'targets':14} load <= 20 s and <= 500 MB on 2 cores")
    return 1 if failed else 0


def print_hotspots(stats: pstats.Stats, top: int) -> None:
    """The hottest functions (own time), then own time summed per module."""
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, object]]
    raw = stats.stats  # type: ignore[attr-defined]
    per_module: dict[str, float] = defaultdict(float)
    rows = []
    for (filename, line, func), (_cc, calls, own, cum, _callers) in raw.items():
        module = _module_name(filename)
        per_module[module] += own
        rows.append((own, cum, calls, f"{module}:{line}({func})"))
    rows.sort(reverse=True)
    print(f"\nTop {top} functions by own time (profiled run; times inflated by cProfile):")
    print(f"{'own s':>8} {'cum s':>8} {'calls':>9}  function")
    for own, cum, calls, name in rows[:top]:
        print(f"{own:8.2f} {cum:8.2f} {calls:9d}  {name}")
    print(f"\nOwn time per module (top {top}):")
    for module, own in sorted(per_module.items(), key=lambda kv: -kv[1])[:top]:
        print(f"{own:8.2f}  {module}")


def _module_name(filename: str) -> str:
    """A short module-ish name for a profiled file (``thaw/sources/common.py``)."""
    if filename.startswith(("<", "~")):
        return filename
    parts = Path(filename).parts
    for anchor in ("site-packages", "src"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor) + 1 :])
    return "/".join(parts[-2:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("lists", nargs="?", type=Path, default=DEFAULT_LISTS)
    parser.add_argument("--profile", type=Path, help="write cProfile statistics here")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--no-index", action="store_true", help="skip the index build")
    args = parser.parse_args(argv)
    if not args.lists.is_dir():
        print(f"{args.lists}: not a folder", file=sys.stderr)
        return 2
    if args.profile is None:
        return run(args.lists, build_index=not args.no_index)
    profiler = cProfile.Profile()
    status = profiler.runcall(run, args.lists, not args.no_index)
    profiler.dump_stats(args.profile)
    print_hotspots(pstats.Stats(str(args.profile)), args.top)
    return int(status)


if __name__ == "__main__":
    sys.exit(main())
