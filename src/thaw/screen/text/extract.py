"""Getting plain text out of documents: plain text, HTML, PDF and DOCX.

:func:`extract_text` recognises the kind of document from its first bytes (not its
name, which users get wrong) and returns one string. Offsets reported by the text
screener refer to this string. Block boundaries (paragraphs, table cells, list
items, PDF pages) become line breaks so that names in different blocks never run
together.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "title",
    "dt",
    "dd",
    "figcaption",
    "aside",
    "nav",
    "main",
}
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "head")


class ExtractError(Exception):
    """The document could not be read; the message says why."""


def detect_kind(data: bytes) -> str:
    """``pdf``, ``docx``, ``html`` or ``text`` from a document's first bytes."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                if "word/document.xml" in zf.namelist():
                    return "docx"
        except (zipfile.BadZipFile, NotImplementedError):  # NotImplemented: odd zip version
            pass
        raise ExtractError("a zip archive that is not a DOCX document")
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<p>" in head:
        return "html"
    return "text"


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def html_to_text(markup: str) -> str:
    """Visible text of an HTML document, one line per block element (control
    characters, which lxml cannot hold, read as spaces)."""
    markup = _NOT_XML.sub(" ", markup)
    try:
        root = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractError(f"unreadable HTML: {exc}") from exc
    for bad in list(root.iter(*_DROP_TAGS)):
        parent = bad.getparent()
        if parent is None:
            continue
        previous, tail = bad.getprevious(), bad.tail
        parent.remove(bad)  # drop the element, keep the text that followed it
        if tail and previous is not None:
            previous.tail = (previous.tail or "") + tail
        elif tail:
            parent.text = (parent.text or "") + tail
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


def pdf_to_text(data: bytes) -> str:
    """Text of every page of a PDF, pages separated by blank lines."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n\n".join((page.extract_text() or "") for page in reader.pages)
    except (PyPdfError, ValueError, KeyError) as exc:  # PyPdfError: LimitReachedError too
        raise ExtractError(f"unreadable PDF: {exc}") from exc
    except (AttributeError, TypeError, IndexError, RecursionError) as exc:
        # pypdf trips over some damaged files with errors of its own code (found by
        # tests/fuzz): still a damaged PDF, not a bug of the caller
        raise ExtractError(f"unreadable PDF ({type(exc).__name__}: {exc})") from exc


def docx_to_text(data: bytes) -> str:
    """Paragraphs and table cells of a DOCX document, one per line."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (
        KeyError,
        ValueError,
        zipfile.BadZipFile,
        NotImplementedError,
        zlib.error,
        etree.LxmlError,
    ) as exc:
        raise ExtractError(f"unreadable DOCX: {exc}") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.append(cell.text)
    return "\n".join(lines)


def extract_text(data: bytes) -> tuple[str, str]:
    """``(kind, text)`` for a document given as bytes."""
    kind = detect_kind(data)
    if kind == "pdf":
        return kind, pdf_to_text(data)
    if kind == "docx":
        return kind, docx_to_text(data)
    text = _decode(data)
    if kind == "html":
        return kind, html_to_text(text)
    return kind, text


def read_document(path: Path | str) -> tuple[str, str]:
    """Read a document file (``-`` is not handled here; pass bytes instead)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ExtractError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return extract_text(data)
