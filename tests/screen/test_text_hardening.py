"""Issue 17 on ``thaw screen-text``: no text dropped silently, no unbounded memory,
no traceback, and text screening linear in the length of the text."""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thaw.cli import app
from thaw.screen.text import ExtractError, extract_text
from thaw.screen.text import extract as extract_module
from thaw.screen.text.mentions import find_mentions

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(body: str, prolog: str = "") -> bytes:
    """A minimal DOCX whose word/document.xml holds ``body`` inside w:body."""
    xml = f'<?xml version="1.0"?>{prolog}<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", xml)
    return buf.getvalue()


def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def deep_html(depth: int) -> bytes:
    return (
        "<html><body>" + "<div>" * depth + "Deep text" + "</div>" * depth + "<p>After it</p>"
        "</body></html>"
    ).encode()


def test_deep_html_is_read_whole_or_refused() -> None:
    """255 nested elements made every later word vanish (exit 0, no parties)."""
    kind, text = extract_text(deep_html(300))
    assert kind == "html" and "Deep text" in text and "After it" in text
    with pytest.raises(ExtractError, match="cannot be read whole"):
        extract_text(deep_html(3000))


def test_deep_html_exits_non_zero(home: Path, tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_bytes(deep_html(3000))
    result = CliRunner().invoke(app, ["screen-text", str(page), "--home", str(home)])
    assert result.exit_code == 1 and "cannot be read whole" in result.stderr


def test_docx_is_streamed_in_document_order() -> None:
    body = (
        para("Letter of intent")
        + (
            "<w:tbl><w:tr><w:tc>"
            + para("Approved by")
            + "</w:tc><w:tc>"
            + para("Vladimir Putin")
            + "</w:tc></w:tr></w:tbl>"
        )
        + "<w:p><w:r><w:t>Kirill</w:t><w:tab/><w:t>Dmitriev</w:t></w:r></w:p>"
    )
    kind, text = extract_text(docx(body))
    assert kind == "docx"
    assert text.splitlines() == [
        "Letter of intent",
        "Approved by",
        "Vladimir Putin",
        "Kirill Dmitriev",
    ]


def test_docx_zip_bomb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A DOCX inflating far beyond any real document (2.2 GB and a traceback in the
    report) is refused from its declared size, before anything is inflated."""
    monkeypatch.setattr(extract_module, "MAX_DOCX_PART_BYTES", 1 << 20)
    bomb = docx(para("x" * 100) * 20_000)  # ~2.6 MB of XML in a small file
    assert len(bomb) < 100_000
    with pytest.raises(ExtractError, match="inflates to .* over the .*cap: refused"):
        extract_text(bomb)


def test_docx_with_too_much_text_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """200 MB of tiny paragraphs took 4 GB: text is capped as it streams."""
    monkeypatch.setattr(extract_module, "MAX_TEXT_CHARS", 50_000)
    with pytest.raises(ExtractError, match="more than 50,000 characters of text"):
        extract_text(docx(para("ab") * 40_000))


def test_docx_entity_amplification_is_harmless() -> None:
    """Entities declared in a DOCX are never expanded (lxml's "maximum entity
    amplification factor exceeded" escaped as a traceback)."""
    prolog = (
        '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
        + "".join(
            f'<!ENTITY {n} "{("&" + p + ";") * 10}">'
            for p, n in zip("abcdefg", "bcdefgh", strict=True)
        )
        + "]>"
    )
    try:
        _kind, text = extract_text(docx(para("Kirill &h; Dmitriev"), prolog))
    except ExtractError as exc:
        assert "unreadable DOCX" in str(exc)
    else:
        assert len(text) < 1000


def test_docx_text_node_too_long_is_located() -> None:
    """lxml refuses a text node over 10 MB ("Text node too long"): a located error."""
    with pytest.raises(ExtractError, match=r"unreadable DOCX: word/document.xml line \d+"):
        extract_text(docx(para("a" * 11_000_000)))


def test_pdf_limits_are_clear_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    """pypdf's LimitReachedError on an over-large stream escaped as a traceback."""
    from pypdf import PageObject
    from pypdf.errors import LimitReachedError

    from tests.screen.test_text import make_pdf

    def boom(self: PageObject, *args: object, **kw: object) -> str:
        raise LimitReachedError("limit reached: stream too large")

    monkeypatch.setattr(PageObject, "extract_text", boom)
    with pytest.raises(ExtractError, match="unreadable PDF: page 1: limit reached"):
        extract_text(make_pdf(["Kirill Dmitriev"]))


def test_pdf_object_reference_among_text_operators_is_a_clear_error() -> None:
    """Found by the fuzzer (a duplicated chunk): an object reference inside a
    page's text array made pypdf fail an internal assertion, a traceback."""
    from tests.screen.test_text import make_pdf

    data = make_pdf(["Kirill Dmitriev"])
    damaged = data.replace(b"(Kirill Dmitriev) '", b"[(Kirill) 1 0 R] TJ")
    assert len(damaged) == len(data) and damaged != data  # the offsets still hold
    with pytest.raises(ExtractError, match="unreadable PDF: page 1"):
        extract_text(damaged)


def test_documents_over_the_size_cap_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_module, "MAX_DOCUMENT_BYTES", 1000)
    with pytest.raises(ExtractError, match="over the 1,000-byte cap"):
        extract_text(b"x" * 1001)


class _Hit:
    def __init__(self, key: str) -> None:
        self.key = key
        self.score = 0.95
        self.schema = "Person"


def test_mentions_are_linear_in_the_text() -> None:
    """``_short_references`` compared every token with every mention (132 million
    generator steps on a 5 MB page); 8,000 mentions and 32,000 lone surnames now
    take a few seconds."""
    hit = _Hit("p1")

    def lookup(
        name: str, year: str | None, countries: tuple[str, ...], vessel: bool
    ) -> Sequence[_Hit]:
        return [hit] if name == "Kirill Dmitriev" else []

    find_mentions("Kirill Dmitriev in Moscow.", lookup, lambda token: True)  # load tables
    text = "Kirill Dmitriev met Dmitriev. Dmitriev, Dmitriev and Dmitriev! " * 8000
    began = time.process_time()
    (party,) = find_mentions(text, lookup, lambda token: True)
    cpu = time.process_time() - began
    assert sum(not m.short for m in party.mentions) == 8000
    assert sum(m.short for m in party.mentions) == 32000
    # quadratic (32,000 lone surnames × 8,000 mention spans) this took 14 s of CPU, now 1 s
    assert cpu < 6, cpu
