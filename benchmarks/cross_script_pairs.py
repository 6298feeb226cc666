"""Cross-script person pairs: build the development set, and score it.

Usage::

    python benchmarks/cross_script_pairs.py [--home DIR]            # score
    python benchmarks/cross_script_pairs.py --extract [--home DIR]  # rebuild the set

The set, ``tests/fixtures/match/cross_script_pairs.csv`` (committed; the
tests read it too), holds person names published by the authorities in their
original script (UN ``NAME_ORIGINAL_SCRIPT``, OFSI "Name non-latin script",
Canada …) against the Latin-script name of the same listing, plus name
variants written by hand from common knowledge of romanisation (kanji against
Hepburn, Hangul surnames against their customary spellings, Greek and Hebrew
given names against their English forms; ``source`` is ``variant``).
``--extract`` samples the listed pairs from a store (at most
:data:`PER_SCRIPT` per script, fixed seed) and keeps the hand-written rows;
scoring prints, per script, how many pairs reach the
default threshold and lists those that do not.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import defaultdict
from pathlib import Path

from thaw.index import Entry, entry_from_record
from thaw.match import DEFAULT_THRESHOLD, Query, score
from thaw.text.translit import word_script

PAIRS = (
    Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "match" / "cross_script_pairs.csv"
)
PER_SCRIPT = 25
FIELDS = ("script", "original", "latin", "source")


def script_of(name: str) -> str:
    """The main non-Latin script of ``name`` (``Latin`` if none)."""
    for word in name.split():
        script = word_script(word)
        if script != "Latin":
            return script
    return "Latin"


def extract(home: Path) -> list[dict[str, str]]:
    """Original-script person names against their listing's Latin names."""
    from thaw.store import Store

    by_script: dict[str, list[dict[str, str]]] = defaultdict(list)
    with Store(home) as store:
        for record in store.active_records():
            if record.schema != "Person":
                continue
            originals = [n.value for n in record.names if script_of(n.value) != "Latin"]
            latins = [
                n.value
                for n in record.names
                if n.kind in ("primary", "alias") and script_of(n.value) == "Latin"
            ]
            if not originals or not latins:
                continue
            original = originals[0]
            by_script[script_of(original)].append(
                {
                    "script": script_of(original),
                    "original": original,
                    "latin": latins[0],
                    "source": f"{record.source}:{record.source_id}",
                }
            )
    rng = random.Random(11)
    rows: list[dict[str, str]] = []
    for script in sorted(by_script):
        found = by_script[script]
        rng.shuffle(found)
        rows.extend(found[:PER_SCRIPT])
    return rows


def read_pairs(path: Path = PAIRS) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", type=Path, default=Path("/work/homes/base"))
    parser.add_argument("--extract", action="store_true")
    args = parser.parse_args(argv)
    if args.extract:
        kept = [r for r in read_pairs() if not r["source"].count(":")] if PAIRS.exists() else []
        rows = extract(args.home) + kept
        PAIRS.parent.mkdir(exist_ok=True)
        with PAIRS.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, FIELDS)
            writer.writeheader()
            writer.writerows(rows)
        print(f"wrote {len(rows)} pairs to {PAIRS}")
        return 0
    rows = read_pairs()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    for row in rows:
        entry = entry_from_record_name(row["latin"])
        result = score(Query(row["original"], "Person"), entry)
        ok = result.score >= DEFAULT_THRESHOLD
        totals[row["script"]][0] += ok
        totals[row["script"]][1] += 1
        if not ok:
            misses.append(
                f"  {row['script']:10} {result.score:.2f} {row['original']} ~ {row['latin']}"
            )
    for script, (found, n) in sorted(totals.items()):
        print(f"{script:12} {found:4}/{n:<4}")
    total_ok = sum(v[0] for v in totals.values())
    print(f"{'all':12} {total_ok:4}/{len(rows):<4}")
    if misses:
        print("\nmisses:")
        print("\n".join(misses))
    return 0


def entry_from_record_name(name: str) -> Entry:
    """A one-name Person listing (what ``thaw compare-file`` scores against)."""
    from thaw.model import Name, Record

    return entry_from_record(
        Record(source="pair", source_id="1", schema="Person", names=[Name(name)])
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
