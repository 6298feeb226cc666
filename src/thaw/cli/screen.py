"""``thaw screen`` and ``thaw screen-file``: screen one name or a whole file."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from thaw._process import collector_paused
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

if TYPE_CHECKING:
    from rich.progress import TaskID

    from thaw.decisions import Judge

ThresholdOption = Annotated[
    float | None,
    typer.Option(
        min=0.0,
        max=1.0,
        help="Lowest score reported, in [0, 1] (default: the matcher's threshold).",
    ),
]
LimitOption = Annotated[int, typer.Option(help="Most hits reported per name.")]
AlgorithmOption = Annotated[str, typer.Option(help="Scoring algorithm of the matcher.")]
OwnershipOption = Annotated[
    bool,
    typer.Option(
        "--ownership",
        help="Also say whether the party is owned or controlled by listed persons (US 50 % "
        "rule, EU and UK tests), from the loaded ownership data.",
    ),
]


def party_screener(home: Path | None) -> Screener:
    """The party screener of every screening command; fails (exit 1, a clear
    message) when the store holds no listing, since "no hits" against nothing is
    the most dangerous answer a screening tool can give."""
    from thaw.profiles.screening import PartyScreener
    from thaw.screen import NoListsLoaded

    try:
        return PartyScreener(home)
    except NoListsLoaded as exc:
        raise fail(str(exc)) from None


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
    ownership: OwnershipOption = False,
    gender: Annotated[
        str | None,
        typer.Option(help="Gender: M or F (a listing of the other gender counts against)."),
    ] = None,
) -> None:
    """Screen one name against every loaded list.

    Prints the listings scoring at or above the threshold, best first; with
    --json, the result object of the file contract (row 1).
    """
    with collector_paused():
        screener = party_screener(home)
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
                gender=gender,
            )
        except ScreenInputError as exc:
            raise fail(str(exc)) from exc
        except ValueError as exc:  # e.g. an unknown algorithm
            raise fail(str(exc)) from exc
        # what only some calls use is imported here: a new process screening one name
        # does not load the ownership engine, the API's models or the progress bar
        exposures = None
        if ownership:
            from thaw.cli.ownership import screen_ownership

            exposures = screen_ownership(home, name, country, id_number)
        if as_json:
            from thaw.schemas import ScreenResultModel

            # the API's model: CLI and API cannot drift
            data = ScreenResultModel.of(result).to_dict()
            if exposures is not None:
                data["ownership"] = exposures
            console.print_json(json.dumps(data, ensure_ascii=False))
            return
        render_result(result)
        if exposures:
            from thaw.cli.ownership import print_exposure

            for exposure in exposures:
                print_exposure(exposure)


def render_result(result: ScreenResult) -> None:
    """Print one screening result as a table."""
    if not result.hits:
        console.print(f"No hits for {escape(result.name)!s}.", highlight=False)
        return
    from rich.table import Table

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
        from rich.progress import (
            BarColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

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

    def note(self, text: str) -> None:
        """Something said once about the file (the columns read, the date order)."""
        self.bar.console.print(escape(text), highlight=False, soft_wrap=True)

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


def _post_process(
    input: Path,
    format: str | None,
    lines: IO[str],
    out: IO[str],
    judge: Judge | None,
    ownership: bool,
    home: Path | None,
    date_order: str | None = None,
) -> None:
    """Apply analysts' decisions (``judge``) and then, with ``ownership``, each row's
    ownership exposure to screen-file's output ``lines``, writing ``out``
    (``date_order``: the one the file was screened with)."""
    from thaw.cli.ownership import annotate_file

    if judge is not None:
        from thaw.decisions.batch import apply_to_lines
        from thaw.screen.batch import detect_format

        target = tempfile.TemporaryFile("w+", encoding="utf-8") if ownership else out
        fmt = detect_format(input, format)
        applied = apply_to_lines(input, fmt, lines, target, judge, date_order)
        if applied.suppressed or applied.reopened or applied.true_match:
            err.print(
                f"decisions: {applied.suppressed:,} false positive(s) suppressed, "
                f"{applied.reopened:,} reopened, {applied.true_match:,} true match(es)",
                highlight=False,
            )
        if target is out:
            return
        with target:
            target.seek(0)
            annotate_file(home, target, out)
        return
    annotate_file(home, lines, out)


@app.command("screen-file")
def screen_file_cmd(
    input: Annotated[
        Path,
        typer.Argument(
            help="CSV, JSON lines, Parquet (each may be .gz) or .xlsx file; "
            "with --engine spark, a folder too.",
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
    decisions: Annotated[
        bool,
        typer.Option(
            help="Apply analysts' decisions to rows with an id (thaw decide): suppress "
            "false positives until the listing or the row changes."
        ),
    ] = True,
    schema: Annotated[
        str | None,
        typer.Option(
            help="Schema of rows that give none: "
            f"{', '.join(ACCEPTED_SCHEMATA)}, or any (every kind of party). "
            "By default a row with a gender, a date of birth or first/last-name "
            "columns is a Person."
        ),
    ] = None,
    home: HomeOption = None,
    ownership: OwnershipOption = False,
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
    date_order: Annotated[
        str | None,
        typer.Option(
            help="How to read dates of birth such as 05/10/1976: dmy, mdy or ymd "
            "(default: the file's own rows decide; when none does, only the year is used)."
        ),
    ] = None,
) -> None:
    """Screen every row of a file; write one JSON object per screened row, in input order.

    Formats: CSV (comma, semicolon, tab or | delimited), JSON lines, Parquet,
    .xlsx. Columns are recognised by their headers as banks write them, in
    English, German, French, Spanish, Italian, Portuguese, Russian and Ukrainian:
    a name (name, full_name, Customer Name …) or its parts (First Name, Given
    Names, Surname, Nachname, Prénom, Apellidos, Фамилия …) are required; id,
    schema, date of birth, gender, nationality or country, passport or tax
    numbers are read too. The columns read are said on standard error. Dates of
    birth may be ISO, 05.10.1976, 05/10/1976, 19761005, 5 Oct 1976 …; one that
    cannot be read is dropped with a warning. Rows that cannot be screened are
    reported with their line number on standard error and skipped; the rest is
    screened.

    Exit status: 0 when every row was screened, 2 when some rows were skipped
    (the others are screened and written), 1 when nothing could be screened.

    With --engine spark, the input may be a folder and the rows are screened on
    Spark (docs/SPARK.md); --output names a new folder of Parquet or JSON lines
    part files, and rows that cannot be screened are kept with an `error`.
    """
    if engine is not None:
        from thaw.cli.spark import screen_file_spark

        if date_order is not None:  # (Spark reads its rows' dates as the input contract)
            raise fail("--date-order is not taken with --engine spark")

        screen_file_spark(
            input,
            output,
            engine,
            master,
            format,
            output_format,
            threshold,
            limit,
            algorithm,
            home,
            decisions=decisions,
            ownership=ownership,
        )
        return
    if input.is_dir():
        raise fail(f"{input} is a folder; screen a folder with --engine spark")
    screener = party_screener(home)
    judge = _judge(home, screener) if decisions else None
    progress = _RichProgress(f"screening {input.name}")
    stream = open_output(output)
    # Decisions and ownership are applied to the screened lines afterwards, so with
    # either of them the lines go through a temporary spool file first.
    spool = tempfile.TemporaryFile("w+", encoding="utf-8") if judge or ownership else stream
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
            default_schema=schema,
            date_order=date_order,
            on_note=progress.note,
        )
        if spool is not stream:
            spool.seek(0)
            _post_process(input, format, spool, stream, judge, ownership, home, date_order)
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
    if summary.skipped:
        raise typer.Exit(2)
