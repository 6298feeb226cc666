"""``thaw screen-file --engine spark``: the command line over :mod:`thaw.spark.job`."""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape

from thaw.cli._app import err, fail
from thaw.cli.screen import _RichProgress
from thaw.screen.batch import BatchError

ENGINES = ("spark",)


def screen_file_spark(
    input: Path,
    output: Path | None,
    engine: str,
    master: str | None,
    fmt: str | None,
    output_format: str,
    threshold: float | None,
    limit: int,
    algorithm: str,
    home: Path | None,
    *,
    decisions: bool = True,
    ownership: bool = False,
) -> None:
    """Screen ``input`` on Spark into the new folder ``output`` and print a summary."""
    if engine not in ENGINES:
        raise fail(f"unknown engine {engine!r} (use {', '.join(ENGINES)})")
    if output is None or str(output) == "-":
        raise fail("--engine spark writes a folder of part files: give --output DIR")
    try:
        from thaw.spark.index_file import SparkIndexError
        from thaw.spark.job import screen_path
    except ImportError as exc:  # pyspark is an optional extra
        raise fail(f"--engine spark needs pyspark: pip install 'thaw[spark]' ({exc})") from exc
    progress = _RichProgress(f"screening {input.name} on Spark")
    try:
        summary = screen_path(
            input,
            output,
            fmt=fmt,
            output_format=output_format,
            master=master,
            home=home,
            threshold=threshold,
            limit=limit,
            algorithm=algorithm,
            progress=progress,
            decisions=decisions,
            ownership=ownership,
        )
    except (BatchError, SparkIndexError, ValueError) as exc:
        raise fail(str(exc)) from exc
    finally:
        progress.stop()
    err.print(
        f"screened {summary.screened:,} of {summary.rows:,} rows in {summary.seconds:.1f} s "
        f"({summary.rate:,.0f} rows/s, {summary.partitions} partition(s) on {summary.master}): "
        f"{summary.alerts:,} with hits ({summary.hits:,} hits); "
        f"{summary.errors:,} not screened (see the error column) → {escape(str(output))}",
        highlight=False,
        soft_wrap=True,
    )
