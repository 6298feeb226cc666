"""Japanese names in kanji against their romaji: the hand-written people and the
different people that must stay apart.

Usage::

    python benchmarks/japanese_names.py [--show]

**Positives** are the hand-written pairs of
``tests/fixtures/match/cross_script_pairs_jp.csv``: real Japanese people
(politicians, business, science, arts, sport, and the Japanese of the
sanctions lists: Aum Shinrikyo, the Japanese Red Army, the Yodo-go hijackers)
in kanji (a few with kana) against their names as they are known in Hepburn,
split by ``benchmarks/cross_script_pairs.py``'s ``split()`` before anyone
scored them. How many of each split reach the default threshold is printed;
with ``--show``, the ``dev`` misses (the ``holdout`` pairs are only counted).

**Negatives** are ``tests/fixtures/text/japanese_negatives.csv``: a person's
kanji against another person of the same family name (鈴木章 ~ *Osamu
Suzuki*), of the same given name (湯川秀樹 ~ *Hideki Matsui*), or of a name
one character or syllable apart (山田太郎 ~ *Hanako Yamada*, 加藤紘一 ~ *Koichi
Sato*). Every one must stay below the threshold; those that do not are
printed with their scores, and so are the highest scores. The few whose Latin
names differ by one letter only (加藤紘一 ~ *Koichi Sato*, :data:`TYPO`) are
printed apart: the Latin matcher forgives one letter as a misspelling, as it
does between two Latin names.

Each pair is scored as the cross-script set scores its pairs
(:func:`thaw.match.score`, the original as a ``Person`` query against a
one-name listing of the Latin name).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cross_script_pairs import entry_from_record_name  # noqa: E402

from thaw.match import DEFAULT_THRESHOLD, Query, score  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
POSITIVES = ROOT / "tests" / "fixtures" / "match" / "cross_script_pairs_jp.csv"
NEGATIVES = ROOT / "tests" / "fixtures" / "text" / "japanese_negatives.csv"
#: The kind of negative whose Latin names differ by one letter (加藤 *Kato* ~
#: *Sato*): the Latin matcher allows such a difference as a misspelling in any
#: script, so these are printed, not counted.
TYPO = "one letter apart in Latin"


def read(path: Path) -> list[dict[str, str]]:
    """The rows of one of the CSV files."""
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def pair_score(original: str, latin: str) -> float:
    """The score of ``original`` as a person query against a one-name listing of
    ``latin``."""
    return score(Query(original, "Person"), entry_from_record_name(latin)).score


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list the dev misses")
    args = parser.parse_args(argv)
    started, cpu = time.perf_counter(), time.process_time()
    for split in ("dev", "holdout"):
        rows = [r for r in read(POSITIVES) if r["split"] == split]
        misses = []
        for row in rows:
            value = pair_score(row["original"], row["latin"])
            if value < DEFAULT_THRESHOLD:
                misses.append((value, row["original"], row["latin"]))
        print(f"positives {split}: {len(rows) - len(misses)}/{len(rows)} match")
        if args.show and split == "dev":
            for value, original, latin in sorted(misses):
                print(f"  {value:.2f} {original} ~ {latin}")
    negatives = read(NEGATIVES)
    scored = sorted(
        ((pair_score(r["original"], r["latin"]), r["original"], r["latin"], r["kind"])
         for r in negatives),
        reverse=True,
    )  # fmt: skip
    kept = [s for s in scored if s[3] != TYPO]
    alerts = [s for s in kept if s[0] >= DEFAULT_THRESHOLD]
    print(f"negatives: {len(alerts)}/{len(kept)} reach {DEFAULT_THRESHOLD} (must be 0)")
    for value, original, latin, kind in alerts or kept[:5]:
        print(f"  {value:.2f} {original} ~ {latin} ({kind})")
    typos = [s for s in scored if s[3] == TYPO]
    print(f"{TYPO} (the Latin matcher's tolerance, for information):")
    for value, original, latin, _ in typos:
        print(f"  {value:.2f} {original} ~ {latin}")
    wall, cpu_s = time.perf_counter() - started, time.process_time() - cpu
    print(f"{wall:.1f} s wall, {cpu_s:.1f} CPU-s")
    return 1 if alerts else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
