"""Uploaded files, checked before anything is screened.

An upload is spooled to a temporary file, and the hostile cases are refused with
a clear 4xx before the first result is streamed:

* compressed input (``.gz``) is decompressed here with a cap on the total
  (a gzip bomb is refused with 413, never inflated in memory);
* lines (CSV, JSON lines) longer than ``max_line`` are refused with 413 (a 1 GB
  line is never held in memory: lines are read in bounded pieces);
* zip containers (XLSX, DOCX) are opened only if their declared uncompressed size
  and compression ratio are sane (a zip bomb is refused with 413);
* an XLSX workbook is kept as it is, and screened by ``screen-file``'s own reader
  (:class:`thaw.screen.workbook.ActiveSheet`: the sheet the workbook opens on,
  its cells and row numbers as ``thaw screen-file`` reads them); it is read
  through once here, so that a workbook that cannot be read is refused with 400
  and a row longer than ``max_line`` with 413 before anything is screened.
"""

from __future__ import annotations

import gzip
import shutil
import zipfile
import zlib
from pathlib import Path
from typing import IO

from thaw.screen.batch import FORMATS, BatchError, detect_format

UPLOAD_FORMATS = FORMATS
"""What an upload may be: what ``screen-file`` reads."""
_PIECE = 1 << 16
_MAX_RATIO = 200
"""Largest accepted compression ratio of a zip member (real sheets stay well below)."""


class UploadError(Exception):
    """An upload that is refused: ``status`` (400, 413, 415) and the reason."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def upload_format(filename: str, given: str | None) -> tuple[str, bool]:
    """``(format, gzipped)`` of an upload from ``given`` or its file name, named
    as ``screen-file`` names them (:func:`thaw.screen.batch.detect_format`:
    ``.tsv``, ``.txt`` and ``.psv`` are CSV, ``.xlsm`` a workbook, ``.json`` JSON
    lines or an array)."""
    name = filename.lower()
    gz = name.endswith(".gz")
    try:
        fmt = detect_format(Path(name or "upload"), given)
    except BatchError as exc:
        reason = f"unknown format {given!r}" if given else str(exc).split(": ", 1)[-1]
        reason = reason.replace("; pass --format", "")
        raise UploadError(
            415, f"unsupported file format: {reason} (one of {', '.join(UPLOAD_FORMATS)})"
        ) from None
    return fmt, gz


def check_zip(path: Path, max_total: int) -> None:
    """Refuse a zip container that would inflate beyond ``max_total`` bytes or
    whose members are compressed implausibly well."""
    try:
        with zipfile.ZipFile(path) as zf:
            total = 0
            for info in zf.infolist():
                total += info.file_size
                if info.compress_size and info.file_size / info.compress_size > _MAX_RATIO:
                    raise UploadError(
                        413, f"refused: {info.filename} would inflate {_MAX_RATIO}× or more"
                    )
            if total > max_total:
                raise UploadError(
                    413,
                    f"refused: the archive would inflate to {total:,} bytes (limit {max_total:,})",
                )
    except zipfile.BadZipFile as exc:
        raise UploadError(400, f"not a readable zip container ({exc})") from exc


def _copy_lines(
    source: IO[bytes] | gzip.GzipFile, target: IO[bytes], max_total: int, max_line: int
) -> None:
    total = 0
    line_no = 1
    current = 0
    while True:
        piece = source.read(_PIECE)
        if not piece:
            return
        total += len(piece)
        if total > max_total:
            raise UploadError(413, f"refused: the file is larger than {max_total:,} bytes")
        start = 0
        while True:
            newline = piece.find(b"\n", start)
            if newline < 0:
                current += len(piece) - start
                break
            current += newline - start
            if current > max_line:
                raise UploadError(413, f"refused: line {line_no} is longer than {max_line:,} bytes")
            current = 0
            line_no += 1
            start = newline + 1
        if current > max_line:
            raise UploadError(413, f"refused: line {line_no} is longer than {max_line:,} bytes")
        target.write(piece)


def spool(
    upload: IO[bytes], fmt: str, gz: bool, folder: Path, *, max_total: int, max_line: int
) -> Path:
    """Write an upload to ``folder`` as a plain file of ``fmt`` (``csv``, ``jsonl``
    ``parquet`` or ``xlsx``), checked as the module docs say."""
    plain = folder / f"input.{fmt}"
    raw = folder / f"upload.{fmt}"
    with raw.open("wb") as out:
        shutil.copyfileobj(upload, out, _PIECE)
    with raw.open("rb") as head:
        magic = head.read(2)
    if gz or magic == b"\x1f\x8b":
        if fmt not in ("csv", "jsonl"):
            raise UploadError(415, "only CSV and JSON lines may be sent gzip-compressed")
        try:
            with gzip.open(raw, "rb") as source, plain.open("wb") as target:
                _copy_lines(source, target, max_total, max_line)
        except (OSError, EOFError, zlib.error) as exc:
            raise UploadError(400, f"not readable gzip data ({exc})") from exc
    elif fmt in ("csv", "jsonl"):
        with raw.open("rb") as source, plain.open("wb") as target:
            _copy_lines(source, target, max_total, max_line)
    else:
        if fmt == "xlsx":
            check_workbook(raw, max_total, max_line)
        raw.rename(plain)
        return plain
    raw.unlink()
    return plain


def check_workbook(path: Path, max_total: int, max_line: int) -> None:
    """Refuse a workbook that would inflate beyond ``max_total`` bytes (or
    implausibly well), whose active sheet spans too many cells
    (:class:`~thaw.screen.workbook.SheetTooLarge`, 413), that
    :class:`~thaw.screen.workbook.ActiveSheet` cannot read (400), or whose active
    sheet has a row longer than ``max_line`` bytes, its cells' text joined by
    commas (413)."""
    check_zip(path, max_total)
    from thaw.screen.workbook import ActiveSheet, SheetTooLarge

    try:
        sheet = ActiveSheet(path)
    except SheetTooLarge as exc:
        raise UploadError(413, f"refused: {exc}") from exc
    except Exception as exc:  # calamine raises several types for a broken workbook
        raise UploadError(400, f"not a readable XLSX workbook ({type(exc).__name__})") from exc
    number = 0
    try:
        for number, row in enumerate(sheet.rows(), 1):
            size = sum(
                len(str(v).encode("utf-8", "surrogatepass")) + 1 for v in row if v is not None
            )
            if size > max_line:
                raise UploadError(413, f"refused: row {number} is longer than {max_line:,} bytes")
    except UploadError:
        raise
    except Exception as exc:
        raise UploadError(
            400, f"not a readable XLSX workbook (row {number + 1}: {type(exc).__name__})"
        ) from exc
    finally:
        sheet.close()
