"""A mutation fuzzer for every input thaw reads (issue 17, item 13).

It takes a seed file of each format thaw reads — the official list publications
(OFAC CSV, legacy/advanced/enhanced XML, UN, EU XML and CSV, UK OFSI and FCDO, Canada,
Switzerland, the US CSL and DPL, FollowTheMoney) and users' inputs (CSV, JSONL and
Parquet for ``screen-file``; HTML, PDF and DOCX for ``screen-text``) — and mutates it:
bit flips, truncations, inserted random bytes, deleted and duplicated chunks (across
rows), special bytes (NUL, Ctrl-Z, quotes, ``<``, ``&``, invalid UTF-8, a very long
run). Each mutant runs in a forked child with a memory limit and a deadline, and must

* never raise anything but thaw's documented refusals (``SourceError``,
  ``LoadError``, ``BatchError``, ``ScreenInputError``, ``ExtractError``): anything
  else is a **traceback**;
* finish within the deadline (else a **hang**: CPU seconds, through ``RLIMIT_CPU``,
  or ten times that in wall time for a child blocked on something) and within the
  memory limit (else **oom**); the child's peak RSS and CPU time are recorded;
* for list publications, loaded into a copy of a store holding the clean seed:
  leave the active data **unchanged** when refused, and equal to a **clean parse** of
  the accepted file when accepted (else **inconsistent**).

The seeds are the small committed fixtures (``tests/fixtures``), so CI does not
depend on the shared data; ``benchmarks/fuzz.py`` runs it longer, from seeds cut
from the real publications at a record boundary (:mod:`tests.fuzz.seeds`) and, for
a share of the mutants, from the full publications. The parent imports thaw and
prepares each target's store once; each mutant then costs one ``fork`` (the child
inherits everything loaded, under its own ``RLIMIT_AS``). The harness needs
``fork`` (Linux, macOS).
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import io
import itertools
import json
import logging
import os
import random
import resource
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
FUZZ_FIXTURES = FIXTURES / "fuzz"

MEMORY_LIMIT = 1 << 30
"""Largest address-space growth a mutant may cause (beyond what the parent holds)."""
DEADLINE_S = 20.0
"""Most CPU seconds a mutant may take (the seeds take milliseconds). CPU time, not
wall time: on a busy machine a child that is merely waiting for a core is no hang."""
WALL_FACTOR = 10.0
"""A child still running after this many times :data:`DEADLINE_S` of wall time is
blocked (waiting on something that never comes): also a hang."""


@dataclass(frozen=True, slots=True)
class Target:
    """One format to fuzz: a seed file and how thaw reads it."""

    name: str
    kind: str  # "list", "rows" or "text"
    seed: Path
    companions: tuple[Path, ...] = ()
    """Files copied unchanged beside the mutant (OFAC CSV companions)."""
    full: tuple[Path, tuple[Path, ...]] | None = None
    """A full-size publication (main file, companions) mutated for a share
    (:data:`FULL_SHARE`) of the mutants, when ``seed`` is a cut of it."""


ROUND = 25
"""Mutants of one target run before the next target's turn (see :func:`run`)."""

FULL_SHARE = 0.03
"""The share of mutants made from the full-size publication, where a target has one."""


def targets(real: Path | None = None) -> list[Target]:
    """Every format thaw reads, each with its committed seed; with ``real`` (a folder
    to write to), the formats with a real publication in the shared data get a cut
    of it as their seed instead, and the full publication besides
    (:mod:`tests.fuzz.seeds`)."""
    f = FIXTURES
    lists = [
        ("us_ofac_sdn csv", f / "ofac/csv/sdn.csv", ("add.csv", "alt.csv", "sdn_comments.csv")),
        ("us_ofac_sdn xml", f / "ofac/SDN.XML", ()),
        ("us_ofac_sdn advanced xml", f / "ofac/SDN_ADVANCED.XML", ()),
        ("us_ofac_sdn enhanced xml", f / "ofac/SDN_ENHANCED.XML", ()),
        ("us_ofac_cons csv", f / "ofac/cons/cons_prim.csv", ()),
        ("un_sc xml", f / "cli/un_sc/consolidated.xml", ()),
        ("eu_fsf xml", f / "eu_fsf/xmlFullSanctionsList_1_1.xml", ()),
        ("eu_fsf csv", f / "eu_fsf/csvFullSanctionsList_1_1.csv", ()),
        ("uk_ofsi csv", f / "uk_ofsi/ConList.csv", ()),
        ("uk_ofsi xml", f / "uk_ofsi/ConList.xml", ()),
        ("uk_fcdo xml", f / "uk_fcdo/UK_Sanctions_List.xml", ()),
        ("uk_fcdo ods", f / "uk_fcdo/UK_Sanctions_List.ods", ()),
        ("ca_sema xml", f / "ca_sema/sema-lema.xml", ()),
        ("ch_seco xml", f / "ch_seco/swiss-sanctions-list.xml", ()),
        ("us_trade_csl csv", f / "us_trade_csl/consolidated.csv", ()),
        ("us_bis_dpl tsv", f / "us_bis_dpl/dpl.txt", ()),
        ("ftm jsonl", f / "ftm/entities.ftm.json", ()),
    ]
    out = [
        Target(name, "list", seed, tuple(seed.parent / c for c in comps))
        for name, seed, comps in lists
    ]
    if (f / "ofac/cons").is_dir():
        out[4] = dataclasses.replace(
            out[4],
            companions=tuple(f / "ofac/cons" / c for c in ("cons_add.csv", "cons_alt.csv")),
        )
    out += [
        Target("screen csv", "rows", f / "screening/queries.csv"),
        Target("screen jsonl", "rows", f / "screening/queries.jsonl"),
        Target("screen parquet", "rows", FUZZ_FIXTURES / "queries.parquet"),
        Target("text html", "text", f / "texts/09_page.html"),
        Target("text pdf", "text", FUZZ_FIXTURES / "report.pdf"),
        Target("text docx", "text", FUZZ_FIXTURES / "letter.docx"),
    ]
    if real is not None:
        from tests.fuzz.seeds import real_seeds

        cut = real_seeds(real)
        out = [
            dataclasses.replace(
                t, seed=cut[t.name].cut[0], companions=cut[t.name].cut[1], full=cut[t.name].full
            )
            if t.name in cut
            else t
            for t in out
        ]
    return [t for t in out if t.seed.is_file()]


# -- mutations -------------------------------------------------------------------------

SPECIAL = [
    b"\x00",
    b"\x1a",
    b'"',
    b"<",
    b"&",
    b"\xff\xfe",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\r",
    b"\n",
    b",",
    b"]]>",
    b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
    b"&#0;",
    b"A" * 70_000,
    b"{" * 3000,
    b"<a>" * 300,
]


def _span(rng: random.Random, size: int) -> tuple[int, int]:
    start = rng.randrange(max(size, 1))
    length = min(size - start, int(rng.expovariate(1 / 64)) + 1)
    return start, start + length


def bit_flip(data: bytearray, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(data))
        data[at] ^= 1 << rng.randrange(8)
    return "bit flips"


def truncate(data: bytearray, rng: random.Random) -> str:
    del data[rng.randrange(len(data)) :]
    return "truncation"


def insert(data: bytearray, rng: random.Random) -> str:
    at = rng.randrange(len(data) + 1)
    data[at:at] = rng.randbytes(rng.randint(1, 64))
    return "insertion"


def delete_chunk(data: bytearray, rng: random.Random) -> str:
    start, end = _span(rng, len(data))
    if rng.random() < 0.5:  # across whole lines: a chunk of rows gone
        start = data.rfind(b"\n", 0, start) + 1
        end = data.find(b"\n", end) + 1 or len(data)
    del data[start:end]
    return "chunk deletion"


def duplicate_chunk(data: bytearray, rng: random.Random) -> str:
    start, end = _span(rng, len(data))
    chunk = bytes(data[start:end])
    at = rng.randrange(len(data) + 1)
    data[at:at] = chunk * rng.randint(1, 3)
    return "chunk duplication"


def special(data: bytearray, rng: random.Random) -> str:
    at = rng.randrange(len(data) + 1)
    data[at:at] = rng.choice(SPECIAL)
    return "special bytes"


MUTATORS: list[Callable[[bytearray, random.Random], str]] = [
    bit_flip,
    truncate,
    insert,
    delete_chunk,
    duplicate_chunk,
    special,
]


def mutate(seed: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One mutant of ``seed``: one to three mutations (a truncation last)."""
    data = bytearray(seed)
    done = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        if not data:
            break
        done.append(rng.choice(MUTATORS)(data, rng))
    return bytes(data), "+".join(done)


# -- running ---------------------------------------------------------------------------


@dataclass(slots=True)
class Outcome:
    """What one mutant did."""

    target: str
    mutation: str
    status: str  # accepted, refused, traceback, hang, oom, inconsistent
    detail: str = ""
    seconds: float = 0.0
    max_rss_mb: float = 0.0
    cpu_seconds: float = 0.0


@dataclass(slots=True)
class Report:
    """Outcomes per target."""

    outcomes: list[Outcome] = field(default_factory=list)

    def by_target(self) -> dict[str, Counter[str]]:
        out: dict[str, Counter[str]] = {}
        for o in self.outcomes:
            out.setdefault(o.target, Counter())[o.status] += 1
        return out

    def failures(self) -> list[Outcome]:
        """Tracebacks, hangs, oom and inconsistent stores."""
        return [o for o in self.outcomes if o.status not in ("accepted", "refused")]

    def max_rss_mb(self) -> float:
        return max((o.max_rss_mb for o in self.outcomes), default=0.0)


class Fuzzer:
    """Runs mutants of :func:`targets` (see the module docs)."""

    def __init__(
        self,
        workdir: Path,
        *,
        seed: int = 17,
        deadline: float = DEADLINE_S,
        wall_deadline: float | None = None,
    ) -> None:
        self.workdir = Path(workdir)
        self.rng = random.Random(seed)
        self.deadline = deadline
        self.wall_deadline = deadline * WALL_FACTOR if wall_deadline is None else wall_deadline
        self._homes: dict[str, tuple[Path, str]] = {}
        self._screener: Any = None

    # -- preparation in the parent (shared by the forked children) ---------------------

    def _prepare(self, target: Target) -> None:
        from thaw.screen import Screener
        from thaw.sources import plan
        from thaw.sources.common import country_code
        from thaw.store import Store, load

        # the readers' look-up tables (territory names and others), loaded once here
        # rather than in every child
        country_code("Republic of Nowhere")

        if target.kind == "list" and target.name not in self._homes:
            variants = [(target.name, target.seed, target.companions)]
            if target.full is not None:
                variants.append((f"{target.name} full", *target.full))
            for key, seed, companions in variants:
                home = self.workdir / "homes" / key.replace(" ", "_")
                shutil.rmtree(home, ignore_errors=True)
                seed_dir = self.workdir / "seeds" / key.replace(" ", "_") / "2020-01-01"
                seed_dir.mkdir(parents=True, exist_ok=True)
                for path in (seed, *companions):
                    shutil.copy(path, seed_dir / path.name)
                with Store(home) as store:
                    for job in plan([seed_dir / seed.name]):
                        load(store, job, date="2020-01-01", force=True)
                self._homes[key] = (home, store_digest(home))
        if target.kind in ("rows", "text") and self._screener is None:
            from thaw.index.entry import entry_from_record
            from thaw.model import Record
            from thaw.sources import plan as plan_

            records: list[Record] = []
            for job in plan_([FIXTURES / "cli/un_sc/consolidated.xml"]):
                records.extend(job.open().records)
            self._screener = Screener.from_entries(entry_from_record(r) for r in records)
            self._screener.warm_up()

    def run(
        self, target: Target, mutants: int, rng: random.Random | None = None
    ) -> Iterator[Outcome]:
        """Run ``mutants`` mutants of ``target`` (drawn with ``rng``, default the
        fuzzer's own)."""
        rng = rng or self.rng
        self._prepare(target)
        seed = target.seed.read_bytes()
        full = None
        if target.full is not None:
            full_target = dataclasses.replace(
                target, seed=target.full[0], companions=target.full[1], full=None
            )
            full = (full_target, full_target.seed.read_bytes())
        for n in range(mutants):
            if full is not None and rng.random() < FULL_SHARE:
                data, mutation = mutate(full[1], rng)
                yield self._run_one(full[0], data, f"full-size: {mutation}", n, home=" full")
                continue
            data, mutation = mutate(seed, rng)
            yield self._run_one(target, data, mutation, n)

    # -- one mutant in a forked child --------------------------------------------------

    def _run_one(
        self, target: Target, data: bytes, mutation: str, n: int, home: str = ""
    ) -> Outcome:
        """Run one mutant in a forked child; ``home`` selects the prepared store
        (``" full"``: the one holding the full-size publication)."""
        case = self.workdir / "case"
        shutil.rmtree(case, ignore_errors=True)
        folder = case / "2020-01-02"
        folder.mkdir(parents=True)
        path = folder / target.seed.name
        path.write_bytes(data)
        for companion in target.companions:
            shutil.copy(companion, folder / companion.name)
        read_fd, write_fd = os.pipe()
        began = time.perf_counter()
        # the child inherits the parent's objects frozen: its collector leaves them
        # alone instead of touching (and so copying) every page of them
        gc.freeze()
        pid = os.fork()
        if pid:
            gc.unfreeze()
        if pid == 0:  # pragma: no cover - the child
            os.close(read_fd)
            code = 0
            try:
                result = self._child(target, path, case, home)
            except BaseException as exc:  # noqa: BLE001 - the report says what it was
                code = 1
                kind = "oom" if isinstance(exc, MemoryError) else "traceback"
                tb = "".join(traceback.format_exception(exc))[-3000:]
                result = {"status": kind, "detail": tb}
            with os.fdopen(write_fd, "w") as fh:
                fh.write(json.dumps(result))
            os._exit(code)
        os.close(write_fd)
        status, rusage = self._wait(pid)
        with os.fdopen(read_fd) as fh:
            text = fh.read()
        seconds = time.perf_counter() - began
        rss = rusage.ru_maxrss / 1024 if rusage is not None else 0.0
        cpu = rusage.ru_utime + rusage.ru_stime if rusage is not None else 0.0
        if status == "hang":
            detail = f"blocked: over {self.wall_deadline:.0f} s of wall time"
            return Outcome(target.name, mutation, "hang", detail, seconds, rss, cpu)
        if status == "cpu":
            detail = f"over {self.deadline:.0f} CPU seconds"
            return Outcome(target.name, mutation, "hang", detail, seconds, rss, cpu)
        try:
            result = json.loads(text)
        except ValueError:
            # killed by the memory limit or a signal before it could report
            return Outcome(target.name, mutation, "oom", status, seconds, rss, cpu)
        detail = result.get("detail", "")
        return Outcome(target.name, mutation, result["status"], detail, seconds, rss, cpu)

    def _wait(self, pid: int) -> tuple[str, Any]:
        """Reap the child: ``"cpu"`` when its CPU limit killed it, ``"hang"`` when it
        outlived the wall deadline (then killed), else its exit status."""
        start = time.monotonic()
        end = start + self.wall_deadline
        while True:
            done, wait_status, rusage = os.wait4(pid, os.WNOHANG)
            if done:
                if os.WIFSIGNALED(wait_status) and os.WTERMSIG(wait_status) == signal.SIGXCPU:
                    return "cpu", rusage
                return f"exit status {wait_status}", rusage
            now = time.monotonic()
            if now > end:
                os.kill(pid, signal.SIGKILL)
                _, _, rusage = os.wait4(pid, 0)
                return "hang", rusage
            time.sleep(0.002 if now - start < 0.2 else 0.02)

    def _child(self, target: Target, path: Path, case: Path, home: str) -> dict[str, Any]:
        # Arrow's allocator and thread pools reserve address space they never touch:
        # under the plain cap a clean Parquet file sometimes failed to allocate, so
        # Parquet gets more room to reserve (the RSS bound is checked all the same)
        room = MEMORY_LIMIT * (4 if path.suffix == ".parquet" else 1)
        soft = _address_space() + room
        resource.setrlimit(resource.RLIMIT_AS, (soft, soft))
        # SIGXCPU at the deadline (the hard limit, a SIGKILL, a little later)
        used = resource.getrusage(resource.RUSAGE_SELF)
        cpu = int(used.ru_utime + used.ru_stime + self.deadline) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
        logging.disable(logging.CRITICAL)  # pypdf and others warn about every mutant
        sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))
        if target.kind == "list":
            return self._load(target, path, case, target.name + home)
        if target.kind == "rows":
            return self._screen_file(path)
        return self._screen_text(path)

    def _load(self, target: Target, path: Path, case: Path, key: str) -> dict[str, Any]:
        from thaw.sources import SourceError, plan
        from thaw.store import LoadError, Store, load
        from thaw.store.loader import read_job

        base, before = self._homes[key]
        home = case / "home"
        shutil.copytree(base, home)
        with Store(home) as store:
            try:
                jobs = plan([path])
                results = [load(store, job) for job in jobs]
            except (SourceError, LoadError) as exc:
                if store_digest(home) != before:
                    return {"status": "inconsistent", "detail": f"refused ({exc}) but changed"}
                return {"status": "refused", "detail": str(exc)[:300]}
            for job, result in zip(jobs, results, strict=True):
                if result.status == "unchanged":
                    continue
                clean = read_job(job)
                stored = {
                    r.source_id: hashlib.sha256(_canonical(r).encode()).hexdigest()
                    for r in store.records_at(result.publication)
                }
                parsed = {e.source_id: e.digest for e in clean.entries}
                if stored != parsed:
                    return {"status": "inconsistent", "detail": "stored != clean parse"}
            return {"status": "accepted", "detail": ",".join(r.status for r in results)}

    def _screen_file(self, path: Path) -> dict[str, Any]:
        from thaw.screen.batch import BatchError, screen_file

        out = io.StringIO()
        try:
            summary = screen_file(path, out, self._screener, workers=1)
        except BatchError as exc:
            return {"status": "refused", "detail": str(exc)[:300]}
        return {"status": "accepted", "detail": f"{summary.skipped} skipped"}

    def _screen_text(self, path: Path) -> dict[str, Any]:
        from thaw.screen.text import ExtractError, TextScreener

        try:
            result = TextScreener(self._screener).screen_document(path.read_bytes())
        except ExtractError as exc:
            return {"status": "refused", "detail": str(exc)[:300]}
        return {
            "status": "accepted",
            "detail": f"{len(result.text)} characters, {len(result.parties)} parties",
        }


def _canonical(record: Any) -> str:
    from thaw.store.db import canonical_json

    return canonical_json(record)


def store_digest(home: Path) -> str:
    """One digest of every row of every table of the store under ``home`` (its
    ``meta`` aside): a refused load must leave all of them as they were. Read raw,
    through a read-only connection, which is much cheaper than decoding records."""
    db = sqlite3.connect(f"{(home / 'thaw.db').resolve().as_uri()}?mode=ro", uri=True)
    h = hashlib.sha256()
    try:
        tables = db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' AND name != 'meta' ORDER BY name"
        ).fetchall()
        for (table,) in tables:
            h.update(f"\n{table}\n".encode())
            for row in db.execute(f'SELECT * FROM "{table}"'):
                h.update(repr(row).encode())
    finally:
        db.close()
    return h.hexdigest()


def _address_space() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # pragma: no cover - not Linux
        return 4 << 30


def run(
    mutants: int,
    *,
    seed: int = 17,
    only: list[str] | None = None,
    budget_s: float | None = None,
    real: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
    stop: Callable[[], bool] | None = None,
) -> Report:
    """Fuzz every target (or those whose name contains one of ``only``) with
    ``mutants`` mutants each, stopping a target early when ``budget_s`` (per target)
    is spent; with ``real``, from seeds cut from the real publications where the
    shared data has them. ``stop`` is asked after each mutant whether to end the
    run now (the report then holds what ran)."""
    report = Report()
    with tempfile.TemporaryDirectory(prefix="thaw-fuzz-") as tmp:
        fuzzer = Fuzzer(Path(tmp), seed=seed)
        chosen = [
            t
            for t in targets(Path(tmp) / "real" if real else None)
            if not only or any(o in t.name for o in only)
        ]
        # round robin, ROUND mutants of each target at a time, each target with its
        # own random stream: a run stopped early covers every format alike, and a
        # format's mutants do not depend on which others run
        streams = {
            t.name: fuzzer.run(t, mutants, random.Random(f"{seed}:{t.name}")) for t in chosen
        }
        spent: dict[str, float] = dict.fromkeys(streams, 0.0)
        ran: Counter[str] = Counter()
        while streams:
            for name, stream in list(streams.items()):
                began = time.monotonic()
                for outcome in itertools.islice(stream, ROUND):
                    report.outcomes.append(outcome)
                    ran[name] += 1
                    if on_outcome is not None:
                        on_outcome(outcome)
                    if stop is not None and stop():
                        return report
                spent[name] += time.monotonic() - began
                if ran[name] >= mutants or (budget_s is not None and spent[name] > budget_s):
                    del streams[name]
    return report
