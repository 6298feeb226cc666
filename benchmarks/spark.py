"""Spark benchmark: equivalence with ``screen-file``, overhead, scaling and start-up.

Needs a store home with the lists loaded (``--home``, default ``$THAW_HOME``) and
the bench files in ``../shared/data/bench``. Reports:

* **equivalence**: the 50,000 people of ``negatives_us.csv`` plus the UN positives,
  screened by ``thaw screen-file`` (2 workers) and by ``thaw.spark.screen`` on
  ``local[2]``: the same rows alert, with the same listings and the same scores;
* **overhead**: a Parquet file of ``--rows`` rows (default 2,000,000) synthesised
  from the bench files with perturbations (swapped, dropped and misspelt name
  parts, shifted birth years, upper case), screened side by side in one run by
  ``thaw screen-file`` and by ``thaw screen-file --engine spark --master local[2]``
  (each a fresh command, start-up included), with the peak memory of each
  process tree (the Spark JVM and each Python worker);
* **scaling**: steady-state rows/s of ``local[1]`` and ``local[2]`` on
  ``--scaling-rows`` of those rows (index already loaded in the workers);
* **start-up**: Spark session start, preparing and shipping the index file, and
  loading it in a worker on the first batch;
* the **sizing table** of docs/SPARK.md computed from these figures.

The machine is shared: the load average is printed with every figure.

Usage::

    python benchmarks/spark.py --home /path/to/home [--rows 2000000] [--scaling-rows 200000]

Targets: identical results; Spark local[2] >= 70 % of screen-file's names/s;
executor memory <= 1.5 GB per core.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("THAW_SHARED", ROOT.parent / "shared")) / "data"
BENCH = SHARED / "bench"
THAW = str(Path(sys.executable).with_name("thaw"))


def say(text: str = "") -> None:
    print(text, flush=True)


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


# -- inputs ----------------------------------------------------------------------------


def bench_rows(*names: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for name in names:
        with open(BENCH / name, encoding="utf-8") as fh:
            rows += list(csv.DictReader(fh))
    return rows


COLUMNS = [
    "id",
    "full_name",
    "first_name",
    "middle_name",
    "last_name",
    "gender",
    "date_of_birth",
    "nationality",
]


def write_csv(rows: list[dict[str, str]], path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for i, row in enumerate(rows, start=1):
            writer.writerow({**row, "id": f"r{i}"})
    return path


def _perturb(name: str, rnd: random.Random) -> str:
    parts = name.split()
    roll = rnd.random()
    if roll < 0.15 and len(parts) > 1:
        parts.reverse()
    elif roll < 0.3 and len(parts) > 2:
        parts.pop(rnd.randrange(len(parts)))
    elif roll < 0.45:
        i = rnd.randrange(len(parts))
        word = parts[i]
        if len(word) > 3:
            j = rnd.randrange(1, len(word) - 1)
            parts[i] = (
                word[:j] + word[j + 1 :] if rnd.random() < 0.5 else word[:j] + word[j] + word[j:]
            )
    elif roll < 0.55:
        return name.upper()
    return " ".join(parts)


def synthesise(path: Path, count: int, seed: int = 20260305) -> None:
    """``count`` rows from the bench files (every row perturbed, birth years shifted
    now and then), in row groups of 64k rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    base = bench_rows("negatives_us.csv", "negatives_global_dev.csv", "positives_un.csv")
    rnd = random.Random(seed)
    schema = pa.schema(
        [(c, pa.string()) for c in ["id", "full_name", "date_of_birth", "nationality"]]
    )
    with pq.ParquetWriter(path, schema) as writer:
        done = 0
        while done < count:
            n = min(65536, count - done)
            ids, names, dobs, countries = [], [], [], []
            for k in range(n):
                row = base[rnd.randrange(len(base))]
                dob = row.get("date_of_birth") or ""
                if dob and not dob.endswith("02-29") and rnd.random() < 0.2:
                    dob = str(int(dob[:4]) + rnd.choice((-1, 1))) + dob[4:]
                ids.append(f"s{done + k + 1}")
                names.append(_perturb(row["full_name"], rnd))
                dobs.append(dob or None)
                countries.append(row.get("nationality") or None)
            writer.write_table(
                pa.table(
                    {
                        "id": ids,
                        "full_name": names,
                        "date_of_birth": dobs,
                        "nationality": countries,
                    },
                    schema=schema,
                )
            )
            done += n


# -- measuring -------------------------------------------------------------------------


class TreeMemory:
    """Peak resident memory of a process and its descendants, sampled."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_total = 0
        self.peak_python_worker = 0
        self.peak_jvm = 0
        self.cpu: dict[int, float] = {}
        self.jvm_pids: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.25):
            total = 0
            for pid, rss, cmd, cpu in _tree(self.pid):
                total += rss
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), cpu)
                if "java" in cmd.split(" ", 1)[0]:
                    self.jvm_pids.add(pid)
                    self.peak_jvm = max(self.peak_jvm, rss)
                elif "pyspark" in cmd or pid != self.pid and "python" in cmd:
                    self.peak_python_worker = max(self.peak_python_worker, rss)
            self.peak_total = max(self.peak_total, total)

    @property
    def jvm_cpu(self) -> float:
        """CPU seconds of the JVM(s) of the tree."""
        return sum(cpu for pid, cpu in self.cpu.items() if pid in self.jvm_pids)


def _tree(root: int) -> list[tuple[int, int, str, float]]:
    """(pid, resident bytes, command line, CPU seconds) of ``root`` and its descendants."""
    children: dict[int, list[int]] = {}
    info: dict[int, tuple[int, str, float]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                stat = fh.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/cmdline", "rb") as fh:
                cmd = fh.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        pid, ppid, rss = int(entry), int(stat[1]), int(stat[21]) * os.sysconf("SC_PAGE_SIZE")
        cpu = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
        children.setdefault(ppid, []).append(pid)
        info[pid] = (rss, cmd, cpu)
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        if pid in info:
            out.append((pid, *info[pid]))
        todo += children.get(pid, [])
    return out


def tree_cpu(root: int) -> float:
    """CPU seconds used so far by ``root`` and its living descendants."""
    return sum(cpu for _, _, _, cpu in _tree(root))


def run_command(args: list[str], env: dict[str, str]) -> tuple[float, TreeMemory, str]:
    began = time.perf_counter()
    proc = subprocess.Popen(
        args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    with TreeMemory(proc.pid) as memory:
        _, stderr = proc.communicate()
    seconds = time.perf_counter() - began
    if proc.returncode not in (0, 2):  # 2: some rows were skipped (and reported)
        raise SystemExit(f"{' '.join(args)} failed:\n{stderr[-3000:]}")
    return seconds, memory, stderr.strip().splitlines()[-1] if stderr.strip() else ""


def mb(n: int) -> str:
    return f"{n / 1e6:,.0f} MB"


# -- the parts -------------------------------------------------------------------------


def session(master: str) -> Any:
    from pyspark.sql import SparkSession

    from thaw.spark.job import LOCAL_SETTINGS

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    began = time.perf_counter()
    builder = (
        SparkSession.builder.master(master)
        .appName("thaw-bench")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
    )
    for key, value in LOCAL_SETTINGS.items():  # as screen-file --engine spark starts it
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark, time.perf_counter() - began


def equivalence(spark: Any, home: Path, tmp: Path) -> None:
    from thaw.profiles.screening import PartyScreener
    from thaw.screen.batch import screen_file
    from thaw.spark import screen

    rows = bench_rows("negatives_us.csv", "positives_un.csv")
    source = write_csv(rows, tmp / "equivalence.csv")
    out = io.StringIO()
    began = time.perf_counter()
    summary = screen_file(source, out, PartyScreener(home), workers=2)
    file_seconds = time.perf_counter() - began
    expected = {d["id"]: d["hits"] for d in map(json.loads, out.getvalue().splitlines())}
    df = spark.read.options(header=True).csv(str(source)).repartition(8)  # one split: spread it
    result = screen(
        df,
        birth_date="date_of_birth",
        country="nationality",
        gender="gender",
        id="id",
        home=home,
    )
    began = time.perf_counter()
    got: dict[str, Any] = {}
    errors = 0
    for r in result.select("id", "hits", "error").toLocalIterator():
        if r["error"] is not None:
            errors += 1
            continue
        hits = []
        for hit in r["hits"]:
            data = hit.asDict(recursive=True)
            for key in ("profile_id", "decision"):  # a struct's null: screen-file omits it
                if data.get(key) is None:
                    data.pop(key, None)
            hits.append(data)
        got[r["id"]] = hits
    spark_seconds = time.perf_counter() - began

    def alerting(results: dict[str, Any]) -> set[str]:
        return {i for i, h in results.items() if h}

    def listings(results: dict[str, Any]) -> dict[str, Any]:
        return {
            i: [(h["score"], [(x["source"], x["source_id"]) for x in h["listings"]]) for h in hits]
            for i, hits in results.items()
        }

    say(f"equivalence on {len(rows):,} rows (negatives_us + positives_un), {load()}")
    say(
        f"  screen-file: {summary.screened:,} screened, "
        f"{len(alerting(expected)):,} alert, {file_seconds:.1f} s"
    )
    say(
        f"  spark local[2]: {len(got):,} screened, {errors} error rows, "
        f"{len(alerting(got)):,} alert, {spark_seconds:.1f} s"
    )
    say(f"  same alerting rows: {alerting(got) == alerting(expected)}")
    say(f"  same listings and scores: {listings(got) == listings(expected)}")
    say(f"  identical hits (names, explanations, profiles too): {got == expected}")


def startup(
    spark_seconds: float, spark: Any, home: Path, spark_cpu: float = 0.0
) -> dict[str, float]:
    from thaw.spark import prepare_index_file, screen
    from thaw.spark.index_file import load_screener

    began = time.perf_counter()
    index = prepare_index_file(home)
    prepared = time.perf_counter() - began
    began = time.perf_counter()
    spark.sparkContext.addFile(str(index.path))
    shipped = time.perf_counter() - began
    began = time.perf_counter()
    load_screener(index.path, index.digest)
    loaded = time.perf_counter() - began
    df = spark.createDataFrame([("1", "Kirill Dmitriev")], "customer_id string, full_name string")
    began = time.perf_counter()
    screen(df, home=home).collect()
    first = time.perf_counter() - began
    began = time.perf_counter()
    screen(df, home=home).collect()
    second = time.perf_counter() - began
    say(f"start-up ({load()})")
    say(f"  Spark session start (JVM, local): {spark_seconds:.1f} s, {spark_cpu:.1f} CPU s")
    say(
        f"  index file: prepare (exists: digest check) {prepared:.2f} s, "
        f"{index.path.stat().st_size / 1e6:.0f} MB; addFile {shipped:.2f} s"
    )
    say(f"  index load in a worker (header check + unpickle): {loaded:.2f} s")
    say(
        f"  one-row job, first (worker start + index load): {first:.2f} s; "
        f"again (cached): {second:.2f} s"
    )
    return {
        "session": spark_seconds,
        "load": loaded,
        "first": first,
        "size": index.path.stat().st_size,
    }


def scaling_child(master: str, parquet: str, rows: int, home: str) -> None:
    """In a fresh process: screen ``rows`` rows on ``master`` with the index already
    loaded in the workers; print wall and CPU seconds of the timed job as JSON."""
    from thaw.spark import screen

    spark, _ = session(master)
    cores = spark.sparkContext.defaultParallelism
    df = spark.read.parquet(parquet).limit(rows).repartition(cores * 4).cache()
    df.count()
    warm = spark.range(cores * 4, numPartitions=cores * 4).selectExpr(
        "cast(id as string) as id", "'Kirill Dmitriev' as full_name"
    )
    screen(warm, id="id", home=home).write.format("noop").mode("overwrite").save()
    result = screen(df, birth_date="date_of_birth", country="nationality", id="id", home=home)
    cpu, began = tree_cpu(os.getpid()), time.perf_counter()
    result.write.format("noop").mode("overwrite").save()
    seconds, cpu = time.perf_counter() - began, tree_cpu(os.getpid()) - cpu
    print(json.dumps({"seconds": seconds, "cpu": cpu}))


def scaling(home: Path, parquet: Path, rows: int) -> dict[str, float]:
    """Steady-state rows/s of local[1] and local[2], each in a fresh child process;
    also rows per CPU second of the whole process tree (JVM and Python workers),
    which the other work on a shared machine does not deflate."""
    rates: dict[str, float] = {}
    for cores in (1, 2):
        code = (
            "import sys; from benchmarks.spark import scaling_child; "
            "scaling_child(*sys.argv[1:3], int(sys.argv[3]), sys.argv[4])"
        )
        args = [sys.executable, "-c", code, f"local[{cores}]", str(parquet), str(rows), str(home)]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        proc = subprocess.run(args, env=env, capture_output=True, text=True, cwd=ROOT)
        if proc.returncode:
            raise SystemExit(proc.stderr[-3000:])
        got = json.loads(proc.stdout.strip().splitlines()[-1])
        rates[f"local[{cores}]"] = rows / got["seconds"]
        rates[f"local[{cores}] cpu"] = rows / got["cpu"]
        say(
            f"  local[{cores}]: {rows:,} rows in {got['seconds']:.1f} s = "
            f"{rows / got['seconds']:,.0f} rows/s; {got['cpu']:.1f} CPU s = "
            f"{rows / got['cpu']:,.0f} rows per CPU second ({load()})"
        )
    return rates


def overhead(home: Path, parquet: Path, rows: int, tmp: Path) -> dict[str, float]:
    """``thaw screen-file`` and ``thaw screen-file --engine spark --master local[2]``
    on the same file, one after the other, each a fresh command (start-up
    included): wall-clock names/s, CPU seconds of the process tree, peak memory."""
    env = {**os.environ, "THAW_HOME": str(home), "PYSPARK_PYTHON": sys.executable}
    say(f"overhead on {rows:,} synthesised rows, side by side ({load()})")
    plain = [THAW, "screen-file", str(parquet), "--output", str(tmp / "file.jsonl")]
    seconds_file, mem_file, _ = run_command([*plain, "--workers", "2"], env)
    cpu_file = sum(mem_file.cpu.values())
    say(
        f"  screen-file (2 workers): {seconds_file:.1f} s = {rows / seconds_file:,.0f} rows/s; "
        f"{cpu_file:.0f} CPU s = {rows / cpu_file:,.0f} rows per CPU second; "
        f"peak RSS of the process tree {mb(mem_file.peak_total)} ({load()})"
    )
    out = tmp / "spark-out"
    spark = [*plain[:3], "--engine", "spark", "--master", "local[2]", "--output", str(out)]
    seconds_spark, mem_spark, line_spark = run_command(spark, env)
    cpu_spark = sum(mem_spark.cpu.values())
    say(
        f"  --engine spark local[2]: {seconds_spark:.1f} s = {rows / seconds_spark:,.0f} rows/s "
        f"(start-up included); {cpu_spark:.0f} CPU s = {rows / cpu_spark:,.0f} rows per CPU "
        f"second ({load()})"
    )
    say(
        f"    peak RSS: JVM {mb(mem_spark.peak_jvm)}, largest Python worker "
        f"{mb(mem_spark.peak_python_worker)}, whole tree {mb(mem_spark.peak_total)} = "
        f"{mb(mem_spark.peak_total // 2)} per core (target <= 1.5 GB)"
    )
    say(
        f"    CPU: JVM {mem_spark.jvm_cpu:.0f} s, Python (driver and workers) "
        f"{cpu_spark - mem_spark.jvm_cpu:.0f} s"
    )
    say(f"    {line_spark}")
    ratio, cpu_ratio = seconds_file / seconds_spark, cpu_file / cpu_spark
    say(
        f"  spark / screen-file names/s: {100 * ratio:.0f} % wall clock, {100 * cpu_ratio:.0f} % "
        "per CPU second (target >= 70 %)"
    )
    shutil.rmtree(out, ignore_errors=True)
    return {"ratio": ratio, "worker": mem_spark.peak_python_worker}


def sizing(per_core: float, startup_seconds: float, worker_memory: float) -> None:
    """Hours for 10M/100M/1B rows on 16/64/256 cores from the measured per-core rate."""
    say(
        f"sizing (per-core rate {per_core:,.0f} rows/s, {startup_seconds:.0f} s start-up, "
        f"Python worker {worker_memory / 1e9:.2f} GB)"
    )
    say("| rows | 16 cores | 64 cores | 256 cores |")
    say("|---|---|---|---|")
    for rows in (10_000_000, 100_000_000, 1_000_000_000):
        cells = []
        for cores in (16, 64, 256):
            seconds = rows / (per_core * cores) + startup_seconds
            cells.append(
                f"{seconds / 60:,.0f} min" if seconds < 7200 else f"{seconds / 3600:,.1f} h"
            )
        say(f"| {rows:,} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, default=os.environ.get("THAW_HOME"))
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--scaling-rows", type=int, default=200_000)
    parser.add_argument(
        "--skip", action="append", default=[], help="equivalence, overhead, scaling"
    )
    args = parser.parse_args()
    if args.home is None:
        raise SystemExit("give --home (a store with the lists loaded) or set THAW_HOME")
    home = Path(args.home)
    say(
        f"thaw Spark benchmark, {os.cpu_count()} CPUs, {load()} "
        "(the machine is shared with other work)"
    )
    with tempfile.TemporaryDirectory(prefix="thaw-spark-bench-") as name:
        tmp = Path(name)
        parquet = tmp / "synthetic.parquet"
        began = time.perf_counter()
        synthesise(parquet, max(args.rows, args.scaling_rows))
        say(
            f"synthesised {max(args.rows, args.scaling_rows):,} rows in "
            f"{time.perf_counter() - began:.0f} s ({parquet.stat().st_size / 1e6:.0f} MB Parquet)"
        )
        cpu = tree_cpu(os.getpid())
        spark, session_seconds = session("local[2]")
        session_cpu = tree_cpu(os.getpid()) - cpu  # the JVM's, and pyspark's imports
        started = startup(session_seconds, spark, home, session_cpu)
        if "equivalence" not in args.skip:
            equivalence(spark, home, tmp)
        spark.stop()
        rates: dict[str, float] = {}
        if "scaling" not in args.skip:
            say(f"scaling, steady state on {args.scaling_rows:,} rows")
            rates = scaling(home, parquet, args.scaling_rows)
        measured: dict[str, float] = {"worker": 0.0}
        if "overhead" not in args.skip:
            measured = overhead(home, parquet, args.rows, tmp)
        if rates:
            startup_seconds = started["session"] + started["first"]
            say("per core as measured (wall clock on this shared machine):")
            sizing(rates["local[1]"], startup_seconds, measured["worker"])
            say("per core that is the job's own (rows per CPU second of local[1]):")
            sizing(rates["local[1] cpu"], startup_seconds, measured["worker"])


if __name__ == "__main__":
    main()
