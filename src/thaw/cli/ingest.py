"""``thaw load``, ``thaw lists`` and ``thaw entity``: bring publications in and look."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
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
from thaw.model import Record
from thaw.sources import SourceError, check_regular, plan, source_names
from thaw.store import DEFAULT_MAX_DROP, LoadError, load


@app.command("load")
def load_cmd(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Publication files (format detected from content).", exists=True, dir_okay=False
        ),
    ],
    source: Annotated[str | None, typer.Option(help="Read the files as this source.")] = None,
    date: Annotated[
        str | None,
        typer.Option(help="Publication date YYYY-MM-DD for files that carry none (sdn.csv)."),
    ] = None,
    force: ForceOption = False,
    history: Annotated[
        bool, typer.Option(help="Store publications older than the active one as history.")
    ] = False,
    max_drop: MaxDropOption = DEFAULT_MAX_DROP,
    dataset: Annotated[
        str | None,
        typer.Option(
            help="Load FtM (FollowTheMoney) files as the dataset NAME: a source of its "
            "own (ftm_NAME), served as /match/NAME and /search/NAME."
        ),
    ] = None,
    home: HomeOption = None,
) -> None:
    """Load official publication files into the store.

    Companion files (add.csv, alt.csv, sdn_comments.csv beside sdn.csv) are picked
    up automatically. A publication that fails to parse or to pass the sanity checks
    is refused and the active data stays as it was. An archive of dated publications
    (e.g. sdn_csv_history.tar.xz, with its _index.csv) is loaded as a series, oldest first.

    With --dataset NAME, FtM files are loaded as a dataset of that name: the source
    ftm_NAME, whose next load under the same name replaces it (the plausibility
    checks apply), while other datasets and plain FtM loads stay as they are.
    """
    from thaw.cli.history import load_series_files  # noqa: PLC0415  (series archives)

    if date is not None:
        date = check_date(date)
    for path in files:  # before anything opens them: a FIFO would block the first read
        try:
            check_regular(path)
        except SourceError as exc:
            raise fail(str(exc)) from exc

    given = len(files)
    failed = 0
    if dataset is None:  # a series archive is never an FtM dataset
        files, failed = load_series_files(
            files, source=source, force=force, max_drop=max_drop, home=home
        )
    series = given > len(files)  # series archives were loaded (publications activated)
    try:
        jobs = plan(files, source=source)
        if dataset is not None:
            jobs = [job.as_dataset(dataset) for job in jobs]
    except SourceError as exc:
        raise fail(str(exc)) from exc
    with open_store(home) as store:
        for job in jobs:
            try:
                result = load(
                    store, job, date=date, force=force, history=history, max_drop=max_drop
                )
            except LoadError as exc:
                err.print(
                    f"[red]refused[/] {escape(str(exc))}",
                    markup=True,
                    highlight=False,
                    soft_wrap=True,
                )
                failed += 1
                continue
            pub = result.publication
            names = ", ".join(p.name for p in job.files)
            console.print(
                f"{result.status:9} {pub.source:14} {pub.published[:10]}  "
                f"{pub.record_count:>6} records  ({names})",
                highlight=False,
                markup=False,
                soft_wrap=True,
            )
        if len(jobs) > failed or series:
            after_load(store)  # screening index and profiles follow the active lists
    if failed:
        raise typer.Exit(1)


def check_date(value: str) -> str:
    """A ``--date`` value as ``YYYY-MM-DD``; a clear error for anything else."""
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise fail(f"--date must be a date written YYYY-MM-DD, got {value!r}")


@app.command("lists")
def lists_cmd(home: HomeOption = None, as_json: JsonOption = False) -> None:
    """Per source: the active publication, its records by schema and the snapshots held."""
    with open_store(home, readonly=True) as store:
        active = store.active_publications()
        rows: list[dict[str, Any]] = []
        for source in store.sources():
            pubs = store.publications(source)
            pub = active.get(source)
            rows.append(
                {
                    "source": source,
                    "published": pub.published[:10] if pub else None,
                    "format": pub.format if pub else None,
                    "records": pub.record_count if pub else 0,
                    "schemata": store.counts_by_schema(pub) if pub else {},
                    "snapshots": len(pubs),
                    "first": pubs[0].published[:10],
                }
            )
    if as_json:
        console.print_json(json.dumps(rows))
        return
    table = Table(title="Loaded sources")
    for col in ("source", "active publication", "format", "records", "by schema", "snapshots"):
        table.add_column(col, overflow="fold")
    for row in rows:
        schemata = ", ".join(f"{k} {v}" for k, v in row["schemata"].items())
        table.add_row(
            row["source"],
            str(row["published"]),
            str(row["format"]),
            str(row["records"]),
            schemata,
            f"{row['snapshots']} (since {row['first']})",
        )
    if not rows:
        console.print("No lists loaded yet. Try: thaw update --from DIR, or thaw load FILE")
        return
    console.print(table)


def parse_key(key: str) -> tuple[str, str]:
    """Split ``SOURCE:SOURCE_ID``; raise a clear error on anything else."""
    source, sep, source_id = key.partition(":")
    if not sep or not source_id:
        raise fail(
            f"expected SOURCE:ID (e.g. us_ofac_sdn:34336), got {key!r}; "
            f"sources: {', '.join(source_names())}"
        )
    return source, source_id


@app.command("entity")
def entity_cmd(
    key: Annotated[str, typer.Argument(help="SOURCE:SOURCE_ID, e.g. us_ofac_sdn:34336")],
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Everything known about one listing in the active publication of its source."""
    source, source_id = parse_key(key)
    with open_store(home, readonly=True) as store:
        record = store.get(source, source_id)
        if record is None:
            for src, sid in store.search_ids(source, source_id):
                record = store.get(src, sid)
        pub = store.active_publications().get(source)
    if record is None or pub is None:
        raise fail(f"no listing {key} in the active publications")
    if as_json:
        data = record.to_dict()
        data["publication"] = {
            "source": pub.source,
            "published": pub.published,
            "sha256": pub.sha256,
        }
        console.print_json(json.dumps(data, ensure_ascii=False))
        return
    render_record(record, f"{pub.published[:10]} ({pub.format})")


def render_record(record: Record, published: str) -> None:
    """Print one listing as a readable two-column table."""
    title = escape(f"{record.caption}  [{record.key}]")  # names may hold [brackets]: not markup
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()

    def row(label: str, values: list[str]) -> None:
        if values:
            table.add_row(label, escape("\n".join(values)))

    row("schema", [record.schema])
    row("publication", [published])
    row("programmes", record.programs)
    row("listed on", [record.listed_on] if record.listed_on else [])
    for kind in ("primary", "alias", "former", "weak", "original"):
        row(f"names ({kind})", [n.value for n in record.names if n.kind == kind])
    row(
        "birth dates",
        [f"circa {d}" if d in record.birth_estimates else d for d in record.birth_dates],
    )
    row("birth places", record.birth_places)
    row("nationality", record.nationalities)
    row("citizenship", record.citizenships)
    row("countries", record.countries)
    row("gender", [record.gender] if record.gender else [])
    row("titles", record.titles)
    row("positions", record.positions)
    row(
        "identifiers",
        [
            f"{i.kind}: {i.number}"
            + (f" ({i.country.upper()})" if i.country else "")
            + (f"  [{i.label}]" if i.label else "")
            for i in record.identifiers
        ],
    )
    row(
        "addresses",
        [a.full + (f" [{a.country.upper()}]" if a.country else "") for a in record.addresses],
    )
    row(
        "links",
        [
            f"{link.relation}: "
            + (f"{link.source}:{link.source_id}" if link.source_id else "")
            + (f" {link.name}" if link.name else "")
            for link in record.links
        ],
    )
    row("remarks", record.remarks)
    row("other", [f"{k}: {v}" for k, v in record.extra.items()])
    console.print(table)
