"""``thaw screen`` and ``thaw screen-file``: screen one name or a whole file."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
from thaw.schemas import ScreenResultModel
from thaw.screen import ACCEPTED_SCHEMATA, Screener, ScreenInputError, ScreenResult
from thaw.screen.batch import (
    FORMATS,
    BatchError,
    RowProblem,
    default_workers,
    open_output,
    screen_file,
)

if TYPE_CHECKING:
    from thaw.decisions import Judge

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
        model = ScreenResultModel.of(result)  # the API's model: CLI and API cannot drift
        console.print_json(json.dumps(model.to_dict(), ensure_ascii=False))
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


def _judge(home: Path | None, screener: Screener) -> Judge | None:
    """A judge of the team's decisions, if any were ever recorded (no state is
    created for a home that has none)."""
    import os

    from thaw.decisions import Judge
    from thaw.store import default_home
    from thaw.store.state import open_state

    if not os.environ.get("THAW_DATABASE_URL") and not (default_home(home) / "state.db").exists():
        return None
    state = open_state(home)
    if not state.decisions.any():
        state.close()
        return None
    members: dict[str, list[str]] = {}
    for (source, source_id), pid in getattr(screener, "profile_of", {}).items():
        members.setdefault(pid, []).append(f"{source}:{source_id}")
    return Judge(state.decisions, screener.index, members)


@app.command("screen-file")
def screen_file_cmd(
    input: Annotated[
        Path,
        typer.Argument(
            help="CSV, JSON lines or Parquet file (.gz accepted).", exists=True, dir_okay=False
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
    decisions: Annotated[
        bool,
        typer.Option(
            help="Apply analysts' decisions to rows with an id (thaw decide): suppress "
            "false positives until the listing or the row changes."
        ),
    ] = True,
    home: HomeOption = None,
) -> None:
    """Screen every row of a file; write one JSON object per row, in input order.

    Columns (case-insensitive): name or full_name (required); id, schema,
    birth_date or date_of_birth, nationality or country, id_number (optional).
    Rows that cannot be screened are reported with their line number on standard
    error and skipped; the rest is screened.
    """
    screener = _screener(home)
    judge = _judge(home, screener) if decisions else None
    progress = _RichProgress(f"screening {input.name}")
    stream = open_output(output)
    # with decisions to apply, results go through a temporary file first
    spool = tempfile.TemporaryFile("w+", encoding="utf-8") if judge else stream
    try:
        summary = screen_file(
            input,
            spool,
            screener,
            fmt=format,
            threshold=threshold,
            limit=limit,
            algorithm=algorithm,
            workers=workers if workers is not None else default_workers(),
            chunk_size=chunk_size,
            progress=progress,
        )
        if judge is not None:
            from thaw.decisions.batch import apply_to_lines
            from thaw.screen.batch import detect_format

            spool.seek(0)
            applied = apply_to_lines(input, detect_format(input, format), spool, stream, judge)
            if applied.suppressed or applied.reopened or applied.true_match:
                err.print(
                    f"decisions: {applied.suppressed:,} false positive(s) suppressed, "
                    f"{applied.reopened:,} reopened, {applied.true_match:,} true match(es)",
                    highlight=False,
                )
    except BatchError as exc:
        raise fail(str(exc)) from exc
    finally:
        progress.stop()
        if spool is not stream:
            spool.close()
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
