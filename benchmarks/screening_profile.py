"""What a batch worker's rows cost: CPU time, or instructions under callgrind.

Screens rows of a bench file as a batch worker does (``thaw screen-file``'s
checks, the worker's garbage-collector thresholds, a screener warmed up as the
parent warms it before forking), first ``--warm`` rows untimed, so that the
worker's caches (token postings, typo neighbours, spellings, decoded entries)
hold what that many rows put in them, then ``--rows`` rows timed. A worker of
the 50,000-row benchmark meets most of its words in its first few thousand
rows: a window after a short warm-up (``--warm 500``) shows what new words
cost, one after a long one (``--warm 8000``) what a worker's later rows cost.

The timed rows are screened inside one call of :func:`functools.reduce`, which
nothing else in screening calls, so that callgrind can count their
instructions alone, the measure to compare on a shared machine (CPU time
there varies by a third from run to run)::

    valgrind --tool=callgrind --collect-atstart=no --toggle-collect=functools_reduce \\
        python benchmarks/screening_profile.py --home DIR --warm 8000 --rows 1000

(about 15 minutes on a loaded machine; ``callgrind_annotate --inclusive=yes``
then gives each function's share). Without valgrind it prints the CPU time per
timed row (user + system) and the rows with a hit.
"""

from __future__ import annotations

import argparse
import csv
import functools
import gc
import os
import resource
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("THAW_SHARED", ROOT.parent / "shared")) / "data"


def queries(path: Path, start: int, count: int) -> list[Any]:
    """The queries of ``count`` rows of ``path`` from row ``start`` (0-based),
    as ``thaw screen-file`` checks them (rows it cannot screen left out)."""
    from thaw.screen.batch import check_fields

    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))[start : start + count]
    out: list[Any] = []
    for n, row in enumerate(rows, start=start + 1):
        query, _ident, _problems = check_fields({k.lower(): v for k, v in row.items()}, n)
        if query is not None:
            out.append(query)
    return out


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, required=True, help="store home (loaded)")
    parser.add_argument("--file", type=Path, default=SHARED / "bench" / "negatives_us.csv")
    parser.add_argument("--warm", type=int, default=500, help="rows screened first, untimed")
    parser.add_argument("--rows", type=int, default=1000, help="rows timed, after the warm ones")
    args = parser.parse_args(argv)

    from thaw.screen import Screener
    from thaw.screen.batch import WORKER_GC_THRESHOLDS

    screener = Screener(args.home)
    screener.warm_up(japanese=False)  # (as the parent does before forking)
    gc.set_threshold(*WORKER_GC_THRESHOLDS)
    for query in queries(args.file, 0, args.warm):
        screener.screen_query(query)
    gc.freeze()  # (as a worker does after each chunk)
    timed = queries(args.file, args.warm, args.rows)
    if not timed:
        print("no rows to time", file=sys.stderr)
        return 1

    def screen(with_hits: int, query: Any) -> int:
        return with_hits + bool(screener.screen_query(query).hits)

    start = cpu_seconds()
    with_hits = functools.reduce(screen, timed, 0)
    spent = cpu_seconds() - start
    print(
        f"{len(timed):,} rows after {args.warm:,} warm ones: {spent / len(timed) * 1e6:.0f} µs CPU"
        f" a row, {with_hits} with a hit; load average {os.getloadavg()[0]:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
