"""Screening benchmark: accuracy and speed on every official list, with logic-v2 beside.

Loads the newest publication of every source found under the shared lists folder
into a temporary store (sources whose reader has not landed are skipped with a
message), builds the candidate index, then reports:

* **UN positives recall**: for each row of ``positives_un.csv``, the UN listing
  whose name or alias equals ``full_name`` must be among the hits at the default
  threshold (the query carries the row's date of birth and nationality);
* **alert rate** on ``negatives_us.csv``: the share of 50,000 people on no list
  that get any hit (screened as the batch command does);
* **alias hold-out**: for a sample of listings with two names or more, one name is
  removed from an index and screened; is the listing still found?
* **speed**: single-query p50/p99, batch names/s on 2 cores (on ``negatives_us.csv``
  and on the multilingual ``negatives_global_dev.csv``), cold start of a new
  process, peak memory;
* **cost per script** (also alone, ``--scripts``): µs CPU per name written in
  Chinese characters, Hangul, kana, Arabic script, Cyrillic or Latin letters
  (and the other scripts of the files), on first sight and repeated, with the
  first sight split into analysis, retrieval, entry decoding and scoring;
* **nomenklatura logic-v2** scoring the same candidates, for the throughput ratio:
  logic-v2 and thaw (compiled, then pure Python) are each timed in a fresh process
  holding only their own data (the garbage collector's view of it frozen), after
  an untimed pass over other rows of the same files: both meet the timed names for
  the first time, as a running service meets new names.

Usage::

    python benchmarks/screening.py [--home DIR] [--negatives 50000] [--holdout 2000] [--quick]
    python benchmarks/screening.py --home DIR --batch-only [--batch-runs 3]   # speed work
    python benchmarks/screening.py --home DIR --scripts [--per-script 400]   # cost per script
    python benchmarks/screening.py --home DIR --cold-start   # cold start alone

On a shared machine compare the CPU figures (µs per query, µs per row: user +
system time of the processes doing the work) rather than the wall-clock rates.

Targets: recall >= 99 % with <= 1 % of negatives alerting; p50 <= 0.3 ms;
>= 7,000 names/s on 2 cores (issue 11); >= 100x logic-v2 throughput; cold start <= 1 s;
RSS <= 1 GB.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("THAW_SHARED", ROOT.parent / "shared")) / "data"
_DATE_DIR = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def say(text: str = "") -> None:
    print(text, flush=True)


# -- loading ---------------------------------------------------------------------------


def newest_jobs(lists: Path) -> list[Any]:
    """The read job of the newest publication of every source under ``lists``."""
    from thaw.sources import SourceError, plan

    chosen: dict[str, tuple[str, Any]] = {}
    skipped: list[str] = []
    folders = [
        d
        for d in lists.glob("*/*")
        if d.is_dir() and _DATE_DIR.match(d.name) and not d.parent.name.startswith("_")
    ]
    for folder in sorted(folders, key=lambda d: d.name, reverse=True):
        for path in sorted(p for p in folder.iterdir() if p.is_file()):
            try:
                jobs = plan([path])
            except SourceError as exc:
                if "auxiliary file" not in str(exc):
                    skipped.append(f"{path.relative_to(lists)}: {exc.reason}")
                continue
            for job in jobs:
                source = job.reader.source
                if source not in chosen or chosen[source][0] < folder.name:
                    chosen[source] = (folder.name, job)
    for line in skipped:
        say(f"  skipped (no reader or refused): {line}")
    return [job for _, job in sorted(chosen.values(), key=lambda x: x[1].reader.source)]


def load_store(home: Path, lists: Path) -> None:
    """Load the newest publication of every source into the store at ``home``."""
    from thaw.store import LoadError, Store, load

    with Store(home) as store:
        if store.active_publications():
            say(f"  reusing the store at {home}")
            return
        for job in newest_jobs(lists):
            t0 = time.perf_counter()
            try:
                result = load(store, job)
            except LoadError as exc:
                say(f"  refused {job.path}: {exc}")
                continue
            pub = result.publication
            say(
                f"  {pub.source:14} {pub.published[:10]}  {pub.record_count:>6} records"
                f"  {time.perf_counter() - t0:5.1f} s  ({job.path.relative_to(lists)})"
            )


# -- bench data ------------------------------------------------------------------------


def read_csv(path: Path, limit: int | None = None) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return rows[:limit] if limit else rows


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _date(value: str) -> str | None:
    from thaw.screen.inputs import ScreenInputError, parse_birth_date

    try:
        return parse_birth_date(value)
    except ScreenInputError:
        return None


def _country(value: str) -> str | None:
    from thaw.screen.inputs import ScreenInputError, parse_countries

    try:
        codes = parse_countries(value)
    except ScreenInputError:
        return None
    return ";".join(codes) or None


def query_of(row: dict[str, str], schema: str | None) -> Any:
    from thaw.screen import make_query

    return make_query(
        row["full_name"],
        schema,
        _date(row.get("date_of_birth", "")),
        _country(row.get("nationality", "")),
    )


# -- measures --------------------------------------------------------------------------


def percent(part: float, whole: float) -> str:
    return f"{100.0 * part / whole:.2f} %" if whole else "n/a"


def un_recall(screener: Any, bench: Path) -> dict[str, Any]:
    """Recall of the UN listing for each positive row (see the module docs)."""
    index = screener.index
    by_name: dict[str, list[str]] = {}
    for position in range(len(index)):
        key = index.listing_keys[position]
        if not key.startswith("un_sc:"):
            continue
        entry = index.entry(position)
        for analyzed, _kind in entry.names:
            by_name.setdefault(_norm(analyzed.original), []).append(entry.source_id)
    rows = read_csv(bench / "positives_un.csv")
    found = found_top = retrieved = without_target = 0
    misses: list[str] = []
    for row in rows:
        targets = set(by_name.get(_norm(row["full_name"]), []))
        if not targets:
            without_target += 1
            continue
        query = query_of(row, None)
        result = screener.screen_query(query, limit=100)
        ids = [h.listings[0].source_id for h in result.hits if h.listings[0].source == "un_sc"]
        top = [h.listings[0].source_id for h in result.hits[:10] if h.listings[0].source == "un_sc"]
        cands = {
            index.listing_keys[c.position]
            for c in index.candidates(
                query.name,
                schema=query.schema,
                limit=screener.candidates,
                min_coverage=screener.min_coverage,
            )
        }
        retrieved += bool({f"un_sc:{t}" for t in targets} & cands)
        found += bool(targets & set(ids))
        found_top += bool(targets & set(top))
        if not targets & set(ids) and len(misses) < 15:
            best = ", ".join(f"{h.name} {h.score:.2f}" for h in result.hits[:2]) or "no hit"
            misses.append(
                f"{row['full_name']} ({row.get('date_of_birth')}, {row.get('nationality')})"
                f" -> {sorted(targets)}; best: {best}"
            )
    n = len(rows) - without_target
    return {
        "rows": len(rows),
        "without_target": without_target,
        "n": n,
        "found": found,
        "found_top10": found_top,
        "retrieved": retrieved,
        "misses": misses,
    }


def alias_holdout(
    entries: list[Any], sample: int, candidates: int, min_coverage: float
) -> dict[str, Any]:
    """Screen one held-out name of listings with two names or more against an
    index holding the listing without that name."""
    from thaw.index import CandidateIndex
    from thaw.match import Query
    from thaw.screen import Screener

    rng = random.Random(20240601)
    eligible = [i for i, e in enumerate(entries) if len({a.key for a, _ in e.names}) >= 2]
    picked = rng.sample(eligible, min(sample, len(eligible)))
    held: dict[int, tuple[str, str]] = {}
    modified = list(entries)
    for i in picked:
        entry = entries[i]
        names = list(entry.names)
        j = rng.randrange(len(names))
        analyzed, kind = names[j]
        rest = tuple(n for k, n in enumerate(names) if k != j and n[0].key != analyzed.key)
        if not rest:
            continue
        held[i] = (analyzed.original, kind)
        modified[i] = replace(entry, names=rest)
    screener = Screener(
        index=CandidateIndex.build(modified), candidates=candidates, min_coverage=min_coverage
    )
    found = retrieved = 0
    by_kind: dict[str, list[int]] = {}
    for i, (name, kind) in held.items():
        entry = entries[i]
        result = screener.screen_query(Query(name, entry.schema), limit=100)
        ok = any(
            h.listings[0].source == entry.source and h.listings[0].source_id == entry.source_id
            for h in result.hits
        )
        cands = screener.index.candidates(
            name, schema=entry.schema, limit=candidates, min_coverage=min_coverage
        )
        retrieved += any(c.position == i for c in cands)
        found += ok
        by_kind.setdefault(kind, [0, 0])
        by_kind[kind][0] += ok
        by_kind[kind][1] += 1
    return {"n": len(held), "found": found, "retrieved": retrieved, "by_kind": by_kind}


def latencies(screener: Any, queries: list[Any]) -> list[float]:
    out = []
    for query in queries:
        t0 = time.perf_counter()
        screener.screen_query(query)
        out.append(time.perf_counter() - t0)
    return out


def cpu_seconds() -> float:
    """CPU time of this process so far (user + system): the fair figure on a shared
    machine, where wall times grow with everybody else's load."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def stage_times(screener: Any, queries: list[Any]) -> dict[str, float]:
    """Mean CPU µs per query (``time.process_time``: on a loaded machine the wall
    clock counts other processes' turns) for analysis, candidate retrieval,
    decoding the candidates' entries (first use only) and scoring them with
    explanations (fresh names)."""
    from thaw.text import analyze_name

    clock = time.process_time
    analysis = retrieval = decoding = scoring = 0.0
    scored = 0
    analyze_name.cache_clear()
    index = screener.index
    matcher = screener.matcher()
    for query in queries:
        t0 = clock()
        analyzed = analyze_name(query.name, query.schema)
        t1 = clock()
        found = index.candidates(analyzed, schema=query.schema, limit=screener.candidates)
        t2 = clock()
        entries = [index.entry(c.position) for c in found]
        t3 = clock()
        for entry in entries:
            matcher.score(query, entry)
        t4 = clock()
        analysis += t1 - t0
        retrieval += t2 - t1
        decoding += t3 - t2
        scoring += t4 - t3
        scored += len(found)
    n = max(len(queries), 1)
    return {
        "analysis_us": analysis / n * 1e6,
        "retrieval_us": retrieval / n * 1e6,
        "decoding_us": decoding / n * 1e6,
        "scoring_us": scoring / n * 1e6,
        "candidates": scored / n,
        "score_us_per_candidate": scoring / max(scored, 1) * 1e6,
    }


_PEAK_RSS_KB = (
    "def peak_rss_kb():\n"
    "    # VmHWM: ru_maxrss survives exec and would report the benchmark's own peak\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM'):\n"
    "            return int(line.split()[1])\n"
    "    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
)
"""Source of ``peak_rss_kb()`` for the measuring child processes."""


def _child(code: str, env: dict[str, str] | None = None, drop: tuple[str, ...] = ()) -> str:
    """What a new Python process running ``code`` prints (``env`` added to ours,
    the variables ``drop`` left out)."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**{k: v for k, v in os.environ.items() if k not in drop}, **(env or {})},
    )
    return done.stdout


def cold_start(home: Path, bytecode: bool = True) -> dict[str, float]:
    """A new process: import, open the store, load the index, screen one name;
    the best of three. With ``bytecode``, as an installed copy runs it, its
    modules imported from their compiled bytecode (``pip install`` compiles
    every module it installs; ``uv pip install`` with ``--compile-bytecode``):
    an untimed first run writes the bytecode to a temporary folder
    (``PYTHONPYCACHEPREFIX``, never the sources' folders; with
    ``PYTHONDONTWRITEBYTECODE`` left out, which would keep it from being
    written). Without, every module is compiled from its source as it is
    imported, as in a development tree with ``PYTHONDONTWRITEBYTECODE`` set
    (about half a second of CPU more). ``cpu_s`` is the process's CPU time
    (user + system), the figure to compare on a shared machine."""
    code = (
        "import time, resource; t0 = time.perf_counter()\n"
        "from thaw.screen import Screener\n"
        f"s = Screener({str(home)!r}); t1 = time.perf_counter()\n"
        "s.screen('Kirill Dmitriev', country='ru'); t2 = time.perf_counter()\n"
        "u = resource.getrusage(resource.RUSAGE_SELF)\n"
        + _PEAK_RSS_KB
        + "print(t1 - t0, t2 - t0, peak_rss_kb(), u.ru_utime + u.ru_stime)\n"
    )
    with tempfile.TemporaryDirectory(prefix="thaw-bytecode-") as cache:
        env = {"PYTHONDONTWRITEBYTECODE": "1"}
        drop: tuple[str, ...] = ("PYTHONPYCACHEPREFIX",)
        if bytecode:
            env, drop = {"PYTHONPYCACHEPREFIX": cache}, ("PYTHONDONTWRITEBYTECODE",)
            _child(code, env, drop)  # (writes the bytecode)
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            ready, first, rss, cpu = _child(code, env, drop).split()
            wall = time.perf_counter() - t0
            runs.append((wall, float(ready), float(first), int(rss), float(cpu)))
    best = min(runs)
    return {
        "process_s": best[0],
        "ready_s": best[1],
        "first_screen_s": best[2],
        "rss_mb": best[3] / 1024,
        "cpu_s": min(r[4] for r in runs),
    }


def cold_start_section(home: Path) -> dict[str, float]:
    """Say and give the cold start, as installed (bytecode) and from source."""
    say("\n== cold start (new process: import, load index, screen one name)")
    cs = cold_start(home)
    say(
        f"  process {cs['process_s']:.2f} s (index ready {cs['ready_s']:.2f} s,"
        f" first result {cs['first_screen_s']:.2f} s after start), CPU {cs['cpu_s']:.2f} s,"
        f" RSS {cs['rss_mb']:.0f} MB (as installed: modules from their bytecode)"
    )
    source = cold_start(home, bytecode=False)
    say(
        f"  process {source['process_s']:.2f} s, CPU {source['cpu_s']:.2f} s from source"
        " (no bytecode: every module compiled as it is imported)"
    )
    return cs


#: The scripts :func:`script_costs` reports, in that order, with the Unicode name
#: prefix of a letter written in each (a name with kana is ``Kana`` whatever else
#: it holds; a Chinese character is ``CJK``).
SCRIPTS: tuple[tuple[str, str], ...] = (
    ("Han", "CJK"),
    ("Hangul", "HANGUL"),
    ("Kana", "KANA"),
    ("Arabic", "ARABIC"),
    ("Cyrillic", "CYRILLIC"),
    ("Latin", "LATIN"),
    ("Devanagari", "DEVANAGARI"),
    ("Thai", "THAI"),
    ("Hebrew", "HEBREW"),
)


def name_script(name: str) -> str:
    """The script a name is written in, as :data:`SCRIPTS` names it (``Kana`` for a
    Japanese name with kana, else the script of its first letter; ``other``)."""
    import unicodedata

    first = ""
    for ch in name:
        if ch.isalpha():
            uname = unicodedata.name(ch, "")
            if "HIRAGANA" in uname or "KATAKANA" in uname:
                return "Kana"
            first = first or uname
    for script, prefix in SCRIPTS:
        if first.startswith(prefix):
            return script
    return "other"


def script_queries(bench: Path, per_script: int, warm_up: int) -> tuple[list[Any], list[Any]]:
    """The rows :func:`script_costs` screens, as ``thaw screen-file`` checks them:
    ``warm_up`` rows from the end of the files, then up to ``per_script`` names of
    each script of :data:`SCRIPTS` (``negatives_global_dev.csv``, then
    ``negatives_us.csv`` for a script with too few), none seen before, in the
    files' order (the scripts interleaved, as a customer file has them)."""
    from thaw.screen.batch import check_fields

    rows = read_csv(bench / "negatives_global_dev.csv") + read_csv(bench / "negatives_us.csv")
    warm_rows = rows[len(rows) - warm_up :]
    seen = {r["full_name"] for r in warm_rows}
    counts = {script: 0 for script, _ in SCRIPTS}
    timed: list[Any] = []
    for n, row in enumerate(rows[: len(rows) - warm_up], start=1):
        name = row["full_name"]
        script = name_script(name)
        if counts.get(script, per_script) >= per_script or name in seen:
            continue
        query, _ident, _problems = check_fields({k.lower(): v for k, v in row.items()}, n)
        if query is not None:
            seen.add(name)
            counts[script] += 1
            timed.append(query)
    warm: list[Any] = []
    for n, row in enumerate(warm_rows, start=1):
        query, _ident, _problems = check_fields({k.lower(): v for k, v in row.items()}, n)
        if query is not None:
            warm.append(query)
    return warm, timed


def script_costs(
    home: Path, bench: Path, per_script: int, warm_up: int, stages: bool
) -> dict[str, Any]:
    """µs CPU per name by script (:func:`name_script`) in this process (run it in a
    fresh one: :func:`script_costs_child`): after screening the warm-up rows of
    :func:`script_queries` untimed, each timed row is screened as
    :meth:`thaw.screen.Screener.screen_query` screens it, on first sight (nothing of
    the name remembered), then each again (repeated); with ``stages``, first sight
    only, split into analysis (the name and its readings), retrieval, entry decoding
    (a listing's first use) and scoring with the hits' explanations, as
    ``screen_query`` does them. The garbage collector runs as in a batch worker
    (its thresholds, what the warm-up left frozen)."""
    import gc

    from thaw.screen import Screener
    from thaw.screen.batch import WORKER_GC_THRESHOLDS
    from thaw.text import analyze_name, name_variants

    clock = time.process_time
    screener = Screener(home)
    index = screener.index
    matcher = screener.matcher()
    warm, timed = script_queries(bench, per_script, warm_up)
    gc.set_threshold(*WORKER_GC_THRESHOLDS)
    for query in warm:
        screener.screen_query(query)
    gc.freeze()
    scripts = [name_script(q.name) for q in timed]
    sums: dict[str, list[float]] = {script: [0.0] * 6 for script, _ in SCRIPTS}
    if not stages:
        for k in (0, 1):
            for script, query in zip(scripts, timed, strict=True):
                t0 = clock()
                screener.screen_query(query)
                sums[script][k] += clock() - t0
    else:
        for script, query in zip(scripts, timed, strict=True):
            t0 = clock()
            analyze_name(query.name, query.schema)
            for variant in name_variants(query.name, query.schema):
                analyze_name(variant, query.schema)
            t1 = clock()
            found = screener.candidates_of(query)
            t2 = clock()
            entries = [index.entry(c.position) for c in found]
            t3 = clock()
            pending = [matcher.pending_at_least(query, entry, 0.7) for entry in entries]
            hits = sorted((p for p in pending if p is not None), key=lambda p: -p.score)
            for p in hits[:10]:
                matcher.explain(p)
            t4 = clock()
            for k, value in enumerate((t1 - t0, t2 - t1, t3 - t2, t4 - t3, len(found))):
                sums[script][k] += value
    out: dict[str, Any] = {}
    for script, _ in SCRIPTS:
        n = scripts.count(script)
        if n:
            out[script] = {"n": n, "us": [v / n * 1e6 for v in sums[script][:4]]}
            out[script]["candidates"] = sums[script][4] / n
    return out


def script_costs_child(
    home: Path, bench: Path, per_script: int, warm_up: int, stages: bool
) -> dict[str, Any]:
    """:func:`script_costs` in a fresh process (nothing remembered but the index)."""
    code = _CHILD_HEAD + (
        f"out = B.script_costs(Path({str(home)!r}), Path({str(bench)!r}), {per_script},"
        f" {warm_up}, {stages})\n"
        "print(json.dumps(out))\n"
    )
    return dict(json.loads(_child(code).strip().splitlines()[-1]))


def scripts_section(args: Any, home: Path) -> None:
    """Run and report :func:`script_costs` (``--script-runs`` times, each in fresh
    processes: the totals in one, the stages of first sight in another, both after
    the same warm-up)."""
    say(
        f"\n== CPU per name by script: up to {args.per_script} names each, first sight and"
        f" repeated, after {args.script_warm_up:,} other rows (screen-file rows, µs CPU)"
    )
    for _ in range(max(1, args.script_runs)):
        load0 = os.getloadavg()[0]
        costs = script_costs_child(home, args.bench, args.per_script, args.script_warm_up, False)
        staged = script_costs_child(home, args.bench, args.per_script, args.script_warm_up, True)
        say(
            f"  {'script':10} {'names':>5} {'first':>6} {'again':>6}   first sight:"
            f" {'analysis':>8} {'retrieval':>9} {'decoding':>8} {'scoring':>7} {'cands':>5}"
        )
        for script, c in costs.items():
            a, r, d, sc = staged[script]["us"]
            say(
                f"  {script:10} {c['n']:>5} {c['us'][0]:>6.0f} {c['us'][1]:>6.0f}"
                f"                {a:>8.0f} {r:>9.0f} {d:>8.0f} {sc:>7.0f}"
                f" {staged[script]['candidates']:>5.1f}"
            )
        say(f"  load average {load0:.1f} at start, {os.getloadavg()[0]:.1f} at the end")


def batch(
    home: Path,
    bench: Path,
    workers: int,
    limit: int | None,
    candidates: int,
    min_coverage: float,
    file: str = "negatives_us.csv",
) -> dict[str, Any]:
    """``screen_file`` over the negatives (``file`` of ``bench``), in a child process
    (own RSS figures)."""
    path = bench / file
    output = Path(tempfile.mkdtemp(prefix="thaw-bench-")) / "results.jsonl"
    if limit:
        tmp = Path(tempfile.mkdtemp(prefix="thaw-bench-")) / "negatives.csv"
        with open(path, encoding="utf-8") as fh, open(tmp, "w", encoding="utf-8") as out:
            for i, line in enumerate(fh):
                if i > limit:
                    break
                out.write(line)
        path = tmp
    code = (
        "import json, resource, time\n" + _PEAK_RSS_KB + "from pathlib import Path\n"
        "t0 = time.perf_counter()\n"
        "from thaw.screen import Screener\n"
        "from thaw.screen.batch import screen_file\n"
        f"s = Screener({str(home)!r}, candidates={candidates}, min_coverage={min_coverage})\n"
        "ready = time.perf_counter() - t0\n"
        "def cpu(who):\n"
        "    u = resource.getrusage(who)\n"
        "    return u.ru_utime + u.ru_stime\n"
        "c0 = cpu(resource.RUSAGE_SELF)\n"
        f"out = open({str(output)!r}, 'w', encoding='utf-8')\n"
        f"summary = screen_file(Path({str(path)!r}), out, s, workers={workers})\n"
        "out.close()\n"
        "print(json.dumps({'rows': summary.rows, 'screened': summary.screened, "
        "'ready_s': ready, 'cpu_parent_s': cpu(resource.RUSAGE_SELF) - c0, "
        "'cpu_workers_s': cpu(resource.RUSAGE_CHILDREN), "
        "'with_hits': summary.with_hits, 'seconds': summary.seconds, 'rate': summary.rate, "
        "'skipped': summary.skipped, 'workers': summary.workers, "
        "'rss_parent_mb': peak_rss_kb() / 1024, "
        "'rss_worker_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))\n"
    )
    return dict(json.loads(_child(code).strip().splitlines()[-1]))


def nk_queries(bench: Path, nk: int, warm_up: bool = False) -> list[Any]:
    """The queries of the logic-v2 comparison: half UN positives (schema unknown),
    half negatives (people); with ``warm_up``, as many other rows of each file,
    which both matchers see before they are timed on the first ones."""
    half = nk // 2
    cut = slice(half, 2 * half) if warm_up else slice(0, half)
    queries = [query_of(r, None) for r in read_csv(bench / "positives_un.csv")[cut]]
    queries += [query_of(r, "Person") for r in read_csv(bench / "negatives_us.csv")[cut]]
    return queries


def ftm_listing(record: Any) -> Any:
    """A listing as the FollowTheMoney entity logic-v2 compares."""
    from followthemoney import model

    schema = record.schema if record.schema in model.schemata else "LegalEntity"
    e = model.make_entity(schema)
    e.id = record.key.replace(":", "-")
    for name in record.names:
        e.add("name", name.value, quiet=True)
    e.add("birthDate", record.birth_dates, quiet=True)
    e.add("nationality", record.nationalities + record.citizenships, quiet=True)
    e.add("country", record.countries, quiet=True)
    return e


def ftm_query(query: Any, n: int) -> Any:
    """A query as the FollowTheMoney entity logic-v2 compares."""
    from followthemoney import model

    e = model.make_entity(query.schema or "LegalEntity")
    e.id = f"q{n}"
    e.add("name", query.name)
    if query.birth_date:
        e.add("birthDate", query.birth_date, quiet=True)
    e.add("nationality", list(query.countries), quiet=True)
    return e


_CHILD_HEAD = (
    "import gc, json, sys, time\n"
    f"sys.path.insert(0, {str(ROOT / 'benchmarks')!r})\n"
    "import screening as B\n"
    "from pathlib import Path\n"
)


def logic_v2_seconds(
    home: Path, bench: Path, nk: int, keys: list[list[str]], warm_keys: list[list[str]]
) -> float:
    """nomenklatura logic-v2 scoring thaw's candidates (``keys`` per query of
    :func:`nk_queries`) in a fresh process holding only its own entities, after
    scoring the warm-up queries' candidates (``warm_keys``) untimed."""
    path = Path(tempfile.mkdtemp(prefix="thaw-bench-")) / "keys.json"
    path.write_text(json.dumps([keys, warm_keys]), encoding="utf-8")
    code = _CHILD_HEAD + (
        "from nomenklatura.matching import LogicV2, ScoringConfig\n"
        "from thaw.store import Store\n"
        f"keys, warm_keys = json.loads(Path({str(path)!r}).read_text())\n"
        f"bench = Path({str(bench)!r})\n"
        f"sets = [(B.nk_queries(bench, {nk}, warm_up=True), warm_keys),"
        f" (B.nk_queries(bench, {nk}), keys)]\n"
        "needed = {k for _, kss in sets for ks in kss for k in ks}\n"
        f"with Store({str(home)!r}) as store:\n"
        "    entities = {r.key: B.ftm_listing(r) for r in store.active_records()"
        " if r.key in needed}\n"
        "config = ScoringConfig.defaults()\n"
        "gc.collect(); gc.freeze()\n"
        "for n, (queries, kss) in enumerate(sets):\n"
        "    qents = [B.ftm_query(q, f'{n}-{i}') for i, q in enumerate(queries)]\n"
        "    t0 = time.perf_counter()\n"
        "    for qe, ks in zip(qents, kss):\n"
        "        for k in ks:\n"
        "            LogicV2.compare(qe, entities[k], config)\n"
        "    elapsed = time.perf_counter() - t0\n"
        "print(elapsed)\n"
    )
    return float(_child(code).split()[-1])


def thaw_seconds(home: Path, bench: Path, nk: int, pure: bool) -> float:
    """thaw end to end on the :func:`nk_queries` in a fresh process, after its
    warm-up (:meth:`thaw.screen.Screener.warm_up`, which a service's workers and
    batch screening call before their first name: the Japanese reader alone
    takes half a second to load, which one name in kanji among the timed ones
    would otherwise pay) and the warm-up queries, untimed (as a running
    service has seen other names before); ``pure``: with
    ``THAW_PURE_PYTHON=1`` (the same code, not compiled)."""
    code = _CHILD_HEAD + (
        "from thaw import _native\n"
        "from thaw.screen import Screener\n"
        f"assert _native.status().startswith('pure') == {pure}, _native.status()\n"
        f"bench = Path({str(bench)!r})\n"
        f"s = Screener({str(home)!r})\n"
        "s.index.warm()  # every entry decoded, as logic-v2's entities are all built\n"
        "s.warm_up()  # the lazily loaded readers, as a service's workers load them first\n"
        f"for q in B.nk_queries(bench, {nk}, warm_up=True): s.screen_query(q)\n"
        f"queries = B.nk_queries(bench, {nk})\n"
        "gc.collect(); gc.freeze()\n"
        "t0 = time.perf_counter()\n"
        "for q in queries: s.screen_query(q)\n"
        "print(time.perf_counter() - t0)\n"
    )
    return float(_child(code, {"THAW_PURE_PYTHON": "1" if pure else "0"}).split()[-1])


def logic_v2(screener: Any, home: Path, bench: Path, nk: int) -> dict[str, Any]:
    """logic-v2 and thaw on the same queries and candidates, each timed in a fresh
    process of its own (neither pays for the other's data or this benchmark's)."""

    def candidates(queries: list[Any]) -> list[list[int]]:
        return [
            [
                c.position
                for c in screener.index.candidates(
                    q.name,
                    schema=q.schema,
                    limit=screener.candidates,
                    min_coverage=screener.min_coverage,
                )
            ]
            for q in queries
        ]

    queries = nk_queries(bench, nk)
    positions = candidates(queries)
    keys = [[screener.index.listing_keys[p] for p in ps] for ps in positions]
    warm = candidates(nk_queries(bench, nk, warm_up=True))
    warm_keys = [[screener.index.listing_keys[p] for p in ps] for ps in warm]
    matcher = screener.matcher()
    t0 = time.perf_counter()
    for query, found in zip(queries, positions, strict=True):
        for position in found:
            matcher.score(query, screener.index.entry(position))
    scoring = time.perf_counter() - t0
    return {
        "queries": len(queries),
        "pairs": sum(len(k) for k in keys),
        "nk_s": logic_v2_seconds(home, bench, nk, keys, warm_keys),
        "thaw_total_s": thaw_seconds(home, bench, nk, pure=False),
        "thaw_pure_s": thaw_seconds(home, bench, nk, pure=True),
        "thaw_scoring_s": scoring,
    }


def batch_section(
    args: Any, home: Path, screener: Any, file: str = "negatives_us.csv"
) -> tuple[dict[str, Any], float, int]:
    """Run and report the batch measure on ``file`` (``--batch-runs`` times, the
    fastest kept): its figures, its CPU seconds (parent and workers) and the rows
    screened."""
    say(
        f"\n== batch: up to {args.negatives:,} rows of {file}, {args.workers} workers (screen_file)"
    )
    runs = []
    for _ in range(max(1, args.batch_runs)):
        b = batch(
            home,
            args.bench,
            args.workers,
            args.negatives,
            screener.candidates,
            screener.min_coverage,
            file,
        )
        batch_cpu = b["cpu_parent_s"] + b["cpu_workers_s"]
        screened = max(b["screened"], 1)
        say(
            f"  {b['screened']:,} rows in {b['seconds']:.1f} s: {b['rate']:,.0f} names/s"
            f" ({b['workers']} workers); RSS parent {b['rss_parent_mb']:.0f} MB,"
            f" worker {b['rss_worker_mb']:.0f} MB; load average {os.getloadavg()[0]:.1f}"
        )
        say(
            f"  CPU: parent {b['cpu_parent_s']:.1f} s, workers {b['cpu_workers_s']:.1f} s ="
            f" {batch_cpu / screened * 1e6:.0f} µs per row ({screened / batch_cpu:,.0f} rows per"
            f" CPU-second; {args.workers} idle cores: about"
            f" {args.workers * screened / batch_cpu:,.0f} names/s); index loaded in"
            f" {b['ready_s']:.2f} s before that"
        )
        say(
            f"  alert rate: {percent(b['with_hits'], b['screened'])}"
            f" ({b['with_hits']:,} rows with a hit)"
        )
        runs.append((b, batch_cpu, screened))
    if len(runs) > 1:
        fastest = max(runs, key=lambda r: r[0]["rate"])
        say(
            f"  fastest of {len(runs)} runs: {fastest[0]['rate']:,.0f} names/s,"
            f" {fastest[1] / fastest[2] * 1e6:.0f} µs CPU per row"
        )
        return fastest
    return runs[0]


# -- main ------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--home", type=Path, help="store to use (kept); default: a temporary one")
    parser.add_argument("--lists", type=Path, default=SHARED / "lists")
    parser.add_argument("--bench", type=Path, default=SHARED / "bench")
    parser.add_argument("--negatives", type=int, default=50_000, help="negatives screened in batch")
    parser.add_argument("--holdout", type=int, default=2_000, help="listings in the alias hold-out")
    parser.add_argument("--latency", type=int, default=3_000, help="queries timed one by one")
    parser.add_argument("--nk", type=int, default=200, help="queries scored by logic-v2")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--candidates", type=int, help="candidates scored per query at most")
    parser.add_argument("--min-coverage", type=float, help="least coverage of a candidate")
    parser.add_argument(
        "--batch-only",
        action="store_true",
        help="load the store and index, then run only the batch measure (speed work)",
    )
    parser.add_argument(
        "--batch-runs", type=int, default=1, help="batch measures run (the fastest is kept)"
    )
    parser.add_argument(
        "--cold-start",
        action="store_true",
        help="load the store and index, then run only the cold start measure",
    )
    parser.add_argument(
        "--scripts",
        action="store_true",
        help="load the store and index, then run only the cost per script and the batch"
        " measure on both files",
    )
    parser.add_argument("--per-script", type=int, default=400, help="names timed per script")
    parser.add_argument(
        "--script-warm-up", type=int, default=2_000, help="rows screened before timing scripts"
    )
    parser.add_argument(
        "--script-runs", type=int, default=1, help="cost-per-script measures run (fresh each)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smaller samples for iterating (10,000 negatives, 300 hold-outs, 1,000 timed"
        " queries, 100 logic-v2 queries)",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.negatives = min(args.negatives, 10_000)
        args.holdout = min(args.holdout, 300)
        args.latency = min(args.latency, 1_000)
        args.nk = min(args.nk, 100)

    home = args.home or Path(tempfile.mkdtemp(prefix="thaw-bench-home-"))
    say(f"thaw screening benchmark — store {home}")
    say(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
    from thaw import _native

    say(f"thaw's hot-path modules: {_native.status()}")
    say("\n== loading the newest publication of every source")
    t0 = time.perf_counter()
    load_store(home, args.lists)
    say(f"  loaded in {time.perf_counter() - t0:.1f} s")

    import thaw.match
    from thaw.index import ensure_index, index_path
    from thaw.screen import Screener
    from thaw.store import Store
    from thaw.text import analyze_name

    with Store(home) as store:
        path = index_path(store)
        t0 = time.perf_counter()
        if not path.exists():
            ensure_index(store)
            say(f"  index built and saved in {time.perf_counter() - t0:.1f} s")
    screener = Screener(home)
    if args.candidates is not None:
        screener.candidates = args.candidates
    if args.min_coverage is not None:
        screener.min_coverage = args.min_coverage
    index = screener.index
    say(f"  index: {len(index):,} listings, {path.stat().st_size / 1e6:.1f} MB on disk")
    by_source: dict[str, int] = {}
    for key in index.listing_keys:
        source = key.split(":")[0]
        by_source[source] = by_source.get(source, 0) + 1
    say("  " + ", ".join(f"{s} {n:,}" for s, n in sorted(by_source.items())))
    say(
        f"  default threshold {thaw.match.DEFAULT_THRESHOLD}; at most {screener.candidates}"
        f" candidates of coverage >= {screener.min_coverage} scored per query"
    )

    if args.cold_start:
        cold_start_section(home)
        return 0
    if args.batch_only or args.scripts:
        if args.scripts:
            scripts_section(args, home)
        batch_section(args, home, screener)
        if args.scripts:
            batch_section(args, home, screener, "negatives_global_dev.csv")
        say(f"\n  load average at the end {os.getloadavg()[0]:.1f} (the machine is shared)")
        return 0

    say("\n== UN positives recall")
    un = un_recall(screener, args.bench)
    n = un["n"]
    say(
        f"  rows {un['rows']}, with their UN listing in the index {n}"
        f" (no listing: {un['without_target']})"
    )
    say(
        f"  recall at the default threshold: {percent(un['found'], n)} ({un['found']}/{n});"
        f" within the first 10 hits: {percent(un['found_top10'], n)}"
    )
    say(f"  candidate retrieval recall: {percent(un['retrieved'], n)}")
    for miss in un["misses"]:
        say(f"    miss: {miss}")

    say("\n== alias hold-out")
    entries = list(index.entries())
    ho = alias_holdout(entries, args.holdout, screener.candidates, screener.min_coverage)
    say(
        f"  listings {ho['n']}: found {percent(ho['found'], ho['n'])},"
        f" retrieved as candidate {percent(ho['retrieved'], ho['n'])}"
    )
    for kind, (ok, total) in sorted(ho["by_kind"].items()):
        say(f"    held-out {kind:8} names: {percent(ok, total)} of {total}")

    say("\n== speed: single queries")
    negatives = read_csv(args.bench / "negatives_us.csv")
    latencies(screener, [query_of(r, "Person") for r in negatives[-1000:]])  # warm up
    sample = [query_of(r, "Person") for r in negatives[: args.latency]]
    sample += [query_of(r, None) for r in read_csv(args.bench / "positives_un.csv")]
    analyze_name.cache_clear()
    cpu0 = cpu_seconds()
    times = sorted(latencies(screener, sample))
    cpu_per_query = (cpu_seconds() - cpu0) / max(len(times), 1)
    p50 = times[len(times) // 2] * 1e3
    p99 = times[int(len(times) * 0.99)] * 1e3
    say(
        f"  {len(times)} distinct queries: p50 {p50:.3f} ms, p99 {p99:.3f} ms,"
        f" mean {statistics.fmean(times) * 1e3:.3f} ms; CPU {cpu_per_query * 1e6:.0f} µs per query"
    )
    stages = stage_times(screener, sample[:1000])
    say(
        "  CPU per query (fresh names): analysis {analysis_us:.0f} µs, retrieval"
        " {retrieval_us:.0f} µs, entry decoding {decoding_us:.0f} µs, scoring"
        " {scoring_us:.0f} µs ({candidates:.1f} candidates, {score_us_per_candidate:.1f} µs"
        " each, explained)".format(**stages)
    )

    cs = cold_start_section(home)

    scripts_section(args, home)

    b, batch_cpu, screened = batch_section(args, home, screener)
    bg, bg_cpu, bg_screened = batch_section(args, home, screener, "negatives_global_dev.csv")

    say("\n== nomenklatura logic-v2 on the same candidates (each in a fresh process)")
    lv = logic_v2(screener, home, args.bench, args.nk)
    nk_rate = lv["queries"] / lv["nk_s"] if lv["nk_s"] else float("inf")
    thaw_rate = lv["queries"] / lv["thaw_total_s"]
    pure_rate = lv["queries"] / lv["thaw_pure_s"]
    pairs = max(lv["pairs"], 1)
    say(f"  {lv['queries']} queries, {lv['pairs']:,} candidate pairs")
    say(
        f"  logic-v2: {lv['nk_s']:.2f} s ({lv['nk_s'] / pairs * 1e6:.0f} µs/pair,"
        f" {nk_rate:,.0f} names/s)"
    )
    say(
        f"  thaw:     {lv['thaw_total_s']:.3f} s end to end ({thaw_rate:,.0f} names/s);"
        f" scoring alone {lv['thaw_scoring_s'] / pairs * 1e6:.1f} µs/pair (with explanations)"
    )
    ratio = thaw_rate / nk_rate
    say(
        f"  throughput ratio (thaw end to end / logic-v2 scoring only): {ratio:,.1f}x;"
        f" per pair scored: {lv['nk_s'] / lv['thaw_scoring_s']:,.0f}x"
    )
    say(
        f"  thaw pure Python (THAW_PURE_PYTHON=1): {lv['thaw_pure_s']:.3f} s"
        f" ({pure_rate:,.0f} names/s, {pure_rate / nk_rate:,.1f}x)"
    )

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    say("\n== summary (target)")
    say(f"  UN positives recall     {percent(un['found'], n):>10}   (>= 99 %)")
    say(f"  negatives alerting      {percent(b['with_hits'], b['screened']):>10}   (<= 1 %)")
    say(f"  alias hold-out recall   {percent(ho['found'], ho['n']):>10}")
    say(f"  p50 / p99               {p50:.3f} / {p99:.3f} ms   (p50 <= 0.3 ms)")
    say(f"  CPU per single query    {cpu_per_query * 1e6:>10.0f} µs")
    say(f"  batch, {args.workers} workers      {b['rate']:>10,.0f} names/s   (>= 7,000)")
    say(
        f"  batch, multilingual     {bg['rate']:>10,.0f} names/s,"
        f" {bg_cpu / bg_screened * 1e6:.0f} µs CPU per row (negatives_global_dev.csv)"
    )
    say(
        f"  batch CPU per row       {batch_cpu / screened * 1e6:>10.0f} µs"
        f"   ({args.workers * screened / batch_cpu:,.0f} names/s on {args.workers} idle cores)"
    )
    say(
        f"  vs logic-v2             {ratio:>10,.1f}x   (>= 100x; pure Python"
        f" {pure_rate / nk_rate:,.1f}x)"
    )
    say(f"  cold start              {cs['process_s']:>10.2f} s   (<= 1 s)")
    say(
        f"  RSS single / worker     {cs['rss_mb']:.0f} / {b['rss_worker_mb']:.0f} MB   (<= 1 GB);"
        f" this benchmark process {rss:.0f} MB"
    )
    say(f"  load average at the end {os.getloadavg()[0]:.1f} (the machine is shared)")
    say(f"  machine pace            {machine_pace():.2f} s for 10 million steps of a Python loop")
    return 0


def machine_pace() -> float:
    """CPU seconds a plain Python loop of ten million steps takes here: the
    figures above scale with it, so that runs on different machines can be
    compared (0.36 s on the machine of issue 11's tenth round, where the batch
    ran at some 40 % of the previous round's pace: a loop is only a rough
    gauge of a workload that also waits on memory)."""
    began = time.process_time()
    total = 0
    for step in range(10_000_000):
        total += step
    return time.process_time() - began


if __name__ == "__main__":
    sys.exit(main())
