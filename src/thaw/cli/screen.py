"""``thaw screen`` and ``thaw screen-file``: screen one name or a whole file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    Progress,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from thaw.cli._app import HomeOption, JsonOption, app, console, err, fail
from thaw.screen import ACCEPTED_SCHEMATA, Screener, ScreenInputError, ScreenResult
from thaw.screen.batch import (
    FORMATS,
    BatchError,
    RowProblem,
    default_workers,
    open_output,
    screen_file,
)

ThresholdOption = Annotated[
    float | None,
    typer.Option(help="Lowest score reported, in [0, 1] (default: the matcher's threshold)."),
]
LimitOption = Annotated[int, typer.Option(help="Most hits reported per name.")]
AlgorithmOption = Annotated[str, typer.Option(help="Scoring algorithm of the matcher.")]


def _screener(home: Path | None) -> Screener:
    from thaw.profiles.screening import PartyScreener

    screener = PartyScreener(home)
    if not len(screener):
        err.print("[yellow]warning:[/] no lists are loaded; nothing can match (see thaw load)")
    return screener


@app.command("screen")
def screen_cmd(
    name: Annotated[str, typer.Argument(help="The name to screen, in any script.")],
    schema: Annotated[
        str | None, typer.Option(help=f"What the name is: {', '.join(ACCEPTED_SCHEMATA)}.")
    ] = None,
    dob: Annotated[
        str | None, typer.Option(help="Date of birth: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    country: Annotated[
        str | None, typer.Option(help="Nationality or country: ISO-2 code or name.")
    ] = None,
    id_number: Annotated[
        str | None, typer.Option(help="Passport, registration, IMO … number.")
    ] = None,
    threshold: ThresholdOption = None,
    limit: LimitOption = 10,
    algorithm: AlgorithmOption = "thaw",
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Screen one name against every loaded list.

    Prints the listings scoring at or above the threshold, best first; with
    --json, the result object of the file contract (row 1).
    """
    screener = _screener(home)
    try:
        result = screener.screen(
            name,
            schema=schema,
            birth_date=dob,
            country=country,
            id_number=id_number,
            threshold=threshold,
            limit=limit,
            algorithm=algorithm,
        )
    except ScreenInputError as exc:
        raise fail(str(exc)) from exc
    except ValueError as exc:  # e.g. an unknown algorithm
        raise fail(str(exc)) from exc
    if as_json:
        console.print_json(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    render_result(result)


def render_result(result: ScreenResult) -> None:
    """Print one screening result as a table."""
    if not result.hits:
        console.print(f"No hits for {escape(result.name)!s}.", highlight=False)
        return
    title = f"{len(result.hits)} hit(s) for {escape(result.name)}"
    table = Table(title=title, title_justify="left")
    for column in ("score", "schema", "listed name", "matched name", "listings", "explanation"):
        table.add_column(column, overflow="fold")
    for hit in result.hits:
        listings = "\n".join(
            f"{item.source}:{item.source_id}"
            + (f" [{', '.join(item.programs)}]" if item.programs else "")
            + (f" {item.listed_on}" if item.listed_on else "")
            for item in hit.listings
        )
        table.add_row(
            f"{hit.score:.2f}",
            hit.schema,
            escape(hit.name),
            escape(hit.matched_name),
            escape(listings),
            escape(hit.explanation),
        )
    console.print(table)


class _RichProgress:
    """A progress bar on standard error; problems are printed above it."""

    def __init__(self, label: str) -> None:
        self.bar = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=False,
        )
        self.label = label
        self.task: TaskID | None = None

    def start(self, total: float | None, unit: str) -> None:
        self.bar.start()
        self.task = self.bar.add_task(self.label, total=total)

    def update(self, completed: float) -> None:
        if self.task is not None:
            self.bar.update(self.task, completed=completed)

    def problem(self, problem: RowProblem) -> None:
        colour = "red" if problem.skipped else "yellow"
        self.bar.console.print(
            f"[{colour}]{escape(str(problem))}[/]", highlight=False, soft_wrap=True
        )

    def stop(self) -> None:
        if self.task is not None:
            task = self.bar.tasks[0]
            if task.total is not None:
                self.bar.update(self.task, completed=task.total)
        self.bar.stop()


@app.command("screen-file")
def screen_file_cmd(
    input: Annotated[
        Path,
        typer.Argument(
            help="CSV, JSON lines or Parquet file (.gz); with --engine spark, a folder too.",
            exists=True,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="JSON lines output (default: standard output)."),
    ] = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format", help=f"Input format: {', '.join(FORMATS)} (default: from the name)."
        ),
    ] = None,
    threshold: ThresholdOption = None,
    limit: LimitOption = 10,
    algorithm: AlgorithmOption = "thaw",
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: every CPU core).")
    ] = None,
    chunk_size: Annotated[int, typer.Option(help="Rows per work unit.")] = 256,
    home: HomeOption = None,
    engine: Annotated[
        str | None,
        typer.Option(help="'spark': screen on Apache Spark; --output is then a new folder."),
    ] = None,
    master: Annotated[
        str | None,
        typer.Option(help="Spark master with --engine spark: local[*], spark://host:7077, yarn …"),
    ] = None,
    output_format: Annotated[
        str, typer.Option(help="With --engine spark: parquet or jsonl part files.")
    ] = "parquet",
) -> None:
    """Screen every row of a file; write one JSON object per row, in input order.

    Columns (case-insensitive): name or full_name (required); id, schema,
    birth_date or date_of_birth, nationality or country, id_number (optional).
    Rows that cannot be screened are reported with their line number on standard
    error and skipped; the rest is screened.

    With --engine spark, the input may be a folder and the rows are screened on
    Spark (docs/SPARK.md); --output names a new folder of Parquet or JSON lines
    part files, and rows that cannot be screened are kept with an `error`.
    """
    if engine is not None:
        from thaw.cli.spark import screen_file_spark

        screen_file_spark(
            input, output, engine, master, format, output_format, threshold, limit, algorithm, home
        )
        return
    if input.is_dir():
        raise fail(f"{input} is a folder; screen a folder with --engine spark")
    screener = _screener(home)
    progress = _RichProgress(f"screening {input.name}")
    stream = open_output(output)
    try:
        summary = screen_file(
            input,
            stream,
            screener,
            fmt=format,
            threshold=threshold,
            limit=limit,
            algorithm=algorithm,
            workers=workers if workers is not None else default_workers(),
            chunk_size=chunk_size,
            progress=progress,
        )
    except BatchError as exc:
        raise fail(str(exc)) from exc
    finally:
        progress.stop()
        if output is not None and str(output) != "-":
            stream.close()
        else:
            stream.flush()
    target = f" → {output}" if output is not None and str(output) != "-" else ""
    err.print(
        f"screened {summary.screened:,} of {summary.rows:,} rows in {summary.seconds:.1f} s "
        f"({summary.rate:,.0f} rows/s, {summary.workers} worker(s)): "
        f"{summary.with_hits:,} with hits ({summary.hits:,} hits); "
        f"{summary.skipped:,} skipped, {summary.warnings:,} warning(s){escape(target)}",
        highlight=False,
        soft_wrap=True,
    )
    if summary.rows and not summary.screened:
        raise typer.Exit(1)
