"""Korean names in Hangul against their Latin spellings, and the people they
must not be taken for.

Usage::

    python benchmarks/korean_spellings.py [--misses] [--rotations N] [--screen [--home DIR]]
        [--queries [--home DIR]]

**Positives**: the hand-written pairs of
``tests/fixtures/match/cross_script_pairs_ko.csv`` (real people of both
Koreas in the spelling they are known by, Revised Romanization,
McCune–Reischauer and customary; split by ``cross_script_pairs.split()``
before anyone scored them), scored as the cross-script pair set is (the
Hangul as a ``Person`` query against a one-name listing of the Latin name,
and the other way round): how many reach the default threshold, per split.
Only the ``dev`` misses are listed (``--misses``); the ``holdout`` pairs are
only counted.

The same for ``tests/fixtures/text/korean_hanja_pairs.csv``: Korean people
written in hanja, as Chinese and Japanese sources write them (文在寅 ~ *Moon
Jae-in*), spelt by their characters' Korean readings
(:func:`thaw.text.korean.hanja_edges`).

**Negatives** (every one reaching the threshold is a false alert, and is
printed):

* *written*: ``tests/fixtures/text/korean_negatives.csv``, different people
  one syllable apart or of another family name (김정은 ~ *Kim Jong Il*,
  이명박 ~ *Lee Myung-hee*, 박근혜 ~ *Kim Geun-hye*);
* *crossed*: each Hangul name of the pair set (and each name in hanja of the
  hanja set) against the Latin names of
  ``--rotations`` other people of the set (rotations of the list shuffled
  with :data:`SEED`), leaving out a pair of names that are one name in the
  two Koreas' orthographies (리병철 and 이병철: the South drops an initial
  ``ㄹ``, :data:`SOUTH_FORMS`).

**Retrieval** (``--screen``): the pair set's Latin names become one-name
person listings beside every person listing of ``--home`` (their Latin names
only), and each Hangul name is screened: is its own listing among the hits
(found by candidate retrieval, not only scored)? Dev and holdout are counted;
only dev misses are listed.

**Listed DPRK persons as analysts spell them** (``--queries``):
``tests/fixtures/match/korean_spellings_queries.csv``, written from the UN
list (``KPi.*``) and OFAC's DPRK programmes before any of it was screened:
each listed person in South Korean Revised Romanization or the press's
spelling (*Kim Jong Eun*, *Choi Ryong-hae*, *Lee Byeong-cheol*, *Park
Bong-nam*), hyphenated or not, given name first or last, with the
``source:source_id`` of one of their listings; and Korean names of other
people sharing a family name and one syllable with a listed one (empty
``expected``: must not alert). Each is screened as ``thaw screen`` does
(:func:`analyst_queries.screen_all` against ``--home``) and counted as the
analyst query sets are: **top 1**, **found** among the hits, and
**must-not-alert** names that alert, per half (:func:`analyst_queries.half`,
a hash of the query); only the ``dev`` half's misses are listed.

**Latin against Latin** (always): ``tests/fixtures/match/korean_spellings_pairs.csv``,
Korean names written in Latin letters two ways, written before any of them
was scored: the same person in two romanisations (``same`` 1: Revised
Romanization, McCune–Reischauer, the press's and people's own spellings,
*Moon Jae-in* ~ *Mun Chae-in*), and relatives and namesakes one syllable
apart or of another family name (``same`` 0: *Kim Jong-il* ~ *Kim
Jong-chul*, *Yoon Ji-ho* ~ *Yoo Ji-ho*). Each pair is scored as the
cross-script pairs are (the first as a ``Person`` query against a one-name
listing of the second, and the other way round) and counted per half
(:func:`analyst_queries.half` of ``name ~ listed``): positives that reach the
threshold, negatives that do (both directions). Only the ``dev`` half's
errors are listed (``--misses``).

It also prints how many spellings :func:`thaw.text.korean.hangul_spellings`
gives a syllable (over all 11,172) and what it costs, with CPU seconds beside
wall time (the machine is shared: note ``uptime``).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import sys
import time
from pathlib import Path

from thaw.index.entry import Entry, entry_from_record
from thaw.match import DEFAULT_THRESHOLD, Query, score
from thaw.model import Name, Record
from thaw.text.korean import hangul_spellings

sys.path.insert(0, str(Path(__file__).resolve().parent))

import analyst_queries  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "tests" / "fixtures" / "match" / "cross_script_pairs_ko.csv"
NEGATIVES = ROOT / "tests" / "fixtures" / "text" / "korean_negatives.csv"
HANJA_PAIRS = NEGATIVES.with_name("korean_hanja_pairs.csv")
QUERIES = PAIRS.with_name("korean_spellings_queries.csv")
LATIN_PAIRS = PAIRS.with_name("korean_spellings_pairs.csv")
#: The seed of the crossed negatives' shuffle.
SEED = 20261206
#: A family name as North Korea writes it (with an initial ``ㄹ``) and as the
#: South does (the initial-sound rule): one name, not two people.
SOUTH_FORMS = str.maketrans("리류림로라량룡렴려륙", "이유임노나양용염여육")


def _listing(latin: str) -> Entry:
    return entry_from_record(Record("pair", "1", "Person", names=[Name(latin)]))


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def positives(show_misses: bool, path: Path = PAIRS, label: str = "positives") -> None:
    rows = _read(path)
    for split in ("dev", "holdout"):
        chosen = [r for r in rows if r["split"] == split]
        misses = []
        reverse = 0
        for r in chosen:
            found = score(Query(r["original"], "Person"), _listing(r["latin"])).score
            if found < DEFAULT_THRESHOLD:
                misses.append((found, r["original"], r["latin"]))
            back = score(Query(r["latin"], "Person"), _listing(r["original"])).score
            reverse += back >= DEFAULT_THRESHOLD
        print(
            f"{label} {split}: {len(chosen) - len(misses)}/{len(chosen)} match"
            f" (the Latin name as the query: {reverse}/{len(chosen)})"
        )
        if split == "dev" and show_misses:
            for found, original, latin in sorted(misses):
                print(f"    {found:.2f}  {original} ~ {latin}")


def _false_alerts(label: str, pairs: list[tuple[str, str]]) -> None:
    alerts = []
    for original, latin in pairs:
        found = score(Query(original, "Person"), _listing(latin)).score
        if found >= DEFAULT_THRESHOLD:
            alerts.append((found, original, latin))
    share = 100 * len(alerts) / max(len(pairs), 1)
    print(f"negatives {label}: {len(alerts)}/{len(pairs)} reach the threshold ({share:.2f} %)")
    for found, original, latin in sorted(alerts, reverse=True):
        print(f"    {found:.2f}  {original} ~ {latin}")


def negatives(rotations: int) -> None:
    written = [(r["original"], r["latin"]) for r in _read(NEGATIVES)]
    _false_alerts("written", written)
    for label, path in (("crossed", PAIRS), ("crossed hanja", HANJA_PAIRS)):
        people = sorted({(r["original"], r["latin"]) for r in _read(path)})
        random.Random(SEED).shuffle(people)
        crossed = []
        for shift in range(1, rotations + 1):
            for i, (original, _) in enumerate(people):
                other, latin = people[(i + shift) % len(people)]
                if other.translate(SOUTH_FORMS) != original.translate(SOUTH_FORMS):
                    crossed.append((original, latin))
        _false_alerts(label, crossed)


def screened(home: Path, show_misses: bool) -> None:
    import dataclasses

    from thaw.screen import Screener
    from thaw.store import Store
    from thaw.text.translit import word_script

    rows = _read(PAIRS)
    entries: list[Entry] = []
    cpu = time.process_time()
    with Store(home) as store:
        for record in store.active_records():
            if record.schema != "Person":
                continue
            latin = [
                n for n in record.names if all(word_script(w) == "Latin" for w in n.value.split())
            ]
            if latin:
                entries.append(entry_from_record(dataclasses.replace(record, names=latin)))
    listed = len(entries)
    for i, row in enumerate(rows):
        record = Record("pair", str(i), "Person", names=[Name(row["latin"])])
        entries.append(entry_from_record(record))
    screener = Screener.from_entries(entries)
    built = time.process_time() - cpu
    cpu = time.process_time()
    for split in ("dev", "holdout"):
        found = 0
        misses = []
        chosen = [(i, r) for i, r in enumerate(rows) if r["split"] == split]
        for i, row in chosen:
            result = screener.screen(row["original"], "Person")
            if any(
                (listing.source, listing.source_id) == ("pair", str(i))
                for hit in result.hits
                for listing in hit.listings
            ):
                found += 1
            else:
                misses.append(f"    {row['original']} ~ {row['latin']}")
        print(f"retrieval {split}: {found}/{len(chosen)} found among {listed} person listings")
        if split == "dev" and show_misses:
            print("\n".join(misses))
    spent = time.process_time() - cpu
    print(f"index built in {built:.1f} CPU s; {len(rows)} queries in {spent:.2f} CPU s")


def latin_pairs(show_misses: bool) -> None:
    """Score the Latin-against-Latin pairs: positives that match and negatives
    that alert, per half, either name as the query."""
    rows = _read(LATIN_PAIRS)
    for split in ("dev", "held"):
        chosen = [r for r in rows if analyst_queries.half(f"{r['name']} ~ {r['listed']}") == split]
        wrong: list[tuple[str, float, float, str, str]] = []
        counts = {"1": [0, 0, 0], "0": [0, 0, 0]}  # same: [pairs, forward, back]
        for r in chosen:
            forward = score(Query(r["name"], "Person"), _listing(r["listed"])).score
            back = score(Query(r["listed"], "Person"), _listing(r["name"])).score
            tally = counts[r["same"]]
            tally[0] += 1
            tally[1] += forward >= DEFAULT_THRESHOLD
            tally[2] += back >= DEFAULT_THRESHOLD
            positive = r["same"] == "1"
            if any((s >= DEFAULT_THRESHOLD) != positive for s in (forward, back)):
                kind = "miss" if positive else "ALERT"
                wrong.append((kind, forward, back, r["name"], r["listed"]))
        pos, neg = counts["1"], counts["0"]
        print(
            f"latin pairs {split}: positives match {pos[1]}/{pos[0]} (reversed {pos[2]}/{pos[0]});"
            f" negatives alert {neg[1]}/{neg[0]} (reversed {neg[2]}/{neg[0]})"
        )
        if split == "dev" and show_misses:
            for kind, forward, back, name, listed in sorted(wrong):
                print(f"    {kind:5} {forward:.2f} {back:.2f}  {name} ~ {listed}")


def queries(home: Path, show_misses: bool) -> None:
    """Screen the DPRK spelling queries: top 1 / found / must-not-alert per half."""
    rows = analyst_queries.read_queries(QUERIES)
    for row in rows:
        row["schema"] = "Person"
    cpu = time.process_time()
    outcomes = analyst_queries.screen_all(home, rows)
    spent = time.process_time() - cpu
    for split in ("dev", "held"):
        chosen = [o for o in outcomes if o.row["half"] == split]
        positive = [o for o in chosen if not o.negative]
        negative = [o for o in chosen if o.negative]
        top1 = sum(o.rank == 1 for o in positive)
        found = sum(o.rank > 0 for o in positive)
        alerts = sum(o.hits > 0 for o in negative)
        print(
            f"queries {split}: top 1 {top1}/{len(positive)}, found {found}/{len(positive)};"
            f" must-not-alert that alert {alerts}/{len(negative)}"
        )
        if split == "dev" and show_misses:
            for o in chosen:
                if o.negative and o.hits:
                    print(f"    ALERT  {o.row['query']} -> {o.top}")
                elif not o.negative and o.rank != 1:
                    rank = o.rank or "-"
                    print(f"    {rank:>2}  {o.row['query']} {o.row['expected']} -> {o.top}")
    print(f"{len(rows)} queries screened in {spent:.2f} CPU s")


def spelling_sizes() -> None:
    hangul_spellings.cache_clear()
    syllables = [chr(code) for code in range(0xAC00, 0xD7A4)]
    cpu = time.process_time()
    sizes = [len(hangul_spellings(s)) for s in syllables]
    spent = time.process_time() - cpu
    print(
        f"spellings per syllable: median {statistics.median(sizes):.0f}, "
        f"mean {statistics.fmean(sizes):.1f}, max {max(sizes)} "
        f"({1e6 * spent / len(syllables):.1f} µs CPU a syllable, uncached)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list the dev misses")
    parser.add_argument("--rotations", type=int, default=10, help="crossed negatives per name")
    parser.add_argument("--screen", action="store_true", help="retrieval against --home")
    parser.add_argument("--queries", action="store_true", help="DPRK spellings against --home")
    parser.add_argument("--home", type=Path, default=Path("/work/homes/base"))
    args = parser.parse_args()
    wall, cpu = time.perf_counter(), time.process_time()
    print(f"load average {os.getloadavg()[0]:.2f}")
    spelling_sizes()
    positives(args.misses)
    positives(args.misses, HANJA_PAIRS, "hanja")
    negatives(args.rotations)
    latin_pairs(args.misses)
    if args.screen:
        screened(args.home, args.misses)
    if args.queries:
        queries(args.home, args.misses)
    print(
        f"{time.perf_counter() - wall:.1f} s wall, {time.process_time() - cpu:.1f} s CPU "
        f"(load average {os.getloadavg()[0]:.2f})"
    )


if __name__ == "__main__":
    main()
