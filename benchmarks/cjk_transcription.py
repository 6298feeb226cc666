"""Names in Chinese characters and Hangul against Latin spellings: a development
sample outside the cross-script pair set, and the false alerts such a
comparison risks.

Usage::

    python benchmarks/cjk_transcription.py [--home DIR [--screen]] [--misses N] [--negatives N]

**Positives** are drawn from rigour's person-name corpus as
``benchmarks/cross_script_pairs.py`` draws its name-variant pairs
(:func:`cross_script_pairs.variant_pairs`: items written in at most two
scripts other than Latin; in Chinese characters only Chinese names spelt in
pinyin, Japanese names, and foreign names whose Latin forms happen to parse
as pinyin), *without* any original of the pair set (either split) or of its
list of pairs seen before: :data:`HAN` pairs in Chinese characters and
:data:`HANGUL` in Hangul, shuffled with :data:`SEED`. Each pair is scored as
the pair set is (the original as a ``Person`` query against a one-name
listing of its Latin form); the share reaching the default threshold is
printed by script, with up to ``--misses`` of the misses.

**Negatives** measure what a looser comparison costs:

* *corpus*: each original of the sample against the Latin forms of
  :data:`ROTATIONS` other items of the sample (rotations of the shuffled
  list; a pair whose two Latin forms are equal, ignoring case, is skipped);
* *lists* (with ``--home``): every person name of the store written in
  Chinese characters or Hangul, and every original of the sample, against
  ``--negatives`` primary person names of (other) listings, drawn at random
  with :data:`SEED`: what screening such names against the lists would
  alert on;
* *homophones*: names of one script that share a reading but are other
  people (王小明 ~ 王晓明, 승위 ~ 성위) must stay far apart.

Each negative reaching the threshold is a false alert; the share is printed.

**Retrieval** (``--screen``): the sample's Latin forms become one-name person
listings beside the store's person listings (their Latin names), and each
original is screened: is its own listing found, not only scored?
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cross_script_pairs as pairs  # noqa: E402

from thaw.match import DEFAULT_THRESHOLD, Query, score  # noqa: E402

#: The seed of the sample's draw and of the negatives.
SEED = 20261206
#: How many pairs of each script the sample holds.
HAN = 2000
HANGUL = 1000
#: How many rotations of the sample pair its originals with other Latin forms.
ROTATIONS = 5
#: Same-script names that share a reading but are other people.
HOMOPHONES = (("王小明", "王晓明"), ("승위", "성위"), ("张伟", "章伟"), ("김정은", "김종은"))


def sample() -> list[dict[str, str]]:
    """The positive pairs (see the module docs)."""
    known = {r["original"] for r in pairs.read_pairs()} | set(pairs.SEEN)
    rows = [r for r in pairs.variant_pairs() if r["original"] not in known]
    rng = random.Random(SEED)
    out: list[dict[str, str]] = []
    for script, size in (("Han", HAN), ("Hangul", HANGUL)):
        found = sorted(
            (r for r in rows if r["script"] == script), key=lambda r: (r["source"], r["original"])
        )
        rng.shuffle(found)
        out += found[:size]
    return out


def scored(original: str, latin: str) -> float:
    """The score of ``original`` (a ``Person`` query) against a one-name listing
    of ``latin``, as the pair set scores it."""
    return score(Query(original, "Person"), pairs.entry_from_record_name(latin)).score


def list_negatives(
    home: Path, count: int, rows: list[dict[str, str]]
) -> tuple[dict[str, list[int]], list[str]]:
    """Names in Chinese characters or Hangul against ``count`` Latin person
    names of listings each (drawn with :data:`SEED`): the store's own person
    names in those scripts (``lists``, against other listings' names) and the
    sample's originals (``sample Han``, ``sample Hangul``): alerts and pairs by
    kind, and the alerts."""
    from thaw.text.chinese import cjk_script

    records = pairs.person_records(home)
    originals: list[tuple[str, str]] = []
    latins: list[tuple[str, str]] = []
    for record in records:
        key = f"{record.source}:{record.source_id}"
        for n in record.names:
            if cjk_script(n.value) and pairs.is_original(n.value):
                originals.append((key, n.value))
            elif pairs.script_of(n.value) == "Latin" and n.kind == "primary":
                latins.append((key, n.value))
    rng = random.Random(SEED)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    shown: list[str] = []
    queries = [("lists", key, original) for key, original in sorted(set(originals))]
    queries += [(f"sample {r['script']}", "", r["original"]) for r in rows]
    for kind, key, original in queries:
        for other, latin in rng.sample(latins, count):
            if other == key:
                continue
            counts[kind][1] += 1
            s = scored(original, latin)
            if s >= DEFAULT_THRESHOLD:
                counts[kind][0] += 1
                shown.append(f"  {s:.2f} {original} ~ {latin}")
    return counts, shown


def screened(home: Path, rows: list[dict[str, str]]) -> None:
    """Retrieval as well as scoring: the sample's Latin forms, each a one-name
    person listing, added to the Latin names of the store's person listings;
    each original of the sample screened as a ``Person``: is its own listing
    among the hits? Printed by script, as found / pairs that score a match
    (only those can be found) / all pairs."""
    import dataclasses

    from thaw.index import entry_from_record
    from thaw.model import Name, Record
    from thaw.screen import Screener
    from thaw.screen.inputs import ScreenInputError

    entries = []
    for record in pairs.person_records(home):
        latin = [n for n in record.names if pairs.script_of(n.value) == "Latin"]
        if latin:
            entries.append(entry_from_record(dataclasses.replace(record, names=latin)))
    for i, row in enumerate(rows):
        record = Record(
            source="sample", source_id=str(i), schema="Person", names=[Name(row["latin"])]
        )
        entries.append(entry_from_record(record))
    screener = Screener.from_entries(entries)
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    cpu = time.process_time()
    for i, row in enumerate(rows):
        try:
            result = screener.screen(row["original"], "Person")
        except ScreenInputError:
            continue  # (a name of one character says too little to screen)
        hit = any(
            listing.source == "sample" and listing.source_id == str(i)
            for h in result.hits
            for listing in h.listings
        )
        counts = found[row["script"]]
        counts[0] += hit
        counts[1] += scored(row["original"], row["latin"]) >= DEFAULT_THRESHOLD
        counts[2] += 1
    spent = time.process_time() - cpu
    print(f"screened against {len(entries)} person listings (found / matching / pairs):")
    for script, (retrieved, matching, n) in found.items():
        print(f"  {script:8} {retrieved:>5}/{matching:<5}/{n:<5}")
    print(f"  {len(rows)} queries in {spent:.1f} CPU s ({1e3 * spent / len(rows):.2f} ms each)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", type=Path, help="also score the lists' CJK names as negatives")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses a script")
    parser.add_argument("--negatives", type=int, default=20, help="Latin names per CJK name")
    parser.add_argument(
        "--screen", action="store_true", help="with --home: screen the sample (retrieval too)"
    )
    args = parser.parse_args(argv)
    rows = sample()
    cpu = time.process_time()
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        s = scored(row["original"], row["latin"])
        ok = s >= DEFAULT_THRESHOLD
        hits[row["script"]][0] += ok
        hits[row["script"]][1] += 1
        if not ok:
            misses[row["script"]].append(f"  {s:.2f} {row['original']} ~ {row['latin']}")
    spent = time.process_time() - cpu
    print("positives (rigour pairs outside the pair set):")
    for script in ("Han", "Hangul"):
        found, n = hits[script]
        print(f"  {script:8} {found:>5}/{n:<5} {100 * found / max(1, n):5.1f} %")
    print(f"  {len(rows)} pairs in {spent:.1f} CPU s")
    cpu = time.process_time()
    false: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    shown: list[str] = []
    for shift in range(1, ROTATIONS + 1):
        for i, row in enumerate(rows):
            other = rows[(i + shift) % len(rows)]
            if other["latin"].lower() == row["latin"].lower():
                continue
            s = scored(row["original"], other["latin"])
            false[row["script"]][1] += 1
            if s >= DEFAULT_THRESHOLD:
                false[row["script"]][0] += 1
                shown.append(f"  {s:.2f} {row['original']} ~ {other['latin']}")
    print("negatives (corpus: each original against another item's Latin form):")
    for script in ("Han", "Hangul"):
        alerts, n = false[script]
        print(f"  {script:8} {alerts:>5}/{n:<5} {100 * alerts / max(1, n):5.2f} %")
    print(f"  in {time.process_time() - cpu:.1f} CPU s")
    print("\n".join(shown[: args.misses]))
    print("homophones (other people, must stay below the threshold):")
    for a, b in HOMOPHONES:
        print(f"  {scored(a, b):.2f} {a} ~ {b}")
    if args.home:
        cpu = time.process_time()
        counts, listed = list_negatives(args.home, args.negatives, rows)
        print(f"negatives (CJK names against {args.negatives} listings' Latin person names each):")
        for kind, (alerts, total) in counts.items():
            print(f"  {kind:14} {alerts:>5}/{total:<6} {100 * alerts / max(1, total):5.2f} %")
        print(f"  in {time.process_time() - cpu:.1f} CPU s")
        print("\n".join(listed[:40]))
    if args.home and args.screen:
        screened(args.home, rows)
    if args.misses:
        for script in ("Han", "Hangul"):
            print(f"\n{script} misses:")
            print("\n".join(misses[script][: args.misses]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
