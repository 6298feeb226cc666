"""``thaw compare-file``: score name pairs from a CSV file."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Annotated

import typer

from thaw.cli._app import app, console, fail
from thaw.index.entry import Entry, name_entry
from thaw.match import ALGORITHMS, Query, score, threshold_for
from thaw.spreadsheet import SafeDictWriter


def pair_entry(name: str, schema: str | None) -> Entry:
    """A one-name listing for ``name``, so that a pair can be scored like a screening."""
    return name_entry(name, schema, source="pair", source_id="name2")


@app.command("compare-file")
def compare_file_cmd(
    pairs: Annotated[
        Path,
        typer.Argument(
            help="CSV with columns name1, name2 and optionally schema.", exists=True, dir_okay=False
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="CSV file to write.")],
    algorithm: Annotated[
        str, typer.Option(help=f"Scoring algorithm: {', '.join(ALGORITHMS)}.")
    ] = "thaw",
    threshold: Annotated[
        float | None, typer.Option(help="Match threshold (default: the algorithm's).")
    ] = None,
) -> None:
    """Score each pair of names: name1 is screened against name2 as a one-name listing.

    The output keeps the input columns and adds score and match (true when
    the score reaches the threshold).
    """
    if algorithm not in ALGORITHMS:
        raise fail(f"unknown algorithm {algorithm!r}; known: {', '.join(ALGORITHMS)}")
    limit = threshold if threshold is not None else threshold_for(algorithm)
    try:
        with pairs.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            fields = list(reader.fieldnames or [])
            missing = [c for c in ("name1", "name2") if c not in fields]
            if missing:
                raise fail(f"{pairs}: missing column(s) {', '.join(missing)} (line 1)")
            rows = list(reader)
    except UnicodeDecodeError as exc:
        raise fail(f"{pairs}: not UTF-8 text ({exc.reason})") from exc
    except csv.Error as exc:
        raise fail(f"{pairs}: malformed CSV ({exc})") from exc
    out_fields = fields + [c for c in ("score", "match") if c not in fields]
    matches = 0
    with output.open("w", newline="", encoding="utf-8") as fh:
        writer = SafeDictWriter(fh, fieldnames=out_fields, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            name1 = (row.get("name1") or "").strip()
            name2 = (row.get("name2") or "").strip()
            schema = (row.get("schema") or "").strip() or None
            value = 0.0
            if name1 and name2:
                value = score(Query(name1, schema), pair_entry(name2, schema), algorithm).score
            is_match = value >= limit
            matches += is_match
            flag = "true" if is_match else "false"
            writer.writerow({**row, "score": f"{value:.4f}", "match": flag})
    console.print(
        f"{len(rows)} pairs scored, {matches} matches at {limit:.2f} → {output}", highlight=False
    )
