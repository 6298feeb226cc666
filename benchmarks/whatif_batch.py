"""What-if batch acceptance: a 1,000-name screening file, relief scenarios on its
results, and a reproducible sample of verdicts to check by hand.

Steps (all reproducible from ``--seed``):

1. **Input.** ``--positives`` names (default 300) of real listed parties drawn from
   the store's active listings, spread over every source (a fixed share per
   source); about 40 % of them are varied the way a customer file would spell
   them: ``SURNAME, Given`` reordered to ``Given Surname``, a middle name dropped,
   case folded, two adjacent letters swapped, or an alias used instead of the
   primary name. ``--negatives`` names (default 700) from
   ``bench/negatives_us.csv`` (synthetic people, none listed). The rows are
   shuffled and written as ``input.csv`` (``id,name``); ``truth.csv`` says which
   rows came from which listing.
2. **Screening.** ``thaw screen-file input.csv --output results.jsonl``.
3. **Scenarios.** ``thaw whatif --lift … --results results.jsonl --json`` for each
   ``--scenario`` (default ``us:russia`` and ``us:*``); the summary counts (parties
   cleared / still listed, lifted and remaining listings by authority, programme
   and schema) are printed per scenario.
4. **Oracle.** Every party of every scenario's output is re-decided independently
   of :mod:`thaw.whatif`: its listings in force come from ``thaw profile --json``
   (or, for a hit in no profile, from the hit), and the rules are applied afresh
   (a listing is lifted only when all its programmes are; list codes such as the
   CSL's ``SDN``/``SSI`` follow the real programmes; a party clears only when all
   its listings are lifted). Disagreements are printed.
5. **Sample.** ``--sample`` parties (default 20, distinct) of the first scenario,
   stratified so the check is not all trivial: 40 % cleared, 30 % still listed
   but partly lifted, 30 % untouched. Each is printed with its listings (all
   programmes), the verdict and the remaining authorities and programmes, for a
   reviewer to check by hand against ``thaw profile`` / ``thaw entity``.

Usage::

    python benchmarks/whatif_batch.py --home /tmp/wi-home [--out DIR] [--seed 7]
        [--scenario us:russia --scenario 'us:*'] [--json]

The store must hold the newest publication of every source
(``thaw update --from ../shared/data/lists --home DIR``).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("THAW_SHARED", ROOT.parent / "shared")) / "data"
NEGATIVES = SHARED / "bench" / "negatives_us.csv"
SEED = 20240503

SHARE = {
    "us_ofac_sdn": 0.30,
    "uk_ofsi": 0.14,
    "ca_sema": 0.14,
    "au_dfat": 0.12,
    "un_sc": 0.09,
    "us_trade_csl": 0.09,
    "us_ofac_cons": 0.06,
    "us_bis_dpl": 0.06,
}
"""Share of the positive names drawn from each source (other sources: none)."""


def say(text: str = "") -> None:
    print(text, flush=True)


def thaw(*args: str, home: Path) -> str:
    """Run the ``thaw`` command line and return its standard output."""
    exe = Path(sys.executable).with_name("thaw")
    cmd = [str(exe) if exe.exists() else "thaw", *args, "--home", str(home)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return done.stdout


# --- 1. input -------------------------------------------------------------------


def latin(text: str) -> bool:
    return bool(re.search(r"[A-Za-z]", text)) and not re.search(r"[^\x00-\u024f]", text)


def listed_names(home: Path) -> dict[str, list[tuple[str, str, str, list[str]]]]:
    """``source → [(source_id, schema, primary, aliases)]`` of the active listings
    (Latin-script names only), ordered by source id."""
    from thaw.store import Store

    out: dict[str, list[tuple[str, str, str, list[str]]]] = {}
    with Store(home) as store:
        for src, pub in sorted(store.active_publications().items()):
            rows = store.db.execute(
                "SELECT s.source_id, v.schema, v.caption, v.data FROM spans s"
                " JOIN versions v ON v.id = s.version_id WHERE s.source = ?"
                " AND s.first_seq <= ? AND (s.last_seq IS NULL OR s.last_seq >= ?)"
                " ORDER BY s.source_id",
                (src, pub.seq, pub.seq),
            )
            items = []
            for sid, schema, caption, blob in rows:
                data = json.loads(zlib.decompress(blob))
                names = [n["value"] for n in data.get("names", []) if latin(n.get("value") or "")]
                primary = caption if latin(caption) else (names[0] if names else "")
                if primary:
                    aliases = [n for n in names if n != primary and len(n) > 3]
                    items.append((str(sid), str(schema), primary, aliases))
            out[src] = items
    return out


def vary(name: str, aliases: list[str], rng: random.Random) -> tuple[str, str]:
    """A customer-file spelling of ``name`` and the kind of variation applied."""
    kinds = ["reorder", "drop-middle", "case", "typo"] + (["alias"] if aliases else [])
    kind = rng.choice(kinds)
    if kind == "alias":
        return rng.choice(aliases), kind
    if kind == "reorder":
        if "," in name:
            head, _, tail = name.partition(",")
            return f"{tail.strip()} {head.strip()}".strip(), kind
        parts = name.split()
        if len(parts) > 1:
            return " ".join(parts[1:] + parts[:1]), kind
        kind = "case"
    if kind == "drop-middle":
        parts = name.replace(",", " ").split()
        if len(parts) >= 3:
            del parts[rng.randrange(1, len(parts) - 1)]
            return " ".join(parts), kind
        kind = "case"
    if kind == "case":
        return (name.title() if name.isupper() else name.upper()), kind
    letters = [i for i in range(len(name) - 1) if name[i].isalpha() and name[i + 1].isalpha()]
    if not letters:
        return name, "none"
    i = rng.choice(letters)
    return name[:i] + name[i + 1] + name[i] + name[i + 2 :], "typo"


def build_input(home: Path, out: Path, seed: int, positives: int, negatives: int) -> Path:
    """Write ``input.csv`` and ``truth.csv`` under ``out``; return the input path."""
    rng = random.Random(seed)
    names = listed_names(home)
    rows: list[dict[str, str]] = []
    shares = {s: SHARE[s] for s in names if s in SHARE}
    total = sum(shares.values())
    quotas = {s: round(positives * v / total) for s, v in shares.items()}
    quotas[max(quotas, key=lambda s: quotas[s])] += positives - sum(quotas.values())
    for src, quota in sorted(quotas.items()):
        for sid, schema, primary, aliases in rng.sample(names[src], min(quota, len(names[src]))):
            name, kind = (primary, "exact")
            if rng.random() < 0.4:
                name, kind = vary(primary, aliases, rng)
            rows.append(
                {"name": name, "truth": f"{src}:{sid}", "schema": schema, "variation": kind}
            )
    with open(NEGATIVES, encoding="utf-8", newline="") as fh:
        pool = [r["full_name"] for r in csv.DictReader(fh) if r.get("full_name")]
    rows += [
        {"name": n, "truth": "", "schema": "", "variation": "negative"}
        for n in rng.sample(pool, negatives)
    ]
    rng.shuffle(rows)
    path = out / "input.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "name"])
        for i, r in enumerate(rows, start=1):
            w.writerow([f"c{i:04d}", r["name"]])
    with open(out / "truth.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "name", "truth", "schema", "variation"])
        for i, r in enumerate(rows, start=1):
            w.writerow([f"c{i:04d}", r["name"], r["truth"], r["schema"], r["variation"]])
    return path


# --- 4. the independent oracle ------------------------------------------------------


def authority(source: str) -> str:
    return source.split("_", 1)[0]


def norm(code: str) -> str:
    return " ".join(code.replace("\u2013", "-").replace("\u2014", "-").split()).upper()


def lifted_code(lift: str, source: str, code: str) -> bool:
    """Whether one ``SCOPE:WHAT`` lift lifts programme ``code`` of a ``source`` listing."""
    from thaw.catalogue import classify, themes

    scope, _, what = lift.partition(":")
    if scope not in ("*", authority(source), source):
        return False
    if what == "*":
        return True
    if what == what.lower() and what in themes():
        return what in classify(authority(source), code).themes
    return bool(code) and norm(what) in (norm(code), norm(code.split(" / ")[0]))


def decide(lifts: list[str], listings: list[dict[str, Any]]) -> dict[str, Any]:
    """Re-decide a party: ``cleared`` and the remaining ``{authority: [programmes]}``."""
    from thaw.catalogue import classify

    remaining: dict[str, list[str]] = {}
    for item in listings:
        src = item["source"]
        codes = list(dict.fromkeys(item.get("programs") or [])) or [""]
        real = [c for c in codes if not (c and classify(authority(src), c).list_code)]
        decisive = real or codes
        left = [c for c in decisive if not any(lifted_code(x, src, c) for x in lifts)]
        if left:
            remaining.setdefault(authority(src), []).extend(left)
    return {"cleared": not remaining, "remaining": remaining}


class ProfileView:
    """Profiles' listings in force with their programmes, read through
    :class:`thaw.profiles.Profiles` (the store's profile tables), not through the
    what-if code."""

    def __init__(self, home: Path) -> None:
        from thaw.profiles import Profiles
        from thaw.store import Store

        self.store = Store(home)
        self.profiles = Profiles(self.store)
        self.cache: dict[str, list[dict[str, Any]] | None] = {}

    def listings(self, party: str) -> list[dict[str, Any]] | None:
        if party not in self.cache:
            profile = self.profiles.get(party, details=False)
            self.cache[party] = (
                None
                if profile is None
                else [
                    {"source": m.source, "source_id": m.source_id, "programs": list(m.programs)}
                    for m in profile.members
                ]
            )
        return self.cache[party]

    def close(self) -> None:
        self.store.close()


def parties_of(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [("cleared", p) for p in data["cleared"]] + [
        ("still_listed", p) for p in data["still_listed"]
    ]


def all_listings(p: dict[str, Any]) -> list[dict[str, Any]]:
    """A party's listings as the what-if output gives them, with every programme."""
    out = []
    for item in p.get("listings", []) + p.get("lifted", []):
        programs = list(item.get("programs") or []) + list(item.get("lifted_programs") or [])
        out.append({**item, "programs": programs})
    return out


def check(view: ProfileView, lifts: list[str], data: dict[str, Any]) -> list[str]:
    """Disagreements between the what-if output and the oracle."""
    problems = []
    for verdict, p in parties_of(data):
        party = str(p["party"])
        listings = view.listings(party) if party.startswith("p-") else None
        if listings is None:
            listings = all_listings(p)
        else:
            shown = {(x["source"], x["source_id"]) for x in all_listings(p)}
            wanted = {(x["source"], x["source_id"]) for x in listings}
            if shown != wanted:
                problems.append(
                    f"row {p.get('row')} {party}: listings {sorted(shown)}"
                    f" != profile {sorted(wanted)}"
                )
        expected = decide(lifts, listings)
        if expected["cleared"] != (verdict == "cleared"):
            problems.append(f"row {p.get('row')} {party}: {verdict}, oracle {expected}")
        elif verdict == "still_listed":
            got = sorted({x["authority"] for x in p["listings"]})
            if got != sorted(expected["remaining"]):
                problems.append(
                    f"row {p.get('row')} {party}: remains {got}, oracle {expected['remaining']}"
                )
    return problems


# --- 5. sample --------------------------------------------------------------------


def sample(data: dict[str, Any], n: int, seed: int) -> list[tuple[str, dict[str, Any]]]:
    """``n`` distinct parties: 40 % cleared, 30 % partly lifted, 30 % untouched."""
    rng = random.Random(seed)
    seen: set[str] = set()
    groups: dict[str, list[tuple[str, dict[str, Any]]]] = {"cleared": [], "partly": [], "none": []}
    for verdict, p in parties_of(data):
        if p["party"] in seen:
            continue
        seen.add(p["party"])
        key = "cleared" if verdict == "cleared" else ("partly" if p.get("lifted") else "none")
        groups[key].append((verdict, p))
    want = {"cleared": round(n * 0.4), "partly": round(n * 0.3)}
    want["none"] = n - want["cleared"] - want["partly"]
    picked: list[tuple[str, dict[str, Any]]] = []
    for key in ("cleared", "partly", "none"):
        picked += rng.sample(groups[key], min(want[key], len(groups[key])))
    rest = [x for g in groups.values() for x in g if x not in picked]
    picked += rng.sample(rest, min(n - len(picked), len(rest)))
    return picked


def describe(verdict: str, p: dict[str, Any], listings: list[dict[str, Any]]) -> str:
    items = "; ".join(
        f"{x['source']}:{x['source_id']} [{', '.join(x.get('programs') or []) or '-'}]"
        for x in listings
    )
    if verdict == "cleared":
        outcome = "CLEARED"
    else:
        outcome = "STILL LISTED by " + "; ".join(
            f"{x['authority']} {x['source']}:{x['source_id']} ({', '.join(x['programs']) or '-'})"
            for x in p["listings"]
        )
    return (
        f"row {p.get('row')} {p.get('name')!r} -> {p['party']} {p['caption']!r} ({p['schema']}, "
        f"score {p.get('score')})\n    listings: {items}\n    verdict: {outcome}"
    )


def summary(data: dict[str, Any]) -> list[str]:
    c = data["counts"]
    parties = c["parties"]
    rows = data.get("rows", [])
    lines = [
        f"parties (row hits) evaluated {parties['evaluated']}, affected {parties['affected']}, "
        f"cleared {parties['cleared']}, still listed {parties['still_listed']}; "
        f"distinct parties {len({p['party'] for _, p in parties_of(data)})}",
        f"rows with hits {len(rows)}, rows entirely clear {sum(r['clear'] for r in rows)}",
        f"cleared by schema: {parties['cleared_by_schema']}",
    ]
    for part in ("listings_lifted", "listings_remaining"):
        for key in ("by_authority", "by_program", "by_schema"):
            items = list(c[part][key].items())
            text = ", ".join(f"{k} {v}" for k, v in items[:12])
            more = f" … (+{len(items) - 12})" if len(items) > 12 else ""
            lines.append(f"{part} {key}: {text}{more}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--home", type=Path, required=True, help="store home with every source")
    parser.add_argument("--out", type=Path, help="working folder (default: temporary)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--positives", type=int, default=300)
    parser.add_argument("--negatives", type=int, default=700)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--scenario", action="append", help="a lift (repeatable; one per run)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args()
    scenarios = [[s] for s in (args.scenario or ["us:russia", "us:*"])]
    out = args.out or Path(tempfile.mkdtemp(prefix="thaw-whatif-batch-"))
    out.mkdir(parents=True, exist_ok=True)
    figures: dict[str, Any] = {"seed": args.seed, "out": str(out)}

    t = time.perf_counter()
    source = build_input(args.home, out, args.seed, args.positives, args.negatives)
    say(f"input: {source} ({args.positives} listed + {args.negatives} negatives)")
    results = out / "results.jsonl"
    t = time.perf_counter()
    thaw("screen-file", str(source), "--output", str(results), home=args.home)
    rows = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    with open(out / "truth.csv", encoding="utf-8") as fh:
        truth = {r["id"]: r for r in csv.DictReader(fh)}
    found = sum(
        1
        for r in rows
        if truth[r["id"]]["truth"]
        and any(
            f"{x['source']}:{x['source_id']}" == truth[r["id"]]["truth"]
            for h in r["hits"]
            for x in h["listings"]
        )
    )
    with_hits = Counter(
        "listed" if truth[r["id"]]["truth"] else "negative" for r in rows if r["hits"]
    )
    figures["screening"] = {
        "rows": len(rows),
        "seconds": round(time.perf_counter() - t, 1),
        "listed_rows_hitting_their_listing": found,
        "rows_with_hits": dict(with_hits),
    }
    say(
        f"screened {len(rows)} rows in {figures['screening']['seconds']} s: "
        f"{found}/{args.positives} listed names hit their own listing; "
        f"rows with hits {dict(with_hits)}"
    )

    view = ProfileView(args.home)
    first: dict[str, Any] | None = None
    for lifts in scenarios:
        flags = [f"--lift={x}" for x in lifts]
        t = time.perf_counter()
        data = json.loads(
            thaw("whatif", *flags, "--results", str(results), "--json", home=args.home)
        )
        seconds = round(time.perf_counter() - t, 1)
        (out / f"whatif-{'+'.join(lifts).replace('*', 'all').replace(':', '-')}.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        first = first or data
        say()
        say(f"== scenario {' '.join(lifts)} ({seconds} s)")
        for line in summary(data):
            say("  " + line)
        problems = check(view, lifts, data)
        say(f"  oracle: {len(problems)} disagreement(s)")
        for line in problems[:30]:
            say("    " + line)
        figures[" ".join(lifts)] = {"counts": data["counts"], "disagreements": problems}

    assert first is not None
    say()
    say(f"== sample of {args.sample} parties, scenario {' '.join(scenarios[0])} (seed {args.seed})")
    for i, (verdict, p) in enumerate(sample(first, args.sample, args.seed), start=1):
        listings = None
        if str(p["party"]).startswith("p-"):
            listings = view.listings(str(p["party"]))
        say(f"{i:2d}. " + describe(verdict, p, listings or all_listings(p)))
    view.close()
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
