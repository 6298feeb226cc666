"""Same results before and after a speed change: screen a fixed set of queries and
compare every output byte with a recorded reference.

The queries are the first 5,000 rows of ``negatives_us.csv`` (checked as
``thaw screen-file`` checks a row, so people with a birth date are screened as
``Person``) and every row of ``positives_un.csv`` (schema unknown, with the row's
birth date and nationality, as the screening benchmark's recall measure asks),
each screened at thresholds 0.5 and 0.7. With ``--global N`` (default 3,000) the
first N rows of ``negatives_global_dev.csv`` follow, a third of them written in
Chinese characters, Hangul, kana, Arabic, Cyrillic, Devanagari, Thai or Hebrew:
each as ``thaw screen-file`` checks the row (a person with a birth date) and again
by its name alone (no schema, no date: the name comparisons' every path, the
spelling and transcription ones included, reaches its explanation). Each result is
written as the JSON line ``thaw screen-file`` writes (score, names, listings, the
explanation sentence and the structured ``features``), preceded by the threshold.

With ``--candidates N`` (default 1,500) the names of the first N rows of
``negatives_global_dev.csv`` are also looked up alone, and every candidate the
index proposes (its position and coverage) is scored and explained, hit or not:
a line per candidate, so that a speed change in retrieval or in a comparison that
rarely makes a hit (a name in Chinese characters against its ~100 candidates)
cannot change a score unseen.

Usage::

    python benchmarks/screening_identity.py --home DIR --write ref.jsonl   # record
    python benchmarks/screening_identity.py --home DIR --check ref.jsonl   # compare

With ``--batch N`` (default 5,000) the first N rows of ``negatives_us.csv`` are
also screened by ``screen_file`` on two workers (the batch pipeline: reading,
checking, workers, output lines), and its output lines are compared too.

``--check`` exits 1 and prints the first differing lines when any output differs.
Either way the script prints the digest of the output and the CPU time per query
(user + system, ``resource.getrusage``), measured after an untimed warm-up pass
over other rows, which is the figure to compare on a shared machine.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("THAW_SHARED", ROOT.parent / "shared")) / "data"
THRESHOLDS = (0.5, 0.7)


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def queries(bench: Path, negatives: int, skip: int = 0, global_rows: int = 0) -> list[Any]:
    """The queries compared: ``negatives`` rows of the negatives file from ``skip``
    (as a customer file), then the UN positives (schema unknown) unless skipping,
    then ``global_rows`` rows of the multilingual negatives from ``skip``, each as
    a customer file's row and by its name alone."""
    from thaw.screen import make_query
    from thaw.screen.batch import check_fields

    out: list[Any] = []
    rows = read_csv(bench / "negatives_us.csv")[skip : skip + negatives]
    for n, row in enumerate(rows, start=1):
        query, _ident, _problems = check_fields({k.lower(): v for k, v in row.items()}, n)
        if query is not None:
            out.append(query)
    if global_rows:
        rows = read_csv(bench / "negatives_global_dev.csv")[skip : skip + global_rows]
        for n, row in enumerate(rows, start=1):
            query, _ident, _problems = check_fields({k.lower(): v for k, v in row.items()}, n)
            if query is not None:
                out += [query, make_query(query.name, None)]
    if skip:
        return out
    for row in read_csv(bench / "positives_un.csv"):
        from thaw.screen import ScreenInputError

        try:
            out.append(
                make_query(
                    row["full_name"],
                    None,
                    row.get("date_of_birth") or None,
                    row.get("nationality") or None,
                )
            )
        except ScreenInputError:
            out.append(make_query(row["full_name"], None))
    return out


def batch_lines(screener: Any, bench: Path, rows: int) -> list[str]:
    """The output lines of ``screen_file`` over the first ``rows`` rows of the
    negatives file, on two workers."""
    import io
    import tempfile

    from thaw.screen.batch import screen_file

    with tempfile.TemporaryDirectory(prefix="thaw-identity-") as folder:
        path = Path(folder) / "negatives.csv"
        with open(bench / "negatives_us.csv", encoding="utf-8") as fh:
            head = [line for _, line in zip(range(rows + 1), fh, strict=False)]
        path.write_text("".join(head), encoding="utf-8")
        out = io.StringIO()
        screen_file(path, out, screener, workers=2)
    return out.getvalue().splitlines()


def candidate_lines(screener: Any, bench: Path, rows: int) -> list[str]:
    """Every candidate of the names of the first ``rows`` rows of the multilingual
    negatives, alone (no schema), with its coverage, score and explanation."""
    import json

    from thaw.match import Query

    index = screener.index
    matcher = screener.matcher()
    out: list[str] = []
    for row in read_csv(bench / "negatives_global_dev.csv")[:rows]:
        query = Query(row["full_name"])
        for cand in index.candidates(query.name, limit=screener.candidates):
            result = matcher.score(query, index.entry(cand.position))
            evidence = [[e.feature, e.contribution, e.detail] for e in result.evidence]
            out.append(
                json.dumps(
                    [query.name, index.listing_keys[cand.position], round(cand.coverage, 6),
                     result.score, result.matched_name, result.explanation, evidence],
                    ensure_ascii=False,
                )
            )  # fmt: skip
    return out


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--home", type=Path, required=True, help="the store screened against")
    parser.add_argument("--bench", type=Path, default=SHARED / "bench")
    parser.add_argument("--negatives", type=int, default=5_000)
    parser.add_argument(
        "--global",
        dest="global_rows",
        type=int,
        default=3_000,
        help="rows of negatives_global_dev.csv screened too (0: none)",
    )
    parser.add_argument("--warm-up", type=int, default=1_000, help="untimed rows screened first")
    parser.add_argument(
        "--batch", type=int, default=5_000, help="rows screened by screen_file too (0: none)"
    )
    parser.add_argument(
        "--candidates",
        type=int,
        default=1_500,
        help="rows of negatives_global_dev.csv whose every candidate is scored (0: none)",
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", type=Path, help="record the output here")
    group.add_argument("--check", type=Path, help="compare the output with this record")
    args = parser.parse_args(argv)

    from thaw import _native
    from thaw.screen import Screener

    print(f"hot-path modules: {_native.status()}", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at start", flush=True)
    screener = Screener(args.home)
    timed = queries(args.bench, args.negatives, global_rows=args.global_rows)
    warm = queries(args.bench, args.warm_up, len(timed) + 1_000, args.warm_up)
    for query in warm:
        for threshold in THRESHOLDS:
            screener.screen_query(query, threshold=threshold)
    lines: list[str] = []
    cpu0, wall0 = cpu_seconds(), time.perf_counter()
    for threshold in THRESHOLDS:
        for n, query in enumerate(timed, start=1):
            result = screener.screen_query(query, threshold=threshold, row=n)
            lines.append(f"{threshold} {result.to_json()}")
    cpu, wall = cpu_seconds() - cpu0, time.perf_counter() - wall0
    n = len(lines)
    hits = sum('"hits":[]' not in line for line in lines)
    print(f"{n} results ({len(timed)} queries x {len(THRESHOLDS)} thresholds), {hits} with hits")
    if args.candidates:
        scored = candidate_lines(screener, args.bench, args.candidates)
        print(f"candidates: {len(scored)} scored")
        lines += [f"candidate {line}" for line in scored]
    if args.batch:
        # a screener of its own: the workers start from an index nobody has queried
        batch = batch_lines(Screener(args.home), args.bench, args.batch)
        print(f"screen_file: {len(batch)} lines")
        lines += [f"batch {line}" for line in batch]
    text = "\n".join(lines) + "\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    print(f"sha256 {digest}")
    print(
        f"CPU {cpu:.2f} s = {cpu / n * 1e6:.0f} µs per query (wall {wall:.2f} s);"
        f" load average {os.getloadavg()[0]:.1f}"
    )
    if args.write:
        args.write.write_text(text, encoding="utf-8")
        print(f"recorded in {args.write}")
    if args.check:
        reference = args.check.read_text(encoding="utf-8").splitlines()
        differ = [
            (i, a, b) for i, (a, b) in enumerate(zip(reference, lines, strict=False)) if a != b
        ]
        if len(reference) != len(lines):
            print(f"DIFFERENT: {len(reference)} lines recorded, {len(lines)} now")
        for i, a, b in differ[:5]:
            print(f"DIFFERENT line {i + 1}:\n  recorded {a}\n  now      {b}")
        if differ or len(reference) != len(lines):
            print(f"{len(differ)} lines differ")
            return 1
        print("identical to the record")
    return 0


if __name__ == "__main__":
    sys.exit(main())
