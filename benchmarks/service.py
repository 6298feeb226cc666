"""Service benchmark: a bounded load test of ``thaw serve`` on loopback.

Starts ``thaw serve`` over a copy of a home with every source's newest publication
(``--base``, default ``/work/homes/base``, else ``$THAW_HOME``), creates a key
without rate limit, and measures (each phase stops by itself after ``--seconds``):

* **single-query ``POST /match/default``** at 1, 16 and 64 concurrent clients:
  requests/s, p50 and p99 latency, errors;
* **batches of 100 examples** per ``/match`` call (:func:`batch_phases`), with 1
  and then 2 batches in flight at once, against ``--workers`` workers that each
  screen a batch with the processes they fork (``THAW_BATCH_PROCESSES``, default
  the CPU cores), for two name sets (:data:`BATCH_SETS`): *customer-like*, the
  target's figure (each batch 49 rows of ``negatives_us.csv``, 49 of the
  multilingual ``negatives_global_dev.csv`` and 2 UN listings, with the birth
  date, nationality and gender a customer file gives; after a warm-up of 5,000
  other customers, every name new to the server), and *list-derived*, harder
  (names of UN listings and invented common names: 15-22 candidates a name):
  names/s, latency per batch, and the server's CPU per name split between its
  workers and their forked processes;
* **where a batch's wall time goes** (:func:`batch_walls`, ``--batch-only``): the
  phases of one pooled batch, the worker's and its forked process's;
* **where a batch's CPU goes** (:func:`batch_cost_split`): per name, request
  validation, example parsing, screening, results, JSON, audit and the rest, in
  one process, and what the server spent beyond that (HTTP, the pipes to the
  forked processes, per-process word caches); then the list-derived names
  screened by the screener alone (``screening_only``), with their candidates;
* **audit on vs off** (:func:`audit_ab_http`): two servers, one with
  ``THAW_AUDIT=0``, loaded by 16 clients in alternating rounds (``--rounds`` of
  each), each round's requests/s, p99 and server CPU per request, and the median
  ratio; on PostgreSQL when ``THAW_DATABASE_URL`` is set; also the CPU per
  request on and off in one process (ASGI calls, alternating rounds) and the
  CPU of one append;
* **a list update under load**: while 16 clients run, ``thaw load`` activates a new
  OFAC SDN publication (the newest one in ../shared with one listing removed and
  dated the day after: a delisting); failed requests are counted and the time
  until the server answers from the new publication is reported;
* **RSS** of the server (all its processes) sampled every second over the run.

Single queries are names of real listings (the UN positives of the labelled bench
data) and made-up names, with a birth year or a country on some.

Usage::

    python benchmarks/service.py [--workers 2] [--seconds 10] [--clients 1,16,64] [--quick] [--json]
    python benchmarks/service.py --batch-only [--batch-processes N] [--seconds 8]
    python benchmarks/service.py --audit-only [--rounds 3] [--seconds 8]

Targets (issue 12): at 16 clients >= 1,000 requests/s and p99 <= 50 ms on 2
cores, zero errors, flat RSS; >= 5,000 names/s in batches of 100; the new
publication served within 10 s with zero failed requests; audit costs <= 10 %.
The client runs on the same machine and takes CPU from the server: note
``uptime`` (printed) with the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import types
from pathlib import Path
from typing import Any

import httpx
import orjson

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("THAW_SHARED", ROOT.parent / "shared")) / "data"
NEWEST_SDN = SHARED / "lists" / "us_ofac" / "2024-05-03" / "sdn.csv"
NAMES = SHARED / "bench" / "positives_un.csv"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def queries(n: int = 2000, seed: int = 7) -> list[dict[str, Any]]:
    """Example entities for ``/match``: listed names (some with a year or country)
    and made-up names that should not match."""
    rng = random.Random(seed)
    names: list[tuple[str, str, str]] = []
    if NAMES.exists():
        with NAMES.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                names.append(
                    (row["full_name"], row.get("date_of_birth") or "", row.get("nationality") or "")
                )
    firsts = ["Maria", "John", "Ahmed", "Olga", "Chen", "Fatima", "Pierre", "Ivan", "Sofia"]
    lasts = ["Keller", "Novak", "Haddad", "Moreau", "Ivanova", "Tanaka", "Silva", "Berg"]
    out: list[dict[str, Any]] = []
    for i in range(n):
        if names and i % 2 == 0:
            name, dob, country = rng.choice(names)
            props: dict[str, Any] = {"name": [name]}
            if dob and rng.random() < 0.5:
                props["birthDate"] = [dob[:4]]
            if country and rng.random() < 0.5:
                props["nationality"] = [country]
        else:
            props = {"name": [f"{rng.choice(firsts)} {rng.choice(lasts)}"]}
        out.append({"schema": "Person", "properties": props})
    return out


class Server:
    """A ``thaw serve`` subprocess and its RSS sampler."""

    def __init__(self, home: Path, workers: int, env: dict[str, str]) -> None:
        from thaw.store.state import open_state

        with open_state(home) as state:
            _, self.key = state.keys.create("benchmark", "admin", rate=0)
        self.home = home
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from thaw.cli import app; app()",
                "serve",
                "--port",
                str(self.port),
                "--workers",
                str(workers),
            ],
            env={**os.environ, "THAW_HOME": str(home), "THAW_RELOAD_EVERY": "1", **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.rss: list[tuple[float, float]] = []
        """(seconds, MB): the RSS summed over the server's processes (a page that
        batch processes share with their worker counts once per process)."""
        self.pss: list[tuple[float, float]] = []
        """(seconds, MB): the proportional set size (shared pages counted once)."""
        self._stop = threading.Event()
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/readyz", timeout=5).status_code == 200:
                    # every worker answers ready once it has loaded its index
                    if all(
                        httpx.get(f"{self.url}/readyz", timeout=5).status_code == 200
                        for _ in range(4 * workers)
                    ):
                        break
            except httpx.HTTPError:
                pass
            if self.process.poll() is not None:
                raise RuntimeError("thaw serve exited")
            time.sleep(0.5)
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()

    def _pids(self) -> list[int]:
        """The server and all its descendants (workers, and their batch processes)."""
        pids = [self.process.pid]
        for pid in pids:  # grows while walking
            try:
                children = Path(f"/proc/{pid}/task/{pid}/children")
                pids += [int(p) for p in children.read_text().split()]
            except OSError:
                pass
        return pids

    def workers(self) -> list[int]:
        """The processes that serve requests: uvicorn's workers (the server
        process itself with one worker)."""
        try:
            me = self.process.pid
            children = Path(f"/proc/{me}/task/{me}/children").read_text().split()
        except OSError:
            children = []
        out = []
        for pid in children:
            try:
                if b"resource_tracker" not in Path(f"/proc/{pid}/cmdline").read_bytes():
                    out.append(int(pid))
            except OSError:
                pass
        return out or [self.process.pid]

    def pss_mb(self) -> float:
        """Proportional set size of the server's processes (MB): shared pages (the
        index that forked batch processes share copy-on-write) counted once."""
        total = 0
        for pid in self._pids():
            try:
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
            except OSError:
                pass
        return round(total / 1024, 1)

    def _sample(self) -> None:
        began = time.monotonic()
        while not self._stop.is_set():
            total = 0
            for pid in self._pids():
                try:
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1])
                except OSError:
                    pass
            at = round(time.monotonic() - began, 1)
            self.rss.append((at, round(total / 1024, 1)))
            self.pss.append((at, self.pss_mb()))
            self._stop.wait(1.0)

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by the server's processes."""
        return sum(self.cpu_by_kind().values())

    def cpu_by_kind(self) -> dict[str, float]:
        """CPU seconds so far of the server's workers and of their batch processes,
        user and system apart (``worker_user``, ``worker_sys``, ``batch_user``,
        ``batch_sys``; the main process counts as a worker)."""
        tick = os.sysconf("SC_CLK_TCK")
        out = dict.fromkeys(("worker_user", "worker_sys", "batch_user", "batch_sys"), 0.0)
        workers = {self.process.pid}
        try:
            first = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
            workers.update(int(p) for p in first.read_text().split())
        except OSError:
            pass
        for pid in self._pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            kind = "worker" if pid in workers else "batch"
            out[f"{kind}_user"] += int(fields[11]) / tick
            out[f"{kind}_sys"] += int(fields[12]) / tick
        return out

    def measure(
        self,
        clients: int,
        seconds: float,
        bodies: list[dict[str, Any]],
        start: int = 0,
        once: bool = False,
        balance: bool | None = None,
    ) -> dict[str, Any]:
        """:func:`load`, plus the server's CPU time per request: on a machine shared
        with other work, ``1000 / cpu_ms_per_request`` is what one core would serve;
        ``balance``: the connections spread evenly over the workers (``True``), or
        left as the kernel dealt them and reported (``False``)."""
        workers = None if balance is None else self.workers()
        began = self.cpu_seconds()
        stats = asyncio.run(
            load(
                self.url,
                self.key,
                clients,
                seconds,
                bodies,
                start=start,
                once=once,
                workers=workers,
                even=bool(balance),
            )
        )
        used = self.cpu_seconds() - began
        if stats["requests"]:
            server_ms = 1000 * used / stats["requests"]
            stats["server_cpu_ms_per_request"] = round(server_ms, 3)
            client_ms = stats["client_cpu_ms_per_request"]
            stats["client_cpu_share_pct"] = round(100 * client_ms / (client_ms + server_ms), 1)
            # what the server would answer with both cores to itself
            stats["requests_per_2_cpu_s"] = round(2000 / server_ms) if server_ms else None
        return stats

    def rss_now(self) -> float:
        """The latest RSS sample (MB), after a second's wait for a fresh one."""
        time.sleep(1.1)
        return self.rss[-1][1] if self.rss else 0.0

    def stop(self) -> None:
        """Stop the server, then any of its processes that outlived it (on a starved
        machine uvicorn may restart a worker that missed its health check just as
        the server stops); a process counts as the server's while it serves this
        benchmark's home (so a reused process id is left alone)."""
        self._stop.set()
        tree = self._pids()
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        mark = f"THAW_HOME={self.home}".encode()
        for pid in tree[1:] + self._pids()[1:]:
            try:
                if mark in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0"):
                    os.kill(pid, signal.SIGKILL)
            except (OSError, ProcessLookupError):
                pass


def connection_owners(server_port: int, workers: list[int]) -> dict[int, int]:
    """Which worker process holds the server side of each open loopback connection
    to ``server_port``: client port -> worker pid (from /proc/net/tcp and the
    workers' open file descriptors)."""
    inodes: dict[str, int] = {}
    for pid in workers:
        try:
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                try:
                    link = os.readlink(fd)
                except OSError:
                    continue
                if link.startswith("socket:["):
                    inodes[link[8:-1]] = pid
        except OSError:
            continue
    owners: dict[int, int] = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, remote, inode = fields[1], fields[2], fields[9]
            if int(local.rsplit(":", 1)[1], 16) == server_port and inode in inodes:
                owners[int(remote.rsplit(":", 1)[1], 16)] = inodes[inode]
    return owners


async def balanced_connections(
    host: str, port: int, clients: int, workers: list[int], even: bool = True
) -> tuple[list[tuple[asyncio.StreamReader, asyncio.StreamWriter]], dict[str, Any]]:
    """``clients`` kept-alive connections spread evenly over the server's
    ``workers``.

    Every worker of ``thaw serve`` accepts from one shared listening socket, and
    the connections opened at once by a test's clients are taken by whichever
    worker wakes first: measured, a round of 16 new connections went to a single
    worker one time in three (the other worker idle, throughput halved). Two
    servers compared in rounds would then compare how the kernel dealt the
    connections. So this opens connections (up to eight times ``clients``) until
    each worker holds its share, keeps those and closes the rest; it reports the
    split the first ``clients`` connections had (``first_split``). ``even=False``:
    keep those first ones, however they were dealt (only reported)."""
    if not even:
        first = [await asyncio.open_connection(host, port) for _ in range(clients)]
        await asyncio.sleep(0.05)  # the workers accept
        owners = connection_owners(port, workers)
        dealt = [
            sum(owners.get(w.get_extra_info("sockname")[1]) == pid for _, w in first)
            for pid in workers
        ]
        return first, {
            "first_split": dealt,
            "split": dict(zip(map(str, workers), dealt, strict=True)),
        }
    share = -(-clients // len(workers))
    opened: list[tuple[asyncio.StreamReader, asyncio.StreamWriter, int]] = []
    first_split: dict[int, int] | None = None
    kept: dict[int, list[tuple[asyncio.StreamReader, asyncio.StreamWriter]]] = {
        pid: [] for pid in workers
    }
    while sum(len(v) for v in kept.values()) < clients and len(opened) < 8 * clients:
        reader, writer = await asyncio.open_connection(host, port)
        opened.append((reader, writer, writer.get_extra_info("sockname")[1]))
        if len(opened) % clients:
            continue
        await asyncio.sleep(0.05)  # the workers accept
        owners = connection_owners(port, workers)
        if first_split is None:
            first_split = {pid: 0 for pid in workers}
            for _, _, local in opened:
                if local in owners:
                    first_split[owners[local]] += 1
        kept = {pid: [] for pid in workers}
        for reader, writer, local in opened:
            pid = owners.get(local)
            if pid is not None and len(kept[pid]) < share:
                kept[pid].append((reader, writer))
    chosen = [c for pid in workers for c in kept[pid]][:clients]
    keep = {id(w) for _, w in chosen}
    for _, writer, _ in opened:
        if id(writer) not in keep:
            writer.close()
    while len(chosen) < clients:  # could not balance: as the kernel deals them
        chosen.append(await asyncio.open_connection(host, port))
    split = {str(pid): len(kept[pid]) for pid in workers}
    return chosen, {"first_split": list((first_split or {}).values()), "split": split}


def encode_requests(key: str, bodies: list[dict[str, Any]], path: str) -> list[bytes]:
    """Each body as a complete HTTP/1.1 request, encoded once (keep-alive)."""
    out = []
    for body in bodies:
        data = json.dumps(body).encode()
        head = (
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Authorization: Bearer {key}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(data)}\r\n\r\n"
        )
        out.append(head.encode() + data)
    return out


async def _exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> bytes:
    """Send one request on a kept-alive connection; the status code of its answer
    (the body is read and dropped)."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
    if length:
        await reader.readexactly(length)
    return head[9:12]


async def load(
    url: str,
    key: str,
    clients: int,
    seconds: float,
    bodies: list[dict[str, Any]],
    path: str = "/match/default",
    start: int = 0,
    once: bool = False,
    workers: list[int] | None = None,
    even: bool = True,
) -> dict[str, Any]:
    """``clients`` concurrent loops of ``POST /match/default`` for ``seconds``,
    sending ``bodies`` in turn from ``start`` (``sent`` in the answer: how many were
    sent, so that the next phase can go on with bodies this one did not send);
    ``once``: stop sooner if every body has been sent once; ``workers`` (the
    server's worker processes): connections spread evenly over them
    (:func:`balanced_connections`, reported as ``connections``; ``even=False``: as
    the kernel dealt them, only reported).

    The client is made cheap, because it shares the machine's cores with the
    server: raw asyncio streams, one kept-alive connection per client, requests
    encoded before the clock starts. Its own CPU time is reported
    (``client_cpu_ms_per_request``)."""
    host, port = url.removeprefix("http://").split(":")
    requests = encode_requests(key, bodies, path)
    sizes = [len(b["queries"]) for b in bodies]
    latencies: list[float] = []
    errors: dict[str, int] = {}
    names = 0
    sent = 0
    spread: dict[str, Any] | None = None
    ready: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
    if workers:
        ready, spread = await balanced_connections(host, int(port), clients, workers, even)
    stop_at = time.monotonic() + seconds
    end = start + len(bodies) if once else None

    async def worker(offset: int) -> None:
        nonlocal names, sent
        i = start + offset
        if ready:
            reader, writer = ready[offset]
        else:
            reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while time.monotonic() < stop_at and (end is None or i < end):
                k = i % len(requests)
                i += clients
                sent += 1
                began = time.perf_counter()
                try:
                    status = await _exchange(reader, writer, requests[k])
                except (OSError, asyncio.IncompleteReadError) as exc:
                    errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, int(port))
                    continue
                if status != b"200":
                    code = status.decode()
                    errors[code] = errors.get(code, 0) + 1
                    continue
                latencies.append(time.perf_counter() - began)
                names += sizes[k]
        finally:
            writer.close()

    cpu = time.process_time()
    began = time.monotonic()
    await asyncio.gather(*(worker(k) for k in range(clients)))
    elapsed = time.monotonic() - began
    cpu = time.process_time() - cpu
    latencies.sort()
    n = len(latencies)
    return {
        "clients": clients,
        "requests": n,
        "requests_per_s": round(n / elapsed, 1),
        "names_per_s": round(names / elapsed, 1),
        "p50_ms": round(1000 * statistics.median(latencies), 1) if n else None,
        "p99_ms": round(1000 * latencies[min(n - 1, int(n * 0.99))], 1) if n else None,
        "errors": errors,
        "elapsed_s": round(elapsed, 2),
        "client_cpu_ms_per_request": round(1000 * cpu / n, 3) if n else None,
        "sent": sent,
        "connections": spread,
    }


def single_bodies() -> list[dict[str, Any]]:
    return [{"queries": {"q": q}} for q in queries()]


def batch_bodies(size: int = 100) -> list[dict[str, Any]]:
    qs = queries(20 * size, seed=11)
    return [{"queries": {f"q{j}": qs[i + j] for j in range(size)}} for i in range(0, len(qs), size)]


def customer_example(row: dict[str, str]) -> dict[str, Any]:
    """A ``/match`` example of one customer row (``full_name``, ``gender``,
    ``date_of_birth``, ``nationality``): what an onboarding system sends."""
    props: dict[str, Any] = {"name": [row["full_name"]]}
    if row.get("date_of_birth"):
        props["birthDate"] = [row["date_of_birth"]]
    if row.get("nationality"):
        props["nationality"] = [row["nationality"]]
    if row.get("gender") in ("male", "female"):
        props["gender"] = [row["gender"]]
    return {"schema": "Person", "properties": props}


CUSTOMER_MIX = (("negatives_us.csv", 49), ("negatives_global_dev.csv", 49), ("positives_un.csv", 2))
"""The customer-like batch of 100: where its rows come from, and how many of each."""


def customer_bodies(size: int = 100) -> list[dict[str, Any]]:
    """Batches of customer-like examples, the mix of a bank's customer file
    (:data:`CUSTOMER_MIX`): in each batch of 100, 49 people of ``negatives_us.csv``
    (a US customer file), 49 of ``negatives_global_dev.csv`` (a multilingual one:
    two thirds Latin script, the rest Chinese, Arabic/Persian, Korean or Cyrillic)
    and 2 listed people of ``positives_un.csv`` (UN listings, far more than a real
    file holds, so that hits and their entities are paid for), each with the
    birth date, nationality and gender the file gives. Every name is distinct
    until the smaller negatives file runs out (408 batches, 40,800 names), so a
    phase that sends fewer meets no name twice (a listed name may recur)."""
    rng = random.Random(13)
    columns: list[list[dict[str, Any]]] = []
    for name, _ in CUSTOMER_MIX:
        with (SHARED / "bench" / name).open(encoding="utf-8") as fh:
            rows = [customer_example(r) for r in csv.DictReader(fh)]
        rng.shuffle(rows)
        columns.append(rows)
    batches = min(
        len(rows) // k for rows, (_, k) in zip(columns, CUSTOMER_MIX, strict=True) if k > 2
    )
    out: list[dict[str, Any]] = []
    for b in range(batches):
        batch: list[dict[str, Any]] = []
        for rows, (_, k) in zip(columns, CUSTOMER_MIX, strict=True):
            batch += [rows[(b * k + j) % len(rows)] for j in range(k)]
        rng.shuffle(batch)
        out.append({"queries": {f"q{j}": q for j, q in enumerate(batch[:size])}})
    return out


def delisted_sdn(folder: Path) -> Path:
    """The newest SDN CSV without its first listing (a delisting), in ``folder``."""
    lines = NEWEST_SDN.read_bytes().splitlines(keepends=True)
    target = folder / "sdn.csv"
    target.write_bytes(b"".join(lines[1:]))
    return target


def update_under_load(server: Server, home: Path, seconds: float, folder: Path) -> dict[str, Any]:
    """16 clients while ``thaw load`` activates a new SDN publication."""
    before = httpx.get(f"{server.url}/readyz", timeout=10).json()["lists"]
    result: dict[str, Any] = {}

    def loader() -> None:
        time.sleep(2)
        path = delisted_sdn(folder)
        began = time.monotonic()
        run = subprocess.run(
            [
                sys.executable,
                "-c",
                "from thaw.cli import app; app()",
                "load",
                str(path),
                "--date",
                "2024-05-04",
                "--home",
                str(home),
            ],
            capture_output=True,
            text=True,
        )
        loaded = time.monotonic()
        result["load_exit"] = run.returncode
        if run.returncode:
            result["load_error"] = run.stderr[-600:]
        result["load_seconds"] = round(loaded - began, 1)
        slow = 0
        while time.monotonic() - loaded < 60:
            try:
                fps = {
                    httpx.get(f"{server.url}/readyz", timeout=10).json()["lists"] for _ in range(6)
                }
            except httpx.HTTPError:  # an answer slower than 10 s (on a saturated machine)
                slow += 1
                result["readyz_timeouts"] = slow
                continue
            if before not in fps:
                result["served_after_load_s"] = round(time.monotonic() - loaded, 1)
                return
            time.sleep(0.2)
        result["served_after_load_s"] = None

    thread = threading.Thread(target=loader)
    thread.start()
    stats = asyncio.run(load(server.url, server.key, 16, seconds, single_bodies()))
    thread.join()
    return {**stats, **result}


async def asgi_match(app: Any, key: str, body: bytes) -> None:
    """One ``POST /match/default`` straight into the ASGI app (no socket)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/match/default",
        "raw_path": b"/match/default",
        "query_string": b"",
        "root_path": "",
        "server": ("127.0.0.1", 80),
        "client": ("127.0.0.1", 1),
        "headers": [
            (b"authorization", f"Bearer {key}".encode()),
            (b"content-type", b"application/json"),
        ],
    }
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            # a turn of the loop, as a request read from a socket gives: without it
            # one coroutine would run its requests back to back, and timers (such as
            # the audit writer's commit window) would wait for all of them
            await asyncio.sleep(0)
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.Event().wait()
        return {"type": "http.disconnect"}

    async def send(message: Any) -> None:
        if message["type"] == "http.response.start" and message["status"] != 200:
            raise RuntimeError(f"/match answered {message['status']}")

    await app(scope, receive, send)


def in_process_app(home: Path, name: str, **settings: Any) -> tuple[Any, str]:
    """The service app over ``home`` (no reloads) and a new screening key."""
    from thaw.api.app import create_app
    from thaw.api.settings import Settings
    from thaw.store.state import open_state

    with open_state(home) as state:
        _, key = state.keys.create(name, "screen", rate=0)
    values = {"home": home, "reload_every": 3600, **settings}
    return create_app(Settings.model_validate(values)), key


def audit_ab(home: Path, rounds: int = 6, n: int = 400, commit: str = "after") -> dict[str, Any]:
    """CPU per ``/match`` request with the audit on and off, measured in one process
    over the same app (ASGI calls, 16 at a time, ``THAW_AUDIT_COMMIT`` = ``commit``),
    in alternating rounds, so that other work on the machine weighs on both alike;
    the median round of each counts."""
    app, key = in_process_app(home, "audit a/b", audit_commit=commit)
    bodies = [json.dumps(b).encode() for b in single_bodies()[:n]]

    async def run() -> dict[str, list[float]]:
        out: dict[str, list[float]] = {"on": [], "off": []}
        async with app.router.lifespan_context(app):
            rt = app.state.thaw
            while rt.engine.current() is None:
                await asyncio.sleep(0.2)
            for body in bodies:  # every entity the rounds will show, cached
                await asgi_match(app, key, body)

            async def worker(k: int) -> None:
                for i in range(k, n, 16):
                    await asgi_match(app, key, bodies[i])

            for _ in range(rounds):
                for mode in ("on", "off"):
                    rt.settings.audit = mode == "on"
                    began = time.process_time()
                    await asyncio.gather(*(worker(k) for k in range(16)))
                    out[mode].append(1000 * (time.process_time() - began) / n)
        return out

    rounds_ms = asyncio.run(run())
    on, off = statistics.median(rounds_ms["on"]), statistics.median(rounds_ms["off"])
    return {
        "cpu_ms_on": round(on, 3),
        "cpu_ms_off": round(off, 3),
        "cost_pct": round(100 * (on - off) / off, 1),
        "rounds_ms": {k: [round(v, 3) for v in vs] for k, vs in rounds_ms.items()},
    }


def _children_cpu() -> float:
    """CPU seconds used so far by this process's live children."""
    me = os.getpid()
    total = 0
    try:
        pids = Path(f"/proc/{me}/task/{me}/children").read_text().split()
    except OSError:
        return 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return total / os.sysconf("SC_CLK_TCK")


def batch_ab(home: Path, rounds: int = 3, processes: int = 2) -> dict[str, Any]:
    """Batches of 100, one at a time, screened by the worker alone and with
    ``processes`` processes (the worker and its forked ones), in one process over
    the same app, in alternating rounds after a warm-up round of each (so that every
    process has met the names): names/s and CPU per name (the worker's and its
    batch processes'), the median round of each."""
    app, key = in_process_app(home, "batch a/b", batch_processes=processes)
    bodies = [json.dumps(b).encode() for b in batch_bodies()]
    names = 100 * len(bodies)

    async def run() -> dict[str, list[tuple[float, float]]]:
        out: dict[str, list[tuple[float, float]]] = {"alone": [], "pool": []}
        async with app.router.lifespan_context(app):
            rt = app.state.thaw
            while rt.engine.current() is None:
                await asyncio.sleep(0.2)
            for turn in range(rounds + 1):
                for mode in ("alone", "pool"):
                    rt.settings.batch_processes = 1 if mode == "alone" else processes
                    cpu, kids = time.process_time(), _children_cpu()
                    began = time.perf_counter()
                    for body in bodies:
                        await asgi_match(app, key, body)
                    wall = time.perf_counter() - began
                    used = time.process_time() - cpu + _children_cpu() - kids
                    if turn:  # the first round warms up
                        out[mode].append((names / wall, 1000 * used / names))
        return out

    measured = asyncio.run(run())
    report: dict[str, Any] = {"processes": processes}
    for mode, values in measured.items():
        report[f"{mode}_names_per_s"] = round(statistics.median(v[0] for v in values))
        report[f"{mode}_cpu_ms_per_name"] = round(statistics.median(v[1] for v in values), 3)
    return report


def screening_only(home: Path) -> dict[str, Any]:
    """CPU per name of screening the batch phase's names with the screener alone,
    in this process: what a batch costs without HTTP, parsing, entities, audit and
    JSON, so the ceiling of the batch figure. Twice: the first pass meets each name's
    words for the first time (the screener caches per-word work), the second finds
    them cached, as a server does for names it has seen (the batch phases cycle
    through the same 2,000 names).

    Also, apart for the listed names (half of the queries: names of UN listings)
    and the invented ones: CPU per name and the candidates scored per name. A
    listed name shares its words with many listings, so it has many more
    candidates to score than a customer row of ``benchmarks/screening.py``; this
    is why a ``/match`` name costs more than a screen-file row."""
    from thaw.api.engine import Snapshot
    from thaw.api.matching import Filters, fetch_size, parse_example
    from thaw.api.pool import screen_tasks
    from thaw.api.settings import Settings
    from thaw.schemas.yente import EntityExample

    settings = Settings.model_validate({"home": home})
    snap = Snapshot.build(home)
    scope = snap.datasets()["default"]
    tasks = []
    listed: list[bool] = []
    fetch = fetch_size(settings.match_limit, scope, Filters(), None)
    for body in batch_bodies():
        for example in body["queries"].values():
            parsed = parse_example(EntityExample.model_validate(example))
            tasks += [(q, fetch) for q in parsed.queries]
            # queries() alternates a listed name and an invented one
            listed += [len(listed) % 2 == 0] * len(parsed.queries)
    began = time.process_time()
    screen_tasks(snap.screener, tasks, 0.7, "thaw")
    first = 1000 * (time.process_time() - began) / len(tasks)
    began = time.process_time()
    screen_tasks(snap.screener, tasks, 0.7, "thaw")
    per_name = 1000 * (time.process_time() - began) / len(tasks)
    report: dict[str, Any] = {
        "names": len(tasks),
        "cpu_ms_per_name_first_pass": round(first, 3),
        "cpu_ms_per_name": round(per_name, 3),
        "names_per_2_cpu_s": round(2000 / per_name),
    }
    for kind, wanted in (("listed", True), ("invented", False)):
        some = [t for t, is_listed in zip(tasks, listed, strict=True) if is_listed == wanted]
        began = time.process_time()
        screen_tasks(snap.screener, some, 0.7, "thaw")
        report[f"{kind}_cpu_ms_per_name"] = round(
            1000 * (time.process_time() - began) / len(some), 3
        )
        found = [len(snap.screener.candidates_of(q)) for q, _ in some]
        report[f"{kind}_candidates_per_name"] = round(statistics.mean(found), 1)
    return report


def audit_append_cost(folder: Path, n: int = 2000) -> dict[str, float]:
    """CPU time to append one typical ``/match`` audit record, alone and in groups of
    16 (what the writer thread does under load): a load-independent measure of the
    audit's cost, to compare with the server's CPU time per request."""
    from thaw.store.state import AuditRecord, open_state

    record = AuditRecord(
        action="match",
        query={"queries": {"q": queries(1)[0]}, "params": {"limit": 5, "cutoff": 0.7}},
        key_id="k1",
        key_name="benchmark",
        dataset="default",
        publications={f"source{i}": {"id": i, "published": "2024-05-03"} for i in range(10)},
        algorithm="thaw",
        threshold=0.7,
        results={"q": [{"id": "p-0123456789ab", "score": 0.9625}]},
    )
    out: dict[str, float] = {}
    with open_state(folder) as state:
        for group in (1, 16):
            began = time.process_time()
            for _ in range(0, n, group):
                state.audit.append_many([record] * group)
            out[f"group_{group}_cpu_ms"] = round(1000 * (time.process_time() - began) / n, 3)
    return out


BATCH_SETS: dict[str, tuple[str, Any, int, bool]] = {
    "customer": (
        "customer-like (each batch 49 negatives_us + 49 negatives_global_dev + 2 positives_un"
        " rows, with birth date, nationality and gender; after a warm-up of 5,000 other"
        " customers, names the server has not screened before)",
        customer_bodies,
        50,
        True,
    ),
    "listed": (
        "list-derived, harder (half names of UN listings, some with a birth year or"
        " country, half invented common names; the 2,000 names recur)",
        batch_bodies,
        10,
        False,
    ),
}
"""The two batch name sets (label, maker, warm-up batches, names distinct): what
integrators send (the target's figure), and a harder one made of listed names
(each shares its words with many listings, so has many more candidates to score);
with the batches of the set's end that warm the server up first. The screener
caches work per word, per process: a server that has run for a while has met the
common words of its customers' names (the warm-up), not their every name (the
measured batches are new to it)."""


def batch_phases(
    server: Server, seconds: float, clients: tuple[int, ...] = (1, 2)
) -> dict[str, Any]:
    """Batches of 100 examples per ``POST /match/default``, for each set of
    :data:`BATCH_SETS`, with 1 and 2 batch requests in flight at once: names/s,
    latency per batch, and the server's CPU per name by kind of process (its
    workers, and the processes they fork to screen a batch). A warm-up with the
    set's last batches comes first (not measured). In a set of distinct names each
    phase then sends batches of its own share of the set, each at most once (it
    stops early when its share runs out), so that no phase meets a name an earlier
    one sent; a set whose names recur is sent in turn, for the phase's time."""
    out: dict[str, Any] = {}
    for kind, (_, make, warm_up, distinct) in BATCH_SETS.items():
        bodies = make()
        warm, bodies = bodies[-warm_up:], bodies[:-warm_up]
        asyncio.run(load(server.url, server.key, 2, 600, warm, once=True))
        share = len(bodies) // len(clients) if distinct else len(bodies)
        for i, c in enumerate(clients):
            mine = bodies[i * share : (i + 1) * share] if distinct else bodies
            before = server.cpu_by_kind()
            stats = server.measure(c, seconds, mine, once=distinct, balance=False)
            after = server.cpu_by_kind()
            names = 100 * stats["requests"] or 1
            stats["cpu_ms_per_name"] = {
                k: round(1000 * (after[k] - before[k]) / names, 4) for k in before
            }
            out[f"{kind}_{c}"] = stats
    return out


def print_batch_phases(report: dict[str, Any], workers: int) -> None:
    """The batch phases' figures, after their method."""
    print(
        f"batches of 100 examples per POST /match/default; {workers} server workers, each "
        "screening a batch with the batch processes it forks (THAW_BATCH_PROCESSES, default "
        "the CPU cores: the worker and cores - 1 forked); 1 or 2 batches in flight at once"
    )
    for kind, (label, *_) in BATCH_SETS.items():
        print(f"  names: {label}")
        for key, b in report.items():
            if not key.startswith(kind + "_"):
                continue
            per = b["cpu_ms_per_name"]
            total = sum(per.values())
            print(
                f"    {b['clients']} in flight: {b['names_per_s']:,.0f} names/s (p50 "
                f"{b['p50_ms']} ms, p99 {b['p99_ms']} ms a batch; errors {b['errors'] or 0}; "
                f"{b['requests']} batches); server CPU {total:.3f} ms a name (= "
                f"{round(2000 / total) if total else None} names per 2 CPU-s): workers "
                f"{per['worker_user'] + per['worker_sys']:.3f}, "
                f"batch processes {per['batch_user'] + per['batch_sys']:.3f}; client "
                f"{b['client_cpu_share_pct']} % of the CPU; connections per worker "
                f"{b['connections']['first_split']}, as the kernel dealt them)"
            )


SPLIT_PARTS = {
    "validate": "request JSON validated (pydantic)",
    "parse": "examples cleaned (FtM), queries built",
    "screen": "screening (thaw.screen)",
    "build": "results built (entities, explanations, decisions)",
    "json": "answer serialised",
    "audit": "audit record built and committed",
    "other": "the rest (ASGI fast path, key, merging)",
}


def batch_cost_split(home: Path, batches: int = 20) -> dict[str, dict[str, float]]:
    """CPU per name of a batch of 100, by part (:data:`SPLIT_PARTS`), for each set
    of :data:`BATCH_SETS`: ``batches`` batches sent one at a time straight into one
    ASGI app in this process, the worker screening alone (no forked processes, no
    socket), each part timed around its function. What the server spends beyond
    the total (HTTP parsing, handing names to the batch processes and their hits
    back) is the difference from the server's CPU per name."""
    import thaw.api.pool as pool_module
    import thaw.api.routers.match as match_module
    from thaw.schemas.yente import EntityMatchQuery

    spent: dict[str, float] = {}

    def timed(function: Any, part: str) -> Any:
        def run(*args: Any, **kw: Any) -> Any:
            began = time.process_time()
            try:
                return function(*args, **kw)
            finally:
                spent[part] = spent.get(part, 0.0) + time.process_time() - began

        return run

    def timed_async(function: Any, part: str) -> Any:
        async def run(*args: Any, **kw: Any) -> Any:
            began = time.process_time()
            try:
                return await function(*args, **kw)
            finally:
                spent[part] = spent.get(part, 0.0) + time.process_time() - began

        return run

    patches = [
        (pool_module, "screen_tasks", timed(pool_module.screen_tasks, "screen")),
        (match_module, "parse_example", timed(match_module.__dict__["parse_example"], "parse")),
        (match_module, "match_example", timed(match_module.__dict__["match_example"], "build")),
        (match_module, "audit_async", timed_async(match_module.__dict__["audit_async"], "audit")),
        (
            EntityMatchQuery,
            "model_validate_json",
            classmethod(timed(EntityMatchQuery.model_validate_json.__func__, "validate")),  # type: ignore[attr-defined]
        ),
        (
            match_module,
            "orjson",
            types.SimpleNamespace(dumps=timed(orjson.dumps, "json")),
        ),
    ]
    saved = [(owner, name, owner.__dict__.get(name)) for owner, name, _ in patches]
    app, key = in_process_app(home, "cost split", batch_processes=1)
    sets = {
        kind: [json.dumps(b).encode() for b in make()] for kind, (_, make, *_) in BATCH_SETS.items()
    }

    async def run() -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        async with app.router.lifespan_context(app):
            rt = app.state.thaw
            while rt.engine.current() is None:
                await asyncio.sleep(0.2)
            for kind, bodies in sets.items():
                for body in bodies[-BATCH_SETS[kind][2] :]:  # warm-up, other names
                    await asgi_match(app, key, body)
                spent.clear()
                began = time.process_time()
                for body in bodies[:batches]:
                    await asgi_match(app, key, body)
                total = time.process_time() - began
                names = 100 * batches
                parts = {k: 1e6 * spent.get(k, 0.0) / names for k in SPLIT_PARTS if k != "other"}
                parts["other"] = 1e6 * total / names - sum(parts.values())
                parts["total"] = 1e6 * total / names
                out[kind] = {k: round(v, 1) for k, v in parts.items()}
        return out

    for owner, name, value in patches:
        setattr(owner, name, value)
    try:
        return asyncio.run(run())
    finally:
        for owner, name, value in saved:
            if value is None:  # inherited (pydantic's BaseModel methods)
                delattr(owner, name)
            else:
                setattr(owner, name, value)


def batch_walls(home: Path, batches: int = 40, processes: int = 2) -> dict[str, Any]:
    """Where the wall time of one pooled batch goes: customer-like batches of 100
    sent one at a time straight into one ASGI app in this process (the worker,
    with ``processes - 1`` forked processes), after a warm-up of 50 other
    batches, each phase timed by wrappers around the functions that do it (in the
    forked processes too, through a file): ms per batch, mean, p50 and max, and
    the collector's pauses over 5 ms. Phases: ``parse`` from the request to the
    hand-over (JSON validation, examples cleaned), ``own`` the worker screening
    names, ``wait`` for the processes after that, ``build`` results and entities,
    ``audit``, ``answer`` (JSON, the rest); ``handover`` from the hand-over to a
    process's first name, ``theirs`` a process screening."""
    import gc

    import thaw.api.pool as pool_module
    import thaw.api.routers.match as match_module

    marks: dict[str, float] = {}
    pauses: list[float] = []
    began_gc: list[float] = [0.0]

    def on_gc(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            began_gc[0] = time.perf_counter()
        elif time.perf_counter() - began_gc[0] > 0.005:
            pauses.append(1000 * (time.perf_counter() - began_gc[0]))

    def marked(function: Any, before: str, after: str) -> Any:
        async def run(*args: Any, **kw: Any) -> Any:
            marks[before] = time.perf_counter()
            result = await function(*args, **kw)
            marks[after] = time.perf_counter()
            return result

        return run

    claims_screen = pool_module.Claims.screen
    screen_claims = pool_module._screen_claims
    log = Path(tempfile.mkstemp(prefix="thaw-walls-")[1])

    def own(self: Any, *args: Any) -> Any:
        marks["own_start"] = time.perf_counter()
        result = claims_screen(self, *args)
        marks["own_end"] = time.perf_counter()
        return result

    def theirs(*args: Any) -> Any:  # in a forked process
        start = time.perf_counter()
        result = screen_claims(*args)
        with log.open("a") as fh:
            fh.write(f"{start} {time.perf_counter()} {len(result)}\n")
        return result

    # pickled by name to the forked process, where the module holds it too
    theirs.__module__, theirs.__qualname__ = pool_module.__name__, "_screen_claims"
    patches = [
        (
            match_module,
            "screen_batch",
            marked(match_module.__dict__["screen_batch"], "parsed", "screened"),
        ),
        (
            match_module,
            "audit_async",
            marked(match_module.__dict__["audit_async"], "built", "audited"),
        ),
        (pool_module.Claims, "screen", own),
        (pool_module, "_screen_claims", theirs),
    ]
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in patches]
    for owner, name, value in patches:
        setattr(owner, name, value)
    app, key = in_process_app(home, "batch walls", batch_processes=processes)
    bodies = [json.dumps(b).encode() for b in customer_bodies()]

    async def run() -> list[tuple[float, float, dict[str, float]]]:
        rows = []
        async with app.router.lifespan_context(app):
            rt = app.state.thaw
            while rt.engine.current() is None:
                await asyncio.sleep(0.2)
            for body in bodies[-50:]:
                await asgi_match(app, key, body)
            log.write_text("")
            gc.callbacks.append(on_gc)
            try:
                for body in bodies[:batches]:
                    marks.clear()
                    start = time.perf_counter()
                    await asgi_match(app, key, body)
                    rows.append((start, time.perf_counter(), dict(marks)))
            finally:
                gc.callbacks.remove(on_gc)
        return rows

    try:
        rows = asyncio.run(run())
        children = [tuple(map(float, line.split())) for line in log.read_text().splitlines()]
    finally:
        for owner, name, value in saved:
            setattr(owner, name, value)
        log.unlink()
    phases: dict[str, list[float]] = {}
    for (start, end, m), (c_start, c_end, _) in zip(rows, children, strict=False):
        for name, value in (
            ("parse", m["parsed"] - start),
            ("own", m["own_end"] - m["own_start"]),
            ("wait", m["screened"] - m["own_end"]),
            ("build", m["built"] - m["screened"]),
            ("audit", m["audited"] - m["built"]),
            ("answer", end - m["audited"]),
            ("total", end - start),
            ("handover", c_start - m["parsed"]),
            ("theirs", c_end - c_start),
        ):
            phases.setdefault(name, []).append(1000 * value)
    out: dict[str, Any] = {
        k: {
            "mean": round(statistics.mean(v), 2),
            "p50": round(statistics.median(v), 2),
            "max": round(max(v), 2),
        }
        for k, v in phases.items()
    }
    out["names_taken_by_processes"] = round(statistics.mean(c[2] for c in children), 1)
    out["gc_pauses_ms"] = [round(x, 1) for x in pauses]
    out["batches"] = len(rows)
    return out


def print_walls(walls: dict[str, Any]) -> None:
    print(
        f"wall time of one batch of 100 customer-like names by phase (ms; in one process, "
        f"the worker and 1 forked process, one batch at a time, {walls['batches']} batches; "
        "parse: request to hand-over; own: the worker screening; wait: for the process "
        "after that; handover: to the process's first name; theirs: the process screening):"
    )
    names = ("parse", "own", "wait", "build", "audit", "answer", "total", "handover", "theirs")
    for name in names:
        w = walls[name]
        print(f"  {name:9s} mean {w['mean']:6.2f}  p50 {w['p50']:6.2f}  max {w['max']:6.2f}")
    print(
        f"  the process screened {walls['names_taken_by_processes']} names a batch; "
        f"collector pauses over 5 ms in the worker: {walls['gc_pauses_ms'] or 'none'}"
    )


def print_cost_split(split: dict[str, dict[str, float]], batch: dict[str, Any]) -> None:
    print(
        "CPU per name of a batch of 100 by part (µs; in one process, the worker screening "
        "alone, one batch at a time):"
    )
    for kind, parts in split.items():
        served = [b for k, b in batch.items() if k.startswith(kind + "_")]
        beyond = ""
        if served:
            server_us = 1000 * min(sum(b["cpu_ms_per_name"].values()) for b in served)
            beyond = (
                f"; the server spent {server_us:.0f} µs a name, {server_us - parts['total']:.0f}"
                " more (HTTP, names and hits to and from the batch processes)"
            )
        print(
            f"  {kind}: total {parts['total']}: "
            + ", ".join(f"{k} {parts[k]}" for k in SPLIT_PARTS)
            + beyond
        )
    print("  parts: " + "; ".join(f"{k}: {v}" for k, v in SPLIT_PARTS.items()))


def audit_ab_http(
    home: Path, workers: int, env: dict[str, str], seconds: float, rounds: int = 3
) -> dict[str, Any]:
    """Audit on against audit off at 16 clients over HTTP: two servers over the
    same home, one with ``THAW_AUDIT=0``, started together and loaded in
    alternating rounds (on, off, on, off …, ``rounds`` of each), so that the
    machine's swings weigh on both alike; each round's requests/s, p99 and server
    CPU per request, and the median of the rounds' throughput ratios. Each round's
    16 connections are spread evenly over the workers (:func:`balanced_connections`):
    otherwise a round measures how the kernel dealt them out. A warm-up sends every
    body once over connections spread the same way, so that each round's names are
    known to the worker they go to (the screener learns each new word once per
    process) in both servers alike."""
    bodies = single_bodies()
    servers = {
        "on": Server(home, workers, env),
        "off": Server(home, workers, {**env, "THAW_AUDIT": "0"}),
    }
    out: dict[str, Any] = {"rounds": {"on": [], "off": []}}
    try:
        for server in servers.values():  # every body once, to the worker it goes to
            warm = load(
                server.url, server.key, 16, 300, bodies, once=True, workers=server.workers()
            )
            asyncio.run(warm)
        for _ in range(rounds):
            for mode, server in servers.items():
                out["rounds"][mode].append(server.measure(16, seconds, bodies, balance=True))
    finally:
        for server in servers.values():
            server.stop()
    on, off = out["rounds"]["on"], out["rounds"]["off"]
    ratios = [a["requests_per_s"] / b["requests_per_s"] for a, b in zip(on, off, strict=True)]
    out["median_on_off_ratio"] = round(statistics.median(ratios), 3)
    for mode, runs in out["rounds"].items():
        out[f"median_rps_{mode}"] = statistics.median(r["requests_per_s"] for r in runs)
        out[f"median_cpu_ms_{mode}"] = statistics.median(
            r["server_cpu_ms_per_request"] for r in runs
        )
    return out


def print_audit_ab(ab: dict[str, Any]) -> None:
    print(
        f"audit on vs off, CPU per /match in one process (alternating rounds, medians): "
        f"{ab['cpu_ms_on']} vs {ab['cpu_ms_off']} ms: cost {ab['cost_pct']} %"
    )


def print_audit_ab_http(ab: dict[str, Any]) -> None:
    backend = "PostgreSQL" if os.environ.get("THAW_DATABASE_URL") else "SQLite"
    print(f"audit on vs off at 16 clients, two servers loaded in alternating rounds ({backend}):")
    for i, (a, b) in enumerate(zip(ab["rounds"]["on"], ab["rounds"]["off"], strict=True)):
        print(
            f"  round {i + 1}: on {a['requests_per_s']:,.0f} req/s (p99 {a['p99_ms']} ms, "
            f"{a['server_cpu_ms_per_request']} ms CPU a request, errors {a['errors'] or 0}); "
            f"off {b['requests_per_s']:,.0f} req/s (p99 {b['p99_ms']} ms, "
            f"{b['server_cpu_ms_per_request']} ms CPU, errors {b['errors'] or 0}); "
            f"connections per worker as first dealt on {a['connections']['first_split']}, "
            f"off {b['connections']['first_split']} (measured evenly spread)"
        )
    print(
        f"  median ratio on/off {ab['median_on_off_ratio']} (cost "
        f"{round(100 * (1 - ab['median_on_off_ratio']), 1)} %); median server CPU a request "
        f"{ab['median_cpu_ms_on']} ms on vs {ab['median_cpu_ms_off']} ms off"
    )


def server_env(args: argparse.Namespace) -> dict[str, str]:
    """The server's extra environment from the options."""
    env = {"THAW_AUDIT_COMMIT": args.audit_commit}
    if args.batch_processes is not None:
        env["THAW_BATCH_PROCESSES"] = str(args.batch_processes)
    return env


def batch_only(args: argparse.Namespace) -> None:
    """``--batch-only``: the batch phases, the CPU split per name and the
    screening-alone figures of the listed names."""
    base = args.base or Path(os.environ.get("THAW_HOME") or "/work/homes/base")
    before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="thaw-bench-svc-") as tmp:
        home = Path(tmp) / "home"
        shutil.copytree(base, home, ignore=shutil.ignore_patterns("state.db*"))
        server = Server(home, args.workers, server_env(args))
        try:
            batch = batch_phases(server, args.seconds)
            pss, rss = server.pss_mb(), server.rss_now()
        finally:
            server.stop()
        split = batch_cost_split(home)
        walls = batch_walls(home)
        sc = screening_only(home)
    print(f"load average before {before}")
    print_batch_phases(batch, args.workers)
    print(f"server PSS {pss} MB, RSS {rss} MB (summed over its processes)")
    print_cost_split(split, batch)
    print_walls(walls)
    print_screening_only(sc)
    print(f"load average after {os.getloadavg()}")


def audit_only(args: argparse.Namespace) -> None:
    """``--audit-only``: audit on against off over HTTP, alternating rounds, then
    the CPU per request on and off in one process."""
    base = args.base or Path(os.environ.get("THAW_HOME") or "/work/homes/base")
    before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="thaw-bench-svc-") as tmp:
        home = Path(tmp) / "home"
        shutil.copytree(base, home, ignore=shutil.ignore_patterns("state.db*"))
        ab = audit_ab_http(home, args.workers, server_env(args), args.seconds, args.rounds)
        cpu = audit_ab(home, commit=args.audit_commit)
    print(
        f"thaw serve --workers {args.workers} (THAW_AUDIT_COMMIT={args.audit_commit}); "
        f"load average before {before}"
    )
    print_audit_ab_http(ab)
    print_audit_ab(cpu)
    print(f"load average after {os.getloadavg()}")


def print_screening_only(sc: dict[str, Any]) -> None:
    print(
        f"the list-derived names screened alone (Screener.screen_query, one process): "
        f"{sc['cpu_ms_per_name']} ms CPU per name (= {sc['names_per_2_cpu_s']:,} "
        f"names per 2 CPU-s; first pass {sc['cpu_ms_per_name_first_pass']} ms)"
    )
    print_kinds(sc)


def print_kinds(sc: dict[str, Any]) -> None:
    """The screening-alone figures of listed and invented names apart."""
    print(
        "  of which listed names (UN listings): "
        f"{sc['listed_cpu_ms_per_name']} ms CPU, {sc['listed_candidates_per_name']} "
        f"candidates scored per name; invented names: {sc['invented_cpu_ms_per_name']} ms "
        f"CPU, {sc['invented_candidates_per_name']} candidates per name"
    )


def print_batch_ab(ab: dict[str, Any]) -> None:
    print(
        f"batches of 100 one at a time, in one process (alternating rounds, medians): "
        f"worker alone {ab['alone_names_per_s']:,} names/s, {ab['alone_cpu_ms_per_name']} "
        f"ms CPU per name; with {ab['processes']} processes {ab['pool_names_per_s']:,} "
        f"names/s, {ab['pool_cpu_ms_per_name']} ms CPU per name"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=Path, default=None, help="home with the newest lists")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", default="1,16,64")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--quick", action="store_true", help="4 s phases at 1 and 16 clients (for iterating)"
    )
    parser.add_argument(
        "--batch-only",
        action="store_true",
        help="only the batch phases (1 and 2 clients) and the screening-alone figure",
    )
    parser.add_argument(
        "--batch-processes",
        type=int,
        default=None,
        help="THAW_BATCH_PROCESSES for the server (default: the server's own default)",
    )
    parser.add_argument(
        "--audit-commit",
        choices=("turn", "after", "now"),
        default="turn",
        help="THAW_AUDIT_COMMIT for the audited server (thaw.api.runtime.AuditWriter; "
        "turn is the server's default)",
    )
    parser.add_argument(
        "--audit-only",
        action="store_true",
        help="only audit on against off over HTTP (alternating rounds at 16 clients)",
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds of each mode in the audit on/off test"
    )
    args = parser.parse_args()
    if args.batch_only:
        batch_only(args)
        return
    if args.audit_only:
        audit_only(args)
        return
    if args.quick:
        args.seconds, args.clients = 4.0, "1,16"
    base = args.base or Path(os.environ.get("THAW_HOME") or "/work/homes/base")
    clients = [int(c) for c in args.clients.split(",")]
    report: dict[str, Any] = {"workers": args.workers, "seconds": args.seconds}
    with tempfile.TemporaryDirectory(prefix="thaw-bench-svc-") as tmp:
        home = Path(tmp) / "home"
        shutil.copytree(base, home, ignore=shutil.ignore_patterns("state.db*"))
        report["load_average_before"] = os.getloadavg()
        server = Server(home, args.workers, server_env(args))
        try:
            bodies = single_bodies()
            asyncio.run(load(server.url, server.key, 4, 2, bodies))  # warm up
            marks: dict[str, float] = {"after warm-up": server.rss_now()}
            report["single"] = []
            for c in clients:
                report["single"].append(server.measure(c, args.seconds, bodies, balance=False))
                marks[f"after {c} clients"] = server.rss_now()
            report["batch"] = batch_phases(server, args.seconds)
            marks["PSS after batches"] = server.pss_mb()
            marks["after batches"] = server.rss_now()
            report["update_under_load"] = update_under_load(
                server, home, args.seconds + 10, Path(tmp)
            )
            marks["after the update"] = server.rss_now()
            report["rss_mb"] = server.rss
            report["pss_mb"] = server.pss
            report["rss_marks_mb"] = marks
        finally:
            server.stop()
        report["audit_ab_http"] = audit_ab_http(
            home, args.workers, server_env(args), args.seconds, args.rounds
        )
        report["audit_append"] = audit_append_cost(Path(tmp) / "audit-cost")
        report["audit_ab"] = audit_ab(home, commit=args.audit_commit)
        report["cost_split"] = batch_cost_split(home)
        report["screening_only"] = screening_only(home)
        report["load_average_after"] = os.getloadavg()
    rss = [mb for _, mb in report["rss_mb"]]
    report["rss_first_last_max_mb"] = [rss[0], rss[-1], max(rss)] if rss else None
    pss = [mb for _, mb in report["pss_mb"]]
    report["pss_first_last_max_mb"] = [pss[0], pss[-1], max(pss)] if pss else None
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(
        f"thaw serve --workers {args.workers} (THAW_AUDIT_COMMIT={args.audit_commit}); "
        f"load average before {report['load_average_before']}"
    )
    for s in report["single"]:
        print(
            f"single /match, {s['clients']:>2} clients: {s['requests_per_s']:>8,.0f} req/s, "
            f"p50 {s['p50_ms']} ms, p99 {s['p99_ms']} ms, errors {s['errors'] or 0}; "
            f"server CPU {s.get('server_cpu_ms_per_request')} ms/request "
            f"(= {s.get('requests_per_2_cpu_s')} req per 2 CPU-s), "
            f"client CPU {s.get('client_cpu_ms_per_request')} ms/request "
            f"({s.get('client_cpu_share_pct')} % of the total); connections per worker "
            f"{s['connections']['first_split']}, as the kernel dealt them"
        )
    print_batch_phases(report["batch"], args.workers)
    print_cost_split(report["cost_split"], report["batch"])
    print_screening_only(report["screening_only"])
    print_audit_ab_http(report["audit_ab_http"])
    print_audit_ab(report["audit_ab"])
    a = report["audit_append"]
    print(
        f"audit append: {a['group_1_cpu_ms']} ms CPU per record alone, "
        f"{a['group_16_cpu_ms']} ms in groups of 16"
    )
    u = report["update_under_load"]
    print(
        f"update under load: thaw load exit {u.get('load_exit')} in {u.get('load_seconds')} s; "
        f"new lists served {u.get('served_after_load_s')} s after it finished; "
        f"{u['requests']} requests, errors {u['errors'] or 0}"
    )
    if u.get("readyz_timeouts"):
        print(f"  /readyz took over 10 s {u['readyz_timeouts']} time(s) after the load")
    if u.get("load_error"):
        print(f"thaw load said: {u['load_error']}")
    print(
        f"server RSS summed (MB) first/last/max: {report['rss_first_last_max_mb']}; "
        f"PSS (shared pages once) first/last/max: {report['pss_first_last_max_mb']}"
    )
    print(
        "server RSS (MB) by phase: "
        + ", ".join(f"{k} {v}" for k, v in report["rss_marks_mb"].items())
    )
    print(f"load average after {report['load_average_after']}")


if __name__ == "__main__":
    main()
