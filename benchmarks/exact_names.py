"""Exact names: does screening find a listing by a name it publishes, as written?

Usage::

    python benchmarks/exact_names.py --home DIR [--sample 5000] [--show 60]
                                     [--schema] [--kinds primary,alias,...]
    python benchmarks/exact_names.py --home DIR --ids [--sample 5000] [--show 60]

Every name of every active listing of the store (``--home``; load the lists
first with ``thaw update``) is screened exactly as the authority wrote it, the
way an analyst pastes it: no schema, no other facts (``--schema`` passes the
listing's schema too). The name is *found* when the listing is among the hits
at the default threshold. Issue 11 asks that an exact listed name is never
missed (*ELEVEN EIGHTY EIGHT LIMITED* gave no hits without a schema); this
benchmark counts the names that still are, by the kind the authority gave the
name (``primary``, ``alias``, ``former``, ``original``, ``weak``: a weak alias
may rightly rank below other parties, so it is counted apart) and by schema,
and lists the misses with the hits that came instead.

``--sample N`` screens a deterministic sample of N names (by a hash of the
listing and the name), for a quick look; the default screens all of them.

``--ids`` screens the listings' identifiers instead (issue 11: an identifier
published on a listing is strong evidence on its own): every number of every
active listing is screened twice, pasted where the name goes as the authority
wrote it (``IMO 9167148``, a SWIFT/BIC, a crypto address, a passport number),
and given as the identifier number of a query whose name says nothing
(*Unknown*, the listing's schema). Counted by the identifier's kind; a number
several listings publish is found when this listing is among the hits. It also
counts the stored numbers that still hold words beside the number (a remark the
authority wrote in the number's field, *381110042 (Expired 25 Jan. 2016)*,
*TIN: 780245503097*, *3811964 (Delaware)*: the analyst types the number alone,
so such a number is not found by it; :mod:`thaw.sources.numbers` reads the
remark apart) and lists them.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import re
import sys
import time
from pathlib import Path

from thaw import Screener
from thaw.screen import ScreenInputError
from thaw.store import Store


def _sampled(key: str, sample: int, total: int) -> bool:
    """Whether ``key`` is in a deterministic sample of about ``sample`` of
    ``total`` names."""
    if sample <= 0 or sample >= total:
        return True
    digest = int.from_bytes(hashlib.sha1(key.encode()).digest()[:8], "big")
    return digest % total < sample


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--sample", type=int, default=0, help="names to screen (0: all)")
    parser.add_argument("--show", type=int, default=60, help="misses to list")
    parser.add_argument("--schema", action="store_true", help="pass the listing's schema")
    parser.add_argument(
        "--kinds", default="primary,alias,former,original,weak", help="name kinds to screen"
    )
    parser.add_argument("--ids", action="store_true", help="screen identifiers, not names")
    args = parser.parse_args(argv)
    if args.ids:
        return _identifiers(args.home, args.sample, args.show)
    kinds = set(args.kinds.split(","))

    names: list[tuple[str, str, str, str]] = []
    with Store(args.home) as store:
        for record in store.active_records():
            key = f"{record.source}:{record.source_id}"
            seen: set[str] = set()
            for name in record.names:
                if name.kind in kinds and name.value.strip() and name.value not in seen:
                    seen.add(name.value)
                    names.append((key, record.schema, name.kind, name.value))
    screener = Screener(args.home)

    total: collections.Counter[tuple[str, str]] = collections.Counter()
    missed: collections.Counter[tuple[str, str]] = collections.Counter()
    misses: list[str] = []
    start = time.process_time()
    screened = 0
    refused: list[str] = []
    for key, schema, kind, value in names:
        if not _sampled(f"{key}\t{value}", args.sample, len(names)):
            continue
        try:
            result = screener.screen(value, schema=schema if args.schema else None)
        except ScreenInputError:
            # a name too short to screen ('AA'): refused as any query would be
            refused.append(value)
            continue
        screened += 1
        found = any(f"{x.source}:{x.source_id}" == key for h in result.hits for x in h.listings)
        total[kind, schema] += 1
        if not found:
            missed[kind, schema] += 1
            came = "; ".join(f"{h.score:.2f} {h.name}" for h in result.hits[:2]) or "no hits"
            misses.append(f"  {kind:<8} {schema:<12} {value!r} ({key}): {came}")
    cpu = time.process_time() - start

    print(f"{screened:,} names of {len(names):,} screened as written, in {cpu:.1f} CPU s")
    if refused:
        print(f"{len(refused)} refused as too short to screen: {', '.join(refused[:10])}")
    print(f"{'kind':<9}{'schema':<13}{'names':>8}{'missed':>8}")
    for kind, schema in sorted(total):
        print(f"{kind:<9}{schema:<13}{total[kind, schema]:>8}{missed[kind, schema]:>8}")
    strong = sum(n for (kind, _), n in missed.items() if kind != "weak")
    strong_total = sum(n for (kind, _), n in total.items() if kind != "weak")
    print(f"missed, weak aliases apart: {strong} of {strong_total}")
    weak = sum(n for (kind, _), n in total.items() if kind == "weak")
    print(f"missed, weak aliases: {sum(missed.values()) - strong} of {weak}")
    if args.show:
        print("misses:")
        for line in misses[: args.show]:
            print(line)
    return 0


_WORDS_LEFT = re.compile(r"[a-z]{3}|\s\([^()]*[A-Za-z]{2}[^()]*\)|, |: ")
"""Words beside a number in its field: a word in lower case, a bracketed
word after a space, a comma or a colon and a space (a crypto address, in mixed
case, is not read so; a Myanmar registration card written with its township,
*5/KALATA (NAING) 127084*, is, and stays)."""


def _holds_words(kind: str, number: str) -> bool:
    """Whether a stored identifier number still holds words beside the number."""
    return kind != "crypto" and _WORDS_LEFT.search(number) is not None


def _identifiers(home: Path, sample: int, show: int) -> int:
    """The ``--ids`` mode: is a listing found by each identifier it publishes,
    pasted as the name, and given as the identifier number of an unknown name?"""
    numbers: list[tuple[str, str, str, str]] = []
    with Store(home) as store:
        for record in store.active_records():
            key = f"{record.source}:{record.source_id}"
            seen: set[str] = set()
            for identifier in record.identifiers:
                number = " ".join(identifier.number.split())
                if number and number not in seen:
                    seen.add(number)
                    numbers.append((key, record.schema, identifier.kind, number))
    screener = Screener(home)
    ways = ("pasted", "id_number")
    total: collections.Counter[str] = collections.Counter()
    missed: collections.Counter[tuple[str, str]] = collections.Counter()
    misses: list[str] = []
    start = time.process_time()
    for key, schema, kind, number in numbers:
        if not _sampled(f"{key}\t{number}", sample, len(numbers)):
            continue
        total[kind] += 1
        for way in ways:
            try:
                if way == "pasted":
                    result = screener.screen(number)
                else:
                    result = screener.screen("Unknown", schema=schema, id_number=number)
            except ScreenInputError:
                result = None
            hits = () if result is None else result.hits
            if not any(f"{x.source}:{x.source_id}" == key for h in hits for x in h.listings):
                missed[kind, way] += 1
                came = "; ".join(f"{h.score:.2f} {h.name}" for h in hits[:2]) or "no hits"
                misses.append(f"  {kind:<16} {way:<9} {number!r} ({key} {schema}): {came}")
    cpu = time.process_time() - start
    worded = sorted({(kind, n) for _, _, kind, n in numbers if _holds_words(kind, n)})
    print(f"{sum(total.values()):,} identifiers of {len(numbers):,} screened, in {cpu:.1f} CPU s")
    print(f"numbers stored with words beside the number: {len(worded)} of {len(numbers):,}")
    print(f"{'kind':<17}{'numbers':>8}" + "".join(f"{w:>11}" for w in ways))
    for kind in sorted(total):
        print(f"{kind:<17}{total[kind]:>8}" + "".join(f"{missed[kind, w]:>11}" for w in ways))
    for way in ways:
        lost = sum(n for (_, w), n in missed.items() if w == way)
        print(f"missed {way}: {lost} of {sum(total.values())}")
    if show:
        print("misses:")
        for line in misses[:show]:
            print(line)
        if worded:
            print("numbers with words:")
            for kind, number in worded[:show]:
                print(f"  {kind:<16} {number!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
