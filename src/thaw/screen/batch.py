"""Screening files of any size: CSV, JSON lines or Parquet in, JSON lines out.

Input contract
--------------
One row per party. Columns are recognised by their headers (CSV headers, JSON
keys, Parquet columns) as integrators write them, in English, German, French,
Spanish, Italian, Portuguese, Russian and Ukrainian (:mod:`thaw.screen.columns`:
case, accents, punctuation and plurals do not count):

``name`` or ``full_name``          required (``Customer Name``, ``ФИО`` …), or:
``first_name``, ``middle_name``,   the parts of a person's name (``Given Names``,
``last_name``                      ``Surname``, ``Nachname``, ``Prénom``, ``Apellidos``,
                                   ``Отчество`` …), joined in this order;
``id``                             optional, copied to the output (``Customer ID``);
``schema``                         Person, Organization, Company, LegalEntity, Vessel,
                                   Aircraft, or ``any``;
``birth_date``, ``date_of_birth``  ISO, ``DD.MM.YYYY``, ``DD/MM/YYYY`` or
or ``dob``                         ``MM/DD/YYYY`` (the order decided per file),
                                   ``YYYYMMDD``, month names, Excel dates
                                   (:mod:`thaw.screen.dates`);
``gender`` or ``sex``              any value: the row is a person; ``M``/``F``,
                                   ``male``/``female``, ``weiblich``, ``мужской`` …
                                   is evidence too;
``nationality`` or ``country``     ISO-2 or ISO-3 codes or country names (several:
                                   ``;`` or ``|``); a nationality and a country of
                                   residence are both read;
``id_number``                      a passport, tax, registration, IMO … number
                                   (every such column is read);
``kind``                           the customer's kind as the bank's system says it
                                   (``Customer Type``: Individual, Corporate …),
                                   read when the row gives no ``schema``; a value
                                   not known leaves the kind open.

Other columns are ignored; which column was read as what is said once
(:attr:`BatchSummary.notes`), and a header without a name column is refused
with the headers seen and those accepted. CSV files are UTF-8 (a BOM is
accepted; UTF-16, as Excel's "Unicode text" writes it, with or without a
byte-order mark, and UTF-32 with one are read too), delimited by commas,
semicolons, tabs or ``|`` (recognised from the header); blank lines and a few
title lines above the header (Excel's ``sep=;`` too) are passed over; JSON lines
hold one object per line (a ``.json`` file may also hold one array of objects);
``.xlsx`` workbooks are read from the sheet they open on
(:mod:`thaw.screen.workbook`); ``.gz`` files are read compressed.

**Persons.** A row that gives a gender, a date of birth, or a given name in its
own column describes a person and is screened as a ``Person``: it does not alert
on organisations, vessels or aircraft. A ``schema`` value in the row (or
``default_schema``, ``thaw screen-file --schema``) overrides that; ``any``
screens against every kind of party.

**Bounds.** A line longer than :data:`MAX_LINE_CHARS`, a field longer than
:data:`MAX_FIELD_CHARS` or a name longer than
:data:`thaw.screen.inputs.MAX_NAME_CHARS` makes its row a bad row; the line is
read through without being held in memory. A ``.gz`` file inflates at most about
1,000-fold per byte (the deflate limit), so this bounds memory whatever it holds.
Bytes that are not UTF-8 are read as Windows-1252 and the row is screened with a
warning.

Output: one JSON object per screened row, in input order, as in
:meth:`thaw.screen.ScreenResult.to_dict`; ``row`` is the 1-based position of the
row among the input's data rows (the header and blank JSON lines do not count).

A row that cannot be screened (no name, an unknown schema, an unparsable line)
is reported with its line number and skipped; the rest is screened. A date of
birth that cannot be read, or an unknown country, is reported too, but the row is
screened without it: a listed party is never left unscreened for a date.

Work is spread over all CPU cores: the parent process reads and checks rows and
writes results; forked workers, which share the loaded index copy-on-write,
screen chunks of rows, each row sent to the worker its name's last word is
routed to (so that a family name's rows meet one worker's caches). At most a few
chunks per worker are in flight, so memory stays flat whatever the input size.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import functools
import gc
import gzip
import io
import itertools
import json
import multiprocessing
import operator
import os
import re
import sys
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, NamedTuple, Protocol, cast

from thaw._process import die_with_parent
from thaw.match import Query
from thaw.screen.columns import ColumnPlan, accepted_headers, field_values, plan_columns
from thaw.screen.dates import DATE_ORDERS, FileDates
from thaw.screen.inputs import (
    FileGenders,
    ScreenInputError,
    clean_name,
    id_forms,
    parse_countries,
    parse_gender,
    parse_id_number,
    parse_kind,
    parse_schema,
)
from thaw.screen.screener import Screener, ScreenResult

FORMATS = ("csv", "jsonl", "parquet", "xlsx")
DEFAULT_CHUNK = 256
DELIMITERS = (",", ";", "\t", "|")
"""CSV delimiters recognised from the header line."""

MAX_LINE_CHARS = 1 << 20
"""The longest line of a CSV or JSON lines file (1 MiB): a longer one is a bad row,
read through without being held in memory."""
MAX_FIELD_CHARS = 1 << 16
"""The longest value of a column that is read (64 KiB)."""
MAX_XLSX_PART_BYTES = 512 << 20
"""The largest inflated part of an .xlsx workbook (512 MiB): a larger workbook is
refused before it is opened (a zip bomb, or shared strings no customer file needs)."""

# The input contract's own column names (``thaw.spark`` maps a DataFrame's columns
# by them); files are read by :mod:`thaw.screen.columns`, which knows these and
# many more, in several languages.
NAME_COLUMNS = ("name", "full_name")
FIRST_NAME_COLUMNS = ("first_name", "firstname", "given_name", "forename")
MIDDLE_NAME_COLUMNS = ("middle_name", "middlename", "middle_names")
LAST_NAME_COLUMNS = ("last_name", "lastname", "surname", "family_name")
GENDER_COLUMNS = ("gender", "sex")
DATE_COLUMNS = ("birth_date", "date_of_birth", "dob")
COUNTRY_COLUMNS = ("nationality", "country")
_EMPTY = frozenset({"", "-", "n/a", "na", "none", "null", "unknown", "u", "x"})
"""Gender values that say nothing (a company row of a mixed file often has one)."""


class CheckedRow(NamedTuple):
    """A row of the input contract, checked (:func:`check_row`): what is screened,
    and where it came from. It is what a worker is sent, and what every other
    reader of customer rows (the API's file upload, portfolios, decisions, Spark)
    builds its query from (:meth:`query`), so that all screen a row alike."""

    row: int
    """The 1-based position of the row among the input's data rows."""
    where: str
    """The row's place, for messages (``file.csv: line 12``)."""
    id: Any
    """The row's ``id``, as JSON will write it (``None``: none)."""
    name: str
    schema: str | None
    birth_date: str | None
    countries: tuple[str, ...]
    id_numbers: tuple[str, ...]
    gender: str | None = None
    """``male`` or ``female`` (:func:`thaw.screen.inputs.parse_gender`)."""

    def query(self) -> Query:
        """The matcher's query for this row."""
        return Query(
            self.name,
            self.schema,
            self.birth_date,
            self.countries,
            self.gender,
            self.id_numbers,
        )


_Job = CheckedRow  # the name the worker plumbing below uses


class BatchError(Exception):
    """The input as a whole cannot be screened (unreadable, no name column …)."""


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row that was skipped (``skipped``) or screened with a value dropped."""

    row: int
    where: str
    reason: str
    skipped: bool = True
    action: str | None = None
    """What was done, when neither skipping the row nor dropping the value
    (``screened with the year only``)."""

    def __str__(self) -> str:
        action = self.action or ("skipped" if self.skipped else "screened without it")
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
    notes: list[str] = field(default_factory=list)
    """What was said once about the file: which column was read as what, a title
    line above the header, the order its dates were read in."""

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
    """The row's values by field key (:class:`thaw.screen.columns.ColumnPlan`)."""
    error: str | None = None
    warning: str | None = None
    dates: FileDates | None = None
    """How the file's dates of birth are read (``None``: a row given alone)."""
    genders: FileGenders | None = None
    """How the file's gender values are read (``None``: a row given alone)."""


def detect_format(path: Path, given: str | None = None) -> str:
    """``csv``, ``jsonl``, ``parquet`` or ``xlsx``, from ``given`` or the file name."""
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
    if suffix in ("csv", "txt", "tsv", "tab", "psv", "dat"):
        return "csv"
    if suffix in ("jsonl", "ndjson", "json"):
        return "jsonl"
    if suffix in ("parquet", "pq"):
        return "parquet"
    if suffix in ("xlsx", "xlsm") and not path.name.lower().endswith(".gz"):
        return "xlsx"
    if suffix in ("xls", "ods", "numbers"):
        raise BatchError(
            f"{path}: .{suffix} workbooks are not read; save the sheet as .xlsx or CSV"
        )
    raise BatchError(f"{path}: cannot tell the format from the name; pass --format")


class _Source:
    """An input file being read: rows, and how far through it we are.

    ``notes`` collects what the user should be told once about the file as it is
    read (which column was read as what, a title line above the header, the
    order of its dates); ``dates`` reads its dates of birth."""

    total: float | None = None
    unit = "bytes"
    notes: list[str]
    dates: FileDates
    genders: FileGenders

    def _setup(self) -> None:
        self.notes = []
        self.dates = FileDates(note=self.notes.append)
        self.genders = FileGenders(note=self.notes.append)

    def rows(self) -> Iterator[_Raw]:
        """The file's rows, in order, each with the file's :attr:`dates` and
        :attr:`genders`. Bytes that are not UTF-8 are said on the first row that
        has them, for the whole file (a Windows-1252 export has them on most
        rows)."""
        dates, genders = self.dates, self.genders
        said = False
        for raw in self._read():
            raw.dates = dates
            raw.genders = genders
            if raw.warning is NOT_UTF8:
                raw.warning = None if said else NOT_UTF8_ONCE
                said = True
            yield raw

    def _read(self) -> Iterator[_Raw]:
        raise NotImplementedError

    def _plan(self, cells: list[Any]) -> ColumnPlan:
        """The plan of a header, said in :attr:`notes`; the order its date
        column's hint gives goes to :attr:`dates`."""
        plan = plan_columns(cells)
        self.notes.append(plan.describe())
        if plan.date_order is not None:
            self.dates.hint = plan.date_order
        return plan

    def position(self) -> float:
        raise NotImplementedError

    def close(self) -> None:
        pass


class _Lines:
    """Physical lines of a text stream, none longer than ``limit`` characters.

    An over-long line is read through in small pieces (never held whole) and
    handed on as an empty line, so the CSV reader sees a blank line; its number is
    kept in :attr:`overlong` for the caller to report as a bad row.
    """

    def __init__(self, text: IO[str], limit: int) -> None:
        self.text = text
        self.limit = limit
        self.number = 0
        self.overlong: list[int] = []

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self.text.readline(self.limit + 1)
        if not line:
            raise StopIteration
        self.number += 1
        if len(line) > self.limit and not line.endswith(("\n", "\r")):
            while True:
                rest = self.text.readline(1 << 16)
                if not rest or rest.endswith(("\n", "\r")):
                    break
            self.overlong.append(self.number)
            return "\n"
        return line


def _sniff_encoding(path: Path, head: bytes) -> str:
    """The text encoding of a CSV or JSON lines file from its first bytes: UTF-8
    (with or without a BOM), or UTF-16/32 when a byte-order mark says so. NUL
    bytes without a BOM mean UTF-16 without a mark, or no text at all: refused."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    even, odd = head[0:256:2], head[1:256:2]
    if len(head) >= 4 and b"\x00" not in even and odd and odd.count(0) * 2 > len(odd):
        return "utf-16-le"  # ASCII-heavy text in UTF-16 without a byte-order mark
    if len(head) >= 4 and b"\x00" not in odd and even and even.count(0) * 2 > len(even):
        return "utf-16-be"
    if b"\x00" in head:
        raise BatchError(
            f"{path}: not UTF-8 text (NUL bytes at the start: UTF-16 without a byte-order "
            "mark, or not a text file); save it as UTF-8"
        )
    return "utf-8-sig"


def _from_cp1252(value: str) -> str:
    """A value read with ``surrogateescape`` with each undecodable byte read as
    Windows-1252 (Latin-1 where cp1252 leaves a byte undefined)."""
    out = []
    for ch in value:
        if "\udc80" <= ch <= "\udcff":
            byte = bytes([ord(ch) - 0xDC00])
            out.append(byte.decode("cp1252", errors="ignore") or byte.decode("latin-1"))
        else:
            out.append(ch)
    return "".join(out)


class _TextSource(_Source):
    def __init__(self, path: Path) -> None:
        self._setup()
        self.raw = open(path, "rb")  # noqa: SIM115 (closed by close())
        self.total = float(os.fstat(self.raw.fileno()).st_size)
        self.stream: IO[bytes] = self.raw
        if path.name.lower().endswith(".gz"):
            self.stream = cast(IO[bytes], io.BufferedReader(gzip.GzipFile(fileobj=self.raw)))
        self.path = path
        try:
            head = cast(io.BufferedReader, self.stream).peek(4096)[:4096]
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            self.raw.close()
            raise BatchError(f"{path}: cannot read ({exc})") from exc
        try:
            self.encoding = _sniff_encoding(path, head)
        except BatchError:
            self.raw.close()
            raise

    def position(self) -> float:
        if self.raw.closed:
            return self.total or 0.0
        return float(self.raw.tell())

    def close(self) -> None:
        self.raw.close()

    def text(self) -> io.TextIOWrapper:
        # surrogateescape: an undecodable byte is kept and read as Windows-1252 later.
        # The wrapper is kept on self: collecting it would close the file under us.
        errors = "surrogateescape" if self.encoding.startswith("utf-8") else "replace"
        self._text = io.TextIOWrapper(
            self.stream, encoding=self.encoding, errors=errors, newline=""
        )
        return self._text


def _decode(data: bytes, encoding: str) -> tuple[str, str | None]:
    """UTF-8 bytes as text, and :data:`NOT_UTF8` when some were not UTF-8 (those
    are read as Windows-1252)."""
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError:
        return _from_cp1252(data.decode(encoding, errors="surrogateescape")), NOT_UTF8


def _has_surrogates(values: Any) -> bool:
    """Whether a value holds bytes that were not UTF-8 (read as lone surrogates)."""
    for value in values:
        if isinstance(value, str) and not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return True
    return False


def _header_columns(header: list[str]) -> list[str]:
    columns = [" ".join(h.split()).lower().replace(" ", "_") for h in header]
    if columns and columns[0].startswith("\ufeff"):
        columns[0] = columns[0][1:]
    return columns


def _no_name_column(path: Path, headers: Iterable[Any], where: str = "") -> BatchError:
    """The error for a header without a name column: the headers seen and the
    accepted names."""
    seen = ", ".join(repr(str(h)) for h in headers if h is not None and str(h).strip())
    return BatchError(
        f"{path}: {where}no name column among the headers ({seen or 'none'}); "
        f"accepted: {accepted_headers()}"
    )


MAX_TITLE_LINES = 5
"""Lines above a CSV or .xlsx header that may be a title (``Customer list, 1 Dec``):
each holds at most :data:`MAX_TITLE_CELLS` filled cells and no name column."""
MAX_TITLE_CELLS = 2


def _may_be_title(plan: ColumnPlan, filled: list[str]) -> bool:
    """Whether a line above the header may be a title: at most
    :data:`MAX_TITLE_CELLS` filled cells, none of them a known header."""
    return len(filled) <= MAX_TITLE_CELLS and not plan.roles


def _sniff_delimiter(line: str) -> str:
    """The delimiter of a CSV header line: the most frequent of ``,`` ``;`` tab ``|``
    (a comma when none occurs)."""
    counts = {d: line.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


class _CsvSource(_TextSource):
    def _header(self, lines: _Lines) -> tuple[str, str] | None:
        """The header line and its delimiter (``None``: an empty file). Blank
        lines above it are passed over, and so are up to :data:`MAX_TITLE_LINES`
        title lines (see :data:`MAX_TITLE_CELLS`), said in :attr:`notes`."""
        titles: list[str] = []
        first: list[str] | None = None
        for line in lines:
            if lines.overlong:
                where = f"line {lines.number}"
                raise BatchError(
                    f"{self.path}: {where}: header {_too_long('line', MAX_LINE_CHARS)}"
                )
            if not line.strip():
                continue
            if _has_surrogates((line,)):  # a Windows-1252 header (Staatsangehörigkeit)
                line = _from_cp1252(line)
            delimiter = _sniff_delimiter(line)
            try:
                cells = next(csv.reader([line], delimiter=delimiter), [])
            except csv.Error as exc:
                where = f"line {lines.number}"
                raise BatchError(f"{self.path}: {where}: unreadable header ({exc})") from exc
            plan = plan_columns(cells)
            if plan.has_name:
                if titles:
                    shown = "; ".join(titles)
                    self.notes.append(
                        f"read line {lines.number} as the header; above it, taken for a "
                        f"title: {shown}"
                    )
                return line, delimiter
            filled = [c.strip() for c in cells if c.strip()]
            if not filled:
                continue  # a line of delimiters only
            first = cells if first is None else first
            if not _may_be_title(plan, filled) or len(titles) >= MAX_TITLE_LINES:
                raise _no_name_column(self.path, first, "line 1: " if not titles else "")
            titles.append(f"line {lines.number} ({' '.join(filled)!r})")
        if first is not None:
            raise _no_name_column(self.path, first)
        return None

    def _read(self) -> Iterator[_Raw]:
        lines = _Lines(self.text(), MAX_LINE_CHARS)
        found = self._header(lines)
        if found is None:
            return
        first, delimiter = found
        offset = lines.number - 1  # physical lines above the header
        reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
        header = next(reader)
        plan = self._plan(header)
        wanted = plan.wanted()
        # a full row's wanted values in one C call (the comprehension below is for
        # short rows, and for headers with fewer than two known columns)
        names = [c for _, c in wanted]
        pick = operator.itemgetter(*[i for i, _ in wanted]) if len(wanted) > 1 else None
        full = max((i for i, _ in wanted), default=-1) + 1
        row = 0
        last_line = reader.line_num
        reported = 0

        def overlong() -> Iterator[_Raw]:
            nonlocal row, reported
            while reported < len(lines.overlong):
                row += 1
                number = lines.overlong[reported]
                reported += 1
                yield _Raw(row, f"line {number}", None, _too_long("line", MAX_LINE_CHARS))

        while True:
            try:
                values = next(reader)
            except StopIteration:
                yield from overlong()
                return
            except csv.Error as exc:
                yield from overlong()
                row += 1
                where = f"line {offset + last_line + 1}"
                yield _Raw(row, where, None, f"unparsable CSV ({exc})")
                last_line = reader.line_num
                continue
            if reported < len(lines.overlong):
                yield from overlong()
            start = last_line + 1
            last_line = reader.line_num
            if not any(values):
                continue  # a blank line, or one of delimiters only, is no row
            row += 1
            where = f"line {offset + start}"
            if pick is not None and len(values) >= full:
                fields = dict(zip(names, pick(values), strict=True))
            else:
                fields = {c: values[i] for i, c in wanted if i < len(values)}
            if last_line > start and _swallowed_rows(fields, delimiter):
                yield _Raw(
                    row,
                    f"lines {offset + start}-{offset + last_line}",
                    None,
                    "a quoted field runs over several lines that look like rows (a quote "
                    "left open?): this row and those lines were not screened",
                )
                continue
            yield _checked_fields(row, where, fields)


def _swallowed_rows(fields: dict[str, str], delimiter: str) -> bool:
    """Whether a row read over several lines holds what look like further rows: a
    field with a line break followed by the file's delimiter. A quote left open
    makes the CSV reader read on, through the rows after it, up to the next quote
    or the end of the file; a name legitimately quoted over two lines
    (``"Kirill\nDmitriev"``) holds no delimiter after its break."""
    for value in fields.values():
        for brk in ("\n", "\r"):
            at = value.find(brk)
            if at >= 0 and delimiter in value[at:]:
                return True
    return False


def _too_long(what: str, limit: int) -> str:
    return f"{what} longer than {limit:,} characters"


def _checked_fields(row: int, where: str, fields: dict[str, Any]) -> _Raw:
    """A row's fields, refused when one is over :data:`MAX_FIELD_CHARS`; bytes that
    were not UTF-8 are read as Windows-1252 and said so."""
    values = fields.values()
    try:
        joined = "".join(values)
    except TypeError:  # (a value that is no text: JSON, Parquet)
        joined = None
    if (
        joined is not None
        and len(joined) <= MAX_FIELD_CHARS
        and (joined.isascii() or not _has_surrogates((joined,)))
    ):
        # the usual row, checked at once: short in all, and without an undecodable
        # byte (which reads as a lone surrogate, which no UTF-8 encodes)
        return _Raw(row, where, fields)
    for value in values:
        if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
            return _Raw(row, where, None, _too_long("a field", MAX_FIELD_CHARS))
    if _has_surrogates(fields.values()):
        fixed = {k: _from_cp1252(v) if isinstance(v, str) else v for k, v in fields.items()}
        return _Raw(row, where, fixed, warning=NOT_UTF8)
    return _Raw(row, where, fields)


class _JsonlSource(_TextSource):
    """JSON lines, one object per line; or a JSON array of objects (a ``.json``
    export), up to :data:`MAX_JSON_ARRAY_BYTES`, its items placed as ``item N``."""

    def _read(self) -> Iterator[_Raw]:
        self._plans: dict[tuple[Any, ...], ColumnPlan] = {}  # keys of an object → its plan
        self._said: set[str] = set()
        if self._is_array():
            yield from self._array()
            return
        if not self.encoding.startswith("utf-8"):
            # JSON lines are UTF-8 by definition (RFC 8259); decode the rest as text
            lines = _Lines(self.text(), MAX_LINE_CHARS)

            def encoded() -> Iterator[bytes]:
                for line in lines:
                    overlong = lines.overlong and lines.overlong[-1] == lines.number
                    yield _OVERLONG if overlong else line.encode("utf-8")

            yield from self._rows(encoded())
            return
        yield from self._rows(self._binary_lines())

    def _binary_lines(self) -> Iterator[bytes]:
        while True:
            line = self.stream.readline(MAX_LINE_CHARS + 1)
            if not line:
                return
            if len(line) > MAX_LINE_CHARS and not line.endswith(b"\n"):
                while True:
                    rest = self.stream.readline(1 << 16)
                    if not rest or rest.endswith(b"\n"):
                        break
                yield _OVERLONG
                continue
            yield line

    def _is_array(self) -> bool:
        """Whether the file is a JSON array (its first character is ``[``)."""
        if not self.encoding.startswith("utf-8"):
            return False
        head = cast(io.BufferedReader, self.stream).peek(256)[:256]
        return head.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"[")

    def _array(self) -> Iterator[_Raw]:
        data = self.stream.read(MAX_JSON_ARRAY_BYTES + 1)
        if len(data) > MAX_JSON_ARRAY_BYTES:
            raise BatchError(
                f"{self.path}: a JSON array over {MAX_JSON_ARRAY_BYTES:,} bytes; write one "
                "object per line (JSON lines) instead"
            )
        text, warning = _decode(data, "utf-8-sig")
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            where = f"line {exc.lineno}, column {exc.colno}"
            raise BatchError(f"{self.path}: unparsable JSON ({exc.msg}, {where})") from None
        except (RecursionError, ValueError) as exc:
            raise BatchError(f"{self.path}: unparsable JSON ({type(exc).__name__})") from None
        if not isinstance(items, list):
            raise BatchError(f"{self.path}: not a JSON array of objects (nor one object per line)")
        for row, item in enumerate(items, start=1):
            yield self._object(row, f"item {row}", item, warning)
            warning = None

    def _object(self, row: int, where: str, data: Any, warning: str | None) -> _Raw:
        """One JSON value of the file as a row (a JSON object, else a bad row)."""
        if not isinstance(data, dict):
            return _Raw(row, where, None, "not a JSON object")
        keys = tuple(data)
        plans, said = self._plans, self._said
        plan = plans.get(keys)
        if plan is None:
            if len(plans) >= MAX_JSON_PLANS:  # objects of ever new keys: keep memory flat
                plans.clear()
            plan = plans[keys] = plan_columns([str(k) for k in keys])
            read = plan.describe().split("; ignored:")[0]
            if read not in said and len(said) < MAX_JSON_NOTES:
                said.add(read)
                self.notes.append(f"{where}: {plan.describe()}")
                if plan.date_order is not None:
                    self.dates.hint = plan.date_order
        known = {k: data[c] for c, k in zip(keys, plan.keys, strict=True) if k is not None}
        raw = _checked_fields(row, where, known)
        if warning and raw.warning is None and raw.fields is not None:
            raw.warning = warning
        return raw

    def _rows(self, lines: Iterator[bytes]) -> Iterator[_Raw]:
        row = 0
        for number, line in enumerate(lines, start=1):
            if number == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
            if line is _OVERLONG:
                row += 1
                yield _Raw(row, f"line {number}", None, _too_long("line", MAX_LINE_CHARS))
                continue
            if not line.strip():
                continue
            row += 1
            where = f"line {number}"
            text, warning = _decode(line, "utf-8")
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                yield _Raw(row, where, None, f"unparsable JSON ({exc.msg}, column {exc.colno})")
                continue
            except RecursionError:
                yield _Raw(row, where, None, "unparsable JSON (nested too deeply)")
                continue
            except ValueError:  # an integer of more digits than Python converts
                yield _Raw(row, where, None, "unparsable JSON (a number too long)")
                continue
            yield self._object(row, where, data, warning)


MAX_JSON_ARRAY_BYTES = 64 << 20
"""The largest JSON array file read (64 MiB): it is parsed whole; a larger export
is written as JSON lines, read one line at a time."""
MAX_JSON_PLANS = 1024
"""The key sets of JSON objects whose column plans are kept at once."""
MAX_JSON_NOTES = 5
"""The most column plans said for one JSON lines file (objects may differ in the
keys they give; a new plan is said when it reads other columns)."""

_OVERLONG = b"\x00overlong\x00"
"""Stands in for a JSON line over the cap (a real line cannot be this object)."""

NOT_UTF8 = "not valid UTF-8; the bytes that are not were read as Windows-1252"
NOT_UTF8_ONCE = f"{NOT_UTF8}, here and in the rest of the file"


class _XlsxSource(_Source):
    """The sheet an Excel workbook opens on (:class:`thaw.screen.workbook.ActiveSheet`);
    the first row with a name column is the header (title rows above it are passed
    over, as in a CSV file)."""

    unit = "rows"

    def __init__(self, path: Path) -> None:
        import zipfile

        self._setup()
        self.path = path
        try:
            with zipfile.ZipFile(path) as zf:
                for info in zf.infolist():
                    if info.file_size > MAX_XLSX_PART_BYTES:
                        raise BatchError(
                            f"{path}: {info.filename} inflates to {info.file_size:,} bytes, "
                            f"over the {MAX_XLSX_PART_BYTES:,}-byte cap for one part of a workbook"
                        )
        except (zipfile.BadZipFile, OSError) as exc:
            raise BatchError(f"{path}: not a readable .xlsx workbook ({exc})") from exc
        from thaw.screen.workbook import ActiveSheet

        try:
            self.sheet = ActiveSheet(path)
        except Exception as exc:  # calamine raises several types for a broken workbook
            raise BatchError(f"{path}: not a readable .xlsx workbook ({exc})") from exc
        self.total = float(self.sheet.height) or None
        self.done = 0

    def position(self) -> float:
        return float(self.done)

    def _read(self) -> Iterator[_Raw]:
        plan: ColumnPlan | None = None
        wanted: list[tuple[int, str]] = []
        titles: list[str] = []
        row = 0
        try:
            for number, values in enumerate(self.sheet.rows(), start=1):
                self.done = number
                if not any(v is not None and str(v).strip() for v in values):
                    continue
                if plan is None:
                    cells = ["" if v is None else str(v) for v in values]
                    filled = [c.strip() for c in cells if c.strip()]
                    seen = plan_columns(cells)
                    if not seen.has_name:
                        if not _may_be_title(seen, filled) or len(titles) >= MAX_TITLE_LINES:
                            raise _no_name_column(self.path, cells, f"row {number}: ")
                        titles.append(f"row {number} ({' '.join(filled)!r})")
                        continue
                    if titles:
                        self.notes.append(
                            f"read row {number} as the header; above it, taken for a "
                            f"title: {'; '.join(titles)}"
                        )
                    plan = self._plan(cells)
                    wanted = plan.wanted()
                    continue
                row += 1
                fields = {c: values[i] for i, c in wanted if i < len(values)}
                yield _checked_fields(row, f"row {number}", fields)
            if plan is None and titles:
                raise BatchError(f"{self.path}: no header row (only {', '.join(titles)})")
        except BatchError:
            raise
        except Exception as exc:
            raise BatchError(f"{self.path}: row {self.done + 1}: unreadable ({exc})") from exc

    def close(self) -> None:
        self.sheet.close()


class _ParquetSource(_Source):
    unit = "rows"

    def __init__(self, path: Path) -> None:
        import pyarrow.parquet as pq

        try:
            self.file = pq.ParquetFile(path)
        except Exception as exc:  # pyarrow raises several types for a bad file
            raise BatchError(f"{path}: not a readable Parquet file ({exc})") from exc
        self._setup()
        self.total = float(self.file.metadata.num_rows)
        self.done = 0
        self.path = path
        names = self.file.schema_arrow.names
        plan = self._plan(list(names))
        if not plan.has_name:
            raise _no_name_column(path, names)
        self.columns = {n: k for n, k in zip(names, plan.keys, strict=True) if k is not None}

    def position(self) -> float:
        return float(self.done)

    def _read(self) -> Iterator[_Raw]:
        try:
            for batch in self.file.iter_batches(batch_size=4096, columns=list(self.columns)):
                for record in batch.to_pylist():
                    self.done += 1
                    fields = {self.columns[k]: v for k, v in record.items()}
                    yield _checked_fields(self.done, f"row {self.done}", fields)
        except Exception as exc:
            where = f"{self.path}: row {self.done + 1}"
            raise BatchError(f"{where}: unreadable Parquet data ({exc})") from exc

    def close(self) -> None:
        self.file.close()


def open_source(path: Path, fmt: str, date_order: str | None = None) -> _Source:
    """Open ``path`` as ``fmt`` (raises :class:`BatchError` if it cannot be read).

    ``date_order`` (``dmy``, ``mdy`` or ``ymd``) is how to read dates of birth
    whose order the value does not tell (``05/10/1976``); by default the file's
    own rows decide (:mod:`thaw.screen.dates`), read again for that when a
    value first needs it."""
    if date_order is not None and date_order not in DATE_ORDERS:
        raise BatchError(f"unknown date order {date_order!r} (use {', '.join(DATE_ORDERS)})")
    source = _open(path, fmt)
    source.dates.order = date_order
    source.dates.scan = lambda: _scan(path, fmt, "birth_date")
    source.genders.scan = lambda: _scan(path, fmt, "gender")
    return source


def _open(path: Path, fmt: str) -> _Source:
    try:
        if fmt == "csv":
            return _CsvSource(path)
        if fmt == "jsonl":
            return _JsonlSource(path)
        if fmt == "xlsx":
            return _XlsxSource(path)
    except OSError as exc:
        raise BatchError(f"{path}: cannot open ({exc.strerror or exc})") from exc
    return _ParquetSource(path)


def _scan(path: Path, fmt: str, role: str) -> Iterator[tuple[str, Any]]:
    """``(where, value)`` of every row's ``role`` column (``birth_date``,
    ``gender``), from a fresh read of the file (nothing when it cannot be read
    again)."""
    try:
        source = _open(path, fmt)
    except BatchError:
        return
    try:
        for raw in source._read():
            if raw.fields is not None:
                yield raw.where, raw.fields.get(role)
    except BatchError:
        return
    finally:
        source.close()


def _json_id(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value if not isinstance(value, str) or value.strip() else None
    if isinstance(value, list | dict):
        return value
    return str(value)


def _filled(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def _first_of(fields: dict[str, Any], role: str) -> Any:
    """The first filled value of the columns playing ``role``."""
    for value in field_values(fields, role):
        if value is not None and (not isinstance(value, str) or value.strip()):
            return value
    return None


_PARTS = ("first_name", "middle_name", "last_name")


def _row_name(fields: dict[str, Any]) -> tuple[Any, bool]:
    """The row's name, and whether it came from name-part columns with a given
    name (a surname column alone, as a company's row of a mixed file fills it, is
    no sign of a person).

    The parts are joined in the order first, middle, last (several surname
    columns in their file order); a part whose words another part already holds
    is left out (a ``Name`` column holding the whole name beside ``First name``)."""
    name = fields.get("name")
    if name is None or (isinstance(name, str) and not name.strip()):
        name = _first_of(fields, "name")  # (another name column, if any)
    if name is not None:
        return name, False
    present = [v for role in _PARTS for v in field_values(fields, role) if _filled(v)]
    person = any(_first_of(fields, role) is not None for role in ("first_name", "middle_name"))
    for part in present:
        if isinstance(part, bool) or not isinstance(part, str | int | float):
            return part, person  # refused by clean_name, saying what it is
    if len(present) < 2:
        return (str(present[0]) if present else None), person
    words = [str(p).casefold().split() for p in present]
    kept = [
        str(part)
        for i, part in enumerate(present)
        if not any(
            j != i and set(words[i]) <= set(words[j]) and (len(words[j]) > len(words[i]) or j < i)
            for j in range(len(present))
        )
    ]
    return " ".join(kept), person


def _describes_person(split_name: bool, gender: Any, birth_date: Any) -> bool:
    """Whether a row describes a person: a gender, a date of birth or a name given
    in first/last-name columns (see the module docs); ``gender`` and
    ``birth_date`` are the row's values (``None``: none)."""
    if split_name:
        return True
    if gender is not None and str(gender).strip().lower() not in _EMPTY:
        return True
    return birth_date is not None


def check_row(
    raw: _Raw, default_schema: str | None = None
) -> tuple[CheckedRow | None, list[RowProblem]]:
    """A row ready to screen, or the reason it cannot be, plus any warning.

    ``default_schema`` applies to rows without a ``schema`` value (``any``: no
    schema, and no person inference)."""
    if raw.fields is None:
        return None, [RowProblem(raw.row, raw.where, raw.error or "unreadable row")]
    fields = raw.fields
    problems: list[RowProblem] = []
    if raw.warning:
        problems.append(RowProblem(raw.row, raw.where, raw.warning, skipped=False))
    gender = fields.get("gender")
    born = fields.get("birth_date")
    if not _filled(born):
        born = None
    try:
        value, split_name = _row_name(fields)
        name = clean_name(value)
        given = fields.get("schema")
        if not _filled(given):
            given = default_schema
        if _filled(given):
            schema = parse_schema(given)
        else:
            schema = parse_kind(fields.get("kind"))
            if schema is None and _describes_person(split_name, gender, born):
                schema = "Person"
    except ScreenInputError as exc:
        return None, [*problems, RowProblem(raw.row, raw.where, str(exc))]
    birth_date = None
    if born is not None:  # never a reason to skip the row (thaw.screen.dates)
        birth_date, warning = (raw.dates or FileDates()).read(born)
        if warning is not None:
            action = "screened with the year only" if birth_date else None
            problems.append(RowProblem(raw.row, raw.where, warning, False, action))
    countries: tuple[str, ...] = ()
    for value in field_values(fields, "country"):
        try:
            found = parse_countries(value)
        except ScreenInputError as exc:
            problems.append(RowProblem(raw.row, raw.where, str(exc), skipped=False))
            continue
        if countries:
            countries += tuple(c for c in found if c not in countries)
        else:
            countries = found  # (the one country column of most files)
    numbers: tuple[str, ...] = ()
    if "id_number" in fields:  # (most files have no such column)
        # (each without its labels and as given, as a query's: id_forms)
        numbers = tuple(
            dict.fromkeys(
                form
                for n in map(parse_id_number, field_values(fields, "id_number"))
                if n is not None
                for form in id_forms(n)
            )
        )
    # (built as a plain tuple is: a named tuple's own constructor is a Python call,
    # a third of a microsecond of the batch parent's time per row; every field is
    # given, test_batch_workers checks)
    job: CheckedRow = tuple.__new__(
        CheckedRow,
        (
            raw.row,
            raw.where,
            _json_id(fields.get("id")),
            name,
            schema,
            birth_date,
            countries,
            numbers,
            raw.genders.read(gender) if raw.genders is not None else parse_gender(gender),
        ),
    )
    return job, problems


def check_mapping(
    fields: dict[str, Any], row: int = 1, where: str | None = None
) -> tuple[CheckedRow | None, list[RowProblem]]:
    """One row given by its fields (keys: the input contract's column names, lower
    case), checked exactly as :func:`screen_file` checks a row of a file: the row
    (``None`` when it cannot be screened) and the problems found (see
    :func:`check_row`). Other engines (``thaw.spark``) read rows through this so
    that their results are the file command's.

    The keys are read as a file's headers are (:mod:`thaw.screen.columns`:
    ``full_name``, ``given_name``, ``dob``, ``Date of Birth`` …), except that
    ``name`` is always the whole name."""
    keys = tuple(fields)
    plan = _mapping_plan(keys)
    known = {k: fields[c] for c, k in zip(keys, plan.keys, strict=True) if k}
    return check_row(_Raw(row, where or f"row {row}", known))


@functools.lru_cache(maxsize=256)
def _mapping_plan(keys: tuple[Any, ...]) -> ColumnPlan:
    return plan_columns([str(k) for k in keys], whole_name=True)


def check_fields(
    fields: dict[str, Any], row: int = 1, where: str | None = None
) -> tuple[Query | None, Any, list[RowProblem]]:
    """:func:`check_mapping`, as the query to screen (``None`` when the row cannot
    be screened), the row's id and the problems found."""
    job, problems = check_mapping(fields, row, where)
    if job is None:
        return None, None, problems
    return job.query(), job.id, problems


# -- screening -------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}
"""The screener and options, set in the parent before workers are forked."""


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
"""Encodes output lines as :meth:`ScreenResult.to_json` does (whose ``json.dumps``
builds a new encoder for every line)."""


def result_line(result: ScreenResult) -> str:
    """The output line of ``result``: :meth:`ScreenResult.to_json`, byte for byte.
    A row without hits, nearly every row of a customer file, is written without
    building its dictionary (a seventh of what ``to_json`` costs)."""
    encode = _ENCODER.encode
    if result.hits:
        return encode(result.to_dict())
    # (the encoder writes a string directly, but starts a whole encoding for
    # anything else: the row number and a missing id are written here as it would)
    row, ident = result.row, result.id
    row_text = int.__repr__(row) if type(row) is int else encode(row)
    id_text = "null" if ident is None else encode(ident)
    return f'{{"row":{row_text},"id":{id_text},"name":{encode(result.name)},"hits":[]}}'


Screened = tuple[str, int, int, int, list[RowProblem]]
"""What a chunk of rows comes back as: its output lines as one text (each line
ending in a newline; one string is pickled, sent and written at once, where a
list of lines is pickled line by line), the number of lines, the rows with hits,
the hits, and the rows that could not be screened."""


def _screen_chunk(chunk: Iterable[_Job]) -> Screened:
    screener: Screener = _WORKER["screener"]
    options: dict[str, Any] = _WORKER["options"]
    lines: list[str] = []
    with_hits = hits = 0
    problems: list[RowProblem] = []
    for job in chunk:
        try:
            result = screener.screen_query(job.query(), row=job.row, id=job.id, **options)
        except Exception as exc:  # one odd row must not sink the whole file
            problems.append(RowProblem(job.row, job.where, f"could not be screened ({exc!r})"))
            continue
        lines.append(result_line(result))
        if result.hits:
            with_hits += 1
            hits += len(result.hits)
    lines.append("")  # (the last line's newline)
    return "\n".join(lines), len(lines) - 1, with_hits, hits, problems


WORKER_GC_THRESHOLDS = (20_000, 20, 20)
"""The cyclic garbage collector's thresholds in a batch worker. Screening makes
almost no cyclic garbage (a few objects per thousand rows), but with the default
thresholds a worker runs a full collection, which walks every entry it has
decoded and every cache it has filled, every few hundred rows: a tenth of its
time. Each worker also freezes what it holds after every chunk
(:func:`_screen_chunk_in_worker`), so that collections walk only the objects of
the chunk in progress."""


def _worker_init() -> None:
    """Initialise a forked batch worker: it dies with its parent, and collects
    garbage rarely (:data:`WORKER_GC_THRESHOLDS`)."""
    die_with_parent()
    gc.set_threshold(*WORKER_GC_THRESHOLDS)


def _columns(chunk: list[_Job]) -> tuple[tuple[Any, ...], ...]:
    """A chunk of rows as a worker is sent it: a tuple per field (row numbers,
    places, ids, names …), which pickles and unpickles faster than a tuple per
    row, and much faster than a named tuple per row (a Python call each)."""
    return tuple(zip(*chunk, strict=True))


def _screen_chunk_in_worker(columns: tuple[tuple[Any, ...], ...]) -> Screened:
    """:func:`_screen_chunk` in a worker, of rows sent as :func:`_columns`: what
    the worker holds afterwards (decoded entries, caches) is frozen, out of the
    collector's way; the little cyclic garbage that freezing keeps is bounded by
    the rows screened."""
    result = _screen_chunk(tuple.__new__(CheckedRow, job) for job in zip(*columns, strict=True))
    gc.freeze()
    return result


_HAN_OR_KANA = re.compile(
    "[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)
"""Characters of a name the Japanese reader may read (kana, and Han characters,
which may be a Japanese name's kanji)."""


def _needs_japanese(chunks: Iterable[list[_Job]]) -> bool:
    """Whether a name of these chunks may need the Japanese reader."""
    return any(_HAN_OR_KANA.search(job.name) is not None for chunk in chunks for job in chunk)


def default_workers() -> int:
    """The CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _chunks(jobs: Iterator[_Job], size: int) -> Iterator[list[_Job]]:
    while chunk := list(itertools.islice(jobs, size)):
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
    default_schema: str | None = None,
    date_order: str | None = None,
    on_note: Callable[[str], None] | None = None,
) -> BatchSummary:
    """Screen every row of ``input`` and write one JSON line per screened row to
    ``output``, in input order (see the module docs). Problems go to
    ``on_problem`` (and ``progress.problem``) as they are found and are kept in
    the summary. Raises :class:`BatchError` when the input as a whole cannot be
    read. ``default_schema`` is the schema of rows that give none (``any`` for
    every kind of party; by default persons are recognised, see the module docs).
    ``date_order`` (``dmy``, ``mdy`` or ``ymd``) reads dates of birth such as
    ``05/10/1976`` (by default the file's rows decide: :mod:`thaw.screen.dates`).
    What the user should know once about the file (which column was read as
    what, the order of its dates) goes to ``on_note`` and :attr:`BatchSummary.notes`."""
    if default_schema is not None:
        try:
            parse_schema(default_schema)
        except ScreenInputError as exc:
            raise BatchError(str(exc)) from exc
    began = time.perf_counter()
    source = open_source(Path(input), detect_format(Path(input), fmt), date_order)
    summary = BatchSummary()
    notes = source.notes

    def tell() -> None:
        for note in notes:
            summary.notes.append(note)
            if on_note is not None:
                on_note(note)
        notes.clear()

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
            job, problems = check_row(raw, default_schema)
            if notes:
                tell()
            for problem in problems:
                report(problem)
            if job is not None:
                yield job

    def write(result: Screened) -> None:
        text, lines, with_hits, hits, problems = result
        for problem in problems:
            report(problem)
        if text:
            output.write(text)
        summary.screened += lines
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
    tell()  # (a header without rows)
    summary.seconds = time.perf_counter() - began
    return summary


def _run_pool(
    screener: Screener,
    workers: int,
    first: list[_Job],
    second: list[_Job],
    rest: Iterator[list[_Job]],
    source: _Source,
    write: Callable[[Screened], None],
    progress: ProgressSink | None,
) -> None:
    """Screen rows in forked workers, writing results in input order.

    Each worker is a pool of its own, so that a row can be sent to the worker
    whose caches have met its words (:func:`_route`): rows are taken a block of
    ``workers`` chunks at a time, each block split among the workers by route and
    its results merged back in input order (:func:`_merge`)."""
    # lazy tables of name analysis and matching, shared by the workers; the Japanese
    # reader (a third of a second to load, serially before the workers start) only
    # when the first chunks hold a name it may read: otherwise a worker that meets one
    # loads it
    screener.warm_up(japanese=_needs_japanese((first, second)))
    # entries are decoded by the workers as they need them, in parallel: decoding
    # them all here first (~1 s) would keep both cores waiting
    screener.index.prepare()
    # keep the collector from touching (and so copying) shared pages; no collection
    # first: it would walk every table the warm-up loaded (a tenth of a second,
    # while the workers wait) to free the few objects of a few made-up queries
    gc.freeze()
    context = multiprocessing.get_context("fork")
    try:
        with contextlib.ExitStack() as stack:
            pools = [
                stack.enter_context(context.Pool(1, initializer=_worker_init))
                for _ in range(workers)
            ]
            if progress is not None:
                progress.start(source.total, source.unit)
            pending: deque[tuple[list[int], list[int], list[Any]]] = deque()
            for block in _blocks(_prepend(first, second, rest), workers):
                routes, parts = _split(block, workers)
                sent = [
                    pools[w].apply_async(_screen_chunk_in_worker, (_columns(part),))
                    if part
                    else None
                    for w, part in enumerate(parts)
                ]
                pending.append(([job.row for job in block], routes, sent))
                while len(pending) >= BLOCKS_IN_FLIGHT:
                    write(_merge(*_answers(pending.popleft())))
            while pending:
                write(_merge(*_answers(pending.popleft())))
    finally:
        gc.unfreeze()


BLOCKS_IN_FLIGHT = 4
"""Blocks of rows (a chunk per worker each) sent and not yet written: enough to
keep every worker busy, few enough that memory stays flat."""

BALANCE = 0.75
"""The largest share of a block that routing may give one worker: a block whose
routes would give one more (a file whose names mostly end alike) is dealt out
row by row instead."""


def _route(name: str, workers: int) -> int:
    """The worker a row of this name is sent to: by its last word, most often the
    family name, whose analysis, candidates and decoded listings the worker then
    keeps for the next row of that name (two workers each filling their caches
    with the same words did about 8 % more work than one process). The hash is
    CRC-32, not Python's own, which differs from run to run: the same file is
    split alike every time."""
    words = name.rsplit(None, 1)
    return zlib.crc32((words[-1] if words else name).encode()) % workers


def _split(block: list[_Job], workers: int) -> tuple[list[int], list[list[_Job]]]:
    """A block's rows as each worker's part (in input order), and the worker of
    each row (:func:`_route`; row by row when the routes are too uneven,
    :data:`BALANCE`)."""
    routes = [_route(job.name, workers) for job in block]
    parts: list[list[_Job]] = [[] for _ in range(workers)]
    for job, w in zip(block, routes, strict=True):
        parts[w].append(job)
    if max(map(len, parts)) > BALANCE * len(block) and len(block) >= 2 * workers:
        routes = [i % workers for i in range(len(block))]
        parts = [block[w::workers] for w in range(workers)]
    return routes, parts


def _answers(
    sent: tuple[list[int], list[int], list[Any]],
) -> tuple[list[int], list[int], list[Screened | None]]:
    rows, routes, results = sent
    return rows, routes, [None if r is None else r.get() for r in results]


def _merge(rows: list[int], routes: list[int], parts: list[Screened | None]) -> Screened:
    """The workers' answers for a block (:func:`_split`: its rows' numbers and
    workers) as one, its lines in the block's input order; a row that could not
    be screened has no line."""
    answered = [p for p in parts if p is not None]
    if len(answered) == 1:
        return answered[0]
    problems = sorted(
        (problem for p in answered for problem in p[4]), key=operator.attrgetter("row")
    )
    lines = [iter(p[0].split("\n")) if p is not None else iter(()) for p in parts]
    if problems:  # (the routes of rows that have a line)
        failed = {problem.row for problem in problems if problem.skipped}
        routes = [w for w, row in zip(routes, rows, strict=True) if row not in failed]
    merged = [next(lines[w]) for w in routes]
    merged.append("")
    return (
        "\n".join(merged),
        sum(p[1] for p in answered),
        sum(p[2] for p in answered),
        sum(p[3] for p in answered),
        problems,
    )


def _prepend(
    first: list[_Job], second: list[_Job], rest: Iterator[list[_Job]]
) -> Iterator[list[_Job]]:
    yield first
    yield second
    yield from rest


def _blocks(chunks: Iterator[list[_Job]], workers: int) -> Iterator[list[_Job]]:
    """The rows of ``workers`` chunks at a time."""
    while block := [job for chunk in itertools.islice(chunks, workers) for job in chunk]:
        yield block


def open_output(path: Path | None) -> IO[str]:
    """The output stream: ``path`` (``-`` or ``None``: standard output)."""
    if path is None or str(path) == "-":
        return sys.stdout
    path.parent.mkdir(parents=True, exist_ok=True)
    return open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
