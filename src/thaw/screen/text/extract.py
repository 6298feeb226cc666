"""Getting plain text out of documents: plain text, HTML, PDF and DOCX.

:func:`extract_text` recognises the kind of document from its first bytes (not its
name, which users get wrong) and returns one string. Offsets reported by the text
screener refer to this string. Block boundaries (paragraphs, table cells, list
items, PDF pages) become line breaks so that names in different blocks never run
together.

Bounds
------
Nothing a user uploads may exhaust the machine, and nothing may be dropped
silently. A document larger than :data:`MAX_DOCUMENT_BYTES`, a DOCX whose parts
inflate past :data:`MAX_DOCX_PART_BYTES`, or any document whose text exceeds
:data:`MAX_TEXT_CHARS` is refused with :class:`ExtractError`. So is a document that
cannot be read whole: HTML nested deeper than the parser follows (2,048
elements), a PDF stream over pypdf's limits, XML entity tricks in a DOCX. The
error says what and where; the caller exits non-zero.
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

MAX_DOCUMENT_BYTES = 256 << 20
"""The largest document read (256 MiB)."""
MAX_DOCX_PART_BYTES = 128 << 20
"""The largest inflated part of a DOCX (128 MiB of XML: a very long book is 20)."""
MAX_TEXT_CHARS = 128 << 20
"""The most characters of text taken from one document (128 Mi)."""


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
    characters, which lxml cannot hold, read as spaces).

    Raises :class:`ExtractError` when the parser had to stop early (elements
    nested more than 2,048 deep): the text after that point would be lost.
    """
    markup = _NOT_XML.sub(" ", markup)
    parser = lxml_html.HTMLParser(huge_tree=True)
    try:
        root = lxml_html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractError(f"unreadable HTML: {exc}") from exc
    for error in parser.error_log:
        if error.level >= etree.ErrorLevels.FATAL:
            raise ExtractError(
                f"HTML cannot be read whole: {error.message} (line {error.line}, "
                f"column {error.column}); the text after it would be lost"
            )
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
    # an explicit stack, not recursion: documents may nest 2,048 elements deep
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        el, done = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in _BLOCK_TAGS
        if done:
            if block:
                parts.append("\n")
            if el is not root and el.tail:
                parts.append(el.tail)
            continue
        if block:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


def pdf_to_text(data: bytes) -> str:
    """Text of every page of a PDF, pages separated by blank lines."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # PyPdfError covers LimitReachedError; pypdf also trips over some damaged files
    # with errors of its own code (found by tests/fuzz): still a damaged PDF. That
    # includes a failed internal assertion (an object reference inside a page's text
    # operators), so this holds under ``python -O`` too
    pdf_errors = (
        PyPdfError,
        ValueError,
        KeyError,
        AttributeError,
        TypeError,
        IndexError,
        RecursionError,
        AssertionError,
    )
    pages: list[str] = []
    size = 0
    try:
        reader = PdfReader(io.BytesIO(data))
        for number, page in enumerate(reader.pages, start=1):
            try:
                text = page.extract_text() or ""
            except pdf_errors as exc:
                raise ExtractError(f"unreadable PDF: page {number}: {exc}") from exc
            size += len(text)
            if size > MAX_TEXT_CHARS:
                raise ExtractError(_too_much_text(f"page {number}"))
            pages.append(text)
    except ExtractError:
        raise
    except pdf_errors as exc:
        raise ExtractError(f"unreadable PDF ({type(exc).__name__}: {exc})") from exc
    return "\n\n".join(pages)


def _too_much_text(where: str) -> str:
    return f"more than {MAX_TEXT_CHARS:,} characters of text (at {where}): refused"


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_to_text(data: bytes) -> str:
    """Paragraphs (body text and table cells, in document order) of a DOCX, one
    per line; tabs and line breaks inside a paragraph become spaces.

    The XML is streamed (never built as a tree), its inflated size is capped
    (:data:`MAX_DOCX_PART_BYTES`), and no DTD or entity is loaded; any problem
    is an :class:`ExtractError` saying where.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        info = zf.getinfo("word/document.xml")
    except (KeyError, zipfile.BadZipFile, NotImplementedError, zlib.error) as exc:
        raise ExtractError(f"unreadable DOCX: {exc}") from exc
    if info.file_size > MAX_DOCX_PART_BYTES:
        raise ExtractError(
            f"DOCX word/document.xml inflates to {info.file_size:,} bytes, over the "
            f"{MAX_DOCX_PART_BYTES:,}-byte cap: refused"
        )
    lines: list[str] = []
    paragraph: list[str] = []
    size = 0
    try:
        with zf, zf.open(info) as stream:
            events = etree.iterparse(
                stream,
                events=("end",),
                resolve_entities=False,
                load_dtd=False,
                no_network=True,
                huge_tree=False,
                remove_comments=True,
            )
            for _event, el in events:
                tag = el.tag
                if tag == _W + "t":
                    if el.text:
                        paragraph.append(el.text)
                        size += len(el.text)
                elif tag in (_W + "tab", _W + "br", _W + "cr"):
                    paragraph.append(" ")
                elif tag == _W + "p":
                    lines.append("".join(paragraph))
                    paragraph.clear()
                    size += 1
                    el.clear(keep_tail=False)
                    # free what is done with: the document is never held as a tree
                    while el.getprevious() is not None:
                        del el.getparent()[0]
                if size > MAX_TEXT_CHARS:
                    raise ExtractError(_too_much_text(f"DOCX paragraph {len(lines) + 1}"))
    except ExtractError:
        raise
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        raise ExtractError(
            f"unreadable DOCX: word/document.xml line {line}, column {column}: {exc.msg}"
        ) from exc
    except (
        zipfile.BadZipFile,
        OSError,
        EOFError,
        RuntimeError,
        ValueError,
        NotImplementedError,
        zlib.error,
        etree.LxmlError,
    ) as exc:
        raise ExtractError(f"unreadable DOCX: {exc}") from exc
    if paragraph:
        lines.append("".join(paragraph))
    return "\n".join(lines)


def extract_text(data: bytes) -> tuple[str, str]:
    """``(kind, text)`` for a document given as bytes (see the module docs for the
    bounds; raises :class:`ExtractError`)."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ExtractError(
            f"the document has {len(data):,} bytes, over the {MAX_DOCUMENT_BYTES:,}-byte cap: "
            "refused (split it)"
        )
    kind = detect_kind(data)
    if kind == "pdf":
        return kind, pdf_to_text(data)
    if kind == "docx":
        return kind, docx_to_text(data)
    text = _decode(data)
    if kind == "html":
        text = html_to_text(text)
    if len(text) > MAX_TEXT_CHARS:
        raise ExtractError(_too_much_text(f"character {MAX_TEXT_CHARS:,}"))
    return kind, text


def read_document(path: Path | str) -> tuple[str, str]:
    """Read a document file (``-`` is not handled here; pass bytes instead)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ExtractError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return extract_text(data)
