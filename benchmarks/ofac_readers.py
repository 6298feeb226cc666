"""OFAC reader benchmark: parse speed, and every historical sdn.csv version.

Reports

* the parse time of the newest full ``sdn.csv`` (14,965 listings: target well under
  2 s), the first (cold: imports, country tables) and the best of three warm runs;
* the time of each other OFAC publication in the shared data (XML, Enhanced XML,
  consolidated CSV);
* with ``--history``: every one of the 308 ``sdn.csv`` versions of
  ``us_ofac/2021-08-18_to_2024-05-03/sdn_csv_history.tar.xz`` parsed and its record
  count compared with ``sdn_csv_history_index.csv`` (mismatches are listed), with the
  average parse time per version.

Usage::

    python benchmarks/ofac_readers.py [--lists DIR] [--history]
"""

from __future__ import annotations

import argparse
import csv
import tarfile
import tempfile
import time
from pathlib import Path

from thaw.sources import plan
from thaw.sources.ofac_csv import OfacSdnCsvReader

DEFAULT_LISTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "lists"


def _time(path: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds (the machine is shared: CPU time is the steadier figure)."""
    start, cpu = time.perf_counter(), time.process_time()
    [job] = plan([path], siblings=False)
    count = sum(1 for _ in job.open().records)
    return time.perf_counter() - start, time.process_time() - cpu, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--lists", type=Path, default=DEFAULT_LISTS)
    parser.add_argument("--history", action="store_true", help="parse all 308 versions")
    args = parser.parse_args()
    ofac = args.lists / "us_ofac"

    newest = ofac / "2024-05-03" / "sdn.csv"
    cold, cold_cpu, count = _time(newest)
    runs = [_time(newest) for _ in range(3)]
    warm, warm_cpu = min(r[0] for r in runs), min(r[1] for r in runs)
    print(
        f"sdn.csv 2024-05-03: {count} records; cold {cold:.2f} s wall / {cold_cpu:.2f} s CPU, "
        f"warm {warm:.2f} s wall / {warm_cpu:.2f} s CPU"
    )

    for rel in (
        "2018-04-06/consolidated.xml",
        "2025-03-28/consolidated.xml",
        "2025-01-10/CONS_ENHANCED.ZIP",
        "2025-12-19/cons_prim.csv",
        "2021-07-07/sdn.csv",
    ):
        seconds, cpu, count = _time(ofac / rel)
        print(f"{rel}: {count} records in {seconds:.2f} s wall / {cpu:.2f} s CPU")

    if not args.history:
        return
    base = ofac / "2021-08-18_to_2024-05-03"
    with open(base / "sdn_csv_history_index.csv", newline="", encoding="utf-8") as fh:
        index = {row["member"]: int(row["sdn_records"]) for row in csv.DictReader(fh)}
    reader = OfacSdnCsvReader()
    total = 0.0
    done = 0
    mismatches: list[str] = []
    with (
        tempfile.TemporaryDirectory() as tmp,
        tarfile.open(base / "sdn_csv_history.tar.xz", "r:xz") as tf,
    ):
        path = Path(tmp) / "sdn.csv"
        for member in tf:
            data = tf.extractfile(member) if member.isfile() else None
            if data is None:
                continue
            path.write_bytes(data.read())
            start = time.process_time()
            count = sum(1 for _ in reader.read(path, {}).records)
            total += time.process_time() - start
            done += 1
            if count != index.get(member.name):
                mismatches.append(f"{member.name}: {count} read, {index.get(member.name)} indexed")
    print(
        f"history: {done} versions, {len(mismatches)} count mismatches, "
        f"{total:.1f} s CPU parsing ({total / max(done, 1):.3f} s per version)"
    )
    for line in mismatches:
        print("  MISMATCH", line)


if __name__ == "__main__":
    main()
