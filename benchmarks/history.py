"""History benchmark: the 308-version OFAC SDN series, loaded and queried.

Loads ``us_ofac/2021-08-18_to_2024-05-03/sdn_csv_history.tar.xz`` (dated by its
``sdn_csv_history_index.csv``) into a fresh store through the series importer
(:func:`thaw.store.bulk.load_series`: reader worker processes, the safe loader in
date order), then reports:

* **load time** of all versions: wall clock, and CPU seconds of this process and its
  workers (the CPU time is the fairer figure on a machine shared with other work);
* **store size** after loading, against a store holding only the newest snapshot
  (and against that snapshot's file);
* **query times** on the loaded history: a change report between the first and the
  last version, one listing's timeline, the listing counts per programme over all
  versions (the chart data).

Usage::

    python benchmarks/history.py [--workers 2] [--home DIR] [--json]

Targets: all versions load in <= 180 s on 2 cores; the store stays <= 10x the size
of a store with one snapshot.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("THAW_SHARED", ROOT.parent / "shared")) / "data"
SERIES = SHARED / "lists" / "us_ofac" / "2021-08-18_to_2024-05-03" / "sdn_csv_history.tar.xz"
TARGET_SECONDS = 180.0
TARGET_RATIO = 10.0


def say(text: str = "") -> None:
    print(text, file=sys.stderr, flush=True)


def cpu_seconds() -> float:
    """User + system CPU of this process and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def checkpointed_size(store: Any) -> int:
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return int(store.size_bytes())


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--archive", type=Path, default=SERIES)
    parser.add_argument("--workers", type=int, default=2, help="reader processes (default 2)")
    parser.add_argument("--home", type=Path, help="keep the loaded store here (default: temporary)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON on stdout")
    args = parser.parse_args()
    if not args.archive.is_file():
        say(f"series not found: {args.archive}")
        return 2

    from thaw.history import changes, listing_timeline, source_counts
    from thaw.store import Store
    from thaw.store.bulk import load_series

    work = Path(tempfile.mkdtemp(prefix="thaw-bench-history-"))
    home = args.home or work / "series"
    if home.exists():
        shutil.rmtree(home)
    figures: dict[str, Any] = {
        "archive": str(args.archive),
        "workers": args.workers,
        "cpus": os.cpu_count(),
        "load_average_before": round(os.getloadavg()[0], 2),
    }
    try:
        say(f"loading {args.archive.name} with {args.workers} reader processes …")
        done = [0]
        t0, c0 = time.perf_counter(), cpu_seconds()

        def progress(item: Any) -> None:
            done[0] += 1
            if done[0] % 50 == 0:
                say(f"  {done[0]} publications, {time.perf_counter() - t0:.0f} s")

        with Store(home) as store:
            result = load_series(store, args.archive, workers=args.workers, on_item=progress)
            wall, cpu = time.perf_counter() - t0, cpu_seconds() - c0
            figures["load_average_after"] = round(os.getloadavg()[0], 2)
            size = checkpointed_size(store)
            pubs = store.publications("us_ofac_sdn")
            figures.update(
                publications=len(result.items),
                loaded=result.count("loaded") + result.count("history"),
                refused=result.count("refused"),
                load_seconds=round(wall, 1),
                load_cpu_seconds=round(cpu, 1),
                seconds_per_publication=round(wall / max(1, len(result.items)), 3),
                store_bytes=size,
                versions=store.db.execute("SELECT COUNT(*) FROM versions").fetchone()[0],
                spans=store.db.execute("SELECT COUNT(*) FROM spans").fetchone()[0],
            )
            t = time.perf_counter()
            [report] = changes(
                store, "us_ofac_sdn", since=pubs[0].published, until=pubs[-1].published
            )
            figures["changes_first_to_last_seconds"] = round(time.perf_counter() - t, 3)
            figures["changes_first_to_last"] = {
                "added": len(report.added),
                "removed": len(report.removed),
                "amended": len(report.amended),
            }
            t = time.perf_counter()
            timeline = listing_timeline(store, "us_ofac_sdn", "36")
            figures["timeline_seconds"] = round(time.perf_counter() - t, 4)
            figures["timeline_events"] = len(timeline.events) if timeline else 0
            t = time.perf_counter()
            counts = source_counts(store, "us_ofac_sdn")
            figures["chart_data_seconds"] = round(time.perf_counter() - t, 3)
            figures["programmes_tracked"] = len(counts.programs) if counts else 0
            newest_member = result.items[-1]

        # a store holding only the newest snapshot, for the size comparison
        from thaw.sources import plan
        from thaw.store import load

        single_dir = work / "single"
        with Store(single_dir) as single:
            member = newest_member.members[-1]
            extracted = work / "newest" / "sdn.csv"
            extracted.parent.mkdir(parents=True, exist_ok=True)
            import tarfile

            with tarfile.open(args.archive, "r:*") as tf:
                fh = tf.extractfile(member)
                assert fh is not None
                extracted.write_bytes(fh.read())
            load(single, plan([extracted])[0], date=newest_member.published)
            one = checkpointed_size(single)
        figures["one_snapshot_store_bytes"] = one
        figures["one_snapshot_file_bytes"] = extracted.stat().st_size
        figures["size_ratio"] = round(figures["store_bytes"] / one, 2)
        figures["size_ratio_to_file"] = round(figures["store_bytes"] / extracted.stat().st_size, 2)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    ok_time = figures["load_seconds"] <= TARGET_SECONDS
    ok_size = figures["size_ratio"] <= TARGET_RATIO
    figures["pass_time"], figures["pass_size"] = ok_time, ok_size
    say()
    say(
        f"load: {figures['loaded']}/{figures['publications']} publications in "
        f"{figures['load_seconds']} s wall ({figures['load_cpu_seconds']} CPU s), "
        f"target <= {TARGET_SECONDS:.0f} s: {'PASS' if ok_time else 'FAIL'}"
    )
    say(
        f"  machine: {figures['cpus']} CPUs, load average {figures['load_average_before']} before, "
        f"{figures['load_average_after']} after (other work slows the wall clock, not the CPU s)"
    )
    say(
        f"store: {figures['store_bytes'] / 1e6:.1f} MB for {figures['versions']} versions, "
        f"{figures['spans']} spans; one snapshot {one / 1e6:.1f} MB "
        f"(file {figures['one_snapshot_file_bytes'] / 1e6:.1f} MB): "
        f"x{figures['size_ratio']}, target <= x{TARGET_RATIO:.0f}: {'PASS' if ok_size else 'FAIL'}"
    )
    say(
        f"queries: changes first→last {figures['changes_first_to_last_seconds']} s "
        f"({figures['changes_first_to_last']}), timeline {figures['timeline_seconds']} s, "
        f"chart data {figures['chart_data_seconds']} s"
    )
    if args.json:
        print(json.dumps(figures, indent=2))
    return 0 if ok_time and ok_size else 1


if __name__ == "__main__":
    sys.exit(main())
