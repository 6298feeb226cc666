"""Alert rates on customer files of people on no list, and UN recall (scoring view).

Usage::

    python benchmarks/customer_files.py [--home DIR] [--limit N] [--show 20] [--quick]

(``--quick``: the as-given view only, for iterating.) CPU seconds are printed
with each figure.

Screens ``negatives_global_dev.csv`` and ``negatives_us.csv`` (people on no list)
and ``positives_un.csv`` (people and entities on the UN list) with the facts of
each row in two ways: *as given*, through ``thaw screen-file``'s own row checks
(its columns, no schema flag: these rows carry a gender and a date of birth, so
they screen as persons; the target is measured this way), and with no schema
(what the matcher alone makes of an unknown party with the same facts). Prints
the share
of rows alerting (at least one hit at the default threshold), the recall of UN
positives (the row's own listing among the hits) and the most frequent causes
of alerts, for review. The targets: at most 0.5 % of negatives alerting, every
UN positive found.
"""

from __future__ import annotations

import argparse
import collections
import csv
import dataclasses
import os
import resource
import sys
import time
from pathlib import Path

from thaw.match import Query
from thaw.screen import Screener
from thaw.screen.batch import check_fields
from thaw.store import default_home

BENCH = Path(os.environ.get("THAW_SHARED", Path(__file__).resolve().parents[2] / "shared"))
BENCH = BENCH / "data" / "bench"


def query_of(row: dict[str, str], schema: str | None) -> Query:
    """The row as a query. ``schema`` ``"given"``: exactly as ``thaw screen-file``
    reads the row (its columns, no schema flag: a row with a gender, a date of
    birth or name-part columns is a Person), through the file command's own row
    checks; otherwise the same facts with that schema (``None``: unknown)."""
    fields = {k: v for k, v in row.items() if v}
    query, _ident, _problems = check_fields(fields)
    if query is None:
        raise SystemExit(f"row refused by screen-file: {row}")
    if schema == "given":
        return query
    return dataclasses.replace(query, schema=schema)


def read(name: str, limit: int | None) -> list[dict[str, str]]:
    with (BENCH / name).open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return rows[:limit] if limit else rows


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _view(schema: str | None) -> str:
    return "as given" if schema == "given" else f"schema {schema or 'none'}"


def alerts(screener: Screener, rows: list[dict[str, str]], schema: str | None, show: int) -> None:
    alerted = 0
    causes: collections.Counter[str] = collections.Counter()
    examples: list[str] = []
    t0 = time.perf_counter()
    c0 = _cpu()
    for row in rows:
        result = screener.screen_query(query_of(row, schema))
        if result.hits:
            alerted += 1
            hit = result.hits[0]
            causes[hit.matched_name] += 1
            if len(examples) < show:
                examples.append(
                    f"    {hit.score:.2f} {row['full_name']!r} ~ {hit.matched_name!r}"
                    f" [{hit.schema}] {hit.explanation[:140]}"
                )
    took = time.perf_counter() - t0
    cpu = _cpu() - c0
    print(
        f"  {_view(schema):9}: {alerted}/{len(rows)} rows alert"
        f" ({100 * alerted / max(len(rows), 1):.2f} %), {len(rows) / took:,.0f} rows/s,"
        f" {cpu:.1f} CPU s"
    )
    if show:
        print("    most frequent matched names:", causes.most_common(8))
        print("\n".join(examples))


def recall(screener: Screener, rows: list[dict[str, str]], schema: str | None) -> None:
    found = 0
    misses: list[str] = []
    for row in rows:
        name = row["full_name"].strip().lower()
        result = screener.screen_query(query_of(row, schema))
        if any(
            h.name.lower() == name
            or h.matched_name.lower() == name
            or any(listing.source == "un_sc" for listing in h.listings)
            and h.score >= 0.9
            for h in result.hits
        ):
            found += 1
        else:
            misses.append(row["full_name"])
    print(f"  {_view(schema):9}: UN positives found {found}/{len(rows)}")
    for miss in misses[:10]:
        print(f"    miss: {miss}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="the as-given view only")
    parser.add_argument(
        "--files", default="global,us,un", help="which files: global, us, un (comma-separated)"
    )
    args = parser.parse_args(argv)
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    views: tuple[str | None, ...] = ("given",) if args.quick else ("given", None)
    wanted = set(args.files.split(","))
    screener = Screener(args.home)
    if not len(screener):
        # (thaw's screening commands refuse an empty store; a benchmark must too:
        # "0 alerts" against nothing would look like a result)
        print(f"no lists are loaded in {default_home(args.home)}: give --home a loaded store")
        return 2
    for key, name in (("global", "negatives_global_dev.csv"), ("us", "negatives_us.csv")):
        if key not in wanted:
            continue
        rows = read(name, args.limit)
        print(f"{name}:")
        for schema in views:
            alerts(screener, rows, schema, args.show)
    if "un" in wanted:
        rows = read("positives_un.csv", None)
        print("positives_un.csv:")
        for schema in views:
            recall(screener, rows, schema)
    print(f"total {_cpu():.1f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
