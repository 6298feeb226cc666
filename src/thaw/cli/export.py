"""``thaw export``: write the active records as FollowTheMoney, thaw JSON or CSV."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from thaw.cli._app import HomeOption, app, err, fail, open_store
from thaw.export import FORMATS, ExportError, export


@app.command("export")
def export_cmd(
    format: Annotated[
        str, typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")
    ] = "ftm",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="File to write (default: standard output).", dir_okay=False
        ),
    ] = None,
    source: Annotated[
        list[str] | None,
        typer.Option("--source", "-s", help="Export only this source (repeatable)."),
    ] = None,
    home: HomeOption = None,
) -> None:
    """Write the active records of the store.

    ftm: FollowTheMoney JSON lines, one Person / Organization / LegalEntity / Vessel /
    Airplane entity per listing with id SOURCE-SOURCE_ID (written as a valid FtM id:
    us_ofac_sdn-36 becomes us-ofac-sdn-36), plus Sanction entities carrying programme
    and listing date; thaw load reads such a file back as source ftm. json: thaw's own
    record JSON, one per line. csv: a flat table, one row per listing.
    """
    if format not in FORMATS:
        raise fail(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    with open_store(home, readonly=True) as store:
        try:
            if output is None:
                result = export(store, sys.stdout, format, source)
                sys.stdout.flush()
            else:
                partial = output.with_name(output.name + ".part")
                try:
                    with open(partial, "w", encoding="utf-8", newline="") as fh:
                        result = export(store, fh, format, source)
                    partial.replace(output)
                finally:
                    partial.unlink(missing_ok=True)
        except ExportError as exc:
            raise fail(str(exc)) from exc
        except OSError as exc:
            raise fail(f"cannot write {output}: {exc.strerror or exc}") from exc
    counts = ", ".join(f"{s} {n}" for s, n in result.by_source.items())
    entities = f" as {result.entities} entities" if result.entities is not None else ""
    where = f" to {output}" if output else ""
    err.print(f"exported {result.records} records{entities}{where} ({counts})", highlight=False)
