"""Chinese names in characters against their Latin spellings: what the
spelling tables (:func:`thaw.text.chinese.han_spellings`) find, and the
false alerts they risk.

Usage::

    python benchmarks/chinese_spellings.py            # score
    python benchmarks/chinese_spellings.py --write    # (re)write the negatives
    python benchmarks/chinese_spellings.py --home DIR [--screen 1000]  # alerts
    python benchmarks/chinese_spellings.py --home DIR --found  # retrieval

**Positives** are the hand-written set
``tests/fixtures/match/cross_script_pairs_zh.csv`` (real people of the
mainland, Taiwan, Hong Kong, Macau, Singapore and Malaysia, written before
any score and split by ``cross_script_pairs.split``): per split, how many
reach the default threshold; only the ``dev`` misses are listed.

**The diaspora set** (``tests/fixtures/match/chinese_diaspora.csv``: real
people of Hong Kong, Macau, Singapore, Malaysia, Indonesia, Taiwan and
overseas, in characters against the spelling they use themselves, Cantonese,
Hokkien, Teochew, Hakka or Hokchiu, with a Western given name or without;
and other people of the same family name or one character off, relatives
mostly, as negatives), split by the SHA-256 of ``original|latin`` (even
first byte: ``dev``) when it was written, before any score: per split, the
positives that reach the threshold and the negatives that do; only the
``dev`` ones are listed.

**The blind set** (``tests/fixtures/match/chinese_blind.csv``: real people
of Hong Kong, Macau, Taiwan, Singapore, Malaysia and overseas, none of them in
the sets above, in characters against the spelling they use, and relatives
and namesakes one or two characters off as negatives; written and committed
before it was first scored), and a second one written so
(``tests/fixtures/match/chinese_blind2.csv``: Singapore, Malaysia, Hong
Kong, Taiwan, Indonesia and the Philippines, with namesakes one character
off): the positives and the negatives that reach the threshold, with the
misses and the alerts. Only counts are to be compared
across changes: it is not a set to develop against.

**Negatives** (``tests/fixtures/match/chinese_negatives.csv``, read by the
tests too) are other people one character off, which must stay below the
threshold:

* *hand-written*: relatives and namesakes whose names differ in one
  character (李显龙 ~ *Lee Hsien Yang*, 宋美齡 ~ *Soong Ching-ling*);
* *one character off*: each positive of the set with one character (a
  random position, drawn with :data:`SEED`) replaced by another character of
  the set whose spellings share none with it (its Latin name then names
  someone else): written once by ``--write``, so that the list does not move
  when the tables change;
* *homophones*: two names in characters that read alike (王小明 ~ 王晓明)
  are compared by their characters, never by a reading they share.

**Screening** (``--home``): ``--screen`` made-up people (a common surname and
a given name of one or two characters of the set's given names, drawn with
:data:`SEED`; none is a listed person's name in characters) screened as
persons against the store: the share that alerts, and the alerts. Each alert
is a false one unless the store lists that very name, which the output lets
one check.

**Retrieval** (``--home DIR --found``): the diaspora set's positives
screened in characters against the store's person listings with each pair's
Latin name added as a listing of its own (as ``cross_script_pairs.py
--screen`` does): per split, how many find their own listing among the hits
(candidate retrieval must propose it, not only the score accept it).

It also prints how many spellings a character has (the tables' size is what
makes the comparison loose) and what :func:`han_spellings` costs.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cross_script_pairs as pairs  # noqa: E402

from thaw.match import DEFAULT_THRESHOLD, Query, score  # noqa: E402
from thaw.text.cantonese import cantonese_spellings, hk_spellings  # noqa: E402
from thaw.text.chinese import HAN, han_spellings, mandarin_readings  # noqa: E402
from thaw.text.hokkien import hokkien_spellings, reading_spellings  # noqa: E402
from thaw.text.wadegiles import wade_giles  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "match"
POSITIVES = FIXTURES / "cross_script_pairs_zh.csv"
NEGATIVES = FIXTURES / "chinese_negatives.csv"
DIASPORA = FIXTURES / "chinese_diaspora.csv"
BLIND = FIXTURES / "chinese_blind.csv"
BLIND2 = FIXTURES / "chinese_blind2.csv"
#: The seed of the one-character-off negatives.
SEED = 20261206
#: Other people whose names differ in one character, as their Latin names are
#: published: ``(characters, Latin name of another person, who that is)``.
HAND_WRITTEN: tuple[tuple[str, str, str], ...] = (
    ("李显龙", "Lee Hsien Yang", "his brother 李显扬"),
    ("李显扬", "Lee Hsien Loong", "his brother 李显龙"),
    ("宋美齡", "Soong Ching-ling", "her sister 宋慶齡"),
    ("宋慶齡", "Soong Mei-ling", "her sister 宋美齡"),
    ("宋美齡", "Soong Ai-ling", "her sister 宋靄齡"),
    ("蔣經國", "Chiang Wei-kuo", "his brother 蔣緯國"),
    ("蔣緯國", "Chiang Ching-kuo", "his brother 蔣經國"),
    ("林冠英", "Lim Kit Siang", "his father 林吉祥 (two off)"),
    ("梁朝偉", "Tony Leung Ka-fai", "the other actor 梁家輝"),
    ("梁家輝", "Tony Leung Chiu-wai", "the other actor 梁朝偉"),
    ("何超瓊", "Maisy Ho Chiu-ying", "her sister 何超盈"),
    ("何超盈", "Pansy Ho Chiu-king", "her sister 何超瓊"),
    ("李嘉誠", "Peter Lee Ka-kit", "李家傑"),
    ("王晓明", "Wang Xiaoping", "王晓平"),
    ("王小明", "Wang Xiaoling", "王小玲"),
    ("张伟", "Zhang Wen", "张文"),
    ("陈水扁", "Chen Shui-lien", "陈水莲"),
    ("蔡英文", "Tsai Ing-hui", "蔡英慧"),
    ("习近平", "Xi Jinming", "习近明"),
    ("胡锦涛", "Hu Jintian", "胡锦天"),
    ("温家宝", "Wen Jiabin", "温家彬"),
    ("李克强", "Li Keming", "李克明"),
    ("刘晓波", "Liu Xiaoming", "刘晓明"),
)
#: Names in characters that read alike but are other people: compared by
#: their characters, they must stay apart.
HOMOPHONES: tuple[tuple[str, str], ...] = (
    ("王小明", "王晓明"),
    ("李伟", "李威"),
    ("张静", "张晶"),
    ("陈明", "陈铭"),
    ("刘洋", "刘阳"),
    ("林峰", "林锋"),
)


def read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def pair_score(original: str, latin: str) -> float:
    """The pair as the pair set scores it (a ``Person`` query against a
    one-name listing)."""
    return score(Query(original, "Person"), pairs.entry_from_record_name(latin)).score


def count_by_split(rows: list[dict[str, str]], label: str) -> list[str]:
    """How many of the positive pairs ``rows`` reach the default threshold,
    printed per split after ``label``; the ``dev`` misses, as lines (the
    ``holdout`` ones are only counted)."""
    misses: list[str] = []
    for part in ("dev", "holdout"):
        mine = [r for r in rows if r["split"] == part]
        found = 0
        for row in mine:
            s = pair_score(row["original"], row["latin"])
            found += s >= DEFAULT_THRESHOLD
            if s < DEFAULT_THRESHOLD and part == "dev":
                misses.append(f"  {s:.2f} {row['original']} ~ {row['latin']}")
        print(f"{label} {part:8} {found:>4}/{len(mine)}")
    return misses


def one_off(rows: list[dict[str, str]], seed: int = SEED) -> list[dict[str, str]]:
    """Each positive with one character replaced by another character of the
    set that shares no spelling with it (see the module docs)."""
    rng = random.Random(seed)
    pool = sorted({ch for row in rows for ch in row["original"] if HAN.match(ch)})
    out: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for row in rows:
        chars = [ch for ch in row["original"] if HAN.match(ch)]
        at = rng.randrange(len(chars))
        own = set(han_spellings(chars[at]))
        choices = [ch for ch in pool if ch != chars[at] and not own & set(han_spellings(ch))]
        chars[at] = rng.choice(choices)
        key = ("".join(chars), row["latin"])
        if key in seen:
            continue
        seen.add(key)
        out.append(
            {"original": key[0], "latin": key[1], "kind": "one-off", "note": row["original"]}
        )
    return out


#: Common surnames (simplified and traditional) for the made-up people.
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁謝宋唐許韓馮鄧曹彭曾蕭田董潘袁蔡蔣余"


def made_up(rows: list[dict[str, str]], count: int, seed: int = SEED) -> list[str]:
    """``count`` made-up Chinese names (see the module docs)."""
    rng = random.Random(seed)
    given = sorted({ch for row in rows for ch in row["original"][1:] if HAN.match(ch)})
    known = {row["original"] for row in rows}
    out: list[str] = []
    while len(out) < count:
        name = rng.choice(SURNAMES) + "".join(rng.choices(given, k=rng.choice((1, 2, 2))))
        if name not in known and name not in out:
            out.append(name)
    return out


def screen(home: Path, count: int) -> None:
    """Screen :func:`made_up` names against the store at ``home``."""
    from thaw.profiles.screening import PartyScreener

    names = made_up(read(POSITIVES), count)
    screener = PartyScreener(home)
    screener.screen(names[0], "Person")  # (loads the index and the tables)
    cpu = time.process_time()
    alerts: list[str] = []
    alerting = 0
    for name in names:
        hits = screener.screen(name, "Person").hits
        alerting += bool(hits)
        alerts += [f"  {h.score:.2f} {name} ~ {h.name}" for h in hits]
    spent = time.process_time() - cpu
    print(
        f"made-up people screened: {alerting}/{len(names)} alert "
        f"({100 * alerting / len(names):.1f} %), {len(alerts)} hits; "
        f"{1e3 * spent / len(names):.2f} ms CPU a name"
    )
    print("\n".join(alerts))


def retrieval(home: Path) -> None:
    """Screen the diaspora set's positives against the store's person
    listings, each pair's Latin name a listing of its own (see the module
    docs)."""
    from thaw.index import entry_from_record
    from thaw.model import Name, Record
    from thaw.screen import Screener
    from thaw.store import Store

    with Store(home) as store:
        entries = [entry_from_record(r) for r in store.active_records() if r.schema == "Person"]
    rows = [r for r in read(DIASPORA) if r["kind"] == "positive"]
    for k, row in enumerate(rows):
        record = Record(
            source="pair", source_id=str(k), schema="Person", names=[Name(row["latin"])]
        )
        entries.append(entry_from_record(record))
    screener = Screener.from_entries(entries)
    cpu = time.process_time()
    for part in ("dev", "holdout"):
        hits, total, missed = 0, 0, []
        for k, row in enumerate(rows):
            if row["split"] != part:
                continue
            result = screener.screen(row["original"], "Person")
            own = any(
                (listing.source, listing.source_id) == ("pair", str(k))
                for hit in result.hits
                for listing in hit.listings
            )
            hits += own
            total += 1
            if part == "dev" and not own:
                missed.append(f"  {row['original']} ~ {row['latin']}")
        print(f"diaspora positives {part:8} found by screening {hits:>4}/{total}")
        if missed:
            print("\n".join(missed))
    spent = time.process_time() - cpu
    print(f"{len(entries)} person listings; {1e3 * spent / len(rows):.2f} ms CPU a query")


def blind(rows: list[dict[str, str]], label: str = "blind") -> list[str]:
    """Print how many of a blind set's positives and negatives reach the
    default threshold, after ``label``; return its misses and alerts, as
    lines."""
    lines: list[str] = []
    for kind in ("positive", "negative"):
        mine = [r for r in rows if r["kind"] == kind]
        found = 0
        for row in mine:
            s = pair_score(row["original"], row["latin"])
            found += s >= DEFAULT_THRESHOLD
            if (s >= DEFAULT_THRESHOLD) != (kind == "positive"):
                pair = f"{row['original']} ~ {row['latin']} ({row['note']})"
                lines.append(f"  {kind[:3]} {s:.2f} {pair}")
        print(f"{label} {kind}s {found:>4}/{len(mine)} reach {DEFAULT_THRESHOLD}")
    return lines


def write_negatives() -> None:
    rows = [
        {"original": han, "latin": latin, "kind": "hand-written", "note": note}
        for han, latin, note in HAND_WRITTEN
    ]
    rows += one_off(read(POSITIVES))
    with NEGATIVES.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=("original", "latin", "kind", "note"))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} negatives to {NEGATIVES}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the negatives")
    parser.add_argument("--home", type=Path, help="screen made-up people against this store")
    parser.add_argument("--screen", type=int, default=1000, help="made-up people screened")
    parser.add_argument("--found", action="store_true", help="with --home: retrieval")
    args = parser.parse_args(argv)
    if args.write:
        write_negatives()
        return 0
    if args.home and args.found:
        retrieval(args.home)
        return 0
    if args.home:
        screen(args.home, args.screen)
        return 0
    started, cpu = time.perf_counter(), time.process_time()
    positives = read(POSITIVES)
    misses = count_by_split(positives, "positives")
    alerts: list[str] = []
    diaspora = read(DIASPORA)
    for kind in ("positive", "negative"):
        for part in ("dev", "holdout"):
            rows = [r for r in diaspora if r["kind"] == kind and r["split"] == part]
            found = 0
            for row in rows:
                s = pair_score(row["original"], row["latin"])
                found += s >= DEFAULT_THRESHOLD
                line = f"  {s:.2f} {row['original']} ~ {row['latin']} ({row['note']})"
                if part == "dev" and kind == "positive" and s < DEFAULT_THRESHOLD:
                    misses.append(line)
                elif part == "dev" and kind == "negative" and s >= DEFAULT_THRESHOLD:
                    alerts.append(line)
            print(f"diaspora {kind}s {part:8} {found:>4}/{len(rows)} reach {DEFAULT_THRESHOLD}")
    blind_lines = blind(read(BLIND)) + blind(read(BLIND2), "blind2")
    negatives = read(NEGATIVES)
    for kind in ("hand-written", "one-off"):
        rows = [r for r in negatives if r["kind"] == kind]
        above = 0
        for row in rows:
            s = pair_score(row["original"], row["latin"])
            if s >= DEFAULT_THRESHOLD:
                above += 1
                alerts.append(f"  {s:.2f} {row['original']} ~ {row['latin']} ({row['note']})")
        print(f"negatives {kind:12} {above:>4}/{len(rows)} reach {DEFAULT_THRESHOLD}")
    homophones = [pair_score(a, b) for a, b in HOMOPHONES]
    print(f"homophones in characters: highest {max(homophones):.2f} of {len(homophones)}")
    chars = sorted({ch for row in positives for ch in row["original"] if HAN.match(ch)})
    sizes = [len(han_spellings(ch)) for ch in chars]
    print(
        f"spellings per character ({len(chars)} of the set): mean "
        f"{statistics.mean(sizes):.1f}, median {statistics.median(sizes)}, most {max(sizes)}"
    )
    for cached in (han_spellings, mandarin_readings, cantonese_spellings, hokkien_spellings):
        cached.cache_clear()
    wade_giles.cache_clear()
    hk_spellings.cache_clear()
    reading_spellings.cache_clear()
    t = time.process_time()
    for ch in chars:
        han_spellings(ch)
    spent = 1e6 * (time.process_time() - t) / len(chars)
    print(f"han_spellings, caches cleared (tables loaded): {spent:.0f} µs a character")
    print(f"{time.perf_counter() - started:.1f} s wall, {time.process_time() - cpu:.1f} CPU s")
    if misses:
        print("\ndev misses:\n" + "\n".join(misses))
    if alerts:
        print("\nnegatives reaching the threshold:\n" + "\n".join(alerts))
    if blind_lines:
        print("\nblind set, positives missed and negatives reaching the threshold:")
        print("\n".join(blind_lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
