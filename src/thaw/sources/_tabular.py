"""Private helpers for the table-shaped publications (CSV, TSV, XLSX, ODS) and the
free-text value conventions the UK, Australian and US lists share.

Everything here turns malformed input into :class:`~thaw.sources.base.SourceError`
with a location (``line N`` for text files, ``row N`` for spreadsheets, the XML line
of ``content.xml`` for ODS). Nothing here knows about a particular list.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import os
import re
import shutil
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thaw._process import temp_file
from thaw.sources.base import SourceError, iter_xml, local, open_binary
from thaw.sources.common import clean, parse_dates

# -- text files ------------------------------------------------------------------------

_READ_ERRORS = (
    OSError,
    EOFError,
    zipfile.BadZipFile,
    NotImplementedError,
    zlib.error,
    gzip.BadGzipFile,
)


def read_bytes(path: Path) -> bytes:
    """The whole (decompressed) content of ``path``; a truncated or corrupt archive
    raises :class:`SourceError` at the (decompressed) byte where reading stopped."""
    chunks: list[bytes] = []
    size = 0
    try:
        with open_binary(path) as fh:
            while chunk := fh.read(1 << 20):
                chunks.append(chunk)
                size += len(chunk)
    except _READ_ERRORS as exc:
        raise SourceError(
            path, f"cannot read (truncated or corrupt?): {exc}", f"byte {size}"
        ) from exc
    return b"".join(chunks)


def package_error(path: Path, exc: BaseException, member: str | None = None) -> SourceError:
    """A :class:`SourceError` for an unreadable zip package (XLSX, ODS), located at
    the end of the file when the zip directory is missing (a truncated download)."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size == 0:
        return SourceError(path, "file is empty", "byte 0")
    if not zipfile.is_zipfile(path):
        return SourceError(
            path,
            "not a complete zip package: no zip directory at the end (truncated download?)",
            f"byte {size}",
        )
    return SourceError(path, f"corrupt zip package: {type(exc).__name__}: {exc}", member or "zip")


def decode(path: Path, data: bytes, encodings: Sequence[str]) -> str:
    """Decode ``data`` with the first of ``encodings`` that fits.

    UTF-16/32 and binary content (NUL bytes) are refused outright, because
    single-byte fallbacks such as cp1252 would otherwise "decode" them into garbage.
    A decoding failure names the line of the first offending byte.
    """
    data = data.rstrip(b"\x1a")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(
            path, f"file is UTF-16 encoded; expected {' or '.join(encodings)}", "line 1"
        )
    nul = data.find(b"\x00", 0, 1 << 16)
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise SourceError(
            path,
            f"NUL byte at offset {nul}: binary or UTF-16 content, expected "
            f"{' or '.join(encodings)} text",
            f"line {line}",
        )
    last: UnicodeDecodeError | None = None
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            last = exc
    assert last is not None
    line = data.count(b"\n", 0, last.start) + 1
    bad = data[last.start]
    raise SourceError(
        path,
        f"not valid {' or '.join(encodings)} text (byte 0x{bad:02x} at offset {last.start})",
        f"line {line}",
    )


def head_text(head: bytes) -> str:
    """The first bytes of a file as text, for sniffing (never fails)."""
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    return head.decode("utf-8", errors="replace")


def first_lines(head: bytes, count: int = 3) -> list[str]:
    """The first ``count`` non-empty lines of ``head`` (for sniffing)."""
    lines = [line.strip() for line in head_text(head).splitlines()[: count + 5]]
    return [line for line in lines if line][:count]


@dataclass(slots=True)
class CsvRows:
    """The rows of a delimited text file, with their line numbers.

    :meth:`next_row` reads the leading rows one by one (``Last Updated`` lines,
    headers); :meth:`rows` then yields ``(line, row)`` for the rest, ``line`` being
    the 1-based line where the row starts (a quoted field may span lines). Every
    such row must have ``width`` fields, else :class:`SourceError` names its line
    (an unbalanced quote, which swallows the lines after it, is caught this way
    too). The one exception is a *last* row cut short by the end of the file when
    ``allow_truncated_last`` is set: it is yielded padded with empty strings and
    :attr:`truncated_line` says where it starts. Blank lines are skipped.
    """

    path: Path
    text: str
    delimiter: str = ","
    allow_truncated_last: bool = False
    truncated_line: int | None = None
    _reader: Any = field(default=None, repr=False)
    _line: int = 0

    def __post_init__(self) -> None:
        self._reader = csv.reader(io.StringIO(self.text, newline=""), delimiter=self.delimiter)

    def next_row(self) -> tuple[int, list[str]] | None:
        """The next ``(line, row)`` (blank lines skipped) or ``None`` at the end."""
        while True:
            start = self._line + 1
            try:
                row = next(self._reader)
            except StopIteration:
                return None
            except csv.Error as exc:
                raise SourceError(self.path, f"malformed CSV: {exc}", f"line {start}") from exc
            self._line = self._reader.line_num
            if row and any(cell.strip() for cell in row):
                return start, row

    def rows(self, width: int) -> Iterator[tuple[int, list[str]]]:
        """The remaining rows, each checked to have ``width`` fields."""
        pending = self.next_row()
        while pending is not None:
            line, row = pending
            pending = self.next_row()
            if len(row) != width:
                at_end = pending is None and not self.text.endswith(("\n", "\r"))
                if at_end and len(row) < width and self.allow_truncated_last:
                    self.truncated_line = line
                    row = row + [""] * (width - len(row))
                else:
                    hint = " (the file ends inside this row: truncated?)" if at_end else ""
                    raise SourceError(
                        self.path,
                        f"row has {len(row)} fields, the header has {width}{hint}",
                        f"line {line}",
                    )
            yield line, row


# -- spreadsheets ----------------------------------------------------------------------

Cell = str | int | float | dt.datetime | dt.date | bool | None


def xlsx_rows(
    path: Path, max_col: int | None = None, sheet: str | None = None
) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    """Stream the rows of the first (or the named) sheet of an XLSX workbook.

    Yields ``(row_number, values)`` for non-empty rows only, so the empty trailing
    rows and the over-wide sheet dimensions some authorities publish cost nothing.
    ``max_col`` bounds the columns read. A corrupt or truncated workbook raises
    :class:`SourceError` (at the row where reading stopped, when known).
    """
    import openpyxl  # imported lazily: only the spreadsheet readers need it

    if not zipfile.is_zipfile(path):
        raise package_error(path, ValueError("not a zip file"))
    row_number = 0
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on corrupt packages
        raise SourceError(path, f"cannot open workbook: {type(exc).__name__}: {exc}") from exc
    try:
        if sheet is not None and sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        else:
            worksheet = workbook.worksheets[0]
        try:
            for row_number, values in enumerate(
                worksheet.iter_rows(values_only=True, max_col=max_col), start=1
            ):
                if any(v is not None and (not isinstance(v, str) or v.strip()) for v in values):
                    yield row_number, tuple(values)
        except Exception as exc:
            raise SourceError(
                path,
                f"cannot read worksheet (truncated or corrupt?): {type(exc).__name__}: {exc}",
                f"row {row_number + 1}",
            ) from exc
    finally:
        workbook.close()


_SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_MAX_MEMBER = 256 << 20
"""Refuse a package member larger than 256 MiB uncompressed (zip bomb guard; the
largest real sheet, OFSI's, is 13 MB)."""
_MAX_SHARED_STRINGS = 64 << 20
"""Refuse a shared-strings table larger than 64 MiB uncompressed: it is held in
memory (the largest real one, OFSI's, is 4.2 MB)."""
_BUILTIN_DATE_FORMATS = frozenset({14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47})


def _small_xml(path: Path, zf: zipfile.ZipFile, member: str) -> Any:
    """Parse a small package member (workbook, relations, styles) safely."""
    from lxml import etree

    from thaw.sources.base import check_xml_head

    data = zf.read(member)
    check_xml_head(path, data[:4096])
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise SourceError(
            path, f"malformed XML in {member}: {exc.msg}", f"{member} line {exc.lineno}"
        ) from exc


def _extract(path: Path, zf: zipfile.ZipFile, member: str, limit: int = _MAX_MEMBER) -> Path:
    info = zf.getinfo(member)
    if info.file_size > limit:
        raise SourceError(path, f"{member} is {info.file_size} bytes uncompressed; refused")
    tmp = temp_file("thaw-xlsx-", ".xml")
    try:
        with tmp, zf.open(info) as src:
            shutil.copyfileobj(src, tmp)
    except (zipfile.BadZipFile, *_READ_ERRORS) as exc:
        os.unlink(tmp.name)
        raise SourceError(
            path, f"cannot read {member} (truncated or corrupt?): {exc}", member
        ) from exc
    except BaseException:
        os.unlink(tmp.name)
        raise
    return Path(tmp.name)


def _first_sheet(path: Path, zf: zipfile.ZipFile) -> str:
    workbook = _small_xml(path, zf, "xl/workbook.xml")
    sheet = workbook.find(f"{{{_SHEET_NS}}}sheets/{{{_SHEET_NS}}}sheet")
    if sheet is None:
        raise SourceError(path, "workbook has no sheet")
    rel_id = sheet.get(f"{{{_REL_NS}}}id")
    rels = _small_xml(path, zf, "xl/_rels/workbook.xml.rels")
    for rel in rels.iter(f"{{{_PKG_REL_NS}}}Relationship"):
        if rel.get("Id") == rel_id:
            target = str(rel.get("Target", ""))
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    raise SourceError(path, f"workbook relation {rel_id} of the first sheet is missing")


def _date_styles(path: Path, zf: zipfile.ZipFile) -> set[int]:
    """Indexes of the cell formats that display numbers as dates."""
    if "xl/styles.xml" not in zf.namelist():
        return set()
    styles = _small_xml(path, zf, "xl/styles.xml")
    custom: dict[int, str] = {}
    for fmt in styles.iter(f"{{{_SHEET_NS}}}numFmt"):
        custom[int(fmt.get("numFmtId", "0"))] = str(fmt.get("formatCode", ""))
    out: set[int] = set()
    xfs = styles.find(f"{{{_SHEET_NS}}}cellXfs")
    for index, xf in enumerate(xfs if xfs is not None else []):
        fmt_id = int(xf.get("numFmtId", "0"))
        code = re.sub(r'"[^"]*"|\[[^\]]*\]', "", custom.get(fmt_id, "")).lower()
        if fmt_id in _BUILTIN_DATE_FORMATS or (code and re.search(r"[dy]", code)):
            out.add(index)
    return out


def _column(ref: str) -> int:
    number = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            number = number * 26 + ord(ch) - 64
        else:
            break
    return number


def xlsx_fast_rows(path: Path, max_col: int = 64) -> Iterator[tuple[int, list[str]]]:
    """Stream the first sheet of an XLSX workbook as strings, with lxml.

    A lean alternative to openpyxl for large, string-valued workbooks (twice as
    fast on OFSI's ConList.xlsx, and the XML goes through the hardened parser; its
    output was checked identical to openpyxl's on the three OFSI workbooks and the
    DFAT one): the shared strings and the sheet are copied out of the package
    (size-checked) and parsed through the hardened
    :func:`~thaw.sources.base.iter_xml`. Numbers come out as written, date-formatted
    numbers as ISO dates. Yields ``(row_number, cells)`` for non-empty rows.
    """
    temps: list[Path] = []
    try:
        try:
            with zipfile.ZipFile(path) as zf:
                sheet_name = _first_sheet(path, zf)
                dates = _date_styles(path, zf)
                if "xl/sharedStrings.xml" in zf.namelist():
                    temps.append(_extract(path, zf, "xl/sharedStrings.xml", _MAX_SHARED_STRINGS))
                temps.append(_extract(path, zf, sheet_name))
        except KeyError as exc:
            raise SourceError(path, f"incomplete XLSX package: {exc.args[0]}", "zip") from exc
        except (zipfile.BadZipFile, *_READ_ERRORS) as exc:
            raise package_error(path, exc) from exc
        strings = _shared_strings(path, temps[0]) if len(temps) == 2 else []
        yield from _sheet_rows(path, temps[-1], strings, dates, max_col)
    finally:
        for temp in temps:
            temp.unlink(missing_ok=True)


def _parent_tag(el: Any) -> object:
    parent = el.getparent()
    return parent.tag if parent is not None else None


def _shared_strings(path: Path, member: Path) -> list[str]:
    si = f"{{{_SHEET_NS}}}si"
    t = f"{{{_SHEET_NS}}}t"
    rph = f"{{{_SHEET_NS}}}rPh"
    out: list[str] = []
    try:
        for _, el in iter_xml(member, tag=si):
            out.append("".join(x.text or "" for x in el.iter(t) if _parent_tag(x) != rph))
            el.clear()
    except SourceError as exc:
        raise SourceError(
            path, exc.reason, f"xl/sharedStrings.xml {exc.location or ''}".strip()
        ) from exc
    return out


def _sheet_rows(
    path: Path, member: Path, strings: list[str], dates: set[int], max_col: int
) -> Iterator[tuple[int, list[str]]]:
    row_tag = f"{{{_SHEET_NS}}}row"
    v_tag = f"{{{_SHEET_NS}}}v"
    t_tag = f"{{{_SHEET_NS}}}t"
    columns: dict[str, int] = {}
    row_number = 0
    try:
        for _, row in iter_xml(member, tag=row_tag):
            row_number = int(row.get("r") or row_number + 1)
            cells: list[str] = []
            position = 0
            for c in row:
                attrib = c.attrib
                ref = attrib.get("r")
                if ref:
                    letters = ref.rstrip("0123456789")
                    position = columns.get(letters) or columns.setdefault(letters, _column(letters))
                else:
                    position += 1
                if position > max_col or not len(c):
                    continue
                kind = attrib.get("t")
                if kind == "inlineStr":
                    value = "".join(x.text or "" for x in c.iter(t_tag))
                else:
                    first = c[0]
                    text = (first.text if first.tag == v_tag else c.findtext(v_tag)) or ""
                    if kind == "s":
                        value = strings[int(text)] if text else ""
                    elif kind == "b":
                        value = "TRUE" if text == "1" else "FALSE" if text else ""
                    elif kind in (None, "n") and text:
                        if dates and int(attrib.get("s", "0")) in dates:
                            days = dt.timedelta(days=float(text))
                            value = (dt.date(1899, 12, 30) + days).isoformat()
                        else:
                            value = text[:-2] if text.endswith(".0") else text
                    else:
                        value = text
                if value:
                    if len(cells) < position - 1:
                        cells.extend([""] * (position - 1 - len(cells)))
                    cells.append(value)
            row.clear()
            if cells:
                yield row_number, cells
    except SourceError as exc:
        raise SourceError(
            path, exc.reason, f"row {row_number + 1} ({exc.location or 'sheet'})"
        ) from exc
    except (ValueError, IndexError, OverflowError) as exc:
        raise SourceError(path, f"malformed cell: {exc}", f"row {row_number}") from exc


_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_ODT_MIME = b"application/vnd.oasis.opendocument.text"
_MAX_ODS_XML = 1 << 30
"""Refuse a content.xml larger than 1 GiB uncompressed (zip bomb guard)."""

_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def odf_mimetype(head: bytes) -> bytes | None:
    """The ODF ``mimetype`` member of a package from its first bytes, if any."""
    if head[:4] != b"PK\x03\x04" or head[30:38] != b"mimetype":
        return None
    start = 38 + int.from_bytes(head[28:30], "little")
    size = int.from_bytes(head[18:22], "little")
    return head[start : start + size]


def is_ods(head: bytes) -> bool:
    """Whether the package is an OpenDocument spreadsheet."""
    return odf_mimetype(head) == _ODS_MIME


def is_odt(head: bytes) -> bool:
    """Whether the package is an OpenDocument text document."""
    return odf_mimetype(head) == _ODT_MIME


def _walk_text(el: Any, parts: list[str]) -> None:
    if el.text:
        parts.append(el.text)
    for child in el:
        name = local(child.tag)
        if name == "s":
            parts.append(" " * int(child.get(f"{{{_TEXT_NS}}}c", "1")))
        elif name == "tab":
            parts.append("\t")
        elif name == "line-break":
            parts.append("\n")
        else:
            _walk_text(child, parts)
        if child.tail:
            parts.append(child.tail)


def _cell_text(cell: Any) -> str:
    """The displayed text of an ODS cell: paragraphs joined by newlines, ``text:s``
    expanded to spaces, ``text:tab`` to tabs, line breaks kept."""
    paragraphs: list[str] = []
    for para in cell:
        if local(para.tag) in ("p", "h"):
            parts: list[str] = []
            _walk_text(para, parts)
            paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def _cell_value(cell: Any) -> str:
    kind = cell.get(f"{{{_OFFICE_NS}}}value-type")
    if kind == "date":
        return str(cell.get(f"{{{_OFFICE_NS}}}date-value", ""))[:10]
    text = _cell_text(cell)
    if not text and kind in ("float", "percentage", "currency"):
        return str(cell.get(f"{{{_OFFICE_NS}}}value", ""))
    return text


def ods_rows(path: Path, max_rows_repeat: int = 1000) -> Iterator[tuple[int, list[str]]]:
    """Stream the rows of the first table of an ODS spreadsheet as strings.

    ``content.xml`` is copied out of the package (size-checked) and parsed through
    the hardened :func:`~thaw.sources.base.iter_xml`. Yields ``(row_number, cells)``
    for non-empty rows; repeated empty rows and cells cost nothing.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            try:
                mimetype = zf.read("mimetype").strip()
            except KeyError:
                mimetype = b""
            if mimetype != _ODS_MIME:
                raise SourceError(
                    path, f"not an OpenDocument spreadsheet (mimetype {mimetype.decode()!r})"
                )
            try:
                info = zf.getinfo("content.xml")
            except KeyError as exc:
                raise SourceError(path, "ODS package has no content.xml") from exc
            if info.file_size > _MAX_ODS_XML:
                raise SourceError(path, f"content.xml is {info.file_size} bytes; refused")
            tmp = temp_file("thaw-ods-", ".xml")
            try:
                with tmp, zf.open(info) as src:
                    shutil.copyfileobj(src, tmp)
            except BaseException:
                os.unlink(tmp.name)
                raise
    except SourceError:
        raise
    except (zipfile.BadZipFile, *_READ_ERRORS) as exc:
        raise package_error(path, exc) from exc
    content = Path(tmp.name)
    try:
        yield from _ods_table(path, content, max_rows_repeat)
    finally:
        content.unlink(missing_ok=True)


def _ods_table(path: Path, content: Path, max_rows_repeat: int) -> Iterator[tuple[int, list[str]]]:
    row_tag = f"{{{_TABLE_NS}}}table-row"
    table_tag = f"{{{_TABLE_NS}}}table"
    repeat_rows = f"{{{_TABLE_NS}}}number-rows-repeated"
    repeat_cols = f"{{{_TABLE_NS}}}number-columns-repeated"
    depth = 0
    row_number = 0
    try:
        for event, el in iter_xml(content, tag=(table_tag, row_tag), events=("start", "end")):
            if el.tag == table_tag:
                if event == "start":
                    depth += 1
                    continue
                depth -= 1
                if depth == 0:
                    return  # only the first table (a sub-table inside it is skipped)
                continue
            if event != "end" or depth != 1:
                continue
            cells: list[str] = []
            empties = 0
            for cell in el:
                if local(cell.tag) not in ("table-cell", "covered-table-cell"):
                    continue
                value = _cell_value(cell)
                count = int(cell.get(repeat_cols, "1"))
                if not value:
                    empties += count
                    continue
                cells.extend([""] * empties)
                empties = 0
                cells.extend([value] * min(count, 1024))
            repeat = int(el.get(repeat_rows, "1"))
            el.clear()
            if not cells:
                row_number += repeat
                continue
            for _ in range(min(repeat, max_rows_repeat)):
                row_number += 1
                yield row_number, cells
            row_number += max(0, repeat - max_rows_repeat)
    except SourceError as exc:
        raise SourceError(path, exc.reason, f"content.xml {exc.location or ''}".strip()) from exc
    except ValueError as exc:
        raise SourceError(path, f"malformed ODS: {exc}", f"row {row_number + 1}") from exc


def cell_str(value: Cell) -> str:
    """A spreadsheet value as text: dates as ISO, whole floats without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # as Excel shows it
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# -- free-text conventions -------------------------------------------------------------

_NUMBERED = re.compile(
    r"(?:(?<=\s)|^)(?:\(\s*(?:\d{1,2}|[a-z])\s*\)(?:\s*-\s*\(\s*\d{1,2}\s*\))?"
    r"|(?:\d{1,2}|[a-z])\))\s*"
)


def split_numbered(value: str | None) -> list[str]:
    """Split an enumerated value: ``"(1) Iran (2) Iraq"``, ``"1) A 2) B"``,
    ``"a) X b) Y"`` → items; a value without markers is returned whole."""
    text = clean(value)
    if text is None:
        return []
    if not _NUMBERED.search(text):
        return [text]
    items = [clean(part.strip(" ;,")) for part in _NUMBERED.split(text)]
    return [item for item in items if item]


_DATE_PLACEHOLDER = re.compile(r"\b(?:dd|mm)\b", re.I)
_MONTH_DOT = re.compile(r"\b([A-Za-z]{3,4})\.(?=[\s\d]|$)")
_BETWEEN = re.compile(r"\bbetween\s+(\d{4})\s+(?:and|-|to)\s+(\d{4})\b", re.I)
_YEAR_SPAN = re.compile(r"\b(\d{4})\s*[-–]\s*(\d{4})\b")
_DATE_NOISE = re.compile(
    r"\b(?:born on|born in|born|alternative dob|"
    r"alt dob|dob|possibly|probably|year of birth|in|on)\b\.?:?\s*",
    re.I,
)
"""Words around a date that say nothing of it. An estimate's word ("approximately",
"circa") stays: :func:`~thaw.sources.common.parse_dates` reads it."""
_LONG_SPAN = re.compile(
    r"(?:(?:approximately|approx|circa|about|around)\.?\s*)?(\d{4}) to (\d{4})", re.I
)
_DATE_SPLIT = re.compile(r";|\n|>>|\bor\b|\band\b|,\s*(?=\d)", re.I)


def dates_in(value: str | None) -> list[str]:
    """Every date in a free-text date field, as ISO partial dates.

    Handles enumerations (``a) … b) …``, ``(1) … (2) …``), ``dd/mm/1945``
    placeholders, ``12 Apr. 1975``, ``Approximately 1955-1958`` and ``Between 1958
    and 1960`` (a year range of at most ten years becomes every year; a longer one
    its two ends), ``Approximately 1958`` (the year published; that it is an
    estimate: :func:`~thaw.sources.common.estimated_years`), ``>>`` chains and
    ``;``/``or`` lists.
    """
    if not value or not value.strip():
        return []
    text = _DATE_PLACEHOLDER.sub("00", value)
    text = _MONTH_DOT.sub(r"\1", text)
    text = _BETWEEN.sub(r"\1 to \2", text)
    text = _YEAR_SPAN.sub(r"\1 to \2", text)
    out: list[str] = []
    items = [item for line in text.splitlines() for item in split_numbered(line)]
    for item in items:
        for part in _DATE_SPLIT.split(item):
            part = _DATE_NOISE.sub("", part).strip(" .,:()")
            if not part:
                continue
            found = parse_dates(part)
            m = _LONG_SPAN.fullmatch(part)
            if not found and m:
                found = [m[1], m[2]]
            for date in found:
                if date not in out:
                    out.append(date)
    return out


_UN_PREFIX = re.compile(
    r"\bUN\s*(?:Ref(?:erence)?\.?(?:\s*(?:No\.?|Number))?|Reference\s+Number)\s*\)?\s*[:.]?\s*"
    r"(?:UN\s+Ref\s*[:.]?\s*)?",
    re.I,
)
_UN_TOKEN = re.compile(r"[A-Z]{1,3}[a-z]?(?:\.[A-Za-z0-9]{1,4}){1,4}")
_FOREIGN_REF = re.compile(r"\([^()]*OFSI ID[^()]*\)", re.I)


def un_references(text: str | None) -> list[str]:
    """The UN Security Council reference numbers a text gives as its own:
    ``"UN Ref QDi.001"``, ``"(UN Ref):QDi.001."``, ``"UN REF:QE.A.146.14."``,
    ``"UN Reference Number: UN Ref KPe.064"``. References inside a parenthesis that
    names another OFSI listing ("(OFSI ID: 13635, UN Reference Number: …)") belong to
    that other listing and are skipped."""
    if not text:
        return []
    text = _FOREIGN_REF.sub(" ", text)
    out: list[str] = []
    for m in _UN_PREFIX.finditer(text):
        token = _UN_TOKEN.match(text, m.end())
        if token:
            ref = token.group(0).rstrip(".")
            if any(ch.isdigit() for ch in ref) and ref not in out:
                out.append(ref)
    return out


_UN_QUOTED = re.compile(r"\b(?:[A-Z]{2}[ie]\.\d{3}|[A-Z]{1,2}\.[A-Z]\.\d{1,4}\.\d{2})\b")


def quoted_un_references(text: str | None) -> list[str]:
    """UN reference numbers quoted anywhere in a text (``QDe.115``, ``TI.O.4.01``),
    without a "UN Ref" label: used for the references to *other* listings that
    narratives mention."""
    if not text:
        return []
    out: list[str] = []
    for m in _UN_QUOTED.finditer(text):
        if m.group(0) not in out:
            out.append(m.group(0))
    return out
