"""``thaw screen-text``: find listed parties in an article, contract or document."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from thaw.cli._app import HomeOption, JsonOption, app, console, fail
from thaw.cli.screen import party_screener
from thaw.screen import Listing
from thaw.screen.text import ExtractError, PartyFound, TextResult, TextScreener, extract_text
from thaw.screen.text.extract import MAX_DOCUMENT_BYTES


@app.command("screen-text")
def screen_text_cmd(
    source: Annotated[
        str, typer.Argument(help="A text, HTML, PDF or DOCX file, or - for standard input.")
    ],
    threshold: Annotated[
        float | None, typer.Option(help="Minimum score of a mention (default 0.80).")
    ] = None,
    html_out: Annotated[
        Path | None, typer.Option("--html", help="Also write an HTML report to this file.")
    ] = None,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Screen free text: every mention of a listed party, then one line per party."""
    data = _read_stdin() if source == "-" else _read(source)
    try:
        kind, text = extract_text(data)
    except ExtractError as exc:
        raise fail(f"{source}: {exc}") from exc
    screener = TextScreener(party_screener(home), threshold=threshold)
    result = screener.screen_text(text, kind)
    if html_out is not None:
        html_out.write_text(html_report(result, source), encoding="utf-8")
    if as_json:
        print(result.to_json())
        return
    render(result)


def _too_big(source: str) -> typer.Exit:
    return fail(f"{source}: larger than {MAX_DOCUMENT_BYTES:,} bytes: refused (split the document)")


def _read_stdin() -> bytes:
    """Standard input, refused past :data:`MAX_DOCUMENT_BYTES` without reading on."""
    data = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise _too_big("standard input")
    return data


def _read(source: str) -> bytes:
    path = Path(source)
    try:
        if not path.is_file():
            raise fail(f"{source}: not a regular file")
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            raise _too_big(source)
        return path.read_bytes()
    except OSError as exc:
        raise fail(f"{source}: cannot read: {exc.strerror or exc}") from exc


def render(result: TextResult) -> None:
    """Mentions with their highlighted snippets, then a summary table."""
    if not result.parties:
        console.print(f"No listed party found in {len(result.text):,} characters of {result.kind}.")
        return
    for party in result.parties:
        listings = ", ".join(_listing_key(party, lst) for lst in party.hit.listings)
        console.print(
            f"[bold]{escape(party.hit.name)}[/]  score {party.score:.2f}  [dim]{listings}[/]"
        )
        for m in party.mentions:
            before = _squash(result.text[m.snippet_start : m.start])
            after = _squash(result.text[m.end : m.end + 60])
            tag = " (short reference)" if m.short_reference else ""
            console.print(
                f"  {m.start:>6}-{m.end:<6} …{escape(before)}[reverse]{escape(_squash(m.text))}[/]"
                f"{escape(after)}…{tag}",
                highlight=False,
            )
    table = Table(title="Parties found")
    for col in ("party", "score", "authorities and programmes", "mentions"):
        table.add_column(col, overflow="fold")
    for party in result.parties:
        progs = "; ".join(
            f"{_listing_key(party, lst)} " + ", ".join(lst.programs) for lst in party.hit.listings
        )
        table.add_row(
            escape(party.hit.name), f"{party.score:.2f}", escape(progs), str(len(party.mentions))
        )
    console.print(table)


def _listing_key(party: PartyFound, listing: Listing) -> str:
    """``source:source_id``, marked when the listing is the party's without
    its name being the one the text matched."""
    key = f"{listing.source}:{listing.source_id}"
    return f"{key} (same party)" if party.found_by(listing) == "party" else key


def _squash(text: str) -> str:
    """Collapse runs of white space to one space, keeping a leading/trailing one."""
    return re.sub(r"\s+", " ", text)


def html_report(result: TextResult, title: str) -> str:
    """A self-contained HTML page: the text with mentions highlighted, and a summary."""
    marks = sorted(
        ((m.start, m.end, n) for n, p in enumerate(result.parties) for m in p.mentions),
        key=lambda x: x[0],
    )
    out: list[str] = []
    pos = 0
    for start, end, n in marks:
        if start < pos:
            continue
        out.append(html.escape(result.text[pos:start]))
        out.append(
            f'<mark title="{html.escape(result.parties[n].hit.name)}">'
            f"{html.escape(result.text[start:end])}</mark>"
        )
        pos = end
    out.append(html.escape(result.text[pos:]))
    rows = "".join(
        "<tr><td>{}</td><td>{:.2f}</td><td>{}</td><td>{}</td><td>{}</td></tr>".format(
            html.escape(p.hit.name),
            p.score,
            "<br>".join(
                html.escape(f"{_listing_key(p, lst)} {', '.join(lst.programs)}")
                for lst in p.hit.listings
            ),
            len(p.mentions),
            html.escape(p.hit.explanation),
        )
        for p in result.parties
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>thaw: "
        + html.escape(title)
        + "</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
        "mark{background:#ffd54f}pre{white-space:pre-wrap}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:.3em .6em;vertical-align:top}</style></head><body>"
        f"<h1>Text screening: {html.escape(title)}</h1><h2>Parties found</h2>"
        "<table><tr><th>party</th><th>score</th><th>listings</th><th>mentions</th><th>why</th></tr>"
        + rows
        + "</table><h2>Text</h2><pre>"
        + "".join(out)
        + "</pre></body></html>"
    )
