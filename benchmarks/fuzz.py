"""Fuzzing, the long run: thousands of mutants of every format thaw reads.

Runs :mod:`tests.fuzz.harness` (mutations, forked children with a 1 GiB memory limit
and a 20 CPU-second deadline, store consistency per mutant) and prints, per format:
mutants, accepted, refused, tracebacks, hangs, oom, inconsistent stores, the largest
RSS and the mean wall and CPU milliseconds per mutant, with the load average (the
machine may be shared).

Usage::

    python benchmarks/fuzz.py [--mutants 2000] [--seed 17] [--only pdf,un_sc]
                              [--budget SECONDS_PER_FORMAT] [--fixtures] [--json]

Seeds are cut from the real publications in ``../shared/data`` where there are some
(300 records each, and the full publication for 3 % of the mutants), else the
committed fixtures (``--fixtures``: fixtures only).

Target (issue 17): 0 tracebacks, 0 hangs, RSS <= 1 GB over at least 2,000 mutants
per format.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fuzz.harness import Outcome, run  # noqa: E402

STATUSES = ("accepted", "refused", "traceback", "hang", "oom", "inconsistent")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mutants", type=int, default=2000, help="mutants per format")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--only", default="", help="comma-separated parts of format names")
    parser.add_argument("--budget", type=float, default=None, help="seconds per format at most")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--fixtures",
        action="store_true",
        help="seed from the committed fixtures only (default: cuts of the real "
        "publications in ../shared where there are some)",
    )
    args = parser.parse_args()
    began = time.time()
    load_before = os.getloadavg()
    failures: list[Outcome] = []

    progress: Counter[str] = Counter()

    def seen(outcome: Outcome) -> None:
        if outcome.status not in ("accepted", "refused"):
            failures.append(outcome)
            print(f"!! {outcome.target}: {outcome.status} after {outcome.mutation}", flush=True)
        progress[outcome.target] += 1
        total = sum(progress.values())
        if total % 250 == 0:  # a long run's log shows how far it got
            print(
                f".. {total} mutants ({min(progress.values())} to {max(progress.values())} "
                f"per format), {time.time() - began:.0f} s, load {os.getloadavg()[0]:.1f}",
                flush=True,
            )

    # SIGTERM or Ctrl-C ends the run after the current mutant, with the table of
    # what ran (the formats take turns, so all are covered alike)
    stopping: list[int] = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda signum, frame: stopping.append(signum))
    report = run(
        args.mutants,
        seed=args.seed,
        only=[o for o in args.only.split(",") if o] or None,
        budget_s=args.budget,
        real=not args.fixtures,
        on_outcome=seen,
        stop=lambda: bool(stopping),
    )
    rows = []
    for target, counts in report.by_target().items():
        outcomes = [o for o in report.outcomes if o.target == target]
        rows.append(
            {
                "format": target,
                "mutants": len(outcomes),
                **{s: counts.get(s, 0) for s in STATUSES},
                "max_rss_mb": round(max(o.max_rss_mb for o in outcomes), 1),
                "mean_ms": round(1000 * sum(o.seconds for o in outcomes) / len(outcomes), 1),
                "cpu_ms": round(1000 * sum(o.cpu_seconds for o in outcomes) / len(outcomes), 1),
            }
        )
    summary = {
        "stopped_early": bool(stopping),
        "seconds": round(time.time() - began, 1),
        "load_average": [round(x, 2) for x in (*load_before, *os.getloadavg())],
        "formats": rows,
        "totals": dict(Counter(o.status for o in report.outcomes)),
        "max_rss_mb": round(report.max_rss_mb(), 1),
        "failures": [
            {"format": o.target, "mutation": o.mutation, "status": o.status, "detail": o.detail}
            for o in failures[:50]
        ],
    }
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    head = f"{'format':28} {'mutants':>7} " + " ".join(f"{s:>8}" for s in STATUSES)
    print(head + f" {'maxRSS MB':>9} {'ms/mut':>7} {'cpu ms':>7}")
    for r in rows:
        print(
            f"{r['format']:28} {r['mutants']:>7} "
            + " ".join(f"{r[s]:>8}" for s in STATUSES)
            + f" {r['max_rss_mb']:>9} {r['mean_ms']:>7} {r['cpu_ms']:>7}"
        )
    print(
        f"total {len(report.outcomes)} mutants in {summary['seconds']} s; "
        f"{summary['totals']}; max RSS {summary['max_rss_mb']} MB; "
        f"load average before/after {summary['load_average']}"
        + (" (stopped early)" if stopping else "")
    )
    for f in failures[:10]:
        print(f"\n-- {f.target} ({f.status}, {f.mutation})\n{f.detail[-1500:]}")


if __name__ == "__main__":
    main()
