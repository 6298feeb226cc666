"""Name-pair accuracy and speed: thaw against nomenklatura's matchers.

Usage::

    python benchmarks/name_pairs.py [PAIRS.csv] [--verbose] [--quick] [--splits N] [--folds K]

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
too, at its threshold 0.85 (``--quick``: thaw alone). Then thaw's F1 on random
stratified halves of the pairs (``--splits``) and by fold (``--folds``): the file
is one half of a labelled set whose other half is held out, so a gain must show
on both halves, not only on one. Errors are counted by category, and the
labels by the shapes of pair that no name matcher can get right both ways
(with how many labels each makes unreachable, and how many of thaw's errors
lie there); ``--verbose`` lists the errors with their alignment.
"""

from __future__ import annotations

import argparse
import csv
import random
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


def halves(
    scores: list[float], labels: list[bool], threshold: float, splits: int, seed: int = 11
) -> list[tuple[float, float]]:
    """F1 of each half of ``splits`` random splits of the pairs into two halves
    (stratified: each half gets half of the matches and half of the non-matches),
    as ``(F1 of half A, F1 of half B)``. The labelled pairs are themselves a random
    half of a larger set whose other half is held out; a gain that shows on one
    half of these only (a pair or two fitted) shows here as a gap."""
    rng = random.Random(seed)
    pos = [i for i, m in enumerate(labels) if m]
    neg = [i for i, m in enumerate(labels) if not m]
    out: list[tuple[float, float]] = []
    for _ in range(splits):
        a: list[int] = []
        for group in (pos, neg):
            shuffled = group[:]
            rng.shuffle(shuffled)
            a += shuffled[: len(shuffled) // 2]
        in_a = set(a)
        b = [i for i in range(len(labels)) if i not in in_a]
        fa = prf([scores[i] for i in a], [labels[i] for i in a], threshold)[2]
        fb = prf([scores[i] for i in b], [labels[i] for i in b], threshold)[2]
        out.append((fa, fb))
    return out


def kfold(scores: list[float], labels: list[bool], threshold: float, k: int) -> list[float]:
    """F1 of each of ``k`` folds (pairs dealt round-robin in file order, so each
    fold mixes every case group)."""
    return [prf(scores[f::k], labels[f::k], threshold)[2] for f in range(k) if labels[f::k]]


def label_shapes(rows: list[Row], labels: list[bool]) -> list[str]:
    """Each pair's shape, where it is one that a name matcher cannot tell apart
    ("" otherwise): the same two names labelled both ways; names alike but for
    one differing word on each side (a different person, or a "plausible
    alternate"); and names alike but for a differing or added series number.
    Within a shape that carries both labels, the smaller side is unreachable
    for any algorithm that gives the shape one answer."""
    from thaw.match.names import align

    seen: dict[tuple[str, str], set[bool]] = {}
    for row, label in zip(rows, labels, strict=True):
        seen.setdefault((row["name1"], row["name2"]), set()).add(label)
    shapes: list[str] = []
    for row in rows:
        if len(seen[(row["name1"], row["name2"])]) == 2:
            shapes.append(BOTH_WAYS)
            continue
        schema = row.get("schema") or None
        q = analyze_name(row["name1"], schema)
        r = analyze_name(row["name2"], schema)
        al = align(q, r)
        shape = ""
        if al.pairs and all(p.sim >= 0.99 for p in al.pairs):
            q_left = [t for i, t in enumerate(q.informative) if i not in al.query_used]
            r_left = [t for j, t in enumerate(r.informative) if j not in al.result_used]
            if q_left + r_left and all(t.role == "number" for t in q_left + r_left):
                shape = "only a series number differs or is added"
            elif len(q_left) == 1 and len(r_left) == 1 and q_left[0].weight >= 0.5:
                shape = "one word differs, the rest equal"
        shapes.append(shape)
    return shapes


BOTH_WAYS = "the same pair labelled both ways"


def shape_report(
    shapes: list[str], labels: list[bool], errors: list[bool]
) -> list[tuple[str, int, int, int, int]]:
    """Per shape: ``(shape, matches, non-matches, unreachable, errors)``, where
    *unreachable* is the smaller label count (of a pair labelled both ways, one
    of its two rows) and *errors* thaw's errors among the shape's pairs."""
    out: list[tuple[str, int, int, int, int]] = []
    for shape in (
        BOTH_WAYS,
        "one word differs, the rest equal",
        "only a series number differs or is added",
    ):
        idx = [i for i, s in enumerate(shapes) if s == shape]
        true = sum(1 for i in idx if labels[i])
        false = len(idx) - true
        unreachable = min(true, false)
        out.append((shape, true, false, unreachable, sum(1 for i in idx if errors[i])))
    return out


def category(row: Row) -> str:
    """The kind of case a pair is, for grouping errors: its category, else its case
    group; for the generated deviations, the deviation named in the notes (without
    its country code and remarks: "given-name 2nd-syllable swap")."""
    cat = (row.get("category") or row.get("case_group") or "?").strip()
    notes = (row.get("notes") or "").split("(")[0].strip()
    if cat.startswith("LLM") and notes:
        words = notes.split()
        if len(words[0]) == 2 and words[0].isupper():
            words = words[1:]
        return "deviation: " + " ".join(words[:5])
    return cat


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pairs", nargs="?", type=Path, default=DEFAULT_PAIRS)
    parser.add_argument("--verbose", action="store_true", help="list thaw's errors")
    parser.add_argument("--quick", action="store_true", help="thaw only (no ofac, no nomenklatura)")
    parser.add_argument("--splits", type=int, default=20, help="random half splits")
    parser.add_argument("--folds", type=int, default=5, help="folds of the k-fold view")
    args = parser.parse_args(argv)
    path: Path = args.pairs
    if not path.exists():
        print(f"pairs file not found: {path}", file=sys.stderr)
        return 2
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    labels = [r["is_match"].strip().lower() == "true" for r in rows]
    print(f"{path.name}: {len(rows)} pairs, {sum(labels)} matches\n")
    algorithms: list[tuple[str, Callable[[Row], float], float]] = [
        ("thaw", thaw_scorer("thaw"), DEFAULT_THRESHOLD),
    ]
    if not args.quick:
        algorithms.append(("thaw ofac", thaw_scorer("ofac"), threshold_for("ofac")))
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
    thaw_scores = results["thaw"]
    split = halves(thaw_scores, labels, DEFAULT_THRESHOLD, args.splits)
    gaps = [abs(a - b) for a, b in split]
    every = [f for pair in split for f in pair]
    print(
        f"\nthaw F1 on random halves ({args.splits} stratified splits):"
        f" min {min(every):.3f}, mean {sum(every) / len(every):.3f}, max {max(every):.3f};"
        f" gap between halves mean {sum(gaps) / len(gaps):.3f}, max {max(gaps):.3f}"
    )
    folds = kfold(thaw_scores, labels, DEFAULT_THRESHOLD, args.folds)
    print(f"thaw F1 by fold ({args.folds}-fold): " + " ".join(f"{f:.3f}" for f in folds))
    errors: dict[str, list[str]] = {}
    for row, s, m in zip(rows, thaw_scores, labels, strict=True):
        if (s >= DEFAULT_THRESHOLD) != m:
            errors.setdefault(category(row), []).append("FN" if m else "FP")
    print("\nthaw errors at the default threshold by category")
    for cat, kinds in sorted(errors.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(kinds):3} {cat} ({kinds.count('FN')} FN, {kinds.count('FP')} FP)")
    shapes = label_shapes(rows, labels)
    wrong = [(s >= DEFAULT_THRESHOLD) != m for s, m in zip(thaw_scores, labels, strict=True)]
    print("\nlabels by shape (no algorithm can get both sides of a shape right by it):")
    unreachable = in_shapes = 0
    for shape, true, false, lost, errs in shape_report(shapes, labels, wrong):
        unreachable += lost
        in_shapes += errs
        print(
            f"  {shape}: {true} labelled match, {false} labelled non-match"
            f" ({lost} unreachable; thaw errs on {errs})"
        )
    print(
        f"  unreachable labels in all: {unreachable}; thaw's errors: {sum(wrong)},"
        f" {in_shapes} of them in these shapes, {sum(wrong) - in_shapes} outside"
    )
    if args.verbose:
        from thaw.match import compare_names

        print("\nthaw errors at the default threshold")
        for row, s, m in zip(rows, thaw_scores, labels, strict=True):
            if (s >= DEFAULT_THRESHOLD) != m:
                schema = row.get("schema") or None
                nm = compare_names(
                    analyze_name(row["name1"], schema), analyze_name(row["name2"], schema)
                )
                label = "FN" if m else "FP"
                print(
                    f"{label} {s:.2f} {row['name1']} | {row['name2']} | {nm.describe()}"
                    f"  [{category(row)}: {row.get('notes', '')[:60]}]"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
