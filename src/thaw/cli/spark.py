"""``thaw screen-file --engine spark`` (over :mod:`thaw.spark.job`) and ``thaw
spark-monitor`` (over :func:`thaw.spark.monitor.monitor_folder`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from thaw.cli._app import HomeOption, app, err, fail
from thaw.cli.screen import ThresholdOption, _RichProgress
from thaw.screen import NoListsLoaded
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
    except (BatchError, SparkIndexError, ValueError, NoListsLoaded) as exc:
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
    # the exit status of screen-file without Spark: 1 when no row could be
    # screened, 2 when some rows were not
    if summary.rows and not summary.screened:
        raise typer.Exit(1)
    if summary.errors:
        raise typer.Exit(2)


@app.command("spark-monitor")
def spark_monitor_cmd(
    input: Annotated[
        Path,
        typer.Argument(
            help="The portfolio: CSV, JSON lines or Parquet, a file or a folder.", exists=True
        ),
    ],
    state: Annotated[
        Path, typer.Option("--state", help="The portfolio's folder of state, alerts and events.")
    ],
    name: Annotated[str, typer.Option(help="The portfolio's name in events.")] = "portfolio",
    master: Annotated[
        str | None, typer.Option(help="Spark master: local[*], spark://host:7077, yarn …")
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help="Input format (default: from the names).")
    ] = None,
    threshold: ThresholdOption = None,
    home: HomeOption = None,
    decisions: Annotated[
        bool,
        typer.Option(
            help="Apply analysts' decisions on the portfolio's rows (thaw decide on "
            "NAME/ROW_ID): a false positive in force keeps its alert suppressed, no event."
        ),
    ] = True,
) -> None:
    """Monitor a portfolio too large for one machine on Apache Spark.

    The first run screens every row against the active lists and keeps the alerts
    in --state; each later run (after thaw update) matches only the listings that
    changed since against the portfolio and writes the new_hit, hit_amended and
    hit_removed events to a new events-NNNNNN folder of JSON lines (docs/SPARK.md).
    The portfolio needs an id column; rows without an id are not monitored.
    """
    try:
        from thaw.screen.batch import BatchError
        from thaw.spark import detect_columns
        from thaw.spark.job import input_format, read_input, session
        from thaw.spark.monitor import monitor_folder
    except ImportError as exc:  # pyspark is an optional extra
        raise fail(f"spark-monitor needs pyspark: pip install 'thaw[spark]' ({exc})") from exc
    try:
        spark = session(master)
        df = read_input(spark, input, input_format(input, fmt))
        columns = detect_columns(list(df.columns))
        if "id" not in columns or "name" not in columns:
            raise fail(f"{input}: a portfolio needs an 'id' and a 'name' column")
        state.mkdir(parents=True, exist_ok=True)
        with err.status("monitoring on Spark…"):
            step = monitor_folder(
                df,
                state,
                name=name,
                columns=columns,
                threshold=threshold,
                home=home,
                decisions=decisions,
            )
    except (BatchError, ValueError, NoListsLoaded) as exc:
        raise fail(str(exc)) from exc
    if step.baseline:
        err.print(f"baseline: alerts in {escape(str(step.alerts))}", highlight=False)
        return
    counts = ", ".join(f"{n:,} {kind}" for kind, n in sorted(step.events.items())) or "no events"
    err.print(
        f"step {step.step}: {step.changed_listings:,} changed listing(s); {counts} "
        f"→ {escape(str(step.events_path))}",
        highlight=False,
    )
