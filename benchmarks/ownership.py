"""Ownership benchmark: the three rules over a synthetic power-law ownership graph.

Synthesises ``--links`` ownership links (default 5,000,000) over ``--companies``
companies (default 2,000,000) and ``--persons`` natural persons (default 500,000):

* owners are drawn with a power law in rank (``floor(N * u**3)`` over a shuffled
  order: the top 1 % of parties own about a fifth of all stakes; the largest
  holding owns tens of thousands of companies); assets uniformly among companies;
* stakes: 100 %, 75 %, 51 %, 50 %, 49 %, 30 %, 25 %, 10 % or 5 % (5 % of the
  links are of unknown size); kinds: 92 % ownership, 3 % voting rights, 2 %
  directorships, 2 % other control, 1 % family;
* cycles: random company-to-company links close many, and 100,000 explicit
  two- and three-company cycles are added;
* designations: 1 % of persons and 0.2 % of companies per authority (``--designated``
  sets the share of persons; companies get a fifth of it), overlapping.

It then reports, with the load average of the (shared) machine:

* **all companies' exposure** under the US, EU and UK rules, each evaluated twice
  (stakes of unknown size as nothing and as a majority): wall time and peak memory;
* **incremental update** after one new listing: the time to bring all six
  evaluations up to date, for 40 random parties (median and slowest) and for the
  three largest holding parties, one after the other (the worst case: the first
  one's listing catches a large part of the graph, and the time is that of the
  work, proportional to what it catches).

Every time is given as wall time and as CPU time of this process (user + system,
``time.process_time``): on a shared machine the CPU time is the figure to compare.

Usage::

    python benchmarks/ownership.py [--quick] [--links N] [--companies N] [--persons N] [--json]

``--quick`` runs a fifth of the default size (1,000,000 links over 400,000
companies and 100,000 persons).

Targets: all exposures <= 60 s and <= 4 GB on 2 cores; one new listing <= 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from typing import Any

import numpy as np

from thaw.ownership.engine import KIND_CODES, Graph, RuleRun
from thaw.ownership.rules import RULES

TARGET_SECONDS = 60.0
TARGET_GB = 4.0
TARGET_INCREMENTAL = 2.0

SHARES = np.array([100, 75, 51, 50, 49, 30, 25, 10, 5], dtype=np.float64)
SHARE_P = np.array([0.25, 0.05, 0.10, 0.05, 0.05, 0.15, 0.10, 0.15, 0.10])
KINDS = np.array(
    [KIND_CODES[k] for k in ("ownership", "voting", "director", "control", "family")],
    dtype=np.uint8,
)
KIND_P = np.array([0.92, 0.03, 0.02, 0.02, 0.01])


def synthesise(
    companies: int, persons: int, links: int, seed: int, designated_share: float = 0.01
) -> tuple[int, dict[str, np.ndarray], dict[str, list[int]]]:
    """Edges as numpy arrays and the designated nodes per authority."""
    rng = np.random.default_rng(seed)
    n = companies + persons
    cycles = min(100_000, links // 50)
    random_links = links - 5 * cycles // 2  # half two-cycles (2 links), half three (3)
    order = rng.permutation(n)
    rank = np.floor(n * rng.random(random_links) ** 3).astype(np.int64)
    owners = order[rank]
    assets = rng.integers(0, companies, random_links)
    # explicit cycles among companies
    half = cycles // 2
    a2 = rng.integers(0, companies, (half, 2))
    a3 = rng.integers(0, companies, (cycles - half, 3))
    cyc_owners = np.concatenate([a2[:, 0], a2[:, 1], a3[:, 0], a3[:, 1], a3[:, 2]])
    cyc_assets = np.concatenate([a2[:, 1], a2[:, 0], a3[:, 1], a3[:, 2], a3[:, 0]])
    owners = np.concatenate([owners, cyc_owners])
    assets = np.concatenate([assets, cyc_assets])
    keep = owners != assets
    owners, assets = owners[keep], assets[keep]
    m = len(owners)
    share = rng.choice(SHARES, m, p=SHARE_P)
    kinds = rng.choice(KINDS, m, p=KIND_P)
    unknown = (rng.random(m) < 0.05) & (kinds == KIND_CODES["ownership"])
    lo = np.where(unknown, 0.0, share)
    hi = np.where(unknown, 100.0, share)
    edges = {
        "owners": owners,
        "assets": assets,
        "kinds": kinds,
        "lo": lo,
        "hi": hi,
        "unknown": unknown.astype(np.uint8),
    }
    designated: dict[str, list[int]] = {}
    for authority in RULES:
        people = companies + rng.choice(persons, int(persons * designated_share), replace=False)
        firms = rng.choice(companies, int(companies * designated_share / 5), replace=False)
        designated[authority] = sorted(set(people.tolist()) | set(firms.tolist()))
    return n, edges, designated


def _rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1 << 20)


class Clock:
    """Wall and CPU seconds since it was started."""

    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.cpu = time.process_time()

    def read(self) -> tuple[float, float]:
        """``(wall, cpu)`` seconds."""
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def run(
    companies: int, persons: int, links: int, seed: int, designated_share: float = 0.01
) -> dict[str, Any]:
    """Run the benchmark and return its figures."""
    figures: dict[str, Any] = {
        "companies": companies,
        "persons": persons,
        "load_average_before": os.getloadavg(),
    }
    t0 = time.perf_counter()
    n, edges, designated = synthesise(companies, persons, links, seed, designated_share)
    figures["links"] = int(len(edges["owners"]))
    figures["synthesis_seconds"] = round(time.perf_counter() - t0, 2)

    clock = Clock()
    graph = Graph.from_arrays(n, **edges)
    del edges
    build, build_cpu = clock.read()
    figures["graph_build_seconds"] = round(build, 2)
    figures["graph_build_cpu_seconds"] = round(build_cpu, 2)

    clock = Clock()
    runs: dict[str, tuple[RuleRun, RuleRun]] = {}
    counts: dict[str, dict[str, int]] = {}
    per_rule: dict[str, float] = {}
    for authority, rule in RULES.items():
        t1 = time.perf_counter()
        low, high = RuleRun(graph, rule), RuleRun(graph, rule, high=True)
        low.designate(designated[authority])
        high.designate(designated[authority])
        runs[authority] = (low, high)
        per_rule[authority] = round(time.perf_counter() - t1, 2)
        blocked_low = sum(low.blocked) - len(designated[authority])
        blocked_high = sum(high.blocked) - len(designated[authority])
        counts[authority] = {
            "designated": len(designated[authority]),
            "blocked_by_ownership": blocked_low,
            "undetermined": blocked_high - blocked_low,
        }
    rules_seconds, rules_cpu = clock.read()
    figures["rules_seconds"] = round(rules_seconds, 2)
    figures["rules_cpu_seconds"] = round(rules_cpu, 2)
    figures["rules_seconds_per_authority"] = per_rule
    figures["exposure_seconds"] = round(rules_seconds + build, 2)
    figures["exposure_cpu_seconds"] = round(rules_cpu + build_cpu, 2)
    figures["counts"] = counts
    figures["peak_rss_gb"] = round(_rss_gb(), 2)

    # one new listing: typical (random unlisted persons and companies, median) and
    # worst case (the largest holding company not yet designated)
    rng = np.random.default_rng(seed + 1)
    degrees = np.diff(np.frombuffer(graph.offsets, dtype=np.int64))
    samples = [int(v) for v in rng.choice(n, 40, replace=False)]
    typical: list[tuple[float, float]] = []
    for v in samples:
        if any(r[0].listed[v] for r in runs.values()):
            continue
        clock = Clock()
        for low, high in runs.values():
            low.designate([v])
            high.designate([v])
        typical.append(clock.read())
    figures["incremental_typical_seconds"] = round(float(np.median([w for w, _ in typical])), 6)
    figures["incremental_typical_cpu_seconds"] = round(float(np.median([c for _, c in typical])), 6)
    figures["incremental_typical_max_seconds"] = round(max(w for w, _ in typical), 4)
    biggest = [int(v) for v in np.argsort(-degrees)[:50]]
    fresh = [v for v in biggest if all(not r[0].listed[v] for r in runs.values())][:3]
    largest: list[dict[str, Any]] = []
    for new in fresh:
        clock = Clock()
        caught = 0
        for low, high in runs.values():
            caught += len(low.designate([new]))
            high.designate([new])
        wall, cpu = clock.read()
        largest.append(
            {
                "out_degree": int(degrees[new]),
                "newly_blocked": caught,
                "seconds": round(wall, 3),
                "cpu_seconds": round(cpu, 3),
            }
        )
    worst = max(largest, key=lambda x: float(x["cpu_seconds"]))
    figures["incremental_largest_holders"] = largest
    figures["incremental_seconds"] = worst["seconds"]
    figures["incremental_cpu_seconds"] = worst["cpu_seconds"]
    figures["incremental_listing_out_degree"] = worst["out_degree"]
    figures["incremental_newly_blocked"] = worst["newly_blocked"]
    figures["load_average_after"] = os.getloadavg()
    figures["targets"] = {
        "exposure_seconds": TARGET_SECONDS,
        "peak_rss_gb": TARGET_GB,
        "incremental_seconds": TARGET_INCREMENTAL,
    }
    figures["met"] = {
        "exposure_seconds": figures["exposure_seconds"] <= TARGET_SECONDS,
        "peak_rss_gb": figures["peak_rss_gb"] <= TARGET_GB,
        "incremental_seconds": figures["incremental_seconds"] <= TARGET_INCREMENTAL,
    }
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--companies", type=int, default=2_000_000)
    parser.add_argument("--persons", type=int, default=500_000)
    parser.add_argument("--links", type=int, default=5_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--designated",
        type=float,
        default=0.01,
        help="Share of persons designated per authority (companies: a fifth of it).",
    )
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    parser.add_argument(
        "--quick", action="store_true", help="A fifth of the default size (for iterating)."
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.companies, args.persons, args.links = 400_000, 100_000, 1_000_000
    figures = run(args.companies, args.persons, args.links, args.seed, args.designated)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"load average before: {figures['load_average_before']}")
    print(
        f"{figures['links']:,} links over {args.companies:,} companies and "
        f"{args.persons:,} persons (synthesised in {figures['synthesis_seconds']} s)"
    )
    print(
        f"graph build: {figures['graph_build_seconds']} s "
        f"(CPU {figures['graph_build_cpu_seconds']} s)"
    )
    print(
        f"all exposures, 3 rules x 2 evaluations: {figures['rules_seconds']} s "
        f"(CPU {figures['rules_cpu_seconds']} s; {figures['rules_seconds_per_authority']}); "
        f"with the graph build {figures['exposure_seconds']} s "
        f"(CPU {figures['exposure_cpu_seconds']} s; target <= {TARGET_SECONDS:g} s)"
    )
    for authority, c in figures["counts"].items():
        print(f"  {authority}: {c}")
    print(f"peak memory: {figures['peak_rss_gb']} GB (target <= {TARGET_GB:g} GB)")
    print(
        f"incremental update after one new listing: median of 40 random parties "
        f"{figures['incremental_typical_seconds'] * 1000:.2f} ms (CPU "
        f"{figures['incremental_typical_cpu_seconds'] * 1000:.2f} ms; slowest "
        f"{figures['incremental_typical_max_seconds'] * 1000:.1f} ms; target <= "
        f"{TARGET_INCREMENTAL:g} s)"
    )
    for x in figures["incremental_largest_holders"]:
        print(
            f"  one of the largest holdings (out-degree {x['out_degree']:,}, "
            f"{x['newly_blocked']:,} newly blocked in the three rules): "
            f"{x['seconds']} s (CPU {x['cpu_seconds']} s)"
        )
    print(
        f"  worst case: {figures['incremental_seconds']} s (CPU "
        f"{figures['incremental_cpu_seconds']} s; target <= {TARGET_INCREMENTAL:g} s)"
    )
    print(f"load average after: {figures['load_average_after']}")
    return 0 if all(figures["met"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
