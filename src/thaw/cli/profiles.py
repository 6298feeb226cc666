"""``thaw profile`` and ``thaw profiles …``: one profile per party across authorities."""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from thaw.cli._app import HomeOption, JsonOption, app, console, err, fail, open_store
from thaw.profiles import Profile, ProfileError, Profiles, RefreshResult, parse_key
from thaw.store import Store

profiles_app = typer.Typer(
    help="Profiles: one per real-world party, linking the listings of all authorities.",
    no_args_is_help=True,
)
app.add_typer(profiles_app, name="profiles")


def _report(result: RefreshResult) -> None:
    if result.mode == "unchanged":
        return
    err.print(
        f"profiles {result.mode} refresh: {result.listings} listings ({result.changed} re-read, "
        f"{result.removed} removed) → {result.profiles} profiles, {result.multi} with several "
        f"authorities, in {result.seconds:.1f} s",
        highlight=False,
    )


def _profiles(store: Store) -> Profiles:
    return Profiles(store, on_refresh=_report)


@app.command("profile")
def profile_cmd(
    ref: Annotated[str, typer.Argument(help="Profile id (p-…) or a member listing SOURCE:ID.")],
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """One party across all authorities: its listings, the evidence linking them,
    and every published detail with the listing that published it."""
    with open_store(home) as store:
        try:
            profile = _profiles(store).resolve(ref)
        except ProfileError as exc:
            raise fail(str(exc)) from exc
    if profile is None:
        raise fail(f"no profile {ref} (a listing must be in an active publication)")
    if as_json:
        console.print_json(json.dumps(profile.to_dict(), ensure_ascii=False))
        return
    render_profile(profile)


def render_profile(profile: Profile) -> None:
    """Print one profile as readable tables."""
    authorities = {source.split("_", 1)[0] for source in profile.sources}
    console.print(
        f"[bold]{escape(profile.caption)}[/]  {profile.id}  ({profile.schema}, "
        f"{len(profile.listings)} listings, {len(authorities)} authorities)",
        highlight=False,
    )
    table = Table(title="Listings", title_justify="left")
    for col in ("authority", "listing", "name", "programmes", "listed on"):
        table.add_column(col, overflow="fold")
    for m in profile.members:
        table.add_row(m.authority, m.key, m.caption, ", ".join(m.programs), m.listed_on or "")
    console.print(table)
    applied = [link for link in profile.links if link.status == "applied"]
    refused = [link for link in profile.links if link.status == "refused"]
    if applied or refused:
        links = Table(title="Evidence", title_justify="left")
        for col in ("listings", "evidence", "status"):
            links.add_column(col, overflow="fold")
        for link in [*applied, *refused]:
            status = link.status + (f": {link.reason}" if link.reason else "")
            links.add_row(f"{link.a}\n{link.b}", link.summary, status)
        console.print(links)
    if profile.details:
        details = Table(title="Details", title_justify="left", show_header=True)
        for col in ("field", "value", "published by"):
            details.add_column(col, overflow="fold")
        grouped: dict[tuple[str, str, str], list[str]] = {}
        for d in profile.details:
            if d.field in ("remark", "link"):
                continue
            label = d.field + (f" ({d.qualifier})" if d.qualifier else "")
            grouped.setdefault((d.field, label, d.value), []).append(f"{d.source}:{d.source_id}")
        for (_f, label, value), who in grouped.items():
            details.add_row(label, value, ", ".join(dict.fromkeys(who)))
        console.print(details)


@profiles_app.command("list")
def list_cmd(
    min_sources: Annotated[
        int, typer.Option("--min-sources", help="Only profiles listed by at least N authorities.")
    ] = 2,
    source: Annotated[
        str | None, typer.Option(help="Only profiles with a listing of this source.")
    ] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many (0: all).")] = 50,
    home: HomeOption = None,
    as_json: JsonOption = False,
) -> None:
    """Profiles listed by several authorities (largest first)."""
    with open_store(home) as store:
        rows = _profiles(store).summary()
    rows = [r for r in rows if len(r[4]) >= min_sources and (source is None or source in r[4])]
    rows.sort(key=lambda r: (-len(r[4]), -r[3], r[1]))
    total = len(rows)
    if limit:
        rows = rows[:limit]
    if as_json:
        data = [
            {"id": r[0], "caption": r[1], "schema": r[2], "size": r[3], "sources": r[4]}
            for r in rows
        ]
        console.print_json(json.dumps(data, ensure_ascii=False))
        return
    table = Table(
        title=f"{total} profiles with at least {min_sources} authorities", title_justify="left"
    )
    for col in ("id", "caption", "schema", "listings", "authorities"):
        table.add_column(col, overflow="fold")
    for pid, caption, schema, size, sources in rows:
        table.add_row(pid, caption, schema, str(size), ", ".join(sources))
    console.print(table)


@profiles_app.command("rebuild")
def rebuild_cmd(
    full: Annotated[bool, typer.Option("--full/--incremental", help="Re-link everything.")] = True,
    home: HomeOption = None,
) -> None:
    """Re-link the listings of the active publications (by default from scratch;
    --incremental re-links only listings whose content changed)."""
    with open_store(home) as store:
        result = Profiles(store, auto_refresh=False).refresh(full=full)
    console.print(
        f"{result.mode}: {result.listings} listings, {result.changed} re-read, "
        f"{result.removed} removed; "
        f"{result.profiles} profiles ({result.multi} with several authorities); "
        f"{result.edges} links applied, {result.refused} refused; {result.seconds:.1f} s",
        highlight=False,
    )


def _who(who: str | None) -> str:
    if who:
        return who
    try:
        return os.environ.get("THAW_ANALYST") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


WhyOption = Annotated[str, typer.Option("--why", help="The reason, kept with the decision.")]
WhoOption = Annotated[
    str | None,
    typer.Option("--who", help="Who decides (default: $THAW_ANALYST or the login name)."),
]


def _decide(action: str, a: str, b: str, why: str, who: str | None, home: Path | None) -> None:
    with open_store(home) as store:
        profiles = Profiles(store, auto_refresh=False)
        try:
            decision = (profiles.link if action == "link" else profiles.unlink)(
                a, b, _who(who), why
            )
        except ProfileError as exc:
            raise fail(str(exc)) from exc
        result = profiles.refresh()
        pa = profiles.profile_id_of(*parse_key(a))
        pb = profiles.profile_id_of(*parse_key(b))
    console.print(
        f"decision {decision.id}: {action} {decision.a} {decision.b}"
        f" by {decision.who} ({decision.at})",
        highlight=False,
    )
    if action == "link" and pa != pb:
        err.print(
            f"[yellow]note:[/] the listings are still in different profiles ({pa}, {pb}): "
            "see `thaw profile` for the refused link and its reason",
            highlight=False,
        )
    elif action == "unlink" and pa == pb and pa is not None:
        err.print(f"[yellow]note:[/] the listings still share profile {pa}", highlight=False)
    else:
        console.print(f"profiles: {a} → {pa}, {b} → {pb} ({result.mode} refresh)", highlight=False)


@profiles_app.command("link")
def link_cmd(
    a: Annotated[str, typer.Argument(help="A listing, SOURCE:ID.")],
    b: Annotated[str, typer.Argument(help="Another listing, SOURCE:ID.")],
    why: WhyOption,
    who: WhoOption = None,
    home: HomeOption = None,
) -> None:
    """Record that two listings are the same party (kept across reloads)."""
    _decide("link", a, b, why, who, home)


@profiles_app.command("unlink")
def unlink_cmd(
    a: Annotated[str, typer.Argument(help="A listing, SOURCE:ID.")],
    b: Annotated[str, typer.Argument(help="Another listing, SOURCE:ID.")],
    why: WhyOption,
    who: WhoOption = None,
    home: HomeOption = None,
) -> None:
    """Record that two listings are different parties (kept across reloads)."""
    _decide("unlink", a, b, why, who, home)


@profiles_app.command("decisions")
def decisions_cmd(home: HomeOption = None, as_json: JsonOption = False) -> None:
    """The analysts' link and unlink decisions, oldest first."""
    with open_store(home) as store:
        decisions = Profiles(store, auto_refresh=False).decisions()
    if as_json:
        console.print_json(
            json.dumps(
                [
                    {
                        "id": d.id,
                        "action": d.action,
                        "a": d.a,
                        "b": d.b,
                        "who": d.who,
                        "why": d.why,
                        "at": d.at,
                    }
                    for d in decisions
                ],
                ensure_ascii=False,
            )
        )
        return
    table = Table(title="Analyst decisions", title_justify="left")
    for col in ("#", "action", "listings", "who", "when", "why"):
        table.add_column(col, overflow="fold")
    for d in decisions:
        table.add_row(str(d.id), d.action, f"{d.a}\n{d.b}", d.who, d.at, d.why)
    console.print(table)
