"""``thaw update``: bring the lists up to date, from the official sites or a folder."""

from __future__ import annotations

import json
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Table

from thaw.cli._app import (
    ForceOption,
    HomeOption,
    JsonOption,
    MaxDropOption,
    after_load,
    app,
    console,
    err,
    fail,
    open_store,
)
from thaw.store import DEFAULT_MAX_DROP

if TYPE_CHECKING:
    from thaw.update import Outcome

STYLE = {
    "loaded": "green",
    "reread": "cyan",
    "history": "cyan",
    "unchanged": "dim",
    "not_modified": "dim",
    "up_to_date": "dim",
    "skipped": "yellow",
    "failed": "bold red",
}


@app.command("update")
def update_cmd(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="Sources to update (default: every source thaw reads).", show_default=False
        ),
    ] = None,
    from_dir: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="Offline: load the newest publication of each source "
            "found anywhere under this folder.",
            exists=True,
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            envvar="THAW_MIRROR",
            help="A mirror standing in for the official hosts: files are fetched "
            "from BASE/<source>/<file name> (or BASE with {source}/{name} filled in).",
        ),
    ] = None,
    all_publications: Annotated[
        bool,
        typer.Option(
            "--all",
            help="With --from: load every publication found, oldest first, to build the history.",
        ),
    ] = False,
    timeout: Annotated[float, typer.Option(help="Network timeout per request, seconds.")] = 60.0,
    retries: Annotated[int, typer.Option(help="Further attempts after a failed download.")] = 3,
    force: ForceOption = False,
    max_drop: MaxDropOption = DEFAULT_MAX_DROP,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Download each list from its official URL (only when it changed) and load it.

    A publication becomes active only once it is downloaded completely, parsed and
    checked; on any failure the active data stays as it was, the reason is printed
    and the exit status is 1. With --from DIR nothing is downloaded: the newest
    publication of each source under DIR is loaded (documents, unrecognised files,
    _samples folders and auxiliary files without their main file are ignored).
    """
    # imported here: thaw.update brings the HTTP client, which no other command needs
    from thaw.update import OFFICIAL, Fetcher, update_offline, update_online
    from thaw.update.run import readable_sources

    known = readable_sources()
    wanted = list(dict.fromkeys(sources)) if sources else None
    if wanted:
        unknown = [s for s in wanted if s not in known and s not in OFFICIAL]
        if unknown:
            raise fail(f"unknown source {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    if all_publications and from_dir is None:
        raise fail("--all needs --from DIR")

    def report(outcome: Outcome) -> None:
        if as_json:
            return
        style = STYLE.get(outcome.status, "")
        line = f"[{style}]{outcome.status:12}[/] {outcome.source:14} {escape(outcome.detail)}"
        (err if outcome.status == "failed" else console).print(
            line, highlight=False, soft_wrap=True
        )

    with open_store(home) as store:
        if from_dir is not None:
            spinner = nullcontext() if as_json else console.status("loading publications…")
            with spinner:
                outcomes = update_offline(
                    store,
                    from_dir,
                    wanted,
                    force=force,
                    max_drop=max_drop,
                    all_publications=all_publications,
                    report=report,
                )
        else:
            progress = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                DownloadColumn(),
                TransferSpeedColumn(),
                TimeRemainingColumn(),
                console=err,
                transient=True,
                disable=as_json,
            )
            with progress, Fetcher(timeout=timeout, retries=retries, progress=progress) as fetcher:
                outcomes = update_online(
                    store,
                    wanted,
                    base_url=base_url,
                    fetcher=fetcher,
                    force=force,
                    max_drop=max_drop,
                    report=report,
                )
        if any(o.changed for o in outcomes):
            after_load(store)
    if as_json:
        console.print_json(json.dumps([_as_dict(o) for o in outcomes]))
    elif not outcomes:
        console.print(
            "Nothing to update: no publication found." if from_dir else "Nothing to update."
        )
    else:
        _summary(outcomes)
    if any(not o.ok for o in outcomes):
        raise typer.Exit(1)


def _as_dict(outcome: Outcome) -> dict[str, object]:
    pub = outcome.publication
    return {
        "source": outcome.source,
        "status": outcome.status,
        "detail": outcome.detail,
        "files": [str(p) for p in outcome.files],
        "published": pub.published if pub else None,
        "records": pub.record_count if pub else None,
        "notes": list(outcome.notes),
    }


def _summary(outcomes: list[Outcome]) -> None:
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_row(", ".join(f"{n} {status.replace('_', ' ')}" for status, n in counts.items()))
    console.print(table)
