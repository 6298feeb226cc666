"""Parse speed of the UK (OFSI, FCDO), Australian (DFAT) and US trade.gov / BIS readers.

For every held publication of ``uk_hmt_ofsi``, ``au_dfat``, ``us_trade_csl`` and
``us_bis`` it reports the record count and the best of three warm runs, as wall and
CPU time (CPU time is the figure to compare on a shared machine). The target for
the largest file, OFSI's 18,800-row ``ConList.xlsx``, is under 3 s.

Usage::

    python benchmarks/uk_au_us_readers.py [--lists DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from thaw.sources import plan

DEFAULT_LISTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "lists"
FILES = (
    "uk_hmt_ofsi/2014-04-02/sanctionsconlist.csv",
    "uk_hmt_ofsi/2020-04-27/sanctionsconlist.csv",
    "uk_hmt_ofsi/2023-06-05/ConList.xlsx",
    "uk_hmt_ofsi/2025-04-14/ConList.xlsx",
    "au_dfat/2024-11-11/regulation8_consolidated.xlsx",
    "us_trade_csl/2022-05-16/consolidated.csv.gz",
    "us_trade_csl/2023-11-30/csl.csv",
    "us_bis/2023-11-30/dpl.txt",
)


def _time(path: Path) -> tuple[float, float, int]:
    wall, cpu = time.perf_counter(), time.process_time()
    [job] = plan([path], siblings=False)
    count = sum(1 for _ in job.open().records)
    return time.perf_counter() - wall, time.process_time() - cpu, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--lists", type=Path, default=DEFAULT_LISTS)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cold = _time(args.lists / FILES[0])
    print(f"cold start (imports, country tables): {cold[0]:.2f} s wall")
    for rel in FILES:
        path = args.lists / rel
        if not path.exists():
            print(f"{rel}: absent")
            continue
        runs = [_time(path) for _ in range(args.runs)]
        wall = min(r[0] for r in runs)
        cpu = min(r[1] for r in runs)
        print(f"{rel}: {runs[0][2]} records; {wall:.2f} s wall, {cpu:.2f} s CPU")


if __name__ == "__main__":
    main()
