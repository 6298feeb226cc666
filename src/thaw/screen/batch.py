"""Screening files of any size: CSV, JSON lines or Parquet in, JSON lines out.

Input contract
--------------
One row per party. Column names are case-insensitive (CSV headers, JSON keys,
Parquet columns):

``name`` or ``full_name``          required;
``id``                             optional, copied to the output;
``schema``                         Person, Organization, Company, LegalEntity, Vessel, Aircraft;
``birth_date`` or ``date_of_birth`` ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``;
``nationality`` or ``country``     ISO-2 codes or country names (several: ``;`` or ``|``);
``id_number``                      a passport, registration, IMO … number.

Other columns are ignored. CSV files are UTF-8 (a BOM is accepted), JSON lines
hold one object per line; ``.gz`` files are read compressed.

Output: one JSON object per screened row, in input order, as in
:meth:`thaw.screen.ScreenResult.to_dict`; ``row`` is the 1-based position of the
row among the input's data rows (the header and blank JSON lines do not count).

A row that cannot be screened (no name, an invalid date, an unknown schema, an
unparsable line) is reported with its line number and skipped; the rest is
screened. An unknown country is reported too, but the row is screened without it.

Work is spread over all CPU cores: the parent process reads and checks rows and
writes results; forked workers, which share the loaded index copy-on-write,
screen chunks of rows. At most a few chunks per worker are in flight, so memory
stays flat whatever the input size.
"""

from __future__ import annotations

import codecs
import csv
import gc
import gzip
import io
import json
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol, cast

from thaw._process import die_with_parent
from thaw.match import Query
from thaw.screen.inputs import (
    ScreenInputError,
    clean_name,
    parse_birth_date,
    parse_countries,
    parse_id_number,
    parse_schema,
)
from thaw.screen.screener import Screener

FORMATS = ("csv", "jsonl", "parquet")
DEFAULT_CHUNK = 256

NAME_COLUMNS = ("name", "full_name")
DATE_COLUMNS = ("birth_date", "date_of_birth")
COUNTRY_COLUMNS = ("nationality", "country")
KNOWN_COLUMNS = ("id", "schema", "id_number", *NAME_COLUMNS, *DATE_COLUMNS, *COUNTRY_COLUMNS)

_Job = tuple[int, str, Any, str, "str | None", "str | None", tuple[str, ...], tuple[str, ...]]
"""A checked row, as sent to a worker: row, where, id, name, schema, birth date,
countries, id numbers."""


class BatchError(Exception):
    """The input as a whole cannot be screened (unreadable, no name column …)."""


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row that was skipped (``skipped``) or screened with a value dropped."""

    row: int
    where: str
    reason: str
    skipped: bool = True

    def __str__(self) -> str:
        action = "skipped" if self.skipped else "screened without it"
        return f"{self.where}: {self.reason} ({action})"


@dataclass(slots=True)
class BatchSummary:
    """Counts of a finished run."""

    rows: int = 0
    screened: int = 0
    with_hits: int = 0
    hits: int = 0
    skipped: int = 0
    warnings: int = 0
    seconds: float = 0.0
    workers: int = 1
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Screened rows per second."""
        return self.screened / self.seconds if self.seconds > 0 else 0.0


class ProgressSink(Protocol):
    """Where progress goes (the command line draws a rich progress bar)."""

    def start(self, total: float | None, unit: str) -> None: ...

    def update(self, completed: float) -> None: ...

    def problem(self, problem: RowProblem) -> None: ...


# -- reading ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Raw:
    row: int
    where: str
    fields: dict[str, Any] | None
    error: str | None = None


def detect_format(path: Path, given: str | None = None) -> str:
    """``csv``, ``jsonl`` or ``parquet``, from ``given`` or the file name."""
    if given:
        fmt = given.lower()
        fmt = "jsonl" if fmt in ("json", "ndjson") else fmt
        if fmt not in FORMATS:
            raise BatchError(f"unknown format {given!r} (use {', '.join(FORMATS)})")
        return fmt
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    suffix = name.rsplit(".", 1)[-1] if "." in name else ""
    if suffix in ("csv", "txt"):
        return "csv"
    if suffix in ("jsonl", "ndjson", "json"):
        return "jsonl"
    if suffix in ("parquet", "pq"):
        return "parquet"
    raise BatchError(f"{path}: cannot tell the format from the name; pass --format")


class _Source:
    """An input file being read: rows, and how far through it we are."""

    total: float | None = None
    unit = "bytes"

    def rows(self) -> Iterator[_Raw]:
        raise NotImplementedError

    def position(self) -> float:
        raise NotImplementedError

    def close(self) -> None:
        pass


class _TextSource(_Source):
    def __init__(self, path: Path) -> None:
        self.raw = open(path, "rb")  # noqa: SIM115 (closed by close())
        self.total = float(os.fstat(self.raw.fileno()).st_size)
        self.stream: IO[bytes] = self.raw
        if path.name.lower().endswith(".gz"):
            self.stream = cast(IO[bytes], gzip.GzipFile(fileobj=self.raw))
        self.path = path

    def position(self) -> float:
        if self.raw.closed:
            return self.total or 0.0
        return float(self.raw.tell())

    def close(self) -> None:
        self.raw.close()

    def text(self) -> io.TextIOWrapper:
        # surrogateescape: an undecodable byte spoils only its own row, which we report.
        # The wrapper is kept on self: collecting it would close the file under us.
        self._text = io.TextIOWrapper(
            self.stream, encoding="utf-8-sig", errors="surrogateescape", newline=""
        )
        return self._text


def _has_surrogates(values: Any) -> bool:
    """Whether a value holds bytes that were not UTF-8 (read as lone surrogates)."""
    for value in values:
        if isinstance(value, str) and not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return True
    return False


class _CsvSource(_TextSource):
    def rows(self) -> Iterator[_Raw]:
        text = self.text()
        reader = csv.reader(text)
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise BatchError(f"{self.path}: line 1: unreadable header ({exc})") from exc
        columns = [h.strip().lower() for h in header]
        if columns and columns[0].startswith("\ufeff"):
            columns[0] = columns[0][1:]
        if not any(c in columns for c in NAME_COLUMNS):
            raise BatchError(f"{self.path}: no 'name' or 'full_name' column in the header")
        wanted = [(i, c) for i, c in enumerate(columns) if c in KNOWN_COLUMNS]
        row = 0
        last_line = reader.line_num
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                row += 1
                yield _Raw(row, f"line {last_line + 1}", None, f"unparsable CSV ({exc})")
                last_line = reader.line_num
                continue
            start = last_line + 1
            last_line = reader.line_num
            if not values:
                continue  # a blank line is no row
            row += 1
            where = f"line {start}"
            if _has_surrogates(values):
                yield _Raw(row, where, None, "not valid UTF-8")
                continue
            fields = {c: values[i] for i, c in wanted if i < len(values)}
            yield _Raw(row, where, fields)


class _JsonlSource(_TextSource):
    def rows(self) -> Iterator[_Raw]:
        row = 0
        for number, line in enumerate(self.stream, start=1):
            if number == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
            if not line.strip():
                continue
            row += 1
            where = f"line {number}"
            try:
                data = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError:
                yield _Raw(row, where, None, "not valid UTF-8")
                continue
            except json.JSONDecodeError as exc:
                yield _Raw(row, where, None, f"unparsable JSON ({exc.msg}, column {exc.colno})")
                continue
            if not isinstance(data, dict):
                yield _Raw(row, where, None, "not a JSON object")
                continue
            fields = {str(k).strip().lower(): v for k, v in data.items()}
            yield _Raw(row, where, {k: v for k, v in fields.items() if k in KNOWN_COLUMNS})


class _ParquetSource(_Source):
    unit = "rows"

    def __init__(self, path: Path) -> None:
        import pyarrow.parquet as pq

        try:
            self.file = pq.ParquetFile(path)
        except Exception as exc:  # pyarrow raises several types for a bad file
            raise BatchError(f"{path}: not a readable Parquet file ({exc})") from exc
        self.total = float(self.file.metadata.num_rows)
        self.done = 0
        self.path = path
        names = self.file.schema_arrow.names
        self.columns = {n: n.strip().lower() for n in names if n.strip().lower() in KNOWN_COLUMNS}
        if not any(c in self.columns.values() for c in NAME_COLUMNS):
            raise BatchError(f"{path}: no 'name' or 'full_name' column")

    def position(self) -> float:
        return float(self.done)

    def rows(self) -> Iterator[_Raw]:
        try:
            for batch in self.file.iter_batches(batch_size=4096, columns=list(self.columns)):
                for record in batch.to_pylist():
                    self.done += 1
                    fields = {self.columns[k]: v for k, v in record.items()}
                    yield _Raw(self.done, f"row {self.done}", fields)
        except Exception as exc:
            where = f"{self.path}: row {self.done + 1}"
            raise BatchError(f"{where}: unreadable Parquet data ({exc})") from exc

    def close(self) -> None:
        self.file.close()


def open_source(path: Path, fmt: str) -> _Source:
    """Open ``path`` as ``fmt`` (raises :class:`BatchError` if it cannot be read)."""
    try:
        if fmt == "csv":
            return _CsvSource(path)
        if fmt == "jsonl":
            return _JsonlSource(path)
    except OSError as exc:
        raise BatchError(f"{path}: cannot open ({exc.strerror or exc})") from exc
    return _ParquetSource(path)


def _first(fields: dict[str, Any], columns: tuple[str, ...]) -> Any:
    for column in columns:
        value = fields.get(column)
        if value is not None and (not isinstance(value, str) or value.strip()):
            return value
    return None


def _json_id(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value if not isinstance(value, str) or value.strip() else None
    if isinstance(value, list | dict):
        return value
    return str(value)


def check_row(raw: _Raw) -> tuple[_Job | None, list[RowProblem]]:
    """A row ready to screen, or the reason it cannot be, plus any warning."""
    if raw.fields is None:
        return None, [RowProblem(raw.row, raw.where, raw.error or "unreadable row")]
    fields = raw.fields
    problems: list[RowProblem] = []
    try:
        name = clean_name(_first(fields, NAME_COLUMNS))
        schema = parse_schema(fields.get("schema"))
        birth_date = parse_birth_date(_first(fields, DATE_COLUMNS))
    except ScreenInputError as exc:
        return None, [RowProblem(raw.row, raw.where, str(exc))]
    try:
        countries = parse_countries(_first(fields, COUNTRY_COLUMNS))
    except ScreenInputError as exc:
        countries = ()
        problems.append(RowProblem(raw.row, raw.where, str(exc), skipped=False))
    number = parse_id_number(fields.get("id_number"))
    job: _Job = (
        raw.row,
        raw.where,
        _json_id(fields.get("id")),
        name,
        schema,
        birth_date,
        countries,
        (number,) if number else (),
    )
    return job, problems


# -- screening -------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}
"""The screener and options, set in the parent before workers are forked."""


def _screen_chunk(chunk: list[_Job]) -> tuple[list[str], int, int, list[RowProblem]]:
    screener: Screener = _WORKER["screener"]
    options: dict[str, Any] = _WORKER["options"]
    lines: list[str] = []
    with_hits = hits = 0
    problems: list[RowProblem] = []
    for row, where, ident, name, schema, birth_date, countries, numbers in chunk:
        query = Query(name, schema, birth_date, countries, None, numbers)
        try:
            result = screener.screen_query(query, row=row, id=ident, **options)
        except Exception as exc:  # one odd row must not sink the whole file
            problems.append(RowProblem(row, where, f"could not be screened ({exc!r})"))
            continue
        lines.append(result.to_json())
        if result.hits:
            with_hits += 1
            hits += len(result.hits)
    return lines, with_hits, hits, problems


def default_workers() -> int:
    """The CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _chunks(jobs: Iterator[_Job], size: int) -> Iterator[list[_Job]]:
    chunk: list[_Job] = []
    for job in jobs:
        chunk.append(job)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def screen_file(
    input: Path,
    output: IO[str],
    screener: Screener,
    *,
    fmt: str | None = None,
    threshold: float | None = None,
    limit: int = 10,
    algorithm: str = "thaw",
    workers: int | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    progress: ProgressSink | None = None,
    on_problem: Callable[[RowProblem], None] | None = None,
) -> BatchSummary:
    """Screen every row of ``input`` and write one JSON line per screened row to
    ``output``, in input order (see the module docs). Problems go to
    ``on_problem`` (and ``progress.problem``) as they are found and are kept in
    the summary. Raises :class:`BatchError` when the input as a whole cannot be
    read."""
    began = time.perf_counter()
    source = open_source(Path(input), detect_format(Path(input), fmt))
    summary = BatchSummary()

    def report(problem: RowProblem) -> None:
        summary.problems.append(problem)
        if problem.skipped:
            summary.skipped += 1
        else:
            summary.warnings += 1
        if on_problem is not None:
            on_problem(problem)
        if progress is not None:
            progress.problem(problem)

    def jobs() -> Iterator[_Job]:
        for raw in source.rows():
            summary.rows += 1
            job, problems = check_row(raw)
            for problem in problems:
                report(problem)
            if job is not None:
                yield job

    def write(result: tuple[list[str], int, int, list[RowProblem]]) -> None:
        lines, with_hits, hits, problems = result
        for problem in problems:
            report(problem)
        if lines:
            output.write("\n".join(lines))
            output.write("\n")
        summary.screened += len(lines)
        summary.with_hits += with_hits
        summary.hits += hits
        if progress is not None:
            progress.update(source.position())

    _WORKER["screener"] = screener
    _WORKER["options"] = {"threshold": threshold, "limit": limit, "algorithm": algorithm}
    workers = default_workers() if workers is None else max(1, workers)
    try:
        chunks = _chunks(jobs(), max(1, chunk_size))
        first = next(chunks, None)
        second = next(chunks, None) if first is not None else None
        can_fork = "fork" in multiprocessing.get_all_start_methods()
        parallel = second is not None and workers > 1 and can_fork
        summary.workers = workers if parallel else 1
        if not parallel:
            if progress is not None:
                progress.start(source.total, source.unit)
            for chunk in (first, second):
                if chunk is not None:
                    write(_screen_chunk(chunk))
            for chunk in chunks:
                write(_screen_chunk(chunk))
        else:
            assert first is not None and second is not None
            _run_pool(screener, workers, first, second, chunks, source, write, progress)
    finally:
        source.close()
        _WORKER.clear()
    summary.seconds = time.perf_counter() - began
    return summary


def _run_pool(
    screener: Screener,
    workers: int,
    first: list[_Job],
    second: list[_Job],
    rest: Iterator[list[_Job]],
    source: _Source,
    write: Callable[[tuple[list[str], int, int, list[RowProblem]]], None],
    progress: ProgressSink | None,
) -> None:
    """Screen chunks in forked workers, writing results in input order."""
    screener.warm_up()  # lazy tables of name analysis and matching, shared by the workers
    # entries are decoded by the workers as they need them, in parallel: decoding
    # them all here first (~1 s) would keep both cores waiting
    screener.index.prepare()
    gc.collect()
    gc.freeze()  # keep the collector from touching (and so copying) shared pages
    context = multiprocessing.get_context("fork")
    try:
        with context.Pool(workers, initializer=die_with_parent) as pool:
            if progress is not None:
                progress.start(source.total, source.unit)
            in_flight = workers * 4
            pending: deque[Any] = deque()
            for chunk in _prepend(first, second, rest):
                pending.append(pool.apply_async(_screen_chunk, (chunk,)))
                while len(pending) >= in_flight:
                    write(pending.popleft().get())
            while pending:
                write(pending.popleft().get())
    finally:
        gc.unfreeze()


def _prepend(
    first: list[_Job], second: list[_Job], rest: Iterator[list[_Job]]
) -> Iterator[list[_Job]]:
    yield first
    yield second
    yield from rest


def open_output(path: Path | None) -> IO[str]:
    """The output stream: ``path`` (``-`` or ``None``: standard output)."""
    if path is None or str(path) == "-":
        return sys.stdout
    path.parent.mkdir(parents=True, exist_ok=True)
    return open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
