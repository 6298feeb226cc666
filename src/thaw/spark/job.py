"""``thaw screen-file --engine spark``: a file or folder in, a folder of results out.

:func:`screen_path` reads CSV (header row, every value as text, as the file
command reads it), JSON lines or Parquet, one file or a folder of them, finds the
columns by the file command's names (:func:`~thaw.spark.screening.detect_columns`),
screens with :func:`thaw.spark.screen` and writes Parquet or JSON lines part files,
one or more per input partition. Progress is read from Spark's status tracker
(completed tasks of the job's stages), counts from the written result.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from thaw.screen.batch import BatchError, ProgressSink, detect_format
from thaw.spark.screening import detect_columns, screen

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

OUTPUT_FORMATS = ("parquet", "jsonl")
DEFAULT_MASTER = "local[*]"
SPLIT_BYTES = 16 * 1024 * 1024
"""Input split size: about 100,000 CSV rows, half a minute of screening per task,
so that tasks balance across cores and progress moves (Spark's default, 128 MB,
makes tasks of ten minutes)."""


TASKS_PER_CORE_AT_LEAST = 4
"""Files are read in at least this many splits per core
(``spark.sql.files.minPartitionNum``: smaller splits, no shuffle), so that every
core has work and tasks balance. Only an input that still yields fewer
partitions than cores (one gzip file, one Parquet row group) is spread
round-robin over this many per core (a shuffle)."""


LOCAL_SETTINGS = {
    "spark.ui.enabled": "false",
    "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
}
"""A local session (one JVM on this machine, started by this command) runs
without the web UI, with the JVM's quick JIT compiler only and the serial
collector: the JVM does little beside screening (reading, Arrow, writing), and
its start-up and JIT compilation then cost half the CPU (measured: session start
7 CPU s instead of 10; the JVM's share of a 100,000-row run 16 CPU s instead of
27, the whole run 69 instead of 78)."""


@dataclass(slots=True)
class SparkSummary:
    """Counts of a finished Spark run."""

    rows: int = 0
    screened: int = 0
    alerts: int = 0
    hits: int = 0
    errors: int = 0
    partitions: int = 0
    seconds: float = 0.0
    master: str = ""
    cores: int = 0

    @property
    def rate(self) -> float:
        """Screened rows per second (start-up included)."""
        return self.rows / self.seconds if self.seconds > 0 else 0.0


def session(master: str | None = None, config: dict[str, str] | None = None) -> SparkSession:
    """The active Spark session, or a new one on ``master`` (default ``local[*]``)
    set up for screening (no console progress bar: the command draws its own; in
    local mode also :data:`LOCAL_SETTINGS`, and workers that run this interpreter
    unless ``PYSPARK_PYTHON`` says otherwise); ``config`` overrides any of them."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("thaw screen-file")
    new = SparkSession.getActiveSession() is None
    if master:
        builder = builder.master(master)
    elif new:
        builder = builder.master(DEFAULT_MASTER)
    settings = {
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.files.maxPartitionBytes": str(SPLIT_BYTES),
        "spark.python.worker.reuse": "true",
    }
    if new and (master or DEFAULT_MASTER).startswith("local"):
        settings.update(LOCAL_SETTINGS)
        if not os.environ.get("PYSPARK_PYTHON"):
            # the workers run this interpreter, which has thaw installed, not the
            # first python3 on PATH (a venv's thaw run without activating it);
            # PySpark reads the variable, not spark.pyspark.python, when it starts
            # a local context
            os.environ["PYSPARK_PYTHON"] = sys.executable
    settings.update(config or {})
    for key, value in settings.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def input_format(path: Path, given: str | None = None) -> str:
    """``csv``, ``jsonl`` or ``parquet`` for a file or a folder (from ``given`` or
    the names of the files in it)."""
    if given or not path.is_dir():
        return detect_format(path, given)
    found = {
        detect_format(p)
        for p in path.rglob("*")
        if p.is_file() and not p.name.startswith(("_", ".")) and not p.name.endswith(".crc")
        if _known_suffix(p)
    }
    if len(found) != 1:
        what = "no CSV, JSON lines or Parquet files" if not found else "files of several formats"
        raise BatchError(f"{path}: {what}; pass --format")
    return found.pop()


def _known_suffix(path: Path) -> bool:
    try:
        detect_format(path)
    except BatchError:
        return False
    return True


def read_input(spark: SparkSession, path: Path, fmt: str) -> DataFrame:
    """The input as a DataFrame (CSV values as text, as the file command reads them)."""
    reader = spark.read
    if fmt == "csv":
        return reader.options(header=True, inferSchema=False, encoding="UTF-8").csv(str(path))
    if fmt == "jsonl":
        return reader.json(str(path))
    return reader.parquet(str(path))


def screen_path(
    input: Path,
    output: Path,
    *,
    fmt: str | None = None,
    output_format: str = "parquet",
    master: str | None = None,
    home: str | Path | None = None,
    threshold: float | None = None,
    limit: int = 10,
    algorithm: str = "thaw",
    partitions: int | None = None,
    progress: ProgressSink | None = None,
    decisions: bool = True,
    ownership: bool = False,
) -> SparkSummary:
    """Screen ``input`` on Spark into the new folder ``output`` (see the module
    docs). ``partitions``: spread the rows over that many tasks first (default: as
    read, in at least :data:`TASKS_PER_CORE_AT_LEAST` splits per core). ``decisions``
    and ``ownership`` are those of :func:`~thaw.spark.screen` (and of
    ``screen-file``: decisions on by default, ownership off). Raises
    :class:`~thaw.screen.batch.BatchError` for an input that cannot be read or an
    output folder that already exists.
    """
    began = time.perf_counter()
    if output_format not in OUTPUT_FORMATS:
        raise BatchError(f"unknown output format {output_format!r} (use parquet or jsonl)")
    if output.exists():
        raise BatchError(f"{output} already exists; give a new folder for the results")
    fmt = input_format(input, fmt)
    spark = session(master)
    cores = spark.sparkContext.defaultParallelism
    spark.conf.set("spark.sql.files.minPartitionNum", str(TASKS_PER_CORE_AT_LEAST * cores))
    df = read_input(spark, input, fmt)
    columns = detect_columns(list(df.columns))
    if "name" not in columns and not any(p in columns for p in ("first_name", "last_name")):
        raise BatchError(f"{input}: no 'name' or 'full_name' column")
    if partitions:
        df = df.repartition(partitions)
    elif df.rdd.getNumPartitions() < cores:
        # an input that cannot be split: spread it so that every core screens
        df = df.repartition(TASKS_PER_CORE_AT_LEAST * cores)
    result = screen(
        df,
        name=columns.get("name"),
        schema=columns.get("schema"),
        birth_date=columns.get("birth_date"),
        country=columns.get("country"),
        id_number=columns.get("id_number"),
        id=columns.get("id"),
        first_name=columns.get("first_name"),
        middle_name=columns.get("middle_name"),
        last_name=columns.get("last_name"),
        gender=columns.get("gender"),
        threshold=threshold,
        limit=limit,
        algorithm=algorithm,
        home=home,
        decisions=decisions,
        ownership=ownership,
    )
    writer = result.write.mode("errorifexists")
    target = str(output)
    _run_with_progress(
        spark,
        lambda: writer.parquet(target) if output_format == "parquet" else writer.json(target),
        progress,
    )
    written = spark.read.parquet(target) if output_format == "parquet" else spark.read.json(target)
    summary = _count(written)
    summary.partitions = result.rdd.getNumPartitions()
    summary.master = str(spark.sparkContext.master)
    summary.cores = cores
    summary.seconds = time.perf_counter() - began
    return summary


def _count(df: DataFrame) -> SparkSummary:
    from pyspark.sql import functions as F

    row = df.agg(
        F.count(F.lit(1)).alias("rows"),
        F.count("alert").alias("screened"),
        F.sum(F.col("alert").cast("int")).alias("alerts"),
        F.sum(F.size(F.coalesce("hits", F.array()))).alias("hits"),
        F.count("error").alias("errors"),
    ).first()
    assert row is not None
    return SparkSummary(
        rows=int(row["rows"]),
        screened=int(row["screened"]),
        alerts=int(row["alerts"] or 0),
        hits=int(row["hits"] or 0),
        errors=int(row["errors"]),
    )


def _run_with_progress(
    spark: SparkSession, action: Any, progress: ProgressSink | None, poll: float = 0.5
) -> None:
    """Run ``action`` (a Spark action) in a thread, reporting its completed tasks
    (in per cent of the tasks known so far) to ``progress``; re-raise its error."""
    sc = spark.sparkContext
    group = f"thaw-{uuid.uuid4().hex}"
    failure: list[BaseException] = []

    def run() -> None:
        try:
            sc.setJobGroup(group, "thaw screen-file", interruptOnCancel=True)
            action()
        except BaseException as exc:  # re-raised in the calling thread
            failure.append(exc)

    worker = threading.Thread(target=run, name="thaw-spark-job", daemon=True)
    if progress is not None:
        progress.start(100.0, "%")
    worker.start()
    tracker = sc.statusTracker()
    try:
        while worker.is_alive():
            worker.join(poll)
            if progress is not None:
                done, total = _tasks(tracker, group)
                if total:
                    progress.update(100.0 * done / total)
    except KeyboardInterrupt:
        sc.cancelJobGroup(group)
        worker.join()
        raise
    if failure:
        raise failure[0]
    if progress is not None:
        progress.update(100.0)


def _tasks(tracker: Any, group: str) -> tuple[int, int]:
    """Completed and total tasks of the jobs of ``group``."""
    done = total = 0
    for job_id in tracker.getJobIdsForGroup(group):
        job = tracker.getJobInfo(job_id)
        if job is None:
            continue
        for stage_id in job.stageIds:
            stage = tracker.getStageInfo(stage_id)
            if stage is not None:
                done += stage.numCompletedTasks
                total += stage.numTasks
    return done, total
