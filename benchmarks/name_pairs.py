"""Name-pair accuracy and speed: thaw against nomenklatura's matchers.

Usage::

    python benchmarks/name_pairs.py [PAIRS.csv] [--verbose]

(default ``../shared/data/bench/name_pairs_dev.csv``). Each row's ``name1`` is
scored against ``name2`` as a one-name listing (``thaw compare-file`` does the
same), with the row's schema. Printed per algorithm: precision, recall and F1 of
the ``is_match`` labels at the algorithm's default threshold, a threshold sweep,
and microseconds per pair (warm: best of three passes with name analysis
cached; cold: the first pass, which includes analysing both names).

The comparison algorithms are nomenklatura's (installed with the dev extras):
``logic-v2``, ``logic-v1`` and ``ofac`` on FollowTheMoney entities, at their
default configuration and yente's default threshold 0.70 (nomenklatura itself
defines no per-algorithm threshold). thaw's own ``ofac`` reproduction is listed
too, at its threshold 0.85. ``--verbose`` lists thaw's errors with their
alignment.
"""

from __future__ import annotations

import csv
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from thaw.cli.compare import pair_entry
from thaw.match import DEFAULT_THRESHOLD, Query, score, threshold_for
from thaw.text import analyze_name

DEFAULT_PAIRS = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "bench" / "name_pairs_dev.csv"
)
SWEEP = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
NK_THRESHOLD = 0.70

Row = dict[str, str]


def prf(scores: list[float], labels: list[bool], threshold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``scores >= threshold`` against ``labels``."""
    tp = sum(1 for s, m in zip(scores, labels, strict=True) if s >= threshold and m)
    fp = sum(1 for s, m in zip(scores, labels, strict=True) if s >= threshold and not m)
    fn = sum(1 for s, m in zip(scores, labels, strict=True) if s < threshold and m)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def thaw_scorer(algorithm: str) -> Callable[[Row], float]:
    def run(row: Row) -> float:
        schema = row.get("schema") or None
        entry = pair_entry(row["name2"], schema)
        return score(Query(row["name1"], schema), entry, algorithm).score

    return run


def nk_scorers() -> dict[str, Callable[[Row], float]]:
    """nomenklatura's matchers, if installed."""
    try:
        from followthemoney import model
        from nomenklatura.matching import LogicV1, LogicV2, OFACMatcher, ScoringConfig
    except ImportError:  # pragma: no cover - dev extra missing
        return {}
    cache: dict[tuple[str, str, str], object] = {}

    def entity(name: str, schema: str, side: str) -> object:
        key = (name, schema, side)
        if key not in cache:
            e = model.make_entity(schema if schema in model.schemata else "LegalEntity")
            e.id = f"{side}-{len(cache)}"
            e.add("name", name)
            cache[key] = e
        return cache[key]

    out: dict[str, Callable[[Row], float]] = {}
    for alg in (LogicV2, LogicV1, OFACMatcher):
        config = ScoringConfig.defaults()

        def run(row: Row, alg: Any = alg, config: ScoringConfig = config) -> float:
            schema = row.get("schema") or "LegalEntity"
            left = entity(row["name1"], schema, "q")
            right = entity(row["name2"], schema, "r")
            return float(alg.compare(left, right, config).score)

        out[f"nk {alg.NAME}"] = run
    return out


def timed(fn: Callable[[Row], float], rows: list[Row]) -> tuple[list[float], float, float]:
    """Scores, cold µs/pair (first pass: includes analysing both names, after one
    warm-up pair that loads reference data) and warm µs/pair (best of three
    further passes)."""
    fn({"name1": "Warm Up", "name2": "Warm Up", "schema": "Person"})
    t0 = time.perf_counter()
    scores = [fn(r) for r in rows]
    cold = (time.perf_counter() - t0) / len(rows) * 1e6
    warm = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for r in rows:
            fn(r)
        warm = min(warm, (time.perf_counter() - t0) / len(rows) * 1e6)
    return scores, cold, warm


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    verbose = "--verbose" in argv
    path = Path(args[0]) if args else DEFAULT_PAIRS
    if not path.exists():
        print(f"pairs file not found: {path}", file=sys.stderr)
        return 2
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    labels = [r["is_match"].strip().lower() == "true" for r in rows]
    print(f"{path.name}: {len(rows)} pairs, {sum(labels)} matches\n")
    algorithms: list[tuple[str, Callable[[Row], float], float]] = [
        ("thaw", thaw_scorer("thaw"), DEFAULT_THRESHOLD),
        ("thaw ofac", thaw_scorer("ofac"), threshold_for("ofac")),
    ]
    algorithms += [(name, fn, NK_THRESHOLD) for name, fn in nk_scorers().items()]
    header = (
        f"{'algorithm':12} {'thr':>5} {'P':>6} {'R':>6} {'F1':>6} {'µs/pair':>9} {'cold µs':>9}"
    )
    print(header)
    print("-" * len(header))
    results: dict[str, list[float]] = {}
    for name, fn, threshold in algorithms:
        scores, cold, warm = timed(fn, rows)
        results[name] = scores
        p, r, f = prf(scores, labels, threshold)
        print(f"{name:12} {threshold:5.2f} {p:6.3f} {r:6.3f} {f:6.3f} {warm:9.0f} {cold:9.0f}")
    print("\nF1 by threshold")
    print(f"{'algorithm':12} " + " ".join(f"{t:>6.2f}" for t in SWEEP))
    for name, scores in results.items():
        print(f"{name:12} " + " ".join(f"{prf(scores, labels, t)[2]:6.3f}" for t in SWEEP))
    if verbose:
        print("\nthaw errors at the default threshold")
        for row, s, m in zip(rows, results["thaw"], labels, strict=True):
            if (s >= DEFAULT_THRESHOLD) != m:
                schema = row.get("schema") or None
                from thaw.match import compare_names

                nm = compare_names(
                    analyze_name(row["name1"], schema), analyze_name(row["name2"], schema)
                )
                label = "FN" if m else "FP"
                print(f"{label} {s:.2f} {row['name1']} | {row['name2']} | {nm.describe()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
