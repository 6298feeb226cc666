"""``thaw changes``, ``thaw history`` and ``thaw chart``: what changed, when, and how
the lists grew; plus the series import behind ``thaw load ARCHIVE``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from thaw.cli._app import HomeOption, JsonOption, app, console, err, fail, open_store
from thaw.history import (
    ChangeReport,
    ChartError,
    Event,
    ListingChange,
    Parties,
    Timeline,
    changes,
    chart_series,
    listing_timeline,
    party_timeline,
    write_chart,
)
from thaw.profiles import Profiles
from thaw.schemas.reports import changes_dict
from thaw.sources import SourceError
from thaw.spreadsheet import SafeWriter
from thaw.store import DEFAULT_MAX_DROP
from thaw.store.bulk import SeriesItem, is_series_archive, is_series_index, load_series

# -- thaw load ARCHIVE (series) -------------------------------------------------------------


def load_series_files(
    files: list[Path],
    *,
    source: str | None,
    force: bool,
    max_drop: float | None = DEFAULT_MAX_DROP,
    home: Path | None,
) -> tuple[list[Path], int]:
    """Load the series archives among ``files`` (with their index CSVs, given or
    found beside them); return the other files and the number of refusals."""
    archives = [f for f in files if is_series_archive(f)]
    indexes = [f for f in files if is_series_index(f)]
    rest = [f for f in files if f not in archives and f not in indexes]
    if not archives:
        if indexes:
            raise fail(f"{indexes[0]} is a series index; give the archive it describes as well")
        return files, 0
    if len(indexes) > 1 or (indexes and len(archives) > 1):
        raise fail("give one series index with one archive (or let thaw find <archive>_index.csv)")
    failed = 0

    def show(item: SeriesItem) -> None:
        nonlocal failed
        where = ", ".join(m.rsplit("/", 1)[-1] for m in item.members)
        if item.error is not None:
            failed += 1
            err.print(f"[red]refused[/] {escape(item.error)}", markup=True, highlight=False)
            return
        assert item.result is not None
        pub = item.result.publication
        console.print(
            f"{item.result.status:9} {pub.source:14} {pub.published:20} "
            f"{pub.record_count:>6} records  ({where})",
            highlight=False,
        )

    with open_store(home) as store:
        for archive in archives:
            try:
                result = load_series(
                    store,
                    archive,
                    index=indexes[0] if indexes else None,
                    source=source,
                    force=force,
                    max_drop=max_drop,
                    on_item=show,
                )
            except SourceError as exc:
                raise fail(str(exc)) from exc
            counts = {
                s: result.count(s) for s in ("loaded", "history", "reread", "unchanged", "refused")
            }
            console.print(
                f"series {archive.name}: " + ", ".join(f"{n} {s}" for s, n in counts.items() if n),
                highlight=False,
            )
    return rest, failed


# -- thaw changes ---------------------------------------------------------------------------


def _report_dict(reports: list[ChangeReport]) -> dict[str, Any]:
    return changes_dict(reports)  # the API's shape: CLI and API cannot drift


def _write_csv(reports: list[ChangeReport]) -> None:
    out = SafeWriter(sys.stdout, lineterminator="\n")
    out.writerow(
        [
            "change",
            "source",
            "source_id",
            "caption",
            "schema",
            "programs",
            "field",
            "old",
            "new",
            "from",
            "to",
        ]
    )
    for r in reports:
        span = [r.old.published if r.old else "", r.new.published]

        def row(c: ListingChange, fields: list[str], span: list[str] = span) -> list[str]:
            base = [c.change, c.source, c.source_id, c.caption, c.schema, "; ".join(c.programs)]
            return base + fields + span

        for c in r.added:
            out.writerow(row(c, ["", "", ""]))
        for c in r.removed:
            out.writerow(row(c, ["", "", ""]))
        for c in r.amended:
            for fc in c.changes or []:
                out.writerow(row(c, [fc.field, fc.old or "", fc.new or ""]))


def _print_reports(reports: list[ChangeReport], limit: int) -> None:
    if not reports:
        console.print("No source has two publications to compare (load more, or use --since).")
        return
    for r in reports:
        frm = r.old.published if r.old else "(nothing)"
        console.print(
            f"[bold]{escape(r.source)}[/]  {escape(frm)} → {escape(r.new.published)}:  "
            f"[green]+{len(r.added)} added[/]  [red]−{len(r.removed)} removed[/]  "
            f"[yellow]~{len(r.amended)} amended[/]",
            highlight=False,
        )
        for note in r.notes:
            console.print(f"  [dim]{escape(note)}[/]")
        for title, items in (("Added", r.added), ("Removed", r.removed)):
            if not items:
                continue
            table = Table(title=f"{title} ({len(items)})", title_justify="left")
            for col in ("id", "name", "schema", "programmes"):
                table.add_column(col, overflow="fold")
            for c in items[: limit or None]:
                table.add_row(
                    escape(c.source_id), escape(c.caption), c.schema, escape(", ".join(c.programs))
                )
            console.print(table)
            if limit and len(items) > limit:
                console.print(f"  … {len(items) - limit} more (--limit 0 shows all)")
        if r.amended:
            table = Table(title=f"Amended ({len(r.amended)})", title_justify="left")
            for col in ("id", "name", "changes"):
                table.add_column(col, overflow="fold")
            for c in r.amended[: limit or None]:
                table.add_row(
                    escape(c.source_id),
                    escape(c.caption),
                    escape("\n".join(fc.describe() for fc in c.changes)),
                )
            console.print(table)
            if limit and len(r.amended) > limit:
                console.print(f"  … {len(r.amended) - limit} more (--limit 0 shows all)")


@app.command("changes")
def changes_cmd(
    source: Annotated[str | None, typer.Option(help="Only this source (e.g. us_ofac_sdn).")] = None,
    since: Annotated[
        str | None, typer.Option(help="Compare from the publication in force at this date.")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Compare to the publication in force at this date.")
    ] = None,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV, one row per change.")] = False,
    limit: Annotated[int, typer.Option(help="Rows per table in the readable form (0 = all).")] = 50,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Listings added, removed and amended (field by field) between two publications.

    Default: the two newest publications of each source. With --since/--until: the
    publications in force at those dates.
    """
    with open_store(home, readonly=True) as store:
        if source and source not in store.sources():
            raise fail(f"no publication of {source} loaded; loaded: {', '.join(store.sources())}")
        try:
            reports = changes(store, source, since, until)
        except ValueError as exc:
            raise fail(str(exc)) from exc
    if as_json:
        sys.stdout.write(json.dumps(_report_dict(reports), ensure_ascii=False, indent=2) + "\n")
    elif as_csv:
        _write_csv(reports)
    else:
        _print_reports(reports, limit)


# -- thaw history ---------------------------------------------------------------------------


def _event_text(e: Event) -> str:
    lines = []
    if e.programs:
        lines.append(", ".join(e.programs))
    if e.listed_on and e.kind in ("listed", "relisted"):
        lines.append(f"listed on {e.listed_on} (per the authority)")
    if e.previous:
        lines.append(f"between {e.previous[:10]} and {e.date[:10]}")
    if e.note:
        lines.append(e.note)
    lines += [c.describe() for c in e.changes]
    return "\n".join(lines)


def _print_timeline(timeline: Timeline) -> None:
    console.print(f"[bold]{escape(timeline.caption)}[/]  " + escape(f"[{timeline.party_id}]"))
    status = timeline.status()
    for authority, events in timeline.by_authority().items():
        s = status[authority]
        state = "listed" if s["current"] else "not listed now"
        table = Table(
            title=f"{authority}: {state}; first seen {str(s['first_listed'])[:10]}",
            title_justify="left",
        )
        for col in ("date", "event", "listing", "details"):
            table.add_column(col, overflow="fold")
        for e in events:
            table.add_row(
                e.date[:10], e.kind, escape(f"{e.source}:{e.source_id}"), escape(_event_text(e))
            )
        console.print(table)


@app.command("history")
def history_cmd(
    key: Annotated[str, typer.Argument(help="SOURCE:ID of a listing, or a profile id.")],
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """When a listing (or a party, by profile id) was first listed, amended, delisted
    and re-listed, per authority."""
    with open_store(home) as store:
        source, sep, source_id = key.partition(":")
        if sep and source_id:
            listing = listing_timeline(store, source, source_id)
            if listing is None:
                for src, sid in store.search_ids(source, source_id):
                    listing = listing_timeline(store, src, sid)
            if listing is None:
                raise fail(f"the store never held a listing {key}")
            timeline = Timeline(f"{listing.source}:{listing.source_id}", listing.caption, [listing])
            profile_id = Profiles(store, auto_refresh=False).profile_id_of(
                listing.source, listing.source_id
            )
        else:
            party = Parties(store).get(key)
            if party is None:
                raise fail(f"no profile {key}; use SOURCE:ID for a listing")
            timeline = party_timeline(store, party)
            profile_id = None
    if as_json:
        data = timeline.to_dict()
        if profile_id:
            data["profile"] = profile_id
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    _print_timeline(timeline)
    if profile_id:
        console.print(
            f"[dim]part of profile {escape(profile_id)}: thaw history {escape(profile_id)}[/]"
        )


# -- thaw chart -----------------------------------------------------------------------------


@app.command("chart")
def chart_cmd(
    source: Annotated[
        str | None, typer.Option(help="One source: its total and largest programmes.")
    ] = None,
    program: Annotated[
        str | None, typer.Option(help="One programme code, in every source using it.")
    ] = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="File to write (.svg, or .png with cairosvg).")
    ] = Path("thaw-listings.svg"),
    top: Annotated[int, typer.Option(help="Programmes drawn with --source.")] = 8,
    title: Annotated[str | None, typer.Option(help="Chart title.")] = None,
    home: HomeOption = None,
) -> None:
    """Listings over time per source and programme, from the stored publications."""
    with open_store(home, readonly=True) as store:
        series = chart_series(store, source=source, program=program, top=top)
    if not series:
        raise fail("nothing to draw: no publication matches (see thaw lists)")
    what = program or source or "all sources"
    try:
        path = write_chart(series, output, title or f"Listings over time: {what}")
    except (ChartError, OSError) as exc:
        raise fail(str(exc)) from exc
    points = max(len(s.points) for s in series)
    console.print(
        f"wrote {path} ({len(series)} lines, up to {points} publications)", highlight=False
    )
