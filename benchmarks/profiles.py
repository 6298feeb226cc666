"""Benchmark and review of cross-authority profiles on the real publications.

Usage::

    python benchmarks/profiles.py [--lists DIR] [--home DIR] [--sample 50] [--seed 7]

Loads the newest publication of every readable source from ``--lists`` (default
``../shared/data/lists``) into a fresh store (or uses an existing ``--home``), then

* times a full build of the profiles (the target is 60 s on 2 cores);
* measures recall against the ground truth of explicit references: every listing
  that quotes a UN reference number must share a profile with that UN listing;
  once with references switched off as evidence (identity evidence alone) and
  once with them on (what is stored);
* counts profiles holding two different UN listings (must be zero);
* times an incremental refresh after loading a newer OFAC publication over an
  older one;
* prints ``--sample`` random profiles listed by several authorities, with their
  members and the evidence, for manual review; ``--misses N`` prints missed
  ground-truth pairs with the best evidence found between them;
* with ``--audit N``, counts possible splits (listings of different authorities
  in different profiles that share a strong identifier, apart where their
  names differ, the very same name and a birth date, or the same name and
  country, or a web domain of their own; vessels of one IMO number in two
  profiles, which must be none) and possible wrong joins (profiles holding
  persons whose full birth dates, genders or nationalities all differ, whose
  birth years are a generation apart or whose names' suffixes, SR and JR,
  differ; organisations in countries none shared, or a party and a
  subsidiary, branch or management company named after it, or whose tax or
  registration numbers of one country differ; vessels of different IMO
  numbers; a listing in the profile of a UN listing whose regimes it shares
  none of, where the UN lists the name again under one it shares; and, to
  read, one list's two listings in one profile), and prints N examples of
  each kind to read. Organisations of agreeing names at one street address
  count among the splits too.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

from thaw.profiles import Profiles, features_of, link
from thaw.profiles.evidence import (
    NEUTRAL_THEMES,
    RELATED_PARTY_WORDS,
    Context,
    compare,
    compare_countries,
    compare_dates,
    compare_names,
    compatible_schemata,
    corpus_stats,
    places_conflict,
)
from thaw.profiles.features import Features, analyze, namespace, normalize_ref
from thaw.sources import SourceError, plan
from thaw.store import LoadError, Store, load

ROOT = Path(__file__).resolve().parents[1]
LISTS = ROOT.parent / "shared" / "data" / "lists"

NEWEST = [
    "un_sc/2026-02-27/consolidated.xml",
    "us_ofac/2024-05-03/sdn.csv",
    "us_ofac/2025-03-28/consolidated.xml",
    "uk_hmt_ofsi/2025-04-14/ConList.xlsx",
    "uk_fcdo/2023-01-14/UK_Sanctions_List.odt",
    "ca_gac/2025-05-25/sema-lema.xml",
    "au_dfat/2024-11-11/regulation8_consolidated.xlsx",
    "us_trade_csl/2022-05-16/consolidated.csv.gz",
    "us_bis/2023-11-30/dpl.txt",
]
"""The newest complete publication of each list (EU FSF: only a partial sample)."""

OLDER_OFAC = "us_ofac/2023-12-28/sdn.csv"


def load_files(store: Store, lists: Path, files: list[str]) -> None:
    """Load publications, reporting (not failing on) unreadable ones."""
    for rel in files:
        path = lists / rel
        try:
            for job in plan([path]):
                result = load(store, job, force=True)
                pub = result.publication
                print(
                    f"  {result.status:9} {pub.source:14} {pub.published[:10]} {pub.record_count:6}"
                )
        except (SourceError, LoadError) as exc:
            print(f"  skipped {rel}: {exc}")


def ground_truth(listings: list[Features]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(listing, UN listing) pairs from explicit UN references to present UN
    listings; and, apart, references between different kinds of party (a vessel
    quoting its owner's reference), which are no identity."""
    un = {normalize_ref(f.source_id): f for f in listings if f.source == "un_sc"}
    pairs: list[tuple[str, str]] = []
    other: list[tuple[str, str]] = []
    for f in listings:
        if f.source == "un_sc":
            continue
        for src, ref in f.references:
            if src == "un_sc" and ref in un:
                target = un[ref]
                same_kind = compatible_schemata(f, target) and (
                    f.group == target.group or "LegalEntity" in (f.schema, target.schema)
                )
                (pairs if same_kind else other).append((f.key, target.key))
    return pairs, other


def recall(
    clusters: list[list[str]], pairs: list[tuple[str, str]]
) -> tuple[float, list[tuple[str, str]]]:
    where = {k: n for n, members in enumerate(clusters) for k in members}
    missed = [(a, b) for a, b in pairs if where[a] != where[b]]
    return (1 - len(missed) / len(pairs) if pairs else 1.0), missed


def authority_of(source: str) -> str:
    """The authority behind a source name (``us_ofac_sdn`` and ``us_trade_csl``: ``us``)."""
    return source.split("_", 1)[0]


def _partition(memberships: dict[tuple[str, str], str]) -> dict[str, frozenset[str]]:
    """Listing key → the set of keys sharing its profile (ids aside)."""
    groups: dict[str, set[str]] = {}
    for (s, i), pid in memberships.items():
        groups.setdefault(pid, set()).add(f"{s}:{i}")
    return {k: frozenset(g) for g in groups.values() for k in g}


SPLIT_BLOCK = 30
"""Blocks (an identifier, a name, a web domain) held by more listings than
this are left out of the audit of splits: too common to say anything."""

STRONG_IDS = frozenset(
    {"imo", "passport", "national_id", "tax_id", "registration", "swift", "lei", "crypto"}
)


def _blocks(f: Features, ctx: Context) -> Iterator[tuple[str, str]]:
    """(kind of evidence, value) pairs by which the audit pairs listings."""
    for ident in f.identifiers:
        if ident.kind in STRONG_IDS and len(ident.number) >= 5:
            yield "identifier", f"{ident.kind} {ident.number}"
    for name in f.strong_names():
        if len(name.bag) >= 2:
            yield "name", f"{f.group} {' '.join(name.bag)}"
    for website in f.websites:
        if website not in ctx.shared_contacts:
            yield "website", website
    if f.group == "org":
        for address in f.addresses:
            if address not in ctx.shared_contacts:
                yield "address", address


def audit(
    listings: list[Features],
    where: dict[str, str],
    ctx: Context,
    show: int,
    profiles: Profiles | None = None,
) -> None:
    """Count and show possible splits and wrong joins (see the module docs);
    with ``profiles``, a shown split's evidence says why the linker refused
    it, where it did."""
    by_key = {f.key: f for f in listings}
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for f in listings:
        for block in set(_blocks(f, ctx)):
            blocks[block].append(f.key)
    splits: dict[str, dict[frozenset[str], tuple[str, str, str]]] = defaultdict(dict)
    for (kind, value), keys in blocks.items():
        if len(keys) > SPLIT_BLOCK:
            continue
        for a, b in combinations(sorted(keys), 2):
            fa, fb = by_key[a], by_key[b]
            if authority_of(fa.source) == authority_of(fb.source) or where[a] == where[b]:
                continue
            if kind == "name":
                dates = compare_dates(fa.birth_dates, fb.birth_dates)
                places = (
                    (fa.nationalities, fb.nationalities)
                    if fa.group == "person"
                    else (fa.countries, fb.countries)
                )
                # (a name that is neither listing's primary, a kunya or an
                # alias two parties share, is read apart)
                bag = tuple(value.split(" ", 1)[1].split())
                alias = " (aliases only)" if bag not in _primary_bags(fa, fb) else ""
                if dates in ("day", "month", "year"):
                    kind_ = f"name and birth {dates}{alias}"
                elif dates == "none" and compare_countries(*places) == "agree":
                    kind_ = f"name and country{alias}"
                else:
                    continue
            elif kind in ("identifier", "address"):
                # (a number two lists give parties of different names is
                # more often a slip of one of them than one party; an
                # address, a building several parties give)
                level = compare_names(fa, fb, ctx).level
                named = level != "none"
                kind_ = kind if named else f"{kind}, names differ"
                if kind == "address" and (level not in ("exact", "full") or fa.group != fb.group):
                    continue
            else:
                kind_ = kind
            pair = frozenset((where[a], where[b]))
            splits[kind_].setdefault(pair, (a, b, value))
    # (a pair of profiles split on a primary name is not counted again on aliases)
    for kind in [k for k in splits if k.endswith(" (aliases only)")]:
        primary = splits.get(kind.removesuffix(" (aliases only)"), {})
        splits[kind] = {p: v for p, v in splits[kind].items() if p not in primary}
    print("\npossible splits (pairs of profiles):")
    for kind, pairs in sorted(splits.items()):
        print(f"  {kind}: {len(pairs)}")
        for a, b, value in list(pairs.values())[:show]:
            edge = compare(by_key[a], by_key[b], ctx)
            print(f"    {value}: {a} {by_key[a].caption!r} | {b} {by_key[b].caption!r}")
            print(f"      evidence: {edge.summary() if edge else 'none'}")
            why = _refusal(profiles, where[a], a, b) if edge and profiles else None
            if why:
                print(f"      refused: {why}")
    imo_split = _imo_splits(listings, where)
    print(f"  vessels of one IMO number in two profiles (must be 0): {len(imo_split)}")
    for number, keys in imo_split[:show]:
        print(f"    IMO {number}: {', '.join(f'{k} ({where[k]})' for k in keys)}")
    members: dict[str, list[Features]] = defaultdict(list)
    for f in listings:
        members[where[f.key]].append(f)
    joins: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for pid, fs in members.items():
        for x, y in combinations(fs, 2):
            for conflict in _conflicts(x, y):
                if _bridged(conflict, x, y, fs):
                    conflict += ", a third listing gives both"
                joins[conflict].append((pid, x.key, y.key))
    for pid, a, b in _crossed_twins(members, where):
        joins["a listing with the UN twin of another regime"].append((pid, a, b))
    for pid, fs in members.items():
        for x, y in combinations(fs, 2):
            if namespace(x.source, x.source_id) == namespace(y.source, y.source_id) and not (
                x.rows and x.rows.split(" ", 1)[1] == y.rows.split(" ", 1)[-1]
            ):
                joins["one list's two listings (to read)"].append((pid, x.key, y.key))
    print("\npossible wrong joins (pairs of listings in one profile):")
    for kind, found in sorted(joins.items()):
        print(f"  {kind}: {len(found)} in {len({p for p, _, _ in found})} profiles")
        for pid, a, b in found[:show]:
            fa, fb = by_key[a], by_key[b]
            pa = fa.nationalities if fa.group == "person" else fa.countries
            pb = fb.nationalities if fb.group == "person" else fb.countries
            print(f"    {pid}: {a} {fa.caption!r} {fa.birth_dates} {sorted(pa)}")
            print(f"      | {b} {fb.caption!r} {fb.birth_dates} {sorted(pb)}")


def _crossed_twins(
    members: dict[str, list[Features]], where: dict[str, str]
) -> Iterator[tuple[str, str, str]]:
    """Listings in the profile of a UN listing whose regimes they share none
    of, where the UN lists the same name again, in another profile, under a
    regime they do share: the UN lists Hassan Dahir AWEYS under its Somalia
    and its Al-Qaida regimes, two profiles that must stay apart, and OFAC's
    SDGT listing belongs with the UN's Al-Qaida one. Yields (profile, the
    listing, the UN twin of its regime)."""
    un = [f for fs in members.values() for f in fs if f.source == "un_sc"]
    by_name: dict[tuple[str, ...], list[Features]] = defaultdict(list)
    for f in un:
        primary = next((n for n in f.strong_names() if n.original == f.caption), None)
        if primary is not None and len(primary.bag) >= 2:
            by_name[primary.bag].append(f)
    for twins in by_name.values():
        if len({where[f.key] for f in twins}) < 2:
            continue
        for own in twins:
            held = set(own.regimes) - NEUTRAL_THEMES
            for f in members[where[own.key]]:
                regimes = set(f.regimes) - NEUTRAL_THEMES
                if f.source == "un_sc" or not regimes or regimes & held:
                    continue
                other = next((t for t in twins if t is not own and regimes & set(t.regimes)), None)
                if other is not None:
                    yield where[own.key], f.key, other.key


def _imo_splits(listings: list[Features], where: dict[str, str]) -> list[tuple[str, list[str]]]:
    """IMO numbers whose vessels (of any lists, one authority's too) are in
    more than one profile: an IMO number is one hull's for life, and
    always joins (the number a list gives two of its vessels aside)."""
    holders: dict[str, list[str]] = defaultdict(list)
    for f in listings:
        if f.group == "vessel":
            for number in {i.number for i in f.identifiers if i.kind == "imo"}:
                if len(number) == 7:
                    holders[number].append(f.key)
    out = []
    for number, keys in sorted(holders.items()):
        lists = [namespace(*k.split(":", 1)) for k in keys]
        if len(set(lists)) == len(lists) and len({where[k] for k in keys}) > 1:
            out.append((number, sorted(keys)))
    return out


GENERATION_YEARS = 15
"""Birth years this far apart, and no closer, are two generations: a father
and his son of one name in one profile."""

_SUFFIX = re.compile(r"\b(JR|SR|JUNIOR|SENIOR|II|III|IV)\b\.?", re.IGNORECASE)


def _conflicts(x: Features, y: Features) -> Iterator[str]:
    """What two listings of one profile disagree on: persons' full birth
    dates, genders, nationalities, birth years a generation apart
    (:data:`GENERATION_YEARS`) or the suffixes that set a father and his son
    apart ("SR", "JR"); organisations' countries, or the name of one that is
    the other's with a word naming a related party ("... MANAGEMENT
    COMPANY", "... BRANCH": a subsidiary and its parent); vessels' IMO
    numbers."""
    if x.group == "person" and y.group == "person":
        days_x = {d for d in x.birth_dates if len(d) == 10 and d[4:] != "-01-01"}
        days_y = {d for d in y.birth_dates if len(d) == 10 and d[4:] != "-01-01"}
        if days_x and days_y and not days_x & days_y:
            yield f"full birth dates ({compare_dates(x.birth_dates, y.birth_dates)})"
        if x.gender and y.gender and x.gender != y.gender:
            yield "gender"
        if compare_countries(x.nationalities, y.nationalities) == "conflict":
            yield "nationality"
        years_x = {int(d[:4]) for d in x.birth_dates if d[:4].isdigit()}
        years_y = {int(d[:4]) for d in y.birth_dates if d[:4].isdigit()}
        if years_x and years_y:
            gap = min(abs(a - b) for a in years_x for b in years_y)
            # (the same birthday in years far apart is a mistyped year:
            # Canada's 1960-12-05 for Yelena PERMINOVA, 1980-12-05 elsewhere)
            birthday = {d[4:] for d in days_x} & {d[4:] for d in days_y}
            if gap >= GENERATION_YEARS and not birthday:
                yield "birth years a generation apart (father and son?)"
        suffix_x = {m.upper().rstrip(".") for m in _SUFFIX.findall(x.caption)}
        suffix_y = {m.upper().rstrip(".") for m in _SUFFIX.findall(y.caption)}
        if suffix_x and suffix_y and suffix_x != suffix_y:
            yield "generational suffixes (SR, JR)"
    if x.group == "org" and y.group == "org":
        # (a row of a list that writes one party a row per address places
        # it at one of its addresses only)
        if not (x.rows or y.rows) and places_conflict(x.countries, y.countries):
            yield "countries"
        if _related_party(x, y) or _related_party(y, x):
            yield "a name and a related party's (subsidiary, branch, management)"
    imo_x = {i.number for i in x.identifiers if i.kind == "imo"}
    imo_y = {i.number for i in y.identifiers if i.kind == "imo"}
    if imo_x and imo_y and not imo_x & imo_y:
        yield "IMO number"
    if x.group == "org" and y.group == "org":
        # (one company has one tax and one registration number in its
        # country's register, numbers of one length: two are a company and
        # its subsidiary, or its parent; a bank's four-digit licence, which
        # OFAC labels a registration, is not its OGRN)
        for kind in ("tax_id", "registration"):
            ids_x = {(i.country, len(i.number), i.number) for i in x.identifiers if i.kind == kind}
            ids_y = {(i.country, len(i.number), i.number) for i in y.identifiers if i.kind == kind}
            registers = {r[:2] for r in ids_x if r[0]} & {r[:2] for r in ids_y}
            if any(not {r for r in ids_x & ids_y if r[:2] == reg} for reg in registers):
                yield f"{kind} numbers of one country (a subsidiary?)"


def _primary_bags(*fs: Features) -> set[tuple[str, ...]]:
    """The token bags of the listings' primary names (their captions)."""
    return {n.bag for f in fs for n in f.strong_names() if n.original == f.caption}


def _refusal(profiles: Profiles, pid: str, a: str, b: str) -> str | None:
    """Why the linker refused the link between ``a`` and ``b`` (stored with
    the profile of ``a``), or ``None``."""
    profile = profiles.get(pid)
    if profile is None:
        return None
    for lk in profile.links:
        if {lk.a, lk.b} == {a, b} and lk.status == "refused":
            return lk.reason
    return None


def _bridged(conflict: str, x: Features, y: Features, members: list[Features]) -> bool:
    """Whether another listing of the profile agrees with both sides of a
    conflict on full birth dates or countries: Australia's Pyotr ZIMA gives
    both the UK's 1970-01-18 and OFAC's 1965-03-29, which the two then
    owe to no wrong join but to the lists' disagreement."""
    if conflict.startswith("full birth dates"):
        return any(
            z is not x
            and z is not y
            and set(z.birth_dates) & set(x.birth_dates)
            and set(z.birth_dates) & set(y.birth_dates)
            for z in members
        )
    if conflict == "countries":
        return any(
            z is not x and z is not y and z.countries & x.countries and z.countries & y.countries
            for z in members
        )
    return False


RELATED_PARTY_MARKS = tuple(
    w for w in RELATED_PARTY_WORDS if w not in ("branch", "services", "finance", "international")
)
"""The words of :data:`~thaw.profiles.evidence.RELATED_PARTY_WORDS` that
the audit reads as naming another party (not "branch", which the lists use
for the branch they list itself, "AL-HARAMAIN: BANGLADESH BRANCH", nor
"services", "finance" or "international", words of many parties' own names)."""


def _related_party(x: Features, y: Features) -> bool:
    """Whether the primary name of ``y`` is that of ``x`` and more, the more
    naming a party related to it (:data:`RELATED_PARTY_MARKS`): "RVC" and
    "RVC MANAGEMENT COMPANY"."""
    nx = next((n for n in x.strong_names() if n.original == x.caption), None)
    ny = next((n for n in y.strong_names() if n.original == y.caption), None)
    if nx is None or ny is None or not nx.tokens or len(ny.tokens) <= len(nx.tokens):
        return False
    extra = list(ny.tokens)
    for t in nx.tokens:
        if t not in extra:
            return False
        extra.remove(t)
    marks = {t for w in RELATED_PARTY_MARKS for t in analyze(w, "alias", "Organization").tokens}
    return bool(marks & set(extra))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--lists", type=Path, default=LISTS)
    parser.add_argument(
        "--home", type=Path, default=None, help="Use this store (else a fresh one)."
    )
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--misses", type=int, default=0)
    parser.add_argument("--no-incremental", action="store_true")
    parser.add_argument(
        "--audit", type=int, default=None, metavar="N", help="Audit splits and joins, N examples."
    )
    args = parser.parse_args()

    tmp = None
    if args.home is None:
        tmp = tempfile.TemporaryDirectory(prefix="thaw-profiles-")
        home = Path(tmp.name)
    else:
        home = args.home
    with Store(home) as store:
        if not store.active_publications():
            print("loading the newest publications:")
            files = list(NEWEST)
            if not args.no_incremental:
                files.remove("us_ofac/2024-05-03/sdn.csv")
                files.insert(0, OLDER_OFAC)
            load_files(store, args.lists, files)

        profiles = Profiles(store, auto_refresh=False)
        t0 = time.perf_counter()
        cpu0 = os.times()
        result = profiles.rebuild()
        full_seconds = time.perf_counter() - t0
        cpu1 = os.times()
        cpu_self = cpu1.user - cpu0.user + cpu1.system - cpu0.system
        cpu_children = (
            cpu1.children_user - cpu0.children_user + cpu1.children_system - cpu0.children_system
        )
        print(
            f"\nfull build: {result.listings} listings → {result.profiles} profiles, "
            f"{result.multi} with several authorities; {result.edges} links applied, "
            f"{result.refused} refused; {full_seconds:.1f} s wall ({result.timings}); "
            f"CPU {cpu_self:.1f} s in this process + {cpu_children:.1f} s in workers; "
            f"load average now {os.getloadavg()[0]:.1f}"
        )

        if not args.no_incremental and args.home is None:
            load_files(store, args.lists, ["us_ofac/2024-05-03/sdn.csv"])
            t0 = time.perf_counter()
            inc = profiles.refresh()
            print(
                f"incremental refresh after a new OFAC publication: {inc.changed} re-read, "
                f"{inc.removed} removed → {inc.profiles} profiles; {time.perf_counter() - t0:.1f} s"
            )
            after_incremental = _partition(profiles.memberships())
            t0 = time.perf_counter()
            profiles.rebuild()
            print(f"full rebuild of the same state: {time.perf_counter() - t0:.1f} s")
            after_full = _partition(profiles.memberships())
            differ = sum(1 for k, group in after_full.items() if after_incremental.get(k) != group)
            print(f"listings whose profile membership differs, incremental vs full: {differ}")

        # recall against the explicit references
        listings = [features_of(r) for r in store.active_records()]
        pairs, other = ground_truth(listings)
        by_source = Counter(a.split(":", 1)[0] for a, _ in pairs)
        stats = corpus_stats(listings)
        ctx = stats.context()
        t0 = time.perf_counter()
        off = link(listings, references=False, ctx=ctx)
        print(f"\npure linking without references: {time.perf_counter() - t0:.1f} s")
        r_off, missed = recall(off.clusters, pairs)
        memberships = profiles.memberships()
        stored_clusters: dict[str, list[str]] = {}
        for (s, i), pid in memberships.items():
            stored_clusters.setdefault(pid, []).append(f"{s}:{i}")
        r_on, missed_on = recall(list(stored_clusters.values()), pairs)
        print(
            f"ground truth: {len(pairs)} listings quoting a present UN listing ({dict(by_source)})"
        )
        print(
            f"recall, references off (identity evidence alone): {r_off:.2%} ({len(missed)} missed)"
        )
        for src in sorted(by_source):
            sub = [p for p in pairs if p[0].startswith(src + ":")]
            r, _m = recall(off.clusters, sub)
            print(f"    {src:14} {r:.2%} of {len(sub)}")
        print(f"recall, references on (stored profiles): {r_on:.2%} ({len(missed_on)} missed)")
        two_un = [
            members
            for members in stored_clusters.values()
            if sum(1 for k in members if k.startswith("un_sc:")) > 1
        ]
        two_un_off = [m for m in off.clusters if sum(1 for k in m if k.startswith("un_sc:")) > 1]
        print(
            f"profiles with two UN listings: {len(two_un)} stored,"
            f" {len(two_un_off)} without references"
        )
        kinds = Counter(e.kind for e in off.edges)
        print(f"links without references, by evidence: {dict(kinds)}")

        by_key = {f.key: f for f in listings}
        for a, b in missed[: args.misses]:
            fa, fb = by_key[a], by_key[b]
            edge = compare(fa, fb, ctx)
            print(f"  MISSED {a} {fa.caption!r} {fa.birth_dates} {sorted(fa.nationalities)}")
            print(f"      vs {b} {fb.caption!r} {fb.birth_dates} {sorted(fb.nationalities)}")
            print(f"      evidence: {edge.summary() if edge else 'none'}")

        if args.audit is not None:
            where = {f"{s}:{i}": pid for (s, i), pid in memberships.items()}
            audit(listings, where, ctx, args.audit, profiles)

        # a random sample of multi-authority profiles for review
        multi = [p for p in profiles.summary() if len({authority_of(s) for s in p[4]}) >= 2]
        rng = random.Random(args.seed)
        sample = rng.sample(multi, min(args.sample, len(multi)))
        print(
            f"\n{len(sample)} random profiles of {len(multi)} listed by several authorities"
            " (not counting the US lists among themselves):"
        )
        for n, (pid, _caption, _schema, _size, _sources) in enumerate(sample, 1):
            profile = profiles.get(pid, details=False)
            assert profile is not None
            print(f"\n[{n}] {profile.id} {profile.caption} ({profile.schema})")
            for m in profile.members:
                f = by_key.get(m.key)
                extra = ""
                if f is not None:
                    extra = f" dob={','.join(f.birth_dates[:3])}" if f.birth_dates else ""
                    extra += f" nat={','.join(sorted(f.nationalities))}" if f.nationalities else ""
                    extra += (
                        f" ctry={','.join(sorted(f.countries))}"
                        if f.countries and not f.nationalities
                        else ""
                    )
                print(f"    {m.key:32} {m.caption[:60]}{extra}")
            for lk in profile.links:
                if lk.status == "applied":
                    print(f"      + {lk.a} ~ {lk.b}: {lk.summary}")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
