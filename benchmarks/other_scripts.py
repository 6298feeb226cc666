"""Names in Arabic, Persian, Hebrew, Greek, Thai, Cyrillic, Georgian and Armenian
script against Latin spellings: the hand-written pairs, and the false alerts a
looser comparison would cost.

Usage::

    python benchmarks/other_scripts.py [--rotations N] [--show]
    python benchmarks/other_scripts.py --corpus [--per-split N] [--show]

**Positives**: the hand-written sets
``tests/fixtures/match/cross_script_pairs_sem.csv``, ``cross_script_pairs_rig.csv``,
``cross_script_pairs_thai.csv``, ``cross_script_pairs_thai2.csv``, ``_thai3.csv``,
``_thaikh.csv`` (Thai and Khmer people), ``_thai4.csv`` and ``_khmer3.csv``
(Thai people in their own spellings, Khmer people), ``_kael.csv`` (foreign names in
Georgian and Greek), ``_arfa.csv`` (Arabic people of the Maghreb, the Levant
and the Gulf, Persian people) and
``cross_script_pairs_cyr.csv`` (real people and common given names, in the
spellings the press, passports and the lists use, list forms such as
``SURNAME, Given Patronymic`` too; each split with ``cross_script_pairs.split``
and its seed, or ``cross_script_pairs.hash_split``, before it was scored), per
script and split: how many reach the default threshold.
Only the ``dev`` misses are listed (``--show``); the ``holdout`` pairs are
counted, never listed.

**Negatives**, each of which reaching the threshold is a false alert:

* *hand*: ``tests/fixtures/match/other_scripts_negatives*.csv``, pairs of
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

**Corpus sample** (``--corpus``): a wide sample of rigour's person-name corpus
outside every pair of our sets, per script (:func:`corpus_sample`). Every
form of a name item (``cross_script_pairs.corpus_items``: items written in at
most two scripts other than Latin) in one of :data:`SCRIPTS` whose original is
in no set is paired with one of the item's Latin forms; the pair's split is
fixed by a hash of the item and the form (:func:`_draw`), decided before any
pair was looked at and stable as the corpus grows, and at most
``--per-split`` pairs of each script and split are drawn, in hash order.
Items that are no pair of one name are counted apart, by a stated rule
(:func:`junk_reason`), never fixed: a form that is no original-script name,
and a form of several words of which the Latin form writes only one ("نام
خانوادگی طاهر", *surname Tahir*, against *Tahir*). Only the ``dev`` misses are
listed (``--show``); the ``holdout`` is only counted.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cross_script_pairs import (  # noqa: E402
    SEEN,
    corpus_items,
    entry_from_record_name,
    is_original,
    read_all_pairs,
    script_of,
    transcription_score,
)

from thaw.match import DEFAULT_THRESHOLD, Query, score  # noqa: E402
from thaw.text import fold_token  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "match"
HAND = FIXTURES / "cross_script_pairs_sem.csv"
#: The hand-written sets scored as positives: :data:`HAND` and the later ones
#: (people of these scripts as the press and the lists spell them, list forms
#: such as ``SURNAME, Given Patronymic`` too), split the same way before it
#: was scored.
HANDS = (
    HAND,
    *(
        FIXTURES / f"cross_script_pairs_{n}.csv"
        for n in (
            "rig",
            "thai",
            "thai2",
            "thai3",
            "thaikh",
            "thai4",
            "khmer3",
            "cyr",
            "west",
            "kael",
            "arfa",
        )
    ),
)
NEGATIVES = FIXTURES / "other_scripts_negatives.csv"
#: Every file of hand-written negatives (:data:`NEGATIVES` and those beside it).
NEGATIVE_GLOB = "other_scripts_negatives*.csv"
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
    per_file: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    for source, row in [(p, r) for p in HANDS for r in _read(p)]:
        ok, value = _matches(row["original"], row["latin"])
        totals[(row["split"], row["script"])][0] += ok
        totals[(row["split"], row["script"])][1] += 1
        per_file[(source.name, row["split"])][0] += ok
        per_file[(source.name, row["split"])][1] += 1
        if not ok and row["split"] == "dev":
            misses.append(f"  {row['script']:9} {value:.2f} {row['original']} ~ {row['latin']}")
    print(f"hand-written pairs ({', '.join(p.name for p in HANDS)}):")
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
    for path in HANDS:
        cells = [
            f"{per_file[(path.name, p)][0]:>4}/{per_file[(path.name, p)][1]:<4}"
            for p in ("dev", "holdout")
        ]
        print(f"  {path.name:32} {cells[0]} {cells[1]}")
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
    hand = [
        (r["script"], r["original"], r["latin"])
        for path in sorted(FIXTURES.glob(NEGATIVE_GLOB))
        for r in _read(path)
    ]
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


#: A form of several words is a part of the name, not the name, when one of its
#: words alone transcribes the Latin form at least this well
#: (``cross_script_pairs.transcription_score``, 0-100), and better than the
#: whole form does.
PART_WORD_AT_LEAST = 80.0


def junk_reason(original: str, latin: str) -> str:
    """Why the corpus pair ``original`` ~ ``latin`` is no pair of spellings of
    one name (empty if it is one), by a rule that does not use thaw's
    matcher: ``not original`` when the form is no original-script name
    (``cross_script_pairs.is_original``: mostly Latin letters, a broken
    encoding); ``part of a name`` when the form has several words (the
    corpus's Latin forms are one word) and one of them alone transcribes the
    Latin form (:data:`PART_WORD_AT_LEAST`) better than the whole form does:
    a full name, or a label and a name, against one of its words (מאורו
    בולוניני, *Mauro Bolognini*, against *Bolognini*; نام خانوادگی طاهر,
    *surname Tahir*, against *Tahir*). A compound written apart (کی آرش ~
    *Kiarash*) transcribes the Latin form better as a whole, and is kept."""
    if not is_original(original):
        return "not original"
    words = original.split()
    if len(words) >= 2:
        part = max(transcription_score(w, latin) for w in words)
        if part >= PART_WORD_AT_LEAST and part > transcription_score(original, latin):
            return "part of a name"
    return ""


def _draw(qid: str, form: str) -> tuple[str, int]:
    """The split of the corpus pair of ``form`` (of item ``qid``) and its rank
    in the draw: from a hash of the two, so that the split is fixed before
    anyone looks and does not move when other items are added."""
    value = int.from_bytes(hashlib.blake2b(f"{qid}|{form}".encode(), digest_size=8).digest())
    return ("dev" if value % 2 == 0 else "holdout"), value >> 1


def corpus_sample(per_split: int) -> list[dict[str, str]]:
    """The corpus sample: per script of :data:`SCRIPTS` and split, the
    ``per_split`` pairs of least rank (:func:`_draw`) among every form of
    rigour's name items (``corpus_items``) in that script whose original is
    in none of our sets (nor among the forms ``cross_script_pairs`` has
    already looked at), each against one of its item's Latin forms (chosen by
    the same hash); ``junk`` holds :func:`junk_reason`."""
    known = {r["original"] for r in read_all_pairs()}
    known |= {r["original"] for path in HANDS for r in _read(path)}
    known |= set(SEEN)
    groups: dict[tuple[str, str], list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for qid, forms, latins in corpus_items():
        for form in forms:
            if form.isascii() or form in known:
                continue
            script = script_of(form)
            if script not in SCRIPTS:
                continue
            part, rank = _draw(qid, form)
            row = {
                "script": script,
                "original": form,
                "latin": latins[rank % len(latins)].title(),
                "source": f"rigour:{qid}",
                "split": part,
            }
            groups[(script, part)].append((rank, row))
    out: list[dict[str, str]] = []
    for key in sorted(groups):
        for _rank, row in sorted(groups[key], key=lambda x: x[0])[:per_split]:
            out.append({**row, "junk": junk_reason(row["original"], row["latin"])})
    return out


def corpus(per_split: int, show: bool) -> None:
    """Score the corpus sample (:func:`corpus_sample`): per script and split,
    how many of the pairs that are pairs of one name reach the default
    threshold, and how many are junk (and of those, how many reach it)."""
    rows = corpus_sample(per_split)
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    junk: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    reasons: dict[str, int] = defaultdict(int)
    for row in rows:
        ok, value = _matches(row["original"], row["latin"])
        key = (row["split"], row["script"])
        if row["junk"]:
            junk[key][0] += ok
            junk[key][1] += 1
            reasons[row["junk"]] += 1
            continue
        totals[key][0] += ok
        totals[key][1] += 1
        if not ok and row["split"] == "dev":
            misses.append(
                f"  {row['script']:9} {value:.2f} {row['original']} ~ {row['latin']}"
                f"  ({row['source']})"
            )
    print(f"rigour corpus sample, at most {per_split} pairs per script and split:")
    print(f"{'script':10} {'dev':>16} {'holdout':>16} {'junk (dev+holdout)':>20}")
    for script in SCRIPTS:
        cells = []
        for part in ("dev", "holdout"):
            found, n = totals[(part, script)]
            cells.append(f"{found:>5}/{n:<5} {100 * found / max(1, n):5.1f}%")
        j = [sum(junk[(p, script)][i] for p in ("dev", "holdout")) for i in (0, 1)]
        print(f"{script:10} {cells[0]:>16} {cells[1]:>16} {j[1]:>9} ({j[0]} match)")
    for part in ("dev", "holdout"):
        found = sum(v[0] for k, v in totals.items() if k[0] == part)
        n = sum(v[1] for k, v in totals.items() if k[0] == part)
        print(f"{part:10} {found:>5}/{n:<5} {100 * found / max(1, n):5.1f}%")
    print("junk: " + ", ".join(f"{k} {v}" for k, v in sorted(reasons.items())))
    if show and misses:
        print("dev misses:")
        print("\n".join(misses))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rotations", type=int, default=3, help="random negatives per original")
    parser.add_argument("--show", action="store_true", help="list the dev misses and false alerts")
    parser.add_argument(
        "--corpus", action="store_true", help="score a wide sample of rigour's name corpus"
    )
    parser.add_argument(
        "--per-split", type=int, default=400, help="with --corpus: pairs per script and split"
    )
    args = parser.parse_args(argv)
    started, cpu = time.perf_counter(), time.process_time()
    if args.corpus:
        corpus(args.per_split, args.show)
    else:
        positives(args.show)
        negatives(args.rotations, args.show)
    print(f"\n{time.perf_counter() - started:.1f} s wall, {time.process_time() - cpu:.1f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
