"""Names in Arabic, Persian, Hebrew, Greek, Thai, Cyrillic, Georgian and Armenian
script against Latin spellings: the hand-written pairs, and the false alerts a
looser comparison would cost.

Usage::

    python benchmarks/other_scripts.py [--rotations N] [--show]

**Positives**: the hand-written set ``tests/fixtures/match/cross_script_pairs_sem.csv``
(real people and common given names, in the spellings the press, passports
and the lists use; split with ``cross_script_pairs.split`` and its seed before
it was scored), per script and split: how many reach the default threshold.
Only the ``dev`` misses are listed (``--show``); the ``holdout`` pairs are
counted, never listed.

**Negatives**, each of which reaching the threshold is a false alert:

* *hand*: ``tests/fixtures/match/other_scripts_negatives.csv``, pairs of
  different people one name off, written by hand (بشار الأسد ~ *Maher
  al-Assad*, Κυριάκος Μητσοτάκης ~ *Konstantinos Mitsotakis*, ยิ่งลักษณ์
  ชินวัตร ~ *Paetongtarn Shinawatra*);
* *one name off*: every pair of the whole cross-script set (lists, hand-written
  and name-variant pairs) and of the hand set above, in these scripts, whose
  Latin name has two words or more, with its *last* Latin word replaced by the
  last word of another pair of the same script (drawn with :data:`SEED`, a
  different word after folding): the same given name with another family
  name;
* *random*: each original against the Latin names of ``--rotations`` other
  pairs of its script (rotations of the shuffled list; equal Latin names
  skipped).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cross_script_pairs import entry_from_record_name, read_all_pairs  # noqa: E402

from thaw.match import DEFAULT_THRESHOLD, Query, score  # noqa: E402
from thaw.text import fold_token  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "match"
HAND = FIXTURES / "cross_script_pairs_sem.csv"
NEGATIVES = FIXTURES / "other_scripts_negatives.csv"
SCRIPTS = ("Arabic", "Persian", "Hebrew", "Greek", "Thai", "Cyrillic", "Georgian", "Armenian")
SEED = 20261206


def _matches(original: str, latin: str) -> tuple[bool, float]:
    result = score(Query(original, "Person"), entry_from_record_name(latin))
    return result.score >= DEFAULT_THRESHOLD, result.score


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def positives(show: bool) -> None:
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    for row in _read(HAND):
        ok, value = _matches(row["original"], row["latin"])
        totals[(row["split"], row["script"])][0] += ok
        totals[(row["split"], row["script"])][1] += 1
        if not ok and row["split"] == "dev":
            misses.append(f"  {row['script']:9} {value:.2f} {row['original']} ~ {row['latin']}")
    print(f"hand-written pairs ({HAND.name}):")
    print(f"{'script':10} {'dev':>9} {'holdout':>9}")
    for script in SCRIPTS:
        cells = [
            f"{totals[(p, script)][0]:>4}/{totals[(p, script)][1]:<4}" for p in ("dev", "holdout")
        ]
        print(f"{script:10} {cells[0]} {cells[1]}")
    for part in ("dev", "holdout"):
        found = sum(v[0] for k, v in totals.items() if k[0] == part)
        total = sum(v[1] for k, v in totals.items() if k[0] == part)
        print(f"{part:10} {found:>4}/{total:<4}")
    if show and misses:
        print("dev misses:")
        print("\n".join(misses))


def _bare(word: str) -> str:
    """``word`` folded, without an Arabic article (*al-Aziz* is *Aziz*)."""
    word = word.lower()
    for article in ("al-", "el-", "al ", "el "):
        word = word.removeprefix(article)
    return fold_token(word)


def _last_word_swapped(
    rows: list[dict[str, str]], rng: random.Random
) -> list[tuple[str, str, str]]:
    """(script, original, Latin name with another pair's last word)."""
    by_script: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        if len(row["latin"].split()) >= 2:
            by_script[row["script"]].append(row)
    out: list[tuple[str, str, str]] = []
    for script, group in sorted(by_script.items()):
        if len(group) < 2:
            continue
        for row in group:
            words = row["latin"].split()
            for _ in range(5):
                other = rng.choice(group)["latin"].split()[-1]
                if _bare(other) != _bare(words[-1]):
                    out.append((script, row["original"], " ".join([*words[:-1], other])))
                    break
    return out


def _rotated(
    rows: list[dict[str, str]], rotations: int, rng: random.Random
) -> list[tuple[str, str, str]]:
    by_script: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_script[row["script"]].append(row)
    out: list[tuple[str, str, str]] = []
    for script, group in sorted(by_script.items()):
        group = list(group)
        rng.shuffle(group)
        for k in range(1, min(rotations, len(group) - 1) + 1):
            for i, row in enumerate(group):
                latin = group[(i + k) % len(group)]["latin"]
                if latin.casefold() != row["latin"].casefold():
                    out.append((script, row["original"], latin))
    return out


def negatives(rotations: int, show: bool) -> None:
    rng = random.Random(SEED)
    hand = [(r["script"], r["original"], r["latin"]) for r in _read(NEGATIVES)]
    pairs = [
        r for r in [*read_all_pairs()] if r["script"] in SCRIPTS and not r.get("inconsistency")
    ]
    sets = {
        "hand": hand,
        "one name off": _last_word_swapped(pairs, rng),
        "random": _rotated(pairs, rotations, rng),
    }
    print(f"\nnegatives (a pair reaching {DEFAULT_THRESHOLD} is a false alert):")
    print(f"{'script':10} " + " ".join(f"{name:>16}" for name in sets))
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    alerts: list[str] = []
    for name, rows in sets.items():
        for script, original, latin in rows:
            ok, value = _matches(original, latin)
            counts[(name, script)][0] += ok
            counts[(name, script)][1] += 1
            if ok and name != "random":
                alerts.append(f"  {name:12} {script:9} {value:.2f} {original} ~ {latin}")
    for script in SCRIPTS:
        cells = [f"{counts[(n, script)][0]:>6}/{counts[(n, script)][1]:<6}" for n in sets]
        print(f"{script:10} " + " ".join(f"{c:>16}" for c in cells))
    cells = []
    for name in sets:
        hits = sum(v[0] for k, v in counts.items() if k[0] == name)
        total = sum(v[1] for k, v in counts.items() if k[0] == name)
        cells.append(f"{hits}/{total} {100 * hits / max(1, total):.2f}%")
    print(f"{'all':10} " + " ".join(f"{c:>16}" for c in cells))
    if show and alerts:
        print("false alerts (hand and one name off):")
        print("\n".join(alerts))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rotations", type=int, default=3, help="random negatives per original")
    parser.add_argument("--show", action="store_true", help="list the dev misses and false alerts")
    args = parser.parse_args(argv)
    started, cpu = time.perf_counter(), time.process_time()
    positives(args.show)
    negatives(args.rotations, args.show)
    print(f"\n{time.perf_counter() - started:.1f} s wall, {time.process_time() - cpu:.1f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
