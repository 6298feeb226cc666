"""Monitoring benchmarks: incremental re-screening against a full re-screen.

Two measurements, on the 308 daily OFAC SDN publications of
``../shared/data/lists/us_ofac/2021-08-18_to_2024-05-03/`` (loaded once into a
store under ``--work``, reused by later runs):

``replay``  a portfolio (default 100,000 rows) screened at the first publication,
            then brought through every later one incrementally
            (:meth:`thaw.monitor.Monitor.advance`); after every ``--check-every``-th
            publication (1 = all) its alerts are compared with a full re-screen
            against that publication (:meth:`~thaw.monitor.Monitor.full_alerts`).
            Prints the time per step, events, and every difference (there must be
            none); and, at the last check, how the alerts compare with
            ``screen-file`` proper (the lists' own statistics rather than the
            portfolio's calibration: scores may differ in the last decimals).
``speed``   a portfolio (default 1,000,000 rows; ``--rows`` for iteration) added
            at the 2023-12-28 publication (the full re-screen: the baseline,
            wall and CPU seconds) and brought to 2024-05-03 in one incremental
            step, in a fresh process whose peak memory and CPU are measured (the
            step includes loading the row index). Prints both, their ratios, the
            share of rows the change reached, events, memory and ``uptime``.
            Memory: ``peak_rss_step_mb``, the step's process at its peak;
            ``peak_rss_tree_mb`` and ``peak_pss_tree_mb``, the step's process
            and its forked workers summed, sampled every 0.1 s (RSS counts the
            pages a worker shares with its parent in both, PSS divides them).
            ``--reuse`` steps again from the state the last full re-screen of
            that size left (kept under ``--work``), skipping the re-screen.
            The add (the full re-screen) also runs in a fresh process:
            ``peak_rss_add_mb`` (its process), ``peak_rss_add_tree_mb`` and
            ``peak_pss_add_tree_mb`` (with its worker, as for the step).
``rowindex`` the row index alone, on a multilingual portfolio: the names of
            ``../shared/data/bench/negatives_global_dev.csv`` (every script) and
            the names as written of ``tests/fixtures/match/cross_script_pairs*.csv``.
            Prints rows indexed per second (one process, weights not pinned),
            postings, keys, the saved file's size, and the seconds (wall and
            CPU) of one :meth:`~thaw.monitor.keys.RowIndex.affected` for a
            change of ``--listings`` listings (the Latin sides of the pairs),
            then of another such change (``..._again``: the spelling tables
            loaded and the words' spelling edges made, as in a process that
            has stepped before; the first includes both).

The portfolio mixes listed names of the newest publication (some perturbed:
a dropped or reordered name part, a typo), unlisted people from
``../shared/data/bench/negatives_*.csv`` and the seed's parties (Kirill Dmitriev,
RDIF, unlisted firms). Run ``python benchmarks/monitor.py replay|speed --help``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from thaw.index import CandidateIndex, entry_from_record
from thaw.model import Name, Record
from thaw.monitor import Monitor, RowData
from thaw.monitor.keys import RowIndex, postings_of, probe_keys
from thaw.monitor.screening import screen_rows
from thaw.store import PublicationRow, Store
from thaw.store.bulk import load_series

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("THAW_SHARED", ROOT.parent / "shared")) / "data"
SERIES = SHARED / "lists/us_ofac/2021-08-18_to_2024-05-03/sdn_csv_history.tar.xz"
BENCH = SHARED / "bench"
SOURCE = "us_ofac_sdn"


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} cores)"


def ensure_store(work: Path) -> Path:
    """A home holding the 308 OFAC publications (loaded on first use)."""
    home = work / "ofac-history"
    marker = home / ".loaded"
    if not marker.exists():
        began = time.perf_counter()
        with Store(home) as store:
            result = load_series(store, SERIES)
        errors = [i for i in result.items if i.error]
        if errors:
            raise SystemExit(f"series load failed: {errors[:3]}")
        marker.write_text("ok")
        print(f"loaded {len(result.items)} publications in {time.perf_counter() - began:.0f} s")
    return home


def _perturb(name: str, rng: random.Random) -> str:
    tokens = name.replace(",", " ").split()
    roll = rng.random()
    if roll < 0.25 and len(tokens) > 2:
        tokens.pop(rng.randrange(1, len(tokens)))
    elif roll < 0.5:
        tokens.reverse()
    elif roll < 0.75 and tokens:
        i = rng.randrange(len(tokens))
        word = tokens[i]
        if len(word) > 4:
            j = rng.randrange(1, len(word) - 1)
            tokens[i] = word[:j] + word[j + 1 :]  # a typo: one letter dropped
    return " ".join(tokens)


def build_portfolio(store: Store, size: int, seed: int = 14) -> list[tuple[str, RowData]]:
    """Listed names (about a third, half of them perturbed), unlisted people, the
    seed's parties and unlisted firms; ids are unique."""
    return list(portfolio_rows(store, size, seed))


def portfolio_rows(store: Store, size: int, seed: int = 14) -> Iterator[tuple[str, RowData]]:
    """The rows of :func:`build_portfolio`, made as they are read (as ``thaw
    portfolio add`` reads its file: the add's memory is the monitor's, not a
    million rows held by the caller)."""
    rng = random.Random(seed)
    newest = store.active_publications()[SOURCE]
    names: list[tuple[str, str | None]] = []
    for record in store.records_at(newest):
        schema = record.schema if record.schema in ("Person", "Organization") else None
        names += [(n.value, schema) for n in record.names]
    people: list[tuple[str, str | None, str | None]] = []
    for file in ("negatives_us.csv", "negatives_global_dev.csv"):
        with open(BENCH / file, encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                people.append((r["full_name"], r.get("date_of_birth") or None, None))
    seed_rows: list[tuple[str, RowData]] = [
        ("seed-dmitriev", RowData("Kirill Dmitriev", "Person", "1975-04-12")),
        ("seed-rdif", RowData("Russian Direct Investment Fund", "Organization")),
        ("seed-acme", RowData("Acme Bakery Ltd", "Organization")),
        ("seed-nordlicht", RowData("Nordlicht Logistik GmbH", "Organization")),
    ]
    yield from seed_rows
    made = len(seed_rows)
    listed = size // 3
    while made < size:
        i = made
        if i < listed:
            name, schema = rng.choice(names)
            if rng.random() < 0.5:
                name = _perturb(name, rng)
            if name.strip():
                made += 1
                yield (f"r{i}", RowData(name, schema))
        else:
            name, dob, _ = rng.choice(people)
            if rng.random() < 0.3:
                name = _perturb(name, rng)
            if name.strip():
                made += 1
                yield (f"r{i}", RowData(name, "Person", dob))


def replay(args: argparse.Namespace) -> None:
    home = ensure_store(args.work)
    with Store(home) as store:
        pubs = store.publications(SOURCE)[: args.publications or None]
        portfolio = build_portfolio(store, args.rows)
        name = f"replay-{args.rows}"
        with Monitor(store, decisions=False, profiles=False, workers=args.workers) as monitor:
            if name in {p.name for p in monitor.portfolios.portfolios()}:
                monitor.portfolios.delete_portfolio(name)
            began = time.perf_counter()
            monitor.add(name, portfolio, targets={SOURCE: pubs[0]})
            print(f"{load_average()}")
            print(
                f"portfolio of {len(portfolio)} rows screened in full at {pubs[0].published}: "
                f"{time.perf_counter() - began:.1f} s, {len(monitor.stored_alerts(name))} alerts"
            )
            steps: list[float] = []
            checks: list[float] = []
            differences = 0
            events = 0
            screen_file_diffs: list[dict[str, int]] = []
            for k, pub in enumerate(pubs[1:], start=2):
                step = monitor.advance(name, {SOURCE: pub})
                steps.append(step.seconds)
                events += len(step.events)
                if (k - 1) % args.check_every == 0 or k == len(pubs):
                    began = time.perf_counter()
                    full = monitor.full_alerts(name)
                    checks.append(time.perf_counter() - began)
                    stored = monitor.stored_alerts(name)
                    vs_file = _versus_screen_file(monitor, name, stored)
                    screen_file_diffs.append(vs_file)
                    if stored != full:
                        missing = full.keys() - stored.keys()
                        spurious = stored.keys() - full.keys()
                        score = {k for k in full.keys() & stored.keys() if full[k] != stored[k]}
                        differences += len(missing) + len(spurious) + len(score)
                        print(
                            f"  DIFFERENCE at {pub.published}: missing {sorted(missing)[:5]}, "
                            f"spurious {sorted(spurious)[:5]}, scores {sorted(score)[:5]}"
                        )
                if k % 25 == 0:
                    print(
                        f"  {k}/{len(pubs)} {pub.published[:10]}: {events} events so far, "
                        f"step {step.seconds:.2f} s ({step.changed_listings} changed listings,"
                        f" {step.candidate_pairs} pairs); {load_average()}"
                    )
            print(
                json.dumps(
                    {
                        "publications": len(pubs),
                        "rows": len(portfolio),
                        "events": events,
                        "incremental_s_total": round(sum(steps), 1),
                        "incremental_s_mean": round(sum(steps) / max(len(steps), 1), 3),
                        "incremental_s_max": round(max(steps, default=0), 2),
                        "full_checks": len(checks),
                        "full_s_mean": round(sum(checks) / max(len(checks), 1), 2),
                        "differences": differences,
                        "versus_screen_file_last": (screen_file_diffs or [{}])[-1],
                        "cpu_s": _cpu_seconds(),
                        "load": load_average(),
                    }
                )
            )
            if differences:
                raise SystemExit(1)


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return round(own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime, 1)


def _versus_screen_file(
    monitor: Monitor, name: str, stored: dict[tuple[str, str, str], float]
) -> dict[str, int]:
    """How the portfolio's alerts compare with ``screen-file`` proper (the lists'
    own statistics instead of the portfolio's calibration) at its publications."""
    info = monitor.portfolios.portfolio(name)
    marks = monitor.portfolios.watermarks(info.id)
    targets = {s: monitor._publication(p) for s, p in marks.items()}
    listing_set = monitor.listing_set(targets)
    rows = list(monitor.portfolios.rows(info.id))
    run = screen_rows(
        [(r.pk, RowData.from_dict(r.data)) for r in rows],
        listing_set,
        info.threshold,
        listing_set.index.token_stats_data(),
        workers=monitor.workers,
    )
    by_pk = {r.pk: r.row_id for r in rows}
    plain = {(by_pk[m.row], m.source, m.source_id): m.score for m in run.matches()}
    shared = plain.keys() & stored.keys()
    return {
        "alerting_rows_monitor": len({k[0] for k in stored}),
        "alerting_rows_screen_file": len({k[0] for k in plain}),
        "alerts_monitor": len(stored),
        "alerts_screen_file": len(plain),
        "alerts_only_monitor": len(stored.keys() - plain.keys()),
        "alerts_only_screen_file": len(plain.keys() - stored.keys()),
        "same_alert_other_score": sum(1 for k in shared if plain[k] != stored[k]),
        "max_score_difference_e4": round(
            max((abs(plain[k] - stored[k]) for k in shared), default=0.0) * 1e4
        ),
    }


def _high_water_kb() -> int:
    """This process's peak resident memory (``VmHWM``, kB)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def speed(args: argparse.Namespace) -> None:
    home = ensure_store(args.work)
    with Store(home) as store:
        pubs = store.publications(SOURCE)
        start = next(p for p in pubs if p.published.startswith(args.start))
        end = next(p for p in pubs if p.published.startswith(args.end))
        name = f"speed-{args.rows}"
        snapshot = args.work / "snapshots" / name
        baseline = _restore(home, snapshot) if args.reuse else None
    added: dict[str, int] = {}
    if baseline is not None:
        full, full_cpu = baseline["full_s"], baseline["full_cpu_s"]
        added = {k: int(v) for k, v in baseline.items() if k.startswith("peak_")}
        print(f"reused the portfolio added by an earlier run: {baseline}")
    else:
        full, full_cpu, added = _add(home, name, start, args)
        _snapshot(home, snapshot, {"full_s": full, "full_cpu_s": full_cpu, **added})
    step = _measure_step(home, name, end, args)
    if args.check:
        with Store(home) as store, Monitor(store, decisions=False, profiles=False) as monitor:
            stored, full_now = monitor.stored_alerts(name), monitor.full_alerts(name)
        missing, spurious = full_now.keys() - stored.keys(), stored.keys() - full_now.keys()
        moved = [k for k in stored.keys() & full_now.keys() if stored[k] != full_now[k]]
        step["check"] = {
            "alerts": len(stored),
            "missing": len(missing),
            "spurious": len(spurious),
            "scores_differ": len(moved),
            "examples": sorted(missing | spurious)[:5] + sorted(moved)[:5],
        }
    print(
        json.dumps(
            {
                "rows": args.rows,
                "from": start.published,
                "to": end.published,
                "full_s": round(full, 1),
                "full_cpu_s": round(full_cpu, 1),
                **added,
                **step,
                "ratio_full_over_incremental_wall": round(full / step["seconds"], 2),
                "ratio_full_over_incremental_cpu": round(full_cpu / max(step["cpu_s"], 0.1), 2),
                "reached_share": round(step["reached_rows"] / args.rows, 3),
                "rescreened_share": round(step["candidate_rows"] / args.rows, 3),
                "load": load_average(),
                "uptime": subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(),
            }
        )
    )


def _add(
    home: Path, name: str, start: PublicationRow, args: argparse.Namespace
) -> tuple[float, float, dict[str, int]]:
    """Add portfolio ``name`` at ``start`` (the full re-screen) in a fresh process:
    its wall and CPU seconds and its peak memory (as the step's)."""
    cmd = [sys.executable, __file__, "_add", str(home), name, str(start.id)]
    cmd += [str(args.workers or 0), str(args.rows)]
    out, tree = _measured(cmd)
    memory = {
        "peak_rss_add_mb": out["peak_rss_mb"],
        "peak_rss_add_tree_mb": tree[0],
        "peak_pss_add_tree_mb": tree[1],
    }
    return out["full_s"], out["full_cpu_s"], memory


def _add_process(home: str, name: str, publication_id: str, workers: str, rows: str) -> None:
    with (
        Store(Path(home)) as store,
        Monitor(store, decisions=False, profiles=False, workers=int(workers) or None) as monitor,
    ):
        start = store.publication(int(publication_id))
        assert start is not None
        ps = monitor.portfolios
        if name in {p.name for p in ps.portfolios()}:
            ps.delete_portfolio(name)
        # the baseline: the full re-screen of the portfolio (screen-file's work, plus
        # storing its alerts and building the row index), at the older publication
        monitor.listing_set({SOURCE: start})  # (the index of an old publication: built)
        print(load_average(), file=sys.stderr)
        cpu = _cpu_seconds()
        began = time.perf_counter()
        # rows made as they are read, as thaw portfolio add reads its file (the
        # cost of making them, about 3 s a million, is inside the figure)
        monitor.add(name, portfolio_rows(store, int(rows)), targets={SOURCE: start})
        full = time.perf_counter() - began
        full_cpu = _cpu_seconds() - cpu
        info = ps.portfolio(name)
        alerts = info.alerts
        print(
            f"full re-screen of {info.rows} rows at {start.published}: {full:.1f} s wall,"
            f" {full_cpu:.1f} s CPU, {alerts} alerts; {load_average()}",
            file=sys.stderr,
        )
    data = {
        "full_s": full,
        "full_cpu_s": full_cpu,
        "alerts": alerts,
        "peak_rss_mb": round(_high_water_kb() / 1024),
    }
    print(json.dumps(data))


def _snapshot(home: Path, snapshot: Path, figures: dict[str, float]) -> None:
    """Keep the monitoring state as the full re-screen left it (``--reuse``)."""
    shutil.rmtree(snapshot, ignore_errors=True)
    snapshot.mkdir(parents=True)
    shutil.copy2(home / "monitor.db", snapshot / "monitor.db")
    shutil.copytree(home / "monitor", snapshot / "monitor")
    (snapshot / "baseline.json").write_text(json.dumps(figures))


def _restore(home: Path, snapshot: Path) -> dict[str, float] | None:
    """Put back the state :func:`_snapshot` kept (``None``: there is none)."""
    if not (snapshot / "baseline.json").exists():
        return None
    for stale in home.glob("monitor.db*"):
        stale.unlink()
    shutil.copy2(snapshot / "monitor.db", home / "monitor.db")
    shutil.rmtree(home / "monitor", ignore_errors=True)
    shutil.copytree(snapshot / "monitor", home / "monitor")
    figures: dict[str, float] = json.loads((snapshot / "baseline.json").read_text())
    return figures


def _measure_step(
    home: Path, name: str, end: PublicationRow, args: argparse.Namespace
) -> dict[str, Any]:
    """The incremental step in a fresh process, so that its peak memory is its
    own (parent and forked workers, sampled while it runs)."""
    cmd = [sys.executable, __file__, "_step", str(home), name, str(end.id), str(args.workers or 0)]
    step, (peak_rss, peak_pss) = _measured(cmd)
    step["peak_rss_tree_mb"] = peak_rss
    step["peak_pss_tree_mb"] = peak_pss
    return step


def _measured(cmd: list[str]) -> tuple[dict[str, Any], tuple[int, int]]:
    """Run ``cmd`` (which prints JSON as its last line): that JSON and the peak
    RSS and PSS (MB) of its process tree, sampled every 0.1 s."""
    peak_rss = peak_pss = 0
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as proc:
        while proc.poll() is None:
            rss, pss = _tree_memory(proc.pid)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            time.sleep(0.1)
        assert proc.stdout is not None
        out = proc.stdout.read()
    if proc.returncode:
        raise SystemExit(f"{cmd[2]} failed ({proc.returncode})")
    found: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return found, (round(peak_rss / 1024), round(peak_pss / 1024))


def _tree_memory(pid: int) -> tuple[int, int]:
    """RSS and PSS (kB) of process ``pid`` and its descendants, summed. Forked
    workers share the pages they inherited: the RSS sum counts those in each
    process, the PSS sum divides them among the processes sharing them."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = {pid}, [pid]
    while frontier:
        parent = frontier.pop()
        for child, ppid in parents.items():
            if ppid == parent and child not in tree:
                tree.add(child)
                frontier.append(child)
    rss = pss = 0
    for member in tree:
        try:
            for line in Path(f"/proc/{member}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            continue
    return rss, pss


def _step(home: str, name: str, publication_id: str, workers: str) -> None:
    began = time.perf_counter()
    with Store(Path(home)) as store:
        pub = store.publication(int(publication_id))
        assert pub is not None
        with Monitor(
            store, decisions=False, profiles=False, workers=int(workers) or None
        ) as monitor:
            step = monitor.advance(name, {SOURCE: pub})
    data = step.to_dict()
    data["seconds"] = round(time.perf_counter() - began, 2)
    data["cpu_s"] = _cpu_seconds()
    # the step's own process at its peak (VmHWM: ru_maxrss would also count the
    # pages of the process that started this one, which Linux carries over exec),
    # and its largest forked worker (counting the pages it shares with this one)
    data["peak_rss_step_mb"] = round(_high_water_kb() / 1024)
    data["peak_rss_worker_mb"] = round(
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    )
    print(json.dumps(data))


def row_index(args: argparse.Namespace) -> None:
    """The ``rowindex`` measurement (see the module docs)."""
    with open(BENCH / "negatives_global_dev.csv", encoding="utf-8") as fh:
        names = [r["full_name"] for r in csv.DictReader(fh)]
    latin: list[str] = []
    fixtures = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "match"
    for path in sorted(fixtures.glob("cross_script_pairs*.csv")):
        with open(path, encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                names.append(r["original"])
                latin.append(r["latin"])
    keyer = CandidateIndex.build(())
    start = time.perf_counter()
    rows = [(i, *probe_keys(name, "Person", (), keyer)) for i, name in enumerate(names)]
    index = RowIndex.from_postings([postings_of(rows)])
    seconds = time.perf_counter() - start
    path = args.work / "rows.idx"
    path.parent.mkdir(parents=True, exist_ok=True)
    index.save(path)
    rng = random.Random(14)
    timings: list[tuple[float, float, int]] = []
    for _ in range(2):
        change = [
            Record("x", str(i), "Person", names=[Name(n)])
            for i, n in enumerate(rng.sample(latin, args.listings))
        ]
        delta = CandidateIndex.build([entry_from_record(r) for r in change])
        start, cpu = time.perf_counter(), time.process_time()
        reached = index.affected(delta)
        timings.append((time.perf_counter() - start, time.process_time() - cpu, len(reached)))
    figures = {
        "rows": len(names),
        "rows_per_s": round(len(names) / seconds),
        "postings": len(index.ids),
        "keys": len(index),
        "file_mb": round(path.stat().st_size / 1e6, 2),
        "affected_s": round(timings[0][0], 3),
        "affected_cpu_s": round(timings[0][1], 3),
        "rows_reached": timings[0][2],
        "affected_again_s": round(timings[1][0], 3),
        "affected_again_cpu_s": round(timings[1][1], 3),
        "rows_reached_again": timings[1][2],
        "uptime": load_average(),
    }
    print(json.dumps(figures))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_step":
        _step(*sys.argv[2:6])
        return
    if len(sys.argv) > 1 and sys.argv[1] == "_add":
        _add_process(*sys.argv[2:7])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/thaw-bench-monitor"))
    parser.add_argument("--workers", type=int, default=None)
    sub = parser.add_subparsers(dest="mode", required=True)
    r = sub.add_parser("replay", help="incremental vs full over the daily publications")
    r.add_argument("--rows", type=int, default=100_000)
    r.add_argument("--publications", type=int, default=0, help="only the first N (0 = all)")
    r.add_argument("--check-every", type=int, default=1)
    s = sub.add_parser("speed", help="one big update on a big portfolio")
    s.add_argument("--rows", type=int, default=1_000_000)
    s.add_argument("--start", default="2023-12-28")
    s.add_argument("--end", default="2024-05-03")
    s.add_argument(
        "--reuse",
        action="store_true",
        help="reuse the portfolio an earlier run added (its snapshot under --work): step only",
    )
    s.add_argument(
        "--check",
        action="store_true",
        help="then compare the step's alerts with a full re-screen (must be equal)",
    )
    x = sub.add_parser("rowindex", help="the row index of a multilingual portfolio")
    x.add_argument("--listings", type=int, default=50)
    args = parser.parse_args()
    if args.mode == "replay":
        replay(args)
    elif args.mode == "rowindex":
        row_index(args)
    else:
        speed(args)


if __name__ == "__main__":
    main()
