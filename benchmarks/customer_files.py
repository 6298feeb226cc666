"""Alert rates on customer files of people on no list, and UN recall (scoring view).

Usage::

    python benchmarks/customer_files.py [--home DIR] [--limit N] [--show 20]

Screens ``negatives_global_dev.csv`` and ``negatives_us.csv`` (people on no list)
and ``positives_un.csv`` (people and entities on the UN list) with the facts of
each row (name, date of birth, nationality, gender) in two ways: with no schema
(what the matcher alone makes of an unknown party) and as persons
(``schema="Person"``, what ``thaw screen-file`` does for rows that describe a
person: with a gender, a date of birth or name-part columns). Prints the share
of rows alerting (at least one hit at the default threshold), the recall of UN
positives (the row's own listing among the hits) and the most frequent causes
of alerts, for review. The targets: at most 0.5 % of negatives alerting, every
UN positive found.
"""

from __future__ import annotations

import argparse
import collections
import csv
import os
import sys
import time
from pathlib import Path

from thaw.match import Query
from thaw.screen import Screener
from thaw.screen.inputs import parse_birth_date, parse_countries

BENCH = Path(os.environ.get("THAW_SHARED", Path(__file__).resolve().parents[2] / "shared"))
BENCH = BENCH / "data" / "bench"


def query_of(row: dict[str, str], schema: str | None) -> Query:
    """The row as a query: its name, date of birth, nationality and gender."""
    try:
        dob = parse_birth_date(row.get("date_of_birth") or None)
    except Exception:
        dob = None
    try:
        countries = parse_countries(row.get("nationality") or None)
    except Exception:
        countries = ()
    gender = (row.get("gender") or "").strip().lower() or None
    if gender not in ("male", "female"):
        gender = None
    return Query(row["full_name"], schema, dob, countries, gender)


def read(name: str, limit: int | None) -> list[dict[str, str]]:
    with (BENCH / name).open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return rows[:limit] if limit else rows


def alerts(screener: Screener, rows: list[dict[str, str]], schema: str | None, show: int) -> None:
    alerted = 0
    causes: collections.Counter[str] = collections.Counter()
    examples: list[str] = []
    t0 = time.perf_counter()
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
    print(
        f"  schema {schema or 'none':6}: {alerted}/{len(rows)} rows alert"
        f" ({100 * alerted / max(len(rows), 1):.2f} %), {len(rows) / took:,.0f} rows/s"
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
    print(f"  schema {schema or 'none':6}: UN positives found {found}/{len(rows)}")
    for miss in misses[:10]:
        print(f"    miss: {miss}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", type=int, default=15)
    args = parser.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.1f}")
    screener = Screener(args.home)
    for name in ("negatives_global_dev.csv", "negatives_us.csv"):
        rows = read(name, args.limit)
        print(f"{name}:")
        for schema in (None, "Person"):
            alerts(screener, rows, schema, args.show)
    rows = read("positives_un.csv", None)
    print("positives_un.csv:")
    for schema in (None,):
        recall(screener, rows, schema)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
